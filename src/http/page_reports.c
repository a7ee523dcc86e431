/*
 * page_reports.c: the annual report (政府信息公开工作年度报告) built from the
 * registers in the console: table 3 counted from the cases of the year
 * (gk_store_report_build), validated by the report rules (gk_validate),
 * shown in the official HTML layout with the findings beside it, and
 * downloadable in every format of the renderer.
 *
 * Table 2 comes from the catalogue and the entered yearly figures, table 4
 * from the review cases (gk_store_report_build_full); when no figures
 * were entered for the year the page says so. The narrative rules are not
 * run: the sections are written by people after the figures. A published
 * year can be locked (gk_store_report_lock): from then on the stored
 * report is shown and changes in that year are refused.
 */
#include <stdio.h>
#include "gk/render.h"
#include "gk/validate.h"
#include "page_int.h"
#include "report_view.h"

/* The year and agency asked for: year 2008 (the first year of the
 * 条例) up to this year, default last year; the agency one the session may
 * see, default its own (NULL = every agency, for sessions without one). */
static int params(const gk_http_req *req, int *year, const char **agency)
{
    const char *y = gk_http__field(req, "year");
    int64_t v = gk_page__today().y - 1;

    if (y && *y && (gk__parse_i64(y, strlen(y), &v) < 0 || v < 2008 || v > gk_page__today().y)) {
        gk_error_set(GK_ERRCLASS_HTTP, "年度应为 2008 至 %d 年", gk_page__today().y);
        return GK_EINVALID;
    }
    *year = (int)v;
    *agency = gk_http__field(req, "agency");
    if (!*agency || !**agency)
        *agency = req->session.agency[0] ? req->session.agency : NULL;
    if (*agency && !gk_http__agency_allowed(req, *agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        return GK_HTTP_EDENIED;
    }
    return 0;
}

/* Builds and validates; caller frees both. *figures (may be NULL): the
 * yearly figures of table 2 were entered; *locked (may be NULL): the year
 * is locked for this agency or the whole store. */
static int build(gk_http_req *req, int year, const char *agency, gk_report **r,
                 gk_diag_list **l, bool *figures, bool *locked)
{
    gk_validate_opts vo = GK_VALIDATE_OPTS_INIT;
    gk_store *st = NULL;
    bool dummy;
    int error = gk_page__store(req, &st);

    *r = NULL;
    *l = NULL;
    if (error == 0)
        error = gk_store_report_build_full(r, st, year, agency, figures);
    if (error == 0)
        error = gk_store_year_locked(st, year, agency, locked ? locked : &dummy);
    gk_page__store_done(req, st);
    vo.narrative = false;
    if (error == 0)
        error = gk_diag_list_new(l);
    if (error == 0)
        error = gk_validate(*l, *r, &vo);
    return error;
}

/* The findings (gongkai.findings/1 items) and the notes. */
static int findings_view(json_t *view, const gk_diag_list *l, bool figures)
{
    json_t *list = json_array(), *notes = json_array();
    size_t i, errors = 0, warnings = 0;
    int error = 0;

    for (i = 0; list && notes && error == 0 && i < gk_diag_list_count(l); i++) {
        const gk_diag *d = gk_diag_list_get(l, i);
        json_t *o;

        errors += d->severity == GK_SEV_ERROR;
        warnings += d->severity == GK_SEV_WARNING;
        o = json_pack("{s:s, s:s, s:s, s:s}", "rule", d->rule, "severity",
                      gk_severity_name(d->severity), "cell", d->cell ? d->cell : "", "message",
                      d->message);
        if (!o || json_array_append_new(list, o))
            error = gk__oom();
    }
    if (!list || !notes)
        error = gk__oom();
    if (error == 0 && !figures &&
        json_array_append_new(notes, json_string("表二中行政许可、行政处罚、行政强制决定数和行政事业性收费金额"
                                                 "本年度尚未录入，按 0 计")))
        error = gk__oom();
    if (error == 0)
        error = gk_page__put_int(view, "errors", (int64_t)errors);
    if (error == 0)
        error = gk_page__put_int(view, "warnings", (int64_t)warnings);
    if (error == 0)
        error = gk_page__put_bool(view, "passed", errors == 0);
    if (error == 0)
        error = gk_page__set(view, "findings", json_incref(list));
    if (error == 0)
        error = gk_page__set(view, "notes", json_incref(notes));
    json_decref(list);
    json_decref(notes);
    return error;
}

/* GET /staff/reports, /api/v1/reports ?year=&agency= */
int api_reports_get(gk_http_req *req, gk_http_resp *resp)
{
    gk_report *r = NULL;
    gk_diag_list *l = NULL;
    gk_buf js = GK_BUF_INIT;
    const char *agency;
    gk_store *st = NULL;
    json_t *v = NULL;
    bool api = !req->route || !req->route->tmpl, figures = false, locked = false;
    char href[128];
    int year, error;

    error = params(req, &year, &agency);
    if (error == 0)
        error = build(req, year, agency, &r, &l, &figures, &locked);
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = findings_view(resp->view, l, figures);
    if (error == 0)
        error = gk_page__put_bool(resp->view, "locked", locked);
    if (error == 0 && api) {
        /* The API answers the report JSON itself (report-json.md §1). */
        error = gk_report_to_json(&js, r);
        v = error == 0 ? json_loadb(js.ptr, js.len, 0, NULL) : NULL;
        error = error < 0 ? error : gk_page__set(resp->view, "report", v);
    }
    if (error == 0 && !api)
        error = gk_http__report_html(resp->view, r);
    if (error == 0)
        error = gk_page__put_int(resp->view, "year", year);
    if (error == 0)
        error = gk_http__view_str(resp->view, "agency", agency ? agency : "");
    if (error == 0)
        error = gk_http__view_str(resp->view, "agency_name", r->agency && *r->agency ? r->agency : "全部机关合计");
    if (error == 0) {
        snprintf(href, sizeof href, "/staff/reports/download?year=%d&agency=%s&", year,
                 agency ? agency : "");
        error = gk_http__report_format_links(resp->view, href);
    }
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_page__agencies(&v, st, req, agency);
    gk_page__store_done(req, st);
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", v);
    if (error == 0)
        error = gk_http__report_years(resp->view, year);
    resp->title = "年度报告";
    gk_buf_release(&js);
    gk_diag_list_free(l);
    gk_report_free(r);
    return error;
}

/* GET /staff/reports/download, /api/v1/reports/download
 * ?year=&agency=&format=html|md|txt|json|xlsx|docx */
int api_reports_download(gk_http_req *req, gk_http_resp *resp)
{
    gk_render_format f;
    gk_report *r = NULL;
    gk_diag_list *l = NULL;
    const char *agency;
    char stem[96];
    int year, error = gk_http__report_format(req, &f);

    if (error == 0)
        error = params(req, &year, &agency);
    if (error == 0)
        error = build(req, year, agency, &r, &l, NULL, NULL);
    if (error == 0) {
        snprintf(stem, sizeof stem, "report-%d-%s", year, agency ? agency : "all");
        error = gk_http__report_download(resp, r, f, stem);
    }
    gk_diag_list_free(l);
    gk_report_free(r);
    return error;
}

/* POST /staff/reports/lock, /api/v1/reports/lock (year, agency): locks
 * the published report of the year (gk_store_report_lock). The page goes
 * back to the report; the API answers {"year", "agency", "locked": true}.
 * Refused (409) when already locked. */
int api_reports_lock(gk_http_req *req, gk_http_resp *resp)
{
    const char *agency;
    gk_store *st = NULL;
    char loc[128];
    int year, error;

    error = params(req, &year, &agency);
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_store_report_lock(st, year, agency);
    gk_page__store_done(req, st);
    if (error < 0)
        return error;
    if (req->route && req->route->tmpl) {
        snprintf(loc, sizeof(loc), "/staff/reports?year=%d&agency=%s", year, agency ? agency : "");
        return gk_http__redirect(resp, gk_arena_strndup(&req->arena, loc, strlen(loc)));
    }
    error = gk_http__view(resp);
    if (error == 0)
        error = gk_page__put_int(resp->view, "year", year);
    if (error == 0)
        error = gk_http__view_str(resp->view, "agency", agency ? agency : "");
    if (error == 0)
        error = gk_page__put_bool(resp->view, "locked", true);
    return error;
}
