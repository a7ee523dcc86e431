/*
 * catalogue_paging.c: the public catalogue's pages over the loopback, now
 * that the store filters, counts and slices (page_catalogue.c): 45 public
 * items of two 第二十条 categories, 20 a page, prev/next, counts of every
 * category beside a category filter, a page past the end, the bounded
 * 1-2 character search flagged, and SQL in q taken as text.
 */
#include "gk/catalogue.h"
#include "reg_fixture.h"

#define NPUB 45

/* NPUB published items ("…预算公开第N号", category 7 for even N, 1 for
 * odd), and one unpublished that must never count. */
static int seed(rf_env *e)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    char title[128], no[GK_INDEX_NO_BUFSZ];
    int i, error = gk_store_open(&st, e->t.db, &o);

    for (i = 0; error == 0 && i <= NPUB; i++) {
        gk_catalogue_item it;
        gk_catalogue_item_init(&it);
        it.agency = "BUR1";
        it.index_prefix = "QJYJ0001-3";
        snprintf(title, sizeof title, "某区教育局预算公开第%d号", i);
        it.title = title;
        it.art20_item = i % 2 ? 1 : 7;
        error = gk_date_parse(&it.formed, "2025-03-03", 10);
        if (error == 0 && i < NPUB)
            error = gk_date_parse(&it.published, "2025-03-20", 10);
        if (error == 0)
            error = gk_store_item_add(st, &it, no);
    }
    gk_store_close(st);
    return error;
}

/* GET path as JSON (NULL on failure; caller decrefs). */
static json_t *get_json(rf_env *e, const char *path)
{
    gk_http_resp r;
    json_t *j = NULL;

    if (rf_get(e, &r, path) < 0)
        return NULL;
    if (r.status == 200)
        j = json_loads(ht_body(&r), 0, NULL);
    gk_http__resp_release(&r);
    return j;
}

static int64_t num(const json_t *j, const char *key)
{
    const json_t *v = json_object_get(j, key);

    return v ? json_integer_value(v) : -1;
}

/* The count shown for category cat, -1 when it is not listed. */
static int64_t cat_count(const json_t *j, int cat)
{
    const json_t *c;
    size_t i;

    json_array_foreach(json_object_get(j, "categories"), i, c) {
        if (num(c, "cat") == cat)
            return num(c, "count");
    }
    return -1;
}

#define Q_LONG "%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80" /* 预算公开 */
#define Q_SHORT "%E9%A2%84%E7%AE%97"                  /* 预算 */

GK_TEST(http_catalogue_paging, pages_counts_and_bounds)
{
    rf_env e;
    json_t *j;
    int64_t seen[NPUB], last = 0;
    int page, n = 0;
    size_t i;
    const json_t *it;
    char path[160];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e));
    /* Three pages of 20, 20 and 5, in id order, every item once. */
    for (page = 1; page <= 3; page++) {
        snprintf(path, sizeof path, "/api/v1/catalogue?q=%s&page=%d", Q_LONG, page);
        j = get_json(&e, path);
        GK_T_OK(j != NULL);
        GK_T_INT_EQ(num(j, "total"), NPUB);
        GK_T_INT_EQ((int64_t)json_array_size(json_object_get(j, "items")), page < 3 ? 20 : 5);
        GK_T_INT_EQ(num(j, "prev"), page > 1 ? page - 1 : -1);
        GK_T_INT_EQ(num(j, "next"), page < 3 ? page + 1 : -1);
        GK_T_OK(json_object_get(j, "short_window") == NULL);
        json_array_foreach(json_object_get(j, "items"), i, it) {
            GK_T_OK(num(it, "id") > last && n < NPUB);
            last = seen[n++] = num(it, "id");
        }
        json_decref(j);
    }
    GK_T_INT_EQ(n, NPUB);
    GK_T_OK(seen[0] < seen[NPUB - 1]);
    /* Past the end: no rows, the same total. */
    j = get_json(&e, "/api/v1/catalogue?q=" Q_LONG "&page=4");
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), NPUB);
    GK_T_INT_EQ((int64_t)json_array_size(json_object_get(j, "items")), 0);
    json_decref(j);
    /* A category: its total; the counts are still every category's. */
    j = get_json(&e, "/api/v1/catalogue?q=" Q_LONG "&cat=7");
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), (NPUB + 1) / 2);
    GK_T_INT_EQ(cat_count(j, 7), (NPUB + 1) / 2);
    GK_T_INT_EQ(cat_count(j, 1), NPUB / 2);
    json_array_foreach(json_object_get(j, "items"), i, it)
        GK_T_INT_EQ(num(it, "cat"), 7);
    json_decref(j);
    /* Browsing without q pages the same way. */
    j = get_json(&e, "/api/v1/catalogue?page=2");
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), NPUB);
    GK_T_INT_EQ(num(json_array_get(json_object_get(j, "items"), 0), "id"), seen[20]);
    json_decref(j);
    /* Two characters: the same items, through the bounded scan, said so. */
    j = get_json(&e, "/api/v1/catalogue?q=" Q_SHORT "&page=3");
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), NPUB);
    GK_T_INT_EQ(num(json_array_get(json_object_get(j, "items"), 0), "id"), seen[40]);
    GK_T_OK(num(j, "short_window") > 0);
    json_decref(j);
    /* SQL in q is text: nothing found, nothing changed. */
    j = get_json(&e, "/api/v1/catalogue?q=%E9%A2%84%E7%AE%97%27%3B%20DROP%20TABLE%20items%3B%20--");
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), 0);
    json_decref(j);
    j = get_json(&e, "/api/v1/catalogue?q=%25");
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), 0);
    json_decref(j);
    j = get_json(&e, "/api/v1/catalogue?q=" Q_LONG);
    GK_T_OK(j != NULL);
    GK_T_INT_EQ(num(j, "total"), NPUB);
    json_decref(j);
    rf_free(&e);
}
