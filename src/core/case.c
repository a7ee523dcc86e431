/*
 * case.c: the application state machine (spec §2.3). The allowed (state,
 * event) pairs are the rows of case_fsm.def; what each event does to the
 * case, and the guards that depend on the case, are the rows of the
 * effects[] table below, one function per event, each citing its article.
 */
#include <stdio.h>
#include "util/keytab.h"
#include "util/util.h"
#include "gk/case.h"
#include "gk/report.h"
#include "gk/decision.h"

/* ---------------------------------------------------------------- names */

static const char *const applicant_labels[] = {
#define GK_X_(key, label) label,
    GK_APPLICANT_TYPES(GK_X_)
#undef GK_X_
};
static const char *const applicant_keys[] = {
#define GK_X_(key, label) #key,
    GK_APPLICANT_TYPES(GK_X_)
#undef GK_X_
};
static const char *const channel_labels[] = {
#define GK_X_(key, label) label,
    GK_CHANNELS(GK_X_)
#undef GK_X_
};
static const char *const channel_keys[] = {
#define GK_X_(key, label) #key,
    GK_CHANNELS(GK_X_)
#undef GK_X_
};
static const struct {
    const char *key, *label;
    bool open;
} states[] = {
#define GK_X_(key, label, open) {#key, label, open},
    GK_CASE_STATES(GK_X_)
#undef GK_X_
};
static const struct {
    const char *key, *label;
} events[] = {
#define GK_X_(key, label) {#key, label},
    GK_CASE_EVENTS(GK_X_)
#undef GK_X_
};

#define IN_RANGE(i, n) ((i) >= 0 && (i) < (int)(n))

/* A label or a key of labels[]/keys[] (n rows each), or -1. */
static int label_or_key(const char *const *labels, const char *const *keys, int n, const char *s,
                        size_t len)
{
    int i = gk_strtab_find(labels, n, s, len);

    return i >= 0 ? i : gk_strtab_find(keys, n, s, len);
}

const char *gk_applicant_type_label(int t)
{
    return gk_strtab_get(applicant_labels, GK_APPLICANT_NTYPES, t);
}
const char *gk_applicant_type_key(int t)
{
    return gk_strtab_get(applicant_keys, GK_APPLICANT_NTYPES, t);
}
int gk_applicant_type_from_label(const char *s, size_t n)
{
    return label_or_key(applicant_labels, applicant_keys, GK_APPLICANT_NTYPES, s, n);
}
const char *gk_channel_label(int c)
{
    return gk_strtab_get(channel_labels, GK_CHANNEL_NCHANNELS, c);
}
const char *gk_channel_key(int c)
{
    return gk_strtab_get(channel_keys, GK_CHANNEL_NCHANNELS, c);
}
int gk_channel_from_label(const char *s, size_t n)
{
    return label_or_key(channel_labels, channel_keys, GK_CHANNEL_NCHANNELS, s, n);
}
const char *gk_case_state_key(int s)
{
    return gk_keytab_get(states, GK_CASE_NSTATES, key, s);
}
const char *gk_case_state_label(int s)
{
    return gk_keytab_get(states, GK_CASE_NSTATES, label, s);
}
bool gk_case_state_is_open(int s)
{
    return IN_RANGE(s, GK_CASE_NSTATES) && states[s].open;
}
int gk_case_state_from_key(const char *s, size_t n)
{
    return gk_keytab_find(states, GK_CASE_NSTATES, key, s, n);
}
const char *gk_case_event_key(int e)
{
    return gk_keytab_get(events, GK_CASE_NEVENTS, key, e);
}
const char *gk_case_event_label(int e)
{
    return gk_keytab_get(events, GK_CASE_NEVENTS, label, e);
}
int gk_case_event_from_key(const char *s, size_t n)
{
    return gk_keytab_find(events, GK_CASE_NEVENTS, key, s, n);
}

/* ---------------------------------------------------- transition table */

