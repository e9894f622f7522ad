/* import_preview.c — what importing a file would do, before anything is
 * stored: the counts, then every row with its action; a refused row (or a
 * line that cannot be read) with its line, column and why, listed first.
 * If any row is refused nothing can be imported (all or nothing) and the
 * screen says so; otherwise ^S asks, and on Yes stores every row in one
 * transaction. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/import.h"
#include "lup/util.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/import.h"

enum { TAG_CONFIRM = 1 };
enum { C_LINE, C_ACTION, C_NAME, C_EMAIL, C_WHY, NCOLS };
#define HEAD 5      /* lines above the list: title, file, counts, verdict, column titles */
#define DETAIL 2    /* lines below it: the focused row in full */

/* An entry of the list: a row (its index), or a problem of a line that
 * is no row (its index, from nrows on). */
struct preview {
	tui_screen base;
	lup_import *im;
	char file[PATH_MAX];
	struct lup_import_counts c;
	int ok;                 /* no row refused, no line unreadable */
	size_t *order, n;
	long focus, top;
	int pending;            /* import when idle */
	int colw[NCOLS];
	tui_rect list;          /* where the rows are drawn */
};

static enum tui_style action_style(enum lup_import_action a)
{
	switch (a) {
	case LUP_IMPORT_ADD: return TUI_S_GOOD;
	case LUP_IMPORT_UPDATE: return TUI_S_WARN;
	case LUP_IMPORT_UNCHANGED: return TUI_S_DIM;
	default: return TUI_S_BAD;
	}
}

