/*
 * parse.h: reading published annual reports (HTML, flattened text,
 * Markdown, report JSON) into the report model. A parser copies the
 * published numbers; it never repairs a total.
 */
#ifndef GK_PARSE_H
#define GK_PARSE_H

#include "diag.h"
#include "report.h"

GK_BEGIN_DECL

typedef enum {
    GK_INPUT_AUTO = 0,
    GK_INPUT_JSON,
    GK_INPUT_HTML,
    GK_INPUT_TEXT,
    GK_INPUT_MARKDOWN
} gk_input_format;

typedef struct {
    gk_input_format format; /* GK_INPUT_AUTO: detect */
    const char *source;     /* name for messages and report->source; may be NULL */
} gk_parse_opts;

#define GK_PARSE_OPTS_INIT {GK_INPUT_AUTO, NULL}

/* Guesses the format of data (JSON object, HTML markup, Markdown table,
 * otherwise text). */
GK_EXTERN(gk_input_format) gk_parse_detect(const char *data, size_t len);
GK_EXTERN(const char *) gk_input_format_name(gk_input_format f);

/* Parses data into a report. Returns GK_EINVALID (message set) when the
 * input is not a report at all (binary, empty, malformed JSON); a report
 * with missing tables or unreadable cells is returned and the validator
 * reports STRUCT.* and CELL.* findings. Caller frees *out with gk_report_free. */
GK_EXTERN(int) gk_parse(gk_report **out, const char *data, size_t len, const gk_parse_opts *opts)
    GK_WARN_UNUSED;

GK_END_DECL

#endif
