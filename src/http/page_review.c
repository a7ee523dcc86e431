/*
 * page_review.c: the register of 行政复议 and 行政诉讼 cases about the
 * agency's disclosure work (review.h; spec §1.5), the source of table 4:
 * the list, a new case (route 行政复议 / 未经复议直接起诉 / 复议后起诉, the
 * case number, the date it was filed) and the result when it is known
 * (维持/纠正/其他 with the date concluded, or 尚未审结). Table 4 counts a
 * case under its result in the year it was concluded, and under 尚未审结
 * while pending at 12-31 (gk_review_case_t4_col).
 *
 * Access (routes.def): every staff role reads; 承办人 and 负责人 write.
 * A case is shown or changed only for an agency the session may see. The
 * subject (what was challenged) may name people: the list masks the
 * identity numbers, telephones and e-mail addresses in it.
 */
#include "page_int.h"
#include "gk/review.h"

static const char *route_key(int i) { return gk_review_route_key(i); }
static const char *route_label(int i) { return gk_review_route_label(i); }
static const char *result_key(int i) { return gk_review_result_key(i); }
static const char *result_label(int i) { return gk_review_result_label(i); }

/* ---- the list ------------------------------------------------------------ */

typedef struct {
    const gk_http_req *req;
    gk_arena *a;
    json_t *list;
    int64_t want;        /* one case (the update), or 0 for all */
    gk_review_case found; /* the wanted case (strings not kept) */
    bool hit;
} list_ctx;

static int on_case(const gk_review_case *r, void *payload)
{
    list_ctx *x = payload;
    char f[GK_DATE_BUFSZ], c[GK_DATE_BUFSZ];
    gk_buf subject = GK_BUF_INIT;
    json_t *o;
    int error;

    if (x->want) {
        if (r->id != x->want)
            return 0;
        x->found = *r;
        x->found.agency = gk_arena_strndup(x->a, r->agency, strlen(r->agency));
        x->found.case_no = gk_arena_strndup(x->a, r->case_no, strlen(r->case_no));
        x->found.case_ref = gk_arena_strndup(x->a, r->case_ref ? r->case_ref : "",
                                             r->case_ref ? strlen(r->case_ref) : 0);
        x->found.subject = gk_arena_strndup(x->a, r->subject ? r->subject : "",
                                            r->subject ? strlen(r->subject) : 0);
        x->hit = gk_http__agency_allowed(x->req, r->agency);
        return x->found.agency && x->found.case_no && x->found.case_ref && x->found.subject
                   ? 1
                   : gk__oom();
    }
    if (!gk_http__agency_allowed(x->req, r->agency))
        return 0;
    error = gk_page__mask_contact(&subject, r->subject ? r->subject : "");
    o = error == 0 ? json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "id",
                               (json_int_t)r->id, "agency", r->agency, "case_no", r->case_no,
                               "route", gk_review_route_key((int)r->route), "route_label",
                               gk_review_route_label((int)r->route), "filed",
                               gk_date_format(f, r->filed), "result",
                               gk_review_result_key((int)r->result), "result_label",
                               gk_review_result_label((int)r->result), "concluded",
                               r->concluded.y ? gk_date_format(c, r->concluded) : "", "subject",
                               gk_buf_cstr(&subject), "pending", r->result == GK_T4_PENDING)
                   : NULL;
    gk_buf_release(&subject);
    if (error < 0)
        return error;
    if (o && json_object_set_new(o, "case_ref", json_string(r->case_ref ? r->case_ref : ""))) {
        json_decref(o);
        o = NULL;
    }
    return o && !json_array_append_new(x->list, o) ? 0 : gk__oom();
}

/* Whether routes.def lets the session add and update cases (the forms
 * are shown only to those the router will let through). */
static bool may_write(const gk_http_req *req)
{
    size_t i;

    for (i = 0; i < gk_http__nroutes; i++)
        if (gk_http__routes[i].method == GK_HTTP_POST &&
            !strcmp(gk_http__routes[i].pattern, "/staff/review"))
            return gk_http__authorize(req, &gk_http__routes[i]) == 0;
    return false;
}

