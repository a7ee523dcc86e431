/*
 * page_intake.c: staff intake (登记) of applications that did not come
 * through the public online form: handed in at the counter, posted, sent
 * by e-mail or fax, or made orally and written down by the office. The
 * 第二十九条 fields and their checks are the online form's (apply_form.h);
 * this page adds how the application arrived and the dates that give its
 * receipt date under 条例第三十一条, and states which rule was applied.
 *
 * After registration the page shows the tracking code, the receipt date
 * with its rule, the answer deadline (第三十三条) and the applicant's other
 * applications to this agency found by the store's de-duplication key
 * (gk_applicant_key: 身份证明 number, else type and name), a hint for 重复
 * 申请 (第三十六条第（六）项) and for the 按件 fee count (国办函〔2020〕109号).
 *
 * Access (routes.def): 登记员 and 承办人; the agency must be one the
 * session may see (403 otherwise).
 */
#include "apply_form.h"
#include "page_int.h"

/* How an application arrived, with the 第三十一条 rule for its receipt
 * date. `confirm`: the receipt date is the day both sides confirmed it (a
 * second date, not before the arrival); otherwise it is the arrival day. */
static const struct {
    const char *key, *label;
    gk_channel channel;
    bool confirm;
    const char *arrival;  /* what the first date is */
    const char *rule;     /* shown with the receipt date */
} modes[] = {
    {"IN_PERSON", "当面提交", GK_CHANNEL_IN_PERSON, false, "提交之日",
     "条例第三十一条第（一）项：申请人当面提交政府信息公开申请的，以提交之日为收到申请之日"},
    {"ORAL", "口头提出（书面确有困难，由本机关代为填写）", GK_CHANNEL_IN_PERSON, false,
     "口头提出之日",
     "条例第二十九条第一款：采用书面形式确有困难的，申请人可以口头提出，由政府信息公开工作机构"
     "代为填写申请；当面提出，依第三十一条第（一）项以提出之日为收到申请之日"},
    {"POST_SIGNED", "邮寄（挂号信、特快专递等需签收）", GK_CHANNEL_POST, false, "本机关签收之日",
     "条例第三十一条第（二）项：申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为"
     "收到申请之日"},
    {"POST_ORDINARY", "邮寄（平常信函等无需签收）", GK_CHANNEL_POST, true, "信件到达之日",
     "条例第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于"
     "收到申请的当日与申请人确认，确认之日为收到申请之日"},
    {"ONLINE", "互联网渠道（电子邮件等）", GK_CHANNEL_ONLINE, true, "申请到达之日",
     "条例第三十一条第（三）项：申请人通过互联网渠道提交政府信息公开申请的，以双方确认之日为"
     "收到申请之日"},
    {"FAX", "传真", GK_CHANNEL_FAX, true, "传真到达之日",
     "条例第三十一条第（三）项：申请人通过政府信息公开工作机构的传真提交政府信息公开申请的，以"
     "双方确认之日为收到申请之日"},
};

static const char *mode_key(int i) { return modes[i].key; }
static const char *mode_label(int i) { return modes[i].label; }

static int mode_of(const char *v)
{
    size_t i;

    for (i = 0; v && i < GK_ARRAY_LEN(modes); i++)
        if (!strcmp(v, modes[i].key))
            return (int)i;
    return -1;
}

/* The modes for the <select> with the date each needs, so the page can
 * say which dates to fill in without JavaScript. */
static int modes_view(json_t *view, const char *selected)
{
    json_t *v = NULL, *rules = json_array();
    size_t i;
    int error = rules ? 0 : gk__oom();

    if (error == 0)
        error = gk_page__options(&v, (int)GK_ARRAY_LEN(modes), mode_key, mode_label,
                                 selected ? selected : "IN_PERSON");
    if (error == 0)
        error = gk_page__set(view, "modes", v);
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(modes); i++)
        if (json_array_append_new(rules, json_pack("{s:s, s:s, s:b, s:s}", "label", modes[i].label,
                                                   "arrival", modes[i].arrival, "confirm",
                                                   modes[i].confirm, "rule", modes[i].rule)))
            error = gk__oom();
    if (error == 0)
        return gk_page__set(view, "mode_rules", rules);
    json_decref(rules);
    return error;
}

/* The form with the staff additions; values (may be NULL) as sent. */
static int form_page(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values)
{
    const char *sel = json_string_value(json_object_get(values, "mode"));
    int error = gk_page__apply_form(req, resp, st, values);

    if (error == 0)
        error = modes_view(resp->view, sel);
    resp->title = "登记依申请公开申请";
    return error;
}

/* GET /staff/intake, /api/v1/intake/new */
int api_intake_form(gk_http_req *req, gk_http_resp *resp)
{
    gk_store *st = NULL;
    int error = gk_page__store(req, &st);

    if (error == 0)
        error = form_page(req, resp, st, NULL);
    gk_page__store_done(req, st);
    return error;
}

