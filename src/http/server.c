/*
 * server.c: libmicrohttpd glue. MHD parses HTTP and owns the sockets; this
 * file turns each MHD request into a gk_http_req (using the same pure
 * parsers as the loopback: the raw request target comes from the URI log
 * callback), runs gk_http__dispatch and queues the response.
 *
 * Model (stack.md): one internal polling thread per core over epoll,
 * connection timeout, connection limit and per-connection memory limit set
 * explicitly; the body is capped by max_body. Trap T3: the reply is queued
 * on the second call of the access handler, never the first.
 */
#include <arpa/inet.h>
#ifdef __GLIBC__
#endif
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include "http_int.h"

/* Per-request state, created by the URI log callback and freed when MHD
 * reports the request complete. */
typedef struct {
    gk_http_req req;
    char *target;     /* raw request target, arena */
    gk_buf body;
    bool started;     /* the access handler has been called once */
    bool too_big;
} conn_ctx;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    gk_server *s = cls;
    conn_ctx *x = gk_calloc(1, sizeof(*x));
    const union MHD_ConnectionInfo *ci;

    if (!x)
        return NULL;
    gk_http__req_init(&x->req, s);
    gk_buf_init(&x->body, s->max_body);
    x->target = gk_arena_strndup(&x->req.arena, uri, strlen(uri));
    ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;

        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
                      x->req.remote, sizeof(x->req.remote));
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
                      x->req.remote, sizeof(x->req.remote));
    }
    return x;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    conn_ctx *x = *con_cls;

    (void)cls;
    (void)c;
    (void)toe;
    if (!x)
        return;
    gk_http__req_release(&x->req);
    gk_buf_release(&x->body);
    gk_free(x);
    *con_cls = NULL;
}

/* MHD_OPTION_UNESCAPE_CALLBACK: leave bytes as they are; decoding is done
 * once, by request.c, from the raw target. */
static size_t no_unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    return strlen(s);
}

static enum MHD_Result add_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *value)
{
    gk_http_req *req = cls;
    char name[64];
    size_t i, n = strlen(key);

    (void)kind;
    if (n >= sizeof(name))
        return MHD_YES; /* no header we read is that long */
    for (i = 0; i < n; i++)
        name[i] = (char)((key[i] >= 'A' && key[i] <= 'Z') ? key[i] + 32 : key[i]);
    if (gk_http__kvs_add(&req->arena, &req->headers, name, n, value ? value : "",
                         value ? strlen(value) : 0) < 0)
        return MHD_NO;
    return MHD_YES;
}

static void free_body(void *p)
{
    gk_free(p);
}

static enum MHD_Result send_resp(struct MHD_Connection *c, gk_http_resp *r)
{
    size_t len = 0, i;
    char *body = gk_buf_take(&r->body, &len);
    struct MHD_Response *mr;
    enum MHD_Result ret;

    if (!body)
        return MHD_NO;
    mr = MHD_create_response_from_buffer_with_free_callback(len, body, free_body);
    if (!mr) {
        gk_free(body);
        return MHD_NO;
    }
    MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
    for (i = 0; i < r->nheaders; i++)
        MHD_add_response_header(mr, r->headers[i].name, r->headers[i].value);
    ret = MHD_queue_response(c, (unsigned)r->status, mr);
    MHD_destroy_response(mr);
    return ret;
}

/* Answers with an error before or instead of dispatching. */
static enum MHD_Result send_error(struct MHD_Connection *c, conn_ctx *x, int error)
{
    gk_http_resp r;
    enum MHD_Result ret;

