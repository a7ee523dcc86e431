/*
 * hostile.c: inputs built to hurt a parser (issue 3): truncated HTML, a
 * 10 MB single line, tables nested 10,000 deep, invalid UTF-8, a table of
 * 10,000 columns. Each must give a clear error or a report, in bounded time
 * and memory (ASan watches the memory); plus the charset steps.
 */
#include <stdio.h>
#include <time.h>
#include "gk/parse.h"
#include "parse/parse_int.h"
#include "test.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Parses; returns 0 for a report, 1 for a clear error, -1 for anything else. */
static int try_parse(const char *data, size_t len, gk_input_format f)
{
    gk_report *r = NULL;
    gk_parse_opts o = GK_PARSE_OPTS_INIT;
    int rc;

    o.format = f;
    rc = gk_parse(&r, data, len, &o);
    if (rc == 0 && r) {
        gk_report_free(r);
        return 0;
    }
    return rc < 0 && gk_error_last()->message && *gk_error_last()->message ? 1 : -1;
}

static char *repeat(const char *unit, size_t times, const char *head, const char *tail,
                    size_t *len)
{
    gk_buf b = GK_BUF_INIT;
    size_t i;
    int e = gk_buf_puts(&b, head);

    for (i = 0; i < times && !e; i++)
        e = gk_buf_puts(&b, unit);
    if (!e)
        e = gk_buf_puts(&b, tail);
    return e ? NULL : gk_buf_take(&b, len);
}

GK_TEST(parse_hostile, nested_tables_10000_deep)
{
    size_t len;
    char *s = repeat("<table><tr><td>", 10000, "<html><body>", "1", &len);
    double t0 = now();

    GK_T_OK(s);
    GK_T_OK(try_parse(s, len, GK_INPUT_HTML) >= 0);
    GK_T_OK(now() - t0 < 20);
    gk_free(s);
}

GK_TEST(parse_hostile, table_of_10000_columns)
{
    size_t len;
    char *s = repeat("<td>7</td>", 10000, "<table><tr><td>一、本年新收政府信息公开申请数量</td>",
                     "</tr></table>", &len);
    gk_grid g;

    GK_T_OK(s);
    GK_T_OK(try_parse(s, len, GK_INPUT_HTML) >= 0);
    gk_grid_init(&g);
    GK_T_CALL(gk_parse__html_grid(&g, s, len));
    GK_T_OK(g.truncated); /* over GK_PARSE_MAX_ROW_CELLS: cells dropped, said so */
    GK_T_INT_EQ(g.rows[0].ncells, GK_PARSE_MAX_ROW_CELLS);
    gk_grid_release(&g);
    gk_free(s);
}

GK_TEST(parse_hostile, ten_megabyte_single_line)
{
    size_t len;
    char *s = repeat("1.属于国家秘密0000000", 10 * 1024 * 1024 / 28, "一、本年新收政府信息公开申请数量",
                     "\n", &len);
    double t0 = now();

    GK_T_OK(s);
    GK_T_OK(try_parse(s, len, GK_INPUT_TEXT) >= 0);
    GK_T_OK(try_parse(s, len, GK_INPUT_MARKDOWN) >= 0);
    GK_T_OK(now() - t0 < 60);
    gk_free(s);
}

GK_TEST(parse_hostile, truncated_html_and_invalid_utf8)
{
    static const char *const inputs[] = {
        "<table><tr><td>一、本年新收政府信息公开申请数量<td>1<td>2",
        "<table><tr><td colspan=99999999999>x",
        "<!-- never closed <table>",
        "<script>while(1){}",
        "<table><tr><td>&#x110000;&#0;&#xD800;&#99999999999999;",
        "\xff\xfe\xfd<table>\xc3\x28\xe2\x82<tr><td>\xf0\x28\x8c\x28</td></tr></table>",
        "一、本年新收政府信息公开申请数量 \x80\x81 99999999999999999999999999999999999999999999",
        "| a | b |\n|---|---|\n| \xc3 | 1 |\n|",
        "<",
        "&",
    };
    size_t i;
    int bad = 0;

    for (i = 0; i < GK_ARRAY_LEN(inputs); i++) {
        gk_input_format f;
        for (f = GK_INPUT_HTML; f <= GK_INPUT_MARKDOWN; f++)
            if (try_parse(inputs[i], strlen(inputs[i]), f) < 0) {
                fprintf(stderr, "# input %zu as %d: no report and no message\n", i, (int)f);
                bad++;
            }
    }
    GK_T_INT_EQ(bad, 0);
}

GK_TEST(parse_hostile, empty_and_binary_are_clear_errors)
{
    gk_report *r = NULL;

    GK_T_INT_EQ(gk_parse(&r, "x\0y", 3, NULL), GK_EINVALID);
    GK_T_INT_EQ(gk_parse(&r, "", 0, NULL), GK_EINVALID);
    GK_T_INT_EQ(gk_parse(&r, "hello world\n", 12, NULL), GK_EINVALID);
}

GK_TEST(parse_charset, gbk_declared_and_undeclared)
{
    /* "中文" in GBK is D6 D0 CE C4; "镕" (GBK-only, not GB2312) is E9 46. */
    static const char decl[] = "<meta charset=\"gb2312\"><p>\xD6\xD0\xCE\xC4\xE9\x46</p>";
    static const char bare[] = "\xD6\xD0\xCE\xC4";
    gk_buf b = GK_BUF_INIT;

    GK_T_CALL(gk_parse__to_utf8(&b, decl, sizeof(decl) - 1, true));
    GK_T_OK(strstr(gk_buf_cstr(&b), "中文镕") != NULL);
    gk_buf_clear(&b);
    GK_T_CALL(gk_parse__to_utf8(&b, bare, sizeof(bare) - 1, false));
    GK_T_STR_EQ(gk_buf_cstr(&b), "中文");
    gk_buf_clear(&b);
    GK_T_CALL(gk_parse__to_utf8(&b, "\xEF\xBB\xBF" "abc", 6, false));
    GK_T_STR_EQ(gk_buf_cstr(&b), "abc");
    gk_buf_release(&b);
}

GK_TEST(parse_charset, traditional_to_simplified)
{
    static const char trad[] = "政府資訊公開工作年度報告：收到和處理政府資訊公開申請情況，機關數項";
    gk_buf b = GK_BUF_INIT;

    if (gk_parse__t2s(&b, "資", 3) == 0) {
        gk_buf_release(&b);
        GK_T_SKIP("OpenCC t2s config not installed");
    }
    gk_buf_clear(&b);
    GK_T_CALL(gk_parse__to_utf8(&b, trad, sizeof(trad) - 1, false));
    GK_T_OK(strstr(gk_buf_cstr(&b), "收到和处理政府") != NULL);
    gk_buf_release(&b);
}
