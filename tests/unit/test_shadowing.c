/* Unit tests for the shadowing core: hosts, networks, distance bands,
 * placements and their lifecycle, warnings, the log and the lists. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
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
#include "lup/shadowing.h"

struct fx {
	char dir[64], path[96];
	lup_db *db;
	lup_config *cfg;
	char anna[37], bo[37];        /* people */
	char gdansk[37], tallinn[37]; /* hosts */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	lup_err err;
	struct lup_person p;

	snprintf(f->dir, sizeof f->dir, "/tmp/lup-shadow.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (lup_db_open(f->path, LUP_DB_CREATE, &f->db, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	if (lup_config_load(NULL, &f->cfg, NULL, NULL, &err) < 0)
		return -1;
	memset(&p, 0, sizeof p);
	p.name = strdup("Anna Östberg");
	if (lup_person_save(f->db, &p, &err) < 0)
		return -1;
	memcpy(f->anna, p.id, sizeof f->anna);
	lup_person_clear(&p);
	p.name = strdup("Bo Ek");
	if (lup_person_save(f->db, &p, &err) < 0)
		return -1;
	memcpy(f->bo, p.id, sizeof f->bo);
	lup_person_clear(&p);
	{
		struct lup_host h;
		lup_host_init(&h);
		h.name = strdup("Gdańsk City Hall");
		h.country = strdup("Polen");
		h.city = strdup("Gdańsk");
		h.capacity = 2;
		h.has_coords = 1;
		h.lat = 54.352;
		h.lon = 18.6466;
		lup_networks_add(&h.networks, "UBC", "commission", &err);
		if (lup_host_save(f->db, &h, &err) < 0) {
			fprintf(stderr, "%s\n", err.msg);
			return -1;
		}
		memcpy(f->gdansk, h.id, sizeof f->gdansk);
		lup_host_clear(&h);
		h.name = strdup("Tallinn City Office");
		h.country = strdup("EE");
		h.city = strdup("Tallinn");
		lup_networks_add(&h.networks, "Eurocities", "member", &err);
		lup_networks_add(&h.networks, "UBC", "member city", &err);
		if (lup_host_save(f->db, &h, &err) < 0)
			return -1;
		memcpy(f->tallinn, h.id, sizeof f->tallinn);
		lup_host_clear(&h);
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char p[128];
	lup_db_close(f->db);
	lup_config_free(f->cfg);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void exec(lup_db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, msg);
		sqlite3_free(msg);
		fail();
	}
}

static lup_date D(int y, int m, int d)
{
	lup_date r = { y, m, d };
	return r;
}

/* A proposed placement; returns its id in id. */
static void mkplacement(struct fx *f, const char *person, const char *host,
                        const char *start, const char *end, char id[37])
{
	struct lup_placement p;
	lup_err err;
	memset(&p, 0, sizeof p);
	memcpy(p.person_id, person, 37);
	memcpy(p.host_id, host, 37);
	p.start_date = strdup(start);
	p.end_date = strdup(end);
	if (lup_placement_save(f->db, &p, &err) < 0) {
		fprintf(stderr, "%s (%s)\n", err.msg, err.field);
		fail();
	}
	memcpy(id, p.id, 37);
	lup_placement_clear(&p);
}

/* Put a placement in a status with every precondition of every status met
 * (a fixture; the core's own moves are what the tests check). */
static void force_status(struct fx *f, const char *id, const char *status)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db->h,
		"UPDATE placement SET status = ?2, objectives = 'Learn', agreement_signed = 1, "
		"travel_booked = 1, report_received = 1, "
		"cancel_reason = CASE WHEN ?2 = 'cancelled' THEN 'fixture' END WHERE id = ?1",
		-1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static enum lup_pstatus status_of(struct fx *f, const char *id)
{
	struct lup_placement p;
	lup_err err;
	enum lup_pstatus s;
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	s = p.status;
	lup_placement_clear(&p);
	return s;
}

/* ---- Lifecycle ---- */

static int allowed(int from, int to)
{
	return (to == from + 1 && to <= LUP_PS_COMPLETED) ||
	       (to == LUP_PS_CANCELLED && from < LUP_PS_COMPLETED);
}

static const char *why(int from, int to)
{
	if (from == LUP_PS_COMPLETED || from == LUP_PS_CANCELLED)
		return "cannot change any more";
	if (from == to)
		return "already";
	if (to < from)
		return "cannot go back";
	return "one step at a time";
}

static void test_step_all_pairs(void **state)
{
	(void)state;
	for (int from = 0; from < LUP_PS_COUNT; from++)
		for (int to = 0; to < LUP_PS_COUNT; to++) {
			lup_err err;
			lup_err_clear(&err);
			int rc = lup_pstatus_step(from, to, &err);
			if (allowed(from, to)) {
				assert_int_equal(rc, 0);
			} else {
				assert_int_equal(rc, -1);
				assert_int_equal(err.code, LUP_ECONFLICT);
				if (!strstr(err.msg, why(from, to)))
					fail_msg("%s -> %s: '%s' lacks '%s'", lup_pstatus_key(from),
					         lup_pstatus_key(to), err.msg, why(from, to));
			}
		}
	/* The messages name the statuses. */
	{
		lup_err err;
		lup_pstatus_step(LUP_PS_CONFIRMED, LUP_PS_PROPOSED, &err);
		assert_non_null(strstr(err.msg, "confirmed"));
		assert_non_null(strstr(err.msg, "proposed"));
		lup_pstatus_step(LUP_PS_PROPOSED, LUP_PS_COMPLETED, &err);
		assert_non_null(strstr(err.msg, "agreed"));
		assert_non_null(strstr(err.msg, "completed"));
	}
	assert_int_equal(lup_pstatus_step(LUP_PS_COUNT, LUP_PS_AGREED, NULL), -1);
	assert_int_equal(lup_pstatus_step(LUP_PS_PROPOSED, (enum lup_pstatus)-1, NULL), -1);
}

/* The same through the database: each refused move leaves the placement
 * as it was; each allowed one (preconditions met) moves it. */
static void test_move_all_pairs(void **state)
{
	struct fx *f = *state;
	lup_date after = D(2014, 12, 1);
	for (int from = 0; from < LUP_PS_COUNT; from++)
		for (int to = 0; to < LUP_PS_COUNT; to++) {
			char id[37];
			lup_err err;
			int rc;
			mkplacement(f, f->anna, f->gdansk, "2014-09-15", "2014-09-19", id);
			force_status(f, id, lup_pstatus_key(from));
			lup_err_clear(&err);
			rc = lup_placement_move(f->db, id, to, after, "a reason", &err);
			if (allowed(from, to)) {
				assert_int_equal(rc, 0);
				assert_int_equal(status_of(f, id), to);
			} else {
				assert_int_equal(rc, -1);
				assert_int_equal(err.code, LUP_ECONFLICT);
				assert_non_null(strstr(err.msg, why(from, to)));
				assert_int_equal(status_of(f, id), from);
			}
			assert_int_equal(lup_placement_delete(f->db, id, &err), 0);
		}
}

static void test_preconditions(void **state)
{
	struct fx *f = *state;
	struct lup_placement p;
	char id[37];
	lup_err err;

	mkplacement(f, f->anna, f->gdansk, "2014-09-15", "2014-09-19", id);
	/* agreed needs objectives */
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_AGREED, D(2014, 1, 1), NULL, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_string_equal(err.field, "objectives");
	assert_non_null(strstr(err.msg, "cannot be agreed yet"));
	assert_non_null(strstr(err.msg, "objectives"));
	assert_int_equal(status_of(f, id), LUP_PS_PROPOSED);

	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	p.objectives = strdup("  Digital services in a Polish city  ");
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_AGREED, D(2014, 1, 1), NULL, &err), 0);

	/* confirmed needs the agreement signed and the travel booked: both
	 * named when both are missing, each alone when one is */
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_CONFIRMED, D(2014, 1, 1), NULL, &err), -1);
	assert_string_equal(err.field, "agreement_signed");
	assert_non_null(strstr(err.msg, "cannot be confirmed yet"));
	assert_non_null(strstr(err.msg, "not signed"));
	assert_non_null(strstr(err.msg, "not booked"));
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	p.agreement_signed = 1;
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_CONFIRMED, D(2014, 1, 1), NULL, &err), -1);
	assert_string_equal(err.field, "travel_booked");
	assert_null(strstr(err.msg, "not signed"));
	assert_non_null(strstr(err.msg, "not booked"));
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	p.agreement_signed = 0;
	p.travel_booked = 1;
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_CONFIRMED, D(2014, 1, 1), NULL, &err), -1);
	assert_string_equal(err.field, "agreement_signed");
	assert_null(strstr(err.msg, "not booked"));
	p.agreement_signed = 1;
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_CONFIRMED, D(2014, 1, 1), NULL, &err), 0);

	/* completed needs the end date passed and the report received */
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_COMPLETED, D(2014, 9, 19), NULL, &err), -1);
	assert_non_null(strstr(err.msg, "cannot be marked completed yet"));
	assert_non_null(strstr(err.msg, "end date 2014-09-19 has not passed"));
	assert_non_null(strstr(err.msg, "report"));
	assert_string_equal(err.field, "end_date");
	/* the day after: only the report is missing */
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_COMPLETED, D(2014, 9, 20), NULL, &err), -1);
	assert_null(strstr(err.msg, "has not passed"));
	assert_non_null(strstr(err.msg, "report has not been received"));
	assert_string_equal(err.field, "report_received");
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	p.report_received = 1;
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);
	/* with the report, the end date alone still stops it */
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_COMPLETED, D(2014, 9, 19), NULL, &err), -1);
	assert_null(strstr(err.msg, "report"));
	assert_int_equal(status_of(f, id), LUP_PS_CONFIRMED);
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_COMPLETED, D(2014, 9, 20), NULL, &err), 0);
	assert_int_equal(status_of(f, id), LUP_PS_COMPLETED);

	/* What a status needed stays true: no unticking the report now */
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	p.report_received = 0;
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "report_received");
	p.report_received = 1;
	free(p.objectives);
	p.objectives = strdup("   ");
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "objectives");
	free(p.objectives);
	p.objectives = strdup("Learn");
	p.travel_booked = 0;
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "travel_booked");
	p.travel_booked = 1;
	free(p.reflection);
	p.reflection = strdup("Much learned.");
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	assert_int_equal(p.status, LUP_PS_COMPLETED);
	lup_placement_clear(&p);
}

