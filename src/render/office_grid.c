/*
 * office_grid.c: the official tables 2, 3 and 4 as grids of merged cells
 * (spec §1.3–1.5, 国办公开办函〔2021〕30号; table 2 also in the 2019 trial
 * format of 国办公开办函〔2019〕60号). The spans below are the ones the
 * national form prints; labels come from gk/report.h, never retyped here
 * except the few header words the model has no accessor for.
 */
#include <math.h>
#include <stdio.h>
#include "office_grid.h"

/* Header words of the official form that the model has no table for. */
#define T2_ROW_HEAD  "信息内容"                 /* spec §1.3: each block's header row */
#define T3_APPLICANT "申请人情况"               /* spec §1.4: top header over 7 columns */
#define T3_LEGAL     "法人或其他组织"           /* spec §1.4: spans the 5 organisation columns */
#define T4_LITIGATE  "行政诉讼"                 /* spec §1.5: spans 10 columns */
#define TITLE_TAIL   "政府信息公开工作年度报告" /* spec §1.1 */

/* Places an anchor at (row, col) spanning rs × cs and records it as the
 * owner of every position it covers. */
static void put(gk_grid *g, int row, int col, gk_grid_kind kind, int rs, int cs, const char *text)
{
    int i, j;

    if (row < 0 || col < 0 || rs < 1 || cs < 1 || row + rs > GK_GRID_MAX_ROWS ||
        col + cs > GK_GRID_MAX_COLS)
        GK_BUG("grid span (%d,%d)+%dx%d out of bounds", row, col, rs, cs);
    for (i = row; i < row + rs; i++)
        for (j = col; j < col + cs; j++) {
            gk_grid_cell *c = &g->c[i][j];
            memset(c, 0, sizeof *c);
            c->kind = GK_GRID_COVERED;
            c->arow = (uint8_t)row;
            c->acol = (uint8_t)col;
        }
    g->c[row][col].kind = (uint8_t)kind;
    g->c[row][col].rowspan = (uint8_t)rs;
    g->c[row][col].colspan = (uint8_t)cs;
    g->c[row][col].text = text;
    if (row + rs > g->nrows)
        g->nrows = row + rs;
}

static void put_value(gk_grid *g, int row, int col, int cs, const gk_cell *cell, bool amount)
{
    put(g, row, col, GK_GRID_VALUE, 1, cs, NULL);
    g->c[row][col].cell = cell;
    g->c[row][col].amount = amount;
}

/* ------------------------------------------------------------- table 2 */

/* Table 2 is a stack of blocks, one per 第二十条 item: a caption row over
 * the full width, a header row 信息内容 | column labels, then one row per
 * row label. A block with fewer columns than the widest lets its last
 * column span the rest (the 2021 form's 本年处理决定数量 spans 3). The
 * blocks, rows and columns are read off gk_t2_layout in order, so the
 * 2019 trial layout needs no code of its own. */
typedef struct {
    size_t first, end;      /* descriptor range of the block */
    const char *rows[8];
    const char *cols[8];
    int nrows, ncols;
} t2_block;

static int index_of(const char *const *v, int n, const char *s)
{
    int i;

    for (i = 0; i < n; i++)
        if (!strcmp(v[i], s))
            return i;
    return -1;
}

static void t2_scan(t2_block *b, const gk_t2_cell_desc *d, size_t first, size_t n)
{
    size_t i;

    memset(b, 0, sizeof *b);
    b->first = first;
    for (i = first; i < n && !strcmp(d[i].item, d[first].item); i++) {
        if (index_of(b->rows, b->nrows, d[i].row) < 0 && b->nrows < 8)
            b->rows[b->nrows++] = d[i].row;
        if (index_of(b->cols, b->ncols, d[i].col) < 0 && b->ncols < 8)
            b->cols[b->ncols++] = d[i].col;
    }
    b->end = i;
}