#define RESUME (-1)
static const gk_case_transition transitions[] = {
#define TRANSITION(from, ev, next, article)                                                        \
    {GK_CASE_##from, GK_CASE_EV_##ev, GK_CASE_NEXT_##next, article},
#define GK_CASE_NEXT_RESUME                  RESUME
#define GK_CASE_NEXT_IN_PROGRESS             GK_CASE_IN_PROGRESS
#define GK_CASE_NEXT_CORRECTION_REQUESTED    GK_CASE_CORRECTION_REQUESTED
#define GK_CASE_NEXT_ANSWERED                GK_CASE_ANSWERED
#define GK_CASE_NEXT_WITHDRAWN               GK_CASE_WITHDRAWN
#define GK_CASE_NEXT_ABANDONED_NO_CORRECTION GK_CASE_ABANDONED_NO_CORRECTION
#define GK_CASE_NEXT_ABANDONED_NO_FEE        GK_CASE_ABANDONED_NO_FEE
#define GK_CASE_NEXT_SPLIT                   GK_CASE_SPLIT
#define GK_CASE_NEXT_SUSPENDED_THIRD_PARTY   GK_CASE_SUSPENDED_THIRD_PARTY
#define GK_CASE_NEXT_SUSPENDED_OTHER_AGENCY  GK_CASE_SUSPENDED_OTHER_AGENCY
#define GK_CASE_NEXT_SUSPENDED_FEE           GK_CASE_SUSPENDED_FEE
#define GK_CASE_NEXT_EXTENDED                GK_CASE_EXTENDED
#include "case_fsm.def"
#undef TRANSITION
};

const gk_case_transition *gk_case_transitions(size_t *n_out)
{
    if (n_out)
        *n_out = GK_ARRAY_LEN(transitions);
    return transitions;
}

static const gk_case_transition *find_transition(gk_case_state s, gk_case_event_kind e)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(transitions); i++)
        if (transitions[i].from == s && transitions[i].event == e)
            return &transitions[i];
    return NULL;
}

bool gk_case_can(gk_case_state s, gk_case_event_kind e)
{
    return find_transition(s, e) != NULL;
}

/* -------------------------------------------------------------- effects */

/* An effect updates the scratch copy n of the case for event ev, or
 * returns an error (with the message set) to refuse it. */
typedef int (*effect_fn)(gk_case *n, const gk_case_event *ev);

static int refuse(const gk_case *c, const gk_case_event *ev, const char *why)
{
    gk_error_set(GK_ERRCLASS_CASE, "%s 状态下不能%s: %s", gk_case_state_label(c->state),
                 gk_case_event_label(ev->kind), why);
    return GK_ECONFLICT;
}

static int open_pause(gk_case *n, const gk_case_event *ev, gk_pause_reason why)
{
    if (n->npauses >= GK_CASE_MAX_PAUSES)
        return refuse(n, ev, "中止计时次数超过上限");
    n->pauses[n->npauses].from = ev->date;
    n->pauses[n->npauses].to = ev->date;
    n->pauses[n->npauses].reason = why;
    n->npauses++;
    n->pause_open = true;
    return 0;
}

/* Closing a pause: [from, to] are the days not counted; the day of the
 * reply or payment itself is inside the pause, and the clock resumes on
 * the next day (民法典 第二百零一条 by analogy, calendar.h PAUSE SEMANTICS). */
static int close_pause(gk_case *n, const gk_case_event *ev)
{
    if (!n->pause_open || n->npauses == 0)
        GK_BUG("suspended case without an open pause");
    n->pauses[n->npauses - 1].to = ev->date;
    n->pause_open = false;
    return 0;
}

static int conclude(gk_case *n, const gk_case_event *ev, int outcome)
{
    n->outcome = outcome;
    n->concluded = ev->date;
    if (n->pause_open)
        return close_pause(n, ev);
    return 0;
}

