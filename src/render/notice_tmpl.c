/*
 * notice_tmpl.c: parsing and checking notice templates (grammar in
 * docs/notices.md "Templates"):
 *
 *   %% comment line (ignored)
 *   blank line       ends a paragraph
 *   "! " "= " "@ " "< " "> " at the start of a paragraph: its style
 *                    (letterhead, title, reference, flush left, flush right)
 *   other lines      joined without a separator (Chinese text)
 *   {{name}}         a required field; {{?name}} an optional one (the
 *                    paragraph is left out when it is empty)
 *   {{remedy}}       the kind's remedy paragraph; {{remedy:general}} etc.
 *                    a named one; alone in its paragraph
 *
 * Everything is checked when the templates are loaded, so a broken
 * template fails before any notice is due.
 */
#include <dirent.h>
#include <stdio.h>
#include "gk/fileio.h"
#include "notice_int.h"
#include "util/utf8.h"

#define MAX_TEMPLATE ((size_t)1024 * 1024)

static const struct {
    char mark;
    notice_style style;
} marks[] = {
#define GK_X_(key, mark) {mark, NS_##key},
    NOTICE_STYLES(GK_X_)
#undef GK_X_
};

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':';
}

int gk_notice__next_ph(notice_ph *ph, const char *text, size_t len, size_t *pos)
{
    const char *open, *close;
    size_t i;

    open = *pos < len ? strstr(text + *pos, "{{") : NULL;
    if (!open || (size_t)(open - text) >= len)
        return 0;
    close = strstr(open + 2, "}}");
    if (!close || (size_t)(close - text) + 2 > len) {
        gk_error_set(GK_ERRCLASS_RENDER, "'{{' 没有对应的 '}}'");
        return GK_EINVALID;
    }
    ph->start = (size_t)(open - text);
    ph->end = (size_t)(close - text) + 2;
    ph->name = open + 2;
    ph->optional = *ph->name == '?';
    if (ph->optional)
        ph->name++;
    ph->name_len = (size_t)(close - ph->name);
    for (i = 0; i < ph->name_len; i++)
        if (!is_name_char(ph->name[i]))
            break;
    if (ph->name_len == 0 || i < ph->name_len) {
        gk_error_set(GK_ERRCLASS_RENDER, "占位符 '%.*s' 的名称无效", (int)(ph->end - ph->start),
                     open);
        return GK_EINVALID;
    }
    *pos = ph->end;
    return 1;
}

/* The remedy a placeholder name stands for: NOTICE_KIND_REMEDY for
 * "remedy", a gk_notice_remedy for "remedy:general", NOTICE_NOT_REMEDY for
 * an ordinary field; GK_EINVALID (as -100) for an unknown one. */
#define BAD_PH (-100)
static int classify(const char *name, size_t len)
{
    size_t pl = strlen(NOTICE_REMEDY_PREFIX);
    char tmpl[64];

    if (len == 6 && memcmp(name, "remedy", 6) == 0)
        return NOTICE_KIND_REMEDY;
    if (len > pl && memcmp(name, NOTICE_REMEDY_PREFIX, pl) == 0) {
        int r;
        snprintf(tmpl, sizeof tmpl, "remedy-%.*s", (int)(len - pl), name + pl);
        r = gk_notice__remedy_by_tmpl(tmpl, strlen(tmpl));
        return r >= 0 ? r : BAD_PH;
    }
    return gk_notice__field_find(name, len) >= 0 ? NOTICE_NOT_REMEDY : BAD_PH;
}

static int fail_at(const notice_tmpl *t, int line, int error)
{
    gk_error_prefix("模板 '%s.tmpl'（%s）第 %d 行", t->name, t->origin, line);
    return error;
}

/* Checks the placeholders of one finished paragraph and sets its remedy. */
static int check_block(const notice_tmpl *t, notice_block *b, bool is_remedy_tmpl)
{
    size_t len = strlen(b->text), pos = 0;
    notice_ph ph;
    int rc, cls;

    b->remedy = NOTICE_NOT_REMEDY;
    while ((rc = gk_notice__next_ph(&ph, b->text, len, &pos)) > 0) {
        cls = classify(ph.name, ph.name_len);
        if (cls == BAD_PH) {
            gk_error_set(GK_ERRCLASS_RENDER, "未知占位符 '{{%.*s}}'", (int)ph.name_len, ph.name);
            return fail_at(t, b->line, GK_EINVALID);
        }
        if (cls == NOTICE_NOT_REMEDY)
            continue;
        if (is_remedy_tmpl || ph.optional || ph.start != 0 || ph.end != len ||
            b->style != NS_BODY) {
            gk_error_set(GK_ERRCLASS_RENDER,
                         "救济途径占位符 '{{%.*s}}' 必须单独成段（且不能出现在救济途径模板中）",
                         (int)ph.name_len, ph.name);
            return fail_at(t, b->line, GK_EINVALID);
        }
        b->remedy = cls;
    }
    return rc < 0 ? fail_at(t, b->line, rc) : 0;
}