/* The page: the cases the session may see (newest last, as registered),
 * the choices of the forms, values sent back on a refusal. */
static int list_view(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values)
{
    list_ctx x = {req, &req->arena, json_array(), 0, {0}, false};
    const char *agency = req->session.agency[0] ? req->session.agency : NULL;
    const char *sel, *csrf;
    json_t *v = NULL;
    int error = x.list ? gk_http__view(resp) : gk__oom();

    if (error == 0)
        error = gk_store_review_foreach(st, agency, on_case, &x);
    if (error == 0)
        error = gk_page__set(resp->view, "cases", json_incref(x.list));
    sel = json_string_value(json_object_get(values, "agency"));
    if (error == 0)
        error = gk_page__agencies(&v, st, req, sel ? sel : req->session.agency);
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", v);
    sel = json_string_value(json_object_get(values, "route"));
    if (error == 0)
        error = gk_page__options(&v, GK_T4_NGROUPS, route_key, route_label, sel ? sel : "REVIEW");
    if (error == 0)
        error = gk_page__set(resp->view, "routes", v);
    if (error == 0)
        error = gk_page__options(&v, GK_T4_TOTAL, result_key, result_label, "PENDING");
    if (error == 0)
        error = gk_page__set(resp->view, "results", v);
    if (error == 0)
        error = gk_page__set(resp->view, "values", values ? json_incref(values) : json_object());
    if (error == 0)
        error = gk_page__put_date(resp->view, "today", gk_page__today());
    if (error == 0)
        error = gk_page__put_bool(resp->view, "can_write", may_write(req));
    if (error == 0)
        error = gk_http__csrf_token(req, resp, &csrf);
    if (error == 0)
        error = gk_http__view_str(resp->view, "csrf", csrf);
    resp->title = "行政复议、行政诉讼";
    json_decref(x.list);
    return error;
}

/* GET /staff/review, /api/v1/review */
int api_review_list(gk_http_req *req, gk_http_resp *resp)
{
    gk_store *st = NULL;
    int error = gk_page__store(req, &st);

    if (error == 0)
        error = list_view(req, resp, st, NULL);
    gk_page__store_done(req, st);
    return error;
}

/* ---- writing ----------------------------------------------------------- */

/* A field copied into values; "" when absent. */
static const char *field(gk_http_req *req, json_t *values, const char *name, int *error)
{
    const char *v = gk_http__field(req, name);

    v = v ? v : "";
    if (*error == 0)
        *error = gk_http__view_str(values, name, v);
    return v;
}

/* The result and its date (concluded exactly when not 尚未审结; checked
 * with the rest by gk_review_case_check in the store). */
static int read_result(gk_http_req *req, json_t *values, json_t *errors, gk_review_case *r)
{
    int error = 0;
    const char *res = field(req, values, "result", &error);
    const char *con = field(req, values, "concluded", &error);
    int c = gk_review_result_from_label(res, strlen(res));

    memset(&r->concluded, 0, sizeof r->concluded);
    if (error < 0)
        return error;
    if (c < 0)
        return gk_http__view_str(errors, "result", "请选择审理结果");
    r->result = (gk_t4_col)c;
    if (*con && gk_date_parse(&r->concluded, con, strlen(con)) < 0) {
        gk_error_clear();
        return gk_http__view_str(errors, "concluded", "审结日期不是有效日期（YYYY-MM-DD）");
    }
    return 0;
}

/* After a change: the page goes back to the list (303); the API answers
 * the list (status). A refusal shows the list with the message. */
static int answer(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values,
                  json_t *errors, int status)
{
    int error;

    if (json_object_size(errors) == 0 && req->route && req->route->tmpl)
        return gk_http__redirect(resp, "/staff/review");
    error = list_view(req, resp, st, json_object_size(errors) ? values : NULL);
    if (error == 0 && json_object_size(errors))
        error = gk_page__set(resp->view, "errors", json_incref(errors));
    resp->status = status;
    return error;
}

