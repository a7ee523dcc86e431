/*
 * html_lex.c: a table-focused HTML tokenizer of our own (the hot path; gumbo
 * builds a full tree at ~250 pages/s, this reads 1,000s). One pass extracts
 * the tables (rows, cells with colspan/rowspan, cell text with character
 * references decoded) and the text outside tables, one grid row per block.
 *
 * It agrees with gumbo's tree (html_gumbo.c) on the table grid of every
 * corpus page; the tests compare them. Rules shared with gumbo's reading:
 *  - a cell's text is all text inside it, tags dropped (Word's
 *    "申请人情</span><span>况" reads 申请人情况), white space collapsed;
 *  - a nested table's rows come before the row of the cell that holds it;
 *  - text directly inside <table> but outside cells is not table text;
 *  - script, style, template, textarea, noscript and comments are skipped.
 * Tables nested deeper than GK_PARSE_MAX_DEPTH are read as text of the cell
 * that holds them.
 */
#include <strings.h>
#include "parse/parse_int.h"
#include "util/utf8.h"

typedef struct {
    size_t off, len;
    gk_srcpos pos;
    unsigned colspan, rowspan;
} pend_cell;

typedef struct {
    uint32_t id;
    bool in_row, in_cell;
    gk_buf text;       /* the texts of the pending row's cells, back to back */
    pend_cell *cells;  /* the pending row */
    size_t ncells, cap;
    size_t cell_start; /* offset of the open cell's text */
    gk_srcpos cell_pos;
    unsigned colspan, rowspan;
    bool dropped; /* cells over GK_PARSE_MAX_ROW_CELLS were dropped */
} tbl;

typedef struct {
    gk_grid *g;
    const char *s;
    size_t len, pos;
    size_t line_at; /* line counting: position up to which lines are counted */
    uint32_t line;
    size_t line_start;
    tbl stack[GK_PARSE_MAX_DEPTH];
    size_t depth;
    size_t ignored_depth; /* <table> tags past the cap */
    gk_buf out;           /* text outside tables (current block) */
    gk_srcpos out_pos;
} lexer;

/* HTML's ASCII white space (all of it is at most ' '). */
static bool is_html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends text with runs of ASCII white space collapsed to one space. */
static int put_text(gk_buf *b, const char *s, size_t n)
{
    size_t i;
    int error = 0;

    for (i = 0; i < n && !error;) {
        size_t j = i;
        while (j < n && ((unsigned char)s[j] > ' ' || (s[j] && !is_html_space(s[j]))))
            j++;
        if (j > i)
            error = gk_buf_put(b, s + i, j - i); /* a run at once: the hot loop */
        /* HTML5 drops U+0000 in text ("in body": ignore the token), as gumbo
         * does; kept, it would cut the cell's C string short. */
        if (j < n && s[j] && !error && b->len && b->ptr[b->len - 1] != ' ')
            error = gk_buf_putc(b, ' ');
        i = j + 1;
    }
    return error;
}

static gk_srcpos where(lexer *L, size_t at)
{
    gk_srcpos p;

    while (L->line_at < at) {
        const char *nl = memchr(L->s + L->line_at, '\n', at - L->line_at);
        if (!nl) {
            L->line_at = at;
            break;
        }
        L->line++;
        L->line_at = (size_t)(nl - L->s) + 1;
        L->line_start = L->line_at;
    }
    p.line = L->line;
    p.col = (uint32_t)(at - L->line_start + 1);
    return p;
}

static gk_buf *target(lexer *L)
{
    if (L->depth) {
        tbl *t = &L->stack[L->depth - 1];
        return t->in_cell ? &t->text : NULL;
    }
    return &L->out;
}

static int flush_out(lexer *L)
{
    const char *p = L->out.ptr;
    size_t n = L->out.len;
    int error = 0;

    while (n && *p == ' ') {
        p++;
        n--;
    }
    while (n && p[n - 1] == ' ')
        n--;
    if (n) {
        error = gk_grid_row(L->g, 0, false);
        if (error == 0)
            error = gk_grid_cell(L->g, p, n, L->out_pos, 1, 1, false);
    }
    gk_buf_clear(&L->out);
    return error;
}

static int end_cell(tbl *t)
{
    pend_cell *c;

    if (!t->in_cell)
        return 0;
    t->in_cell = false;
    if (t->ncells >= GK_PARSE_MAX_ROW_CELLS) {
        t->text.len = t->cell_start; /* over the cap: dropped */
        t->dropped = true;
        return 0;
    }
    if (t->ncells == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 16;
        pend_cell *nc = gk_realloc(t->cells, ncap * sizeof(*nc));
        if (!nc)
            return gk__oom();
        t->cells = nc;
        t->cap = ncap;
    }
    c = &t->cells[t->ncells++];
    c->off = t->cell_start;
    c->len = t->text.len - t->cell_start;
    c->pos = t->cell_pos;
    c->colspan = t->colspan;
    c->rowspan = t->rowspan;
    return 0;
}

