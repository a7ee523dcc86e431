/*
 * bench_parse.c: parse + validate throughput over published reports (issue
 * 3), on one core and on all cores, beside two baselines measured in the
 * same run: reading the same bytes from the page cache (the floor), and
 * gumbo building its full tree of the same HTML pages (the reference
 * parser). Report the ratios, not the absolute times.
 *
 * usage: bench_parse [--reps N] [--jobs N] [--html-only] [--json]
 *                    [--file-stats] [--profile N [--profile-mode M]] FILE...
 *
 * --file-stats adds, for each HTML page alone on one core, gumbo's rate and
 * ours (issue 3 quotes gumbo's rate on the 111 KB page 021); text output
 * only, not with --json.
 *
 * --profile N runs N passes of parse + validate (or of --profile-mode gumbo,
 * parse or read) on the calling thread and nothing else (no calibration, no
 * baselines), for valgrind --tool=callgrind, whose instruction counts are
 * repeatable where wall time is not.
 */
#include <fcntl.h>
#include <gumbo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gk/gk.h"
#include "bench.h"

typedef struct {
    char *path;
    char *data;
    size_t len;
    bool html;
} sample;

static sample *samples;
static size_t nsamples;
static double total_bytes;

typedef enum { MODE_READ, MODE_GUMBO, MODE_PARSE, MODE_CHECK } mode;
static const char *const mode_names[] = {"read (baseline)", "gumbo tree (baseline)",
                                         "gk_parse", "gk_parse + gk_validate"};

/* The mode called name on the command line, or -1. */
static int mode_named(const char *name)
{
    static const char *const names[] = {"read", "gumbo", "parse", "check"};
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i]))
            return (int)i;
    return -1;
}

static bool is_html(const char *p)
{
    size_t n = strlen(p);
    return (n > 5 && !strcmp(p + n - 5, ".html")) || (n > 4 && !strcmp(p + n - 4, ".htm"));
}

static void load(const char *path)
{
    gk_buf b = GK_BUF_INIT;

    if (gk_file_read(&b, path, GK_MAX_INPUT) < 0) {
        fprintf(stderr, "bench_parse: %s\n", gk_error_last()->message);
        exit(2);
    }
    samples = realloc(samples, (nsamples + 1) * sizeof *samples);
    samples[nsamples].path = strdup(path);
    samples[nsamples].len = b.len;
    samples[nsamples].data = gk_buf_take(&b, NULL);
    samples[nsamples].html = is_html(path);
    nsamples++;
}

static bool html_only;
static long only = -1; /* >= 0: the passes read this sample alone */

static bool selected(size_t i)
{
    return (only < 0 || (size_t)only == i) && !(html_only && !samples[i].html);
}

/* One pass over the sample set in the given mode; returns items done. */
static size_t pass(mode m, char *scratch, size_t scratch_len)
{
    size_t i, items = 0;

    for (i = 0; i < nsamples; i++) {
        const sample *s = &samples[i];
        if (!selected(i))
            continue;
        if (m == MODE_GUMBO && !s->html)
            continue;
        if (m == MODE_READ) {
            int fd = open(s->path, O_RDONLY);
            ssize_t n;
            if (fd < 0)
                exit(2);
            while ((n = read(fd, scratch, scratch_len)) > 0)
                ;
            close(fd);
        } else if (m == MODE_GUMBO) {
            GumboOutput *o = gumbo_parse_with_options(&kGumboDefaultOptions, s->data, s->len);
            gumbo_destroy_output(&kGumboDefaultOptions, o);
        } else {
            gk_report *r = NULL;
            if (gk_parse(&r, s->data, s->len, NULL) == 0 && m == MODE_CHECK) {
                gk_diag_list *dl = NULL;
                if (gk_diag_list_new(&dl) == 0 && gk_validate(dl, r, NULL) < 0)
                    exit(5);
                gk_diag_list_free(dl);
            }
            gk_report_free(r);
        }
        items++;
    }
    return items;
}

