/*
 * cmd_import.c: `gongkai import cases FILE.csv` (spec/cli.md): imports an
 * application ledger, all or nothing. Every bad row is reported on stderr
 * with its line; nothing is written unless every row is good. "已导入" is
 * printed only after the commit, so an acknowledged import is durable.
 */
#include <string.h>
#include "cli_store.h"

static const cli_opt opts[] = {
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_import(int argc, char **argv)
{
    gk_store_import_result res;
    gk_buf data = GK_BUF_INIT;
    cli_parsed p;
    gk_store *st = NULL;
    int rc, error;

    gk_buf_init(&res.errors, GK_BUF_DEFAULT_MAX);
    rc = cli_parse(&p, opts, argc, argv, "import");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "import", "cases FILE.csv [--db PATH]",
                  "导入依申请公开台账（CSV，UTF-8 或 GB18030，列顺序不限）；任何一行有错则全部不导入。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs != 2 || strcmp(p.args[0], "cases") != 0) {
        fprintf(stderr, "用法: gongkai import cases FILE.csv（见 gongkai import --help）\n");
        return CLI_EXIT_USAGE;
    }
    error = gk_file_read(&data, p.args[1], (size_t)1 << 30);
    if (error < 0) {
        fprintf(stderr, "gongkai import: '%s': %s\n", p.args[1], gk_error_last()->message);
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "import", false);
    if (rc)
        goto done;
    error = gk_store_import_cases(st, data.ptr ? data.ptr : "", data.len, p.args[1], &res);
    if (res.errors.len)
        fputs(gk_buf_cstr(&res.errors), stderr);
    if (error < 0) {
        rc = cli_store_fail(error, "import");
        goto done;
    }
    printf("已导入 %lld 件\n", (long long)res.imported);
done:
    gk_store_close(st);
    gk_buf_release(&data);
    gk_buf_release(&res.errors);
    return rc;
}
