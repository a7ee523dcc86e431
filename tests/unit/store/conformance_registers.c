/*
 * conformance_registers.c: store scenarios of tables 2 and 4 from the
 * registers, the year lock with corrections, and fee notices on cases
 * (国办函〔2020〕109号), run on every backend (conformance.h).
 */
#include <stdio.h>
#include <string.h>
#include "conformance.h"
#include "gk/errors.h"

static gk_catalogue_item doc(gk_doc_kind k, gk_date written)
{
    gk_catalogue_item it;

    gk_catalogue_item_init(&it);
    it.title = "某规范性文件";
    it.doc_kind = k;
    it.written = written;
    it.formed = written;
    it.index_prefix = "000014349";
    return it;
}

static gk_review_case rcase(const char *no, gk_t4_group g, gk_date filed, gk_t4_col res,
                            gk_date concluded)
{
    gk_review_case r;

    gk_review_case_init(&r);
    r.case_no = no;
    r.route = g;
    r.filed = filed;
    r.result = res;
    r.concluded = concluded;
    return r;
}

static int add_case(gk_store *st, const char *no, const char *idno, gk_date received)
{
    gk_case c;

    gk_case_init(&c);
    c.tracking_no = no;
    c.applicant = "李四";
    c.applicant_id = idno;
    c.description = "某文件";
    c.channel = GK_CHANNEL_IN_PERSON;
    c.arrival = c.received = received;
    return gk_store_case_add(st, &c);
}

