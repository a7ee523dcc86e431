/*
 * rules_cells.c: CELL.* rules, one cell at a time. The cells a rule
 * reports on are visited with gk_report__foreach_cell_if, which gives each
 * its report-JSON path.
 */
#include <math.h>
#include <stdio.h>
#include "rules_int.h"

/* Table-2 fields that are signed by definition: 本年增/减 of the 2019 trial
 * format (国办公开办函〔2019〕60号, spec §1.3) is a change, not a count. */
static const char *const signed_fields[] = {"delta"};

typedef struct cell_walk cell_walk;

/* Which cells a rule reports on: cheap, without the path. */
typedef bool (*cell_pred)(const cell_walk *w, const gk_cell *cell);

struct cell_walk {
    const gk_rule_ctx *c;
    const gk_t2_cell_desc *t2;
    size_t nt2;
    cell_pred pred;
};

/* The table-2 descriptor of cell, or NULL when it is not a table-2 cell. */
static const gk_t2_cell_desc *t2_desc(const cell_walk *w, const gk_cell *cell)
{
    const gk_cell *first = &w->c->r->t2[0];

    if (cell < first || cell >= first + w->nt2)
        return NULL;
    return &w->t2[cell - first];
}

/* Row and column of a table-3 cell, or false when it is not one. */
static bool t3_pos(const cell_walk *w, const gk_cell *cell, int *row, int *col)
{
    const gk_cell *first = &w->c->r->t3[0][0];
    ptrdiff_t off = cell - first;

    if (off < 0 || off >= (ptrdiff_t)GK_T3_NROWS * GK_T3_NCOLS)
        return false;
    *row = (int)(off / GK_T3_NCOLS);
    *col = (int)(off % GK_T3_NCOLS);
    return true;
}

static bool want(const gk_cell *cell, void *payload)
{
    const cell_walk *w = payload;

    return w->pred(w, cell);
}

/* Calls cb with each cell that pred selects and its path (the paths of
 * the others are never spelled: most reports give few findings). */
static int walk(const gk_rule_ctx *c, cell_pred pred, gk_report__cell_cb cb)
{
    cell_walk w;

    w.c = c;
    w.t2 = gk_t2_layout(c->r->format, &w.nt2);
    w.pred = pred;
    /* foreach_cell takes a mutable report for its other callers; these
     * callbacks only read. */
    return gk_report__foreach_cell_if((gk_report *)(uintptr_t)c->r, want, cb, &w);
}

static bool unreadable_pred(const cell_walk *w, const gk_cell *cell)
{
    (void)w;
    return cell->state == GK_CELL_UNREADABLE;
}

static int unreadable_cb(const char *path, gk_cell *cell, void *payload)
{
    const cell_walk *w = payload;

    return gk_rules__emit(w->c, path, false, 0, 0, cell->text, "%s 的内容“%s”无法识别为数字", path,
                          cell->text ? cell->text : "");
}

/* CELL.UNREADABLE (report-json.md §3): the source printed something that
 * is not a number; the parser kept the text. */
int gk_rules__check_cell_unreadable(const gk_rule_ctx *c)
{
    return walk(c, unreadable_pred, unreadable_cb);
}

static bool negative_pred(const cell_walk *w, const gk_cell *cell)
{
    const gk_t2_cell_desc *d;
    size_t i;

    if (cell->state != GK_CELL_VALUE || !(cell->v < 0))
        return false;
    d = t2_desc(w, cell);
    for (i = 0; d && i < GK_ARRAY_LEN(signed_fields); i++)
        if (!strcmp(d->field, signed_fields[i]))
            return false;
    return true;
}

static int negative_cb(const char *path, gk_cell *cell, void *payload)
{
    const cell_walk *w = payload;
    char a[32];

    return gk_rules__emit(w->c, path, true, 0, cell->v, NULL, "%s 为负数 %s，统计数不能为负", path,
                          gk_rules__num(a, cell->v));
}

/* CELL.NEGATIVE: counts (件) and amounts are never negative (spec §1.3,
 * §1.4 invariant 4, §1.5). */
int gk_rules__check_cell_negative(const gk_rule_ctx *c)
{
    return walk(c, negative_pred, negative_cb);
}

static bool not_integer_pred(const cell_walk *w, const gk_cell *cell)
{
    const gk_t2_cell_desc *d = t2_desc(w, cell);

    return !(d && d->is_amount) && !gk_cell_is_whole(cell);
}

static int not_integer_cb(const char *path, gk_cell *cell, void *payload)
{
    const cell_walk *w = payload;
    char a[32], e[32];

    return gk_rules__emit(w->c, path, true, round(cell->v), cell->v, NULL,
                          "%s 为 %s，件数应为整数（约为 %s）", path, gk_rules__num(a, cell->v),
                          gk_rules__num(e, round(cell->v)));
}

/* CELL.NOT_INTEGER: every cell is a whole count of 件 except the fee
 * amount in 万元 (表二 第二十条第（八）项, spec §1.3 "Units and decimals"). */
int gk_rules__check_cell_not_integer(const gk_rule_ctx *c)
{
    return walk(c, not_integer_pred, not_integer_cb);
}

static bool blank_pred(const cell_walk *w, const gk_cell *cell)
{
    (void)w;
    return cell->state == GK_CELL_BLANK;
}

static int blank_cb(const char *path, gk_cell *cell, void *payload)
{
    const cell_walk *w = payload;
    const gk_report *r = w->c->r;
    gk_buf cols = GK_BUF_INIT;
    int row, col, k, n = 0, error;

    if (!t3_pos(w, cell, &row, &col))
        return gk_rules__emit(w->c, path, false, 0, 0, NULL, "%s 为空白，按0计算", path);
    /* Table 3: one finding per row, on its first blank cell (a Word export
     * often leaves whole columns blank; 150 findings would hide the rest). */
    for (k = 0; k < col; k++)
        if (r->t3[row][k].state == GK_CELL_BLANK)
            return 0;
    error = 0;
    for (k = col; k < GK_T3_NCOLS && error >= 0; k++)
        if (r->t3[row][k].state == GK_CELL_BLANK) {
            error = n++ ? gk_buf_puts(&cols, "、") : 0;
            if (error >= 0)
                error = gk_buf_puts(&cols, gk_t3_col_label(k));
        }
    if (error >= 0)
        error = gk_rules__emit(w->c, path, false, 0, 0, NULL, "表三“%s”行的%s列为空白，按0计算",
                               gk_t3_row_label(row), gk_buf_cstr(&cols));
    gk_buf_release(&cols);
    return error;
}

/* CELL.BLANK (info): a blank cell is read as 0 by the arithmetic rules
 * (report-json.md §1); saying so keeps the reading visible. */
int gk_rules__check_cell_blank(const gk_rule_ctx *c)
{
    return walk(c, blank_pred, blank_cb);
}
