/*
 * api_check.c: the public pages that need only the report engine: check a
 * published report (parse → validate → findings), show a report in the
 * official HTML layout, render it in any format, and list the rules.
 * The HTML pages and /api/v1/ share these handlers (routes.def).
 */
#include <stdio.h>
#include "gk/parse.h"
#include "gk/render.h"
#include "gk/validate.h"
#include "report_view.h"

/* The uploaded report: the "file" part of a multipart form, else the
 * "text" field of a form, else the raw body (API clients post the file as
 * it is). *name_out is the file name for messages, or "上传内容". */
static int upload(const gk_http_req *req, const char *field, const char **data, size_t *len,
                  const char **name_out)
{
    const char *ct = gk_http__kvs_get(&req->headers, "content-type");
    size_t i;

    *name_out = "上传内容";
    for (i = 0; i < req->nparts; i++)
        if (!strcmp(req->parts[i].name, field) && req->parts[i].filename && req->parts[i].len) {
            *data = req->parts[i].data;
            *len = req->parts[i].len;
            if (*req->parts[i].filename)
                *name_out = req->parts[i].filename;
            return 0;
        }
    for (i = 0; i < req->form.n; i++)
        if (!strcmp(req->form.v[i].name, "text") && req->form.v[i].len) {
            *data = req->form.v[i].value;
            *len = req->form.v[i].len;
            return 0;
        }
    if (req->body_len && !(ct && (!strncmp(ct, "multipart/", 10) ||
                                  !strncmp(ct, "application/x-www-form-urlencoded", 33)))) {
        *data = req->body;
        *len = req->body_len;
        return 0;
    }
    gk_error_set(GK_ERRCLASS_HTTP, "请上传年度报告文件或粘贴报告内容");
    return GK_EINVALID;
}

/* Parses the upload into a report; caller frees with gk_report_free. */
static int parse_upload(gk_report **out, const gk_http_req *req, const char **name_out)
{
    gk_parse_opts po = GK_PARSE_OPTS_INIT;
    const char *data = NULL;
    size_t len = 0;
    int error = upload(req, "file", &data, &len, name_out);

    if (error < 0)
        return error;
    po.source = *name_out;
    return gk_parse(out, data, len, &po);
}

/* JSON text → json_t, for engine output that is already JSON. */
static int json_from_buf(json_t **out, const gk_buf *b)
{
    json_error_t je;

    *out = json_loadb(b->ptr ? b->ptr : "", b->len, 0, &je);
    if (!*out) {
        gk_error_set(GK_ERRCLASS_HTTP, "engine produced invalid JSON: %s", je.text);
        return GK_ERROR;
    }
    return 0;
}

int api_check_form(gk_http_req *req, gk_http_resp *resp)
{
    (void)req;
    resp->title = "年度报告检查";
    return gk_http__view(resp);
}

/* POST /check, /api/v1/check: findings JSON "gongkai.findings/1", the same
 * document as `gongkai check --json`; the page shows it as a table. */
int api_check_run(gk_http_req *req, gk_http_resp *resp)
{
    gk_report *r = NULL;
    gk_diag_list *l = NULL;
    gk_buf js = GK_BUF_INIT;
    const char *name;
    int error;

    error = parse_upload(&r, req, &name);
    if (error < 0)
        goto done;
    error = gk_diag_list_new(&l);
    if (error < 0)
        goto done;
    error = gk_validate(l, r, NULL);
    if (error < 0)
        goto done;
    error = gk_diag_list_to_json(&js, l, name, r->year);
    if (error < 0)
        goto done;
    json_decref(resp->view);
    error = json_from_buf(&resp->view, &js);
    if (error < 0)
        goto done;
    resp->title = "检查结果";
    if (gk_diag_list_count_severity(l, GK_SEV_ERROR) == 0 &&
        json_object_set_new(resp->view, "passed", json_true()))
        error = gk__oom();
done:
    gk_buf_release(&js);
    gk_diag_list_free(l);
    gk_report_free(r);
    return error;
}

int api_report_form(gk_http_req *req, gk_http_resp *resp)
{
    (void)req;
    resp->title = "按官方式样查看年度报告";
    return gk_http__view(resp);
}

/* POST /report: the report in the official HTML layout, with its
 * findings beside it. */
int api_report_view(gk_http_req *req, gk_http_resp *resp)
{
    gk_report *r = NULL;
    const char *name;
    int error;

    error = parse_upload(&r, req, &name);
    if (error == 0)
        error = gk_http__view(resp);
    if (error == 0)
        error = gk_http__report_html(resp->view, r);
    if (error == 0)
        error = gk_http__view_str(resp->view, "source", name);
    if (error == 0 && r->year &&
        json_object_set_new(resp->view, "year", json_integer(r->year)))
        error = gk__oom();
    resp->title = "年度报告";
    gk_report_free(r);
    return error;
}

/* POST /api/v1/render?format=html|md|txt|json|xlsx|docx: the upload
 * rendered in that format, as a download. */
int api_report_render(gk_http_req *req, gk_http_resp *resp)
{
    gk_render_format f;
    gk_report *r = NULL;
    const char *name;
    int error = gk_http__report_format(req, &f);

    if (error == 0)
        error = parse_upload(&r, req, &name);
    if (error == 0)
        error = gk_http__report_download(resp, r, f, "report");
    gk_report_free(r);
    return error;
}

/* GET /api/v1/rules: the rule catalogue (id, severity, source, text). */
int api_rules_list(gk_http_req *req, gk_http_resp *resp)
{
    json_t *arr = json_array();
    size_t i;
    int error;

    (void)req;
    if (!arr)
        return gk__oom();
    for (i = 0; i < gk_rule_count(); i++) {
        const gk_rule_info *ri = gk_rule_get(i);
        json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "id", ri->id, "severity",
                              gk_severity_name(ri->severity), "source", ri->source,
                              "description", ri->description);

        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            return gk__oom();
        }
    }
    error = gk_http__view(resp);
    if (error < 0 || json_object_set_new(resp->view, "rules", arr)) {
        json_decref(arr);
        return error < 0 ? error : gk__oom();
    }
    return 0;
}
