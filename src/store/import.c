/*
 * import.c: `gongkai import cases` — an application ledger (台账) in the
 * CSV format of spec/cli.md, all or nothing.
 *
 * Three steps: decode (UTF-8, or GB18030 through iconv), parse the CSV
 * (RFC 4180 quoting, the header names the columns in any order), check
 * every row and report every problem with its line; then, only if nothing
 * was wrong, insert all rows in one transaction. A crash before COMMIT
 * leaves the database as it was (SQLite's journal), so an import is never
 * half-written, and nothing is reported as imported before the commit.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <stdio.h>
#include "util/util.h"
#include "util/utf8.h"
#include "store_int.h"

/* The columns of the ledger (spec/cli.md). required: must be in the
 * header. The last three are optional extras of the 第二十九条 intake. */
#define COLUMNS(X)                                                                                 \
    X(TRACKING_NO, "tracking_no", true)                                                            \
    X(AGENCY, "agency", false)                                                                     \
    X(APPLICANT_TYPE, "applicant_type", true)                                                      \
    X(APPLICANT, "applicant", true)                                                                \
    X(CHANNEL, "channel", true)                                                                    \
    X(RECEIVED, "received", true)                                                                  \
    X(CONCLUDED, "concluded", false)                                                               \
    X(OUTCOME, "outcome", false)                                                                   \
    X(APPLICANT_ID, "applicant_id", false)                                                         \
    X(CONTACT, "contact", false)                                                                   \
    X(DESCRIPTION, "description", false)

enum {
#define X_(key, name, req) COL_##key,
    COLUMNS(X_)
#undef X_
    NCOLS
};

static const struct {
    const char *name;
    bool required;
} columns[NCOLS] = {
#define X_(key, name, req) {name, req},
    COLUMNS(X_)
#undef X_
};

#define MAX_FIELDS 64

typedef struct {
    int64_t line;
    size_t field[NCOLS]; /* offset into strings; SIZE_MAX when the column is absent */
} row;

typedef struct {
    gk_store *st;
    const char *source;
    gk_store_import_result *res;
    gk_buf text;    /* decoded UTF-8 */
    gk_buf strings; /* unescaped fields, NUL-terminated */
    row *rows;
    size_t nrows, caprows;
    int map[MAX_FIELDS]; /* CSV field index → column, -1 = none */
    int nfields;
    char *default_agency;
    gk_buf agencies; /* every agency code of the store, each NUL-terminated */
} importer;

static int report(importer *im, int64_t line, const char *fmt, ...) GK_PRINTF(3, 4);
static int report(importer *im, int64_t line, const char *fmt, ...)
{
    va_list ap;
    int error;

    error = gk_buf_printf(&im->res->errors, "%s:%lld: ", im->source, (long long)line);
    va_start(ap, fmt);
    if (error == 0)
        error = gk_buf_vprintf(&im->res->errors, fmt, ap);
    va_end(ap);
    if (error == 0)
        error = gk_buf_putc(&im->res->errors, '\n');
    return error;
}

/* ------------------------------------------------------------- decode */

static int decode(importer *im, const char *data, size_t len)
{
    iconv_t cd;
    char *in = (char *)(uintptr_t)data; /* iconv's API is not const-correct */
    size_t inleft = len;
    int error;

    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    }
    if (gk_utf8_invalid_at(data, len) == len)
        return gk_buf_put(&im->text, data, len);
    /* Not UTF-8: GB18030 (a superset of GBK and GB2312), as spreadsheets
     * on Chinese Windows save CSV. */
    cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) {
        gk_error_set(GK_ERRCLASS_PARSE, "%s: 不是 UTF-8，且系统不支持 GB18030 转换", im->source);
        return GK_EINVALID;
    }
    error = gk_buf_grow(&im->text, len * 2 + 16);
    while (error == 0 && inleft > 0) {
        char *out = im->text.ptr + im->text.len;
        size_t outleft = im->text.cap - im->text.len - 1;
        size_t rc = iconv(cd, &in, &inleft, &out, &outleft);
        im->text.len = (size_t)(out - im->text.ptr);
        if (rc == (size_t)-1 && errno == E2BIG) {
            error = gk_buf_grow(&im->text, inleft * 2 + 16);
        } else if (rc == (size_t)-1) {
            gk_error_set(GK_ERRCLASS_PARSE, "%s: 第 %zu 字节起既不是 UTF-8 也不是 GB18030",
                         im->source, len - inleft + 1);
            error = GK_EINVALID;
        }
    }
    iconv_close(cd);
    if (error == 0)
        im->text.ptr[im->text.len] = '\0';
    return error;
}

