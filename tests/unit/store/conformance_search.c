/*
 * conformance_search.c: the public catalogue's search on every backend
 * (conformance.h): a title search of 1, 2, 3 and 4+ CJK characters returns
 * exactly the items a plain scan of the titles finds (the trigram index of
 * SQLite FTS5 / pg_trgm for 3+, the bounded scan for 1-2: docs/stack.md
 * T1/T2), with the publication filter, the counts by 第二十条 item, paging
 * by limit and offset, the short search's window of the newest items, and
 * query text that is SQL, FTS5 or LIKE syntax taken literally.
 */
#include <stdio.h>
#include <string.h>
#include "conformance.h"
#include "gk/catalogue.h"
#include "gk/errors.h"

#define USCC "11370812004339255B"
#define NITEMS 64
#define TODAY_Y 2025

/* A sentence the titles are cut from, so queries hit in many places. */
static const char *const pool[] = {"政", "府", "信", "息", "公", "开", "工", "作", "年", "度",
                                   "报", "告", "关", "于", "预", "算", "部", "门", "通", "知"};
#define NPOOL ((unsigned)(sizeof pool / sizeof *pool))

/* Titles that are SQL, FTS5 or LIKE syntax (matched literally). */
static const char *const odd_titles[] = {
    "'); DROP TABLE items; --", "\"公开 OR 政府\"", "折扣 100% 的_说明", "NEAR(政府 公开) 条*",
};
#define NODD ((int)(sizeof odd_titles / sizeof *odd_titles))

typedef struct {
    int64_t id;
    char title[128];
    int art20;
    gk_date published; /* y 0: not published */
} row;

typedef struct {
    row rows[NITEMS + 8];
    int n;
} table;

static int keep_row(const gk_catalogue_item *it, void *payload)
{
    table *t = payload;
    row *r;

    if (t->n >= (int)(sizeof t->rows / sizeof *t->rows))
        return -1;
    r = &t->rows[t->n++];
    r->id = it->id;
    snprintf(r->title, sizeof r->title, "%s", it->title);
    r->art20 = it->art20_item;
    r->published = it->published;
    return 0;
}

typedef struct {
    char ids[1024];
} id_list;

static int keep_id(const gk_catalogue_item *it, void *payload)
{
    id_list *l = payload;
    size_t n = strlen(l->ids);

    snprintf(l->ids + n, sizeof l->ids - n, "%lld,", (long long)it->id);
    return 0;
}

/* Deterministic titles of 1..12 characters from the pool. */
static void make_title(char *out, size_t size, unsigned i)
{
    unsigned len = 1 + (i * 7u) % 12u, start = (i * 13u) % NPOOL, k;

    out[0] = '\0';
    for (k = 0; k < len; k++)
        snprintf(out + strlen(out), size - strlen(out), "%s", pool[(start + k * (i % 3u + 1u)) % NPOOL]);
}

/* f->st with the agency and the items (f->st NULL on a failed setup). */
static void fill(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, USCC, "某区人民政府", "", "政府"};
    char no[GK_INDEX_NO_BUFSZ], title[128];
    int i;

    if (!st)
        return;
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    for (i = 0; i < NITEMS + NODD; i++) {
        gk_catalogue_item it;

        gk_catalogue_item_init(&it);
        if (i < NITEMS)
            make_title(title, sizeof title, (unsigned)i);
        else
            snprintf(title, sizeof title, "%s", odd_titles[i - NITEMS]);
        it.title = title;
        it.agency = USCC;
        it.art20_item = i % 5 == 0 ? 0 : 1 + i % 15;
        it.formed = day(2024, 1 + i % 12, 1);
        /* Every 7th unpublished, every 9th published after "today"; the
         * syntax titles are public. */
        if (i % 7 != 3 || i >= NITEMS)
            it.published = i % 9 == 4 && i < NITEMS ? day(TODAY_Y + 1, 1, 5) : day(2024, 1 + i % 12, 2);
        GK_T_CALL(gk_store_item_add(st, &it, no));
    }
}

static gk_date today(void)
{
    return day(TODAY_Y, 6, 30);
}

