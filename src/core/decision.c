/*
 * decision.c: the decisions on an application and the configurable map
 * from decisions to table-3 result rows (spec §1.4; decision.h). The
 * defaults are the table of spec §1.4, which the spec marks UNVERIFIED
 * except for the articles it quotes; that is why an agency can replace
 * them with a CSV (docs/decision-map.md).
 */
#include <stdio.h>
#include "util/util.h"
#include "gk/decision.h"
#include "gk/report.h"

static const gk_decision_info decisions[] = {
#define GK_X_(key, id, label, article, row) {id, label, article, GK_T3_##row},
    GK_DECISIONS(GK_X_)
#undef GK_X_
};

const gk_decision_info *gk_decisions(size_t *n_out)
{
    if (n_out)
        *n_out = GK_ARRAY_LEN(decisions);
    return decisions;
}

int gk_decision_from_id(const char *s, size_t n)
{
    int i;

    for (i = 0; s && i < (int)GK_ARRAY_LEN(decisions); i++)
        if (strlen(decisions[i].id) == n && memcmp(decisions[i].id, s, n) == 0)
            return i;
    return -1;
}

int gk_decision_for_row(int row)
{
    int i;

    for (i = 0; i < (int)GK_ARRAY_LEN(decisions); i++)
        if (decisions[i].default_row == row)
            return i;
    return -1;
}

/* ------------------------------------------------------------- the map */

typedef struct {
    int decision; /* index in decisions[] */
    int row;      /* gk_t3_row result leaf */
    char *agency; /* NULL: every agency */
} map_line;

struct gk_decision_map {
    map_line *v;
    size_t n, cap;
    char source[128];
};

void gk_decision_map_free(gk_decision_map *m)
{
    size_t i;

    if (!m)
        return;
    for (i = 0; i < m->n; i++)
        gk_free(m->v[i].agency);
    gk_free(m->v);
    gk_free(m);
}

static int map_alloc(gk_decision_map **out, const char *source)
{
    gk_decision_map *m = gk_calloc(1, sizeof *m);

    *out = NULL;
    if (!m)
        return gk__oom();
    snprintf(m->source, sizeof m->source, "%s", source ? source : "decision map");
    *out = m;
    return 0;
}

static const map_line *find_line(const gk_decision_map *m, int decision, const char *agency)
{
    size_t i;

    for (i = 0; i < m->n; i++) {
        const map_line *l = &m->v[i];
        if (l->decision != decision)
            continue;
        if (agency ? (l->agency && strcmp(l->agency, agency) == 0) : !l->agency)
            return l;
    }
    return NULL;
}

static int map_add(gk_decision_map *m, int decision, int row, const char *agency, size_t alen)
{
    map_line *l;

    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 32;
        map_line *v = gk_realloc(m->v, cap * sizeof *v);
        if (!v)
            return gk__oom();
        m->v = v;
        m->cap = cap;
    }
    l = &m->v[m->n];
    l->decision = decision;
    l->row = row;
    l->agency = NULL;
    if (agency && alen) {
        l->agency = gk_strndup(agency, alen);
        if (!l->agency)
            return gk__oom();
    }
    m->n++;
    return 0;
}

int gk_decision_map_new_default(gk_decision_map **out)
{
    gk_decision_map *m = NULL;
    int i, error;

    GK_ASSERT_ARG(out);
    error = map_alloc(&m, "默认对应表（spec §1.4）");
    for (i = 0; error == 0 && i < (int)GK_ARRAY_LEN(decisions); i++)
        error = map_add(m, i, decisions[i].default_row, NULL, 0);
    if (error < 0) {
        gk_decision_map_free(m);
        return error;
    }
    *out = m;
    return 0;
}

/* A field of a CSV line, spaces around it trimmed. */
typedef struct {
    const char *p;
    size_t n;
} field;

