/*
 * layout.c: the grids of tables 2, 3 and 4 with the spans of the national
 * format (spec §1.3–1.5, 国办公开办函〔2021〕30号; table 2 of the 2019 trial
 * format, 国办公开办函〔2019〕60号), and the document walk shared by the
 * HTML, Markdown and text renderers. See layout.h for the model.
 */
#include <math.h>
#include <stdio.h>
#include "layout.h"

/* Spec §1.5: row 1 of table 4 is 行政复议 (5 columns) | 行政诉讼 (10 columns);
 * the model only names the two 行政诉讼 sub-groups. */
#define T4_LITIGATION_LABEL "行政诉讼"
/* Spec §1.3: the row-label header of every table-2 block. */
#define T2_ROW_HEAD "信息内容"
/* Spec §1.4: the header over the 7 applicant columns and the group over the
 * five organisation columns. */
#define T3_APPLICANTS_LABEL "申请人情况"
#define T3_ORGS_LABEL       "法人或其他组织"

/* Adds one cell and marks the positions it covers. The builders below are
 * fixed code over fixed tables, so a collision or overflow is a bug. */
static gk_lcell *put(gk_layout_table *t, gk_lcell_kind kind, int row, int col, int rowspan,
                     int colspan, const char *text)
{
    gk_lcell *c;
    int r, k;

    if (t->ncells >= GK_LAYOUT_MAX_CELLS || row + rowspan > GK_LAYOUT_MAX_ROWS ||
        col + colspan > t->ncols || rowspan < 1 || colspan < 1)
        GK_BUG("layout cell out of bounds at (%d,%d)", row, col);
    for (r = row; r < row + rowspan; r++)
        for (k = col; k < col + colspan; k++) {
            if (t->at[r][k] >= 0)
                GK_BUG("layout cells overlap at (%d,%d)", r, k);
            t->at[r][k] = (int16_t)t->ncells;
        }
    c = &t->cells[t->ncells++];
    memset(c, 0, sizeof *c);
    c->kind = (uint8_t)kind;
    c->row = (uint8_t)row;
    c->col = (uint8_t)col;
    c->rowspan = (uint8_t)rowspan;
    c->colspan = (uint8_t)colspan;
    c->text = text;
    if (row + rowspan > t->nrows)
        t->nrows = (uint8_t)(row + rowspan);
    return c;
}

static void put_value(gk_layout_table *t, int row, int col, int colspan, const gk_cell *cell,
                      bool amount)
{
    gk_lcell *c = put(t, GK_LCELL_VALUE, row, col, 1, colspan, NULL);

    c->cell = cell;
    c->amount = amount;
}

static void begin_part(gk_layout_table *t, int first_row, int nhead)
{
    gk_lpart *p;

    if (t->nparts >= GK_LAYOUT_MAX_PARTS)
        GK_BUG("too many layout parts");
    p = &t->parts[t->nparts++];
    p->first_row = (uint8_t)first_row;
    p->nhead = (uint8_t)nhead;
    p->nrows = 0;
}

static void end_part(gk_layout_table *t, int end_row)
{
    gk_lpart *p = &t->parts[t->nparts - 1];

    p->nrows = (uint8_t)(end_row - p->first_row);
}

static void reset(gk_layout_table *t, int number, int ncols, int nlabel)
{
    memset(t, 0, sizeof *t);
    memset(t->at, 0xff, sizeof t->at); /* -1: not covered yet */
    t->number = number;
    t->ncols = (uint8_t)ncols;
    t->nlabel = (uint8_t)nlabel;
}

static bool all_absent(const gk_cell *const *cells, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (cells[i]->state != GK_CELL_ABSENT)
            return false;
    return true;
}

/* ------------------------------------------------------------ table 2 */

/* Number of descriptors from i on that share item (and row when by_row). */
static size_t run_len(const gk_t2_cell_desc *d, size_t n, size_t i, bool by_row)
{
    size_t j = i;

    while (j < n && !strcmp(d[j].item, d[i].item) && (!by_row || !strcmp(d[j].row, d[i].row)))
        j++;
    return j - i;
}

