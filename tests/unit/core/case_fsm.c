/*
 * case_fsm.c: the application state machine (spec §2.3), exhaustively:
 * every (state, event) pair is tried on a case brought into that state by
 * legal events, and the result is compared with an independent list of
 * the allowed transitions written here from the spec (not read from
 * case_fsm.def). Refusals must leave the case byte-for-byte unchanged.
 */
#include <string.h>
#include "test.h"
#include "gk/case.h"
#include "gk/errors.h"
#include "gk/report.h"

#define S(x) GK_CASE_##x
#define E(x) GK_CASE_EV_##x
#define RESUME (-1)

/* Allowed transitions, from spec §2.3 and 条例 第三十至三十六条. */
static const struct {
    int from, ev, next;
} expected[] = {
    {S(RECEIVED), E(ACCEPT), S(IN_PROGRESS)},
    {S(RECEIVED), E(REQUEST_CORRECTION), S(CORRECTION_REQUESTED)},
    {S(RECEIVED), E(ANSWER), S(ANSWERED)}, /* 第三十三条第一款: 当场答复 */
    {S(RECEIVED), E(WITHDRAW), S(WITHDRAWN)},
    {S(CORRECTION_REQUESTED), E(CORRECTED), S(IN_PROGRESS)},
    {S(CORRECTION_REQUESTED), E(CORRECTION_LAPSED), S(ABANDONED_NO_CORRECTION)},
    {S(CORRECTION_REQUESTED), E(WITHDRAW), S(WITHDRAWN)},
    {S(IN_PROGRESS), E(REQUEST_CORRECTION), S(CORRECTION_REQUESTED)},
    {S(IN_PROGRESS), E(CONSULT_THIRD_PARTY), S(SUSPENDED_THIRD_PARTY)},
    {S(IN_PROGRESS), E(CONSULT_AGENCY), S(SUSPENDED_OTHER_AGENCY)},
    {S(IN_PROGRESS), E(FEE_NOTICE), S(SUSPENDED_FEE)},
    {S(IN_PROGRESS), E(EXTEND), S(EXTENDED)},
    {S(IN_PROGRESS), E(DEFER), S(IN_PROGRESS)},
    {S(IN_PROGRESS), E(ANSWER), S(ANSWERED)},
    {S(IN_PROGRESS), E(WITHDRAW), S(WITHDRAWN)},
    {S(EXTENDED), E(CONSULT_THIRD_PARTY), S(SUSPENDED_THIRD_PARTY)},
    {S(EXTENDED), E(CONSULT_AGENCY), S(SUSPENDED_OTHER_AGENCY)},
    {S(EXTENDED), E(FEE_NOTICE), S(SUSPENDED_FEE)},
    {S(EXTENDED), E(DEFER), S(EXTENDED)},
    {S(EXTENDED), E(ANSWER), S(ANSWERED)},
    {S(EXTENDED), E(WITHDRAW), S(WITHDRAWN)},
    {S(SUSPENDED_THIRD_PARTY), E(CONSULT_DONE), RESUME},
    {S(SUSPENDED_THIRD_PARTY), E(WITHDRAW), S(WITHDRAWN)},
    {S(SUSPENDED_OTHER_AGENCY), E(CONSULT_DONE), RESUME},
    {S(SUSPENDED_OTHER_AGENCY), E(WITHDRAW), S(WITHDRAWN)},
    {S(SUSPENDED_FEE), E(FEE_PAID), RESUME},
    {S(SUSPENDED_FEE), E(FEE_LAPSED), S(ABANDONED_NO_FEE)},
    {S(SUSPENDED_FEE), E(WITHDRAW), S(WITHDRAWN)},
    /* 国办函〔2020〕109号第四条 一事一申请: split while handled, before a
     * suspension or the answer (the children inherit the deadline state). */
    {S(RECEIVED), E(SPLIT), S(SPLIT)},
    {S(IN_PROGRESS), E(SPLIT), S(SPLIT)},
    {S(EXTENDED), E(SPLIT), S(SPLIT)},
};

static int expected_next(int from, int ev, int *next)
{
    size_t i;

    for (i = 0; i < sizeof expected / sizeof expected[0]; i++)
        if (expected[i].from == from && expected[i].ev == ev) {
            *next = expected[i].next;
            return 1;
        }
    return 0;
}

