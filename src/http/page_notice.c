/*
 * page_notice.c: the reply notice (答复告知书) and the procedural letters
 * of a case, previewed as HTML or downloaded as DOCX (gk_notice_render).
 * The case gives the applicant, numbers, dates, the decision kind (from
 * the table-3 outcome) and the figures of the procedure (extension days,
 * fee); the person fills in what only they know (the decision text,
 * reasons, the 行政复议机关 and court) in the form on the case page. The
 * notice is rendered from these on every request and never stored.
 */
#include <stdio.h>
#include "gk/notice.h"
#include "page_int.h"

static gk_notice_templates *templates;
static pthread_once_t templates_once = PTHREAD_ONCE_INIT;

static void load_templates(void)
{
    if (gk_notice_templates_load(&templates, NULL) < 0)
        templates = NULL;
}

/* Fields the form asks for: catalogue keys of docs/notices.md. */
static const struct {
    const char *key;
    const char *label;
    bool multiline;
} form_fields[] = {
    {"decision_text", "答复内容（获取信息的方式、途径，附件等）", true},
    {"reasons", "理由（不予公开、部分公开等须说明理由）", true},
    {"other_agency", "负责公开的机关（第三十六条第（五）项）", false},
    {"other_agency_contact", "该机关的联系方式", false},
    {"correction_items", "需要补正的事项（第三十条）", true},
    {"correction_deadline", "补正期限（YYYY-MM-DD）", false},
    {"extended_to", "延长后的答复期限（YYYY-MM-DD；留空用系统计算的期限，期限为“暂定”时须填写）", false},
    {"third_party", "第三方名称（第三十二条）", false},
    {"reply_deadline", "第三方答复期限（YYYY-MM-DD）", false},
    {"fee_basis", "收费依据和标准", true},
    {"payment_method", "缴纳方式", false},
    {"review_body", "行政复议机关", false},
    {"court", "人民法院", false},
    {"contact", "本机关联系方式", false},
};

/* True when kind k fits the case: the decision kind of its outcome, or
 * a letter of a step the case went through. */
static bool kind_fits(const gk_notice_kind *k, const gk_page_case *x)
{
    if (k->t3_row)
        return x->outcome >= 0 && !strcmp(k->t3_row, gk_t3_row_key(x->outcome));
    if (!strcmp(k->id, "correction"))
        return x->correction_requested;
    if (!strcmp(k->id, "extension"))
        return x->ext_days > 0;
    if (!strcmp(k->id, "consult-third"))
        return x->third_party;
    if (!strcmp(k->id, "fee"))
        return x->fee_yuan > 0;
    return false;
}

typedef struct {
    const char *code;
    char name[256];
    char parent[64];
    char parent_name[256];
} agency_names;

static int on_agency(const gk_agency *a, void *payload)
{
    agency_names *n = payload;

    if (!strcmp(a->code, n->code)) {
        snprintf(n->name, sizeof(n->name), "%s", a->name);
        snprintf(n->parent, sizeof(n->parent), "%s", a->parent ? a->parent : "");
    }
    return 0;
}

static int on_parent(const gk_agency *a, void *payload)
{
    agency_names *n = payload;

    if (n->parent[0] && !strcmp(a->code, n->parent))
        snprintf(n->parent_name, sizeof(n->parent_name), "%s", a->name);
    return 0;
}

/* The agency's name and its parent's (the usual 行政复议机关 of a
 * department since 行政复议法 (2023) 第二十四条: a default, editable). */
static int names_of(agency_names *n, gk_store *st, const char *code)
{
    int error;

    memset(n, 0, sizeof(*n));
    n->code = code;
    error = gk_store_agency_foreach(st, on_agency, n);
    if (error == 0)
        error = gk_store_agency_foreach(st, on_parent, n);
    return error;
}

int gk_page__notice_section(json_t *view, gk_store *st, const gk_page_case *x)
{
    const gk_notice_kind *kinds;
    json_t *list = json_array(), *fields = json_array();
    agency_names n;
    size_t nk, i;
    int error = 0;

    if (!list || !fields) {
        json_decref(list);
        json_decref(fields);
        return gk__oom();
    }
    kinds = gk_notice_kinds(&nk);
    for (i = 0; i < nk; i++)
        if (kind_fits(&kinds[i], x) &&
            json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "id", kinds[i].id, "title",
                                                  kinds[i].title, "decision", kinds[i].decision)))
            error = gk__oom();
    if (error == 0)
        error = names_of(&n, st, x->agency);
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(form_fields); i++) {
        const char *preset = !strcmp(form_fields[i].key, "review_body") ? n.parent_name : "";
        json_t *o = json_pack("{s:s, s:s, s:b, s:s}", "key", form_fields[i].key, "label",
                              form_fields[i].label, "multiline", form_fields[i].multiline,
                              "value", preset);

        if (!o || json_array_append_new(fields, o))
            error = gk__oom();
    }
    if (error == 0)
        error = gk_page__put_bool(view, "has_notices", json_array_size(list) > 0);
    if (error == 0)
        error = gk_page__set(view, "notice_fields", json_incref(fields));
    if (error == 0)
        error = gk_page__set(view, "notices", json_incref(list));
    json_decref(list);
    json_decref(fields);
    return error;
}

