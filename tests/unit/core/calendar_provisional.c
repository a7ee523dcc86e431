/* Unit tests of the provisional mode (calendar.h PROVISIONAL MODE,
 * spec §5): a year without holiday data counts Monday–Friday only when the
 * caller asks for it, and the result always says so; strict calls keep
 * failing; gk_calendar_set_default replaces the default calendar. Expected
 * dates are counted by hand on a wall calendar (2027-01-01 is a Friday). */
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include "gk/calendar.h"
#include "gk/errors.h"
#include "gk/buf.h"

static gk_date D(const char *s)
{
    gk_date d = {0, 0, 0};

    if (gk_date_parse(&d, s, strlen(s)) < 0)
        fprintf(stderr, "bad test date %s\n", s);
    return d;
}

static const char *F(gk_date d)
{
    static char slots[4][GK_DATE_BUFSZ];
    static int k;

    k = (k + 1) % 4;
    return gk_date_format(slots[k], d);
}

/* The note of p as a string (static buffer). */
static const char *note(const gk_provisional *p)
{
    static char out[256];
    gk_buf b = GK_BUF_INIT;

    out[0] = 0;
    if (gk_calendar_provisional_note(&b, p) == 0)
        snprintf(out, sizeof out, "%s", gk_buf_cstr(&b));
    gk_buf_release(&b);
    return out;
}

/* Rows for 2027 used only by the tests: 元旦 on Fri 2027-01-01 and the
 * weekend after it. NOT the State Council notice for 2027. */
#define ROWS_2027 "2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-01-03,holiday,元旦\n"

