/*
 * fast_paths.c: the shortcuts taken for throughput (issue 3, 1,000 reports
 * per second per core) give the same answers as the plain definitions they
 * replace, on random strings built from the bytes that matter: ASCII,
 * white space, lead and continuation bytes, surrogate and overlong forms,
 * full-width forms, 、 after a digit, and the typos the labels correct.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include "gk/parse.h"
#include "parse/parse_int.h"
#include "test.h"
#include "util/utf8.h"

/* A fixed-seed generator (xorshift64*), so that a failure repeats. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 33) % n;
}

/* Pieces random strings are made of. */
static const char *const pieces[] = {
    "a", "<td>", "  ", "\t", "\n", "\xC2\xA0", "\xE3\x80\x80", "1", "9", "、", "申请", "請", "开",
    "钩稽", "行政法复议", "\xEF\xBC\x91" /* １ */, "\xEF\xBC\x8C" /* ， */, "\xE0\xA0\x80",
    "\xE0\x80\x80" /* overlong */, "\xED\xA0\x80" /* surrogate */, "\xED\x9F\xBF",
    "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80" /* > U+10FFFF */, "\x80", "\xBF", "\xC0\xAF",
    "\xE4\xB8", "\xE4", "\xF0\x9F", "\xFF", "abcdefghijklmnop", "\xE4\xB8\xAD\xE6\x96\x87"};

static size_t random_string(char *out, size_t cap)
{
    size_t n = 0, k = rnd(24);

    while (k--) {
        const char *p = pieces[rnd(GK_ARRAY_LEN(pieces))];
        size_t l = strlen(p);
        if (n + l > cap)
            break;
        memcpy(out + n, p, l);
        n += l;
    }
    return n;
}

/* gk_utf8_invalid_at by its definition: the first byte where decoding
 * fails. */
static size_t invalid_at_ref(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t at = i;
        if (gk_utf8_next(s, len, &i) < 0)
            return at;
    }
    return len;
}

GK_TEST(parse_fast_paths, utf8_validation_matches_decoding)
{
    char s[512];
    int k;

    for (k = 0; k < 20000; k++) {
        size_t n = random_string(s, sizeof s);
        GK_T_INT_EQ(gk_utf8_invalid_at(s, n), invalid_at_ref(s, n));
    }
}

/* gk_parse__norm as it was written before it copied runs: every code point
 * decoded and re-encoded. */
static int norm_ref(gk_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    int32_t cp, prev = 0;
    int error = 0;

    while (i < len && !error) {
        cp = gk_utf8_next(s, len, &i);
        if (cp < 0 || gk_parse__is_space(cp))
            continue;
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp = cp - 0xFF01 + 0x21;
        if (cp == 0x3001 && prev >= '0' && prev <= '9')
            cp = '.';
        error = gk_utf8_put(out, cp);
        prev = cp;
    }
    return error;
}

GK_TEST(parse_fast_paths, label_normalisation_matches_per_character)
{
    char s[512];
    int k;

    for (k = 0; k < 20000; k++) {
        size_t n = random_string(s, sizeof s);
        gk_buf got = GK_BUF_INIT, want = GK_BUF_INIT, tmp = GK_BUF_INIT;
        int e1 = gk_parse__norm(&got, s, n);
        /* the reference applies the typo table through norm of its own
         * output, which has no run left to copy differently */
        int e2 = norm_ref(&tmp, s, n);
        if (e2 == 0)
            e2 = gk_parse__norm(&want, tmp.ptr ? tmp.ptr : "", tmp.len);
        GK_T_INT_EQ(e1, 0);
        GK_T_INT_EQ(e2, 0);
        GK_T_MEM_EQ(got.ptr ? got.ptr : "", got.len, want.ptr ? want.ptr : "", want.len);
        gk_buf_release(&got);
        gk_buf_release(&want);
        gk_buf_release(&tmp);
    }
}

/* Tag names are matched without regard to case; cell spans are read in
 * any case among other attributes; a '>' inside a quoted value does not
 * end the tag. Each page gives the texts and spans of its cells. */
GK_TEST(parse_fast_paths, html_tags_any_case)
{
    static const struct {
        const char *page, *cells; /* "text:colspan:rowspan " per cell */
    } cases[] = {
        {"<TABLE><TR><TD COLSPAN=2>a</TD></TR><tr><Td>b</tD><TH>c</th></tr></table>",
         "a:2:1 b:1:1 c:1:1 "},
        {"<table><tr><td style=\"x>y\" class='c' RowSpan=\"2\">a<td>b<tr><td>c</table>",
         "a:1:2 b:1:1 c:1:1 "},
        {"<Table><tr><td title='>'>a</td><SCRIPT>x<td>y</td></Script><td>b</td></tr></TABLE>",
         "a:1:1 b:1:1 "},
    };
    size_t k, i;

    for (k = 0; k < GK_ARRAY_LEN(cases); k++) {
        gk_grid g;
        gk_buf got = GK_BUF_INIT;
        gk_grid_init(&g);
        GK_T_CALL(gk_parse__html_grid(&g, cases[k].page, strlen(cases[k].page)));
        for (i = 0; i < g.ncells; i++)
            if (g.cells[i].bounded)
                GK_T_CALL(gk_buf_printf(&got, "%s:%u:%u ", g.cells[i].text,
                                        (unsigned)g.cells[i].colspan,
                                        (unsigned)g.cells[i].rowspan));
        GK_T_STR_EQ(gk_buf_cstr(&got), cases[k].cells);
        gk_buf_release(&got);
        gk_grid_release(&g);
    }
}

