/*
 * report_int.h: core-internal helpers over the report model shared by the
 * JSON reader/writer and the validator.
 */
#ifndef GK_CORE_REPORT_INT_H
#define GK_CORE_REPORT_INT_H

#include "gk/report.h"
#include "util/util.h"

/* Visits every cell of r's layout with its report-JSON path
 * ("applications.NEW[6]", "proactive.rules.issued",
 * "review_litigation.review.total"). Stops when cb returns non-zero and
 * returns that value. */
typedef int (*gk_report__cell_cb)(const char *path, gk_cell *cell, void *payload);
int gk_report__foreach_cell(gk_report *r, gk_report__cell_cb cb, void *payload);
/* The same for the cells where want(cell, payload) is true only: the other
 * paths are not spelled (an snprintf per cell, when a rule looks at few). */
typedef bool (*gk_report__cell_want)(const gk_cell *cell, void *payload);
int gk_report__foreach_cell_if(gk_report *r, gk_report__cell_want want, gk_report__cell_cb cb,
                               void *payload);

#define GK_REPORT_SCHEMA "gongkai.report/1"
/* Counts larger than this are not plausible and would lose precision. */
#define GK_REPORT_MAX_ABS 1e15

/* "proactive" (2021) or "proactive_2019": the key of table 2. */
const char *gk_report__t2_root(const gk_report *r);

/* The cell at a report-JSON path, or NULL. */
gk_cell *gk_report__cell_at(gk_report *r, const char *path);

/* Appends v as JSON text: whole numbers without a fraction, others with up
 * to 15 significant digits (enough to round-trip printed decimals). */
int gk_report__put_number(gk_buf *b, double v) GK_WARN_UNUSED;

#endif
