/*
 * cases.c: the staff console of the application register (page_cases.c)
 * over the loopback with real registers and a fixed today (Mon
 * 2025-06-16): deadlines on the dashboard, masked lists with filters, the
 * case page, every refusal (CSRF, role, agency) and a full handling run.
 */
#include "reg_fixture.h"

/* A: BUR1, received 2025-05-06, due 2025-06-04 (劳动节 and 端午 skipped):
 * overdue by 8 working days on 06-16. C: BUR1, received 05-20, due 06-18:
 * 2 working days left (due soon). B: BUR1, 06-10: not urgent. D: BUR2,
 * overdue, never visible to a BUR1 session. */
typedef struct {
    char a[GK_TRACKING_CODE_LEN + 1], b[GK_TRACKING_CODE_LEN + 1];
    char c[GK_TRACKING_CODE_LEN + 1], d[GK_TRACKING_CODE_LEN + 1];
} four;

static int seed(rf_env *e, four *f)
{
    int error = rf_case(e, "BUR1", "张三丰", "2025-05-06", f->a);

    if (error == 0)
        error = rf_case(e, "BUR1", "李四", "2025-06-10", f->b);
    if (error == 0)
        error = rf_case(e, "BUR1", "王五", "2025-05-20", f->c);
    if (error == 0)
        error = rf_case(e, "BUR2", "赵六", "2025-05-06", f->d);
    return error;
}

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

