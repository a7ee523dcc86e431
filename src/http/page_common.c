/*
 * page_common.c: the helpers of page_int.h shared by the register pages.
 */
#include <stdlib.h>
#include <time.h>
#include "gk/screen.h"
#include "page_int.h"

int gk_page__store(gk_http_req *req, gk_store **out)
{
    /* The worker's handle; its audit actor is the signed-in user, or
     * GK_HTTP_ACTOR_PUBLIC for the public form (stores.c). */
    return gk_http__store(req, out);
}

void gk_page__store_done(gk_http_req *req, gk_store *st)
{
    /* Borrowed from the worker thread: nothing to close. */
    (void)req;
    (void)st;
}

static gk_calendar *calendar;
static pthread_once_t calendar_once = PTHREAD_ONCE_INIT;

static void load_calendar(void)
{
    if (gk_calendar_new_default(&calendar) < 0)
        calendar = NULL;
}

int gk_page__calendar(const gk_calendar **out)
{
    pthread_once(&calendar_once, load_calendar);
    *out = calendar;
    if (!calendar) {
        gk_error_set(GK_ERRCLASS_HTTP, "无法载入节假日安排");
        return GK_ERROR;
    }
    return 0;
}

static gk_screen *screener;
static pthread_once_t screener_once = PTHREAD_ONCE_INIT;

static void load_screener(void)
{
    if (gk_screen_new(&screener, NULL, NULL) < 0)
        screener = NULL;
}

int gk_page__screener(const gk_screen **out)
{
    pthread_once(&screener_once, load_screener);
    *out = screener;
    if (!screener) {
        gk_error_set(GK_ERRCLASS_HTTP, "无法初始化个人信息检查");
        return GK_ERROR;
    }
    return 0;
}

int gk_page__mask_contact(gk_buf *out, const char *contact)
{
    static const char addr[] = "通信地址：";
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    gk_screen_mask_rules rules;
    const gk_screen *s;
    const char *a = strstr(contact, addr);
    size_t n = a ? (size_t)(a - contact) : strlen(contact);
    int error = gk_page__screener(&s);

    gk_screen_mask_rules_default(&rules);
    if (error == 0)
        error = gk_screen_buffer(s, contact, n, gk_screen_collect, &fs);
    if (error == 0)
        error = gk_screen_mask(out, NULL, contact, n, &fs, &rules, NULL);
    /* An address says where someone lives: only its first characters. */
    if (error == 0 && a)
        error = gk_buf_puts(out, addr);
    if (error == 0 && a)
        error = gk_page__mask(out, a + strlen(addr), 6, 0);
    gk_screen_findings_release(&fs);
    return error;
}

gk_date gk_page__today(void)
{
    const char *fixed = getenv("GK_TODAY");
    gk_date d;

    if (fixed && gk_date_parse(&d, fixed, strlen(fixed)) == 0)
        return d;
    return gk_date_from_days((int32_t)(((int64_t)time(NULL) + 8 * 3600) / 86400));
}

int gk_page__put_date(json_t *o, const char *key, gk_date d)
{
    char buf[GK_DATE_BUFSZ];

    if (d.y == 0)
        return 0;
    return gk_http__view_str(o, key, gk_date_format(buf, d));
}

int gk_page__set(json_t *view, const char *key, json_t *v)
{
    if (!v)
        return gk__oom();
    return json_object_set_new(view, key, v) ? gk__oom() : 0;
}

int gk_page__put_int(json_t *o, const char *key, int64_t v)
{
    return gk_page__set(o, key, json_integer(v));
}

int gk_page__put_bool(json_t *o, const char *key, bool v)
{
    return gk_page__set(o, key, json_boolean(v));
}

/* Length of the UTF-8 sequence starting with byte c (1 for a stray byte). */
static size_t u8len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

int gk_page__mask(gk_buf *out, const char *s, size_t head, size_t tail)
{
    size_t n = 0, i, k, len = strlen(s);
    int error = 0;

    for (i = 0; i < len; i += u8len((unsigned char)s[i]))
        n++;
    /* Short values keep less, so that something is always hidden. */
    if (head + tail >= n) {
        head = n > 1 ? 1 : 0;
        tail = 0;
    }
    for (i = 0, k = 0; i < len && error == 0; k++) {
        size_t l = u8len((unsigned char)s[i]);

        if (i + l > len)
            l = len - i;
        if (k < head || k >= n - tail)
            error = gk_buf_put(out, s + i, l);
        else
            error = gk_buf_putc(out, '*');
        i += l;
    }
    return error;
}

