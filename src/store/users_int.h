/*
 * users_int.h: the version-4 backend methods (staff accounts and
 * sessions, include/gk/sys/store_backend.h) of a backend whose functions
 * are named P##user_insert …: their declarations, and the rows of its
 * backend table. Kept apart from store_int.h's version-2 macros so that
 * each backend adds two lines.
 */
#ifndef GK_STORE_USERS_INT_H
#define GK_STORE_USERS_INT_H

#include "store_int.h"

#define GK_STORE_USER_METHODS(P)                                                                   \
    int P##user_insert(gk_store *st, gk_user *u);                                                  \
    int P##user_update(gk_store *st, const gk_user *u);                                            \
    int P##user_foreach(gk_store *st, const char *name, gk_user_cb cb, void *payload);            \
    int P##session_insert(gk_store *st, const gk_user_session *s);                                 \
    int P##session_get(gk_store *st, const char *token_hash, int64_t now, gk_user_session_cb cb,  \
                       void *payload);                                                             \
    int P##session_delete(gk_store *st, const char *token_hash, int64_t user_id);                  \
    int P##session_expire(gk_store *st, int64_t now, int64_t *n_out);

#define GK_STORE_USER_TABLE(P)                                                                     \
    .user_insert = P##user_insert, .user_update = P##user_update,                                  \
    .user_foreach = P##user_foreach, .session_insert = P##session_insert,                          \
    .session_get = P##session_get, .session_delete = P##session_delete,                            \
    .session_expire = P##session_expire

#endif
