/*
 * cli_decision.c: --decision-map FILE / $GK_DECISION_MAP (cli_decision.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include "gk/decision.h"
#include "gk/errors.h"
#include "gk/fileio.h"
#include "cli_decision.h"

int cli_decision_use(const cli_parsed *p, const cli_opt *opts, const char *cmd)
{
    const char *path = cli_get(p, opts, "decision-map");
    gk_buf b = GK_BUF_INIT;
    int error;

    if (!path) {
        path = getenv("GK_DECISION_MAP");
        if (!path || !*path)
            return 0;
    }
    error = gk_file_read(&b, path, GK_MAX_INPUT);
    if (error < 0) {
        fprintf(stderr, "gongkai %s: 无法读取决定对应表: %s\n", cmd, gk_error_last()->message);
        gk_buf_release(&b);
        return CLI_EXIT_USAGE;
    }
    error = gk_decision_map_set_default(b.ptr ? b.ptr : "", b.len, path);
    gk_buf_release(&b);
    if (error < 0) {
        fprintf(stderr, "gongkai %s: 决定对应表有误: %s\n", cmd, gk_error_last()->message);
        return cli_exit_for(error);
    }
    return 0;
}
