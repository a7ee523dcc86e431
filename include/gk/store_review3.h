/*
 * store_review3.h: the three-level review (三审: 初审 → 复审 → 终审) of
 * proactive catalogue items before publication (issue 6, staff console;
 * 《政府信息公开条例》第十七条: an agency sets up a review mechanism for
 * the information it discloses, and the 保密审查 of 《保守国家秘密法》
 * 第四十三条 before anything is made public).
 *
 * An item moves DRAFT → FIRST → SECOND → FINAL → PUBLISHED: it is
 * submitted from DRAFT, and each review step passes it on or returns it
 * to DRAFT with a comment. Every step is a row (reviewer, time, decision,
 * comment) and an audit event. Within one round (from a submission to the
 * next return or the publication) the submitter and the three reviewers
 * are four different people (GK_ECONFLICT otherwise): the same person
 * cannot take two steps of one item. A return starts a new round.
 *
 * Passing the 终审 publishes the item: its 发布日期 is set (through
 * gk_store_item_update, so the year lock and the item's audit apply) and
 * it becomes PUBLISHED. The caller's gate is run on the stored title,
 * summary and body inside the transaction, so what is checked is exactly
 * what is published; the store does not depend on the screener, the gate
 * is how it is plugged in (http: gk_screen's error-severity personal data
 * and secret markers).
 *
 * An item without a review record is PUBLISHED when it has a 发布日期
 * (recorded from the registers, `gongkai catalogue add --published`) and
 * DRAFT otherwise. Only items without a 发布日期 can be submitted.
 */
#ifndef GK_STORE_REVIEW3_H
#define GK_STORE_REVIEW3_H

#include "store.h"

GK_BEGIN_DECL

/* States: the step an item waits for. X(KEY, label) */
#define GK_REVIEW3_STATES(X)                                                                       \
    X(DRAFT, "草稿")                                                                               \
    X(FIRST, "待初审")                                                                             \
    X(SECOND, "待复审")                                                                            \
    X(FINAL, "待终审")                                                                             \
    X(PUBLISHED, "已发布")

typedef enum {
#define GK_X_(key, label) GK_REVIEW3_##key,
    GK_REVIEW3_STATES(GK_X_)
#undef GK_X_
    GK_REVIEW3_NSTATES
} gk_review3_state;

/* Steps: the step taken in state s is step s (SUBMIT in DRAFT …). */
#define GK_REVIEW3_STEPS(X)                                                                        \
    X(SUBMIT, "提交")                                                                              \
    X(FIRST, "初审")                                                                               \
    X(SECOND, "复审")                                                                              \
    X(FINAL, "终审")

typedef enum {
#define GK_X_(key, label) GK_REVIEW3_STEP_##key,
    GK_REVIEW3_STEPS(GK_X_)
#undef GK_X_
    GK_REVIEW3_NSTEPS
} gk_review3_step;

GK_EXTERN(const char *) gk_review3_state_key(int s);   /* "FIRST"; NULL out of range */
GK_EXTERN(const char *) gk_review3_state_label(int s); /* "待初审" */
GK_EXTERN(int) gk_review3_state_from_key(const char *s); /* -1 when unknown */
GK_EXTERN(const char *) gk_review3_step_key(int s);    /* "FIRST" */
GK_EXTERN(const char *) gk_review3_step_label(int s);  /* "初审" */
GK_EXTERN(int) gk_review3_step_from_key(const char *s); /* -1 when unknown */

#define GK_REVIEW3_BODY_MAX (1024 * 1024) /* bytes of 正文 */
#define GK_REVIEW3_COMMENT_MAX 2000       /* bytes */

/* An item's review record (strings borrowed for the callback). */
typedef struct {
    int64_t item_id;
    const char *agency;  /* the item's agency code */
    const char *index_no;
    const char *title;
    gk_review3_state state;
    int round;           /* 0 before the first submission */
    const char *body;    /* 正文 ("" when none) */
} gk_review3;

/* One step taken (strings borrowed for the callback). */
typedef struct {
    int64_t id;
    int64_t item_id;
    int round;
    gk_review3_step step;
    bool pass;           /* SUBMIT: true */
    const char *actor;
    const char *at;      /* UTC "YYYY-MM-DDTHH:MM:SS.mmmZ" */
    const char *comment;
} gk_review3_step_rec;

typedef int (*gk_review3_cb)(const gk_review3 *r, void *payload);
typedef int (*gk_review3_step_cb)(const gk_review3_step_rec *s, void *payload);

/* The review record of item_id (derived as above when it has none).
 * GK_ENOTFOUND when there is no such item. */
GK_EXTERN(int) gk_store_review3_get(gk_store *st, int64_t item_id, gk_review3_cb cb,
                                    void *payload) GK_WARN_UNUSED;
/* Items of agency (NULL = all) in state (-1 = any), in item id order. */
GK_EXTERN(int) gk_store_review3_foreach(gk_store *st, const char *agency, int state,
                                        gk_review3_cb cb, void *payload) GK_WARN_UNUSED;
/* The steps of item_id in the order they were taken. */
GK_EXTERN(int) gk_store_review3_steps(gk_store *st, int64_t item_id, gk_review3_step_cb cb,
                                      void *payload) GK_WARN_UNUSED;

/* Sets the body (正文) of a DRAFT item (GK_ECONFLICT in any other state).
 * The audit event holds the body's length and SHA-256, not the text: a
 * draft may hold personal data that is masked before publication, and the
 * trail is never rewritten. */
GK_EXTERN(int) gk_store_review3_set_body(gk_store *st, int64_t item_id, const char *body)
    GK_WARN_UNUSED;

/* DRAFT → FIRST by the store's actor, who then cannot review this round.
 * GK_ECONFLICT when not a draft or already published. */
GK_EXTERN(int) gk_store_review3_submit(gk_store *st, int64_t item_id, const char *comment)
    GK_WARN_UNUSED;

/* The publication gate: 0 when the texts may be published; GK_ECONFLICT
 * with the reason set when they may not; another negative code on
 * failure. */
typedef int (*gk_review3_gate)(const char *title, const char *summary, const char *body,
                               void *payload);

typedef struct {
    int64_t item_id;
    gk_review3_step step;  /* the step the reviewer takes (FIRST, SECOND, FINAL) */
    bool pass;             /* false: return to DRAFT (comment required) */
    const char *comment;
    gk_date published_on;  /* 发布日期 for a FINAL pass (required then) */
    gk_review3_gate gate;  /* required for a FINAL pass (GK_EINVALID otherwise) */
    void *gate_payload;
} gk_review3_decision;

/* Takes a review step by the store's actor. GK_ECONFLICT when the item is
 * not waiting for d->step (a stale page), when the actor already took a
 * step of this round, or when the gate refuses; nothing is written then. */
GK_EXTERN(int) gk_store_review3_decide(gk_store *st, const gk_review3_decision *d)
    GK_WARN_UNUSED;

/* Replaces the title, summary and body of an item not yet published with
 * their masked forms (脱敏) and records mask_log (the screener's log, one
 * "field\tstart\tend\tcategory\tmasked text" line per masked finding,
 * never the unmasked text) in a "review3:mask" event. The title and
 * summary go through gk_store_item_update when they change. The state is
 * kept: masking only takes data out. GK_ECONFLICT when published. */
GK_EXTERN(int) gk_store_review3_mask(gk_store *st, int64_t item_id, const char *title,
                                     const char *summary, const char *body, const char *mask_log)
    GK_WARN_UNUSED;

GK_END_DECL

#endif
