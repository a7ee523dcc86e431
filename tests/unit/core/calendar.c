/* Unit tests of core/date.c, core/calendar.c and core/deadline.c: spec §2.4
 * vectors, yearly working-day counts, coverage errors, CSV errors, pauses. */
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

static gk_calendar *default_cal(void)
{
    gk_calendar *cal = NULL;

    if (gk_calendar_new_default(&cal) < 0)
        fprintf(stderr, "default calendar: %s\n", gk_error_last()->message);
    return cal;
}

/* Loads a CSV from a string; returns the error code, *out the calendar. */
static int load(gk_calendar **out, const char *csv)
{
    return gk_calendar_new(out, csv, strlen(csv), "t.csv");
}

/* ------------------------------------------------------------- dates */

GK_TEST(core_calendar, date_parse_strict)
{
    static const char *const bad[] = {"2025-02-29", "2025-1-01",  " 2025-01-01", "2025-01-01x",
                                      "0000-01-01", "2025-13-01", "2025-00-10",  "2025-04-31",
                                      "2025/01/01", "20250101",   "",            "1900-02-29",
                                      "+025-01-01", "2025-01-1a"};
    gk_date d;
    size_t i;

    GK_T_CALL(gk_date_parse(&d, "2024-02-29", 10));
    GK_T_INT_EQ(d.y, 2024);
    GK_T_INT_EQ(d.m, 2);
    GK_T_INT_EQ(d.d, 29);
    GK_T_CALL(gk_date_parse(&d, "2000-02-29", 10));
    GK_T_CALL(gk_date_parse(&d, "0001-01-01", 10));
    GK_T_CALL(gk_date_parse(&d, "9999-12-31", 10));
    for (i = 0; i < GK_ARRAY_LEN(bad); i++) {
        if (gk_date_parse(&d, bad[i], strlen(bad[i])) != GK_EINVALID)
            GK_T_FAIL("'%s' should not parse", bad[i]);
    }
    GK_T_OK(strstr(gk_error_last()->message, "YYYY-MM-DD") != NULL);
}

GK_TEST(core_calendar, date_weekday_format_add)
{
    gk_date d;

    GK_T_INT_EQ(gk_date_weekday(D("1970-01-01")), 4);
    GK_T_INT_EQ(gk_date_weekday(D("2000-01-01")), 6);
    GK_T_INT_EQ(gk_date_weekday(D("0001-01-01")), 1);
    GK_T_INT_EQ(gk_date_weekday(D("2025-01-20")), 1);
    GK_T_INT_EQ(gk_date_weekday(D("2026-02-15")), 7);
    GK_T_STR_EQ(F(D("0987-06-05")), "0987-06-05");
    GK_T_CALL(gk_date_add_days(&d, D("2024-02-28"), 1));
    GK_T_STR_EQ(F(d), "2024-02-29");
    GK_T_CALL(gk_date_add_days(&d, D("2024-12-31"), 1));
    GK_T_STR_EQ(F(d), "2025-01-01");
    GK_T_CALL(gk_date_add_days(&d, D("2025-03-01"), -1));
    GK_T_STR_EQ(F(d), "2025-02-28");
    GK_T_INT_EQ(gk_date_add_days(&d, D("9999-12-31"), 1), GK_EINVALID);
    GK_T_INT_EQ(gk_date_add_days(&d, D("0001-01-01"), -1), GK_EINVALID);
    GK_T_INT_EQ(gk_date_add_days(&d, D("2025-01-01"), INT64_MIN), GK_EINVALID);
    GK_T_INT_EQ(gk_date_cmp(D("2025-01-02"), D("2025-01-10")), -1);
    GK_T_INT_EQ(gk_date_cmp(D("2025-01-02"), D("2025-01-02")), 0);
    GK_T_INT_EQ(gk_date_cmp(D("2026-01-01"), D("2025-12-31")), 1);
}

/* Every day number of years 1..9999 maps to a valid date and back, and
 * consecutive numbers are consecutive dates. */
