/*
 * audit_int.h: what the audit files share: the cross-report carry table.
 */
#ifndef GK_AUDIT_INT_H
#define GK_AUDIT_INT_H

#include "gk/audit.h"
#include "util/util.h"

/* One report's carry figures, kept for YOY.CARRY across the set. */
typedef struct {
    char *agency;
    char *path;
    int year;
    double carried_in[GK_T3_NCOLS];
    double carried_out[GK_T3_NCOLS];
    bool has_in, has_out;
} gk_audit__carry;

/* One row per (agency, year): memory grows with the distinct agency-years
 * in the set, which the cross-report check needs, not with the number of
 * files (a folder of copies or of many years of the same offices stays
 * small). `index` is an open-addressing hash of row numbers + 1. */
typedef struct {
    gk_audit__carry *rows;
    size_t n, cap;
    uint32_t *index;
    size_t index_cap; /* a power of two, > 2 * n */
    size_t duplicates; /* files whose agency-year was already recorded */
} gk_audit__carry_table;

/* Records r's carry row (no-op when r has no agency, year or table 3; the
 * first file of an agency-year wins, later ones only count as duplicates). */
int gk_audit__carry_add(gk_audit__carry_table *t, const gk_report *r, const char *path)
    GK_WARN_UNUSED;
/* Compares consecutive years of each agency and reports each differing
 * column through cb (YOY.CARRY, warning). */
int gk_audit__carry_check(gk_audit__carry_table *t, gk_audit_cross_cb cb, void *payload);
void gk_audit__carry_release(gk_audit__carry_table *t);

#endif
