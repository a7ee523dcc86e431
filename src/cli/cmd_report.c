/*
 * cmd_report.c: `gongkai report --year Y [--agency CODE] [--to FMT] [-o
 * OUT]` (spec/cli.md): builds the year's annual report from the registers
 * (table 3 from the cases), validates it with the report rules and renders
 * it. Findings go to stderr; exit 1 when one is an error (the output is
 * still written, so it can be inspected).
 */
#include <string.h>
#include "cli_store.h"
#include "cli_num.h"
#include "cli_report.h"

static const cli_opt opts[] = {
    {"year", 0, OPT_VALUE, "Y", "报告年度（必需）"},
    {"agency", 0, OPT_VALUE, "CODE", "只统计该机关的申请（默认全部机关）"},
    {"to", 0, OPT_VALUE, "FMT", "输出格式：json（默认）、html、md、txt、xlsx、docx"},
    {"output", 'o', OPT_VALUE, "OUT", "输出文件（默认标准输出）"},
    {"lock", 0, OPT_FLAG, NULL, "报告公开后锁定该年度：此后该年度的记录只能以更正方式修改"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_report(int argc, char **argv)
{
    gk_validate_opts vo = GK_VALIDATE_OPTS_INIT;
    gk_diag_list *diags = NULL;
    gk_report *r = NULL;
    gk_buf out = GK_BUF_INIT;
    const char *to, *year_s, *path;
    cli_parsed p;
    gk_store *st = NULL;
    bool figures = false, locked = false;
    int64_t year = 0;
    size_t i;
    int fmt, rc, error;

    rc = cli_parse(&p, opts, argc, argv, "report");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "report", "--year Y [--agency CODE] [--to FMT] [-o OUT] [--lock] [--db PATH]",
                  "由登记数据生成年度报告（表二来自主动公开目录和录入的年度数字，表三按办结年度统计、"
                  "年末未办结的结转下年，表四来自复议诉讼案件登记），校验后输出；--lock 在公开后锁定该年度。",
                  opts);
        return CLI_EXIT_OK;
    }
    year_s = cli_get(&p, opts, "year");
    if (!year_s || cli_parse_i64(year_s, &year) < 0 || year < 2008 || year > 9999) {
        fprintf(stderr, "gongkai report: 需要 --year YYYY\n");
        return CLI_EXIT_USAGE;
    }
    to = cli_get(&p, opts, "to");
    fmt = gk_render_format_from_name(to ? to : "json");
    if (fmt < 0) {
        fprintf(stderr, "gongkai report: 未知的输出格式 '%s'\n", to);
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "report", false);
    if (rc)
        return rc;
    if (cli_has(&p, opts, "lock")) {
        error = gk_store_report_lock(st, (int)year, cli_get(&p, opts, "agency"));
        if (error < 0) {
            rc = cli_store_fail(error, "report");
            goto done;
        }
        fprintf(stderr, "gongkai report: %d 年度报告已锁定；此后该年度的修改须以更正方式记录\n",
                (int)year);
    }
    error = gk_store_year_locked(st, (int)year, cli_get(&p, opts, "agency"), &locked);
    if (error == 0)
        error = gk_store_report_build_full(&r, st, (int)year, cli_get(&p, opts, "agency"),
                                           &figures);
    if (error < 0) {
        rc = cli_store_fail(error, "report");
        goto done;
    }
    /* The registers give table 3 only; the narrative sections are written
     * by people later, so the NARR.* rules are not run here. */
    vo.narrative = false;
    error = gk_diag_list_new(&diags);
    if (error == 0)
        error = gk_validate(diags, r, &vo);
    if (error == 0)
        error = gk_render(&out, r, (gk_render_format)fmt);
    if (error < 0) {
        rc = cli_fail(error, "report");
        goto done;
    }
    path = cli_get(&p, opts, "output");
    rc = cli_report_write(path, out.ptr ? out.ptr : "", out.len,
                          gk_render_format_is_binary((gk_render_format)fmt), "report");
    if (rc)
        goto done;
    if (locked)
        fprintf(stderr, "gongkai report: 注意: %d 年度已锁定，输出的是锁定时公开的报告\n", (int)year);
    else if (!figures)
        fprintf(stderr, "gongkai report: 注意: %d 年度尚未录入表二的行政许可、处罚、强制和收费数字"
                        "（gongkai figures set），按 0 计\n", (int)year);
    for (i = 0; i < gk_diag_list_count(diags); i++) {
        const gk_diag *d = gk_diag_list_get(diags, i);
        fprintf(stderr, "%s %s %s %s\n", gk_severity_name(d->severity), d->rule,
                d->cell ? d->cell : "-", d->message);
        if (d->severity == GK_SEV_ERROR)
            rc = CLI_EXIT_FINDINGS;
    }
done:
    gk_diag_list_free(diags);
    gk_report_free(r);
    gk_buf_release(&out);
    gk_store_close(st);
    return rc;
}
