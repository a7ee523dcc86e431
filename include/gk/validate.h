/*
 * validate.h: the rule catalogue of report-json.md §3 and the validator.
 * Each rule is a row of src/core/rules.def citing its source.
 */
#ifndef GK_VALIDATE_H
#define GK_VALIDATE_H

#include "diag.h"
#include "report.h"

GK_BEGIN_DECL

typedef struct {
    const char *id;          /* "T3.BALANCE" */
    gk_severity severity;
    const char *source;      /* "国办公开办函〔2021〕30号 表三 勾稽关系" */
    const char *description; /* Chinese, one line */
} gk_rule_info;

GK_EXTERN(size_t) gk_rule_count(void);
GK_EXTERN(const gk_rule_info *) gk_rule_get(size_t i);
GK_EXTERN(const gk_rule_info *) gk_rule_find(const char *id);

typedef struct {
    const gk_report *previous; /* year N-1 of the same agency, or NULL (YOY.*, T2.IN_FORCE_DELTA) */
    bool narrative;            /* run NARR.* rules on the sections (default true) */
} gk_validate_opts;

#define GK_VALIDATE_OPTS_INIT {NULL, true}

/* Runs every rule on r and appends findings to out. Returns 0, or a negative
 * error only when the findings cannot be recorded (ENOMEM). opts may be NULL. */
GK_EXTERN(int) gk_validate(gk_diag_list *out, const gk_report *r, const gk_validate_opts *opts)
    GK_WARN_UNUSED;

GK_END_DECL

#endif
