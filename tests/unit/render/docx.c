/*
 * docx.c: tests of the DOCX renderer: byte-identical output (also across
 * time zones), the package parts, w:lang eastAsia (trap T5), every label,
 * merges (gridSpan/vMerge) of the official tables, a consistent grid in
 * every row, XML escaping, and document.xml against golden files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "gk/errors.h"
#include "office_util.h"
#include "test.h"

static char *document(const gk_buf *x)
{
    return office_unzip(x->ptr, x->len, "word/document.xml", NULL);
}

GK_TEST(render_docx, deterministic_bytes)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf a = GK_BUF_INIT, b = GK_BUF_INIT;
    const char *tz = getenv("TZ");
    char *saved = tz ? gk_strdup(tz) : NULL;

    GK_T_OK(r);
    GK_T_CALL(office_render(&a, r, GK_RENDER_DOCX));
    setenv("TZ", "Asia/Tokyo", 1);
    tzset();
    GK_T_CALL(office_render(&b, r, GK_RENDER_DOCX));
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    gk_free(saved);
    GK_T_OK(a.len > 1000 && !memcmp(a.ptr, "PK\3\4", 4));
    /* [Content_Types].xml is the first entry */
    GK_T_OK(!memcmp(a.ptr + 30, "[Content_Types].xml", 19));
    GK_T_MEM_EQ(a.ptr, a.len, b.ptr, b.len);
    gk_buf_release(&a);
    gk_buf_release(&b);
    gk_report_free(r);
}

GK_TEST(render_docx, parts_language_and_labels)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf x = GK_BUF_INIT;
    char *d, *st, *ct;
    int row, c, g;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_DOCX));
    d = document(&x);
    st = office_unzip(x.ptr, x.len, "word/styles.xml", NULL);
    ct = office_unzip(x.ptr, x.len, "[Content_Types].xml", NULL);
    GK_T_OK(d && st && ct);
    GK_T_OK(strstr(ct, "/word/document.xml"));
    GK_T_OK(strstr(st, "w:eastAsia=\"zh-CN\"") && strstr(st, "w:eastAsia=\"SimSun\""));
    GK_T_OK(strstr(d, "w:eastAsia=\"zh-CN\""));
    GK_T_OK(strstr(d, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")); /* A4 */
    GK_T_OK(strstr(d, ">福州市鼓楼区人民政府2024年政府信息公开工作年度报告<"));
    for (c = 0; c < 6; c++) {
        static const char *const no[] = {"一", "二", "三", "四", "五", "六"};
        char h[256];
        snprintf(h, sizeof h, ">%s、%s<", no[c], gk_section_title(c));
        if (!strstr(d, h))
            GK_T_FAIL("heading %s missing", h);
    }
    GK_T_OK(strstr(d, "2024年度本单位未收取信息处理费。"));
    for (row = 0; row < GK_T3_NROWS; row++) {
        char l[512];
        snprintf(l, sizeof l, ">%s<", gk_t3_row_label(row));
        if (!strstr(d, l))
            GK_T_FAIL("table 3 label %s missing", l);
    }
    for (c = 0; c < GK_T3_NCOLS; c++)
        GK_T_OK(strstr(d, gk_t3_col_label(c)));
    for (g = 0; g < GK_T4_NGROUPS; g++)
        GK_T_OK(strstr(d, gk_t4_group_label(g)));
    GK_T_OK(strstr(d, ">" GK_T3_RESULTS_LABEL "<") && strstr(d, ">" GK_T3_CORNER_LABEL "<"));
    GK_T_OK(strstr(d, ">行政规范性文件<") && strstr(d, ">本年收费金额（单位：万元）<"));
    gk_free(d);
    gk_free(st);
    gk_free(ct);
    gk_buf_release(&x);
    gk_report_free(r);
}

/* Every row of every table covers the table's grid exactly: the sum of
 * gridSpan (default 1) of its cells equals the number of gridCol. */
static int check_grids(const char *d, int *ntables)
{
    const char *t = d;

    *ntables = 0;
    while ((t = strstr(t, "<w:tbl>")) != NULL) {
        const char *end = strstr(t, "</w:tbl>"), *tr = t;
        int ncols = 0;
        const char *p = t;

        while ((p = strstr(p, "<w:gridCol ")) != NULL && p < end) {
            ncols++;
            p++;
        }
        while ((tr = strstr(tr, "<w:tr>")) != NULL && tr < end) {
            const char *tr_end = strstr(tr, "</w:tr>"), *tc = tr;
            int sum = 0;
            while ((tc = strstr(tc, "<w:tc>")) != NULL && tc < tr_end) {
                const char *next = strstr(tc + 1, "<w:tc>");
                const char *span = strstr(tc, "<w:gridSpan w:val=\"");
                sum += span && span < tr_end && (!next || span < next)
                           ? (int)strtol(span + 19, NULL, 10)
                           : 1;
                tc++;
            }
            if (sum != ncols)
                return -1;
            tr++;
        }
        (*ntables)++;
        t = end;
    }
    return 0;
}

GK_TEST(render_docx, merges_like_the_official_tables)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf x = GK_BUF_INIT;
    char *d;
    const char *t3;
    int ntables;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_DOCX));
    d = document(&x);
    GK_T_OK(d);
    GK_T_INT_EQ(check_grids(d, &ntables), 0);
    GK_T_INT_EQ(ntables, 3);
    /* table 3: corner 3×3, 三、 over 22 rows, （三） over 8 ... */
    t3 = strstr(strstr(d, "<w:tbl>") + 1, "<w:tbl>");
    GK_T_OK(t3);
    GK_T_OK(strstr(t3, "<w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/>"));
    GK_T_OK(strstr(t3, "<w:gridSpan w:val=\"7\"/>"));
    GK_T_OK(strstr(t3, "<w:gridSpan w:val=\"5\"/>"));
    /* vMerge restarts: corner, 自然人, 总计, 三、, （三）（四）（五）（六）; then table 4's 5 */
    GK_T_INT_EQ(office_count(d, "<w:vMerge w:val=\"restart\"/>"), 8 + 5);
    /* continuations: corner 2, 自然人 1, 总计 1, 三、 21, （三） 7, （四） 2, （五） 4, （六） 2,
     * table 4's five result columns 1 each */
    GK_T_INT_EQ(office_count(d, "<w:vMerge/>"), 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2 + 5);
    /* header rows repeat on every page */
    GK_T_INT_EQ(office_count(d, "<w:tblHeader/>"), 3 + 3);
    gk_free(d);
    gk_buf_release(&x);
    gk_report_free(r);
}

