/* schema.c — the database schema, as migrations keyed on user_version.
 *
 * Every table has a TEXT PRIMARY KEY holding a random UUID, so rows made on
 * two laptops never collide and SQLite's session extension can merge them.
 * Every row has created_at and updated_at (UTC, ISO 8601).  Dates are
 * YYYY-MM-DD; session times are local (Europe/Stockholm) YYYY-MM-DD HH:MM.
 * Statuses are English keywords, checked here and translated for display.
 */
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"

/* ---- Loading many rows at once (internal.h) ---- */

/* Copies of a table that triggers keep: set aside with its indexes during
 * a load (their triggers dropped, their own indexes too) and made again
 * in one pass at the end. */
static const struct {
	const char *table, *copy;
	int (*fill)(lup_db *, lup_err *);
} bulk_copies[] = {
	{ "person", "person_due", lup_person_due_fill },
};

int lup_bulk_begin(lup_db *db, const char *table, struct lup_bulk *b, lup_err *err)
{
	/* ?1's indexes that are not unique, ?2's too, and ?1's triggers
	 * named for ?2 (those that keep ?2) */
	static const char sql[] =
		"SELECT name, sql, type = 'trigger' FROM sqlite_schema WHERE sql IS NOT NULL "
		"AND ((type = 'index' AND tbl_name IN (?1, ?2) AND sql NOT LIKE 'CREATE UNIQUE %') "
		"OR (type = 'trigger' AND tbl_name = ?1 AND substr(name, 1, length(?2) + 1) = ?2 || '_')) "
		"ORDER BY type, name";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;

	b->n = 0;
	b->fill = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	for (size_t i = 0; i < sizeof bulk_copies / sizeof *bulk_copies; i++)
		if (strcmp(bulk_copies[i].table, table) == 0) {
			sqlite3_bind_text(st, 2, bulk_copies[i].copy, -1, SQLITE_STATIC);
			b->fill = bulk_copies[i].fill;
		}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && b->n < (int)(sizeof b->sql / sizeof *b->sql)) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		/* lup's own index and trigger names: letters and underscores */
		if (!name || strspn(name, "abcdefghijklmnopqrstuvwxyz_") != strlen(name) ||
		    strlen(name) >= sizeof b->name[0])
			continue;
		if (!(b->sql[b->n] = strdup((const char *)sqlite3_column_text(st, 1)))) {
			lup_done(st);
			return lup_err_oom(err);
		}
		snprintf(b->name[b->n], sizeof b->name[0], "%s", name);
		b->trigger[b->n] = sqlite3_column_int(st, 2);
		b->n++;
	}
	lup_done(st);
	for (int i = 0; i < b->n; i++) {
		char drop[96];
		snprintf(drop, sizeof drop, "DROP %s %s", b->trigger[i] ? "TRIGGER" : "INDEX", b->name[i]);
		if (lup_exec(db, drop, err) < 0)
			return -1;
	}
	return 0;
}

int lup_bulk_end(lup_db *db, struct lup_bulk *b, lup_err *err)
{
	int triggers = 0;
	for (int i = 0; i < b->n; i++)
		triggers += b->trigger[i];
	if (triggers && b->fill && b->fill(db, err) < 0)
		return -1;
	for (int i = 0; i < b->n; i++)
		if (lup_exec(db, b->sql[i], err) < 0)
			return -1;
	return 0;
}

void lup_bulk_clear(struct lup_bulk *b)
{
	for (int i = 0; i < b->n; i++)
		free(b->sql[i]);
	b->n = 0;
}

#define TS  "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), " \
            "updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
#define ID  "id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36)"
#define ISDATE(c) "(" c " IS NULL OR (length(" c ") = 10 AND date(" c ") = " c "))"
#define ISTIME(c) "(length(" c ") = 16 AND strftime('%Y-%m-%d %H:%M', " c ") = " c ")"