static int end_row(lexer *L, tbl *t)
{
    size_t i;
    int error;

    error = end_cell(t);
    if (error < 0)
        return error;
    if (t->dropped)
        L->g->truncated = true;
    if (t->in_row && t->ncells) {
        error = gk_grid_row(L->g, t->id, true);
        if (error < 0)
            return error;
        for (i = 0; i < t->ncells && !error; i++) {
            /* text.ptr is NULL while every cell so far was empty */
            const char *p = t->text.ptr ? t->text.ptr + t->cells[i].off : "";
            size_t n = t->cells[i].len;
            while (n && *p == ' ') {
                p++;
                n--;
            }
            while (n && p[n - 1] == ' ')
                n--;
            error = gk_grid_cell(L->g, p, n, t->cells[i].pos, t->cells[i].colspan,
                                 t->cells[i].rowspan, true);
        }
    }
    t->in_row = false;
    t->ncells = 0;
    gk_buf_clear(&t->text);
    return error;
}

static unsigned attr_uint(const char *v, size_t n)
{
    unsigned x = 0;
    size_t i = 0;

    while (i < n && (v[i] == ' ' || v[i] == '"' || v[i] == '\''))
        i++;
    for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
        if (x < 100000)
            x = x * 10 + (unsigned)(v[i] - '0');
    return x ? x : 1;
}

/* The tags the lexer acts on, each with what it does. Every other tag is
 * dropped with its attributes. */
typedef enum {
    TAG_OTHER,
    TAG_TABLE,
    TAG_TR,
    TAG_CELL,  /* td, th */
    TAG_BLOCK, /* ends a block of text outside tables */
    TAG_RAW,   /* content is not text of the page */
    TAG_TITLE  /* raw, and the page title */
} tag_kind;

typedef struct {
    const char *name; /* lower case */
    tag_kind kind;
} tag_desc;

/* By name length, so that a tag is compared with the few names of its
 * length only (a lookup per tag; Word pages have thousands of tags). */
static const tag_desc tags_1[] = {{"p", TAG_BLOCK}};
static const tag_desc tags_2[] = {
    {"td", TAG_CELL},  {"tr", TAG_TR},    {"th", TAG_CELL},  {"br", TAG_BLOCK},
    {"li", TAG_BLOCK}, {"ul", TAG_BLOCK}, {"ol", TAG_BLOCK}, {"h1", TAG_BLOCK},
    {"h2", TAG_BLOCK}, {"h3", TAG_BLOCK}, {"h4", TAG_BLOCK}, {"h5", TAG_BLOCK},
    {"h6", TAG_BLOCK}, {"hr", TAG_BLOCK}, {"dt", TAG_BLOCK}, {"dd", TAG_BLOCK}};
static const tag_desc tags_3[] = {{"div", TAG_BLOCK}, {"pre", TAG_BLOCK}, {"xmp", TAG_RAW}};
static const tag_desc tags_4[] = {{"body", TAG_BLOCK}};
static const tag_desc tags_5[] = {{"table", TAG_TABLE}, {"style", TAG_RAW}, {"title", TAG_TITLE}};
static const tag_desc tags_6[] = {{"header", TAG_BLOCK}, {"footer", TAG_BLOCK},
                                  {"center", TAG_BLOCK}, {"script", TAG_RAW},
                                  {"iframe", TAG_RAW}};
static const tag_desc tags_7[] = {
    {"section", TAG_BLOCK}, {"article", TAG_BLOCK}, {"noembed", TAG_RAW}};
static const tag_desc tags_8[] = {
    {"template", TAG_RAW}, {"textarea", TAG_RAW}, {"noscript", TAG_RAW}, {"noframes", TAG_RAW}};
static const tag_desc tags_10[] = {{"blockquote", TAG_BLOCK}};

#define TAGS(a) {a, GK_ARRAY_LEN(a)}
static const struct {
    const tag_desc *v;
    size_t n;
} tags_by_len[] = {
    {NULL, 0},      TAGS(tags_1), TAGS(tags_2), TAGS(tags_3), TAGS(tags_4), TAGS(tags_5),
    TAGS(tags_6),   TAGS(tags_7), TAGS(tags_8), {NULL, 0},    TAGS(tags_10),
};
#undef TAGS

/* What the tag called name (any case) does. */
static tag_kind tag_of(const char *name, size_t n)
{
    char low[GK_ARRAY_LEN(tags_by_len)];
    size_t i;

    if (n >= GK_ARRAY_LEN(tags_by_len))
        return TAG_OTHER;
    for (i = 0; i < n; i++)
        low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] | 0x20 : name[i]);
    for (i = 0; i < tags_by_len[n].n; i++) {
        const char *t = tags_by_len[n].v[i].name;
        size_t k = 0;
        while (k < n && t[k] == low[k]) /* n <= 10: no call to memcmp */
            k++;
        if (k == n)
            return tags_by_len[n].v[i].kind;
    }
    return TAG_OTHER;
}

