/*
 * sqlite.c: the SQLite backend of the store (conventions C5). WAL journal,
 * foreign keys on, synchronous=FULL (an acknowledged commit survives a
 * crash of the process and of the machine), a busy timeout, BEGIN
 * IMMEDIATE transactions (the write lock is taken at begin), and only the
 * prepared statements of sqlite_stmts.def.
 */
#include <stdio.h>
#include "util/util.h"
#include "sqlite_int.h"
#include "pauses.h"

static const struct {
    int version;
    const char *name;
    const char *sql;
} migrations[] = {
#define MIGRATION(n, name, sql) {n, name, sql},
#include "sqlite_migrations.def"
#undef MIGRATION
};

/* ----------------------------------------------------------- lifecycle */

static int pragma(gk_sq_store *s, const char *sql, const char *expect)
{
    sqlite3_stmt *q = NULL;
    int rc, error = 0;

    rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    if (rc != SQLITE_OK)
        return gk_sq_error(s, rc, sql);
    rc = sqlite3_step(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, sql);
    else if (expect && rc == SQLITE_ROW && strcmp(gk_sq_text(q, 0), expect) != 0 &&
             strcmp(gk_sq_text(q, 0), "memory") != 0) {
        gk_error_set(GK_ERRCLASS_STORE, "%s: got '%s'", sql, gk_sq_text(q, 0));
        error = GK_EBACKEND;
    }
    sqlite3_finalize(q);
    return error;
}

static void sqlite_close(gk_store *st)
{
    gk_sq_store *s = gk_sq_downcast(st, "close");
    int i;

    for (i = 0; i < STMT_MAX; i++)
        sqlite3_finalize(s->stmts[i]);
    sqlite3_close(s->db);
    gk_free(s);
}

static int sqlite_open(gk_store **out, const char *path, const gk_store_opts *o)
{
    gk_sq_store *s;
    char timeout[64];
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    int rc, error;

    *out = NULL;
    if (!*path) {
        gk_error_set(GK_ERRCLASS_STORE, "数据库路径为空");
        return GK_EINVALID;
    }
    s = gk_calloc(1, sizeof *s);
    if (!s)
        return gk__oom();
    s->base.be = &gk_store_backend_sqlite;
    /* Only `init` creates the file: any other command on a missing
     * database fails instead of leaving an empty file behind. */
    if (o->no_schema_check)
        flags |= SQLITE_OPEN_CREATE;
    rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        if (s->db)
            gk_error_set(GK_ERRCLASS_STORE, "无法打开数据库 '%s': %s", path, sqlite3_errmsg(s->db));
        else
            gk_error_set(GK_ERRCLASS_STORE, "无法打开数据库 '%s'", path);
        error = rc == SQLITE_CANTOPEN ? GK_ENOTFOUND : GK_EBACKEND;
        goto done;
    }
    sqlite3_extended_result_codes(s->db, 1);
    snprintf(timeout, sizeof timeout, "PRAGMA busy_timeout = %d",
             o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 5000);
    error = pragma(s, timeout, NULL);
    if (error == 0)
        error = pragma(s, "PRAGMA journal_mode = WAL", "wal");
    if (error == 0)
        error = pragma(s, "PRAGMA synchronous = FULL", NULL);
    if (error == 0)
        error = pragma(s, "PRAGMA foreign_keys = ON", NULL);
    /* A 32 MB page cache (SQLite's default is 2 MB) holds the indexes a
     * batch of intakes touches at random (cases.tracking_code, applicants'
     * keys): with 2 MB a large register re-read them through pread for
     * every case. It is an upper bound, filled on use. */
    if (error == 0)
        error = pragma(s, "PRAGMA cache_size = -32768", NULL);
    if (error < 0)
        goto done;
    *out = &s->base;
    s = NULL;
done:
    if (s)
        sqlite_close(&s->base);
    return error;
}

/* --------------------------------------------------------------- schema */