static gk_date day(int y, int m, int d)
{
    gk_date x = {y, m, d};
    return x;
}

/* A valid event of each kind on day d (guards satisfied for a fresh case). */
static gk_case_event event(int kind, gk_date d)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;

    ev.kind = (gk_case_event_kind)kind;
    ev.date = d;
    ev.outcome = GK_T3_R_GRANT;
    ev.days = 10;
    ev.approver = "办公室主任";
    ev.until = day(2025, 12, 31);
    ev.fee_yuan = 100;
    return ev;
}

static int apply(gk_case *c, int kind, gk_date d)
{
    gk_case_event ev = event(kind, d);
    return gk_case_apply(c, &ev);
}

/* Brings a fresh case into state s by legal events; returns 0 on success. */
static int reach(gk_case *c, int s)
{
    static const struct {
        int state;
        int path[3];
    } paths[] = {
        {S(RECEIVED), {-1}},
        {S(CORRECTION_REQUESTED), {E(REQUEST_CORRECTION), -1}},
        {S(IN_PROGRESS), {E(ACCEPT), -1}},
        {S(SUSPENDED_THIRD_PARTY), {E(ACCEPT), E(CONSULT_THIRD_PARTY), -1}},
        {S(SUSPENDED_OTHER_AGENCY), {E(ACCEPT), E(CONSULT_AGENCY), -1}},
        {S(SUSPENDED_FEE), {E(ACCEPT), E(FEE_NOTICE), -1}},
        {S(EXTENDED), {E(ACCEPT), E(EXTEND), -1}},
        {S(ANSWERED), {E(ACCEPT), E(ANSWER), -1}},
        {S(ABANDONED_NO_CORRECTION), {E(REQUEST_CORRECTION), E(CORRECTION_LAPSED), -1}},
        {S(ABANDONED_NO_FEE), {E(ACCEPT), E(FEE_NOTICE), E(FEE_LAPSED)}},
        {S(WITHDRAWN), {E(WITHDRAW), -1}},
        {S(SPLIT), {E(ACCEPT), E(SPLIT), -1}},
    };
    size_t i;
    int k;

    gk_case_init(c);
    c->applicant = "张三";
    c->received = day(2025, 3, 3);
    if (gk_case_intake(c) < 0)
        return -1;
    for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        if (paths[i].state != s)
            continue;
        for (k = 0; k < 3 && paths[i].path[k] >= 0; k++)
            if (apply(c, paths[i].path[k], day(2025, 3, 4 + k)) < 0)
                return -1;
        return c->state == s ? 0 : -1;
    }
    return -1;
}

GK_TEST(core_case_fsm, every_state_is_reachable)
{
    gk_case c;
    int s;

    for (s = 0; s < GK_CASE_NSTATES; s++)
        if (reach(&c, s) != 0)
            GK_T_FAIL("cannot reach state %s: %s", gk_case_state_key(s), gk_error_last()->message);
}

GK_TEST(core_case_fsm, every_pair_matches_the_spec)
{
    int s, e, checked = 0, allowed = 0;

    for (s = 0; s < GK_CASE_NSTATES; s++) {
        for (e = 0; e < GK_CASE_NEVENTS; e++) {
            gk_case c, before;
            int next = 0, want = expected_next(s, e, &next);
            int rc;

            GK_T_INT_EQ(reach(&c, s), 0);
            before = c;
            rc = apply(&c, e, day(2025, 3, 10));
            checked++;
            if (gk_case_can((gk_case_state)s, (gk_case_event_kind)e) != (want != 0))
                GK_T_FAIL("table and spec disagree on %s/%s", gk_case_state_key(s),
                          gk_case_event_key(e));
            if (!want) {
                if (rc != GK_ECONFLICT)
                    GK_T_FAIL("%s/%s: expected GK_ECONFLICT, got %d", gk_case_state_key(s),
                              gk_case_event_key(e), rc);
                if (memcmp(&c, &before, sizeof c) != 0)
                    GK_T_FAIL("%s/%s: refused event changed the case", gk_case_state_key(s),
                              gk_case_event_key(e));
                continue;
            }
            allowed++;
            if (rc != 0)
                GK_T_FAIL("%s/%s: refused: %s", gk_case_state_key(s), gk_case_event_key(e),
                          gk_error_last()->message);
            if (next == RESUME)
                next = before.resume_state;
            if ((int)c.state != next)
                GK_T_FAIL("%s/%s: went to %s, expected %s", gk_case_state_key(s),
                          gk_case_event_key(e), gk_case_state_key(c.state),
                          gk_case_state_key(next));
            /* Closed states carry an outcome and a concluded date, except
             * a split parent, which is no 件 itself. */
            GK_T_INT_EQ(gk_case_state_is_open(c.state) || c.state == S(SPLIT), c.outcome < 0);
            GK_T_INT_EQ(gk_date_valid(c.concluded), c.outcome >= 0);
        }
    }
    GK_T_INT_EQ(checked, GK_CASE_NSTATES * GK_CASE_NEVENTS);
    GK_T_INT_EQ(allowed, (int)(sizeof expected / sizeof expected[0]));
}

