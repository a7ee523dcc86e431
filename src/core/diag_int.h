/*
 * diag_int.h: the core-internal form of gk_diag_add, for the validator.
 */
#ifndef GK_CORE_DIAG_INT_H
#define GK_CORE_DIAG_INT_H

#include <stdarg.h>
#include "gk/diag.h"

/* gk_diag_add with the message arguments as a va_list: the rules format
 * their message once, straight into the list. */
int gk_diag__addv(gk_diag_list *l, const char *rule, gk_severity sev, const char *cell,
                  const gk_diag *values, const char *evidence, const char *fmt, va_list ap)
    GK_PRINTF(7, 0) GK_WARN_UNUSED;

#endif
