/*
 * recognize.c: the one recogniser that maps the token stream of any format
 * to tables 2, 3 and 4 of the model by label matching.
 *
 * A "group" is a maximal run of number/blank tokens of one grid row. Its
 * label is the last known label found in the text before it: within its own
 * row for bounded cells (a <tr>, a pipe row, a seed row), or since the
 * previous group for free text (a PDF line, the crawler's one-line page, where
 * labels wrap or float). Bounded groups with no label ("orphans", from
 * shredded Markdown) fill the rows that got no numbers, in table order, when
 * and only when their counts match. Rows whose label was seen but that got
 * no numbers are BLANK; rows never seen are ABSENT. A group with fewer
 * pieces than cells is re-segmented only on run-on text (segment.c); when
 * several splits survive, the column identities of table 3 decide, and what
 * they cannot decide is UNREADABLE with the run's text.
 *
 * The parser copies the numbers: nothing here computes or repairs a total.
 */
#include <math.h>
#include <stdlib.h>
#include "parse/recognize_int.h"

#define MAX_KEYS 3
typedef struct {
    const char *k[MAX_KEYS];
} rz_keys;

/* Label keys of table 3, normalised (labels.c): short, distinctive parts
 * that survive wrapping, typos (行政执法案件) and variants (和行政法规). */
static const rz_keys t3_keys[GK_T3_NROWS + 1] = {
    [GK_T3_NEW] = {{"新收政府信息公开申请数量", "本年新收"}},
    [GK_T3_CARRIED_IN] = {{"上年结转"}},
    [GK_T3_R_GRANT] = {{"予以公开"}},
    [GK_T3_R_PARTIAL] = {{"部分公开"}},
    [GK_T3_R_DENY_SECRET] = {{"国家秘密"}},
    [GK_T3_R_DENY_LAW] = {{"禁止公开", "其他法律"}}, /* 002: "其他法律行政止公开" */
    [GK_T3_R_DENY_3S1W] = {{"三安全"}},
    [GK_T3_R_DENY_THIRD] = {{"第三方"}},
    [GK_T3_R_DENY_INTERNAL] = {{"内部事务"}},
    [GK_T3_R_DENY_PROCESS] = {{"过程性"}},
    [GK_T3_R_DENY_CASEFILE] = {{"执法案"}},
    [GK_T3_R_DENY_QUERY] = {{"查询事项"}},
    [GK_T3_R_NA_NOTHELD] = {{"不掌握"}},
    [GK_T3_R_NA_CREATE] = {{"另行制作", "现成信息"}},
    [GK_T3_R_NA_UNCLEAR] = {{"仍不明确"}},
    [GK_T3_R_NP_PETITION] = {{"信访"}},
    [GK_T3_R_NP_REPEAT] = {{"重复申请"}},
    [GK_T3_R_NP_PUBLICATION] = {{"出版物"}},
    [GK_T3_R_NP_MASSIVE] = {{"大量反复"}},
    [GK_T3_R_NP_CONFIRM] = {{"确认或重新", "重新出具"}},
    [GK_T3_R_OT_NOCORRECT] = {{"不补正"}},
    [GK_T3_R_OT_NOFEE] = {{"缴纳费用", "收费通知"}},
    [GK_T3_R_OT_OTHER] = {{"3.其他"}},
    [GK_T3_R_TOTAL] = {{"(七)总计"}},
    [GK_T3_CARRIED_OUT] = {{"结转下年度", "结转下一年", "继续办理"}},
    /* （六）其他处理 printed as one row (2019 format and some 2021 reports). */
    [GK_T3_NROWS] = {{"其他处理"}},
};
#define T3_OT_GROUP GK_T3_NROWS
#define T3_NKEYS    (GK_T3_NROWS + 1)

/* Table 2 row keys: the official row label, or an alias for it. */
static const struct {
    const char *label, *key;
} t2_alias[] = {
    {"行政规范性文件", "规范性文件"},
    {"行政事业性收费", "事业性收费"},
};

/* Words only the 2019 trial format's table 2 has. */
static const char *const t2_2019_words[] = {"上一年项目数量", "本年新制作数量", "政府集中采购"};

#define MAX_T2_ROWS 12

typedef struct {
    size_t first, n; /* tokens */
    int key;         /* -1: orphan */
} rz_group;

