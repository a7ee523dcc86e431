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
#include "layout.h"
#include "render_int.h"
#include "util/utf8.h"

/* 2021-09-26T00:00:00Z, the date of 国办公开办函〔2021〕30号: a fixed creation
 * time, so that the same report always gives the same bytes. */
#define XLSX_CREATED ((time_t)1632614400)

#define TOP_ROWS 2        /* title row and section heading row above each table */
#define PAPER_A4 9        /* Excel paper code for A4 */
#define FONT_CJK "SimSun" /* 宋体; LibreOffice maps this name (not "宋体") to a CJK serif */
#define TABLE_PT 10.0     /* table font size */
#define LINE_PT  14.0     /* height of one wrapped line at TABLE_PT */
#define FILL_BAD 0xFFC7CE /* highlight of an unreadable cell */
#define FONT_BAD 0x9C0006

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
    if (!fm->title || !fm->heading || !fm->head || !fm->label || !fm->count || !fm->amount_whole ||
        !fm->amount_frac || !fm->bad)
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

/* The format of a layout cell: headers and captions bold and centred,
 * labels and notes left, numbers centred with their number format. */
static lxw_format *format_of(const formats *fm, const gk_lcell *lc)
{
    const gk_cell *cell = lc->cell;

    switch (lc->kind) {
    case GK_LCELL_CAPTION:
    case GK_LCELL_HEAD:
        return fm->head;
    case GK_LCELL_VALUE:
        if (cell && cell->state == GK_CELL_VALUE)
            return !lc->amount ? fm->count : is_whole(cell->v) ? fm->amount_whole : fm->amount_frac;
        if (cell && cell->state == GK_CELL_UNREADABLE)
            return fm->bad;
        return fm->count;
    default:
        return fm->label;
    }
}

/* Writes one layout cell at its place (sheet row = TOP_ROWS + grid row):
 * its text or number, merged over its span. */
static lxw_error write_cell(lxw_worksheet *ws, const formats *fm, const gk_lcell *lc)
{
    lxw_row_t row = (lxw_row_t)(TOP_ROWS + lc->row);
    lxw_col_t col = lc->col;
    lxw_row_t last_row = (lxw_row_t)(row + lc->rowspan - 1);
    lxw_col_t last_col = (lxw_col_t)(col + lc->colspan - 1);
    bool merged = lc->rowspan > 1 || lc->colspan > 1;
    const gk_cell *cell = lc->cell;
    lxw_format *f = format_of(fm, lc);
    char buf[64];
    const char *text;
    lxw_error e;

    if (lc->kind == GK_LCELL_VALUE && cell && cell->state == GK_CELL_VALUE) {
        /* libxlsxwriter: merge with "", then overwrite the first cell. */
        if (merged && (e = worksheet_merge_range(ws, row, col, last_row, last_col, "", f)) != 0)
            return e;
        return worksheet_write_number(ws, row, col, cell->v, f);
    }
    /* labels, blank cells (""), unreadable text, absent-cell notes */
    text = gk_render__cell_text(lc, buf, sizeof buf);
    if (merged)
        return worksheet_merge_range(ws, row, col, last_row, last_col, text, f);
    return text[0] ? worksheet_write_string(ws, row, col, text, f)
                   : worksheet_write_blank(ws, row, col, f);
}

/* Short worksheet names of tables 2, 3 and 4, and the sections they
 * belong to (spec §1.2). */
static const char *const sheet_names[] = {"表二 主动公开", "表三 依申请公开", "表四 复议诉讼"};
static const char *const table_nos[] = {"二", "三", "四"};

typedef struct {
    lxw_workbook *wb;
    formats fm;
    char title[512];
    char heading[512];
    int table; /* the table the current heading introduces (2..4), 0 if none */
} xlsx_ctx;

static lxw_worksheet *add_sheet(xlsx_ctx *x, int ncols)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, sheet_names[x->table - 2]);
    lxw_col_t last = (lxw_col_t)(ncols - 1);

    if (!ws) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot add a worksheet");
        return NULL;
    }
    if (worksheet_merge_range(ws, 0, 0, 0, last, x->title, x->fm.title) ||
        worksheet_set_row(ws, 0, 30, NULL) ||
        worksheet_merge_range(ws, 1, 0, 1, last, x->heading, x->fm.heading) ||
        worksheet_set_row(ws, 1, 22, NULL)) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot write the title rows");
        return NULL;
    }
    x->table = 0;
    return ws;
}

