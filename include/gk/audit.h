/*
 * audit.h: checking many published reports at once (issue 3): a recursive
 * walk over files and folders, parse + validate in a pool of threads, one
 * result per report delivered to a callback as soon as it is ready, and
 * checks across reports (YOY.CARRY between the years of one agency).
 *
 * Memory stays flat in the number of reports: each report is freed after
 * its callback returns; only a small (agency, year, carry) row per report is
 * kept for the cross-report check.
 */
#ifndef GK_AUDIT_H
#define GK_AUDIT_H

#include "diag.h"
#include "report.h"

GK_BEGIN_DECL

typedef struct {
    const char *path;          /* the file */
    size_t seq;                /* 0-based order in which the walk found it */
    int error;                 /* 0, or the gk_error_code that stopped parsing */
    const char *error_message; /* when error < 0 */
    const gk_report *report;   /* parsed report (NULL on error); borrowed for the callback */
    const gk_diag_list *diags; /* findings (NULL on error); borrowed for the callback */
    size_t n_error, n_warning, n_info;
} gk_audit_item;

/* Called once per report, from worker threads but never concurrently (the
 * audit serialises callbacks). Return non-zero to stop the audit. */
typedef int (*gk_audit_cb)(const gk_audit_item *item, void *payload);

/* Called once per cross-report finding (YOY.CARRY) after every file was
 * read: `later` is the report whose CARRIED_IN disagrees with `earlier`'s
 * CARRIED_OUT. */
typedef int (*gk_audit_cross_cb)(const char *earlier, const char *later, const gk_diag *d,
                                 void *payload);

/* Progress: files done, files found so far (grows while walking). */
typedef void (*gk_audit_progress_cb)(size_t done, size_t found, void *payload);

typedef struct {
    unsigned jobs;                     /* worker threads; 0 = number of cores */
    size_t max_file;                   /* per-file cap; 0 = GK_MAX_INPUT */
    gk_audit_cross_cb cross;           /* may be NULL */
    gk_audit_progress_cb progress;     /* may be NULL */
    void *payload;                     /* passed to every callback */
} gk_audit_opts;

#define GK_AUDIT_OPTS_INIT {0, 0, NULL, NULL, NULL}

/* True for the files the audit reads in a folder walk: .html .htm .txt .md
 * .markdown .json (case-insensitive). Named files are always read. */
GK_EXTERN(bool) gk_audit_wants_file(const char *name);

/* Audits every path (files, or folders walked recursively; symlinks to
 * folders are not followed). Returns 0, or a negative error when a path
 * cannot be walked at all or the callback stopped the run (GK_ERROR). */
GK_EXTERN(int) gk_audit_run(const char *const *paths, size_t npaths, const gk_audit_opts *opts,
                            gk_audit_cb cb) GK_WARN_UNUSED;

/* Adds b into a cell by cell (a roll-up of several agencies, `gongkai sum`):
 * VALUE + VALUE; BLANK counts as 0; an UNREADABLE or ABSENT cell in either
 * makes the sum cell UNREADABLE/ABSENT so the roll-up never hides a gap.
 * Formats must match (GK_EINVALID otherwise). */
GK_EXTERN(int) gk_report_add(gk_report *a, const gk_report *b) GK_WARN_UNUSED;

GK_END_DECL

#endif