typedef struct {
    rz_group *v;
    size_t n, cap;
    bool seen[T3_NKEYS];
    bool seen_cell[T3_NKEYS]; /* seen in a bounded cell (a table's own label) */
} rz_groups;

typedef struct {
    const rz_keys *keys;
    size_t nkeys;
} rz_keyset;

static void groups_release(rz_groups *gs)
{
    gk_free(gs->v);
    memset(gs, 0, sizeof(*gs));
}

/* The key whose match ends last in text; marks every key found in seen. */
static int last_key(const char *text, size_t len, const rz_keyset *ks, bool *seen)
{
    size_t k, j;
    int best = -1;
    size_t best_end = 0;

    for (k = 0; k < ks->nkeys; k++)
        for (j = 0; j < MAX_KEYS && ks->keys[k].k[j]; j++) {
            const char *key = ks->keys[k].k[j], *p = text, *hit = NULL, *end = text + len;
            size_t kl = strlen(key);
            while ((p = memmem(p, (size_t)(end - p), key, kl)) != NULL)
                hit = p++;
            if (!hit)
                continue;
            if (seen)
                seen[k] = true;
            if (best < 0 || (size_t)(hit - text) + kl > best_end) {
                best = (int)k;
                best_end = (size_t)(hit - text) + kl;
            }
        }
    return best;
}

static int walk_groups(rz_ctx *z, size_t from, size_t to, const rz_keyset *ks, rz_groups *gs)
{
    gk_buf pend = GK_BUF_INIT, rowtext = GK_BUF_INIT;
    uint32_t cur_row = UINT32_MAX;
    size_t i = from;
    int error = 0;

    while (i < to && !error) {
        const rz_tok *t = &z->toks[i];
        size_t j;
        if (t->row != cur_row) {
            gk_buf_clear(&rowtext);
            cur_row = t->row;
        }
        if (t->kind == RZ_TEXT) {
            error = gk_buf_puts(&pend, t->norm);
            if (!error && t->bounded)
                error = gk_buf_puts(&rowtext, t->norm);
            i++;
            continue;
        }
        for (j = i; j < to && z->toks[j].kind != RZ_TEXT && z->toks[j].row == t->row; j++)
            ;
        {
            rz_group grp;
            bool any_num = false;
            size_t q;
            last_key(pend.ptr ? pend.ptr : "", pend.len, ks, gs->seen);
            grp.first = i;
            grp.n = j - i;
            grp.key = t->bounded ? last_key(rowtext.ptr ? rowtext.ptr : "", rowtext.len, ks,
                                            gs->seen_cell)
                                 : last_key(pend.ptr ? pend.ptr : "", pend.len, ks, NULL);
            for (q = i; q < j; q++)
                any_num |= z->toks[q].kind == RZ_NUM;
            if (grp.key >= 0 || (t->bounded && any_num)) {
                if (gs->n == gs->cap) {
                    size_t ncap = gs->cap ? gs->cap * 2 : 32;
                    rz_group *nv = gk_realloc(gs->v, ncap * sizeof(*nv));
                    if (!nv) {
                        error = gk__oom();
                        break;
                    }
                    gs->v = nv;
                    gs->cap = ncap;
                }
                gs->v[gs->n++] = grp;
            }
        }
        gk_buf_clear(&pend);
        gk_buf_clear(&rowtext);
        i = j;
    }
    gk_buf_release(&pend);
    gk_buf_release(&rowtext);
    return error;
}

/* ---- filling cells ---- */

/* Sets *out to the raw texts of the tokens joined by spaces (in the
 * report's arena). Returns 0 or GK_ENOMEM (an UNREADABLE cell must keep
 * its text: an empty one would silently lose what the report printed). */
static int join_raw(rz_ctx *z, const rz_tok *t, size_t n, const char **out)
{
    gk_buf b = GK_BUF_INIT;
    size_t i;
    int error = 0;

    *out = NULL;
    for (i = 0; i < n && !error; i++) {
        if (i)
            error = gk_buf_putc(&b, ' ');
        if (!error)
            error = gk_buf_put(&b, t[i].raw, t[i].rawlen);
    }
    if (!error && (*out = gk_report_strdup(z->r, b.ptr ? b.ptr : "", b.len)) == NULL)
        error = GK_ENOMEM; /* the arena set the message */
    gk_buf_release(&b);
    return error;
}

