/*
 * parse.c: format detection and dispatch of gk_parse(). Each input format
 * is a row of the parser table.
 */
#include "parse/parse_int.h"

static int parse_json(gk_report **out, const char *data, size_t len)
{
    return gk_report_from_json(out, data, len);
}

typedef int (*grid_fn)(gk_grid *g, const char *s, size_t len);

/* The published-report formats: charset -> grid -> recogniser -> sections. */
static int parse_published(gk_report **out, const char *data, size_t len, grid_fn to_grid,
                           bool html)
{
    gk_buf utf8 = GK_BUF_INIT;
    gk_grid g;
    gk_report *r = NULL;
    int error;

    gk_grid_init(&g);
    error = gk_parse__to_utf8(&utf8, data, len, html);
    if (error < 0)
        goto done;
    error = to_grid(&g, utf8.ptr ? utf8.ptr : "", utf8.len);
    if (error < 0)
        goto done;
    error = gk_report_new(&r);
    if (error < 0)
        goto done;
    if ((error = gk_parse__recognize(r, &g)) < 0 || (error = gk_parse__sections(r, &g)) < 0)
        goto done;
    if (!r->t2_present && !r->t3_present && !r->t4_present && r->nsections == 0) {
        gk_error_set(GK_ERRCLASS_PARSE, "no annual-report table or section found");
        error = GK_EINVALID;
        goto done;
    }
    *out = r;
    r = NULL;
done:
    gk_report_free(r);
    gk_grid_release(&g);
    gk_buf_release(&utf8);
    return error;
}

static int parse_html(gk_report **out, const char *data, size_t len)
{
    return parse_published(out, data, len, gk_parse__html_grid, true);
}

static int parse_text(gk_report **out, const char *data, size_t len)
{
    return parse_published(out, data, len, gk_parse__text_grid, false);
}

static int parse_markdown(gk_report **out, const char *data, size_t len)
{
    return parse_published(out, data, len, gk_parse__markdown_grid, false);
}

typedef int (*parse_fn)(gk_report **out, const char *data, size_t len);

static const struct {
    gk_input_format format;
    const char *name;
    parse_fn fn;
} parsers[] = {
    {GK_INPUT_JSON, "json", parse_json},
    {GK_INPUT_HTML, "html", parse_html},
    {GK_INPUT_TEXT, "text", parse_text},
    {GK_INPUT_MARKDOWN, "markdown", parse_markdown},
};

const char *gk_input_format_name(gk_input_format f)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(parsers); i++)
        if (parsers[i].format == f)
            return parsers[i].name;
    return "auto";
}

/* A GFM delimiter row ("|---|---|") at the start of a line in the first 64 KB. */
static bool has_md_table(const char *s, size_t len)
{
    size_t i, n = len < 65536 ? len : 65536;

    for (i = 0; i + 4 < n; i++)
        if ((i == 0 || s[i - 1] == '\n') && s[i] == '|' && (s[i + 1] == '-' || s[i + 1] == ':' ||
                                                            s[i + 1] == ' ') &&
            memchr("-:", s[i + 1] == ' ' ? s[i + 2] : s[i + 1], 2) &&
            (s[i + 2] == '-' || s[i + 3] == '-'))
            return true;
    return false;
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
    return has_md_table(data + i, len - i) ? GK_INPUT_MARKDOWN : GK_INPUT_TEXT;
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
        if (error == 0 && opts && opts->source && !*(*out)->source) {
            (*out)->source = gk_report_strdup(*out, opts->source, strlen(opts->source));
            if (!(*out)->source) {
                /* never hand back a model that lost what the caller gave */
                gk_report_free(*out);
                *out = NULL;
                error = GK_ENOMEM;
            }
        }
        return error;
    }
    gk_error_set(GK_ERRCLASS_PARSE, "unknown input format");
    return GK_EINVALID;
}
