/*
 * cli_report.h: reading a report file and writing a command's output, shared
 * by the commands that take a report (render, parse; check may use it too).
 * Messages are printed here, in Chinese, naming the file.
 */
#ifndef GK_CLI_REPORT_H
#define GK_CLI_REPORT_H

#include <stdbool.h>
#include "gk/gk.h"

/* Reads path ("-" = stdin, at most max bytes) and parses it with gk_parse
 * (format detected). On failure prints "gongkai CMD: 'PATH': <why>: <detail>"
 * and returns the exit code (2 for empty, binary, over-cap, malformed or
 * unreadable input); returns 0 and sets *out (caller frees) on success. */
int cli_report_load(gk_report **out, const char *path, size_t max, const char *cmd);

/* Parses a --max-size value (bytes, optional K/M/G suffix, > 0) into *out;
 * NULL keeps GK_MAX_INPUT. Prints a message and returns 2 when invalid. */
int cli_report_max_size(const char *value, size_t *out, const char *cmd);

/* Writes data to path ("-" or NULL = stdout) atomically: a file appears
 * complete or not at all. A binary output is refused when it would go to a
 * terminal. Returns 0 or an exit code (message printed). */
int cli_report_write(const char *path, const void *data, size_t len, bool binary,
                     const char *cmd);

#endif
