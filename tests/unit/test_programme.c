/* Unit tests for programme.c, cohort.c, session.c, enrol.c and
 * attendance.c: blocks, the waitlist, one cohort per person, completion,
 * the register, sequences, copies and the paged lists. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/internal.h"
#include "lup/cal.h"
#include "lup/config.h"
#include "lup/enrol.h"
#include "lup/people.h"
#include "lup/programme.h"
#include "fixture.h"

/* ---- Programmes and blocks ---- */

static void test_default_blocks(void **state)
{
	struct fx *f = *state;
	struct lup_block b[8];
	int n = lup_block_list(f->db, f->prog, b, 8, NULL);
	assert_int_equal(n, 3);
	assert_string_equal(b[0].kind, "ul");
	assert_string_equal(b[1].kind, "abw");
	assert_string_equal(b[2].kind, "egov");
	for (int i = 0; i < n; i++) {
		assert_int_equal(b[i].seq, i + 1);
		assert_true(b[i].min_attendance > 0.79 && b[i].min_attendance < 0.81);
		lup_block_clear(&b[i]);
	}
}

static void test_blocks_from_config(void **state)
{
	struct fx *f = *state;
	char path[600], id[LUP_ID_SIZE];
	lup_config *cfg;
	struct lup_programme p = { 0 };
	struct lup_block b[8];
	lup_err err;
	FILE *fp;
	int n;

	snprintf(path, sizeof path, "%s/lup.ini", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("[programme]\nblocks = egov, ul\nmin_attendance = 0.75\ntarget = 120\n", fp);
	fclose(fp);
	assert_int_equal(lup_config_load(path, &cfg, NULL, NULL, &err), 0);
	p.name = strdup("Andra programmet");
	p.target = -1;
	assert_int_equal(lup_programme_save(f->db, cfg, &p, &err), 0);
	memcpy(id, p.id, sizeof id);
	assert_int_equal(p.target, 120);
	lup_programme_clear(&p);
	n = lup_block_list(f->db, id, b, 8, &err);
	assert_int_equal(n, 2);
	assert_string_equal(b[0].kind, "egov");
	assert_string_equal(b[1].kind, "ul");
	assert_true(b[0].min_attendance > 0.74 && b[0].min_attendance < 0.76);
	lup_block_clear(&b[0]);
	lup_block_clear(&b[1]);

	/* A bad kind in the config is named. */
	fp = fopen(path, "w");
	fputs("[programme]\nblocks = ul, golf\n", fp);
	fclose(fp);
	lup_config_free(cfg);
	assert_int_equal(lup_config_load(path, &cfg, NULL, NULL, &err), 0);
	p.name = strdup("Tredje");
	p.target = -1;
	assert_int_equal(lup_programme_save(f->db, cfg, &p, &err), -1);
	assert_non_null(strstr(err.msg, "golf"));
	assert_string_equal(p.id, "");
	lup_programme_clear(&p);
	lup_config_free(cfg);
}

static void test_block_move_rename_delete(void **state)
{
	struct fx *f = *state;
	struct lup_block b[8], nb = { 0 };
	char egov[LUP_ID_SIZE], sid[LUP_ID_SIZE];
	struct lup_session s;
	lup_err err;
	int n;

	memcpy(egov, fx_block(f, f->prog, "egov"), sizeof egov);
	assert_int_equal(lup_block_move(f->db, egov, -1, &err), 2);
	assert_int_equal(lup_block_move(f->db, egov, -1, &err), 1);
	assert_int_equal(lup_block_move(f->db, egov, -1, &err), 1);   /* at the top: stays */
	n = lup_block_list(f->db, f->prog, b, 8, &err);
	assert_int_equal(n, 3);
	assert_string_equal(b[0].kind, "egov");
	assert_string_equal(b[1].kind, "ul");
	assert_string_equal(b[2].kind, "abw");
	for (int i = 0; i < n; i++)
		lup_block_clear(&b[i]);

	/* Renaming a block raises its sessions' sequence. */
	memcpy(sid, fx_session(f, f->cohort, "egov", "course_day", "2015-03-02 09:00",
	                       "2015-03-02 16:00", NULL, NULL), sizeof sid);
	assert_int_equal(lup_block_get(f->db, egov, &nb, &err), 0);
	free(nb.name);
	nb.name = strdup("Verktyg för e-förvaltning");
	assert_int_equal(lup_block_save(f->db, f->cfg, &nb, &err), 0);
	lup_block_clear(&nb);
	assert_int_equal(lup_session_get(f->db, sid, &s, &err), 0);
	assert_int_equal(s.sequence, 1);
	lup_session_clear(&s);

	/* Bad input names the field. */
	assert_int_equal(lup_block_get(f->db, egov, &nb, &err), 0);
	nb.min_attendance = 1.5;
	assert_int_equal(lup_block_save(f->db, f->cfg, &nb, &err), -1);
	assert_string_equal(err.field, "min_attendance");
	lup_block_clear(&nb);

	/* Deleting closes up the order; the session stays without a block. */
	assert_int_equal(lup_block_delete(f->db, egov, &err), 0);
	n = lup_block_list(f->db, f->prog, b, 8, &err);
	assert_int_equal(n, 2);
	assert_int_equal(b[0].seq, 1);
	assert_string_equal(b[0].kind, "ul");
	assert_int_equal(b[1].seq, 2);
	for (int i = 0; i < n; i++)
		lup_block_clear(&b[i]);
	assert_int_equal(lup_session_get(f->db, sid, &s, &err), 0);
	assert_string_equal(s.block_id, "");
	assert_int_equal(s.sequence, 2);
	lup_session_clear(&s);
	fx_sound(f);
}

/* ---- Enrolment and the waitlist ---- */

static void assert_waiting(struct fx *f, const char *cohort, int n, char ids[][LUP_ID_SIZE])
{
	struct lup_enrolment_query q = { cohort, 0 };
	struct lup_enrolment_row rows[64];
	int got = lup_enrolment_page(f->db, &q, NULL, 1, 64, rows, NULL), k = 0;
	assert_true(got >= 0);
	for (int i = 0; i < got; i++)
		if (strcmp(rows[i].status, "waitlisted") == 0) {
			assert_true(k < n);
			assert_int_equal(rows[i].waitlist_pos, k + 1);
			assert_string_equal(rows[i].person_id, ids[k]);
			k++;
		}
	assert_int_equal(k, n);
}

static void test_waitlist(void **state)
{
	struct fx *f = *state;
	char p[8][LUP_ID_SIZE], e[8][LUP_ID_SIZE], cohort[LUP_ID_SIZE];
	struct lup_enrol_outcome out[8];
	struct lup_promotions pr = { 0 };
	const char *ids[8];
	struct lup_cohort c;
	lup_err err;

	memcpy(cohort, fx_cohort(f, f->prog, "Liten kull", 3, "Eva Ek, Olle Berg", "open"), sizeof cohort);
	for (int i = 0; i < 7; i++) {
		char name[32];
		snprintf(name, sizeof name, "Deltagare %d", i);
		memcpy(p[i], fx_person(f, name), LUP_ID_SIZE);
		ids[i] = p[i];
	}
	/* Seven people into three seats: four wait, in the order given. */
	assert_int_equal(lup_enrol_many(f->db, cohort, ids, 7, NULL, out, &err), 7);
	for (int i = 0; i < 7; i++) {
		memcpy(e[i], out[i].enrolment_id, LUP_ID_SIZE);
		assert_int_equal(out[i].result, i < 3 ? LUP_ENROL_SEATED : LUP_ENROL_WAITLISTED);
		assert_int_equal(out[i].position, i < 3 ? 0 : i - 2);
	}
	assert_non_null(strstr(out[3].msg, "Deltagare 3"));
	{
		char w[4][LUP_ID_SIZE];
		memcpy(w[0], p[3], LUP_ID_SIZE); memcpy(w[1], p[4], LUP_ID_SIZE);
		memcpy(w[2], p[5], LUP_ID_SIZE); memcpy(w[3], p[6], LUP_ID_SIZE);
		assert_waiting(f, cohort, 4, w);
	}
	fx_sound(f);

	/* A seated person leaves: the first waiting (3) is promoted, and named. */
	assert_int_equal(lup_enrol_withdraw(f->db, e[0], &pr, &err), 0);
	assert_int_equal(pr.n, 1);
	assert_string_equal(pr.v[0].person_id, p[3]);
	assert_string_equal(pr.v[0].name, "Deltagare 3");
	assert_string_equal(pr.v[0].enrolment_id, e[3]);
	{
		char w[3][LUP_ID_SIZE];
		memcpy(w[0], p[4], LUP_ID_SIZE); memcpy(w[1], p[5], LUP_ID_SIZE);
		memcpy(w[2], p[6], LUP_ID_SIZE);
		assert_waiting(f, cohort, 3, w);
	}
	fx_sound(f);

	/* A waiting person leaves: nobody is promoted, the list closes up. */
	pr.n = 0;
	assert_int_equal(lup_enrol_withdraw(f->db, e[5], &pr, &err), 0);
	assert_int_equal(pr.n, 0);
	{
		char w[2][LUP_ID_SIZE];
		memcpy(w[0], p[4], LUP_ID_SIZE); memcpy(w[1], p[6], LUP_ID_SIZE);
		assert_waiting(f, cohort, 2, w);
	}
	fx_sound(f);

	/* Two more seated people leave, one after the other. */
	assert_int_equal(lup_enrol_withdraw(f->db, e[1], &pr, &err), 0);
	assert_int_equal(lup_enrol_withdraw(f->db, e[2], &pr, &err), 0);
	assert_int_equal(pr.n, 2);
	assert_string_equal(pr.v[0].person_id, p[4]);
	assert_string_equal(pr.v[1].person_id, p[6]);
	assert_waiting(f, cohort, 0, NULL);
	fx_sound(f);

	/* Withdrawn twice: refused. */
	assert_int_equal(lup_enrol_withdraw(f->db, e[1], &pr, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);

	/* Refill past capacity, then raise the capacity: people move up. */
	pr.n = 0;
	assert_int_equal(lup_enrol_many(f->db, cohort, ids, 3, NULL, out, &err), 3);
	assert_int_equal(out[0].result, LUP_ENROL_WAITLISTED);
	assert_int_equal(out[1].position, 2);
	assert_int_equal(out[2].position, 3);
	fx_sound(f);
	assert_int_equal(lup_cohort_get(f->db, cohort, &c, &err), 0);
	c.capacity = 5;
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, &pr, &err), 0);
	assert_int_equal(pr.n, 2);
	assert_string_equal(pr.v[0].person_id, p[0]);
	assert_string_equal(pr.v[1].person_id, p[1]);
	{
		char w[1][LUP_ID_SIZE];
		memcpy(w[0], p[2], LUP_ID_SIZE);
		assert_waiting(f, cohort, 1, w);
	}
	fx_sound(f);
	/* Lowering it takes no seat away: a warning says so. */
	{
		struct lup_warnings w = { 0 };
		c.capacity = 2;
		assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, &w, NULL, &err), 0);
		assert_true(fx_has_warning(&w, LUP_WARN_OVERBOOKED));
		lup_warnings_clear(&w);
	}
	lup_cohort_clear(&c);
	lup_promotions_clear(&pr);
	fx_sound(f);
}

