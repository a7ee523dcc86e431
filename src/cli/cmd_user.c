/*
 * cmd_user.c: staff accounts in the registers' store (SQLite or
 * PostgreSQL), every change with an audit event:
 *   gongkai user add NAME --role ROLE [--agency CODE] --password-stdin
 *   gongkai user list [--reveal]
 *   gongkai user disable NAME
 * each with [--db PATH | --dsn URL] [--actor NAME] (spec/cli.md). The
 * password is read from standard input only (never argv, which other
 * users can see in the process list) and stored as an argon2id hash.
 * Accounts are never deleted (the audit trail names them): disabling ends
 * their sessions (gk_store_user_update). The list masks account names,
 * which are often people's names (个人信息); --reveal shows them and
 * records that it did (a "note:reveal" audit event).
 */
#include <string.h>
#include "gk/errors.h"
#include "gk/http.h"
#include "cli.h"
#include "cli_store.h"

#define SYNOPSIS                                                                                   \
    "add NAME --role ROLE [--agency CODE] --password-stdin | list [--reveal] | disable NAME"       \
    " [--db PATH | --dsn URL]"
#define SUMMARY                                                                                    \
    "管理工作人员账号。\n"                                                                         \
    "  user add NAME --role ROLE [--agency CODE] --password-stdin   创建账号；角色：登记员、"    \
    "承办人、审核人、负责人、管理员、督查，除管理员和督查外须指定 --agency\n"                     \
    "  user list [--reveal]                                         列出账号（账号名默认脱敏）\n" \
    "  user disable NAME                                            停用账号并结束其会话（账号不删除）"

