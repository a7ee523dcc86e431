/*
 * text.c: the annual report as plain text for a terminal. Tables are drawn
 * with ASCII rules (box-drawing characters are "ambiguous width" and break
 * alignment in CJK terminals) and keep the official spans of layout.h: a
 * spanned cell is one box, and its text, wrapped to the box width by
 * display columns (gk_utf8_width: a CJK character is 2 columns), flows
 * down through the rows it spans and is centred vertically. So
 * "三、本年度办理结果" stands in a narrow column beside the result rows as on
 * the printed form.
 *
 * Geometry: each grid column c has a width w[c]; a line is
 * "| " cell " | " cell " |", so a cell over k columns is
 * sum(w) + 3(k-1) wide. Every grid row r is a band of h[r] lines, and bands
 * are separated by rule lines; a cell that spans rows also owns the rule
 * lines between its rows (its text continues there).
 */
#include "escape.h"
#include "layout.h"
#include "render_int.h"
#include "util/utf8.h"

/* A value never wraps; a long unreadable text widens its column up to this. */
#define MAX_VALUE_WIDTH 24
#define PARA_INDENT     "\xE3\x80\x80\xE3\x80\x80" /* two ideographic spaces */

typedef struct {
    gk_buf *out;
} text_ctx;

/* Per-table drawing state. */
typedef struct {
    const gk_layout_table *t;
    gk_buf texts;                      /* the cells' cleaned texts, back to back */
    size_t off[GK_LAYOUT_MAX_CELLS];   /* text of cell i: texts.ptr[off[i] .. off[i]+len[i]) */
    size_t len[GK_LAYOUT_MAX_CELLS];
    size_t nlines[GK_LAYOUT_MAX_CELLS];
    size_t first[GK_LAYOUT_MAX_CELLS]; /* index of the cell's first line in lines */
    gk_buf lines;                      /* (start, end) offset pairs of the wrapped lines */
    size_t w[GK_LAYOUT_MAX_COLS];      /* column widths */
    size_t h[GK_LAYOUT_MAX_ROWS];      /* band heights */
    size_t pl[GK_LAYOUT_MAX_ROWS];     /* first physical line of each band */
} grid;

/* Appends the lines of s[0..n) wrapped at display width w (breaking
 * between code points) to g->lines as (start, end) offsets; one pass, so a
 * huge cell text costs linear time. */
static int wrap(grid *g, const char *s, size_t n, size_t w)
{
    size_t pos = 0;
    int error;

    while (pos < n) {
        size_t start = pos, width = 0, pair[2];
        while (pos < n) {
            size_t next = pos;
            int32_t cp = gk_utf8_next(s, n, &next);
            size_t cw = cp < 0 ? 1 : (size_t)gk_utf8_cp_width(cp);
            if (width + cw > w && pos > start)
                break;
            width += cw;
            pos = next;
        }
        pair[0] = start;
        pair[1] = pos;
        error = gk_buf_put(&g->lines, pair, sizeof pair);
        if (error < 0)
            return error;
    }
    return 0;
}

static size_t cell_width(const grid *g, const gk_lcell *c)
{
    size_t w = 3 * (size_t)(c->colspan - 1);
    int k;

    for (k = c->col; k < c->col + c->colspan; k++)
        w += g->w[k];
    return w;
}

