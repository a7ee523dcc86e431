/* cmd_stub.c: placeholder commands until their modules land. */
#include "cli.h"
int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "gongkai check: not built yet\n");
    return CLI_EXIT_INTERNAL;
}
int cmd_render(int argc, char **argv)
{
    return cmd_check(argc, argv);
}
int cmd_parse(int argc, char **argv)
{
    return cmd_check(argc, argv);
}
