/*
 * supervise.c: the supervising office's views (page_supervise.c): the
 * subtree of the session's agency, reports side by side whose sum is the
 * sum of the agencies, the sum downloadable, overdue cases and 及时率, the
 * quarterly list with its threshold, and role refusals.
 */
#include "item_fixture.h"

/* BUR1: a 2024 case answered in time in 2025, one of 2025 answered, one
 * open and not yet due; BUR2: one open since 2025-02-10, overdue since
 * March; a BUR1 item formed 2025-01-06 and published late on 2025-03-20. */
static int seed(rf_env *e)
{
    char c[GK_TRACKING_CODE_LEN + 1];
    int error = rf_case(e, "BUR1", "甲", "2024-12-20", c);

    if (error == 0)
        error = rf_event(e, c, GK_CASE_EV_ANSWER, "2025-01-10", GK_T3_R_GRANT);
    if (error == 0)
        error = rf_case(e, "BUR1", "乙", "2025-03-03", c);
    if (error == 0)
        error = rf_event(e, c, GK_CASE_EV_ANSWER, "2025-03-20", GK_T3_R_PARTIAL);
    if (error == 0)
        error = rf_case(e, "BUR1", "丙", "2025-06-10", c);
    if (error == 0)
        error = rf_case(e, "BUR2", "丁", "2025-02-10", c);
    if (error == 0 && if_item(e, "BUR1", "某通知", "2025-01-06", "2025-03-20") == 0)
        error = GK_ERROR;
    return error;
}

static json_t *get_json(rf_env *e, const char *path, int *status)
{
    gk_http_resp r;
    json_t *j = NULL;

    *status = 0;
    if (rf_get(e, &r, path) == 0) {
        *status = r.status;
        j = json_loads(ht_body(&r), 0, NULL);
        gk_http__resp_release(&r);
    }
    return j;
}

static int64_t ival(json_t *o, const char *key)
{
    return (int64_t)json_integer_value(json_object_get(o, key));
}

static json_t *row(json_t *list, const char *code)
{
    size_t i;

    for (i = 0; i < json_array_size(list); i++)
        if (!strcmp(json_string_value(json_object_get(json_array_get(list, i), "code")), code))
            return json_array_get(list, i);
    return NULL;
}

GK_TEST(http_supervise, side_by_side_and_the_sum)
{
    static const char *const keys[] = {"new", "results", "carried_out", "review", "litigation"};
    rf_env e;
    json_t *j, *rows, *total;
    size_t i, k;
    int status;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e));
    GK_T_CALL(rf_login(&e, "督查员", GK_ROLE_SUPERVISOR, "GOV"));
    j = get_json(&e, "/api/v1/supervise?year=2025", &status);
    GK_T_INT_EQ(status, 200);
    rows = json_object_get(j, "agencies");
    total = json_object_get(j, "total");
    /* GOV and the three agencies below it. */
    GK_T_INT_EQ((int)json_array_size(rows), 4);
    GK_T_INT_EQ((int)ival(row(rows, "BUR1"), "new"), 2);
    GK_T_INT_EQ((int)ival(row(rows, "BUR1"), "results"), 2);
    GK_T_INT_EQ((int)ival(row(rows, "BUR2"), "new"), 1);
    GK_T_INT_EQ((int)ival(total, "new"), 3);
    GK_T_INT_EQ((int)ival(total, "carried_out"), 2);
    /* Every key figure of the sum is the sum of the agencies'. */
    for (k = 0; k < GK_ARRAY_LEN(keys); k++) {
        int64_t s = 0;

        for (i = 0; i < json_array_size(rows); i++)
            s += ival(json_array_get(rows, i), keys[k]);
        GK_T_INT_EQ((int)ival(total, keys[k]), (int)s);
    }
    /* Overdue cases and 及时率 per agency. */
    GK_T_INT_EQ((int)ival(row(rows, "BUR2"), "overdue"), 1);
    GK_T_INT_EQ((int)ival(row(rows, "BUR1"), "overdue"), 0);
    GK_T_STR_EQ(json_string_value(json_object_get(row(rows, "BUR1"), "rate")), "0.0%");
    GK_T_STR_EQ(json_string_value(json_object_get(row(rows, "BUR2"), "rate")), "100.0%");
    json_decref(j);
    /* The sum downloads as a report whose NEW total is the agencies'. */
    j = get_json(&e, "/api/v1/supervise/download?year=2025&format=json", &status);
    GK_T_INT_EQ(status, 200);
    GK_T_INT_EQ((int)json_integer_value(json_array_get(
                    json_object_get(json_object_get(j, "applications"), "NEW"), 6)),
                3);
    json_decref(j);
    /* The page renders. */
    {
        gk_http_resp r;

        GK_T_CALL(rf_get(&e, &r, "/staff/supervise?year=2025"));
        GK_T_INT_EQ(r.status, 200);
        GK_T_OK(strstr(ht_body(&r), "某区住房和城乡建设局") != NULL);
        GK_T_OK(strstr(ht_body(&r), "<th>合计</th><th>3</th>") != NULL);
        gk_http__resp_release(&r);
    }
    rf_free(&e);
}

