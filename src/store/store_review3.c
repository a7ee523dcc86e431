/*
 * store_review3.c: the three-level review (三审) of catalogue items
 * through the store (store_review3.h): the state machine, the rule that
 * one person takes one step of a round, the publication gate, masking,
 * and an audit event for every step.
 */
#include <stddef.h>
#include <stdio.h>
#include "util/util.h"
#include "core/json_field.h"
#include "store_int.h"

static const struct {
    const char *key, *label;
} states[GK_REVIEW3_NSTATES] = {
#define GK_X_(key, label) {#key, label},
    GK_REVIEW3_STATES(GK_X_)
#undef GK_X_
};

static const struct {
    const char *key, *label;
} steps[GK_REVIEW3_NSTEPS] = {
#define GK_X_(key, label) {#key, label},
    GK_REVIEW3_STEPS(GK_X_)
#undef GK_X_
};

const char *gk_review3_state_key(int s)
{
    return s >= 0 && s < GK_REVIEW3_NSTATES ? states[s].key : NULL;
}

const char *gk_review3_state_label(int s)
{
    return s >= 0 && s < GK_REVIEW3_NSTATES ? states[s].label : NULL;
}

int gk_review3_state_from_key(const char *s)
{
    int i;

    for (i = 0; s && i < GK_REVIEW3_NSTATES; i++)
        if (!strcmp(s, states[i].key))
            return i;
    return -1;
}

const char *gk_review3_step_key(int s)
{
    return s >= 0 && s < GK_REVIEW3_NSTEPS ? steps[s].key : NULL;
}

const char *gk_review3_step_label(int s)
{
    return s >= 0 && s < GK_REVIEW3_NSTEPS ? steps[s].label : NULL;
}

int gk_review3_step_from_key(const char *s)
{
    int i;

    for (i = 0; s && i < GK_REVIEW3_NSTEPS; i++)
        if (!strcmp(s, steps[i].key))
            return i;
    return -1;
}

/* ------------------------------------------------------------ loading */

/* An item's review record and the item itself, copied out of the
 * callbacks (the SQLite statements are reused by the updates that
 * follow, so nothing borrowed may outlive its walk). */
typedef struct {
    bool found;
    gk_review3_state state;
    int round;
    char *agency, *body;
    gk_catalogue_item it;
    char *strs[10];
} held;

/* The string members of gk_catalogue_item, copied by hold_item. */
static const size_t item_strs[] = {
    offsetof(gk_catalogue_item, agency),   offsetof(gk_catalogue_item, index_no),
    offsetof(gk_catalogue_item, index_prefix), offsetof(gk_catalogue_item, title),
    offsetof(gk_catalogue_item, summary),  offsetof(gk_catalogue_item, category),
    offsetof(gk_catalogue_item, topic),    offsetof(gk_catalogue_item, doc_no),
    offsetof(gk_catalogue_item, keywords), offsetof(gk_catalogue_item, due_basis),
};

static void held_release(held *h)
{
    size_t i;

    gk_free(h->agency);
    gk_free(h->body);
    for (i = 0; i < GK_ARRAY_LEN(item_strs); i++)
        gk_free(h->strs[i]);
}

static int hold_review(const gk_review3 *r, void *payload)
{
    held *h = payload;

    h->found = true;
    h->state = r->state;
    h->round = r->round;
    h->agency = gk_strdup(r->agency);
    h->body = gk_strdup(r->body);
    return h->agency && h->body ? 0 : gk__oom();
}

static int hold_item(const gk_catalogue_item *it, void *payload)
{
    held *h = payload;
    size_t i;

    h->it = *it;
    for (i = 0; i < GK_ARRAY_LEN(item_strs); i++) {
        const char **field = (const char **)(void *)((char *)&h->it + item_strs[i]);

        h->strs[i] = gk_strdup(*field ? *field : "");
        if (!h->strs[i])
            return gk__oom();
        *field = h->strs[i];
    }
    return 0;
}

/* Loads item_id's review record and the item (inside the transaction). */
static int load(gk_store *st, int64_t item_id, held *h)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    int error;

    memset(h, 0, sizeof *h);
    error = st->be->review3_foreach(st, NULL, item_id, NULL, hold_review, h);
    if (error == 0 && !h->found) {
        gk_error_set(GK_ERRCLASS_STORE, "没有编号为 %lld 的目录信息", (long long)item_id);
        return GK_ENOTFOUND;
    }
    q.id = item_id;
    if (error == 0)
        error = st->be->item_foreach(st, &q, hold_item, h);
    return error;
}

