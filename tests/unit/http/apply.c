/*
 * apply.c: the public online application (page_apply.c) over the
 * loopback: the 第二十九条 fields, errors beside the fields, the case
 * registered with channel 网络 and the 第三十一条（三） receipt date, CSRF,
 * escaping of hostile text and SQL text stored literally.
 */
#include "reg_fixture.h"

/* A complete, valid form; name=value and name2=value2 replace fields
 * when not NULL. */
static int good_form2(gk_buf *b, const char *csrf, const char *name, const char *value,
                      const char *name2, const char *value2)
{
    static const char *const fields[][2] = {
        {"agency", "BUR1"},          {"applicant_type", "NATURAL"},
        {"applicant", "王小明"},     {"id_type", "ID_CARD"},
        {"id_number", "11010519491231002X"}, {"phone", "13800138000"},
        {"email", "wang@example.cn"}, {"address", ""},
        {"title", "2024年义务教育学校划片方案"}, {"doc_no", "某教发〔2024〕3号"},
        {"description", "含学区范围图"}, {"method", "ELECTRONIC"},
        {"route", "EMAIL"},
    };
    size_t i;
    int error = rf_pair(b, "_csrf", csrf);

    for (i = 0; error == 0 && i < GK_ARRAY_LEN(fields); i++)
        error = rf_pair(b, fields[i][0],
                        name && !strcmp(name, fields[i][0])     ? value
                        : name2 && !strcmp(name2, fields[i][0]) ? value2
                                                                : fields[i][1]);
    return error;
}

static int good_form(gk_buf *b, const char *csrf, const char *name, const char *value)
{
    return good_form2(b, csrf, name, value, NULL, NULL);
}

typedef struct {
    char applicant[256];
    char description[512];
    char channel[16];
    char received[16];
    char agency[16];
    int n;
} seen_case;

static int seen_cb(const gk_case *c, void *payload)
{
    seen_case *s = payload;
    char d[GK_DATE_BUFSZ];

    snprintf(s->applicant, sizeof(s->applicant), "%s", c->applicant);
    snprintf(s->description, sizeof(s->description), "%s", c->description);
    snprintf(s->channel, sizeof(s->channel), "%s", gk_channel_key(c->channel));
    snprintf(s->received, sizeof(s->received), "%s", gk_date_format(d, c->received));
    snprintf(s->agency, sizeof(s->agency), "%s", c->agency);
    s->n++;
    return 0;
}

static int read_cases(rf_env *e, seen_case *s)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_store *st = NULL;
    int error = gk_store_open(&st, e->t.db, NULL);

    memset(s, 0, sizeof(*s));
    if (error == 0)
        error = gk_store_case_foreach(st, &q, seen_cb, s);
    gk_store_close(st);
    return error;
}

GK_TEST(http_apply, form_lists_agencies_and_fields)
{
    rf_env e;
    gk_http_resp r;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_get(&e, &r, "/apply"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "某区教育局") != NULL);
    GK_T_OK(strstr(ht_body(&r), "name=\"id_number\"") != NULL);
    GK_T_OK(strstr(ht_body(&r), "法律服务机构") != NULL);
    GK_T_OK(strstr(ht_body(&r), "第三十一条第（三）项") != NULL);
    GK_T_OK(gk_http__resp_get(&r, "Set-Cookie") != NULL); /* the anonymous CSRF cookie */
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_apply, submit_registers_online_case)
{
    rf_env e;
    gk_http_resp r;
    gk_buf b = GK_BUF_INIT;
    seen_case s;
    const char *p;
    char code[GK_TRACKING_CODE_LEN + 1];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(good_form(&b, rf_anon(&e), NULL, NULL));
    GK_T_CALL(rf_post(&e, &r, "/apply", gk_buf_cstr(&b)));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "申请已提交") != NULL);
    /* Received today (第三十一条（三）); due 20 working days later: Mon
     * 2025-06-16 + 20 wd = Mon 2025-07-14 (no holiday in between). */
    GK_T_OK(strstr(ht_body(&r), RF_TODAY) != NULL);
    GK_T_OK(strstr(ht_body(&r), "2025-07-14") != NULL);
    p = strstr(ht_body(&r), "<strong class=\"code\">");
    GK_T_OK(p != NULL);
    memcpy(code, p + strlen("<strong class=\"code\">"), GK_TRACKING_CODE_LEN);
    code[GK_TRACKING_CODE_LEN] = '\0';
    gk_http__resp_release(&r);
    GK_T_CALL(read_cases(&e, &s));
    GK_T_INT_EQ(s.n, 1);
    GK_T_STR_EQ(s.channel, "ONLINE");
    GK_T_STR_EQ(s.received, RF_TODAY);
    GK_T_STR_EQ(s.agency, "BUR1");
    GK_T_STR_EQ(s.applicant, "王小明");
    GK_T_OK(strstr(s.description, "某教发〔2024〕3号") != NULL);
    GK_T_STR_EQ(rf_state(&e, code), "RECEIVED");
    gk_buf_release(&b);
    rf_free(&e);
}

