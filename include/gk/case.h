/*
 * case.h: the application register (依申请公开) model: one 件 with its
 * intake fields (条例第二十九条), receipt date (第三十一条), applicant class
 * (the six columns of table 3), its state machine (spec §2.3) and its
 * statutory deadline (第三十条、第三十三条; spec §2.4).
 *
 * The state machine is a table (src/core/case_fsm.def): each row is a
 * (state, event) -> next state with the article it implements.
 * gk_case_apply() is a pure function over the model: it reads the table,
 * checks the guards of the event, and either updates the case or leaves it
 * untouched and returns GK_ECONFLICT. No I/O, no allocation, no clock.
 *
 * CARRY-OVER (结转) is not a state: a case open on 12-31 is counted in
 * CARRIED_OUT of that year and CARRIED_IN of the next by the report, from
 * its dates. Making it a transition would need a job at midnight and would
 * rewrite history that the dates already tell.
 */
#ifndef GK_CASE_H
#define GK_CASE_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"
#include "calendar.h"

GK_BEGIN_DECL

/* ------------------------------------------------------------- classes */

/* Applicant class = the data columns of table 3, in table order (spec §1.4):
 * the value is the column index of gk_report t3. */
#define GK_APPLICANT_TYPES(X)                                                                      \
    X(NATURAL, "自然人")                                                                           \
    X(COMMERCIAL, "商业企业")                                                                      \
    X(RESEARCH, "科研机构")                                                                        \
    X(NONPROFIT, "社会公益组织")                                                                   \
    X(LEGAL, "法律服务机构")                                                                       \
    X(OTHER, "其他")

typedef enum {
#define GK_X_(key, label) GK_APPLICANT_##key,
    GK_APPLICANT_TYPES(GK_X_)
#undef GK_X_
    GK_APPLICANT_NTYPES
} gk_applicant_type;

/* Channel of the application, with its 第三十一条 receipt-date rule. */
#define GK_CHANNELS(X)                                                                             \
    X(IN_PERSON, "当面")                                                                           \
    X(POST, "邮寄")                                                                                \
    X(ONLINE, "网络")                                                                              \
    X(FAX, "传真")                                                                                 \
    X(OTHER, "其他")

typedef enum {
#define GK_X_(key, label) GK_CHANNEL_##key,
    GK_CHANNELS(GK_X_)
#undef GK_X_
    GK_CHANNEL_NCHANNELS
} gk_channel;

/* Labels and lookups; *_from_label accepts the Chinese label or the key
 * ("自然人" or "NATURAL") and returns -1 when unknown. */
GK_EXTERN(const char *) gk_applicant_type_label(int t);
GK_EXTERN(const char *) gk_applicant_type_key(int t);
GK_EXTERN(int) gk_applicant_type_from_label(const char *s, size_t n);
GK_EXTERN(const char *) gk_channel_label(int c);
GK_EXTERN(const char *) gk_channel_key(int c);
GK_EXTERN(int) gk_channel_from_label(const char *s, size_t n);

/* ------------------------------------------------------ states, events */

/* X(KEY, label, open): open states are still being handled (they are
 * carried over at 12-31); closed ones have an outcome and a concluded date,
 * except SPLIT: an application split into several 件 (国办函〔2020〕109号
 * 第四条, spec §1.4) is no 件 itself; its children are, so it has neither
 * outcome nor concluded date and table 3 and the 按件 count skip it
 * (gk_store_case_split). */
#define GK_CASE_STATES(X)                                                                          \
    X(RECEIVED, "已登记", true)                                                                    \
    X(CORRECTION_REQUESTED, "待补正", true)                                                        \
    X(IN_PROGRESS, "办理中", true)                                                                 \
    X(SUSPENDED_THIRD_PARTY, "征求第三方意见（中止计时）", true)                                   \
    X(SUSPENDED_OTHER_AGENCY, "征求其他机关意见（中止计时）", true)                                \
    X(SUSPENDED_FEE, "待缴费（中止计时）", true)                                                   \
    X(EXTENDED, "已延期", true)                                                                    \
    X(ANSWERED, "已答复", false)                                                                   \
    X(ABANDONED_NO_CORRECTION, "逾期未补正视为放弃", false)                                        \
    X(ABANDONED_NO_FEE, "逾期未缴费视为放弃", false)                                               \
    X(WITHDRAWN, "申请人撤回", false)                                                              \
    X(SPLIT, "已拆分（一事一申请）", false)