/* ---------------------------------------------------------------- CSV */

/* Parses one record starting at *pos: fields are appended to strings and
 * their offsets stored in offs. Advances *pos and *line past the record.
 * Returns the number of fields, or a negative error (unterminated quote). */
static int parse_record(importer *im, size_t *pos, int64_t *line, size_t offs[MAX_FIELDS],
                        int *nfields)
{
    const char *s = im->text.ptr;
    size_t n = im->text.len, i = *pos;
    int64_t start_line = *line;
    int error = 0;

    *nfields = 0;
    for (;;) {
        if (*nfields >= MAX_FIELDS) {
            report(im, start_line, "字段超过 %d 个", MAX_FIELDS);
            return GK_EINVALID;
        }
        offs[(*nfields)++] = im->strings.len;
        if (i < n && s[i] == '"') {
            i++;
            for (;;) {
                if (i >= n) {
                    error = report(im, start_line, "引号没有闭合");
                    return error < 0 ? error : GK_EINVALID;
                }
                if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') {
                    error = gk_buf_putc(&im->strings, '"');
                    i += 2;
                } else if (s[i] == '"') {
                    i++;
                    break;
                } else {
                    if (s[i] == '\n')
                        (*line)++;
                    error = gk_buf_putc(&im->strings, s[i]);
                    i++;
                }
                if (error < 0)
                    return error;
            }
        }
        while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
            error = gk_buf_putc(&im->strings, s[i]);
            if (error < 0)
                return error;
            i++;
        }
        error = gk_buf_putc(&im->strings, '\0');
        if (error < 0)
            return error;
        if (i < n && s[i] == ',') {
            i++;
            continue;
        }
        if (i < n && s[i] == '\r')
            i++;
        if (i < n && s[i] == '\n')
            i++;
        (*line)++;
        break;
    }
    *pos = i;
    return 0;
}

static const char *field(const importer *im, const row *r, int col)
{
    return r->field[col] == SIZE_MAX ? "" : im->strings.ptr + r->field[col];
}

/* Trims ASCII spaces in place (fields are NUL-terminated copies). */
static void trim_all(importer *im, size_t offs[MAX_FIELDS], int nf)
{
    int i;

    for (i = 0; i < nf; i++) {
        char *f = im->strings.ptr + offs[i];
        size_t len = strlen(f);
        size_t a = 0;
        while (a < len && (f[a] == ' ' || f[a] == '\t'))
            a++;
        while (len > a && (f[len - 1] == ' ' || f[len - 1] == '\t'))
            len--;
        memmove(f, f + a, len - a);
        f[len - a] = '\0';
    }
}

static int read_header(importer *im, size_t offs[MAX_FIELDS], int nf, int64_t line)
{
    bool seen[NCOLS] = {false};
    int i, c, bad = 0;

    for (i = 0; i < nf; i++) {
        const char *name = im->strings.ptr + offs[i];
        im->map[i] = -1;
        for (c = 0; c < NCOLS; c++)
            if (!strcmp(name, columns[c].name))
                break;
        if (c == NCOLS) {
            bad |= report(im, line, "未知的列 '%s'", name) < 0;
            im->res->bad_rows++;
            continue;
        }
        if (seen[c]) {
            report(im, line, "列 '%s' 出现了两次", name);
            im->res->bad_rows++;
            continue;
        }
        seen[c] = true;
        im->map[i] = c;
    }
    for (c = 0; c < NCOLS; c++)
        if (columns[c].required && !seen[c]) {
            report(im, line, "缺少必需的列 '%s'", columns[c].name);
            im->res->bad_rows++;
        }
    im->nfields = nf;
    return bad ? GK_ENOMEM : 0;
}

