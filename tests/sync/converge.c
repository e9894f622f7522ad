/* converge.c — laptops that work offline end up with one programme.
 *
 * Replicas are copies of one base database.  Each round every replica
 * makes random edits through lup's core (enrolling into the last seat,
 * the same attendance mark, delete against edit, ratings, log entries,
 * unique names and e-mails, answers to conflicts …); then changes travel to
 * random replicas as random subsets of other replicas' logs (relays
 * included), shuffled, duplicated and with predecessors withheld.  After a
 * full exchange every replica must have the same `lup sync hash`, pass
 * lup check (no foreign-key violation, a sound file, lup's invariants),
 * have every learning-log entry made (or a conflict or a deleted parent
 * that says where it went), and applying a file again must change
 * nothing.
 *
 *   converge [--seeds N] [--first S] [--replicas R] [--rounds K]
 *            [--edits E] [--exhaustive N1,N2,N3] [--verbose]
 *
 * --exhaustive applies every order of the single changes of three
 * replicas making N1, N2 and N3 edits to a fresh copy each, and compares.
 * Prints figures and "converge: P passed, F failed". */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/sync_int.h"
#include "lup/enrol.h"
#include "lup/competence.h"
#include "lup/people.h"
#include "lup/privacy.h"
#include "lup/programme.h"
#include "lup/shadowing.h"
#include "lup/sync.h"

#define MAXR 8
#define NPEOPLE 16

static int verbose;
static unsigned long long cur_seed;   /* the seed running, for messages */
static char tmp[256];
static lup_sync_key key;

/* ---- A small random generator of our own: the same seed, the same run ---- */

static unsigned long long rs;
static unsigned long long rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}
static int below(int n) { return n > 0 ? (int)(rnd() % (unsigned long long)n) : 0; }
static int chance(int percent) { return below(100) < percent; }

/* A clock that moves a few milliseconds a call, the same every run. */
static long long fake_ms = 1463392800000LL;   /* 2016-05-16 */
static long long fake_clock(void)
{
	return fake_ms += 1 + (long long)below(5);
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("converge: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	ssize_t n;
	int a = open(from, O_RDONLY), b = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (a < 0 || b < 0)
		die("copy %s: %s", from, strerror(errno));
	while ((n = read(a, buf, sizeof buf)) > 0)
		if (write(b, buf, (size_t)n) != n)
			die("copy: %s", strerror(errno));
	close(a);
	close(b);
}

/* ---- The base ---- */

static void sql(lup_db *db, const char *s)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, s, NULL, NULL, &msg) != SQLITE_OK)
		die("base: %s\n%s", msg, s);
}

/* Three cohorts of few seats (one full with a waitlist), sessions, people,
 * hosts, placements, a small framework with check-ins, log entries,
 * targets: written past the change log, as a shared starting file is. */
