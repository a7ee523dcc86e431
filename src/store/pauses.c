/*
 * pauses.c: see pauses.h.
 */
#include <stdio.h>
#include "util/util.h"
#include "pauses.h"

int gk_store__pauses_format(gk_buf *b, const gk_case *c)
{
    char f[GK_DATE_BUFSZ], t[GK_DATE_BUFSZ];
    size_t i;
    int error = 0;

    for (i = 0; error == 0 && i < c->npauses; i++) {
        bool open = c->pause_open && i + 1 == c->npauses;
        error = gk_buf_printf(b, "%s%s/%s/%d", i ? ";" : "", gk_date_format(f, c->pauses[i].from),
                              open ? "" : gk_date_format(t, c->pauses[i].to),
                              (int)c->pauses[i].reason);
    }
    if (error == 0)
        error = gk_buf_puts(b, ""); /* makes the buffer non-NULL */
    return error;
}

/* One item "FROM/[TO]/REASON" of n bytes; false when malformed. */
static bool parse_item(gk_pause *p, const char *s, size_t n)
{
    const char *a = memchr(s, '/', n), *b;
    int64_t reason;

    if (!a || (size_t)(a - s) != 10 || gk_date_parse(&p->from, s, 10) < 0)
        return false;
    b = memchr(a + 1, '/', n - 11);
    if (!b || (b != a + 1 && b != a + 11))
        return false;
    p->to = p->from;
    if (b == a + 11 && gk_date_parse(&p->to, a + 1, 10) < 0)
        return false;
    if (gk__parse_i64(b + 1, n - (size_t)(b + 1 - s), &reason) < 0 || reason < 0 ||
        reason > GK_PAUSE_OTHER)
        return false;
    p->reason = (gk_pause_reason)reason;
    return true;
}

void gk_store__pauses_parse(gk_case *c, const char *s)
{
    c->npauses = 0;
    while (*s && c->npauses < GK_CASE_MAX_PAUSES) {
        const char *end = strchr(s, ';');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        if (parse_item(&c->pauses[c->npauses], s, n))
            c->npauses++;
        else
            gk_error_clear();
        s += n + (end ? 1 : 0);
    }
}
