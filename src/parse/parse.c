/*
 * parse.c: format detection and dispatch of gk_parse(). Each input format
 * is a row of the parser table.
 */
#include "gk/parse.h"
#include "util/util.h"

static int parse_json(gk_report **out, const char *data, size_t len)
{
    return gk_report_from_json(out, data, len);
}

static int parse_unsupported(gk_report **out, const char *data, size_t len)
{
    (void)out;
    (void)data;
    (void)len;
    gk_error_set(GK_ERRCLASS_PARSE, "this input format is not supported yet");
    return GK_EINVALID;
}

typedef int (*parse_fn)(gk_report **out, const char *data, size_t len);

static const struct {
    gk_input_format format;
    const char *name;
    parse_fn fn;
} parsers[] = {
    {GK_INPUT_JSON, "json", parse_json},
    {GK_INPUT_HTML, "html", parse_unsupported},
    {GK_INPUT_TEXT, "text", parse_unsupported},
    {GK_INPUT_MARKDOWN, "markdown", parse_unsupported},
};

const char *gk_input_format_name(gk_input_format f)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(parsers); i++)
        if (parsers[i].format == f)
            return parsers[i].name;
    return "auto";
}

gk_input_format gk_parse_detect(const char *data, size_t len)
{
    size_t i = 0;

    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && data[i] == '{')
        return GK_INPUT_JSON;
    if (i < len && data[i] == '<')
        return GK_INPUT_HTML;
    return GK_INPUT_TEXT;
}

int gk_parse(gk_report **out, const char *data, size_t len, const gk_parse_opts *opts)
{
    gk_input_format f = opts ? opts->format : GK_INPUT_AUTO;
    size_t i;
    int error;

    *out = NULL;
    if (len == 0) {
        gk_error_set(GK_ERRCLASS_PARSE, "empty input");
        return GK_EINVALID;
    }
    if (memchr(data, '\0', len)) {
        gk_error_set(GK_ERRCLASS_PARSE, "binary input (NUL byte at offset %zu)",
                     (size_t)((const char *)memchr(data, '\0', len) - data));
        return GK_EINVALID;
    }
    if (f == GK_INPUT_AUTO)
        f = gk_parse_detect(data, len);
    for (i = 0; i < GK_ARRAY_LEN(parsers); i++) {
        if (parsers[i].format != f)
            continue;
        error = parsers[i].fn(out, data, len);
        if (error == 0 && opts && opts->source && !*(*out)->source)
            (*out)->source = gk_report_strdup(*out, opts->source, strlen(opts->source));
        return error;
    }
    gk_error_set(GK_ERRCLASS_PARSE, "unknown input format");
    return GK_EINVALID;
}
