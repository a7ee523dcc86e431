/*
 * cmd_serve.c: `gongkai serve [--listen ADDR:PORT] [--db PATH | --dsn URL]`
 * (spec/cli.md): runs the public pages, the staff console and the JSON
 * API until SIGINT or SIGTERM, then stops gracefully (in-flight requests
 * finish, workers join). The registers, accounts and sessions are in the
 * store named by --dsn (a postgresql:// URL, several servers may share
 * it) or --db; each worker thread opens its own handle from it. The store
 * is opened once before listening, so a wrong DSN or an un-initialised
 * database is reported at start, not on the first request.
 */
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include "gk/http.h"
#include "gk/store.h"
#include "cli.h"
#include "cli_num.h"
#include "cli_store.h"

#define SYNOPSIS "[--listen ADDR:PORT] [--db PATH | --dsn URL] [--threads N]"
#define SUMMARY                                                                                    \
    "运行网站：公开页面、工作人员控制台与 /api/v1/ 接口（默认 127.0.0.1:8080，端口 0 表示任选空闲端口）"

static const cli_opt opts[] = {
    {"listen", 'l', OPT_VALUE, "ADDR:PORT", "监听地址（默认 127.0.0.1:8080）"},
    {"db", 0, OPT_VALUE, "PATH", "登记数据库（SQLite 文件，默认 ./gongkai.db）"},
    {"dsn", 0, OPT_VALUE, "URL", "数据库连接串（postgresql://…，或 sqlite:PATH）"},
    {"threads", 0, OPT_VALUE, "N", "工作线程数（默认为 CPU 核数）"},
    {"timeout", 0, OPT_VALUE, "SECONDS", "空闲或过慢连接的断开时限（默认 15 秒）"},
    {"max-body", 0, OPT_VALUE, "BYTES", "请求体上限（默认 16 MiB）"},
    CLI_CALENDAR_OPT, /* loaded by cli_store_open, before the workers */
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

/* Reads an optional positive integer option into *out. */
static int opt_uint(const cli_parsed *p, const char *name, int64_t max, int64_t *out)
{
    const char *v = cli_get(p, opts, name);

    if (!v)
        return 0;
    if (cli_parse_i64(v, out) < 0 || *out < 1 || *out > max) {
        fprintf(stderr, "gongkai serve: --%s 应为 1 到 %lld 之间的整数\n", name, (long long)max);
        return CLI_EXIT_USAGE;
    }
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    gk_server_opts so = GK_SERVER_OPTS_INIT;
    gk_server *srv = NULL;
    gk_store *st = NULL;
    cli_parsed p;
    sigset_t sigs;
    int64_t threads = 0, timeout = 0, max_body = 0;
    int rc, sig = 0, error;

    rc = cli_parse(&p, opts, argc, argv, "serve");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "serve", SYNOPSIS, SUMMARY, opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs) {
        fprintf(stderr, "gongkai serve: 多余的参数 '%s'\n用法: gongkai serve %s\n", p.args[0],
                SYNOPSIS);
        return CLI_EXIT_USAGE;
    }
    if ((rc = opt_uint(&p, "threads", 256, &threads)) != 0 ||
        (rc = opt_uint(&p, "timeout", 3600, &timeout)) != 0 ||
        (rc = opt_uint(&p, "max-body", (int64_t)1 << 30, &max_body)) != 0)
        return rc;
    /* Reachable and at this program's schema version, or stop here. */
    rc = cli_store_open(&st, &p, opts, "serve", false);
    if (rc)
        return rc;
    gk_store_close(st);
    so.listen = cli_get(&p, opts, "listen");
    so.db = cli_get(&p, opts, "dsn") ? cli_get(&p, opts, "dsn") : cli_get(&p, opts, "db");
    so.threads = (unsigned)threads;
    so.conn_timeout_s = (unsigned)timeout;
    so.max_body = (size_t)max_body;
    error = gk_server_new(&srv, &so);
    if (error < 0)
        return cli_fail(error, "serve");
    /* Block the stop signals before the workers start so that they inherit
     * the mask and only sigwait() below receives them. */
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
#ifdef __GLIBC__
    /* A process-wide allocator setting, so it belongs to the program, not
     * to libgk's server. glibc trims a worker thread's malloc arena whenever more than 128 KiB
     * is free at its top, so the page cache SQLite allocates and frees for
     * each statement's temporary b-trees (the catalogue's GROUP BY and IN
     * list, the agency tree) went back to the kernel and was faulted in
     * again on every request: half the server's CPU on the catalogue search
     * (perf: exc_page_fault under sqlite3BtreeBeginTrans; 260 -> 136 us per
     * request). A fixed threshold keeps up to 64 MiB free per arena. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    error = gk_server_start(srv);
    if (error < 0) {
        rc = cli_fail(error, "serve");
        goto done;
    }
    printf(strchr(gk_server_host(srv), ':') ? "gongkai serve: 正在监听 http://[%s]:%u/ （Ctrl-C 停止）\n"
                                            : "gongkai serve: 正在监听 http://%s:%u/ （Ctrl-C 停止）\n",
           gk_server_host(srv), gk_server_port(srv));
    fflush(stdout);
    while (sigwait(&sigs, &sig) != 0)
        ;
    fprintf(stderr, "gongkai serve: 收到信号 %d，正在停止\n", sig);
    rc = CLI_EXIT_OK;
done:
    gk_server_free(srv);
    return rc;
}
