/*
 * page_catalogue_edit.c: writing a proactive-disclosure item (主动公开目录
 * 信息) in the console: a new draft and the edit of a draft, with the
 * metadata of spec §6.3 (名称, 内容概述, 正文, 条例第二十条 item, 发布机关,
 * 文号, 成文日期, the 第二十六条 形成或者变更日期, 有效性 with its dates, a
 * special publication period with its legal basis). The store gives the
 * 索引号 on creation (never renumbered); the page shows it from then on.
 *
 * Only a draft can be edited (store_review3.h: DRAFT, no 发布日期).
 * Submitting enters the three-level review of page_publish.c: the page's
 * 提交审核 button posts to /staff/publish/:id/submit, the one route and
 * handler for it. Who may write: the role mask of routes.def (登记员,
 * 承办人, 审核人, 负责人, as for the 正文 of page_publish.c); the agency
 * must be one the session may see.
 */
#include <stddef.h>
#include "art20.h"
#include "gk/catalogue.h"
#include "gk/store_review3.h"
#include "page_int.h"

/* The text and date fields of the form, read into the item by offset. */
enum { K_TEXT, K_DATE };
static const struct {
    const char *name, *label;
    int kind;
    size_t off;
    size_t max; /* characters, text only */
} item_fields[] = {
    {"title", "名称", K_TEXT, offsetof(gk_catalogue_item, title), 200},
    {"summary", "内容概述", K_TEXT, offsetof(gk_catalogue_item, summary), 2000},
    {"doc_no", "文号", K_TEXT, offsetof(gk_catalogue_item, doc_no), 100},
    {"category", "主题分类", K_TEXT, offsetof(gk_catalogue_item, category), 200},
    {"keywords", "关键词", K_TEXT, offsetof(gk_catalogue_item, keywords), 200},
    {"index_prefix", "索引号前段码", K_TEXT, offsetof(gk_catalogue_item, index_prefix), 24},
    {"due_basis", "特别期限的法律、法规依据", K_TEXT, offsetof(gk_catalogue_item, due_basis), 300},
    {"written", "成文日期", K_DATE, offsetof(gk_catalogue_item, written), 0},
    {"formed", "形成或者变更日期", K_DATE, offsetof(gk_catalogue_item, formed), 0},
    {"effective_from", "实施日期", K_DATE, offsetof(gk_catalogue_item, effective_from), 0},
    {"invalid_from", "失效或废止日期", K_DATE, offsetof(gk_catalogue_item, invalid_from), 0},
};

#define FIELD_STR(it, i) ((const char **)((char *)(it) + item_fields[i].off))
#define FIELD_DATE(it, i) ((gk_date *)((char *)(it) + item_fields[i].off))
#define CFIELD_STR(it, i) ((const char *const *)((const char *)(it) + item_fields[i].off))
#define CFIELD_DATE(it, i) ((const gk_date *)((const char *)(it) + item_fields[i].off))

static const char *art20_key(int i)
{
    static const char *const keys[GK_PAGE_ART20_N] = {"0",  "1",  "2",  "3",  "4",  "5",
                                                       "6",  "7",  "8",  "9",  "10", "11",
                                                       "12", "13", "14", "15"};
    return i >= 0 && i < GK_PAGE_ART20_N ? keys[i] : NULL;
}

static size_t u8chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- the item as form values ------------------------------------------ */

