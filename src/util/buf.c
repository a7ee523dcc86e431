/*
 * buf.c: capped growable buffer (curl dynbuf). Every append checks the cap
 * so hostile input cannot grow a buffer without bound.
 */
#include <stdarg.h>
#include <stdio.h>
#include "util.h"

void gk_buf_init(gk_buf *b, size_t max)
{
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : GK_BUF_DEFAULT_MAX;
}

void gk_buf_release(gk_buf *b)
{
    if (!b)
        return;
    gk_free(b->ptr);
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
}

void gk_buf_clear(gk_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

int gk_buf_grow(gk_buf *b, size_t n)
{
    size_t need, ncap;
    char *p;

    if (n > b->max || b->len > b->max - n) {
        gk_error_set(GK_ERRCLASS_INVALID, "buffer would exceed its cap of %zu bytes", b->max);
        return GK_ETOOBIG;
    }
    need = b->len + n + 1;
    if (need <= b->cap)
        return 0;
    ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    p = gk_realloc(b->ptr, ncap);
    if (!p)
        return gk__oom();
    b->ptr = p;
    b->cap = ncap;
    return 0;
}

int gk_buf_put(gk_buf *b, const void *data, size_t n)
{
    int error = gk_buf_grow(b, n);

    if (error < 0)
        return error;
    if (n)
        memcpy(b->ptr + b->len, data, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return 0;
}

int gk_buf_puts(gk_buf *b, const char *s)
{
    return gk_buf_put(b, s, strlen(s));
}

int gk_buf_putc(gk_buf *b, char c)
{
    return gk_buf_put(b, &c, 1);
}

int gk_buf_vprintf(gk_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    int n, error;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "bad format string");
        return GK_EINVALID;
    }
    error = gk_buf_grow(b, (size_t)n);
    if (error < 0)
        return error;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int gk_buf_printf(gk_buf *b, const char *fmt, ...)
{
    va_list ap;
    int error;

    va_start(ap, fmt);
    error = gk_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return error;
}

char *gk_buf_take(gk_buf *b, size_t *len_out)
{
    char *p = b->ptr;

    if (len_out)
        *len_out = b->len;
    if (!p)
        p = gk_strndup("", 0);
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}

const char *gk_buf_cstr(const gk_buf *b)
{
    return b->ptr ? b->ptr : "";
}
