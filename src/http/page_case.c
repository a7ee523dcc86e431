/*
 * page_case.c: the case page of the staff console: the case loaded for the
 * session's agency (personal data masked unless revealed), the explained
 * 第三十三条 deadline, the timeline from the audit trail, the forms of the
 * actions the state allows (page_case_actions.c) and the reply notice
 * (page_notice.c); GET and the recorded reveal of personal data.
 *
 * Access: every route here is STAFF (routes.def); a case is shown only
 * after gk_http__agency_allowed(its agency).
 */
#include <stdio.h>
#include "case_links.h"
#include "page_int.h"

/* ---- loading a case ----------------------------------------------------- */

bool gk_page__code_ok(const char *c)
{
    size_t i;

    if (!c || strlen(c) != GK_TRACKING_CODE_LEN)
        return false;
    for (i = 0; i < GK_TRACKING_CODE_LEN; i++)
        if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '2' && c[i] <= '9')))
            return false;
    return true;
}

static int on_loaded(const gk_case *c, void *payload)
{
    gk_page_case *x = payload;
    const gk_calendar *cal;
    gk_buf b = GK_BUF_INIT;

    x->id = c->id;
    x->ext_days = c->ext_days;
    x->fee_yuan = c->fee_yuan;
    x->correction_requested = c->correction_requested;
    x->outcome = c->outcome;
    for (size_t i = 0; i < c->npauses; i++)
        x->third_party |= c->pauses[i].reason == GK_PAUSE_THIRD_PARTY;
    x->state = c->state;
    snprintf(x->agency, sizeof(x->agency), "%s", c->agency);
    x->error = gk_page__case_view(&x->view, c, x->mode, gk_page__today());
    /* The explanation of the deadline, in Chinese, step by step; a year
     * without holiday data is counted provisionally and the text says so
     * (calendar.h PROVISIONAL MODE); beyond that range the text says why
     * there is no date, not an error of the page. */
    if (x->error == 0 && gk_case_state_is_open(c->state) && gk_page__calendar(&cal) == 0) {
        if (gk_case_deadline_format_mode(&b, c, cal, gk_page__today(), GK_CALENDAR_PROVISIONAL) ==
            0)
            snprintf(x->deadline_text, sizeof(x->deadline_text), "%s", gk_buf_cstr(&b));
        else
            snprintf(x->deadline_text, sizeof(x->deadline_text), "无法计算：%s",
                     gk_error_last()->message);
        gk_buf_clear(&b);
        if (c->state == GK_CASE_RECEIVED) {
            gk_provisional prov = GK_PROVISIONAL_INIT;
            gk_date due;
            char d[GK_DATE_BUFSZ];

            if (gk_case_correction_due_mode(&due, &prov, c, cal, GK_CALENDAR_PROVISIONAL) == 0) {
                x->error = gk_http__view_str(x->view, "correction_due", gk_date_format(d, due));
                if (x->error == 0)
                    x->error = gk_page__put_provisional(x->view, "correction_due_", &prov);
            }
        }
    }
    gk_buf_release(&b);
    gk_error_clear();
    return x->error < 0 ? x->error : 1;
}

int gk_page__case_load(gk_http_req *req, gk_store *st, gk_page_case *x, gk_page_view mode)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    const char *code = gk_http__param(req, "code");
    int error;

    memset(x, 0, sizeof(*x));
    x->mode = mode;
    if (!gk_page__code_ok(code)) {
        gk_error_set(GK_ERRCLASS_HTTP, "查询码应为 %d 位字母或数字", GK_TRACKING_CODE_LEN);
        return GK_EINVALID;
    }
    q.tracking_code = code;
    q.limit = 1;
    error = gk_store_case_foreach(st, &q, on_loaded, x);
    if (error == 1)
        error = 0;
    if (error == 0)
        error = x->error;
    if (error == 0 && !x->view) {
        gk_error_set(GK_ERRCLASS_HTTP, "未找到该申请");
        error = GK_ENOTFOUND;
    }
    if (error == 0 && !gk_http__agency_allowed(req, x->agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的申请");
        error = GK_HTTP_EDENIED;
    }
    if (error < 0) {
        json_decref(x->view);
        x->view = NULL;
    }
    return error;
}

/* ---- the timeline: this case's events from the audit trail ------------- */

typedef struct {
    int64_t id;
    json_t *list;
} timeline_ctx;

/* Audit actions that are not state-machine events, as the timeline
 * names them. */
static const struct {
    const char *action;
    const char *label;
} action_labels[] = {
    {"create", "登记"},
    {"import", "从台账导入"},
    {"note:reveal", "查看完整个人信息"},
    {"note:intake", "记录提交方式（工作人员登记）"},
};

static const char *action_label(const char *action)
{
    size_t i;
    int e;

    if (!strncmp(action, "apply:", 6)) {
        e = gk_case_event_from_key(action + 6, strlen(action + 6));
        return e >= 0 ? gk_case_event_label(e) : action;
    }
    for (i = 0; i < GK_ARRAY_LEN(action_labels); i++)
        if (!strcmp(action, action_labels[i].action))
            return action_labels[i].label;
    return action;
}

