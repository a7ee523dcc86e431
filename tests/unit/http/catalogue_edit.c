/*
 * catalogue_edit.c: writing catalogue items in the console
 * (page_catalogue_edit.c) over the loopback: a draft created with its
 * metadata gets its 索引号, is edited, is submitted through the 三审 route
 * of page_publish.c and is then refused further edits; the model's checks
 * on the form; CSRF, role and agency refusals; hostile text escaped;
 * personal data in a draft's title masked in the review queue.
 */
#include "item_fixture.h"

static int form(gk_buf *b, const char *csrf, const char *const *over)
{
    static const char *const base[][2] = {
        {"agency", "BUR1"},
        {"index_prefix", "123456789"},
        {"title", "某区教育局关于2025年义务教育招生入学工作的通知"},
        {"summary", "招生范围、时间和程序"},
        {"art20", "11"},
        {"doc_kind", "NORMATIVE"},
        {"category", "教育\\招生"},
        {"keywords", "招生"},
        {"doc_no", "某教发〔2025〕3号"},
        {"written", "2025-06-05"},
        {"formed", "2025-06-10"},
        {"effective_from", "2025-06-10"},
        {"validity", "VALID"},
        {"invalid_from", ""},
        {"due_days", ""},
        {"due_basis", ""},
        {"body", "一、招生范围……"},
    };
    size_t i, j;
    int error = csrf ? rf_pair(b, "_csrf", csrf) : 0;

    for (i = 0; error == 0 && i < GK_ARRAY_LEN(base); i++) {
        const char *v = base[i][1];

        for (j = 0; over && over[j]; j += 2)
            if (!strcmp(over[j], base[i][0]))
                v = over[j + 1];
        error = rf_pair(b, base[i][0], v);
    }
    return error;
}

static int post(rf_env *e, gk_http_resp *r, const char *path, const char *csrf,
                const char *const *over)
{
    gk_buf b = GK_BUF_INIT;
    int error = form(&b, csrf, over);

    if (error == 0)
        error = rf_post(e, r, path, gk_buf_cstr(&b));
    gk_buf_release(&b);
    return error < 0 ? -1 : r->status;
}

static bool has(const gk_http_resp *r, const char *s)
{
    return strstr(ht_body(r), s) != NULL;
}

static const char *jget(json_t *j, const char *a, const char *b)
{
    return json_string_value(json_object_get(json_object_get(j, a), b));
}

GK_TEST(http_catalogue_edit, create_edit_submit)
{
    rf_env e;
    gk_http_resp r;
    json_t *j;
    char path[96], body[160];

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    GK_T_CALL(rf_get(&e, &r, "/staff/catalogue/new"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "（十一）扶贫、教育、医疗、社保、就业") && has(&r, "行政规范性文件"));
    gk_http__resp_release(&r);
    /* The API: 201 with the 索引号 the store gave. */
    GK_T_INT_EQ(post(&e, &r, "/api/v1/items", e.csrf, NULL), 201);
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_STR_EQ(jget(j, "item", "index_no"), "123456789/2025-00001");
    GK_T_STR_EQ(jget(j, "item", "state"), "DRAFT");
    GK_T_STR_EQ(jget(j, "values", "doc_no"), "某教发〔2025〕3号");
    GK_T_STR_EQ(jget(j, "values", "art20"), "11");
    GK_T_STR_EQ(jget(j, "values", "doc_kind"), "NORMATIVE");
    GK_T_STR_EQ(jget(j, "values", "written"), "2025-06-05");
    GK_T_STR_EQ(jget(j, "values", "body"), "一、招生范围……");
    json_decref(j);
    gk_http__resp_release(&r);
    /* The page: 303 to the new draft's edit page, which shows its 索引号. */
    GK_T_INT_EQ(post(&e, &r, "/staff/catalogue/new", e.csrf, NULL), 303);
    GK_T_STR_EQ(gk_http__resp_get(&r, "Location"), "/staff/catalogue/2/edit");
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/staff/catalogue/2/edit"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(has(&r, "123456789/2025-00002") && has(&r, "action=\"/staff/publish/2/submit\""));
    gk_http__resp_release(&r);
    /* Edit: the title and 正文 change, the 索引号 stays. */
    {
        const char *over[] = {"title", "修改后的标题", "body", "新的正文", "index_prefix",
                              "987654321", NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/items/1", e.csrf, over), 200);
    }
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_STR_EQ(jget(j, "item", "index_no"), "123456789/2025-00001");
    GK_T_STR_EQ(jget(j, "values", "title"), "修改后的标题");
    GK_T_STR_EQ(jget(j, "values", "body"), "新的正文");
    json_decref(j);
    gk_http__resp_release(&r);
    /* Submitted through the 三审 route: no more edits. */
    snprintf(body, sizeof body, "_csrf=%s", e.csrf);
    GK_T_CALL(rf_post(&e, &r, "/staff/publish/1/submit", body));
    GK_T_INT_EQ(r.status, 303);
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/staff/catalogue/1/edit", e.csrf, NULL), 409);
    GK_T_OK(has(&r, "已提交审核或已发布的目录信息不能修改"));
    gk_http__resp_release(&r);
    snprintf(path, sizeof path, "/api/v1/publish/1");
    GK_T_CALL(rf_get(&e, &r, path));
    j = json_loads(ht_body(&r), 0, NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(j, "state")), "FIRST");
    GK_T_STR_EQ(json_string_value(json_object_get(j, "body")), "新的正文");
    json_decref(j);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* The model's checks and the form's own, shown on the form (400); an
 * 索引号 prefix that is not a 前段码 is the store's refusal. */
