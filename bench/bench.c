/* bench.c: timing and statistics of the benchmarks. */
#include <math.h>
#include <stdio.h>
#include <time.h>
#include "bench.h"

double bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void bench_stats(bench_result *r, const double *s, int n)
{
    double sum = 0, sq = 0;
    int i;

    r->min = r->max = s[0];
    for (i = 0; i < n; i++) {
        sum += s[i];
        if (s[i] < r->min)
            r->min = s[i];
        if (s[i] > r->max)
            r->max = s[i];
    }
    r->mean = sum / n;
    for (i = 0; i < n; i++)
        sq += (s[i] - r->mean) * (s[i] - r->mean);
    r->sd = n > 1 ? sqrt(sq / (n - 1)) : 0;
}

void bench_print(const bench_result *r)
{
    printf("%-34s %9.3f ms ± %6.3f  (%8.3f … %8.3f)  %10.0f items/s  %8.1f MB/s\n", r->name,
           r->mean * 1e3, r->sd * 1e3, r->min * 1e3, r->max * 1e3, r->items / r->mean,
           r->bytes / r->mean / 1e6);
}
