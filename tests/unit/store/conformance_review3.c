/*
 * conformance_review3.c: store scenarios of the three-level review of
 * catalogue items (store_review3.h), run on every backend (conformance.h):
 * the states, one person one step per round, returns starting a new
 * round, the publication gate on the stored texts, masking, the audit
 * events of every step, and append-only steps.
 */
#include <stdio.h>
#include <string.h>
#include "conformance.h"
#include "gk/catalogue.h"
#include "gk/errors.h"
#include "gk/store_review3.h"

#define USCC "11370812004339255B"
#define PHONE "13800138000"

typedef struct {
    int n;
    int state, round;
    char body[256], title[128];
} seen;

static int see(const gk_review3 *r, void *payload)
{
    seen *s = payload;

    s->n++;
    s->state = (int)r->state;
    s->round = r->round;
    snprintf(s->body, sizeof s->body, "%s", r->body);
    snprintf(s->title, sizeof s->title, "%s", r->title);
    return 0;
}

static seen get(gk_store *st, int64_t id)
{
    seen s;

    memset(&s, 0, sizeof s);
    s.state = -1;
    if (gk_store_review3_get(st, id, see, &s) < 0)
        s.state = -2;
    return s;
}

typedef struct {
    int n;
    char line[512];
} steps_seen;

static int see_step(const gk_review3_step_rec *x, void *payload)
{
    steps_seen *s = payload;
    char one[64];

    snprintf(one, sizeof one, "%d:%s:%s:%s|", x->round, gk_review3_step_key(x->step),
             x->pass ? "pass" : "return", x->actor);
    if (strlen(s->line) + strlen(one) < sizeof s->line)
        strcat(s->line, one);
    s->n++;
    return 0;
}

/* A stand-in for the screener: refuses while the phone number is in any
 * of the texts, and counts its calls. */
typedef struct {
    int calls;
} gate_seen;

static int phone_gate(const char *title, const char *summary, const char *body, void *payload)
{
    gate_seen *g = payload;

    g->calls++;
    if (strstr(title, PHONE) || strstr(summary, PHONE) || strstr(body, PHONE)) {
        gk_error_set(GK_ERRCLASS_STORE, "含有个人信息");
        return GK_ECONFLICT;
    }
    return 0;
}

typedef struct {
    int review3, item_updates;
    bool body_leaked;
    char last_action[64];
} audit_seen;

static int see_event(const gk_store_event *e, void *payload)
{
    audit_seen *a = payload;

    if (strcmp(e->entity, "item") != 0)
        return 0;
    if (!strncmp(e->action, "review3:", 8))
        a->review3++;
    if (!strcmp(e->action, "update"))
        a->item_updates++;
    if (!strcmp(e->action, "review3:body") && strstr(e->after, PHONE))
        a->body_leaked = true;
    snprintf(a->last_action, sizeof a->last_action, "%s", e->action);
    return 0;
}

static int64_t add_item(gk_store *st, const char *title, gk_date published)
{
    gk_catalogue_item it;
    char no[GK_INDEX_NO_BUFSZ];

    gk_catalogue_item_init(&it);
    it.agency = USCC;
    it.title = title;
    it.summary = "概述";
    it.formed = day(2024, 3, 1);
    it.published = published;
    if (gk_store_item_add(st, &it, no) < 0)
        return 0;
    return it.id;
}

static gk_review3_decision decision(int64_t id, gk_review3_step step, bool pass,
                                    const char *comment, gate_seen *g)
{
    gk_review3_decision d;

    memset(&d, 0, sizeof d);
    d.item_id = id;
    d.step = step;
    d.pass = pass;
    d.comment = comment;
    d.published_on = day(2024, 3, 20);
    d.gate = phone_gate;
    d.gate_payload = g;
    return d;
}

static int got_published(const gk_catalogue_item *it, void *payload)
{
    *(gk_date *)payload = it->published;
    return 0;
}

static int as(gk_store *st, const char *who)
{
    return gk_store_set_actor(st, who);
}

