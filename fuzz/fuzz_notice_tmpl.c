/*
 * fuzz_notice_tmpl.c: libFuzzer target over the reply-notice templates
 * (gk_notice_templates_load on a directory, then gk_notice_render), the
 * untrusted input of `--templates DIR` (conventions C7). Every template is
 * checked at load time, so a template that loads must render. A failure is
 * a crash, a sanitizer report, a leak or one of these invariants (a
 * violation aborts):
 *   - the load returns 0 with a set, or GK_EINVALID, no set and a message;
 *   - with a loaded set, every notice kind renders with the full field set
 *     (tests/unit/render/notice.c) to HTML, or to DOCX when bit 7 of the
 *     first byte is set.
 * The first input byte selects the template replaced (bits 0-6, modulo the
 * number of kinds and remedy paragraphs); the rest is the file's text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "gk/errors.h"
#include "gk/notice.h"
#include "render/notice_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const gk_notice_field all_fields[] = {
    {"agency", "某市某区人民政府办公室"},
    {"ref_prefix", "某区府办公开"},
    {"tracking_no", "0012"},
    {"applicant", "张三"},
    {"received_date", "2025-02-14"},
    {"requested_info", "2024年某街道道路改造工程的招标文件"},
    {"date", "2025-03-05"},
    {"contact", "某区府办政务公开科，电话 010-12345678"},
    {"decision_text", "请登录本机关门户网站“政府信息公开”栏目查阅。"},
    {"reasons", "该信息已依法确定为国家秘密。"},
    {"other_agency", "某区住房和城乡建设局"},
    {"other_agency_contact", "010-87654321"},
    {"review_body", "某区人民政府"},
    {"court", "某区人民法院"},
    {"correction_items", "请写明所需信息的名称或者文号。"},
    {"correction_deadline", "2025-03-20"},
    {"extension_days", "20"},
    {"extended_to", "2025-04-10"},
    {"third_party", "某建设有限公司"},
    {"reply_deadline", "2025-03-26"},
    {"fee_amount", "3000"},
    {"fee_basis", "按件计收，本月第11至35件"},
    {"payment_method", "银行转账至某区财政局非税收入账户"},
};
#define NFIELDS (sizeof all_fields / sizeof all_fields[0])

static char dir[64];

static void remove_dir(void)
{
    rmdir(dir);
}

/* A directory of this process for the one template file (each run
 * removes its file; the directory goes at exit). */
static const char *work_dir(void)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/gk-fuzz-tmpl-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        atexit(remove_dir);
    }
    return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const gk_notice_kind *kinds;
    gk_notice_templates *set = NULL;
    gk_notice_format format;
    char path[128];
    const char *name;
    size_t nkinds, sel, i;
    FILE *f;
    int rc;

    if (size < 1)
        return 0;
    kinds = gk_notice_kinds(&nkinds);
    sel = (size_t)(data[0] & 0x7f) % (nkinds + GK_NOTICE_NREMEDIES - 1);
    name = sel < nkinds ? kinds[sel].id : gk_notice__remedy_tmpl((int)(sel - nkinds + 1));
    format = (data[0] & 0x80) ? GK_NOTICE_DOCX : GK_NOTICE_HTML;
    snprintf(path, sizeof path, "%s/%s.tmpl", work_dir(), name);
    f = fopen(path, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
        abort();
    rc = gk_notice_templates_load(&set, work_dir());
    unlink(path);
    if (rc < 0) {
        if (set || rc != GK_EINVALID || !gk_error_last()->message[0])
            abort();
        return 0;
    }
    for (i = 0; i < nkinds; i++) {
        gk_buf out = GK_BUF_INIT;
        if (gk_notice_render(&out, set, kinds[i].id, all_fields, NFIELDS, format) < 0)
            abort();
        gk_buf_release(&out);
    }
    gk_notice_templates_free(set);
    return 0;
}
