/*
 * conformance.h: the fixtures of the store conformance suite (one
 * scenario runs on every backend; see conformance.c), shared by the
 * scenario files conformance*.c.
 */
#ifndef GK_TEST_CONFORMANCE_H
#define GK_TEST_CONFORMANCE_H

#include <stdbool.h>
#include "test.h"
#include "gk/store.h"

typedef struct fixture fixture;

typedef struct {
    const char *backend; /* gk_store_backend_name() expected */
    /* Creates an empty database and writes its DSN into f->dsn; returns
     * NULL or a static skip reason. Fails the test (and returns "") on a
     * broken setup. */
    const char *(*create)(fixture *f);
    void (*destroy)(fixture *f);
    /* Runs SQL on the database behind the store's back: 0 when the
     * database accepted it, -1 when it refused. NULL: not possible. */
    int (*raw)(fixture *f, const char *sql);
    const char *trigger_on; /* what follows DROP TRIGGER name */
} target;

struct fixture {
    const target *t;
    char dsn[768];
    char aux[256]; /* the SQLite directory, or the PostgreSQL schema */
    gk_store *st;  /* closed by the wrapper */
};

typedef void (*scenario_fn)(fixture *f);

extern const target sqlite_file, sqlite_mem, pg;

/* Drops one of the append-only guards, as someone with the database's
 * owner rights could. */
int drop_trigger(fixture *f, const char *name);
void run_scenario(const target *t, scenario_fn fn);
int open_store(gk_store **out, const fixture *f, bool init, int busy_ms);
/* f->st: the store, created and migrated. NULL (test failed) on error. */
gk_store *fresh(fixture *f);
gk_date day(int y, int m, int d);

/* One GK_TEST per backend for a scenario; _ALL adds the in-memory SQLite
 * run for scenarios that neither reopen nor edit the database. */
#define CONFORMANCE_FILE(scn)                                                                      \
    GK_TEST(store_conformance_sqlite_file, scn) { run_scenario(&sqlite_file, scn_##scn); }         \
    GK_TEST(store_conformance_pg, scn) { run_scenario(&pg, scn_##scn); }
#define CONFORMANCE_ALL(scn)                                                                       \
    CONFORMANCE_FILE(scn)                                                                          \
    GK_TEST(store_conformance_sqlite_mem, scn) { run_scenario(&sqlite_mem, scn_##scn); }

#endif