static int parse_all(importer *im)
{
    size_t offs[MAX_FIELDS];
    size_t pos = 0;
    int64_t line = 1;
    bool header = true;
    int nf, i, error;

    while (pos < im->text.len) {
        int64_t at = line;
        error = parse_record(im, &pos, &line, offs, &nf);
        if (error < 0)
            return error;
        if (nf == 1 && im->strings.ptr[offs[0]] == '\0')
            continue; /* blank line */
        trim_all(im, offs, nf);
        if (header) {
            error = read_header(im, offs, nf, at);
            if (error < 0)
                return error;
            header = false;
            continue;
        }
        if (im->nrows == im->caprows) {
            size_t cap = im->caprows ? im->caprows * 2 : 256;
            row *r = gk_realloc(im->rows, cap * sizeof *r);
            if (!r)
                return gk__oom();
            im->rows = r;
            im->caprows = cap;
        }
        {
            row *r = &im->rows[im->nrows++];
            r->line = at;
            for (i = 0; i < NCOLS; i++)
                r->field[i] = SIZE_MAX;
            if (nf != im->nfields) {
                report(im, at, "有 %d 个字段，表头有 %d 列", nf, im->nfields);
                im->res->bad_rows++;
                im->nrows--;
                continue;
            }
            for (i = 0; i < nf; i++)
                if (im->map[i] >= 0)
                    r->field[im->map[i]] = offs[i];
        }
    }
    if (header) {
        gk_error_set(GK_ERRCLASS_PARSE, "%s: 文件为空，缺少表头", im->source);
        return GK_EINVALID;
    }
    return 0;
}

/* -------------------------------------------------------------- rows */

static int outcome_of(const char *s)
{
    int r;

    for (r = GK_T3_FIRST_RESULT; r <= GK_T3_LAST_RESULT; r++)
        if (!strcmp(s, gk_t3_row_key(r)) || !strcmp(s, gk_t3_row_label(r)))
            return r;
    return -1;
}

/* Builds the case of row r, or reports why it cannot (returns 1). The
 * case's strings point into im->strings, stable once parsing is done. */
/* Whether code is an agency of the store, so that an unknown one is a bad
 * row of the check pass (listed with the others), not a failed insert. */
static bool has_agency(const importer *im, const char *code)
{
    size_t at = 0;

    while (at < im->agencies.len) {
        const char *a = im->agencies.ptr + at;
        if (strcmp(a, code) == 0)
            return true;
        at += strlen(a) + 1;
    }
    return false;
}

