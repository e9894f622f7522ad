/* export.c — tables out as CSV or JSON.
 *
 * Each table's columns are listed once (an X-macro); the CSV query and the
 * JSON query (json_object per row, streamed as one array) are both made
 * from that list at compile time, so the two formats cannot drift apart
 * and no SQL is built at run time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/export.h"

/* F: the first column; X: another; J: one whose JSON differs from its
 * CSV text (a column holding JSON, which JSON output nests). */
#define CSV_F(k, e)     e " AS \"" #k "\""
#define CSV_X(k, e)     ", " e " AS \"" #k "\""
#define CSV_J(k, c, j)  ", " c " AS \"" #k "\""
#define JSON_F(k, e)    "'" #k "', " e
#define JSON_X(k, e)    ", '" #k "', " e
#define JSON_J(k, c, j) ", '" #k "', " j

#define PEOPLE(F, X, J) \
	F(id, "p.id") X(name, "p.name") X(email, "p.email") X(phone, "p.phone") \
	X(unit, "p.org_unit") X(role, "p.role") X(employee_no, "p.employee_no") \
	X(manager, "coalesce(m.employee_no, m.email, m.id)") X(manager_name, "m.name") \
	X(active, "p.active") X(created_at, "p.created_at") X(updated_at, "p.updated_at")
#define PEOPLE_FROM \
	" FROM person p LEFT JOIN person m ON m.id = p.manager_id ORDER BY p.sort_name, p.id"

#define ENROLCOUNT(s) \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = '" s "')"
#define COHORTS(F, X, J) \
	F(id, "c.id") X(programme_id, "c.programme_id") X(programme, "pr.name") \
	X(name, "c.name") X(status, LUP_P_COHORT_STATUS("c", "date('now', 'localtime')")) \
	X(status_override, "c.status_override") X(capacity, "c.capacity") \
	X(start_date, "c.start_date") X(end_date, "c.end_date") \
	X(enrolled, ENROLCOUNT("enrolled")) X(completed, ENROLCOUNT("completed")) \
	X(waitlisted, ENROLCOUNT("waitlisted")) X(withdrawn, ENROLCOUNT("withdrawn")) \
	X(facilitators, "c.facilitators") X(notes, "c.notes") \
	X(created_at, "c.created_at") X(updated_at, "c.updated_at")
#define COHORTS_FROM \
	" FROM cohort c JOIN programme pr ON pr.id = c.programme_id " \
	"ORDER BY pr.name, c.start_date, lup_sortkey(c.name), c.id"

#define SESSIONS(F, X, J) \
	F(id, "s.id") X(cohort_id, "s.cohort_id") X(cohort, "c.name") \
	X(block_id, "s.block_id") X(block, "b.name") X(block_kind, "b.kind") \
	X(title, "s.title") X(kind, "s.kind") X(starts_at, "s.starts_at") X(ends_at, "s.ends_at") \
	X(location, "s.location") X(facilitators, "s.facilitators") X(host_id, "s.host_id") \
	X(host, "coalesce(h.name, s.host_name)") X(notes, "s.notes") X(sequence, "s.sequence") \
	X(created_at, "s.created_at") X(updated_at, "s.updated_at")
#define SESSIONS_FROM \
	" FROM session s JOIN cohort c ON c.id = s.cohort_id LEFT JOIN block b ON b.id = s.block_id " \
	"LEFT JOIN host_org h ON h.id = s.host_id ORDER BY s.starts_at, s.id"

#define ENROLMENTS(F, X, J) \
	F(id, "e.id") X(person_id, "e.person_id") X(person, "p.name") X(email, "p.email") \
	X(employee_no, "p.employee_no") X(cohort_id, "e.cohort_id") X(cohort, "c.name") \
	X(programme, "pr.name") X(status, "e.status") X(waitlist_pos, "e.waitlist_pos") \
	X(requested_at, "e.requested_at") X(enrolled_on, "e.enrolled_on") \
	X(ended_on, "e.ended_on") X(note, "e.note") \
	X(created_at, "e.created_at") X(updated_at, "e.updated_at")
#define ENROLMENTS_FROM \
	" FROM enrolment e JOIN person p ON p.id = e.person_id JOIN cohort c ON c.id = e.cohort_id " \
	"JOIN programme pr ON pr.id = e.programme_id " \
	"ORDER BY c.start_date, c.name, e.cohort_id, e.status, e.waitlist_pos, p.sort_name, e.id"

#define ATTENDANCE(F, X, J) \
	F(id, "a.id") X(session_id, "a.session_id") X(session, "s.title") \
	X(starts_at, "s.starts_at") X(cohort, "c.name") X(person_id, "a.person_id") \
	X(person, "p.name") X(email, "p.email") X(status, "a.status") X(note, "a.note") \
	X(created_at, "a.created_at") X(updated_at, "a.updated_at")
