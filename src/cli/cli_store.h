/*
 * cli_store.h: opening the registers' database for a command, from the
 * --db PATH / --dsn URL options every register command has (spec/cli.md:
 * default ./gongkai.db), with the actor of the audit trail.
 */
#ifndef GK_CLI_STORE_H
#define GK_CLI_STORE_H

#include <stdbool.h>
#include "cli.h"
#include "cli_calendar.h"
#include "cli_decision.h"
#include "gk/store.h"

/* The option rows every register command includes (--db, --dsn, --actor,
 * --calendar, --decision-map). */
#define CLI_STORE_OPTS                                                                             \
    {"db", 0, OPT_VALUE, "PATH", "登记数据库（SQLite 文件，默认 ./gongkai.db）"},                   \
    {"dsn", 0, OPT_VALUE, "URL", "数据库连接串（postgresql://…，或 sqlite:PATH）"},                \
    {"actor", 0, OPT_VALUE, "NAME", "审计记录中的操作人（默认 $GK_ACTOR 或 $USER）"},               \
    CLI_CALENDAR_OPT, CLI_DECISION_OPT

/* Opens the store named by --dsn, else --db, else ./gongkai.db. init opens
 * without the schema check (for `gongkai init`). First loads the calendar
 * of --calendar / $GK_CALENDAR (cli_calendar_use), so the registers' fee
 * windows and every deadline of the command use it, and the decision map
 * of --decision-map / $GK_DECISION_MAP (cli_decision_use) for every table 3
 * the command builds. Returns 0, or prints
 * "gongkai CMD: …" and returns the exit code. */
int cli_store_open(gk_store **out, const cli_parsed *p, const cli_opt *opts, const char *cmd,
                   bool init);

/* Prints "gongkai CMD: <gk_error_last>" and returns the exit code for error. */
int cli_store_fail(int error, const char *cmd);

#endif