GK_TEST(http_catalogue_edit, checks)
{
    static const struct {
        const char *over[5];
        const char *msg;
    } v[] = {
        {{"title", "", NULL}, "名称"},
        {{"formed", "", NULL}, "形成"},
        {{"formed", "2025-13-01", NULL}, "形成或者变更日期不是有效日期"},
        {{"validity", "REPEALED", NULL}, "废止"},
        {{"due_days", "30", NULL}, "依据"},
        {{"due_days", "abc", NULL}, "特别公开期限应为"},
        {{"art20", "16", NULL}, "请选择属于条例第二十条的哪一项"},
        {{"index_prefix", "BAD", NULL}, "前段码应为 9 位组织机构代码或 18 位统一社会信用代码"},
        {{"index_prefix", "", NULL}, "本机关代码不能作索引号前段码"},
    };
    rf_env e;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "登记乙", GK_ROLE_CLERK, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(v); i++) {
        gk_http_resp r;

        GK_T_INT_EQ(post(&e, &r, "/staff/catalogue/new", e.csrf, v[i].over), 400);
        if (!has(&r, v[i].msg)) {
            gk_http__resp_release(&r);
            GK_T_FAIL("case %zu: no '%s'", i, v[i].msg);
        }
        /* The form keeps what was typed. */
        GK_T_OK(has(&r, "某教发〔2025〕3号"));
        gk_http__resp_release(&r);
    }
    {
        gk_http_resp r;

        GK_T_CALL(rf_get(&e, &r, "/api/v1/publish?state=ALL"));
        GK_T_OK(has(&r, "\"items\": []"));
        gk_http__resp_release(&r);
    }
    rf_free(&e);
}

GK_TEST(http_catalogue_edit, refusals)
{
    rf_env e;
    gk_http_resp r;
    int64_t other;

    GK_T_CALL(rf_new(&e));
    other = if_item(&e, "BUR2", "住建局的草稿", "2025-06-10", NULL);
    GK_T_OK(other > 0);
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    /* CSRF. */
    GK_T_INT_EQ(post(&e, &r, "/staff/catalogue/new", NULL, NULL), 403);
    GK_T_OK(has(&r, "CSRF"));
    gk_http__resp_release(&r);
    /* Another agency: creating for it, reading and editing its draft. */
    {
        const char *over[] = {"agency", "BUR2", NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/items", e.csrf, over), 403);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_get(&e, &r, "/staff/catalogue/1/edit"));
    GK_T_INT_EQ(r.status, 403);
    GK_T_OK(!has(&r, "住建局的草稿"));
    gk_http__resp_release(&r);
    GK_T_INT_EQ(post(&e, &r, "/api/v1/items/1", e.csrf, NULL), 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_get(&e, &r, "/api/v1/items/99"));
    GK_T_INT_EQ(r.status, 404);
    gk_http__resp_release(&r);
    /* 管理员 and 督查 do not write catalogue items. */
    GK_T_CALL(rf_login(&e, "管理戊", GK_ROLE_ADMIN, ""));
    GK_T_INT_EQ(post(&e, &r, "/api/v1/items", e.csrf, NULL), 403);
    gk_http__resp_release(&r);
    GK_T_CALL(rf_login(&e, "督查丁", GK_ROLE_SUPERVISOR, ""));
    GK_T_CALL(rf_get(&e, &r, "/staff/catalogue/new"));
    GK_T_INT_EQ(r.status, 403);
    gk_http__resp_release(&r);
    rf_free(&e);
}

/* Hostile text in every text field is escaped on the form that comes
 * back and on the stored draft's page; a telephone number in a draft's
 * title is masked in the review queue's list. */
GK_TEST(http_catalogue_edit, xss_escaped_and_list_masked)
{
    static const char *const fields[] = {"index_prefix", "title", "summary", "category", "keywords",
                                         "doc_no", "due_basis", "body", "written", "formed",
                                         "effective_from", "invalid_from", "due_days"};
    static const char xss[] = "<script>alert(1)</script>";
    rf_env e;
    gk_http_resp r;
    size_t i;

    GK_T_CALL(rf_new(&e));
    GK_T_CALL(rf_login(&e, "承办甲", GK_ROLE_HANDLER, "BUR1"));
    for (i = 0; i < GK_ARRAY_LEN(fields); i++) {
        /* A bad 第二十条 item: every form comes back (400). */
        const char *over[] = {"art20", "x", fields[i], xss, NULL};

        GK_T_INT_EQ(post(&e, &r, "/staff/catalogue/new", e.csrf, over), 400);
        if (has(&r, "<script>") || !has(&r, "&lt;script&gt;")) {
            gk_http__resp_release(&r);
            GK_T_FAIL("%s: not escaped", fields[i]);
        }
        gk_http__resp_release(&r);
    }
    {
        const char *over[] = {"title", xss, "summary", xss, "doc_no", xss, "category", xss,
                              "keywords", xss, "body", xss, NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/items", e.csrf, over), 201);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_get(&e, &r, "/staff/catalogue/1/edit"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(!has(&r, "<script>") && has(&r, "&lt;script&gt;"));
    gk_http__resp_release(&r);
    {
        const char *over[] = {"title", "联系人电话13912345678的通知", NULL};

        GK_T_INT_EQ(post(&e, &r, "/api/v1/items", e.csrf, over), 201);
        gk_http__resp_release(&r);
    }
    GK_T_CALL(rf_get(&e, &r, "/staff/publish?state=DRAFT"));
    GK_T_INT_EQ(r.status, 200);
    GK_T_OK(!has(&r, "13912345678") && has(&r, "139****5678"));
    gk_http__resp_release(&r);
    rf_free(&e);
}
