/* competence.c — figures for the competence core at N people: framework
 * import and parsing, the Due list, gaps, rating keystrokes, heat maps.
 * Built and run by tests/bench/competence.sh; prints, asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "core/internal.h"
#include "lup/competence.h"
#include "lup/profile.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU time of this process: the figure that does not depend on how busy
 * the machine is. */
static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static lup_err err;
#define CK(x) do { if ((x) < 0) { fprintf(stderr, "bench competence: %s: %s\n", #x, err.msg); exit(1); } } while (0)

/* N people in 250 units and four roles (their sort keys as people.c
 * writes them: roles are matched by them); 60% assessed with 1–3 final
 * check-ins of 22 ratings each (the example profile); one cohort of 24. */
static void generate(lup_db *db, long n, const char *kc)
{
	static const char people[] =
		"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?1) "
		"INSERT INTO person (id, name, org_unit, role, search, sort_name, sort_unit, sort_role) "
		"SELECT id, name, unit, role, search, search, lup_sortkey(unit), lup_sortkey(role) FROM ("
		"SELECT printf('%08x-0000-4000-8000-%012x', i, i) AS id, printf('Person %06d', (i * 7919) % ?1) AS name, "
		"printf('Enhet %03d', i % 250) AS unit, "
		"CASE i % 4 WHEN 0 THEN 'enhetschef' WHEN 1 THEN 'avdelningschef' "
		"WHEN 2 THEN 'verksamhetschef' ELSE 'samordnare' END AS role, "
		"printf('person %06d', (i * 7919) % ?1) AS search FROM s)";
	static const char checkins[] =
		"INSERT INTO checkin (id, person_id, framework_id, date, kind, status) "
		"SELECT printf('%08x-%04x-4000-8000-c00000000000', p.rowid, j.j), p.id, ?1, "
		"printf('20%02d-%02d-%02d', 13 + j.j, 1 + (p.rowid * 7 + j.j) % 12, 1 + (p.rowid * 13 + j.j) % 28), "
		"CASE j.j % 2 WHEN 0 THEN 'self' ELSE 'manager' END, 'final' "
		"FROM person p JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2) j "
		"ON p.rowid % 10 < 6 AND j.j <= p.rowid % 3";
	static const char ratings[] =
		"INSERT INTO rating (id, checkin_id, competence_id, level) "
		"SELECT substr(k.id, 1, 24) || printf('%012x', c.seq), k.id, c.id, "
		"c.level_min + (k.rowid * 31 + c.seq * 17) % (c.level_max - c.level_min + 1) "
		"FROM checkin k JOIN competence c ON c.framework_id = k.framework_id AND c.retired = 0";
	static const char cohort[] =
		"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-0000000b0001', 'Bench');"
		"INSERT INTO cohort (id, programme_id, name) VALUES ('00000000-0000-4000-8000-0000000c0001', "
		"'00000000-0000-4000-8000-0000000b0001', 'Pilot');"
		"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, requested_at) "
		"SELECT substr(id, 1, 24) || 'e00000000000', '00000000-0000-4000-8000-0000000c0001', id, "
		"'00000000-0000-4000-8000-0000000b0001', '2015-01-01' FROM person ORDER BY rowid LIMIT 24";
	sqlite3_stmt *st;
	double t = now();

	CK(lup_db_begin(db, &err));
	if (sqlite3_prepare_v2(db->h, people, -1, &st, NULL) != SQLITE_OK)
		CK(lup_sqlerr(db, &err, "people"));
	sqlite3_bind_int64(st, 1, n);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db->h, checkins, -1, &st, NULL) != SQLITE_OK)
		CK(lup_sqlerr(db, &err, "check-ins"));
	sqlite3_bind_text(st, 1, kc, -1, SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_finalize(st);
	CK(lup_exec(db, ratings, &err));
	CK(lup_exec(db, cohort, &err));
	CK(lup_db_commit(db, &err));
	CK(lup_exec(db, "ANALYZE", &err));
	printf("  generated %ld people in %.1f s\n", n, now() - t);
}

