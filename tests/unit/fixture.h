/* fixture.h — a fresh database with one programme and one cohort, and
 * short ways to add people, cohorts, sessions, hosts and placements, for the
 * programme tests.  Include after cmocka.h. */
#ifndef LUP_TEST_FIXTURE_H
#define LUP_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/internal.h"
#include "lup/config.h"
#include "lup/enrol.h"
#include "lup/people.h"
#include "lup/programme.h"

struct fx {
	char dir[256];
	char path[300];
	lup_db *db;
	lup_config *cfg;
	char prog[LUP_ID_SIZE];
	char cohort[LUP_ID_SIZE];   /* "Pilot Halland", 16 seats, Eva Ek and Olle Berg, open */
};

/* Ids handed back point into a ring of buffers: copy them at once. */
static inline char *fx_id_slot(void)
{
	static char ring[16][LUP_ID_SIZE];
	static int next;
	return ring[next++ % 16];
}

static inline void fx_fail(const char *what, const lup_err *err)
{
	fail_msg("%s: %s (%s)", what, err->msg, err->field);
}

static inline const char *fx_programme(struct fx *f, const char *name)
{
	struct lup_programme p = { 0 };
	lup_err err;
	char *id = fx_id_slot();
	p.name = strdup(name);
	p.target = -1;
	if (lup_programme_save(f->db, f->cfg, &p, &err) < 0)
		fx_fail("programme", &err);
	memcpy(id, p.id, LUP_ID_SIZE);
	lup_programme_clear(&p);
	return id;
}

static inline const char *fx_cohort(struct fx *f, const char *prog, const char *name, int capacity,
                                    const char *facilitators, const char *status)
{
	struct lup_cohort c = { 0 };
	lup_err err;
	char *id = fx_id_slot();
	snprintf(c.programme_id, sizeof c.programme_id, "%s", prog);
	c.name = strdup(name);
	c.capacity = capacity;
	c.facilitators = facilitators ? strdup(facilitators) : NULL;
	snprintf(c.status_override, sizeof c.status_override, "%s", status ? status : "");
	if (lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err) < 0)
		fx_fail("cohort", &err);
	memcpy(id, c.id, LUP_ID_SIZE);
	lup_cohort_clear(&c);
	return id;
}

static inline const char *fx_person(struct fx *f, const char *name)
{
	struct lup_person p = { 0 };
	lup_err err;
	char *id = fx_id_slot();
	p.name = strdup(name);
	if (lup_person_save(f->db, &p, &err) < 0)
		fx_fail("person", &err);
	memcpy(id, p.id, LUP_ID_SIZE);
	lup_person_clear(&p);
	return id;
}

static inline const char *fx_block(struct fx *f, const char *prog, const char *kind)
{
	struct lup_block b[LUP_MAX_BLOCKS];
	char *id = fx_id_slot();
	int n = lup_block_list(f->db, prog, b, LUP_MAX_BLOCKS, NULL);
	id[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!id[0] && strcmp(b[i].kind, kind) == 0)
			memcpy(id, b[i].id, LUP_ID_SIZE);
		lup_block_clear(&b[i]);
	}
	if (!id[0])
		fail_msg("no block %s", kind);
	return id;
}

/* A session of cohort in the block of that kind ("" for none). */
static inline const char *fx_session(struct fx *f, const char *cohort, const char *block_kind,
                                     const char *kind, const char *starts, const char *ends,
                                     const char *location, const char *facilitators)
{
	struct lup_session s = { 0 };
	struct lup_cohort c;
	lup_err err;
	char *id = fx_id_slot();
	if (lup_cohort_get(f->db, cohort, &c, &err) < 0)
		fx_fail("session's cohort", &err);
	snprintf(s.cohort_id, sizeof s.cohort_id, "%s", cohort);
	if (block_kind && *block_kind)
		snprintf(s.block_id, sizeof s.block_id, "%s", fx_block(f, c.programme_id, block_kind));
	lup_cohort_clear(&c);
	snprintf(s.kind, sizeof s.kind, "%s", kind);
	snprintf(s.starts_at, sizeof s.starts_at, "%s", starts);
	snprintf(s.ends_at, sizeof s.ends_at, "%s", ends);
	s.location = location ? strdup(location) : NULL;
	s.facilitators = facilitators ? strdup(facilitators) : NULL;
	if (lup_session_save(f->db, f->cfg, &s, NULL, &err) < 0)
		fx_fail("session", &err);
	memcpy(id, s.id, LUP_ID_SIZE);
	lup_session_clear(&s);
	return id;
}

