/*
 * demo_gen.c: the seeded generator of `gongkai demo` (xorshift64*: the
 * same seed gives the same sequence on every machine) and the working-day
 * steps the makers date things with.
 */
#include "gk/errors.h"
#include "demo_int.h"

static uint64_t rng_state;

void demo_seed(int64_t seed)
{
    rng_state = 0x9E3779B97F4A7C15ULL ^ (uint64_t)seed;
}

uint32_t demo_rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

int demo_pick(const weighted *w, size_t n)
{
    int total = 0, r;
    size_t i;

    for (i = 0; i < n; i++)
        total += w[i].w;
    r = (int)demo_rnd((uint32_t)total);
    for (i = 0; i < n; i++) {
        if (r < w[i].w)
            return w[i].v;
        r -= w[i].w;
    }
    return w[0].v;
}

bool demo_workdays(const demo_ctx *x, gk_date d, int n, gk_date *out)
{
    if (gk_calendar_add_workdays(out, x->cal, d, n) < 0) {
        gk_error_clear();
        return false;
    }
    return true;
}