GK_TEST(core_calendar, date_days_roundtrip_all)
{
    int32_t z, lo = gk_date_to_days(D("0001-01-01")), hi = gk_date_to_days(D("9999-12-31"));
    gk_date prev = gk_date_from_days(lo), cur;

    GK_T_INT_EQ(gk_date_to_days(D("1970-01-01")), 0);
    GK_T_INT_EQ(hi - lo + 1, 3652059); /* 9999 years = 24.9975 × 146097 days */
    for (z = lo + 1; z <= hi; z++) {
        cur = gk_date_from_days(z);
        if (!gk_date_valid(cur) || gk_date_to_days(cur) != z)
            GK_T_FAIL("day %d -> %d-%d-%d", (int)z, cur.y, cur.m, cur.d);
        if (gk_date_cmp(prev, cur) >= 0)
            GK_T_FAIL("day %d not after the previous", (int)z);
        if (cur.d != 1 && cur.d != prev.d + 1)
            GK_T_FAIL("day %d skips", (int)z);
        prev = cur;
    }
}

/* ----------------------------------------------------- the shipped data */

GK_TEST(core_calendar, embedded_csv_equals_data_file)
{
    size_t flen, elen;
    char *file = gk_test_slurp(gk_test_path("data/cn-holidays.csv"), &flen);
    const char *emb = gk_calendar_default_csv(&elen);

    /* Fails when data/cn-holidays.csv changed without rerunning
     * scripts/gen-calendar-data.sh. */
    GK_T_MEM_EQ(emb, elen, file, flen);
    gk_free(file);
}

GK_TEST(core_calendar, default_covers_2019_to_2026)
{
    gk_calendar *cal = default_cal();
    int first, last;

    GK_T_OK(cal != NULL);
    gk_calendar_range(cal, &first, &last);
    GK_T_INT_EQ(first, 2019);
    GK_T_INT_EQ(last, 2026);
    GK_T_OK(gk_calendar_covers(cal, 2019));
    GK_T_OK(gk_calendar_covers(cal, 2026));
    GK_T_OK(!gk_calendar_covers(cal, 2018));
    GK_T_OK(!gk_calendar_covers(cal, 2027));
    gk_calendar_free(cal);
}

/* spec §2.4: "Working days per year with this data". */
GK_TEST(core_calendar, workdays_per_year)
{
    static const int want[][2] = {{2019, 250}, {2020, 249}, {2021, 250}, {2022, 249},
                                  {2023, 249}, {2024, 251}, {2025, 248}, {2026, 248}};
    gk_calendar *cal = default_cal();
    int64_t between;
    size_t i;
    int n;

    GK_T_OK(cal != NULL);
    for (i = 0; i < GK_ARRAY_LEN(want); i++) {
        gk_date a = {want[i][0] - 1, 12, 31}, b = {want[i][0], 12, 31};
        GK_T_CALL(gk_calendar_workdays_in_year(&n, cal, want[i][0]));
        if (n != want[i][1])
            GK_T_FAIL("%d: %d working days, expected %d", want[i][0], n, want[i][1]);
        if (want[i][0] == 2019)
            continue;
        /* the same figure through workdays_between(Dec 31 before, Dec 31) */
        GK_T_CALL(gk_calendar_workdays_between(&between, cal, a, b));
        GK_T_INT_EQ(between, want[i][1]);
    }
    gk_calendar_free(cal);
}

/* spec §2.4 test vectors: N working days after D (D not counted). */
static const struct {
    const char *start;
    int n;
    const char *deadline;
} spec_vectors[] = {
    {"2025-01-20", 20, "2025-02-21"}, /* 春节 2025 and make-up 01-26, 02-08 */
    {"2024-09-27", 20, "2024-10-30"}, /* 国庆 2024, make-up 10-12 */
    {"2023-12-29", 20, "2024-01-29"}, /* across the year end */
    {"2026-02-13", 7, "2026-03-02"},  /* 补正 notice across 春节 2026 */
    {"2026-02-13", 20, "2026-03-19"},
    {"2020-01-20", 20, "2020-02-25"}, /* COVID extension of 春节 2020 */
    {"2019-04-26", 20, "2019-05-27"}, /* 劳动节 2019, make-up 04-28, 05-05 */
};

