/*
 * notice_expand.c: fields → values → paragraphs. Checks the caller's
 * fields against the catalogue (unknown, computed or duplicate keys,
 * malformed dates and counts), fills the computed ones from the kind, then
 * walks the kind's template, splicing in the remedy template where the
 * template asks for it. Every required placeholder left empty is collected,
 * so one error names all missing fields.
 */
#include <stdio.h>
#include "gk/calendar.h"
#include "notice_int.h"

#define MAX_FIELDS 64

typedef struct {
    const char *val[MAX_FIELDS]; /* borrowed, or pointing into fmt */
    char fmt[MAX_FIELDS][48];    /* formatted dates and computed values */
    bool missing[MAX_FIELDS];
    size_t nmissing;
} values;

/* Blank = absent: a required field of only spaces is still missing. */
static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

static int bad_field(const notice_field_def *d, const char *why, const char *v)
{
    gk_error_set(GK_ERRCLASS_INVALID, "字段 '%s'（%s）%s '%s'", d->key, d->label, why, v);
    return GK_EINVALID;
}

/* Checks and stores one input field. */
static int put_field(values *vs, const gk_notice_field *f)
{
    const notice_field_def *defs;
    size_t nd;
    int idx = f->key ? gk_notice__field_find(f->key, strlen(f->key)) : -1;
    gk_date date;
    int64_t num;

    defs = gk_notice__fields(&nd);
    if (idx < 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "未知字段 '%s'（可用字段见 docs/notices.md）",
                     f->key ? f->key : "(null)");
        return GK_EINVALID;
    }
    if (defs[idx].type == NF_COMPUTED) {
        gk_error_set(GK_ERRCLASS_INVALID, "字段 '%s'（%s）由系统生成，不能提供", f->key,
                     defs[idx].label);
        return GK_EINVALID;
    }
    if (vs->val[idx]) {
        gk_error_set(GK_ERRCLASS_INVALID, "字段 '%s' 重复", f->key);
        return GK_EINVALID;
    }
    if (!f->value || blank(f->value))
        return 0;
    vs->val[idx] = f->value;
    if (defs[idx].type == NF_DATE) {
        if (gk_date_parse(&date, f->value, strlen(f->value)) < 0)
            return bad_field(&defs[idx], "不是有效日期（应为 YYYY-MM-DD）：", f->value);
        snprintf(vs->fmt[idx], sizeof vs->fmt[idx], "%d年%d月%d日", date.y, date.m, date.d);
        vs->val[idx] = vs->fmt[idx];
    } else if (defs[idx].type == NF_COUNT) {
        if (gk__parse_i64(f->value, strlen(f->value), &num) < 0 || num < 0)
            return bad_field(&defs[idx], "应为非负整数：", f->value);
        if (defs[idx].max && num > defs[idx].max) {
            gk_error_set(GK_ERRCLASS_INVALID, "字段 '%s'（%s）不能超过 %lld：'%s'", f->key,
                         defs[idx].label, (long long)defs[idx].max, f->value);
            return GK_EINVALID;
        }
    }
    return 0;
}

static void set_computed(values *vs, const char *key, const char *v)
{
    int idx = gk_notice__field_find(key, strlen(key));

    if (idx < 0)
        GK_BUG("computed field '%s' missing from the catalogue", key);
    vs->val[idx] = v;
}

/* The 文号 〔ref_year〕ref_no号. A register number "YYYY-NNNNNN" (as the
 * store numbers applications) holds its own year: the reference is that
 * year and the serial without leading zeros (〔2026〕2号), never the year
 * twice (〔2026〕2026-000002号); any other number is used as given, under
 * the year of the notice date. */
static void set_reference(values *vs)
{
    int ti = gk_notice__field_find("tracking_no", 11), yi = gk_notice__field_find("year", 4);
    int ri = gk_notice__field_find("ref_year", 8), ni = gk_notice__field_find("ref_no", 6);
    const char *t = vs->val[ti], *serial;
    size_t i;

    vs->val[ri] = vs->val[yi];
    vs->val[ni] = t;
    if (!t || strlen(t) < 6 || t[4] != '-')
        return;
    for (i = 0; i < 4; i++)
        if (t[i] < '0' || t[i] > '9')
            return;
    for (i = 5; t[i]; i++)
        if (t[i] < '0' || t[i] > '9')
            return;
    for (serial = t + 5; *serial == '0' && serial[1]; serial++)
        ;
    snprintf(vs->fmt[ri], sizeof vs->fmt[ri], "%.4s", t);
    snprintf(vs->fmt[ni], sizeof vs->fmt[ni], "%s", serial);
    vs->val[ri] = vs->fmt[ri];
    vs->val[ni] = vs->fmt[ni];
}

