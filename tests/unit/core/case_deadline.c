/*
 * case_deadline.c: the deadline of an application (spec §2.3, §2.4) in a
 * scenario across 春节 2026: received by post on Thu 2026-02-05, 补正
 * asked, corrected application received Thu 2026-02-12 (第三十条: the clock
 * restarts), third party consulted 03-02..03-10 (第三十二条, not counted
 * under 第三十三条第三款), extension of 20 working days approved
 * (第三十三条第二款). Expected dates counted by hand on the 2026 notice
 * (春节 02-15..23, make-up Saturdays 02-14 and 02-28, 清明 04-04..06).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "gk/case.h"
#include "gk/errors.h"
#include "gk/report.h"

static gk_date day(int y, int m, int d)
{
    gk_date x = {y, m, d};
    return x;
}

static gk_case_event ev_on(gk_case_event_kind k, gk_date d)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;
    ev.kind = k;
    ev.date = d;
    return ev;
}

static gk_deadline_explain ex_init(void)
{
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    return ex;
}

GK_TEST(core_case_deadline, spring_festival_scenario)
{
    gk_calendar *cal = NULL;
    gk_deadline_explain ex = ex_init();
    gk_case c;
    gk_case_event ev;
    gk_date due;
    gk_buf text = GK_BUF_INIT;
    size_t i;
    bool deferred = true, saw_spring = false, saw_qingming = false;

    GK_T_CALL(gk_calendar_new_default(&cal));
    gk_case_init(&c);
    c.applicant = "王五";
    c.channel = GK_CHANNEL_POST;
    c.arrival = day(2026, 2, 5);
    c.received = day(2026, 2, 5);
    GK_T_CALL(gk_case_intake(&c));

    /* 第三十条: the 补正 notice is due 7 working days after receipt:
     * 02-06, 09, 10, 11, 12, 13 and the make-up Saturday 02-14. */
    GK_T_CALL(gk_case_correction_due(&due, &c, cal));
    GK_T_INT_EQ(gk_date_cmp(due, day(2026, 2, 14)), 0);

    /* Untouched, the answer would be due 20 working days after 02-05. */
    GK_T_CALL(gk_case_deadline(&ex, &deferred, &c, cal, day(2026, 2, 5)));
    GK_T_INT_EQ(gk_date_cmp(ex.deadline, day(2026, 3, 11)), 0);
    GK_T_OK(!deferred);
    gk_deadline_explain_release(&ex);

    ev = ev_on(GK_CASE_EV_REQUEST_CORRECTION, day(2026, 2, 9));
    GK_T_CALL(gk_case_apply(&c, &ev));
    ev = ev_on(GK_CASE_EV_CORRECTED, day(2026, 2, 12));
    GK_T_CALL(gk_case_apply(&c, &ev));
    GK_T_INT_EQ(gk_date_cmp(c.clock_start, day(2026, 2, 12)), 0);

    /* Restarted from 02-12: 02-13, 02-14 (make-up), 02-24..27, 02-28
     * (make-up) = 7; then March 2..18 gives the 20th on 03-18. */
    GK_T_CALL(gk_case_deadline(&ex, NULL, &c, cal, day(2026, 2, 12)));
    GK_T_INT_EQ(gk_date_cmp(ex.deadline, day(2026, 3, 18)), 0);
    GK_T_INT_EQ(ex.makeup_days, 2);
    gk_deadline_explain_release(&ex);

    ev = ev_on(GK_CASE_EV_CONSULT_THIRD_PARTY, day(2026, 3, 2));
    GK_T_CALL(gk_case_apply(&c, &ev));
    /* While the consultation is open the clock is stopped up to today:
     * as of 03-05, four working days (03-02..05) are not counted. */
    GK_T_CALL(gk_case_deadline(&ex, NULL, &c, cal, day(2026, 3, 5)));
    GK_T_INT_EQ(ex.paused_workdays, 4);
    GK_T_INT_EQ(gk_date_cmp(ex.deadline, day(2026, 3, 24)), 0);
    gk_deadline_explain_release(&ex);

    ev = ev_on(GK_CASE_EV_CONSULT_DONE, day(2026, 3, 10));
    GK_T_CALL(gk_case_apply(&c, &ev));
    GK_T_INT_EQ(c.state, GK_CASE_IN_PROGRESS);
    ev = ev_on(GK_CASE_EV_EXTEND, day(2026, 3, 16));
    ev.days = 20;
    ev.approver = "办公室主任 赵六";
    GK_T_CALL(gk_case_apply(&c, &ev));

    /* 40 counted days from 02-12 with 03-02..03-10 (7 working days) not
     * counted: 7 by 02-28, 03-11..31 = 15 more (22), 04-01..03 (25),
     * 清明 04-04..06 skipped, 04-07..27 = 15 more (40). */
    GK_T_CALL(gk_case_deadline(&ex, NULL, &c, cal, day(2026, 3, 16)));
    GK_T_INT_EQ(gk_date_cmp(ex.deadline, day(2026, 4, 27)), 0);
    GK_T_INT_EQ(ex.n, 40);
    GK_T_INT_EQ(ex.paused_workdays, 7);
    for (i = 0; i < ex.nsteps; i++) {
        if (ex.steps[i].kind == GK_STEP_HOLIDAY && ex.steps[i].name &&
            !strcmp(ex.steps[i].name, "春节"))
            saw_spring = true;
        if (ex.steps[i].kind == GK_STEP_HOLIDAY && ex.steps[i].name &&
            !strcmp(ex.steps[i].name, "清明节"))
            saw_qingming = true;
    }
    GK_T_OK(saw_spring);
    GK_T_OK(saw_qingming);
    gk_deadline_explain_release(&ex);

    /* The explanation names each step with its article. */
    GK_T_CALL(gk_case_deadline_format(&text, &c, cal, day(2026, 3, 16)));
    GK_T_OK(strstr(gk_buf_cstr(&text), "第三十条") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "延长 20 个工作日") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "办公室主任 赵六") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "2026-03-02 至 2026-03-10") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "2026-04-27") != NULL);
    if (getenv("GK_TEST_VERBOSE"))
        fputs(gk_buf_cstr(&text), stderr);
    gk_buf_release(&text);

    /* 第三十五条: a reasonable later deadline replaces the computed one. */
    ev = ev_on(GK_CASE_EV_DEFER, day(2026, 3, 17));
    ev.until = day(2026, 6, 30);
    GK_T_CALL(gk_case_apply(&c, &ev));
    GK_T_CALL(gk_case_deadline(&ex, &deferred, &c, cal, day(2026, 3, 17)));
    GK_T_OK(deferred);
    gk_deadline_explain_release(&ex);
    gk_calendar_free(cal);
}

