/*
 * rules_narrative.c: NARR.* rules, the counts stated in the report's text
 * (report->preamble and the sections) against tables 3 and 4. The text is
 * read by narrative.c; a rule warns only when no statement of its kind
 * agrees with any accepted reading of the table, and quotes the first one.
 */
#include <math.h>
#include <stdio.h>
#include "narrative.h"
#include "rules_int.h"

#define MAX_STMTS    32
#define MAX_EVIDENCE 400 /* bytes of quoted sentence */

typedef struct {
    gk_narr_stmt st;
    const char *text; /* the text the statement is in */
} located_stmt;

/* The statements of the kinds in mask (GK_NARR_BIT) in the preamble and
 * every section, in order. */
static size_t collect(const gk_report *r, unsigned mask, located_stmt *out, size_t max)
{
    gk_narr_stmt tmp[MAX_STMTS];
    size_t n = 0, i, k, got;

    for (i = 0; i <= r->nsections && n < max; i++) {
        const char *text = i == 0 ? r->preamble : r->sections[i - 1].text;
        if (!text)
            continue;
        got = gk_narr_find_kinds(text, strlen(text), mask, tmp, MAX_STMTS);
        for (k = 0; k < got && k < MAX_STMTS && n < max; k++) {
            out[n].st = tmp[k];
            out[n].text = text;
            n++;
        }
    }
    return n;
}

/* The quoted sentence with whitespace runs folded to one space, cut at a
 * character boundary after MAX_EVIDENCE bytes. */
static int evidence(gk_buf *b, const located_stmt *s)
{
    size_t i = s->st.start, end = s->st.end;
    bool space = false;
    int error = 0;

    while (i < end && error >= 0) {
        unsigned char ch = (unsigned char)s->text[i];
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            space = true;
            i++;
            continue;
        }
        if (b->len >= MAX_EVIDENCE && (ch & 0xC0) != 0x80) {
            error = gk_buf_puts(b, "…");
            break;
        }
        if (space && b->len)
            error = gk_buf_putc(b, ' ');
        space = false;
        if (error >= 0)
            error = gk_buf_putc(b, (char)ch);
        i++;
    }
    return error;
}

static bool readable(const gk_cell *c)
{
    return c->state == GK_CELL_VALUE || c->state == GK_CELL_BLANK;
}

static bool same(double a, double b)
{
    return !(fabs(a - b) > 1e-9);
}

/* Readings of the table that a statement may mean; the rule warns when no
 * statement equals any of them. */
typedef struct {
    double v[4];
    size_t n;
} readings;

/* The first statement of kind in s[0..n), or NULL. */
static const located_stmt *first_of(const located_stmt *s, size_t n, gk_narr_kind kind)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i].st.kind == kind)
            return &s[i];
    return NULL;
}

static bool any_matches(const located_stmt *s, size_t n, gk_narr_kind kind, const readings *rd)
{
    size_t i, k;

    for (i = 0; i < n; i++)
        for (k = 0; k < rd->n && s[i].st.kind == kind; k++)
            if (same(s[i].st.value, rd->v[k]))
                return true;
    return false;
}

/* Writes the message of a finding about statement st (its kind says what
 * was stated). */
typedef int (*narr_message_fn)(gk_buf *msg, const gk_narr_stmt *st, const gk_report *r);

/* Emits a finding of c->rule on cell quoting st, with message. */
static int emit(const gk_rule_ctx *c, const located_stmt *st, const char *cell, double actual,
                narr_message_fn message)
{
    gk_buf ev = GK_BUF_INIT, msg = GK_BUF_INIT;
    int error;

    error = evidence(&ev, st);
    if (error >= 0)
        error = message(&msg, &st->st, c->r);
    if (error >= 0)
        error = gk_rules__emit(c, cell, true, st->st.value, actual, gk_buf_cstr(&ev), "%s",
                               gk_buf_cstr(&msg));
    gk_buf_release(&ev);
    gk_buf_release(&msg);
    return error;
}

/* Warns when s[0..n) has statements of kind and none of them equals a
 * reading in rd; quotes the first. */