/* The notice fields from the case view and the request. */
static int fields_of(gk_notice_field *f, size_t *nf, size_t cap, const gk_http_req *req,
                     const json_t *c, const agency_names *n, const char *date, char *buf,
                     size_t bufsz)
{
    static const struct {
        const char *field, *view;
    } from_case[] = {
        {"tracking_no", "tracking_no"},     {"applicant", "applicant"},
        {"received_date", "received"},      {"requested_info", "description"},
    };
    size_t i, k = 0;
    int used = 0;

#define ADD(k_, v_)                                                                                \
    do {                                                                                           \
        if ((v_) && *(v_) && k < cap) {                                                            \
            f[k].key = (k_);                                                                       \
            f[k++].value = (v_);                                                                   \
        }                                                                                          \
    } while (0)
    ADD("agency", n->name);
    ADD("date", date);
    for (i = 0; i < GK_ARRAY_LEN(from_case); i++)
        ADD(from_case[i].field, json_string_value(json_object_get(c, from_case[i].view)));
    if (json_integer_value(json_object_get(c, "ext_days")) > 0) {
        used = snprintf(buf, bufsz, "%lld",
                        (long long)json_integer_value(json_object_get(c, "ext_days")));
        ADD("extension_days", buf);
        /* The computed deadline unless staff gave one; never a provisional
         * one (calendar.h PROVISIONAL MODE): a letter states no guessed
         * date, so the notice then names the missing field. */
        if (!gk_http__field(req, "extended_to") &&
            !json_is_true(json_object_get(c, "provisional")))
            ADD("extended_to", json_string_value(json_object_get(c, "due")));
    }
    if (json_integer_value(json_object_get(c, "fee_yuan")) > 0 && used >= 0 &&
        (size_t)used + 1 < bufsz) {
        char *fee = buf + used + 1;

        snprintf(fee, bufsz - (size_t)used - 1, "%lld",
                 (long long)json_integer_value(json_object_get(c, "fee_yuan")));
        ADD("fee_amount", fee);
    }
    for (i = 0; i < GK_ARRAY_LEN(form_fields); i++)
        ADD(form_fields[i].key, gk_http__field(req, form_fields[i].key));
#undef ADD
    *nf = k;
    return 0;
}

/* POST /staff/cases/:code/notice (and /api/v1/…) with kind=ID,
 * format=html|docx, date and the fields: the notice, rendered now. A POST
 * with the CSRF token, so that reasons and names never sit in a URL (in
 * the browser history, a proxy's log or a Referer). */
int api_case_notice(gk_http_req *req, gk_http_resp *resp)
{
    const char *kind = gk_http__field(req, "kind"), *fmt_name = gk_http__field(req, "format");
    const char *date = gk_http__field(req, "date");
    int fmt = gk_notice_format_from_name(fmt_name ? fmt_name : "html");
    gk_notice_field f[32];
    gk_page_case x;
    agency_names n;
    gk_store *st = NULL;
    char today[GK_DATE_BUFSZ], nums[64], disp[96];
    size_t nf = 0;
    int error;

    memset(&x, 0, sizeof(x));
    if (fmt < 0 || !kind || !gk_notice_kind_find(kind)) {
        gk_error_set(GK_ERRCLASS_HTTP, "请选择告知书种类和格式（html 或 docx）");
        return GK_EINVALID;
    }
    pthread_once(&templates_once, load_templates);
    if (!templates) {
        gk_error_set(GK_ERRCLASS_HTTP, "告知书模板无法载入");
        return GK_ERROR;
    }
    if (!date || !*date)
        date = gk_date_format(today, gk_page__today());
    error = gk_page__store(req, &st);
    if (error == 0)
        error = gk_page__case_load(req, st, &x, GK_PAGE_VIEW_CASE);
    if (error == 0)
        error = names_of(&n, st, x.agency);
    if (error == 0)
        error = fields_of(f, &nf, GK_ARRAY_LEN(f), req, x.view, &n, date, nums, sizeof(nums));
    if (error == 0)
        error = gk_notice_render(&resp->body, templates, kind, f, nf, (gk_notice_format)fmt);
    if (error < 0)
        goto done;
    json_decref(resp->view);
    resp->view = NULL;
    resp->content_type = fmt == GK_NOTICE_DOCX
                             ? "application/vnd.openxmlformats-officedocument."
                               "wordprocessingml.document"
                             : "text/html; charset=utf-8";
    snprintf(disp, sizeof(disp), "%s; filename=\"notice-%s-%s.%s\"",
             fmt == GK_NOTICE_DOCX ? "attachment" : "inline", gk_http__param(req, "code"), kind,
             fmt == GK_NOTICE_DOCX ? "docx" : "html");
    error = gk_http__resp_header(resp, "Content-Disposition", disp);
    /* The standalone A4 page carries its own print style; it still may not
     * run scripts, load anything or be framed. */
    if (error == 0 && fmt == GK_NOTICE_HTML)
        error = gk_http__resp_header(resp, "Content-Security-Policy",
                                     "default-src 'none'; style-src 'unsafe-inline'; "
                                     "frame-ancestors 'none'");
done:
    json_decref(x.view);
    gk_page__store_done(req, st);
    return error;
}
