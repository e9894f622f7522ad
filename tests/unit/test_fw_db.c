/* Unit tests for fw_db.c, fw_diff.c and fw_write.c: framework revisions
 * in the database.  A competence keeps its identity across revisions while
 * it means the same, and ratings follow it (never the bare code); a reused
 * code with another meaning is refused unless the file says renamed_from
 * or replaces; every problem in one run; a re-import of an old file says
 * which revision it equals; what a new revision changes; export and
 * import give the same content back; the migration of schema 4 (from 2, through 3). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"
#include "core/fw_int.h"

/* SJ revisions of the issue: 1 has SJ.2 Resilience, 2 drops it, 3 adds an
 * SJ.2 that means something else. */
static const char SJ1[] = SJ_HEAD
	"[competence SJ.2]\narea = SJ\nname = Resilience\n";
static const char SJ2[] =
	"[framework]\nid = sj\nname = Självledarskap\nversion = 2\nlevel_max = 5\n"
	"[level 3]\nname = Kompetent\n[area SJ]\nname = Självledarskap\n"
	"[competence SJ.1]\narea = SJ\nname = Feedback\n";
#define SJ3_BASE "[framework]\nid = sj\nname = Självledarskap\nversion = 3\nlevel_max = 5\n" \
	"[level 3]\nname = Kompetent\n[area SJ]\nname = Självledarskap\n" \
	"[competence SJ.1]\narea = SJ\nname = Feedback\n" \
	"[competence SJ.2]\narea = SJ\nname = Strategic communication\n"

static void import_sj12(char *r1, char *r2)
{
	char buf[1024];
	snprintf(buf, sizeof buf, SJ1, "1");
	cf_import(buf, r1);
	cf_import(SJ2, r2);
}

/* Problem 1, exactly as the issue has it. */
static void test_reused_code(void **state)
{
	char r1[37], r2[37], r3[37], cecilia[37], k[37];
	const char *msg;
	struct lup_gap_row g;
	(void)state;
	import_sj12(r1, r2);
	cf_person("Cecilia Ek", "enhetschef", "Skola", cecilia);
	cf_checkin(cecilia, r1, "2015-03-10", "self", "SJ.2=2", 1, k);

	/* Refused, with what it was and what it is. */
	msg = cf_refused(SJ3_BASE);
	assert_non_null(strstr(msg, "fw.ini:15: [competence SJ.2] name: SJ.2 was \"Resilience\" in revision 1 "
	                            "and is now \"Strategic communication\""));
	assert_non_null(strstr(msg, "renamed_from = SJ.2"));
	assert_non_null(strstr(msg, "replaces = SJ.2"));
	assert_int_equal(cf_count("SELECT count(*) FROM framework WHERE ident = 'sj'"), 2);

	/* Another competence: her old rating does not become its level. */
	cf_import(SJ3_BASE "replaces = SJ.2\n", r3);
	g = cf_gap(cecilia, r3, "SJ.2");
	assert_string_equal(g.name, "Strategic communication");
	assert_int_equal(g.self, LUP_LEVEL_NONE);
	assert_int_equal(g.level, LUP_LEVEL_NONE);
	/* nor the sheet's Before column, nor the heat map */
	{
		struct lup_rating_row rows[4];
		char draft[37];
		lup_err err;
		cf_checkin(cecilia, r3, "2015-09-01", "self", "SJ.1=3", 0, draft);
		assert_int_equal(lup_rating_page(db, draft, NULL, 1, 4, rows, &err), 2);
		assert_string_equal(rows[1].code, "SJ.2");
		assert_int_equal(rows[1].previous, LUP_LEVEL_NONE);
	}
	assert_int_equal(cf_count("SELECT count(DISTINCT identity) FROM competence c JOIN framework f "
	                          "ON f.id = c.framework_id WHERE f.ident = 'sj' AND c.code = 'SJ.2'"), 2);
	/* importing the same file again changes nothing */
	cf_import(SJ3_BASE "replaces = SJ.2\n", k);
	assert_string_equal(k, r3);
}

