/*
 * cli_opts.h: reading optional typed option values (dates, integers,
 * labels) for the register commands, each printing the Chinese message
 * and failing in one way.
 */
#ifndef GK_CLI_OPTS_H
#define GK_CLI_OPTS_H

#include <stdint.h>
#include "cli.h"
#include "gk/calendar.h"

/* When the option is present, parses it into *out (YYYY-MM-DD / an
 * integer in lo..hi / a label found by from_label); otherwise leaves *out.
 * Returns 0, or prints "gongkai CMD: …" and returns -1. */
int cli_opt_date(const cli_parsed *p, const cli_opt *opts, const char *name, gk_date *out,
                 const char *cmd);
int cli_opt_i64(const cli_parsed *p, const cli_opt *opts, const char *name, int64_t lo, int64_t hi,
                int64_t *out, const char *cmd);
int cli_opt_label(const cli_parsed *p, const cli_opt *opts, const char *name,
                  int (*from_label)(const char *s, size_t n), int *out, const char *cmd);
/* A string option, or dflt when absent. */
const char *cli_opt_str(const cli_parsed *p, const cli_opt *opts, const char *name,
                        const char *dflt);

/* Today in China (UTC+8, no daylight saving), from the system clock. */
gk_date cli_today(void);

#endif
