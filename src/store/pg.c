/*
 * pg.c: the PostgreSQL backend of the store (conventions C5), for a
 * register shared by several server processes (issue 6). libpq, one
 * connection per store, the prepared statements of pg_stmts.def only,
 * transactions BEGIN … COMMIT with the write lock (a transaction-scoped
 * advisory lock) taken at begin, and the numbered migrations of
 * pg_migrations.def, which mirror the SQLite ones.
 *
 * Compiled only when CMake found libpq (GK_WITH_PG); otherwise this file
 * is empty and store.c reports "PostgreSQL backend not built".
 *
 * Results are fetched whole (no single-row mode), so a foreach callback
 * may run other statements on the same connection: store.c's case_apply
 * updates the case and appends the audit event from inside the walk.
 */
#ifdef GK_WITH_PG

#include <libpq-fe.h>
#include <stdio.h>
#include "util/util.h"
#include "pg_int.h"
#include "pauses.h"

static const struct {
    int version;
    const char *name;
    const char *sql;
} migrations[] = {
#define MIGRATION(n, name, sql) {n, name, sql},
#include "pg_migrations.def"
#undef MIGRATION
};

/* Rows per page of the event walk. */
#define EVENT_PAGE_ROWS 1000

/* ----------------------------------------------------------- lifecycle */

static void pg_close(gk_store *st)
{
    gk_pg_store *s = gk_pg_downcast(st, "close");

    PQfinish(s->conn);
    gk_free(s);
}

/* Server NOTICEs (e.g. "relation gk_schema already exists, skipping")
 * are not errors and must not reach the user's terminal. */
static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* "主机 db.example, 端口 5432" or "套接字目录 /run/postgresql, 端口 5432":
 * where the failed connection went, without the password of the DSN. */
static void describe_target(char *out, size_t n, PGconn *conn)
{
    const char *host = conn ? PQhost(conn) : NULL;
    const char *port = conn ? PQport(conn) : NULL;

    if (!host || !*host)
        host = "（默认套接字）";
    if (!port || !*port)
        port = "5432";
    snprintf(out, n, "%s %s，端口 %s", host[0] == '/' ? "套接字目录" : "主机", host, port);
}

static int pg_open(gk_store **out, const char *dsn, const gk_store_opts *o)
{
    /* Keys before "dbname" are defaults the DSN may override; keys after
     * it override the DSN (libpq processes them in order). */
    static const char *const keys[] = {"connect_timeout", "dbname", "client_encoding",
                                       "fallback_application_name", NULL};
    const char *vals[] = {"10", dsn, "UTF8", "gongkai", NULL};
    PQconninfoOption *parsed;
    char *perr = NULL;
    char timeout[32], where[300];
    gk_pg_store *s = NULL;
    PGresult *res = NULL;
    gk_pg_params p = {0};
    int error;

    *out = NULL;
    /* A malformed DSN is the caller's mistake, not a server failure. */
    parsed = PQconninfoParse(dsn, &perr);
    if (!parsed) {
        gk_pg_set_error("PostgreSQL 连接串无效", perr ? perr : "out of memory");
        PQfreemem(perr);
        return perr ? GK_EINVALID : gk__oom();
    }
    PQconninfoFree(parsed);

    s = gk_calloc(1, sizeof *s);
    if (!s)
        return gk__oom();
    s->base.be = &gk_store_backend_pg;
    s->conn = PQconnectdbParams(keys, vals, 1);
    if (!s->conn) {
        error = gk__oom();
        goto done;
    }
    if (PQstatus(s->conn) != CONNECTION_OK) {
        char what[400];
        describe_target(where, sizeof where, s->conn);
        snprintf(what, sizeof what, "无法连接 PostgreSQL（%s）", where);
        gk_pg_set_error(what, PQerrorMessage(s->conn));
        error = GK_EBACKEND;
        goto done;
    }
    PQsetNoticeProcessor(s->conn, ignore_notice, NULL);
    /* The busy timeout of the SQLite backend becomes lock_timeout: a
     * writer waits this long for another one, then fails. */
    snprintf(timeout, sizeof timeout, "%dms", o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 5000);
    gk_pg_text(&p, timeout);
    error = gk_pg_run(&res, s, STMT_SESSION, &p, "session");
    if (error < 0)
        goto done;
    /* client_encoding=UTF8 converts, but a SQL_ASCII or GBK database
     * cannot hold every character of the registers. */
    if (strcmp(gk_pg_col_text(res, 0, 2), "UTF8") != 0) {
        gk_error_set(GK_ERRCLASS_STORE,
                     "PostgreSQL 数据库编码为 %s，须为 UTF8（createdb -E UTF8 --locale=C.UTF-8）",
                     gk_pg_col_text(res, 0, 2));
        error = GK_EBACKEND;
        goto done;
    }
    *out = &s->base;
    s = NULL;
done:
    PQclear(res);
    if (s)
        pg_close(&s->base);
    return error;
}

