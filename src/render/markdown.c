/*
 * markdown.c: the annual report as GitHub-flavoured Markdown. GFM tables
 * have no spans, so each part of an official table (layout.h) becomes one
 * GFM table whose rows are self-describing:
 *
 * - columns are the leaf headers of the part (the header cell covering the
 *   last header row); a column's title joins every header above it with
 *   " / " ("申请人情况 / 法人或其他组织 / 商业企业"); a full-width caption
 *   ("第二十条第（一）项") goes to the first column only;
 * - the row-label column joins every label covering the row, so a spanned
 *   label is repeated on each of its rows
 *   ("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密");
 * - a NOTE spanning the value columns is printed in its first column.
 */
#include "escape.h"
#include "layout.h"
#include "render_int.h"

#define JOIN " / "

typedef struct {
    gk_buf *out;
    bool first; /* no block written yet */
} md_ctx;

/* Starts a block: blocks are separated by one blank line. */
static int block(md_ctx *ctx)
{
    int error = 0;

    if (!ctx->first)
        error = gk_buf_putc(ctx->out, '\n');
    ctx->first = false;
    return error;
}

static int md_put(gk_buf *out, const char *s, bool line_start)
{
    return gk_render__put_md(out, s, strlen(s), line_start);
}

static int md_begin(void *vctx, const gk_report *r, const char *title)
{
    md_ctx *ctx = vctx;
    int error = block(ctx);

    (void)r;
    if (error == 0)
        error = gk_buf_puts(ctx->out, "# ");
    if (error == 0)
        error = md_put(ctx->out, title, false);
    return error ? error : gk_buf_putc(ctx->out, '\n');
}

static int md_heading(void *vctx, const char *heading)
{
    md_ctx *ctx = vctx;
    int error = block(ctx);

    if (error == 0)
        error = gk_buf_puts(ctx->out, "## ");
    if (error == 0)
        error = md_put(ctx->out, heading, false);
    return error ? error : gk_buf_putc(ctx->out, '\n');
}

static int md_paragraph(void *vctx, const char *text, size_t len)
{
    md_ctx *ctx = vctx;
    int error = block(ctx);

    if (error == 0)
        error = gk_render__put_md(ctx->out, text, len, true);
    return error ? error : gk_buf_putc(ctx->out, '\n');
}

static int md_note(void *vctx, const char *text)
{
    md_ctx *ctx = vctx;
    int error = block(ctx);

    if (error == 0)
        error = gk_buf_putc(ctx->out, '*');
    if (error == 0)
        error = md_put(ctx->out, text, false);
    return error ? error : gk_buf_puts(ctx->out, "*\n");
}

/* Leaf header cells of a part, in column order; returns their number. */
static size_t part_leaves(const gk_layout_table *t, const gk_lpart *p, const gk_lcell **leaves)
{
    size_t n = 0;
    int col = 0, last_head = p->first_row + p->nhead - 1;

    while (col < t->ncols) {
        const gk_lcell *c = gk_render__layout_at(t, last_head, col);
        leaves[n++] = c;
        col = c->col + c->colspan;
    }
    return n;
}

/* Joins the distinct cells covering (rows [r0, r1), columns of leaf) that
 * pass keep(); writes them escaped, separated by JOIN. */
static int put_joined(gk_buf *out, const gk_layout_table *t, int r0, int r1, const gk_lcell *leaf,
                      bool with_caption)
{
    const gk_lcell *prev = NULL;
    bool any = false;
    int row, col, error = 0;

    for (row = r0; row < r1 && error == 0; row++)
        for (col = leaf->col; col < leaf->col + leaf->colspan && error == 0; col++) {
            const gk_lcell *c = gk_render__layout_at(t, row, col);
            if (c == prev || (c->kind == GK_LCELL_CAPTION && !with_caption))
                continue;
            prev = c;
            if (any)
                error = gk_buf_puts(out, JOIN);
            if (error == 0)
                error = md_put(out, c->text, false);
            any = true;
        }
    return error;
}

static int put_value_cell(gk_buf *out, const gk_layout_table *t, int row, const gk_lcell *leaf)
{
    const gk_lcell *c = gk_render__layout_at(t, row, leaf->col);
    char num[64];

    /* a NOTE over several columns prints once, in its first column */
    if (c->kind == GK_LCELL_NOTE && c->col != leaf->col)
        return 0;
    return md_put(out, gk_render__cell_text(c, num, sizeof num), false);
}

static int put_part(gk_buf *out, const gk_layout_table *t, const gk_lpart *p)
{
    const gk_lcell *leaves[GK_LAYOUT_MAX_COLS];
    size_t n = part_leaves(t, p, leaves), i;
    int row, head_end = p->first_row + p->nhead, end = p->first_row + p->nrows, error;

    error = gk_buf_putc(out, '|');
    for (i = 0; i < n && error == 0; i++) {
        error = gk_buf_putc(out, ' ');
        if (error == 0)
            error = put_joined(out, t, p->first_row, head_end, leaves[i], i == 0);
        if (error == 0)
            error = gk_buf_puts(out, " |");
    }
    if (error == 0)
        error = gk_buf_putc(out, '\n');
    if (error == 0)
        error = gk_buf_putc(out, '|');
    for (i = 0; i < n && error == 0; i++)
        error = gk_buf_puts(out, leaves[i]->col < t->nlabel ? " :--- |" : " ---: |");
    if (error == 0)
        error = gk_buf_putc(out, '\n');

    for (row = head_end; row < end && error == 0; row++) {
        error = gk_buf_putc(out, '|');
        for (i = 0; i < n && error == 0; i++) {
            error = gk_buf_putc(out, ' ');
            if (error == 0 && leaves[i]->col < t->nlabel)
                error = put_joined(out, t, row, row + 1, leaves[i], false);
            else if (error == 0)
                error = put_value_cell(out, t, row, leaves[i]);
            if (error == 0)
                error = gk_buf_puts(out, " |");
        }
        if (error == 0)
            error = gk_buf_putc(out, '\n');
    }
    return error;
}

static int md_table(void *vctx, const gk_layout_table *t)
{
    md_ctx *ctx = vctx;
    size_t p;
    int error = 0;

    for (p = 0; p < t->nparts && error == 0; p++) {
        error = block(ctx);
        if (error == 0)
            error = put_part(ctx->out, t, &t->parts[p]);
    }
    return error;
}

static int md_end(void *vctx)
{
    (void)vctx;
    return 0;
}

static const gk_render_ops md_ops = {
    md_begin, md_heading, md_paragraph, md_table, md_note, md_end,
};

int gk_render__markdown(gk_buf *out, const gk_report *r)
{
    md_ctx ctx = {out, true};

    GK_ASSERT_ARG(out && r);
    return gk_render__walk(r, &md_ops, &ctx);
}
