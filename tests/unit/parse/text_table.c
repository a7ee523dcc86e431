/*
 * text_table.c: ruled text tables read back into grid rows (parse/
 * text_table.c): spans from the rules, wrapped lines joined, box
 * characters, blocks that only look like tables, the caps, and the text
 * renderer's goldens read back to the tables of their report JSON.
 */
#include <stdio.h>
#include <time.h>
#include "gk/parse.h"
#include "parse/text_table.h"
#include "test.h"

/* The grid's tables as gk_grid_dump_tables prints them ("T1: [a]{2,1} [b]"),
 * and the text of its free lines, one per line, into text. */
static int dump_text(const char *s, gk_buf *tables, gk_buf *text)
{
    gk_grid g;
    size_t r;
    int error;

    gk_grid_init(&g);
    error = gk_parse__text_grid(&g, s, strlen(s));
    if (error == 0)
        error = gk_grid_dump_tables(tables, &g);
    for (r = 0; r < g.nrows && error == 0 && text; r++)
        if (!g.rows[r].table && g.rows[r].ncells)
            error = gk_buf_printf(text, "%s\n", g.cells[g.rows[r].first].text);
    gk_grid_release(&g);
    return error;
}

GK_TEST(parse_text_table, spans_from_the_rules)
{
    /* "自然人" spans two rows (its text goes on through the rule), "申请人"
     * two columns; 三、本年度 is wrapped in a cell that spans two rows. */
    static const char in[] = "标题\n"
                             "\n"
                             "+----------+---------------+\n"
                             "|          |    申请人     |\n"
                             "|          +-------+-------+\n"
                             "| 自然人   | 企业  | 其他  |\n"
                             "+----------+-------+-------+\n"
                             "| 三、本年 |    25 |     0 |\n"
                             "| 度       +-------+-------+\n"
                             "|          |     3 |   abc |\n"
                             "+----------+-------+-------+\n"
                             "正文\n";
    gk_buf t = GK_BUF_INIT, x = GK_BUF_INIT;

    GK_T_CALL(dump_text(in, &t, &x));
    GK_T_STR_EQ(gk_buf_cstr(&t), "T1: [自然人]{1,2} [申请人]{2,1}\n"
                                 "T1: [企业] [其他]\n"
                                 "T1: [三、本年度]{1,2} [25] [0]\n"
                                 "T1: [3] [abc]\n");
    GK_T_STR_EQ(gk_buf_cstr(&x), "标题\n正文\n");
    gk_buf_release(&t);
    gk_buf_release(&x);
}

GK_TEST(parse_text_table, box_characters_and_double_rules)
{
    /* Unicode box drawing is one column wide; CJK two. A double rule under
     * the header, a cell spanning all columns, a blank cell. */
    static const char in[] = "┌──────────┬──────┐\n"
                             "│ 信息内容 │ 件数 │\n"
                             "╞══════════╪══════╡\n"
                             "│ 规章     │   12 │\n"
                             "├──────────┼──────┤\n"
                             "│ 规范性文 │      │\n"
                             "│ 件       │      │\n"
                             "├──────────┴──────┤\n"
                             "│      合计       │\n"
                             "└─────────────────┘\n";
    gk_buf t = GK_BUF_INIT;

    GK_T_CALL(dump_text(in, &t, NULL));
    GK_T_STR_EQ(gk_buf_cstr(&t), "T1: [信息内容] [件数]\n"
                                 "T1: [规章] [12]\n"
                                 "T1: [规范性文件] []\n"
                                 "T1: [合计]{2,1}\n");
    gk_buf_release(&t);
}

