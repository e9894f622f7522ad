/* reports.c — the Reports section: the figures `lup report` writes, on one
 * scrolled page.  They are gathered once when the section is entered (or
 * on r), a few milliseconds at a time while no key is waiting, so
 * switching to it never blocks typing; scrolling then only draws. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "lup/programme.h"
#include "lup/report.h"
#include "tui/reports.h"
#include "tui/sheet.h"

enum { TAG_EXPORT = 1 };

#define TOP_CHECKIN_COHORTS 10

struct reports {
	tui_screen base;
	struct tui_sheet sheet;
	struct lup_report rep;
	int have;          /* rep holds figures */
	int stale;         /* gather them when idle */
	int refreshing;    /* asked for with r: say so when done */
	int from_child;    /* back from the export form: keep the figures */
	lup_report_gather *g;          /* figures being gathered, a slice at a time */
	struct lup_db_stamp bstamp;    /* of the data when they began */
};

/* ---- numbers ---- */

static void decimal_comma(char *s)
{
	if (lup_i18n_is_swedish())
		for (; *s; s++)
			if (*s == '.')
				*s = ',';
}

const char *tui_report_pct(char *buf, size_t n, double share)
{
	if (share < 0 || !isfinite(share))
		snprintf(buf, n, "%s", tui_utf8() ? "–" : "-");
	else
		snprintf(buf, n, "%.1f %%", share * 100.0);
	decimal_comma(buf);
	return buf;
}

const char *tui_report_dec(char *buf, size_t n, double v, int decimals, int plus)
{
	if (!isfinite(v))
		v = 0;
	if (plus && v < 0 && tui_utf8())
		snprintf(buf, n, "\u2212%.*f", decimals, -v);
	else
		snprintf(buf, n, plus ? "%+.*f" : "%.*f", decimals, v);
	decimal_comma(buf);
	return buf;
}

static double share(long part, long whole)
{
	return whole > 0 ? (double)part / (double)whole : -1.0;
}

static const char *num(char *buf, long v)
{
	snprintf(buf, 24, "%ld", v);
	return buf;
}

/* A share 0..1 for a bar cell (read back with strtod in the C locale). */
static const char *barv(char *buf, double v)
{
	snprintf(buf, 24, "%.4f", v > 0 && isfinite(v) ? v : 0.0);
	return buf;
}

static const char *block_kind(const char *k)
{
	if (strcmp(k, "ul") == 0) return C_("block kind", "Developmental Leadership (UL)");
	if (strcmp(k, "abw") == 0) return C_("block kind", "activity-based workplace");
	if (strcmp(k, "egov") == 0) return C_("block kind", "e-government tools and methods");
	return C_("block kind", "other");
}

/* ---- the page ---- */

static void part_programmes(struct tui_sheet *sh, const struct lup_report *r)
{
	const int u = tui_utf8();
	char b1[24], b2[24], legend[256];
	if (r->nprogrammes == 0) {
		tui_sheet_heading(sh, 2, _("Participants against the target"));
		tui_sheet_text(sh, TUI_S_DIM, 0, _("No programme yet (the target is %ld)."), r->default_target);
		return;
	}
	for (size_t i = 0; i < r->nprogrammes; i++) {
		const struct lup_report_programme *p = &r->programmes[i];
		long reached = p->enrol.enrolled + p->enrol.completed;
		double max = (double)(reached > p->target ? reached : p->target);
		char after[128];
		tui_sheet_heading(sh, 2, p->name[0] ? p->name : _("Participants against the target"));
		if (p->start_date[0] || p->end_date[0])
			tui_sheet_text(sh, TUI_S_DIM, 0, ngettext("%s to %s, %ld cohort.", "%s to %s, %ld cohorts.",
			                                          (unsigned long)p->cohorts),
			               p->start_date[0] ? p->start_date : "…", p->end_date[0] ? p->end_date : "…",
			               p->cohorts);
		tui_sheet_text(sh, TUI_S_TITLE, 0, _("%ld of %ld enrolled, %ld completed"), reached, p->target,
		               p->enrol.completed);
		snprintf(after, sizeof after, _("%s enrolled, %s completed"),
		         tui_report_pct(b1, sizeof b1, share(reached, p->target)),
		         tui_report_pct(b2, sizeof b2, share(p->enrol.completed, p->target)));
		tui_sheet_progress(sh, 0, (double)p->enrol.completed, (double)reached, max,
		                   (double)p->target, after);
		snprintf(legend, sizeof legend, _("%s completed  %s enrolled, not yet completed  %s to the target"),
		         u ? "\u2588" : "#", u ? "\u2592" : "+", u ? "\u00b7" : ".");
		if (reached > p->target) {
			size_t n = strlen(legend);
			snprintf(legend + n, sizeof legend - n, "  %s %s", u ? "\u2502" : "|", C_("report", "target"));
		}
		tui_sheet_text(sh, TUI_S_DIM, 0, "%s", legend);
		{
			char e[300];
			size_t o = (size_t)snprintf(e, sizeof e,
			                            ngettext("%ld enrolled and not yet completed", "%ld enrolled and not yet completed",
			                                     (unsigned long)p->enrol.enrolled), p->enrol.enrolled);
			o += (size_t)snprintf(e + o, sizeof e - o, ngettext(", %ld on the waiting list", ", %ld on the waiting list",
			                                                   (unsigned long)p->enrol.waitlisted), p->enrol.waitlisted);
			snprintf(e + o, sizeof e - o, ngettext(", %ld withdrawn.", ", %ld withdrawn.",
			                                       (unsigned long)p->enrol.withdrawn), p->enrol.withdrawn);
			tui_sheet_text(sh, TUI_S_NORMAL, 0, "%s", e);
		}
	}
}

