/*
 * pg_registers.c: the smaller registers of the PostgreSQL backend: the
 * entered table-2 figures, review and litigation cases, year locks and
 * the fee notices of cases (with the 按件 month rank). Same meaning as
 * sqlite_registers.c.
 */
#ifdef GK_WITH_PG

#include <stdio.h>
#include "util/util.h"
#include "pg_int.h"

/* Runs a statement and calls row(res, i, ctx) for each row until it
 * returns non-zero (returned). */
typedef int (*row_fn)(const PGresult *res, int i, void *ctx);

static int each(gk_pg_store *s, int id, const gk_pg_params *p, row_fn row, void *ctx,
                const char *what)
{
    PGresult *res;
    int i, n, error = gk_pg_run(&res, s, id, p, what);

    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++)
        error = row(res, i, ctx);
    PQclear(res);
    return error;
}

int gk_pg_figures_put(gk_store *st, const gk_year_figures *f)
{
    gk_pg_store *s = gk_pg_downcast(st, "figures_put");
    gk_pg_params p = {0};
    int64_t agency = 0;
    int error = gk_pg_agency_id(s, f->agency, &agency);

    if (error < 0)
        return error;
    gk_pg_i64(&p, agency);
    gk_pg_i64(&p, f->year);
    gk_pg_i64(&p, f->licensing);
    gk_pg_i64(&p, f->penalty);
    gk_pg_i64(&p, f->enforcement);
    gk_pg_i64(&p, f->fee_yuan);
    return gk_pg_run_done(s, STMT_FIGURES_PUT, &p, "figures");
}

typedef struct {
    int (*cb)(const gk_year_figures *f, void *p);
    void *payload;
} figures_walk;

static int figures_row(const PGresult *res, int i, void *ctx)
{
    figures_walk *w = ctx;
    gk_year_figures f;

    f.agency = gk_pg_col_text(res, i, 0);
    f.year = (int)gk_pg_col_i64(res, i, 1);
    f.licensing = gk_pg_col_i64(res, i, 2);
    f.penalty = gk_pg_col_i64(res, i, 3);
    f.enforcement = gk_pg_col_i64(res, i, 4);
    f.fee_yuan = gk_pg_col_i64(res, i, 5);
    return w->cb(&f, w->payload);
}

int gk_pg_figures_foreach(gk_store *st, int year, int (*cb)(const gk_year_figures *f, void *p),
                          void *payload)
{
    figures_walk w = {cb, payload};
    gk_pg_params p = {0};

    gk_pg_i64(&p, year);
    return each(gk_pg_downcast(st, "figures_foreach"), STMT_FIGURES_LIST, &p, figures_row, &w,
                "figures");
}

/* ------------------------------------------------------- review cases */

int gk_pg_review_insert(gk_store *st, gk_review_case *r)
{
    gk_pg_store *s = gk_pg_downcast(st, "review_insert");
    gk_pg_params p = {0};
    int64_t agency = 0;
    PGresult *res;
    int error = gk_pg_agency_id(s, r->agency, &agency);

    if (error < 0)
        return error;
    gk_pg_i64(&p, agency);
    gk_pg_text(&p, r->case_no);
    gk_pg_text(&p, gk_review_route_key(r->route));
    gk_pg_date(&p, r->filed);
    gk_pg_text(&p, gk_review_result_key(r->result));
    gk_pg_date(&p, r->concluded);
    gk_pg_text(&p, r->subject ? r->subject : "");
    gk_pg_text(&p, r->case_ref ? r->case_ref : "");
    error = gk_pg_run(&res, s, STMT_REVIEW_INSERT, &p, "review case");
    if (error < 0)
        return error;
    r->id = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
    return 0;
}

int gk_pg_review_update(gk_store *st, const gk_review_case *r)
{
    gk_pg_params p = {0};

    gk_pg_i64(&p, r->id);
    gk_pg_text(&p, gk_review_result_key(r->result));
    gk_pg_date(&p, r->concluded);
    gk_pg_text(&p, r->subject ? r->subject : "");
    return gk_pg_run_done(gk_pg_downcast(st, "review_update"), STMT_REVIEW_UPDATE, &p,
                          "review update");
}

typedef struct {
    gk_review_cb cb;
    void *payload;
} review_walk;