GK_TEST(core_calendar, spec_vectors_add_and_between)
{
    gk_calendar *cal = default_cal();
    gk_date got, back;
    int64_t k;
    size_t i;

    GK_T_OK(cal != NULL);
    for (i = 0; i < GK_ARRAY_LEN(spec_vectors); i++) {
        GK_T_CALL(gk_calendar_add_workdays(&got, cal, D(spec_vectors[i].start), spec_vectors[i].n));
        GK_T_STR_EQ(F(got), spec_vectors[i].deadline);
        GK_T_CALL(gk_calendar_workdays_between(&k, cal, D(spec_vectors[i].start), got));
        GK_T_INT_EQ(k, spec_vectors[i].n);
        GK_T_CALL(gk_calendar_workdays_between(&k, cal, got, D(spec_vectors[i].start)));
        GK_T_INT_EQ(k, -spec_vectors[i].n);
        /* Backwards from the deadline lands on the last working day on or
         * before the start, which is the start itself in all vectors. */
        GK_T_CALL(gk_calendar_add_workdays(&back, cal, got, -spec_vectors[i].n));
        GK_T_STR_EQ(F(back), spec_vectors[i].start);
        /* no pauses: gk_calendar_deadline is the same function */
        GK_T_CALL(gk_calendar_deadline(&got, cal, D(spec_vectors[i].start), spec_vectors[i].n,
                                       NULL, 0));
        GK_T_STR_EQ(F(got), spec_vectors[i].deadline);
    }
    gk_calendar_free(cal);
}

GK_TEST(core_calendar, start_day_never_counted)
{
    gk_calendar *cal = default_cal();
    gk_date got;
    bool w;

    GK_T_OK(cal != NULL);
    /* A Monday start: the 1st working day after it is Tuesday. */
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-03-03"), 1));
    GK_T_STR_EQ(F(got), "2025-03-04");
    /* A Friday start: Monday. */
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-03-07"), 1));
    GK_T_STR_EQ(F(got), "2025-03-10");
    /* Start on a holiday Saturday inside 国庆 2025 (10-01..08): 10-09. */
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-10-04"), 1));
    GK_T_STR_EQ(F(got), "2025-10-09");
    /* n = 0 is the day itself; backwards from a Sunday is the Friday. */
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-03-09"), 0));
    GK_T_STR_EQ(F(got), "2025-03-09");
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-03-09"), -1));
    GK_T_STR_EQ(F(got), "2025-03-07");
    GK_T_CALL(gk_calendar_is_workday(&w, cal, D("2025-01-26")));
    GK_T_OK(w); /* Sunday, make-up workday */
    GK_T_CALL(gk_calendar_is_workday(&w, cal, D("2025-01-28")));
    GK_T_OK(!w);
    GK_T_CALL(gk_calendar_is_workday(&w, cal, D("2025-02-01")));
    GK_T_OK(!w); /* Saturday inside 春节 */
    GK_T_CALL(gk_calendar_is_workday(&w, cal, D("2025-03-05")));
    GK_T_OK(w);
    GK_T_CALL(gk_calendar_is_workday(&w, cal, D("2025-03-08")));
    GK_T_OK(!w);
    GK_T_STR_EQ(gk_calendar_day_name(cal, D("2025-01-26")), "春节");
    GK_T_STR_EQ(gk_calendar_day_name(cal, D("2025-10-06")), "国庆节、中秋节");
    GK_T_OK(gk_calendar_day_name(cal, D("2025-03-05")) == NULL);
    gk_calendar_free(cal);
}

/* add_workdays and workdays_between agree with a day-by-day count over
 * every start day of the covered span, for a spread of n. */
