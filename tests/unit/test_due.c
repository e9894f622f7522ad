/* Unit tests for due.c: due dates by role, the Due list read from its
 * indexes (every state, filters, paging both ways, places and counts),
 * and what it keeps following every change that can move someone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"

static char kc[LUP_UUID_LEN + 1];   /* kommun-chefer revision 1 */
static int setup(void **state)
{
	return cf_setup_frameworks(state, NULL, kc);
}

static void test_due(void **state)
{
	char anna[37], bo[37], cia[37], dan[37], eva[37], fia[37], gus[37], hedda[37], ivar[37];
	char k[37], fix[37], day[11];
	struct lup_due_row rows[10], page[3];
	struct lup_due_query q = { CF_TODAY, NULL, NULL, 0 };
	struct lup_due_info info;
	long counts[4];
	lup_config *cfg = cf_config("[competence]\ninterval_days = 180\ndue_soon_days = 30\n"
	                         "[interval]\nVerksamhetschef = 365\nkock = lots\n");
	lup_err err;
	int n;
	(void)state;

	assert_int_equal(lup_competence_interval(cfg, "enhetschef"), 180);
	assert_int_equal(lup_competence_interval(cfg, "VERKSAMHETSCHEF"), 365);
	assert_int_equal(lup_competence_interval(cfg, "kock"), 180);   /* a bad value: the default */
	assert_int_equal(lup_competence_interval(NULL, "verksamhetschef"), 180);

	cf_person("Anna", "enhetschef", "Skola", anna);
	cf_person("Bo", "enhetschef", "Skola", bo);
	cf_person("Cia", "enhetschef", "Vård", cia);
	cf_person("Dan", "verksamhetschef", "Vård", dan);
	cf_person("Eva", "enhetschef", "Vård", eva);
	cf_person("Fia", "enhetschef", "Vård", fia);
	cf_person("Gus", "enhetschef", "Vård", gus);
	cf_person("Hedda", "enhetschef", "Vård", hedda);
	cf_person("Ivar", "enhetschef", "Vård", ivar);
	assert_int_equal(lup_exec(db, "UPDATE person SET active = 0 WHERE name = 'Fia'", &err), 0);

	cf_days_before(212, day); cf_checkin(anna, kc, day, "self", "1.1=3", 1, k);     /* due 32 days ago */
	cf_days_before(300, day); cf_checkin(anna, kc, day, "manager", "1.1=3", 1, k);  /* older: does not count */
	cf_days_before(163, day); cf_checkin(bo, kc, day, "manager", "1.1=3", 1, k);    /* due in 17 days */
	cf_days_before(31, day); cf_checkin(cia, kc, day, "self", "1.1=3", 1, k);       /* not due */
	cf_days_before(212, day); cf_checkin(dan, kc, day, "self", "1.1=3", 1, k);      /* 365 days: not due */
	cf_days_before(5, day); cf_checkin(gus, kc, day, "self", "1.1=3", 0, k);        /* a draft only */
	cf_days_before(400, day); cf_checkin(hedda, kc, day, "self", "1.1=3", 1, k);    /* corrected later: */
	cf_days_before(20, day);
	assert_int_equal(lup_checkin_supersede(db, k, day, fix, &err), 0);
	assert_int_equal(lup_checkin_finalize(db, fix, &err), 0);
	cf_days_before(180, day); cf_checkin(ivar, kc, day, "validation", "1.1=3", 1, k); /* due today */

	/* One person. */
	assert_int_equal(lup_due_person(db, cfg, anna, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OVERDUE);
	assert_int_equal(info.days, -32);
	assert_int_equal(info.interval, 180);
	assert_string_equal(info.last_kind, "self");
	cf_days_before(32, day);
	assert_string_equal(info.due, day);
	assert_int_equal(lup_due_person(db, cfg, bo, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_SOON);
	assert_int_equal(info.days, 17);
	assert_int_equal(lup_due_person(db, cfg, dan, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OK);
	assert_int_equal(info.interval, 365);
	assert_int_equal(lup_due_person(db, NULL, dan, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OVERDUE);    /* without [interval] */
	assert_int_equal(lup_due_person(db, cfg, gus, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_NEVER);
	assert_string_equal(info.due, "");
	assert_int_equal(lup_due_person(db, cfg, hedda, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OK);
	assert_int_equal(info.days, 160);
	assert_int_equal(lup_due_person(db, cfg, ivar, CF_TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_SOON);
	assert_int_equal(info.days, 0);

	/* The list: overdue, then due soon, then never assessed; not Fia. */
	n = lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err);
	assert_int_equal(n, 5);
	assert_string_equal(rows[0].name, "Anna");
	assert_int_equal(rows[0].state, LUP_DUE_OVERDUE);
	assert_int_equal(rows[0].days, -32);
	assert_string_equal(rows[1].name, "Ivar");
	assert_string_equal(rows[2].name, "Bo");
	assert_int_equal(rows[2].days, 17);
	assert_string_equal(rows[3].name, "Eva");
	assert_int_equal(rows[3].state, LUP_DUE_NEVER);
	assert_string_equal(rows[4].name, "Gus");
	assert_int_equal(lup_due_count(db, cfg, &q, counts, &err), 0);
	assert_int_equal(counts[LUP_DUE_OVERDUE], 1);
	assert_int_equal(counts[LUP_DUE_SOON], 2);
	assert_int_equal(counts[LUP_DUE_NEVER], 2);
	assert_int_equal(counts[LUP_DUE_OK], 3);

	/* Paging both ways. */
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 2, page, &err), 2);
	assert_string_equal(page[1].name, "Ivar");
	assert_int_equal(lup_due_page(db, cfg, &q, &page[1], 1, 2, page, &err), 2);
	assert_string_equal(page[0].name, "Bo");
	assert_string_equal(page[1].name, "Eva");
	assert_int_equal(lup_due_page(db, cfg, &q, &page[1], 1, 3, page, &err), 1);
	assert_string_equal(page[0].name, "Gus");
	assert_int_equal(lup_due_page(db, cfg, &q, &page[0], 1, 3, page, &err), 0);
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, -1, 2, page, &err), 2);
	assert_string_equal(page[0].name, "Eva");
	assert_string_equal(page[1].name, "Gus");
	assert_int_equal(lup_due_page(db, cfg, &q, &page[0], -1, 3, page, &err), 3);
	assert_string_equal(page[0].name, "Anna");
	assert_string_equal(page[2].name, "Bo");

	/* Places in the list. */
	for (int i = 0; i < 5; i++)
		assert_int_equal(lup_due_position(db, cfg, &q, &rows[i], &err), i);
	q.filter = "iva";
	assert_int_equal(lup_due_position(db, cfg, &q, &rows[1], &err), 0);   /* Ivar alone */
	assert_int_equal(lup_due_position(db, cfg, &q, &rows[4], &err), 1);   /* Gus: after Ivar */
	q.filter = NULL;

	/* Only some states, a filter, a cohort. */
	q.states = 1u << LUP_DUE_OK;
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 3);
	assert_string_equal(rows[0].name, "Cia");     /* due first: in 149 days */
	assert_string_equal(rows[2].name, "Hedda");   /* in 160 */
	q.states = 0;
	q.filter = "IVA";
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 1);
	assert_string_equal(rows[0].name, "Ivar");
	q.filter = NULL;
	assert_int_equal(lup_exec(db,
		"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-00000000p001', 'P');"
		"INSERT INTO cohort (id, programme_id, name) VALUES "
		"('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000p001', 'Pilot');", &err), 0);
	{
		sqlite3_stmt *st;
		const char *who[] = { anna, eva, bo };
		for (int i = 0; i < 3; i++) {
			assert_int_equal(sqlite3_prepare_v2(db->h,
				"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at) "
				"VALUES (?1, '00000000-0000-4000-8000-00000000c001', ?2, "
				"'00000000-0000-4000-8000-00000000p001', ?3, '2015-01-01')", -1, &st, NULL), SQLITE_OK);
			sqlite3_bind_text(st, 1, i == 0 ? "00000000-0000-4000-8000-0000000000e1"
			                       : i == 1 ? "00000000-0000-4000-8000-0000000000e2"
			                                : "00000000-0000-4000-8000-0000000000e3", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, who[i], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, i < 2 ? "enrolled" : "withdrawn", -1, SQLITE_STATIC);
			assert_int_equal(sqlite3_step(st), SQLITE_DONE);
			sqlite3_finalize(st);
		}
	}
	q.cohort_id = "00000000-0000-4000-8000-00000000c001";
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 2);
	assert_string_equal(rows[0].name, "Anna");
	assert_string_equal(rows[1].name, "Eva");

	/* A new final check-in takes Anna off the list. */
	q.cohort_id = NULL;
	cf_checkin(anna, kc, "2015-05-30", "self", "1.1=4", 1, k);
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 4);
	assert_string_equal(rows[0].name, "Ivar");

	/* So does one made by another program on the same database. */
	{
		lup_db *other;
		char path[512], cid[37];
		snprintf(path, sizeof path, "%s/t.db", cf_dir);
		assert_int_equal(lup_db_open(path, 0, &other, &err), 0);
		{
			lup_db *mine = db;
			db = other;
			cf_days_before(1, day);
			cf_comp(kc, "1.1", cid);
			cf_checkin(ivar, kc, day, "self", "1.1=5", 1, k);
			db = mine;
		}
		lup_db_close(other);
	}
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 3);
	assert_string_equal(rows[0].name, "Bo");

	/* Another [interval] gives another list. */
	{
		lup_config *longer = cf_config("[competence]\ninterval_days = 400\n");
		assert_int_equal(lup_due_count(db, longer, &q, counts, &err), 0);
		assert_int_equal(counts[LUP_DUE_SOON], 0);
		assert_int_equal(lup_due_page(db, longer, &q, NULL, 1, 10, rows, &err), 2);
		assert_string_equal(rows[0].name, "Eva");
		lup_config_free(longer);
	}
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 3);
	lup_config_free(cfg);
}