static void make_base(const char *path)
{
	lup_db *db;
	lup_err err;
	char path_key[300];

	if (lup_db_open(path, LUP_DB_CREATE, &db, &err) < 0)
		die("base: %s", err.msg);
	static const char *const base_sql[] = {
	"BEGIN",
	    "INSERT INTO programme (id, name, target) VALUES ('00000000-0000-4000-8000-000000000001', 'Ledarutveckling', 300)",
	    "INSERT INTO block (id, programme_id, seq, kind, name) VALUES "
	    " ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 1, 'ul', 'UL'),"
	    " ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-000000000001', 2, 'abw', 'ABW')",
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 15) "
	    "INSERT INTO person (id, name, email, org_unit, role) SELECT printf('00000000-0000-4000-8000-%012x', 256 + i), "
	    " 'Person ' || i, 'p' || i || '@kungsbacka.se', 'Enhet ' || (i % 3), 'chef' FROM n",
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2) "
	    "INSERT INTO cohort (id, programme_id, name, capacity) SELECT printf('00000000-0000-4000-8000-%012x', 512 + i), "
	    " '00000000-0000-4000-8000-000000000001', 'Omgång ' || (i + 1), 3 + (i = 2) FROM n",
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 8) "
	    "INSERT INTO session (id, cohort_id, block_id, title, starts_at, ends_at) SELECT "
	    " printf('00000000-0000-4000-8000-%012x', 768 + i), printf('00000000-0000-4000-8000-%012x', 512 + i / 3), "
	    " CASE WHEN i % 3 = 2 THEN '00000000-0000-4000-8000-0000000000b2' ELSE '00000000-0000-4000-8000-0000000000b1' END, "
	    " 'Dag ' || (i % 3 + 1), printf('2016-0%d-1%d 09:00', 3 + i / 3, i % 3), printf('2016-0%d-1%d 16:00', 3 + i / 3, i % 3) FROM n",
	    /* Omgång 1 full (3) with one waiting, Omgång 2 with a free seat. */
	    "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, waitlist_pos, enrolled_on) "
	    "SELECT lup_uuid_name('enrolment', c, p), c, p, '00000000-0000-4000-8000-000000000001', s, r, w, CASE WHEN w IS NULL THEN '2016-01-10' END "
	    "FROM (SELECT printf('00000000-0000-4000-8000-%012x', 512 + k / 4) AS c, printf('00000000-0000-4000-8000-%012x', 256 + k) AS p, "
	    " CASE WHEN k = 3 THEN 'waitlisted' ELSE 'enrolled' END AS s, printf('2016-01-0%dT08:00:00Z', 1 + k % 8) AS r, "
	    " CASE WHEN k = 3 THEN 1 END AS w FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
	    " UNION ALL SELECT 4 UNION ALL SELECT 5))",
	    "INSERT INTO attendance (id, session_id, person_id, status) "
	    "SELECT lup_uuid_name('attendance', '00000000-0000-4000-8000-000000000300', person_id), "
	    " '00000000-0000-4000-8000-000000000300', person_id, 'present' FROM enrolment WHERE status = 'enrolled' "
	    " AND cohort_id = '00000000-0000-4000-8000-000000000200'",
	    "INSERT INTO host_org (id, name, country, city) VALUES ('00000000-0000-4000-8000-000000000401', 'Aarhus Kommune', 'DK', 'Aarhus'),"
	    " ('00000000-0000-4000-8000-000000000402', 'Stadt Wien', 'AT', 'Wien')",
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
	    "INSERT INTO placement (id, person_id, host_id, start_date, end_date, status, objectives) SELECT "
	    " printf('00000000-0000-4000-8000-%012x', 1280 + i), printf('00000000-0000-4000-8000-%012x', 260 + i), "
	    " printf('00000000-0000-4000-8000-%012x', 1025 + i % 2), '2016-05-02', '2016-05-06', 'proposed', 'Lära av ' || i FROM n",
	    "INSERT INTO framework (id, ident, name, version, content_hash, level_min, level_max, imported_at) VALUES "
	    " ('00000000-0000-4000-8000-000000000601', 'mini', 'Mini', '1', 'x', 1, 4, '2016-01-01T00:00:00Z')",
	    "INSERT INTO area (id, framework_id, code, seq, name) VALUES ('00000000-0000-4000-8000-000000000611', "
	    " '00000000-0000-4000-8000-000000000601', '1', 1, 'Data')",
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2) "
	    "INSERT INTO competence (id, framework_id, area_id, code, seq, name, level_min, level_max) SELECT "
	    " printf('00000000-0000-4000-8000-%012x', 1568 + i), '00000000-0000-4000-8000-000000000601', "
	    " '00000000-0000-4000-8000-000000000611', '1.' || (i + 1), i + 1, 'Kompetens ' || i, 1, 4 FROM n",
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
	    "INSERT INTO checkin (id, person_id, framework_id, date, kind, status) SELECT "
	    " printf('00000000-0000-4000-8000-%012x', 1792 + i), printf('00000000-0000-4000-8000-%012x', 256 + i), "
	    " '00000000-0000-4000-8000-000000000601', '2016-02-01', 'self', 'draft' FROM n",
	    "INSERT INTO log_entry (id, person_id, date, placement_id, text) VALUES "
	    " ('00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000104', '2016-05-03', "
	    "  '00000000-0000-4000-8000-000000000500', 'Första dagen')",
	    "UPDATE person SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z', "
	    " sort_name = lup_sortkey(name), sort_unit = lup_sortkey(coalesce(org_unit, '')), "
	    " sort_role = lup_sortkey(coalesce(role, ''))",
	    "UPDATE cohort SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "UPDATE session SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "UPDATE enrolment SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "UPDATE attendance SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "UPDATE host_org SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z', "
	    " sort_name = lup_sortkey(name)",
	    "UPDATE placement SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "UPDATE checkin SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "UPDATE log_entry SET created_at = '2016-01-01T00:00:00Z', updated_at = '2016-01-01T00:00:00Z'",
	    "COMMIT",
	NULL };
	for (const char *const *q = base_sql; *q; q++)
		sql(db, *q);

	snprintf(path_key, sizeof path_key, "%s/team.key", tmp);
	if (lup_sync_key_create(path_key, &key, &err) < 0 || lup_sync_init(db, &key, "base", 0, 0, &err) < 0)
		die("base: %s", err.msg);
	lup_db_close(db);
}