static int sqlite_schema_version(gk_store *st, int *current_out, int *target_out)
{
    gk_sq_store *s = gk_sq_downcast(st, "schema_version");
    sqlite3_stmt *q;
    int error;

    *target_out = (int)GK_ARRAY_LEN(migrations);
    *current_out = 0;
    error = gk_sq_stmt(&q, s, STMT_SCHEMA_HAS_TABLE);
    if (error < 0)
        return error;
    if (sqlite3_step(q) != SQLITE_ROW)
        return gk_sq_error(s, SQLITE_ERROR, "schema");
    if (sqlite3_column_int(q, 0) == 0) {
        sqlite3_reset(q);
        return 0;
    }
    sqlite3_reset(q);
    error = gk_sq_stmt(&q, s, STMT_SCHEMA_VERSION);
    if (error < 0)
        return error;
    if (sqlite3_step(q) != SQLITE_ROW)
        return gk_sq_error(s, SQLITE_ERROR, "schema");
    *current_out = sqlite3_column_int(q, 0);
    sqlite3_reset(q);
    return 0;
}

static int sqlite_migrate_step(gk_store *st, int version)
{
    gk_sq_store *s = gk_sq_downcast(st, "migrate_step");
    char *msg = NULL;
    char now[32];
    sqlite3_stmt *q;
    int rc, error;

    if (version < 1 || version > (int)GK_ARRAY_LEN(migrations) ||
        migrations[version - 1].version != version)
        GK_BUG("migration %d is not numbered in order", version);
    rc = sqlite3_exec(s->db,
                      "CREATE TABLE IF NOT EXISTS gk_schema (version INTEGER PRIMARY KEY,"
                      " name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                      NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, migrations[version - 1].sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        gk_error_set(GK_ERRCLASS_STORE, "%s", msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return GK_EBACKEND;
    }
    /* Statements prepared against the old schema are re-prepared by
     * SQLite automatically; nothing to flush here. */
    error = gk_sq_stmt(&q, s, STMT_SCHEMA_RECORD);
    if (error < 0)
        return error;
    gk_store__now(now);
    sqlite3_bind_int(q, 1, version);
    gk_sq_bind_text(q, 2, migrations[version - 1].name);
    gk_sq_bind_text(q, 3, now);
    return gk_sq_done(s, q, "schema record");
}

/* ---------------------------------------------------------- transactions */

static int run(gk_store *st, int id, const char *what)
{
    gk_sq_store *s = gk_sq_downcast(st, what);
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, id);

    return error < 0 ? error : gk_sq_done(s, q, what);
}

static int sqlite_tx_begin(gk_store *st)
{
    return run(st, STMT_BEGIN, "begin");
}

static int sqlite_tx_commit(gk_store *st)
{
    return run(st, STMT_COMMIT, "commit");
}

static void sqlite_tx_rollback(gk_store *st)
{
    gk_sq_store *s = gk_sq_downcast(st, "rollback");

    /* A failed statement may already have ended the transaction. */
    if (!sqlite3_get_autocommit(s->db) && run(st, STMT_ROLLBACK, "rollback") < 0)
        gk_error_clear();
}

/* ------------------------------------------------------------ agencies */

static int sqlite_agency_put(gk_store *st, const gk_agency *a, int64_t *id_out)
{
    gk_sq_store *s = gk_sq_downcast(st, "agency_put");
    int64_t parent = 0;
    sqlite3_stmt *q;
    int error;

    if (a->parent && *a->parent) {
        error = gk_sq_agency_id(s, a->parent, &parent);
        if (error < 0)
            return error;
    }
    error = gk_sq_stmt(&q, s, STMT_AGENCY_INSERT);
    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, a->code);
    gk_sq_bind_text(q, 2, a->name);
    if (parent)
        sqlite3_bind_int64(q, 3, parent);
    gk_sq_bind_text(q, 4, a->kind ? a->kind : "");
    error = gk_sq_done(s, q, "agency");
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "机关代码 '%s' 已存在", a->code);
    if (error == 0)
        *id_out = sqlite3_last_insert_rowid(s->db);
    return error;
}

