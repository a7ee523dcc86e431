/*
 * sqlite_split.c: split applications and recorded decisions in the SQLite
 * backend (store_backend.h version 7; migration 5 of sqlite_migrations.def,
 * statements of sqlite_split_stmts.def). store_split.c checks and audits.
 */
#include <stdio.h>
#include "util/util.h"
#include "sqlite_int.h"

int gk_sq_case_parent_set(gk_store *st, int64_t child_id, int64_t parent_id)
{
    gk_sq_store *s = gk_sq_downcast(st, "case_parent_set");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_SPLIT_PARENT_SET);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, child_id);
    sqlite3_bind_int64(q, 2, parent_id);
    error = gk_sq_done(s, q, "case parent");
    if (error == 0 && sqlite3_changes(s->db) != 1) {
        gk_error_set(GK_ERRCLASS_STORE, "case %lld not found", (long long)child_id);
        error = GK_ENOTFOUND;
    }
    return error;
}

typedef struct {
    gk_case_link_cb cb;
    void *payload;
} link_ctx;

static int link_row(sqlite3_stmt *q, void *ctx)
{
    link_ctx *c = ctx;
    gk_case_link l;

    l.id = sqlite3_column_int64(q, 0);
    l.is_parent = sqlite3_column_int(q, 1) != 0;
    l.tracking_no = gk_sq_text(q, 2);
    l.tracking_code = gk_sq_text(q, 3);
    l.state = gk_sq_text(q, 4);
    return c->cb(&l, c->payload);
}

int gk_sq_case_links(gk_store *st, int64_t case_id, gk_case_link_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "case_links");
    link_ctx c = {cb, payload};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_SPLIT_LINKS);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, case_id);
    return gk_sq_each(s, q, link_row, &c, "case links");
}

int gk_sq_decision_put(gk_store *st, int64_t case_id, const char *decision)
{
    gk_sq_store *s = gk_sq_downcast(st, "decision_put");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_DECISION_PUT);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, case_id);
    gk_sq_bind_text(q, 2, decision);
    return gk_sq_done(s, q, "decision");
}

typedef struct {
    gk_buf *out;
    bool found;
} decision_ctx;

static int decision_row(sqlite3_stmt *q, void *ctx)
{
    decision_ctx *c = ctx;

    c->found = true;
    return gk_buf_puts(c->out, gk_sq_text(q, 0));
}

int gk_sq_decision_get(gk_store *st, int64_t case_id, gk_buf *out, bool *found)
{
    gk_sq_store *s = gk_sq_downcast(st, "decision_get");
    decision_ctx c = {out, false};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_DECISION_GET);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, case_id);
    error = gk_sq_each(s, q, decision_row, &c, "decision");
    *found = c.found;
    return error;
}

typedef struct {
    gk_t3_decision_cb cb;
    void *payload;
} t3_ctx;

static int t3_row(sqlite3_stmt *q, void *ctx)
{
    t3_ctx *c = ctx;

    return c->cb(gk_sq_text(q, 0), gk_sq_text(q, 1), gk_sq_text(q, 2), gk_sq_text(q, 3),
                 sqlite3_column_int64(q, 4), c->payload);
}

int gk_sq_t3_decisions(gk_store *st, int year, const char *agency, gk_t3_decision_cb cb,
                       void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "t3_decisions");
    t3_ctx c = {cb, payload};
    sqlite3_stmt *q;
    int error;

    error = gk_sq_year_stmt(&q, s, STMT_T3_DECISIONS, year, agency);
    if (error < 0)
        return error;
    return gk_sq_each(s, q, t3_row, &c, "table 3 decisions");
}
