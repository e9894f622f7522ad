/* comp_cohort_pick.c — pick a cohort for the heat map, or everyone (the
 * first row).  Enter picks, q or Esc leaves it as it was. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/competence.h"
#include "tui/list.h"

struct pick_row {
	int all;                    /* the "everyone" row */
	struct lup_cohort_row c;
};

struct picker {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	char id[LUP_UUID_LEN + 1], name[160];
};

/* Cohorts into rows[at..], as pick rows. */
static int cohorts(struct picker *s, const struct lup_cohort_row *from, int dir, int n,
                   struct pick_row *rows, int at, lup_err *err)
{
	struct lup_cohort_query q;
	struct lup_cohort_row *tmp;
	int got;
	if (n <= 0)
		return 0;
	if (!(tmp = malloc((size_t)n * sizeof *tmp)))
		return lup_err_set(err, LUP_EFAIL, "%s", _("out of memory"));
	memset(&q, 0, sizeof q);
	got = lup_cohort_page(tui_db(s->app), &q, from, dir, n, tmp, err);
	for (int i = 0; i < got; i++) {
		rows[at + i].all = 0;
		rows[at + i].c = tmp[i];
	}
	free(tmp);
	return got;
}

static int fetch(struct tui_list *l, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct picker *s = l->ud;
	const struct pick_row *from = fromv;
	struct pick_row *rows = rowsv;
	int got;
	if (dir > 0) {
		if (from && !from->all)
			return cohorts(s, &from->c, 1, n, rows, 0, err);
		if (from)   /* after "everyone": the cohorts from the first */
			return cohorts(s, NULL, 1, n, rows, 0, err);
		rows[0].all = 1;
		got = cohorts(s, NULL, 1, n - 1, rows, 1, err);
		return got < 0 ? -1 : got + 1;
	}
	if (from && from->all)
		return 0;
	got = cohorts(s, from ? &from->c : NULL, -1, n, rows, 0, err);
	if (got < 0)
		return -1;
	if (got < n) {   /* reached the first cohort: "everyone" comes before it */
		memmove(&rows[1], &rows[0], (size_t)got * sizeof *rows);
		rows[0].all = 1;
		got++;
	}
	return got;
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct picker *s = l->ud;
	struct lup_cohort_query q;
	long n;
	memset(&q, 0, sizeof q);
	if (lup_cohort_count(tui_db(s->app), &q, &n, err) < 0)
		return -1;
	*total = *matching = n + 1;
	return 0;
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	(void)l;
	tui_put(y, x, width, _("Cohort"), tui_attr(TUI_S_HEADER), 0);
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	const struct pick_row *p = row;
	char b[300];
	(void)l;
	if (p->all) {
		tui_put(y, x, width, _("Everyone (no cohort chosen)"), a | A_BOLD, 0);
		return;
	}
	snprintf(b, sizeof b, "%s  %s – %s", p->c.name, p->c.start_date[0] ? p->c.start_date : "?",
	         p->c.end_date[0] ? p->c.end_date : "?");
	tui_put(y, x, width, b, a, 0);
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .draw_row = draw_row, .draw_header = draw_header,
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	tui_rect r = tui_area(app);
	r.y += 1;
	r.h -= 1;
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	tui_list_reload(&((struct picker *)scr)->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	tui_rect r = tui_area(app);
	tui_put(r.y, r.x + 1, r.w - 2, _("Heat map: whose levels? Enter picks a cohort, or everyone"),
	        tui_attr(TUI_S_TITLE), 0);
	tui_list_draw(&s->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct picker *s = (struct picker *)scr;
	const struct pick_row *p = tui_list_focused(&s->list);
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;   /* a short list, in date order */
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	if (a == TUI_A_OPEN && p) {
		snprintf(s->id, sizeof s->id, "%s", p->all ? "" : p->c.id);
		snprintf(s->name, sizeof s->name, "%s", p->all ? "" : p->c.name);
		return tui_pop(app, TUI_SAVED);
	}
	return TUI_UNHANDLED;
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_SORT && a != TUI_A_FILTER;
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct picker *)scr)->list, app);
}

static void destroy(tui_screen *scr)
{
	struct picker *s = (struct picker *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Pick a cohort"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.offers = offers,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_comp_cohort_picker(tui_app *app)
{
	struct picker *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct pick_row), 1);
	return &s->base;
}

const char *tui_comp_cohort_picked(tui_screen *picker, const char **name)
{
	struct picker *s = (struct picker *)picker;
	if (!picker || picker->ops != &ops)
		return NULL;
	if (name)
		*name = s->name;
	return s->id;
}
