/*
 * conformance_catalogue.c: store scenarios of the proactive catalogue,
 * run on every backend (conformance.h): 索引号 numbering, title search with
 * CJK queries of 1, 2 and 3+ characters, and 第二十六条 timeliness.
 */
#include <stdio.h>
#include <string.h>
#include "conformance.h"
#include "gk/calendar.h"
#include "gk/catalogue.h"
#include "gk/errors.h"

#define USCC "11370812004339255B"

static gk_catalogue_item item(const char *title, gk_date formed)
{
    gk_catalogue_item it;

    gk_catalogue_item_init(&it);
    it.title = title;
    it.formed = formed;
    return it;
}

typedef struct {
    int n;
    char last_no[GK_INDEX_NO_BUFSZ];
    char titles[512];
} hits;

static int collect(const gk_catalogue_item *it, void *payload)
{
    hits *h = payload;

    h->n++;
    snprintf(h->last_no, sizeof h->last_no, "%s", it->index_no);
    if (strlen(h->titles) + strlen(it->title) + 2 < sizeof h->titles) {
        strcat(h->titles, it->title);
        strcat(h->titles, "|");
    }
    return 0;
}

static void scn_catalogue_numbering(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, USCC, "某区人民政府办公室", "", "政府"};
    gk_agency b = {0, "BGS", "某局", USCC, "部门"};
    gk_catalogue_item it = item("关于印发某某办法的通知", day(2024, 3, 1));
    gk_item_query q = GK_ITEM_QUERY_INIT;
    char no[GK_INDEX_NO_BUFSZ];
    hits h;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    GK_T_CALL(gk_store_agency_add(st, &b, NULL));
    it.agency = USCC;
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_STR_EQ(no, USCC "/2024-00001");
    GK_T_STR_EQ(it.index_no, no);
    it.index_no = "";
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_STR_EQ(no, USCC "/2024-00002");
    /* A given number is kept; generation continues after the highest. */
    it.index_no = USCC "/2024-00010";
    GK_T_CALL(gk_store_item_add(st, &it, no));
    it.index_no = "";
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_STR_EQ(no, USCC "/2024-00011");
    /* A new year starts at 1; the year is the publication year. */
    it.index_no = "";
    it.published = day(2025, 1, 6);
    it.formed = day(2024, 12, 30);
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_STR_EQ(no, USCC "/2025-00001");
    /* Numbers are unique and validated (spec §6.3 regexes). */
    it.index_no = USCC "/2024-00010";
    GK_T_INT_EQ(gk_store_item_add(st, &it, no), GK_EEXISTS);
    it.index_no = "ABC/2024-1";
    GK_T_INT_EQ(gk_store_item_add(st, &it, no), GK_EINVALID);
    /* A short agency code cannot be a 前段码 unless one is given. */
    it.index_no = "";
    it.agency = "BGS";
    GK_T_INT_EQ(gk_store_item_add(st, &it, no), GK_EINVALID);
    it.index_prefix = "00001434-9";
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_STR_EQ(no, "00001434-9/2025-00001");

    /* Abolishing keeps the number; the number and agency never change. */
    it.agency = "";
    it.index_no = "";
    it.index_prefix = "";
    it.id = 1;
    it.validity = GK_VALIDITY_REPEALED;
    it.invalid_from = day(2025, 6, 30);
    it.published = day(2024, 3, 5);
    it.formed = day(2024, 3, 1);
    GK_T_CALL(gk_store_item_update(st, &it));
    it.index_no = USCC "/2024-00099";
    GK_T_INT_EQ(gk_store_item_update(st, &it), GK_ECONFLICT);
    memset(&h, 0, sizeof h);
    q.id = 1;
    GK_T_CALL(gk_store_item_foreach(st, &q, collect, &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_STR_EQ(h.last_no, USCC "/2024-00001");
    /* Deleting behind the store's back is refused by the database. */
    if (f->t->raw)
        GK_T_INT_EQ(f->t->raw(f, "DELETE FROM items WHERE id = 1"), -1);
    it = item("再一件", day(2024, 5, 1));
    it.agency = USCC;
    GK_T_CALL(gk_store_item_add(st, &it, no));
    GK_T_STR_EQ(no, USCC "/2024-00012");
}
CONFORMANCE_ALL(catalogue_numbering)

static int search(gk_store *st, const char *text, hits *h)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;

    memset(h, 0, sizeof *h);
    q.title = text;
    return gk_store_item_foreach(st, &q, collect, h);
}

