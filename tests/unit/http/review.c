/*
 * review.c: the register of 行政复议 and 行政诉讼 cases in the console
 * (page_review.c) over the loopback: add, list, update the result, the
 * store's checks, a locked year, CSRF/role/agency refusals, hostile text
 * escaped and identity numbers in the subject masked in the list.
 */
#include "reg_fixture.h"

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

/* POSTs name/value pairs (NULL-terminated) with the token csrf. */
static int post(rf_env *e, gk_http_resp *r, const char *path, const char *csrf,
                const char *const *kv)
{
    gk_buf b = GK_BUF_INIT;
    int error = csrf ? rf_pair(&b, "_csrf", csrf) : 0;

    for (; error == 0 && kv && kv[0]; kv += 2)
        error = rf_pair(&b, kv[0], kv[1]);
    if (error == 0)
        error = rf_post(e, r, path, gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error < 0 ? -1 : r->status;
}

static const char *const add_direct[] = {"agency", "BUR1", "route", "LIT_DIRECT", "case_no",
                                          "（2025）某01行初12号", "filed", "2025-03-03",
                                          "result", "PENDING", "subject",
                                          "不予公开答复，原告身份证号11010519491231002X",
                                          "case_ref", "2025-7", NULL};

GK_TEST(http_review, add_list_update)
{
    rf_env e;
    gk_http_resp r;
    json_t *j, *c;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/api/v1/review", e.csrf, add_direct), 201);
    j = json_loads(ht_body(&r), 0, NULL);
    c = json_array_get(json_object_get(j, "cases"), 0);
    GK_T_STR_EQ(json_string_value(json_object_get(c, "route")), "LIT_DIRECT");
    GK_T_STR_EQ(json_string_value(json_object_get(c, "result")), "PENDING");
    GK_T_STR_EQ(json_string_value(json_object_get(c, "filed")), "2025-03-03");
    json_decref(j);
    /* The identity number in the subject is masked in the list. */
    GK_T_OK(!has(&r, "11010519491231002X") && has(&r, "1101**********002X"));
    gk_http__resp_release(&r);
    /* The same case number again: the store's refusal. */
    GK_T_INT_EQ(post(&e, &r, "/staff/review", e.csrf, add_direct), 409);
    gk_http__resp_release(&r);
    /* A result without its date: the model's check (400). */
    {
        const char *kv[] = {"result", "UPHELD", NULL};

        GK_T_INT_EQ(post(&e, &r, "/staff/review/1", e.csrf, kv), 400);
        GK_T_OK(has(&r, "class=\"error\""));
        gk_http__resp_release(&r);
    }
    {
        const char *kv[] = {"result", "CORRECTED", "concluded", "2025-06-10", NULL};

        GK_T_INT_EQ(post(&e, &r, "/staff/review/1", e.csrf, kv), 303);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_get(&e, &r, "/api/v1/review"));
    j = json_loads(ht_body(&r), 0, NULL);
    c = json_array_get(json_object_get(j, "cases"), 0);
    GK_T_STR_EQ(json_string_value(json_object_get(c, "result")), "CORRECTED");
    GK_T_STR_EQ(json_string_value(json_object_get(c, "concluded")), "2025-06-10");
    /* The row form does not send the subject: it is kept in full. */
    GK_T_OK(strstr(json_string_value(json_object_get(c, "subject")), "不予公开答复") != NULL);
    json_decref(j);
    gk_http__resp_release(&r);
    /* The HTML list with the forms of a writer. */
    GK_T_CALL(rf_get(&e, &r, "/staff/review"));
    GK_T_OK(has(&r, "（2025）某01行初12号") && has(&r, "行政诉讼（未经复议直接起诉）") &&
            has(&r, "action=\"/staff/review/1\""));
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_review, refusals)
{
    rf_env e;
    gk_http_resp r;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR2"));
    {
        const char *kv[] = {"agency", "BUR2", "route", "REVIEW", "case_no", "某复〔2025〕1号",
                            "filed", "2025-04-01", "result", "PENDING", NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/review", e.csrf, kv), 201);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_login(&e, "承办乙", GK_ROLE_HANDLER, "BUR1"));
    GK_T_INT_EQ(post(&e, &r, "/staff/review", NULL, add_direct), 403);
    GK_T_OK(has(&r, "CSRF"));
    gk_http__resp_release(&r);
    /* Another agency: adding for it, updating its case, seeing it. */
    {
        const char *kv[] = {"agency", "BUR2", "route", "REVIEW", "case_no", "x", "filed",
                            "2025-04-01", "result", "PENDING", NULL};
        const char *up[] = {"result", "UPHELD", "concluded", "2025-06-01", NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/review", e.csrf, kv), 403);
        gk_http__resp_release(&r);
        GK_T_INT_EQ(post(&e, &r, "/api/v1/review/1", e.csrf, up), 403);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_get(&e, &r, "/staff/review"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(!has(&r, "某复〔2025〕1号"));
    gk_http__resp_release(&r);
    /* 登记员 reads without forms and cannot write. */
    GK_T_CALL(rf_login(&e, "登记丙", GK_ROLE_CLERK, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/review"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(!has(&r, "action=\"/staff/review\""));
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/api/v1/review", e.csrf, add_direct), 403);
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_review, xss_escaped)
{
    static const char *const fields[] = {"case_no", "subject", "case_ref", "filed", "concluded",
                                         "agency", "route", "result"};
    static const char xss[] = "<script>alert(1)</script>";
    rf_env e;
    gk_http_resp r;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "负责甲", GK_ROLE_HEAD, ""));
    for (i = 0; i < GK_ARRAY_LEN(fields); i++) {
        const char *kv[] = {"agency", "BUR1", "route", "REVIEW", "case_no", "c1", "filed", "",
                            "result", "PENDING", "subject", "s", "case_ref", "", "concluded",
                            "", NULL};
        size_t k;

        for (k = 0; kv[k]; k += 2)
            if (!strcmp(kv[k], fields[i]))
                kv[k + 1] = xss;
        GK_T_OK(post(&e, &r, "/staff/review", e.csrf, kv) >= 400);
        if (has(&r, "<script>")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("%s: not escaped", fields[i]);
        }
        gk_http__resp_release(&r);
    }
    {
        const char *kv[] = {"agency", "BUR1", "route", "REVIEW", "case_no", xss, "filed",
                            "2025-04-01", "result", "PENDING", "subject", xss, "case_ref", xss,
                            NULL};

        GK_T_INT_EQ(post(&e, &r, "/staff/review", e.csrf, kv), 303);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_get(&e, &r, "/staff/review"));
    GK_T_OK(!has(&r, "<script>") && has(&r, "&lt;script&gt;"));
    gk_http__resp_release(&r);
    rf_free(&e);
}
