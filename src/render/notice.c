/*
 * notice.c: the public entry points of the notice module: fields from
 * JSON, format names, and gk_notice_render (expand, then write).
 */
#include <jansson.h>
#include <stdio.h>
#include "notice_int.h"

static const struct {
    const char *name;
    gk_notice_format format;
    int (*write)(gk_buf *out, const notice_doc *doc);
} formats[] = {
    {"html", GK_NOTICE_HTML, gk_notice__html},
    {"docx", GK_NOTICE_DOCX, gk_notice__docx},
};

int gk_notice_format_from_name(const char *name)
{
    size_t i;

    for (i = 0; name && i < GK_ARRAY_LEN(formats); i++)
        if (strcmp(formats[i].name, name) == 0)
            return (int)formats[i].format;
    return -1;
}

int gk_notice_render(gk_buf *out, const gk_notice_templates *t, const char *kind,
                     const gk_notice_field *fields, size_t n, gk_notice_format format)
{
    const gk_notice_kind *k;
    notice_doc doc;
    size_t i;
    int error;

    GK_ASSERT_ARG(out && t && kind && (fields || n == 0));
    k = gk_notice_kind_find(kind);
    if (!k) {
        gk_error_set(GK_ERRCLASS_INVALID, "未知告知书种类 '%s'（见 gongkai notice --list）", kind);
        return GK_ENOTFOUND;
    }
    for (i = 0; i < GK_ARRAY_LEN(formats); i++)
        if (formats[i].format == format)
            break;
    if (i == GK_ARRAY_LEN(formats)) {
        gk_error_set(GK_ERRCLASS_INVALID, "未知输出格式 %d", (int)format);
        return GK_EINVALID;
    }
    memset(&doc, 0, sizeof doc);
    gk_buf_init(&doc.text, out->max);
    error = gk_notice__expand(&doc, t, k, fields, n);
    if (error == 0)
        error = formats[i].write(out, &doc);
    gk_notice__doc_release(&doc);
    return error;
}

void gk_notice_fields_release(gk_notice_fields *f)
{
    size_t i;

    if (!f)
        return;
    for (i = 0; i < f->n; i++) {
        gk_free((char *)(uintptr_t)f->v[i].key);
        gk_free((char *)(uintptr_t)f->v[i].value);
    }
    gk_free(f->v);
    f->v = NULL;
    f->n = 0;
}

/* The text of one JSON value: a string as is, an integer in decimal. */
static char *value_text(json_t *v)
{
    char num[32];

    if (json_is_string(v))
        return gk_strndup(json_string_value(v), json_string_length(v));
    snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
    return gk_strdup(num);
}

int gk_notice_fields_from_json(gk_notice_fields *out, const char *text, size_t len)
{
    json_error_t jerr;
    json_t *root = NULL, *v;
    const char *key;
    size_t i = 0;
    int error = 0;

    GK_ASSERT_ARG(out && text && out->v == NULL);
    root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root || !json_is_object(root)) {
        gk_error_set(GK_ERRCLASS_JSON, root ? "应为 JSON 对象（字段名: 值）" : "JSON 第 %d 行: %s",
                     jerr.line, jerr.text);
        error = GK_EINVALID;
        goto done;
    }
    out->v = gk_calloc(json_object_size(root) + 1, sizeof *out->v);
    if (!out->v) {
        error = gk__oom();
        goto done;
    }
    json_object_foreach(root, key, v)
    {
        if (!json_is_string(v) && !json_is_integer(v) && !json_is_null(v)) {
            gk_error_set(GK_ERRCLASS_JSON, "字段 '%s' 的值应为字符串或整数", key);
            error = GK_EINVALID;
            goto done;
        }
        if (gk_notice__field_find(key, strlen(key)) < 0) {
            gk_error_set(GK_ERRCLASS_JSON, "未知字段 '%s'（可用字段见 docs/notices.md）", key);
            error = GK_EINVALID;
            goto done;
        }
        out->v[i].key = gk_strdup(key);
        out->v[i].value = json_is_null(v) ? NULL : value_text(v);
        out->n = ++i;
        if (!out->v[i - 1].key || (!json_is_null(v) && !out->v[i - 1].value)) {
            error = gk__oom();
            goto done;
        }
    }
done:
    if (error < 0)
        gk_notice_fields_release(out);
    json_decref(root);
    return error;
}
