/*
 * main.c: the gongkai dispatcher (git's commands[] table). Each command is
 * a row of commands.def; `gongkai --help` lists them in that order.
 */
#include <locale.h>
#include <string.h>
#include "cli.h"

typedef struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} cli_cmd;

static const cli_cmd cli_cmds[] = {
#define CLI_CMD(name, summary) {#name, cmd_##name, summary},
#include "commands.def"
#undef CLI_CMD
};

static void usage(FILE *f)
{
    size_t i;

    fprintf(f, "gongkai %s: 政府信息公开工作系统\n\n用法: gongkai <命令> [选项]\n\n命令:\n",
            GK_VERSION_STRING);
    for (i = 0; i < GK_ARRAY_LEN(cli_cmds); i++)
        fprintf(f, "  %-10s %s\n", cli_cmds[i].name, cli_cmds[i].summary);
    fprintf(f, "\n每个命令都有 --help。退出码: 0 成功, 1 发现错误, 2 用法或输入错误, 4 存储错误, "
               "5 内部错误。\n");
}

int main(int argc, char **argv)
{
    size_t i;

    setlocale(LC_ALL, "C.UTF-8");
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("gongkai %s\n", GK_VERSION_STRING);
        return CLI_EXIT_OK;
    }
    for (i = 0; i < GK_ARRAY_LEN(cli_cmds); i++)
        if (!strcmp(argv[1], cli_cmds[i].name))
            return cli_cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "gongkai: 未知命令 '%s'（见 gongkai --help）\n", argv[1]);
    return CLI_EXIT_USAGE;
}
