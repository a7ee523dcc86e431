/*
 * bench_store.c: the registers' two hot paths, each beside a baseline
 * measured in the same run on the same database file:
 *   - intake: gk_store_case_add (intake check, tracking code from the
 *     CSPRNG, applicant de-dup upsert, case row, hash-chained audit event)
 *     in transactions of 10,000, beside a bare prepared INSERT of the same
 *     number of rows into a plain table, also in transactions of 10,000;
 *   - report: gk_store_report_build (table 3 of one year) beside a bare
 *     `SELECT count(*) FROM cases`.
 * Default 20,000 cases (a few seconds); --cases N, or --long for 1,000,000.
 * Build and run: bench/store/run.sh [args].
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "gk/errors.h"
#include "gk/store.h"

#define BATCH 10000
#define REPS  5

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint32_t rng = 12345u;
static uint32_t rnd(uint32_t n)
{
    rng = rng * 1664525u + 1013904223u;
    return (rng >> 8) % n;
}

static int die(const char *what)
{
    fprintf(stderr, "bench_store: %s: %s\n", what, gk_error_last()->message);
    return 1;
}

/* "name  mean ± sd  (min … max)" and a throughput when rows > 0. */
static void stats(const char *name, const double *t, int n, double rows)
{
    double mean = 0, var = 0, mn = t[0], mx = t[0];
    int i;

    for (i = 0; i < n; i++) {
        mean += t[i] / n;
        mn = t[i] < mn ? t[i] : mn;
        mx = t[i] > mx ? t[i] : mx;
    }
    for (i = 0; i < n; i++)
        var += (t[i] - mean) * (t[i] - mean) / n;
    printf("%-30s %10.2f ms ± %.2f  (%.2f … %.2f)", name, mean * 1e3, sqrt(var) * 1e3, mn * 1e3,
           mx * 1e3);
    if (rows > 0)
        printf("  %.0f rows/s", rows / mean);
    printf("\n");
}

static void random_case(gk_case *c, char *name, size_t cap, long i)
{
    gk_date base = {2023, 1, 1};

    gk_case_init(c);
    snprintf(name, cap, "申请人%ld", i % 5000);
    c->applicant = name;
    c->applicant_type = (gk_applicant_type)rnd(GK_APPLICANT_NTYPES);
    c->channel = GK_CHANNEL_ONLINE;
    if (gk_date_add_days(&c->received, base, rnd(700)) < 0)
        c->received = base;
    c->arrival = c->received;
    c->state = GK_CASE_IN_PROGRESS;
    if (rnd(10) != 0 && gk_date_add_days(&c->concluded, c->received, rnd(60)) == 0) {
        c->outcome = GK_T3_FIRST_RESULT + (int)rnd(GK_T3_LAST_RESULT - GK_T3_FIRST_RESULT + 1);
        c->state = GK_CASE_ANSWERED;
    }
}

int main(int argc, char **argv)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    char path[256], side[300], name[64];
    gk_store *st = NULL;
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL, *cnt = NULL;
    double t_intake[1], t_bare[1], t_rep[REPS], t_cnt[REPS];
    long n = 20000, i;
    int r;

    for (r = 1; r < argc; r++) {
        if (!strcmp(argv[r], "--long"))
            n = 1000000;
        else if (!strcmp(argv[r], "--cases") && r + 1 < argc)
            n = strtol(argv[++r], NULL, 10);
        else {
            fprintf(stderr, "usage: bench_store [--cases N | --long]\n");
            return 2;
        }
    }
    snprintf(path, sizeof path, "/tmp/gk-bench-store-%ld.db", (long)getpid());
    o.no_schema_check = true;
    o.actor = "bench";
    if (gk_store_open(&st, path, &o) < 0 || gk_store_migrate(st, NULL, NULL) < 0 ||
        gk_store_agency_add(st, &gov, NULL) < 0)
        return die("setup");

    /* Intake through the store. */
    t_intake[0] = now_s();
    for (i = 0; i < n; i++) {
        gk_case c;
        if (i % BATCH == 0 && gk_store_tx_begin(st) < 0)
            return die("begin");
        random_case(&c, name, sizeof name, i);
        if (gk_store_case_add(st, &c) < 0)
            return die("case add");
        if ((i % BATCH == BATCH - 1 || i == n - 1) && gk_store_tx_commit(st) < 0)
            return die("commit");
    }
    t_intake[0] = now_s() - t_intake[0];

    /* Baseline: bare INSERTs of as many rows, same file, same batches. */
    if (sqlite3_open(path, &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "PRAGMA synchronous=FULL; CREATE TABLE bare(a INTEGER, b TEXT, c TEXT, d TEXT)",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO bare VALUES (?1, ?2, '2024-01-01', 'R_GRANT')", -1,
                           &ins, NULL) != SQLITE_OK)
        return die("bare setup");
    t_bare[0] = now_s();
    for (i = 0; i < n; i++) {
        if (i % BATCH == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        snprintf(name, sizeof name, "申请人%ld", i % 5000);
        sqlite3_bind_int64(ins, 1, i);
        sqlite3_bind_text(ins, 2, name, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE)
            return die("bare insert");
        sqlite3_reset(ins);
        if (i % BATCH == BATCH - 1 || i == n - 1)
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    t_bare[0] = now_s() - t_bare[0];

    /* Report vs count(*), alternated so both see the same cache state. */
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM cases", -1, &cnt, NULL) != SQLITE_OK)
        return die("count");
    for (r = 0; r < REPS; r++) {
        gk_report *rep = NULL;
        double t0 = now_s();
        if (gk_store_report_build(&rep, st, 2024, NULL) < 0)
            return die("report");
        t_rep[r] = now_s() - t0;
        gk_report_free(rep);
        t0 = now_s();
        if (sqlite3_step(cnt) != SQLITE_ROW || sqlite3_column_int64(cnt, 0) != n)
            return die("count mismatch");
        sqlite3_reset(cnt);
        t_cnt[r] = now_s() - t0;
    }

    printf("bench_store: %ld cases, SQLite %s, %s\n", n, sqlite3_libversion(), path);
    stats("intake gk_store_case_add", t_intake, 1, (double)n);
    stats("baseline bare INSERT", t_bare, 1, (double)n);
    stats("report --year 2024 (table 3)", t_rep, REPS, (double)n);
    stats("baseline SELECT count(*)", t_cnt, REPS, (double)n);

    sqlite3_finalize(ins);
    sqlite3_finalize(cnt);
    sqlite3_close(db);
    gk_store_close(st);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return 0;
}