GK_TEST(core_case_fsm, table_rows_cite_articles)
{
    size_t n, i;
    const gk_case_transition *t = gk_case_transitions(&n);

    GK_T_INT_EQ(n, sizeof expected / sizeof expected[0]);
    for (i = 0; i < n; i++)
        GK_T_OK(t[i].article && (strstr(t[i].article, "条例") || strstr(t[i].article, "109号")));
}

GK_TEST(core_case_fsm, outcomes_of_closing_events)
{
    gk_case c;

    GK_T_INT_EQ(reach(&c, S(ABANDONED_NO_CORRECTION)), 0);
    GK_T_INT_EQ(c.outcome, GK_T3_R_OT_NOCORRECT);
    GK_T_INT_EQ(reach(&c, S(ABANDONED_NO_FEE)), 0);
    GK_T_INT_EQ(c.outcome, GK_T3_R_OT_NOFEE);
    GK_T_INT_EQ(reach(&c, S(WITHDRAWN)), 0);
    GK_T_INT_EQ(c.outcome, GK_T3_R_OT_OTHER);
    GK_T_INT_EQ(reach(&c, S(ANSWERED)), 0);
    GK_T_INT_EQ(c.outcome, GK_T3_R_GRANT);
}

/* 第三十条: 一次性告知 — a second 补正 request is refused. */
GK_TEST(core_case_fsm, correction_only_once)
{
    gk_case c;

    GK_T_INT_EQ(reach(&c, S(CORRECTION_REQUESTED)), 0);
    GK_T_CALL(apply(&c, E(CORRECTED), day(2025, 3, 10)));
    GK_T_INT_EQ(apply(&c, E(REQUEST_CORRECTION), day(2025, 3, 11)), GK_ECONFLICT);
    GK_T_OK(strstr(gk_error_last()->message, "第三十条") != NULL);
}

/* 第三十三条第二款: one extension, 1..20 working days, with an approver. */
GK_TEST(core_case_fsm, extension_guards)
{
    gk_case c;
    gk_case_event ev;

    GK_T_INT_EQ(reach(&c, S(IN_PROGRESS)), 0);
    ev = event(E(EXTEND), day(2025, 3, 20));
    ev.days = 21;
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.days = 0;
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.days = 20;
    ev.approver = "";
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.approver = "负责人";
    GK_T_CALL(gk_case_apply(&c, &ev));
    GK_T_INT_EQ(c.ext_days, 20);
    GK_T_STR_EQ(c.ext_approver, "负责人");
    /* No second extension, not even after a suspension brought it back. */
    GK_T_CALL(apply(&c, E(CONSULT_AGENCY), day(2025, 3, 21)));
    GK_T_CALL(apply(&c, E(CONSULT_DONE), day(2025, 3, 25)));
    GK_T_INT_EQ(c.state, S(EXTENDED));
    GK_T_INT_EQ(apply(&c, E(EXTEND), day(2025, 3, 26)), GK_ECONFLICT);
}

GK_TEST(core_case_fsm, answer_outcome_guards)
{
    gk_case c;
    gk_case_event ev;

    GK_T_INT_EQ(reach(&c, S(IN_PROGRESS)), 0);
    ev = event(E(ANSWER), day(2025, 3, 20));
    ev.outcome = GK_T3_R_OT_NOFEE; /* only from FEE_LAPSED */
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.outcome = GK_T3_R_NA_UNCLEAR; /* needs a 补正 first (第三十条) */
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.outcome = GK_T3_NEW; /* not a result row */
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.outcome = GK_T3_R_PARTIAL;
    GK_T_CALL(gk_case_apply(&c, &ev));
    GK_T_INT_EQ(c.outcome, GK_T3_R_PARTIAL);
}

