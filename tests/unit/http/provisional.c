/*
 * provisional.c: deadlines that reach a year the built-in calendar does not
 * cover (it ends with 2026; calendar.h PROVISIONAL MODE) on the staff case
 * page, the case list, the dashboard and the public status lookup: a date
 * counted Monday–Friday, always flagged "暂定" with the sentence, and the
 * due-soon / overdue lists still filled. Today is fixed at Mon 2027-02-08.
 *
 *   Y: received 2026-12-10, 补正 12-14, corrected 12-17, extension of 20
 *      working days 12-30: 40 working days after 12-17 counting 2027 as
 *      Monday–Friday is Thu 2027-02-11 (12-18, 12-21..31 = 10, Fri 01-01 =
 *      11, five weeks to 02-05 = 36, 02-08..11 = 40); 3 working days left.
 *   O: received Tue 2026-12-01: due Tue 2026-12-29 (official); late by 29
 *      working days counted through January 2027: provisional too.
 */
#include "gk/case.h"
#include "gk/store.h"
#include "reg_fixture.h"

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

static const char *const sentence = "2027年节假日安排尚未发布，按周一至周五推算，仅供参考";

/* EXTEND with its days and approver (rf_event has no such fields). */
static int extend(rf_env *e, const char *code, const char *date)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_store *st = NULL;
    int error;

    ev.kind = GK_CASE_EV_EXTEND;
    ev.days = 20;
    ev.approver = "办公室主任 赵六";
    o.actor = "test";
    error = gk_date_parse(&ev.date, date, strlen(date));
    if (error == 0)
        error = gk_store_open(&st, e->t.db, &o);
    if (error == 0)
        error = gk_store_case_apply(st, code, &ev);
    gk_store_close(st);
    return error;
}

/* The object in array arr whose "code" is code, or NULL. */
static json_t *by_code(json_t *arr, const char *code)
{
    size_t i;

    for (i = 0; i < json_array_size(arr); i++)
        if (!strcmp(json_string_value(json_object_get(json_array_get(arr, i), "code")), code))
            return json_array_get(arr, i);
    return NULL;
}

GK_TEST(http_provisional, year_end_deadlines_are_flagged)
{
    rf_env e;
    gk_http_resp r;
    char y[GK_TRACKING_CODE_LEN + 1], o[GK_TRACKING_CODE_LEN + 1], path[96];
    json_t *j, *c;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_case(&e, "BUR1", "赵七", "2026-12-10", y));
    GK_T_CALL(rf_event(&e, y, GK_CASE_EV_REQUEST_CORRECTION, "2026-12-14", -1));
    GK_T_CALL(rf_event(&e, y, GK_CASE_EV_CORRECTED, "2026-12-17", -1));
    GK_T_CALL(extend(&e, y, "2026-12-30"));
    GK_T_CALL(rf_case(&e, "BUR1", "钱八", "2026-12-01", o));
    setenv("GK_TODAY", "2027-02-08", 1);
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));

    /* Dashboard: Y due soon, O overdue, both marked. */
    GK_T_CALL(rf_get(&e, &r, "/api/v1/dashboard"));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    c = by_code(json_object_get(j, "soon"), y);
    GK_T_OK(c != NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(c, "due")), "2027-02-11");
    GK_T_INT_EQ((int)json_integer_value(json_object_get(c, "left")), 3);
    GK_T_OK(json_is_true(json_object_get(c, "provisional")));
    GK_T_STR_EQ(json_string_value(json_object_get(c, "provisional_note")), sentence);
    c = by_code(json_object_get(j, "overdue"), o);
    GK_T_OK(c != NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(c, "due")), "2026-12-29");
    GK_T_INT_EQ((int)json_integer_value(json_object_get(c, "late_by")), 29);
    GK_T_OK(json_is_true(json_object_get(c, "provisional")));
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "provisional_count")), 2);
    GK_T_INT_EQ((int)json_integer_value(json_object_get(j, "unknown_count")), 0);
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/dashboard"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "剩 3 个工作日"));
    GK_T_OK(has(&r, "超期 29 个工作日"));
    GK_T_OK(has(&r, "（暂定）"));
    GK_T_OK(has(&r, "按周一至周五推算，仅供参考"));
    GK_T_OK(!has(&r, "无法计算"));
    gk_http__resp_release(&r);

    /* The list filter still finds it. */
    GK_T_CALL(rf_get(&e, &r, "/api/v1/cases?due=soon"));
    j = json_loads(ht_body(&r), 0, NULL);
    c = by_code(json_object_get(j, "cases"), y);
    GK_T_OK(c != NULL && json_is_true(json_object_get(c, "provisional")));
    json_decref(j);
    gk_http__resp_release(&r);

    /* The case page: the date, the note next to it, the explanation. */
    snprintf(path, sizeof(path), "/staff/cases/%s", y);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "2027-02-11"));
    GK_T_OK(has(&r, sentence));
    GK_T_OK(has(&r, "期限届满日 2027-02-11"));
    GK_T_OK(!has(&r, "无法计算"));
    gk_http__resp_release(&r);

    /* Status lookup (public): JSON "provisional": true with the note; the
     * page says 暂定. O's statutory date is official: false. */
    snprintf(path, sizeof(path), "/api/v1/status/%s", y);
    GK_T_CALL(ht_get(&e.t, &r, path, NULL));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    c = json_object_get(j, "case");
    GK_T_STR_EQ(json_string_value(json_object_get(c, "due")), "2027-02-11");
    GK_T_OK(json_is_true(json_object_get(c, "provisional")));
    GK_T_STR_EQ(json_string_value(json_object_get(c, "provisional_note")), sentence);
    json_decref(j);
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/api/v1/status/%s", o);
    GK_T_CALL(ht_get(&e.t, &r, path, NULL));
    j = json_loads(ht_body(&r), 0, NULL);
    c = json_object_get(j, "case");
    GK_T_STR_EQ(json_string_value(json_object_get(c, "due")), "2026-12-29");
    GK_T_OK(json_is_false(json_object_get(c, "provisional")));
    GK_T_OK(json_object_get(c, "provisional_note") == NULL);
    json_decref(j);
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/status?code=%s", y);
    GK_T_CALL(ht_get(&e.t, &r, path, NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "2027-02-11（暂定）"));
    GK_T_OK(has(&r, sentence));
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* The confirmation of an online application received Mon 2026-12-21:
 * due 20 working days later counting 2027 Monday–Friday, 12-22..31 (8),
 * Fri 01-01 (9), 01-04..15 (19), Mon 01-18 (20), told as 暂定. */