static void test_one_cohort_per_programme(void **state)
{
	struct fx *f = *state;
	char a[LUP_ID_SIZE], b[LUP_ID_SIZE], other[LUP_ID_SIZE], prog2[LUP_ID_SIZE], pid[LUP_ID_SIZE];
	char eid[LUP_ID_SIZE];
	struct lup_enrol_outcome out;
	lup_err err;

	memcpy(a, fx_cohort(f, f->prog, "Kull A", 16, NULL, "open"), sizeof a);
	memcpy(b, fx_cohort(f, f->prog, "Kull B", 16, NULL, "open"), sizeof b);
	memcpy(prog2, fx_programme(f, "Chefsprogram 2"), sizeof prog2);
	memcpy(other, fx_cohort(f, prog2, "Kull X", 16, NULL, "open"), sizeof other);
	memcpy(pid, fx_person(f, "Karin Öst"), sizeof pid);

	assert_int_equal(lup_enrol(f->db, a, pid, NULL, &out, &err), 0);
	memcpy(eid, out.enrolment_id, sizeof eid);
	assert_int_equal(lup_enrol(f->db, b, pid, NULL, &out, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_non_null(strstr(err.msg, "Kull A"));
	assert_int_equal(out.result, LUP_ENROL_REFUSED);
	assert_non_null(strstr(out.msg, "Kull A"));
	/* The same cohort again: refused too. */
	assert_int_equal(lup_enrol(f->db, a, pid, NULL, &out, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	/* Another programme: fine. */
	assert_int_equal(lup_enrol(f->db, other, pid, NULL, &out, &err), 0);
	/* Once withdrawn from A, B takes them. */
	assert_int_equal(lup_enrol_withdraw(f->db, eid, NULL, &err), 0);
	assert_int_equal(lup_enrol(f->db, b, pid, NULL, &out, &err), 0);
	assert_int_equal(lup_enrol_find(f->db, f->prog, pid, eid, &err), 0);
	assert_string_equal(eid, out.enrolment_id);
	/* A batch skips the refused person and goes on. */
	{
		char q[LUP_ID_SIZE];
		const char *ids[2];
		struct lup_enrol_outcome o2[2];
		memcpy(q, fx_person(f, "Per Ny"), sizeof q);
		ids[0] = pid;
		ids[1] = q;
		assert_int_equal(lup_enrol_many(f->db, a, ids, 2, NULL, o2, &err), 1);
		assert_int_equal(o2[0].result, LUP_ENROL_REFUSED);
		assert_non_null(strstr(o2[0].msg, "Kull B"));
		assert_int_equal(o2[1].result, LUP_ENROL_SEATED);
	}
	fx_sound(f);
}

/* ---- Attendance and completion ---- */

static int progress_of(struct fx *f, const char *enrolment, const char *kind,
                       struct lup_block_progress *out)
{
	struct lup_block_progress bp[8];
	int n = lup_completion(f->db, enrolment, bp, 8, NULL);
	assert_true(n > 0);
	for (int i = 0; i < n; i++)
		if (strcmp(bp[i].kind, kind) == 0) {
			*out = bp[i];
			return 1;
		}
	return 0;
}

static void test_completion(void **state)
{
	struct fx *f = *state;
	char s[5][LUP_ID_SIZE], x[LUP_ID_SIZE], y[LUP_ID_SIZE], z[LUP_ID_SIZE];
	char ex[LUP_ID_SIZE], ey[LUP_ID_SIZE], ez[LUP_ID_SIZE];
	struct lup_enrol_outcome out;
	struct lup_block_progress bp;
	struct lup_cohort c;
	lup_err err;

	for (int i = 0; i < 5; i++) {
		char a[17], b[17];
		snprintf(a, sizeof a, "2015-03-%02d 09:00", 2 + i * 7);
		snprintf(b, sizeof b, "2015-03-%02d 16:00", 2 + i * 7);
		memcpy(s[i], fx_session(f, f->cohort, "abw", "study_visit", a, b, NULL, NULL), LUP_ID_SIZE);
	}
	memcpy(x, fx_person(f, "Xenia"), sizeof x);
	memcpy(y, fx_person(f, "Yngve"), sizeof y);
	memcpy(z, fx_person(f, "Zlatan"), sizeof z);
	assert_int_equal(lup_enrol(f->db, f->cohort, x, "2015-01-15", &out, &err), 0);
	memcpy(ex, out.enrolment_id, sizeof ex);
	assert_int_equal(lup_enrol(f->db, f->cohort, y, "2015-01-15", &out, &err), 0);
	memcpy(ey, out.enrolment_id, sizeof ey);
	/* Zlatan joins after the second session. */
	assert_int_equal(lup_enrol(f->db, f->cohort, z, "2015-03-10", &out, &err), 0);
	memcpy(ez, out.enrolment_id, sizeof ez);

	/* Xenia: 3 present, 1 late, 1 absent = 4 of 5 = 80 %: met. */
	fx_mark(f, s[0], x, "present"); fx_mark(f, s[1], x, "present");
	fx_mark(f, s[2], x, "late"); fx_mark(f, s[3], x, "absent");
	fx_mark(f, s[4], x, "present");
	/* Yngve: 3 present, 1 excused, 1 unmarked: 60 %: not met. */
	fx_mark(f, s[0], y, "present"); fx_mark(f, s[1], y, "present");
	fx_mark(f, s[2], y, "excused"); fx_mark(f, s[4], y, "present");
	/* Zlatan: the three sessions after he joined. */
	fx_mark(f, s[2], z, "present"); fx_mark(f, s[3], z, "present");
	fx_mark(f, s[4], z, "late");

	assert_true(progress_of(f, ex, "abw", &bp));
	assert_int_equal(bp.sessions, 5);
	assert_int_equal(bp.attended, 4);
	assert_int_equal(bp.late, 1);
	assert_int_equal(bp.absent, 1);
	assert_true(bp.met);

	assert_true(progress_of(f, ey, "abw", &bp));
	assert_int_equal(bp.sessions, 5);
	assert_int_equal(bp.attended, 3);
	assert_int_equal(bp.excused, 1);
	assert_int_equal(bp.unrecorded, 1);
	assert_false(bp.met);

	assert_true(progress_of(f, ez, "abw", &bp));
	assert_int_equal(bp.sessions, 3);      /* not counted for the first two */
	assert_int_equal(bp.attended, 3);
	assert_true(bp.met);

	/* A block the cohort does not run is not scheduled: neither met nor
	 * counted; the UL block has no sessions here. */
	assert_true(progress_of(f, ex, "ul", &bp));
	assert_int_equal(bp.sessions, 0);
	assert_false(bp.scheduled);
	assert_false(bp.met);
	{
		struct lup_block_progress all[8];
		int nb = lup_completion(f->db, ex, all, 8, &err);
		assert_int_equal(nb, 3);
		assert_true(lup_completion_met(all, nb));      /* the one block run, met */
		nb = lup_completion(f->db, ey, all, 8, &err);
		assert_false(lup_completion_met(all, nb));
	}

	/* Not done yet (a session still to come): refused. */
	{
		char later[LUP_ID_SIZE];
		memcpy(later, fx_session(f, f->cohort, "abw", "study_visit", "2099-03-02 09:00",
		                         "2099-03-02 16:00", NULL, NULL), sizeof later);
		assert_int_equal(lup_cohort_get(f->db, f->cohort, &c, &err), 0);
		assert_string_equal(c.status, "running");
		lup_cohort_clear(&c);
		assert_int_equal(lup_cohort_complete(f->db, f->cohort, &err), -1);
		assert_int_equal(err.code, LUP_ECONFLICT);
		assert_non_null(strstr(err.msg, "running"));
		assert_int_equal(lup_session_delete(f->db, later, &err), 0);
	}
	/* A status set by hand wins over the dates until cleared. */
	assert_int_equal(lup_cohort_get(f->db, f->cohort, &c, &err), 0);
	assert_string_equal(c.status, "done");
	snprintf(c.status_override, sizeof c.status_override, "cancelled");
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
	assert_string_equal(c.status, "cancelled");
	assert_int_equal(lup_cohort_complete(f->db, f->cohort, &err), -1);
	c.status_override[0] = '\0';
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
	assert_string_equal(c.status, "done");
	lup_cohort_clear(&c);
	assert_int_equal(lup_cohort_complete(f->db, f->cohort, &err), 2);
	{
		struct lup_progress pg;
		char line[128];
		assert_int_equal(lup_programme_progress(f->db, f->prog, &pg, &err), 0);
		assert_int_equal(pg.enrolled, 3);
		assert_int_equal(pg.completed, 2);
		assert_int_equal(pg.target, 300);
		lup_progress_format(&pg, line, sizeof line);
		assert_string_equal(line, "3 of 300 enrolled, 2 completed");
	}
	/* Marking again changes nobody. */
	assert_int_equal(lup_cohort_complete(f->db, f->cohort, &err), 0);
	fx_sound(f);
}

static void test_register(void **state)
{
	struct fx *f = *state;
	char s1[LUP_ID_SIZE], s2[LUP_ID_SIZE], a[LUP_ID_SIZE], b[LUP_ID_SIZE], c[LUP_ID_SIZE];
	char ea[LUP_ID_SIZE], outsider[LUP_ID_SIZE];
	struct lup_enrol_outcome out;
	struct lup_register_row *rows;
	lup_err err;
	int n;

	memcpy(s1, fx_session(f, f->cohort, "ul", "course_day", "2015-09-07 09:00",
	                      "2015-09-07 17:00", NULL, NULL), sizeof s1);
	memcpy(s2, fx_session(f, f->cohort, "ul", "course_day", "2015-09-08 09:00",
	                      "2015-09-08 17:00", NULL, NULL), sizeof s2);
	memcpy(a, fx_person(f, "Åsa Berg"), sizeof a);
	memcpy(b, fx_person(f, "Anders Ek"), sizeof b);
	memcpy(c, fx_person(f, "Cecilia Dahl"), sizeof c);
	memcpy(outsider, fx_person(f, "Utan Kull"), sizeof outsider);
	assert_int_equal(lup_enrol(f->db, f->cohort, a, "2015-08-01", &out, &err), 0);
	memcpy(ea, out.enrolment_id, sizeof ea);
	assert_int_equal(lup_enrol(f->db, f->cohort, b, "2015-08-01", &out, &err), 0);
	assert_int_equal(lup_enrol(f->db, f->cohort, c, "2015-09-08", &out, &err), 0);

	/* Cecilia joined on the day of the second session only. */
	n = lup_register(f->db, s1, &rows, &err);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].name, "Anders Ek");   /* Swedish order: Å after Z */
	assert_string_equal(rows[1].name, "Åsa Berg");
	assert_string_equal(rows[0].status, "");
	free(rows);
	n = lup_register(f->db, s2, &rows, &err);
	assert_int_equal(n, 3);
	free(rows);

	/* One call a person; a change of mind overwrites; "" clears. */
	assert_int_equal(lup_attendance_set(f->db, s1, a, "late", &err), 0);
	assert_int_equal(lup_attendance_set(f->db, s1, a, "present", &err), 0);
	assert_int_equal(lup_attendance_set(f->db, s1, b, "absent", &err), 0);
	n = lup_register(f->db, s1, &rows, &err);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].status, "absent");
	assert_string_equal(rows[1].status, "present");
	free(rows);
	assert_int_equal(lup_attendance_set(f->db, s1, b, "", &err), 0);
	n = lup_register(f->db, s1, &rows, &err);
	assert_string_equal(rows[0].status, "");
	free(rows);

	/* Bad status, a person not in the cohort, no such session. */
	assert_int_equal(lup_attendance_set(f->db, s1, a, "asleep", &err), -1);
	assert_string_equal(err.field, "status");
	assert_int_equal(lup_attendance_set(f->db, s1, outsider, "present", &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_attendance_set(f->db, "00000000-0000-4000-8000-000000000000", a,
	                                    "present", &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);

	/* Withdrawn later: still on the register of the sessions before. */
	assert_int_equal(lup_enrol_withdraw(f->db, ea, NULL, &err), 0);
	n = lup_register(f->db, s1, &rows, &err);
	assert_int_equal(n, 2);
	assert_string_equal(rows[1].enrolment_status, "withdrawn");
	free(rows);
	/* Back on a later day: the seat they had keeps its days (their mark
	 * of the first session stands), under an id of its own; the
	 * enrolment's own id is the return. */
	assert_int_equal(lup_enrol(f->db, f->cohort, a, "2030-01-01", &out, &err), 0);
	assert_string_equal(out.enrolment_id, ea);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM enrolment WHERE person_id = ?1 AND status = 'withdrawn' "
	                           "AND enrolled_on = '2015-08-01' AND ended_on IS NOT NULL", a), 1);
	n = lup_register(f->db, s1, &rows, &err);
	assert_int_equal(n, 2);
	assert_string_equal(rows[1].name, "Åsa Berg");
	assert_string_equal(rows[1].status, "present");
	free(rows);
	fx_sound(f);
}

