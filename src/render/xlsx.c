/*
 * xlsx.c: the annual report's three tables as an XLSX workbook
 * (libxlsxwriter), merged like the official form (spec §1.3–1.5).
 *
 * One worksheet per table (表二/表三/表四), not the three tables stacked on
 * one sheet as the printed report shows them: the tables have 4, 10 and 15
 * columns of unrelated widths, so on one sheet every column width would be
 * a compromise and the merges of one table would cut through the columns of
 * the next. A clerk who fills in or checks a table wants it alone on its
 * sheet, printable on its own A4 page(s) with its header rows repeated; the
 * Word file (docx.c) is where the tables appear in the report's order.
 *
 * Numbers are written as numbers (trap T4 of docs/stack.md: no formulas, so
 * nothing depends on a cached result), blank cells stay empty, and a cell
 * the source printed but that is not a number keeps its text, highlighted.
 *
 * libxlsxwriter 1.1 writes only to a named file: we let it write a private
 * temporary file (mkstemp), read it back into the caller's buffer and remove
 * it on every path. With the fixed creation time below the bytes depend
 * only on the report, so golden tests are byte-exact.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "gk/fileio.h"
#include "office_grid.h"
#include "util/utf8.h"

/* 2021-09-26T00:00:00Z, the date of 国办公开办函〔2021〕30号: a fixed creation
 * time, so that the same report always gives the same bytes. */
#define XLSX_CREATED ((time_t)1632614400)

#define TOP_ROWS     2    /* title row and section heading row above each table */
#define PAPER_A4     9    /* Excel paper code for A4 */
#define FONT_CJK     "SimSun" /* 宋体; LibreOffice maps this name (not "宋体") to a CJK serif */
#define TABLE_PT     10.0 /* table font size */
#define LINE_PT      14.0 /* height of one wrapped line at TABLE_PT */
#define FILL_BAD     0xFFC7CE /* highlight of an unreadable cell */
#define FONT_BAD     0x9C0006

typedef struct {
    lxw_format *title, *heading, *head, *label, *count, *amount_whole, *amount_frac, *bad;
} formats;

static int lxw_fail(lxw_error e, const char *what)
{
    gk_error_set(GK_ERRCLASS_RENDER, "xlsx: %s: %s", what, lxw_strerror(e));
    return GK_ERROR;
}

static lxw_format *cell_format(lxw_workbook *wb, bool bold, uint8_t align)
{
    lxw_format *f = workbook_add_format(wb);

    if (!f)
        return NULL;
    format_set_font_name(f, FONT_CJK);
    format_set_font_size(f, TABLE_PT);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    if (bold)
        format_set_bold(f);
    return f;
}

