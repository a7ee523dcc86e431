/*
 * store.h: the registers' storage: agencies (a tree: 政府 → 部门/街道),
 * applications (件, case.h), the hash-chained audit trail, the ledger
 * import and the annual report built from the registers.
 *
 * A store is opened from a DSN: a file path or "sqlite:PATH" selects the
 * SQLite backend; "postgresql:" URLs the PostgreSQL backend (not built yet:
 * GK_EBACKEND "PostgreSQL backend not built"). Callers see only these
 * gk_store_* functions; backends implement include/gk/sys/store_backend.h.
 *
 * Every change is made in a transaction and writes an append-only audit
 * event (actor, time, entity, before/after JSON) chained by SHA-256 to the
 * previous event, in that same transaction. gk_store_verify recomputes the
 * chain.
 *
 * Errors: GK_EBACKEND for database failures (the message has the backend's
 * text), GK_EINVALID for bad input, GK_ENOTFOUND, GK_EEXISTS, GK_ECONFLICT
 * (illegal case transition, or a schema newer/older than this program).
 */
#ifndef GK_STORE_H
#define GK_STORE_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"
#include "case.h"
#include "report.h"

GK_BEGIN_DECL

typedef struct gk_store gk_store;

typedef struct {
    const char *actor;    /* who makes the changes (audit trail); NULL = "system" */
    bool no_schema_check; /* open an empty or older database (gongkai init) */
    int busy_timeout_ms;  /* wait for another writer this long (0 = 5000) */
} gk_store_opts;

#define GK_STORE_OPTS_INIT {NULL, false, 0}

/* Opens the store named by dsn (see above). Unless opts->no_schema_check,
 * the schema version must equal the one this program knows (GK_ECONFLICT
 * with "run gongkai init" / "database is newer" otherwise). Caller closes
 * with gk_store_close. opts may be NULL. */
GK_EXTERN(int) gk_store_open(gk_store **out, const char *dsn, const gk_store_opts *opts)
    GK_WARN_UNUSED;
/* NULL-safe. Rolls back an open transaction. */
GK_EXTERN(void) gk_store_close(gk_store *st);
/* The backend name ("sqlite"). Borrowed static string. */
GK_EXTERN(const char *) gk_store_backend_name(const gk_store *st);

/* Runs the pending numbered migrations, each in its own transaction.
 * from_out and to_out (may be NULL) receive the versions before and after. */
GK_EXTERN(int) gk_store_migrate(gk_store *st, int *from_out, int *to_out) GK_WARN_UNUSED;
/* *current_out = the database's schema version, *target_out = this
 * program's (either may be NULL). */
GK_EXTERN(int) gk_store_schema_version(gk_store *st, int *current_out, int *target_out)
    GK_WARN_UNUSED;

/* Transactions nest by counting: only the outermost begin/commit reach the
 * database; a rollback at any depth rolls back everything. The write lock
 * is taken at begin, so the audit chain cannot fork. */
GK_EXTERN(int) gk_store_tx_begin(gk_store *st) GK_WARN_UNUSED;
GK_EXTERN(int) gk_store_tx_commit(gk_store *st) GK_WARN_UNUSED;
GK_EXTERN(void) gk_store_tx_rollback(gk_store *st);

/* ------------------------------------------------------------ agencies */

typedef struct {
    int64_t id;
    const char *code;   /* unique, e.g. the 统一社会信用代码 or a short code */
    const char *name;   /* "某市人民政府" */
    const char *parent; /* parent agency code, "" or NULL for a root */
    const char *kind;   /* "政府", "部门", "街道", "乡镇" … free text */
} gk_agency;

/* Adds an agency (the parent must exist). GK_EEXISTS when the code is taken. */
GK_EXTERN(int) gk_store_agency_add(gk_store *st, const gk_agency *a, int64_t *id_out)
    GK_WARN_UNUSED;
typedef int (*gk_agency_cb)(const gk_agency *a, void *payload);
/* Calls cb for each agency, parents before children (strings borrowed for
 * the call). A non-zero return from cb stops the walk and is returned. */
GK_EXTERN(int) gk_store_agency_foreach(gk_store *st, gk_agency_cb cb, void *payload)
    GK_WARN_UNUSED;

/* --------------------------------------------------------------- cases */

/*
 * Registers a new application: checks the intake (gk_case_intake), gives it
 * a tracking code when c->tracking_code is empty, and a ledger number
 * "<year>-<id>" when c->tracking_no is empty, inserts it with the
 * applicant's de-duplication record, and writes the audit event. c->agency
 * may be "" when the store has exactly one agency. Updates c (id, codes).
 * GK_EEXISTS when the agency already has this tracking_no.
 */
