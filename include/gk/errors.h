/*
 * errors.h: operational error codes and the thread-local last error
 * (libgit2 style, conventions C3). Rule violations are not errors: they are
 * gk_diag findings.
 */
#ifndef GK_ERRORS_H
#define GK_ERRORS_H

#include "common.h"

GK_BEGIN_DECL

typedef enum {
    GK_OK = 0,
    GK_ERROR = -1,     /* generic; see gk_error_last() */
    GK_ENOTFOUND = -3, /* record / file / rule id not found */
    GK_EEXISTS = -4,   /* unique key already present */
    GK_EINVALID = -5,  /* bad argument or malformed input */
    GK_ETOOBIG = -6,   /* input or buffer over its configured cap */
    GK_ECONFLICT = -7, /* illegal case-state transition, stale write */
    GK_ENOMEM = -8,
    GK_EBACKEND = -9,  /* storage backend failure; message has details */
    GK_EIO = -10       /* read/write failure of a file */
} gk_error_code;

typedef enum {
    GK_ERRCLASS_NONE = 0,
    GK_ERRCLASS_NOMEMORY,
    GK_ERRCLASS_OS,
    GK_ERRCLASS_INVALID,
    GK_ERRCLASS_JSON,
    GK_ERRCLASS_PARSE,
    GK_ERRCLASS_RENDER,
    GK_ERRCLASS_CALENDAR,
    GK_ERRCLASS_STORE,
    GK_ERRCLASS_CASE,
    GK_ERRCLASS_SCREEN,
    GK_ERRCLASS_HTTP
} gk_error_class;

typedef struct {
    int klass;
    const char *message;
} gk_error;

/* The last error set on this thread; never NULL (message "" when none).
 * Borrowed: valid until the next gk_error_set on this thread. */
GK_EXTERN(const gk_error *) gk_error_last(void);
GK_EXTERN(void) gk_error_clear(void);
/* Sets the thread's last error. Always returns nothing; callers return a code. */
GK_EXTERN(void) gk_error_set(int klass, const char *fmt, ...) GK_PRINTF(2, 3);
/* Prefixes the current message with "prefix: " (used to add a file name). */
GK_EXTERN(void) gk_error_prefix(const char *fmt, ...) GK_PRINTF(1, 2);

GK_END_DECL

#endif