/* --------------------------------------------------------------- schema */

static int pg_schema_version(gk_store *st, int *current_out, int *target_out)
{
    gk_pg_store *s = gk_pg_downcast(st, "schema_version");
    PGresult *res = NULL;
    int error;

    *target_out = (int)GK_ARRAY_LEN(migrations);
    *current_out = 0;
    error = gk_pg_run(&res, s, STMT_SCHEMA_HAS_TABLE, NULL, "schema");
    if (error < 0)
        return error;
    if (!gk_pg_col_bool(res, 0, 0))
        goto done;
    PQclear(res);
    error = gk_pg_run(&res, s, STMT_SCHEMA_VERSION, NULL, "schema");
    if (error < 0)
        return error;
    *current_out = (int)gk_pg_col_i64(res, 0, 0);
done:
    PQclear(res);
    return 0;
}

/* Runs static DDL (several statements, no values): the one place PQexec
 * is used, like sqlite3_exec in the SQLite backend. */
static int exec_ddl(gk_pg_store *s, const char *sql, const char *what)
{
    PGresult *res = PQexec(s->conn, sql);
    int error = 0;

    if (!res || PQresultStatus(res) != PGRES_COMMAND_OK)
        error = gk_pg_error(s, res, what);
    PQclear(res);
    return error;
}

static int pg_migrate_step(gk_store *st, int version)
{
    gk_pg_store *s = gk_pg_downcast(st, "migrate_step");
    PGresult *res = NULL;
    char now[32];
    gk_pg_params p = {0};
    int error;

    if (version < 1 || version > (int)GK_ARRAY_LEN(migrations) ||
        migrations[version - 1].version != version)
        GK_BUG("migration %d is not numbered in order", version);
    error = exec_ddl(s,
                     "CREATE TABLE IF NOT EXISTS gk_schema (version integer PRIMARY KEY,"
                     " name text NOT NULL, applied_at text NOT NULL)",
                     "schema table");
    if (error < 0)
        return error;
    /* Another `gongkai init` may have applied it while this one waited for
     * the write lock (store.c read the version before taking it). */
    error = gk_pg_run(&res, s, STMT_SCHEMA_VERSION, NULL, "schema");
    if (error < 0)
        return error;
    if (gk_pg_col_i64(res, 0, 0) >= version) {
        PQclear(res);
        return 0;
    }
    PQclear(res);
    error = exec_ddl(s, migrations[version - 1].sql, "migrate");
    if (error < 0)
        return error;
    gk_store__now(now);
    gk_pg_i64(&p, version);
    gk_pg_text(&p, migrations[version - 1].name);
    gk_pg_text(&p, now);
    return gk_pg_run_done(s, STMT_SCHEMA_RECORD, &p, "schema record");
}

/* ---------------------------------------------------------- transactions */

static int pg_tx_begin(gk_store *st)
{
    gk_pg_store *s = gk_pg_downcast(st, "tx_begin");
    int error;

    error = gk_pg_run_done(s, STMT_BEGIN, NULL, "begin");
    if (error < 0)
        return error;
    error = gk_pg_run_done(s, STMT_LOCK, NULL, "write lock");
    if (error < 0) {
        /* Static text, and its outcome ignored so that the lock's
         * message (e.g. the lock timeout) is the one reported. */
        PQclear(PQexec(s->conn, "ROLLBACK"));
    }
    return error;
}

static int pg_tx_commit(gk_store *st)
{
    return gk_pg_run_done(gk_pg_downcast(st, "tx_commit"), STMT_COMMIT, NULL, "commit");
}

static void pg_tx_rollback(gk_store *st)
{
    gk_pg_store *s = gk_pg_downcast(st, "rollback");

    /* A failed COMMIT has already ended the transaction; a failed
     * statement leaves it aborted (PQTRANS_INERROR) until ROLLBACK. */
    if (PQtransactionStatus(s->conn) == PQTRANS_IDLE ||
        PQtransactionStatus(s->conn) == PQTRANS_UNKNOWN)
        return;
    if (gk_pg_run_done(s, STMT_ROLLBACK, NULL, "rollback") < 0)
        gk_error_clear();
}

