/*
 * page_publish.c: the proactive catalogue's three-level review in the
 * console (store_review3.h): the queue of each step, the item page with
 * its texts screened (findings highlighted in context with their
 * category), the three steps' history and the actions; the 脱敏 action.
 * The public catalogue (page_catalogue.c) lists items with a 发布日期,
 * which only the 终审 pass gives an item under review.
 *
 * Who may take which step is the role mask of its routes.def row (初审 and
 * 复审: 审核人 or 负责人; 终审: 负责人), and the store refuses the same
 * person twice in a round. Publication (the 终审 pass) goes through the
 * gate below, run by the store on the stored texts: refused while the
 * screener reports error-severity personal data or secret markers
 * (《政府信息公开条例》第十五条 personal privacy and 第十四条 state secrets
 * are not disclosed; 《保守国家秘密法》 requires the 保密审查 before).
 */
#include <stdio.h>
#include "gk/publish.h"
#include "gk/screen.h"
#include "gk/store_review3.h"
#include "page_int.h"

/* The texts that are screened and masked, in page order. */
enum { F_TITLE, F_SUMMARY, F_BODY, F_N };
static const struct {
    const char *key, *label;
} fields[F_N] = {{"title", "名称"}, {"summary", "内容概述"}, {"body", "正文"}};

/* The steps taken through a POST, by the last path segment. */
static const struct {
    const char *segment;
    gk_review3_step step;
} step_routes[] = {
    {"first", GK_REVIEW3_STEP_FIRST},
    {"second", GK_REVIEW3_STEP_SECOND},
    {"final", GK_REVIEW3_STEP_FINAL},
};

/* A finding that stops publication: error severity and personal data or
 * a secret marker. Warnings (e-mail, plates) are shown, not blocking. */
static bool blocking(const gk_screen_finding *f)
{
    return f->severity == GK_SCREEN_ERROR &&
           (gk_screen_category_is_personal(f->category) || f->category == GK_SCREEN_SECRET_MARKER);
}

/* ------------------------------------------------------------ screening */

typedef struct {
    gk_screen_findings fs[F_N];
    size_t blocking;
} screened;

static void screened_release(screened *s)
{
    int i;

    for (i = 0; i < F_N; i++)
        gk_screen_findings_release(&s->fs[i]);
}

static int screen_texts(screened *s, const char *const text[F_N])
{
    const gk_screen *sc;
    size_t j;
    int i, error = gk_page__screener(&sc);

    s->blocking = 0;
    for (i = 0; i < F_N; i++) {
        gk_screen_findings empty = GK_SCREEN_FINDINGS_INIT;

        s->fs[i] = empty;
    }
    for (i = 0; error == 0 && i < F_N; i++) {
        error = gk_screen_buffer(sc, text[i], strlen(text[i]), gk_screen_collect, &s->fs[i]);
        for (j = 0; error == 0 && j < s->fs[i].count; j++)
            s->blocking += blocking(&s->fs[i].items[j]);
    }
    return error;
}

/* The store's gate (publish.h). */
int gk_publish_gate(const char *title, const char *summary, const char *body, void *payload)
{
    const char *const text[F_N] = {title, summary, body};
    screened s;
    int error = screen_texts(&s, text);

    (void)payload;
    if (error == 0 && s.blocking > 0) {
        gk_error_set(GK_ERRCLASS_HTTP,
                     "发布前审查未通过：发现 %zu 处个人信息或密级标志，请先脱敏（密级标志须退回修改）",
                     s.blocking);
        error = GK_ECONFLICT;
    }
    screened_release(&s);
    return error;
}

/* text with the screener's default masking; one "field\t…" line per
 * masked finding appended to log (may be NULL). */
static int mask_text(gk_buf *out, gk_buf *log, const char *field, const char *text)
{
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    gk_screen_mask_rules rules;
    gk_buf one = GK_BUF_INIT;
    const gk_screen *sc;
    size_t i;
    int error = gk_page__screener(&sc);

    gk_screen_mask_rules_default(&rules);
    if (error == 0)
        error = gk_screen_buffer(sc, text, strlen(text), gk_screen_collect, &fs);
    if (error == 0)
        error = gk_screen_mask(out, &one, text, strlen(text), &fs, &rules, NULL);
    /* Prefix each log line with the field it belongs to. */
    for (i = 0; error == 0 && log && i < one.len; i++) {
        if (i == 0 || one.ptr[i - 1] == '\n')
            error = gk_buf_printf(log, "%s\t", field);
        if (error == 0)
            error = gk_buf_putc(log, one.ptr[i]);
    }
    gk_screen_findings_release(&fs);
    gk_buf_release(&one);
    return error;
}