static void test_renamed_carries_ratings(void **state)
{
	char r1[37], r2[37], r3[37], r4[37], cecilia[37], k[37];
	struct lup_gap_row g;
	struct lup_heatmap h;
	struct lup_heat_query q = { NULL, LUP_HEAT_UNIT, NULL, LUP_GAP_BEST };
	lup_err err;
	(void)state;
	import_sj12(r1, r2);
	cf_person("Cecilia Ek", "enhetschef", "Skola", cecilia);
	cf_checkin(cecilia, r1, "2015-03-10", "self", "SJ.2=2", 1, k);
	/* The same competence under a new name: her level carries over and
	 * says it was given in revision 1. */
	cf_import(SJ3_BASE "renamed_from = SJ.2\n[targets Enhetschef]\nSJ.2 = 4\n", r3);
	g = cf_gap(cecilia, r3, "SJ.2");
	assert_int_equal(g.self, 2);
	assert_int_equal(g.self_rev, 1);
	assert_int_equal(g.target, 4);
	assert_int_equal(g.gap, 2);
	q.framework_id = r3;
	assert_int_equal(lup_heatmap_build(db, &q, &h, &err), 0);
	assert_int_equal(h.cells[0].pairs, 1);
	assert_int_equal(h.revision, 3);
	assert_int_equal(h.rev_min, 1);
	assert_int_equal(h.rev_max, 1);
	lup_heatmap_clear(&h);
	/* and under another code */
	cf_import("[framework]\nid = sj\nname = Självledarskap\nversion = 4\nlevel_max = 5\n"
	          "[area SJ]\nname = Självledarskap\n[competence SJ.1]\narea = SJ\nname = Feedback\n"
	          "[competence SJ.9]\narea = SJ\nname = Strategisk kommunikation\nrenamed_from = SJ.2\n", r4);
	g = cf_gap(cecilia, r4, "SJ.9");
	assert_int_equal(g.self, 2);
	/* a rename that leaves the old code in use is refused */
	assert_non_null(strstr(cf_refused("[framework]\nid = sj\nname = S\nversion = 5\nlevel_max = 5\n"
	                                  "[area SJ]\nname = S\n[competence SJ.1]\narea = SJ\nname = Feedback\n"
	                                  "[competence SJ.8]\narea = SJ\nname = Feedback 2\nrenamed_from = SJ.1\n"),
	                       "SJ.1 is still part of this framework"));
	/* an unknown one named */
	assert_non_null(strstr(cf_refused("[framework]\nid = sj\nname = S\nversion = 5\nlevel_max = 5\n"
	                                  "[area SJ]\nname = S\n[competence SJ.1]\narea = SJ\nname = Feedback\n"
	                                  "[competence SJ.7]\narea = SJ\nname = Ny\nrenamed_from = ZZ.1\n"),
	                       "[competence SJ.7] renamed_from: no competence ZZ.1 in an earlier revision of sj"));
}

