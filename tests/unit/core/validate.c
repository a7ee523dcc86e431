/* Rule tests of the validator (report-json.md §3): for every rule a
 * passing and a failing case, built by changing the seed report. */
#include <stdio.h>
#include "test.h"
#include "gk/validate.h"
#include "gk/errors.h"

static gk_report *seed(void)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &len);
    gk_report *r = NULL;

    if (gk_report_from_json(&r, data, len) < 0)
        r = NULL;
    gk_free(data);
    return r;
}

/* Validates r and renders its findings as "RULE@cell RULE@cell …" (in
 * report order), the severities given by mask (1 info, 2 warning, 4 error). */
static const char *findings(const gk_report *r, const gk_report *prev, int mask)
{
    static char out[4096];
    gk_validate_opts o = GK_VALIDATE_OPTS_INIT;
    gk_diag_list *l = NULL;
    size_t i, len = 0;

    out[0] = '\0';
    o.previous = prev;
    if (gk_diag_list_new(&l) < 0 || gk_validate(l, r, &o) < 0) {
        gk_diag_list_free(l);
        return "(validate failed)";
    }
    for (i = 0; i < gk_diag_list_count(l); i++) {
        const gk_diag *d = gk_diag_list_get(l, i);
        if (!(mask & (1 << d->severity)))
            continue;
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s@%s", len ? " " : "", d->rule,
                                d->cell ? d->cell : "-");
    }
    gk_diag_list_free(l);
    return out;
}

#define ALL    7
#define ERRORS 4

GK_TEST(core_validate, catalogue_has_every_contract_rule)
{
    static const char *const ids[] = {
        "T3.BALANCE",           "T3.RESULT_SUM",      "T3.ROW_TOTAL",      "T4.SUM",
        "CELL.NEGATIVE",        "CELL.NOT_INTEGER",   "CELL.UNREADABLE",   "CELL.BLANK",
        "STRUCT.MISSING_TABLE", "STRUCT.MISSING_ROW", "NARR.T3_RECEIVED",  "NARR.T4_REVIEW",
        "NARR.T4_LITIGATION",   "YOY.CARRY",          "T2.IN_FORCE_DELTA", "NARR.T3_RESULT",
        "NARR.T3_CARRIED"};
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(ids); i++) {
        const gk_rule_info *ri = gk_rule_find(ids[i]);
        if (!ri || !*ri->source || !*ri->description)
            GK_T_FAIL("rule %s missing or without source/description", ids[i]);
    }
    GK_T_INT_EQ(gk_rule_find("T3.BALANCE")->severity, GK_SEV_ERROR);
    GK_T_INT_EQ(gk_rule_find("CELL.BLANK")->severity, GK_SEV_INFO);
    GK_T_INT_EQ(gk_rule_find("NARR.T3_RECEIVED")->severity, GK_SEV_WARNING);
    GK_T_INT_EQ(gk_rule_find("YOY.CARRY")->severity, GK_SEV_WARNING);
    GK_T_INT_EQ(gk_rule_find("T2.IN_FORCE_DELTA")->severity, GK_SEV_INFO);
    GK_T_OK(gk_rule_find("NO.SUCH") == NULL);
    GK_T_OK(gk_rule_get(gk_rule_count()) == NULL);
}

/* The seed: no table error, exactly NARR.T3_RECEIVED with the sentence
 * that says 27 (corpus README). */
