/*
 * cli_store.c: see cli_store.h.
 */
#include <stdlib.h>
#include "cli_store.h"

int cli_store_fail(int error, const char *cmd)
{
    fprintf(stderr, "gongkai %s: %s\n", cmd, gk_error_last()->message);
    return cli_exit_for(error);
}

int cli_store_open(gk_store **out, const cli_parsed *p, const cli_opt *opts, const char *cmd,
                   bool init)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    const char *dsn = cli_get(p, opts, "dsn");
    const char *db = cli_get(p, opts, "db");
    int error;

    if (dsn && db) {
        fprintf(stderr, "gongkai %s: --db 与 --dsn 只能给出一个\n", cmd);
        return CLI_EXIT_USAGE;
    }
    error = cli_calendar_use(p, opts, cmd);
    if (error)
        return error;
    error = cli_decision_use(p, opts, cmd);
    if (error)
        return error;
    o.actor = cli_get(p, opts, "actor");
    if (!o.actor)
        o.actor = getenv("GK_ACTOR");
    if (!o.actor)
        o.actor = getenv("USER");
    o.no_schema_check = init;
    error = gk_store_open(out, dsn ? dsn : db ? db : "gongkai.db", &o);
    if (error < 0) {
        /* A missing database is a storage problem here, not bad input. */
        fprintf(stderr, "gongkai %s: %s\n", cmd, gk_error_last()->message);
        return error == GK_ENOTFOUND ? CLI_EXIT_STORAGE : cli_exit_for(error);
    }
    return 0;
}
