/*
 * escape.h: output escaping of report text for the text renderers. Report
 * strings are untrusted (agency names, section text and unreadable cells come
 * from published documents or from users), so every string that reaches an
 * output goes through one of these.
 *
 * All three replace invalid UTF-8 and C0/DEL control characters with U+FFFD
 * (a terminal escape sequence in a report must not reach a terminal) and turn
 * tab, CR and LF into a space: the callers pass single lines.
 */
#ifndef GK_RENDER_ESCAPE_H
#define GK_RENDER_ESCAPE_H

#include "util/util.h"

/* HTML text and attribute values: & < > " ' become character references. */
int gk_render__put_html(gk_buf *out, const char *s, size_t n) GK_WARN_UNUSED;

/* Markdown (CommonMark/GFM) inline text: the ASCII punctuation that can
 * start markup (\ ` * _ [ ] < > | ~ & and, at the start of a line, # + - =
 * and the "." or ")" of an ordered-list marker) is backslash-escaped, so the
 * text renders literally, including inside a table cell. */
int gk_render__put_md(gk_buf *out, const char *s, size_t n, bool line_start) GK_WARN_UNUSED;

/* Plain text for a terminal: only the replacements above. */
int gk_render__put_plain(gk_buf *out, const char *s, size_t n) GK_WARN_UNUSED;

#endif
