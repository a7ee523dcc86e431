/*
 * api_status.c: the public status lookup by tracking code (issue 6): the
 * stage, the receipt date, the answer deadline (第三十三条, computed by
 * gk_case_deadline on the official calendar) and the date of service.
 * Nothing else of the case is shown: no name, contact or description, so
 * a code reveals no applicant's personal data. Today and the calendar are
 * the staff pages' (page_common.c), so GK_TODAY fixes both alike.
 */
#include "page_int.h"

typedef struct {
    json_t *out;
    int error;
} lookup_ctx;

static int on_case(const gk_case *c, void *payload)
{
    lookup_ctx *x = payload;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    const gk_calendar *cal;
    json_t *o = json_object();
    bool deferred = false;
    int error;

    if (!o)
        return x->error = gk__oom();
    error = gk_http__view_str(o, "code", c->tracking_code);
    if (error == 0)
        error = gk_http__view_str(o, "state", gk_case_state_key(c->state));
    if (error == 0)
        error = gk_http__view_str(o, "stage", gk_case_state_label(c->state));
    if (error == 0)
        error = gk_page__put_date(o, "received", c->received);
    if (error == 0)
        error = gk_page__put_date(o, "concluded", c->concluded);
    if (error == 0 && json_object_set_new(o, "open", json_boolean(gk_case_state_is_open(c->state))))
        error = gk__oom();
    /* Provisional mode (calendar.h): a deadline in a year without holiday
     * data is shown with "provisional": true and the note, never silently;
     * beyond the provisional range there is no "due". */
    if (error == 0 && gk_case_state_is_open(c->state) && gk_page__calendar(&cal) == 0 &&
        gk_case_deadline_mode(&ex, &deferred, c, cal, gk_page__today(),
                              GK_CALENDAR_PROVISIONAL) == 0) {
        /* 第三十五条: a reasonable later deadline the agency set and told the
         * applicant replaces the computed one (case.h); "deferred" appears
         * only then, so the usual answer keeps its fields */
        error = gk_page__put_date(o, "due", deferred ? c->deferred_to : ex.deadline);
        if (error == 0 && deferred)
            error = gk_page__put_bool(o, "deferred", true);
        if (error == 0)
            error = gk_page__put_bool(o, "provisional", ex.provisional.on);
        if (error == 0)
            error = gk_page__put_provisional(o, "", &ex.provisional);
    }
    gk_deadline_explain_release(&ex);
    gk_error_clear(); /* an uncovered year: no due date, not an error */
    if (error < 0) {
        json_decref(o);
        return x->error = error;
    }
    json_decref(x->out);
    x->out = o;
    return 1; /* one case per code */
}

/* GET /status[?code=X] (page) and GET /api/v1/status/:code (JSON). */
int api_status_get(gk_http_req *req, gk_http_resp *resp)
{
    const char *code = gk_http__param(req, "code");
    gk_case_query q = GK_CASE_QUERY_INIT;
    lookup_ctx x = {NULL, 0};
    gk_store *st = NULL;
    int error;

    if (!code)
        code = gk_http__kvs_get(&req->args, "code");
    resp->title = "申请办理进度查询";
    error = gk_http__view(resp);
    if (error < 0 || !code || !*code)
        return error; /* the empty form */
    if (!gk_page__code_ok(code)) {
        gk_error_set(GK_ERRCLASS_HTTP, "查询码应为 %d 位字母或数字", GK_TRACKING_CODE_LEN);
        return GK_EINVALID;
    }
    error = gk_page__store(req, &st);
    if (error < 0)
        goto done;
    q.tracking_code = code;
    q.limit = 1;
    error = gk_store_case_foreach(st, &q, on_case, &x);
    if (error == 1)
        error = 0;
    if (error == 0)
        error = x.error;
    if (error < 0)
        goto done;
    if (!x.out) {
        gk_error_set(GK_ERRCLASS_HTTP, "未找到该查询码对应的申请");
        error = GK_ENOTFOUND;
        goto done;
    }
    if (json_object_set(resp->view, "case", x.out))
        error = gk__oom();
done:
    json_decref(x.out);
    return error;
}