GK_TEST(core_calendar, agrees_with_naive_walk)
{
    gk_calendar *cal = default_cal();
    gk_date start = D("2019-01-01"), got, day;
    int64_t k;
    int s, n, counted;
    bool w;

    GK_T_OK(cal != NULL);
    for (s = 0; s < 2700; s += 7) {
        GK_T_CALL(gk_date_add_days(&day, start, s));
        for (n = 1; n <= 45; n += 11) {
            gk_date cur = day;
            for (counted = 0; counted < n;) {
                GK_T_CALL(gk_date_add_days(&cur, cur, 1));
                GK_T_CALL(gk_calendar_is_workday(&w, cal, cur));
                counted += w;
            }
            GK_T_CALL(gk_calendar_add_workdays(&got, cal, day, n));
            if (gk_date_cmp(got, cur) != 0)
                GK_T_FAIL("%s + %d: got %s, walk says %s", F(day), n, F(got), F(cur));
            GK_T_CALL(gk_calendar_workdays_between(&k, cal, day, cur));
            GK_T_INT_EQ(k, n);
        }
    }
    gk_calendar_free(cal);
}

/* ------------------------------------------------------ unknown years */

GK_TEST(core_calendar, unknown_year_is_an_error)
{
    gk_calendar *cal = default_cal();
    gk_date got;
    int64_t k;
    bool w;

    GK_T_OK(cal != NULL);
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2026-12-20"), 20), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2027") != NULL);
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2019-01-10"), -20), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2018") != NULL);
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2025-01-10"), INT64_MAX), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2027") != NULL);
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2025-01-10"), INT64_MIN), GK_EINVALID);
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2018-12-31"), 1), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2018") != NULL);
    GK_T_INT_EQ(gk_calendar_workdays_between(&k, cal, D("2025-06-01"), D("2027-01-04")),
                GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2027") != NULL);
    GK_T_INT_EQ(gk_calendar_is_workday(&w, cal, D("2030-03-04")), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2030") != NULL);
    gk_calendar_free(cal);
}

GK_TEST(core_calendar, gap_year_is_not_covered)
{
    gk_calendar *cal = NULL;
    gk_date got;
    int64_t k;

    GK_T_CALL(load(&cal, "date,kind,name\n2019-01-01,holiday,元旦\n2021-01-01,holiday,元旦\n"));
    GK_T_OK(gk_calendar_covers(cal, 2019));
    GK_T_OK(!gk_calendar_covers(cal, 2020));
    GK_T_OK(gk_calendar_covers(cal, 2021));
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2019-12-20"), 20), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2020") != NULL);
    GK_T_INT_EQ(gk_calendar_workdays_between(&k, cal, D("2019-06-01"), D("2021-06-01")),
                GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2020") != NULL);
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2021-01-20"), -20), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "year 2020") != NULL);
    /* Inside one covered year it works: 2019-12-31 Tue + 1 needs 2020. */
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2019-12-27"), 2));
    GK_T_STR_EQ(F(got), "2019-12-31");
    gk_calendar_free(cal);
}

/* --------------------------------------------------------- CSV errors */