/* values[name] = the item's fields as the form shows them. */
static int item_values(json_t **out, const gk_catalogue_item *it, const char *body)
{
    json_t *v = json_object();
    char d[GK_DATE_BUFSZ], n[24];
    size_t i;
    int error = v ? 0 : gk__oom();

    for (i = 0; error == 0 && i < GK_ARRAY_LEN(item_fields); i++) {
        if (item_fields[i].kind == K_TEXT)
            error = gk_http__view_str(v, item_fields[i].name, *CFIELD_STR(it, i));
        else if (CFIELD_DATE(it, i)->y)
            error = gk_http__view_str(v, item_fields[i].name,
                                      gk_date_format(d, *CFIELD_DATE(it, i)));
    }
    snprintf(n, sizeof n, "%d", it->due_days);
    if (error == 0 && it->due_days > 0)
        error = gk_http__view_str(v, "due_days", n);
    if (error == 0)
        error = gk_http__view_str(v, "body", body);
    if (error == 0)
        error = gk_http__view_str(v, "agency", it->agency);
    if (error == 0)
        error = gk_http__view_str(v, "art20", art20_key(it->art20_item));
    if (error == 0)
        error = gk_http__view_str(v, "doc_kind", gk_doc_kind_key(it->doc_kind));
    if (error == 0)
        error = gk_http__view_str(v, "validity", gk_validity_key(it->validity));
    if (error < 0) {
        json_decref(v);
        return error;
    }
    *out = v;
    return 0;
}

/* The posted form into values (as sent) and it (checked); problems go to
 * errors. Strings are the request's (arena). */
static int read_item(gk_http_req *req, json_t *values, json_t *errors, gk_catalogue_item *it,
                     const char **body)
{
    static const char *const selects[] = {"agency", "art20", "doc_kind", "validity", "due_days",
                                          "body"};
    char msg[128];
    size_t i;
    int error = 0;

    for (i = 0; error == 0 && i < GK_ARRAY_LEN(selects); i++) {
        const char *v = gk_http__field(req, selects[i]);

        error = gk_http__view_str(values, selects[i], v ? v : "");
    }
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(item_fields); i++) {
        const char *v = gk_http__field(req, item_fields[i].name);

        v = v ? v : "";
        error = gk_http__view_str(values, item_fields[i].name, v);
        if (error < 0)
            break;
        if (item_fields[i].kind == K_TEXT) {
            *FIELD_STR(it, i) = v;
            if (u8chars(v) > item_fields[i].max) {
                snprintf(msg, sizeof msg, "%s不能超过 %zu 个字", item_fields[i].label,
                         item_fields[i].max);
                error = gk_http__view_str(errors, item_fields[i].name, msg);
            }
        } else if (*v && gk_date_parse(FIELD_DATE(it, i), v, strlen(v)) < 0) {
            gk_error_clear();
            snprintf(msg, sizeof msg, "%s不是有效日期（YYYY-MM-DD）", item_fields[i].label);
            error = gk_http__view_str(errors, item_fields[i].name, msg);
        }
    }
    if (error == 0) {
        const char *a = gk_http__field(req, "art20"), *k = gk_http__field(req, "doc_kind");
        const char *val = gk_http__field(req, "validity"), *dd = gk_http__field(req, "due_days");
        int64_t n = 0;
        int x;

        it->art20_item = -1;
        for (x = 0; a && x < GK_PAGE_ART20_N; x++)
            if (!strcmp(a, art20_key(x)))
                it->art20_item = x;
        if (it->art20_item < 0)
            error = gk_http__view_str(errors, "art20", "请选择属于条例第二十条的哪一项");
        x = k ? gk_doc_kind_from_label(k, strlen(k)) : -1;
        it->doc_kind = x < 0 ? GK_DOC_OTHER : (gk_doc_kind)x;
        if (error == 0 && x < 0)
            error = gk_http__view_str(errors, "doc_kind", "请选择文件种类");
        x = val ? gk_validity_from_label(val, strlen(val)) : -1;
        it->validity = x < 0 ? GK_VALIDITY_VALID : (gk_validity)x;
        if (error == 0 && x < 0)
            error = gk_http__view_str(errors, "validity", "请选择有效性");
        /* 第二十六条: 20 working days unless a law or regulation sets
         * another period (then with its basis, checked by the model). */
        if (error == 0 && dd && *dd &&
            (gk__parse_i64(dd, strlen(dd), &n) < 0 || n < 0 || n > 365))
            error = gk_http__view_str(errors, "due_days", "特别公开期限应为 0–365 个工作日");
        it->due_days = (int)(n >= 0 && n <= 365 ? n : 0);
    }
    *body = gk_http__field(req, "body");
    *body = *body ? *body : "";
    if (error == 0 && strlen(*body) > GK_REVIEW3_BODY_MAX)
        error = gk_http__view_str(errors, "body", "正文过长（最多 1 MB）");
    return error;
}