GK_TEST(core_validate, seed_has_only_the_received_warning)
{
    gk_report *r = seed();
    gk_validate_opts o = GK_VALIDATE_OPTS_INIT;
    gk_diag_list *l = NULL;
    const gk_diag *d;

    GK_T_OK(r != NULL);
    GK_T_CALL(gk_diag_list_new(&l));
    GK_T_CALL(gk_validate(l, r, &o));
    GK_T_INT_EQ(gk_diag_list_count(l), 1);
    d = gk_diag_list_get(l, 0);
    GK_T_STR_EQ(d->rule, "NARR.T3_RECEIVED");
    GK_T_INT_EQ(d->severity, GK_SEV_WARNING);
    GK_T_STR_EQ(d->cell, "applications.NEW[6]");
    GK_T_OK(d->has_values);
    GK_T_INT_EQ(d->expected, 27);
    GK_T_INT_EQ(d->actual, 25);
    GK_T_STR_EQ(d->evidence, "2024年,区本级政府及政府办共收到政府信息公开申请27件");
    GK_T_STR_EQ(d->message, "正文称收到申请27件，表三本年新收为25件，新收与上年结转合计为25件");
    /* Without narrative rules the seed is clean. */
    gk_diag_list_free(l);
    l = NULL;
    o.narrative = false;
    GK_T_CALL(gk_diag_list_new(&l));
    GK_T_CALL(gk_validate(l, r, &o));
    GK_T_INT_EQ(gk_diag_list_count(l), 0);
    gk_diag_list_free(l);
    gk_report_free(r);
}

GK_TEST(core_validate, t3_balance)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    /* pass: new and carried-out grow together in a column and the total */
    gk_cell_set(&r->t3[GK_T3_NEW][1], 2);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][1], 2);
    gk_cell_set(&r->t3[GK_T3_NEW][6], 27);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][6], 2);
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "");
    /* fail: 一+二 = 1 ≠ 三(七)+四 = 2 in 自然人 and 总计 (corpus 011) */
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][0], 1);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][6], 3);
    GK_T_STR_EQ(findings(r, NULL, ERRORS),
                "T3.BALANCE@applications.CARRIED_OUT[0] T3.BALANCE@applications.CARRIED_OUT[6]");
    gk_report_free(r);
}

GK_TEST(core_validate, t3_result_sum)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    /* pass: moving one application between result rows keeps every sum */
    gk_cell_set(&r->t3[GK_T3_R_GRANT][0], 6);
    gk_cell_set(&r->t3[GK_T3_R_GRANT][6], 6);
    gk_cell_set(&r->t3[GK_T3_R_OT_NOFEE][0], 1);
    gk_cell_set(&r->t3[GK_T3_R_OT_NOFEE][6], 1);
    GK_T_STR_EQ(findings(r, NULL, ALL), "NARR.T3_RECEIVED@applications.NEW[6]");
    /* fail: a result row off by one in a column and its total */
    gk_cell_set(&r->t3[GK_T3_R_DENY_LAW][0], 1);
    gk_cell_set(&r->t3[GK_T3_R_DENY_LAW][6], 1);
    GK_T_STR_EQ(findings(r, NULL, ERRORS),
                "T3.RESULT_SUM@applications.R_TOTAL[0] T3.RESULT_SUM@applications.R_TOTAL[6]");
    gk_report_free(r);
}

GK_TEST(core_validate, t3_row_total)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    /* fail: one cell changed breaks its row total and its column balance */
    gk_cell_set(&r->t3[GK_T3_NEW][0], 26);
    GK_T_STR_EQ(findings(r, NULL, ERRORS),
                "T3.BALANCE@applications.CARRIED_OUT[0] T3.ROW_TOTAL@applications.NEW[6]");
    /* pass again when the whole application is entered consistently */
    gk_cell_set(&r->t3[GK_T3_NEW][6], 26);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][0], 1);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][6], 1);
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "");
    gk_report_free(r);
}

GK_TEST(core_validate, t4_sum)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    gk_cell_set(&r->t4[GK_T4_LIT_DIRECT][GK_T4_PENDING], 1);
    gk_cell_set(&r->t4[GK_T4_LIT_DIRECT][GK_T4_TOTAL], 1);
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "");
    /* fail, corpus 002: 10+1+0+0 = 11 ≠ 总计 0 */
    gk_cell_set(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL], 3);
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "T4.SUM@review_litigation.review.total");
    gk_report_free(r);
}

