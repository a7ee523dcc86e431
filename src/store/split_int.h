/*
 * split_int.h: the version-7 backend methods (split applications and
 * recorded decisions, include/gk/sys/store_backend.h) of a backend whose
 * functions are named P##case_parent_set …: their declarations, and the
 * rows of its backend table (as users_int.h).
 */
#ifndef GK_STORE_SPLIT_INT_H
#define GK_STORE_SPLIT_INT_H

#include "store_int.h"

#define GK_STORE_SPLIT_METHODS(P)                                                                  \
    int P##case_parent_set(gk_store *st, int64_t child_id, int64_t parent_id);                     \
    int P##case_links(gk_store *st, int64_t case_id, gk_case_link_cb cb, void *payload);          \
    int P##decision_put(gk_store *st, int64_t case_id, const char *decision);                      \
    int P##decision_get(gk_store *st, int64_t case_id, gk_buf *out, bool *found);                  \
    int P##t3_decisions(gk_store *st, int year, const char *agency, gk_t3_decision_cb cb,          \
                        void *payload);

#define GK_STORE_SPLIT_TABLE(P)                                                                    \
    .case_parent_set = P##case_parent_set, .case_links = P##case_links,                            \
    .decision_put = P##decision_put, .decision_get = P##decision_get,                              \
    .t3_decisions = P##t3_decisions

#endif