static void tmpl_release(notice_tmpl *t)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        gk_free(t->blocks[i].text);
    gk_free(t->blocks);
    t->blocks = NULL;
    t->n = 0;
}

static int push_block(notice_tmpl *t, size_t *cap, notice_style style, int line, gk_buf *para)
{
    notice_block *nb;

    if (t->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        nb = gk_realloc(t->blocks, ncap * sizeof *nb);
        if (!nb)
            return gk__oom();
        t->blocks = nb;
        *cap = ncap;
    }
    nb = &t->blocks[t->n];
    nb->style = style;
    nb->line = line;
    nb->remedy = NOTICE_NOT_REMEDY;
    nb->text = gk_buf_take(para, NULL);
    if (!nb->text)
        return gk__oom();
    t->n++;
    return 0;
}

/* Strips spaces and tabs at both ends of s[*from..*to). */
static void trim(const char *s, size_t *from, size_t *to)
{
    while (*from < *to && (s[*from] == ' ' || s[*from] == '\t'))
        (*from)++;
    while (*to > *from && (s[*to - 1] == ' ' || s[*to - 1] == '\t' || s[*to - 1] == '\r'))
        (*to)--;
}

static notice_style style_of(char c)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(marks); i++)
        if (marks[i].mark && marks[i].mark == c)
            return marks[i].style;
    return NS_BODY;
}

static int parse(notice_tmpl *t, const char *text, size_t len, bool is_remedy_tmpl)
{
    gk_buf para = GK_BUF_INIT;
    size_t pos = 0, cap = 0, i;
    notice_style style = NS_BODY;
    int line = 0, first = 0, error = 0;

    gk_buf_init(&para, MAX_TEMPLATE);
    if (gk_utf8_invalid_at(text, len) != len) {
        gk_error_set(GK_ERRCLASS_RENDER, "模板 '%s.tmpl'（%s）不是有效的 UTF-8", t->name,
                     t->origin);
        return GK_EINVALID;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (error == 0) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len, from = pos;

        line++;
        trim(text, &from, &end);
        if (end - from >= 2 && text[from] == '%' && text[from + 1] == '%') {
            /* comment: does not end the paragraph */
        } else if (from == end) {
            if (para.len)
                error = push_block(t, &cap, style, first, &para);
        } else {
            if (para.len == 0) {
                first = line;
                style = NS_BODY;
                if (end - from >= 2 && text[from + 1] == ' ' && style_of(text[from]) != NS_BODY) {
                    style = style_of(text[from]);
                    from += 2;
                    trim(text, &from, &end);
                }
            }
            error = gk_buf_put(&para, text + from, end - from);
        }
        if (!nl)
            break;
        pos = (size_t)(nl - text) + 1;
    }
    if (error == 0 && para.len)
        error = push_block(t, &cap, style, first, &para);
    for (i = 0; i < t->n && error == 0; i++)
        error = check_block(t, &t->blocks[i], is_remedy_tmpl);
    gk_buf_release(&para);
    return error;
}

/* Does t use {{name}} as a required placeholder? */
static bool uses_required(const notice_tmpl *t, const char *name)
{
    size_t i, pos, len;
    notice_ph ph;

    for (i = 0; i < t->n; i++) {
        len = strlen(t->blocks[i].text);
        pos = 0;
        while (gk_notice__next_ph(&ph, t->blocks[i].text, len, &pos) > 0)
            if (!ph.optional && ph.name_len == strlen(name) && !memcmp(ph.name, name, ph.name_len))
                return true;
    }
    return false;
}

static bool has_remedy(const notice_tmpl *t)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        if (t->blocks[i].remedy != NOTICE_NOT_REMEDY)
            return true;
    return false;
}

/* The statutory content a kind's template cannot leave out: the legal
 * basis, the reasons where 第三十六条第（三）（五）项 or 第三十七条 require
 * them, and the remedy paragraph where a remedy applies. */
static int check_kind(const notice_tmpl *t, const gk_notice_kind *k)
{
    const char *miss = NULL;

    if (!uses_required(t, "legal_basis"))
        miss = "{{legal_basis}}（法律依据）";
    else if (k->needs_reasons && !uses_required(t, "reasons"))
        miss = "{{reasons}}（本决定须说明理由）";
    else if (k->remedy != GK_NOTICE_REMEDY_NONE && !has_remedy(t))
        miss = "{{remedy}}（救济途径）";
    if (!miss)
        return 0;
    gk_error_set(GK_ERRCLASS_RENDER, "模板 '%s.tmpl'（%s）缺少 %s", t->name, t->origin, miss);
    return GK_EINVALID;
}