GK_EXTERN(int) gk_store_case_add(gk_store *st, gk_case *c) GK_WARN_UNUSED;

typedef struct {
    const char *agency;        /* agency code, or NULL for all */
    const char *tracking_code; /* exact, or NULL */
    const char *tracking_no;   /* exact (with agency), or NULL */
    bool open_only;            /* only cases still being handled */
    int64_t limit;             /* 0 = no limit */
} gk_case_query;

#define GK_CASE_QUERY_INIT {NULL, NULL, NULL, false, 0}

/* Called once per case; the case and its strings are borrowed for the call.
 * A non-zero return stops the walk and is returned by the foreach. */
typedef int (*gk_case_cb)(const gk_case *c, void *payload);
GK_EXTERN(int) gk_store_case_foreach(gk_store *st, const gk_case_query *q, gk_case_cb cb,
                                     void *payload) GK_WARN_UNUSED;

/*
 * Applies an event to the case with this tracking code (or, when not
 * found, this tracking_no of the store's only agency): loads it, runs
 * gk_case_apply, saves it and writes the audit event, in one transaction.
 * GK_ENOTFOUND, GK_ECONFLICT (transition refused; nothing written).
 */
GK_EXTERN(int) gk_store_case_apply(gk_store *st, const char *code, const gk_case_event *ev)
    GK_WARN_UNUSED;

/* ---------------------------------------------------------- audit trail */

typedef struct {
    int64_t id;          /* 1, 2, 3 … without gaps */
    const char *at;      /* UTC "YYYY-MM-DDTHH:MM:SS.mmmZ" */
    const char *actor;
    const char *agency;  /* agency code the record belongs to ("" for none) */
    const char *entity;  /* "agency", "case" */
    int64_t entity_id;
    const char *action;  /* "create", "apply:ANSWER", "import" */
    const char *before;  /* JSON, or "" for a creation */
    const char *after;   /* JSON */
    const char *prev_hash; /* hex SHA-256 of the previous event ("" for the first) */
    const char *hash;      /* hex SHA-256 over prev_hash and every field above */
} gk_store_event;

typedef int (*gk_store_event_cb)(const gk_store_event *e, void *payload);
/* Events in id order; strings borrowed for the call. */
GK_EXTERN(int) gk_store_event_foreach(gk_store *st, gk_store_event_cb cb, void *payload)
    GK_WARN_UNUSED;

typedef struct {
    int64_t events;    /* events checked */
    int64_t bad_id;    /* first broken event id, 0 when the chain is intact */
    char reason[160];  /* why it is broken (Chinese) */
} gk_store_verify_result;

/* Recomputes the hash chain. Returns 0 whether or not the chain is intact
 * (see out->bad_id); negative only when the store cannot be read. */
GK_EXTERN(int) gk_store_verify(gk_store *st, gk_store_verify_result *out) GK_WARN_UNUSED;

/* ------------------------------------------------------ import, report */

typedef struct {
    int64_t imported; /* rows written (0 unless every row was good) */
    int64_t bad_rows; /* rows rejected */
    gk_buf errors;    /* one line per problem: "SOURCE:LINE: message\n" */
} gk_store_import_result;

/*
 * Imports an application ledger (spec/cli.md "Ledger CSV"): UTF-8 (BOM
 * allowed) or GB18030, a header row with the columns in any order, fields
 * quoted as in RFC 4180. Every row is checked first and every problem is
 * reported with its line number; only when all rows are good are they
 * written, in one transaction (all or nothing). Returns GK_EINVALID when
 * any row is bad (nothing written), GK_EBACKEND on a database failure.
 * res->errors must be initialised by the caller and released by it.
 */
GK_EXTERN(int)
gk_store_import_cases(gk_store *st, const char *data, size_t len, const char *source,
                      gk_store_import_result *res) GK_WARN_UNUSED;

/*
 * Builds the year's annual report from the registers: table 3 counted from
 * the cases of the agency (all agencies when agency is NULL): NEW = received
 * in the year; CARRIED_IN = received before and not concluded before the
 * year; each result row = concluded in the year with that outcome;
 * CARRIED_OUT = received by 12-31 and not concluded by then (spec §1.4
 * invariant 5, §3). Caller frees *out with gk_report_free.
 */
GK_EXTERN(int) gk_store_report_build(gk_report **out, gk_store *st, int year, const char *agency)
    GK_WARN_UNUSED;

/* Hex SHA-256 of data (65 bytes with NUL), the chain's hash. Pure. */
GK_EXTERN(void) gk_sha256_hex(char out[65], const void *data, size_t len);

GK_END_DECL

#endif