static const char *const v1[] = {
"CREATE TABLE person ("
	ID ", "
	"name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200), "
	"email TEXT CHECK (email IS NULL OR length(email) <= 254), "
	"phone TEXT CHECK (phone IS NULL OR length(phone) <= 40), "
	"org_unit TEXT CHECK (org_unit IS NULL OR length(org_unit) <= 200), "
	"role TEXT CHECK (role IS NULL OR length(role) <= 200), "
	"manager_id TEXT REFERENCES person(id) ON DELETE SET NULL "
		"CHECK (manager_id IS NULL OR manager_id <> id), "
	"employee_no TEXT CHECK (employee_no IS NULL OR length(employee_no) <= 40), "
	"active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), "
	"search TEXT NOT NULL DEFAULT '', "  /* folded name, e-mail, unit, role */
	"sort_name TEXT NOT NULL DEFAULT '', " /* lup_sortkey(): Swedish order */
	"sort_unit TEXT NOT NULL DEFAULT '', "
	"sort_role TEXT NOT NULL DEFAULT '', "
	TS ")",
"CREATE UNIQUE INDEX person_email ON person(email COLLATE NOCASE) WHERE email IS NOT NULL",
"CREATE UNIQUE INDEX person_employee_no ON person(employee_no) WHERE employee_no IS NOT NULL",
/* The list's orders; `search` rides along so that filtering a page, its
 * count and a row's position read only the index, never the table rows
 * in between (at 50,000 people that is the difference between ~10 ms and
 * ~100 ms a keystroke). */
"CREATE INDEX person_name ON person(sort_name, id, search)",
"CREATE INDEX person_unit ON person(sort_unit, sort_name, id, search)",
"CREATE INDEX person_role ON person(sort_role, sort_name, id, search)",
"CREATE INDEX person_manager ON person(manager_id)",

"CREATE TABLE programme ("
	ID ", "
	"name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200), "
	"description TEXT, "
	"target INTEGER NOT NULL DEFAULT 0 CHECK (target >= 0), "
	"start_date TEXT CHECK " ISDATE("start_date") ", "
	"end_date TEXT CHECK " ISDATE("end_date") ", "
	TS ", "
	"CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date))",

"CREATE TABLE block ("
	ID ", "
	"programme_id TEXT NOT NULL REFERENCES programme(id) ON DELETE CASCADE, "
	"seq INTEGER NOT NULL CHECK (seq >= 1), "
	"kind TEXT NOT NULL CHECK (kind IN ('ul', 'abw', 'egov', 'other')), "
	"name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200), "
	"description TEXT, "
	"min_attendance REAL NOT NULL DEFAULT 0.8 CHECK (min_attendance BETWEEN 0 AND 1), "
	TS ", "
	"UNIQUE (programme_id, seq))",

"CREATE TABLE host_org ("
	ID ", "
	"name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200), "
	"type TEXT NOT NULL DEFAULT 'other' CHECK (type IN "
		"('municipality', 'region', 'agency', 'company', 'ngo', 'other')), "
	"country TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)), "
	"city TEXT, "
	"networks TEXT NOT NULL DEFAULT '[]', " /* [{"network":…,"role":…}] */
	"forum TEXT, "
	"contact_name TEXT, contact_email TEXT, contact_phone TEXT, "
	"languages TEXT, "
	"themes TEXT, "
	"capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0), " /* placements a year */
	"agreement_type TEXT, "
	"agreement_start TEXT CHECK " ISDATE("agreement_start") ", "
	"agreement_end TEXT CHECK " ISDATE("agreement_end") ", "
	"lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90), "
	"lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180), "
	"notes TEXT, "
	"search TEXT NOT NULL DEFAULT '', "
	"sort_name TEXT NOT NULL DEFAULT '', "
	TS ", "
	"CHECK (agreement_start IS NULL OR agreement_end IS NULL OR agreement_end >= agreement_start), "
	"CHECK ((lat IS NULL) = (lon IS NULL)))",
"CREATE INDEX host_org_name ON host_org(sort_name, id)",
"CREATE INDEX host_org_country ON host_org(country, sort_name, id)",

"CREATE TABLE cohort ("
	ID ", "
	"programme_id TEXT NOT NULL REFERENCES programme(id) ON DELETE CASCADE, "
	"name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200), "
	"capacity INTEGER NOT NULL DEFAULT 16 CHECK (capacity BETWEEN 1 AND 1000), "
	"start_date TEXT CHECK " ISDATE("start_date") ", "
	"end_date TEXT CHECK " ISDATE("end_date") ", "
	"status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'running', 'done')), "
	"facilitators TEXT, "
	"notes TEXT, "
	TS ", "
	"CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date), "
	"UNIQUE (programme_id, name))",
"CREATE INDEX cohort_start ON cohort(programme_id, start_date, id)",

"CREATE TABLE session ("
	ID ", "
	"cohort_id TEXT NOT NULL REFERENCES cohort(id) ON DELETE CASCADE, "
	"block_id TEXT REFERENCES block(id) ON DELETE SET NULL, "
	"title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200), "
	"kind TEXT NOT NULL DEFAULT 'course_day' CHECK (kind IN "
		"('course_day', 'follow_up', 'study_visit', 'other')), "
	"starts_at TEXT NOT NULL CHECK " ISTIME("starts_at") ", "
	"ends_at TEXT NOT NULL CHECK " ISTIME("ends_at") ", "
	"location TEXT, "
	"facilitators TEXT, "
	"host_id TEXT REFERENCES host_org(id) ON DELETE SET NULL, "
	"host_name TEXT, " /* study-visit host outside the network (Swedbank, …) */
	"notes TEXT, "
	"sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0), " /* iCalendar SEQUENCE */
	TS ", "
	"CHECK (ends_at > starts_at))",
"CREATE INDEX session_cohort ON session(cohort_id, starts_at, id)",
/* ends_at in the index: overlap checks filter on it without the table. */
"CREATE INDEX session_starts ON session(starts_at, id, ends_at)",
"CREATE INDEX session_block ON session(block_id)",
"CREATE INDEX session_host ON session(host_id)",

"CREATE TABLE enrolment ("
	ID ", "
	"cohort_id TEXT NOT NULL REFERENCES cohort(id) ON DELETE CASCADE, "
	"person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE, "
	"programme_id TEXT NOT NULL REFERENCES programme(id) ON DELETE CASCADE, "
	"status TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN "
		"('enrolled', 'waitlisted', 'withdrawn', 'completed')), "
	"requested_at TEXT NOT NULL, " /* first come, first served */
	"waitlist_pos INTEGER CHECK (waitlist_pos IS NULL OR waitlist_pos >= 1), "
	"enrolled_on TEXT CHECK " ISDATE("enrolled_on") ", "
	"ended_on TEXT CHECK " ISDATE("ended_on") ", "
	"note TEXT, "
	TS ", "
	"CHECK ((status = 'waitlisted') = (waitlist_pos IS NOT NULL)))",
/* One cohort per person per programme (a withdrawn enrolment does not count). */
"CREATE UNIQUE INDEX enrolment_one ON enrolment(programme_id, person_id) WHERE status <> 'withdrawn'",
"CREATE INDEX enrolment_cohort ON enrolment(cohort_id, status, requested_at)",
"CREATE INDEX enrolment_person ON enrolment(person_id)",
/* The programme of an enrolment is its cohort's. */
"CREATE TRIGGER enrolment_programme_ins BEFORE INSERT ON enrolment "
	"WHEN NEW.programme_id IS NOT (SELECT programme_id FROM cohort WHERE id = NEW.cohort_id) "
	"BEGIN SELECT RAISE(ABORT, 'enrolment programme differs from its cohort''s'); END",
"CREATE TRIGGER enrolment_programme_upd BEFORE UPDATE OF cohort_id, programme_id ON enrolment "
	"WHEN NEW.programme_id IS NOT (SELECT programme_id FROM cohort WHERE id = NEW.cohort_id) "
	"BEGIN SELECT RAISE(ABORT, 'enrolment programme differs from its cohort''s'); END",

"CREATE TABLE attendance ("
	ID ", "
	"session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE, "
	"person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE, "
	"status TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')), "
	"note TEXT, "
	TS ", "
	"UNIQUE (session_id, person_id))",
"CREATE INDEX attendance_person ON attendance(person_id)",

"CREATE TABLE placement ("
	ID ", "
	"person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE, "
	"host_id TEXT NOT NULL REFERENCES host_org(id) ON DELETE RESTRICT, "
	"mentor TEXT, "
	"start_date TEXT NOT NULL CHECK " ISDATE("start_date") ", "
	"end_date TEXT NOT NULL CHECK " ISDATE("end_date") ", "
	"travel_days INTEGER NOT NULL DEFAULT 0 CHECK (travel_days BETWEEN 0 AND 14), "
	"green_travel INTEGER NOT NULL DEFAULT 0 CHECK (green_travel IN (0, 1)), "
	"status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN "
		"('proposed', 'agreed', 'confirmed', 'completed', 'cancelled')), "
	"objectives TEXT, "
	"agreement_signed INTEGER NOT NULL DEFAULT 0 CHECK (agreement_signed IN (0, 1)), "
	"travel_booked INTEGER NOT NULL DEFAULT 0 CHECK (travel_booked IN (0, 1)), "
	"insurance INTEGER NOT NULL DEFAULT 0 CHECK (insurance IN (0, 1)), "
	"report_received INTEGER NOT NULL DEFAULT 0 CHECK (report_received IN (0, 1)), "
	"reflection TEXT, "
	"cancel_reason TEXT, "
	"status_changed_at TEXT, "
	TS ", "
	"CHECK (end_date >= start_date), "
	"CHECK (status <> 'cancelled' OR length(trim(cancel_reason)) > 0))",
"CREATE INDEX placement_status ON placement(status, start_date, id)",
"CREATE INDEX placement_host ON placement(host_id, start_date, status)",
"CREATE INDEX placement_person ON placement(person_id, start_date)",
"CREATE INDEX placement_start ON placement(start_date, id)",

/* Frameworks are versioned snapshots: importing a changed file makes a new
 * row; check-ins keep the version they were made with. */
"CREATE TABLE framework ("
	ID ", "
	"ident TEXT NOT NULL CHECK (length(ident) BETWEEN 1 AND 64), " /* e.g. digcomp */
	"name TEXT NOT NULL, "
	"name_sv TEXT, "
	"version TEXT NOT NULL, "
	"revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1), " /* imports of this ident */
	"extends TEXT, " /* ident of the framework this one adapts */
	"description TEXT, "
	"source TEXT, " /* the file it came from */
	"content_hash TEXT NOT NULL, "
	"level_min INTEGER NOT NULL DEFAULT 1, "
	"level_max INTEGER NOT NULL, "
	"imported_at TEXT NOT NULL, "
	TS ", "
	"CHECK (level_max >= level_min), "
	"UNIQUE (ident, revision))",
"CREATE INDEX framework_hash ON framework(ident, content_hash)",

"CREATE TABLE level ("
	ID ", "
	"framework_id TEXT NOT NULL REFERENCES framework(id) ON DELETE CASCADE, "
	"value INTEGER NOT NULL, "
	"name TEXT NOT NULL, name_sv TEXT, "
	"band TEXT, band_sv TEXT, "
	TS ", "
	"UNIQUE (framework_id, value))",

"CREATE TABLE area ("
	ID ", "
	"framework_id TEXT NOT NULL REFERENCES framework(id) ON DELETE CASCADE, "
	"code TEXT NOT NULL, "
	"seq INTEGER NOT NULL, "
	"name TEXT NOT NULL, name_sv TEXT, "
	TS ", "
	"UNIQUE (framework_id, code))",

"CREATE TABLE competence ("
	ID ", "
	"framework_id TEXT NOT NULL REFERENCES framework(id) ON DELETE CASCADE, "
	"area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE, "
	"code TEXT NOT NULL, "
	"seq INTEGER NOT NULL, "
	"name TEXT NOT NULL, name_sv TEXT, "
	"description TEXT, description_sv TEXT, "
	"level_min INTEGER NOT NULL, level_max INTEGER NOT NULL, "
	"retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)), "
	TS ", "
	"CHECK (level_max >= level_min), "
	"UNIQUE (framework_id, code))",
"CREATE INDEX competence_area ON competence(area_id, seq)",
/* seq is the position in the whole framework: rating sheets page on it. */
"CREATE INDEX competence_seq ON competence(framework_id, seq)",

/* Target levels: per role, or per person (which wins).  Keyed on the
 * framework ident and competence code so targets outlive framework
 * versions. */
"CREATE TABLE target ("
	ID ", "
	"framework_ident TEXT NOT NULL, "
	"competence_code TEXT NOT NULL, "
	"role TEXT, "
	"person_id TEXT REFERENCES person(id) ON DELETE CASCADE, "
	"level INTEGER NOT NULL CHECK (level >= 0), "
	"source TEXT, " /* 'file' when it came from a framework profile */
	TS ", "
	"CHECK ((role IS NULL) <> (person_id IS NULL)))",
"CREATE UNIQUE INDEX target_role ON target(framework_ident, role COLLATE NOCASE, competence_code) WHERE role IS NOT NULL",
"CREATE UNIQUE INDEX target_person ON target(framework_ident, person_id, competence_code) WHERE person_id IS NOT NULL",

"CREATE TABLE checkin ("
	ID ", "
	"person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE, "
	"framework_id TEXT NOT NULL REFERENCES framework(id) ON DELETE RESTRICT, "
	"date TEXT NOT NULL CHECK " ISDATE("date") ", "
	"kind TEXT NOT NULL DEFAULT 'self' CHECK (kind IN ('self', 'manager', 'validation')), "
	"assessor_id TEXT REFERENCES person(id) ON DELETE SET NULL, "
	"assessor_name TEXT, "
	"note TEXT, "
	"status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')), "
	"supersedes_id TEXT REFERENCES checkin(id) ON DELETE SET NULL, "
	TS ")",
"CREATE INDEX checkin_person ON checkin(person_id, date, id)",
"CREATE INDEX checkin_date ON checkin(status, date)",
/* The latest final check-in of a person, for due dates, without reading rows. */
"CREATE INDEX checkin_final ON checkin(person_id, date, id) WHERE status = 'final'",
/* A check-in is superseded by at most one other. */
"CREATE UNIQUE INDEX checkin_supersedes ON checkin(supersedes_id) WHERE supersedes_id IS NOT NULL",

"CREATE TABLE rating ("
	ID ", "
	"checkin_id TEXT NOT NULL REFERENCES checkin(id) ON DELETE CASCADE, "
	"competence_id TEXT NOT NULL REFERENCES competence(id) ON DELETE RESTRICT, "
	"level INTEGER, " /* NULL: not assessed */
	"comment TEXT, "
	TS ", "
	"UNIQUE (checkin_id, competence_id))",
"CREATE INDEX rating_competence ON rating(competence_id)",

"CREATE TABLE log_entry ("
	ID ", "
	"person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE, "
	"date TEXT NOT NULL CHECK " ISDATE("date") ", "
	"session_id TEXT REFERENCES session(id) ON DELETE SET NULL, "
	"placement_id TEXT REFERENCES placement(id) ON DELETE CASCADE, "
	"text TEXT NOT NULL CHECK (length(trim(text)) > 0), "
	TS ")",
"CREATE INDEX log_entry_person ON log_entry(person_id, date)",
"CREATE INDEX log_entry_placement ON log_entry(placement_id)",
"CREATE INDEX log_entry_session ON log_entry(session_id)",
NULL
};

