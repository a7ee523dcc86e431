/*
 * page_case_list.c: the lists of the application register in the staff
 * console: the case list with filters and pages (personal data masked)
 * and the dashboard of overdue and due-soon cases.
 *
 * Access: STAFF routes (routes.def); only the cases of agencies the
 * session may see (gk_http__agency_allowed) are listed.
 */
#include <stdlib.h>
#include "page_int.h"

/* ---- the list and the dashboard --------------------------------------- */

typedef struct {
    const gk_http_req *req;
    const char *state; /* state key, "open", "closed" or NULL */
    const char *due;   /* "overdue", "soon" or NULL */
    int type;          /* applicant type or -1 */
    gk_date today;
    json_t *list;
    int error;
} list_ctx;

static int on_listed(const gk_case *c, void *payload)
{
    list_ctx *x = payload;
    json_t *o = NULL;

    if (!gk_http__agency_allowed(x->req, c->agency))
        return 0;
    if (x->state && *x->state) {
        bool open = gk_case_state_is_open(c->state);

        if (!strcmp(x->state, "open")     ? !open
            : !strcmp(x->state, "closed") ? open
                                          : strcmp(x->state, gk_case_state_key(c->state)) != 0)
            return 0;
    }
    if (x->type >= 0 && (int)c->applicant_type != x->type)
        return 0;
    x->error = gk_page__case_view(&o, c, GK_PAGE_VIEW_LIST, x->today);
    if (x->error < 0)
        return x->error;
    if (x->due && *x->due &&
        !json_is_true(json_object_get(o, !strcmp(x->due, "overdue") ? "overdue" : "due_soon"))) {
        json_decref(o);
        return 0;
    }
    if (json_array_append_new(x->list, o))
        return x->error = gk__oom();
    return 0;
}

/* Walks the cases the session may see with the filters into x->list. */
static int walk(list_ctx *x, gk_store *st, const char *agency, bool open_only)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    int error;

    x->list = json_array();
    if (!x->list)
        return gk__oom();
    q.agency = agency && *agency ? agency : NULL;
    q.open_only = open_only;
    error = gk_store_case_foreach(st, &q, on_listed, x);
    return error < 0 ? error : x->error;
}

/* The agency filter: a code the session may see, or "" for all it may. */
static int agency_filter(const gk_http_req *req, const char **agency)
{
    *agency = gk_http__field(req, "agency");
    if (!*agency || !**agency) {
        /* An agency-bound session sees its own agency only. */
        *agency = req->session.agency;
        return 0;
    }
    if (!gk_http__agency_allowed(req, *agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        return GK_HTTP_EDENIED;
    }
    return 0;
}

#define PAGE_SIZE 50

/* GET /staff/cases, /api/v1/cases ?state=&due=&agency=&type=&page= */
int api_cases_list(gk_http_req *req, gk_http_resp *resp)
{
    list_ctx x;
    gk_store *st = NULL;
    const char *agency, *type = gk_http__field(req, "type"), *pg = gk_http__field(req, "page");
    json_t *v = NULL, *page = NULL;
    int64_t pno = 1, total, i;
    int error;

    memset(&x, 0, sizeof(x));
    x.req = req;
    x.state = gk_http__field(req, "state");
    x.due = gk_http__field(req, "due");
    x.type = type && *type ? gk_applicant_type_from_label(type, strlen(type)) : -1;
    x.today = gk_page__today();
    if (pg && *pg && (gk__parse_i64(pg, strlen(pg), &pno) < 0 || pno < 1 || pno > 100000)) {
        gk_error_set(GK_ERRCLASS_HTTP, "页码无效");
        return GK_EINVALID;
    }
    error = agency_filter(req, &agency);
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = walk(&x, st, agency, x.state && !strcmp(x.state, "open"));
    if (error < 0)
        goto done;
    /* Newest first, one page of PAGE_SIZE. */
    total = (int64_t)json_array_size(x.list);
    page = json_array();
    for (i = total - 1 - (pno - 1) * PAGE_SIZE; page && i >= 0 && i > total - 1 - pno * PAGE_SIZE;
         i--)
        if (json_array_append(page, json_array_get(x.list, (size_t)i)))
            error = gk__oom();
    error = error < 0 ? error : gk_http__view(resp);
    if (error == 0)
        error = gk_page__set(resp->view, "cases", page);
    page = NULL;
    if (error == 0)
        error = gk_page__put_int(resp->view, "total", total);
    if (error == 0 && pno > 1)
        error = gk_page__put_int(resp->view, "prev", pno - 1);
    if (error == 0 && pno * PAGE_SIZE < total)
        error = gk_page__put_int(resp->view, "next", pno + 1);
    if (error == 0)
        error = gk_page__agencies(&v, st, req, agency);
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", v);
    if (error == 0)
        error = gk_page__options(&v, GK_APPLICANT_NTYPES, gk_applicant_type_key,
                                 gk_applicant_type_label, type);
    if (error == 0)
        error = gk_page__set(resp->view, "types", v);
    if (error == 0)
        error =
            gk_page__options(&v, GK_CASE_NSTATES, gk_case_state_key, gk_case_state_label, x.state);
    if (error == 0)
        error = gk_page__set(resp->view, "states", v);
    if (error == 0)
        error = gk_page__set(
            resp->view, "filter",
            json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:b}", "state", x.state ? x.state : "",
                      "due", x.due ? x.due : "", "type", type ? type : "", "agency",
                      agency ? agency : "", "open", x.state && !strcmp(x.state, "open"), "closed",
                      x.state && !strcmp(x.state, "closed"), "overdue",
                      x.due && !strcmp(x.due, "overdue"), "soon", x.due && !strcmp(x.due, "soon")));
    resp->title = "申请列表";