typedef enum {
#define GK_X_(key, label, open) GK_CASE_##key,
    GK_CASE_STATES(GK_X_)
#undef GK_X_
    GK_CASE_NSTATES
} gk_case_state;

/* X(KEY, label) */
#define GK_CASE_EVENTS(X)                                                                          \
    X(ACCEPT, "受理办理")                                                                          \
    X(REQUEST_CORRECTION, "一次性告知补正")                                                        \
    X(CORRECTED, "收到补正后的申请")                                                               \
    X(CORRECTION_LAPSED, "补正期限届满未补正")                                                     \
    X(CONSULT_THIRD_PARTY, "书面征求第三方意见")                                                   \
    X(CONSULT_AGENCY, "征求其他机关意见")                                                          \
    X(CONSULT_DONE, "收到意见或征求期限届满")                                                      \
    X(FEE_NOTICE, "送达收费通知")                                                                  \
    X(FEE_PAID, "申请人缴费")                                                                      \
    X(FEE_LAPSED, "缴费期限届满未缴费")                                                            \
    X(EXTEND, "经批准延长答复期限")                                                                \
    X(DEFER, "确定延迟答复的合理期限")                                                             \
    X(ANSWER, "作出答复并送达")                                                                    \
    X(WITHDRAW, "申请人撤回申请")                                                                  \
    X(SPLIT, "按一事一申请拆分为多件")

typedef enum {
#define GK_X_(key, label) GK_CASE_EV_##key,
    GK_CASE_EVENTS(GK_X_)
#undef GK_X_
    GK_CASE_NEVENTS
} gk_case_event_kind;

GK_EXTERN(const char *) gk_case_state_key(int s);   /* "IN_PROGRESS"; NULL out of range */
GK_EXTERN(const char *) gk_case_state_label(int s); /* "办理中" */
GK_EXTERN(bool) gk_case_state_is_open(int s);
GK_EXTERN(int) gk_case_state_from_key(const char *s, size_t n); /* -1 when unknown */
GK_EXTERN(const char *) gk_case_event_key(int e);
GK_EXTERN(const char *) gk_case_event_label(int e);
GK_EXTERN(int) gk_case_event_from_key(const char *s, size_t n); /* -1 when unknown */

/* ---------------------------------------------------------------- model */

#define GK_CASE_MAX_PAUSES 16
#define GK_TRACKING_CODE_LEN 12 /* characters, see gk_case_tracking_code */

/* Statutory periods in working days, each with its article. */
#define GK_CASE_REPLY_DAYS      20 /* 第三十三条第二款: 20 个工作日 from receipt */
#define GK_CASE_MAX_EXTENSION   20 /* 第三十三条第二款: extension at most 20 个工作日 */
#define GK_CASE_CORRECTION_DAYS 7  /* 第三十条: 补正 notice within 7 个工作日 */
#define GK_CASE_CONSULT_DAYS    15 /* 第三十二条、第三十四条: the consulted party's 15 个工作日 */
#define GK_CASE_FEE_PAY_DAYS    20 /* 国办函〔2020〕109号: pay within 20 个工作日 of the notice */

/*
 * One application (件). A plain value: strings are borrowed pointers that
 * the owner of the case keeps alive (the store's row buffers, a test's
 * literals). gk_case_apply never touches them except to copy an event's
 * approver pointer into ext_approver, so the event's strings must outlive
 * the case they are applied to.
 */
typedef struct {
    int64_t id;              /* store id; 0 before insertion */
    const char *agency;      /* agency code */
    const char *tracking_no; /* the agency's ledger number, unique per agency */
    char tracking_code[GK_TRACKING_CODE_LEN + 1]; /* for the applicant; unguessable */

    /* 第二十九条 intake fields */
    gk_applicant_type applicant_type;
    const char *applicant;      /* （一）姓名或者名称 */
    const char *applicant_id;   /* （一）身份证明 / 统一社会信用代码 (may be "") */
    const char *contact;        /* （一）联系方式 */
    const char *description;    /* （二）名称、文号或特征性描述 */
    const char *form;           /* （三）形式要求 (获取方式、途径) */

    /* 第三十一条 */
    gk_channel channel;
    gk_date arrival;  /* physical arrival (post received, form submitted) */
    gk_date received; /* the legal receipt date */

    gk_case_state state;
    gk_case_state resume_state;  /* where a SUSPENDED_* state returns to */
    gk_date last_event;          /* date of the latest applied event (or received) */
    gk_date clock_start;         /* received, or the corrected application's date (第三十条) */
    bool correction_requested;   /* 第三十条: 一次性告知, so only once */
    gk_date correction_notice;   /* when the 补正 notice was given */
    int ext_days;                /* 0, or the approved extension 1..20 (第三十三条第二款) */
    const char *ext_approver;    /* who approved the extension (required) */
    gk_date deferred_to;         /* 第三十五条 reasonable later deadline; y == 0 when unset */
    gk_pause pauses[GK_CASE_MAX_PAUSES]; /* 第三十三条第三款 stops; the last may be open */
    size_t npauses;
    bool pause_open;             /* pauses[npauses-1].to is not yet known */
    int64_t fee_yuan;            /* amount of the fee notice, 0 when none */

    int outcome;         /* gk_t3_row result leaf when closed; -1 while open */
    gk_date concluded;   /* the date the decision was served; y == 0 while open */
} gk_case;

