/*
 * report.c: table 3 built from the registers equals an independent count.
 * A ledger of 600 cases received from 2022-10 to 2024-12 (some concluded
 * next year, some still open) is generated with a fixed seed, imported as
 * CSV, and the 2023 and 2024 tables are compared cell by cell with a count
 * made here by walking each case's life (spec §1.4 invariant 5, §3):
 * NEW by receipt year, results by the year concluded, CARRIED_OUT when
 * open on 12-31, CARRIED_IN = last year's CARRIED_OUT. Also checks the
 * 勾稽关系 (T3.BALANCE) and the derived totals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"
#include "gk/calendar.h"
#include "gk/errors.h"
#include "gk/report.h"
#include "gk/store.h"

#define NCASES 600

typedef struct {
    gk_date received, concluded; /* concluded.y == 0 when open */
    int type, outcome;
} gen_case;

static uint32_t rng_state = 20240101u;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return (rng_state >> 8) % n;
}

static bool open_on(const gen_case *c, gk_date d)
{
    return gk_date_cmp(c->received, d) <= 0 &&
           (c->concluded.y == 0 || gk_date_cmp(c->concluded, d) > 0);
}

/* counts[row][col] for year y, by walking the cases one by one. */
static void count_year(const gen_case *cs, int y, long counts[GK_T3_NROWS][GK_T3_NCOLS])
{
    gk_date end = {y, 12, 31}, prev_end = {y - 1, 12, 31};
    int i;

    memset(counts, 0, sizeof(long) * GK_T3_NROWS * GK_T3_NCOLS);
    for (i = 0; i < NCASES; i++) {
        const gen_case *c = &cs[i];
        if (c->received.y == y)
            counts[GK_T3_NEW][c->type]++;
        if (open_on(c, prev_end))
            counts[GK_T3_CARRIED_IN][c->type]++;
        if (c->concluded.y == y) {
            counts[c->outcome][c->type]++;
            counts[GK_T3_R_TOTAL][c->type]++;
        }
        if (open_on(c, end))
            counts[GK_T3_CARRIED_OUT][c->type]++;
    }
}

GK_TEST(store_report, two_year_ledger_matches_independent_count)
{
    static gen_case cs[NCASES];
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store_import_result res;
    gk_store *st = NULL;
    gk_buf csv = GK_BUF_INIT;
    gk_report *r2023 = NULL, *r2024 = NULL;
    gk_date base = {2022, 10, 1};
    char dir[] = "/tmp/gk-report-XXXXXX", path[256];
    long want[GK_T3_NROWS][GK_T3_NCOLS];
    int i, year, row, col, nopen = 0;

    for (i = 0; i < NCASES; i++) {
        gen_case *c = &cs[i];
        char d1[GK_DATE_BUFSZ], d2[GK_DATE_BUFSZ];
        GK_T_CALL(gk_date_add_days(&c->received, base, rnd(820)));
        c->type = (int)rnd(GK_APPLICANT_NTYPES);
        c->outcome = GK_T3_FIRST_RESULT + (int)rnd(GK_T3_LAST_RESULT - GK_T3_FIRST_RESULT + 1);
        c->concluded.y = 0;
        if (rnd(10) != 0) {
            GK_T_CALL(gk_date_add_days(&c->concluded, c->received, rnd(70)));
            if (c->concluded.y > 2024)
                c->concluded.y = 0;
        }
        nopen += c->concluded.y == 0;
        GK_T_CALL(gk_buf_printf(&csv, "%s%d,%s,%s,网络,%s,%s,%s\n",
                                i == 0 ? "tracking_no,applicant_type,applicant,channel,received,"
                                         "concluded,outcome\n"
                                       : "",
                                i, gk_applicant_type_label(c->type), "申请人",
                                gk_date_format(d1, c->received),
                                c->concluded.y ? gk_date_format(d2, c->concluded) : "",
                                c->concluded.y ? gk_t3_row_key(c->outcome) : ""));
    }
    GK_T_OK(nopen > 20); /* the ledger really has open cases */

    GK_T_OK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/r.db", dir);
    o.no_schema_check = true;
    GK_T_CALL(gk_store_open(&st, path, &o));
    GK_T_CALL(gk_store_migrate(st, NULL, NULL));
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    GK_T_CALL(gk_store_import_cases(st, csv.ptr, csv.len, "gen.csv", &res));
    GK_T_INT_EQ(res.imported, NCASES);

    GK_T_CALL(gk_store_report_build(&r2023, st, 2023, "GOV"));
    GK_T_CALL(gk_store_report_build(&r2024, st, 2024, NULL));
    for (year = 2023; year <= 2024; year++) {
        gk_report *r = year == 2023 ? r2023 : r2024;
        count_year(cs, year, want);
        GK_T_OK(r->t3_present);
        GK_T_INT_EQ(r->year, year);
        for (row = 0; row < GK_T3_NROWS; row++) {
            long total = 0;
            for (col = 0; col < GK_APPLICANT_NTYPES; col++) {
                if ((long)gk_cell_num(&r->t3[row][col]) != want[row][col])
                    GK_T_FAIL("%d %s[%d]: got %ld, counted %ld", year, gk_t3_row_key(row), col,
                              (long)gk_cell_num(&r->t3[row][col]), want[row][col]);
                total += want[row][col];
            }
            GK_T_INT_EQ((long)gk_cell_num(&r->t3[row][GK_T3_COL_TOTAL]), total);
        }
        /* T3.BALANCE: NEW + CARRIED_IN = R_TOTAL + CARRIED_OUT, per column. */
        for (col = 0; col < GK_T3_NCOLS; col++)
            GK_T_INT_EQ(gk_cell_num(&r->t3[GK_T3_NEW][col]) +
                            gk_cell_num(&r->t3[GK_T3_CARRIED_IN][col]),
                        gk_cell_num(&r->t3[GK_T3_R_TOTAL][col]) +
                            gk_cell_num(&r->t3[GK_T3_CARRIED_OUT][col]));
    }
    /* The 2024 carry-in is the 2023 carry-out, column by column. */
    for (col = 0; col < GK_T3_NCOLS; col++)
        GK_T_INT_EQ(gk_cell_num(&r2024->t3[GK_T3_CARRIED_IN][col]),
                    gk_cell_num(&r2023->t3[GK_T3_CARRIED_OUT][col]));
    GK_T_OK(gk_cell_num(&r2023->t3[GK_T3_CARRIED_OUT][GK_T3_COL_TOTAL]) > 0);

    /* An unknown agency is an error, not an empty table. */
    gk_report_free(r2023);
    r2023 = NULL;
    GK_T_INT_EQ(gk_store_report_build(&r2023, st, 2023, "NOPE"), GK_ENOTFOUND);

    gk_report_free(r2024);
    gk_buf_release(&csv);
    gk_buf_release(&res.errors);
    gk_store_close(st);
    unlink(path);
}
