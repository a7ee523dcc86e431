/*
 * pg_split.c: split applications and recorded decisions in the PostgreSQL
 * backend (store_backend.h version 7; migration 5 of pg_migrations.def,
 * statements of pg_split_stmts.def). Only with GK_WITH_PG.
 */
#ifdef GK_WITH_PG

#include <stdio.h>
#include "util/util.h"
#include "pg_int.h"

int gk_pg_case_parent_set(gk_store *st, int64_t child_id, int64_t parent_id)
{
    gk_pg_store *s = gk_pg_downcast(st, "case_parent_set");
    gk_pg_params p = {0};
    PGresult *res;
    int error;

    gk_pg_i64(&p, child_id);
    gk_pg_i64(&p, parent_id);
    error = gk_pg_run(&res, s, STMT_SPLIT_PARENT_SET, &p, "case parent");
    if (error < 0)
        return error;
    if (strcmp(PQcmdTuples(res), "1") != 0) {
        gk_error_set(GK_ERRCLASS_STORE, "case %lld not found", (long long)child_id);
        error = GK_ENOTFOUND;
    }
    PQclear(res);
    return error;
}

int gk_pg_case_links(gk_store *st, int64_t case_id, gk_case_link_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "case_links");
    gk_pg_params p = {0};
    PGresult *res;
    int i, n, error;

    gk_pg_i64(&p, case_id);
    error = gk_pg_run(&res, s, STMT_SPLIT_LINKS, &p, "case links");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        gk_case_link l;
        l.id = gk_pg_col_i64(res, i, 0);
        l.is_parent = gk_pg_col_bool(res, i, 1);
        l.tracking_no = gk_pg_col_text(res, i, 2);
        l.tracking_code = gk_pg_col_text(res, i, 3);
        l.state = gk_pg_col_text(res, i, 4);
        error = cb(&l, payload);
    }
    PQclear(res);
    return error;
}

int gk_pg_decision_put(gk_store *st, int64_t case_id, const char *decision)
{
    gk_pg_params p = {0};

    gk_pg_i64(&p, case_id);
    gk_pg_text(&p, decision);
    return gk_pg_run_done(gk_pg_downcast(st, "decision_put"), STMT_DECISION_PUT, &p, "decision");
}

int gk_pg_decision_get(gk_store *st, int64_t case_id, gk_buf *out, bool *found)
{
    gk_pg_store *s = gk_pg_downcast(st, "decision_get");
    gk_pg_params p = {0};
    PGresult *res;
    int error;

    *found = false;
    gk_pg_i64(&p, case_id);
    error = gk_pg_run(&res, s, STMT_DECISION_GET, &p, "decision");
    if (error < 0)
        return error;
    if (PQntuples(res) > 0) {
        *found = true;
        error = gk_buf_puts(out, gk_pg_col_text(res, 0, 0));
    }
    PQclear(res);
    return error;
}

int gk_pg_t3_decisions(gk_store *st, int year, const char *agency, gk_t3_decision_cb cb,
                       void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "t3_decisions");
    gk_pg_params p = {0};
    PGresult *res;
    int i, n, error;

    error = gk_pg_year_params(&p, s, year, agency);
    if (error < 0)
        return error;
    error = gk_pg_run(&res, s, STMT_T3_DECISIONS, &p, "table 3 decisions");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++)
        error = cb(gk_pg_col_text(res, i, 0), gk_pg_col_text(res, i, 1),
                   gk_pg_col_text(res, i, 2), gk_pg_col_text(res, i, 3),
                   gk_pg_col_i64(res, i, 4), payload);
    PQclear(res);
    return error;
}

#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_split_not_built;

#endif
