/*
 * cmd_review.c: `gongkai review add|update|list`: the register of 行政复议
 * and 行政诉讼 (直接起诉 / 复议后起诉) cases about disclosure, with their
 * results, from which the report's table 4 is counted (spec §1.5).
 */
#include <string.h>
#include "cli_store.h"
#include "cli_opts.h"

static const cli_opt opts[] = {
    {"route", 0, OPT_VALUE, "R", "add: 复议、直接起诉 或 复议后起诉（必需）"},
    {"filed", 0, OPT_VALUE, "DATE", "add: 申请复议或起诉日期（必需）"},
    {"result", 0, OPT_VALUE, "R", "结果：维持、纠正、其他、尚未审结（默认）"},
    {"concluded", 0, OPT_VALUE, "DATE", "审结日期（有结果时必需）"},
    {"subject", 0, OPT_VALUE, "TEXT", "被复议或起诉的事项"},
    {"case-ref", 0, OPT_VALUE, "NO", "add: 相关申请的登记号"},
    {"agency", 0, OPT_VALUE, "CODE", "被申请人或被告机关（只有一个机关时可省略）"},
    {"correction", 0, OPT_VALUE, "REASON", "更正已锁定年度的记录，并注明原因"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

static int print_case(const gk_review_case *r, void *payload)
{
    char f[GK_DATE_BUFSZ], c[GK_DATE_BUFSZ];

    (void)payload;
    printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)r->id, r->case_no,
           gk_review_route_label(r->route), gk_date_format(f, r->filed),
           gk_review_result_label(r->result),
           gk_date_valid(r->concluded) ? gk_date_format(c, r->concluded) : "-", r->subject);
    return 0;
}

typedef struct {
    const char *case_no;
    gk_review_case *out;
    bool found;
} find_ctx;

/* update CASE_NO: the stored case's id (the rest comes from options). */
static int find_case(const gk_review_case *r, void *payload)
{
    find_ctx *f = payload;

    if (strcmp(r->case_no, f->case_no) != 0)
        return 0;
    f->found = true;
    f->out->id = r->id;
    return 1;
}

int cmd_review(int argc, char **argv)
{
    gk_review_case r;
    int route = -1, result = GK_T4_PENDING;
    cli_parsed p;
    gk_store *st = NULL;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "review");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "review",
                  "add CASE_NO --route R --filed DATE [--result R --concluded DATE] |"
                  " update CASE_NO --result R --concluded DATE | list",
                  "政府信息公开行政复议、行政诉讼案件登记，年度报告表四由此统计。", opts);
        return CLI_EXIT_OK;
    }
    if (!(p.nargs == 2 && (!strcmp(p.args[0], "add") || !strcmp(p.args[0], "update"))) &&
        !(p.nargs == 1 && !strcmp(p.args[0], "list"))) {
        fprintf(stderr, "用法: gongkai review add CASE_NO | update CASE_NO | list（见 --help）\n");
        return CLI_EXIT_USAGE;
    }
    gk_review_case_init(&r);
    if (cli_opt_label(&p, opts, "route", gk_review_route_from_label, &route, "review") < 0 ||
        cli_opt_label(&p, opts, "result", gk_review_result_from_label, &result, "review") < 0 ||
        cli_opt_date(&p, opts, "filed", &r.filed, "review") < 0 ||
        cli_opt_date(&p, opts, "concluded", &r.concluded, "review") < 0)
        return CLI_EXIT_USAGE;
    if (!strcmp(p.args[0], "add") && route < 0) {
        fprintf(stderr, "gongkai review: add 需要 --route（复议、直接起诉、复议后起诉）\n");
        return CLI_EXIT_USAGE;
    }
    r.route = route >= 0 ? (gk_t4_group)route : GK_T4_REVIEW;
    r.result = (gk_t4_col)result;
    r.case_no = p.nargs == 2 ? p.args[1] : "";
    r.subject = cli_opt_str(&p, opts, "subject", "");
    r.case_ref = cli_opt_str(&p, opts, "case-ref", "");
    r.agency = cli_opt_str(&p, opts, "agency", "");
    rc = cli_store_open(&st, &p, opts, "review", false);
    if (rc)
        return rc;
    error = gk_store_set_correction(st, cli_get(&p, opts, "correction"));
    if (error < 0) {
        /* reported below */
    } else if (!strcmp(p.args[0], "add")) {
        error = gk_store_review_add(st, &r);
        if (error == 0)
            printf("已登记%s案件 %s\n", gk_review_route_label(r.route), r.case_no);
    } else if (!strcmp(p.args[0], "update")) {
        find_ctx f = {r.case_no, &r, false};
        error = gk_store_review_foreach(st, cli_get(&p, opts, "agency"), find_case, &f);
        if (error >= 0 && !f.found) {
            fprintf(stderr, "gongkai review: 没有案号为 '%s' 的案件\n", r.case_no);
            rc = CLI_EXIT_USAGE;
        } else if (error >= 0) {
            error = gk_store_review_update(st, &r);
            if (error == 0)
                printf("已更新案件 %s：%s\n", r.case_no, gk_review_result_label(r.result));
        }
    } else {
        error = gk_store_review_foreach(st, cli_get(&p, opts, "agency"), print_case, NULL);
    }
    if (error < 0)
        rc = cli_store_fail(error, "review");
    gk_store_close(st);
    return rc;
}
