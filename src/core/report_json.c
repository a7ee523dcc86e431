/*
 * report_json.c: report JSON ("gongkai.report/1", spec/report-json.md §1).
 * Reading uses Jansson with duplicate keys rejected and UTF-8 validated;
 * every type error names the JSON path of the bad value. Writing is our own
 * deterministic pretty-printer (rows of table 3 on one line, as the spec's
 * example shows), so golden files and diffs stay readable.
 */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include "report_int.h"

#define SCHEMA "gongkai.report/1"
/* Counts larger than this are not plausible and would lose precision. */
#define MAX_ABS_VALUE 1e15

/* ---------------------------------------------------------------- cells */

static const char *t2_root(const gk_report *r)
{
    return r->format == GK_FORMAT_2019 ? "proactive_2019" : "proactive";
}

int gk_report__foreach_cell(gk_report *r, gk_report__cell_cb cb, void *payload)
{
    char path[128];
    size_t i, n;
    int row, col, g, c, rc;
    const gk_t2_cell_desc *t2 = gk_t2_layout(r->format, &n);

    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s.%s.%s", t2_root(r), t2[i].group, t2[i].field);
        rc = cb(path, &r->t2[i], payload);
        if (rc)
            return rc;
    }
    for (row = 0; row < GK_T3_NROWS; row++)
        for (col = 0; col < GK_T3_NCOLS; col++) {
            snprintf(path, sizeof path, "applications.%s[%d]", gk_t3_row_key(row), col);
            rc = cb(path, &r->t3[row][col], payload);
            if (rc)
                return rc;
        }
    for (g = 0; g < GK_T4_NGROUPS; g++)
        for (c = 0; c < GK_T4_NCOLS; c++) {
            snprintf(path, sizeof path, "review_litigation.%s.%s", gk_t4_group_key(g),
                     gk_t4_col_key(c));
            rc = cb(path, &r->t4[g][c], payload);
            if (rc)
                return rc;
        }
    return 0;
}

typedef struct {
    const char *want;
    gk_cell *found;
} find_ctx;

static int find_cb(const char *path, gk_cell *cell, void *payload)
{
    find_ctx *f = payload;

    if (strcmp(path, f->want) != 0)
        return 0;
    f->found = cell;
    return 1;
}

gk_cell *gk_report__cell_at(gk_report *r, const char *path)
{
    find_ctx f = {path, NULL};

    (void)gk_report__foreach_cell(r, find_cb, &f);
    return f.found;
}

/* --------------------------------------------------------------- reader */

typedef struct {
    gk_report *r;
    char path[256];
} reader;

static int type_error(const reader *rd, const char *what)
{
    gk_error_set(GK_ERRCLASS_JSON, "%s: %s", rd->path[0] ? rd->path : "(root)", what);
    return GK_EINVALID;
}

/* Path helpers: push a suffix, remember the old length to pop. */
static size_t path_push(reader *rd, int idx)
{
    size_t old = strlen(rd->path);

    snprintf(rd->path + old, sizeof rd->path - old, "[%d]", idx);
    return old;
}

static void path_pop(reader *rd, size_t old)
{
    rd->path[old] = '\0';
}

static size_t push_key(reader *rd, const char *key)
{
    size_t old = strlen(rd->path);

    snprintf(rd->path + old, sizeof rd->path - old, "%s%s", old ? "." : "", key);
    return old;
}

static int read_cell(reader *rd, gk_cell *cell, json_t *v)
{
    double d;

    if (json_is_null(v)) {
        gk_cell_set_blank(cell);
        return 0;
    }
    if (json_is_integer(v))
        d = (double)json_integer_value(v);
    else if (json_is_real(v))
        d = json_real_value(v);
    else
        return type_error(rd, "expected a number or null");
    if (!isfinite(d) || fabs(d) > MAX_ABS_VALUE)
        return type_error(rd, "number out of range");
    gk_cell_set(cell, d);
    return 0;
}

static int read_string(reader *rd, const char **out, json_t *v)
{
    if (!json_is_string(v))
        return type_error(rd, "expected a string");
    *out = gk_report_strdup(rd->r, json_string_value(v), json_string_length(v));
    return *out ? 0 : GK_ENOMEM;
}

