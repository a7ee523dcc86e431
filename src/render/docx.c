/*
 * docx.c: the annual report as a Word document (hand-written
 * WordprocessingML in a ZIP made by zipout.c): the title, the six sections
 * of 条例第五十条 in order with their text, and tables 2, 3 and 4 under
 * sections 二、三、四 merged like the official form (w:gridSpan across,
 * w:vMerge down; spec §1.3–1.5).
 *
 * Trap T5 of docs/stack.md: without w:lang eastAsia="zh-CN" and an
 * eastAsia font, LibreOffice draws Japanese glyph variants. The defaults in
 * styles.xml set both, and every run repeats the language. Fonts: SimSun
 * (宋体) for text, SimHei (黑体) for headings, named by their Latin names:
 * Chinese Word resolves both spellings, while LibreOffice on a machine
 * without them maps "SimSun" to a CJK serif (Noto Serif CJK) but "宋体" to
 * a sans fallback. fontTable.xml gives the Chinese names as altName.
 *
 * Page: A4 with the margins of GB/T 9704 (official documents): top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm.
 */
#include <stdio.h>
#include "layout.h"
#include "render_int.h"
#include "zipout.h"

#define PAGE_W   11906 /* A4 in twentieths of a point */
#define PAGE_H   16838
#define MARGIN_T 2098 /* 37 mm */
#define MARGIN_B 1984 /* 35 mm */
#define MARGIN_L 1587 /* 28 mm */
#define MARGIN_R 1474 /* 26 mm */
#define TEXT_W   (PAGE_W - MARGIN_L - MARGIN_R)
#define FILL_BAD "FFC7CE" /* shading of an unreadable cell (as in the XLSX) */

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG   "http://schemas.openxmlformats.org/package/2006/"
#define CT_WML   "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* Every run: the CJK language (trap T5). */
#define RUN_LANG "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"

/* ------------------------------------------------------------ XML text */

/* Appends s escaped as XML character data. Characters XML 1.0 forbids
 * (C0 controls other than tab/newline, U+FFFE, U+FFFF) are dropped; a tab
 * becomes <w:tab/> when in_run. */
static int put_xml(gk_buf *b, const char *s, size_t len, bool in_run)
{
    size_t i = 0, from = 0;
    int error = 0;

    while (i < len && error == 0) {
        unsigned char ch = (unsigned char)s[i];
        const char *rep = NULL;
        size_t adv = 1;

        if (ch == '&')
            rep = "&amp;";
        else if (ch == '<')
            rep = "&lt;";
        else if (ch == '>')
            rep = "&gt;";
        else if (ch == '"')
            rep = "&quot;";
        else if (ch == '\t')
            rep = in_run ? "</w:t><w:tab/><w:t xml:space=\"preserve\">" : " ";
        else if (ch < 0x20)
            rep = "";
        else if (ch == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
                 ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
            rep = "";
            adv = 3;
        }
        if (!rep) {
            i++;
            continue;
        }
        error = gk_buf_put(b, s + from, i - from);
        if (error == 0)
            error = gk_buf_puts(b, rep);
        i += adv;
        from = i;
    }
    if (error == 0)
        error = gk_buf_put(b, s + from, len - from);
    return error;
}

/* One run of text: <w:r><w:rPr>…</w:rPr><w:t>text</w:t></w:r>. */
static int put_run(gk_buf *b, const char *text, size_t len, bool bold)
{
    int error = gk_buf_printf(b, "<w:r><w:rPr>%s" RUN_LANG "</w:rPr><w:t xml:space=\"preserve\">",
                              bold ? "<w:b/>" : "");

    if (error == 0)
        error = put_xml(b, text, len, true);
    if (error == 0)
        error = gk_buf_puts(b, "</w:t></w:r>");
    return error;
}

/* A paragraph of one run in a named style. */
static int put_para(gk_buf *b, const char *style, const char *text, size_t len)
{
    int error = gk_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);

    if (error == 0 && len)
        error = put_run(b, text, len, false);
    if (error == 0)
        error = gk_buf_puts(b, "</w:p>\n");
    return error;
}

/* -------------------------------------------------------------- tables */

