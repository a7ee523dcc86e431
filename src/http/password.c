/*
 * password.c: argon2id password hashing through libsodium, with at most
 * GK_HTTP_PWHASH_SLOTS hashes running at once (trap T11: each takes 64 MiB,
 * so a burst of logins must not multiply memory).
 */
#include <semaphore.h>
#include <sodium.h>
#include "http_int.h"

static sem_t slots;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_status;

static void init(void)
{
    init_status = sodium_init() < 0 ? -1 : 0;
    if (sem_init(&slots, 0, GK_HTTP_PWHASH_SLOTS) != 0)
        init_status = -1;
}

static int ready(void)
{
    pthread_once(&once, init);
    if (init_status < 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "libsodium cannot be initialised");
        return GK_ERROR;
    }
    return 0;
}

int gk_http__password_hash(char *out, size_t outsz, const char *password)
{
    int error = ready();

    if (error < 0)
        return error;
    if (outsz < crypto_pwhash_STRBYTES)
        GK_BUG("password hash buffer too small");
    while (sem_wait(&slots) != 0)
        ;
    if (crypto_pwhash_str_alg(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        gk_error_set(GK_ERRCLASS_HTTP, "out of memory while hashing the password");
        error = GK_ENOMEM;
    }
    sem_post(&slots);
    return error;
}

bool gk_http__password_verify(const char *pwhash, const char *password)
{
    bool ok;

    if (ready() < 0)
        return false;
    while (sem_wait(&slots) != 0)
        ;
    ok = crypto_pwhash_str_verify(pwhash, password, strlen(password)) == 0;
    sem_post(&slots);
    return ok;
}
