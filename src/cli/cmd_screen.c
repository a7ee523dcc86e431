/*
 * cmd_screen.c: `gongkai screen FILE... [--words FILE] [--typos FILE]
 * [--json] [--mask -o OUT]` (spec/cli.md "Screening"): finds personal data,
 * secret markers, dictionary words and typos in text, HTML or DOCX before
 * publication, and writes a masked copy.
 *
 * Plain text is streamed in bounded memory (any size); HTML and DOCX are
 * read whole (HTML up to 64 MiB) and screened through their text view, so
 * offsets stay offsets into the original file (for DOCX: into
 * word/document.xml, and the line number is the paragraph number).
 * Exit 1 when an error-severity finding exists, 2 when an input or
 * dictionary cannot be read or an output cannot be written.
 */
#include <string.h>
#include "cli.h"
#include "gk/screen.h"

static const cli_opt opts[] = {
    {"words", 0, OPT_MULTI, "FILE", "敏感词表（UTF-8，每行一个，# 开头为注释），可多次给出"},
    {"typos", 0, OPT_MULTI, "FILE", "错别字表（每行 错误<TAB>正确），可多次给出"},
    {"no-default-typos", 0, OPT_FLAG, NULL, "不加载自带的常见错别字表 data/typos.txt"},
    {"name", 0, OPT_MULTI, "姓名", "需要查找并脱敏的姓名，可多次给出"},
    {"json", 0, OPT_FLAG, NULL, "输出 JSON（gongkai.screen/1，每个文件一行）"},
    {"mask", 0, OPT_FLAG, NULL, "写出脱敏后的副本（需 -o）"},
    {"output", 'o', OPT_VALUE, "OUT", "脱敏副本的路径（- 为标准输出）"},
    {"log", 0, OPT_VALUE, "FILE", "脱敏记录（默认 OUT.log）：位置、类别、脱敏后的文字"},
    {"format", 0, OPT_VALUE, "FMT", "输入格式 auto|text|html|docx（默认按文件名和内容判断）"},
    {"engine", 0, OPT_VALUE, "ENG", "词表匹配引擎 auto|ac|hs（默认 auto：有 Vectorscan 时用它）"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

static const struct {
    const char *label;
    const char *color;
} sev_style[] = {
    [GK_SCREEN_INFO] = {"提示", "\033[36m"},
    [GK_SCREEN_WARNING] = {"警告", "\033[33m"},
    [GK_SCREEN_ERROR] = {"错误", "\033[1;31m"},
};

typedef struct {
    const char *path;
    bool json, color, first;
    size_t counts[3];
    gk_screen_findings *keep; /* when masking: findings are kept */
    int rc;
} run_ctx;

/* Copies s without the control bytes of the markup view (tags, breaks,
 * newlines), for display and for the JSON "text". */
static void clean(gk_buf *out, gk_str s)
{
    size_t i;

    gk_buf_clear(out);
    for (i = 0; i < s.len; i++)
        if ((unsigned char)s.ptr[i] >= 0x20 && out->len + 1 < out->max)
            if (gk_buf_putc(out, s.ptr[i]) < 0)
                return;
}

static int on_finding(const gk_screen_finding *f, void *ud)
{
    run_ctx *c = ud;
    gk_buf t = GK_BUF_INIT, b = GK_BUF_INIT, a = GK_BUF_INIT;
    gk_screen_finding g = *f;
    int rc = 0;

    c->counts[f->severity]++;
    clean(&t, f->text);
    g.text.ptr = gk_buf_cstr(&t);
    g.text.len = t.len;
    if (c->keep) {
        rc = gk_screen_collect(f, c->keep);
        if (rc < 0)
            goto done;
    }
    if (c->json) {
        gk_buf j = GK_BUF_INIT;
        rc = gk_screen_finding_json(&j, &g);
        if (rc == 0)
            printf("%s%s", c->first ? "" : ",", gk_buf_cstr(&j));
        gk_buf_release(&j);
        c->first = false;
        goto done;
    }
    clean(&b, f->context_before);
    clean(&a, f->context_after);
    printf("%s:%llu:%llu: %s%s%s [%s] %s「%s」", c->path, (unsigned long long)f->line,
           (unsigned long long)f->col, c->color ? sev_style[f->severity].color : "",
           sev_style[f->severity].label, c->color ? "\033[0m" : "",
           gk_screen_category_name(f->category), gk_screen_category_label(f->category),
           gk_buf_cstr(&t));
    if (f->suggestion)
        printf(" → 「%s」", f->suggestion);
    printf("  …%s【%s】%s…\n", gk_buf_cstr(&b), gk_buf_cstr(&t), gk_buf_cstr(&a));
done:
    gk_buf_release(&t);
    gk_buf_release(&b);
    gk_buf_release(&a);
    return rc;
}

/* Streams a plain-text file (or stdin) through the screener. */
static int screen_stream(const gk_screen *s, const char *path, run_ctx *c)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    gk_screen_stream *st = NULL;
    static char chunk[1 << 20];
    int rc;

    if (!f) {
        gk_error_set(GK_ERRCLASS_OS, "无法打开: %s", path);
        return GK_ENOTFOUND;
    }
    rc = gk_screen_stream_new(&st, s, on_finding, c);
    while (rc == 0) {
        size_t n = fread(chunk, 1, sizeof chunk, f);
        if (n == 0) {
            if (ferror(f)) {
                gk_error_set(GK_ERRCLASS_OS, "读取失败: %s", path);
                rc = GK_EIO;
            }
            break;
        }
        rc = gk_screen_stream_feed(st, chunk, n);
    }
    if (rc == 0)
        rc = gk_screen_stream_finish(st);
    gk_screen_stream_free(st);
    if (f != stdin)
        fclose(f);
    return rc;
}

typedef struct {
    gk_buf data; /* original bytes (DOCX: word/document.xml) */
    gk_buf view; /* markup view, empty for text */
} loaded;

static int load(loaded *l, const char *path, gk_screen_format fmt)
{
    int rc;

    if (fmt == GK_SCREEN_DOCX) {
        gk_buf_init(&l->data, (size_t)256 << 20);
        rc = gk_screen_docx_read(&l->data, path);
    } else {
        size_t cap = fmt == GK_SCREEN_HTML ? GK_MAX_INPUT : (size_t)1 << 30;
        gk_buf_init(&l->data, cap);
        rc = gk_file_read(&l->data, path, cap);
    }
    if (rc == 0 && fmt != GK_SCREEN_TEXT) {
        gk_buf_init(&l->view, l->data.max + 1);
        rc = gk_screen_markup_view(&l->view, l->data.ptr ? l->data.ptr : "", l->data.len,
                                   fmt == GK_SCREEN_DOCX);
    }
    return rc;
}

static const char *default_typos(char *buf, size_t n)
{
    const char *dir = getenv("GK_DATA_DIR");
    FILE *f;

    snprintf(buf, n, "%s/typos.txt", dir && *dir ? dir : GK_SOURCE_DIR_DEFAULT "/data");
    f = fopen(buf, "rb");
    if (!f)
        return NULL;
    fclose(f);
    return buf;
}

static int build(gk_screen **out, gk_screen_dict **dict, const cli_parsed *p)
{
    static const struct {
        const char *name;
        gk_screen_engine engine;
    } engines[] = {{"auto", GK_SCREEN_ENGINE_AUTO}, {"ac", GK_SCREEN_ENGINE_AC},
                   {"hs", GK_SCREEN_ENGINE_HS}};
    gk_screen_options o = {GK_SCREEN_ENGINE_AUTO, 0};
    const char *eng = cli_get(p, opts, "engine");
    char path[4096];
    const char *dt;
    size_t i;
    int k, rc;

    rc = gk_screen_dict_new(dict);
    if (rc < 0)
        return rc;
    if (eng) {
        for (i = 0; i < GK_ARRAY_LEN(engines); i++)
            if (!strcmp(eng, engines[i].name))
                break;
        if (i == GK_ARRAY_LEN(engines)) {
            gk_error_set(GK_ERRCLASS_INVALID, "未知引擎 '%s'（auto|ac|hs）", eng);
            return GK_EINVALID;
        }
        o.engine = engines[i].engine;
    }
    dt = cli_has(p, opts, "no-default-typos") ? NULL : default_typos(path, sizeof path);
    if (dt) {
        rc = gk_screen_dict_load_typos(*dict, dt);
        if (rc < 0)
            return rc;
    }
    for (k = 0; k < p->nmulti[0] && rc == 0; k++)
        rc = gk_screen_dict_load_words(*dict, p->multi[0][k]);
    for (k = 0; k < p->nmulti[1] && rc == 0; k++)
        rc = gk_screen_dict_load_typos(*dict, p->multi[1][k]);
    for (k = 0; k < p->nmulti[3] && rc == 0; k++)
        rc = gk_screen_dict_add_name(*dict, p->multi[3][k], strlen(p->multi[3][k]));
    if (rc < 0)
        return rc;
    return gk_screen_new(out, *dict, &o);
}

/* Writes the masked copy and its log. */
static int write_masked(const char *src, gk_screen_format fmt, const loaded *l,
                        const gk_screen_findings *fs, const cli_parsed *p)
{
    const char *out = cli_get(p, opts, "output"), *logp = cli_get(p, opts, "log");
    gk_buf masked = GK_BUF_INIT, log = GK_BUF_INIT;
    gk_screen_mask_rules rules;
    char logbuf[4096];
    int rc;

    gk_buf_init(&masked, (size_t)2 << 30);
    gk_buf_init(&log, (size_t)1 << 30);
    gk_screen_mask_rules_default(&rules);
    rc = gk_screen_mask(&masked, &log, l->data.ptr ? l->data.ptr : "", l->data.len, fs, &rules,
                        fmt == GK_SCREEN_TEXT ? NULL : l->view.ptr);
    if (rc < 0)
        goto done;
    if (fmt == GK_SCREEN_DOCX) {
        if (!strcmp(out, "-")) {
            gk_error_set(GK_ERRCLASS_INVALID, "DOCX 脱敏副本不能写到标准输出");
            rc = GK_EINVALID;
            goto done;
        }
        rc = gk_screen_docx_write(src, out, masked.ptr ? masked.ptr : "", masked.len);
    } else {
        rc = gk_file_write_atomic(out, masked.ptr ? masked.ptr : "", masked.len);
    }
    if (rc < 0)
        goto done;
    if (!logp && strcmp(out, "-")) {
        snprintf(logbuf, sizeof logbuf, "%s.log", out);
        logp = logbuf;
    }
    if (logp)
        rc = gk_file_write_atomic(logp, log.ptr ? log.ptr : "", log.len);
done:
    gk_buf_release(&masked);
    gk_buf_release(&log);
    return rc;
}

static int json_open(const char *path)
{
    gk_buf b = GK_BUF_INIT;
    int rc = gk_screen_json_open(&b, path);

    if (rc == 0)
        fputs(gk_buf_cstr(&b), stdout);
    gk_buf_release(&b);
    return rc;
}

static int screen_file(const gk_screen *s, const char *path, const cli_parsed *p, run_ctx *c)
{
    const char *fmts = cli_get(p, opts, "format");
    bool mask = cli_has(p, opts, "mask");
    gk_screen_format fmt = GK_SCREEN_TEXT;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    loaded l = {GK_BUF_INIT, GK_BUF_INIT};
    bool opened = false;
    int rc = 0;

    if (fmts && strcmp(fmts, "auto")) {
        static const char *const names[] = {"text", "html", "docx"};
        size_t i;
        for (i = 0; i < GK_ARRAY_LEN(names) && strcmp(fmts, names[i]); i++)
            ;
        if (i == GK_ARRAY_LEN(names)) {
            gk_error_set(GK_ERRCLASS_INVALID, "未知格式 '%s'（auto|text|html|docx）", fmts);
            return GK_EINVALID;
        }
        fmt = (gk_screen_format)i;
    } else if (strcmp(path, "-")) {
        char head[512];
        size_t n = 0;
        FILE *f = fopen(path, "rb");
        if (!f) {
            gk_error_set(GK_ERRCLASS_OS, "无法打开: %s", path);
            return GK_ENOTFOUND;
        }
        n = fread(head, 1, sizeof head, f);
        fclose(f);
        fmt = gk_screen_format_guess(path, head, n);
    }
    c->path = path;
    c->first = true;
    c->keep = mask ? &fs : NULL;
    if (fmt == GK_SCREEN_TEXT && !mask) {
        if (c->json) {
            rc = json_open(path);
            opened = rc == 0;
        }
        if (rc == 0)
            rc = screen_stream(s, path, c);
    } else {
        rc = load(&l, path, fmt);
        if (rc == 0 && c->json) {
            rc = json_open(path);
            opened = rc == 0;
        }
        if (rc == 0) {
            const gk_buf *scan = fmt == GK_SCREEN_TEXT ? &l.data : &l.view;
            rc = gk_screen_buffer(s, scan->ptr ? scan->ptr : "", scan->len, on_finding, c);
        }
        if (rc == 0 && mask)
            rc = write_masked(path, fmt, &l, &fs, p);
    }
    if (opened)
        printf("]}\n");
    gk_screen_findings_release(&fs);
    gk_buf_release(&l.data);
    gk_buf_release(&l.view);
    return rc;
}

int cmd_screen(int argc, char **argv)
{
    cli_parsed p;
    run_ctx c;
    gk_screen *s = NULL;
    gk_screen_dict *dict = NULL;
    int rc, i, exit_code = CLI_EXIT_OK;
    bool io_failed = false;

    rc = cli_parse(&p, opts, argc, argv, "screen");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "screen", "FILE... [--words FILE] [--typos FILE] [--json] [--mask -o OUT]",
                  "发布前审查：查找个人信息（身份证号、手机号、银行卡号、邮箱、护照、车牌）、"
                  "密级标志、敏感词和常见错别字；可输出脱敏副本。支持文本、HTML 和 DOCX。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs == 0) {
        fprintf(stderr, "gongkai screen: 需要至少一个文件（见 gongkai screen --help）\n");
        return CLI_EXIT_USAGE;
    }
    if (cli_has(&p, opts, "mask") != cli_has(&p, opts, "output") ||
        (cli_has(&p, opts, "mask") && p.nargs != 1)) {
        fprintf(stderr, "gongkai screen: --mask 与 -o OUT 须一起使用，且只处理一个文件\n");
        return CLI_EXIT_USAGE;
    }
    rc = build(&s, &dict, &p);
    if (rc < 0) {
        exit_code = cli_fail(rc, "screen");
        goto done;
    }
    memset(&c, 0, sizeof c);
    c.json = cli_has(&p, opts, "json");
    c.color = !c.json && cli_color(stdout);
    for (i = 0; i < p.nargs; i++) {
        rc = screen_file(s, p.args[i], &p, &c);
        if (rc < 0) {
            fflush(stdout);
            (void)cli_fail(rc, p.args[i]);
            io_failed = true;
        }
    }
    if (!c.json)
        fprintf(stderr, "共发现 %zu 处：错误 %zu，警告 %zu，提示 %zu\n",
                c.counts[0] + c.counts[1] + c.counts[2], c.counts[GK_SCREEN_ERROR],
                c.counts[GK_SCREEN_WARNING], c.counts[GK_SCREEN_INFO]);
    if (io_failed)
        exit_code = CLI_EXIT_USAGE;
    else if (c.counts[GK_SCREEN_ERROR])
        exit_code = CLI_EXIT_FINDINGS;
done:
    gk_screen_free(s);
    gk_screen_dict_free(dict);
    return exit_code;
}
