/*
 * router.c: the route table, matching, and the dispatch pipeline every
 * request takes: match → session → access check → CSRF check → handler →
 * presentation (template or JSON) → security headers. One pipeline serves
 * the real server and the in-process loopback.
 */
#include <stdio.h>
#include "handlers.h"

#define R(role) (1u << GK_ROLE_##role)
#define ROLES_ALL GK_ROLES_ALL

const gk_http_route gk_http__routes[] = {
#define ROUTE(method, pattern, fn, access, roles, effect, tmpl)                                   \
    {GK_HTTP_##method, pattern, fn, #fn, GK_ACCESS_##access, roles, GK_EFFECT_##effect, tmpl},
#include "routes.def"
#undef ROUTE
};
const size_t gk_http__nroutes = GK_ARRAY_LEN(gk_http__routes);

static const struct {
    int error;
    int status;
    const char *key;
    const char *title;
} status_map[] = {
#define STATUS(code, st, key, title) {code, st, key, title},
#include "status.def"
#undef STATUS
};

/* Headers on every response, whatever produced it (stack.md, issue 6):
 * no inline script or style may run, nothing may frame the console. */
static const gk_http_kv security_headers[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
     0},
    {"X-Content-Type-Options", "nosniff", 0},
    {"X-Frame-Options", "DENY", 0},
    {"Referrer-Policy", "same-origin", 0},
    {"Cross-Origin-Opener-Policy", "same-origin", 0},
};

void gk_http__resp_init(gk_http_resp *r)
{
    memset(r, 0, sizeof(*r));
    gk_buf_init(&r->body, GK_HTTP_RESP_MAX);
}

void gk_http__resp_release(gk_http_resp *r)
{
    if (!r)
        return;
    gk_buf_release(&r->body);
    json_decref(r->view);
    r->view = NULL;
    gk_arena_release(&r->arena);
}

int gk_http__resp_header(gk_http_resp *r, const char *name, const char *value)
{
    if (r->nheaders >= GK_HTTP_RESP_MAX_HEADERS) {
        gk_error_set(GK_ERRCLASS_HTTP, "too many response headers");
        return GK_ETOOBIG;
    }
    r->headers[r->nheaders].name = gk_arena_strndup(&r->arena, name, strlen(name));
    r->headers[r->nheaders].value = gk_arena_strndup(&r->arena, value, strlen(value));
    if (!r->headers[r->nheaders].name || !r->headers[r->nheaders].value)
        return GK_ENOMEM;
    r->headers[r->nheaders].len = strlen(value);
    r->nheaders++;
    return 0;
}

const char *gk_http__resp_get(const gk_http_resp *r, const char *name)
{
    size_t i;

    for (i = 0; i < r->nheaders; i++)
        if (!strcasecmp(r->headers[i].name, name))
            return r->headers[i].value;
    return NULL;
}

int gk_http__view(gk_http_resp *resp)
{
    if (!resp->view)
        resp->view = json_object();
    return resp->view ? 0 : gk__oom();
}

int gk_http__view_str(json_t *obj, const char *key, const char *value)
{
    json_t *s;

    if (!value)
        return 0;
    s = json_string(value);
    if (!s) {
        gk_error_set(GK_ERRCLASS_HTTP, "'%s' is not valid UTF-8", key);
        return GK_EINVALID;
    }
    return json_object_set_new(obj, key, s) ? gk__oom() : 0;
}

int gk_http__redirect(gk_http_resp *resp, const char *location)
{
    resp->status = 303;
    return gk_http__resp_header(resp, "Location", location);
}

int gk_http__status_for(int error)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(status_map); i++)
        if (status_map[i].error == error)
            return status_map[i].status;
    return 500;
}

static size_t status_row(int error)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(status_map); i++)
        if (status_map[i].error == error)
            return i;
    return error == GK_ERROR ? 0 : status_row(GK_ERROR);
}

const char *gk_http__param(const gk_http_req *req, const char *name)
{
    return gk_http__kvs_get(&req->params, name);
}

/* Matches path against pattern segment by segment, collecting :params.
 * Returns 1 on a match, 0 otherwise, negative on ENOMEM. */
