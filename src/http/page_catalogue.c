/*
 * page_catalogue.c: the public proactive-disclosure catalogue (政府信息
 * 公开目录, 条例第二十条、第二十三条): browse by the statutory category
 * (the item of 第二十条 it falls under), full-text search of titles in
 * Chinese, and the item page with its 索引号, 发布机构, dates and validity.
 *
 * Only published items are public: an item without a publication date, or
 * published after today (gk_page__today), does not exist here (404). The
 * title search, the filters, the counts by category and the page's slice
 * are the store's (SQLite FTS5 trigram for 3+ characters, instr() over the
 * newest SHORT_WINDOW items for 1–2; pg_trgm/ILIKE on PostgreSQL:
 * docs/stack.md T1/T2), so a request reads the page's rows, not the
 * catalogue.
 */
#include "gk/catalogue.h"
#include "art20.h"
#include "page_int.h"

/* 条例第二十条 (主动公开的政府信息), items （一）…（十五）, as short
 * browsing labels; index 0 is an item under no numbered row. */
static const char *const art20_labels[] = {
    "其他主动公开信息",
    "法规、规章和规范性文件",        /* （一） */
    "机构职能",                      /* （二） */
    "规划和相关政策",                /* （三） */
    "统计信息",                      /* （四） */
    "行政许可和对外管理服务",        /* （五） */
    "行政处罚和行政强制",            /* （六） */
    "财政预算、决算",                /* （七） */
    "行政事业性收费",                /* （八） */
    "政府集中采购",                  /* （九） */
    "重大建设项目",                  /* （十） */
    "扶贫、教育、医疗、社保、就业",  /* （十一） */
    "突发公共事件应急",              /* （十二） */
    "监督检查",                      /* （十三） */
    "公务员招考",                    /* （十四） */
    "其他依法主动公开的信息",        /* （十五） */
};

static const char *const art20_numbers[] = {
    "",         "（一）",   "（二）", "（三）",   "（四）",   "（五）", "（六）",   "（七）",
    "（八）",   "（九）",   "（十）", "（十一）", "（十二）", "（十三）", "（十四）", "（十五）",
};

#define NCATS ((int)GK_ARRAY_LEN(art20_labels))

/* art20.h: the same labels for the staff item form (page_catalogue_edit.c). */
const char *gk_page__art20_label(int i)
{
    return i >= 0 && i < NCATS ? art20_labels[i] : NULL;
}

const char *gk_page__art20_number(int i)
{
    return i >= 0 && i < NCATS ? art20_numbers[i] : NULL;
}
#define PAGE_SIZE 20
#define MAX_QUERY_CHARS 40

/* A 1-2 character search cannot use the title index (docs/stack.md T1/T2):
 * it looks at the newest SHORT_WINDOW items only, so a request stays
 * bounded however large the catalogue grows; the page says so. */
#define SHORT_WINDOW 10000
/* The counts stop at COUNT_CAP items (in id order), for the same reason:
 * a larger result says "以上" and its category counts get a "+". */
#define COUNT_CAP 10000

typedef struct {
    gk_date today;
    int cat;              /* -1 = all */
    int64_t id;           /* the item page: only this one */
    int64_t counts[NCATS];
    int64_t total;        /* items matching (category and search) */
    bool more;            /* the counts stopped at COUNT_CAP */
    int64_t from;         /* the page's first match (offset) */
    int64_t rows;         /* the page's size */
    json_t *list;
    json_t *agencies;     /* code → name */
    int error;
} walk_ctx;

static int category_of(const gk_catalogue_item *it)
{
    return it->art20_item > 0 && it->art20_item < NCATS ? it->art20_item : 0;
}

static int put_str(json_t *o, const char *key, const char *v)
{
    return v && *v ? gk_http__view_str(o, key, v) : 0;
}

