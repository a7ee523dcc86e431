/*
 * tmpl.c: a small mustache subset over Jansson values (stack.md
 * "Templates"). Everything is HTML-escaped by default; {{{raw}}} exists only
 * for trusted renderer output (the official report tables) and the page
 * content inside the layout. Pages are never built by string concatenation.
 */
#include <stdio.h>
#include "http_int.h"

#define TMPL_MAX_DEPTH   32 /* nested sections */
#define TMPL_MAX_PARTIAL 8  /* nested partials */

typedef struct {
    json_t *stack[TMPL_MAX_DEPTH];
    int depth;
    int partials;
} tstate;

/* One character per escaped byte; the rest pass through unchanged. */
static const char *const escapes[256] = {
    ['&'] = "&amp;",  ['<'] = "&lt;",  ['>'] = "&gt;", ['"'] = "&quot;",
    ['\''] = "&#39;", ['`'] = "&#96;", ['='] = "&#61;",
};

int gk_html_escape(gk_buf *out, const char *s, size_t n)
{
    size_t i, run = 0;
    int error = 0;

    for (i = 0; i < n && error == 0; i++) {
        const char *e = escapes[(unsigned char)s[i]];

        if (!e)
            continue;
        error = gk_buf_put(out, s + run, i - run);
        if (error == 0)
            error = gk_buf_puts(out, e);
        run = i + 1;
    }
    if (error == 0)
        error = gk_buf_put(out, s + run, n - run);
    return error;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trims s[*b..*e) of spaces. */
static void trim(const char *s, size_t *b, size_t *e)
{
    while (*b < *e && is_space(s[*b]))
        (*b)++;
    while (*e > *b && is_space(s[*e - 1]))
        (*e)--;
}

/* Resolves a dotted name against the context stack, innermost first. */
static json_t *lookup(const tstate *t, const char *name, size_t n)
{
    size_t seg = 0;
    json_t *v = NULL;
    char key[128];
    int d;

    if (n == 1 && name[0] == '.')
        return t->depth ? t->stack[t->depth - 1] : NULL;
    while (seg < n && name[seg] != '.')
        seg++;
    if (seg >= sizeof(key))
        return NULL;
    memcpy(key, name, seg);
    key[seg] = '\0';
    for (d = t->depth - 1; d >= 0 && !v; d--)
        if (json_is_object(t->stack[d]))
            v = json_object_get(t->stack[d], key);
    while (v && seg < n) {
        size_t start = ++seg;

        while (seg < n && name[seg] != '.')
            seg++;
        if (seg - start >= sizeof(key))
            return NULL;
        memcpy(key, name + start, seg - start);
        key[seg - start] = '\0';
        v = json_is_object(v) ? json_object_get(v, key) : NULL;
    }
    return v;
}

static bool truthy(const json_t *v)
{
    if (!v)
        return false;
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return true;
    case JSON_ARRAY:
        return json_array_size(v) > 0;
    case JSON_STRING:
        return json_string_length(v) > 0;
    case JSON_INTEGER:
        return json_integer_value(v) != 0;
    case JSON_REAL:
        return json_real_value(v) < 0 || json_real_value(v) > 0;
    case JSON_TRUE:
        return true;
    default:
        return false;
    }
}

static int emit_value(gk_buf *out, const json_t *v, bool raw)
{
    if (json_is_string(v))
        return raw ? gk_buf_put(out, json_string_value(v), json_string_length(v))
                   : gk_html_escape(out, json_string_value(v), json_string_length(v));
    if (json_is_integer(v))
        return gk_buf_printf(out, "%lld", (long long)json_integer_value(v));
    if (json_is_real(v))
        return gk_buf_printf(out, "%g", json_real_value(v));
    return 0; /* null, booleans, containers and missing names print nothing */
}

static int tmpl_error(size_t off, const char *what)
{
    gk_error_set(GK_ERRCLASS_HTTP, "template: %s at byte %zu", what, off);
    return GK_EINVALID;
}

/* Finds "{{" at or after i; returns len when none. */
static size_t next_open(const char *s, size_t len, size_t i)
{
    for (; i + 1 < len; i++)
        if (s[i] == '{' && s[i + 1] == '{')
            return i;
    return len;
}

/* Finds the closing delimiter `close` from i; returns len when none. */
static size_t find_close(const char *s, size_t len, size_t i, const char *close)
{
    size_t cn = strlen(close);

    for (; i + cn <= len; i++)
        if (!memcmp(s + i, close, cn))
            return i;
    return len;
}

/* From body start `i`, finds the {{/name}} that closes the section,
 * skipping nested sections. *close_at = offset of its "{{", *after = just
 * past its "}}". */
