/* privacy.c — a person's data in full, erasure without a trace, retention.
 *
 * The export is one SQL statement: SQLite's JSON functions build the whole
 * document, so every string is escaped by the same code and nested lists
 * are real JSON arrays (each subquery's result passes through json() so
 * that it nests whatever SQLite version runs it).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include "core/internal.h"
#include "lup/cal.h"
#include "lup/privacy.h"
#include "lup/safeio.h"

static const char sql_export[] =
	"SELECT json_object("
	"'lup_export', 1, 'exported_at', ?2, "
	"'person', json((SELECT json_object('id', p.id, 'name', p.name, 'email', p.email, "
	" 'phone', p.phone, 'unit', p.org_unit, 'role', p.role, 'employee_no', p.employee_no, "
	" 'active', p.active, 'manager', json((SELECT json_object('id', m.id, 'name', m.name, "
	"  'email', m.email) FROM person m WHERE m.id = p.manager_id)), "
	" 'created_at', p.created_at, 'updated_at', p.updated_at) FROM person p WHERE p.id = ?1)), "
	"'manages', (SELECT count(*) FROM person r WHERE r.manager_id = ?1), "
	"'enrolments', json((SELECT json_group_array(json_object('id', e.id, "
	" 'programme', pr.name, 'cohort', c.name, 'cohort_start', c.start_date, "
	" 'cohort_end', c.end_date, 'status', e.status, 'waitlist_pos', e.waitlist_pos, "
	" 'requested_at', e.requested_at, 'enrolled_on', e.enrolled_on, 'ended_on', e.ended_on, "
	" 'note', e.note, 'created_at', e.created_at, 'updated_at', e.updated_at)) "
	" FROM (SELECT * FROM enrolment WHERE person_id = ?1 ORDER BY requested_at, id) e "
	" JOIN cohort c ON c.id = e.cohort_id JOIN programme pr ON pr.id = e.programme_id)), "
	"'attendance', json((SELECT json_group_array(json_object('session', s.title, "
	" 'starts_at', s.starts_at, 'cohort', c.name, 'status', a.status, 'note', a.note, "
	" 'updated_at', a.updated_at)) "
	" FROM (SELECT * FROM attendance WHERE person_id = ?1) a "
	" JOIN session s ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id)), "
	"'placements', json((SELECT json_group_array(json_object('id', pl.id, 'host', h.name, "
	" 'country', h.country, 'city', h.city, 'mentor', pl.mentor, "
	" 'start_date', pl.start_date, 'end_date', pl.end_date, 'travel_days', pl.travel_days, "
	" 'green_travel', pl.green_travel, 'status', pl.status, 'objectives', pl.objectives, "
	" 'agreement_signed', pl.agreement_signed, 'travel_booked', pl.travel_booked, "
	" 'insurance', pl.insurance, 'report_received', pl.report_received, "
	" 'reflection', pl.reflection, 'cancel_reason', pl.cancel_reason, "
	" 'status_changed_at', pl.status_changed_at, "
	" 'log', json((SELECT json_group_array(json_object('date', l.date, 'text', l.text)) "
	"  FROM (SELECT * FROM log_entry WHERE placement_id = pl.id ORDER BY date, id) l)), "
	" 'created_at', pl.created_at, 'updated_at', pl.updated_at)) "
	" FROM (SELECT * FROM placement WHERE person_id = ?1 ORDER BY start_date, id) pl "
	" JOIN host_org h ON h.id = pl.host_id)), "
	"'log', json((SELECT json_group_array(json_object('id', l.id, 'date', l.date, "
	" 'session', s.title, 'placement_id', l.placement_id, 'text', l.text)) "
	" FROM (SELECT * FROM log_entry WHERE person_id = ?1 ORDER BY date, id) l "
	" LEFT JOIN session s ON s.id = l.session_id)), "
	"'checkins', json((SELECT json_group_array(json_object('id', k.id, 'date', k.date, "
	" 'kind', k.kind, 'status', k.status, 'framework', f.ident, 'framework_version', f.version, "
	" 'assessor', coalesce(a.name, k.assessor_name), 'note', k.note, "
	" 'ratings', json((SELECT json_group_array(json_object('competence', c.code, "
	"  'name', c.name, 'level', r.level, 'comment', r.comment)) "
	"  FROM (SELECT r.* FROM rating r JOIN competence c2 ON c2.id = r.competence_id "
	"   WHERE r.checkin_id = k.id ORDER BY c2.seq, c2.code) r "
	"  JOIN competence c ON c.id = r.competence_id)), "
	" 'created_at', k.created_at, 'updated_at', k.updated_at)) "
	" FROM (SELECT * FROM checkin WHERE person_id = ?1 ORDER BY date, id) k "
	" JOIN framework f ON f.id = k.framework_id LEFT JOIN person a ON a.id = k.assessor_id)), "
	"'assessed_others', (SELECT count(*) FROM checkin WHERE assessor_id = ?1 AND person_id <> ?1), "
	"'targets', json((SELECT json_group_array(json_object('framework', x.ident, 'revision', x.revision, "
	" 'competence', x.code, 'level', x.level, 'from', x.valid_from, 'to', x.valid_to)) "
	" FROM (SELECT f.ident, f.revision, c.code, t.level, t.valid_from, t.valid_to FROM target t "
	"  JOIN framework f ON f.id = t.framework_id JOIN competence c ON c.id = t.competence_id "
	"  WHERE t.person_id = ?1 ORDER BY f.ident, t.valid_from, c.seq) x)))";

int lup_person_export_json(lup_db *db, const char *id, FILE *out, lup_err *err)
{
	static const char sql_exists[] = "SELECT 1 FROM person WHERE id = ?1";
	sqlite3_stmt *st;
	char now[21];
	int rc;

	if (!(st = lup_stmt(db, sql_exists, err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("reading a person"));
	if (!(st = lup_stmt(db, sql_export, err)))
		return -1;
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("exporting a person"));
	}
	fputs((const char *)sqlite3_column_text(st, 0), out);
	fputc('\n', out);
	lup_done(st);
	if (ferror(out))
		return lup_err_set(err, LUP_EFAIL, _("cannot write the export"));
	return 0;
}

int lup_person_export_file(lup_db *db, const char *id, const char *path, lup_err *err)
{
	lup_afile af;
	if (lup_afile_open(&af, path, 0600, err) < 0)
		return -1;
	if (lup_person_export_json(db, id, af.fp, err) < 0) {
		lup_afile_abort(&af);
		return -1;
	}
	return lup_afile_commit(&af, err);
}

/* ---- Erasure ---- */