GK_TEST(parse_text_table, wrapped_words_and_bars_in_text)
{
    /* A word wrap (the line did not fill the box) keeps a space between
     * ASCII words; a character wrap (it did) does not. A '|' inside a cell
     * is text: the rules above and below have no junction there. */
    static const char in[] = "+-------------+\n"
                             "| hello       |\n"
                             "| world       |\n"
                             "+-------------+\n"
                             "| abcdefghijk |\n"
                             "| lm          |\n"
                             "+------+------+\n"
                             "| a|b  | x|y  |\n"
                             "+------+------+\n";
    gk_buf t = GK_BUF_INIT;

    GK_T_CALL(dump_text(in, &t, NULL));
    GK_T_STR_EQ(gk_buf_cstr(&t), "T1: [hello world]{2,1}\n"
                                 "T1: [abcdefghijklm]{2,1}\n"
                                 "T1: [a|b] [x|y]\n");
    gk_buf_release(&t);
}

GK_TEST(parse_text_table, lines_that_are_not_tables)
{
    /* A rule with no bar line under it, a bar line with no rule above, a
     * rule with nothing under it: no table starts on any of these lines. A
     * printed paragraph (U+3000 indent) ending in '|' is text, also in a
     * document without ruled tables. */
    static const char *const blocks[] = {
        "+-----+\n文字\n",
        "| a | b |\n+---+---+\n",
        "+---+---+\n",
        "+---+---+\n| a | b |\n",   /* no rule under the row */
        "+   +   +\n| a | b |\n+---+\n", /* the border has no rule */
        "-----\n| a |\n-----\n",
    };
    static const char para[] = "\xE3\x80\x80\xE3\x80\x80段落 |\n";
    gk_buf t = GK_BUF_INIT, x = GK_BUF_INIT;
    size_t k, used;
    uint32_t took;
    gk_grid g;

    for (k = 0; k < GK_ARRAY_LEN(blocks); k++) {
        gk_grid_init(&g);
        GK_T_INT_EQ(gk_parse__ruled_table(&g, blocks[k], strlen(blocks[k]), 1, &used, &took), 0);
        GK_T_INT_EQ(g.nrows, 0);
        gk_grid_release(&g);
    }
    GK_T_OK(!gk_parse__has_ruled_table(blocks[0], strlen(blocks[0])));
    GK_T_OK(gk_parse__has_ruled_table(blocks[3], strlen(blocks[3])));
    GK_T_CALL(dump_text(para, &t, &x));
    GK_T_STR_EQ(gk_buf_cstr(&t), "");
    GK_T_STR_EQ(gk_buf_cstr(&x), para);
    gk_buf_release(&t);
    gk_buf_release(&x);
}