static int sqlite_agency_foreach(gk_store *st, gk_agency_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "agency_foreach");
    sqlite3_stmt *q;
    int rc, error;

    error = gk_sq_stmt(&q, s, STMT_AGENCY_LIST);
    if (error < 0)
        return error;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        gk_agency a;
        a.id = sqlite3_column_int64(q, 0);
        a.code = gk_sq_text(q, 1);
        a.name = gk_sq_text(q, 2);
        a.parent = gk_sq_text(q, 3);
        a.kind = gk_sq_text(q, 4);
        error = cb(&a, payload);
        if (error != 0)
            break;
    }
    if (error == 0 && rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, "agencies");
    sqlite3_reset(q);
    return error;
}

/* --------------------------------------------------------------- cases */

static int bind_case_state(sqlite3_stmt *q, const gk_case *c, const int idx[14])
{
    gk_buf p = GK_BUF_INIT;
    int error = gk_store__pauses_format(&p, c);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, idx[0], gk_case_state_key(c->state));
    gk_sq_bind_text(q, idx[1], gk_case_state_key(c->resume_state));
    gk_sq_bind_date(q, idx[2], c->last_event);
    gk_sq_bind_date(q, idx[3], c->clock_start);
    sqlite3_bind_int(q, idx[4], c->correction_requested);
    gk_sq_bind_date(q, idx[5], c->correction_notice);
    sqlite3_bind_int(q, idx[6], c->ext_days);
    gk_sq_bind_text(q, idx[7], c->ext_approver ? c->ext_approver : "");
    gk_sq_bind_date(q, idx[8], c->deferred_to);
    gk_sq_bind_text(q, idx[9], gk_buf_cstr(&p));
    sqlite3_bind_int(q, idx[10], c->pause_open);
    sqlite3_bind_int64(q, idx[11], c->fee_yuan);
    gk_sq_bind_text(q, idx[12], c->outcome >= 0 ? gk_t3_row_key(c->outcome) : NULL);
    gk_sq_bind_date(q, idx[13], c->concluded);
    gk_buf_release(&p);
    return 0;
}

static int sqlite_case_insert(gk_store *st, gk_case *c, const char *applicant_key)
{
    static const int state_idx[14] = {14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};
    gk_sq_store *s = gk_sq_downcast(st, "case_insert");
    int64_t agency = 0, applicant = 0;
    sqlite3_stmt *q;
    int rc, error;

    error = gk_sq_agency_id(s, c->agency, &agency);
    if (error < 0)
        return error;
    error = gk_sq_stmt(&q, s, STMT_APPLICANT_UPSERT);
    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, applicant_key);
    gk_sq_bind_text(q, 2, gk_applicant_type_key(c->applicant_type));
    gk_sq_bind_text(q, 3, c->applicant);
    rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        error = gk_sq_error(s, rc, "applicant");
        sqlite3_reset(q);
        return error;
    }
    applicant = sqlite3_column_int64(q, 0);
    error = gk_sq_done(s, q, "applicant");
    if (error < 0)
        return error;

    error = gk_sq_stmt(&q, s, STMT_CASE_INSERT);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, agency);
    /* An empty ledger number gets a unique placeholder (the tracking code)
     * until store.c numbers it from the id. */
    gk_sq_bind_text(q, 2, c->tracking_no && *c->tracking_no ? c->tracking_no : c->tracking_code);
    gk_sq_bind_text(q, 3, c->tracking_code);
    sqlite3_bind_int64(q, 4, applicant);
    gk_sq_bind_text(q, 5, gk_applicant_type_key(c->applicant_type));
    gk_sq_bind_text(q, 6, c->applicant);
    gk_sq_bind_text(q, 7, c->applicant_id ? c->applicant_id : "");
    gk_sq_bind_text(q, 8, c->contact ? c->contact : "");
    gk_sq_bind_text(q, 9, c->description ? c->description : "");
    gk_sq_bind_text(q, 10, c->form ? c->form : "");
    gk_sq_bind_text(q, 11, gk_channel_key(c->channel));
    gk_sq_bind_date(q, 12, c->arrival);
    gk_sq_bind_date(q, 13, c->received);
    error = bind_case_state(q, c, state_idx);
    if (error < 0)
        return error;
    error = gk_sq_done(s, q, "case");
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "机关 '%s' 已有登记号为 '%s' 的申请", c->agency,
                     c->tracking_no);
    if (error == 0)
        c->id = sqlite3_last_insert_rowid(s->db);
    return error;
}

