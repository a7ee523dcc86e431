/*
 * review.c: the review and litigation case model (review.h).
 */
#include "util/keytab.h"
#include "util/util.h"
#include "gk/review.h"
#include "json_field.h"

static const struct {
    const char *key, *label;
} routes[GK_T4_NGROUPS] = {
#define GK_X_(key, label) {#key, label},
    GK_REVIEW_ROUTES(GK_X_)
#undef GK_X_
};
/* Short names staff type: "复议", "直接起诉", "复议后起诉". */
static const char *const route_alias[GK_T4_NGROUPS] = {"复议", "直接起诉", "复议后起诉"};

static const struct {
    const char *key, *label;
} results[GK_T4_TOTAL] = {
#define GK_X_(key, label) {#key, label},
    GK_REVIEW_RESULTS(GK_X_)
#undef GK_X_
};

static bool same(const char *a, const char *s, size_t n)
{
    return a && strlen(a) == n && !memcmp(a, s, n);
}

const char *gk_review_route_key(int g)
{
    return gk_keytab_get(routes, GK_T4_NGROUPS, key, g);
}

const char *gk_review_route_label(int g)
{
    return gk_keytab_get(routes, GK_T4_NGROUPS, label, g);
}

int gk_review_route_from_label(const char *s, size_t n)
{
    int g;

    for (g = 0; g < GK_T4_NGROUPS; g++)
        if (same(routes[g].key, s, n) || same(routes[g].label, s, n) ||
            same(route_alias[g], s, n) || same(gk_t4_group_key(g), s, n))
            return g;
    return -1;
}

const char *gk_review_result_key(int c)
{
    return gk_keytab_get(results, GK_T4_TOTAL, key, c);
}

const char *gk_review_result_label(int c)
{
    return gk_keytab_get(results, GK_T4_TOTAL, label, c);
}

int gk_review_result_from_label(const char *s, size_t n)
{
    int c;

    for (c = 0; c < GK_T4_TOTAL; c++)
        if (same(results[c].key, s, n) || same(results[c].label, s, n) ||
            same(gk_t4_col_label(c), s, n))
            return c;
    return -1;
}

void gk_review_case_init(gk_review_case *r)
{
    memset(r, 0, sizeof *r);
    r->agency = r->case_no = r->subject = r->case_ref = "";
    r->route = GK_T4_REVIEW;
    r->result = GK_T4_PENDING;
}

int gk_review_case_check(const gk_review_case *r)
{
    const char *why = NULL;
    bool pending = r->result == GK_T4_PENDING;

    if ((unsigned)r->route >= GK_T4_NGROUPS)
        why = "复议/诉讼类别无效";
    else if ((unsigned)r->result >= GK_T4_TOTAL)
        why = "结果须为 维持、纠正、其他 或 尚未审结";
    else if (!r->case_no || !*r->case_no)
        why = "案号不能为空";
    else if (!gk_date_valid(r->filed))
        why = "须给出申请复议或起诉日期";
    else if (pending && gk_date_valid(r->concluded))
        why = "尚未审结的案件不能有审结日期";
    else if (!pending && !gk_date_valid(r->concluded))
        why = "已审结的案件须给出审结日期";
    else if (!pending && gk_date_cmp(r->concluded, r->filed) < 0)
        why = "审结日期早于申请复议或起诉日期";
    if (why) {
        gk_error_set(GK_ERRCLASS_INVALID, "%s", why);
        return GK_EINVALID;
    }
    return 0;
}

int gk_review_case_t4_col(const gk_review_case *r, int year)
{
    gk_date end = {year, 12, 31};

    /* UNVERIFIED (spec §1.5): the format does not define which cases count
     * in a year; this is the usual reading: concluded in the year by its
     * result, still pending at 12-31 under 尚未审结. */
    if (r->result != GK_T4_PENDING && r->concluded.y == year)
        return (int)r->result;
    if (gk_date_cmp(r->filed, end) <= 0 &&
        (r->result == GK_T4_PENDING || gk_date_cmp(r->concluded, end) > 0))
        return GK_T4_PENDING;
    return -1;
}

int gk_review_case_to_json(gk_buf *b, const gk_review_case *r)
{
    int error = gk_buf_putc(b, '{');

    if (error == 0)
        error = gk__json_i64(b, "id", r->id);
    if (error == 0)
        error = gk__json_str(b, "agency", r->agency);
    if (error == 0)
        error = gk__json_str(b, "case_no", r->case_no);
    if (error == 0)
        error = gk__json_str(b, "route", gk_review_route_key(r->route));
    if (error == 0)
        error = gk__json_date(b, "filed", r->filed);
    if (error == 0)
        error = gk__json_str(b, "result", gk_review_result_key(r->result));
    if (error == 0)
        error = gk__json_date(b, "concluded", r->concluded);
    if (error == 0)
        error = gk__json_str(b, "subject", r->subject);
    if (error == 0)
        error = gk__json_str(b, "case_ref", r->case_ref);
    if (error == 0)
        error = gk__json_end(b);
    return error;
}
