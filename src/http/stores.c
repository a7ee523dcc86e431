/*
 * stores.c: one store handle per worker thread, kept for the life of the
 * server, so a request never opens or closes the database.
 *
 * Why: opening a SQLite store per request costs the file open, the WAL
 * and -shm files (created by the first connection, deleted by the last
 * close), the pragmas, the schema check and every prepared statement;
 * under wrk the public status lookup ran at ~1,800 requests/s that way
 * against ~43,000 for a static file (bench/http/RESULTS.md).
 *
 * How: a pthread key per server maps the calling thread to its handle,
 * opened on the thread's first use (a missing or uninitialised database
 * is an error of that request, and the next request tries again) and
 * registered in the server's list so gk_server_free closes every handle
 * after libmicrohttpd has joined its threads. A handle is used by one
 * thread only (SQLite opened NOMUTEX), so no lock is held while a
 * request runs; the list lock is taken once per thread.
 *
 * The audit actor is per request: the signed-in user, or GK_HTTP_ACTOR_PUBLIC,
 * set with gk_store_set_actor (which allocates only when it differs from
 * the last request's: nothing on the anonymous read path).
 */
#include "gk/store.h"
#include "http_int.h"

int gk_http__stores_init(gk_server *s)
{
    if (pthread_key_create(&s->store_key, NULL) != 0) {
        gk_error_set(GK_ERRCLASS_OS, "pthread_key_create failed");
        return GK_ERROR;
    }
    if (pthread_mutex_init(&s->store_lock, NULL) != 0) {
        pthread_key_delete(s->store_key);
        gk_error_set(GK_ERRCLASS_OS, "pthread_mutex_init failed");
        return GK_ERROR;
    }
    s->stores_ready = true;
    return 0;
}

void gk_http__stores_free(gk_server *s)
{
    size_t i;

    if (!s->stores_ready)
        return;
    for (i = 0; i < s->nstores; i++)
        gk_store_close(s->stores[i]);
    gk_free(s->stores);
    s->stores = NULL;
    s->nstores = 0;
    pthread_mutex_destroy(&s->store_lock);
    pthread_key_delete(s->store_key);
    s->stores_ready = false;
}

/* Adds st to the server's list (closed by gk_server_free). */
static int remember(gk_server *s, gk_store *st)
{
    gk_store **v;
    int error = 0;

    pthread_mutex_lock(&s->store_lock);
    v = gk_realloc(s->stores, (s->nstores + 1) * sizeof(*v));
    if (!v) {
        error = gk__oom();
    } else {
        s->stores = v;
        s->stores[s->nstores++] = st;
    }
    pthread_mutex_unlock(&s->store_lock);
    return error;
}

int gk_http__thread_store(gk_server *s, gk_store **out, bool *opened)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st;
    int error;

    *out = NULL;
    if (opened)
        *opened = false;
    if (!s || !s->stores_ready) {
        gk_error_set(GK_ERRCLASS_HTTP, "服务器未配置数据库");
        return GK_ERROR;
    }
    st = pthread_getspecific(s->store_key);
    if (st) {
        *out = st;
        return 0;
    }
    o.actor = GK_HTTP_ACTOR_PUBLIC;
    error = gk_store_open(&st, s->db, &o);
    if (error < 0)
        return error;
    error = remember(s, st);
    if (error < 0) {
        gk_store_close(st); /* not listed: nobody else would close it */
        return error;
    }
    if (pthread_setspecific(s->store_key, st) != 0) {
        /* st stays listed and is closed by gk_server_free. */
        gk_error_set(GK_ERRCLASS_OS, "pthread_setspecific failed");
        return GK_ERROR;
    }
    if (opened)
        *opened = true;
    *out = st;
    return 0;
}

int gk_http__store(gk_http_req *req, gk_store **out)
{
    const char *actor = req->has_session ? req->session.user : GK_HTTP_ACTOR_PUBLIC;
    gk_store *st;
    bool opened;
    int error;

    *out = NULL;
    error = gk_http__thread_store(req->srv, &st, &opened);
    if (error < 0)
        return error;
    /* A transaction the previous request of this thread left open
     * (a handler bug) must not leak into this one. */
    if (!opened)
        gk_store_tx_rollback(st);
    error = gk_store_set_actor(st, actor);
    if (error == 0)
        *out = st;
    return error;
}

void gk_http__store_end(gk_server *s)
{
    gk_store *st;

    if (!s || !s->stores_ready)
        return;
    st = pthread_getspecific(s->store_key);
    gk_store_tx_rollback(st);
}
