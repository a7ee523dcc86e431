/*
 * store_users.c: the staff accounts and their sessions (store.h "staff
 * accounts"): checks, the transactions, and the audit events of account
 * changes. The password hash never enters an event: the image says only
 * whether the password was set, changed or left unchanged.
 *
 * Sessions are not audited (a sign-in is not a change of the registers,
 * and a row per request would flood the chain); they are written inside a
 * transaction all the same, so the backend's write lock orders them.
 */
#include <stdio.h>
#include "util/util.h"
#include "core/json_field.h"
#include "store_int.h"

#define ARGON2ID_PREFIX "$argon2id$"

/* A name of 1..GK_USER_NAME_MAX bytes without control characters (it is
 * shown in pages and written into audit events and log lines). */
static bool name_ok(const char *name)
{
    size_t i, n = name ? strlen(name) : 0;

    if (n == 0 || n > GK_USER_NAME_MAX)
        return false;
    for (i = 0; i < n; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            return false;
    return true;
}

/* A role key: 1..31 lower-case ASCII letters (the keys of http.h). */
static bool role_ok(const char *role)
{
    size_t i, n = role ? strlen(role) : 0;

    if (n == 0 || n > 31)
        return false;
    for (i = 0; i < n; i++)
        if (role[i] < 'a' || role[i] > 'z')
            return false;
    return true;
}

static int check_user(const gk_user *u, bool adding)
{
    if (!name_ok(u->name)) {
        gk_error_set(GK_ERRCLASS_INVALID, "用户名须为 1 至 %d 字节且不含控制字符",
                     GK_USER_NAME_MAX);
        return GK_EINVALID;
    }
    if (!role_ok(u->role)) {
        gk_error_set(GK_ERRCLASS_INVALID, "无效的角色 '%s'", u->role ? u->role : "");
        return GK_EINVALID;
    }
    if (u->agency && strlen(u->agency) > 64) {
        gk_error_set(GK_ERRCLASS_INVALID, "机关代码过长");
        return GK_EINVALID;
    }
    /* Only a hash is ever stored: a plain password given by mistake is
     * refused here, not written. */
    if ((adding || u->pwhash) &&
        (!u->pwhash || strncmp(u->pwhash, ARGON2ID_PREFIX, strlen(ARGON2ID_PREFIX)) != 0 ||
         strlen(u->pwhash) > 255)) {
        gk_error_set(GK_ERRCLASS_INVALID, "密码须以 argon2id 哈希形式保存");
        return GK_EINVALID;
    }
    return 0;
}

/* The audit image of an account: never the hash, only what happened to
 * the password. */
static int user_json(gk_buf *b, const gk_user *u, const char *password)
{
    int error = gk_buf_putc(b, '{');

    if (error == 0)
        error = gk__json_str(b, "name", u->name);
    if (error == 0)
        error = gk__json_str(b, "role", u->role);
    if (error == 0)
        error = gk__json_str(b, "agency", u->agency ? u->agency : "");
    if (error == 0)
        error = gk_buf_puts(b, u->disabled ? "\"disabled\":true," : "\"disabled\":false,");
    if (error == 0)
        error = gk__json_str(b, "password", password);
    if (error == 0)
        error = gk__json_end(b);
    return error;
}

int gk_store_user_add(gk_store *st, gk_user *u)
{
    gk_user n;
    gk_buf js = GK_BUF_INIT;
    char now[32];
    int error;

    GK_ASSERT_ARG(st && u);
    error = check_user(u, true);
    if (error < 0)
        return error;
    n = *u;
    n.agency = u->agency ? u->agency : "";
    gk_store__now(now);
    n.created = now;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->user_insert(st, &n);
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "用户“%s”已存在", u->name);
    if (error == 0)
        error = user_json(&js, &n, "set");
    if (error == 0)
        error = gk_store__audit(st, n.agency, "user", n.id, "create", "", gk_buf_cstr(&js));
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    else
        u->id = n.id;
    gk_buf_release(&js);
    return error;
}

/* The stored account, copied for the update (strings into b). */
typedef struct {
    gk_user u;
    gk_buf b;
    size_t name, role, agency, pwhash, created;
    bool found;
} user_copy;

static int keep(gk_buf *b, size_t *off, const char *s)
{
    *off = b->len;
    return gk_buf_put(b, s, strlen(s) + 1);
}

static int copy_user(const gk_user *u, void *payload)
{
    user_copy *c = payload;
    int error;

    c->found = true;
    c->u = *u;
    error = keep(&c->b, &c->name, u->name);
    if (error == 0)
        error = keep(&c->b, &c->role, u->role);
    if (error == 0)
        error = keep(&c->b, &c->agency, u->agency);
    if (error == 0)
        error = keep(&c->b, &c->pwhash, u->pwhash);
    if (error == 0)
        error = keep(&c->b, &c->created, u->created);
    if (error < 0)
        return error;
    c->u.name = c->b.ptr + c->name;
    c->u.role = c->b.ptr + c->role;
    c->u.agency = c->b.ptr + c->agency;
    c->u.pwhash = c->b.ptr + c->pwhash;
    c->u.created = c->b.ptr + c->created;
    return 0;
}