static int on_table(void *ctx, const gk_layout_table *t)
{
    xlsx_ctx *x = ctx;
    lxw_worksheet *ws;
    lxw_error e = LXW_NO_ERROR;
    int r, c;
    size_t i;

    x->table = t->number;
    ws = add_sheet(x, t->ncols);
    if (!ws)
        return GK_ERROR;
    for (c = 0; c < t->ncols && !e; c++) /* display columns → Excel character widths */
        e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, t->width[c] * 1.1 + 1.0, NULL);
    for (i = 0; i < t->ncells && !e; i++)
        e = write_cell(ws, &x->fm, &t->cells[i]);
    if (e)
        return lxw_fail(e, "table");
    for (r = 0; r < t->nrows; r++) {
        int lines = 1;
        for (i = 0; i < t->ncells; i++) {
            const gk_lcell *lc = &t->cells[i];
            double w = 0;
            char buf[64];
            if (lc->row != r || lc->rowspan != 1)
                continue;
            for (c = lc->col; c < lc->col + lc->colspan; c++)
                w += t->width[c] / 2.0;
            if (lines_for(gk_render__cell_text(lc, buf, sizeof buf), w) > lines)
                lines = lines_for(gk_render__cell_text(lc, buf, sizeof buf), w);
        }
        /* Row heights are set, not left to the reader: Excel does not grow
         * a row for wrapped text in merged cells. */
        e = worksheet_set_row(ws, (lxw_row_t)(TOP_ROWS + r), lines * LINE_PT + 4, NULL);
        if (e)
            return lxw_fail(e, "row height");
    }

    /* Print: A4, one page wide, header rows repeated, page numbers. */
    worksheet_set_paper(ws, PAPER_A4);
    if (t->ncols > 4)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    e = worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
    /* Only a one-part table repeats its header rows (table 2's blocks each
     * have their own). */
    if (!e && t->nparts == 1 && t->parts[0].nhead > 0)
        e = worksheet_repeat_rows(ws, TOP_ROWS, (lxw_row_t)(TOP_ROWS + t->parts[0].nhead - 1));
    if (!e)
        e = worksheet_print_area(ws, 0, 0, (lxw_row_t)(TOP_ROWS + t->nrows - 1),
                                 (lxw_col_t)(t->ncols - 1));
    if (e)
        return lxw_fail(e, "print setup");
    return 0;
}

static int on_begin(void *ctx, const gk_report *r, const char *title)
{
    xlsx_ctx *x = ctx;

    (void)r;
    snprintf(x->title, sizeof x->title, "%s", title);
    return 0;
}

static int on_heading(void *ctx, const char *heading)
{
    xlsx_ctx *x = ctx;
    size_t i;

    snprintf(x->heading, sizeof x->heading, "%s", heading);
    x->table = 0;
    for (i = 0; i < GK_ARRAY_LEN(sheet_names); i++) {
        char h[256];
        snprintf(h, sizeof h, "%s、%s", table_nos[i], gk_section_title((int)i + 1));
        if (!strcmp(heading, h))
            x->table = (int)i + 2;
    }
    return 0;
}

/* A table the report lacks still gets its sheet, holding the note. */
static int on_note(void *ctx, const char *text)
{
    xlsx_ctx *x = ctx;
    lxw_worksheet *ws;

    if (!x->table)
        return 0;
    ws = add_sheet(x, 4);
    if (!ws)
        return GK_ERROR;
    if (worksheet_write_string(ws, TOP_ROWS, 0, text, x->fm.label) != LXW_NO_ERROR) {
        gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot write a note");
        return GK_ERROR;
    }
    return 0;
}

static int on_paragraph(void *ctx, const char *text, size_t len)
{
    (void)ctx;
    (void)text;
    (void)len;
    return 0; /* the workbook holds the tables only; the text is in the DOCX */
}

static int on_end(void *ctx)
{
    (void)ctx;
    return 0;
}

static const gk_render_ops xlsx_ops = {on_begin, on_heading, on_paragraph,
                                       on_table, on_note,    on_end};

static int fill_workbook(lxw_workbook *wb, const gk_report *r)
{
    lxw_doc_properties props;
    xlsx_ctx *x;
    char title[512];
    int error;

    x = gk_calloc(1, sizeof *x);
    if (!x)
        return gk__oom();
    x->wb = wb;
    error = make_formats(wb, &x->fm);
    if (error == 0)
        error = gk_render__walk(r, &xlsx_ops, x);
    if (error == 0) {
        snprintf(title, sizeof title, "%s", x->title);
        memset(&props, 0, sizeof props);
        props.title = title;
        props.subject = (char *)(uintptr_t) "政府信息公开工作年度报告";
        props.author = (char *)(uintptr_t) "gongkai";
        props.created = XLSX_CREATED;
        if (workbook_set_properties(wb, &props) != LXW_NO_ERROR) {
            gk_error_set(GK_ERRCLASS_RENDER, "xlsx: cannot set document properties");
            error = GK_ERROR;
        }
    }
    gk_free(x);
    return error;
}

int gk_render__xlsx(gk_buf *out, const gk_report *r)
{
    char path[4096];
    const char *dir = getenv("TMPDIR");
    lxw_workbook_options opts = {0, NULL, 0};
    lxw_workbook *wb = NULL;
    lxw_error e;
    int fd, error;

    GK_ASSERT_ARG(out && r);
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
    error = fill_workbook(wb, r);
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
