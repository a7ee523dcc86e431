/*
 * store_int.h: what the files of src/store share: SHA-256, the audit
 * helper every change goes through, and the import/report internals.
 */
#ifndef GK_STORE_INT_H
#define GK_STORE_INT_H

#include "gk/store.h"
#include "gk/sys/store_backend.h"

typedef struct {
    uint32_t h[8];
    uint64_t total;
    size_t used;
    unsigned char buf[64];
} gk_sha256;

void gk_sha256_init(gk_sha256 *s);
void gk_sha256_update(gk_sha256 *s, const void *data, size_t len);
void gk_sha256_final_hex(gk_sha256 *s, char out[65]);

/* The chain hash of e: SHA-256 over e->prev_hash and every field of e
 * (id, at, actor, agency, entity, entity_id, action, before, after), each
 * as "<byte length>:<bytes>\n" so no field can bleed into the next.
 * e->hash is not read. */
void gk_store__event_hash(const gk_store_event *e, char out[65]);

/* Appends one audit event to the chain. Must be called inside a
 * transaction (GK_BUG otherwise). before may be "" (creation). */
int gk_store__audit(gk_store *st, const char *agency, const char *entity, int64_t entity_id,
                    const char *action, const char *before, const char *after) GK_WARN_UNUSED;

/* Inserts a case that gk_case_intake already accepted: code, number,
 * applicant key, row and audit event. Inside a transaction. */
int gk_store__case_insert(gk_store *st, gk_case *c) GK_WARN_UNUSED;

/* Resolves an empty agency code to the store's only agency (copied into
 * *code_out, caller frees with gk_free). GK_EINVALID when there are
 * several or none. */
int gk_store__default_agency(gk_store *st, char **code_out) GK_WARN_UNUSED;

/* Year lock (store_lock.c). Checks the years (<= 0 skipped) a change
 * falls in against the locks of agency and of the whole store: 0 when none
 * is locked; GK_ECONFLICT with the message when one is, unless the store
 * is in correction mode, where *corr_year receives that year. */
int gk_store__lock_check(gk_store *st, const char *agency, const int *years, size_t n,
                         int *corr_year) GK_WARN_UNUSED;
/* gk_store__audit, marked as a correction of corr_year when it is not 0. */
int gk_store__audit_change(gk_store *st, int corr_year, const char *agency, const char *entity,
                           int64_t entity_id, const char *action, const char *before,
                           const char *after) GK_WARN_UNUSED;

/* Fees (store_fee.c), around gk_case_apply in gk_store_case_apply:
 * before: completes a FEE_NOTICE event (amount from fee.h: 按件 from the
 * applicant's month rank, 按量 from the pages) into *ev_out and refuses a
 * FEE_LAPSED before the payment window has ended; after: records the fee
 * notice or the payment. c is the case before the event. */
int gk_store__fee_before(gk_store *st, const gk_case *c, const gk_case_event *ev,
                         gk_case_event *ev_out) GK_WARN_UNUSED;
int gk_store__fee_after(gk_store *st, const gk_case *c, const gk_case_event *ev) GK_WARN_UNUSED;

/* The stored key of a fee method ("GIVEN", "BY_COUNT", "BY_PAGES") and
 * back (-1 when unknown). */
const char *gk_store__fee_method_key(int m);
int gk_store__fee_method_from_key(const char *s);

/* Resolves agency "" to the only agency into *owned (caller frees) and
 * returns the code to use. NULL (error set) on failure. */
const char *gk_store__agency_or_default(gk_store *st, const char *agency, char **owned,
                                        int *error_out);

/* The index of s among key(0..n-1), -1 when none. */
int gk_store__key_index(const char *(*key)(int), int n, const char *s);

/* The version-2 backend methods of a backend whose functions are named
 * P##item_insert …: their declarations, and the rows of its backend table
 * (store_backend.h gives the contracts). */
#define GK_STORE_V2_METHODS(P)                                                                     \
    int P##item_insert(gk_store *st, gk_catalogue_item *it, const gk_index_no_parts *idx);        \
    int P##item_update(gk_store *st, const gk_catalogue_item *it);                                \
    int P##item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload);      \
    int P##item_max_serial(gk_store *st, const char *prefix, int year, int64_t *out);             \
    int P##figures_put(gk_store *st, const gk_year_figures *f);                                   \
    int P##figures_foreach(gk_store *st, int year,                                                \
                           int (*cb)(const gk_year_figures *f, void *p), void *payload);          \
    int P##review_insert(gk_store *st, gk_review_case *r);                                        \
    int P##review_update(gk_store *st, const gk_review_case *r);                                  \
    int P##review_foreach(gk_store *st, const char *agency, int64_t id, gk_review_cb cb,          \
                          void *payload);                                                         \
    int P##lock_insert(gk_store *st, const char *agency, int year, const char *report_json,       \
                       const char *at);                                                           \
    int P##lock_get(gk_store *st, const char *agency, int year, gk_buf *json_out, bool *found);   \
    int P##fee_put(gk_store *st, const gk_case_fee *f);                                           \
    int P##fee_get(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found);                 \
    int P##applicant_month_rank(gk_store *st, int64_t case_id, int64_t *n_out);

#define GK_STORE_V2_TABLE(P)                                                                       \
    .item_insert = P##item_insert, .item_update = P##item_update,                                  \
    .item_foreach = P##item_foreach, .item_max_serial = P##item_max_serial,                        \
    .figures_put = P##figures_put, .figures_foreach = P##figures_foreach,                          \
    .review_insert = P##review_insert, .review_update = P##review_update,                          \
    .review_foreach = P##review_foreach, .lock_insert = P##lock_insert,                            \
    .lock_get = P##lock_get, .fee_put = P##fee_put, .fee_get = P##fee_get,                         \
    .applicant_month_rank = P##applicant_month_rank

/* Split applications and decisions (store_split.c). split_guard refuses
 * a SPLIT event through gk_store_case_apply (only gk_store_case_split makes
 * the children); decision_after records an ANSWER's decision (n is the
 * case after the event); t3_by_decision recounts the result rows of counts
 * from the decisions of the year's concluded cases through the store's
 * decision map (GK_EINVALID naming an unmapped decision). */
int gk_store__split_guard(const gk_case_event *ev) GK_WARN_UNUSED;
int gk_store__decision_after(gk_store *st, const gk_case *n, const gk_case_event *ev)
    GK_WARN_UNUSED;
int gk_store__t3_by_decision(gk_store *st, int year, const char *agency, gk_t3_counts counts)
    GK_WARN_UNUSED;

/* Fills out with "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC, from CLOCK_REALTIME). */
void gk_store__now(char out[32]);

#endif
