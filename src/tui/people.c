/* people.c — the People section's first screen: the list of people with
 * their unit, role, e-mail and programme status; open, add, edit, delete,
 * filter, sort (list_screen.h), and import a file of people. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/import.h"
#include "tui/people.h"

enum { TAG_IMPORT = 1 };
enum { C_NAME, C_UNIT, C_ROLE, C_EMAIL, C_STATUS, NCOLS };

static const struct tui_col cols[NCOLS] = {
	{ N_("Name"), 16, 5, 0 },
	{ N_("Unit"), 10, 3, 0 },
	{ N_("Role"), 10, 3, 0 },
	{ N_("E-mail"), 12, 6, 0 },
	{ N_("Programme"), 12, 4, 0 },
};

static enum tui_style status_style(const char *status)
{
	if (strcmp(status, "completed") == 0) return TUI_S_GOOD;
	if (strcmp(status, "waitlisted") == 0) return TUI_S_WARN;
	if (strcmp(status, "withdrawn") == 0) return TUI_S_DIM;
	return TUI_S_NORMAL;
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_person_row *p = row;
	(void)ls;
	if (p->active) {
		c->text[C_NAME] = p->name;
	} else {
		tui_cell_printf(c, C_NAME, "%s (%s)", p->name, _("inactive"));
		c->style[C_NAME] = TUI_S_DIM;
	}
	c->text[C_UNIT] = p->org_unit;
	c->text[C_ROLE] = p->role;
	c->text[C_EMAIL] = p->email;
	if (p->status[0]) {
		tui_cell_printf(c, C_STATUS, p->cohort[0] ? "%s · %s" : "%s%s",
		                tui_enrolment_status_word(p->status), p->cohort);
		c->style[C_STATUS] = status_style(p->status);
	} else {
		c->text[C_STATUS] = p->active ? "" : _("inactive");
	}
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("Nobody here yet: press a to add a person.");
}

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	return tui_person_view(ls->app, ((const struct lup_person_row *)row)->id);
}

static tui_screen *form(struct tui_lscreen *ls, const void *row)
{
	return tui_person_form(ls->app, row ? ((const struct lup_person_row *)row)->id : NULL);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	(void)ls; (void)row;
	if (a == TUI_A_IMPORT)   /* after it, enter() fetches the list and counts again */
		return tui_push(app, tui_import_form(app), TAG_IMPORT);
	return TUI_UNHANDLED;
}

static const struct tui_lscreen_def def = {
	.name = N_("People"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PEOPLE),
	.row_size = sizeof(struct lup_person_row),
	.id_offset = offsetof(struct lup_person_row, id),
	.nsorts = LUP_PSORT_COUNT,
	.cols = cols, .ncols = NCOLS,
	.page = tui_people_page, .count = tui_people_count, .position = tui_people_position,
	.fetch_one = tui_people_fetch_one,
	.cells = cells, .sort_name = tui_people_sort_name, .empty_text = empty_text,
	.open = open_row, .form = form, .form_id = tui_person_form_id, .deleter = &tui_person_deleter,
	.action = action,
};

tui_screen *tui_people_screen(tui_app *app)
{
	struct tui_lscreen *ls = tui_lscreen_new(app, &def, sizeof *ls);
	return ls ? &ls->base : NULL;
}