#define ATTENDANCE_FROM \
	" FROM attendance a JOIN session s ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id " \
	"JOIN person p ON p.id = a.person_id ORDER BY s.starts_at, s.id, p.sort_name, a.id"

#define HOSTS(F, X, J) \
	F(id, "h.id") X(name, "h.name") X(type, "h.type") X(country, "h.country") X(city, "h.city") \
	J(networks, "h.networks", \
	  "CASE WHEN json_valid(h.networks) THEN json(h.networks) ELSE h.networks END") \
	X(forum, "h.forum") X(contact_name, "h.contact_name") X(contact_email, "h.contact_email") \
	X(contact_phone, "h.contact_phone") X(languages, "h.languages") X(themes, "h.themes") \
	X(capacity, "h.capacity") X(agreement_type, "h.agreement_type") \
	X(agreement_start, "h.agreement_start") X(agreement_end, "h.agreement_end") \
	X(lat, "h.lat") X(lon, "h.lon") X(notes, "h.notes") \
	X(created_at, "h.created_at") X(updated_at, "h.updated_at")
#define HOSTS_FROM " FROM host_org h ORDER BY h.sort_name, h.id"

#define PLACEMENTS(F, X, J) \
	F(id, "pl.id") X(person_id, "pl.person_id") X(person, "p.name") X(email, "p.email") \
	X(host_id, "pl.host_id") X(host, "h.name") X(country, "h.country") X(city, "h.city") \
	X(mentor, "pl.mentor") X(start_date, "pl.start_date") X(end_date, "pl.end_date") \
	X(travel_days, "pl.travel_days") X(green_travel, "pl.green_travel") X(status, "pl.status") \
	X(objectives, "pl.objectives") X(agreement_signed, "pl.agreement_signed") \
	X(travel_booked, "pl.travel_booked") X(insurance, "pl.insurance") \
	X(report_received, "pl.report_received") X(reflection, "pl.reflection") \
	X(cancel_reason, "pl.cancel_reason") X(status_changed_at, "pl.status_changed_at") \
	X(created_at, "pl.created_at") X(updated_at, "pl.updated_at")
#define PLACEMENTS_FROM \
	" FROM placement pl JOIN person p ON p.id = pl.person_id JOIN host_org h ON h.id = pl.host_id " \
	"ORDER BY pl.start_date, p.sort_name, pl.id"

#define CHECKINS(F, X, J) \
	F(id, "k.id") X(person_id, "k.person_id") X(person, "p.name") X(email, "p.email") \
	X(framework, "f.ident") X(framework_version, "f.version") \
	X(framework_revision, "f.revision") X(date, "k.date") X(kind, "k.kind") \
	X(status, "k.status") X(assessor_id, "k.assessor_id") \
	X(assessor, "coalesce(a.name, k.assessor_name)") X(note, "k.note") \
	X(supersedes_id, "k.supersedes_id") \
	X(ratings, "(SELECT count(*) FROM rating r WHERE r.checkin_id = k.id)") \
	X(created_at, "k.created_at") X(updated_at, "k.updated_at")
#define CHECKINS_FROM \
	" FROM checkin k JOIN person p ON p.id = k.person_id JOIN framework f ON f.id = k.framework_id " \
	"LEFT JOIN person a ON a.id = k.assessor_id ORDER BY k.date, p.sort_name, k.id"

#define RATINGS(F, X, J) \
	F(id, "r.id") X(checkin_id, "r.checkin_id") X(person_id, "k.person_id") \
	X(person, "p.name") X(date, "k.date") X(kind, "k.kind") X(status, "k.status") \
	X(framework, "f.ident") X(area, "ar.code") X(area_name, "ar.name") \
	X(competence, "c.code") X(competence_name, "c.name") X(level, "r.level") \
	X(comment, "r.comment") X(created_at, "r.created_at") X(updated_at, "r.updated_at")
#define RATINGS_FROM \
	" FROM rating r JOIN checkin k ON k.id = r.checkin_id JOIN person p ON p.id = k.person_id " \
	"JOIN competence c ON c.id = r.competence_id JOIN area ar ON ar.id = c.area_id " \
	"JOIN framework f ON f.id = k.framework_id " \
	"ORDER BY k.date, p.sort_name, k.id, ar.seq, c.seq, r.id"

#define TABLE(name, COLS, FROM) \
	{ name, "SELECT " COLS(CSV_F, CSV_X, CSV_J) FROM, \
	  "SELECT json_object(" COLS(JSON_F, JSON_X, JSON_J) ")" FROM }

static const struct table {
	const char *name, *csv, *json;
} tables[] = {
	TABLE("people", PEOPLE, PEOPLE_FROM),
	TABLE("cohorts", COHORTS, COHORTS_FROM),
	TABLE("sessions", SESSIONS, SESSIONS_FROM),
	TABLE("enrolments", ENROLMENTS, ENROLMENTS_FROM),
	TABLE("attendance", ATTENDANCE, ATTENDANCE_FROM),
	TABLE("hosts", HOSTS, HOSTS_FROM),
	TABLE("placements", PLACEMENTS, PLACEMENTS_FROM),
	TABLE("checkins", CHECKINS, CHECKINS_FROM),
	TABLE("ratings", RATINGS, RATINGS_FROM),
};
#define NTABLES (sizeof tables / sizeof tables[0])

