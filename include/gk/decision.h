/*
 * decision.h: the decisions on an application (条例第三十条、第三十五至
 * 三十九条, 国办函〔2020〕109号) and the table that maps each to a result row
 * of table 3 (spec §1.4 "Mapping decisions → Table 3 rows").
 *
 * The format of the annual report does not say which decision goes to which
 * row; spec §1.4 gives the usual practice and asks for "a configurable table;
 * the defaults below are UNVERIFIED". So a case records its DECISION (the
 * legal ground it was answered or closed on, an id shared with the notice
 * kinds of notice.h: "deny-secret", "na-other-agency" …), and the report
 * build maps decisions to rows through a gk_decision_map: the defaults of
 * spec §1.4, or a CSV an agency supplies (docs/decision-map.md).
 *
 * A case concluded without a recorded decision (an answer entered as a row,
 * an imported ledger, the lapse events) has the default decision of its row
 * (gk_decision_for_row), so older records keep counting as before.
 */
#ifndef GK_DECISION_H
#define GK_DECISION_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

/* X(KEY, "id", "label", "article", DEFAULT_ROW): the decisions in table-3
 * order; DEFAULT_ROW is a gk_t3_row key without the GK_T3_ prefix. The first
 * decision of each row is that row's default decision. */
#define GK_DECISIONS(X)                                                                            \
    X(GRANT, "grant", "予以公开", "条例第三十六条第（二）项", R_GRANT)                             \
    X(GRANT_PUBLIC, "grant-public", "予以公开（已主动公开，告知获取方式）",                        \
      "条例第三十六条第（一）项", R_GRANT)                                                         \
    X(PARTIAL, "partial", "部分公开（区分处理）", "条例第三十七条", R_PARTIAL)                     \
    X(DENY_SECRET, "deny-secret", "不予公开（国家秘密）", "条例第十四条、第三十六条第（三）项",    \
      R_DENY_SECRET)                                                                               \
    X(DENY_LAW, "deny-law", "不予公开（法律、行政法规禁止公开）",                                  \
      "条例第十四条、第三十六条第（三）项", R_DENY_LAW)                                            \
    X(DENY_3S1W, "deny-3s1w", "不予公开（危及“三安全一稳定”）",                                    \
      "条例第十四条、第三十六条第（三）项", R_DENY_3S1W)                                           \
    X(DENY_THIRD, "deny-third", "不予公开（保护第三方合法权益）",                                  \
      "条例第十五条、第三十二条、第三十六条第（三）项", R_DENY_THIRD)                              \
    X(DENY_INTERNAL, "deny-internal", "不予公开（三类内部事务信息）",                              \
      "条例第十六条第一款、第三十六条第（三）项", R_DENY_INTERNAL)                                 \
    X(DENY_PROCESS, "deny-process", "不予公开（四类过程性信息）",                                  \
      "条例第十六条第二款、第三十六条第（三）项", R_DENY_PROCESS)                                  \
    X(DENY_CASEFILE, "deny-casefile", "不予公开（行政执法案卷）",                                  \
      "条例第十六条第二款、第三十六条第（三）项", R_DENY_CASEFILE)                                 \
    X(DENY_QUERY, "deny-query", "行政查询事项", "条例第三十六条第（七）项", R_DENY_QUERY)          \
    X(NA_NOT_HELD, "na-not-held", "无法提供（本机关不掌握）", "条例第三十六条第（四）项",          \
      R_NA_NOTHELD)                                                                                \
    X(NA_OTHER_AGENCY, "na-other-agency", "无法提供（不属于本机关负责公开）",                      \
      "条例第三十六条第（五）项", R_NA_NOTHELD)                                                    \
    X(NA_CREATE, "na-create", "无法提供（需另行制作）", "条例第三十八条", R_NA_CREATE)             \
    X(NA_UNCLEAR, "na-unclear", "无法提供（补正后仍不明确）", "条例第三十条", R_NA_UNCLEAR)        \
    X(NP_PETITION, "np-petition", "不予处理（信访举报投诉类）", "条例第三十九条第一款",            \
      R_NP_PETITION)                                                                               \
    X(NP_REPEAT, "np-repeat", "不予处理（重复申请）", "条例第三十六条第（六）项", R_NP_REPEAT)     \
    X(NP_PUBLICATION, "np-publication", "不予处理（公开出版物）", "条例第三十九条第二款",          \
      R_NP_PUBLICATION)                                                                            \
    X(NP_MASSIVE, "np-massive", "不予处理（无正当理由大量反复申请）", "条例第三十五条",            \
      R_NP_MASSIVE)                                                                                \
    X(NP_CONFIRM, "np-confirm", "不予处理（要求确认或重新出具已获取信息）", "（惯例，无明文）",    \
      R_NP_CONFIRM)                                                                                \
    X(OT_NO_CORRECTION, "ot-no-correction", "视为放弃（逾期不补正）", "条例第三十条",              \
      R_OT_NOCORRECT)                                                                              \
    X(OT_NO_FEE, "ot-no-fee", "视为放弃（逾期未缴费）", "国办函〔2020〕109号", R_OT_NOFEE)         \
    X(OT_OTHER, "ot-other", "其他处理（如申请人撤回）", "条例第三十六条", R_OT_OTHER)