static void build_t2(gk_grid *g, const gk_report *r)
{
    size_t n, i, k;
    const gk_t2_cell_desc *d = gk_t2_layout(r->format, &n);
    t2_block b;
    int width = 0, row = 0, j, c;

    for (i = 0; i < n; i = b.end) {
        t2_scan(&b, d, i, n);
        if (b.ncols + 1 > width)
            width = b.ncols + 1;
    }
    g->ncols = width;
    g->widths[0] = 10;
    for (c = 1; c < width; c++)
        g->widths[c] = 9;
    for (i = 0; i < n; i = b.end) {
        t2_scan(&b, d, i, n);
        put(g, row++, 0, GK_GRID_HEAD, 1, width, d[i].item);
        put(g, row, 0, GK_GRID_HEAD, 1, 1, T2_ROW_HEAD);
        for (c = 0; c < b.ncols; c++)
            put(g, row, c + 1, GK_GRID_HEAD, 1, c == b.ncols - 1 ? width - c - 1 : 1, b.cols[c]);
        row++;
        for (j = 0; j < b.nrows; j++, row++) {
            put(g, row, 0, GK_GRID_LABEL, 1, 1, b.rows[j]);
            for (c = 0; c < b.ncols; c++) {
                int cs = c == b.ncols - 1 ? width - c - 1 : 1;
                for (k = b.first; k < b.end; k++)
                    if (!strcmp(d[k].row, b.rows[j]) && !strcmp(d[k].col, b.cols[c]))
                        break;
                if (k < b.end)
                    put_value(g, row, c + 1, cs, &r->t2[k], d[k].is_amount);
                else /* a row without this column: an empty bordered cell */
                    put(g, row, c + 1, GK_GRID_LABEL, 1, cs, "");
            }
        }
    }
    g->nhead = 0;
}

/* ------------------------------------------------------------- table 3 */

static bool t3_printed(const gk_report *r, int row)
{
    return !(r->t3_other_collapsed && (row == GK_T3_R_OT_NOCORRECT || row == GK_T3_R_OT_NOFEE));
}

/* The label a row prints with, and its group: the collapsed （六） row is
 * one row labelled （六）其他处理 with no group (spec §1.4, 2019 format). */
static const char *t3_label(const gk_report *r, int row, const char **group)
{
    *group = gk_t3_row_group(row);
    if (r->t3_other_collapsed && row == GK_T3_R_OT_OTHER) {
        *group = NULL;
        return GK_T3_OTHER_ROW_LABEL;
    }
    return gk_t3_row_label(row);
}

/* Header (3 rows): the 勾稽关系 note over 3 label columns × 3 rows;
 * 申请人情况 over the 7 data columns; 自然人 and 总计 over 2 rows, 法人或其他
 * 组织 over the 5 organisation columns. Body: 一、二、四、 span the 3 label
 * columns; 三、本年度办理结果 spans every result row down to （七）总计; rows
 * without a group span the 2 inner label columns; （三）–（六） span their
 * sub-rows (spec §1.4). */
static void build_t3(gk_grid *g, const gk_report *r)
{
    int row, col, out = 3, nresult = 0, k;
    const char *group, *prev = NULL;

    g->ncols = 3 + GK_T3_NCOLS;
    g->nhead = 3;
    g->widths[0] = 3;
    g->widths[1] = 4.5;
    g->widths[2] = 14;
    for (col = 0; col < GK_T3_NCOLS; col++)
        g->widths[3 + col] = 3;

    put(g, 0, 0, GK_GRID_HEAD, 3, 3, GK_T3_CORNER_LABEL);
    put(g, 0, 3, GK_GRID_HEAD, 1, GK_T3_NCOLS, T3_APPLICANT);
    put(g, 1, 3, GK_GRID_HEAD, 2, 1, gk_t3_col_label(0));
    put(g, 1, 4, GK_GRID_HEAD, 1, GK_T3_NCOLS - 2, T3_LEGAL);
    put(g, 1, 3 + GK_T3_COL_TOTAL, GK_GRID_HEAD, 2, 1, gk_t3_col_label(GK_T3_COL_TOTAL));
    for (col = 1; col < GK_T3_COL_TOTAL; col++)
        put(g, 2, 3 + col, GK_GRID_HEAD, 1, 1, gk_t3_col_label(col));

    for (row = GK_T3_FIRST_RESULT; row <= GK_T3_R_TOTAL; row++)
        nresult += t3_printed(r, row);

    for (row = 0; row < GK_T3_NROWS; row++) {
        const char *label;

        if (!t3_printed(r, row))
            continue;
        label = t3_label(r, row, &group);
        if (row < GK_T3_FIRST_RESULT || row > GK_T3_R_TOTAL) {
            put(g, out, 0, GK_GRID_LABEL, 1, 3, label);
        } else {
            if (row == GK_T3_FIRST_RESULT)
                put(g, out, 0, GK_GRID_LABEL, nresult, 1, GK_T3_RESULTS_LABEL);
            if (!group) {
                put(g, out, 1, GK_GRID_LABEL, 1, 2, label);
            } else {
                if (!prev || strcmp(prev, group) != 0) {
                    int span = 0;
                    const char *gk;
                    for (k = row; k <= GK_T3_R_TOTAL; k++) {
                        if (!t3_printed(r, k))
                            continue;
                        (void)t3_label(r, k, &gk);
                        if (!gk || strcmp(gk, group) != 0)
                            break;
                        span++;
                    }
                    put(g, out, 1, GK_GRID_LABEL, span, 1, group);
                }
                put(g, out, 2, GK_GRID_LABEL, 1, 1, label);
            }
        }
        prev = group;
        for (col = 0; col < GK_T3_NCOLS; col++)
            put_value(g, out, 3 + col, 1, &r->t3[row][col], false);
        out++;
    }
}

