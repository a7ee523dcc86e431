/*
 * report_json_read.c: reading report JSON ("gongkai.report/1",
 * spec/report-json.md §1) with Jansson: duplicate keys rejected, UTF-8
 * validated, and every type error naming the JSON path of the bad value.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include "report_int.h"

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
    if (!isfinite(d) || fabs(d) > GK_REPORT_MAX_ABS)
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
        /* An unreadable cell is one the source has: its row was read
         * above (written as null). Otherwise the writer would emit the row
         * and read back its other cells as blank, not absent. */
        if (c->state == GK_CELL_ABSENT)
            return type_error(rd, "cell not in its table (an unreadable cell is present, as null)");
        c->state = GK_CELL_UNREADABLE;
        c->v = 0;
        c->text = gk_report_strdup(rd->r, json_string_value(text), json_string_length(text));
        if (!c->text)
            return GK_ENOMEM;
        path_pop(rd, old);
    }
    return 0;
}

/* The parts of a report JSON document after its header fields, in the
 * order they are read ("unreadable" last: it refers to cells read before).
 * A NULL key is table 2, whose key depends on the format. */
static const struct {
    const char *key;
    int (*read)(reader *rd, json_t *v);
} parts[] = {
    {NULL, read_t2},
    {"applications", read_t3},
    {"review_litigation", read_t4},
    {"sections", read_sections},
    {"unreadable", read_unreadable},
};

static int read_root(reader *rd, json_t *root)
{
    json_t *v;
    int error = 0;
    size_t old, i;

    if (!json_is_object(root))
        return type_error(rd, "expected a JSON object");
    v = json_object_get(root, "schema");
    if (v && (!json_is_string(v) || strcmp(json_string_value(v), GK_REPORT_SCHEMA) != 0)) {
        gk_error_set(GK_ERRCLASS_JSON, "schema: expected \"%s\"", GK_REPORT_SCHEMA);
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

    for (i = 0; i < GK_ARRAY_LEN(parts); i++) {
        const char *key = parts[i].key ? parts[i].key : gk_report__t2_root(rd->r);
        v = json_object_get(root, key);
        if (!v)
            continue;
        old = push_key(rd, key);
        error = parts[i].read(rd, v);
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