done:
    json_decref(page);
    json_decref(x.list);
    gk_page__store_done(req, st);
    return error;
}

static int by_left(const void *a, const void *b)
{
    json_int_t la = json_integer_value(json_object_get(*(json_t *const *)a, "left"));
    json_int_t lb = json_integer_value(json_object_get(*(json_t *const *)b, "left"));

    return la < lb ? -1 : la > lb;
}

/* Sorts a JSON array of case views by working days left (most late first). */
static int sort_by_left(json_t *arr)
{
    size_t n = json_array_size(arr), i;
    json_t **v;

    if (n < 2)
        return 0;
    v = gk_malloc(n * sizeof(*v));
    if (!v)
        return gk__oom();
    for (i = 0; i < n; i++)
        v[i] = json_incref(json_array_get(arr, i));
    qsort(v, n, sizeof(*v), by_left);
    json_array_clear(arr);
    for (i = 0; i < n; i++)
        if (json_array_append_new(arr, v[i]))
            v[i] = NULL;
    gk_free(v);
    return json_array_size(arr) == n ? 0 : gk__oom();
}

/* GET /staff/dashboard, /api/v1/dashboard: open cases that are overdue or
 * due within GK_PAGE_DUE_SOON_WORKDAYS working days, most urgent first,
 * and the counts. */
int api_dashboard_due(gk_http_req *req, gk_http_resp *resp)
{
    list_ctx x;
    gk_store *st = NULL;
    json_t *overdue = json_array(), *soon = json_array();
    int64_t unknown = 0, provisional = 0;
    size_t i;
    int error;

    memset(&x, 0, sizeof(x));
    x.req = req;
    x.type = -1;
    x.today = gk_page__today();
    if (!overdue || !soon) {
        error = gk__oom();
        goto done;
    }
    error = gk_page__store(req, &st);
    if (error == 0)
        error = walk(&x, st, req->session.agency, true);
    for (i = 0; error == 0 && i < json_array_size(x.list); i++) {
        json_t *o = json_array_get(x.list, i);

        /* Listed like the others, marked 暂定 (calendar.h PROVISIONAL MODE). */
        if (json_is_true(json_object_get(o, "provisional")) &&
            (json_is_true(json_object_get(o, "overdue")) ||
             json_is_true(json_object_get(o, "due_soon"))))
            provisional++;
        if (json_is_true(json_object_get(o, "overdue")))
            error = json_array_append(overdue, o) ? gk__oom() : 0;
        else if (json_is_true(json_object_get(o, "due_soon")))
            error = json_array_append(soon, o) ? gk__oom() : 0;
        else if (json_is_true(json_object_get(o, "due_unknown")))
            unknown++;
    }
    if (error == 0)
        error = sort_by_left(overdue);
    if (error == 0)
        error = sort_by_left(soon);
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__put_int(resp->view, "open", (int64_t)json_array_size(x.list));
    if (error == 0)
        error = gk_page__put_int(resp->view, "overdue_count", (int64_t)json_array_size(overdue));
    if (error == 0)
        error = gk_page__put_int(resp->view, "soon_count", (int64_t)json_array_size(soon));
    if (error == 0)
        error = gk_page__put_int(resp->view, "unknown_count", unknown);
    if (error == 0)
        error = gk_page__put_int(resp->view, "provisional_count", provisional);
    if (error == 0)
        error = gk_page__put_int(resp->view, "soon_days", GK_PAGE_DUE_SOON_WORKDAYS);
    if (error == 0)
        error = gk_page__put_date(resp->view, "today", x.today);
    if (error == 0) {
        error = gk_page__set(resp->view, "overdue", overdue);
        overdue = NULL;
    }
    if (error == 0) {
        error = gk_page__set(resp->view, "soon", soon);
        soon = NULL;
    }
    resp->title = "办理期限提醒";
done:
    json_decref(overdue);
    json_decref(soon);
    json_decref(x.list);
    gk_page__store_done(req, st);
    return error;
}
