/*
 * page_case_actions.c: the actions on a case in the staff console: the
 * table of URL slugs → state-machine events and the fields each needs,
 * the forms of the actions the case's state allows, and taking an action.
 *
 * Access: which roles may take which action is the role mask of that
 * action's row in routes.def (one row per action), so it is decided by
 * access.c like every other route; a form is shown only to those the
 * router will let through. A case is changed only after
 * gk_http__agency_allowed(its agency).
 */
#include <stdio.h>
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
    {"corrected", GK_CASE_EV_CORRECTED, 0,
     "收到补正后申请之日（答复期限自该日重新计算，条例第三十条）"},
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
     "拆分之日（一事一申请：按合理的最小单位拆分为多件，各件单独答复、计算期限和计件收费，原申请不"
     "再计数）"},
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

static bool action_allowed(const gk_http_req *req, size_t a)
{
    char pattern[96];

    snprintf(pattern, sizeof(pattern), "/staff/cases/:code/%s", actions[a].slug);
    return gk_page__route_allowed(req, pattern);
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

int gk_page__case_actions(json_t **out, const gk_http_req *req, int state, const char *code)
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
        o = json_pack(
            "{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:b, s:b}", "slug", actions[a].slug,
            "label", gk_case_event_label(actions[a].kind), "action", path, "hint", actions[a].hint,
            "article", article_of(state, actions[a].kind), "today", today, "outcome",
            (actions[a].needs & NEED_OUTCOME) != 0, "days", (actions[a].needs & NEED_DAYS) != 0,
            "until", (actions[a].needs & NEED_UNTIL) != 0, "fee",
            (actions[a].needs & NEED_FEE) != 0, "split", (actions[a].needs & NEED_SPLIT) != 0);
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
        error =
            gk_store_case_split(st, gk_http__param(req, "code"), ev->date,
                                n > 0 && n <= GK_SPLIT_MAX ? (int)n : 0, nt ? titles : NULL, NULL);
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
            error = gk_page__case_page(req, resp, st, &x);
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
        error = gk_page__case_page(req, resp, st, &x);
done:
    json_decref(x.view);
    gk_page__store_done(req, st);
    return error;
}
