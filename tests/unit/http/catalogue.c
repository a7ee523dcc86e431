/*
 * catalogue.c: the public catalogue (page_catalogue.c) over the loopback
 * with real registers and a fixed today (2025-06-16): browse by the 第二十条
 * category, Chinese title search (1, 2 and 3+ characters: instr() and the
 * FTS5 trigram index), the item page with 索引号 and validity, and nothing
 * unpublished ever shown.
 */
#include "gk/catalogue.h"
#include "reg_fixture.h"

static int item(gk_store *st, const char *title, int art20, const char *published,
                gk_validity v, const char *invalid_from, int64_t *id)
{
    gk_catalogue_item it;
    char no[GK_INDEX_NO_BUFSZ];
    int error;

    gk_catalogue_item_init(&it);
    it.agency = "BUR1";
    it.index_prefix = "QJYJ0001-3";
    it.title = title;
    it.summary = "内容概述<b>";
    it.doc_no = "某教〔2025〕3号";
    it.art20_item = art20;
    it.validity = v;
    error = gk_date_parse(&it.formed, "2025-03-03", 10);
    if (error == 0 && published)
        error = gk_date_parse(&it.published, published, strlen(published));
    if (error == 0 && invalid_from)
        error = gk_date_parse(&it.invalid_from, invalid_from, strlen(invalid_from));
    if (error == 0)
        error = gk_store_item_add(st, &it, no);
    *id = it.id;
    return error;
}

/* Budget (七), a repealed rule (一), an unpublished plan and one published
 * after today: only the first two are public. */
typedef struct {
    int64_t budget, rule, draft, future;
} items4;

static int seed(rf_env *e, items4 *x)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_store *st = NULL;
    int error = gk_store_open(&st, e->t.db, &o);

    if (error == 0)
        error = item(st, "某区教育局2025年部门预算公开", 7, "2025-03-20", GK_VALIDITY_VALID, NULL,
                     &x->budget);
    if (error == 0)
        error = item(st, "某区教育局关于校外培训机构管理的规定", 1, "2025-03-10",
                     GK_VALIDITY_REPEALED, "2025-05-01", &x->rule);
    if (error == 0)
        error = item(st, "某区教育局2025年招生计划（草稿）", 0, NULL, GK_VALIDITY_VALID, NULL,
                     &x->draft);
    if (error == 0)
        error = item(st, "某区教育局2025年预算调整方案", 7, "2025-07-01", GK_VALIDITY_VALID,
                     NULL, &x->future);
    gk_store_close(st);
    return error;
}

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

static int64_t total_of(rf_env *e, const char *path)
{
    gk_http_resp r;
    json_t *j;
    int64_t n = -1;

    if (rf_get(e, &r, path) < 0)
        return -2;
    j = json_loads(ht_body(&r), 0, NULL);
    if (r.status == 200 && j)
        n = json_integer_value(json_object_get(j, "total"));
    json_decref(j);
    gk_http__resp_release(&r);
    return n;
}

GK_TEST(http_catalogue, browse_and_search)
{
    rf_env e;
    items4 x;
    gk_http_resp r;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &x));
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue"), 2);
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?cat=7"), 1);
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?cat=1"), 1);
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?cat=12"), 0);
    /* Search: 1 and 2 characters (instr), 3+ (trigram), no match. */
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%E7%AE%97"), 1);             /* 算 */
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%E9%A2%84%E7%AE%97"), 1);    /* 预算 */
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%E6%95%99%E8%82%B2%E5%B1%80"), 2); /* 教育局 */
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%E6%8B%9B%E7%94%9F"), 0);    /* 招生: unpublished */
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%E6%95%99%E8%82%B2%E5%B1%80&cat=1"), 1);
    /* SQL and FTS syntax are only text. */
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%27%20OR%201%3D1%20--"), 0);
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?q=%22a%22%20OR%20*"), 0);
    GK_T_INT_EQ(total_of(&e, "/api/v1/catalogue?cat=99"), -1);
    GK_T_CALL(rf_get(&e, &r, "/catalogue?q=%E9%A2%84%E7%AE%97"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "某区教育局2025年部门预算公开") && !has(&r, "预算调整方案"));
    GK_T_OK(has(&r, "QJYJ0001-3/2025-0000") && has(&r, "（七）财政预算、决算（1）"));
    GK_T_OK(has(&r, "value=\"预算\""));
    gk_http__resp_release(&r);
    rf_free(&e);
}

GK_TEST(http_catalogue, item_page)
{
    rf_env e;
    items4 x;
    gk_http_resp r;
    char path[64];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(seed(&e, &x));
    snprintf(path, sizeof(path), "/catalogue/%lld", (long long)x.rule);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "<h1>某区教育局关于校外培训机构管理的规定</h1>"));
    GK_T_OK(has(&r, "索引号</th><td><code>QJYJ0001-3/2025-"));
    GK_T_OK(has(&r, "某区教育局") && has(&r, "某教〔2025〕3号"));
    GK_T_OK(has(&r, "<strong>废止</strong>（自 <span class=\"date\">2025-05-01</span> 起）"));
    GK_T_OK(has(&r, "条例第二十条第（一）项"));
    GK_T_OK(has(&r, "内容概述&lt;b&gt;") && !has(&r, "内容概述<b>"));
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/api/v1/catalogue/%lld", (long long)x.budget);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "\"validity\": \"有效\"") && has(&r, "\"published\": \"2025-03-20\""));
    gk_http__resp_release(&r);
    /* Unpublished, published after today, unknown, malformed. */
    snprintf(path, sizeof(path), "/catalogue/%lld", (long long)x.draft);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 404);
    GK_T_OK(!has(&r, "招生计划"));
    gk_http__resp_release(&r);
    snprintf(path, sizeof(path), "/api/v1/catalogue/%lld", (long long)x.future);
    GK_T_CALL(rf_get(&e, &r, path));
    GK_T_INT_EQ(r.status, 404);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/catalogue/99999"));
    GK_T_INT_EQ(r.status, 404);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/catalogue/1%20OR%201"));
    GK_T_INT_EQ(r.status, 400);
    gk_http__resp_release(&r);
    rf_free(&e);
}
