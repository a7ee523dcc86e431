/*
 * office_util.h: helpers of the XLSX/DOCX unit tests: load a fixture
 * report, render it, read one entry of the resulting ZIP with libzip, and
 * compare an extracted part with its golden file.
 */
#ifndef GK_TEST_OFFICE_UTIL_H
#define GK_TEST_OFFICE_UTIL_H

#include <stdbool.h>
#include "gk/buf.h"
#include "gk/render.h"
#include "gk/report.h"

/* Reads tests/resources/<name> as report JSON; NULL (and a message) on error. */
gk_report *office_load(const char *name);
/* Renders r as f into out (released first); returns gk_render's result. */
int office_render(gk_buf *out, const gk_report *r, gk_render_format f);
/* The bytes of entry `entry` of the ZIP in zip[0..len), NUL-terminated;
 * caller frees with gk_free. NULL when missing or unreadable. */
char *office_unzip(const char *zip, size_t len, const char *entry, size_t *len_out);
/* Number of non-overlapping occurrences of needle in hay. */
size_t office_count(const char *hay, const char *needle);
/* Compares data with tests/golden/office/<name>; with GK_UPDATE_GOLDEN=1
 * in the environment, (re)writes the golden file instead. Returns true on
 * a match (or update); on a mismatch prints the first differing offset. */
bool office_golden(const char *name, const char *data, size_t len);

#endif