/* A page in Traditional Chinese is converted as a whole text would be,
 * though the markup between its runs of Chinese is copied around OpenCC:
 * phrases of OpenCC's TSPhrases (回覆, 計畫, 據瞭解, 鎖鍊) inside text runs,
 * at their edges, and split by short ASCII. */
GK_TEST(parse_fast_paths, traditional_page_converted_as_a_whole)
{
    static const char page[] =
        "<html><head><title>政府資訊公開年度報告</title></head><body>\n"
        "<p class=\"MsoNormal\" style=\"margin-left:12pt;text-indent:24pt\">本機關收到政府資訊公開"
        "申請17件，回覆申請人的處理結果均已按時送達。計畫於2025年據瞭解鎖鍊</p>\n"
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"width:100%\"><tr>"
        "<td>申請人情況</td><td colspan=\"3\">自然人</td></tr><tr><td>數量</td><td>"
        "回</td><td>覆</td><td>1 2</td></tr></table><p>處理機關 項目 資料 開 關 報 請 數"
        "</p><p>鐵鍊 龍鍾 二噁英 回覆</p></body></html>\n";
    gk_buf whole = GK_BUF_INIT, got = GK_BUF_INIT;
    int rc = gk_parse__t2s(&whole, page, sizeof page - 1);

    if (rc == 0) {
        gk_buf_release(&whole);
        GK_T_SKIP("OpenCC t2s not installed");
    }
    {
        int e = gk_parse__to_utf8(&got, page, sizeof page - 1, true);
        bool converted = strstr(gk_buf_cstr(&got), "收到政府资讯公开申请17件，回复申请人") != NULL;
        bool same = !strcmp(gk_buf_cstr(&got), gk_buf_cstr(&whole));
        gk_buf_release(&whole);
        gk_buf_release(&got);
        GK_T_INT_EQ(rc, 1);
        GK_T_INT_EQ(e, 0);
        GK_T_OK(converted);
        GK_T_OK(same);
    }
}

/* GB18030 decoded the plain way: the whole text through iconv, each byte
 * that does not decode read as U+FFFD. */
static int gb18030_ref(gk_buf *out, const char *data, size_t len)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    char tmp[256];
    char *in = (char *)(uintptr_t)data;
    size_t inleft = len;
    int error = 0;

    if (cd == (iconv_t)-1)
        return -1;
    while (inleft > 0 && !error) {
        char *o = tmp;
        size_t oleft = sizeof tmp;
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        error = gk_buf_put(out, tmp, (size_t)(o - tmp));
        if (rc == (size_t)-1 && errno != E2BIG && !error) {
            error = gk_buf_put(out, "\xEF\xBF\xBD", 3);
            in++;
            inleft--;
        }
    }
    iconv_close(cd);
    return error;
}

/* GB18030 pages are decoded with their long ASCII runs copied around
 * iconv; valid or not, the text is the whole-text decoding: clean pages,
 * a bad byte before a long run, a two-byte form whose trail byte is ASCII
 * (0x40-0x7E), four-byte forms, and a page cut inside a character. */
GK_TEST(parse_fast_paths, gb18030_pages_decoded_as_a_whole)
{
    static const char head[] = "<meta charset=\"gb2312\"><p class=\"MsoNormal\" style=\"x\">";
    static const char *const bodies[] = {
        "\xC9\xEA\xC7\xEB 17 \xBC\xFE</p><p style=\"margin-left:12pt;text-indent:24pt\">"
        "\xC9\xEA\xC7\xEB",
        "\xC9\xEA\x81<p style=\"margin-left:12pt;text-indent:24pt;font-size:10pt\">\xC7\xEB",
        "\x81\x40\x81\x7E<span style=\"font-family:SimSun;font-size:10.5pt\">\x81\x30\x81\x30"
        "\x95\x32\x82\x36</span>",
        "\xC9\xEA<span style=\"font-family:SimSun;font-size:10.5pt;color:red\">\xC7",
        "\xFF\xFE\x80<span style=\"font-family:SimSun;font-size:10.5pt;color:red\">\x81\x30\x81",
    };
    size_t k;

    for (k = 0; k < GK_ARRAY_LEN(bodies); k++) {
        gk_buf page = GK_BUF_INIT, got = GK_BUF_INIT, want = GK_BUF_INIT;
        int e1, e2;
        bool same;
        e1 = gk_buf_puts(&page, head);
        if (e1 == 0)
            e1 = gk_buf_puts(&page, bodies[k]);
        if (e1 == 0)
            e1 = gk_parse__to_utf8(&got, page.ptr, page.len, true);
        e2 = gb18030_ref(&want, page.ptr, page.len);
        same = got.len == want.len && !memcmp(gk_buf_cstr(&got), gk_buf_cstr(&want), got.len);
        gk_buf_release(&page);
        gk_buf_release(&got);
        gk_buf_release(&want);
        GK_T_INT_EQ(e1, 0);
        GK_T_INT_EQ(e2, 0);
        GK_T_OK(same);
    }
}
