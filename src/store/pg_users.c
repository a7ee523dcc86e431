/*
 * pg_users.c: staff accounts and sessions in the PostgreSQL backend
 * (store_backend.h version 4; tables of pg_migrations.def "staff accounts
 * and sessions", statements of pg_users_stmts.def). Only with GK_WITH_PG.
 */
#ifdef GK_WITH_PG

#include "util/util.h"
#include "pg_int.h"

int gk_pg_user_insert(gk_store *st, gk_user *u)
{
    gk_pg_store *s = gk_pg_downcast(st, "user_insert");
    gk_pg_params p = {0};
    PGresult *res;
    int error;

    gk_pg_text(&p, u->name);
    gk_pg_text(&p, u->role);
    gk_pg_text(&p, u->agency ? u->agency : "");
    gk_pg_text(&p, u->pwhash);
    gk_pg_bool(&p, u->disabled);
    gk_pg_text(&p, u->created);
    error = gk_pg_run(&res, s, STMT_USER_INSERT, &p, "user");
    if (error < 0)
        return error;
    u->id = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
    return 0;
}

int gk_pg_user_update(gk_store *st, const gk_user *u)
{
    gk_pg_store *s = gk_pg_downcast(st, "user_update");
    gk_pg_params p = {0};
    PGresult *res;
    int error;

    gk_pg_i64(&p, u->id);
    gk_pg_text(&p, u->role);
    gk_pg_text(&p, u->agency ? u->agency : "");
    gk_pg_text(&p, u->pwhash);
    gk_pg_bool(&p, u->disabled);
    error = gk_pg_run(&res, s, STMT_USER_UPDATE, &p, "user update");
    if (error < 0)
        return error;
    if (strcmp(PQcmdTuples(res), "1") != 0) {
        gk_error_set(GK_ERRCLASS_STORE, "user %lld not found", (long long)u->id);
        error = GK_ENOTFOUND;
    }
    PQclear(res);
    return error;
}

int gk_pg_user_foreach(gk_store *st, const char *name, gk_user_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "user_foreach");
    gk_pg_params p = {0};
    PGresult *res;
    int i, n, error;

    gk_pg_text(&p, name);
    error = gk_pg_run(&res, s, STMT_USER_LIST, &p, "users");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        gk_user u;
        u.id = gk_pg_col_i64(res, i, 0);
        u.name = gk_pg_col_text(res, i, 1);
        u.role = gk_pg_col_text(res, i, 2);
        u.agency = gk_pg_col_text(res, i, 3);
        u.pwhash = gk_pg_col_text(res, i, 4);
        u.disabled = gk_pg_col_bool(res, i, 5);
        u.created = gk_pg_col_text(res, i, 6);
        error = cb(&u, payload);
    }
    PQclear(res);
    return error;
}

int gk_pg_session_insert(gk_store *st, const gk_user_session *x)
{
    gk_pg_params p = {0};

    gk_pg_text(&p, x->token_hash);
    gk_pg_i64(&p, x->user_id);
    gk_pg_text(&p, x->user);
    gk_pg_text(&p, x->role);
    gk_pg_text(&p, x->agency ? x->agency : "");
    gk_pg_text(&p, x->csrf);
    gk_pg_i64(&p, x->created);
    gk_pg_i64(&p, x->expires);
    return gk_pg_run_done(gk_pg_downcast(st, "session_insert"), STMT_SESSION_INSERT, &p,
                          "session");
}

int gk_pg_session_get(gk_store *st, const char *token_hash, int64_t now, gk_user_session_cb cb,
                      void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "session_get");
    gk_pg_params p = {0};
    PGresult *res;
    gk_user_session x;
    int error;

    gk_pg_text(&p, token_hash);
    gk_pg_i64(&p, now);
    error = gk_pg_run(&res, s, STMT_SESSION_GET, &p, "session");
    if (error < 0)
        return error;
    if (PQntuples(res) == 0) {
        PQclear(res);
        gk_error_set(GK_ERRCLASS_STORE, "会话不存在或已过期");
        return GK_ENOTFOUND;
    }
    x.token_hash = gk_pg_col_text(res, 0, 0);
    x.user_id = gk_pg_col_i64(res, 0, 1);
    x.user = gk_pg_col_text(res, 0, 2);
    x.role = gk_pg_col_text(res, 0, 3);
    x.agency = gk_pg_col_text(res, 0, 4);
    x.csrf = gk_pg_col_text(res, 0, 5);
    x.created = gk_pg_col_i64(res, 0, 6);
    x.expires = gk_pg_col_i64(res, 0, 7);
    error = cb(&x, payload);
    PQclear(res);
    return error;
}

int gk_pg_session_delete(gk_store *st, const char *token_hash, int64_t user_id)
{
    gk_pg_params p = {0};

    gk_pg_text(&p, token_hash);
    gk_pg_i64(&p, user_id);
    return gk_pg_run_done(gk_pg_downcast(st, "session_delete"), STMT_SESSION_DELETE, &p,
                          "session delete");
}

int gk_pg_session_expire(gk_store *st, int64_t now, int64_t *n_out)
{
    gk_pg_store *s = gk_pg_downcast(st, "session_expire");
    gk_pg_params p = {0};
    PGresult *res;
    int64_t n = 0;
    int error;

    *n_out = 0;
    gk_pg_i64(&p, now);
    error = gk_pg_run(&res, s, STMT_SESSION_EXPIRE, &p, "session expire");
    if (error < 0)
        return error;
    if (gk__parse_i64(PQcmdTuples(res), strlen(PQcmdTuples(res)), &n) < 0)
        gk_error_clear();
    *n_out = n;
    PQclear(res);
    return 0;
}

#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_users_not_built;

#endif