/* Value columns of row-run [i, i+k): each cell one grid column, the last one
 * spanning to the table's right edge (a one-value block such as 第二十条第
 * （五）项 prints 本年处理决定数量 across the 3 columns of 第（一）项). */
static int span_of(const gk_layout_table *t, size_t k, size_t nk)
{
    return k + 1 < nk ? 1 : (int)(t->ncols - 1 - k);
}

static void build_t2(gk_layout_table *t, const gk_report *r)
{
    size_t n, i, maxcols = 1;
    const gk_t2_cell_desc *d = gk_t2_layout(r->format, &n);
    int row = 0;

    for (i = 0; i < n; i += run_len(d, n, i, true))
        if (run_len(d, n, i, true) > maxcols)
            maxcols = run_len(d, n, i, true);
    reset(t, 2, (int)maxcols + 1, 1);
    t->width[0] = 20;
    for (i = 1; i <= maxcols; i++)
        t->width[i] = 16;

    for (i = 0; i < n;) {
        size_t block_end = i + run_len(d, n, i, false), nk = run_len(d, n, i, true), k;

        begin_part(t, row, 2);
        put(t, GK_LCELL_CAPTION, row, 0, 1, t->ncols, d[i].item);
        row++;
        put(t, GK_LCELL_HEAD, row, 0, 1, 1, T2_ROW_HEAD);
        for (k = 0; k < nk; k++)
            put(t, GK_LCELL_HEAD, row, 1 + (int)k, 1, span_of(t, k, nk), d[i + k].col);
        row++;
        while (i < block_end) {
            const gk_cell *cells[GK_T2_MAX_CELLS];

            nk = run_len(d, n, i, true);
            for (k = 0; k < nk; k++)
                cells[k] = &r->t2[i + k];
            put(t, GK_LCELL_LABEL, row, 0, 1, 1, d[i].row);
            if (all_absent(cells, nk))
                put(t, GK_LCELL_NOTE, row, 1, 1, t->ncols - 1, GK_LAYOUT_ABSENT_ROW);
            else
                for (k = 0; k < nk; k++)
                    put_value(t, row, 1 + (int)k, span_of(t, k, nk), cells[k], d[i + k].is_amount);
            row++;
            i += nk;
        }
        end_part(t, row);
    }
}

/* ------------------------------------------------------------ table 3 */

/* Whether row k is printed: a collapsed （六） prints only R_OT_OTHER. */
static bool t3_printed(const gk_report *r, int k)
{
    return !(r->t3_other_collapsed && (k == GK_T3_R_OT_NOCORRECT || k == GK_T3_R_OT_NOFEE));
}

/* The rowspan group of row k as printed ((三)…(六)), or NULL. */
static const char *t3_group(const gk_report *r, int k)
{
    if (r->t3_other_collapsed && k == GK_T3_R_OT_OTHER)
        return NULL;
    return gk_t3_row_group(k);
}

static const char *t3_label(const gk_report *r, int k)
{
    if (r->t3_other_collapsed && k == GK_T3_R_OT_OTHER)
        return GK_T3_OTHER_ROW_LABEL;
    return gk_t3_row_label(k);
}

static int t3_group_rows(const gk_report *r, int k)
{
    const char *g = t3_group(r, k);
    int n = 0;

    for (; k < GK_T3_NROWS && t3_group(r, k) && !strcmp(t3_group(r, k), g); k++)
        n += t3_printed(r, k);
    return n;
}