/* ---- Sessions ---- */

static void test_session_sequence_and_validation(void **state)
{
	struct fx *f = *state;
	struct lup_session s = { 0 }, t;
	struct lup_cohort c;
	lup_err err;
	char id[LUP_ID_SIZE];

	snprintf(s.cohort_id, sizeof s.cohort_id, "%s", f->cohort);
	snprintf(s.block_id, sizeof s.block_id, "%s", fx_block(f, f->prog, "ul"));
	snprintf(s.starts_at, sizeof s.starts_at, "2015-09-07T9.00");
	snprintf(s.ends_at, sizeof s.ends_at, "16:30");   /* a bare time: the same day */
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	assert_string_equal(s.starts_at, "2015-09-07 09:00");
	assert_string_equal(s.ends_at, "2015-09-07 16:30");
	assert_string_equal(s.kind, "course_day");
	assert_non_null(strstr(s.title, "UL"));          /* made from the block */
	assert_int_equal(s.sequence, 0);
	memcpy(id, s.id, sizeof id);

	free(s.location);
	s.location = strdup("Stadshuset");
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	assert_int_equal(s.sequence, 1);
	/* Saved unchanged: the sequence stays. */
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	assert_int_equal(s.sequence, 1);
	snprintf(s.ends_at, sizeof s.ends_at, "2015-09-07 17:00");
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	assert_int_equal(s.sequence, 2);
	lup_session_clear(&s);

	/* Renaming the cohort changes the calendar text: sequence 3. */
	assert_int_equal(lup_cohort_get(f->db, f->cohort, &c, &err), 0);
	free(c.name);
	c.name = strdup("Pilot Halland (omdöpt)");
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
	lup_cohort_clear(&c);
	assert_int_equal(lup_session_get(f->db, id, &t, &err), 0);
	assert_int_equal(t.sequence, 3);

	/* Each bad field is named. */
	snprintf(t.ends_at, sizeof t.ends_at, "2015-09-07 08:00");
	assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), -1);
	assert_string_equal(err.field, "ends_at");
	snprintf(t.ends_at, sizeof t.ends_at, "2015-09-30 08:00");
	assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), -1);
	assert_string_equal(err.field, "ends_at");          /* longer than 14 days */
	snprintf(t.ends_at, sizeof t.ends_at, "2015-09-07 17:00");
	snprintf(t.starts_at, sizeof t.starts_at, "2015-02-30 09:00");
	assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), -1);
	assert_string_equal(err.field, "starts_at");
	snprintf(t.starts_at, sizeof t.starts_at, "2015-09-07 09:00");
	snprintf(t.kind, sizeof t.kind, "party");
	assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), -1);
	assert_string_equal(err.field, "kind");
	snprintf(t.kind, sizeof t.kind, "study_visit");
	{
		char prog2[LUP_ID_SIZE];
		memcpy(prog2, fx_programme(f, "Annat program"), sizeof prog2);
		snprintf(t.block_id, sizeof t.block_id, "%s", fx_block(f, prog2, "abw"));
		assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), -1);
		assert_string_equal(err.field, "block_id");
		t.block_id[0] = '\0';
	}
	snprintf(t.host_id, sizeof t.host_id, "%s", fx_host(f, "Swedbank", "Stockholm"));
	t.host_name = strdup("Nacka kommun");
	assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), -1);
	assert_string_equal(err.field, "host_name");
	free(t.host_name);
	t.host_name = NULL;
	assert_int_equal(lup_session_save(f->db, f->cfg, &t, NULL, &err), 0);
	assert_int_equal(t.sequence, 4);
	lup_session_clear(&t);
	/* Nothing bad was written. */
	assert_int_equal(lup_session_get(f->db, id, &t, &err), 0);
	assert_string_equal(t.kind, "study_visit");
	assert_string_equal(t.starts_at, "2015-09-07 09:00");
	lup_session_clear(&t);
	fx_sound(f);
}

