/*
 * buf_json.c: gk_buf_put_json_string, the JSON string writer every JSON
 * output of gongkai goes through (report JSON, findings, screening, case
 * records, the audit command).
 */
#include "utf8.h"
#include "util.h"

int gk_buf_put_json_string(gk_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    int error = gk_buf_putc(b, '"');

    while (error == 0 && i < n) {
        unsigned char c = (unsigned char)s[i];

        if (c >= 0x80) {
            size_t k = i;
            if (gk_utf8_next(s, n, &k) < 0) {
                error = gk_buf_puts(b, "\\ufffd");
                i++;
            } else {
                error = gk_buf_put(b, s + i, k - i);
                i = k;
            }
            continue;
        }
        switch (c) {
        case '"':
            error = gk_buf_puts(b, "\\\"");
            break;
        case '\\':
            error = gk_buf_puts(b, "\\\\");
            break;
        case '\n':
            error = gk_buf_puts(b, "\\n");
            break;
        case '\r':
            error = gk_buf_puts(b, "\\r");
            break;
        case '\t':
            error = gk_buf_puts(b, "\\t");
            break;
        default:
            if (c < 0x20)
                error = gk_buf_printf(b, "\\u%04x", c);
            else
                error = gk_buf_putc(b, (char)c);
        }
        i++;
    }
    return error ? error : gk_buf_putc(b, '"');
}