/* The steps, in order; each binds ?1 = the person, ?2 = now.  A step's
 * changes are counted where `count` says. */
enum { C_NONE, C_PEOPLE, C_ENROL, C_ATT, C_PLACE, C_LOG, C_CHECKIN, C_RATING, C_TARGET,
       C_MANAGER, C_ASSESSOR };
static const struct { const char *sql; int count; } erase_steps[] = {
	/* Others' records that name them. */
	{ "UPDATE checkin SET assessor_name = NULL, updated_at = ?2 WHERE assessor_name IS NOT NULL "
	  "AND trim(assessor_name) = (SELECT trim(name) FROM person WHERE id = ?1) COLLATE NOCASE "
	  "AND person_id <> ?1", C_NONE },
	{ "UPDATE checkin SET assessor_id = NULL, updated_at = ?2 WHERE assessor_id = ?1 "
	  "AND person_id <> ?1", C_ASSESSOR },
	{ "UPDATE person SET manager_id = NULL, updated_at = ?2 WHERE manager_id = ?1", C_MANAGER },
	/* Their own rows. */
	{ "DELETE FROM rating WHERE checkin_id IN (SELECT id FROM checkin WHERE person_id = ?1)", C_RATING },
	{ "UPDATE checkin SET supersedes_id = NULL WHERE supersedes_id IN "
	  "(SELECT id FROM checkin WHERE person_id = ?1) AND person_id <> ?1", C_NONE },
	{ "DELETE FROM checkin WHERE person_id = ?1", C_CHECKIN },
	{ "DELETE FROM log_entry WHERE person_id = ?1 OR placement_id IN "
	  "(SELECT id FROM placement WHERE person_id = ?1)", C_LOG },
	{ "DELETE FROM placement WHERE person_id = ?1", C_PLACE },
	{ "DELETE FROM attendance WHERE person_id = ?1", C_ATT },
	{ "DELETE FROM enrolment WHERE person_id = ?1", C_ENROL },
	{ "DELETE FROM target WHERE person_id = ?1", C_TARGET },
	{ "DELETE FROM person WHERE id = ?1", C_PEOPLE },
};

