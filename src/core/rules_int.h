/*
 * rules_int.h: what the rule checks (rules_*.c) share with validate.c.
 * Each check function is named in rules.def; it reads the report and
 * appends findings through gk_rules__emit. A check returns 0, or a
 * negative error only when a finding cannot be recorded (ENOMEM).
 */
#ifndef GK_CORE_RULES_INT_H
#define GK_CORE_RULES_INT_H

#include "gk/validate.h"
#include "report_int.h"

typedef struct {
    gk_diag_list *out;
    const gk_report *r;
    const gk_validate_opts *opts;
    const gk_rule_info *rule; /* the rule being checked */
} gk_rule_ctx;

typedef int (*gk_rule_check_fn)(const gk_rule_ctx *c);

#define RULE(sym, id, sev, fn, source, desc) int gk_rules__##fn(const gk_rule_ctx *c);
#include "rules.def"
#undef RULE

/* Appends a finding of c->rule. has_values says whether expected/actual
 * mean something; cell and evidence may be NULL. */
int gk_rules__emit(const gk_rule_ctx *c, const char *cell, bool has_values, double expected,
                   double actual, const char *evidence, const char *fmt, ...)
    GK_PRINTF(7, 8) GK_WARN_UNUSED;

/* Formats a cell value for a message ("25", "0.35"). Returns buf. */
const char *gk_rules__num(char buf[32], double v);

/* True when arithmetic may read t3[row][col]: a value or a blank (read as
 * 0), or one of the （六） sub-rows that a collapsed table leaves out
 * (its number is in R_OT_OTHER). Absent and unreadable cells are reported
 * by STRUCT.* and CELL.UNREADABLE, and the sums that need them are skipped
 * so that one defect gives one finding. */
bool gk_rules__t3_usable(const gk_report *r, int row, int col);
/* The same for table 4. */
bool gk_rules__t4_usable(const gk_report *r, int g, int col);
/* True when row of table 3 is allowed to be missing in r (the （六）
 * sub-rows of a collapsed or 2019-format table). */
bool gk_rules__t3_row_optional(const gk_report *r, int row);

/* The report JSON root of table 2 ("proactive" or "proactive_2019"). */
const char *gk_rules__t2_root(const gk_report *r);

#endif
