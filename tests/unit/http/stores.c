/*
 * stores.c: the per-worker store handles of the server (src/http/stores.c):
 * one handle per thread, reused across requests; the audit actor follows
 * the request's session; a transaction a request left open is rolled
 * back; a database created after the server started is picked up; every
 * handle is closed by gk_server_free (ASan would report a leak).
 */
#include <pthread.h>
#include "gk/store.h"
#include "gk/sys/store_backend.h"
#include "http_test.h"

/* Creates the registers' schema in t->db. */
static int init_db(ht_server *t)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    int error;

    o.no_schema_check = true;
    error = gk_store_open(&st, t->db, &o);
    if (error == 0)
        error = gk_store_migrate(st, NULL, NULL);
    gk_store_close(st);
    return error;
}

static int on_agency(const gk_agency *a, void *payload)
{
    (void)a;
    (*(int *)payload)++;
    return 0;
}

/* Agencies in t->db, read through a connection of its own. */
static int agencies(ht_server *t)
{
    gk_store *st = NULL;
    int n = 0;

    if (gk_store_open(&st, t->db, NULL) < 0)
        return -1;
    if (gk_store_agency_foreach(st, on_agency, &n) < 0)
        n = -1;
    gk_store_close(st);
    return n;
}

GK_TEST(http_stores, one_handle_per_thread_actor_per_request)
{
    ht_server t;
    gk_http_req req;
    gk_store *a = NULL, *b = NULL;

    GK_T_CALL(ht_new(&t, 0));
    /* No schema yet: an error for this request, and no handle kept. */
    gk_http__req_init(&req, t.srv);
    GK_T_OK(gk_http__store(&req, &a) < 0);
    GK_T_OK(a == NULL);
    GK_T_CALL(init_db(&t));
    GK_T_CALL(gk_http__store(&req, &a));
    GK_T_STR_EQ(a->actor, GK_HTTP_ACTOR_PUBLIC);
    GK_T_INT_EQ((int)t.srv->nstores, 1);
    gk_http__req_release(&req);

    /* The next request of this thread gets the same handle, with the
     * signed-in user as its actor. */
    gk_http__req_init(&req, t.srv);
    req.has_session = true;
    snprintf(req.session.user, sizeof(req.session.user), "王承办");
    GK_T_CALL(gk_http__store(&req, &b));
    GK_T_OK(a == b);
    GK_T_STR_EQ(b->actor, "王承办");
    GK_T_INT_EQ((int)t.srv->nstores, 1);
    gk_http__req_release(&req);
    ht_free(&t);
}

GK_TEST(http_stores, open_transaction_rolled_back)
{
    ht_server t;
    gk_http_req req;
    gk_store *st = NULL;
    gk_agency gov = {0, "GOV", "某县人民政府", "", "政府"};

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(init_db(&t));
    gk_http__req_init(&req, t.srv);
    GK_T_CALL(gk_http__store(&req, &st));
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    /* The request ends without a commit (a handler bug): server.c calls
     * gk_http__store_end after the dispatch. */
    gk_http__store_end(t.srv);
    gk_http__req_release(&req);
    GK_T_INT_EQ(agencies(&t), 0);

    /* And a committed change (GK_EEXISTS here had GOV's insert leaked) is seen by the next request's handle. */
    gk_http__req_init(&req, t.srv);
    GK_T_CALL(gk_http__store(&req, &st));
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    GK_T_CALL(gk_store_tx_commit(st));
    gk_http__req_release(&req);
    GK_T_INT_EQ(agencies(&t), 1);

    /* A transaction left open without store_end (the loopback path) is
     * rolled back when the thread's next request takes the handle. */
    gk_http__req_init(&req, t.srv);
    GK_T_CALL(gk_http__store(&req, &st));
    gov.code = "EDU";
    gov.parent = "GOV";
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    gk_http__req_release(&req);
    gk_http__req_init(&req, t.srv);
    GK_T_CALL(gk_http__store(&req, &st));
    /* Were EDU's insert still pending, this would be GK_EEXISTS inside
     * the leaked transaction instead of a fresh one. */
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    GK_T_CALL(gk_store_tx_commit(st));
    gk_http__req_release(&req);
    GK_T_INT_EQ(agencies(&t), 2);
    ht_free(&t);
}

typedef struct {
    gk_server *srv;
    gk_store *st;
    int error;
} thread_arg;

static void *other_thread(void *p)
{
    thread_arg *x = p;
    gk_http_req req;

    gk_http__req_init(&req, x->srv);
    x->error = gk_http__store(&req, &x->st);
    gk_http__req_release(&req);
    return NULL;
}

GK_TEST(http_stores, threads_get_their_own_handles)
{
    ht_server t;
    gk_http_req req;
    gk_store *mine = NULL;
    thread_arg x[2];
    pthread_t th[2];
    int i;

    GK_T_CALL(ht_new(&t, 0));
    GK_T_CALL(init_db(&t));
    gk_http__req_init(&req, t.srv);
    GK_T_CALL(gk_http__store(&req, &mine));
    gk_http__req_release(&req);
    for (i = 0; i < 2; i++) {
        x[i].srv = t.srv;
        x[i].st = NULL;
        x[i].error = -1;
        GK_T_INT_EQ(pthread_create(&th[i], NULL, other_thread, &x[i]), 0);
    }
    for (i = 0; i < 2; i++)
        GK_T_INT_EQ(pthread_join(th[i], NULL), 0);
    GK_T_INT_EQ(x[0].error, 0);
    GK_T_INT_EQ(x[1].error, 0);
    GK_T_OK(x[0].st != mine && x[1].st != mine && x[0].st != x[1].st);
    GK_T_INT_EQ((int)t.srv->nstores, 3);
    ht_free(&t); /* closes all three */
}