/* ---- loading a draft ---------------------------------------------------- */

typedef struct {
    gk_arena *a;
    gk_catalogue_item it;
    const char *body;
    int state;
    bool found;
} draft;

static const char *keep(gk_arena *a, const char *s)
{
    return gk_arena_strndup(a, s ? s : "", s ? strlen(s) : 0);
}

static int on_item(const gk_catalogue_item *it, void *payload)
{
    draft *x = payload;
    size_t i;

    x->it = *it;
    x->found = true;
    x->it.agency = keep(x->a, it->agency);
    x->it.index_no = keep(x->a, it->index_no);
    for (i = 0; i < GK_ARRAY_LEN(item_fields); i++)
        if (item_fields[i].kind == K_TEXT) {
            *FIELD_STR(&x->it, i) = keep(x->a, *CFIELD_STR(it, i));
            if (!*FIELD_STR(&x->it, i))
                return gk__oom();
        }
    x->it.topic = keep(x->a, it->topic);
    return x->it.agency && x->it.index_no && x->it.topic ? 0 : gk__oom();
}

static int on_review(const gk_review3 *r, void *payload)
{
    draft *x = payload;

    x->state = (int)r->state;
    x->body = keep(x->a, r->body);
    return x->body ? 0 : gk__oom();
}

/* Item id with its review state and 正文; 404, 403 for another agency's. */
static int load_id(gk_http_req *req, gk_store *st, int64_t id, draft *x)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    int error;

    memset(x, 0, sizeof *x);
    x->a = &req->arena;
    q.id = id;
    error = gk_store_item_foreach(st, &q, on_item, x);
    if (error == 0 && !x->found) {
        gk_error_set(GK_ERRCLASS_HTTP, "未找到该目录信息");
        error = GK_ENOTFOUND;
    }
    if (error == 0 && !gk_http__agency_allowed(req, x->it.agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        error = GK_HTTP_EDENIED;
    }
    if (error == 0)
        error = gk_store_review3_get(st, id, on_review, x);
    return error;
}

/* The item of the route's :id (400 when malformed). */
static int load(gk_http_req *req, gk_store *st, draft *x)
{
    const char *p = gk_http__param(req, "id");
    int64_t id = 0;

    memset(x, 0, sizeof *x);
    if (!p || gk__parse_i64(p, strlen(p), &id) < 0 || id <= 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "无效的目录信息编号");
        return GK_EINVALID;
    }
    return load_id(req, st, id, x);
}

/* ---- the page ------------------------------------------------------------- */

/* The form's view: choices, values, and for a stored item its 索引号,
 * review state and whether it may still be edited and submitted. */
