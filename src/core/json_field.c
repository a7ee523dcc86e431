/*
 * json_field.c: see json_field.h.
 */
#include <stdio.h>
#include "util/util.h"
#include "json_field.h"

int gk__json_str(gk_buf *b, const char *key, const char *v)
{
    int error = gk_buf_printf(b, "\"%s\":", key);

    if (error == 0)
        error = gk_buf_put_json_string(b, v ? v : "", v ? strlen(v) : 0);
    return error ? error : gk_buf_putc(b, ',');
}

int gk__json_date(gk_buf *b, const char *key, gk_date d)
{
    char s[GK_DATE_BUFSZ];

    if (!gk_date_valid(d))
        return gk_buf_printf(b, "\"%s\":null,", key);
    return gk_buf_printf(b, "\"%s\":\"%s\",", key, gk_date_format(s, d));
}

int gk__json_i64(gk_buf *b, const char *key, int64_t v)
{
    return gk_buf_printf(b, "\"%s\":%lld,", key, (long long)v);
}

int gk__json_end(gk_buf *b)
{
    if (b->len > 0 && b->ptr[b->len - 1] == ',')
        b->len--;
    return gk_buf_putc(b, '}');
}