static int make_formats(lxw_workbook *wb, formats *fm)
{
    fm->title = workbook_add_format(wb);
    fm->heading = workbook_add_format(wb);
    fm->head = cell_format(wb, true, LXW_ALIGN_CENTER);
    fm->label = cell_format(wb, false, LXW_ALIGN_LEFT);
    fm->count = cell_format(wb, false, LXW_ALIGN_CENTER);
    fm->amount_whole = cell_format(wb, false, LXW_ALIGN_CENTER);
    fm->amount_frac = cell_format(wb, false, LXW_ALIGN_CENTER);
    fm->bad = cell_format(wb, false, LXW_ALIGN_CENTER);
    if (!fm->title || !fm->heading || !fm->head || !fm->label || !fm->count ||
        !fm->amount_whole || !fm->amount_frac || !fm->bad)
        return gk__oom();
    format_set_font_name(fm->title, FONT_CJK);
    format_set_font_size(fm->title, 16);
    format_set_bold(fm->title);
    format_set_align(fm->title, LXW_ALIGN_CENTER);
    format_set_align(fm->title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_font_name(fm->heading, FONT_CJK);
    format_set_font_size(fm->heading, 12);
    format_set_bold(fm->heading);
    format_set_align(fm->heading, LXW_ALIGN_VERTICAL_CENTER);
    format_set_num_format(fm->count, "0");
    format_set_num_format(fm->amount_whole, "0");
    /* 1 元 = 0.0001 万元: show up to 4 decimals, no trailing zeros (spec §1.3). */
    format_set_num_format(fm->amount_frac, "0.0###");
    format_set_bg_color(fm->bad, FILL_BAD);
    format_set_font_color(fm->bad, FONT_BAD);
    return 0;
}

/* Lines a text needs in a cell of the given width (in CJK characters). */
static int lines_for(const char *text, double width_cjk)
{
    double cols = (double)gk_utf8_width(text, strlen(text)) / 2.0;
    int lines = (int)ceil(cols / (width_cjk > 1 ? width_cjk - 0.5 : 1));

    return lines < 1 ? 1 : lines;
}

static bool is_whole(double v)
{
    return !(floor(v) < v) && !(floor(v) > v);
}

/* Writes one anchor: its text or number, merged over its span. */
static lxw_error write_anchor(lxw_worksheet *ws, const formats *fm, const gk_grid_cell *gc,
                              lxw_row_t row, lxw_col_t col)
{
    lxw_row_t last_row = (lxw_row_t)(row + gc->rowspan - 1);
    lxw_col_t last_col = (lxw_col_t)(col + gc->colspan - 1);
    bool merged = gc->rowspan > 1 || gc->colspan > 1;
    const gk_cell *cell = gc->cell;
    lxw_format *f;
    lxw_error e;

    if (gc->kind != GK_GRID_VALUE) {
        f = gc->kind == GK_GRID_HEAD ? fm->head : fm->label;
        if (merged)
            return worksheet_merge_range(ws, row, col, last_row, last_col, gc->text, f);
        return gc->text[0] ? worksheet_write_string(ws, row, col, gc->text, f)
                           : worksheet_write_blank(ws, row, col, f);
    }
    if (cell && cell->state == GK_CELL_VALUE)
        f = !gc->amount ? fm->count : is_whole(cell->v) ? fm->amount_whole : fm->amount_frac;
    else if (cell && cell->state == GK_CELL_UNREADABLE)
        f = fm->bad;
    else
        f = fm->count;
    if (merged) {
        /* libxlsxwriter: merge with "", then overwrite the first cell. */
        e = worksheet_merge_range(ws, row, col, last_row, last_col, "", f);
        if (e)
            return e;
    }
    if (cell && cell->state == GK_CELL_VALUE)
        return worksheet_write_number(ws, row, col, cell->v, f);
    if (cell && cell->state == GK_CELL_UNREADABLE && cell->text && cell->text[0])
        return worksheet_write_string(ws, row, col, cell->text, f);
    return merged ? LXW_NO_ERROR : worksheet_write_blank(ws, row, col, f);
}

static int write_sheet(lxw_workbook *wb, const formats *fm, const gk_grid *g, const char *title)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, g->sheet);
    char heading[256];
    lxw_error e;
    int r, c;
    double lines;

    if (!ws) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot add worksheet '%s'", g->sheet);
        return GK_ERROR;
    }
    snprintf(heading, sizeof heading, "%s、%s", g->no, g->title);
    for (c = 0; c < g->ncols; c++) {
        e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, g->widths[c] * 2.2 + 1.0, NULL);
        if (e)
            return lxw_fail(e, "column width");
    }
    e = worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(g->ncols - 1), title, fm->title);
    if (!e)
        e = worksheet_set_row(ws, 0, 30, NULL);
    if (!e)
        e = worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(g->ncols - 1), heading, fm->heading);
    if (!e)
        e = worksheet_set_row(ws, 1, 22, NULL);
    if (e)
        return lxw_fail(e, "title");

    for (r = 0; r < g->nrows; r++) {
        lines = 1;
        for (c = 0; c < g->ncols; c++) {
            const gk_grid_cell *gc = &g->c[r][c];
            double w = 0;
            int k;

            if (gc->kind == GK_GRID_COVERED)
                continue;
            e = write_anchor(ws, fm, gc, (lxw_row_t)(TOP_ROWS + r), (lxw_col_t)c);
            if (e)
                return lxw_fail(e, "cell");
            if (gc->rowspan != 1 || gc->kind == GK_GRID_VALUE)
                continue;
            for (k = c; k < c + gc->colspan; k++)
                w += g->widths[k];
            if (lines_for(gc->text, w) > lines)
                lines = lines_for(gc->text, w);
        }
        /* Row heights are set, not left to the reader: Excel does not grow
         * a row for wrapped text in merged cells. */
        e = worksheet_set_row(ws, (lxw_row_t)(TOP_ROWS + r), lines * LINE_PT + 4, NULL);
        if (e)
            return lxw_fail(e, "row height");
    }

    /* Print: A4, one page wide, header rows repeated, page numbers. */
    worksheet_set_paper(ws, PAPER_A4);
    if (g->ncols > 4)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    e = worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
    if (!e && g->nhead > 0)
        e = worksheet_repeat_rows(ws, TOP_ROWS, (lxw_row_t)(TOP_ROWS + g->nhead - 1));
    if (!e)
        e = worksheet_print_area(ws, 0, 0, (lxw_row_t)(TOP_ROWS + g->nrows - 1),
                                 (lxw_col_t)(g->ncols - 1));
    if (e)
        return lxw_fail(e, "print setup");
    return 0;
}