GK_TEST(http_cases, dashboard_overdue_and_due_soon)
{
    rf_env e;
    four f;
    gk_http_resp r;
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/api/v1/dashboard"));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "open")), 3);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "overdue")), 1);
    GK_T_STR_EQ(json_string_value(json_object_get(json_array_get(json_object_get(j, "overdue"), 0), "code")), f.a);
    GK_T_STR_EQ(json_string_value(json_object_get(json_array_get(json_object_get(j, "overdue"), 0), "due")), "2025-06-04");
    GK_T_INT_EQ((int)json_integer_value(json_object_get(json_array_get(json_object_get(j, "overdue"), 0), "late_by")), 8);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "soon")), 1);
    GK_T_STR_EQ(json_string_value(json_object_get(json_array_get(json_object_get(j, "soon"), 0), "due")), "2025-06-18");
    json_decref(j);
    GK_T_OK(!has(&r, f.d));
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/dashboard"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "超期 8 个工作日"));
    GK_T_OK(has(&r, "剩 2 个工作日"));
    GK_T_OK(!has(&r, "张三丰")); /* masked */
    GK_T_OK(has(&r, "张**"));
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_cases, list_masks_and_filters)
{
    rf_env e;
    four f;
    gk_http_resp r;
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/cases"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, f.a) && has(&r, f.b) && has(&r, f.c) && !has(&r, f.d));
    GK_T_OK(!has(&r, "张三丰") && !has(&r, "1101051949") && !has(&r, "13800138000"));
    GK_T_OK(has(&r, "138****8000"));
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases?due=overdue"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "total")), 1);
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases?type=COMMERCIAL"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "total")), 0);
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases?state=RECEIVED&type=NATURAL"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "total")), 3);
    json_decref(j);
    gk_http__resp_release(&r);
    /* Another agency's list: refused. */
    GK_T_CALL(rf_get(&e, &r, "/staff/cases?agency=BUR2"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    /* SQL text in a filter is only a value that matches nothing. */
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases?state=%27%20OR%201%3D1%20--"));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "total")), 0);
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases?agency=%27%20OR%201%3D1%20--"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    /* A session for all agencies sees all four. */
    GK_T_CALL(rf_login(&e, "督查丙", GK_ROLE_SUPERVISOR, ""));
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases"));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "total")), 4);
    json_decref(j);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* Rows of different 表三 groups share numbers: the list shows the group
 * ("不予公开·1.属于国家秘密", "无法提供·1.本机关不掌握…"), and a date is one
 * unbreakable piece. */
GK_TEST(http_cases, list_outcome_with_group)
{
    rf_env e;
    four f;
    gk_http_resp r;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    GK_T_CALL(rf_event(&e, f.a, GK_CASE_EV_ANSWER, "2025-06-03", GK_T3_R_DENY_SECRET));
    GK_T_CALL(rf_event(&e, f.b, GK_CASE_EV_ANSWER, "2025-06-12", GK_T3_R_NA_NOTHELD));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/cases?state=closed"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "不予公开·1.属于国家秘密（<span class=\"date\">2025-06-03</span>）"));
    GK_T_OK(has(&r, "无法提供·1.本机关不掌握相关政府信息"));
    GK_T_OK(has(&r, "<td class=\"date\">2025-05-06</td>"));
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_cases, case_page_deadline_timeline_actions)
{
    rf_env e;
    four f;
    gk_http_resp r;
    char path[96];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    snprintf(path, sizeof(path), "/staff/cases/%s", f.a);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    /* The name in full, the ID number and the contact masked by default. */
    GK_T_OK(has(&r, "张三丰") && !has(&r, "11010519491231002X") && !has(&r, "13800138000"));
    GK_T_OK(has(&r, "110*************2X") && has(&r, "138****8000"));
    GK_T_OK(has(&r, "/reveal\"") && has(&r, "显示完整信息"));
    GK_T_OK(has(&r, "2025-06-04") && has(&r, "已超期 8 个工作日"));
    GK_T_OK(has(&r, "期限计算说明"));
    /* The timeline: the legal date (receipt) beside the recorded time. */
    GK_T_OK(has(&r, "<span class=\"legal\">2025-05-06</span> 登记"));
    GK_T_OK(has(&r, "记录于 "));
    /* RECEIVED: a handler may accept, ask for 补正, record a withdrawal;
     * the answer is signed by 审核人/负责人, so no answer form here. */
    GK_T_OK(has(&r, "/accept\"") && has(&r, "/correction\"") && has(&r, "/withdraw\""));
    GK_T_OK(!has(&r, "/answer\"") && !has(&r, "/extend\""));
    gk_http__resp_release(&r);
    /* Another agency's case: 403; an unknown code: 404; a malformed one: 400. */
    snprintf(path, sizeof(path), "/staff/cases/%s", f.d);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 403);
    GK_T_OK(!has(&r, "赵六"));
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases/ABCDEFGHJKMN"));
    GK_T_INT_EQ(r.status, 404);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases/%27%20OR%201%3D1"));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* POSTs an action with the session's token; returns the status. */
static int act(rf_env *e, const char *code, const char *action, const char *extra)
{
    gk_http_resp r;
    char path[96], body[512];
    int status;

    snprintf(path, sizeof(path), "/staff/cases/%s/%s", code, action);
    /* The first value of a field counts: extra may give its own date. */
    snprintf(body, sizeof(body), "_csrf=%s%s&date=2025-06-16", e->csrf, extra ? extra : "");
    if (rf_post(e, &r, path, body) < 0)
        return -1;
    status = r.status;
    gk_http__resp_release(&r);
    return status;
}

/* 显示完整信息: a POST for 承办人/负责人 only, CSRF-checked, that shows the
 * ID number and contact once and leaves a note:reveal event (who) in the
 * trail, shown in the timeline; the list stays masked. */
GK_TEST(http_cases, reveal_is_recorded_and_restricted)
{
    rf_env e;
    four f;
    gk_http_resp r;
    char path[96], body[160];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    snprintf(path, sizeof(path), "/staff/cases/%s/reveal", f.a);
    /* A clerk sees no button and is refused. */
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    snprintf(body, sizeof(body), "/staff/cases/%s", f.a);
    GK_T_CALL(rf_get(&e, &r, body));
    GK_T_OK(!has(&r, "/reveal\"") && !has(&r, "11010519491231002X"));
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s", e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 403);
    GK_T_OK(!has(&r, "11010519491231002X"));
    gk_http__resp_release(&r);
    /* A handler without the token: refused, nothing shown. */
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    GK_T_CALL(rf_post(&e, &r, path, "x=1"));
    GK_T_INT_EQ(r.status, 403);
    GK_T_OK(!has(&r, "11010519491231002X"));
    gk_http__resp_release(&r);
    /* Another agency's case: refused. */
    snprintf(body, sizeof(body), "_csrf=%s", e.csrf);
    snprintf(path, sizeof(path), "/staff/cases/%s/reveal", f.d);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    /* With the token: everything, and the access is in the timeline. */
    snprintf(path, sizeof(path), "/staff/cases/%s/reveal", f.a);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "11010519491231002X") && has(&r, "13800138000"));
    GK_T_OK(has(&r, "查看完整个人信息") && has(&r, "承办甲 记录于"));
    GK_T_OK(!has(&r, "/reveal\""));
    gk_http__resp_release(&r);
    /* The next plain view is masked again; the note stays in the trail. */
    snprintf(path, sizeof(path), "/api/v1/cases/%s", f.a);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_OK(!has(&r, "11010519491231002X") && has(&r, "查看完整个人信息"));
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_cases, handling_run_correction_to_partial_answer)
{
    rf_env e;
    four f;
    gk_http_resp r;
    char path[96], body[256];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    GK_T_INT_EQ(act(&e, f.b, "correction", NULL), 303);
    GK_T_STR_EQ(rf_state(&e, f.b), "CORRECTION_REQUESTED");
    GK_T_INT_EQ(act(&e, f.b, "corrected", NULL), 303);
    GK_T_STR_EQ(rf_state(&e, f.b), "IN_PROGRESS");
    /* 补正 once only (第三十条): a second request is refused on the page. */
    snprintf(path, sizeof(path), "/staff/cases/%s/correction", f.b);
    snprintf(body, sizeof(body), "_csrf=%s&date=2025-06-16", e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 409);
    GK_T_OK(has(&r, "class=\"error\"") && has(&r, "一次性告知补正"));
    gk_http__resp_release(&r);
    /* A handler may not sign the answer nor approve an extension. */
    GK_T_INT_EQ(act(&e, f.b, "answer", "&outcome=R_PARTIAL"), 403);
    GK_T_INT_EQ(act(&e, f.b, "extend", "&days=10"), 403);
    GK_T_CALL(rf_login(&e, "负责人丁", GK_ROLE_HEAD, "BUR1"));
    GK_T_INT_EQ(act(&e, f.b, "extend", "&days=10"), 303);
    GK_T_STR_EQ(rf_state(&e, f.b), "EXTENDED");
    GK_T_CALL(rf_login(&e, "审核戊", GK_ROLE_REVIEWER, "BUR1"));
    GK_T_INT_EQ(act(&e, f.b, "answer", "&outcome=NOPE"), 400);
    GK_T_INT_EQ(act(&e, f.b, "answer", "&outcome=R_PARTIAL"), 303);
    GK_T_STR_EQ(rf_state(&e, f.b), "ANSWERED");
    snprintf(path, sizeof(path), "/api/v1/cases/%s", f.b);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_OK(has(&r, "\"outcome\": \"R_PARTIAL\"") && has(&r, "\"concluded\": \"2025-06-16\""));
    /* The timeline names who did what. */
    GK_T_OK(has(&r, "承办甲") && has(&r, "负责人丁") && has(&r, "审核戊"));
    gk_http__resp_release(&r);
    /* Closed: no action is allowed any more (409 from the state table). */
    GK_T_INT_EQ(act(&e, f.b, "answer", "&outcome=R_GRANT"), 409);
    rf_free(&e);
}