static void test_advance(void **state)
{
	struct fx *f = *state;
	struct lup_placement p;
	enum lup_pstatus now;
	char id[37], changed[21];
	lup_err err;

	mkplacement(f, f->bo, f->tallinn, "2014-10-06", "2014-10-10", id);
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	assert_true(p.status_changed_at[0] != '\0');
	memcpy(changed, p.status_changed_at, sizeof changed);
	p.objectives = strdup("e-services");
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);

	assert_int_equal(lup_placement_advance(f->db, id, D(2014, 5, 1), &now, &err), 0);
	assert_int_equal(now, LUP_PS_AGREED);
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	assert_int_equal(p.status, LUP_PS_AGREED);
	assert_true(strcmp(p.status_changed_at, changed) >= 0);
	/* The next step's preconditions are checked too. */
	lup_placement_clear(&p);
	assert_int_equal(lup_placement_advance(f->db, id, D(2014, 5, 1), &now, &err), -1);
	assert_non_null(strstr(err.msg, "cannot be confirmed yet"));
	assert_int_equal(status_of(f, id), LUP_PS_AGREED);
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	p.agreement_signed = p.travel_booked = p.report_received = 1;
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);
	assert_int_equal(lup_placement_advance(f->db, id, D(2014, 5, 1), &now, &err), 0);
	assert_int_equal(now, LUP_PS_CONFIRMED);
	assert_int_equal(lup_placement_advance(f->db, id, D(2014, 10, 11), &now, &err), 0);
	assert_int_equal(now, LUP_PS_COMPLETED);
	assert_int_equal(lup_placement_advance(f->db, id, D(2014, 10, 11), &now, &err), -1);
	assert_non_null(strstr(err.msg, "cannot change any more"));
	assert_int_equal(lup_pstatus_next(LUP_PS_COMPLETED), -1);
	assert_int_equal(lup_pstatus_next(LUP_PS_CANCELLED), -1);
	assert_int_equal(lup_pstatus_next(LUP_PS_PROPOSED), LUP_PS_AGREED);
}

static void test_cancel(void **state)
{
	struct fx *f = *state;
	struct lup_placement p;
	struct lup_placement_row rows[4];
	struct lup_placement_query q = { .status = LUP_PS_CANCELLED };
	char id[37];
	lup_err err;

	mkplacement(f, f->anna, f->tallinn, "2014-11-03", "2014-11-07", id);
	assert_int_equal(lup_placement_cancel(f->db, id, NULL, &err), -1);
	assert_string_equal(err.field, "cancel_reason");
	assert_non_null(strstr(err.msg, "needs a reason"));
	assert_int_equal(lup_placement_cancel(f->db, id, " \t ", &err), -1);
	assert_int_equal(status_of(f, id), LUP_PS_PROPOSED);
	assert_int_equal(lup_placement_cancel(f->db, id, "  The host had to withdraw.  ", &err), 0);
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	assert_int_equal(p.status, LUP_PS_CANCELLED);
	assert_string_equal(p.cancel_reason, "The host had to withdraw.");
	/* Saving keeps the reason and the status. */
	free(p.mentor);
	p.mentor = strdup("Jan Kowalski");
	free(p.cancel_reason);
	p.cancel_reason = NULL;
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	lup_placement_clear(&p);
	assert_int_equal(lup_placement_get(f->db, id, &p, &err), 0);
	assert_int_equal(p.status, LUP_PS_CANCELLED);
	assert_string_equal(p.cancel_reason, "The host had to withdraw.");
	assert_string_equal(p.mentor, "Jan Kowalski");
	lup_placement_clear(&p);
	/* Nothing after cancelled, not even cancelling again. */
	assert_int_equal(lup_placement_cancel(f->db, id, "again", &err), -1);
	assert_non_null(strstr(err.msg, "cannot change any more"));
	assert_int_equal(lup_placement_move(f->db, id, LUP_PS_PROPOSED, D(2014, 1, 1), NULL, &err), -1);
	/* The list shows it with its reason. */
	q.person_id = f->anna;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 4, rows, &err), 1);
	assert_string_equal(rows[0].id, id);
	assert_string_equal(rows[0].cancel_reason, "The host had to withdraw.");
	/* Cancelling from confirmed works too. */
	mkplacement(f, f->anna, f->tallinn, "2015-11-03", "2015-11-07", id);
	force_status(f, id, "confirmed");
	assert_int_equal(lup_placement_cancel(f->db, id, "Ill", &err), 0);
	assert_int_equal(status_of(f, id), LUP_PS_CANCELLED);
}

/* ---- Distance bands ---- */

static void test_bands(void **state)
{
	static const struct { double km; enum lup_band b; } edges[] = {
		{ 0, LUP_BAND_NONE }, { 9.99, LUP_BAND_NONE }, { 10, LUP_BAND_10 },
		{ 99.9, LUP_BAND_10 }, { 99.999, LUP_BAND_10 }, { 100, LUP_BAND_100 },
		{ 499, LUP_BAND_100 }, { 499.9, LUP_BAND_100 }, { 500, LUP_BAND_500 },
		{ 1999, LUP_BAND_500 }, { 1999.9, LUP_BAND_500 }, { 2000, LUP_BAND_2000 },
		{ 2999.9, LUP_BAND_2000 }, { 3000, LUP_BAND_3000 }, { 3999.9, LUP_BAND_3000 },
		{ 4000, LUP_BAND_4000 }, { 7999, LUP_BAND_4000 }, { 7999.9, LUP_BAND_4000 },
		{ 8000, LUP_BAND_8000 }, { 20000, LUP_BAND_8000 }, { -5, LUP_BAND_NONE },
	};
	char label[64];
	(void)state;
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
		if (lup_distance_band(edges[i].km) != edges[i].b)
			fail_msg("%.3f km: band %d, expected %d", edges[i].km,
			         lup_distance_band(edges[i].km), edges[i].b);
	assert_int_equal(lup_distance_band(NAN), LUP_BAND_NONE);
	/* Grants, standard and green */
	assert_int_equal(lup_band_grant(LUP_BAND_NONE, 0), 0);
	assert_int_equal(lup_band_grant(LUP_BAND_10, 0), 23);
	assert_int_equal(lup_band_grant(LUP_BAND_10, 1), 23);   /* no green rate */
	assert_int_equal(lup_band_grant(LUP_BAND_100, 0), 180);
	assert_int_equal(lup_band_grant(LUP_BAND_100, 1), 210);
	assert_int_equal(lup_band_grant(LUP_BAND_500, 1), 320);
	assert_int_equal(lup_band_grant(LUP_BAND_2000, 0), 360);
	assert_int_equal(lup_band_grant(LUP_BAND_3000, 1), 610);
	assert_int_equal(lup_band_grant(LUP_BAND_4000, 1), 820);
	assert_int_equal(lup_band_grant(LUP_BAND_8000, 0), 1500);
	assert_int_equal(lup_band_info(LUP_BAND_500)->max_km, 1999);
	lup_band_label(LUP_BAND_500, label, sizeof label);
	assert_string_equal(label, "500–1999 km");
	lup_band_label(LUP_BAND_8000, label, sizeof label);
	assert_string_equal(label, "8000 km or more");
	lup_band_label(LUP_BAND_NONE, label, sizeof label);
	assert_string_equal(label, "under 10 km");
}

