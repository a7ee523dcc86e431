/*
 * labels.c: text normalisation for label matching, code point reading with
 * full-width digits, and HTML character references.
 */
#include <stdlib.h>
#include "parse/parse_int.h"
#include "util/utf8.h"

bool gk_parse__is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

int32_t gk_parse__cp(const char *s, size_t len, size_t *i)
{
    int32_t cp = gk_utf8_next(s, len, i);

    if (cp >= 0xFF10 && cp <= 0xFF19) /* full-width digits read as digits */
        return cp - 0xFF10 + '0';
    return cp;
}

/* Misspellings seen in published reports, read as the official word. */
static const struct {
    const char *from, *to;
} typos[] = {
    {"钩稽", "勾稽"},
    {"行政法复议", "行政复议"},
};

int gk_parse__norm(gk_buf *out, const char *s, size_t len)
{
    size_t i = 0, at, run = 0, start = out->len, k;
    int32_t cp, was, prev = 0;
    int error = 0;

    /* Characters kept as they are (strict UTF-8 reads them from their one
     * encoding) are copied a run at a time; a dropped or changed one ends
     * the run. */
    while (i < len && !error) {
        at = i;
        was = cp = gk_utf8_next(s, len, &i);
        if (cp < 0 || gk_parse__is_space(cp)) {
            error = gk_buf_put(out, s + run, at - run);
            run = i;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp = cp - 0xFF01 + 0x21;
        if (cp == 0x3001 && prev >= '0' && prev <= '9')
            cp = '.'; /* "1、申请人…" numbers an item like "1." */
        if (cp != was) {
            error = gk_buf_put(out, s + run, at - run);
            if (!error)
                error = gk_utf8_put(out, cp);
            run = i;
        }
        prev = cp;
    }
    if (!error)
        error = gk_buf_put(out, s + run, i - run);
    for (k = 0; k < GK_ARRAY_LEN(typos) && !error && out->len > start; k++) {
        size_t fl = strlen(typos[k].from), tl = strlen(typos[k].to);
        char *p;
        /* Each replacement is not longer than what it replaces. */
        while ((p = memmem(out->ptr + start, out->len - start, typos[k].from, fl)) != NULL) {
            memcpy(p, typos[k].to, tl);
            memmove(p + tl, p + fl, (size_t)(out->ptr + out->len - (p + fl)));
            out->len -= fl - tl;
            out->ptr[out->len] = '\0';
        }
    }
    return error;
}

static const struct {
    const char *name;
    int32_t cp;
} entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},    {"ensp", 0x2002},  {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
    {"middot", 0xB7},  {"times", 0xD7},   {"copy", 0xA9},    {"reg", 0xAE},
    {"bull", 0x2022},  {"deg", 0xB0},     {"yen", 0xA5},     {"sect", 0xA7},
};

int32_t gk_parse__entity(const char *name, size_t n)
{
    size_t i;
    int32_t cp = -1;

    if (n >= 2 && name[0] == '#') {
        uint32_t v = 0;
        bool hex = name[1] == 'x' || name[1] == 'X';
        size_t k = hex ? 2 : 1;
        if (k >= n)
            return -1;
        for (; k < n; k++) {
            char c = name[k];
            unsigned d;
            if (c >= '0' && c <= '9')
                d = (unsigned)(c - '0');
            else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
                d = (unsigned)((c | 0x20) - 'a' + 10);
            else
                return -1;
            v = v * (hex ? 16u : 10u) + d;
            if (v > 0x10FFFF)
                v = 0x110000; /* keep it out of range, no overflow */
        }
        /* HTML5: NUL, surrogates and out-of-range read as U+FFFD. */
        cp = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : (int32_t)v;
    } else {
        for (i = 0; i < GK_ARRAY_LEN(entities); i++)
            if (strlen(entities[i].name) == n && !memcmp(entities[i].name, name, n)) {
                cp = entities[i].cp;
                break;
            }
    }
    return cp;
}
