/* map.c — text keys to numbers over uthash (map.h).
 *
 * uthash keeps its links in each entry; the entries (and the keys the map
 * copies) are cut from blocks of 64 KiB, freed together by
 * lup_map_clear.  The hash and the comparison follow the map's nocase:
 * uthash's HASH_FUNCTION and HASH_KEYCMP are macros, expanded where the
 * functions below use the table, each of which has the map's nocase in
 * a local `nocase_`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lup/map.h"

#define HASH_NONFATAL_OOM 1
#define HASH_FUNCTION(keyptr, keylen, hashv) ((hashv) = key_hash(nocase_, (keyptr), (keylen)))
#define HASH_KEYCMP(a, b, n) key_cmp(nocase_, (a), (b), (n))
#include <uthash.h>

/* An entry fills one cache line: a look-up that walks a bucket's chain
 * reads one line for each entry it passes. */
struct lup_map_ent {
	UT_hash_handle hh;
	size_t value;
} __attribute__((aligned(64)));

/* Entries are cut from the front of a block, copied keys from its back. */
struct lup_map_block {
	struct lup_map_block *next;
	size_t front, back;   /* data[0, front) entries, data[back, BLOCK) keys */
	char pad[64 - sizeof(void *) - 2 * sizeof(size_t)];
	struct lup_map_ent data[];
};

#define BLOCK (1024 * sizeof(struct lup_map_ent))   /* 64 KiB */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Eight bytes at a time when case counts: keys are mostly lup's ids of
 * 36 characters, looked up once for each row of the largest tables. */
static unsigned key_hash(int nocase, const void *key, size_t n)
{
	const unsigned char *s = key;
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	size_t i = 0;
	if (!nocase)
		for (; i + 8 <= n; i += 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			h = (h ^ w) * 0xff51afd7ed558ccdULL;
			h ^= h >> 32;
		}
	for (; i < n; i++)
		h = (h ^ (unsigned char)(nocase ? lower(s[i]) : s[i])) * 0x100000001b3ULL;
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return (unsigned)(h ^ (h >> 32));
}

static int key_cmp(int nocase, const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	if (!nocase)
		return memcmp(a, b, n);
	for (size_t i = 0; i < n; i++)
		if (lower(x[i]) != lower(y[i]))
			return 1;
	return 0;
}

/* Room in the newest block for an entry (key NULL) or a copy of key (len
 * bytes and its NUL); a new block when it is full.  NULL out of memory. */
static void *carve(lup_map *m, const char *key, size_t len)
{
	struct lup_map_block *b = m->blocks;
	size_t need = key ? len + 1 : sizeof(struct lup_map_ent);
	void *at;
	if (key && need > BLOCK / 4) {
		/* a long key: a block of its own, after the newest */
		struct lup_map_block *k = aligned_alloc(64, (sizeof *k + need + 63) / 64 * 64);
		if (!k)
			return NULL;
		k->front = k->back = 0;
		if (b) {
			k->next = b->next;
			b->next = k;
		} else {
			k->next = NULL;
			m->blocks = k;
		}
		memcpy(k->data, key, len + 1);
		return k->data;
	}
	if (!b || b->back - b->front < need) {
		if (!(b = aligned_alloc(64, sizeof *b + BLOCK)))
			return NULL;
		b->front = 0;
		b->back = BLOCK;
		b->next = m->blocks;
		m->blocks = b;
	}
	if (key) {
		b->back -= need;
		at = (char *)b->data + b->back;
		memcpy(at, key, len + 1);
	} else {
		at = (char *)b->data + b->front;
		b->front += sizeof(struct lup_map_ent);
	}
	return at;
}

static struct lup_map_ent *find(const lup_map *m, const char *key, size_t len, unsigned hashv)
{
	int nocase_ = m->nocase;
	struct lup_map_ent *e;
	HASH_FIND_BYHASHVALUE(hh, m->head, key, len, hashv, e);
	return e;
}

/* Add key (kept as it is: the caller's, or a copy in the blocks). */
static int add(lup_map *m, const char *key, size_t len, unsigned hashv, size_t value)
{
	int nocase_ = m->nocase;
	struct lup_map_ent *e = carve(m, NULL, 0);
	if (!e)
		return -1;
	memset(e, 0, sizeof *e);
	e->value = value;
	HASH_ADD_KEYPTR_BYHASHVALUE(hh, m->head, key, len, hashv, e);
	if (!e->hh.tbl)   /* uthash ran out of memory: e is not in the table */
		return -1;
	m->n++;
	(void)nocase_;
	return 0;
}

long lup_map_get(const lup_map *m, const char *key)
{
	struct lup_map_ent *e;
	size_t len;
	if (!key || !m->head)
		return -1;
	len = strlen(key);
	e = find(m, key, len, key_hash(m->nocase, key, len));
	return e ? (long)e->value : -1;
}

int lup_map_put(lup_map *m, const char *key, size_t value)
{
	size_t len = strlen(key);
	unsigned h = key_hash(m->nocase, key, len);
	struct lup_map_ent *e = m->head ? find(m, key, len, h) : NULL;
	if (e) {
		e->value = value;
		return 0;
	}
	return add(m, key, len, h, value);
}

long lup_map_intern(lup_map *m, const char *key)
{
	size_t len = strlen(key);
	unsigned h = key_hash(m->nocase, key, len);
	struct lup_map_ent *e = m->head ? find(m, key, len, h) : NULL;
	char *copy;
	if (e)
		return (long)e->value;
	if (!(copy = carve(m, key, len)))
		return -1;
	if (add(m, copy, len, h, m->n) < 0)
		return -1;
	return (long)m->n - 1;
}

size_t lup_map_count(const lup_map *m)
{
	return m->n;
}

void lup_map_clear(lup_map *m)
{
	struct lup_map_block *b = m->blocks;
	HASH_CLEAR(hh, m->head);
	while (b) {
		struct lup_map_block *next = b->next;
		free(b);
		b = next;
	}
	m->blocks = NULL;
	m->n = 0;
}

int lup_map_next(const lup_map *m, lup_map_iter *it)
{
	const struct lup_map_ent *e;
	if (it->at)
		e = it->at->hh.next;
	else
		e = it->key ? NULL : m->head;   /* a key and no entry: the end was reached */
	if (!e) {
		it->at = NULL;
		if (!it->key)
			it->key = "";
		return 0;
	}
	it->at = e;
	it->key = e->hh.key;
	it->value = e->value;
	return 1;
}
