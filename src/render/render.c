/*
 * render.c: the table of output formats and gk_render().
 */
#include "render_int.h"

static int render_json(gk_buf *out, const gk_report *r)
{
    return gk_report_to_json(out, r);
}

static const struct {
    const char *name;
    const char *alias;
    const char *mime;
    bool binary;
    int (*fn)(gk_buf *out, const gk_report *r);
} formats[GK_RENDER_NFORMATS] = {
    [GK_RENDER_HTML] = {"html", "htm", "text/html; charset=utf-8", false, gk_render__html},
    [GK_RENDER_MARKDOWN] = {"md", "markdown", "text/markdown; charset=utf-8", false,
                            gk_render__markdown},
    [GK_RENDER_TEXT] = {"txt", "text", "text/plain; charset=utf-8", false, gk_render__text},
    [GK_RENDER_JSON] = {"json", NULL, "application/json", false, render_json},
    [GK_RENDER_XLSX] = {"xlsx", NULL,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true,
                        gk_render__xlsx},
    [GK_RENDER_DOCX] = {"docx", NULL,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        true, gk_render__docx},
    [GK_RENDER_PDF] = {"pdf", NULL, "application/pdf", true, gk_render__pdf},
};

int gk_render_format_from_name(const char *name)
{
    int i;

    for (i = 0; i < GK_RENDER_NFORMATS; i++)
        if (!strcmp(formats[i].name, name) || (formats[i].alias && !strcmp(formats[i].alias, name)))
            return i;
    return -1;
}

const char *gk_render_format_name(gk_render_format f)
{
    return (unsigned)f < GK_RENDER_NFORMATS ? formats[f].name : "?";
}

const char *gk_render_format_mime(gk_render_format f)
{
    return (unsigned)f < GK_RENDER_NFORMATS ? formats[f].mime : "application/octet-stream";
}

bool gk_render_format_is_binary(gk_render_format f)
{
    return (unsigned)f < GK_RENDER_NFORMATS && formats[f].binary;
}

int gk_render(gk_buf *out, const gk_report *r, gk_render_format f)
{
    if ((unsigned)f >= GK_RENDER_NFORMATS) {
        gk_error_set(GK_ERRCLASS_RENDER, "unknown output format %d", (int)f);
        return GK_EINVALID;
    }
    return formats[f].fn(out, r);
}
