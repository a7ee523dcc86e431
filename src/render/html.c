/* html.c: placeholder until the html renderer lands (returns an error). */
#include "render_int.h"

int gk_render__html(gk_buf *out, const gk_report *r)
{
    (void)out;
    (void)r;
    gk_error_set(GK_ERRCLASS_RENDER, "the html renderer is not built yet");
    return GK_EINVALID;
}
