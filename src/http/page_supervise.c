/*
 * page_supervise.c: the supervising office's views (issue 6): for 督查 and
 * for the 负责人/管理员 of a parent agency, the agencies of their subtree
 * (the session's agency and every agency below it; all agencies for a
 * session without one):
 *
 *   /staff/supervise          each agency's annual report of a year side
 *                             by side (key figures, findings), their sum
 *                             (gk_report_add) validated and downloadable,
 *                             and each agency's overdue cases and 第二十六条
 *                             及时率;
 *   /staff/supervise/quarter  the agencies that fell short in a quarter.
 *
 * The routes' role masks admit the three roles; the subtree is computed
 * here from the agency tree, since access.c's check is one agency.
 */
#include <stdio.h>
#include "gk/audit.h"
#include "gk/render.h"
#include "gk/validate.h"
#include "page_int.h"
#include "report_view.h"

/*
 * The 及时率 below which an agency falls short, in percent. 100 by
 * default: 第二十六条 obliges publication of every item within 20 working
 * days of its forming or change, so a single late item is a breach; an
 * office may set a lower line for its list (?threshold=) to rank, never
 * to excuse. The same for cases: one overdue case (第三十三条) is enough.
 */
#define SUPERVISE_DEFAULT_THRESHOLD 100.0

#define SUPERVISE_MAX_AGENCIES 256

typedef struct {
    const char *code, *name;
} agency_ref;

typedef struct {
    agency_ref list[SUPERVISE_MAX_AGENCIES];
    size_t n;
    const char *root; /* NULL: every agency */
    gk_arena *a;
} subtree;

/* Parents come before children (gk_store_agency_foreach), so an agency is
 * in the subtree when it is the root or its parent already is. */
static int on_agency(const gk_agency *ag, void *payload)
{
    subtree *t = payload;
    bool in = !t->root || !strcmp(ag->code, t->root);
    size_t i;

    for (i = 0; !in && ag->parent && i < t->n; i++)
        in = !strcmp(t->list[i].code, ag->parent);
    if (!in)
        return 0;
    if (t->n == SUPERVISE_MAX_AGENCIES) {
        gk_error_set(GK_ERRCLASS_HTTP, "下属机关超过 %d 个", SUPERVISE_MAX_AGENCIES);
        return GK_ETOOBIG;
    }
    t->list[t->n].code = gk_arena_strndup(t->a, ag->code, strlen(ag->code));
    t->list[t->n].name = gk_arena_strndup(t->a, ag->name, strlen(ag->name));
    if (!t->list[t->n].code || !t->list[t->n].name)
        return gk__oom();
    t->n++;
    return 0;
}

static int load_subtree(gk_http_req *req, gk_store *st, subtree *t)
{
    memset(t, 0, sizeof *t);
    t->a = &req->arena;
    t->root = req->session.agency[0] ? req->session.agency : NULL;
    return gk_store_agency_foreach(st, on_agency, t);
}

/* ------------------------------------------------------- overdue cases */

typedef struct {
    gk_date from, to, today;
    const gk_calendar *cal;
    int64_t overdue, unknown;
} overdue_ctx;

/*
 * A case was overdue within [from, to] when its answer deadline (第三十三条,
 * with pauses and extension; a 第三十五条 date replaces it) had passed on
 * some day of the period while it was still unanswered: late from the day
 * after the deadline until it was concluded (or today).
 */
static int on_case(const gk_case *c, void *payload)
{
    overdue_ctx *x = payload;
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_date until = gk_date_valid(c->concluded) ? c->concluded : x->today, due;
    bool deferred = false;

    if (gk_date_cmp(c->received, x->to) > 0)
        return 0;
    /* Strict counting: these are figures of record (calendar.h). */
    if (gk_case_deadline(&ex, &deferred, c, x->cal, until) < 0) {
        gk_deadline_explain_release(&ex);
        gk_error_clear();
        x->unknown++;
        return 0;
    }
    due = deferred ? c->deferred_to : ex.deadline;
    gk_deadline_explain_release(&ex);
    if (gk_date_cmp(due, until) < 0 && gk_date_cmp(due, x->to) < 0 &&
        gk_date_cmp(until, x->from) >= 0)
        x->overdue++;
    return 0;
}

