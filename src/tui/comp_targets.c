/* comp_targets.c — the target levels of one role, or of one person, in
 * a framework: its competences under their areas with the target of
 * each (for a person, their role's and their own).  A digit sets the
 * focused competence's target (a person's own) and moves to the next, BS
 * removes it; each change is saved at once (lup_target_edit). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/changed.h"
#include "tui/competence.h"
#include "tui/glist.h"
#include "tui/list.h"

enum { TAG_CHANGED = 1 };

enum { C_CODE, C_NAME, C_RANGE, C_ROLE, C_TARGET, NCOLS };
#define HEAD 3

struct target_row {
	long idx;
	struct lup_target_row t;
	const struct lup_fw_area *area;
	int level;                  /* the one set here: the role's, or the person's own */
};

struct targets {
	tui_screen base;
	tui_app *app;
	char ident[LUP_FW_IDENT_MAX + 1], role[200];
	char person_id[LUP_UUID_LEN + 1], person[200];   /* a person's own targets */
	struct lup_framework *fw;
	struct target_row *rows;   /* the competences not retired */
	long n, set;
	struct tui_glist gl;
	int colw[NCOLS];
	long pend_idx;
	int pend, pend_len;
	/* the target being saved: its competence, the level shown, the new one */
	struct tui_edit edit;
	char code[LUP_FW_CODE_MAX + 1];
	long idx;
	int seen, level;
};

static void load(struct targets *s, tui_app *app)
{
	char id[LUP_UUID_LEN + 1];
	struct lup_target_row *rows = NULL;
	size_t n = 0;
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = s->set = 0;
	lup_framework_free(s->fw);
	s->fw = NULL;
	if (lup_framework_current(tui_db(app), s->ident, id, &err) < 0 ||
	    lup_framework_load(tui_db(app), id, &s->fw, &err) < 0 ||
	    lup_target_list(tui_db(app), s->ident, s->person_id[0] ? NULL : s->role,
	                    s->person_id[0] ? s->person_id : NULL, &rows, &n, &err) < 0) {
		tui_error(app, "%s", err.msg);
		lup_framework_free(s->fw);
		s->fw = NULL;
		return;
	}
	if (!n || !(s->rows = calloc(n, sizeof *s->rows))) {
		free(rows);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct target_row *r = &s->rows[i];
		r->idx = (long)i;
		r->t = rows[i];
		r->area = lup_fw_area_get(s->fw, rows[i].area);
		r->level = s->person_id[0] ? rows[i].own_level : rows[i].role_level;
		s->set += r->level != LUP_LEVEL_NONE;
	}
	s->n = (long)n;
	free(rows);
}

static int fetch(struct tui_glist *g, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct targets *s = g->ud;
	const struct target_row *from = fromv;
	struct target_row *rows = rowsv;
	long first;
	int got = tui_list_span(from ? from->idx : -1, dir, n, (long)s->n, &first);
	(void)err;
	for (int k = 0; k < got; k++)
		rows[k] = s->rows[first + k];
	return got;
}

static const char *group(struct tui_glist *g, const void *row)
{
	(void)g;
	return ((const struct target_row *)row)->t.area;
}

static void draw_heading(struct tui_glist *g, const void *row, int y, int x, int width)
{
	const struct target_row *r = row;
	char b[400];
	(void)g;
	snprintf(b, sizeof b, "%s  %s", r->t.area, r->area ? lup_fw_text(r->area->name, r->area->name_sv) : "");
	tui_put(y, x + 1, width - 1, b, tui_attr(TUI_S_HEADER), 0);
}

static void draw_row(struct tui_glist *g, const void *row, int y, int x, int width, attr_t a)
{
	struct targets *s = g->ud;
	const struct target_row *r = row;
	char range[32], lv[32], b1[16], rl[16];
	(void)width;
	snprintf(range, sizeof range, "%d%s%d", r->t.level_min, tui_utf8() ? "–" : "-", r->t.level_max);
	if (s->pend_len && s->pend_idx == r->idx)
		snprintf(lv, sizeof lv, "%d_", s->pend);
	else
		snprintf(lv, sizeof lv, "%s", tui_comp_level(r->level, b1));
	tui_put(y, x, s->colw[C_CODE], r->t.code, a, 0);
	x += s->colw[C_CODE] + 1;
	tui_put(y, x, s->colw[C_NAME], lup_fw_text(r->t.name, r->t.name_sv), a, 0);
	x += s->colw[C_NAME] + 1;
	tui_put(y, x, s->colw[C_RANGE], range, a & A_REVERSE ? a : tui_attr(TUI_S_DIM), TUI_RIGHT);
	x += s->colw[C_RANGE] + 1;
	if (s->colw[C_ROLE] > 0) {
		tui_put(y, x, s->colw[C_ROLE], tui_comp_level(r->t.role_level, rl),
		        a & A_REVERSE ? a : tui_attr(TUI_S_DIM), TUI_RIGHT);
		x += s->colw[C_ROLE] + 1;
	}
	tui_put(y, x, s->colw[C_TARGET], lv, a | A_BOLD, TUI_RIGHT);
}