GK_TEST(http_apply, api_answers_201_with_code)
{
    rf_env e;
    gk_http_resp r;
    gk_buf b = GK_BUF_INIT;
    json_t *j;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_get(&e, &r, "/api/v1/applications/new"));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_OK(json_array_size(json_object_get(j, "applicant_types")) == 6);
    GK_T_OK(json_array_size(json_object_get(j, "agencies")) == 4);
    json_decref(j);
    gk_http__resp_release(&r);
    GK_T_CALL(good_form(&b, rf_anon(&e), "agency", "BUR2"));
    GK_T_CALL(rf_post(&e, &r, "/api/v1/applications", gk_buf_cstr(&b)));
    GK_T_INT_EQ(r.status, 201);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ((int)strlen(json_string_value(json_object_get(json_object_get(j, "application"), "code"))),
                GK_TRACKING_CODE_LEN);
    GK_T_STR_EQ(json_string_value(json_object_get(json_object_get(j, "application"), "due")),
                "2025-07-14");
    json_decref(j);
    gk_http__resp_release(&r);
    gk_buf_release(&b);
    rf_free(&e);
}

/* Each bad field comes back beside that field, with a 400, and nothing is
 * registered. */
GK_TEST(http_apply, errors_beside_fields)
{
    static const char *const bad[][3] = {
        {"agency", "NOPE", "请选择受理申请的行政机关"},
        {"applicant_type", "ALIEN", "请选择申请人类型"},
        {"applicant", "", "请填写申请人姓名或者名称"},
        {"id_number", "110105194912310021", "校验位不正确"},
        {"id_number", "12345", "应为 18 位"},
        {"id_type", "DNA", "请选择身份证明的种类"},
        {"phone", "call me", "有效的手机号码"},
        {"email", "not-an-email", "电子邮箱格式不正确"},
        {"method", "PIGEON", "请选择获取信息的方式"},
        {"route", "POST", "请填写通信地址"},
    };
    rf_env e;
    size_t i;
    seen_case s;

    GK_T_CALL(rf_new(&e));
    for (i = 0; i < GK_ARRAY_LEN(bad); i++) {
        gk_http_resp r;
        gk_buf b = GK_BUF_INIT;

        GK_T_CALL(good_form(&b, rf_anon(&e), bad[i][0], bad[i][1]));
        GK_T_CALL(rf_post(&e, &r, "/apply", gk_buf_cstr(&b)));
        gk_buf_release(&b);
        if (r.status != 400 || !strstr(ht_body(&r), bad[i][2]) ||
            !strstr(ht_body(&r), "class=\"field-error\"")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("%s=%s: status %d, message '%s' missing", bad[i][0], bad[i][1], r.status,
                      bad[i][2]);
        }
        /* The other values are kept in the form. */
        GK_T_OK(strstr(ht_body(&r), "2024年义务教育学校划片方案") != NULL);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(read_cases(&e, &s));
    GK_T_INT_EQ(s.n, 0);
    rf_free(&e);
}

GK_TEST(http_apply, csrf_refused)
{
    rf_env e;
    gk_http_resp r;
    gk_buf b = GK_BUF_INIT;
    seen_case s;

    GK_T_CALL(rf_new(&e));
    rf_anon(&e);
    GK_T_CALL(good_form(&b, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL, NULL));
    GK_T_CALL(rf_post(&e, &r, "/apply", gk_buf_cstr(&b)));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    GK_T_CALL(read_cases(&e, &s));
    GK_T_INT_EQ(s.n, 0);
    gk_buf_release(&b);
    rf_free(&e);
}

/* Hostile text in every free-text field: escaped when echoed, stored as
 * typed (prepared statements; the table survives). */
GK_TEST(http_apply, xss_escaped_and_sql_stored_literally)
{
    static const char *const text_fields[] = {"applicant", "address", "title", "doc_no",
                                              "description"};
    static const char xss[] = "<script>alert(1)</script>\"'`=";
    static const char sql[] = "'); DROP TABLE cases; --";
    rf_env e;
    size_t i;
    seen_case s;

    GK_T_CALL(rf_new(&e));
    for (i = 0; i < GK_ARRAY_LEN(text_fields); i++) {
        gk_http_resp r;
        gk_buf b = GK_BUF_INIT;

        /* Echoed in a 400 (the phone is wrong so nothing is stored). */
        GK_T_CALL(good_form2(&b, rf_anon(&e), "phone", "x", text_fields[i], xss));
        GK_T_CALL(rf_post(&e, &r, "/apply", gk_buf_cstr(&b)));
        gk_buf_release(&b);
        GK_T_INT_EQ(r.status, 400);
        GK_T_OK(strstr(ht_body(&r), "<script>alert") == NULL);
        GK_T_OK(strstr(ht_body(&r), "&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") != NULL ||
                strstr(ht_body(&r), "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
        gk_http__resp_release(&r);
    }
    {
        gk_http_resp r;
        gk_buf b = GK_BUF_INIT;

        GK_T_CALL(good_form(&b, rf_anon(&e), "applicant", sql));
        GK_T_CALL(rf_post(&e, &r, "/apply", gk_buf_cstr(&b)));
        gk_buf_release(&b);
        GK_T_INT_EQ(r.status, 200);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(read_cases(&e, &s));
    GK_T_INT_EQ(s.n, 1);
    GK_T_STR_EQ(s.applicant, sql);
    rf_free(&e);
}
