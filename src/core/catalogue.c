/*
 * catalogue.c: the proactive catalogue item model (catalogue.h): labels,
 * the checks of an item, the 索引号 forms of spec §6.3 and the
 * 第二十六条 publication deadline.
 */
#include <stdio.h>
#include "util/util.h"
#include "gk/catalogue.h"
#include "json_field.h"

static const char *const validity_keys[] = {
#define GK_X_(key, label) #key,
    GK_VALIDITY_KINDS(GK_X_)
#undef GK_X_
};
static const char *const validity_labels[] = {
#define GK_X_(key, label) label,
    GK_VALIDITY_KINDS(GK_X_)
#undef GK_X_
};
static const char *const doc_keys[] = {
#define GK_X_(key, label) #key,
    GK_DOC_KINDS(GK_X_)
#undef GK_X_
};
static const char *const doc_labels[] = {
#define GK_X_(key, label) label,
    GK_DOC_KINDS(GK_X_)
#undef GK_X_
};
static const char *const timeliness_labels[] = {"按时", "逾期发布", "逾期未发布", "期限内"};

static const char *pick(const char *const *t, int n, int i)
{
    return i >= 0 && i < n ? t[i] : NULL;
}

/* Index of s[0..n) among keys or labels, -1 when neither. */
static int lookup(const char *const *keys, const char *const *labels, int count, const char *s,
                  size_t n)
{
    int i;

    for (i = 0; i < count; i++)
        if ((strlen(keys[i]) == n && !memcmp(keys[i], s, n)) ||
            (strlen(labels[i]) == n && !memcmp(labels[i], s, n)))
            return i;
    return -1;
}

const char *gk_validity_key(int v) { return pick(validity_keys, GK_VALIDITY_N, v); }
const char *gk_validity_label(int v) { return pick(validity_labels, GK_VALIDITY_N, v); }
int gk_validity_from_label(const char *s, size_t n)
{
    return lookup(validity_keys, validity_labels, GK_VALIDITY_N, s, n);
}
const char *gk_doc_kind_key(int k) { return pick(doc_keys, GK_DOC_N, k); }
const char *gk_doc_kind_label(int k) { return pick(doc_labels, GK_DOC_N, k); }
int gk_doc_kind_from_label(const char *s, size_t n)
{
    return lookup(doc_keys, doc_labels, GK_DOC_N, s, n);
}
const char *gk_timeliness_label(int t) { return pick(timeliness_labels, 4, t); }

void gk_catalogue_item_init(gk_catalogue_item *it)
{
    memset(it, 0, sizeof *it);
    it->agency = it->index_no = it->index_prefix = it->title = it->summary = "";
    it->category = it->topic = it->doc_no = it->keywords = it->due_basis = "";
    it->doc_kind = GK_DOC_OTHER;
    it->validity = GK_VALIDITY_VALID;
}

/* ------------------------------------------------------------- 索引号 */

static bool code_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

