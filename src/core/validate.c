/*
 * validate.c: the rule catalogue (expanded from rules.def) and the driver
 * that runs every rule's check on a report. The checks themselves live in
 * rules_struct.c, rules_cells.c, rules_tables.c, rules_narrative.c and
 * rules_yoy.c.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include "diag_int.h"
#include "rules_int.h"

static const gk_rule_info rule_infos[] = {
#define RULE(sym, id, sev, fn, source, desc) {id, sev, source, desc},
#include "rules.def"
#undef RULE
};

static const gk_rule_check_fn rule_fns[] = {
#define RULE(sym, id, sev, fn, source, desc) gk_rules__##fn,
#include "rules.def"
#undef RULE
};

size_t gk_rule_count(void)
{
    return GK_ARRAY_LEN(rule_infos);
}

const gk_rule_info *gk_rule_get(size_t i)
{
    return i < GK_ARRAY_LEN(rule_infos) ? &rule_infos[i] : NULL;
}

const gk_rule_info *gk_rule_find(const char *id)
{
    size_t i;

    for (i = 0; id && i < GK_ARRAY_LEN(rule_infos); i++)
        if (!strcmp(rule_infos[i].id, id))
            return &rule_infos[i];
    return NULL;
}

int gk_rules__emit(const gk_rule_ctx *c, const char *cell, bool has_values, double expected,
                   double actual, const char *evidence, const char *fmt, ...)
{
    gk_diag values;
    va_list ap;
    int error;

    memset(&values, 0, sizeof values);
    values.has_values = has_values;
    values.expected = expected;
    values.actual = actual;
    va_start(ap, fmt);
    error = gk_diag__addv(c->out, c->rule->id, c->rule->severity, cell, &values, evidence, fmt,
                          ap);
    va_end(ap);
    return error;
}

const char *gk_rules__num(char buf[32], double v)
{
    if (fabs(v) < 1e15 && !(floor(v) < v) && !(floor(v) > v))
        snprintf(buf, 32, "%.0f", v);
    else
        snprintf(buf, 32, "%.15g", v);
    return buf;
}

bool gk_rules__t3_row_optional(const gk_report *r, int row)
{
    /* 2019 trial format (国办公开办函〔2019〕60号) and 2021 reports that
     * print （六）其他处理 as one row (spec §1.4 "Real reports vary"). */
    return (r->t3_other_collapsed || r->format == GK_FORMAT_2019) &&
           (row == GK_T3_R_OT_NOCORRECT || row == GK_T3_R_OT_NOFEE);
}

bool gk_rules__t3_usable(const gk_report *r, int row, int col)
{
    uint8_t st = r->t3[row][col].state;

    if (st == GK_CELL_VALUE || st == GK_CELL_BLANK)
        return true;
    return st == GK_CELL_ABSENT && gk_rules__t3_row_optional(r, row);
}

bool gk_rules__t4_usable(const gk_report *r, int g, int col)
{
    uint8_t st = r->t4[g][col].state;

    return st == GK_CELL_VALUE || st == GK_CELL_BLANK;
}

const char *gk_rules__t2_root(const gk_report *r)
{
    return r->format == GK_FORMAT_2019 ? "proactive_2019" : "proactive";
}

int gk_validate(gk_diag_list *out, const gk_report *r, const gk_validate_opts *opts)
{
    static const gk_validate_opts defaults = GK_VALIDATE_OPTS_INIT;
    gk_rule_ctx c;
    size_t i;
    int error = 0;

    GK_ASSERT_ARG(out && r);
    c.out = out;
    c.r = r;
    c.opts = opts ? opts : &defaults;
    for (i = 0; i < GK_ARRAY_LEN(rule_fns); i++) {
        c.rule = &rule_infos[i];
        error = rule_fns[i](&c);
        if (error < 0)
            break;
    }
    return error;
}
