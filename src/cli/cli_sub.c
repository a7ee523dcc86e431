/*
 * cli_sub.c: finding the subcommand of a command line in the command's
 * table (cli.h), with the one usage message for a missing, unknown or
 * mis-counted one.
 */
#include <string.h>
#include "cli.h"

int cli_sub_find(const cli_parsed *p, const void *table, size_t n, size_t size, const char *cmd,
                 const char *synopsis)
{
    size_t i;

    for (i = 0; p->nargs > 0 && i < n; i++) {
        const cli_sub *s = (const cli_sub *)(const void *)((const char *)table + i * size);

        if (!strcmp(p->args[0], s->name)) {
            if (p->nargs != s->nargs)
                break;
            return (int)i;
        }
    }
    fprintf(stderr, "用法: gongkai %s %s（见 gongkai %s --help）\n", cmd, synopsis, cmd);
    return -1;
}
