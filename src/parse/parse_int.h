/*
 * parse_int.h: what the files of the parse module share.
 *
 * Pipeline (every input format):
 *
 *   bytes --charset.c--> UTF-8 --html_lex.c | text.c | markdown.c--> grid
 *         --recognize.c (+segment.c, labels.c)--> tables of the model
 *         --sections.c--> sections, preamble, agency, year
 *
 * The grid is the one representation shared by the three formats: rows of
 * cells, each with its text (raw UTF-8, entities decoded) and source
 * position. A cell is "bounded" when the source marked its edges (an HTML
 * <td>, a Markdown pipe cell, a seed line ending in " |"): it holds exactly
 * one table cell. An unbounded cell is a line of free text (PDF->text, the
 * crawler's one-line page) in which labels and numbers run together.
 *
 * Every cap on hostile input is here, in one place.
 */
#ifndef GK_PARSE_INT_H
#define GK_PARSE_INT_H

#include "gk/parse.h"
#include "util/arena.h"
#include "util/util.h"

/* ---- caps (hostile input: clear error or findings, never unbounded) ---- */
#define GK_PARSE_MAX_INPUT     ((size_t)64 * 1024 * 1024) /* bytes of input */
#define GK_PARSE_MAX_CELLS     ((size_t)2 * 1000 * 1000)  /* cells in a grid */
#define GK_PARSE_MAX_ROW_CELLS 512u                        /* cells kept per row */
#define GK_PARSE_MAX_DEPTH     32u                         /* nested tables kept */
#define GK_PARSE_MAX_SPAN      1000u                       /* colspan/rowspan */
#define GK_PARSE_MAX_CELL_TEXT ((size_t)64 * 1024)         /* bytes kept per bounded cell */
#define GK_PARSE_ARENA_MAX     ((size_t)512 * 1024 * 1024) /* grid arena */
#define GK_PARSE_SEG_MAX_DIGITS 48u  /* longest digit run we try to re-segment */
#define GK_PARSE_SEG_MAX_CANDS  64u  /* segmentations kept per run */
#define GK_PARSE_SEG_MAX_COMBOS 4096u /* column-constraint search over ambiguous rows */

/* ---- grid ---- */
typedef struct {
    const char *text; /* arena, NUL-terminated, whitespace-collapsed for HTML */
    uint32_t len;
    gk_srcpos pos;
    uint16_t colspan, rowspan;
    uint8_t bounded;
} gk_gcell;

typedef struct {
    uint32_t first;  /* index of the first cell in grid->cells */
    uint32_t ncells;
    uint32_t table;  /* 0: text outside tables; else 1-based table number */
    uint8_t bounded; /* cells are table cells */
    uint8_t heading; /* a Markdown heading line (## …) */
} gk_grow;

typedef struct {
    gk_arena arena;
    gk_gcell *cells;
    size_t ncells, cells_cap;
    gk_grow *rows;
    size_t nrows, rows_cap;
    uint32_t ntables;
    bool runon;       /* free text whose digits of adjacent cells run together */
    bool truncated;   /* a cap was hit: some input was not kept */
    const char *title; /* HTML <title>, or NULL */
} gk_grid;

void gk_grid_init(gk_grid *g);
void gk_grid_release(gk_grid *g);
/* Starts a new row (table 0 = outside tables). */
int gk_grid_row(gk_grid *g, uint32_t table, bool bounded) GK_WARN_UNUSED;
/* Appends a cell to the current row (copies text). Cells over the per-row
 * cap are dropped (g->truncated). */
int gk_grid_cell(gk_grid *g, const char *text, size_t len, gk_srcpos pos, unsigned colspan,
                 unsigned rowspan, bool bounded) GK_WARN_UNUSED;
/* Removes trailing rows with no cells. */
void gk_grid_trim(gk_grid *g);
/* Appends a readable dump ("T1 R3: a | b | c\n") of the table rows, for tests. */
int gk_grid_dump_tables(gk_buf *out, const gk_grid *g) GK_WARN_UNUSED;

/* ---- front ends ---- */
/* Converts input bytes to UTF-8 (BOM, <meta charset> when html, validity,
 * GBK/GB2312/GB18030 via iconv) and Traditional to Simplified when the text
 * is Traditional (OpenCC t2s if installed). */
int gk_parse__to_utf8(gk_buf *out, const char *data, size_t len, bool html) GK_WARN_UNUSED;
/* Converts UTF-8 Traditional Chinese to Simplified; returns 1 when converted,
 * 0 when OpenCC's t2s config is not available (out untouched). */
int gk_parse__t2s(gk_buf *out, const char *s, size_t len) GK_WARN_UNUSED;

int gk_parse__html_grid(gk_grid *g, const char *s, size_t len) GK_WARN_UNUSED;
int gk_parse__gumbo_grid(gk_grid *g, const char *s, size_t len) GK_WARN_UNUSED;
int gk_parse__text_grid(gk_grid *g, const char *s, size_t len) GK_WARN_UNUSED;
int gk_parse__markdown_grid(gk_grid *g, const char *s, size_t len) GK_WARN_UNUSED;

/* Maps a grid to the report (tables, sections, title). */
int gk_parse__recognize(gk_report *r, const gk_grid *g) GK_WARN_UNUSED;
/* Sections, preamble, agency and year from the grid's text. */
int gk_parse__sections(gk_report *r, const gk_grid *g) GK_WARN_UNUSED;

/* ---- shared text helpers (labels.c) ---- */
/* Appends s normalised for label matching: full-width ASCII to half-width,
 * all white space removed, "、"/"．" after a digit to ".", known typos fixed. */
int gk_parse__norm(gk_buf *out, const char *s, size_t len) GK_WARN_UNUSED;
/* Decodes one code point, mapping full-width digits to ASCII ones. */
int32_t gk_parse__cp(const char *s, size_t len, size_t *i);
bool gk_parse__is_space(int32_t cp);
/* The code point of an HTML character reference body ("amp", "#20013",
 * "#x4e2d"), or -1 when not recognised. Allocates nothing, so "not a
 * reference" cannot be confused with "out of memory" (the caller appends). */
int32_t gk_parse__entity(const char *name, size_t n);

/* ---- segmentation (segment.c) ---- */
/* A row constraint: the cells [first, first+n) sum to the cell first+n.
 * A row of T3 has one (0..5 -> 6); a row of T4 has three. */
typedef struct {
    uint8_t first, n;
} gk_seg_sum;

typedef struct {
    int64_t v[GK_T4_NGROUPS * GK_T4_NCOLS]; /* up to 15 cells */
} gk_seg_cand;

/* Splits the digit pieces (already separated where the source had white
 * space) into exactly ncells non-negative integers without leading zeros,
 * keeping the splits that satisfy every sum. Returns the number of
 * candidates written (capped at max; returns max + 1 when there were more). */
size_t gk_parse__segment(const gk_str *pieces, size_t npieces, size_t ncells,
                         const gk_seg_sum *sums, size_t nsums, gk_seg_cand *out, size_t max);

#endif