GK_TEST(render_docx, collapsed_escaped_unreadable)
{
    gk_report *r = office_load("report-2021-collapsed.json");
    gk_buf x = GK_BUF_INIT;
    char *d, *core;
    int ntables;

    GK_T_OK(r);
    GK_T_CALL(office_render(&x, r, GK_RENDER_DOCX));
    d = document(&x);
    core = office_unzip(x.ptr, x.len, "docProps/core.xml", NULL);
    GK_T_OK(d && core);
    GK_T_INT_EQ(check_grids(d, &ntables), 0);
    GK_T_INT_EQ(ntables, 3);
    GK_T_OK(strstr(d, ">（六）其他处理<") && !strstr(d, "逾期不补正"));
    GK_T_OK(strstr(d, "示例区人民政府 &amp; &lt;测试&gt;2023年"));
    GK_T_OK(strstr(core, "示例区人民政府 &amp; &lt;测试&gt;"));
    GK_T_OK(strstr(d, "<w:tab/>") && strstr(d, "a&lt;b &amp; c&gt;d"));
    GK_T_OK(strstr(d, ">0.0375<"));                                 /* fee, up to 4 decimals */
    GK_T_OK(strstr(d, "w:fill=\"FFC7CE\"") && strstr(d, ">若干<")); /* unreadable */
    GK_T_INT_EQ(office_count(d, "w:fill=\"FFC7CE\""), 2);
    gk_free(d);
    gk_free(core);
    gk_buf_release(&x);
    gk_report_free(r);
}

GK_TEST(render_docx, control_characters_dropped)
{
    gk_report *r = office_load("seed-2024.json");
    gk_buf x = GK_BUF_INIT;
    char *d;
    size_t i;
    static const char bad[] = "控制\x01字符\x1f与\xef\xbf\xbe非字符";

    GK_T_OK(r);
    r->nsections = 0;
    GK_T_CALL(gk_report_add_section(r, "五", "存在的主要问题及改进情况", bad, sizeof bad - 1));
    GK_T_CALL(office_render(&x, r, GK_RENDER_DOCX));
    d = document(&x);
    GK_T_OK(d);
    GK_T_OK(strstr(d, ">控制字符与非字符<"));
    for (i = 0; d[i]; i++)
        if ((unsigned char)d[i] < 0x20 && d[i] != '\n')
            GK_T_FAIL("control byte 0x%02x at %zu", (unsigned)d[i], i);
    gk_free(d);
    gk_buf_release(&x);
    gk_report_free(r);
}

GK_TEST(render_docx, golden_document)
{
    static const char *const fixtures[] = {"seed-2024", "report-2019-trial",
                                           "report-2021-collapsed"};
    size_t f, len;

    for (f = 0; f < GK_ARRAY_LEN(fixtures); f++) {
        char name[128];
        gk_report *r;
        gk_buf x = GK_BUF_INIT;
        char *data;
        bool ok;

        snprintf(name, sizeof name, "%s.json", fixtures[f]);
        r = office_load(name);
        GK_T_OK(r);
        GK_T_CALL(office_render(&x, r, GK_RENDER_DOCX));
        data = office_unzip(x.ptr, x.len, "word/document.xml", &len);
        GK_T_OK(data);
        snprintf(name, sizeof name, "%s.docx.d/document.xml", fixtures[f]);
        ok = office_golden(name, data, len);
        gk_free(data);
        gk_buf_release(&x);
        gk_report_free(r);
        if (!ok)
            GK_T_FAIL("golden %s differs", name);
    }
}
