/*
 * arena.c: chunked bump allocator. Large requests get their own chunk.
 */
#include <stdalign.h>
#include "arena.h"

#define CHUNK_SIZE 16384

struct gk_arena_chunk {
    gk_arena_chunk *next;
    size_t size;
    size_t off;
    alignas(max_align_t) unsigned char data[];
};

void *gk_arena_alloc(gk_arena *a, size_t n)
{
    const size_t al = alignof(max_align_t);
    gk_arena_chunk *c = a->head;
    size_t need = (n + al - 1) & ~(al - 1);
    void *p;

    if (need < n) {
        gk__oom();
        return NULL;
    }
    if (a->max && (need > a->max || a->used > a->max - need)) {
        gk_error_set(GK_ERRCLASS_NOMEMORY, "document exceeds its memory cap of %zu bytes", a->max);
        return NULL;
    }
    if (!c || c->size - c->off < need) {
        size_t sz = need > CHUNK_SIZE ? need : CHUNK_SIZE;
        c = gk_malloc(sizeof(*c) + sz);
        if (!c) {
            gk__oom();
            return NULL;
        }
        c->size = sz;
        c->off = 0;
        if (a->head && need > CHUNK_SIZE) {
            /* keep the partly used head for later small requests */
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    p = c->data + c->off;
    c->off += need;
    a->used += need;
    memset(p, 0, n);
    return p;
}

char *gk_arena_strndup(gk_arena *a, const char *s, size_t n)
{
    char *d = gk_arena_alloc(a, n + 1);

    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void gk_arena_release(gk_arena *a)
{
    gk_arena_chunk *c, *next;

    if (!a)
        return;
    for (c = a->head; c; c = next) {
        next = c->next;
        gk_free(c);
    }
    a->head = NULL;
    a->used = 0;
}