static int count_overdue(gk_store *st, const char *agency, gk_date from, gk_date to,
                         overdue_ctx *x)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    int error = gk_page__calendar(&x->cal);

    x->from = from;
    x->to = to;
    x->today = gk_page__today();
    x->overdue = x->unknown = 0;
    q.agency = agency;
    return error < 0 ? error : gk_store_case_foreach(st, &q, on_case, x);
}

/* ----------------------------------------------------- item timeliness */

typedef struct {
    gk_date from, to, today;
    const gk_calendar *cal;
    gk_timeliness_stats s;
} items_ctx;

static int on_item(const gk_catalogue_item *it, void *payload)
{
    items_ctx *x = payload;
    gk_timeliness t;

    if (gk_date_cmp(it->formed, x->from) < 0 || gk_date_cmp(it->formed, x->to) > 0)
        return 0;
    x->s.items++;
    if (gk_catalogue_timeliness(NULL, &t, it, x->cal, x->today) < 0) {
        gk_error_clear();
        return 0;
    }
    x->s.on_time += t == GK_TIMELY_ON_TIME;
    x->s.late += t == GK_TIMELY_LATE;
    x->s.overdue += t == GK_TIMELY_OVERDUE;
    x->s.pending += t == GK_TIMELY_PENDING;
    return 0;
}

/* 第二十六条 timeliness of the items formed in [from, to] (as
 * gk_store_item_timeliness counts a year: pending items are not in the
 * rate, 1.0 when none is decided). */
static int quarter_timeliness(gk_store *st, const char *agency, gk_date from, gk_date to,
                              gk_timeliness_stats *out)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    items_ctx x;
    int64_t decided;
    int error;

    memset(&x, 0, sizeof x);
    x.from = from;
    x.to = to;
    x.today = gk_page__today();
    q.agency = agency;
    error = gk_page__calendar(&x.cal);
    if (error == 0)
        error = gk_store_item_foreach(st, &q, on_item, &x);
    decided = x.s.on_time + x.s.late + x.s.overdue;
    x.s.rate = decided ? (double)x.s.on_time / (double)decided : 1.0;
    *out = x.s;
    return error;
}

static int put_rate(json_t *o, double rate)
{
    char b[16];

    snprintf(b, sizeof b, "%.1f%%", rate * 100.0);
    return gk_http__view_str(o, "rate", b);
}

/* ------------------------------------------------------ the year view */

static int year_param(const gk_http_req *req, int *year)
{
    const char *y = gk_http__field(req, "year");
    int64_t v = gk_page__today().y - 1;

    if (y && *y && (gk__parse_i64(y, strlen(y), &v) < 0 || v < 2008 || v > gk_page__today().y)) {
        gk_error_set(GK_ERRCLASS_HTTP, "年度应为 2008 至 %d 年", gk_page__today().y);
        return GK_EINVALID;
    }
    *year = (int)v;
    return 0;
}

static int64_t num(const gk_cell *c)
{
    return (int64_t)gk_cell_num(c);
}

/* The key figures of one report: new applications, results, carried
 * over, review and litigation totals, and the findings of validation. */
static int figures(json_t *o, const gk_report *r, size_t *findings_out)
{
    gk_validate_opts vo = GK_VALIDATE_OPTS_INIT;
    gk_diag_list *l = NULL;
    int error = gk_diag_list_new(&l);

    vo.narrative = false; /* the sections are written by people after the figures */
    if (error == 0)
        error = gk_validate(l, r, &vo);
    if (error == 0)
        error = gk_page__put_int(o, "new", num(&r->t3[GK_T3_NEW][GK_T3_COL_TOTAL]));
    if (error == 0)
        error = gk_page__put_int(o, "results", num(&r->t3[GK_T3_R_TOTAL][GK_T3_COL_TOTAL]));
    if (error == 0)
        error = gk_page__put_int(o, "carried_out", num(&r->t3[GK_T3_CARRIED_OUT][GK_T3_COL_TOTAL]));
    if (error == 0)
        error = gk_page__put_int(o, "review", num(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL]));
    if (error == 0)
        error = gk_page__put_int(o, "litigation",
                                 num(&r->t4[GK_T4_LIT_DIRECT][GK_T4_TOTAL]) +
                                     num(&r->t4[GK_T4_LIT_AFTER_REVIEW][GK_T4_TOTAL]));
    if (error == 0)
        error = gk_page__put_int(o, "findings", (int64_t)gk_diag_list_count(l));
    if (error == 0 && findings_out)
        *findings_out = gk_diag_list_count(l);
    gk_diag_list_free(l);
    return error;
}

