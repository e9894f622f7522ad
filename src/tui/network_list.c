/* network_list.c — the network of host organisations: country, city,
 * type, networks, placements per status and capacity left this year;
 * filter by text, country (c) and network (n); sort; open, add, edit,
 * delete (list_screen.h). */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "lup/match.h"
#include "lup/util.h"
#include "tui/list_screen.h"
#include "tui/picker.h"
#include "tui/shadowing.h"

enum { TAG_COUNTRY = 1, TAG_NETWORK };
enum { C_NAME, C_COUNTRY, C_CITY, C_TYPE, C_NETWORKS, C_P0, C_P1, C_P2, C_P3, C_P4, C_LEFT, NCOLS };

struct network {
	struct tui_lscreen ls;
	char country[3];          /* the country filter: a code, or "" */
	char network[160];        /* the network filter, or "" */
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

static const struct tui_col cols[NCOLS] = {
	{ N_("Name"), 0, 0, 0 }, { N_("Country"), 0, 0, 0 }, { N_("City"), 0, 0, 0 },
	{ N_("Type"), 0, 0, 0 }, { N_("Networks"), 0, 0, 0 },
	{ NULL, 0, 0, TUI_RIGHT | TUI_CLIP }, { NULL, 0, 0, TUI_RIGHT | TUI_CLIP },
	{ NULL, 0, 0, TUI_RIGHT | TUI_CLIP }, { NULL, 0, 0, TUI_RIGHT | TUI_CLIP },
	{ NULL, 0, 0, TUI_RIGHT | TUI_CLIP }, { N_("Left"), 0, 0, TUI_RIGHT | TUI_CLIP },
};

/* ---- the queries ---- */

static struct lup_host_query query(struct tui_lscreen *ls)
{
	struct network *s = (struct network *)ls;
	struct lup_host_query q;
	memset(&q, 0, sizeof q);
	q.filter = tui_lscreen_filter(ls);
	q.country = s->country;
	q.network = s->network;
	q.sort = (enum lup_host_sort)ls->list.sort;
	return q;
}

static int page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct lup_host_query q = query(ls);
	return lup_host_page(tui_db(ls->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err)
{
	struct lup_host_query q = query(ls);
	return lup_host_count(tui_db(ls->app), &q, total, matching, err);
}

static long position(struct tui_lscreen *ls, const void *row, lup_err *err)
{
	struct lup_host_query q = query(ls);
	return lup_host_position(tui_db(ls->app), &q, row, err);
}

static int fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err)
{
	struct lup_host_query q = query(ls);
	return lup_host_row(tui_db(ls->app), &q, id, out, err);
}

static const char *sort_name(int sort)
{
	return lup_host_sort_name((enum lup_host_sort)sort);
}

/* ---- the columns ---- */

static void layout(struct tui_lscreen *ls, int w, int *colw)
{
	/* the text columns share what is left; the type only when wide */
	static const int min[5] = { 14, 8, 8, 10, 9 }, weight[5] = { 6, 3, 3, 3, 4 };
	static const int col[5] = { C_NAME, C_COUNTRY, C_CITY, C_TYPE, C_NETWORKS };
	int fixed = 0, wide, n = 0, m[5], wt[5], out[5], which[5];
	(void)ls;
	/* the numbers: as wide as their titles, at least 3 */
	for (int i = 0; i < LUP_PS_COUNT; i++) {
		int tw = tui_width(status_abbrev(i));
		colw[C_P0 + i] = tw < 3 ? 3 : tw > 5 ? 5 : tw;
		fixed += colw[C_P0 + i] + 1;
	}
	colw[C_LEFT] = tui_width(_("Left")) > 5 ? tui_width(_("Left")) : 5;
	fixed += colw[C_LEFT] + 1;
	wide = w - fixed >= 90;
	for (int i = 0; i < 5; i++) {
		if (col[i] == C_TYPE && !wide) {
			colw[C_TYPE] = 0;
			continue;
		}
		m[n] = min[i];
		wt[n] = weight[i];
		which[n++] = col[i];
	}
	tui_columns(w - fixed, n, m, wt, out);
	for (int i = 0; i < n; i++)
		colw[which[i]] = out[i];
}

static const char *title(struct tui_lscreen *ls, int c)
{
	(void)ls;
	return c >= C_P0 && c < C_LEFT ? status_abbrev(c - C_P0) : NULL;
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_host_row *h = row;
	(void)ls;
	c->text[C_NAME] = h->name;
	c->text[C_COUNTRY] = lup_country_name(h->country);
	c->text[C_CITY] = h->city;
	c->text[C_TYPE] = tui_host_type_word(h->type);
	c->text[C_NETWORKS] = h->networks;
	for (int i = 0; i < LUP_PS_COUNT; i++) {
		tui_cell_printf(c, C_P0 + i, "%d", h->by_status[i]);
		if (h->by_status[i] == 0)
			c->style[C_P0 + i] = TUI_S_DIM;
	}
	if (h->capacity >= 0) {
		tui_cell_printf(c, C_LEFT, "%d/%d", h->left, h->capacity);
		if (h->left <= 0)
			c->style[C_LEFT] = h->left < 0 ? TUI_S_BAD : TUI_S_WARN;
	} else {
		c->text[C_LEFT] = "–";
	}
}

static const char *empty_text(struct tui_lscreen *ls)
{
	struct network *s = (struct network *)ls;
	if (s->country[0] || s->network[0])
		return _("No host organisation here: Esc clears the country and network.");
	return _("No host organisations yet: press a to add one.");
}

/* What the tab bar shows on its right: the country and network shown. */
static void note(struct tui_lscreen *ls, char *buf, size_t n)
{
	struct network *s = (struct network *)ls;
	if (s->country[0] && s->network[0])
		snprintf(buf, n, _("Country: %s · Network: %s"), lup_country_name(s->country), s->network);
	else if (s->country[0])
		snprintf(buf, n, _("Country: %s"), lup_country_name(s->country));
	else if (s->network[0])
		snprintf(buf, n, _("Network: %s"), s->network);
}

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
		return lup_err_oom(err);
	lup_trim(want);
	snprintf(out[0].value, sizeof out[0].value, "%s", "");
	snprintf(out[0].label, sizeof out[0].label, "%s", _("All networks"));
	n = 1;
	/* the best matches first (lup_match_folded), each rank in name order */
	for (int rank = LUP_MATCH_EXACT; rank < LUP_MATCH_NONE; rank++) {
		for (int i = 0; i < s->names.n && n < max; i++) {
			char *f = lup_fold(s->names.v[i]);
			if (f && lup_match_folded(f, want) == (enum lup_match)rank) {
				snprintf(out[n].value, sizeof out[n].value, "%s", s->names.v[i]);
				snprintf(out[n].label, sizeof out[n].label, "%s", s->names.v[i]);
				n++;
			}
			free(f);
		}
	}
	free(want);
	return n;
}

