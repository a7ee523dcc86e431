/*
 * catalogue.h: the proactive-disclosure catalogue (主动公开, 政府信息公开目录)
 * model: one item with the metadata of spec §6.3, its 索引号 (index
 * number), its validity (有效/失效/废止) and the 第二十六条 publication
 * deadline. Pure functions only; storage is in store.h.
 *
 * 索引号 (spec §6.2, §6.3; 《政府信息公开目录系统实施指引（试行）》 2008):
 * "<前段码>/<后段码>", 前段码 = the publisher's 9-character 组织机构代码
 * (the hyphen may be kept) or 18-character 统一社会信用代码, 后段码 = year
 * (optionally with month) + "-" + 5-digit serial. It is the item's
 * permanent identifier: generated numbers are <prefix>/<YYYY>-<NNNNN> with a
 * serial per prefix and year, and a number is never reused or renumbered.
 */
#ifndef GK_CATALOGUE_H
#define GK_CATALOGUE_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"
#include "calendar.h"

GK_BEGIN_DECL

/* Validity (有效性 / 时效, spec §6.3). X(KEY, label) */
#define GK_VALIDITY_KINDS(X)                                                                       \
    X(VALID, "有效")                                                                               \
    X(EXPIRED, "失效")                                                                             \
    X(REPEALED, "废止")

typedef enum {
#define GK_X_(key, label) GK_VALIDITY_##key,
    GK_VALIDITY_KINDS(GK_X_)
#undef GK_X_
    GK_VALIDITY_N
} gk_validity;

/* Kind of document, as table 2's 第二十条第（一）项 rows count them
 * (spec §1.3); everything else is OTHER. X(KEY, label) */
#define GK_DOC_KINDS(X)                                                                            \
    X(RULE, "规章")                                                                                \
    X(NORMATIVE, "行政规范性文件")                                                                 \
    X(OTHER, "其他")

typedef enum {
#define GK_X_(key, label) GK_DOC_##key,
    GK_DOC_KINDS(GK_X_)
#undef GK_X_
    GK_DOC_N
} gk_doc_kind;

/* Labels and lookups; *_from_label accepts the Chinese label or the key
 * and returns -1 when unknown. */
GK_EXTERN(const char *) gk_validity_key(int v);
GK_EXTERN(const char *) gk_validity_label(int v);
GK_EXTERN(int) gk_validity_from_label(const char *s, size_t n);
GK_EXTERN(const char *) gk_doc_kind_key(int k);
GK_EXTERN(const char *) gk_doc_kind_label(int k);
GK_EXTERN(int) gk_doc_kind_from_label(const char *s, size_t n);

/* 条例第二十六条: publish within 20 个工作日 of the day formed or changed. */
#define GK_CATALOGUE_PUBLISH_DAYS 20
#define GK_INDEX_NO_MAX 32 /* bytes of the longest valid 索引号 + NUL fit in 40 */

/*
 * One catalogue item (spec §6.3 recommended record). Strings are borrowed
 * (the owner keeps them alive); NULL and "" both mean "none". Dates with
 * y == 0 are unset.
 */
typedef struct {
    int64_t id;             /* store id; 0 before insertion */
    const char *agency;     /* publishing agency code (发布机构) */
    const char *index_no;   /* 索引号; "" = generate on insertion */
    const char *index_prefix; /* 前段码 to generate with; "" = the agency code */
    const char *title;      /* 名称 (required) */
    const char *summary;    /* 内容概述 */
    const char *category;   /* 主题分类, a path with '\' */
    const char *topic;      /* 主题词 */
    const char *doc_no;     /* 文号: 机关代字〔年份〕序号号 */
    const char *keywords;
    gk_doc_kind doc_kind;   /* for table 2 */
    int art20_item;         /* 条例第二十条 item 1..15, 0 when none */
    gk_date written;        /* 成文日期 */
    gk_date formed;         /* 形成或者变更之日 (第二十六条), required */
    gk_date published;      /* 发布日期; unset while not published */
    gk_date effective_from; /* 实施日期 */
    gk_validity validity;
    gk_date invalid_from;   /* 失效/废止 date; required unless VALID */
    int due_days;           /* 0 = 20 working days (第二十六条); > 0: a statutory special period */
    const char *due_basis;  /* the law or regulation setting due_days (required with it) */
} gk_catalogue_item;

/* An empty item: VALID, OTHER, dates unset, strings "". */
GK_EXTERN(void) gk_catalogue_item_init(gk_catalogue_item *it);

/*
 * Checks an item before it is stored: title, formed date, art20_item in
 * 0..15, validity date present unless VALID and not before the
 * effective date, published not before formed... (messages in Chinese
 * naming the field), and a given index_no against the two forms of spec
 * §6.3. GK_EINVALID.
 */
GK_EXTERN(int) gk_catalogue_item_check(const gk_catalogue_item *it) GK_WARN_UNUSED;

/* The parts of a valid 索引号. */
typedef struct {
    char prefix[24]; /* 前段码 as written (hyphen kept) */
    int year;
    int month;       /* 0 when the 后段码 has no month */
    int serial;      /* 1..99999 */
} gk_index_no_parts;

/*
 * Validates s against spec §6.3: ^[0-9A-Z]{8}-?[0-9A-Z]/\d{4}-\d{5}$ (2008
 * form) or ^[0-9A-Z]{18}/\d{4}(\d{2})?-\d{5}$ (统一社会信用代码 prefix), and
 * fills out (may be NULL). GK_EINVALID with a message quoting s.
 */
GK_EXTERN(int) gk_index_no_parse(gk_index_no_parts *out, const char *s) GK_WARN_UNUSED;

/* True when p is a valid 前段码 of either form. */
GK_EXTERN(bool) gk_index_prefix_valid(const char *p);

/* Writes "<prefix>/<YYYY>-<NNNNN>" into out (GK_INDEX_NO_MAX + 8 bytes).
 * GK_EINVALID for a bad prefix, year or a serial outside 1..99999. */
GK_EXTERN(int) gk_index_no_format(char *out, size_t cap, const char *prefix, int year, int serial)
    GK_WARN_UNUSED;

/* The year an item is numbered in: the publication year, else the year
 * formed or changed. */
GK_EXTERN(int) gk_catalogue_item_year(const gk_catalogue_item *it);

/* Timeliness of one item under 第二十六条. */
typedef enum {
    GK_TIMELY_ON_TIME, /* published on or before the due day */
    GK_TIMELY_LATE,    /* published after the due day */
    GK_TIMELY_OVERDUE, /* not published and the due day has passed (as of) */
    GK_TIMELY_PENDING  /* not published, still within the period */
} gk_timeliness;

GK_EXTERN(const char *) gk_timeliness_label(int t); /* "按时", "逾期发布", "逾期未发布", "期限内" */

/*
 * *due_out = formed + due_days (20 unless overridden) working days, the
 * day formed not counted (spec §2.4), and *t_out its timeliness as of
 * as_of (either out may be NULL). GK_EINVALID when the calendar does not
 * cover the years.
 */
GK_EXTERN(int)
gk_catalogue_timeliness(gk_date *due_out, gk_timeliness *t_out, const gk_catalogue_item *it,
                        const gk_calendar *cal, gk_date as_of) GK_WARN_UNUSED;

/* Appends a deterministic JSON object of the item (audit trail, API). */
GK_EXTERN(int) gk_catalogue_item_to_json(gk_buf *b, const gk_catalogue_item *it) GK_WARN_UNUSED;

GK_END_DECL

#endif
