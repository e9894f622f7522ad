/* calendar_pick.c — choose whose calendar to show: every cohort (the first
 * row) or one, from the cohorts by start date (programme_common.c's
 * list, paged by keyset). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/calendar_int.h"
#include "tui/programme.h"

enum { P_NAME, P_DATES, P_STATUS, P_SESSIONS, NPCOLS };

struct picker {
	struct tui_cohorts c;
	char current[LUP_ID_SIZE];
};

static const struct tui_col cols[NPCOLS] = {
	{ NULL, 16, 5, 0 }, { NULL, 23, 0, 0 }, { NULL, 8, 1, 0 }, { NULL, 8, 0, TUI_RIGHT },
};

static const char *title(struct tui_lscreen *ls, int col)
{
	(void)ls;
	switch (col) {
	case P_NAME: return C_("calendar", "Cohort");
	case P_DATES: return C_("calendar", "Dates");
	case P_STATUS: return C_("calendar", "Status");
	default: return C_("calendar", "Sessions");
	}
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	struct picker *s = (struct picker *)ls;
	const struct lup_cohort_row *r = row;
	const char *name = r->id[0] ? r->name : C_("calendar", "All cohorts");
	tui_cell_printf(c, P_NAME, "%s%s", name, strcmp(r->id, s->current) == 0 ? _(" (shown)") : "");
	if (!r->id[0]) {
		c->add[P_NAME] = A_BOLD;
		return;
	}
	tui_cell_printf(c, P_DATES, "%s – %s", r->start_date[0] ? r->start_date : "?",
	                r->end_date[0] ? r->end_date : "?");
	c->text[P_STATUS] = lup_cohort_status_label(r->status);
	tui_cell_printf(c, P_SESSIONS, "%ld", r->sessions);
}

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	(void)ls; (void)app;
	tui_put(r.y, r.x + 1, r.w / 2, _("Whose calendar? Enter shows it"), tui_attr(TUI_S_TITLE), 0);
}

static const struct tui_lscreen_def def = {
	TUI_COHORTS_DEF,
	.name = N_("Whose calendar"),
	.contexts = TUI_LS_CONTEXTS,
	.cols = cols, .ncols = NPCOLS,
	.cells = cells, .title = title, .draw = draw, .pick = tui_cohorts_pick,
};

tui_screen *cal_cohort_picker(tui_app *app, const char *current_id)
{
	struct picker *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	s->c.all_row = 1;
	snprintf(s->current, sizeof s->current, "%s", current_id ? current_id : "");
	return &s->c.ls.base;
}

void cal_picked(tui_screen *picker, char id[LUP_ID_SIZE], char name[128])
{
	struct picker *s = tui_lscreen_of(picker, &def);
	id[0] = name[0] = 0;
	if (!s)
		return;
	snprintf(id, LUP_ID_SIZE, "%s", s->c.picked_id);
	snprintf(name, 128, "%s", s->c.picked_name);
}
