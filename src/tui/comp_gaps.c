/* comp_gaps.c — a person's gap analysis: for each competence of the
 * framework their role is assessed on (its latest revision), their
 * latest self-assessed level and their latest manager or validation
 * level side by side, each with its change since the check-in before
 * (↑ ↓ =), and the level that counts against their target as numbers
 * and a bar ("███░░··· 3/5 −2").  A level given in an earlier revision
 * is marked *, and the line below the list says for the focused
 * competence which revision and day each number comes from. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/competence.h"
#include "tui/glist.h"

enum { C_CODE, C_NAME, C_SELF, C_ASSESSED, C_BAR, C_NUM, NCOLS };
#define HEAD 3
#define FOOT 2   /* where the focused row's numbers come from; the legend */
#define PAGE 64

struct gaps {
	tui_screen base;
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	char fw_id[LUP_UUID_LEN + 1];
	char person[200], fw_name[300];
	struct lup_framework *fw;   /* for the area names */
	int ok;
	struct tui_glist gl;
	int colw[NCOLS], wide;
	/* the summary */
	long comps, below, with_target, unknown;
	double sum_gap;
	char last_self[11], last_assessed[11];
};

static int fetch(struct tui_glist *g, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct gaps *s = g->ud;
	if (!s->ok)
		return 0;
	return lup_gap_page(tui_db(s->app), s->id, s->fw_id, from, dir, n, rows, err);
}

static const char *group(struct tui_glist *g, const void *row)
{
	(void)g;
	return ((const struct lup_gap_row *)row)->area;
}

static void draw_heading(struct tui_glist *g, const void *row, int y, int x, int width)
{
	struct gaps *s = g->ud;
	const struct lup_gap_row *r = row;
	const struct lup_fw_area *area = s->fw ? lup_fw_area_get(s->fw, r->area) : NULL;
	char b[400];
	snprintf(b, sizeof b, "%s  %s", r->area, area ? lup_fw_text(area->name, area->name_sv) : "");
	tui_put(y, x + 1, width - 1, b, tui_attr(TUI_S_HEADER), 0);
}

/* "3 ↑", wide: "3 ↑ (2)"; a * after a level given in another revision
 * than the one shown. */
static void level_cell(char *buf, size_t n, int level, int prev, enum lup_change ch, int wide, int other)
{
	char b1[16], b2[16];
	const char *sign = tui_comp_change(ch);
	if (level == LUP_LEVEL_NONE) {
		snprintf(buf, n, "%s", tui_comp_level(level, b1));
		return;
	}
	if (wide && prev != LUP_LEVEL_NONE)
		snprintf(buf, n, "%s%s %s (%s)", tui_comp_level(level, b1), other ? "*" : "", sign,
		         tui_comp_level(prev, b2));
	else
		snprintf(buf, n, "%s%s %s", tui_comp_level(level, b1), other ? "*" : "", sign);
}

static void draw_row(struct tui_glist *g, const void *row, int y, int x, int width, attr_t a)
{
	struct gaps *s = g->ud;
	const struct lup_gap_row *r = row;
	char self[48], assessed[48], bar[256], num[64], b1[16], b2[16];
	const char *cells[NCOLS];
	enum tui_style numst = TUI_S_NORMAL;
	int lo = r->level_min < 1 ? 1 : r->level_min, span = r->level_max - lo + 1, cells_w;
	(void)width;
	level_cell(self, sizeof self, r->self, r->self_prev, r->self_change, s->wide,
	           s->fw && r->self_rev && r->self_rev != s->fw->revision);
	level_cell(assessed, sizeof assessed, r->assessed, r->assessed_prev, r->assessed_change, s->wide,
	           s->fw && r->assessed_rev && r->assessed_rev != s->fw->revision);
	cells_w = span > 0 && span * 2 <= s->colw[C_BAR] && s->wide ? span * 2
	        : span > 0 && span <= s->colw[C_BAR] ? span : s->colw[C_BAR];
	tui_comp_bar(bar, sizeof bar, r->level, r->target, r->level_min, r->level_max, cells_w);
	if (r->has_gap) {
		const char *minus = tui_utf8() ? "−" : "-";
		if (r->gap > 0)
			snprintf(num, sizeof num, "%d/%d %s%d", r->level, r->target, minus, r->gap);
		else if (r->gap < 0)
			snprintf(num, sizeof num, "%d/%d +%d", r->level, r->target, -r->gap);
		else
			snprintf(num, sizeof num, "%d/%d %s0", r->level, r->target, tui_utf8() ? "±" : "+");
		numst = r->gap > 0 ? TUI_S_BAD : TUI_S_GOOD;
	} else {
		snprintf(num, sizeof num, "%s/%s", tui_comp_level(r->level, b1),
		         r->target == LUP_LEVEL_NONE ? "–" : tui_comp_level(r->target, b2));
		numst = TUI_S_DIM;
	}
	cells[C_CODE] = r->code;
	cells[C_NAME] = lup_fw_text(r->name, r->name_sv);
	cells[C_SELF] = self;
	cells[C_ASSESSED] = assessed;
	cells[C_BAR] = bar;
	cells[C_NUM] = num;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == C_NUM && !(a & A_REVERSE))
			ca = tui_attr(numst);
		tui_put(y, x, s->colw[c], cells[c], ca, c == C_NUM ? 0 : 0);
		x += s->colw[c] + 1;
	}
}

