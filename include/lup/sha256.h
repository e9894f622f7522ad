/* sha256.h — SHA-256 (FIPS 180-4) through libsodium, for content hashes of
 * imported files and for lup sync hash. */
#ifndef LUP_SHA256_H
#define LUP_SHA256_H

#include <stddef.h>

/* libsodium's state, kept opaque so that callers need not include
 * sodium.h (crypto.c checks that it fits). */
typedef struct lup_sha256 {
	_Alignas(16) unsigned char opaque[128];
} lup_sha256;

void lup_sha256_init(lup_sha256 *s);
void lup_sha256_add(lup_sha256 *s, const void *data, size_t n);
/* The digest as 64 lower-case hex digits and a NUL. */
void lup_sha256_hex(lup_sha256 *s, char out[65]);
/* The digest as 32 bytes. */
void lup_sha256_final(lup_sha256 *s, unsigned char out[32]);

#endif