static void part_cohorts(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col cols[] = {
		{ C_("report", "Cohort"), 0, 0, 10 },
		{ C_("report", "Status"), 0, 2, 0 },
		{ C_("report", "Start"), 0, 6, 0 },
		{ C_("report", "End"), 0, 6, 0 },
		{ _("Blocks run"), 0, 3, 0 },
		{ C_("report", "Seats"), TUI_SHEET_RIGHT, 5, 0 },
		{ C_("report", "Enrolled"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Completed"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Waiting"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Withdrawn"), TUI_SHEET_RIGHT, 4, 0 },
		{ C_("report column", "Held"), TUI_SHEET_RIGHT, 3, 0 },
		{ C_("report", "Attendance"), TUI_SHEET_RIGHT, 0, 0 },
	};
	tui_sheet_heading(sh, 2, _("By cohort"));
	if (r->ncohorts == 0) {
		tui_sheet_text(sh, TUI_S_DIM, 0, "%s", _("No cohorts yet."));
		return;
	}
	tui_sheet_table(sh, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < r->ncohorts; i++) {
		const struct lup_report_cohort *c = &r->cohorts[i];
		char b1[24], b2[24], b3[24], b4[24], b5[24], b6[24], held[48], runs[160];
		snprintf(held, sizeof held, "%ld/%ld", c->sessions_held, c->sessions);
		lup_report_blocks_run(r, c, runs, sizeof runs);
		tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){
			c->name, lup_cohort_status_label(c->status), c->start_date, c->end_date, runs,
			num(b1, c->capacity),
			num(b2, c->enrol.enrolled), num(b3, c->enrol.completed), num(b4, c->enrol.waitlisted),
			num(b5, c->enrol.withdrawn), held,
			tui_report_pct(b6, sizeof b6, lup_report_att_rate(&c->att)) });
	}
}

