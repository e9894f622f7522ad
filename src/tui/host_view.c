/* host_view.c — one organisation of the register: its details, distance
 * from home with the Erasmus+ band and grant, capacity this year, how many
 * study visits it had (b lists them), and the list of its placements
 * (open, propose, move on, cancel). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "tui/dialog.h"
#include "tui/shadowing.h"

enum { TAG_FORM = 1, TAG_DELETE, TAG_VISITS, TAG_BASE = 10 };

struct host_view {
	tui_screen base;
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	char name[200];
	int gone;
	struct tui_view left, right;
	struct tui_plist pl;
	int details_h;
};

static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

static void load(struct host_view *s, tui_app *app)
{
	struct lup_host h;
	struct lup_host_stats st;
	lup_err err;
	char buf[512];
	const lup_config *cfg = tui_config(app);

	tui_view_clear(&s->left);
	tui_view_clear(&s->right);
	lup_host_init(&h);
	if (lup_host_get(tui_db(app), s->id, &h, &err) < 0) {
		s->gone = 1;
		tui_view_line(&s->left, TUI_S_DIM, "%s", err.msg);
		return;
	}
	snprintf(s->name, sizeof s->name, "%s", h.name);
	/* left: who and where */
	tui_view_field(&s->left, _("Type"), "%s", tui_host_type_word(h.type));
	tui_view_field(&s->left, _("Country"), "%s (%s)", lup_country_name(h.country), or_dash(h.country));
	tui_view_field(&s->left, _("City"), "%s", or_dash(h.city));
	lup_networks_text(h.networks, 1, buf, sizeof buf);
	tui_view_field(&s->left, _("Networks"), "%s", or_dash(buf));
	tui_view_field(&s->left, _("Forum"), "%s", or_dash(h.forum));
	tui_view_field(&s->left, _("Contact"), "%s", or_dash(h.contact_name));
	tui_view_field(&s->left, _("E-mail"), "%s", or_dash(h.contact_email));
	tui_view_field(&s->left, _("Phone"), "%s", or_dash(h.contact_phone));
	tui_view_field(&s->left, _("Languages"), "%s", or_dash(h.languages));
	tui_view_field(&s->left, _("Themes"), "%s", or_dash(h.themes));

	/* right: capacity, agreement, distance */
	lup_err_clear(&err);
	if (lup_host_stats(tui_db(app), s->id, 0, &st, &err) == 0) {
		lup_buf b = { 0 };
		if (st.capacity >= 0)
			tui_view_field(&s->right, _("Capacity"), _("%d left of %d in %d"), st.left, st.capacity,
			               st.year);
		else
			tui_view_field(&s->right, _("Capacity"), _("not set; %d placements in %d"), st.year_count,
			               st.year);
		for (int i = 0; i < LUP_PS_COUNT; i++)
			if (st.by_status[i])
				lup_buf_printf(&b, "%s%d %s", b.len ? ", " : "", st.by_status[i],
				               lup_pstatus_label((enum lup_pstatus)i));
		tui_view_field(&s->right, _("Placements"), "%s", b.s ? b.s : _("none yet"));
		lup_buf_free(&b);
		if (st.sessions > 0) {
			char keys[32];
			tui_action_keys_text(TUI_A_HOST_VISITS, keys, sizeof keys);
			tui_view_field(&s->right, _("Study visits"), _("%ld (%s lists them)"), st.sessions, keys);
		}
	} else {
		tui_error(app, "%s", err.msg);
	}
	if (h.agreement_type || h.agreement_start || h.agreement_end)
		tui_view_field(&s->right, _("Agreement"), "%s%s%s – %s", h.agreement_type ? h.agreement_type : "",
		               h.agreement_type ? ", " : "", h.agreement_start ? h.agreement_start : "…",
		               h.agreement_end ? h.agreement_end : "…");
	else
		tui_view_field(&s->right, _("Agreement"), "%s", "–");
	if (h.has_coords) {
		double km = lup_home_distance_km(cfg, h.lat, h.lon);
		enum lup_band band = lup_distance_band(km);
		char label[64];
		const char *home = cfg ? lup_config_str(cfg, "shadowing:home_name") : NULL;
		lup_coords_format(h.lat, h.lon, buf, sizeof buf);
		tui_view_field(&s->right, _("Coordinates"), "%s", buf);
		tui_view_field(&s->right, _("Distance"), _("%.0f km from %s"), km,
		               home && *home ? home : _("home"));
		lup_band_label(band, label, sizeof label);
		tui_view_field(&s->right, _("Band"), _("%s (Erasmus+)"), label);
		if (band == LUP_BAND_NONE)
			tui_view_field(&s->right, _("Grant"), "%s", _("none under 10 km"));
		else if (lup_band_info(band)->green_eur > 0)
			tui_view_field(&s->right, _("Grant"), _("%d EUR, green %d EUR"),
			               lup_band_grant(band, 0), lup_band_grant(band, 1));
		else
			tui_view_field(&s->right, _("Grant"), _("%d EUR"), lup_band_grant(band, 0));
	} else {
		tui_view_field(&s->right, _("Distance"), "%s", _("no coordinates: add them to get the band"));
	}
	if (h.notes) {
		size_t n = strcspn(h.notes, "\n");
		tui_view_field(&s->right, _("Notes"), "%.*s%s", (int)n, h.notes, h.notes[n] ? " …" : "");
	}
	lup_host_clear(&h);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PLACEMENTS) | TUI_CTXBIT(TUI_CTX_DOCUMENTS) |
	       TUI_CTXBIT(TUI_CTX_HOST);
}