/* ---- Edits ---- */

struct replica {
	char path[300];
	lup_db *db;
	char name[16];
};

struct tally {
	long edits, refused, entries, replayed, held, conflicts, resolved;
	double seconds;
	long log_made, log_deleted;
};

/* Log entries made and deleted, to check none went missing. */
static char (*made_logs)[37];
static int nmade, capmade;
static char (*deleted_logs)[37];
static int ndeleted, capdeleted;

static void remember(char (**v)[37], int *n, int *cap, const char *id)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = realloc(*v, (size_t)*cap * sizeof **v);
		if (!*v)
			die("out of memory");
	}
	snprintf((*v)[(*n)++], 37, "%s", id);
}

static const char *id_of(int kind, int i)
{
	static char ring[8][37];
	static int k;
	char *s = ring[k++ % 8];
	snprintf(s, 37, "00000000-0000-4000-8000-%012x", kind + i);
	return s;
}

#define PERSON(i) id_of(256, (i))
#define COHORT(i) id_of(512, (i))
#define SESSION(i) id_of(768, (i))
#define PLACEMENT(i) id_of(1280, (i))
#define HOST(i) id_of(1025, (i))
#define COMP(i) id_of(1568, (i))
#define CHECKIN(i) id_of(1792, (i))

/* A "form" edit written straight, as a save would: one transaction. */
static int write_sql(lup_db *db, const char *sqltext, const char *a, const char *b, lup_err *err)
{
	sqlite3_stmt *st;
	int rc;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(db->h, sqltext, -1, &st, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, "edit");
		lup_db_rollback(db);
		return -1;
	}
	lup_bind_text(st, 1, a);
	lup_bind_text(st, 2, b);
	sqlite3_bind_text(st, 3, "2016-06-01T10:00:00Z", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, "edit");
		lup_db_rollback(db);
		return -1;
	}
	return lup_db_commit(db, err);
}

static const char *units[] = { "IT", "HR", "Ekonomi", "Digitalisering", "Skola" };
static const char *statuses[] = { "present", "late", "excused", "absent", "" };

