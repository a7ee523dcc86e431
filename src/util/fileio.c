/*
 * fileio.c: capped whole-file reads and atomic writes (write a temporary
 * file beside the target, fsync it, rename it over the target), so that a
 * killed process or a full disk never leaves a half-written output.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include "gk/fileio.h"
#include "util.h"

static int read_fd(gk_buf *out, int fd, const char *path, size_t max)
{
    size_t start = out->len;
    char tmp[65536];

    for (;;) {
        ssize_t n = read(fd, tmp, sizeof tmp);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            gk_error_set(GK_ERRCLASS_OS, "cannot read '%s': %s", path, strerror(errno));
            return GK_EIO;
        }
        if (n == 0)
            return 0;
        if (out->len - start + (size_t)n > max) {
            gk_error_set(GK_ERRCLASS_INVALID, "'%s' is larger than the %zu-byte input cap", path,
                         max);
            return GK_ETOOBIG;
        }
        if (gk_buf_put(out, tmp, (size_t)n) < 0)
            return GK_ENOMEM;
    }
}

int gk_file_read(gk_buf *out, const char *path, size_t max)
{
    int fd, error;
    struct stat st;

    if (!strcmp(path, "-"))
        return read_fd(out, 0, "<stdin>", max);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        gk_error_set(GK_ERRCLASS_OS, "cannot open '%s': %s", path, strerror(e));
        return e == ENOENT ? GK_ENOTFOUND : GK_EIO;
    }
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        gk_error_set(GK_ERRCLASS_OS, "'%s' is a directory", path);
        close(fd);
        return GK_EIO;
    }
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
        gk_error_set(GK_ERRCLASS_INVALID, "'%s' is larger than the %zu-byte input cap", path, max);
        close(fd);
        return GK_ETOOBIG;
    }
    error = read_fd(out, fd, path, max);
    close(fd);
    return error;
}

static int write_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int gk_file_write_atomic(const char *path, const void *data, size_t len)
{
    gk_buf tmp = GK_BUF_INIT;
    int fd = -1, error = 0;

    if (!strcmp(path, "-")) {
        if (write_all(1, data, len) < 0) {
            gk_error_set(GK_ERRCLASS_OS, "cannot write to stdout: %s", strerror(errno));
            return GK_EIO;
        }
        return 0;
    }
    error = gk_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    if (error < 0)
        goto done;
    fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        gk_error_set(GK_ERRCLASS_OS, "cannot create '%s': %s", tmp.ptr, strerror(errno));
        error = GK_EIO;
        goto done;
    }
    if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        gk_error_set(GK_ERRCLASS_OS, "cannot write '%s': %s", path, strerror(errno));
        error = GK_EIO;
        goto done;
    }
    if (close(fd) < 0) {
        fd = -1;
        gk_error_set(GK_ERRCLASS_OS, "cannot write '%s': %s", path, strerror(errno));
        error = GK_EIO;
        goto done;
    }
    fd = -1;
    if (rename(tmp.ptr, path) < 0) {
        gk_error_set(GK_ERRCLASS_OS, "cannot rename onto '%s': %s", path, strerror(errno));
        error = GK_EIO;
        goto done;
    }
done:
    if (fd >= 0)
        close(fd);
    if (error < 0 && tmp.ptr)
        unlink(tmp.ptr);
    gk_buf_release(&tmp);
    return error;
}