/* ---- the screen ---- */

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	return tui_host_view(ls->app, ((const struct lup_host_row *)row)->id);
}

static tui_screen *form(struct tui_lscreen *ls, const void *row)
{
	return tui_host_form(ls->app, row ? ((const struct lup_host_row *)row)->id : NULL);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct network *s = (struct network *)ls;
	lup_err err;
	(void)row;
	switch (a) {
	case TUI_A_FILTER_COUNTRY:
		return tui_push(app, tui_picker(app, _("Country"), _("Type a code or a name: pl, Poland, Polen"),
		                                pick_country, s), TAG_COUNTRY);
	case TUI_A_FILTER_NETWORK:
		s->names.n = 0;
		if (lup_network_names(tui_db(app), one_network, &s->names, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		return tui_push(app, tui_picker(app, _("Network"), NULL, pick_network, s), TAG_NETWORK);
	case TUI_A_BACK:
		/* after the text filter (the list's), Esc clears country and network */
		if (s->country[0] || s->network[0]) {
			s->country[0] = 0;
			s->network[0] = 0;
			tui_lscreen_home(ls);
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	struct network *s = (struct network *)ls;
	(void)app;
	if (tag != TAG_COUNTRY && tag != TAG_NETWORK)
		return TUI_UNHANDLED;
	if (result == TUI_SAVED) {
		if (tag == TAG_COUNTRY)
			snprintf(s->country, sizeof s->country, "%s", tui_picker_value(child));
		else
			snprintf(s->network, sizeof s->network, "%s", tui_picker_value(child));
		tui_lscreen_home(ls);
	}
	return TUI_REDRAW;
}

static void destroy(struct tui_lscreen *ls)
{
	free(((struct network *)ls)->names.v);
}

static const struct tui_lscreen_def def = {
	.name = N_("Network"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_HOSTS),
	.row_size = sizeof(struct lup_host_row),
	.id_offset = offsetof(struct lup_host_row, id),
	.nsorts = LUP_HSORT_COUNT,
	.cols = cols, .ncols = NCOLS,
	.page = page, .count = count, .position = position, .fetch_one = fetch_one,
	.cells = cells, .layout = layout, .title = title, .sort_name = sort_name,
	.empty_text = empty_text, .note = note,
	.open = open_row, .form = form, .form_id = tui_host_form_id, .deleter = &tui_host_deleter,
	.action = action, .result = result, .destroy = destroy,
};

tui_screen *tui_network_view(tui_app *app)
{
	struct network *s = tui_lscreen_new(app, &def, sizeof *s);
	return s ? &s->ls.base : NULL;
}
