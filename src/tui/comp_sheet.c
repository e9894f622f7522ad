/* comp_sheet.c — the rating sheet of one check-in: the framework's
 * competences under their areas, each with its allowed levels, the level
 * given (or – / n/a), the person's target (in force at the end of the
 * check-in's day), their level last time (with its revision when another)
 * and a comment marker.  Below the list, what the focused competence
 * covers and what each of its levels means, the one given marked.  A
 * digit rates the focused competence and moves to the next, so a whole
 * framework takes one key per competence; n marks "not assessed", BS
 * clears, c comments, ^S finalises.  Every rating is saved as it is
 * given: leaving keeps the draft.  A final check-in is only read; e
 * starts its correction. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/changed.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/glist.h"

enum { TAG_FINALIZE = 1, TAG_COMMENT, TAG_CHANGED, TAG_CORRECT };
enum { C_CODE, C_NAME, C_RANGE, C_LEVEL, C_TARGET, C_PREV, C_NOTE, C_COMMENT, NCOLS };
#define HEAD 3   /* title, progress, column titles */
#define FOOT 3   /* the focused competence: what it covers (2), its levels */

struct sheet {
	tui_screen base;
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	struct lup_checkin ck;
	char person[200];
	struct lup_framework *fw;   /* for the descriptions; may be NULL */
	struct tui_glist gl;
	long rated, total;
	int colw[NCOLS];
	/* digits typed for a competence whose levels go past 9 */
	long pend_seq;
	int pend, pend_len;
	int loaded;
	/* the rating being saved: its competence, the level shown, the new one */
	struct tui_edit edit;
	char comp[LUP_UUID_LEN + 1];
	int seen, level;
};

/* ---- the list ---- */

static int fetch(struct tui_glist *g, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct sheet *s = g->ud;
	return lup_rating_page(tui_db(s->app), s->id, from, dir, n, rows, err);
}

static const char *group(struct tui_glist *g, const void *row)
{
	(void)g;
	return ((const struct lup_rating_row *)row)->area;
}

static void draw_heading(struct tui_glist *g, const void *row, int y, int x, int width)
{
	const struct lup_rating_row *r = row;
	char b[400];
	(void)g;
	snprintf(b, sizeof b, "%s  %s", r->area, lup_fw_text(r->area_name, r->area_name_sv));
	tui_put(y, x + 1, width - 1, b, tui_attr(TUI_S_HEADER), 0);
}

static const char *range_text(int lmin, int lmax, char buf[32])
{
	snprintf(buf, 32, "%d%s%d", lmin, tui_utf8() ? "–" : "-", lmax);
	return buf;
}

static void draw_row(struct tui_glist *g, const void *row, int y, int x, int width, attr_t a)
{
	struct sheet *s = g->ud;
	const struct lup_rating_row *r = row;
	char range[32], lv[32], tg[16], pv[32], b1[16];
	const char *cells[NCOLS];
	(void)width;
	if (s->pend_len && s->pend_seq == r->seq)
		snprintf(lv, sizeof lv, "%d_", s->pend);
	else
		snprintf(lv, sizeof lv, "%s", tui_comp_level(r->level, b1));
	snprintf(tg, sizeof tg, "%s", r->target == LUP_LEVEL_NONE ? "" : tui_comp_level(r->target, b1));
	if (r->previous == LUP_LEVEL_NONE)
		pv[0] = '\0';
	else if (s->fw && r->previous_rev && r->previous_rev != s->fw->revision)
		snprintf(pv, sizeof pv, "%s r%d", tui_comp_level(r->previous, b1), r->previous_rev);
	else
		snprintf(pv, sizeof pv, "%s", tui_comp_level(r->previous, b1));
	cells[C_CODE] = r->code;
	cells[C_NAME] = lup_fw_text(r->name, r->name_sv);
	cells[C_RANGE] = range_text(r->level_min, r->level_max, range);
	cells[C_LEVEL] = lv;
	cells[C_TARGET] = tg;
	cells[C_PREV] = pv;
	cells[C_NOTE] = r->comment[0] ? "*" : "";
	cells[C_COMMENT] = r->comment;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		unsigned fl = 0;
		if (s->colw[c] <= 0)
			continue;
		if (c == C_LEVEL) {
			ca |= A_BOLD;
			fl = TUI_RIGHT;
		} else if (c == C_RANGE || c == C_TARGET || c == C_PREV) {
			fl = TUI_RIGHT;
			if (!(a & A_REVERSE))
				ca = tui_attr(TUI_S_DIM);
		} else if (c == C_COMMENT && !(a & A_REVERSE)) {
			ca = tui_attr(TUI_S_DIM);
		}
		tui_put(y, x, s->colw[c], cells[c], ca, fl);
		x += s->colw[c] + 1;
	}
}

