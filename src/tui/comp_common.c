/* comp_common.c — what the Competence screens share: the current
 * framework, levels, changes, bars, due dates and shades as text. */
#include <stdio.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/draw.h"

int tui_comp_framework(tui_app *app, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	const lup_config *cfg = tui_config(app);
	const char *ident = cfg ? lup_config_str(cfg, "competence:framework") : "digcomp";
	if (!ident || !*ident)
		ident = "digcomp";
	if (lup_framework_current(tui_db(app), ident, id, err) < 0) {
		if (err->code == LUP_ENOTFOUND)
			lup_err_set(err, LUP_ENOTFOUND,
			            _("framework '%s' is not imported: see lup framework import, or set "
			              "[competence] framework in lup.ini"), ident);
		return -1;
	}
	return 0;
}

const char *tui_comp_level(int level, char buf[16])
{
	if (level == LUP_LEVEL_NONE)
		return tui_utf8() ? "–" : "-";
	if (level == LUP_LEVEL_NA)
		return _("n/a");
	snprintf(buf, 16, "%d", level);
	return buf;
}

const char *tui_comp_change(enum lup_change c)
{
	int u = tui_utf8();
	switch (c) {
	case LUP_CHANGE_UP: return u ? "↑" : "^";
	case LUP_CHANGE_DOWN: return u ? "↓" : "v";
	case LUP_CHANGE_SAME: return "=";
	default: return "";
	}
}

void tui_comp_bar(char *buf, size_t n, int level, int target, int lmin, int lmax, int cells)
{
	int u = tui_utf8(), lo = lmin < 1 ? 1 : lmin, span = lmax - lo + 1;
	const char *full = u ? "█" : "#", *gap = u ? "░" : "-", *rest = u ? "·" : ".";
	size_t used = 0;
	if (!n)
		return;
	buf[0] = 0;
	if (span < 1 || cells < 1)
		return;
	for (int i = 0; i < cells; i++) {
		/* the highest level this cell stands for */
		int v = lo + ((i + 1) * span + cells - 1) / cells - 1;
		const char *c = level >= v ? full : target >= v ? gap : rest;
		size_t k = strlen(c);
		if (used + k + 1 > n)
			return;
		memcpy(buf + used, c, k + 1);
		used += k;
	}
}

void tui_comp_due_text(enum lup_due_state st, const char *due, long days, char *buf, size_t n)
{
	switch (st) {
	case LUP_DUE_OVERDUE:
		snprintf(buf, n, ngettext("overdue by %ld day", "overdue by %ld days", (unsigned long)-days), -days);
		break;
	case LUP_DUE_SOON:
		if (days == 0)
			snprintf(buf, n, _("due today, %s"), due);
		else
			snprintf(buf, n, ngettext("due %s (in %ld day)", "due %s (in %ld days)", (unsigned long)days),
			         due, days);
		break;
	case LUP_DUE_NEVER:
		snprintf(buf, n, "%s", _("never assessed"));
		break;
	default:
		snprintf(buf, n, ngettext("next %s (in %ld day)", "next %s (in %ld days)", (unsigned long)days),
		         due, days);
	}
}

const char *tui_comp_shade(double mean_gap, long pairs)
{
	static const char *const utf[] = { " ", "░", "▒", "▓", "█" };
	static const char *const ascii[] = { " ", ".", "+", "#", "@" };
	const char *const *s = tui_utf8() ? utf : ascii;
	if (pairs <= 0 || mean_gap < 0.25)
		return s[0];
	if (mean_gap < 0.75)
		return s[1];
	if (mean_gap < 1.5)
		return s[2];
	if (mean_gap < 2.5)
		return s[3];
	return s[4];
}

const char *tui_comp_decimal(double v, char buf[32])
{
	snprintf(buf, 32, "%.1f", v);
	if (lup_i18n_is_swedish()) {
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
	return buf;
}

const char *tui_comp_key(enum tui_action a, char buf[16])
{
	tui_key k[TUI_MAX_KEYS];
	if (tui_action_keys(a, k) == 0) {
		snprintf(buf, 16, "%s", "?");
		return buf;
	}
	return tui_key_label(k[0], buf);
}

const char *tui_comp_no_competences(struct tui_glist *g)
{
	(void)g;
	return _("This framework has no competences.");
}