static void test_distance(void **state)
{
	struct fx *f = *state;
	double km;
	(void)state;
	/* Kungsbacka (the default home) to Gdańsk: 537 km by the haversine
	 * formula on a 6371 km sphere. */
	km = lup_home_distance_km(f->cfg, 54.352, 18.6466);
	assert_true(km > 530 && km < 545);
	assert_int_equal(lup_distance_band(km), LUP_BAND_500);
	/* Kungsbacka to Drakenstein (Paarl), the ICLD partner: over 8000 km */
	km = lup_home_distance_km(f->cfg, -33.7342, 18.9621);
	assert_true(km > 10100 && km < 10250);
	assert_int_equal(lup_distance_band(km), LUP_BAND_8000);
	/* Kungsbacka to Tallinn */
	km = lup_home_distance_km(f->cfg, 59.437, 24.7536);
	assert_true(km > 755 && km < 780);
	/* No distance; half the circumference; one degree of longitude at the
	 * equator */
	assert_true(lup_distance_km(10, 20, 10, 20) < 1e-9);
	assert_true(fabs(lup_distance_km(0, 0, 0, 180) - M_PI * 6371) < 1e-6);
	assert_true(fabs(lup_distance_km(0, 0, 0, 1) - 111.195) < 0.01);
	assert_true(fabs(lup_distance_km(90, 0, -90, 0) - M_PI * 6371) < 1e-6);
}

static void test_coords(void **state)
{
	static const struct { const char *in; double lat, lon; } good[] = {
		{ "54.352, 18.6466", 54.352, 18.6466 },
		{ "54.352 18.6466", 54.352, 18.6466 },
		{ "54.352,18.6466", 54.352, 18.6466 },
		{ "54,352 18,6466", 54.352, 18.6466 },
		{ "54.352N 18.6466E", 54.352, 18.6466 },
		{ "33.73S, 18.96E", -33.73, 18.96 },
		{ "-33.73; 18.96", -33.73, 18.96 },
		{ "40.7° N, 74.0° W", 0, 0 },  /* not accepted: space before N */
		{ "40.7°N, 74.0°W", 40.7, -74.0 },
		{ "59.33 18.06Ö", 59.33, 18.06 },
	};
	static const char *const bad[] = {
		"54.352", "abc", "54.352, 18.6466, 3", "91, 10", "10, 181", "54.3S4, 1",
		"1,2,3", "54.35X, 18.6", "N, E", "54.35E, 18.6N",
	};
	int has;
	double lat, lon;
	lup_err err;
	char buf[64];
	(void)state;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int rc = lup_coords_parse(good[i].in, &has, &lat, &lon, &err);
		if (good[i].lat == 0 && good[i].lon == 0) {
			assert_int_equal(rc, -1);
			continue;
		}
		if (rc != 0)
			fail_msg("'%s': %s", good[i].in, err.msg);
		assert_int_equal(has, 1);
		assert_true(fabs(lat - good[i].lat) < 1e-9);
		assert_true(fabs(lon - good[i].lon) < 1e-9);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (lup_coords_parse(bad[i], &has, &lat, &lon, &err) == 0)
			fail_msg("'%s' was accepted", bad[i]);
		assert_string_equal(err.field, "coords");
	}
	assert_int_equal(lup_coords_parse("  ", &has, &lat, &lon, &err), 0);
	assert_int_equal(has, 0);
	lup_coords_format(54.352, 18.6466, buf, sizeof buf);
	assert_string_equal(buf, "54.352, 18.6466");
	lup_coords_format(-33.5, -0.25, buf, sizeof buf);
	assert_string_equal(buf, "-33.5, -0.25");
	lup_coords_format(0, 10, buf, sizeof buf);
	assert_string_equal(buf, "0.0, 10.0");
}

/* ---- Warnings ---- */

static int has_warning(const struct lup_pwarnings *w, const char *text)
{
	for (int i = 0; i < w->n; i++)
		if (strstr(w->msg[i], text))
			return 1;
	return 0;
}

static void warnings_for(struct fx *f, const char *person, const char *host, const char *start,
                         const char *end, struct lup_pwarnings *w)
{
	struct lup_placement p;
	lup_err err;
	memset(&p, 0, sizeof p);
	memcpy(p.person_id, person, 37);
	memcpy(p.host_id, host, 37);
	p.start_date = strdup(start);
	p.end_date = strdup(end);
	assert_true(lup_placement_warnings(f->db, f->cfg, &p, w, &err) >= 0);
	lup_placement_clear(&p);
}

static void test_duration_warnings(void **state)
{
	struct fx *f = *state;
	struct lup_pwarnings w;
	lup_config *cfg;
	lup_err err;
	char ini[128];
	FILE *fp;

	warnings_for(f, f->anna, f->tallinn, "2016-03-01", "2016-03-01", &w);   /* 1 day */
	assert_true(has_warning(&w, "the stay is 1 day: "));
	assert_false(has_warning(&w, "1 days"));
	assert_true(has_warning(&w, "at least 2 days"));
	warnings_for(f, f->anna, f->tallinn, "2016-03-01", "2016-03-02", &w);   /* 2 days */
	assert_int_equal(w.n, 0);
	warnings_for(f, f->anna, f->tallinn, "2016-03-01", "2016-04-29", &w);   /* 60 days (leap) */
	assert_int_equal(lup_placement_days("2016-03-01", "2016-04-29"), 60);
	assert_int_equal(w.n, 0);
	warnings_for(f, f->anna, f->tallinn, "2016-03-01", "2016-04-30", &w);   /* 61 days */
	assert_true(has_warning(&w, "the stay is 61 days"));
	assert_true(has_warning(&w, "at most 60 days"));
	assert_int_equal(w.n, 1);

	/* The limits come from config. */
	snprintf(ini, sizeof ini, "%s/lup.ini", f->dir);
	fp = fopen(ini, "w");
	assert_non_null(fp);
	fputs("[shadowing]\nmin_days = 3\nmax_days = 10\n", fp);
	fclose(fp);
	assert_int_equal(lup_config_load(ini, &cfg, NULL, NULL, &err), 0);
	{
		struct lup_placement p;
		memset(&p, 0, sizeof p);
		memcpy(p.host_id, f->tallinn, 37);
		p.start_date = strdup("2016-03-01");
		p.end_date = strdup("2016-03-02");
		assert_int_equal(lup_placement_warnings(f->db, cfg, &p, &w, &err), 1);
		assert_true(has_warning(&w, "at least 3 days"));
		free(p.end_date);
		p.end_date = strdup("2016-03-11");
		assert_int_equal(lup_placement_warnings(f->db, cfg, &p, &w, &err), 1);
		assert_true(has_warning(&w, "at most 10 days"));
		/* Without a config, the built-in defaults. */
		assert_int_equal(lup_placement_warnings(f->db, NULL, &p, &w, &err), 0);
		/* Travel days beyond what Erasmus+ funds. */
		p.travel_days = 3;
		assert_int_equal(lup_placement_warnings(f->db, NULL, &p, &w, &err), 1);
		assert_true(has_warning(&w, "3 travel days"));
		p.green_travel = 1;
		assert_int_equal(lup_placement_warnings(f->db, NULL, &p, &w, &err), 0);
		lup_placement_clear(&p);
	}
	lup_config_free(cfg);
	unlink(ini);
}

static void test_capacity_warning(void **state)
{
	struct fx *f = *state;
	struct lup_pwarnings w;
	struct lup_placement p;
	struct lup_host_stats hs;
	char a[37], b[37], c[37];
	lup_err err;

	/* Gdańsk takes 2 a year. */
	mkplacement(f, f->anna, f->gdansk, "2017-03-06", "2017-03-10", a);
	warnings_for(f, f->bo, f->gdansk, "2017-09-04", "2017-09-08", &w);
	assert_int_equal(w.n, 0);
	mkplacement(f, f->bo, f->gdansk, "2017-09-04", "2017-09-08", b);
	/* A saved placement does not count itself twice. */
	assert_int_equal(lup_placement_get(f->db, b, &p, &err), 0);
	assert_int_equal(lup_placement_warnings(f->db, f->cfg, &p, &w, &err), 0);
	lup_placement_clear(&p);
	/* A third in 2017 is over; one in 2018 is not. */
	warnings_for(f, f->anna, f->gdansk, "2017-11-06", "2017-11-10", &w);
	assert_int_equal(w.n, 1);
	assert_true(has_warning(&w, "Gdańsk City Hall takes 2 placements a year"));
	assert_true(has_warning(&w, "it has 3 in 2017"));
	warnings_for(f, f->anna, f->gdansk, "2018-01-08", "2018-01-12", &w);
	assert_int_equal(w.n, 0);
	assert_int_equal(lup_host_stats(f->db, f->gdansk, 2017, &hs, &err), 0);
	assert_int_equal(hs.year_count, 2);
	assert_int_equal(hs.left, 0);
	assert_int_equal(hs.capacity, 2);
	/* A cancelled placement frees its place. */
	assert_int_equal(lup_placement_cancel(f->db, a, "Moved to 2018", &err), 0);
	warnings_for(f, f->anna, f->gdansk, "2017-11-06", "2017-11-10", &w);
	assert_int_equal(w.n, 0);
	assert_int_equal(lup_host_stats(f->db, f->gdansk, 2017, &hs, &err), 0);
	assert_int_equal(hs.year_count, 1);
	assert_int_equal(hs.left, 1);
	assert_int_equal(hs.by_status[LUP_PS_CANCELLED], 1);
	assert_int_equal(hs.by_status[LUP_PS_PROPOSED], 1);
	/* A host without a capacity never warns. */
	mkplacement(f, f->anna, f->tallinn, "2017-03-06", "2017-03-10", c);
	warnings_for(f, f->bo, f->tallinn, "2017-04-03", "2017-04-07", &w);
	assert_int_equal(w.n, 0);
	/* A cancelled placement has no warnings at all. */
	assert_int_equal(lup_placement_get(f->db, a, &p, &err), 0);
	free(p.end_date);
	p.end_date = strdup(p.start_date);
	assert_int_equal(lup_placement_warnings(f->db, f->cfg, &p, &w, &err), 0);
	lup_placement_clear(&p);
}

