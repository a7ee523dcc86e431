/*
 * tokens.c: grid cells to the token stream the recogniser reads. A bounded
 * cell is one token (a number, a blank, or text). An unbounded cell (a line
 * of free text) is split into text and number tokens:
 *  - white space ends a number: "500000 5" is two pieces of one row;
 *  - a digit followed by "." or "、" and a non-digit numbers the next label
 *    ("00000002.其他法律…" = the run 0000000, then label "2.其他法律…");
 *  - a number followed by a unit (件, 条, 年, %, …) is narrative text;
 *  - a dash or slash standing alone is a cell printed without a number.
 */
#include "parse/recognize_int.h"
#include "util/utf8.h"

static bool is_unit(int32_t cp)
{
    static const int32_t units[] = {0x4EF6 /*件*/, 0x6761 /*条*/, 0x4E2A /*个*/, 0x9879 /*项*/,
                                    0x6B21 /*次*/, 0x4EBA /*人*/, 0x5E74 /*年*/, 0x6708 /*月*/,
                                    0x65E5 /*日*/, '%',          0x4E07 /*万*/, 0x5143 /*元*/,
                                    0x53F7 /*号*/, 0x9875 /*页*/, 0x671F /*期*/, 0x573A /*场*/,
                                    0x4F4D /*位*/, 0x5BB6 /*家*/, 0x8D77 /*起*/, 0xFF05 /*％*/};
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(units); i++)
        if (units[i] == cp)
            return true;
    return false;
}

static bool is_dash(int32_t cp)
{
    return cp == '-' || cp == '/' || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D ||
           cp == 0xFF0F || cp == 0x2212 || cp == 0x2015;
}

static bool all_space(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len)
        if (!gk_parse__is_space(gk_parse__cp(s, len, &i)))
            return false;
    return true;
}

static int push(rz_ctx *z, int kind, bool bounded, uint32_t row, const char *s, size_t len,
                gk_srcpos pos)
{
    rz_tok *t;

    if (kind == RZ_TEXT && all_space(s, len))
        return 0; /* white space between numbers is not a label */
    if (z->ntoks == z->toks_cap) {
        size_t ncap = z->toks_cap ? z->toks_cap * 2 : 256;
        rz_tok *nt = gk_realloc(z->toks, ncap * sizeof(*nt));
        if (!nt)
            return gk__oom();
        z->toks = nt;
        z->toks_cap = ncap;
    }
    t = &z->toks[z->ntoks++];
    memset(t, 0, sizeof(*t));
    t->kind = (uint8_t)kind;
    t->bounded = bounded;
    t->row = row;
    t->pos = pos;
    t->raw = s;
    t->rawlen = (uint32_t)len;
    return 0;
}

/* Sets *num to the number text as ASCII ("１２" -> "12"; "1,234" ->
 * "1234"), or to NULL when s is not one number (digits, one optional
 * decimal point). Returns 0 or GK_ENOMEM: "not a number" and "out of
 * memory" are different answers (a lost number would silently become a
 * text cell). */
static int as_number(rz_ctx *z, const char *s, size_t len, const char **num)
{
    gk_buf b = GK_BUF_INIT;
    size_t i = 0;
    int32_t cp;
    bool dot = false, digit = false;
    int error = 0;

    *num = NULL;

    while (i < len) {
        cp = gk_parse__cp(s, len, &i);
        if (gk_parse__is_space(cp))
            continue;
        if (cp >= '0' && cp <= '9') {
            digit = true;
            error = gk_buf_putc(&b, (char)cp);
            if (error < 0)
                goto done;
        } else if ((cp == '-' || cp == 0x2212) && b.len == 0 && i < len) {
            /* a leading minus: 2019 本年增/减 may be negative */
            error = gk_buf_putc(&b, '-');
            if (error < 0)
                goto done;
        } else if ((cp == '.' || cp == 0xFF0E) && digit && !dot) {
            dot = true;
            error = gk_buf_putc(&b, '.');
            if (error < 0)
                goto done;
        } else if (cp == ',' && digit) {
            continue;
        } else {
            goto done;
        }
    }
    if (digit && b.ptr[b.len - 1] != '.') {
        *num = gk_arena_strndup(&z->arena, b.ptr, b.len);
        if (!*num)
            error = GK_ENOMEM; /* the arena set the message (cap or out of memory) */
    }
done:
    gk_buf_release(&b);
    return error;
}

static bool is_blank_text(const char *s, size_t len)
{
    size_t i = 0;
    int32_t cp;

    while (i < len) {
        cp = gk_parse__cp(s, len, &i);
        if (!gk_parse__is_space(cp) && !is_dash(cp))
            return false;
    }
    return true;
}

static int bounded_cell(rz_ctx *z, uint32_t row, const gk_gcell *c)
{
    const char *num;
    int error = as_number(z, c->text, c->len, &num);

    if (error)
        return error;
    if (num) {
        error = push(z, RZ_NUM, true, row, c->text, c->len, c->pos);
        if (!error)
            z->toks[z->ntoks - 1].num = num;
        return error;
    }
    if (is_blank_text(c->text, c->len))
        return push(z, RZ_BLANK, true, row, c->text, c->len, c->pos);
    return push(z, RZ_TEXT, true, row, c->text, c->len, c->pos);
}

