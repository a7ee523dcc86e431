/*
 * pages.c: the public information pages (home, the disclosure guide).
 * Their text lives in the templates under web/; the handlers only name
 * the page.
 */
#include "handlers.h"

int api_home_get(gk_http_req *req, gk_http_resp *resp)
{
    (void)req;
    resp->title = "政府信息公开";
    return gk_http__view(resp);
}

int api_guide_get(gk_http_req *req, gk_http_resp *resp)
{
    (void)req;
    resp->title = "政府信息公开指南";
    return gk_http__view(resp);
}