/* Named references HTML5 also reads without the ';' (those we decode). */
static const char *const legacy_refs[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg",
                                          "times", "deg", "yen", "sect", "middot"};

/* Skips to the end tag </name>; returns the position after it. */
static size_t skip_raw(lexer *L, size_t from, const char *name, size_t n, size_t *content_end)
{
    size_t i = from;

    while (i < L->len) {
        const char *lt = memchr(L->s + i, '<', L->len - i);
        if (!lt)
            break;
        i = (size_t)(lt - L->s);
        if (i + 2 + n <= L->len && L->s[i + 1] == '/' && !strncasecmp(L->s + i + 2, name, n)) {
            const char *gt = memchr(L->s + i, '>', L->len - i);
            *content_end = i;
            return gt ? (size_t)(gt - L->s) + 1 : L->len;
        }
        i++;
    }
    *content_end = L->len;
    return L->len;
}

/* Reads colspan= and rowspan= in the attributes of a cell. */
static void cell_spans(tbl *t, const char *attrs, size_t alen)
{
    size_t i;

    for (i = 0; i + 7 < alen; i++) {
        char c = (char)(attrs[i] | 0x20);
        if ((c != 'c' && c != 'r') || (strncasecmp(attrs + i, "colspan", 7) != 0 &&
                                       strncasecmp(attrs + i, "rowspan", 7) != 0))
            continue; /* the first test skips the calls at almost every byte */
        {
            size_t j = i + 7;
            while (j < alen && attrs[j] == ' ')
                j++;
            if (j < alen && attrs[j] == '=') {
                unsigned v = attr_uint(attrs + j + 1, alen - j - 1);
                if (c == 'c')
                    t->colspan = v;
                else
                    t->rowspan = v;
            }
        }
    }
}

static int start_tag(lexer *L, tag_kind kind, size_t tag_at, const char *attrs, size_t alen)
{
    tbl *t = L->depth ? &L->stack[L->depth - 1] : NULL;
    int error = 0;

    if (kind == TAG_TABLE) {
        if (L->depth >= GK_PARSE_MAX_DEPTH) {
            L->ignored_depth++;
            L->g->truncated = true;
            return 0;
        }
        if (!L->depth && (error = flush_out(L)) < 0)
            return error;
        t = &L->stack[L->depth++];
        memset(t, 0, sizeof(*t));
        gk_buf_init(&t->text, GK_BUF_DEFAULT_MAX);
        t->id = ++L->g->ntables;
        return 0;
    }
    if (!t)
        return kind == TAG_BLOCK ? flush_out(L) : 0;
    if (L->ignored_depth)
        return 0;
    if (kind == TAG_TR) {
        error = end_row(L, t);
        if (error < 0)
            return error;
        t->in_row = true;
        return 0;
    }
    if (kind == TAG_CELL) {
        error = end_cell(t);
        if (error < 0)
            return error;
        t->in_row = true;
        t->in_cell = true;
        t->cell_start = t->text.len;
        t->cell_pos = where(L, tag_at);
        t->colspan = t->rowspan = 1;
        cell_spans(t, attrs, alen);
    }
    return 0;
}

static int end_tag(lexer *L, tag_kind kind)
{
    tbl *t = L->depth ? &L->stack[L->depth - 1] : NULL;
    int error = 0;

    if (!t)
        return kind == TAG_BLOCK ? flush_out(L) : 0;
    if (kind == TAG_TABLE) {
        if (L->ignored_depth) {
            L->ignored_depth--;
            return 0;
        }
        error = end_row(L, t);
        gk_buf_release(&t->text);
        gk_free(t->cells);
        L->depth--;
        return error;
    }
    if (L->ignored_depth)
        return 0;
    if (kind == TAG_TR)
        return end_row(L, t);
    if (kind == TAG_CELL)
        return end_cell(t);
    return 0;
}

