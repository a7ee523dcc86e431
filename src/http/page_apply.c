/*
 * page_apply.c: the public online application (依申请公开) form and its
 * API twin. The fields are those 条例第二十九条 requires: (一) the
 * applicant's name, proof of identity and contact; (二) the name, document
 * number or a description of the information; (三) the form: how and by
 * which route the information is to be delivered. Every field is checked
 * on the server and the problems are shown beside the fields.
 *
 * Receipt date (条例第三十一条第（三）项): an application over the internet
 * is received on the day both sides confirm it. This form confirms at once
 * (the tracking code is the confirmation), so the receipt date is the
 * submission day (China time) and the channel is 网络.
 */
#include "gk/screen.h"
#include "apply_form.h"
#include "page_int.h"

/* Kinds of proof of identity (第二十九条（一）身份证明). `check` is the
 * screener category that must match the whole number, or -1. The number
 * alone is stored for the two national codes, so the applicant
 * de-duplication key (gk_applicant_key) is the same whatever channel the
 * application came by; other kinds are stored as "LABEL:NUMBER". */
static const struct {
    const char *key;
    const char *label;
    int check;
} id_types[] = {
    {"ID_CARD", "居民身份证", GK_SCREEN_ID_CARD},
    {"CREDIT_CODE", "统一社会信用代码", GK_SCREEN_CREDIT_CODE},
    {"PASSPORT", "护照", -1},
    {"HKMO", "港澳居民来往内地通行证", -1},
    {"TW", "台湾居民来往大陆通行证", -1},
    {"OTHER", "其他身份证明", -1},
};

/* 第二十九条（三）形式要求 and 第四十条: the form of the information … */
static const struct {
    const char *key;
    const char *label;
} methods[] = {
    {"PAPER", "纸质"},
    {"ELECTRONIC", "电子数据"},
    {"VIEW", "查阅、抄录"},
};

/* … and the route by which it is obtained. */
static const struct {
    const char *key;
    const char *label;
} routes[] = {
    {"POST", "邮寄"},
    {"EMAIL", "电子邮件"},
    {"PICKUP", "当面领取"},
    {"FAX", "传真"},
};

/* Text fields with their caps in characters (a form is not a document). */
static const struct {
    const char *name;
    size_t max;
} text_fields[] = {
    {"applicant", 100}, {"id_number", 40}, {"phone", 40},       {"email", 100},
    {"address", 200},   {"title", 200},    {"doc_no", 100},     {"description", 2000},
};

#define TABLE_KEY(t)                                                                               \
    static const char *t##_key(int i) { return t[i].key; }                                        \
    static const char *t##_label(int i) { return t[i].label; }
TABLE_KEY(id_types)
TABLE_KEY(methods)
TABLE_KEY(routes)
#undef TABLE_KEY

static int find_key(const char *v, int n, const char *(*key)(int))
{
    int i;

    for (i = 0; v && i < n; i++)
        if (!strcmp(v, key(i)))
            return i;
    return -1;
}

/* ---- the screener as a validator of identity numbers and contacts ---- */

typedef struct {
    size_t len;
    unsigned whole; /* bit per category found covering the whole input */
    unsigned any;   /* bit per category found anywhere */
} scan_ctx;

static int on_finding(const gk_screen_finding *f, void *ud)
{
    scan_ctx *x = ud;

    x->any |= 1u << f->category;
    if (f->start == 0 && f->end == x->len)
        x->whole |= 1u << f->category;
    return 0;
}

/* Categories the screener finds in s. */
static int scan(scan_ctx *x, const char *s)
{
    memset(x, 0, sizeof(*x));
    {
    const gk_screen *screener;
    int error;

    x->len = strlen(s);
    error = gk_page__screener(&screener);
    return error < 0 ? error : gk_screen_buffer(screener, s, x->len, on_finding, x);
    }
}

/* ---- the form --------------------------------------------------------- */