static void test_overlap_warnings(void **state)
{
	struct fx *f = *state;
	struct lup_pwarnings w;
	struct lup_placement p;
	char a[37], sql[512];
	lup_err err;

	/* Anna is enrolled in a cohort with a course day on 2019-09-17. */
	exec(f->db, "INSERT INTO programme (id, name) VALUES "
	            "('00000000-0000-4000-8000-000000000001', 'LUP')");
	exec(f->db, "INSERT INTO cohort (id, programme_id, name) VALUES "
	            "('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Pilot Halland')");
	exec(f->db, "INSERT INTO session (id, cohort_id, title, starts_at, ends_at) VALUES "
	            "('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', "
	            "'UL part 1, day 2', '2019-09-17 09:00', '2019-09-17 16:00')");
	snprintf(sql, sizeof sql,
	         "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at) "
	         "VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000002', "
	         "'%s', '00000000-0000-4000-8000-000000000001', 'enrolled', '2019-01-01')", f->anna);
	exec(f->db, sql);

	warnings_for(f, f->anna, f->tallinn, "2019-09-16", "2019-09-20", &w);
	assert_int_equal(w.n, 1);
	assert_true(has_warning(&w, "UL part 1, day 2"));
	assert_true(has_warning(&w, "Pilot Halland"));
	assert_true(has_warning(&w, "2019-09-17"));
	/* The edges: ending the day before, starting the day after */
	warnings_for(f, f->anna, f->tallinn, "2019-09-12", "2019-09-16", &w);
	assert_int_equal(w.n, 0);
	warnings_for(f, f->anna, f->tallinn, "2019-09-18", "2019-09-22", &w);
	assert_int_equal(w.n, 0);
	warnings_for(f, f->anna, f->tallinn, "2019-09-17", "2019-09-18", &w);
	assert_int_equal(w.n, 1);
	/* Bo is not enrolled. */
	warnings_for(f, f->bo, f->tallinn, "2019-09-16", "2019-09-20", &w);
	assert_int_equal(w.n, 0);
	/* Withdrawn: the sessions are no longer hers. */
	exec(f->db, "UPDATE enrolment SET status = 'withdrawn'");
	warnings_for(f, f->anna, f->tallinn, "2019-09-16", "2019-09-20", &w);
	assert_int_equal(w.n, 0);

	/* Another placement of hers overlapping */
	mkplacement(f, f->anna, f->gdansk, "2019-09-19", "2019-09-25", a);
	warnings_for(f, f->anna, f->tallinn, "2019-09-16", "2019-09-20", &w);
	assert_int_equal(w.n, 1);
	assert_true(has_warning(&w, "another placement at Gdańsk City Hall"));
	assert_true(has_warning(&w, "2019-09-19"));
	warnings_for(f, f->anna, f->tallinn, "2019-09-26", "2019-09-30", &w);
	assert_int_equal(w.n, 0);
	/* Not with itself */
	assert_int_equal(lup_placement_get(f->db, a, &p, &err), 0);
	assert_int_equal(lup_placement_warnings(f->db, f->cfg, &p, &w, &err), 0);
	lup_placement_clear(&p);
	/* Not with a cancelled one */
	assert_int_equal(lup_placement_cancel(f->db, a, "Clash", &err), 0);
	warnings_for(f, f->anna, f->tallinn, "2019-09-16", "2019-09-20", &w);
	assert_int_equal(w.n, 0);
}

/* ---- Networks ---- */

static void test_networks(void **state)
{
	struct lup_network nets[LUP_NETWORKS_MAX];
	char *json = NULL, text[256];
	lup_err err;
	(void)state;

	assert_int_equal(lup_networks_parse(NULL, nets, LUP_NETWORKS_MAX, &err), 0);
	assert_int_equal(lup_networks_parse(" [ ] ", nets, LUP_NETWORKS_MAX, &err), 0);
	assert_int_equal(lup_networks_add(&json, "Eurocities", "associate partner", &err), 0);
	assert_string_equal(json, "[{\"network\":\"Eurocities\",\"role\":\"associate partner\"}]");
	assert_int_equal(lup_networks_add(&json, " UBC ", "commission", &err), 0);
	assert_int_equal(lup_networks_add(&json, "Twin town", NULL, &err), 0);
	assert_int_equal(lup_networks_parse(json, nets, LUP_NETWORKS_MAX, &err), 3);
	assert_string_equal(nets[1].network, "UBC");
	assert_string_equal(nets[1].role, "commission");
	assert_string_equal(nets[2].role, "");
	/* The same network again changes its role (names ignore case). */
	assert_int_equal(lup_networks_add(&json, "EUROCITIES", "member", &err), 0);
	assert_int_equal(lup_networks_parse(json, nets, LUP_NETWORKS_MAX, &err), 3);
	assert_string_equal(nets[0].network, "Eurocities");
	assert_string_equal(nets[0].role, "member");
	lup_networks_text(json, 1, text, sizeof text);
	assert_string_equal(text, "Eurocities (member), UBC (commission), Twin town");
	lup_networks_text(json, 0, text, sizeof text);
	assert_string_equal(text, "Eurocities, UBC, Twin town");
	/* Remove */
	assert_int_equal(lup_networks_remove(&json, "ubc", &err), 0);
	assert_int_equal(lup_networks_parse(json, nets, LUP_NETWORKS_MAX, &err), 2);
	assert_string_equal(nets[1].network, "Twin town");
	assert_int_equal(lup_networks_remove(&json, "ICLD partnership", &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_networks_add(&json, "  ", "member", &err), -1);
	assert_string_equal(err.field, "networks");
	assert_int_equal(lup_networks_remove(&json, "Eurocities", &err), 0);
	assert_int_equal(lup_networks_remove(&json, "Twin town", &err), 0);
	assert_string_equal(json, "[]");
	/* Quotes, backslashes and non-ASCII survive the round trip. */
	assert_int_equal(lup_networks_add(&json, "Nätverket \"Öst\\Väst\"", "ordförande", &err), 0);
	assert_int_equal(lup_networks_parse(json, nets, LUP_NETWORKS_MAX, &err), 1);
	assert_string_equal(nets[0].network, "Nätverket \"Öst\\Väst\"");
	assert_string_equal(nets[0].role, "ordförande");
	/* Names and roles are one line. */
	assert_int_equal(lup_networks_add(&json, "UBC", "a\tb", &err), -1);
	assert_int_equal(lup_networks_add(&json, "U\nBC", "", &err), -1);
	assert_int_equal(lup_networks_parse(json, nets, LUP_NETWORKS_MAX, &err), 1);
	free(json);
	json = NULL;

	/* Escapes, null roles, white space */
	assert_int_equal(lup_networks_parse(
		" [ {\"role\": null, \"network\": \"\\u00c5land \\ud83d\\ude00\"} ] ",
		nets, LUP_NETWORKS_MAX, &err), 1);
	assert_string_equal(nets[0].network, "Åland \xf0\x9f\x98\x80");
	assert_string_equal(nets[0].role, "");
}

static void test_networks_invalid(void **state)
{
	static const char *const bad[] = {
		"{}", "[1]", "[{}]", "[{\"network\":\"\"}]", "[{\"network\":\"  \"}]",
		"[{\"role\":\"member\"}]", "[{\"network\":\"A\",\"extra\":\"x\"}]",
		"[{\"network\":\"A\",\"network\":\"B\"}]", "[{\"network\":\"A\"},{\"network\":\"a\"}]",
		"[{\"network\":\"A\"}] x", "[{\"network\":\"A\"},]", "[{\"network\":\"A\"}",
		"[{\"network\":A}]", "[{\"network\":\"A\\x\"}]", "[{\"network\":\"\\ud800\"}]",
		"[{\"network\":\"\\u0000\"}]", "[{\"network\":\"A\",\"role\":5}]",
		"[{\"network\":\"\xff\"}]", "[{\"network\":\"a\\nb\"}]", "[{\"network\":\"A\",\"role\":\"\\u001f\"}]", "[{\"network\":\"a\nb\"}]", "[\"Eurocities\"]", "null",
		"[{\"network\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]",
	};
	lup_err err;
	char *json;
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		lup_err_clear(&err);
		if (lup_networks_validate(bad[i], &err) == 0)
			fail_msg("accepted: %s", bad[i]);
		assert_string_equal(err.field, "networks");
		assert_true(err.msg[0] != '\0');
	}
	/* add on broken JSON fails and leaves it */
	json = strdup("[1]");
	assert_int_equal(lup_networks_add(&json, "UBC", "", &err), -1);
	assert_string_equal(json, "[1]");
	free(json);
}

/* ---- Hosts ---- */

