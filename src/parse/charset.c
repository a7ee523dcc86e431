/*
 * charset.c: bytes to UTF-8 before any parsing (stack.md "charset traps":
 * gumbo is UTF-8 only, and gb2312 declarations hide GBK characters, so
 * GBK/GB2312 are always decoded as GB18030, their superset).
 *
 * Order: BOM; then, for HTML, a <meta charset> / http-equiv declaration in
 * the first 4 KB; then UTF-8 validity. Valid UTF-8 wins over a declaration
 * (portals copy templates that still say gb2312). Invalid UTF-8 that is not
 * GB18030 either keeps its valid parts and reads each bad byte as U+FFFD.
 */
#include <errno.h>
#include <iconv.h>
#include <strings.h>
#include "parse/parse_int.h"
#include "util/utf8.h"

/* Declared charsets mapped to the iconv name we decode with. */
static const struct {
    const char *label, *iconv_name;
} charsets[] = {
    {"utf-8", NULL},        {"utf8", NULL},        {"gb2312", "GB18030"},
    {"gbk", "GB18030"},     {"gb18030", "GB18030"}, {"x-gbk", "GB18030"},
    {"cp936", "GB18030"},   {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"},
};

/* Converts data with cd, appending UTF-8 to out. Lenient: each byte that
 * does not decode (EILSEQ, or EINVAL when truncated at the end) reads as
 * U+FFFD and decoding goes on after it. Strict: returns 1 at the first such
 * byte. */
static int iconv_into(gk_buf *out, iconv_t cd, const char *data, size_t len, bool strict)
{
    char tmp[4096];
    char *in = (char *)(uintptr_t)data;
    size_t inleft = len;
    int error = 0;

    while (inleft > 0 && !error) {
        char *o = tmp;
        size_t oleft = sizeof(tmp);
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        error = gk_buf_put(out, tmp, (size_t)(o - tmp));
        if (rc == (size_t)-1 && !error) {
            if (errno == E2BIG)
                continue;
            if (strict)
                return 1;
            /* EILSEQ / EINVAL (truncated at the end): one bad byte. */
            error = gk_buf_put(out, "\xEF\xBF\xBD", 3);
            in++;
            inleft--;
        }
    }
    return error;
}

/* ASCII runs at least this long (markup, mostly) are copied around iconv
 * and OpenCC, not through them. */
#define ASCII_GAP 32

/* Length of the GB18030 sequence that starts at s[0] (n bytes left):
 * ASCII 1, a four-byte form when the second byte is a digit, else two. */
static size_t gb18030_seq(const unsigned char *s, size_t n)
{
    size_t k = s[0] < 0x80 ? 1 : n >= 2 && s[1] >= 0x30 && s[1] <= 0x39 ? 4 : 2;

    return k < n ? k : n;
}

/* GB18030 with the long ASCII runs (the markup) copied as they are: glibc
 * decodes about 50 instructions a byte, ASCII included. The runs start at
 * sequence boundaries, so when every piece between them decodes cleanly
 * the result is the whole-text one. Returns 1 (nothing kept) when some
 * piece does not decode: the caller decodes the whole text leniently. */
static int gb18030_by_runs(gk_buf *out, iconv_t cd, const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0, start = 0, j;
    int rc = 0;

    while (i < len && rc == 0) {
        if (s[i] >= 0x80) {
            i += gb18030_seq(s + i, len - i);
            continue;
        }
        j = i;
        while (j < len && s[j] < 0x80)
            j++;
        if (j - i >= ASCII_GAP) {
            if (i > start)
                rc = iconv_into(out, cd, data + start, i - start, true);
            if (rc == 0)
                rc = gk_buf_put(out, data + i, j - i);
            start = j;
        }
        i = j;
    }
    if (rc == 0 && start < len)
        rc = iconv_into(out, cd, data + start, len - start, true);
    return rc;
}

static int decode(gk_buf *out, const char *from, const char *data, size_t len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    size_t mark = out->len;
    int error = 1;

    if (cd == (iconv_t)-1) {
        gk_error_set(GK_ERRCLASS_PARSE, "cannot decode %s (iconv)", from);
        return GK_EINVALID;
    }
    if (!strcmp(from, "GB18030"))
        error = gb18030_by_runs(out, cd, data, len);
    if (error == 1) {
        out->len = mark; /* not clean, or not GB18030: the whole text at once */
        if (out->ptr)
            out->ptr[mark] = '\0';
        (void)iconv(cd, NULL, NULL, NULL, NULL);
        error = iconv_into(out, cd, data, len, false);
    }
    iconv_close(cd);
    return error;
}

/* Copies UTF-8 replacing each invalid byte with U+FFFD. */
static int repair_utf8(gk_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    int error = 0;

    while (i < len && !error) {
        size_t bad = gk_utf8_invalid_at(s + i, len - i);
        error = gk_buf_put(out, s + i, bad);
        i += bad;
        if (i < len && !error) {
            error = gk_buf_put(out, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    return error;
}

/* Finds charset=NAME in the head of an HTML document. */
static const char *sniff_meta(const char *s, size_t len, const char **iconv_name)
{
    size_t n = len < 4096 ? len : 4096, i, k, j;

    for (i = 0; i + 8 < n; i++) {
        if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, "charset", 7) != 0)
            continue; /* the first test skips the call at almost every byte */
        j = i + 7;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        for (k = 0; k < GK_ARRAY_LEN(charsets); k++) {
            size_t l = strlen(charsets[k].label);
            if (j + l <= n && !strncasecmp(s + j, charsets[k].label, l) &&
                (j + l == n || !((s[j + l] | 0x20) >= 'a' && (s[j + l] | 0x20) <= 'z') ||
                 s[j + l] == '"')) {
                *iconv_name = charsets[k].iconv_name;
                return charsets[k].label;
            }
        }
    }
    return NULL;
}

/* Characters written differently in Traditional and Simplified Chinese that
 * every report uses (申请, 公开, 报告, 处理, 机关, 数量, 项). All are
 * three-byte UTF-8 sequences. */
static const char *const trad_marks[] = {"請", "開", "報", "處", "機", "關", "數", "項", "資"};
static const char *const simp_marks[] = {"请", "开", "报", "处", "机", "关", "数", "项", "资"};

/* The marks as 24-bit keys, and which continuation bytes occur in them
 * (bit b of third: some mark ends with 0x80 + b). */
typedef struct {
    uint32_t trad[GK_ARRAY_LEN(trad_marks)], simp[GK_ARRAY_LEN(simp_marks)];
    uint64_t third;
} mark_keys;

static uint32_t key3(const unsigned char *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static void mark_keys_init(mark_keys *k)
{
    size_t i;

    k->third = 0;
    for (i = 0; i < GK_ARRAY_LEN(trad_marks); i++) {
        k->trad[i] = key3((const unsigned char *)trad_marks[i]);
        k->third |= UINT64_C(1) << (k->trad[i] & 0x3F);
    }
    for (i = 0; i < GK_ARRAY_LEN(simp_marks); i++) {
        k->simp[i] = key3((const unsigned char *)simp_marks[i]);
        k->third |= UINT64_C(1) << (k->simp[i] & 0x3F);
    }
}

static bool ascii8(const unsigned char *p)
{
    uint64_t w;

    memcpy(&w, p, 8);
    return !(w & UINT64_C(0x8080808080808080));
}

static bool key_in(uint32_t key, const uint32_t *keys, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (keys[i] == key)
            return true;
    return false;
}

/* Counts the Traditional and the Simplified marks in one pass over valid
 * UTF-8 (what gk_parse__to_utf8 produces before it probes), stepping over
 * each three-byte character at once: the same counts as a search for each
 * mark at every byte, without the 18 memmem scans that cost a third of an
 * HTML parse. The third-byte mask turns most characters away before the
 * key comparisons. */
static void count_marks(const char *s, size_t len, size_t *trad, size_t *simp)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    mark_keys k;

    mark_keys_init(&k);
    *trad = *simp = 0;
    while (end - p >= 3) {
        if (end - p >= 8 && ascii8(p)) {
            p += 8; /* markup is ASCII: eight bytes at a time */
            continue;
        }
        if (*p < 0xE0 || *p > 0xEF) {
            p++;
            continue;
        }
        /* A three-byte character: one of the marks, or skipped whole. */
        if (k.third >> (p[2] & 0x3F) & 1) {
            uint32_t key = key3(p);
            if (key_in(key, k.trad, GK_ARRAY_LEN(k.trad)))
                (*trad)++;
            else if (key_in(key, k.simp, GK_ARRAY_LEN(k.simp)))
                (*simp)++;
        }
        p += 3;
    }
}

/* Traditional to Simplified over the text, with the long ASCII runs (the
 * markup of a page) copied as they are: OpenCC looks every position up in
 * its dictionaries (MaxMatch over TSPhrases, then TSCharacters), so feeding
 * it markup cost 40 times the rest of the parse. No dictionary key holds
 * an ASCII character, so no match spans a run and the result is the one
 * of converting the whole text (tests/unit/parse/fast_paths.c). Returns
 * as gk_parse__t2s: 1 converted, 0 when OpenCC is not available. */
static int t2s_text(gk_buf *out, const char *s, size_t len)
{
    size_t i = 0, start = 0;
    int rc = 1;

    while (i < len && rc > 0) {
        size_t j = i;
        while (j < len && (unsigned char)s[j] < 0x80)
            j++;
        if (j - i >= ASCII_GAP || j == len) {
            /* convert what came before the run, copy the run */
            if (i > start)
                rc = gk_parse__t2s(out, s + start, i - start);
            if (rc > 0)
                rc = gk_buf_put(out, s + i, j - i) < 0 ? GK_ENOMEM : 1;
            start = j;
        }
        i = j;
        while (i < len && (unsigned char)s[i] >= 0x80)
            i++;
    }
    if (rc > 0 && start < len)
        rc = gk_parse__t2s(out, s + start, len - start);
    return rc;
}

int gk_parse__to_utf8(gk_buf *out, const char *data, size_t len, bool html)
{
    const char *from = NULL, *label = NULL;
    gk_buf t2s = GK_BUF_INIT;
    size_t probe, trad, simp;
    int error;

    if (len > GK_PARSE_MAX_INPUT) {
        gk_error_set(GK_ERRCLASS_PARSE, "input too large (%zu bytes; limit %zu)", len,
                     GK_PARSE_MAX_INPUT);
        return GK_ETOOBIG;
    }
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    } else if (len >= 2 && (!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2))) {
        return decode(out, data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2);
    }
    if (html)
        label = sniff_meta(data, len, &from);
    if (gk_utf8_invalid_at(data, len) == len) {
        error = gk_buf_put(out, data, len);
    } else if (from || !label) {
        /* Declared legacy charset, or undeclared and not UTF-8: GB18030 is
         * what Chinese portals mean. */
        error = decode(out, from ? from : "GB18030", data, len);
    } else {
        error = repair_utf8(out, data, len);
    }
    if (error < 0)
        return error;

    probe = out->len < 65536 ? out->len : 65536;
    count_marks(out->ptr, probe, &trad, &simp);
    if (trad > 2 * simp + 4) {
        error = t2s_text(&t2s, out->ptr, out->len);
        if (error == 1) {
            gk_buf_clear(out);
            error = gk_buf_put(out, t2s.ptr, t2s.len);
        }
        gk_buf_release(&t2s);
        if (error < 0)
            return error;
    }
    return 0;
}
