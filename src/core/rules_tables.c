/*
 * rules_tables.c: the arithmetic of tables 3 and 4 (T3.*, T4.SUM). Each
 * broken column, row or group gives one finding; a sum that needs an
 * absent or unreadable cell is skipped (that cell has its own finding).
 * Blank cells count as 0 (report-json.md §1).
 */
#include <math.h>
#include <stdio.h>
#include "rules_int.h"

static bool differs(double a, double b)
{
    return fabs(a - b) > 1e-9;
}

static double t3(const gk_report *r, int row, int col)
{
    return gk_cell_num(&r->t3[row][col]);
}

/* T3.BALANCE: per column, NEW + CARRIED_IN = R_TOTAL + CARRIED_OUT: the
 * printed 勾稽关系 "第一项加第二项之和，等于第三项加第四项之和"
 * (国办公开办函〔2021〕30号 表三; spec §1.4 invariant 1). The finding
 * names CARRIED_OUT, the term the relation determines. */
int gk_rules__check_t3_balance(const gk_rule_ctx *c)
{
    static const int rows[] = {GK_T3_NEW, GK_T3_CARRIED_IN, GK_T3_R_TOTAL, GK_T3_CARRIED_OUT};
    const gk_report *r = c->r;
    char path[64], a[32], b[32];
    int col, k, error;

    if (!r->t3_present)
        return 0;
    for (col = 0; col < GK_T3_NCOLS; col++) {
        double in, out;
        bool ok = true;
        for (k = 0; k < (int)GK_ARRAY_LEN(rows); k++)
            ok = ok && gk_rules__t3_usable(r, rows[k], col);
        if (!ok)
            continue;
        in = t3(r, GK_T3_NEW, col) + t3(r, GK_T3_CARRIED_IN, col);
        out = t3(r, GK_T3_R_TOTAL, col) + t3(r, GK_T3_CARRIED_OUT, col);
        if (!differs(in, out))
            continue;
        snprintf(path, sizeof path, "applications.CARRIED_OUT[%d]", col);
        error = gk_rules__emit(c, path, true, in, out, NULL,
                               "表三“%s”列：一、本年新收加二、上年结转为%s，（七）总计加四、"
                               "结转下年度为%s，勾稽关系不成立",
                               gk_t3_col_label(col), gk_rules__num(a, in), gk_rules__num(b, out));
        if (error < 0)
            return error;
    }
    return 0;
}

/* T3.RESULT_SUM: per column, R_TOTAL = the sum of the result leaf rows
 * R_GRANT … R_OT_OTHER (21 rows: 2 + 8 + 3 + 5 + 3; spec §1.4 invariant
 * 2, which says 22). In a collapsed table （六） is R_OT_OTHER alone. */
int gk_rules__check_t3_result_sum(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    char path[64], a[32], b[32];
    int col, row, error;

    if (!r->t3_present)
        return 0;
    for (col = 0; col < GK_T3_NCOLS; col++) {
        double sum = 0;
        bool ok = gk_rules__t3_usable(r, GK_T3_R_TOTAL, col);
        for (row = GK_T3_FIRST_RESULT; row <= GK_T3_LAST_RESULT; row++) {
            ok = ok && gk_rules__t3_usable(r, row, col);
            sum += t3(r, row, col);
        }
        if (!ok || !differs(sum, t3(r, GK_T3_R_TOTAL, col)))
            continue;
        snprintf(path, sizeof path, "applications.R_TOTAL[%d]", col);
        error = gk_rules__emit(c, path, true, sum, t3(r, GK_T3_R_TOTAL, col), NULL,
                               "表三“%s”列：（一）至（六）各办理结果合计为%s，（七）总计为%s",
                               gk_t3_col_label(col), gk_rules__num(a, sum),
                               gk_rules__num(b, t3(r, GK_T3_R_TOTAL, col)));
        if (error < 0)
            return error;
    }
    return 0;
}

/* T3.ROW_TOTAL: per row, 总计 = the six applicant columns (表三 申请人情况;
 * spec §1.4 invariant 3: there is no 法人或其他组织 subtotal column). */
int gk_rules__check_t3_row_total(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    char path[64], a[32], b[32];
    int row, col, error;

    if (!r->t3_present)
        return 0;
    for (row = 0; row < GK_T3_NROWS; row++) {
        double sum = 0, total = t3(r, row, GK_T3_COL_TOTAL);
        bool ok = true;
        for (col = 0; col < GK_T3_NCOLS; col++) {
            ok = ok && gk_rules__t3_usable(r, row, col);
            if (col != GK_T3_COL_TOTAL)
                sum += t3(r, row, col);
        }
        if (!ok || !differs(sum, total))
            continue;
        snprintf(path, sizeof path, "applications.%s[%d]", gk_t3_row_key(row), GK_T3_COL_TOTAL);
        error = gk_rules__emit(c, path, true, sum, total, NULL,
                               "表三“%s”行：六类申请人合计为%s，总计列为%s", gk_t3_row_label(row),
                               gk_rules__num(a, sum), gk_rules__num(b, total));
        if (error < 0)
            return error;
    }
    return 0;
}

/* T4.SUM: per group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结
 * (国办公开办函〔2021〕30号 表四; spec §1.5 invariants). */
int gk_rules__check_t4_sum(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    char path[96], a[32], b[32];
    int g, col, error;

    if (!r->t4_present)
        return 0;
    for (g = 0; g < GK_T4_NGROUPS; g++) {
        double sum = 0, total = gk_cell_num(&r->t4[g][GK_T4_TOTAL]);
        bool ok = true;
        for (col = 0; col < GK_T4_NCOLS; col++) {
            ok = ok && gk_rules__t4_usable(r, g, col);
            if (col != GK_T4_TOTAL)
                sum += gk_cell_num(&r->t4[g][col]);
        }
        if (!ok || !differs(sum, total))
            continue;
        snprintf(path, sizeof path, "review_litigation.%s.total", gk_t4_group_key(g));
        error =
            gk_rules__emit(c, path, true, sum, total, NULL,
                           "表四“%s”：结果维持、结果纠正、其他结果、尚未审结合计为%s，总计为%s",
                           gk_t4_group_label(g), gk_rules__num(a, sum), gk_rules__num(b, total));
        if (error < 0)
            return error;
    }
    return 0;
}
