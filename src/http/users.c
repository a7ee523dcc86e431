/*
 * users.c: staff accounts. They are kept by the store (store.h "staff
 * accounts": SQLite or PostgreSQL, audited); this file checks the input,
 * hashes the password with argon2id (password.c, bounded concurrency)
 * and maps gk_role to the store's role keys. Login reads the account
 * through the worker thread's store handle (no connection per login).
 */
#include <sodium.h>
#include <stdio.h>
#include "gk/store.h"
#include "http_int.h"

static int check(const char *name, gk_role role, const char *agency, const char *password)
{
    if (!name || !*name || strlen(name) >= sizeof(((gk_http_user *)0)->name)) {
        gk_error_set(GK_ERRCLASS_INVALID, "用户名不能为空且不超过 63 字节");
        return GK_EINVALID;
    }
    if ((unsigned)role >= GK_ROLE_COUNT) {
        gk_error_set(GK_ERRCLASS_INVALID, "未知角色");
        return GK_EINVALID;
    }
    if (agency && strlen(agency) >= sizeof(((gk_http_user *)0)->agency)) {
        gk_error_set(GK_ERRCLASS_INVALID, "机关代码过长");
        return GK_EINVALID;
    }
    /* Only 管理员 and 督查 may work without an agency (they see all). */
    if ((!agency || !*agency) && role != GK_ROLE_ADMIN && role != GK_ROLE_SUPERVISOR) {
        gk_error_set(GK_ERRCLASS_INVALID, "角色“%s”必须指定 --agency", gk_role_name(role));
        return GK_EINVALID;
    }
    if (!password || strlen(password) < 8 || strlen(password) > 1024) {
        gk_error_set(GK_ERRCLASS_INVALID, "密码长度须为 8 至 1024 字节");
        return GK_EINVALID;
    }
    return 0;
}

int gk_user_add_to(gk_store *st, const char *name, gk_role role, const char *agency,
                   const char *password)
{
    char hash[crypto_pwhash_STRBYTES];
    gk_user u;
    int error;

    GK_ASSERT_ARG(st);
    error = check(name, role, agency, password);
    if (error < 0)
        return error;
    error = gk_http__password_hash(hash, sizeof(hash), password);
    if (error < 0)
        return error;
    memset(&u, 0, sizeof(u));
    u.name = name;
    u.role = gk_role_key(role);
    u.agency = agency ? agency : "";
    u.pwhash = hash;
    error = gk_store_user_add(st, &u);
    sodium_memzero(hash, sizeof(hash));
    return error;
}

int gk_user_add(const char *dsn, const char *name, gk_role role, const char *agency,
                const char *password)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    int error;

    /* Checked before the database is touched (or created). */
    error = check(name, role, agency, password);
    if (error < 0)
        return error;
    /* Like the accounts table this call created before the store kept
     * accounts: a missing database is created and migrated. */
    o.no_schema_check = true;
    error = gk_store_open(&st, dsn, &o);
    if (error == 0)
        error = gk_store_migrate(st, NULL, NULL);
    if (error == 0)
        error = gk_user_add_to(st, name, role, agency, password);
    gk_store_close(st);
    return error;
}

/* Copies an account into the fixed-size form of the login. */
static int copy_user(const gk_user *u, void *payload)
{
    gk_http_user *out = payload;
    int r = gk_role_from_name(u->role);

    if (r < 0) {
        gk_error_set(GK_ERRCLASS_STORE, "user record with unknown role '%s'", u->role);
        return GK_EBACKEND;
    }
    if (strlen(u->name) >= sizeof(out->name) || strlen(u->agency) >= sizeof(out->agency) ||
        strlen(u->pwhash) >= sizeof(out->pwhash)) {
        gk_error_set(GK_ERRCLASS_STORE, "corrupt user record");
        return GK_EBACKEND;
    }
    out->id = u->id;
    memcpy(out->name, u->name, strlen(u->name) + 1);
    out->role = (gk_role)r;
    memcpy(out->agency, u->agency, strlen(u->agency) + 1);
    memcpy(out->pwhash, u->pwhash, strlen(u->pwhash) + 1);
    /* A disabled account signs in as an unknown one would not. */
    return u->disabled ? GK_ENOTFOUND : 0;
}

int gk_http__user_find(gk_server *srv, const char *name, gk_http_user *out)
{
    gk_store *st;
    int error;

    memset(out, 0, sizeof(*out));
    error = gk_http__thread_store(srv, &st, NULL);
    if (error == 0)
        error = gk_store_user_find(st, name, copy_user, out);
    if (error == GK_ENOTFOUND) {
        sodium_memzero(out->pwhash, sizeof(out->pwhash));
        gk_error_set(GK_ERRCLASS_STORE, "no such user");
    }
    return error;
}