/* 2: the Shadowing pipeline's text filter reads one column of the
 * placement itself, its person's and its host's folded search text
 * (kept by the triggers below), instead of collecting every matching
 * person first: at 50,000 people a one-letter filter matched some 45,000
 * of them before a single placement was looked at.  The newline between
 * them is a character no typed filter holds, so no match spans both. */
static const char *const v2[] = {
"ALTER TABLE placement ADD COLUMN search TEXT NOT NULL DEFAULT ''",
"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id"),
"CREATE TRIGGER placement_search_ins AFTER INSERT ON placement BEGIN "
	"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("NEW.person_id", "NEW.host_id") " WHERE id = NEW.id; END",
"CREATE TRIGGER placement_search_upd AFTER UPDATE OF person_id, host_id ON placement BEGIN "
	"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("NEW.person_id", "NEW.host_id") " WHERE id = NEW.id; END",
"CREATE TRIGGER placement_search_person AFTER UPDATE OF search ON person "
	"WHEN NEW.search IS NOT OLD.search BEGIN "
	"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("NEW.id", "placement.host_id") " WHERE person_id = NEW.id; END",
"CREATE TRIGGER placement_search_host AFTER UPDATE OF search ON host_org "
	"WHEN NEW.search IS NOT OLD.search BEGIN "
	"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("placement.person_id", "NEW.id") " WHERE host_id = NEW.id; END",
