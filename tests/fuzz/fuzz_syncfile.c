/* fuzz_syncfile.c — libFuzzer harness for the change-file reader (lup sync
 * apply, lup sync DIR): any bytes must be read or refused cleanly, never
 * crash or leak.  Each input is read twice: as it is (the signature almost
 * never matches: that check and the messages around it), and signed again
 * with the harness's key after its last 32 bytes are cut off, so that a
 * mutated body reaches the header, entry and changeset checks.  The seeds
 * (tests/fuzz/seed/syncfile) are files written with that key: 00 01 … 1f. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/crypto.h"
#include "core/sync_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_one(const unsigned char *buf, size_t n, const lup_sync_key *key)
{
	lup_sync_file *f;
	lup_err err;
	if (lup_sync_file_parse(buf, n, key, &f, &err) == 0) {
		struct lup_sync_file_info in;
		lup_sync_file_info(f, &in);
		/* What apply would walk: every entry's deps and changeset. */
		for (size_t i = 0; i < f->n; i++) {
			struct sync_vv vv = { 0 };
			lup_vv_decode(f->e[i].deps, f->e[i].ndeps, &vv);
			lup_vv_clear(&vv);
		}
		lup_sync_file_free(f);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static lup_sync_key key;
	unsigned char *signed_buf;
	lup_hmac h;

	if (!key.id[0]) {
		for (int i = 0; i < 32; i++)
			key.k[i] = (unsigned char)i;
		strcpy(key.id, "38977ef3c8781d6e");   /* the team of that key */
	}
	read_one(data, size, &key);
	if (size < LUP_MAC_BYTES || !(signed_buf = malloc(size)))
		return 0;
	memcpy(signed_buf, data, size - LUP_MAC_BYTES);
	lup_hmac_init(&h, key.k);
	lup_hmac_add(&h, signed_buf, size - LUP_MAC_BYTES);
	lup_hmac_final(&h, signed_buf + size - LUP_MAC_BYTES);
	read_one(signed_buf, size, &key);
	free(signed_buf);
	return 0;
}