static const struct tui_glist_ops gl_ops = {
	.fetch = fetch, .group = group, .draw_heading = draw_heading, .draw_row = draw_row,
	.empty_text = tui_comp_no_competences,
};

/* ---- the screen ---- */

/* The summary above the list: a pass over the person's rows, a page at a
 * time (a framework has tens of competences, not thousands of rows). */
static void summarise(struct gaps *s, tui_app *app)
{
	struct lup_gap_row *rows = malloc(PAGE * sizeof *rows), last;
	const struct lup_gap_row *from = NULL;
	lup_err err;
	int got;
	s->comps = s->below = s->with_target = s->unknown = 0;
	s->sum_gap = 0;
	s->last_self[0] = s->last_assessed[0] = 0;
	if (!rows || !s->ok) {
		free(rows);
		return;
	}
	lup_err_clear(&err);
	do {
		got = lup_gap_page(tui_db(app), s->id, s->fw_id, from, 1, PAGE, rows, &err);
		if (got < 0) {
			tui_error(app, "%s", err.msg);
			break;
		}
		for (int i = 0; i < got; i++) {
			const struct lup_gap_row *r = &rows[i];
			s->comps++;
			if (r->target != LUP_LEVEL_NONE) {
				s->with_target++;
				if (!r->has_gap)
					s->unknown++;
			}
			if (r->has_gap && r->gap > 0) {
				s->below++;
				s->sum_gap += r->gap;
			}
			if (strcmp(r->self_date, s->last_self) > 0)
				memcpy(s->last_self, r->self_date, sizeof s->last_self);
			if (strcmp(r->assessed_date, s->last_assessed) > 0)
				memcpy(s->last_assessed, r->assessed_date, sizeof s->last_assessed);
		}
		if (got > 0) {
			last = rows[got - 1];
			from = &last;
		}
	} while (got == PAGE);
	free(rows);
}

