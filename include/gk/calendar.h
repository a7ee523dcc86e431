/*
 * calendar.h: dates, the official working-day calendar and deadline
 * arithmetic (spec §2.4, §5).
 *
 * Dates are plain gk_date {y, m, d} values on the proleptic Gregorian
 * calendar, years 1..9999. No function here uses localtime/mktime or the
 * process time zone: all arithmetic is on day numbers.
 *
 * A gk_calendar is loaded from a CSV in the format of data/cn-holidays.csv
 * (or the copy embedded in the library, which a program may replace at
 * start-up with gk_calendar_set_default). It knows which years it covers,
 * and every query that touches a year without data fails with GK_EINVALID
 * and a message naming the year: "unknown year must not silently mean no
 * holidays" (spec §5). The calls ending in _mode can instead count such a
 * year provisionally, and then always say so (PROVISIONAL MODE below).
 */
#ifndef GK_CALENDAR_H
#define GK_CALENDAR_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

/* ---------------------------------------------------------------- dates */

typedef struct {
    int y; /* 1..9999 */
    int m; /* 1..12 */
    int d; /* 1..days in month */
} gk_date;

/* Bytes needed by gk_date_format: "YYYY-MM-DD" plus NUL. */
#define GK_DATE_BUFSZ 11

/* True when d names a real day in years 1..9999. Pure. */
GK_EXTERN(bool) gk_date_valid(gk_date d);

/* Parses exactly "YYYY-MM-DD" from s[0..len): four-digit year 0001..9999,
 * two-digit month and day, a real date (no 2025-02-29). Nothing before or
 * after. Returns 0, or GK_EINVALID with a message quoting the input. */
GK_EXTERN(int) gk_date_parse(gk_date *out, const char *s, size_t len) GK_WARN_UNUSED;

/* Writes "YYYY-MM-DD" and a NUL into out (GK_DATE_BUFSZ bytes) and returns
 * out. An invalid date is written as "0000-00-00". Pure. */
GK_EXTERN(char *) gk_date_format(char out[GK_DATE_BUFSZ], gk_date d);

/* Day number: days since 1970-01-01 (negative before). d must be valid. */
GK_EXTERN(int32_t) gk_date_to_days(gk_date d);
/* Inverse of gk_date_to_days. The day number must lie in years 1..9999. */
GK_EXTERN(gk_date) gk_date_from_days(int32_t days);

/* ISO day of week: 1 = Monday … 7 = Sunday. d must be valid. Pure. */
GK_EXTERN(int) gk_date_weekday(gk_date d);

/* *out = d + n calendar days (n may be negative). GK_EINVALID when d is
 * invalid or the result leaves years 1..9999. */
GK_EXTERN(int) gk_date_add_days(gk_date *out, gk_date d, int64_t n) GK_WARN_UNUSED;

/* <0, 0, >0 as a is before, equal to, after b. Pure. */
GK_EXTERN(int) gk_date_cmp(gk_date a, gk_date b);

/* ------------------------------------------------------------- calendar */

typedef struct gk_calendar gk_calendar;

/* What a day is on the official calendar (spec §2.4, §5). */
typedef enum {
    GK_DAY_WORKDAY = 0, /* an ordinary Monday–Friday */
    GK_DAY_WEEKEND,     /* an ordinary Saturday/Sunday: rest day */
    GK_DAY_HOLIDAY,     /* a `holiday` row: official day off, any weekday */
    GK_DAY_MAKEUP       /* a `workday` row: Saturday/Sunday worked (调休上班) */
} gk_day_kind;

/* Limits of a loaded calendar: the covered years must lie within a span
 * of this many years (first covered year .. last covered year). */
#define GK_CALENDAR_MAX_YEARS 200

/*
 * Loads a calendar from a CSV buffer (need not be NUL-terminated; borrowed
 * only during the call). Format (spec §5):
 *   - an optional UTF-8 BOM; lines end in LF or CRLF;
 *   - lines starting with '#' are comments; blank lines are ignored;
 *   - the first other line is exactly the header `date,kind,name`;
 *   - then rows `YYYY-MM-DD,holiday|workday,NAME` (NAME non-empty UTF-8,
 *     no comma, no '"', at most 100 bytes); spaces around fields are
 *     trimmed.
 * Checks: a real ISO date; known kind; a `workday` row must be a Saturday
 * or Sunday (a Monday–Friday is a working day already); each date at most
 * once (a date listed as both holiday and workday is reported as such).
 *
 * COVERAGE RULE: the calendar covers exactly the years that have at least
 * one row. Every year has 元旦 in it, so a year transcribed from its State
 * Council notice always has rows; a year without rows is unknown, never
 * "no holidays". Consequence for data entry: do not add the carry-over
 * days a notice lists in the previous year (e.g. 2018-12-30 in the 2019
 * notice) unless that whole previous year is also transcribed, or that
 * year would count as covered. Years between two covered years that have
 * no rows are not covered.
 *
 * source names the input in messages ("cn-holidays.csv"); NULL = "calendar".
 * Errors: GK_EINVALID with "SOURCE:LINE: what" for malformed input,
 * GK_ENOMEM. *out is NULL on error; caller frees with gk_calendar_free.
 */
