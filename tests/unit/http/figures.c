/*
 * figures.c: table 2's entered figures in the console (page_figures.c)
 * over the loopback: set and shown in 万元, checks, a locked year refused
 * with the store's message, CSRF/role/agency refusals, hostile text
 * escaped.
 */
#include "reg_fixture.h"

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

static int post(rf_env *e, gk_http_resp *r, const char *path, const char *csrf,
                const char *agency, const char *lic, const char *fee)
{
    gk_buf b = GK_BUF_INIT;
    int error = csrf ? rf_pair(&b, "_csrf", csrf) : 0;

    if (error == 0)
        error = rf_pair(&b, "year", "2024");
    if (error == 0)
        error = rf_pair(&b, "agency", agency);
    if (error == 0)
        error = rf_pair(&b, "licensing", lic);
    if (error == 0)
        error = rf_pair(&b, "penalty", "3");
    if (error == 0)
        error = rf_pair(&b, "enforcement", "0");
    if (error == 0)
        error = rf_pair(&b, "fee_yuan", fee);
    if (error == 0)
        error = rf_post(e, r, path, gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error < 0 ? -1 : r->status;
}

/* Locks year for agency through the store (after publication). */
static int lock(rf_env *e, int year, const char *agency)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    int error = gk_store_open(&st, e->t.db, &o);

    if (error == 0)
        error = gk_store_report_lock(st, year, agency);
    gk_store_close(st);
    return error;
}

GK_TEST(http_figures, set_show_and_lock)
{
    rf_env e;
    gk_http_resp r;
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "负责甲", GK_ROLE_HEAD, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/figures"));
    GK_T_INT_EQ(r.status, 200);
    /* Default: last year (today is 2025-06-16). */
    GK_T_OK(has(&r, "2024 年度尚未录入") && has(&r, "name=\"fee_yuan\""));
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/api/v1/figures", e.csrf, "BUR1", "12", "123456"), 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(json_object_get(j, "figures"), "licensing")), 12);
    GK_T_STR_EQ(json_string_value(json_object_get(json_object_get(j, "figures"), "fee_wan")), "12.3456");
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", e.csrf, "BUR1", "13", "1200"), 303);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/figures?year=2024&saved=1"));
    GK_T_OK(has(&r, "已保存") && has(&r, "13 件") && has(&r, "0.12 万元（1200 元）"));
    gk_http__resp_release(&r);
    /* Bad numbers: 400 beside the field, nothing changed. */
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", e.csrf, "BUR1", "-1", "1.5"), 400);
    GK_T_OK(has(&r, "行政许可决定数（件）应为不小于 0 的整数"));
    GK_T_OK(has(&r, "行政事业性收费金额（元）应为不小于 0 的整数"));
    gk_http__resp_release(&r);
    /* A locked year: the store's refusal (409), and the page says so. */
    GK_T_CALL(lock(&e, 2024, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", e.csrf, "BUR1", "14", "1200"), 409);
    GK_T_OK(has(&r, "class=\"error\"") && has(&r, "2024"));
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/figures?year=2024"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_OK(json_is_true(json_object_get(j, "locked")));
    GK_T_INT_EQ((int)json_integer_value(json_object_get(json_object_get(j, "figures"), "licensing")), 13);
    json_decref(j);
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_figures, refusals_and_escaping)
{
    static const char xss[] = "<script>alert(1)</script>";
    rf_env e;
    gk_http_resp r;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "负责甲", GK_ROLE_HEAD, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", NULL, "BUR1", "1", "1"), 403);
    GK_T_OK(has(&r, "CSRF"));
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", e.csrf, "BUR2", "1", "1"), 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/figures?agency=BUR2"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", e.csrf, xss, "1", "1"), 403);
    GK_T_OK(!has(&r, "<script>"));
    gk_http__resp_release(&r);
    /* Every field's text comes back escaped. */
    GK_T_INT_EQ(post(&e, &r, "/staff/figures", e.csrf, "BUR1", xss, xss), 400);
    GK_T_OK(!has(&r, "<script>") && has(&r, "&lt;script&gt;"));
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/figures?year=%3Cscript%3E"));
    GK_T_INT_EQ(r.status, 400);
    GK_T_OK(!has(&r, "<script>"));
    gk_http__resp_release(&r);
    /* 承办人 neither reads nor writes; an all-agency 管理员 must choose. */
    GK_T_CALL(rf_login(&e, "承办乙", GK_ROLE_HANDLER, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/api/v1/figures", e.csrf, "BUR1", "1", "1"), 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_login(&e, "管理丙", GK_ROLE_ADMIN, ""));
    GK_T_INT_EQ(post(&e, &r, "/api/v1/figures", e.csrf, "", "1", "1"), 400);
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/api/v1/figures", e.csrf, "BUR2", "1", "1"), 200);
    gk_http__resp_release(&r);
    rf_free(&e);
}