static const struct tui_glist_ops gl_ops = {
	.fetch = fetch, .group = group, .draw_heading = draw_heading, .draw_row = draw_row,
	.empty_text = tui_comp_no_competences,
};

/* ---- the screen ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_SHEET);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct targets *s = (struct targets *)scr;
	static const int min[NCOLS] = { 5, 20, 6, 6, 7 }, weight[NCOLS] = { 0, 1, 0, 0, 0 };
	tui_rect r = tui_area(app);
	r.y += HEAD;
	r.h -= HEAD;
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	if (!s->person_id[0]) {
		/* a role: no column of its role's */
		s->colw[C_NAME] += s->colw[C_ROLE] + 1;
		s->colw[C_ROLE] = 0;
	}
	if (!s->fw)
		load(s, app);
	tui_glist_layout(&s->gl, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct targets *s = (struct targets *)scr;
	tui_glist_reload(&s->gl, app);
	(void)app;
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct targets *s = (struct targets *)scr;
	tui_rect r = tui_area(app);
	const char *titles[NCOLS] = { _("Code"), _("Competence"), _("Levels"), _("Role's"),
	                              s->person_id[0] ? _("Own") : _("Target") };
	char line[400], prog[96], k1[16];
	int pw, x = r.x + 2;
	if (s->person_id[0])
		snprintf(line, sizeof line, _("Own target levels of %s (%s) · %s"), s->person,
		         s->role[0] ? s->role : _("no role"), s->fw ? lup_fw_text(s->fw->name, s->fw->name_sv) : s->ident);
	else
		snprintf(line, sizeof line, _("Target levels of %s · %s"), s->role,
		         s->fw ? lup_fw_text(s->fw->name, s->fw->name_sv) : s->ident);
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	snprintf(prog, sizeof prog, _("%ld of %ld set"), s->set, s->n);
	pw = tui_width(prog);
	tui_put(r.y + 1, r.x + r.w - pw - 1, pw, prog, tui_attr(TUI_S_TITLE) | A_BOLD, 0);
	snprintf(line, sizeof line, _("Digit: target level, then the next · %s: no target · saved as you go"),
	         tui_comp_key(TUI_A_CLEAR_LEVEL, k1));
	tui_put(r.y + 1, r.x + 1, r.w - pw - 4, line, tui_attr(TUI_S_DIM), 0);
	tui_fill(r.y + 2, r.x, r.w, tui_attr(TUI_S_HEADER));
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(r.y + 2, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER),
		        c == C_RANGE || c == C_TARGET || c == C_ROLE ? TUI_RIGHT : 0);
		x += s->colw[c] + 1;
	}
	tui_glist_draw(&s->gl, app);
}

static void forget_digits(struct targets *s)
{
	s->pend = s->pend_len = 0;
	s->pend_idx = -1;
}

static int save_target(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err)
{
	struct targets *s = ud;
	return lup_target_edit(tui_db(app), s->ident, s->code, s->person_id[0] ? NULL : s->role,
	                       s->person_id[0] ? s->person_id : NULL, s->seen, s->level, mr, err);
}

/* The targets as stored now (another window may have changed them). */
static int reload(tui_screen *scr, tui_app *app)
{
	struct targets *s = (struct targets *)scr;
	load(s, app);
	tui_glist_reload(&s->gl, app);
	return TUI_REDRAW;
}

/* After a target was saved (rc 0), not (-1), or looked at again (1). */
static int target_set(struct targets *s, tui_app *app, long idx, int rc)
{
	if (rc == TUI_PUSH)
		return rc;
	if (rc != 0 || tui_edit_kept(&s->edit)) {
		reload(&s->base, app);
		return -1;
	}
	s->set += (s->level != LUP_LEVEL_NONE) - (s->rows[idx].level != LUP_LEVEL_NONE);
	s->rows[idx].level = s->level;
	tui_glist_reload(&s->gl, app);
	return 0;
}

