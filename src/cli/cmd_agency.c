/*
 * cmd_agency.c: `gongkai agency add CODE NAME [--parent CODE] [--kind K]`
 * and `gongkai agency list`: the agency tree (政府 → 部门/街道) every
 * record of the registers belongs to.
 */
#include <string.h>
#include "cli_store.h"

static const cli_opt opts[] = {
    {"parent", 0, OPT_VALUE, "CODE", "上级机关代码（部门、街道属于本级政府）"},
    {"kind", 0, OPT_VALUE, "KIND", "机关类型，如 政府、部门、街道、乡镇"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

static int print_agency(const gk_agency *a, void *payload)
{
    (void)payload;
    printf("%s\t%s\t%s\t%s\n", a->code, a->name, *a->parent ? a->parent : "-",
           *a->kind ? a->kind : "-");
    return 0;
}

int cmd_agency(int argc, char **argv)
{
    cli_parsed p;
    gk_store *st = NULL;
    int rc, error;

    rc = cli_parse(&p, opts, argc, argv, "agency");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "agency", "add CODE NAME [--parent CODE] [--kind KIND] | list",
                  "管理机关：每条登记记录都属于一个机关，机关组成树（政府 → 部门/街道）。", opts);
        return CLI_EXIT_OK;
    }
    if (!(p.nargs == 3 && !strcmp(p.args[0], "add")) && !(p.nargs == 1 && !strcmp(p.args[0], "list"))) {
        fprintf(stderr, "用法: gongkai agency add CODE NAME | agency list（见 --help）\n");
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "agency", false);
    if (rc)
        return rc;
    if (!strcmp(p.args[0], "add")) {
        gk_agency a = {0, p.args[1], p.args[2], cli_get(&p, opts, "parent"),
                       cli_get(&p, opts, "kind")};
        error = gk_store_agency_add(st, &a, NULL);
        if (error == 0)
            printf("已添加机关 %s %s\n", a.code, a.name);
    } else {
        error = gk_store_agency_foreach(st, print_agency, NULL);
    }
    if (error < 0)
        rc = cli_store_fail(error, "agency");
    gk_store_close(st);
    return rc;
}
