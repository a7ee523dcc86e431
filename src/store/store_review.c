/*
 * store_review.c: the review and litigation register through the store
 * (issue 4 item 5), with the year lock and the audit trail.
 */
#include <stdio.h>
#include "util/util.h"
#include "store_int.h"

int gk_store_review_add(gk_store *st, gk_review_case *r)
{
    const char *given = r ? r->agency : NULL;
    gk_buf js = GK_BUF_INIT;
    char *owned = NULL;
    int years[2];
    int corr = 0, error;

    GK_ASSERT_ARG(st && r);
    error = gk_review_case_check(r);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    r->agency = gk_store__agency_or_default(st, r->agency, &owned, &error);
    if (error < 0)
        goto done;
    years[0] = r->filed.y;
    years[1] = gk_date_valid(r->concluded) ? r->concluded.y : 0;
    error = gk_store__lock_check(st, r->agency, years, 2, &corr);
    if (error == 0)
        error = st->be->review_insert(st, r);
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "机关 '%s' 已有案号为 '%s' 的复议或诉讼案件", r->agency,
                     r->case_no);
    if (error == 0)
        error = gk_review_case_to_json(&js, r);
    if (error == 0)
        error = gk_store__audit_change(st, corr, r->agency, "review", r->id, "create", "",
                                       gk_buf_cstr(&js));
    if (error == 0)
        error = gk_store_tx_commit(st);
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    r->agency = given;
    gk_free(owned);
    gk_buf_release(&js);
    return error;
}

typedef struct {
    gk_store *st;
    const gk_review_case *upd;
    bool found;
} update_ctx;

/* Runs inside the walk, so the stored case's strings are alive while it
 * is checked, saved and audited. */
static int update_one(const gk_review_case *old, void *payload)
{
    update_ctx *u = payload;
    gk_review_case n = *old;
    gk_buf before = GK_BUF_INIT, after = GK_BUF_INIT;
    int years[3];
    int corr = 0, error;

    u->found = true;
    n.result = u->upd->result;
    n.concluded = u->upd->concluded;
    if (u->upd->subject && *u->upd->subject)
        n.subject = u->upd->subject;
    error = gk_review_case_check(&n);
    if (error < 0)
        return error;
    /* The years whose table 4 the change moves: old and new concluded
     * dates; the filing year when neither is set. */
    years[0] = gk_date_valid(old->concluded) ? old->concluded.y : 0;
    years[1] = gk_date_valid(n.concluded) ? n.concluded.y : 0;
    years[2] = years[0] || years[1] ? 0 : old->filed.y;
    error = gk_store__lock_check(u->st, n.agency, years, 3, &corr);
    if (error == 0)
        error = u->st->be->review_update(u->st, &n);
    if (error == 0)
        error = gk_review_case_to_json(&before, old);
    if (error == 0)
        error = gk_review_case_to_json(&after, &n);
    if (error == 0)
        error = gk_store__audit_change(u->st, corr, n.agency, "review", n.id, "update",
                                       gk_buf_cstr(&before), gk_buf_cstr(&after));
    gk_buf_release(&before);
    gk_buf_release(&after);
    return error < 0 ? error : 1;
}

int gk_store_review_update(gk_store *st, const gk_review_case *r)
{
    update_ctx u = {st, r, false};
    int error;

    GK_ASSERT_ARG(st && r);
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = st->be->review_foreach(st, NULL, r->id, update_one, &u);
    if (error == 1)
        error = 0;
    if (error == 0 && !u.found) {
        gk_error_set(GK_ERRCLASS_STORE, "没有编号为 %lld 的复议或诉讼案件", (long long)r->id);
        error = GK_ENOTFOUND;
    }
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    return error;
}

int gk_store_review_foreach(gk_store *st, const char *agency, gk_review_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    return st->be->review_foreach(st, agency && *agency ? agency : NULL, 0, cb, payload);
}
