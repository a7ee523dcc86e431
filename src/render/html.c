/*
 * html.c: the annual report as one standalone HTML page (UTF-8,
 * lang="zh-CN") with the tables in the official rowspan/colspan structure
 * (spec §1.3–1.5, built by layout.c), printable on A4, and no script: a
 * Content-Security-Policy forbids scripts even if markup slipped through,
 * and every report string is escaped (escape.c).
 *
 * No style attribute anywhere: column widths are classes (<col
 * class="w12"> = 12% of the table) defined by gk_render_html_css(), which
 * the standalone page embeds in its <style> block and `gongkai serve`
 * serves as /static/report.css, so the same markup keeps its official
 * widths under a strict CSP (style-src 'self') that blocks inline styles.
 */
#include <pthread.h>
#include <stdio.h>
#include "escape.h"
#include "layout.h"
#include "render_int.h"

/* The page style. Fonts follow the customary print of the reports (仿宋 body,
 * 黑体 headings, 宋体 tables), falling back to the CJK fonts of Linux
 * desktops; A4 with 2 cm margins. */
static const char page_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"zh-CN\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"gongkai\">\n";

static const char page_style[] =
    "<style>\n"
    "@page { size: A4; margin: 20mm 18mm; }\n"
    "body { margin: 0 auto; max-width: 174mm; padding: 8mm 0; color: #000; background: #fff;\n"
    "  font-family: \"FangSong\", \"FangSong_GB2312\", \"仿宋\", \"STFangsong\", "
    "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Noto Sans CJK SC\", "
    "\"Source Han Sans SC\", \"WenQuanYi Micro Hei\", serif;\n"
    "  font-size: 12pt; line-height: 1.7; }\n"
    "h1, h2 { font-family: \"SimHei\", \"黑体\", \"STHeiti\", \"Noto Sans CJK SC\", "
    "\"Source Han Sans SC\", \"WenQuanYi Micro Hei\", sans-serif; font-weight: bold; }\n"
    "h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }\n"
    "h2 { font-size: 14pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }\n"
    "p { margin: 0.2em 0; text-indent: 2em; text-align: justify; }\n"
    "p.note, td.note { color: #555; font-style: italic; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; table-layout: fixed;\n"
    "  font-family: \"SimSun\", \"宋体\", \"STSong\", \"Noto Serif CJK SC\", "
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", serif; font-size: 10.5pt; line-height: 1.4; }\n"
    "th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; "
    "overflow-wrap: anywhere; }\n"
    "th { font-weight: normal; text-align: center; }\n"
    "th.caption { font-weight: bold; }\n"
    "td.label { text-align: left; }\n"
    "td.label[rowspan] { text-align: center; }\n"
    "td.num, td.note { text-align: center; }\n"
    "td.unreadable { background: #fde8e8; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "thead { display: table-header-group; }\n"
    "@media print { body { max-width: none; padding: 0; } }\n";

static const char page_style_end[] =
    "</style>\n"
    "</head>\n"
    "<body>\n"
    "<main>\n";

/* Widths are whole percentages: 1% steps are finer than a printed A4 table
 * shows, and keep the stylesheet to 100 rules. */
#define WIDTH_STEPS 100

static char width_css[WIDTH_STEPS * 32];
static pthread_once_t width_css_once = PTHREAD_ONCE_INIT;

static void build_width_css(void)
{
    size_t n = 0;
    int w;

    n += (size_t)snprintf(width_css, sizeof width_css,
                          "/* gongkai report tables: column widths (render/html.c) */\n");
    for (w = 1; w <= WIDTH_STEPS && n < sizeof width_css; w++)
        n += (size_t)snprintf(width_css + n, sizeof width_css - n, "col.w%d{width:%d%%}\n", w, w);
}

const char *gk_render_html_css(void)
{
    pthread_once(&width_css_once, build_width_css);
    return width_css;
}

typedef struct {
    gk_buf *out;
} html_ctx;

static int put_text(gk_buf *out, const char *s)
{
    return gk_render__put_html(out, s, strlen(s));
}

/* Wraps escaped text in an element: <tag attrs>text</tag>\n. */
static int put_element(gk_buf *out, const char *open, const char *s, size_t n, const char *close)
{
    int error = gk_buf_puts(out, open);

    if (error == 0)
        error = gk_render__put_html(out, s, n);
    return error ? error : gk_buf_puts(out, close);
}

static int html_begin(void *vctx, const gk_report *r, const char *title)
{
    html_ctx *ctx = vctx;
    int error = gk_buf_puts(ctx->out, page_head);

    (void)r;
    if (error == 0)
        error = put_element(ctx->out, "<title>", title, strlen(title), "</title>\n");
    if (error == 0)
        error = gk_buf_puts(ctx->out, page_style);
    if (error == 0)
        error = gk_buf_puts(ctx->out, gk_render_html_css());
    if (error == 0)
        error = gk_buf_puts(ctx->out, page_style_end);
    if (error == 0)
        error = put_element(ctx->out, "<h1>", title, strlen(title), "</h1>\n");
    return error;
}

static int html_heading(void *vctx, const char *heading)
{
    html_ctx *ctx = vctx;

    return put_element(ctx->out, "<h2>", heading, strlen(heading), "</h2>\n");
}

static int html_paragraph(void *vctx, const char *text, size_t len)
{
    html_ctx *ctx = vctx;

    return put_element(ctx->out, "<p>", text, len, "</p>\n");
}

static int html_note(void *vctx, const char *text)
{
    html_ctx *ctx = vctx;

    return put_element(ctx->out, "<p class=\"note\">", text, strlen(text), "</p>\n");
}

