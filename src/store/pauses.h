/*
 * pauses.h: the text form of a case's 第三十三条第三款 pauses, shared by
 * the backends that keep them in one text column: "FROM/TO/REASON" per
 * pause, joined by ';', TO empty while the last pause is open, e.g.
 * "2025-03-05/2025-03-12/0;2025-04-01//2". The same text in every backend
 * means a register moved between SQLite and PostgreSQL keeps its meaning.
 */
#ifndef GK_STORE_PAUSES_H
#define GK_STORE_PAUSES_H

#include "gk/buf.h"
#include "gk/case.h"

/* Appends c's pauses to b (b is non-NULL text afterwards, "" when none). */
int gk_store__pauses_format(gk_buf *b, const gk_case *c) GK_WARN_UNUSED;

/* Sets c->pauses and c->npauses from s (not c->pause_open). Malformed
 * items are skipped, as a damaged row must still be listable; at most
 * GK_CASE_MAX_PAUSES are read. Infallible. */
void gk_store__pauses_parse(gk_case *c, const char *s);

#endif
