/*
 * http_test.h: helpers shared by the loopback tests: a server object that
 * is never started (no sockets), raw requests built with printf, and
 * response accessors.
 */
#ifndef GK_HTTP_TEST_H
#define GK_HTTP_TEST_H

#include <stdio.h>
#include "http/http_int.h"
#include "test.h"

/* A server for loopback use with its users in a fresh temporary SQLite
 * file (path in t->db). Caller frees with ht_free. */
typedef struct {
    gk_server *srv;
    char db[256];
} ht_server;

int ht_new(ht_server *t, size_t max_body);
void ht_free(ht_server *t);

/* Sends a raw request built from fmt (CRLF line ends are the caller's)
 * and leaves the response in resp (released by the caller). */
int ht_raw(ht_server *t, gk_http_resp *resp, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* GET path with an optional Cookie header (NULL for none). */
int ht_get(ht_server *t, gk_http_resp *resp, const char *path, const char *cookie);
/* POST an urlencoded body with an optional cookie and X-CSRF-Token. */
int ht_post(ht_server *t, gk_http_resp *resp, const char *path, const char *cookie,
            const char *body);
/* The body as a NUL-terminated string ("" when empty). */
const char *ht_body(const gk_http_resp *resp);
/* "name=value" of the Set-Cookie header whose name is `name`, copied into
 * a static slot, or NULL. */
const char *ht_cookie(const gk_http_resp *resp, const char *name);
/* The value part of a cookie pair "name=value" (pointer into it). */
const char *ht_cookie_value(const char *pair);

#endif
