/*
 * publish.c: the three-level review in the console (page_publish.c):
 * roles per step, the same person refused twice, the publication gate
 * refusing until the 脱敏 action has masked the personal data, findings
 * shown in context, agency isolation, and the public side (only items
 * with a 发布日期 count as published).
 */
#include "gk/store_review3.h"
#include "item_fixture.h"

/* POSTs "_csrf=…" + extra to /api/v1/publish/ID/action as the last login;
 * returns the status (0 on a transport failure) and keeps the JSON. */
static int act(rf_env *e, int64_t id, const char *action, const char *extra, json_t **out)
{
    gk_http_resp r;
    char path[96], body[512];
    int status;

    snprintf(path, sizeof path, "/api/v1/publish/%lld/%s", (long long)id, action);
    snprintf(body, sizeof body, "_csrf=%s%s", e->csrf, extra ? extra : "");
    if (rf_post(e, &r, path, body) < 0)
        return 0;
    status = r.status;
    if (out)
        *out = json_loads(ht_body(&r), 0, NULL);
    gk_http__resp_release(&r);
    return status;
}

static json_t *item(rf_env *e, int64_t id, int *status)
{
    gk_http_resp r;
    char path[64];
    json_t *j = NULL;

    snprintf(path, sizeof path, "/api/v1/publish/%lld", (long long)id);
    *status = 0;
    if (rf_get(e, &r, path) == 0) {
        *status = r.status;
        j = json_loads(ht_body(&r), 0, NULL);
        gk_http__resp_release(&r);
    }
    return j;
}

static const char *str(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));

    return s ? s : "";
}

GK_TEST(http_publish, three_steps_three_people_and_the_gate)
{
    rf_env e;
    json_t *j = NULL;
    int64_t id;
    int status;

    GK_T_CALL(rf_new(&e));
    id = if_item(&e, "BUR1", "关于开展某某工作的通知", "2025-06-02", NULL);
    GK_T_OK(id > 0);
    GK_T_CALL(rf_login(&e, "起草员", GK_ROLE_CLERK, "BUR1"));
    GK_T_INT_EQ(act(&e, id, "body", "&body=%E8%81%94%E7%B3%BB%E4%BA%BA%E6%89%8B%E6%9C%BA+13812345678%E3%80%82", NULL), 200);
    GK_T_INT_EQ(act(&e, id, "submit", "&comment=ok", &j), 200);
    GK_T_STR_EQ(str(j, "state"), "FIRST");
    json_decref(j);
    /* 登记员 may not review (routes.def role mask). */
    GK_T_INT_EQ(act(&e, id, "first", "&decision=pass", NULL), 403);
    /* 审核人 甲 takes the 初审, and may not take the 复审 too. */
    GK_T_CALL(rf_login(&e, "审核甲", GK_ROLE_REVIEWER, "BUR1"));
    GK_T_INT_EQ(act(&e, id, "first", "&decision=pass", NULL), 200);
    GK_T_INT_EQ(act(&e, id, "second", "&decision=pass", &j), 409);
    GK_T_OK(strstr(str(j, "error"), "同一人") != NULL);
    json_decref(j);
    /* A stale step and a bad decision. */
    GK_T_CALL(rf_login(&e, "审核乙", GK_ROLE_REVIEWER, "BUR1"));
    GK_T_INT_EQ(act(&e, id, "first", "&decision=pass", NULL), 409);
    GK_T_INT_EQ(act(&e, id, "second", "&decision=maybe", NULL), 400);
    GK_T_INT_EQ(act(&e, id, "second", "&decision=pass", NULL), 200);
    /* The 终审 is the 负责人's. */
    GK_T_INT_EQ(act(&e, id, "final", "&decision=pass", NULL), 403);
    GK_T_CALL(rf_login(&e, "负责人丙", GK_ROLE_HEAD, "BUR1"));
    /* The gate: the mobile number in the body stops publication. */
    GK_T_INT_EQ(act(&e, id, "final", "&decision=pass", &j), 409);
    json_decref(j);
    j = item(&e, id, &status);
    GK_T_INT_EQ(status, 200);
    GK_T_STR_EQ(str(j, "state"), "FINAL");
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "blocking")), 1);
    GK_T_STR_EQ(str(json_array_get(json_object_get(j, "findings"), 0), "category"), "mobile");
    GK_T_STR_EQ(str(json_array_get(json_object_get(j, "findings"), 0), "text"), "13812345678");
    GK_T_OK(json_is_true(json_object_get(json_object_get(j, "can"), "mask")));
    json_decref(j);
    /* Another agency's head sees nothing of it. */
    GK_T_CALL(rf_login(&e, "他局负责人", GK_ROLE_HEAD, "BUR2"));
    j = item(&e, id, &status);
    GK_T_INT_EQ(status, 403);
    json_decref(j);
    GK_T_INT_EQ(act(&e, id, "mask", "", NULL), 403);
    /* 脱敏, re-screened: nothing blocks; then the 终审 publishes. */
    GK_T_CALL(rf_login(&e, "负责人丙", GK_ROLE_HEAD, "BUR1"));
    GK_T_INT_EQ(act(&e, id, "mask", "", &j), 200);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "blocking")), 0);
    GK_T_OK(strstr(str(j, "body"), "138****5678") != NULL);
    GK_T_OK(strstr(str(j, "body"), "13812345678") == NULL);
    json_decref(j);
    /* Nothing left to mask: refused, not a silent no-op. */
    GK_T_INT_EQ(act(&e, id, "mask", "", NULL), 409);
    GK_T_INT_EQ(act(&e, id, "final", "&decision=pass", &j), 200);
    GK_T_STR_EQ(str(j, "state"), "PUBLISHED");
    GK_T_STR_EQ(str(j, "published"), RF_TODAY);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "steps")), 4);
    json_decref(j);
    rf_free(&e);
}

