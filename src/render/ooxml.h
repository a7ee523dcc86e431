/*
 * ooxml.h: what the two Word writers share (docx.c, the annual report;
 * notice_docx.c, a notice): the package around word/document.xml
 * ([Content_Types].xml, the relationships, core.xml without dates,
 * styles.xml's defaults, fontTable.xml), the A4 page of GB/T 9704, and
 * paragraphs of one escaped run.
 *
 * Trap T5 of docs/stack.md: without w:lang eastAsia="zh-CN" and an
 * eastAsia font, LibreOffice draws Japanese glyph variants. The defaults in
 * styles.xml set both, and every run repeats the language. Fonts: SimSun
 * (宋体) for text, SimHei (黑体) for headings, named by their Latin names:
 * Chinese Word resolves both spellings, while LibreOffice on a machine
 * without them maps "SimSun" to a CJK serif (Noto Serif CJK) but "宋体" to
 * a sans fallback. fontTable.xml gives the Chinese names as altName.
 */
#ifndef GK_RENDER_OOXML_H
#define GK_RENDER_OOXML_H

#include "util/util.h"

#define GK_OOXML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define GK_OOXML_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* A4 in twentieths of a point, with the margins of GB/T 9704 (official
 * documents): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
#define GK_OOXML_PAGE_W   11906
#define GK_OOXML_PAGE_H   16838
#define GK_OOXML_MARGIN_T 2098
#define GK_OOXML_MARGIN_B 1984
#define GK_OOXML_MARGIN_L 1587
#define GK_OOXML_MARGIN_R 1474
#define GK_OOXML_TEXT_W   (GK_OOXML_PAGE_W - GK_OOXML_MARGIN_L - GK_OOXML_MARGIN_R)

/* What a writer does with text XML cannot hold as it is. Both escape
 * & < > " and write a tab inside a run as <w:tab/> (a space elsewhere). */
typedef enum {
    /* The report's (tested: control characters dropped): newlines and the
     * other C0 controls, U+FFFE and U+FFFF are dropped; any other byte is
     * copied, including bytes that are not UTF-8. */
    GK_OOXML_DROP,
    /* The notice's: a newline inside a run is a line break <w:br/> (a
     * space elsewhere); invalid UTF-8, the other C0 controls, DEL, U+FFFE
     * and U+FFFF become U+FFFD. */
    GK_OOXML_REPLACE,
} gk_ooxml_text;

/* Appends s[0..len) as XML character data; in_run: inside <w:t>. */
int gk_ooxml__put_text(gk_buf *b, const char *s, size_t len, gk_ooxml_text mode,
                       bool in_run) GK_WARN_UNUSED;
/* One run, <w:r><w:rPr>[<w:b/>]<w:lang …/></w:rPr><w:t>text</w:t></w:r>. */
int gk_ooxml__put_run(gk_buf *b, const char *text, size_t len, bool bold,
                      gk_ooxml_text mode) GK_WARN_UNUSED;
/* A paragraph in style style_id holding one run (none when len is 0). */
int gk_ooxml__put_para(gk_buf *b, const char *style_id, const char *text, size_t len,
                       gk_ooxml_text mode) GK_WARN_UNUSED;

/* word/document.xml's head up to <w:body>, and its tail: the A4 section
 * properties and the closing tags. */
int gk_ooxml__document_begin(gk_buf *b) GK_WARN_UNUSED;
int gk_ooxml__document_end(gk_buf *b) GK_WARN_UNUSED;

/* What differs between the writers' packages. */
typedef struct {
    const char *title;        /* dc:title of docProps/core.xml */
    gk_ooxml_text title_text; /* how the title is escaped */
    int font_half_points;     /* default run size (w:sz), in half-points */
    const char *spacing;      /* the default paragraph's <w:spacing …/>, or "" */
    const char *styles;       /* the <w:style> elements after Normal */
} gk_ooxml_package;

/* Zips the package with document (a whole word/document.xml; taken: left
 * empty, on failure too) and appends the archive's bytes to out.
 * Deterministic: fixed entry order, [Content_Types].xml first
 * (docs/stack.md), fixed timestamps, no dates in core.xml. */
int gk_ooxml__package_write(gk_buf *out, gk_buf *document,
                            const gk_ooxml_package *p) GK_WARN_UNUSED;

#endif
