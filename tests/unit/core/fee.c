/* Unit tests of core/fee.c: 信息处理费 under 国办函〔2020〕109号 第四条 (按件)
 * and 第五条 (按量), with the spec §4 examples and every bracket edge. */
#include <stdio.h>
#include "test.h"
#include "gk/fee.h"
#include "gk/errors.h"

/* The spec §4.2 formula, written independently of the bracket tables:
 * n <= 10 → 0; 11..30 → 100; n >= 31 → 100 × (1 + ceil((n − 30) / 10)). */
static int64_t spec_count_rate(int64_t n)
{
    if (n <= 10)
        return 0;
    if (n <= 30)
        return 100;
    return 100 * (1 + (n - 30 + 9) / 10);
}

/* The spec §4.3 formula. */
static int64_t spec_pages_fee(int64_t p)
{
    int64_t a = (p < 100 ? p : 100) - 30, b = (p < 200 ? p : 200) - 100, c = p - 200;

    return 10 * (a > 0 ? a : 0) + 20 * (b > 0 ? b : 0) + 40 * (c > 0 ? c : 0);
}

GK_TEST(core_fee, spec_examples)
{
    int64_t v;

    /* spec §4.2: 35 件 → 10×0 + 20×100 + 5×200 = 3000 元 */
    GK_T_CALL(gk_fee_total(&v, GK_FEE_BY_COUNT, 35));
    GK_T_INT_EQ(v, 3000);
    /* 50 件 → 2000 + 10×200 + 10×300 = 7000 元 */
    GK_T_CALL(gk_fee_total(&v, GK_FEE_BY_COUNT, 50));
    GK_T_INT_EQ(v, 7000);
    /* spec §4.3: 250 页 → 700 + 2000 + 2000 = 4700 元 */
    GK_T_CALL(gk_fee_total(&v, GK_FEE_BY_PAGES, 250));
    GK_T_INT_EQ(v, 4700);
}

GK_TEST(core_fee, count_bracket_edges)
{
    static const int64_t want[][3] = {
        /* n, rate of the n-th 件, month total for n 件 */
        {1, 0, 0},       {10, 0, 0},       {11, 100, 100},   {30, 100, 2000},
        {31, 200, 2200}, {40, 200, 4000},  {41, 300, 4300},  {50, 300, 7000},
        {51, 400, 7400}, {60, 400, 11000}, {61, 500, 11500}, {0, -1, 0},
    };
    int64_t v;
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(want); i++) {
        if (want[i][1] >= 0) {
            GK_T_CALL(gk_fee_rate(&v, GK_FEE_BY_COUNT, want[i][0]));
            if (v != want[i][1])
                GK_T_FAIL("rate of 件 %lld: %lld, expected %lld", (long long)want[i][0],
                          (long long)v, (long long)want[i][1]);
        }
        GK_T_CALL(gk_fee_total(&v, GK_FEE_BY_COUNT, want[i][0]));
        if (v != want[i][2])
            GK_T_FAIL("total for %lld 件: %lld, expected %lld", (long long)want[i][0],
                      (long long)v, (long long)want[i][2]);
    }
}

GK_TEST(core_fee, pages_bracket_edges)
{
    static const int64_t want[][3] = {
        /* pages, rate of that page, fee for that many pages */
        {1, 0, 0},       {30, 0, 0},       {31, 10, 10},     {100, 10, 700},
        {101, 20, 720},  {200, 20, 2700},  {201, 40, 2740},  {250, 40, 4700},
        {0, -1, 0},
    };
    int64_t v;
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(want); i++) {
        if (want[i][1] >= 0) {
            GK_T_CALL(gk_fee_rate(&v, GK_FEE_BY_PAGES, want[i][0]));
            GK_T_INT_EQ(v, want[i][1]);
        }
        GK_T_CALL(gk_fee_total(&v, GK_FEE_BY_PAGES, want[i][0]));
        if (v != want[i][2])
            GK_T_FAIL("fee for %lld pages: %lld, expected %lld", (long long)want[i][0],
                      (long long)v, (long long)want[i][2]);
    }
}

