/*
 * only_agency.c: a case added without an agency goes to the store's only
 * agency. The store resolves that agency once per transaction (a batch of
 * intakes used to walk the agency tree for every case), so these tests pin
 * down when the remembered answer must be dropped: when an agency is added
 * inside the same transaction, and when another connection adds one
 * between two transactions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"
#include "gk/errors.h"
#include "gk/store.h"

static const char *temp_db(void)
{
    static char path[256];
    char dir[] = "/tmp/gk-only-XXXXXX";

    if (!mkdtemp(dir))
        return NULL;
    snprintf(path, sizeof path, "%s/test.db", dir);
    return path;
}

static gk_store *open_store(const char *path)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;

    o.no_schema_check = true;
    o.actor = "tester";
    if (gk_store_open(&st, path, &o) < 0 || gk_store_migrate(st, NULL, NULL) < 0) {
        gk_store_close(st);
        return NULL;
    }
    return st;
}

/* Adds a case with an empty agency; its id goes to got when accepted. */
static int add_unassigned(gk_store *st, char *got, size_t cap)
{
    gk_case c;
    int error;

    gk_case_init(&c);
    c.applicant = "李四";
    c.received = (gk_date){2025, 3, 3};
    c.arrival = c.received;
    error = gk_store_case_add(st, &c);
    if (error < 0)
        return error;
    snprintf(got, cap, "%lld", (long long)c.id);
    return 0;
}

typedef struct {
    char agency[64];
} last_agency;

static int take_agency(const gk_case *c, void *payload)
{
    last_agency *l = payload;

    snprintf(l->agency, sizeof l->agency, "%s", c->agency);
    return 0;
}

GK_TEST(store_only_agency, batch_then_second_agency_in_same_transaction)
{
    const char *path = temp_db();
    gk_store *st = open_store(path);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_agency edu = {0, "EDU", "某市教育局", "GOV", "部门"};
    gk_case_query q = GK_CASE_QUERY_INIT;
    last_agency l = {""};
    char id[32];
    int i;

    GK_T_OK(st != NULL);
    /* No agency at all: refused, inside a batch as well as alone. */
    GK_T_INT_EQ(add_unassigned(st, id, sizeof id), GK_EINVALID);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    GK_T_CALL(gk_store_tx_begin(st));
    for (i = 0; i < 3; i++)
        GK_T_CALL(add_unassigned(st, id, sizeof id));
    /* The second agency, in the same transaction: "the only agency" is
     * gone, and the next unassigned case must say so. */
    GK_T_CALL(gk_store_agency_add(st, &edu, NULL));
    GK_T_INT_EQ(add_unassigned(st, id, sizeof id), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "2 个机关") != NULL);
    gk_store_tx_rollback(st);
    /* The rollback took the three cases and EDU with it. */
    GK_T_CALL(gk_store_case_foreach(st, NULL, take_agency, &l));
    GK_T_STR_EQ(l.agency, "");
    GK_T_CALL(add_unassigned(st, id, sizeof id));
    GK_T_CALL(gk_store_case_foreach(st, &q, take_agency, &l));
    GK_T_STR_EQ(l.agency, "GOV");
    gk_store_close(st);
}

GK_TEST(store_only_agency, other_connection_adds_agency_between_transactions)
{
    const char *path = temp_db();
    gk_store *a = open_store(path), *b = NULL;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_agency edu = {0, "EDU", "某市教育局", "GOV", "部门"};
    char id[32];

    GK_T_OK(a != NULL);
    GK_T_CALL(gk_store_agency_add(a, &gov, NULL));
    GK_T_CALL(gk_store_tx_begin(a));
    GK_T_CALL(add_unassigned(a, id, sizeof id));
    GK_T_CALL(gk_store_tx_commit(a));
    b = open_store(path);
    GK_T_OK(b != NULL);
    GK_T_CALL(gk_store_agency_add(b, &edu, NULL));
    /* a's next transaction sees b's agency. */
    GK_T_CALL(gk_store_tx_begin(a));
    GK_T_INT_EQ(add_unassigned(a, id, sizeof id), GK_EINVALID);
    gk_store_tx_rollback(a);
    GK_T_INT_EQ(add_unassigned(a, id, sizeof id), GK_EINVALID);
    gk_store_close(b);
    gk_store_close(a);
}
