/* cmd_stub.c: placeholder commands until their modules land. */
#include "cli.h"
int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "gongkai check: not built yet\n");
    return CLI_EXIT_INTERNAL;
}