    gk_http__resp_init(&r);
    gk_http__error(&x->req, &r, error, NULL);
    gk_http__finish(&x->req, &r);
    ret = send_resp(c, &r);
    gk_http__resp_release(&r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    gk_server *s = cls;
    conn_ctx *x = *con_cls;
    gk_http_resp r;
    enum MHD_Result ret;
    int error;

    (void)url;
    (void)version;
    if (!x || !x->target)
        return MHD_NO;
    if (!x->started) {
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        int64_t v;

        x->started = true;
        if (cl && gk__parse_i64(cl, strlen(cl), &v) == 0 && (uint64_t)v > s->max_body) {
            /* Refuse before reading the body; MHD then closes. */
            gk_error_set(GK_ERRCLASS_HTTP, "请求内容超过 %zu 字节的上限", s->max_body);
            x->too_big = true;
            return send_error(c, x, GK_ETOOBIG);
        }
        return MHD_YES; /* T3: reply on the next call */
    }
    if (*upload_data_size) {
        if (!x->too_big && gk_buf_put(&x->body, upload_data, *upload_data_size) < 0) {
            x->too_big = true;
            gk_error_set(GK_ERRCLASS_HTTP, "请求内容超过 %zu 字节的上限", s->max_body);
            *upload_data_size = 0;
            return send_error(c, x, GK_ETOOBIG);
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (x->too_big)
        return MHD_YES; /* the 413 is already queued */
    if (MHD_get_connection_values(c, MHD_HEADER_KIND, add_header, &x->req) < 0)
        return MHD_NO;
    error = gk_http__set_target(&x->req, method, x->target);
    if (error == 0) {
        x->req.body = x->body.ptr ? x->body.ptr : "";
        x->req.body_len = x->body.len;
        error = gk_http__parse_body(&x->req);
    }
    if (error < 0)
        return send_error(c, x, error);
    gk_http__resp_init(&r);
    gk_http__dispatch(&x->req, &r);
    gk_http__store_end(s);
    ret = send_resp(c, &r);
    gk_http__resp_release(&r);
    return ret;
}

/* Splits "ADDR:PORT" ("[::1]:8080" for IPv6). */
static int parse_listen(gk_server *s, const char *listen)
{
    const char *colon = strrchr(listen, ':');
    int64_t port;
    const char *h = listen;
    size_t hn;

    if (!colon || gk__parse_i64(colon + 1, strlen(colon + 1), &port) < 0 || port < 0 ||
        port > 65535) {
        gk_error_set(GK_ERRCLASS_INVALID, "监听地址应为 ADDR:PORT，而不是 '%s'", listen);
        return GK_EINVALID;
    }
    hn = (size_t)(colon - listen);
    if (hn >= 2 && h[0] == '[' && h[hn - 1] == ']') {
        h++;
        hn -= 2;
    }
    s->listen_addr = gk_strndup(h, hn);
    if (!s->listen_addr)
        return gk__oom();
    s->port = (unsigned)port;
    return 0;
}

int gk_server_new(gk_server **out, const gk_server_opts *opts)
{
    gk_server *s = gk_calloc(1, sizeof(*s));
    int error;

    *out = NULL;
    if (!s)
        return gk__oom();
    if (opts)
        s->opts = *opts;
    if (!s->opts.threads) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        s->opts.threads = n > 0 ? (unsigned)n : 1;
    }
    if (!s->opts.conn_limit)
        s->opts.conn_limit = 512;
    if (!s->opts.conn_timeout_s)
        s->opts.conn_timeout_s = 15;
    if (!s->opts.conn_memory)
        s->opts.conn_memory = 64 * 1024;
    if (!s->opts.session_ttl_s)
        s->opts.session_ttl_s = 8 * 3600;
    s->max_body = s->opts.max_body ? s->opts.max_body : (size_t)16 << 20;
    error = parse_listen(s, s->opts.listen ? s->opts.listen : "127.0.0.1:8080");
    if (error < 0)
        goto done;
    s->db = gk_strdup(s->opts.db ? s->opts.db : "gongkai.db");
    if (!s->db) {
        error = gk__oom();
        goto done;
    }
    error = gk_http__stores_init(s);
    if (error < 0)
        goto done;
    error = gk_session_table_new(&s->sessions, s, s->opts.session_ttl_s);
    if (error < 0)
        goto done;
    /* 5 failed logins per address or account per 15 minutes. */
    error = gk_ratelimit_new(&s->login_limit, 5, 15 * 60);
    if (error < 0)
        goto done;
    *out = s;
    s = NULL;
done:
    gk_server_free(s);
    return error;
}

int gk_server_start(gk_server *s)
{
    struct sockaddr_storage ss;
    socklen_t slen;
    const union MHD_DaemonInfo *di;

    memset(&ss, 0, sizeof(ss));
    if (strchr(s->listen_addr, ':')) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)(void *)&ss;

        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)s->port);
        if (inet_pton(AF_INET6, s->listen_addr, &a6->sin6_addr) != 1)
            goto bad_addr;
        slen = sizeof(*a6);
    } else {
        struct sockaddr_in *a4 = (struct sockaddr_in *)(void *)&ss;

        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)s->port);
        if (inet_pton(AF_INET, s->listen_addr, &a4->sin_addr) != 1)
            goto bad_addr;
        slen = sizeof(*a4);
    }
    (void)slen;
    s->mhd = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TURBO |
            (strchr(s->listen_addr, ':') ? MHD_USE_IPv6 : 0),
        (uint16_t)s->port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)(void *)&ss, MHD_OPTION_THREAD_POOL_SIZE, s->opts.threads,
        MHD_OPTION_CONNECTION_LIMIT, s->opts.conn_limit, MHD_OPTION_CONNECTION_TIMEOUT,
        s->opts.conn_timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT, s->opts.conn_memory,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_UNESCAPE_CALLBACK, no_unescape, NULL, MHD_OPTION_END);
    if (!s->mhd) {
        gk_error_set(GK_ERRCLASS_OS, "无法监听 %s:%u（端口已被占用或地址无效）", s->listen_addr,
                     s->port);
        return GK_EIO;
    }
    di = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    if (di)
        s->port = di->port;
    return 0;
bad_addr:
    gk_error_set(GK_ERRCLASS_INVALID, "无效的监听地址 '%s'", s->listen_addr);
    return GK_EINVALID;
}

unsigned gk_server_port(const gk_server *s)
{
    return s && s->mhd ? s->port : 0;
}

const char *gk_server_host(const gk_server *s)
{
    return s->listen_addr;
}

void gk_server_free(gk_server *s)
{
    if (!s)
        return;
    if (s->mhd)
        MHD_stop_daemon(s->mhd); /* joins the workers before their stores close */
    gk_http__stores_free(s);
    gk_session_table_free(s->sessions);
    gk_ratelimit_free(s->login_limit);
    gk_free(s->listen_addr);
    gk_free(s->db);
    gk_free(s);
}
