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
#include "office_grid.h"
#include "zipout.h"

#define PAGE_W     11906 /* A4 in twentieths of a point */
#define PAGE_H     16838
#define MARGIN_T   2098  /* 37 mm */
#define MARGIN_B   1984  /* 35 mm */
#define MARGIN_L   1587  /* 28 mm */
#define MARGIN_R   1474  /* 26 mm */
#define TEXT_W     (PAGE_W - MARGIN_L - MARGIN_R)
#define FILL_BAD   "FFC7CE" /* shading of an unreadable cell (as in the XLSX) */

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
static int put_xml(gk_buf *b, const char *s, bool in_run)
{
    size_t i = 0, len = strlen(s), from = 0;
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
static int put_run(gk_buf *b, const char *text, bool bold)
{
    int error = gk_buf_printf(b, "<w:r><w:rPr>%s" RUN_LANG "</w:rPr><w:t xml:space=\"preserve\">",
                              bold ? "<w:b/>" : "");

    if (error == 0)
        error = put_xml(b, text, true);
    if (error == 0)
        error = gk_buf_puts(b, "</w:t></w:r>");
    return error;
}

/* A paragraph of one run in a named style. */
static int put_para(gk_buf *b, const char *style, const char *text)
{
    int error = gk_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);

    if (error == 0 && text[0])
        error = put_run(b, text, false);
    if (error == 0)
        error = gk_buf_puts(b, "</w:p>\n");
    return error;
}

/* A section's text: one body paragraph per non-empty line. */
static int put_text(gk_buf *b, const char *text)
{
    const char *p = text;
    char *line = NULL;
    int error = 0;

    while (*p && error == 0) {
        size_t n = strcspn(p, "\n");
        size_t k = n;

        while (k > 0 && (p[k - 1] == '\r' || p[k - 1] == ' '))
            k--;
        if (k > 0) {
            line = gk_strndup(p, k);
            if (!line)
                return gk__oom();
            error = put_para(b, "BodyText", line);
            gk_free(line);
        }
        p += n;
        if (*p == '\n')
            p++;
    }
    return error;
}

/* -------------------------------------------------------------- tables */

static void twips_of(const gk_grid *g, int tw[GK_GRID_MAX_COLS])
{
    double sum = 0;
    int c, used = 0;

    for (c = 0; c < g->ncols; c++)
        sum += g->widths[c];
    for (c = 0; c < g->ncols; c++) {
        tw[c] = c == g->ncols - 1 ? TEXT_W - used : (int)(TEXT_W * g->widths[c] / sum);
        used += tw[c];
    }
}

/* One <w:tc>. A position covered from above is a vMerge continuation with
 * the anchor's gridSpan; the anchor carries vMerge="restart". */
static int put_tc(gk_buf *b, const gk_grid *g, const int tw[], int row, int col, int *adv)
{
    const gk_grid_cell *gc = &g->c[row][col];
    const gk_grid_cell *an = &g->c[gc->arow][gc->acol];
    bool cont = gc->kind == GK_GRID_COVERED;
    bool bad = !cont && an->kind == GK_GRID_VALUE && an->cell &&
               an->cell->state == GK_CELL_UNREADABLE;
    char num[64];
    int w = 0, k, error;

    if (cont && gc->arow == row)
        GK_BUG("grid (%d,%d): horizontally covered cell reached", row, col);
    for (k = an->acol; k < an->acol + an->colspan; k++)
        w += tw[k];
    *adv = an->colspan;
    error = gk_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
    if (error == 0 && an->colspan > 1)
        error = gk_buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", an->colspan);
    if (error == 0 && cont)
        error = gk_buf_puts(b, "<w:vMerge/>");
    else if (error == 0 && an->rowspan > 1)
        error = gk_buf_puts(b, "<w:vMerge w:val=\"restart\"/>");
    if (error == 0 && bad)
        error = gk_buf_puts(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" FILL_BAD "\"/>");
    if (error == 0)
        error = gk_buf_puts(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
    if (error < 0)
        return error;
    if (cont)
        return gk_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>");
    error = gk_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"%s\"/></w:pPr>",
                          an->kind == GK_GRID_LABEL ? "left" : "center");
    if (error == 0) {
        const char *text = gk_grid__cell_text(num, sizeof num, an);
        if (text[0])
            error = put_run(b, text, an->kind == GK_GRID_HEAD);
    }
    if (error == 0)
        error = gk_buf_puts(b, "</w:p></w:tc>");
    return error;
}