static void test_session_copy(void **state)
{
	struct fx *f = *state;
	char src[LUP_ID_SIZE], prog2[LUP_ID_SIZE], other[LUP_ID_SIZE];
	struct lup_session c, s;
	lup_err err;

	memcpy(src, fx_session(f, f->cohort, "abw", "study_visit", "2015-03-04 09:00",
	                       "2015-03-04 15:00", "Nacka stadshus", "Eva Ek"), sizeof src);
	/* Bump the source's sequence: the copy still starts at 0. */
	assert_int_equal(lup_session_get(f->db, src, &s, &err), 0);
	free(s.notes);
	s.notes = strdup("Ta med legitimation");
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);

	assert_int_equal(lup_session_copy(f->db, f->cfg, src, NULL, 7, &c, NULL, &err), 0);
	assert_string_not_equal(c.id, src);
	assert_string_equal(c.starts_at, "2015-03-11 09:00");
	assert_string_equal(c.ends_at, "2015-03-11 15:00");
	assert_string_equal(c.cohort_id, f->cohort);
	assert_string_equal(c.block_id, s.block_id);
	assert_string_equal(c.location, "Nacka stadshus");
	assert_string_equal(c.notes, "Ta med legitimation");
	assert_int_equal(c.sequence, 0);
	lup_session_clear(&c);

	/* Into a cohort of another programme: its block of the same kind. */
	memcpy(prog2, fx_programme(f, "Program två"), sizeof prog2);
	memcpy(other, fx_cohort(f, prog2, "Kull två", 16, NULL, "planned"), sizeof other);
	assert_int_equal(lup_session_copy(f->db, f->cfg, src, other, 0, &c, NULL, &err), 0);
	assert_string_equal(c.cohort_id, other);
	assert_string_equal(c.block_id, fx_block(f, prog2, "abw"));
	assert_string_equal(c.starts_at, "2015-03-04 09:00");
	lup_session_clear(&c);
	lup_session_clear(&s);
	fx_sound(f);
}

