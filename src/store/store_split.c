/*
 * store_split.c: the application register's 一事一申请 split (国办函〔2020〕
 * 109号第四条; spec §1.4 "What one application (件) means") and the
 * decisions an answer was given on, mapped to table-3 rows by the
 * decision map (spec §1.4 "Mapping decisions → Table 3 rows").
 *
 * A split parent stays in the register (its history and tracking code are
 * the applicant's), in state SPLIT without an outcome; the backends leave
 * it out of table 3's flow, the open lists and the 按件 month count, so the
 * children are the 件 that are counted and charged.
 */
#include <stdio.h>
#include "util/util.h"
#include "store_int.h"
#include "core/json_field.h"

/* ---------------------------------------------------------------- split */

typedef struct {
    gk_store *st;
    gk_date date;
    int n;
    const char *const *titles;
    char (*codes_out)[GK_TRACKING_CODE_LEN + 1];
    bool found;
} split_ctx;

/* The i-th child (1-based) of parent p: a copy of its intake and deadline
 * state (the children are the same application's parts: same applicant,
 * channel, receipt date, 补正, pauses, extension), a new 件 of its own. */
static int add_child(split_ctx *x, const gk_case *p, int i, gk_buf *nos)
{
    gk_buf no = GK_BUF_INIT, desc = GK_BUF_INIT, js = GK_BUF_INIT;
    gk_case c = *p;
    int error;

    c.id = 0;
    c.tracking_code[0] = '\0';
    c.last_event = x->date;
    c.fee_yuan = 0;
    c.outcome = -1;
    c.concluded = (gk_date){0, 0, 0};
    error = gk_buf_printf(&no, "%s-%d", p->tracking_no, i);
    if (error == 0)
        error = x->titles ? gk_buf_puts(&desc, x->titles[i - 1])
                          : gk_buf_printf(&desc, "%s（拆分第%d件）", p->description, i);
    if (error < 0)
        goto done;
    c.tracking_no = gk_buf_cstr(&no);
    c.description = gk_buf_cstr(&desc);
    error = gk_store__case_insert(x->st, &c);
    if (error == 0)
        error = x->st->be->case_parent_set(x->st, c.id, p->id);
    if (error == 0)
        error = gk_buf_putc(&js, '{');
    if (error == 0)
        error = gk__json_i64(&js, "parent_id", p->id);
    if (error == 0)
        error = gk__json_str(&js, "parent", p->tracking_no);
    if (error == 0)
        error = gk__json_i64(&js, "part", i);
    if (error == 0)
        error = gk__json_i64(&js, "of", x->n);
    if (error == 0)
        error = gk__json_date(&js, "date", x->date);
    if (error == 0)
        error = gk__json_end(&js);
    if (error == 0)
        error = gk_store__audit(x->st, c.agency, "case", c.id, "split:from", "", gk_buf_cstr(&js));
    if (error == 0)
        error = gk_buf_printf(nos, "%s%s", i > 1 ? "," : "", c.tracking_no);
    if (error == 0 && x->codes_out)
        memcpy(x->codes_out[i - 1], c.tracking_code, sizeof x->codes_out[i - 1]);
done:
    gk_buf_release(&no);
    gk_buf_release(&desc);
    gk_buf_release(&js);
    return error;
}

/* Runs inside the foreach callback, so the parent's strings (borrowed from
 * the backend's row) stay alive while the children copy them. */
static int split_one(const gk_case *c, void *payload)
{
    split_ctx *x = payload;
    gk_buf before = GK_BUF_INIT, after = GK_BUF_INIT, nos = GK_BUF_INIT, js = GK_BUF_INIT;
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_case n = *c;
    int corr = 0, i, error;

    x->found = true;
    ev.kind = GK_CASE_EV_SPLIT;
    ev.date = x->date;
    error = gk_store__lock_check(x->st, c->agency, &x->date.y, 1, &corr);
    if (error == 0)
        error = gk_case_to_json(&before, c);
    if (error == 0)
        error = gk_case_apply(&n, &ev); /* the table says which states may split */
    if (error == 0)
        error = x->st->be->case_update(x->st, &n);
    if (error == 0)
        error = gk_case_to_json(&after, &n);
    if (error == 0)
        error = gk_store__audit_change(x->st, corr, n.agency, "case", n.id, "apply:SPLIT",
                                       gk_buf_cstr(&before), gk_buf_cstr(&after));
    for (i = 1; error == 0 && i <= x->n; i++)
        error = add_child(x, c, i, &nos);
    if (error == 0)
        error = gk_buf_putc(&js, '{');
    if (error == 0)
        error = gk__json_i64(&js, "n", x->n);
    if (error == 0)
        error = gk__json_str(&js, "children", gk_buf_cstr(&nos));
    if (error == 0)
        error = gk__json_str(&js, "basis", "国办函〔2020〕109号第四条（一事一申请）");
    if (error == 0)
        error = gk__json_end(&js);
    if (error == 0)
        error = gk_store__audit_change(x->st, corr, n.agency, "case", n.id, "split:into", "",
                                       gk_buf_cstr(&js));
    gk_buf_release(&before);
    gk_buf_release(&after);
    gk_buf_release(&nos);
    gk_buf_release(&js);
    return error < 0 ? error : 1; /* one case only */
}