GK_TEST(core_calendar_provisional, add_and_between_past_the_data)
{
    gk_calendar *cal = NULL;
    gk_provisional p = GK_PROVISIONAL_INIT;
    gk_date got;
    int64_t k;

    GK_T_CALL(gk_calendar_new_default(&cal));
    /* Strict: unchanged, the year is named. */
    GK_T_INT_EQ(
        gk_calendar_add_workdays_mode(&got, NULL, cal, D("2026-12-20"), 20, GK_CALENDAR_STRICT),
        GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2027") != NULL);
    /* Provisional from Sun 2026-12-20: 12-21..25 (5), 12-28..31 (9),
     * Fri 01-01 counted as a weekday (10), 01-04..08 (15), 01-11..15 (20). */
    GK_T_CALL(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2026-12-20"), 20, GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(got), "2027-01-15");
    GK_T_OK(p.on);
    GK_T_INT_EQ(p.from_year, 2027);
    GK_T_INT_EQ(p.to_year, 2027);
    GK_T_OK(p.unpublished);
    GK_T_STR_EQ(note(&p), "2027年节假日安排尚未发布，按周一至周五推算，仅供参考");
    /* Inside the data nothing is provisional and the result is the
     * official one: 2026-09-30 + 1 skips 国庆 10-01..07 to Thu 10-08. */
    GK_T_CALL(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2026-09-30"), 1, GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(got), "2026-10-08");
    GK_T_OK(!p.on);
    GK_T_STR_EQ(note(&p), "");
    /* (2026-12-31, 2027-01-08]: Fri 01-01 and 01-04..08 = 6. */
    GK_T_CALL(gk_calendar_workdays_between_mode(&k, &p, cal, D("2026-12-31"), D("2027-01-08"),
                                                GK_CALENDAR_PROVISIONAL));
    GK_T_INT_EQ(k, 6);
    GK_T_OK(p.on && p.from_year == 2027);
    GK_T_INT_EQ(gk_calendar_workdays_between(&k, cal, D("2026-12-31"), D("2027-01-08")),
                GK_EINVALID);
    /* Backwards into 2018 (before the data): 20 working days before Thu
     * 2019-01-10 are 01-09..02 (6, 元旦 01-01 is a holiday row), then
     * 2018-12-31 counted as a plain Monday (7), 12-28..24 (12), 12-21..17
     * (17), 12-14..12 (20). The 2018 make-up Saturday 12-29 is unknown and
     * not counted. */
    GK_T_CALL(gk_calendar_add_workdays_mode(&got, &p, cal, D("2019-01-10"), -20,
                                            GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(got), "2018-12-12");
    GK_T_OK(p.on && p.from_year == 2018 && !p.unpublished);
    GK_T_STR_EQ(note(&p), "2018年节假日安排未收入节假日日历，按周一至周五推算，仅供参考");
    /* Day queries have no provisional form: still an error. */
    {
        bool w;
        GK_T_INT_EQ(gk_calendar_is_workday(&w, cal, D("2027-01-04")), GK_EINVALID);
    }
    gk_calendar_free(cal);
}

GK_TEST(core_calendar_provisional, stops_after_the_padding)
{
    gk_calendar *cal = NULL;
    gk_provisional p = GK_PROVISIONAL_INIT;
    gk_date got;
    int64_t k;

    GK_T_CALL(gk_calendar_new_default(&cal));
    /* 2026 + GK_CALENDAR_PROVISIONAL_YEARS = 2031 is the last year counted. */
    GK_T_CALL(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2031-12-30"), 1, GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(got), "2031-12-31");
    GK_T_OK(p.on && p.from_year == 2031 && p.to_year == 2031);
    GK_T_INT_EQ(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2031-12-31"), 1, GK_CALENDAR_PROVISIONAL),
        GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2032") != NULL);
    GK_T_INT_EQ(gk_calendar_add_workdays_mode(&got, &p, cal, D("2026-12-20"), 2000,
                                              GK_CALENDAR_PROVISIONAL),
                GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2032") != NULL);
    GK_T_INT_EQ(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2032-01-05"), 1, GK_CALENDAR_PROVISIONAL),
        GK_EINVALID);
    GK_T_INT_EQ(gk_calendar_workdays_between_mode(&k, &p, cal, D("2013-12-31"), D("2014-01-02"),
                                                  GK_CALENDAR_PROVISIONAL),
                GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2013") != NULL);
    /* 2014 is the first padded year; 2014-01-01 is a Wednesday, so
     * (2014-01-01, 2014-01-02] holds Thu 01-02. */
    GK_T_CALL(gk_calendar_workdays_between_mode(&k, &p, cal, D("2014-01-01"), D("2014-01-02"),
                                                GK_CALENDAR_PROVISIONAL));
    GK_T_INT_EQ(k, 1);
    GK_T_OK(p.on && p.from_year == 2014);
    gk_calendar_free(cal);
}

GK_TEST(core_calendar_provisional, gap_year_and_merge)
{
    gk_calendar *cal = NULL;
    gk_provisional p = GK_PROVISIONAL_INIT, q = GK_PROVISIONAL_INIT;
    gk_date got;

    GK_T_CALL(gk_calendar_new(&cal,
                              "date,kind,name\n2019-01-01,holiday,元旦\n2021-01-01,holiday,元旦\n",
                              strlen("date,kind,name\n2019-01-01,holiday,元旦\n"
                                     "2021-01-01,holiday,元旦\n"),
                              "t.csv"));
    /* Mon 2019-12-30 + 3: Tue 12-31 (1), 2020-01-01 a plain Wednesday
     * (2), Thu 01-02 (3). */
    GK_T_CALL(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2019-12-30"), 3, GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(got), "2020-01-02");
    GK_T_OK(p.on && p.from_year == 2020 && !p.unpublished);
    GK_T_STR_EQ(note(&p), "2020年节假日安排未收入节假日日历，按周一至周五推算，仅供参考");
    /* Across the gap into 2021 (covered): the gap stays flagged. */
    gk_calendar_provisional_span(&q, cal, D("2019-06-01"), D("2021-06-01"));
    GK_T_OK(q.on && q.from_year == 2020 && q.to_year == 2020);
    /* After the data: 2022..2023 is "not yet published". */
    gk_calendar_provisional_span(&q, cal, D("2023-03-01"), D("2022-03-01"));
    GK_T_OK(q.on && q.from_year == 2022 && q.to_year == 2023 && q.unpublished);
    GK_T_STR_EQ(note(&q), "2022至2023年节假日安排尚未发布，按周一至周五推算，仅供参考");
    /* The union of 2020 (gap) and 2022..2023 (after): 2020..2023, not all
     * of it unpublished. */
    gk_calendar_provisional_merge(&p, &q);
    GK_T_OK(p.on && p.from_year == 2020 && p.to_year == 2023 && !p.unpublished);
    q.on = false;
    gk_calendar_provisional_merge(&p, &q);
    GK_T_INT_EQ(p.to_year, 2023);
    gk_calendar_free(cal);
}

/* The fast deadline and the day walk agree in provisional mode, on the
 * date and on the flag, for random starts around the end of the data. */
GK_TEST(core_calendar_provisional, deadline_agrees_with_explain)
{
    gk_calendar *cal = NULL;
    gk_date base = D("2026-06-01"), start, fast;
    gk_provisional pf;
    gk_pause p[4];
    uint32_t seed = 2027;
    int i, j, np, n;

#define RND(m) ((int)((seed = seed * 1103515245u + 12345u) >> 8) % (m))
    GK_T_CALL(gk_calendar_new_default(&cal));
    for (i = 0; i < 600; i++) {
        gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
        GK_T_CALL(gk_date_add_days(&start, base, RND(400)));
        n = RND(60);
        np = RND(4);
        for (j = 0; j < np; j++) {
            GK_T_CALL(gk_date_add_days(&p[j].from, start, RND(50) - 5));
            GK_T_CALL(gk_date_add_days(&p[j].to, p[j].from, RND(15)));
            p[j].reason = (gk_pause_reason)RND(4);
        }
        GK_T_CALL(gk_calendar_deadline_mode(&fast, &pf, cal, start, n, p, (size_t)np,
                                            GK_CALENDAR_PROVISIONAL));
        GK_T_CALL(
            gk_calendar_explain_mode(&ex, cal, start, n, p, (size_t)np, GK_CALENDAR_PROVISIONAL));
        if (gk_date_cmp(fast, ex.deadline) != 0 || pf.on != ex.provisional.on ||
            pf.on != (ex.deadline.y == 2027)) {
            gk_deadline_explain_release(&ex);
            GK_T_FAIL("case %d: %s + %d with %d pauses: fast %s (%d), walk %s (%d)", i, F(start), n,
                      np, F(fast), pf.on, F(ex.deadline), ex.provisional.on);
        }
        /* Strict agrees wherever the data reaches, and refuses otherwise. */
        if (pf.on) {
            GK_T_INT_EQ(gk_calendar_deadline(&fast, cal, start, n, p, (size_t)np), GK_EINVALID);
        } else {
            GK_T_CALL(gk_calendar_deadline(&fast, cal, start, n, p, (size_t)np));
            GK_T_INT_EQ(gk_date_cmp(fast, ex.deadline), 0);
        }
        gk_deadline_explain_release(&ex);
    }
#undef RND
    gk_calendar_free(cal);
}

GK_TEST(core_calendar_provisional, explain_says_so)
{
    gk_calendar *cal = NULL;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_buf text = GK_BUF_INIT;

    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_INT_EQ(gk_calendar_explain(&ex, cal, D("2026-12-20"), 20, NULL, 0), GK_EINVALID);
    GK_T_CALL(
        gk_calendar_explain_mode(&ex, cal, D("2026-12-20"), 20, NULL, 0, GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(ex.deadline), "2027-01-15");
    GK_T_OK(ex.provisional.on);
    GK_T_CALL(gk_deadline_explain_format(&text, &ex));
    GK_T_OK(!strncmp(gk_buf_cstr(&text),
                     "暂定：2027年节假日安排尚未发布，按周一至周五推算，仅供参考\n",
                     strlen("暂定：2027年节假日安排尚未发布，按周一至周五推算，仅供参考\n")));
    GK_T_OK(strstr(gk_buf_cstr(&text), "期限届满日 2027-01-15") != NULL);
    gk_deadline_explain_release(&ex);
    gk_buf_clear(&text);
    /* Within the data: no note. */
    GK_T_CALL(
        gk_calendar_explain_mode(&ex, cal, D("2026-11-26"), 20, NULL, 0, GK_CALENDAR_PROVISIONAL));
    GK_T_OK(!ex.provisional.on);
    GK_T_CALL(gk_deadline_explain_format(&text, &ex));
    GK_T_OK(strstr(gk_buf_cstr(&text), "暂定") == NULL);
    gk_deadline_explain_release(&ex);
    gk_buf_release(&text);
    gk_calendar_free(cal);
}

GK_TEST(core_calendar_provisional, set_default_replaces_the_calendar)
{
    gk_calendar *cal = NULL;
    gk_buf csv = GK_BUF_INIT;
    gk_provisional p = GK_PROVISIONAL_INIT;
    gk_date got;
    size_t len;
    const char *builtin = gk_calendar_default_csv(&len);

    /* A broken file is refused and changes nothing. */
    GK_T_INT_EQ(gk_calendar_set_default("date,kind,name\n2027-01-04,workday,x\n",
                                        strlen("date,kind,name\n2027-01-04,workday,x\n"),
                                        "bad.csv"),
                GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "bad.csv:2") != NULL);
    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_OK(!gk_calendar_covers(cal, 2027));
    gk_calendar_free(cal);

    /* The built-in rows plus 2027: the default now covers 2027, and the
     * 元旦 row moves 2026-12-20 + 20 from 01-15 (provisional) to 01-18. */
    GK_T_CALL(gk_buf_put(&csv, builtin, len));
    GK_T_CALL(gk_buf_puts(&csv, ROWS_2027));
    GK_T_CALL(gk_calendar_set_default(csv.ptr, csv.len, "with-2027.csv"));
    gk_buf_release(&csv);
    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_OK(gk_calendar_covers(cal, 2019) && gk_calendar_covers(cal, 2027));
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2026-12-20"), 20));
    GK_T_STR_EQ(F(got), "2027-01-18");
    GK_T_CALL(
        gk_calendar_add_workdays_mode(&got, &p, cal, D("2026-12-20"), 20, GK_CALENDAR_PROVISIONAL));
    GK_T_STR_EQ(F(got), "2027-01-18");
    GK_T_OK(!p.on);
    gk_calendar_free(cal);

    /* NULL restores the embedded data. */
    GK_T_CALL(gk_calendar_set_default(NULL, 0, NULL));
    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_OK(!gk_calendar_covers(cal, 2027));
    gk_calendar_free(cal);
}
