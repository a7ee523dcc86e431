/*
 * xlsx.c: tests of the XLSX renderer: byte-identical output (also across
 * time zones), merges of the official tables, numbers stored as numbers,
 * the fee amount's decimals, unreadable cells kept as highlighted text, and
 * the worksheets against golden XML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "gk/errors.h"
#include "office_util.h"
#include "test.h"

static char *sheet(const gk_buf *x, int n)
{
    char name[64];

    snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", n);
    return office_unzip(x->ptr, x->len, name, NULL);
}

GK_TEST(render_xlsx, deterministic_bytes)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf a = GK_BUF_INIT, b = GK_BUF_INIT;
    const char *tz = getenv("TZ");
    char *saved = tz ? gk_strdup(tz) : NULL;

    GK_T_OK(r);
    GK_T_CALL(office_render(&a, r, GK_RENDER_XLSX));
    /* another time zone must not change a byte (zip timestamps, core.xml) */
    setenv("TZ", "America/Los_Angeles", 1);
    tzset();
    GK_T_CALL(office_render(&b, r, GK_RENDER_XLSX));
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    gk_free(saved);
    GK_T_OK(a.len > 1000 && !memcmp(a.ptr, "PK\3\4", 4));
    GK_T_MEM_EQ(a.ptr, a.len, b.ptr, b.len);
    gk_buf_release(&a);
    gk_buf_release(&b);
    gk_report_free(r);
}

GK_TEST(render_xlsx, three_sheets_with_titles)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf x = GK_BUF_INIT;
    char *wb, *ss;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_XLSX));
    wb = office_unzip(x.ptr, x.len, "xl/workbook.xml", NULL);
    ss = office_unzip(x.ptr, x.len, "xl/sharedStrings.xml", NULL);
    GK_T_OK(wb && ss);
    GK_T_OK(strstr(wb, "name=\"表二 主动公开\""));
    GK_T_OK(strstr(wb, "name=\"表三 依申请公开\""));
    GK_T_OK(strstr(wb, "name=\"表四 复议诉讼\""));
    GK_T_OK(strstr(ss, "福州市鼓楼区人民政府2024年政府信息公开工作年度报告"));
    GK_T_OK(strstr(ss, "三、收到和处理政府信息公开申请情况"));
    GK_T_OK(strstr(ss, "3.危及“三安全一稳定”"));
    GK_T_OK(strstr(ss, GK_T3_CORNER_LABEL));
    GK_T_OK(strstr(ss, "本年收费金额（单位：万元）"));
    gk_free(wb);
    gk_free(ss);
    gk_buf_release(&x);
    gk_report_free(r);
}

/* Table 3 as the national form merges it (spec §1.4); the sheet starts
 * with a title row and a heading row, so the grid begins at row 3. */
GK_TEST(render_xlsx, table3_merges)
{
    static const char *const merges[] = {
        "A3:C5",   /* the 勾稽关系 note: 3 columns × 3 header rows */
        "D3:J3",   /* 申请人情况 */
        "D4:D5",   /* 自然人 */
        "E4:I4",   /* 法人或其他组织 */
        "J4:J5",   /* 总计 */
        "A6:C6",   /* 一、本年新收 */
        "A8:A29",  /* 三、本年度办理结果 over the 22 result rows */
        "B8:C8",   /* （一）予以公开 */
        "B10:B17", /* （三）不予公开 over 8 */
        "B18:B20", /* （四）无法提供 over 3 */
        "B21:B25", /* （五）不予处理 over 5 */
        "B26:B28", /* （六）其他处理 over 3 */
        "B29:C29", /* （七）总计 */
        "A30:C30", /* 四、结转下年度继续办理 */
    };
    gk_report *r = office_load("seed-2024.json");
    gk_buf x = GK_BUF_INIT;
    char *s, want[64];
    size_t i;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_XLSX));
    s = sheet(&x, 2);
    GK_T_OK(s);
    for (i = 0; i < GK_ARRAY_LEN(merges); i++) {
        snprintf(want, sizeof want, "<mergeCell ref=\"%s\"/>", merges[i]);
        if (!strstr(s, want))
            GK_T_FAIL("table 3: merge %s missing", merges[i]);
    }
    /* NEW 总计 = 25 as a number (no t="s"), R_TOTAL 总计 = 25 */
    GK_T_OK(strstr(s, "<c r=\"J6\" s=\"") && strstr(strstr(s, "<c r=\"J6\""), "<v>25</v>"));
    GK_T_OK(!strstr(s, "<f>")); /* no formulas: trap T4 */
    gk_free(s);
    gk_buf_release(&x);
    gk_report_free(r);
}