NULL
};

/* 3: sessions that were deleted (with their cohort or programme too), so
 * that a meeting invitation sent for them can be cancelled (lup export ics
 * --cancel, RFC 5546 METHOD:CANCEL).  The id is the session's own: its
 * iCalendar UID is "<id>@lup".  sequence is the cancellation's SEQUENCE,
 * one above the session's last; updated_at is when it was deleted.  No
 * reference to the cohort, which may be gone as well; nothing about a
 * person is kept. */
static const char *const v3[] = {
"CREATE TABLE session_removed ("
	ID ", "
	"cohort_id TEXT NOT NULL CHECK (length(cohort_id) = 36), "
	"cohort TEXT NOT NULL, "
	"title TEXT NOT NULL, "
	"starts_at TEXT NOT NULL CHECK " ISTIME("starts_at") ", "
	"ends_at TEXT NOT NULL CHECK " ISTIME("ends_at") ", "
	"location TEXT, "
	"sequence INTEGER NOT NULL CHECK (sequence >= 1), "
	TS ")",
"CREATE INDEX session_removed_cohort ON session_removed(cohort_id, starts_at, id)",
"CREATE INDEX session_removed_starts ON session_removed(starts_at, id)",
NULL
};

/* A random (version 4) UUID in SQL, for rows a migration makes. */
#define SQL_UUID "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || " \
	"substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || " \
	"substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"