static int section_end(const char *s, size_t len, size_t i, const char *name, size_t nlen,
                       size_t *close_at, size_t *after)
{
    int depth = 0;

    for (;;) {
        size_t o = next_open(s, len, i), c, b, e;

        if (o == len)
            return tmpl_error(i, "unclosed section");
        c = find_close(s, len, o + 2, "}}");
        if (c == len)
            return tmpl_error(o, "unclosed tag");
        b = o + 3;
        e = c;
        if (s[o + 2] == '#' || s[o + 2] == '^') {
            depth++;
        } else if (s[o + 2] == '/') {
            trim(s, &b, &e);
            if (depth == 0) {
                if (e - b != nlen || memcmp(s + b, name, nlen))
                    return tmpl_error(o, "mismatched section close");
                *close_at = o;
                *after = c + 2;
                return 0;
            }
            depth--;
        }
        i = c + 2;
    }
}

static int render(gk_buf *out, const char *s, size_t len, tstate *t);

static int partial(gk_buf *out, const char *name, size_t n, tstate *t, size_t off)
{
    char path[128];
    const gk_http_asset *a;
    int error;

    if (n + 6 > sizeof(path))
        return tmpl_error(off, "partial name too long");
    memcpy(path, name, n);
    memcpy(path + n, ".html", 6);
    a = gk_http__asset_find(path);
    if (!a)
        return tmpl_error(off, "unknown partial");
    if (t->partials >= TMPL_MAX_PARTIAL)
        return tmpl_error(off, "partials nested too deeply");
    t->partials++;
    error = render(out, (const char *)a->data, a->len, t);
    t->partials--;
    return error;
}

static int section(gk_buf *out, const char *s, size_t len, tstate *t, char kind, json_t *v)
{
    size_t i;
    int error = 0;

    if (kind == '^')
        return truthy(v) ? 0 : render(out, s, len, t);
    if (!truthy(v))
        return 0;
    if (t->depth >= TMPL_MAX_DEPTH)
        return tmpl_error(0, "sections nested too deeply");
    if (json_is_array(v)) {
        for (i = 0; i < json_array_size(v) && error == 0; i++) {
            t->stack[t->depth++] = json_array_get(v, i);
            error = render(out, s, len, t);
            t->depth--;
        }
        return error;
    }
    t->stack[t->depth++] = v;
    error = render(out, s, len, t);
    t->depth--;
    return error;
}

static int render(gk_buf *out, const char *s, size_t len, tstate *t)
{
    size_t i = 0;
    int error = 0;

    while (i < len && error == 0) {
        size_t o = next_open(s, len, i), c, b, e;
        char kind;

        error = gk_buf_put(out, s + i, o - i);
        if (error < 0 || o == len)
            break;
        if (o + 2 < len && s[o + 2] == '{') {
            c = find_close(s, len, o + 3, "}}}");
            if (c == len)
                return tmpl_error(o, "unclosed raw tag");
            b = o + 3;
            e = c;
            trim(s, &b, &e);
            error = emit_value(out, lookup(t, s + b, e - b), true);
            i = c + 3;
            continue;
        }
        c = find_close(s, len, o + 2, "}}");
        if (c == len)
            return tmpl_error(o, "unclosed tag");
        kind = s[o + 2];
        b = o + 2;
        e = c;
        if (kind == '#' || kind == '^' || kind == '/' || kind == '!' || kind == '>')
            b++;
        trim(s, &b, &e);
        i = c + 2;
        switch (kind) {
        case '!':
            break;
        case '/':
            return tmpl_error(o, "section close without an open");
        case '>':
            error = partial(out, s + b, e - b, t, o);
            break;
        case '#':
        case '^': {
            size_t close_at, after;

            error = section_end(s, len, i, s + b, e - b, &close_at, &after);
            if (error < 0)
                return error;
            error = section(out, s + i, close_at - i, t, kind, lookup(t, s + b, e - b));
            i = after;
            break;
        }
        default:
            error = emit_value(out, lookup(t, s + b, e - b), false);
        }
    }
    return error;
}

int gk_tmpl_render(gk_buf *out, const char *src, size_t len, json_t *ctx)
{
    tstate t;

    memset(&t, 0, sizeof(t));
    t.stack[t.depth++] = ctx;
    return render(out, src, len, &t);
}

int gk_tmpl_render_asset(gk_buf *out, const char *name, json_t *ctx)
{
    const gk_http_asset *a = gk_http__asset_find(name);

    if (!a) {
        gk_error_set(GK_ERRCLASS_HTTP, "no template '%s'", name);
        return GK_ENOTFOUND;
    }
    return gk_tmpl_render(out, (const char *)a->data, a->len, ctx);
}