/* Is problem p a refused row's (so the row shows it already)? */
static int problem_of_row(const lup_import *im, const struct lup_import_problem *p)
{
	size_t lo = 0, hi = lup_import_nrows(im);
	while (lo < hi) {   /* rows are in line order */
		size_t mid = lo + (hi - lo) / 2;
		if (lup_import_row(im, mid)->line < p->line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < lup_import_nrows(im); lo++) {
		const struct lup_import_row *r = lup_import_row(im, lo);
		if (r->line != p->line)
			break;
		if (r->action == LUP_IMPORT_REFUSE && r->why == p->why)
			return 1;
	}
	return 0;
}

static long line_of(const struct preview *s, size_t e)
{
	size_t nrows = lup_import_nrows(s->im);
	return e < nrows ? lup_import_row(s->im, e)->line : lup_import_problem(s->im, e - nrows)->line;
}

static int is_bad(const struct preview *s, size_t e)
{
	size_t nrows = lup_import_nrows(s->im);
	return e >= nrows || lup_import_row(s->im, e)->action == LUP_IMPORT_REFUSE;
}

static const struct preview *sort_s;

static int by_badness(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int bx = is_bad(sort_s, x), by = is_bad(sort_s, y);
	long lx = line_of(sort_s, x), ly = line_of(sort_s, y);
	if (bx != by)
		return by - bx;   /* the refused first */
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The list: every row, and the lines that are no row; when something is
 * refused, those first. */
static int build(struct preview *s)
{
	size_t nrows = lup_import_nrows(s->im), total, nprobs = lup_import_nproblems(s->im, &total);
	free(s->order);
	s->n = 0;
	if (!(s->order = malloc((nrows + nprobs + 1) * sizeof *s->order)))
		return -1;
	for (size_t i = 0; i < nrows; i++)
		s->order[s->n++] = i;
	for (size_t i = 0; i < nprobs; i++)
		if (!problem_of_row(s->im, lup_import_problem(s->im, i)))
			s->order[s->n++] = nrows + i;
	if (!s->ok) {
		sort_s = s;
		qsort(s->order, s->n, sizeof *s->order, by_badness);
	}
	s->focus = 0;
	s->top = 0;
	return 0;
}

/* ---- drawing ---- */

static void layout(struct preview *s, tui_app *app)
{
	static const int min[NCOLS] = { 5, 10, 12, 12, 16 }, weight[NCOLS] = { 0, 0, 2, 2, 5 };
	static const int min_ok[NCOLS] = { 5, 10, 16, 16, 0 }, weight_ok[NCOLS] = { 0, 0, 1, 1, 0 };
	tui_rect r = tui_area(app);
	s->list.y = r.y + HEAD;
	s->list.x = r.x + 1;
	s->list.w = r.w - 2;
	s->list.h = r.h - HEAD - DETAIL;
	if (s->list.h < 1)
		s->list.h = 1;
	/* the problem column only when there are problems */
	if (s->ok)
		tui_columns(s->list.w - 2, NCOLS - 1, min_ok, weight_ok, s->colw);
	else
		tui_columns(s->list.w - 2, NCOLS, min, weight, s->colw);
	if (s->ok)
		s->colw[C_WHY] = 0;
}

static void cells(const struct preview *s, size_t e, const char *out[NCOLS], char *line, size_t n,
                  char *why, size_t wn, enum lup_import_action *act)
{
	size_t nrows = lup_import_nrows(s->im);
	const char *column, *reason;
	snprintf(line, n, "%ld", line_of(s, e));
	out[C_LINE] = line;
	if (e < nrows) {
		const struct lup_import_row *r = lup_import_row(s->im, e);
		*act = r->action;
		out[C_NAME] = r->value[LUP_IMP_NAME] ? r->value[LUP_IMP_NAME] : "–";
		out[C_EMAIL] = r->value[LUP_IMP_EMAIL] ? r->value[LUP_IMP_EMAIL] : "";
		column = r->action == LUP_IMPORT_REFUSE ? r->column : NULL;
		reason = r->action == LUP_IMPORT_REFUSE ? r->why : NULL;
	} else {
		const struct lup_import_problem *p = lup_import_problem(s->im, e - nrows);
		*act = LUP_IMPORT_REFUSE;
		out[C_NAME] = "–";
		out[C_EMAIL] = "";
		column = p->column;
		reason = p->why;
	}
	out[C_ACTION] = lup_import_action_label(*act);
	if (reason && column)
		snprintf(why, wn, "%s: %s", column, reason);
	else
		snprintf(why, wn, "%s", reason ? reason : "");
	out[C_WHY] = why;
}

static void draw_counts(const struct preview *s, int y, int x, int w)
{
	char b[4][96];
	int used = 0;
	snprintf(b[0], sizeof b[0], ngettext("%ld to add", "%ld to add", (unsigned long)s->c.added), s->c.added);
	snprintf(b[1], sizeof b[1], ngettext("%ld to update", "%ld to update", (unsigned long)s->c.updated),
	         s->c.updated);
	snprintf(b[2], sizeof b[2], ngettext("%ld unchanged", "%ld unchanged", (unsigned long)s->c.unchanged),
	         s->c.unchanged);
	snprintf(b[3], sizeof b[3], ngettext("%ld refused", "%ld refused", (unsigned long)s->c.refused),
	         s->c.refused);
	for (int i = 0; i < 4 && used < w; i++) {
		enum tui_style st = i == 3 && s->c.refused ? TUI_S_BAD : TUI_S_TITLE;
		used += tui_put(y, x + used, w - used, b[i], tui_attr(st), 0);
		if (i < 3 && used < w)
			used += tui_put(y, x + used, w - used, " · ", tui_attr(TUI_S_DIM), 0);
	}
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct preview *s = (struct preview *)scr;
	tui_rect r = tui_area(app);
	char line[PATH_MAX + 256];
	const char *delim;
	int x = s->list.x, y;
	lup_buf ign = { 0 };

	snprintf(line, sizeof line, _("Import people from %s"), s->file);
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);

	switch (lup_import_delimiter(s->im)) {
	case ',': delim = _("commas"); break;
	case ';': delim = _("semicolons"); break;
	case '\t': delim = _("tabs"); break;
	default: delim = "?"; break;
	}
	for (int i = 0; i < lup_import_ncolumns(s->im); i++)
		if (lup_import_column_field(s->im, i) == LUP_IMP_IGNORE)
			lup_buf_printf(&ign, "%s%s", ign.len ? ", " : "", lup_import_column(s->im, i));
	snprintf(line, sizeof line, ngettext("%s, separated by %s; %ld row", "%s, separated by %s; %ld rows",
	                                     (unsigned long)s->c.rows),
	         lup_import_encoding(s->im), delim, s->c.rows);
	if (ign.len) {
		size_t n = strlen(line);
		snprintf(line + n, sizeof line - n, _("; columns not used: %s"), ign.s);
	}
	lup_buf_clear(&ign);
	tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	draw_counts(s, r.y + 2, r.x + 1, r.w - 2);

	if (s->pending)
		tui_put(r.y + 3, r.x + 1, r.w - 2, _("Importing…"), tui_attr(TUI_S_WARN), 0);
	else if (!s->ok && s->c.refused)
		tui_put(r.y + 3, r.x + 1, r.w - 2,
		        _("All or nothing: while rows are refused, nothing can be imported."),
		        tui_attr(TUI_S_BAD), 0);
	else if (!s->ok)
		tui_put(r.y + 3, r.x + 1, r.w - 2,
		        _("All or nothing: while lines cannot be read, nothing can be imported."),
		        tui_attr(TUI_S_BAD), 0);
	else if (s->c.added + s->c.updated == 0)
		tui_put(r.y + 3, r.x + 1, r.w - 2, _("Nothing to import: lup has every row as it is already."),
		        tui_attr(TUI_S_NORMAL), 0);
	else {
		tui_key k[TUI_MAX_KEYS], kc[TUI_MAX_KEYS];
		char kb1[16], kb2[16];
		int n1 = tui_action_keys(TUI_A_IMPORT_RUN, k), n2 = tui_action_keys(TUI_A_IMPORT_CANCEL, kc);
		snprintf(line, sizeof line, _("Nothing is stored yet. %s imports every row (it asks first); "
		                              "%s goes back."),
		         n1 ? tui_key_label(k[0], kb1) : "?", n2 ? tui_key_label(kc[0], kb2) : "?");
		tui_put(r.y + 3, r.x + 1, r.w - 2, line, tui_attr(TUI_S_NORMAL), 0);
	}

	/* the column titles */
	{
		const char *titles[NCOLS] = { C_("import column", "Line"), C_("import column", "Action"),
			_("Name"), _("E-mail"), C_("import column", "Problem") };
		int cx = x + 2;
		for (int c = 0; c < NCOLS; c++) {
			if (s->colw[c] <= 0)
				continue;
			tui_put(r.y + HEAD - 1, cx, s->colw[c], titles[c], tui_attr(TUI_S_HEADER),
			        c == C_LINE ? TUI_RIGHT : 0);
			cx += s->colw[c] + 1;
		}
	}

	/* the rows */
	if (s->focus >= (long)s->n)
		s->focus = (long)s->n - 1;
	if (s->focus < 0)
		s->focus = 0;
	if (s->focus < s->top)
		s->top = s->focus;
	if (s->focus >= s->top + s->list.h)
		s->top = s->focus - s->list.h + 1;
	if (s->top < 0)
		s->top = 0;
	for (y = 0; y < s->list.h && s->top + y < (long)s->n; y++) {
		size_t e = s->order[s->top + y];
		const char *cell[NCOLS];
		char ln[24], why[1024];
		enum lup_import_action act;
		int focused = s->top + y == s->focus, cx = x + 2;
		cells(s, e, cell, ln, sizeof ln, why, sizeof why, &act);
		if (focused) {
			tui_fill(s->list.y + y, x, s->list.w, tui_attr(TUI_S_FOCUS));
			tui_put(s->list.y + y, x, 1, tui_glyph_marker(), tui_attr(TUI_S_FOCUS) | A_BOLD, 0);
			tui_cursor(app, s->list.y + y, x);
		}
		for (int c = 0; c < NCOLS; c++) {
			attr_t a = c == C_ACTION || c == C_WHY ? tui_attr(action_style(act)) : tui_attr(TUI_S_NORMAL);
			if (s->colw[c] <= 0)
				continue;
			if (focused)
				a = tui_attr(TUI_S_FOCUS) | (a & A_BOLD);
			tui_put(s->list.y + y, cx, s->colw[c], cell[c], a, c == C_LINE ? TUI_RIGHT : 0);
			cx += s->colw[c] + 1;
		}
	}
	if (s->n == 0) {
		tui_put(s->list.y, x + 2, s->list.w - 2, _("The file has no rows."), tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, s->list.y, x);
	}

	/* the focused row in full */
	if (s->n > 0) {
		size_t e = s->order[s->focus], nrows = lup_import_nrows(s->im);
		lup_buf d = { 0 };
		enum tui_style st = TUI_S_DIM;
		if (e < nrows) {
			const struct lup_import_row *rw = lup_import_row(s->im, e);
			if (rw->action == LUP_IMPORT_REFUSE) {
				st = TUI_S_BAD;
				if (rw->column)
					lup_buf_printf(&d, _("Line %ld, column %s: %s"), rw->line, rw->column, rw->why);
				else
					lup_buf_printf(&d, _("Line %ld: %s"), rw->line, rw->why);
			} else {
				static const enum lup_import_field show[] = {
					LUP_IMP_NAME, LUP_IMP_EMAIL, LUP_IMP_PHONE, LUP_IMP_UNIT, LUP_IMP_ROLE,
					LUP_IMP_MANAGER, LUP_IMP_EMPNO, LUP_IMP_ACTIVE
				};
				lup_buf_printf(&d, _("Line %ld:"), rw->line);
				for (size_t i = 0; i < sizeof show / sizeof show[0]; i++)
					if (rw->value[show[i]])
						lup_buf_printf(&d, " %s: %s;", lup_import_field_label(show[i]),
						               rw->value[show[i]]);
				if (d.len && d.s[d.len - 1] == ';')
					d.s[--d.len] = '\0';
			}
		} else {
			const struct lup_import_problem *p = lup_import_problem(s->im, e - nrows);
			st = TUI_S_BAD;
			if (p->line > 0)
				lup_buf_printf(&d, _("Line %ld: %s"), p->line, p->why);
			else
				lup_buf_printf(&d, "%s", p->why);
		}
		tui_put_wrapped(r.y + r.h - DETAIL, r.x + 1, r.w - 2, DETAIL, d.s ? d.s : "", tui_attr(st), 1);
		lup_buf_clear(&d);
	}
}

/* ---- keys ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_IMPORT);
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct preview *s = (struct preview *)scr;
	(void)app;
	if (a == TUI_A_IMPORT_RUN)
		return s->ok && s->c.added + s->c.updated > 0 && !s->pending;
	return 1;
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	layout((struct preview *)scr, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct preview *s = (struct preview *)scr;
	long page = s->list.h > 1 ? s->list.h - 1 : 1;
	switch (a) {
	case TUI_A_UP: s->focus--; break;
	case TUI_A_DOWN: s->focus++; break;
	case TUI_A_PAGE_UP: s->focus -= page; break;
	case TUI_A_PAGE_DOWN: s->focus += page; break;
	case TUI_A_TOP: s->focus = 0; break;
	case TUI_A_BOTTOM: s->focus = (long)s->n - 1; break;
	case TUI_A_IMPORT_CANCEL:
		return s->pending ? 0 : tui_pop(app, TUI_CANCELLED);
	case TUI_A_IMPORT_RUN: {
		char q[160], detail[512];
		if (s->pending)
			return 0;
		if (!s->ok) {
			tui_error(app, "%s", _("Nothing can be imported while rows are refused: correct the file "
			                       "and read it again."));
			return TUI_REDRAW;
		}
		if (s->c.added + s->c.updated == 0) {
			tui_status(app, "%s", _("Nothing to import: lup has every row as it is already."));
			return TUI_REDRAW;
		}
		snprintf(q, sizeof q, ngettext("Import %ld person?", "Import %ld people?",
		                               (unsigned long)(s->c.added + s->c.updated)),
		         s->c.added + s->c.updated);
		{
			size_t u = (size_t)snprintf(detail, sizeof detail,
			                            ngettext("%ld new", "%ld new", (unsigned long)s->c.added), s->c.added);
			u += (size_t)snprintf(detail + u, sizeof detail - u,
			                      ngettext(", %ld changed", ", %ld changed", (unsigned long)s->c.updated),
			                      s->c.updated);
			u += (size_t)snprintf(detail + u, sizeof detail - u,
			                      ngettext(", %ld already as lup has it.", ", %ld already as lup has them.",
			                               (unsigned long)s->c.unchanged), s->c.unchanged);
			snprintf(detail + u, sizeof detail - u, " %s", _("All rows are stored together, in one step."));
		}
		return tui_confirm(app, TAG_CONFIRM, q, detail);
	}
	default:
		return TUI_UNHANDLED;
	}
	return TUI_REDRAW;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct preview *s = (struct preview *)scr;
	(void)child;
	if (tag == TAG_CONFIRM && result == TUI_YES) {
		s->pending = 1;
		tui_status(app, "%s", _("Importing…"));
	}
	return TUI_REDRAW;
}

/* Store every row (after Yes, once the question is gone from the screen). */
static int idle(tui_screen *scr, tui_app *app)
{
	struct preview *s = (struct preview *)scr;
	struct lup_import_counts c;
	lup_err err;
	if (!s->pending)
		return 0;
	s->pending = 0;
	lup_err_clear(&err);
	if (lup_import_run(tui_db(app), s->im, 0, &c, &err) == 0) {
		tui_status(app, _("Imported: %ld added, %ld updated"), c.added, c.updated);
		return tui_pop(app, TUI_IMPORTED);
	}
	/* Nothing was stored.  If rows are refused now (the database changed
	 * since the preview), show them. */
	tui_error(app, "%s", err.msg);
	if (err.code == LUP_EINVAL) {
		s->c = c;
		s->ok = 0;
		if (build(s) < 0)
			s->n = 0;
		layout(s, app);
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct preview *s = (struct preview *)scr;
	lup_import_free(s->im);
	free(s->order);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Import preview"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_import_preview(tui_app *app, lup_import *im, const char *file,
                               const struct lup_import_counts *c, int ok)
{
	struct preview *s = calloc(1, sizeof *s);
	(void)app;
	if (!s) {
		lup_import_free(im);
		return NULL;
	}
	s->base.ops = &ops;
	s->im = im;
	snprintf(s->file, sizeof s->file, "%s", file);
	s->c = *c;
	s->ok = ok;
	if (build(s) < 0) {
		destroy(&s->base);
		return NULL;
	}
	return &s->base;
}
