/* match.h — how well a text matches what someone typed to find it, the one
 * ranking every pick list, search and filter uses: the whole text first,
 * then texts that start with it, then a word that does, then the letters
 * found inside a word.  Case and diacritics do not count ("oberg" is a
 * word start of "Kjell Öberg" and inside "Sjöberg"). */
#ifndef LUP_MATCH_H
#define LUP_MATCH_H

enum lup_match {
	LUP_MATCH_EXACT = 1,   /* the whole text */
	LUP_MATCH_PREFIX,      /* the text starts with it */
	LUP_MATCH_WORD,        /* a later word starts with it */
	LUP_MATCH_INSIDE,      /* found inside a word */
	LUP_MATCH_NONE         /* not found: ranks after every match */
};

/* The rank of text for query, both as typed (folded here; leading and
 * trailing spaces of the query do not count).  An empty query is a
 * prefix of everything; NULL is an empty string.  Memory running out
 * gives LUP_MATCH_NONE. */
enum lup_match lup_match_rank(const char *text, const char *query);
/* The same for texts already folded with lup_fold (query trimmed). */
enum lup_match lup_match_folded(const char *ftext, const char *fquery);

#endif
