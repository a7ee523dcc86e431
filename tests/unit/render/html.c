/*
 * Unit tests of the HTML, Markdown and text renderers beyond the golden
 * files: the official labels (typed here from spec §1.3–1.5, not taken from
 * report.h, so a wrong label in the model fails), escaping of hostile text,
 * and the shape of the Markdown and text tables.
 */
#include <stdlib.h>
#include <stdio.h>
#include "test.h"
#include "gk/errors.h"
#include "gk/render.h"
#include "util/utf8.h"

/* Every label of the official tables, spec §1.3 (2021), §1.4 and §1.5. */
static const char *const official_labels[] = {
    "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
    "信息内容", "规章", "行政规范性文件", "本年制发件数", "本年废止件数", "现行有效件数",
    "行政许可", "本年处理决定数量", "行政处罚", "行政强制", "行政事业性收费",
    "本年收费金额（单位：万元）",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
    "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
    "其他", "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
    "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
    "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
    "（七）总计", "四、结转下年度继续办理", "行政复议", "行政诉讼", "未经复议直接起诉",
    "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
    /* section headings, spec §1.2 */
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

static gk_report *load_file(const char *rel)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path(rel), &len);
    gk_report *r = NULL;

    if (gk_report_from_json(&r, data, len) < 0)
        r = NULL;
    gk_free(data);
    return r;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;

    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

GK_TEST(render_html, every_official_label_in_a_cell)
{
    gk_report *r = load_file("tests/resources/seed-2024.json");
    gk_buf out = GK_BUF_INIT;
    char want[512];
    size_t i;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_HTML));
    for (i = 0; i < sizeof official_labels / sizeof official_labels[0]; i++) {
        /* as the whole content of a cell or heading: ">label</" */
        snprintf(want, sizeof want, ">%s</", official_labels[i]);
        if (!strstr(out.ptr, want))
            GK_T_FAIL("label missing from the HTML: %s", official_labels[i]);
    }
    gk_buf_release(&out);
    gk_report_free(r);
}

GK_TEST(render_html, page_shape_and_spans)
{
    gk_report *r = load_file("tests/resources/seed-2024.json");
    gk_buf out = GK_BUF_INIT;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_HTML));
    GK_T_OK(!strncmp(out.ptr, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35));
    GK_T_OK(strstr(out.ptr, "<meta charset=\"utf-8\">") != NULL);
    GK_T_OK(strstr(out.ptr, "@page { size: A4;") != NULL);
    GK_T_OK(strstr(out.ptr, "<title>福州市鼓楼区人民政府2024年政府信息公开工作年度报告</title>"));
    GK_T_OK(strstr(out.ptr, "<h1>福州市鼓楼区人民政府2024年政府信息公开工作年度报告</h1>"));
    GK_T_INT_EQ(count(out.ptr, "<script"), 0);
    GK_T_INT_EQ(count(out.ptr, "<table"), 3);
    GK_T_OK(strstr(out.ptr, "rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为") != NULL);
    GK_T_OK(strstr(out.ptr, "colspan=\"7\">申请人情况</th>") != NULL);
    GK_T_OK(strstr(out.ptr, "rowspan=\"2\">自然人</th>") != NULL);
    GK_T_OK(strstr(out.ptr, "colspan=\"5\">法人或其他组织</th>") != NULL);
    GK_T_OK(strstr(out.ptr, "rowspan=\"22\">三、本年度办理结果</td>") != NULL);
    GK_T_OK(strstr(out.ptr, "rowspan=\"8\">（三）不予公开</td>") != NULL);
    GK_T_OK(strstr(out.ptr, "colspan=\"5\">行政复议</th>") != NULL);
    GK_T_OK(strstr(out.ptr, "colspan=\"10\">行政诉讼</th>") != NULL);
    /* 25 data rows + 3 header rows in table 3, 4 rows in table 4, 14 in table 2 */
    GK_T_INT_EQ(count(out.ptr, "<tr>"), 28 + 4 + 14);
    GK_T_OK(!strcmp(out.ptr + out.len - 8, "</html>\n"));
    gk_buf_release(&out);
    gk_report_free(r);
}

/* Sums the wN of the <col class="wN"> from p to the next </colgroup>. */
static int col_sum(const char *p, int *ncols)
{
    const char *end = strstr(p, "</colgroup>");
    int sum = 0;

    *ncols = 0;
    while ((p = strstr(p, "<col class=\"w")) && p < end) {
        sum += (int)strtol(p + 13, NULL, 10);
        ++*ncols;
        p += 13;
    }
    return sum;
}

