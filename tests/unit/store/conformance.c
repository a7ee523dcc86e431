/*
 * conformance.c: one suite of store scenarios, written against gk_store_*
 * only, run for every backend (conventions C5, "git refs backends"):
 *
 *   store_conformance_sqlite_file  a temporary SQLite file (always)
 *   store_conformance_sqlite_mem   ":memory:" (always; the scenarios that
 *                                  reopen the database or edit it behind
 *                                  the store's back need a file)
 *   store_conformance_pg           PostgreSQL, when GK_TEST_PG_DSN is set
 *                                  (scripts/pg-test-cluster.sh sets it);
 *                                  otherwise each test reports SKIP with
 *                                  the reason, never a silent pass
 *
 * Each PostgreSQL test gets its own schema (CREATE SCHEMA, then the DSN
 * with options=-csearch_path=…), dropped afterwards, so tests and parallel
 * runs never see each other's rows. Only the fixtures and the tamper step
 * use a backend's own client library (sqlite3 / libpq), the way an
 * attacker with database access would.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef GK_WITH_PG
#include <libpq-fe.h>
#endif
#include "test.h"
#include "gk/case.h"
#include "gk/errors.h"
#include "gk/report.h"
#include "gk/store.h"

#include "conformance.h"

/* ------------------------------------------------------------ scenarios */

static void scn_migrate_and_reopen(fixture *f)
{
    gk_store *st = NULL;
    int from = -1, to = -1, cur = -1, latest = -1;

    /* A database never initialised is refused without no_schema_check. */
    GK_T_OK(open_store(&st, f, false, 0) < 0);
    GK_T_OK(st == NULL);
    GK_T_CALL(open_store(&f->st, f, true, 0));
    GK_T_STR_EQ(gk_store_backend_name(f->st), f->t->backend);
    GK_T_CALL(gk_store_schema_version(f->st, &cur, &latest));
    GK_T_INT_EQ(cur, 0);
    GK_T_OK(latest >= 1);
    GK_T_CALL(gk_store_migrate(f->st, &from, &to));
    GK_T_INT_EQ(from, 0);
    GK_T_INT_EQ(to, latest);
    GK_T_CALL(gk_store_migrate(f->st, &from, &to));
    GK_T_INT_EQ(from, latest);
    gk_store_close(f->st);
    f->st = NULL;
    GK_T_CALL(open_store(&f->st, f, false, 0));
    GK_T_CALL(gk_store_schema_version(f->st, &cur, NULL));
    GK_T_INT_EQ(cur, latest);
}
CONFORMANCE_FILE(migrate_and_reopen)

static int collect_agencies(const gk_agency *a, void *payload)
{
    return gk_buf_printf(payload, "%s<%s:%s:%s;", a->code, a->parent, a->name, a->kind);
}

static void scn_agency_tree(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_agency edu = {0, "EDU", "某市教育局", "GOV", "部门"};
    gk_agency street = {0, "ST1", "某街道办事处 \"东\"", "GOV", "街道"};
    gk_agency school = {0, "SCH", "某中学", "EDU", ""};
    gk_agency orphan = {0, "X", "无上级", "NOPE", ""};
    gk_agency dup = {0, "EDU", "重复", "", ""};
    gk_agency empty = {0, "", "无代码", "", ""};
    gk_buf b = GK_BUF_INIT;
    int64_t id1 = 0, id2 = 0;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, &id1));
    /* Inserted child-first order must still list parents first. */
    GK_T_CALL(gk_store_agency_add(st, &edu, &id2));
    GK_T_OK(id1 > 0 && id2 > id1);
    GK_T_CALL(gk_store_agency_add(st, &school, NULL));
    GK_T_CALL(gk_store_agency_add(st, &street, NULL));
    GK_T_INT_EQ(gk_store_agency_add(st, &orphan, NULL), GK_ENOTFOUND);
    GK_T_INT_EQ(gk_store_agency_add(st, &dup, NULL), GK_EEXISTS);
    GK_T_OK(strstr(gk_error_last()->message, "EDU") != NULL);
    GK_T_INT_EQ(gk_store_agency_add(st, &empty, NULL), GK_EINVALID);
    GK_T_CALL(gk_store_agency_foreach(st, collect_agencies, &b));
    GK_T_STR_EQ(gk_buf_cstr(&b), "GOV<:某市人民政府:政府;EDU<GOV:某市教育局:部门;"
                                 "ST1<GOV:某街道办事处 \"东\":街道;SCH<EDU:某中学:;");
    gk_buf_release(&b);
}
CONFORMANCE_ALL(agency_tree)