static int match(gk_http_req *req, const char *pattern, const char *path)
{
    const char *p = pattern, *s = path;

    req->params.n = 0;
    while (*p && *s) {
        if (*p == ':') {
            const char *pe = strchr(p, '/'), *se = strchr(s, '/');
            size_t pn = pe ? (size_t)(pe - p) : strlen(p);
            size_t sn = se ? (size_t)(se - s) : strlen(s);
            int error;

            if (sn == 0)
                return 0;
            error = gk_http__kvs_add(&req->arena, &req->params, p + 1, pn - 1, s, sn);
            if (error < 0)
                return error;
            p += pn;
            s += sn;
        } else if (*p == *s) {
            p++;
            s++;
        } else {
            return 0;
        }
    }
    return *p == '\0' && *s == '\0';
}

/* Finds the route; GK_HTTP_ENOROUTE or GK_HTTP_EMETHOD when none fits. */
static int route_find(gk_http_req *req, const gk_http_route **out)
{
    gk_http_method m = req->method == GK_HTTP_HEAD ? GK_HTTP_GET : req->method;
    bool path_seen = false;
    size_t i;

    *out = NULL;
    for (i = 0; i < gk_http__nroutes; i++) {
        int r = match(req, gk_http__routes[i].pattern, req->path);

        if (r < 0)
            return r;
        if (r == 0)
            continue;
        if (gk_http__routes[i].method == m) {
            *out = &gk_http__routes[i];
            return 0;
        }
        path_seen = true;
    }
    req->params.n = 0;
    return path_seen ? GK_HTTP_EMETHOD : GK_HTTP_ENOROUTE;
}

static bool is_api(const gk_http_req *req)
{
    return !strncmp(req->path, "/api/", 5);
}

/* Adds the fields every page template may use: the CSRF token, the
 * signed-in user, the title. */
static int page_context(gk_http_req *req, gk_http_resp *resp, json_t *ctx)
{
    const char *csrf;
    int error = gk_http__csrf_token(req, resp, &csrf);

    if (error == 0)
        error = gk_http__view_str(ctx, "csrf", csrf);
    if (error < 0)
        return error;
    if (req->has_session) {
        json_t *u = json_pack("{s:s, s:s, s:s, s:s}", "name", req->session.user, "role",
                              gk_role_name(req->session.role), "role_key",
                              gk_role_key(req->session.role), "agency", req->session.agency);

        if (!u || json_object_set_new(ctx, "user", u))
            return gk__oom();
    }
    if (!json_object_get(ctx, "title"))
        error = gk_http__view_str(ctx, "title", resp->title ? resp->title : "政府信息公开");
    return error;
}

/* json_dump_callback sink: appends to a gk_buf, so no jansson-allocated
 * string has to be released with the raw free(). Keeps why it failed
 * (out of memory, the body cap), which Jansson reduces to -1. */
typedef struct {
    gk_buf *b;
    int error;
} dump_sink;

static int dump_cb(const char *chunk, size_t n, void *payload)
{
    dump_sink *d = payload;

    if (d->error == 0)
        d->error = gk_buf_put(d->b, chunk, n);
    return d->error < 0 ? -1 : 0;
}

/* Turns the view into the body: page template inside layout.html, or JSON. */
static int present(gk_http_req *req, gk_http_resp *resp)
{
    const char *tmpl = resp->tmpl ? resp->tmpl : (req->route ? req->route->tmpl : NULL);
    gk_buf content = GK_BUF_INIT;
    json_t *c = NULL;
    int error = 0;

    if (!resp->view)
        goto done;
    gk_buf_clear(&resp->body);
    if (!tmpl || is_api(req)) {
        dump_sink sink = {&resp->body, 0};
        if (json_dump_callback(resp->view, dump_cb, &sink, JSON_INDENT(1) | JSON_SORT_KEYS) != 0) {
            error = sink.error; /* ours: out of memory or the cap, message set */
            if (error == 0) {
                gk_error_set(GK_ERRCLASS_HTTP, "cannot encode the JSON response");
                error = GK_ETOOBIG;
            }
            goto done;
        }
        resp->content_type = "application/json; charset=utf-8";
        goto done;
    }
    error = page_context(req, resp, resp->view);
    if (error < 0)
        goto done;
    error = gk_tmpl_render_asset(&content, tmpl, resp->view);
    if (error < 0)
        goto done;
    c = json_stringn(content.ptr ? content.ptr : "", content.len);
    if (!c || json_object_set_new(resp->view, "content", c)) {
        error = c ? gk__oom() : GK_EINVALID;
        goto done;
    }
    error = gk_tmpl_render_asset(&resp->body, "layout.html", resp->view);
    resp->content_type = "text/html; charset=utf-8";
done:
    gk_buf_release(&content);
    return error;
}

