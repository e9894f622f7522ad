/* programme_common.c — formatting the Programme screens share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/i18n.h"
#include "tui/changed.h"
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
	const char **v = NULL;
	int n = 0;
	/* who moved up first; the warnings go to the message log */
	lup_buf_puts(&b, _("Saved."));
	if (moved && moved->n > 0) {
		tui_prog_names(moved, names, sizeof names);
		lup_buf_puts(&b, " ");
		lup_buf_printf(&b, _("Moved up from the waitlist: %s."), names);
	}
	if (w && w->n > 0 && (v = calloc(w->n, sizeof *v)))
		for (size_t i = 0; i < w->n; i++)
			v[n++] = w->v[i].msg ? w->v[i].msg : "";
	tui_saved_warnings(app, b.s ? b.s : "", v, n);
	free(v);
	lup_buf_clear(&b);
}

/* ---- lists of cohorts ---- */

static struct lup_cohort_query cohort_query(const struct tui_cohorts *c, int with_warnings)
{
	struct lup_cohort_query q;
	memset(&q, 0, sizeof q);
	q.programme_id = c->prog[0] ? c->prog : NULL;
	q.cfg = with_warnings && c->warnings ? tui_config(c->ls.app) : NULL;
	q.filter = tui_lscreen_filter((struct tui_lscreen *)&c->ls);
	return q;
}

/* The cohorts after or before from, into rows (n > 0). */
static int cohort_page(struct tui_cohorts *c, const struct lup_cohort_row *from, int dir, int n,
                       struct lup_cohort_row *rows, lup_err *err)
{
	struct lup_cohort_query q = cohort_query(c, 1);
	return n > 0 ? lup_cohort_page(tui_db(c->ls.app), &q, from, dir, n, rows, err) : 0;
}

/* With the row for every cohort first: a row with an empty id. */
int tui_cohorts_page(struct tui_lscreen *ls, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct tui_cohorts *c = (struct tui_cohorts *)ls;
	const struct lup_cohort_row *from = fromv;
	struct lup_cohort_row *rows = rowsv;
	int got;
	if (!c->all_row)
		return cohort_page(c, from, dir, n, rows, err);
	if (dir > 0) {
		if (from)   /* after the row for all of them: from the first cohort */
			return cohort_page(c, from->id[0] ? from : NULL, 1, n, rows, err);
		memset(&rows[0], 0, sizeof rows[0]);
		got = cohort_page(c, NULL, 1, n - 1, rows + 1, err);
		return got < 0 ? -1 : got + 1;
	}
	if (from && !from->id[0])
		return 0;
	if ((got = cohort_page(c, from, -1, n, rows, err)) < 0)
		return -1;
	if (got < n) {   /* the beginning: the row for all of them comes first */
		memmove(rows + 1, rows, (size_t)got * sizeof *rows);
		memset(&rows[0], 0, sizeof rows[0]);
		got++;
	}
	return got;
}

int tui_cohorts_count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err)
{
	struct tui_cohorts *c = (struct tui_cohorts *)ls;
	struct lup_cohort_query q = cohort_query(c, 0);
	if (lup_cohort_count(tui_db(ls->app), &q, total, err) < 0)
		return -1;
	*total += c->all_row;
	*matching = *total;
	return 0;
}

long tui_cohorts_position(struct tui_lscreen *ls, const void *rowv, lup_err *err)
{
	struct tui_cohorts *c = (struct tui_cohorts *)ls;
	const struct lup_cohort_row *row = rowv;
	struct lup_cohort_query q = cohort_query(c, 0);
	long pos;
	if (!row->id[0])
		return 0;
	pos = lup_cohort_position(tui_db(ls->app), &q, row, err);
	return pos < 0 ? -1 : pos + c->all_row;
}

int tui_cohorts_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err)
{
	struct lup_cohort_query q = cohort_query((struct tui_cohorts *)ls, 1);
	return lup_cohort_row_get(tui_db(ls->app), &q, id, out, err);
}

int tui_cohorts_pick(struct tui_lscreen *ls, const void *rowv)
{
	struct tui_cohorts *c = (struct tui_cohorts *)ls;
	const struct lup_cohort_row *row = rowv;
	if (!row)
		return 0;
	snprintf(c->picked_id, sizeof c->picked_id, "%s", row->id);
	snprintf(c->picked_name, sizeof c->picked_name, "%s", row->id[0] ? row->name : "");
	return tui_pop(ls->app, TUI_SAVED);
}