static void scn_tables_2_and_4(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "GOV", "某区人民政府", "", "政府"};
    gk_year_figures fig = {"", 2024, 120, 30, 4, 12345};
    gk_review_case rc[] = {
        rcase("复-1", GK_T4_REVIEW, day(2024, 2, 1), GK_T4_UPHELD, day(2024, 4, 1)),
        rcase("复-2", GK_T4_REVIEW, day(2024, 3, 1), GK_T4_CORRECTED, day(2024, 5, 1)),
        rcase("复-3", GK_T4_REVIEW, day(2024, 11, 1), GK_T4_PENDING, day(0, 0, 0)),
        rcase("复-4", GK_T4_REVIEW, day(2023, 11, 1), GK_T4_OTHER, day(2025, 1, 10)),
        rcase("诉-1", GK_T4_LIT_DIRECT, day(2024, 1, 5), GK_T4_OTHER, day(2024, 9, 1)),
        rcase("诉-2", GK_T4_LIT_AFTER_REVIEW, day(2024, 6, 1), GK_T4_UPHELD, day(2024, 12, 31)),
        rcase("诉-3", GK_T4_LIT_DIRECT, day(2022, 6, 1), GK_T4_UPHELD, day(2023, 12, 31)),
    };
    /* [group][col] expected for 2024 (UNVERIFIED reading, spec §1.5). */
    static const int t4[GK_T4_NGROUPS][GK_T4_NCOLS] = {
        {1, 1, 0, 2, 4}, {0, 0, 1, 0, 1}, {1, 0, 0, 0, 1}};
    /* 规章 ×3, 行政规范性文件 ×3, 许可, 处罚, 强制, 收费 (万元). */
    static const double t2[] = {1, 0, 1, 1, 1, 2, 120, 30, 4, 1.2345};
    char no[GK_INDEX_NO_BUFSZ];
    gk_catalogue_item it;
    gk_year_figures got;
    gk_report *r = NULL;
    bool found = true;
    size_t i;
    int g, c;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    it = doc(GK_DOC_RULE, day(2024, 3, 1));
    GK_T_CALL(gk_store_item_add(st, &it, no));
    it = doc(GK_DOC_NORMATIVE, day(2024, 5, 1));
    GK_T_CALL(gk_store_item_add(st, &it, no));
    it = doc(GK_DOC_NORMATIVE, day(2020, 1, 1)); /* repealed in 2024 */
    it.validity = GK_VALIDITY_REPEALED;
    it.invalid_from = day(2024, 6, 30);
    GK_T_CALL(gk_store_item_add(st, &it, no));
    it = doc(GK_DOC_NORMATIVE, day(2021, 1, 1)); /* expires after 12-31: in force */
    it.validity = GK_VALIDITY_EXPIRED;
    it.invalid_from = day(2025, 1, 31);
    GK_T_CALL(gk_store_item_add(st, &it, no));
    it = doc(GK_DOC_OTHER, day(2024, 5, 1));
    GK_T_CALL(gk_store_item_add(st, &it, no));
    for (i = 0; i < sizeof rc / sizeof *rc; i++)
        GK_T_CALL(gk_store_review_add(st, &rc[i]));
    GK_T_INT_EQ(gk_store_review_add(st, &rc[0]), GK_EEXISTS);

    GK_T_CALL(gk_store_figures_get(st, NULL, 2024, &got, &found));
    GK_T_OK(!found);
    GK_T_CALL(gk_store_figures_set(st, &fig));
    GK_T_CALL(gk_store_figures_get(st, "GOV", 2024, &got, &found));
    GK_T_OK(found);
    GK_T_INT_EQ(got.fee_yuan, 12345);

    GK_T_CALL(gk_store_report_build_full(&r, st, 2024, NULL, &found));
    GK_T_OK(found && r->t2_present && r->t4_present && r->t3_present);
    for (i = 0; i < sizeof t2 / sizeof *t2; i++)
        GK_T_OK(gk_cell_num(&r->t2[i]) > t2[i] - 1e-9 && gk_cell_num(&r->t2[i]) < t2[i] + 1e-9);
    for (g = 0; g < GK_T4_NGROUPS; g++)
        for (c = 0; c < GK_T4_NCOLS; c++)
            GK_T_INT_EQ(gk_cell_num(&r->t4[g][c]), t4[g][c]);
    gk_report_free(r);
    r = NULL;

    /* The pending case concludes in 2025: 2024 still shows it pending. */
    rc[2].result = GK_T4_CORRECTED;
    rc[2].concluded = day(2025, 3, 1);
    GK_T_CALL(gk_store_review_update(st, &rc[2]));
    GK_T_CALL(gk_store_report_build(&r, st, 2025, "GOV"));
    GK_T_INT_EQ(gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_CORRECTED]), 1);
    GK_T_INT_EQ(gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_OTHER]), 1);
    GK_T_INT_EQ(gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL]), 2);
    GK_T_INT_EQ(gk_cell_num(&r->t2[6]), 0); /* no 2025 figures */
    gk_report_free(r);
}
CONFORMANCE_ALL(tables_2_and_4)

typedef struct {
    int corrections, corrected;
} trail;

static int count_events(const gk_store_event *e, void *payload)
{
    trail *t = payload;

    t->corrections += !strcmp(e->entity, "year_lock") && !strcmp(e->action, "correction");
    t->corrected += !strncmp(e->action, "correct:", 8);
    return 0;
}