static void scn_review3_workflow(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, USCC, "某区人民政府办公室", "", "政府"};
    gk_date none = {0, 0, 0};
    gk_review3_decision d;
    gate_seen g = {0};
    steps_seen ss;
    audit_seen au;
    gk_item_query q = GK_ITEM_QUERY_INIT;
    int64_t id, old;
    gk_date pub;
    seen s;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    id = add_item(st, "关于某某事项的通知", none);
    old = add_item(st, "已发布的旧目录", day(2024, 3, 5));
    GK_T_OK(id > 0 && old > 0);
    /* Without a review record: DRAFT, or PUBLISHED with a 发布日期. */
    s = get(st, id);
    GK_T_INT_EQ(s.state, GK_REVIEW3_DRAFT);
    GK_T_INT_EQ(s.round, 0);
    GK_T_INT_EQ(get(st, old).state, GK_REVIEW3_PUBLISHED);
    GK_T_INT_EQ(get(st, 9999).state, -2);
    GK_T_INT_EQ(gk_store_review3_submit(st, old, NULL), GK_ECONFLICT);

    GK_T_CALL(as(st, "起草人"));
    GK_T_CALL(gk_store_review3_set_body(st, id, "联系电话 " PHONE "。"));
    GK_T_CALL(gk_store_review3_submit(st, id, "请审核"));
    s = get(st, id);
    GK_T_INT_EQ(s.state, GK_REVIEW3_FIRST);
    GK_T_INT_EQ(s.round, 1);
    /* The body is frozen while under review. */
    GK_T_INT_EQ(gk_store_review3_set_body(st, id, "x"), GK_ECONFLICT);
    /* The submitter cannot take the 初审. */
    d = decision(id, GK_REVIEW3_STEP_FIRST, true, "", &g);
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_ECONFLICT);
    GK_T_CALL(as(st, "甲"));
    /* A stale page: the item does not wait for the 复审. */
    d.step = GK_REVIEW3_STEP_SECOND;
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_ECONFLICT);
    d.step = GK_REVIEW3_STEP_FIRST;
    GK_T_CALL(gk_store_review3_decide(st, &d));
    GK_T_INT_EQ(get(st, id).state, GK_REVIEW3_SECOND);
    /* 甲 took the 初审: not the 复审 too. */
    d = decision(id, GK_REVIEW3_STEP_SECOND, true, "", &g);
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_ECONFLICT);
    GK_T_CALL(as(st, "乙"));
    /* A return needs a comment, and goes back to the draft. */
    d.pass = false;
    d.comment = "";
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_EINVALID);
    d.comment = "删去个人电话";
    GK_T_CALL(gk_store_review3_decide(st, &d));
    s = get(st, id);
    GK_T_INT_EQ(s.state, GK_REVIEW3_DRAFT);
    GK_T_INT_EQ(s.round, 1);

    /* Round 2: the same people may take other steps than in round 1. */
    GK_T_CALL(as(st, "起草人"));
    GK_T_CALL(gk_store_review3_submit(st, id, NULL));
    GK_T_INT_EQ(get(st, id).round, 2);
    GK_T_CALL(as(st, "乙"));
    d = decision(id, GK_REVIEW3_STEP_FIRST, true, "", &g);
    GK_T_CALL(gk_store_review3_decide(st, &d));
    GK_T_CALL(as(st, "甲"));
    d.step = GK_REVIEW3_STEP_SECOND;
    GK_T_CALL(gk_store_review3_decide(st, &d));
    GK_T_INT_EQ(get(st, id).state, GK_REVIEW3_FINAL);
    /* The 终审 by 乙 (who took the 初审) is refused before the gate. */
    GK_T_CALL(as(st, "乙"));
    d.step = GK_REVIEW3_STEP_FINAL;
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_ECONFLICT);
    GK_T_INT_EQ(g.calls, 0);
    /* 丙: the gate refuses while the body holds the phone number; nothing
     * is written. */
    GK_T_CALL(as(st, "丙"));
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_ECONFLICT);
    GK_T_INT_EQ(g.calls, 1);
    GK_T_INT_EQ(get(st, id).state, GK_REVIEW3_FINAL);
    /* A FINAL pass needs the gate and the date. */
    d.gate = NULL;
    GK_T_INT_EQ(gk_store_review3_decide(st, &d), GK_EINVALID);
    d.gate = phone_gate;
    /* Masked (by whoever reviews): the gate passes and the item is out. */
    GK_T_CALL(gk_store_review3_mask(st, id, "关于某某事项的通知", "概述", "联系电话 138****8000。",
                                    "body\t13\t24\tmobile\t138****8000\n"));
    GK_T_CALL(gk_store_review3_decide(st, &d));
    GK_T_INT_EQ(g.calls, 2);
    s = get(st, id);
    GK_T_INT_EQ(s.state, GK_REVIEW3_PUBLISHED);
    GK_T_STR_EQ(s.body, "联系电话 138****8000。");
    /* The 发布日期 is the decision's. */
    q.id = id;
    pub = day(1, 1, 1);
    GK_T_CALL(gk_store_item_foreach(st, &q, got_published, &pub));
    GK_T_INT_EQ(pub.y * 10000 + pub.m * 100 + pub.d, 20240320);
    /* The queues: two published items, none waiting. */
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_review3_foreach(st, USCC, GK_REVIEW3_PUBLISHED, see, &s));
    GK_T_INT_EQ(s.n, 2);
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_review3_foreach(st, NULL, GK_REVIEW3_FINAL, see, &s));
    GK_T_INT_EQ(s.n, 0);
    GK_T_CALL(gk_store_review3_foreach(st, "OTHER", -1, see, &s));
    GK_T_INT_EQ(s.n, 0);
    /* After publication nothing changes through the review. */
    GK_T_INT_EQ(gk_store_review3_mask(st, id, "t", "", "", ""), GK_ECONFLICT);
    GK_T_INT_EQ(gk_store_review3_submit(st, id, NULL), GK_ECONFLICT);

    memset(&ss, 0, sizeof ss);
    GK_T_CALL(gk_store_review3_steps(st, id, see_step, &ss));
    GK_T_STR_EQ(ss.line, "1:SUBMIT:pass:起草人|1:FIRST:pass:甲|1:SECOND:return:乙|"
                         "2:SUBMIT:pass:起草人|2:FIRST:pass:乙|2:SECOND:pass:甲|"
                         "2:FINAL:pass:丙|");
    /* Every step, the body and the mask are audited; the body event holds
     * no text; the 发布日期 went through the item's own update. */
    memset(&au, 0, sizeof au);
    GK_T_CALL(gk_store_event_foreach(st, see_event, &au));
    GK_T_INT_EQ(au.review3, 9);
    GK_T_INT_EQ(au.item_updates, 1);
    GK_T_OK(!au.body_leaked);
    GK_T_STR_EQ(au.last_action, "review3:FINAL");
}
CONFORMANCE_ALL(review3_workflow)