GK_TEST(http_cases, refusals_change_nothing)
{
    rf_env e;
    four f;
    gk_http_resp r;
    char path[96];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    /* Wrong agency: a BUR2 handler on a BUR1 case. */
    GK_T_CALL(rf_login(&e, "承办庚", GK_ROLE_HANDLER, "BUR2"));
    GK_T_INT_EQ(act(&e, f.a, "accept", NULL), 403);
    GK_T_STR_EQ(rf_state(&e, f.a), "RECEIVED");
    /* No CSRF token, a wrong one. */
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    snprintf(path, sizeof(path), "/staff/cases/%s/accept", f.a);
    GK_T_CALL(rf_post(&e, &r, path, "date=2025-06-16"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_post(&e, &r, path, "_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&date=2025-06-16"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_STR_EQ(rf_state(&e, f.a), "RECEIVED");
    /* No session: pages go to the login, the API says 401. */
    e.sid[0] = '\0';
    GK_T_CALL(ht_get(&e.t, &r, "/staff/cases", NULL));
    GK_T_INT_EQ(r.status, 303);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_get(&e.t, &r, "/api/v1/dashboard", NULL));
    GK_T_INT_EQ(r.status, 401);
    gk_http__resp_release(&r);
    /* 督查 reads but takes no action. */
    GK_T_CALL(rf_login(&e, "督查丙", GK_ROLE_SUPERVISOR, ""));
    GK_T_INT_EQ(act(&e, f.a, "accept", NULL), 403);
    GK_T_STR_EQ(rf_state(&e, f.a), "RECEIVED");
    rf_free(&e);
}

GK_TEST(http_cases, hostile_text_escaped)
{
    rf_env e;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1], path[96];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_case(&e, "BUR1", "<script>alert(1)</script>", "2025-06-10", code));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    snprintf(path, sizeof(path), "/staff/cases/%s", code);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(!has(&r, "<script>alert"));
    GK_T_OK(has(&r, "&lt;script&gt;alert(1)"));
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/cases"));
    GK_T_OK(!has(&r, "<script>"));
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_cases, reply_notice_preview_and_download)
{
    rf_env e;
    four f;
    gk_http_resp r;
    char path[512], body[512];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &f));
    GK_T_CALL(rf_event(&e, f.b, GK_CASE_EV_ANSWER, "2025-06-16", GK_T3_R_PARTIAL));
    GK_T_CALL(rf_login(&e, "审核戊", GK_ROLE_REVIEWER, "BUR1"));
    snprintf(path, sizeof(path), "/staff/cases/%s", f.b);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_OK(has(&r, "value=\"partial\"") && has(&r, "某区人民政府")); /* review body preset */
    gk_http__resp_release(&r);
    /* The preview is a POST with the token: nothing in the URL. A GET
     * with the reasons in the query string is no route at all. */
    snprintf(path, sizeof(path), "/staff/cases/%s/notice?kind=partial&format=html&reasons=R", f.b);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 405);
    GK_T_OK(!has(&r, "李四"));
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/staff/cases/%s/notice", f.b);
    GK_T_CALL(rf_post(&e, &r, path, "kind=partial&format=html&reasons=R"));
    GK_T_INT_EQ(r.status, 403); /* no CSRF token */
    gk_http__resp_release(&r);
    /* Missing required fields are named, not left blank. */
    snprintf(body, sizeof(body), "_csrf=%s&kind=partial&format=html", e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 400);
    GK_T_OK(has(&r, "reasons"));
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body),
             "_csrf=%s&kind=partial&format=html&reasons=%%E6%%B6%%89%%E5%%8F%%8A"
             "%%3Cb%%3E&decision_text=%%E9%%99%%84%%E4%%BB%%B6&review_body=X&court=Y",
             e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "李四") && has(&r, "第三十七条"));
    GK_T_OK(!has(&r, "涉及<b>") && has(&r, "涉及&lt;b&gt;"));
    /* The 文号 of register number 2025-00000N: the year once. */
    GK_T_OK(has(&r, "依申请公开〔2025〕2号") && !has(&r, "〔2025〕2025-"));
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body),
             "_csrf=%s&kind=partial&format=docx&reasons=R&decision_text=D&review_body=X&court=Y",
             e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(r.body.len > 4 && !memcmp(r.body.ptr, "PK", 2));
    gk_http__resp_release(&r);
    /* Another agency's case: no notice. */
    GK_T_CALL(rf_login(&e, "审核庚", GK_ROLE_REVIEWER, "BUR2"));
    snprintf(body, sizeof(body),
             "_csrf=%s&kind=partial&format=docx&reasons=R&decision_text=D&review_body=X&court=Y",
             e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* Every action of the console through the page, on a fresh case each
 * time, as a 负责人 (allowed every action): the state the store ends in. */
GK_TEST(http_cases, every_action_moves_the_state)
{
    static const struct {
        const char *steps[3][2]; /* {slug, extra fields} */
        const char *state;
    } runs[] = {
        {{{"accept", NULL}}, "IN_PROGRESS"},
        {{{"correction", NULL}}, "CORRECTION_REQUESTED"},
        {{{"correction", NULL}, {"corrected", NULL}}, "IN_PROGRESS"},
        {{{"correction", NULL}, {"correction-lapsed", NULL}}, "ABANDONED_NO_CORRECTION"},
        {{{"accept", NULL}, {"consult-third-party", NULL}}, "SUSPENDED_THIRD_PARTY"},
        {{{"accept", NULL}, {"consult-agency", NULL}, {"consult-done", NULL}}, "IN_PROGRESS"},
        {{{"accept", NULL}, {"fee-notice", "&fee=200"}, {"fee-paid", NULL}}, "IN_PROGRESS"},
        {{{"accept", NULL}, {"fee-notice", "&fee=200"}, {"fee-lapsed", "&date=2025-07-16"}}, "ABANDONED_NO_FEE"},
        {{{"accept", NULL}, {"extend", "&days=20"}}, "EXTENDED"},
        {{{"accept", NULL}, {"defer", "&until=2025-09-30"}}, "IN_PROGRESS"},
        {{{"accept", NULL}, {"answer", "&outcome=R_NA_NOTHELD"}}, "ANSWERED"},
        {{{"answer", "&outcome=R_GRANT"}}, "ANSWERED"},
        {{{"withdraw", NULL}}, "WITHDRAWN"},
    };
    rf_env e;
    size_t i, s;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "负责人丁", GK_ROLE_HEAD, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(runs); i++) {
        char code[GK_TRACKING_CODE_LEN + 1];

        GK_T_CALL(rf_case(&e, "BUR1", "某人", "2025-06-10", code));
        for (s = 0; s < 3 && runs[i].steps[s][0]; s++) {
            int st = act(&e, code, runs[i].steps[s][0], runs[i].steps[s][1]);

            if (st != 303)
                GK_T_FAIL("run %zu, %s: status %d", i, runs[i].steps[s][0], st);
        }
        if (strcmp(rf_state(&e, code), runs[i].state))
            GK_T_FAIL("run %zu: state %s, expected %s", i, rf_state(&e, code), runs[i].state);
    }
    rf_free(&e);
}

/* Malformed or hostile field values are refused and change nothing. */
GK_TEST(http_cases, bad_fields_refused)
{
    rf_env e;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1], path[96], body[256];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_case(&e, "BUR1", "某人", "2025-06-10", code));
    GK_T_CALL(rf_login(&e, "负责人丁", GK_ROLE_HEAD, "BUR1"));
    snprintf(path, sizeof(path), "/staff/cases/%s/accept", code);
    snprintf(body, sizeof(body), "_csrf=%s&date=2025-06-16%%27%%20OR%%201%%3D1", e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/staff/cases/%s/extend", code);
    GK_T_INT_EQ(act(&e, code, "extend", "&days=abc"), 400);
    GK_T_INT_EQ(act(&e, code, "fee-notice", "&fee=-5"), 409);
    /* Before the receipt date: the state machine refuses it. */
    snprintf(path, sizeof(path), "/staff/cases/%s/accept", code);
    snprintf(body, sizeof(body), "_csrf=%s&date=2025-06-01", e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_OK(r.status == 409 || r.status == 400);
    gk_http__resp_release(&r);
    GK_T_STR_EQ(rf_state(&e, code), "RECEIVED");
    rf_free(&e);
}
