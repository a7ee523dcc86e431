/*
 * fuzz_markdown.c: libFuzzer target over the markdown parser (charset step, grid,
 * recogniser, sections). Invariants: fuzz_parse_check.h.
 */
#include <stdint.h>
#include "fuzz_parse_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_check_parse(data, size, GK_INPUT_MARKDOWN);
    return 0;
}