static void part_blocks(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col cols[] = {
		{ C_("report", "Block"), 0, 0, 12 },
		{ C_("report column", "Cohorts"), TUI_SHEET_RIGHT, 3, 0 },
		{ _("Sessions held"), TUI_SHEET_RIGHT, 3, 0 },
		{ C_("report", "Attendance"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Participants"), TUI_SHEET_RIGHT, 2, 0 },
		{ _("Block finished"), TUI_SHEET_RIGHT, 4, 0 },
		{ C_("report", "Completed"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Share"), TUI_SHEET_RIGHT, 0, 0 },
		{ "", TUI_SHEET_BAR, 1, 8 },
	};
	tui_sheet_heading(sh, 2, _("By block"));
	if (r->nblocks == 0) {
		tui_sheet_text(sh, TUI_S_DIM, 0, "%s", _("No blocks yet."));
		return;
	}
	tui_sheet_table(sh, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < r->nblocks; i++) {
		const struct lup_report_block *b = &r->blocks[i];
		char b1[24], b2[24], b3[24], b4[24], b5[24], b6[24], held[48], name[240], runs[48];
		double sh_done = share(b->completed, b->finished);
		snprintf(held, sizeof held, "%ld/%ld", b->sessions_held, b->sessions);
		snprintf(runs, sizeof runs, "%ld/%ld", b->runs, b->cohorts);
		snprintf(name, sizeof name, "%d %s", b->seq, b->name[0] ? b->name : block_kind(b->kind));
		tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){
			name, runs, held,
			tui_report_pct(b1, sizeof b1, lup_report_att_rate(&b->att)), num(b2, b->participants),
			num(b3, b->finished), num(b4, b->completed), tui_report_pct(b5, sizeof b5, sh_done),
			barv(b6, sh_done) });
	}
	tui_sheet_text(sh, TUI_S_DIM, 0, "%s",
	               _("Only the cohorts that run a block count for it: a block a cohort has no sessions "
	                 "in is neither met nor missed there, and a participant completes the programme by "
	                 "meeting every block their cohort runs. A block is finished in a cohort when all "
	                 "its sessions there have been held; a participant completed it by attending "
	                 "(present or late) at least the block's minimum share of them."));
}

static void part_visits(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col cols[] = {
		{ _("Host organisation"), 0, 0, 12 },
		{ _("Visits made"), TUI_SHEET_RIGHT, 2, 0 },
		{ C_("report column", "Cohorts"), TUI_SHEET_RIGHT, 2, 0 },
		{ _("Present at them"), TUI_SHEET_RIGHT, 2, 0 },
		{ _("Still to come"), TUI_SHEET_RIGHT, 3, 0 },
	};
	tui_sheet_heading(sh, 2, _("Study visits made"));
	if (r->nvisits == 0) {
		tui_sheet_text(sh, TUI_S_DIM, 0, "%s", _("No study visits yet."));
		return;
	}
	tui_sheet_table(sh, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < r->nvisits; i++) {
		const struct lup_report_visits *v = &r->visits[i];
		char host[240], b1[24], b2[24], b3[24], b4[24];
		if (v->registered)
			snprintf(host, sizeof host, "%s", v->host);
		else
			snprintf(host, sizeof host, _("%s (not in the register)"), v->host);
		tui_sheet_row(sh, v->held ? TUI_S_NORMAL : TUI_S_DIM, (const char *const[]){
			host, num(b1, v->held), num(b2, v->cohorts), num(b3, v->present), num(b4, v->planned) });
	}
}

static void part_attendance(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col cols[] = {
		{ C_("report", "Recorded"), 0, 0, 10 },
		{ _("Sessions × people"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Share"), TUI_SHEET_RIGHT, 0, 0 },
	};
	long held = r->att.present + r->att.late + r->att.absent;
	double rate = share(r->att.present + r->att.late, held);
	char b1[24], b2[24], b3[24], b4[24], b5[24], b6[24], b7[24], b8[24], after[96];
	tui_sheet_heading(sh, 2, C_("report", "Attendance"));
	snprintf(after, sizeof after, "%s %s", _("Attendance rate"), tui_report_pct(b1, sizeof b1, rate));
	tui_sheet_progress(sh, 0, (double)(r->att.present + r->att.late),
	                   (double)(r->att.present + r->att.late), held > 0 ? (double)held : 1, -1, after);
	tui_sheet_table(sh, cols, 3);
	tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){ C_("report", "Present"), num(b1, r->att.present),
		tui_report_pct(b2, sizeof b2, share(r->att.present, held)) });
	tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){ C_("report", "Late"), num(b3, r->att.late),
		tui_report_pct(b4, sizeof b4, share(r->att.late, held)) });
	tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){ C_("report", "Absent"), num(b5, r->att.absent),
		tui_report_pct(b6, sizeof b6, share(r->att.absent, held)) });
	tui_sheet_row(sh, TUI_S_DIM, (const char *const[]){ _("Excused (not in the rate)"),
		num(b7, r->att.excused), "" });
	tui_sheet_row(sh, TUI_S_TITLE, (const char *const[]){ _("Attendance rate"), num(b8, held),
		tui_report_pct(b1, sizeof b1, rate) });
	tui_sheet_text(sh, TUI_S_DIM, 0, "%s",
	               _("The rate is present and late of those present, late or absent; excused absences "
	                 "are counted apart."));
}