static int set_unreadable(rz_ctx *z, gk_cell *cells, size_t n, const rz_tok *t, size_t nt)
{
    const char *text;
    size_t i;
    int error = join_raw(z, t, nt, &text);

    if (error)
        return error;
    for (i = 0; i < n; i++) {
        memset(&cells[i], 0, sizeof(cells[i]));
        cells[i].state = GK_CELL_UNREADABLE;
        cells[i].text = text;
        cells[i].pos = nt ? t[0].pos : (gk_srcpos){0, 0};
    }
    return 0;
}

static int set_tok(rz_ctx *z, gk_cell *c, const rz_tok *t)
{
    memset(c, 0, sizeof(*c));
    c->pos = t->pos;
    if (t->kind == RZ_NUM) {
        gk_cell_set(c, strtod(t->num, NULL));
        c->pos = t->pos;
    } else if (t->kind == RZ_UNREAD) {
        return set_unreadable(z, c, 1, t, 1);
    } else if (t->kind == RZ_ABSENT) {
        c->state = GK_CELL_ABSENT; /* the renderers' note for a missing cell */
    } else {
        c->state = GK_CELL_BLANK;
    }
    return 0;
}

static void set_cand(gk_cell *cells, size_t n, const gk_seg_cand *cand, gk_srcpos pos)
{
    size_t i;

    for (i = 0; i < n; i++) {
        gk_cell_set(&cells[i], (double)cand->v[i]);
        cells[i].pos = pos;
    }
}

enum { FILL_OK, FILL_AMBIGUOUS, FILL_DROP, FILL_UNREADABLE };

/* Fills n cells from the group's tokens. Returns a FILL_ outcome, or a
 * negative error code (out of memory). On FILL_AMBIGUOUS the candidates
 * are in cands[0..*ncands). */
static int fill_row(rz_ctx *z, gk_cell *cells, size_t n, const gk_seg_sum *sums, size_t nsums,
                    const rz_tok *t, size_t nt, gk_seg_cand *cands, size_t *ncands)
{
    size_t i, ne = nt, total = 0;
    bool bounded = false, all_int = true, all_zero = true;
    gk_str pieces[GK_ARRAY_LEN(cands->v) * 4];

    for (i = 1; i < nt && t[0].kind == RZ_ABSENT_ROW && t[i].kind == RZ_BLANK; i++)
        ;
    if (nt >= 1 && t[0].kind == RZ_ABSENT_ROW && i == nt) {
        /* the renderers' note for a row the report lacks (Markdown prints it
         * in the first column, the others empty): every cell ABSENT */
        memset(cells, 0, n * sizeof(*cells));
        return FILL_OK;
    }
    for (i = 0; i < nt; i++)
        bounded |= t[i].bounded;
    while (ne > n && t[ne - 1].kind == RZ_BLANK)
        ne--; /* trailing empty cells past the table's edge */
    if (ne == n) {
        int error = 0;
        for (i = 0; i < n && !error; i++)
            error = set_tok(z, &cells[i], &t[i]);
        return error ? error : FILL_OK;
    }
    if (ne > n || bounded || nt > GK_ARRAY_LEN(pieces)) {
        int error = set_unreadable(z, cells, n, t, nt);
        return error ? error : FILL_UNREADABLE;
    }
    for (i = 0; i < nt; i++) {
        const char *p;
        if (t[i].kind != RZ_NUM || strchr(t[i].num, '.')) {
            all_int = false;
            break;
        }
        pieces[i].ptr = t[i].num;
        pieces[i].len = strlen(t[i].num);
        total += pieces[i].len;
        for (p = t[i].num; *p; p++)
            all_zero &= *p == '0';
    }
    if (!all_int || !z->g->runon)
        return FILL_DROP; /* cells are missing, not run together: no split */
    *ncands = gk_parse__segment(pieces, nt, n, sums, nsums, cands, GK_PARSE_SEG_MAX_CANDS);
    if (*ncands == 1) {
        set_cand(cells, n, &cands[0], t[0].pos);
        return FILL_OK;
    }
    if (*ncands == 0 && all_zero && total < n) {
        /* "000000" for 7 cells: whichever cell is missing, every cell reads 0. */
        for (i = 0; i < n; i++) {
            gk_cell_set(&cells[i], 0);
            cells[i].pos = t[0].pos;
        }
        return FILL_OK;
    }
    if (*ncands > 1 && *ncands <= GK_PARSE_SEG_MAX_CANDS)
        return FILL_AMBIGUOUS;
    {
        int error = set_unreadable(z, cells, n, t, nt);
        return error ? error : FILL_UNREADABLE;
    }
}