static int free_cell(rz_ctx *z, uint32_t row, const gk_gcell *c)
{
    const char *s = c->text;
    size_t len = c->len, i = 0, text_start = 0;
    int error = 0;

    while (i < len && !error) {
        size_t at = i, j = i, k, dend;
        int32_t cp = gk_parse__cp(s, len, &j), next;
        gk_srcpos pos = c->pos;

        if (!(cp >= '0' && cp <= '9')) {
            /* A dash standing alone between spaces is a blank cell. */
            if (is_dash(cp) && (at == 0 || s[at - 1] == ' ') && (j == len || s[j] == ' ')) {
                if (at > text_start)
                    error = push(z, RZ_TEXT, false, row, s + text_start, at - text_start, pos);
                pos.col = (uint32_t)(c->pos.col + at);
                if (!error)
                    error = push(z, RZ_BLANK, false, row, s + at, j - at, pos);
                text_start = j;
            }
            i = j;
            continue;
        }
        /* A run of digits (and a decimal point between digits). */
        dend = at;
        k = at;
        while (k < len) {
            size_t k2 = k;
            int32_t d = gk_parse__cp(s, len, &k2);
            if (d >= '0' && d <= '9') {
                k = k2;
                dend = k;
            } else if ((d == '.' || d == 0xFF0E) && k2 < len) {
                size_t k3 = k2;
                int32_t d2 = gk_parse__cp(s, len, &k3);
                if (!(d2 >= '0' && d2 <= '9'))
                    break;
                k = k2;
            } else {
                break;
            }
        }
        /* What follows the run (skipping spaces)? */
        k = dend;
        next = 0;
        while (k < len) {
            size_t k2 = k;
            next = gk_parse__cp(s, len, &k2);
            if (!gk_parse__is_space(next))
                break;
            k = k2;
            next = 0;
        }
        {
            size_t nd_start = at, last_digit = at, q = at;
            bool numbering = (next == '.' || next == 0x3001 || next == 0xFF0E) && k == dend;
            bool unit = is_unit(next);
            /* Find where the last digit starts (numbering takes one digit). */
            while (q < dend) {
                last_digit = q;
                gk_parse__cp(s, len, &q);
            }
            if (unit && next == 0x5E74 /*年*/ && dend - at > 4) {
                /* "20000022025年": a row's run, then the year of the next
                 * sentence (crawler text has no boundary between them). */
                dend -= 4;
                unit = false;
            }
            if (unit) {
                i = dend; /* narrative number: stays in the text */
                continue;
            }
            if (at > text_start)
                error = push(z, RZ_TEXT, false, row, s + text_start, at - text_start, c->pos);
            if (error)
                break;
            if (numbering) {
                /* The last digit starts the next label's text. */
                if (last_digit > nd_start) {
                    const char *num;
                    pos.col = (uint32_t)(c->pos.col + nd_start);
                    error = as_number(z, s + nd_start, last_digit - nd_start, &num);
                    if (!error && num &&
                        (error = push(z, RZ_NUM, false, row, s + nd_start,
                                      last_digit - nd_start, pos)) == 0)
                        z->toks[z->ntoks - 1].num = num;
                    if (error)
                        break;
                }
                text_start = last_digit;
                i = dend;
                continue;
            }
            {
                const char *num;
                pos.col = (uint32_t)(c->pos.col + at);
                error = as_number(z, s + at, dend - at, &num);
                if (!error && num &&
                    (error = push(z, RZ_NUM, false, row, s + at, dend - at, pos)) == 0)
                    z->toks[z->ntoks - 1].num = num;
                if (error)
                    break;
            }
            text_start = dend;
            i = dend;
        }
    }
    if (!error && len > text_start)
        error = push(z, RZ_TEXT, false, row, s + text_start, len - text_start, c->pos);
    return error;
}

int rz_tokenize(rz_ctx *z)
{
    size_t r, k;
    int error = 0;

    for (r = 0; r < z->g->nrows && !error; r++) {
        const gk_grow *row = &z->g->rows[r];
        for (k = 0; k < row->ncells && !error; k++) {
            const gk_gcell *c = &z->g->cells[row->first + k];
            error = c->bounded ? bounded_cell(z, (uint32_t)r, c) : free_cell(z, (uint32_t)r, c);
        }
    }
    /* Normalised text of every text token, for label matching. */
    for (k = 0; k < z->ntoks && !error; k++) {
        rz_tok *t = &z->toks[k];
        gk_buf b = GK_BUF_INIT;
        if (t->kind != RZ_TEXT)
            continue;
        error = gk_parse__norm(&b, t->raw, t->rawlen);
        if (!error) {
            t->norm = gk_arena_strndup(&z->arena, b.ptr ? b.ptr : "", b.len);
            if (!t->norm)
                error = GK_ENOMEM; /* the arena set the message */
        }
        gk_buf_release(&b);
    }
    return error;
}