/* Builds every agency's report of year and their sum into *sum (caller
 * frees); rows (may be NULL) receives one object per agency. */
static int build_all(gk_http_req *req, gk_store *st, const subtree *t, int year, json_t *rows,
                     gk_report **sum)
{
    gk_date from = {year, 1, 1}, to = {year, 12, 31};
    size_t i;
    int error = 0;

    *sum = NULL;
    for (i = 0; error == 0 && i < t->n; i++) {
        gk_report *r = NULL;
        gk_timeliness_stats ts;
        overdue_ctx od;
        const gk_calendar *cal;
        json_t *o = NULL;

        error = gk_store_report_build_full(&r, st, year, t->list[i].code, NULL);
        if (error == 0 && rows) {
            o = json_pack("{s:s, s:s}", "code", t->list[i].code, "name", t->list[i].name);
            error = o && !json_array_append_new(rows, o) ? 0 : gk__oom();
            if (error == 0)
                error = figures(o, r, NULL);
            if (error == 0)
                error = count_overdue(st, t->list[i].code, from, to, &od);
            if (error == 0)
                error = gk_page__put_int(o, "overdue", od.overdue);
            if (error == 0)
                error = gk_page__calendar(&cal);
            if (error == 0)
                error = gk_store_item_timeliness(st, t->list[i].code, year, cal,
                                                 gk_page__today(), &ts);
            if (error == 0)
                error = put_rate(o, ts.rate);
            if (error == 0)
                error = gk_page__put_int(o, "items", ts.items);
        }
        if (error == 0 && !*sum) {
            *sum = r;
            r = NULL;
        } else if (error == 0) {
            error = gk_report_add(*sum, r);
        }
        gk_report_free(r);
    }
    if (error == 0 && !*sum) {
        gk_error_set(GK_ERRCLASS_HTTP, "没有可以汇总的机关");
        error = GK_ENOTFOUND;
    }
    if (error == 0)
        (*sum)->agency = gk_report_strdup(*sum, "合计", strlen("合计"));
    (void)req;
    if (error < 0) {
        gk_report_free(*sum);
        *sum = NULL;
    }
    return error;
}

/* GET /staff/supervise, /api/v1/supervise ?year= */
int api_supervise_get(gk_http_req *req, gk_http_resp *resp)
{
    json_t *rows = json_array(), *total = json_object();
    gk_report *sum = NULL;
    gk_store *st = NULL;
    subtree t;
    size_t findings = 0;
    char href[96];
    int year, error = rows && total ? year_param(req, &year) : gk__oom();

    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = load_subtree(req, st, &t);
    if (error == 0)
        error = build_all(req, st, &t, year, rows, &sum);
    gk_page__store_done(req, st);
    if (error == 0)
        error = figures(total, sum, &findings);
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__put_int(resp->view, "year", year);
    if (error == 0)
        error = gk_http__view_str(resp->view, "root", t.root ? t.root : "");
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", json_incref(rows));
    if (error == 0)
        error = gk_page__set(resp->view, "total", json_incref(total));
    if (error == 0)
        error = gk_page__put_bool(resp->view, "total_passed", findings == 0);
    if (error == 0) {
        snprintf(href, sizeof href, "/staff/supervise/download?year=%d&", year);
        error = gk_http__report_format_links(resp->view, href);
    }
    if (error == 0)
        error = gk_http__report_years(resp->view, year);
    resp->title = "下级机关年度报告汇总";
    json_decref(rows);
    json_decref(total);
    gk_report_free(sum);
    return error;
}

