/*
 * carry.c: YOY.CARRY across the reports of one audit (spec §1.4 invariant 5:
 * CARRIED_IN of year N should equal CARRIED_OUT of year N-1 of the same
 * agency; a soft check, reports break it after re-organisations).
 */
#include <stdio.h>
#include <stdlib.h>
#include "audit_int.h"

static uint64_t key_hash(const char *agency, int year)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(unsigned)year; /* FNV-1a */

    for (; *agency; agency++)
        h = (h ^ (unsigned char)*agency) * 1099511628211ULL;
    return h;
}

/* The slot of (agency, year) in the index: either holding its row or empty. */
static size_t find_slot(const gk_audit__carry_table *t, const char *agency, int year)
{
    size_t mask = t->index_cap - 1, i = (size_t)key_hash(agency, year) & mask;

    while (t->index[i]) {
        const gk_audit__carry *c = &t->rows[t->index[i] - 1];
        if (c->year == year && !strcmp(c->agency, agency))
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

static int grow_index(gk_audit__carry_table *t)
{
    size_t ncap = t->index_cap ? t->index_cap * 2 : 64, i;
    uint32_t *old = t->index;
    size_t old_cap = t->index_cap;

    if (t->n >= UINT32_MAX - 1) {
        gk_error_set(GK_ERRCLASS_INVALID, "too many agency-years in one audit");
        return GK_ETOOBIG;
    }
    t->index = gk_calloc(ncap, sizeof *t->index);
    if (!t->index) {
        t->index = old;
        return gk__oom();
    }
    t->index_cap = ncap;
    for (i = 0; i < old_cap; i++)
        if (old[i]) {
            const gk_audit__carry *c = &t->rows[old[i] - 1];
            t->index[find_slot(t, c->agency, c->year)] = old[i];
        }
    gk_free(old);
    return 0;
}

int gk_audit__carry_add(gk_audit__carry_table *t, const gk_report *r, const char *path)
{
    gk_audit__carry *c;
    size_t slot;
    int col, error;

    if (!r->agency || !*r->agency || !r->year || !r->t3_present)
        return 0;
    if (2 * (t->n + 1) >= t->index_cap) {
        error = grow_index(t);
        if (error < 0)
            return error;
    }
    slot = find_slot(t, r->agency, r->year);
    if (t->index[slot]) {
        t->duplicates++;
        return 0;
    }
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 64;
        gk_audit__carry *p = gk_realloc(t->rows, ncap * sizeof *p);
        if (!p)
            return gk__oom();
        t->rows = p;
        t->cap = ncap;
    }
    c = &t->rows[t->n];
    memset(c, 0, sizeof *c);
    c->agency = gk_strdup(r->agency);
    c->path = gk_strdup(path);
    if (!c->agency || !c->path) {
        gk_free(c->agency);
        gk_free(c->path);
        return gk__oom();
    }
    c->year = r->year;
    for (col = 0; col < GK_T3_NCOLS; col++) {
        c->carried_in[col] = gk_cell_num(&r->t3[GK_T3_CARRIED_IN][col]);
        c->carried_out[col] = gk_cell_num(&r->t3[GK_T3_CARRIED_OUT][col]);
        c->has_in |= r->t3[GK_T3_CARRIED_IN][col].state != GK_CELL_ABSENT;
        c->has_out |= r->t3[GK_T3_CARRIED_OUT][col].state != GK_CELL_ABSENT;
    }
    t->n++;
    t->index[slot] = (uint32_t)t->n;
    return 0;
}

static int cmp_carry(const void *a, const void *b)
{
    const gk_audit__carry *x = a, *y = b;
    int c = strcmp(x->agency, y->agency);

    if (c)
        return c;
    return (x->year > y->year) - (x->year < y->year);
}

int gk_audit__carry_check(gk_audit__carry_table *t, gk_audit_cross_cb cb, void *payload)
{
    size_t i;
    int col;

    /* sorting invalidates the index; nothing is added after the check */
    gk_free(t->index);
    t->index = NULL;
    t->index_cap = 0;
    if (t->n > 1)
        qsort(t->rows, t->n, sizeof *t->rows, cmp_carry);
    for (i = 1; i < t->n; i++) {
        const gk_audit__carry *prev = &t->rows[i - 1], *cur = &t->rows[i];
        if (strcmp(prev->agency, cur->agency) != 0 || cur->year != prev->year + 1)
            continue;
        if (!prev->has_out || !cur->has_in)
            continue;
        for (col = 0; col < GK_T3_NCOLS; col++) {
            char cell[64], msg[512];
            gk_diag d;
            double want = prev->carried_out[col], got = cur->carried_in[col];
            if (!(want < got) && !(want > got))
                continue;
            snprintf(cell, sizeof cell, "applications.CARRIED_IN[%d]", col);
            snprintf(msg, sizeof msg, "%d年上年结转（%s）为%.0f件，而%d年报告结转下年度为%.0f件",
                     cur->year, gk_t3_col_label(col), got, prev->year, want);
            memset(&d, 0, sizeof d);
            d.rule = "YOY.CARRY";
            d.severity = GK_SEV_WARNING;
            d.cell = cell;
            d.has_values = true;
            d.expected = want;
            d.actual = got;
            d.message = msg;
            if (cb && cb(prev->path, cur->path, &d, payload))
                return GK_ERROR;
        }
    }
    return 0;
}

void gk_audit__carry_release(gk_audit__carry_table *t)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        gk_free(t->rows[i].agency);
        gk_free(t->rows[i].path);
    }
    gk_free(t->rows);
    gk_free(t->index);
    t->rows = NULL;
    t->index = NULL;
    t->n = t->cap = t->index_cap = 0;
}
