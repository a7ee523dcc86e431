/*
 * api_status.c: the public status lookup by tracking code (issue 6): the
 * stage, the receipt date, the answer deadline (第三十三条, computed by
 * gk_case_deadline on the official calendar) and the date of service.
 * Nothing else of the case is shown: no name, contact or description, so
 * a code reveals no applicant's personal data.
 */
#include <time.h>
#include "gk/calendar.h"
#include "gk/case.h"
#include "gk/store.h"
#include "handlers.h"

static gk_calendar *calendar;
static pthread_once_t calendar_once = PTHREAD_ONCE_INIT;

/* The calendar is immutable and shared by every worker thread. */
static void load_calendar(void)
{
    if (gk_calendar_new_default(&calendar) < 0)
        calendar = NULL;
}

/* Today in China (UTC+8), the as-of date of an open pause. */
static gk_date today_cn(void)
{
    time_t t = time(NULL);

    return gk_date_from_days((int32_t)(((int64_t)t + 8 * 3600) / 86400));
}

/* Codes are GK_TRACKING_CODE_LEN characters of A–Z and 2–9; anything
 * else is refused before the database is asked. */
static bool code_ok(const char *c)
{
    size_t i;

    if (!c || strlen(c) != GK_TRACKING_CODE_LEN)
        return false;
    for (i = 0; i < GK_TRACKING_CODE_LEN; i++)
        if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '2' && c[i] <= '9')))
            return false;
    return true;
}

typedef struct {
    json_t *out;
    int error;
} lookup_ctx;

static int put_date(json_t *o, const char *key, gk_date d)
{
    char buf[GK_DATE_BUFSZ];

    if (d.y == 0)
        return 0;
    return gk_http__view_str(o, key, gk_date_format(buf, d));
}

static int on_case(const gk_case *c, void *payload)
{
    lookup_ctx *x = payload;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
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
        error = put_date(o, "received", c->received);
    if (error == 0)
        error = put_date(o, "concluded", c->concluded);
    if (error == 0 && json_object_set_new(o, "open", json_boolean(gk_case_state_is_open(c->state))))
        error = gk__oom();
    if (error == 0 && gk_case_state_is_open(c->state) && calendar &&
        gk_case_deadline(&ex, &deferred, c, calendar, today_cn()) == 0)
        error = put_date(o, "due", ex.deadline);
    gk_deadline_explain_release(&ex);
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
    if (!code_ok(code)) {
        gk_error_set(GK_ERRCLASS_HTTP, "查询码应为 %d 位字母或数字", GK_TRACKING_CODE_LEN);
        return GK_EINVALID;
    }
    pthread_once(&calendar_once, load_calendar);
    error = gk_http__store(req, &st);
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
