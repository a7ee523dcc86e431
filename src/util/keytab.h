/*
 * keytab.h: looking up the rows of a static table by a string member (a
 * key, a label, a template name) and reading a member of row i when i is
 * in range: the code behind every gk_<thing>_key/_label/_from_key pair of
 * the enum tables (case.c, report.c, review.c, render/notice_kinds.c).
 *
 * A table is any array of rows; the macros take the array and the name of
 * its `const char *` member, so a row type needs nothing special:
 *
 *   gk_keytab_get(states, GK_CASE_NSTATES, label, s)   -> states[s].label or NULL
 *   gk_keytab_find(states, GK_CASE_NSTATES, key, s, n) -> index or -1
 *
 * An array of strings (const char *const names[]) is the table whose
 * member is the row itself: gk_strtab_get / gk_strtab_find.
 */
#ifndef GK_UTIL_KEYTAB_H
#define GK_UTIL_KEYTAB_H

#include "util.h"

/* Row i's string at byte `offset` of rows of `size` bytes, or NULL when i
 * is outside [0, n). */
const char *gk__keytab_get(const void *table, size_t n, size_t size, size_t offset, int i);

/* The first row in [0, n) whose string at `offset` equals s[0..len)
 * (NULL strings never match), or -1. */
int gk__keytab_find(const void *table, size_t n, size_t size, size_t offset, const char *s,
                    size_t len);

#define GK_KEYTAB_OFFSET_(arr, member)                                                             \
    ((size_t)((const char *)&(arr)[0].member - (const char *)&(arr)[0]))

#define gk_keytab_get(arr, n, member, i)                                                           \
    gk__keytab_get((arr), (size_t)(n), sizeof((arr)[0]), GK_KEYTAB_OFFSET_(arr, member), (i))
#define gk_keytab_find(arr, n, member, s, len)                                                     \
    gk__keytab_find((arr), (size_t)(n), sizeof((arr)[0]), GK_KEYTAB_OFFSET_(arr, member), (s),     \
                    (len))
#define gk_strtab_get(arr, n, i) gk__keytab_get((arr), (size_t)(n), sizeof((arr)[0]), 0, (i))
#define gk_strtab_find(arr, n, s, len)                                                             \
    gk__keytab_find((arr), (size_t)(n), sizeof((arr)[0]), 0, (s), (len))

#endif