/* ------------------------------------------------------------ agencies */

static int pg_agency_put(gk_store *st, const gk_agency *a, int64_t *id_out)
{
    gk_pg_store *s = gk_pg_downcast(st, "agency_put");
    int64_t parent = 0;
    PGresult *res;
    gk_pg_params p = {0};
    int error;

    if (a->parent && *a->parent) {
        error = gk_pg_agency_id(s, a->parent, &parent);
        if (error < 0)
            return error;
    }
    gk_pg_text(&p, a->code);
    gk_pg_text(&p, a->name);
    if (parent)
        gk_pg_i64(&p, parent);
    else
        gk_pg_text(&p, NULL);
    gk_pg_text(&p, a->kind ? a->kind : "");
    error = gk_pg_run(&res, s, STMT_AGENCY_INSERT, &p, "agency");
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "机关代码 '%s' 已存在", a->code);
    if (error < 0)
        return error;
    *id_out = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
    return 0;
}

static int pg_agency_foreach(gk_store *st, gk_agency_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "agency_foreach");
    PGresult *res;
    int i, n, error;

    error = gk_pg_run(&res, s, STMT_AGENCY_LIST, NULL, "agencies");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        gk_agency a;
        a.id = gk_pg_col_i64(res, i, 0);
        a.code = gk_pg_col_text(res, i, 1);
        a.name = gk_pg_col_text(res, i, 2);
        a.parent = gk_pg_col_text(res, i, 3);
        a.kind = gk_pg_col_text(res, i, 4);
        error = cb(&a, payload);
    }
    PQclear(res);
    return error;
}

/* --------------------------------------------------------------- cases */

/* The 14 state columns, in the order both CASE_INSERT ($14…$27) and
 * CASE_UPDATE ($3…$16) list them. pauses is the caller's buffer. */
static int add_case_state(gk_pg_params *p, gk_buf *pauses, const gk_case *c)
{
    int error = gk_store__pauses_format(pauses, c);

    if (error < 0)
        return error;
    gk_pg_text(p, gk_case_state_key(c->state));
    gk_pg_text(p, gk_case_state_key(c->resume_state));
    gk_pg_date(p, c->last_event);
    gk_pg_date(p, c->clock_start);
    gk_pg_bool(p, c->correction_requested);
    gk_pg_date(p, c->correction_notice);
    gk_pg_i64(p, c->ext_days);
    gk_pg_text(p, c->ext_approver ? c->ext_approver : "");
    gk_pg_date(p, c->deferred_to);
    gk_pg_text(p, gk_buf_cstr(pauses));
    gk_pg_bool(p, c->pause_open);
    gk_pg_i64(p, c->fee_yuan);
    gk_pg_text(p, c->outcome >= 0 ? gk_t3_row_key(c->outcome) : NULL);
    gk_pg_date(p, c->concluded);
    return 0;
}

static int pg_case_insert(gk_store *st, gk_case *c, const char *applicant_key)
{
    gk_pg_store *s = gk_pg_downcast(st, "case_insert");
    gk_buf pauses = GK_BUF_INIT;
    int64_t agency = 0, applicant = 0;
    PGresult *res = NULL;
    gk_pg_params p = {0};
    int error;

    error = gk_pg_agency_id(s, c->agency, &agency);
    if (error < 0)
        return error;
    gk_pg_text(&p, applicant_key);
    gk_pg_text(&p, gk_applicant_type_key(c->applicant_type));
    gk_pg_text(&p, c->applicant);
    error = gk_pg_run(&res, s, STMT_APPLICANT_UPSERT, &p, "applicant");
    if (error < 0)
        return error;
    applicant = gk_pg_col_i64(res, 0, 0);
    PQclear(res);

    memset(&p, 0, sizeof p);
    gk_pg_i64(&p, agency);
    /* An empty ledger number gets a unique placeholder (the tracking code)
     * until store.c numbers it from the id, as in the SQLite backend. */
    gk_pg_text(&p, c->tracking_no && *c->tracking_no ? c->tracking_no : c->tracking_code);
    gk_pg_text(&p, c->tracking_code);
    gk_pg_i64(&p, applicant);
    gk_pg_text(&p, gk_applicant_type_key(c->applicant_type));
    gk_pg_text(&p, c->applicant);
    gk_pg_text(&p, c->applicant_id ? c->applicant_id : "");
    gk_pg_text(&p, c->contact ? c->contact : "");
    gk_pg_text(&p, c->description ? c->description : "");
    gk_pg_text(&p, c->form ? c->form : "");
    gk_pg_text(&p, gk_channel_key(c->channel));
    gk_pg_date(&p, c->arrival);
    gk_pg_date(&p, c->received);
    error = add_case_state(&p, &pauses, c);
    if (error < 0)
        goto done;
    error = gk_pg_run(&res, s, STMT_CASE_INSERT, &p, "case");
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "机关 '%s' 已有登记号为 '%s' 的申请", c->agency,
                     c->tracking_no);
    if (error < 0)
        goto done;
    c->id = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