/* No style attribute (a strict CSP blocks them where the report is
 * embedded): widths are classes of gk_render_html_css, which the page's
 * own <style> carries; each table's widths add up to 100%, table 3 keeps
 * its wide 内容 column (34 of 81 preferred units = 42%). */
GK_TEST(render_html, widths_are_classes_of_the_page_style)
{
    gk_report *r = load_file("tests/resources/seed-2024.json");
    gk_buf out = GK_BUF_INIT;
    const char *p, *t3;
    int n, tables = 0;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_HTML));
    GK_T_INT_EQ(count(out.ptr, "style=\""), 0);
    GK_T_OK(strstr(out.ptr, gk_render_html_css()) != NULL);
    GK_T_OK(strstr(gk_render_html_css(), "col.w1{width:1%}") != NULL);
    GK_T_OK(strstr(gk_render_html_css(), "col.w100{width:100%}") != NULL);
    for (p = out.ptr; (p = strstr(p, "<colgroup>")) != NULL; p++, tables++) {
        GK_T_INT_EQ(col_sum(p, &n), 100);
        GK_T_OK(n > 0);
    }
    GK_T_INT_EQ(tables, 3);
    t3 = strstr(out.ptr, "<table class=\"table3\">");
    {
        static const char want[] = "<colgroup><col class=\"w5\"><col class=\"w10\"><col class=\"w42\">";

        GK_T_OK(t3 && !strncmp(strstr(t3, "<colgroup>"), want, sizeof want - 1));
    }
    gk_buf_release(&out);
    gk_report_free(r);
}

static gk_report *hostile(void)
{
    const char *j =
        "{\"schema\":\"gongkai.report/1\",\"agency\":\"<script>alert('x')</script>&\\\"局\","
        "\"year\":2024,"
        "\"applications\":{\"NEW\":[1,0,0,0,0,0,1]},"
        "\"sections\":[{\"no\":\"一\",\"title\":\"总体情况\","
        "\"text\":\"a<b>&amp;\\\"q\\\" 'x' <img src=x onerror=alert(1)>\\u001b[31m|*_`#\"}],"
        "\"unreadable\":[{\"cell\":\"applications.NEW[1]\",\"text\":\"<i>1</i>|\"}]}";
    gk_report *r = NULL;

    if (gk_report_from_json(&r, j, strlen(j)) < 0)
        return NULL;
    return r;
}

GK_TEST(render_html, hostile_text_is_escaped)
{
    gk_report *r = hostile();
    gk_buf out = GK_BUF_INIT;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_HTML));
    GK_T_INT_EQ(count(out.ptr, "<script"), 0);
    GK_T_INT_EQ(count(out.ptr, "<img"), 0);
    GK_T_INT_EQ(count(out.ptr, "<b>"), 0);
    GK_T_INT_EQ(count(out.ptr, "<i>"), 0);
    GK_T_INT_EQ(count(out.ptr, "\x1b"), 0);
    GK_T_OK(strstr(out.ptr,
                   "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;局2024年") != NULL);
    GK_T_OK(strstr(out.ptr, "<p>a&lt;b&gt;&amp;amp;&quot;q&quot; &#39;x&#39; &lt;img src=x "
                            "onerror=alert(1)&gt;\xEF\xBF\xBD[31m|*_`#</p>") != NULL);
    GK_T_OK(strstr(out.ptr, "&lt;i&gt;1&lt;/i&gt;|</td>") != NULL);
    gk_buf_release(&out);
    gk_report_free(r);
}

GK_TEST(render_markdown, hostile_text_is_escaped)
{
    gk_report *r = hostile();
    gk_buf out = GK_BUF_INIT;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_MARKDOWN));
    GK_T_OK(strstr(out.ptr, "# \\<script\\>alert('x')\\</script\\>\\&\"局2024年") != NULL);
    GK_T_OK(strstr(out.ptr, "a\\<b\\>\\&amp;\"q\" 'x' \\<img src=x onerror=alert(1)\\>"
                            "\xEF\xBF\xBD\\[31m\\|\\*\\_\\`#\n") != NULL);
    GK_T_OK(strstr(out.ptr, "| \\<i\\>1\\</i\\>\\| |") != NULL);
    GK_T_INT_EQ(count(out.ptr, "\x1b"), 0);
    gk_buf_release(&out);
    gk_report_free(r);
}