static void part_placements(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col scols[] = {
		{ C_("report", "Status"), 0, 0, 10 },
		{ C_("report", "Placements"), TUI_SHEET_RIGHT, 0, 0 },
		{ "", TUI_SHEET_BAR, 1, 8 },
	};
	const struct tui_sheet_col ccols[] = {
		{ C_("report", "Country"), 0, 0, 8 },
		{ C_("report", "All"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("placement status", "proposed"), TUI_SHEET_RIGHT, 3, 0 },
		{ C_("placement status", "agreed"), TUI_SHEET_RIGHT, 3, 0 },
		{ C_("placement status", "confirmed"), TUI_SHEET_RIGHT, 3, 0 },
		{ C_("placement status", "completed"), TUI_SHEET_RIGHT, 2, 0 },
		{ C_("placement status", "cancelled"), TUI_SHEET_RIGHT, 4, 0 },
		{ _("Days completed"), TUI_SHEET_RIGHT, 5, 0 },
		{ "", TUI_SHEET_BAR, 1, 8 },
	};
	long max = 0;
	char b1[24], b2[24];
	tui_sheet_heading(sh, 2, _("Job shadowing"));
	if (r->placements_total == 0) {
		tui_sheet_text(sh, TUI_S_DIM, 0, "%s", _("No placements yet."));
		return;
	}
	for (int i = 0; i < LUP_PS_COUNT; i++)
		if (r->placements[i] > max)
			max = r->placements[i];
	tui_sheet_table(sh, scols, 3);
	for (int i = 0; i < LUP_PS_COUNT; i++)
		tui_sheet_row(sh, i == LUP_PS_COUNT - 1 ? TUI_S_DIM : TUI_S_NORMAL,
		              (const char *const[]){ lup_pstatus_label((enum lup_pstatus)i),
		                                     num(b1, r->placements[i]), barv(b2, share(r->placements[i], max)) });
	tui_sheet_row(sh, TUI_S_TITLE, (const char *const[]){ C_("report", "All"), num(b1, r->placements_total), "" });

	tui_sheet_heading(sh, 3, _("By country"));
	tui_sheet_table(sh, ccols, (int)(sizeof ccols / sizeof ccols[0]));
	max = r->ncountries ? r->countries[0].total : 0;
	for (size_t i = 0; i < r->ncountries; i++) {
		const struct lup_report_country *c = &r->countries[i];
		char name[160], n[7][24], bar[24];
		snprintf(name, sizeof name, "%s %s", c->country, lup_country_name(c->country));
		tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){
			name, num(n[0], c->total), num(n[1], c->by_status[0]), num(n[2], c->by_status[1]),
			num(n[3], c->by_status[2]), num(n[4], c->by_status[3]), num(n[5], c->by_status[4]),
			num(n[6], c->days), barv(bar, share(c->total, max)) });
	}
}

