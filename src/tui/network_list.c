/* network_list.c — the network of host organisations: country, city,
 * type, networks, placements per status and capacity left this year;
 * filter by text, country (c) and network (n); sort; open, add, edit,
 * delete. */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "lup/util.h"
#include "tui/dialog.h"
#include "tui/picker.h"
#include "tui/shadowing.h"

enum { TAG_FORM = 1, TAG_VIEW, TAG_DELETE, TAG_COUNTRY, TAG_NETWORK };
enum { C_NAME, C_COUNTRY, C_CITY, C_TYPE, C_NETWORKS, C_P0, C_P1, C_P2, C_P3, C_P4, C_LEFT, NCOLS };

struct network {
	struct tui_shadow_view base;
	tui_app *app;
	struct tui_list list;
	int colw[NCOLS];
	char country[3];          /* the country filter: a code, or "" */
	char network[160];        /* the network filter, or "" */
	char pending_delete[LUP_UUID_LEN + 1];
	struct net_names {
		char (*v)[160];
		int n, cap;
	} names;                  /* for the network pick list */
};

/* Short column titles for the statuses (the host view spells them out). */
static const char *status_abbrev(int s)
{
	switch (s) {
	case LUP_PS_PROPOSED: return C_("status column", "Prop");
	case LUP_PS_AGREED: return C_("status column", "Agr");
	case LUP_PS_CONFIRMED: return C_("status column", "Conf");
	case LUP_PS_COMPLETED: return C_("status column", "Done");
	default: return C_("status column", "Canc");
	}
}

static void query(struct tui_list *l, struct lup_host_query *q)
{
	struct network *s = l->ud;
	memset(q, 0, sizeof *q);
	q->filter = tui_list_filter(l);
	q->country = s->country;
	q->network = s->network;
	q->sort = (enum lup_host_sort)l->sort;
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct network *s = l->ud;
	struct lup_host_query q;
	query(l, &q);
	return lup_host_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct network *s = l->ud;
	struct lup_host_query q;
	query(l, &q);
	return lup_host_count(tui_db(s->app), &q, total, matching, err);
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct network *s = l->ud;
	struct lup_host_query q;
	query(l, &q);
	return lup_host_position(tui_db(s->app), &q, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct network *s = l->ud;
	const char *titles[NCOLS] = { _("Name"), _("Country"), _("City"), _("Type"), _("Networks"),
	                              status_abbrev(0), status_abbrev(1), status_abbrev(2),
	                              status_abbrev(3), status_abbrev(4), _("Left") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER),
		        c >= C_P0 ? TUI_RIGHT | TUI_CLIP : 0);
		x += s->colw[c] + 1;
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct network *s = l->ud;
	const struct lup_host_row *h = row;
	char num[LUP_PS_COUNT][16], left[32];
	const char *cells[NCOLS];
	(void)width;
	for (int i = 0; i < LUP_PS_COUNT; i++)
		snprintf(num[i], sizeof num[i], "%d", h->by_status[i]);
	if (h->capacity >= 0)
		snprintf(left, sizeof left, "%d/%d", h->left, h->capacity);
	else
		snprintf(left, sizeof left, "%s", "–");
	cells[C_NAME] = h->name;
	cells[C_COUNTRY] = lup_country_name(h->country);
	cells[C_CITY] = h->city;
	cells[C_TYPE] = tui_host_type_word(h->type);
	cells[C_NETWORKS] = h->networks;
	for (int i = 0; i < LUP_PS_COUNT; i++)
		cells[C_P0 + i] = num[i];
	cells[C_LEFT] = left;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		unsigned fl = 0;
		if (s->colw[c] <= 0)
			continue;
		if (c >= C_P0) {
			fl = TUI_RIGHT;
			if (c < C_LEFT && h->by_status[c - C_P0] == 0 && !(a & A_REVERSE))
				ca = tui_attr(TUI_S_DIM);
			if (c == C_LEFT && h->capacity >= 0 && h->left <= 0 && !(a & A_REVERSE))
				ca = tui_attr(h->left < 0 ? TUI_S_BAD : TUI_S_WARN);
		}
		tui_put(y, x, s->colw[c], cells[c], ca, fl);
		x += s->colw[c] + 1;
	}
}