static int form_view(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values,
                     const draft *x)
{
    const char *sel, *csrf;
    json_t *v = NULL;
    int error = gk_http__view(resp);

    sel = json_string_value(json_object_get(values, "agency"));
    if (error == 0)
        error = gk_page__agencies(&v, st, req, sel ? sel : req->session.agency);
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", v);
    sel = json_string_value(json_object_get(values, "art20"));
    if (error == 0)
        error = gk_page__options(&v, GK_PAGE_ART20_N, art20_key, gk_page__art20_label, sel ? sel : "0");
    for (size_t i = 0; error == 0 && i < json_array_size(v); i++)
        error = gk_http__view_str(json_array_get(v, i), "number", gk_page__art20_number((int)i));
    if (error == 0)
        error = gk_page__set(resp->view, "art20s", v);
    else
        json_decref(v);
    sel = json_string_value(json_object_get(values, "doc_kind"));
    if (error == 0)
        error = gk_page__options(&v, GK_DOC_N, gk_doc_kind_key, gk_doc_kind_label,
                                 sel ? sel : "OTHER");
    if (error == 0)
        error = gk_page__set(resp->view, "doc_kinds", v);
    sel = json_string_value(json_object_get(values, "validity"));
    if (error == 0)
        error = gk_page__options(&v, GK_VALIDITY_N, gk_validity_key, gk_validity_label,
                                 sel ? sel : "VALID");
    if (error == 0)
        error = gk_page__set(resp->view, "validities", v);
    if (error == 0)
        error = gk_page__set(resp->view, "values", json_incref(values));
    if (error == 0)
        error = gk_http__csrf_token(req, resp, &csrf);
    if (error == 0)
        error = gk_http__view_str(resp->view, "csrf", csrf);
    if (error == 0 && x) {
        bool editable = x->state == GK_REVIEW3_DRAFT;

        error = gk_page__set(resp->view, "item",
                             json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:b}", "id",
                                       (json_int_t)x->it.id, "index_no", x->it.index_no, "agency",
                                       x->it.agency, "state", gk_review3_state_key(x->state),
                                       "state_label", gk_review3_state_label(x->state),
                                       "editable", editable, "submit", editable));
    }
    resp->title = x ? "编辑目录信息" : "新建目录信息";
    return error;
}

/* GET /staff/catalogue/new: an empty draft for the session's agency. */
int api_item_new_form(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = json_object();
    gk_store *st = NULL;
    int error = values ? gk_page__store(req, &st) : gk__oom();

    if (error == 0)
        error = form_view(req, resp, st, values, NULL);
    json_decref(values);
    gk_page__store_done(req, st);
    return error;
}

/* A refusal shown on the form with what was sent: the store's message
 * (GK_EINVALID, GK_EEXISTS, GK_ECONFLICT) above the fields. */
static int refused(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values,
                   json_t *errors, const draft *x, int status)
{
    int error = form_view(req, resp, st, values, x);

    if (error == 0)
        error = gk_page__set(resp->view, "errors", json_incref(errors));
    resp->status = status;
    return error;
}

/* Whether a store error is the user's to correct (shown on the form). */
static bool form_error(int error)
{
    return error == GK_EINVALID || error == GK_EEXISTS || error == GK_ECONFLICT;
}

/* After a change: the page goes to the draft's edit page (303); the API
 * answers the draft's view (status). */
static int answer(gk_http_req *req, gk_http_resp *resp, gk_store *st, int64_t id, int status)
{
    char loc[64];
    json_t *values = NULL;
    draft x;
    int error;

    if (req->route && req->route->tmpl) {
        snprintf(loc, sizeof loc, "/staff/catalogue/%lld/edit", (long long)id);
        return gk_http__redirect(resp, gk_arena_strndup(&req->arena, loc, strlen(loc)));
    }
    error = load_id(req, st, id, &x);
    if (error == 0)
        error = item_values(&values, &x.it, x.body);
    if (error == 0)
        error = form_view(req, resp, st, values, &x);
    json_decref(values);
    resp->status = status;
    return error;
}

/* The item and its 正文 stored together. */
static int save(gk_store *st, gk_catalogue_item *it, const char *body, bool create)
{
    char idx[GK_INDEX_NO_BUFSZ];
    int error = gk_store_tx_begin(st);

    if (error < 0)
        return error;
    error = create ? gk_store_item_add(st, it, idx) : gk_store_item_update(st, it);
    if (error == 0 && (*body || !create))
        error = gk_store_review3_set_body(st, it->id, body);
    if (error == 0)
        return gk_store_tx_commit(st);
    gk_store_tx_rollback(st);
    return error;
}

/* POST /staff/catalogue/new, /api/v1/items: a new draft; the 索引号 is
 * given by the store (from the 前段码, or the agency code). */