GK_TEST(core_validate, cell_negative_and_not_integer)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    /* pass: the fee amount in 万元 may have decimals */
    gk_cell_set(&r->t2[9], 0.35);
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "");
    gk_cell_set(&r->t2[6], -1);  /* 行政许可 */
    gk_cell_set(&r->t2[7], 1.5); /* 行政处罚 */
    gk_cell_set(&r->t2[9], -0.5);
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "CELL.NEGATIVE@proactive.licensing.decisions "
                                           "CELL.NEGATIVE@proactive.fees.amount_wan_yuan "
                                           "CELL.NOT_INTEGER@proactive.penalty.decisions");
    gk_report_free(r);
}

GK_TEST(core_validate, negative_delta_of_2019_table2_is_allowed)
{
    const char *j = "{\"format\":\"2019\",\"proactive_2019\":{\"licensing\":{\"delta\":-3,"
                    "\"decisions\":-1}}}";
    gk_report *r = NULL;

    GK_T_CALL(gk_report_from_json(&r, j, strlen(j)));
    GK_T_STR_EQ(findings(r, NULL, ERRORS),
                "STRUCT.MISSING_TABLE@applications STRUCT.MISSING_TABLE@review_litigation "
                "CELL.NEGATIVE@proactive_2019.licensing.decisions");
    gk_report_free(r);
}

GK_TEST(core_validate, cell_unreadable_skips_the_sums_it_is_in)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    r->t3[GK_T3_R_GRANT][0].state = GK_CELL_UNREADABLE;
    r->t3[GK_T3_R_GRANT][0].text = "7l";
    GK_T_STR_EQ(findings(r, NULL, ALL),
                "CELL.UNREADABLE@applications.R_GRANT[0] NARR.T3_RECEIVED@applications.NEW[6]");
    gk_report_free(r);
}

GK_TEST(core_validate, cell_blank_is_info_and_read_as_zero)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    gk_cell_set_blank(&r->t3[GK_T3_R_DENY_LAW][1]);
    gk_cell_set_blank(&r->t3[GK_T3_R_DENY_LAW][2]);
    gk_cell_set_blank(&r->t4[GK_T4_LIT_DIRECT][GK_T4_OTHER]);
    GK_T_STR_EQ(findings(r, NULL, 1 | 4), "CELL.BLANK@applications.R_DENY_LAW[1] "
                                          "CELL.BLANK@review_litigation.litigation_direct.other");
    /* blank as 0 still takes part in the sums: corpus 023 */
    gk_cell_set_blank(&r->t3[GK_T3_R_GRANT][6]);
    GK_T_STR_EQ(findings(r, NULL, ERRORS),
                "T3.RESULT_SUM@applications.R_TOTAL[6] T3.ROW_TOTAL@applications.R_GRANT[6]");
    gk_report_free(r);
}

GK_TEST(core_validate, struct_missing_table_row_and_cell)
{
    gk_report *r = seed();
    int col;

    GK_T_OK(r != NULL);
    r->t4_present = false;
    for (col = 0; col < GK_T3_NCOLS; col++)
        r->t3[GK_T3_R_NP_REPEAT][col].state = GK_CELL_ABSENT;
    r->t3[GK_T3_R_GRANT][3].state = GK_CELL_ABSENT;
    r->t2[0].state = r->t2[1].state = r->t2[2].state = GK_CELL_ABSENT;
    GK_T_STR_EQ(findings(r, NULL, ERRORS),
                "STRUCT.MISSING_TABLE@review_litigation STRUCT.MISSING_ROW@proactive.rules "
                "STRUCT.MISSING_ROW@applications.R_NP_REPEAT "
                "STRUCT.MISSING_CELL@applications.R_GRANT[3]");
    gk_report_free(r);
}