static int fill_workbook(lxw_workbook *wb, const gk_report *r, const char *title)
{
    lxw_doc_properties props;
    formats fm;
    gk_grid *g = NULL;
    int t, error;

    memset(&props, 0, sizeof props);
    props.title = (char *)(uintptr_t)title;
    props.subject = (char *)(uintptr_t) "政府信息公开工作年度报告";
    props.author = (char *)(uintptr_t) "gongkai";
    props.created = XLSX_CREATED;
    if (workbook_set_properties(wb, &props) != LXW_NO_ERROR) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot set document properties");
        return GK_ERROR;
    }
    error = make_formats(wb, &fm);
    if (error < 0)
        return error;
    g = gk_malloc(sizeof *g);
    if (!g)
        return gk__oom();
    for (t = 0; t < GK_GRID_NTABLES; t++) {
        gk_grid__build(g, r, (gk_grid_table)t);
        error = write_sheet(wb, &fm, g, title);
        if (error < 0)
            break;
    }
    gk_free(g);
    return error;
}

int gk_render__xlsx(gk_buf *out, const gk_report *r)
{
    char path[4096], title[512];
    const char *dir = getenv("TMPDIR");
    lxw_workbook_options opts = {0, NULL, 0};
    lxw_workbook *wb = NULL;
    lxw_error e;
    int fd, error;

    GK_ASSERT_ARG(out && r);
    gk_grid__title(title, sizeof title, r);
    if (!dir || !dir[0])
        dir = "/tmp";
    if ((size_t)snprintf(path, sizeof path, "%s/gongkai-xlsx-XXXXXX", dir) >= sizeof path) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: temporary directory name too long");
        return GK_EIO;
    }
    fd = mkstemp(path);
    if (fd < 0) {
        gk_error_set(GK_ERRCLASS_OS, "xlsx: cannot create a temporary file in '%s'", dir);
        return GK_EIO;
    }
    close(fd);

    wb = workbook_new_opt(path, &opts);
    if (!wb) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot create the workbook");
        error = GK_ERROR;
        goto done;
    }
    error = fill_workbook(wb, r, title);
    e = workbook_close(wb); /* writes the file and frees wb, also after an error */
    wb = NULL;
    if (error < 0)
        goto done;
    if (e != LXW_NO_ERROR) {
        error = lxw_fail(e, "cannot write the workbook");
        goto done;
    }
    error = gk_file_read(out, path, out->max);
done:
    unlink(path);
    return error;
}