done:
    gk_buf_release(&pauses);
    return error;
}

static int pg_case_update(gk_store *st, const gk_case *c)
{
    gk_pg_store *s = gk_pg_downcast(st, "case_update");
    gk_buf pauses = GK_BUF_INIT;
    PGresult *res = NULL;
    gk_pg_params p = {0};
    int error;

    gk_pg_i64(&p, c->id);
    gk_pg_text(&p, c->tracking_no);
    error = add_case_state(&p, &pauses, c);
    if (error < 0)
        goto done;
    error = gk_pg_run(&res, s, STMT_CASE_UPDATE, &p, "case update");
    if (error < 0)
        goto done;
    if (strcmp(PQcmdTuples(res), "1") != 0) {
        gk_error_set(GK_ERRCLASS_STORE, "case %lld not found", (long long)c->id);
        error = GK_ENOTFOUND;
    }
    PQclear(res);
done:
    gk_buf_release(&pauses);
    return error;
}

static int pg_case_number_set(gk_store *st, int64_t case_id, const char *tracking_no)
{
    gk_pg_store *s = gk_pg_downcast(st, "case_number_set");
    PGresult *res = NULL;
    gk_pg_params p = {0};
    int error;

    gk_pg_i64(&p, case_id);
    gk_pg_text(&p, tracking_no);
    error = gk_pg_run(&res, s, STMT_CASE_NUMBER_SET, &p, "case number");
    if (error < 0)
        return error;
    if (strcmp(PQcmdTuples(res), "1") != 0) {
        gk_error_set(GK_ERRCLASS_STORE, "case %lld not found", (long long)case_id);
        error = GK_ENOTFOUND;
    }
    PQclear(res);
    return error;
}

static void case_from_row(gk_case *c, const PGresult *res, int r)
{
    const char *t;
    int v;

    gk_case_init(c);
    c->id = gk_pg_col_i64(res, r, 0);
    c->agency = gk_pg_col_text(res, r, 1);
    c->tracking_no = gk_pg_col_text(res, r, 2);
    snprintf(c->tracking_code, sizeof c->tracking_code, "%s", gk_pg_col_text(res, r, 3));
    t = gk_pg_col_text(res, r, 4);
    v = gk_applicant_type_from_label(t, strlen(t));
    c->applicant_type = v >= 0 ? (gk_applicant_type)v : GK_APPLICANT_OTHER;
    c->applicant = gk_pg_col_text(res, r, 5);
    c->applicant_id = gk_pg_col_text(res, r, 6);
    c->contact = gk_pg_col_text(res, r, 7);
    c->description = gk_pg_col_text(res, r, 8);
    c->form = gk_pg_col_text(res, r, 9);
    t = gk_pg_col_text(res, r, 10);
    v = gk_channel_from_label(t, strlen(t));
    c->channel = v >= 0 ? (gk_channel)v : GK_CHANNEL_OTHER;
    c->arrival = gk_pg_col_date(res, r, 11);
    c->received = gk_pg_col_date(res, r, 12);
    t = gk_pg_col_text(res, r, 13);
    v = gk_case_state_from_key(t, strlen(t));
    c->state = v >= 0 ? (gk_case_state)v : GK_CASE_RECEIVED;
    t = gk_pg_col_text(res, r, 14);
    v = gk_case_state_from_key(t, strlen(t));
    c->resume_state = v >= 0 ? (gk_case_state)v : GK_CASE_IN_PROGRESS;
    c->last_event = gk_pg_col_date(res, r, 15);
    c->clock_start = gk_pg_col_date(res, r, 16);
    c->correction_requested = gk_pg_col_bool(res, r, 17);
    c->correction_notice = gk_pg_col_date(res, r, 18);
    c->ext_days = (int)gk_pg_col_i64(res, r, 19);
    c->ext_approver = gk_pg_col_text(res, r, 20);
    c->deferred_to = gk_pg_col_date(res, r, 21);
    gk_store__pauses_parse(c, gk_pg_col_text(res, r, 22));
    c->pause_open = gk_pg_col_bool(res, r, 23) && c->npauses > 0;
    c->fee_yuan = gk_pg_col_i64(res, r, 24);
    c->outcome = PQgetisnull(res, r, 25)
                     ? -1
                     : gk_store__key_index(gk_t3_row_key, GK_T3_NROWS, gk_pg_col_text(res, r, 25));
    c->concluded = gk_pg_col_date(res, r, 26);
}