static void build_t3(gk_layout_table *t, const gk_report *r)
{
    static const uint8_t widths[] = {4, 8, 34, 5, 5, 5, 5, 5, 5, 5};
    int k, c, row = 3, nresults = 0;
    const char *prev_group = NULL;

    reset(t, 3, 3 + GK_T3_NCOLS, 3);
    memcpy(t->width, widths, sizeof widths);
    begin_part(t, 0, 3);
    /* Spec §1.4 header: corner 3×3, 申请人情况 over the 7 columns; 自然人 and
     * 总计 span 2 rows, 法人或其他组织 spans the 5 organisation columns. */
    put(t, GK_LCELL_HEAD, 0, 0, 3, 3, GK_T3_CORNER_LABEL);
    put(t, GK_LCELL_HEAD, 0, 3, 1, GK_T3_NCOLS, T3_APPLICANTS_LABEL);
    put(t, GK_LCELL_HEAD, 1, 3, 2, 1, gk_t3_col_label(0));
    put(t, GK_LCELL_HEAD, 1, 4, 1, GK_T3_NCOLS - 2, T3_ORGS_LABEL);
    put(t, GK_LCELL_HEAD, 1, 3 + GK_T3_COL_TOTAL, 2, 1, gk_t3_col_label(GK_T3_COL_TOTAL));
    for (c = 1; c < GK_T3_COL_TOTAL; c++)
        put(t, GK_LCELL_HEAD, 2, 3 + c, 1, 1, gk_t3_col_label(c));

    /* 三、本年度办理结果 spans every printed row from （一） to （七）总计. */
    for (k = GK_T3_FIRST_RESULT; k <= GK_T3_R_TOTAL; k++)
        nresults += t3_printed(r, k);

    for (k = 0; k < GK_T3_NROWS; k++) {
        const gk_cell *cells[GK_T3_NCOLS];
        const char *group = t3_group(r, k);

        if (!t3_printed(r, k))
            continue;
        if (k < GK_T3_FIRST_RESULT || k > GK_T3_R_TOTAL) {
            put(t, GK_LCELL_LABEL, row, 0, 1, 3, t3_label(r, k));
        } else {
            if (k == GK_T3_FIRST_RESULT)
                put(t, GK_LCELL_LABEL, row, 0, nresults, 1, GK_T3_RESULTS_LABEL);
            if (group) {
                if (!prev_group || strcmp(prev_group, group) != 0)
                    put(t, GK_LCELL_LABEL, row, 1, t3_group_rows(r, k), 1, group);
                put(t, GK_LCELL_LABEL, row, 2, 1, 1, t3_label(r, k));
            } else {
                put(t, GK_LCELL_LABEL, row, 1, 1, 2, t3_label(r, k));
            }
        }
        prev_group = group;
        for (c = 0; c < GK_T3_NCOLS; c++)
            cells[c] = &r->t3[k][c];
        if (all_absent(cells, GK_T3_NCOLS))
            put(t, GK_LCELL_NOTE, row, 3, 1, GK_T3_NCOLS, GK_LAYOUT_ABSENT_ROW);
        else
            for (c = 0; c < GK_T3_NCOLS; c++)
                put_value(t, row, 3 + c, 1, cells[c], false);
        row++;
    }
    end_part(t, row);
}

/* ------------------------------------------------------------ table 4 */

static void build_t4(gk_layout_table *t, const gk_report *r)
{
    const gk_cell *cells[GK_T4_NGROUPS * GK_T4_NCOLS];
    int g, c;

    reset(t, 4, GK_T4_NGROUPS * GK_T4_NCOLS, 0);
    for (c = 0; c < t->ncols; c++)
        t->width[c] = 5;
    begin_part(t, 0, 3);
    /* Spec §1.5: 行政复议 (5) | 行政诉讼 (10); the 行政复议 column labels span
     * rows 2–3; 未经复议直接起诉 and 复议后起诉 (5 each) head row 3. */
    put(t, GK_LCELL_HEAD, 0, 0, 1, GK_T4_NCOLS, gk_t4_group_label(GK_T4_REVIEW));
    put(t, GK_LCELL_HEAD, 0, GK_T4_NCOLS, 1, 2 * GK_T4_NCOLS, T4_LITIGATION_LABEL);
    for (c = 0; c < GK_T4_NCOLS; c++)
        put(t, GK_LCELL_HEAD, 1, c, 2, 1, gk_t4_col_label(c));
    for (g = GK_T4_LIT_DIRECT; g < GK_T4_NGROUPS; g++)
        put(t, GK_LCELL_HEAD, 1, g * GK_T4_NCOLS, 1, GK_T4_NCOLS, gk_t4_group_label(g));
    for (g = GK_T4_LIT_DIRECT; g < GK_T4_NGROUPS; g++)
        for (c = 0; c < GK_T4_NCOLS; c++)
            put(t, GK_LCELL_HEAD, 2, g * GK_T4_NCOLS + c, 1, 1, gk_t4_col_label(c));
    for (g = 0; g < GK_T4_NGROUPS; g++)
        for (c = 0; c < GK_T4_NCOLS; c++)
            cells[g * GK_T4_NCOLS + c] = &r->t4[g][c];
    if (all_absent(cells, GK_ARRAY_LEN(cells)))
        put(t, GK_LCELL_NOTE, 3, 0, 1, t->ncols, GK_LAYOUT_ABSENT_ROW);
    else
        for (c = 0; c < t->ncols; c++)
            put_value(t, 3, c, 1, cells[c], false);
    end_part(t, 4);
}

