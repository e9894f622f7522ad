/* calendar_pick.c — choose whose calendar to show: every cohort (the first
 * row) or one, from the cohorts by start date, paged by keyset through
 * lup_cohort_page. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/calendar_int.h"
#include "tui/list.h"

enum { P_NAME, P_DATES, P_STATUS, P_SESSIONS, NPCOLS };

struct picker {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	char current[LUP_ID_SIZE];
	char picked_id[LUP_ID_SIZE], picked_name[128];
	int colw[NPCOLS];
};

/* The row for every cohort: an empty id. */
static void all_row(struct lup_cohort_row *r)
{
	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", C_("calendar", "All cohorts"));
}

static int cpage(struct picker *s, const struct lup_cohort_row *from, int dir, int n,
                 struct lup_cohort_row *rows, lup_err *err)
{
	struct lup_cohort_query q = { 0 };
	return n > 0 ? lup_cohort_page(tui_db(s->app), &q, from, dir, n, rows, err) : 0;
}

static int fetch(struct tui_list *l, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct picker *s = l->ud;
	const struct lup_cohort_row *from = fromv;
	struct lup_cohort_row *rows = rowsv;
	int got;
	if (n <= 0)
		return 0;
	if (dir > 0) {
		if (!from) {
			all_row(&rows[0]);
			got = cpage(s, NULL, 1, n - 1, rows + 1, err);
			return got < 0 ? -1 : got + 1;
		}
		return cpage(s, from->id[0] ? from : NULL, 1, n, rows, err);
	}
	if (from && !from->id[0])
		return 0;
	got = cpage(s, from, -1, n, rows, err);
	if (got < 0)
		return -1;
	if (got < n) {   /* the beginning: the row for every cohort is first */
		memmove(rows + 1, rows, (size_t)got * sizeof *rows);
		all_row(&rows[0]);
		got++;
	}
	return got;
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct picker *s = l->ud;
	struct lup_cohort_query q = { 0 };
	long n = 0;
	if (lup_cohort_count(tui_db(s->app), &q, &n, err) < 0)
		return -1;
	*total = *matching = n + 1;
	return 0;
}

/* Counted by paging back to the start: only after a resize, once no key
 * is waiting. */
static long position(struct tui_list *l, const void *rowv, lup_err *err)
{
	struct picker *s = l->ud;
	const struct lup_cohort_row *row = rowv;
	struct lup_cohort_row *chunk;
	long pos = 1;
	int got;
	if (!row->id[0])
		return 0;
	if (!(chunk = malloc(256 * sizeof *chunk)))
		return -1;
	for (const struct lup_cohort_row *from = row;; from = &chunk[0]) {
		struct lup_cohort_row anchor = *from;
		got = cpage(s, &anchor, -1, 256, chunk, err);
		if (got < 0) {
			free(chunk);
			return -1;
		}
		pos += got;
		if (got < 256)
			break;
	}
	free(chunk);
	return pos;
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct picker *s = l->ud;
	const char *titles[NPCOLS] = { C_("calendar", "Cohort"), C_("calendar", "Dates"), C_("calendar", "Status"),
	                               C_("calendar", "Sessions") };
	(void)width;
	for (int c = 0; c < NPCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *rowv, int y, int x, int width, attr_t a)
{
	struct picker *s = l->ud;
	const struct lup_cohort_row *r = rowv;
	char name[200], dates[40], sessions[64];
	const char *cells[NPCOLS];
	(void)width;
	snprintf(name, sizeof name, "%s%s", r->name,
	         strcmp(r->id, s->current) == 0 ? _(" (shown)") : "");
	if (!r->id[0]) {
		dates[0] = sessions[0] = 0;
	} else {
		snprintf(dates, sizeof dates, "%s – %s", r->start_date[0] ? r->start_date : "?",
		         r->end_date[0] ? r->end_date : "?");
		snprintf(sessions, sizeof sessions, "%ld", r->sessions);
	}
	cells[P_NAME] = name;
	cells[P_DATES] = dates;
	cells[P_STATUS] = r->id[0] ? lup_cohort_status_label(r->status) : "";
	cells[P_SESSIONS] = sessions;
	for (int c = 0; c < NPCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(y, x, s->colw[c], cells[c], c == P_NAME && !r->id[0] ? a | A_BOLD : a,
		        c == P_SESSIONS ? TUI_RIGHT : 0);
		x += s->colw[c] + 1;
	}
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position,
	.draw_row = draw_row, .draw_header = draw_header,
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST);
}

/* Cohorts have no text filter or other order here. */
static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_FILTER && a != TUI_A_SORT;
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	static const int min[NPCOLS] = { 16, 23, 8, 8 }, weight[NPCOLS] = { 5, 0, 1, 0 };
	tui_rect r = tui_area(app);
	tui_columns(r.w - 3, NPCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	tui_rect r = tui_area(app);
	tui_list_draw(&s->list, app);
	tui_put(r.y, r.x + 1, r.w / 2, _("Whose calendar? Enter shows it"), tui_attr(TUI_S_TITLE), 0);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct picker *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct picker *s = (struct picker *)scr;
	const struct lup_cohort_row *r;
	int res;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;
	res = tui_list_action(&s->list, app, a);
	if (!(res & TUI_UNHANDLED))
		return res;
	if (a != TUI_A_OPEN)
		return TUI_UNHANDLED;
	if (!(r = tui_list_focused(&s->list)))
		return 0;
	snprintf(s->picked_id, sizeof s->picked_id, "%s", r->id);
	snprintf(s->picked_name, sizeof s->picked_name, "%s", r->id[0] ? r->name : "");
	return tui_pop(app, TUI_SAVED);
}

static void destroy(tui_screen *scr)
{
	struct picker *s = (struct picker *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Whose calendar"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *cal_cohort_picker(tui_app *app, const char *current_id)
{
	struct picker *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->current, sizeof s->current, "%s", current_id ? current_id : "");
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_cohort_row), 1);
	return &s->base;
}

void cal_picked(tui_screen *picker, char id[LUP_ID_SIZE], char name[128])
{
	struct picker *s = (struct picker *)picker;
	id[0] = name[0] = 0;
	if (!picker || picker->ops != &ops)
		return;
	snprintf(id, LUP_ID_SIZE, "%s", s->picked_id);
	snprintf(name, 128, "%s", s->picked_name);
}
