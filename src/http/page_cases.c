/*
 * page_cases.c: the staff console of the application register: the
 * dashboard of overdue and due-soon cases, the case list with filters
 * (personal data masked), the case page (the explained 第三十三条
 * deadline, the timeline from the audit trail, a form for every action the
 * state machine allows now) and the actions themselves.
 *
 * Access: every route here is STAFF; which roles may take which action is
 * the role mask of that action's row in routes.def (one row per action),
 * so it is decided by access.c like every other route. A case is shown or
 * changed only after gk_http__agency_allowed(its agency).
 */
#include <stdlib.h>
#include "page_int.h"

/* ---- actions: URL slug → state-machine event, and the fields it needs */

enum { NEED_OUTCOME = 1, NEED_DAYS = 2, NEED_UNTIL = 4, NEED_FEE = 8, NEED_SPLIT = 16 };

static const struct {
    const char *slug;
    gk_case_event_kind kind;
    unsigned needs;
    const char *hint; /* what the date means, for the form */
} actions[] = {
    {"accept", GK_CASE_EV_ACCEPT, 0, "受理之日"},
    {"correction", GK_CASE_EV_REQUEST_CORRECTION, 0,
     "发出补正告知之日（收到申请之日起 7 个工作日内一次性告知，条例第三十条）"},
    {"corrected", GK_CASE_EV_CORRECTED, 0, "收到补正后申请之日（答复期限自该日重新计算，条例第三十条）"},
    {"correction-lapsed", GK_CASE_EV_CORRECTION_LAPSED, 0, "补正期限届满之日"},
    {"consult-third-party", GK_CASE_EV_CONSULT_THIRD_PARTY, 0,
     "发出征求意见函之日（第三方 15 个工作日内答复，期间不计入答复期限）"},
    {"consult-agency", GK_CASE_EV_CONSULT_AGENCY, 0,
     "发出征求意见函之日（其他机关 15 个工作日内答复，期间不计入答复期限）"},
    {"consult-done", GK_CASE_EV_CONSULT_DONE, 0, "收到意见或征求期限届满之日"},
    {"fee-notice", GK_CASE_EV_FEE_NOTICE, NEED_FEE, "送达收费通知之日（国办函〔2020〕109号）"},
    {"fee-paid", GK_CASE_EV_FEE_PAID, 0, "申请人缴费之日"},
    {"fee-lapsed", GK_CASE_EV_FEE_LAPSED, 0, "缴费期限（20 个工作日）届满之日"},
    {"extend", GK_CASE_EV_EXTEND, NEED_DAYS,
     "批准延长之日（由本人作为负责人批准，最长 20 个工作日，条例第三十三条第二款）"},
    {"defer", GK_CASE_EV_DEFER, NEED_UNTIL, "告知申请人之日（条例第三十五条）"},
    {"answer", GK_CASE_EV_ANSWER, NEED_OUTCOME,
     "答复送达之日（当面签收之日或交邮之日，国办公开办函〔2016〕235号）"},
    {"withdraw", GK_CASE_EV_WITHDRAW, 0, "申请人撤回之日"},
    {"split", GK_CASE_EV_SPLIT, NEED_SPLIT,
     "拆分之日（一事一申请：按合理的最小单位拆分为多件，各件单独答复、计算期限和计件收费，原申请不再计数）"},
};

/* The action of a path ".../cases/CODE/<slug>"; -1 when none. */
static int action_of_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t i;

    for (i = 0; slash && i < GK_ARRAY_LEN(actions); i++)
        if (!strcmp(slash + 1, actions[i].slug))
            return (int)i;
    return -1;
}

/* True when routes.def lets the session's role use the route `pattern`:
 * a form is shown only to those the router will let through. */
static bool route_allowed(const gk_http_req *req, const char *pattern)
{
    size_t i;

    for (i = 0; i < gk_http__nroutes; i++)
        if (!strcmp(gk_http__routes[i].pattern, pattern))
            return gk_http__authorize(req, &gk_http__routes[i]) == 0;
    return false;
}

static bool action_allowed(const gk_http_req *req, size_t a)
{
    char pattern[96];

    snprintf(pattern, sizeof(pattern), "/staff/cases/:code/%s", actions[a].slug);
    return route_allowed(req, pattern);
}

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

/* ---- the forms of the actions the case's state allows ----------------- */

static int outcome_options(json_t **out)
{
    json_t *arr = json_array();
    int r;

    *out = arr;
    if (!arr)
        return gk__oom();
    for (r = GK_T3_FIRST_RESULT; r <= GK_T3_LAST_RESULT; r++) {
        /* The two lapses are their own events (补正、缴费), not answers. */
        json_t *o;

        if (r == GK_T3_R_OT_NOCORRECT || r == GK_T3_R_OT_NOFEE)
            continue;
        o = json_pack("{s:s, s:s, s:s}", "key", gk_t3_row_key(r), "label", gk_t3_row_label(r),
                      "group", gk_t3_row_group(r) ? gk_t3_row_group(r) : "");
        if (!o || json_array_append_new(arr, o))
            return gk__oom();
    }
    return 0;
}