static int put_table(gk_buf *b, const gk_grid *g)
{
    int tw[GK_GRID_MAX_COLS], r, c, adv, error;

    twips_of(g, tw);
    error = gk_buf_puts(b, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>"
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
    for (c = 0; c < g->ncols && error == 0; c++)
        error = gk_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", tw[c]);
    if (error == 0)
        error = gk_buf_puts(b, "</w:tblGrid>\n");
    for (r = 0; r < g->nrows && error == 0; r++) {
        /* header rows repeat on each page; no row breaks across pages */
        error = gk_buf_printf(b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
                              r < g->nhead ? "<w:tblHeader/>" : "");
        for (c = 0; c < g->ncols && error == 0; c += adv)
            error = put_tc(b, g, tw, r, c, &adv);
        if (error == 0)
            error = gk_buf_puts(b, "</w:tr>\n");
    }
    if (error == 0)
        error = gk_buf_puts(b, "</w:tbl>\n");
    return error;
}

/* ------------------------------------------------------------ document */

/* The six sections of 条例第五十条 in the format's order (spec §1.2); the
 * tables go under 二、三、四. */
static const struct {
    const char *no;
    int table; /* gk_grid_table or -1 */
} sections[] = {
    {"一", -1}, {"二", GK_GRID_T2}, {"三", GK_GRID_T3},
    {"四", GK_GRID_T4}, {"五", -1}, {"六", -1},
};

static const gk_section *find_section(const gk_report *r, const char *no)
{
    size_t i;

    for (i = 0; i < r->nsections; i++)
        if (r->sections[i].no && !strcmp(r->sections[i].no, no))
            return &r->sections[i];
    return NULL;
}

static bool is_official(const char *no)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(sections); i++)
        if (no && !strcmp(sections[i].no, no))
            return true;
    return false;
}

static int put_heading(gk_buf *b, const char *no, const char *title)
{
    char h[512];

    snprintf(h, sizeof h, "%s、%s", no, title);
    return put_para(b, "Heading1", h);
}

static int put_document(gk_buf *b, const gk_report *r)
{
    char title[512];
    gk_grid *g = NULL;
    size_t i;
    int error;

    g = gk_malloc(sizeof *g);
    if (!g)
        return gk__oom();
    gk_grid__title(title, sizeof title, r);
    error = gk_buf_puts(b, XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>\n");
    if (error == 0)
        error = put_para(b, "Title", title);
    if (error == 0 && r->preamble && r->preamble[0])
        error = put_text(b, r->preamble);
    for (i = 0; i < GK_ARRAY_LEN(sections) && error == 0; i++) {
        const gk_section *s = find_section(r, sections[i].no);
        const char *t = s && s->title && s->title[0] ? s->title : gk_section_title((int)i);

        error = put_heading(b, sections[i].no, t);
        if (error == 0 && s && s->text)
            error = put_text(b, s->text);
        if (error == 0 && sections[i].table >= 0) {
            gk_grid__build(g, r, (gk_grid_table)sections[i].table);
            error = put_table(b, g);
            if (error == 0) /* Word needs a paragraph between consecutive tables */
                error = put_para(b, "BodyText", "");
        }
    }
    /* Sections the format does not number (rare in parsed reports) follow. */
    for (i = 0; i < r->nsections && error == 0; i++) {
        const gk_section *s = &r->sections[i];
        if (is_official(s->no))
            continue;
        error = put_heading(b, s->no ? s->no : "", s->title ? s->title : "");
        if (error == 0 && s->text)
            error = put_text(b, s->text);
    }
    if (error == 0)
        error = gk_buf_printf(b,
                              "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" "
                              "w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" "
                              "w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\n</w:body></w:document>\n",
                              PAGE_W, PAGE_H, MARGIN_T, MARGIN_R, MARGIN_B, MARGIN_L);
    gk_free(g);
    return error;
}

/* Styles: body 12 pt SimSun (宋体) with a two-character first-line indent; title
 * 22 pt bold centred; headings 14 pt SimHei (黑体); table text 10.5 pt (五号). */
static const char styles_xml[] =
    XML_HEAD "<w:styles xmlns:w=\"" NS_W "\">"
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
static const char fonts_xml[] =
    XML_HEAD "<w:fonts xmlns:w=\"" NS_W "\">"
    "<w:font w:name=\"SimSun\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"SimHei\"><w:altName w:val=\"黑体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
    "<w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>\n";

static const char content_types_xml[] =
    XML_HEAD "<Types xmlns=\"" NS_PKG "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
    "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT_WML "fontTable+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
    "package.core-properties+xml\"/>"
    "</Types>\n";

static const char rels_xml[] =
    XML_HEAD "<Relationships xmlns=\"" NS_PKG "relationships\">"
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
static int put_core(gk_buf *b, const gk_report *r)
{
    char title[512];
    int error;

    gk_grid__title(title, sizeof title, r);
    error = gk_buf_puts(b, XML_HEAD "<cp:coreProperties xmlns:cp=\"" NS_PKG
                           "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                           "<dc:title>");
    if (error == 0)
        error = put_xml(b, title, false);
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
    gk_buf part = GK_BUF_INIT;
    size_t i;
    int error;

    GK_ASSERT_ARG(out && r);
    error = gk_zipout__new(&z);
    for (i = 0; i < GK_ARRAY_LEN(parts) && error == 0; i++) {
        gk_buf_init(&part, out->max);
        if (parts[i].kind == PART_DOCUMENT)
            error = put_document(&part, r);
        else if (parts[i].kind == PART_CORE)
            error = put_core(&part, r);
        else
            error = gk_buf_puts(&part, parts[i].text);
        if (error == 0)
            error = gk_zipout__add(z, parts[i].name, &part);
    }
    if (error == 0)
        error = gk_zipout__finish(z, out);
    gk_buf_release(&part);
    gk_zipout__free(z);
    return error;
}