/* Whether actor took a step of the round (who submitted or reviewed). */
typedef struct {
    int round;
    const char *actor;
    gk_review3_step taken;
    bool found;
} actor_ctx;

static int find_actor(const gk_review3_step_rec *s, void *payload)
{
    actor_ctx *a = payload;

    if (s->round == a->round && !strcmp(s->actor, a->actor)) {
        a->found = true;
        a->taken = s->step;
    }
    return 0;
}

static int check_state(const held *h, gk_review3_state want, const char *what)
{
    if (h->state == want)
        return 0;
    gk_error_set(GK_ERRCLASS_STORE, "该信息当前为“%s”，不能%s", states[h->state].label, what);
    return GK_ECONFLICT;
}

static int check_comment(const char *comment)
{
    if (comment && strlen(comment) > GK_REVIEW3_COMMENT_MAX) {
        gk_error_set(GK_ERRCLASS_INVALID, "审核意见不能超过 %d 字节", GK_REVIEW3_COMMENT_MAX);
        return GK_EINVALID;
    }
    return 0;
}

/* The audit image of a step: the state before or after, the round, and
 * for the after-image the step, decision and comment. */
static int step_json(gk_buf *b, gk_review3_state state, int round, const gk_review3_step_rec *s)
{
    int error = gk_buf_putc(b, '{');

    if (error == 0)
        error = gk__json_str(b, "state", states[state].key);
    if (error == 0)
        error = gk__json_i64(b, "round", round);
    if (error == 0 && s)
        error = gk__json_str(b, "step", steps[s->step].key);
    if (error == 0 && s)
        error = gk_buf_puts(b, s->pass ? "\"pass\":true," : "\"pass\":false,");
    if (error == 0 && s)
        error = gk__json_str(b, "comment", s->comment ? s->comment : "");
    if (error == 0)
        error = gk__json_end(b);
    return error;
}

/* Records step s taking the item from h's state to `to` (round `round`):
 * the step row, the review row and the audit event. */
static int record(gk_store *st, const held *h, const gk_review3_step_rec *s,
                  gk_review3_state to, int round)
{
    gk_buf before = GK_BUF_INIT, after = GK_BUF_INIT;
    char action[48];
    int error = st->be->review3_step_insert(st, s);

    if (error == GK_EEXISTS) { /* the unique index of one step per person */
        gk_error_set(GK_ERRCLASS_STORE, "同一人不能在同一轮审核中承担两个步骤");
        error = GK_ECONFLICT;
    }
    if (error == 0)
        error = st->be->review3_put(st, s->item_id, states[to].key, round, NULL);
    if (error == 0)
        error = step_json(&before, h->state, h->round, NULL);
    if (error == 0)
        error = step_json(&after, to, round, s);
    snprintf(action, sizeof action, "review3:%s", steps[s->step].key);
    if (error == 0)
        error = gk_store__audit(st, h->agency, "item", s->item_id, action, gk_buf_cstr(&before),
                                gk_buf_cstr(&after));
    gk_buf_release(&before);
    gk_buf_release(&after);
    return error;
}

/* ------------------------------------------------------------ reading */

typedef struct {
    gk_review3_cb cb;
    void *payload;
    bool found;
} get_ctx;

static int got(const gk_review3 *r, void *payload)
{
    get_ctx *g = payload;

    g->found = true;
    return g->cb(r, g->payload);
}

int gk_store_review3_get(gk_store *st, int64_t item_id, gk_review3_cb cb, void *payload)
{
    get_ctx g = {cb, payload, false};
    int error;

    GK_ASSERT_ARG(st && cb);
    if (item_id <= 0) {
        gk_error_set(GK_ERRCLASS_STORE, "没有编号为 %lld 的目录信息", (long long)item_id);
        return GK_ENOTFOUND;
    }
    error = st->be->review3_foreach(st, NULL, item_id, NULL, got, &g);
    if (error == 0 && !g.found) {
        gk_error_set(GK_ERRCLASS_STORE, "没有编号为 %lld 的目录信息", (long long)item_id);
        error = GK_ENOTFOUND;
    }
    return error;
}