/* One random edit; 0 done, -1 refused by the rules (fine). */
static int edit(lup_db *db, int r)
{
	lup_err err;
	int k = below(100);
	lup_err_clear(&err);
	(void)r;
	if (k < 14) {   /* the same few marks on every laptop */
		return lup_attendance_set(db, SESSION(below(2) ? 0 : below(9)), PERSON(below(6)),
		                          statuses[below(5)], &err);
	}
	if (k < 24) {   /* enrol, often into the last seat */
		struct lup_enrol_outcome out;
		return lup_enrol(db, COHORT(below(3)), PERSON(below(NPEOPLE)), "2016-06-01", &out, &err);
	}
	if (k < 30) {   /* withdraw someone */
		char id[37];
		lup_id_enrolment(id, COHORT(below(3)), PERSON(below(8)));
		return lup_enrol_withdraw(db, id, NULL, &err);
	}
	if (k < 42) {   /* a person's unit or role, as the form saves it */
		return write_sql(db, below(2) ? "UPDATE person SET org_unit = ?2, updated_at = ?3 WHERE id = ?1"
		                              : "UPDATE person SET role = ?2, updated_at = ?3 WHERE id = ?1",
		                 PERSON(below(6)), units[below(5)], &err);
	}
	if (k < 46) {   /* an e-mail that may be another's */
		char mail[64];
		snprintf(mail, sizeof mail, "p%d@kungsbacka.se", 16 + below(3));
		return write_sql(db, "UPDATE person SET email = ?2, updated_at = ?3 WHERE id = ?1",
		                 PERSON(below(NPEOPLE)), mail, &err);
	}
	if (k < 49) {   /* a new person, maybe with an e-mail someone else took */
		char id[37], mail[64];
		snprintf(id, sizeof id, "00000000-0000-4000-9000-%012x", (unsigned)rnd() & 0xffffffu);
		snprintf(mail, sizeof mail, "ny%d@kungsbacka.se", below(3));
		return write_sql(db, "INSERT INTO person (id, name, email, created_at, updated_at) "
		                 "VALUES (?1, 'Ny Person', ?2, ?3, ?3)", id, mail, &err);
	}
	if (k < 50) {   /* delete someone others may be editing */
		return lup_person_delete(db, PERSON(6 + below(10)), &err);
	}
	if (k < 51) {   /* erase someone for privacy: nothing of them may come back */
		struct lup_erase_counts n;
		memset(&n, 0, sizeof n);
		return lup_person_erase(db, PERSON(6 + below(10)), &n, &err);
	}
	if (k < 53) {   /* delete a session others mark attendance in */
		return lup_session_delete(db, SESSION(3 + below(6)), &err);
	}
	if (k < 58) {   /* a cohort's capacity, name or status set by hand */
		static const char *const set[] = { "cancelled", "running", NULL };
		char v[32];
		if (chance(25))
			return write_sql(db, "UPDATE cohort SET status_override = ?2, updated_at = ?3 WHERE id = ?1",
			                 COHORT(below(3)), set[below(3)], &err);
		if (below(2)) {
			snprintf(v, sizeof v, "%d", 2 + below(3));
			return write_sql(db, "UPDATE cohort SET capacity = ?2, updated_at = ?3 WHERE id = ?1",
			                 COHORT(below(3)), v, &err);
		}
		snprintf(v, sizeof v, "Omgång %d", 4 + below(2));
		return write_sql(db, "UPDATE cohort SET name = ?2, updated_at = ?3 WHERE id = ?1",
		                 COHORT(below(3)), v, &err);
	}
	if (k < 64) {   /* a placement moves on, or is cancelled */
		if (chance(20))
			return lup_placement_cancel(db, PLACEMENT(below(4)), "Sjukdom", &err);
		return lup_placement_move(db, PLACEMENT(below(4)), (enum lup_pstatus)(1 + below(2)),
		                          lup_date_today(),
		                          NULL, &err);
	}
	if (k < 68) {   /* objectives edited on two laptops */
		return write_sql(db, "UPDATE placement SET objectives = ?2, updated_at = ?3 WHERE id = ?1",
		                 PLACEMENT(below(4)), units[below(5)], &err);
	}
	if (k < 76) {   /* learning log: appended, edited, deleted */
		if (nmade && chance(30)) {
			const char *id = made_logs[below(nmade)];
			if (chance(30)) {
				int rc = lup_placement_log_delete(db, id, &err);
				if (rc == 0)
					remember(&deleted_logs, &ndeleted, &capdeleted, id);
				return rc;
			}
			return lup_placement_log_update(db, id, "2016-05-04", units[below(5)], &err);
		} else {
			char id[37];
			int rc = lup_placement_log_add(db, PLACEMENT(below(4)), "2016-05-03", "Lärdom", id, &err);
			if (rc == 0)
				remember(&made_logs, &nmade, &capmade, id);
			return rc;
		}
	}
	if (k < 84) {   /* ratings: the same cell on two laptops */
		return lup_rating_set(db, CHECKIN(below(4)), COMP(below(3)), below(5) ? 1 + below(4) : LUP_LEVEL_NONE, &err);
	}
	if (k < 88) {   /* targets */
		return lup_target_set(db, "mini", below(2) ? "1.1" : "1.2", below(2) ? "chef" : NULL,
		                      below(2) ? NULL : PERSON(below(4)), 1 + below(4), &err);
	}
	if (k < 91) {   /* a host's name (derived text of placements) */
		return write_sql(db, "UPDATE host_org SET name = ?2, updated_at = ?3 WHERE id = ?1",
		                 HOST(below(2)), below(2) ? "Aarhus" : "Wien stad", &err);
	}
	{               /* answer a conflict */
		struct lup_conflict *v;
		int n = lup_conflict_list(db, 0, &v, &err), rc = -1;
		if (n > 0) {
			struct lup_conflict *c = &v[below(n)];
			enum lup_conflict_how how = c->can_take && chance(50) ? LUP_CONFLICT_TAKE : LUP_CONFLICT_KEEP;
			rc = lup_conflict_resolve(db, c->id, how, NULL, &err);
		}
		if (n >= 0)
			lup_conflict_list_free(v, n);
		return rc;
	}
}

