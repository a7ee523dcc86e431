/*
 * diag.c: lists of validation findings (conventions C3: findings are data)
 * and their findings JSON ("gongkai.findings/1", report-json.md §2).
 *
 * A list owns an arena for every string of its findings and a growable
 * array of gk_diag; gk_diag_list_free drops both at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include "diag_int.h"
#include "report_int.h"
#include "util/arena.h"

#define FINDINGS_SCHEMA "gongkai.findings/1"

struct gk_diag_list {
    gk_diag *items;
    size_t n, cap;
    gk_arena arena;
};

static const char *const severity_names[] = {"info", "warning", "error"};

const char *gk_severity_name(gk_severity s)
{
    return (unsigned)s < GK_ARRAY_LEN(severity_names) ? severity_names[s] : "error";
}

int gk_diag_list_new(gk_diag_list **out)
{
    gk_diag_list *l;

    GK_ASSERT_ARG(out);
    *out = NULL;
    l = gk_calloc(1, sizeof *l);
    if (!l)
        return gk__oom();
    *out = l;
    return 0;
}

void gk_diag_list_free(gk_diag_list *l)
{
    if (!l)
        return;
    gk_free(l->items);
    gk_arena_release(&l->arena);
    gk_free(l);
}

size_t gk_diag_list_count(const gk_diag_list *l)
{
    return l ? l->n : 0;
}

const gk_diag *gk_diag_list_get(const gk_diag_list *l, size_t i)
{
    return l && i < l->n ? &l->items[i] : NULL;
}

size_t gk_diag_list_count_severity(const gk_diag_list *l, gk_severity s)
{
    size_t i, n = 0;

    for (i = 0; l && i < l->n; i++)
        n += l->items[i].severity == s;
    return n;
}

size_t gk_diag_list_count_rule(const gk_diag_list *l, const char *rule)
{
    size_t i, n = 0;

    for (i = 0; l && rule && i < l->n; i++)
        n += !strcmp(l->items[i].rule, rule);
    return n;
}

/* Copies s into the list's arena; NULL stays NULL. Returns -1 on ENOMEM. */
static int dup_opt(gk_diag_list *l, const char **dst, const char *s)
{
    if (!s) {
        *dst = NULL;
        return 0;
    }
    *dst = gk_arena_strndup(&l->arena, s, strlen(s));
    return *dst ? 0 : -1;
}

/* The message of a finding, formatted once into the list's arena: through
 * a stack buffer when it fits (almost always), else through a gk_buf. */
static int format_message(gk_diag_list *l, const char **dst, const char *fmt, va_list ap)
    GK_PRINTF(3, 0);

static int format_message(gk_diag_list *l, const char **dst, const char *fmt, va_list ap)
{
    char tmp[1024];
    gk_buf msg = GK_BUF_INIT;
    va_list ap2;
    int n, error;

    va_copy(ap2, ap);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "bad format string");
        return GK_EINVALID;
    }
    if ((size_t)n < sizeof tmp) {
        *dst = gk_arena_strndup(&l->arena, tmp, (size_t)n);
        return *dst ? 0 : gk__oom();
    }
    error = gk_buf_vprintf(&msg, fmt, ap);
    if (error >= 0) {
        *dst = gk_arena_strndup(&l->arena, msg.ptr, msg.len);
        error = *dst ? 0 : gk__oom();
    }
    gk_buf_release(&msg);
    return error;
}

int gk_diag__addv(gk_diag_list *l, const char *rule, gk_severity sev, const char *cell,
                  const gk_diag *values, const char *evidence, const char *fmt, va_list ap)
{
    gk_diag *d;
    int error;

    GK_ASSERT_ARG(l && rule && fmt);
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 16;
        gk_diag *p = gk_realloc(l->items, ncap * sizeof *p);
        if (!p)
            return gk__oom();
        l->items = p;
        l->cap = ncap;
    }
    d = &l->items[l->n];
    memset(d, 0, sizeof *d);
    error = format_message(l, &d->message, fmt, ap);
    if (error < 0)
        return error;
    d->severity = sev;
    if (values) {
        d->has_values = values->has_values;
        d->expected = values->expected;
        d->actual = values->actual;
        d->pos = values->pos;
    }
    if (dup_opt(l, &d->rule, rule) < 0 || dup_opt(l, &d->cell, cell) < 0 ||
        dup_opt(l, &d->evidence, evidence) < 0)
        return gk__oom();
    l->n++;
    return 0;
}

