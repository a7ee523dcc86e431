/*
 * markdown.c: Markdown to grid. GFM pipe tables become bounded rows: the
 * line before a delimiter row ("|---|---|") is the header, body rows are
 * padded with empty cells to the header's width (GFM). Unlike GFM, cells
 * past the header's width are kept: a converter that lost a header cell
 * must not lose published numbers. Every other line is free text, except
 * page footers ("— 5 —"), which are dropped.
 */
#include <ctype.h>
#include "parse/parse_int.h"

bool gk_parse__is_page_footer(const char *s, size_t len);

/* Adds a cell with the Markdown backslash escapes removed: "\\X" reads X
 * for ASCII punctuation X (CommonMark §2.4; the renderer escapes "|", "*",
 * "&", "<", "_", and "1." at a line's start this way). */
static int md_cell(gk_grid *g, const char *s, size_t n, gk_srcpos pos, bool bounded)
{
    gk_buf b = GK_BUF_INIT;
    size_t i;
    int error = 0;

    for (i = 0; i < n && !error; i++) {
        if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1]))
            i++;
        error = gk_buf_putc(&b, s[i]);
    }
    if (!error)
        error = gk_grid_cell(g, b.ptr ? b.ptr : "", b.len, pos, 1, 1, bounded);
    gk_buf_release(&b);
    return error;
}

static bool is_delim_row(const char *s, size_t n)
{
    size_t i, dashes = 0;

    for (i = 0; i < n; i++) {
        if (s[i] == '-')
            dashes++;
        else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t')
            return false;
    }
    return dashes >= 3 && memchr(s, '|', n) != NULL;
}

static int pipe_row(gk_grid *g, const char *s, size_t n, gk_srcpos sp, size_t pad_to, size_t *ncells)
{
    size_t i = 0, start, count = 0;
    int error;

    error = gk_grid_row(g, 1, true);
    if (error < 0)
        return error;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < n && s[i] == '|')
        i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n > i && s[n - 1] == '|' && !(n >= 2 && s[n - 2] == '\\'))
        n--;
    start = i;
    for (; i <= n && !error; i++) {
        if (i < n && (s[i] != '|' || (i > start && s[i - 1] == '\\')))
            continue;
        {
            size_t a = start, b = i;
            gk_srcpos cp = sp;
            while (a < b && (s[a] == ' ' || s[a] == '\t'))
                a++;
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
                b--;
            cp.col = (uint32_t)(a + 1);
            error = md_cell(g, s + a, b - a, cp, true);
            count++;
        }
        start = i + 1;
    }
    while (!error && count < pad_to) {
        error = gk_grid_cell(g, "", 0, sp, 1, 1, true);
        count++;
    }
    *ncells = count;
    return error;
}

int gk_parse__markdown_grid(gk_grid *g, const char *s, size_t len)
{
    size_t pos = 0, lineno = 0, width = 0;
    bool in_table = false;
    int error = 0;

    while (pos < len && !error) {
        const char *line = s + pos, *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos, e = n, b = 0, nc = 0;
        gk_srcpos sp;

        pos += n + (nl ? 1 : 0);
        lineno++;
        sp.line = (uint32_t)(lineno > UINT32_MAX ? UINT32_MAX : lineno);
        sp.col = 1;
        while (e && (line[e - 1] == '\r' || line[e - 1] == ' ' || line[e - 1] == '\t'))
            e--;
        while (b < e && (line[b] == ' ' || line[b] == '\t'))
            b++;
        if (b == e || gk_parse__is_page_footer(line, e)) {
            in_table = false;
            continue;
        }
        if (line[b] == '|') {
            const char *next = nl ? nl + 1 : NULL;
            size_t nn = next ? (size_t)((const char *)memchr(next, '\n', len - pos) ?
                                            (const char *)memchr(next, '\n', len - pos) - next :
                                            (ptrdiff_t)(len - pos))
                             : 0;
            if (is_delim_row(line + b, e - b)) {
                in_table = true;
                continue;
            }
            if (next && is_delim_row(next, nn)) {
                /* a header row: its width pads the body rows below */
                error = pipe_row(g, line, e, sp, 0, &nc);
                width = nc;
                continue;
            }
            error = pipe_row(g, line, e, sp, in_table ? width : 0, &nc);
            continue;
        }
        in_table = false;
        error = gk_grid_row(g, 0, false);
        if (error < 0)
            break;
        g->rows[g->nrows - 1].heading = line[b] == '#';
        while (b < e && (line[b] == '#' || line[b] == ' '))
            b++;
        sp.col = (uint32_t)(b + 1);
        /* A line in emphasis ("*（报告未载明此表）*") reads without it. */
        if (e - b >= 3 && line[b] == '*' && line[b + 1] != '*' && line[e - 1] == '*' &&
            line[e - 2] != '\\' && line[e - 2] != '*') {
            b++;
            e--;
        }
        error = md_cell(g, line + b, e - b, sp, false);
    }
    gk_grid_trim(g);
    return error;
}
