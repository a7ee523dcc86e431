/*
 * session.c: server-side staff sessions, kept in process memory behind the
 * three calls of http_int.h (create, lookup, destroy), so the store can take
 * them over without touching the router. The cookie carries a random
 * 32-byte token; only its BLAKE2b-256 hash is kept, so a memory or database
 * dump does not yield live cookies (stack.md "Passwords and sessions").
 * Sessions expire ttl seconds after creation; a restart logs everyone out.
 */
#include <sodium.h>
#include <time.h>
#include "http_int.h"

#define SESSION_MAX 4096 /* live sessions; the oldest is evicted past this */

typedef struct {
    gk_http_session s;
    int64_t expires;
    bool used;
} slot;

struct gk_session_table {
    pthread_mutex_t lock;
    unsigned ttl;
    int64_t skew; /* test hook: seconds added to the clock */
    slot slots[SESSION_MAX];
};

static int64_t now_s(const gk_session_table *t)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec + t->skew;
}

static void hash_hex(char out[65], const char *token)
{
    unsigned char h[32];

    crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof(h));
}

int gk_session_table_new(gk_session_table **out, unsigned ttl_s)
{
    gk_session_table *t = gk_calloc(1, sizeof(*t));

    *out = NULL;
    if (!t)
        return gk__oom();
    pthread_mutex_init(&t->lock, NULL);
    t->ttl = ttl_s;
    *out = t;
    return 0;
}

void gk_session_table_free(gk_session_table *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->lock);
    sodium_memzero(t->slots, sizeof(t->slots));
    gk_free(t);
}

int gk_session_create(gk_session_table *t, gk_arena *a, const gk_http_session *who,
                      const char **token_out)
{
    const char *token = gk_http__random_token(a);
    const char *csrf = gk_http__random_token(a);
    int64_t now = now_s(t), oldest = INT64_MAX;
    size_t i, pick = 0;

    *token_out = NULL;
    if (!token || !csrf)
        return GK_ENOMEM;
    pthread_mutex_lock(&t->lock);
    /* A free or expired slot, else the one expiring soonest. */
    for (i = 0; i < SESSION_MAX; i++) {
        int64_t e = t->slots[i].used ? t->slots[i].expires : INT64_MIN;

        if (e <= now) {
            pick = i;
            break;
        }
        if (e < oldest) {
            oldest = e;
            pick = i;
        }
    }
    t->slots[pick].s = *who;
    memcpy(t->slots[pick].s.csrf, csrf, GK_HTTP_TOKEN_LEN + 1);
    hash_hex(t->slots[pick].s.token_hash, token);
    t->slots[pick].expires = now + (int64_t)t->ttl;
    t->slots[pick].used = true;
    pthread_mutex_unlock(&t->lock);
    *token_out = token;
    return 0;
}

int gk_session_lookup(gk_session_table *t, const char *token, gk_http_session *out)
{
    char h[65];
    int64_t now = now_s(t);
    size_t i;
    int error = GK_ENOTFOUND;

    if (!token || strlen(token) != GK_HTTP_TOKEN_LEN)
        return GK_ENOTFOUND;
    hash_hex(h, token);
    pthread_mutex_lock(&t->lock);
    for (i = 0; i < SESSION_MAX; i++) {
        slot *s = &t->slots[i];

        if (!s->used || sodium_memcmp(s->s.token_hash, h, 64) != 0)
            continue;
        if (s->expires <= now) {
            s->used = false; /* expired: forget it */
            break;
        }
        *out = s->s;
        error = 0;
        break;
    }
    pthread_mutex_unlock(&t->lock);
    return error;
}

void gk_session_destroy(gk_session_table *t, const char *token_hash)
{
    size_t i;

    pthread_mutex_lock(&t->lock);
    for (i = 0; i < SESSION_MAX; i++)
        if (t->slots[i].used && !strcmp(t->slots[i].s.token_hash, token_hash)) {
            sodium_memzero(&t->slots[i], sizeof(t->slots[i]));
            break;
        }
    pthread_mutex_unlock(&t->lock);
}

void gk_session_table_age(gk_session_table *t, int64_t s)
{
    pthread_mutex_lock(&t->lock);
    t->skew += s;
    pthread_mutex_unlock(&t->lock);
}