/* ---- The paged lists ---- */

static void test_cohort_paging(void **state)
{
	struct fx *f = *state;
	struct lup_cohort_query q = { f->prog, NULL, NULL, NULL };
	struct lup_cohort_row all[40], page[10];
	char prev[16] = "";
	int n, got = 0;
	long count;

	for (int i = 0; i < 24; i++) {
		char name[32], date[32];
		struct lup_cohort c = { 0 };
		lup_err err;
		snprintf(name, sizeof name, "Kull %02d", i);
		snprintf(date, sizeof date, "2015-%02d-%02d", 1 + i % 12, 1 + i / 12);
		snprintf(c.programme_id, sizeof c.programme_id, "%s", f->prog);
		c.name = strdup(name);
		if (i % 5)   /* some undated: last */
			snprintf(c.start_date, sizeof c.start_date, "%.10s", date);
		assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
		lup_cohort_clear(&c);
	}
	assert_int_equal(lup_cohort_count(f->db, &q, &count, NULL), 0);
	assert_int_equal(count, 25);   /* with the fixture's */
	n = lup_cohort_page(f->db, &q, NULL, 1, 40, all, NULL);
	assert_int_equal(n, 25);
	for (int i = 0; i < n; i++) {
		assert_true(strcmp(all[i].key, prev) >= 0);
		snprintf(prev, sizeof prev, "%s", all[i].key);
	}
	assert_string_equal(all[24].start_date, "");
	/* Forward in pages of 10 gives the same order. */
	{
		const struct lup_cohort_row *from = NULL;
		struct lup_cohort_row last;
		while ((n = lup_cohort_page(f->db, &q, from, 1, 10, page, NULL)) > 0) {
			for (int i = 0; i < n; i++)
				assert_string_equal(page[i].id, all[got + i].id);
			got += n;
			last = page[n - 1];
			from = &last;
		}
		assert_int_equal(got, 25);
	}
	/* Backward from the end, and backward from a row in the middle. */
	n = lup_cohort_page(f->db, &q, NULL, -1, 10, page, NULL);
	assert_int_equal(n, 10);
	for (int i = 0; i < 10; i++)
		assert_string_equal(page[i].id, all[15 + i].id);
	n = lup_cohort_page(f->db, &q, &all[12], -1, 10, page, NULL);
	assert_int_equal(n, 10);
	assert_string_equal(page[0].id, all[2].id);
	assert_string_equal(page[9].id, all[11].id);
	n = lup_cohort_page(f->db, &q, &all[5], -1, 10, page, NULL);
	assert_int_equal(n, 5);
	assert_string_equal(page[0].id, all[0].id);
	/* Positions in that order, undated ones last. */
	for (int i = 0; i < 25; i++)
		assert_int_equal(lup_cohort_position(f->db, &q, &all[i], NULL), i);
	/* Filtered by the status the dates give: the dated ones began in
	 * 2015 (running: no sessions, no end), the undated ones are planned. */
	q.status = "running";
	assert_int_equal(lup_cohort_count(f->db, &q, &count, NULL), 0);
	assert_int_equal(count, 20);
	q.status = "planned";
	assert_int_equal(lup_cohort_count(f->db, &q, &count, NULL), 0);
	assert_int_equal(count, 5);
	n = lup_cohort_page(f->db, &q, NULL, 1, 40, page, NULL);
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++) {
		assert_string_equal(page[i].status, "planned");
		assert_string_equal(page[i].start_date, "");
	}
	q.status = "open";
	assert_int_equal(lup_cohort_count(f->db, &q, &count, NULL), 0);
	assert_int_equal(count, 0);
	/* Filtered by a part of the name, in any case: Kull 20 to Kull 23 */
	q.status = NULL;
	q.filter = "KULL 2";
	assert_int_equal(lup_cohort_count(f->db, &q, &count, NULL), 0);
	assert_int_equal(count, 4);
	n = lup_cohort_page(f->db, &q, NULL, 1, 40, page, NULL);
	assert_int_equal(n, 4);
	for (int i = 0; i < n; i++) {
		assert_true(strncmp(page[i].name, "Kull 2", 6) == 0);
		assert_int_equal(lup_cohort_position(f->db, &q, &page[i], NULL), i);
	}
	q.filter = "no such cohort";
	assert_int_equal(lup_cohort_count(f->db, &q, &count, NULL), 0);
	assert_int_equal(count, 0);
}

/* Cohorts starting on the same day come in the order of their names
 * (Swedish order, case and accents aside), not of their random ids, so
 * the list (and a screenshot of it) is the same every time; paging
 * forward and back and positions keep that order. */
static void test_cohort_same_day_by_name(void **state)
{
	struct fx *f = *state;
	static const char *const names[] = { "Kull Ö", "kull H", "Kull Ä", "Kull G", "kull 10", "Kull 9",
	                                     "Kull B", "Kull a" };
	static const char *const sorted[] = { "Kull 9", "kull 10", "Kull a", "Kull B", "Kull G", "kull H",
	                                      "Kull Ä", "Kull Ö" };
	struct lup_cohort_query q = { f->prog, NULL, NULL, NULL };
	struct lup_cohort_row all[16], page[3], last;
	const struct lup_cohort_row *from = NULL;
	int n, got = 0, first = -1;

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct lup_cohort c = { 0 };
		lup_err err;
		snprintf(c.programme_id, sizeof c.programme_id, "%s", f->prog);
		snprintf(c.start_date, sizeof c.start_date, "2031-03-04");
		c.name = strdup(names[i]);
		assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
		lup_cohort_clear(&c);
	}
	n = lup_cohort_page(f->db, &q, NULL, 1, 16, all, NULL);
	for (int i = 0; i < n; i++)
		if (strcmp(all[i].start_date, "2031-03-04") == 0) {
			if (first < 0)
				first = i;
			assert_string_equal(all[i].name, sorted[i - first]);
		}
	assert_true(first >= 0);
	/* pages of three, forward, the same order */
	while ((n = lup_cohort_page(f->db, &q, from, 1, 3, page, NULL)) > 0) {
		for (int i = 0; i < n; i++)
			assert_string_equal(page[i].id, all[got + i].id);
		got += n;
		last = page[n - 1];
		from = &last;
	}
	/* backward from the last, and positions */
	n = lup_cohort_page(f->db, &q, &all[first + 7], -1, 3, page, NULL);
	assert_int_equal(n, 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(page[i].name, sorted[4 + i]);
	for (int i = 0; i < 8; i++)
		assert_int_equal(lup_cohort_position(f->db, &q, &all[first + i], NULL), first + i);
}

