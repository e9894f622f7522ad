/* comp_heatmap.c — the heat map: org units (or cohorts) × a framework's
 * areas (its latest revision), each cell the mean shortfall against
 * target as a number and a shade character, so it reads the same without
 * colour.  b switches the rows between units and cohorts, c keeps one
 * cohort's people, o chooses which levels count, f shows the next
 * framework.  The title says which revisions the levels come from.
 * The map is worked out a few milliseconds at a time while no key is
 * waiting, with its progress shown; the map before a change stays until
 * the new one is complete. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/draw.h"

enum { TAG_COHORT = 1 };

/* the work of a slice of idle time */
#define HEAT_SLICE_MS 8

struct heat {
	tui_screen base;
	tui_app *app;
	struct lup_heatmap hm;
	int built;
	struct lup_db_stamp stamp;   /* of the data the map was built from */
	lup_heat_build *b;           /* a map being worked out, into next */
	struct lup_heatmap next;
	struct lup_db_stamp bstamp;  /* of the data when it began */
	double progress;
	enum lup_heat_by by;
	enum lup_gap_source source;
	char cohort[LUP_UUID_LEN + 1], cohort_name[160];
	char fw_id[LUP_UUID_LEN + 1], fw_name[300];
	char ident[LUP_FW_IDENT_MAX + 1];   /* the framework shown; "" the default */
	char error[sizeof ((lup_err *)0)->msg];
	int top, focus;
	tui_rect r;
	int labw, peoplew, cellw, body;
};

static const char *source_text(enum lup_gap_source s)
{
	switch (s) {
	case LUP_GAP_SELF: return _("self-assessed only");
	case LUP_GAP_ASSESSED: return _("assessed only");
	default: return _("assessed, else self-assessed");
	}
}

static void layout(struct heat *s);

static void stop(struct heat *s)
{
	if (s->b) {
		lup_heatmap_end(s->b);
		s->b = NULL;
		lup_heatmap_clear(&s->next);
	}
}

/* Start working the map out; keep_shown: the map shown stays until the
 * new one is complete (the data changed, not what is asked). */
static void start(struct heat *s, tui_app *app, int keep_shown)
{
	struct lup_heat_query q;
	struct lup_framework_row *fws = NULL;
	size_t n = 0;
	lup_err err;
	lup_err_clear(&err);
	stop(s);
	if (!keep_shown) {
		lup_heatmap_clear(&s->hm);
		s->built = 0;
	}
	s->error[0] = 0;
	s->progress = 0;
	if ((s->ident[0] ? lup_framework_current(tui_db(app), s->ident, s->fw_id, &err)
	                 : tui_comp_framework(app, s->fw_id, &err)) < 0) {
		snprintf(s->error, sizeof s->error, "%s", err.msg);
		return;
	}
	if (lup_framework_list(tui_db(app), 1, &fws, &n, &err) == 0)
		for (size_t i = 0; i < n; i++)
			if (strcmp(fws[i].id, s->fw_id) == 0) {
				snprintf(s->fw_name, sizeof s->fw_name, "%s (%s r%d)", lup_fw_text(fws[i].name, fws[i].name_sv),
				         fws[i].ident, fws[i].revision);
				snprintf(s->ident, sizeof s->ident, "%s", fws[i].ident);
			}
	free(fws);
	memset(&q, 0, sizeof q);
	q.framework_id = s->fw_id;
	q.by = s->by;
	q.cohort_id = s->cohort[0] ? s->cohort : NULL;
	q.source = s->source;
	lup_heatmap_stamp(tui_db(app), &s->bstamp);
	if (lup_heatmap_begin(tui_db(app), &q, &s->next, &s->b, &err) < 0) {
		snprintf(s->error, sizeof s->error, "%s", err.msg);
		lup_heatmap_clear(&s->hm);
		s->built = 0;
	}
}

/* A slice of the work: the map shown once complete, unless the data
 * changed meanwhile (then once more). */
