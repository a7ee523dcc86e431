/*
 * report_view.h: how the pages show and hand out an annual report, shared
 * by the public check pages (api_check.c), the console's report
 * (page_reports.c) and the supervising office's sum (page_supervise.c).
 */
#ifndef GK_HTTP_REPORT_VIEW_H
#define GK_HTTP_REPORT_VIEW_H

#include "gk/render.h"
#include "handlers.h"

/* Renders r in the official HTML layout and puts the content of the
 * page's <main> (the tables) under view["report_html"]: the renderer
 * escapes every report string (render/escape.c), so this is the one kind
 * of trusted markup a template takes raw, inside our layout and CSP. */
int gk_http__report_html(json_t *view, const gk_report *r) GK_WARN_UNUSED;

/* The format of the field "format", json when absent; GK_EINVALID naming
 * the formats otherwise. */
int gk_http__report_format(const gk_http_req *req, gk_render_format *out) GK_WARN_UNUSED;

/* Answers r rendered in format f as the download "<stem>.<ext>". The
 * standalone HTML page keeps its inline style but may not run scripts,
 * load anything or be framed. */
int gk_http__report_download(gk_http_resp *resp, const gk_report *r, gk_render_format f,
                             const char *stem) GK_WARN_UNUSED;

/* view["formats"] = [{name, href}] for every format, href being
 * href_head followed by "format=NAME" (href_head ends in '?' or '&'). */
int gk_http__report_format_links(json_t *view, const char *href_head) GK_WARN_UNUSED;

/* view["years"] = [{y, selected}] from this year (gk_page__today) down
 * to 2019, for the year selector. */
int gk_http__report_years(json_t *view, int selected) GK_WARN_UNUSED;

#endif
