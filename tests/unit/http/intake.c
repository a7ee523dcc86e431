/*
 * intake.c: the staff intake of applications (page_intake.c) over the
 * loopback with real registers on Mon 2025-06-16: each 条例第三十一条
 * receipt-date rule with its deadline, the checks, the duplicate-applicant
 * hint, and the refusals (CSRF, role, agency); hostile text escaped.
 */
#include "reg_fixture.h"

/* The fields of a good in-person application to BUR1; `over` replaces
 * or adds name/value pairs (NULL-terminated list). */
static int form(gk_buf *b, const char *csrf, const char *const *over)
{
    static const char *const base[][2] = {
        {"mode", "IN_PERSON"},       {"arrival", "2025-06-16"},
        {"confirmed", ""},           {"agency", "BUR1"},
        {"applicant_type", "NATURAL"}, {"applicant", "钱七"},
        {"id_type", "ID_CARD"},      {"id_number", "110105198001010016"},
        {"phone", "13912345678"},    {"email", ""},
        {"address", "某市某区某路1号"}, {"title", "2024年学区划分方案"},
        {"doc_no", ""},              {"description", ""},
        {"method", "PAPER"},         {"route", "POST"},
    };
    size_t i, j;
    int error = csrf ? rf_pair(b, "_csrf", csrf) : 0;

    for (i = 0; error == 0 && i < GK_ARRAY_LEN(base); i++) {
        const char *v = base[i][1];

        for (j = 0; over && over[j]; j += 2)
            if (!strcmp(over[j], base[i][0]))
                v = over[j + 1];
        error = rf_pair(b, base[i][0], v);
    }
    return error;
}

/* POSTs the form with overrides to path; returns the status (-1 on
 * failure) and leaves the response in r. */
static int post(rf_env *e, gk_http_resp *r, const char *path, const char *csrf,
                const char *const *over)
{
    gk_buf b = GK_BUF_INIT;
    int error = form(&b, csrf, over);

    if (error == 0)
        error = rf_post(e, r, path, gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error < 0 ? -1 : r->status;
}

static const char *jstr(json_t *j, const char *a, const char *b)
{
    return json_string_value(json_object_get(b ? json_object_get(j, a) : j, b ? b : a));
}

typedef struct {
    int n;
    char received[16], arrival[16], channel[16];
} seen;

static int on_case(const gk_case *c, void *payload)
{
    seen *s = payload;

    s->n++;
    gk_date_format(s->received, c->received);
    gk_date_format(s->arrival, c->arrival);
    snprintf(s->channel, sizeof s->channel, "%s", gk_channel_key(c->channel));
    return 0;
}

/* The cases of BUR1 as the store has them (the last one's dates). */
static int read_bur1(rf_env *e, seen *s)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_store *st = NULL;
    int error = gk_store_open(&st, e->t.db, &o);

    memset(s, 0, sizeof *s);
    q.agency = "BUR1";
    if (error == 0)
        error = gk_store_case_foreach(st, &q, on_case, s);
    gk_store_close(st);
    return error;
}

/* Each mode: the receipt date its 第三十一条 rule gives, stated on the
 * page, and the deadline counted from it. */
