/*
 * http_test.c: the helpers of http_test.h.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include "http_test.h"

int ht_new(ht_server *t, size_t max_body)
{
    gk_server_opts o = GK_SERVER_OPTS_INIT;
    static unsigned seq;

    snprintf(t->db, sizeof(t->db), "/tmp/gk-http-test-%ld-%u.db", (long)getpid(), seq++);
    unlink(t->db);
    o.listen = "127.0.0.1:0";
    o.db = t->db;
    o.max_body = max_body;
    return gk_server_new(&t->srv, &o);
}

void ht_free(ht_server *t)
{
    gk_server_free(t->srv);
    t->srv = NULL;
    unlink(t->db);
}

int ht_raw(ht_server *t, gk_http_resp *resp, const char *fmt, ...)
{
    gk_buf b = GK_BUF_INIT;
    va_list ap;
    int error;

    va_start(ap, fmt);
    error = gk_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (error == 0)
        error = gk_http__loopback(t->srv, b.ptr, b.len, resp);
    gk_buf_release(&b);
    return error;
}

int ht_get(ht_server *t, gk_http_resp *resp, const char *path, const char *cookie)
{
    return ht_raw(t, resp, "GET %s HTTP/1.1\r\nHost: x\r\n%s%s%s\r\n", path,
                  cookie ? "Cookie: " : "", cookie ? cookie : "", cookie ? "\r\n" : "");
}

int ht_post(ht_server *t, gk_http_resp *resp, const char *path, const char *cookie,
            const char *body)
{
    return ht_raw(t, resp,
                  "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  "Content-Length: %zu\r\n%s%s%s\r\n%s",
                  path, strlen(body), cookie ? "Cookie: " : "", cookie ? cookie : "",
                  cookie ? "\r\n" : "", body);
}

const char *ht_body(const gk_http_resp *resp)
{
    return gk_buf_cstr(&resp->body);
}

const char *ht_cookie(const gk_http_resp *resp, const char *name)
{
    static char slots[4][256];
    static unsigned next;
    size_t i, n = strlen(name);

    for (i = 0; i < resp->nheaders; i++) {
        const char *v = resp->headers[i].value;
        char *s;
        size_t len;

        if (strcasecmp(resp->headers[i].name, "Set-Cookie") || strncmp(v, name, n) || v[n] != '=')
            continue;
        s = slots[next++ % 4];
        len = strcspn(v, ";");
        if (len >= 256)
            len = 255;
        memcpy(s, v, len);
        s[len] = '\0';
        return s;
    }
    return NULL;
}

const char *ht_cookie_value(const char *pair)
{
    const char *eq = pair ? strchr(pair, '=') : NULL;

    return eq ? eq + 1 : "";
}