/* 0 when set, -1 when not (the status line says why), TUI_PUSH when it
 * asks about a change made elsewhere. */
static int set_target(struct targets *s, tui_app *app, long idx, int level)
{
	struct target_row *r = &s->rows[idx];
	snprintf(s->code, sizeof s->code, "%s", r->t.code);
	s->seen = r->level;
	s->level = level;
	s->idx = idx;
	return target_set(s, app, idx, tui_edit_run(&s->edit, app, TAG_CHANGED));
}

static int digit(struct targets *s, tui_app *app, int d)
{
	const struct target_row *f = tui_glist_focused(&s->gl);
	int v, lmin, lmax;
	if (!f)
		return 0;
	lmin = f->t.level_min;
	lmax = f->t.level_max;
	v = lmax >= 10 && s->pend_len && s->pend_idx == f->idx ? s->pend * 10 + d : d;
	if (v > lmax || (v < lmin && (lmax < 10 || v * 10 > lmax))) {
		forget_digits(s);
		tui_error(app, _("%d is not a level of %s (%d–%d): nothing changed"), v, f->t.code, lmin, lmax);
		return TUI_REDRAW;
	}
	if (lmax >= 10) {
		s->pend = v;
		s->pend_len++;
		s->pend_idx = f->idx;
	}
	if (v >= lmin) {
		int rc = set_target(s, app, f->idx, v);
		if (rc != 0) {
			forget_digits(s);
			return rc == TUI_PUSH ? rc : TUI_REDRAW;
		}
	}
	if (lmax < 10 || v == 0 || v * 10 > lmax) {
		forget_digits(s);
		tui_glist_next(&s->gl, app);
	}
	return TUI_REDRAW;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct targets *s = (struct targets *)scr;
	const struct target_row *f = tui_glist_focused(&s->gl);
	int r;
	if (a >= TUI_A_LEVEL0 && a <= TUI_A_LEVEL9)
		return digit(s, app, (int)(a - TUI_A_LEVEL0));
	forget_digits(s);
	r = tui_glist_action(&s->gl, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_CLEAR_LEVEL:
		if (f && f->level != LUP_LEVEL_NONE && set_target(s, app, f->idx, LUP_LEVEL_NONE) == TUI_PUSH)
			return TUI_PUSH;
		return TUI_REDRAW;
	case TUI_A_NOT_ASSESSED: case TUI_A_COMMENT: case TUI_A_FINALIZE:
		return 0;   /* the rating sheet's */
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_NOT_ASSESSED && a != TUI_A_COMMENT && a != TUI_A_FINALIZE;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct targets *s = (struct targets *)scr;
	(void)child;
	if (tag == TAG_CHANGED) {
		long idx = s->idx;
		forget_digits(s);
		if (idx >= 0 && idx < s->n &&
		    target_set(s, app, idx, tui_edit_answer(&s->edit, app, result, TAG_CHANGED)) == TUI_PUSH)
			return TUI_PUSH;
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct targets *s = (struct targets *)scr;
	tui_glist_free(&s->gl);
	tui_edit_free(&s->edit);
	free(s->rows);
	lup_framework_free(s->fw);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Target levels"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.offers = offers,
	.changed = reload,
	.destroy = destroy,
};

tui_screen *tui_comp_targets_person(tui_app *app, const char *person_id)
{
	struct lup_person p;
	char id[LUP_UUID_LEN + 1];
	tui_screen *scr;
	struct targets *s;
	lup_err err;
	lup_err_clear(&err);
	if (lup_person_get(tui_db(app), person_id, &p, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return NULL;
	}
	if (!(scr = tui_comp_targets(app, lup_competence_framework_for(tui_config(app), p.role),
	                             p.role ? p.role : ""))) {
		lup_person_clear(&p);
		return NULL;
	}
	s = (struct targets *)scr;
	snprintf(s->person_id, sizeof s->person_id, "%s", person_id);
	snprintf(s->person, sizeof s->person, "%s", p.name);
	lup_person_clear(&p);
	if (lup_framework_current(tui_db(app), s->ident, id, &err) < 0)
		tui_error(app, "%s", err.msg);
	return scr;
}

tui_screen *tui_comp_targets(tui_app *app, const char *ident, const char *role)
{
	struct targets *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->ident, sizeof s->ident, "%s", ident);
	snprintf(s->role, sizeof s->role, "%s", role);
	s->pend_idx = -1;
	s->edit.save = save_target;
	s->edit.ud = s;
	tui_glist_init(&s->gl, &gl_ops, s, sizeof(struct target_row));
	return &s->base;
}