static const struct { const char *alias, *name; } aliases[] = {
	{ "person", "people" }, { "cohort", "cohorts" }, { "session", "sessions" },
	{ "enrolment", "enrolments" }, { "enrollment", "enrolments" }, { "enrollments", "enrolments" },
	{ "host", "hosts" }, { "host_org", "hosts" }, { "placement", "placements" },
	{ "checkin", "checkins" }, { "check-ins", "checkins" }, { "rating", "ratings" },
};

const char *const *lup_export_tables(void)
{
	static const char *names[NTABLES + 1];
	for (size_t i = 0; i < NTABLES; i++)
		names[i] = tables[i].name;
	names[NTABLES] = NULL;
	return names;
}

static const struct table *find_table(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].alias, name) == 0)
			name = aliases[i].name;
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(tables[i].name, name) == 0)
			return &tables[i];
	return NULL;
}

const char *lup_export_table_name(const char *name)
{
	const struct table *t = find_table(name);
	return t ? t->name : NULL;
}

void lup_csv_put(FILE *out, const char *s, char delim)
{
	size_t n;
	if (!s || !*s)
		return;
	n = strlen(s);
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n") && s[0] != ' ' && s[0] != '\t' &&
	    s[n - 1] != ' ' && s[n - 1] != '\t') {
		fwrite(s, 1, n, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

void lup_csv_put_cell(FILE *out, const char *s, char delim)
{
	size_t n;
	char *q;

	/* A spreadsheet runs a cell that starts like a formula: such a cell
	 * starts with an apostrophe instead, which shows it as text. */
	if (!s || !s[0] || !strchr("=+-@\t\r", s[0])) {
		lup_csv_put(out, s, delim);
		return;
	}
	n = strlen(s);
	if ((q = malloc(n + 2))) {
		q[0] = '\'';
		memcpy(q + 1, s, n + 1);
		lup_csv_put(out, q, delim);
		free(q);
		return;
	}
	/* without memory for a copy: the apostrophe, then the field as it
	 * is, quoted the same way */
	putc('"', out);
	putc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

int lup_export_write(lup_db *db, const char *table, const struct lup_export_opts *o,
                     FILE *out, long *rows, lup_err *err)
{
	const struct table *t = find_table(table);
	int json = o && o->format == LUP_EXPORT_JSON, excel = o && o->excel && !json;
	char delim = excel ? ';' : ',';
	sqlite3_stmt *st;
	long n = 0;
	int rc, ncol;

	if (rows)
		*rows = 0;
	if (!t)
		return lup_err_set(err, LUP_EINVAL, _("lup cannot export '%s'"), table ? table : "");
	if (!(st = lup_stmt(db, json ? t->json : t->csv, err)))
		return -1;
	ncol = sqlite3_column_count(st);
	if (json) {
		fputs("[", out);
	} else {
		if (excel)
			fputs("\xef\xbb\xbf", out);
		for (int i = 0; i < ncol; i++) {
			if (i)
				putc(delim, out);
			lup_csv_put(out, lup_export_header(sqlite3_column_name(st, i), o ? o->lang : LUP_EXPORT_EN),
			            delim);
		}
		fputs("\r\n", out);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (json) {
			fputs(n ? ",\n" : "\n", out);
			fputs((const char *)sqlite3_column_text(st, 0), out);
		} else {
			for (int i = 0; i < ncol; i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);
				if (i)
					putc(delim, out);
				if (excel)
					lup_csv_put_cell(out, v, delim);
				else
					lup_csv_put(out, v, delim);
			}
			fputs("\r\n", out);
		}
		n++;
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("exporting"));
	if (json)
		fputs(n ? "\n]\n" : "]\n", out);
	if (rows)
		*rows = n;
	if (fflush(out) != 0 || ferror(out))
		return lup_err_set(err, LUP_EFAIL, _("cannot write the export: %s"),
		                   errno == ENOSPC ? _("the disk is full") : strerror(errno));
	return 0;
}

int lup_export_file(lup_db *db, const char *table, const struct lup_export_opts *o,
                    const char *path, long *rows, lup_err *err)
{
	lup_afile af;
	if (!find_table(table))
		return lup_err_set(err, LUP_EINVAL, _("lup cannot export '%s'"), table ? table : "");
	if (lup_afile_open(&af, path, 0600, err) < 0)
		return -1;
	if (lup_export_write(db, table, o, af.fp, rows, err) < 0) {
		lup_afile_abort(&af);
		return -1;
	}
	return lup_afile_commit(&af, err);
}
