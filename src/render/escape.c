/*
 * escape.c: one scanner over UTF-8 code points, three output syntaxes
 * (HTML, Markdown, plain). See escape.h for the contracts.
 */
#include "escape.h"
#include "util/utf8.h"

typedef enum { ESC_PLAIN, ESC_HTML, ESC_MD } esc_mode;

/* HTML: the five characters that can end a text run or an attribute. */
static const struct {
    char c;
    const char *ref;
} html_refs[] = {
    {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"},
};

/* Markdown: ASCII punctuation that may start or end inline markup anywhere
 * (CommonMark §2.4 allows a backslash before any ASCII punctuation). */
static const char md_inline[] = "\\`*_[]<>|~&";
/* ...and characters that start a block only at the beginning of a line. */
static const char md_line_start[] = "#+-=";

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int put_ascii(gk_buf *out, esc_mode mode, const char *s, size_t i, bool line_start)
{
    char c = s[i];
    size_t k;

    if (mode == ESC_HTML) {
        for (k = 0; k < GK_ARRAY_LEN(html_refs); k++)
            if (html_refs[k].c == c)
                return gk_buf_puts(out, html_refs[k].ref);
    } else if (mode == ESC_MD) {
        bool esc = strchr(md_inline, c) != NULL;
        if (line_start && i == 0 && strchr(md_line_start, c))
            esc = true;
        /* "12." or "3)" at the start of a line is an ordered-list marker. */
        if ((c == '.' || c == ')') && i > 0 && is_digit(s[i - 1])) {
            size_t j = i;
            while (j > 0 && is_digit(s[j - 1]))
                j--;
            esc = esc || (j == 0 && line_start);
        }
        if (esc && gk_buf_putc(out, '\\') < 0)
            return GK_ENOMEM;
    }
    return gk_buf_putc(out, c);
}

static int put_escaped(gk_buf *out, esc_mode mode, const char *s, size_t n, bool line_start)
{
    size_t i = 0;
    int error = 0;

    while (i < n && error == 0) {
        size_t start = i;
        int32_t cp = gk_utf8_next(s, n, &i);

        if (cp == '\t' || cp == '\n' || cp == '\r')
            error = gk_buf_putc(out, ' ');
        else if (cp < 0 || cp < 0x20 || cp == 0x7f)
            error = gk_utf8_put(out, 0xFFFD);
        else if (cp < 0x80)
            error = put_ascii(out, mode, s, start, line_start);
        else
            error = gk_buf_put(out, s + start, i - start);
    }
    return error;
}

int gk_render__put_html(gk_buf *out, const char *s, size_t n)
{
    return put_escaped(out, ESC_HTML, s, n, false);
}

int gk_render__put_md(gk_buf *out, const char *s, size_t n, bool line_start)
{
    return put_escaped(out, ESC_MD, s, n, line_start);
}

int gk_render__put_plain(gk_buf *out, const char *s, size_t n)
{
    return put_escaped(out, ESC_PLAIN, s, n, false);
}