static void test_host_validation(void **state)
{
	struct fx *f = *state;
	struct lup_host h;
	lup_err err;

	lup_host_init(&h);
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "name");
	h.name = strdup("  Riga City Council ");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "country");
	h.country = strdup("Atlantis");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "country");
	assert_non_null(strstr(err.msg, "Atlantis"));
	free(h.country);
	h.country = strdup("lettland");
	snprintf(h.type, sizeof h.type, "castle");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "type");
	snprintf(h.type, sizeof h.type, "Municipality");
	h.contact_email = strdup("not an address");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "contact_email");
	free(h.contact_email);
	h.contact_email = strdup("visits@riga.lv");
	h.capacity = -2;
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "capacity");
	h.capacity = 3;
	h.agreement_start = strdup("2014-02-30");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "agreement_start");
	free(h.agreement_start);
	h.agreement_start = strdup("2014-06-01");
	h.agreement_end = strdup("2014-01-01");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "agreement_end");
	free(h.agreement_end);
	h.agreement_end = strdup("2016-12-31");
	h.networks = strdup("[{\"network\": 3}]");
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "networks");
	free(h.networks);
	h.networks = strdup(" [ {\"network\": \"UBC\", \"role\": \"commission\"} ] ");
	h.has_coords = 1;
	h.lat = 95;
	assert_int_equal(lup_host_save(f->db, &h, &err), -1);
	assert_string_equal(err.field, "coords");
	h.lat = 56.9496;
	h.lon = 24.1052;
	h.themes = strdup("e-services; open data");
	assert_int_equal(lup_host_save(f->db, &h, &err), 0);
	/* Saved tidy: the code, the keyword, the canonical networks */
	assert_string_equal(h.country, "LV");
	assert_string_equal(h.type, "municipality");
	assert_string_equal(h.name, "Riga City Council");
	assert_string_equal(h.networks, "[{\"network\":\"UBC\",\"role\":\"commission\"}]");
	{
		struct lup_host g;
		char id[37];
		assert_int_equal(lup_host_get(f->db, h.id, &g, &err), 0);
		assert_string_equal(g.country, "LV");
		assert_int_equal(g.capacity, 3);
		assert_int_equal(g.has_coords, 1);
		assert_true(fabs(g.lat - 56.9496) < 1e-9);
		assert_string_equal(g.agreement_end, "2016-12-31");
		assert_string_equal(g.contact_email, "visits@riga.lv");
		lup_host_clear(&g);
		assert_int_equal(lup_host_find(f->db, "riga city council", id, &err), 0);
		assert_string_equal(id, h.id);
		memcpy(id, h.id, 8);
		id[8] = '\0';
		assert_int_equal(lup_host_find(f->db, id, id, &err), 0);
		assert_string_equal(id, h.id);
		assert_int_equal(lup_host_find(f->db, "Nowhere", id, &err), -1);
		assert_int_equal(err.code, LUP_ENOTFOUND);
	}
	/* Capacity -1 clears it; removing the coordinates */
	h.capacity = -1;
	h.has_coords = 0;
	assert_int_equal(lup_host_save(f->db, &h, &err), 0);
	{
		struct lup_host g;
		assert_int_equal(lup_host_get(f->db, h.id, &g, &err), 0);
		assert_int_equal(g.capacity, -1);
		assert_int_equal(g.has_coords, 0);
		lup_host_clear(&g);
	}
	/* A host with placements stays */
	{
		char pid[37];
		mkplacement(f, f->anna, h.id, "2020-01-13", "2020-01-17", pid);
		assert_int_equal(lup_host_delete(f->db, h.id, &err), -1);
		assert_int_equal(err.code, LUP_ECONFLICT);
		assert_int_equal(lup_placement_delete(f->db, pid, &err), 0);
		assert_int_equal(lup_host_delete(f->db, h.id, &err), 0);
		assert_int_equal(lup_host_delete(f->db, h.id, &err), -1);
		assert_int_equal(err.code, LUP_ENOTFOUND);
	}
	lup_host_clear(&h);
	assert_int_equal(lup_host_type_parse("NGO"), LUP_HT_NGO);
	assert_int_equal(lup_host_type_parse("kommun"), -1);
	assert_string_equal(lup_host_type_label(LUP_HT_AGENCY), "government agency");
}

static void test_placement_validation(void **state)
{
	struct fx *f = *state;
	struct lup_placement p;
	lup_err err;

	memset(&p, 0, sizeof p);
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "person");
	snprintf(p.person_id, sizeof p.person_id, "%s", "00000000-0000-4000-8000-00000000dead");
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "person");
	memcpy(p.person_id, f->anna, 37);
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "host");
	memcpy(p.host_id, f->gdansk, 37);
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "start_date");
	p.start_date = strdup("2021-13-01");
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "start_date");
	free(p.start_date);
	p.start_date = strdup("2021-05-10");
	p.end_date = strdup("2021-05-09");
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "end_date");
	free(p.end_date);
	p.end_date = strdup("2021-05-14");
	p.travel_days = 15;
	assert_int_equal(lup_placement_save(f->db, &p, &err), -1);
	assert_string_equal(err.field, "travel_days");
	p.travel_days = 2;
	p.green_travel = 1;
	p.mentor = strdup("Ewa Nowak");
	assert_int_equal(lup_placement_save(f->db, &p, &err), 0);
	assert_int_equal(p.status, LUP_PS_PROPOSED);
	assert_true(p.id[0] != '\0');
	lup_placement_clear(&p);
}

static void test_log(void **state)
{
	struct fx *f = *state;
	struct lup_log_row rows[4];
	char pid[37], id1[37], id2[37], date[11];
	char *text, big[1200];
	lup_err err;

	mkplacement(f, f->bo, f->tallinn, "2022-05-09", "2022-05-13", pid);
	assert_int_equal(lup_placement_log_add(f->db, pid, "2022-05-10", "  ", id1, &err), -1);
	assert_string_equal(err.field, "text");
	assert_int_equal(lup_placement_log_add(f->db, pid, "2022-05-32", "x", id1, &err), -1);
	assert_string_equal(err.field, "date");
	assert_int_equal(lup_placement_log_add(f->db, "00000000-0000-4000-8000-00000000dead",
	                                       "2022-05-10", "x", id1, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_placement_log_add(f->db, pid, "2022-05-11", "Day 2: the service desk.",
	                                       id2, &err), 0);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(lup_placement_log_add(f->db, pid, "2022-05-10", big, id1, &err), 0);
	assert_int_equal(lup_placement_log_page(f->db, pid, NULL, 1, 4, rows, &err), 2);
	assert_string_equal(rows[0].id, id1);    /* by date */
	assert_int_equal(rows[0].cut, 1);
	assert_int_equal(strlen(rows[0].text), sizeof rows[0].text - 1);
	assert_string_equal(rows[1].text, "Day 2: the service desk.");
	assert_int_equal(rows[1].cut, 0);
	/* Paging on from the first row, and back from the second */
	assert_int_equal(lup_placement_log_page(f->db, pid, &rows[0], 1, 4, rows + 2, &err), 1);
	assert_string_equal(rows[2].id, id2);
	assert_int_equal(lup_placement_log_page(f->db, pid, &rows[1], -1, 4, rows + 2, &err), 1);
	assert_string_equal(rows[2].id, id1);
	assert_int_equal(lup_placement_log_update(f->db, id2, "2022-05-12", "Day 3.", &err), 0);
	assert_int_equal(lup_placement_log_get(f->db, id2, date, &text, &err), 0);
	assert_string_equal(date, "2022-05-12");
	assert_string_equal(text, "Day 3.");
	free(text);
	assert_int_equal(lup_placement_log_get(f->db, id1, date, &text, &err), 0);
	assert_int_equal(strlen(text), sizeof big - 1);
	free(text);
	assert_int_equal(lup_placement_log_delete(f->db, id2, &err), 0);
	assert_int_equal(lup_placement_log_delete(f->db, id2, &err), -1);
	/* The log goes with its placement. */
	assert_int_equal(lup_placement_delete(f->db, pid, &err), 0);
	assert_int_equal(lup_placement_log_get(f->db, id1, date, &text, &err), -1);
}

/* ---- The lists ---- */

static void test_host_list(void **state)
{
	struct fx *f = *state;
	struct lup_host_query q = { 0 };
	struct lup_host_row rows[8];
	long total, matching;
	char a[37], b[37];
	lup_err err;
	int n;

	mkplacement(f, f->anna, f->gdansk, "2023-03-06", "2023-03-10", a);
	mkplacement(f, f->bo, f->gdansk, "2023-04-03", "2023-04-07", b);
	force_status(f, b, "confirmed");
	q.year = 2023;
	n = lup_host_page(f->db, &q, NULL, 1, 8, rows, &err);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].name, "Gdańsk City Hall");   /* by name */
	assert_string_equal(rows[0].country, "PL");
	assert_string_equal(rows[0].networks, "UBC");
	assert_int_equal(rows[0].by_status[LUP_PS_PROPOSED], 1);
	assert_int_equal(rows[0].by_status[LUP_PS_CONFIRMED], 1);
	assert_int_equal(rows[0].year_count, 2);
	assert_int_equal(rows[0].capacity, 2);
	assert_int_equal(rows[0].left, 0);
	assert_int_equal(rows[0].has_coords, 1);
	assert_string_equal(rows[1].name, "Tallinn City Office");
	assert_string_equal(rows[1].networks, "Eurocities, UBC");
	assert_int_equal(rows[1].capacity, -1);

	/* Paging: one row at a time, forward and back */
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 1, rows, &err), 1);
	assert_int_equal(lup_host_page(f->db, &q, &rows[0], 1, 1, rows + 1, &err), 1);
	assert_string_equal(rows[1].name, "Tallinn City Office");
	assert_int_equal(lup_host_page(f->db, &q, &rows[1], 1, 1, rows + 2, &err), 0);
	assert_int_equal(lup_host_page(f->db, &q, &rows[1], -1, 1, rows + 2, &err), 1);
	assert_string_equal(rows[2].name, "Gdańsk City Hall");
	assert_int_equal(lup_host_page(f->db, &q, NULL, -1, 1, rows + 2, &err), 1);
	assert_string_equal(rows[2].name, "Tallinn City Office");
	assert_int_equal(lup_host_position(f->db, &q, &rows[1], &err), 1);

	/* Filters: text (folded, country names in both languages, networks) */
	q.filter = "gdansk";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	q.filter = "POLEN";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	assert_string_equal(rows[0].country, "PL");
	q.filter = "estonia";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	q.filter = "commission";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	q.filter = "ubc";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 2);
	assert_int_equal(lup_host_count(f->db, &q, &total, &matching, &err), 0);
	assert_int_equal(total, 2);
	assert_int_equal(matching, 2);
	q.filter = NULL;
	/* Country: a code or a name */
	q.country = "ee";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	assert_string_equal(rows[0].name, "Tallinn City Office");
	q.country = "Polen";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	assert_string_equal(rows[0].name, "Gdańsk City Hall");
	q.country = "Atlantis";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 0);
	q.country = NULL;
	/* Network, any case */
	q.network = "eurocities";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 1);
	assert_string_equal(rows[0].name, "Tallinn City Office");
	assert_int_equal(lup_host_count(f->db, &q, &total, &matching, &err), 0);
	assert_int_equal(matching, 1);
	q.network = "UBC";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 2);
	q.network = "ICLD partnership";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 0);
	q.network = NULL;
	/* By country: EE before PL */
	q.sort = LUP_HSORT_COUNTRY;
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 8, rows, &err), 2);
	assert_string_equal(rows[0].country, "EE");
	assert_int_equal(lup_host_page(f->db, &q, &rows[0], 1, 8, rows + 2, &err), 1);
	assert_string_equal(rows[2].country, "PL");
	/* Another year: capacity left is full again */
	q.year = 2024;
	q.sort = LUP_HSORT_NAME;
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 1, rows, &err), 1);
	assert_int_equal(rows[0].year_count, 0);
	assert_int_equal(rows[0].left, 2);
}

