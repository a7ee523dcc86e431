/*
 * session.c: server-side staff sessions behind the three calls of
 * http_int.h (create, lookup, destroy), kept in the store (store.h
 * gk_store_session_*) through the calling thread's handle, so a session
 * survives a restart of the server and is valid on every server process
 * sharing a PostgreSQL database.
 *
 * The cookie carries a random 32-byte token; only its BLAKE2b-256 hash is
 * stored, so a database dump does not yield live cookies (stack.md
 * "Passwords and sessions"). Sessions expire ttl seconds after creation,
 * by the wall clock (CLOCK_REALTIME: the expiry is stored and must mean
 * the same after a restart and on another machine); the store tests the
 * expiry in its query and sweeps expired rows at each sign-in.
 */
#include <sodium.h>
#include <stdio.h>
#include <time.h>
#include "gk/store.h"
#include "http_int.h"

struct gk_session_table {
    gk_server *srv; /* whose per-thread store handles hold the sessions */
    unsigned ttl;
    pthread_mutex_t lock; /* guards skew */
    int64_t skew;         /* test hook: seconds added to the clock */
};

static int64_t now_s(gk_session_table *t)
{
    struct timespec ts;
    int64_t skew;

    pthread_mutex_lock(&t->lock);
    skew = t->skew;
    pthread_mutex_unlock(&t->lock);
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec + skew;
}

static void hash_hex(char out[65], const char *token)
{
    unsigned char h[32];

    crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof(h));
}

int gk_session_table_new(gk_session_table **out, gk_server *srv, unsigned ttl_s)
{
    gk_session_table *t = gk_calloc(1, sizeof(*t));

    *out = NULL;
    if (!t)
        return gk__oom();
    pthread_mutex_init(&t->lock, NULL);
    t->srv = srv;
    t->ttl = ttl_s;
    *out = t;
    return 0;
}

void gk_session_table_free(gk_session_table *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->lock);
    gk_free(t);
}

int gk_session_create(gk_session_table *t, gk_arena *a, const gk_http_session *who,
                      const char **token_out)
{
    const char *token = gk_http__random_token(a);
    const char *csrf = gk_http__random_token(a);
    gk_user_session x;
    gk_store *st;
    char hash[65];
    int error;

    *token_out = NULL;
    if (!token || !csrf)
        return GK_ENOMEM;
    error = gk_http__thread_store(t->srv, &st, NULL);
    if (error < 0)
        return error;
    hash_hex(hash, token);
    memset(&x, 0, sizeof(x));
    x.token_hash = hash;
    x.user_id = who->user_id;
    x.user = who->user;
    x.role = gk_role_key(who->role);
    x.agency = who->agency;
    x.csrf = csrf;
    x.created = now_s(t);
    x.expires = x.created + (int64_t)t->ttl;
    error = gk_store_session_add(st, &x);
    if (error == 0)
        *token_out = token;
    return error;
}

/* Copies the stored session into the router's fixed-size form. */
static int copy_session(const gk_user_session *x, void *payload)
{
    gk_http_session *out = payload;
    int role = gk_role_from_name(x->role);

    if (role < 0 || strlen(x->user) >= sizeof(out->user) ||
        strlen(x->agency) >= sizeof(out->agency) || strlen(x->csrf) != GK_HTTP_TOKEN_LEN) {
        gk_error_set(GK_ERRCLASS_STORE, "会话记录无效（角色 '%s'）", x->role);
        return GK_EBACKEND;
    }
    memset(out, 0, sizeof(*out));
    out->user_id = x->user_id;
    memcpy(out->user, x->user, strlen(x->user) + 1);
    out->role = (gk_role)role;
    memcpy(out->agency, x->agency, strlen(x->agency) + 1);
    memcpy(out->csrf, x->csrf, GK_HTTP_TOKEN_LEN + 1);
    memcpy(out->token_hash, x->token_hash, 65);
    return 0;
}

int gk_session_lookup(gk_session_table *t, const char *token, gk_http_session *out)
{
    gk_http_session s;
    gk_store *st;
    char h[65];
    int error;

    if (!token || strlen(token) != GK_HTTP_TOKEN_LEN)
        return GK_ENOTFOUND;
    error = gk_http__thread_store(t->srv, &st, NULL);
    if (error < 0)
        return error;
    hash_hex(h, token);
    error = gk_store_session_get(st, h, now_s(t), copy_session, &s);
    if (error == 0)
        *out = s;
    return error;
}

void gk_session_destroy(gk_session_table *t, const char *token_hash)
{
    gk_store *st;
    int error = gk_http__thread_store(t->srv, &st, NULL);

    if (error == 0)
        error = gk_store_session_delete(st, token_hash);
    if (error < 0) {
        /* Logout still clears the cookie; the row expires on its own. */
        fprintf(stderr, "gongkai serve: 无法删除会话: %s\n", gk_error_last()->message);
        gk_error_clear();
    }
}

void gk_session_table_age(gk_session_table *t, int64_t s)
{
    pthread_mutex_lock(&t->lock);
    t->skew += s;
    pthread_mutex_unlock(&t->lock);
}