/* ------------------------------------------------------------- loading */

typedef struct {
    gk_arena *a;
    bool found;
    int64_t id;
    const char *agency, *index_no, *text[F_N];
    int state, round;
    gk_date formed, published;
} pub_item;

static const char *keep(gk_arena *a, const char *s)
{
    return gk_arena_strndup(a, s ? s : "", s ? strlen(s) : 0);
}

static int on_review(const gk_review3 *r, void *payload)
{
    pub_item *x = payload;

    x->found = true;
    x->id = r->item_id;
    x->agency = keep(x->a, r->agency);
    x->index_no = keep(x->a, r->index_no);
    x->text[F_BODY] = keep(x->a, r->body);
    x->state = (int)r->state;
    x->round = r->round;
    return x->agency && x->index_no && x->text[F_BODY] ? 0 : gk__oom();
}

static int on_item(const gk_catalogue_item *it, void *payload)
{
    pub_item *x = payload;

    x->text[F_TITLE] = keep(x->a, it->title);
    x->text[F_SUMMARY] = keep(x->a, it->summary);
    x->formed = it->formed;
    x->published = it->published;
    return x->text[F_TITLE] && x->text[F_SUMMARY] ? 0 : gk__oom();
}

/* The item of the route's :id, refused for another agency's. */
static int load(gk_http_req *req, gk_store *st, pub_item *x)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    const char *p = gk_http__param(req, "id");
    int64_t id = 0;
    int error;

    memset(x, 0, sizeof *x);
    x->a = &req->arena;
    if (!p || gk__parse_i64(p, strlen(p), &id) < 0 || id <= 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "无效的目录信息编号");
        return GK_EINVALID;
    }
    error = gk_store_review3_get(st, id, on_review, x);
    if (error == 0 && !gk_http__agency_allowed(req, x->agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        return GK_HTTP_EDENIED;
    }
    q.id = id;
    if (error == 0)
        error = gk_store_item_foreach(st, &q, on_item, x);
    return error;
}

/* --------------------------------------------------------------- views */

/* The text cut into segments: plain runs and findings ({"text", "hit",
 * "category", "label", "blocking"}), so the template can mark each
 * finding where it stands without building HTML. */
static int segments(json_t **out, const char *text, const gk_screen_findings *fs)
{
    json_t *arr = json_array();
    size_t i, pos = 0, n = strlen(text);
    int error = arr ? 0 : gk__oom();

    for (i = 0; error == 0 && i <= fs->count; i++) {
        const gk_screen_finding *f = i < fs->count ? &fs->items[i] : NULL;
        size_t start = f ? (size_t)f->start : n;
        json_t *o;

        if (f && (start < pos || f->end > n))
            continue; /* overlaps one already shown */
        if (start > pos) {
            o = json_pack("{s:s%, s:b}", "text", text + pos, start - pos, "hit", 0);
            error = o && !json_array_append_new(arr, o) ? 0 : gk__oom();
        }
        if (error == 0 && f) {
            o = json_pack("{s:s%, s:b, s:s, s:s, s:b}", "text", text + start,
                          (size_t)(f->end - start), "hit", 1, "category",
                          gk_screen_category_name(f->category), "label",
                          gk_screen_category_label(f->category), "blocking", blocking(f));
            error = o && !json_array_append_new(arr, o) ? 0 : gk__oom();
            pos = (size_t)f->end;
        }
    }
    if (error < 0) {
        json_decref(arr);
        return error;
    }
    *out = arr;
    return 0;
}

static int fields_view(json_t *view, const pub_item *x, const screened *s)
{
    json_t *arr = json_array(), *list = json_array(), *seg = NULL;
    size_t j;
    int i, error = arr && list ? 0 : gk__oom();

    for (i = 0; error == 0 && i < F_N; i++) {
        error = segments(&seg, x->text[i], &s->fs[i]);
        if (error == 0 && json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:i}", "key",
                                                               fields[i].key, "label",
                                                               fields[i].label, "segments", seg,
                                                               "findings",
                                                               (int)s->fs[i].count)))
            error = gk__oom();
        for (j = 0; error == 0 && j < s->fs[i].count; j++) {
            const gk_screen_finding *f = &s->fs[i].items[j];
            json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s%, s:s%, s:s%, s:b}", "field",
                                  fields[i].label, "category", gk_screen_category_name(f->category),
                                  "label", gk_screen_category_label(f->category), "severity",
                                  gk_screen_severity_name(f->severity), "text", f->text.ptr,
                                  f->text.len, "before", f->context_before.ptr,
                                  f->context_before.len, "after", f->context_after.ptr,
                                  f->context_after.len, "blocking", blocking(f));
            error = o && !json_array_append_new(list, o) ? 0 : gk__oom();
        }
    }
    if (error == 0)
        error = gk_page__set(view, "fields", json_incref(arr));
    if (error == 0)
        error = gk_page__set(view, "findings", json_incref(list));
    json_decref(arr);
    json_decref(list);
    return error;
}

