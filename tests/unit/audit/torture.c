/*
 * torture.c: allocation-failure torture of an audit run (torture.h) over
 * one published report, with one worker: the walk, the worker's read,
 * parse and rules, the callback and the carry index. One file and one
 * worker keep the allocations in one order (the walker allocates nothing
 * once the only job is queued), so allocation n is the same in every run.
 * A file that fails is reported in its item (error and message); the
 * pipeline passes that on as the run's error, so an item that failed is
 * never mistaken for a clean one and an item that succeeded must equal
 * the clean run's.
 */
#include <stdio.h>
#include <string.h>
#include "gk/audit.h"
#include "gk/errors.h"
#include "test.h"
#include "torture.h"

typedef struct {
    gk_buf *digest;
    int error;
    char message[512];
} audit_ctx;

static int on_item(const gk_audit_item *it, void *payload)
{
    audit_ctx *a = payload;
    int error;

    if (it->error < 0) {
        a->error = it->error;
        snprintf(a->message, sizeof(a->message), "%s", it->error_message ? it->error_message : "");
        return 0;
    }
    error = gk_buf_printf(a->digest, "%zu errors, %zu warnings, %zu infos\n", it->n_error,
                          it->n_warning, it->n_info);
    if (error == 0)
        error = gk_report_to_json(a->digest, it->report);
    if (error == 0)
        error = gk_diag_list_to_json(a->digest, it->diags, "x", it->report->year);
    return error;
}

static int audit_one(gk_buf *digest, void *ctx)
{
    const char *path = ctx;
    gk_audit_opts o = GK_AUDIT_OPTS_INIT;
    audit_ctx a;
    int error;

    memset(&a, 0, sizeof(a));
    a.digest = digest;
    o.jobs = 1;
    o.payload = &a;
    error = gk_audit_run(&path, 1, &o, on_item);
    if (error == 0 && a.error < 0) {
        /* the item's message was set on the worker's thread */
        gk_error_set(GK_ERRCLASS_PARSE, "%s: %s", path, a.message);
        error = a.error;
    }
    return error;
}

GK_TEST(audit_torture, one_published_report)
{
    char why[512];
    const char *path = gk_test_path("tests/resources/corpus/real/004_kiro_fixture_testcity_2025.html");

    if (gk_torture__run("audit", audit_one, (void *)(uintptr_t)path, 1, why, sizeof(why)) != 0)
        GK_T_FAIL("%s", why);
}
