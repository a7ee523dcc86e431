/*
 * Unit tests of the shared table layout (src/render/layout.c): every grid
 * position is covered by exactly one cell, and the spans are those of the
 * official form (spec §1.3–1.5).
 */
#include "test.h"
#include "gk/errors.h"
#include "render/layout.h"

static gk_report *seed(void)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &len);
    gk_report *r = NULL;

    if (gk_report_from_json(&r, data, len) < 0)
        r = NULL;
    gk_free(data);
    return r;
}

/* The cell whose text is `text` (first match), or NULL. */
static const gk_lcell *find(const gk_layout_table *t, const char *text)
{
    size_t i;

    for (i = 0; i < t->ncells; i++)
        if (t->cells[i].text && !strcmp(t->cells[i].text, text))
            return &t->cells[i];
    return NULL;
}

/* Each position covered once, by a cell that really contains it; cells in
 * row-major order of their corners. */
static int check_cover(const gk_layout_table *t)
{
    int r, c;
    size_t i, area = 0;

    for (r = 0; r < t->nrows; r++)
        for (c = 0; c < t->ncols; c++) {
            const gk_lcell *x = gk_render__layout_at(t, r, c);
            if (!x || r < x->row || r >= x->row + x->rowspan || c < x->col ||
                c >= x->col + x->colspan)
                return -1;
        }
    for (i = 0; i < t->ncells; i++) {
        area += (size_t)t->cells[i].rowspan * t->cells[i].colspan;
        if (i && (t->cells[i].row < t->cells[i - 1].row ||
                  (t->cells[i].row == t->cells[i - 1].row && t->cells[i].col <= t->cells[i - 1].col)))
            return -2;
    }
    return area == (size_t)t->nrows * t->ncols ? 0 : -3;
}

GK_TEST(render_layout, table3_official_spans)
{
    gk_report *r = seed();
    gk_layout_table t;
    const gk_lcell *c;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render__layout_build(&t, r, 3));
    GK_T_INT_EQ(check_cover(&t), 0);
    GK_T_INT_EQ(t.ncols, 10);
    GK_T_INT_EQ(t.nrows, 3 + 25);
    c = find(&t, GK_T3_CORNER_LABEL);
    GK_T_OK(c && c->row == 0 && c->col == 0 && c->rowspan == 3 && c->colspan == 3);
    c = find(&t, "申请人情况");
    GK_T_OK(c && c->row == 0 && c->colspan == 7);
    c = find(&t, "自然人");
    GK_T_OK(c && c->row == 1 && c->rowspan == 2);
    c = find(&t, "法人或其他组织");
    GK_T_OK(c && c->row == 1 && c->colspan == 5);
    c = find(&t, "总计");
    GK_T_OK(c && c->row == 1 && c->rowspan == 2 && c->col == 9);
    c = find(&t, GK_T3_RESULTS_LABEL);
    GK_T_OK(c && c->rowspan == 22 && c->row == 5);
    c = find(&t, "（三）不予公开");
    GK_T_OK(c && c->rowspan == 8);
    c = find(&t, "（四）无法提供");
    GK_T_OK(c && c->rowspan == 3);
    c = find(&t, "（五）不予处理");
    GK_T_OK(c && c->rowspan == 5);
    c = find(&t, "（六）其他处理");
    GK_T_OK(c && c->rowspan == 3 && c->colspan == 1);
    c = find(&t, "一、本年新收政府信息公开申请数量");
    GK_T_OK(c && c->colspan == 3);
    c = find(&t, "（七）总计");
    GK_T_OK(c && c->colspan == 2);
    /* the value of 1.本机关不掌握相关政府信息 / 自然人 is the model's cell */
    c = gk_render__layout_at(&t, find(&t, "1.本机关不掌握相关政府信息")->row, 3);
    GK_T_OK(c->kind == GK_LCELL_VALUE && c->cell == &r->t3[GK_T3_R_NA_NOTHELD][0]);
    gk_report_free(r);
}

GK_TEST(render_layout, table3_collapsed_other_is_one_row)
{
    gk_report *r = seed();
    gk_layout_table t;
    const gk_lcell *c;

    GK_T_OK(r != NULL);
    r->t3_other_collapsed = true;
    GK_T_CALL(gk_render__layout_build(&t, r, 3));
    GK_T_INT_EQ(check_cover(&t), 0);
    GK_T_INT_EQ(t.nrows, 3 + 23);
    c = find(&t, GK_T3_OTHER_ROW_LABEL);
    GK_T_OK(c && c->rowspan == 1 && c->colspan == 2 && c->col == 1);
    GK_T_OK(gk_render__layout_at(&t, c->row, 3)->cell == &r->t3[GK_T3_R_OT_OTHER][0]);
    GK_T_OK(find(&t, "3.其他") == NULL);
    GK_T_INT_EQ(find(&t, GK_T3_RESULTS_LABEL)->rowspan, 20);
    gk_report_free(r);
}