static int eff_accept(gk_case *n, const gk_case_event *ev)
{
    (void)n;
    (void)ev;
    return 0;
}

/* 第三十条: 一次性告知 — the applicant is told once what to correct. */
static int eff_request_correction(gk_case *n, const gk_case_event *ev)
{
    if (n->correction_requested)
        return refuse(n, ev, "条例第三十条规定补正只能一次性告知");
    n->correction_requested = true;
    n->correction_notice = ev->date;
    return 0;
}

/* 第三十条: "答复期限自行政机关收到补正的申请之日起计算" — the clock restarts. */
static int eff_corrected(gk_case *n, const gk_case_event *ev)
{
    n->clock_start = ev->date;
    n->npauses = 0; /* pauses before the restart no longer matter */
    n->pause_open = false;
    return 0;
}

/* 第三十条: 逾期不补正 → 视为放弃 (表三（六）1). */
static int eff_correction_lapsed(gk_case *n, const gk_case_event *ev)
{
    return conclude(n, ev, GK_T3_R_OT_NOCORRECT);
}

/* 第三十二条 / 第三十四条 with 第三十三条第三款: consultation time not counted. */
static int eff_consult_third(gk_case *n, const gk_case_event *ev)
{
    return open_pause(n, ev, GK_PAUSE_THIRD_PARTY);
}
static int eff_consult_agency(gk_case *n, const gk_case_event *ev)
{
    return open_pause(n, ev, GK_PAUSE_OTHER_AGENCY);
}
static int eff_consult_done(gk_case *n, const gk_case_event *ev)
{
    return close_pause(n, ev);
}

/* 国办函〔2020〕109号: the fee notice stops the clock until payment
 * (spec §4.4, UNVERIFIED wording; configurable by not recording it). */
static int eff_fee_notice(gk_case *n, const gk_case_event *ev)
{
    if (ev->fee_yuan <= 0)
        return refuse(n, ev, "收费通知的金额必须大于零");
    n->fee_yuan = ev->fee_yuan;
    return open_pause(n, ev, GK_PAUSE_FEE_NOTICE);
}
static int eff_fee_paid(gk_case *n, const gk_case_event *ev)
{
    return close_pause(n, ev);
}
/* 109号: unpaid within 20 working days → 视为放弃 (表三（六）2). */
static int eff_fee_lapsed(gk_case *n, const gk_case_event *ev)
{
    return conclude(n, ev, GK_T3_R_OT_NOFEE);
}

/* 第三十三条第二款: one extension, at most 20 working days, approved by the
 * head of the 政府信息公开工作机构 (the approver is recorded). */
static int eff_extend(gk_case *n, const gk_case_event *ev)
{
    if (n->ext_days > 0)
        return refuse(n, ev, "条例第三十三条第二款只允许延长一次");
    if (ev->days < 1 || ev->days > GK_CASE_MAX_EXTENSION)
        return refuse(n, ev, "条例第三十三条第二款规定延长期限最长不超过20个工作日");
    if (!ev->approver || !*ev->approver)
        return refuse(n, ev, "条例第三十三条第二款规定延长须经政府信息公开工作机构负责人同意");
    n->ext_days = ev->days;
    n->ext_approver = ev->approver;
    return 0;
}

/* 第三十五条: a reasonable later deadline, after the event day. */
static int eff_defer(gk_case *n, const gk_case_event *ev)
{
    if (!gk_date_valid(ev->until) || gk_date_cmp(ev->until, ev->date) <= 0)
        return refuse(n, ev, "条例第三十五条的延迟答复期限必须晚于确定之日");
    n->deferred_to = ev->until;
    return 0;
}

/* 第三十六条: the answer, as a table-3 result row. The two 视为放弃 rows
 * come only from the lapse events; 补正后仍不明确 needs a 补正 (第三十条). */