/* A date field: required, valid, not after today. */
static int read_date(gk_http_req *req, json_t *errors, json_t *values, const char *name,
                     const char *what, gk_date *out)
{
    const char *v = gk_http__field(req, name);
    char msg[160];
    int error = gk_http__view_str(values, name, v ? v : "");

    memset(out, 0, sizeof *out);
    if (error < 0)
        return error;
    if (!v || !*v) {
        snprintf(msg, sizeof msg, "请填写%s", what);
        return gk_http__view_str(errors, name, msg);
    }
    if (gk_date_parse(out, v, strlen(v)) < 0) {
        gk_error_clear();
        snprintf(msg, sizeof msg, "%s不是有效日期（YYYY-MM-DD）", what);
        return gk_http__view_str(errors, name, msg);
    }
    if (gk_date_cmp(*out, gk_page__today()) > 0) {
        snprintf(msg, sizeof msg, "%s不能晚于今天", what);
        return gk_http__view_str(errors, name, msg);
    }
    return 0;
}

/* Reads the mode and its dates into c (channel, arrival, received). */
static int read_receipt(gk_http_req *req, json_t *errors, json_t *values, gk_case *c, int *mode)
{
    const char *m = gk_http__field(req, "mode");
    gk_date confirmed;
    int error = gk_http__view_str(values, "mode", m ? m : "");

    *mode = mode_of(m);
    if (error < 0)
        return error;
    if (*mode < 0)
        return gk_http__view_str(errors, "mode", "请选择申请的提交方式");
    c->channel = modes[*mode].channel;
    error = read_date(req, errors, values, "arrival", modes[*mode].arrival, &c->arrival);
    c->received = c->arrival;
    if (error < 0 || !modes[*mode].confirm)
        return error;
    error = read_date(req, errors, values, "confirmed", "与申请人确认之日", &confirmed);
    if (error < 0 || json_object_get(errors, "confirmed") || json_object_get(errors, "arrival"))
        return error;
    /* 第三十一条: the confirmation cannot precede the arrival. */
    if (gk_date_cmp(confirmed, c->arrival) < 0)
        return gk_http__view_str(errors, "confirmed",
                                 "确认之日不能早于申请到达之日（条例第三十一条）");
    c->received = confirmed;
    return 0;
}

/* ---- the applicant's other applications (de-duplication key) --------- */

typedef struct {
    const char *key;   /* the new case's key */
    int64_t self;      /* the new case's id */
    json_t *list;
    gk_buf k;
    char self_no[64]; /* the new case's ledger number, as the store gave it */
} dup_ctx;

static int on_case(const gk_case *c, void *payload)
{
    dup_ctx *x = payload;
    char d[GK_DATE_BUFSZ];
    json_t *o;
    int error;

    if (c->id == x->self) {
        snprintf(x->self_no, sizeof x->self_no, "%s", c->tracking_no ? c->tracking_no : "");
        return 0;
    }
    gk_buf_clear(&x->k);
    error = gk_applicant_key(&x->k, c->applicant_type, c->applicant, c->applicant_id);
    if (error < 0)
        return error;
    if (strcmp(gk_buf_cstr(&x->k), x->key) != 0)
        return 0;
    o = json_pack("{s:s, s:s, s:s, s:s}", "code", c->tracking_code, "tracking_no",
                  c->tracking_no ? c->tracking_no : "", "received",
                  gk_date_format(d, c->received), "state_label", gk_case_state_label(c->state));
    return o && !json_array_append_new(x->list, o) ? 0 : gk__oom();
}

/* Puts "duplicates" (the agency's other cases with c's applicant key,
 * codes and dates only: no personal data) and "duplicate_weak" (the key
 * is the name, not an ID number) into view, and the new case's ledger
 * number into app (met on the way). A walk of the agency's cases, as the
 * case list does: the store has no query by applicant key yet. */
static int duplicates_view(json_t *view, gk_store *st, const gk_case *c, json_t *app)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_buf key = GK_BUF_INIT;
    dup_ctx x = {NULL, c->id, json_array(), GK_BUF_INIT, ""};
    int error = x.list ? gk_applicant_key(&key, c->applicant_type, c->applicant, c->applicant_id)
                       : gk__oom();

    x.key = gk_buf_cstr(&key);
    q.agency = c->agency;
    if (error == 0)
        error = gk_store_case_foreach(st, &q, on_case, &x);
    if (error == 0)
        error = gk_page__set(view, "duplicates", json_incref(x.list));
    /* The ledger number the store generated ("<year>-<id>"). */
    if (error == 0 && x.self_no[0])
        error = gk_http__view_str(app, "tracking_no", x.self_no);
    if (error == 0)
        error = gk_page__put_int(view, "duplicate_count", (int64_t)json_array_size(x.list));
    if (error == 0)
        error = gk_page__put_bool(view, "duplicate_weak", strncmp(x.key, "id:", 3) != 0);
    json_decref(x.list);
    gk_buf_release(&x.k);
    gk_buf_release(&key);
    return error;
}