/* Initialises an empty case: RECEIVED, outcome -1, dates zero. */
GK_EXTERN(void) gk_case_init(gk_case *c);

/*
 * Checks the intake fields and the 第三十一条 receipt-date rule for the
 * channel: received is on or after arrival, and equal to it for 当面
 * (submission day). Also sets clock_start = received, last_event =
 * received. Returns 0 or GK_EINVALID with a Chinese message naming the field.
 */
GK_EXTERN(int) gk_case_intake(gk_case *c) GK_WARN_UNUSED;

/* An event applied to a case. Fields beyond kind/date are per event. */
typedef struct {
    gk_case_event_kind kind;
    gk_date date;         /* the day it happened */
    int outcome;          /* ANSWER: a gk_t3_row result leaf */
    int days;             /* EXTEND: 1..20 */
    const char *approver; /* EXTEND: required, borrowed */
    gk_date until;        /* DEFER: the reasonable later deadline */
    int64_t fee_yuan;     /* FEE_NOTICE: amount > 0 (or 0 with fee_calc, then computed) */
    /* FEE_NOTICE through the store (gk_store_case_apply, 国办函〔2020〕109号):
     * how the amount is found. GIVEN: fee_yuan as entered; BY_COUNT (按件,
     * 第四条): the rate of this case's 件 number among the applicant's
     * cases received in the same calendar month; BY_PAGES (按量, 第五条):
     * from fee_pages. A given fee_yuan must then equal the computed one. */
    int fee_calc;         /* GK_CASE_FEE_GIVEN / _BY_COUNT / _BY_PAGES */
    int64_t fee_pages;    /* BY_PAGES: the pages of the information provided */
    /* ANSWER: the decision (decision.h id, "deny-secret"), or NULL. When
     * given, outcome may be -1 and becomes the decision's default row; a
     * given outcome must be that row. The store records the decision and
     * the report maps it through the decision map (spec §1.4). Borrowed. */
    const char *decision;
} gk_case_event;

#define GK_CASE_FEE_GIVEN    0
#define GK_CASE_FEE_BY_COUNT 1
#define GK_CASE_FEE_BY_PAGES 2

#define GK_CASE_EVENT_INIT {GK_CASE_EV_ACCEPT, {0, 0, 0}, -1, 0, NULL, {0, 0, 0}, 0, 0, 0, NULL}

/*
 * Applies ev to c: looks up (c->state, ev->kind) in the transition table,
 * checks the event's guards (date not before the previous event, extension
 * once and ≤ 20 working days with an approver, 补正 asked once, outcome
 * allowed for the event), and updates c. Pure; on any error c is unchanged.
 * Returns 0, GK_ECONFLICT for a transition the table does not allow or a
 * guard that fails (message names state, event and article), GK_EINVALID
 * for a malformed event (bad date, unknown outcome).
 */
GK_EXTERN(int) gk_case_apply(gk_case *c, const gk_case_event *ev) GK_WARN_UNUSED;

/* True when the table has a row for (state, event) (guards not checked). */
GK_EXTERN(bool) gk_case_can(gk_case_state s, gk_case_event_kind e);

/* One row of the transition table, for docs, tests and the UI. next is -1
 * for "back to the state before the suspension". Borrowed static data. */
typedef struct {
    gk_case_state from;
    gk_case_event_kind event;
    int next;
    const char *article; /* "条例第三十条" */
} gk_case_transition;