GK_TEST(core_calendar, csv_errors_name_the_line)
{
    static const struct {
        const char *csv;
        const char *msg;
    } cases[] = {
        {"# c\ndate,kind,name\n2025-01-01,holiday,元旦\n2025-02-30,holiday,春节\n",
         "t.csv:4: '2025-02-30' is not a real date"},
        {"date,kind,name\n2025-01-01,holliday,元旦\n", "t.csv:2: unknown kind 'holliday'"},
        {"date,kind,name\n2025-01-01,holiday\n", "t.csv:2: expected 3 fields"},
        {"date,kind,name\n2025-01-01,holiday,元旦,x\n", "t.csv:2: more than 3 fields"},
        {"date,kind,name\n2025-01-01,holiday,\n", "t.csv:2: empty name"},
        {"date,kind,name\n2025-01-01,holiday,\"元旦\"\n", "t.csv:2: name contains a quote"},
        {"date,kind,name\n2025-01-01,holiday,\xff\n", "t.csv:2: name is not valid UTF-8"},
        {"date,kind,name\n2025-01-27,workday,春节\n",
         "t.csv:2: 2025-01-27 is a weekday; a 'workday' row must be a Saturday or Sunday"},
        {"date,kind,name\n2025-01-01,holiday,元旦\n\n2025-01-01,holiday,元旦\n",
         "t.csv:4: duplicate date 2025-01-01 (first listed on line 2)"},
        {"date,kind,name\n2025-01-26,holiday,春节\n2025-01-26,workday,春节\n",
         "t.csv:3: 2025-01-26 is listed both as a holiday and as a make-up workday (see line 2)"},
        {"2025-01-01,holiday,元旦\n", "t.csv:1: expected the header line 'date,kind,name'"},
        {"# only comments\n", "t.csv:1: no header line"},
        {"date,kind,name\n# nothing\n", "t.csv:2: no rows"},
        {"date,kind,name\n1800-01-01,holiday,x\n2025-01-01,holiday,元旦\n",
         "t.csv: years 1800..2025 span more than 200 years"},
    };
    gk_calendar *cal;
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(cases); i++) {
        cal = (gk_calendar *)1;
        if (load(&cal, cases[i].csv) != GK_EINVALID)
            GK_T_FAIL("case %zu loaded", i);
        GK_T_OK(cal == NULL);
        if (strncmp(gk_error_last()->message, cases[i].msg, strlen(cases[i].msg)) != 0)
            GK_T_FAIL("case %zu:\n  got:      '%s'\n  expected: '%s…'", i,
                      gk_error_last()->message, cases[i].msg);
    }
}

GK_TEST(core_calendar, csv_bom_crlf_spaces_accepted)
{
    gk_calendar *cal = NULL;
    gk_date got;

    GK_T_CALL(load(&cal, "\xEF\xBB\xBF# comment\r\ndate,kind,name\r\n"
                         " 2025-01-01 , holiday , 元旦 \r\n2025-01-26,workday,春节\r\n"));
    GK_T_STR_EQ(gk_calendar_day_name(cal, D("2025-01-01")), "元旦");
    GK_T_INT_EQ(gk_calendar_add_workdays(&got, cal, D("2024-12-31"), 1), GK_EINVALID);
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-01-01"), 1));
    GK_T_STR_EQ(F(got), "2025-01-02");
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-01-24"), 1));
    GK_T_STR_EQ(F(got), "2025-01-26");
    gk_calendar_free(cal);
}

GK_TEST(core_calendar, load_survives_allocation_failures)
{
    size_t len;
    const char *csv = gk_calendar_default_csv(&len);
    unsigned long k;
    gk_calendar *cal;
    int error;

    for (k = 1; k < 40; k++) {
        gk_alloc_fail_at(k);
        error = gk_calendar_new(&cal, csv, len, NULL);
        gk_alloc_fail_at(0);
        if (error == 0) {
            gk_calendar_free(cal);
            break;
        }
        GK_T_INT_EQ(error, GK_ENOMEM);
        GK_T_OK(cal == NULL);
    }
    GK_T_OK(k < 40);
}

/* -------------------------------------------------------------- pauses */