/* A host's row by id: the same as the list's, with the keys to page on
 * from it, whatever the filters. */
static void test_host_row(void **state)
{
	struct fx *f = *state;
	struct lup_host_query q = { 0 };
	struct lup_host_row rows[4], one;
	char a[37];
	lup_err err;

	mkplacement(f, f->anna, f->gdansk, "2023-03-06", "2023-03-10", a);
	q.year = 2023;
	assert_int_equal(lup_host_row(f->db, &q, f->gdansk, &one, &err), 0);
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 4, rows, &err), 2);
	assert_memory_equal(&one, &rows[0], sizeof one);
	assert_int_equal(one.by_status[LUP_PS_PROPOSED], 1);
	assert_int_equal(one.left, 1);
	/* paging on from it gives the next host */
	assert_int_equal(lup_host_page(f->db, &q, &one, 1, 4, rows, &err), 1);
	assert_string_equal(rows[0].name, "Tallinn City Office");
	/* by country, the keys are the country's */
	q.sort = LUP_HSORT_COUNTRY;
	assert_int_equal(lup_host_row(f->db, &q, f->gdansk, &one, &err), 0);
	assert_string_equal(one.key1, "PL");
	assert_int_equal(lup_host_page(f->db, &q, &one, -1, 4, rows, &err), 1);
	assert_string_equal(rows[0].country, "EE");
	/* a filter it does not match does not hide it */
	q.filter = "tallinn";
	assert_int_equal(lup_host_row(f->db, &q, f->gdansk, &one, &err), 0);
	assert_string_equal(one.name, "Gdańsk City Hall");
	assert_int_equal(lup_host_row(f->db, &q, "no-such-id", &one, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

static void test_pipeline(void **state)
{
	struct fx *f = *state;
	struct lup_placement_query q = { .status = LUP_PS_ANY };
	struct lup_placement_row rows[16], more[16];
	long counts[LUP_PS_COUNT];
	char id[6][37];
	lup_err err;
	int n, k;

	mkplacement(f, f->anna, f->gdansk, "2024-05-06", "2024-05-10", id[0]);
	mkplacement(f, f->bo, f->tallinn, "2024-03-04", "2024-03-08", id[1]);
	mkplacement(f, f->bo, f->gdansk, "2024-06-03", "2024-06-07", id[2]);
	force_status(f, id[2], "agreed");
	mkplacement(f, f->anna, f->tallinn, "2024-01-08", "2024-01-12", id[3]);
	force_status(f, id[3], "completed");
	mkplacement(f, f->anna, f->tallinn, "2025-01-13", "2025-01-17", id[4]);
	force_status(f, id[4], "cancelled");
	mkplacement(f, f->bo, f->tallinn, "2024-09-02", "2024-09-06", id[5]);
	force_status(f, id[5], "confirmed");

	/* Grouped by status, then start date */
	n = lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].id, id[1]);
	assert_string_equal(rows[1].id, id[0]);
	assert_string_equal(rows[2].id, id[2]);
	assert_string_equal(rows[3].id, id[5]);
	assert_string_equal(rows[4].id, id[3]);
	assert_string_equal(rows[5].id, id[4]);
	assert_string_equal(rows[0].person, "Bo Ek");
	assert_string_equal(rows[0].host, "Tallinn City Office");
	assert_string_equal(rows[0].country, "EE");
	assert_int_equal(rows[0].days, 5);
	assert_int_equal(rows[2].status, LUP_PS_AGREED);
	assert_int_equal(rows[2].has_objectives, 1);
	assert_int_equal(rows[0].has_objectives, 0);
	assert_int_equal(rows[5].status, LUP_PS_CANCELLED);

	/* Page by page, two at a time, gives the same rows; and back */
	k = 0;
	for (const struct lup_placement_row *from = NULL;;) {
		int got = lup_placement_page(f->db, &q, from, 1, 2, more + k, &err);
		assert_true(got >= 0);
		if (got == 0)
			break;
		k += got;
		from = &more[k - 1];
	}
	assert_int_equal(k, 6);
	for (int i = 0; i < 6; i++)
		assert_string_equal(more[i].id, rows[i].id);
	assert_int_equal(lup_placement_page(f->db, &q, &rows[4], -1, 2, more, &err), 2);
	assert_string_equal(more[0].id, rows[2].id);
	assert_string_equal(more[1].id, rows[3].id);
	assert_int_equal(lup_placement_position(f->db, &q, &rows[4], &err), 4);

	/* Counts per status */
	assert_int_equal(lup_placement_counts(f->db, &q, counts, &err), 0);
	assert_int_equal(counts[LUP_PS_PROPOSED], 2);
	assert_int_equal(counts[LUP_PS_AGREED], 1);
	assert_int_equal(counts[LUP_PS_CONFIRMED], 1);
	assert_int_equal(counts[LUP_PS_COMPLETED], 1);
	assert_int_equal(counts[LUP_PS_CANCELLED], 1);

	/* One status; a person's; a host's; a country; a year; a text */
	q.status = LUP_PS_PROPOSED;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 2);
	q.status = LUP_PS_ANY;
	q.person_id = f->anna;
	q.sort = LUP_PLSORT_START;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 3);
	assert_string_equal(rows[0].id, id[3]);
	assert_string_equal(rows[2].id, id[4]);
	q.person_id = NULL;
	q.host_id = f->gdansk;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 2);
	assert_string_equal(rows[0].id, id[0]);
	q.host_id = NULL;
	q.country = "Estland";
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 4);
	q.year = 2025;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 1);
	assert_int_equal(lup_placement_counts(f->db, &q, counts, &err), 0);
	assert_int_equal(counts[LUP_PS_CANCELLED], 1);
	assert_int_equal(counts[LUP_PS_PROPOSED], 0);
	q.country = NULL;
	q.year = 0;
	q.sort = LUP_PLSORT_STATUS;
	q.filter = "ostberg";   /* Anna's: proposed, completed, cancelled */
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 3);
	assert_string_equal(rows[0].id, id[0]);
	assert_string_equal(rows[1].id, id[3]);
	assert_string_equal(rows[2].id, id[4]);
	/* one at a time, on and back, across the statuses */
	assert_int_equal(lup_placement_page(f->db, &q, &rows[0], 1, 1, more, &err), 1);
	assert_string_equal(more[0].id, id[3]);
	assert_int_equal(lup_placement_page(f->db, &q, &more[0], 1, 1, more + 1, &err), 1);
	assert_string_equal(more[1].id, id[4]);
	assert_int_equal(lup_placement_page(f->db, &q, &more[1], 1, 1, more + 2, &err), 0);
	assert_int_equal(lup_placement_page(f->db, &q, &more[1], -1, 5, more + 2, &err), 2);
	assert_string_equal(more[2].id, id[0]);
	assert_string_equal(more[3].id, id[3]);
	assert_int_equal(lup_placement_counts(f->db, &q, counts, &err), 0);
	assert_int_equal(counts[LUP_PS_PROPOSED] + counts[LUP_PS_COMPLETED] + counts[LUP_PS_CANCELLED], 3);
	assert_int_equal(counts[LUP_PS_AGREED] + counts[LUP_PS_CONFIRMED], 0);
	q.sort = LUP_PLSORT_START;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 3);
	assert_string_equal(rows[0].id, id[3]);   /* 2024-01-08 */
	assert_string_equal(rows[1].id, id[0]);   /* 2024-05-06 */
	q.filter = "gdańsk";    /* a host's name */
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 2);
	q.filter = "nobody at all";
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 0);
	/* All by start date, paged back from the end */
	q.filter = NULL;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, -1, 2, rows, &err), 2);
	assert_string_equal(rows[0].id, id[5]);   /* 2024-09-02 */
	assert_string_equal(rows[1].id, id[4]);   /* 2025-01-13 */
	/* Backward over the whole pipeline from the end */
	q.sort = LUP_PLSORT_STATUS;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, -1, 3, rows, &err), 3);
	assert_string_equal(rows[0].id, id[5]);
	assert_string_equal(rows[1].id, id[3]);
	assert_string_equal(rows[2].id, id[4]);
	/* A person's placements, by status */
	q.person_id = f->bo;
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 16, rows, &err), 3);
	assert_string_equal(rows[0].id, id[1]);
	assert_string_equal(rows[1].id, id[2]);
	assert_string_equal(rows[2].id, id[5]);
	assert_int_equal(lup_placement_page(f->db, &q, &rows[0], 1, 16, more, &err), 2);
	assert_string_equal(more[0].id, id[2]);
}

