/*
 * cmd_notice.c: `gongkai notice --kind KIND --data FILE.json [--to html|docx]
 * [-o OUT] [--templates DIR]` and `gongkai notice --list`: reply notices
 * (告知书) from the editable templates (docs/cli/notice.md,
 * docs/notices.md). FILE.json is one object of fields, the same key/value
 * list the library takes, so the case register and the web console can
 * produce it from a case.
 */
#include <string.h>
#include "cli.h"
#include "cli_report.h"
#include "gk/notice.h"

static const cli_opt opts[] = {
    {"kind", 'k', OPT_VALUE, "KIND", "告知书种类（见 --list）"},
    {"data", 'd', OPT_VALUE, "FILE", "字段 JSON 文件（'-' 为标准输入）"},
    {"to", 't', OPT_VALUE, "FMT", "输出格式 html|docx（默认 html）"},
    {"output", 'o', OPT_VALUE, "OUT", "输出文件（默认标准输出；docx 不输出到终端）"},
    {"templates", 0, OPT_VALUE, "DIR", "模板目录（其中的 .tmpl 覆盖内置模板）"},
    {"list", 0, OPT_FLAG, NULL, "列出告知书种类及其法律依据、救济途径"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

#define SYNOPSIS "--kind KIND --data FILE.json [--to html|docx] [-o OUT] [--templates DIR] | --list"
#define SUMMARY                                                                                                               \
    "按可编辑模板生成政府信息公开申请答复告知书及补正、延期、征求意见、收费等文书，\n" \
    "写明法律依据和救济途径（行政复议、行政诉讼及其期限）。字段说明见 docs/notices.md。"

static int list_kinds(void)
{
    const gk_notice_kind *k = gk_notice_kinds(NULL);
    size_t n, i;

    gk_notice_kinds(&n);
    printf("种类\t决定\t表三行\t说明理由\t救济途径\t法律依据\n");
    for (i = 0; i < n; i++)
        printf("%s\t%s\t%s\t%s\t%s\t%s%s\n", k[i].id, k[i].decision,
               k[i].t3_row ? k[i].t3_row : "-", k[i].needs_reasons ? "是" : "否",
               gk_notice_remedy_label((int)k[i].remedy), k[i].basis,
               k[i].basis_verified ? "" : "（依据待核实）");
    return CLI_EXIT_OK;
}

int cmd_notice(int argc, char **argv)
{
    cli_parsed p;
    gk_notice_templates *t = NULL;
    gk_notice_fields fields = GK_NOTICE_FIELDS_INIT;
    gk_buf data = GK_BUF_INIT, out = GK_BUF_INIT;
    const char *kind, *file, *to;
    int fmt, rc, error;

    rc = cli_parse(&p, opts, argc, argv, "notice");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "notice", SYNOPSIS, SUMMARY, opts);
        return CLI_EXIT_OK;
    }
    kind = cli_get(&p, opts, "kind");
    file = cli_get(&p, opts, "data");
    to = cli_get(&p, opts, "to");
    if (p.nargs || (!cli_has(&p, opts, "list") && (!kind || !file))) {
        fprintf(stderr,
                "gongkai notice: 需要 --kind 和 --data，或 --list\n用法: gongkai notice %s\n",
                SYNOPSIS);
        return CLI_EXIT_USAGE;
    }
    fmt = gk_notice_format_from_name(to ? to : "html");
    if (fmt < 0) {
        fprintf(stderr, "gongkai notice: 未知输出格式 '%s'（可用 html|docx）\n", to);
        return CLI_EXIT_USAGE;
    }
    /* Templates first: a broken template is reported even for --list. */
    error = gk_notice_templates_load(&t, cli_get(&p, opts, "templates"));
    if (error < 0) {
        rc = cli_fail(error, "notice: 模板有误");
        goto done;
    }
    if (cli_has(&p, opts, "list")) {
        rc = list_kinds();
        goto done;
    }
    if (!gk_notice_kind_find(kind)) {
        fprintf(stderr, "gongkai notice: 未知告知书种类 '%s'（见 gongkai notice --list）\n", kind);
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    error = gk_file_read(&data, file, GK_MAX_INPUT);
    if (error == 0)
        error = gk_notice_fields_from_json(&fields, data.ptr ? data.ptr : "", data.len);
    if (error < 0) {
        fprintf(stderr, "gongkai notice: '%s': %s\n", file, gk_error_last()->message);
        rc = cli_exit_for(error);
        goto done;
    }
    error = gk_notice_render(&out, t, kind, fields.v, fields.n, (gk_notice_format)fmt);
    if (error < 0) {
        fprintf(stderr, "gongkai notice: 无法生成告知书 '%s': %s\n", kind,
                gk_error_last()->message);
        rc = cli_exit_for(error);
        goto done;
    }
    rc = cli_report_write(cli_get(&p, opts, "output"), out.ptr ? out.ptr : "", out.len,
                          fmt == GK_NOTICE_DOCX, "notice");
done:
    gk_notice_templates_free(t);
    gk_notice_fields_release(&fields);
    gk_buf_release(&data);
    gk_buf_release(&out);
    return rc;
}