/* The stored case as JSON (every column the model has). */
typedef struct {
    int n;
    gk_buf json;
} read_case;

static int read_one(const gk_case *c, void *payload)
{
    read_case *r = payload;

    r->n++;
    gk_buf_clear(&r->json);
    return gk_case_to_json(&r->json, c);
}

/* Reads the case with this code back and compares it, field by field as
 * JSON, with the model the test kept in memory. */
#define CHECK_ROUND_TRIP(st, model)                                                                \
    do {                                                                                           \
        gk_case_query q_ = GK_CASE_QUERY_INIT;                                                     \
        read_case r_ = {0, GK_BUF_INIT};                                                           \
        gk_buf want_ = GK_BUF_INIT;                                                                \
        q_.tracking_code = (model).tracking_code;                                                  \
        GK_T_CALL(gk_store_case_foreach((st), &q_, read_one, &r_));                                \
        GK_T_INT_EQ(r_.n, 1);                                                                      \
        GK_T_CALL(gk_case_to_json(&want_, &(model)));                                              \
        GK_T_STR_EQ(gk_buf_cstr(&r_.json), gk_buf_cstr(&want_));                                   \
        gk_buf_release(&r_.json);                                                                  \
        gk_buf_release(&want_);                                                                    \
    } while (0)

static void scn_case_round_trip_and_chain(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_store_verify_result v;
    gk_case c, model;
    const struct {
        gk_case_event_kind kind;
        gk_date date;
    } steps[] = {
        {GK_CASE_EV_ACCEPT, {2025, 3, 4}},
        {GK_CASE_EV_CONSULT_THIRD_PARTY, {2025, 3, 5}}, /* an open pause */
        {GK_CASE_EV_CONSULT_DONE, {2025, 3, 12}},
        {GK_CASE_EV_EXTEND, {2025, 3, 13}},
        {GK_CASE_EV_ANSWER, {2025, 4, 20}},
    };
    size_t i;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    gk_case_init(&c);
    c.tracking_no = "依申请-2025-001";
    c.applicant = "张三𠀀（测试）";
    c.applicant_id = "11010519491231002X";
    c.contact = "电话 010-12345678\n地址: \"某路\" 1 号\\2 室";
    c.description = "关于 2024 年某某项目的批复文件 😀";
    c.form = "电子邮件";
    c.channel = GK_CHANNEL_POST;
    c.arrival = day(2025, 3, 1);
    c.received = day(2025, 3, 3);
    GK_T_CALL(gk_store_case_add(st, &c));
    GK_T_OK(c.id > 0);
    GK_T_INT_EQ(strlen(c.tracking_code), GK_TRACKING_CODE_LEN);
    model = c;
    model.agency = "GOV";
    CHECK_ROUND_TRIP(st, model);

    for (i = 0; i < sizeof steps / sizeof *steps; i++) {
        ev.kind = steps[i].kind;
        ev.date = steps[i].date;
        ev.days = 10;
        ev.approver = "办公室主任 赵六";
        ev.outcome = GK_T3_R_PARTIAL;
        GK_T_CALL(gk_store_case_apply(st, c.tracking_code, &ev));
        GK_T_CALL(gk_case_apply(&model, &ev));
        CHECK_ROUND_TRIP(st, model);
    }
    /* A refused transition writes nothing; an unknown code is not found. */
    ev.kind = GK_CASE_EV_EXTEND;
    GK_T_INT_EQ(gk_store_case_apply(st, c.tracking_code, &ev), GK_ECONFLICT);
    GK_T_INT_EQ(gk_store_case_apply(st, "NO-SUCH-CODE", &ev), GK_ENOTFOUND);
    /* Found by its ledger number too. */
    {
        gk_case_query q = GK_CASE_QUERY_INIT;
        read_case r = {0, GK_BUF_INIT};
        q.tracking_no = "依申请-2025-001";
        q.agency = "GOV";
        GK_T_CALL(gk_store_case_foreach(st, &q, read_one, &r));
        GK_T_INT_EQ(r.n, 1);
        gk_buf_release(&r.json);
    }

    /* agency + case + 5 transitions = 7 events, chain intact. */
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.events, 7);
    GK_T_INT_EQ(v.bad_id, 0);
}
CONFORMANCE_ALL(case_round_trip_and_chain)

