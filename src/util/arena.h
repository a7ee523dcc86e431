/*
 * arena.h: a bump allocator for documents (h2o mem_pool, libgit2 pool).
 * Everything allocated from an arena is freed at once by gk_arena_release.
 */
#ifndef GK_UTIL_ARENA_H
#define GK_UTIL_ARENA_H

#include "util.h"

typedef struct gk_arena_chunk gk_arena_chunk;

typedef struct {
    gk_arena_chunk *head;
    size_t used;  /* bytes handed out, for caps */
    size_t max;   /* 0 = unlimited */
} gk_arena;

#define GK_ARENA_INIT {NULL, 0, 0}

/* Returns zeroed memory aligned for any type, or NULL (error set) on ENOMEM
 * or when the arena's cap would be exceeded. */
void *gk_arena_alloc(gk_arena *a, size_t n);
/* Copies s[0..n) and NUL-terminates it. */
char *gk_arena_strndup(gk_arena *a, const char *s, size_t n);
/* Frees every chunk. NULL-safe. */
void gk_arena_release(gk_arena *a);

#endif