static void layout(struct host_view *s, tui_app *app)
{
	tui_rect r = tui_area(app), lr;
	int rows = s->left.n > s->right.n ? s->left.n : s->right.n;
	int room = r.h - 2 - 6;   /* title and blank line; the list keeps 6 lines */
	s->details_h = rows < room ? rows : room;
	if (s->details_h < 1)
		s->details_h = 1;
	lr = r;
	lr.y = r.y + 2 + s->details_h;
	lr.h = r.h - 2 - s->details_h;
	tui_plist_layout(&s->pl, lr);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	layout((struct host_view *)scr, app);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct host_view *s = (struct host_view *)scr;
	int before = s->details_h;
	load(s, app);
	layout(s, app);
	if (before == s->details_h)
		tui_list_reload(&s->pl.list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct host_view *s = (struct host_view *)scr;
	tui_rect r = tui_area(app), d;
	int half = (r.w - 2) / 2;
	tui_put(r.y, r.x + 1, r.w - 2, s->name, tui_attr(TUI_S_TITLE), 0);
	d.y = r.y + 1;
	d.h = s->details_h;
	d.x = r.x + 1;
	d.w = half - 1;
	tui_view_draw(&s->left, app, d);
	d.x = r.x + 1 + half;
	d.w = r.w - 2 - half;
	tui_view_draw(&s->right, app, d);
	tui_plist_draw(&s->pl);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct host_view *)scr)->pl.list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct host_view *)scr)->pl.list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct host_view *s = (struct host_view *)scr;
	switch (a) {
	case TUI_A_EDIT:
		return s->gone ? 0 : tui_push(app, tui_host_form(app, s->id), TAG_FORM);
	case TUI_A_DELETE:
		return s->gone ? 0 : tui_host_confirm_delete(app, TAG_DELETE, s->id);
	case TUI_A_HOST_VISITS:
		return s->gone ? 0 : tui_push(app, tui_host_visits(app, s->id), TAG_VISITS);
	case TUI_A_ADD:
		if (s->gone)
			return 0;
		/* fall through */
	default:
		return tui_plist_action(&s->pl, a, TAG_BASE);
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_LOG_ADD && a != TUI_A_FILTER_STATUS;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct host_view *s = (struct host_view *)scr;
	if (tag == TAG_DELETE) {
		if (result == TUI_YES && tui_host_delete(app, s->id) == 0)
			return tui_pop(app, TUI_DELETED);
		return TUI_REDRAW;
	}
	if (tag == TAG_FORM || tag == TAG_VISITS)
		return TUI_REDRAW;
	return tui_plist_result(&s->pl, child, tag, result, TAG_BASE);
}

static void destroy(tui_screen *scr)
{
	struct host_view *s = (struct host_view *)scr;
	tui_view_free(&s->left);
	tui_view_free(&s->right);
	tui_plist_free(&s->pl);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Host organisation"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_host_view(tui_app *app, const char *id)
{
	struct host_view *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->id, sizeof s->id, "%s", id);
	tui_view_init(&s->left);
	tui_view_init(&s->right);
	tui_plist_init(&s->pl, app, id);
	return &s->base;
}

/* ---- deleting ---- */

int tui_host_confirm_delete(tui_app *app, int tag, const char *id)
{
	struct lup_host h;
	struct lup_host_stats st;
	lup_err err;
	char q[300];
	long n = 0;

	lup_host_init(&h);
	if (lup_host_get(tui_db(app), id, &h, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	if (lup_host_stats(tui_db(app), id, 0, &st, &err) == 0)
		for (int i = 0; i < LUP_PS_COUNT; i++)
			n += st.by_status[i];
	if (n > 0) {
		/* the core would refuse (and still checks after a Yes): say so
		 * now, in its words, rather than ask a question for nothing */
		tui_error(app, _("the host organisation has placements (%ld): delete them first, or keep the host"),
		          n);
		lup_host_clear(&h);
		return TUI_REDRAW;
	}
	snprintf(q, sizeof q, _("Delete %s?"), h.name);
	lup_host_clear(&h);
	return tui_confirm(app, tag, q, _("It has no placements. Study visits to it keep its name as text. "
	                                  "This cannot be undone."));
}

int tui_host_delete(tui_app *app, const char *id)
{
	struct lup_host h;
	lup_err err;
	char name[200] = "";
	lup_host_init(&h);
	if (lup_host_get(tui_db(app), id, &h, &err) == 0)
		snprintf(name, sizeof name, "%s", h.name);
	lup_host_clear(&h);
	if (lup_host_delete(tui_db(app), id, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	tui_status(app, _("Deleted %s."), name);
	return 0;
}