typedef struct {
    mode m;
    int iters;
    size_t items;
} thread_arg;

static void *thread_main(void *p)
{
    thread_arg *a = p;
    size_t cap = 1 << 20;
    char *scratch = malloc(cap);
    int k;

    for (k = 0; k < a->iters; k++)
        a->items += pass(a->m, scratch, cap);
    free(scratch);
    return NULL;
}

/* Runs mode m on `jobs` threads, reps times, each rep `iters` passes. */
static bench_result run(mode m, int jobs, int reps, int iters, double *bytes_per_pass)
{
    bench_result r;
    double t[64];
    int rep, j;
    size_t items = 0;
    pthread_t tid[64];
    thread_arg args[64];
    char name[96];

    for (rep = 0; rep < reps; rep++) {
        double t0 = bench_now();
        for (j = 0; j < jobs; j++) {
            args[j].m = m;
            args[j].iters = iters;
            args[j].items = 0;
            pthread_create(&tid[j], NULL, thread_main, &args[j]);
        }
        items = 0;
        for (j = 0; j < jobs; j++) {
            pthread_join(tid[j], NULL);
            items += args[j].items;
        }
        t[rep] = bench_now() - t0;
    }
    snprintf(name, sizeof name, "%s ×%d", mode_names[m], jobs);
    r.name = strdup(name);
    bench_stats(&r, t, reps);
    r.items = (double)items;
    r.bytes = bytes_per_pass[m] * iters * jobs;
    return r;
}

/* Bytes per pass of each mode over the selected samples; returns how many
 * samples are selected. */
static size_t selection_bytes(double bytes_pp[4])
{
    size_t k, n = 0;

    memset(bytes_pp, 0, 4 * sizeof *bytes_pp);
    for (k = 0; k < nsamples; k++) {
        if (!selected(k))
            continue;
        n++;
        bytes_pp[MODE_READ] += (double)samples[k].len;
        bytes_pp[MODE_PARSE] += (double)samples[k].len;
        bytes_pp[MODE_CHECK] += (double)samples[k].len;
        if (samples[k].html)
            bytes_pp[MODE_GUMBO] += (double)samples[k].len;
    }
    return n;
}

/* Passes per repetition so that one of parse + validate takes about
 * seconds (the slowest mode, gumbo, then takes a few times longer). */
static int calibrate(double seconds, char *scratch, size_t len)
{
    double t0 = bench_now(), per_pass;

    (void)pass(MODE_CHECK, scratch, len);
    per_pass = bench_now() - t0;
    return per_pass > 0 ? (int)(seconds / per_pass) + 1 : 100;
}

/* Each HTML page alone on one core: gumbo's tree, gk_parse, and gk_parse +
 * gk_validate, as pages/s (mean over the repetitions, and the best
 * repetition) and MB/s. */
static void print_file_stats(int reps, char *scratch, size_t len)
{
    static const mode modes[] = {MODE_GUMBO, MODE_PARSE, MODE_CHECK};
    double bytes_pp[4];
    size_t k, m;

    printf("\neach HTML page alone, one core (pages/s: mean of the repetitions, best):\n");
    for (k = 0; k < nsamples; k++) {
        int iters;
        double rate[3];
        const char *base = strrchr(samples[k].path, '/');
        if (!samples[k].html)
            continue;
        only = (long)k;
        (void)selection_bytes(bytes_pp);
        iters = calibrate(0.1, scratch, len);
        printf("%s (%zu bytes)\n", base ? base + 1 : samples[k].path, samples[k].len);
        for (m = 0; m < GK_ARRAY_LEN(modes); m++) {
            bench_result r = run(modes[m], 1, reps, iters, bytes_pp);
            rate[m] = r.items / r.mean;
            printf("  %-24s %8.0f pages/s (best %8.0f) %8.1f MB/s\n", mode_names[modes[m]],
                   rate[m], r.items / r.min, r.bytes / r.mean / 1e6);
            free((char *)(uintptr_t)r.name);
        }
        printf("  parse+validate is %.2f× gumbo's rate on this page\n", rate[2] / rate[0]);
    }
    only = -1;
}

