/*
 * fuzz_screen.c: libFuzzer target for the screener (conventions C7). The
 * first byte selects options, so one target covers them all:
 *   bit 0: Aho-Corasick instead of Vectorscan
 *   bit 1: small windows (4 KiB) to exercise the overlap logic
 *   bit 2: HTML view, bit 3: DOCX XML view (both: DOCX)
 *   bit 4: the bytes up to the first NUL are a word list, bit 5: a typo list
 *   bit 6: mask the input with the findings
 * Invariants checked: every finding lies inside the input, findings come in
 * order of start, the markup view keeps the length, masking never fails on
 * valid findings, and nothing leaks (ASan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gk/screen.h"
#include "gk/errors.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_screen_options o = {GK_SCREEN_ENGINE_AUTO, 0};
    gk_screen_dict *d = NULL;
    gk_screen *s = NULL;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    gk_buf view = GK_BUF_INIT, out = GK_BUF_INIT, log = GK_BUF_INIT;
    gk_screen_mask_rules rules;
    const char *text;
    size_t len, i;
    unsigned flags;

    if (size < 1)
        return 0;
    flags = data[0];
    text = (const char *)data + 1;
    len = size - 1;
    if (flags & 1)
        o.engine = GK_SCREEN_ENGINE_AC;
    if (flags & 2)
        o.window = 4096;
    if (gk_screen_dict_new(&d) < 0)
        abort();
    if (flags & 0x30) {
        const char *nul = memchr(text, 0, len);
        if (nul) {
            size_t dl = (size_t)(nul - text);
            /* Errors (bad UTF-8, missing TAB) are fine: they must not crash. */
            int rc = (flags & 0x10) ? gk_screen_dict_add_words(d, text, dl, "fuzz")
                                    : gk_screen_dict_add_typos(d, text, dl, "fuzz");
            if (rc < 0 && !gk_error_last()->message[0])
                abort(); /* an error says why */
            text = nul + 1;
            len -= dl + 1;
        }
    }
    if (gk_screen_new(&s, d, &o) < 0)
        goto done;
    if (flags & 0x0C) {
        if (gk_screen_markup_view(&view, text, len, (flags & 0x08) != 0) < 0)
            goto done;
        if (view.len != len)
            abort();
    }
    if (gk_screen_buffer(s, (flags & 0x0C) ? view.ptr : text, len, gk_screen_collect, &fs) < 0)
        goto done;
    for (i = 0; i < fs.count; i++) {
        const gk_screen_finding *f = &fs.items[i];
        if (f->start >= f->end || f->end > len || f->line < 1 || f->col < 1)
            abort();
        if (i > 0 && f->start < fs.items[i - 1].start)
            abort();
    }
    if (flags & 0x40) {
        gk_screen_mask_rules_default(&rules);
        if (gk_screen_mask(&out, &log, text, len, &fs, &rules, (flags & 0x0C) ? view.ptr : NULL) <
            0)
            abort();
    }
done:
    gk_screen_findings_release(&fs);
    gk_buf_release(&view);
    gk_buf_release(&out);
    gk_buf_release(&log);
    gk_screen_free(s);
    gk_screen_dict_free(d);
    return 0;
}