GK_TEST(core_calendar, pause_pushes_the_deadline)
{
    gk_calendar *cal = default_cal();
    gk_pause p[3];
    gk_date got;

    GK_T_OK(cal != NULL);
    /* 2025-03-03 (Mon) + 20 = 2025-03-31 without pauses. Pausing the week
     * 03-10..03-14 (a third-party consultation, 第三十三条第三款) stops 5
     * working days: 03-31 becomes the 15th; 04-01..03 are 16-18, 04-04 is
     * 清明节, 04-07 the 19th, 04-08 the 20th. */
    GK_T_CALL(gk_calendar_add_workdays(&got, cal, D("2025-03-03"), 20));
    GK_T_STR_EQ(F(got), "2025-03-31");
    p[0].from = D("2025-03-10");
    p[0].to = D("2025-03-14");
    p[0].reason = GK_PAUSE_THIRD_PARTY;
    GK_T_CALL(gk_calendar_deadline(&got, cal, D("2025-03-03"), 20, p, 1));
    GK_T_STR_EQ(F(got), "2025-04-08");
    /* An overlapping pause is merged, not counted twice. */
    p[1].from = D("2025-03-12");
    p[1].to = D("2025-03-16");
    p[1].reason = GK_PAUSE_OTHER_AGENCY;
    GK_T_CALL(gk_calendar_deadline(&got, cal, D("2025-03-03"), 20, p, 2));
    GK_T_STR_EQ(F(got), "2025-04-08");
    /* A weekend-only pause and one before the start change nothing. */
    p[0].from = D("2025-03-08");
    p[0].to = D("2025-03-09");
    p[1].from = D("2025-02-01");
    p[1].to = D("2025-03-03");
    p[2].from = D("2025-06-01");
    p[2].to = D("2025-06-30"); /* after the deadline */
    p[2].reason = GK_PAUSE_FEE_NOTICE;
    GK_T_CALL(gk_calendar_deadline(&got, cal, D("2025-03-03"), 20, p, 3));
    GK_T_STR_EQ(F(got), "2025-03-31");
    /* A pause that starts before the start day still stops the days after it. */
    p[0].from = D("2025-03-01");
    p[0].to = D("2025-03-04"); /* stops 03-04 only */
    GK_T_CALL(gk_calendar_deadline(&got, cal, D("2025-03-03"), 20, p, 1));
    GK_T_STR_EQ(F(got), "2025-04-01");
    /* from > to is rejected */
    p[0].from = D("2025-03-05");
    p[0].to = D("2025-03-04");
    GK_T_INT_EQ(gk_calendar_deadline(&got, cal, D("2025-03-03"), 20, p, 1), GK_EINVALID);
    /* a pause running into an uncovered year pushes into it: error */
    p[0].from = D("2025-03-05");
    p[0].to = D("2027-02-01");
    GK_T_INT_EQ(gk_calendar_deadline(&got, cal, D("2025-03-03"), 20, p, 1), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2027") != NULL);
    gk_calendar_free(cal);
}

GK_TEST(core_calendar, explain_spec_vector_2025)
{
    gk_calendar *cal = default_cal();
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_buf b = GK_BUF_INIT;

    GK_T_OK(cal != NULL);
    GK_T_CALL(gk_calendar_explain(&ex, cal, D("2025-01-20"), 20, NULL, 0));
    GK_T_STR_EQ(F(ex.deadline), "2025-02-21");
    GK_T_INT_EQ(ex.nsteps, 5);
    GK_T_INT_EQ(ex.steps[0].kind, GK_STEP_START);
    GK_T_INT_EQ(ex.steps[1].kind, GK_STEP_MAKEUP);
    GK_T_INT_EQ(ex.steps[2].kind, GK_STEP_HOLIDAY);
    GK_T_INT_EQ(ex.steps[3].kind, GK_STEP_MAKEUP);
    GK_T_INT_EQ(ex.steps[4].kind, GK_STEP_DEADLINE);
    GK_T_CALL(gk_deadline_explain_format(&b, &ex));
    GK_T_STR_EQ(gk_buf_cstr(&b),
                "起算日 2025-01-20（星期一），当日不计入\n"
                "2025-01-26（星期日）调休上班（春节），计为第 5 个工作日\n"
                "2025-01-28 至 2025-02-04 休息 8 天（春节），不计入\n"
                "2025-02-08（星期六）调休上班（春节），计为第 10 个工作日\n"
                "期限届满日 2025-02-21（星期五），第 20 个工作日\n"
                "共 32 个自然日：周末 4 天、节假日 8 天不计入，调休上班 2 天计入，"
                "暂停期间 0 个工作日不计入\n");
    gk_buf_release(&b);
    gk_deadline_explain_release(&ex);
    gk_calendar_free(cal);
}

GK_TEST(core_calendar, explain_with_pause)
{
    gk_calendar *cal = default_cal();
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_buf b = GK_BUF_INIT;
    gk_pause p[2] = {{{2025, 3, 10}, {2025, 3, 14}, GK_PAUSE_THIRD_PARTY},
                     {{2025, 3, 13}, {2025, 3, 16}, GK_PAUSE_FEE_NOTICE}};

    GK_T_OK(cal != NULL);
    GK_T_CALL(gk_calendar_explain(&ex, cal, D("2025-03-03"), 20, p, 2));
    GK_T_STR_EQ(F(ex.deadline), "2025-04-08");
    GK_T_INT_EQ(ex.paused_workdays, 5);
    GK_T_CALL(gk_deadline_explain_format(&b, &ex));
    GK_T_STR_EQ(gk_buf_cstr(&b),
                "起算日 2025-03-03（星期一），当日不计入\n"
                "2025-03-10 至 2025-03-16 暂停计算（征求第三方意见、收费通知至缴费），"
                "其间 5 个工作日不计入\n"
                "2025-04-04 至 2025-04-06 休息 3 天（清明节），不计入\n"
                "期限届满日 2025-04-08（星期二），第 20 个工作日\n"
                "共 36 个自然日：周末 6 天、节假日 3 天不计入，调休上班 0 天计入，"
                "暂停期间 5 个工作日不计入\n");
    gk_buf_release(&b);
    gk_deadline_explain_release(&ex);
    gk_calendar_free(cal);
}

/* The fast deadline and the day walk of explain agree on pseudo-random
 * starts, lengths and pauses (a fixed LCG, so failures reproduce). */
GK_TEST(core_calendar, deadline_agrees_with_explain)
{
    gk_calendar *cal = default_cal();
    gk_date base = D("2019-01-01"), start, fast;
    gk_pause p[4];
    uint32_t seed = 12345;
    int i, j, np, n;

#define RND(m) ((int)((seed = seed * 1103515245u + 12345u) >> 8) % (m))
    GK_T_OK(cal != NULL);
    for (i = 0; i < 1500; i++) {
        gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
        GK_T_CALL(gk_date_add_days(&start, base, RND(2400)));
        n = RND(40);
        np = RND(5);
        for (j = 0; j < np; j++) {
            GK_T_CALL(gk_date_add_days(&p[j].from, start, RND(50) - 5));
            GK_T_CALL(gk_date_add_days(&p[j].to, p[j].from, RND(15)));
            p[j].reason = (gk_pause_reason)RND(4);
        }
        GK_T_CALL(gk_calendar_deadline(&fast, cal, start, n, p, (size_t)np));
        GK_T_CALL(gk_calendar_explain(&ex, cal, start, n, p, (size_t)np));
        if (gk_date_cmp(fast, ex.deadline) != 0) {
            gk_deadline_explain_release(&ex);
            GK_T_FAIL("case %d: %s + %d with %d pauses: fast %s, walk %s", i, F(start), n, np,
                      F(fast), F(ex.deadline));
        }
        gk_deadline_explain_release(&ex);
    }
#undef RND
    gk_calendar_free(cal);
}

/* The register's bulk path: 200k deadlines must be cheap (no timing
 * assertion; this guards against an accidental O(days) path under ASan). */
GK_TEST(core_calendar, many_deadlines)
{
    gk_calendar *cal = default_cal();
    gk_date base = D("2019-01-01"), start, got;
    int64_t sum = 0;
    int i;

    GK_T_OK(cal != NULL);
    for (i = 0; i < 200000; i++) {
        GK_T_CALL(gk_date_add_days(&start, base, i % 2500));
        GK_T_CALL(gk_calendar_add_workdays(&got, cal, start, 20));
        sum += got.d;
    }
    GK_T_OK(sum > 0);
    gk_calendar_free(cal);
}