GK_EXTERN(int)
gk_calendar_new(gk_calendar **out, const char *csv, size_t len, const char *source) GK_WARN_UNUSED;

/* Loads the default calendar: the CSV given to gk_calendar_set_default, or
 * else the one embedded in the library (a byte-exact copy of
 * data/cn-holidays.csv at build time). Caller frees with gk_calendar_free. */
GK_EXTERN(int) gk_calendar_new_default(gk_calendar **out) GK_WARN_UNUSED;

/* Returns the embedded CSV bytes (static storage) and its length, whatever
 * gk_calendar_set_default was given. */
GK_EXTERN(const char *) gk_calendar_default_csv(size_t *len_out);

/*
 * Replaces the default calendar of the process: every later
 * gk_calendar_new_default (the web pages, the registers' fee windows, the
 * CLI commands) loads a copy of csv[0..len) instead of the embedded data.
 * This is how an office uses the State Council notice for a new year the
 * day it is published, without a new build (`--calendar FILE` or
 * $GK_CALENDAR, docs/calendar.md). The file REPLACES the embedded data: it
 * must hold every year still needed, not only the new one.
 * The CSV is checked first (as gk_calendar_new; source names it in
 * messages and must be shorter than 256 bytes): on GK_EINVALID the default
 * is unchanged. csv NULL restores the embedded data. Not thread-safe: call
 * it at start-up, before any thread loads a calendar (calendars already
 * loaded keep their data).
 */
GK_EXTERN(int) gk_calendar_set_default(const char *csv, size_t len, const char *source)
    GK_WARN_UNUSED;

/* NULL-safe. */
GK_EXTERN(void) gk_calendar_free(gk_calendar *cal);

/* True when the calendar has data for year. Pure. */
GK_EXTERN(bool) gk_calendar_covers(const gk_calendar *cal, int year);

/* First and last covered years (either out may be NULL). Pure. */
GK_EXTERN(void) gk_calendar_range(const gk_calendar *cal, int *first_out, int *last_out);

/* The kind of a day. GK_EINVALID when date is invalid or its year is not
 * covered (message names the year). */
GK_EXTERN(int) gk_calendar_day_kind(gk_day_kind *out, const gk_calendar *cal, gk_date date)
    GK_WARN_UNUSED;

/* The festival name of a holiday/workday row on date (borrowed, valid
 * while cal lives), or NULL for an ordinary day or an uncovered year. */
GK_EXTERN(const char *) gk_calendar_day_name(const gk_calendar *cal, gk_date date);

/* *out = whether date is a working day (工作日): a Monday–Friday that is
 * not a holiday row, or a workday row. Errors as gk_calendar_day_kind. */
GK_EXTERN(int) gk_calendar_is_workday(bool *out, const gk_calendar *cal, gk_date date)
    GK_WARN_UNUSED;

/*
 * *out = the n-th working day AFTER date: the day itself is never counted,
 * even when it is a working day (spec §2.4; 民法典 第二百零一条 by analogy).
 * n = 0 returns date unchanged. n < 0 counts backwards: the |n|-th working
 * day before date. Every year from date to the result must be covered
 * (GK_EINVALID naming the first uncovered year otherwise). O(log days).
 */
GK_EXTERN(int)
gk_calendar_add_workdays(gk_date *out, const gk_calendar *cal, gk_date date, int64_t n)
    GK_WARN_UNUSED;

/*
 * *out = the number of working days d with d1 < d <= d2 (after d1 up to
 * and including d2), so that add_workdays(d1, k) = d2 gives between = k.
 * When d2 < d1 the result is minus the count for (d2, d1]. Every year from
 * the earlier to the later date must be covered. O(1).
 */
GK_EXTERN(int)
gk_calendar_workdays_between(int64_t *out, const gk_calendar *cal, gk_date d1, gk_date d2)
    GK_WARN_UNUSED;

/* *out = the number of working days in a covered year. */
GK_EXTERN(int) gk_calendar_workdays_in_year(int *out, const gk_calendar *cal, int year)
    GK_WARN_UNUSED;

/* ------------------------------------------------------ provisional mode */

