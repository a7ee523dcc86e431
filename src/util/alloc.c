/*
 * alloc.c: the only file that calls the C allocator (conventions C4, R10).
 * A test hook can make the Nth allocation fail (curl -t, lua countlimit).
 */
#define GK_ALLOW_RAW_ALLOC 1
#include <stdlib.h>
#include <string.h>
#include "util.h"

static unsigned long fail_at;   /* 0 = never */
static unsigned long alloc_seq; /* allocations since gk_alloc_fail_at */

static int should_fail(void)
{
    alloc_seq++;
    return fail_at != 0 && alloc_seq == fail_at;
}

unsigned long gk_alloc_fail_at(unsigned long n)
{
    unsigned long made = alloc_seq;

    fail_at = n;
    alloc_seq = 0;
    return made;
}

void *gk_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *gk_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *gk_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

void gk_free(void *p)
{
    free(p);
}

char *gk_strndup(const char *s, size_t n)
{
    char *d = gk_malloc(n + 1);

    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *gk_strdup(const char *s)
{
    return gk_strndup(s, strlen(s));
}
