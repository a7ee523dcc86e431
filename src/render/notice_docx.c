/*
 * notice_docx.c: a notice as a Word document: WordprocessingML in the
 * package of ooxml.c (deterministic: fixed entry order and timestamps, no
 * dates in core.xml). A notice field may hold line breaks (<w:br/>), and
 * invalid UTF-8 is replaced, never copied into the XML (GK_OOXML_REPLACE).
 *
 * Fonts and language: trap T5, in ooxml.h; the fonts are named SimSun /
 * SimHei (LibreOffice maps them to Noto CJK SC when absent). Page: A4,
 * GB/T 9704 margins, 三号 (16 pt) body text with a two-character
 * first-line indent.
 */
#include "notice_int.h"
#include "ooxml.h"

static const char *const style_id[NS_NSTYLES] = {
    [NS_BODY] = "NoticeBody", [NS_LETTERHEAD] = "Letterhead", [NS_TITLE] = "NoticeTitle",
    [NS_REF] = "NoticeRef",   [NS_PLAIN] = "NoticePlain",     [NS_RIGHT] = "NoticeRight",
};

static int put_document(gk_buf *b, const notice_doc *doc)
{
    size_t i;
    int error = gk_ooxml__document_begin(b);

    for (i = 0; i < doc->n && error == 0; i++)
        error = gk_ooxml__put_para(b, style_id[doc->p[i].style], doc->text.ptr + doc->p[i].off,
                                   doc->p[i].len, GK_OOXML_REPLACE);
    return error ? error : gk_ooxml__document_end(b);
}

/* Body 三号 16 pt SimSun, 28 pt exact line pitch (GB/T 9704: 22 lines a
 * page); letterhead red 26 pt bold over a red rule; title 22 pt SimHei. */
static const char styles[] =
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
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"right\"/></w:pPr></w:style>";

int gk_notice__docx(gk_buf *out, const notice_doc *doc)
{
    gk_buf document = GK_BUF_INIT;
    gk_ooxml_package p = {.title = doc->title ? doc->title : "政府信息公开告知书",
                          .title_text = GK_OOXML_REPLACE,
                          .font_half_points = 32,
                          .spacing = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" "
                                     "w:lineRule=\"exact\"/>",
                          .styles = styles};
    int error;

    gk_buf_init(&document, out->max);
    error = put_document(&document, doc);
    if (error == 0)
        error = gk_ooxml__package_write(out, &document, &p);
    gk_buf_release(&document);
    return error;
}
