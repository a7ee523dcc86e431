/*
 * engines.c: the Aho-Corasick oracle, Vectorscan and a brute-force search
 * must report exactly the same dictionary hits on random inputs; the
 * windowed stream must report exactly what one window reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "helpers.h"
#include "gk/buf.h"

static uint64_t rng = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *const alphabet[] = {"政", "府", "信", "息", "公", "开", "a", "b"};

static int append_random(gk_buf *b, unsigned nchars)
{
    unsigned i;
    int rc = 0;

    for (i = 0; i < nchars && rc == 0; i++)
        rc = gk_buf_puts(b, alphabet[rnd(GK_ARRAY_LEN(alphabet))]);
    return rc;
}

/* Brute force: every occurrence of every word, as "word@start-end". */
static int brute(gk_buf *out, const char *text, size_t len, char words[][64], size_t nw)
{
    size_t p, w;
    int rc = 0;
    bool first = true;

    for (p = 0; p < len && rc == 0; p++) {
        /* shortest word first at equal start, as the screener sorts by end */
        size_t best_len;
        for (best_len = 1; best_len <= 64 && rc == 0; best_len++)
            for (w = 0; w < nw && rc == 0; w++) {
                size_t l = strlen(words[w]);
                if (l == best_len && p + l <= len && !memcmp(text + p, words[w], l)) {
                    rc = gk_buf_printf(out, "%sword@%zu-%zu", first ? "" : " ", p, p + l);
                    first = false;
                }
            }
    }
    return rc;
}

GK_TEST(screen_engines, ac_vectorscan_and_brute_force_agree)
{
    int round;

    for (round = 0; round < 30; round++) {
        gk_screen_dict *d = NULL;
        gk_buf text = GK_BUF_INIT, list = GK_BUF_INIT, want = GK_BUF_INIT;
        char words[40][64];
        size_t nw = 1 + rnd(39), i, j;
        static char got_ac[1 << 16], got_hs[1 << 16];

        GK_T_CALL(gk_screen_dict_new(&d));
        for (i = 0; i < nw; i++) {
            gk_buf w = GK_BUF_INIT;
            bool dup = false;
            GK_T_CALL(append_random(&w, 1 + rnd(4)));
            for (j = 0; j < i; j++)
                dup |= !strcmp(words[j], w.ptr);
            if (dup) {
                gk_buf_release(&w);
                nw--;
                i--;
                continue;
            }
            snprintf(words[i], sizeof words[i], "%s", w.ptr);
            GK_T_CALL(gk_buf_printf(&list, "%s\n", w.ptr));
            gk_buf_release(&w);
        }
        GK_T_CALL(gk_screen_dict_add_words(d, list.ptr, list.len, "random"));
        GK_T_CALL(append_random(&text, 300 + rnd(300)));
        GK_T_CALL(brute(&want, text.ptr, text.len, words, nw));
        GK_T_CALL(screen_summary(got_ac, sizeof got_ac, text.ptr, text.len, d,
                                 GK_SCREEN_ENGINE_AC, 0));
        GK_T_STR_EQ(got_ac, gk_buf_cstr(&want));
        GK_T_CALL(screen_summary(got_hs, sizeof got_hs, text.ptr, text.len, d,
                                 GK_SCREEN_ENGINE_HS, 0));
        GK_T_STR_EQ(got_hs, got_ac);
        gk_buf_release(&text);
        gk_buf_release(&list);
        gk_buf_release(&want);
        gk_screen_dict_free(d);
    }
}

/* Official-style text with planted items, larger than several windows. */
static int planted_text(gk_buf *b, size_t target)
{
    static const char *const items[] = {
        "身份证号350102199003071234，", "联系电话13800138000。", "邮箱zhang.san@example.com，",
        "卡号6222021234567890128；", "办公电话0591-87654321。", "秘密★1年", "工作布署到位，",
        "护照E12345678，", "车牌闽A12345，", "旧号110105194912310020，"};
    static const char filler[] = "本机关认真贯彻落实政府信息公开条例，依法依规做好信息公开工作。\n";
    int rc = 0;

    while (b->len < target && rc == 0) {
        rc = gk_buf_puts(b, filler);
        if (rc == 0 && rnd(3) == 0)
            rc = gk_buf_puts(b, items[rnd(GK_ARRAY_LEN(items))]);
        if (rc == 0 && rnd(50) == 0) { /* a long line without newlines */
            int k;
            for (k = 0; k < 200 && rc == 0; k++)
                rc = gk_buf_puts(b, "依法公开");
        }
    }
    return rc;
}

GK_TEST(screen_engines, windows_report_what_one_window_reports)
{
    gk_buf text = GK_BUF_INIT;
    gk_screen_dict *d = NULL;
    static char one[1 << 20], small[1 << 20];
    static const char typos[] = "布署\t部署\n";
    size_t nfound = 0, i;

    GK_T_CALL(gk_screen_dict_new(&d));
    GK_T_CALL(gk_screen_dict_add_typos(d, typos, strlen(typos), "t"));
    GK_T_CALL(planted_text(&text, 300 * 1024));
    GK_T_CALL(screen_summary(one, sizeof one, text.ptr, text.len, d, GK_SCREEN_ENGINE_AUTO,
                             4u << 20));
    GK_T_CALL(screen_summary(small, sizeof small, text.ptr, text.len, d, GK_SCREEN_ENGINE_AUTO,
                             4096));
    for (i = 0; one[i]; i++)
        nfound += one[i] == '@';
    GK_T_OK(nfound > 100);
    GK_T_STR_EQ(small, one);
    gk_buf_release(&text);
    gk_screen_dict_free(d);
}

