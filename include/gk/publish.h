/*
 * publish.h: the publication gate of the catalogue's three-level review
 * (store_review3.h), as the console applies it (src/http/page_publish.c),
 * for other callers of gk_store_review3_decide (`gongkai demo`).
 */
#ifndef GK_PUBLISH_H
#define GK_PUBLISH_H

#include "common.h"

GK_BEGIN_DECL

/* A gk_review3_gate: GK_ECONFLICT (with the count in the message) while
 * the screener (personal-data detectors and secret markers, no office
 * dictionary) reports an error-severity finding that is personal data or
 * a secret marker in the title, summary or body; 0 otherwise. payload is
 * unused (NULL). */
GK_EXTERN(int) gk_publish_gate(const char *title, const char *summary, const char *body,
                               void *payload) GK_WARN_UNUSED;

GK_END_DECL

#endif
