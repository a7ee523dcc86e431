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
#include "catalogue.h"
#include "decision.h"
#include "fee.h"
#include "report.h"
#include "review.h"

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
/* Makes actor (NULL or "" = "system") the audit actor of the changes that
 * follow, for a handle kept open across users (the server's per-thread
 * handles). GK_ECONFLICT inside a transaction: its events have one actor.
 * No allocation when the actor is unchanged. */
GK_EXTERN(int) gk_store_set_actor(gk_store *st, const char *actor) GK_WARN_UNUSED;

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
/* Records, in its own transaction, an event that changes nothing: the
 * current actor saw or exported record (entity, entity_id) of agency, e.g.
 * action "note:reveal" when personal data was shown unmasked. action must
 * start with "note:" (GK_EINVALID otherwise); detail_json is a JSON object
 * saying what (stored as both before and after). */
GK_EXTERN(int) gk_store_note(gk_store *st, const char *agency, const char *entity,
                             int64_t entity_id, const char *action, const char *detail_json)
    GK_WARN_UNUSED;
/* The events of one record (entity "case", "agency", "item" … and its id)
 * in id order, read through the events_entity index: a record's history
 * without walking the whole trail. */
GK_EXTERN(int) gk_store_event_entity_foreach(gk_store *st, const char *entity, int64_t entity_id,
                                             gk_store_event_cb cb, void *payload) GK_WARN_UNUSED;

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
 * Builds the year's annual report from the registers: tables 2, 3 and 4
 * (see gk_store_report_build_full below for tables 2 and 4). Table 3 is
 * counted from the cases of the agency (all agencies when agency is NULL):
 * NEW = received in the year; CARRIED_IN = received before and not
 * concluded before the year; each result row = concluded in the year with
 * that outcome; CARRIED_OUT = received by 12-31 and not concluded by then
 * (spec §1.4 invariant 5, §3). A locked year gives the report as locked.
 * Caller frees *out with gk_report_free.
 */
GK_EXTERN(int) gk_store_report_build(gk_report **out, gk_store *st, int year, const char *agency)
    GK_WARN_UNUSED;

/* ------------------------------------------------- proactive catalogue */

#define GK_INDEX_NO_BUFSZ 40

/*
 * Adds a catalogue item (gk_catalogue_item_check first). An empty
 * it->index_no is generated as "<prefix>/<YYYY>-<NNNNN>" (spec §6.3):
 * prefix = it->index_prefix, else the agency code when it is a valid
 * 前段码 (GK_EINVALID otherwise); YYYY = gk_catalogue_item_year; NNNNN = 1 +
 * the highest serial ever given under that prefix and year, so a number
 * is never reused. The number is written into index_no_out and
 * it->index_no points to it. A given number is validated and must be
 * unused (GK_EEXISTS). it->agency may be "" when the store has one agency.
 * Sets it->id. Refused (GK_ECONFLICT) when it falls in a locked year.
 */
GK_EXTERN(int)
gk_store_item_add(gk_store *st, gk_catalogue_item *it, char index_no_out[GK_INDEX_NO_BUFSZ])
    GK_WARN_UNUSED;

/* Replaces the item with id it->id (same checks). The 索引号 and the agency
 * never change (GK_ECONFLICT). GK_ENOTFOUND. Lock rule as for add, for
 * the dates that change (or the item's year when none does). */
GK_EXTERN(int) gk_store_item_update(gk_store *st, const gk_catalogue_item *it) GK_WARN_UNUSED;

typedef struct {
    const char *agency;   /* agency code, or NULL for all */
    int64_t id;           /* exact, or 0 */
    const char *index_no; /* exact, or NULL */
    /* Title search (substring, case-insensitive for Latin letters): SQLite
     * FTS5 trigram for 3+ characters and instr() for 1-2 (docs/stack.md
     * T1); PostgreSQL ILIKE (T2). NULL or "" for no search. */
    const char *title;
    int formed_year;      /* items formed or changed in this year, or 0 */
    int64_t limit;        /* 0 = no limit */
    /* The public catalogue's filters, applied by the database (so a page
     * of the catalogue reads only its rows): */
    gk_date published_by; /* only items published on or before it; {0} = any */
    int art20;            /* 条例第二十条 item 0..15 (0 = none), GK_ART20_ANY = any */
    int64_t offset;       /* rows skipped before the first (paging) */
    /* A 1-2 character title search cannot use the index; when > 0 it
     * looks only at the short_window items with the highest ids (the
     * newest), so its cost stays bounded. 0 = every item. */
    int64_t short_window;
} gk_item_query;

#define GK_ART20_ANY (-1)
/* The 条例第二十条 slots of gk_store_item_count: 0 (none) and 1..15. */
#define GK_ART20_SLOTS 16
#define GK_ITEM_QUERY_INIT {NULL, 0, NULL, NULL, 0, 0, {0, 0, 0}, GK_ART20_ANY, 0, 0}