/* Friction: three mistakes, one run; the letters of a code; encodings. */
static void test_every_problem_at_once(void **state)
{
	struct lup_fw_plan plan;
	lup_err err;
	(void)state;
	cf_write("three.ini",
	         "[framework]\nid = tre\nname = Tre\nversion = 1\nlevel_max = 4\n"   /* 1-5 */
	         "[area A]\nname = A\n"                                                 /* 6-7 */
	         "[competence A.1]\narea = A\nname = Ett\nlevels = 2-9\n"              /* 8-11 */
	         "[competence SJÄ.1]\narea = A\nname = Två\n"                           /* 12-14 */
	         "[competence A.3]\narea = B\nname = Tre\n"                            /* 15-17 */
	         "retired = kanske\n");                                                /* 18 */
	assert_int_equal(lup_framework_plan_file(db, cf_path("three.ini"), &plan, &err), 0);
	assert_int_equal(plan.problems.total, 4);
	assert_non_null(strstr(plan.problems.msg[0], "three.ini:12: [competence SJÄ.1]: expected [competence CODE]: "
	                                            "'Ä' may not be part of a code (1 to 32 of A-Z, a-z, 0-9"));
	assert_non_null(strstr(plan.problems.msg[1], "three.ini:18: [competence A.3] retired: 'kanske': expected yes or no"));
	assert_non_null(strstr(plan.problems.msg[2], "three.ini:11: [competence A.1] levels: 2-9 lies outside the scale 1-4"));
	assert_non_null(strstr(plan.problems.msg[3], "three.ini:16: [competence A.3] area: no [area B] in this framework"));
	lup_fw_plan_clear(&plan);
	assert_int_equal(cf_count("SELECT count(*) FROM framework"), 0);
	/* the simple API says the first and how many more */
	assert_int_equal(lup_framework_read(cf_path("three.ini"), &plan.fw, &err), -1);
	assert_non_null(strstr(err.msg, "three.ini:12:"));
	assert_non_null(strstr(err.msg, "(and 1 more problem)"));

	/* UTF-16 and Latin-1 are named */
	{
		static const char u16[] = "\xff\xfe[\0f\0r\0";
		static const char latin1[] = "[framework]\nid = sj\nname = Sj\xe4lvledarskap\nversion = 1\n";
		struct lup_framework *fw;
		assert_int_equal(lup_framework_parse(u16, sizeof u16 - 1, "u16.ini", &fw, &err), -1);
		assert_non_null(strstr(err.msg, "u16.ini: the file is UTF-16 (little-endian), not UTF-8"));
		assert_int_equal(lup_framework_parse("[\0f\0r\0a\0m\0e\0", 12, "u16b.ini", &fw, &err), -1);
		assert_non_null(strstr(err.msg, "UTF-16 (little-endian)"));
		assert_int_equal(lup_framework_parse(latin1, sizeof latin1 - 1, "l1.ini", &fw, &err), -1);
		assert_non_null(strstr(err.msg, "l1.ini:3: the file is Latin-1 (ISO 8859-1 or Windows-1252), not UTF-8: "
		                                "byte 0xE4 is 'ä' there"));
	}
}

/* Friction: a re-imported old file says which revision it equals; "In
 * use" counts the check-ins of each revision. */
static void test_same_as_and_in_use(void **state)
{
	char r1[37], r2[37], r3[37], p[37], k[37], buf[1024];
	struct lup_fw_plan plan;
	struct lup_framework_row *rows;
	size_t n;
	lup_err err;
	(void)state;
	import_sj12(r1, r2);
	snprintf(buf, sizeof buf, SJ1, "1");
	cf_write("old.ini", buf);
	assert_int_equal(lup_framework_plan_file(db, cf_path("old.ini"), &plan, &err), 0);
	assert_int_equal(plan.problems.total, 0);
	assert_int_equal(plan.unchanged, 0);
	assert_int_equal(plan.revision, 3);
	assert_int_equal(plan.same_as, 1);
	assert_int_equal(lup_framework_store(db, &plan, r3, &err), 0);
	lup_fw_plan_clear(&plan);
	/* SJ.2 comes back meaning what it did: the same identity */
	assert_int_equal(cf_count("SELECT count(DISTINCT identity) FROM competence WHERE code = 'SJ.2'"), 1);

	cf_person("Bo", NULL, NULL, p);
	cf_checkin(p, r1, "2015-01-01", "self", "SJ.1=1", 1, k);
	cf_checkin(p, r1, "2015-02-01", "self", "SJ.1=2", 1, k);
	cf_checkin(p, r3, "2015-03-01", "self", "SJ.1=2", 0, k);
	assert_int_equal(lup_framework_list(db, 1, &rows, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].revision, 3);
	assert_int_equal(rows[0].checkins, 1);
	assert_int_equal(rows[1].checkins, 0);
	assert_int_equal(rows[2].checkins, 2);
	free(rows);
}