static void test_session_and_enrolment_lists(void **state)
{
	struct fx *f = *state;
	struct lup_session_query sq = { f->cohort, 1 };
	struct lup_session_row rows[20], one;
	struct lup_enrolment_query eq = { f->cohort, 1 };
	struct lup_enrolment_row er[10], er2[10];
	struct lup_cohort c;
	char ids[6][LUP_ID_SIZE];
	const char *pp[6];
	struct lup_enrol_outcome out[6];
	lup_err err;
	int n;

	for (int i = 0; i < 6; i++) {
		char a[17], b[17];
		snprintf(a, sizeof a, "2015-10-%02d 13:00", 19 - i * 2);   /* entered out of order */
		snprintf(b, sizeof b, "2015-10-%02d 16:00", 19 - i * 2);
		fx_session(f, f->cohort, "egov", "course_day", a, b, NULL, NULL);
	}
	n = lup_session_page(f->db, &sq, NULL, 1, 20, rows, &err);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].starts_at, "2015-10-09 13:00");
	assert_int_equal(rows[0].isoweek, 41);
	assert_string_equal(rows[5].starts_at, "2015-10-19 13:00");
	assert_int_equal(rows[5].isoweek, 43);
	assert_int_equal(rows[0].conflicts, 0);
	assert_string_equal(rows[0].facilitators, "Eva Ek, Olle Berg");   /* the cohort's */
	n = lup_session_page(f->db, &sq, &rows[2], 1, 2, rows + 10, &err);
	assert_int_equal(n, 2);
	assert_string_equal(rows[10].id, rows[3].id);
	assert_int_equal(lup_session_row_get(f->db, &sq, rows[4].id, &one, &err), 0);
	assert_string_equal(one.starts_at, rows[4].starts_at);

	/* Enrolments: enrolled first come first, then the waitlist by position. */
	assert_int_equal(lup_cohort_get(f->db, f->cohort, &c, &err), 0);
	c.capacity = 4;
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
	lup_cohort_clear(&c);
	for (int i = 0; i < 6; i++) {
		char name[16];
		snprintf(name, sizeof name, "Person %c", 'F' - i);
		memcpy(ids[i], fx_person(f, name), LUP_ID_SIZE);
		pp[i] = ids[i];
	}
	assert_int_equal(lup_enrol_many(f->db, f->cohort, pp, 6, NULL, out, &err), 6);
	assert_int_equal(lup_enrol_withdraw(f->db, out[5].enrolment_id, NULL, &err), 0);
	n = lup_enrolment_page(f->db, &eq, NULL, 1, 10, er, &err);
	assert_int_equal(n, 6);
	for (int i = 0; i < 4; i++)
		assert_string_equal(er[i].status, "enrolled");
	assert_string_equal(er[4].status, "waitlisted");
	assert_string_equal(er[4].person_id, ids[4]);
	assert_string_equal(er[5].status, "withdrawn");
	/* The same rows in pages of 4, forward and back. */
	n = lup_enrolment_page(f->db, &eq, NULL, 1, 4, er2, &err);
	assert_int_equal(n, 4);
	n = lup_enrolment_page(f->db, &eq, &er2[3], 1, 4, er2 + 4, &err);
	assert_int_equal(n, 2);
	for (int i = 0; i < 6; i++)
		assert_string_equal(er2[i].id, er[i].id);
	n = lup_enrolment_page(f->db, &eq, &er[5], -1, 3, er2, &err);
	assert_int_equal(n, 3);
	assert_string_equal(er2[0].id, er[2].id);
	assert_string_equal(er2[2].id, er[4].id);
	eq.with_withdrawn = 0;
	{
		long cnt;
		assert_int_equal(lup_enrolment_count(f->db, &eq, &cnt, &err), 0);
		assert_int_equal(cnt, 5);
	}
	fx_sound(f);
}

/* ---- What really happened: marks from the day, seats from a day ---- */

/* "YYYY-MM-DD HH:MM" days from today. */
static void day_time(long days, const char *hhmm, char out[17])
{
	char d[11];
	lup_date_format(lup_date_add(lup_date_today(), days), d);
	snprintf(out, 17, "%s %s", d, hhmm);
}

/* A session still to come takes no mark; one today does; clearing is
 * always allowed.  Someone without a seat on the day takes none either. */
