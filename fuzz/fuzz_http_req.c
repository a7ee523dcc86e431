/*
 * fuzz_http_req.c: libFuzzer target over the HTTP request parsers of
 * src/http/request.c (request line, headers, query, urlencoded and
 * multipart bodies, cookies) and, for some inputs, the whole dispatch
 * pipeline through the loopback (conventions C7: one target per untrusted
 * input surface). A failure is a crash, a sanitizer report or a leak; the
 * invariants checked here abort:
 *   - a parsed request has a path starting with '/', valid UTF-8 decoded
 *     fields and a body no longer than the cap;
 *   - every dispatched response has a status in 200..599, a content type
 *     and the Content-Security-Policy header.
 * The first input byte selects the body cap (bit 0: 64 bytes or 1 MiB)
 * and whether to dispatch (bit 1); the rest is the raw request.
 */
#include <stdint.h>
#include <stdlib.h>
#include "http/http_int.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Percent-decoded fields (query, urlencoded body) are valid UTF-8. */
static void check_decoded(const gk_http_kvs *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (gk_utf8_invalid_at(l->v[i].value, l->v[i].len) != l->v[i].len)
            abort();
}

static gk_server *server(void)
{
    static gk_server *srv;
    gk_server_opts o = GK_SERVER_OPTS_INIT;

    if (!srv) {
        o.listen = "127.0.0.1:0";
        o.db = "/nonexistent/fuzz.db"; /* logins fail fast: no database */
        if (gk_server_new(&srv, &o) < 0)
            abort();
    }
    return srv;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_http_req req;
    size_t cap;
    int error;

    if (size < 1)
        return 0;
    cap = (data[0] & 1) ? 64 : (size_t)1 << 20;
    gk_http__req_init(&req, NULL);
    error = gk_http__parse_request(&req, (const char *)data + 1, size - 1, cap);
    if (error == 0) {
        size_t plen = strlen(req.path);

        if (req.path[0] != '/' || req.body_len > cap ||
            gk_utf8_invalid_at(req.path, plen) != plen)
            abort();
        check_decoded(&req.args);
        if (req.nparts == 0)
            check_decoded(&req.form);
        (void)gk_http__cookie(&req, "gk_sid");
    }
    gk_http__req_release(&req);
    if (data[0] & 2) {
        gk_http_resp resp;

        if (gk_http__loopback(server(), (const char *)data + 1, size - 1, &resp) < 0)
            abort();
        if (resp.status < 200 || resp.status > 599 || !resp.content_type ||
            !gk_http__resp_get(&resp, "Content-Security-Policy"))
            abort();
        gk_http__resp_release(&resp);
    }
    return 0;
}
