/*
 * access.c: the one place where access is decided: the route's access
 * level and role mask, agency isolation, and CSRF tokens. Handlers never
 * compare roles themselves; they call gk_http__agency_allowed before
 * showing an agency's record.
 */
#include <sodium.h>
#include "http_int.h"

/* The six roles of issue 6, in gk_role order. */
static const struct {
    const char *name;
    const char *key;
} roles[GK_ROLE_COUNT] = {
    {"登记员", "clerk"}, {"承办人", "handler"}, {"审核人", "reviewer"},
    {"负责人", "head"},  {"管理员", "admin"},   {"督查", "supervisor"},
};

int gk_role_from_name(const char *name)
{
    int i;

    for (i = 0; name && i < GK_ROLE_COUNT; i++)
        if (!strcmp(name, roles[i].name) || !strcmp(name, roles[i].key))
            return i;
    return -1;
}

const char *gk_role_name(gk_role r)
{
    return (unsigned)r < GK_ROLE_COUNT ? roles[r].name : "";
}

const char *gk_role_key(gk_role r)
{
    return (unsigned)r < GK_ROLE_COUNT ? roles[r].key : "";
}

int gk_http__authorize(const gk_http_req *req, const gk_http_route *route)
{
    const char *agency;

    if (route->access == GK_ACCESS_PUBLIC)
        return 0;
    if (!req->has_session) {
        gk_error_set(GK_ERRCLASS_HTTP, "请先登录");
        return GK_HTTP_EAUTH;
    }
    if (!(route->roles & (1u << req->session.role))) {
        gk_error_set(GK_ERRCLASS_HTTP, "角色“%s”无权执行此操作", gk_role_name(req->session.role));
        return GK_HTTP_EDENIED;
    }
    /* A route scoped to an agency carries it as :agency. */
    agency = gk_http__param(req, "agency");
    if (agency && !gk_http__agency_allowed(req, agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        return GK_HTTP_EDENIED;
    }
    return 0;
}

bool gk_http__agency_allowed(const gk_http_req *req, const char *code)
{
    if (!req->has_session || !code)
        return false;
    if (req->session.agency[0] == '\0')
        return true;
    return strcmp(req->session.agency, code) == 0;
}

const char *gk_http__random_token(gk_arena *a)
{
    unsigned char raw[32];
    char *out = gk_arena_alloc(a, GK_HTTP_TOKEN_LEN + 1);

    if (!out)
        return NULL;
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2base64(out, GK_HTTP_TOKEN_LEN + 1, raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

/* A token is 43 base64url characters; anything else is refused before
 * comparing, so the comparison is always over equal lengths. */
static bool token_ok(const char *t)
{
    size_t i;

    if (!t || strlen(t) != GK_HTTP_TOKEN_LEN)
        return false;
    for (i = 0; i < GK_HTTP_TOKEN_LEN; i++) {
        char c = t[i];

        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    }
    return true;
}

int gk_http__check_csrf(gk_http_req *req)
{
    const char *sent = gk_http__kvs_get(&req->form, "_csrf");
    const char *want;

    if (!sent)
        sent = gk_http__kvs_get(&req->headers, "x-csrf-token");
    /* Signed in: the token of the session. Anonymous (login, public
     * forms): the double-submit cookie, with SameSite=Strict. */
    want = req->has_session ? req->session.csrf : gk_http__cookie(req, "gk_csrf");
    if (!token_ok(sent) || !token_ok(want) || sodium_memcmp(sent, want, GK_HTTP_TOKEN_LEN) != 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "缺少或错误的 CSRF 令牌");
        return GK_HTTP_ECSRF;
    }
    return 0;
}

int gk_http__csrf_token(gk_http_req *req, gk_http_resp *resp, const char **out)
{
    const char *tok;
    char *cookie;
    int error;

    *out = NULL;
    if (req->has_session) {
        *out = req->session.csrf;
        return 0;
    }
    if (req->csrf_issued) {
        *out = req->csrf_issued;
        return 0;
    }
    tok = gk_http__cookie(req, "gk_csrf");
    if (token_ok(tok)) {
        *out = tok;
        return 0;
    }
    tok = gk_http__random_token(&req->arena);
    cookie = tok ? gk_arena_alloc(&req->arena, 128) : NULL;
    if (!cookie)
        return GK_ENOMEM; /* the arena set the message */
    snprintf(cookie, 128, "gk_csrf=%s; Path=/; HttpOnly; SameSite=Strict", tok);
    error = gk_http__resp_header(resp, "Set-Cookie", cookie);
    if (error < 0)
        return error;
    req->csrf_issued = tok; /* later calls in this request reuse it */
    *out = tok;
    return 0;
}
