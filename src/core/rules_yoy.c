/*
 * rules_yoy.c: year-over-year rules, run when the caller gives the report
 * of year N-1 of the same agency (gk_validate_opts.previous).
 */
#include <math.h>
#include <stdio.h>
#include "rules_int.h"

/* Table-2 groups whose 现行有效件数 carries over from year to year (spec
 * §1.3, 2021 format: 规章 and 行政规范性文件). */
static const char *const in_force_groups[] = {"rules", "normative_docs"};

/* Why prev is not year N-1 of the same agency, or NULL when it is (or
 * cannot be told: unknown year or agency). */
static const char *previous_mismatch(const gk_report *r, const gk_report *prev)
{
    if (r->year && prev->year && prev->year != r->year - 1)
        return "年度不是上一年";
    if (r->agency && prev->agency && *r->agency && *prev->agency &&
        strcmp(r->agency, prev->agency) != 0)
        return "机关名称不同";
    return NULL;
}

static bool previous_usable(const gk_rule_ctx *c)
{
    return c->opts->previous && !previous_mismatch(c->r, c->opts->previous);
}

/* YOY.PREVIOUS: the other YOY rules compare with year N-1 of the same
 * agency (spec §1.4 invariant 5); a different report would only produce
 * noise, so they are not run and this says why. */
int gk_rules__check_yoy_previous(const gk_rule_ctx *c)
{
    const gk_report *prev = c->opts->previous;
    const char *why;

    if (!prev || !(why = previous_mismatch(c->r, prev)))
        return 0;
    return gk_rules__emit(c, NULL, false, 0, 0, NULL,
                          "上年报告（%s %d年）与本报告（%s %d年）%s，未进行跨年度核对",
                          prev->agency ? prev->agency : "", prev->year,
                          c->r->agency ? c->r->agency : "", c->r->year, why);
}

static bool readable(const gk_cell *cell)
{
    return cell->state == GK_CELL_VALUE || cell->state == GK_CELL_BLANK;
}

/* YOY.CARRY: CARRIED_IN of year N = CARRIED_OUT of year N-1, per column
 * (表三 二、上年结转 / 四、结转下年度继续办理; spec §1.4 invariant 5, a
 * soft check: re-organisations break it, hence a warning). */
int gk_rules__check_yoy_carry(const gk_rule_ctx *c)
{
    const gk_report *r = c->r, *prev = c->opts->previous;
    char path[64], a[32], b[32];
    int col, error;

    if (!previous_usable(c) || !r->t3_present || !prev->t3_present)
        return 0;
    for (col = 0; col < GK_T3_NCOLS; col++) {
        const gk_cell *in = &r->t3[GK_T3_CARRIED_IN][col];
        const gk_cell *out = &prev->t3[GK_T3_CARRIED_OUT][col];
        if (!readable(in) || !readable(out) || !(fabs(gk_cell_num(in) - gk_cell_num(out)) > 1e-9))
            continue;
        snprintf(path, sizeof path, "applications.CARRIED_IN[%d]", col);
        error =
            gk_rules__emit(c, path, true, gk_cell_num(out), gk_cell_num(in), NULL,
                           "表三“%s”列：上年结转为%s，上年报告结转下年度为%s", gk_t3_col_label(col),
                           gk_rules__num(a, gk_cell_num(in)), gk_rules__num(b, gk_cell_num(out)));
        if (error < 0)
            return error;
    }
    return 0;
}

/* The table-2 cell group.field of r (2021 layout), or NULL. */
static const gk_cell *t2_cell(const gk_report *r, const char *group, const char *field)
{
    size_t i, n;
    const gk_t2_cell_desc *d = gk_t2_layout(r->format, &n);

    for (i = 0; i < n; i++)
        if (!strcmp(d[i].group, group) && !strcmp(d[i].field, field))
            return readable(&r->t2[i]) ? &r->t2[i] : NULL;
    return NULL;
}

/* T2.IN_FORCE_DELTA (info): in_force(N) = in_force(N-1) + issued(N) -
 * repealed(N) usually holds, but documents also expire, so the format
 * enforces no identity (spec §1.3 "Meaning of the columns"). */
int gk_rules__check_t2_in_force_delta(const gk_rule_ctx *c)
{
    const gk_report *r = c->r, *prev = c->opts->previous;
    char path[96], a[32], b[32];
    size_t i;
    int error;

    if (!previous_usable(c) || !r->t2_present || !prev->t2_present || r->format != GK_FORMAT_2021 ||
        prev->format != GK_FORMAT_2021)
        return 0;
    for (i = 0; i < GK_ARRAY_LEN(in_force_groups); i++) {
        const char *g = in_force_groups[i];
        const gk_cell *now = t2_cell(r, g, "in_force"), *issued = t2_cell(r, g, "issued");
        const gk_cell *repealed = t2_cell(r, g, "repealed"), *before = t2_cell(prev, g, "in_force");
        double want;
        if (!now || !issued || !repealed || !before)
            continue;
        want = gk_cell_num(before) + gk_cell_num(issued) - gk_cell_num(repealed);
        if (!(fabs(want - gk_cell_num(now)) > 1e-9))
            continue;
        snprintf(path, sizeof path, "proactive.%s.in_force", g);
        error = gk_rules__emit(c, path, true, want, gk_cell_num(now), NULL,
                               "%s：上年现行有效加本年制发减本年废止为%s，本年现行有效为%s（文件"
                               "到期失效时可以不同）",
                               path, gk_rules__num(a, want), gk_rules__num(b, gk_cell_num(now)));
        if (error < 0)
            return error;
    }
    return 0;
}