GK_TEST(screen_engines, stream_feeds_of_any_size_agree)
{
    gk_buf text = GK_BUF_INIT;
    gk_screen *s = NULL;
    gk_screen_options o = {GK_SCREEN_ENGINE_AUTO, 8192};
    gk_screen_findings a = GK_SCREEN_FINDINGS_INIT, b = GK_SCREEN_FINDINGS_INIT;
    gk_screen_stream *st = NULL;
    size_t pos = 0, i;

    GK_T_CALL(planted_text(&text, 100 * 1024));
    GK_T_CALL(gk_screen_new(&s, NULL, &o));
    GK_T_CALL(gk_screen_buffer(s, text.ptr, text.len, gk_screen_collect, &a));
    GK_T_CALL(gk_screen_stream_new(&st, s, gk_screen_collect, &b));
    while (pos < text.len) {
        size_t n = 1 + rnd(5000);
        if (n > text.len - pos)
            n = text.len - pos;
        GK_T_CALL(gk_screen_stream_feed(st, text.ptr + pos, n));
        pos += n;
    }
    GK_T_CALL(gk_screen_stream_finish(st));
    GK_T_INT_EQ(b.count, a.count);
    for (i = 0; i < a.count; i++) {
        GK_T_INT_EQ(b.items[i].start, a.items[i].start);
        GK_T_INT_EQ(b.items[i].line, a.items[i].line);
        GK_T_INT_EQ(b.items[i].col, a.items[i].col);
        GK_T_MEM_EQ(b.items[i].text.ptr, b.items[i].text.len, text.ptr + a.items[i].start,
                    (size_t)(a.items[i].end - a.items[i].start));
    }
    gk_screen_stream_free(st);
    gk_screen_findings_release(&a);
    gk_screen_findings_release(&b);
    gk_screen_free(s);
    gk_buf_release(&text);
}

GK_TEST(screen_engines, hostile_dictionaries)
{
    gk_screen_dict *d = NULL;
    gk_buf big = GK_BUF_INIT;
    char got[64];
    size_t i;
    int rc;

    /* Empty dictionary: correct output (built-in detectors only). */
    GK_T_CALL(gk_screen_dict_new(&d));
    GK_T_CALL(gk_screen_dict_add_words(d, "# only a comment\n\n", 18, "empty"));
    GK_T_CALL(screen_summary(got, sizeof got, "13800138000", 11, d, GK_SCREEN_ENGINE_AUTO, 0));
    GK_T_STR_EQ(got, "mobile@0-11");
    /* Invalid UTF-8 in a dictionary is an error with its position. */
    rc = gk_screen_dict_add_words(d, "ok\n\xff\xfe\n", 6, "bad");
    GK_T_INT_EQ(rc, GK_EINVALID);
    /* A typo line without a TAB names its line. */
    rc = gk_screen_dict_add_typos(d, "# c\n布署 部署\n", strlen("# c\n布署 部署\n"), "t.txt");
    GK_T_INT_EQ(rc, GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "t.txt:2") != NULL);
    gk_screen_dict_free(d);
    /* 1,000,000 words: refused past the cap, with a clear error. */
    big.max = (size_t)64 << 20;
    for (i = 0; i < 1000000; i++)
        GK_T_CALL(gk_buf_printf(&big, "w%zu\n", i));
    GK_T_CALL(gk_screen_dict_new(&d));
    rc = gk_screen_dict_add_words(d, big.ptr, big.len, "big");
    GK_T_INT_EQ(rc, GK_ETOOBIG);
    GK_T_OK(strstr(gk_error_last()->message, "上限") != NULL);
    gk_screen_dict_free(d);
    gk_buf_release(&big);
}

GK_TEST(screen_engines, invalid_utf8_input_is_screened)
{
    char got[256];
    static const char in[] = "\xff\xfe电话13800138000\xc3\x28 \xe4\xb8";

    GK_T_CALL(screen_summary(got, sizeof got, in, sizeof in - 1, NULL, GK_SCREEN_ENGINE_AUTO, 0));
    GK_T_STR_EQ(got, "mobile@8-19");
}

GK_TEST(screen_engines, dictionary_entries_are_normalised_like_the_text)
{
    gk_screen_dict *d = NULL;
    char got[256];
    static const char words[] = "征求意见稿（内部）\n部 署\n";
    static const char text[] = "附件：征求意见稿(内部)，工作部署";

    GK_T_CALL(gk_screen_dict_new(&d));
    GK_T_CALL(gk_screen_dict_add_words(d, words, strlen(words), "w"));
    GK_T_CALL(screen_summary(got, sizeof got, text, strlen(text), d, GK_SCREEN_ENGINE_AC, 0));
    GK_T_STR_EQ(got, "word@9-32 word@41-47");
    GK_T_CALL(screen_summary(got, sizeof got, text, strlen(text), d, GK_SCREEN_ENGINE_HS, 0));
    GK_T_STR_EQ(got, "word@9-32 word@41-47");
    gk_screen_dict_free(d);
}

/* The shipped starter list loads (wrong<TAB>right, no pair with both sides
 * equal: the loader refuses those) and has at least 300 pairs. */
GK_TEST(screen_engines, starter_typo_list)
{
    gk_screen_dict *d = NULL;
    char got[64];
    static const char text[] = "既往不究，按步就班。";

    GK_T_CALL(gk_screen_dict_new(&d));
    GK_T_CALL(gk_screen_dict_load_typos(d, gk_test_path("data/typos.txt")));
    GK_T_OK(gk_screen_dict_count(d) >= 300);
    GK_T_CALL(screen_summary(got, sizeof got, text, strlen(text), d, GK_SCREEN_ENGINE_AUTO, 0));
    GK_T_STR_EQ(got, "typo@0-12 typo@15-27");
    gk_screen_dict_free(d);
}