static void scn_catalogue_title_search(fixture *f)
{
    static const char *const titles[] = {
        "某区2024年政府信息公开工作年度报告", "关于推进政务公开标准化的通知", "公开",
        "Road Safety Plan 2025", "折扣率 100% 的说明", "某某局机构职能"};
    gk_store *st = fresh(f);
    gk_agency a = {0, USCC, "某区人民政府", "", "政府"};
    char no[GK_INDEX_NO_BUFSZ];
    size_t i;
    hits h;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    for (i = 0; i < sizeof titles / sizeof *titles; i++) {
        gk_catalogue_item it = item(titles[i], day(2024, 4, 1));
        GK_T_CALL(gk_store_item_add(st, &it, no));
    }
    /* 1 and 2 CJK characters: below the trigram minimum (stack.md T1). */
    GK_T_CALL(search(st, "公", &h));
    GK_T_INT_EQ(h.n, 3);
    GK_T_CALL(search(st, "公开", &h));
    GK_T_INT_EQ(h.n, 3);
    GK_T_CALL(search(st, "职能", &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_STR_EQ(h.titles, "某某局机构职能|");
    /* 3 and more characters. */
    GK_T_CALL(search(st, "机构职", &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_CALL(search(st, "信息公开工作", &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_STR_EQ(h.titles, "某区2024年政府信息公开工作年度报告|");
    GK_T_CALL(search(st, "政务公开", &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_CALL(search(st, "不存在的标题", &h));
    GK_T_INT_EQ(h.n, 0);
    /* Latin letters ignore case; query syntax is literal text. */
    GK_T_CALL(search(st, "road safety", &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_CALL(search(st, "100%", &h));
    GK_T_INT_EQ(h.n, 1);
    GK_T_CALL(search(st, "\"公开 OR", &h));
    GK_T_INT_EQ(h.n, 0);
    GK_T_CALL(search(st, "_", &h));
    GK_T_INT_EQ(h.n, 0);
    /* The index follows title changes. */
    {
        gk_catalogue_item it = item("某某局内设机构和职责", day(2024, 4, 1));
        it.id = 6;
        GK_T_CALL(gk_store_item_update(st, &it));
    }
    GK_T_CALL(search(st, "机构职", &h));
    GK_T_INT_EQ(h.n, 0);
    GK_T_CALL(search(st, "内设机构", &h));
    GK_T_INT_EQ(h.n, 1);
}
CONFORMANCE_ALL(catalogue_title_search)

static void scn_catalogue_timeliness(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, USCC, "某区人民政府", "", "政府"};
    gk_calendar *cal = NULL;
    gk_timeliness_stats s;
    char no[GK_INDEX_NO_BUFSZ];
    /* Formed 2025-01-02: 20 working days end on 2025-02-06 (01-26 is a
     * make-up workday, 01-28..02-04 春节); with a 5-day special period
     * on 2025-01-09. */
    const struct {
        gk_date formed, published;
        int due_days;
    } items[] = {
        {{2025, 1, 2}, {2025, 2, 6}, 0},  /* on time, on the due day */
        {{2025, 1, 2}, {2025, 2, 7}, 0},  /* late */
        {{2025, 1, 2}, {0, 0, 0}, 0},     /* overdue on 2025-02-10 */
        {{2025, 1, 2}, {2025, 1, 10}, 5}, /* late under its special period */
        {{2025, 1, 27}, {0, 0, 0}, 0},    /* still within the period */
        {{2024, 1, 2}, {2024, 5, 1}, 0},  /* another year */
    };
    size_t i;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_calendar_new_default(&cal));
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    for (i = 0; i < sizeof items / sizeof *items; i++) {
        gk_catalogue_item it = item("某信息", items[i].formed);
        gk_date due;
        it.published = items[i].published;
        it.due_days = items[i].due_days;
        it.due_basis = it.due_days ? "某法第十条" : "";
        GK_T_CALL(gk_store_item_add(st, &it, no));
        GK_T_CALL(gk_catalogue_timeliness(&due, NULL, &it, cal, day(2025, 2, 10)));
        if (i == 0)
            GK_T_INT_EQ(gk_date_cmp(due, day(2025, 2, 6)), 0);
        if (i == 3)
            GK_T_INT_EQ(gk_date_cmp(due, day(2025, 1, 9)), 0);
    }
    GK_T_CALL(gk_store_item_timeliness(st, USCC, 2025, cal, day(2025, 2, 10), &s));
    GK_T_INT_EQ(s.items, 5);
    GK_T_INT_EQ(s.on_time, 1);
    GK_T_INT_EQ(s.late, 2);
    GK_T_INT_EQ(s.overdue, 1);
    GK_T_INT_EQ(s.pending, 1);
    GK_T_OK(s.rate > 0.2499 && s.rate < 0.2501);
    GK_T_CALL(gk_store_item_timeliness(st, NULL, 2024, cal, day(2025, 2, 10), &s));
    GK_T_INT_EQ(s.items, 1);
    GK_T_INT_EQ(s.on_time, 0);
    GK_T_INT_EQ(s.late, 1);
    gk_calendar_free(cal);
}
CONFORMANCE_ALL(catalogue_timeliness)
