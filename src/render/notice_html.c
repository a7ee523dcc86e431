/*
 * notice_html.c: a notice as a standalone, printable HTML page: A4 with
 * the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right
 * 26 mm), body text 三号 (16 pt), the letterhead line in red over a red
 * rule. All text goes through gk_render__put_html; a line break inside a
 * field value becomes <br>.
 */
#include "escape.h"
#include "notice_int.h"

static const char *const style_class[NS_NSTYLES] = {
    [NS_BODY] = "body", [NS_LETTERHEAD] = "letterhead", [NS_TITLE] = "title",
    [NS_REF] = "ref",   [NS_PLAIN] = "plain",           [NS_RIGHT] = "right",
};

static const char head_css[] =
    "@page{size:A4;margin:37mm 26mm 35mm 28mm}\n"
    "body{margin:0;background:#fff;color:#000;font-family:\"FangSong\",\"STFangsong\",\"仿宋\","
    "\"SimSun\",\"Noto Serif CJK SC\",serif;font-size:16pt;line-height:1.75}\n"
    "main{max-width:156mm;margin:0 auto}\n"
    "@media screen{main{padding:20mm 0}}\n"
    "p{margin:0;text-align:justify;overflow-wrap:anywhere}\n"
    "p.body{text-indent:2em}\n"
    "p.letterhead{color:#c00;text-align:center;font-family:\"SimSun\",\"Noto Serif CJK SC\",serif;"
    "font-size:26pt;font-weight:bold;letter-spacing:.08em;padding-bottom:3mm;"
    "border-bottom:2pt solid #c00;margin-bottom:10mm}\n"
    "p.title{text-align:center;font-family:\"SimHei\",\"Noto Sans CJK SC\",sans-serif;"
    "font-size:22pt;margin:2mm 0 4mm}\n"
    "p.ref{text-align:center;margin-bottom:6mm}\n"
    "p.right{text-align:right}\n"
    "p.body+p.right{margin-top:12mm}\n";

/* Text with "\n" turned into <br>. */
static int put_text(gk_buf *out, const char *s, size_t len)
{
    size_t from = 0, i;
    int error = 0;

    for (i = 0; i <= len && error == 0; i++) {
        if (i < len && s[i] != '\n')
            continue;
        error = gk_render__put_html(out, s + from, i - from);
        if (error == 0 && i < len)
            error = gk_buf_puts(out, "<br>");
        from = i + 1;
    }
    return error;
}

int gk_notice__html(gk_buf *out, const notice_doc *doc)
{
    const char *title = doc->title ? doc->title : "政府信息公开告知书";
    size_t i;
    int error;

    error = gk_buf_puts(out,
                        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"generator\" content=\"gongkai\">\n<title>");
    if (error == 0)
        error = put_text(out, title, strlen(title));
    if (error == 0)
        error = gk_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n",
                              head_css);
    for (i = 0; i < doc->n && error == 0; i++) {
        error = gk_buf_printf(out, "<p class=\"%s\">", style_class[doc->p[i].style]);
        if (error == 0)
            error = put_text(out, doc->text.ptr + doc->p[i].off, doc->p[i].len);
        if (error == 0)
            error = gk_buf_puts(out, "</p>\n");
    }
    if (error == 0)
        error = gk_buf_puts(out, "</main>\n</body>\n</html>\n");
    return error;
}