/* ---- table 3 ---- */

typedef struct {
    int row;
    size_t ncands;
    gk_seg_cand cands[GK_PARSE_SEG_MAX_CANDS];
    const rz_tok *t;
    size_t nt;
} rz_amb;

static bool t3_known(const gk_cell *c, double *v)
{
    if (c->state == GK_CELL_VALUE || c->state == GK_CELL_BLANK || c->state == GK_CELL_ABSENT) {
        *v = gk_cell_num(c);
        return true;
    }
    return false;
}

/* Number of column identities of table 3 (spec §1.4 invariants 1 and 2)
 * that hold for the cells as they are. */
static int t3_score(const gk_report *r)
{
    int c, row, score = 0;

    for (c = 0; c < GK_T3_NCOLS; c++) {
        double a, b, d, e, s = 0, v;
        bool ok = true;
        if (t3_known(&r->t3[GK_T3_NEW][c], &a) && t3_known(&r->t3[GK_T3_CARRIED_IN][c], &b) &&
            t3_known(&r->t3[GK_T3_R_TOTAL][c], &d) && t3_known(&r->t3[GK_T3_CARRIED_OUT][c], &e) &&
            fabs(a + b - d - e) < 1e-9)
            score++;
        for (row = GK_T3_FIRST_RESULT; row <= GK_T3_LAST_RESULT; row++) {
            if (!t3_known(&r->t3[row][c], &v)) {
                ok = false;
                break;
            }
            s += v;
        }
        if (ok && t3_known(&r->t3[GK_T3_R_TOTAL][c], &d) && fabs(s - d) < 1e-9)
            score++;
    }
    return score;
}

/* Chooses among the splits of ambiguous rows the combination that satisfies
 * most column identities; cells on which every best combination agrees are
 * read, the others are UNREADABLE. */
static int t3_resolve(rz_ctx *z, rz_amb *amb, size_t namb)
{
    size_t combos = 1, idx[GK_T3_NROWS], best_idx[GK_T3_NROWS], k, n, nbest = 0;
    bool agree[GK_T3_NROWS][GK_T3_NCOLS];
    int best = -1, error = 0;

    for (k = 0; k < namb; k++) {
        if (combos > GK_PARSE_SEG_MAX_COMBOS / amb[k].ncands) {
            combos = 0;
            break;
        }
        combos *= amb[k].ncands;
    }
    if (combos == 0) {
        for (k = 0; k < namb && !error; k++)
            error = set_unreadable(z, z->r->t3[amb[k].row], GK_T3_NCOLS, amb[k].t, amb[k].nt);
        return error;
    }
    memset(agree, 1, sizeof(agree));
    for (n = 0; n < combos; n++) {
        size_t rem = n;
        int s;
        for (k = 0; k < namb; k++) {
            idx[k] = rem % amb[k].ncands;
            rem /= amb[k].ncands;
            set_cand(z->r->t3[amb[k].row], GK_T3_NCOLS, &amb[k].cands[idx[k]], amb[k].t[0].pos);
        }
        s = t3_score(z->r);
        if (s > best) {
            best = s;
            nbest = 1;
            memcpy(best_idx, idx, sizeof(idx));
            memset(agree, 1, sizeof(agree));
        } else if (s == best) {
            nbest++;
            for (k = 0; k < namb; k++) {
                int c;
                for (c = 0; c < GK_T3_NCOLS; c++)
                    if (amb[k].cands[idx[k]].v[c] != amb[k].cands[best_idx[k]].v[c])
                        agree[k][c] = false;
            }
        }
    }
    for (k = 0; k < namb && !error; k++) {
        gk_cell *cells = z->r->t3[amb[k].row];
        int c;
        set_cand(cells, GK_T3_NCOLS, &amb[k].cands[best_idx[k]], amb[k].t[0].pos);
        if (nbest == 1)
            continue;
        for (c = 0; c < GK_T3_NCOLS && !error; c++)
            if (!agree[k][c])
                error = set_unreadable(z, &cells[c], 1, amb[k].t, amb[k].nt);
    }
    return error;
}