/* ------------------------------------------------------------- queries */

int gk_render__layout_build(gk_layout_table *t, const gk_report *r, int number)
{
    GK_ASSERT_ARG(t && r);
    switch (number) {
    case 2:
        if (!r->t2_present)
            return GK_ENOTFOUND;
        build_t2(t, r);
        return 0;
    case 3:
        if (!r->t3_present)
            return GK_ENOTFOUND;
        build_t3(t, r);
        return 0;
    case 4:
        if (!r->t4_present)
            return GK_ENOTFOUND;
        build_t4(t, r);
        return 0;
    default:
        gk_error_set(GK_ERRCLASS_RENDER, "no table %d in the report format", number);
        return GK_EINVALID;
    }
}

const gk_lcell *gk_render__layout_at(const gk_layout_table *t, int row, int col)
{
    if (row < 0 || row >= t->nrows || col < 0 || col >= t->ncols || t->at[row][col] < 0)
        return NULL;
    return &t->cells[t->at[row][col]];
}

const gk_lpart *gk_render__layout_part_of(const gk_layout_table *t, int row)
{
    size_t i;

    for (i = 0; i < t->nparts; i++)
        if (row >= t->parts[i].first_row && row < t->parts[i].first_row + t->parts[i].nrows)
            return &t->parts[i];
    return NULL;
}

/* Spec §1.3: amounts in 万元 print with up to 4 decimals (1 元 = 0.0001 万元),
 * trailing zeros trimmed; counts print as integers. */
static void format_number(char *buf, size_t n, double v, bool amount)
{
    size_t len;

    if (!(v < 0) && !(v > 0))
        v = 0; /* no "-0" */
    if (amount || !(floor(v) >= v)) {
        snprintf(buf, n, amount ? "%.4f" : "%.15g", v);
        if (!amount || !strchr(buf, '.'))
            return;
        len = strlen(buf);
        while (len > 0 && buf[len - 1] == '0')
            buf[--len] = '\0';
        if (len > 0 && buf[len - 1] == '.')
            buf[--len] = '\0';
        return;
    }
    snprintf(buf, n, "%.0f", v);
}

const char *gk_render__cell_text(const gk_lcell *c, char *buf, size_t n)
{
    if (!n)
        return "";
    buf[0] = '\0';
    if (c->kind != GK_LCELL_VALUE)
        return c->text ? c->text : "";
    switch (c->cell->state) {
    case GK_CELL_VALUE:
        format_number(buf, n, c->cell->v, c->amount);
        return buf;
    case GK_CELL_UNREADABLE:
        return c->cell->text ? c->cell->text : "";
    case GK_CELL_ABSENT:
        return GK_LAYOUT_ABSENT_CELL;
    default:
        return buf; /* BLANK prints empty, as the source did */
    }
}

/* -------------------------------------------------------- document walk */

static const char *const section_nos[] = {"一", "二", "三", "四", "五", "六"};

static bool is_space_at(const char *s, size_t len, size_t i, size_t *w)
{
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
        *w = 1;
        return true;
    }
    if (i + 3 <= len && !memcmp(s + i, "\xE3\x80\x80", 3)) { /* U+3000 ideographic space */
        *w = 3;
        return true;
    }
    return false;
}

