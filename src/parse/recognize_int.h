/*
 * recognize_int.h: the token stream between the grid and the model.
 */
#ifndef GK_PARSE_RECOGNIZE_INT_H
#define GK_PARSE_RECOGNIZE_INT_H

#include "parse/parse_int.h"

/* RZ_ABSENT, RZ_ABSENT_ROW and RZ_UNREAD are set by recognize.c on bounded
 * cells: the renderers' notes for a missing cell or row (layout.h), and a
 * text standing where a row's values are (an UNREADABLE cell). */
enum { RZ_TEXT = 0, RZ_NUM = 1, RZ_BLANK = 2, RZ_ABSENT = 3, RZ_ABSENT_ROW = 4, RZ_UNREAD = 5 };

typedef struct {
    uint8_t kind;
    uint8_t bounded;  /* from a bounded cell: exactly one table cell */
    uint32_t row;     /* grid row */
    gk_srcpos pos;
    const char *raw;  /* not NUL-terminated */
    uint32_t rawlen;
    const char *num;  /* RZ_NUM: ASCII digits ("12", "5949.09") */
    const char *norm; /* RZ_TEXT: normalised for matching */
} rz_tok;

typedef struct {
    const gk_grid *g;
    gk_report *r;
    gk_arena arena;
    rz_tok *toks;
    size_t ntoks, toks_cap;
    bool any_bounded; /* the source marks table cells (recognize.c) */
    bool table_note;  /* the source has the renderers' note for a missing table */
} rz_ctx;

int rz_tokenize(rz_ctx *z) GK_WARN_UNUSED;

#endif