/* The confirmation: codes, channel and mode, arrival and receipt dates
 * with the rule, the deadline, and the duplicate hint. */
static int done_view(gk_http_resp *resp, gk_store *st, const gk_case *c, int mode)
{
    json_t *o = json_object();
    gk_page_due due;
    int error = o ? gk_page__put_case_ids(o, c) : gk__oom();

    json_decref(resp->view);
    resp->view = json_object();
    if (error == 0 && !resp->view)
        error = gk__oom();
    if (error == 0)
        error = gk_http__view_str(o, "channel", gk_channel_label(c->channel));
    if (error == 0)
        error = gk_http__view_str(o, "mode", modes[mode].key);
    if (error == 0)
        error = gk_http__view_str(o, "mode_label", modes[mode].label);
    if (error == 0)
        error = gk_http__view_str(o, "arrival_label", modes[mode].arrival);
    if (error == 0)
        error = gk_page__put_date(o, "arrival", c->arrival);
    if (error == 0)
        error = gk_page__put_date(o, "received", c->received);
    if (error == 0)
        error = gk_http__view_str(o, "rule", modes[mode].rule);
    if (error == 0)
        error = gk_page__due(&due, c, gk_page__today());
    if (error == 0 && due.known)
        error = gk_page__put_date(o, "due", due.due);
    if (error == 0 && due.known)
        error = gk_page__put_int(o, due.left < 0 ? "late_by" : "left", due.left < 0 ? -due.left : due.left);
    if (error == 0 && due.known)
        error = gk_page__put_provisional(o, "", &due.provisional);
    if (error == 0)
        error = duplicates_view(resp->view, st, c, o);
    if (error == 0)
        return gk_page__set(resp->view, "application", o);
    json_decref(o);
    return error;
}

/* Registers c and, in the same transaction, notes how it arrived (the
 * mode tells 签收 from 平常信函 and an oral application from a written
 * one, which the channel alone does not). */
static int register_case(gk_store *st, gk_case *c, int mode)
{
    char detail[96];
    int error = gk_store_tx_begin(st);

    if (error < 0)
        return error;
    error = gk_store_case_add(st, c);
    snprintf(detail, sizeof detail, "{\"mode\":\"%s\"}", modes[mode].key);
    if (error == 0)
        error = gk_store_note(st, c->agency, "case", c->id, "note:intake", detail);
    if (error == 0)
        return gk_store_tx_commit(st);
    gk_store_tx_rollback(st);
    return error;
}

/* POST /staff/intake, /api/v1/intake: checks and registers; 400 with the
 * problems beside the fields, 403 for an agency the session may not see,
 * or the confirmation (201 for the API). */
int api_intake_create(gk_http_req *req, gk_http_resp *resp)
{
    gk_buf bufs[4] = {GK_BUF_INIT, GK_BUF_INIT, GK_BUF_INIT, GK_BUF_INIT};
    json_t *errors = json_object(), *values = json_object();
    const char *agency = gk_http__field(req, "agency");
    gk_store *st = NULL;
    gk_case c;
    size_t i;
    int mode = -1, error = errors && values ? 0 : gk__oom();

    gk_case_init(&c);
    /* Another agency's register: refused outright, not a field error. */
    if (error == 0 && agency && *agency && !gk_http__agency_allowed(req, agency)) {
        gk_error_set(GK_ERRCLASS_HTTP, "无权为其他机关登记申请");
        error = GK_HTTP_EDENIED;
    }
    if (error == 0)
        error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_page__apply_read(req, st, errors, values, &c, bufs);
    if (error == 0)
        error = read_receipt(req, errors, values, &c, &mode);
    /* An agency-bound session registers for its agency by default. */
    if (error == 0 && !*c.agency && req->session.agency[0])
        c.agency = req->session.agency;
    if (error == 0 && json_object_size(errors) == 0) {
        error = register_case(st, &c, mode);
        if (error == GK_EINVALID) {
            error = gk_http__view_str(errors, "form", gk_error_last()->message);
        } else if (error == 0) {
            error = done_view(resp, st, &c, mode);
            resp->tmpl = "intake_done.html";
            resp->title = "申请已登记";
            if (!strncmp(req->path, "/api/", 5))
                resp->status = 201;
            goto done;
        }
    }
    if (error < 0)
        goto done;
    error = form_page(req, resp, st, values);
    if (error == 0)
        error = gk_page__set(resp->view, "errors", json_incref(errors));
    if (error == 0)
        error = gk_page__set(resp->view, "values", json_incref(values));
    resp->status = 400;
done:
    for (i = 0; i < GK_ARRAY_LEN(bufs); i++)
        gk_buf_release(&bufs[i]);
    json_decref(errors);
    json_decref(values);
    gk_page__store_done(req, st);
    return error;
}
