/*
 * office_grid.h: the three official tables (spec §1.3–1.5) as grids of
 * merged cells, shared by the XLSX and DOCX renderers. A grid says, for
 * every row and column, what the official form prints there and how far it
 * spans; the two writers only translate spans into their own markup
 * (mergeCells / gridSpan + vMerge), so the structure is written once.
 */
#ifndef GK_RENDER_OFFICE_GRID_H
#define GK_RENDER_OFFICE_GRID_H

#include "render_int.h"

/* Table 3 has 3 header rows + 25 data rows; table 4 has 15 columns. */
#define GK_GRID_MAX_ROWS 32
#define GK_GRID_MAX_COLS 16

typedef enum {
    GK_GRID_COVERED = 0, /* inside another cell's span: print nothing */
    GK_GRID_HEAD,        /* header text: centred, bold */
    GK_GRID_LABEL,       /* row label: left-aligned, wraps */
    GK_GRID_VALUE        /* a model cell */
} gk_grid_kind;

typedef struct {
    uint8_t kind;        /* gk_grid_kind */
    uint8_t rowspan;     /* >= 1 for an anchor cell */
    uint8_t colspan;     /* >= 1 for an anchor cell */
    uint8_t arow, acol;  /* the anchor this position belongs to (itself for an anchor) */
    bool amount;         /* money in 万元: up to 4 decimals (spec §1.3) */
    const char *text;    /* HEAD/LABEL text (static or the report's arena) */
    const gk_cell *cell; /* VALUE: borrowed from the report */
} gk_grid_cell;

typedef struct {
    const char *no;      /* the section number above the table: "二" */
    const char *title;   /* its official title: "主动公开政府信息情况" */
    const char *sheet;   /* a short worksheet name: "表二 主动公开" */
    int nrows, ncols;
    int nhead;           /* leading header rows (repeat on each printed page) */
    double widths[GK_GRID_MAX_COLS]; /* relative column widths, in CJK characters */
    gk_grid_cell c[GK_GRID_MAX_ROWS][GK_GRID_MAX_COLS];
} gk_grid;

typedef enum { GK_GRID_T2, GK_GRID_T3, GK_GRID_T4, GK_GRID_NTABLES } gk_grid_table;

/* Fills g with table t of r in the official layout: table 2 after
 * gk_t2_layout(r->format), table 3 with the （六） sub-rows or one row when
 * r->t3_other_collapsed. Infallible (the layouts are static and fit). */
void gk_grid__build(gk_grid *g, const gk_report *r, gk_grid_table t);

/* The report's title: "{agency}{year}年政府信息公开工作年度报告" with what is
 * known. Writes at most n bytes (NUL-terminated). */
void gk_grid__title(char *dst, size_t n, const gk_report *r);

/* Formats a number the way the printed report shows it: whole counts as
 * integers, amounts with up to 4 decimals and trailing zeros trimmed, other
 * fractions with up to 15 significant digits. */
void gk_grid__format_number(char *dst, size_t n, double v, bool amount);

/* The printed text of a model cell: the number, "" when blank or absent, or
 * the unreadable text as the source had it. Borrowed or written to dst. */
const char *gk_grid__cell_text(char *dst, size_t n, const gk_grid_cell *gc);

#endif