int gk_store_case_split(gk_store *st, const char *code, gk_date date, int n,
                        const char *const *titles, char (*codes_out)[GK_TRACKING_CODE_LEN + 1])
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    split_ctx x = {st, date, n, titles, codes_out, false};
    int i, error;

    GK_ASSERT_ARG(st && code);
    if (n < 2 || n > GK_SPLIT_MAX) {
        gk_error_set(GK_ERRCLASS_STORE, "拆分件数须在 2 到 %d 之间，实为 %d", GK_SPLIT_MAX, n);
        return GK_EINVALID;
    }
    for (i = 0; titles && i < n; i++)
        if (!titles[i] || !*titles[i]) {
            gk_error_set(GK_ERRCLASS_STORE, "拆分后第 %d 件的标题为空", i + 1);
            return GK_EINVALID;
        }
    if (!gk_date_valid(date)) {
        gk_error_set(GK_ERRCLASS_STORE, "拆分日期无效");
        return GK_EINVALID;
    }
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    q.tracking_code = code;
    error = st->be->case_foreach(st, &q, split_one, &x);
    if (error == 0 && !x.found) {
        q.tracking_code = NULL;
        q.tracking_no = code;
        error = st->be->case_foreach(st, &q, split_one, &x);
    }
    if (error > 0)
        error = 0; /* split_one stops the walk after the one case */
    if (error == 0 && !x.found) {
        gk_error_set(GK_ERRCLASS_STORE, "没有查询码或登记号为 '%s' 的申请", code);
        error = GK_ENOTFOUND;
    }
    if (error == 0)
        error = gk_store_tx_commit(st);
    if (error < 0)
        gk_store_tx_rollback(st);
    return error;
}

int gk_store_case_links(gk_store *st, int64_t case_id, gk_case_link_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    return st->be->case_links(st, case_id, cb, payload);
}

int gk_store__split_guard(const gk_case_event *ev)
{
    /* A SPLIT without its children would drop the application from the
     * count: only gk_store_case_split may apply it. */
    if (ev->kind != GK_CASE_EV_SPLIT)
        return 0;
    gk_error_set(GK_ERRCLASS_STORE, "拆分申请须指定件数（gongkai case split CODE --into N）");
    return GK_EINVALID;
}

/* ------------------------------------------------------------ decisions */

int gk_store_case_decision(gk_store *st, int64_t case_id, gk_buf *out, bool *found)
{
    GK_ASSERT_ARG(st && out && found);
    return st->be->decision_get(st, case_id, out, found);
}

int gk_store__decision_after(gk_store *st, const gk_case *n, const gk_case_event *ev)
{
    if (ev->kind != GK_CASE_EV_ANSWER || !ev->decision)
        return 0;
    return st->be->decision_put(st, n->id, ev->decision);
}

void gk_store_set_decision_map(gk_store *st, const gk_decision_map *m)
{
    if (st)
        st->dmap = m;
}

typedef struct {
    const gk_decision_map *map;
    gk_t3_counts *counts;
} map_ctx;

static int map_group(const char *agency, const char *type, const char *decision,
                     const char *outcome, int64_t n, void *payload)
{
    map_ctx *m = payload;
    int t = gk_store__key_index(gk_applicant_type_key, GK_APPLICANT_NTYPES, type);
    int row;
    int error;

    if (!*decision) {
        /* No decision recorded: the default decision of its row. */
        int d = gk_decision_for_row(gk_t3_row_from_key(outcome, strlen(outcome)));
        if (d < 0) {
            gk_error_set(GK_ERRCLASS_STORE, "办结的申请有无效的办理结果 '%s'", outcome);
            return GK_EBACKEND;
        }
        decision = gk_decisions(NULL)[d].id;
    }
    error = gk_decision_map_row(&row, m->map, decision, agency);
    if (error < 0)
        return error;
    if (t < 0)
        return 0; /* the CHECK constraint makes this impossible */
    (*m->counts)[row][t] += n;
    return 0;
}

int gk_store__t3_by_decision(gk_store *st, int year, const char *agency, gk_t3_counts counts)
{
    gk_decision_map *own = NULL;
    map_ctx m;
    int row, t, error = 0;

    if (!st->dmap)
        error = gk_decision_map_new_process(&own);
    if (error < 0)
        return error;
    /* The result rows are recounted from the decisions; the flow rows
     * (new, carried in and out) stay as the backend counted them. */
    for (row = GK_T3_FIRST_RESULT; row <= GK_T3_LAST_RESULT; row++)
        for (t = 0; t < GK_APPLICANT_NTYPES; t++)
            counts[row][t] = 0;
    m.map = st->dmap ? st->dmap : own;
    m.counts = (gk_t3_counts *)counts;
    error = st->be->t3_decisions(st, year, agency, map_group, &m);
    gk_decision_map_free(own);
    if (error < 0)
        gk_error_prefix("%d 年表三", year);
    return error;
}