typedef struct {
    json_t *errors; /* field → message */
    json_t *values; /* field → what was sent, to fill the form again */
} form_ctx;

static int field_error(form_ctx *f, const char *field, const char *msg)
{
    return gk_http__view_str(f->errors, field, msg);
}

/* The trimmed value of a field ("" when absent), copied into the arena. */
static const char *field(gk_http_req *req, const char *name)
{
    const char *v = gk_http__field(req, name);
    size_t b, e;

    if (!v)
        return "";
    for (b = 0; v[b] == ' ' || v[b] == '\t' || v[b] == '\r' || v[b] == '\n'; b++)
        ;
    for (e = strlen(v); e > b && (v[e - 1] == ' ' || v[e - 1] == '\t' || v[e - 1] == '\r' ||
                                  v[e - 1] == '\n');
         e--)
        ;
    v = gk_arena_strndup(&req->arena, v + b, e - b);
    return v ? v : "";
}

static size_t u8chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Checks (一) proof of identity; appends the stored form to id. */
static int check_id(form_ctx *f, gk_buf *id, int type, const char *number)
{
    scan_ctx x;
    int error;

    if (type < 0)
        return field_error(f, "id_type", "请选择身份证明的种类");
    if (!*number)
        return field_error(f, "id_number", "请填写身份证明号码（条例第二十九条第（一）项）");
    if (id_types[type].check >= 0) {
        error = scan(&x, number);
        if (error < 0)
            return error;
        if (id_types[type].check == GK_SCREEN_ID_CARD &&
            (x.whole & (1u << GK_SCREEN_ID_CARD_BAD_CHECKSUM)))
            return field_error(f, "id_number", "居民身份证号码的校验位不正确，请核对");
        if (!(x.whole & (1u << id_types[type].check)))
            return field_error(f, "id_number",
                               id_types[type].check == GK_SCREEN_ID_CARD
                                   ? "居民身份证号码应为 18 位（最后一位可为 X）"
                                   : "统一社会信用代码应为 18 位，且校验位正确");
        return gk_buf_puts(id, number);
    }
    return gk_buf_printf(id, "%s:%s", id_types[type].label, number);
}

/* Checks (一) contact: a telephone number or an e-mail address the office
 * can reach (a postal address alone is allowed when the route is 邮寄). */
static int check_contact(form_ctx *f, gk_buf *contact, const char *phone, const char *email,
                         const char *address, int route)
{
    scan_ctx x;
    int error;

    if (*phone) {
        error = scan(&x, phone);
        if (error < 0)
            return error;
        if (!(x.any & ((1u << GK_SCREEN_MOBILE) | (1u << GK_SCREEN_LANDLINE))))
            return field_error(f, "phone", "请填写有效的手机号码或固定电话（含区号）");
    }
    if (*email) {
        error = scan(&x, email);
        if (error < 0)
            return error;
        if (!(x.whole & (1u << GK_SCREEN_EMAIL)))
            return field_error(f, "email", "电子邮箱格式不正确");
    }
    if (!*phone && !*email && !*address)
        return field_error(f, "phone", "请至少填写一种联系方式（条例第二十九条第（一）项）");
    if (route >= 0 && !strcmp(routes[route].key, "POST") && !*address)
        return field_error(f, "address", "选择邮寄时请填写通信地址");
    if (route >= 0 && !strcmp(routes[route].key, "EMAIL") && !*email)
        return field_error(f, "email", "选择电子邮件时请填写电子邮箱");
    return gk_buf_printf(contact, "%s%s%s%s%s%s%s%s", *phone ? "电话：" : "", phone,
                         *phone && (*email || *address) ? "；" : "", *email ? "电子邮箱：" : "",
                         email, *email && *address ? "；" : "", *address ? "通信地址：" : "",
                         address);
}

/* The agencies a form offers: all on the public form; on a staff route
 * (page_intake.c), those the session may see. */