GK_TEST(core_validate, collapsed_other_row_is_not_missing)
{
    gk_report *r = seed();
    int col;

    GK_T_OK(r != NULL);
    for (col = 0; col < GK_T3_NCOLS; col++) {
        r->t3[GK_T3_R_OT_NOCORRECT][col].state = GK_CELL_ABSENT;
        r->t3[GK_T3_R_OT_NOFEE][col].state = GK_CELL_ABSENT;
    }
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "STRUCT.MISSING_ROW@applications.R_OT_NOCORRECT "
                                           "STRUCT.MISSING_ROW@applications.R_OT_NOFEE");
    r->t3_other_collapsed = true;
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "");
    r->t3_other_collapsed = false;
    r->format = GK_FORMAT_2019;
    r->t2_present = false;
    GK_T_STR_EQ(findings(r, NULL, ERRORS), "STRUCT.MISSING_TABLE@proactive_2019");
    gk_report_free(r);
}

GK_TEST(core_validate, narrative_received_readings)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    r->sections[0].text = "共收到政府信息公开申请二十五件。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "");
    /* 收到 = 新收 + 上年结转 is accepted too */
    gk_cell_set(&r->t3[GK_T3_CARRIED_IN][0], 2);
    gk_cell_set(&r->t3[GK_T3_CARRIED_IN][6], 2);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][0], 2);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][6], 2);
    r->sections[0].text = "全年收到政府信息公开申请２７件（含上年结转）。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "");
    r->preamble = "本年度共受理政府信息公开申请30件。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "");
    r->sections[0].text = "";
    GK_T_STR_EQ(findings(r, NULL, ALL), "NARR.T3_RECEIVED@applications.NEW[6]");
    gk_report_free(r);
}

GK_TEST(core_validate, narrative_review_and_litigation)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    r->sections[0].text = "因信息公开申请被行政复议3件。行政诉讼1件。";
    GK_T_STR_EQ(findings(r, NULL, ALL),
                "NARR.T4_REVIEW@review_litigation.review.total "
                "NARR.T4_LITIGATION@review_litigation.litigation_direct.total");
    r->sections[0].text = "行政复议2件，行政诉讼0件。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "");
    gk_report_free(r);
}

#define WARNINGS 2

/* The first finding's evidence, or "" (for the quoted-sentence checks). */
static const char *first_evidence(const gk_report *r)
{
    static char out[1024];
    gk_validate_opts o = GK_VALIDATE_OPTS_INIT;
    gk_diag_list *l = NULL;
    size_t i;

    out[0] = '\0';
    if (gk_diag_list_new(&l) == 0 && gk_validate(l, r, &o) == 0)
        for (i = 0; i < gk_diag_list_count(l) && !out[0]; i++)
            if (gk_diag_list_get(l, i)->evidence)
                snprintf(out, sizeof out, "%s", gk_diag_list_get(l, i)->evidence);
    gk_diag_list_free(l);
    return out;
}

/* NARR.T3_RESULT against the seed's table 3: 予以公开7, 部分公开2, 不予公开
 * 6+1+1, 无法提供8, 不予处理0, 其他处理0. */
GK_TEST(core_validate, narrative_result_categories)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    r->sections[0].text = "共收到政府信息公开申请25件，其中予以公开7件，部分公开2件，"
                          "不予公开8件，无法提供八件，不予处理0件。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "");
    /* 013: a reason of another group counted as 不予公开 */
    r->sections[0].text = "共收到政府信息公开申请25件，予以公开7件，不予公开16件，分别属于本机关不"
                          "掌握相关政府信息及内部事务信息。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "NARR.T3_RESULT@applications.R_DENY_SECRET[6]");
    GK_T_STR_EQ(first_evidence(r), "共收到政府信息公开申请25件，予以公开7件，不予公开16件");
    /* 014: two categories wrong, one finding each, in table order */
    r->sections[0].text =
        "同意公开答复7件，区分处理后公开2件，因无法提供相关信息答复2件，其他处理6件。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "NARR.T3_RESULT@applications.R_NA_NOTHELD[6] "
                                        "NARR.T3_RESULT@applications.R_OT_NOCORRECT[6]");
    /* a reason on its own is one row, not the group: not read */
    r->sections[0].text = "因涉及内部事务信息不予公开6件。";
    GK_T_STR_EQ(findings(r, NULL, ALL), "");
    /* the total column is wrong (T3.ROW_TOTAL's error): the applicant
     * columns' sum is accepted too */
    gk_cell_set(&r->t3[GK_T3_R_DENY_QUERY][6], 0);
    r->sections[0].text = "予以公开7件，不予公开8件。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "");
    r->sections[0].text = "予以公开7件，不予公开9件。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "NARR.T3_RESULT@applications.R_DENY_SECRET[6]");
    /* an unreadable cell of the group: the group is not compared */
    r->t3[GK_T3_R_DENY_QUERY][6].state = GK_CELL_UNREADABLE;
    r->t3[GK_T3_R_DENY_QUERY][0].state = GK_CELL_UNREADABLE;
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "");
    gk_report_free(r);
}