static int do_t3(rz_ctx *z, size_t from, size_t to)
{
    static const gk_seg_sum row_sum[] = {{0, 6}};
    rz_keyset ks = {t3_keys, T3_NKEYS};
    rz_groups gs;
    rz_amb *amb = NULL;
    size_t namb = 0, k, norphans = 0, nmissing = 0;
    bool filled[T3_NKEYS] = {false};
    const rz_tok *weak_t[T3_NKEYS] = {NULL};
    size_t weak_n[T3_NKEYS] = {0};
    gk_cell other_row[GK_T3_NCOLS];
    const bool *seen_rows;
    int error;
    int row;

    memset(&gs, 0, sizeof(gs));
    memset(other_row, 0, sizeof(other_row));
    error = walk_groups(z, from, to, &ks, &gs);
    if (error < 0)
        goto done;
    amb = gk_calloc(GK_T3_NROWS, sizeof(*amb));
    if (!amb) {
        error = gk__oom();
        goto done;
    }
    z->r->t3_present = true;
    for (k = 0; k < gs.n; k++) {
        rz_group *grp = &gs.v[k];
        gk_cell *cells;
        int rc;
        if (grp->key < 0) {
            norphans++;
            continue;
        }
        if (filled[grp->key])
            continue; /* a repeated header or label: the first one counts */
        cells = grp->key == T3_OT_GROUP ? other_row : z->r->t3[grp->key];
        rc = fill_row(z, cells, GK_T3_NCOLS, row_sum, 1, &z->toks[grp->first], grp->n,
                      amb[namb].cands, &amb[namb].ncands);
        if (rc < 0) {
            error = rc;
            goto done;
        }
        if (rc == FILL_DROP) {
            weak_t[grp->key] = &z->toks[grp->first];
            weak_n[grp->key] = grp->n;
            continue;
        }
        filled[grp->key] = true;
        if (rc == FILL_AMBIGUOUS && grp->key != T3_OT_GROUP) {
            amb[namb].row = grp->key;
            amb[namb].t = &z->toks[grp->first];
            amb[namb].nt = grp->n;
            namb++;
        }
    }
    /* （六）其他处理 as one row: its numbers are the R_OT_OTHER row. */
    /* When the source marks table cells, only a table's own labels say that
     * the sub-rows are printed (a paragraph may quote 不补正). */
    seen_rows = z->any_bounded ? gs.seen_cell : gs.seen;
    if (filled[T3_OT_GROUP] && !seen_rows[GK_T3_R_OT_NOCORRECT] &&
        !seen_rows[GK_T3_R_OT_NOFEE] && !filled[GK_T3_R_OT_OTHER]) {
        memcpy(z->r->t3[GK_T3_R_OT_OTHER], other_row, sizeof(other_row));
        filled[GK_T3_R_OT_OTHER] = true;
        z->r->t3_other_collapsed = true;
        /* The sub-rows are not printed: ABSENT (report.h), whatever a
         * paragraph quoting their labels held. */
        memset(z->r->t3[GK_T3_R_OT_NOCORRECT], 0, sizeof(z->r->t3[0]));
        memset(z->r->t3[GK_T3_R_OT_NOFEE], 0, sizeof(z->r->t3[0]));
        filled[GK_T3_R_OT_NOCORRECT] = filled[GK_T3_R_OT_NOFEE] = true;
    }
    /* Label-less rows fill the rows without numbers, in order, if they match. */
    for (row = 0; row < GK_T3_NROWS; row++)
        if (!filled[row] && !(z->r->t3_other_collapsed && (row == GK_T3_R_OT_NOCORRECT ||
                                                           row == GK_T3_R_OT_NOFEE)))
            nmissing++;
    if (norphans && norphans == nmissing) {
        row = 0;
        for (k = 0; k < gs.n; k++) {
            rz_group *grp = &gs.v[k];
            int rc;
            if (grp->key >= 0)
                continue;
            while (row < GK_T3_NROWS &&
                   (filled[row] || (z->r->t3_other_collapsed && (row == GK_T3_R_OT_NOCORRECT ||
                                                                 row == GK_T3_R_OT_NOFEE))))
                row++;
            if (row >= GK_T3_NROWS)
                break;
            rc = fill_row(z, z->r->t3[row], GK_T3_NCOLS, row_sum, 1, &z->toks[grp->first],
                          grp->n, amb[namb].cands, &amb[namb].ncands);
            if (rc < 0) {
                error = rc;
                goto done;
            }
            filled[row] = true;
            if (rc == FILL_AMBIGUOUS) {
                amb[namb].row = row;
                amb[namb].t = &z->toks[grp->first];
                amb[namb].nt = grp->n;
                namb++;
            }
        }
    }
    for (row = 0; row < GK_T3_NROWS; row++) {
        int c;
        if (filled[row])
            continue;
        if (weak_t[row]) {
            if ((error = set_unreadable(z, z->r->t3[row], GK_T3_NCOLS, weak_t[row],
                                        weak_n[row])) < 0)
                goto done;
        } else if (gs.seen[row]) {
            for (c = 0; c < GK_T3_NCOLS; c++)
                gk_cell_set_blank(&z->r->t3[row][c]);
        }
    }
    if (namb)
        error = t3_resolve(z, amb, namb);
done:
    gk_free(amb);
    groups_release(&gs);
    return error;
}

