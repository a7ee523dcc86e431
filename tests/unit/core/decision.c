/*
 * decision.c: the decision → table-3 row map (spec §1.4): the defaults of
 * the spec's table, a replacement CSV, per-agency lines, and the errors.
 */
#include <string.h>
#include "test.h"
#include "gk/decision.h"
#include "gk/errors.h"
#include "gk/report.h"

static int row_of(const gk_decision_map *m, const char *d, const char *agency)
{
    int row = -2;

    if (gk_decision_map_row(&row, m, d, agency) < 0)
        return -1;
    return row;
}

GK_TEST(core_decision, defaults_are_the_spec_table)
{
    gk_decision_map *m = NULL;
    size_t n, i;
    const gk_decision_info *d = gk_decisions(&n);

    GK_T_CALL(gk_decision_map_new_default(&m));
    /* Spec §1.4 rows quoted: 36(一) and 36(二) → 予以公开; 36(五) not this
     * agency's → 本机关不掌握; 撤回 → 其他. */
    GK_T_INT_EQ(row_of(m, "grant-public", NULL), GK_T3_R_GRANT);
    GK_T_INT_EQ(row_of(m, "grant", NULL), GK_T3_R_GRANT);
    GK_T_INT_EQ(row_of(m, "partial", NULL), GK_T3_R_PARTIAL);
    GK_T_INT_EQ(row_of(m, "na-other-agency", NULL), GK_T3_R_NA_NOTHELD);
    GK_T_INT_EQ(row_of(m, "deny-query", NULL), GK_T3_R_DENY_QUERY);
    GK_T_INT_EQ(row_of(m, "ot-other", "any-agency"), GK_T3_R_OT_OTHER);
    /* Every result row has a default decision, and it maps back to it. */
    for (i = GK_T3_FIRST_RESULT; i <= GK_T3_LAST_RESULT; i++) {
        int k = gk_decision_for_row((int)i);
        GK_T_OK(k >= 0);
        GK_T_INT_EQ(d[k].default_row, (int)i);
    }
    GK_T_INT_EQ(n, GK_DECISION_N);
    gk_decision_map_free(m);
}

GK_TEST(core_decision, file_replaces_and_agency_lines_win)
{
    static const char csv[] = "\xEF\xBB\xBF# 本机关口径\n"
                              "decision,row,agency\n"
                              "grant,R_GRANT\n"
                              "na-other-agency, R_OT_OTHER \n"
                              "na-other-agency,R_NP_CONFIRM,QZF-JY\r\n";
    gk_decision_map *m = NULL;
    gk_buf b = GK_BUF_INIT;

    GK_T_CALL(gk_decision_map_new(&m, csv, strlen(csv), "map.csv"));
    GK_T_INT_EQ(row_of(m, "na-other-agency", NULL), GK_T3_R_OT_OTHER);
    GK_T_INT_EQ(row_of(m, "na-other-agency", "QZF"), GK_T3_R_OT_OTHER);
    GK_T_INT_EQ(row_of(m, "na-other-agency", "QZF-JY"), GK_T3_R_NP_CONFIRM);
    /* Not listed: unmapped, and the error names the decision and the file. */
    GK_T_INT_EQ(row_of(m, "partial", NULL), -1);
    GK_T_OK(strstr(gk_error_last()->message, "partial") != NULL);
    GK_T_OK(strstr(gk_error_last()->message, "map.csv") != NULL);
    GK_T_INT_EQ(row_of(m, "made-up", NULL), -1);
    GK_T_OK(strstr(gk_error_last()->message, "made-up") != NULL);
    GK_T_CALL(gk_decision_map_format(&b, m));
    GK_T_STR_EQ(gk_buf_cstr(&b), "decision,row,agency\ngrant,R_GRANT,\n"
                                 "na-other-agency,R_OT_OTHER,\n"
                                 "na-other-agency,R_NP_CONFIRM,QZF-JY\n");
    gk_buf_release(&b);
    gk_decision_map_free(m);
}

GK_TEST(core_decision, bad_files_name_the_line)
{
    static const struct {
        const char *csv, *want;
    } bad[] = {
        {"decision,row\ngrant,R_TOTAL\n", "x.csv:2:"},       /* not a result leaf */
        {"decision,row\ngrant,NEW\n", "x.csv:2:"},           /* a flow row */
        {"decision,row\nfoo,R_GRANT\n", "x.csv:2: 未知的决定类型 'foo'"},
        {"decision,row\n\ngrant,R_GRANT\ngrant,R_PARTIAL\n", "x.csv:4: 决定类型重复列出"},
        {"row,decision\n", "x.csv:1:"},
        {"decision,row\ngrant,R_GRANT,QZF\n", "x.csv:2: 列数不对"},
        {"# only a comment\n", "没有表头"},
    };
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gk_decision_map *m = NULL;
        GK_T_INT_EQ(gk_decision_map_new(&m, bad[i].csv, strlen(bad[i].csv), "x.csv"), GK_EINVALID);
        GK_T_OK(m == NULL);
        if (!strstr(gk_error_last()->message, bad[i].want))
            GK_T_FAIL("case %zu: message '%s' lacks '%s'", i, gk_error_last()->message,
                      bad[i].want);
    }
}

GK_TEST(core_decision, process_default)
{
    static const char csv[] = "decision,row\ngrant,R_PARTIAL\n";
    gk_decision_map *m = NULL;

    GK_T_INT_EQ(gk_decision_map_set_default("decision\n", 9, "bad.csv"), GK_EINVALID);
    GK_T_CALL(gk_decision_map_set_default(csv, strlen(csv), "p.csv"));
    GK_T_CALL(gk_decision_map_new_process(&m));
    GK_T_INT_EQ(row_of(m, "grant", NULL), GK_T3_R_PARTIAL);
    gk_decision_map_free(m);
    GK_T_CALL(gk_decision_map_set_default(NULL, 0, NULL));
    GK_T_CALL(gk_decision_map_new_process(&m));
    GK_T_INT_EQ(row_of(m, "grant", NULL), GK_T3_R_GRANT);
    gk_decision_map_free(m);
}
