/* comp_due.c — the Due list: who is overdue for a competence check-in
 * (and by how many days), who is due soon (and when), who was never
 * assessed; filtered as you type, Enter opens the person's check-ins, R
 * starts a round of check-ins for the focused person's unit or role (or
 * a cohort, or everyone). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/list_screen.h"

enum { TAG_ROUND = 1 };
enum { C_NAME, C_UNIT, C_ROLE, C_DUE, C_LAST, NCOLS };

struct due {
	struct tui_lscreen ls;
	long counts[4];
	int counted;
	char *counted_filter;   /* the filter counts[] go with */
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Name"), 18, 3, 0 }, { N_("Unit"), 10, 4, 0 }, { N_("Role"), 10, 2, 0 },
	{ N_("Check-in"), 22, 2, 0 }, { N_("Latest"), 10, 0, 0 },
};

static void keep_filter(struct due *s, const char *filter)
{
	free(s->counted_filter);
	s->counted_filter = strdup(filter ? filter : "");
}

static struct lup_due_query query(struct tui_lscreen *ls)
{
	struct lup_due_query q;
	memset(&q, 0, sizeof q);
	q.today = lup_date_today();
	q.filter = tui_lscreen_filter(ls);
	return q;
}

static int page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct lup_due_query q = query(ls);
	return lup_due_page(tui_db(ls->app), tui_config(ls->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err)
{
	struct due *s = (struct due *)ls;
	struct lup_due_query q = query(ls);
	long all[4];
	/* without a filter, everyone's counts are the ones just made */
	if (lup_due_count(tui_db(ls->app), tui_config(ls->app), &q, s->counts, err) < 0)
		return -1;
	if (!q.filter || !*q.filter)
		memcpy(all, s->counts, sizeof all);
	else if (lup_due_count_all(tui_db(ls->app), tui_config(ls->app), &q, all, err) < 0)
		return -1;
	s->counted = 1;
	keep_filter(s, q.filter);
	*matching = s->counts[LUP_DUE_OVERDUE] + s->counts[LUP_DUE_SOON] + s->counts[LUP_DUE_NEVER];
	*total = all[LUP_DUE_OVERDUE] + all[LUP_DUE_SOON] + all[LUP_DUE_NEVER];
	return 0;
}

static long position(struct tui_lscreen *ls, const void *row, lup_err *err)
{
	struct lup_due_query q = query(ls);
	return lup_due_position(tui_db(ls->app), tui_config(ls->app), &q, row, err);
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_due_row *p = row;
	(void)ls;
	c->text[C_NAME] = p->name;
	c->text[C_UNIT] = p->org_unit;
	c->text[C_ROLE] = p->role;
	tui_comp_due_text(p->state, p->due, p->days, c->buf[C_DUE], sizeof c->buf[C_DUE]);
	c->text[C_DUE] = c->buf[C_DUE];
	c->style[C_DUE] = p->state == LUP_DUE_OVERDUE ? TUI_S_BAD : p->state == LUP_DUE_SOON ? TUI_S_WARN
	                : TUI_S_DIM;
	c->text[C_LAST] = p->last[0] ? p->last : "–";
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("Nobody is due for a check-in.");
}

/* The counts above the list. */
static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct due *s = (struct due *)ls;
	char line[256];
	int x = r.x + 2;
	(void)app;
	if (!s->counted)
		return;
	snprintf(line, sizeof line, _("Overdue: %ld"), s->counts[LUP_DUE_OVERDUE]);
	x += tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_BAD), 0) + 3;
	snprintf(line, sizeof line, _("Due soon: %ld"), s->counts[LUP_DUE_SOON]);
	x += tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_WARN), 0) + 3;
	snprintf(line, sizeof line, _("Never assessed: %ld"), s->counts[LUP_DUE_NEVER]);
	x += tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_NORMAL), 0) + 3;
	snprintf(line, sizeof line, _("Up to date: %ld"), s->counts[LUP_DUE_OK]);
	tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_DIM), 0);
}

static int idle(struct tui_lscreen *ls, tui_app *app)
{
	struct due *s = (struct due *)ls;
	const char *f = tui_lscreen_filter(ls);
	/* When every match fits on the screen the list does not count them
	 * again; the counts above it follow the filter all the same. */
	if (s->counted && !ls->list.count_pending &&
	    (!s->counted_filter || strcmp(s->counted_filter, f) != 0)) {
		struct lup_due_query q = query(ls);
		lup_err err;
		lup_err_clear(&err);
		if (lup_due_count(tui_db(app), tui_config(app), &q, s->counts, &err) < 0)
			tui_error(app, "%s", err.msg);
		keep_filter(s, f);
		return TUI_REDRAW;
	}
	return 0;
}

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	return tui_comp_person(ls->app, ((const struct lup_due_row *)row)->id);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	const struct lup_due_row *p = row;
	(void)ls;
	if (a == TUI_A_ROUND)
		return tui_push(app, tui_comp_round_form(app, p ? p->org_unit : NULL, p ? p->role : NULL), TAG_ROUND);
	return TUI_UNHANDLED;
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)ls;
	if (tag == TAG_ROUND && result == TUI_SAVED)
		tui_status(app, "%s", tui_comp_round_done(child));
	return TUI_REDRAW;   /* enter() reloads */
}

static void destroy(struct tui_lscreen *ls)
{
	free(((struct due *)ls)->counted_filter);
}

static const struct tui_lscreen_def def = {
	.name = N_("Due for a check-in"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_DUE),
	.row_size = sizeof(struct lup_due_row),
	.cols = cols, .ncols = NCOLS, .head = 1,
	.page = page, .count = count, .position = position,
	.cells = cells, .empty_text = empty_text, .draw = draw,
	.idle = idle, .open = open_row, .action = action, .result = result, .destroy = destroy,
};

tui_screen *tui_comp_due_view(tui_app *app)
{
	struct due *s = tui_lscreen_new(app, &def, sizeof *s);
	return s ? &s->ls.base : NULL;
}