int api_item_create(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = json_object(), *errors = json_object();
    const char *agency = gk_http__field(req, "agency"), *body = "";
    gk_catalogue_item it;
    gk_store *st = NULL;
    int status = 400, error = values && errors ? 0 : gk__oom();

    gk_catalogue_item_init(&it);
    if (!agency || !*agency)
        agency = req->session.agency;
    if (error == 0 && *agency && !gk_http__agency_allowed(req, agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权为其他机关编写目录信息");
        error = GK_HTTP_EDENIED;
    }
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = read_item(req, values, errors, &it, &body);
    it.agency = agency;
    /* spec §6.3: the 索引号 starts with the publisher's 前段码; say so
     * beside the field rather than in the store's words for the CLI. */
    if (error == 0 && !json_object_get(errors, "index_prefix") &&
        !gk_index_prefix_valid(*it.index_prefix ? it.index_prefix : agency))
        error = gk_http__view_str(errors, "index_prefix",
                                  *it.index_prefix
                                      ? "前段码应为 9 位组织机构代码或 18 位统一社会信用代码（数字和大写字母）"
                                      : "本机关代码不能作索引号前段码，请填写组织机构代码或统一社会信用代码");
    if (error == 0 && json_object_size(errors) == 0) {
        error = save(st, &it, body, true);
        if (error == 0)
            error = answer(req, resp, st, it.id, 201);
        else if (form_error(error)) {
            status = gk_http__status_for(error);
            error = gk_http__view_str(errors, "form", gk_error_last()->message);
        }
    }
    if (error == 0 && json_object_size(errors) > 0)
        error = refused(req, resp, st, values, errors, NULL, status);
    json_decref(values);
    json_decref(errors);
    gk_page__store_done(req, st);
    return error;
}

/* GET /staff/catalogue/:id/edit, /api/v1/items/:id */
int api_item_edit_form(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = NULL;
    gk_store *st = NULL;
    draft x;
    int error = gk_page__store(req, &st);

    if (error == 0)
        error = load(req, st, &x);
    if (error == 0)
        error = item_values(&values, &x.it, x.body);
    if (error == 0)
        error = form_view(req, resp, st, values, &x);
    json_decref(values);
    gk_page__store_done(req, st);
    return error;
}

/* POST /staff/catalogue/:id/edit, /api/v1/items/:id: replaces the draft's
 * fields and 正文. The 索引号, the agency and the 前段码 stay as stored;
 * an item under review or published is refused (409). */
int api_item_update(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = json_object(), *errors = json_object();
    const char *body = "";
    gk_catalogue_item it;
    gk_store *st = NULL;
    draft x;
    int status = 400, error = values && errors ? 0 : gk__oom();

    memset(&x, 0, sizeof x);
    gk_catalogue_item_init(&it);
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = load(req, st, &x);
    if (error == 0)
        error = read_item(req, values, errors, &it, &body);
    if (error == 0 && x.state != GK_REVIEW3_DRAFT) {
        error = gk_http__view_str(errors, "form", "已提交审核或已发布的目录信息不能修改；退回后方可修改");
        if (error == 0)
            error = refused(req, resp, st, values, errors, &x, 409);
        goto done;
    }
    it.id = x.it.id;
    it.agency = x.it.agency;
    it.index_no = x.it.index_no;
    it.index_prefix = x.it.index_prefix;
    it.topic = x.it.topic;
    it.published = x.it.published;
    if (error == 0)
        error = gk_http__view_str(values, "agency", x.it.agency);
    if (error == 0 && json_object_size(errors) == 0) {
        error = save(st, &it, body, false);
        if (error == 0)
            error = answer(req, resp, st, it.id, 200);
        else if (form_error(error)) {
            status = gk_http__status_for(error);
            error = gk_http__view_str(errors, "form", gk_error_last()->message);
        }
    }
    if (error == 0 && json_object_size(errors) > 0)
        error = refused(req, resp, st, values, errors, &x, status);
done:
    json_decref(values);
    json_decref(errors);
    gk_page__store_done(req, st);
    return error;
}