typedef struct {
    json_t *list;
    int round;
} steps_ctx;

static int on_step(const gk_review3_step_rec *s, void *payload)
{
    steps_ctx *c = payload;
    json_t *o = json_pack("{s:I, s:s, s:s, s:b, s:s, s:s, s:s, s:s}", "round", (json_int_t)s->round,
                          "step", gk_review3_step_key(s->step), "step_label",
                          gk_review3_step_label(s->step), "pass", s->pass, "decision",
                          s->step == GK_REVIEW3_STEP_SUBMIT ? "提交" : s->pass ? "通过" : "退回",
                          "actor", s->actor, "at", s->at, "comment", s->comment);

    return o && !json_array_append_new(c->list, o) ? 0 : gk__oom();
}

/* The actions the session's role may take in the item's state (the
 * routes decide; this only hides buttons that would be refused): the
 * role masks are those of routes.def, read from the route table. */
static bool may(const gk_http_req *req, const char *action)
{
    char pattern[48];
    size_t i;

    snprintf(pattern, sizeof pattern, "/staff/publish/:id/%s", action);
    for (i = 0; i < gk_http__nroutes; i++)
        if (gk_http__routes[i].method == GK_HTTP_POST && !strcmp(gk_http__routes[i].pattern, pattern))
            return (gk_http__routes[i].roles & (1u << req->session.role)) != 0;
    return false;
}

static int actions_view(json_t *view, const gk_http_req *req, const pub_item *x)
{
    static const char *const segs[] = {NULL, "first", "second", "final"};
    bool draft = x->state == GK_REVIEW3_DRAFT;
    bool decide = x->state >= GK_REVIEW3_FIRST && x->state <= GK_REVIEW3_FINAL;
    json_t *o = json_pack("{s:b, s:b, s:b, s:s, s:s, s:b, s:b}", "edit", draft && may(req, "body"),
                          "submit", draft && may(req, "submit"), "decide",
                          decide && may(req, segs[x->state]), "step",
                          decide ? segs[x->state] : "", "step_label",
                          decide ? gk_review3_step_label(x->state) : "", "publishes",
                          x->state == GK_REVIEW3_FINAL, "mask",
                          x->state != GK_REVIEW3_PUBLISHED && may(req, "mask"));

    return gk_page__set(view, "can", o);
}

/* The item page's view. */
static int item_view(gk_http_req *req, gk_http_resp *resp, gk_store *st, const pub_item *x)
{
    steps_ctx sc = {json_array(), 0};
    screened s;
    int error = screen_texts(&s, x->text);

    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__put_int(resp->view, "id", x->id);
    if (error == 0)
        error = gk_http__view_str(resp->view, "agency", x->agency);
    if (error == 0)
        error = gk_http__view_str(resp->view, "index_no", x->index_no);
    if (error == 0)
        error = gk_http__view_str(resp->view, "title", x->text[F_TITLE]);
    if (error == 0)
        error = gk_http__view_str(resp->view, "state", gk_review3_state_key(x->state));
    if (error == 0)
        error = gk_http__view_str(resp->view, "state_label", gk_review3_state_label(x->state));
    if (error == 0)
        error = gk_page__put_int(resp->view, "round", x->round);
    if (error == 0)
        error = gk_page__put_date(resp->view, "formed", x->formed);
    if (error == 0)
        error = gk_page__put_date(resp->view, "published", x->published);
    if (error == 0)
        error = gk_http__view_str(resp->view, "body", x->text[F_BODY]);
    if (error == 0)
        error = fields_view(resp->view, x, &s);
    if (error == 0)
        error = gk_page__put_int(resp->view, "blocking", (int64_t)s.blocking);
    if (error == 0)
        error = gk_page__put_bool(resp->view, "has_findings",
                                  s.fs[F_TITLE].count + s.fs[F_SUMMARY].count + s.fs[F_BODY].count > 0);
    if (error == 0)
        error = gk_page__put_bool(resp->view, "publishable", s.blocking == 0);
    if (error == 0)
        error = sc.list ? gk_store_review3_steps(st, x->id, on_step, &sc) : gk__oom();
    if (error == 0)
        error = gk_page__set(resp->view, "steps", json_incref(sc.list));
    if (error == 0)
        error = actions_view(resp->view, req, x);
    resp->title = "目录信息审核";
    json_decref(sc.list);
    screened_release(&s);
    return error;
}

