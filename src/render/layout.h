/*
 * layout.h: the official table structure of the annual report, described
 * once (spec §1.3–1.5) and walked by every renderer.
 *
 * A table is a grid of rows × columns. Each grid position is covered by
 * exactly one layout cell, which may span several rows and columns, as in the
 * printed form (国办公开办函〔2021〕30号): the corner block of table 3 spans
 * 3 columns × 3 rows, "三、本年度办理结果" spans every result row, and so on.
 * HTML, XLSX and DOCX reproduce the spans; Markdown flattens them; the text
 * renderer draws them with ASCII rules.
 *
 * A table is made of one or more parts. A part is a run of header rows
 * followed by data rows: table 2 has one part per block (caption row,
 * "信息内容" header row, data rows); tables 3 and 4 have one part each.
 *
 * The document walker (gk_render__walk) gives the order of everything on the
 * page: title, preamble, the six sections with their text, and the tables
 * after sections 二, 三 and 四. Renderers implement gk_render_ops and never
 * repeat that order or the table structure themselves.
 */
#ifndef GK_RENDER_LAYOUT_H
#define GK_RENDER_LAYOUT_H

#include "gk/report.h"
#include "util/util.h"

/* Upper bounds of the grids built here (table 3 has 28 rows × 10 columns,
 * table 4 has 15 columns, table 2 of 2019 has 19 rows). */
#define GK_LAYOUT_MAX_ROWS  32
#define GK_LAYOUT_MAX_COLS  16
#define GK_LAYOUT_MAX_CELLS 320
#define GK_LAYOUT_MAX_PARTS 8

typedef enum {
    GK_LCELL_CAPTION = 0, /* table-2 block caption "第二十条第（一）项", full width */
    GK_LCELL_HEAD,        /* column header ("申请人情况", "结果维持", "信息内容") */
    GK_LCELL_LABEL,       /* row label ("1.属于国家秘密", "（三）不予公开") */
    GK_LCELL_VALUE,       /* a number cell of the model */
    GK_LCELL_NOTE         /* a note standing for missing data ("（报告未载明此行）") */
} gk_lcell_kind;

typedef struct {
    uint8_t kind;            /* gk_lcell_kind */
    uint8_t row, col;        /* top-left grid position */
    uint8_t rowspan, colspan; /* >= 1 */
    bool amount;             /* VALUE: a 万元 amount (up to 4 decimals) */
    const char *text;        /* CAPTION/HEAD/LABEL/NOTE: static UTF-8; VALUE: NULL */
    const gk_cell *cell;     /* VALUE: the model cell (borrowed from the report) */
} gk_lcell;

typedef struct {
    uint8_t first_row; /* first grid row of the part */
    uint8_t nhead;     /* header rows: [first_row, first_row + nhead) */
    uint8_t nrows;     /* all rows of the part, headers included */
} gk_lpart;

typedef struct {
    int number;          /* 2, 3 or 4 (表二/表三/表四 = sections 二/三/四) */
    uint8_t nrows, ncols;
    uint8_t nlabel;      /* leading grid columns that hold row labels (0 for table 4) */
    /* Preferred width of each column in terminal display columns (a CJK
     * character is 2); HTML and office renderers use them as proportions. */
    uint8_t width[GK_LAYOUT_MAX_COLS];
    gk_lpart parts[GK_LAYOUT_MAX_PARTS];
    size_t nparts;
    gk_lcell cells[GK_LAYOUT_MAX_CELLS]; /* in row-major order of their top-left corner */
    size_t ncells;
    int16_t at[GK_LAYOUT_MAX_ROWS][GK_LAYOUT_MAX_COLS]; /* index of the covering cell */
} gk_layout_table;

/* Builds the layout of table `number` (2, 3 or 4) of r into *t. Table 2
 * follows r->format (2021 or 2019); table 3 prints （六）其他处理 as one row
 * when r->t3_other_collapsed. A data row whose cells are all ABSENT becomes
 * one NOTE cell over its value columns. Returns GK_ENOTFOUND (no message)
 * when the report does not have that table. t borrows from r. */
int gk_render__layout_build(gk_layout_table *t, const gk_report *r, int number) GK_WARN_UNUSED;

/* The cell covering (row, col); never NULL for a built table and in-range
 * position (every position is covered, checked by the unit tests). */
const gk_lcell *gk_render__layout_at(const gk_layout_table *t, int row, int col);

/* The part that contains grid row `row` (NULL when out of range). */
const gk_lpart *gk_render__layout_part_of(const gk_layout_table *t, int row);

/* Display text of a cell into buf (always NUL-terminated), returned:
 * labels as they are; VALUE: counts as integers, amounts with up to 4
 * decimals and no trailing zeros, BLANK as "", UNREADABLE as the text seen,
 * ABSENT as GK_LAYOUT_ABSENT_CELL. */
const char *gk_render__cell_text(const gk_lcell *c, char *buf, size_t n);

#define GK_LAYOUT_ABSENT_CELL  "（未载明）"
#define GK_LAYOUT_ABSENT_ROW   "（报告未载明此行）"
#define GK_LAYOUT_ABSENT_TABLE "（报告未载明此表）"
#define GK_LAYOUT_ABSENT_TEXT  "（报告未载明此部分内容）"

/* ---- the document walk ---- */

/* Callbacks of one renderer; each returns 0 or a negative gk_error_code,
 * which stops the walk. Strings are borrowed and not escaped: escaping is
 * the renderer's job. */
typedef struct {
    int (*begin)(void *ctx, const gk_report *r, const char *title);
    int (*heading)(void *ctx, const char *heading);            /* "一、总体情况" */
    int (*paragraph)(void *ctx, const char *text, size_t len); /* one line, trimmed, not empty */
    int (*table)(void *ctx, const gk_layout_table *t);
    int (*note)(void *ctx, const char *text);                   /* missing text or table */
    int (*end)(void *ctx);
} gk_render_ops;

/* Walks r in the order of the official document: begin(title), preamble
 * paragraphs, then for each of the six sections its heading, its text as
 * paragraphs (a note for sections 一/五/六 the report lacks), and after
 * sections 二/三/四 their table (a note when absent); sections with other
 * numbers follow in report order; then end. The title is
 * "<agency><year>年政府信息公开工作年度报告" (parts omitted when unknown). */
int gk_render__walk(const gk_report *r, const gk_render_ops *ops, void *ctx) GK_WARN_UNUSED;

#endif