static void part_competence(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col cols[] = {
		{ C_("report", "Area"), 0, 0, 12 },
		{ C_("report", "People"), TUI_SHEET_RIGHT, 2, 0 },
		{ C_("report", "First"), TUI_SHEET_RIGHT, 0, 0 },
		{ "", 0, 0, 1 },
		{ C_("report", "Latest"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Change"), TUI_SHEET_RIGHT, 0, 0 },
	};
	const int u = tui_utf8();
	tui_sheet_heading(sh, 2, _("Competence before and after"));
	if (r->nareas == 0) {
		tui_sheet_text(sh, TUI_S_DIM, 0, "%s", _("No one has two final self-assessments yet."));
		return;
	}
	tui_sheet_text(sh, TUI_S_DIM, 0,
	               ngettext("Mean self-assessed level per area: each person's first and latest final "
	                        "self-assessment (%ld person with both).",
	                        "Mean self-assessed level per area: each person's first and latest final "
	                        "self-assessment (%ld people with both).", (unsigned long)r->competence_people),
	               r->competence_people);
	tui_sheet_table(sh, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < r->nareas; i++) {
		const struct lup_report_area *a = &r->areas[i];
		const char *nm = lup_i18n_is_swedish() && a->name_sv[0] ? a->name_sv : a->name;
		double d = a->after - a->before;
		char label[300], b1[24], b2[24], b3[24], b4[24], change[48];
		enum tui_style st = d > 0.005 ? TUI_S_GOOD : d < -0.005 ? TUI_S_BAD : TUI_S_NORMAL;
		const char *arrow = d > 0.005 ? (u ? "\u2191" : "^") : d < -0.005 ? (u ? "\u2193" : "v") : "=";
		snprintf(label, sizeof label, "%s %s", a->code, nm);
		snprintf(change, sizeof change, "%s %s", arrow, tui_report_dec(b4, sizeof b4, d, 2, 1));
		tui_sheet_row_styled(sh, TUI_S_NORMAL, (const char *const[]){
			label, num(b1, a->people), tui_report_dec(b2, sizeof b2, a->before, 2, 0),
			u ? "\u2192" : ">", tui_report_dec(b3, sizeof b3, a->after, 2, 0), change },
			(const enum tui_style[]){ TUI_S_NORMAL, TUI_S_NORMAL, TUI_S_NORMAL, TUI_S_DIM,
			                          TUI_S_NORMAL, st });
	}
}

static const struct lup_report *sort_rep;

static int by_checkins(const void *a, const void *b)
{
	const struct lup_report_cohort *x = &sort_rep->cohorts[*(const size_t *)a];
	const struct lup_report_cohort *y = &sort_rep->cohorts[*(const size_t *)b];
	long nx = x->checkins_overdue + x->checkins_never, ny = y->checkins_overdue + y->checkins_never;
	if (nx != ny)
		return nx < ny ? 1 : -1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void part_checkins(struct tui_sheet *sh, const struct lup_report *r)
{
	const struct tui_sheet_col cols[] = {
		{ C_("report", "Cohort"), 0, 0, 10 },
		{ C_("report", "Participants"), TUI_SHEET_RIGHT, 0, 0 },
		{ C_("report", "Overdue"), TUI_SHEET_RIGHT, 0, 0 },
		{ _("None yet"), TUI_SHEET_RIGHT, 0, 0 },
	};
	size_t *idx, n = 0;
	tui_sheet_heading(sh, 2, C_("report", "Check-ins"));
	{
		char line[480];
		lup_report_checkins_said(r, line, sizeof line);
		tui_sheet_text(sh, r->checkins_overdue + r->checkins_never > 0 ? TUI_S_WARN : TUI_S_NORMAL, 0,
		               "%s", line);
	}
	if (r->checkins_overdue + r->checkins_never == 0 || r->ncohorts == 0)
		return;
	if (!(idx = malloc(r->ncohorts * sizeof *idx)))
		return;
	for (size_t i = 0; i < r->ncohorts; i++)
		if (r->cohorts[i].checkins_overdue + r->cohorts[i].checkins_never > 0)
			idx[n++] = i;
	sort_rep = r;
	qsort(idx, n, sizeof *idx, by_checkins);
	tui_sheet_heading(sh, 3, n > TOP_CHECKIN_COHORTS ? _("The cohorts with the most overdue check-ins")
	                                                 : _("Cohorts with overdue check-ins"));
	tui_sheet_table(sh, cols, 4);
	for (size_t i = 0; i < n && i < TOP_CHECKIN_COHORTS; i++) {
		const struct lup_report_cohort *c = &r->cohorts[idx[i]];
		char b1[24], b2[24], b3[24];
		tui_sheet_row(sh, TUI_S_NORMAL, (const char *const[]){ c->name, num(b1, c->checkins_due),
			num(b2, c->checkins_overdue), num(b3, c->checkins_never) });
	}
	if (n > TOP_CHECKIN_COHORTS)
		tui_sheet_text(sh, TUI_S_DIM, 0,
		               ngettext("… and %zu more cohort; the written report lists them all.",
		                        "… and %zu more cohorts; the written report lists them all.",
		                        (unsigned long)(n - TOP_CHECKIN_COHORTS)),
		               n - TOP_CHECKIN_COHORTS);
	free(idx);
}

static void fill(struct reports *s)
{
	const struct lup_report *r = &s->rep;
	struct tui_sheet *sh = &s->sheet;
	tui_sheet_clear(sh);
	tui_sheet_text(sh, TUI_S_NORMAL, 0, ngettext("As of %s. lup holds %ld person, %ld of them active.",
	                                             "As of %s. lup holds %ld people, %ld of them active.",
	                                             (unsigned long)r->people),
	               r->as_of, r->people, r->active_people);
	part_programmes(sh, r);
	part_cohorts(sh, r);
	part_blocks(sh, r);
	part_attendance(sh, r);
	part_visits(sh, r);
	part_placements(sh, r);
	part_competence(sh, r);
	part_checkins(sh, r);
}

/* the work of a slice of idle time */
#define GATHER_SLICE_MS 8

static void gather_failed(struct reports *s, tui_app *app, const lup_err *err)
{
	tui_error(app, "%s", err->msg);
	if (!s->have) {
		tui_sheet_clear(&s->sheet);
		tui_sheet_text(&s->sheet, TUI_S_BAD, 0, _("The report could not be made: %s"), err->msg);
	}
}

static void gather_stop(struct reports *s)
{
	lup_report_gather_free(s->g);
	s->g = NULL;
}

/* A slice of the gathering: begun when the figures are stale, shown once
 * complete, unless the data changed meanwhile (then once more). */
static int gather(struct reports *s, tui_app *app)
{
	struct lup_db_stamp now;
	struct lup_report r;
	lup_err err;
	int rc;
	lup_err_clear(&err);
	if (s->stale) {
		s->stale = 0;
		gather_stop(s);
		lup_db_stamp(tui_db(app), &s->bstamp);
		if (lup_report_gather_begin(tui_db(app), tui_config(app), NULL, &s->g, &err) < 0) {
			gather_failed(s, app, &err);
			return TUI_REDRAW;
		}
	}
	if (!s->g)
		return 0;
	if ((rc = lup_report_gather_step(s->g, GATHER_SLICE_MS, NULL, &err)) == 0)
		return TUI_MORE;   /* the next slice while no key waits; the frame stays */
	if (rc < 0) {
		gather_stop(s);
		gather_failed(s, app, &err);
		return TUI_REDRAW;
	}
	lup_db_stamp(tui_db(app), &now);
	if (!lup_db_stamp_equal(&now, &s->bstamp)) {
		s->stale = 1;
		return gather(s, app);
	}
	lup_report_gather_take(s->g, &r);
	gather_stop(s);
	if (s->have)
		lup_report_clear(&s->rep);
	s->rep = r;
	s->have = 1;
	fill(s);
	if (s->refreshing)
		tui_status(app, _("Counted again, as of %s."), r.as_of);
	s->refreshing = 0;
	return TUI_REDRAW;
}

/* ---- the screen ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_REPORT);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct reports *s = (struct reports *)scr;
	(void)app;
	if (s->from_child && s->have) {
		s->from_child = 0;
		return TUI_REDRAW;
	}
	s->from_child = 0;
	s->stale = 1;
	return TUI_REDRAW;
}

static int idle(tui_screen *scr, tui_app *app)
{
	return gather((struct reports *)scr, app);
}

/* Gone from the screen: the gathering stops (its statement open no
 * longer), and begins again on coming back. */
static void leave(tui_screen *scr, tui_app *app)
{
	struct reports *s = (struct reports *)scr;
	(void)app;
	if (s->g) {
		gather_stop(s);
		s->stale = 1;
	}
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct reports *s = (struct reports *)scr;
	tui_rect r = tui_area(app), body = { r.y + 1, r.x + 1, r.h - 1, r.w - 2 };
	char right[128] = "";
	int tw, n;
	if (body.h < 1)
		return;
	if (!s->have && (s->stale || s->g)) {
		tui_put(body.y + 1, body.x, body.w, _("Gathering the figures…"), tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, body.y + 1, body.x);
	} else {
		tui_sheet_draw(&s->sheet, app, body);   /* lays out and settles the scroll position */
	}
	n = tui_sheet_lines(&s->sheet);
	if (s->stale || s->g)
		snprintf(right, sizeof right, "%s", _("Gathering the figures…"));
	else if (s->have && n > body.h)
		snprintf(right, sizeof right, _("lines %d–%d of %d"), s->sheet.top + 1,
		         s->sheet.top + body.h < n ? s->sheet.top + body.h : n, n);
	tw = tui_width(right);
	tui_put(r.y, r.x + 1, r.w - tw - 4, _("Programme progress"), tui_attr(TUI_S_TITLE), 0);
	if (*right)
		tui_put(r.y, r.x + r.w - tw - 1, tw, right, tui_attr(TUI_S_DIM), 0);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct reports *s = (struct reports *)scr;
	int r = tui_sheet_action(&s->sheet, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_REPORT_EXPORT:
		if (!s->have) {
			tui_error(app, "%s", _("The figures are not gathered yet."));
			return TUI_REDRAW;
		}
		return tui_push(app, tui_report_export_form(app, &s->rep), TAG_EXPORT);
	case TUI_A_REPORT_REFRESH:
		s->stale = 1;
		s->refreshing = 1;
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct reports *s = (struct reports *)scr;
	(void)app; (void)child; (void)tag; (void)result;
	s->from_child = 1;
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct reports *s = (struct reports *)scr;
	tui_sheet_free(&s->sheet);
	gather_stop(s);
	if (s->have)
		lup_report_clear(&s->rep);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Reports"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_result = on_result,
	.idle = idle,
	.leave = leave,
	.destroy = destroy,
};

tui_screen *tui_reports_screen(tui_app *app)
{
	struct reports *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	tui_sheet_init(&s->sheet);
	return &s->base;
}
