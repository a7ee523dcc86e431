/*
 * sys/store_backend.h: the storage backend interface, for backend
 * implementers only (libgit2 include/git2/sys, sqlite3_io_methods;
 * conventions C5). Callers use include/gk/store.h.
 *
 * A backend is a const, versioned table of functions. A concrete store
 * embeds struct gk_store as its FIRST member and is downcast with a check
 * that st->be is its own table. Methods are appended at the end and the
 * version bumped; existing ones are never reordered.
 *
 * Contracts common to all methods: return 0 or a negative gk_error_code
 * with gk_error_set(); strings handed to callbacks are borrowed for the
 * call. Writes happen only between tx_begin and tx_commit, which store.c
 * guarantees; the backend must take the write lock at tx_begin.
 */
#ifndef GK_SYS_STORE_BACKEND_H
#define GK_SYS_STORE_BACKEND_H

#include "../store.h"
#include "../store_review3.h"

GK_BEGIN_DECL

#define GK_STORE_BACKEND_VERSION 8

/* Table 3 counts as the backend computes them: rows of gk_t3_row (NEW,
 * CARRIED_IN, each result leaf, CARRIED_OUT; R_TOTAL is left 0) by
 * applicant class. */
typedef int64_t gk_t3_counts[GK_T3_NROWS][GK_APPLICANT_NTYPES];

/* One group of concluded cases for the decision map (version 7). */
typedef int (*gk_t3_decision_cb)(const char *agency, const char *applicant_type,
                                 const char *decision, const char *outcome, int64_t n,
                                 void *payload);