/* 4: competence assurance that stays true across framework revisions.
 *
 * - A competence has an identity, the same in every revision of its
 *   framework for as long as it means the same; ratings are compared by
 *   it, never by the bare code.  A new competence's identity is its own
 *   id; a file states renames (renamed_from) and replacements (replaces),
 *   kept as written.  Existing revisions get theirs here: a code keeps
 *   its identity from revision to revision while its name stays the same
 *   (ignoring case and accents), and a changed name starts a new one.
 * - Targets belong to a revision and keep their history: a change closes
 *   the row in force (valid_to) and opens a new one (valid_from); a new
 *   revision closes the old revision's rows and opens its own.  Roles
 *   match people's roles by role_key, lup_sortkey(role), the person's
 *   sort_role.  The targets of version 2 (one set per framework id) are
 *   given to every revision whose competence they name, from its import
 *   until the next revision's; those of retired or removed competences
 *   go.
 * - Check-in rounds: a group of people asked to check in at once, and
 *   the drafts made for them. */
static const char *const v4[] = {
"ALTER TABLE competence ADD COLUMN identity TEXT NOT NULL DEFAULT ''",
"ALTER TABLE competence ADD COLUMN renamed_from TEXT",
"ALTER TABLE competence ADD COLUMN replaces TEXT",
"UPDATE competence SET identity = s.ident FROM ("
	"SELECT id, first_value(id) OVER (PARTITION BY fi, code, seg ORDER BY rev) AS ident FROM ("
	"SELECT id, fi, code, rev, sum(brk) OVER (PARTITION BY fi, code ORDER BY rev "
	"ROWS UNBOUNDED PRECEDING) AS seg FROM ("
	"SELECT c.id, f.ident AS fi, lower(c.code) AS code, f.revision AS rev, "
	"CASE WHEN lag(lup_sortkey(trim(c.name))) OVER (PARTITION BY f.ident, lower(c.code) "
	"ORDER BY f.revision) IS lup_sortkey(trim(c.name)) THEN 0 ELSE 1 END AS brk "
	"FROM competence c JOIN framework f ON f.id = c.framework_id))) s "
	"WHERE s.id = competence.id",
"CREATE INDEX competence_identity ON competence(identity, framework_id)",

"ALTER TABLE target RENAME TO target_v2",
"DROP INDEX target_role",
"DROP INDEX target_person",
"CREATE TABLE target ("
	ID ", "
	"framework_id TEXT NOT NULL REFERENCES framework(id) ON DELETE CASCADE, "
	"competence_id TEXT NOT NULL REFERENCES competence(id) ON DELETE CASCADE, "
	"role TEXT CHECK (role IS NULL OR length(role) BETWEEN 1 AND 200), "
	"role_key TEXT, "
	"person_id TEXT REFERENCES person(id) ON DELETE CASCADE, "
	"level INTEGER NOT NULL CHECK (level >= 0), "
	"source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('file', 'user')), "
	"valid_from TEXT NOT NULL, "
	"valid_to TEXT, "
	TS ", "
	"CHECK ((role IS NULL) <> (person_id IS NULL)), "
	"CHECK ((role IS NULL) = (role_key IS NULL)), "
	"CHECK (valid_to IS NULL OR valid_to >= valid_from))",
/* the targets in force: one per revision, competence and role or person */
"CREATE UNIQUE INDEX target_role ON target(framework_id, role_key, competence_id) "
	"WHERE role_key IS NOT NULL AND valid_to IS NULL",
"CREATE UNIQUE INDEX target_person ON target(person_id, framework_id, competence_id) "
	"WHERE person_id IS NOT NULL AND valid_to IS NULL",
"CREATE INDEX target_competence ON target(competence_id, valid_from)",
/* one per revision, competence and role (however spelt) or person: the
 * one set in lup, else the latest */
"INSERT INTO target (id, framework_id, competence_id, role, role_key, person_id, level, source, "
	"valid_from, valid_to, created_at, updated_at) "
	"SELECT " SQL_UUID ", fid, cid, role, rkey, person_id, level, src, vfrom, vto, created_at, updated_at FROM ("
	"SELECT f.id AS fid, c.id AS cid, t.role, "
	"CASE WHEN t.role IS NOT NULL THEN lup_sortkey(trim(t.role)) END AS rkey, t.person_id, t.level, "
	"CASE WHEN t.source = 'file' THEN 'file' ELSE 'user' END AS src, f.imported_at AS vfrom, "
	"(SELECT min(g.imported_at) FROM framework g WHERE g.ident = f.ident AND g.revision > f.revision) AS vto, "
	"t.created_at, t.updated_at, row_number() OVER (PARTITION BY f.id, c.id, "
	"coalesce(lup_sortkey(trim(t.role)), t.person_id) ORDER BY t.source = 'user' DESC, t.updated_at DESC) AS n "
	"FROM target_v2 t JOIN framework f ON f.ident = t.framework_ident "
	"JOIN competence c ON c.framework_id = f.id AND c.code = t.competence_code COLLATE NOCASE AND c.retired = 0 "
	"AND t.level BETWEEN c.level_min AND c.level_max) WHERE n = 1",
"DROP TABLE target_v2",

"CREATE TABLE round ("
	ID ", "
	"name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200), "
	"kind TEXT NOT NULL DEFAULT 'self' CHECK (kind IN ('self', 'manager', 'validation')), "
	"scope TEXT NOT NULL CHECK (scope IN ('everyone', 'unit', 'role', 'cohort')), "
	"scope_value TEXT, " /* the unit or role as written, the cohort's name */
	"cohort_id TEXT REFERENCES cohort(id) ON DELETE SET NULL, "
	"date TEXT NOT NULL CHECK " ISDATE("date") ", " /* the check-ins' date */
	"note TEXT, "
	TS ")",
"CREATE INDEX round_date ON round(date, id)",
"CREATE INDEX round_cohort ON round(cohort_id)",
"ALTER TABLE checkin ADD COLUMN round_id TEXT REFERENCES round(id) ON DELETE SET NULL",
"CREATE INDEX checkin_round ON checkin(round_id, status) WHERE round_id IS NOT NULL",
/* what uses a revision: "In use", and deleting one */
"CREATE INDEX checkin_framework ON checkin(framework_id)",
NULL
};