/* One placement's list row by id is the row the page gives, keys and
 * all: paging on from it gives the rows after it; a gone one is named. */
static void test_placement_row(void **state)
{
	struct fx *f = *state;
	struct lup_placement_query q = { .status = LUP_PS_ANY };
	struct lup_placement_row rows[8], one, more[8];
	char id[3][37];
	lup_err err;
	mkplacement(f, f->anna, f->gdansk, "2024-05-06", "2024-05-10", id[0]);
	mkplacement(f, f->bo, f->tallinn, "2024-03-04", "2024-03-08", id[1]);
	mkplacement(f, f->bo, f->gdansk, "2024-06-03", "2024-06-07", id[2]);
	force_status(f, id[2], "agreed");
	assert_int_equal(lup_placement_page(f->db, &q, NULL, 1, 8, rows, &err), 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(lup_placement_row(f->db, rows[i].id, &one, &err), 0);
		assert_memory_equal(&one, &rows[i], sizeof one);
	}
	/* paging on from it: the rows after it, in either order */
	assert_int_equal(lup_placement_row(f->db, id[1], &one, &err), 0);
	assert_int_equal(lup_placement_page(f->db, &q, &one, 1, 8, more, &err), 2);
	assert_string_equal(more[0].id, id[0]);
	assert_string_equal(more[1].id, id[2]);
	assert_int_equal(lup_placement_position(f->db, &q, &one, &err), 0);
	q.sort = LUP_PLSORT_START;
	assert_int_equal(lup_placement_row(f->db, id[2], &one, &err), 0);
	assert_int_equal(lup_placement_position(f->db, &q, &one, &err), 2);
	assert_int_equal(lup_placement_row(f->db, "no-such-placement", &one, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

/* How many placements a text filter finds. */
static int found(struct fx *f, const char *filter)
{
	struct lup_placement_query q = { .status = LUP_PS_ANY, .filter = filter };
	struct lup_placement_row rows[8];
	long counts[LUP_PS_COUNT], total = 0;
	lup_err err;
	int n = lup_placement_page(f->db, &q, NULL, 1, 8, rows, &err);
	assert_int_equal(lup_placement_counts(f->db, &q, counts, &err), 0);
	for (int i = 0; i < LUP_PS_COUNT; i++)
		total += counts[i];
	assert_int_equal(total, n);   /* the counts agree with the page */
	return n;
}

/* The filter matches each placement's own copy of its person's and host's
 * search text: it follows a rename of either and a move to another host. */
static void test_pipeline_search_follows(void **state)
{
	struct fx *f = *state;
	struct lup_person p;
	struct lup_host h;
	struct lup_placement pl;
	char id[37];
	lup_err err;

	mkplacement(f, f->anna, f->gdansk, "2024-05-06", "2024-05-10", id);
	assert_int_equal(found(f, "ostberg"), 1);
	assert_int_equal(found(f, "gdansk city"), 1);
	assert_int_equal(found(f, "tallinn"), 0);
	/* a filter never spans the person's text and the host's */
	assert_int_equal(found(f, "ostberg gdansk"), 0);

	assert_int_equal(lup_person_get(f->db, f->anna, &p, &err), 0);
	free(p.name);
	p.name = strdup("Anna Lindqvist");
	assert_int_equal(lup_person_save(f->db, &p, &err), 0);
	lup_person_clear(&p);
	assert_int_equal(found(f, "ostberg"), 0);
	assert_int_equal(found(f, "lindqvist"), 1);

	assert_int_equal(lup_host_get(f->db, f->gdansk, &h, &err), 0);
	free(h.name);
	h.name = strdup("Sopot Rådhus");
	assert_int_equal(lup_host_save(f->db, &h, &err), 0);
	lup_host_clear(&h);
	assert_int_equal(found(f, "gdansk city"), 0);
	assert_int_equal(found(f, "sopot radhus"), 1);

	assert_int_equal(lup_placement_get(f->db, id, &pl, &err), 0);
	memcpy(pl.host_id, f->tallinn, sizeof pl.host_id);
	assert_int_equal(lup_placement_save(f->db, &pl, &err), 0);
	lup_placement_clear(&pl);
	assert_int_equal(found(f, "sopot"), 0);
	assert_int_equal(found(f, "tallinn city"), 1);
	assert_int_equal(found(f, "lindqvist"), 1);
}

/* A database of schema 1 with placements: opening it adds the search
 * column, fills it, and the filter finds them. */
static void test_pipeline_search_upgrade(void **state)
{
	char dir[64], path[96], sql[128];
	sqlite3 *h;
	lup_db *db;
	lup_err err;
	struct lup_placement_query q = { .status = LUP_PS_ANY, .filter = "ostberg" };
	struct lup_placement_row rows[4];
	(void)state;

	snprintf(dir, sizeof dir, "/tmp/lup-v1.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/v1.db", dir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(lup_migrations[0].version, 1);
	for (const char *const *st = lup_migrations[0].steps; *st; st++)
		assert_int_equal(sqlite3_exec(h, *st, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", LUP_APPLICATION_ID);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"PRAGMA user_version = 1;"
		"INSERT INTO person (id, name, search) VALUES "
		"('00000000-0000-4000-8000-000000000001', 'Anna Östberg', 'anna ostberg');"
		"INSERT INTO host_org (id, name, type, country, search, sort_name) VALUES "
		"('00000000-0000-4000-8000-000000000002', 'Tartu linn', 'municipality', 'EE', 'tartu linn', 'tartu linn');"
		"INSERT INTO placement (id, person_id, host_id, start_date, end_date) VALUES "
		"('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', "
		"'00000000-0000-4000-8000-000000000002', '2024-05-06', '2024-05-10');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	assert_int_equal(lup_db_open(path, 0, &db, &err), 0);
	assert_int_equal(lup_db_user_version(db), lup_db_schema_version());
	assert_int_equal(lup_placement_page(db, &q, NULL, 1, 4, rows, &err), 1);
	assert_string_equal(rows[0].id, "00000000-0000-4000-8000-000000000003");
	q.filter = "tartu";
	assert_int_equal(lup_placement_page(db, &q, NULL, 1, 4, rows, &err), 1);
	q.filter = "riga";
	assert_int_equal(lup_placement_page(db, &q, NULL, 1, 4, rows, &err), 0);
	lup_db_close(db);
	snprintf(sql, sizeof sql, "rm -rf '%s'", dir);
	assert_int_equal(system(sql), 0);
}

static void test_summary(void **state)
{
	struct fx *f = *state;
	struct lup_shadow_summary_row rows[8];
	char id[4][37];
	lup_err err;

	mkplacement(f, f->anna, f->gdansk, "2024-05-06", "2024-05-10", id[0]);
	mkplacement(f, f->bo, f->gdansk, "2024-06-03", "2024-06-07", id[1]);
	force_status(f, id[1], "completed");
	mkplacement(f, f->bo, f->gdansk, "2025-06-02", "2025-06-06", id[2]);
	mkplacement(f, f->anna, f->tallinn, "2024-01-08", "2024-01-12", id[3]);
	force_status(f, id[3], "cancelled");

	assert_int_equal(lup_shadow_summary_page(f->db, 0, NULL, 1, 8, rows, &err), 3);
	assert_string_equal(rows[0].country, "EE");
	assert_int_equal(rows[0].year, 2024);
	assert_int_equal(rows[0].by_status[LUP_PS_CANCELLED], 1);
	assert_int_equal(rows[0].total, 1);
	assert_string_equal(rows[1].country, "PL");
	assert_int_equal(rows[1].year, 2024);
	assert_int_equal(rows[1].by_status[LUP_PS_PROPOSED], 1);
	assert_int_equal(rows[1].by_status[LUP_PS_COMPLETED], 1);
	assert_int_equal(rows[1].total, 2);
	assert_string_equal(rows[2].country, "PL");
	assert_int_equal(rows[2].year, 2025);
	assert_int_equal(rows[2].total, 1);
	/* Paging on and back */
	assert_int_equal(lup_shadow_summary_page(f->db, 0, &rows[0], 1, 1, rows + 3, &err), 1);
	assert_int_equal(rows[3].year, 2024);
	assert_string_equal(rows[3].country, "PL");
	assert_int_equal(lup_shadow_summary_page(f->db, 0, &rows[2], -1, 8, rows + 3, &err), 2);
	assert_string_equal(rows[3].country, "EE");
	/* One year */
	assert_int_equal(lup_shadow_summary_page(f->db, 2025, NULL, 1, 8, rows, &err), 1);
	assert_int_equal(rows[0].total, 1);
}

struct seen { int n; char names[16][64]; char roles[16][256]; };

static void collect(void *ud, const char *network, const char *roles)
{
	struct seen *s = ud;
	if (s->n < 16) {
		snprintf(s->names[s->n], sizeof s->names[0], "%s", network);
		snprintf(s->roles[s->n], sizeof s->roles[0], "%s", roles);
		s->n++;
	}
}

static void test_network_names(void **state)
{
	struct fx *f = *state;
	struct lup_host h;
	struct seen s = { 0 };
	lup_err err;
	int ubc = -1, nordic = -1;

	lup_host_init(&h);
	h.name = strdup("Aarhus Kommune");
	h.country = strdup("Danmark");
	lup_networks_add(&h.networks, "Nordic Forum", "host", &err);
	lup_networks_add(&h.networks, "ubc", "board", &err);
	assert_int_equal(lup_host_save(f->db, &h, &err), 0);
	lup_host_clear(&h);
	assert_int_equal(lup_network_names(f->db, collect, &s, &err), 0);
	assert_string_equal(s.names[0], "Eurocities");
	for (int i = 0; i < s.n; i++) {
		if (strcmp(s.names[i], "UBC") == 0) ubc = i;
		if (strcmp(s.names[i], "Nordic Forum") == 0) nordic = i;
		assert_false(strcmp(s.names[i], "ubc") == 0);  /* once, as known */
	}
	assert_true(ubc >= 0 && nordic >= 0);
	assert_non_null(strstr(s.roles[ubc], "commission"));   /* suggested */
	assert_non_null(strstr(s.roles[ubc], "board"));        /* in use */
	assert_non_null(strstr(s.roles[ubc], "member city"));  /* the fixture's */
	assert_string_equal(s.roles[nordic], "host");
}

static void test_host_reindex(void **state)
{
	struct fx *f = *state;
	struct lup_host_query q = { .filter = "sydafrika" };
	struct lup_host_row rows[4];
	lup_err err;

	/* A row written without lup_host_save has no search text... */
	exec(f->db, "INSERT INTO host_org (id, name, type, country, networks) VALUES "
	            "('00000000-0000-4000-8000-0000000000aa', 'Drakenstein Municipality', "
	            "'municipality', 'ZA', '[{\"network\":\"ICLD partnership\",\"role\":\"partner\"}]')");
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 4, rows, &err), 0);
	/* ...until the hosts are indexed again. */
	assert_int_equal(lup_host_reindex(f->db, &err), 3);
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 4, rows, &err), 1);
	assert_string_equal(rows[0].name, "Drakenstein Municipality");
	q.filter = "icld";
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 4, rows, &err), 1);
	q.filter = NULL;   /* and it sorts by name among the others */
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 4, rows, &err), 3);
	assert_string_equal(rows[0].name, "Drakenstein Municipality");
}

