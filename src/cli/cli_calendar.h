/*
 * cli_calendar.h: the holiday calendar a command uses (docs/calendar.md):
 * the one built into the binary, or a file given with --calendar FILE or
 * $GK_CALENDAR (the option wins), which replaces it for the whole process
 * (gk_calendar_set_default) so the web pages, the registers and the
 * command all count with it.
 */
#ifndef GK_CLI_CALENDAR_H
#define GK_CLI_CALENDAR_H

#include "cli.h"

/* The option row of --calendar, for a command's option table. */
#define CLI_CALENDAR_OPT                                                                           \
    {"calendar", 0, OPT_VALUE, "FILE",                                                             \
     "节假日日历文件，替换内置日历（格式同 data/cn-holidays.csv，见 docs/calendar.md；默认 "       \
     "$GK_CALENDAR）"}

/* Loads --calendar FILE (when opts has the option and it is given), else
 * $GK_CALENDAR (when set and not empty), as the process's default
 * calendar; nothing to do otherwise. Warns on stderr when the file leaves
 * out a year the built-in calendar has. Call before any thread starts.
 * Returns 0, or prints "gongkai CMD: …" and returns the exit code
 * (CLI_EXIT_USAGE for an unreadable or malformed file). */
int cli_calendar_use(const cli_parsed *p, const cli_opt *opts, const char *cmd);

#endif