static bool public_row(const row *r)
{
    return r->published.y && gk_date_cmp(r->published, today()) <= 0;
}

/* The plain scan: public items whose title holds q, of category cat (-1
 * any), with id above min_id; ids into l, counts by category. */
static void scan(const table *t, const char *q, int cat, int64_t min_id, id_list *l,
                 int64_t counts[GK_ART20_SLOTS])
{
    int i;

    memset(l, 0, sizeof *l);
    if (counts)
        memset(counts, 0, GK_ART20_SLOTS * sizeof *counts);
    for (i = 0; i < t->n; i++) {
        const row *r = &t->rows[i];
        if (!public_row(r) || r->id <= min_id || !strstr(r->title, q))
            continue;
        if (counts)
            counts[r->art20]++;
        if (cat < 0 || r->art20 == cat)
            snprintf(l->ids + strlen(l->ids), sizeof l->ids - strlen(l->ids), "%lld,",
                     (long long)r->id);
    }
}

static gk_item_query public_query(const char *q)
{
    gk_item_query iq = GK_ITEM_QUERY_INIT;

    iq.title = q;
    iq.published_by = today();
    return iq;
}

static void check_query(gk_store *st, const table *t, const char *q)
{
    gk_item_query iq = public_query(q);
    int64_t want_counts[GK_ART20_SLOTS], got_counts[GK_ART20_SLOTS];
    id_list want, got;
    int c;

    scan(t, q, -1, 0, &want, want_counts);
    memset(&got, 0, sizeof got);
    GK_T_CALL(gk_store_item_foreach(st, &iq, keep_id, &got));
    GK_T_STR_EQ(got.ids, want.ids);
    GK_T_CALL(gk_store_item_count(st, &iq, got_counts));
    for (c = 0; c < GK_ART20_SLOTS; c++)
        GK_T_INT_EQ(got_counts[c], want_counts[c]);
    /* One category at a time. */
    for (c = 0; c < GK_ART20_SLOTS; c += 4) {
        scan(t, q, c, 0, &want, NULL);
        memset(&got, 0, sizeof got);
        iq.art20 = c;
        GK_T_CALL(gk_store_item_foreach(st, &iq, keep_id, &got));
        GK_T_STR_EQ(got.ids, want.ids);
    }
}

static void scn_catalogue_search_as_scan(fixture *f)
{
    /* 1, 2, 3 and 4+ characters; hits in many titles, in one, in none. */
    static const char *const queries[] = {
        "公", "门", "政府", "公开", "知政", "信息公", "年度报", "政府信息公开", "预算部门通知",
        "报告关于预算", "不存在", "府信", "x",
        /* syntax, literally */
        "'); DROP TABLE items; --", "\"公开 OR", "公开 OR 政府", "%", "_", "100%", "的_说",
        "NEAR(政府", "条*", "*", "\"", "'", "--",
    };
    gk_store *st;
    gk_item_query all = GK_ITEM_QUERY_INIT;
    table t;
    size_t i;

    fill(f);
    st = f->st;
    GK_T_OK(st != NULL);
    memset(&t, 0, sizeof t);
    GK_T_CALL(gk_store_item_foreach(st, &all, keep_row, &t));
    GK_T_INT_EQ(t.n, NITEMS + NODD);
    for (i = 0; i < sizeof queries / sizeof *queries; i++)
        check_query(st, &t, queries[i]);
    /* The syntax titles are found by themselves only. */
    for (i = 0; i < (size_t)NODD; i++) {
        gk_item_query iq = public_query(odd_titles[i]);
        id_list got;
        memset(&got, 0, sizeof got);
        GK_T_CALL(gk_store_item_foreach(st, &iq, keep_id, &got));
        GK_T_OK(strchr(got.ids, ',') == got.ids + strlen(got.ids) - 1);
    }
    /* Nothing was dropped or changed by a query. */
    memset(&t, 0, sizeof t);
    GK_T_CALL(gk_store_item_foreach(st, &all, keep_row, &t));
    GK_T_INT_EQ(t.n, NITEMS + NODD);
}
CONFORMANCE_ALL(catalogue_search_as_scan)

