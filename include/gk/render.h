/*
 * render.h: renderers of the annual report in the official table layout
 * (spec §1.3–1.5): HTML, Markdown, plain text, report JSON, XLSX, DOCX, PDF.
 */
#ifndef GK_RENDER_H
#define GK_RENDER_H

#include "buf.h"
#include "report.h"

GK_BEGIN_DECL

typedef enum {
    GK_RENDER_HTML = 0,
    GK_RENDER_MARKDOWN,
    GK_RENDER_TEXT,
    GK_RENDER_JSON,
    GK_RENDER_XLSX,
    GK_RENDER_DOCX,
    GK_RENDER_PDF, /* A4, GB/T 9704 margins, Noto CJK fonts embedded */
    GK_RENDER_NFORMATS
} gk_render_format;

/* "html", "md" (or "markdown"), "txt" (or "text"), "json", "xlsx", "docx", "pdf";
 * returns -1 when unknown. */
GK_EXTERN(int) gk_render_format_from_name(const char *name);
GK_EXTERN(const char *) gk_render_format_name(gk_render_format f);     /* "html" */
GK_EXTERN(const char *) gk_render_format_mime(gk_render_format f);     /* "text/html; charset=utf-8" */
GK_EXTERN(bool) gk_render_format_is_binary(gk_render_format f);

/* Appends the rendering of r to out. Output is deterministic (fixed
 * timestamps in XLSX/DOCX/PDF) so golden tests are byte-exact. */
GK_EXTERN(int) gk_render(gk_buf *out, const gk_report *r, gk_render_format f) GK_WARN_UNUSED;

/* The stylesheet of the classes the HTML rendering uses for column
 * widths (<col class="wN">, N% of the table): embedded in the standalone
 * page's <style>; a page that embeds the report's <main> under a CSP
 * without 'unsafe-inline' serves it as a file. Static string. */
GK_EXTERN(const char *) gk_render_html_css(void);

GK_END_DECL

#endif
