/*
 * screen.h: screening text before publication (保密审查 / 三审): personal
 * data (居民身份证号, mobile, landline, bank card, e-mail, passport, plate),
 * 统一社会信用代码, secret markers, office dictionaries (sensitive words and
 * typo pairs), and masking (脱敏).
 *
 * Detection runs over a normalised view of the input (NFKC, full-width to
 * half-width, zero-width characters dropped, spaces between CJK characters
 * dropped) and every finding points at the ORIGINAL bytes. Input is consumed
 * in windows of bounded size (chunks with overlap), so memory does not grow
 * with the input: feed any number of bytes through gk_screen_stream_*.
 */
#ifndef GK_SCREEN_H
#define GK_SCREEN_H

#include <stdbool.h>
#include <stdint.h>
#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

/* Categories; the names are the "category" values of gongkai.screen/1
 * (spec/cli.md). GK_SCREEN_NAME is only produced for names the caller gives. */
typedef enum {
    GK_SCREEN_ID_CARD = 0,
    GK_SCREEN_ID_CARD_BAD_CHECKSUM,
    GK_SCREEN_MOBILE,
    GK_SCREEN_LANDLINE,
    GK_SCREEN_BANK_CARD,
    GK_SCREEN_EMAIL,
    GK_SCREEN_PASSPORT,
    GK_SCREEN_PLATE,
    GK_SCREEN_CREDIT_CODE,
    GK_SCREEN_SECRET_MARKER,
    GK_SCREEN_WORD,
    GK_SCREEN_TYPO,
    GK_SCREEN_NAME,
    GK_SCREEN_NCATEGORIES
} gk_screen_category;

typedef enum { GK_SCREEN_INFO = 0, GK_SCREEN_WARNING, GK_SCREEN_ERROR } gk_screen_severity;

/* One finding. Offsets are bytes into the original input, end exclusive.
 * text/suggestion are borrowed: valid only during the callback (or until the
 * owning findings list is freed). */
typedef struct {
    gk_screen_category category;
    gk_screen_severity severity;
    uint64_t start, end;
    uint64_t line, col;   /* 1-based; col counts characters */
    gk_str text;          /* original bytes [start, end) */
    gk_str context_before; /* up to ~30 characters before, same line */
    gk_str context_after;
    const char *suggestion; /* typo: the right form; else NULL */
} gk_screen_finding;

/* "id_card", "mobile", … (stable names of the JSON contract). */
GK_EXTERN(const char *) gk_screen_category_name(gk_screen_category c);
/* "error" | "warning" | "info". */
GK_EXTERN(const char *) gk_screen_severity_name(gk_screen_severity s);
/* Chinese description for people, e.g. "居民身份证号". */
GK_EXTERN(const char *) gk_screen_category_label(gk_screen_category c);
/* True for the categories that are personal data (must be masked). */
GK_EXTERN(bool) gk_screen_category_is_personal(gk_screen_category c);

/* Dictionaries maintained by the office. */
typedef struct gk_screen_dict gk_screen_dict;

/* Caps that keep hostile dictionaries bounded. */
#define GK_SCREEN_MAX_ENTRIES  200000
#define GK_SCREEN_MAX_WORD_LEN 200 /* bytes */

GK_EXTERN(int) gk_screen_dict_new(gk_screen_dict **out) GK_WARN_UNUSED;
GK_EXTERN(void) gk_screen_dict_free(gk_screen_dict *d);
/* Adds words (one per line, UTF-8, '#' starts a comment line, blank lines
 * skipped) from data[0..len) as sensitive words. origin names the source in
 * error messages. GK_EINVALID on invalid UTF-8 or an over-long entry (with
 * the line number), GK_ETOOBIG past GK_SCREEN_MAX_ENTRIES. */
GK_EXTERN(int) gk_screen_dict_add_words(gk_screen_dict *d, const char *data, size_t len,
                                        const char *origin) GK_WARN_UNUSED;
/* Adds typo pairs, one "wrong<TAB>right" per line, same syntax otherwise. */
GK_EXTERN(int) gk_screen_dict_add_typos(gk_screen_dict *d, const char *data, size_t len,
                                        const char *origin) GK_WARN_UNUSED;
/* Adds one name given by the caller (reported as GK_SCREEN_NAME, masked to
 * its first character). */
GK_EXTERN(int) gk_screen_dict_add_name(gk_screen_dict *d, const char *name,
                                       size_t len) GK_WARN_UNUSED;
/* Loads a file with gk_screen_dict_add_words / _add_typos. */
GK_EXTERN(int) gk_screen_dict_load_words(gk_screen_dict *d, const char *path) GK_WARN_UNUSED;
GK_EXTERN(int) gk_screen_dict_load_typos(gk_screen_dict *d, const char *path) GK_WARN_UNUSED;
GK_EXTERN(size_t) gk_screen_dict_count(const gk_screen_dict *d);

/* Literal engines for the dictionaries. AUTO = Vectorscan when built with it. */
typedef enum { GK_SCREEN_ENGINE_AUTO = 0, GK_SCREEN_ENGINE_AC, GK_SCREEN_ENGINE_HS } gk_screen_engine;

typedef struct {
    gk_screen_engine engine;
    /* Bytes per window; 0 = 1 MiB. Tests use small windows to exercise the
     * overlap logic. Clamped to at least 4 KiB. */
    size_t window;
} gk_screen_options;

/* A compiled screener: immutable after creation, shareable across threads
 * (each stream has its own scratch). */