typedef int (*gk_item_cb)(const gk_catalogue_item *it, void *payload);
/* Items in id order; the item and its strings are borrowed for the call. */
GK_EXTERN(int) gk_store_item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb,
                                     void *payload) GK_WARN_UNUSED;

/* How many items match q, by 条例第二十条 item (counts[0]: items under no
 * numbered item), counted by the database; q->art20 and q->offset are not
 * applied (the counts are those of every category); q->limit > 0 caps the
 * items counted, in id order, so the cost stays bounded (the counts then
 * add up to at most limit: when they reach it, there may be more);
 * q->formed_year must be 0 (GK_EINVALID). */
GK_EXTERN(int) gk_store_item_count(gk_store *st, const gk_item_query *q,
                                   int64_t counts[GK_ART20_SLOTS]) GK_WARN_UNUSED;

/* 第二十六条 timeliness of the items formed or changed in year (agency NULL
 * = all): rate = on_time / (on_time + late + overdue), 1.0 when none is
 * decided yet; pending items (still within the period on as_of) are not
 * counted in the rate. */
typedef struct {
    int64_t items, on_time, late, overdue, pending;
    double rate; /* 及时率 */
} gk_timeliness_stats;

GK_EXTERN(int)
gk_store_item_timeliness(gk_store *st, const char *agency, int year, const gk_calendar *cal,
                         gk_date as_of, gk_timeliness_stats *out) GK_WARN_UNUSED;

/* ------------------------------------------ table 2: entered figures */

/* The yearly figures of table 2 that do not come from the catalogue
 * (spec §1.3): 行政许可, 行政处罚, 行政强制 decisions and the fee revenue in
 * integer 元 (rendered as 万元). */
typedef struct {
    const char *agency;
    int year;
    int64_t licensing, penalty, enforcement;
    int64_t fee_yuan;
} gk_year_figures;

/* Sets (replaces) the figures of agency and year (agency "" = the only
 * agency). Values >= 0. Refused in a locked year unless correcting. */
GK_EXTERN(int) gk_store_figures_set(gk_store *st, const gk_year_figures *f) GK_WARN_UNUSED;
/* The figures of agency (NULL = the sum over all agencies) and year;
 * *found false (and zeros) when none were entered. out->agency is NULL. */
GK_EXTERN(int)
gk_store_figures_get(gk_store *st, const char *agency, int year, gk_year_figures *out,
                     bool *found) GK_WARN_UNUSED;

/* ------------------------------------------ review and litigation cases */

/* Adds a case (gk_review_case_check; agency "" = the only agency); sets
 * r->id. GK_EEXISTS when the agency has this case_no. Lock rule: the years
 * of filed and concluded. */
GK_EXTERN(int) gk_store_review_add(gk_store *st, gk_review_case *r) GK_WARN_UNUSED;
/* Replaces result, concluded date and subject of the case r->id (route,
 * filed and case_no are kept as stored). GK_ENOTFOUND. */
GK_EXTERN(int) gk_store_review_update(gk_store *st, const gk_review_case *r) GK_WARN_UNUSED;
typedef int (*gk_review_cb)(const gk_review_case *r, void *payload);
/* Cases of agency (NULL = all) in id order, borrowed for the call. */
GK_EXTERN(int)
gk_store_review_foreach(gk_store *st, const char *agency, gk_review_cb cb, void *payload)
    GK_WARN_UNUSED;

/* ----------------------------------------------------------- year lock */

/*
 * Locks the annual report of year for agency (NULL or "" = the whole
 * store) after publication: builds it, stores its JSON, and from then on
 * gk_store_report_build returns that stored report, and changes that
 * fall in the year (a case received or an event dated in it, an item or
 * review case with a date in it, the year's figures) are refused with
 * GK_ECONFLICT unless made as corrections (gk_store_set_correction).
 * A lock of the whole store covers every agency. GK_EEXISTS when locked.
 */
GK_EXTERN(int) gk_store_report_lock(gk_store *st, int year, const char *agency) GK_WARN_UNUSED;
/* *out = whether year is locked for agency (NULL = whole store only). */
GK_EXTERN(int) gk_store_year_locked(gk_store *st, int year, const char *agency, bool *out)
    GK_WARN_UNUSED;
/*
 * Correction mode: with a non-empty reason, later changes in locked years
 * are accepted and recorded as corrections: the change's audit action is
 * prefixed "correct:" and a "year_lock"/"correction" event carries the
 * reason; the locked report stays as published. NULL ends the mode.
 */
GK_EXTERN(int) gk_store_set_correction(gk_store *st, const char *reason) GK_WARN_UNUSED;

/* ---------------------------------------------------------------- fees */

