/*
 * bench.h: timing and statistics shared by the benchmarks. Results print as
 * "name  mean ± sd  (min … max)  rate" (conventions C7).
 */
#ifndef GK_BENCH_H
#define GK_BENCH_H

#include <stddef.h>

/* Monotonic seconds. */
double bench_now(void);

typedef struct {
    const char *name;
    double mean, sd, min, max; /* seconds per repetition */
    double items, bytes;       /* per repetition */
} bench_result;

/* Fills mean/sd/min/max from n samples of seconds. */
void bench_stats(bench_result *r, const double *samples, int n);
/* Prints one line for people: items/s and MB/s. */
void bench_print(const bench_result *r);

#endif
