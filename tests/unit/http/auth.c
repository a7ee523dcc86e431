/*
 * auth.c: staff login, sessions, CSRF on every state-changing route, login
 * rate limiting and escaping of echoed input, over the loopback.
 */
#include "http_test.h"

/* GET /login and return the anonymous CSRF cookie pair "gk_csrf=…". */
static const char *anon_csrf(ht_server *t)
{
    static char pair[128];
    gk_http_resp r;
    const char *c;

    if (ht_get(t, &r, "/login", NULL) < 0)
        return NULL;
    c = ht_cookie(&r, "gk_csrf");
    snprintf(pair, sizeof(pair), "%s", c ? c : "");
    gk_http__resp_release(&r);
    return c ? pair : NULL;
}

/* Logs in; returns the session cookie pair "gk_sid=…" (static) or NULL. */
static const char *login(ht_server *t, const char *name, const char *password)
{
    static char sid[128];
    char body[512];
    const char *csrf = anon_csrf(t), *c;
    gk_http_resp r;

    if (!csrf)
        return NULL;
    snprintf(body, sizeof(body), "_csrf=%s&name=%s&password=%s", ht_cookie_value(csrf), name,
             password);
    if (ht_post(t, &r, "/login", csrf, body) < 0)
        return NULL;
    c = r.status == 303 ? ht_cookie(&r, "gk_sid") : NULL;
    snprintf(sid, sizeof(sid), "%s", c ? c : "");
    gk_http__resp_release(&r);
    return c ? sid : NULL;
}

/* The session's CSRF token, from GET /api/v1/me. */
static const char *session_csrf(ht_server *t, const char *sid)
{
    static char tok[64];
    gk_http_resp r;
    json_t *j;

    tok[0] = '\0';
    if (ht_get(t, &r, "/api/v1/me", sid) < 0)
        return tok;
    j = json_loads(ht_body(&r), 0, NULL);
    snprintf(tok, sizeof(tok), "%s", json_string_value(json_object_get(j, "csrf")) ? json_string_value(json_object_get(j, "csrf")) : "");
    json_decref(j);
    gk_http__resp_release(&r);
    return tok;
}

GK_TEST(http_auth, user_add_validates)
{
    ht_server t;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_INT_EQ(gk_user_add(t.db, "", GK_ROLE_ADMIN, NULL, "password1"), GK_EINVALID);
    GK_T_INT_EQ(gk_user_add(t.db, "wang", GK_ROLE_ADMIN, NULL, "short"), GK_EINVALID);
    GK_T_INT_EQ(gk_user_add(t.db, "wang", GK_ROLE_HANDLER, NULL, "password1"), GK_EINVALID);
    GK_T_CALL(gk_user_add(t.db, "wang", GK_ROLE_HANDLER, "A01", "password1"));
    GK_T_INT_EQ(gk_user_add(t.db, "wang", GK_ROLE_ADMIN, NULL, "password2"), GK_EEXISTS);
    ht_free(&t);
}