/* 5: what the programme really did.
 * - A cohort's status is no longer stored: it follows from its dates and
 *   sessions on the day asked about (lup_cohort_status_on); what a
 *   coordinator sets by hand (cancelled, or a status the dates do not
 *   tell) is kept apart in status_override.  The old stored word goes: it
 *   was what said "running" for cohorts that ended years ago.
 * - Sort keys compare numbers by value ("Omgång 2" before "Omgång 14"):
 *   people's and hosts' stored keys, and the role keys targets match
 *   people by (schema 4), are made again.
 * - Study-visit hosts typed as text are linked to the organisation of that
 *   name in the register when exactly one has it; the text stays where
 *   none (or more than one) does.
 * lup_sortkey() is lup's own SQL function (sqlfn.c). */
static const char *const v5[] = {
"ALTER TABLE cohort ADD COLUMN status_override TEXT CHECK (status_override IS NULL OR "
	"status_override IN ('planned', 'open', 'running', 'done', 'cancelled'))",
"ALTER TABLE cohort DROP COLUMN status",
"UPDATE person SET sort_name = lup_sortkey(name), sort_unit = lup_sortkey(coalesce(org_unit, '')), "
	"sort_role = lup_sortkey(coalesce(role, '')) "
	"WHERE sort_name IS NOT lup_sortkey(name) OR sort_unit IS NOT lup_sortkey(coalesce(org_unit, '')) "
	"OR sort_role IS NOT lup_sortkey(coalesce(role, ''))",
"UPDATE host_org SET sort_name = lup_sortkey(name) WHERE sort_name IS NOT lup_sortkey(name)",
"UPDATE target SET role_key = lup_sortkey(trim(role)) "
	"WHERE role IS NOT NULL AND role_key IS NOT lup_sortkey(trim(role))",
"UPDATE session SET host_id = (SELECT h.id FROM host_org h "
	"WHERE h.sort_name = lup_sortkey(trim(session.host_name))), host_name = NULL "
	"WHERE host_id IS NULL AND host_name IS NOT NULL AND (SELECT count(*) FROM host_org h "
	"WHERE h.sort_name = lup_sortkey(trim(session.host_name))) = 1",
NULL
};

/* 6: several laptops.  Facts with a natural key get name-based ids (the
 * same fact entered on two laptops is one row; lup_uuid_name() is the SQL
 * face of crypto.c's lup_uuid_name, in sqlfn.c), and the tables of the
 * change log (see sync.c) appear.  A person enrolled twice in one cohort
 * (withdrawn, then back): the live enrolment (else the latest) takes the
 * cohort's and person's id; an earlier seat keeps its days under an id
 * from the day it began, as lup_enrol keeps one (enrol.c); an earlier
 * place on the waitlist only goes, and of two earlier seats begun on one
 * day the one that lasted longer stays (it covers the other's days). */