/* One record's events, as the case page's timeline reads them. */
typedef struct {
    int n;
    int64_t last_id;
    char actions[256];
    char actors[128];
    bool other; /* an event of another record slipped in */
    const char *entity;
    int64_t entity_id;
} entity_events;

static int on_entity_event(const gk_store_event *e, void *payload)
{
    entity_events *x = payload;
    size_t len = strlen(x->actions), alen = strlen(x->actors);

    x->other |= strcmp(e->entity, x->entity) != 0 || e->entity_id != x->entity_id ||
                e->id <= x->last_id;
    x->last_id = e->id;
    x->n++;
    snprintf(x->actions + len, sizeof(x->actions) - len, "%s%s", len ? "," : "", e->action);
    snprintf(x->actors + alen, sizeof(x->actors) - alen, "%s%s", alen ? "," : "", e->actor);
    return 0;
}

/* gk_store_event_entity_foreach returns exactly one record's events, in
 * id order, with the actor each was written by (the fixture's "tester",
 * then gk_store_set_actor between changes on one handle as the server
 * does per request; NULL means "system"). */
static void scn_entity_events(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_case a, b;
    entity_events x;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    gk_case_init(&a);
    a.tracking_no = "2025-001";
    a.applicant = "张三";
    a.description = "甲";
    a.received = day(2025, 3, 3);
    GK_T_CALL(gk_store_case_add(st, &a));
    gk_case_init(&b);
    b.tracking_no = "2025-002";
    b.applicant = "张三";
    b.description = "乙";
    b.received = day(2025, 3, 3);
    GK_T_CALL(gk_store_case_add(st, &b));
    GK_T_OK(a.id != b.id);
    GK_T_CALL(gk_store_set_actor(st, "李四"));
    ev.kind = GK_CASE_EV_ACCEPT;
    ev.date = day(2025, 3, 4);
    GK_T_CALL(gk_store_case_apply(st, a.tracking_code, &ev));
    GK_T_CALL(gk_store_case_apply(st, b.tracking_code, &ev));
    GK_T_CALL(gk_store_set_actor(st, NULL));
    ev.kind = GK_CASE_EV_WITHDRAW;
    ev.date = day(2025, 3, 6);
    GK_T_CALL(gk_store_case_apply(st, a.tracking_code, &ev));
    /* An access that changes nothing joins the trail; only note: actions. */
    GK_T_CALL(gk_store_note(st, "GOV", "case", a.id, "note:reveal", "{\"fields\":\"applicant_id\"}"));
    GK_T_INT_EQ(gk_store_note(st, "GOV", "case", a.id, "apply:ANSWER", "{}"), GK_EINVALID);
    /* No actor change inside a transaction. */
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_INT_EQ(gk_store_set_actor(st, "王五"), GK_ECONFLICT);
    gk_store_tx_rollback(st);

    memset(&x, 0, sizeof(x));
    x.entity = "case";
    x.entity_id = a.id;
    GK_T_CALL(gk_store_event_entity_foreach(st, "case", a.id, on_entity_event, &x));
    GK_T_INT_EQ(x.n, 4);
    GK_T_OK(!x.other);
    GK_T_STR_EQ(x.actions, "create,apply:ACCEPT,apply:WITHDRAW,note:reveal");
    GK_T_STR_EQ(x.actors, "tester,李四,system,system");

    memset(&x, 0, sizeof(x));
    x.entity = "case";
    x.entity_id = b.id;
    GK_T_CALL(gk_store_event_entity_foreach(st, "case", b.id, on_entity_event, &x));
    GK_T_INT_EQ(x.n, 2);
    GK_T_OK(!x.other);

    memset(&x, 0, sizeof(x));
    x.entity = "case";
    x.entity_id = 999999;
    GK_T_CALL(gk_store_event_entity_foreach(st, "case", 999999, on_entity_event, &x));
    GK_T_INT_EQ(x.n, 0);
    {
        gk_store_verify_result v;

        GK_T_CALL(gk_store_verify(st, &v));
        GK_T_INT_EQ(v.bad_id, 0);
    }
}
CONFORMANCE_ALL(entity_events)

