/*
 * cmd_parse.c: `gongkai parse FILE [-o OUT]` (spec/cli.md): reads a report
 * in any supported format (detected) and writes report JSON
 * (spec/report-json.md §1), atomically.
 */
#include "cli.h"
#include "cli_report.h"

static const cli_opt opts[] = {
    {"output", 'o', OPT_VALUE, "OUT", "输出文件（默认标准输出）"},
    {"max-size", 0, OPT_VALUE, "BYTES", "输入大小上限，可带 K/M/G（默认 64M）"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_parse(int argc, char **argv)
{
    cli_parsed p;
    gk_report *r = NULL;
    gk_buf out = GK_BUF_INIT;
    size_t max;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "parse");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "parse", "FILE [-o OUT]",
                  "读取年度报告（自动识别格式）并输出报告 JSON（gongkai.report/1）。"
                  "'-' 表示标准输入。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs != 1) {
        fprintf(stderr, "gongkai parse: 需要且只需要一个输入文件（见 gongkai parse --help）\n");
        return CLI_EXIT_USAGE;
    }
    rc = cli_report_max_size(cli_get(&p, opts, "max-size"), &max, "parse");
    if (rc)
        return rc;
    rc = cli_report_load(&r, p.args[0], max, "parse");
    if (rc)
        goto done;
    error = gk_report_to_json(&out, r);
    if (error < 0) {
        fprintf(stderr, "gongkai parse: 无法生成报告 JSON: %s\n", gk_error_last()->message);
        rc = cli_exit_for(error);
        goto done;
    }
    rc = cli_report_write(cli_get(&p, opts, "output"), out.ptr, out.len, false, "parse");
done:
    gk_report_free(r);
    gk_buf_release(&out);
    return rc;
}
