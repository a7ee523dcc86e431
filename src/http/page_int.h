/*
 * page_int.h: what the register pages share (page_*.c): the store handle
 * of a request, the official calendar, today's date, case views (full for
 * the case page, masked for lists) and small view helpers.
 *
 * Every page that changes the registers goes through gk_store_* with the
 * signed-in user as the audit actor; every page that shows an agency's
 * record calls gk_http__agency_allowed first (access.c).
 */
#ifndef GK_HTTP_PAGE_INT_H
#define GK_HTTP_PAGE_INT_H

#include "gk/calendar.h"
#include "gk/case.h"
#include "gk/store.h"
#include "handlers.h"

/* The registers for this request (gk_http__store: the worker thread's
 * handle, audit actor = the signed-in user or the public form). Pair with
 * gk_page__store_done, the one place to change if handles change again. */
int gk_page__store(gk_http_req *req, gk_store **out) GK_WARN_UNUSED;
void gk_page__store_done(gk_http_req *req, gk_store *st);

/* The embedded official calendar, loaded once and shared read-only by
 * every worker. GK_ERROR when it cannot be loaded. */
int gk_page__calendar(const gk_calendar **out) GK_WARN_UNUSED;

/* The screener (personal-data detectors, no dictionary), compiled once
 * and shared: it checks identity numbers and contacts on the apply form
 * and masks contacts in lists. */
struct gk_screen;
int gk_page__screener(const struct gk_screen **out) GK_WARN_UNUSED;

/* Masks a contact for lists: telephone numbers, e-mail and ID numbers as
 * the screener masks them (138****8000), a postal address cut to its first
 * characters. */
int gk_page__mask_contact(gk_buf *out, const char *contact) GK_WARN_UNUSED;

/* Today in China (UTC+8). GK_TODAY=YYYY-MM-DD in the environment fixes
 * the date, for tests and training databases (documented in docs/api.md). */
gk_date gk_page__today(void);

/* True for a well-formed tracking code (GK_TRACKING_CODE_LEN characters
 * of A–Z and 2–9): anything else is refused before the store is asked. */
bool gk_page__code_ok(const char *code);

/* Puts "YYYY-MM-DD" under key; nothing for a zero date. */
int gk_page__put_date(json_t *o, const char *key, gk_date d) GK_WARN_UNUSED;
int gk_page__put_int(json_t *o, const char *key, int64_t v) GK_WARN_UNUSED;
int gk_page__put_bool(json_t *o, const char *key, bool v) GK_WARN_UNUSED;

/* Masks personal data for lists and logs: keeps the first `head` and last
 * `tail` UTF-8 characters and stars the rest ("张**", "138****8000"). */
int gk_page__mask(gk_buf *out, const char *s, size_t head, size_t tail) GK_WARN_UNUSED;

/* Deadline facts of an open case as of today: the answer deadline under
 * 第三十三条 (with pauses, extension and a 第三十五条 deferral) and the
 * working days left (negative when overdue). Counted in provisional mode
 * (calendar.h PROVISIONAL MODE): a year without holiday data counts
 * Monday–Friday and provisional.on says so; every page shows the note
 * with the date. *known is false only when the years involved are beyond
 * even the provisional range (no error then: the page says so instead of
 * guessing). */
typedef struct {
    bool known;
    gk_date due;
    int64_t left; /* working days from today to due; < 0 overdue */
    bool deferred;
    gk_provisional provisional; /* due or left counted without data */
} gk_page_due;

/* Puts "provisional": true and "provisional_note": the sentence of
 * gk_calendar_provisional_note under the keys prefix + "provisional" and
 * prefix + "provisional_note" when p->on; nothing otherwise. */
int gk_page__put_provisional(json_t *o, const char *prefix, const gk_provisional *p)
    GK_WARN_UNUSED;

int gk_page__due(gk_page_due *out, const gk_case *c, gk_date today) GK_WARN_UNUSED;

/* Days within which a case counts as "due soon" on the dashboard. */
#define GK_PAGE_DUE_SOON_WORKDAYS 5

/* How much personal data a case view holds (need to know, 《个人信息
 * 保护法》第六条、第五十一条):
 *   LIST  lists and dashboards: name and contact masked, no ID number,
 *         no description or form;
 *   CASE  the case page by default: the name, the request and the form in
 *         full (the staff handle them), the ID number and the contact
 *         masked, "masked": true;
 *   FULL  after the recorded "显示完整信息" action (承办人/负责人): all. */
typedef enum { GK_PAGE_VIEW_LIST = 0, GK_PAGE_VIEW_CASE, GK_PAGE_VIEW_FULL } gk_page_view;

/* Puts what names a case: "code" (the tracking code), "tracking_no"
 * (the register number) and "agency". */
int gk_page__put_case_ids(json_t *o, const gk_case *c) GK_WARN_UNUSED;

/* The view of a case: codes, agency, class, channel, dates, state, due
 * facts, outcome ("outcome_text" = group·label, e.g. "不予公开·1.属于国家
 * 秘密"), and the personal data that `mode` allows. */
int gk_page__case_view(json_t **out, const gk_case *c, gk_page_view mode, gk_date today)
    GK_WARN_UNUSED;

/* A case loaded for the console: its full view and the facts the pages
 * branch on. */
typedef struct {
    json_t *view; /* full view (gk_page__case_view), owned */
    int64_t id;
    char agency[64];
    int state;
    int outcome;
    int ext_days;
    int64_t fee_yuan;
    bool correction_requested;
    bool third_party; /* a third party was consulted (第三十二条) */
    char deadline_text[4096];
    gk_page_view mode;
    int error;
} gk_page_case;

/* Loads the case named by the route's :code with a view of `mode`
 * (CASE or FULL): GK_EINVALID for a malformed code, GK_ENOTFOUND,
 * GK_HTTP_EDENIED for another agency's case. The caller releases x->view. */
int gk_page__case_load(gk_http_req *req, gk_store *st, gk_page_case *x, gk_page_view mode)
    GK_WARN_UNUSED;

/* Fills resp->view with the case page (page_case.c): the case (x->view,
 * taken), the deadline, the timeline, the action forms, the notice. */
int gk_page__case_page(gk_http_req *req, gk_http_resp *resp, gk_store *st, gk_page_case *x)
    GK_WARN_UNUSED;
/* The forms of the actions state allows that the session's role may take
 * (page_case_actions.c), for the case page of code. */
int gk_page__case_actions(json_t **out, const gk_http_req *req, int state, const char *code)
    GK_WARN_UNUSED;

/* True when routes.def lets the session's role use the route `pattern`:
 * a form or link is shown only to those the router will let through. */
bool gk_page__route_allowed(const gk_http_req *req, const char *pattern);

/* Adds the reply-notice section of the case page (page_notice.c): the
 * notice kinds that fit the case, with the fields to fill in. */
int gk_page__notice_section(json_t *view, gk_store *st, const gk_page_case *x) GK_WARN_UNUSED;

/* The agencies as [{code, name, kind, selected}], only those the session
 * may see when req has a session (req NULL or anonymous: all). */
int gk_page__agencies(json_t **out, gk_store *st, const gk_http_req *req, const char *selected)
    GK_WARN_UNUSED;

/* Options of an enum for a <select>: [{key, label, selected}]. */
int gk_page__options(json_t **out, int n, const char *(*key)(int), const char *(*label)(int),
                     const char *selected) GK_WARN_UNUSED;

/* Sets view[key] = v (stealing the reference, also on failure). */
int gk_page__set(json_t *view, const char *key, json_t *v) GK_WARN_UNUSED;

#endif
