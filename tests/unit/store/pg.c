/*
 * pg.c: what can be checked of the PostgreSQL backend without a server
 * (conformance.c runs the scenarios against a real one): that it
 * implements every method of the vtable (a method the SQLite backend
 * gains must be added here too), that its migrations are numbered like
 * the SQLite ones, and that bad DSNs and unreachable servers give clear
 * errors naming where the connection went.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "gk/errors.h"
#include "gk/store.h"
#include "gk/sys/store_backend.h"

#ifdef GK_WITH_PG

typedef void (*any_fn)(void);

/* Every slot after `name` is a function pointer (store_backend.h appends
 * methods only), so the table can be walked slot by slot. */
GK_TEST(store_pg, implements_every_method)
{
    size_t off;
    int slot = 0;

    GK_T_INT_EQ(gk_store_backend_pg.version, GK_STORE_BACKEND_VERSION);
    GK_T_STR_EQ(gk_store_backend_pg.name, "postgresql");
    for (off = offsetof(gk_store_backend, open); off + sizeof(any_fn) <= sizeof(gk_store_backend);
         off += sizeof(any_fn), slot++) {
        any_fn sq, pq;
        memcpy(&sq, (const char *)&gk_store_backend_sqlite + off, sizeof sq);
        memcpy(&pq, (const char *)&gk_store_backend_pg + off, sizeof pq);
        if (sq && !pq)
            GK_T_FAIL("method slot %d is implemented by sqlite but not by pg", slot);
    }
    GK_T_OK(slot >= 16);
}

GK_TEST(store_pg, migrations_numbered_like_sqlite)
{
    static const int sqlite_numbers[] = {
#define MIGRATION(n, name, sql) n,
#include "store/sqlite_migrations.def"
#undef MIGRATION
    };
    static const int pg_numbers[] = {
#define MIGRATION(n, name, sql) n,
#include "store/pg_migrations.def"
#undef MIGRATION
    };
    static const char *const sqlite_names[] = {
#define MIGRATION(n, name, sql) name,
#include "store/sqlite_migrations.def"
#undef MIGRATION
    };
    static const char *const pg_names[] = {
#define MIGRATION(n, name, sql) name,
#include "store/pg_migrations.def"
#undef MIGRATION
    };
    size_t i;

    GK_T_INT_EQ(sizeof pg_numbers / sizeof *pg_numbers,
                sizeof sqlite_numbers / sizeof *sqlite_numbers);
    for (i = 0; i < sizeof pg_numbers / sizeof *pg_numbers; i++) {
        GK_T_INT_EQ(pg_numbers[i], (int)i + 1);
        GK_T_INT_EQ(sqlite_numbers[i], (int)i + 1);
        GK_T_STR_EQ(pg_names[i], sqlite_names[i]);
    }
}

GK_TEST(store_pg, bad_dsn_is_invalid)
{
    gk_store *st = NULL;

    GK_T_INT_EQ(gk_store_open(&st, "postgresql://gk@/gk?no_such_option=1", NULL), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "连接串无效") != NULL);
    GK_T_OK(strstr(gk_error_last()->message, "no_such_option") != NULL);
    GK_T_OK(st == NULL);
    GK_T_INT_EQ(gk_store_open(&st, "postgresql://[::1/gk", NULL), GK_EINVALID);
}

GK_TEST(store_pg, unreachable_server_names_socket_or_host)
{
    gk_store *st = NULL;
    const char *m;

    GK_T_INT_EQ(gk_store_open(&st, "postgresql://gk@/gk?host=/nonexistent-gk-dir&port=7", NULL),
                GK_EBACKEND);
    m = gk_error_last()->message;
    GK_T_OK(strstr(m, "无法连接 PostgreSQL（套接字目录 /nonexistent-gk-dir，端口 7）") != NULL);
    GK_T_OK(strstr(m, "/nonexistent-gk-dir/.s.PGSQL.7") != NULL);
    GK_T_OK(strchr(m, '\n') == NULL);

    /* The password never appears in the message. */
    GK_T_INT_EQ(gk_store_open(&st, "postgres://gk:s3cret@127.0.0.1:1/gk", NULL), GK_EBACKEND);
    m = gk_error_last()->message;
    GK_T_OK(strstr(m, "主机 127.0.0.1，端口 1") != NULL);
    GK_T_OK(strstr(m, "s3cret") == NULL);
    GK_T_OK(st == NULL);
}

#else

GK_TEST(store_pg, not_built)
{
    gk_store *st = NULL;

    GK_T_INT_EQ(gk_store_open(&st, "postgresql://localhost:1/gk", NULL), GK_EBACKEND);
    GK_T_OK(strstr(gk_error_last()->message, "PostgreSQL backend not built") != NULL);
    GK_T_SKIP("pg: PostgreSQL backend not built (libpq not found by CMake)");
}

#endif