GK_TEST(parse_text_table, table_followed_by_paragraph_ending_in_bar)
{
    /* With a ruled table in the document, a line ending in '|' after it is
     * text, not a seed cell; a bar line after the bottom rule that is not
     * ruled below is not the table's. */
    static const char in[] = "+---+---+\n"
                             "| 1 | 2 |\n"
                             "+---+---+\n"
                             "| 3 |\n"
                             "共 2 件 |\n";
    gk_buf t = GK_BUF_INIT, x = GK_BUF_INIT;

    GK_T_CALL(dump_text(in, &t, &x));
    GK_T_STR_EQ(gk_buf_cstr(&t), "T1: [1] [2]\n");
    GK_T_STR_EQ(gk_buf_cstr(&x), "| 3 |\n共 2 件 |\n");
    gk_buf_release(&t);
    gk_buf_release(&x);
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

GK_TEST(parse_text_table, caps_on_hostile_tables)
{
    /* 10,000 columns: over the column cap, read as plain lines. 100,000
     * rows: a table, in bounded time. A 1 MB border: too wide. All in
     * linear time. */
    gk_buf in = GK_BUF_INIT;
    size_t i;
    double t0 = now();
    gk_grid g;

    for (i = 0; i < 10000; i++)
        GK_T_CALL(gk_buf_puts(&in, "+-"));
    GK_T_CALL(gk_buf_puts(&in, "+\n"));
    for (i = 0; i < 10000; i++)
        GK_T_CALL(gk_buf_puts(&in, "|1"));
    GK_T_CALL(gk_buf_puts(&in, "|\n"));
    gk_grid_init(&g);
    GK_T_CALL(gk_parse__text_grid(&g, in.ptr, in.len));
    GK_T_INT_EQ(g.ntables, 0);
    GK_T_INT_EQ(g.nrows, 2);
    gk_grid_release(&g);

    gk_buf_clear(&in);
    GK_T_CALL(gk_buf_puts(&in, "+---+---+\n"));
    for (i = 0; i < 100000; i++)
        GK_T_CALL(gk_buf_puts(&in, "| 1 | 2 |\n+---+---+\n"));
    gk_grid_init(&g);
    GK_T_CALL(gk_parse__text_grid(&g, in.ptr, in.len));
    GK_T_INT_EQ(g.ntables, 1);
    GK_T_INT_EQ(g.nrows, 100000);
    GK_T_INT_EQ(g.ncells, 200000);
    gk_grid_release(&g);

    /* 800,000 lines in one block, over the line cap: its first 512 Ki
     * lines are plain lines, looked at once (not again from each border
     * inside them, which would take quadratic time); the rest is a table. */
    gk_buf_clear(&in);
    for (i = 0; i < 400000; i++)
        GK_T_CALL(gk_buf_puts(&in, "+-+\n| |\n"));
    GK_T_CALL(gk_buf_puts(&in, "+-+\n"));
    gk_grid_init(&g);
    GK_T_CALL(gk_parse__text_grid(&g, in.ptr, in.len));
    GK_T_INT_EQ(g.ntables, 1);
    gk_grid_release(&g);

    gk_buf_clear(&in);
    for (i = 0; i < 1000000; i++)
        GK_T_CALL(gk_buf_putc(&in, i ? '-' : '+'));
    GK_T_CALL(gk_buf_puts(&in, "+\n| 1 |\n+---+\n"));
    gk_grid_init(&g);
    GK_T_CALL(gk_parse__text_grid(&g, in.ptr, in.len));
    GK_T_INT_EQ(g.ntables, 0);
    gk_grid_release(&g);
    GK_T_OK(now() - t0 < 20);
    gk_buf_release(&in);
}

/* The text renderer's goldens read back to the report they were rendered
 * from: format, agency, year and every cell of tables 2, 3 and 4
 * (gk_report_equal without the sections, whose text a rendering carries
 * re-indented: the round-trip test covers them). */
GK_TEST(parse_text_table, renderer_goldens_read_back)
{
    static const char *const cases[] = {"seed-2024", "report-2019", "report-collapsed"};
    size_t k;

    for (k = 0; k < GK_ARRAY_LEN(cases); k++) {
        char path[256];
        size_t tl, jl;
        char *txt, *json;
        gk_report *want = NULL, *got = NULL;
        gk_parse_opts o = GK_PARSE_OPTS_INIT;
        gk_buf where = GK_BUF_INIT;
        bool same, has_t3;

        snprintf(path, sizeof path, "tests/golden/%s.txt", cases[k]);
        txt = gk_test_slurp(gk_test_path(path), &tl);
        snprintf(path, sizeof path, "tests/golden/%s.json", cases[k]);
        json = gk_test_slurp(gk_test_path(path), &jl);
        o.format = GK_INPUT_TEXT;
        GK_T_CALL(gk_report_from_json(&want, json, jl));
        GK_T_CALL(gk_parse(&got, txt, tl, &o));
        want->nsections = got->nsections = 0; /* arena-owned: nothing leaks */
        has_t3 = want->t3_present; /* every golden has table 3 */
        same = gk_report_equal(want, got, &where);
        if (!same)
            fprintf(stderr, "# %s: %s\n", cases[k], gk_buf_cstr(&where));
        gk_buf_release(&where);
        gk_report_free(want);
        gk_report_free(got);
        gk_free(txt);
        gk_free(json);
        GK_T_OK(same && has_t3);
    }
}