/* ---- Delivery ---- */

/* Everything in a replica's log, as a file read back. */
static lup_sync_file *whole_log(struct replica *r)
{
	char path[400];
	lup_sync_file *f;
	lup_err err;
	long n;
	snprintf(path, sizeof path, "%s/all-%s.lupcs", tmp, r->name);
	if (lup_sync_export(r->db, &key, LUP_SYNC_ALL, NULL, path, &n, &err) < 0 ||
	    lup_sync_file_read(path, &key, &f, &err) < 0)
		die("export %s: %s", r->name, err.msg);
	unlink(path);
	return f;
}

/* Apply some of a file's entries (chosen, shuffled, some twice). */
static void deliver(struct replica *to, lup_sync_file *from, int percent, struct tally *t)
{
	lup_sync_file sub = *from;
	struct lup_sync_result res;
	lup_err err;
	size_t n = 0;

	sub.e = malloc((from->n * 2 + 1) * sizeof *sub.e);
	if (!sub.e)
		die("out of memory");
	for (size_t i = 0; i < from->n; i++)
		if (chance(percent)) {
			sub.e[n++] = from->e[i];
			if (chance(10))
				sub.e[n++] = from->e[i];
		}
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)below((int)i);
		struct sync_entry x = sub.e[i - 1];
		sub.e[i - 1] = sub.e[j];
		sub.e[j] = x;
	}
	sub.n = n;
	memset(&res, 0, sizeof res);
	{
		lup_sync_file *one = &sub;
		if (lup_sync_apply(to->db, &key, &one, 1, &res, &err) < 0)
			die("apply to %s: %s", to->name, err.msg);
	}
	t->entries += res.applied;
	t->replayed += res.replayed;
	t->held += res.held;
	free(sub.e);
}

static void hash_of(struct replica *r, char out[65])
{
	lup_err err;
	if (lup_sync_hash(r->db, out, &err) < 0)
		die("hash: %s", err.msg);
}

static void problem(void *ud, const char *what)
{
	fprintf(stderr, "converge: seed %llu: %s: %s\n", cur_seed, ((struct replica *)ud)->name, what);
}

/* What lup check finds: integrity_check, foreign_key_check and lup's own
 * invariants (waitlists, seats, marks within a seat, sort keys …). */
static int check_sound(struct replica *r)
{
	lup_err err;
	int n = lup_db_check(r->db, problem, r, &err);
	if (n != 0)
		fprintf(stderr, "converge: seed %llu: %s: lup check: %d problems%s%s\n", cur_seed, r->name, n,
		        n < 0 ? ": " : "", n < 0 ? err.msg : "");
	return n != 0;
}

/* Every log entry made is there, or was deleted by someone, or a conflict
 * lists it, or its placement or person is gone. */