static const gk_http_req *agency_scope(const gk_http_req *req)
{
    return req->route && req->route->access == GK_ACCESS_STAFF ? req : NULL;
}

/* Adds the option lists and agencies the form shows. */
static int form_view(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values)
{
    json_t *v;
    const char *sel, *csrf;
    int error;

    error = gk_http__view(resp);
    if (error < 0)
        return error;
    sel = json_string_value(json_object_get(values, "agency"));
    /* Without registers the form still shows, saying it cannot be used. */
    error = st ? gk_page__agencies(&v, st, agency_scope(req), sel) : 0;
    if (error == 0)
        error = gk_page__set(resp->view, "agencies", st ? v : json_array());
    sel = json_string_value(json_object_get(values, "applicant_type"));
    if (error == 0)
        error = gk_page__options(&v, GK_APPLICANT_NTYPES, gk_applicant_type_key,
                                 gk_applicant_type_label, sel ? sel : "NATURAL");
    if (error == 0)
        error = gk_page__set(resp->view, "applicant_types", v);
    sel = json_string_value(json_object_get(values, "id_type"));
    if (error == 0)
        error = gk_page__options(&v, (int)GK_ARRAY_LEN(id_types), id_types_key, id_types_label,
                                 sel ? sel : "ID_CARD");
    if (error == 0)
        error = gk_page__set(resp->view, "id_types", v);
    sel = json_string_value(json_object_get(values, "method"));
    if (error == 0)
        error = gk_page__options(&v, (int)GK_ARRAY_LEN(methods), methods_key, methods_label,
                                 sel ? sel : "ELECTRONIC");
    if (error == 0)
        error = gk_page__set(resp->view, "methods", v);
    sel = json_string_value(json_object_get(values, "route"));
    if (error == 0)
        error = gk_page__options(&v, (int)GK_ARRAY_LEN(routes), routes_key, routes_label,
                                 sel ? sel : "EMAIL");
    if (error == 0)
        error = gk_page__set(resp->view, "routes", v);
    if (error == 0)
        error = gk_page__put_date(resp->view, "today", gk_page__today());
    /* API clients send this as X-CSRF-Token (with the gk_csrf cookie). */
    if (error == 0)
        error = gk_http__csrf_token(req, resp, &csrf);
    if (error == 0)
        error = gk_http__view_str(resp->view, "csrf", csrf);
    resp->title = "网上申请政府信息公开";
    return error;
}

/* GET /apply, GET /api/v1/applications/new: the empty form (the API
 * answer lists the choices and the CSRF token). */
int api_apply_form(gk_http_req *req, gk_http_resp *resp)
{
    gk_store *st = NULL;
    int error = gk_page__store(req, &st);

    if (error < 0)
        st = NULL; /* no registers yet: the form says it is closed */
    error = form_view(req, resp, st, NULL);
    gk_page__store_done(req, st);
    return error;
}

/* The agency must be one of the register's (any, when it has only one). */
static int check_agency(const gk_http_req *req, form_ctx *f, gk_store *st, const char *agency)
{
    json_t *ag = NULL;
    size_t i, n;
    bool found = false;
    int error = gk_page__agencies(&ag, st, agency_scope(req), agency);

    if (error < 0)
        return error;
    n = json_array_size(ag);
    for (i = 0; i < n; i++)
        found |= json_is_true(json_object_get(json_array_get(ag, i), "selected"));
    json_decref(ag);
    if (n == 0)
        return field_error(f, "agency", "本系统尚未设置受理机关，暂不能受理网上申请");
    if (!found && (*agency || n > 1))
        return field_error(f, "agency", "请选择受理申请的行政机关");
    return 0;
}

/* Reads and checks every field into c; the problems go to f->errors. The
 * composed strings live in bufs[0..3) (caller releases). */
