/*
 * reports.c: the annual report built from the registers in the console
 * (page_reports.c): table 3 from the cases of the year (carried in,
 * results by concluded date, carried out), findings, every download
 * format, agency isolation.
 */
#include "reg_fixture.h"

/* BUR1: one case of 2024 answered in 2025 (carried in, 予以公开), one of
 * 2025 answered (部分公开), one of 2025 still open (carried out). */
static int seed_year(rf_env *e)
{
    char c1[GK_TRACKING_CODE_LEN + 1], c2[GK_TRACKING_CODE_LEN + 1], c3[GK_TRACKING_CODE_LEN + 1];
    int error = rf_case(e, "BUR1", "甲", "2024-12-20", c1);

    if (error == 0)
        error = rf_event(e, c1, GK_CASE_EV_ANSWER, "2025-01-10", GK_T3_R_GRANT);
    if (error == 0)
        error = rf_case(e, "BUR1", "乙", "2025-03-03", c2);
    if (error == 0)
        error = rf_event(e, c2, GK_CASE_EV_ANSWER, "2025-03-20", GK_T3_R_PARTIAL);
    if (error == 0)
        error = rf_case(e, "BUR1", "丙", "2025-06-10", c3);
    if (error == 0)
        error = rf_case(e, "BUR2", "丁", "2025-02-10", c3);
    return error;
}

static json_int_t cell(json_t *j, const char *row, size_t col)
{
    return json_integer_value(json_array_get(
        json_object_get(json_object_get(json_object_get(j, "report"), "applications"), row), col));
}

GK_TEST(http_reports, table3_from_the_registers)
{
    rf_env e;
    gk_http_resp r;
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed_year(&e));
    GK_T_CALL(rf_login(&e, "办公室", GK_ROLE_HEAD, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/api/v1/reports?year=2025"));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_OK(j != NULL);
    GK_T_INT_EQ((int)cell(j, "NEW", 6), 2);
    GK_T_INT_EQ((int)cell(j, "CARRIED_IN", 6), 1);
    GK_T_INT_EQ((int)cell(j, "R_GRANT", 0), 1);
    GK_T_INT_EQ((int)cell(j, "R_PARTIAL", 0), 1);
    GK_T_INT_EQ((int)cell(j, "R_TOTAL", 6), 2);
    GK_T_INT_EQ((int)cell(j, "CARRIED_OUT", 6), 1);
    GK_T_OK(json_is_true(json_object_get(j, "passed")));
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "notes")), 1); /* no table-2 figures */
    GK_T_OK(json_is_false(json_object_get(j, "locked")));
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/reports?year=2025"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "收到和处理政府信息公开申请情况") != NULL);
    GK_T_OK(strstr(ht_body(&r), "某区教育局") != NULL);
    GK_T_OK(strstr(ht_body(&r), "format&#61;xlsx") != NULL);
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_reports, every_format_downloads)
{
    static const char *const formats[] = {"html", "md", "txt", "json", "xlsx", "docx"};
    rf_env e;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed_year(&e));
    GK_T_CALL(rf_login(&e, "办公室", GK_ROLE_HEAD, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(formats); i++) {
        gk_http_resp r;
        char path[96];

        snprintf(path, sizeof(path), "/staff/reports/download?year=2025&format=%s", formats[i]);
        GK_T_CALL(rf_get(&e, &r, path));
        if (r.status != 200 || r.body.len < 100 ||
            !strstr(gk_http__resp_get(&r, "Content-Disposition"), formats[i])) {
            int st = r.status;

            gk_http__resp_release(&r);
            GK_T_FAIL("%s: status %d", formats[i], st);
        }
        gk_http__resp_release(&r);
    }
    rf_free(&e);
}

GK_TEST(http_reports, agency_isolation_and_bad_input)
{
    rf_env e;
    gk_http_resp r;
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed_year(&e));
    GK_T_CALL(rf_login(&e, "办公室", GK_ROLE_HEAD, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/reports?year=2025&agency=BUR2"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/reports/download?year=2025&agency=BUR2&format=json"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/reports?year=1999"));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/reports?year=2025%27%20OR%201%3D1"));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    /* All agencies together, for a session without an agency. */
    GK_T_CALL(rf_login(&e, "督查", GK_ROLE_SUPERVISOR, ""));
    GK_T_CALL(rf_get(&e, &r, "/api/v1/reports?year=2025"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)cell(j, "NEW", 6), 3);
    json_decref(j);
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_reports, lock_after_publication)
{
    rf_env e;
    gk_http_resp r;
    char body[256], code[GK_TRACKING_CODE_LEN + 1];
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed_year(&e));
    GK_T_CALL(rf_case(&e, "BUR1", "戊", "2025-06-11", code));
    /* Only 负责人 and 管理员 lock; a 承办人 is refused. */
    GK_T_CALL(rf_login(&e, "承办", GK_ROLE_HANDLER, "BUR1"));
    snprintf(body, sizeof(body), "_csrf=%s&year=2025", e.csrf);
    GK_T_CALL(rf_post(&e, &r, "/staff/reports/lock", body));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_login(&e, "办公室", GK_ROLE_HEAD, "BUR1"));
    GK_T_CALL(rf_post(&e, &r, "/staff/reports/lock", "year=2025"));
    GK_T_INT_EQ(r.status, 403); /* no CSRF token */
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s&year=2025&agency=BUR2", e.csrf);
    GK_T_CALL(rf_post(&e, &r, "/staff/reports/lock", body));
    GK_T_INT_EQ(r.status, 403); /* another agency */
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s&year=2025", e.csrf);
    GK_T_CALL(rf_post(&e, &r, "/staff/reports/lock", body));
    GK_T_INT_EQ(r.status, 303);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/reports?year=2025"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_OK(json_is_true(json_object_get(j, "locked")));
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_post(&e, &r, "/staff/reports/lock", body));
    GK_T_INT_EQ(r.status, 409); /* already locked */
    gk_http__resp_release(&r);
    /* An event dated in the locked year is refused. */
    snprintf(body, sizeof(body), "_csrf=%s&date=2025-06-16", e.csrf);
    {
        char path[96];

        snprintf(path, sizeof(path), "/api/v1/cases/%s/accept", code);
        GK_T_CALL(rf_post(&e, &r, path, body));
        GK_T_INT_EQ(r.status, 409);
        gk_http__resp_release(&r);
    }
    GK_T_STR_EQ(rf_state(&e, code), "RECEIVED");
    rf_free(&e);
}
