/*
 * sqlite_int.h: what the files of the SQLite backend share (sqlite.c: the
 * connection, schema, transactions, agencies, cases, events and table 3;
 * sqlite_catalogue.c: catalogue items and title search; sqlite_registers.c:
 * figures, review cases, year locks and fees): the store type, the
 * statement cache over sqlite_stmts.def, binding and column helpers.
 */
#ifndef GK_STORE_SQLITE_INT_H
#define GK_STORE_SQLITE_INT_H

#include <sqlite3.h>
#include "store_int.h"

enum {
#define STMT(name, sql) STMT_##name,
#include "sqlite_stmts.def"
#undef STMT
    STMT_MAX
};

typedef struct {
    gk_store base; /* always the first member */
    sqlite3 *db;
    sqlite3_stmt *stmts[STMT_MAX];
} gk_sq_store;

/* st as the SQLite store (GK_BUG when it is another backend's). */
gk_sq_store *gk_sq_downcast(gk_store *st, const char *method);
/* Sets the error from the connection: GK_EEXISTS for a uniqueness
 * violation, GK_EBACKEND otherwise. */
int gk_sq_error(gk_sq_store *s, int rc, const char *what);
/* The cached statement id, reset with bindings cleared. */
int gk_sq_stmt(sqlite3_stmt **out, gk_sq_store *s, int id) GK_WARN_UNUSED;
/* NULL binds SQL NULL; an invalid date binds NULL. */
void gk_sq_bind_text(sqlite3_stmt *q, int i, const char *v);
void gk_sq_bind_date(sqlite3_stmt *q, int i, gk_date d);
/* Steps q to the end (rows ignored) and resets it. */
int gk_sq_done(gk_sq_store *s, sqlite3_stmt *q, const char *what) GK_WARN_UNUSED;
/* Column text ("" for NULL) and date (y == 0 for NULL or malformed). */
const char *gk_sq_text(sqlite3_stmt *q, int i);
gk_date gk_sq_date(sqlite3_stmt *q, int i);
/* Calls row(q, ctx) for each row until it returns non-zero (returned);
 * a step failure is an error; q is reset afterwards. */
typedef int (*gk_sq_row_fn)(sqlite3_stmt *q, void *ctx);
int gk_sq_each(gk_sq_store *s, sqlite3_stmt *q, gk_sq_row_fn row, void *ctx, const char *what);
/* The row id of agency code (GK_ENOTFOUND with a message when none). */
int gk_sq_agency_id(gk_sq_store *s, const char *code, int64_t *id_out) GK_WARN_UNUSED;
/* Statement id of a year-scoped query (table 3) with ?1 = YEAR-01-01,
 * ?2 = YEAR-12-31 and ?3 = the agency's row (left NULL for every agency). */
int gk_sq_year_stmt(sqlite3_stmt **out, gk_sq_store *s, int id, int year, const char *agency)
    GK_WARN_UNUSED;

/* Version-2 methods, in sqlite_catalogue.c and sqlite_registers.c. */
GK_STORE_V2_METHODS(gk_sq_)

/* Version-4 methods (staff accounts and sessions), in sqlite_users.c. */
#include "users_int.h"
GK_STORE_USER_METHODS(gk_sq_)

/* Version-5 methods (three-level review), in sqlite_review3.c. */
#include "review3_int.h"
GK_STORE_REVIEW3_METHODS(gk_sq_)

/* Version-7 methods (split applications, decisions), in sqlite_split.c. */
#include "split_int.h"
GK_STORE_SPLIT_METHODS(gk_sq_)

/* Version-6 method (catalogue counts), in sqlite_catalogue.c. */
#include "search_int.h"
GK_STORE_SEARCH_METHODS(gk_sq_)

#endif