/* Element and class of a layout cell; VALUE cells carry their state. */
static void cell_tag(const gk_lcell *c, const char **tag, const char **attrs)
{
    static const char *const value_attrs[] = {
        [GK_CELL_ABSENT] = " class=\"num absent\"",
        [GK_CELL_VALUE] = " class=\"num\"",
        [GK_CELL_BLANK] = " class=\"num blank\"",
        [GK_CELL_UNREADABLE] = " class=\"num unreadable\" title=\"无法识别为数字\"",
    };

    *tag = "td";
    switch (c->kind) {
    case GK_LCELL_CAPTION:
        *tag = "th";
        *attrs = " class=\"caption\" scope=\"colgroup\"";
        break;
    case GK_LCELL_HEAD:
        *tag = "th";
        *attrs = c->colspan > 1 ? " scope=\"colgroup\"" : " scope=\"col\"";
        break;
    case GK_LCELL_LABEL:
        *attrs = " class=\"label\"";
        break;
    case GK_LCELL_NOTE:
        *attrs = " class=\"note\"";
        break;
    default:
        *attrs = c->cell->state < GK_ARRAY_LEN(value_attrs) ? value_attrs[c->cell->state]
                                                            : value_attrs[GK_CELL_VALUE];
    }
}

static int put_cell(gk_buf *out, const gk_lcell *c)
{
    const char *tag, *attrs;
    char num[64];
    int error;

    cell_tag(c, &tag, &attrs);
    error = gk_buf_printf(out, "<%s%s", tag, attrs);
    if (error == 0 && c->rowspan > 1)
        error = gk_buf_printf(out, " rowspan=\"%d\"", c->rowspan);
    if (error == 0 && c->colspan > 1)
        error = gk_buf_printf(out, " colspan=\"%d\"", c->colspan);
    if (error == 0)
        error = gk_buf_putc(out, '>');
    if (error == 0)
        error = put_text(out, gk_render__cell_text(c, num, sizeof num));
    return error ? error : gk_buf_printf(out, "</%s>", tag);
}

/* One <tr> with the cells whose top-left corner is on this row. */
static int put_row(gk_buf *out, const gk_layout_table *t, int row)
{
    int col, error = gk_buf_puts(out, "<tr>");

    for (col = 0; col < t->ncols && error == 0; col++) {
        const gk_lcell *c = gk_render__layout_at(t, row, col);
        if (c && c->row == row && c->col == col)
            error = put_cell(out, c);
    }
    return error ? error : gk_buf_puts(out, "</tr>\n");
}

static int put_rows(gk_buf *out, const gk_layout_table *t, int from, int to, const char *group)
{
    int row, error = gk_buf_printf(out, "<%s>\n", group);

    for (row = from; row < to && error == 0; row++)
        error = put_row(out, t, row);
    return error ? error : gk_buf_printf(out, "</%s>\n", group);
}

/* Column widths from the layout's preferred widths as whole percentages
 * summing to exactly 100 (largest remainder), each a class of
 * gk_render_html_css(); a column is at least 1%. */
static int put_colgroup(gk_buf *out, const gk_layout_table *t)
{
    unsigned sum = 0, given = 0, pct[GK_LAYOUT_MAX_COLS], rem[GK_LAYOUT_MAX_COLS];
    int c, error;

    for (c = 0; c < t->ncols; c++)
        sum += t->width[c];
    for (c = 0; c < t->ncols && sum; c++) {
        pct[c] = t->width[c] * WIDTH_STEPS / sum;
        rem[c] = t->width[c] * WIDTH_STEPS % sum;
        given += pct[c];
    }
    /* The points left go to the largest remainders, leftmost first. */
    while (sum && given < WIDTH_STEPS) {
        int best = 0;

        for (c = 1; c < t->ncols; c++)
            if (rem[c] > rem[best])
                best = c;
        pct[best]++;
        rem[best] = 0;
        given++;
    }
    error = gk_buf_puts(out, "<colgroup>");
    for (c = 0; c < t->ncols && error == 0 && sum; c++)
        error = gk_buf_printf(out, "<col class=\"w%u\">", pct[c] ? pct[c] : 1u);
    return error ? error : gk_buf_puts(out, "</colgroup>\n");
}

static int html_table(void *vctx, const gk_layout_table *t)
{
    html_ctx *ctx = vctx;
    size_t p;
    int error = gk_buf_printf(ctx->out, "<table class=\"table%d\">\n", t->number);

    if (error == 0)
        error = put_colgroup(ctx->out, t);
    for (p = 0; p < t->nparts && error == 0; p++) {
        const gk_lpart *part = &t->parts[p];
        int head_end = part->first_row + part->nhead, end = part->first_row + part->nrows;

        /* A one-part table repeats its header rows on every printed page; the
         * blocks of table 2 each keep their caption and header together. */
        if (t->nparts == 1) {
            error = put_rows(ctx->out, t, part->first_row, head_end, "thead");
            if (error == 0)
                error = put_rows(ctx->out, t, head_end, end, "tbody");
        } else {
            error = put_rows(ctx->out, t, part->first_row, end, "tbody");
        }
    }
    return error ? error : gk_buf_puts(ctx->out, "</table>\n");
}

static int html_end(void *vctx)
{
    html_ctx *ctx = vctx;

    return gk_buf_puts(ctx->out, "</main>\n</body>\n</html>\n");
}

static const gk_render_ops html_ops = {
    html_begin, html_heading, html_paragraph, html_table, html_note, html_end,
};

int gk_render__html(gk_buf *out, const gk_report *r)
{
    html_ctx ctx = {out};

    GK_ASSERT_ARG(out && r);
    return gk_render__walk(r, &html_ops, &ctx);
}
