/*
 * test.c: registry and runner of the vendored harness (see test.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "gk/common.h"
#include "gk/errors.h"
#include "test.h"

#ifndef GK_SOURCE_DIR_DEFAULT
#define GK_SOURCE_DIR_DEFAULT "."
#endif

typedef struct {
    const char *suite;
    const char *name;
    gk_test_fn fn;
} entry;

static entry *tests;
static size_t ntests, captests;
static int cur_failed, cur_skipped;
static const char *skip_reason;

void gk_test__register(const char *suite, const char *name, gk_test_fn fn)
{
    if (ntests == captests) {
        captests = captests ? captests * 2 : 64;
        tests = gk_realloc(tests, captests * sizeof *tests);
        if (!tests)
            abort();
    }
    tests[ntests].suite = suite;
    tests[ntests].name = name;
    tests[ntests].fn = fn;
    ntests++;
}

void gk_test__fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    printf("# %s:%d: ", file, line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    cur_failed = 1;
}

void gk_test__skip(const char *reason)
{
    cur_skipped = 1;
    skip_reason = reason;
}

int gk_test__failed(void)
{
    return cur_failed;
}

const char *gk_test_srcdir(void)
{
    const char *d = getenv("GK_SOURCE_DIR");
    return d && *d ? d : GK_SOURCE_DIR_DEFAULT;
}

const char *gk_test_path(const char *rel)
{
    static char slots[8][4096];
    static unsigned next;
    char *s = slots[next++ % 8];

    snprintf(s, 4096, "%s/%s", gk_test_srcdir(), rel);
    return s;
}

char *gk_test_slurp(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    char *p;
    long n;

    if (!f) {
        fprintf(stderr, "cannot open fixture %s\n", path);
        abort();
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    p = gk_malloc((size_t)n + 1);
    if (!p || fread(p, 1, (size_t)n, f) != (size_t)n)
        abort();
    p[n] = '\0';
    fclose(f);
    if (len_out)
        *len_out = (size_t)n;
    return p;
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->suite, y->suite);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *filter = NULL;
    size_t i, run = 0, passed = 0, failed = 0, skipped = 0;

    for (i = 1; i < (size_t)argc; i++)
        if (!strcmp(argv[i], "-s") && i + 1 < (size_t)argc)
            filter = argv[++i];
    setvbuf(stdout, NULL, _IOLBF, 0);
    qsort(tests, ntests, sizeof *tests, cmp_entry);
    for (i = 0; i < ntests; i++) {
        if (filter && strncmp(tests[i].suite, filter, strlen(filter)) != 0)
            continue;
        cur_failed = cur_skipped = 0;
        skip_reason = NULL;
        gk_error_clear();
        tests[i].fn();
        run++;
        if (cur_skipped && !cur_failed) {
            skipped++;
            printf("ok %zu - %s::%s # SKIP %s\n", run, tests[i].suite, tests[i].name, skip_reason);
        } else if (cur_failed) {
            failed++;
            printf("not ok %zu - %s::%s\n", run, tests[i].suite, tests[i].name);
        } else {
            passed++;
            printf("ok %zu - %s::%s\n", run, tests[i].suite, tests[i].name);
        }
    }
    printf("1..%zu\n", run);
    printf("gk-tests: %zu passed, %zu failed, %zu skipped\n", passed, failed, skipped);
    gk_free(tests);
    return (failed || run == 0) ? 1 : 0;
}
