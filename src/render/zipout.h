/*
 * zipout.h: writing a ZIP archive in memory with libzip, deterministically
 * (entries in the order added, deflated, every timestamp the same fixed
 * date), for the DOCX renderer. Nothing touches the file system.
 */
#ifndef GK_RENDER_ZIPOUT_H
#define GK_RENDER_ZIPOUT_H

#include "util/util.h"

#define GK_ZIPOUT_MAX_ENTRIES 16

typedef struct gk_zipout gk_zipout;

/* Starts an empty archive. Caller frees with gk_zipout__free. */
int gk_zipout__new(gk_zipout **out) GK_WARN_UNUSED;
/* Adds an entry named name (UTF-8) holding data's bytes. Takes the bytes:
 * data is left empty, on failure too. At most GK_ZIPOUT_MAX_ENTRIES. */
int gk_zipout__add(gk_zipout *z, const char *name, gk_buf *data) GK_WARN_UNUSED;
/* Closes the archive and appends its bytes to out. Call once. */
int gk_zipout__finish(gk_zipout *z, gk_buf *out) GK_WARN_UNUSED;
/* NULL-safe. */
void gk_zipout__free(gk_zipout *z);

#endif