int gk_store_review3_foreach(gk_store *st, const char *agency, int state, gk_review3_cb cb,
                             void *payload)
{
    GK_ASSERT_ARG(st && cb);
    if (state >= GK_REVIEW3_NSTATES) {
        gk_error_set(GK_ERRCLASS_INVALID, "无效的审核状态 %d", state);
        return GK_EINVALID;
    }
    return st->be->review3_foreach(st, agency, 0, state < 0 ? NULL : states[state].key, cb,
                                   payload);
}

int gk_store_review3_steps(gk_store *st, int64_t item_id, gk_review3_step_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    return st->be->review3_step_foreach(st, item_id, cb, payload);
}

/* ------------------------------------------------------------ changes */

int gk_store_review3_set_body(gk_store *st, int64_t item_id, const char *body)
{
    gk_buf before = GK_BUF_INIT, after = GK_BUF_INIT;
    char old_hash[65], new_hash[65];
    held h;
    int error;

    GK_ASSERT_ARG(st && body);
    if (strlen(body) > GK_REVIEW3_BODY_MAX) {
        gk_error_set(GK_ERRCLASS_INVALID, "正文不能超过 %d 字节", GK_REVIEW3_BODY_MAX);
        return GK_EINVALID;
    }
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = load(st, item_id, &h);
    if (error == 0)
        error = check_state(&h, GK_REVIEW3_DRAFT, "修改正文（退回后方可修改）");
    if (error == 0)
        error = st->be->review3_put(st, item_id, states[GK_REVIEW3_DRAFT].key, h.round, body);
    /* The length and hash, not the text (see store_review3.h). */
    if (error == 0) {
        gk_sha256_hex(old_hash, h.body, strlen(h.body));
        gk_sha256_hex(new_hash, body, strlen(body));
        error = gk_buf_printf(&before, "{\"body_bytes\":%zu,\"body_sha256\":\"%s\"}",
                              strlen(h.body), old_hash);
    }
    if (error == 0)
        error = gk_buf_printf(&after, "{\"body_bytes\":%zu,\"body_sha256\":\"%s\"}", strlen(body),
                              new_hash);
    if (error == 0)
        error = gk_store__audit(st, h.agency, "item", item_id, "review3:body", gk_buf_cstr(&before),
                                gk_buf_cstr(&after));
    if (error == 0)
        error = gk_store_tx_commit(st);
    else
        gk_store_tx_rollback(st);
    held_release(&h);
    gk_buf_release(&before);
    gk_buf_release(&after);
    return error;
}

/* Refuses actor when it already took a step of the round. */
static int check_actor(gk_store *st, int64_t item_id, int round)
{
    actor_ctx a = {round, st->actor, GK_REVIEW3_STEP_SUBMIT, false};
    int error = st->be->review3_step_foreach(st, item_id, find_actor, &a);

    if (error == 0 && a.found) {
        gk_error_set(GK_ERRCLASS_STORE, "%s 已在本轮承担“%s”，同一人不能承担两个审核步骤",
                     st->actor, steps[a.taken].label);
        error = GK_ECONFLICT;
    }
    return error;
}

int gk_store_review3_submit(gk_store *st, int64_t item_id, const char *comment)
{
    gk_review3_step_rec s;
    char at[32];
    held h;
    int error = check_comment(comment);

    GK_ASSERT_ARG(st);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = load(st, item_id, &h);
    if (error == 0)
        error = check_state(&h, GK_REVIEW3_DRAFT, "提交审核");
    if (error == 0 && gk_date_valid(h.it.published)) {
        gk_error_set(GK_ERRCLASS_STORE, "该信息已于 %04d-%02d-%02d 发布", h.it.published.y,
                     h.it.published.m, h.it.published.d);
        error = GK_ECONFLICT;
    }
    if (error == 0) {
        gk_store__now(at);
        memset(&s, 0, sizeof s);
        s.item_id = item_id;
        s.round = h.round + 1;
        s.step = GK_REVIEW3_STEP_SUBMIT;
        s.pass = true;
        s.actor = st->actor;
        s.at = at;
        s.comment = comment;
        error = record(st, &h, &s, GK_REVIEW3_FIRST, s.round);
    }
    if (error == 0)
        error = gk_store_tx_commit(st);
    else
        gk_store_tx_rollback(st);
    held_release(&h);
    return error;
}