static int eff_answer(gk_case *n, const gk_case_event *ev)
{
    gk_case_event with_row;

    /* A decision (spec §1.4) stands for its default row here; the report
     * maps it through the agency's decision map. */
    if (ev->decision) {
        int d = gk_decision_from_id(ev->decision, strlen(ev->decision));
        if (d < 0)
            return refuse(n, ev, "未知的决定类型（见 docs/decision-map.md）");
        if (ev->outcome >= 0 && ev->outcome != gk_decisions(NULL)[d].default_row)
            return refuse(n, ev, "决定类型与所填办理结果行不一致");
        with_row = *ev;
        with_row.outcome = gk_decisions(NULL)[d].default_row;
        with_row.decision = NULL;
        return eff_answer(n, &with_row);
    }
    if (ev->outcome < GK_T3_FIRST_RESULT || ev->outcome > GK_T3_LAST_RESULT)
        return refuse(n, ev, "答复结果必须是表三的一个办理结果行");
    if (ev->outcome == GK_T3_R_OT_NOCORRECT || ev->outcome == GK_T3_R_OT_NOFEE)
        return refuse(n, ev, "视为放弃申请的结果只能由补正或缴费期限届满产生");
    if (ev->outcome == GK_T3_R_NA_UNCLEAR && !n->correction_requested)
        return refuse(n, ev, "“补正后申请内容仍不明确”要求先告知补正（条例第三十条）");
    return conclude(n, ev, ev->outcome);
}

/* Withdrawal: no row of its own in table 3; it is （六）3.其他 (spec §1.4). */
static int eff_withdraw(gk_case *n, const gk_case_event *ev)
{
    return conclude(n, ev, GK_T3_R_OT_OTHER);
}

/* 国办函〔2020〕109号第四条 (一事一申请): the parent leaves the count; it
 * keeps no outcome (its children get theirs). The children are made by
 * the store, which needs the ids (gk_store_case_split). */
static int eff_split(gk_case *n, const gk_case_event *ev)
{
    (void)n;
    (void)ev;
    return 0;
}

static const effect_fn effects[GK_CASE_NEVENTS] = {
    [GK_CASE_EV_ACCEPT] = eff_accept,
    [GK_CASE_EV_REQUEST_CORRECTION] = eff_request_correction,
    [GK_CASE_EV_CORRECTED] = eff_corrected,
    [GK_CASE_EV_CORRECTION_LAPSED] = eff_correction_lapsed,
    [GK_CASE_EV_CONSULT_THIRD_PARTY] = eff_consult_third,
    [GK_CASE_EV_CONSULT_AGENCY] = eff_consult_agency,
    [GK_CASE_EV_CONSULT_DONE] = eff_consult_done,
    [GK_CASE_EV_FEE_NOTICE] = eff_fee_notice,
    [GK_CASE_EV_FEE_PAID] = eff_fee_paid,
    [GK_CASE_EV_FEE_LAPSED] = eff_fee_lapsed,
    [GK_CASE_EV_EXTEND] = eff_extend,
    [GK_CASE_EV_DEFER] = eff_defer,
    [GK_CASE_EV_ANSWER] = eff_answer,
    [GK_CASE_EV_WITHDRAW] = eff_withdraw,
    [GK_CASE_EV_SPLIT] = eff_split,
};

void gk_case_init(gk_case *c)
{
    memset(c, 0, sizeof *c);
    c->agency = c->tracking_no = c->applicant = c->applicant_id = "";
    c->contact = c->description = c->form = "";
    c->applicant_type = GK_APPLICANT_NATURAL;
    c->channel = GK_CHANNEL_IN_PERSON;
    c->state = GK_CASE_RECEIVED;
    c->resume_state = GK_CASE_IN_PROGRESS;
    c->outcome = -1;
}