typedef struct gk_screen gk_screen;

/* Compiles the detectors and dict (may be NULL) into a screener. dict is
 * borrowed and must outlive the screener. opts may be NULL. */
GK_EXTERN(int) gk_screen_new(gk_screen **out, const gk_screen_dict *dict,
                             const gk_screen_options *opts) GK_WARN_UNUSED;
GK_EXTERN(void) gk_screen_free(gk_screen *s);
/* The engine actually in use ("vectorscan" or "aho-corasick"). */
GK_EXTERN(const char *) gk_screen_engine_name(const gk_screen *s);

/* Receives findings in order of start offset; a non-zero return stops the
 * scan and is returned by feed/finish. */
typedef int (*gk_screen_cb)(const gk_screen_finding *f, void *ud);

typedef struct gk_screen_stream gk_screen_stream;

GK_EXTERN(int) gk_screen_stream_new(gk_screen_stream **out, const gk_screen *s, gk_screen_cb cb,
                                    void *ud) GK_WARN_UNUSED;
/* Feeds the next bytes of the input; findings are reported as soon as the
 * window they are in is complete. */
GK_EXTERN(int) gk_screen_stream_feed(gk_screen_stream *st, const void *data,
                                     size_t len) GK_WARN_UNUSED;
/* Ends the input and reports the remaining findings. */
GK_EXTERN(int) gk_screen_stream_finish(gk_screen_stream *st) GK_WARN_UNUSED;
GK_EXTERN(void) gk_screen_stream_free(gk_screen_stream *st);

/* Screens one buffer (feed + finish). */
GK_EXTERN(int) gk_screen_buffer(const gk_screen *s, const void *data, size_t len,
                                gk_screen_cb cb, void *ud) GK_WARN_UNUSED;

/* An owned list of findings (text and suggestion copied). */
typedef struct {
    gk_screen_finding *items;
    size_t count, cap;
    gk_buf strings; /* backing store of the copied texts */
} gk_screen_findings;

#define GK_SCREEN_FINDINGS_INIT {NULL, 0, 0, GK_BUF_INIT}

/* A gk_screen_cb that appends to a gk_screen_findings (ud). */
GK_EXTERN(int) gk_screen_collect(const gk_screen_finding *f, void *ud);
GK_EXTERN(void) gk_screen_findings_release(gk_screen_findings *fs);

/* Appends the opening of a gongkai.screen/1 document for file:
 * {"schema":"gongkai.screen/1","file":"…","findings":[ */
GK_EXTERN(int) gk_screen_json_open(gk_buf *out, const char *file) GK_WARN_UNUSED;
/* Appends one finding as a gongkai.screen/1 finding object. */
GK_EXTERN(int) gk_screen_finding_json(gk_buf *out, const gk_screen_finding *f) GK_WARN_UNUSED;

/* Masking (脱敏). For each category: keep the first `keep_head` and last
 * `keep_tail` significant characters (digits, letters, CJK), replace the rest
 * with '*'; mask=false leaves the category alone. */
typedef struct {
    bool mask;
    uint8_t keep_head, keep_tail;
} gk_screen_mask_rule;

typedef struct {
    gk_screen_mask_rule rules[GK_SCREEN_NCATEGORIES];
} gk_screen_mask_rules;

/* Default rules: ID 3501**********1234, mobile 138****8000, bank card
 * 6222********1234, e-mail z***@…, names 张**; landlines, credit codes,
 * secret markers and typos are not masked. */
GK_EXTERN(void) gk_screen_mask_rules_default(gk_screen_mask_rules *r);

/* Writes data with the findings masked into out, and one log line per masked
 * finding ("start\tend\tcategory\tmasked text") into log (may be NULL). The
 * log never contains the unmasked text. Findings must lie in [0, len);
 * overlapping findings are merged. `skip` (may be NULL) marks bytes that are
 * markup and must be kept (HTML tags, DOCX XML). */
GK_EXTERN(int) gk_screen_mask(gk_buf *out, gk_buf *log, const char *data, size_t len,
                              const gk_screen_findings *fs, const gk_screen_mask_rules *rules,
                              const char *text_view) GK_WARN_UNUSED;

/* Input formats. */
typedef enum { GK_SCREEN_TEXT = 0, GK_SCREEN_HTML, GK_SCREEN_DOCX } gk_screen_format;

/* Guesses the format from the name and first bytes (PK zip → DOCX,
 * '<' markup → HTML, else text). */
GK_EXTERN(gk_screen_format) gk_screen_format_guess(const char *name, const char *head, size_t n);

/* Produces the text view of markup: a copy of the same length where tags,
 * comments, <script>/<style> bodies and entities are replaced by spaces and
 * block boundaries by a separator, so offsets into the view are offsets
 * into the original. docx=true treats </w:p> as a line break and keeps only
 * the <w:t> text. */
GK_EXTERN(int) gk_screen_markup_view(gk_buf *out, const char *data, size_t len,
                                     bool docx) GK_WARN_UNUSED;

/* Extracts word/document.xml from a DOCX file into out. */
GK_EXTERN(int) gk_screen_docx_read(gk_buf *out, const char *path) GK_WARN_UNUSED;
/* Writes a copy of the DOCX at src to dst with word/document.xml replaced. */
GK_EXTERN(int) gk_screen_docx_write(const char *src, const char *dst, const char *xml,
                                    size_t len) GK_WARN_UNUSED;

GK_END_DECL

#endif
