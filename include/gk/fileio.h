/*
 * fileio.h: reading whole files under a cap, and writing files atomically
 * (temporary file in the same directory, fsync, rename), so an interrupted
 * write never leaves a half-written output behind.
 */
#ifndef GK_FILEIO_H
#define GK_FILEIO_H

#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

/* Default cap on one input file (64 MiB); a larger file is GK_ETOOBIG. */
#define GK_MAX_INPUT ((size_t)64 * 1024 * 1024)

/* Reads all of path ("-" = stdin) into out (appended). Fails with GK_ETOOBIG
 * past max bytes, GK_ENOTFOUND when missing, GK_EIO otherwise. */
GK_EXTERN(int) gk_file_read(gk_buf *out, const char *path, size_t max) GK_WARN_UNUSED;

/* Writes data to path atomically ("-" = stdout, written directly). */
GK_EXTERN(int) gk_file_write_atomic(const char *path, const void *data, size_t len) GK_WARN_UNUSED;

GK_END_DECL

#endif