/* A page of the list from the top, after checking that what the list
 * keeps (person_due) is what it is worked out from (lup check). */
static int due_page(const lup_config *cfg, const struct lup_due_query *q, struct lup_due_row *rows)
{
	lup_err err;
	int n;
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
	n = lup_due_page(db, cfg, q, NULL, 1, 10, rows, &err);
	if (n < 0)
		fail_msg("due: %s", err.msg);
	return n;
}

/* The Due list follows every change that can move someone on it, made by
 * lup or written straight into the tables, and one rolled back. */
static void test_due_kept(void **state)
{
	char anna[37], bo[37], cia[37], draft[37], k[37], cid[37], day[11];
	struct lup_due_row rows[10];
	struct lup_due_query q = { CF_TODAY, NULL, NULL, 0 };
	lup_config *cfg = cf_config("[competence]\ninterval_days = 180\ndue_soon_days = 30\n"
	                         "[interval]\nrektor = 720\n");
	long counts[4], all[4];
	lup_err err;
	(void)state;

	cf_person("Anna", "enhetschef", "Skola", anna);
	cf_person("Bo", "enhetschef", "Skola", bo);
	cf_person("Cia", "enhetschef", "Vård", cia);
	cf_days_before(200, day); cf_checkin(anna, kc, day, "self", "1.1=3", 1, k);   /* overdue by 20 */
	cf_days_before(400, day); cf_checkin(bo, kc, day, "self", "1.1=3", 1, k);     /* overdue by 220 */
	cf_comp(kc, "1.2", cid);

	assert_int_equal(due_page(cfg, &q, rows), 3);
	assert_string_equal(rows[0].name, "Bo");
	assert_string_equal(rows[1].name, "Anna");
	assert_string_equal(rows[2].name, "Cia");
	assert_int_equal(due_page(cfg, &q, rows), 3);

	/* Writes that move nobody: a draft, its ratings, a phone number, an
	 * enrolment completed, a table the list does not read. */
	cf_days_before(1, day); cf_checkin(cia, kc, day, "self", "1.1=4", 0, draft);
	assert_int_equal(lup_rating_set(db, draft, cid, 2, &err), 0);
	assert_int_equal(lup_rating_comment(db, draft, cid, "fine", &err), 0);
	cf_set_person(anna, NULL, -1, "+46 8 123 45", NULL);
	assert_int_equal(due_page(cfg, &q, rows), 3);
	assert_int_equal(lup_exec(db,
		"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-00000000p001', 'P');"
		"INSERT INTO cohort (id, programme_id, name) VALUES "
		"('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000p001', 'Pilot');"
		"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at) "
		"SELECT '00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-00000000c001', "
		"id, '00000000-0000-4000-8000-00000000p001', 'enrolled', '2015-01-01' FROM person WHERE name = 'Bo';",
		&err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 3);
	assert_int_equal(lup_exec(db, "UPDATE enrolment SET status = 'completed'", &err), 0);
	assert_int_equal(lup_exec(db, "UPDATE programme SET name = 'Programmet'", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 3);
	assert_string_equal(rows[2].name, "Cia");
	assert_int_equal(rows[2].state, LUP_DUE_NEVER);

	/* A draft made final: Cia is assessed and leaves the list. */
	assert_int_equal(lup_checkin_finalize(db, draft, &err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 2);
	assert_string_equal(rows[0].name, "Bo");
	assert_string_equal(rows[1].name, "Anna");

	/* A role with a longer interval: Anna is not due any more. */
	cf_set_person(anna, "rektor", -1, NULL, NULL);
	assert_int_equal(due_page(cfg, &q, rows), 1);
	assert_string_equal(rows[0].name, "Bo");
	cf_set_person(anna, "enhetschef", -1, NULL, NULL);
	assert_int_equal(due_page(cfg, &q, rows), 2);
	assert_string_equal(rows[1].name, "Anna");

	/* Bo made inactive, and back. */
	cf_set_person(bo, NULL, 0, NULL, NULL);
	assert_int_equal(due_page(cfg, &q, rows), 1);
	assert_string_equal(rows[0].name, "Anna");
	cf_set_person(bo, NULL, 1, NULL, NULL);
	assert_int_equal(due_page(cfg, &q, rows), 2);

	/* Only the cohort's people; then Bo withdrawn from it. */
	q.cohort_id = "00000000-0000-4000-8000-00000000c001";
	assert_int_equal(due_page(cfg, &q, rows), 1);
	assert_string_equal(rows[0].name, "Bo");
	assert_int_equal(lup_exec(db, "UPDATE enrolment SET status = 'withdrawn'", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 0);
	q.cohort_id = NULL;

	/* A final check-in written straight into the table. */
	assert_int_equal(lup_exec(db,
		"INSERT INTO checkin (id, person_id, framework_id, date, kind, status, created_at, updated_at) "
		"SELECT '00000000-0000-4000-8000-0000000000k1', p.id, f.id, '2015-05-20', 'self', 'final', "
		"'2015-05-20T00:00:00Z', '2015-05-20T00:00:00Z' FROM person p, framework f "
		"WHERE p.name = 'Bo' AND f.id = (SELECT min(id) FROM framework)", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 1);
	assert_string_equal(rows[0].name, "Anna");

	/* A change rolled back leaves the list as it was before it. */
	assert_int_equal(lup_db_begin(db, &err), 0);
	cf_set_person(anna, NULL, 0, NULL, NULL);
	assert_int_equal(due_page(cfg, &q, rows), 0);
	lup_db_rollback(db);
	assert_int_equal(due_page(cfg, &q, rows), 1);
	assert_string_equal(rows[0].name, "Anna");

	/* Counts: with the filter, and everyone's. */
	q.filter = "bo";
	assert_int_equal(lup_due_count(db, cfg, &q, counts, &err), 0);
	assert_int_equal(lup_due_count_all(db, cfg, &q, all, &err), 0);
	assert_int_equal(counts[LUP_DUE_OVERDUE], 0);
	assert_int_equal(counts[LUP_DUE_OK], 1);
	assert_int_equal(all[LUP_DUE_OVERDUE], 1);
	assert_int_equal(all[LUP_DUE_OK], 2);
	assert_int_equal(all[LUP_DUE_SOON] + all[LUP_DUE_NEVER], 0);
	assert_int_equal(due_page(cfg, &q, rows), 0);

	/* A new e-mail address is found by the filter. */
	q.filter = "anna.berg@";
	assert_int_equal(due_page(cfg, &q, rows), 0);
	cf_set_person(anna, NULL, -1, NULL, "anna.berg@example.se");
	assert_int_equal(due_page(cfg, &q, rows), 1);
	q.filter = NULL;

	/* Bo's final check-ins deleted straight from the table: never
	 * assessed again; then Bo gone altogether. */
	assert_int_equal(lup_exec(db, "DELETE FROM checkin WHERE person_id = (SELECT id FROM person "
	                              "WHERE name = 'Bo')", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 2);
	assert_string_equal(rows[1].name, "Bo");
	assert_int_equal(rows[1].state, LUP_DUE_NEVER);
	assert_int_equal(lup_exec(db, "DELETE FROM person WHERE name = 'Bo'", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows), 1);
	assert_int_equal(cf_count("SELECT count(*) FROM person_due"), 2);

	/* What lup check says when the list's own copy is wrong. */
	assert_int_equal(lup_exec(db, "UPDATE person_due SET last = NULL WHERE person_id = "
	                              "(SELECT id FROM person WHERE name = 'Anna')", &err), 0);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 1);
	assert_int_equal(lup_exec(db, "INSERT INTO person_due (person_id, active, sort_role, sort_name, search) "
	                              "VALUES ('00000000-0000-4000-8000-00000000dead', 1, '', 'x', 'x')", &err), 0);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 2);
	lup_config_free(cfg);
}

/* The Due list read from its indexes, stream by stream, is the list
 * worked out person by person (lup_due_person) and sorted: every state,
 * filters, paging both ways a few rows at a time, places and counts, with
 * roles of their own interval among everyone else's. */
struct due_expect {
	char id[37], key[512];
	int st;
	char due[11];
};

static int due_expect_cmp(const void *a, const void *b)
{
	const struct due_expect *x = a, *y = b;
	int c = x->st - y->st;
	if (!c) c = strcmp(x->due, y->due);
	if (!c) c = strcmp(x->key, y->key);
	if (!c) c = strcmp(x->id, y->id);
	return c;
}

static void test_due_streams(void **state)
{
	static const char *const roles[] = { "enhetschef", "Rektor", "verksamhetschef", "kock", "" };
	static const char *const names[] = { "Anna", "Åsa", "Björn", "Cecilia", "Örjan", "Eva", "Märta" };
	static const char *const filters[] = { "", "a", "rektor", "zz", "ö" };
	lup_config *cfg = cf_config("[competence]\ninterval_days = 180\ndue_soon_days = 30\n"
	                         "[interval]\nREKTOR = 365\nverksamhetschef = 90\nrektor = 10\n"
	                         "kóck = x\nkock = 30\n");
	struct due_expect want[80];
	struct lup_due_row rows[80], page[3];
	char id[37], k[37], day[11], name[64];
	sqlite3_stmt *st;
	lup_err err;
	unsigned seed = 7;
	(void)state;

	for (int i = 0; i < 70; i++) {
		seed = seed * 1103515245u + 12345u;
		snprintf(name, sizeof name, "%s %02d", names[(seed >> 16) % 7], (int)(seed >> 8) % 100);
		cf_person(name, roles[(seed >> 20) % 5], "Skola", id);
		/* 0 to 2 final check-ins, a day in the last two years; a draft */
		for (unsigned c = 0; c < (seed >> 24) % 3; c++) {
			cf_days_before((int)((seed >> (c * 5)) % 730), day);
			cf_checkin(id, kc, day, c ? "manager" : "self", "1.1=3", 1, k);
		}
		if (i % 9 == 0) {
			cf_days_before(3, day);
			cf_checkin(id, kc, day, "self", "1.1=2", 0, k);
		}
		if (i % 11 == 0)
			cf_set_person(id, NULL, 0, NULL, NULL);
	}
	/* ties: people due the same day, in one stream and across streams */
	cf_exec("UPDATE checkin SET date = '2014-12-01' WHERE rowid IN (SELECT rowid FROM checkin "
	        "WHERE status = 'final' ORDER BY id LIMIT 4)");
	/* and on the edges between states: due today, due on the last day
	 * of "soon" and the day after (180 days; 365 for rektor) */
	cf_exec("UPDATE checkin SET date = CASE rowid % 4 WHEN 0 THEN '2014-12-03' WHEN 1 THEN '2015-01-02' "
	        "WHEN 2 THEN '2015-01-03' ELSE '2014-06-01' END WHERE rowid IN (SELECT rowid FROM checkin "
	        "WHERE status = 'final' ORDER BY id DESC LIMIT 12)");
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);

	for (unsigned states = 1; states < 16; states++)
		for (size_t f = 0; f < sizeof filters / sizeof *filters; f++) {
			struct lup_due_query q = { CF_TODAY, filters[f], NULL, states };
			long counts[4], expect[4] = { 0, 0, 0, 0 };
			int n = 0, got, at;
			char *fold = lup_fold(filters[f]);
			assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT id, sort_name FROM person WHERE active = 1 "
			                                    "AND instr(search, ?1) > 0", -1, &st, NULL), SQLITE_OK);
			sqlite3_bind_text(st, 1, fold, -1, SQLITE_STATIC);
			while (sqlite3_step(st) == SQLITE_ROW) {
				struct lup_due_info info;
				struct due_expect *w = &want[n];
				snprintf(w->id, sizeof w->id, "%s", (const char *)sqlite3_column_text(st, 0));
				snprintf(w->key, sizeof w->key, "%s", (const char *)sqlite3_column_text(st, 1));
				assert_int_equal(lup_due_person(db, cfg, w->id, CF_TODAY, &info, &err), 0);
				w->st = (int)info.state;
				snprintf(w->due, sizeof w->due, "%s", info.due);
				expect[w->st]++;
				if (states & 1u << w->st)
					n++;
			}
			sqlite3_finalize(st);
			free(fold);
			qsort(want, (size_t)n, sizeof *want, due_expect_cmp);

			assert_int_equal(lup_due_count(db, cfg, &q, counts, &err), 0);
			for (int s2 = 0; s2 < 4; s2++)
				assert_int_equal(counts[s2], expect[s2]);
			/* forwards three at a time */
			got = 0;
			for (const struct lup_due_row *from = NULL;;) {
				int m = lup_due_page(db, cfg, &q, from, 1, 3, page, &err);
				assert_true(m >= 0);
				if (!m)
					break;
				memcpy(rows + got, page, (size_t)m * sizeof *page);
				got += m;
				assert_true(got <= n);
				from = &rows[got - 1];
			}
			assert_int_equal(got, n);
			for (int i = 0; i < n; i++) {
				assert_string_equal(rows[i].id, want[i].id);
				assert_int_equal(rows[i].state, want[i].st);
				assert_string_equal(rows[i].due, want[i].due);
				assert_int_equal(lup_due_position(db, cfg, &q, &rows[i], &err), i);
			}
			/* backwards from the end, two at a time */
			at = n;
			for (const struct lup_due_row *from = NULL;;) {
				int m = lup_due_page(db, cfg, &q, from, -1, 2, page, &err);
				assert_true(m >= 0);
				if (!m)
					break;
				at -= m;
				assert_true(at >= 0);
				for (int i = 0; i < m; i++)
					assert_string_equal(page[i].id, want[at + i].id);
				from = &rows[at];
			}
			assert_int_equal(at, 0);
		}
	lup_config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_due, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_due_kept, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_due_streams, setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