static const char *article_of(int state, gk_case_event_kind e)
{
    size_t n, i;
    const gk_case_transition *t = gk_case_transitions(&n);

    for (i = 0; i < n; i++)
        if ((int)t[i].from == state && t[i].event == e)
            return t[i].article;
    return "";
}

static int action_forms(json_t **out, const gk_http_req *req, int state, const char *code)
{
    json_t *arr = json_array(), *opts = NULL;
    char today[GK_DATE_BUFSZ], path[96];
    size_t a;
    int error = 0;

    *out = arr;
    if (!arr)
        return gk__oom();
    gk_date_format(today, gk_page__today());
    for (a = 0; a < GK_ARRAY_LEN(actions) && error == 0; a++) {
        json_t *o;

        if (!gk_case_can((gk_case_state)state, actions[a].kind) || !action_allowed(req, a))
            continue;
        snprintf(path, sizeof(path), "/staff/cases/%s/%s", code, actions[a].slug);
        o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:b, s:b}", "slug",
                      actions[a].slug, "label", gk_case_event_label(actions[a].kind), "action",
                      path, "hint", actions[a].hint, "article",
                      article_of(state, actions[a].kind), "today", today, "outcome",
                      (actions[a].needs & NEED_OUTCOME) != 0, "days",
                      (actions[a].needs & NEED_DAYS) != 0, "until",
                      (actions[a].needs & NEED_UNTIL) != 0, "fee",
                      (actions[a].needs & NEED_FEE) != 0, "split",
                      (actions[a].needs & NEED_SPLIT) != 0);
        if (!o || json_array_append_new(arr, o))
            return gk__oom();
        if (actions[a].needs & NEED_OUTCOME) {
            error = outcome_options(&opts);
            if (error == 0)
                error = gk_page__set(o, "outcomes", opts);
            else
                json_decref(opts);
        }
    }
    return error;
}

/* Fills resp->view with the case page: case, deadline, timeline, forms. */
static int case_page(gk_http_req *req, gk_http_resp *resp, gk_store *st, gk_page_case *x)
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
        error = action_forms(&v, req, x->state, gk_http__param(req, "code"));
    if (error == 0)
        error = gk_page__set(resp->view, "actions", v);
    if (error == 0)
        error = gk_page__notice_section(resp->view, st, x);
    if (error == 0 && x->mode == GK_PAGE_VIEW_CASE && route_allowed(req, "/staff/cases/:code/reveal"))
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
        error = case_page(req, resp, st, &x);
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
        error = case_page(req, resp, st, &x);
    if (error == 0)
        resp->title = "申请详情（完整信息）";
    json_decref(x.view);
    gk_page__store_done(req, st);
    return error;
}

/* ---- taking an action ------------------------------------------------- */

static int date_field(const gk_http_req *req, const char *name, gk_date *out, bool required)
{
    const char *v = gk_http__field(req, name);

    if (!v || !*v) {
        if (!required)
            return 0;
        gk_error_set(GK_ERRCLASS_HTTP, "请填写日期");
        return GK_EINVALID;
    }
    return gk_date_parse(out, v, strlen(v));
}

static int int_field(const gk_http_req *req, const char *name, int64_t *out, const char *what)
{
    const char *v = gk_http__field(req, name);

    if (!v || gk__parse_i64(v, strlen(v), out) < 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "请填写%s（整数）", what);
        return GK_EINVALID;
    }
    return 0;
}

/* Reads the event of action a from the form. */
static int read_event(const gk_http_req *req, size_t a, gk_case_event *ev)
{
    int64_t n = 0;
    int error;

    ev->kind = actions[a].kind;
    error = date_field(req, "date", &ev->date, true);
    if (error == 0 && (actions[a].needs & NEED_OUTCOME)) {
        const char *o = gk_http__field(req, "outcome");

        ev->outcome = o ? gk_t3_row_from_key(o, strlen(o)) : -1;
        if (ev->outcome < 0) {
            gk_error_set(GK_ERRCLASS_HTTP, "请选择办理结果（表三）");
            error = GK_EINVALID;
        }
    }
    if (error == 0 && (actions[a].needs & NEED_DAYS)) {
        error = int_field(req, "days", &n, "延长的工作日数");
        ev->days = n > 0 && n <= 1000 ? (int)n : 0;
        /* 第三十三条第二款: approved by the head of the disclosure office;
         * the route lets only 负责人 take this action, so it is the user. */
        ev->approver = req->session.user;
    }
    if (error == 0 && (actions[a].needs & NEED_UNTIL))
        error = date_field(req, "until", &ev->until, true);
    if (error == 0 && (actions[a].needs & NEED_FEE))
        error = int_field(req, "fee", &ev->fee_yuan, "收费金额（元）");
    return error;
}

