/*
 * calendar.c: loading the official holiday / make-up workday CSV (spec §5)
 * and the working-day queries of spec §2.4.
 *
 * Loading precomputes, for every day of the covered span, its kind and a
 * prefix count of working days, so is_workday and workdays_between are
 * O(1) and add_workdays is one binary search: the case register computes
 * thousands of deadlines per page.
 */
#include <stdio.h>
#include <stdlib.h>
#include "util/utf8.h"
#include "calendar_int.h"

#define CAL_HEADER   "date,kind,name"
#define CAL_NAME_MAX 100

/* The values of the `kind` column (spec §5). */
static const struct {
    const char *word;
    gk_day_kind kind;
} cal_kinds[] = {
    {"holiday", GK_DAY_HOLIDAY}, /* official day off, any day of the week */
    {"workday", GK_DAY_MAKEUP},  /* 调休上班: a Saturday/Sunday worked */
};

/* Parsing state: the rows and names collected so far. */
typedef struct {
    const char *source;
    cal_row *rows;
    size_t nrows, cap;
    gk_buf names;
} cal_loader;

static int bad_line(const cal_loader *ld, int line, const char *what)
{
    gk_error_set(GK_ERRCLASS_CALENDAR, "%s:%d: %s", ld->source, line, what);
    return GK_EINVALID;
}

static void trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Checks a festival name: non-empty, short, valid UTF-8, no quote or
 * control characters (the format has no quoting). */
static const char *name_problem(const char *s, size_t n)
{
    size_t i;

    if (n == 0)
        return "empty name (third column)";
    if (n > CAL_NAME_MAX)
        return "name longer than 100 bytes";
    if (gk_utf8_invalid_at(s, n) != n)
        return "name is not valid UTF-8";
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == 0x7f)
            return "name contains a quote or control character";
    return NULL;
}

static int push_row(cal_loader *ld, const cal_row *row)
{
    if (ld->nrows == ld->cap) {
        size_t ncap = ld->cap ? ld->cap * 2 : 512;
        cal_row *p = gk_realloc(ld->rows, ncap * sizeof *p);
        if (!p)
            return gk__oom();
        ld->rows = p;
        ld->cap = ncap;
    }
    ld->rows[ld->nrows++] = *row;
    return 0;
}

/* Parses one data row `date,kind,name` (s[0..n), no line end). */
static int parse_row(cal_loader *ld, int line, const char *s, size_t n)
{
    const char *f[3];
    size_t fl[3], i, k = 0, start = 0;
    char msg[160], ds[GK_DATE_BUFSZ];
    cal_row row;
    gk_date d;
    const char *prob;
    int error;

    for (i = 0; i <= n; i++) {
        if (i < n && s[i] != ',')
            continue;
        if (k == 3)
            return bad_line(ld, line, "more than 3 fields (date,kind,name; names cannot "
                                      "contain commas)");
        f[k] = s + start;
        fl[k] = i - start;
        trim(&f[k], &fl[k]);
        k++;
        start = i + 1;
    }
    if (k != 3)
        return bad_line(ld, line, "expected 3 fields: date,kind,name");
    if (gk_date_parse(&d, f[0], fl[0]) < 0) {
        snprintf(msg, sizeof msg, "'%.*s' is not a real date in the form YYYY-MM-DD",
                 (int)(fl[0] > 40 ? 40 : fl[0]), f[0]);
        return bad_line(ld, line, msg);
    }
    for (i = 0; i < GK_ARRAY_LEN(cal_kinds); i++)
        if (strlen(cal_kinds[i].word) == fl[1] && !memcmp(cal_kinds[i].word, f[1], fl[1]))
            break;
    if (i == GK_ARRAY_LEN(cal_kinds)) {
        snprintf(msg, sizeof msg, "unknown kind '%.*s' (expected 'holiday' or 'workday')",
                 (int)(fl[1] > 40 ? 40 : fl[1]), f[1]);
        return bad_line(ld, line, msg);
    }
    row.kind = (uint8_t)cal_kinds[i].kind;
    /* A make-up workday exists only on a weekend: Monday–Friday already
     * are working days (spec §5), so such a row is a transcription error. */
    if (row.kind == GK_DAY_MAKEUP && gk_date_weekday(d) < 6) {
        snprintf(msg, sizeof msg,
                 "%s is a weekday; a 'workday' row must be a Saturday or Sunday",
                 gk_date_format(ds, d));
        return bad_line(ld, line, msg);
    }
    prob = name_problem(f[2], fl[2]);
    if (prob)
        return bad_line(ld, line, prob);
    row.day = gk_date_to_days(d);
    row.line = line;
    row.name_off = (uint32_t)ld->names.len;
    error = gk_buf_put(&ld->names, f[2], fl[2]);
    if (error < 0)
        return error;
    error = gk_buf_putc(&ld->names, '\0');
    if (error < 0)
        return error;
    return push_row(ld, &row);
}

