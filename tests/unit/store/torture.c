/*
 * torture.c: allocation-failure torture of a ledger import (torture.h):
 * a fresh in-memory SQLite store, one agency, a small CSV imported in one
 * transaction. Each failing allocation must be reported, and when the
 * import reports it nothing may be half-written: no case and no event of
 * the import in the store (the transaction rolled back). Success must give
 * exactly the clean run's cases and audit trail.
 */
#include <stdio.h>
#include <string.h>
#include "gk/errors.h"
#include "gk/store.h"
#include "test.h"
#include "torture.h"

static const char ledger[] =
    "tracking_no,applicant_type,applicant,channel,received,concluded,outcome,description\n"
    "T1,自然人,张三,网络,2024-01-05,2024-01-20,R_GRANT,\"2023年 道路改造, 招标文件\"\n"
    "T2,商业企业,某建设有限公司,邮寄,2024-02-01,,,\n"
    "T3,自然人,李四,当面,2024-03-04,2024-03-20,R_DENY_SECRET,某文件\n";

typedef struct {
    gk_buf *digest;
    int64_t n;
} dump_ctx;

static int dump_case(const gk_case *c, void *payload)
{
    dump_ctx *d = payload;

    d->n++;
    if (!d->digest)
        return 0;
    return gk_buf_printf(d->digest, "case %s %s %s %d %d %04d-%02d-%02d %s\n",
                         c->tracking_no ? c->tracking_no : "", c->applicant ? c->applicant : "",
                         c->description ? c->description : "", (int)c->state, c->outcome,
                         c->received.y, c->received.m, c->received.d, c->agency ? c->agency : "");
}

/* The trail without what depends on the clock (at, and so the hashes). */
static int dump_event(const gk_store_event *e, void *payload)
{
    dump_ctx *d = payload;

    static const char key[] = "\"tracking_code\":\"";
    gk_buf after = GK_BUF_INIT;
    char *p;
    int error;

    d->n++;
    if (!d->digest)
        return 0;
    /* the tracking code is random: masked */
    error = gk_buf_puts(&after, e->after);
    if (error == 0 && (p = strstr(after.ptr, key)) != NULL)
        for (p += strlen(key); *p && *p != '"'; p++)
            *p = '*';
    if (error == 0)
        error = gk_buf_printf(d->digest, "event %lld %s %s %s %lld %s | %s | %s\n",
                              (long long)e->id, e->actor, e->agency, e->entity,
                              (long long)e->entity_id, e->action, e->before, gk_buf_cstr(&after));
    gk_buf_release(&after);
    return error;
}

/* Counts the cases and the events of st. */
static int count(gk_store *st, int64_t *cases, int64_t *events)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    dump_ctx dc = {NULL, 0}, de = {NULL, 0};
    int error = gk_store_case_foreach(st, &q, dump_case, &dc);

    if (error == 0)
        error = gk_store_event_foreach(st, dump_event, &de);
    *cases = dc.n;
    *events = de.n;
    return error;
}

static int import_pipeline(gk_buf *digest, void *ctx)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store_import_result res;
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_store_verify_result v;
    dump_ctx d = {digest, 0};
    int64_t cases0 = 0, events0 = 0, cases = 0, events = 0;
    int from, to, error;

    (void)ctx;
    memset(&res, 0, sizeof(res));
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    o.no_schema_check = true;
    o.actor = "torture";
    error = gk_store_open(&st, ":memory:", &o);
    if (error == 0)
        error = gk_store_migrate(st, &from, &to);
    if (error == 0)
        error = gk_store_agency_add(st, &gov, NULL);
    if (error == 0)
        error = count(st, &cases0, &events0);
    if (error < 0)
        goto done;
    error = gk_store_import_cases(st, ledger, sizeof(ledger) - 1, "ledger.csv", &res);
    if (error < 0) {
        /* all or nothing: the store must be as before the import */
        int rc = count(st, &cases, &events);
        if (rc == 0 && (cases != cases0 || events != events0 || res.imported != 0)) {
            printf("# import failed (%s) but left %lld cases and %lld events (before: %lld, "
                   "%lld), imported %lld\n",
                   gk_error_last()->message, (long long)cases, (long long)events,
                   (long long)cases0, (long long)events0, (long long)res.imported);
            error = 1; /* torture.h fails a positive code: half-written */
        }
        goto done;
    }
    error = gk_buf_printf(digest, "imported %lld, bad %lld, errors '%s'\n", (long long)res.imported,
                          (long long)res.bad_rows, gk_buf_cstr(&res.errors));
    if (error == 0)
        error = gk_store_case_foreach(st, &q, dump_case, &d);
    if (error == 0)
        error = gk_store_event_foreach(st, dump_event, &d);
    if (error == 0)
        error = gk_store_verify(st, &v);
    if (error == 0)
        error = gk_buf_printf(digest, "verify %lld events, bad %lld\n", (long long)v.events,
                              (long long)v.bad_id);
done:
    gk_buf_release(&res.errors);
    gk_store_close(st);
    return error;
}

/* Sampled: the first 200 allocations each, then every 3rd. */
GK_TEST(store_torture, import_all_or_nothing)
{
    char why[512];

    if (gk_torture__run("import", import_pipeline, NULL, 3, why, sizeof(why)) != 0)
        GK_T_FAIL("%s", why);
}
