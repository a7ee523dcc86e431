/*
 * page_case_links.c: on the staff case page, the links of a split
 * (国办函〔2020〕109号第四条, 一事一申请: the parent that is no longer a 件
 * and the 件 it was split into, gk_store_case_links) and the fee notice
 * (国办函〔2020〕109号, spec §4: method, amount, the notice date and the
 * 20-working-day payment window, gk_store_case_fee). A window that reaches
 * a year without holiday data is counted Monday–Friday and flagged 暂定
 * with the calendar's note (calendar.h PROVISIONAL MODE); the store
 * recounts it on every read, so it becomes official once the year's
 * holidays are loaded.
 */
#include "case_links.h"

/* How the amount was found (store.h gk_case_fee.method). */
static const char *const fee_methods[] = {
    [GK_CASE_FEE_GIVEN] = "按录入金额",
    [GK_CASE_FEE_BY_COUNT] = "按件计收",
    [GK_CASE_FEE_BY_PAGES] = "按量计收",
};

typedef struct {
    json_t *parent; /* object or NULL */
    json_t *children;
} links_ctx;

static int on_link(const gk_case_link *l, void *payload)
{
    links_ctx *x = payload;
    int s = l->state ? gk_case_state_from_key(l->state, strlen(l->state)) : -1;
    json_t *o = json_pack("{s:s, s:s, s:s}", "code", l->tracking_code ? l->tracking_code : "",
                          "tracking_no", l->tracking_no ? l->tracking_no : "", "state_label",
                          s >= 0 ? gk_case_state_label(s) : "");

    if (!o)
        return gk__oom();
    if (l->is_parent) {
        json_decref(x->parent);
        x->parent = o;
        return 0;
    }
    return json_array_append_new(x->children, o) ? gk__oom() : 0;
}

static int fee_view(json_t *view, gk_store *st, int64_t id)
{
    gk_case_fee f;
    bool found = false;
    json_t *o;
    int error = gk_store_case_fee(st, id, &f, &found);

    if (error < 0 || !found)
        return error;
    o = json_pack("{s:s, s:I, s:I}", "method",
                  f.method >= 0 && f.method < (int)GK_ARRAY_LEN(fee_methods) ? fee_methods[f.method]
                                                                             : "",
                  "units", (json_int_t)f.units, "amount", (json_int_t)f.amount);
    error = o ? 0 : gk__oom();
    if (error == 0)
        error = gk_page__put_date(o, "notice", f.notice);
    if (error == 0)
        error = gk_page__put_date(o, "due", f.due);
    if (error == 0)
        error = gk_page__put_date(o, "paid", f.paid);
    if (error == 0 && f.provisional)
        error = gk_page__put_provisional(o, "", &f.prov);
    if (error == 0)
        return gk_page__set(view, "fee_notice", o);
    json_decref(o);
    return error;
}

int gk_page__case_links_fee(json_t *view, gk_store *st, const gk_page_case *x)
{
    links_ctx l = {NULL, json_array()};
    int error = l.children ? gk_store_case_links(st, x->id, on_link, &l) : gk__oom();

    if (error == 0 && l.parent) {
        error = gk_page__set(view, "split_from", l.parent);
        l.parent = NULL;
    }
    if (error == 0)
        error = gk_page__put_int(view, "split_count", (int64_t)json_array_size(l.children));
    if (error == 0)
        error = gk_page__set(view, "split_into", json_incref(l.children));
    if (error == 0)
        error = fee_view(view, st, x->id);
    json_decref(l.parent);
    json_decref(l.children);
    return error;
}