typedef struct {
    int n, open;
    char codes[512];
} listed;

static int list_one(const gk_case *c, void *payload)
{
    listed *l = payload;
    size_t len = strlen(l->codes);

    l->n++;
    l->open += c->outcome < 0;
    snprintf(l->codes + len, sizeof l->codes - len, "%s,", c->tracking_no);
    return 0;
}

static int stop_at_second(const gk_case *c, void *payload)
{
    (void)c;
    return ++*(int *)payload == 2 ? 42 : 0;
}

static void scn_case_queries(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_agency edu = {0, "EDU", "某市教育局", "GOV", "部门"};
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_case_event ev = GK_CASE_EVENT_INIT;
    static const char *const nos[] = {"G1", "G2", "E1", "G3"};
    char first_code[GK_TRACKING_CODE_LEN + 1] = "";
    listed l;
    gk_case c;
    int i, n = 0;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    GK_T_CALL(gk_store_agency_add(st, &edu, NULL));
    for (i = 0; i < 4; i++) {
        gk_case_init(&c);
        c.agency = nos[i][0] == 'E' ? "EDU" : "GOV";
        c.tracking_no = nos[i];
        c.applicant = "李四";
        c.received = day(2025, 5, 6 + i);
        GK_T_CALL(gk_store_case_add(st, &c));
        if (i == 0)
            memcpy(first_code, c.tracking_code, sizeof first_code);
    }
    /* Two agencies: an empty agency code is ambiguous. */
    gk_case_init(&c);
    c.applicant = "王五";
    c.received = day(2025, 5, 6);
    GK_T_INT_EQ(gk_store_case_add(st, &c), GK_EINVALID);
    /* Same ledger number in the same agency is refused, nothing written. */
    c.agency = "GOV";
    c.tracking_no = "G2";
    GK_T_INT_EQ(gk_store_case_add(st, &c), GK_EEXISTS);

    ev.kind = GK_CASE_EV_ANSWER;
    ev.date = day(2025, 5, 20);
    ev.outcome = GK_T3_R_GRANT;
    GK_T_CALL(gk_store_case_apply(st, first_code, &ev));

    memset(&l, 0, sizeof l);
    GK_T_CALL(gk_store_case_foreach(st, &q, list_one, &l));
    GK_T_STR_EQ(l.codes, "G1,G2,E1,G3,");
    memset(&l, 0, sizeof l);
    q.agency = "GOV";
    GK_T_CALL(gk_store_case_foreach(st, &q, list_one, &l));
    GK_T_STR_EQ(l.codes, "G1,G2,G3,");
    memset(&l, 0, sizeof l);
    q.open_only = true;
    GK_T_CALL(gk_store_case_foreach(st, &q, list_one, &l));
    GK_T_STR_EQ(l.codes, "G2,G3,");
    memset(&l, 0, sizeof l);
    q.agency = NULL;
    q.limit = 2;
    GK_T_CALL(gk_store_case_foreach(st, &q, list_one, &l));
    GK_T_STR_EQ(l.codes, "G2,E1,");
    /* A callback's non-zero return stops the walk and is returned. */
    q = (gk_case_query)GK_CASE_QUERY_INIT;
    GK_T_INT_EQ(gk_store_case_foreach(st, &q, stop_at_second, &n), 42);
    GK_T_INT_EQ(n, 2);
}
CONFORMANCE_ALL(case_queries)

