/*
 * errors.c: the thread-local last error (libgit2 git_error_last).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "util.h"

#define MSG_MAX 1024

static _Thread_local char msg_buf[MSG_MAX];
static _Thread_local gk_error last = {GK_ERRCLASS_NONE, ""};

const gk_error *gk_error_last(void)
{
    last.message = msg_buf;
    return &last;
}

void gk_error_clear(void)
{
    msg_buf[0] = '\0';
    last.klass = GK_ERRCLASS_NONE;
}

void gk_error_set(int klass, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg_buf, sizeof msg_buf, fmt, ap);
    va_end(ap);
    last.klass = klass;
}

void gk_error_prefix(const char *fmt, ...)
{
    char prefix[512];
    char old[MSG_MAX];
    va_list ap;
    gk_buf b;

    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);

    memcpy(old, msg_buf, sizeof old);
    /* assemble then truncate: the message cap is deliberate */
    gk_buf_init(&b, 0);
    if (gk_buf_printf(&b, "%s: %s", prefix, old) == 0) {
        size_t n = b.len < MSG_MAX - 1 ? b.len : MSG_MAX - 1;
        memcpy(msg_buf, b.ptr, n);
        msg_buf[n] = '\0';
    }
    gk_buf_release(&b);
}

int gk__oom(void)
{
    gk_error_set(GK_ERRCLASS_NOMEMORY, "out of memory");
    return GK_ENOMEM;
}

void gk__bug(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "BUG: %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

int gk__parse_i64(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    int neg = 0;
    uint64_t v = 0;

    if (n && s[0] == '-') {
        neg = 1;
        i = 1;
    }
    if (i >= n)
        return GK_EINVALID;
    for (; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9)
            return GK_EINVALID;
        if (v > (UINT64_C(9223372036854775807) - d) / 10)
            return GK_EINVALID;
        v = v * 10 + d;
    }
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 0;
}
