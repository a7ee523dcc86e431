/*
 * demo_figures.c: what `gongkai demo` enters for table 2 and table 4 of
 * last year's annual report: each agency's yearly figures and a few
 * 行政复议/行政诉讼 cases.
 */
#include <stdio.h>
#include "demo_int.h"

/* Last year's table-2 figures and a few review/litigation cases. */
int demo_figures(demo_ctx *x, int year)
{
    static const gk_t4_group routes[] = {GK_T4_REVIEW, GK_T4_REVIEW, GK_T4_LIT_DIRECT,
                                         GK_T4_LIT_AFTER_REVIEW};
    static const gk_t4_col results[] = {GK_T4_UPHELD, GK_T4_CORRECTED, GK_T4_UPHELD, GK_T4_PENDING};
    char case_no[64];
    size_t a, i;
    int error = 0;

    for (a = 0; error == 0 && a < DEMO_NAGENCIES; a++) {
        gk_year_figures f = {demo_agencies[a].code,       year,
                             20 + (int64_t)demo_rnd(400), 5 + (int64_t)demo_rnd(200),
                             (int64_t)demo_rnd(30),       10000 * (int64_t)demo_rnd(50)};

        error = gk_store_figures_set(x->st, &f);
    }
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(routes); i++) {
        gk_review_case r;

        gk_review_case_init(&r);
        r.agency = demo_agencies[1 + i % (DEMO_NAGENCIES - 1)].code;
        snprintf(case_no, sizeof(case_no), "%s〔%d〕%zu号",
                 routes[i] == GK_T4_REVIEW ? "某复" : "某行初", year, 10 + i);
        r.case_no = case_no;
        r.route = routes[i];
        r.filed = (gk_date){year, 3 + (int)i * 2, 10};
        r.result = results[i];
        if (results[i] != GK_T4_PENDING)
            r.concluded = (gk_date){year, 5 + (int)i * 2, 20};
        r.subject = "不服政府信息公开申请答复";
        r.case_ref = "";
        error = gk_store_review_add(x->st, &r);
        x->reviews += error == 0;
    }
    return error;
}
