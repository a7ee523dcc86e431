/*
 * tmpl.c: the template engine (src/http/tmpl.c).
 */
#include "http_test.h"

/* Renders src over the JSON text ctx; returns the output (static slot). */
static const char *render(const char *src, const char *ctx, int *err)
{
    static char out[4096];
    gk_buf b = GK_BUF_INIT;
    json_t *c = json_loads(ctx, 0, NULL);

    *err = gk_tmpl_render(&b, src, strlen(src), c);
    snprintf(out, sizeof(out), "%s", gk_buf_cstr(&b));
    gk_buf_release(&b);
    json_decref(c);
    return out;
}

GK_TEST(http_tmpl, escapes_by_default)
{
    int e;

    GK_T_STR_EQ(render("<p>{{x}}</p>", "{\"x\":\"<script>alert('1')</script>&\\\"=`\"}", &e),
                "<p>&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;&quot;&#61;&#96;</p>");
    GK_T_INT_EQ(e, 0);
    GK_T_STR_EQ(render("{{{x}}}", "{\"x\":\"<b>ok</b>\"}", &e), "<b>ok</b>");
    GK_T_STR_EQ(render("<a title=\"{{x}}\">", "{\"x\":\"\\\" onmouseover=\\\"x\"}", &e),
                "<a title=\"&quot; onmouseover&#61;&quot;x\">");
}

GK_TEST(http_tmpl, values)
{
    int e;

    GK_T_STR_EQ(render("{{n}}|{{r}}|{{t}}|{{missing}}|{{o}}|{{a.b.c}}",
                       "{\"n\":42,\"r\":1.5,\"t\":true,\"o\":{},\"a\":{\"b\":{\"c\":\"深\"}}}", &e),
                "42|1.5||||深");
    GK_T_INT_EQ(e, 0);
}

GK_TEST(http_tmpl, sections)
{
    int e;

    GK_T_STR_EQ(render("{{#l}}[{{n}}{{top}}]{{/l}}", "{\"l\":[{\"n\":1},{\"n\":2}],\"top\":\"T\"}", &e),
                "[1T][2T]");
    GK_T_STR_EQ(render("{{#l}}{{.}},{{/l}}", "{\"l\":[\"a\",\"<\"]}", &e), "a,&lt;,");
    GK_T_STR_EQ(render("{{#f}}yes{{/f}}{{^f}}no{{/f}}", "{\"f\":false}", &e), "no");
    GK_T_STR_EQ(render("{{#f}}yes{{/f}}{{^f}}no{{/f}}", "{\"f\":\"x\"}", &e), "yes");
    GK_T_STR_EQ(render("{{^l}}empty{{/l}}", "{\"l\":[]}", &e), "empty");
    GK_T_STR_EQ(render("{{#o}}{{k}}{{/o}}", "{\"o\":{\"k\":\"v\"}}", &e), "v");
    GK_T_STR_EQ(render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", "{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]}}", &e),
                "12");
    GK_T_STR_EQ(render("{{#a}}x{{#a}}y{{/a}}z{{/a}}", "{\"a\":true}", &e), "xyz");
    GK_T_STR_EQ(render("a{{! a comment }}b", "{}", &e), "ab");
    GK_T_INT_EQ(e, 0);
}

GK_TEST(http_tmpl, malformed)
{
    static const char *const bad[] = {
        "{{x", "{{{x}}", "{{#a}}no close", "{{#a}}{{/b}}", "{{/a}}", "{{> no_such_partial}}",
    };
    size_t i;
    int e;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        render(bad[i], "{\"a\":true}", &e);
        if (e != GK_EINVALID)
            GK_T_FAIL("'%s': got %d, expected GK_EINVALID", bad[i], e);
    }
}

GK_TEST(http_tmpl, every_embedded_template_renders)
{
    size_t i;

    for (i = 0; i < gk_http__nassets; i++) {
        const gk_http_asset *a = &gk_http__assets[i];
        gk_buf b = GK_BUF_INIT;
        json_t *c = json_object();
        int e;

        if (!strstr(a->path, ".html")) {
            json_decref(c);
            continue;
        }
        e = gk_tmpl_render(&b, (const char *)a->data, a->len, c);
        gk_buf_release(&b);
        json_decref(c);
        if (e < 0)
            GK_T_FAIL("%s: %s", a->path, gk_error_last()->message);
    }
}
