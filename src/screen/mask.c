/*
 * mask.c: masking (脱敏) a copy of the input from its findings, with one
 * rule per category, and a log of what was masked where. The log shows the
 * masked form only, never the original text.
 */
#include <stdlib.h>
#include "screen_int.h"
#include "util/utf8.h"

/* Characters that carry information and are counted by keep_head/tail:
 * ASCII letters and digits, full-width letters and digits, CJK. Separators
 * (space, '-', '·', brackets) are copied as they are. */
static bool significant(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return true;
    if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
        return true;
    return cp >= 0x3400 && !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFFEF);
}

static int cmp_ptr(const void *a, const void *b)
{
    const gk_screen_finding *x = *(const gk_screen_finding *const *)a;
    const gk_screen_finding *y = *(const gk_screen_finding *const *)b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

/* Masks data[a..z) into out. markup(p) bytes are kept and not counted. */
static int mask_span(gk_buf *out, const char *data, size_t a, size_t z, const char *view,
                     gk_screen_mask_rule r)
{
    size_t i, total = 0, seen = 0;
    int rc = 0;

    for (i = a; i < z;) {
        size_t k = i;
        int32_t cp = gk_utf8_next(data, z, &k);
        if (!(view && view[i] != data[i]) && significant(cp))
            total++;
        i = k;
    }
    for (i = a; i < z && rc == 0;) {
        size_t k = i;
        int32_t cp = gk_utf8_next(data, z, &k);
        bool markup = view && view[i] != data[i];
        if (!markup && significant(cp)) {
            seen++;
            if (seen > r.keep_head && seen + r.keep_tail <= total &&
                !(r.keep_head + r.keep_tail >= total && seen == 1))
                rc = gk_buf_putc(out, '*');
            else
                rc = gk_buf_put(out, data + i, k - i);
        } else {
            rc = gk_buf_put(out, data + i, k - i);
        }
        i = k;
    }
    return rc;
}

int gk_screen_mask(gk_buf *out, gk_buf *log, const char *data, size_t len,
                   const gk_screen_findings *fs, const gk_screen_mask_rules *rules,
                   const char *view)
{
    const gk_screen_finding **order = NULL;
    size_t i, pos = 0;
    int rc = 0;

    if (fs->count) {
        order = gk_malloc(fs->count * sizeof *order);
        if (!order)
            return gk__oom();
    }
    for (i = 0; i < fs->count; i++)
        order[i] = &fs->items[i];
    if (fs->count)
        qsort(order, fs->count, sizeof *order, cmp_ptr);
    for (i = 0; i < fs->count && rc == 0; i++) {
        const gk_screen_finding *f = order[i];
        gk_screen_mask_rule r = rules->rules[f->category];
        size_t a = (size_t)f->start, z = (size_t)f->end, mstart;

        if (!r.mask || a < pos || z > len || a >= z)
            continue; /* not masked, or inside a span already masked */
        if (f->category == GK_SCREEN_EMAIL) {
            /* Only the local part: z***@example.com. */
            const char *at = memchr(data + a, '@', z - a);
            if (at)
                z = (size_t)(at - data);
        }
        rc = gk_buf_put(out, data + pos, a - pos);
        mstart = out->len;
        if (rc == 0)
            rc = mask_span(out, data, a, z, view, r);
        if (rc == 0 && log)
            rc = gk_buf_printf(log, "%zu\t%zu\t%s\t%.*s\n", a, (size_t)f->end,
                               gk_screen_category_name(f->category), (int)(out->len - mstart),
                               out->ptr + mstart);
        pos = z;
    }
    if (rc == 0)
        rc = gk_buf_put(out, data + pos, len - pos);
    gk_free(order);
    return rc;
}