/* ---- table 4 ---- */

static bool stops_t4(const rz_tok *t)
{
    return strstr(t->norm, "。") || !strncmp(t->norm, "五、", strlen("五、")) ||
           !strncmp(t->norm, "六、", strlen("六、"));
}

/* True when the grid row of token i holds a number, or a cell the
 * renderers marked missing or unreadable (tokens of a row are contiguous).
 * Empty header cells of table 4 are not its values. */
static bool is_row_value(const rz_tok *t)
{
    return t->kind != RZ_TEXT && t->kind != RZ_BLANK;
}

static bool row_has_num(const rz_ctx *z, size_t i)
{
    size_t a = i, b = i;

    while (a > 0 && z->toks[a - 1].row == z->toks[i].row)
        a--;
    while (b < z->ntoks && z->toks[b].row == z->toks[i].row) {
        if (is_row_value(&z->toks[b]))
            return true;
        b++;
    }
    for (; a < i; a++)
        if (is_row_value(&z->toks[a]))
            return true;
    return false;
}

static int do_t4(rz_ctx *z, size_t from, size_t to)
{
    static const gk_seg_sum sums[] = {{0, 4}, {5, 4}, {10, 4}};
    enum { N = GK_T4_NGROUPS * GK_T4_NCOLS };
    gk_cell cells[N];
    rz_tok *sel;
    gk_seg_cand *cands;
    size_t i, n = 0, nb = 0, nc = 0;
    int rc = 0, g, c;

    sel = gk_calloc(64, sizeof(*sel));
    cands = gk_calloc(GK_PARSE_SEG_MAX_CANDS, sizeof(*cands));
    if (!sel || !cands) {
        gk_free(sel);
        gk_free(cands);
        return gk__oom();
    }
    for (i = from; i < to && n < 64; i++) {
        const rz_tok *t = &z->toks[i];
        if (t->kind == RZ_TEXT) {
            if (n && stops_t4(t))
                break;
            continue;
        }
        if (t->bounded && !row_has_num(z, i))
            continue;
        sel[n++] = *t;
        if (t->kind == RZ_ABSENT_ROW && n == 1)
            break; /* the renderers' note: the row of table 4 is missing */
        nb += t->bounded || (!z->g->runon);
        if (nb >= N && (t->bounded || !z->g->runon))
            break;
    }
    if (n) {
        memset(cells, 0, sizeof(cells));
        rc = fill_row(z, cells, N, sums, 3, sel, n, cands, &nc);
        if (rc == FILL_AMBIGUOUS || rc == FILL_DROP)
            rc = set_unreadable(z, cells, N, sel, n);
        if (rc >= 0) {
            for (g = 0; g < GK_T4_NGROUPS; g++)
                for (c = 0; c < GK_T4_NCOLS; c++)
                    z->r->t4[g][c] = cells[g * GK_T4_NCOLS + c];
            z->r->t4_present = true;
        }
    }
    gk_free(sel);
    gk_free(cands);
    return rc < 0 ? rc : 0;
}

/* ---- table 2 ---- */