static int row_to_case(importer *im, const row *r, gk_case *c)
{
    const char *v;
    int k, problems = 0;

#define BAD(...)                                                                                   \
    do {                                                                                           \
        if (report(im, r->line, __VA_ARGS__) < 0)                                                  \
            return GK_ENOMEM;                                                                      \
        problems++;                                                                                \
    } while (0)

    gk_case_init(c);
    c->tracking_no = field(im, r, COL_TRACKING_NO);
    if (!*c->tracking_no)
        BAD("tracking_no 为空");
    c->agency = field(im, r, COL_AGENCY);
    if (!*c->agency) {
        if (!im->default_agency)
            BAD("agency 为空，而数据库中不止一个机关");
        else
            c->agency = im->default_agency;
    } else if (!has_agency(im, c->agency)) {
        BAD("agency '%s' 不是数据库中的机关代码", c->agency);
    }
    v = field(im, r, COL_APPLICANT_TYPE);
    k = gk_applicant_type_from_label(v, strlen(v));
    if (k < 0)
        BAD("applicant_type '%s' 不是 自然人/商业企业/科研机构/社会公益组织/法律服务机构/其他", v);
    else
        c->applicant_type = (gk_applicant_type)k;
    c->applicant = field(im, r, COL_APPLICANT);
    c->applicant_id = field(im, r, COL_APPLICANT_ID);
    c->contact = field(im, r, COL_CONTACT);
    c->description = field(im, r, COL_DESCRIPTION);
    v = field(im, r, COL_CHANNEL);
    k = gk_channel_from_label(v, strlen(v));
    if (k < 0)
        BAD("channel '%s' 不是 当面/邮寄/网络/传真/其他", v);
    else
        c->channel = (gk_channel)k;
    v = field(im, r, COL_RECEIVED);
    if (gk_date_parse(&c->received, v, strlen(v)) < 0)
        BAD("received '%s' 不是 YYYY-MM-DD 日期", v);
    c->arrival = c->received;
    if (problems == 0 && gk_case_intake(c) < 0)
        BAD("%s", gk_error_last()->message);

    v = field(im, r, COL_CONCLUDED);
    if (*v) {
        const char *o = field(im, r, COL_OUTCOME);
        if (gk_date_parse(&c->concluded, v, strlen(v)) < 0)
            BAD("concluded '%s' 不是 YYYY-MM-DD 日期", v);
        else if (gk_date_valid(c->received) && gk_date_cmp(c->concluded, c->received) < 0)
            BAD("concluded %s 早于 received", v);
        c->outcome = outcome_of(o);
        if (!*o)
            BAD("已办结（concluded 有日期）但 outcome 为空");
        else if (c->outcome < 0)
            BAD("outcome '%s' 不是表三的办理结果行（R_GRANT … R_OT_OTHER 或其中文标签）", o);
        /* A ledger gives the result, not the history: the state follows
         * from the outcome row (the two 视为放弃 rows have their own). */
        c->state = c->outcome == GK_T3_R_OT_NOCORRECT ? GK_CASE_ABANDONED_NO_CORRECTION
                   : c->outcome == GK_T3_R_OT_NOFEE   ? GK_CASE_ABANDONED_NO_FEE
                                                      : GK_CASE_ANSWERED;
        c->last_event = c->concluded;
    } else {
        if (*field(im, r, COL_OUTCOME))
            BAD("有 outcome 但 concluded 为空");
        c->state = GK_CASE_IN_PROGRESS;
    }
#undef BAD
    if (problems) {
        im->res->bad_rows++;
        return 1;
    }
    return 0;
}

typedef struct {
    const char *agency, *no;
    int64_t line;
} key_line;

static int key_cmp(const void *a, const void *b)
{
    const key_line *x = a, *y = b;
    int c = strcmp(x->agency, y->agency);

    if (c == 0)
        c = strcmp(x->no, y->no);
    if (c == 0)
        c = x->line < y->line ? -1 : x->line > y->line;
    return c;
}

static int found_existing(const gk_case *c, void *payload)
{
    (void)c;
    *(bool *)payload = true;
    return 1;
}