/* ---- Study visits: a host's visits by cohort, what they gave ---- */

static void test_study_visits(void **state)
{
	struct fx *f = *state;
	struct lup_cohort c;
	struct lup_session s;
	struct lup_host_visit v[8];
	struct lup_visit_note notes[4];
	struct lup_host_stats st;
	char prog[37], visit[37], later[37], day[11];
	lup_err err;
	int n;

	assert_int_equal(lup_programme_ensure(f->db, f->cfg, "Ledarutveckling", prog, &err), 0);
	memset(&c, 0, sizeof c);
	snprintf(c.programme_id, sizeof c.programme_id, "%s", prog);
	c.name = strdup("Omgång 3");
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
	memset(&s, 0, sizeof s);
	snprintf(s.cohort_id, sizeof s.cohort_id, "%s", c.id);
	snprintf(s.kind, sizeof s.kind, "study_visit");
	snprintf(s.starts_at, sizeof s.starts_at, "2015-03-02 09:00");
	snprintf(s.ends_at, sizeof s.ends_at, "2015-03-02 15:00");
	snprintf(s.host_id, sizeof s.host_id, "%s", f->tallinn);
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	memcpy(visit, s.id, sizeof visit);
	s.id[0] = '\0';
	lup_date_format(lup_date_add(lup_date_today(), 40), day);
	snprintf(s.starts_at, sizeof s.starts_at, "%s 09:00", day);
	snprintf(s.ends_at, sizeof s.ends_at, "%s 15:00", day);
	free(s.title);
	s.title = NULL;
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	memcpy(later, s.id, sizeof later);
	lup_session_clear(&s);
	assert_int_equal(lup_enrol(f->db, c.id, f->anna, "2015-01-01", NULL, &err), 0);
	assert_int_equal(lup_attendance_set(f->db, visit, f->anna, "present", &err), 0);

	/* A learning-log entry about the visit: for someone of its cohort only. */
	assert_int_equal(lup_session_log_add(f->db, visit, f->anna, "2015-03-04",
	                                     "Tallinn visade hur e-tjänsterna byggs med medborgarna", NULL, &err), 0);
	assert_int_equal(lup_session_log_add(f->db, visit, f->bo, NULL, "Inte med", NULL, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_session_log_add(f->db, visit, f->anna, NULL, "   ", NULL, &err), -1);
	assert_string_equal(err.field, "text");

	/* The host's visits: the one made, the one to come. */
	n = lup_host_visits(f->db, f->tallinn, v, 8, &err);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].session_id, visit);
	assert_string_equal(v[0].cohort, "Omgång 3");
	assert_string_equal(v[0].day, "2015-03-02");
	assert_int_equal(v[0].held, 1);
	assert_int_equal(v[0].present, 1);
	assert_int_equal(v[0].marked, 1);
	assert_int_equal(v[0].entries, 1);
	assert_string_equal(v[1].session_id, later);
	assert_int_equal(v[1].held, 0);
	assert_int_equal(lup_host_visits(f->db, f->gdansk, v, 8, &err), 0);
	n = lup_host_visit_notes(f->db, f->tallinn, notes, 4, &err);
	assert_int_equal(n, 1);
	assert_string_equal(notes[0].person, "Anna Östberg");
	assert_string_equal(notes[0].cohort, "Omgång 3");
	assert_string_equal(notes[0].date, "2015-03-04");
	assert_non_null(strstr(notes[0].text, "e-tjänsterna"));
	assert_int_equal(lup_host_stats(f->db, f->tallinn, 0, &st, &err), 0);
	assert_int_equal(st.sessions, 2);

	/* Deleted, the host's visits keep its name as text. */
	assert_int_equal(lup_host_delete(f->db, f->tallinn, &err), 0);
	assert_int_equal(lup_session_get(f->db, visit, &s, &err), 0);
	assert_string_equal(s.host_id, "");
	assert_string_equal(s.host_name, "Tallinn City Office");
	assert_int_equal(s.sequence, 1);
	lup_session_clear(&s);
	lup_cohort_clear(&c);
	assert_int_equal(lup_db_check(f->db, NULL, NULL, &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_step_all_pairs),
		cmocka_unit_test_setup_teardown(test_move_all_pairs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_preconditions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_advance, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test(test_bands),
		cmocka_unit_test_setup_teardown(test_distance, setup, teardown),
		cmocka_unit_test(test_coords),
		cmocka_unit_test_setup_teardown(test_duration_warnings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_capacity_warning, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overlap_warnings, setup, teardown),
		cmocka_unit_test(test_networks),
		cmocka_unit_test(test_networks_invalid),
		cmocka_unit_test_setup_teardown(test_host_validation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_placement_validation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_host_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_host_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipeline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_placement_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipeline_search_follows, setup, teardown),
		cmocka_unit_test(test_pipeline_search_upgrade),
		cmocka_unit_test_setup_teardown(test_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_network_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_host_reindex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_study_visits, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
