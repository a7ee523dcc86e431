/*
 * sha256.c: the audit chain's SHA-256 against the FIPS 180-4 examples.
 */
#include <string.h>
#include "test.h"
#include "gk/store.h"

GK_TEST(store_sha256, fips_vectors)
{
    char out[65];
    char *million;

    gk_sha256_hex(out, "", 0);
    GK_T_STR_EQ(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    gk_sha256_hex(out, "abc", 3);
    GK_T_STR_EQ(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    gk_sha256_hex(out, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56);
    GK_T_STR_EQ(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    million = gk_malloc(1000000);
    GK_T_OK(million != NULL);
    memset(million, 'a', 1000000);
    gk_sha256_hex(out, million, 1000000);
    gk_free(million);
    GK_T_STR_EQ(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