/* After a POST: the page goes back to the item; the API answers the
 * item's view. A refusal (409, 400) is shown on the item page. */
static int answer(gk_http_req *req, gk_http_resp *resp, gk_store *st, int64_t id, int error)
{
    bool page = req->route && req->route->tmpl;
    char msg[600], loc[64];
    pub_item x;
    int e2;

    if (error == 0 && page) {
        snprintf(loc, sizeof loc, "/staff/publish/%lld", (long long)id);
        return gk_http__redirect(resp, gk_arena_strndup(&req->arena, loc, strlen(loc)));
    }
    if (error < 0 && !(error == GK_ECONFLICT || error == GK_EINVALID))
        return error;
    snprintf(msg, sizeof msg, "%s", error < 0 ? gk_error_last()->message : "");
    e2 = load(req, st, &x);
    if (e2 == 0)
        e2 = item_view(req, resp, st, &x);
    if (e2 == 0 && error < 0)
        e2 = gk_http__view_str(resp->view, "error", msg);
    if (e2 < 0)
        return e2;
    if (error < 0)
        resp->status = gk_http__status_for(error);
    return 0;
}

/* ------------------------------------------------------------ handlers */

typedef struct {
    json_t *list;
    gk_arena *a;
    int counts[GK_REVIEW3_NSTATES];
    int state;
} queue_ctx;

static int on_queue(const gk_review3 *r, void *payload)
{
    queue_ctx *q = payload;
    gk_buf title = GK_BUF_INIT;
    json_t *o;
    int error;

    q->counts[r->state]++;
    if (q->state >= 0 && (int)r->state != q->state)
        return 0;
    /* Titles of drafts may still hold personal data: lists mask it. */
    error = mask_text(&title, NULL, "title", r->title);
    o = error == 0 ? json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:i}", "id", (json_int_t)r->item_id,
                               "index_no", r->index_no, "agency", r->agency, "title",
                               gk_buf_cstr(&title), "state", gk_review3_state_key(r->state),
                               "state_label", gk_review3_state_label(r->state), "round", r->round)
                   : NULL;
    gk_buf_release(&title);
    if (error < 0)
        return error;
    return o && !json_array_append_new(q->list, o) ? 0 : gk__oom();
}

/* GET /staff/publish, /api/v1/publish ?state=&agency=: the
 * queue of one state (default: the first step the role takes), with the
 * count of every state. */
int api_publish_queue(gk_http_req *req, gk_http_resp *resp)
{
    const char *state = gk_http__field(req, "state");
    const char *agency = gk_http__field(req, "agency");
    queue_ctx q = {json_array(), &req->arena, {0}, -1};
    json_t *tabs = json_array();
    gk_store *st = NULL;
    int i, error = q.list && tabs ? 0 : gk__oom();

    if (!state || !*state)
        state = req->session.role == GK_ROLE_HEAD ? "FINAL" : "FIRST";
    q.state = strcmp(state, "ALL") == 0 ? -1 : gk_review3_state_from_key(state);
    if (error == 0 && q.state < 0 && strcmp(state, "ALL") != 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "未知的审核状态");
        error = GK_EINVALID;
    }
    if (!agency || !*agency)
        agency = req->session.agency[0] ? req->session.agency : NULL;
    if (error == 0 && agency && !gk_http__agency_allowed(req, agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        error = GK_HTTP_EDENIED;
    }
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_store_review3_foreach(st, agency, -1, on_queue, &q);
    for (i = 0; error == 0 && i < GK_REVIEW3_NSTATES; i++)
        if (json_array_append_new(tabs, json_pack("{s:s, s:s, s:i, s:b}", "key",
                                                  gk_review3_state_key(i), "label",
                                                  gk_review3_state_label(i), "count", q.counts[i],
                                                  "selected", i == q.state)))
            error = gk__oom();
    gk_page__store_done(req, st);
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__set(resp->view, "items", json_incref(q.list));
    if (error == 0)
        error = gk_page__set(resp->view, "states", json_incref(tabs));
    if (error == 0)
        error = gk_http__view_str(resp->view, "state", q.state < 0 ? "ALL" : state);
    resp->title = "主动公开目录审核";
    json_decref(q.list);
    json_decref(tabs);
    return error;
}