/* What a new revision changes, and framework diff. */
static void test_changes(void **state)
{
	char r1[37], r2[37], p[37], buf[2048];
	struct lup_fw_plan plan;
	struct lup_framework *a, *b;
	struct lup_fw_diff d;
	char line[600];
	int renamed = 0, replaced = 0, retired = 0, added = 0, target = 0, gone = 0, nobody = 0, level = 0;
	lup_err err;
	(void)state;
	snprintf(buf, sizeof buf, SJ_HEAD "[competence SJ.2]\narea = SJ\nname = Resilience\n"
	         "[competence SJ.3]\narea = SJ\nname = Goals\n[competence SJ.4]\narea = SJ\nname = Old\n"
	         "[targets Enhetschef]\nSJ.1 = 3\nSJ.4 = 2\n", "1");
	cf_import(buf, r1);
	cf_person("Anna", "enhetschef", NULL, p);
	cf_write("new.ini", "[framework]\nid = sj\nname = Självledarskap\nversion = 2\nlevel_max = 5\n"
	         "[level 3]\nname = Kunnig\n[area SJ]\nname = Självledarskap\n"
	         "[competence SJ.1]\narea = SJ\nname = Feedback\n"
	         "[competence SJ.5]\narea = SJ\nname = Resilience at work\nrenamed_from = SJ.2\n"
	         "[competence SJ.3]\narea = SJ\nname = Strategy\nreplaces = SJ.3\n"
	         "[competence SJ.4]\narea = SJ\nname = Old\nretired = yes\n"
	         "[competence SJ.6]\narea = SJ\nname = New one\n"
	         "[targets enhetschef]\nSJ.1 = 4\n[targets enhetchef]\nSJ.6 = 3\n");
	assert_int_equal(lup_framework_plan_file(db, cf_path("new.ini"), &plan, &err), 0);
	assert_int_equal(plan.problems.total, 0);
	for (size_t i = 0; i < plan.diff.n; i++) {
		const struct lup_fw_change *c = &plan.diff.c[i];
		lup_fw_change_text(c, line, sizeof line);
		switch (c->kind) {
		case LUP_FW_RENAMED:
			renamed += strcmp(c->old_code, "SJ.2") == 0 && strcmp(c->code, "SJ.5") == 0;
			break;
		case LUP_FW_REPLACED:
			replaced += strcmp(c->code, "SJ.3") == 0 && strstr(line, "ratings do not carry over") != NULL;
			break;
		case LUP_FW_RETIRED: retired += strcmp(c->code, "SJ.4") == 0; break;
		case LUP_FW_ADDED: added += strcmp(c->code, "SJ.6") == 0; break;
		case LUP_FW_TARGET:
			target += strcmp(c->code, "SJ.1") == 0 && strcmp(c->before, "3") == 0 && strcmp(c->after, "4") == 0;
			break;
		case LUP_FW_TARGET_GONE: gone += strcmp(c->code, "SJ.4") == 0; break;
		case LUP_FW_ROLE_NOBODY: nobody += strcmp(c->role, "enhetchef") == 0; break;
		case LUP_FW_LEVEL: level += strcmp(c->code, "3") == 0 && strcmp(c->after, "Kunnig") == 0; break;
		default: break;
		}
	}
	assert_int_equal(renamed, 1);
	assert_int_equal(replaced, 1);
	assert_int_equal(retired, 1);
	assert_int_equal(added, 1);
	assert_int_equal(target, 1);
	assert_int_equal(gone, 1);
	assert_int_equal(nobody, 1);
	assert_int_equal(level, 1);
	assert_int_equal(lup_framework_store(db, &plan, r2, &err), 0);
	lup_fw_plan_clear(&plan);

	/* the same from the stored revisions */
	assert_int_equal(lup_framework_load(db, r1, &a, &err), 0);
	assert_int_equal(lup_framework_load(db, r2, &b, &err), 0);
	assert_int_equal(lup_framework_diff(a, b, &d, &err), 0);
	renamed = gone = 0;
	for (size_t i = 0; i < d.n; i++) {
		renamed += d.c[i].kind == LUP_FW_RENAMED;
		gone += d.c[i].kind == LUP_FW_TARGET_GONE;
	}
	assert_int_equal(renamed, 1);
	assert_int_equal(gone, 1);
	lup_fw_diff_clear(&d);
	lup_framework_free(a);
	lup_framework_free(b);
}

