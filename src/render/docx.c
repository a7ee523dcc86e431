/*
 * docx.c: the annual report as a Word document (WordprocessingML in the
 * package of ooxml.c): the title, the six sections of 条例第五十条 in order
 * with their text, and tables 2, 3 and 4 under sections 二、三、四 merged
 * like the official form (w:gridSpan across, w:vMerge down; spec
 * §1.3–1.5). Fonts and language: trap T5, in ooxml.h.
 */
#include <stdio.h>
#include "layout.h"
#include "render_int.h"
#include "ooxml.h"

#define FILL_BAD "FFC7CE" /* shading of an unreadable cell (as in the XLSX) */
#define TEXT     GK_OOXML_DROP

/* -------------------------------------------------------------- tables */

static void twips_of(const gk_layout_table *t, int tw[GK_LAYOUT_MAX_COLS])
{
    double sum = 0;
    int c, used = 0;

    for (c = 0; c < t->ncols; c++)
        sum += t->width[c];
    for (c = 0; c < t->ncols; c++) {
        tw[c] =
            c == t->ncols - 1 ? GK_OOXML_TEXT_W - used : (int)(GK_OOXML_TEXT_W * t->width[c] / sum);
        used += tw[c];
    }
}

/* One <w:tc> at grid (row, col). A position covered from above is a vMerge
 * continuation with the anchor's gridSpan; the anchor carries
 * vMerge="restart". */
static int put_tc(gk_buf *b, const gk_layout_table *t, const int tw[], int row, int col, int *adv)
{
    const gk_lcell *lc = gk_render__layout_at(t, row, col);
    bool cont = lc->row != row;
    bool bad =
        !cont && lc->kind == GK_LCELL_VALUE && lc->cell && lc->cell->state == GK_CELL_UNREADABLE;
    bool left = lc->kind == GK_LCELL_LABEL || lc->kind == GK_LCELL_NOTE;
    char num[64];
    int w = 0, k, error;

    for (k = lc->col; k < lc->col + lc->colspan; k++)
        w += tw[k];
    *adv = lc->colspan;
    error = gk_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
    if (error == 0 && lc->colspan > 1)
        error = gk_buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", lc->colspan);
    if (error == 0 && cont)
        error = gk_buf_puts(b, "<w:vMerge/>");
    else if (error == 0 && lc->rowspan > 1)
        error = gk_buf_puts(b, "<w:vMerge w:val=\"restart\"/>");
    if (error == 0 && bad)
        error = gk_buf_puts(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" FILL_BAD "\"/>");
    if (error == 0)
        error = gk_buf_puts(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
    if (error < 0)
        return error;
    if (cont)
        return gk_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>");
    error =
        gk_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"%s\"/></w:pPr>",
                      left ? "left" : "center");
    if (error == 0) {
        const char *text = gk_render__cell_text(lc, num, sizeof num);
        if (text[0])
            error =
                gk_ooxml__put_run(b, text, strlen(text),
                                  lc->kind == GK_LCELL_HEAD || lc->kind == GK_LCELL_CAPTION, TEXT);
    }
    if (error == 0)
        error = gk_buf_puts(b, "</w:p></w:tc>");
    return error;
}

/* The walk's context: the document part and the title (for core.xml). */
typedef struct {
    gk_buf *b;
    char title[512];
} docx_ctx;

static int on_table(void *ctx, const gk_layout_table *t)
{
    gk_buf *b = ((docx_ctx *)ctx)->b;
    int tw[GK_LAYOUT_MAX_COLS], r, c, adv, error;
    /* Only a one-part table repeats its header rows on each page (table
     * 2's blocks each have their own header). */
    int nhead = t->nparts == 1 ? t->parts[0].nhead : 0;

    twips_of(t, tw);
    error =
        gk_buf_puts(b, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>"
                       "<w:jc w:val=\"center\"/><w:tblBorders>"
                       "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                       "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                       "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                       "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                       "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                       "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                       "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
                       "<w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
                       "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
    for (c = 0; c < t->ncols && error == 0; c++)
        error = gk_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", tw[c]);
    if (error == 0)
        error = gk_buf_puts(b, "</w:tblGrid>\n");
    for (r = 0; r < t->nrows && error == 0; r++) {
        /* no row breaks across pages */
        error = gk_buf_printf(b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
                              r < nhead ? "<w:tblHeader/>" : "");
        for (c = 0; c < t->ncols && error == 0; c += adv)
            error = put_tc(b, t, tw, r, c, &adv);
        if (error == 0)
            error = gk_buf_puts(b, "</w:tr>\n");
    }
    if (error == 0)
        error = gk_buf_puts(b, "</w:tbl>\n");
    /* Word needs a paragraph between consecutive tables */
    if (error == 0)
        error = gk_ooxml__put_para(b, "BodyText", "", 0, TEXT);
    return error;
}

/* ------------------------------------------------------------ document */

static int on_begin(void *ctx, const gk_report *r, const char *title)
{
    docx_ctx *d = ctx;
    int error;

    (void)r;
    snprintf(d->title, sizeof d->title, "%s", title);
    error = gk_ooxml__document_begin(d->b);
    return error ? error : gk_ooxml__put_para(d->b, "Title", title, strlen(title), TEXT);
}

static int on_heading(void *ctx, const char *heading)
{
    return gk_ooxml__put_para(((docx_ctx *)ctx)->b, "Heading1", heading, strlen(heading), TEXT);
}

static int on_paragraph(void *ctx, const char *text, size_t len)
{
    return gk_ooxml__put_para(((docx_ctx *)ctx)->b, "BodyText", text, len, TEXT);
}

static int on_note(void *ctx, const char *text)
{
    return gk_ooxml__put_para(((docx_ctx *)ctx)->b, "BodyText", text, strlen(text), TEXT);
}

static int on_end(void *ctx)
{
    return gk_ooxml__document_end(((docx_ctx *)ctx)->b);
}

static const gk_render_ops docx_ops = {on_begin, on_heading, on_paragraph,
                                       on_table, on_note,    on_end};

/* Styles: body 12 pt SimSun (宋体) with a two-character first-line indent; title
 * 22 pt bold centred; headings 14 pt SimHei (黑体); table text 10.5 pt (五号). */
static const char styles[] =
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr>"
    "<w:spacing w:before=\"240\" w:after=\"480\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>"
    "<w:rFonts w:eastAsia=\"SimSun\"/><w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
    "<w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLineChars=\"200\" "
    "w:firstLine=\"560\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"SimHei\" "
    "w:eastAsia=\"SimHei\" w:hAnsi=\"SimHei\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:line=\"360\" "
    "w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>"
    "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr>"
    "</w:style>";

int gk_render__docx(gk_buf *out, const gk_report *r)
{
    gk_buf doc = GK_BUF_INIT;
    docx_ctx d;
    gk_ooxml_package p = {.title = d.title,
                          .title_text = TEXT,
                          .font_half_points = 24,
                          .spacing = "",
                          .styles = styles};
    int error;

    GK_ASSERT_ARG(out && r);
    memset(&d, 0, sizeof d);
    gk_buf_init(&doc, out->max);
    d.b = &doc;
    error = gk_render__walk(r, &docx_ops, &d);
    if (error == 0)
        error = gk_ooxml__package_write(out, &doc, &p);
    gk_buf_release(&doc);
    return error;
}