static int review_row(const PGresult *res, int i, void *ctx)
{
    review_walk *w = ctx;
    gk_review_case r;
    const char *t;
    int v;

    gk_review_case_init(&r);
    r.id = gk_pg_col_i64(res, i, 0);
    r.agency = gk_pg_col_text(res, i, 1);
    r.case_no = gk_pg_col_text(res, i, 2);
    t = gk_pg_col_text(res, i, 3);
    v = gk_review_route_from_label(t, strlen(t));
    r.route = v >= 0 ? (gk_t4_group)v : GK_T4_REVIEW;
    r.filed = gk_pg_col_date(res, i, 4);
    t = gk_pg_col_text(res, i, 5);
    v = gk_review_result_from_label(t, strlen(t));
    r.result = v >= 0 ? (gk_t4_col)v : GK_T4_PENDING;
    r.concluded = gk_pg_col_date(res, i, 6);
    r.subject = gk_pg_col_text(res, i, 7);
    r.case_ref = gk_pg_col_text(res, i, 8);
    return w->cb(&r, w->payload);
}

int gk_pg_review_foreach(gk_store *st, const char *agency, int64_t id, gk_review_cb cb,
                         void *payload)
{
    review_walk w = {cb, payload};
    gk_pg_params p = {0};

    gk_pg_text(&p, agency);
    gk_pg_i64(&p, id);
    return each(gk_pg_downcast(st, "review_foreach"), STMT_REVIEW_LIST, &p, review_row, &w,
                "review cases");
}

/* ----------------------------------------------------------- year locks */

int gk_pg_lock_insert(gk_store *st, const char *agency, int year, const char *report_json,
                      const char *at)
{
    gk_pg_params p = {0};

    gk_pg_text(&p, agency);
    gk_pg_i64(&p, year);
    gk_pg_text(&p, at);
    gk_pg_text(&p, report_json);
    return gk_pg_run_done(gk_pg_downcast(st, "lock_insert"), STMT_LOCK_INSERT, &p, "year lock");
}

typedef struct {
    gk_buf *out;
    bool found;
} first_text;

static int take_first(const PGresult *res, int i, void *ctx)
{
    first_text *f = ctx;

    f->found = true;
    return f->out ? gk_buf_puts(f->out, gk_pg_col_text(res, i, 0)) : 0;
}

int gk_pg_lock_get(gk_store *st, const char *agency, int year, gk_buf *json_out, bool *found)
{
    first_text f = {json_out, false};
    gk_pg_params p = {0};
    int error;

    gk_pg_text(&p, agency);
    gk_pg_i64(&p, year);
    error = each(gk_pg_downcast(st, "lock_get"), STMT_LOCK_GET, &p, take_first, &f, "year lock");
    *found = f.found;
    return error;
}

/* ----------------------------------------------------------------- fees */

int gk_pg_fee_put(gk_store *st, const gk_case_fee *f)
{
    gk_pg_params p = {0};

    gk_pg_i64(&p, f->case_id);
    gk_pg_text(&p, gk_store__fee_method_key(f->method));
    gk_pg_i64(&p, f->units);
    gk_pg_i64(&p, f->amount);
    gk_pg_date(&p, f->notice);
    gk_pg_date(&p, f->due);
    gk_pg_date(&p, f->paid);
    return gk_pg_run_done(gk_pg_downcast(st, "fee_put"), STMT_FEE_PUT, &p, "fee");
}

typedef struct {
    gk_case_fee *out;
    bool found;
} fee_walk;

static int fee_row(const PGresult *res, int i, void *ctx)
{
    fee_walk *w = ctx;
    int m = gk_store__fee_method_from_key(gk_pg_col_text(res, i, 0));

    w->found = true;
    w->out->method = m >= 0 ? m : GK_CASE_FEE_GIVEN;
    w->out->units = gk_pg_col_i64(res, i, 1);
    w->out->amount = gk_pg_col_i64(res, i, 2);
    w->out->notice = gk_pg_col_date(res, i, 3);
    w->out->due = gk_pg_col_date(res, i, 4);
    w->out->paid = gk_pg_col_date(res, i, 5);
    return 1;
}

int gk_pg_fee_get(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found)
{
    fee_walk w = {out, false};
    gk_pg_params p = {0};
    int error;

    gk_pg_i64(&p, case_id);
    out->case_id = case_id;
    error = each(gk_pg_downcast(st, "fee_get"), STMT_FEE_GET, &p, fee_row, &w, "fee");
    *found = w.found;
    return error < 0 ? error : 0;
}

int gk_pg_applicant_month_rank(gk_store *st, int64_t case_id, int64_t *n_out)
{
    gk_pg_store *s = gk_pg_downcast(st, "applicant_month_rank");
    gk_pg_params p = {0};
    PGresult *res;
    int error;

    gk_pg_i64(&p, case_id);
    error = gk_pg_run(&res, s, STMT_APPLICANT_MONTH_RANK, &p, "month rank");
    if (error < 0)
        return error;
    *n_out = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
    return 0;
}

#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_registers_not_built;

#endif