static int check_decision(const gk_review3_decision *d)
{
    if (d->step < GK_REVIEW3_STEP_FIRST || d->step > GK_REVIEW3_STEP_FINAL) {
        gk_error_set(GK_ERRCLASS_INVALID, "审核步骤应为初审、复审或终审");
        return GK_EINVALID;
    }
    if (!d->pass && (!d->comment || !*d->comment)) {
        gk_error_set(GK_ERRCLASS_INVALID, "退回须填写审核意见");
        return GK_EINVALID;
    }
    if (d->pass && d->step == GK_REVIEW3_STEP_FINAL &&
        (!d->gate || !gk_date_valid(d->published_on))) {
        gk_error_set(GK_ERRCLASS_INVALID, "终审通过须给出发布日期并经过发布前审查");
        return GK_EINVALID;
    }
    return check_comment(d->comment);
}

int gk_store_review3_decide(gk_store *st, const gk_review3_decision *d)
{
    gk_review3_state to;
    gk_review3_step_rec s;
    char at[32], what[32];
    held h;
    int error;

    GK_ASSERT_ARG(st && d);
    error = check_decision(d);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    snprintf(what, sizeof what, "%s", steps[d->step].label);
    error = load(st, d->item_id, &h);
    if (error == 0)
        error = check_state(&h, (gk_review3_state)d->step, what);
    if (error == 0)
        error = check_actor(st, d->item_id, h.round);
    to = d->pass ? (gk_review3_state)(d->step + 1) : GK_REVIEW3_DRAFT;
    /* Publication: the gate sees the stored texts, under the write lock,
     * and the 发布日期 is set through the catalogue's own update (year
     * lock, item audit). */
    if (error == 0 && to == GK_REVIEW3_PUBLISHED)
        error = d->gate(h.it.title, h.it.summary, h.body, d->gate_payload);
    if (error == 0 && to == GK_REVIEW3_PUBLISHED) {
        h.it.published = d->published_on;
        error = gk_store_item_update(st, &h.it);
    }
    if (error == 0) {
        gk_store__now(at);
        memset(&s, 0, sizeof s);
        s.item_id = d->item_id;
        s.round = h.round;
        s.step = d->step;
        s.pass = d->pass;
        s.actor = st->actor;
        s.at = at;
        s.comment = d->comment;
        error = record(st, &h, &s, to, h.round);
    }
    if (error == 0)
        error = gk_store_tx_commit(st);
    else
        gk_store_tx_rollback(st);
    held_release(&h);
    return error;
}

int gk_store_review3_mask(gk_store *st, int64_t item_id, const char *title, const char *summary,
                          const char *body, const char *mask_log)
{
    gk_buf after = GK_BUF_INIT;
    held h;
    int error;

    GK_ASSERT_ARG(st && title && summary && body && mask_log);
    if (strlen(body) > GK_REVIEW3_BODY_MAX) {
        gk_error_set(GK_ERRCLASS_INVALID, "正文不能超过 %d 字节", GK_REVIEW3_BODY_MAX);
        return GK_EINVALID;
    }
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    error = load(st, item_id, &h);
    if (error == 0 && (h.state == GK_REVIEW3_PUBLISHED || gk_date_valid(h.it.published))) {
        gk_error_set(GK_ERRCLASS_STORE, "已发布的信息不能在此脱敏");
        error = GK_ECONFLICT;
    }
    if (error == 0 && (strcmp(title, h.it.title) != 0 || strcmp(summary, h.it.summary) != 0)) {
        h.it.title = title;
        h.it.summary = summary;
        error = gk_store_item_update(st, &h.it);
    }
    if (error == 0)
        error = st->be->review3_put(st, item_id, states[h.state].key, h.round, body);
    if (error == 0)
        error = gk_buf_putc(&after, '{');
    if (error == 0)
        error = gk__json_str(&after, "mask_log", mask_log);
    if (error == 0)
        error = gk__json_end(&after);
    if (error == 0)
        error = gk_store__audit(st, h.agency, "item", item_id, "review3:mask", "",
                                gk_buf_cstr(&after));
    if (error == 0)
        error = gk_store_tx_commit(st);
    else
        gk_store_tx_rollback(st);
    held_release(&h);
    gk_buf_release(&after);
    return error;
}
