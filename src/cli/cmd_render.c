/*
 * cmd_render.c: `gongkai render FILE --to html|md|txt|json|xlsx|docx|pdf [-o OUT]`
 * (spec/cli.md): reads a report in any readable format and writes it in the
 * official table layout. The output is built in memory and written
 * atomically, so a failure never leaves a half-written file.
 */
#include <string.h>
#include "cli.h"
#include "cli_report.h"

static const cli_opt opts[] = {
    {"to", 't', OPT_VALUE, "FMT", "输出格式 html|md|txt|json|xlsx|docx|pdf（必需）"},
    {"output", 'o', OPT_VALUE, "OUT", "输出文件（默认标准输出；二进制格式不输出到终端）"},
    {"max-size", 0, OPT_VALUE, "BYTES", "输入大小上限，可带 K/M/G（默认 64M）"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_render(int argc, char **argv)
{
    cli_parsed p;
    gk_report *r = NULL;
    gk_buf out = GK_BUF_INIT;
    const char *to;
    size_t max;
    int fmt, rc, error;

    rc = cli_parse(&p, opts, argc, argv, "render");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "render", "FILE --to html|md|txt|json|xlsx|docx|pdf [-o OUT]",
                  "按《政府信息公开工作年度报告格式》的官方表格式样输出年度报告。"
                  "FILE 可以是任何可读取的报告（报告 JSON 等），'-' 表示标准输入。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs != 1) {
        fprintf(stderr, "gongkai render: 需要且只需要一个输入文件（见 gongkai render --help）\n");
        return CLI_EXIT_USAGE;
    }
    to = cli_get(&p, opts, "to");
    if (!to) {
        fprintf(stderr, "gongkai render: 缺少 --to（html|md|txt|json|xlsx|docx|pdf）\n");
        return CLI_EXIT_USAGE;
    }
    fmt = gk_render_format_from_name(to);
    if (fmt < 0) {
        fprintf(stderr, "gongkai render: 未知输出格式 '%s'（可用 html|md|txt|json|xlsx|docx|pdf）\n",
                to);
        return CLI_EXIT_USAGE;
    }
    rc = cli_report_max_size(cli_get(&p, opts, "max-size"), &max, "render");
    if (rc)
        return rc;
    rc = cli_report_load(&r, p.args[0], max, "render");
    if (rc)
        goto done;
    error = gk_render(&out, r, (gk_render_format)fmt);
    if (error < 0) {
        fprintf(stderr, "gongkai render: 无法生成 %s: %s\n", to, gk_error_last()->message);
        rc = cli_exit_for(error);
        goto done;
    }
    rc = cli_report_write(cli_get(&p, opts, "output"), out.ptr ? out.ptr : "", out.len,
                          gk_render_format_is_binary((gk_render_format)fmt), "render");
done:
    gk_report_free(r);
    gk_buf_release(&out);
    return rc;
}