static int read_t2(reader *rd, json_t *obj)
{
    size_t i, n, old;
    const gk_t2_cell_desc *t2 = gk_t2_layout(rd->r->format, &n);
    const char *gkey;
    json_t *grp;
    int error;

    if (!json_is_object(obj))
        return type_error(rd, "expected an object");
    json_object_foreach(obj, gkey, grp)
    {
        const char *fkey;
        json_t *fv;
        size_t old2 = push_key(rd, gkey);

        if (!json_is_object(grp))
            return type_error(rd, "expected an object");
        json_object_foreach(grp, fkey, fv)
        {
            int found = -1;
            for (i = 0; i < n; i++)
                if (!strcmp(t2[i].group, gkey) && !strcmp(t2[i].field, fkey))
                    found = (int)i;
            old = push_key(rd, fkey);
            if (found < 0)
                return type_error(rd, "unknown table-2 cell");
            error = read_cell(rd, &rd->r->t2[found], fv);
            if (error < 0)
                return error;
            path_pop(rd, old);
        }
        path_pop(rd, old2);
    }
    rd->r->t2_present = true;
    return 0;
}

static int read_t3(reader *rd, json_t *obj)
{
    const char *key;
    json_t *arr;
    int error;

    if (!json_is_object(obj))
        return type_error(rd, "expected an object");
    json_object_foreach(obj, key, arr)
    {
        int row = gk_t3_row_from_key(key, strlen(key));
        size_t old = push_key(rd, key), i;

        if (row < 0)
            return type_error(rd, "unknown table-3 row key");
        if (!json_is_array(arr))
            return type_error(rd, "expected an array of 7 numbers");
        if (json_array_size(arr) != GK_T3_NCOLS)
            return type_error(rd, "expected an array of 7 numbers");
        for (i = 0; i < GK_T3_NCOLS; i++) {
            size_t old2 = path_push(rd, (int)i);
            error = read_cell(rd, &rd->r->t3[row][i], json_array_get(arr, i));
            if (error < 0)
                return error;
            path_pop(rd, old2);
        }
        path_pop(rd, old);
    }
    rd->r->t3_present = true;
    return 0;
}

static int lookup(const char *const *keys, int n, const char *k)
{
    int i;

    for (i = 0; i < n; i++)
        if (!strcmp(keys[i], k))
            return i;
    return -1;
}

static int read_t4(reader *rd, json_t *obj)
{
    const char *gkey;
    json_t *grp;
    const char *gkeys[GK_T4_NGROUPS], *ckeys[GK_T4_NCOLS];
    int i, error;

    for (i = 0; i < GK_T4_NGROUPS; i++)
        gkeys[i] = gk_t4_group_key(i);
    for (i = 0; i < GK_T4_NCOLS; i++)
        ckeys[i] = gk_t4_col_key(i);
    if (!json_is_object(obj))
        return type_error(rd, "expected an object");
    json_object_foreach(obj, gkey, grp)
    {
        int g = lookup(gkeys, GK_T4_NGROUPS, gkey);
        size_t old = push_key(rd, gkey);
        const char *ckey;
        json_t *cv;

        if (g < 0)
            return type_error(rd, "unknown table-4 group");
        if (!json_is_object(grp))
            return type_error(rd, "expected an object");
        json_object_foreach(grp, ckey, cv)
        {
            int c = lookup(ckeys, GK_T4_NCOLS, ckey);
            size_t old2 = push_key(rd, ckey);
            if (c < 0)
                return type_error(rd, "unknown table-4 column");
            error = read_cell(rd, &rd->r->t4[g][c], cv);
            if (error < 0)
                return error;
            path_pop(rd, old2);
        }
        path_pop(rd, old);
    }
    rd->r->t4_present = true;
    return 0;
}