/* The view of a public item: everything the catalogue publishes. */
static int item_view(json_t **out, const gk_catalogue_item *it, const json_t *agencies)
{
    json_t *o = json_object();
    const char *agency = json_string_value(json_object_get(agencies, it->agency));
    int c = category_of(it), error;

    *out = o;
    if (!o)
        return gk__oom();
    error = gk_page__put_int(o, "id", it->id);
    if (error == 0)
        error = put_str(o, "index_no", it->index_no);
    if (error == 0)
        error = put_str(o, "title", it->title);
    if (error == 0)
        error = put_str(o, "agency", agency ? agency : it->agency);
    if (error == 0)
        error = put_str(o, "summary", it->summary);
    if (error == 0)
        error = put_str(o, "category", it->category);
    if (error == 0)
        error = put_str(o, "topic", it->topic);
    if (error == 0)
        error = put_str(o, "doc_no", it->doc_no);
    if (error == 0)
        error = put_str(o, "keywords", it->keywords);
    if (error == 0)
        error = put_str(o, "doc_kind", gk_doc_kind_label(it->doc_kind));
    if (error == 0)
        error = gk_page__put_int(o, "cat", c);
    if (error == 0)
        error = put_str(o, "cat_label", art20_labels[c]);
    if (error == 0 && c > 0)
        error = put_str(o, "art20", art20_numbers[c]);
    if (error == 0)
        error = gk_page__put_date(o, "written", it->written);
    if (error == 0)
        error = gk_page__put_date(o, "published", it->published);
    if (error == 0)
        error = gk_page__put_date(o, "effective_from", it->effective_from);
    if (error == 0)
        error = put_str(o, "validity", gk_validity_label((int)it->validity));
    if (error == 0)
        error = gk_page__put_bool(o, "valid", it->validity == GK_VALIDITY_VALID);
    if (error == 0)
        error = gk_page__put_date(o, "invalid_from", it->invalid_from);
    return error;
}

/* One row of the page (the store applied the filters and the slice). */
static int on_item(const gk_catalogue_item *it, void *payload)
{
    walk_ctx *x = payload;
    json_t *o;

    x->error = item_view(&o, it, x->agencies);
    if (x->error == 0 && json_array_append_new(x->list, o))
        x->error = gk__oom();
    else if (x->error < 0)
        json_decref(o);
    return x->error;
}

static int on_agency(const gk_agency *a, void *payload)
{
    return json_object_set_new(payload, a->code, json_string(a->name)) ? gk__oom() : 0;
}

/* The published items matching x (title search q, or every item): the
 * counts by category from the store (the item page needs none), then the
 * page's rows only; the database filters, counts and slices. */
static int walk(walk_ctx *x, gk_store *st, const char *q)
{
    gk_item_query iq = GK_ITEM_QUERY_INIT;
    int64_t counts[GK_ART20_SLOTS];
    int c, error;

    x->list = json_array();
    x->agencies = json_object();
    if (!x->list || !x->agencies)
        return gk__oom();
    error = gk_store_agency_foreach(st, on_agency, x->agencies);
    iq.title = q && *q ? q : NULL;
    iq.id = x->id;
    iq.published_by = x->today;
    iq.short_window = SHORT_WINDOW;
    if (error == 0 && !x->id) {
        int64_t counted = 0;
        iq.limit = COUNT_CAP;
        error = gk_store_item_count(st, &iq, counts);
        for (c = 0; error == 0 && c < GK_ART20_SLOTS; c++) {
            x->counts[c < NCATS ? c : 0] += counts[c];
            counted += counts[c];
            if (x->cat < 0 || c == x->cat)
                x->total += counts[c];
        }
        x->more = counted >= COUNT_CAP;
    }
    iq.art20 = x->cat;
    iq.offset = x->from;
    iq.limit = x->rows;
    if (error == 0 && (x->id || x->from < x->total || x->more))
        error = gk_store_item_foreach(st, &iq, on_item, x);
    return error < 0 ? error : x->error;
}

/* Counts UTF-8 characters (the search box's limit). */
static size_t chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The category list with counts, the selected one marked. */
static int categories(json_t **out, const walk_ctx *x, const char *q)
{
    json_t *arr = json_array();
    int c;

    *out = arr;
    if (!arr)
        return gk__oom();
    for (c = 1; c <= NCATS; c++) {
        int k = c % NCATS; /* 0 (其他) last */
        json_t *o;

        if (!x->counts[k])
            continue;
        o = json_pack("{s:i, s:s, s:s, s:I, s:b, s:b, s:s}", "cat", k, "label", art20_labels[k],
                      "art20", art20_numbers[k], "count", (json_int_t)x->counts[k], "more",
                      x->more, "selected", x->cat == k, "q", q ? q : "");
        if (!o || json_array_append_new(arr, o))
            return gk__oom();
    }
    return 0;
}