GK_TEST(core_case_fsm, events_cannot_go_back_in_time)
{
    gk_case c;

    GK_T_INT_EQ(reach(&c, S(IN_PROGRESS)), 0);
    GK_T_INT_EQ(apply(&c, E(ANSWER), day(2025, 3, 1)), GK_ECONFLICT);
    GK_T_INT_EQ(c.state, S(IN_PROGRESS));
}

/* 第三十一条: in person, the receipt date is the day of submission. */
GK_TEST(core_case_fsm, intake_receipt_rule)
{
    gk_case c;

    gk_case_init(&c);
    c.applicant = "李四";
    c.arrival = day(2025, 3, 3);
    c.received = day(2025, 3, 4);
    GK_T_INT_EQ(gk_case_intake(&c), GK_EINVALID);
    c.channel = GK_CHANNEL_POST; /* signed for the next day: allowed */
    GK_T_CALL(gk_case_intake(&c));
    c.received = day(2025, 3, 2); /* before arrival: never */
    GK_T_INT_EQ(gk_case_intake(&c), GK_EINVALID);
    c.received = day(2025, 3, 4);
    c.applicant = "";
    GK_T_INT_EQ(gk_case_intake(&c), GK_EINVALID);
}

GK_TEST(core_case_fsm, tracking_codes_are_random_and_clean)
{
    char a[GK_TRACKING_CODE_LEN + 1], b[GK_TRACKING_CODE_LEN + 1];
    size_t i;

    GK_T_CALL(gk_case_tracking_code(a));
    GK_T_CALL(gk_case_tracking_code(b));
    GK_T_INT_EQ(strlen(a), GK_TRACKING_CODE_LEN);
    GK_T_OK(strcmp(a, b) != 0);
    for (i = 0; i < GK_TRACKING_CODE_LEN; i++)
        GK_T_OK(strchr("23456789ABCDEFGHJKMNPQRSTVWXYZ", a[i]) != NULL);
}

GK_TEST(core_case_fsm, applicant_key_normalises_ids)
{
    gk_buf a = GK_BUF_INIT, b = GK_BUF_INIT;

    GK_T_CALL(gk_applicant_key(&a, GK_APPLICANT_NATURAL, "张三", "11010519491231002x"));
    GK_T_CALL(gk_applicant_key(&b, GK_APPLICANT_NATURAL, "张 三", " 110105-19491231002X"));
    GK_T_STR_EQ(gk_buf_cstr(&a), gk_buf_cstr(&b));
    GK_T_STR_EQ(gk_buf_cstr(&a), "id:11010519491231002X");
    gk_buf_clear(&a);
    GK_T_CALL(gk_applicant_key(&a, GK_APPLICANT_COMMERCIAL, "某 公司", ""));
    GK_T_STR_EQ(gk_buf_cstr(&a), "name:COMMERCIAL:某公司");
    gk_buf_release(&a);
    gk_buf_release(&b);
}

GK_TEST(core_case_fsm, answer_by_decision)
{
    gk_case c;
    gk_case_event ev;

    /* A decision stands for its default row (spec §1.4): 第三十六条第（五）项
     * → 无法提供 1.本机关不掌握. */
    GK_T_INT_EQ(reach(&c, S(IN_PROGRESS)), 0);
    ev = event(E(ANSWER), day(2025, 3, 20));
    ev.outcome = -1;
    ev.decision = "na-other-agency";
    GK_T_CALL(gk_case_apply(&c, &ev));
    GK_T_INT_EQ(c.outcome, GK_T3_R_NA_NOTHELD);
    /* A row that is not the decision's, and an unknown decision, are refused. */
    GK_T_INT_EQ(reach(&c, S(IN_PROGRESS)), 0);
    ev.outcome = GK_T3_R_GRANT;
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    ev.outcome = -1;
    ev.decision = "no-such-decision";
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    /* The lapse rows stay reserved to the lapse events. */
    ev.decision = "ot-no-fee";
    GK_T_INT_EQ(gk_case_apply(&c, &ev), GK_ECONFLICT);
    GK_T_INT_EQ(c.state, S(IN_PROGRESS));
}