const notice_tmpl *gk_notice__tmpl(const gk_notice_templates *set, const char *name)
{
    size_t i;

    for (i = 0; i < set->n; i++)
        if (strcmp(set->t[i].name, name) == 0)
            return &set->t[i];
    return NULL;
}

static bool is_remedy_name(const char *name)
{
    return gk_notice__remedy_by_tmpl(name, strlen(name)) >= 0;
}

/* Replaces the template `name` of set with the file dir/fname. */
static int load_file(gk_notice_templates *set, const char *dir, const char *fname, size_t nlen)
{
    char path[4096], name[64];
    gk_buf data = GK_BUF_INIT;
    notice_tmpl fresh;
    size_t i;
    int error;

    snprintf(name, sizeof name, "%.*s", (int)nlen, fname);
    for (i = 0; i < set->n; i++)
        if (strcmp(set->t[i].name, name) == 0)
            break;
    if (i == set->n) {
        gk_error_set(GK_ERRCLASS_RENDER, "未知模板文件 '%s/%s'（不是告知书种类或救济途径段落）",
                     dir, fname);
        return GK_EINVALID;
    }
    snprintf(path, sizeof path, "%s/%s", dir, fname);
    error = gk_file_read(&data, path, MAX_TEMPLATE);
    if (error < 0) {
        gk_buf_release(&data);
        return error;
    }
    memset(&fresh, 0, sizeof fresh);
    snprintf(fresh.name, sizeof fresh.name, "%s", name);
    snprintf(fresh.origin, sizeof fresh.origin, "目录");
    error = parse(&fresh, data.ptr ? data.ptr : "", data.len, is_remedy_name(name));
    gk_buf_release(&data);
    if (error < 0) {
        tmpl_release(&fresh);
        return error;
    }
    tmpl_release(&set->t[i]);
    set->t[i] = fresh;
    return 0;
}

static int load_dir(gk_notice_templates *set, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int error = 0;

    if (!d) {
        gk_error_set(GK_ERRCLASS_OS, "无法打开模板目录 '%s'", dir);
        return GK_ENOTFOUND;
    }
    while (error == 0 && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && e->d_name[0] != '.' && strcmp(e->d_name + n - 5, ".tmpl") == 0)
            error = load_file(set, dir, e->d_name, n - 5);
    }
    closedir(d);
    return error;
}

void gk_notice_templates_free(gk_notice_templates *set)
{
    size_t i;

    if (!set)
        return;
    for (i = 0; i < set->n; i++)
        tmpl_release(&set->t[i]);
    gk_free(set->t);
    gk_free(set);
}

int gk_notice_templates_load(gk_notice_templates **out, const char *dir)
{
    gk_notice_templates *set = NULL;
    const gk_notice_kind *kinds;
    size_t nkinds, i;
    int error = 0;

    GK_ASSERT_ARG(out);
    *out = NULL;
    set = gk_calloc(1, sizeof *set);
    if (set)
        set->t = gk_calloc(gk_notice__nembedded, sizeof *set->t);
    if (!set || !set->t) {
        error = gk__oom();
        goto done;
    }
    for (i = 0; i < gk_notice__nembedded && error == 0; i++) {
        notice_tmpl *t = &set->t[set->n++];
        snprintf(t->name, sizeof t->name, "%s", gk_notice__embedded[i].name);
        snprintf(t->origin, sizeof t->origin, "内置");
        error = parse(t, gk_notice__embedded[i].text, strlen(gk_notice__embedded[i].text),
                      is_remedy_name(t->name));
    }
    if (error == 0 && dir)
        error = load_dir(set, dir);
    kinds = gk_notice_kinds(&nkinds);
    for (i = 0; i < nkinds && error == 0; i++) {
        const notice_tmpl *t = gk_notice__tmpl(set, kinds[i].id);
        if (!t)
            GK_BUG("no embedded template for notice kind '%s'", kinds[i].id);
        error = check_kind(t, &kinds[i]);
    }
    for (i = 1; i < GK_NOTICE_NREMEDIES && error == 0; i++)
        if (!gk_notice__tmpl(set, gk_notice__remedy_tmpl((int)i)))
            GK_BUG("no embedded remedy template '%s'", gk_notice__remedy_tmpl((int)i));
    if (error == 0) {
        *out = set;
        set = NULL;
    }
done:
    gk_notice_templates_free(set);
    return error;
}
