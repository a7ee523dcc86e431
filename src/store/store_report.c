/*
 * store_report.c: the annual report built from the registers (issue 4
 * item 7): table 2 from the catalogue and the entered figures, table 3
 * from the cases (the backend counts), table 4 from the review and
 * litigation cases; a locked year returns the report as published.
 */
#include <stdio.h>
#include "util/util.h"
#include "store_int.h"

typedef struct {
    const char *code;
    gk_report *r;
} name_ctx;

/* The report names the agency by its name (the code when it has none). */
static int agency_name(const gk_agency *a, void *payload)
{
    name_ctx *n = payload;

    if (strcmp(a->code, n->code) != 0)
        return 0;
    n->r->agency = gk_report_strdup(n->r, a->name, strlen(a->name));
    return n->r->agency ? 1 : gk__oom();
}

static void fill_t3(gk_report *r, gk_t3_counts counts)
{
    int row, col;

    r->t3_present = true;
    /* R_TOTAL and the 总计 column are derived here, from the leaves, as the
     * format defines them (spec §1.4 invariants 2 and 3). */
    for (row = 0; row < GK_T3_NROWS; row++) {
        int64_t sum = 0;
        for (col = 0; col < GK_APPLICANT_NTYPES; col++) {
            int64_t v = counts[row][col];
            if (row == GK_T3_R_TOTAL) {
                int leaf;
                v = 0;
                for (leaf = GK_T3_FIRST_RESULT; leaf <= GK_T3_LAST_RESULT; leaf++)
                    v += counts[leaf][col];
            }
            gk_cell_set(&r->t3[row][col], (double)v);
            sum += v;
        }
        gk_cell_set(&r->t3[row][GK_T3_COL_TOTAL], (double)sum);
    }
}

/* ------------------------------------------------------------- table 2 */

/* Counts of the 第二十条第（一）项 rows: [RULE/NORMATIVE][issued, repealed, in force]. */
typedef struct {
    int year;
    int64_t n[2][3];
} t2_ctx;

static int count_t2(const gk_catalogue_item *it, void *payload)
{
    t2_ctx *t = payload;
    gk_date end = {t->year, 12, 31};
    gk_date made = gk_date_valid(it->written) ? it->written : it->published;
    gk_date from = gk_date_valid(it->effective_from) ? it->effective_from : made;
    int k;

    if (it->doc_kind != GK_DOC_RULE && it->doc_kind != GK_DOC_NORMATIVE)
        return 0;
    k = it->doc_kind == GK_DOC_RULE ? 0 : 1;
    /* spec §1.3 (UNVERIFIED reading): 本年制发 = made (成文日期, else 发布日期)
     * in the year; 本年废止 = 废止 in the year; 现行有效 = made and in effect by
     * 12-31 and not expired or repealed by then. */
    if (gk_date_valid(made) && made.y == t->year)
        t->n[k][0]++;
    if (it->validity == GK_VALIDITY_REPEALED && it->invalid_from.y == t->year)
        t->n[k][1]++;
    if (gk_date_valid(from) && gk_date_cmp(from, end) <= 0 &&
        (it->validity == GK_VALIDITY_VALID || gk_date_cmp(it->invalid_from, end) > 0))
        t->n[k][2]++;
    return 0;
}

static int fill_t2(gk_report *r, gk_store *st, int year, const char *agency, bool *found)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    gk_year_figures f;
    t2_ctx t;
    size_t n, i;
    int error;

    memset(&t, 0, sizeof t);
    t.year = year;
    q.agency = agency;
    error = st->be->item_foreach(st, &q, count_t2, &t);
    if (error == 0)
        error = gk_store_figures_get(st, agency, year, &f, found);
    if (error < 0)
        return error;
    {
        /* In gk_t2_layout(2021) order (spec §1.3): 规章 ×3, 行政规范性文件 ×3,
         * 行政许可, 行政处罚, 行政强制, 收费 (元 → 万元). */
        const double v[] = {(double)t.n[0][0], (double)t.n[0][1], (double)t.n[0][2],
                            (double)t.n[1][0], (double)t.n[1][1], (double)t.n[1][2],
                            (double)f.licensing, (double)f.penalty, (double)f.enforcement,
                            (double)f.fee_yuan / 10000.0};
        (void)gk_t2_layout(GK_FORMAT_2021, &n);
        if (n != GK_ARRAY_LEN(v))
            GK_BUG("table 2 layout has %zu cells", n);
        for (i = 0; i < n; i++)
            gk_cell_set(&r->t2[i], v[i]);
    }
    r->t2_present = true;
    return 0;
}