static int warn_unless_agreed(const gk_rule_ctx *c, const located_stmt *s, size_t n,
                              gk_narr_kind kind, const readings *rd, const char *cell,
                              double actual, narr_message_fn message)
{
    const located_stmt *first = first_of(s, n, kind);

    if (!first || rd->n == 0 || any_matches(s, n, kind, rd))
        return 0;
    return emit(c, first, cell, actual, message);
}

static int check_kind(const gk_rule_ctx *c, gk_narr_kind kind, const readings *rd, const char *cell,
                      double actual, narr_message_fn message)
{
    located_stmt s[MAX_STMTS];
    size_t n;

    if (!c->opts->narrative || rd->n == 0)
        return 0;
    n = collect(c->r, GK_NARR_BIT(kind), s, MAX_STMTS);
    return warn_unless_agreed(c, s, n, kind, rd, cell, actual, message);
}

static double t3_total(const gk_report *r, int row)
{
    return gk_cell_num(&r->t3[row][GK_T3_COL_TOTAL]);
}

static int received_message(gk_buf *msg, const gk_narr_stmt *st, const gk_report *r)
{
    double stated = st->value;
    char a[32], b[32], d[32];
    double nw = t3_total(r, GK_T3_NEW), in = t3_total(r, GK_T3_CARRIED_IN);

    return gk_buf_printf(msg, "正文称收到申请%s件，表三本年新收为%s件，新收与上年结转合计为%s件",
                         gk_rules__num(a, stated), gk_rules__num(b, nw), gk_rules__num(d, nw + in));
}

/* NARR.T3_RECEIVED: 收到/受理 means 新收 in some reports and 新收 + 上年结转
 * in others (corpus README: 001, 024 vs 006, 022); both are accepted, in
 * the 总计 column (条例 第五十条第（二）项). */
int gk_rules__check_narr_t3_received(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    readings rd = {{0}, 0};

    if (!r->t3_present || !readable(&r->t3[GK_T3_NEW][GK_T3_COL_TOTAL]))
        return 0;
    rd.v[rd.n++] = t3_total(r, GK_T3_NEW);
    if (readable(&r->t3[GK_T3_CARRIED_IN][GK_T3_COL_TOTAL]))
        rd.v[rd.n++] = t3_total(r, GK_T3_NEW) + t3_total(r, GK_T3_CARRIED_IN);
    return check_kind(c, GK_NARR_RECEIVED, &rd, "applications.NEW[6]", t3_total(r, GK_T3_NEW),
                      received_message);
}

/* The readings of one table-4 group: its 总计, and the sum of its parts
 * when the printed total is itself wrong (T4.SUM reports that). */
static double t4_parts(const gk_report *r, int g)
{
    double s = 0;
    int col;

    for (col = 0; col < GK_T4_TOTAL; col++)
        s += gk_cell_num(&r->t4[g][col]);
    return s;
}

static int review_message(gk_buf *msg, const gk_narr_stmt *st, const gk_report *r)
{
    char a[32], b[32];

    return gk_buf_printf(msg, "正文称行政复议%s件，表四行政复议总计为%s件",
                         gk_rules__num(a, st->value),
                         gk_rules__num(b, gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL])));
}

/* NARR.T4_REVIEW: 行政复议 cases in the text against 表四 行政复议 总计
 * (条例 第五十条第（三）项). */
int gk_rules__check_narr_t4_review(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    readings rd = {{0}, 0};

    if (!r->t4_present || !readable(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL]))
        return 0;
    rd.v[rd.n++] = gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL]);
    rd.v[rd.n++] = t4_parts(r, GK_T4_REVIEW);
    return check_kind(c, GK_NARR_REVIEW, &rd, "review_litigation.review.total",
                      gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL]), review_message);
}

static double litigation_total(const gk_report *r)
{
    return gk_cell_num(&r->t4[GK_T4_LIT_DIRECT][GK_T4_TOTAL]) +
           gk_cell_num(&r->t4[GK_T4_LIT_AFTER_REVIEW][GK_T4_TOTAL]);
}

static int litigation_message(gk_buf *msg, const gk_narr_stmt *st, const gk_report *r)
{
    char a[32], b[32], d[32];

    return gk_buf_printf(
        msg, "正文称行政诉讼%s件，表四未经复议直接起诉总计%s件、复议后起诉总计%s件",
        gk_rules__num(a, st->value),
        gk_rules__num(b, gk_cell_num(&r->t4[GK_T4_LIT_DIRECT][GK_T4_TOTAL])),
        gk_rules__num(d, gk_cell_num(&r->t4[GK_T4_LIT_AFTER_REVIEW][GK_T4_TOTAL])));
}

