/*
 * ooxml.c: the WordprocessingML package and paragraph writing shared by
 * docx.c and notice_docx.c (see ooxml.h; trap T5 of docs/stack.md).
 */
#include "ooxml.h"
#include "util/utf8.h"
#include "zipout.h"

#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG   "http://schemas.openxmlformats.org/package/2006/"
#define CT_WML   "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define T_OPEN   "<w:t xml:space=\"preserve\">"
#define RUN_LANG "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>" /* every run (T5) */
#define FFFD     "\xEF\xBF\xBD"

/* ------------------------------------------------------------ XML text */

/* What stands for code point cp (-1: a byte that is not UTF-8), or NULL
 * when it is copied as it is. */
static const char *escape_of(int32_t cp, gk_ooxml_text mode, bool in_run)
{
    bool replace = mode == GK_OOXML_REPLACE;

    switch (cp) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\t':
        return in_run ? "</w:t><w:tab/>" T_OPEN : " ";
    case '\n':
        return !replace ? "" : in_run ? "</w:t><w:br/>" T_OPEN : " ";
    case 0x7f:
    case -1:
        return replace ? FFFD : NULL;
    case 0xFFFE:
    case 0xFFFF:
        return replace ? FFFD : "";
    default:
        return cp >= 0x20 ? NULL : replace ? FFFD : "";
    }
}

int gk_ooxml__put_text(gk_buf *b, const char *s, size_t len, gk_ooxml_text mode, bool in_run)
{
    size_t i = 0, from = 0;
    int error = 0;

    while (i < len && error == 0) {
        size_t at = i;
        const char *rep = escape_of(gk_utf8_next(s, len, &i), mode, in_run);

        if (!rep)
            continue;
        error = gk_buf_put(b, s + from, at - from);
        if (error == 0)
            error = gk_buf_puts(b, rep);
        from = i;
    }
    if (error == 0)
        error = gk_buf_put(b, s + from, len - from);
    return error;
}

int gk_ooxml__put_run(gk_buf *b, const char *text, size_t len, bool bold, gk_ooxml_text mode)
{
    int error = gk_buf_printf(b, "<w:r><w:rPr>%s" RUN_LANG "</w:rPr>" T_OPEN, bold ? "<w:b/>" : "");

    if (error == 0)
        error = gk_ooxml__put_text(b, text, len, mode, true);
    if (error == 0)
        error = gk_buf_puts(b, "</w:t></w:r>");
    return error;
}

int gk_ooxml__put_para(gk_buf *b, const char *style_id, const char *text, size_t len,
                       gk_ooxml_text mode)
{
    int error = gk_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style_id);

    if (error == 0 && len)
        error = gk_ooxml__put_run(b, text, len, false, mode);
    if (error == 0)
        error = gk_buf_puts(b, "</w:p>\n");
    return error;
}

/* ------------------------------------------------------------ document */

int gk_ooxml__document_begin(gk_buf *b)
{
    return gk_buf_puts(b, GK_OOXML_HEAD "<w:document xmlns:w=\"" GK_OOXML_NS_W "\" xmlns:r=\"" NS_R
                                        "\"><w:body>\n");
}

int gk_ooxml__document_end(gk_buf *b)
{
    return gk_buf_printf(b,
                         "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" "
                         "w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" "
                         "w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\n</w:body></w:document>\n",
                         GK_OOXML_PAGE_W, GK_OOXML_PAGE_H, GK_OOXML_MARGIN_T, GK_OOXML_MARGIN_R,
                         GK_OOXML_MARGIN_B, GK_OOXML_MARGIN_L);
}

/* ------------------------------------------------------------- package */

/* Defaults: Times New Roman for Latin text, SimSun for Chinese, the CJK
 * language (T5); justified paragraphs without widow control. */
static int put_styles(gk_buf *b, const gk_ooxml_package *p)
{
    return gk_buf_printf(
        b,
        GK_OOXML_HEAD "<w:styles xmlns:w=\"" GK_OOXML_NS_W "\">"
                      "<w:docDefaults><w:rPrDefault><w:rPr>"
                      "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"SimSun\" "
                      "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/>"
                      "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
                      "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr>"
                      "</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/>%s"
                      "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                      "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>%s</w:styles>\n",
        p->font_half_points, p->font_half_points, p->spacing, p->styles);
}

/* The fonts with their Chinese names as altName and the GB2312 charset
 * (0x86), so a reader without them substitutes a Simplified-Chinese face. */
static const char fonts_xml[] = GK_OOXML_HEAD
    "<w:fonts xmlns:w=\"" GK_OOXML_NS_W "\">"
    "<w:font w:name=\"SimSun\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"SimHei\"><w:altName w:val=\"黑体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
    "<w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>\n";

static const char content_types_xml[] = GK_OOXML_HEAD
    "<Types xmlns=\"" NS_PKG "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
    "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT_WML "fontTable+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
    "package.core-properties+xml\"/>"
    "</Types>\n";

static const char rels_xml[] = GK_OOXML_HEAD
    "<Relationships xmlns=\"" NS_PKG "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_PKG "relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

static const char doc_rels_xml[] =
    GK_OOXML_HEAD "<Relationships xmlns=\"" NS_PKG "relationships\">"
                  "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" Target=\"styles.xml\"/>"
                  "<Relationship Id=\"rId2\" Type=\"" NS_R "/fontTable\" Target=\"fontTable.xml\"/>"
                  "</Relationships>\n";

/* Core properties: title and creator only; no dates, so the bytes depend
 * only on the document. */
static int put_core(gk_buf *b, const gk_ooxml_package *p)
{
    int error;

    error = gk_buf_puts(b, GK_OOXML_HEAD
                        "<cp:coreProperties xmlns:cp=\"" NS_PKG
                        "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        "<dc:title>");
    if (error == 0)
        error = gk_ooxml__put_text(b, p->title, strlen(p->title), p->title_text, false);
    if (error == 0)
        error = gk_buf_puts(b, "</dc:title><dc:creator>gongkai</dc:creator>"
                               "<dc:language>zh-CN</dc:language></cp:coreProperties>\n");
    return error;
}

typedef enum { PART_STATIC, PART_DOCUMENT, PART_CORE, PART_STYLES } part_kind;

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
    {"word/styles.xml", PART_STYLES, NULL},
    {"word/fontTable.xml", PART_STATIC, fonts_xml},
};

int gk_ooxml__package_write(gk_buf *out, gk_buf *document, const gk_ooxml_package *p)
{
    gk_zipout *z = NULL;
    gk_buf part = GK_BUF_INIT;
    size_t i;
    int error;

    GK_ASSERT_ARG(out && document && p);
    error = gk_zipout__new(&z);
    for (i = 0; i < GK_ARRAY_LEN(parts) && error == 0; i++) {
        gk_buf *data = &part;

        gk_buf_init(&part, out->max);
        if (parts[i].kind == PART_DOCUMENT)
            data = document;
        else if (parts[i].kind == PART_CORE)
            error = put_core(&part, p);
        else if (parts[i].kind == PART_STYLES)
            error = put_styles(&part, p);
        else
            error = gk_buf_puts(&part, parts[i].text);
        if (error == 0)
            error = gk_zipout__add(z, parts[i].name, data);
    }
    if (error == 0)
        error = gk_zipout__finish(z, out);
    gk_buf_release(&part);
    gk_zipout__free(z);
    return error;
}