GK_TEST(http_intake, receipt_date_rules)
{
    static const struct {
        const char *mode, *arrival, *confirmed, *received, *channel, *rule, *due;
    } v[] = {
        /* 当面: the day of submission; 20 working days → 07-14. */
        {"IN_PERSON", "2025-06-16", "", "2025-06-16", "IN_PERSON", "第三十一条第（一）项", "2025-07-14"},
        /* 口头提出 at the counter, written down by the office. */
        {"ORAL", "2025-06-13", "", "2025-06-13", "IN_PERSON", "第二十九条第一款", "2025-07-11"},
        /* 挂号信: the day the agency signed for it. */
        {"POST_SIGNED", "2025-06-11", "", "2025-06-11", "POST", "以行政机关签收之日", "2025-07-09"},
        /* 平常信函: arrived 06-10, confirmed with the applicant 06-12. */
        {"POST_ORDINARY", "2025-06-10", "2025-06-12", "2025-06-12", "POST", "确认之日为收到申请之日",
         "2025-07-10"},
        /* E-mail and fax: the day both sides confirmed. */
        {"ONLINE", "2025-06-13", "2025-06-16", "2025-06-16", "ONLINE", "以双方确认之日", "2025-07-14"},
        {"FAX", "2025-06-16", "2025-06-16", "2025-06-16", "FAX", "传真提交", "2025-07-14"},
    };
    rf_env e;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(v); i++) {
        const char *over[] = {"mode", v[i].mode, "arrival", v[i].arrival, "confirmed",
                              v[i].confirmed, NULL};
        gk_http_resp r;
        json_t *j;
        seen s;

        GK_T_INT_EQ(post(&e, &r, "/api/v1/intake", e.csrf, over), 201);
        j = json_loads(ht_body(&r), 0, NULL);
        GK_T_STR_EQ(jstr(j, "application", "received"), v[i].received);
        GK_T_STR_EQ(jstr(j, "application", "arrival"), v[i].arrival);
        GK_T_STR_EQ(jstr(j, "application", "due"), v[i].due);
        GK_T_OK(strstr(jstr(j, "application", "rule"), v[i].rule) != NULL);
        /* The ledger number the store generated, "<year>-<id>". */
        GK_T_OK(jstr(j, "application", "tracking_no") &&
                !strncmp(jstr(j, "application", "tracking_no"), "2025-", 5));
        json_decref(j);
        gk_http__resp_release(&r);
        GK_T_CALL(read_bur1(&e, &s));
        GK_T_INT_EQ(s.n, (int)i + 1);
        GK_T_STR_EQ(s.received, v[i].received);
        GK_T_STR_EQ(s.arrival, v[i].arrival);
        GK_T_STR_EQ(s.channel, v[i].channel);
    }
    /* The HTML confirmation states the rule beside the receipt date. */
    {
        const char *over[] = {"mode", "POST_SIGNED", "arrival", "2025-06-11", NULL};
        gk_http_resp r;

        GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, over), 200);
        GK_T_OK(strstr(ht_body(&r), "<strong>2025-06-11</strong>") != NULL);
        GK_T_OK(strstr(ht_body(&r), "以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日") != NULL);
        GK_T_OK(strstr(ht_body(&r), "2025-07-09（剩 17 个工作日") != NULL);
        gk_http__resp_release(&r);
    }
    /* A letter signed for on 05-06 and registered late: due 06-04, shown
     * as overdue, not as a negative number of days left. */
    {
        const char *over[] = {"mode", "POST_SIGNED", "arrival", "2025-05-06", NULL};
        gk_http_resp r;

        GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, over), 200);
        GK_T_OK(strstr(ht_body(&r), "2025-06-04</span>（已超期 8 个工作日") != NULL);
        gk_http__resp_release(&r);
    }
    rf_free(&e);
}

/* Server-side checks: each bad form is a 400 with the message beside the
 * field, and nothing is registered. */
GK_TEST(http_intake, checks)
{
    static const struct {
        const char *over[7];
        const char *msg;
    } v[] = {
        {{"mode", "CARRIER_PIGEON", NULL}, "请选择申请的提交方式"},
        {{"arrival", "", NULL}, "请填写提交之日"},
        {{"arrival", "2025-06-17", NULL}, "提交之日不能晚于今天"},
        {{"arrival", "2025-02-30", NULL}, "不是有效日期"},
        {{"mode", "FAX", "arrival", "2025-06-13", NULL}, "请填写与申请人确认之日"},
        {{"mode", "POST_ORDINARY", "arrival", "2025-06-13", "confirmed", "2025-06-12", NULL},
         "确认之日不能早于申请到达之日"},
        {{"id_number", "110105198001010017", NULL}, "校验位不正确"},
        {{"applicant", "", NULL}, "请填写申请人姓名或者名称"},
        {{"title", "", NULL}, "特征性描述"},
        {{"phone", "", "address", "", NULL}, "请至少填写一种联系方式"},
    };
    rf_env e;
    size_t i;
    seen s;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(v); i++) {
        gk_http_resp r;

        GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, v[i].over), 400);
        if (!strstr(ht_body(&r), v[i].msg) || !strstr(ht_body(&r), "class=\"field-error\"")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("case %zu: no '%s'", i, v[i].msg);
        }
        /* The form comes back filled in. */
        GK_T_OK(strstr(ht_body(&r), "name=\"mode\"") != NULL);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(read_bur1(&e, &s));
    GK_T_INT_EQ(s.n, 0);
    rf_free(&e);
}

/* CSRF, role and agency: refused, nothing registered. */
GK_TEST(http_intake, refusals)
{
    rf_env e;
    gk_http_resp r;
    seen s;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/staff/intake", NULL, NULL), 403);
    GK_T_OK(strstr(ht_body(&r), "CSRF") != NULL);
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/staff/intake", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL),
                403);
    gk_http__resp_release(&r);
    /* Another agency's register. */
    {
        const char *over[] = {"agency", "BUR2", NULL};

        GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, over), 403);
        gk_http__resp_release(&r);
    }
    /* 审核人, 管理员 and 督查 do not register applications. */
    GK_T_CALL(rf_login(&e, "审核丙", GK_ROLE_REVIEWER, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, NULL), 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/intake"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_login(&e, "督查丁", GK_ROLE_SUPERVISOR, ""));
    GK_T_INT_EQ(post(&e, &r, "/api/v1/intake", e.csrf, NULL), 403);
    gk_http__resp_release(&r);
    /* No session at all: the page sends to the login, the API says 401. */
    e.sid[0] = '\0';
    rf_anon(&e);
    GK_T_INT_EQ(post(&e, &r, "/staff/intake", ht_cookie_value(e.anon), NULL), 303);
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/api/v1/intake", ht_cookie_value(e.anon), NULL), 401);
    gk_http__resp_release(&r);
    GK_T_CALL(read_bur1(&e, &s));
    GK_T_INT_EQ(s.n, 0);
    /* The form offers only the session's agency. */
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/intake"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "value=\"BUR1\"") != NULL);
    GK_T_OK(strstr(ht_body(&r), "value=\"BUR2\"") == NULL);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* The applicant's other applications by the de-duplication key: codes and
 * dates, never the other cases' personal data; and the case list masks
 * the new applicant. */
