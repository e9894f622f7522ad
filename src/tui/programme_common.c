/* programme_common.c — formatting the Programme screens share. */
#include <stdio.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/i18n.h"
#include "tui/programme.h"

void tui_prog_dates(const char *start, const char *end, char *buf, size_t n)
{
	int has_start = start && *start, has_end = end && *end;
	if (has_start && has_end && strcmp(start, end) != 0)
		snprintf(buf, n, "%s – %s", start, end);
	else if (has_start || has_end)
		snprintf(buf, n, "%s", has_start ? start : end);
	else if (n)
		buf[0] = '\0';
}

static int week_of(const char *s, int *week)
{
	lup_date d;
	if (!s || !*s || lup_date_parse(s, lup_date_today(), &d) < 0)
		return 0;
	*week = lup_date_isoweek(d, NULL);
	return 1;
}

void tui_prog_weeks(const char *start, const char *end, char *buf, size_t n)
{
	int a = 0, b = 0, ha = week_of(start, &a), hb = week_of(end, &b);
	if (!n)
		return;
	buf[0] = '\0';
	if (ha && hb && a != b)
		/* TRANSLATORS: ISO weeks of a date span, e.g. "w. 11–22" (Swedish "v. 11–22"). */
		snprintf(buf, n, _("w. %d–%d"), a, b);
	else if (ha || hb)
		/* TRANSLATORS: an ISO week, e.g. "w. 37" (Swedish "v. 37"). */
		snprintf(buf, n, _("w. %d"), ha ? a : b);
}

void tui_prog_seats(long seated, int capacity, long waiting, char *buf, size_t n)
{
	if (waiting > 0)
		/* TRANSLATORS: seats taken/capacity and people on the waitlist. */
		snprintf(buf, n, _("%ld/%d +%ld waiting"), seated, capacity, waiting);
	else
		snprintf(buf, n, "%ld/%d", seated, capacity);
}

void tui_prog_warn_count(int count, char *buf, size_t n)
{
	if (count <= 0) {
		if (n)
			buf[0] = '\0';
		return;
	}
	snprintf(buf, n, ngettext("! %d warning", "! %d warnings", (unsigned long)count), count);
}

void tui_prog_names(const struct lup_promotions *p, char *buf, size_t n)
{
	size_t used = 0;
	if (!n)
		return;
	buf[0] = '\0';
	for (size_t i = 0; p && i < p->n && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", p->v[i].name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

void tui_prog_saved_status(tui_app *app, const struct lup_warnings *w,
                           const struct lup_promotions *moved)
{
	lup_buf b = { 0 };
	char names[400];
	/* who moved up first: the warnings can be read again (! on the cohort) */
	lup_buf_puts(&b, _("Saved."));
	if (moved && moved->n > 0) {
		tui_prog_names(moved, names, sizeof names);
		lup_buf_puts(&b, " ");
		lup_buf_printf(&b, _("Moved up from the waitlist: %s."), names);
	}
	if (w && w->n > 0)
		lup_buf_printf(&b, ngettext(" %d warning: %s", " %d warnings: %s", (unsigned long)w->n),
		               (int)w->n, w->v[0].msg ? w->v[0].msg : "");
	tui_status(app, "%s", b.s ? b.s : "");
	lup_buf_clear(&b);
}