static int do_t2(rz_ctx *z, size_t from, size_t to)
{
    const gk_t2_cell_desc *lay;
    rz_keys keys[MAX_T2_ROWS];
    size_t first[MAX_T2_ROWS], count[MAX_T2_ROWS], nrows = 0, nlay, i, k;
    bool filled[MAX_T2_ROWS] = {false};
    rz_keyset ks;
    rz_groups gs;
    gk_seg_cand *cands;
    int error;

    for (i = from; i < to; i++)
        if (z->toks[i].kind == RZ_TEXT)
            for (k = 0; k < GK_ARRAY_LEN(t2_2019_words); k++)
                if (strstr(z->toks[i].norm, t2_2019_words[k]))
                    z->r->format = GK_FORMAT_2019;
    lay = gk_t2_layout(z->r->format, &nlay);
    for (i = 0; i < nlay && nrows < MAX_T2_ROWS; i++) {
        if (nrows && !strcmp(lay[first[nrows - 1]].row, lay[i].row)) {
            count[nrows - 1]++;
            continue;
        }
        first[nrows] = i;
        count[nrows] = 1;
        memset(&keys[nrows], 0, sizeof(keys[nrows]));
        keys[nrows].k[0] = lay[i].row;
        for (k = 0; k < GK_ARRAY_LEN(t2_alias); k++)
            if (!strcmp(t2_alias[k].label, lay[i].row))
                keys[nrows].k[1] = t2_alias[k].key;
        nrows++;
    }
    ks.keys = keys;
    ks.nkeys = nrows;
    memset(&gs, 0, sizeof(gs));
    cands = gk_calloc(GK_PARSE_SEG_MAX_CANDS, sizeof(*cands));
    if (!cands)
        return gk__oom();
    error = walk_groups(z, from, to, &ks, &gs);
    if (error < 0)
        goto done;
    for (k = 0; k < gs.n; k++) {
        rz_group *grp = &gs.v[k];
        size_t nc = 0;
        int rc;
        if (grp->key < 0 || filled[grp->key])
            continue;
        rc = fill_row(z, &z->r->t2[first[grp->key]], count[grp->key], NULL, 0,
                      &z->toks[grp->first], grp->n, cands, &nc);
        if (rc == FILL_DROP || rc == FILL_AMBIGUOUS)
            rc = set_unreadable(z, &z->r->t2[first[grp->key]], count[grp->key],
                                &z->toks[grp->first], grp->n);
        if (rc < 0) {
            error = rc;
            goto done;
        }
        filled[grp->key] = true;
        z->r->t2_present = true;
    }
    for (k = 0; k < nrows; k++)
        if (!filled[k] && gs.seen[k])
            for (i = 0; i < count[k]; i++)
                gk_cell_set_blank(&z->r->t2[first[k] + i]);
done:
    gk_free(cands);
    groups_release(&gs);
    return error;
}

/* ---- bounded cells: notes and unreadable values ---- */

/* Words of row and column labels of the three tables, normalised: a
 * bounded text holding one of them is a label, not a value. */
static const char *const label_words[] = {
    "不予公开", "无法提供", "不予处理", "其他处理", "办理结果", "复议", "诉讼", "结果", "审结",
    "总计", "信息内容", "规章", "规范性文件", "行政许可", "对外管理", "行政处罚", "行政强制",
    "事业性收费", "集中采购", "第二十条",
    /* column headers */
    "件数", "数量", "金额", "申请人", "自然人", "法人", "企业", "机构", "组织", "其他", "维持",
    "纠正", "尚未", "起诉", "增/减",
};

static bool is_label_text(const char *norm)
{
    size_t k, j;

    for (k = 0; k < GK_ARRAY_LEN(label_words); k++)
        if (strstr(norm, label_words[k]))
            return true;
    for (k = 0; k < T3_NKEYS; k++)
        for (j = 0; j < MAX_KEYS && t3_keys[k].k[j]; j++)
            if (strstr(norm, t3_keys[k].k[j]))
                return true;
    return false;
}

/* Numbers of value cells a row of tables 2 (1, 2 or 3), 3 (7) and 4 (15)
 * has. */
static bool is_row_width(size_t n)
{
    return (n >= 1 && n <= 3) || n == GK_T3_NCOLS || n == (size_t)GK_T4_NGROUPS * GK_T4_NCOLS;
}

/* The renderers' notes for data a report lacks (render/layout.h), as
 * normalised by labels.c (full-width brackets to ASCII). */
#define NOTE_ABSENT_CELL "(未载明)"
#define NOTE_ABSENT_ROW  "(报告未载明此行)"
#define NOTE_ABSENT_TABLE "(报告未载明此表)"

/* Reclassifies bounded text cells. A note standing for a missing cell or
 * row is ABSENT (so a rendered report reads back as it was). In a bounded
 * row that holds a label or a number, a text that is not a label, stands
 * after the row's labels and at a row's width from its end is a cell that
 * cannot be read: UNREADABLE with its text, instead of being taken for a
 * label that splits the row (or leaves it without values). */