int gk_case_apply(gk_case *c, const gk_case_event *ev)
{
    const gk_case_transition *t;
    gk_case n;
    int error;

    GK_ASSERT_ARG(c && ev);
    if (!IN_RANGE((int)ev->kind, GK_CASE_NEVENTS) || !IN_RANGE((int)c->state, GK_CASE_NSTATES)) {
        gk_error_set(GK_ERRCLASS_CASE, "unknown case state or event");
        return GK_EINVALID;
    }
    if (!gk_date_valid(ev->date)) {
        gk_error_set(GK_ERRCLASS_CASE, "%s: 事件日期无效", gk_case_event_label(ev->kind));
        return GK_EINVALID;
    }
    t = find_transition(c->state, ev->kind);
    if (!t) {
        gk_error_set(GK_ERRCLASS_CASE, "状态“%s”下不允许“%s”（%s → %s）",
                     gk_case_state_label(c->state), gk_case_event_label(ev->kind),
                     gk_case_state_key(c->state), gk_case_event_key(ev->kind));
        return GK_ECONFLICT;
    }
    if (gk_date_cmp(ev->date, c->last_event) < 0) {
        char a[GK_DATE_BUFSZ], b[GK_DATE_BUFSZ];
        gk_error_set(GK_ERRCLASS_CASE, "%s: 事件日期 %s 早于上一事件 %s",
                     gk_case_event_label(ev->kind), gk_date_format(a, ev->date),
                     gk_date_format(b, c->last_event));
        return GK_ECONFLICT;
    }
    n = *c;
    error = effects[ev->kind](&n, ev);
    if (error < 0)
        return error;
    if (t->next == RESUME) {
        n.state = n.resume_state;
    } else {
        /* Remember where a suspension returns to: the state it left. */
        if (t->next == GK_CASE_SUSPENDED_THIRD_PARTY || t->next == GK_CASE_SUSPENDED_OTHER_AGENCY ||
            t->next == GK_CASE_SUSPENDED_FEE)
            n.resume_state = c->state;
        n.state = (gk_case_state)t->next;
    }
    n.last_event = ev->date;
    *c = n;
    return 0;
}

/* ---------------------------------------------------------------- intake */

static int intake_error(const char *field, const char *why)
{
    gk_error_set(GK_ERRCLASS_CASE, "%s: %s", field, why);
    return GK_EINVALID;
}

int gk_case_intake(gk_case *c)
{
    GK_ASSERT_ARG(c);
    if (!IN_RANGE((int)c->applicant_type, GK_APPLICANT_NTYPES))
        return intake_error("applicant_type", "申请人类型无效");
    if (!IN_RANGE((int)c->channel, GK_CHANNEL_NCHANNELS))
        return intake_error("channel", "申请渠道无效");
    /* 第二十九条（一）: the applicant's name is required. (身份证明 and
     * 联系方式 are required of a new application too, but ledgers imported
     * from before the system rarely have them, so they are not enforced
     * here; the intake form enforces them.) */
    if (!c->applicant || !*c->applicant)
        return intake_error("applicant", "条例第二十九条要求申请人的姓名或者名称");
    if (!gk_date_valid(c->received))
        return intake_error("received", "收到申请之日无效");
    /* The 条例 (国务院令第492号) took effect on 2008-05-01: no application
     * under it was received in an earlier year, and no annual report
     * covers one (gk_store_report_build refuses years before 2008). */
    if (c->received.y < 2008)
        return intake_error("received", "收到申请之日早于条例施行（2008年）");
    if (!gk_date_valid(c->arrival))
        c->arrival = c->received;
    /* 第三十一条: the receipt date is never before the physical arrival; in
     * person it is the day of submission itself. */
    if (gk_date_cmp(c->received, c->arrival) < 0)
        return intake_error("received", "条例第三十一条: 收到申请之日不能早于申请到达之日");
    if (c->channel == GK_CHANNEL_IN_PERSON && gk_date_cmp(c->received, c->arrival) != 0)
        return intake_error("received", "条例第三十一条第（一）项: 当面提交的，以提交之日为收到申请之日");
    c->clock_start = c->received;
    c->last_event = c->received;
    return 0;
}