GK_TEST(http_intake, duplicate_hint_and_masked_list)
{
    rf_env e;
    gk_http_resp r;
    char code[GK_TRACKING_CODE_LEN + 1], other[GK_TRACKING_CODE_LEN + 1];
    json_t *j;

    GK_T_CALL(rf_new(&e));
    /* rf_case's applicant has ID 11010519491231002X; lower-case x and a
     * different spelling of the name are the same applicant. */
    GK_T_CALL(rf_case(&e, "BUR1", "张三丰", "2025-06-03", code));
    GK_T_CALL(rf_case(&e, "BUR2", "张三丰", "2025-06-03", other));
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    {
        const char *over[] = {"applicant", "张 三丰", "id_number", "11010519491231002x", NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/intake", e.csrf, over), 201);
    }
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)json_array_size(json_object_get(j, "duplicates")), 1);
    GK_T_STR_EQ(jstr(json_array_get(json_object_get(j, "duplicates"), 0), "code", NULL), code);
    GK_T_OK(json_is_false(json_object_get(j, "duplicate_weak")));
    json_decref(j);
    /* Only codes and dates: no ID number, name or contact of the others. */
    GK_T_OK(strstr(ht_body(&r), other) == NULL);
    GK_T_OK(strstr(ht_body(&r), "1101051949") == NULL);
    GK_T_OK(strstr(ht_body(&r), "13800138000") == NULL);
    gk_http__resp_release(&r);
    /* A new applicant: no hint. */
    GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, NULL), 200);
    GK_T_OK(strstr(ht_body(&r), "同一申请人的其他申请") == NULL);
    gk_http__resp_release(&r);
    /* The same one again: the hint on the page. */
    GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, NULL), 200);
    GK_T_OK(strstr(ht_body(&r), "同一申请人的其他申请") != NULL);
    GK_T_OK(strstr(ht_body(&r), "身份证明号码识别") != NULL);
    gk_http__resp_release(&r);
    /* The list masks the names and contacts staff typed in. */
    GK_T_CALL(rf_get(&e, &r, "/staff/cases"));
    GK_T_OK(strstr(ht_body(&r), "钱七") == NULL && strstr(ht_body(&r), "钱*") != NULL);
    GK_T_OK(strstr(ht_body(&r), "13912345678") == NULL);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* Hostile text in every free-text field is escaped when the form comes
 * back, and when a registered case is shown. */
GK_TEST(http_intake, xss_escaped)
{
    static const char *const fields[] = {"applicant", "id_number", "phone", "email",
                                         "address", "title", "doc_no", "description",
                                         "arrival", "confirmed"};
    static const char xss[] = "<script>alert(1)</script>";
    rf_env e;
    gk_http_resp r;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(fields); i++) {
        /* The method is wrong, so every form comes back (400) with
         * every field read (FAX: both dates). */
        const char *over[] = {"mode", "FAX", "method", "X", fields[i], xss, NULL};

        GK_T_INT_EQ(post(&e, &r, "/staff/intake", e.csrf, over), 400);
        if (strstr(ht_body(&r), "<script>") || !strstr(ht_body(&r), "&lt;script&gt;")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("%s: not escaped", fields[i]);
        }
        gk_http__resp_release(&r);
    }
    {
        const char *over[] = {"applicant", xss, "title", xss, "id_type", "OTHER", "id_number",
                              xss, "address", xss, NULL};
        char path[64];
        json_t *j;

        GK_T_INT_EQ(post(&e, &r, "/api/v1/intake", e.csrf, over), 201);
        j = json_loads(ht_body(&r), 0, NULL);
        snprintf(path, sizeof path, "/staff/cases/%s", jstr(j, "application", "code"));
        json_decref(j);
        gk_http__resp_release(&r);
        GK_T_CALL(rf_get(&e, &r, path));
        GK_T_INT_EQ(r.status, 200);
        GK_T_OK(strstr(ht_body(&r), "<script>") == NULL);
        GK_T_OK(strstr(ht_body(&r), "&lt;script&gt;") != NULL);
        gk_http__resp_release(&r);
        GK_T_CALL(rf_get(&e, &r, "/staff/cases"));
        GK_T_OK(strstr(ht_body(&r), "<script>") == NULL);
        gk_http__resp_release(&r);
    }
    rf_free(&e);
}
