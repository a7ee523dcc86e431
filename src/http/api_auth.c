/*
 * api_auth.c: staff login and logout, the signed-in user, the staff start
 * page. Passwords are argon2id (password.c); failed logins are limited per
 * client address and per account name (ratelimit.c); the session cookie is
 * HttpOnly and SameSite=Strict and its token is random (session.c).
 */
#include <sodium.h>
#include <stdio.h>
#include "handlers.h"

int api_login_form(gk_http_req *req, gk_http_resp *resp)
{
    (void)req;
    resp->title = "工作人员登录";
    return gk_http__view(resp);
}

/* A hash of no real password, verified when the account does not exist,
 * so the answer takes as long for a wrong name as for a wrong password. */
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
    if (gk_http__password_hash(dummy, sizeof(dummy), "gongkai-no-such-user") < 0)
        dummy[0] = '\0';
}

static const char *dummy_hash(void)
{
    pthread_once(&dummy_once, make_dummy);
    return dummy;
}

/* The form page again with a message, for a failed login. */
static int login_refused(gk_http_resp *resp, int status, const char *name, const char *msg)
{
    int error = gk_http__view(resp);

    if (error == 0)
        error = gk_http__view_str(resp->view, "error", msg);
    if (error == 0)
        error = gk_http__view_str(resp->view, "name", name);
    resp->status = status;
    resp->title = "工作人员登录";
    return error;
}

int api_session_create(gk_http_req *req, gk_http_resp *resp)
{
    const char *name = gk_http__kvs_get(&req->form, "name");
    const char *password = gk_http__kvs_get(&req->form, "password");
    char kip[96], kuser[96];
    gk_http_user u;
    gk_http_session who;
    const char *token;
    char cookie[160];
    bool ok;
    int error;

    if (!name || !*name || !password || !*password)
        return login_refused(resp, 400, name, "请输入用户名和密码");
    snprintf(kip, sizeof(kip), "ip:%s", req->remote);
    snprintf(kuser, sizeof(kuser), "user:%.80s", name);
    if (!gk_ratelimit_allowed(req->srv->login_limit, kip) ||
        !gk_ratelimit_allowed(req->srv->login_limit, kuser)) {
        gk_error_set(GK_ERRCLASS_HTTP, "登录尝试过于频繁，请 15 分钟后再试");
        return GK_HTTP_ERATE;
    }
    error = gk_http__user_find(req->srv, name, &u);
    if (error < 0 && error != GK_ENOTFOUND)
        return error;
    ok = gk_http__password_verify(error == 0 ? u.pwhash : dummy_hash(), password) && error == 0;
    sodium_memzero(u.pwhash, sizeof(u.pwhash));
    if (!ok) {
        gk_ratelimit_fail(req->srv->login_limit, kip);
        gk_ratelimit_fail(req->srv->login_limit, kuser);
        return login_refused(resp, 401, name, "用户名或密码错误");
    }
    gk_ratelimit_reset(req->srv->login_limit, kuser);
    memset(&who, 0, sizeof(who));
    who.user_id = u.id;
    memcpy(who.user, u.name, sizeof(who.user));
    who.role = u.role;
    memcpy(who.agency, u.agency, sizeof(who.agency));
    error = gk_session_create(req->srv->sessions, &req->arena, &who, &token);
    if (error < 0)
        return error;
    snprintf(cookie, sizeof(cookie), "gk_sid=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%u",
             token, req->srv->opts.session_ttl_s);
    error = gk_http__resp_header(resp, "Set-Cookie", cookie);
    if (error < 0)
        return error;
    return gk_http__redirect(resp, "/staff");
}

int api_session_delete(gk_http_req *req, gk_http_resp *resp)
{
    int error;

    gk_session_destroy(req->srv->sessions, req->session.token_hash);
    error = gk_http__resp_header(resp, "Set-Cookie",
                                 "gk_sid=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if (error < 0)
        return error;
    return gk_http__redirect(resp, "/");
}

/* The signed-in user as a view object (also the page context's "user"). */
static int me_view(const gk_http_req *req, gk_http_resp *resp)
{
    json_t *u;
    int error = gk_http__view(resp);

    if (error < 0)
        return error;
    u = json_pack("{s:s, s:s, s:s, s:s}", "name", req->session.user, "role",
                  gk_role_name(req->session.role), "role_key", gk_role_key(req->session.role),
                  "agency", req->session.agency);
    if (!u || json_object_set_new(resp->view, "me", u))
        return gk__oom();
    return 0;
}

/* GET /api/v1/me: who is signed in, and the CSRF token API clients send
 * as X-CSRF-Token on state-changing calls. */
int api_me_get(gk_http_req *req, gk_http_resp *resp)
{
    int error = me_view(req, resp);

    if (error == 0)
        error = gk_http__view_str(resp->view, "csrf", req->session.csrf);
    return error;
}

int api_dashboard_get(gk_http_req *req, gk_http_resp *resp)
{
    resp->title = "工作台";
    return me_view(req, resp);
}