/* GET /staff/publish/:id, /api/v1/publish/:id */
int api_publish_item(gk_http_req *req, gk_http_resp *resp)
{
    gk_store *st = NULL;
    pub_item x;
    int error = gk_page__store(req, &st);

    if (error == 0)
        error = load(req, st, &x);
    if (error == 0)
        error = item_view(req, resp, st, &x);
    gk_page__store_done(req, st);
    return error;
}

/* POST …/:id/body (body): the 正文 of a draft. */
int api_publish_body(gk_http_req *req, gk_http_resp *resp)
{
    const char *body = gk_http__field(req, "body");
    gk_store *st = NULL;
    pub_item x;
    int error;

    memset(&x, 0, sizeof x);
    error = gk_page__store(req, &st);

    if (error == 0)
        error = load(req, st, &x);
    if (error == 0)
        error = gk_store_review3_set_body(st, x.id, body ? body : "");
    error = x.id > 0 ? answer(req, resp, st, x.id, error) : error;
    gk_page__store_done(req, st);
    return error;
}

/* POST …/:id/submit (comment) */
int api_publish_submit(gk_http_req *req, gk_http_resp *resp)
{
    gk_store *st = NULL;
    pub_item x;
    int error;

    memset(&x, 0, sizeof x);
    error = gk_page__store(req, &st);

    if (error == 0)
        error = load(req, st, &x);
    if (error == 0)
        error = gk_store_review3_submit(st, x.id, gk_http__field(req, "comment"));
    error = x.id > 0 ? answer(req, resp, st, x.id, error) : error;
    gk_page__store_done(req, st);
    return error;
}

/* POST …/:id/first|second|final (decision=pass|return, comment) */
int api_publish_decide(gk_http_req *req, gk_http_resp *resp)
{
    const char *seg = strrchr(req->path, '/');
    const char *dec = gk_http__field(req, "decision");
    gk_review3_decision d;
    gk_store *st = NULL;
    pub_item x;
    size_t i;
    int error;

    memset(&d, 0, sizeof d);
    memset(&x, 0, sizeof x);
    for (i = 0; seg && i < GK_ARRAY_LEN(step_routes); i++)
        if (!strcmp(seg + 1, step_routes[i].segment))
            break;
    if (!seg || i == GK_ARRAY_LEN(step_routes))
        return GK_HTTP_ENOROUTE;
    if (!dec || (strcmp(dec, "pass") != 0 && strcmp(dec, "return") != 0)) {
        gk_error_set(GK_ERRCLASS_HTTP, "审核结论应为通过（pass）或退回（return）");
        return GK_EINVALID;
    }
    error = gk_page__store(req, &st);
    if (error == 0)
        error = load(req, st, &x);
    if (error == 0) {
        d.item_id = x.id;
        d.step = step_routes[i].step;
        d.pass = !strcmp(dec, "pass");
        d.comment = gk_http__field(req, "comment");
        d.published_on = gk_page__today();
        d.gate = gk_publish_gate;
        error = gk_store_review3_decide(st, &d);
    }
    error = x.id > 0 ? answer(req, resp, st, x.id, error) : error;
    gk_page__store_done(req, st);
    return error;
}

/* POST …/:id/mask: applies the screener's masking (脱敏) to the title,
 * summary and body, records the mask log, and shows the item re-screened. */
int api_publish_mask(gk_http_req *req, gk_http_resp *resp)
{
    gk_buf out[F_N] = {GK_BUF_INIT, GK_BUF_INIT, GK_BUF_INIT}, log = GK_BUF_INIT;
    gk_store *st = NULL;
    pub_item x;
    int i, error = gk_page__store(req, &st);

    memset(&x, 0, sizeof x);
    if (error == 0)
        error = load(req, st, &x);
    for (i = 0; error == 0 && i < F_N; i++)
        error = mask_text(&out[i], &log, fields[i].key, x.text[i]);
    if (error == 0 && log.len == 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "没有可以自动脱敏的内容（密级标志须退回修改）");
        error = GK_ECONFLICT;
    }
    if (error == 0)
        error = gk_store_review3_mask(st, x.id, gk_buf_cstr(&out[F_TITLE]),
                                      gk_buf_cstr(&out[F_SUMMARY]), gk_buf_cstr(&out[F_BODY]),
                                      gk_buf_cstr(&log));
    error = x.id > 0 ? answer(req, resp, st, x.id, error) : error;
    gk_page__store_done(req, st);
    for (i = 0; i < F_N; i++)
        gk_buf_release(&out[i]);
    gk_buf_release(&log);
    return error;
}
