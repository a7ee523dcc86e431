/*
 * audit.c: the audit pipeline. The calling thread walks the paths and feeds
 * a bounded queue; N workers read, parse and validate one file each and hand
 * the result to the caller's callback (serialised by a mutex). The bounded
 * queue and the per-file free keep memory flat however many files there are.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gk/fileio.h"
#include "gk/parse.h"
#include "gk/validate.h"
#include "audit_int.h"

#define QUEUE_CAP 256
#define MAX_JOBS 64
#define MAX_DEPTH 64 /* folder nesting; deeper trees are cut with an error */

typedef struct {
    char *path;
    size_t seq;
} job;

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    job q[QUEUE_CAP];
    size_t head, count;
    bool walk_done, stop;
    size_t found, done;

    pthread_mutex_t cb_mu; /* serialises callbacks and the carry table */
    const gk_audit_opts *opts;
    gk_audit_cb cb;
    gk_audit__carry_table carry;
    int cb_error;
    /* why the callback or the carry index stopped the run: the message is
     * set on a worker's thread, and gk_audit_run sets it again on the
     * caller's (errors are thread-local) */
    int cb_class;
    char cb_message[512];
} audit_state;

static const char *const wanted_ext[] = {".html", ".htm", ".txt", ".md", ".markdown", ".json"};

bool gk_audit_wants_file(const char *name)
{
    size_t i, n = strlen(name);

    for (i = 0; i < GK_ARRAY_LEN(wanted_ext); i++) {
        size_t e = strlen(wanted_ext[i]);
        if (n > e && !strcasecmp(name + n - e, wanted_ext[i]))
            return true;
    }
    return false;
}

/* Pushes a job; blocks while the queue is full. Takes ownership of path. */
static void push_job(audit_state *st, char *path)
{
    pthread_mutex_lock(&st->mu);
    while (st->count == QUEUE_CAP && !st->stop)
        pthread_cond_wait(&st->not_full, &st->mu);
    if (st->stop) {
        pthread_mutex_unlock(&st->mu);
        gk_free(path);
        return;
    }
    st->q[(st->head + st->count) % QUEUE_CAP].path = path;
    st->q[(st->head + st->count) % QUEUE_CAP].seq = st->found++;
    st->count++;
    pthread_cond_signal(&st->not_empty);
    pthread_mutex_unlock(&st->mu);
}

static bool pop_job(audit_state *st, job *out)
{
    pthread_mutex_lock(&st->mu);
    while (st->count == 0 && !st->walk_done && !st->stop)
        pthread_cond_wait(&st->not_empty, &st->mu);
    if (st->count == 0 || st->stop) {
        pthread_mutex_unlock(&st->mu);
        return false;
    }
    *out = st->q[st->head];
    st->head = (st->head + 1) % QUEUE_CAP;
    st->count--;
    pthread_cond_signal(&st->not_full);
    pthread_mutex_unlock(&st->mu);
    return true;
}

static void process(audit_state *st, const job *j)
{
    gk_buf data = GK_BUF_INIT;
    gk_report *r = NULL;
    gk_diag_list *dl = NULL;
    gk_audit_item item;
    gk_parse_opts popts = GK_PARSE_OPTS_INIT;
    gk_validate_opts vopts = GK_VALIDATE_OPTS_INIT;
    char msg[1024] = "";
    int error;

    memset(&item, 0, sizeof item);
    item.path = j->path;
    item.seq = j->seq;
    gk_error_clear();
    error = gk_file_read(&data, j->path, st->opts->max_file ? st->opts->max_file : GK_MAX_INPUT);
    if (error == 0) {
        popts.source = j->path;
        error = gk_parse(&r, data.ptr, data.len, &popts);
    }
    if (error == 0)
        error = gk_diag_list_new(&dl);
    if (error == 0)
        error = gk_validate(dl, r, &vopts);
    if (error < 0) {
        snprintf(msg, sizeof msg, "%s", gk_error_last()->message);
        item.error = error;
        item.error_message = msg;
    } else {
        item.report = r;
        item.diags = dl;
        item.n_error = gk_diag_list_count_severity(dl, GK_SEV_ERROR);
        item.n_warning = gk_diag_list_count_severity(dl, GK_SEV_WARNING);
        item.n_info = gk_diag_list_count_severity(dl, GK_SEV_INFO);
    }
    pthread_mutex_lock(&st->cb_mu);
    if (!st->cb_error) {
        gk_error_clear();
        if (st->cb(&item, st->opts->payload))
            st->cb_error = GK_ERROR;
        else if (r && gk_audit__carry_add(&st->carry, r, j->path) < 0)
            st->cb_error = GK_ENOMEM;
        if (st->cb_error) {
            st->cb_class = gk_error_last()->klass;
            snprintf(st->cb_message, sizeof st->cb_message, "%s", gk_error_last()->message);
        }
    }
    pthread_mutex_lock(&st->mu);
    st->done++;
    if (st->cb_error)
        st->stop = true;
    pthread_cond_broadcast(&st->not_full);
    pthread_cond_broadcast(&st->not_empty);
    pthread_mutex_unlock(&st->mu);
    if (st->opts->progress)
        st->opts->progress(st->done, st->found, st->opts->payload);
    pthread_mutex_unlock(&st->cb_mu);
    gk_diag_list_free(dl);
    gk_report_free(r);
    gk_buf_release(&data);
}

