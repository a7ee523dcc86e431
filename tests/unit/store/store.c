/*
 * store.c: the store through gk_store_* only (conventions C5), on a
 * temporary SQLite file: DSN selection, migrations and the schema check,
 * the agency tree, cases and their transitions, the audit chain (and that
 * a hand edit of an event breaks it), and the ledger import's line-numbered
 * errors and all-or-nothing rule.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"
#include "gk/errors.h"
#include "gk/report.h"
#include "gk/store.h"

/* A fresh database path in a temporary directory (static slot). */
static const char *temp_db(void)
{
    static char path[256];
    char dir[] = "/tmp/gk-store-XXXXXX";

    if (!mkdtemp(dir))
        return NULL;
    snprintf(path, sizeof path, "%s/test.db", dir);
    return path;
}

static gk_store *fresh_store(const char *path, const char *agencies)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    int from = -1, to = -1;

    o.no_schema_check = true;
    o.actor = "tester";
    if (gk_store_open(&st, path, &o) < 0 || gk_store_migrate(st, &from, &to) < 0)
        return NULL;
    if (agencies) {
        gk_agency gov = {0, "GOV", "某市人民政府", "", "政府"};
        gk_agency dept = {0, "EDU", "某市教育局", "GOV", "部门"};
        if (gk_store_agency_add(st, &gov, NULL) < 0)
            return NULL;
        if (!strcmp(agencies, "two") && gk_store_agency_add(st, &dept, NULL) < 0)
            return NULL;
    }
    return st;
}

GK_TEST(store_sqlite, dsn_selection_and_schema_check)
{
    const char *path = temp_db();
    gk_store *st = NULL;
    char dsn[300];
    int cur = 0, target = 0;

    /* Port 1: nothing listens there, whether or not the backend is built
     * (tests/unit/store/pg.c and conformance.c cover the built one). */
    GK_T_INT_EQ(gk_store_open(&st, "postgresql://localhost:1/gk", NULL), GK_EBACKEND);
#ifndef GK_WITH_PG
    GK_T_OK(strstr(gk_error_last()->message, "PostgreSQL backend not built") != NULL);
#endif
    /* Without init the file is not even created. */
    GK_T_OK(gk_store_open(&st, path, NULL) < 0);
    GK_T_OK(access(path, F_OK) != 0);

    st = fresh_store(path, NULL);
    GK_T_OK(st != NULL);
    GK_T_STR_EQ(gk_store_backend_name(st), "sqlite");
    GK_T_CALL(gk_store_schema_version(st, &cur, &target));
    GK_T_INT_EQ(cur, target);
    GK_T_OK(target >= 1);
    gk_store_close(st);
    st = NULL;

    snprintf(dsn, sizeof dsn, "sqlite:%s", path);
    GK_T_CALL(gk_store_open(&st, dsn, NULL));
    gk_store_close(st);
}

static int collect_agencies(const gk_agency *a, void *payload)
{
    gk_buf *b = payload;
    return gk_buf_printf(b, "%s<%s;", a->code, a->parent);
}

GK_TEST(store_sqlite, agency_tree)
{
    gk_store *st = fresh_store(temp_db(), "two");
    gk_agency orphan = {0, "X", "无上级", "NOPE", ""};
    gk_agency dup = {0, "EDU", "重复", "", ""};
    gk_agency street = {0, "ST1", "某街道办事处", "GOV", "街道"};
    gk_buf b = GK_BUF_INIT;

    GK_T_OK(st != NULL);
    GK_T_INT_EQ(gk_store_agency_add(st, &orphan, NULL), GK_ENOTFOUND);
    GK_T_INT_EQ(gk_store_agency_add(st, &dup, NULL), GK_EEXISTS);
    GK_T_CALL(gk_store_agency_add(st, &street, NULL));
    GK_T_CALL(gk_store_agency_foreach(st, collect_agencies, &b));
    GK_T_STR_EQ(gk_buf_cstr(&b), "GOV<;EDU<GOV;ST1<GOV;");
    gk_buf_release(&b);
    gk_store_close(st);
}

typedef struct {
    int n;
    gk_case_state state;
    char code[GK_TRACKING_CODE_LEN + 1];
    int ext_days;
    size_t npauses;
} seen_case;

static int see_case(const gk_case *c, void *payload)
{
    seen_case *s = payload;
    s->n++;
    s->state = c->state;
    s->ext_days = c->ext_days;
    s->npauses = c->npauses;
    memcpy(s->code, c->tracking_code, sizeof s->code);
    return 0;
}

static gk_date day(int y, int m, int d)
{
    gk_date x = {y, m, d};
    return x;
}

