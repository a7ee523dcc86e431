/*
 * cmd_sum.c: `gongkai sum FILE... [-o OUT] [--to FMT] [--agency NAME]`:
 * rolls several agencies' reports of one year into one (a supervising
 * office's summary). Each input is validated first; an input with error
 * findings is refused unless --force, because adding broken tables only
 * spreads the error.
 */
#include <string.h>
#include "gk/audit.h"
#include "cli.h"

static const cli_opt opts[] = {
    {"output", 'o', OPT_VALUE, "OUT", "输出文件（默认标准输出）"},
    {"to", 0, OPT_VALUE, "FMT", "输出格式 json|html|md|txt|xlsx|docx（默认 json）"},
    {"agency", 0, OPT_VALUE, "NAME", "汇总报告的机关名称"},
    {"force", 0, OPT_FLAG, NULL, "输入报告有错误时仍然汇总"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

/* Reads, parses and validates one input; prints its error findings. */
static int load_checked(gk_report **out, const char *path, bool force, int *bad)
{
    gk_buf data = GK_BUF_INIT;
    gk_parse_opts po = GK_PARSE_OPTS_INIT;
    gk_diag_list *dl = NULL;
    gk_validate_opts vo = GK_VALIDATE_OPTS_INIT;
    gk_report *r = NULL;
    size_t i;
    int error;

    *out = NULL;
    error = gk_file_read(&data, path, GK_MAX_INPUT);
    if (error == 0) {
        po.source = path;
        error = gk_parse(&r, data.ptr, data.len, &po);
    }
    if (error == 0)
        error = gk_diag_list_new(&dl);
    if (error == 0)
        error = gk_validate(dl, r, &vo);
    if (error < 0)
        goto done;
    for (i = 0; i < gk_diag_list_count(dl); i++) {
        const gk_diag *d = gk_diag_list_get(dl, i);
        if (d->severity != GK_SEV_ERROR)
            continue;
        fprintf(stderr, "%s: %s %s: %s\n", path, force ? "警告" : "错误", d->rule, d->message);
        *bad = 1;
    }
    *out = r;
    r = NULL;
done:
    gk_report_free(r);
    gk_diag_list_free(dl);
    gk_buf_release(&data);
    return error;
}

int cmd_sum(int argc, char **argv)
{
    cli_parsed p;
    gk_report *total = NULL, *r = NULL;
    gk_buf out = GK_BUF_INIT;
    const char *to, *agency, *output;
    int fmt, i, rc, error = 0, bad = 0;
    bool force;
    char name[256];

    rc = cli_parse(&p, opts, argc, argv, "sum");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "sum", "FILE... [-o OUT] [--to FMT] [--agency NAME]",
                  "把同一年度多个机关的年度报告逐格相加为一份汇总报告；先逐份检查，"
                  "有错误的报告默认拒绝汇总。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs < 1) {
        fprintf(stderr, "gongkai sum: 需要至少一份报告（见 --help）\n");
        return CLI_EXIT_USAGE;
    }
    to = cli_get(&p, opts, "to");
    fmt = gk_render_format_from_name(to ? to : "json");
    if (fmt < 0) {
        fprintf(stderr, "gongkai sum: 未知输出格式 '%s'\n", to);
        return CLI_EXIT_USAGE;
    }
    output = cli_get(&p, opts, "output");
    if (!output)
        output = "-";
    force = cli_has(&p, opts, "force");
    for (i = 0; i < p.nargs; i++) {
        error = load_checked(&r, p.args[i], force, &bad);
        if (error < 0) {
            rc = cli_fail(error, p.args[i]);
            goto done;
        }
        if (!total) {
            total = r;
            r = NULL;
            continue;
        }
        if (r->year != total->year) {
            fprintf(stderr, "gongkai sum: %s 是 %d 年度，与 %d 年度不能相加\n", p.args[i],
                    r->year, total->year);
            rc = CLI_EXIT_USAGE;
            goto done;
        }
        error = gk_report_add(total, r);
        gk_report_free(r);
        r = NULL;
        if (error < 0) {
            rc = cli_fail(error, p.args[i]);
            goto done;
        }
    }
    if (bad && !force) {
        fprintf(stderr, "gongkai sum: 有输入报告存在错误，未生成汇总（用 --force 强制汇总）\n");
        rc = CLI_EXIT_FINDINGS;
        goto done;
    }
    agency = cli_get(&p, opts, "agency");
    if (!agency) {
        snprintf(name, sizeof name, "汇总（%d个机关）", p.nargs);
        agency = name;
    }
    total->agency = gk_report_strdup(total, agency, strlen(agency));
    total->nsections = 0;
    total->source = "";
    error = gk_render(&out, total, (gk_render_format)fmt);
    if (error == 0)
        error = gk_file_write_atomic(output, out.ptr, out.len);
    rc = error < 0 ? cli_fail(error, "sum") : (bad ? CLI_EXIT_FINDINGS : CLI_EXIT_OK);
done:
    gk_report_free(r);
    gk_report_free(total);
    gk_buf_release(&out);
    return rc;
}