typedef struct gk_store_backend {
    unsigned int version; /* GK_STORE_BACKEND_VERSION */
    const char *name;     /* "sqlite", "postgresql": the DSN scheme */

    /* dsn is the part after "scheme:" for sqlite (a path), the whole URL
     * for postgresql. */
    int (*open)(gk_store **out, const char *dsn, const gk_store_opts *o);
    void (*close)(gk_store *st);
    /* Schema: the database's version and the backend's latest; migrate
     * applies migration number `version` (one step, inside a transaction
     * opened by store.c). */
    int (*schema_version)(gk_store *st, int *current_out, int *target_out);
    int (*migrate_step)(gk_store *st, int version);

    int (*tx_begin)(gk_store *st);
    int (*tx_commit)(gk_store *st);
    void (*tx_rollback)(gk_store *st);

    int (*agency_put)(gk_store *st, const gk_agency *a, int64_t *id_out);
    int (*agency_foreach)(gk_store *st, gk_agency_cb cb, void *payload);

    /* case_insert sets c->id; applicant_key is the de-duplication key. */
    int (*case_insert)(gk_store *st, gk_case *c, const char *applicant_key);
    int (*case_update)(gk_store *st, const gk_case *c);
    int (*case_foreach)(gk_store *st, const gk_case_query *q, gk_case_cb cb, void *payload);

    /* The last event's id and hash (0 and "" when there is none). */
    int (*event_last)(gk_store *st, int64_t *id_out, char hash_out[65]);
    /* Stores e exactly as given (id included); never updates or deletes. */
    int (*event_insert)(gk_store *st, const gk_store_event *e);
    int (*event_foreach)(gk_store *st, gk_store_event_cb cb, void *payload);

    /* Table 3 of year for one agency code (NULL = all). */
    int (*t3_counts)(gk_store *st, int year, const char *agency, gk_t3_counts counts);
    /* Version 1 ends here; new methods are appended, never reordered. */

    /* Version 2: catalogue, figures, review cases, year locks, fees. */
    /* item_insert sets it->id; it->index_no is final (store.c numbers it)
     * and idx holds its parsed parts. */
    int (*item_insert)(gk_store *st, gk_catalogue_item *it, const gk_index_no_parts *idx);
    int (*item_update)(gk_store *st, const gk_catalogue_item *it);
    /* q->formed_year is applied by store.c, not by the backend. */
    int (*item_foreach)(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload);
    /* The highest serial given under prefix and year (0 when none). */
    int (*item_max_serial)(gk_store *st, const char *prefix, int year, int64_t *out);
    /* Replaces the figures row of (f->agency, f->year). */
    int (*figures_put)(gk_store *st, const gk_year_figures *f);
    /* Every figures row of year, each agency's own (agency set). */
    int (*figures_foreach)(gk_store *st, int year, int (*cb)(const gk_year_figures *f, void *p),
                           void *payload);
    int (*review_insert)(gk_store *st, gk_review_case *r);
    int (*review_update)(gk_store *st, const gk_review_case *r);
    /* id > 0: that case only; else agency NULL = all. */
    int (*review_foreach)(gk_store *st, const char *agency, int64_t id, gk_review_cb cb,
                          void *payload);
    /* Year locks, keyed by agency code ("" = whole store). */
    int (*lock_insert)(gk_store *st, const char *agency, int year, const char *report_json,
                       const char *at);
    /* *found false when none; the JSON is appended to json_out. */
    int (*lock_get)(gk_store *st, const char *agency, int year, gk_buf *json_out, bool *found);
    /* Fee notices: replaced whole; get sets *found. */
    int (*fee_put)(gk_store *st, const gk_case_fee *f);
    int (*fee_get)(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found);
    /* *n_out = how many cases of the same applicant as case_id were
     * received in the calendar month of its receipt date, up to and
     * including it (by receipt date, then id): its 件 number, 109号第四条. */
    int (*applicant_month_rank)(gk_store *st, int64_t case_id, int64_t *n_out);

    /* Version 3: the events of one entity ("case", id) in id order. */
    int (*event_entity_foreach)(gk_store *st, const char *entity, int64_t entity_id,
                                gk_store_event_cb cb, void *payload);

    /* Version 4: staff accounts and sessions (store.h; store_users.c
     * validates and audits, the backend only reads and writes rows). */
    /* Sets u->id; u->created is given by store.c. */
    int (*user_insert)(gk_store *st, gk_user *u);
    /* By u->id; a NULL u->pwhash keeps the stored one. GK_ENOTFOUND. */
    int (*user_update)(gk_store *st, const gk_user *u);
    /* name NULL: every account in name order; else that one (cb not
     * called when there is none). */
    int (*user_foreach)(gk_store *st, const char *name, gk_user_cb cb, void *payload);
    int (*session_insert)(gk_store *st, const gk_user_session *s);
    /* Only a session with expires > now, tested in the query;
     * GK_ENOTFOUND (message set) otherwise. */
    int (*session_get)(gk_store *st, const char *token_hash, int64_t now, gk_user_session_cb cb,
                       void *payload);
    /* The session of token_hash, or every session of user_id when
     * token_hash is NULL. */
    int (*session_delete)(gk_store *st, const char *token_hash, int64_t user_id);
    /* Deletes sessions with expires <= now; *n_out = how many. */
    int (*session_expire)(gk_store *st, int64_t now, int64_t *n_out);

    /* Version 5: the three-level review of catalogue items
     * (store_review3.h; store_review3.c checks and audits). */
    /* Items of agency (NULL = all) or item_id (> 0), whose state (its
     * review row's, else PUBLISHED with a 发布日期 and DRAFT without) is
     * state (NULL = any), in item id order. */
    int (*review3_foreach)(gk_store *st, const char *agency, int64_t item_id, const char *state,
                           gk_review3_cb cb, void *payload);
    /* Creates or replaces the review row of item_id; body NULL keeps the
     * stored body ("" on creation). */
    int (*review3_put)(gk_store *st, int64_t item_id, const char *state, int round,
                       const char *body);
    /* Appends a step (s->id is not read). */
    int (*review3_step_insert)(gk_store *st, const gk_review3_step_rec *s);
    int (*review3_step_foreach)(gk_store *st, int64_t item_id, gk_review3_step_cb cb,
                                void *payload);

    /* Version 6: counts of the items matching q by 第二十条 item, as
     * gk_store_item_count (q->formed_year is 0). */
    int (*item_count)(gk_store *st, const gk_item_query *q, int64_t counts[GK_ART20_SLOTS]);

    /* Version 7: split applications and recorded decisions (store_split.c
     * checks and audits; the backend reads and writes rows). */
    /* Links child_id to its parent (cases.parent_id). */
    int (*case_parent_set)(gk_store *st, int64_t child_id, int64_t parent_id);
    /* The parent of case_id (is_parent true) when it has one, then its
     * children, in id order. */
    int (*case_links)(gk_store *st, int64_t case_id, gk_case_link_cb cb, void *payload);
    /* Records (replaces) the decision of case_id. */
    int (*decision_put)(gk_store *st, int64_t case_id, const char *decision);
    /* Appends the decision of case_id to out; *found false when none. */
    int (*decision_get)(gk_store *st, int64_t case_id, gk_buf *out, bool *found);
    /* The cases concluded in year (agency NULL = all; split parents are
     * never concluded) grouped by agency code, applicant type key, recorded
     * decision ("" when none) and outcome key, each group once. */
    int (*t3_decisions)(gk_store *st, int year, const char *agency, gk_t3_decision_cb cb,
                        void *payload);

    /* Version 8. Sets only the ledger number of case_id (store.c numbers
     * a new case from its id): case_update would rewrite every state
     * column and their indexes, a tenth of an intake. GK_ENOTFOUND when
     * there is no such case, GK_EEXISTS when the agency has that number. */
    int (*case_number_set)(gk_store *st, int64_t case_id, const char *tracking_no);
} gk_store_backend;

/* The base of every store: the first member of each concrete store. */
struct gk_store {
    const gk_store_backend *be;
    char *dsn;
    char *actor;
    int tx_depth;
    /* The audit chain's tail, read once per transaction (the write lock is
     * held, so nobody else can append meanwhile). */
    bool chain_loaded;
    int64_t chain_id;
    char chain_hash[65];
    /* Version 2 (store.c only; backends leave them zero). */
    char *correction;            /* correction mode's reason, or NULL */
    const gk_calendar *cal;      /* fee deadlines; NULL = own_cal */
    gk_calendar *own_cal;        /* the embedded default, loaded on use */
    /* Version 7 (store.c only). */
    const gk_decision_map *dmap; /* table-3 rows of decisions; NULL = the process's */
    /* The only agency (store.c only), resolved once per transaction like
     * the chain tail: the write lock keeps it from changing meanwhile, and
     * gk_store_agency_add drops it. NULL = not resolved. */
    char *only_agency;
};

/* Backends compiled into this library. */
extern const gk_store_backend gk_store_backend_sqlite;
extern const gk_store_backend gk_store_backend_pg; /* when built with libpq */

GK_END_DECL

#endif
