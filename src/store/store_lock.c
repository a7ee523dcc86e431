/*
 * store_lock.c: the year lock of issue 4 item 7. After publication a
 * year's report is locked: its JSON is stored, gk_store_report_build
 * returns it as published, and every later change that falls in the year
 * is refused unless it is made in correction mode, where it is recorded
 * (action "correct:…" plus a "year_lock"/"correction" event with the
 * reason) without touching the stored report.
 */
#include <stdio.h>
#include "util/util.h"
#include "core/json_field.h"
#include "store_int.h"

static int locked_for(gk_store *st, const char *agency, int year, bool *out)
{
    bool found = false;
    int error;

    *out = false;
    error = st->be->lock_get(st, "", year, NULL, &found);
    if (error == 0 && !found && agency && *agency)
        error = st->be->lock_get(st, agency, year, NULL, &found);
    if (error == 0)
        *out = found;
    return error;
}

int gk_store_year_locked(gk_store *st, int year, const char *agency, bool *out)
{
    GK_ASSERT_ARG(st && out);
    return locked_for(st, agency, year, out);
}

int gk_store_set_correction(gk_store *st, const char *reason)
{
    char *copy = NULL;

    GK_ASSERT_ARG(st);
    if (reason && *reason) {
        copy = gk_strdup(reason);
        if (!copy)
            return gk__oom();
    }
    gk_free(st->correction);
    st->correction = copy;
    return 0;
}

int gk_store__lock_check(gk_store *st, const char *agency, const int *years, size_t n,
                         int *corr_year)
{
    size_t i, j;
    int error;

    *corr_year = 0;
    for (i = 0; i < n; i++) {
        bool locked = false, seen = false;
        if (years[i] <= 0)
            continue;
        for (j = 0; j < i; j++)
            seen = seen || years[j] == years[i];
        if (seen)
            continue;
        error = locked_for(st, agency, years[i], &locked);
        if (error < 0)
            return error;
        if (!locked)
            continue;
        if (!st->correction) {
            gk_error_set(GK_ERRCLASS_STORE,
                         "%d 年度报告已锁定（已公开）：不能修改该年度的记录；如需更正请以更正方式记录（--correction 原因）",
                         years[i]);
            return GK_ECONFLICT;
        }
        *corr_year = years[i];
    }
    return 0;
}

int gk_store__audit_change(gk_store *st, int corr_year, const char *agency, const char *entity,
                           int64_t entity_id, const char *action, const char *before,
                           const char *after)
{
    gk_buf js = GK_BUF_INIT;
    char act[96];
    int error;

    if (!corr_year)
        return gk_store__audit(st, agency, entity, entity_id, action, before, after);
    /* A correction of a locked year: the change itself, marked, then the
     * reason (the published report is not rebuilt). */
    snprintf(act, sizeof act, "correct:%s", action);
    error = gk_store__audit(st, agency, entity, entity_id, act, before, after);
    if (error == 0)
        error = gk_buf_putc(&js, '{');
    if (error == 0)
        error = gk__json_i64(&js, "year", corr_year);
    if (error == 0)
        error = gk__json_str(&js, "entity", entity);
    if (error == 0)
        error = gk__json_i64(&js, "entity_id", entity_id);
    if (error == 0)
        error = gk__json_str(&js, "reason", st->correction);
    if (error == 0)
        error = gk__json_end(&js);
    if (error == 0)
        error = gk_store__audit(st, agency, "year_lock", corr_year, "correction", "",
                                gk_buf_cstr(&js));
    gk_buf_release(&js);
    return error;
}

int gk_store_report_lock(gk_store *st, int year, const char *agency)
{
    const char *key = agency && *agency ? agency : "";
    gk_report *r = NULL;
    gk_buf js = GK_BUF_INIT;
    char at[32];
    bool found = false;
    int error;

    GK_ASSERT_ARG(st);
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->lock_get(st, key, year, NULL, &found);
    if (error == 0 && found) {
        gk_error_set(GK_ERRCLASS_STORE, "%d 年度报告已经锁定", year);
        error = GK_EEXISTS;
    }
    if (error == 0)
        error = gk_store_report_build(&r, st, year, agency);
    if (error == 0)
        error = gk_report_to_json(&js, r);
    if (error < 0)
        goto done;
    gk_store__now(at);
    error = st->be->lock_insert(st, key, year, gk_buf_cstr(&js), at);
    if (error == 0)
        error = gk_store__audit(st, key, "year_lock", year, "lock", "", gk_buf_cstr(&js));
    if (error == 0)
        error = gk_store_tx_commit(st);
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    gk_report_free(r);
    gk_buf_release(&js);
    return error;
}
