/*
 * ratelimit.c: login rate limiting. Failures are counted per key (the
 * client address, and the account name, each a key of its own) in a fixed
 * table of windows; a key with `max` failures inside `window` seconds is
 * refused until the window has passed. The table is fixed-size so an
 * attacker cycling keys cannot grow memory; colliding keys share a bucket,
 * which can only make the limit stricter.
 */
#include <sodium.h>
#include <time.h>
#include "http_int.h"

#define RL_BUCKETS 4096

typedef struct {
    int64_t start;
    unsigned fails;
} bucket;

struct gk_ratelimit {
    pthread_mutex_t lock;
    unsigned max;
    unsigned window;
    unsigned char key[crypto_shorthash_KEYBYTES]; /* keyed hash: buckets unpredictable */
    bucket b[RL_BUCKETS];
};

static int64_t now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec;
}

static bucket *find(gk_ratelimit *r, const char *key)
{
    unsigned char h[crypto_shorthash_BYTES];
    uint64_t v = 0;
    size_t i;

    crypto_shorthash(h, (const unsigned char *)key, strlen(key), r->key);
    for (i = 0; i < sizeof(h); i++)
        v = (v << 8) | h[i];
    return &r->b[v % RL_BUCKETS];
}

int gk_ratelimit_new(gk_ratelimit **out, unsigned max, unsigned window_s)
{
    gk_ratelimit *r = gk_calloc(1, sizeof(*r));

    *out = NULL;
    if (!r)
        return gk__oom();
    pthread_mutex_init(&r->lock, NULL);
    r->max = max;
    r->window = window_s;
    crypto_shorthash_keygen(r->key);
    *out = r;
    return 0;
}

void gk_ratelimit_free(gk_ratelimit *r)
{
    if (!r)
        return;
    pthread_mutex_destroy(&r->lock);
    gk_free(r);
}

bool gk_ratelimit_allowed(gk_ratelimit *r, const char *key)
{
    bool ok;
    bucket *b;

    pthread_mutex_lock(&r->lock);
    b = find(r, key);
    if (now_s() - b->start >= (int64_t)r->window)
        b->fails = 0;
    ok = b->fails < r->max;
    pthread_mutex_unlock(&r->lock);
    return ok;
}

void gk_ratelimit_fail(gk_ratelimit *r, const char *key)
{
    bucket *b;
    int64_t now = now_s();

    pthread_mutex_lock(&r->lock);
    b = find(r, key);
    if (b->fails == 0 || now - b->start >= (int64_t)r->window) {
        b->start = now;
        b->fails = 0;
    }
    b->fails++;
    pthread_mutex_unlock(&r->lock);
}

void gk_ratelimit_reset(gk_ratelimit *r, const char *key)
{
    pthread_mutex_lock(&r->lock);
    find(r, key)->fails = 0;
    pthread_mutex_unlock(&r->lock);
}