/* A store refusal (bad case, case number taken, locked year) becomes the
 * form's message with its status. */
static int store_refusal(int error, json_t *errors, int *status)
{
    if (error != GK_EINVALID && error != GK_EEXISTS && error != GK_ECONFLICT)
        return error;
    *status = gk_http__status_for(error);
    return gk_http__view_str(errors, "form", gk_error_last()->message);
}

/* POST /staff/review, /api/v1/review: a new case. */
int api_review_add(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = json_object(), *errors = json_object();
    gk_review_case r;
    gk_store *st = NULL;
    const char *agency, *route, *filed;
    int g, status = 400, error = values && errors ? 0 : gk__oom();

    gk_review_case_init(&r);
    agency = field(req, values, "agency", &error);
    if (!*agency)
        agency = req->session.agency;
    if (error == 0 && *agency && !gk_http__agency_allowed(req, agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权为其他机关登记复议、诉讼案件");
        error = GK_HTTP_EDENIED;
    }
    r.agency = agency;
    r.case_no = field(req, values, "case_no", &error);
    r.subject = field(req, values, "subject", &error);
    r.case_ref = field(req, values, "case_ref", &error);
    route = field(req, values, "route", &error);
    filed = field(req, values, "filed", &error);
    g = gk_review_route_from_label(route, strlen(route));
    if (error == 0 && g < 0)
        error = gk_http__view_str(errors, "route", "请选择案件类别");
    r.route = (gk_t4_group)(g < 0 ? 0 : g);
    if (error == 0 && (!*filed || gk_date_parse(&r.filed, filed, strlen(filed)) < 0)) {
        gk_error_clear();
        error = gk_http__view_str(errors, "filed", "请填写有效的申请复议或起诉日期");
    }
    if (error == 0)
        error = read_result(req, values, errors, &r);
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0 && json_object_size(errors) == 0)
        error = store_refusal(gk_store_review_add(st, &r), errors, &status);
    if (error == 0)
        error = answer(req, resp, st, values, errors,
                       json_object_size(errors) ? status : 201);
    json_decref(values);
    json_decref(errors);
    gk_page__store_done(req, st);
    return error;
}

/* POST /staff/review/:id, /api/v1/review/:id: the result, the date
 * concluded, and the subject when sent (route, filed and case number
 * stay). */
int api_review_update(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = json_object(), *errors = json_object();
    const char *p = gk_http__param(req, "id");
    list_ctx x = {req, &req->arena, NULL, 0, {0}, false};
    gk_store *st = NULL;
    int status = 400, error = values && errors ? 0 : gk__oom();

    if (error == 0 && (!p || gk__parse_i64(p, strlen(p), &x.want) < 0 || x.want <= 0)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无效的案件编号");
        error = GK_EINVALID;
    }
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_store_review_foreach(st, NULL, on_case, &x);
    if (error == 1)
        error = 0;
    if (error == 0 && !x.found.id) {
        gk_error_set(GK_ERRCLASS_HTTP, "未找到该案件");
        error = GK_ENOTFOUND;
    }
    if (error == 0 && !x.hit) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权修改其他机关的案件");
        error = GK_HTTP_EDENIED;
    }
    /* The subject changes only when sent (the list's row form does not
     * send it: the list shows it masked). */
    if (gk_http__field(req, "subject"))
        x.found.subject = field(req, values, "subject", &error);
    if (error == 0)
        error = read_result(req, values, errors, &x.found);
    if (error == 0 && json_object_size(errors) == 0)
        error = store_refusal(gk_store_review_update(st, &x.found), errors, &status);
    if (error == 0)
        error = answer(req, resp, st, values, errors, json_object_size(errors) ? status : 200);
    json_decref(values);
    json_decref(errors);
    gk_page__store_done(req, st);
    return error;
}