/* A capped count counts the first cap matches in id order. */
static void check_capped_count(gk_store *st, const table *t, const char *q, int64_t cap)
{
    gk_item_query iq = public_query(q);
    int64_t want[GK_ART20_SLOTS], got[GK_ART20_SLOTS], n = 0;
    int i, c;

    memset(want, 0, sizeof want);
    for (i = 0; i < t->n && n < cap; i++) {
        const row *r = &t->rows[i];
        if (public_row(r) && strstr(r->title, q ? q : "")) {
            want[r->art20]++;
            n++;
        }
    }
    iq.limit = cap;
    GK_T_CALL(gk_store_item_count(st, &iq, got));
    for (c = 0; c < GK_ART20_SLOTS; c++)
        GK_T_INT_EQ(got[c], want[c]);
}

/* Pages of any size, from any offset, put together are the whole list;
 * the counts ignore the slice, and stop at a cap. */
static void scn_catalogue_search_paging(fixture *f)
{
    static const char *const queries[] = {NULL, "公", "政府", "信息公开"};
    gk_store *st;
    table t;
    gk_item_query all = GK_ITEM_QUERY_INIT;
    size_t i;

    fill(f);
    st = f->st;
    GK_T_OK(st != NULL);
    memset(&t, 0, sizeof t);
    GK_T_CALL(gk_store_item_foreach(st, &all, keep_row, &t));
    for (i = 0; i < sizeof queries / sizeof *queries; i++) {
        int64_t size;
        id_list want;
        scan(&t, queries[i] ? queries[i] : "", -1, 0, &want, NULL);
        for (size = 1; size <= 7; size += 3) {
            gk_item_query iq = public_query(queries[i]);
            id_list got;
            int pages = 0;
            memset(&got, 0, sizeof got);
            iq.limit = size;
            for (iq.offset = 0; iq.offset < NITEMS + NODD + size; iq.offset += size) {
                size_t before = strlen(got.ids);
                GK_T_CALL(gk_store_item_foreach(st, &iq, keep_id, &got));
                if (strlen(got.ids) > before)
                    pages++;
            }
            GK_T_STR_EQ(got.ids, want.ids);
            GK_T_OK(pages > 0 || want.ids[0] == '\0');
            check_capped_count(st, &t, queries[i], size);
        }
    }
}
CONFORMANCE_ALL(catalogue_search_paging)

/* A 1-2 character search with a window looks at the newest items only:
 * the scan with the same bound, never an older item; 3+ characters use
 * the index and ignore the window. */
static void scn_catalogue_search_short_window(fixture *f)
{
    gk_store *st;
    table t;
    gk_item_query all = GK_ITEM_QUERY_INIT;
    int64_t max_id = 0, counts[GK_ART20_SLOTS];
    id_list want, got;
    gk_item_query iq = public_query("公");
    int i;

    fill(f);
    st = f->st;
    GK_T_OK(st != NULL);
    memset(&t, 0, sizeof t);
    GK_T_CALL(gk_store_item_foreach(st, &all, keep_row, &t));
    for (i = 0; i < t.n; i++)
        max_id = t.rows[i].id > max_id ? t.rows[i].id : max_id;
    iq.short_window = 20;
    scan(&t, "公", -1, max_id - 20, &want, NULL);
    memset(&got, 0, sizeof got);
    GK_T_CALL(gk_store_item_foreach(st, &iq, keep_id, &got));
    GK_T_STR_EQ(got.ids, want.ids);
    GK_T_CALL(gk_store_item_count(st, &iq, counts));
    {
        int64_t sum = 0;
        const char *p;
        int c, n = 0;
        for (c = 0; c < GK_ART20_SLOTS; c++)
            sum += counts[c];
        for (p = want.ids; *p; p++)
            n += *p == ',';
        GK_T_INT_EQ(sum, n);
    }
    iq = public_query("信息公开");
    iq.short_window = 20;
    scan(&t, "信息公开", -1, 0, &want, NULL);
    memset(&got, 0, sizeof got);
    GK_T_CALL(gk_store_item_foreach(st, &iq, keep_id, &got));
    GK_T_STR_EQ(got.ids, want.ids);
}
CONFORMANCE_ALL(catalogue_search_short_window)