static const char *sort_name(struct tui_list *l, int sort)
{
	(void)l;
	return lup_host_sort_name((enum lup_host_sort)sort);
}

static const char *empty_text(struct tui_list *l)
{
	struct network *s = l->ud;
	if (s->country[0] || s->network[0])
		return _("No host organisation here: Esc clears the country and network.");
	return _("No host organisations yet: press a to add one.");
}

static int row_again(struct tui_list *l, const void *row, void *out, lup_err *err)
{
	struct network *s = l->ud;
	struct lup_host_query q;
	query(l, &q);
	return lup_host_row(tui_db(s->app), &q, ((const struct lup_host_row *)row)->id, out, err);
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .sort_name = sort_name, .empty_text = empty_text,
	.row_again = row_again,
};

/* ---- pick lists for the filters ---- */

static int pick_country(tui_app *app, void *ud, const char *text, struct tui_pick *out, int max,
                        lup_err *err)
{
	const char *codes[TUI_PICK_MAX];
	int n = 0, k;
	(void)app; (void)ud; (void)err;
	snprintf(out[n].value, sizeof out[n].value, "%s", "");
	snprintf(out[n].label, sizeof out[n].label, "%s", _("All countries"));
	n++;
	k = lup_country_search(text, codes, max - 1);
	for (int i = 0; i < k; i++, n++) {
		snprintf(out[n].value, sizeof out[n].value, "%s", codes[i]);
		snprintf(out[n].label, sizeof out[n].label, "%s (%s)", lup_country_name(codes[i]), codes[i]);
	}
	return n;
}

/* The networks' names are read once when the pick list opens (a pass over
 * every host), then narrowed as letters are typed. */
static void one_network(void *ud, const char *network, const char *roles)
{
	struct net_names *nn = ud;
	(void)roles;
	if (nn->n == nn->cap) {
		int cap = nn->cap ? nn->cap * 2 : 32;
		void *nv = realloc(nn->v, (size_t)cap * sizeof nn->v[0]);
		if (!nv)
			return;
		nn->v = nv;
		nn->cap = cap;
	}
	snprintf(nn->v[nn->n++], sizeof nn->v[0], "%s", network);
}

static int pick_network(tui_app *app, void *ud, const char *text, struct tui_pick *out, int max,
                        lup_err *err)
{
	struct network *s = ud;
	char *want = lup_fold(text);
	int n = 0;
	(void)app;
	if (!want)
		return lup_err_set(err, LUP_EFAIL, "%s", _("out of memory"));
	lup_trim(want);
	snprintf(out[0].value, sizeof out[0].value, "%s", "");
	snprintf(out[0].label, sizeof out[0].label, "%s", _("All networks"));
	n = 1;
	for (int i = 0; i < s->names.n && n < max; i++) {
		char *f = lup_fold(s->names.v[i]);
		if (f && (!want[0] || strstr(f, want))) {
			snprintf(out[n].value, sizeof out[n].value, "%s", s->names.v[i]);
			snprintf(out[n].label, sizeof out[n].label, "%s", s->names.v[i]);
			n++;
		}
		free(f);
	}
	free(want);
	return n;
}

/* ---- the screen ---- */

