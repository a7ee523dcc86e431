/*
 * sqlite_registers.c: the smaller registers of the SQLite backend: the
 * entered table-2 figures, review and litigation cases, year locks and
 * the fee notices of cases (with the 按件 month rank).
 */
#include <stdio.h>
#include "util/util.h"
#include "sqlite_int.h"

int gk_sq_figures_put(gk_store *st, const gk_year_figures *f)
{
    gk_sq_store *s = gk_sq_downcast(st, "figures_put");
    int64_t agency = 0;
    sqlite3_stmt *q;
    int error;

    error = gk_sq_agency_id(s, f->agency, &agency);
    if (error == 0)
        error = gk_sq_stmt(&q, s, STMT_FIGURES_PUT);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, agency);
    sqlite3_bind_int(q, 2, f->year);
    sqlite3_bind_int64(q, 3, f->licensing);
    sqlite3_bind_int64(q, 4, f->penalty);
    sqlite3_bind_int64(q, 5, f->enforcement);
    sqlite3_bind_int64(q, 6, f->fee_yuan);
    return gk_sq_done(s, q, "figures");
}

typedef struct {
    int (*cb)(const gk_year_figures *f, void *p);
    void *payload;
} figures_walk;

static int figures_row(sqlite3_stmt *q, void *ctx)
{
    figures_walk *w = ctx;
    gk_year_figures f;

    f.agency = gk_sq_text(q, 0);
    f.year = sqlite3_column_int(q, 1);
    f.licensing = sqlite3_column_int64(q, 2);
    f.penalty = sqlite3_column_int64(q, 3);
    f.enforcement = sqlite3_column_int64(q, 4);
    f.fee_yuan = sqlite3_column_int64(q, 5);
    return w->cb(&f, w->payload);
}

int gk_sq_figures_foreach(gk_store *st, int year, int (*cb)(const gk_year_figures *f, void *p),
                          void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "figures_foreach");
    figures_walk w = {cb, payload};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_FIGURES_LIST);

    if (error < 0)
        return error;
    sqlite3_bind_int(q, 1, year);
    return gk_sq_each(s, q, figures_row, &w, "figures");
}

/* ------------------------------------------------------- review cases */

int gk_sq_review_insert(gk_store *st, gk_review_case *r)
{
    gk_sq_store *s = gk_sq_downcast(st, "review_insert");
    int64_t agency = 0;
    sqlite3_stmt *q;
    int error;

    error = gk_sq_agency_id(s, r->agency, &agency);
    if (error == 0)
        error = gk_sq_stmt(&q, s, STMT_REVIEW_INSERT);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, agency);
    gk_sq_bind_text(q, 2, r->case_no);
    gk_sq_bind_text(q, 3, gk_review_route_key(r->route));
    gk_sq_bind_date(q, 4, r->filed);
    gk_sq_bind_text(q, 5, gk_review_result_key(r->result));
    gk_sq_bind_date(q, 6, r->concluded);
    gk_sq_bind_text(q, 7, r->subject ? r->subject : "");
    gk_sq_bind_text(q, 8, r->case_ref ? r->case_ref : "");
    error = gk_sq_done(s, q, "review case");
    if (error == 0)
        r->id = sqlite3_last_insert_rowid(s->db);
    return error;
}

int gk_sq_review_update(gk_store *st, const gk_review_case *r)
{
    gk_sq_store *s = gk_sq_downcast(st, "review_update");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_REVIEW_UPDATE);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, r->id);
    gk_sq_bind_text(q, 2, gk_review_result_key(r->result));
    gk_sq_bind_date(q, 3, r->concluded);
    gk_sq_bind_text(q, 4, r->subject ? r->subject : "");
    return gk_sq_done(s, q, "review update");
}

typedef struct {
    gk_review_cb cb;
    void *payload;
} review_walk;

static int review_row(sqlite3_stmt *q, void *ctx)
{
    review_walk *w = ctx;
    gk_review_case r;
    int v;

    gk_review_case_init(&r);
    r.id = sqlite3_column_int64(q, 0);
    r.agency = gk_sq_text(q, 1);
    r.case_no = gk_sq_text(q, 2);
    v = gk_review_route_from_label(gk_sq_text(q, 3), strlen(gk_sq_text(q, 3)));
    r.route = v >= 0 ? (gk_t4_group)v : GK_T4_REVIEW;
    r.filed = gk_sq_date(q, 4);
    v = gk_review_result_from_label(gk_sq_text(q, 5), strlen(gk_sq_text(q, 5)));
    r.result = v >= 0 ? (gk_t4_col)v : GK_T4_PENDING;
    r.concluded = gk_sq_date(q, 6);
    r.subject = gk_sq_text(q, 7);
    r.case_ref = gk_sq_text(q, 8);
    return w->cb(&r, w->payload);
}

