/*
 * screen.c: the category table, compiling a screener (built-in secret
 * markers + the office dictionaries) and choosing the literal engine.
 */
#include "screen_int.h"

typedef struct {
    const char *name, *label;
    gk_screen_severity severity;
    bool personal, masked;
    uint8_t head, tail;
} cat_info;

static const cat_info cats[GK_SCREEN_NCATEGORIES] = {
#define CAT(e, name, sev, pers, h, t, m, label) [GK_SCREEN_##e] = {name, label, sev, pers, m, h, t},
#include "categories.def"
#undef CAT
};

const char *gk_screen_category_name(gk_screen_category c)
{
    return (unsigned)c < GK_SCREEN_NCATEGORIES ? cats[c].name : "?";
}

const char *gk_screen_category_label(gk_screen_category c)
{
    return (unsigned)c < GK_SCREEN_NCATEGORIES ? cats[c].label : "?";
}

bool gk_screen_category_is_personal(gk_screen_category c)
{
    return (unsigned)c < GK_SCREEN_NCATEGORIES && cats[c].personal;
}

gk_screen_severity gk_screen__severity(unsigned c)
{
    return c < GK_SCREEN_NCATEGORIES ? cats[c].severity : GK_SCREEN_ERROR;
}

const char *gk_screen_severity_name(gk_screen_severity s)
{
    static const char *const names[] = {"info", "warning", "error"};
    return (unsigned)s < 3 ? names[s] : "?";
}

void gk_screen_mask_rules_default(gk_screen_mask_rules *r)
{
    size_t i;

    for (i = 0; i < GK_SCREEN_NCATEGORIES; i++) {
        r->rules[i].mask = cats[i].masked;
        r->rules[i].keep_head = cats[i].head;
        r->rules[i].keep_tail = cats[i].tail;
    }
}

/* Secret markers matched as literals. "★" is checked against the 密级
 * before it (gk_screen__secret_extend); the phrases are the 标注 that
 * GB/T 9704-2012 and office practice put on internal material. */
static const char *const builtin_markers[] = {"★", "内部资料", "注意保密", "不得外传",
                                              "内部文件", "内部使用", "严禁外传", "秘密等级"};

void gk_screen_free(gk_screen *s)
{
    if (!s)
        return;
    gk_screen__ac_free(s->ac);
    gk_screen__hs_free(s->hs);
    gk_free(s->nfkc);
    gk_free(s->lits);
    gk_buf_release(&s->strings);
    gk_free(s);
}

int gk_screen_new(gk_screen **out, const gk_screen_dict *dict, const gk_screen_options *opts)
{
    gk_screen *s = NULL;
    size_t nb = GK_ARRAY_LEN(builtin_markers), nd = dict ? dict->count : 0, i;
    gk_screen_engine engine = opts ? opts->engine : GK_SCREEN_ENGINE_AUTO;
    gk_screen_norm nv;
    int rc = 0;

    memset(&nv, 0, sizeof nv);

    *out = NULL;
    s = gk_calloc(1, sizeof *s);
    if (!s)
        return gk__oom();
    gk_buf_init(&s->strings, (size_t)1 << 30);
    s->window = opts && opts->window ? opts->window : (size_t)1 << 20;
    if (s->window < 4096)
        s->window = 4096;
    if (s->window > ((size_t)1 << 30))
        s->window = (size_t)1 << 30;
    s->nfkc = gk_malloc(sizeof *s->nfkc);
    s->lits = gk_malloc((nb + nd) * sizeof *s->lits);
    if (!s->nfkc || !s->lits) {
        rc = gk__oom();
        goto done;
    }
    rc = gk_screen__nfkc_build(s->nfkc);
    if (rc < 0)
        goto done;
    for (i = 0; i < nb; i++) {
        s->lits[i].bytes = builtin_markers[i];
        s->lits[i].len = (uint32_t)strlen(builtin_markers[i]);
        s->lits[i].category = GK_SCREEN_SECRET_MARKER;
        s->lits[i].suggestion = NULL;
    }
    /* Dictionary entries go through the same normaliser as the text, so
     * "征求意见稿（内部）" matches the text's normalised "(内部)". Offsets into
     * s->strings first (it grows), pointers after. */
    s->nlits = nb;
    for (i = 0; i < nd; i++) {
        const gk_screen_entry *e = &dict->items[i];
        gk_screen_entry *l = &s->lits[s->nlits];
        rc = gk_screen__normalize(&nv, s->nfkc, dict->strings.ptr + (uintptr_t)e->bytes, e->len);
        if (rc < 0)
            goto done;
        if (nv.len == 0)
            continue;
        *l = *e;
        l->bytes = (const char *)(uintptr_t)s->strings.len;
        l->len = (uint32_t)nv.len;
        l->suggestion = e->suggestion ? dict->strings.ptr + (uintptr_t)e->suggestion - 1 : NULL;
        rc = gk_buf_put(&s->strings, nv.view, nv.len);
        if (rc < 0)
            goto done;
        s->nlits++;
    }
    for (i = nb; i < s->nlits; i++)
        s->lits[i].bytes = s->strings.ptr + (uintptr_t)s->lits[i].bytes;
#ifdef GK_SCREEN_HAVE_HS
    if (engine != GK_SCREEN_ENGINE_AC) {
        rc = gk_screen__hs_build(&s->hs, s->lits, s->nlits);
        if (rc < 0)
            goto done;
    }
#else
    if (engine == GK_SCREEN_ENGINE_HS) {
        rc = gk_screen__hs_build(&s->hs, s->lits, s->nlits);
        goto done;
    }
#endif
    if (!s->hs) {
        rc = gk_screen__ac_build(&s->ac, s->lits, s->nlits);
        if (rc < 0)
            goto done;
    }
    *out = s;
    s = NULL;
done:
    gk_screen__norm_release(&nv);
    gk_screen_free(s);
    return rc;
}

const char *gk_screen_engine_name(const gk_screen *s)
{
    return s->hs ? "vectorscan" : "aho-corasick";
}
