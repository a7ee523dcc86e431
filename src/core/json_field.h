/*
 * json_field.h: writers of one "key":value member of a flat JSON object,
 * each followed by ',' (the caller closes the object with gk__json_end),
 * for the deterministic audit images of cases, catalogue items and
 * review cases. Strings are escaped (", \, control characters).
 */
#ifndef GK_CORE_JSON_FIELD_H
#define GK_CORE_JSON_FIELD_H

#include "gk/buf.h"
#include "gk/calendar.h"

int gk__json_str(gk_buf *b, const char *key, const char *v) GK_WARN_UNUSED;
/* null for an invalid (unset) date. */
int gk__json_date(gk_buf *b, const char *key, gk_date d) GK_WARN_UNUSED;
int gk__json_i64(gk_buf *b, const char *key, int64_t v) GK_WARN_UNUSED;
/* Replaces the trailing ',' (if any) with '}'. */
int gk__json_end(gk_buf *b) GK_WARN_UNUSED;

#endif