static void scn_year_lock(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "GOV", "某区人民政府", "", "政府"};
    gk_year_figures fig = {"", 2024, 1, 2, 3, 4};
    gk_review_case rv = rcase("复-1", GK_T4_REVIEW, day(2024, 2, 1), GK_T4_PENDING, day(0, 0, 0));
    gk_catalogue_item it = doc(GK_DOC_RULE, day(2024, 3, 1));
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_store_verify_result v;
    gk_buf locked = GK_BUF_INIT, again = GK_BUF_INIT;
    char no[GK_INDEX_NO_BUFSZ];
    gk_report *r = NULL;
    bool is_locked = false;
    trail t = {0, 0};

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    GK_T_CALL(add_case(st, "2024-1", "110105194912310021", day(2024, 3, 4)));
    GK_T_CALL(add_case(st, "2024-2", "110105194912310021", day(2024, 12, 2)));
    GK_T_CALL(gk_store_review_add(st, &rv));
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_CALL(gk_store_report_lock(st, 2024, NULL));
    GK_T_INT_EQ(gk_store_report_lock(st, 2024, NULL), GK_EEXISTS);
    GK_T_CALL(gk_store_year_locked(st, 2024, "GOV", &is_locked));
    GK_T_OK(is_locked);
    GK_T_CALL(gk_store_year_locked(st, 2025, "GOV", &is_locked));
    GK_T_OK(!is_locked);
    GK_T_CALL(gk_store_report_build(&r, st, 2024, NULL));
    GK_T_CALL(gk_report_to_json(&locked, r));
    gk_report_free(r);
    r = NULL;

    /* Every change that falls in 2024 is refused… */
    GK_T_INT_EQ(add_case(st, "2024-3", "X1", day(2024, 12, 30)), GK_ECONFLICT);
    ev.kind = GK_CASE_EV_ANSWER;
    ev.date = day(2024, 12, 20);
    ev.outcome = GK_T3_R_GRANT;
    GK_T_INT_EQ(gk_store_case_apply(st, "2024-1", &ev), GK_ECONFLICT);
    it = doc(GK_DOC_NORMATIVE, day(2024, 6, 1));
    GK_T_INT_EQ(gk_store_item_add(st, &it, no), GK_ECONFLICT);
    GK_T_INT_EQ(gk_store_figures_set(st, &fig), GK_ECONFLICT);
    rv.result = GK_T4_UPHELD;
    rv.concluded = day(2024, 12, 1);
    GK_T_INT_EQ(gk_store_review_update(st, &rv), GK_ECONFLICT);
    /* … changes of 2025 are not, even on 2024's cases. */
    ev.date = day(2025, 1, 6);
    GK_T_CALL(gk_store_case_apply(st, "2024-1", &ev));
    rv.concluded = day(2025, 2, 1);
    GK_T_CALL(gk_store_review_update(st, &rv));

    /* Corrections are recorded but leave the published report alone. */
    GK_T_CALL(gk_store_set_correction(st, "漏登一件申请"));
    GK_T_CALL(add_case(st, "2024-3", "X1", day(2024, 12, 30)));
    GK_T_CALL(gk_store_figures_set(st, &fig));
    GK_T_CALL(gk_store_set_correction(st, NULL));
    GK_T_INT_EQ(add_case(st, "2024-4", "X2", day(2024, 12, 30)), GK_ECONFLICT);
    GK_T_CALL(gk_store_report_build(&r, st, 2024, NULL));
    GK_T_CALL(gk_report_to_json(&again, r));
    GK_T_STR_EQ(gk_buf_cstr(&again), gk_buf_cstr(&locked));
    GK_T_INT_EQ(gk_cell_num(&r->t3[GK_T3_NEW][GK_T3_COL_TOTAL]), 2);
    gk_report_free(r);
    /* 2025 counts the corrected case as carried in. */
    GK_T_CALL(gk_store_report_build(&r, st, 2025, NULL));
    GK_T_INT_EQ(gk_cell_num(&r->t3[GK_T3_CARRIED_IN][GK_T3_COL_TOTAL]), 3);
    gk_report_free(r);
    GK_T_CALL(gk_store_event_foreach(st, count_events, &t));
    GK_T_INT_EQ(t.corrections, 2);
    GK_T_INT_EQ(t.corrected, 2);
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ(v.bad_id, 0);
    if (f->t->raw)
        GK_T_INT_EQ(f->t->raw(f, "DELETE FROM year_locks"), -1);
    gk_buf_release(&locked);
    gk_buf_release(&again);
}
CONFORMANCE_ALL(year_lock)

static int find_id(const gk_case *c, void *payload)
{
    *(int64_t *)payload = c->id;
    return 1;
}

