/*
 * cmd_init.c: `gongkai init [--db PATH|--dsn URL]` (spec/cli.md): creates
 * the registers' database or brings it to this program's schema by
 * running the missing numbered migrations.
 */
#include "cli_store.h"

static const cli_opt opts[] = {
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_init(int argc, char **argv)
{
    cli_parsed p;
    gk_store *st = NULL;
    int from = 0, to = 0;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "init");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "init", "[--db PATH | --dsn URL]", "创建登记数据库，或将其升级到本程序的结构版本。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs) {
        fprintf(stderr, "gongkai init: 多余的参数 '%s'\n", p.args[0]);
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "init", true);
    if (rc)
        return rc;
    error = gk_store_migrate(st, &from, &to);
    if (error < 0) {
        rc = cli_store_fail(error, "init");
        goto done;
    }
    if (from == to)
        printf("数据库已是最新结构（版本 %d）\n", to);
    else
        printf("数据库结构已从版本 %d 升级到 %d\n", from, to);
done:
    gk_store_close(st);
    return rc;
}
