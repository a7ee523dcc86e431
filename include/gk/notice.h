/*
 * notice.h: reply notices (政府信息公开申请答复告知书) and the procedural
 * letters of an application (补正告知, 延期答复告知, 征求第三方意见函,
 * 收费通知), generated from editable templates as HTML or DOCX.
 *
 * One notice kind per decision of 条例第三十六–三十九条 (spec §1.4, §2.2)
 * plus the procedural notices of 第三十条、第三十二条、第三十三条 and the
 * fee notice of 国办函〔2020〕109号. The kind table carries the legal basis,
 * whether reasons are required (第三十六条第（三）（五）项, 第三十七条) and
 * which remedy paragraph applies; the wording lives in the templates
 * (data/notices/NAME.tmpl, embedded in the library, replaceable per folder).
 *
 * Fields are a plain key/value array, so any caller (the CLI's JSON file,
 * the case register, the web console) maps its own model onto it. The
 * template grammar and the field catalogue are documented in docs/notices.md.
 */
#ifndef GK_NOTICE_H
#define GK_NOTICE_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

/* Remedy paragraph of a notice: X(KEY, template name, label). */
#define GK_NOTICE_REMEDIES(X)                                                                      \
    X(NONE, NULL, "无（程序性告知）")                                                              \
    X(GENERAL, "remedy-general", "行政复议或者行政诉讼")                                           \
    X(REVIEW_FIRST, "remedy-review-first", "先申请行政复议（复议前置）")                           \
    X(FEE, "remedy-fee", "收费不单独复议、诉讼")

typedef enum {
#define GK_X_(key, name, label) GK_NOTICE_REMEDY_##key,
    GK_NOTICE_REMEDIES(GK_X_)
#undef GK_X_
        GK_NOTICE_NREMEDIES
} gk_notice_remedy;

/* One notice kind (borrowed static data). */
typedef struct {
    const char *id;       /* "deny-secret": the CLI --kind and the template name */
    const char *title;    /* 文书名称, e.g. "政府信息公开申请答复告知书" */
    const char *decision; /* 决定, e.g. "不予公开（属于国家秘密）" */
    const char *basis; /* the exact citation, e.g. "《…条例》第十四条、第三十六条第（三）项" */
    bool basis_verified; /* false: the citation is customary, see docs/notices.md */
    const char *t3_row;  /* table-3 row key (spec §1.4) or NULL for a procedural notice */
    bool needs_reasons;  /* the template must use {{reasons}} */
    gk_notice_remedy remedy;
} gk_notice_kind;

/* The kind table in order; *n_out gets its length. */
GK_EXTERN(const gk_notice_kind *) gk_notice_kinds(size_t *n_out);
/* The kind with this id, or NULL. */
GK_EXTERN(const gk_notice_kind *) gk_notice_kind_find(const char *id);
/* "行政复议或者行政诉讼"; NULL out of range. */
GK_EXTERN(const char *) gk_notice_remedy_label(int remedy);

/* ----------------------------------------------------------- templates */

typedef struct gk_notice_templates gk_notice_templates;

/*
 * Loads the templates: the embedded defaults, overridden by every *.tmpl
 * file in dir (dir may be NULL: defaults only). Every template is parsed
 * and checked here, so a broken one fails at load time and not when a
 * notice is due: an unknown placeholder, an unterminated "{{", a file name
 * that is no notice kind or remedy, a kind template without
 * {{legal_basis}}, without {{reasons}} where the kind requires reasons, or
 * without its remedy paragraph. GK_EINVALID with a Chinese message naming
 * the file, line and placeholder; GK_ENOTFOUND / GK_EIO for dir.
 * Caller frees with gk_notice_templates_free.
 */
GK_EXTERN(int) gk_notice_templates_load(gk_notice_templates **out, const char *dir) GK_WARN_UNUSED;
/* NULL-safe. */
GK_EXTERN(void) gk_notice_templates_free(gk_notice_templates *t);

/* ------------------------------------------------------------- fields */

/* One field; both strings borrowed, UTF-8. */
typedef struct {
    const char *key;
    const char *value;
} gk_notice_field;

/* Owned fields read from JSON (gk_notice_fields_from_json). */
typedef struct {
    gk_notice_field *v;
    size_t n;
} gk_notice_fields;

#define GK_NOTICE_FIELDS_INIT                                                                      \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

/*
 * Reads a JSON object of fields: string or integer values only, keys from
 * the field catalogue (docs/notices.md; a misspelt key is an error, not a
 * silently empty paragraph). GK_EINVALID naming the key. out must be
 * GK_NOTICE_FIELDS_INIT; caller releases with gk_notice_fields_release.
 */
GK_EXTERN(int)
gk_notice_fields_from_json(gk_notice_fields *out, const char *json, size_t len) GK_WARN_UNUSED;
GK_EXTERN(void) gk_notice_fields_release(gk_notice_fields *f);

/* ------------------------------------------------------------- render */

typedef enum { GK_NOTICE_HTML, GK_NOTICE_DOCX } gk_notice_format;

/* "html" / "docx" → format; -1 when unknown. */
GK_EXTERN(int) gk_notice_format_from_name(const char *name);

/*
 * Renders the notice of kind `kind` with fields[0..n) and appends it to
 * out: a standalone A4 HTML page, or a DOCX package. The output depends
 * only on the inputs (no clock, no locale). Dates are given as YYYY-MM-DD
 * and printed as "2025年3月5日". GK_ENOTFOUND for an unknown kind;
 * GK_EINVALID for an unknown or duplicate key, a malformed date or amount,
 * or missing required fields (the message names all of them).
 */
GK_EXTERN(int)
gk_notice_render(gk_buf *out, const gk_notice_templates *t, const char *kind,
                 const gk_notice_field *fields, size_t n, gk_notice_format format) GK_WARN_UNUSED;

GK_END_DECL

#endif
