/*
 * sqlite_util.c: the helpers the files of the SQLite backend share
 * (sqlite_int.h): the statement cache over sqlite_stmts.def, errors,
 * bindings, columns, the row walk and the agency lookup.
 */
#include <stdio.h>
#include "util/util.h"
#include "sqlite_int.h"

static const char *const stmt_sql[STMT_MAX] = {
#define STMT(name, sql) [STMT_##name] = sql,
#include "sqlite_stmts.def"
#undef STMT
};

gk_sq_store *gk_sq_downcast(gk_store *st, const char *method)
{
    if (st->be != &gk_store_backend_sqlite)
        GK_BUG("%s: store is not sqlite", method);
    return (gk_sq_store *)st;
}

/* Sets the error from the connection and maps SQLite's code: a uniqueness
 * violation is GK_EEXISTS, anything else GK_EBACKEND. */
int gk_sq_error(gk_sq_store *s, int rc, const char *what)
{
    int ext = sqlite3_extended_errcode(s->db);

    gk_error_set(GK_ERRCLASS_STORE, "%s: %s", what, sqlite3_errmsg(s->db));
    if ((rc & 0xff) == SQLITE_CONSTRAINT &&
        (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY))
        return GK_EEXISTS;
    return GK_EBACKEND;
}

/* The cached statement, reset and with bindings cleared. */
int gk_sq_stmt(sqlite3_stmt **out, gk_sq_store *s, int id)
{
    int rc;

    if (!s->stmts[id]) {
        rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmts[id],
                                NULL);
        if (rc != SQLITE_OK)
            return gk_sq_error(s, rc, "prepare");
    }
    sqlite3_reset(s->stmts[id]);
    sqlite3_clear_bindings(s->stmts[id]);
    *out = s->stmts[id];
    return 0;
}

void gk_sq_bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

void gk_sq_bind_date(sqlite3_stmt *q, int i, gk_date d)
{
    char buf[GK_DATE_BUFSZ];

    if (gk_date_valid(d))
        sqlite3_bind_text(q, i, gk_date_format(buf, d), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

/* Runs a statement that returns no rows (or whose rows are ignored). */
int gk_sq_done(gk_sq_store *s, sqlite3_stmt *q, const char *what)
{
    int rc = sqlite3_step(q);

    while (rc == SQLITE_ROW)
        rc = sqlite3_step(q);
    if (rc != SQLITE_DONE) {
        int error = gk_sq_error(s, rc, what);
        sqlite3_reset(q);
        return error;
    }
    sqlite3_reset(q);
    return 0;
}

const char *gk_sq_text(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);

    return t ? (const char *)t : "";
}

gk_date gk_sq_date(sqlite3_stmt *q, int i)
{
    const char *t = gk_sq_text(q, i);
    gk_date d = {0, 0, 0};

    if (*t && gk_date_parse(&d, t, strlen(t)) < 0) {
        gk_error_clear();
        d.y = d.m = d.d = 0;
    }
    return d;
}

int gk_sq_agency_id(gk_sq_store *s, const char *code, int64_t *id_out)
{
    sqlite3_stmt *q;
    int rc, error;

    error = gk_sq_stmt(&q, s, STMT_AGENCY_ID);
    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, code);
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        *id_out = sqlite3_column_int64(q, 0);
        sqlite3_reset(q);
        return 0;
    }
    error = rc == SQLITE_DONE ? GK_ENOTFOUND : gk_sq_error(s, rc, "agency");
    sqlite3_reset(q);
    if (error == GK_ENOTFOUND)
        gk_error_set(GK_ERRCLASS_STORE, "机关代码 '%s' 不存在", code);
    return error;
}


int gk_sq_each(gk_sq_store *s, sqlite3_stmt *q, gk_sq_row_fn row, void *ctx, const char *what)
{
    int rc, error = 0;

    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        error = row(q, ctx);
        if (error != 0)
            break;
    }
    if (error == 0 && rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, what);
    sqlite3_reset(q);
    return error;
}

int gk_sq_year_stmt(sqlite3_stmt **out, gk_sq_store *s, int id, int year, const char *agency)
{
    int64_t agency_row = 0;
    int error;

    *out = NULL;
    if (agency) {
        error = gk_sq_agency_id(s, agency, &agency_row);
        if (error < 0)
            return error;
    }
    error = gk_sq_stmt(out, s, id);
    if (error < 0)
        return error;
    gk_sq_bind_date(*out, 1, (gk_date){year, 1, 1});
    gk_sq_bind_date(*out, 2, (gk_date){year, 12, 31});
    if (agency)
        sqlite3_bind_int64(*out, 3, agency_row);
    return 0;
}