GK_TEST(render_xlsx, table2_and_table4_merges)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf x = GK_BUF_INIT;
    char *s2, *s4;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_XLSX));
    s2 = sheet(&x, 1);
    s4 = sheet(&x, 3);
    GK_T_OK(s2 && s4);
    /* 2021 table 2: caption rows over 4 columns, 本年处理决定数量 over 3 */
    GK_T_OK(strstr(s2, "<mergeCell ref=\"A3:D3\"/>")); /* 第二十条第（一）项 */
    GK_T_OK(strstr(s2, "<mergeCell ref=\"B8:D8\"/>")); /* 本年处理决定数量 (（五）项) */
    GK_T_OK(strstr(s2, "<mergeCell ref=\"B9:D9\"/>")); /* 行政许可's number */
    GK_T_OK(strstr(s2, "<mergeCell ref=\"B16:D16\"/>")); /* 行政事业性收费's amount */
    /* title, heading, 4 captions, 3 spanned headers, 4 spanned values */
    GK_T_INT_EQ(office_count(s2, "<mergeCell "), 2 + 4 + 3 + 4);
    /* table 4 (spec §1.5) */
    GK_T_OK(strstr(s4, "<mergeCell ref=\"A3:E3\"/>")); /* 行政复议 */
    GK_T_OK(strstr(s4, "<mergeCell ref=\"F3:O3\"/>")); /* 行政诉讼 */
    GK_T_OK(strstr(s4, "<mergeCell ref=\"A4:A5\"/>")); /* 结果维持 over 2 rows */
    GK_T_OK(strstr(s4, "<mergeCell ref=\"F4:J4\"/>")); /* 未经复议直接起诉 */
    GK_T_OK(strstr(s4, "<mergeCell ref=\"K4:O4\"/>")); /* 复议后起诉 */
    GK_T_INT_EQ(office_count(s4, "<mergeCell "), 2 + 5 + 2 + 2);
    GK_T_OK(strstr(s4, "<c r=\"A6\" s=\"") && strstr(strstr(s4, "<c r=\"A6\""), "<v>2</v>"));
    /* print setup: A4 landscape for the 15-column table */
    GK_T_OK(strstr(s4, "paperSize=\"9\"") && strstr(s4, "orientation=\"landscape\""));
    gk_free(s2);
    gk_free(s4);
    gk_buf_release(&x);
    gk_report_free(r);
}

