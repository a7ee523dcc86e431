/*
 * review3_int.h: the version-5 backend methods (three-level review of
 * catalogue items, include/gk/sys/store_backend.h) of a backend whose
 * functions are named P##review3_foreach …: their declarations and the
 * rows of its backend table, as users_int.h does for version 4.
 */
#ifndef GK_STORE_REVIEW3_INT_H
#define GK_STORE_REVIEW3_INT_H

#include "store_int.h"

#define GK_STORE_REVIEW3_METHODS(P)                                                                \
    int P##review3_foreach(gk_store *st, const char *agency, int64_t item_id, const char *state,  \
                           gk_review3_cb cb, void *payload);                                      \
    int P##review3_put(gk_store *st, int64_t item_id, const char *state, int round,               \
                       const char *body);                                                         \
    int P##review3_step_insert(gk_store *st, const gk_review3_step_rec *s);                       \
    int P##review3_step_foreach(gk_store *st, int64_t item_id, gk_review3_step_cb cb,             \
                                void *payload);

#define GK_STORE_REVIEW3_TABLE(P)                                                                  \
    .review3_foreach = P##review3_foreach, .review3_put = P##review3_put,                          \
    .review3_step_insert = P##review3_step_insert,                                                 \
    .review3_step_foreach = P##review3_step_foreach

#endif