/* Cleans every cell's text, sizes columns and bands. */
static int measure(grid *g)
{
    const gk_layout_table *t = g->t;
    size_t i, total;
    int c, r, error = 0;

    for (c = 0; c < t->ncols; c++)
        g->w[c] = t->width[c] ? t->width[c] : 4;
    for (i = 0; i < t->ncells && error == 0; i++) {
        const gk_lcell *cell = &t->cells[i];
        char num[64];
        const char *s = gk_render__cell_text(cell, num, sizeof num);

        g->off[i] = g->texts.len;
        error = gk_render__put_plain(&g->texts, s, strlen(s));
        g->len[i] = g->texts.len - g->off[i];
        if (error == 0 && cell->kind == GK_LCELL_VALUE && cell->colspan == 1) {
            size_t vw = gk_utf8_width(g->texts.ptr + g->off[i], g->len[i]);
            if (vw > MAX_VALUE_WIDTH)
                vw = MAX_VALUE_WIDTH;
            if (vw > g->w[cell->col])
                g->w[cell->col] = vw;
        }
    }
    if (error)
        return error;
    for (r = 0; r < t->nrows; r++)
        g->h[r] = 1;
    for (i = 0; i < t->ncells && error == 0; i++) {
        const gk_lcell *cell = &t->cells[i];
        size_t before = g->lines.len / (2 * sizeof(size_t));
        error = wrap(g, g->texts.ptr + g->off[i], g->len[i], cell_width(g, cell));
        g->first[i] = before;
        g->nlines[i] = g->lines.len / (2 * sizeof(size_t)) - before;
        if (cell->rowspan == 1 && g->nlines[i] > g->h[cell->row])
            g->h[cell->row] = g->nlines[i];
    }
    if (error)
        return error;
    /* A spanning cell may use its bands and the rules between them; if that
     * is not enough, its last band grows. */
    for (i = 0; i < t->ncells; i++) {
        const gk_lcell *cell = &t->cells[i];
        if (cell->rowspan == 1)
            continue;
        total = (size_t)cell->rowspan - 1;
        for (r = cell->row; r < cell->row + cell->rowspan; r++)
            total += g->h[r];
        if (g->nlines[i] > total)
            g->h[cell->row + cell->rowspan - 1] += g->nlines[i] - total;
    }
    total = 1;
    for (r = 0; r < t->nrows; r++) {
        g->pl[r] = total;
        total += g->h[r] + 1;
    }
    return 0;
}

static int put_repeat(gk_buf *out, char c, size_t n)
{
    int error = 0;

    while (n-- && error == 0)
        error = gk_buf_putc(out, c);
    return error;
}

/* Writes the part of cell i that falls on physical line L, padded to the
 * cell's width with one space each side. */
static int put_cell_line(gk_buf *out, const grid *g, size_t i, size_t L)
{
    const gk_lcell *c = &g->t->cells[i];
    size_t top = g->pl[c->row], last = (size_t)c->row + c->rowspan - 1;
    size_t region = g->pl[last] + g->h[last] - top, voff = (region - g->nlines[i]) / 2;
    size_t width = cell_width(g, c), b = 0, e = 0, tw = 0, left = 0;
    const char *s = g->texts.ptr + g->off[i];
    int error;

    if (L >= top + voff && L - top - voff < g->nlines[i]) {
        size_t pair[2];
        memcpy(pair, g->lines.ptr + (g->first[i] + L - top - voff) * sizeof pair, sizeof pair);
        b = pair[0];
        e = pair[1];
        tw = gk_utf8_width(s + b, e - b);
    }
    if (tw < width) {
        if (c->kind == GK_LCELL_VALUE)
            left = width - tw;
        else if (c->kind != GK_LCELL_LABEL)
            left = (width - tw) / 2;
    }
    error = put_repeat(out, ' ', 1 + left);
    if (error == 0)
        error = gk_buf_put(out, s + b, e - b);
    return error ? error : put_repeat(out, ' ', width - tw - left + 1);
}

static int put_content_line(gk_buf *out, const grid *g, int row, size_t L)
{
    const gk_layout_table *t = g->t;
    int col = 0, error = 0;

    while (col < t->ncols && error == 0) {
        const gk_lcell *c = gk_render__layout_at(t, row, col);
        error = gk_buf_putc(out, '|');
        if (error == 0)
            error = put_cell_line(out, g, (size_t)(c - t->cells), L);
        col = c->col + c->colspan;
    }
    return error ? error : gk_buf_puts(out, "|\n");
}

/* The rule between grid rows a and a+1 (a = -1: top border; a = nrows-1:
 * bottom border) on physical line L. */