static bool digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    size_t i;

    for (i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Length of the 前段码 of either form at the start of s[0..n) (the whole
 * of s when n is the string's length), 0 when none. */
static size_t prefix_len(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n && i < 18 && code_char(s[i]); i++)
        ;
    if (i == 18 && n >= 18)
        return 18; /* ^[0-9A-Z]{18} (统一社会信用代码) */
    if (i == 9)
        return 9; /* ^[0-9A-Z]{8}[0-9A-Z] (组织机构代码 without hyphen) */
    if (i == 8 && n >= 10 && s[8] == '-' && code_char(s[9]))
        return 10; /* ^[0-9A-Z]{8}-[0-9A-Z] */
    return 0;
}

bool gk_index_prefix_valid(const char *p)
{
    size_t n = p ? strlen(p) : 0;

    return n > 0 && prefix_len(p, n) == n;
}

int gk_index_no_parse(gk_index_no_parts *out, const char *s)
{
    size_t n = s ? strlen(s) : 0, p = prefix_len(s ? s : "", n), rest;
    const char *t;
    gk_index_no_parts parts;

    memset(&parts, 0, sizeof parts);
    if (p == 0 || p >= n || s[p] != '/')
        goto bad;
    t = s + p + 1;
    rest = n - p - 1;
    /* \d{4}-\d{5}, or \d{6}-\d{5} only after an 18-character prefix. */
    if (rest == 10 && digits(t, 4) && t[4] == '-' && digits(t + 5, 5)) {
        parts.year = num(t, 4);
        parts.serial = num(t + 5, 5);
    } else if (p == 18 && rest == 12 && digits(t, 6) && t[6] == '-' && digits(t + 7, 5)) {
        parts.year = num(t, 4);
        parts.month = num(t + 4, 2);
        parts.serial = num(t + 7, 5);
        if (parts.month < 1 || parts.month > 12)
            goto bad;
    } else {
        goto bad;
    }
    memcpy(parts.prefix, s, p);
    parts.prefix[p] = '\0';
    if (out)
        *out = parts;
    return 0;
bad:
    gk_error_set(GK_ERRCLASS_INVALID,
                 "索引号 '%s' 格式不符：应为 9 位组织机构代码/YYYY-NNNNN 或 18 位统一社会信用代码/YYYY[MM]-NNNNN",
                 s ? s : "");
    return GK_EINVALID;
}

int gk_index_no_format(char *out, size_t cap, const char *prefix, int year, int serial)
{
    if (!gk_index_prefix_valid(prefix)) {
        gk_error_set(GK_ERRCLASS_INVALID,
                     "索引号前段码 '%s' 无效：应为 9 位组织机构代码或 18 位统一社会信用代码（数字和大写字母）",
                     prefix ? prefix : "");
        return GK_EINVALID;
    }
    if (year < 1 || year > 9999 || serial < 1 || serial > 99999) {
        gk_error_set(GK_ERRCLASS_INVALID, "索引号 %s/%04d 的顺序号已用完（最大 99999）", prefix,
                     year);
        return serial > 99999 ? GK_ETOOBIG : GK_EINVALID;
    }
    if ((size_t)snprintf(out, cap, "%s/%04d-%05d", prefix, year, serial) >= cap)
        GK_BUG("index number buffer too small");
    return 0;
}

/* -------------------------------------------------------------- checks */

static bool empty(const char *s)
{
    return !s || !*s;
}

int gk_catalogue_item_check(const gk_catalogue_item *it)
{
    const char *why = NULL;

    if (empty(it->title))
        why = "名称不能为空";
    else if (!gk_date_valid(it->formed))
        why = "须给出信息形成或者变更日期（条例第二十六条）";
    else if (it->art20_item < 0 || it->art20_item > 15)
        why = "条例第二十条的项须为 1 至 15（0 表示不属于第二十条）";
    else if ((unsigned)it->validity >= GK_VALIDITY_N || (unsigned)it->doc_kind >= GK_DOC_N)
        why = "有效性或文件种类无效";
    else if (it->validity != GK_VALIDITY_VALID && !gk_date_valid(it->invalid_from))
        why = "失效或废止的信息须给出失效/废止日期";
    else if (it->validity == GK_VALIDITY_VALID && gk_date_valid(it->invalid_from))
        why = "有效的信息不能有失效/废止日期";
    else if (gk_date_valid(it->published) && gk_date_cmp(it->published, it->formed) < 0)
        why = "发布日期早于形成或者变更日期";
    else if (gk_date_valid(it->effective_from) && gk_date_valid(it->invalid_from) &&
             gk_date_cmp(it->invalid_from, it->effective_from) < 0)
        why = "失效/废止日期早于实施日期";
    else if (it->due_days < 0 || it->due_days > 366)
        why = "特别公开期限须为 1 至 366 个工作日";
    else if (it->due_days > 0 && empty(it->due_basis))
        why = "另行规定的公开期限须注明法律、法规依据（条例第二十六条）";
    if (why) {
        gk_error_set(GK_ERRCLASS_INVALID, "%s", why);
        return GK_EINVALID;
    }
    if (!empty(it->index_no))
        return gk_index_no_parse(NULL, it->index_no);
    return 0;
}

int gk_catalogue_item_year(const gk_catalogue_item *it)
{
    return gk_date_valid(it->published) ? it->published.y : it->formed.y;
}

/* ---------------------------------------------------------- 第二十六条 */

int gk_catalogue_timeliness(gk_date *due_out, gk_timeliness *t_out, const gk_catalogue_item *it,
                            const gk_calendar *cal, gk_date as_of)
{
    gk_timeliness t;
    gk_date due;
    int error;

    /* 条例第二十六条: within 20 个工作日 from the day formed or changed,
     * unless a law or regulation sets another period (due_days). */
    error = gk_calendar_add_workdays(&due, cal, it->formed,
                                     it->due_days > 0 ? it->due_days : GK_CATALOGUE_PUBLISH_DAYS);
    if (error < 0)
        return error;
    if (gk_date_valid(it->published))
        t = gk_date_cmp(it->published, due) <= 0 ? GK_TIMELY_ON_TIME : GK_TIMELY_LATE;
    else
        t = gk_date_cmp(as_of, due) > 0 ? GK_TIMELY_OVERDUE : GK_TIMELY_PENDING;
    if (due_out)
        *due_out = due;
    if (t_out)
        *t_out = t;
    return 0;
}

int gk_catalogue_item_to_json(gk_buf *b, const gk_catalogue_item *it)
{
    int error = gk_buf_putc(b, '{');

    if (error == 0)
        error = gk__json_i64(b, "id", it->id);
    if (error == 0)
        error = gk__json_str(b, "agency", it->agency);
    if (error == 0)
        error = gk__json_str(b, "index_no", it->index_no);
    if (error == 0)
        error = gk__json_str(b, "title", it->title);
    if (error == 0)
        error = gk__json_str(b, "summary", it->summary);
    if (error == 0)
        error = gk__json_str(b, "category", it->category);
    if (error == 0)
        error = gk__json_str(b, "topic", it->topic);
    if (error == 0)
        error = gk__json_str(b, "doc_no", it->doc_no);
    if (error == 0)
        error = gk__json_str(b, "keywords", it->keywords);
    if (error == 0)
        error = gk__json_str(b, "doc_kind", gk_doc_kind_key(it->doc_kind));
    if (error == 0)
        error = gk__json_i64(b, "art20_item", it->art20_item);
    if (error == 0)
        error = gk__json_date(b, "written", it->written);
    if (error == 0)
        error = gk__json_date(b, "formed", it->formed);
    if (error == 0)
        error = gk__json_date(b, "published", it->published);
    if (error == 0)
        error = gk__json_date(b, "effective_from", it->effective_from);
    if (error == 0)
        error = gk__json_str(b, "validity", gk_validity_key(it->validity));
    if (error == 0)
        error = gk__json_date(b, "invalid_from", it->invalid_from);
    if (error == 0)
        error = gk__json_i64(b, "due_days", it->due_days);
    if (error == 0)
        error = gk__json_str(b, "due_basis", it->due_basis);
    if (error == 0)
        error = gk__json_end(b);
    return error;
}
