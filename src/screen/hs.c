/*
 * hs.c: the literal sets compiled with Vectorscan (stack.md: the maintained
 * Hyperscan fork, same libhs API). Only literals go to Vectorscan: the
 * number detectors need checksums and boundaries that it cannot express
 * (no look-around, trap T7). Block mode over each window; each stream owns
 * its scratch, so one compiled database serves many threads.
 */
#include "screen_int.h"

#ifdef GK_SCREEN_HAVE_HS
#include <hs/hs.h>

struct gk_screen_hs {
    hs_database_t *db;
};

struct gk_screen_hs_scratch {
    hs_scratch_t *scratch;
};

int gk_screen__hs_build(gk_screen_hs **out, const gk_screen_entry *e, size_t n)
{
    const char **exprs = NULL;
    unsigned *flags = NULL, *ids = NULL;
    size_t *lens = NULL, i;
    hs_compile_error_t *err = NULL;
    gk_screen_hs *h = NULL;
    int rc = 0;

    *out = NULL;
    if (n == 0 || n > UINT32_MAX)
        return gk_error_set(GK_ERRCLASS_SCREEN, "Vectorscan 需要至少一个词条"), GK_EINVALID;
    exprs = gk_malloc(n * sizeof *exprs);
    flags = gk_malloc(n * sizeof *flags);
    ids = gk_malloc(n * sizeof *ids);
    lens = gk_malloc(n * sizeof *lens);
    h = gk_calloc(1, sizeof *h);
    if (!exprs || !flags || !ids || !lens || !h) {
        rc = gk__oom();
        goto done;
    }
    for (i = 0; i < n; i++) {
        exprs[i] = e[i].bytes;
        lens[i] = e[i].len;
        flags[i] = 0;
        ids[i] = (unsigned)i;
    }
    if (hs_compile_lit_multi(exprs, flags, ids, lens, (unsigned)n, HS_MODE_BLOCK, NULL, &h->db,
                             &err) != HS_SUCCESS) {
        gk_error_set(GK_ERRCLASS_SCREEN, "Vectorscan 编译词表失败: %s",
                     err && err->message ? err->message : "?");
        hs_free_compile_error(err);
        rc = GK_EINVALID;
        goto done;
    }
    *out = h;
    h = NULL;
done:
    gk_free(exprs);
    gk_free(flags);
    gk_free(ids);
    gk_free(lens);
    gk_screen__hs_free(h);
    return rc;
}

void gk_screen__hs_free(gk_screen_hs *h)
{
    if (!h)
        return;
    if (h->db)
        hs_free_database(h->db);
    gk_free(h);
}

int gk_screen__hs_scratch_new(gk_screen_hs_scratch **out, const gk_screen_hs *h)
{
    gk_screen_hs_scratch *s = gk_calloc(1, sizeof *s);

    *out = NULL;
    if (!s)
        return gk__oom();
    if (hs_alloc_scratch(h->db, &s->scratch) != HS_SUCCESS) {
        gk_free(s);
        gk_error_set(GK_ERRCLASS_SCREEN, "Vectorscan 无法分配 scratch");
        return GK_ENOMEM;
    }
    *out = s;
    return 0;
}

void gk_screen__hs_scratch_free(gk_screen_hs_scratch *s)
{
    if (!s)
        return;
    hs_free_scratch(s->scratch);
    gk_free(s);
}

typedef struct {
    gk_screen_lit_cb cb;
    void *ud;
    int rc;
} hs_ctx;

static int on_match(unsigned int id, unsigned long long from, unsigned long long to,
                    unsigned int flags, void *ctx)
{
    hs_ctx *c = ctx;

    (void)from;
    (void)flags;
    c->rc = c->cb(id, (size_t)to, c->ud);
    return c->rc != 0;
}

int gk_screen__hs_scan(const gk_screen_hs *h, gk_screen_hs_scratch *s, const char *text,
                       size_t len, gk_screen_lit_cb cb, void *ud)
{
    hs_ctx c = {cb, ud, 0};
    hs_error_t e;

    if (len > UINT32_MAX)
        return gk_error_set(GK_ERRCLASS_SCREEN, "窗口过大"), GK_ETOOBIG;
    e = hs_scan(h->db, text, (unsigned)len, 0, s->scratch, on_match, &c);
    if (e == HS_SCAN_TERMINATED)
        return c.rc;
    if (e != HS_SUCCESS) {
        gk_error_set(GK_ERRCLASS_SCREEN, "Vectorscan 扫描失败 (%d)", (int)e);
        return GK_ERROR;
    }
    return 0;
}

#else /* no Vectorscan: the Aho-Corasick engine is used */

int gk_screen__hs_build(gk_screen_hs **out, const gk_screen_entry *e, size_t n)
{
    (void)e;
    (void)n;
    *out = NULL;
    gk_error_set(GK_ERRCLASS_SCREEN, "本构建不含 Vectorscan");
    return GK_ENOTFOUND;
}

void gk_screen__hs_free(gk_screen_hs *h)
{
    (void)h;
}

int gk_screen__hs_scratch_new(gk_screen_hs_scratch **out, const gk_screen_hs *h)
{
    (void)h;
    *out = NULL;
    return GK_ENOTFOUND;
}

void gk_screen__hs_scratch_free(gk_screen_hs_scratch *s)
{
    (void)s;
}

int gk_screen__hs_scan(const gk_screen_hs *h, gk_screen_hs_scratch *s, const char *text,
                       size_t len, gk_screen_lit_cb cb, void *ud)
{
    (void)h;
    (void)s;
    (void)text;
    (void)len;
    (void)cb;
    (void)ud;
    return GK_ENOTFOUND;
}

#endif
