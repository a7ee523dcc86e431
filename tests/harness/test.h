/*
 * test.h: gongkai's vendored test harness (conventions C6). Tests register
 * themselves:
 *
 *     GK_TEST(core_calendar, skips_holiday) { GK_T_INT_EQ(1, 1); }
 *
 * A run prints TAP lines, "1..N", then one summary line
 * "gk-tests: P passed, F failed, S skipped" and exits non-zero when anything
 * failed or nothing ran. "-s core_calendar" filters by prefix.
 */
#ifndef GK_TEST_H
#define GK_TEST_H

#include <stdint.h>
#include <string.h>

typedef void (*gk_test_fn)(void);

void gk_test__register(const char *suite, const char *name, gk_test_fn fn);
void gk_test__fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void gk_test__skip(const char *reason);
int gk_test__failed(void);

/* Directory of the source tree (GK_SOURCE_DIR env or compiled-in). */
const char *gk_test_srcdir(void);
/* Joins the source directory and a relative path into a static buffer slot
 * (up to 8 live results). */
const char *gk_test_path(const char *rel);
/* Reads a file into a NUL-terminated heap buffer (caller frees with gk_free);
 * aborts the test on failure. */
char *gk_test_slurp(const char *path, size_t *len_out);

#define GK_TEST(suite, name)                                                                       \
    static void test_##suite##__##name(void);                                                      \
    __attribute__((constructor)) static void reg_##suite##__##name(void)                           \
    {                                                                                              \
        gk_test__register(#suite, #name, test_##suite##__##name);                                  \
    }                                                                                              \
    static void test_##suite##__##name(void)

#define GK_T_FAIL(...)                                                                             \
    do {                                                                                           \
        gk_test__fail(__FILE__, __LINE__, __VA_ARGS__);                                            \
        return;                                                                                    \
    } while (0)

#define GK_T_OK(expr)                                                                              \
    do {                                                                                           \
        if (!(expr))                                                                               \
            GK_T_FAIL("expected true: %s", #expr);                                                 \
    } while (0)

#define GK_T_INT_EQ(got, want)                                                                     \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ != w_)                                                                              \
            GK_T_FAIL("%s: got %lld, expected %lld", #got, g_, w_);                                \
    } while (0)

#define GK_T_STR_EQ(got, want)                                                                     \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (!g_ || !w_ || strcmp(g_, w_) != 0)                                                     \
            GK_T_FAIL("%s:\n  got:      '%s'\n  expected: '%s'", #got, g_ ? g_ : "(null)",         \
                      w_ ? w_ : "(null)");                                                         \
    } while (0)

#define GK_T_MEM_EQ(got, glen, want, wlen)                                                         \
    do {                                                                                           \
        size_t gl_ = (glen), wl_ = (wlen);                                                         \
        if (gl_ != wl_ || memcmp((got), (want), gl_) != 0)                                         \
            GK_T_FAIL("%s: %zu bytes differ from expected %zu bytes", #got, gl_, wl_);             \
    } while (0)

/* Asserts a gongkai call returned 0, printing gk_error_last() otherwise. */
#define GK_T_CALL(expr)                                                                            \
    do {                                                                                           \
        int e_ = (expr);                                                                           \
        if (e_ < 0)                                                                                \
            GK_T_FAIL("%s failed (%d): %s", #expr, e_, gk_error_last()->message);                  \
    } while (0)

#define GK_T_SKIP(reason)                                                                          \
    do {                                                                                           \
        gk_test__skip(reason);                                                                     \
        return;                                                                                    \
    } while (0)

#endif