static field trim(const char *p, size_t n)
{
    field f;

    while (n && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
        n--;
    f.p = p;
    f.n = n;
    return f;
}

/* Splits line[0..n) at commas into at most max fields; *nf = how many. */
static void split_fields(const char *line, size_t n, field *out, size_t max, size_t *nf)
{
    size_t start = 0, i;

    *nf = 0;
    for (i = 0; i <= n; i++) {
        if (i < n && line[i] != ',')
            continue;
        if (*nf < max)
            out[*nf] = trim(line + start, i - start);
        (*nf)++;
        start = i + 1;
    }
}

static bool field_is(field f, const char *s)
{
    return strlen(s) == f.n && memcmp(f.p, s, f.n) == 0;
}

static int bad_line(const gk_decision_map *m, size_t line, const char *what, field f)
{
    gk_error_set(GK_ERRCLASS_INVALID, "%s:%zu: %s '%.*s'", m->source, line, what, (int)f.n, f.p);
    return GK_EINVALID;
}

static int parse_line(gk_decision_map *m, const field *f, size_t nf, size_t line)
{
    char key[64];
    int d, row;

    d = gk_decision_from_id(f[0].p, f[0].n);
    if (d < 0)
        return bad_line(m, line, "未知的决定类型", f[0]);
    row = gk_t3_row_from_key(f[1].p, f[1].n);
    if (row < GK_T3_FIRST_RESULT || row > GK_T3_LAST_RESULT)
        return bad_line(m, line, "不是表三的办理结果行", f[1]);
    if (nf == 3 && f[2].n >= sizeof key)
        return bad_line(m, line, "机关代码过长", f[2]);
    snprintf(key, sizeof key, "%.*s", nf == 3 ? (int)f[2].n : 0, nf == 3 ? f[2].p : "");
    if (find_line(m, d, key[0] ? key : NULL))
        return bad_line(m, line, "决定类型重复列出", f[0]);
    return map_add(m, d, row, key, strlen(key));
}

int gk_decision_map_new(gk_decision_map **out, const char *csv, size_t len, const char *source)
{
    gk_decision_map *m = NULL;
    size_t pos = 0, line = 0, ncols = 0;
    int error;

    GK_ASSERT_ARG(out && (csv || !len));
    *out = NULL;
    error = map_alloc(&m, source);
    if (error < 0)
        return error;
    if (len >= 3 && memcmp(csv, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (error == 0 && pos < len) {
        const char *end = memchr(csv + pos, '\n', len - pos);
        size_t n = end ? (size_t)(end - (csv + pos)) : len - pos;
        field f[4], whole = trim(csv + pos, n);
        size_t nf;

        line++;
        if (whole.n && whole.p[0] != '#') {
            split_fields(whole.p, whole.n, f, 4, &nf);
            if (ncols == 0) {
                /* The header names the columns; a third one is the agency. */
                if (nf < 2 || nf > 3 || !field_is(f[0], "decision") || !field_is(f[1], "row") ||
                    (nf == 3 && !field_is(f[2], "agency")))
                    error = bad_line(m, line, "表头应为 decision,row 或 decision,row,agency，实为",
                                     whole);
                ncols = nf;
            } else if (nf < 2 || nf > ncols) {
                error = bad_line(m, line, "列数不对", whole);
            } else {
                error = parse_line(m, f, nf, line);
            }
        }
        pos += n + 1;
    }
    if (error == 0 && ncols == 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "%s: 没有表头 decision,row", m->source);
        error = GK_EINVALID;
    }
    if (error < 0) {
        gk_decision_map_free(m);
        return error;
    }
    *out = m;
    return 0;
}

/* The replacement given to gk_decision_map_set_default (csv NULL: none).
 * Set at start-up before threads, read-only afterwards. */
static struct {
    char *csv;
    size_t len;
    char source[128];
} process_map;

int gk_decision_map_set_default(const char *csv, size_t len, const char *source)
{
    gk_decision_map *check = NULL;
    char *copy;
    int error;

    if (!csv) {
        gk_free(process_map.csv);
        memset(&process_map, 0, sizeof process_map);
        return 0;
    }
    error = gk_decision_map_new(&check, csv, len, source);
    gk_decision_map_free(check);
    if (error < 0)
        return error;
    copy = gk_malloc(len ? len : 1);
    if (!copy)
        return gk__oom();
    memcpy(copy, csv, len);
    gk_free(process_map.csv);
    process_map.csv = copy;
    process_map.len = len;
    snprintf(process_map.source, sizeof process_map.source, "%s",
             source ? source : "decision map");
    return 0;
}

int gk_decision_map_new_process(gk_decision_map **out)
{
    if (process_map.csv)
        return gk_decision_map_new(out, process_map.csv, process_map.len, process_map.source);
    return gk_decision_map_new_default(out);
}

int gk_decision_map_row(int *row_out, const gk_decision_map *m, const char *decision,
                        const char *agency)
{
    const map_line *l = NULL;
    int d;

    GK_ASSERT_ARG(row_out && m && decision);
    *row_out = -1;
    d = gk_decision_from_id(decision, strlen(decision));
    if (d < 0) {
        gk_error_set(GK_ERRCLASS_INVALID, "未知的决定类型 '%s'（决定对应表：%s）", decision,
                     m->source);
        return GK_EINVALID;
    }
    if (agency && *agency)
        l = find_line(m, d, agency);
    if (!l)
        l = find_line(m, d, NULL);
    if (!l) {
        gk_error_set(GK_ERRCLASS_INVALID,
                     "决定类型 '%s'（%s）在决定对应表 %s 中没有对应的表三行%s%s%s："
                     "请在该文件中为它指定一行（docs/decision-map.md）",
                     decision, decisions[d].label, m->source, agency && *agency ? "（机关 " : "",
                     agency && *agency ? agency : "", agency && *agency ? "）" : "");
        return GK_EINVALID;
    }
    *row_out = l->row;
    return 0;
}

int gk_decision_map_format(gk_buf *b, const gk_decision_map *m)
{
    bool agencies = false;
    size_t i;
    int pass, error;

    GK_ASSERT_ARG(b && m);
    for (i = 0; i < m->n; i++)
        agencies |= m->v[i].agency != NULL;
    error = gk_buf_puts(b, agencies ? "decision,row,agency\n" : "decision,row\n");
    /* Lines without an agency first, then the per-agency ones. */
    for (pass = 0; pass < 2; pass++)
        for (i = 0; error == 0 && i < m->n; i++) {
            const map_line *l = &m->v[i];
            if ((l->agency != NULL) != (pass == 1))
                continue;
            error = gk_buf_printf(b, "%s,%s%s%s\n", decisions[l->decision].id,
                                  gk_t3_row_key(l->row), agencies ? "," : "",
                                  l->agency ? l->agency : "");
        }
    return error;
}
