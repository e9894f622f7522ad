/* host_view.c — one organisation of the register: its details, distance
 * from home with the Erasmus+ band and grant, capacity this year, how many
 * study visits it had (b lists them), and the list of its placements
 * (open, propose, move on, cancel: placement_list.c's, under the
 * details).  e and d edit and delete the organisation. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "tui/dialog.h"
#include "tui/shadowing.h"

enum { TAG_FORM = 1, TAG_DELETE, TAG_VISITS };

struct host_view {
	struct tui_plist pl;
	char id[LUP_UUID_LEN + 1];
	char name[200];
	int gone;
	struct tui_view left, right;
	int details_h;
};

static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

static void load(struct tui_lscreen *ls, tui_app *app)
{
	struct host_view *s = (struct host_view *)ls;
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
			tui_view_field(&s->right, _("Capacity"), ngettext("not set; %d placement in %d", "not set; %d placements in %d",
			                                                            (unsigned long)st.year_count), st.year_count,
			               st.year);
		for (int i = 0; i < LUP_PS_COUNT; i++)
			if (st.by_status[i])
				lup_buf_printf(&b, "%s%d %s", b.len ? ", " : "", st.by_status[i],
				               lup_pstatus_label((enum lup_pstatus)i));
		tui_view_field(&s->right, _("Placements"), "%s", b.s ? b.s : _("none yet"));
		lup_buf_clear(&b);
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
	if (h.notes)
		tui_view_field(&s->right, _("Notes"), "%s", h.notes);
	lup_host_clear(&h);
}

/* The details take what they need, up to what leaves the list six lines
 * (below the title and a blank line). */
static int head_lines(struct tui_lscreen *ls, tui_rect r)
{
	struct host_view *s = (struct host_view *)ls;
	int half = (r.w - 2) / 2, lr = tui_view_rows(&s->left, half - 1);
	int rr = tui_view_rows(&s->right, r.w - 2 - half);
	int rows = lr > rr ? lr : rr;
	int room = r.h - 2 - 6;
	s->details_h = rows < room ? rows : room;
	if (s->details_h < 1)
		s->details_h = 1;
	return 2 + s->details_h;
}

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct host_view *s = (struct host_view *)ls;
	tui_rect d;
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
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct host_view *s = (struct host_view *)ls;
	switch (a) {
	case TUI_A_EDIT:
		return s->gone ? 0 : tui_push(app, tui_host_form(app, s->id), TAG_FORM);
	case TUI_A_DELETE:
		return s->gone ? 0 : tui_ask_delete(app, &tui_host_deleter, NULL, s->id, TAG_DELETE);
	case TUI_A_HOST_VISITS:
		return s->gone ? 0 : tui_push(app, tui_host_visits(app, s->id), TAG_VISITS);
	case TUI_A_ADD:
		return s->gone ? 0 : TUI_UNHANDLED;
	default:
		return tui_plist_action(ls, app, a, row);
	}
}

static int offers(struct tui_lscreen *ls, enum tui_action a)
{
	(void)ls;
	return a != TUI_A_LOG_ADD && a != TUI_A_FILTER_STATUS;
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	struct host_view *s = (struct host_view *)ls;
	if (tag == TAG_DELETE) {
		if (result == TUI_YES && tui_delete(app, &tui_host_deleter, NULL, s->id) == 0)
			return tui_pop(app, TUI_DELETED);
		return TUI_REDRAW;
	}
	if (tag == TAG_FORM || tag == TAG_VISITS)
		return TUI_REDRAW;
	return tui_plist_result(ls, app, child, tag, result);
}

static void destroy(struct tui_lscreen *ls)
{
	struct host_view *s = (struct host_view *)ls;
	tui_view_free(&s->left);
	tui_view_free(&s->right);
	tui_plist_free(&s->pl);
}

static const struct tui_lscreen_def def = {
	TUI_PLIST_DEF,
	.name = N_("Host organisation"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PLACEMENTS) |
	            TUI_CTXBIT(TUI_CTX_DOCUMENTS) | TUI_CTXBIT(TUI_CTX_HOST),
	.load = load, .head_lines = head_lines, .draw = draw,
	.action = action, .result = result, .offers = offers, .destroy = destroy,
};

tui_screen *tui_host_view(tui_app *app, const char *id)
{
	struct host_view *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	snprintf(s->id, sizeof s->id, "%s", id);
	tui_view_init(&s->left);
	tui_view_init(&s->right);
	tui_plist_init(&s->pl, id);
	return &s->pl.ls.base;
}

/* ---- deleting ---- */

static int describe(tui_app *app, void *ud, const char *id, char *what, size_t n, lup_buf *detail,
                    lup_err *err)
{
	struct lup_host h;
	struct lup_host_stats st;
	long placements = 0;
	(void)ud;
	lup_host_init(&h);
	if (lup_host_get(tui_db(app), id, &h, err) < 0)
		return -1;
	snprintf(what, n, "%s", h.name);
	lup_host_clear(&h);
	if (lup_host_stats(tui_db(app), id, 0, &st, err) == 0)
		for (int i = 0; i < LUP_PS_COUNT; i++)
			placements += st.by_status[i];
	/* the core would refuse (and still checks after a Yes): say so now,
	 * in its words, rather than ask a question for nothing */
	if (placements > 0)
		return lup_err_set(err, LUP_EFAIL, _("the host organisation has placements (%ld): delete them "
		                                     "first, or keep the host"), placements);
	lup_buf_puts(detail, _("It has no placements. Study visits to it keep its name as text."));
	return 0;
}

static int remove_host(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_host_delete(tui_db(app), id, err);
}

const struct tui_deleter tui_host_deleter = { describe, remove_host };