static void note(struct tui_shadow_view *v, char *buf, size_t n)
{
	struct network *s = (struct network *)v;
	buf[0] = 0;
	if (s->country[0] && s->network[0])
		snprintf(buf, n, _("Country: %s · Network: %s"), lup_country_name(s->country), s->network);
	else if (s->country[0])
		snprintf(buf, n, _("Country: %s"), lup_country_name(s->country));
	else if (s->network[0])
		snprintf(buf, n, _("Network: %s"), s->network);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_HOSTS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct network *s = (struct network *)scr;
	tui_rect r = tui_shadow_area(app);
	int w = r.w - 2 - 1, fixed = 0;
	/* the numbers: as wide as their titles, at least 3 */
	for (int i = 0; i < LUP_PS_COUNT; i++) {
		int tw = tui_width(status_abbrev(i));
		s->colw[C_P0 + i] = tw < 3 ? 3 : tw > 5 ? 5 : tw;
		fixed += s->colw[C_P0 + i] + 1;
	}
	s->colw[C_LEFT] = tui_width(_("Left")) > 5 ? tui_width(_("Left")) : 5;
	fixed += s->colw[C_LEFT] + 1;
	{
		/* the text columns share what is left; the type only when wide */
		static const int min[5] = { 14, 8, 8, 10, 9 }, weight[5] = { 6, 3, 3, 3, 4 };
		static const int col[5] = { C_NAME, C_COUNTRY, C_CITY, C_TYPE, C_NETWORKS };
		int wide = w - fixed >= 90, n = 0, m[5], wt[5], out[5], which[5];
		for (int i = 0; i < 5; i++) {
			if (col[i] == C_TYPE && !wide) {
				s->colw[C_TYPE] = 0;
				continue;
			}
			m[n] = min[i];
			wt[n] = weight[i];
			which[n++] = col[i];
		}
		tui_columns(w - fixed, n, m, wt, out);
		for (int i = 0; i < n; i++)
			s->colw[which[i]] = out[i];
	}
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct network *s = (struct network *)scr;
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	tui_list_draw(&((struct network *)scr)->list, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct network *)scr)->list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct network *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct network *s = (struct network *)scr;
	const struct lup_host_row *h = tui_list_focused(&s->list);
	int r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return h ? tui_push(app, tui_host_view(app, h->id), TAG_VIEW) : 0;
	case TUI_A_ADD:
		return tui_push(app, tui_host_form(app, NULL), TAG_FORM);
	case TUI_A_EDIT:
		return h ? tui_push(app, tui_host_form(app, h->id), TAG_FORM) : 0;
	case TUI_A_DELETE:
		if (!h)
			return 0;
		memcpy(s->pending_delete, h->id, sizeof s->pending_delete);
		return tui_host_confirm_delete(app, TAG_DELETE, h->id);
	case TUI_A_FILTER_COUNTRY:
		return tui_push(app, tui_picker(app, _("Country"), _("Type a code or a name: pl, Poland, Polen"),
		                                pick_country, s), TAG_COUNTRY);
	case TUI_A_FILTER_NETWORK: {
		lup_err err;
		s->names.n = 0;
		if (lup_network_names(tui_db(app), one_network, &s->names, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		return tui_push(app, tui_picker(app, _("Network"), NULL, pick_network, s), TAG_NETWORK);
	}
	case TUI_A_BACK:
		/* after the text filter (the list's), Esc clears country and network */
		if (s->country[0] || s->network[0]) {
			s->country[0] = 0;
			s->network[0] = 0;
			tui_list_home(&s->list, app);
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static void focus_host(struct network *s, tui_app *app, const char *id)
{
	struct lup_host_query q;
	struct lup_host_row row;
	lup_err err;
	query(&s->list, &q);
	if (lup_host_row(tui_db(app), &q, id, &row, &err) == 0)
		tui_list_reload(&s->list, app, &row);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct network *s = (struct network *)scr;
	if (tag == TAG_FORM && result == TUI_SAVED) {
		const char *id = tui_host_form_id(child);
		if (id && *id)
			focus_host(s, app, id);
	} else if (tag == TAG_DELETE && result == TUI_YES) {
		tui_host_delete(app, s->pending_delete);
	} else if (tag == TAG_COUNTRY && result == TUI_SAVED) {
		snprintf(s->country, sizeof s->country, "%s", tui_picker_value(child));
		tui_list_home(&s->list, app);
	} else if (tag == TAG_NETWORK && result == TUI_SAVED) {
		snprintf(s->network, sizeof s->network, "%s", tui_picker_value(child));
		tui_list_home(&s->list, app);
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct network *s = (struct network *)scr;
	tui_list_free(&s->list);
	free(s->names.v);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Network"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_network_view(tui_app *app)
{
	struct network *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.base.ops = &ops;
	s->base.note = note;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_host_row), LUP_HSORT_COUNT);
	return &s->base.base;
}