/* ------------------------------------------------------------- table 4 */

typedef struct {
    int year;
    int64_t n[GK_T4_NGROUPS][GK_T4_NCOLS];
} t4_ctx;

static int count_t4(const gk_review_case *c, void *payload)
{
    t4_ctx *t = payload;
    int col = gk_review_case_t4_col(c, t->year);

    if (col >= 0) {
        t->n[c->route][col]++;
        t->n[c->route][GK_T4_TOTAL]++;
    }
    return 0;
}

static int fill_t4(gk_report *r, gk_store *st, int year, const char *agency)
{
    t4_ctx t;
    int g, c, error;

    memset(&t, 0, sizeof t);
    t.year = year;
    error = st->be->review_foreach(st, agency, 0, count_t4, &t);
    if (error < 0)
        return error;
    for (g = 0; g < GK_T4_NGROUPS; g++)
        for (c = 0; c < GK_T4_NCOLS; c++)
            gk_cell_set(&r->t4[g][c], (double)t.n[g][c]);
    r->t4_present = true;
    return 0;
}

/* ---------------------------------------------------------------- build */

static int locked_report(gk_report **out, gk_store *st, int year, const char *agency, bool *hit)
{
    gk_buf js = GK_BUF_INIT;
    bool found = false;
    int error;

    *hit = false;
    error = st->be->lock_get(st, agency ? agency : "", year, &js, &found);
    if (error == 0 && found) {
        *hit = true;
        error = gk_report_from_json(out, js.ptr ? js.ptr : "", js.len);
    }
    gk_buf_release(&js);
    return error;
}

int gk_store_report_build_full(gk_report **out, gk_store *st, int year, const char *agency,
                               bool *figures_found)
{
    gk_t3_counts counts;
    gk_report *r = NULL;
    bool hit = false, found = false;
    int error;

    GK_ASSERT_ARG(out && st);
    *out = NULL;
    if (figures_found)
        *figures_found = false;
    if (year < 2008 || year > 9999) {
        gk_error_set(GK_ERRCLASS_STORE, "年度 %d 无效", year);
        return GK_EINVALID;
    }
    agency = agency && *agency ? agency : NULL;
    error = locked_report(out, st, year, agency, &hit);
    if (error < 0 || hit) {
        if (figures_found)
            *figures_found = hit;
        return error;
    }
    memset(counts, 0, sizeof counts);
    error = st->be->t3_counts(st, year, agency, counts);
    /* The result rows through the decision map (spec §1.4, store_split.c). */
    if (error == 0)
        error = gk_store__t3_by_decision(st, year, agency, counts);
    if (error == 0)
        error = gk_report_new(&r);
    if (error < 0)
        goto done;
    r->format = GK_FORMAT_2021;
    r->year = year;
    r->agency = "";
    if (agency) {
        name_ctx n = {agency, r};
        error = st->be->agency_foreach(st, agency_name, &n);
        if (error < 0)
            goto done;
    }
    fill_t3(r, counts);
    error = fill_t2(r, st, year, agency, &found);
    if (error == 0)
        error = fill_t4(r, st, year, agency);
    if (error < 0)
        goto done;
    if (figures_found)
        *figures_found = found;
    *out = r;
    r = NULL;
    error = 0;
done:
    gk_report_free(r);
    return error;
}

int gk_store_report_build(gk_report **out, gk_store *st, int year, const char *agency)
{
    return gk_store_report_build_full(out, st, year, agency, NULL);
}
