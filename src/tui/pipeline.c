/* pipeline.c — every placement, grouped by status (proposed, agreed,
 * confirmed, completed, cancelled) with how many are in each; > moves
 * the focused one on, x cancels it with a reason; S shows one status
 * only (named on the tab bar; Esc shows all again).  The list is
 * placement_list.c's. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/util.h"
#include "tui/picker.h"
#include "tui/shadowing.h"

enum { TAG_STATUS = 1 };

/* ---- the status pick list ---- */

/* Does the label or the keyword of a status hold what was typed? */
static int status_matches(const char *want, const char *label, const char *key)
{
	char *f;
	int hit;
	if (!want[0])
		return 1;
	if (!(f = lup_fold(label)))
		return 0;
	hit = strstr(f, want) != NULL || strncmp(key, want, strlen(want)) == 0;
	free(f);
	return hit;
}

static int pick_status(tui_app *app, void *ud, const char *text, struct tui_pick *out, int max,
                       lup_err *err)
{
	char *want = lup_fold(text);
	int n = 0;
	(void)app; (void)ud;
	if (!want)
		return lup_err_oom(err);
	lup_trim(want);
	snprintf(out[n].value, sizeof out[n].value, "%s", "");
	snprintf(out[n].label, sizeof out[n].label, "%s", _("All statuses"));
	n++;
	for (int st = 0; st < LUP_PS_COUNT && n < max; st++) {
		const char *label = lup_pstatus_label((enum lup_pstatus)st);
		const char *key = lup_pstatus_key((enum lup_pstatus)st);
		if (!status_matches(want, label, key))
			continue;
		snprintf(out[n].value, sizeof out[n].value, "%s", key);
		snprintf(out[n].label, sizeof out[n].label, "%s", label);
		n++;
	}
	free(want);
	return n;
}

/* What the tab bar shows on its right: the status shown, if only one. */
static void note(struct tui_lscreen *ls, char *buf, size_t n)
{
	struct tui_plist *pl = (struct tui_plist *)ls;
	if (pl->status != LUP_PS_ANY)
		snprintf(buf, n, _("Status: %s"), lup_pstatus_label((enum lup_pstatus)pl->status));
}

/* ---- the screen ---- */

static void load(struct tui_lscreen *ls, tui_app *app)
{
	(void)app;
	if (!((struct tui_plist *)ls)->counts_ok)
		tui_plist_count((struct tui_plist *)ls);
}

/* The counts above the list: with one status shown, only its count (the
 * line agrees with the list). */
static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct tui_plist *pl = (struct tui_plist *)ls;
	int x = r.x + 2, end = r.x + r.w - 1, y = r.y;
	(void)app;
	if (!pl->counts_ok)
		return;
	for (int st = 0, first = 1; st < LUP_PS_COUNT && x < end; st++) {
		char b[96];
		if (pl->status != LUP_PS_ANY && st != pl->status)
			continue;
		snprintf(b, sizeof b, "%s%s %ld", first ? "" : "· ", lup_pstatus_label((enum lup_pstatus)st),
		         pl->counts[st]);
		x += tui_put(y, x, end - x, b, tui_attr(tui_pstatus_style((enum lup_pstatus)st)), 0) + 1;
		first = 0;
	}
	if (pl->status != LUP_PS_ANY && x < end - 4)
		tui_put(y, x + 1, end - x - 1, _("(one status shown: Esc shows every status)"),
		        tui_attr(TUI_S_DIM), 0);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct tui_plist *pl = (struct tui_plist *)ls;
	switch (a) {
	case TUI_A_FILTER_STATUS:
		return tui_push(app, tui_picker(app, _("Status"), _("Type part of a status to narrow the list"),
		                                pick_status, pl), TAG_STATUS);
	case TUI_A_BACK:
		/* after the text filter (the list's), Esc shows every status again */
		if (pl->status != LUP_PS_ANY) {
			tui_plist_set_status(pl, LUP_PS_ANY);
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	default:
		return tui_plist_action(ls, app, a, row);
	}
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	if (tag == TAG_STATUS) {
		if (result == TUI_SAVED) {
			const char *v = tui_picker_value(child);
			tui_plist_set_status((struct tui_plist *)ls, v[0] ? lup_pstatus_parse(v) : LUP_PS_ANY);
		}
		return TUI_REDRAW;
	}
	return tui_plist_result(ls, app, child, tag, result);
}

static int offers(struct tui_lscreen *ls, enum tui_action a)
{
	(void)ls;
	return a != TUI_A_LOG_ADD;
}

static void destroy(struct tui_lscreen *ls)
{
	tui_plist_free((struct tui_plist *)ls);
}

static const struct tui_lscreen_def def = {
	TUI_PLIST_DEF,
	.name = N_("Pipeline"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PLACEMENTS) |
	            TUI_CTXBIT(TUI_CTX_DOCUMENTS),
	.head = 1,
	.load = load, .draw = draw, .note = note, .idle = tui_plist_idle,
	.action = action, .result = result, .offers = offers, .destroy = destroy,
};

tui_screen *tui_pipeline_view(tui_app *app)
{
	struct tui_plist *pl = tui_lscreen_new(app, &def, sizeof *pl);
	if (!pl)
		return NULL;
	tui_plist_init(pl, NULL);
	return &pl->ls.base;
}
