/*
 * sqlite_review3.c: the three-level review of catalogue items in the
 * SQLite backend (store_backend.h version 5; tables of
 * sqlite_migrations.def 4, statements of sqlite_review3_stmts.def).
 */
#include "util/util.h"
#include "sqlite_int.h"

typedef struct {
    gk_review3_cb cb;
    void *payload;
} review_ctx;

static int review_row(sqlite3_stmt *q, void *ctx)
{
    review_ctx *c = ctx;
    gk_review3 r;
    int state = gk_review3_state_from_key(gk_sq_text(q, 4));

    if (state < 0) {
        gk_error_set(GK_ERRCLASS_STORE, "审核记录有无效的状态 '%s'", gk_sq_text(q, 4));
        return GK_EBACKEND;
    }
    r.item_id = sqlite3_column_int64(q, 0);
    r.agency = gk_sq_text(q, 1);
    r.index_no = gk_sq_text(q, 2);
    r.title = gk_sq_text(q, 3);
    r.state = (gk_review3_state)state;
    r.round = sqlite3_column_int(q, 5);
    r.body = gk_sq_text(q, 6);
    return c->cb(&r, c->payload);
}

int gk_sq_review3_foreach(gk_store *st, const char *agency, int64_t item_id, const char *state,
                          gk_review3_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "review3_foreach");
    review_ctx c = {cb, payload};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_REVIEW3_LIST);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, agency);
    sqlite3_bind_int64(q, 2, item_id);
    gk_sq_bind_text(q, 3, state);
    return gk_sq_each(s, q, review_row, &c, "item reviews");
}

int gk_sq_review3_put(gk_store *st, int64_t item_id, const char *state, int round,
                      const char *body)
{
    gk_sq_store *s = gk_sq_downcast(st, "review3_put");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_REVIEW3_PUT);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, item_id);
    gk_sq_bind_text(q, 2, state);
    sqlite3_bind_int(q, 3, round);
    gk_sq_bind_text(q, 4, body);
    return gk_sq_done(s, q, "item review");
}

int gk_sq_review3_step_insert(gk_store *st, const gk_review3_step_rec *x)
{
    gk_sq_store *s = gk_sq_downcast(st, "review3_step_insert");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_REVIEW3_STEP_INSERT);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, x->item_id);
    sqlite3_bind_int(q, 2, x->round);
    gk_sq_bind_text(q, 3, gk_review3_step_key(x->step));
    sqlite3_bind_int(q, 4, x->pass);
    gk_sq_bind_text(q, 5, x->actor);
    gk_sq_bind_text(q, 6, x->at);
    gk_sq_bind_text(q, 7, x->comment ? x->comment : "");
    return gk_sq_done(s, q, "review step");
}

typedef struct {
    gk_review3_step_cb cb;
    void *payload;
} step_ctx;

static int step_row(sqlite3_stmt *q, void *ctx)
{
    step_ctx *c = ctx;
    gk_review3_step_rec x;
    int step = gk_review3_step_from_key(gk_sq_text(q, 3));

    if (step < 0) {
        gk_error_set(GK_ERRCLASS_STORE, "审核步骤无效 '%s'", gk_sq_text(q, 3));
        return GK_EBACKEND;
    }
    x.id = sqlite3_column_int64(q, 0);
    x.item_id = sqlite3_column_int64(q, 1);
    x.round = sqlite3_column_int(q, 2);
    x.step = (gk_review3_step)step;
    x.pass = sqlite3_column_int(q, 4) != 0;
    x.actor = gk_sq_text(q, 5);
    x.at = gk_sq_text(q, 6);
    x.comment = gk_sq_text(q, 7);
    return c->cb(&x, c->payload);
}

int gk_sq_review3_step_foreach(gk_store *st, int64_t item_id, gk_review3_step_cb cb,
                               void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "review3_step_foreach");
    step_ctx c = {cb, payload};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_REVIEW3_STEP_LIST);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, item_id);
    return gk_sq_each(s, q, step_row, &c, "review steps");
}
