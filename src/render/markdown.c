/* markdown.c: placeholder until the markdown renderer lands (returns an error). */
#include "render_int.h"

int gk_render__markdown(gk_buf *out, const gk_report *r)
{
    (void)out;
    (void)r;
    gk_error_set(GK_ERRCLASS_RENDER, "the markdown renderer is not built yet");
    return GK_EINVALID;
}