static void load(struct gaps *s, tui_app *app)
{
	struct lup_person p;
	char was[LUP_UUID_LEN + 1];
	lup_err err;
	lup_err_clear(&err);
	if (lup_person_get(tui_db(app), s->id, &p, &err) == 0) {
		snprintf(s->person, sizeof s->person, "%s", p.name);
		lup_person_clear(&p);
	}
	memcpy(was, s->fw_id, sizeof was);
	s->ok = lup_competence_framework_person(tui_db(app), tui_config(app), s->id, s->fw_id, &err) == 0;
	if (!s->ok) {
		tui_error(app, "%s", err.msg);
		s->fw_id[0] = 0;
		return;
	}
	if (s->fw && strcmp(was, s->fw_id) != 0) {
		lup_framework_free(s->fw);
		s->fw = NULL;
	}
	if (!s->fw && lup_framework_load(tui_db(app), s->fw_id, &s->fw, &err) < 0) {
		tui_error(app, "%s", err.msg);
		s->fw = NULL;
	}
	if (s->fw)
		snprintf(s->fw_name, sizeof s->fw_name, "%s (%s r%d)", lup_fw_text(s->fw->name, s->fw->name_sv),
		         s->fw->ident, s->fw->revision);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct gaps *s = (struct gaps *)scr;
	static const int min[NCOLS] = { 5, 20, 6, 8, 8, 8 }, weight[NCOLS] = { 0, 1, 0, 0, 0, 0 };
	static const int wmin[NCOLS] = { 5, 30, 10, 10, 16, 9 }, wweight[NCOLS] = { 0, 1, 0, 0, 0, 0 };
	tui_rect r = tui_area(app);
	s->wide = r.w >= 110;
	r.y += HEAD;
	r.h -= HEAD + FOOT;
	tui_columns(r.w - 3, NCOLS, s->wide ? wmin : min, s->wide ? wweight : weight, s->colw);
	tui_glist_layout(&s->gl, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct gaps *s = (struct gaps *)scr;
	load(s, app);
	summarise(s, app);
	tui_glist_reload(&s->gl, app);
	return TUI_REDRAW;
}

/* Where the focused row's numbers come from: "1.1 · self 3 on 2015-03-10
 * (revision 1), before 2 (revision 1) · assessed 4, manager review, on
 * 2015-03-20". */
static void origin(struct gaps *s, const struct lup_gap_row *f, char *buf, size_t n)
{
	char b1[16], b2[16];
	int cur = s->fw ? s->fw->revision : 0;
	size_t len;
	snprintf(buf, n, "%s", f->code);
	if (f->self != LUP_LEVEL_NONE) {
		len = strlen(buf);
		snprintf(buf + len, n - len, _(" · self %s on %s (revision %d)"), tui_comp_level(f->self, b1),
		         f->self_date, f->self_rev ? f->self_rev : cur);
		if (f->self_prev != LUP_LEVEL_NONE) {
			len = strlen(buf);
			snprintf(buf + len, n - len, _(", before %s (revision %d)"), tui_comp_level(f->self_prev, b2),
			         f->self_prev_rev ? f->self_prev_rev : cur);
		}
	}
	if (f->assessed != LUP_LEVEL_NONE) {
		len = strlen(buf);
		snprintf(buf + len, n - len, _(" · assessed %s, %s, on %s (revision %d)"), tui_comp_level(f->assessed, b1),
		         lup_checkin_kind_label(f->assessed_kind), f->assessed_date, f->assessed_rev ? f->assessed_rev : cur);
		if (f->assessed_prev != LUP_LEVEL_NONE) {
			len = strlen(buf);
			snprintf(buf + len, n - len, _(", before %s (revision %d)"), tui_comp_level(f->assessed_prev, b2),
			         f->assessed_prev_rev ? f->assessed_prev_rev : cur);
		}
	}
	if (f->self == LUP_LEVEL_NONE && f->assessed == LUP_LEVEL_NONE) {
		len = strlen(buf);
		snprintf(buf + len, n - len, "%s", _(" · no level yet"));
	}
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct gaps *s = (struct gaps *)scr;
	tui_rect r = tui_area(app);
	const char *titles[NCOLS] = { _("Code"), _("Competence"), _("Self"), _("Assessed"),
	                              _("Against target"), "" };
	char line[600], b1[48], b2[48], dec[32];
	int x = r.x + 2, u = tui_utf8(), used;
	const struct lup_gap_row *f;

	snprintf(line, sizeof line, _("Gap analysis: %s · %s"), s->person, s->fw_name);
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	if (s->ok) {
		if (s->with_target == 0)
			snprintf(b1, sizeof b1, "%s", _("no targets for their role"));
		else
			snprintf(b1, sizeof b1, _("%ld of %ld below target"), s->below, s->with_target);
		snprintf(b2, sizeof b2, _("mean shortfall %s"), tui_comp_decimal(s->with_target - s->unknown > 0
		         ? s->sum_gap / (double)(s->with_target - s->unknown) : 0.0, dec));
		snprintf(line, sizeof line, _("%s · %s · self %s · assessed %s"), b1, b2,
		         s->last_self[0] ? s->last_self : "–", s->last_assessed[0] ? s->last_assessed : "–");
		tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_NORMAL), 0);
	}
	tui_fill(r.y + 2, r.x, r.w, tui_attr(TUI_S_HEADER));
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(r.y + 2, x, c == C_BAR ? s->colw[c] + 1 + s->colw[C_NUM] : s->colw[c], titles[c],
		        tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + 1;
	}
	tui_glist_draw(&s->gl, app);
	if ((f = tui_glist_focused(&s->gl)))
		origin(s, f, line, sizeof line);
	else
		line[0] = '\0';
	tui_put(r.y + r.h - 2, r.x + 1, r.w - 2, line, tui_attr(TUI_S_NORMAL), 0);
	snprintf(line, sizeof line, _("%s level  %s short of target  %s beyond  ·  %s %s = since the check-in before"
	                              "  ·  * from an earlier revision"),
	         u ? "█" : "#", u ? "░" : "-", u ? "·" : ".", tui_comp_change(LUP_CHANGE_UP),
	         tui_comp_change(LUP_CHANGE_DOWN));
	used = tui_put(r.y + r.h - 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	snprintf(line, sizeof line, "  ·  %s", _("assessed: by a manager or validation"));
	if (used + tui_width(line) <= r.w - 2)
		tui_put(r.y + r.h - 1, r.x + 1 + used, r.w - 2 - used, line, tui_attr(TUI_S_DIM), 0);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct gaps *s = (struct gaps *)scr;
	return tui_glist_action(&s->gl, app, a);
}

static void destroy(tui_screen *scr)
{
	struct gaps *s = (struct gaps *)scr;
	tui_glist_free(&s->gl);
	lup_framework_free(s->fw);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Gap analysis"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.destroy = destroy,
};

tui_screen *tui_comp_gaps(tui_app *app, const char *person_id)
{
	struct gaps *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->id, sizeof s->id, "%s", person_id);
	tui_glist_init(&s->gl, &gl_ops, s, sizeof(struct lup_gap_row));
	return &s->base;
}