static const struct tui_glist_ops gl_ops = {
	.fetch = fetch, .group = group, .draw_heading = draw_heading, .draw_row = draw_row,
	.empty_text = tui_comp_no_competences,
};

/* ---- the screen ---- */

static void recount(struct sheet *s, tui_app *app)
{
	lup_err err;
	lup_err_clear(&err);
	if (lup_rating_count(tui_db(app), s->id, &s->rated, &s->total, &err) < 0)
		tui_error(app, "%s", err.msg);
}

static int is_draft(const struct sheet *s)
{
	return strcmp(s->ck.status, "draft") == 0;
}

static void load(struct sheet *s, tui_app *app)
{
	struct lup_person p;
	lup_err err;
	lup_err_clear(&err);
	lup_checkin_clear(&s->ck);
	if (lup_checkin_get(tui_db(app), s->id, &s->ck, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	if (lup_person_get(tui_db(app), s->ck.person_id, &p, &err) == 0) {
		snprintf(s->person, sizeof s->person, "%s", p.name);
		lup_person_clear(&p);
	}
	if (!s->fw && lup_framework_load(tui_db(app), s->ck.framework_id, &s->fw, &err) < 0)
		s->fw = NULL;   /* only the descriptions are missed */
	s->loaded = 1;
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_SHEET);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct sheet *s = (struct sheet *)scr;
	/* code, name, levels, level, target, last time, comment marker, comment */
	static const int min[NCOLS] = { 5, 20, 6, 7, 7, 7, 1, 0 }, weight[NCOLS] = { 0, 1, 0, 0, 0, 0, 0, 0 };
	static const int wmin[NCOLS] = { 5, 34, 6, 7, 7, 8, 1, 20 }, wweight[NCOLS] = { 0, 1, 0, 0, 0, 0, 0, 1 };
	tui_rect r = tui_area(app);
	int wide = r.w >= 110;
	r.y += HEAD;
	r.h -= HEAD + FOOT;
	tui_columns(r.w - 3, wide ? NCOLS : NCOLS - 1, wide ? wmin : min, wide ? wweight : weight, s->colw);
	if (!wide)
		s->colw[C_COMMENT] = 0;
	tui_glist_layout(&s->gl, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct sheet *s = (struct sheet *)scr;
	load(s, app);
	recount(s, app);
	tui_glist_reload(&s->gl, app);
	return TUI_REDRAW;
}

static void draw_titles(struct sheet *s, int y, int x)
{
	const char *titles[NCOLS] = { _("Code"), _("Competence"), _("Levels"), _("Level"), _("Target"),
	                              _("Before"), "", _("Comment") };
	tui_fill(y, x - 2, s->gl.r.w, tui_attr(TUI_S_HEADER));
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER),
		        c == C_LEVEL || c == C_RANGE || c == C_TARGET || c == C_PREV ? TUI_RIGHT : 0);
		x += s->colw[c] + 1;
	}
}

/* What the focused competence covers (two lines) and what each of its
 * levels means, the one given marked, from (y, x) in w columns. */
