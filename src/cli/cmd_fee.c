/*
 * cmd_fee.c: `gongkai fee --count N` and `gongkai fee --pages P`, the
 * 信息处理费 of 国办函〔2020〕109号 (spec/cli.md "Working days and fees",
 * spec §4). Long help: docs/cli/fee.md.
 */
#include <string.h>
#include "cli.h"
#include "cli_num.h"
#include "gk/fee.h"

static const cli_opt opts[] = {
    {"count", 0, OPT_VALUE, "N", "按件计收：同一申请人本自然月第 N 件的收费标准及本月 N 件合计"},
    {"pages", 0, OPT_VALUE, "P", "按量计收：一件申请 P 页的信息处理费"},
    {"json", 0, OPT_FLAG, NULL, "输出 JSON（供程序读取）"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

#define SYNOPSIS "--count N | --pages P [--json]"
#define SUMMARY                                                                                    \
    "按《政府信息公开信息处理费管理办法》（" GK_FEE_SOURCE "）计算信息处理费，单位为元。\n"      \
    "--count 按第四条（按件计收，超额累进）；--pages 按第五条（按量计收，超额累进）。\n"           \
    "同一申请只能选择一种计收方式（第三条）。"

/* Reads the value of option `name` as an integer >= min. */
static int get_units(int64_t *out, const cli_parsed *p, const char *name, int64_t min)
{
    const char *v = cli_get(p, opts, name);

    if (cli_parse_i64(v, out) < 0 || *out < min) {
        fprintf(stderr, "gongkai fee: --%s '%s' 无效：应为%s整数\n", name, v,
                min > 0 ? "正" : "非负");
        return -1;
    }
    return 0;
}

static int run_count(const cli_parsed *p, bool json)
{
    int64_t n, rate, total;
    int error;

    if (get_units(&n, p, "count", 1) < 0)
        return CLI_EXIT_USAGE;
    error = gk_fee_rate(&rate, GK_FEE_BY_COUNT, n);
    if (error >= 0)
        error = gk_fee_total(&total, GK_FEE_BY_COUNT, n);
    if (error < 0)
        return cli_fail(error, "无法计算信息处理费");
    if (json)
        printf("{\"method\":\"count\",\"count\":%lld,\"rate\":%lld,\"total\":%lld,"
               "\"basis\":\"%s%s\"}\n",
               (long long)n, (long long)rate, (long long)total, GK_FEE_SOURCE,
               gk_fee_article(GK_FEE_BY_COUNT));
    else
        printf("按件计收：本月第 %lld 件收费标准 %lld 元/件，本月累计 %lld 件合计 %lld 元"
               "（%s%s）\n",
               (long long)n, (long long)rate, (long long)n, (long long)total, GK_FEE_SOURCE,
               gk_fee_article(GK_FEE_BY_COUNT));
    return CLI_EXIT_OK;
}

static int run_pages(const cli_parsed *p, bool json)
{
    int64_t pages, total;
    int error;

    if (get_units(&pages, p, "pages", 0) < 0)
        return CLI_EXIT_USAGE;
    error = gk_fee_total(&total, GK_FEE_BY_PAGES, pages);
    if (error < 0)
        return cli_fail(error, "无法计算信息处理费");
    if (json)
        printf("{\"method\":\"pages\",\"pages\":%lld,\"total\":%lld,\"basis\":\"%s%s\"}\n",
               (long long)pages, (long long)total, GK_FEE_SOURCE,
               gk_fee_article(GK_FEE_BY_PAGES));
    else
        printf("%lld\n", (long long)total);
    return CLI_EXIT_OK;
}

int cmd_fee(int argc, char **argv)
{
    cli_parsed p;
    bool count, pages;
    int rc;

    rc = cli_parse(&p, opts, argc, argv, "fee");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "fee", SYNOPSIS, SUMMARY, opts);
        return CLI_EXIT_OK;
    }
    count = cli_has(&p, opts, "count");
    pages = cli_has(&p, opts, "pages");
    if (p.nargs || count == pages) {
        fprintf(stderr, "gongkai fee: 请给出 --count N 或 --pages P 之一"
                        "（同一申请只能选择一种计收方式，第三条）\n"
                        "用法: gongkai fee %s\n",
                SYNOPSIS);
        return CLI_EXIT_USAGE;
    }
    return count ? run_count(&p, cli_has(&p, opts, "json"))
                 : run_pages(&p, cli_has(&p, opts, "json"));
}
