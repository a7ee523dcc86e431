/*
 * cli_num.h: strict parsing of numbers and dates given on the command line
 * (the CLI sees only public headers, so it cannot use util's parser).
 */
#ifndef GK_CLI_NUM_H
#define GK_CLI_NUM_H

#include <stdint.h>
#include "gk/calendar.h"

/* Parses a whole decimal integer: optional '-', digits only, no spaces, no
 * '+', within int64_t. Returns 0, or -1 when s is anything else. */
int cli_parse_i64(const char *s, int64_t *out);

/* Parses a strict ISO date YYYY-MM-DD. On failure prints
 * "gongkai CMD: 日期 'S' 无效…" on stderr and returns -1. */
int cli_parse_date(const char *s, gk_date *out, const char *cmd);

#endif
