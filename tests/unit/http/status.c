/*
 * status.c: the public status lookup by tracking code over the loopback,
 * against a real SQLite store: the stage and the 第三十三条 deadline are
 * shown, the applicant's personal data never is.
 */
#include "gk/case.h"
#include "gk/store.h"
#include "http_test.h"
#include "reg_fixture.h"

/* Creates the registers in t->db with one agency and one case received on
 * 2025-03-03 (a Monday); copies its tracking code into code. */
static int seed_case(ht_server *t, char code[GK_TRACKING_CODE_LEN + 1])
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store *st = NULL;
    gk_case c;
    gk_date d = {2025, 3, 3};
    int error;

    o.no_schema_check = true;
    error = gk_store_open(&st, t->db, &o);
    if (error == 0)
        error = gk_store_migrate(st, NULL, NULL);
    if (error == 0)
        error = gk_store_agency_add(st, &gov, NULL);
    gk_case_init(&c);
    c.applicant = "张三<script>";
    c.applicant_id = "11010519491231002X";
    c.contact = "13800138000";
    c.description = "某某文件";
    c.received = d;
    c.arrival = d;
    if (error == 0)
        error = gk_store_case_add(st, &c);
    if (error == 0)
        memcpy(code, c.tracking_code, GK_TRACKING_CODE_LEN + 1);
    gk_store_close(st);
    return error;
}

GK_TEST(http_status, lookup_by_code)
{
    ht_server t;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1], path[64];
    json_t *j;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(seed_case(&t, code));
    snprintf(path, sizeof(path), "/api/v1/status/%s", code);
    GK_T_CALL(ht_get(&t, &r, path, NULL));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(json_object_get(j, "case"), "received")),
                "2025-03-03");
    /* 20 working days after Mon 2025-03-03 (no holiday in between) is
     * Mon 2025-03-31 (第三十三条第二款). */
    GK_T_STR_EQ(json_string_value(json_object_get(json_object_get(j, "case"), "due")),
                "2025-03-31");
    json_decref(j);
    GK_T_OK(strstr(ht_body(&r), "张三") == NULL);
    GK_T_OK(strstr(ht_body(&r), "138001") == NULL);
    GK_T_OK(strstr(ht_body(&r), "1101051949") == NULL);
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/status?code=%s", code);
    GK_T_CALL(ht_get(&t, &r, path, NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "2025-03-31") != NULL);
    GK_T_OK(strstr(ht_body(&r), "张三") == NULL);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_status, unknown_and_malformed_codes)
{
    ht_server t;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1];

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(seed_case(&t, code));
    GK_T_CALL(ht_get(&t, &r, "/api/v1/status/ABCDEFGHJKMN", NULL));
    GK_T_INT_EQ(r.status, 404);
    gk_http__resp_release(&r);
    /* An SQL-injection string never reaches the database: 400. */
    GK_T_CALL(ht_get(&t, &r, "/status?code=%27%20OR%201%3D1--", NULL));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_get(&t, &r, "/status", NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "name=\"code\"") != NULL);
    gk_http__resp_release(&r);
    ht_free(&t);
}

/* Today is one thing for the whole server: with GK_TODAY fixed, the
 * public lookup and the staff case page give an open pause (a third-party
 * consultation, 第三十二条, counted to today) the same as-of date, so the
 * same due date. */
GK_TEST(http_status, today_as_the_staff_pages)
{
    rf_env e;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1], path[64];
    json_t *pub, *staff;

    GK_T_CALL(rf_new(&e)); /* GK_TODAY = RF_TODAY */
    GK_T_CALL(rf_case(&e, "BUR1", "张三", "2025-06-03", code));
    GK_T_CALL(rf_event(&e, code, GK_CASE_EV_ACCEPT, "2025-06-03", -1));
    GK_T_CALL(rf_event(&e, code, GK_CASE_EV_CONSULT_THIRD_PARTY, "2025-06-09", -1));
    snprintf(path, sizeof(path), "/api/v1/status/%s", code);
    GK_T_CALL(ht_get(&e.t, &r, path, NULL));
    GK_T_INT_EQ(r.status, 200);
    pub = json_loads(ht_body(&r), 0, NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    snprintf(path, sizeof(path), "/api/v1/cases/%s", code);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    staff = json_loads(ht_body(&r), 0, NULL);
    gk_http__resp_release(&r);
    GK_T_OK(json_string_value(json_object_get(json_object_get(pub, "case"), "due")) != NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(json_object_get(pub, "case"), "due")),
                json_string_value(json_object_get(json_object_get(staff, "case"), "due")));
    json_decref(pub);
    json_decref(staff);
    rf_free(&e);
}

/* A 第三十五条 deferral: the lookup shows the agency's later deadline, not
 * the computed 第三十三条 one, and says it is deferred. */
GK_TEST(http_status, deferred_deadline_is_shown)
{
    ht_server t;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1], path[64];
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    gk_case_event ev = GK_CASE_EVENT_INIT;
    json_t *j, *c;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(seed_case(&t, code));
    GK_T_CALL(gk_store_open(&st, t.db, &o));
    ev.kind = GK_CASE_EV_ACCEPT;
    ev.date = (gk_date){2025, 3, 4};
    GK_T_CALL(gk_store_case_apply(st, code, &ev));
    ev.kind = GK_CASE_EV_DEFER;
    ev.date = (gk_date){2025, 3, 10};
    ev.until = (gk_date){2025, 5, 30};
    GK_T_CALL(gk_store_case_apply(st, code, &ev));
    gk_store_close(st);
    snprintf(path, sizeof(path), "/api/v1/status/%s", code);
    GK_T_CALL(ht_get(&t, &r, path, NULL));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    c = json_object_get(j, "case");
    GK_T_STR_EQ(json_string_value(json_object_get(c, "due")), "2025-05-30");
    GK_T_OK(json_is_true(json_object_get(c, "deferred")));
    json_decref(j);
    gk_http__resp_release(&r);
    ht_free(&t);
}