/*
 * The fee notice of a case (国办函〔2020〕109号, spec §4), as recorded when
 * a FEE_NOTICE event is applied through gk_store_case_apply: the method,
 * the units (按件: the case is the n-th 件 of the same applicant in the
 * calendar month of its receipt date, counted from the store; 按量: the
 * pages), the amount from fee.h, the notice date, the payment deadline
 * (20 working days from the day after delivery, spec §4.4) and the
 * payment date.
 */
typedef struct {
    int64_t case_id;
    int method;     /* GK_CASE_FEE_GIVEN, _BY_COUNT (按件) or _BY_PAGES (按量) */
    int64_t units;  /* 按件: the 件 number in the month; 按量: pages; GIVEN: 0 */
    int64_t amount; /* 元 */
    gk_date notice, due, paid;
    /* The payment window reaches a year without holiday data: due was
     * counted Monday–Friday (calendar.h PROVISIONAL MODE) and must be shown
     * with gk_calendar_provisional_note. gk_store_case_fee recounts due with
     * the current calendar on every read, so it becomes official as soon as
     * the year's holidays are loaded. FEE_LAPSED stays strict (refused
     * until the calendar covers the window's end). */
    bool provisional;
    gk_provisional prov; /* which years, for the note */
} gk_case_fee;

/* *found false when the case has no fee notice. */
GK_EXTERN(int)
gk_store_case_fee(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found) GK_WARN_UNUSED;

/* The calendar used for the fee deadline (borrowed; NULL = the embedded
 * default, loaded on first use). */
GK_EXTERN(void) gk_store_set_calendar(gk_store *st, const gk_calendar *cal);

/*
 * Builds the year's annual report from the registers (agency NULL = all):
 * table 2 from the catalogue (规章 and 行政规范性文件 issued = 成文日期 (or
 * published) in the year, repealed = 废止 in the year, in force at 12-31)
 * and the entered figures; table 3 as gk_store_report_build; table 4 from
 * the review cases (gk_review_case_t4_col). When the year is locked, the
 * stored report as published. *figures_found (may be NULL) tells whether
 * figures were entered for the year.
 */
GK_EXTERN(int)
gk_store_report_build_full(gk_report **out, gk_store *st, int year, const char *agency,
                           bool *figures_found) GK_WARN_UNUSED;

/* ------------------------------------------------------ staff accounts */

/*
 * The staff accounts of the web console and their sessions (issue 6: the
 * accounts live with the registers, so every server process sharing a
 * PostgreSQL database sees them, and sessions survive a restart).
 *
 * The store never sees a password: http.h gk_user_add hashes it with
 * argon2id and the store keeps that string (GK_EINVALID unless it starts
 * with "$argon2id$"). Accounts are never deleted (the audit trail names
 * them): they are disabled. Every account change writes an audit event
 * (entity "user"); the hash never enters it, the event records only
 * whether the password was set or changed ("password": "set"/"changed"/
 * "unchanged").
 */
#define GK_USER_NAME_MAX 63 /* bytes */

typedef struct {
    int64_t id;
    const char *name;    /* unique, 1..GK_USER_NAME_MAX bytes, no control characters */
    const char *role;    /* role key (http.h gk_role_key): "clerk", "admin" … */
    const char *agency;  /* agency code, "" or NULL = every agency */
    const char *pwhash;  /* "$argon2id$…"; NULL in an update = unchanged */
    bool disabled;
    const char *created; /* UTC "YYYY-MM-DDTHH:MM:SS.mmmZ"; set by the store */
} gk_user;

/* Adds an account (u->disabled is honoured); sets u->id. GK_EEXISTS when
 * the name is taken, GK_EINVALID on a bad name, role or hash. */
GK_EXTERN(int) gk_store_user_add(gk_store *st, gk_user *u) GK_WARN_UNUSED;
/* Replaces role, agency, disabled and (when u->pwhash is not NULL) the
 * hash of the account named u->name. Any change ends the account's
 * sessions in the same transaction, so a session never carries an old
 * role or outlives a disabling or a new password. GK_ENOTFOUND. */
GK_EXTERN(int) gk_store_user_update(gk_store *st, const gk_user *u) GK_WARN_UNUSED;
typedef int (*gk_user_cb)(const gk_user *u, void *payload);
/* Calls cb once with the account named name (strings borrowed for the
 * call); GK_ENOTFOUND when there is none. */
GK_EXTERN(int) gk_store_user_find(gk_store *st, const char *name, gk_user_cb cb, void *payload)
    GK_WARN_UNUSED;
/* Every account in name order; a non-zero return of cb stops the walk. */
GK_EXTERN(int) gk_store_user_foreach(gk_store *st, gk_user_cb cb, void *payload) GK_WARN_UNUSED;