static void twips_of(const gk_layout_table *t, int tw[GK_LAYOUT_MAX_COLS])
{
    double sum = 0;
    int c, used = 0;

    for (c = 0; c < t->ncols; c++)
        sum += t->width[c];
    for (c = 0; c < t->ncols; c++) {
        tw[c] = c == t->ncols - 1 ? TEXT_W - used : (int)(TEXT_W * t->width[c] / sum);
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
            error = put_run(b, text, strlen(text),
                            lc->kind == GK_LCELL_HEAD || lc->kind == GK_LCELL_CAPTION);
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
        error = put_para(b, "BodyText", "", 0);
    return error;
}

/* ------------------------------------------------------------ document */

static int on_begin(void *ctx, const gk_report *r, const char *title)
{
    docx_ctx *d = ctx;
    int error;

    (void)r;
    snprintf(d->title, sizeof d->title, "%s", title);
    error = gk_buf_puts(d->b, XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R
                                       "\"><w:body>\n");
    return error ? error : put_para(d->b, "Title", title, strlen(title));
}

static int on_heading(void *ctx, const char *heading)
{
    return put_para(((docx_ctx *)ctx)->b, "Heading1", heading, strlen(heading));
}

static int on_paragraph(void *ctx, const char *text, size_t len)
{
    return put_para(((docx_ctx *)ctx)->b, "BodyText", text, len);
}

static int on_note(void *ctx, const char *text)
{
    return put_para(((docx_ctx *)ctx)->b, "BodyText", text, strlen(text));
}

static int on_end(void *ctx)
{
    return gk_buf_printf(((docx_ctx *)ctx)->b,
                         "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" "
                         "w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" "
                         "w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\n</w:body></w:document>\n",
                         PAGE_W, PAGE_H, MARGIN_T, MARGIN_R, MARGIN_B, MARGIN_L);
}

static const gk_render_ops docx_ops = {on_begin, on_heading, on_paragraph,
                                       on_table, on_note,    on_end};

/* Styles: body 12 pt SimSun (宋体) with a two-character first-line indent; title
 * 22 pt bold centred; headings 14 pt SimHei (黑体); table text 10.5 pt (五号). */
static const char styles_xml[] = XML_HEAD
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"SimSun\" w:hAnsi=\"Times New Roman\" "
    "w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr>"
    "</w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/></w:style>"
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
    "</w:style>"
    "</w:styles>\n";

/* The fonts with their Chinese names as altName and the GB2312 charset
 * (0x86), so a reader without them substitutes a Simplified-Chinese face. */
static const char fonts_xml[] = XML_HEAD
    "<w:fonts xmlns:w=\"" NS_W "\">"
    "<w:font w:name=\"SimSun\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"SimHei\"><w:altName w:val=\"黑体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
    "<w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>\n";

static const char content_types_xml[] = XML_HEAD
    "<Types xmlns=\"" NS_PKG "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
    "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT_WML "fontTable+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
    "package.core-properties+xml\"/>"
    "</Types>\n";

static const char rels_xml[] = XML_HEAD
    "<Relationships xmlns=\"" NS_PKG "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_PKG "relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

static const char doc_rels_xml[] =
    XML_HEAD "<Relationships xmlns=\"" NS_PKG "relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" Target=\"styles.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" NS_R "/fontTable\" Target=\"fontTable.xml\"/>"
             "</Relationships>\n";

/* Core properties: title and creator only; no dates, so the bytes depend
 * only on the report. */
static int put_core(gk_buf *b, const char *title)
{
    int error;

    error = gk_buf_puts(b, XML_HEAD
                        "<cp:coreProperties xmlns:cp=\"" NS_PKG
                        "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        "<dc:title>");
    if (error == 0)
        error = put_xml(b, title, strlen(title), false);
    if (error == 0)
        error = gk_buf_puts(b, "</dc:title><dc:creator>gongkai</dc:creator>"
                               "<dc:language>zh-CN</dc:language></cp:coreProperties>\n");
    return error;
}

typedef enum { PART_STATIC, PART_DOCUMENT, PART_CORE } part_kind;

/* The package parts in archive order; [Content_Types].xml must come first
 * for some readers (docs/stack.md). */
static const struct {
    const char *name;
    part_kind kind;
    const char *text;
} parts[] = {
    {"[Content_Types].xml", PART_STATIC, content_types_xml},
    {"_rels/.rels", PART_STATIC, rels_xml},
    {"docProps/core.xml", PART_CORE, NULL},
    {"word/document.xml", PART_DOCUMENT, NULL},
    {"word/_rels/document.xml.rels", PART_STATIC, doc_rels_xml},
    {"word/styles.xml", PART_STATIC, styles_xml},
    {"word/fontTable.xml", PART_STATIC, fonts_xml},
};

int gk_render__docx(gk_buf *out, const gk_report *r)
{
    gk_zipout *z = NULL;
    gk_buf doc = GK_BUF_INIT, part = GK_BUF_INIT;
    docx_ctx d;
    size_t i;
    int error;

    GK_ASSERT_ARG(out && r);
    memset(&d, 0, sizeof d);
    gk_buf_init(&doc, out->max);
    d.b = &doc;
    error = gk_render__walk(r, &docx_ops, &d);
    if (error == 0)
        error = gk_zipout__new(&z);
    for (i = 0; i < GK_ARRAY_LEN(parts) && error == 0; i++) {
        gk_buf_init(&part, out->max);
        if (parts[i].kind == PART_DOCUMENT)
            error = gk_zipout__add(z, parts[i].name, &doc);
        else {
            if (parts[i].kind == PART_CORE)
                error = put_core(&part, d.title);
            else
                error = gk_buf_puts(&part, parts[i].text);
            if (error == 0)
                error = gk_zipout__add(z, parts[i].name, &part);
        }
    }
    if (error == 0)
        error = gk_zipout__finish(z, out);
    gk_buf_release(&part);
    gk_buf_release(&doc);
    gk_zipout__free(z);
    return error;
}