static void draw_meaning(struct sheet *s, const struct lup_rating_row *f, int y, int x, int w)
{
	const struct lup_fw_competence *c = s->fw ? lup_fw_competence_get(s->fw, f->code) : NULL;
	const char *d = c ? lup_fw_text(c->description, c->description_sv) : "";
	char head[400];
	int cx, first = f->level_min;

	tui_fill(y, x - 1, w + 1, tui_attr(TUI_S_NORMAL));
	tui_fill(y + 1, x - 1, w + 1, tui_attr(TUI_S_NORMAL));
	tui_fill(y + 2, x - 1, w + 1, tui_attr(TUI_S_NORMAL));
	snprintf(head, sizeof head, "%s %s%s", f->code, lup_fw_text(f->name, f->name_sv), d && *d ? ":" : "");
	{
		char both[LUP_FW_TEXT_MAX + 512];
		snprintf(both, sizeof both, "%s %s", head, d ? d : "");
		tui_put_wrapped(y, x, w, 2, both, tui_attr(TUI_S_DIM), 1);
		/* the competence's own words stand out */
		if (tui_width(head) <= w)
			tui_put(y, x, w, head, tui_attr(TUI_S_TITLE), TUI_CLIP);
	}
	if (!s->fw)
		return;
	/* the levels, from a later one when the one given would not show */
	if (f->level >= f->level_min && f->level <= f->level_max)
		for (first = f->level_min; first < f->level; first++) {
			int total = tui_width(_("Levels: "));
			for (int v = first; v <= f->level; v++) {
				const struct lup_fw_level *l = lup_fw_level_get(s->fw, v);
				snprintf(head, sizeof head, "%d %s", v, l ? lup_fw_text(l->name, l->name_sv) : "");
				total += tui_width(head) + (v > first ? 3 : 0);
			}
			if (total <= w)
				break;
		}
	cx = x + tui_put(y + 2, x, w, _("Levels: "), tui_attr(TUI_S_DIM), 0);
	for (int v = first; v <= f->level_max && cx < x + w; v++) {
		const struct lup_fw_level *l = lup_fw_level_get(s->fw, v);
		attr_t a = v == f->level ? tui_attr(TUI_S_FOCUS) | A_BOLD : tui_attr(TUI_S_NORMAL);
		snprintf(head, sizeof head, "%d %s", v, l ? lup_fw_text(l->name, l->name_sv) : "");
		if (v > first)
			cx += tui_put(y + 2, cx, x + w - cx, " · ", tui_attr(TUI_S_DIM), 0);
		cx += tui_put(y + 2, cx, x + w - cx, head, a, 0);
	}
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct sheet *s = (struct sheet *)scr;
	tui_rect r = tui_area(app);
	const struct lup_rating_row *f = tui_glist_focused(&s->gl);
	char line[512], prog[96], key[16];
	int pw;

	snprintf(prog, sizeof prog, _("%ld of %ld rated"), s->rated, s->total);
	pw = tui_width(prog);
	tui_put(r.y, r.x + r.w - pw - 1, pw, prog,
	        tui_attr(s->rated == s->total && s->total ? TUI_S_GOOD : TUI_S_TITLE) | A_BOLD, 0);
	snprintf(line, sizeof line, _("Rating sheet: %s · %s · %s · %s · %s r%d"), s->person,
	         lup_checkin_kind_label(s->ck.kind), s->ck.date, lup_checkin_status_label(s->ck.status),
	         s->fw ? s->fw->ident : "", s->fw ? s->fw->revision : 0);
	tui_put(r.y, r.x + 1, r.w - pw - 4, line, tui_attr(TUI_S_TITLE), 0);
	if (is_draft(s))
		snprintf(line, sizeof line, "%s", _("A digit gives the focused competence its level and moves on; "
		                                    "every rating is saved at once."));
	else
		snprintf(line, sizeof line, _("This check-in is final: it can be read, not changed (%s corrects it)."),
		         tui_comp_key(TUI_A_CORRECT, key));
	tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	draw_titles(s, r.y + 2, r.x + 2);
	tui_glist_draw(&s->gl, app);
	if (f)
		draw_meaning(s, f, r.y + r.h - FOOT, r.x + 2, r.w - 3);
}

static void forget_digits(struct sheet *s)
{
	s->pend = s->pend_len = 0;
	s->pend_seq = -1;
}

static int save_rating(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err)
{
	struct sheet *s = ud;
	return lup_rating_edit(tui_db(app), s->id, s->comp, s->seen, s->level, mr, err);
}

/* After a rating was saved (rc 0), not (-1), or looked at again (1): the
 * sheet shows what is stored. */
static int rated(struct sheet *s, tui_app *app, int rc)
{
	if (rc != TUI_PUSH) {
		recount(s, app);
		tui_glist_reload(&s->gl, app);
	}
	return rc == 1 ? -1 : rc;
}

/* Save one rating; 0, -1 with the error shown, or TUI_PUSH when it asks
 * about a change made elsewhere. */
