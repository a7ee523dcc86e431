/*
 * conf_fixture.c: the backends the conformance scenarios run on (a
 * temporary SQLite file, ":memory:", a PostgreSQL schema of its own when
 * GK_TEST_PG_DSN is set) and the helpers of conformance.h.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef GK_WITH_PG
#include <libpq-fe.h>
#endif
#include "conformance.h"
#include "gk/errors.h"

/* ------------------------------------------------------------ fixtures */

static const char *file_create(fixture *f)
{
    char dir[] = "/tmp/gk-conf-XXXXXX";

    if (!mkdtemp(dir)) {
        gk_test__fail(__FILE__, __LINE__, "mkdtemp failed");
        return "";
    }
    snprintf(f->aux, sizeof f->aux, "%s", dir);
    snprintf(f->dsn, sizeof f->dsn, "sqlite:%s/t.db", dir);
    return NULL;
}

static void file_destroy(fixture *f)
{
    static const char *const suffix[] = {"", "-wal", "-shm"};
    char path[300];
    size_t i;

    for (i = 0; i < sizeof suffix / sizeof *suffix; i++) {
        snprintf(path, sizeof path, "%s/t.db%s", f->aux, suffix[i]);
        unlink(path);
    }
    rmdir(f->aux);
}

static int file_raw(fixture *f, const char *sql)
{
    sqlite3 *db = NULL;
    int rc;

    if (sqlite3_open(f->dsn + strlen("sqlite:"), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

static const char *mem_create(fixture *f)
{
    snprintf(f->dsn, sizeof f->dsn, ":memory:");
    return NULL;
}

static void mem_destroy(fixture *f)
{
    (void)f;
}

#ifdef GK_WITH_PG
/* CASCADE's NOTICEs are not test output. */
static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* Runs one statement on a fresh connection to dsn: 0 or -1. */
static int pg_exec(const char *dsn, const char *sql)
{
    PGconn *c = PQconnectdb(dsn);
    PGresult *r;
    int ok;

    if (PQstatus(c) != CONNECTION_OK) {
        printf("# libpq: %s", PQerrorMessage(c));
        PQfinish(c);
        return -1;
    }
    PQsetNoticeProcessor(c, quiet, NULL);
    r = PQexec(c, sql);
    ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    PQfinish(c);
    return ok ? 0 : -1;
}

static const char *pg_create(fixture *f)
{
    static unsigned counter;
    const char *base = getenv("GK_TEST_PG_DSN");
    char sql[300];

    if (!base || !*base)
        return "pg: GK_TEST_PG_DSN unset (run under scripts/pg-test-cluster.sh)";
    snprintf(f->aux, sizeof f->aux, "gk_conf_%ld_%u", (long)getpid(), ++counter);
    snprintf(sql, sizeof sql, "CREATE SCHEMA %s", f->aux);
    if (pg_exec(base, sql) < 0) {
        gk_test__fail(__FILE__, __LINE__, "cannot create schema %s on GK_TEST_PG_DSN", f->aux);
        f->aux[0] = '\0';
        return "";
    }
    snprintf(f->dsn, sizeof f->dsn, "%s%soptions=-csearch_path%%3D%s", base,
             strchr(base, '?') ? "&" : "?", f->aux);
    return NULL;
}

static void pg_destroy(fixture *f)
{
    char sql[300];

    if (!f->aux[0])
        return;
    snprintf(sql, sizeof sql, "DROP SCHEMA %s CASCADE", f->aux);
    if (pg_exec(getenv("GK_TEST_PG_DSN"), sql) < 0)
        printf("# could not drop schema %s\n", f->aux);
}

static int pg_raw(fixture *f, const char *sql)
{
    return pg_exec(f->dsn, sql);
}
#else
static const char *pg_create(fixture *f)
{
    (void)f;
    return "pg: PostgreSQL backend not built (libpq not found by CMake)";
}

static void pg_destroy(fixture *f)
{
    (void)f;
}

#define pg_raw NULL
#endif

const target sqlite_file = {"sqlite", file_create, file_destroy, file_raw,
                                   ""};
const target sqlite_mem = {"sqlite", mem_create, mem_destroy, NULL, NULL};
const target pg = {"postgresql", pg_create, pg_destroy, pg_raw, " ON events"};

/* Drops one of the append-only guards, as someone with the database's
 * owner rights could. */
int drop_trigger(fixture *f, const char *name)
{
    char sql[128];

    snprintf(sql, sizeof sql, "DROP TRIGGER %s%s", name, f->t->trigger_on);
    return f->t->raw(f, sql);
}


void run_scenario(const target *t, scenario_fn fn)
{
    fixture f;
    const char *skip;

    memset(&f, 0, sizeof f);
    f.t = t;
    skip = t->create(&f);
    if (skip) {
        if (*skip)
            gk_test__skip(skip);
        return;
    }
    fn(&f);
    gk_store_close(f.st);
    t->destroy(&f);
}

int open_store(gk_store **out, const fixture *f, bool init, int busy_ms)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;

    o.actor = "tester";
    o.no_schema_check = init;
    o.busy_timeout_ms = busy_ms;
    return gk_store_open(out, f->dsn, &o);
}

/* f->st: the store, created and migrated. NULL (test failed) on error. */
gk_store *fresh(fixture *f)
{
    if (open_store(&f->st, f, true, 0) < 0 || gk_store_migrate(f->st, NULL, NULL) < 0) {
        gk_test__fail(__FILE__, __LINE__, "fresh store: %s", gk_error_last()->message);
        return NULL;
    }
    return f->st;
}

gk_date day(int y, int m, int d)
{
    gk_date x = {y, m, d};
    return x;
}