static int sqlite_case_update(gk_store *st, const gk_case *c)
{
    static const int state_idx[14] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    gk_sq_store *s = gk_sq_downcast(st, "case_update");
    sqlite3_stmt *q;
    int error;

    error = gk_sq_stmt(&q, s, STMT_CASE_UPDATE);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, c->id);
    gk_sq_bind_text(q, 2, c->tracking_no);
    error = bind_case_state(q, c, state_idx);
    if (error < 0)
        return error;
    error = gk_sq_done(s, q, "case update");
    if (error == 0 && sqlite3_changes(s->db) != 1) {
        gk_error_set(GK_ERRCLASS_STORE, "case %lld not found", (long long)c->id);
        error = GK_ENOTFOUND;
    }
    return error;
}

static int sqlite_case_number_set(gk_store *st, int64_t case_id, const char *tracking_no)
{
    gk_sq_store *s = gk_sq_downcast(st, "case_number_set");
    sqlite3_stmt *q;
    int error;

    error = gk_sq_stmt(&q, s, STMT_CASE_NUMBER_SET);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, case_id);
    gk_sq_bind_text(q, 2, tracking_no);
    error = gk_sq_done(s, q, "case number");
    if (error == 0 && sqlite3_changes(s->db) != 1) {
        gk_error_set(GK_ERRCLASS_STORE, "case %lld not found", (long long)case_id);
        error = GK_ENOTFOUND;
    }
    return error;
}

static void case_from_row(gk_case *c, sqlite3_stmt *q)
{
    const char *code = gk_sq_text(q, 3);
    int v;

    gk_case_init(c);
    c->id = sqlite3_column_int64(q, 0);
    c->agency = gk_sq_text(q, 1);
    c->tracking_no = gk_sq_text(q, 2);
    snprintf(c->tracking_code, sizeof c->tracking_code, "%s", code);
    v = gk_applicant_type_from_label(gk_sq_text(q, 4), strlen(gk_sq_text(q, 4)));
    c->applicant_type = v >= 0 ? (gk_applicant_type)v : GK_APPLICANT_OTHER;
    c->applicant = gk_sq_text(q, 5);
    c->applicant_id = gk_sq_text(q, 6);
    c->contact = gk_sq_text(q, 7);
    c->description = gk_sq_text(q, 8);
    c->form = gk_sq_text(q, 9);
    v = gk_channel_from_label(gk_sq_text(q, 10), strlen(gk_sq_text(q, 10)));
    c->channel = v >= 0 ? (gk_channel)v : GK_CHANNEL_OTHER;
    c->arrival = gk_sq_date(q, 11);
    c->received = gk_sq_date(q, 12);
    v = gk_case_state_from_key(gk_sq_text(q, 13), strlen(gk_sq_text(q, 13)));
    c->state = v >= 0 ? (gk_case_state)v : GK_CASE_RECEIVED;
    v = gk_case_state_from_key(gk_sq_text(q, 14), strlen(gk_sq_text(q, 14)));
    c->resume_state = v >= 0 ? (gk_case_state)v : GK_CASE_IN_PROGRESS;
    c->last_event = gk_sq_date(q, 15);
    c->clock_start = gk_sq_date(q, 16);
    c->correction_requested = sqlite3_column_int(q, 17) != 0;
    c->correction_notice = gk_sq_date(q, 18);
    c->ext_days = sqlite3_column_int(q, 19);
    c->ext_approver = gk_sq_text(q, 20);
    c->deferred_to = gk_sq_date(q, 21);
    gk_store__pauses_parse(c, gk_sq_text(q, 22));
    c->pause_open = sqlite3_column_int(q, 23) != 0 && c->npauses > 0;
    c->fee_yuan = sqlite3_column_int64(q, 24);
    c->outcome = sqlite3_column_type(q, 25) == SQLITE_NULL
                     ? -1
                     : gk_store__key_index(gk_t3_row_key, GK_T3_NROWS, gk_sq_text(q, 25));
    c->concluded = gk_sq_date(q, 26);
}

