/*
 * torture.c: allocation-failure torture of a few routes over the loopback
 * (torture.h): the home page (template), the rules catalogue (JSON), a
 * published text checked through /api/v1/check (parse, rules, findings)
 * and a status lookup that finds nothing (404). The server is made once,
 * outside the torture; each run sends the four requests. A failing
 * allocation must give a 5xx answer with a body that says so (the run's
 * error), or exactly the clean run's answers: a 200 with less in it would
 * be silent loss.
 */
#include <stdio.h>
#include <string.h>
#include "http_test.h"
#include "torture.h"

typedef struct {
    ht_server t;
    const char *text;
    size_t len;
} http_ctx;

/* Appends the answer; a 5xx is the run's error, with the answer's body as
 * the message. */
static int record(gk_buf *digest, const char *what, int rc, gk_http_resp *r)
{
    int error = rc;

    if (error == 0 && r->status >= 500) {
        gk_error_set(GK_ERRCLASS_HTTP, "%s: HTTP %d: %.200s", what, r->status, ht_body(r));
        error = *ht_body(r) ? GK_ERROR : 0;
        if (error == 0) /* a 5xx that says nothing: let torture.h see an empty message */
            gk_error_clear(), error = GK_ERROR;
    }
    if (error == 0)
        error = gk_buf_printf(digest, "%s: %d %s\n%s\n", what, r->status,
                              r->content_type ? r->content_type : "", ht_body(r));
    gk_http__resp_release(r);
    return error;
}

static int routes(gk_buf *digest, void *ctx)
{
    http_ctx *h = ctx;
    gk_http_resp r;
    int error;

    error = record(digest, "home", ht_get(&h->t, &r, "/", NULL), &r);
    if (error == 0)
        error = record(digest, "rules", ht_get(&h->t, &r, "/api/v1/rules", NULL), &r);
    if (error == 0)
        error = record(digest, "check",
                       ht_raw(&h->t, &r,
                              "POST /api/v1/check HTTP/1.1\r\nContent-Type: text/plain\r\n"
                              "Content-Length: %zu\r\n\r\n%.*s",
                              h->len, (int)h->len, h->text),
                       &r);
    if (error == 0)
        error = record(digest, "status", ht_get(&h->t, &r, "/api/v1/status/ABCDEFGHJKMN", NULL),
                       &r);
    return error;
}

/* Sampled: the first 200 allocations each, then every 5th. */
GK_TEST(http_torture, four_routes)
{
    http_ctx h;
    char *text;
    char why[512];
    int rc;

    text = gk_test_slurp(gk_test_path("tests/resources/corpus/seed/000_e61fd02df59cf2b0.txt"),
                         &h.len);
    GK_T_OK(text != NULL);
    h.text = text;
    rc = ht_new(&h.t, 0);
    if (rc == 0)
        rc = gk_torture__run("http", routes, &h, 5, why, sizeof(why));
    else
        snprintf(why, sizeof(why), "cannot make the server: %s", gk_error_last()->message);
    ht_free(&h.t);
    gk_free(text);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}
