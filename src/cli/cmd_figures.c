/*
 * cmd_figures.c: `gongkai figures set --year Y [--licensing N]
 * [--penalty N] [--enforcement N] [--fee-yuan N]` and `figures show
 * --year Y`: the entered yearly figures of table 2 (spec §1.3) that do
 * not come from the catalogue. The fee revenue is entered in 元 and the
 * report shows it in 万元.
 */
#include <string.h>
#include "cli_store.h"
#include "cli_opts.h"

static const cli_opt opts[] = {
    {"year", 0, OPT_VALUE, "Y", "年度（必需）"},
    {"licensing", 0, OPT_VALUE, "N", "行政许可本年处理决定数量"},
    {"penalty", 0, OPT_VALUE, "N", "行政处罚本年处理决定数量"},
    {"enforcement", 0, OPT_VALUE, "N", "行政强制本年处理决定数量"},
    {"fee-yuan", 0, OPT_VALUE, "N", "行政事业性收费本年收费金额（元，报告中折算为万元）"},
    {"agency", 0, OPT_VALUE, "CODE", "机关（只有一个机关时可省略；show 省略则合计全部机关）"},
    {"correction", 0, OPT_VALUE, "REASON", "更正已锁定年度的数字，并注明原因"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_figures(int argc, char **argv)
{
    static const char *const fields[] = {"licensing", "penalty", "enforcement", "fee-yuan"};
    gk_year_figures f = {NULL, 0, 0, 0, 0, 0};
    int64_t *vals[] = {&f.licensing, &f.penalty, &f.enforcement, &f.fee_yuan};
    int64_t year = 0;
    bool found = false;
    cli_parsed p;
    gk_store *st = NULL;
    size_t i;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "figures");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "figures", "set --year Y [--licensing N] [--penalty N] [--enforcement N]"
                  " [--fee-yuan N] | show --year Y",
                  "表二中不来自主动公开目录的年度数字：行政许可、行政处罚、行政强制决定数和收费金额。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs != 1 || (strcmp(p.args[0], "set") && strcmp(p.args[0], "show")) ||
        cli_opt_i64(&p, opts, "year", 2008, 9999, &year, "figures") < 0 || !year) {
        fprintf(stderr, "用法: gongkai figures set|show --year YYYY（见 --help）\n");
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "figures", false);
    if (rc)
        return rc;
    error = gk_store_set_correction(st, cli_get(&p, opts, "correction"));
    if (error == 0 && !strcmp(p.args[0], "set")) {
        /* set changes the figures given and keeps the others. */
        error = gk_store_figures_get(st, cli_get(&p, opts, "agency"), (int)year, &f, &found);
        for (i = 0; error == 0 && i < GK_ARRAY_LEN(fields); i++)
            if (cli_opt_i64(&p, opts, fields[i], 0, INT64_MAX / 2, vals[i], "figures") < 0) {
                rc = CLI_EXIT_USAGE;
                goto done;
            }
        f.year = (int)year;
        f.agency = cli_opt_str(&p, opts, "agency", "");
        if (error == 0)
            error = gk_store_figures_set(st, &f);
        if (error == 0)
            printf("已保存 %d 年度数字\n", f.year);
    } else if (error == 0) {
        error = gk_store_figures_get(st, cli_get(&p, opts, "agency"), (int)year, &f, &found);
        if (error == 0 && !found)
            printf("%d 年度尚未录入数字\n", (int)year);
        else if (error == 0)
            printf("行政许可\t%lld\n行政处罚\t%lld\n行政强制\t%lld\n收费金额（元）\t%lld\n",
                   (long long)f.licensing, (long long)f.penalty, (long long)f.enforcement,
                   (long long)f.fee_yuan);
    }
    if (error < 0)
        rc = cli_store_fail(error, "figures");
done:
    gk_store_close(st);
    return rc;
}