/* Splits buf into lines and feeds the rows to parse_row. */
static int parse_csv(cal_loader *ld, const char *csv, size_t len)
{
    size_t pos = 0;
    int line = 0, error = 0;
    bool header = false;

    if (len >= 3 && !memcmp(csv, "\xEF\xBB\xBF", 3))
        pos = 3;
    while (pos < len) {
        const char *s = csv + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;

        pos += n + 1;
        if (++line == INT32_MAX)
            return bad_line(ld, line, "too many lines");
        if (n && s[n - 1] == '\r')
            n--;
        if (n && s[0] == '#')
            continue;
        trim(&s, &n);
        if (!n)
            continue;
        if (!header) {
            if (n != strlen(CAL_HEADER) || memcmp(s, CAL_HEADER, n))
                return bad_line(ld, line, "expected the header line 'date,kind,name'");
            header = true;
            continue;
        }
        error = parse_row(ld, line, s, n);
        if (error < 0)
            return error;
    }
    if (!header)
        return bad_line(ld, line, "no header line 'date,kind,name'");
    if (!ld->nrows)
        return bad_line(ld, line, "no rows: a calendar needs at least one year of data");
    return 0;
}

static int row_cmp(const void *a, const void *b)
{
    const cal_row *x = a, *y = b;

    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* After sorting: every date at most once. */
static int check_unique(const cal_loader *ld)
{
    size_t i;
    char msg[200], ds[GK_DATE_BUFSZ];

    for (i = 1; i < ld->nrows; i++) {
        const cal_row *a = &ld->rows[i - 1], *b = &ld->rows[i];
        if (a->day != b->day)
            continue;
        gk_date_format(ds, gk_date_from_days(b->day));
        if (a->kind != b->kind)
            snprintf(msg, sizeof msg,
                     "%s is listed both as a holiday and as a make-up workday (see line %d)",
                     ds, (int)a->line);
        else
            snprintf(msg, sizeof msg, "duplicate date %s (first listed on line %d)", ds,
                     (int)a->line);
        return bad_line(ld, (int)b->line, msg);
    }
    return 0;
}

/* Fills kind, cum and covered from the sorted rows. */
static int build_days(gk_calendar *cal, const cal_loader *ld)
{
    gk_date first = {0, 1, 1}, last = {0, 12, 31};
    int32_t i;
    size_t r;

    cal->first_year = gk_date_from_days(ld->rows[0].day).y;
    cal->last_year = gk_date_from_days(ld->rows[ld->nrows - 1].day).y;
    if (cal->last_year - cal->first_year + 1 > GK_CALENDAR_MAX_YEARS) {
        gk_error_set(GK_ERRCLASS_CALENDAR,
                     "%s: years %d..%d span more than %d years; split the file", ld->source,
                     cal->first_year, cal->last_year, GK_CALENDAR_MAX_YEARS);
        return GK_EINVALID;
    }
    /* The provisional padding (calendar.h PROVISIONAL MODE), inside 1..9999. */
    cal->span_first = cal->first_year - GK_CALENDAR_PROVISIONAL_YEARS;
    if (cal->span_first < 1)
        cal->span_first = 1;
    cal->span_last = cal->last_year + GK_CALENDAR_PROVISIONAL_YEARS;
    if (cal->span_last > 9999)
        cal->span_last = 9999;
    first.y = cal->span_first;
    last.y = cal->span_last;
    cal->base = gk_date_to_days(first);
    cal->ndays = gk_date_to_days(last) - cal->base + 1;
    cal->kind = gk_malloc((size_t)cal->ndays);
    cal->cum = gk_malloc(((size_t)cal->ndays + 1) * sizeof *cal->cum);
    cal->covered = gk_calloc((size_t)(cal->span_last - cal->span_first + 1), 1);
    if (!cal->kind || !cal->cum || !cal->covered)
        return gk__oom();
    for (i = 0; i < cal->ndays; i++) {
        /* base is a 1 January; weekday of index i is (wd(base) - 1 + i) % 7 */
        int wd = (gk_date_weekday(first) - 1 + (int)(i % 7)) % 7 + 1;
        cal->kind[i] = (uint8_t)(wd >= 6 ? GK_DAY_WEEKEND : GK_DAY_WORKDAY);
    }
    for (r = 0; r < ld->nrows; r++) {
        int32_t at = ld->rows[r].day - cal->base;
        cal->kind[at] = ld->rows[r].kind;
        cal->covered[gk_date_from_days(ld->rows[r].day).y - cal->span_first] = 1;
    }
    cal->cum[0] = 0;
    for (i = 0; i < cal->ndays; i++)
        cal->cum[i + 1] = cal->cum[i] + (gk_calendar__working(cal, i) ? 1 : 0);
    return 0;
}

int gk_calendar_new(gk_calendar **out, const char *csv, size_t len, const char *source)
{
    cal_loader ld;
    gk_calendar *cal = NULL;
    int error;

    GK_ASSERT_ARG(out && (csv || !len));
    *out = NULL;
    memset(&ld, 0, sizeof ld);
    ld.source = source ? source : "calendar";
    gk_buf_init(&ld.names, (size_t)64 * 1024 * 1024);
    error = parse_csv(&ld, csv, len);
    if (error < 0)
        goto done;
    qsort(ld.rows, ld.nrows, sizeof *ld.rows, row_cmp);
    error = check_unique(&ld);
    if (error < 0)
        goto done;
    cal = gk_calloc(1, sizeof *cal);
    if (!cal) {
        error = gk__oom();
        goto done;
    }
    error = build_days(cal, &ld);
    if (error < 0)
        goto done;
    cal->names = gk_buf_take(&ld.names, NULL);
    if (!cal->names) {
        error = gk__oom();
        goto done;
    }
    cal->rows = ld.rows;
    cal->nrows = ld.nrows;
    ld.rows = NULL;
    *out = cal;
    cal = NULL;
done:
    gk_calendar_free(cal);
    gk_free(ld.rows);
    gk_buf_release(&ld.names);
    return error;
}

const char *gk_calendar_default_csv(size_t *len_out)
{
    if (len_out)
        *len_out = gk_calendar__csv_len;
    return (const char *)gk_calendar__csv;
}

/* The replacement given to gk_calendar_set_default (csv NULL: none). Set
 * at start-up before threads, read-only afterwards (calendar.h). */
static struct {
    char *csv;
    size_t len;
    char source[256];
} default_override;

int gk_calendar_set_default(const char *csv, size_t len, const char *source)
{
    gk_calendar *check = NULL;
    char *copy;
    int error;

    if (!csv) {
        gk_free(default_override.csv);
        memset(&default_override, 0, sizeof default_override);
        return 0;
    }
    if (!source)
        source = "calendar";
    if (strlen(source) >= sizeof default_override.source) {
        gk_error_set(GK_ERRCLASS_INVALID, "calendar source name longer than %zu bytes",
                     sizeof default_override.source - 1);
        return GK_EINVALID;
    }
    /* Refuse a bad file now, not at the first page that needs a date. */
    error = gk_calendar_new(&check, csv, len, source);
    gk_calendar_free(check);
    if (error < 0)
        return error;
    copy = gk_malloc(len ? len : 1);
    if (!copy)
        return gk__oom();
    memcpy(copy, csv, len);
    gk_free(default_override.csv);
    default_override.csv = copy;
    default_override.len = len;
    snprintf(default_override.source, sizeof default_override.source, "%s", source);
    return 0;
}

int gk_calendar_new_default(gk_calendar **out)
{
    if (default_override.csv)
        return gk_calendar_new(out, default_override.csv, default_override.len,
                               default_override.source);
    return gk_calendar_new(out, (const char *)gk_calendar__csv, gk_calendar__csv_len,
                           "cn-holidays.csv (built-in)");
}

void gk_calendar_free(gk_calendar *cal)
{
    if (!cal)
        return;
    gk_free(cal->kind);
    gk_free(cal->cum);
    gk_free(cal->covered);
    gk_free(cal->rows);
    gk_free(cal->names);
    gk_free(cal);
}

bool gk_calendar_covers(const gk_calendar *cal, int year)
{
    return cal && year >= cal->first_year && year <= cal->last_year &&
           cal->covered[year - cal->span_first];
}

void gk_calendar_range(const gk_calendar *cal, int *first_out, int *last_out)
{
    if (first_out)
        *first_out = cal ? cal->first_year : 0;
    if (last_out)
        *last_out = cal ? cal->last_year : 0;
}

int gk_calendar__uncovered(const gk_calendar *cal, int year)
{
    /* spec §5: an unknown year must never silently mean "no holidays". */
    gk_error_set(GK_ERRCLASS_CALENDAR,
                 "the calendar has no holiday data for year %d (it covers %d..%d); add the "
                 "State Council holiday notice for %d to the calendar file",
                 year, cal->first_year, cal->last_year, year);
    return GK_EINVALID;
}

/* The error of a year outside the provisional span. */
static int beyond_span(const gk_calendar *cal, int year)
{
    gk_error_set(GK_ERRCLASS_CALENDAR,
                 "the calendar has no holiday data for year %d (it covers %d..%d), and %d is "
                 "more than %d years away, too far even for a provisional count; add the State "
                 "Council holiday notice for %d to the calendar file",
                 year, cal->first_year, cal->last_year, year, GK_CALENDAR_PROVISIONAL_YEARS, year);
    return GK_EINVALID;
}

int gk_calendar__check_years_mode(const gk_calendar *cal, int y0, int y1, gk_calendar_mode mode)
{
    int y;

    if (mode == GK_CALENDAR_PROVISIONAL) {
        if (y0 < cal->span_first)
            return beyond_span(cal, y0);
        return y1 > cal->span_last ? beyond_span(cal, y1) : 0;
    }
    for (y = y0; y <= y1; y++)
        if (!gk_calendar_covers(cal, y))
            return gk_calendar__uncovered(cal, y);
    return 0;
}

int gk_calendar__check_years(const gk_calendar *cal, int y0, int y1)
{
    return gk_calendar__check_years_mode(cal, y0, y1, GK_CALENDAR_STRICT);
}

int gk_calendar__index_mode(int32_t *idx, const gk_calendar *cal, gk_date date,
                            gk_calendar_mode mode)
{
    char ds[GK_DATE_BUFSZ];
    int error;

    GK_ASSERT_ARG(idx && cal);
    if (!gk_date_valid(date)) {
        gk_error_set(GK_ERRCLASS_INVALID, "invalid date %d-%d-%d", date.y, date.m, date.d);
        return GK_EINVALID;
    }
    error = gk_calendar__check_years_mode(cal, date.y, date.y, mode);
    if (error < 0) {
        gk_error_prefix("%s", gk_date_format(ds, date));
        return error;
    }
    *idx = gk_date_to_days(date) - cal->base;
    return 0;
}

int gk_calendar__index(int32_t *idx, const gk_calendar *cal, gk_date date)
{
    return gk_calendar__index_mode(idx, cal, date, GK_CALENDAR_STRICT);
}

int gk_calendar_day_kind(gk_day_kind *out, const gk_calendar *cal, gk_date date)
{
    int32_t i;
    int error = gk_calendar__index(&i, cal, date);

    if (error < 0)
        return error;
    *out = (gk_day_kind)cal->kind[i];
    return 0;
}

int gk_calendar_is_workday(bool *out, const gk_calendar *cal, gk_date date)
{
    int32_t i;
    int error = gk_calendar__index(&i, cal, date);

    if (error < 0)
        return error;
    *out = gk_calendar__working(cal, i);
    return 0;
}

const char *gk_calendar_day_name(const gk_calendar *cal, gk_date date)
{
    size_t lo = 0, hi;
    int32_t day;

    if (!cal || !gk_date_valid(date) || !gk_calendar_covers(cal, date.y))
        return NULL;
    day = gk_date_to_days(date);
    hi = cal->nrows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cal->rows[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < cal->nrows && cal->rows[lo].day == day)
        return cal->names + cal->rows[lo].name_off;
    return NULL;
}

/* Index of the rank-th working day of the span (1 <= rank <= cum[ndays]):
 * the smallest j with cum[j] >= rank, minus one. */
static int32_t nth_workday(const gk_calendar *cal, int64_t rank)
{
    int32_t lo = 1, hi = cal->ndays;

    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (cal->cum[mid] < rank)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* Starts *prov (when given) as "not provisional". */
static void prov_reset(gk_provisional *prov)
{
    gk_provisional none = GK_PROVISIONAL_INIT;

    if (prov)
        *prov = none;
}

/* The error for running off the end of the arrays: the first year after
 * (or before) the reachable ones. */
static int off_the_end(const gk_calendar *cal, gk_date date, bool forward, gk_calendar_mode mode)
{
    int error;

    if (mode == GK_CALENDAR_PROVISIONAL)
        return beyond_span(cal, forward ? cal->span_last + 1 : cal->span_first - 1);
    error = forward ? gk_calendar__check_years(cal, date.y, cal->last_year)
                    : gk_calendar__check_years(cal, cal->first_year, date.y);
    if (error < 0)
        return error;
    return gk_calendar__uncovered(cal, forward ? cal->last_year + 1 : cal->first_year - 1);
}

int gk_calendar_add_workdays_mode(gk_date *out, gk_provisional *prov_out, const gk_calendar *cal,
                                  gk_date date, int64_t n, gk_calendar_mode mode)
{
    int32_t i, w;
    int64_t rank, total;
    gk_date res;
    int error;

    /* Strict mode may pass no prov_out; provisional mode may not: the
     * flag must reach the caller. */
    GK_ASSERT_ARG(out && cal && (prov_out || mode == GK_CALENDAR_STRICT));
    prov_reset(prov_out);
    error = gk_calendar__index_mode(&i, cal, date, mode);
    if (error < 0)
        return error;
    if (n == 0) {
        res = date;
    } else {
        total = cal->cum[cal->ndays];
        if (n > 0) {
            /* RULE 民法典第二百零一条 (by analogy, spec §2.4): the start
             * day is not counted, so count from the working days after
             * index i. */
            if (n > total - cal->cum[i + 1])
                return off_the_end(cal, date, true, mode);
            rank = cal->cum[i + 1] + n;
        } else {
            if (n < -(int64_t)cal->cum[i])
                return off_the_end(cal, date, false, mode);
            rank = cal->cum[i] + n + 1;
        }
        w = nth_workday(cal, rank);
        res = gk_calendar__date(cal, w);
        error = n > 0 ? gk_calendar__check_years_mode(cal, date.y, res.y, mode)
                      : gk_calendar__check_years_mode(cal, res.y, date.y, mode);
        if (error < 0)
            return error;
    }
    if (prov_out)
        gk_calendar_provisional_span(prov_out, cal, date, res);
    *out = res;
    return 0;
}

int gk_calendar_add_workdays(gk_date *out, const gk_calendar *cal, gk_date date, int64_t n)
{
    return gk_calendar_add_workdays_mode(out, NULL, cal, date, n, GK_CALENDAR_STRICT);
}

int gk_calendar_workdays_between_mode(int64_t *out, gk_provisional *prov_out,
                                      const gk_calendar *cal, gk_date d1, gk_date d2,
                                      gk_calendar_mode mode)
{
    int32_t i1, i2;
    int error;

    /* Strict mode may pass no prov_out; provisional mode may not: the
     * flag must reach the caller. */
    GK_ASSERT_ARG(out && cal && (prov_out || mode == GK_CALENDAR_STRICT));
    prov_reset(prov_out);
    error = gk_calendar__index_mode(&i1, cal, d1, mode);
    if (error < 0)
        return error;
    error = gk_calendar__index_mode(&i2, cal, d2, mode);
    if (error < 0)
        return error;
    error = i1 <= i2 ? gk_calendar__check_years_mode(cal, d1.y, d2.y, mode)
                     : gk_calendar__check_years_mode(cal, d2.y, d1.y, mode);
    if (error < 0)
        return error;
    /* Working days in (d1, d2] = cum[i2 + 1] - cum[i1 + 1]; negative when
     * d2 < d1, which is minus the count of (d2, d1]. */
    *out = (int64_t)cal->cum[i2 + 1] - cal->cum[i1 + 1];
    if (prov_out)
        gk_calendar_provisional_span(prov_out, cal, d1, d2);
    return 0;
}

int gk_calendar_workdays_between(int64_t *out, const gk_calendar *cal, gk_date d1, gk_date d2)
{
    return gk_calendar_workdays_between_mode(out, NULL, cal, d1, d2, GK_CALENDAR_STRICT);
}

int gk_calendar_workdays_in_year(int *out, const gk_calendar *cal, int year)
{
    gk_date jan1 = {year, 1, 1}, dec31 = {year, 12, 31};
    int32_t a, b;
    int error;

    GK_ASSERT_ARG(out && cal);
    if (!gk_calendar_covers(cal, year))
        return gk_calendar__uncovered(cal, year);
    error = gk_calendar__index(&a, cal, jan1);
    if (error < 0)
        return error;
    error = gk_calendar__index(&b, cal, dec31);
    if (error < 0)
        return error;
    *out = (int)(cal->cum[b + 1] - cal->cum[a]);
    return 0;
}
