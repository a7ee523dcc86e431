/*
 * render_int.h: what the renderer files share. Each format is one function
 * appending to a capped gk_buf; render.c holds the table of formats.
 */
#ifndef GK_RENDER_INT_H
#define GK_RENDER_INT_H

#include "gk/render.h"
#include "util/util.h"

int gk_render__html(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;
int gk_render__markdown(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;
int gk_render__text(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;
int gk_render__xlsx(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;
int gk_render__docx(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;
int gk_render__pdf(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;

#endif