/* Host organisations and placements belong to the shadowing module; the
 * tests write them directly. */
static inline const char *fx_host(struct fx *f, const char *name, const char *city)
{
	static const char sql[] =
		"INSERT INTO host_org (id, name, country, city, sort_name) VALUES (?1, ?2, 'SE', ?3, lup_sortkey(?2))";
	char *id = fx_id_slot();
	sqlite3_stmt *st;
	lup_uuid(id);
	assert_int_equal(sqlite3_prepare_v2(f->db->h, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, city, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return id;
}

static inline const char *fx_placement(struct fx *f, const char *person, const char *host,
                                       const char *start, const char *end, const char *status)
{
	static const char sql[] =
		"INSERT INTO placement (id, person_id, host_id, start_date, end_date, status, "
		"objectives, cancel_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Lära', "
		"CASE WHEN ?6 = 'cancelled' THEN 'Sjuk' END)";
	char *id = fx_id_slot();
	sqlite3_stmt *st;
	lup_uuid(id);
	assert_int_equal(sqlite3_prepare_v2(f->db->h, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, status, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return id;
}

/* The first column of a query's first row, with ?1 bound to a. */
static inline int fx_int(struct fx *f, const char *sql, const char *a)
{
	sqlite3_stmt *st;
	int v;
	assert_int_equal(sqlite3_prepare_v2(f->db->h, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static inline void fx_mark(struct fx *f, const char *session, const char *person, const char *status)
{
	lup_err err;
	if (lup_attendance_set(f->db, session, person, status, &err) < 0)
		fx_fail("attendance", &err);
}

static inline void fx_problem(void *ud, const char *problem)
{
	(void)ud;
	print_error("invariant: %s\n", problem);
}

/* lup check's problems, one a line, into a lup_buf. */
static inline void fx_collect(void *ud, const char *problem)
{
	lup_buf_printf(ud, "%s\n", problem);
}

/* lup check finds nothing wrong (the waitlist invariants among others). */
static inline void fx_sound(struct fx *f)
{
	lup_err err;
	assert_int_equal(lup_db_check(f->db, fx_problem, NULL, &err), 0);
}

static inline int fx_count_warnings(const struct lup_warnings *w, enum lup_warn_kind kind)
{
	int n = 0;
	for (size_t i = 0; i < w->n; i++)
		n += w->v[i].kind == kind;
	return n;
}

static inline int fx_has_warning(const struct lup_warnings *w, enum lup_warn_kind kind)
{
	return fx_count_warnings(w, kind) > 0;
}

static inline void fx_print_warnings(const struct lup_warnings *w)
{
	for (size_t i = 0; i < w->n; i++)
		print_message("warning %d: %s\n", (int)w->v[i].kind, w->v[i].msg);
}

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct lup_cohort c = { 0 };
	lup_err err;
	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "%s/lup-prog-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (lup_db_open(f->path, LUP_DB_CREATE, &f->db, &err) < 0 ||
	    lup_config_load(NULL, &f->cfg, NULL, NULL, &err) < 0)
		return -1;
	snprintf(f->prog, sizeof f->prog, "%s", fx_programme(f, "Ledarutveckling"));
	snprintf(c.programme_id, sizeof c.programme_id, "%s", f->prog);
	c.name = strdup("Pilot Halland");
	c.facilitators = strdup("Eva Ek, Olle Berg");
	snprintf(c.start_date, sizeof c.start_date, "2015-01-12");
	if (lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err) < 0)
		return -1;
	memcpy(f->cohort, c.id, LUP_ID_SIZE);
	lup_cohort_clear(&c);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	char p[400];
	lup_db_close(f->db);
	lup_config_free(f->cfg);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s/lup.ini", f->dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/out.ics", f->dir);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

#endif