/* NARR.T3_CARRIED: stated counts carried over, and 均已办结 claims. */
GK_TEST(core_validate, narrative_carried_over)
{
    gk_report *r = seed();

    GK_T_OK(r != NULL);
    r->sections[0].text = "共收到政府信息公开申请25件，均已答复并办结。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "");
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][0], 1);
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][6], 1);
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "NARR.T3_CARRIED@applications.CARRIED_OUT[6]");
    GK_T_STR_EQ(first_evidence(r), "共收到政府信息公开申请25件，均已答复并办结");
    r->sections[0].text = "共收到政府信息公开申请25件，办结24件，1件结转下年度继续办理。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "");
    r->sections[0].text = "共收到政府信息公开申请25件，结转下年度继续办理2件。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "NARR.T3_CARRIED@applications.CARRIED_OUT[6]");
    /* 023: the count agrees, the claim does not */
    r->sections[0].text = "收到申请25件，所有申请均已按要求办理完成。转下一年度办理答复的有1件。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "NARR.T3_CARRIED@applications.CARRIED_OUT[6]");
    GK_T_STR_EQ(first_evidence(r), "收到申请25件，所有申请均已按要求办理完成");
    /* 023 again: no 总计 printed beside the 1; a blank total is no 0 */
    r->t3[GK_T3_CARRIED_OUT][6].state = GK_CELL_BLANK;
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "NARR.T3_CARRIED@applications.CARRIED_OUT[6]");
    /* nothing carried over: the claim holds, the stated 1 does not */
    gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][0], 0);
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "NARR.T3_CARRIED@applications.CARRIED_OUT[6]");
    GK_T_STR_EQ(first_evidence(r), "转下一年度办理答复的有1件");
    r->sections[0].text = "收到申请25件，所有申请均已按要求办理完成。";
    GK_T_STR_EQ(findings(r, NULL, WARNINGS), "");
    gk_report_free(r);
}

GK_TEST(core_validate, year_over_year)
{
    gk_report *r = seed(), *prev = seed();

    GK_T_OK(r && prev);
    prev->year = 2023;
    gk_cell_set(&prev->t2[5], 26); /* 行政规范性文件 in force: 26 + 7 - 8 = 25 */
    GK_T_STR_EQ(findings(r, prev, ALL & ~2), "");
    gk_cell_set(&prev->t3[GK_T3_CARRIED_OUT][0], 1);
    gk_cell_set(&prev->t3[GK_T3_CARRIED_OUT][6], 1);
    gk_cell_set(&prev->t2[5], 20);
    GK_T_STR_EQ(findings(r, prev, ALL),
                "NARR.T3_RECEIVED@applications.NEW[6] YOY.CARRY@applications.CARRIED_IN[0] "
                "YOY.CARRY@applications.CARRIED_IN[6] "
                "T2.IN_FORCE_DELTA@proactive.normative_docs.in_force");
    /* not the previous year: no comparison, and a warning that says so */
    prev->year = 2022;
    GK_T_STR_EQ(findings(r, prev, ALL), "NARR.T3_RECEIVED@applications.NEW[6] YOY.PREVIOUS@-");
    gk_report_free(r);
    gk_report_free(prev);
}
