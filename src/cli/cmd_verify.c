/*
 * cmd_verify.c: `gongkai verify [--db PATH]`: recomputes the audit trail's
 * hash chain. Exit 0 when intact, 1 with the first broken event otherwise.
 */
#include "cli_store.h"

static const cli_opt opts[] = {
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

int cmd_verify(int argc, char **argv)
{
    gk_store_verify_result v;
    cli_parsed p;
    gk_store *st = NULL;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "verify");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "verify", "[--db PATH]",
                  "核对审计记录的哈希链：任何对历史记录的修改都会被发现（退出码 1）。", opts);
        return CLI_EXIT_OK;
    }
    rc = cli_store_open(&st, &p, opts, "verify", false);
    if (rc)
        return rc;
    error = gk_store_verify(st, &v);
    if (error < 0) {
        rc = cli_store_fail(error, "verify");
    } else if (v.bad_id) {
        printf("审计链断裂: 第 %lld 个事件: %s\n", (long long)v.bad_id, v.reason);
        rc = CLI_EXIT_FINDINGS;
    } else {
        printf("审计链完整: %lld 个事件\n", (long long)v.events);
    }
    gk_store_close(st);
    return rc;
}
