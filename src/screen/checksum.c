/*
 * checksum.c: the check digits and plausibility tests that turn digit runs
 * into findings. Each function is pure and takes ASCII.
 */
#include "screen_int.h"

/* GB 11643-1999 §5.2: weights W_i = 2^(17-i) mod 11 for the 17 body digits;
 * check = (12 - (sum mod 11)) mod 11, written 'X' for 10. */
static const int id_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
static const char id_check[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

bool gk_screen__id18_checksum_ok(const char *s)
{
    int i, sum = 0;
    char c = s[17];

    for (i = 0; i < 17; i++)
        sum += (s[i] - '0') * id_weights[i];
    if (c == 'x')
        c = 'X';
    return id_check[sum % 11] == c;
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* s: YYYYMMDD (century = 0) or YYMMDD (century = 19, the 15-digit form of
 * GB 11643-1989, whose holders were all born in the 1900s). */
bool gk_screen__date_ok(const char *s, int century)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;

    if (century) {
        y = century * 100 + two(s);
        s += 2;
    } else {
        y = two(s) * 100 + two(s + 2);
        s += 4;
    }
    m = two(s);
    d = two(s + 2);
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

/* GB/T 2260 province-level codes (first two digits of an administrative
 * division code): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
bool gk_screen__province_ok(const char *s)
{
    static const unsigned char ok[100] = {
        [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1, [21] = 1, [22] = 1, [23] = 1,
        [31] = 1, [32] = 1, [33] = 1, [34] = 1, [35] = 1, [36] = 1, [37] = 1, [41] = 1,
        [42] = 1, [43] = 1, [44] = 1, [45] = 1, [46] = 1, [50] = 1, [51] = 1, [52] = 1,
        [53] = 1, [54] = 1, [61] = 1, [62] = 1, [63] = 1, [64] = 1, [65] = 1, [71] = 1,
        [81] = 1, [82] = 1};
    return ok[two(s)] != 0;
}

/* ISO/IEC 7812-1 Annex B (Luhn): bank card numbers. */
bool gk_screen__luhn_ok(const char *digits, size_t n)
{
    size_t i;
    int sum = 0;

    for (i = 0; i < n; i++) {
        int d = digits[n - 1 - i] - '0';
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

/* GB 32100-2015 §4.4: the 31-character alphabet 0-9 A-H J-N P-R T U W-Y
 * (no I, O, Z, S, V); weights 3^(i) mod 31; check = 31 - (sum mod 31), with
 * 31 written as '0'. */
static int cc_value(char c)
{
    static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const char *p;

    if (!c)
        return -1;
    p = strchr(alpha, c);
    return p ? (int)(p - alpha) : -1;
}

bool gk_screen__credit_code_ok(const char *s)
{
    static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int i, sum = 0, v, check;

    for (i = 0; i < 17; i++) {
        v = cc_value(s[i]);
        if (v < 0)
            return false;
        sum += v * w[i];
    }
    /* Positions 3–8 are a GB/T 2260 administrative division code (digits). */
    for (i = 2; i < 8; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    check = 31 - sum % 31;
    if (check == 31)
        check = 0;
    return cc_value(s[17]) == check;
}

/* Mobile segments of the MIIT numbering plan: 13x, 145–149, 15x (not 154),
 * 162, 165–167, 17x, 18x, 19x. */
bool gk_screen__mobile_prefix_ok(const char *s)
{
    int p = two(s + 1);

    switch (p / 10) {
    case 3:
    case 7:
    case 8:
    case 9:
        return true;
    case 4:
        return p >= 45;
    case 5:
        return p != 54;
    case 6:
        return p == 62 || (p >= 65 && p <= 67);
    default:
        return false;
    }
}