int gk_diag_add(gk_diag_list *l, const char *rule, gk_severity sev, const char *cell,
                const gk_diag *values, const char *evidence, const char *fmt, ...)
{
    va_list ap;
    int error;

    GK_ASSERT_ARG(l && rule && fmt);
    va_start(ap, fmt);
    error = gk_diag__addv(l, rule, sev, cell, values, evidence, fmt, ap);
    va_end(ap);
    return error;
}

/* --------------------------------------------------------- findings JSON */

static int put_opt_string(gk_buf *b, const char *s)
{
    return s ? gk_buf_put_json_string(b, s, strlen(s)) : gk_buf_puts(b, "null");
}

static int put_finding(gk_buf *b, const gk_diag *d)
{
    int error;

    if ((error = gk_buf_puts(b, "    {\"rule\": ")) < 0 ||
        (error = put_opt_string(b, d->rule)) < 0 ||
        (error = gk_buf_printf(
             b, ", \"severity\": \"%s\", \"cell\": ", gk_severity_name(d->severity))) < 0 ||
        (error = put_opt_string(b, d->cell)) < 0 ||
        (error = gk_buf_puts(b, ", \"expected\": ")) < 0)
        return error;
    error = d->has_values ? gk_report__put_number(b, d->expected) : gk_buf_puts(b, "null");
    if (error < 0 || (error = gk_buf_puts(b, ", \"actual\": ")) < 0)
        return error;
    error = d->has_values ? gk_report__put_number(b, d->actual) : gk_buf_puts(b, "null");
    if (error < 0 || (error = gk_buf_puts(b, ",\n     \"message\": ")) < 0 ||
        (error = put_opt_string(b, d->message)) < 0 ||
        (error = gk_buf_puts(b, ", \"evidence\": ")) < 0 ||
        (error = put_opt_string(b, d->evidence)) < 0)
        return error;
    if (d->pos.line)
        error = gk_buf_printf(b, ", \"line\": %u, \"column\": %u", (unsigned)d->pos.line,
                              (unsigned)d->pos.col);
    if (error < 0)
        return error;
    return gk_buf_puts(b, "}");
}

int gk_diag_list_to_json(gk_buf *out, const gk_diag_list *l, const char *source, int year)
{
    size_t i;
    int error;

    GK_ASSERT_ARG(out && l);
    if ((error = gk_buf_puts(out, "{\n  \"schema\": \"" FINDINGS_SCHEMA "\",\n  \"source\": ")) <
            0 ||
        (error = put_opt_string(out, source)) < 0)
        return error;
    error = year ? gk_buf_printf(out, ",\n  \"year\": %d", year)
                 : gk_buf_puts(out, ",\n  \"year\": null");
    if (error < 0)
        return error;
    if ((error = gk_buf_printf(
             out, ",\n  \"summary\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu}",
             gk_diag_list_count_severity(l, GK_SEV_ERROR),
             gk_diag_list_count_severity(l, GK_SEV_WARNING),
             gk_diag_list_count_severity(l, GK_SEV_INFO))) < 0 ||
        (error = gk_buf_puts(out, ",\n  \"findings\": [")) < 0)
        return error;
    for (i = 0; i < l->n; i++) {
        if ((error = gk_buf_puts(out, i ? ",\n" : "\n")) < 0 ||
            (error = put_finding(out, &l->items[i])) < 0)
            return error;
    }
    return gk_buf_puts(out, l->n ? "\n  ]\n}\n" : "]\n}\n");
}