int main(int argc, char **argv)
{
    int reps = 5, profile = 0, profile_mode = MODE_CHECK, jobs = (int)sysconf(_SC_NPROCESSORS_ONLN), i, iters, m, js;
    bool json = false;
    double bytes_pp[4];
    size_t nselected;
    bool file_stats = false;
    bench_result res[2][4];
    char scratch[65536];

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
            jobs = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--profile") && i + 1 < argc)
            profile = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--profile-mode") && i + 1 < argc)
            profile_mode = mode_named(argv[++i]);
        else if (!strcmp(argv[i], "--html-only"))
            html_only = true;
        else if (!strcmp(argv[i], "--json"))
            json = true;
        else if (!strcmp(argv[i], "--file-stats"))
            file_stats = true;
        else
            load(argv[i]);
    }
    if (reps < 1 || reps > 64 || jobs < 1 || jobs > 64 || nsamples == 0 || profile_mode < 0) {
        fprintf(stderr, "usage: bench_parse [--reps N] [--jobs N] [--html-only] [--json] "
                        "[--file-stats] [--profile N [--profile-mode read|gumbo|parse|check]] "
                        "FILE...\n");
        return 2;
    }
    if (profile > 0) {
        for (i = 0; i < profile; i++)
            (void)pass((mode)profile_mode, scratch, sizeof scratch);
        return 0;
    }
    nselected = selection_bytes(bytes_pp);
    total_bytes = bytes_pp[MODE_READ];
    iters = calibrate(0.3, scratch, sizeof scratch);
    for (js = 0; js < 2; js++) {
        int nj = js == 0 ? 1 : jobs;
        for (m = 0; m < 4; m++) {
            if (m == MODE_GUMBO && bytes_pp[MODE_GUMBO] <= 0) {
                memset(&res[js][m], 0, sizeof res[js][m]);
                continue;
            }
            res[js][m] = run((mode)m, nj, reps, iters, bytes_pp);
        }
    }
    if (json) {
        printf("{\"samples\": %zu, \"bytes\": %.0f, \"results\": [", nselected, total_bytes);
        for (js = 0; js < 2; js++)
            for (m = 0; m < 4; m++)
                if (res[js][m].name)
                    printf("%s{\"name\": \"%s\", \"mean_s\": %.6f, \"sd_s\": %.6f, "
                           "\"items_per_s\": %.1f, \"mb_per_s\": %.2f}",
                           js + m ? ", " : "", res[js][m].name, res[js][m].mean, res[js][m].sd,
                           res[js][m].items / res[js][m].mean,
                           res[js][m].bytes / res[js][m].mean / 1e6);
        printf("]}\n");
        return 0;
    }
    printf("%zu reports, %.0f bytes per pass, %d passes per repetition, %d repetitions\n",
           nselected, total_bytes, iters, reps);
    for (js = 0; js < 2; js++)
        for (m = 0; m < 4; m++)
            if (res[js][m].name)
                bench_print(&res[js][m]);
    for (js = 0; js < 2; js++) {
        double check = res[js][MODE_CHECK].items / res[js][MODE_CHECK].mean;
        double readr = res[js][MODE_READ].bytes / res[js][MODE_READ].mean;
        printf("ratio ×%d: parse+validate reads %.2f%% of the read-baseline byte rate",
               js == 0 ? 1 : jobs, 100.0 * (res[js][MODE_CHECK].bytes / res[js][MODE_CHECK].mean) / readr);
        if (res[js][MODE_GUMBO].name) {
            double gb = res[js][MODE_GUMBO].bytes / res[js][MODE_GUMBO].mean;
            double cb = res[js][MODE_CHECK].bytes / res[js][MODE_CHECK].mean;
            printf("; %.2f× gumbo's byte rate", cb / gb);
        }
        printf("; %.0f reports/s\n", check);
    }
    if (file_stats)
        print_file_stats(reps, scratch, sizeof scratch);
    return 0;
}
