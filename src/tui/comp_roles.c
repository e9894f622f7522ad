/* comp_roles.c — the roles that have target levels in a framework, with
 * how many competences each sets and how many people have the role (none:
 * a misspelling, or a role still to come); Enter edits a role's targets,
 * a starts a role, d removes all of a role's targets (asks first). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/list_screen.h"

enum { TAG_TARGETS = 1, TAG_NEW };
enum { C_ROLE, C_TARGETS, C_PEOPLE, NCOLS };

struct role_row {
	char role[201];
	long targets, people;
};

struct roles {
	struct tui_lscreen ls;
	char ident[LUP_FW_IDENT_MAX + 1];
	char name[300];
	struct role_row *rows;
	size_t n;
	struct lup_framework *fw;
	long active;   /* competences not retired */
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Role"), 0, 0, 0 }, { N_("Targets"), 0, 0, 0 }, { N_("People"), 0, 0, 0 },
};

static void load(struct tui_lscreen *ls, tui_app *app)
{
	struct roles *s = (struct roles *)ls;
	char id[LUP_UUID_LEN + 1];
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	ls->items = NULL;
	ls->nitems = 0;
	lup_framework_free(s->fw);
	s->fw = NULL;
	if (lup_framework_current(tui_db(app), s->ident, id, &err) < 0 ||
	    lup_framework_load(tui_db(app), id, &s->fw, &err) < 0) {
		tui_error(app, "%s", err.msg);
		s->fw = NULL;
		return;
	}
	snprintf(s->name, sizeof s->name, "%s", lup_fw_text(s->fw->name, s->fw->name_sv));
	s->active = 0;
	for (size_t c = 0; c < s->fw->ncomps; c++)
		s->active += !s->fw->comps[c].retired;
	{
		struct lup_target_role *roles;
		size_t n;
		if (lup_target_roles(tui_db(app), s->ident, &roles, &n, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return;
		}
		if (n && (s->rows = calloc(n, sizeof *s->rows))) {
			for (size_t r = 0; r < n; r++) {
				snprintf(s->rows[r].role, sizeof s->rows[r].role, "%s", roles[r].role);
				s->rows[r].targets = roles[r].targets;
				s->rows[r].people = roles[r].people;
			}
			s->n = n;
		}
		free(roles);
	}
	ls->items = s->rows;
	ls->nitems = (long)s->n;
}

/* Half the width for the role, a quarter each for the numbers. */
static void layout(struct tui_lscreen *ls, int w, int *colw)
{
	int width = w + 1;
	(void)ls;
	colw[C_ROLE] = width / 2 - 1;
	colw[C_TARGETS] = width / 4 - 1;
	colw[C_PEOPLE] = width / 4 - 1;
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	struct roles *s = (struct roles *)ls;
	const struct role_row *r = row;
	c->text[C_ROLE] = r->role;
	tui_cell_printf(c, C_TARGETS, ngettext("%ld of %ld competence", "%ld of %ld competences",
	                                       (unsigned long)s->active), r->targets, s->active);
	if (r->people) {
		tui_cell_printf(c, C_PEOPLE, ngettext("%ld has the role", "%ld have the role",
		                                      (unsigned long)r->people), r->people);
	} else {
		c->text[C_PEOPLE] = _("no one has it");
		c->style[C_PEOPLE] = TUI_S_WARN;
	}
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("No role has target levels yet: press a to start one.");
}

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct roles *s = (struct roles *)ls;
	char line[400];
	(void)app;
	snprintf(line, sizeof line, _("Target levels per role: %s (%s)"), s->name, s->ident);
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
}

/* ---- a new role: its name ---- */

