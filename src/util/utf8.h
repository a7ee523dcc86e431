/*
 * utf8.h: UTF-8 validation, decoding and terminal display width.
 */
#ifndef GK_UTIL_UTF8_H
#define GK_UTIL_UTF8_H

#include "util.h"

/* Returns the byte offset of the first invalid sequence, or len if s is
 * valid UTF-8 (no overlongs, no surrogates, max U+10FFFF). */
size_t gk_utf8_invalid_at(const char *s, size_t len);

/* Decodes one code point at s[*i], advancing *i; returns -1 on an invalid
 * sequence (and advances one byte). */
int32_t gk_utf8_next(const char *s, size_t len, size_t *i);

/* Appends code point cp encoded as UTF-8. */
int gk_utf8_put(gk_buf *b, int32_t cp) GK_WARN_UNUSED;

/* Display columns of a code point in a terminal: 2 for East Asian wide and
 * full-width characters, 0 for combining marks, else 1. */
int gk_utf8_cp_width(int32_t cp);
/* Sum of gk_utf8_cp_width over s[0..len). */
size_t gk_utf8_width(const char *s, size_t len);

#endif
