/*
 * search_int.h: the version-6 backend method (the public catalogue's
 * counts by 第二十条 item, store_backend.h), declared and tabled by one
 * macro for both backends, as the other method groups are.
 */
#ifndef GK_STORE_SEARCH_INT_H
#define GK_STORE_SEARCH_INT_H

#include "gk/sys/store_backend.h"

#define GK_STORE_SEARCH_METHODS(P)                                                                 \
    int P##item_count(gk_store *st, const gk_item_query *q, int64_t counts[GK_ART20_SLOTS]);

#define GK_STORE_SEARCH_TABLE(P) .item_count = P##item_count

/* The title search of docs/stack.md T1/T2 needs 3 characters for the
 * trigram index; a query of fewer code points takes the bounded scan. */
#define GK_SEARCH_TRIGRAM_MIN 3

/* Code points of a UTF-8 string. */
size_t gk_store__code_points(const char *s);

#endif
