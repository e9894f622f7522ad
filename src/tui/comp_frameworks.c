/* comp_frameworks.c — the imported competence frameworks, every revision
 * (newest first within a framework) with what uses it: new check-ins
 * (the default framework, or one [frameworks] names for a role) and the
 * check-ins made with it; Enter shows one's areas and competences, t its
 * target levels per role, i imports a file (a preview first). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/list.h"

enum { TAG_VIEW = 1, TAG_ROLES, TAG_IMPORT, TAG_PREVIEW };
enum { C_IDENT, C_NAME, C_VERSION, C_REV, C_COMPS, C_USE, C_IMPORTED, NCOLS };

struct fw_row {
	long idx;
	struct lup_framework_row r;
};

struct frameworks {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	int colw[NCOLS];
	struct lup_framework_row *rows;   /* the whole list: frameworks are few */
	size_t n;
	int identw;                       /* the widest ident */
};

struct uses {
	const char *ident;
	int found;
};

static void uses_ident(void *ud, const char *key, const char *value)
{
	struct uses *u = ud;
	(void)key;
	if (value && strcmp(value, u->ident) == 0)
		u->found = 1;
}

/* New check-ins use this framework: the default, or a role's. */
static int for_new(tui_app *app, const char *ident)
{
	struct uses u = { ident, 0 };
	if (strcmp(lup_competence_framework_for(tui_config(app), NULL), ident) == 0)
		return 1;
	lup_config_each(tui_config(app), "frameworks", uses_ident, &u);
	return u.found;
}

static void load(struct frameworks *s, tui_app *app)
{
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	if (lup_framework_list(tui_db(app), 1, &s->rows, &s->n, &err) < 0) {
		tui_error(app, "%s", err.msg);
		s->rows = NULL;
		s->n = 0;
	}
	s->identw = 10;
	for (size_t i = 0; i < s->n; i++) {
		int w = tui_width(s->rows[i].ident);
		if (w > s->identw)
			s->identw = w < 40 ? w : 40;
	}
}

static int fetch(struct tui_list *l, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct frameworks *s = l->ud;
	const struct fw_row *from = fromv;
	struct fw_row *rows = rowsv;
	long first;
	int got = tui_list_span(from ? from->idx : -1, dir, n, (long)s->n, &first);
	(void)err;
	for (int k = 0; k < got; k++) {
		rows[k].idx = first + k;
		rows[k].r = s->rows[first + k];
	}
	return got;
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct frameworks *s = l->ud;
	(void)err;
	*total = *matching = (long)s->n;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	(void)l; (void)err;
	return ((const struct fw_row *)row)->idx;
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct frameworks *s = l->ud;
	const char *titles[NCOLS] = { _("Id"), _("Name"), _("Version"), _("Rev."), _("Competences"),
	                              _("In use"), _("Imported") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER),
			        c == C_REV || c == C_COMPS ? TUI_RIGHT : 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct frameworks *s = l->ud;
	const struct lup_framework_row *f = &((const struct fw_row *)row)->r;
	char rev[16], comps[24], imported[11], use[96];
	const char *cells[NCOLS];
	(void)width;
	snprintf(rev, sizeof rev, "%d", f->revision);
	snprintf(comps, sizeof comps, "%ld", f->competences);
	snprintf(imported, sizeof imported, "%.10s", f->imported_at);
	cells[C_IDENT] = f->ident;
	cells[C_NAME] = lup_fw_text(f->name, f->name_sv);
	cells[C_VERSION] = f->version;
	cells[C_REV] = rev;
	cells[C_COMPS] = comps;
	cells[C_IMPORTED] = imported;
	{
		/* the latest revision of a framework in use takes new check-ins */
		int latest = !((const struct fw_row *)row)->idx ||
		             strcmp(s->rows[((const struct fw_row *)row)->idx - 1].ident, f->ident) != 0;
		int fresh = latest && for_new(s->app, f->ident);
		if (fresh && f->checkins)
			snprintf(use, sizeof use, ngettext("new · %ld check-in", "new · %ld check-ins",
			                                   (unsigned long)f->checkins), f->checkins);
		else if (fresh)
			snprintf(use, sizeof use, "%s", _("new check-ins"));
		else if (f->checkins)
			snprintf(use, sizeof use, ngettext("%ld check-in", "%ld check-ins", (unsigned long)f->checkins),
			         f->checkins);
		else
			use[0] = '\0';
		cells[C_USE] = use;
	}
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(y, x, s->colw[c], cells[c], c == C_USE && !(a & A_REVERSE) ? tui_attr(TUI_S_GOOD) : a,
		        c == C_REV || c == C_COMPS ? TUI_RIGHT : 0);
		x += s->colw[c] + 1;
	}
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("No framework is imported: see lup framework import and lup-framework(5).");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_FRAMEWORKS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct frameworks *s = (struct frameworks *)scr;
	int min[NCOLS] = { 10, 14, 7, 4, 11, 20, 10 };
	static const int weight[NCOLS] = { 0, 4, 1, 0, 0, 0, 0 };
	tui_rect r = tui_comp_view_area(app);
	if (!s->rows)
		load(s, app);
	/* the id whole when there is room for it and a name */
	min[C_IDENT] = s->identw < r.w / 3 ? s->identw : r.w / 3 > 10 ? r.w / 3 : 10;
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct frameworks *s = (struct frameworks *)scr;
	load(s, app);
	on_resize(scr, app);   /* the ids' width follows them */
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	tui_list_draw(&((struct frameworks *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct frameworks *s = (struct frameworks *)scr;
	const struct fw_row *f = tui_list_focused(&s->list);
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;   /* a short list */
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return f ? tui_push(app, tui_comp_framework_view(app, f->r.id), TAG_VIEW) : 0;
	case TUI_A_TARGETS:
		return f ? tui_push(app, tui_comp_roles(app, f->r.ident), TAG_ROLES) : 0;
	case TUI_A_FW_IMPORT:
		return tui_push(app, tui_comp_fw_import(app), TAG_IMPORT);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_SORT && a != TUI_A_FILTER;
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct frameworks *)scr)->list, app);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct frameworks *s = (struct frameworks *)scr;
	if (tag == TAG_IMPORT && result == TUI_SAVED) {
		tui_screen *preview = tui_comp_fw_import_preview(child);
		if (preview)
			return tui_push(app, preview, TAG_PREVIEW);
	}
	(void)s;
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct frameworks *s = (struct frameworks *)scr;
	tui_list_free(&s->list);
	free(s->rows);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Frameworks"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.offers = offers,
	.idle = idle,
	.on_result = on_result,
	.destroy = destroy,
};

tui_screen *tui_comp_frameworks_view(tui_app *app)
{
	struct frameworks *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct fw_row), 1);
	return &s->base;
}
