/*
 * sqlite_users.c: staff accounts and sessions in the SQLite backend
 * (store_backend.h version 4; tables of sqlite_migrations.def "staff
 * accounts and sessions", statements of sqlite_users_stmts.def).
 */
#include "util/util.h"
#include "sqlite_int.h"


int gk_sq_user_insert(gk_store *st, gk_user *u)
{
    gk_sq_store *s = gk_sq_downcast(st, "user_insert");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_USER_INSERT);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, u->name);
    gk_sq_bind_text(q, 2, u->role);
    gk_sq_bind_text(q, 3, u->agency ? u->agency : "");
    gk_sq_bind_text(q, 4, u->pwhash);
    sqlite3_bind_int(q, 5, u->disabled);
    gk_sq_bind_text(q, 6, u->created);
    error = gk_sq_done(s, q, "user");
    if (error == 0)
        u->id = sqlite3_last_insert_rowid(s->db);
    return error;
}

int gk_sq_user_update(gk_store *st, const gk_user *u)
{
    gk_sq_store *s = gk_sq_downcast(st, "user_update");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_USER_UPDATE);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, u->id);
    gk_sq_bind_text(q, 2, u->role);
    gk_sq_bind_text(q, 3, u->agency ? u->agency : "");
    gk_sq_bind_text(q, 4, u->pwhash);
    sqlite3_bind_int(q, 5, u->disabled);
    error = gk_sq_done(s, q, "user update");
    if (error == 0 && sqlite3_changes(s->db) != 1) {
        gk_error_set(GK_ERRCLASS_STORE, "user %lld not found", (long long)u->id);
        error = GK_ENOTFOUND;
    }
    return error;
}

typedef struct {
    gk_user_cb cb;
    void *payload;
} user_ctx;

static int user_row(sqlite3_stmt *q, void *ctx)
{
    user_ctx *c = ctx;
    gk_user u;

    u.id = sqlite3_column_int64(q, 0);
    u.name = gk_sq_text(q, 1);
    u.role = gk_sq_text(q, 2);
    u.agency = gk_sq_text(q, 3);
    u.pwhash = gk_sq_text(q, 4);
    u.disabled = sqlite3_column_int(q, 5) != 0;
    u.created = gk_sq_text(q, 6);
    return c->cb(&u, c->payload);
}

int gk_sq_user_foreach(gk_store *st, const char *name, gk_user_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "user_foreach");
    user_ctx c = {cb, payload};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_USER_LIST);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, name);
    return gk_sq_each(s, q, user_row, &c, "users");
}

int gk_sq_session_insert(gk_store *st, const gk_user_session *x)
{
    gk_sq_store *s = gk_sq_downcast(st, "session_insert");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_SESSION_INSERT);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, x->token_hash);
    sqlite3_bind_int64(q, 2, x->user_id);
    gk_sq_bind_text(q, 3, x->user);
    gk_sq_bind_text(q, 4, x->role);
    gk_sq_bind_text(q, 5, x->agency ? x->agency : "");
    gk_sq_bind_text(q, 6, x->csrf);
    sqlite3_bind_int64(q, 7, x->created);
    sqlite3_bind_int64(q, 8, x->expires);
    return gk_sq_done(s, q, "session");
}

typedef struct {
    gk_user_session_cb cb;
    void *payload;
    bool found;
} session_ctx;

static int session_row(sqlite3_stmt *q, void *ctx)
{
    session_ctx *c = ctx;
    gk_user_session x;

    c->found = true;
    x.token_hash = gk_sq_text(q, 0);
    x.user_id = sqlite3_column_int64(q, 1);
    x.user = gk_sq_text(q, 2);
    x.role = gk_sq_text(q, 3);
    x.agency = gk_sq_text(q, 4);
    x.csrf = gk_sq_text(q, 5);
    x.created = sqlite3_column_int64(q, 6);
    x.expires = sqlite3_column_int64(q, 7);
    return c->cb(&x, c->payload);
}

int gk_sq_session_get(gk_store *st, const char *token_hash, int64_t now, gk_user_session_cb cb,
                      void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "session_get");
    session_ctx c = {cb, payload, false};
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_SESSION_GET);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, token_hash);
    sqlite3_bind_int64(q, 2, now);
    error = gk_sq_each(s, q, session_row, &c, "session");
    if (error == 0 && !c.found) {
        gk_error_set(GK_ERRCLASS_STORE, "会话不存在或已过期");
        error = GK_ENOTFOUND;
    }
    return error;
}

int gk_sq_session_delete(gk_store *st, const char *token_hash, int64_t user_id)
{
    gk_sq_store *s = gk_sq_downcast(st, "session_delete");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_SESSION_DELETE);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, token_hash);
    sqlite3_bind_int64(q, 2, user_id);
    return gk_sq_done(s, q, "session delete");
}

int gk_sq_session_expire(gk_store *st, int64_t now, int64_t *n_out)
{
    gk_sq_store *s = gk_sq_downcast(st, "session_expire");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_SESSION_EXPIRE);

    *n_out = 0;
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, now);
    error = gk_sq_done(s, q, "session expire");
    if (error == 0)
        *n_out = sqlite3_changes(s->db);
    return error;
}