static int rate(struct sheet *s, tui_app *app, const struct lup_rating_row *r, int level)
{
	int rc;
	memcpy(s->comp, r->competence_id, sizeof s->comp);
	s->seen = r->level;
	s->level = level;
	rc = rated(s, app, tui_edit_run(&s->edit, app, TAG_CHANGED));
	if (rc == 0 && level >= 0 && s->fw) {
		/* what was said, in words */
		const struct lup_fw_level *l = lup_fw_level_get(s->fw, level);
		if (l)
			tui_status(app, _("%s: %d, %s"), r->code, level, lup_fw_text(l->name, l->name_sv));
	}
	return rc;
}

/* A final check-in is read, not rated: say how to correct it. */
static int final_says(struct sheet *s, tui_app *app)
{
	char key[16];
	if (is_draft(s))
		return 0;
	tui_error(app, _("This check-in is final: %s starts its correction."), tui_comp_key(TUI_A_CORRECT, key));
	return 1;
}

static void next(struct sheet *s, tui_app *app)
{
	char key[16];
	if (!tui_glist_next(&s->gl, app) && s->rated == s->total)
		tui_status(app, ngettext("%ld rated, the only one: %s finalises.", "All %ld rated: %s finalises.",
		                         (unsigned long)s->total), s->total, tui_comp_key(TUI_A_FINALIZE, key));
}

static void out_of_range(tui_app *app, const struct lup_rating_row *r, int v)
{
	tui_error(app, _("%d is not a level of %s (%d–%d): nothing changed"), v, r->code, r->level_min,
	          r->level_max);
}

