/*
 * cli_decision.h: the decision map a register command uses to put
 * concluded cases into table-3 rows (docs/decision-map.md): the defaults of
 * spec §1.4, or a CSV given with --decision-map FILE or $GK_DECISION_MAP
 * (the option wins), which replaces them for the whole process
 * (gk_decision_map_set_default), so `report`, `serve` and `sum` count alike.
 */
#ifndef GK_CLI_DECISION_H
#define GK_CLI_DECISION_H

#include "cli.h"

#define CLI_DECISION_OPT                                                                           \
    {"decision-map", 0, OPT_VALUE, "FILE",                                                         \
     "决定类型与表三行的对应表（CSV，替换默认对应表，见 docs/decision-map.md；默认 "              \
     "$GK_DECISION_MAP）"}

/* Loads --decision-map FILE (when opts has the option and it is given),
 * else $GK_DECISION_MAP (when set and not empty), as the process's map.
 * Returns 0, or prints "gongkai CMD: …" and returns the exit code
 * (CLI_EXIT_USAGE for an unreadable or malformed file). */
int cli_decision_use(const cli_parsed *p, const cli_opt *opts, const char *cmd);

#endif
