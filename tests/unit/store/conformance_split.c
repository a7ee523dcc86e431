/*
 * conformance_split.c: store scenarios of issue 4 item 3 on every backend
 * (conformance.h): 一事一申请 split (国办函〔2020〕109号第四条; table 3 and
 * the 按件 count take the children, never the parent), decisions mapped to
 * table-3 rows through a replaceable map (spec §1.4), and fee notices whose
 * payment window reaches a year without holiday data (provisional window,
 * strict abandonment).
 */
#include <stdio.h>
#include <string.h>
#include "conformance.h"
#include "gk/errors.h"

static int add_case(gk_store *st, const char *no, const char *idno, gk_date received)
{
    gk_case c;

    gk_case_init(&c);
    c.tracking_no = no;
    c.applicant = "王五";
    c.applicant_id = idno;
    c.description = "三项信息：预算、决算、三公经费";
    c.channel = GK_CHANNEL_ONLINE;
    c.arrival = c.received = received;
    return gk_store_case_add(st, &c);
}

static int event(gk_store *st, const char *code, gk_case_event_kind k, gk_date d)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;

    ev.kind = k;
    ev.date = d;
    ev.days = 10;
    ev.approver = "办公室主任";
    return gk_store_case_apply(st, code, &ev);
}

static int answer(gk_store *st, const char *code, const char *decision, gk_date d)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;

    ev.kind = GK_CASE_EV_ANSWER;
    ev.date = d;
    ev.decision = decision;
    return gk_store_case_apply(st, code, &ev);
}

typedef struct {
    const char *no;
    gk_case c;
    char no_buf[64];
    int open;
} find_ctx;

static int find_case(const gk_case *c, void *payload)
{
    find_ctx *x = payload;

    if (x->no && strcmp(c->tracking_no, x->no) != 0) {
        x->open++;
        return 0;
    }
    x->c = *c;
    snprintf(x->no_buf, sizeof x->no_buf, "%s", c->tracking_no);
    x->c.tracking_no = x->no_buf;
    x->c.agency = x->c.applicant = x->c.applicant_id = x->c.contact = "";
    x->c.description = x->c.form = x->c.ext_approver = "";
    return 1;
}

static gk_case get_case(gk_store *st, const char *no)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    find_ctx x;

    memset(&x, 0, sizeof x);
    q.tracking_no = no;
    if (gk_store_case_foreach(st, &q, find_case, &x) < 0)
        gk_case_init(&x.c);
    return x.c;
}

static int count_open(const gk_case *c, void *payload)
{
    (void)c;
    (*(int *)payload)++;
    return 0;
}

typedef struct {
    int parents, children;
    char first[64];
} links_ctx;

static int count_links(const gk_case_link *l, void *payload)
{
    links_ctx *x = payload;

    if (l->is_parent)
        x->parents++;
    else if (x->children++ == 0)
        snprintf(x->first, sizeof x->first, "%s", l->tracking_no);
    return 0;
}

typedef struct {
    int splits;
} audit_ctx;

static int count_split_events(const gk_store_event *e, void *payload)
{
    audit_ctx *x = payload;

    if (!strncmp(e->action, "split:", 6) || !strcmp(e->action, "apply:SPLIT"))
        x->splits++;
    return 0;
}

static int64_t t3(const gk_report *r, int row, int col)
{
    return (int64_t)r->t3[row][col].v;
}

