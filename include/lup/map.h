/* map.h — text keys to numbers (an index into the owner's array): the one
 * hash map of lup, over uthash.
 *
 *	lup_map m = LUP_MAP_INIT;          (or LUP_MAP_NOCASE)
 *	lup_map_put(&m, code, i);          the key stays the caller's
 *	lup_map_intern(&m, id);            the key is copied into the map
 *	lup_map_get(&m, code);             its number, or -1
 *	lup_map_clear(&m);
 *
 * Entries and copied keys live in 64 KiB blocks the map owns, so a map
 * of a hundred thousand keys makes about a hundred allocations, not a
 * hundred thousand. */
#ifndef LUP_MAP_H
#define LUP_MAP_H

#include <stddef.h>

struct lup_map_ent;
struct lup_map_block;

typedef struct lup_map {
	struct lup_map_ent *head;        /* uthash's table */
	struct lup_map_block *blocks;    /* entries and copied keys */
	size_t n;
	int nocase;                      /* ASCII letters' case ignored, as SQLite's NOCASE */
} lup_map;

#define LUP_MAP_INIT   { NULL, NULL, 0, 0 }
#define LUP_MAP_NOCASE { NULL, NULL, 0, 1 }

/* The number of key, or -1 when it is not there (or key is NULL). */
long lup_map_get(const lup_map *m, const char *key);
/* key → value; key must outlive the map (it points at the owner's row).
 * A key already there takes the new value.  0, or -1 out of memory. */
int lup_map_put(lup_map *m, const char *key, size_t value);
/* The number of key; a new key is added, copied, as the next number (the
 * count of keys before it).  -1 out of memory.  A caller tells a new key
 * by lup_map_count growing. */
long lup_map_intern(lup_map *m, const char *key);
size_t lup_map_count(const lup_map *m);
/* Frees what the map holds and empties it (nocase is kept). */
void lup_map_clear(lup_map *m);

/* Each entry in the order it was added:
 *	for (lup_map_iter it = { 0 }; lup_map_next(&m, &it); ) … it.key, it.value */
typedef struct lup_map_iter {
	const char *key;
	size_t value;
	const struct lup_map_ent *at;
} lup_map_iter;
int lup_map_next(const lup_map *m, lup_map_iter *it);

#endif
