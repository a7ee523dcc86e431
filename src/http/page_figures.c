/*
 * page_figures.c: the entered figures of table 2 for a year (spec §1.3;
 * store.h gk_year_figures): the numbers of 行政许可, 行政处罚 and 行政强制
 * decisions (第二十条第（五）（六）项) and the fee revenue (第二十条第（八）项),
 * typed in integer 元 and shown as 万元 as the report prints it. These do
 * not come from the registers, so 负责人 or 管理员 enter them (routes.def);
 * a locked year (gk_store_report_lock) refuses a change with the store's
 * message unless made as a recorded correction, which stays a CLI act
 * (`gongkai figures set --correction`).
 */
#include <stddef.h>
#include "page_int.h"

/* The figures in form order. */
static const struct {
    const char *name, *label;
    size_t off;
} figure_fields[] = {
    {"licensing", "行政许可决定数（件）", offsetof(gk_year_figures, licensing)},
    {"penalty", "行政处罚决定数（件）", offsetof(gk_year_figures, penalty)},
    {"enforcement", "行政强制决定数（件）", offsetof(gk_year_figures, enforcement)},
    {"fee_yuan", "行政事业性收费金额（元）", offsetof(gk_year_figures, fee_yuan)},
};

#define FIG(f, i) ((int64_t *)((char *)(f) + figure_fields[i].off))

/* 元 as 万元 with up to 4 decimals, trailing zeros trimmed (spec §1.3:
 * 1 元 = 0.0001 万元), in integers so nothing is rounded. */
static void wan_yuan(char out[32], int64_t yuan)
{
    size_t n;

    snprintf(out, 32, "%lld.%04lld", (long long)(yuan / 10000), (long long)(yuan % 10000));
    n = strlen(out);
    while (out[n - 1] == '0')
        out[--n] = '\0';
    if (out[n - 1] == '.')
        out[n - 1] = '\0';
}

/* The year of ?year= / the form (default: last year, the one being
 * reported on in January); 2008 (the 条例) to next year. */
static int year_of(const gk_http_req *req, int *out)
{
    const char *v = gk_http__field(req, "year");
    int64_t y = gk_page__today().y - 1;

    if (v && *v && (gk__parse_i64(v, strlen(v), &y) < 0 || y < 2008 ||
                    y > gk_page__today().y + 1)) {
        gk_error_set(GK_ERRCLASS_HTTP, "年度无效");
        return GK_EINVALID;
    }
    *out = (int)y;
    return 0;
}

/* The agency: ?agency= or the form's, else the session's; one the
 * session may see (403). "" only when the session is for all agencies and
 * chose none: the page then asks for one. */
static int agency_of(const gk_http_req *req, const char **out)
{
    const char *a = gk_http__field(req, "agency");

    *out = a && *a ? a : req->session.agency;
    if (**out && !gk_http__agency_allowed(req, *out)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权查看其他机关的数据");
        return GK_HTTP_EDENIED;
    }
    return 0;
}

/* The page: the year's figures (entered or zero), 万元, lock state. */
static int figures_view(gk_http_req *req, gk_http_resp *resp, gk_store *st, int year,
                        const char *agency, json_t *values)
{
    gk_year_figures f;
    json_t *list = json_array(), *ag = NULL;
    bool found = false, locked = false;
    const char *csrf;
    char wan[32];
    size_t i;
    int error = list ? gk_http__view(resp) : gk__oom();

    memset(&f, 0, sizeof f);
    if (error == 0 && *agency)
        error = gk_store_figures_get(st, agency, year, &f, &found);
    if (error == 0 && *agency)
        error = gk_store_year_locked(st, year, agency, &locked);
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(figure_fields); i++) {
        const char *sent = json_string_value(json_object_get(values, figure_fields[i].name));
        char n[24];

        snprintf(n, sizeof n, "%lld", (long long)*FIG(&f, i));
        if (json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "name", figure_fields[i].name,
                                                  "label", figure_fields[i].label, "value",
                                                  sent ? sent : found ? n : "")))
            error = gk__oom();
    }
    wan_yuan(wan, f.fee_yuan);
    if (error == 0)
        error = gk_page__set(resp->view, "fields", json_incref(list));
    if (error == 0)
        error = gk_page__put_int(resp->view, "year", year);
    if (error == 0)
        error = gk_http__view_str(resp->view, "agency", agency);
    if (error == 0)
        error = gk_page__agencies(&ag, st, req, agency);
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", ag);
    if (error == 0)
        error = gk_page__put_bool(resp->view, "found", found);
    if (error == 0)
        error = gk_page__put_bool(resp->view, "locked", locked);
    if (error == 0 && found)
        error = gk_page__set(resp->view, "figures",
                             json_pack("{s:I, s:I, s:I, s:I, s:s}", "licensing",
                                       (json_int_t)f.licensing, "penalty", (json_int_t)f.penalty,
                                       "enforcement", (json_int_t)f.enforcement, "fee_yuan",
                                       (json_int_t)f.fee_yuan, "fee_wan", wan));
    if (error == 0)
        error = gk_http__csrf_token(req, resp, &csrf);
    if (error == 0)
        error = gk_http__view_str(resp->view, "csrf", csrf);
    resp->title = "年度报告表二录入数字";
    json_decref(list);
    return error;
}

