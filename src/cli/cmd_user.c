/*
 * cmd_user.c: `gongkai user add NAME --role ROLE [--agency CODE]
 * --password-stdin [--db PATH | --dsn URL] [--actor NAME]` (spec/cli.md):
 * creates a staff account in the registers' store (SQLite or PostgreSQL),
 * with an audit event. The password is read from standard input only
 * (never argv, which other users can see in the process list) and stored
 * as an argon2id hash.
 */
#include <string.h>
#include "gk/http.h"
#include "cli.h"
#include "cli_store.h"

#define SYNOPSIS                                                                                   \
    "add NAME --role ROLE [--agency CODE] --password-stdin [--db PATH | --dsn URL]"
#define SUMMARY                                                                                    \
    "创建工作人员账号。角色：登记员、承办人、审核人、负责人、管理员、督查；"                       \
    "除管理员和督查外须指定 --agency"

static const cli_opt opts[] = {
    {"role", 0, OPT_VALUE, "ROLE", "角色（中文名或 clerk/handler/reviewer/head/admin/supervisor）"},
    {"agency", 0, OPT_VALUE, "CODE", "所属机关代码"},
    {"password-stdin", 0, OPT_FLAG, NULL, "从标准输入读取密码（第一行）"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

/* Reads the first line of stdin into buf (without the line break). */
static int read_password(char *buf, size_t n)
{
    size_t len;

    if (!fgets(buf, (int)n, stdin))
        return -1;
    len = strlen(buf);
    if (len && buf[len - 1] != '\n' && !feof(stdin))
        return -1; /* longer than the buffer */
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
        buf[--len] = '\0';
    return 0;
}

int cmd_user(int argc, char **argv)
{
    char password[1100];
    gk_store *st = NULL;
    cli_parsed p;
    const char *role_name;
    int rc, role, error;

    rc = cli_parse(&p, opts, argc, argv, "user");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "user", SYNOPSIS, SUMMARY, opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs != 2 || strcmp(p.args[0], "add")) {
        fprintf(stderr, "用法: gongkai user %s\n", SYNOPSIS);
        return CLI_EXIT_USAGE;
    }
    role_name = cli_get(&p, opts, "role");
    role = gk_role_from_name(role_name);
    if (role < 0) {
        fprintf(stderr, "gongkai user: 未知角色 '%s'（登记员、承办人、审核人、负责人、管理员、督查）\n",
                role_name ? role_name : "");
        return CLI_EXIT_USAGE;
    }
    if (!cli_has(&p, opts, "password-stdin")) {
        fprintf(stderr, "gongkai user: 请用 --password-stdin 从标准输入提供密码\n");
        return CLI_EXIT_USAGE;
    }
    if (read_password(password, sizeof(password)) < 0) {
        fprintf(stderr, "gongkai user: 无法从标准输入读取密码（须为一行，不超过 1024 字节）\n");
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "user", false);
    if (rc) {
        explicit_bzero(password, sizeof(password));
        return rc;
    }
    error = gk_user_add_to(st, p.args[1], (gk_role)role, cli_get(&p, opts, "agency"), password);
    explicit_bzero(password, sizeof(password));
    gk_store_close(st);
    if (error < 0)
        return cli_fail(error, "user add");
    printf("已创建用户 %s（%s）\n", p.args[1], gk_role_name((gk_role)role));
    return CLI_EXIT_OK;
}
