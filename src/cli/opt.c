/*
 * opt.c: table-driven option parsing and --help (libgit2 src/cli opts).
 * Accepts --name VALUE, --name=VALUE, -x VALUE, flags, "--" and "-" (stdin).
 */
#include <string.h>
#include <unistd.h>
#include "cli.h"

static int find_long(const cli_opt *opts, const char *name, size_t n)
{
    int i;

    for (i = 0; opts[i].name; i++)
        if (strlen(opts[i].name) == n && !strncmp(opts[i].name, name, n))
            return i;
    return -1;
}

static int find_short(const cli_opt *opts, char c)
{
    int i;

    for (i = 0; opts[i].name; i++)
        if (opts[i].short_name == c)
            return i;
    return -1;
}

static int store(cli_parsed *out, const cli_opt *o, int idx, const char *v, const char *cmd)
{
    if (o->kind == OPT_MULTI) {
        if (out->nmulti[idx] >= 64) {
            fprintf(stderr, "gongkai %s: 选项 --%s 给出次数过多\n", cmd, o->name);
            return CLI_EXIT_USAGE;
        }
        out->multi[idx][out->nmulti[idx]++] = v;
    }
    out->values[idx] = v;
    return 0;
}

int cli_parse(cli_parsed *out, const cli_opt *opts, int argc, char **argv, const char *cmd)
{
    int i, only_args = 0;

    memset(out, 0, sizeof *out);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int idx = -1;
        const char *val = NULL;

        if (only_args || a[0] != '-' || !strcmp(a, "-")) {
            if (out->nargs >= CLI_MAX_ARGS) {
                fprintf(stderr, "gongkai %s: 参数过多（最多 %d 个）\n", cmd, CLI_MAX_ARGS);
                return CLI_EXIT_USAGE;
            }
            out->args[out->nargs++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_args = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            out->help = true;
            continue;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
            idx = find_long(opts, a + 2, n);
            if (eq)
                val = eq + 1;
        } else if (a[2] == '\0') {
            idx = find_short(opts, a[1]);
        }
        if (idx < 0) {
            fprintf(stderr, "gongkai %s: 未知选项 '%s'（见 gongkai %s --help）\n", cmd, a, cmd);
            return CLI_EXIT_USAGE;
        }
        if (opts[idx].kind == OPT_FLAG) {
            if (val) {
                fprintf(stderr, "gongkai %s: 选项 --%s 不带值\n", cmd, opts[idx].name);
                return CLI_EXIT_USAGE;
            }
            out->values[idx] = "1";
            continue;
        }
        if (!val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "gongkai %s: 选项 --%s 需要一个值（%s）\n", cmd, opts[idx].name,
                        opts[idx].value ? opts[idx].value : "VALUE");
                return CLI_EXIT_USAGE;
            }
            val = argv[++i];
        }
        if (store(out, &opts[idx], idx, val, cmd))
            return CLI_EXIT_USAGE;
    }
    return 0;
}

const char *cli_get(const cli_parsed *p, const cli_opt *opts, const char *name)
{
    int idx = find_long(opts, name, strlen(name));

    return idx < 0 ? NULL : p->values[idx];
}

bool cli_has(const cli_parsed *p, const cli_opt *opts, const char *name)
{
    return cli_get(p, opts, name) != NULL;
}

void cli_usage(FILE *f, const char *cmd, const char *synopsis, const char *summary,
               const cli_opt *opts)
{
    int i;

    fprintf(f, "用法: gongkai %s %s\n\n%s\n\n选项:\n", cmd, synopsis, summary);
    for (i = 0; opts[i].name; i++) {
        char left[64];
        if (opts[i].short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", opts[i].short_name, opts[i].name,
                     opts[i].value ? " " : "", opts[i].value ? opts[i].value : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", opts[i].name, opts[i].value ? " " : "",
                     opts[i].value ? opts[i].value : "");
        fprintf(f, "  %-28s %s\n", left, opts[i].help);
    }
    fprintf(f, "  %-28s %s\n", "-h, --help", "显示本帮助");
}

bool cli_color(FILE *f)
{
    const char *nc = getenv("NO_COLOR");

    return isatty(fileno(f)) && !(nc && *nc);
}
