/*
 * loopback.c: an in-process request without sockets (h2o loopback): the
 * raw bytes go through the same pure parser the fuzz target exercises and
 * the same dispatch pipeline as the real server.
 */
#include "http_int.h"

int gk_http__loopback(gk_server *srv, const char *raw, size_t len, gk_http_resp *resp)
{
    gk_http_req req;
    int error;

    gk_http__req_init(&req, srv);
    gk_http__resp_init(resp);
    snprintf(req.remote, sizeof(req.remote), "loopback");
    error = gk_http__parse_request(&req, raw, len, srv ? srv->max_body : GK_HTTP_RESP_MAX);
    if (error < 0) {
        gk_http__error(&req, resp, error, NULL);
        gk_http__finish(&req, resp);
        gk_http__req_release(&req);
        return 0;
    }
    gk_http__dispatch(&req, resp);
    gk_http__req_release(&req);
    return 0;
}