static void scn_split(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "GOV", "某区人民政府", "", "政府"};
    static const char *const titles[] = {"2024年部门预算", "2024年部门决算", "2024年三公经费"};
    char codes[3][GK_TRACKING_CODE_LEN + 1];
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_case_fee fee;
    gk_report *r = NULL;
    links_ctx lk;
    audit_ctx au = {0};
    gk_case m, c;
    bool found = false;
    char no[16];
    int i, open = 0;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    /* Nine 件 of one applicant in March 2025, then one application asking
     * for three things, extended before it is split. */
    for (i = 1; i <= 9; i++) {
        snprintf(no, sizeof no, "S-%d", i);
        GK_T_CALL(add_case(st, no, "110105194912310021", day(2025, 3, i + 2)));
    }
    GK_T_CALL(add_case(st, "M", "110105194912310021", day(2025, 3, 20)));
    GK_T_CALL(event(st, "M", GK_CASE_EV_ACCEPT, day(2025, 3, 21)));
    GK_T_CALL(event(st, "M", GK_CASE_EV_EXTEND, day(2025, 4, 10)));
    /* Refused: through the plain event (no children), bad counts, titles. */
    GK_T_INT_EQ(event(st, "M", GK_CASE_EV_SPLIT, day(2025, 4, 11)), GK_EINVALID);
    GK_T_INT_EQ(gk_store_case_split(st, "M", day(2025, 4, 11), 1, NULL, NULL), GK_EINVALID);
    GK_T_INT_EQ(gk_store_case_split(st, "nope", day(2025, 4, 11), 2, NULL, NULL), GK_ENOTFOUND);
    GK_T_CALL(gk_store_case_split(st, "M", day(2025, 4, 11), 3, titles, codes));
    /* Split twice, or after the answer: refused by the state table. */
    GK_T_INT_EQ(gk_store_case_split(st, "M", day(2025, 4, 12), 2, NULL, NULL), GK_ECONFLICT);
    GK_T_CALL(answer(st, "S-1", "grant", day(2025, 4, 1)));
    GK_T_INT_EQ(gk_store_case_split(st, "S-1", day(2025, 4, 12), 2, NULL, NULL), GK_ECONFLICT);

    m = get_case(st, "M");
    GK_T_INT_EQ(m.state, GK_CASE_SPLIT);
    GK_T_INT_EQ(m.outcome, -1);
    c = get_case(st, "M-2");
    GK_T_STR_EQ(c.tracking_no, "M-2");
    /* The children inherit receipt and deadline state, each its own code. */
    GK_T_INT_EQ(gk_date_cmp(c.received, day(2025, 3, 20)), 0);
    GK_T_INT_EQ(c.state, GK_CASE_EXTENDED);
    GK_T_INT_EQ(c.ext_days, 10);
    GK_T_INT_EQ(c.channel, GK_CHANNEL_ONLINE);
    GK_T_STR_EQ(c.tracking_code, codes[1]);
    GK_T_OK(strcmp(codes[0], codes[1]) != 0 && strcmp(codes[1], m.tracking_code) != 0);
    memset(&lk, 0, sizeof lk);
    GK_T_CALL(gk_store_case_links(st, m.id, count_links, &lk));
    GK_T_INT_EQ(lk.parents, 0);
    GK_T_INT_EQ(lk.children, 3);
    GK_T_STR_EQ(lk.first, "M-1");
    memset(&lk, 0, sizeof lk);
    GK_T_CALL(gk_store_case_links(st, c.id, count_links, &lk));
    GK_T_INT_EQ(lk.parents, 1);
    GK_T_INT_EQ(lk.children, 0);
    GK_T_CALL(gk_store_event_foreach(st, count_split_events, &au));
    GK_T_INT_EQ(au.splits, 2 + 3); /* apply:SPLIT, split:into, 3 × split:from */

    /* The open list has the children, not the parent: 8 S-* + 3. */
    q.open_only = true;
    GK_T_CALL(gk_store_case_foreach(st, &q, count_open, &open));
    GK_T_INT_EQ(open, 11);

    /* 按件 (第四条): M-1 is the 10th 件 of the month (free), M-2 the 11th. */
    ev.kind = GK_CASE_EV_FEE_NOTICE;
    ev.date = day(2025, 4, 14);
    ev.fee_calc = GK_CASE_FEE_BY_COUNT;
    GK_T_INT_EQ(gk_store_case_apply(st, "M-1", &ev), GK_EINVALID);
    GK_T_CALL(gk_store_case_apply(st, "M-2", &ev));
    GK_T_CALL(gk_store_case_fee(st, c.id, &fee, &found));
    GK_T_OK(found);
    GK_T_INT_EQ(fee.units, 11);
    GK_T_INT_EQ(fee.amount, 100);

    /* Table 3 counts the children: 9 + 3 new, the parent nowhere. */
    GK_T_CALL(answer(st, "M-1", "grant", day(2025, 4, 20)));
    GK_T_CALL(answer(st, "M-3", "deny-process", day(2025, 4, 21)));
    GK_T_CALL(gk_store_report_build(&r, st, 2025, NULL));
    GK_T_INT_EQ(t3(r, GK_T3_NEW, 0), 12);
    GK_T_INT_EQ(t3(r, GK_T3_R_GRANT, 0), 2);
    GK_T_INT_EQ(t3(r, GK_T3_R_DENY_PROCESS, 0), 1);
    GK_T_INT_EQ(t3(r, GK_T3_R_TOTAL, 0), 3);
    GK_T_INT_EQ(t3(r, GK_T3_CARRIED_OUT, 0), 9);
    gk_report_free(r);
    r = NULL;
    /* The next year carries the 9 open 件 in; the parent is not among them. */
    GK_T_CALL(gk_store_report_build(&r, st, 2026, NULL));
    GK_T_INT_EQ(t3(r, GK_T3_CARRIED_IN, 0), 9);
    gk_report_free(r);
}
CONFORMANCE_ALL(split)