GK_TEST(render_layout, table4_official_spans)
{
    gk_report *r = seed();
    gk_layout_table t;
    const gk_lcell *c;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render__layout_build(&t, r, 4));
    GK_T_INT_EQ(check_cover(&t), 0);
    GK_T_INT_EQ(t.ncols, 15);
    GK_T_INT_EQ(t.nrows, 4);
    c = find(&t, "行政复议");
    GK_T_OK(c && c->colspan == 5 && c->row == 0);
    c = find(&t, "行政诉讼");
    GK_T_OK(c && c->colspan == 10 && c->col == 5);
    c = find(&t, "结果维持");
    GK_T_OK(c && c->rowspan == 2 && c->row == 1 && c->col == 0);
    c = find(&t, "未经复议直接起诉");
    GK_T_OK(c && c->colspan == 5 && c->col == 5);
    c = find(&t, "复议后起诉");
    GK_T_OK(c && c->colspan == 5 && c->col == 10);
    GK_T_OK(gk_render__layout_at(&t, 3, 4)->cell == &r->t4[GK_T4_REVIEW][GK_T4_TOTAL]);
    gk_report_free(r);
}

GK_TEST(render_layout, table2_blocks_2021_and_2019)
{
    gk_report *r = seed();
    gk_layout_table t;
    const gk_lcell *c;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render__layout_build(&t, r, 2));
    GK_T_INT_EQ(check_cover(&t), 0);
    GK_T_INT_EQ(t.nparts, 4);
    GK_T_INT_EQ(t.ncols, 4);
    GK_T_INT_EQ(t.nrows, 4 * 2 + 6); /* caption + header per block, 6 data rows */
    c = find(&t, "第二十条第（五）项");
    GK_T_OK(c && c->kind == GK_LCELL_CAPTION && c->colspan == 4);
    c = find(&t, "本年收费金额（单位：万元）");
    GK_T_OK(c && c->colspan == 3);
    GK_T_OK(gk_render__layout_at(&t, c->row + 1, 1)->amount);

    r->format = GK_FORMAT_2019;
    GK_T_CALL(gk_render__layout_build(&t, r, 2));
    GK_T_INT_EQ(check_cover(&t), 0);
    GK_T_INT_EQ(t.nparts, 5);
    GK_T_OK(find(&t, "第二十条第（九）项") != NULL);
    c = find(&t, "采购总金额");
    GK_T_OK(c && c->colspan == 2 && c->col == 2);
    gk_report_free(r);
}

GK_TEST(render_layout, absent_table_and_row)
{
    gk_report *r = seed();
    gk_layout_table t;
    const gk_lcell *c;
    int k;

    GK_T_OK(r != NULL);
    r->t4_present = false;
    GK_T_INT_EQ(gk_render__layout_build(&t, r, 4), GK_ENOTFOUND);
    for (k = 0; k < GK_T3_NCOLS; k++)
        r->t3[GK_T3_R_NP_REPEAT][k].state = GK_CELL_ABSENT;
    GK_T_CALL(gk_render__layout_build(&t, r, 3));
    GK_T_INT_EQ(check_cover(&t), 0);
    c = find(&t, GK_LAYOUT_ABSENT_ROW);
    GK_T_OK(c && c->kind == GK_LCELL_NOTE && c->colspan == 7 &&
            c->row == find(&t, "2.重复申请")->row);
    gk_report_free(r);
}

GK_TEST(render_layout, cell_text_formats)
{
    gk_cell cell;
    gk_lcell lc;
    char buf[64];

    memset(&lc, 0, sizeof lc);
    lc.kind = GK_LCELL_VALUE;
    lc.cell = &cell;
    memset(&cell, 0, sizeof cell);
    gk_cell_set(&cell, 25);
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "25");
    gk_cell_set(&cell, -0.0);
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "0");
    lc.amount = true;
    gk_cell_set(&cell, 12.05);
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "12.05");
    gk_cell_set(&cell, 0.0001); /* 1 元 */
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "0.0001");
    gk_cell_set(&cell, 3);
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "3");
    gk_cell_set_blank(&cell);
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "");
    cell.state = GK_CELL_ABSENT;
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), GK_LAYOUT_ABSENT_CELL);
    cell.state = GK_CELL_UNREADABLE;
    cell.text = "l5";
    GK_T_STR_EQ(gk_render__cell_text(&lc, buf, sizeof buf), "l5");
}
