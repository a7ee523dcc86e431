/*
 * pg_review3.c: the three-level review of catalogue items in the
 * PostgreSQL backend (store_backend.h version 5; tables of
 * pg_migrations.def 4, statements of pg_review3_stmts.def). Only with
 * GK_WITH_PG.
 */
#ifdef GK_WITH_PG

#include "util/util.h"
#include "pg_int.h"

int gk_pg_review3_foreach(gk_store *st, const char *agency, int64_t item_id, const char *state,
                          gk_review3_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "review3_foreach");
    gk_pg_params p = {0};
    PGresult *res;
    int i, n, error;

    gk_pg_text(&p, agency);
    gk_pg_i64(&p, item_id);
    gk_pg_text(&p, state);
    error = gk_pg_run(&res, s, STMT_REVIEW3_LIST, &p, "item reviews");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        int k = gk_review3_state_from_key(gk_pg_col_text(res, i, 4));
        gk_review3 r;

        if (k < 0) {
            gk_error_set(GK_ERRCLASS_STORE, "审核记录有无效的状态 '%s'", gk_pg_col_text(res, i, 4));
            error = GK_EBACKEND;
            break;
        }
        r.item_id = gk_pg_col_i64(res, i, 0);
        r.agency = gk_pg_col_text(res, i, 1);
        r.index_no = gk_pg_col_text(res, i, 2);
        r.title = gk_pg_col_text(res, i, 3);
        r.state = (gk_review3_state)k;
        r.round = (int)gk_pg_col_i64(res, i, 5);
        r.body = gk_pg_col_text(res, i, 6);
        error = cb(&r, payload);
    }
    PQclear(res);
    return error;
}

int gk_pg_review3_put(gk_store *st, int64_t item_id, const char *state, int round,
                      const char *body)
{
    gk_pg_store *s = gk_pg_downcast(st, "review3_put");
    gk_pg_params p = {0};

    gk_pg_i64(&p, item_id);
    gk_pg_text(&p, state);
    gk_pg_i64(&p, round);
    gk_pg_text(&p, body);
    return gk_pg_run_done(s, STMT_REVIEW3_PUT, &p, "item review");
}

int gk_pg_review3_step_insert(gk_store *st, const gk_review3_step_rec *x)
{
    gk_pg_store *s = gk_pg_downcast(st, "review3_step_insert");
    gk_pg_params p = {0};

    gk_pg_i64(&p, x->item_id);
    gk_pg_i64(&p, x->round);
    gk_pg_text(&p, gk_review3_step_key(x->step));
    gk_pg_bool(&p, x->pass);
    gk_pg_text(&p, x->actor);
    gk_pg_text(&p, x->at);
    gk_pg_text(&p, x->comment ? x->comment : "");
    return gk_pg_run_done(s, STMT_REVIEW3_STEP_INSERT, &p, "review step");
}

int gk_pg_review3_step_foreach(gk_store *st, int64_t item_id, gk_review3_step_cb cb,
                               void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "review3_step_foreach");
    gk_pg_params p = {0};
    PGresult *res;
    int i, n, error;

    gk_pg_i64(&p, item_id);
    error = gk_pg_run(&res, s, STMT_REVIEW3_STEP_LIST, &p, "review steps");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        int k = gk_review3_step_from_key(gk_pg_col_text(res, i, 3));
        gk_review3_step_rec x;

        if (k < 0) {
            gk_error_set(GK_ERRCLASS_STORE, "审核步骤无效 '%s'", gk_pg_col_text(res, i, 3));
            error = GK_EBACKEND;
            break;
        }
        x.id = gk_pg_col_i64(res, i, 0);
        x.item_id = gk_pg_col_i64(res, i, 1);
        x.round = (int)gk_pg_col_i64(res, i, 2);
        x.step = (gk_review3_step)k;
        x.pass = gk_pg_col_bool(res, i, 4);
        x.actor = gk_pg_col_text(res, i, 5);
        x.at = gk_pg_col_text(res, i, 6);
        x.comment = gk_pg_col_text(res, i, 7);
        error = cb(&x, payload);
    }
    PQclear(res);
    return error;
}

#else
/* ISO C: a translation unit must declare something. */
typedef int gk_pg_review3_unused;
#endif