int gk_page__due(gk_page_due *out, const gk_case *c, gk_date today)
{
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    const gk_calendar *cal;
    int error;

    memset(out, 0, sizeof(*out));
    if (!gk_case_state_is_open(c->state))
        return 0;
    error = gk_page__calendar(&cal);
    if (error < 0)
        return error;
    /* A year without holiday data is counted Monday–Friday and flagged
     * (calendar.h PROVISIONAL MODE: shown to staff and applicants, never
     * silently); beyond the provisional range it is shown as unknown. */
    if (gk_case_deadline_mode(&ex, &out->deferred, c, cal, today, GK_CALENDAR_PROVISIONAL) == 0) {
        gk_provisional left_prov = GK_PROVISIONAL_INIT;

        out->due = out->deferred ? c->deferred_to : ex.deadline;
        out->known = gk_calendar_workdays_between_mode(&out->left, &left_prov, cal, today,
                                                       out->due, GK_CALENDAR_PROVISIONAL) == 0;
        /* A 第三十五条 date is the agency's own: only the statutory count
         * it replaces can be provisional, and that is not shown as due. */
        if (!out->deferred)
            out->provisional = ex.provisional;
        if (out->known)
            gk_calendar_provisional_merge(&out->provisional, &left_prov);
    }
    gk_deadline_explain_release(&ex);
    gk_error_clear();
    return 0;
}