GK_EXTERN(const gk_case_transition *) gk_case_transitions(size_t *n_out);

/* ------------------------------------------------------------ deadline */

/*
 * The answer deadline of c, explained (spec §2.3): start = clock_start
 * (receipt, or the corrected application's date under 第三十条), n = 20 +
 * the approved extension (第三十三条第二款), and every pause not counted
 * (第三十三条第三款). An open pause runs up to as_of (the clock is still
 * stopped today). A 第三十五条 deferral replaces the computed date; it is
 * then reported in *deferred_out (may be NULL) and out holds the statutory
 * computation for reference. out must be GK_DEADLINE_EXPLAIN_INIT or
 * released; caller releases it with gk_deadline_explain_release.
 *
 * Strict: a count that reaches a year the calendar does not cover fails
 * with GK_EINVALID naming the year (spec §5).
 */
GK_EXTERN(int)
gk_case_deadline(gk_deadline_explain *out, bool *deferred_out, const gk_case *c,
                 const gk_calendar *cal, gk_date as_of) GK_WARN_UNUSED;

/* The last day for the 补正 notice: 7 working days after receipt (第三十条).
 * Strict, as gk_case_deadline. */
GK_EXTERN(int)
gk_case_correction_due(gk_date *out, const gk_case *c, const gk_calendar *cal) GK_WARN_UNUSED;

/* Appends the deadline explanation in Chinese: the rule applied (start,
 * extension, pauses with their reasons, deferral) then the calendar steps.
 * Strict, as gk_case_deadline. */
GK_EXTERN(int)
gk_case_deadline_format(gk_buf *b, const gk_case *c, const gk_calendar *cal, gk_date as_of)
    GK_WARN_UNUSED;

/*
 * The same three under a gk_calendar_mode (calendar.h PROVISIONAL MODE):
 * GK_CALENDAR_STRICT is the calls above; GK_CALENDAR_PROVISIONAL counts a
 * year without holiday data Monday–Friday and says so: out->provisional of
 * the explanation, *prov_out of the 补正 date (NULL only in strict mode),
 * and in the text the line "暂定：2027年节假日安排尚未发布，按周一至周五
 * 推算，仅供参考" before the calendar steps. The deadlines shown to staff
 * and applicants use provisional mode and show the note with the date;
 * anything that becomes a record or a report figure stays strict.
 */
GK_EXTERN(int)
gk_case_deadline_mode(gk_deadline_explain *out, bool *deferred_out, const gk_case *c,
                      const gk_calendar *cal, gk_date as_of, gk_calendar_mode mode)
    GK_WARN_UNUSED;
GK_EXTERN(int)
gk_case_correction_due_mode(gk_date *out, gk_provisional *prov_out, const gk_case *c,
                            const gk_calendar *cal, gk_calendar_mode mode) GK_WARN_UNUSED;
GK_EXTERN(int)
gk_case_deadline_format_mode(gk_buf *b, const gk_case *c, const gk_calendar *cal, gk_date as_of,
                             gk_calendar_mode mode) GK_WARN_UNUSED;

/* ------------------------------------------------------------- helpers */

/*
 * Fills out[0..GK_TRACKING_CODE_LEN) with a code from the OS CSPRNG
 * (getrandom) over a 30-symbol alphabet without look-alikes (no 0/O, 1/I/L,
 * U): about 59 bits, so codes cannot be guessed or enumerated.
 * NUL-terminates.
 * GK_ERROR when the OS has no randomness.
 */
GK_EXTERN(int) gk_case_tracking_code(char out[GK_TRACKING_CODE_LEN + 1]) GK_WARN_UNUSED;

/*
 * The applicant de-duplication key (条例第二十九条 身份证明; 109号 counts
 * per applicant): the ID number with spaces and hyphens removed and letters
 * upper-cased (身份证 "x" = "X"; 统一社会信用代码 is upper case), prefixed
 * with "id:". Without an ID number, "name:" + type key + ":" + the name
 * with spaces removed (a weaker key, marked as such). Appends to b.
 */
GK_EXTERN(int) gk_applicant_key(gk_buf *b, gk_applicant_type t, const char *name, const char *id)
    GK_WARN_UNUSED;

/* Appends a deterministic JSON object of the case (stable key order), used
 * for the audit trail's before/after and by the API. */
GK_EXTERN(int) gk_case_to_json(gk_buf *b, const gk_case *c) GK_WARN_UNUSED;

GK_END_DECL

#endif