/*
 * PROVISIONAL MODE. The State Council publishes year N+1's holidays around
 * November of year N, so a deadline counted in late year N (a 补正, a
 * consultation pause or an extension) can end in a year the calendar does
 * not cover yet. Each caller chooses what happens then:
 *
 *   GK_CALENDAR_STRICT: GK_EINVALID naming the year, exactly as the calls
 *     without _mode (spec §5: an unknown year is never "no holidays").
 *   GK_CALENDAR_PROVISIONAL: a year without rows, up to
 *     GK_CALENDAR_PROVISIONAL_YEARS before the first or after the last
 *     covered year (or between two covered years), counts Monday–Friday as
 *     working days; the result carries a gk_provisional that says so
 *     (on = true, the years), and gk_calendar_provisional_note gives the
 *     sentence every display must show with it: "2027年节假日安排尚未发布，
 *     按周一至周五推算，仅供参考". Further out: GK_EINVALID as strict.
 *
 * Who uses which (the rule for new callers):
 *   - PROVISIONAL, flagged: the answer deadline of a case and the 补正
 *     notice deadline as shown to staff and applicants (the staff case
 *     page, case list and dashboard, the public status lookup and its JSON
 *     field "provisional", `gongkai case show`), and `gongkai workdays
 *     --provisional`. A provisional date is a reminder, not a legal
 *     finding: it is shown with the sentence and replaced by the official
 *     date as soon as the calendar has the year.
 *   - STRICT: everything that becomes a record or a figure: report
 *     arithmetic (table 2/4 timeliness, 第二十六条 catalogue timeliness),
 *     the fee payment window stored with a fee notice, the demo data, and
 *     the plain gk_calendar_* calls. Those fail until the year is loaded.
 */
typedef enum {
    GK_CALENDAR_STRICT = 0,
    GK_CALENDAR_PROVISIONAL = 1
} gk_calendar_mode;

/* How far outside its covered years a calendar counts provisionally. */
#define GK_CALENDAR_PROVISIONAL_YEARS 5

/* Whether a result used years without data, and which. */
typedef struct {
    bool on;          /* some counted day lies in a year without rows */
    int from_year;    /* first and last such year (0 when !on) */
    int to_year;
    bool unpublished; /* every such year is after the last covered year */
} gk_provisional;

#define GK_PROVISIONAL_INIT {false, 0, 0, false}

/* *out = the years without rows among the years from d1 to d2 (either
 * order; both valid dates). Pure. */
GK_EXTERN(void)
gk_calendar_provisional_span(gk_provisional *out, const gk_calendar *cal, gk_date d1, gk_date d2);

/* into = into ∪ p (the years as one range). Pure. */
GK_EXTERN(void) gk_calendar_provisional_merge(gk_provisional *into, const gk_provisional *p);

/* Appends the sentence for p, without a line end, e.g. "2027年节假日安排
 * 尚未发布，按周一至周五推算，仅供参考" (years before or between the data:
 * "…未收入节假日日历，…"). Appends nothing when !p->on. */
GK_EXTERN(int) gk_calendar_provisional_note(gk_buf *b, const gk_provisional *p) GK_WARN_UNUSED;

/* gk_calendar_add_workdays and gk_calendar_workdays_between under mode;
 * *prov_out (may be NULL only in strict mode, where it is always off)
 * describes the years from date to the result (d1 to d2). */
GK_EXTERN(int)
gk_calendar_add_workdays_mode(gk_date *out, gk_provisional *prov_out, const gk_calendar *cal,
                              gk_date date, int64_t n, gk_calendar_mode mode) GK_WARN_UNUSED;
GK_EXTERN(int)
gk_calendar_workdays_between_mode(int64_t *out, gk_provisional *prov_out, const gk_calendar *cal,
                                  gk_date d1, gk_date d2, gk_calendar_mode mode) GK_WARN_UNUSED;

/* ------------------------------------------------- deadlines with pauses */

/* Why the clock stopped (spec §2.3; 条例第三十三条第三款, 国办函〔2020〕109号). */
typedef enum {
    GK_PAUSE_THIRD_PARTY = 0, /* 第三十二条 consultation of a third party */
    GK_PAUSE_OTHER_AGENCY,    /* 第三十四条 consultation of other agencies */
    GK_PAUSE_FEE_NOTICE,      /* 收费通知 sent until payment (UNVERIFIED wording) */
    GK_PAUSE_OTHER            /* any other stop the register records */
} gk_pause_reason;

/*
 * A pause of the deadline clock.
 *
 * PAUSE SEMANTICS: [from, to] is a closed interval of calendar days; a
 * working day inside it does not count toward n, and non-working days are
 * irrelevant either way. So a pause never adds calendar time by itself: it
 * pushes the deadline by exactly the number of working days it covers
 * between the start day (exclusive) and the deadline. Consequences:
 *   - overlapping pauses are merged (a day is not "un-counted" twice);
 *   - the parts of a pause on or before the start day, or after the
 *     resulting deadline, have no effect;
 *   - a pause that covers only weekends/holidays has no effect.
 * Which days the register puts in [from, to] is its choice and its
 * statement of the law; this module does not guess. The 第三十三条第三款
 * reading "time spent consulting is not counted" suggests from = the day
 * the consultation letter (or fee notice) is sent and to = the day the
 * reply (or payment) is received, so the clock resumes the next day, as
 * 民法典 第二百零一条 has periods start on the following day.
 * from <= to is required; both must be valid dates.
 */
