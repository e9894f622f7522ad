/* rank.c — ordering a small search's matches by rank (rank.h). */
#include <stdlib.h>
#include <string.h>
#include "lup/match.h"
#include "lup/util.h"
#include "tui/rank.h"

void tui_ref_rank(struct tui_ref *refs, int n, const char *text)
{
	int *rank;
	if (n < 2 || lup_blank(text) || !(rank = malloc((size_t)n * sizeof *rank)))
		return;
	for (int i = 0; i < n; i++)
		rank[i] = lup_match_rank(refs[i].label, text);
	/* insertion sort: stable, and n is a screenful */
	for (int i = 1; i < n; i++) {
		struct tui_ref r = refs[i];
		int k = rank[i], j = i - 1;
		while (j >= 0 && rank[j] > k) {
			refs[j + 1] = refs[j];
			rank[j + 1] = rank[j];
			j--;
		}
		refs[j + 1] = r;
		rank[j + 1] = k;
	}
	free(rank);
}