static void scn_decision_map(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "GOV", "某区人民政府", "", "政府"};
    gk_agency b = {0, "JY", "某区教育局", "GOV", "部门"};
    static const char moved[] = "decision,row,agency\n"
                                "grant,R_GRANT\n"
                                "deny-process,R_DENY_PROCESS\n"
                                "na-other-agency,R_NA_NOTHELD\n"
                                "na-other-agency,R_OT_OTHER,JY\n";
    static const char lacking[] = "decision,row\ngrant,R_GRANT\n";
    gk_decision_map *m = NULL;
    gk_buf dec = GK_BUF_INIT;
    gk_report *r = NULL;
    gk_case c;
    bool found = false;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    GK_T_CALL(gk_store_agency_add(st, &b, NULL));
    {
        static const struct {
            const char *agency, *no, *decision;
        } cases[] = {
            {"GOV", "D-1", "grant"},
            {"GOV", "D-2", "na-other-agency"},
            {"JY", "D-3", "na-other-agency"},
            {"JY", "D-4", "deny-process"},
        };
        size_t i;
        for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            gk_case_init(&c);
            c.agency = cases[i].agency;
            c.tracking_no = cases[i].no;
            c.applicant = "赵六";
            c.arrival = c.received = day(2025, 5, 6);
            GK_T_CALL(gk_store_case_add(st, &c));
            GK_T_CALL(answer(st, c.tracking_code, cases[i].decision, day(2025, 5, 20)));
        }
    }
    c = get_case(st, "D-2");
    GK_T_INT_EQ(c.outcome, GK_T3_R_NA_NOTHELD);
    GK_T_CALL(gk_store_case_decision(st, c.id, &dec, &found));
    GK_T_OK(found);
    GK_T_STR_EQ(gk_buf_cstr(&dec), "na-other-agency");

    /* Defaults (spec §1.4): 第三十六条第（五）项 → 本机关不掌握. */
    GK_T_CALL(gk_store_report_build(&r, st, 2025, NULL));
    GK_T_INT_EQ(t3(r, GK_T3_R_NA_NOTHELD, 0), 2);
    GK_T_INT_EQ(t3(r, GK_T3_R_OT_OTHER, 0), 0);
    gk_report_free(r);
    r = NULL;

    /* The education bureau counts it under （六）3.其他: only its 件 move. */
    GK_T_CALL(gk_decision_map_new(&m, moved, strlen(moved), "jy-map.csv"));
    gk_store_set_decision_map(st, m);
    GK_T_CALL(gk_store_report_build(&r, st, 2025, NULL));
    GK_T_INT_EQ(t3(r, GK_T3_R_NA_NOTHELD, 0), 1);
    GK_T_INT_EQ(t3(r, GK_T3_R_OT_OTHER, 0), 1);
    GK_T_INT_EQ(t3(r, GK_T3_R_TOTAL, 0), 4);
    gk_report_free(r);
    r = NULL;
    GK_T_CALL(gk_store_report_build(&r, st, 2025, "JY"));
    GK_T_INT_EQ(t3(r, GK_T3_R_OT_OTHER, 0), 1);
    GK_T_INT_EQ(t3(r, GK_T3_R_NA_NOTHELD, 0), 0);
    gk_report_free(r);
    r = NULL;
    gk_decision_map_free(m);
    m = NULL;

    /* A map without a decision that occurs: a named error, no report. */
    GK_T_CALL(gk_decision_map_new(&m, lacking, strlen(lacking), "short.csv"));
    gk_store_set_decision_map(st, m);
    GK_T_INT_EQ(gk_store_report_build(&r, st, 2025, NULL), GK_EINVALID);
    GK_T_OK(r == NULL);
    GK_T_OK(strstr(gk_error_last()->message, "na-other-agency") != NULL ||
            strstr(gk_error_last()->message, "deny-process") != NULL);
    GK_T_OK(strstr(gk_error_last()->message, "short.csv") != NULL);
    gk_store_set_decision_map(st, NULL);
    gk_decision_map_free(m);
    gk_buf_release(&dec);
}
CONFORMANCE_ALL(decision_map)