static const struct tui_field_def role_fields[] = {
	{ "role", N_("Role"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 190, 0, 0, NULL, 0, NULL,
	  N_("As people's role is written, e.g. enhetschef (case does not matter)") },
};

struct role_form {
	char role[200];
};

static int role_save(void *ud, struct tui_form *f, lup_err *err)
{
	struct role_form *rf = ud;
	char *t = strdup(tui_form_get(f, "role"));
	if (!t)
		return lup_err_oom(err);
	lup_trim(t);
	if (!*t) {
		free(t);
		return lup_err_field(err, "role", "%s", _("a role needs a name"));
	}
	snprintf(rf->role, sizeof rf->role, "%s", t);
	free(t);
	return 0;
}

/* ---- the screen ---- */

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	struct roles *s = (struct roles *)ls;
	return tui_comp_targets(ls->app, s->ident, ((const struct role_row *)row)->role);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct roles *s = (struct roles *)ls;
	struct role_form *rf;
	char title[300];
	switch (a) {
	case TUI_A_EDIT:   /* a role is its targets */
		return row ? tui_push(app, open_row(ls, row), TUI_LS_TAG_OPEN) : 0;
	case TUI_A_ADD:
		if (!(rf = calloc(1, sizeof *rf)))
			return tui_push(app, NULL, 0);
		snprintf(title, sizeof title, _("A new role's targets in %s"), s->name);
		return tui_push(app, tui_form_screen(title, role_fields, 1, role_save, free, rf), TAG_NEW);
	default:
		return TUI_UNHANDLED;
	}
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	struct roles *s = (struct roles *)ls;
	if (tag == TAG_NEW && result == TUI_SAVED) {
		struct role_form *rf = tui_form_ud(child);
		if (rf && rf->role[0])
			return tui_push(app, tui_comp_targets(app, s->ident, rf->role), TAG_TARGETS);
	}
	return TUI_UNHANDLED;
}

/* ---- removing a role's targets ---- */

static int describe(tui_app *app, void *ud, const char *role, char *what, size_t n, lup_buf *detail,
                    lup_err *err)
{
	(void)app; (void)ud; (void)err;
	snprintf(what, n, _("every target level of %s"), role);
	lup_buf_puts(detail, _("People with this role then have no targets in this framework, unless "
	                       "they have their own. Ratings stay as they are."));
	return 0;
}

/* One transaction for the whole role. */
static int remove_role(tui_app *app, void *ud, const char *role, char *said, size_t n, lup_err *err)
{
	struct roles *s = ud;
	long removed = 0;
	if (!s->fw)
		return lup_err_set(err, LUP_EFAIL, "%s", _("no such framework"));
	if (lup_db_begin(tui_db(app), err) < 0)
		return -1;
	for (size_t t = 0; t < s->fw->ntargets; t++) {
		if (!lup_role_same(s->fw->targets[t].role, role))
			continue;
		if (lup_target_set(tui_db(app), s->ident, s->fw->targets[t].code, role, NULL,
		                   LUP_LEVEL_NONE, err) < 0) {
			lup_db_rollback(tui_db(app));
			return -1;
		}
		removed++;
	}
	if (lup_db_commit(tui_db(app), err) < 0)
		return -1;
	snprintf(said, n, ngettext("Deleted %ld target level of %s.", "Deleted %ld target levels of %s.",
	                           (unsigned long)removed), removed, role);
	return 0;
}

static const struct tui_deleter role_deleter = { describe, remove_role };

static void destroy(struct tui_lscreen *ls)
{
	struct roles *s = (struct roles *)ls;
	free(s->rows);
	lup_framework_free(s->fw);
}

static const struct tui_lscreen_def def = {
	.name = N_("Target levels per role"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD),
	.row_size = sizeof(struct role_row),
	.id_offset = offsetof(struct role_row, role),
	.flags = TUI_LS_NO_FILTER,
	.cols = cols, .ncols = NCOLS, .head = 1,
	.cells = cells, .layout = layout, .empty_text = empty_text, .draw = draw, .load = load,
	.open = open_row, .deleter = &role_deleter, .action = action, .result = result, .destroy = destroy,
};

tui_screen *tui_comp_roles(tui_app *app, const char *ident)
{
	struct roles *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	snprintf(s->ident, sizeof s->ident, "%s", ident);
	return &s->ls.base;
}