static const char *const v6[] = {
"CREATE TEMP TABLE enrol_rank AS WITH r AS (SELECT id, cohort_id, person_id, enrolled_on, ended_on, "
	"row_number() OVER (PARTITION BY cohort_id, person_id ORDER BY status <> 'withdrawn' DESC, "
	"requested_at DESC, id DESC) AS n FROM enrolment) "
	"SELECT id, n, row_number() OVER (PARTITION BY cohort_id, person_id, n = 1, enrolled_on "
	"ORDER BY coalesce(ended_on, '') DESC, id DESC) AS m, enrolled_on FROM r",
"DELETE FROM enrolment WHERE id IN (SELECT id FROM temp.enrol_rank WHERE n > 1 AND (enrolled_on IS NULL OR m > 1))",
"UPDATE enrolment SET id = CASE WHEN (SELECT n FROM temp.enrol_rank r WHERE r.id = enrolment.id) = 1 "
	"THEN lup_uuid_name('enrolment', cohort_id, person_id) "
	"ELSE lup_uuid_name('enrolment', cohort_id, person_id, enrolled_on) END",
"DROP TABLE temp.enrol_rank",
"UPDATE attendance SET id = lup_uuid_name('attendance', session_id, person_id)",
"UPDATE rating SET id = lup_uuid_name('rating', checkin_id, competence_id)",
"UPDATE target SET id = lup_uuid_name('target', framework_id, "
	"(SELECT identity FROM competence c WHERE c.id = target.competence_id), "
	"CASE WHEN role_key IS NOT NULL THEN 'role' ELSE 'person' END, coalesce(role_key, person_id), valid_from)",
/* This copy of the database: its device id (NULL until first needed),
 * which file on which machine that id belongs to, its last change number
 * and hybrid logical clock, its team (lup sync init) and the database all
 * its copies come from (the first programme's id when there is one, so
 * that copies of one older file upgraded apart still agree). */
"CREATE TABLE sync_self ("
	"one INTEGER PRIMARY KEY CHECK (one = 1), "
	"device TEXT, "
	"name TEXT NOT NULL DEFAULT '', "
	"file_tag TEXT, "
	"seq INTEGER NOT NULL DEFAULT 0, "
	"hlc INTEGER NOT NULL DEFAULT 0, "
	"team TEXT, "
	"base TEXT NOT NULL)",
"INSERT INTO sync_self (one, base) VALUES (1, coalesce((SELECT id FROM programme "
	"ORDER BY created_at, id LIMIT 1), (SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || "
	"substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21)) FROM (SELECT hex(randomblob(16)) AS h))))",
/* Every change: this laptop's and every other's.  cs is the changeset as
 * made; effect what applying it here did (NULL: the same), which is undone
 * when an earlier change arrives late.  Changes applied together keep one
 * effect, on the first of them; run = 1 marks the others.  held: waiting
 * for a change it follows. */
"CREATE TABLE sync_log ("
	"device TEXT NOT NULL, "
	"seq INTEGER NOT NULL CHECK (seq >= 1), "
	"hlc INTEGER NOT NULL, "
	"schema INTEGER NOT NULL, "
	"flags INTEGER NOT NULL DEFAULT 0, "
	"deps BLOB, "
	"cs BLOB NOT NULL, "
	"effect BLOB, "
	"held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)), "
	"run INTEGER NOT NULL DEFAULT 0 CHECK (run IN (0, 1)), "
	"PRIMARY KEY (device, seq))",
"CREATE INDEX sync_log_order ON sync_log (held, hlc, device, seq)",
/* Every device heard of: its name, how far its changes are applied here,
 * and what it said it had (its version vector) when last heard. */
"CREATE TABLE sync_peer ("
	"device TEXT PRIMARY KEY NOT NULL, "
	"name TEXT NOT NULL DEFAULT '', "
	"applied INTEGER NOT NULL DEFAULT 0, "
	"acks BLOB, "
	"heard_hlc INTEGER NOT NULL DEFAULT 0)",
/* What a merge rule set aside, for a person to look at: worked out by
 * every laptop from the same changes, so alike everywhere. */
"CREATE TABLE sync_conflict ("
	"id TEXT PRIMARY KEY NOT NULL, "
	"device TEXT NOT NULL, "
	"seq INTEGER NOT NULL, "
	"hlc INTEGER NOT NULL, "
	"tbl TEXT NOT NULL, "
	"row_id TEXT NOT NULL, "
	"col TEXT, "
	"kind TEXT NOT NULL CHECK (kind IN ('value', 'row', 'note')), "
	"rule TEXT NOT NULL, "
	"arrived_won INTEGER NOT NULL DEFAULT 0, "
	"kept, "
	"lost)",
"CREATE INDEX sync_conflict_row ON sync_conflict (tbl, row_id)",
/* A person's answer to a conflict: an ordinary change, synced. */
"CREATE TABLE sync_resolution ("
	ID ", "
	"how TEXT NOT NULL CHECK (how IN ('kept', 'took', 'typed', 'restored')), "
	"value, "
	TS ")",
/* The files of a shared folder already read, and what each held. */
"CREATE TABLE sync_file ("
	"name TEXT PRIMARY KEY NOT NULL, "
	"size INTEGER NOT NULL, "
	"mtime INTEGER NOT NULL, "
	"ranges BLOB)",
/* Rows erased for privacy (lup person erase): no change may bring them
 * back, and no copy of them stays in the log; the erased people's names
 * only as hashes (lup_name_hash), to clear them where typed elsewhere. */
"CREATE TABLE sync_erased (tbl TEXT NOT NULL, pk TEXT NOT NULL, PRIMARY KEY (tbl, pk)) WITHOUT ROWID",
"CREATE TABLE sync_erased_name (hash TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID",
NULL
};

/* 7: the Due list, kept.  person_due holds, for every person, what the
 * list orders and filters them by: whether they are active, their role's
 * and name's sort keys, their search text and the day of their latest
 * check-in that counts (LUP_DUE_LAST).  It is derived data, worked out
 * from person and checkin alone, so the same rows give the same table on
 * every laptop: the triggers below keep it in the same transaction as the
 * write that changes it (whoever writes: lup, a merge, the sqlite3 shell),
 * lup check compares it with what it is worked out from, and it is no
 * table of the programme's (merging laptops leaves it out; each works it
 * out from the rows it merges).  The due date itself needs lup.ini's
 * intervals, so the list reads it from these two indexes a page at a time
 * (due.c), never building anything for everyone. */
#define DUE_ROW(p) p ".id, " p ".active, " p ".sort_role, " p ".sort_name, " p ".search, " \
	LUP_DUE_LAST(p ".id")