static void scn_tamper_detection(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store_verify_result v;
    gk_case c;
    int i;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    for (i = 0; i < 4; i++) {
        gk_case_init(&c);
        c.applicant = i == 2 ? "申请人2" : "申请人";
        c.received = day(2025, 3, 3 + i);
        GK_T_CALL(gk_store_case_add(st, &c));
    }
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.events, 5);
    GK_T_INT_EQ(v.bad_id, 0);
    gk_store_close(st);
    f->st = NULL;

    /* The database itself refuses to rewrite history... */
    GK_T_INT_EQ(f->t->raw(f, "UPDATE events SET actor = 'x' WHERE id = 2"), -1);
    GK_T_INT_EQ(f->t->raw(f, "DELETE FROM events WHERE id = 5"), -1);
    /* ...and an edit made after dropping the guard is found. */
    GK_T_INT_EQ(drop_trigger(f, "events_no_update"), 0);
    GK_T_INT_EQ(f->t->raw(f, "UPDATE events SET after = replace(after, '申请人2', '申请人X')"
                             " WHERE id = 4"),
                0);
    GK_T_CALL(open_store(&f->st, f, false, 0));
    GK_T_CALL(gk_store_verify(f->st, &v));
    GK_T_INT_EQ(v.bad_id, 4);
    GK_T_OK(strstr(v.reason, "哈希") != NULL);
}
CONFORMANCE_FILE(tamper_detection)

static void scn_gap_detection(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "A", "甲机关", "", ""}, b = {0, "B", "乙机关", "", ""};
    gk_agency c = {0, "C", "丙机关", "", ""};
    gk_store_verify_result v;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    GK_T_CALL(gk_store_agency_add(st, &b, NULL));
    GK_T_CALL(gk_store_agency_add(st, &c, NULL));
    gk_store_close(st);
    f->st = NULL;
    GK_T_INT_EQ(drop_trigger(f, "events_no_delete"), 0);
    GK_T_INT_EQ(f->t->raw(f, "DELETE FROM events WHERE id = 2"), 0);
    GK_T_CALL(open_store(&f->st, f, false, 0));
    GK_T_CALL(gk_store_verify(f->st, &v));
    GK_T_INT_EQ(v.bad_id, 3);
}
CONFORMANCE_FILE(gap_detection)

static void scn_nested_rollback(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "A", "甲机关", "", ""}, b = {0, "B", "乙机关", "", ""};
    gk_agency c = {0, "C", "丙机关", "", ""};
    gk_store_verify_result v;
    gk_buf list = GK_BUF_INIT;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_agency_add(st, &b, NULL));
    GK_T_CALL(gk_store_tx_commit(st)); /* inner: nothing reaches the database */
    gk_store_tx_rollback(st);          /* outer: B and its event are gone */
    /* A failing write rolls back only its own transaction. */
    GK_T_INT_EQ(gk_store_agency_add(st, &a, NULL), GK_EEXISTS);
    GK_T_CALL(gk_store_agency_add(st, &c, NULL));
    GK_T_CALL(gk_store_agency_foreach(st, collect_agencies, &list));
    GK_T_STR_EQ(gk_buf_cstr(&list), "A<:甲机关:;C<:丙机关:;");
    gk_buf_release(&list);
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.events, 2);
    GK_T_INT_EQ(v.bad_id, 0);
}
CONFORMANCE_ALL(nested_rollback)