static void *worker(void *arg)
{
    audit_state *st = arg;
    job j;

    while (pop_job(st, &j)) {
        process(st, &j);
        gk_free(j.path);
    }
    return NULL;
}

static int walk(audit_state *st, const char *path, int depth, bool named);

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(audit_state *st, const char *path, int depth)
{
    DIR *d;
    struct dirent *e;
    int error = 0;
    char **names = NULL;
    size_t n = 0, cap = 0, i;

    if (depth > MAX_DEPTH) {
        gk_error_set(GK_ERRCLASS_OS, "'%s': folders nested deeper than %d", path, MAX_DEPTH);
        return GK_EINVALID;
    }
    d = opendir(path);
    if (!d) {
        gk_error_set(GK_ERRCLASS_OS, "cannot open folder '%s': %s", path, strerror(errno));
        return GK_EIO;
    }
    /* Read the names first and sort them, so the order (and output with
     * -j 1) is stable across file systems. */
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **p = gk_realloc(names, ncap * sizeof *p);
            if (!p) {
                error = gk__oom();
                goto done;
            }
            names = p;
            cap = ncap;
        }
        names[n] = gk_strdup(e->d_name);
        if (!names[n]) {
            error = gk__oom();
            goto done;
        }
        n++;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_names);
done:
    closedir(d);
    for (i = 0; i < n; i++) {
        if (error == 0 && !st->stop) {
            gk_buf child = GK_BUF_INIT;
            if (gk_buf_printf(&child, "%s/%s", path, names[i]) < 0)
                error = GK_ENOMEM;
            else
                error = walk(st, child.ptr, depth + 1, false);
            gk_buf_release(&child);
        }
        gk_free(names[i]);
    }
    gk_free(names);
    return error;
}

/* Walks one path: a folder recursively, a file when named on the command
 * line or when its extension is wanted. Symlinked folders are skipped
 * inside walks (no cycles). */
static int walk(audit_state *st, const char *path, int depth, bool named)
{
    struct stat sb;
    char *copy;

    if ((named ? stat(path, &sb) : lstat(path, &sb)) < 0) {
        gk_error_set(GK_ERRCLASS_OS, "cannot read '%s': %s", path, strerror(errno));
        return named ? GK_ENOTFOUND : 0;
    }
    if (S_ISDIR(sb.st_mode))
        return walk_dir(st, path, depth);
    if (!S_ISREG(sb.st_mode))
        return 0;
    if (!named && !gk_audit_wants_file(path))
        return 0;
    copy = gk_strdup(path);
    if (!copy)
        return gk__oom();
    push_job(st, copy);
    return 0;
}

int gk_audit_run(const char *const *paths, size_t npaths, const gk_audit_opts *opts,
                 gk_audit_cb cb)
{
    audit_state st;
    pthread_t tids[MAX_JOBS];
    unsigned jobs, started = 0, i;
    size_t p;
    int error = 0;

    GK_ASSERT_ARG(paths && opts && cb);
    memset(&st, 0, sizeof st);
    pthread_mutex_init(&st.mu, NULL);
    pthread_mutex_init(&st.cb_mu, NULL);
    pthread_cond_init(&st.not_empty, NULL);
    pthread_cond_init(&st.not_full, NULL);
    st.opts = opts;
    st.cb = cb;
    jobs = opts->jobs;
    if (jobs == 0) {
        long nc = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = nc > 0 ? (unsigned)nc : 1;
    }
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    for (i = 0; i < jobs; i++) {
        if (pthread_create(&tids[i], NULL, worker, &st) != 0)
            break;
        started++;
    }
    if (started == 0) {
        gk_error_set(GK_ERRCLASS_OS, "cannot start worker threads");
        error = GK_ERROR;
        goto done;
    }
    for (p = 0; p < npaths && error == 0 && !st.stop; p++)
        error = walk(&st, paths[p], 0, true);
    pthread_mutex_lock(&st.mu);
    st.walk_done = true;
    if (error < 0)
        st.stop = true;
    pthread_cond_broadcast(&st.not_empty);
    pthread_mutex_unlock(&st.mu);
    for (i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    /* jobs left in the queue after a stop */
    while (st.count) {
        gk_free(st.q[st.head].path);
        st.head = (st.head + 1) % QUEUE_CAP;
        st.count--;
    }
    if (error == 0 && st.cb_error) {
        error = st.cb_error;
        if (st.cb_message[0])
            gk_error_set(st.cb_class, "%s", st.cb_message);
        else
            gk_error_set(GK_ERRCLASS_INVALID, "the audit was stopped by its callback");
    }
    if (error == 0)
        error = gk_audit__carry_check(&st.carry, opts->cross, opts->payload);
done:
    gk_audit__carry_release(&st.carry);
    pthread_cond_destroy(&st.not_empty);
    pthread_cond_destroy(&st.not_full);
    pthread_mutex_destroy(&st.mu);
    pthread_mutex_destroy(&st.cb_mu);
    return error;
}