static int sqlite_case_foreach(gk_store *st, const gk_case_query *cq, gk_case_cb cb,
                               void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "case_foreach");
    sqlite3_stmt *q;
    int rc, error;

    if (cq->tracking_code) {
        error = gk_sq_stmt(&q, s, STMT_CASE_BY_CODE);
        if (error < 0)
            return error;
        gk_sq_bind_text(q, 1, cq->tracking_code);
    } else if (cq->tracking_no) {
        error = gk_sq_stmt(&q, s, STMT_CASE_BY_NO);
        if (error < 0)
            return error;
        gk_sq_bind_text(q, 1, cq->tracking_no);
        gk_sq_bind_text(q, 2, cq->agency);
    } else {
        error = gk_sq_stmt(&q, s, STMT_CASE_LIST);
        if (error < 0)
            return error;
        gk_sq_bind_text(q, 1, cq->agency);
        sqlite3_bind_int(q, 2, cq->open_only);
        sqlite3_bind_int64(q, 3, cq->limit > 0 ? cq->limit : -1);
    }
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        gk_case c;
        case_from_row(&c, q);
        error = cb(&c, payload);
        if (error != 0)
            break;
    }
    if (error == 0 && rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, "cases");
    sqlite3_reset(q);
    return error;
}

/* -------------------------------------------------------------- events */

static int sqlite_event_last(gk_store *st, int64_t *id_out, char hash_out[65])
{
    gk_sq_store *s = gk_sq_downcast(st, "event_last");
    sqlite3_stmt *q;
    int rc, error;

    *id_out = 0;
    hash_out[0] = '\0';
    error = gk_sq_stmt(&q, s, STMT_EVENT_LAST);
    if (error < 0)
        return error;
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        *id_out = sqlite3_column_int64(q, 0);
        snprintf(hash_out, 65, "%s", gk_sq_text(q, 1));
    } else if (rc != SQLITE_DONE) {
        error = gk_sq_error(s, rc, "events");
    }
    sqlite3_reset(q);
    return error;
}

static int sqlite_event_insert(gk_store *st, const gk_store_event *e)
{
    gk_sq_store *s = gk_sq_downcast(st, "event_insert");
    sqlite3_stmt *q;
    int error;

    error = gk_sq_stmt(&q, s, STMT_EVENT_INSERT);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, e->id);
    gk_sq_bind_text(q, 2, e->at);
    gk_sq_bind_text(q, 3, e->actor);
    gk_sq_bind_text(q, 4, e->agency);
    gk_sq_bind_text(q, 5, e->entity);
    sqlite3_bind_int64(q, 6, e->entity_id);
    gk_sq_bind_text(q, 7, e->action);
    gk_sq_bind_text(q, 8, e->before);
    gk_sq_bind_text(q, 9, e->after);
    gk_sq_bind_text(q, 10, e->prev_hash);
    gk_sq_bind_text(q, 11, e->hash);
    return gk_sq_done(s, q, "event");
}

/* Calls cb for every row of the prepared event query q, then resets q. */
static int event_rows(gk_sq_store *s, sqlite3_stmt *q, gk_store_event_cb cb, void *payload)
{
    int rc, error = 0;

    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        gk_store_event e;
        e.id = sqlite3_column_int64(q, 0);
        e.at = gk_sq_text(q, 1);
        e.actor = gk_sq_text(q, 2);
        e.agency = gk_sq_text(q, 3);
        e.entity = gk_sq_text(q, 4);
        e.entity_id = sqlite3_column_int64(q, 5);
        e.action = gk_sq_text(q, 6);
        e.before = gk_sq_text(q, 7);
        e.after = gk_sq_text(q, 8);
        e.prev_hash = gk_sq_text(q, 9);
        e.hash = gk_sq_text(q, 10);
        error = cb(&e, payload);
        if (error != 0)
            break;
    }
    if (error == 0 && rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, "events");
    sqlite3_reset(q);
    return error < 0 ? error : 0;
}