int gk_page__put_provisional(json_t *o, const char *prefix, const gk_provisional *p)
{
    gk_buf b = GK_BUF_INIT;
    char key[64];
    int error;

    if (!p->on)
        return 0;
    snprintf(key, sizeof(key), "%sprovisional", prefix);
    error = gk_page__put_bool(o, key, true);
    if (error == 0)
        error = gk_calendar_provisional_note(&b, p);
    snprintf(key, sizeof(key), "%sprovisional_note", prefix);
    if (error == 0)
        error = gk_http__view_str(o, key, gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error;
}

/* The masked copy of s as a view string. */
static int put_masked(json_t *o, const char *key, const char *s, size_t head, size_t tail)
{
    gk_buf b = GK_BUF_INIT;
    int error = gk_page__mask(&b, s ? s : "", head, tail);

    if (error == 0)
        error = gk_http__view_str(o, key, gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error;
}

/* The masked ID number: the first 3 and last 2 characters (1101*************2X
 * keeps neither the birth date nor the sequence). */
#define ID_HEAD 3
#define ID_TAIL 2

/* "不予公开" of the 表三 group "（三）不予公开". */
static const char *strip_group_number(const char *g)
{
    static const char open[] = "（", close[] = "）";
    const char *e;

    if (strncmp(g, open, strlen(open)) != 0 || !(e = strstr(g, close)))
        return g;
    return e + strlen(close);
}

/* "outcome_text": the 表三 row with its group, since the rows of different
 * groups share numbers ("不予公开·1.属于国家秘密", "无法提供·1.本机关不掌握…"). */
static int put_outcome_text(json_t *o, int outcome)
{
    const char *g = gk_t3_row_group(outcome);
    gk_buf b = GK_BUF_INIT;
    int error = 0;

    if (g && *g)
        error = gk_buf_printf(&b, "%s·", strip_group_number(g));
    if (error == 0)
        error = gk_buf_puts(&b, gk_t3_row_label(outcome));
    if (error == 0)
        error = gk_http__view_str(o, "outcome_text", gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error;
}

bool gk_page__route_allowed(const gk_http_req *req, const char *pattern)
{
    size_t i;

    for (i = 0; i < gk_http__nroutes; i++)
        if (!strcmp(gk_http__routes[i].pattern, pattern))
            return gk_http__authorize(req, &gk_http__routes[i]) == 0;
    return false;
}

int gk_page__put_case_ids(json_t *o, const gk_case *c)
{
    int error = gk_http__view_str(o, "code", c->tracking_code);

    if (error == 0)
        error = gk_http__view_str(o, "tracking_no", c->tracking_no);
    if (error == 0)
        error = gk_http__view_str(o, "agency", c->agency);
    return error;
}

int gk_page__case_view(json_t **out, const gk_case *c, gk_page_view mode, gk_date today)
{
    json_t *o = json_object();
    gk_page_due due;
    int error;

    *out = NULL;
    if (!o)
        return gk__oom();
    error = gk_page__put_case_ids(o, c);
    if (error == 0)
        error = gk_http__view_str(o, "applicant_type", gk_applicant_type_key(c->applicant_type));
    if (error == 0)
        error = gk_http__view_str(o, "applicant_type_label",
                                  gk_applicant_type_label(c->applicant_type));
    if (error == 0)
        error = gk_http__view_str(o, "channel", gk_channel_label(c->channel));
    if (error == 0 && mode == GK_PAGE_VIEW_LIST)
        error = put_masked(o, "applicant", c->applicant, 1, 0);
    else if (error == 0)
        error = gk_http__view_str(o, "applicant", c->applicant);
    if (error == 0 && mode != GK_PAGE_VIEW_FULL) {
        gk_buf b = GK_BUF_INIT;

        error = gk_page__mask_contact(&b, c->contact ? c->contact : "");
        if (error == 0)
            error = gk_http__view_str(o, "contact", gk_buf_cstr(&b));
        gk_buf_release(&b);
    }
    if (error == 0 && mode == GK_PAGE_VIEW_CASE && c->applicant_id && *c->applicant_id)
        error = put_masked(o, "applicant_id", c->applicant_id, ID_HEAD, ID_TAIL);
    if (error == 0 && mode == GK_PAGE_VIEW_CASE)
        error = gk_page__put_bool(o, "masked", true);
    if (error == 0 && mode == GK_PAGE_VIEW_FULL)
        error = gk_http__view_str(o, "applicant_id", c->applicant_id);
    if (error == 0 && mode == GK_PAGE_VIEW_FULL)
        error = gk_http__view_str(o, "contact", c->contact);
    if (error == 0 && mode != GK_PAGE_VIEW_LIST)
        error = gk_http__view_str(o, "description", c->description);
    if (error == 0 && mode != GK_PAGE_VIEW_LIST)
        error = gk_http__view_str(o, "form", c->form);
    if (error == 0)
        error = gk_page__put_date(o, "arrival", c->arrival);
    if (error == 0)
        error = gk_page__put_date(o, "received", c->received);
    if (error == 0)
        error = gk_page__put_date(o, "clock_start", c->clock_start);
    if (error == 0)
        error = gk_http__view_str(o, "state", gk_case_state_key(c->state));
    if (error == 0)
        error = gk_http__view_str(o, "state_label", gk_case_state_label(c->state));
    if (error == 0)
        error = gk_page__put_bool(o, "open", gk_case_state_is_open(c->state));
    if (error == 0 && c->ext_days)
        error = gk_page__put_int(o, "ext_days", c->ext_days);
    if (error == 0 && c->fee_yuan)
        error = gk_page__put_int(o, "fee_yuan", c->fee_yuan);
    if (error == 0 && c->outcome >= 0)
        error = gk_http__view_str(o, "outcome", gk_t3_row_key(c->outcome));
    if (error == 0 && c->outcome >= 0)
        error = gk_http__view_str(o, "outcome_label", gk_t3_row_label(c->outcome));
    if (error == 0 && c->outcome >= 0 && gk_t3_row_group(c->outcome))
        error = gk_http__view_str(o, "outcome_group", gk_t3_row_group(c->outcome));
    if (error == 0 && c->outcome >= 0)
        error = put_outcome_text(o, c->outcome);
    if (error == 0)
        error = gk_page__put_date(o, "concluded", c->concluded);
    if (error == 0)
        error = gk_page__due(&due, c, today);
    if (error == 0 && due.known) {
        error = gk_page__put_date(o, "due", due.due);
        if (error == 0)
            error = gk_page__put_int(o, "left", due.left);
        if (error == 0)
            error = gk_page__put_bool(o, "overdue", due.left < 0);
        if (error == 0)
            error = gk_page__put_bool(o, "due_soon",
                                      due.left >= 0 && due.left <= GK_PAGE_DUE_SOON_WORKDAYS);
        if (error == 0 && due.left < 0)
            error = gk_page__put_int(o, "late_by", -due.left);
        if (error == 0)
            error = gk_page__put_bool(o, "deferred", due.deferred);
        if (error == 0)
            error = gk_page__put_provisional(o, "", &due.provisional);
    } else if (error == 0 && gk_case_state_is_open(c->state)) {
        error = gk_page__put_bool(o, "due_unknown", true);
    }
    if (error < 0) {
        json_decref(o);
        return error;
    }
    *out = o;
    return 0;
}

typedef struct {
    json_t *list;
    const gk_http_req *req;
    const char *selected;
} agencies_ctx;

static int on_agency(const gk_agency *a, void *payload)
{
    agencies_ctx *x = payload;
    json_t *o;

    if (x->req && x->req->has_session && !gk_http__agency_allowed(x->req, a->code))
        return 0;
    o = json_pack("{s:s, s:s, s:s, s:s, s:b}", "code", a->code, "name", a->name, "kind",
                  a->kind ? a->kind : "", "parent", a->parent ? a->parent : "", "selected",
                  x->selected && !strcmp(x->selected, a->code));
    if (!o || json_array_append_new(x->list, o))
        return gk__oom();
    return 0;
}

int gk_page__agencies(json_t **out, gk_store *st, const gk_http_req *req, const char *selected)
{
    agencies_ctx x = {json_array(), req, selected};
    int error;

    *out = NULL;
    if (!x.list)
        return gk__oom();
    error = gk_store_agency_foreach(st, on_agency, &x);
    if (error < 0) {
        json_decref(x.list);
        return error;
    }
    *out = x.list;
    return 0;
}

int gk_page__options(json_t **out, int n, const char *(*key)(int), const char *(*label)(int),
                     const char *selected)
{
    json_t *arr = json_array();
    int i;

    *out = NULL;
    if (!arr)
        return gk__oom();
    for (i = 0; i < n; i++) {
        json_t *o = json_pack("{s:s, s:s, s:b}", "key", key(i), "label", label(i), "selected",
                              selected && (!strcmp(selected, key(i)) || !strcmp(selected, label(i))));

        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            return gk__oom();
        }
    }
    *out = arr;
    return 0;
}