/* After enrolments go: waiting lists run 1, 2, 3 … again, and a free
 * seat goes to the first person waiting (as a withdrawal does). */
static const char sql_cohorts_of[] =
	"SELECT DISTINCT cohort_id FROM enrolment WHERE person_id = ?1";
static const char sql_renumber[] =
	"UPDATE enrolment SET waitlist_pos = (SELECT count(*) FROM enrolment w "
	"WHERE w.cohort_id = enrolment.cohort_id AND w.status = 'waitlisted' "
	"AND (w.waitlist_pos < enrolment.waitlist_pos OR (w.waitlist_pos = enrolment.waitlist_pos "
	"AND w.id < enrolment.id))) + 1, updated_at = ?2 "
	"WHERE cohort_id = ?1 AND status = 'waitlisted'";
/* The first on the waiting list takes a free seat (also after a merge, sync.c). */
const char lup_p_sql_promote[] =
	"UPDATE enrolment SET status = 'enrolled', waitlist_pos = NULL, enrolled_on = ?3, "
	"updated_at = ?2 WHERE id = (SELECT e.id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	"WHERE e.cohort_id = ?1 AND e.status = 'waitlisted' "
	"AND (SELECT count(*) FROM enrolment x WHERE x.cohort_id = ?1 "
	"     AND x.status IN ('enrolled', 'completed')) < c.capacity "
	"ORDER BY e.waitlist_pos, e.requested_at, e.id LIMIT 1)";

static int run_step(lup_db *db, const char *sql, const char *a, const char *b, const char *c,
                    long *changed, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, c, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("erasing"), err) < 0)
		return -1;
	if (changed)
		*changed += sqlite3_changes(db->h);
	return 0;
}

