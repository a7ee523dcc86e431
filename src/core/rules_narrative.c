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

#define MAX_STMTS    16
#define MAX_EVIDENCE 400 /* bytes of quoted sentence */

typedef struct {
    gk_narr_stmt st;
    const char *text; /* the text the statement is in */
} located_stmt;

/* The statements of kind in the preamble and every section, in order. */
static size_t collect(const gk_report *r, gk_narr_kind kind, located_stmt *out, size_t max)
{
    gk_narr_stmt tmp[MAX_STMTS];
    size_t n = 0, i, k, got;

    for (i = 0; i <= r->nsections && n < max; i++) {
        const char *text = i == 0 ? r->preamble : r->sections[i - 1].text;
        if (!text)
            continue;
        got = gk_narr_find(text, strlen(text), kind, tmp, MAX_STMTS);
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

static bool any_matches(const located_stmt *s, size_t n, const readings *rd)
{
    size_t i, k;

    for (i = 0; i < n; i++)
        for (k = 0; k < rd->n; k++)
            if (same(s[i].st.value, rd->v[k]))
                return true;
    return false;
}

typedef int (*narr_message_fn)(gk_buf *msg, double stated, const gk_report *r);

static int check_kind(const gk_rule_ctx *c, gk_narr_kind kind, const readings *rd, const char *cell,
                      double actual, narr_message_fn message)
{
    located_stmt s[MAX_STMTS];
    gk_buf ev = GK_BUF_INIT, msg = GK_BUF_INIT;
    size_t n;
    int error;

    if (!c->opts->narrative || rd->n == 0)
        return 0;
    n = collect(c->r, kind, s, MAX_STMTS);
    if (n == 0 || any_matches(s, n, rd))
        return 0;
    error = evidence(&ev, &s[0]);
    if (error >= 0)
        error = message(&msg, s[0].st.value, c->r);
    if (error >= 0)
        error = gk_rules__emit(c, cell, true, s[0].st.value, actual, gk_buf_cstr(&ev), "%s",
                               gk_buf_cstr(&msg));
    gk_buf_release(&ev);
    gk_buf_release(&msg);
    return error;
}

static double t3_total(const gk_report *r, int row)
{
    return gk_cell_num(&r->t3[row][GK_T3_COL_TOTAL]);
}

static int received_message(gk_buf *msg, double stated, const gk_report *r)
{
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

static int review_message(gk_buf *msg, double stated, const gk_report *r)
{
    char a[32], b[32];

    return gk_buf_printf(msg, "正文称行政复议%s件，表四行政复议总计为%s件",
                         gk_rules__num(a, stated),
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

static int litigation_message(gk_buf *msg, double stated, const gk_report *r)
{
    char a[32], b[32], d[32];

    return gk_buf_printf(
        msg, "正文称行政诉讼%s件，表四未经复议直接起诉总计%s件、复议后起诉总计%s件",
        gk_rules__num(a, stated),
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
