/*
 * report_view.c: an annual report on a page (its tables inside our
 * layout), as a download in any format of the renderer, the links to
 * those downloads and the year selector (report_view.h).
 */
#include <stdio.h>
#include "page_int.h"
#include "report_view.h"

int gk_http__report_html(json_t *view, const gk_report *r)
{
    gk_buf page = GK_BUF_INIT;
    const char *b, *e;
    json_t *h;
    int error = gk_render(&page, r, GK_RENDER_HTML);

    if (error < 0)
        goto done;
    b = strstr(gk_buf_cstr(&page), "<main>");
    e = b ? strstr(b, "</main>") : NULL;
    if (!b || !e) {
        gk_error_set(GK_ERRCLASS_RENDER, "renderer output without <main>");
        error = GK_ERROR;
        goto done;
    }
    b += 6;
    h = json_stringn(b, (size_t)(e - b));
    if (!h) {
        gk_error_set(GK_ERRCLASS_RENDER, "renderer output is not UTF-8");
        error = GK_EINVALID;
        goto done;
    }
    error = gk_page__set(view, "report_html", h);
done:
    gk_buf_release(&page);
    return error;
}

int gk_http__report_format(const gk_http_req *req, gk_render_format *out)
{
    const char *name = gk_http__field(req, "format");
    int f = gk_render_format_from_name(name ? name : "json");

    if (f < 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "未知格式 '%s'（html、md、txt、json、xlsx、docx）", name);
        return GK_EINVALID;
    }
    *out = (gk_render_format)f;
    return 0;
}

int gk_http__report_download(gk_http_resp *resp, const gk_report *r, gk_render_format f,
                             const char *stem)
{
    char disp[160];
    int error = gk_render(&resp->body, r, f);

    if (error < 0)
        return error;
    resp->content_type = gk_render_format_mime(f);
    snprintf(disp, sizeof disp, "attachment; filename=\"%s.%s\"", stem, gk_render_format_name(f));
    error = gk_http__resp_header(resp, "Content-Disposition", disp);
    if (error == 0 && f == GK_RENDER_HTML)
        error = gk_http__resp_header(resp, "Content-Security-Policy",
                                     "default-src 'none'; style-src 'unsafe-inline'; "
                                     "frame-ancestors 'none'");
    return error;
}

int gk_http__report_format_links(json_t *view, const char *href_head)
{
    json_t *arr = json_array();
    char href[192];
    int f;

    if (!arr)
        return gk__oom();
    for (f = 0; f < GK_RENDER_NFORMATS; f++) {
        const char *name = gk_render_format_name((gk_render_format)f);
        json_t *o;

        snprintf(href, sizeof href, "%sformat=%s", href_head, name);
        o = json_pack("{s:s, s:s}", "name", name, "href", href);
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            return gk__oom();
        }
    }
    return gk_page__set(view, "formats", arr);
}

int gk_http__report_years(json_t *view, int selected)
{
    json_t *arr = json_array();
    int y;

    for (y = gk_page__today().y; arr && y >= 2019; y--)
        if (json_array_append_new(arr,
                                  json_pack("{s:i, s:b}", "y", y, "selected", y == selected))) {
            json_decref(arr);
            return gk__oom();
        }
    return gk_page__set(view, "years", arr);
}
