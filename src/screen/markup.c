/*
 * markup.c: the text view of HTML and of DOCX document.xml. The view has the
 * same length as the input, so an offset into it is an offset into the
 * original file: markup becomes GK_SCREEN_FILL (dropped by the normaliser,
 * so a word split by <b> or by Word's runs stays one word), block
 * boundaries become GK_SCREEN_BREAK (nothing matches across them), entities
 * become a space. Newlines are kept so line numbers stay the original's.
 */
#include <ctype.h>
#include "screen_int.h"

/* HTML elements that end a block of text. */
static const char *const html_blocks[] = {
    "p",     "div",   "br",     "tr",      "td",     "th",         "li",   "ul",    "ol",
    "h1",    "h2",    "h3",     "h4",      "h5",     "h6",         "table", "tbody", "thead",
    "title", "hr",    "section", "article", "header", "footer",     "pre",  "dd",    "dt",
    "dl",    "option", "blockquote", "caption", "form", "nav", "main", "body", "head", "html"};

/* DOCX (WordprocessingML) elements: paragraph end is a line, tab a space. */
static bool tag_is(const char *name, size_t n, const char *want)
{
    return strlen(want) == n && !memcmp(name, want, n);
}

static bool html_block(const char *name, size_t n)
{
    size_t k, j;
    char low[16];

    if (n == 0 || n >= sizeof low)
        return false;
    for (j = 0; j < n; j++)
        low[j] = (char)tolower((unsigned char)name[j]);
    for (k = 0; k < GK_ARRAY_LEN(html_blocks); k++)
        if (tag_is(low, n, html_blocks[k]))
            return true;
    return false;
}

static void fill(char *v, const char *d, size_t a, size_t z, bool keep_nl)
{
    size_t i;

    for (i = a; i < z; i++)
        v[i] = keep_nl && d[i] == '\n' ? '\n' : GK_SCREEN_FILL;
}

/* End of the tag starting at d[i] == '<' (index after '>'), honouring quotes. */
static size_t tag_end(const char *d, size_t n, size_t i)
{
    char q = 0;

    for (i++; i < n; i++) {
        if (q) {
            if (d[i] == q)
                q = 0;
        } else if (d[i] == '"' || d[i] == '\'') {
            q = d[i];
        } else if (d[i] == '>') {
            return i + 1;
        }
    }
    return n;
}

static size_t find(const char *d, size_t n, size_t from, const char *needle, bool icase)
{
    size_t l = strlen(needle), i, k;

    for (i = from; i + l <= n; i++) {
        for (k = 0; k < l; k++) {
            char c = d[i + k];
            if (icase)
                c = (char)tolower((unsigned char)c);
            if (c != needle[k])
                break;
        }
        if (k == l)
            return i;
    }
    return n;
}

int gk_screen_markup_view(gk_buf *out, const char *d, size_t n, bool docx)
{
    char *v;
    size_t i = 0;
    bool in_text = !docx; /* DOCX: only <w:t> content is text */
    int rc;

    gk_buf_clear(out);
    rc = gk_buf_grow(out, n + 1);
    if (rc < 0)
        return rc;
    v = out->ptr;
    while (i < n) {
        char c = d[i];
        if (c == '<') {
            size_t e, ns, ne;
            bool closing = i + 1 < n && d[i + 1] == '/';
            if (i + 4 <= n && !memcmp(d + i, "<!--", 4)) {
                e = find(d, n, i + 4, "-->", false);
                e = e < n ? e + 3 : n;
                fill(v, d, i, e, !docx);
                i = e;
                continue;
            }
            e = tag_end(d, n, i);
            ns = i + (closing ? 2 : 1);
            ne = ns;
            while (ne < e && (isalnum((unsigned char)d[ne]) || d[ne] == ':' || d[ne] == '-'))
                ne++;
            fill(v, d, i, e, !docx);
            if (docx) {
                if (tag_is(d + ns, ne - ns, "w:t"))
                    in_text = !closing && !(e >= 2 && d[e - 2] == '/');
                else if (closing && tag_is(d + ns, ne - ns, "w:p"))
                    v[i] = '\n';
                else if (tag_is(d + ns, ne - ns, "w:tab"))
                    v[i] = ' ';
                else if (tag_is(d + ns, ne - ns, "w:br") || tag_is(d + ns, ne - ns, "w:cr"))
                    v[i] = GK_SCREEN_BREAK;
            } else if (!closing && (html_block(d + ns, ne - ns))) {
                v[i] = GK_SCREEN_BREAK;
            } else if (closing && html_block(d + ns, ne - ns)) {
                v[i] = GK_SCREEN_BREAK;
            } else if (!closing && (tag_is(d + ns, ne - ns, "script") ||
                                    tag_is(d + ns, ne - ns, "style") ||
                                    tag_is(d + ns, ne - ns, "SCRIPT") ||
                                    tag_is(d + ns, ne - ns, "STYLE"))) {
                const char *closer = (d[ns] == 's' || d[ns] == 'S') && (d[ns + 1] == 'c' ||
                                      d[ns + 1] == 'C') ? "</script" : "</style";
                size_t z = find(d, n, e, closer, true);
                fill(v, d, e, z, true);
                e = z;
            }
            i = e;
            continue;
        }
        if (!in_text) {
            v[i] = d[i] == '\n' && !docx ? '\n' : GK_SCREEN_FILL;
            i++;
            continue;
        }
        if (c == '&') {
            size_t k = i + 1;
            while (k < n && k - i < 12 && (isalnum((unsigned char)d[k]) || d[k] == '#'))
                k++;
            if (k < n && d[k] == ';' && k > i + 1) {
                fill(v, d, i, k + 1, false);
                v[i] = ' ';
                i = k + 1;
                continue;
            }
        }
        v[i] = docx && c == '\n' ? ' ' : c;
        i++;
    }
    v[n] = '\0';
    out->len = n;
    return 0;
}

gk_screen_format gk_screen_format_guess(const char *name, const char *head, size_t n)
{
    size_t l = name ? strlen(name) : 0, i = 0;

    if (n >= 4 && !memcmp(head, "PK\x03\x04", 4))
        return GK_SCREEN_DOCX;
    if (l >= 5 && !strcasecmp(name + l - 5, ".docx"))
        return GK_SCREEN_DOCX;
    if ((l >= 5 && !strcasecmp(name + l - 5, ".html")) ||
        (l >= 4 && !strcasecmp(name + l - 4, ".htm")))
        return GK_SCREEN_HTML;
    if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && isspace((unsigned char)head[i]))
        i++;
    if (i < n && head[i] == '<' && i + 1 < n &&
        (head[i + 1] == '!' || isalpha((unsigned char)head[i + 1])))
        return GK_SCREEN_HTML;
    return GK_SCREEN_TEXT;
}
