/*
 * item_fixture.h: catalogue items for the console tests (publish.c,
 * supervise.c), added straight through the store of an rf_env.
 */
#ifndef GK_ITEM_FIXTURE_H
#define GK_ITEM_FIXTURE_H
#include "reg_fixture.h"

/* Adds an item of agency (summary "概述") formed on `formed` and, when
 * published is not NULL, published then (dates YYYY-MM-DD). Returns its
 * id, 0 on failure. */
int64_t if_item(rf_env *e, const char *agency, const char *title, const char *formed,
                const char *published);
#endif