static long count(lup_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long c = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		c = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return c;
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 300;
	const char *path = argc > 1 ? argv[1] : "bench.db";
	char kc[LUP_UUID_LEN + 1], id[LUP_UUID_LEN + 1], pid[LUP_UUID_LEN + 1], p[4200];
	struct lup_framework *fw;
	lup_config *cfg;
	lup_db *db;
	int un, k;
	double t, c0;

	for (const char *sfx = ""; sfx; sfx = !*sfx ? "-wal" : strcmp(sfx, "-wal") == 0 ? "-shm" : NULL) {
		snprintf(p, sizeof p, "%s%s", path, sfx);
		unlink(p);
	}
	CK(lup_db_open(path, LUP_DB_CREATE, &db, &err));
	t = now();
	CK(lup_framework_import_file(db, "share/lup/frameworks/digcomp-2.2.ini", id, &un, &err));
	printf("  import digcomp-2.2.ini: %.1f ms\n", (now() - t) * 1e3);
	t = now();
	CK(lup_framework_import_file(db, "share/lup/frameworks/kommun-chefer.ini", kc, &un, &err));
	printf("  import kommun-chefer.ini (extends digcomp, 66 targets): %.1f ms\n", (now() - t) * 1e3);
	t = now();
	CK(lup_framework_import_file(db, "share/lup/frameworks/kommun-chefer.ini", id, &un, &err));
	printf("  the same again, unchanged: %.2f ms\n", (now() - t) * 1e3);
	{
		/* The parser at its limits: 10,000 competences and 10,000 targets. */
		lup_buf b = { 0 };
		lup_buf_puts(&b, "[framework]\nid = big\nname = Big\nversion = 1\nlevel_max = 8\n[area a]\nname = A\n");
		for (int i = 0; i < LUP_FW_MAX_COMPETENCES; i++)
			lup_buf_printf(&b, "[competence c%d]\narea = a\nname = Competence %d\nlevels = 2-6\n", i, i);
		lup_buf_puts(&b, "[targets chef]\n");
		for (int i = 0; i < LUP_FW_MAX_COMPETENCES; i++)
			lup_buf_printf(&b, "c%d = 4\n", i);
		t = now();
		CK(lup_framework_parse(b.s, b.len, "big.ini", &fw, &err));
		CK(lup_framework_resolve(fw, NULL, &err));
		printf("  parse 10,000 competences and targets (%zu KiB): %.1f ms\n", b.len / 1024, (now() - t) * 1e3);
		lup_framework_free(fw);
		lup_buf_clear(&b);
	}

	generate(db, n, kc);
	printf("  data: %ld people, %ld check-ins, %ld ratings\n", count(db, "SELECT count(*) FROM person"),
	       count(db, "SELECT count(*) FROM checkin"), count(db, "SELECT count(*) FROM rating"));

	snprintf(p, sizeof p, "%s.ini", path);
	{
		FILE *f = fopen(p, "w");
		if (!f)
			return 1;
		fputs("[interval]\nverksamhetschef = 365\n", f);
		fclose(f);
	}
	CK(lup_config_load(p, &cfg, NULL, NULL, &err));
	unlink(p);
	{
		struct lup_due_query q = { { 2015, 6, 1 }, NULL, NULL, 0 };
		struct lup_due_row rows[40];
		long c[4];
		t = now();
		c0 = cpu();
		CK(k = lup_due_page(db, cfg, &q, NULL, 1, 40, rows, &err));
		printf("  Due list, first page: %.1f ms (CPU %.1f ms)\n", (now() - t) * 1e3,
		       (cpu() - c0) * 1e3);
		t = now();
		for (int i = 0; i < 100 && k > 0; i++)
			CK(k = lup_due_page(db, cfg, &q, &rows[k - 1], 1, 40, rows, &err));
		printf("  Due list, next page: %.3f ms\n", (now() - t) * 1e3 / 100);
		t = now();
		CK(k = lup_due_page(db, cfg, &q, NULL, -1, 40, rows, &err));
		printf("  Due list, last page: %.3f ms\n", (now() - t) * 1e3);
		t = now();
		CK(lup_due_count(db, cfg, &q, c, &err));
		printf("  Due list counted: %ld overdue, %ld due soon, %ld never assessed, %ld up to date: %.1f ms\n",
		       c[0], c[1], c[2], c[3], (now() - t) * 1e3);
		q.filter = "person 0123";
		t = now();
		CK(k = lup_due_page(db, cfg, &q, NULL, 1, 40, rows, &err));
		printf("  Due list filtered as you type (its index read until a page is found): %.1f ms, %d rows\n",
		       (now() - t) * 1e3, k);
	}
	{
		struct lup_due_info info;
		struct lup_gap_row gap[30];
		struct lup_rating_row rr[30];
		struct lup_checkin c;
		lup_date today = { 2015, 6, 1 };
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db->h, "SELECT person_id FROM checkin ORDER BY rowid DESC LIMIT 1", -1, &st, NULL)
		    != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
			return 1;
		snprintf(pid, sizeof pid, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		t = now();
		for (int i = 0; i < 100; i++)
			CK(lup_due_person(db, cfg, pid, today, &info, &err));
		printf("  next due date of one person: %.3f ms\n", (now() - t) * 10);
		t = now();
		for (int i = 0; i < 20; i++)
			CK(k = lup_gap_page(db, pid, kc, NULL, 1, 30, gap, &err));
		printf("  gaps of one person (%d competences): %.2f ms\n", k, (now() - t) * 1e3 / 20);
		memset(&c, 0, sizeof c);
		snprintf(c.person_id, sizeof c.person_id, "%s", pid);
		snprintf(c.framework_id, sizeof c.framework_id, "%s", kc);
		snprintf(c.kind, sizeof c.kind, "self");
		CK(lup_checkin_save(db, &c, &err));
		t = now();
		CK(k = lup_rating_page(db, c.id, NULL, 1, 30, rr, &err));
		printf("  rating sheet (%d rows): %.2f ms\n", k, (now() - t) * 1e3);
		t = now();
		for (int rep = 0; rep < 5; rep++)
			for (int i = 0; i < k; i++)
				CK(lup_rating_set(db, c.id, rr[i].competence_id, rr[i].level_min + rep % 2, &err));
		printf("  one rating keystroke (a transaction, synchronous=FULL): %.2f ms\n",
		       (now() - t) * 1e3 / (5 * k));
		CK(lup_checkin_finalize(db, c.id, &err));
		lup_checkin_clear(&c);
	}
	{
		struct lup_heatmap h;
		struct lup_heat_query q = { kc, LUP_HEAT_COHORT, "00000000-0000-4000-8000-0000000c0001", LUP_GAP_BEST };
		t = now();
		CK(lup_heatmap_build(db, &q, &h, &err));
		printf("  heat map of one cohort (%ld people × %zu areas): %.1f ms\n", h.nrows ? h.row_people[0] : 0,
		       h.ncols, (now() - t) * 1e3);
		lup_heatmap_clear(&h);
		q.by = LUP_HEAT_UNIT;
		q.cohort_id = NULL;
		t = now();
		c0 = cpu();
		CK(lup_heatmap_build(db, &q, &h, &err));
		printf("  heat map of everyone by unit (%zu units × %zu areas), complete: %.0f ms (CPU %.0f ms)\n",
		       h.nrows, h.ncols, (now() - t) * 1e3, (cpu() - c0) * 1e3);
		lup_heatmap_clear(&h);
		{
			/* as a screen takes it: 8 ms slices */
			lup_heat_build *b;
			double slow = 0, progress;
			int rc, slices = 0;
			t = now();
			CK(lup_heatmap_begin(db, &q, &h, &b, &err));
			printf("  heat map begun (its columns; what a screen's first frame waits for): %.2f ms\n",
			       (now() - t) * 1e3);
			do {
				double s0 = now();
				CK(rc = lup_heatmap_step(b, 8, &progress, &err));
				if (now() - s0 > slow)
					slow = now() - s0;
				slices++;
			} while (rc == 0);
			lup_heatmap_end(b);
			lup_heatmap_clear(&h);
			printf("  the same in %d slices of about 8 ms: the longest %.1f ms\n", slices, slow * 1e3);
		}
	}
	{
		/* A new revision once people have been assessed: the preview
		 * (identities against the last revision, the targets' changes,
		 * the roles no one has), then storing it with the targets carried
		 * over. */
		struct lup_fw_plan plan;
		FILE *in = fopen("share/lup/frameworks/kommun-chefer.ini", "r"), *f;
		int ch;
		snprintf(p, sizeof p, "%s.kc.ini", path);
		if (!in || !(f = fopen(p, "w")))
			return 1;
		while ((ch = fgetc(in)) != EOF)
			fputc(ch, f);
		fputs("\n[competence L.9]\narea = L\nname = Bench\n[targets samordnare]\nL.9 = 4\nL.1 = 4\n", f);
		fclose(in);
		fclose(f);
		t = now();
		CK(lup_framework_plan_file(db, p, &plan, &err));
		printf("  preview of a new revision (%zu changes, %zu problems): %.1f ms\n", plan.diff.n,
		       plan.problems.n, (now() - t) * 1e3);
		t = now();
		CK(lup_framework_store(db, &plan, id, &err));
		printf("  storing it, the targets carried over: %.1f ms\n", (now() - t) * 1e3);
		lup_fw_plan_clear(&plan);
		unlink(p);
	}
	{
		struct lup_profile prof;
		FILE *f = fopen("/dev/null", "w");
		t = now();
		CK(lup_profile_build(db, cfg, pid, &prof, &err));
		CK(lup_profile_write_html(&prof, f, &err));
		printf("  a person's competence profile, built and written: %.2f ms\n", (now() - t) * 1e3);
		lup_profile_clear(&prof);
		fclose(f);
	}
	{
		struct lup_round r = { .kind = "self", .scope = LUP_ROUND_UNIT, .value = "Enhet 007" };
		struct lup_round_result res;
		lup_date today = { 2015, 6, 1 };
		long done, people, rows;
		t = now();
		CK(lup_round_start(db, cfg, &r, today, &res, &err));
		printf("  a round for a unit (%ld drafts): %.1f ms\n", res.made, (now() - t) * 1e3);
		memset(&r, 0, sizeof r);
		snprintf(r.kind, sizeof r.kind, "manager");
		r.scope = LUP_ROUND_ROLE;
		snprintf(r.value, sizeof r.value, "Enhetschef");
		r.only_due = 1;
		t = now();
		c0 = cpu();
		CK(lup_round_start(db, cfg, &r, today, &res, &err));
		printf("  a round for a role, those due (%ld drafts): %.0f ms (CPU %.0f ms)\n", res.made,
		       (now() - t) * 1e3, (cpu() - c0) * 1e3);
		t = now();
		CK(lup_round_progress(db, r.id, &done, &people, &err));
		printf("  its progress (%ld of %ld done): %.2f ms\n", done, people, (now() - t) * 1e3);
		t = now();
		CK(lup_round_invites(db, r.id, 0, "/dev/null", &rows, NULL, &err));
		printf("  its invite list (%ld rows): %.1f ms\n", rows, (now() - t) * 1e3);
	}
	lup_config_free(cfg);
	lup_db_close(db);
	return 0;
}