GK_TEST(render_markdown, list_and_heading_markers_escaped_at_line_start)
{
    const char *j = "{\"sections\":[{\"no\":\"一\",\"title\":\"总体情况\","
                    "\"text\":\"1.存在问题\\n# 不是标题\\n- 不是列表\\n2024年1.5万\"}]}";
    gk_report *r = NULL;
    gk_buf out = GK_BUF_INIT;

    GK_T_CALL(gk_report_from_json(&r, j, strlen(j)));
    GK_T_CALL(gk_render(&out, r, GK_RENDER_MARKDOWN));
    GK_T_OK(strstr(out.ptr, "\n1\\.存在问题\n") != NULL);
    GK_T_OK(strstr(out.ptr, "\n\\# 不是标题\n") != NULL);
    GK_T_OK(strstr(out.ptr, "\n\\- 不是列表\n") != NULL);
    GK_T_OK(strstr(out.ptr, "\n2024年1.5万\n") != NULL);
    gk_buf_release(&out);
    gk_report_free(r);
}

/* In every Markdown table, each line has as many cells as its header. */
GK_TEST(render_markdown, tables_are_rectangular)
{
    gk_report *r = load_file("tests/resources/render/report-2019.json");
    gk_buf out = GK_BUF_INIT;
    const char *line;
    size_t want = 0, tables = 0;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_MARKDOWN));
    for (line = out.ptr; *line; line = strchr(line, '\n') + 1) {
        size_t n = 0;
        const char *p;
        if (*line != '|') {
            want = 0;
            continue;
        }
        for (p = line; *p != '\n'; p++)
            n += *p == '|' && p[-1] != '\\';
        if (!want) {
            want = n;
            tables++;
        } else if (n != want) {
            GK_T_FAIL("markdown row with %zu bars, header has %zu: %.60s", n, want, line);
        }
    }
    GK_T_INT_EQ(tables, 5 + 1 + 1); /* five blocks of the 2019 table 2, tables 3 and 4 */
    gk_buf_release(&out);
    gk_report_free(r);
}

/* Every line of a text table has the same display width (CJK = 2). */
GK_TEST(render_text, table_lines_align_by_display_width)
{
    gk_report *r = load_file("tests/resources/render/report-collapsed.json");
    gk_buf out = GK_BUF_INIT;
    const char *line, *nl;
    size_t want = 0, lines = 0;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_TEXT));
    for (line = out.ptr; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
        size_t w = gk_utf8_width(line, (size_t)(nl - line));
        if (*line != '+' && *line != '|') {
            want = 0;
            continue;
        }
        lines++;
        if (!want)
            want = w;
        else if (w != want)
            GK_T_FAIL("text table line of width %zu, expected %zu: %.80s", w, want, line);
    }
    GK_T_OK(lines > 60);
    GK_T_OK(strstr(out.ptr, "（报告未载明此表）") != NULL);
    GK_T_OK(strstr(out.ptr, "（报告未载明此行）") != NULL);
    gk_buf_release(&out);
    gk_report_free(r);
}

GK_TEST(render_text, control_characters_do_not_reach_the_terminal)
{
    gk_report *r = hostile();
    gk_buf out = GK_BUF_INIT;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_render(&out, r, GK_RENDER_TEXT));
    GK_T_INT_EQ(count(out.ptr, "\x1b"), 0);
    GK_T_OK(strstr(out.ptr, "\xEF\xBF\xBD[31m") != NULL);
    gk_buf_release(&out);
    gk_report_free(r);
}

/* A huge unreadable cell text (1 MiB) renders in linear time in every text
 * format: it wraps inside its column of the text table. */
GK_TEST(render_text, huge_cell_text_renders)
{
    gk_report *r = load_file("tests/resources/seed-2024.json");
    gk_buf out = GK_BUF_INIT;
    size_t n = (size_t)1 << 20, f;
    char *big = gk_malloc(n + 1);

    GK_T_OK(r != NULL && big != NULL);
    memset(big, 'x', n);
    big[n] = '\0';
    r->t3[GK_T3_NEW][0].state = GK_CELL_UNREADABLE;
    r->t3[GK_T3_NEW][0].text = big;
    for (f = 0; f < 3; f++) {
        gk_buf_clear(&out);
        GK_T_CALL(gk_render(&out, r, (gk_render_format)f));
        GK_T_OK(out.len > n);
    }
    GK_T_OK(strstr(out.ptr, "| xxxxxxxxxxxxxxxxxxxxxxxx |") != NULL);
    gk_buf_release(&out);
    gk_free(big);
    gk_report_free(r);
}