/* NARR.T4_LITIGATION: 行政诉讼 cases in the text against 表四: the two
 * litigation groups together, or either one alone (条例 第五十条第（三）项). */
int gk_rules__check_narr_t4_litigation(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    readings rd = {{0}, 0};

    if (!r->t4_present || !readable(&r->t4[GK_T4_LIT_DIRECT][GK_T4_TOTAL]) ||
        !readable(&r->t4[GK_T4_LIT_AFTER_REVIEW][GK_T4_TOTAL]))
        return 0;
    rd.v[rd.n++] = litigation_total(r);
    rd.v[rd.n++] = gk_cell_num(&r->t4[GK_T4_LIT_DIRECT][GK_T4_TOTAL]);
    rd.v[rd.n++] = gk_cell_num(&r->t4[GK_T4_LIT_AFTER_REVIEW][GK_T4_TOTAL]);
    rd.v[rd.n++] = t4_parts(r, GK_T4_LIT_DIRECT) + t4_parts(r, GK_T4_LIT_AFTER_REVIEW);
    return check_kind(c, GK_NARR_LITIGATION, &rd, "review_litigation.litigation_direct.total",
                      litigation_total(r), litigation_message);
}

/* The result groups of table 3 (国办公开办函〔2021〕30号 表三 三、本年度办理
 * 结果 (一) to (六)): the rows each narrative kind counts. */
static const struct {
    gk_narr_kind kind;
    int first, last; /* rows of table 3, inclusive */
    const char *name;
    const char *label;
} result_groups[] = {
    {GK_NARR_R_GRANT, GK_T3_R_GRANT, GK_T3_R_GRANT, "予以公开", "（一）予以公开"},
    {GK_NARR_R_PARTIAL, GK_T3_R_PARTIAL, GK_T3_R_PARTIAL, "部分公开", "（二）部分公开"},
    {GK_NARR_R_DENY, GK_T3_R_DENY_SECRET, GK_T3_R_DENY_QUERY, "不予公开", "（三）不予公开"},
    {GK_NARR_R_UNABLE, GK_T3_R_NA_NOTHELD, GK_T3_R_NA_UNCLEAR, "无法提供", "（四）无法提供"},
    {GK_NARR_R_NOPROC, GK_T3_R_NP_PETITION, GK_T3_R_NP_CONFIRM, "不予处理", "（五）不予处理"},
    {GK_NARR_R_OTHER, GK_T3_R_OT_NOCORRECT, GK_T3_R_OT_OTHER, "其他处理", "（六）其他处理"},
};

/* Row sums of rows first..last of table 3 over columns c0..c1; false when
 * a cell is not usable (reported by STRUCT.* or CELL.UNREADABLE). */
static bool t3_rows_sum(const gk_report *r, int first, int last, int c0, int c1, double *sum)
{
    int row, col;

    *sum = 0;
    for (row = first; row <= last; row++)
        for (col = c0; col <= c1; col++) {
            if (!gk_rules__t3_usable(r, row, col))
                return false;
            *sum += gk_cell_num(&r->t3[row][col]);
        }
    return true;
}

/* The readings of rows first..last: the total column, and the sum of the
 * six applicant columns when it differs (T3.ROW_TOTAL reports that). */
static readings t3_readings(const gk_report *r, int first, int last)
{
    readings rd = {{0}, 0};
    double v;

    if (t3_rows_sum(r, first, last, GK_T3_COL_TOTAL, GK_T3_COL_TOTAL, &v))
        rd.v[rd.n++] = v;
    if (t3_rows_sum(r, first, last, 0, GK_T3_COL_TOTAL - 1, &v))
        rd.v[rd.n++] = v;
    return rd;
}

static size_t group_of(gk_narr_kind kind)
{
    size_t g;

    for (g = 0; g + 1 < GK_ARRAY_LEN(result_groups) && result_groups[g].kind != kind; g++)
        ;
    return g;
}