int gk_sq_review_foreach(gk_store *st, const char *agency, int64_t id, gk_review_cb cb,
                         void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "review_foreach");
    review_walk w = {cb, payload};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_REVIEW_LIST);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, agency);
    sqlite3_bind_int64(q, 2, id);
    return gk_sq_each(s, q, review_row, &w, "review cases");
}

/* ----------------------------------------------------------- year locks */

int gk_sq_lock_insert(gk_store *st, const char *agency, int year, const char *report_json,
                      const char *at)
{
    gk_sq_store *s = gk_sq_downcast(st, "lock_insert");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_LOCK_INSERT);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, agency);
    sqlite3_bind_int(q, 2, year);
    gk_sq_bind_text(q, 3, at);
    gk_sq_bind_text(q, 4, report_json);
    return gk_sq_done(s, q, "year lock");
}

/* One-row lookups: copies the first row's column 0 (or notes none). */
typedef struct {
    gk_buf *out;
    bool found;
} first_text;

static int take_first(sqlite3_stmt *q, void *ctx)
{
    first_text *f = ctx;

    f->found = true;
    return f->out ? gk_buf_puts(f->out, gk_sq_text(q, 0)) : 0;
}

int gk_sq_lock_get(gk_store *st, const char *agency, int year, gk_buf *json_out, bool *found)
{
    gk_sq_store *s = gk_sq_downcast(st, "lock_get");
    first_text f = {json_out, false};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_LOCK_GET);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, agency);
    sqlite3_bind_int(q, 2, year);
    error = gk_sq_each(s, q, take_first, &f, "year lock");
    *found = f.found;
    return error;
}

/* ----------------------------------------------------------------- fees */

int gk_sq_fee_put(gk_store *st, const gk_case_fee *f)
{
    gk_sq_store *s = gk_sq_downcast(st, "fee_put");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_FEE_PUT);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, f->case_id);
    gk_sq_bind_text(q, 2, gk_store__fee_method_key(f->method));
    sqlite3_bind_int64(q, 3, f->units);
    sqlite3_bind_int64(q, 4, f->amount);
    gk_sq_bind_date(q, 5, f->notice);
    gk_sq_bind_date(q, 6, f->due);
    gk_sq_bind_date(q, 7, f->paid);
    return gk_sq_done(s, q, "fee");
}

typedef struct {
    gk_case_fee *out;
    bool found;
} fee_walk;

static int fee_row(sqlite3_stmt *q, void *ctx)
{
    fee_walk *w = ctx;
    int m = gk_store__fee_method_from_key(gk_sq_text(q, 0));

    w->found = true;
    w->out->method = m >= 0 ? m : GK_CASE_FEE_GIVEN;
    w->out->units = sqlite3_column_int64(q, 1);
    w->out->amount = sqlite3_column_int64(q, 2);
    w->out->notice = gk_sq_date(q, 3);
    w->out->due = gk_sq_date(q, 4);
    w->out->paid = gk_sq_date(q, 5);
    return 1;
}

int gk_sq_fee_get(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found)
{
    gk_sq_store *s = gk_sq_downcast(st, "fee_get");
    fee_walk w = {out, false};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_FEE_GET);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, case_id);
    out->case_id = case_id;
    error = gk_sq_each(s, q, fee_row, &w, "fee");
    *found = w.found;
    return error < 0 ? error : 0;
}

int gk_sq_applicant_month_rank(gk_store *st, int64_t case_id, int64_t *n_out)
{
    gk_sq_store *s = gk_sq_downcast(st, "applicant_month_rank");
    sqlite3_stmt *q;
    int rc, error = gk_sq_stmt(&q, s, STMT_APPLICANT_MONTH_RANK);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, case_id);
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *n_out = sqlite3_column_int64(q, 0);
    else
        error = gk_sq_error(s, rc, "month rank");
    sqlite3_reset(q);
    return error;
}