static int resolve(values *vs, const gk_notice_kind *k, const gk_notice_field *fields, size_t n)
{
    const notice_field_def *defs;
    size_t nd, i;
    int error = 0, di;
    gk_date date;

    defs = gk_notice__fields(&nd);
    if (nd > MAX_FIELDS)
        GK_BUG("field catalogue over %d entries", MAX_FIELDS);
    for (i = 0; i < n && error == 0; i++)
        error = put_field(vs, &fields[i]);
    if (error < 0)
        return error;
    for (i = 0; i < nd; i++)
        if (!vs->val[i] && defs[i].dflt)
            vs->val[i] = defs[i].dflt;
    /* year of the notice date, for the reference 〔YYYY〕 */
    for (i = 0; i < n; i++)
        if (fields[i].key && strcmp(fields[i].key, "date") == 0 && fields[i].value &&
            gk_date_parse(&date, fields[i].value, strlen(fields[i].value)) == 0) {
            di = gk_notice__field_find("year", 4);
            snprintf(vs->fmt[di], sizeof vs->fmt[di], "%d", date.y);
            vs->val[di] = vs->fmt[di];
        }
    set_reference(vs);
    set_computed(vs, "legal_basis", k->basis);
    set_computed(vs, "decision", k->decision);
    return 0;
}

static int push_para(notice_doc *doc, notice_style style, size_t off)
{
    notice_para *np;

    if (doc->n == doc->cap) {
        size_t ncap = doc->cap ? doc->cap * 2 : 32;
        np = gk_realloc(doc->p, ncap * sizeof *np);
        if (!np)
            return gk__oom();
        doc->p = np;
        doc->cap = ncap;
    }
    doc->p[doc->n].style = style;
    doc->p[doc->n].off = off;
    doc->p[doc->n].len = doc->text.len - off;
    if (style == NS_TITLE && !doc->title) {
        snprintf(doc->title_buf, sizeof doc->title_buf, "%.*s", (int)doc->p[doc->n].len,
                 doc->text.ptr + off);
        doc->title = doc->title_buf;
    }
    doc->n++;
    return 0;
}

/* Expands one paragraph; an optional placeholder that is empty drops it. */
static int expand_block(notice_doc *doc, values *vs, const notice_block *b)
{
    size_t len = strlen(b->text), pos = 0, lit = 0, off = doc->text.len;
    notice_ph ph;
    bool drop = false;
    int rc, idx, error = 0;

    while (error == 0 && (rc = gk_notice__next_ph(&ph, b->text, len, &pos)) > 0) {
        idx = gk_notice__field_find(ph.name, ph.name_len);
        if (idx < 0)
            GK_BUG("placeholder '%.*s' passed the load check", (int)ph.name_len, ph.name);
        error = gk_buf_put(&doc->text, b->text + lit, ph.start - lit);
        lit = ph.end;
        if (vs->val[idx] && error == 0)
            error = gk_buf_puts(&doc->text, vs->val[idx]);
        else if (ph.optional)
            drop = true;
        else if (!vs->missing[idx]) {
            vs->missing[idx] = true;
            vs->nmissing++;
        }
    }
    if (error == 0)
        error = gk_buf_put(&doc->text, b->text + lit, len - lit);
    if (error < 0)
        return error;
    if (drop) {
        doc->text.len = off;
        return 0;
    }
    return push_para(doc, b->style, off);
}

static int expand_tmpl(notice_doc *doc, values *vs, const gk_notice_templates *set,
                       const notice_tmpl *t, const gk_notice_kind *k)
{
    size_t i, j;
    int error = 0;

    for (i = 0; i < t->n && error == 0; i++) {
        const notice_block *b = &t->blocks[i];
        int r = b->remedy == NOTICE_KIND_REMEDY ? (int)k->remedy : b->remedy;
        const notice_tmpl *rt;

        if (b->remedy == NOTICE_NOT_REMEDY) {
            error = expand_block(doc, vs, b);
            continue;
        }
        if (r == GK_NOTICE_REMEDY_NONE)
            continue;
        rt = gk_notice__tmpl(set, gk_notice__remedy_tmpl(r));
        for (j = 0; rt && j < rt->n && error == 0; j++)
            error = expand_block(doc, vs, &rt->blocks[j]);
    }
    return error;
}

/* "缺少必填字段：a（…）、b（…）" */
static int report_missing(const values *vs)
{
    const notice_field_def *defs;
    gk_buf msg = GK_BUF_INIT;
    size_t nd, i;
    int error = 0;

    defs = gk_notice__fields(&nd);
    for (i = 0; i < nd && error == 0; i++)
        if (vs->missing[i])
            error =
                gk_buf_printf(&msg, "%s%s（%s）", msg.len ? "、" : "", defs[i].key, defs[i].label);
    if (error == 0)
        gk_error_set(GK_ERRCLASS_INVALID, "缺少必填字段：%s", gk_buf_cstr(&msg));
    gk_buf_release(&msg);
    return error < 0 ? error : GK_EINVALID;
}

void gk_notice__doc_release(notice_doc *doc)
{
    gk_buf_release(&doc->text);
    gk_free(doc->p);
    doc->p = NULL;
    doc->n = doc->cap = 0;
    doc->title = NULL;
}

int gk_notice__expand(notice_doc *doc, const gk_notice_templates *set, const gk_notice_kind *k,
                      const gk_notice_field *fields, size_t n)
{
    const notice_tmpl *t = gk_notice__tmpl(set, k->id);
    values *vs;
    int error;

    if (!t)
        GK_BUG("templates without kind '%s'", k->id);
    vs = gk_calloc(1, sizeof *vs);
    if (!vs)
        return gk__oom();
    error = resolve(vs, k, fields, n);
    if (error == 0)
        error = expand_tmpl(doc, vs, set, t, k);
    if (error == 0 && vs->nmissing)
        error = report_missing(vs);
    gk_free(vs);
    return error;
}
