/* people_common.c — what the screens that show people share: the list
 * queries (the People list and the enrol picker page through the same
 * register), the search behind reference fields, the programme status as
 * a word, and how a person is deleted (the list and the person's view). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/people.h"

const char *tui_enrolment_status_word(const char *status)
{
	if (!status || !*status) return "";
	if (strcmp(status, "enrolled") == 0) return _("enrolled");
	if (strcmp(status, "waitlisted") == 0) return _("waitlisted");
	if (strcmp(status, "completed") == 0) return _("completed");
	if (strcmp(status, "withdrawn") == 0) return _("withdrawn");
	return status;
}

/* ---- the list queries ---- */

static struct lup_person_query query(struct tui_lscreen *ls)
{
	struct lup_person_query q = { tui_lscreen_filter(ls), (enum lup_person_sort)ls->list.sort };
	return q;
}

int tui_people_page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct lup_person_query q = query(ls);
	return lup_person_page(tui_db(ls->app), &q, from, dir, n, rows, err);
}

int tui_people_count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err)
{
	struct lup_person_query q = query(ls);
	return lup_person_count(tui_db(ls->app), &q, total, matching, err);
}

long tui_people_position(struct tui_lscreen *ls, const void *row, lup_err *err)
{
	struct lup_person_query q = query(ls);
	return lup_person_position(tui_db(ls->app), &q, row, err);
}

int tui_people_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err)
{
	struct lup_person_query q = query(ls);
	return lup_person_row(tui_db(ls->app), &q, id, out, err);
}

const char *tui_people_sort_name(int sort)
{
	return lup_person_sort_name((enum lup_person_sort)sort);
}

/* ---- reference fields ---- */

int tui_people_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                      lup_err *err)
{
	struct lup_person_query q = { text, LUP_PSORT_NAME };
	struct lup_person_row rows[16];
	int n;
	(void)ud;
	if (max > 16)
		max = 16;
	n = lup_person_page(tui_db(app), &q, NULL, 1, max, rows, err);
	for (int i = 0; i < n; i++) {
		snprintf(out[i].id, sizeof out[i].id, "%s", rows[i].id);
		if (rows[i].org_unit[0])
			snprintf(out[i].label, sizeof out[i].label, "%s (%s)", rows[i].name, rows[i].org_unit);
		else
			snprintf(out[i].label, sizeof out[i].label, "%s", rows[i].name);
	}
	return n;
}

/* ---- deleting ---- */

static void add_count(lup_buf *b, long n, const char *fmt)
{
	if (n <= 0)
		return;
	if (b->len)
		lup_buf_puts(b, ", ");
	lup_buf_printf(b, fmt, n);
}

static int describe(tui_app *app, void *ud, const char *id, char *what, size_t n, lup_buf *detail,
                    lup_err *err)
{
	struct lup_person p;
	struct lup_person_impact im;
	lup_buf with = { 0 };
	(void)ud;
	if (lup_person_get(tui_db(app), id, &p, err) < 0 ||
	    lup_person_impact(tui_db(app), id, &im, err) < 0) {
		lup_person_clear(&p);
		return -1;
	}
	snprintf(what, n, "%s", p.name);
	lup_person_clear(&p);
	add_count(&with, im.enrolments, ngettext("%ld enrolment", "%ld enrolments", (unsigned long)im.enrolments));
	add_count(&with, im.attendance, ngettext("%ld attendance record", "%ld attendance records", (unsigned long)im.attendance));
	add_count(&with, im.placements, ngettext("%ld placement", "%ld placements", (unsigned long)im.placements));
	add_count(&with, im.checkins, ngettext("%ld check-in", "%ld check-ins", (unsigned long)im.checkins));
	add_count(&with, im.log_entries, ngettext("%ld log entry", "%ld log entries", (unsigned long)im.log_entries));
	if (with.len)
		lup_buf_printf(detail, _("With them go: %s."), with.s);
	else
		lup_buf_puts(detail, _("Nothing else is recorded for them."));
	if (im.reports > 0) {
		lup_buf_puts(detail, " ");
		lup_buf_printf(detail, ngettext("%ld person loses their manager.",
		                                "%ld people lose their manager.", (unsigned long)im.reports),
		               im.reports);
	}
	lup_buf_clear(&with);
	return 0;
}

static int remove_person(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_person_delete(tui_db(app), id, err);
}

const struct tui_deleter tui_person_deleter = { describe, remove_person };
