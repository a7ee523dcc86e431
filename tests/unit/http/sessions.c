/*
 * sessions.c: staff sessions kept in the store (src/http/session.c): a
 * session outlives the server object that made it (a restart), an
 * account change ends it, and a disabled account cannot sign in.
 */
#include "gk/store.h"
#include "http_test.h"

/* Signs in through the login form; the "gk_sid=…" pair (static) or NULL. */
static const char *sign_in(ht_server *t, const char *name, const char *password, int *status)
{
    static char sid[128];
    char csrf[128], body[256];
    const char *c;
    gk_http_resp r;

    *status = 0;
    if (ht_get(t, &r, "/login", NULL) < 0)
        return NULL;
    c = ht_cookie(&r, "gk_csrf");
    snprintf(csrf, sizeof(csrf), "%s", c ? c : "");
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s&name=%s&password=%s", ht_cookie_value(csrf), name,
             password);
    if (ht_post(t, &r, "/login", csrf, body) < 0)
        return NULL;
    *status = r.status;
    c = r.status == 303 ? ht_cookie(&r, "gk_sid") : NULL;
    snprintf(sid, sizeof(sid), "%s", c ? c : "");
    gk_http__resp_release(&r);
    return c ? sid : NULL;
}

static int me_status(ht_server *t, const char *cookie)
{
    gk_http_resp r;
    int status;

    if (ht_get(t, &r, "/api/v1/me", cookie) < 0)
        return -1;
    status = r.status;
    gk_http__resp_release(&r);
    return status;
}

/* A new server object on the same database, as after a restart. */
static int restart(ht_server *t)
{
    gk_server_opts o = GK_SERVER_OPTS_INIT;

    gk_server_free(t->srv);
    t->srv = NULL;
    o.listen = "127.0.0.1:0";
    o.db = t->db;
    return gk_server_new(&t->srv, &o);
}

static int disable(ht_server *t, const char *name)
{
    gk_store *st = NULL;
    gk_user u = {0, name, "handler", "A01", NULL, true, NULL};
    int error = gk_store_open(&st, t->db, NULL);

    if (error == 0)
        error = gk_store_user_update(st, &u);
    gk_store_close(st);
    return error;
}

GK_TEST(http_sessions, survive_restart_end_with_account_change)
{
    ht_server t;
    char cookie[160];
    const char *sid;
    int status;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(gk_user_add(t.db, "wang", GK_ROLE_HANDLER, "A01", "password1"));
    sid = sign_in(&t, "wang", "password1", &status);
    GK_T_INT_EQ(status, 303);
    GK_T_OK(sid != NULL);
    snprintf(cookie, sizeof(cookie), "%s", sid);
    GK_T_INT_EQ(me_status(&t, cookie), 200);

    GK_T_CALL(restart(&t));
    GK_T_INT_EQ(me_status(&t, cookie), 200);
    /* A token that differs in one character is not a session. */
    cookie[strlen(cookie) - 1] = cookie[strlen(cookie) - 1] == 'A' ? 'B' : 'A';
    GK_T_INT_EQ(me_status(&t, cookie), 401);
    snprintf(cookie, sizeof(cookie), "%s", sid);

    /* Disabling the account ends its session and its sign-in. */
    GK_T_CALL(disable(&t, "wang"));
    GK_T_INT_EQ(me_status(&t, cookie), 401);
    GK_T_OK(sign_in(&t, "wang", "password1", &status) == NULL);
    GK_T_INT_EQ(status, 401);
    ht_free(&t);
}