/* Erase one person's rows inside the caller's transaction. */
static int erase_rows(lup_db *db, const char *id, struct lup_erase_counts *n, lup_err *err)
{
	char now[21], today[11];
	char (*cohorts)[LUP_UUID_LEN + 1] = NULL;
	size_t ncoh = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	lup_now_utc(now);
	lup_date_format(lup_date_today(), today);
	if (!(st = lup_stmt(db, sql_cohorts_of, err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char (*one)[LUP_UUID_LEN + 1] = LUP_PUSH(cohorts, ncoh, cap);
		if (!one) {
			lup_done(st);
			free(cohorts);
			return lup_err_oom(err);
		}
		lup_col_copy(st, 0, *one, LUP_UUID_LEN + 1);
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		free(cohorts);
		return lup_sqlerr(db, err, _("erasing"));
	}
	for (size_t i = 0; i < sizeof erase_steps / sizeof erase_steps[0]; i++) {
		long changed = 0, *slot = NULL;
		if (run_step(db, erase_steps[i].sql, id, now, NULL, &changed, err) < 0) {
			free(cohorts);
			return -1;
		}
		switch (erase_steps[i].count) {
		case C_PEOPLE: slot = &n->people; break;
		case C_ENROL: slot = &n->enrolments; break;
		case C_ATT: slot = &n->attendance; break;
		case C_PLACE: slot = &n->placements; break;
		case C_LOG: slot = &n->log_entries; break;
		case C_CHECKIN: slot = &n->checkins; break;
		case C_RATING: slot = &n->ratings; break;
		case C_TARGET: slot = &n->targets; break;
		case C_MANAGER: slot = &n->manager_refs; break;
		case C_ASSESSOR: slot = &n->assessor_refs; break;
		default: break;
		}
		if (slot)
			*slot += changed;
	}
	for (size_t i = 0; i < ncoh; i++) {
		for (;;) {
			long promoted = 0;
			if (run_step(db, sql_renumber, cohorts[i], now, NULL, NULL, err) < 0 ||
			    run_step(db, lup_p_sql_promote, cohorts[i], now, today, &promoted, err) < 0) {
				free(cohorts);
				return -1;
			}
			if (!promoted)
				break;
			n->promoted += promoted;
		}
	}
	free(cohorts);
	return 0;
}

/* A mark beside the database, made before an erase commits and removed
 * when the scrub after it is done: a lup killed in between leaves it, and
 * the next one to open the file for writing finishes the scrub. */
static void scrub_mark_path(lup_db *db, char *out, size_t n)
{
	snprintf(out, n, "%s-scrub", lup_db_path(db));
}

static int scrub_mark(lup_db *db, lup_err *err)
{
	char p[4200];
	int fd;
	scrub_mark_path(db, p, sizeof p);
	if ((fd = open(p, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0)
		return lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), p, strerror(errno));
	fsync(fd);
	close(fd);
	lup_fsync_dir(p);
	return 0;
}

int lup_db_scrub_pending(lup_db *db, lup_err *err)
{
	char p[4200];
	struct stat sb;
	scrub_mark_path(db, p, sizeof p);
	if (lstat(p, &sb) != 0)
		return 0;
	/* another program holding the file open: the next start tries again */
	if (lup_db_scrub(db, err) < 0 && err->code != LUP_EBUSY)
		return -1;
	return 0;
}

int lup_db_scrub(lup_db *db, lup_err *err)
{
	sqlite3_stmt *st;
	int busy = 1;
	char mark[4200];

	if (db->txdepth > 0)
		return lup_err_set(err, LUP_EFAIL, "lup_db_scrub: inside a transaction");
	/* Rebuilt from scratch: no free page, no unused space in a page
	 * holds anything deleted. */
	if (sqlite3_exec(db->h, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("compacting the database"));
	/* Every page into the file, then the WAL cut to nothing. */
	if (sqlite3_prepare_v2(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("compacting the database"));
	if (sqlite3_step(st) == SQLITE_ROW)
		busy = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (busy)
		return lup_err_set(err, LUP_EBUSY,
			_("another program has the database open, so an old copy of the erased data "
			  "stays in its WAL file until that program closes"));
	scrub_mark_path(db, mark, sizeof mark);
	unlink(mark);
	return 0;
}

/* Add the counts of one erasure n to the caller's (NULL: none). */
static void counts_add(struct lup_erase_counts *to, const struct lup_erase_counts *n)
{
	if (!to)
		return;
	to->people += n->people; to->enrolments += n->enrolments;
	to->attendance += n->attendance; to->placements += n->placements;
	to->log_entries += n->log_entries; to->checkins += n->checkins;
	to->ratings += n->ratings; to->targets += n->targets;
	to->manager_refs += n->manager_refs; to->assessor_refs += n->assessor_refs;
	to->promoted += n->promoted;
}

int lup_person_erase(lup_db *db, const char *id, struct lup_erase_counts *counts,
                     lup_err *err)
{
	struct lup_erase_counts n = { 0 };
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (erase_rows(db, id, &n, err) < 0) {
		lup_db_rollback(db);
		return -1;
	}
	if (n.people == 0) {
		lup_db_rollback(db);
		return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
	}
	/* The change log keeps no copy: the erase travels as keys only,
	 * and earlier changes are cleared of the erased rows. */
	db->erase = 1;
	if (scrub_mark(db, err) < 0 || lup_db_commit(db, err) < 0) {
		lup_db_rollback(db);
		return -1;
	}
	counts_add(counts, &n);
	return lup_db_scrub(db, err);
}

/* ---- Retention ---- */

/* ?1 the cut-off day: everything of theirs ended before it. */
static const char sql_purge[] =
	"SELECT p.id, p.name, max(coalesce(e.ended_on, c.end_date)) "
	"FROM person p JOIN enrolment e ON e.person_id = p.id JOIN cohort c ON c.id = e.cohort_id "
	"GROUP BY p.id "
	"HAVING count(*) = count(coalesce(e.ended_on, c.end_date)) "
	" AND max(coalesce(e.ended_on, c.end_date)) < ?1 "
	" AND NOT EXISTS (SELECT 1 FROM placement pl WHERE pl.person_id = p.id AND pl.end_date >= ?1) "
	" AND NOT EXISTS (SELECT 1 FROM checkin k WHERE k.person_id = p.id AND k.date >= ?1) "
	" AND NOT EXISTS (SELECT 1 FROM log_entry l WHERE l.person_id = p.id AND l.date >= ?1) "
	"ORDER BY p.sort_name, p.id";

static int cutoff(long years, const char *today, char out[11], lup_err *err)
{
	lup_date d;
	if (years <= 0)
		return lup_err_set(err, LUP_EINVAL, _("the retention rule is off ([privacy] retention_years = 0)"));
	if (today && *today) {
		if (lup_date_parse(today, lup_date_today(), &d) < 0)
			return lup_err_set(err, LUP_EINVAL, _("'%s' is not a date (YYYY-MM-DD)"), today);
	} else {
		d = lup_date_today();
	}
	d.y -= (int)years;
	if (d.y < 1)
		d.y = 1;
	if (d.m == 2 && d.d == 29 && !lup_date_valid(d))
		d.d = 28;
	lup_date_format(d, out);
	return 0;
}

struct candidate {
	char id[LUP_UUID_LEN + 1];
	char *name, *ended;
};

static long list(lup_db *db, const char *cut, struct candidate **out, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql_purge, err);
	struct candidate *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, cut, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct candidate *c = LUP_PUSH(v, n, cap);
		if (!c)
			break;
		lup_col_copy(st, 0, c->id, sizeof c->id);
		c->name = lup_col_dup(st, 1);
		c->ended = lup_col_dup(st, 2);
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < n; i++) {
			free(v[i].name);
			free(v[i].ended);
		}
		free(v);
		return rc == SQLITE_ROW ? lup_err_oom(err)
		                        : lup_sqlerr(db, err, _("finding people to purge"));
	}
	*out = v;
	return (long)n;
}

static void list_free(struct candidate *v, long n)
{
	for (long i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].ended);
	}
	free(v);
}