static int check_logs(struct replica *r)
{
	static const char q[] =
		"SELECT EXISTS (SELECT 1 FROM log_entry WHERE id = ?1) "
		"OR EXISTS (SELECT 1 FROM sync_conflict WHERE row_id = ?1) ";
	int lost = 0;
	for (int i = 0; i < nmade; i++) {
		sqlite3_stmt *st;
		int deleted = 0, ok = 0;
		for (int k = 0; k < ndeleted && !deleted; k++)
			deleted = strcmp(deleted_logs[k], made_logs[i]) == 0;
		if (deleted)
			continue;
		if (sqlite3_prepare_v2(r->db->h, q, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, made_logs[i], -1, SQLITE_STATIC);
			ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
		if (!ok) {
			/* Gone with its placement or its person: a deliberate
			 * delete, or an erase (which leaves no trace by design). */
			if (sqlite3_prepare_v2(r->db->h, "SELECT count(*) < 4 OR EXISTS (SELECT 1 FROM sync_erased "
			                       "WHERE pk = ?1 OR pk IN (SELECT pk FROM sync_erased WHERE tbl = 'person')) "
			                       "FROM placement", -1, &st, NULL) == SQLITE_OK) {
				sqlite3_bind_text(st, 1, made_logs[i], -1, SQLITE_STATIC);
				ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
				sqlite3_finalize(st);
			}
		}
		if (!ok) {
			fprintf(stderr, "converge: %s: learning-log entry %s lost without a trace\n", r->name, made_logs[i]);
			lost++;
		}
	}
	return lost;
}

static void open_replica(struct replica *r, const char *base, int i)
{
	lup_err err;
	snprintf(r->path, sizeof r->path, "%s/r%d.db", tmp, i);
	snprintf(r->name, sizeof r->name, "r%d", i);
	unlink(r->path);
	copy_file(base, r->path);
	/* A copy: it must get a device id of its own at open. */
	if (lup_db_open(r->path, 0, &r->db, &err) < 0)
		die("open %s: %s", r->path, err.msg);
	if (!r->db->renewed)
		die("%s: the copy kept the base's device id", r->name);
	/* The same device ids every run, so a seed repeats exactly. */
	{
		char q[300];
		snprintf(q, sizeof q, "UPDATE sync_peer SET device = 'd%d000000-0000-4000-8000-000000000000' "
		         "WHERE device = (SELECT device FROM sync_self); "
		         "UPDATE sync_self SET device = 'd%d000000-0000-4000-8000-000000000000'", i, i);
		sql(r->db, q);
	}
}

static void close_replica(struct replica *r)
{
	char p[320];
	lup_db_close(r->db);
	r->db = NULL;
	unlink(r->path);
	snprintf(p, sizeof p, "%s-wal", r->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", r->path);
	unlink(p);
}

static int run_seed(unsigned long long seed, const char *base, int nrep, int rounds, int edits,
                    struct tally *t)
{
	struct replica rep[MAXR];
	char h0[65], h[65];
	int bad = 0;
	double t0 = now_s();

	cur_seed = seed;
	rs = seed * 2654435761ULL + 88172645463325252ULL;
	nmade = ndeleted = 0;
	for (int i = 0; i < nrep; i++)
		open_replica(&rep[i], base, i);
	for (int round = 0; round < rounds; round++) {
		lup_sync_file *logs[MAXR];
		for (int i = 0; i < nrep; i++)
			for (int e = 0; e < edits; e++) {
				t->edits++;
				if (edit(rep[i].db, i) < 0)
					t->refused++;
			}
		for (int i = 0; i < nrep; i++)
			logs[i] = whole_log(&rep[i]);
		for (int i = 0; i < nrep; i++) {
			int times = 1 + below(3);
			for (int k = 0; k < times; k++) {
				deliver(&rep[i], logs[below(nrep)], 20 + below(70), t);
			}
		}
		for (int i = 0; i < nrep; i++)
			lup_sync_file_free(logs[i]);
	}
	/* The final exchange: everyone gets everything, in some order. */
	{
		lup_sync_file *logs[MAXR];
		for (int i = 0; i < nrep; i++)
			logs[i] = whole_log(&rep[i]);
		for (int i = 0; i < nrep; i++)
			for (int k = 0; k < nrep; k++)
				deliver(&rep[i], logs[(k + i) % nrep], 100, t);
		for (int i = 0; i < nrep; i++)
			lup_sync_file_free(logs[i]);
	}
	hash_of(&rep[0], h0);
	for (int i = 0; i < nrep; i++) {
		hash_of(&rep[i], h);
		if (strcmp(h, h0) != 0) {
			fprintf(stderr, "converge: seed %llu: %s differs from r0 (%.12s vs %.12s)\n", seed, rep[i].name, h, h0);
			bad = 1;
		}
		bad |= check_sound(&rep[i]);
		bad |= check_logs(&rep[i]) != 0;
	}
	/* Applying a file again changes nothing. */
	{
		lup_sync_file *f = whole_log(&rep[below(nrep)]);
		struct replica *to = &rep[below(nrep)];
		struct lup_sync_result res;
		lup_err err;
		memset(&res, 0, sizeof res);
		if (lup_sync_apply(to->db, &key, &f, 1, &res, &err) < 0)
			die("apply again: %s", err.msg);
		hash_of(to, h);
		if (res.added || strcmp(h, h0) != 0) {
			fprintf(stderr, "converge: seed %llu: applying a file again changed %s\n", seed, to->name);
			bad = 1;
		}
		lup_sync_file_free(f);
	}
	t->conflicts += lup_conflict_count(rep[0].db, NULL);
	{
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(rep[0].db->h, "SELECT count(*) FROM sync_resolution", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			t->resolved += sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	t->log_made += nmade;
	for (int i = 0; i < nrep; i++)
		close_replica(&rep[i]);
	t->seconds += now_s() - t0;
	if (verbose)
		printf("seed %llu: %s\n", seed, bad ? "FAILED" : "identical");
	return bad;
}

/* ---- Every order ---- */

static int next_perm(int *a, int n)
{
	int i = n - 2, j = n - 1;
	while (i >= 0 && a[i] >= a[i + 1])
		i--;
	if (i < 0)
		return 0;
	while (a[j] <= a[i])
		j--;
	{ int x = a[i]; a[i] = a[j]; a[j] = x; }
	for (int l = i + 1, r = n - 1; l < r; l++, r--) {
		int x = a[l]; a[l] = a[r]; a[r] = x;
	}
	return 1;
}

/* Conflicting edits, one kind per slot, so every order meets them. */
static void fixed_edit(lup_db *db, int who, int k)
{
	lup_err err;
	struct lup_enrol_outcome out;
	switch ((who * 2 + k) % 6) {
	case 0: lup_attendance_set(db, SESSION(0), PERSON(0), who ? "absent" : "late", &err); break;
	case 1: lup_enrol(db, COHORT(1), PERSON(8 + who), "2016-06-01", &out, &err); break;
	case 2: write_sql(db, "UPDATE person SET org_unit = ?2, updated_at = ?3 WHERE id = ?1", PERSON(1),
	                  units[who], &err); break;
	case 3: lup_person_delete(db, PERSON(1), &err); break;
	case 4: lup_rating_set(db, CHECKIN(0), COMP(0), 1 + who, &err); break;
	default: lup_attendance_set(db, SESSION(0), PERSON(0), "excused", &err); break;
	}
}

static int exhaustive(const char *base, const int per[3], struct tally *t)
{
	struct replica rep[3];
	lup_sync_file *single[12];
	int n = 0, order[12], bad = 0, perms = 0;
	char ref[65] = "", h[65];
	double t0 = now_s();

	for (int i = 0; i < 3; i++) {
		open_replica(&rep[i], base, i);
		for (int k = 0; k < per[i]; k++)
			fixed_edit(rep[i].db, i, k);
	}
	/* Each change alone in a file. */
	for (int i = 0; i < 3; i++) {
		lup_sync_file *all = whole_log(&rep[i]);
		for (size_t k = 0; k < all->n; k++) {
			lup_sync_file *one = malloc(sizeof *one);
			if (!one)
				die("out of memory");
			*one = *all;
			one->e = malloc(sizeof *one->e);
			one->buf = malloc(all->len);
			if (!one->e || !one->buf)
				die("out of memory");
			memcpy(one->buf, all->buf, all->len);
			one->e[0] = all->e[k];
			one->e[0].cs = one->buf + (all->e[k].cs - all->buf);
			one->e[0].deps = one->e[0].ndeps ? one->buf + (all->e[k].deps - all->buf) : NULL;
			one->n = 1;
			memset(&one->acks, 0, sizeof one->acks);
			single[n++] = one;
		}
		lup_sync_file_free(all);
	}
	for (int i = 0; i < n; i++)
		order[i] = i;
	do {
		struct replica fresh;
		open_replica(&fresh, base, 7);
		for (int i = 0; i < n; i++) {
			struct lup_sync_result res;
			lup_err err;
			memset(&res, 0, sizeof res);
			if (lup_sync_apply(fresh.db, &key, &single[order[i]], 1, &res, &err) < 0)
				die("exhaustive apply: %s", err.msg);
			t->replayed += res.replayed;
		}
		hash_of(&fresh, h);
		if (!ref[0])
			memcpy(ref, h, sizeof ref);
		else if (strcmp(ref, h) != 0) {
			fprintf(stderr, "converge: exhaustive: order");
			for (int i = 0; i < n; i++)
				fprintf(stderr, " %d", order[i]);
			fprintf(stderr, " gives another programme\n");
			bad = 1;
		}
		bad |= check_sound(&fresh);
		close_replica(&fresh);
		perms++;
	} while (next_perm(order, n) && !bad);
	/* The three laptops themselves agree with it after an exchange. */
	for (int i = 0; i < 3; i++) {
		for (int k = 0; k < n; k++) {
			struct lup_sync_result res;
			lup_err err;
			memset(&res, 0, sizeof res);
			if (lup_sync_apply(rep[i].db, &key, &single[k], 1, &res, &err) < 0)
				die("exhaustive apply: %s", err.msg);
		}
		hash_of(&rep[i], h);
		if (strcmp(ref, h) != 0) {
			fprintf(stderr, "converge: exhaustive: %s differs after the exchange\n", rep[i].name);
			bad = 1;
		}
		close_replica(&rep[i]);
	}
	for (int i = 0; i < n; i++) {
		free(single[i]->e);
		free(single[i]->buf);
		free(single[i]);
	}
	printf("exhaustive: %d changes from 3 laptops (%d+%d+%d), %d orders, %s (%.1f s)\n", n,
	       per[0], per[1], per[2], perms, bad ? "DIFFERENT" : "all identical", now_s() - t0);
	return bad;
}

int main(int argc, char **argv)
{
	unsigned long long first = 1;
	int seeds = 3, nrep = 4, rounds = 3, edits = 50, ex = 0, per[3] = { 0 }, failed = 0, passed = 0;
	struct tally t;
	char base[300];
	const char *td = getenv("TMPDIR");

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--seeds") == 0 && i + 1 < argc) seeds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--first") == 0 && i + 1 < argc) first = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--replicas") == 0 && i + 1 < argc) nrep = atoi(argv[++i]);
		else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--edits") == 0 && i + 1 < argc) edits = atoi(argv[++i]);
		else if (strcmp(argv[i], "--exhaustive") == 0 && i + 1 < argc) {
			ex = sscanf(argv[++i], "%d,%d,%d", &per[0], &per[1], &per[2]) == 3;
			if (!ex)
				die("--exhaustive takes N1,N2,N3");
		} else if (strcmp(argv[i], "--verbose") == 0) verbose = 1;
		else die("unknown argument %s", argv[i]);
	}
	lup_sync_clock = fake_clock;
	if (nrep < 2 || nrep > MAXR - 1)
		die("2 to %d replicas", MAXR - 1);
	snprintf(tmp, sizeof tmp, "%s/lup-converge.XXXXXX", td && *td ? td : "/tmp");
	if (!mkdtemp(tmp))
		die("mkdtemp: %s", strerror(errno));
	snprintf(base, sizeof base, "%s/base.db", tmp);
	make_base(base);
	memset(&t, 0, sizeof t);
	for (int s = 0; s < seeds; s++) {
		if (run_seed(first + (unsigned long long)s, base, nrep, rounds, edits, &t))
			failed++;
		else
			passed++;
	}
	if (seeds)
		printf("converge: %d seeds × %d replicas × %d rounds × %d edits: %ld edits (%ld refused by the rules), "
		       "%ld changes applied, %ld applied again in order, %ld held back on the way, %ld conflicts "
		       "listed, %ld answered; %.2f s a seed\n", seeds, nrep, rounds, edits, t.edits, t.refused,
		       t.entries, t.replayed, t.held, t.conflicts, t.resolved, t.seconds / seeds);
	if (ex) {
		if (exhaustive(base, per, &t))
			failed++;
		else
			passed++;
	}
	{
		char cmd[400];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
		if (system(cmd) != 0)
			fprintf(stderr, "converge: could not remove %s\n", tmp);
	}
	printf("converge: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