GK_TEST(store_sqlite, case_lifecycle_and_chain)
{
    const char *path = temp_db();
    gk_store *st = fresh_store(path, "one");
    gk_store_verify_result v;
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_case_event ev = GK_CASE_EVENT_INIT;
    seen_case seen;
    gk_case c;
    sqlite3 *db = NULL;

    GK_T_OK(st != NULL);
    gk_case_init(&c);
    c.applicant = "张三";
    c.applicant_id = "11010519491231002X";
    c.received = day(2025, 3, 3);
    GK_T_CALL(gk_store_case_add(st, &c));
    GK_T_OK(c.id > 0);
    GK_T_INT_EQ(strlen(c.tracking_code), GK_TRACKING_CODE_LEN);

    ev.kind = GK_CASE_EV_ACCEPT;
    ev.date = day(2025, 3, 4);
    GK_T_CALL(gk_store_case_apply(st, c.tracking_code, &ev));
    ev.kind = GK_CASE_EV_CONSULT_THIRD_PARTY;
    ev.date = day(2025, 3, 5);
    GK_T_CALL(gk_store_case_apply(st, c.tracking_code, &ev));
    /* An illegal transition is refused and writes nothing. */
    ev.kind = GK_CASE_EV_EXTEND;
    ev.days = 10;
    ev.approver = "主任";
    GK_T_INT_EQ(gk_store_case_apply(st, c.tracking_code, &ev), GK_ECONFLICT);
    ev.kind = GK_CASE_EV_CONSULT_DONE;
    ev.date = day(2025, 3, 12);
    GK_T_CALL(gk_store_case_apply(st, c.tracking_code, &ev));
    ev.kind = GK_CASE_EV_EXTEND;
    GK_T_CALL(gk_store_case_apply(st, c.tracking_code, &ev));
    GK_T_INT_EQ(gk_store_case_apply(st, "NO-SUCH-CODE", &ev), GK_ENOTFOUND);

    memset(&seen, 0, sizeof seen);
    q.tracking_code = c.tracking_code;
    GK_T_CALL(gk_store_case_foreach(st, &q, see_case, &seen));
    GK_T_INT_EQ(seen.n, 1);
    GK_T_INT_EQ(seen.state, GK_CASE_EXTENDED);
    GK_T_INT_EQ(seen.ext_days, 10);
    GK_T_INT_EQ(seen.npauses, 1);

    /* agency + case + 4 transitions = 6 events, chain intact. */
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.events, 6);
    GK_T_INT_EQ(v.bad_id, 0);
    gk_store_close(st);

    /* The database refuses to edit history... */
    GK_T_INT_EQ(sqlite3_open(path, &db), SQLITE_OK);
    GK_T_OK(sqlite3_exec(db, "UPDATE events SET actor = 'x' WHERE id = 3", NULL, NULL, NULL) !=
            SQLITE_OK);
    /* ...and when someone drops the trigger and edits anyway, verify
     * names the first broken event. */
    GK_T_INT_EQ(sqlite3_exec(db,
                             "DROP TRIGGER events_no_update;"
                             "UPDATE events SET after = replace(after, 'EXTENDED', 'ANSWERED')"
                             " WHERE id = 6;"
                             "UPDATE events SET actor = 'mallory' WHERE id = 4",
                             NULL, NULL, NULL),
                SQLITE_OK);
    sqlite3_close(db);
    GK_T_CALL(gk_store_open(&st, path, NULL));
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.bad_id, 4);
    gk_store_close(st);
}

GK_TEST(store_sqlite, import_reports_every_bad_row)
{
    gk_store *st = fresh_store(temp_db(), "one");
    gk_store_import_result res;
    const char *csv = "received,applicant,tracking_no,applicant_type,channel,concluded,outcome\n"
                      "2024-01-05,甲,A1,自然人,网络,2024-01-20,R_GRANT\n"
                      "2024-13-01,乙,A2,自然人,网络,,\n"
                      "2024-02-01,丙,A3,外星人,网络,,\n"
                      "2024-02-01,丁,A1,自然人,网络,,\n"
                      "2024-02-01,戊,A5,商业企业,飞鸽,2024-01-01,予以公开\n"
                      "\"2024-02-01\",\"己, 庚\",A6,其他,当面,2024-03-01,（一）予以公开\n";
    gk_case_query q = GK_CASE_QUERY_INIT;
    seen_case seen;

    GK_T_OK(st != NULL);
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    GK_T_INT_EQ(gk_store_import_cases(st, csv, strlen(csv), "t.csv", &res), GK_EINVALID);
    GK_T_INT_EQ(res.imported, 0);
    GK_T_INT_EQ(res.bad_rows, 4);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:3: received") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:4: applicant_type") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:5: tracking_no 'A1' 与第 2 行重复") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:6: channel") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "t.csv:6: concluded 2024-01-01 早于") != NULL);
    /* Nothing was written. */
    memset(&seen, 0, sizeof seen);
    GK_T_CALL(gk_store_case_foreach(st, &q, see_case, &seen));
    GK_T_INT_EQ(seen.n, 0);
    gk_buf_release(&res.errors);
    gk_store_close(st);
}

GK_TEST(store_sqlite, import_gb18030_and_existing_numbers)
{
    gk_store *st = fresh_store(temp_db(), "one");
    gk_store_import_result res;
    /* "tracking_no,applicant_type,applicant,channel,received\nG1,自然人,张三,邮寄,2024-05-06\n"
     * in GB18030. */
    const char gb[] = "tracking_no,applicant_type,applicant,channel,received\n"
                      "G1,\xD7\xD4\xC8\xBB\xC8\xCB,\xD5\xC5\xC8\xFD,\xD3\xCA\xBC\xC4,2024-05-06\n";
    gk_case_query q = GK_CASE_QUERY_INIT;
    seen_case seen;

    GK_T_OK(st != NULL);
    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    GK_T_CALL(gk_store_import_cases(st, gb, sizeof gb - 1, "gb.csv", &res));
    GK_T_INT_EQ(res.imported, 1);
    memset(&seen, 0, sizeof seen);
    q.tracking_no = "G1";
    GK_T_CALL(gk_store_case_foreach(st, &q, see_case, &seen));
    GK_T_INT_EQ(seen.n, 1);
    GK_T_INT_EQ(seen.state, GK_CASE_IN_PROGRESS);
    /* The same ledger again: every row collides with the database. */
    GK_T_INT_EQ(gk_store_import_cases(st, gb, sizeof gb - 1, "gb.csv", &res), GK_EINVALID);
    GK_T_OK(strstr(gk_buf_cstr(&res.errors), "gb.csv:2: 机关 'GOV' 已有登记号为 'G1'") != NULL);
    gk_buf_release(&res.errors);
    gk_store_close(st);
}
