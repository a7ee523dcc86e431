/*
 * cli.h: the command table and option parser of the gongkai binary. The CLI
 * uses only the public headers in include/gk/ (conventions C1).
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include "gk/gk.h"

/* Exit codes (spec/report-json.md §4, extended with 4 and 5). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FINDINGS = 1, /* check/audit: at least one error finding */
    CLI_EXIT_USAGE = 2,    /* usage, unreadable or malformed input, I/O */
    CLI_EXIT_STORAGE = 4,  /* the database failed */
    CLI_EXIT_INTERNAL = 5  /* out of memory or a bug */
};

/* Maps a negative gk_error_code to an exit code (one table, exit.c). */
int cli_exit_for(int error);
/* Prints "gongkai: <what>: <gk_error_last>" on stderr and returns the exit
 * code for error. */
int cli_fail(int error, const char *what);

typedef enum { OPT_FLAG, OPT_VALUE, OPT_MULTI } cli_opt_kind;

/* One option of a command; the same table drives parsing and --help. */
typedef struct {
    const char *name;  /* long name without dashes, e.g. "json" */
    char short_name;   /* 0 when none */
    cli_opt_kind kind;
    const char *value; /* placeholder shown in help, e.g. "FILE" */
    const char *help;  /* one line, Chinese for people */
} cli_opt;

#define CLI_MAX_OPTS 32
#define CLI_MAX_ARGS 4096

/* Parsed command line: values[i] belongs to opts[i] (NULL when absent; "1"
 * for a flag). OPT_MULTI options collect in multi[i] (up to 64). */
typedef struct {
    const char *values[CLI_MAX_OPTS];
    const char *multi[CLI_MAX_OPTS][64];
    int nmulti[CLI_MAX_OPTS];
    const char *args[CLI_MAX_ARGS];
    int nargs;
    bool help;
} cli_parsed;

/* Parses argv[1..] against opts (terminated by a {NULL} row). Prints a
 * message and returns CLI_EXIT_USAGE on an unknown option or missing value. */
int cli_parse(cli_parsed *out, const cli_opt *opts, int argc, char **argv, const char *cmd);
/* Value of the option with long name `name`, or NULL. */
const char *cli_get(const cli_parsed *p, const cli_opt *opts, const char *name);
bool cli_has(const cli_parsed *p, const cli_opt *opts, const char *name);
/* Prints usage: "用法: gongkai CMD SYNOPSIS", the summary and the option table. */
void cli_usage(FILE *f, const char *cmd, const char *synopsis, const char *summary,
               const cli_opt *opts);

/* A subcommand: the first member of a command's table of subcommands. */
typedef struct {
    const char *name;
    int nargs; /* positional arguments, the subcommand's name included */
} cli_sub;

/* The index of the row of a subcommand table (n rows of `size` bytes from
 * `table`, each starting with a cli_sub) that p->args[0] names, given
 * exactly its nargs positional arguments; otherwise prints "用法: gongkai
 * CMD SYNOPSIS（见 gongkai CMD --help）" on stderr and returns -1. */
int cli_sub_find(const cli_parsed *p, const void *table, size_t n, size_t size, const char *cmd,
                 const char *synopsis);

/* True when stdout is a terminal and NO_COLOR is unset. */
bool cli_color(FILE *f);

#define CLI_CMD(name, summary) int cmd_##name(int argc, char **argv);
#include "commands.def"
#undef CLI_CMD

#endif
