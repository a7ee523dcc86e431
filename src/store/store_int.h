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

/* Fills out with "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC, from CLOCK_REALTIME). */
void gk_store__now(char out[32]);

#endif
