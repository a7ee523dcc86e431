/*
 * fee.c: 信息处理费 brackets of 国办函〔2020〕109号 (spec §4) as tables, and
 * overflow-checked 超额累进 arithmetic over them. Absurd inputs (a billion
 * 件) give GK_ETOOBIG, never a wrapped amount.
 */
#include "util/util.h"
#include "gk/fee.h"

/*
 * One bracket: units first..last (last 0 = no upper end) cost `rate` 元
 * each; when tier > 0 the bracket is cut into tiers of `tier` units and
 * each further tier costs `tier_step` 元 more per unit.
 */
typedef struct {
    int64_t first;
    int64_t last;
    int64_t rate;
    int64_t tier;
    int64_t tier_step;
    const char *article;
} fee_bracket;

/* 按件计收, 第四条: per applicant, per calendar month (一个自然月内累计申请). */
static const fee_bracket count_brackets[] = {
    {1, 10, 0, 0, 0, "第四条"},      /* 10件以下（含10件）不收费 */
    {11, 30, 100, 0, 0, "第四条"},   /* 11—30件（含30件）100元/件 */
    {31, 0, 200, 10, 100, "第四条"}, /* 31件以上：以10件为一档，每增加一档，收费标准提高100元/件 */
};

/* 按量计收, 第五条: per application, by pages (纸质件、电子邮件、复制电子数据). */
static const fee_bracket page_brackets[] = {
    {1, 30, 0, 0, 0, "第五条"},     /* 30页以下（含30页）不收费 */
    {31, 100, 10, 0, 0, "第五条"},  /* 31—100页（含100页）10元/页 */
    {101, 200, 20, 0, 0, "第五条"}, /* 101—200页（含200页）20元/页 */
    {201, 0, 40, 0, 0, "第五条"},   /* 201页以上 40元/页 */
};

static const struct {
    const fee_bracket *brackets;
    size_t n;
    const char *unit_zh;
} fee_tables[] = {
    [GK_FEE_BY_COUNT] = {count_brackets, GK_ARRAY_LEN(count_brackets), "件"},
    [GK_FEE_BY_PAGES] = {page_brackets, GK_ARRAY_LEN(page_brackets), "页"},
};

static int overflow(gk_fee_method method, int64_t units)
{
    gk_error_set(GK_ERRCLASS_INVALID, "the fee for %lld %s is too large to compute",
                 (long long)units, fee_tables[method].unit_zh);
    return GK_ETOOBIG;
}

static int check_method(gk_fee_method method)
{
    if ((unsigned)method >= GK_ARRAY_LEN(fee_tables)) {
        gk_error_set(GK_ERRCLASS_INVALID, "unknown fee method %d", (int)method);
        return GK_EINVALID;
    }
    return 0;
}

/* a*b + c into *out; false on overflow. */
static bool muladd(int64_t *out, int64_t a, int64_t b, int64_t c)
{
    int64_t p;

    return !__builtin_mul_overflow(a, b, &p) && !__builtin_add_overflow(p, c, out);
}

const char *gk_fee_article(gk_fee_method method)
{
    return check_method(method) < 0 ? "" : fee_tables[method].brackets[0].article;
}

int gk_fee_rate(int64_t *out, gk_fee_method method, int64_t unit)
{
    const fee_bracket *b;
    size_t i;
    int error = check_method(method);

    if (error < 0)
        return error;
    if (unit < 1) {
        gk_error_set(GK_ERRCLASS_INVALID, "%s numbers start at 1 (got %lld)",
                     fee_tables[method].unit_zh, (long long)unit);
        return GK_EINVALID;
    }
    for (i = 0; i < fee_tables[method].n; i++) {
        b = &fee_tables[method].brackets[i];
        if (b->last && unit > b->last)
            continue;
        if (!b->tier) {
            *out = b->rate;
            return 0;
        }
        /* RULE 第四条: each full tier of `tier` units before this one adds
         * tier_step to the rate. */
        if (!muladd(out, (unit - b->first) / b->tier, b->tier_step, b->rate))
            return overflow(method, unit);
        return 0;
    }
    GK_BUG("fee table %d has no open-ended last bracket", (int)method);
}

/* Sum of the rates of units first..first+k-1 of a bracket (k >= 0). */
static bool bracket_amount(int64_t *out, const fee_bracket *b, int64_t k)
{
    int64_t t, r, tiers_sum, full, last_rate;

    if (!b->tier)
        return muladd(out, k, b->rate, 0);
    /* k = t full tiers + r units. The full tiers cost
     * tier * (t*rate + tier_step * t(t-1)/2); the r units cost
     * r * (rate + t*tier_step). */
    t = k / b->tier;
    r = k % b->tier;
    tiers_sum = (t % 2 == 0) ? t / 2 : t;
    if (!muladd(&tiers_sum, tiers_sum, (t % 2 == 0) ? t - 1 : (t - 1) / 2, 0))
        return false;
    if (!muladd(&tiers_sum, tiers_sum, b->tier_step, 0) || !muladd(&full, t, b->rate, tiers_sum) ||
        !muladd(&full, full, b->tier, 0))
        return false;
    if (!muladd(&last_rate, t, b->tier_step, b->rate))
        return false;
    return muladd(out, r, last_rate, full);
}

int gk_fee_total(int64_t *out, gk_fee_method method, int64_t units)
{
    int64_t sum = 0, part, k;
    size_t i;
    int error = check_method(method);

    if (error < 0)
        return error;
    if (units < 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "negative number of %s: %lld",
                     fee_tables[method].unit_zh, (long long)units);
        return GK_EINVALID;
    }
    for (i = 0; i < fee_tables[method].n; i++) {
        const fee_bracket *b = &fee_tables[method].brackets[i];
        if (units < b->first)
            break;
        /* 超额累进 (第三条): the units inside this bracket, at its rates. */
        k = (b->last && units > b->last ? b->last : units) - b->first + 1;
        if (!bracket_amount(&part, b, k) || __builtin_add_overflow(sum, part, &sum))
            return overflow(method, units);
    }
    *out = sum;
    return 0;
}

int gk_fee_breakdown(gk_fee_part *parts, size_t cap, size_t *nparts, gk_fee_method method,
                     int64_t units)
{
    size_t i, n = 0;
    int64_t u, end;
    int error = check_method(method);

    GK_ASSERT_ARG(nparts && (parts || !cap));
    *nparts = 0;
    if (error < 0)
        return error;
    if (units < 0)
        return gk_fee_total(&u, method, units); /* same message */
    for (i = 0; i < fee_tables[method].n; i++) {
        const fee_bracket *b = &fee_tables[method].brackets[i];
        for (u = b->first; u <= units && (!b->last || u <= b->last); u = end + 1) {
            gk_fee_part *p;
            end = b->last && units > b->last ? b->last : units;
            if (b->tier && end - u >= b->tier)
                end = u + b->tier - 1;
            if (n == cap) {
                gk_error_set(GK_ERRCLASS_INVALID, "the fee for %lld %s has more than %zu parts",
                             (long long)units, fee_tables[method].unit_zh, cap);
                return GK_ETOOBIG;
            }
            p = &parts[n];
            error = gk_fee_rate(&p->rate, method, u);
            if (error < 0)
                return error;
            p->first = u;
            p->last = end;
            p->units = end - u + 1;
            if (!muladd(&p->amount, p->units, p->rate, 0))
                return overflow(method, units);
            p->article = b->article;
            *nparts = ++n;
            if (end == units)
                return 0; /* also keeps end + 1 from overflowing */
        }
    }
    return 0;
}