static int lex(lexer *L)
{
    const char *s = L->s;
    size_t len = L->len;
    int error = 0;

    while (L->pos < len && !error) {
        size_t i = L->pos;
        char c = s[i];
        if (c == '<') {
            size_t j = i + 1, nstart, nend;
            bool close = false;
            tag_kind kind;
            if (j < len && s[j] == '!') {
                if (j + 2 < len && s[j + 1] == '-' && s[j + 2] == '-') {
                    const char *e = memmem(s + j + 3, len - j - 3, "-->", 3);
                    L->pos = e ? (size_t)(e - s) + 3 : len;
                } else {
                    const char *gt = memchr(s + j, '>', len - j);
                    L->pos = gt ? (size_t)(gt - s) + 1 : len;
                }
                continue;
            }
            if (j < len && s[j] == '?') {
                const char *gt = memchr(s + j, '>', len - j);
                L->pos = gt ? (size_t)(gt - s) + 1 : len;
                continue;
            }
            if (j < len && s[j] == '/') {
                close = true;
                j++;
            }
            if (j >= len || !((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')) {
                gk_buf *b = target(L);
                if (b && (error = put_text(b, "<", 1)) < 0)
                    break;
                L->pos = i + 1;
                continue;
            }
            nstart = j;
            while (j < len && s[j] != ' ' && s[j] != '>' && s[j] != '/' && s[j] != '\t' &&
                   s[j] != '\n' && s[j] != '\r' && s[j] != '\f')
                j++;
            nend = j;
            {
                /* attributes: up to '>' outside quotes */
                size_t astart = j;
                while (j < len && s[j] != '>') {
                    if (s[j] == '"' || s[j] == '\'') {
                        const char *q = memchr(s + j + 1, s[j], len - j - 1);
                        j = q ? (size_t)(q - s) + 1 : len;
                    } else {
                        j++;
                    }
                }
                L->pos = j < len ? j + 1 : len;
                kind = tag_of(s + nstart, nend - nstart);
                if (close) {
                    error = end_tag(L, kind);
                } else if (kind == TAG_RAW || kind == TAG_TITLE) {
                    size_t cend;
                    size_t after = skip_raw(L, L->pos, s + nstart, nend - nstart, &cend);
                    if (kind == TAG_TITLE && !L->g->title && !L->depth) {
                        gk_buf tb = GK_BUF_INIT;
                        if ((error = put_text(&tb, s + L->pos, cend - L->pos)) == 0 && tb.len) {
                            L->g->title = gk_arena_strndup(&L->g->arena, tb.ptr, tb.len);
                            if (!L->g->title)
                                error = GK_ENOMEM; /* the arena set the message */
                        }
                        gk_buf_release(&tb);
                    }
                    L->pos = after;
                } else {
                    error = start_tag(L, kind, i, s + astart, j - astart);
                }
            }
            continue;
        }
        if (c == '&') {
            size_t j = i + 1;
            gk_buf *b = target(L);
            while (j < len && j - i < 34 && (s[j] == '#' || (s[j] >= '0' && s[j] <= '9') ||
                                            ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')))
                j++;
            if (b && !b->len && b == &L->out)
                L->out_pos = where(L, i);
            if (j < len && s[j] == ';') {
                int32_t cp = gk_parse__entity(s + i + 1, j - i - 1);
                if (cp >= 0) {
                    if (b)
                        error = gk_utf8_put(b, cp);
                    L->pos = j + 1;
                    continue;
                }
            }
            {
                /* HTML5 legacy references work without ';' ("&amp" = "&"). */
                size_t k, ln = 0;
                for (k = 0; k < GK_ARRAY_LEN(legacy_refs); k++) {
                    size_t l = strlen(legacy_refs[k]);
                    if (l <= j - i - 1 && !memcmp(s + i + 1, legacy_refs[k], l) && l > ln)
                        ln = l;
                }
                if (ln) {
                    if (b)
                        error = gk_utf8_put(b, gk_parse__entity(s + i + 1, ln));
                    L->pos = i + 1 + ln;
                    continue;
                }
            }
            if (b)
                error = put_text(b, "&", 1);
            L->pos = i + 1;
            continue;
        }
        {
            size_t j = i;
            gk_buf *b = target(L);
            while (j < len && s[j] != '<' && s[j] != '&')
                j++;
            if (b) {
                if (!b->len && b == &L->out)
                    L->out_pos = where(L, i);
                error = put_text(b, s + i, j - i);
            }
            L->pos = j;
        }
    }
    /* Truncated input: close what is open. */
    while (!error && L->depth) {
        tbl *t = &L->stack[L->depth - 1];
        error = end_row(L, t);
        gk_buf_release(&t->text);
        gk_free(t->cells);
        L->depth--;
    }
    if (!error)
        error = flush_out(L);
    return error;
}

int gk_parse__html_grid(gk_grid *g, const char *s, size_t len)
{
    lexer L;
    int error;

    memset(&L, 0, sizeof(L));
    L.g = g;
    L.s = s;
    L.len = len;
    L.line = 1;
    gk_buf_init(&L.out, GK_BUF_DEFAULT_MAX);
    error = lex(&L);
    while (L.depth) {
        tbl *t = &L.stack[--L.depth];
        gk_buf_release(&t->text);
        gk_free(t->cells);
    }
    gk_buf_release(&L.out);
    gk_grid_trim(g);
    return error;
}