/* GET /staff/figures, /api/v1/figures ?year=&agency= */
int api_figures_get(gk_http_req *req, gk_http_resp *resp)
{
    const char *agency = "";
    gk_store *st = NULL;
    int year = 0, error = year_of(req, &year);

    if (error == 0)
        error = agency_of(req, &agency);
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = figures_view(req, resp, st, year, agency, NULL);
    if (error == 0 && gk_http__field(req, "saved"))
        error = gk_page__put_bool(resp->view, "saved", true);
    gk_page__store_done(req, st);
    return error;
}

/* POST /staff/figures, /api/v1/figures (year, agency, the four figures):
 * sets the year's figures; 400 for a bad number, 409 with the store's
 * message in a locked year; the page goes back to the year (303). */
int api_figures_set(gk_http_req *req, gk_http_resp *resp)
{
    json_t *values = json_object(), *errors = json_object();
    const char *agency = "";
    gk_year_figures f;
    gk_store *st = NULL;
    char loc[96];
    size_t i;
    int status = 400, year = 0, error = values && errors ? year_of(req, &year) : gk__oom();

    memset(&f, 0, sizeof f);
    if (error == 0)
        error = agency_of(req, &agency);
    if (error == 0 && !*agency)
        error = gk_http__view_str(errors, "agency", "请选择机关");
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(figure_fields); i++) {
        const char *v = gk_http__field(req, figure_fields[i].name);
        char msg[128];

        v = v ? v : "";
        error = gk_http__view_str(values, figure_fields[i].name, v);
        if (error == 0 && (gk__parse_i64(v, strlen(v), FIG(&f, i)) < 0 || *FIG(&f, i) < 0)) {
            gk_error_clear();
            snprintf(msg, sizeof msg, "%s应为不小于 0 的整数", figure_fields[i].label);
            error = gk_http__view_str(errors, figure_fields[i].name, msg);
        }
    }
    f.agency = agency;
    f.year = year;
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0 && json_object_size(errors) == 0) {
        error = gk_store_figures_set(st, &f);
        if (error == GK_ECONFLICT || error == GK_EINVALID) {
            status = gk_http__status_for(error);
            error = gk_http__view_str(errors, "form", gk_error_last()->message);
        } else if (error == 0 && req->route && req->route->tmpl) {
            snprintf(loc, sizeof loc, "/staff/figures?year=%d&agency=%s&saved=1", year, agency);
            error = gk_http__redirect(resp, gk_arena_strndup(&req->arena, loc, strlen(loc)));
            goto done;
        } else if (error == 0) {
            error = figures_view(req, resp, st, year, agency, NULL);
            goto done;
        }
    }
    if (error == 0)
        error = figures_view(req, resp, st, year, agency, values);
    if (error == 0)
        error = gk_page__set(resp->view, "errors", json_incref(errors));
    if (error == 0)
        resp->status = status;
done:
    json_decref(values);
    json_decref(errors);
    gk_page__store_done(req, st);
    return error;
}
