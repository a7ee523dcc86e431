/*
 * torture.h: allocation-failure torture for any test binary (curl -t,
 * SQLite's malloc tests, conventions C4). A pipeline is run once clean, then
 * once per allocation it makes with that allocation failing
 * (gk_alloc_fail_at). Each failing run must either report an error (a
 * negative code with a message: "bad input gets a clear error") or produce
 * exactly the clean run's result ("nothing is lost"): a run that succeeds
 * with a different result is silent data loss and fails the test. ASan's
 * leak checker at exit catches what a failing run forgot to free.
 *
 * Long pipelines are sampled: the first GK_TORTURE_DENSE allocations are
 * always each failed, then every stride-th one. The number of runs and the
 * stride are printed, so a reader sees how much was covered.
 *
 * Header-only (static inline) so each test binary can include it without a
 * build change.
 */
#ifndef GK_TEST_TORTURE_H
#define GK_TEST_TORTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gk/gk.h"
#include "test.h"

#define GK_TORTURE_DENSE 200ul

/* A pipeline appends a digest of everything it produced (report JSON,
 * findings, rendered text, rows read back…) to digest, and returns 0 or a
 * negative gk_error_code. It must leave no state behind between runs. */
typedef int (*gk_torture_fn)(gk_buf *digest, void *ctx);

/* Runs the torture; returns 0, or -1 with why filled in. */
static inline int gk_torture__run(const char *name, gk_torture_fn fn, void *ctx,
                                  unsigned long stride, char *why, size_t whylen)
{
    unsigned long total = 0, n, runs = 0, failed = 0;
    int rc, status = -1;
    gk_buf clean = GK_BUF_INIT, got = GK_BUF_INIT;
    struct timespec t0, t1;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (stride == 0)
        stride = 1;
    gk_error_clear();
    rc = fn(&clean, ctx);
    /* The digest's own growth must not be counted: a second clean run
     * writes into a buffer already big enough, and so do the failing runs
     * (then allocation n is the pipeline's n-th in every run). */
    if (rc == 0 && (rc = gk_buf_grow(&got, clean.len + 1)) == 0) {
        gk_alloc_fail_at(0);
        rc = fn(&got, ctx);
        total = gk_alloc_fail_at(0);
    }
    if (rc != 0) {
        snprintf(why, whylen, "%s: the clean run failed (%d): %s", name, rc,
                 gk_error_last()->message);
        goto done;
    }
    for (n = 1; n <= total; n = n < GK_TORTURE_DENSE ? n + 1 : n + stride) {
        unsigned long made;
        gk_buf_clear(&got);
        gk_error_clear();
        gk_alloc_fail_at(n);
        rc = fn(&got, ctx);
        made = gk_alloc_fail_at(0);
        runs++;
        if (made < n) {
            snprintf(why, whylen,
                     "%s: the run failing allocation %lu made only %lu (the pipeline is not "
                     "deterministic)",
                     name, n, made);
            goto done;
        }
        if (rc > 0) {
            snprintf(why, whylen, "%s: allocation %lu failing gave a positive code %d", name, n,
                     rc);
            goto done;
        }
        if (rc == 0 && (got.len != clean.len ||
                        (got.len && memcmp(got.ptr, clean.ptr, got.len) != 0))) {
            size_t at = 0;
            while (at < got.len && at < clean.len && got.ptr[at] == clean.ptr[at])
                at++;
            snprintf(why, whylen,
                     "%s: allocation %lu failing was not reported but changed the result "
                     "(first difference at byte %zu of %zu; clean run %zu bytes)",
                     name, n, at, got.len, clean.len);
            goto done;
        }
        if (rc < 0 && !*gk_error_last()->message) {
            snprintf(why, whylen, "%s: allocation %lu failing returned %d without a message", name,
                     n, rc);
            goto done;
        }
        failed += rc < 0;
        if (rc == 0 && getenv("GK_TORTURE_VERBOSE"))
            printf("# %s: allocation %lu failing: clean result\n", name, n);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("# %s: %lu allocations, %lu runs (all of the first %lu, then every %lu), %lu "
           "reported the failure, %lu gave the clean result, %.1f s\n",
           name, total, runs, GK_TORTURE_DENSE, stride, failed, runs - failed,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    /* the torture means something only if it reached our allocations */
    if (total < 5 || failed == 0) {
        snprintf(why, whylen, "%s: only %lu allocations, %lu failures seen", name, total, failed);
        goto done;
    }
    gk_buf_clear(&got);
    rc = fn(&got, ctx);
    if (rc != 0 || got.len != clean.len || (got.len && memcmp(got.ptr, clean.ptr, got.len))) {
        snprintf(why, whylen, "%s: the run after the torture did not give the clean result",
                 name);
        if (getenv("GK_TORTURE_VERBOSE"))
            printf("# clean:\n%s\n# after:\n%s\n", gk_buf_cstr(&clean), gk_buf_cstr(&got));
        goto done;
    }
    status = 0;
done:
    gk_alloc_fail_at(0);
    gk_buf_release(&clean);
    gk_buf_release(&got);
    return status;
}

/* In a GK_TEST body: fails the test with the reason. */
#define GK_TORTURE(name, fn, ctx, stride)                                                          \
    do {                                                                                           \
        char why_[512];                                                                            \
        if (gk_torture__run((name), (fn), (ctx), (stride), why_, sizeof(why_)) != 0)               \
            GK_T_FAIL("%s", why_);                                                                 \
    } while (0)

#endif
