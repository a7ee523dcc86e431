/*
 * http.h: the web server of `gongkai serve` (public pages, staff console,
 * JSON API under /api/v1/) and the staff account operations the CLI needs.
 * The server is libmicrohttpd underneath; nothing of it shows here.
 */
#ifndef GK_HTTP_H
#define GK_HTTP_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

typedef struct gk_server gk_server;

/* Options in explicit key/value style (civetweb). Zero fields take the
 * defaults given in the comments. */
typedef struct {
    const char *listen;        /* "ADDR:PORT"; default "127.0.0.1:8080"; port 0 = any free */
    const char *db;            /* registers' DSN: SQLite path, "sqlite:PATH" or a
                                * "postgresql://" URL (store.h); NULL = "gongkai.db".
                                * Each worker thread opens its own handle. */
    unsigned threads;          /* worker threads; 0 = number of online cores */
    unsigned conn_limit;       /* simultaneous connections; 0 = 512 */
    unsigned conn_timeout_s;   /* idle/slow connection cut-off; 0 = 15 s */
    size_t conn_memory;        /* per-connection MHD memory (headers); 0 = 64 KiB */
    size_t max_body;           /* request body cap; 0 = 16 MiB */
    unsigned session_ttl_s;    /* staff session lifetime; 0 = 8 hours */
} gk_server_opts;

#define GK_SERVER_OPTS_INIT {NULL, NULL, 0, 0, 0, 0, 0, 0}

/* Creates a server (no socket yet). Caller frees with gk_server_free.
 * Fails with GK_EINVALID on a bad listen address. */
GK_EXTERN(int) gk_server_new(gk_server **out, const gk_server_opts *opts) GK_WARN_UNUSED;

/* Binds and starts the worker threads. Returns GK_EIO when the address
 * cannot be bound. */
GK_EXTERN(int) gk_server_start(gk_server *s) GK_WARN_UNUSED;

/* The bound TCP port (useful with port 0); 0 before gk_server_start. */
GK_EXTERN(unsigned) gk_server_port(const gk_server *s);

/* The host part of the listen address ("127.0.0.1", "::1"). Borrowed. */
GK_EXTERN(const char *) gk_server_host(const gk_server *s);

/* Stops accepting, waits for the workers and frees everything. NULL-safe. */
GK_EXTERN(void) gk_server_free(gk_server *s);

/* The staff roles, in the order of the role bit masks. */
typedef enum {
    GK_ROLE_CLERK = 0,   /* 登记员 */
    GK_ROLE_HANDLER,     /* 承办人 */
    GK_ROLE_REVIEWER,    /* 审核人 */
    GK_ROLE_HEAD,        /* 负责人 */
    GK_ROLE_ADMIN,       /* 管理员 */
    GK_ROLE_SUPERVISOR,  /* 督查 */
    GK_ROLE_COUNT
} gk_role;

/* Role by its Chinese name ("审核人") or English key ("reviewer"); -1 when
 * unknown. */
GK_EXTERN(int) gk_role_from_name(const char *name);
GK_EXTERN(const char *) gk_role_name(gk_role r);  /* "审核人" */
GK_EXTERN(const char *) gk_role_key(gk_role r);   /* "reviewer" */

typedef struct gk_store gk_store; /* store.h */

/* Creates a staff account in the store st (store.h gk_store_user_add:
 * audited, with st's actor): the password is hashed with argon2id
 * (libsodium) and only the hash is stored. agency may be NULL (all
 * agencies, only for 管理员 and 督查). Fails with GK_EEXISTS when the name
 * is taken, GK_EINVALID on an empty/over-long name, a password shorter
 * than 8 characters or a missing agency for an agency role. */
GK_EXTERN(int) gk_user_add_to(gk_store *st, const char *name, gk_role role, const char *agency,
                              const char *password) GK_WARN_UNUSED;
/* gk_user_add_to on the store named by dsn (a SQLite path or a
 * PostgreSQL URL), which is created and migrated when needed; the audit
 * actor is "system". The arguments are checked before the database is
 * opened. */
GK_EXTERN(int) gk_user_add(const char *dsn, const char *name, gk_role role, const char *agency,
                           const char *password) GK_WARN_UNUSED;

GK_END_DECL

#endif
