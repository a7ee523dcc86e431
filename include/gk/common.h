/*
 * common.h: export macro, attributes, version, string slices and the
 * allocator every part of gongkai goes through.
 */
#ifndef GK_COMMON_H
#define GK_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define GK_BEGIN_DECL extern "C" {
#define GK_END_DECL   }
#else
#define GK_BEGIN_DECL
#define GK_END_DECL
#endif

/* Exported API; everything else is hidden by -fvisibility=hidden. */
#if defined(__GNUC__)
#define GK_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define GK_EXTERN(type) type
#endif

#if defined(__GNUC__)
#define GK_WARN_UNUSED     __attribute__((warn_unused_result))
#define GK_PRINTF(fmt, va) __attribute__((format(printf, fmt, va)))
#define GK_NORETURN        __attribute__((noreturn))
#else
#define GK_WARN_UNUSED
#define GK_PRINTF(fmt, va)
#define GK_NORETURN
#endif

#define GK_VERSION_MAJOR  0
#define GK_VERSION_MINOR  1
#define GK_VERSION_PATCH  0
#define GK_VERSION_STRING "0.1.0"

#define GK_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

GK_BEGIN_DECL

/* A borrowed UTF-8 slice; not NUL-terminated unless stated. */
typedef struct {
    const char *ptr;
    size_t len;
} gk_str;

/* All allocation goes through these (curl's curlx, conventions C4), so tests
 * can fail the Nth allocation. gk_free(NULL) is a no-op. */
GK_EXTERN(void *) gk_malloc(size_t n);
GK_EXTERN(void *) gk_calloc(size_t n, size_t size);
GK_EXTERN(void *) gk_realloc(void *p, size_t n);
GK_EXTERN(void) gk_free(void *p);
/* Returns a NUL-terminated copy of s[0..n); caller frees with gk_free. */
GK_EXTERN(char *) gk_strndup(const char *s, size_t n);
GK_EXTERN(char *) gk_strdup(const char *s);

/* Test hook: make the allocation numbered n (1-based, counted from this
 * call) fail; 0 disables. Returns the number of allocations made since the
 * previous call. Not thread-safe; tests only. */
GK_EXTERN(unsigned long) gk_alloc_fail_at(unsigned long n);

GK_END_DECL

#endif
