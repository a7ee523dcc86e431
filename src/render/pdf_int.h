/*
 * pdf_int.h: what pdf.c (document, pages, text flow) and pdf_table.c (the
 * official tables) share. The PDF is drawn with cairo and laid out with
 * Pango (docs/stack.md: CJK shaping and line breaking, embedded font
 * subsets); fonts are Noto Serif CJK SC for text and Noto Sans CJK SC for
 * headings and tables, with the Pango language zh-CN so that the
 * Simplified glyph forms are chosen.
 *
 * Geometry is in PDF points (1/72 inch), origin at the top-left corner of
 * the page, y growing downwards (cairo's user space on a PDF surface).
 */
#ifndef GK_RENDER_PDF_INT_H
#define GK_RENDER_PDF_INT_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include "layout.h"
#include "render_int.h"

#define GK_PDF_MM(x) ((x)*72.0 / 25.4)

/* A4 with the margins of GB/T 9704-2012 (党政机关公文格式) §5.2.1: 天头 (top)
 * 37 mm, 订口 (left) 28 mm and a 版心 (text block) of 156 mm × 225 mm, which
 * leaves 26 mm on the right and 35 mm at the bottom. The standard allows
 * ±1 mm; these are its nominal values, so the page is "approximately" the
 * standard's: its fonts (仿宋_GB2312, 方正小标宋) are not free and are
 * replaced by Noto CJK (see pdf.c). */
#define GK_PDF_PAGE_W   GK_PDF_MM(210.0)
#define GK_PDF_PAGE_H   GK_PDF_MM(297.0)
#define GK_PDF_TEXT_X   GK_PDF_MM(28.0)
#define GK_PDF_TEXT_W   GK_PDF_MM(156.0)
#define GK_PDF_BODY_TOP GK_PDF_MM(37.0)
#define GK_PDF_BODY_H   GK_PDF_MM(225.0)
#define GK_PDF_BODY_BOT (GK_PDF_BODY_TOP + GK_PDF_BODY_H)

/* Cells of a table never show more characters than this (hostile input: a
 * cell is at most a page tall, and a few thousand characters already
 * overflow the widest column); longer text ends in "…". */
#define GK_PDF_CELL_MAX_CHARS 1000

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoFontMap *fm;
    PangoContext *pc;
    PangoAttrList *attrs;            /* of every layout: no hyphens inserted */
    PangoFontDescription *f_title;   /* 二号 (22 pt) serif bold: 小标宋 stand-in */
    PangoFontDescription *f_heading; /* 三号 (16 pt) sans: 黑体 stand-in */
    PangoFontDescription *f_body;    /* 三号 (16 pt) serif: 仿宋 stand-in */
    PangoFontDescription *f_cell;    /* 五号 (10.5 pt) sans */
    PangoFontDescription *f_head;    /* 五号 sans bold: table headers */
    PangoFontDescription *f_folio;   /* 四号 (14 pt) serif: page numbers */
    double y;                        /* top of the free space on the current page */
    int page;                        /* number of the current page, from 1 */
    bool fresh;                      /* nothing drawn on the current page yet */
    gk_buf text;                     /* scratch: the last cleaned text (gk_render__pdf_clean) */
    gk_buf held;                     /* a heading waiting for what follows it (keep with next) */
    bool holding;                    /* held is a heading not drawn yet */
    gk_buf *out;                     /* the caller's buffer: cairo's stream writes here */
    int write_error;                 /* first gk_buf error of the stream, or 0 */
} gk_pdf_doc;

/* Copies s[0..len) into d->text as text Pango can lay out: invalid UTF-8
 * becomes U+FFFD, tabs and line/paragraph separators become spaces, other
 * control characters (C0, DEL, C1) are dropped; after max_chars characters
 * (0: no limit) the text is cut and "…" appended. Returns d->text's
 * NUL-terminated bytes through *out. */
int gk_render__pdf_clean(gk_pdf_doc *d, const char *s, size_t len, size_t max_chars,
                         const char **out) GK_WARN_UNUSED;

/* A fresh layout (trap T6: a reused PangoLayout keeps stale attributes, so
 * every block gets its own; the only attributes, d->attrs, cover all text)
 * of text[0..len) (len -1: NUL-terminated) in font fd, wrapped at width points
 * (<= 0: no wrapping) at any character when a word does not fit. The
 * caller unrefs it. */
PangoLayout *gk_render__pdf_layout(gk_pdf_doc *d, const PangoFontDescription *fd, const char *text,
                                   int len, double width, PangoAlignment align);

/* Size of a layout's logical extents in points. */
void gk_render__pdf_size(PangoLayout *l, double *w, double *h);

/* Ends the current page (its folio) and starts the next one. */
int gk_render__pdf_new_page(gk_pdf_doc *d) GK_WARN_UNUSED;

/* Height of the held heading's first chunk (0 when nothing is held). */
double gk_render__pdf_held_height(gk_pdf_doc *d);

/* Draws a held heading, on a new page unless it and `next` points of what
 * follows fit on the current one. No-op when nothing is held. */
int gk_render__pdf_release_held(gk_pdf_doc *d, double next) GK_WARN_UNUSED;

/* Draws table t at d->y (pdf_table.c), breaking pages between rows. */
int gk_render__pdf_table(gk_pdf_doc *d, const gk_layout_table *t) GK_WARN_UNUSED;

/* The cairo status of the document as a gk error (0 when fine). */
int gk_render__pdf_status(gk_pdf_doc *d) GK_WARN_UNUSED;

#endif
