/* sha256.h — SHA-256 (FIPS 180-4), for content hashes of imported files. */
#ifndef LUP_SHA256_H
#define LUP_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct lup_sha256 {
	uint32_t h[8];
	uint64_t len;            /* bytes hashed so far */
	unsigned char blk[64];
	size_t fill;             /* bytes waiting in blk */
} lup_sha256;

void lup_sha256_init(lup_sha256 *s);
void lup_sha256_add(lup_sha256 *s, const void *data, size_t n);
/* The digest as 64 lower-case hex digits and a NUL. */
void lup_sha256_hex(lup_sha256 *s, char out[65]);

#endif