/* Calendars with 2025-2026 only (2027 unpublished), and with 2027 too. */
static const char cal_2026[] = "date,kind,name\n2025-01-01,holiday,元旦\n2026-01-01,holiday,元旦\n";
static const char cal_2027[] = "date,kind,name\n2025-01-01,holiday,元旦\n2026-01-01,holiday,元旦\n"
                               "2027-01-01,holiday,元旦\n";

static void scn_fee_year_end(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "GOV", "某区人民政府", "", "政府"};
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_calendar *old = NULL, *full = NULL;
    gk_case_fee fee;
    gk_case c;
    bool found = false;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_calendar_new(&old, cal_2026, strlen(cal_2026), "2026.csv"));
    GK_T_CALL(gk_calendar_new(&full, cal_2027, strlen(cal_2027), "2027.csv"));
    gk_store_set_calendar(st, old);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    GK_T_CALL(add_case(st, "Y-1", "110105194912310021", day(2026, 12, 1)));
    GK_T_CALL(event(st, "Y-1", GK_CASE_EV_ACCEPT, day(2026, 12, 2)));
    /* The notice is given although its window reaches 2027 (spec §4.4): 20
     * working days after Tuesday 12-15, 2027 counted Monday–Friday:
     * 12 in December, then 01-01, 01-04..08, 01-11, 01-12. */
    ev.kind = GK_CASE_EV_FEE_NOTICE;
    ev.date = day(2026, 12, 15);
    ev.fee_calc = GK_CASE_FEE_BY_PAGES;
    ev.fee_pages = 250;
    GK_T_CALL(gk_store_case_apply(st, "Y-1", &ev));
    c = get_case(st, "Y-1");
    GK_T_CALL(gk_store_case_fee(st, c.id, &fee, &found));
    GK_T_OK(found);
    GK_T_OK(fee.provisional);
    GK_T_INT_EQ(fee.prov.from_year, 2027);
    GK_T_INT_EQ(gk_date_cmp(fee.due, day(2027, 1, 12)), 0);
    /* Abandonment stays strict: refused, telling staff to load the year. */
    ev = (gk_case_event)GK_CASE_EVENT_INIT;
    ev.kind = GK_CASE_EV_FEE_LAPSED;
    ev.date = day(2027, 1, 20);
    GK_T_INT_EQ(gk_store_case_apply(st, "Y-1", &ev), GK_ECONFLICT);
    GK_T_OK(strstr(gk_error_last()->message, "--calendar") != NULL);
    GK_T_INT_EQ(get_case(st, "Y-1").state, GK_CASE_SUSPENDED_FEE);
    /* With 2027 loaded (元旦 01-01 a holiday) the window is official and
     * ends a day later, 01-13; the lapse is refused on it, taken after. */
    gk_store_set_calendar(st, full);
    GK_T_CALL(gk_store_case_fee(st, c.id, &fee, &found));
    GK_T_OK(!fee.provisional);
    GK_T_INT_EQ(gk_date_cmp(fee.due, day(2027, 1, 13)), 0);
    ev.date = day(2027, 1, 13);
    GK_T_INT_EQ(gk_store_case_apply(st, "Y-1", &ev), GK_ECONFLICT);
    ev.date = day(2027, 1, 20);
    GK_T_CALL(gk_store_case_apply(st, "Y-1", &ev));
    GK_T_INT_EQ(get_case(st, "Y-1").state, GK_CASE_ABANDONED_NO_FEE);
    gk_store_set_calendar(st, NULL);
    gk_calendar_free(old);
    gk_calendar_free(full);
}
CONFORMANCE_ALL(fee_year_end)
