/*
 * diag.h: validation findings (gk_diag) and lists of them. Findings are
 * data, not errors (conventions C3). A list owns its strings.
 */
#ifndef GK_DIAG_H
#define GK_DIAG_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"
#include "report.h"

GK_BEGIN_DECL

typedef enum { GK_SEV_INFO = 0, GK_SEV_WARNING = 1, GK_SEV_ERROR = 2 } gk_severity;

GK_EXTERN(const char *) gk_severity_name(gk_severity s); /* "info", "warning", "error" */

typedef struct {
    const char *rule;     /* "T3.BALANCE" (static string) */
    gk_severity severity;
    const char *cell;     /* "applications.NEW[6]" or NULL */
    bool has_values;      /* expected/actual meaningful */
    double expected;
    double actual;
    const char *message;  /* Chinese, for people */
    const char *evidence; /* quoted source text, or NULL */
    gk_srcpos pos;
} gk_diag;

typedef struct gk_diag_list gk_diag_list;

GK_EXTERN(int) gk_diag_list_new(gk_diag_list **out) GK_WARN_UNUSED;
GK_EXTERN(void) gk_diag_list_free(gk_diag_list *l);
GK_EXTERN(size_t) gk_diag_list_count(const gk_diag_list *l);
/* Borrowed; valid until the list is freed. */
GK_EXTERN(const gk_diag *) gk_diag_list_get(const gk_diag_list *l, size_t i);
GK_EXTERN(size_t) gk_diag_list_count_severity(const gk_diag_list *l, gk_severity s);
/* Adds a finding; strings are copied. cell/evidence may be NULL. */
GK_EXTERN(int) gk_diag_add(gk_diag_list *l, const char *rule, gk_severity sev, const char *cell,
                           const gk_diag *values, const char *evidence, const char *fmt, ...)
    GK_PRINTF(7, 8) GK_WARN_UNUSED;
/* Number of findings with this rule id. */
GK_EXTERN(size_t) gk_diag_list_count_rule(const gk_diag_list *l, const char *rule);

/* Appends findings JSON ("gongkai.findings/1", report-json.md §2). */
GK_EXTERN(int) gk_diag_list_to_json(gk_buf *out, const gk_diag_list *l, const char *source,
                                    int year) GK_WARN_UNUSED;

GK_END_DECL

#endif