/* GET /staff/supervise/download ?year=&format=: the sum in any format. */
int api_supervise_download(gk_http_req *req, gk_http_resp *resp)
{
    gk_render_format f;
    gk_report *sum = NULL;
    gk_store *st = NULL;
    subtree t;
    char stem[96];
    int year, error = gk_http__report_format(req, &f);

    if (error == 0)
        error = year_param(req, &year);
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = load_subtree(req, st, &t);
    if (error == 0)
        error = build_all(req, st, &t, year, NULL, &sum);
    gk_page__store_done(req, st);
    if (error == 0) {
        snprintf(stem, sizeof stem, "report-%d-sum-%s", year, t.root ? t.root : "all");
        error = gk_http__report_download(resp, sum, f, stem);
    }
    gk_report_free(sum);
    return error;
}

/* -------------------------------------------------- the quarterly list */

/* GET /staff/supervise/quarter, /api/v1/supervise/quarter
 * ?year=&quarter=1..4&threshold=0..100 */
int api_supervise_quarter(gk_http_req *req, gk_http_resp *resp)
{
    static const int first_month[] = {1, 4, 7, 10}, last_day[] = {31, 30, 30, 31};
    const char *qs = gk_http__field(req, "quarter"), *th = gk_http__field(req, "threshold");
    json_t *rows = json_array();
    int64_t quarter = (gk_page__today().m - 1) / 3 + 1, thr = (int64_t)SUPERVISE_DEFAULT_THRESHOLD;
    gk_store *st = NULL;
    gk_date from, to;
    subtree t;
    size_t i;
    int year = gk_page__today().y, error = rows ? 0 : gk__oom();

    if (error == 0 && gk_http__field(req, "year"))
        error = year_param(req, &year);
    if (error == 0 && qs && *qs &&
        (gk__parse_i64(qs, strlen(qs), &quarter) < 0 || quarter < 1 || quarter > 4)) {
        gk_error_set(GK_ERRCLASS_HTTP, "季度应为 1 至 4");
        error = GK_EINVALID;
    }
    if (error == 0 && th && *th && (gk__parse_i64(th, strlen(th), &thr) < 0 || thr < 0 || thr > 100)) {
        gk_error_set(GK_ERRCLASS_HTTP, "及时率标准应为 0 至 100（百分比）");
        error = GK_EINVALID;
    }
    if (error < 0)
        quarter = 1; /* the dates below stay in range; nothing is read */
    from = (gk_date){year, first_month[quarter - 1], 1};
    to = (gk_date){year, first_month[quarter - 1] + 2, last_day[quarter - 1]};
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = load_subtree(req, st, &t);
    for (i = 0; error == 0 && i < t.n; i++) {
        gk_timeliness_stats ts;
        overdue_ctx od;
        bool short_rate;
        json_t *o;

        error = count_overdue(st, t.list[i].code, from, to, &od);
        if (error == 0)
            error = quarter_timeliness(st, t.list[i].code, from, to, &ts);
        if (error < 0)
            break;
        short_rate = ts.rate * 100.0 < (double)thr;
        if (od.overdue == 0 && !short_rate)
            continue;
        o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:b, s:b}", "code", t.list[i].code, "name",
                      t.list[i].name, "overdue", (json_int_t)od.overdue, "items",
                      (json_int_t)ts.items, "late", (json_int_t)(ts.late + ts.overdue),
                      "unknown", (json_int_t)od.unknown, "overdue_short", od.overdue > 0,
                      "rate_short", short_rate);
        error = o && !json_array_append_new(rows, o) ? 0 : gk__oom();
        if (error == 0)
            error = put_rate(o, ts.rate);
    }
    gk_page__store_done(req, st);
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__put_int(resp->view, "year", year);
    if (error == 0)
        error = gk_page__put_int(resp->view, "quarter", quarter);
    if (error == 0)
        error = gk_page__put_int(resp->view, "threshold", thr);
    if (error == 0)
        error = gk_page__put_date(resp->view, "from", from);
    if (error == 0)
        error = gk_page__put_date(resp->view, "to", to);
    if (error == 0)
        error = gk_page__put_int(resp->view, "checked", (int64_t)t.n);
    if (error == 0)
        error = gk_page__set(resp->view, "short", json_incref(rows));
    resp->title = "季度未达标机关";
    json_decref(rows);
    return error;
}