/* Masking changes the title through the item's update, keeps the state,
 * and logs no unmasked text; the steps are append-only in the database. */
static void scn_review3_mask_and_guards(fixture *f)
{
    gk_store *st = fresh(f);
    gk_agency a = {0, USCC, "某区人民政府办公室", "", "政府"};
    gk_date none = {0, 0, 0};
    audit_seen au;
    int64_t id;
    seen s;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_agency_add(st, &a, NULL));
    id = add_item(st, "张三 " PHONE " 的答复", none);
    GK_T_OK(id > 0);
    GK_T_CALL(as(st, "起草人"));
    GK_T_CALL(gk_store_review3_submit(st, id, NULL));
    GK_T_CALL(as(st, "甲"));
    GK_T_CALL(gk_store_review3_mask(st, id, "张三 138****8000 的答复", "概述", "",
                                    "title\t7\t18\tmobile\t138****8000\n"));
    s = get(st, id);
    GK_T_INT_EQ(s.state, GK_REVIEW3_FIRST);
    GK_T_STR_EQ(s.title, "张三 138****8000 的答复");
    memset(&au, 0, sizeof au);
    GK_T_CALL(gk_store_event_foreach(st, see_event, &au));
    GK_T_STR_EQ(au.last_action, "review3:mask");
    GK_T_INT_EQ(au.item_updates, 1);
    GK_T_INT_EQ(gk_store_review3_set_body(st, 9999, ""), GK_ENOTFOUND);
    if (f->t->raw) {
        GK_T_INT_EQ(f->t->raw(f, "UPDATE item_review_steps SET actor = 'x'"), -1);
        GK_T_INT_EQ(f->t->raw(f, "DELETE FROM item_review_steps"), -1);
        /* Two steps by one person in one round: the unique index. */
        GK_T_INT_EQ(f->t->raw(f, "INSERT INTO item_review_steps(item_id, round, step, pass, actor,"
                                 " at, comment) SELECT item_id, round, 'FIRST', pass, actor, at, ''"
                                 " FROM item_review_steps"),
                    -1);
    }
}
CONFORMANCE_FILE(review3_mask_and_guards)