GK_TEST(http_auth, login_session_logout)
{
    ht_server t;
    gk_http_resp r;
    const char *sid, *tok;
    char cookie[160], body[128];

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(gk_user_add(t.db, "李四", GK_ROLE_REVIEWER, "A01", "correct horse"));
    sid = login(&t, "%E6%9D%8E%E5%9B%9B", "correct+horse");
    GK_T_OK(sid != NULL);
    snprintf(cookie, sizeof(cookie), "%s", sid);
    GK_T_CALL(ht_get(&t, &r, "/staff", cookie));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(strstr(ht_body(&r), "李四（审核人，机关 A01）") != NULL);
    gk_http__resp_release(&r);
    tok = session_csrf(&t, cookie);
    GK_T_INT_EQ(strlen(tok), GK_HTTP_TOKEN_LEN);
    /* Logout needs the session's token, not any token. */
    GK_T_CALL(ht_post(&t, &r, "/logout", cookie, "_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    snprintf(body, sizeof(body), "_csrf=%s", tok);
    GK_T_CALL(ht_post(&t, &r, "/logout", cookie, body));
    GK_T_INT_EQ(r.status, 303);
    GK_T_OK(strstr(ht_cookie(&r, "gk_sid"), "gk_sid=") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_get(&t, &r, "/api/v1/me", cookie));
    GK_T_INT_EQ(r.status, 401);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_auth, session_expires)
{
    ht_server t;
    gk_http_resp r;
    const char *sid;
    char cookie[160];

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(gk_user_add(t.db, "admin", GK_ROLE_ADMIN, NULL, "password1"));
    sid = login(&t, "admin", "password1");
    GK_T_OK(sid != NULL);
    snprintf(cookie, sizeof(cookie), "%s", sid);
    gk_session_table_age(t.srv->sessions, 8 * 3600 - 5);
    GK_T_CALL(ht_get(&t, &r, "/api/v1/me", cookie));
    GK_T_INT_EQ(r.status, 200);
    gk_http__resp_release(&r);
    gk_session_table_age(t.srv->sessions, 10);
    GK_T_CALL(ht_get(&t, &r, "/api/v1/me", cookie));
    GK_T_INT_EQ(r.status, 401);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_auth, wrong_password_and_rate_limit)
{
    ht_server t;
    gk_http_resp r;
    const char *csrf;
    char body[256], cookie[128];
    int i;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(gk_user_add(t.db, "zhao", GK_ROLE_CLERK, "A01", "password1"));
    csrf = anon_csrf(&t);
    GK_T_OK(csrf != NULL);
    snprintf(cookie, sizeof(cookie), "%s", csrf);
    snprintf(body, sizeof(body), "_csrf=%s&name=zhao&password=wrong-one", ht_cookie_value(cookie));
    for (i = 0; i < 5; i++) {
        GK_T_CALL(ht_post(&t, &r, "/login", cookie, body));
        GK_T_INT_EQ(r.status, 401);
        GK_T_OK(strstr(ht_body(&r), "用户名或密码错误") != NULL);
        GK_T_OK(ht_cookie(&r, "gk_sid") == NULL);
        gk_http__resp_release(&r);
    }
    /* The sixth try is refused before the password is even checked, also
     * with the right password. */
    snprintf(body, sizeof(body), "_csrf=%s&name=zhao&password=password1", ht_cookie_value(cookie));
    GK_T_CALL(ht_post(&t, &r, "/login", cookie, body));
    GK_T_INT_EQ(r.status, 429);
    gk_http__resp_release(&r);
    ht_free(&t);
}

/* Every WRITE route refuses a request without the CSRF token, and one
 * with a wrong token, even with a valid session and an allowed role. */
GK_TEST(http_auth, csrf_required_on_every_write_route)
{
    ht_server t;
    const char *sid, *csrf;
    char cookie[300];
    size_t i, nwrite = 0;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(gk_user_add(t.db, "admin", GK_ROLE_ADMIN, NULL, "password1"));
    sid = login(&t, "admin", "password1");
    GK_T_OK(sid != NULL);
    csrf = anon_csrf(&t);
    for (i = 0; i < gk_http__nroutes; i++) {
        const gk_http_route *rt = &gk_http__routes[i];
        static const char *const bodies[] = {"", "_csrf=", "_csrf=short",
                                             "_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"};
        size_t b;

        if (rt->effect != GK_EFFECT_WRITE)
            continue;
        nwrite++;
        /* Staff routes with the admin session; public ones with the
         * anonymous cookie (its token must match, and these do not). */
        snprintf(cookie, sizeof(cookie), "%s",
                 rt->access == GK_ACCESS_STAFF ? sid : csrf);
        if (rt->access == GK_ACCESS_STAFF && !(rt->roles & (1u << GK_ROLE_ADMIN))) {
            /* A route closed to 管理员: a session of the first role it
             * allows, made in the session table (the role must pass for
             * the CSRF check to be reached). */
            gk_http_session who;
            gk_arena a = GK_ARENA_INIT;
            const char *tok;

            memset(&who, 0, sizeof(who));
            snprintf(who.user, sizeof(who.user), "role-test");
            while (!(rt->roles & (1u << who.role)))
                who.role++;
            GK_T_CALL(gk_session_create(t.srv->sessions, &a, &who, &tok));
            snprintf(cookie, sizeof(cookie), "gk_sid=%s", tok);
            gk_arena_release(&a);
        }
        for (b = 0; b < sizeof(bodies) / sizeof(bodies[0]); b++) {
            gk_http_resp r;

            char path[256];
            const char *p;
            size_t n = 0;

            /* :params get a well-formed value: the CSRF check comes first. */
            for (p = rt->pattern; *p && n + 16 < sizeof(path); p++) {
                if (*p == ':') {
                    memcpy(path + n, "ABCDEFGHJKMN", 12);
                    n += 12;
                    p += strcspn(p, "/") - 1;
                } else {
                    path[n++] = *p;
                }
            }
            path[n] = '\0';
            GK_T_CALL(ht_post(&t, &r, path, cookie, bodies[b]));
            if (r.status != 403 || !strstr(ht_body(&r), "CSRF")) {
                int st = r.status;

                gk_http__resp_release(&r);
                GK_T_FAIL("%s with body '%s': status %d", rt->name, bodies[b], st);
            }
            gk_http__resp_release(&r);
        }
    }
    GK_T_OK(nwrite > 0);
    ht_free(&t);
}

GK_TEST(http_auth, echoed_input_is_escaped)
{
    ht_server t;
    gk_http_resp r;
    const char *csrf;
    char body[512], cookie[128];

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(gk_user_add(t.db, "admin", GK_ROLE_ADMIN, NULL, "password1"));
    csrf = anon_csrf(&t);
    GK_T_OK(csrf != NULL);
    snprintf(cookie, sizeof(cookie), "%s", csrf);
    snprintf(body, sizeof(body),
             "_csrf=%s&name=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E%%22%%3E&password=x",
             ht_cookie_value(cookie));
    GK_T_CALL(ht_post(&t, &r, "/login", cookie, body));
    GK_T_INT_EQ(r.status, 401);
    GK_T_OK(strstr(ht_body(&r), "<script>alert(1)") == NULL);
    GK_T_OK(strstr(ht_body(&r), "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;") != NULL);
    gk_http__resp_release(&r);
    ht_free(&t);
}