void gk_http__error(gk_http_req *req, gk_http_resp *resp, int error, const char *msg)
{
    size_t row = status_row(error);
    const char *m = msg ? msg : gk_error_last()->message;
    json_t *v;

    json_decref(resp->view);
    resp->view = NULL;
    resp->nheaders = 0;
    gk_buf_clear(&resp->body);
    resp->status = status_map[row].status;
    /* Internal details stay in the server log, not in the answer. */
    if (resp->status >= 500 || !m || !*m)
        m = status_map[row].title;
    v = json_pack("{s:{s:i, s:s, s:s, s:s}}", "error", "status", resp->status, "code",
                  status_map[row].key, "title", status_map[row].title, "message", m);
    if (!v) /* invalid UTF-8 in a message: fall back to the fixed title */
        v = json_pack("{s:{s:i, s:s, s:s, s:s}}", "error", "status", resp->status, "code",
                      status_map[row].key, "title", status_map[row].title, "message",
                      status_map[row].title);
    resp->view = v;
    resp->tmpl = "error.html";
    resp->title = status_map[row].title;
    if (error == GK_HTTP_EAUTH && !is_api(req)) {
        /* A page behind the login sends the browser to the login form. */
        json_decref(resp->view);
        resp->view = NULL;
        if (gk_http__redirect(resp, "/login") < 0)
            resp->status = 401;
        return;
    }
    if (present(req, resp) < 0) {
        gk_buf_clear(&resp->body);
        if (gk_buf_puts(&resp->body, status_map[row].title) < 0)
            gk_buf_clear(&resp->body);
        resp->content_type = "text/plain; charset=utf-8";
    }
}

/* Loads the session named by the gk_sid cookie, if any and still valid. */
static void load_session(gk_http_req *req)
{
    const char *tok = gk_http__cookie(req, "gk_sid");

    req->has_session = false;
    if (!tok || !req->srv || !req->srv->sessions)
        return;
    if (gk_session_lookup(req->srv->sessions, tok, &req->session) == 0)
        req->has_session = true;
}

/* Adds a header whose name and value are static strings: nothing is
 * copied, so the default headers cannot fail for want of memory (an
 * answer must never go out without them, and an out-of-memory answer
 * needs them too). */
static int header_static(gk_http_resp *r, const char *name, const char *value)
{
    if (r->nheaders >= GK_HTTP_RESP_MAX_HEADERS)
        return GK_ETOOBIG;
    r->headers[r->nheaders].name = name;
    r->headers[r->nheaders].value = value;
    r->headers[r->nheaders].len = strlen(value);
    r->nheaders++;
    return 0;
}

void gk_http__finish(gk_http_req *req, gk_http_resp *resp)
{
    size_t i;

    if (!resp->status)
        resp->status = 200;
    if (!resp->content_type)
        resp->content_type = "text/html; charset=utf-8";
    /* A handler may only tighten or replace a header with a reason given
     * where it does so (api_report_render); otherwise the defaults apply. */
    for (i = 0; i < GK_ARRAY_LEN(security_headers); i++)
        if (!gk_http__resp_get(resp, security_headers[i].name) &&
            header_static(resp, security_headers[i].name, security_headers[i].value) < 0)
            GK_BUG("response header table too small");
    if (!gk_http__resp_get(resp, "Cache-Control") &&
        header_static(resp, "Cache-Control", "no-store") < 0)
        GK_BUG("response header table too small");
    (void)req;
}

void gk_http__dispatch(gk_http_req *req, gk_http_resp *resp)
{
    const gk_http_route *route = NULL;
    int error;

    load_session(req);
    error = route_find(req, &route);
    if (error < 0)
        goto fail;
    req->route = route;
    error = gk_http__authorize(req, route);
    if (error < 0)
        goto fail;
    if (route->effect == GK_EFFECT_WRITE) {
        error = gk_http__check_csrf(req);
        if (error < 0)
            goto fail;
    }
    error = route->fn(req, resp);
    if (error < 0)
        goto fail;
    error = present(req, resp);
    if (error < 0)
        goto fail;
    goto done;
fail:
    gk_http__error(req, resp, error, NULL);
done:
    gk_http__finish(req, resp);
}