static int idle(tui_screen *scr, tui_app *app)
{
	struct heat *s = (struct heat *)scr;
	struct lup_db_stamp now;
	lup_err err;
	int rc;
	if (!s->b)
		return 0;
	lup_err_clear(&err);
	rc = lup_heatmap_step(s->b, HEAT_SLICE_MS, &s->progress, &err);
	if (rc == 0)
		return TUI_REDRAW;
	lup_heatmap_end(s->b);
	s->b = NULL;
	if (rc < 0) {
		snprintf(s->error, sizeof s->error, "%s", err.msg);
		lup_heatmap_clear(&s->hm);
		s->built = 0;
		return TUI_REDRAW;
	}
	lup_heatmap_stamp(tui_db(app), &now);
	if (!lup_db_stamp_equal(&now, &s->bstamp)) {
		lup_heatmap_clear(&s->next);
		start(s, app, 1);
		return TUI_REDRAW;
	}
	lup_heatmap_clear(&s->hm);
	s->hm = s->next;
	memset(&s->next, 0, sizeof s->next);
	s->built = 1;
	s->stamp = s->bstamp;
	if (s->focus >= (int)s->hm.nrows)
		s->focus = s->hm.nrows ? (int)s->hm.nrows - 1 : 0;
	layout(s);
	return TUI_REDRAW;
}

static void layout(struct heat *s)
{
	int ncols = s->built && s->hm.ncols ? (int)s->hm.ncols : 1;
	tui_rect r = s->r;
	s->peoplew = 8;
	s->labw = r.w / 4 < 18 ? 18 : r.w / 4 > 34 ? 34 : r.w / 4;
	s->cellw = (r.w - 3 - s->labw - 1 - s->peoplew - 1) / ncols - 1;
	if (s->cellw > 20)
		s->cellw = 20;
	if (s->cellw < 6)
		s->cellw = 6;
	s->body = r.h - 5;   /* title, column titles; legend and area names below */
	if (s->body < 1)
		s->body = 1;
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_HEATMAP);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct heat *s = (struct heat *)scr;
	s->r = tui_screen_area(app, scr);
	layout(s);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct heat *s = (struct heat *)scr;
	struct lup_db_stamp now;
	lup_heatmap_stamp(tui_db(app), &now);
	/* Working it out costs a pass over every rating: only when what it
	 * reads changed (or it failed: try again). */
	if (!s->b && (!s->built || !lup_db_stamp_equal(&now, &s->stamp)))
		start(s, app, s->built);
	layout(s);
	return TUI_REDRAW;
}

/* " 1.4 ▒▒" — the number and the shade, so that neither colour nor the
 * shade alone carries it. */
static void cell_text(const struct lup_heat_cell *c, int wide, char *buf, size_t n)
{
	/* the shade of the number shown, rounded as it is shown */
	double g = floor(c->mean_gap * 10 + 0.5) / 10;
	const char *sh = tui_comp_shade(g, c->pairs);
	char dec[32];
	if (c->pairs <= 0) {
		snprintf(buf, n, "    %s", tui_utf8() ? "–" : "-");
		return;
	}
	tui_comp_decimal(g, dec);
	if (wide)
		snprintf(buf, n, "%s%s %4s  %ld/%ld", sh, sh, dec, c->below, c->pairs);
	else
		snprintf(buf, n, "%s%s %4s", sh, sh, dec);
}

static enum tui_style cell_style(const struct lup_heat_cell *c)
{
	double g = floor(c->mean_gap * 10 + 0.5) / 10;
	if (c->pairs <= 0)
		return TUI_S_DIM;
	return g >= 1.5 ? TUI_S_BAD : g >= 0.75 ? TUI_S_WARN : TUI_S_GOOD;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct heat *s = (struct heat *)scr;
	tui_rect r = s->r;
	char line[600], b[300];
	int x, y, wide = s->cellw >= 15, u = tui_utf8();
	const struct lup_heatmap *h = &s->hm;

