/* comp_roles.c — the roles that have target levels in a framework, with
 * how many competences each sets and how many people have the role (none:
 * a misspelling, or a role still to come); Enter edits a role's targets,
 * a starts a role, d removes all of a role's targets (asks first). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/list.h"

enum { TAG_TARGETS = 1, TAG_NEW, TAG_DELETE };

struct role_row {
	long idx;
	char role[201];
	long targets, people;
};

struct roles {
	tui_screen base;
	tui_app *app;
	char ident[LUP_FW_IDENT_MAX + 1];
	char name[300];
	struct tui_list list;
	struct role_row *rows;
	size_t n;
	struct lup_framework *fw;
	long active;   /* competences not retired */
	char pending[201];
};

static void load(struct roles *s, tui_app *app)
{
	char id[LUP_UUID_LEN + 1];
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
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
				s->rows[r].idx = (long)r;
				snprintf(s->rows[r].role, sizeof s->rows[r].role, "%s", roles[r].role);
				s->rows[r].targets = roles[r].targets;
				s->rows[r].people = roles[r].people;
			}
			s->n = n;
		}
		free(roles);
	}
}

static int fetch(struct tui_list *l, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct roles *s = l->ud;
	const struct role_row *from = fromv;
	struct role_row *rows = rowsv;
	long first;
	int got = tui_list_span(from ? from->idx : -1, dir, n, (long)s->n, &first);
	(void)err;
	for (int k = 0; k < got; k++)
		rows[k] = s->rows[first + k];
	return got;
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct roles *s = l->ud;
	(void)err;
	*total = *matching = (long)s->n;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	(void)l; (void)err;
	return ((const struct role_row *)row)->idx;
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	(void)l;
	tui_put(y, x, width / 2, _("Role"), tui_attr(TUI_S_HEADER), 0);
	tui_put(y, x + width / 2, width / 4 - 1, _("Targets"), tui_attr(TUI_S_HEADER), 0);
	tui_put(y, x + width / 2 + width / 4, width / 4 - 1, _("People"), tui_attr(TUI_S_HEADER), 0);
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct roles *s = l->ud;
	const struct role_row *r = row;
	char b[96], p[96];
	snprintf(b, sizeof b, _("%ld of %ld competences"), r->targets, s->active);
	if (r->people)
		snprintf(p, sizeof p, ngettext("%ld has the role", "%ld have the role", (unsigned long)r->people),
		         r->people);
	else
		snprintf(p, sizeof p, "%s", _("no one has it"));
	tui_put(y, x, width / 2 - 1, r->role, a, 0);
	tui_put(y, x + width / 2, width / 4 - 1, b, a, 0);
	tui_put(y, x + width / 2 + width / 4, width / 4 - 1, p,
	        r->people || (a & A_REVERSE) ? a : tui_attr(TUI_S_WARN), 0);
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("No role has target levels yet: press a to start one.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

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
		return lup_err_set(err, LUP_EFAIL, "%s", _("out of memory"));
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

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct roles *s = (struct roles *)scr;
	tui_rect r = tui_area(app);
	r.y += 1;
	r.h -= 1;
	if (!s->fw)
		load(s, app);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct roles *s = (struct roles *)scr;
	load(s, app);
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct roles *s = (struct roles *)scr;
	tui_rect r = tui_area(app);
	char line[400];
	snprintf(line, sizeof line, _("Target levels per role: %s (%s)"), s->name, s->ident);
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	tui_list_draw(&s->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct roles *s = (struct roles *)scr;
	const struct role_row *f = tui_list_focused(&s->list);
	char q[300];
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN: case TUI_A_EDIT:
		return f ? tui_push(app, tui_comp_targets(app, s->ident, f->role), TAG_TARGETS) : 0;
	case TUI_A_ADD: {
		struct role_form *rf = calloc(1, sizeof *rf);
		tui_screen *fs;
		if (!rf)
			return tui_push(app, NULL, 0);
		snprintf(q, sizeof q, _("A new role's targets in %s"), s->name);
		fs = tui_form_screen(q, role_fields, 1, role_save, free, rf);
		return tui_push(app, fs, TAG_NEW);
	}
	case TUI_A_DELETE:
		if (!f)
			return 0;
		snprintf(s->pending, sizeof s->pending, "%s", f->role);
		snprintf(q, sizeof q, _("Remove every target level of %s?"), f->role);
		return tui_confirm(app, TAG_DELETE, q,
		                   _("People with this role then have no targets in this framework, unless "
		                     "they have their own. Ratings stay as they are."));
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_SORT && a != TUI_A_FILTER;
}

static void remove_role(struct roles *s, tui_app *app)
{
	lup_err err;
	long n = 0;
	lup_err_clear(&err);
	if (!s->fw)
		return;
	/* one transaction for the whole role */
	if (lup_db_begin(tui_db(app), &err) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	for (size_t t = 0; t < s->fw->ntargets; t++) {
		if (!lup_role_same(s->fw->targets[t].role, s->pending))
			continue;
		if (lup_target_set(tui_db(app), s->ident, s->fw->targets[t].code, s->pending, NULL,
		                   LUP_LEVEL_NONE, &err) < 0) {
			lup_db_rollback(tui_db(app));
			tui_error(app, "%s", err.msg);
			return;
		}
		n++;
	}
	if (lup_db_commit(tui_db(app), &err) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	tui_status(app, ngettext("Removed %ld target level of %s.", "Removed %ld target levels of %s.",
	                         (unsigned long)n), n, s->pending);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct roles *s = (struct roles *)scr;
	if (tag == TAG_NEW && result == TUI_SAVED) {
		struct role_form *rf = tui_form_ud(child);
		if (rf && rf->role[0])
			return tui_push(app, tui_comp_targets(app, s->ident, rf->role), TAG_TARGETS);
	} else if (tag == TAG_DELETE && result == TUI_YES) {
		remove_role(s, app);
	}
	return TUI_REDRAW;
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct roles *)scr)->list, app);
}

static void destroy(tui_screen *scr)
{
	struct roles *s = (struct roles *)scr;
	tui_list_free(&s->list);
	free(s->rows);
	lup_framework_free(s->fw);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Target levels per role"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.offers = offers,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_comp_roles(tui_app *app, const char *ident)
{
	struct roles *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->ident, sizeof s->ident, "%s", ident);
	tui_list_init(&s->list, &list_ops, s, sizeof(struct role_row), 1);
	return &s->base;
}
