/*
 * buf.h: a growable byte buffer with a mandatory size cap (curl dynbuf,
 * cmark strbuf). Always NUL-terminated after a successful append.
 */
#ifndef GK_BUF_H
#define GK_BUF_H

#include <stdarg.h>
#include "common.h"

GK_BEGIN_DECL

typedef struct {
    char *ptr;  /* NULL until the first append */
    size_t len;
    size_t cap; /* allocated bytes */
    size_t max; /* appends past this many bytes fail with GK_ETOOBIG */
} gk_buf;

#define GK_BUF_DEFAULT_MAX ((size_t)256 * 1024 * 1024)
#define GK_BUF_INIT        {NULL, 0, 0, GK_BUF_DEFAULT_MAX}

GK_EXTERN(void) gk_buf_init(gk_buf *b, size_t max);
/* Frees the bytes and resets to empty (keeps max). NULL-safe. */
GK_EXTERN(void) gk_buf_release(gk_buf *b);
/* Empties without freeing. */
GK_EXTERN(void) gk_buf_clear(gk_buf *b);
GK_EXTERN(int) gk_buf_put(gk_buf *b, const void *data, size_t n) GK_WARN_UNUSED;
GK_EXTERN(int) gk_buf_puts(gk_buf *b, const char *s) GK_WARN_UNUSED;
GK_EXTERN(int) gk_buf_putc(gk_buf *b, char c) GK_WARN_UNUSED;
GK_EXTERN(int) gk_buf_printf(gk_buf *b, const char *fmt, ...) GK_PRINTF(2, 3) GK_WARN_UNUSED;
GK_EXTERN(int) gk_buf_vprintf(gk_buf *b, const char *fmt, va_list ap) GK_WARN_UNUSED;
/* Ensures room for n more bytes. */
GK_EXTERN(int) gk_buf_grow(gk_buf *b, size_t n) GK_WARN_UNUSED;
/* Appends s[0..n) as a JSON string literal: quotes, backslashes and control
 * characters escaped (\n \r \t short forms, others \u00XX), UTF-8 passed
 * through, and an invalid UTF-8 byte written as \ufffd so the output is
 * always valid JSON. The one JSON string writer of gongkai. */
GK_EXTERN(int) gk_buf_put_json_string(gk_buf *b, const char *s, size_t n) GK_WARN_UNUSED;
/* Hands the bytes to the caller (caller frees with gk_free) and empties b.
 * Returns an allocated "" for an empty buffer; NULL only on ENOMEM. */
GK_EXTERN(char *) gk_buf_take(gk_buf *b, size_t *len_out);
/* Returns a NUL-terminated view ("" when empty); borrowed. */
GK_EXTERN(const char *) gk_buf_cstr(const gk_buf *b);

GK_END_DECL

#endif