/* ------------------------------------------------------------- table 4 */

/* Row 1: 行政复议 over 5 columns, 行政诉讼 over 10. Row 2: the 5 行政复议
 * result columns over 2 rows, then 未经复议直接起诉 and 复议后起诉 over 5
 * each. Row 3: the 5 result columns of each 行政诉讼 group. Row 4: the 15
 * numbers (spec §1.5). */
static void build_t4(gk_grid *g, const gk_report *r)
{
    int grp, c;

    g->ncols = GK_T4_NGROUPS * GK_T4_NCOLS;
    g->nhead = 3;
    for (c = 0; c < g->ncols; c++)
        g->widths[c] = 3;
    put(g, 0, 0, GK_GRID_HEAD, 1, GK_T4_NCOLS, gk_t4_group_label(GK_T4_REVIEW));
    put(g, 0, GK_T4_NCOLS, GK_GRID_HEAD, 1, 2 * GK_T4_NCOLS, T4_LITIGATE);
    for (c = 0; c < GK_T4_NCOLS; c++)
        put(g, 1, c, GK_GRID_HEAD, 2, 1, gk_t4_col_label(c));
    for (grp = GK_T4_LIT_DIRECT; grp < GK_T4_NGROUPS; grp++) {
        put(g, 1, grp * GK_T4_NCOLS, GK_GRID_HEAD, 1, GK_T4_NCOLS, gk_t4_group_label(grp));
        for (c = 0; c < GK_T4_NCOLS; c++)
            put(g, 2, grp * GK_T4_NCOLS + c, GK_GRID_HEAD, 1, 1, gk_t4_col_label(c));
    }
    for (grp = 0; grp < GK_T4_NGROUPS; grp++)
        for (c = 0; c < GK_T4_NCOLS; c++)
            put_value(g, 3, grp * GK_T4_NCOLS + c, 1, &r->t4[grp][c], false);
}

/* ------------------------------------------------------------------ API */

static const struct {
    int section; /* index for gk_section_title */
    const char *no;
    const char *sheet;
    void (*build)(gk_grid *g, const gk_report *r);
} tables[GK_GRID_NTABLES] = {
    [GK_GRID_T2] = {1, "二", "表二 主动公开", build_t2},
    [GK_GRID_T3] = {2, "三", "表三 依申请公开", build_t3},
    [GK_GRID_T4] = {3, "四", "表四 复议诉讼", build_t4},
};

void gk_grid__build(gk_grid *g, const gk_report *r, gk_grid_table t)
{
    memset(g, 0, sizeof *g);
    g->no = tables[t].no;
    g->title = gk_section_title(tables[t].section);
    g->sheet = tables[t].sheet;
    tables[t].build(g, r);
}

void gk_grid__title(char *dst, size_t n, const gk_report *r)
{
    if (r->year > 0)
        snprintf(dst, n, "%s%d年%s", r->agency ? r->agency : "", r->year, TITLE_TAIL);
    else
        snprintf(dst, n, "%s%s", r->agency ? r->agency : "", TITLE_TAIL);
}

void gk_grid__format_number(char *dst, size_t n, double v, bool amount)
{
    size_t len;

    v += 0.0; /* -0 prints as 0 */
    if (!isfinite(v)) {
        snprintf(dst, n, "%s", "");
        return;
    }
    if (!amount && fabs(v) < 1e15 && !(floor(v) < v) && !(floor(v) > v)) {
        snprintf(dst, n, "%.0f", v);
        return;
    }
    if (!amount) {
        snprintf(dst, n, "%.15g", v);
        return;
    }
    /* 1 元 = 0.0001 万元: 4 decimals keep every whole 元 (spec §1.3). */
    snprintf(dst, n, "%.4f", v);
    len = strlen(dst);
    while (len > 0 && dst[len - 1] == '0')
        dst[--len] = '\0';
    if (len > 0 && dst[len - 1] == '.')
        dst[--len] = '\0';
    if (!strcmp(dst, "-0"))
        snprintf(dst, n, "%s", "0");
}

const char *gk_grid__cell_text(char *dst, size_t n, const gk_grid_cell *gc)
{
    if (gc->kind != GK_GRID_VALUE)
        return gc->text ? gc->text : "";
    if (!gc->cell)
        return "";
    switch (gc->cell->state) {
    case GK_CELL_VALUE:
        gk_grid__format_number(dst, n, gc->cell->v, gc->amount);
        return dst;
    case GK_CELL_UNREADABLE:
        return gc->cell->text ? gc->cell->text : "";
    default:
        return "";
    }
}
