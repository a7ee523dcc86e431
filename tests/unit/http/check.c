/*
 * check.c: the public report pages over the loopback: /api/v1/check gives
 * the findings JSON of `gongkai check --json`, /check the same as a page,
 * /report the official table layout, /api/v1/render a download.
 */
#include "gk/validate.h"
#include "gk/render.h"
#include "http_test.h"

/* POSTs a file as the raw body to path (the API form). */
static int post_raw(ht_server *t, gk_http_resp *r, const char *path, const char *data, size_t len)
{
    return ht_raw(t, r, "POST %s HTTP/1.1\r\nContent-Type: application/json\r\n"
                        "Content-Length: %zu\r\n\r\n%.*s",
                  path, len, (int)len, data);
}

/* POSTs a file as a multipart upload named `filename`. */
static int post_file(ht_server *t, gk_http_resp *r, const char *path, const char *filename,
                     const char *data, size_t len)
{
    gk_buf body = GK_BUF_INIT;
    int error = gk_buf_printf(&body,
                              "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
                              "filename=\"%s\"\r\nContent-Type: application/json\r\n\r\n",
                              filename);

    if (error == 0)
        error = gk_buf_put(&body, data, len);
    if (error == 0)
        error = gk_buf_puts(&body, "\r\n--XyZ--\r\n");
    if (error == 0)
        error = ht_raw(t, r, "POST %s HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                             "Content-Length: %zu\r\n\r\n%s",
                       path, body.len, body.ptr);
    gk_buf_release(&body);
    return error;
}

GK_TEST(http_check, api_returns_findings_json)
{
    ht_server t;
    gk_http_resp r;
    size_t len;
    char *seed = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &len);
    json_t *j;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(post_raw(&t, &r, "/api/v1/check", seed, len));
    GK_T_INT_EQ(r.status, 200);
    GK_T_STR_EQ(r.content_type, "application/json; charset=utf-8");
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_OK(j != NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(j, "schema")), "gongkai.findings/1");
    GK_T_OK(json_is_array(json_object_get(j, "findings")));
    GK_T_OK(json_is_object(json_object_get(j, "summary")));
    json_decref(j);
    gk_http__resp_release(&r);
    gk_free(seed);
    ht_free(&t);
}

GK_TEST(http_check, garbage_is_a_400_with_error_json)
{
    ht_server t;
    gk_http_resp r;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(post_raw(&t, &r, "/api/v1/check", "{not json", 9));
    GK_T_INT_EQ(r.status, 400);
    GK_T_OK(strstr(ht_body(&r), "\"code\": \"invalid\"") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(post_raw(&t, &r, "/api/v1/check", "", 0));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_check, page_escapes_the_file_name)
{
    ht_server t;
    gk_http_resp r;
    size_t len;
    char *seed = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &len);

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(post_file(&t, &r, "/check", "<img src=x onerror=alert(1)>.json", seed, len));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "<img src=x") == NULL);
    GK_T_OK(strstr(ht_body(&r), "&lt;img src&#61;x onerror&#61;alert(1)&gt;.json") != NULL);
    GK_T_OK(strstr(ht_body(&r), "检查结果") != NULL);
    gk_http__resp_release(&r);
    gk_free(seed);
    ht_free(&t);
}

GK_TEST(http_check, report_page_and_download)
{
    ht_server t;
    gk_http_resp r;
    size_t len;
    char *seed = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &len);

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(post_file(&t, &r, "/report", "seed.json", seed, len));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "<article class=\"report\">") != NULL);
    GK_T_OK(strstr(ht_body(&r), "<table") != NULL);
    /* The renderer's own page style is not carried over (CSP), and no
     * style attribute either (style-src 'self' blocks them): the widths
     * are classes of /static/report.css, which the page links. */
    GK_T_OK(strstr(ht_body(&r), "<style") == NULL);
    GK_T_OK(strstr(ht_body(&r), "style=") == NULL);
    GK_T_OK(strstr(ht_body(&r), "<col class=\"w") != NULL);
    GK_T_OK(strstr(ht_body(&r), "href=\"/static/report.css\"") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_get(&t, &r, "/static/report.css", NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_STR_EQ(r.content_type, "text/css; charset=utf-8");
    GK_T_STR_EQ(ht_body(&r), gk_render_html_css());
    GK_T_OK(strstr(ht_body(&r), "col.w42{width:42%}") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(post_file(&t, &r, "/api/v1/render?format=xlsx", "seed.json", seed, len));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(r.body.len > 4 && !memcmp(r.body.ptr, "PK", 2));
    GK_T_OK(strstr(gk_http__resp_get(&r, "Content-Disposition"), "report.xlsx") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(post_file(&t, &r, "/api/v1/render?format=pdfx", "seed.json", seed, len));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    gk_free(seed);
    ht_free(&t);
}

GK_TEST(http_check, rules_catalogue)
{
    ht_server t;
    gk_http_resp r;
    json_t *j;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(ht_get(&t, &r, "/api/v1/rules", NULL));
    GK_T_INT_EQ(r.status, 200);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_INT_EQ(json_array_size(json_object_get(j, "rules")), gk_rule_count());
    json_decref(j);
    gk_http__resp_release(&r);
    ht_free(&t);
}
