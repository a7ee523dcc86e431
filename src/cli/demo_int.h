/*
 * demo_int.h: what the generators of `gongkai demo` share (cmd_demo.c):
 * the agency tree and the staff accounts (demo_agencies.c), the seeded
 * generator and working-day steps (demo_gen.c), and the makers of the
 * cases (demo_cases.c), the catalogue and its three-level review
 * (demo_catalogue.c), and the table-2 figures with the review and
 * litigation cases (demo_figures.c). The same seed and the same day give
 * the same database, so the makers run in a fixed order.
 */
#ifndef GK_CLI_DEMO_INT_H
#define GK_CLI_DEMO_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "gk/calendar.h"
#include "gk/http.h"
#include "gk/store.h"

/* ---- the agency tree and the staff (demo_agencies.c) */

#define DEMO_NAGENCIES ((size_t)5)
#define DEMO_NSTAFF    ((size_t)10)

extern const gk_agency demo_agencies[DEMO_NAGENCIES];
/* 前段码 of each agency's 索引号, in the order of demo_agencies[]. */
extern const char *const demo_index_prefixes[DEMO_NAGENCIES];

typedef struct {
    const char *name;
    gk_role role;
    const char *agency; /* NULL: every agency */
} demo_account;

extern const demo_account demo_staff[DEMO_NSTAFF];

/* A random password of 12 characters without look-alikes (/dev/urandom);
 * -1 when none can be read. */
int demo_random_password(char out[13]);

/* ---- the generator (demo_gen.c) */

typedef struct {
    gk_store *st;
    const gk_calendar *cal;
    gk_date today;
    int64_t cases, events, open, items, reviews;
} demo_ctx;

/* Weighted choices: {value, weight}. */
typedef struct {
    int v;
    int w;
} weighted;

/* Starts the sequence of seed (xorshift64*). */
void demo_seed(int64_t seed);
/* A number in [0, n). */
uint32_t demo_rnd(uint32_t n);
/* One value of w[0..n) drawn by weight. */
int demo_pick(const weighted *w, size_t n);
/* d + n working days; false when the calendar does not cover it. */
bool demo_workdays(const demo_ctx *x, gk_date d, int n, gk_date *out);

/* ---- the makers */

/* per_agency cases per agency received over the working days of
 * [from, to], each taken along a handling path up to today. */
int demo_cases(demo_ctx *x, gk_date from, gk_date to, int per_agency);
/* n catalogue items per agency formed in [from, to]. */
int demo_catalogue(demo_ctx *x, gk_date from, gk_date to, int n);
/* Items of 区教育局 in every state of the three-level review, each step
 * taken by the demo account of its role. */
int demo_review3(demo_ctx *x);
/* The table-2 figures of year and a few review/litigation cases. */
int demo_figures(demo_ctx *x, int year);

#endif
