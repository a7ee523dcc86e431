/* Unit tests of util/keytab.h: rows found by a string member, members read
 * by index, out-of-range indexes and NULL members. */
#include "test.h"
#include "util/keytab.h"

static const struct {
    int n;
    const char *key;
    const char *label; /* NULL in one row */
} rows[] = {
    {1, "ALPHA", "甲"},
    {2, "BETA", NULL},
    {3, "GAMMA", "丙"},
};

static const char *const names[] = {"one", "two", "three"};

GK_TEST(util_keytab, get_in_and_out_of_range)
{
    GK_T_STR_EQ(gk_keytab_get(rows, 3, key, 0), "ALPHA");
    GK_T_STR_EQ(gk_keytab_get(rows, 3, label, 2), "丙");
    GK_T_OK(gk_keytab_get(rows, 3, label, 1) == NULL);
    GK_T_OK(gk_keytab_get(rows, 3, key, -1) == NULL);
    GK_T_OK(gk_keytab_get(rows, 3, key, 3) == NULL);
    GK_T_STR_EQ(gk_strtab_get(names, 3, 1), "two");
    GK_T_OK(gk_strtab_get(names, 3, 3) == NULL);
}

GK_TEST(util_keytab, find_whole_strings_only)
{
    GK_T_INT_EQ(gk_keytab_find(rows, 3, key, "BETA", 4), 1);
    GK_T_INT_EQ(gk_keytab_find(rows, 3, key, "BETAX", 4), 1); /* the first len bytes */
    GK_T_INT_EQ(gk_keytab_find(rows, 3, key, "BET", 3), -1);
    GK_T_INT_EQ(gk_keytab_find(rows, 3, label, "丙", strlen("丙")), 2);
    GK_T_INT_EQ(gk_keytab_find(rows, 3, label, "", 0), -1); /* NULL never matches */
    GK_T_INT_EQ(gk_keytab_find(rows, 2, key, "GAMMA", 5), -1); /* only n rows */
    GK_T_INT_EQ(gk_strtab_find(names, 3, "three", 5), 2);
    GK_T_INT_EQ(gk_strtab_find(names, 3, "four", 4), -1);
}