	snprintf(b, sizeof b, "%s", s->cohort[0] ? s->cohort_name : _("everyone"));
	snprintf(line, sizeof line, _("By %s · %s · levels: %s · %s"),
	         s->by == LUP_HEAT_UNIT ? _("org unit") : _("cohort"), b, source_text(s->source), s->fw_name);
	if (s->built && h->rev_min && (h->rev_min != h->revision || h->rev_max != h->revision)) {
		/* levels given in other revisions count where they mean the same */
		size_t len = strlen(line);
		if (h->rev_min == h->rev_max)
			snprintf(line + len, sizeof line - len, _(" · levels from revision %d"), h->rev_min);
		else
			snprintf(line + len, sizeof line - len, _(" · levels from revisions %d–%d"), h->rev_min, h->rev_max);
	}
	if (s->b) {
		/* being worked out: how far */
		size_t len = strlen(line);
		snprintf(b, sizeof b, _("Working out the heat map… %d%%"), (int)(s->progress * 100));
		if (s->built)
			snprintf(line + len, sizeof line - len, " · %s", b);
	}
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	if (!s->built) {
		tui_put(r.y + 2, r.x + 2, r.w - 4, s->b ? b : s->error[0] ? s->error : _("Nothing to show."),
		        tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 2, r.x + 2);
		return;
	}
	/* column titles: the area's code and as much of its name as fits */
	y = r.y + 1;
	tui_fill(y, r.x, r.w, tui_attr(TUI_S_HEADER));
	x = r.x + 2;
	tui_put(y, x, s->labw, s->by == LUP_HEAT_UNIT ? _("Unit") : _("Cohort"), tui_attr(TUI_S_HEADER), 0);
	x += s->labw + 1;
	tui_put(y, x, s->peoplew, _("People"), tui_attr(TUI_S_HEADER), TUI_RIGHT);
	x += s->peoplew + 1;
	for (size_t c = 0; c < h->ncols; c++) {
		snprintf(b, sizeof b, "%s %s", h->col_code[c], lup_fw_text(h->col_name[c], h->col_name_sv[c]));
		tui_put(y, x, s->cellw, b, tui_attr(TUI_S_HEADER), 0);
		x += s->cellw + 1;
	}
	/* the rows */
	if (s->focus < s->top)
		s->top = s->focus;
	if (s->focus >= s->top + s->body)
		s->top = s->focus - s->body + 1;
	if (s->top < 0)
		s->top = 0;
	for (int i = 0; i < s->body && s->top + i < (int)h->nrows; i++) {
		int row = s->top + i, focused = row == s->focus;
		attr_t a = focused ? tui_attr(TUI_S_FOCUS) : tui_attr(TUI_S_NORMAL);
		const char *label = h->row_label[row][0] ? h->row_label[row]
		                  : s->by == LUP_HEAT_UNIT ? _("(no unit)") : _("(no cohort)");
		y = r.y + 2 + i;
		tui_fill(y, r.x, r.w, a);
		if (focused) {
			tui_put(y, r.x, 1, tui_glyph_marker(), a | A_BOLD, 0);
			tui_cursor(app, y, r.x);
		}
		x = r.x + 2;
		tui_put(y, x, s->labw, label, a, 0);
		x += s->labw + 1;
		snprintf(b, sizeof b, "%ld", h->row_people[row]);
		tui_put(y, x, s->peoplew, b, a, TUI_RIGHT);
		x += s->peoplew + 1;
		for (size_t c = 0; c < h->ncols; c++) {
			const struct lup_heat_cell *cell = &h->cells[(size_t)row * h->ncols + c];
			cell_text(cell, wide, b, sizeof b);
			tui_put(y, x, s->cellw, b, focused ? a : tui_attr(cell_style(cell)), 0);
			x += s->cellw + 1;
		}
	}
	if (h->nrows == 0) {
		tui_put(r.y + 3, r.x + 2, r.w - 4, _("Nobody to show: no active people here."), tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 3, r.x + 2);
	}
	/* the legend, and the areas' names when the titles cut them */
	y = r.y + r.h - 2;
	snprintf(line, sizeof line, _("Mean shortfall to target: %s from 0.25  %s from 0.75  %s from 1.5  %s from 2.5"
	                              "  %s no levels%s"),
	         tui_comp_shade(0.5, 1), tui_comp_shade(1, 1), tui_comp_shade(2, 1), tui_comp_shade(3, 1),
	         u ? "–" : "-", wide ? _("  ·  below target / rated") : "");
	tui_put(y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	line[0] = 0;
	for (size_t c = 0; c < h->ncols; c++) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s %s", c ? " · " : "", h->col_code[c],
		         lup_fw_text(h->col_name[c], h->col_name_sv[c]));
	}
	tui_put(y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct heat *s = (struct heat *)scr;
	int n = s->built ? (int)s->hm.nrows : 0, page = s->body > 1 ? s->body - 1 : 1;
	switch (a) {
	case TUI_A_UP: s->focus--; break;
	case TUI_A_DOWN: s->focus++; break;
	case TUI_A_PAGE_UP: s->focus -= page; break;
	case TUI_A_PAGE_DOWN: s->focus += page; break;
	case TUI_A_TOP: s->focus = 0; break;
	case TUI_A_BOTTOM: s->focus = n - 1; break;
	case TUI_A_HEAT_ROWS:
		s->by = s->by == LUP_HEAT_UNIT ? LUP_HEAT_COHORT : LUP_HEAT_UNIT;
		s->focus = s->top = 0;
		start(s, app, 0);
		layout(s);
		return TUI_REDRAW;
	case TUI_A_HEAT_SOURCE:
		s->source = s->source == LUP_GAP_BEST ? LUP_GAP_SELF
		          : s->source == LUP_GAP_SELF ? LUP_GAP_ASSESSED : LUP_GAP_BEST;
		start(s, app, 0);
		tui_status(app, _("Levels: %s."), source_text(s->source));
		return TUI_REDRAW;
	case TUI_A_HEAT_COHORT:
		return tui_push(app, tui_comp_cohort_picker(app), TAG_COHORT);
	case TUI_A_HEAT_FRAMEWORK: {
		struct lup_framework_row *fws;
		size_t nf, at = 0;
		lup_err err;
		lup_err_clear(&err);
		if (lup_framework_list(tui_db(app), 0, &fws, &nf, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		for (size_t i = 0; i < nf; i++)
			if (strcmp(fws[i].ident, s->ident) == 0)
				at = (i + 1) % nf;
		if (nf)
			snprintf(s->ident, sizeof s->ident, "%s", fws[at].ident);
		free(fws);
		if (nf < 2)
			tui_status(app, "%s", _("Only one framework is imported."));
		s->focus = s->top = 0;
		start(s, app, 0);
		layout(s);
		return TUI_REDRAW;
	}
	default:
		return TUI_UNHANDLED;
	}
	if (s->focus > n - 1)
		s->focus = n - 1;
	if (s->focus < 0)
		s->focus = 0;
	return TUI_REDRAW;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct heat *s = (struct heat *)scr;
	if (tag == TAG_COHORT && result == TUI_SAVED) {
		const char *name = "";
		const char *id = tui_comp_cohort_picked(child, &name);
		snprintf(s->cohort, sizeof s->cohort, "%s", id ? id : "");
		snprintf(s->cohort_name, sizeof s->cohort_name, "%s", name ? name : "");
		s->focus = s->top = 0;
		stop(s);
		lup_heatmap_clear(&s->hm);
		s->built = 0;   /* enter() starts it */
	}
	(void)app;
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct heat *s = (struct heat *)scr;
	stop(s);
	lup_heatmap_clear(&s->hm);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Heat map"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_comp_heatmap_view(tui_app *app)
{
	struct heat *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	s->by = LUP_HEAT_UNIT;
	s->source = LUP_GAP_BEST;
	return &s->base;
}
