/*
 * date.c: gk_date arithmetic on day numbers (days since 1970-01-01),
 * proleptic Gregorian, years 1..9999. No time zones, no localtime/mktime
 * (banned, conventions C5): the day-number conversions are Howard
 * Hinnant's public-domain "days_from_civil" algorithms.
 */
#include "util/util.h"
#include "gk/calendar.h"

#define MIN_DAYS (-719162) /* 0001-01-01 */
#define MAX_DAYS 2932896   /* 9999-12-31 */

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool gk_date_valid(gk_date d)
{
    return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
           d.d <= days_in_month(d.y, d.m);
}

int32_t gk_date_to_days(gk_date d)
{
    int y = d.y - (d.m <= 2);
    int era = y / 400; /* y >= 0 for years 1..9999 */
    int yoe = y - era * 400;
    int mp = d.m > 2 ? d.m - 3 : d.m + 9;
    int doy = (153 * mp + 2) / 5 + d.d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return (int32_t)(era * 146097 + doe - 719468);
}

gk_date gk_date_from_days(int32_t days)
{
    int z = (int)days + 719468; /* >= 0 for years >= 1 */
    int era = z / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    gk_date r;

    r.d = doy - (153 * mp + 2) / 5 + 1;
    r.m = mp < 10 ? mp + 3 : mp - 9;
    r.y = yoe + era * 400 + (r.m <= 2);
    return r;
}

int gk_date_weekday(gk_date d)
{
    int32_t days = gk_date_to_days(d);
    int r = (int)(((days % 7) + 7) % 7); /* 0 = Thursday 1970-01-01 */

    return (r + 3) % 7 + 1;
}

int gk_date_cmp(gk_date a, gk_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

int gk_date_add_days(gk_date *out, gk_date d, int64_t n)
{
    int64_t z;

    if (!gk_date_valid(d)) {
        gk_error_set(GK_ERRCLASS_INVALID, "invalid date %d-%d-%d", d.y, d.m, d.d);
        return GK_EINVALID;
    }
    if (n < MIN_DAYS - MAX_DAYS || n > MAX_DAYS - MIN_DAYS) {
        gk_error_set(GK_ERRCLASS_INVALID, "date offset %lld days is out of range", (long long)n);
        return GK_EINVALID;
    }
    z = gk_date_to_days(d) + n;
    if (z < MIN_DAYS || z > MAX_DAYS) {
        gk_error_set(GK_ERRCLASS_INVALID, "date offset %lld days leaves years 1..9999",
                     (long long)n);
        return GK_EINVALID;
    }
    *out = gk_date_from_days((int32_t)z);
    return 0;
}

/* Reads exactly n ASCII digits of s as a number; -1 if any is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0, i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int gk_date_parse(gk_date *out, const char *s, size_t len)
{
    gk_date d = {0, 0, 0};

    if (len == 10 && s[4] == '-' && s[7] == '-') {
        d.y = digits(s, 4);
        d.m = digits(s + 5, 2);
        d.d = digits(s + 8, 2);
    }
    if (!gk_date_valid(d)) {
        gk_error_set(GK_ERRCLASS_INVALID, "'%.*s' is not a date in the form YYYY-MM-DD",
                     (int)(len > 40 ? 40 : len), s);
        return GK_EINVALID;
    }
    *out = d;
    return 0;
}

/* Writes v (0 <= v < 10^n) as exactly n digits. snprintf would do, but
 * GCC cannot see the ranges and warns about truncation at -O2. */
static void put_digits(char *p, int v, int n)
{
    while (n--) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

char *gk_date_format(char out[GK_DATE_BUFSZ], gk_date d)
{
    if (!gk_date_valid(d))
        d.y = d.m = d.d = 0;
    put_digits(out, d.y, 4);
    out[4] = '-';
    put_digits(out + 5, d.m, 2);
    out[7] = '-';
    put_digits(out + 8, d.d, 2);
    out[10] = '\0';
    return out;
}
