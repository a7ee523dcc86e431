/* docx.c: placeholder until the docx renderer lands (returns an error). */
#include "render_int.h"

int gk_render__docx(gk_buf *out, const gk_report *r)
{
    (void)out;
    (void)r;
    gk_error_set(GK_ERRCLASS_RENDER, "the docx renderer is not built yet");
    return GK_EINVALID;
}
