/*
 * store_figures.c: the entered yearly figures of table 2 (spec §1.3:
 * 行政许可, 行政处罚, 行政强制 decisions and the 行政事业性收费 revenue), one
 * row per agency and year, with the year lock and the audit trail.
 */
#include <stdio.h>
#include "util/util.h"
#include "core/json_field.h"
#include "store_int.h"

static int figures_json(gk_buf *b, const gk_year_figures *f)
{
    int error = gk_buf_putc(b, '{');

    if (error == 0)
        error = gk__json_str(b, "agency", f->agency);
    if (error == 0)
        error = gk__json_i64(b, "year", f->year);
    if (error == 0)
        error = gk__json_i64(b, "licensing", f->licensing);
    if (error == 0)
        error = gk__json_i64(b, "penalty", f->penalty);
    if (error == 0)
        error = gk__json_i64(b, "enforcement", f->enforcement);
    if (error == 0)
        error = gk__json_i64(b, "fee_yuan", f->fee_yuan);
    if (error == 0)
        error = gk__json_end(b);
    return error;
}

int gk_store_figures_set(gk_store *st, const gk_year_figures *f)
{
    gk_year_figures n;
    gk_buf js = GK_BUF_INIT;
    char *owned = NULL;
    int corr = 0, error;

    GK_ASSERT_ARG(st && f);
    if (f->year < 2008 || f->year > 9999 || f->licensing < 0 || f->penalty < 0 ||
        f->enforcement < 0 || f->fee_yuan < 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "年度须为 2008–9999，各项数字不能为负");
        return GK_EINVALID;
    }
    n = *f;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    n.agency = gk_store__agency_or_default(st, f->agency, &owned, &error);
    if (error == 0)
        error = gk_store__lock_check(st, n.agency, &n.year, 1, &corr);
    if (error == 0)
        error = st->be->figures_put(st, &n);
    if (error == 0)
        error = figures_json(&js, &n);
    if (error == 0)
        error = gk_store__audit_change(st, corr, n.agency, "figures", n.year, "set", "",
                                       gk_buf_cstr(&js));
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    gk_free(owned);
    gk_buf_release(&js);
    return error;
}

typedef struct {
    const char *agency;
    gk_year_figures *sum;
    bool found;
} sum_ctx;

static int add_figures(const gk_year_figures *f, void *payload)
{
    sum_ctx *s = payload;

    if (s->agency && strcmp(s->agency, f->agency) != 0)
        return 0;
    s->found = true;
    s->sum->licensing += f->licensing;
    s->sum->penalty += f->penalty;
    s->sum->enforcement += f->enforcement;
    s->sum->fee_yuan += f->fee_yuan;
    return 0;
}

int gk_store_figures_get(gk_store *st, const char *agency, int year, gk_year_figures *out,
                         bool *found)
{
    sum_ctx s;
    int error;

    GK_ASSERT_ARG(st && out && found);
    memset(out, 0, sizeof *out);
    out->year = year;
    s.agency = agency && *agency ? agency : NULL;
    s.sum = out;
    s.found = false;
    error = st->be->figures_foreach(st, year, add_figures, &s);
    *found = error == 0 && s.found;
    return error;
}