/* The time an event was recorded, in Beijing time ("2025-03-04 09:15"):
 * the trail stores UTC "YYYY-MM-DDTHH:MM:SS.mmmZ". */
static void recorded_at(char out[32], const char *at)
{
    int y, mo, d, h, mi;
    gk_date day;

    if (sscanf(at, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) {
        snprintf(out, 32, "%s", at);
        return;
    }
    day = gk_date_from_days(gk_date_to_days((gk_date){y, mo, d}) + (h + 8) / 24);
    snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", day.y, day.m, day.d, (h + 8) % 24, mi);
}

static int on_event(const gk_store_event *e, void *payload)
{
    timeline_ctx *x = payload;
    json_t *after, *o;
    const char *state, *legal;
    char at[32];
    int s;

    after = json_loads(e->after, 0, NULL);
    state = json_string_value(json_object_get(after, "state"));
    s = state ? gk_case_state_from_key(state, strlen(state)) : -1;
    /* The legal date: the event's own date (after.last_event); a creation
     * is dated by the receipt (第三十一条). Older trails lack last_event. */
    legal = strncmp(e->action, "note:", 5) == 0
                ? NULL
                : json_string_value(json_object_get(
                      after, !strcmp(e->action, "create") ? "received" : "last_event"));
    if (!strncmp(e->action, "note:", 5))
        state = NULL, s = -1;
    recorded_at(at, e->at);
    o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "at", at, "date", legal ? legal : "", "actor",
                  e->actor, "action", action_label(e->action), "state",
                  s >= 0 ? gk_case_state_label(s) : "");
    json_decref(after);
    if (!o || json_array_append_new(x->list, o))
        return gk__oom();
    return 0;
}

/* The case's events in order, read by the events_entity index. */
static int timeline(json_t **out, gk_store *st, int64_t id)
{
    timeline_ctx x = {id, json_array()};
    int error;

    *out = NULL;
    if (!x.list)
        return gk__oom();
    error = gk_store_event_entity_foreach(st, "case", id, on_event, &x);
    if (error < 0) {
        json_decref(x.list);
        return error;
    }
    *out = x.list;
    return 0;
}

/* Fills resp->view with the case page: case, deadline, timeline, forms. */
int gk_page__case_page(gk_http_req *req, gk_http_resp *resp, gk_store *st, gk_page_case *x)
{
    json_t *v = NULL;
    int error = gk_http__view(resp);

    if (error == 0) {
        error = gk_page__set(resp->view, "case", x->view);
        x->view = NULL;
    }
    if (error == 0 && x->deadline_text[0])
        error = gk_http__view_str(resp->view, "deadline_text", x->deadline_text);
    if (error == 0)
        error = timeline(&v, st, x->id);
    if (error == 0)
        error = gk_page__set(resp->view, "timeline", v);
    if (error == 0)
        error = gk_page__case_actions(&v, req, x->state, gk_http__param(req, "code"));
    if (error == 0)
        error = gk_page__set(resp->view, "actions", v);
    if (error == 0)
        error = gk_page__notice_section(resp->view, st, x);
    if (error == 0)
        error = gk_page__case_links_fee(resp->view, st, x);
    if (error == 0 && x->mode == GK_PAGE_VIEW_CASE &&
        gk_page__route_allowed(req, "/staff/cases/:code/reveal"))
        error = gk_page__put_bool(resp->view, "can_reveal", true);
    resp->title = "申请详情";
    return error;
}

/* GET /staff/cases/:code, /api/v1/cases/:code */
int api_case_get(gk_http_req *req, gk_http_resp *resp)
{
    gk_page_case x;
    gk_store *st = NULL;
    int error = gk_page__store(req, &st);

    if (error == 0)
        error = gk_page__case_load(req, st, &x, GK_PAGE_VIEW_CASE);
    if (error == 0)
        error = gk_page__case_page(req, resp, st, &x);
    json_decref(x.view);
    gk_page__store_done(req, st);
    return error;
}

/* POST /staff/cases/:code/reveal, /api/v1/cases/:code/reveal (承办人,
 * 负责人: routes.def): the case page with the ID number and the contact
 * unmasked, this once, after recording in the audit trail who saw them.
 * A POST (CSRF-checked) so that no link, prefetch or crawler reveals
 * anything and nothing personal ends in a URL. */
int api_case_reveal(gk_http_req *req, gk_http_resp *resp)
{
    gk_page_case x;
    gk_store *st = NULL;
    int error = gk_page__store(req, &st);

    memset(&x, 0, sizeof(x));
    if (error == 0)
        error = gk_page__case_load(req, st, &x, GK_PAGE_VIEW_FULL);
    if (error == 0)
        error = gk_store_note(st, x.agency, "case", x.id, "note:reveal",
                              "{\"fields\":[\"applicant_id\",\"contact\"]}");
    if (error == 0)
        error = gk_page__case_page(req, resp, st, &x);
    if (error == 0)
        resp->title = "申请详情（完整信息）";
    json_decref(x.view);
    gk_page__store_done(req, st);
    return error;
}