/* Tables against the spec formulas, and total = sum of the rates. */
GK_TEST(core_fee, tables_match_spec_formulas)
{
    int64_t n, rate, total, sum = 0;

    for (n = 1; n <= 5000; n++) {
        GK_T_CALL(gk_fee_rate(&rate, GK_FEE_BY_COUNT, n));
        if (rate != spec_count_rate(n))
            GK_T_FAIL("rate of 件 %lld: %lld vs formula %lld", (long long)n, (long long)rate,
                      (long long)spec_count_rate(n));
        sum += rate;
        GK_T_CALL(gk_fee_total(&total, GK_FEE_BY_COUNT, n));
        if (total != sum)
            GK_T_FAIL("total for %lld 件: %lld vs sum of rates %lld", (long long)n,
                      (long long)total, (long long)sum);
        GK_T_CALL(gk_fee_total(&total, GK_FEE_BY_PAGES, n));
        if (total != spec_pages_fee(n))
            GK_T_FAIL("fee for %lld pages: %lld vs formula %lld", (long long)n,
                      (long long)total, (long long)spec_pages_fee(n));
    }
}

GK_TEST(core_fee, breakdown)
{
    gk_fee_part parts[8];
    size_t n;

    GK_T_CALL(gk_fee_breakdown(parts, 8, &n, GK_FEE_BY_COUNT, 35));
    GK_T_INT_EQ(n, 3);
    GK_T_INT_EQ(parts[0].units, 10);
    GK_T_INT_EQ(parts[0].amount, 0);
    GK_T_INT_EQ(parts[1].first, 11);
    GK_T_INT_EQ(parts[1].last, 30);
    GK_T_INT_EQ(parts[1].amount, 2000);
    GK_T_INT_EQ(parts[2].units, 5);
    GK_T_INT_EQ(parts[2].rate, 200);
    GK_T_STR_EQ(parts[2].article, "第四条");
    GK_T_CALL(gk_fee_breakdown(parts, 8, &n, GK_FEE_BY_COUNT, 50));
    GK_T_INT_EQ(n, 4);
    GK_T_INT_EQ(parts[3].first, 41);
    GK_T_INT_EQ(parts[3].rate, 300);
    GK_T_CALL(gk_fee_breakdown(parts, 8, &n, GK_FEE_BY_PAGES, 250));
    GK_T_INT_EQ(n, 4);
    GK_T_INT_EQ(parts[3].first, 201);
    GK_T_INT_EQ(parts[3].amount, 2000);
    GK_T_STR_EQ(parts[3].article, "第五条");
    GK_T_CALL(gk_fee_breakdown(parts, 8, &n, GK_FEE_BY_PAGES, 0));
    GK_T_INT_EQ(n, 0);
    GK_T_INT_EQ(gk_fee_breakdown(parts, 8, &n, GK_FEE_BY_COUNT, 200), GK_ETOOBIG);
    GK_T_CALL(gk_fee_breakdown(parts, 8, &n, GK_FEE_BY_PAGES, INT64_MAX / 100));
    GK_T_INT_EQ(n, 4);
    GK_T_STR_EQ(gk_fee_article(GK_FEE_BY_COUNT), "第四条");
}

GK_TEST(core_fee, absurd_inputs_error_not_wrap)
{
    int64_t v;

    GK_T_INT_EQ(gk_fee_rate(&v, GK_FEE_BY_COUNT, 0), GK_EINVALID);
    GK_T_INT_EQ(gk_fee_rate(&v, GK_FEE_BY_PAGES, -5), GK_EINVALID);
    GK_T_INT_EQ(gk_fee_total(&v, GK_FEE_BY_COUNT, -1), GK_EINVALID);
    GK_T_INT_EQ(gk_fee_total(&v, (gk_fee_method)7, 3), GK_EINVALID);
    /* the total grows quadratically: about 1.36e9 件 is the most that fits */
    GK_T_INT_EQ(gk_fee_total(&v, GK_FEE_BY_COUNT, INT64_MAX), GK_ETOOBIG);
    GK_T_INT_EQ(gk_fee_total(&v, GK_FEE_BY_COUNT, 10000000000LL), GK_ETOOBIG);
    GK_T_OK(strstr(gk_error_last()->message, "too large") != NULL);
    GK_T_CALL(gk_fee_total(&v, GK_FEE_BY_COUNT, 1000000000LL));
    GK_T_OK(v > 0);
    GK_T_INT_EQ(gk_fee_rate(&v, GK_FEE_BY_COUNT, INT64_MAX), GK_ETOOBIG);
    GK_T_INT_EQ(gk_fee_total(&v, GK_FEE_BY_PAGES, INT64_MAX), GK_ETOOBIG);
    GK_T_CALL(gk_fee_rate(&v, GK_FEE_BY_PAGES, INT64_MAX));
    GK_T_INT_EQ(v, 40);
}
