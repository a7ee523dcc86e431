/*
 * users.c: staff accounts. store.h has no accounts yet, so this file keeps
 * them in a table of its own (gk_http_users) in the registers' SQLite file,
 * behind two calls (gk_user_add, gk_http__user_find) that the store can
 * take over without touching the router or the handlers. Prepared
 * statements only. A connection is opened per call: accounts are read at
 * login only, which argon2id makes slow on purpose anyway.
 */
#include <sodium.h>
#include <sqlite3.h>
#include "http_int.h"

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS gk_http_users ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL,"
    " agency TEXT NOT NULL DEFAULT '',"
    " pwhash TEXT NOT NULL,"
    " created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";

static int db_fail(sqlite3 *db, const char *what)
{
    gk_error_set(GK_ERRCLASS_STORE, "%s: %s", what, db ? sqlite3_errmsg(db) : "cannot open");
    return GK_EBACKEND;
}

static int db_open(sqlite3 **out, const char *path, bool create)
{
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
    int error = 0;

    *out = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        error = db_fail(db, path);
        goto done;
    }
    sqlite3_busy_timeout(db, 5000);
    if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK) {
        error = db_fail(db, "cannot create the users table");
        goto done;
    }
    *out = db;
    db = NULL;
done:
    sqlite3_close(db);
    return error;
}

int gk_user_add(const char *db_path, const char *name, gk_role role, const char *agency,
                const char *password)
{
    char hash[crypto_pwhash_STRBYTES];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int error, rc;

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
    error = gk_http__password_hash(hash, sizeof(hash), password);
    if (error < 0)
        goto done;
    error = db_open(&db, db_path, true);
    if (error < 0)
        goto done;
    if (sqlite3_prepare_v2(db, "INSERT INTO gk_http_users(name, role, agency, pwhash) "
                               "VALUES (?1, ?2, ?3, ?4)",
                           -1, &st, NULL) != SQLITE_OK) {
        error = db_fail(db, "cannot add the user");
        goto done;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, gk_role_key(role), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, agency ? agency : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_CONSTRAINT) {
        gk_error_set(GK_ERRCLASS_STORE, "用户“%s”已存在", name);
        error = GK_EEXISTS;
    } else if (rc != SQLITE_DONE) {
        error = db_fail(db, "cannot add the user");
    }
done:
    sqlite3_finalize(st);
    sqlite3_close(db);
    return error;
}

/* Copies a column into a fixed field; false when it does not fit. */
static bool copy_col(char *dst, size_t n, sqlite3_stmt *st, int col)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    size_t len = v ? (size_t)sqlite3_column_bytes(st, col) : 0;

    if (len >= n)
        return false;
    if (len)
        memcpy(dst, v, len);
    dst[len] = '\0';
    return true;
}

int gk_http__user_find(const char *db_path, const char *name, gk_http_user *out)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    char role[32];
    int error, rc, r;

    memset(out, 0, sizeof(*out));
    error = db_open(&db, db_path, false);
    if (error < 0)
        goto done;
    if (sqlite3_prepare_v2(db, "SELECT id, name, role, agency, pwhash FROM gk_http_users "
                               "WHERE name = ?1",
                           -1, &st, NULL) != SQLITE_OK) {
        error = db_fail(db, "cannot read the users");
        goto done;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        gk_error_set(GK_ERRCLASS_STORE, "no such user");
        error = GK_ENOTFOUND;
        goto done;
    }
    if (rc != SQLITE_ROW) {
        error = db_fail(db, "cannot read the users");
        goto done;
    }
    out->id = sqlite3_column_int64(st, 0);
    if (!copy_col(out->name, sizeof(out->name), st, 1) || !copy_col(role, sizeof(role), st, 2) ||
        !copy_col(out->agency, sizeof(out->agency), st, 3) ||
        !copy_col(out->pwhash, sizeof(out->pwhash), st, 4)) {
        gk_error_set(GK_ERRCLASS_STORE, "corrupt user record");
        error = GK_EBACKEND;
        goto done;
    }
    r = gk_role_from_name(role);
    if (r < 0) {
        gk_error_set(GK_ERRCLASS_STORE, "user record with unknown role '%s'", role);
        error = GK_EBACKEND;
        goto done;
    }
    out->role = (gk_role)r;
done:
    sqlite3_finalize(st);
    sqlite3_close(db);
    return error;
}