static int read_sections(reader *rd, json_t *arr)
{
    size_t i;
    int error;

    if (!json_is_array(arr))
        return type_error(rd, "expected an array");
    for (i = 0; i < json_array_size(arr); i++) {
        json_t *s = json_array_get(arr, i);
        size_t old = path_push(rd, (int)i);
        json_t *no, *title, *text;

        if (!json_is_object(s))
            return type_error(rd, "expected an object");
        no = json_object_get(s, "no");
        title = json_object_get(s, "title");
        text = json_object_get(s, "text");
        if (!json_is_string(no) || !json_is_string(title) || (text && !json_is_string(text)))
            return type_error(rd, "a section needs string fields no, title and text");
        error = gk_report_add_section(rd->r, json_string_value(no), json_string_value(title),
                                      text ? json_string_value(text) : "",
                                      text ? json_string_length(text) : 0);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    return 0;
}

/* "unreadable": [{"cell": PATH, "text": "…"}]: cells the source printed but
 * that could not be read as numbers (CELL.UNREADABLE); an addition to the
 * schema that keeps numbers numbers. */
static int read_unreadable(reader *rd, json_t *arr)
{
    size_t i;

    if (!json_is_array(arr))
        return type_error(rd, "expected an array");
    for (i = 0; i < json_array_size(arr); i++) {
        json_t *u = json_array_get(arr, i);
        size_t old = path_push(rd, (int)i);
        json_t *cell = json_object_get(u, "cell"), *text = json_object_get(u, "text");
        gk_cell *c;

        if (!json_is_string(cell) || !json_is_string(text))
            return type_error(rd, "expected {\"cell\": string, \"text\": string}");
        c = gk_report__cell_at(rd->r, json_string_value(cell));
        if (!c)
            return type_error(rd, "no such cell");
        c->state = GK_CELL_UNREADABLE;
        c->v = 0;
        c->text = gk_report_strdup(rd->r, json_string_value(text), json_string_length(text));
        if (!c->text)
            return GK_ENOMEM;
        path_pop(rd, old);
    }
    return 0;
}

static int read_root(reader *rd, json_t *root)
{
    json_t *v;
    int error = 0;
    size_t old;

    if (!json_is_object(root))
        return type_error(rd, "expected a JSON object");
    v = json_object_get(root, "schema");
    if (v && (!json_is_string(v) || strcmp(json_string_value(v), SCHEMA) != 0)) {
        gk_error_set(GK_ERRCLASS_JSON, "schema: expected \"%s\"", SCHEMA);
        return GK_EINVALID;
    }
    v = json_object_get(root, "format");
    if (v) {
        const char *f = json_is_string(v) ? json_string_value(v) : "";
        if (!strcmp(f, "2021"))
            rd->r->format = GK_FORMAT_2021;
        else if (!strcmp(f, "2019"))
            rd->r->format = GK_FORMAT_2019;
        else {
            gk_error_set(GK_ERRCLASS_JSON, "format: expected \"2021\" or \"2019\"");
            return GK_EINVALID;
        }
    }
    v = json_object_get(root, "agency");
    if (v) {
        old = push_key(rd, "agency");
        error = read_string(rd, &rd->r->agency, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    v = json_object_get(root, "source");
    if (v) {
        old = push_key(rd, "source");
        error = read_string(rd, &rd->r->source, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    v = json_object_get(root, "year");
    if (v) {
        if (!json_is_integer(v) || json_integer_value(v) < 1900 || json_integer_value(v) > 9999) {
            gk_error_set(GK_ERRCLASS_JSON, "year: expected an integer year");
            return GK_EINVALID;
        }
        rd->r->year = (int)json_integer_value(v);
    }
    v = json_object_get(root, "table3_other_collapsed");
    if (v) {
        if (!json_is_boolean(v)) {
            gk_error_set(GK_ERRCLASS_JSON, "table3_other_collapsed: expected true or false");
            return GK_EINVALID;
        }
        rd->r->t3_other_collapsed = json_is_true(v);
    }
    if (rd->r->format == GK_FORMAT_2019)
        rd->r->t3_other_collapsed = true;

    v = json_object_get(root, t2_root(rd->r));
    if (v) {
        old = push_key(rd, t2_root(rd->r));
        error = read_t2(rd, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    v = json_object_get(root, "applications");
    if (v) {
        old = push_key(rd, "applications");
        error = read_t3(rd, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    v = json_object_get(root, "review_litigation");
    if (v) {
        old = push_key(rd, "review_litigation");
        error = read_t4(rd, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    v = json_object_get(root, "sections");
    if (v) {
        old = push_key(rd, "sections");
        error = read_sections(rd, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    v = json_object_get(root, "unreadable");
    if (v) {
        old = push_key(rd, "unreadable");
        error = read_unreadable(rd, v);
        if (error < 0)
            return error;
        path_pop(rd, old);
    }
    return 0;
}

int gk_report_from_json(gk_report **out, const char *data, size_t len)
{
    json_error_t jerr;
    json_t *root = NULL;
    reader rd;
    int error;

    *out = NULL;
    memset(&rd, 0, sizeof rd);
    root = json_loadb(data, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!root) {
        gk_error_set(GK_ERRCLASS_JSON, "malformed JSON at line %d, column %d: %s", jerr.line,
                     jerr.column, jerr.text);
        return GK_EINVALID;
    }
    error = gk_report_new(&rd.r);
    if (error < 0)
        goto done;
    error = read_root(&rd, root);
    if (error < 0)
        goto done;
    *out = rd.r;
    rd.r = NULL;
done:
    gk_report_free(rd.r);
    json_decref(root);
    return error;
}

/* --------------------------------------------------------------- writer */

int gk_report__put_number(gk_buf *b, double v)
{
    if (floor(v) >= v && floor(v) <= v && fabs(v) < MAX_ABS_VALUE)
        return gk_buf_printf(b, "%.0f", v);
    return gk_buf_printf(b, "%.15g", v);
}

int gk_report__put_json_string(gk_buf *b, const char *s, size_t n)
{
    size_t i;
    int error = gk_buf_putc(b, '"');

    for (i = 0; i < n && error == 0; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            error = gk_buf_puts(b, "\\\"");
            break;
        case '\\':
            error = gk_buf_puts(b, "\\\\");
            break;
        case '\n':
            error = gk_buf_puts(b, "\\n");
            break;
        case '\r':
            error = gk_buf_puts(b, "\\r");
            break;
        case '\t':
            error = gk_buf_puts(b, "\\t");
            break;
        default:
            if (c < 0x20)
                error = gk_buf_printf(b, "\\u%04x", c);
            else
                error = gk_buf_putc(b, (char)c);
        }
    }
    return error ? error : gk_buf_putc(b, '"');
}

static int put_cell(gk_buf *b, const gk_cell *c)
{
    if (c->state == GK_CELL_VALUE)
        return gk_report__put_number(b, c->v);
    return gk_buf_puts(b, "null");
}

static int put_str_field(gk_buf *b, const char *key, const char *s)
{
    int error = gk_buf_printf(b, "  \"%s\": ", key);

    if (error == 0)
        error = gk_report__put_json_string(b, s, strlen(s));
    return error ? error : gk_buf_puts(b, ",\n");
}

static int write_t2(gk_buf *b, const gk_report *r)
{
    size_t i, n;
    const gk_t2_cell_desc *t2 = gk_t2_layout(r->format, &n);
    int error = gk_buf_printf(b, "  \"%s\": {\n", t2_root(r));

    for (i = 0; i < n && error == 0;) {
        size_t j = i;
        bool first = true;
        error = gk_buf_printf(b, "    \"%s\": {", t2[i].group);
        for (; j < n && !strcmp(t2[j].group, t2[i].group) && error == 0; j++) {
            if (r->t2[j].state == GK_CELL_ABSENT)
                continue;
            error = gk_buf_printf(b, "%s\"%s\": ", first ? "" : ", ", t2[j].field);
            if (error == 0)
                error = put_cell(b, &r->t2[j]);
            first = false;
        }
        if (error == 0)
            error = gk_buf_printf(b, "}%s\n", j < n ? "," : "");
        i = j;
    }
    return error ? error : gk_buf_puts(b, "  },\n");
}

static int write_t3(gk_buf *b, const gk_report *r)
{
    int row, col, error = gk_buf_puts(b, "  \"applications\": {\n");
    bool first = true;

    for (row = 0; row < GK_T3_NROWS && error == 0; row++) {
        bool any = false;
        for (col = 0; col < GK_T3_NCOLS; col++)
            any |= r->t3[row][col].state != GK_CELL_ABSENT;
        if (!any)
            continue;
        error = gk_buf_printf(b, "%s    \"%s\": [", first ? "" : ",\n", gk_t3_row_key(row));
        for (col = 0; col < GK_T3_NCOLS && error == 0; col++) {
            if (col)
                error = gk_buf_puts(b, ", ");
            if (error == 0)
                error = put_cell(b, &r->t3[row][col]);
        }
        if (error == 0)
            error = gk_buf_putc(b, ']');
        first = false;
    }
    return error ? error : gk_buf_puts(b, "\n  },\n");
}

static int write_t4(gk_buf *b, const gk_report *r)
{
    int g, c, error = gk_buf_puts(b, "  \"review_litigation\": {\n");

    for (g = 0; g < GK_T4_NGROUPS && error == 0; g++) {
        bool first = true;
        error = gk_buf_printf(b, "    \"%s\": {", gk_t4_group_key(g));
        for (c = 0; c < GK_T4_NCOLS && error == 0; c++) {
            if (r->t4[g][c].state == GK_CELL_ABSENT)
                continue;
            error = gk_buf_printf(b, "%s\"%s\": ", first ? "" : ", ", gk_t4_col_key(c));
            if (error == 0)
                error = put_cell(b, &r->t4[g][c]);
            first = false;
        }
        if (error == 0)
            error = gk_buf_printf(b, "}%s\n", g + 1 < GK_T4_NGROUPS ? "," : "");
    }
    return error ? error : gk_buf_puts(b, "  },\n");
}

typedef struct {
    gk_buf *b;
    int n;
} unreadable_ctx;

static int unreadable_cb(const char *path, gk_cell *cell, void *payload)
{
    unreadable_ctx *u = payload;
    int error;

    if (cell->state != GK_CELL_UNREADABLE)
        return 0;
    error = gk_buf_printf(u->b, "%s    {\"cell\": \"%s\", \"text\": ", u->n ? ",\n" : "", path);
    if (error == 0)
        error = gk_report__put_json_string(u->b, cell->text ? cell->text : "",
                                           cell->text ? strlen(cell->text) : 0);
    if (error == 0)
        error = gk_buf_putc(u->b, '}');
    u->n++;
    return error;
}

static int write_sections(gk_buf *b, const gk_report *r)
{
    size_t i;
    int error = gk_buf_puts(b, "  \"sections\": [\n");

    for (i = 0; i < r->nsections && error == 0; i++) {
        const gk_section *s = &r->sections[i];
        error = gk_buf_puts(b, "    {\"no\": ");
        if (error == 0)
            error = gk_report__put_json_string(b, s->no, strlen(s->no));
        if (error == 0)
            error = gk_buf_puts(b, ", \"title\": ");
        if (error == 0)
            error = gk_report__put_json_string(b, s->title, strlen(s->title));
        if (error == 0)
            error = gk_buf_puts(b, ", \"text\": ");
        if (error == 0)
            error = gk_report__put_json_string(b, s->text, strlen(s->text));
        if (error == 0)
            error = gk_buf_printf(b, "}%s\n", i + 1 < r->nsections ? "," : "");
    }
    return error ? error : gk_buf_puts(b, "  ],\n");
}

int gk_report_to_json(gk_buf *out, const gk_report *r)
{
    int error;
    gk_buf b = GK_BUF_INIT;
    unreadable_ctx u;

    error = gk_buf_printf(&b, "{\n  \"schema\": \"%s\",\n  \"format\": \"%s\",\n", SCHEMA,
                          r->format == GK_FORMAT_2019 ? "2019" : "2021");
    if (error == 0)
        error = put_str_field(&b, "agency", r->agency ? r->agency : "");
    if (error == 0 && r->source && *r->source)
        error = put_str_field(&b, "source", r->source);
    if (error == 0 && r->year)
        error = gk_buf_printf(&b, "  \"year\": %d,\n", r->year);
    if (error == 0 && r->t3_other_collapsed && r->format != GK_FORMAT_2019)
        error = gk_buf_puts(&b, "  \"table3_other_collapsed\": true,\n");
    if (error == 0 && r->t2_present)
        error = write_t2(&b, r);
    if (error == 0 && r->t3_present)
        error = write_t3(&b, r);
    if (error == 0 && r->t4_present)
        error = write_t4(&b, r);
    if (error == 0 && r->nsections)
        error = write_sections(&b, r);
    if (error == 0) {
        u.b = &b;
        u.n = 0;
        error = gk_buf_puts(&b, "  \"unreadable\": [\n");
        if (error == 0)
            error = gk_report__foreach_cell((gk_report *)(uintptr_t)r, unreadable_cb, &u);
        if (error == 0) {
            /* drop the key again when nothing was unreadable */
            if (u.n == 0)
                b.len -= strlen("  \"unreadable\": [\n");
            else
                error = gk_buf_puts(&b, "\n  ],\n");
        }
    }
    /* replace the last ",\n" with "\n}" */
    if (error == 0 && b.len >= 2 && b.ptr[b.len - 2] == ',') {
        b.len -= 2;
        error = gk_buf_puts(&b, "\n}\n");
    }
    if (error == 0)
        error = gk_buf_put(out, b.ptr, b.len);
    gk_buf_release(&b);
    return error;
}

/* ------------------------------------------------------------- equality */

static bool cell_equal(const gk_cell *a, const gk_cell *b)
{
    if (a->state != b->state)
        return false;
    if (a->state == GK_CELL_VALUE)
        return !(a->v < b->v) && !(a->v > b->v);
    if (a->state == GK_CELL_UNREADABLE)
        return !strcmp(a->text ? a->text : "", b->text ? b->text : "");
    return true;
}

/* Describes a difference for gk_report_equal; best effort (a failed append
 * only shortens the description). */
static void note(gk_buf *where, const char *fmt, ...) GK_PRINTF(2, 3);
static void note(gk_buf *where, const char *fmt, ...)
{
    va_list ap;
    int rc;

    if (!where)
        return;
    va_start(ap, fmt);
    rc = gk_buf_vprintf(where, fmt, ap);
    va_end(ap);
    (void)rc;
}

typedef struct {
    gk_report *other;
    gk_buf *where;
} eq_ctx;

static int eq_cb(const char *path, gk_cell *cell, void *payload)
{
    eq_ctx *e = payload;
    gk_cell *o = gk_report__cell_at(e->other, path);

    if (o && cell_equal(cell, o))
        return 0;
    note(e->where, "%s: %g (state %d) vs %g (state %d)", path, cell->v,
                            cell->state, o ? o->v : 0.0, o ? o->state : -1);
    return 1;
}

static bool str_eq(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

bool gk_report_equal(const gk_report *a, const gk_report *b, gk_buf *where)
{
    eq_ctx e = {(gk_report *)(uintptr_t)b, where};
    size_t i;

    if (a->format != b->format || a->year != b->year || !str_eq(a->agency, b->agency) ||
        a->t2_present != b->t2_present || a->t3_present != b->t3_present ||
        a->t4_present != b->t4_present || a->t3_other_collapsed != b->t3_other_collapsed) {
        note(where, "header (format, year, agency or tables present) differs");
        return false;
    }
    if (gk_report__foreach_cell((gk_report *)(uintptr_t)a, eq_cb, &e))
        return false;
    if (a->nsections != b->nsections) {
        note(where, "%zu vs %zu sections", a->nsections, b->nsections);
        return false;
    }
    for (i = 0; i < a->nsections; i++)
        if (!str_eq(a->sections[i].no, b->sections[i].no) ||
            !str_eq(a->sections[i].title, b->sections[i].title) ||
            !str_eq(a->sections[i].text, b->sections[i].text)) {
            note(where, "section %zu differs", i);
            return false;
        }
    return true;
}
