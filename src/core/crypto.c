/* crypto.c — SHA-256, HMAC-SHA256 and name-based ids, through libsodium. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include "core/crypto.h"
#include "core/internal.h"
#include "lup/sha256.h"

_Static_assert(sizeof(crypto_hash_sha256_state) <= sizeof(((lup_sha256 *)0)->opaque),
               "lup_sha256 must hold libsodium's state");

static void ready(void)
{
	/* Idempotent and thread-safe; -1 only when no randomness source is
	 * usable, which the hashes here do not need. */
	if (sodium_init() < 0)
		return;
}

void lup_sha256_init(lup_sha256 *s)
{
	ready();
	crypto_hash_sha256_init((crypto_hash_sha256_state *)(void *)s->opaque);
}

void lup_sha256_add(lup_sha256 *s, const void *data, size_t n)
{
	crypto_hash_sha256_update((crypto_hash_sha256_state *)(void *)s->opaque, data, n);
}

void lup_sha256_final(lup_sha256 *s, unsigned char out[32])
{
	crypto_hash_sha256_final((crypto_hash_sha256_state *)(void *)s->opaque, out);
}

void lup_sha256_hex(lup_sha256 *s, char out[65])
{
	unsigned char d[32];
	lup_sha256_final(s, d);
	lup_hex(d, sizeof d, out);
}

void lup_hex(const unsigned char *b, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * n] = '\0';
}

int lup_unhex(const char *s, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int v = 0;
		for (int k = 0; k < 2; k++) {
			char c = s[2 * i + k];
			int d = c >= '0' && c <= '9' ? c - '0'
			      : c >= 'a' && c <= 'f' ? c - 'a' + 10
			      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (d < 0)
				return -1;
			v = v * 16 + d;
		}
		out[i] = (unsigned char)v;
	}
	return 0;
}

void lup_hmac_init(lup_hmac *h, const unsigned char key[LUP_KEY_BYTES])
{
	ready();
	crypto_auth_hmacsha256_init((crypto_auth_hmacsha256_state *)(void *)h->opaque, key, LUP_KEY_BYTES);
}

void lup_hmac_add(lup_hmac *h, const void *data, size_t n)
{
	crypto_auth_hmacsha256_update((crypto_auth_hmacsha256_state *)(void *)h->opaque, data, n);
}

void lup_hmac_final(lup_hmac *h, unsigned char out[LUP_MAC_BYTES])
{
	crypto_auth_hmacsha256_final((crypto_auth_hmacsha256_state *)(void *)h->opaque, out);
}

int lup_hmac_verify(const unsigned char key[LUP_KEY_BYTES], const void *data, size_t n,
                    const unsigned char mac[LUP_MAC_BYTES])
{
	ready();
	return crypto_auth_hmacsha256_verify(mac, data, n, key) == 0 ? 0 : -1;
}

_Static_assert(sizeof(crypto_auth_hmacsha256_state) <= sizeof(((lup_hmac *)0)->opaque),
               "lup_hmac must hold libsodium's state");

int lup_random(void *buf, size_t n)
{
	if (sodium_init() < 0)
		return -1;
	randombytes_buf(buf, n);
	return 0;
}

void lup_uuid_format(const unsigned char b[16], char out[37])
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0, o = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[36] = '\0';
}

int lup_uuid_parse(const char *s, unsigned char out[16])
{
	char h[33];
	int o = 0;
	if (!s || strlen(s) != 36)
		return -1;
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return -1;
			continue;
		}
		h[o++] = s[i];
	}
	h[32] = '\0';
	return lup_unhex(h, out, 16);
}

/* lup's namespace for name-based ids (itself a random id, fixed forever). */
static const unsigned char lup_ns[16] = {
	0x5e, 0x1f, 0x6a, 0x0c, 0x93, 0x2b, 0x4f, 0x71,
	0xa4, 0x08, 0x3d, 0xc2, 0x6e, 0x95, 0x17, 0xb0
};

void lup_uuid_name(char out[37], const char *kind, int n, const char *const *parts)
{
	crypto_hash_sha256_state st;
	unsigned char d[32];

	ready();
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, lup_ns, sizeof lup_ns);
	crypto_hash_sha256_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
	for (int i = 0; i < n; i++) {
		const char *p = parts[i] ? parts[i] : "";
		crypto_hash_sha256_update(&st, (const unsigned char *)p, strlen(p) + 1);
	}
	crypto_hash_sha256_final(&st, d);
	d[6] = (unsigned char)((d[6] & 0x0f) | 0x80);  /* version 8 (RFC 9562) */
	d[8] = (unsigned char)((d[8] & 0x3f) | 0x80);  /* RFC 4122/9562 variant */
	lup_uuid_format(d, out);
}

void lup_id_attendance(char out[37], const char *session_id, const char *person_id)
{
	const char *p[] = { session_id, person_id };
	lup_uuid_name(out, "attendance", 2, p);
}

void lup_id_enrolment(char out[37], const char *cohort_id, const char *person_id)
{
	const char *p[] = { cohort_id, person_id };
	lup_uuid_name(out, "enrolment", 2, p);
}

void lup_id_rating(char out[37], const char *checkin_id, const char *competence_id)
{
	const char *p[] = { checkin_id, competence_id };
	lup_uuid_name(out, "rating", 2, p);
}

void lup_id_target(char out[37], const char *framework_id, const char *identity, const char *role_key,
                   const char *person_id, const char *valid_from)
{
	const char *p[] = { framework_id, identity, role_key ? "role" : "person", role_key ? role_key : person_id,
	                    valid_from };
	lup_uuid_name(out, "target", 5, p);
}