static void scn_import_all_or_nothing(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store_import_result res;
    gk_case_query q = GK_CASE_QUERY_INIT;
    const char *bad = "received,applicant,tracking_no,applicant_type,channel,concluded,outcome\n"
                      "2024-01-05,甲,A1,自然人,网络,2024-01-20,R_GRANT\n"
                      "2024-13-01,乙,A2,自然人,网络,,\n"
                      "2024-02-01,丁,A1,自然人,网络,,\n";
    /* "tracking_no,applicant_type,applicant,channel,received\nG1,自然人,张三,邮寄,2024-05-06\n"
     * in GB18030. */
    const char gb[] = "tracking_no,applicant_type,applicant,channel,received\n"
                      "G1,\xD7\xD4\xC8\xBB\xC8\xCB,\xD5\xC5\xC8\xFD,\xD3\xCA\xBC\xC4,2024-05-06\n";
    listed l;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    GK_T_INT_EQ(gk_store_import_cases(st, bad, strlen(bad), "t.csv", &res), GK_EINVALID);
    GK_T_INT_EQ(res.bad_rows, 2);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:3: received") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:4: tracking_no 'A1' 与第 2 行重复") != NULL);
    memset(&l, 0, sizeof l);
    GK_T_CALL(gk_store_case_foreach(st, &q, list_one, &l));
    GK_T_INT_EQ(l.n, 0);

    gk_buf_clear(&res.errors);
    GK_T_CALL(gk_store_import_cases(st, gb, sizeof gb - 1, "gb.csv", &res));
    GK_T_INT_EQ(res.imported, 1);
    GK_T_INT_EQ(gk_store_import_cases(st, gb, sizeof gb - 1, "gb.csv", &res), GK_EINVALID);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "gb.csv:2: 机关 'GOV' 已有登记号为 'G1'") != NULL);
    memset(&l, 0, sizeof l);
    GK_T_CALL(gk_store_case_foreach(st, &q, list_one, &l));
    GK_T_STR_EQ(l.codes, "G1,");
    gk_buf_release(&res.errors);
}
CONFORMANCE_ALL(import_all_or_nothing)

/* The t0520 ledger: table 3 of 2023 and 2024, counted by hand. */
static void scn_table3_counts(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某县人民政府", "", "政府"};
    gk_agency edu = {0, "EDU", "某县教育局", "GOV", "部门"};
    gk_store_import_result res;
    const char *csv =
        "outcome,concluded,received,channel,applicant,applicant_type,tracking_no,agency\n"
        "R_GRANT,2024-01-10,2023-12-20,网络,甲,自然人,1,GOV\n"
        ",,2023-12-28,当面,乙,商业企业,2,GOV\n"
        "R_PARTIAL,2023-11-02,2023-10-09,邮寄,丙,自然人,3,GOV\n"
        "R_OT_NOFEE,2024-03-01,2024-01-15,网络,丁,法律服务机构,4,GOV\n"
        ",,2024-06-03,传真,戊,其他,5,GOV\n"
        "R_DENY_SECRET,2024-02-01,2024-01-02,网络,己,科研机构,1,EDU\n";
    static const struct {
        int year;
        const char *agency;
        int row, col;
        double want;
    } cells[] = {
        {2023, NULL, GK_T3_NEW, GK_APPLICANT_NATURAL, 2},
        {2023, NULL, GK_T3_NEW, GK_APPLICANT_COMMERCIAL, 1},
        {2023, NULL, GK_T3_NEW, GK_T3_COL_TOTAL, 3},
        {2023, NULL, GK_T3_R_PARTIAL, GK_APPLICANT_NATURAL, 1},
        {2023, NULL, GK_T3_CARRIED_OUT, GK_T3_COL_TOTAL, 2},
        {2024, NULL, GK_T3_CARRIED_IN, GK_APPLICANT_NATURAL, 1},
        {2024, NULL, GK_T3_CARRIED_IN, GK_APPLICANT_COMMERCIAL, 1},
        {2024, NULL, GK_T3_NEW, GK_T3_COL_TOTAL, 3},
        {2024, NULL, GK_T3_R_OT_NOFEE, GK_APPLICANT_LEGAL, 1},
        {2024, NULL, GK_T3_R_DENY_SECRET, GK_APPLICANT_RESEARCH, 1},
        {2024, NULL, GK_T3_R_TOTAL, GK_T3_COL_TOTAL, 3},
        {2024, NULL, GK_T3_CARRIED_OUT, GK_APPLICANT_COMMERCIAL, 1},
        {2024, NULL, GK_T3_CARRIED_OUT, GK_APPLICANT_OTHER, 1},
        {2024, NULL, GK_T3_CARRIED_OUT, GK_T3_COL_TOTAL, 2},
        {2024, "GOV", GK_T3_NEW, GK_T3_COL_TOTAL, 2},
        {2024, "GOV", GK_T3_R_DENY_SECRET, GK_APPLICANT_RESEARCH, 0},
        {2024, "EDU", GK_T3_NEW, GK_APPLICANT_RESEARCH, 1},
        {2024, "EDU", GK_T3_R_TOTAL, GK_T3_COL_TOTAL, 1},
        {2024, "EDU", GK_T3_CARRIED_OUT, GK_T3_COL_TOTAL, 0},
    };
    gk_report *r = NULL;
    size_t i;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    GK_T_CALL(gk_store_agency_add(st, &edu, NULL));
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    GK_T_CALL(gk_store_import_cases(st, csv, strlen(csv), "t3.csv", &res));
    GK_T_INT_EQ(res.imported, 6);
    gk_buf_release(&res.errors);
    for (i = 0; i < sizeof cells / sizeof *cells; i++) {
        GK_T_CALL(gk_store_report_build(&r, st, cells[i].year, cells[i].agency));
        double got = gk_cell_num(&r->t3[cells[i].row][cells[i].col]);
        if (got < cells[i].want || got > cells[i].want) {
            gk_report_free(r);
            GK_T_FAIL("cell %zu (%d %s row %d col %d): got %g, expected %g", i, cells[i].year,
                      cells[i].agency ? cells[i].agency : "all", cells[i].row, cells[i].col,
                      got, cells[i].want);
        }
        gk_report_free(r);
        r = NULL;
    }
    GK_T_INT_EQ(gk_store_report_build(&r, st, 2024, "NOPE"), GK_ENOTFOUND);
}
CONFORMANCE_ALL(table3_counts)

