/*
 * fuzz_calendar.c: libFuzzer target over the holiday-calendar CSV loader
 * (gk_calendar_new), the untrusted input of `--calendar FILE` (conventions
 * C7). A loaded calendar must also satisfy its invariants; a violation
 * aborts, like a crash or a sanitizer report:
 *   - every covered year has 0..366 working days;
 *   - add_workdays(d, k) = w implies workdays_between(d, w) = k, and w is a
 *     working day;
 *   - gk_calendar_deadline and gk_calendar_explain agree under a pause;
 *   - queries in uncovered years fail with GK_EINVALID;
 *   - in provisional mode (calendar.h PROVISIONAL MODE) the fast deadline
 *     and the walk agree on the date and on the flag, the flag is on
 *     exactly when a year from start to result has no rows, and a covered
 *     span gives the strict answer.
 * The first input byte, when it is not '#' or 'd', selects the step k of
 * the checks (so one target covers several strides); the rest is the CSV.
 */
#include <stdint.h>
#include <stdlib.h>
#include "gk/calendar.h"
#include "gk/errors.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_year(const gk_calendar *cal, int year, int k)
{
    gk_date jan1 = {year, 1, 1}, w, d;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_pause pause;
    int64_t between;
    int n, i;
    bool work;

    if (gk_calendar_workdays_in_year(&n, cal, year) < 0 || n < 0 || n > 366)
        abort();
    for (i = 0; i < 370; i += 17) {
        if (gk_date_add_days(&d, jan1, i) < 0 || d.y != year)
            break;
        if (gk_calendar_add_workdays(&w, cal, d, k) < 0)
            continue; /* ran into an uncovered year: allowed */
        if (gk_calendar_workdays_between(&between, cal, d, w) < 0 || between != k)
            abort();
        if (gk_calendar_is_workday(&work, cal, w) < 0 || !work)
            abort();
        pause.from = d;
        pause.to = w;
        pause.reason = GK_PAUSE_OTHER;
        if (gk_calendar_deadline(&w, cal, d, k, &pause, 1) < 0)
            continue;
        if (gk_calendar_explain(&ex, cal, d, k, &pause, 1) < 0 ||
            gk_date_cmp(ex.deadline, w) != 0)
            abort();
        gk_deadline_explain_release(&ex);
    }
}

/* Provisional mode from June 1 of year (covered or not). */
static void check_provisional(const gk_calendar *cal, int year, int k)
{
    gk_date start = {year, 6, 1}, fast, strict;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_provisional p, span;
    gk_pause pause;
    int rc;

    pause.from = start;
    pause.to = start;
    pause.to.d = 10;
    pause.reason = GK_PAUSE_OTHER;
    rc = gk_calendar_deadline_mode(&fast, &p, cal, start, k, &pause, 1, GK_CALENDAR_PROVISIONAL);
    if (rc < 0) {
        if (rc != GK_EINVALID)
            abort();
        return; /* beyond the provisional reach */
    }
    if (gk_calendar_explain_mode(&ex, cal, start, k, &pause, 1, GK_CALENDAR_PROVISIONAL) < 0 ||
        gk_date_cmp(ex.deadline, fast) != 0 || ex.provisional.on != p.on)
        abort();
    gk_deadline_explain_release(&ex);
    gk_calendar_provisional_span(&span, cal, start, fast);
    if (span.on != p.on || (p.on && (span.from_year != p.from_year || span.to_year != p.to_year)))
        abort();
    rc = gk_calendar_deadline(&strict, cal, start, k, &pause, 1);
    if (p.on ? rc != GK_EINVALID : (rc < 0 || gk_date_cmp(strict, fast) != 0))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_calendar *cal = NULL;
    int k = 20, first, last, y;
    bool work;
    gk_date probe;

    if (size && data[0] != '#' && data[0] != 'd') {
        k = 1 + data[0] % 40;
        data++;
        size--;
    }
    if (gk_calendar_new(&cal, (const char *)data, size, "fuzz") < 0)
        return 0;
    gk_calendar_range(cal, &first, &last);
    if (first < 1 || last > 9999 || last < first || last - first >= GK_CALENDAR_MAX_YEARS)
        abort();
    for (y = first - 1; y <= last + 1; y++)
        if (y >= 1 && y <= 9999)
            check_provisional(cal, y, k);
    for (y = first; y <= last; y++) {
        if (gk_calendar_covers(cal, y)) {
            check_year(cal, y, k);
            continue;
        }
        probe.y = y;
        probe.m = 6;
        probe.d = 1;
        if (gk_calendar_is_workday(&work, cal, probe) != GK_EINVALID)
            abort();
    }
    gk_calendar_free(cal);
    return 0;
}