GK_TEST(http_supervise, subtree_and_roles)
{
    rf_env e;
    json_t *j;
    int status;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e));
    /* A bureau's head sees the bureau only. */
    GK_T_CALL(rf_login(&e, "局长", GK_ROLE_HEAD, "BUR2"));
    j = get_json(&e, "/api/v1/supervise?year=2025", &status);
    GK_T_INT_EQ(status, 200);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "agencies")), 1);
    GK_T_INT_EQ((int)ival(json_object_get(j, "total"), "new"), 1);
    json_decref(j);
    /* Other roles are refused. */
    GK_T_CALL(rf_login(&e, "承办人", GK_ROLE_HANDLER, "GOV"));
    j = get_json(&e, "/api/v1/supervise?year=2025", &status);
    GK_T_INT_EQ(status, 403);
    json_decref(j);
    j = get_json(&e, "/api/v1/supervise/quarter?year=2025&quarter=1", &status);
    GK_T_INT_EQ(status, 403);
    json_decref(j);
    rf_free(&e);
}

GK_TEST(http_supervise, quarterly_shortfall)
{
    rf_env e;
    json_t *j, *list;
    int status;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e));
    GK_T_CALL(rf_login(&e, "督查员", GK_ROLE_SUPERVISOR, ""));
    /* Q1: BUR2's case overdue, BUR1's item published late (0%). */
    j = get_json(&e, "/api/v1/supervise/quarter?year=2025&quarter=1", &status);
    GK_T_INT_EQ(status, 200);
    list = json_object_get(j, "short");
    GK_T_INT_EQ((int)json_array_size(list), 2);
    GK_T_OK(json_is_true(json_object_get(row(list, "BUR2"), "overdue_short")));
    GK_T_OK(json_is_true(json_object_get(row(list, "BUR1"), "rate_short")));
    GK_T_OK(json_is_false(json_object_get(row(list, "BUR1"), "overdue_short")));
    GK_T_INT_EQ((int)ival(j, "threshold"), 100);
    json_decref(j);
    /* A threshold of 0 keeps only the overdue case. */
    j = get_json(&e, "/api/v1/supervise/quarter?year=2025&quarter=1&threshold=0", &status);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "short")), 1);
    GK_T_OK(row(json_object_get(j, "short"), "BUR2") != NULL);
    json_decref(j);
    /* Q2: BUR2's case is still unanswered; the item was formed in Q1. */
    j = get_json(&e, "/api/v1/supervise/quarter?year=2025&quarter=2", &status);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "short")), 1);
    json_decref(j);
    /* Q4 2024: BUR1's December case was answered in time. */
    j = get_json(&e, "/api/v1/supervise/quarter?year=2024&quarter=4", &status);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "short")), 0);
    json_decref(j);
    j = get_json(&e, "/api/v1/supervise/quarter?year=2025&quarter=5", &status);
    GK_T_INT_EQ(status, 400);
    json_decref(j);
    rf_free(&e);
}