/* A signed-in session. Only the hash of the cookie's token is stored, so
 * a copy of the database yields no live cookie. The account's name, role
 * and agency are those at sign-in (account changes end the sessions). */
typedef struct {
    const char *token_hash; /* 64 lower-case hex digits: BLAKE2b-256 of the token */
    int64_t user_id;
    const char *user;       /* account name */
    const char *role;       /* role key */
    const char *agency;     /* agency code, "" = every agency */
    const char *csrf;       /* the session's CSRF token */
    int64_t created;        /* Unix seconds */
    int64_t expires;        /* Unix seconds; the session is valid while now < expires */
} gk_user_session;

/* Stores a session, and deletes every session expired at s->created in
 * the same transaction. GK_EINVALID on a malformed hash, an empty user or
 * expires <= created; GK_EEXISTS when the hash is already stored. */
GK_EXTERN(int) gk_store_session_add(gk_store *st, const gk_user_session *s) GK_WARN_UNUSED;
typedef int (*gk_user_session_cb)(const gk_user_session *s, void *payload);
/* Calls cb with the session of token_hash when it is still valid at now
 * (the expiry is a condition of the query, not a check after it);
 * GK_ENOTFOUND when unknown or expired. */
GK_EXTERN(int) gk_store_session_get(gk_store *st, const char *token_hash, int64_t now,
                                    gk_user_session_cb cb, void *payload) GK_WARN_UNUSED;
/* Ends the session of token_hash (0 also when there was none). */
GK_EXTERN(int) gk_store_session_delete(gk_store *st, const char *token_hash) GK_WARN_UNUSED;
/* Deletes the sessions expired at now; *n_out (may be NULL) = how many. */
GK_EXTERN(int) gk_store_session_expire(gk_store *st, int64_t now, int64_t *n_out) GK_WARN_UNUSED;

/* ------------------------------------ split applications, decisions */

/*
 * 一事一申请 (国办函〔2020〕109号第四条; spec §1.4 "What one application
 * (件) means"): an application with several items may be split into the
 * smallest reasonable units, each a 件 with its own outcome, deadline and
 * fee count. gk_store_case_split splits the open, unanswered case with
 * this tracking code (or ledger number) on date into n (2..GK_SPLIT_MAX)
 * children, in one transaction: the parent goes to state SPLIT (no outcome,
 * no longer counted in table 3 nor in the applicant's 按件 count) and each
 * child is a new case that inherits the applicant, channel, arrival and
 * receipt dates and the deadline state (state, clock start, 补正, pauses,
 * extension, deferral), with ledger number "<parent's>-<i>", its own
 * tracking code, the description titles[i] (titles may be NULL: the
 * parent's description with "（拆分第i件）"), linked to the parent. Audit:
 * "apply:SPLIT" and "split:into" on the parent, "create" and "split:from"
 * on each child. codes_out (may be NULL) receives the children's tracking
 * codes. GK_ECONFLICT when the case's state cannot be split (only
 * 已登记/办理中/已延期), GK_EINVALID for a bad n or title, GK_ENOTFOUND.
 */
#define GK_SPLIT_MAX 50
GK_EXTERN(int)
gk_store_case_split(gk_store *st, const char *code, gk_date date, int n, const char *const *titles,
                    char (*codes_out)[GK_TRACKING_CODE_LEN + 1]) GK_WARN_UNUSED;

/* A case linked to another by a split (strings borrowed for the call). */
typedef struct {
    int64_t id;
    bool is_parent;          /* the case it was split from */
    const char *tracking_no;
    const char *tracking_code;
    const char *state;       /* state key */
} gk_case_link;
typedef int (*gk_case_link_cb)(const gk_case_link *l, void *payload);
/* The parent of case_id (if split from one), then its children. */
GK_EXTERN(int) gk_store_case_links(gk_store *st, int64_t case_id, gk_case_link_cb cb,
                                   void *payload) GK_WARN_UNUSED;

/* The decision (decision.h id) recorded with the case's answer, appended
 * to out; *found false when none was recorded. */
GK_EXTERN(int) gk_store_case_decision(gk_store *st, int64_t case_id, gk_buf *out, bool *found)
    GK_WARN_UNUSED;

/* The decision map the report build uses to put concluded cases into
 * table-3 rows (borrowed; NULL = the process's, gk_decision_map_new_process:
 * --decision-map FILE or the spec §1.4 defaults). A concluded case without
 * a recorded decision has the default decision of its outcome row
 * (gk_decision_for_row); a decision the map lacks makes the build fail with
 * GK_EINVALID naming it. */
GK_EXTERN(void) gk_store_set_decision_map(gk_store *st, const gk_decision_map *m);

/* Hex SHA-256 of data (65 bytes with NUL), the chain's hash. Pure. */
GK_EXTERN(void) gk_sha256_hex(char out[65], const void *data, size_t len);

GK_END_DECL

#endif
