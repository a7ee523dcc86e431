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

/* Version-2 methods (store_backend.h gives their contracts). */
int gk_pg_item_insert(gk_store *st, gk_catalogue_item *it, const gk_index_no_parts *idx);
int gk_pg_item_update(gk_store *st, const gk_catalogue_item *it);
int gk_pg_item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload);
int gk_pg_item_max_serial(gk_store *st, const char *prefix, int year, int64_t *out);
int gk_pg_figures_put(gk_store *st, const gk_year_figures *f);
int gk_pg_figures_foreach(gk_store *st, int year, int (*cb)(const gk_year_figures *f, void *p),
                          void *payload);
int gk_pg_review_insert(gk_store *st, gk_review_case *r);
int gk_pg_review_update(gk_store *st, const gk_review_case *r);
int gk_pg_review_foreach(gk_store *st, const char *agency, int64_t id, gk_review_cb cb,
                         void *payload);
int gk_pg_lock_insert(gk_store *st, const char *agency, int year, const char *report_json,
                      const char *at);
int gk_pg_lock_get(gk_store *st, const char *agency, int year, gk_buf *json_out, bool *found);
int gk_pg_fee_put(gk_store *st, const gk_case_fee *f);
int gk_pg_fee_get(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found);
int gk_pg_applicant_month_rank(gk_store *st, int64_t case_id, int64_t *n_out);

#endif