long lup_purge_list(lup_db *db, long years, const char *today, lup_purge_cb cb, void *ud,
                    lup_err *err)
{
	char cut[11];
	struct candidate *v;
	long n;
	if (cutoff(years, today, cut, err) < 0 || (n = list(db, cut, &v, err)) < 0)
		return -1;
	for (long i = 0; cb && i < n; i++)
		cb(ud, v[i].id, v[i].name ? v[i].name : "", v[i].ended ? v[i].ended : "");
	list_free(v, n);
	return n;
}

long lup_purge(lup_db *db, long years, const char *today, lup_purge_cb cb, void *ud,
               struct lup_erase_counts *counts, lup_err *err)
{
	struct lup_erase_counts n = { 0 };
	char cut[11];
	struct candidate *v;
	long k;

	if (cutoff(years, today, cut, err) < 0)
		return -1;
	if (lup_db_begin(db, err) < 0)
		return -1;
	/* Listed inside the transaction: exactly these are erased. */
	if ((k = list(db, cut, &v, err)) < 0) {
		lup_db_rollback(db);
		return -1;
	}
	for (long i = 0; i < k; i++)
		if (erase_rows(db, v[i].id, &n, err) < 0) {
			lup_db_rollback(db);
			list_free(v, k);
			return -1;
		}
	db->erase = k > 0;
	if ((k > 0 && scrub_mark(db, err) < 0) || lup_db_commit(db, err) < 0) {
		lup_db_rollback(db);
		list_free(v, k);
		return -1;
	}
	for (long i = 0; cb && i < k; i++)
		cb(ud, v[i].id, v[i].name ? v[i].name : "", v[i].ended ? v[i].ended : "");
	list_free(v, k);
	counts_add(counts, &n);
	if (k > 0 && lup_db_scrub(db, err) < 0)
		return -1;
	return k;
}
