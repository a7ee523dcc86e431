/*
 * html_gumbo.c: the reference grid, built from gumbo's full HTML5 tree. Not
 * on the hot path: tests and the fuzz target compare html_lex.c's grid with
 * this one. Same reading rules as html_lex.c (see there).
 */
#include <gumbo.h>
#include "parse/parse_int.h"

typedef struct {
    gk_grid *g;
    int error;
} gq;

static int put_ws(gk_buf *b, const char *s, size_t n)
{
    size_t i;
    int error = 0;

    for (i = 0; i < n && !error; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (b->len && b->ptr[b->len - 1] != ' ')
                error = gk_buf_putc(b, ' ');
        } else {
            error = gk_buf_putc(b, c);
        }
    }
    return error;
}

static void emit_table(gq *q, const GumboNode *table, unsigned depth);

/* Text of a cell; nested tables are emitted as their own rows first. */
static void cell_text(gq *q, const GumboNode *n, gk_buf *b, unsigned depth)
{
    size_t i;

    if (q->error)
        return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
        q->error = put_ws(b, n->v.text.text, strlen(n->v.text.text));
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT)
        return;
    switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
        return;
    case GUMBO_TAG_TABLE:
        if (depth < GK_PARSE_MAX_DEPTH) {
            emit_table(q, n, depth + 1);
            return;
        }
        break;
    default:
        break;
    }
    for (i = 0; i < n->v.element.children.length; i++)
        cell_text(q, n->v.element.children.data[i], b, depth);
}

static unsigned span_attr(const GumboNode *n, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    unsigned x = 0;
    const char *p;

    if (!a)
        return 1;
    for (p = a->value; *p == ' '; p++)
        ;
    for (; *p >= '0' && *p <= '9'; p++)
        if (x < 100000)
            x = x * 10 + (unsigned)(*p - '0');
    return x ? x : 1;
}

static void emit_row(gq *q, const GumboNode *tr, uint32_t id, unsigned depth)
{
    gk_buf *texts;
    const GumboNode **cells;
    size_t i, n = 0, k;

    texts = gk_calloc(GK_PARSE_MAX_ROW_CELLS, sizeof(*texts));
    cells = gk_calloc(GK_PARSE_MAX_ROW_CELLS, sizeof(*cells));
    if (!texts || !cells) {
        q->error = GK_ENOMEM;
        goto done;
    }
    for (i = 0; i < tr->v.element.children.length && !q->error; i++) {
        const GumboNode *c = tr->v.element.children.data[i];
        if (c->type != GUMBO_NODE_ELEMENT ||
            (c->v.element.tag != GUMBO_TAG_TD && c->v.element.tag != GUMBO_TAG_TH))
            continue;
        if (n < GK_PARSE_MAX_ROW_CELLS) {
            gk_buf_init(&texts[n], GK_BUF_DEFAULT_MAX);
            cells[n] = c;
            for (k = 0; k < c->v.element.children.length; k++)
                cell_text(q, c->v.element.children.data[k], &texts[n], depth);
            n++;
        } else {
            gk_buf scratch = GK_BUF_INIT;
            for (k = 0; k < c->v.element.children.length; k++)
                cell_text(q, c->v.element.children.data[k], &scratch, depth);
            gk_buf_release(&scratch);
        }
    }
    if (n && !q->error && (q->error = gk_grid_row(q->g, id, true)) == 0) {
        for (i = 0; i < n && !q->error; i++) {
            const char *p = texts[i].ptr ? texts[i].ptr : "";
            size_t l = texts[i].len;
            gk_srcpos pos;
            while (l && *p == ' ') {
                p++;
                l--;
            }
            while (l && p[l - 1] == ' ')
                l--;
            pos.line = cells[i]->v.element.start_pos.line;
            pos.col = cells[i]->v.element.start_pos.column + 1;
            q->error = gk_grid_cell(q->g, p, l, pos, span_attr(cells[i], "colspan"),
                                    span_attr(cells[i], "rowspan"), true);
        }
    }
done:
    if (texts)
        for (i = 0; i < n; i++)
            gk_buf_release(&texts[i]);
    gk_free(texts);
    gk_free(cells);
}

static void walk_rows(gq *q, const GumboNode *n, uint32_t id, unsigned depth)
{
    size_t i;

    for (i = 0; i < n->v.element.children.length && !q->error; i++) {
        const GumboNode *c = n->v.element.children.data[i];
        if (c->type != GUMBO_NODE_ELEMENT)
            continue;
        if (c->v.element.tag == GUMBO_TAG_TR)
            emit_row(q, c, id, depth);
        else if (c->v.element.tag == GUMBO_TAG_TBODY || c->v.element.tag == GUMBO_TAG_THEAD ||
                 c->v.element.tag == GUMBO_TAG_TFOOT)
            walk_rows(q, c, id, depth);
    }
}

static void emit_table(gq *q, const GumboNode *table, unsigned depth)
{
    uint32_t id = ++q->g->ntables;
    walk_rows(q, table, id, depth);
}

/* Outer tables in document order (iterative, so deep nesting cannot blow
 * the C stack outside tables). */
static void find_tables(gq *q, const GumboNode *root)
{
    const GumboNode **stack;
    size_t *next, sp = 0;
    const size_t cap = 4096;

    stack = gk_calloc(cap, sizeof(*stack));
    next = gk_calloc(cap, sizeof(*next));
    if (!stack || !next) {
        q->error = GK_ENOMEM;
        goto done;
    }
    stack[0] = root;
    next[0] = 0;
    sp = 1;
    while (sp && !q->error) {
        const GumboNode *n = stack[sp - 1];
        const GumboVector *ch;
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) {
            sp--;
            continue;
        }
        ch = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
        if (next[sp - 1] >= ch->length) {
            sp--;
            continue;
        }
        n = ch->data[next[sp - 1]++];
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        if (n->v.element.tag == GUMBO_TAG_TABLE) {
            emit_table(q, n, 1);
            continue;
        }
        if (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE ||
            n->v.element.tag == GUMBO_TAG_TEMPLATE || sp >= cap)
            continue;
        stack[sp] = n;
        next[sp] = 0;
        sp++;
    }
done:
    gk_free(stack);
    gk_free(next);
}

int gk_parse__gumbo_grid(gk_grid *g, const char *s, size_t len)
{
    GumboOptions opts = kGumboDefaultOptions;
    GumboOutput *out;
    gq q = {g, 0};

    opts.max_errors = 0;
    out = gumbo_parse_with_options(&opts, s, len);
    if (!out)
        return gk__oom();
    find_tables(&q, out->document);
    gumbo_destroy_output(&opts, out);
    return q.error;
}
