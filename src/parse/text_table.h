/*
 * text_table.h: ruled tables drawn in text (+---+ | and box characters),
 * read back into grid rows with their spans (text_table.c).
 */
#ifndef GK_PARSE_TEXT_TABLE_H
#define GK_PARSE_TEXT_TABLE_H

#include "parse/parse_int.h"

/* Whether some line of s is a table's top border ("+----+", "┌──┬──┐")
 * followed by a line that starts with a vertical rule at the same place. */
bool gk_parse__has_ruled_table(const char *s, size_t len);

/* Reads the ruled table whose top border is the line at s (s[0..len) is
 * the rest of the input; lineno is that line's number). On a table,
 * appends one bounded grid row per table row (a new table number, cells
 * with their colspan and rowspan, texts of wrapped lines joined), sets
 * *used to the bytes and *nlines to the lines it took, and returns 1.
 * Returns 0 (nothing appended) when no ruled table starts there or it is
 * over the caps: then *used and *nlines cover the lines that only looked
 * like a table (0 when the line is not a border), which the caller reads
 * as plain lines without looking for a table in them again. Returns a
 * negative gk_error_code on error. */
int gk_parse__ruled_table(gk_grid *g, const char *s, size_t len, uint32_t lineno, size_t *used,
                          uint32_t *nlines) GK_WARN_UNUSED;

#endif
