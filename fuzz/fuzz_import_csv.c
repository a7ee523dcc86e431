/*
 * fuzz_import_csv.c: libFuzzer target over the ledger CSV import
 * (gk_store_import_cases, spec/cli.md "Ledger CSV"), the untrusted input of
 * `gongkai import cases FILE` (conventions C7). The store is an in-memory
 * SQLite database with one agency, opened once; each input is imported
 * inside an outer transaction that is rolled back afterwards, so every run
 * starts from the same empty registers. A failure is a crash, a sanitizer
 * report, a leak or one of these invariants (a violation aborts):
 *   - success means no bad rows and a report can be built for the year of
 *     the first case; GK_EINVALID means nothing imported, and an error
 *     line per bad row or a message saying why the file is refused;
 *   - no other error code (the database itself never fails here);
 *   - the audit chain stays intact.
 * The whole input is the CSV.
 */
#include <stdint.h>
#include <stdlib.h>
#include "gk/errors.h"
#include "gk/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gk_store *store(void)
{
    static gk_store *st;
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};

    if (!st) {
        o.no_schema_check = true;
        o.actor = "fuzz";
        if (gk_store_open(&st, ":memory:", &o) < 0 || gk_store_migrate(st, NULL, NULL) < 0 ||
            gk_store_agency_add(st, &gov, NULL) < 0)
            abort();
    }
    return st;
}

/* The year of the first case in the registers (0 when there is none). */
static int first_year_cb(const gk_case *c, void *payload)
{
    *(int *)payload = c->received.y;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_store *st = store();
    gk_store_import_result res;
    gk_store_verify_result v;
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_report *r = NULL;
    int rc, year = 0;

    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    res.imported = res.bad_rows = 0;
    if (gk_store_tx_begin(st) < 0)
        abort();
    rc = gk_store_import_cases(st, (const char *)data, size, "fuzz.csv", &res);
    if (rc == 0) {
        if (res.bad_rows != 0 || res.imported < 0)
            abort();
        rc = gk_store_case_foreach(st, &q, first_year_cb, &year);
        if (rc < 0 || (res.imported > 0 && year == 0))
            abort();
        if (year && gk_store_report_build(&r, st, year, NULL) < 0)
            abort();
        gk_report_free(r);
    } else if (rc == GK_EINVALID) {
        /* bad rows are listed in res.errors; a bad file (no header, not
         * UTF-8 or GB18030) is the error message */
        if (res.imported != 0 || (res.errors.len == 0 && !gk_error_last()->message[0]))
            abort();
    } else {
        abort();
    }
    if (gk_store_verify(st, &v) < 0 || v.bad_id != 0)
        abort();
    gk_store_tx_rollback(st);
    gk_buf_release(&res.errors);
    return 0;
}
