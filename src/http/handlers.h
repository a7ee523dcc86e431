/*
 * handlers.h: prototypes of every route handler, generated from routes.def
 * so a row without a handler fails to link. A handler appearing in two rows
 * is declared twice, which C allows.
 */
#ifndef GK_HTTP_HANDLERS_H
#define GK_HTTP_HANDLERS_H

#include "http_int.h"

#define ROUTE(method, pattern, fn, access, roles, effect, tmpl)                                   \
    int fn(gk_http_req *req, gk_http_resp *resp);
#include "routes.def"
#undef ROUTE

/* Puts a string (copied) into a view object; NULL values are skipped. */
int gk_http__view_str(json_t *obj, const char *key, const char *value) GK_WARN_UNUSED;
/* Creates resp->view as an empty object when absent; GK_ENOMEM. */
int gk_http__view(gk_http_resp *resp) GK_WARN_UNUSED;
/* Answers with a 303 redirect to location (static or arena string). */
int gk_http__redirect(gk_http_resp *resp, const char *location) GK_WARN_UNUSED;

#endif
