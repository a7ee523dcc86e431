/*
 * rules_struct.c: STRUCT.* rules, whether the tables, rows and cells of the
 * national format (国办公开办函〔2021〕30号, spec §1.3-1.5) are in the
 * report at all. A cell is ABSENT when the source did not have it; a blank
 * cell is present (CELL.BLANK).
 */
#include <stdio.h>
#include "rules_int.h"

/* A row of a table as the STRUCT rules see it: its cells and its name. */
typedef struct {
    const gk_cell *cells[GK_T3_NCOLS];
    char paths[GK_T3_NCOLS][192];
    size_t n;
    char path[96];     /* the row's JSON path: "applications.NEW" */
    const char *label; /* for the message */
    const char *table; /* "表二" … */
} struct_row;

typedef int (*row_cb)(const gk_rule_ctx *c, const struct_row *row);

static size_t count_absent(const struct_row *row)
{
    size_t i, n = 0;

    for (i = 0; i < row->n; i++)
        n += row->cells[i]->state == GK_CELL_ABSENT;
    return n;
}

/* Visits the rows of every present table that lack at least one cell (the
 * only rows the STRUCT callbacks report on; the paths are spelled only for
 * them). Table 2 of the 2019 trial format has a free shape (report-json.md
 * §1) and is not checked row by row. */
static int foreach_row(const gk_rule_ctx *c, row_cb cb)
{
    const gk_report *r = c->r;
    struct_row row;
    size_t i, j, n;
    int k, g, error;

    if (r->t2_present && r->format == GK_FORMAT_2021) {
        const gk_t2_cell_desc *t2 = gk_t2_layout(r->format, &n);
        for (i = 0; i < n; i = i + row.n) {
            row.n = 0;
            while (i + row.n < n && !strcmp(t2[i + row.n].group, t2[i].group)) {
                row.cells[row.n] = &r->t2[i + row.n];
                row.n++;
            }
            if (count_absent(&row) == 0)
                continue;
            row.table = "表二";
            row.label = t2[i].row;
            snprintf(row.path, sizeof row.path, "%s.%s", gk_rules__t2_root(r), t2[i].group);
            for (j = 0; j < row.n; j++)
                snprintf(row.paths[j], sizeof row.paths[0], "%.95s.%.64s", row.path,
                         t2[i + j].field);
            error = cb(c, &row);
            if (error < 0)
                return error;
        }
    }
    if (r->t3_present) {
        for (k = 0; k < GK_T3_NROWS; k++) {
            if (gk_rules__t3_row_optional(r, k))
                continue;
            for (row.n = 0; row.n < GK_T3_NCOLS; row.n++)
                row.cells[row.n] = &r->t3[k][row.n];
            if (count_absent(&row) == 0)
                continue;
            row.table = "表三";
            row.label = gk_t3_row_label(k);
            snprintf(row.path, sizeof row.path, "applications.%s", gk_t3_row_key(k));
            for (j = 0; j < row.n; j++)
                snprintf(row.paths[j], sizeof row.paths[0], "%.95s[%zu]", row.path, j);
            error = cb(c, &row);
            if (error < 0)
                return error;
        }
    }
    if (r->t4_present) {
        for (g = 0; g < GK_T4_NGROUPS; g++) {
            for (row.n = 0; row.n < GK_T4_NCOLS; row.n++)
                row.cells[row.n] = &r->t4[g][row.n];
            if (count_absent(&row) == 0)
                continue;
            row.table = "表四";
            row.label = gk_t4_group_label(g);
            snprintf(row.path, sizeof row.path, "review_litigation.%s", gk_t4_group_key(g));
            for (j = 0; j < row.n; j++)
                snprintf(row.paths[j], sizeof row.paths[0], "%.95s.%.64s", row.path,
                         gk_t4_col_key((int)j));
            error = cb(c, &row);
            if (error < 0)
                return error;
        }
    }
    return 0;
}

/* STRUCT.MISSING_TABLE: tables 2, 3 and 4 are required parts of the report
 * (条例 第五十条; 国办公开办函〔2021〕30号 parts 二 to 四). */
int gk_rules__check_struct_missing_table(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    int error = 0;

    if (!r->t2_present)
        error = gk_rules__emit(c, gk_rules__t2_root(r), false, 0, 0, NULL,
                               "未找到表二（主动公开政府信息情况）");
    if (error >= 0 && !r->t3_present)
        error = gk_rules__emit(c, "applications", false, 0, 0, NULL,
                               "未找到表三（收到和处理政府信息公开申请情况）");
    if (error >= 0 && !r->t4_present)
        error = gk_rules__emit(c, "review_litigation", false, 0, 0, NULL,
                               "未找到表四（政府信息公开行政复议、行政诉讼情况）");
    return error;
}

static int missing_row_cb(const gk_rule_ctx *c, const struct_row *row)
{
    if (count_absent(row) < row->n)
        return 0;
    return gk_rules__emit(c, row->path, false, 0, 0, NULL, "%s缺少“%s”%s", row->table, row->label,
                          strcmp(row->table, "表四") ? "行" : "栏");
}

/* STRUCT.MISSING_ROW: a row of a found table is missing (spec §1.3-1.5).
 * The （六） sub-rows may be missing when the table prints （六）其他处理 as
 * one row (2019 format, and some 2021 reports: spec §1.4). */
int gk_rules__check_struct_missing_row(const gk_rule_ctx *c)
{
    return foreach_row(c, missing_row_cb);
}

static int missing_cell_cb(const gk_rule_ctx *c, const struct_row *row)
{
    size_t i;
    int error;

    if (count_absent(row) == row->n)
        return 0; /* STRUCT.MISSING_ROW */
    for (i = 0; i < row->n; i++) {
        if (row->cells[i]->state != GK_CELL_ABSENT)
            continue;
        error = gk_rules__emit(c, row->paths[i], false, 0, 0, NULL, "%s“%s”缺少单元格 %s",
                               row->table, row->label, row->paths[i]);
        if (error < 0)
            return error;
    }
    return 0;
}

/* STRUCT.MISSING_CELL: a found row lacks some of its cells. */
int gk_rules__check_struct_missing_cell(const gk_rule_ctx *c)
{
    return foreach_row(c, missing_cell_cb);
}
