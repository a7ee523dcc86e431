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

/* Version-2 methods of the backend table, in sqlite_catalogue.c and
 * sqlite_registers.c (store_backend.h gives their contracts). */
int gk_sq_item_insert(gk_store *st, gk_catalogue_item *it, const gk_index_no_parts *idx);
int gk_sq_item_update(gk_store *st, const gk_catalogue_item *it);
int gk_sq_item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload);
int gk_sq_item_max_serial(gk_store *st, const char *prefix, int year, int64_t *out);
int gk_sq_figures_put(gk_store *st, const gk_year_figures *f);
int gk_sq_figures_foreach(gk_store *st, int year, int (*cb)(const gk_year_figures *f, void *p),
                          void *payload);
int gk_sq_review_insert(gk_store *st, gk_review_case *r);
int gk_sq_review_update(gk_store *st, const gk_review_case *r);
int gk_sq_review_foreach(gk_store *st, const char *agency, int64_t id, gk_review_cb cb,
                         void *payload);
int gk_sq_lock_insert(gk_store *st, const char *agency, int year, const char *report_json,
                      const char *at);
int gk_sq_lock_get(gk_store *st, const char *agency, int year, gk_buf *json_out, bool *found);
int gk_sq_fee_put(gk_store *st, const gk_case_fee *f);
int gk_sq_fee_get(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found);
int gk_sq_applicant_month_rank(gk_store *st, int64_t case_id, int64_t *n_out);

#endif