/* A revision written out imports again to the same content, and the
 * second export is the same bytes; the Moodle CSV. */
static void test_export(void **state)
{
	char id[37], again[37], buf[2048];
	struct lup_framework *fw;
	char *one = NULL, *two = NULL;
	size_t n1 = 0, n2 = 0;
	FILE *fp;
	int unchanged;
	lup_err err;
	(void)state;
	snprintf(buf, sizeof buf, SJ_HEAD "description = \"  spaced  \"\n"
	         "[competence SJ.2]\narea = SJ\nname = \"\"Quoted\" start\"\nlevels = 2-4\n"
	         "[targets Äldreomsorgschef]\nSJ.2 = 3\n[targets enhetschef]\nSJ.1 = 2\n", "1");
	cf_import(buf, id);
	assert_int_equal(lup_framework_load(db, id, &fw, &err), 0);
	fp = open_memstream(&one, &n1);
	assert_int_equal(lup_framework_write_ini(fw, fp, &err), 0);
	fclose(fp);
	lup_framework_free(fw);
	cf_write("export.ini", one);
	assert_int_equal(lup_framework_import_file(db, cf_path("export.ini"), again, &unchanged, &err), 0);
	assert_int_equal(unchanged, 1);
	assert_string_equal(again, id);
	/* with a target set in lup: a new revision, the same bytes again */
	assert_int_equal(lup_target_set(db, "sj", "SJ.1", "enhetschef", NULL, 4, &err), 0);
	assert_int_equal(lup_framework_load(db, id, &fw, &err), 0);
	free(one);
	fp = open_memstream(&one, &n1);
	assert_int_equal(lup_framework_write_ini(fw, fp, &err), 0);
	fclose(fp);
	lup_framework_free(fw);
	cf_write("export.ini", one);
	assert_int_equal(lup_framework_import_file(db, cf_path("export.ini"), again, &unchanged, &err), 0);
	assert_int_equal(lup_framework_load(db, again, &fw, &err), 0);
	fp = open_memstream(&two, &n2);
	assert_int_equal(lup_framework_write_ini(fw, fp, &err), 0);
	fclose(fp);
	assert_int_equal(n1, n2);
	assert_memory_equal(one, two, n1);
	free(two);
	two = NULL;
	fp = open_memstream(&two, &n2);
	assert_int_equal(lup_framework_write_moodle(fw, fp, &err), 0);
	fclose(fp);
	assert_non_null(strstr(two, "Parent ID number,ID number,Short name,Description,Description format,"
	                            "Scale values,Scale configuration,"));
	assert_non_null(strstr(two, ",sj,Självledarskap,,2,\"1,2,Kompetent,4,5\",\"[{\"\"scaleid\"\":\"\"0\"\"}"));
	assert_non_null(strstr(two, "\r\nSJ,SJ.2,\"\"\"Quoted\"\" start\",,2,\"2,Kompetent,4\","));
	assert_non_null(strstr(two, ",1,\"domain,competency\"\r\n"));
	lup_framework_free(fw);
	free(one);
	free(two);
}

/* Schema 4, the competence migration: a database of schema 2 with a reused code and targets of a
 * retired competence and a role written in two ways. */
