/*
 * assets.c: lookup of the web/ files embedded by scripts/gen-assets.sh,
 * and the MIME table of the static route.
 */
#include "gk/render.h"
#include "handlers.h"

/* Extension → MIME type; unknown types are served as octet streams. */
static const struct {
    const char *ext;
    const char *mime;
} mimes[] = {
    {".css", "text/css; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
};

const gk_http_asset *gk_http__asset_find(const char *path)
{
    size_t i;

    for (i = 0; i < gk_http__nassets; i++)
        if (!strcmp(gk_http__assets[i].path, path))
            return &gk_http__assets[i];
    return NULL;
}

const char *gk_http__mime_for(const char *path)
{
    size_t n = strlen(path), i;

    for (i = 0; i < GK_ARRAY_LEN(mimes); i++) {
        size_t e = strlen(mimes[i].ext);

        if (n > e && !strcmp(path + n - e, mimes[i].ext))
            return mimes[i].mime;
    }
    return "application/octet-stream";
}

/* Static files made by the library rather than kept in web/: the report
 * table style is the HTML renderer's own (render/html.c), so the embedded
 * report and the standalone page share one definition of the official
 * column widths. */
static const struct {
    const char *name;
    const char *(*text)(void);
} generated[] = {
    {"report.css", gk_render_html_css},
};

/* Serves web/<path> or a generated file, cacheable for an hour. */
static int serve(gk_http_resp *resp, const char *path)
{
    const gk_http_asset *a = gk_http__asset_find(path);
    size_t i;
    int error = GK_ENOTFOUND;

    for (i = 0; !a && i < GK_ARRAY_LEN(generated); i++)
        if (!strcmp(path + strlen("static/"), generated[i].name))
            error = gk_buf_puts(&resp->body, generated[i].text());
    if (a)
        error = gk_buf_put(&resp->body, a->data, a->len);
    if (error == GK_ENOTFOUND)
        gk_error_set(GK_ERRCLASS_HTTP, "没有这个文件");
    if (error < 0)
        return error;
    resp->content_type = gk_http__mime_for(path);
    return gk_http__resp_header(resp, "Cache-Control", "public, max-age=3600");
}

/* GET /static/:name — only files under web/static/ are reachable; the
 * templates are not served. */
int api_static_get(gk_http_req *req, gk_http_resp *resp)
{
    const char *name = gk_http__param(req, "name");
    char path[160];

    if (!name || strlen(name) > 128 || strchr(name, '/')) {
        gk_error_set(GK_ERRCLASS_HTTP, "没有这个文件");
        return GK_ENOTFOUND;
    }
    snprintf(path, sizeof(path), "static/%s", name);
    return serve(resp, path);
}

/* GET /favicon.ico — browsers ask for it whatever the page links; the
 * icon is the SVG of web/static (served as image/svg+xml). */
int api_favicon_get(gk_http_req *req, gk_http_resp *resp)
{
    (void)req;
    return serve(resp, "static/favicon.svg");
}
