/*
 * router.c: routing, presentation, security headers, CSRF and access
 * refusal over the in-process loopback (no sockets).
 */
#include "http_test.h"

GK_TEST(http_router, home_and_security_headers)
{
    ht_server t;
    gk_http_resp r;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(ht_get(&t, &r, "/", NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_STR_EQ(r.content_type, "text/html; charset=utf-8");
    GK_T_OK(strstr(ht_body(&r), "<html lang=\"zh-CN\">") != NULL);
    GK_T_OK(strstr(gk_http__resp_get(&r, "Content-Security-Policy"), "default-src 'self'") != NULL);
    GK_T_OK(strstr(gk_http__resp_get(&r, "Content-Security-Policy"), "frame-ancestors 'none'") != NULL);
    GK_T_OK(strstr(gk_http__resp_get(&r, "Content-Security-Policy"), "unsafe-inline") == NULL);
    GK_T_STR_EQ(gk_http__resp_get(&r, "X-Content-Type-Options"), "nosniff");
    GK_T_STR_EQ(gk_http__resp_get(&r, "Referrer-Policy"), "same-origin");
    /* No inline script or style in our pages: the CSP would block them. */
    GK_T_OK(strstr(ht_body(&r), "<script") == NULL);
    GK_T_OK(strstr(ht_body(&r), "style=") == NULL);
    gk_http__resp_release(&r);
    ht_free(&t);
}

/* Every public page: the icon linked, 网上申请 and 办理进度查询 in the
 * site header. */
GK_TEST(http_router, public_pages_header)
{
    static const char *const pages[] = {"/", "/guide", "/apply", "/status", "/check", "/report",
                                        "/login"};
    ht_server t;
    size_t i;

    GK_T_CALL(ht_new(&t, 0));
    for (i = 0; i < GK_ARRAY_LEN(pages); i++) {
        gk_http_resp r;
        const char *b, *nav;

        GK_T_CALL(ht_get(&t, &r, pages[i], NULL));
        b = ht_body(&r);
        nav = strstr(b, "<header class=\"site\">");
        if (r.status != 200 || !nav || !strstr(nav, "<a href=\"/apply\">网上申请</a>") ||
            !strstr(nav, "<a href=\"/status\">办理进度查询</a>") ||
            !strstr(b, "<link rel=\"icon\" href=\"/static/favicon.svg\"")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("%s: no icon or header links", pages[i]);
        }
        gk_http__resp_release(&r);
    }
    ht_free(&t);
}

GK_TEST(http_router, every_get_page_renders)
{
    ht_server t;
    size_t i;

    GK_T_CALL(ht_new(&t, 0));
    for (i = 0; i < gk_http__nroutes; i++) {
        const gk_http_route *rt = &gk_http__routes[i];
        gk_http_resp r;

        if (rt->method != GK_HTTP_GET || rt->access != GK_ACCESS_PUBLIC || strchr(rt->pattern, ':'))
            continue;
        GK_T_CALL(ht_get(&t, &r, rt->pattern, NULL));
        if (r.status != 200 || !gk_http__resp_get(&r, "Content-Security-Policy")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("%s: status %d", rt->pattern, r.status);
        }
        gk_http__resp_release(&r);
    }
    ht_free(&t);
}

GK_TEST(http_router, not_found_and_method)
{
    ht_server t;
    gk_http_resp r;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(ht_get(&t, &r, "/no/such/page", NULL));
    GK_T_INT_EQ(r.status, 404);
    GK_T_OK(strstr(ht_body(&r), "页面不存在") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_get(&t, &r, "/api/v1/nothing", NULL));
    GK_T_INT_EQ(r.status, 404);
    GK_T_STR_EQ(r.content_type, "application/json; charset=utf-8");
    GK_T_OK(strstr(ht_body(&r), "\"code\": \"not_found\"") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_raw(&t, &r, "DELETE /guide HTTP/1.1\r\n\r\n"));
    GK_T_INT_EQ(r.status, 405);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_raw(&t, &r, "GET /%%zz HTTP/1.1\r\n\r\n"));
    GK_T_INT_EQ(r.status, 400);
    GK_T_OK(gk_http__resp_get(&r, "Content-Security-Policy") != NULL);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_router, static_files)
{
    ht_server t;
    gk_http_resp r;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(ht_get(&t, &r, "/static/app.css", NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_STR_EQ(r.content_type, "text/css; charset=utf-8");
    GK_T_MEM_EQ(ht_body(&r), r.body.len, gk_http__asset_find("static/app.css")->data,
                gk_http__asset_find("static/app.css")->len);
    GK_T_STR_EQ(gk_http__resp_get(&r, "Cache-Control"), "public, max-age=3600");
    gk_http__resp_release(&r);
    /* The icon, also where browsers look for it unasked. */
    GK_T_CALL(ht_get(&t, &r, "/favicon.ico", NULL));
    GK_T_INT_EQ(r.status, 200);
    GK_T_STR_EQ(r.content_type, "image/svg+xml");
    GK_T_OK(strstr(ht_body(&r), "<svg") != NULL);
    gk_http__resp_release(&r);
    GK_T_CALL(ht_get(&t, &r, "/static/favicon.svg", NULL));
    GK_T_INT_EQ(r.status, 200);
    gk_http__resp_release(&r);
    /* Templates are not static files, and no path escapes static/. */
    GK_T_CALL(ht_get(&t, &r, "/static/..%2Flayout.html", NULL));
    GK_T_INT_EQ(r.status, 404);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_router, oversized_body_refused)
{
    ht_server t;
    gk_http_resp r;
    char body[2048];

    memset(body, 'a', sizeof(body) - 1);
    body[sizeof(body) - 1] = '\0';
    GK_T_CALL(ht_new(&t, 1024));
    GK_T_CALL(ht_post(&t, &r, "/api/v1/check", NULL, body));
    GK_T_INT_EQ(r.status, 413);
    GK_T_OK(strstr(ht_body(&r), "too_large") != NULL);
    gk_http__resp_release(&r);
    ht_free(&t);
}

GK_TEST(http_router, status_table)
{
    GK_T_INT_EQ(gk_http__status_for(GK_EINVALID), 400);
    GK_T_INT_EQ(gk_http__status_for(GK_ENOTFOUND), 404);
    GK_T_INT_EQ(gk_http__status_for(GK_ETOOBIG), 413);
    GK_T_INT_EQ(gk_http__status_for(GK_HTTP_ECSRF), 403);
    GK_T_INT_EQ(gk_http__status_for(GK_HTTP_EAUTH), 401);
    GK_T_INT_EQ(gk_http__status_for(-12345), 500);
}

/* Every route whose pattern has no :param gets a concrete path; routes
 * with :params get "x" for each. */
static const char *concrete(const char *pattern, char *buf, size_t n)
{
    size_t j = 0;

    for (; *pattern && j + 2 < n; pattern++) {
        if (*pattern == ':') {
            buf[j++] = 'x';
            while (pattern[1] && pattern[1] != '/')
                pattern++;
        } else {
            buf[j++] = *pattern;
        }
    }
    buf[j] = '\0';
    return buf;
}

GK_TEST(http_router, staff_routes_refuse_without_session)
{
    ht_server t;
    size_t i, nstaff = 0;

    GK_T_CALL(ht_new(&t, 0));
    for (i = 0; i < gk_http__nroutes; i++) {
        const gk_http_route *rt = &gk_http__routes[i];
        gk_http_resp r;
        char path[256];

        if (rt->access != GK_ACCESS_STAFF)
            continue;
        nstaff++;
        concrete(rt->pattern, path, sizeof(path));
        if (rt->method == GK_HTTP_GET)
            GK_T_CALL(ht_get(&t, &r, path, "gk_sid=forged-or-expired"));
        else
            GK_T_CALL(ht_raw(&t, &r, "%s %s HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
                             rt->method == GK_HTTP_POST ? "POST" : "PUT", path));
        /* Pages redirect to the login form; the API answers 401. */
        {
            bool api = !strncmp(path, "/api/", 5);
            const char *loc = gk_http__resp_get(&r, "Location");
            bool ok = api ? r.status == 401 : (r.status == 303 && loc && !strcmp(loc, "/login"));
            int st = r.status;

            if (!ok) {
                gk_http__resp_release(&r);
                GK_T_FAIL("%s %s: status %d without a session", rt->name, path, st);
            }
        }
        gk_http__resp_release(&r);
    }
    GK_T_OK(nstaff > 0);
    ht_free(&t);
}

GK_TEST(http_router, agency_isolation)
{
    gk_http_req req;
    static const gk_http_route rt = {GK_HTTP_GET, "/api/v1/agencies/:agency/cases", NULL, "t",
                                     GK_ACCESS_STAFF, GK_ROLES_ALL, GK_EFFECT_READ, NULL};

    gk_http__req_init(&req, NULL);
    req.has_session = true;
    req.session.role = GK_ROLE_HANDLER;
    snprintf(req.session.agency, sizeof(req.session.agency), "A01");
    GK_T_OK(gk_http__agency_allowed(&req, "A01"));
    GK_T_OK(!gk_http__agency_allowed(&req, "A02"));
    GK_T_OK(!gk_http__agency_allowed(&req, NULL));
    GK_T_CALL(gk_http__kvs_add(&req.arena, &req.params, "agency", 6, "A02", 3));
    GK_T_INT_EQ(gk_http__authorize(&req, &rt), GK_HTTP_EDENIED);
    req.params.v[0].value = "A01";
    GK_T_INT_EQ(gk_http__authorize(&req, &rt), 0);
    /* No agency on the session: 管理员/督查 of every agency. */
    req.session.agency[0] = '\0';
    req.session.role = GK_ROLE_SUPERVISOR;
    req.params.v[0].value = "A02";
    GK_T_INT_EQ(gk_http__authorize(&req, &rt), 0);
    /* Without a session nothing is allowed. */
    req.has_session = false;
    GK_T_INT_EQ(gk_http__authorize(&req, &rt), GK_HTTP_EAUTH);
    GK_T_OK(!gk_http__agency_allowed(&req, "A02"));
    gk_http__req_release(&req);
}

GK_TEST(http_router, role_masks)
{
    gk_http_req req;
    size_t i;
    int role;

    gk_http__req_init(&req, NULL);
    req.has_session = true;
    for (i = 0; i < gk_http__nroutes; i++) {
        const gk_http_route *rt = &gk_http__routes[i];

        if (rt->access != GK_ACCESS_STAFF)
            continue;
        GK_T_OK(rt->roles != 0);
        for (role = 0; role < GK_ROLE_COUNT; role++) {
            int want = (rt->roles & (1u << role)) ? 0 : GK_HTTP_EDENIED;

            req.session.role = (gk_role)role;
            if (gk_http__authorize(&req, rt) != want)
                GK_T_FAIL("%s: role %s", rt->name, gk_role_name((gk_role)role));
        }
    }
    gk_http__req_release(&req);
}

GK_TEST(http_router, roles_by_name)
{
    GK_T_INT_EQ(gk_role_from_name("审核人"), GK_ROLE_REVIEWER);
    GK_T_INT_EQ(gk_role_from_name("supervisor"), GK_ROLE_SUPERVISOR);
    GK_T_INT_EQ(gk_role_from_name("root"), -1);
    GK_T_STR_EQ(gk_role_name(GK_ROLE_CLERK), "登记员");
}
