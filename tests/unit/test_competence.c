/* Unit tests for competence.c: targets, check-in lifecycle, the rating
 * sheet, due dates and the Due list, gaps and the heat map. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"

static char kc[LUP_UUID_LEN + 1];   /* kommun-chefer revision 1 */
static const lup_date TODAY = { 2015, 6, 1 };

static int setup(void **state)
{
	char id[LUP_UUID_LEN + 1];
	int unchanged;
	lup_err err;
	if (cf_setup(state) < 0)
		return -1;
	if (lup_framework_import_file(db, "share/lup/frameworks/digcomp-2.2.ini", id, &unchanged, &err) < 0 ||
	    lup_framework_import_file(db, "share/lup/frameworks/kommun-chefer.ini", kc, &unchanged, &err) < 0) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static void days_before(int n, char out[11])
{
	lup_date_format(lup_date_add(TODAY, -n), out);
}

/* ---- Targets ---- */

static void test_targets(void **state)
{
	char p[LUP_UUID_LEN + 1], q[LUP_UUID_LEN + 1];
	int level, personal;
	lup_err err;
	(void)state;
	cf_person("Anna Ek", "Enhetschef", "Skola", p);
	cf_person("Bo Alm", "kock", NULL, q);

	/* From the file, role matched ignoring case. */
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", p, &level, &personal, &err), 0);
	assert_int_equal(level, 4);
	assert_int_equal(personal, 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", q, &level, &personal, &err), 0);
	assert_int_equal(level, LUP_LEVEL_NONE);
	assert_int_equal(lup_target_get(db, "digcomp", "1.2", p, &level, NULL, &err), 0);
	assert_int_equal(level, LUP_LEVEL_NONE);

	/* A person's own target wins; removing it brings the role's back. */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, 6, &err), 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", p, &level, &personal, &err), 0);
	assert_int_equal(level, 6);
	assert_int_equal(personal, 1);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, 7, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM target WHERE person_id IS NOT NULL AND valid_to IS NULL"), 1);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, LUP_LEVEL_NONE, &err), 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", p, &level, &personal, &err), 0);
	assert_int_equal(level, 4);

	/* Role targets: a new role, and changing a file's (code case ignored). */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "l.1", " Kock ", NULL, 3, &err), 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "L.1", q, &level, NULL, &err), 0);
	assert_int_equal(level, 3);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", "ENHETSCHEF", NULL, 2, &err), 0);
	assert_int_equal(cf_count("SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id "
	                       "WHERE t.role = 'enhetschef' AND c.code = '1.2' AND t.source = 'user' "
	                       "AND t.valid_to IS NULL"), 2);
	assert_int_equal(cf_count("SELECT count(*) FROM target t JOIN competence c ON c.id = t.competence_id "
	                       "WHERE t.role_key = 'enhetschef' AND c.code = '1.2' AND t.valid_to IS NULL"), 1);

	/* Refused: out of range, retired, unknown, both or neither. */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "L.1", "kock", NULL, 2, &err), -1);
	assert_string_equal(err.field, "level");
	assert_int_equal(lup_target_set(db, "kommun-chefer", "3.4", "kock", NULL, 2, &err), -1);
	assert_non_null(strstr(err.msg, "retired"));
	assert_int_equal(lup_target_set(db, "kommun-chefer", "9.9", "kock", NULL, 2, &err), -1);
	assert_string_equal(err.field, "code");
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.1", "kock", p, 2, &err), -1);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.1", NULL, NULL, 2, &err), -1);
	assert_int_equal(lup_target_set(db, "nosuch", "1.1", "kock", NULL, 2, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

/* ---- Check-ins ---- */

static void test_draft_and_final(void **state)
{
	char p[LUP_UUID_LEN + 1], c11[LUP_UUID_LEN + 1], c34[LUP_UUID_LEN + 1], dc11[LUP_UUID_LEN + 1];
	char fix[LUP_UUID_LEN + 1], again[LUP_UUID_LEN + 1], dc[LUP_UUID_LEN + 1];
	struct lup_checkin c, d;
	long rated, total;
	char *text;
	lup_err err;
	(void)state;
	cf_person("Anna Ek", "enhetschef", "Skola", p);
	cf_comp(kc, "1.1", c11);
	cf_comp(kc, "3.4", c34);
	assert_int_equal(lup_framework_current(db, "digcomp", dc, &err), 0);
	cf_comp(dc, "1.1", dc11);

	memset(&c, 0, sizeof c);
	strcpy(c.person_id, p);
	strcpy(c.framework_id, kc);
	strcpy(c.kind, "selfish");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "kind");
	assert_string_equal(c.id, "");
	strcpy(c.kind, "self");
	strcpy(c.date, "2015-02-30");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "date");
	c.date[0] = '\0';   /* today */
	c.note = strdup("  first go  ");
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	assert_int_equal(strlen(c.id), 36);
	assert_string_equal(c.status, "draft");
	assert_string_equal(c.note, "first go");
	assert_int_equal(strlen(c.date), 10);

	/* Ratings: in range, "not assessed", undo; refused outside. */
	assert_int_equal(lup_rating_set(db, c.id, c11, 9, &err), -1);
	assert_string_equal(err.field, "level");
	assert_int_equal(lup_rating_set(db, c.id, c34, 3, &err), -1);       /* retired */
	assert_int_equal(lup_rating_set(db, c.id, dc11, 3, &err), -1);      /* another framework */
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(lup_rating_comment(db, c.id, c11, "why", &err), -1); /* rate first */
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_set(db, c.id, c11, LUP_LEVEL_NA, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM rating WHERE level IS NULL"), 1);
	/* Only "not assessed": not enough to finish. */
	assert_int_equal(lup_checkin_finalize(db, c.id, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_set(db, c.id, c11, 5, &err), 0);
	assert_int_equal(lup_rating_set(db, c.id, c11, 3, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 1);
	assert_int_equal(cf_count("SELECT level FROM rating"), 3);
	assert_int_equal(lup_rating_comment(db, c.id, c11, "  uses the intranet daily ", &err), 0);
	assert_int_equal(lup_rating_get_comment(db, c.id, c11, &text, &err), 0);
	assert_string_equal(text, "uses the intranet daily");
	free(text);
	assert_int_equal(lup_rating_count(db, c.id, &rated, &total, &err), 0);
	assert_int_equal(rated, 1);
	assert_int_equal(total, 22);

	/* A draft is edited. */
	strcpy(c.kind, "manager");
	strcpy(c.date, "2015-05-04");
	c.assessor_name = strdup("Extern Bedömare");
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	assert_int_equal(lup_checkin_get(db, c.id, &d, &err), 0);
	assert_string_equal(d.kind, "manager");
	assert_string_equal(d.date, "2015-05-04");
	assert_string_equal(d.assessor_name, "Extern Bedömare");
	lup_checkin_clear(&d);
	assert_int_equal(lup_checkin_find_draft(db, p, "manager", again, &err), 1);
	assert_string_equal(again, c.id);
	assert_int_equal(lup_checkin_find_draft(db, p, "self", again, &err), 0);

	/* Final: no more edits, ratings, comments or deleting. */
	assert_int_equal(lup_checkin_finalize(db, c.id, &err), 0);
	assert_int_equal(lup_checkin_finalize(db, c.id, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	free(c.note);
	c.note = strdup("changed");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_set(db, c.id, c11, 4, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_comment(db, c.id, c11, "x", &err), -1);
	assert_int_equal(lup_checkin_delete(db, c.id, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(cf_count("SELECT level FROM rating"), 3);
	assert_int_equal(cf_count("SELECT count(*) FROM checkin WHERE note = 'first go'"), 1);

	/* Superseding: a draft copy, the same one when asked again. */
	assert_int_equal(lup_checkin_supersede(db, c.id, NULL, fix, &err), 0);
	assert_string_not_equal(fix, c.id);
	assert_int_equal(lup_checkin_supersede(db, c.id, NULL, again, &err), 0);
	assert_string_equal(again, fix);
	assert_int_equal(lup_checkin_get(db, fix, &d, &err), 0);
	assert_string_equal(d.status, "draft");
	assert_string_equal(d.supersedes_id, c.id);
	assert_string_equal(d.date, "2015-05-04");
	assert_string_equal(d.kind, "manager");
	lup_checkin_clear(&d);
	assert_int_equal(lup_checkin_supersede(db, fix, NULL, again, &err), -1);  /* a draft */
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 2);
	assert_int_equal(lup_rating_set(db, fix, c11, 4, &err), 0);
	assert_int_equal(lup_checkin_finalize(db, fix, &err), 0);
	assert_int_equal(lup_checkin_supersede(db, c.id, NULL, again, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	/* Its history: newest first, the replaced one marked. */
	{
		struct lup_checkin_row rows[4];
		int n = lup_checkin_page(db, p, NULL, 1, 4, rows, &err);
		assert_int_equal(n, 2);
		assert_int_equal(rows[0].superseded + rows[1].superseded, 1);
		assert_string_equal(rows[0].framework, "kommun-chefer");
		assert_int_equal(rows[0].revision, 1);
		assert_int_equal(rows[0].rated, 1);
		assert_int_equal(rows[0].competences, 22);
		assert_string_equal(rows[0].assessor, "Extern Bedömare");
	}
	lup_checkin_clear(&c);

	/* A draft is deleted with its ratings. */
	cf_checkin(p, kc, "2015-05-10", "self", "1.1=2", 0, again);
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 3);
	assert_int_equal(lup_checkin_delete(db, again, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 2);
	assert_int_equal(lup_checkin_delete(db, again, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
}

static void test_rating_sheet(void **state)
{
	char p[LUP_UUID_LEN + 1], k[LUP_UUID_LEN + 1], draft[LUP_UUID_LEN + 1];
	struct lup_rating_row rows[30], page[10];
	lup_err err;
	int n;
	(void)state;
	cf_person("Anna Ek", "enhetschef", "Skola", p);
	cf_checkin(p, kc, "2015-01-10", "self", "1.1=2 1.2=5", 1, k);
	cf_checkin(p, kc, "2015-02-10", "manager", "1.1=6", 1, k);
	cf_checkin(p, kc, "2015-04-01", "self", "1.1=4 L.1=n", 0, draft);

	n = lup_rating_page(db, draft, NULL, 1, 30, rows, &err);
	assert_int_equal(n, 22);                       /* 3.4 is retired */
	assert_string_equal(rows[0].code, "1.1");
	assert_string_equal(rows[0].area, "1");
	assert_string_equal(rows[0].area_name_sv, "Informations- och datakunskap");
	assert_int_equal(rows[0].level, 4);
	assert_int_equal(rows[0].previous, 2);         /* the last self-assessment, not the manager's */
	assert_int_equal(rows[0].target, 4);
	assert_int_equal(rows[1].level, LUP_LEVEL_NONE);
	assert_int_equal(rows[1].previous, 5);
	assert_string_equal(rows[20].code, "L.1");
	assert_int_equal(rows[20].level, LUP_LEVEL_NA);
	assert_int_equal(rows[20].level_min, 3);
	assert_string_equal(rows[21].code, "L.2");
	for (int i = 1; i < n; i++)
		assert_true(rows[i].seq > rows[i - 1].seq);

	/* Paging forward and back gives the same rows. */
	assert_int_equal(lup_rating_page(db, draft, NULL, 1, 10, page, &err), 10);
	assert_string_equal(page[9].code, rows[9].code);
	assert_int_equal(lup_rating_page(db, draft, &page[9], 1, 10, page, &err), 10);
	assert_string_equal(page[0].code, rows[10].code);
	assert_int_equal(lup_rating_page(db, draft, &page[9], 1, 10, page, &err), 2);
	assert_string_equal(page[1].code, "L.2");
	assert_int_equal(lup_rating_page(db, draft, NULL, -1, 3, page, &err), 3);
	assert_string_equal(page[0].code, rows[19].code);
	assert_string_equal(page[2].code, "L.2");
	assert_int_equal(lup_rating_page(db, draft, &page[0], -1, 10, page, &err), 10);
	assert_string_equal(page[0].code, rows[9].code);
	assert_string_equal(page[9].code, rows[18].code);

	/* Rating every competence: one call each. */
	for (int i = 0; i < n; i++)
		assert_int_equal(lup_rating_set(db, draft, rows[i].competence_id, rows[i].level_min + 1, &err), 0);
	{
		long rated, total;
		assert_int_equal(lup_rating_count(db, draft, &rated, &total, &err), 0);
		assert_int_equal(rated, 22);
		assert_int_equal(total, 22);
	}
}

/* ---- Re-assessment ---- */

static lup_config *config(const char *text)
{
	char path[512];
	lup_config *cfg;
	lup_err err;
	FILE *fp;
	snprintf(path, sizeof path, "%s/lup.ini", cf_dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	if (lup_config_load(path, &cfg, NULL, NULL, &err) < 0)
		fail_msg("config: %s", err.msg);
	return cfg;
}

static void test_due(void **state)
{
	char anna[37], bo[37], cia[37], dan[37], eva[37], fia[37], gus[37], hedda[37], ivar[37];
	char k[37], fix[37], day[11];
	struct lup_due_row rows[10], page[3];
	struct lup_due_query q = { TODAY, NULL, NULL, 0 };
	struct lup_due_info info;
	long counts[4];
	lup_config *cfg = config("[competence]\ninterval_days = 180\ndue_soon_days = 30\n"
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

	days_before(212, day); cf_checkin(anna, kc, day, "self", "1.1=3", 1, k);     /* due 32 days ago */
	days_before(300, day); cf_checkin(anna, kc, day, "manager", "1.1=3", 1, k);  /* older: does not count */
	days_before(163, day); cf_checkin(bo, kc, day, "manager", "1.1=3", 1, k);    /* due in 17 days */
	days_before(31, day); cf_checkin(cia, kc, day, "self", "1.1=3", 1, k);       /* not due */
	days_before(212, day); cf_checkin(dan, kc, day, "self", "1.1=3", 1, k);      /* 365 days: not due */
	days_before(5, day); cf_checkin(gus, kc, day, "self", "1.1=3", 0, k);        /* a draft only */
	days_before(400, day); cf_checkin(hedda, kc, day, "self", "1.1=3", 1, k);    /* corrected later: */
	days_before(20, day);
	assert_int_equal(lup_checkin_supersede(db, k, day, fix, &err), 0);
	assert_int_equal(lup_checkin_finalize(db, fix, &err), 0);
	days_before(180, day); cf_checkin(ivar, kc, day, "validation", "1.1=3", 1, k); /* due today */

	/* One person. */
	assert_int_equal(lup_due_person(db, cfg, anna, TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OVERDUE);
	assert_int_equal(info.days, -32);
	assert_int_equal(info.interval, 180);
	assert_string_equal(info.last_kind, "self");
	days_before(32, day);
	assert_string_equal(info.due, day);
	assert_int_equal(lup_due_person(db, cfg, bo, TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_SOON);
	assert_int_equal(info.days, 17);
	assert_int_equal(lup_due_person(db, cfg, dan, TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OK);
	assert_int_equal(info.interval, 365);
	assert_int_equal(lup_due_person(db, NULL, dan, TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OVERDUE);    /* without [interval] */
	assert_int_equal(lup_due_person(db, cfg, gus, TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_NEVER);
	assert_string_equal(info.due, "");
	assert_int_equal(lup_due_person(db, cfg, hedda, TODAY, &info, &err), 0);
	assert_int_equal(info.state, LUP_DUE_OK);
	assert_int_equal(info.days, 160);
	assert_int_equal(lup_due_person(db, cfg, ivar, TODAY, &info, &err), 0);
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
			days_before(1, day);
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
		lup_config *longer = config("[competence]\ninterval_days = 400\n");
		assert_int_equal(lup_due_count(db, longer, &q, counts, &err), 0);
		assert_int_equal(counts[LUP_DUE_SOON], 0);
		assert_int_equal(lup_due_page(db, longer, &q, NULL, 1, 10, rows, &err), 2);
		assert_string_equal(rows[0].name, "Eva");
		lup_config_free(longer);
	}
	assert_int_equal(lup_due_page(db, cfg, &q, NULL, 1, 10, rows, &err), 3);
	lup_config_free(cfg);
}

/* The Due list is worked out again after a change that can move someone
 * on it, and only then. */
static void set_person_email(const char *id, const char *role, int active, const char *phone,
                             const char *email)
{
	struct lup_person p;
	lup_err err;
	if (lup_person_get(db, id, &p, &err) < 0)
		fail_msg("person: %s", err.msg);
	if (role) {
		free(p.role);
		p.role = strdup(role);
	}
	if (active >= 0)
		p.active = active;
	if (phone) {
		free(p.phone);
		p.phone = strdup(phone);
	}
	if (email) {
		free(p.email);
		p.email = strdup(email);
	}
	if (lup_person_save(db, &p, &err) < 0)
		fail_msg("person: %s", err.msg);
	lup_person_clear(&p);
}

static void set_person(const char *id, const char *role, int active, const char *phone)
{
	set_person_email(id, role, active, phone, NULL);
}

/* A page of the list; *rebuilt: whether it was worked out afresh. */
static int due_page(const lup_config *cfg, const struct lup_due_query *q, struct lup_due_row *rows,
                    int *rebuilt)
{
	unsigned long before = lup_due_rebuilds();
	lup_err err;
	int n = lup_due_page(db, cfg, q, NULL, 1, 10, rows, &err);
	if (n < 0)
		fail_msg("due: %s", err.msg);
	*rebuilt = lup_due_rebuilds() != before;
	return n;
}

static void test_due_kept(void **state)
{
	char anna[37], bo[37], cia[37], draft[37], k[37], cid[37], day[11];
	struct lup_due_row rows[10];
	struct lup_due_query q = { TODAY, NULL, NULL, 0 };
	lup_config *cfg = config("[competence]\ninterval_days = 180\ndue_soon_days = 30\n"
	                         "[interval]\nrektor = 720\n");
	long counts[4], all[4];
	lup_err err;
	int rebuilt;
	(void)state;

	cf_person("Anna", "enhetschef", "Skola", anna);
	cf_person("Bo", "enhetschef", "Skola", bo);
	cf_person("Cia", "enhetschef", "Vård", cia);
	days_before(200, day); cf_checkin(anna, kc, day, "self", "1.1=3", 1, k);   /* overdue by 20 */
	days_before(400, day); cf_checkin(bo, kc, day, "self", "1.1=3", 1, k);     /* overdue by 220 */
	cf_comp(kc, "1.2", cid);

	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 3);
	assert_true(rebuilt);
	assert_string_equal(rows[0].name, "Bo");
	assert_string_equal(rows[1].name, "Anna");
	assert_string_equal(rows[2].name, "Cia");
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 3);
	assert_false(rebuilt);

	/* Writes that move nobody: a draft, its ratings, a phone number, an
	 * enrolment completed, a table the list does not read. */
	days_before(1, day); cf_checkin(cia, kc, day, "self", "1.1=4", 0, draft);
	assert_int_equal(lup_rating_set(db, draft, cid, 2, &err), 0);
	assert_int_equal(lup_rating_comment(db, draft, cid, "fine", &err), 0);
	set_person(anna, NULL, -1, "+46 8 123 45");
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 3);
	assert_false(rebuilt);
	assert_int_equal(lup_exec(db,
		"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-00000000p001', 'P');"
		"INSERT INTO cohort (id, programme_id, name) VALUES "
		"('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000p001', 'Pilot');"
		"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at) "
		"SELECT '00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-00000000c001', "
		"id, '00000000-0000-4000-8000-00000000p001', 'enrolled', '2015-01-01' FROM person WHERE name = 'Bo';",
		&err), 0);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 3);
	assert_true(rebuilt);    /* an enrolment added: the cohort's list could change */
	assert_int_equal(lup_exec(db, "UPDATE enrolment SET status = 'completed'", &err), 0);
	assert_int_equal(lup_exec(db, "UPDATE programme SET name = 'Programmet'", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 3);
	assert_false(rebuilt);
	assert_string_equal(rows[2].name, "Cia");
	assert_int_equal(rows[2].state, LUP_DUE_NEVER);

	/* A draft made final: Cia is assessed and leaves the list. */
	assert_int_equal(lup_checkin_finalize(db, draft, &err), 0);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 2);
	assert_true(rebuilt);
	assert_string_equal(rows[0].name, "Bo");
	assert_string_equal(rows[1].name, "Anna");

	/* A role with a longer interval: Anna is not due any more. */
	set_person(anna, "rektor", -1, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_true(rebuilt);
	assert_string_equal(rows[0].name, "Bo");
	set_person(anna, "enhetschef", -1, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 2);
	assert_string_equal(rows[1].name, "Anna");

	/* Bo made inactive, and back. */
	set_person(bo, NULL, 0, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_true(rebuilt);
	assert_string_equal(rows[0].name, "Anna");
	set_person(bo, NULL, 1, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 2);

	/* Only the cohort's people; then Bo withdrawn from it. */
	q.cohort_id = "00000000-0000-4000-8000-00000000c001";
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_string_equal(rows[0].name, "Bo");
	assert_int_equal(lup_exec(db, "UPDATE enrolment SET status = 'withdrawn'", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 0);
	assert_true(rebuilt);
	q.cohort_id = NULL;

	/* A final check-in written straight into the table. */
	assert_int_equal(lup_exec(db,
		"INSERT INTO checkin (id, person_id, framework_id, date, kind, status, created_at, updated_at) "
		"SELECT '00000000-0000-4000-8000-0000000000k1', p.id, f.id, '2015-05-20', 'self', 'final', "
		"'2015-05-20T00:00:00Z', '2015-05-20T00:00:00Z' FROM person p, framework f "
		"WHERE p.name = 'Bo' AND f.id = (SELECT min(id) FROM framework)", &err), 0);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_true(rebuilt);
	assert_string_equal(rows[0].name, "Anna");

	/* A change rolled back leaves the list as it was before it. */
	assert_int_equal(lup_db_begin(db, &err), 0);
	set_person(anna, NULL, 0, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 0);
	lup_db_rollback(db);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_string_equal(rows[0].name, "Anna");

	/* Changing temp_store drops the snapshot and what watches it: both
	 * come back, and a change made in between is seen. */
	assert_int_equal(lup_exec(db, "PRAGMA temp_store = FILE", &err), 0);
	set_person(anna, NULL, 0, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 0);
	assert_true(rebuilt);
	set_person(anna, NULL, 1, NULL);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_true(rebuilt);
	assert_int_equal(lup_exec(db, "PRAGMA temp_store = MEMORY", &err), 0);

	/* Counts: with the filter, and everyone's, from the same snapshot. */
	q.filter = "bo";
	assert_int_equal(lup_due_count(db, cfg, &q, counts, &err), 0);
	assert_int_equal(lup_due_count_all(db, cfg, &q, all, &err), 0);
	assert_int_equal(counts[LUP_DUE_OVERDUE], 0);
	assert_int_equal(counts[LUP_DUE_OK], 1);
	assert_int_equal(all[LUP_DUE_OVERDUE], 1);
	assert_int_equal(all[LUP_DUE_OK], 2);
	assert_int_equal(all[LUP_DUE_SOON] + all[LUP_DUE_NEVER], 0);
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 0);
	assert_false(rebuilt);

	/* A new e-mail address is found by the filter. */
	q.filter = "anna.berg@";
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 0);
	set_person_email(anna, NULL, -1, NULL, "anna.berg@example.se");
	assert_int_equal(due_page(cfg, &q, rows, &rebuilt), 1);
	assert_true(rebuilt);
	lup_config_free(cfg);
}

/* ---- Gaps ---- */

/* The heat map's stamp changes with what the map reads, and only then;
 * and a map built at an unchanged stamp is the same map. */
static void test_heat_stamp(void **state)
{
	char anna[37], draft[37], k[37], cid[37], day[11], sql[320];
	struct lup_db_stamp a, b;
	struct lup_heat_query q = { 0 };
	struct lup_heatmap h1, h2;
	lup_db *other;
	lup_err err;
	(void)state;

	cf_person("Anna", "enhetschef", "Skola", anna);
	days_before(200, day); cf_checkin(anna, kc, day, "self", "1.1=3", 1, k);
	cf_comp(kc, "1.2", cid);
	lup_heatmap_stamp(db, &a);
	lup_heatmap_stamp(db, &b);
	assert_true(lup_db_stamp_equal(&a, &b));

	/* Writes the map does not read: a draft and its ratings, a phone
	 * number, a programme. */
	q.framework_id = kc;
	assert_int_equal(lup_heatmap_build(db, &q, &h1, &err), 0);
	days_before(1, day); cf_checkin(anna, kc, day, "self", "1.1=5", 0, draft);
	assert_int_equal(lup_rating_set(db, draft, cid, 6, &err), 0);
	set_person(anna, NULL, -1, "+46 8 123 45");
	assert_int_equal(lup_exec(db, "INSERT INTO programme (id, name) VALUES "
	                          "('00000000-0000-4000-8000-00000000p001', 'P')", &err), 0);
	lup_heatmap_stamp(db, &b);
	assert_true(lup_db_stamp_equal(&a, &b));
	assert_int_equal(lup_heatmap_build(db, &q, &h2, &err), 0);
	assert_int_equal(h1.nrows, h2.nrows);
	assert_int_equal(h1.ncols, h2.ncols);
	assert_memory_equal(h1.cells, h2.cells, h1.nrows * h1.ncols * sizeof *h1.cells);
	lup_heatmap_free(&h2);

	/* The draft made final: new levels, a new stamp, another map. */
	assert_int_equal(lup_checkin_finalize(db, draft, &err), 0);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	assert_int_equal(lup_heatmap_build(db, &q, &h2, &err), 0);
	assert_true(h1.nrows != h2.nrows || h1.ncols != h2.ncols ||
	            memcmp(h1.cells, h2.cells, h1.nrows * h1.ncols * sizeof *h1.cells) != 0);
	lup_heatmap_free(&h1);
	lup_heatmap_free(&h2);

	/* A unit, a target, and another connection's write each make a new one. */
	a = b;
	assert_int_equal(lup_exec(db, "UPDATE person SET org_unit = 'Vård'", &err), 0);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	a = b;
	snprintf(sql, sizeof sql, "UPDATE target SET level = level + 1 WHERE rowid = "
	         "(SELECT min(rowid) FROM target)");
	assert_int_equal(lup_exec(db, sql, &err), 0);
	assert_true(cf_count("SELECT count(*) FROM target") > 0);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	a = b;
	snprintf(sql, sizeof sql, "%s/t.db", cf_dir);
	assert_int_equal(lup_db_open(sql, 0, &other, &err), 0);
	assert_int_equal(lup_exec(other, "UPDATE programme SET name = 'Q'", &err), 0);
	lup_db_close(other);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
}

static void test_gaps(void **state)
{
	char p[37], q[37], k[37], kc2[37];
	struct lup_gap_row rows[30];
	lup_err err;
	int n, unchanged;
	(void)state;
	cf_person("Anna", "Enhetschef", "Skola", p);
	cf_person("Bo", "enhetschef", "Vård", q);
	cf_checkin(p, kc, "2015-01-10", "self", "1.1=2 1.2=3 L.1=3", 1, k);
	cf_checkin(p, kc, "2015-03-10", "self", "1.1=3 1.2=2 L.1=n", 1, k);
	cf_checkin(p, kc, "2015-03-20", "manager", "1.1=4", 1, k);
	cf_checkin(p, kc, "2015-04-01", "self", "1.1=8 1.2=8", 0, k);   /* a draft: ignored */
	cf_checkin(q, kc, "2015-03-20", "manager", "1.1=2", 1, k);

	n = lup_gap_page(db, p, kc, NULL, 1, 30, rows, &err);
	assert_int_equal(n, 22);
	/* 1.1: self 2 → 3 (up), manager 4: level 4, on target. */
	assert_string_equal(rows[0].code, "1.1");
	assert_int_equal(rows[0].self, 3);
	assert_int_equal(rows[0].self_prev, 2);
	assert_int_equal(rows[0].self_change, LUP_CHANGE_UP);
	assert_string_equal(rows[0].self_date, "2015-03-10");
	assert_int_equal(rows[0].assessed, 4);
	assert_string_equal(rows[0].assessed_kind, "manager");
	assert_int_equal(rows[0].assessed_change, LUP_CHANGE_NONE);
	assert_int_equal(rows[0].level, 4);
	assert_int_equal(rows[0].target, 4);
	assert_int_equal(rows[0].has_gap, 1);
	assert_int_equal(rows[0].gap, 0);
	/* 1.2: self 3 → 2 (down), target 4: two short. */
	assert_int_equal(rows[1].self_change, LUP_CHANGE_DOWN);
	assert_int_equal(rows[1].assessed, LUP_LEVEL_NONE);
	assert_int_equal(rows[1].level, 2);
	assert_int_equal(rows[1].gap, 2);
	/* 1.3: nothing known. */
	assert_int_equal(rows[2].level, LUP_LEVEL_NONE);
	assert_int_equal(rows[2].has_gap, 0);
	assert_int_equal(rows[2].target, 4);
	/* L.1: "not assessed" last time, so the January level stands. */
	assert_string_equal(rows[20].code, "L.1");
	assert_int_equal(rows[20].self, 3);
	assert_int_equal(rows[20].self_prev, LUP_LEVEL_NONE);
	assert_int_equal(rows[20].gap, 1);

	/* A personal target changes the gap. */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, 2, &err), 0);
	assert_int_equal(lup_gap_page(db, p, kc, NULL, 1, 2, rows, &err), 2);
	assert_int_equal(rows[1].target, 2);
	assert_int_equal(rows[1].target_personal, 1);
	assert_int_equal(rows[1].gap, 0);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, LUP_LEVEL_NONE, &err), 0);

	/* Paging back from the end. */
	assert_int_equal(lup_gap_page(db, p, kc, NULL, -1, 2, rows, &err), 2);
	assert_string_equal(rows[0].code, "L.1");
	assert_string_equal(rows[1].code, "L.2");

	/* A new revision: levels carry over by code. */
	{
		const char *path = "/tmp/lup-kc2.ini";
		FILE *in = fopen("share/lup/frameworks/kommun-chefer.ini", "r"), *out;
		char line[1024], p2[600];
		snprintf(p2, sizeof p2, "%s/kc2.ini", cf_dir);
		path = p2;
		out = fopen(path, "w");
		assert_non_null(in);
		assert_non_null(out);
		while (fgets(line, sizeof line, in))
			fputs(strncmp(line, "version", 7) == 0 ? "version = 2024.2\n" : line, out);
		fclose(in);
		fclose(out);
		assert_int_equal(lup_framework_import_file(db, path, kc2, &unchanged, &err), 0);
		assert_int_equal(unchanged, 0);
	}
	assert_int_equal(lup_gap_page(db, p, kc2, NULL, 1, 2, rows, &err), 2);
	assert_int_equal(rows[0].assessed, 4);
	assert_int_equal(rows[1].self, 2);

	/* The heat map: units × areas. */
	{
		struct lup_heatmap h;
		struct lup_heat_query hq = { kc, LUP_HEAT_UNIT, NULL, LUP_GAP_BEST };
		const struct lup_heat_cell *c;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.nrows, 2);
		assert_int_equal(h.ncols, 6);
		assert_string_equal(h.row_label[0], "Skola");
		assert_string_equal(h.row_label[1], "Vård");
		assert_int_equal(h.row_people[0], 1);
		assert_string_equal(h.col_code[5], "L");
		c = &h.cells[0];                 /* Skola, area 1: 1.1 on target, 1.2 two short, 1.3 unknown */
		assert_int_equal(c->pairs, 2);
		assert_int_equal(c->below, 1);
		assert_int_equal(c->unassessed, 1);
		assert_true(c->mean_gap > 0.99 && c->mean_gap < 1.01);
		c = &h.cells[h.ncols];           /* Vård, area 1: 1.1 two short */
		assert_int_equal(c->pairs, 1);
		assert_int_equal(c->below, 1);
		assert_int_equal(c->unassessed, 2);
		assert_true(c->mean_gap > 1.99 && c->mean_gap < 2.01);
		c = &h.cells[5];                 /* Skola, area L: L.1 one short, L.2 unknown */
		assert_int_equal(c->pairs, 1);
		assert_int_equal(c->unassessed, 1);
		assert_true(c->mean_gap > 0.99 && c->mean_gap < 1.01);
		lup_heatmap_free(&h);

		hq.source = LUP_GAP_SELF;        /* self-assessments only */
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		c = &h.cells[0];                 /* 1.1 self 3 (one short), 1.2 self 2 (two short) */
		assert_int_equal(c->pairs, 2);
		assert_true(c->mean_gap > 1.49 && c->mean_gap < 1.51);
		assert_int_equal(h.cells[h.ncols].pairs, 0);
		lup_heatmap_free(&h);

		hq.source = LUP_GAP_ASSESSED;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.cells[0].pairs, 1);
		assert_true(h.cells[0].mean_gap < 0.01);
		lup_heatmap_free(&h);

		/* By cohort: both in one. */
		assert_int_equal(lup_exec(db,
			"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-00000000p001', 'P');"
			"INSERT INTO cohort (id, programme_id, name) VALUES "
			"('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000p001', 'Pilot Halland');"
			"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, requested_at) "
			"SELECT substr(id, 1, 35) || 'e', '00000000-0000-4000-8000-00000000c001', id, "
			"'00000000-0000-4000-8000-00000000p001', '2015-01-01' FROM person", &err), 0);
		hq.source = LUP_GAP_BEST;
		hq.by = LUP_HEAT_COHORT;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.nrows, 1);
		assert_string_equal(h.row_label[0], "Pilot Halland");
		assert_int_equal(h.row_people[0], 2);
		assert_int_equal(h.cells[0].pairs, 3);
		assert_int_equal(h.cells[0].below, 2);
		assert_true(h.cells[0].mean_gap > 1.33 && h.cells[0].mean_gap < 1.34);
		lup_heatmap_free(&h);

		/* A large group is read in one scan: the same figures. */
		assert_int_equal(lup_exec(db,
			"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4100) "
			"INSERT INTO person (id, name, org_unit) SELECT printf('00000000-0000-4000-8000-%012d', i), "
			"'Extra ' || i, 'Övrigt' FROM n", &err), 0);
		hq.by = LUP_HEAT_UNIT;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.nrows, 3);
		assert_string_equal(h.row_label[0], "Skola");
		assert_string_equal(h.row_label[2], "Övrigt");     /* Swedish order: Ö after V */
		assert_int_equal(h.row_people[2], 4100);
		assert_int_equal(h.cells[0].pairs, 2);
		assert_int_equal(h.cells[0].below, 1);
		assert_int_equal(h.cells[0].unassessed, 1);
		assert_true(h.cells[0].mean_gap > 0.99 && h.cells[0].mean_gap < 1.01);
		assert_int_equal(h.cells[h.ncols].pairs, 1);
		assert_true(h.cells[h.ncols].mean_gap > 1.99 && h.cells[h.ncols].mean_gap < 2.01);
		assert_int_equal(h.cells[2 * h.ncols].pairs + h.cells[2 * h.ncols].unassessed, 0);
		lup_heatmap_free(&h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_targets, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_draft_and_final, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_rating_sheet, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_due, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_due_kept, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_heat_stamp, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_gaps, setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