static int read_form(gk_http_req *req, gk_store *st, form_ctx *f, gk_case *c, gk_buf bufs[4])
{
    const char *v[GK_ARRAY_LEN(text_fields)];
    const char *agency = field(req, "agency"), *type = field(req, "applicant_type");
    int id_type = find_key(field(req, "id_type"), (int)GK_ARRAY_LEN(id_types), id_types_key);
    int method = find_key(field(req, "method"), (int)GK_ARRAY_LEN(methods), methods_key);
    int route = find_key(field(req, "route"), (int)GK_ARRAY_LEN(routes), routes_key);
    int t = gk_applicant_type_from_label(type, strlen(type));
    size_t i;
    int error = 0;

    for (i = 0; i < GK_ARRAY_LEN(text_fields) && error == 0; i++) {
        v[i] = field(req, text_fields[i].name);
        error = gk_http__view_str(f->values, text_fields[i].name, v[i]);
        if (error == 0 && u8chars(v[i]) > text_fields[i].max) {
            char msg[64];

            snprintf(msg, sizeof(msg), "不能超过 %zu 个字", text_fields[i].max);
            error = field_error(f, text_fields[i].name, msg);
        }
    }
    if (error == 0)
        error = gk_http__view_str(f->values, "agency", agency);
    if (error == 0)
        error = gk_http__view_str(f->values, "applicant_type", type);
    if (error == 0)
        error = gk_http__view_str(f->values, "id_type", field(req, "id_type"));
    if (error == 0)
        error = gk_http__view_str(f->values, "method", field(req, "method"));
    if (error == 0)
        error = gk_http__view_str(f->values, "route", field(req, "route"));
    if (error < 0)
        return error;
    /* v[] follows text_fields[]: applicant, id_number, phone, email,
     * address, title, doc_no, description. */
    error = check_agency(req, f, st, agency);
    if (error == 0 && t < 0)
        error = field_error(f, "applicant_type", "请选择申请人类型");
    if (error == 0 && !*v[0])
        error = field_error(f, "applicant", "请填写申请人姓名或者名称（条例第二十九条第（一）项）");
    if (error == 0 && !json_object_get(f->errors, "id_number"))
        error = check_id(f, &bufs[0], id_type, v[1]);
    if (error == 0 && !json_object_get(f->errors, "phone") &&
        !json_object_get(f->errors, "email") && !json_object_get(f->errors, "address"))
        error = check_contact(f, &bufs[1], v[2], v[3], v[4], route);
    if (error == 0 && !*v[5] && !*v[7])
        error = field_error(f, "title",
                            "请填写所需信息的名称，或便于查询的特征性描述（条例第二十九条第（二）项）");
    if (error == 0 && method < 0)
        error = field_error(f, "method", "请选择获取信息的方式");
    if (error == 0 && route < 0)
        error = field_error(f, "route", "请选择获取信息的途径");
    if (error == 0)
        error = gk_buf_printf(&bufs[2], "%s%s%s%s%s%s%s%s", *v[5] ? "名称：" : "", v[5],
                              *v[5] && (*v[6] || *v[7]) ? "；" : "", *v[6] ? "文号：" : "", v[6],
                              *v[6] && *v[7] ? "；" : "", *v[7] ? "描述：" : "", v[7]);
    if (error == 0 && method >= 0 && route >= 0)
        error = gk_buf_printf(&bufs[3], "获取方式：%s；获取途径：%s", methods[method].label,
                              routes[route].label);
    if (error < 0)
        return error;
    c->agency = agency;
    c->applicant_type = (gk_applicant_type)(t < 0 ? 0 : t);
    c->applicant = v[0];
    c->applicant_id = gk_buf_cstr(&bufs[0]);
    c->contact = gk_buf_cstr(&bufs[1]);
    c->description = gk_buf_cstr(&bufs[2]);
    c->form = gk_buf_cstr(&bufs[3]);
    /* 条例第三十一条第（三）项: received = the day both sides confirm =
     * today, the day this answer gives the tracking code. */
    c->channel = GK_CHANNEL_ONLINE;
    c->arrival = gk_page__today();
    c->received = c->arrival;
    return 0;
}