GK_TEST(http_publish, return_goes_back_to_draft_and_pages_render)
{
    rf_env e;
    gk_http_resp r;
    json_t *j = NULL;
    char path[64];
    int64_t id;

    GK_T_CALL(rf_new(&e));
    id = if_item(&e, "BUR1", "机密★1年 某文件", "2025-06-02", NULL);
    GK_T_OK(id > 0);
    GK_T_CALL(rf_login(&e, "起草员", GK_ROLE_HANDLER, "BUR1"));
    GK_T_INT_EQ(act(&e, id, "submit", "", NULL), 200);
    GK_T_CALL(rf_login(&e, "审核甲", GK_ROLE_REVIEWER, "BUR1"));
    /* A return needs a comment. */
    GK_T_INT_EQ(act(&e, id, "first", "&decision=return", NULL), 400);
    GK_T_INT_EQ(act(&e, id, "first", "&decision=return&comment=%E5%AF%86%E7%BA%A7", &j), 200);
    GK_T_STR_EQ(str(j, "state"), "DRAFT");
    json_decref(j);
    /* A secret marker cannot be masked away: the item must be rewritten. */
    GK_T_INT_EQ(act(&e, id, "mask", "", NULL), 409);
    /* The item page: the secret marker highlighted with its category, the
     * history, the forms for the role. */
    snprintf(path, sizeof path, "/staff/publish/%lld", (long long)id);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "<mark class=\"hit blocking\" title=\"密级标志\">机密★1年</mark>") != NULL);
    GK_T_OK(strstr(ht_body(&r), "退回") != NULL);
    GK_T_OK(strstr(ht_body(&r), "保存正文") != NULL);
    gk_http__resp_release(&r);
    /* The page form: a refusal is shown on the page with its status. */
    snprintf(path, sizeof path, "/staff/publish/%lld/first", (long long)id);
    {
        char body[128];

        snprintf(body, sizeof body, "_csrf=%s&decision=pass", e.csrf);
        GK_T_CALL(rf_post(&e, &r, path, body));
    }
    GK_T_INT_EQ(r.status, 409);
    GK_T_OK(strstr(ht_body(&r), "role=\"alert\"") != NULL);
    gk_http__resp_release(&r);
    /* The queue: one draft. */
    GK_T_CALL(rf_get(&e, &r, "/api/v1/publish?state=DRAFT"));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "items")), 1);
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/publish?state=DRAFT"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "机密★1年 某文件") != NULL);
    gk_http__resp_release(&r);
    rf_free(&e);
}