GK_TEST(http_provisional, online_application_told_provisional)
{
    static const char *const fields[][2] = {
        {"agency", "BUR1"},
        {"applicant_type", "NATURAL"},
        {"applicant", "王小明"},
        {"id_type", "ID_CARD"},
        {"id_number", "11010519491231002X"},
        {"phone", "13800138000"},
        {"email", "wang@example.cn"},
        {"address", ""},
        {"title", "2026年学区划分方案"},
        {"doc_no", ""},
        {"description", "含学区范围图"},
        {"method", "ELECTRONIC"},
        {"route", "EMAIL"},
    };
    rf_env e;
    gk_http_resp r;
    gk_buf b = GK_BUF_INIT;
    size_t i;

    GK_T_CALL(rf_new(&e));
    setenv("GK_TODAY", "2026-12-21", 1);
    GK_T_CALL(rf_pair(&b, "_csrf", rf_anon(&e)));
    for (i = 0; i < GK_ARRAY_LEN(fields); i++)
        GK_T_CALL(rf_pair(&b, fields[i][0], fields[i][1]));
    GK_T_CALL(rf_post(&e, &r, "/apply", gk_buf_cstr(&b)));
    gk_buf_release(&b);
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "申请已提交"));
    GK_T_OK(has(&r, "2027-01-18 前（暂定："));
    GK_T_OK(has(&r, sentence));
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* The extension notice (延长答复期限告知书) is a letter: it never states a
 * provisional date. Without the 2027 rows the computed 2027-02-11 is not
 * filled in and the missing field is named; a date given by staff is used. */
GK_TEST(http_provisional, extension_notice_needs_a_real_date)
{
    rf_env e;
    gk_http_resp r;
    char y[GK_TRACKING_CODE_LEN + 1], path[96], body[256];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_case(&e, "BUR1", "赵七", "2026-12-10", y));
    GK_T_CALL(rf_event(&e, y, GK_CASE_EV_REQUEST_CORRECTION, "2026-12-14", -1));
    GK_T_CALL(rf_event(&e, y, GK_CASE_EV_CORRECTED, "2026-12-17", -1));
    GK_T_CALL(extend(&e, y, "2026-12-30"));
    setenv("GK_TODAY", "2026-12-30", 1);
    GK_T_CALL(rf_login(&e, "审核戊", GK_ROLE_REVIEWER, "BUR1"));
    snprintf(path, sizeof(path), "/staff/cases/%s/notice", y);
    snprintf(body, sizeof(body), "_csrf=%s&kind=extension&format=html", e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 400);
    GK_T_OK(has(&r, "extended_to"));
    GK_T_OK(!has(&r, "2027-02-11") && !has(&r, "2027年2月11日"));
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s&kind=extension&format=html&extended_to=2027-02-19",
             e.csrf);
    GK_T_CALL(rf_post(&e, &r, path, body));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "于2027年2月19日前作出答复") && has(&r, "延长20个工作日"));
    gk_http__resp_release(&r);
    rf_free(&e);
}
