/*
 * cmd_audit.c: `gongkai audit PATH... [--json|--csv] [-j N]` (spec/cli.md):
 * every report under the paths, checked in parallel, one row each as it is
 * done, then a summary by rule and the cross-report YOY.CARRY findings.
 * Output streams, so memory stays flat over 100,000 reports.
 */
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "gk/audit.h"
#include "cli.h"

static const cli_opt opts[] = {
    {"json", 0, OPT_FLAG, NULL, "输出 JSON（gongkai.audit/1）"},
    {"csv", 0, OPT_FLAG, NULL, "输出 CSV，每份报告一行"},
    {"jobs", 'j', OPT_VALUE, "N", "并行线程数（默认为 CPU 核数）"},
    {"quiet", 'q', OPT_FLAG, NULL, "不显示进度条"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

enum out_mode { OUT_PEOPLE, OUT_CSV, OUT_JSON };

#define MAX_RULES 64

typedef struct {
    enum out_mode mode;
    bool progress;
    size_t reports, with_errors, unreadable, findings;
    struct {
        const char *rule;
        size_t count, reports;
    } by_rule[MAX_RULES];
    size_t nrules;
    size_t ncross;
    FILE *cross;       /* cross-report findings, printed after the rows */
    char *cross_text;
    size_t cross_len;
    bool first_json;
    struct timespec start;
} audit_ctx;

static void count_rule(audit_ctx *c, const char *rule_in, bool first_in_report)
{
    const gk_rule_info *info = gk_rule_find(rule_in);
    /* keep the catalogue's static id: findings are freed with their report */
    const char *rule = info ? info->id : "YOY.CARRY";
    size_t i;

    if (!info && strcmp(rule_in, "YOY.CARRY") != 0)
        return;

    for (i = 0; i < c->nrules; i++)
        if (!strcmp(c->by_rule[i].rule, rule))
            break;
    if (i == c->nrules) {
        if (c->nrules == MAX_RULES)
            return;
        c->by_rule[i].rule = rule;
        c->by_rule[i].count = 0;
        c->by_rule[i].reports = 0;
        c->nrules++;
    }
    c->by_rule[i].count++;
    if (first_in_report)
        c->by_rule[i].reports++;
}

static void csv_field(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

/* Prints s as a JSON string literal (gk_buf_put_json_string). */
static void json_str(FILE *f, const char *s)
{
    gk_buf b = GK_BUF_INIT;

    if (gk_buf_put_json_string(&b, s, strlen(s)) == 0)
        fwrite(b.ptr, 1, b.len, f);
    else
        fputs("\"\"", f);
    gk_buf_release(&b);
}

static void print_people(const gk_audit_item *it)
{
    const char *status;

    if (it->error < 0) {
        printf("%-6s %s\n       %s\n", "无法读取", it->path, it->error_message);
        return;
    }
    status = it->n_error ? "错误" : it->n_warning ? "警告" : "通过";
    printf("%-6s %s  %s %d年  错误%zu 警告%zu 提示%zu\n", status, it->path,
           it->report->agency && *it->report->agency ? it->report->agency : "（未识别机关）",
           it->report->year, it->n_error, it->n_warning, it->n_info);
    for (size_t i = 0; i < gk_diag_list_count(it->diags); i++) {
        const gk_diag *d = gk_diag_list_get(it->diags, i);
        if (d->severity == GK_SEV_INFO)
            continue;
        printf("       %-18s %s\n", d->rule, d->message);
    }
}

static void print_csv(const gk_audit_item *it)
{
    size_t i;
    gk_buf rules = GK_BUF_INIT;

    csv_field(it->path);
    putchar(',');
    if (it->error < 0) {
        printf(",,,,,unreadable,");
        csv_field(it->error_message);
        putchar('\n');
        return;
    }
    csv_field(it->report->agency ? it->report->agency : "");
    printf(",%d,%zu,%zu,%zu,%s,", it->report->year, it->n_error, it->n_warning, it->n_info,
           it->n_error ? "error" : it->n_warning ? "warning" : "ok");
    for (i = 0; i < gk_diag_list_count(it->diags); i++) {
        const gk_diag *d = gk_diag_list_get(it->diags, i);
        if (d->severity == GK_SEV_INFO)
            continue;
        if (gk_buf_printf(&rules, "%s%s", rules.len ? ";" : "", d->rule) < 0)
            break;
    }
    csv_field(gk_buf_cstr(&rules));
    putchar('\n');
    gk_buf_release(&rules);
}

static void print_json(audit_ctx *c, const gk_audit_item *it)
{
    gk_buf b = GK_BUF_INIT;

    printf("%s\n    ", c->first_json ? "" : ",");
    c->first_json = false;
    if (it->error < 0) {
        printf("{\"file\": ");
        json_str(stdout, it->path);
        printf(", \"status\": \"unreadable\", \"error\": ");
        json_str(stdout, it->error_message);
        printf("}");
        return;
    }
    if (gk_diag_list_to_json(&b, it->diags, it->path, it->report->year) == 0) {
        while (b.len && (b.ptr[b.len - 1] == '\n'))
            b.len--;
        printf("{\"status\": \"%s\", \"errors\": %zu, \"warnings\": %zu, \"infos\": %zu, "
               "\"agency\": ",
               it->n_error ? "error" : it->n_warning ? "warning" : "ok", it->n_error,
               it->n_warning, it->n_info);
        json_str(stdout, it->report->agency ? it->report->agency : "");
        printf(", \"result\": %.*s}", (int)b.len, b.ptr);
    }
    gk_buf_release(&b);
}

static int on_item(const gk_audit_item *it, void *payload)
{
    audit_ctx *c = payload;
    size_t i, j;

    c->reports++;
    if (it->error < 0)
        c->unreadable++;
    else {
        if (it->n_error)
            c->with_errors++;
        for (i = 0; i < gk_diag_list_count(it->diags); i++) {
            const gk_diag *d = gk_diag_list_get(it->diags, i);
            bool first = true;
            for (j = 0; j < i; j++)
                if (!strcmp(gk_diag_list_get(it->diags, j)->rule, d->rule))
                    first = false;
            count_rule(c, d->rule, first);
            c->findings++;
        }
    }
    if (c->progress)
        fputs("\r\033[K", stderr);
    switch (c->mode) {
    case OUT_PEOPLE:
        print_people(it);
        break;
    case OUT_CSV:
        print_csv(it);
        break;
    case OUT_JSON:
        print_json(c, it);
        break;
    }
    return 0;
}

static int on_cross(const char *earlier, const char *later, const gk_diag *d, void *payload)
{
    audit_ctx *c = payload;
    FILE *f = c->cross;

    if (c->mode == OUT_JSON) {
        fprintf(f, "%s\n    {\"rule\": \"%s\", \"severity\": \"warning\", \"cell\": \"%s\", "
                   "\"expected\": %.0f, \"actual\": %.0f, \"earlier\": ",
                c->ncross ? "," : "", d->rule, d->cell, d->expected, d->actual);
        json_str(f, earlier);
        fprintf(f, ", \"later\": ");
        json_str(f, later);
        fprintf(f, ", \"message\": ");
        json_str(f, d->message);
        fprintf(f, "}");
    } else if (c->mode == OUT_CSV) {
        fprintf(f, "\"%s\",,,,,,cross,\"%s: %s\"\n", later, d->rule, d->message);
    } else {
        if (c->ncross == 0)
            fprintf(f, "\n跨年度检查（YOY.CARRY，警告）:\n");
        fprintf(f, "  %s\n    对照 %s: %s\n", later, earlier, d->message);
    }
    c->ncross++;
    count_rule(c, d->rule, true);
    return 0;
}

static void on_progress(size_t done, size_t found, void *payload)
{
    audit_ctx *c = payload;
    struct timespec now;
    double secs;

    if (!c->progress)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    secs = (double)(now.tv_sec - c->start.tv_sec) + (double)(now.tv_nsec - c->start.tv_nsec) / 1e9;
    fprintf(stderr, "\r\033[K[%zu/%zu] %.0f 份/秒", done, found, secs > 0 ? (double)done / secs : 0.0);
}

static void print_summary(audit_ctx *c)
{
    size_t i;

    if (c->mode == OUT_JSON) {
        printf("\n  ],\n  \"summary\": {\"reports\": %zu, \"with_errors\": %zu, \"unreadable\": %zu, "
               "\"findings\": %zu, \"by_rule\": {",
               c->reports, c->with_errors, c->unreadable, c->findings);
        for (i = 0; i < c->nrules; i++)
            printf("%s\"%s\": {\"findings\": %zu, \"reports\": %zu}", i ? ", " : "",
                   c->by_rule[i].rule, c->by_rule[i].count, c->by_rule[i].reports);
        printf("}}\n}\n");
        return;
    }
    if (c->mode == OUT_CSV)
        return;
    printf("\n共检查 %zu 份报告：%zu 份有错误，%zu 份无法读取。\n", c->reports, c->with_errors,
           c->unreadable);
    if (c->nrules) {
        printf("\n%-22s %8s %8s\n", "规则", "问题数", "报告数");
        for (i = 0; i < c->nrules; i++)
            printf("%-22s %8zu %8zu\n", c->by_rule[i].rule, c->by_rule[i].count,
                   c->by_rule[i].reports);
    }
}

int cmd_audit(int argc, char **argv)
{
    cli_parsed p;
    audit_ctx c;
    gk_audit_opts ao = GK_AUDIT_OPTS_INIT;
    const char *j;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "audit");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "audit", "PATH... [--json|--csv] [-j N]",
                  "递归检查目录下的全部年度报告（HTML、文本、Markdown、JSON），并行处理，"
                  "逐份输出结果并按规则汇总；同一机关相邻年度的结转数另做核对（YOY.CARRY）。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs == 0) {
        fprintf(stderr, "gongkai audit: 需要至少一个文件或目录（见 --help）\n");
        return CLI_EXIT_USAGE;
    }
    memset(&c, 0, sizeof c);
    c.mode = cli_has(&p, opts, "json") ? OUT_JSON : cli_has(&p, opts, "csv") ? OUT_CSV : OUT_PEOPLE;
    if (cli_has(&p, opts, "json") && cli_has(&p, opts, "csv")) {
        fprintf(stderr, "gongkai audit: --json 与 --csv 只能选一个\n");
        return CLI_EXIT_USAGE;
    }
    c.progress = !cli_has(&p, opts, "quiet") && isatty(2);
    c.first_json = true;
    j = cli_get(&p, opts, "jobs");
    if (j) {
        char *end;
        long v = strtol(j, &end, 10);
        if (*end || v < 1 || v > 64) {
            fprintf(stderr, "gongkai audit: -j 需要 1 到 64 之间的整数\n");
            return CLI_EXIT_USAGE;
        }
        ao.jobs = (unsigned)v;
    }
    ao.cross = on_cross;
    ao.progress = on_progress;
    ao.payload = &c;
    c.cross = open_memstream(&c.cross_text, &c.cross_len);
    if (!c.cross)
        return cli_fail(GK_ENOMEM, "audit");
    clock_gettime(CLOCK_MONOTONIC, &c.start);
    if (c.mode == OUT_JSON)
        printf("{\n  \"schema\": \"gongkai.audit/1\",\n  \"reports\": [");
    if (c.mode == OUT_CSV)
        printf("file,agency,year,errors,warnings,infos,status,rules\n");
    error = gk_audit_run((const char *const *)p.args, (size_t)p.nargs, &ao, on_item);
    fclose(c.cross);
    if (c.progress)
        fputs("\r\033[K", stderr);
    if (error < 0) {
        free(c.cross_text); /* open_memstream's buffer: checksrc:allow BANNED */
        return cli_fail(error, "audit");
    }
    if (c.mode == OUT_JSON)
        printf("\n  ],\n  \"cross\": [%s", c.cross_text);
    else
        fwrite(c.cross_text, 1, c.cross_len, stdout);
    free(c.cross_text); /* checksrc:allow BANNED */
    print_summary(&c);
    return (c.with_errors || c.unreadable) ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}