static int result_message(gk_buf *msg, const gk_narr_stmt *st, const gk_report *r)
{
    char a[32], b[32];
    size_t g = group_of(st->kind);
    readings rd = t3_readings(r, result_groups[g].first, result_groups[g].last);

    return gk_buf_printf(msg, "正文称%s%s件，表三%s合计为%s件", result_groups[g].name,
                         gk_rules__num(a, st->value), result_groups[g].label,
                         gk_rules__num(b, rd.v[0]));
}

/* NARR.T3_RESULT: each result category the text counts in a breakdown
 * (予以公开1件，不予公开2件…; narrative.h) against the sum of its rows of
 * table 3, total column (条例 第五十条第（二）项: 收到和处理政府信息公开申请
 * 情况). One finding per category that disagrees. */
int gk_rules__check_narr_t3_result(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    located_stmt s[MAX_STMTS];
    char cell[64];
    size_t n, g;
    int error = 0;

    if (!c->opts->narrative || !r->t3_present)
        return 0;
    n = collect(r, GK_NARR_RESULTS, s, MAX_STMTS);
    for (g = 0; g < GK_ARRAY_LEN(result_groups) && n > 0 && error >= 0; g++) {
        readings rd = t3_readings(r, result_groups[g].first, result_groups[g].last);
        snprintf(cell, sizeof cell, "applications.%s[%d]", gk_t3_row_key(result_groups[g].first),
                 GK_T3_COL_TOTAL);
        error = warn_unless_agreed(c, s, n, result_groups[g].kind, &rd, cell, rd.n ? rd.v[0] : 0,
                                   result_message);
    }
    return error;
}

/* The readings of 四、结转下年度继续办理: its total cell when it holds a
 * number, and the sum of the applicant columns. A blank total is not read
 * as a stated 0 here: 023 prints no 总计 beside a 1 (corpus README). */
static readings carried_readings(const gk_report *r)
{
    readings rd = {{0}, 0};
    double v;

    if (r->t3[GK_T3_CARRIED_OUT][GK_T3_COL_TOTAL].state == GK_CELL_VALUE)
        rd.v[rd.n++] = t3_total(r, GK_T3_CARRIED_OUT);
    if (t3_rows_sum(r, GK_T3_CARRIED_OUT, GK_T3_CARRIED_OUT, 0, GK_T3_COL_TOTAL - 1, &v))
        rd.v[rd.n++] = v;
    return rd;
}

static int carried_message(gk_buf *msg, const gk_narr_stmt *st, const gk_report *r)
{
    char a[32], b[32];
    readings rd = carried_readings(r);

    if (st->kind == GK_NARR_ALL_DONE)
        return gk_buf_printf(msg, "正文称申请均已办结，表三“四、结转下年度继续办理”为%s件",
                             gk_rules__num(b, rd.v[0]));
    return gk_buf_printf(msg, "正文称结转下年度%s件，表三“四、结转下年度继续办理”为%s件",
                         gk_rules__num(a, st->value), gk_rules__num(b, rd.v[0]));
}

/* NARR.T3_CARRIED: a stated count carried over to next year against 表三
 * 四、结转下年度继续办理; failing that, a claim that all applications were
 * concluded (所有申请均已办结) while the table carries some over (条例
 * 第五十条第（二）项; 国办公开办函〔2021〕30号 表三). */
int gk_rules__check_narr_t3_carried(const gk_rule_ctx *c)
{
    const gk_report *r = c->r;
    readings rd;
    located_stmt s[MAX_STMTS];
    const located_stmt *claim;
    const char *cell = "applications.CARRIED_OUT[6]";
    size_t n, k;

    if (!c->opts->narrative || !r->t3_present)
        return 0;
    rd = carried_readings(r);
    if (rd.n == 0)
        return 0;
    n = collect(r, GK_NARR_BIT(GK_NARR_CARRIED) | GK_NARR_BIT(GK_NARR_ALL_DONE), s, MAX_STMTS);
    if (first_of(s, n, GK_NARR_CARRIED) && !any_matches(s, n, GK_NARR_CARRIED, &rd))
        return emit(c, first_of(s, n, GK_NARR_CARRIED), cell, rd.v[0], carried_message);
    claim = first_of(s, n, GK_NARR_ALL_DONE);
    for (k = 0; k < rd.n && claim; k++)
        if (same(rd.v[k], 0))
            claim = NULL;
    return claim ? emit(c, claim, cell, rd.v[0], carried_message) : 0;
}