int gk_store_user_update(gk_store *st, const gk_user *u)
{
    static const gk_buf empty = GK_BUF_INIT;
    user_copy old;
    gk_user n;
    gk_buf before = GK_BUF_INIT, after = GK_BUF_INIT;
    const char *pw;
    int error;

    GK_ASSERT_ARG(st && u);
    memset(&old, 0, sizeof old);
    old.b = empty;
    error = check_user(u, false);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->user_foreach(st, u->name, copy_user, &old);
    if (error == 0 && !old.found) {
        gk_error_set(GK_ERRCLASS_STORE, "用户“%s”不存在", u->name);
        error = GK_ENOTFOUND;
    }
    if (error < 0)
        goto done;
    n = *u;
    n.id = old.u.id;
    n.name = old.u.name;
    n.agency = u->agency ? u->agency : "";
    n.created = old.u.created;
    pw = !u->pwhash ? "unchanged" : strcmp(u->pwhash, old.u.pwhash) ? "changed" : "unchanged";
    error = st->be->user_update(st, &n);
    /* A session carries the role and agency of its sign-in: every change
     * of the account ends them (a no-op update too: simpler than proving
     * nothing changed, and harmless). */
    if (error == 0)
        error = st->be->session_delete(st, NULL, n.id);
    if (error == 0)
        error = user_json(&before, &old.u, "unchanged");
    if (error == 0)
        error = user_json(&after, &n, pw);
    if (error == 0)
        error = gk_store__audit(st, n.agency, "user", n.id, "update", gk_buf_cstr(&before),
                                gk_buf_cstr(&after));
    if (error == 0)
        error = gk_store_tx_commit(st);
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    gk_buf_release(&before);
    gk_buf_release(&after);
    gk_buf_release(&old.b);
    return error;
}

typedef struct {
    gk_user_cb cb;
    void *payload;
    bool found;
} find_ctx;

static int found_user(const gk_user *u, void *payload)
{
    find_ctx *f = payload;

    f->found = true;
    return f->cb(u, f->payload);
}

int gk_store_user_find(gk_store *st, const char *name, gk_user_cb cb, void *payload)
{
    find_ctx f = {cb, payload, false};
    int error;

    GK_ASSERT_ARG(st && name && cb);
    error = st->be->user_foreach(st, name, found_user, &f);
    if (error == 0 && !f.found) {
        gk_error_set(GK_ERRCLASS_STORE, "用户“%s”不存在", name);
        error = GK_ENOTFOUND;
    }
    return error;
}

int gk_store_user_foreach(gk_store *st, gk_user_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    return st->be->user_foreach(st, NULL, cb, payload);
}

/* ------------------------------------------------------------ sessions */

/* 64 lower-case hex digits: a hash, never a raw cookie token (43
 * base64url characters), so a token cannot be stored by mistake. */
static bool hash_ok(const char *h)
{
    size_t i;

    if (!h || strlen(h) != 64)
        return false;
    for (i = 0; i < 64; i++)
        if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
            return false;
    return true;
}

static int bad_hash(void)
{
    gk_error_set(GK_ERRCLASS_INVALID, "会话标识须为 64 位十六进制哈希");
    return GK_EINVALID;
}

int gk_store_session_add(gk_store *st, const gk_user_session *s)
{
    int64_t n = 0;
    int error;

    GK_ASSERT_ARG(st && s);
    if (!hash_ok(s->token_hash))
        return bad_hash();
    if (!name_ok(s->user) || !role_ok(s->role) || !s->csrf || !*s->csrf ||
        s->expires <= s->created) {
        gk_error_set(GK_ERRCLASS_INVALID, "会话记录不完整或有效期无效");
        return GK_EINVALID;
    }
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->session_expire(st, s->created, &n);
    if (error == 0)
        error = st->be->session_insert(st, s);
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    return error;
}

int gk_store_session_get(gk_store *st, const char *token_hash, int64_t now,
                         gk_user_session_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    if (!hash_ok(token_hash))
        return bad_hash();
    return st->be->session_get(st, token_hash, now, cb, payload);
}

int gk_store_session_delete(gk_store *st, const char *token_hash)
{
    int error;

    GK_ASSERT_ARG(st);
    if (!hash_ok(token_hash))
        return bad_hash();
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->session_delete(st, token_hash, 0);
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    return error;
}

int gk_store_session_expire(gk_store *st, int64_t now, int64_t *n_out)
{
    int64_t n = 0;
    int error;

    GK_ASSERT_ARG(st);
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->session_expire(st, now, &n);
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    else if (n_out)
        *n_out = n;
    return error;
}
