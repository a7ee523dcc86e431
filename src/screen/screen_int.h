/*
 * screen_int.h: internals of the screen module (this module only).
 */
#ifndef GK_SCREEN_SCREEN_INT_H
#define GK_SCREEN_SCREEN_INT_H

#include "util/util.h"
#include "gk/screen.h"

#if defined(__has_include)
#if __has_include(<hs/hs.h>)
#define GK_SCREEN_HAVE_HS 1
#endif
#endif

/* ---- normalised view (normalize.c) ------------------------------------- */

/* Separator the markup view puts at block boundaries; the normaliser keeps
 * it as a hard break that no token crosses. */
#define GK_SCREEN_BREAK '\x1f'
/* Filler the markup view puts over tags: the normaliser drops it, so
 * 1380013<w:t>8000 (a run split by Word) is still one number. */
#define GK_SCREEN_FILL '\x1e'

/* One point of the sparse offset map: from norm position `norm` on, the
 * original offset is orig + (p - norm) until the next point. */
typedef struct {
    uint32_t norm, orig;
} gk_screen_mpoint;

typedef struct {
    const char *view; /* the normalised bytes (len of them): text, or the
                         input itself when normalisation changed nothing
                         (a window of plain text is then not copied) */
    char *text;       /* the copy, when there is one (owned, reused) */
    size_t len, cap;
    gk_screen_mpoint *map;
    size_t nmap, capmap;
} gk_screen_norm;

/* The per-code-point NFKC table of the BMP, built once per screener. */
typedef struct {
    uint32_t entry[65536]; /* 0 = keep as is; else (pool offset << 8) | len,
                              len 0xFF = drop the character */
    char pool[65536 * 2];
    size_t npool;
    uint8_t ident3[65536 / 8]; /* bit set: a valid 3-byte character kept as is */
    uint8_t lead[256];         /* fast path by first byte (normalize.c FAST_*) */
} gk_screen_nfkc;

int gk_screen__nfkc_build(gk_screen_nfkc *t);
/* Normalises in[0..n) (n < 4 GiB) into out (reused between calls). */
int gk_screen__normalize(gk_screen_norm *out, const gk_screen_nfkc *t, const char *in, size_t n);
void gk_screen__norm_release(gk_screen_norm *nv);
/* Maps a normalised position (at a character start) to the original. */
uint32_t gk_screen__norm_to_orig(const gk_screen_norm *nv, uint32_t p);

/* ---- checksums (checksum.c) --------------------------------------------- */

/* s: 18 characters (17 digits + digit or X). GB 11643-1999 §5 check digit. */
bool gk_screen__id18_checksum_ok(const char *s);
/* Birth date YYYYMMDD at s valid (years 1900..2099, real calendar day). */
bool gk_screen__date_ok(const char *s, int century);
/* First two digits are a province-level code of GB/T 2260. */
bool gk_screen__province_ok(const char *s);
bool gk_screen__luhn_ok(const char *digits, size_t n);
/* s: 18 characters; GB 32100-2015 §4.4 check character. */
bool gk_screen__credit_code_ok(const char *s);
/* Mobile prefix 1[3-9]x allocated by MIIT numbering plan. */
bool gk_screen__mobile_prefix_ok(const char *s);

/* ---- literal matchers (ac.c, hs.c) -------------------------------------- */

typedef struct {
    const char *bytes;
    uint32_t len;
    uint8_t category;       /* GK_SCREEN_WORD, _TYPO, _NAME, _SECRET_MARKER */
    const char *suggestion; /* typo: right form */
} gk_screen_entry;

struct gk_screen_dict {
    gk_screen_entry *items;
    size_t count, cap;
    gk_buf strings;
};

/* Reports pattern `id` ending at byte `end` (exclusive). Non-zero stops. */
typedef int (*gk_screen_lit_cb)(unsigned id, size_t end, void *ud);

typedef struct gk_screen_ac gk_screen_ac;
int gk_screen__ac_build(gk_screen_ac **out, const gk_screen_entry *e, size_t n);
void gk_screen__ac_free(gk_screen_ac *ac);
int gk_screen__ac_scan(const gk_screen_ac *ac, const char *text, size_t len, gk_screen_lit_cb cb,
                       void *ud);

typedef struct gk_screen_hs gk_screen_hs;
typedef struct gk_screen_hs_scratch gk_screen_hs_scratch;
int gk_screen__hs_build(gk_screen_hs **out, const gk_screen_entry *e, size_t n);
void gk_screen__hs_free(gk_screen_hs *h);
int gk_screen__hs_scratch_new(gk_screen_hs_scratch **out, const gk_screen_hs *h);
void gk_screen__hs_scratch_free(gk_screen_hs_scratch *s);
int gk_screen__hs_scan(const gk_screen_hs *h, gk_screen_hs_scratch *s, const char *text, size_t len,
                       gk_screen_lit_cb cb, void *ud);

/* ---- the screener ------------------------------------------------------- */

/* Severity of a category (categories.def). */
gk_screen_severity gk_screen__severity(unsigned c);

struct gk_screen {
    gk_screen_nfkc *nfkc;
    gk_screen_entry *lits; /* built-in markers + dictionary entries */
    size_t nlits;
    gk_buf strings;
    gk_screen_ac *ac;
    gk_screen_hs *hs;
    size_t window;
};

/* A raw finding in normalised coordinates, before mapping. */
typedef struct {
    uint32_t nstart, nend; /* normalised [start, end) */
    uint8_t category;
    const char *suggestion;
} gk_screen_raw;

typedef struct {
    gk_screen_raw *items;
    size_t count, cap;
} gk_screen_raws;

int gk_screen__raws_push(gk_screen_raws *r, uint32_t s, uint32_t e, unsigned cat,
                         const char *suggestion);

/* Runs the pattern detectors (numbers, codes, e-mail, plates) over a
 * normalised window. */
int gk_screen__detect(gk_screen_raws *out, const char *t, size_t n);
/* Checks a secret-marker literal hit (★ needs a 密级 before it) and extends
 * it over a 保密期限; returns false to drop the hit. */
bool gk_screen__secret_extend(const char *t, size_t n, uint32_t *s, uint32_t *e);

int gk_screen__dict_push(gk_screen_dict *d, const char *w, size_t wl, unsigned cat,
                         const char *sugg, size_t sl);

#endif
