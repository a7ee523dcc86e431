/*
 * normalize.c: the copy fast path of the normaliser (four ideographs per
 * step, one table look-up per character otherwise) must produce exactly
 * what the per-character path produces: the same normalised bytes and the
 * same offset map. The per-character path alone is obtained by clearing the
 * table's fast-path classes (lead[] all FAST_NO), so the test compares the
 * two over texts built from pieces that stress the boundaries: ideographs,
 * punctuation that NFKC changes or keeps, full-width digits, zero-width and
 * ideographic spaces, malformed and truncated sequences, at every length
 * near the 16-byte blocks and the end of the input.
 */
#include <string.h>
#include "screen/screen_int.h"
#include "test.h"

static const char *const pieces[] = {
    "政府信息公开",
    "，",
    "。",
    "《",
    "》",
    "、",
    "１３８",
    "0013",
    " ",
    "\t",
    "\n",
    "　",           /* ideographic space */
    "\xE2\x80\x8B", /* zero-width space */
    "Ｘ",
    "ｱ",
    "é",
    "😀",
    "㐀",               /* Extension A (E3 lead) */
    "\xE4\xB8",         /* truncated ideograph */
    "\xE4\xE4\x80\x80", /* lead where a continuation belongs */
    "\x80",
    "\xFF",
    "\xED\xA0\x80", /* stray continuation, invalid byte, surrogate */
    "\x1e",
    "\x1f",
    "a@b.cn",
    "丁",
    "가",           /* EA lead: Hangul, decomposed by NFKC */
    "\xEF\xBC\x91", /* full-width 1 (EF lead, changed) */
};

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static int same_view(const gk_screen_norm *a, const gk_screen_norm *b)
{
    if (a->len != b->len || memcmp(a->view, b->view, a->len) != 0)
        return 0;
    return a->nmap == b->nmap && memcmp(a->map, b->map, a->nmap * sizeof *a->map) == 0;
}

GK_TEST(screen_normalize, fast_path_equals_per_character_path)
{
    gk_screen_nfkc *fast = gk_malloc(sizeof *fast), *slow = gk_malloc(sizeof *slow);
    gk_screen_norm a, b;
    char text[512];
    unsigned round;

    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    GK_T_OK(fast && slow);
    GK_T_CALL(gk_screen__nfkc_build(fast));
    memcpy(slow, fast, sizeof *slow);
    memset(slow->lead, 0, sizeof slow->lead);
    /* The fast path must have something to do on Chinese text. */
    GK_T_OK(fast->lead[0xE4] != 0 && fast->lead['a'] != 0);
    for (round = 0; round < 4000; round++) {
        size_t n = 0, cut;
        while (n < 300) {
            const char *p = pieces[next(GK_ARRAY_LEN(pieces))];
            size_t l = strlen(p);
            if (next(3) == 0)
                p = pieces[0], l = 3 * (1 + next(6)); /* runs of 1..6 ideographs */
            memcpy(text + n, p, l);
            n += l;
        }
        /* Every length, so truncations fall everywhere in a block. */
        cut = round % 2 ? n : next((unsigned)n + 1);
        GK_T_CALL(gk_screen__normalize(&a, fast, text, cut));
        GK_T_CALL(gk_screen__normalize(&b, slow, text, cut));
        if (!same_view(&a, &b))
            GK_T_FAIL("fast and per-character paths differ (round %u, %zu bytes)", round, cut);
    }
    gk_screen__norm_release(&a);
    gk_screen__norm_release(&b);
    gk_free(fast);
    gk_free(slow);
}

GK_TEST(screen_normalize, long_chinese_run_is_one_map_point)
{
    gk_screen_nfkc *t = gk_malloc(sizeof *t);
    gk_screen_norm nv;
    static const char text[] = "本机关认真贯彻落实政府信息公开条例坚持以公开为常态不公开为例外"
                               "全年主动公开政府信息及时回应社会关切";

    memset(&nv, 0, sizeof nv);
    GK_T_OK(t != NULL);
    GK_T_CALL(gk_screen__nfkc_build(t));
    GK_T_CALL(gk_screen__normalize(&nv, t, text, sizeof text - 1));
    GK_T_MEM_EQ(nv.view, nv.len, text, sizeof text - 1);
    GK_T_INT_EQ(nv.nmap, 1);
    GK_T_OK(nv.view == text); /* nothing changed: the input is the view, no copy */
    /* One ideograph broken in the middle of a block stops the run there. */
    {
        char broken[sizeof text];
        memcpy(broken, text, sizeof text);
        broken[3 * 7 + 1] = 'x';
        GK_T_CALL(gk_screen__normalize(&nv, t, broken, sizeof broken - 1));
        GK_T_OK(nv.view == nv.text);
        GK_T_INT_EQ((unsigned char)nv.view[3 * 7], 0x1A);
        GK_T_INT_EQ(gk_screen__norm_to_orig(&nv, 3 * 7 + 1), 3 * 7 + 1);
    }
    gk_screen__norm_release(&nv);
    gk_free(t);
}
