/*
 * case_links.c: the staff case page's split links (一事一申请, parent ↔
 * children) and its fee notice with the payment window, flagged 暂定 when
 * the window reaches a year without holiday data (page_case_links.c).
 */
#include "reg_fixture.h"

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

static int open_store(rf_env *e, gk_store **st)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;

    o.actor = "fixture";
    return gk_store_open(st, e->t.db, &o);
}

GK_TEST(http_case_links, split_parent_and_children)
{
    char code[GK_TRACKING_CODE_LEN + 1], kids[2][GK_TRACKING_CODE_LEN + 1], path[64];
    const char *titles[] = {"名称：甲文件", "名称：乙文件"};
    gk_store *st = NULL;
    gk_http_resp r;
    gk_date d = {2025, 6, 12};
    rf_env e;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_case(&e, "BUR1", "张三丰", "2025-06-10", code));
    GK_T_CALL(open_store(&e, &st));
    GK_T_CALL(gk_store_case_split(st, code, d, 2, titles, kids));
    gk_store_close(st);
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    snprintf(path, sizeof path, "/staff/cases/%s", code);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "已拆分为 2 件"));
    GK_T_OK(has(&r, kids[0]) && has(&r, kids[1]));
    gk_http__resp_release(&r);
    snprintf(path, sizeof path, "/api/v1/cases/%s", kids[1]);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    {
        json_t *j = json_loads(ht_body(&r), 0, NULL);

        GK_T_STR_EQ(json_string_value(json_object_get(json_object_get(j, "split_from"), "code")),
                    code);
        GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "split_count")), 0);
        json_decref(j);
    }
    gk_http__resp_release(&r);
    snprintf(path, sizeof path, "/staff/cases/%s", kids[1]);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_OK(has(&r, "按一事一申请拆分而来"));
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* A fee notice served on 2026-12-21: 20 working days reach 2027, which
 * the holiday data does not cover, so the window is counted Monday–Friday
 * (2027-01-18) and flagged 暂定; one served in June 2025 is official. */
GK_TEST(http_case_links, fee_notice_window)
{
    static const struct {
        const char *received, *notice, *due;
        bool provisional;
    } v[] = {
        {"2025-06-10", "2025-06-12", "2025-07-10", false},
        {"2026-12-15", "2026-12-21", "2027-01-18", true},
    };
    rf_env e;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(v); i++) {
        char code[GK_TRACKING_CODE_LEN + 1], path[64];
        gk_case_event ev = GK_CASE_EVENT_INIT;
        gk_store *st = NULL;
        gk_http_resp r;
        json_t *j, *f;

        GK_T_CALL(rf_case(&e, "BUR1", "李四", v[i].received, code));
        GK_T_CALL(rf_event(&e, code, GK_CASE_EV_ACCEPT, v[i].received, -1));
        ev.kind = GK_CASE_EV_FEE_NOTICE;
        ev.fee_yuan = 100;
        GK_T_CALL(gk_date_parse(&ev.date, v[i].notice, strlen(v[i].notice)));
        GK_T_CALL(open_store(&e, &st));
        GK_T_CALL(gk_store_case_apply(st, code, &ev));
        gk_store_close(st);
        snprintf(path, sizeof path, "/api/v1/cases/%s", code);
        GK_T_CALL(rf_get(&e, &r, path));
        GK_T_INT_EQ(r.status, 200);
        j = json_loads(ht_body(&r), 0, NULL);
        f = json_object_get(j, "fee_notice");
        GK_T_INT_EQ((int)json_integer_value(json_object_get(f, "amount")), 100);
        GK_T_STR_EQ(json_string_value(json_object_get(f, "notice")), v[i].notice);
        GK_T_STR_EQ(json_string_value(json_object_get(f, "due")), v[i].due);
        GK_T_INT_EQ(json_is_true(json_object_get(f, "provisional")), v[i].provisional);
        json_decref(j);
        gk_http__resp_release(&r);
        snprintf(path, sizeof path, "/staff/cases/%s", code);
        GK_T_CALL(rf_get(&e, &r, path));
        GK_T_OK(has(&r, "缴费期限："));
        GK_T_INT_EQ(has(&r, "<br><span class=\"note provisional\">暂定：2027"), v[i].provisional);
        gk_http__resp_release(&r);
    }
    rf_free(&e);
}