static int sqlite_event_foreach(gk_store *st, gk_store_event_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "event_foreach");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_EVENT_LIST);

    return error < 0 ? error : event_rows(s, q, cb, payload);
}

static int sqlite_event_entity_foreach(gk_store *st, const char *entity, int64_t entity_id,
                                       gk_store_event_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "event_entity_foreach");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_EVENT_ENTITY);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, entity);
    sqlite3_bind_int64(q, 2, entity_id);
    return event_rows(s, q, cb, payload);
}

/* ------------------------------------------------------------- table 3 */

static int sqlite_t3_counts(gk_store *st, int year, const char *agency, gk_t3_counts counts)
{
    gk_sq_store *s = gk_sq_downcast(st, "t3_counts");
    sqlite3_stmt *q;
    int rc, error;

    error = gk_sq_year_stmt(&q, s, STMT_T3_FLOW, year, agency);
    if (error < 0)
        return error;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int t = gk_store__key_index(gk_applicant_type_key, GK_APPLICANT_NTYPES, gk_sq_text(q, 0));
        if (t < 0)
            continue; /* the CHECK constraint makes this impossible */
        counts[GK_T3_NEW][t] += sqlite3_column_int64(q, 1);
        counts[GK_T3_CARRIED_IN][t] += sqlite3_column_int64(q, 2);
        counts[GK_T3_CARRIED_OUT][t] += sqlite3_column_int64(q, 3);
    }
    if (rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, "table 3");
    sqlite3_reset(q);
    if (error < 0)
        return error;

    error = gk_sq_year_stmt(&q, s, STMT_T3_RESULTS, year, agency);
    if (error < 0)
        return error;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int t = gk_store__key_index(gk_applicant_type_key, GK_APPLICANT_NTYPES, gk_sq_text(q, 0));
        int row = gk_store__key_index(gk_t3_row_key, GK_T3_NROWS, gk_sq_text(q, 1));
        if (t < 0 || row < GK_T3_FIRST_RESULT || row > GK_T3_LAST_RESULT) {
            gk_error_set(GK_ERRCLASS_STORE, "办结的申请有无效的办理结果 '%s'", gk_sq_text(q, 1));
            error = GK_EBACKEND;
            break;
        }
        counts[row][t] += sqlite3_column_int64(q, 2);
    }
    if (error == 0 && rc != SQLITE_DONE)
        error = gk_sq_error(s, rc, "table 3");
    sqlite3_reset(q);
    return error;
}

const gk_store_backend gk_store_backend_sqlite = {
    .version = GK_STORE_BACKEND_VERSION,
    .name = "sqlite",
    .open = sqlite_open,
    .close = sqlite_close,
    .schema_version = sqlite_schema_version,
    .migrate_step = sqlite_migrate_step,
    .tx_begin = sqlite_tx_begin,
    .tx_commit = sqlite_tx_commit,
    .tx_rollback = sqlite_tx_rollback,
    .agency_put = sqlite_agency_put,
    .agency_foreach = sqlite_agency_foreach,
    .case_insert = sqlite_case_insert,
    .case_update = sqlite_case_update,
    .case_number_set = sqlite_case_number_set,
    .case_foreach = sqlite_case_foreach,
    .event_last = sqlite_event_last,
    .event_insert = sqlite_event_insert,
    .event_foreach = sqlite_event_foreach,
    .t3_counts = sqlite_t3_counts,
    GK_STORE_V2_TABLE(gk_sq_),
    .event_entity_foreach = sqlite_event_entity_foreach,
    GK_STORE_USER_TABLE(gk_sq_),
    GK_STORE_REVIEW3_TABLE(gk_sq_),
    GK_STORE_SPLIT_TABLE(gk_sq_),
    GK_STORE_SEARCH_TABLE(gk_sq_),
};