/* Calls ops->paragraph for each non-empty line of text, trimmed of ASCII
 * blanks and ideographic spaces (indentation is the renderer's business). */
static int walk_text(const gk_render_ops *ops, void *ctx, const char *text)
{
    size_t len = strlen(text), i = 0, w;
    int error = 0;

    while (i < len && error == 0) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len, b = i, e = end;

        while (b < e && is_space_at(text, e, b, &w))
            b += w;
        while (e > b) {
            if (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')
                e--;
            else if (e - b >= 3 && !memcmp(text + e - 3, "\xE3\x80\x80", 3))
                e -= 3;
            else
                break;
        }
        if (e > b)
            error = ops->paragraph(ctx, text + b, e - b);
        i = end + 1;
    }
    return error;
}

static int walk_table(const gk_report *r, const gk_render_ops *ops, void *ctx, int number)
{
    gk_layout_table *t = gk_malloc(sizeof *t);
    int error;

    if (!t)
        return gk__oom();
    error = gk_render__layout_build(t, r, number);
    if (error == GK_ENOTFOUND)
        error = ops->note(ctx, GK_LAYOUT_ABSENT_TABLE);
    else if (error == 0)
        error = ops->table(ctx, t);
    gk_free(t);
    return error;
}

static const gk_section *find_section(const gk_report *r, const char *no)
{
    size_t i;

    for (i = 0; i < r->nsections; i++)
        if (r->sections[i].no && !strcmp(r->sections[i].no, no))
            return &r->sections[i];
    return NULL;
}

static bool is_official_no(const char *no)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(section_nos); i++)
        if (no && !strcmp(no, section_nos[i]))
            return true;
    return false;
}

static int walk_heading(const gk_render_ops *ops, void *ctx, const char *no, const char *title)
{
    gk_buf h = GK_BUF_INIT;
    int error = gk_buf_puts(&h, no ? no : "");

    if (error == 0 && no && *no)
        error = gk_buf_puts(&h, "、");
    if (error == 0)
        error = gk_buf_puts(&h, title ? title : "");
    if (error == 0)
        error = ops->heading(ctx, gk_buf_cstr(&h));
    gk_buf_release(&h);
    return error;
}

int gk_render__walk(const gk_report *r, const gk_render_ops *ops, void *ctx)
{
    gk_buf title = GK_BUF_INIT;
    size_t i;
    int error;

    error = gk_buf_puts(&title, r->agency ? r->agency : "");
    if (error == 0 && r->year)
        error = gk_buf_printf(&title, "%d年", r->year);
    if (error == 0)
        error = gk_buf_puts(&title, "政府信息公开工作年度报告");
    if (error == 0)
        error = ops->begin(ctx, r, gk_buf_cstr(&title));
    if (error == 0 && r->preamble)
        error = walk_text(ops, ctx, r->preamble);
    /* Spec §1.2: the six sections in order; tables 2–4 are sections 二–四. */
    for (i = 0; i < GK_ARRAY_LEN(section_nos) && error == 0; i++) {
        const gk_section *s = find_section(r, section_nos[i]);
        bool has_table = i >= 1 && i <= 3;

        error = walk_heading(ops, ctx, section_nos[i], gk_section_title((int)i));
        if (error == 0 && s)
            error = walk_text(ops, ctx, s->text ? s->text : "");
        else if (error == 0 && !has_table)
            error = ops->note(ctx, GK_LAYOUT_ABSENT_TEXT);
        if (error == 0 && has_table)
            error = walk_table(r, ops, ctx, (int)i + 1);
    }
    for (i = 0; i < r->nsections && error == 0; i++) {
        const gk_section *s = &r->sections[i];
        if (is_official_no(s->no))
            continue;
        error = walk_heading(ops, ctx, s->no, s->title);
        if (error == 0)
            error = walk_text(ops, ctx, s->text ? s->text : "");
    }
    if (error == 0)
        error = ops->end(ctx);
    gk_buf_release(&title);
    return error;
}
