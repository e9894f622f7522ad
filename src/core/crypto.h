/* crypto.h — what the core uses from libsodium, and name-based ids.  Core
 * only; the rest of lup sees lup/sha256.h. */
#ifndef LUP_CORE_CRYPTO_H
#define LUP_CORE_CRYPTO_H

#include <stddef.h>

#define LUP_KEY_BYTES 32   /* a team key */
#define LUP_MAC_BYTES 32   /* HMAC-SHA256 */

/* Bytes as lower-case hex (2n characters and a NUL), and back: 0, or -1
 * when s does not start with 2n hex digits. */
void lup_hex(const unsigned char *b, size_t n, char *out);
int lup_unhex(const char *s, unsigned char *out, size_t n);

/* HMAC-SHA256 with a 32-byte key, in pieces. */
typedef struct lup_hmac {
	_Alignas(16) unsigned char opaque[256];
} lup_hmac;
void lup_hmac_init(lup_hmac *h, const unsigned char key[LUP_KEY_BYTES]);
void lup_hmac_add(lup_hmac *h, const void *data, size_t n);
void lup_hmac_final(lup_hmac *h, unsigned char out[LUP_MAC_BYTES]);
/* 0 when mac is data's HMAC under key (compared in constant time). */
int lup_hmac_verify(const unsigned char key[LUP_KEY_BYTES], const void *data, size_t n,
                    const unsigned char mac[LUP_MAC_BYTES]);

/* Cryptographic random bytes; -1 when none can be had. */
int lup_random(void *buf, size_t n);

/* A UUID's 16 bytes as 36 characters and back (-1: not a UUID). */
void lup_uuid_format(const unsigned char b[16], char out[37]);
int lup_uuid_parse(const char *s, unsigned char out[16]);

/* A name-based id: the same kind and parts give the same id on every
 * laptop, so one fact entered on two of them is one row.  SHA-256 over
 * lup's namespace, the kind and the parts (each NUL-ended), cut to a
 * version 8 UUID as RFC 9562 describes for name-based ids with a hash
 * other than SHA-1.  A NULL part counts as "". */
void lup_uuid_name(char out[37], const char *kind, int n, const char *const *parts);

#endif