/* GET /catalogue, /api/v1/catalogue ?cat=N&q=TEXT&page=N */
int api_catalogue_list(gk_http_req *req, gk_http_resp *resp)
{
    const char *q = gk_http__field(req, "q"), *cat = gk_http__field(req, "cat");
    const char *pg = gk_http__field(req, "page");
    walk_ctx x;
    gk_store *st = NULL;
    int64_t pno = 1, c = -1, shown;
    json_t *v = NULL;
    int error;

    memset(&x, 0, sizeof(x));
    x.today = gk_page__today();
    if (q && chars(q) > MAX_QUERY_CHARS) {
        gk_error_set(GK_ERRCLASS_HTTP, "检索词不能超过 %d 个字", MAX_QUERY_CHARS);
        return GK_EINVALID;
    }
    if ((cat && *cat && (gk__parse_i64(cat, strlen(cat), &c) < 0 || c < 0 || c >= NCATS)) ||
        (pg && *pg && (gk__parse_i64(pg, strlen(pg), &pno) < 0 || pno < 1 || pno > 100000))) {
        gk_error_set(GK_ERRCLASS_HTTP, "分类或页码无效");
        return GK_EINVALID;
    }
    x.cat = (int)c;
    x.from = (pno - 1) * PAGE_SIZE;
    x.rows = PAGE_SIZE;
    error = gk_page__store(req, &st);
    if (error < 0) {
        /* No registers yet (as the apply form): an empty catalogue that
         * says so, not an error page. */
        st = NULL;
        gk_error_clear();
        error = gk_http__view(resp);
        if (error == 0)
            error = gk_page__put_bool(resp->view, "unavailable", true);
        x.list = json_array();
        if (!x.list && error == 0)
            error = gk__oom();
    } else {
        error = walk(&x, st, q);
        if (error == 0)
            error = gk_http__view(resp);
    }
    shown = x.list ? (int64_t)json_array_size(x.list) : 0;
    if (error == 0) {
        error = gk_page__set(resp->view, "items", x.list);
        x.list = NULL;
    }
    if (error == 0)
        error = categories(&v, &x, q);
    if (error == 0)
        error = gk_page__set(resp->view, "categories", v);
    if (error == 0)
        error = gk_page__put_int(resp->view, "total", x.total);
    if (error == 0 && x.more)
        error = gk_page__put_bool(resp->view, "more", true);
    if (error == 0)
        error = put_str(resp->view, "q", q);
    if (error == 0 && q && *q && chars(q) < 3)
        error = gk_page__put_int(resp->view, "short_window", SHORT_WINDOW);
    if (error == 0 && x.cat >= 0)
        error = gk_page__put_int(resp->view, "cat", x.cat);
    if (error == 0 && x.cat >= 0)
        error = put_str(resp->view, "cat_label", art20_labels[x.cat]);
    if (error == 0 && pno > 1)
        error = gk_page__put_int(resp->view, "prev", pno - 1);
    if (error == 0 && (x.from + x.rows < x.total ||
                       (x.more && shown == x.rows)))
        error = gk_page__put_int(resp->view, "next", pno + 1);
    if (error == 0)
        error = gk_page__set(resp->view, "filter",
                             json_pack("{s:s, s:s}", "q", q ? q : "", "cat", cat ? cat : ""));
    resp->title = "政府信息公开目录";
    json_decref(x.list);
    json_decref(x.agencies);
    gk_page__store_done(req, st);
    return error;
}

/* GET /catalogue/:id, /api/v1/catalogue/:id: one published item. */
int api_catalogue_item(gk_http_req *req, gk_http_resp *resp)
{
    const char *id = gk_http__param(req, "id");
    walk_ctx x;
    gk_store *st = NULL;
    int error;

    memset(&x, 0, sizeof(x));
    x.today = gk_page__today();
    x.cat = -1;
    x.rows = 1;
    if (!id || gk__parse_i64(id, strlen(id), &x.id) < 0 || x.id < 1) {
        gk_error_set(GK_ERRCLASS_HTTP, "目录编号无效");
        return GK_EINVALID;
    }
    error = gk_page__store(req, &st);
    if (error == 0)
        error = walk(&x, st, NULL);
    if (error == 0 && json_array_size(x.list) != 1) {
        gk_error_set(GK_ERRCLASS_HTTP, "没有这条公开信息");
        error = GK_ENOTFOUND;
    }
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__set(resp->view, "item", json_incref(json_array_get(x.list, 0)));
    if (error == 0)
        resp->title = gk_arena_strndup(
            &req->arena, json_string_value(json_object_get(json_array_get(x.list, 0), "title")),
            strlen(json_string_value(json_object_get(json_array_get(x.list, 0), "title"))));
    json_decref(x.list);
    json_decref(x.agencies);
    gk_page__store_done(req, st);
    return error;
}