static int64_t case_id(gk_store *st, const char *no)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    int64_t id = 0;

    q.tracking_no = no;
    if (gk_store_case_foreach(st, &q, find_id, &id) < 0)
        return 0;
    return id;
}

static void scn_fee_notice(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, "GOV", "某区人民政府", "", "政府"};
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_case_fee fee;
    bool found = false;
    char no[16];
    int i;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    /* 11 applications of one applicant in March 2025 (one in February,
     * another month), received in this order. */
    GK_T_CALL(add_case(st, "F-0", "110105194912310021", day(2025, 2, 27)));
    for (i = 1; i <= 11; i++) {
        snprintf(no, sizeof no, "F-%d", i);
        GK_T_CALL(add_case(st, no, "110105194912310021", day(2025, 3, i + 2)));
    }
    GK_T_CALL(add_case(st, "P-1", "91110000100000000X", day(2025, 3, 5)));
    for (i = 0; i < 3; i++) {
        const char *c = i == 0 ? "F-5" : i == 1 ? "F-11" : "P-1";
        ev.kind = GK_CASE_EV_ACCEPT;
        ev.date = day(2025, 3, 14);
        GK_T_CALL(gk_store_case_apply(st, c, &ev));
    }
    /* 第四条: the 5th 件 of the month is free, the 11th costs 100 元. */
    ev.kind = GK_CASE_EV_FEE_NOTICE;
    ev.date = day(2025, 3, 20);
    ev.fee_calc = GK_CASE_FEE_BY_COUNT;
    GK_T_INT_EQ(gk_store_case_apply(st, "F-5", &ev), GK_EINVALID);
    ev.fee_yuan = 200;
    GK_T_INT_EQ(gk_store_case_apply(st, "F-11", &ev), GK_EINVALID);
    ev.fee_yuan = 0;
    GK_T_CALL(gk_store_case_apply(st, "F-11", &ev));
    GK_T_CALL(gk_store_case_fee(st, case_id(st, "F-11"), &fee, &found));
    GK_T_OK(found);
    GK_T_INT_EQ(fee.method, GK_CASE_FEE_BY_COUNT);
    GK_T_INT_EQ(fee.units, 11);
    GK_T_INT_EQ(fee.amount, 100);
    /* 20 working days from the day after 03-20, 清明 04-04 not counted. */
    GK_T_INT_EQ(gk_date_cmp(fee.due, day(2025, 4, 18)), 0);
    /* 第五条: 250 pages → 700 + 2,000 + 2,000 = 4,700 元 (spec §4.3). */
    ev.fee_calc = GK_CASE_FEE_BY_PAGES;
    ev.fee_pages = 250;
    GK_T_CALL(gk_store_case_apply(st, "P-1", &ev));
    GK_T_CALL(gk_store_case_fee(st, case_id(st, "P-1"), &fee, &found));
    GK_T_INT_EQ(fee.amount, 4700);
    /* Abandonment only after the window; payment is recorded. */
    ev = (gk_case_event)GK_CASE_EVENT_INIT;
    ev.kind = GK_CASE_EV_FEE_LAPSED;
    ev.date = day(2025, 4, 18);
    GK_T_INT_EQ(gk_store_case_apply(st, "F-11", &ev), GK_ECONFLICT);
    ev.date = day(2025, 4, 21);
    GK_T_CALL(gk_store_case_apply(st, "F-11", &ev));
    ev.kind = GK_CASE_EV_FEE_PAID;
    ev.date = day(2025, 4, 1);
    GK_T_CALL(gk_store_case_apply(st, "P-1", &ev));
    GK_T_CALL(gk_store_case_fee(st, case_id(st, "P-1"), &fee, &found));
    GK_T_INT_EQ(gk_date_cmp(fee.paid, day(2025, 4, 1)), 0);
    GK_T_CALL(gk_store_case_fee(st, case_id(st, "F-5"), &fee, &found));
    GK_T_OK(!found);
}
CONFORMANCE_ALL(fee_notice)
