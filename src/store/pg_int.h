/*
 * pg_int.h: what the files of the PostgreSQL backend share (pg.c: the
 * connection, schema, transactions, agencies, cases, events and table 3;
 * pg_catalogue.c: catalogue items and title search; pg_registers.c:
 * figures, review cases, year locks and fees): the store type, the
 * statements of pg_stmts.def run as prepared statements with text
 * parameters, and column helpers. Only with GK_WITH_PG.
 */
#ifndef GK_STORE_PG_INT_H
#define GK_STORE_PG_INT_H

#include <libpq-fe.h>
#include "store_int.h"

enum {
#define STMT(name, sql) STMT_##name,
#include "pg_stmts.def"
#undef STMT
    STMT_MAX
};

typedef struct {
    gk_store base; /* always the first member */
    PGconn *conn;
    bool prepared[STMT_MAX];
} gk_pg_store;

#define MAX_PARAMS 32

/* Text-format parameters; NULL is SQL NULL. Numbers and dates are written
 * into the slot's own buffer. Start with gk_pg_params p = {0}. */
typedef struct {
    const char *v[MAX_PARAMS];
    char num[MAX_PARAMS][24];
    int n;
} gk_pg_params;

gk_pg_store *gk_pg_downcast(gk_store *st, const char *method);
/* Sets the error from res (or the connection): GK_EEXISTS for a
 * uniqueness violation, GK_EBACKEND otherwise. */
int gk_pg_error(gk_pg_store *s, const PGresult *res, const char *what);
/* "what: msg" on one line (libpq's messages end with a newline). */
void gk_pg_set_error(const char *what, const char *msg);
void gk_pg_text(gk_pg_params *p, const char *s);
void gk_pg_i64(gk_pg_params *p, int64_t x);
void gk_pg_bool(gk_pg_params *p, bool b);
void gk_pg_date(gk_pg_params *p, gk_date d);
/* Runs statement id, preparing it on first use; *out (caller PQclears)
 * on success, NULL with the error set otherwise. */
int gk_pg_run(PGresult **out, gk_pg_store *s, int id, const gk_pg_params *p, const char *what)
    GK_WARN_UNUSED;
/* gk_pg_run for statements whose rows are not needed. */
int gk_pg_run_done(gk_pg_store *s, int id, const gk_pg_params *p, const char *what)
    GK_WARN_UNUSED;
const char *gk_pg_col_text(const PGresult *res, int row, int col); /* "" for NULL */
int64_t gk_pg_col_i64(const PGresult *res, int row, int col);
bool gk_pg_col_bool(const PGresult *res, int row, int col);
gk_date gk_pg_col_date(const PGresult *res, int row, int col);
int gk_pg_agency_id(gk_pg_store *s, const char *code, int64_t *id_out) GK_WARN_UNUSED;
/* The parameters of the year-scoped queries (table 3): $1 = YEAR-01-01,
 * $2 = YEAR-12-31, $3 = the agency's row, or NULL for every agency. */
int gk_pg_year_params(gk_pg_params *p, gk_pg_store *s, int year, const char *agency)
    GK_WARN_UNUSED;

/* Version-2 methods, in pg_catalogue.c and pg_registers.c. */
GK_STORE_V2_METHODS(gk_pg_)

/* Version-4 methods (staff accounts and sessions), in pg_users.c. */
#include "users_int.h"
GK_STORE_USER_METHODS(gk_pg_)

/* Version-5 methods (three-level review), in pg_review3.c. */
#include "review3_int.h"
GK_STORE_REVIEW3_METHODS(gk_pg_)

/* Version-7 methods (split applications, decisions), in pg_split.c. */
#include "split_int.h"
GK_STORE_SPLIT_METHODS(gk_pg_)

/* Version-6 method (catalogue counts), in pg_catalogue.c. */
#include "search_int.h"
GK_STORE_SEARCH_METHODS(gk_pg_)

#endif
