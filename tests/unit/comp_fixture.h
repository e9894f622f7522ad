/* comp_fixture.h — a fresh database in a temporary folder for the
 * competence tests, with short ways to import framework text, add people
 * and check-ins and count rows.  Include after cmocka.h. */
#ifndef LUP_TEST_COMP_FIXTURE_H
#define LUP_TEST_COMP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/internal.h"
#include "lup/competence.h"
#include "lup/people.h"

static char cf_dir[256];
static lup_db *db;

static inline int cf_setup(void **state)
{
	char path[512];
	lup_err err;
	(void)state;
	strcpy(cf_dir, "/tmp/lup-cf-XXXXXX");
	if (!mkdtemp(cf_dir))
		return -1;
	snprintf(path, sizeof path, "%s/data", cf_dir);
	setenv("XDG_DATA_HOME", path, 1);
	setenv("LUP_DATADIR", "share/lup", 1);
	snprintf(path, sizeof path, "%s/t.db", cf_dir);
	if (lup_db_open(path, LUP_DB_CREATE, &db, &err) < 0) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static inline int cf_teardown(void **state)
{
	char cmd[400];
	(void)state;
	lup_db_close(db);
	db = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", cf_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", cf_dir);
	return 0;
}

/* cf_setup with DigComp 2.2 and the kommun-chefer example imported: dc
 * (may be NULL) and kc get their revisions. */
static inline int cf_setup_frameworks(void **state, char dc[LUP_UUID_LEN + 1], char kc[LUP_UUID_LEN + 1])
{
	char id[LUP_UUID_LEN + 1];
	int unchanged;
	lup_err err;
	if (cf_setup(state) < 0)
		return -1;
	if (lup_framework_import_file(db, "share/lup/frameworks/digcomp-2.2.ini", dc ? dc : id, &unchanged,
	                              &err) < 0 ||
	    lup_framework_import_file(db, "share/lup/frameworks/kommun-chefer.ini", kc, &unchanged, &err) < 0) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	return 0;
}

/* The day the competence tests live on, and the day n days before it. */
#define CF_TODAY ((lup_date){ 2015, 6, 1 })
static inline void cf_days_before(int n, char out[11])
{
	lup_date_format(lup_date_add(CF_TODAY, -n), out);
}

/* A file in the test's folder. */
static inline const char *cf_path(const char *name)
{
	static char buf[4][512];
	static int i;
	char *p = buf[i++ % 4];
	snprintf(p, 512, "%s/%s", cf_dir, name);
	return p;
}

static inline void cf_write(const char *name, const char *text)
{
	FILE *fp = fopen(cf_path(name), "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Import framework text as a file; the revision's id into id (may be
 * NULL).  Fails the test when refused. */
static inline void cf_import(const char *text, char *id)
{
	char got[LUP_UUID_LEN + 1];
	int unchanged;
	lup_err err;
	cf_write("fw.ini", text);
	if (lup_framework_import_file(db, cf_path("fw.ini"), got, &unchanged, &err) < 0)
		fail_msg("import: %s", err.msg);
	if (id)
		strcpy(id, got);
}

/* The same, expected to be refused; returns the message (static). */
static inline const char *cf_refused(const char *text)
{
	static lup_err err;
	char got[LUP_UUID_LEN + 1];
	int unchanged;
	cf_write("fw.ini", text);
	if (lup_framework_import_file(db, cf_path("fw.ini"), got, &unchanged, &err) == 0)
		fail_msg("import: accepted");
	return err.msg;
}

static inline long cf_count(const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->h));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static inline void cf_exec(const char *sql)
{
	lup_err err;
	if (lup_exec(db, sql, &err) < 0)
		fail_msg("%s: %s", sql, err.msg);
}

static inline void cf_person(const char *name, const char *role, const char *unit, char id[LUP_UUID_LEN + 1])
{
	struct lup_person p;
	lup_err err;
	memset(&p, 0, sizeof p);
	p.name = strdup(name);
	p.role = role ? strdup(role) : NULL;
	p.org_unit = unit ? strdup(unit) : NULL;
	if (lup_person_save(db, &p, &err) < 0)
		fail_msg("person: %s", err.msg);
	strcpy(id, p.id);
	lup_person_clear(&p);
}