/* Duplicate ledger numbers, in the file and against the database. */
static int check_duplicates(importer *im)
{
    key_line *keys = NULL;
    size_t i, n = 0;
    int error = 0;

    if (im->nrows == 0)
        return 0;
    keys = gk_calloc(im->nrows, sizeof *keys);
    if (!keys)
        return gk__oom();
    for (i = 0; i < im->nrows; i++) {
        const char *agency = field(im, &im->rows[i], COL_AGENCY);
        keys[n].agency = *agency ? agency : (im->default_agency ? im->default_agency : "");
        keys[n].no = field(im, &im->rows[i], COL_TRACKING_NO);
        keys[n].line = im->rows[i].line;
        n++;
    }
    qsort(keys, n, sizeof *keys, key_cmp);
    for (i = 0; error == 0 && i < n; i++) {
        gk_case_query q = GK_CASE_QUERY_INIT;
        bool exists = false;
        if (i > 0 && !strcmp(keys[i].agency, keys[i - 1].agency) &&
            !strcmp(keys[i].no, keys[i - 1].no)) {
            error = report(im, keys[i].line, "tracking_no '%s' 与第 %lld 行重复", keys[i].no,
                           (long long)keys[i - 1].line);
            im->res->bad_rows++;
            continue;
        }
        if (!*keys[i].no || !*keys[i].agency)
            continue;
        q.agency = keys[i].agency;
        q.tracking_no = keys[i].no;
        error = gk_store_case_foreach(im->st, &q, found_existing, &exists);
        if (error > 0)
            error = 0;
        if (error == 0 && exists) {
            error = report(im, keys[i].line, "机关 '%s' 已有登记号为 '%s' 的申请", keys[i].agency,
                           keys[i].no);
            im->res->bad_rows++;
        }
    }
    gk_free(keys);
    return error;
}

static int collect_agency(const gk_agency *a, void *payload)
{
    importer *im = payload;
    int error = gk_buf_put(&im->agencies, a->code, strlen(a->code) + 1);

    if (error < 0)
        return error;

    gk_free(im->default_agency);
    im->default_agency = NULL;
    if (im->nfields++ == 0) {
        im->default_agency = gk_strdup(a->code);
        if (!im->default_agency)
            return gk__oom();
    }
    return 0;
}

int gk_store_import_cases(gk_store *st, const char *data, size_t len, const char *source,
                          gk_store_import_result *res)
{
    importer im;
    gk_case c;
    size_t i;
    int error;

    GK_ASSERT_ARG(st && data && res);
    memset(&im, 0, sizeof im);
    im.st = st;
    im.source = source ? source : "-";
    im.res = res;
    res->imported = 0;
    res->bad_rows = 0;
    gk_buf_init(&im.text, GK_BUF_DEFAULT_MAX);
    gk_buf_init(&im.strings, GK_BUF_DEFAULT_MAX);
    gk_buf_init(&im.agencies, GK_BUF_DEFAULT_MAX);

    /* The only agency, when there is exactly one, is the default. */
    error = gk_store_agency_foreach(st, collect_agency, &im);
    if (error < 0)
        goto done;
    if (im.nfields != 1) {
        gk_free(im.default_agency);
        im.default_agency = NULL;
    }
    im.nfields = 0;

    error = decode(&im, data, len);
    if (error < 0)
        goto done;
    error = parse_all(&im);
    if (error < 0)
        goto done;
    for (i = 0; i < im.nrows; i++) {
        error = row_to_case(&im, &im.rows[i], &c);
        if (error < 0)
            goto done;
    }
    error = check_duplicates(&im);
    if (error < 0)
        goto done;
    if (res->bad_rows > 0) {
        gk_error_set(GK_ERRCLASS_PARSE, "%s: %lld 行有错误，未导入任何数据", im.source,
                     (long long)res->bad_rows);
        error = GK_EINVALID;
        goto done;
    }

    /* All rows are good: write them in one transaction. */
    error = gk_store_tx_begin(st);
    if (error < 0)
        goto done;
    for (i = 0; i < im.nrows; i++) {
        error = row_to_case(&im, &im.rows[i], &c);
        if (error != 0) {
            if (error > 0)
                GK_BUG("row %lld passed the check, then failed", (long long)im.rows[i].line);
            break;
        }
        error = gk_store__case_insert(st, &c);
        if (error < 0) {
            gk_error_prefix("%s:%lld", im.source, (long long)im.rows[i].line);
            break;
        }
    }
    if (error == 0)
        error = gk_store_tx_commit(st);
    else
        gk_store_tx_rollback(st);
    if (error == 0)
        res->imported = (int64_t)im.nrows;
done:
    gk_buf_release(&im.text);
    gk_buf_release(&im.strings);
    gk_buf_release(&im.agencies);
    gk_free(im.rows);
    gk_free(im.default_agency);
    return error;
}