static void test_migration(void **state)
{
	char path[512];
	sqlite3 *h;
	lup_db *old;
	lup_err err;
	(void)state;
	snprintf(path, sizeof path, "%s/v2.db", cf_dir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	for (const struct lup_migration *m = lup_migrations; m->steps && m->version <= 2; m++)
		for (const char *const *s = m->steps; *s; s++)
			if (sqlite3_exec(h, *s, NULL, NULL, NULL) != SQLITE_OK)
				fail_msg("v%d: %s", m->version, sqlite3_errmsg(h));
	{
		char sql[160];
		snprintf(sql, sizeof sql, "PRAGMA user_version = 2; PRAGMA application_id = %d", LUP_APPLICATION_ID);
		assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	assert_int_equal(sqlite3_exec(h,
		"INSERT INTO framework (id, ident, name, version, revision, content_hash, level_max, imported_at) VALUES "
		"('f1000000-0000-4000-8000-000000000001', 'sj', 'SJ', '1', 1, 'h1', 5, '2015-01-01T00:00:00Z'),"
		"('f1000000-0000-4000-8000-000000000002', 'sj', 'SJ', '2', 2, 'h2', 5, '2015-06-01T00:00:00Z'),"
		"('f1000000-0000-4000-8000-000000000003', 'sj', 'SJ', '3', 3, 'h3', 5, '2016-01-01T00:00:00Z');"
		"INSERT INTO area (id, framework_id, code, seq, name) SELECT 'a' || substr(id, 2), id, 'SJ', 1, 'SJ' FROM framework;"
		"INSERT INTO competence (id, framework_id, area_id, code, seq, name, level_min, level_max, retired) VALUES "
		"('c1000000-0000-4000-8000-000000000011', 'f1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 'SJ.1', 1, 'Feedback', 1, 5, 0),"
		"('c1000000-0000-4000-8000-000000000012', 'f1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 'SJ.2', 2, 'Resilience', 1, 5, 0),"
		"('c1000000-0000-4000-8000-000000000021', 'f1000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000002', 'SJ.1', 1, 'FEEDBACK', 1, 5, 0),"
		"('c1000000-0000-4000-8000-000000000031', 'f1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000003', 'SJ.1', 1, 'Feedback', 1, 5, 0),"
		"('c1000000-0000-4000-8000-000000000032', 'f1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000003', 'SJ.2', 2, 'Strategic communication', 1, 5, 0),"
		"('c1000000-0000-4000-8000-000000000033', 'f1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000003', 'VER.2', 3, 'Plan', 1, 5, 1);"
		"INSERT INTO target (id, framework_ident, competence_code, role, person_id, level, source) VALUES "
		"('t1000000-0000-4000-8000-000000000001', 'sj', 'SJ.1', 'Äldreomsorgschef', NULL, 4, 'file'),"
		"('t1000000-0000-4000-8000-000000000002', 'sj', 'sj.1', 'äldreomsorgschef', NULL, 2, 'user'),"
		"('t1000000-0000-4000-8000-000000000003', 'sj', 'VER.2', 'Äldreomsorgschef', NULL, 4, 'user');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	if (lup_db_open(path, 0, &old, &err) < 0)
		fail_msg("open: %s", err.msg);
	assert_int_equal(lup_db_user_version(old), lup_db_schema_version());
	lup_db_close(old);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
#define Q(sql, want) do { sqlite3_stmt *st; assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK); \
	assert_int_equal(sqlite3_step(st), SQLITE_ROW); assert_int_equal(sqlite3_column_int64(st, 0), want); \
	sqlite3_finalize(st); } while (0)
	/* SJ.1 one identity in every revision (its name differs only in case);
	 * SJ.2 two: Resilience, then Strategic communication */
	Q("SELECT count(DISTINCT identity) FROM competence WHERE code = 'SJ.1'", 1);
	Q("SELECT count(DISTINCT identity) FROM competence WHERE code = 'SJ.2'", 2);
	Q("SELECT count(*) FROM competence WHERE identity = id", 4);
	/* targets: the two spellings one role (the user's kept), in each revision
	 * that has SJ.1, from its import to the next; none for retired VER.2 */
	Q("SELECT count(*) FROM target", 3);
	sqlite3_close(h);
	if (lup_db_open(path, 0, &old, &err) < 0)
		fail_msg("open: %s", err.msg);
	{
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(old->h,
			"SELECT count(*) FROM target WHERE role_key = lup_sortkey('ÄLDREOMSORGSCHEF') AND level = 2 "
			"AND source = 'user'", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 3);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_prepare_v2(old->h,
			"SELECT count(*) FROM target WHERE valid_to IS NULL", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 1);
		sqlite3_finalize(st);
	}
	assert_int_equal(lup_db_check(old, NULL, NULL, &err), 0);
	lup_db_close(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reused_code, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_renamed_carries_ratings, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_every_problem_at_once, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_same_as_and_in_use, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_changes, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_export, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_migration, cf_setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
