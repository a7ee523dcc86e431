/*
 * request.c: the pure request parsers (src/http/request.c).
 */
#include "http_test.h"

GK_TEST(http_request, url_decode)
{
    gk_arena a = GK_ARENA_INIT;
    char *s = NULL;

    GK_T_CALL(gk_http__url_decode(&s, &a, "%E4%B8%AD+a%2Bb", 15, true));
    GK_T_STR_EQ(s, "中 a+b");
    GK_T_CALL(gk_http__url_decode(&s, &a, "a+b", 3, false));
    GK_T_STR_EQ(s, "a+b");
    GK_T_INT_EQ(gk_http__url_decode(&s, &a, "%4", 2, false), GK_EINVALID);
    GK_T_INT_EQ(gk_http__url_decode(&s, &a, "%zz", 3, false), GK_EINVALID);
    GK_T_INT_EQ(gk_http__url_decode(&s, &a, "a%00b", 5, false), GK_EINVALID);
    GK_T_INT_EQ(gk_http__url_decode(&s, &a, "%FF%FE", 6, false), GK_EINVALID);
    gk_arena_release(&a);
}

GK_TEST(http_request, urlencoded)
{
    gk_arena a = GK_ARENA_INIT;
    gk_http_kvs l = {0};
    const char *in = "name=%E5%BC%A0%E4%B8%89&empty=&flag&x=1=2&&";

    GK_T_CALL(gk_http__parse_urlencoded(&l, &a, in, strlen(in)));
    GK_T_INT_EQ(l.n, 4);
    GK_T_STR_EQ(gk_http__kvs_get(&l, "name"), "张三");
    GK_T_STR_EQ(gk_http__kvs_get(&l, "empty"), "");
    GK_T_STR_EQ(gk_http__kvs_get(&l, "flag"), "");
    GK_T_STR_EQ(gk_http__kvs_get(&l, "x"), "1=2");
    gk_arena_release(&a);
}

GK_TEST(http_request, whole_request)
{
    gk_http_req req;
    const char *raw = "POST /api/v1/check?lang=zh&q=%E4%BF%A1 HTTP/1.1\r\n"
                      "Host: example\r\nCOOKIE: a=1; gk_sid=tok; b=2\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 7\r\n\r\nk=v&z=1EXTRA";

    gk_http__req_init(&req, NULL);
    GK_T_CALL(gk_http__parse_request(&req, raw, strlen(raw), 1024));
    GK_T_INT_EQ(req.method, GK_HTTP_POST);
    GK_T_STR_EQ(req.path, "/api/v1/check");
    GK_T_STR_EQ(gk_http__kvs_get(&req.args, "q"), "信");
    GK_T_STR_EQ(gk_http__kvs_get(&req.headers, "host"), "example");
    GK_T_STR_EQ(gk_http__cookie(&req, "gk_sid"), "tok");
    GK_T_OK(gk_http__cookie(&req, "gk") == NULL);
    GK_T_INT_EQ(req.body_len, 7);
    GK_T_STR_EQ(gk_http__kvs_get(&req.form, "k"), "v");
    GK_T_STR_EQ(gk_http__kvs_get(&req.form, "z"), "1");
    gk_http__req_release(&req);
}

GK_TEST(http_request, refuses_malformed)
{
    static const char *const bad[] = {
        "GET / HTTP/1.1\r\nHost: x\r\n",                  /* no blank line */
        "GET /\r\n\r\n",                                  /* no version */
        "GET x HTTP/1.1\r\n\r\n",                          /* not origin form */
        "GET / HTTP/2.0\r\n\r\n",                          /* not HTTP/1.x */
        "GET / HTTP/1.1\r\nNoColon\r\n\r\n",               /* bad header */
        "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",   /* bad length */
        "POST / HTTP/1.1\r\nContent-Length: 99\r\n\r\nab", /* short body */
        "GET /%zz HTTP/1.1\r\n\r\n",                       /* bad escape */
    };
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        gk_http_req req;
        int e;

        gk_http__req_init(&req, NULL);
        e = gk_http__parse_request(&req, bad[i], strlen(bad[i]), 1024);
        gk_http__req_release(&req);
        if (e != GK_EINVALID)
            GK_T_FAIL("case %zu: got %d, expected GK_EINVALID", i, e);
    }
}

GK_TEST(http_request, body_cap)
{
    gk_http_req req;
    const char *raw = "POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world";

    gk_http__req_init(&req, NULL);
    GK_T_INT_EQ(gk_http__parse_request(&req, raw, strlen(raw), 10), GK_ETOOBIG);
    gk_http__req_release(&req);
}

GK_TEST(http_request, multipart)
{
    gk_http_req req;
    const char *raw =
        "POST /check HTTP/1.1\r\n"
        "Content-Type: multipart/form-data; boundary=----b0undary\r\n"
        "Content-Length: %zu\r\n\r\n";
    const char *body = "------b0undary\r\n"
                       "Content-Disposition: form-data; name=\"file\"; filename=\"年报.html\"\r\n"
                       "Content-Type: text/html\r\n\r\n"
                       "<p>x\r\n--not-the-boundary</p>\r\n"
                       "------b0undary\r\n"
                       "Content-Disposition: form-data; name=\"text\"\r\n\r\n"
                       "粘贴\r\n"
                       "------b0undary--\r\n";
    char buf[1024];
    int n = snprintf(buf, sizeof(buf), raw, strlen(body));

    snprintf(buf + n, sizeof(buf) - (size_t)n, "%s", body);
    gk_http__req_init(&req, NULL);
    GK_T_CALL(gk_http__parse_request(&req, buf, strlen(buf), 4096));
    GK_T_INT_EQ(req.nparts, 2);
    GK_T_STR_EQ(req.parts[0].name, "file");
    GK_T_STR_EQ(req.parts[0].filename, "年报.html");
    GK_T_STR_EQ(req.parts[0].content_type, "text/html");
    GK_T_MEM_EQ(req.parts[0].data, req.parts[0].len, "<p>x\r\n--not-the-boundary</p>", 28);
    GK_T_OK(req.parts[1].filename == NULL);
    GK_T_STR_EQ(gk_http__kvs_get(&req.form, "text"), "粘贴");
    gk_http__req_release(&req);
}

GK_TEST(http_request, multipart_malformed)
{
    static const char *const bodies[] = {
        "no boundary at all",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
        "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--",  /* part without name */
        "--Bgarbage",
    };
    size_t i;

    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        gk_http_req req;
        int e;

        gk_http__req_init(&req, NULL);
        req.body = bodies[i];
        req.body_len = strlen(bodies[i]);
        e = gk_http__parse_multipart(&req, "multipart/form-data; boundary=B");
        gk_http__req_release(&req);
        if (e != GK_EINVALID)
            GK_T_FAIL("case %zu: got %d, expected GK_EINVALID", i, e);
    }
}