/* Change a person as lup does: a role, active (-1 leaves it), a phone
 * number, an e-mail address (NULL leaves each as it is). */
static inline void cf_set_person(const char *id, const char *role, int active, const char *phone,
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

static inline void cf_comp(const char *fwid, const char *code, char id[LUP_UUID_LEN + 1])
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT id FROM competence WHERE framework_id = ?1 AND code = ?2",
	                                    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("no competence %s", code);
	snprintf(id, LUP_UUID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* A check-in with ratings given as "1.1=3 1.2=n"; final when final is set. */
static inline void cf_checkin(const char *pid, const char *fwid, const char *date, const char *kind,
                       const char *ratings, int final, char id[LUP_UUID_LEN + 1])
{
	struct lup_checkin c;
	char buf[256], *tok, *save;
	lup_err err;
	memset(&c, 0, sizeof c);
	strcpy(c.person_id, pid);
	strcpy(c.framework_id, fwid);
	strcpy(c.date, date);
	strcpy(c.kind, kind);
	if (lup_checkin_save(db, &c, &err) < 0)
		fail_msg("checkin: %s", err.msg);
	snprintf(buf, sizeof buf, "%s", ratings);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		char code[16], cid[LUP_UUID_LEN + 1], *eq = strchr(tok, '=');
		snprintf(code, sizeof code, "%.*s", (int)(eq - tok), tok);
		cf_comp(fwid, code, cid);
		if (lup_rating_set(db, c.id, cid, eq[1] == 'n' ? LUP_LEVEL_NA : atoi(eq + 1), &err) < 0)
			fail_msg("rating %s: %s", tok, err.msg);
	}
	if (final && lup_checkin_finalize(db, c.id, &err) < 0)
		fail_msg("finalize: %s", err.msg);
	if (id)
		strcpy(id, c.id);
	lup_checkin_clear(&c);
}

/* The gap row of code for a person in a revision. */
static inline struct lup_gap_row cf_gap(const char *pid, const char *fwid, const char *code)
{
	struct lup_gap_row rows[64];
	lup_err err;
	int n = lup_gap_page(db, pid, fwid, NULL, 1, 64, rows, &err);
	if (n < 0)
		fail_msg("gaps: %s", err.msg);
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].code, code) == 0)
			return rows[i];
	fail_msg("no gap row %s", code);
	return rows[0];
}

/* What was just done happened on the day when instead: every moment
 * written now (they are all later than the days of the tests) becomes
 * that one, so that history runs from 2015 on. */
static inline void cf_happened(const char *when)
{
	char sql[1000];
	/* a target's id comes from when it came into force (lup_id_target) */
	snprintf(sql, sizeof sql,
	         "UPDATE target SET valid_to = '%s' WHERE valid_to > '2020';"
	         "UPDATE target SET valid_from = '%s', id = lup_uuid_name('target', framework_id, "
	         "(SELECT identity FROM competence c WHERE c.id = target.competence_id), "
	         "CASE WHEN role_key IS NOT NULL THEN 'role' ELSE 'person' END, coalesce(role_key, person_id), '%s') "
	         "WHERE valid_from > '2020';"
	         "UPDATE framework SET imported_at = '%s' WHERE imported_at > '2020'", when, when, when, when);
	cf_exec(sql);
}

static inline lup_config *cf_config(const char *text)
{
	lup_config *cfg;
	lup_err err;
	cf_write("lup.ini", text);
	if (lup_config_load(cf_path("lup.ini"), &cfg, NULL, NULL, &err) < 0)
		fail_msg("config: %s", err.msg);
	return cfg;
}

/* The framework of the tests: Självledarskap and its first revision. */
#define SJ_HEAD "[framework]\nid = sj\nname = Självledarskap\nversion = %s\nlevel_max = 5\n" \
	"[level 3]\nname = Kompetent\n[area SJ]\nname = Självledarskap\n" \
	"[competence SJ.1]\narea = SJ\nname = Feedback\n"

#endif
