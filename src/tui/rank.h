/* rank.h — the matches of a small search put in the order lup ranks every
 * search in (lup_match_rank): the whole label, its start, a word's start,
 * inside a word; equals keep their order. */
#ifndef LUP_TUI_RANK_H
#define LUP_TUI_RANK_H

#include "tui/form.h"

void tui_ref_rank(struct tui_ref *refs, int n, const char *text);

#endif