/*
 * A case that reaches a year the calendar does not cover (spec §5, calendar.h
 * PROVISIONAL MODE): received Thu 2026-12-10, 补正 asked 12-14, corrected
 * application received Thu 12-17 (第三十条: the clock restarts), extension
 * of 20 working days approved 12-30 (第三十三条第二款). The shipped
 * calendar ends with 2026.
 *   Provisional (2027 counted Monday–Friday): after 12-17, 12-18 (1),
 *   12-21..25 (6), 12-28..31 (10), Fri 2027-01-01 (11), 01-04..08 (16), five
 *   more weeks to 02-05 (36), 02-08..11 (40): Thu 2027-02-11.
 *   With 2027 rows loaded (test rows: 元旦 01-01..03, not the official
 *   notice) 01-01 is not counted and the 40th day is Fri 2027-02-12.
 */
static int year_end_case(gk_case *c)
{
    gk_case_event ev;
    int error;

    gk_case_init(c);
    c->applicant = "赵七";
    c->channel = GK_CHANNEL_POST;
    c->arrival = day(2026, 12, 10);
    c->received = day(2026, 12, 10);
    error = gk_case_intake(c);
    ev = ev_on(GK_CASE_EV_REQUEST_CORRECTION, day(2026, 12, 14));
    if (error == 0)
        error = gk_case_apply(c, &ev);
    ev = ev_on(GK_CASE_EV_CORRECTED, day(2026, 12, 17));
    if (error == 0)
        error = gk_case_apply(c, &ev);
    ev = ev_on(GK_CASE_EV_EXTEND, day(2026, 12, 30));
    ev.days = 20;
    ev.approver = "办公室主任 赵六";
    if (error == 0)
        error = gk_case_apply(c, &ev);
    return error;
}