typedef enum {
#define GK_X_(key, id, label, article, row) GK_DECISION_##key,
    GK_DECISIONS(GK_X_)
#undef GK_X_
    GK_DECISION_N
} gk_decision;

/* One decision (borrowed static data). default_row is a gk_t3_row. */
typedef struct {
    const char *id;
    const char *label;
    const char *article;
    int default_row;
} gk_decision_info;

/* The decision table in order; *n_out = GK_DECISION_N. */
GK_EXTERN(const gk_decision_info *) gk_decisions(size_t *n_out);
/* The index of decision id s[0..n), -1 when unknown. */
GK_EXTERN(int) gk_decision_from_id(const char *s, size_t n);
/* The default decision of a result row (the first decision whose default
 * row it is): the decision of a case concluded without one. -1 when row is
 * not a result leaf. */
GK_EXTERN(int) gk_decision_for_row(int row);

/* ------------------------------------------------------------- the map */

typedef struct gk_decision_map gk_decision_map;

/*
 * Loads a decision map from CSV (docs/decision-map.md): an optional BOM,
 * '#' comments and blank lines ignored, the header `decision,row` or
 * `decision,row,agency`, then one line per decision: a decision id of the
 * table above, a table-3 result row key ("R_GRANT") and, optionally, an
 * agency code (the line then applies to that agency only and wins over a
 * line without one). The file REPLACES the defaults: a decision it does not
 * list is unmapped, and a report that meets such a decision fails
 * (gk_decision_map_row). GK_EINVALID with "SOURCE:LINE: what" for an
 * unknown decision or row, a row that is no result leaf, or a decision
 * listed twice for the same agency. Caller frees with gk_decision_map_free.
 */
GK_EXTERN(int)
gk_decision_map_new(gk_decision_map **out, const char *csv, size_t len, const char *source)
    GK_WARN_UNUSED;
/* The defaults of spec §1.4 (every decision to its default_row). */
GK_EXTERN(int) gk_decision_map_new_default(gk_decision_map **out) GK_WARN_UNUSED;
/* NULL-safe. */
GK_EXTERN(void) gk_decision_map_free(gk_decision_map *m);

/*
 * Replaces the process's default map (as gk_calendar_set_default does for
 * the calendar): every later gk_decision_map_new_process loads a copy of
 * csv. Checked first: on error the default is unchanged. csv NULL restores
 * the built-in defaults. Call at start-up, before threads.
 */
GK_EXTERN(int) gk_decision_map_set_default(const char *csv, size_t len, const char *source)
    GK_WARN_UNUSED;
/* The process's map: the CSV of gk_decision_map_set_default, or the
 * built-in defaults. */
GK_EXTERN(int) gk_decision_map_new_process(gk_decision_map **out) GK_WARN_UNUSED;

/*
 * *row_out = the table-3 result row of decision (an id, as recorded) for a
 * case of agency (NULL or "" = the lines without an agency). GK_EINVALID
 * with a Chinese message naming the decision, the agency and the map's
 * source when the map has no row for it or the id is unknown: a report must
 * not silently drop or misplace a 件.
 */
GK_EXTERN(int)
gk_decision_map_row(int *row_out, const gk_decision_map *m, const char *decision,
                    const char *agency) GK_WARN_UNUSED;

/* Appends the map as CSV in the file format (header, then the lines
 * without an agency in table order, then the per-agency lines). */
GK_EXTERN(int) gk_decision_map_format(gk_buf *b, const gk_decision_map *m) GK_WARN_UNUSED;

GK_END_DECL

#endif