GK_TEST(render_xlsx, collapsed_blank_unreadable_amount)
{
    gk_report *r = office_load("report-2021-collapsed.json");
    gk_buf x = GK_BUF_INIT;
    char *s1, *s2, *s3, *ss, *st;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_XLSX));
    s1 = sheet(&x, 1);
    s2 = sheet(&x, 2);
    s3 = sheet(&x, 3);
    ss = office_unzip(x.ptr, x.len, "xl/sharedStrings.xml", NULL);
    st = office_unzip(x.ptr, x.len, "xl/styles.xml", NULL);
    GK_T_OK(s1 && s2 && s3 && ss && st);
    /* （六）其他处理 as one row: 三、 spans 20 rows, the row spans 2 columns */
    GK_T_OK(strstr(s2, "<mergeCell ref=\"A8:A27\"/>"));
    GK_T_OK(strstr(s2, "<mergeCell ref=\"B26:C26\"/>"));
    GK_T_OK(strstr(ss, "（六）其他处理"));
    GK_T_OK(!strstr(ss, "逾期不补正"));
    /* the fee 0.0375 万元 is a number with the 4-decimal format */
    GK_T_OK(strstr(s1, "<v>0.0375</v>"));
    GK_T_OK(strstr(st, "formatCode=\"0.0###\""));
    /* the blank R_PARTIAL[3] is an empty styled cell (row 9, column G) */
    GK_T_OK(strstr(s2, "<c r=\"G9\" s=\""));
    GK_T_OK(!strstr(strstr(s2, "<c r=\"G9\""), "<v>") ||
            strstr(strstr(s2, "<c r=\"G9\""), "/>") < strstr(strstr(s2, "<c r=\"G9\""), "<v>"));
    /* unreadable cells keep their text, on the highlight fill */
    GK_T_OK(strstr(ss, "<t>若干</t>") && strstr(ss, "<t>见附件</t>"));
    GK_T_OK(strstr(st, "FFFFC7CE"));
    GK_T_OK(strstr(s3, "<c r=\"D6\" s=\"") && strstr(strstr(s3, "<c r=\"D6\""), "t=\"s\""));
    gk_free(s1);
    gk_free(s2);
    gk_free(s3);
    gk_free(ss);
    gk_free(st);
    gk_buf_release(&x);
    gk_report_free(r);
}

GK_TEST(render_xlsx, format_2019_table2)
{
    gk_report *r = office_load("report-2019-trial.json");
    gk_buf x = GK_BUF_INIT;
    char *s1, *ss;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_XLSX));
    s1 = sheet(&x, 1);
    ss = office_unzip(x.ptr, x.len, "xl/sharedStrings.xml", NULL);
    GK_T_OK(s1 && ss);
    GK_T_OK(strstr(ss, "其他对外管理服务事项") && strstr(ss, "政府集中采购"));
    GK_T_OK(strstr(ss, "第二十条第（九）项"));
    /* 第（八）项 has 2 columns in a 4-column table: 本年增/减 spans 2 */
    GK_T_OK(strstr(ss, "本年增/减"));
    GK_T_OK(strstr(s1, "<v>1234.5678</v>"));
    GK_T_OK(strstr(s1, "<v>-3</v>"));
    gk_free(s1);
    gk_free(ss);
    gk_buf_release(&x);
    gk_report_free(r);
}

/* Golden XML of the three worksheets and the shared strings (the zip's
 * compressed bytes depend on the zlib build; the XML does not). */
GK_TEST(render_xlsx, golden_parts)
{
    static const char *const fixtures[] = {"seed-2024", "report-2019-trial",
                                           "report-2021-collapsed"};
    static const char *const parts[] = {"xl/worksheets/sheet1.xml",
                                        "xl/worksheets/sheet2.xml",
                                        "xl/worksheets/sheet3.xml",
                                        "xl/sharedStrings.xml",
                                        "xl/styles.xml",
                                        "docProps/core.xml"};
    size_t f, p, len;

    for (f = 0; f < GK_ARRAY_LEN(fixtures); f++) {
        char name[128], gname[256];
        gk_report *r;
        gk_buf x = GK_BUF_INIT;

        snprintf(name, sizeof name, "%s.json", fixtures[f]);
        r = office_load(name);
        GK_T_OK(r);
        GK_T_CALL(office_render(&x, r, GK_RENDER_XLSX));
        for (p = 0; p < GK_ARRAY_LEN(parts); p++) {
            char *data = office_unzip(x.ptr, x.len, parts[p], &len);
            const char *base = strrchr(parts[p], '/') + 1;
            bool ok;

            GK_T_OK(data);
            snprintf(gname, sizeof gname, "%s.xlsx.d/%s", fixtures[f], base);
            ok = office_golden(gname, data, len);
            gk_free(data);
            if (!ok)
                GK_T_FAIL("golden %s differs", gname);
        }
        gk_buf_release(&x);
        gk_report_free(r);
    }
}
