/*
 * utf8.c: strict UTF-8 (RFC 3629) and East Asian width for text tables.
 */
#include "utf8.h"

int32_t gk_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    unsigned c = s[p];
    int32_t cp, min;
    size_t n, k;

    if (c < 0x80) {
        *i = p + 1;
        return (int32_t)c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        cp = (int32_t)(c & 0x1F);
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        cp = (int32_t)(c & 0x0F);
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        cp = (int32_t)(c & 0x07);
        min = 0x10000;
    } else {
        *i = p + 1;
        return -1;
    }
    if (len - p <= n) {
        *i = p + 1;
        return -1;
    }
    for (k = 1; k <= n; k++) {
        unsigned cc = s[p + k];
        if ((cc & 0xC0) != 0x80) {
            *i = p + 1;
            return -1;
        }
        cp = (cp << 6) | (int32_t)(cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i = p + 1;
        return -1;
    }
    *i = p + n + 1;
    return cp;
}

size_t gk_utf8_invalid_at(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t at = i;
        unsigned char c = (unsigned char)s[i];
        uint64_t w;
        if (c < 0x80) {
            i++;
            /* markup is ASCII: eight bytes at a time */
            while (len - i >= 8) {
                memcpy(&w, s + i, 8);
                if (w & UINT64_C(0x8080808080808080))
                    break;
                i += 8;
            }
            continue;
        }
        /* E1-EC and EE-EF take any two continuation bytes (no overlong
         * form, no surrogate): most Chinese text, checked inline. */
        if (((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && len - i >= 3 &&
            ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        if (gk_utf8_next(s, len, &i) < 0)
            return at;
    }
    return len;
}

int gk_utf8_put(gk_buf *b, int32_t cp)
{
    char t[4];
    size_t n;

    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return gk_buf_put(b, t, n);
}

/* Wide ranges per Unicode East_Asian_Width W/F (abridged to the blocks that
 * occur in Chinese official text). */
static const int32_t wide_ranges[][2] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

int gk_utf8_cp_width(int32_t cp)
{
    size_t i;

    if (cp == 0 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0x200D)
        return 0;
    for (i = 0; i < GK_ARRAY_LEN(wide_ranges); i++)
        if (cp >= wide_ranges[i][0] && cp <= wide_ranges[i][1])
            return 2;
    return 1;
}

size_t gk_utf8_width(const char *s, size_t len)
{
    size_t i = 0, w = 0;

    while (i < len) {
        int32_t cp = gk_utf8_next(s, len, &i);
        w += cp < 0 ? 1 : (size_t)gk_utf8_cp_width(cp);
    }
    return w;
}
