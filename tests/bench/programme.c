/* programme.c — times the core calls a Programme screen makes, on the
 * database tests/bench/programme.sh builds.  Prints figures only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lup/agenda.h"
#include "lup/config.h"
#include "lup/conflict.h"
#include "lup/enrol.h"
#include "lup/ics.h"
#include "lup/programme.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define TIME(label, reps, stmt) do { \
		double t0_ = now_ms(); \
		for (int r_ = 0; r_ < (reps); r_++) { stmt; } \
		printf("%-52s %8.3f ms\n", label, (now_ms() - t0_) / (reps)); \
	} while (0)

int main(int argc, char **argv)
{
	lup_db *db;
	lup_config *cfg;
	lup_err err;
	char prog[LUP_ID_SIZE], cohort[LUP_ID_SIZE], session[LUP_ID_SIZE];
	struct lup_cohort_row crow[30];
	struct lup_session_row srow[30];
	struct lup_enrolment_row erow[30];
	struct lup_cohort_query cq = { NULL, NULL, NULL };
	struct lup_session_query sq = { NULL, 1 };
	struct lup_enrolment_query eq = { NULL, 0 };
	struct lup_agenda_query aq = { NULL, NULL, NULL, 1 };
	struct lup_register_row *reg = NULL;
	struct lup_month m;
	struct lup_progress pg;
	int n = 0;

	if (argc != 2 || lup_db_open(argv[1], 0, &db, &err) < 0 ||
	    lup_config_load(NULL, &cfg, NULL, NULL, &err) < 0) {
		fprintf(stderr, "bench: cannot open the database\n");
		return 1;
	}
	if (lup_programme_first(db, prog, &err) < 0 || lup_cohort_find(db, "Kull 2000", cohort, &err) < 0)
		return 1;
	cq.programme_id = prog;
	cq.cfg = cfg;
	sq.cohort_id = cohort;
	eq.cohort_id = cohort;

	TIME("programme progress", 20, lup_programme_progress(db, prog, &pg, &err));
	TIME("cohorts: first page of 25 (with rule warnings)", 20,
	     n = lup_cohort_page(db, &cq, NULL, 1, 25, crow, &err));
	TIME("cohorts: last page of 25 (with rule warnings)", 20,
	     n = lup_cohort_page(db, &cq, NULL, -1, 25, crow, &err));
	TIME("cohorts: next page from the middle", 20,
	     n = lup_cohort_page(db, &cq, &crow[0], 1, 25, crow + 0, &err));
	TIME("sessions of a cohort: a page with conflicts", 20,
	     n = lup_session_page(db, &sq, NULL, 1, 25, srow, &err));
	memcpy(session, srow[0].id, sizeof session);
	TIME("enrolments of a cohort: a page with completion", 20,
	     n = lup_enrolment_page(db, &eq, NULL, 1, 25, erow, &err));
	{
		struct lup_session_row anchor;
		lup_agenda_anchor("2016-03-14", &anchor);
		TIME("agenda, all cohorts: a page of 25 from a date, with conflicts", 10,
		     n = lup_agenda_page(db, &aq, &anchor, 1, 25, srow, &err));
		TIME("agenda, all cohorts: the page before it", 10,
		     n = lup_agenda_page(db, &aq, &anchor, -1, 25, srow, &err));
	}
	TIME("month grid, all cohorts (March 2016)", 20, lup_agenda_month(db, NULL, 2016, 3, &m, &err));
	TIME("register of a session", 50, { free(reg); n = lup_register(db, session, &reg, &err); });
	{
		double t0 = now_ms();
		for (int i = 0; i < n; i++)
			lup_attendance_set(db, session, reg[i].person_id, i % 4 ? "present" : "late", &err);
		printf("%-52s %8.3f ms\n", "one attendance mark (a keystroke), synchronous=FULL",
		       (now_ms() - t0) / (n ? n : 1));
	}
	free(reg);
	{
		struct lup_warnings w = { 0 };
		TIME("conflicts of one session", 50, { lup_warnings_clear(&w); lup_session_conflicts(db, session, &w, &err); });
		lup_warnings_clear(&w);
		TIME("UL rules of one cohort", 50, { lup_warnings_clear(&w); lup_cohort_warnings(db, cfg, cohort, &w, &err); });
		lup_warnings_clear(&w);
	}
	{
		FILE *devnull = fopen("/dev/null", "w");
		struct lup_ics_opts o = { 0 };
		long events = 0;
		TIME("iCalendar of all sessions to /dev/null", 1, lup_ics_write(db, &o, devnull, &events, &err));
		printf("%-52s %8ld\n", "  events", events);
		fclose(devnull);
	}
	(void)n;
	lup_config_free(cfg);
	lup_db_close(db);
	return 0;
}