static const cli_opt opts[] = {
    {"role", 0, OPT_VALUE, "ROLE", "角色（中文名或 clerk/handler/reviewer/head/admin/supervisor）"},
    {"agency", 0, OPT_VALUE, "CODE", "所属机关代码"},
    {"password-stdin", 0, OPT_FLAG, NULL, "从标准输入读取密码（第一行）"},
    {"reveal", 0, OPT_FLAG, NULL, "list: 显示完整账号名（记入审计）"},
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

/* Appends name masked: its first and last characters (UTF-8) kept, each
 * one between as "*"; a name of one or two characters keeps only its first.
 * Account names are often people's names (个人信息保护法第二十八、五十一条:
 * shown only as far as needed). */
static void mask_name(char *out, size_t n, const char *name)
{
    size_t len = strlen(name), first = 1, last = 0, chars = 0, i, o = 0;

    while (first < len && ((unsigned char)name[first] & 0xC0) == 0x80)
        first++;
    for (i = 0; i < len; i++)
        chars += ((unsigned char)name[i] & 0xC0) != 0x80;
    if (chars > 2) {
        last = len;
        while (last > 0 && ((unsigned char)name[last - 1] & 0xC0) == 0x80)
            last--;
        last = last > 0 ? last - 1 : 0; /* start of the last character */
    }
    if (first >= n)
        first = 0;
    memcpy(out, name, first);
    o = first;
    for (i = 1; i + (chars > 2 ? 1 : 0) < chars && o + 1 < n; i++)
        out[o++] = '*';
    if (chars > 2 && o + (len - last) < n) {
        memcpy(out + o, name + last, len - last);
        o += len - last;
    }
    out[o] = '\0';
}

typedef struct {
    bool reveal;
    int n;
} list_ctx;

static int list_one(const gk_user *u, void *payload)
{
    list_ctx *x = payload;
    char shown[4 * GK_USER_NAME_MAX + 8];
    int role = gk_role_from_name(u->role);

    if (x->reveal)
        snprintf(shown, sizeof shown, "%s", u->name);
    else
        mask_name(shown, sizeof shown, u->name);
    printf("%s\t%s\t%s\t%s\t%s\n", shown, role >= 0 ? gk_role_name((gk_role)role) : u->role,
           u->agency && *u->agency ? u->agency : "（全部机关）", u->disabled ? "已停用" : "启用",
           u->created);
    x->n++;
    return 0;
}

static int user_list(gk_store *st, const cli_parsed *p)
{
    list_ctx x = {cli_has(p, opts, "reveal"), 0};
    int error = 0;

    /* Seeing the names in full is itself recorded (who, when). */
    if (x.reveal)
        error = gk_store_note(st, "", "user", 0, "note:reveal",
                              "{\"what\":\"user list\",\"fields\":\"name\"}");
    if (error == 0)
        error = gk_store_user_foreach(st, list_one, &x);
    if (error < 0)
        return cli_store_fail(error, "user list");
    if (x.n == 0)
        fprintf(stderr, "（没有账号：gongkai user add 创建）\n");
    return CLI_EXIT_OK;
}

typedef struct {
    char role[64], agency[128];
    int64_t id;
    bool disabled;
} user_copy;

static int copy_user(const gk_user *u, void *payload)
{
    user_copy *c = payload;

    snprintf(c->role, sizeof c->role, "%s", u->role);
    snprintf(c->agency, sizeof c->agency, "%s", u->agency ? u->agency : "");
    c->id = u->id;
    c->disabled = u->disabled;
    return 0;
}

static int user_disable(gk_store *st, const cli_parsed *p)
{
    user_copy c;
    gk_user u;
    int error;

    memset(&c, 0, sizeof c);
    error = gk_store_user_find(st, p->args[1], copy_user, &c);
    if (error == GK_ENOTFOUND) {
        fprintf(stderr, "gongkai user disable: 没有账号 '%s'\n", p->args[1]);
        return CLI_EXIT_USAGE;
    }
    if (error == 0 && c.disabled) {
        printf("账号 %s 已是停用状态\n", p->args[1]);
        return CLI_EXIT_OK;
    }
    if (error == 0) {
        memset(&u, 0, sizeof u);
        u.id = c.id;
        u.name = p->args[1];
        u.role = c.role;
        u.agency = c.agency;
        u.pwhash = NULL; /* unchanged */
        u.disabled = true;
        error = gk_store_user_update(st, &u);
    }
    if (error < 0)
        return cli_store_fail(error, "user disable");
    printf("已停用账号 %s（其会话已结束；账号保留在审计记录中）\n", p->args[1]);
    return CLI_EXIT_OK;
}

static int user_add(gk_store **stp, const cli_parsed *p)
{
    char password[1100];
    const char *role_name;
    int rc, role, error;

    role_name = cli_get(p, opts, "role");
    role = gk_role_from_name(role_name);
    if (role < 0) {
        fprintf(stderr, "gongkai user: 未知角色 '%s'（登记员、承办人、审核人、负责人、管理员、督查）\n",
                role_name ? role_name : "");
        return CLI_EXIT_USAGE;
    }
    if (!cli_has(p, opts, "password-stdin")) {
        fprintf(stderr, "gongkai user: 请用 --password-stdin 从标准输入提供密码\n");
        return CLI_EXIT_USAGE;
    }
    if (read_password(password, sizeof(password)) < 0) {
        fprintf(stderr, "gongkai user: 无法从标准输入读取密码（须为一行，不超过 1024 字节）\n");
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(stp, p, opts, "user", false);
    if (rc) {
        explicit_bzero(password, sizeof(password));
        return rc;
    }
    error = gk_user_add_to(*stp, p->args[1], (gk_role)role, cli_get(p, opts, "agency"), password);
    explicit_bzero(password, sizeof(password));
    if (error < 0)
        return cli_fail(error, "user add");
    printf("已创建用户 %s（%s）\n", p->args[1], gk_role_name((gk_role)role));
    return CLI_EXIT_OK;
}

int cmd_user(int argc, char **argv)
{
    gk_store *st = NULL;
    cli_parsed p;
    int rc;

    rc = cli_parse(&p, opts, argc, argv, "user");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "user", SYNOPSIS, SUMMARY, opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs == 2 && !strcmp(p.args[0], "add")) {
        rc = user_add(&st, &p);
    } else if ((p.nargs == 1 && !strcmp(p.args[0], "list")) ||
               (p.nargs == 2 && !strcmp(p.args[0], "disable"))) {
        rc = cli_store_open(&st, &p, opts, "user", false);
        if (rc == 0)
            rc = p.args[0][0] == 'l' ? user_list(st, &p) : user_disable(st, &p);
    } else {
        fprintf(stderr, "用法: gongkai user %s\n", SYNOPSIS);
        rc = CLI_EXIT_USAGE;
    }
    gk_store_close(st);
    return rc;
}