static void test_marks_from_the_day(void **state)
{
	struct fx *f = *state;
	char a[17], b[17], later[LUP_ID_SIZE], today[LUP_ID_SIZE], past[LUP_ID_SIZE];
	char x[LUP_ID_SIZE], y[LUP_ID_SIZE];
	struct lup_register_row *rows;
	lup_err err;
	int n;

	memcpy(x, fx_person(f, "Xenia"), sizeof x);
	memcpy(y, fx_person(f, "Yngve"), sizeof y);
	assert_int_equal(lup_enrol(f->db, f->cohort, x, "2015-01-15", NULL, &err), 0);
	day_time(30, "09:00", a);
	day_time(30, "16:00", b);
	memcpy(later, fx_session(f, f->cohort, "abw", "study_visit", a, b, NULL, NULL), sizeof later);
	day_time(0, "00:01", a);
	day_time(0, "23:59", b);
	memcpy(today, fx_session(f, f->cohort, "abw", "study_visit", a, b, NULL, NULL), sizeof today);
	memcpy(past, fx_session(f, f->cohort, "abw", "study_visit", "2015-03-02 09:00",
	                        "2015-03-02 16:00", NULL, NULL), sizeof past);

	/* later: refused, saying from when; the register still lists who comes */
	assert_int_equal(lup_attendance_set(f->db, later, x, "present", &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_non_null(strstr(err.msg, "has not taken place yet: its attendance can be taken from"));
	{
		char day[11];
		lup_date_format(lup_date_add(lup_date_today(), 30), day);
		assert_non_null(strstr(err.msg, day));
	}
	assert_int_equal(lup_attendance_edit(f->db, later, x, "", "present", NULL, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	n = lup_register(f->db, later, &rows, &err);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].status, "");
	free(rows);
	/* clearing (a mark an older lup let in) is allowed */
	assert_int_equal(lup_attendance_set(f->db, later, x, NULL, &err), 0);
	/* today: yes */
	assert_int_equal(lup_attendance_set(f->db, today, x, "late", &err), 0);

	/* Yngve's seat counts from today: not for the session of 2015 … */
	assert_int_equal(lup_enrol(f->db, f->cohort, y, NULL, NULL, &err), 0);
	n = lup_register(f->db, past, &rows, &err);
	assert_int_equal(n, 1);                      /* only Xenia */
	free(rows);
	assert_int_equal(lup_attendance_set(f->db, past, y, "present", &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_non_null(strstr(err.msg, "Yngve held no seat on 2015-03-02: their seat counts from"));
	/* … until the day it counts from is moved back */
	{
		struct lup_enrolment seen, e;
		char id[LUP_ID_SIZE];
		assert_int_equal(lup_enrol_find(f->db, f->prog, y, id, &err), 0);
		assert_int_equal(lup_enrolment_get(f->db, id, &seen, &err), 0);
		e = seen;
		e.note = NULL;
		snprintf(e.enrolled_on, sizeof e.enrolled_on, "2015-02-01");
		assert_int_equal(lup_enrolment_update(f->db, &seen, &e, NULL, &err), 0);
		lup_enrolment_clear(&seen);
	}
	n = lup_register(f->db, past, &rows, &err);
	assert_int_equal(n, 2);
	free(rows);
	assert_int_equal(lup_attendance_set(f->db, past, y, "present", &err), 0);
	fx_sound(f);
}

/* The day a seat counts from: a date, for a seat, inside its marks. */
static void test_enrolment_since(void **state)
{
	struct fx *f = *state;
	char x[LUP_ID_SIZE], w[LUP_ID_SIZE], s1[LUP_ID_SIZE], ex[LUP_ID_SIZE];
	struct lup_enrol_outcome out;
	struct lup_enrolment seen, e;
	struct lup_merge_report mr;
	lup_err err;

	memcpy(x, fx_person(f, "Xenia"), sizeof x);
	assert_int_equal(lup_enrol(f->db, f->cohort, x, "2015-02-01", &out, &err), 0);
	memcpy(ex, out.enrolment_id, sizeof ex);
	memcpy(s1, fx_session(f, f->cohort, "ul", "course_day", "2015-03-02 09:00", "2015-03-02 16:00",
	                      NULL, NULL), sizeof s1);
	fx_mark(f, s1, x, "present");
	assert_int_equal(lup_enrolment_get(f->db, ex, &seen, &err), 0);
	assert_string_equal(seen.enrolled_on, "2015-02-01");
	assert_string_equal(seen.name, "Xenia");
	assert_string_equal(seen.cohort, "Pilot Halland");

	/* after the first mark: refused, naming it */
	e = seen;
	e.note = NULL;
	snprintf(e.enrolled_on, sizeof e.enrolled_on, "2015-03-03");
	assert_int_equal(lup_enrolment_update(f->db, &seen, &e, NULL, &err), -1);
	assert_string_equal(err.field, "enrolled_on");
	assert_string_equal(err.msg, "Xenia has attendance from 2015-03-02: their seat must count from that day or earlier");
	/* not a date; none at all */
	snprintf(e.enrolled_on, sizeof e.enrolled_on, "2015-02-30");
	assert_int_equal(lup_enrolment_update(f->db, &seen, &e, NULL, &err), -1);
	assert_string_equal(err.field, "enrolled_on");
	e.enrolled_on[0] = '\0';
	assert_int_equal(lup_enrolment_update(f->db, &seen, &e, NULL, &err), -1);
	assert_string_equal(err.field, "enrolled_on");
	/* the day of the mark itself, and a note: saved */
	snprintf(e.enrolled_on, sizeof e.enrolled_on, "2015-03-02");
	e.note = strdup("Förd in i efterhand från papperslistan");
	assert_int_equal(lup_enrolment_update(f->db, &seen, &e, NULL, &err), 0);
	free(e.note);
	lup_enrolment_clear(&seen);
	assert_int_equal(lup_enrolment_get(f->db, ex, &seen, &err), 0);
	assert_string_equal(seen.enrolled_on, "2015-03-02");
	assert_string_equal(seen.note, "Förd in i efterhand från papperslistan");

	/* two windows: the note changed elsewhere is kept, the day is mine */
	{
		struct lup_enrolment other = seen;
		other.note = strdup("Ändrad i andra fönstret");
		assert_int_equal(lup_enrolment_update(f->db, &seen, &other, NULL, &err), 0);
		free(other.note);
	}
	e = seen;
	e.note = lup_strdup(seen.note);
	snprintf(e.enrolled_on, sizeof e.enrolled_on, "2015-01-20");
	lup_merge_report_init(&mr);
	assert_int_equal(lup_enrolment_update(f->db, &seen, &e, &mr, &err), 0);
	free(e.note);
	lup_merge_report_clear(&mr);
	lup_enrolment_clear(&seen);
	assert_int_equal(lup_enrolment_get(f->db, ex, &seen, &err), 0);
	assert_string_equal(seen.enrolled_on, "2015-01-20");
	assert_string_equal(seen.note, "Ändrad i andra fönstret");
	lup_enrolment_clear(&seen);

	/* someone waiting has no seat to count from */
	{
		struct lup_cohort c;
		char small[LUP_ID_SIZE], y[LUP_ID_SIZE];
		memcpy(small, fx_cohort(f, fx_programme(f, "Annat program"), "Liten", 1, NULL, NULL), sizeof small);
		memcpy(y, fx_person(f, "Yngve"), sizeof y);
		memcpy(w, fx_person(f, "Wilma"), sizeof w);
		assert_int_equal(lup_enrol(f->db, small, y, NULL, NULL, &err), 0);
		assert_int_equal(lup_enrol(f->db, small, w, NULL, &out, &err), 0);
		assert_int_equal(out.result, LUP_ENROL_WAITLISTED);
		assert_int_equal(lup_enrolment_get(f->db, out.enrolment_id, &seen, &err), 0);
		e = seen;
		e.note = NULL;
		snprintf(e.enrolled_on, sizeof e.enrolled_on, "2015-01-01");
		assert_int_equal(lup_enrolment_update(f->db, &seen, &e, NULL, &err), -1);
		assert_string_equal(err.field, "enrolled_on");
		assert_non_null(strstr(err.msg, "Wilma is waiting for a seat"));
		lup_enrolment_clear(&seen);
		(void)c;
	}
	fx_sound(f);
}

/* Back to the waitlist: who loses the seat, who gets it, and when not. */
static void test_back_to_the_waitlist(void **state)
{
	struct fx *f = *state;
	char prog[LUP_ID_SIZE], c[LUP_ID_SIZE], p[5][LUP_ID_SIZE], e[5][LUP_ID_SIZE];
	struct lup_enrol_outcome out;
	struct lup_promotions moved = { 0 };
	struct lup_cohort row;
	lup_err err;
	int pos = 0;

	memcpy(prog, fx_programme(f, "Andra programmet"), sizeof prog);
	memcpy(c, fx_cohort(f, prog, "Kull 3", 3, NULL, NULL), sizeof c);
	for (int i = 0; i < 5; i++) {
		char name[16];
		snprintf(name, sizeof name, "P%d", i);
		memcpy(p[i], fx_person(f, name), LUP_ID_SIZE);
		assert_int_equal(lup_enrol(f->db, c, p[i], "2015-01-10", &out, &err), 0);
		memcpy(e[i], out.enrolment_id, LUP_ID_SIZE);
	}
	/* P0 P1 P2 seated; P3, P4 waiting.  P1 steps back: P3 gets the seat,
	 * P1 goes first in line, before P4. */
	assert_int_equal(lup_enrol_unseat(f->db, e[1], &pos, &moved, &err), 0);
	assert_int_equal(pos, 1);
	assert_int_equal(moved.n, 1);
	assert_string_equal(moved.v[0].name, "P3");
	{
		struct lup_enrolment x;
		assert_int_equal(lup_enrolment_get(f->db, e[1], &x, &err), 0);
		assert_string_equal(x.status, "waitlisted");
		assert_int_equal(x.waitlist_pos, 1);
		assert_string_equal(x.enrolled_on, "");
		lup_enrolment_clear(&x);
		assert_int_equal(lup_enrolment_get(f->db, e[4], &x, &err), 0);
		assert_int_equal(x.waitlist_pos, 2);
		lup_enrolment_clear(&x);
	}
	fx_sound(f);

	/* The capacity lowered to 2 with 3 seated (P0 P2 P3): one too many.
	 * P2 steps back: nobody moves up, P2 first in line. */
	assert_int_equal(lup_cohort_get(f->db, c, &row, &err), 0);
	row.capacity = 2;
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &row, NULL, NULL, &err), 0);
	lup_cohort_clear(&row);
	moved.n = 0;
	assert_int_equal(lup_enrol_unseat(f->db, e[2], &pos, &moved, &err), 0);
	assert_int_equal(pos, 1);
	assert_int_equal(moved.n, 0);
	fx_sound(f);

	/* Not for someone waiting, nor someone who attended, nor when the seat
	 * would come straight back. */
	assert_int_equal(lup_enrol_unseat(f->db, e[4], &pos, NULL, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	{
		char s[LUP_ID_SIZE];
		memcpy(s, fx_session(f, c, "", "course_day", "2015-02-02 09:00", "2015-02-02 16:00", NULL, NULL),
		       sizeof s);
		fx_mark(f, s, p[0], "present");
		assert_int_equal(lup_enrol_unseat(f->db, e[0], &pos, NULL, &err), -1);
		assert_string_equal(err.msg, "P0 has attendance for 1 session: they took part, so withdraw them instead");
	}
	{
		char c2[LUP_ID_SIZE], q[LUP_ID_SIZE];
		memcpy(c2, fx_cohort(f, fx_programme(f, "Tredje programmet"), "Kull 4", 5, NULL, NULL), sizeof c2);
		memcpy(q, fx_person(f, "Q"), sizeof q);
		assert_int_equal(lup_enrol(f->db, c2, q, NULL, &out, &err), 0);
		assert_int_equal(lup_enrol_unseat(f->db, out.enrolment_id, &pos, NULL, &err), -1);
		assert_non_null(strstr(err.msg, "has a free seat and nobody waiting: Q would get the seat straight back"));
	}
	/* From a screen that showed them seated, while another window withdrew
	 * them: asked, nothing written. */
	{
		struct lup_merge_report mr;
		assert_int_equal(lup_enrol_withdraw(f->db, e[3], NULL, &err), 0);
		lup_merge_report_init(&mr);
		assert_int_equal(lup_enrol_unseat_edit(f->db, e[3], "enrolled", &pos, NULL, &mr, &err), -1);
		assert_int_equal(err.code, LUP_ECHANGED);
		lup_merge_report_clear(&mr);
	}
	lup_promotions_clear(&moved);
	fx_sound(f);
}

/* What a new session most likely is. */
static void test_session_suggest(void **state)
{
	struct fx *f = *state;
	struct lup_session s;
	lup_err err;

	/* the first: a UL course day on the cohort's start (a Monday) */
	assert_int_equal(lup_session_suggest(f->db, f->cfg, f->cohort, &s, &err), 0);
	assert_string_equal(s.block_id, fx_block(f, f->prog, "ul"));
	assert_string_equal(s.kind, "course_day");
	assert_string_equal(s.starts_at, "2015-01-12 09:00");
	assert_string_equal(s.ends_at, "2015-01-12 16:00");
	lup_session_clear(&s);
	/* part 1 goes on: the next working day (Friday → Monday) */
	fx_session(f, f->cohort, "ul", "course_day", "2015-01-16 08:30", "2015-01-16 17:00", "Aranäs", NULL);
	assert_int_equal(lup_session_suggest(f->db, f->cfg, f->cohort, &s, &err), 0);
	assert_string_equal(s.kind, "course_day");
	assert_string_equal(s.starts_at, "2015-01-19 08:30");
	assert_string_equal(s.ends_at, "2015-01-19 17:00");
	assert_string_equal(s.location, "Aranäs");
	lup_session_clear(&s);
	fx_session(f, f->cohort, "ul", "course_day", "2015-01-19 08:30", "2015-01-19 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2015-01-20 08:30", "2015-01-20 17:00", NULL, NULL);
	/* part 1 done: part 2, a follow-up eight weeks after its last day */
	assert_int_equal(lup_session_suggest(f->db, f->cfg, f->cohort, &s, &err), 0);
	assert_string_equal(s.kind, "follow_up");
	assert_string_equal(s.block_id, fx_block(f, f->prog, "ul"));
	assert_string_equal(s.starts_at, "2015-03-17 08:30");
	lup_session_clear(&s);
	/* after a study visit: another, a week later */
	fx_session(f, f->cohort, "abw", "study_visit", "2015-02-04 09:00", "2015-02-04 15:00", NULL, NULL);
	fx_session(f, f->cohort, "abw", "study_visit", "2015-03-25 09:00", "2015-03-25 15:00", NULL, NULL);
	assert_int_equal(lup_session_suggest(f->db, f->cfg, f->cohort, &s, &err), 0);
	assert_string_equal(s.kind, "study_visit");
	assert_string_equal(s.block_id, fx_block(f, f->prog, "abw"));
	assert_string_equal(s.starts_at, "2015-04-01 09:00");
	lup_session_clear(&s);
	/* UL begun with a follow-up (no part 1): the next is a course day */
	{
		char other[LUP_ID_SIZE];
		memcpy(other, fx_cohort(f, f->prog, "Kull F", 16, NULL, NULL), sizeof other);
		fx_session(f, other, "ul", "follow_up", "2027-01-11 09:00", "2027-01-11 16:00", NULL, NULL);
		assert_int_equal(lup_session_suggest(f->db, f->cfg, other, &s, &err), 0);
		assert_string_equal(s.kind, "course_day");
		lup_session_clear(&s);
	}
}

/* A person's attendance counts held sessions only; lup check finds the
 * marks that contradict the rules. */
static void test_summary_and_check(void **state)
{
	struct fx *f = *state;
	char x[LUP_ID_SIZE], y[LUP_ID_SIZE], s1[LUP_ID_SIZE], later[LUP_ID_SIZE], a[17], b[17];
	struct lup_person_summary sum;
	lup_err err;
	int problems;

	memcpy(x, fx_person(f, "Xenia"), sizeof x);
	memcpy(y, fx_person(f, "Yngve"), sizeof y);
	assert_int_equal(lup_enrol(f->db, f->cohort, x, "2015-01-15", NULL, &err), 0);
	assert_int_equal(lup_enrol(f->db, f->cohort, y, "2015-03-10", NULL, &err), 0);
	memcpy(s1, fx_session(f, f->cohort, "ul", "course_day", "2015-03-02 09:00", "2015-03-02 16:00",
	                      NULL, NULL), sizeof s1);
	day_time(60, "09:00", a);
	day_time(60, "16:00", b);
	memcpy(later, fx_session(f, f->cohort, "ul", "course_day", a, b, NULL, NULL), sizeof later);
	fx_mark(f, s1, x, "present");
	fx_sound(f);
	/* as an older lup let in: a mark on the session to come, and one for
	 * Yngve before his seat counts */
	{
		char sql[400];
		snprintf(sql, sizeof sql,
		         "INSERT INTO attendance (id, session_id, person_id, status) VALUES "
		         "('a1000000-0000-4000-8000-000000000001', '%s', '%s', 'present'), "
		         "('a1000000-0000-4000-8000-000000000002', '%s', '%s', 'absent')", later, x, s1, y);
		assert_int_equal(lup_exec(f->db, sql, &err), 0);
	}
	assert_int_equal(lup_person_summary(f->db, x, &sum, &err), 0);
	assert_int_equal(sum.sessions_attended, 1);     /* not 2: one is still to come */
	problems = lup_db_check(f->db, NULL, NULL, &err);
	assert_int_equal(problems, 2);
	{
		char *seen = NULL;
		lup_buf all = { 0 };
		(void)seen;
		lup_db_check(f->db, fx_collect, &all, &err);
		assert_non_null(strstr(all.s, "Xenia is marked present for 'Developmental leadership (UL): course day' on "));
		assert_non_null(strstr(all.s, "which has not taken place yet"));
		assert_non_null(strstr(all.s, "Yngve is marked for 'Developmental leadership (UL): course day' on 2015-03-02 "
		                              "but their seat counts from 2015-03-10"));
		lup_buf_clear(&all);
	}
	/* put right: the one cleared, the other's seat moved back */
	assert_int_equal(lup_attendance_set(f->db, later, x, NULL, &err), 0);
	assert_int_equal(lup_exec(f->db, "UPDATE enrolment SET enrolled_on = '2015-03-01' WHERE enrolled_on = '2015-03-10'",
	                          &err), 0);
	fx_sound(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_default_blocks, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_blocks_from_config, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_block_move_rename_delete, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_waitlist, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_cohort_same_day_by_name, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_one_cohort_per_programme, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_completion, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_register, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_session_sequence_and_validation, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_session_copy, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_cohort_paging, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_session_and_enrolment_lists, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_marks_from_the_day, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_enrolment_since, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_back_to_the_waitlist, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_session_suggest, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_summary_and_check, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