static int put_rule_line(gk_buf *out, const grid *g, int a, size_t L)
{
    const gk_layout_table *t = g->t;
    int b = a + 1, col;
    bool cont[GK_LAYOUT_MAX_COLS];
    int error = 0;

    for (col = 0; col < t->ncols; col++)
        cont[col] = a >= 0 && b < t->nrows && t->at[a][col] == t->at[b][col];
    for (col = 0; col <= t->ncols && error == 0; col++) {
        bool edge = col == 0 || col == t->ncols;
        bool v_above = a >= 0 && (edge || t->at[a][col - 1] != t->at[a][col]);
        bool v_below = b < t->nrows && (edge || t->at[b][col - 1] != t->at[b][col]);
        bool h_left = col > 0 && !cont[col - 1], h_right = col < t->ncols && !cont[col];
        char ch = (h_left || h_right) ? ((v_above || v_below) ? '+' : '-')
                                      : ((v_above || v_below) ? '|' : ' ');

        error = gk_buf_putc(out, ch);
        if (error || col == t->ncols)
            break;
        if (cont[col]) {
            /* a cell spanning both rows: its text continues on the rule */
            const gk_lcell *c = gk_render__layout_at(t, a, col);
            error = put_cell_line(out, g, (size_t)(c - t->cells), L);
            col = c->col + c->colspan - 1;
        } else {
            error = put_repeat(out, '-', g->w[col] + 2);
        }
    }
    return error ? error : gk_buf_putc(out, '\n');
}

static int draw(gk_buf *out, const grid *g)
{
    const gk_layout_table *t = g->t;
    int r, error = put_rule_line(out, g, -1, 0);
    size_t L;

    for (r = 0; r < t->nrows && error == 0; r++) {
        for (L = g->pl[r]; L < g->pl[r] + g->h[r] && error == 0; L++)
            error = put_content_line(out, g, r, L);
        if (error == 0)
            error = put_rule_line(out, g, r, g->pl[r] + g->h[r]);
    }
    return error;
}

static int text_table(void *vctx, const gk_layout_table *t)
{
    text_ctx *ctx = vctx;
    grid *g = gk_calloc(1, sizeof *g);
    int error;

    if (!g)
        return gk__oom();
    g->t = t;
    gk_buf_init(&g->texts, GK_BUF_DEFAULT_MAX);
    gk_buf_init(&g->lines, GK_BUF_DEFAULT_MAX);
    /* texts.ptr and lines.ptr are never NULL below */
    error = gk_buf_grow(&g->texts, 1024);
    if (error == 0)
        error = gk_buf_grow(&g->lines, 1024);
    if (error == 0)
        error = gk_buf_putc(ctx->out, '\n');
    if (error == 0)
        error = measure(g);
    if (error == 0)
        error = draw(ctx->out, g);
    gk_buf_release(&g->texts);
    gk_buf_release(&g->lines);
    gk_free(g);
    return error;
}

static int text_begin(void *vctx, const gk_report *r, const char *title)
{
    text_ctx *ctx = vctx;
    size_t start = ctx->out->len;
    int error = gk_render__put_plain(ctx->out, title, strlen(title));

    (void)r;
    if (error == 0)
        error = gk_buf_putc(ctx->out, '\n');
    if (error == 0)
        error = put_repeat(ctx->out, '=',
                           gk_utf8_width(ctx->out->ptr + start, ctx->out->len - start - 1));
    return error ? error : gk_buf_putc(ctx->out, '\n');
}

static int text_heading(void *vctx, const char *heading)
{
    text_ctx *ctx = vctx;
    int error = gk_buf_putc(ctx->out, '\n');

    if (error == 0)
        error = gk_render__put_plain(ctx->out, heading, strlen(heading));
    return error ? error : gk_buf_putc(ctx->out, '\n');
}

static int text_paragraph(void *vctx, const char *s, size_t len)
{
    text_ctx *ctx = vctx;
    int error = gk_buf_puts(ctx->out, PARA_INDENT);

    if (error == 0)
        error = gk_render__put_plain(ctx->out, s, len);
    return error ? error : gk_buf_putc(ctx->out, '\n');
}

static int text_note(void *vctx, const char *s)
{
    text_ctx *ctx = vctx;

    return text_paragraph(ctx, s, strlen(s));
}

static int text_end(void *vctx)
{
    (void)vctx;
    return 0;
}

static const gk_render_ops text_ops = {
    text_begin, text_heading, text_paragraph, text_table, text_note, text_end,
};

int gk_render__text(gk_buf *out, const gk_report *r)
{
    text_ctx ctx = {out};

    GK_ASSERT_ARG(out && r);
    return gk_render__walk(r, &text_ops, &ctx);
}
