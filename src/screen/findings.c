/*
 * findings.c: an owned list of findings, and the gongkai.screen/1 JSON of
 * one finding (spec/cli.md "Screening").
 */
#include "screen_int.h"
#include "util/utf8.h"

/* Appends s[0..n) to the strings buffer; returns its offset via *off. */
static int keep(gk_screen_findings *fs, const char *s, size_t n, size_t *off)
{
    int rc;

    *off = fs->strings.len;
    rc = gk_buf_put(&fs->strings, s, n);
    if (rc == 0)
        rc = gk_buf_putc(&fs->strings, '\0');
    return rc;
}

/* The strings buffer moves when it grows: items hold offsets while the list
 * is built (ptr fields cast from offsets) and are rebased by rebase(). */
static void rebase(gk_screen_findings *fs, const char *old)
{
    size_t i;

    if ((uintptr_t)old == (uintptr_t)fs->strings.ptr || !old)
        return;
    /* Integer arithmetic: the old block is freed, so no pointer math on it. */
#define REBASE(p) ((p) = fs->strings.ptr + ((uintptr_t)(p) - (uintptr_t)old))
    for (i = 0; i < fs->count; i++) {
        gk_screen_finding *f = &fs->items[i];
        REBASE(f->text.ptr);
        REBASE(f->context_before.ptr);
        REBASE(f->context_after.ptr);
        if (f->suggestion)
            REBASE(f->suggestion);
    }
#undef REBASE
}

int gk_screen_collect(const gk_screen_finding *f, void *ud)
{
    gk_screen_findings *fs = ud;
    const char *old = fs->strings.ptr;
    size_t o_text = 0, o_b = 0, o_a = 0, o_s = 0; /* set by keep(); zero silences -O2 */
    gk_screen_finding *n;
    int rc;

    if (fs->count == fs->cap) {
        size_t nc = fs->cap ? fs->cap * 2 : 32;
        gk_screen_finding *p = gk_realloc(fs->items, nc * sizeof *p);
        if (!p)
            return gk__oom();
        fs->items = p;
        fs->cap = nc;
    }
    rc = keep(fs, f->text.ptr, f->text.len, &o_text);
    if (rc == 0)
        rc = keep(fs, f->context_before.ptr, f->context_before.len, &o_b);
    if (rc == 0)
        rc = keep(fs, f->context_after.ptr, f->context_after.len, &o_a);
    if (rc == 0 && f->suggestion)
        rc = keep(fs, f->suggestion, strlen(f->suggestion), &o_s);
    rebase(fs, old);
    if (rc < 0)
        return rc;
    n = &fs->items[fs->count++];
    *n = *f;
    n->text.ptr = fs->strings.ptr + o_text;
    n->context_before.ptr = fs->strings.ptr + o_b;
    n->context_after.ptr = fs->strings.ptr + o_a;
    n->suggestion = f->suggestion ? fs->strings.ptr + o_s : NULL;
    return 0;
}

void gk_screen_findings_release(gk_screen_findings *fs)
{
    if (!fs)
        return;
    gk_free(fs->items);
    gk_buf_release(&fs->strings);
    fs->items = NULL;
    fs->count = fs->cap = 0;
}

int gk_screen_finding_json(gk_buf *out, const gk_screen_finding *f)
{
    int rc = gk_buf_printf(out, "{\"category\":\"%s\",\"severity\":\"%s\",\"start\":%llu,"
                                "\"end\":%llu,\"text\":",
                           gk_screen_category_name(f->category),
                           gk_screen_severity_name(f->severity), (unsigned long long)f->start,
                           (unsigned long long)f->end);
    if (rc == 0)
        rc = gk_buf_put_json_string(out, f->text.ptr, f->text.len);
    if (rc == 0)
        rc = gk_buf_puts(out, ",\"suggestion\":");
    if (rc == 0)
        rc = f->suggestion ? gk_buf_put_json_string(out, f->suggestion, strlen(f->suggestion))
                           : gk_buf_puts(out, "null");
    if (rc == 0)
        rc = gk_buf_putc(out, '}');
    return rc;
}

int gk_screen_json_open(gk_buf *out, const char *file)
{
    int rc = gk_buf_puts(out, "{\"schema\":\"gongkai.screen/1\",\"file\":");

    if (rc == 0)
        rc = gk_buf_put_json_string(out, file, strlen(file));
    if (rc == 0)
        rc = gk_buf_puts(out, ",\"findings\":[");
    return rc;
}