static void classify_bounded(rz_ctx *z)
{
    size_t i = 0;

    for (i = 0; i < z->ntoks; i++) {
        z->any_bounded |= z->toks[i].bounded && z->toks[i].kind == RZ_TEXT;
        z->table_note |= z->toks[i].kind == RZ_TEXT && !strcmp(z->toks[i].norm, NOTE_ABSENT_TABLE);
    }
    i = 0;
    while (i < z->ntoks) {
        size_t a = i, b = i, k, last_label = SIZE_MAX, first, row_end;
        bool has_num = false;

        while (b < z->ntoks && z->toks[b].row == z->toks[a].row)
            b++;
        i = b;
        if (!z->toks[a].bounded)
            continue;
        for (k = a; k < b; k++) {
            rz_tok *t = &z->toks[k];
            if (t->kind != RZ_TEXT) {
                has_num |= t->kind == RZ_NUM;
                continue;
            }
            if (!strcmp(t->norm, NOTE_ABSENT_CELL))
                t->kind = RZ_ABSENT;
            else if (!strcmp(t->norm, NOTE_ABSENT_ROW))
                t->kind = RZ_ABSENT_ROW;
            else if (is_label_text(t->norm))
                last_label = k;
        }
        if (!has_num && last_label == SIZE_MAX)
            continue;
        /* Texts between the labels and the first value may still be a
         * wrapped label ("缴纳费用、 | 行政机关不再处理其政 | 0 …"): they are
         * values only from where the rest of the row has exactly the width
         * of a table row (with or without its trailing blanks, which may be past
         * the table's edge). */
        row_end = b;
        while (b > a && z->toks[b - 1].kind == RZ_BLANK)
            b--;
        for (first = last_label == SIZE_MAX ? a : last_label + 1; first < b; first++)
            if (z->toks[first].kind != RZ_TEXT || is_row_width(b - first) ||
                is_row_width(row_end - first))
                break;
        for (k = first; k < row_end; k++)
            if (z->toks[k].kind == RZ_TEXT && !is_label_text(z->toks[k].norm))
                z->toks[k].kind = RZ_UNREAD;
    }
}

/* ---- anchors ---- */

/* The first text token in [from, to) holding word. When the source marks
 * table cells (HTML, Markdown, drawn text tables), table cells anchor a
 * table first: a paragraph that quotes a table label is not the table. Free
 * text anchors it only when no table cell does (a report whose table header
 * was flattened into text above a pipe table), and never in a rendering
 * that says a table is missing (the renderers' note): there the paragraphs
 * around the tables are only text. */
static size_t find_tok(const rz_ctx *z, size_t from, size_t to, const char *word)
{
    size_t i;

    for (i = from; i < to; i++)
        if (z->toks[i].kind == RZ_TEXT &&
            (z->toks[i].bounded || (!z->any_bounded && !z->table_note)) &&
            strstr(z->toks[i].norm, word))
            return i;
    for (i = from; i < to && z->any_bounded && !z->table_note; i++)
        if (z->toks[i].kind == RZ_TEXT && strstr(z->toks[i].norm, word))
            return i;
    return to;
}

int gk_parse__recognize(gk_report *r, const gk_grid *g)
{
    rz_ctx z;
    size_t t2, t3, t4, end;
    int error;

    memset(&z, 0, sizeof(z));
    z.g = g;
    z.r = r;
    z.arena.max = GK_PARSE_ARENA_MAX;
    error = rz_tokenize(&z);
    if (error < 0)
        goto done;
    classify_bounded(&z);
    end = z.ntoks;
    t3 = find_tok(&z, 0, end, "新收政府信息公开申请数量");
    if (t3 == end)
        t3 = find_tok(&z, 0, end, "本年新收");
    t2 = find_tok(&z, 0, t3, "第二十条");
    t4 = find_tok(&z, t3 == end ? 0 : t3, end, "复议");
    if (t2 < t3 && (error = do_t2(&z, t2, t3 < end ? t3 : t4)) < 0)
        goto done;
    if (t3 < end && (error = do_t3(&z, t3, t4)) < 0)
        goto done;
    if (t4 < end && (error = do_t4(&z, t4, end)) < 0)
        goto done;
done:
    gk_free(z.toks);
    gk_arena_release(&z.arena);
    return error;
}