static int pg_case_foreach(gk_store *st, const gk_case_query *cq, gk_case_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "case_foreach");
    PGresult *res;
    gk_pg_params p = {0};
    int id, i, n, error;

    if (cq->tracking_code) {
        id = STMT_CASE_BY_CODE;
        gk_pg_text(&p, cq->tracking_code);
    } else if (cq->tracking_no) {
        id = STMT_CASE_BY_NO;
        gk_pg_text(&p, cq->tracking_no);
        gk_pg_text(&p, cq->agency);
    } else {
        id = STMT_CASE_LIST;
        gk_pg_text(&p, cq->agency);
        gk_pg_bool(&p, cq->open_only);
        if (cq->limit > 0)
            gk_pg_i64(&p, cq->limit);
        else
            gk_pg_text(&p, NULL); /* LIMIT NULL: no limit */
    }
    error = gk_pg_run(&res, s, id, &p, "cases");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        gk_case c;
        case_from_row(&c, res, i);
        error = cb(&c, payload);
    }
    PQclear(res);
    return error;
}

/* -------------------------------------------------------------- events */

static int pg_event_last(gk_store *st, int64_t *id_out, char hash_out[65])
{
    gk_pg_store *s = gk_pg_downcast(st, "event_last");
    PGresult *res;
    int error;

    *id_out = 0;
    hash_out[0] = '\0';
    error = gk_pg_run(&res, s, STMT_EVENT_LAST, NULL, "events");
    if (error < 0)
        return error;
    if (PQntuples(res) > 0) {
        *id_out = gk_pg_col_i64(res, 0, 0);
        snprintf(hash_out, 65, "%s", gk_pg_col_text(res, 0, 1));
    }
    PQclear(res);
    return 0;
}

static int pg_event_insert(gk_store *st, const gk_store_event *e)
{
    gk_pg_store *s = gk_pg_downcast(st, "event_insert");
    gk_pg_params p = {0};

    gk_pg_i64(&p, e->id);
    gk_pg_text(&p, e->at);
    gk_pg_text(&p, e->actor);
    gk_pg_text(&p, e->agency);
    gk_pg_text(&p, e->entity);
    gk_pg_i64(&p, e->entity_id);
    gk_pg_text(&p, e->action);
    gk_pg_text(&p, e->before);
    gk_pg_text(&p, e->after);
    gk_pg_text(&p, e->prev_hash);
    gk_pg_text(&p, e->hash);
    return gk_pg_run_done(s, STMT_EVENT_INSERT, &p, "event");
}

/* Calls cb for every row of an event result; *last_id is the last id. */
static int event_rows(PGresult *res, gk_store_event_cb cb, void *payload, int64_t *last_id)
{
    int i, n = PQntuples(res), error = 0;

    for (i = 0; i < n && error == 0; i++) {
        gk_store_event e;
        e.id = gk_pg_col_i64(res, i, 0);
        e.at = gk_pg_col_text(res, i, 1);
        e.actor = gk_pg_col_text(res, i, 2);
        e.agency = gk_pg_col_text(res, i, 3);
        e.entity = gk_pg_col_text(res, i, 4);
        e.entity_id = gk_pg_col_i64(res, i, 5);
        e.action = gk_pg_col_text(res, i, 6);
        e.before = gk_pg_col_text(res, i, 7);
        e.after = gk_pg_col_text(res, i, 8);
        e.prev_hash = gk_pg_col_text(res, i, 9);
        e.hash = gk_pg_col_text(res, i, 10);
        *last_id = e.id;
        error = cb(&e, payload);
    }
    return error;
}

