/*
 * notice_docx.c: a notice as a Word document: hand-written
 * WordprocessingML in a ZIP from zipout.c (deterministic: fixed entry
 * order and timestamps, no dates in core.xml).
 *
 * docx.c keeps its XML helpers static, so the few this file needs are its
 * own; they differ anyway: a notice field may hold line breaks (<w:br/>),
 * and invalid UTF-8 is replaced, never copied into the XML.
 *
 * Trap T5 of docs/stack.md: w:lang eastAsia="zh-CN" in the defaults and
 * in every run, and the fonts named SimSun / SimHei (LibreOffice maps them
 * to Noto CJK SC when absent). Page: A4, GB/T 9704 margins, 三号 (16 pt)
 * body text with a two-character first-line indent.
 */
#include "notice_int.h"
#include "util/utf8.h"
#include "zipout.h"

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG   "http://schemas.openxmlformats.org/package/2006/"
#define CT_WML   "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define RUN_LANG "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
#define T_OPEN   "<w:t xml:space=\"preserve\">"

static const char *const style_id[NS_NSTYLES] = {
    [NS_BODY] = "NoticeBody", [NS_LETTERHEAD] = "Letterhead", [NS_TITLE] = "NoticeTitle",
    [NS_REF] = "NoticeRef",   [NS_PLAIN] = "NoticePlain",     [NS_RIGHT] = "NoticeRight",
};

/* XML character data of one run: & < > " escaped, "\n" a line break,
 * invalid UTF-8, other control characters and U+FFFE/U+FFFF (not XML
 * characters) replaced by U+FFFD. */
static int put_xml(gk_buf *b, const char *s, size_t len)
{
    size_t i = 0;
    int error = 0;

    while (i < len && error == 0) {
        size_t start = i;
        int32_t cp = gk_utf8_next(s, len, &i);

        if (cp == '\n')
            error = gk_buf_puts(b, "</w:t><w:br/>" T_OPEN);
        else if (cp == '\t')
            error = gk_buf_puts(b, "</w:t><w:tab/>" T_OPEN);
        else if (cp == '&')
            error = gk_buf_puts(b, "&amp;");
        else if (cp == '<')
            error = gk_buf_puts(b, "&lt;");
        else if (cp == '>')
            error = gk_buf_puts(b, "&gt;");
        else if (cp == '"')
            error = gk_buf_puts(b, "&quot;");
        else if (cp < 0x20 || cp == 0x7f || cp == 0xFFFE || cp == 0xFFFF)
            error = gk_utf8_put(b, 0xFFFD);
        else
            error = gk_buf_put(b, s + start, i - start);
    }
    return error;
}

static int put_para(gk_buf *b, notice_style style, const char *text, size_t len)
{
    int error = gk_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style_id[style]);

    if (error == 0 && len)
        error = gk_buf_puts(b, "<w:r><w:rPr>" RUN_LANG "</w:rPr>" T_OPEN);
    if (error == 0 && len)
        error = put_xml(b, text, len);
    if (error == 0 && len)
        error = gk_buf_puts(b, "</w:t></w:r>");
    if (error == 0)
        error = gk_buf_puts(b, "</w:p>\n");
    return error;
}

static int put_document(gk_buf *b, const notice_doc *doc)
{
    size_t i;
    int error;

    error =
        gk_buf_puts(b, XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>\n");
    for (i = 0; i < doc->n && error == 0; i++)
        error = put_para(b, doc->p[i].style, doc->text.ptr + doc->p[i].off, doc->p[i].len);
    /* A4; margins of GB/T 9704: top 37 mm, right 26 mm, bottom 35 mm, left 28 mm */
    if (error == 0)
        error = gk_buf_puts(b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar "
                               "w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" "
                               "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\n"
                               "</w:body></w:document>\n");
    return error;
}

/* Body 三号 16 pt SimSun, 28 pt exact line pitch (GB/T 9704: 22 lines a
 * page); letterhead red 26 pt bold over a red rule; title 22 pt SimHei. */
static const char styles_xml[] = XML_HEAD
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"SimSun\" w:hAnsi=\"Times New Roman\" "
    "w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" "
    "w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
    "</w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"NoticeBody\"><w:name w:val=\"Notice Body\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" "
    "w:firstLine=\"640\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Letterhead\"><w:name w:val=\"Letterhead\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" "
    "w:space=\"6\" w:color=\"CC0000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"480\" "
    "w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/>"
    "<w:color w:val=\"CC0000\"/><w:spacing w:val=\"20\"/><w:sz w:val=\"52\"/>"
    "<w:szCs w:val=\"52\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"NoticeTitle\"><w:name w:val=\"Title\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"NoticeRef\"/><w:qFormat/><w:pPr>"
    "<w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts "
    "w:ascii=\"SimHei\" w:eastAsia=\"SimHei\" w:hAnsi=\"SimHei\"/><w:sz w:val=\"44\"/>"
    "<w:szCs w:val=\"44\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"NoticeRef\"><w:name w:val=\"Reference\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"280\"/><w:jc w:val=\"center\"/>"
    "</w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"NoticePlain\"><w:name w:val=\"Addressee\"/>"
    "<w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"NoticeRight\"><w:name w:val=\"Signature\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"right\"/></w:pPr></w:style>"
    "</w:styles>\n";

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
    "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_PKG "relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

static const char doc_rels_xml[] =
    XML_HEAD "<Relationships xmlns=\"" NS_PKG "relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" Target=\"styles.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" NS_R "/fontTable\" Target=\"fontTable.xml\"/>"
             "</Relationships>\n";

static int put_core(gk_buf *b, const notice_doc *doc)
{
    const char *title = doc->title ? doc->title : "政府信息公开告知书";
    int error;

    error = gk_buf_puts(b, XML_HEAD
                        "<cp:coreProperties xmlns:cp=\"" NS_PKG
                        "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        "<dc:title>");
    if (error == 0)
        error = put_xml(b, title, strlen(title));
    if (error == 0)
        error = gk_buf_puts(b, "</dc:title><dc:creator>gongkai</dc:creator>"
                               "<dc:language>zh-CN</dc:language></cp:coreProperties>\n");
    return error;
}

typedef enum { PART_STATIC, PART_DOCUMENT, PART_CORE } part_kind;

/* Archive order: [Content_Types].xml first (docs/stack.md). */
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

int gk_notice__docx(gk_buf *out, const notice_doc *doc)
{
    gk_zipout *z = NULL;
    gk_buf part = GK_BUF_INIT;
    size_t i;
    int error;

    error = gk_zipout__new(&z);
    for (i = 0; i < GK_ARRAY_LEN(parts) && error == 0; i++) {
        gk_buf_init(&part, out->max);
        if (parts[i].kind == PART_DOCUMENT)
            error = put_document(&part, doc);
        else if (parts[i].kind == PART_CORE)
            error = put_core(&part, doc);
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
