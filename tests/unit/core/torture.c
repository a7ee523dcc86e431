/*
 * torture.c: allocation-failure torture of the core pipelines (torture.h):
 * report JSON in and out, every rule (narrative and year-on-year included)
 * with the findings as JSON, the holiday calendar, and an application's
 * life with its deadlines. Each failing allocation must be reported or
 * leave the result exactly as the clean run's.
 */
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "torture.h"
#include "gk/calendar.h"
#include "gk/case.h"

typedef struct {
    const char *data, *prev;
    size_t len, prev_len;
} json_pair;

/* Report JSON -> model (and the previous year's) -> every rule -> findings
 * JSON and the model written back. */
static int json_rules(gk_buf *digest, void *ctx)
{
    const json_pair *in = ctx;
    gk_report *r = NULL, *prev = NULL;
    gk_diag_list *dl = NULL;
    gk_validate_opts opts = GK_VALIDATE_OPTS_INIT;
    int error;

    error = gk_report_from_json(&r, in->data, in->len);
    if (error == 0)
        error = gk_report_from_json(&prev, in->prev, in->prev_len);
    if (error == 0)
        error = gk_diag_list_new(&dl);
    opts.previous = prev;
    if (error == 0)
        error = gk_validate(dl, r, &opts);
    if (error == 0)
        error = gk_diag_list_to_json(digest, dl, "torture", r->year);
    if (error == 0)
        error = gk_report_to_json(digest, r);
    gk_diag_list_free(dl);
    gk_report_free(prev);
    gk_report_free(r);
    return error;
}

GK_TEST(core_torture, report_json_and_rules)
{
    json_pair in;
    char *a = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &in.len);
    char *b = gk_test_slurp(gk_test_path("tests/resources/report-2021-collapsed.json"),
                            &in.prev_len);
    char why[512];
    int rc;

    GK_T_OK(a && b);
    in.data = a;
    in.prev = b;
    rc = gk_torture__run("json+rules", json_rules, &in, 1, why, sizeof(why));
    gk_free(a);
    gk_free(b);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}

/* The 2019 trial format (another table 2 layout, its own rules). */
GK_TEST(core_torture, report_json_2019)
{
    json_pair in;
    char *a = gk_test_slurp(gk_test_path("tests/resources/report-2019-trial.json"), &in.len);
    char why[512];
    int rc;

    GK_T_OK(a != NULL);
    in.data = in.prev = a;
    in.prev_len = in.len;
    rc = gk_torture__run("json-2019", json_rules, &in, 1, why, sizeof(why));
    gk_free(a);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}

static gk_date day(int y, int m, int d)
{
    gk_date x = {y, m, d};
    return x;
}

static int apply(gk_case *c, gk_case_event_kind k, gk_date d, int days, const char *approver)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;

    ev.kind = k;
    ev.date = d;
    ev.days = days;
    ev.approver = approver;
    return gk_case_apply(c, &ev);
}

/* The embedded holiday CSV loaded, then an application across 春节 2026
 * (tests/unit/core/case_deadline.c): 补正, a third-party consultation, an
 * extension; at each step the deadline explained in Chinese, the case as
 * JSON, and a provisional count into 2027 (a year without holiday data). */
static int case_life(gk_buf *digest, void *ctx)
{
    gk_calendar *cal = NULL;
    gk_case c;
    gk_date due;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_provisional prov = GK_PROVISIONAL_INIT;
    char dbuf[GK_DATE_BUFSZ];
    int error;

    (void)ctx;
    error = gk_calendar_new_default(&cal);
    gk_case_init(&c);
    c.applicant = "王五";
    c.channel = GK_CHANNEL_POST;
    c.arrival = c.received = day(2026, 2, 5);
    if (error == 0)
        error = gk_case_intake(&c);
    if (error == 0)
        error = gk_case_correction_due(&due, &c, cal);
    if (error == 0)
        error = gk_buf_printf(digest, "correction due %s\n", gk_date_format(dbuf, due));
    if (error == 0)
        error = gk_case_deadline_format(digest, &c, cal, day(2026, 2, 5));
    if (error == 0)
        error = apply(&c, GK_CASE_EV_REQUEST_CORRECTION, day(2026, 2, 9), 0, NULL);
    if (error == 0)
        error = apply(&c, GK_CASE_EV_CORRECTED, day(2026, 2, 12), 0, NULL);
    if (error == 0)
        error = apply(&c, GK_CASE_EV_CONSULT_THIRD_PARTY, day(2026, 3, 2), 0, NULL);
    if (error == 0)
        error = gk_case_deadline_format(digest, &c, cal, day(2026, 3, 5));
    if (error == 0)
        error = apply(&c, GK_CASE_EV_CONSULT_DONE, day(2026, 3, 10), 0, NULL);
    if (error == 0)
        error = apply(&c, GK_CASE_EV_EXTEND, day(2026, 3, 16), 20, "办公室主任 赵六");
    if (error == 0)
        error = gk_case_deadline_format(digest, &c, cal, day(2026, 3, 16));
    if (error == 0)
        error = gk_case_deadline(&ex, NULL, &c, cal, day(2026, 3, 16));
    if (error == 0)
        error = gk_deadline_explain_format(digest, &ex);
    if (error == 0)
        error = gk_case_to_json(digest, &c);
    gk_deadline_explain_release(&ex);
    /* provisional: 40 working days from 2026-12-10 reach 2027 */
    if (error == 0)
        error = gk_calendar_explain_mode(&ex, cal, day(2026, 12, 10), 40, NULL, 0,
                                         GK_CALENDAR_PROVISIONAL);
    if (error == 0)
        error = gk_deadline_explain_format(digest, &ex);
    if (error == 0)
        gk_calendar_provisional_merge(&prov, &ex.provisional);
    if (error == 0)
        error = gk_calendar_provisional_note(digest, &prov);
    gk_deadline_explain_release(&ex);
    gk_calendar_free(cal);
    return error;
}

GK_TEST(core_torture, calendar_and_case)
{
    char why[512];

    if (gk_torture__run("case", case_life, NULL, 1, why, sizeof(why)) != 0)
        GK_T_FAIL("%s", why);
}