static int pg_event_foreach(gk_store *st, gk_store_event_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "event_foreach");
    int64_t after = 0;
    int n, error = 0;

    do {
        PGresult *res;
        gk_pg_params p = {0};
        gk_pg_i64(&p, after);
        gk_pg_i64(&p, EVENT_PAGE_ROWS);
        error = gk_pg_run(&res, s, STMT_EVENT_PAGE, &p, "events");
        if (error < 0)
            return error;
        n = PQntuples(res);
        error = event_rows(res, cb, payload, &after);
        PQclear(res);
    } while (error == 0 && n == EVENT_PAGE_ROWS);
    return error < 0 ? error : 0;
}

static int pg_event_entity_foreach(gk_store *st, const char *entity, int64_t entity_id,
                                   gk_store_event_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "event_entity_foreach");
    PGresult *res;
    gk_pg_params p = {0};
    int64_t last = 0;
    int error;

    gk_pg_text(&p, entity);
    gk_pg_i64(&p, entity_id);
    error = gk_pg_run(&res, s, STMT_EVENT_ENTITY, &p, "events");
    if (error < 0)
        return error;
    error = event_rows(res, cb, payload, &last);
    PQclear(res);
    return error < 0 ? error : 0;
}

/* ------------------------------------------------------------- table 3 */

static int pg_t3_counts(gk_store *st, int year, const char *agency, gk_t3_counts counts)
{
    gk_pg_store *s = gk_pg_downcast(st, "t3_counts");
    PGresult *res = NULL;
    gk_pg_params p = {0};
    int i, n, error;

    error = gk_pg_year_params(&p, s, year, agency);
    if (error < 0)
        return error;
    error = gk_pg_run(&res, s, STMT_T3_FLOW, &p, "table 3");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n; i++) {
        int t = gk_store__key_index(gk_applicant_type_key, GK_APPLICANT_NTYPES, gk_pg_col_text(res, i, 0));
        if (t < 0)
            continue; /* the CHECK constraint makes this impossible */
        counts[GK_T3_NEW][t] += gk_pg_col_i64(res, i, 1);
        counts[GK_T3_CARRIED_IN][t] += gk_pg_col_i64(res, i, 2);
        counts[GK_T3_CARRIED_OUT][t] += gk_pg_col_i64(res, i, 3);
    }
    PQclear(res);

    error = gk_pg_run(&res, s, STMT_T3_RESULTS, &p, "table 3");
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        int t = gk_store__key_index(gk_applicant_type_key, GK_APPLICANT_NTYPES, gk_pg_col_text(res, i, 0));
        int row = gk_store__key_index(gk_t3_row_key, GK_T3_NROWS, gk_pg_col_text(res, i, 1));
        if (t < 0 || row < GK_T3_FIRST_RESULT || row > GK_T3_LAST_RESULT) {
            gk_error_set(GK_ERRCLASS_STORE, "办结的申请有无效的办理结果 '%s'", gk_pg_col_text(res, i, 1));
            error = GK_EBACKEND;
            break;
        }
        counts[row][t] += gk_pg_col_i64(res, i, 2);
    }
    PQclear(res);
    return error;
}

const gk_store_backend gk_store_backend_pg = {
    .version = GK_STORE_BACKEND_VERSION,
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .schema_version = pg_schema_version,
    .migrate_step = pg_migrate_step,
    .tx_begin = pg_tx_begin,
    .tx_commit = pg_tx_commit,
    .tx_rollback = pg_tx_rollback,
    .agency_put = pg_agency_put,
    .agency_foreach = pg_agency_foreach,
    .case_insert = pg_case_insert,
    .case_update = pg_case_update,
    .case_number_set = pg_case_number_set,
    .case_foreach = pg_case_foreach,
    .event_last = pg_event_last,
    .event_insert = pg_event_insert,
    .event_foreach = pg_event_foreach,
    .t3_counts = pg_t3_counts,
    GK_STORE_V2_TABLE(gk_pg_),
    .event_entity_foreach = pg_event_entity_foreach,
    GK_STORE_USER_TABLE(gk_pg_),
    GK_STORE_REVIEW3_TABLE(gk_pg_),
    GK_STORE_SPLIT_TABLE(gk_pg_),
    GK_STORE_SEARCH_TABLE(gk_pg_),
};

#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_not_built;

#endif