#define DUE_REDO(pid) "UPDATE person_due SET last = " LUP_DUE_LAST("person_due.person_id") \
	" WHERE person_id = " pid ";"
/* everyone's entry, in the order of its key */
#define DUE_FILL "INSERT INTO person_due (person_id, active, sort_role, sort_name, search, last) " \
	"SELECT " DUE_ROW("p") " FROM person p ORDER BY p.id"
static const char *const v7[] = {
"CREATE TABLE person_due ("
	"person_id TEXT PRIMARY KEY NOT NULL, "
	"active INTEGER NOT NULL, "
	"sort_role TEXT NOT NULL, "
	"sort_name TEXT NOT NULL, "
	"search TEXT NOT NULL, "
	"last TEXT) WITHOUT ROWID",
DUE_FILL,
/* everyone without an interval of their own role, in order of their
 * latest check-in; and one role's people, the same way */
"CREATE INDEX person_due_last ON person_due(active, last, sort_name, person_id, sort_role, search)",
"CREATE INDEX person_due_role ON person_due(active, sort_role, last, sort_name, person_id, search)",
"CREATE TRIGGER person_due_ins AFTER INSERT ON person BEGIN "
	"DELETE FROM person_due WHERE person_id = NEW.id; "
	"INSERT INTO person_due (person_id, active, sort_role, sort_name, search, last) "
	"SELECT " DUE_ROW("NEW") "; END",
"CREATE TRIGGER person_due_upd AFTER UPDATE OF id, active, sort_role, sort_name, search ON person BEGIN "
	"UPDATE person_due SET person_id = NEW.id, active = NEW.active, sort_role = NEW.sort_role, "
	"sort_name = NEW.sort_name, search = NEW.search WHERE person_id = OLD.id; END",
"CREATE TRIGGER person_due_del AFTER DELETE ON person BEGIN "
	"DELETE FROM person_due WHERE person_id = OLD.id; END",
/* a check-in counts while it is final; a final correction takes the
 * place of what it corrects (of the same person, but a merge is not
 * taken on trust) */
"CREATE TRIGGER person_due_checkin_ins AFTER INSERT ON checkin WHEN NEW.status = 'final' BEGIN "
	DUE_REDO("NEW.person_id")
	DUE_REDO("(SELECT person_id FROM checkin WHERE id = NEW.supersedes_id)") " END",
"CREATE TRIGGER person_due_checkin_upd AFTER UPDATE OF id, person_id, date, status, supersedes_id "
	"ON checkin WHEN OLD.status = 'final' OR NEW.status = 'final' BEGIN "
	DUE_REDO("OLD.person_id") DUE_REDO("NEW.person_id")
	DUE_REDO("(SELECT person_id FROM checkin WHERE id = OLD.supersedes_id)")
	DUE_REDO("(SELECT person_id FROM checkin WHERE id = NEW.supersedes_id)") " END",
"CREATE TRIGGER person_due_checkin_del AFTER DELETE ON checkin WHEN OLD.status = 'final' BEGIN "
	DUE_REDO("OLD.person_id")
	DUE_REDO("(SELECT person_id FROM checkin WHERE id = OLD.supersedes_id)") " END",
NULL
};

int lup_person_due_fill(lup_db *db, lup_err *err)
{
	return lup_exec(db, "DELETE FROM person_due; " DUE_FILL, err);
}

int lup_person_due_redo(lup_db *db, const char *person_id, lup_err *err)
{
	static const char del[] = "DELETE FROM person_due WHERE person_id = ?1";
	static const char ins[] = "INSERT INTO person_due (person_id, active, sort_role, sort_name, search, last) "
		"SELECT " DUE_ROW("p") " FROM person p WHERE p.id = ?1";
	const char *sql[] = { del, ins };

	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st = lup_stmt(db, sql[i], err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			lup_done(st);
			return lup_sqlerr(db, err, _("keeping the Due list"));
		}
		lup_done(st);
	}
	return 0;
}

long lup_db_repair(lup_db *db, lup_err *err)
{
	/* entries of people who are gone, then those that differ from what
	 * person and checkin give, then everyone's missing entry */
	static const char *const sql[] = {
		"DELETE FROM person_due WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = person_due.person_id)",
		"DELETE FROM person_due WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = person_due.person_id "
		"AND p.active IS person_due.active AND p.sort_role IS person_due.sort_role "
		"AND p.sort_name IS person_due.sort_name AND p.search IS person_due.search "
		"AND person_due.last IS " LUP_DUE_LAST("p.id") ")",
		"INSERT INTO person_due (person_id, active, sort_role, sort_name, search, last) "
		"SELECT " DUE_ROW("p") " FROM person p "
		"WHERE NOT EXISTS (SELECT 1 FROM person_due d WHERE d.person_id = p.id) ORDER BY p.id",
	};
	long n = 0;

	if (lup_db_begin(db, err) < 0)
		return -1;
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		if (lup_exec(db, sql[i], err) < 0) {
			lup_db_rollback(db);
			return -1;
		}
		if (i != 1)   /* a stale entry is counted when it is made again */
			n += sqlite3_changes(db->h);
	}
	return lup_db_commit(db, err) < 0 ? -1 : n;
}

const struct lup_migration lup_migrations[] = {
	{ 1, v1 },
	{ 2, v2 },
	{ 3, v3 },
	{ 4, v4 },
	{ 5, v5 },
	{ 6, v6 },
	{ 7, v7 },
	{ 0, NULL }
};