int gk_page__apply_form(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values)
{
    return form_view(req, resp, st, values);
}

int gk_page__apply_read(gk_http_req *req, gk_store *st, json_t *errors, json_t *values,
                        gk_case *c, gk_buf bufs[4])
{
    form_ctx f = {errors, values};

    return read_form(req, st, &f, c, bufs);
}

/* The confirmation: tracking code, receipt date, answer deadline. */
static int done_view(gk_http_resp *resp, const gk_case *c, gk_store *st)
{
    json_t *o = NULL, *ag = NULL;
    gk_page_due due;
    size_t i;
    int error;

    json_decref(resp->view);
    resp->view = json_object();
    if (!resp->view)
        return gk__oom();
    o = json_object();
    if (!o)
        return gk__oom();
    error = gk_page__put_case_ids(o, c);
    if (error == 0)
        error = gk_page__put_date(o, "received", c->received);
    if (error == 0)
        error = gk_http__view_str(o, "channel", gk_channel_label(c->channel));
    if (error == 0)
        error = gk_page__due(&due, c, c->received);
    if (error == 0 && due.known)
        error = gk_page__put_date(o, "due", due.due);
    /* A due date in a year without holiday data is provisional and the
     * applicant is told so (calendar.h PROVISIONAL MODE). */
    if (error == 0 && due.known)
        error = gk_page__put_provisional(o, "", &due.provisional);
    if (error == 0)
        error = gk_page__agencies(&ag, st, NULL, c->agency);
    for (i = 0; error == 0 && i < json_array_size(ag); i++)
        if (json_is_true(json_object_get(json_array_get(ag, i), "selected")))
            error = gk_http__view_str(
                o, "agency_name", json_string_value(json_object_get(json_array_get(ag, i), "name")));
    json_decref(ag);
    if (error == 0)
        return gk_page__set(resp->view, "application", o);
    json_decref(o);
    return error;
}

/* POST /apply, POST /api/v1/applications: checks the form and registers
 * the application; 400 with the field errors, or the confirmation (201
 * for the API). */
int api_apply_create(gk_http_req *req, gk_http_resp *resp)
{
    gk_buf bufs[4] = {GK_BUF_INIT, GK_BUF_INIT, GK_BUF_INIT, GK_BUF_INIT};
    form_ctx f = {json_object(), json_object()};
    gk_store *st = NULL;
    gk_case c;
    size_t i;
    int error;

    gk_case_init(&c);
    if (!f.errors || !f.values) {
        error = gk__oom();
        goto done;
    }
    error = gk_page__store(req, &st);
    if (error < 0)
        goto done;
    error = read_form(req, st, &f, &c, bufs);
    if (error < 0)
        goto done;
    if (json_object_size(f.errors) == 0) {
        error = gk_store_case_add(st, &c);
        if (error == GK_EINVALID) {
            /* The intake check of gk_case_intake: show it above the form. */
            error = field_error(&f, "form", gk_error_last()->message);
        } else if (error == 0) {
            error = done_view(resp, &c, st);
            resp->tmpl = "apply_done.html";
            resp->title = "申请已提交";
            if (!strncmp(req->path, "/api/", 5))
                resp->status = 201;
            goto done;
        }
    }
    if (error < 0)
        goto done;
    error = form_view(req, resp, st, f.values);
    if (error == 0)
        error = gk_page__set(resp->view, "errors", json_incref(f.errors));
    if (error == 0)
        error = gk_page__set(resp->view, "values", json_incref(f.values));
    resp->status = 400;
done:
    for (i = 0; i < GK_ARRAY_LEN(bufs); i++)
        gk_buf_release(&bufs[i]);
    json_decref(f.errors);
    json_decref(f.values);
    gk_page__store_done(req, st);
    return error;
}
