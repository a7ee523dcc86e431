/*
 * exit.c: the one mapping from library error codes to exit codes
 * (conventions C3: a table, not an if ladder).
 */
#include "cli.h"

static const struct {
    int error;
    int exit_code;
} exit_map[] = {
    {GK_ERROR, CLI_EXIT_USAGE},      {GK_ENOTFOUND, CLI_EXIT_USAGE},
    {GK_EEXISTS, CLI_EXIT_USAGE},    {GK_EINVALID, CLI_EXIT_USAGE},
    {GK_ETOOBIG, CLI_EXIT_USAGE},    {GK_ECONFLICT, CLI_EXIT_USAGE},
    {GK_EIO, CLI_EXIT_USAGE},        {GK_ENOMEM, CLI_EXIT_INTERNAL},
    {GK_EBACKEND, CLI_EXIT_STORAGE},
};

int cli_exit_for(int error)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(exit_map); i++)
        if (exit_map[i].error == error)
            return exit_map[i].exit_code;
    return CLI_EXIT_INTERNAL;
}

int cli_fail(int error, const char *what)
{
    const char *msg = gk_error_last()->message;

    if (what && *msg)
        fprintf(stderr, "gongkai: %s: %s\n", what, msg);
    else
        fprintf(stderr, "gongkai: %s\n", what ? what : (*msg ? msg : "error"));
    return cli_exit_for(error);
}