/* A generated ledger gives the same table 3 here as in an in-memory
 * SQLite store (the reference backend), cell by cell, for three years. */
static void scn_table3_matches_sqlite(fixture *f)
{
    gk_store *st = fresh(f), *ref = NULL;
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store_import_result res;
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_buf csv = GK_BUF_INIT;
    uint32_t seed = 7;
    int i, year, row, col;

    GK_T_OK(st != NULL);
    o.no_schema_check = true;
    GK_T_CALL(gk_store_open(&ref, ":memory:", &o));
    GK_T_CALL(gk_store_migrate(ref, NULL, NULL));
    GK_T_CALL(gk_buf_puts(&csv, "tracking_no,applicant_type,applicant,channel,received,"
                                "concluded,outcome\n"));
    for (i = 0; i < 240; i++) {
        gk_date rec, con;
        char d1[GK_DATE_BUFSZ], d2[GK_DATE_BUFSZ];
        int outcome;
        seed = seed * 1103515245u + 12345u;
        GK_T_CALL(gk_date_add_days(&rec, day(2022, 11, 1), (int64_t)((seed >> 8) % 800)));
        GK_T_CALL(gk_date_add_days(&con, rec, (int64_t)((seed >> 4) % 60)));
        outcome = GK_T3_FIRST_RESULT + (int)((seed >> 12) % (GK_T3_LAST_RESULT - GK_T3_FIRST_RESULT + 1));
        GK_T_CALL(gk_buf_printf(&csv, "N%d,%s,申请人%d,网络,%s,%s,%s\n", i,
                                gk_applicant_type_key((int)((seed >> 16) % GK_APPLICANT_NTYPES)), i,
                                gk_date_format(d1, rec),
                                (seed >> 20) % 4 == 0 ? "" : gk_date_format(d2, con),
                                (seed >> 20) % 4 == 0 ? "" : gk_t3_row_key(outcome)));
    }
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    GK_T_CALL(gk_store_agency_add(ref, &gov, NULL));
    GK_T_CALL(gk_store_import_cases(st, gk_buf_cstr(&csv), csv.len, "gen.csv", &res));
    GK_T_CALL(gk_store_import_cases(ref, gk_buf_cstr(&csv), csv.len, "gen.csv", &res));
    GK_T_INT_EQ(res.imported, 240);
    for (year = 2023; year <= 2025; year++) {
        gk_report *a = NULL, *b = NULL;
        double nonzero = 0;
        GK_T_CALL(gk_store_report_build(&a, st, year, NULL));
        GK_T_CALL(gk_store_report_build(&b, ref, year, NULL));
        for (row = 0; row < GK_T3_NROWS; row++)
            for (col = 0; col < GK_T3_NCOLS; col++) {
                double x = gk_cell_num(&a->t3[row][col]), y = gk_cell_num(&b->t3[row][col]);
                nonzero += x;
                if (x < y || x > y) {
                    gk_report_free(a);
                    gk_report_free(b);
                    gk_store_close(ref);
                    GK_T_FAIL("%d row %d col %d: %g here, %g in SQLite", year, row, col, x, y);
                }
            }
        gk_report_free(a);
        gk_report_free(b);
        GK_T_OK(nonzero > 0);
    }
    gk_store_close(ref);
    gk_buf_release(&csv);
    gk_buf_release(&res.errors);
}
CONFORMANCE_ALL(table3_matches_sqlite)