static int digit(struct sheet *s, tui_app *app, int d)
{
	const struct lup_rating_row *f = tui_glist_focused(&s->gl);
	struct lup_rating_row r;
	int v, rc;
	if (!f)
		return 0;
	r = *f;
	if (r.level_max < 10) {   /* one digit is one level */
		forget_digits(s);
		if (d < r.level_min || d > r.level_max) {
			out_of_range(app, &r, d);
			return TUI_REDRAW;
		}
		rc = rate(s, app, &r, d);
		if (rc == TUI_PUSH)
			return rc;
		if (rc == 0)
			next(s, app);
		return TUI_REDRAW;
	}
	/* Levels past 9: the digits typed so far make the level, saved as soon
	 * as it is one; on to the next once no further digit could follow. */
	v = s->pend_len && s->pend_seq == r.seq ? s->pend * 10 + d : d;
	if (v > r.level_max || (v < r.level_min && v * 10 > r.level_max) || (s->pend_len && s->pend == 0)) {
		forget_digits(s);
		out_of_range(app, &r, v);
		return TUI_REDRAW;
	}
	s->pend = v;
	s->pend_len++;
	s->pend_seq = r.seq;
	if (v >= r.level_min) {
		rc = rate(s, app, &r, v);
		if (rc != 0) {
			forget_digits(s);
			return rc == TUI_PUSH ? rc : TUI_REDRAW;
		}
	}
	if (v == 0 || v * 10 > r.level_max) {
		forget_digits(s);
		next(s, app);
	}
	return TUI_REDRAW;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct sheet *s = (struct sheet *)scr;
	const struct lup_rating_row *f = tui_glist_focused(&s->gl);
	struct lup_rating_row r;
	char q[300];
	int rr;
	if (a >= TUI_A_LEVEL0 && a <= TUI_A_LEVEL9)
		return final_says(s, app) ? TUI_REDRAW : digit(s, app, (int)(a - TUI_A_LEVEL0));
	forget_digits(s);
	rr = tui_glist_action(&s->gl, app, a);
	if (!(rr & TUI_UNHANDLED))
		return rr;
	if ((a == TUI_A_NOT_ASSESSED || a == TUI_A_CLEAR_LEVEL) && final_says(s, app))
		return TUI_REDRAW;
	switch (a) {
	case TUI_A_CORRECT:
		if (is_draft(s)) {
			tui_status(app, "%s", _("This is a draft: rate it here directly."));
			return TUI_REDRAW;
		}
		if (s->ck.superseded_by[0]) {
			tui_status(app, "%s", _("A later check-in corrects this one: open that one instead."));
			return TUI_REDRAW;
		}
		snprintf(q, sizeof q, _("Correct the %s of %s?"), lup_checkin_kind_label(s->ck.kind), s->ck.date);
		return tui_confirm(app, TAG_CORRECT, q,
		                   _("A final check-in is not changed. A new draft copies its ratings; once it is "
		                     "made final it takes this one's place, and this one stays in the history."));
	case TUI_A_NOT_ASSESSED:
		if (!f)
			return 0;
		r = *f;
		if ((rr = rate(s, app, &r, LUP_LEVEL_NA)) == TUI_PUSH)
			return rr;
		if (rr == 0)
			next(s, app);
		return TUI_REDRAW;
	case TUI_A_CLEAR_LEVEL:
		if (!f)
			return 0;
		r = *f;
		if (r.level != LUP_LEVEL_NONE && rate(s, app, &r, LUP_LEVEL_NONE) == TUI_PUSH)
			return TUI_PUSH;
		return TUI_REDRAW;
	case TUI_A_COMMENT: {
		tui_screen *child;
		if (!f)
			return 0;
		if (!is_draft(s)) {
			tui_error(app, "%s", _("a final check-in cannot be changed; correct it with a new one that supersedes it"));
			return TUI_REDRAW;
		}
		if (f->level == LUP_LEVEL_NONE) {
			tui_error(app, "%s", _("rate the competence (a level or n) before commenting on it"));
			return TUI_REDRAW;
		}
		snprintf(q, sizeof q, _("Comment on %s %s"), f->code, lup_fw_text(f->name, f->name_sv));
		child = tui_comp_comment_form(app, s->id, f->competence_id, q);
		return child ? tui_push(app, child, TAG_COMMENT) : TUI_REDRAW;
	}
	case TUI_A_FINALIZE:
		if (!is_draft(s)) {
			tui_status(app, "%s", _("The check-in is final already."));
			return TUI_REDRAW;
		}
		snprintf(q, sizeof q, _("Make this check-in final? %ld of %ld rated."), s->rated, s->total);
		return tui_confirm(app, TAG_FINALIZE, q,
		                   _("A final check-in counts for the Due list and the gap analysis, and is not "
		                     "changed again: a correction supersedes it. No keeps it a draft."));
	case TUI_A_QUIT: case TUI_A_BACK:
		if (is_draft(s))
			tui_status(app, _("The draft is kept: %ld of %ld rated."), s->rated, s->total);
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct sheet *s = (struct sheet *)scr;
	(void)app;
	if (a == TUI_A_NOT_ASSESSED || a == TUI_A_COMMENT || a == TUI_A_FINALIZE)
		return is_draft(s);
	if (a == TUI_A_CORRECT)
		return !is_draft(s) && !s->ck.superseded_by[0];
	return 1;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct sheet *s = (struct sheet *)scr;
	lup_err err;
	(void)child;
	if (tag == TAG_CHANGED) {
		int rc = rated(s, app, tui_edit_answer(&s->edit, app, result, TAG_CHANGED));
		if (rc == 0 && s->level != LUP_LEVEL_NONE)
			next(s, app);
		return rc == TUI_PUSH ? rc : TUI_REDRAW;
	}
	if (tag == TAG_CORRECT && result == TUI_YES) {
		char id[LUP_UUID_LEN + 1];
		lup_err_clear(&err);
		if (lup_checkin_supersede(tui_db(app), s->id, NULL, id, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		/* the sheet goes on with the correction */
		memcpy(s->id, id, sizeof s->id);
		tui_status(app, "%s", _("A correction: rate what differs, then make it final."));
		return enter(scr, app);
	}
	if (tag == TAG_FINALIZE && result == TUI_YES) {
		lup_err_clear(&err);
		if (lup_checkin_finalize(tui_db(app), s->id, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		tui_status(app, _("The %s of %s is final."), lup_checkin_kind_label(s->ck.kind), s->ck.date);
		return tui_pop(app, TUI_SAVED);
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct sheet *s = (struct sheet *)scr;
	tui_glist_free(&s->gl);
	tui_edit_free(&s->edit);
	lup_checkin_clear(&s->ck);
	lup_framework_free(s->fw);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Rating sheet"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.offers = offers,
	.changed = enter,
	.destroy = destroy,
};

tui_screen *tui_comp_sheet(tui_app *app, const char *checkin_id)
{
	struct sheet *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->id, sizeof s->id, "%s", checkin_id);
	s->pend_seq = -1;
	s->edit.save = save_rating;
	s->edit.ud = s;
	tui_glist_init(&s->gl, &gl_ops, s, sizeof(struct lup_rating_row));
	return &s->base;
}