GK_TEST(core_case_deadline, year_end_provisional_then_official)
{
    gk_calendar *cal = NULL;
    gk_deadline_explain ex = ex_init();
    gk_provisional p = GK_PROVISIONAL_INIT;
    gk_buf text = GK_BUF_INIT;
    gk_case c;
    gk_date due;
    size_t len;
    const char *builtin = gk_calendar_default_csv(&len);
    const char *sentence = "2027年节假日安排尚未发布，按周一至周五推算，仅供参考";

    GK_T_CALL(year_end_case(&c));
    GK_T_INT_EQ(gk_date_cmp(c.clock_start, day(2026, 12, 17)), 0);
    GK_T_INT_EQ(c.ext_days, 20);
    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_OK(!gk_calendar_covers(cal, 2027));

    /* Strict callers still get the error naming the year. */
    GK_T_INT_EQ(gk_case_deadline_mode(&ex, NULL, &c, cal, day(2026, 12, 30), GK_CALENDAR_STRICT),
                GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2027") != NULL);
    GK_T_INT_EQ(gk_case_deadline_format_mode(&text, &c, cal, day(2026, 12, 30), GK_CALENDAR_STRICT),
                GK_EINVALID);
    gk_buf_clear(&text);

    /* Provisional: the date, the flag and the sentence. */
    GK_T_CALL(gk_case_deadline_mode(&ex, NULL, &c, cal, day(2026, 12, 30), GK_CALENDAR_PROVISIONAL));
    GK_T_INT_EQ(gk_date_cmp(ex.deadline, day(2027, 2, 11)), 0);
    GK_T_INT_EQ(ex.n, 40);
    GK_T_OK(ex.provisional.on);
    GK_T_INT_EQ(ex.provisional.from_year, 2027);
    GK_T_INT_EQ(ex.provisional.to_year, 2027);
    gk_deadline_explain_release(&ex);
    GK_T_CALL(gk_case_deadline_format_mode(&text, &c, cal, day(2026, 12, 30), GK_CALENDAR_PROVISIONAL));
    GK_T_OK(strstr(gk_buf_cstr(&text), sentence) != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "暂定：") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "期限届满日 2027-02-11") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "第三十条") != NULL);
    if (getenv("GK_TEST_VERBOSE"))
        fputs(gk_buf_cstr(&text), stderr);
    gk_buf_clear(&text);

    /* The 补正 notice was due 7 working days after 12-10: 12-11, 14..18,
     * 21: inside 2026, official even in provisional mode. */
    GK_T_CALL(gk_case_correction_due_mode(&due, &p, &c, cal, GK_CALENDAR_PROVISIONAL));
    GK_T_INT_EQ(gk_date_cmp(due, day(2026, 12, 21)), 0);
    GK_T_OK(!p.on);
    /* Received Mon 12-28 it would reach Tue 2027-01-06 (12-29..31, Fri
     * 01-01, 01-04..06), provisionally. */
    c.received = day(2026, 12, 28);
    GK_T_INT_EQ(gk_case_correction_due_mode(&due, NULL, &c, cal, GK_CALENDAR_STRICT), GK_EINVALID);
    GK_T_CALL(gk_case_correction_due_mode(&due, &p, &c, cal, GK_CALENDAR_PROVISIONAL));
    GK_T_INT_EQ(gk_date_cmp(due, day(2027, 1, 6)), 0);
    GK_T_OK(p.on);
    c.received = day(2026, 12, 10);
    gk_calendar_free(cal);

    /* The office loads the 2027 rows (--calendar / $GK_CALENDAR go through
     * gk_calendar_set_default): the official date, no flag, no sentence,
     * in both modes. */
    GK_T_CALL(gk_buf_put(&text, builtin, len));
    GK_T_CALL(gk_buf_puts(&text, "2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n"
                                 "2027-01-03,holiday,元旦\n"));
    GK_T_CALL(gk_calendar_set_default(text.ptr, text.len, "with-2027.csv"));
    gk_buf_clear(&text);
    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_CALL(gk_case_deadline_mode(&ex, NULL, &c, cal, day(2026, 12, 30), GK_CALENDAR_STRICT));
    GK_T_INT_EQ(gk_date_cmp(ex.deadline, day(2027, 2, 12)), 0);
    GK_T_OK(!ex.provisional.on);
    GK_T_INT_EQ(ex.holiday_days, 3);
    gk_deadline_explain_release(&ex);
    GK_T_CALL(gk_case_deadline_format_mode(&text, &c, cal, day(2026, 12, 30), GK_CALENDAR_PROVISIONAL));
    GK_T_OK(strstr(gk_buf_cstr(&text), "期限届满日 2027-02-12") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "元旦") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "暂定") == NULL);
    GK_T_OK(strstr(gk_buf_cstr(&text), "尚未发布") == NULL);
    gk_buf_release(&text);
    gk_calendar_free(cal);
    GK_T_CALL(gk_calendar_set_default(NULL, 0, NULL));
}
