/*
 * util.h: the domain-free helpers shared inside libgk. Includes the public
 * common/errors/buf headers and the banned-function list.
 */
#ifndef GK_UTIL_UTIL_H
#define GK_UTIL_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "gk/common.h"
#include "gk/errors.h"
#include "gk/buf.h"

/* GK_ASSERT_ARG: debug builds assert; release builds set an error and
 * return GK_EINVALID (libgit2 assert_safe.h). */
#ifdef NDEBUG
#define GK_ASSERT_ARG(expr)                                                                        \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            gk_error_set(GK_ERRCLASS_INVALID, "invalid argument: '%s'", #expr);                    \
            return GK_EINVALID;                                                                    \
        }                                                                                          \
    } while (0)
#else
#include <assert.h>
#define GK_ASSERT_ARG(expr) assert(expr)
#endif

/* Impossible state: always aborts with a message (git BUG). */
GK_NORETURN void gk__bug(const char *file, int line, const char *fmt, ...) GK_PRINTF(3, 4);
#define GK_BUG(...) gk__bug(__FILE__, __LINE__, __VA_ARGS__)

/* Sets the out-of-memory error and returns GK_ENOMEM. */
int gk__oom(void);

/* Parses a decimal integer from s[0..n) strictly (optional leading '-', no
 * spaces). Returns 0 on success, GK_EINVALID otherwise. */
int gk__parse_i64(const char *s, size_t n, int64_t *out) GK_WARN_UNUSED;

#include "banned.h"

#endif