typedef struct {
    gk_date from;
    gk_date to;
    gk_pause_reason reason;
} gk_pause;

/* Upper bound on pauses per call (a case has a handful). */
#define GK_MAX_PAUSES 256

/*
 * *out = the n-th counted working day after start (start never counted),
 * where working days inside any pause are not counted. n >= 0; with no
 * pauses this equals gk_calendar_add_workdays. pauses may be NULL when
 * npauses is 0 and need not be sorted. O(npauses · log days).
 */
GK_EXTERN(int)
gk_calendar_deadline(gk_date *out, const gk_calendar *cal, gk_date start, int64_t n,
                     const gk_pause *pauses, size_t npauses) GK_WARN_UNUSED;

/* gk_calendar_deadline under mode; *prov_out (NULL only in strict mode)
 * describes the years from start to the result. */
GK_EXTERN(int)
gk_calendar_deadline_mode(gk_date *out, gk_provisional *prov_out, const gk_calendar *cal,
                          gk_date start, int64_t n, const gk_pause *pauses, size_t npauses,
                          gk_calendar_mode mode) GK_WARN_UNUSED;

/* One line of a deadline explanation. */
typedef enum {
    GK_STEP_START = 0, /* the start day (never counted); `from` = start */
    GK_STEP_HOLIDAY,   /* a run of rest days [from, to] containing a holiday
                          row; `name` = that holiday; `days` = its length */
    GK_STEP_MAKEUP,    /* a make-up Saturday/Sunday that counted; `counted`
                          = its ordinal among counted days */
    GK_STEP_PAUSE,     /* a merged pause run [from, to] (clipped to the
                          counting span); `days` = working days not counted;
                          `reasons` = bit set of (1u << gk_pause_reason) */
    GK_STEP_DEADLINE   /* the result; `counted` = n */
} gk_step_kind;

typedef struct {
    gk_step_kind kind;
    gk_date from;
    gk_date to;
    int days;
    int counted;      /* working days counted up to and including `to` */
    unsigned reasons; /* GK_STEP_PAUSE only */
    const char *name; /* GK_STEP_HOLIDAY: borrowed from the calendar */
} gk_deadline_step;

typedef struct {
    gk_date deadline;
    int n;
    int calendar_days;   /* deadline - start */
    int weekend_days;    /* ordinary Sat/Sun skipped outside any pause */
    int holiday_days;    /* holiday rows skipped outside any pause */
    int makeup_days;     /* make-up weekend days counted */
    int paused_workdays; /* working days not counted because of pauses */
    gk_deadline_step *steps; /* owned; release with gk_deadline_explain_release */
    size_t nsteps;
    gk_provisional provisional; /* on: days of uncovered years were counted
                                   Monday–Friday (provisional mode only) */
} gk_deadline_explain;

#define GK_DEADLINE_EXPLAIN_INIT {{0, 0, 0}, 0, 0, 0, 0, 0, 0, NULL, 0, GK_PROVISIONAL_INIT}

/*
 * Computes the same deadline as gk_calendar_deadline and a compact
 * explanation: the start, each holiday block skipped, each make-up workday
 * counted, each merged pause run, the deadline. Ordinary weekends are only
 * totalled (weekend_days). n is 0..3660. Walks the days, so it is for
 * display, not bulk computation. On error out is left released.
 */
GK_EXTERN(int)
gk_calendar_explain(gk_deadline_explain *out, const gk_calendar *cal, gk_date start, int n,
                    const gk_pause *pauses, size_t npauses) GK_WARN_UNUSED;

/* gk_calendar_explain under mode: out->provisional says whether (and
 * which) days were counted provisionally. */
GK_EXTERN(int)
gk_calendar_explain_mode(gk_deadline_explain *out, const gk_calendar *cal, gk_date start, int n,
                         const gk_pause *pauses, size_t npauses, gk_calendar_mode mode)
    GK_WARN_UNUSED;

/* Frees the steps and resets to GK_DEADLINE_EXPLAIN_INIT. NULL-safe. */
GK_EXTERN(void) gk_deadline_explain_release(gk_deadline_explain *ex);

/* Appends a Chinese, human-readable rendering of ex (one line per step)
 * to b; a provisional ex starts with the line "暂定：" and the sentence of
 * gk_calendar_provisional_note. */
GK_EXTERN(int) gk_deadline_explain_format(gk_buf *b, const gk_deadline_explain *ex) GK_WARN_UNUSED;

GK_END_DECL

#endif