/* The split of the form (国办函〔2020〕109号第四条): "into" 件, and the
 * titles one per line of "titles" (all empty: the store names them). */
static int split_case(gk_http_req *req, gk_store *st, const gk_case_event *ev)
{
    const char *titles[GK_SPLIT_MAX];
    const char *t = gk_http__field(req, "titles");
    int64_t n = 0;
    int nt = 0;
    int error = int_field(req, "into", &n, "拆分件数");

    while (error == 0 && t && *t) {
        const char *end = strchr(t, '\n');
        size_t len = end ? (size_t)(end - t) : strlen(t);

        while (len && (t[len - 1] == '\r' || t[len - 1] == ' '))
            len--;
        if (len && nt == GK_SPLIT_MAX) {
            gk_error_set(GK_ERRCLASS_HTTP, "标题超过 %d 个", GK_SPLIT_MAX);
            error = GK_EINVALID;
        } else if (len) {
            titles[nt] = gk_arena_strndup(&req->arena, t, len);
            if (!titles[nt++])
                error = gk__oom();
        }
        t = end ? end + 1 : NULL;
    }
    if (error == 0 && nt && nt != n) {
        gk_error_set(GK_ERRCLASS_HTTP, "拆分为 %lld 件，却给出了 %d 个标题", (long long)n, nt);
        error = GK_EINVALID;
    }
    if (error == 0)
        error = gk_store_case_split(st, gk_http__param(req, "code"), ev->date,
                                    n > 0 && n <= GK_SPLIT_MAX ? (int)n : 0, nt ? titles : NULL,
                                    NULL);
    return error;
}

/* POST /staff/cases/:code/<action>, /api/v1/cases/:code/<action>. The page
 * answers 303 to the case page, or the case page again with the refusal
 * (409/400) beside the forms; the API answers the updated case. */
int api_case_event(gk_http_req *req, gk_http_resp *resp)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;
    int a = action_of_path(req->path);
    bool page = req->route && req->route->tmpl;
    gk_page_case x;
    gk_store *st = NULL;
    char loc[64];
    int error;

    memset(&x, 0, sizeof(x));
    if (a < 0)
        return GK_HTTP_ENOROUTE;
    error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_page__case_load(req, st, &x, GK_PAGE_VIEW_CASE);
    json_decref(x.view);
    x.view = NULL;
    if (error < 0)
        goto done;
    error = read_event(req, (size_t)a, &ev);
    if (error == 0)
        error = actions[a].kind == GK_CASE_EV_SPLIT
                    ? split_case(req, st, &ev)
                    : gk_store_case_apply(st, gk_http__param(req, "code"), &ev);
    if (page && (error == GK_ECONFLICT || error == GK_EINVALID)) {
        /* Show the refusal on the case page, forms intact. */
        char msg[512];
        int status = gk_http__status_for(error);

        snprintf(msg, sizeof(msg), "%s：%s", gk_case_event_label(actions[a].kind),
                 gk_error_last()->message);
        error = gk_page__case_load(req, st, &x, GK_PAGE_VIEW_CASE);
        if (error == 0)
            error = case_page(req, resp, st, &x);
        if (error == 0)
            error = gk_http__view_str(resp->view, "error", msg);
        resp->status = status;
        goto done;
    }
    if (error < 0)
        goto done;
    if (page) {
        snprintf(loc, sizeof(loc), "/staff/cases/%s", gk_http__param(req, "code"));
        error = gk_http__redirect(resp, gk_arena_strndup(&req->arena, loc, strlen(loc)));
        goto done;
    }
    error = gk_page__case_load(req, st, &x, GK_PAGE_VIEW_CASE);
    if (error == 0)
        error = case_page(req, resp, st, &x);
done:
    json_decref(x.view);
    gk_page__store_done(req, st);
    return error;
}

/* ---- the list and the dashboard --------------------------------------- */

typedef struct {
    const gk_http_req *req;
    const char *state;  /* state key, "open", "closed" or NULL */
    const char *due;    /* "overdue", "soon" or NULL */
    int type;           /* applicant type or -1 */
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

        if (!strcmp(x->state, "open") ? !open
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
    for (i = total - 1 - (pno - 1) * PAGE_SIZE; page && i >= 0 && i > total - 1 - pno * PAGE_SIZE; i--)
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
        error = gk_page__options(&v, GK_CASE_NSTATES, gk_case_state_key, gk_case_state_label,
                                 x.state);
    if (error == 0)
        error = gk_page__set(resp->view, "states", v);
    if (error == 0)
        error = gk_page__set(resp->view, "filter",
                             json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:b}", "state",
                                       x.state ? x.state : "", "due", x.due ? x.due : "", "type",
                                       type ? type : "", "agency", agency ? agency : "",
                                       "open", x.state && !strcmp(x.state, "open"), "closed",
                                       x.state && !strcmp(x.state, "closed"), "overdue",
                                       x.due && !strcmp(x.due, "overdue"), "soon",
                                       x.due && !strcmp(x.due, "soon")));
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