/* The write lock is taken at tx_begin: while one store holds a
 * transaction, a second store's begin waits out its busy timeout and
 * fails; after the first ends, the second can write. */
static void scn_write_lock_at_begin(fixture *f)
{
    gk_store *st = fresh(f), *other = NULL;
    gk_agency a = {0, "A", "甲机关", "", ""}, b = {0, "B", "乙机关", "", ""};
    gk_store_verify_result v;

    GK_T_OK(st != NULL);
    GK_T_CALL(open_store(&other, f, false, 150));
    GK_T_CALL(gk_store_tx_begin(st));
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    if (gk_store_tx_begin(other) == 0) {
        gk_store_tx_rollback(other);
        gk_store_close(other);
        GK_T_FAIL("a second writer got the lock while the first held it");
    }
    /* Readers are not blocked by the writer. */
    GK_T_CALL(gk_store_verify(other, &v));
    GK_T_INT_EQ(v.events, 0);
    GK_T_CALL(gk_store_tx_commit(st));
    GK_T_CALL(gk_store_agency_add(other, &b, NULL));
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.events, 2);
    GK_T_INT_EQ(v.bad_id, 0);
    gk_store_close(other);
}
CONFORMANCE_FILE(write_lock_at_begin)

/* Two processes append to the chain at the same time: every event is
 * kept, ids have no gaps and the chain verifies (no fork). */
#define WRITERS 2
#define PER_WRITER 30

static void scn_concurrent_writers(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
    gk_store_verify_result v;
    pid_t pids[WRITERS];
    listed l;
    int w, status;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &gov, NULL));
    gk_store_close(st);
    f->st = NULL;
    fflush(stdout);
    for (w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        GK_T_OK(pids[w] >= 0);
        if (pids[w] == 0) {
            gk_store *mine = NULL;
            char no[32];
            int i, bad = 0;
            if (open_store(&mine, f, false, 20000) < 0)
                _exit(2);
            for (i = 0; i < PER_WRITER && !bad; i++) {
                gk_case c;
                gk_case_init(&c);
                snprintf(no, sizeof no, "W%d-%02d", w, i);
                c.tracking_no = no;
                c.applicant = w ? "乙" : "甲";
                c.received = day(2025, 6, 2);
                if (gk_store_case_add(mine, &c) < 0) {
                    printf("# writer %d: %s\n", w, gk_error_last()->message);
                    bad = 1;
                }
            }
            gk_store_close(mine);
            fflush(stdout);
            _exit(bad);
        }
    }
    for (w = 0; w < WRITERS; w++) {
        GK_T_INT_EQ(waitpid(pids[w], &status, 0), pids[w]);
        GK_T_OK(WIFEXITED(status));
        GK_T_INT_EQ(WEXITSTATUS(status), 0);
    }
    GK_T_CALL(open_store(&f->st, f, false, 0));
    GK_T_CALL(gk_store_verify(f->st, &v));
    GK_T_INT_EQ(v.bad_id, 0);
    GK_T_INT_EQ(v.events, 1 + WRITERS * PER_WRITER);
    memset(&l, 0, sizeof l);
    {
        gk_case_query q = GK_CASE_QUERY_INIT;
        GK_T_CALL(gk_store_case_foreach(f->st, &q, list_one, &l));
    }
    GK_T_INT_EQ(l.n, WRITERS * PER_WRITER);
}
CONFORMANCE_FILE(concurrent_writers)
