/* session.c — sessions: validation, the iCalendar sequence, quick copies,
 * the keyset-paged list of a cohort's sessions. */
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/cal.h"

void lup_session_clear(struct lup_session *s)
{
	free(s->title);
	free(s->location);
	free(s->facilitators);
	free(s->host_name);
	free(s->notes);
	memset(s, 0, sizeof *s);
}

static void read_session(sqlite3_stmt *st, void *row)
{
	struct lup_session *s = row;
	lup_col_copy(st, 0, s->id, sizeof s->id);
	lup_col_copy(st, 1, s->cohort_id, sizeof s->cohort_id);
	lup_col_copy(st, 2, s->block_id, sizeof s->block_id);
	s->title = lup_col_dup(st, 3);
	lup_col_copy(st, 4, s->kind, sizeof s->kind);
	lup_col_copy(st, 5, s->starts_at, sizeof s->starts_at);
	lup_col_copy(st, 6, s->ends_at, sizeof s->ends_at);
	s->location = lup_col_dup(st, 7);
	s->facilitators = lup_col_dup(st, 8);
	lup_col_copy(st, 9, s->host_id, sizeof s->host_id);
	s->host_name = lup_col_dup(st, 10);
	s->notes = lup_col_dup(st, 11);
	s->sequence = sqlite3_column_int64(st, 12);
	lup_col_copy(st, 13, s->created_at, sizeof s->created_at);
	lup_col_copy(st, 14, s->updated_at, sizeof s->updated_at);
}

int lup_session_get(lup_db *db, const char *id, struct lup_session *s, lup_err *err)
{
	static const char sql[] =
		"SELECT id, cohort_id, block_id, title, kind, starts_at, ends_at, location, facilitators, "
		"host_id, host_name, notes, sequence, created_at, updated_at FROM session WHERE id = ?1";
	return lup_get_row(db, lup_stmt(db, sql, err), id, s, sizeof *s, read_session,
	                   _("reading a session"), _("no such session"), err);
}

/* Normalise a time field to "YYYY-MM-DD HH:MM".  An end may be a bare time,
 * on the start's day. */
static int norm_time(char *field, size_t n, const char *day)
{
	lup_datetime dt;
	char buf[17];
	int hh, mm;
	if (lup_datetime_parse(field, &dt) == 0) {
		lup_datetime_format(dt, buf);
	} else if (day && lup_time_parse(field, &hh, &mm) == 0) {
		snprintf(buf, sizeof buf, "%.10s %02d:%02d", day, hh, mm);
	} else {
		return -1;
	}
	snprintf(field, n, "%s", buf);
	return 0;
}

static int validate(lup_db *db, struct lup_session *s, char programme_id[LUP_ID_SIZE],
                    lup_err *err)
{
	static const char prog_sql[] = "SELECT programme_id FROM cohort WHERE id = ?1";
	static const char block_sql[] =
		"SELECT name FROM block WHERE id = ?1 AND programme_id = ?2";
	static const char host_sql[] = "SELECT name FROM host_org WHERE id = ?1";
	char block_name[128] = "", tmp[LUP_ID_SIZE];
	lup_datetime a, b;
	int r;

	lup_tidy(&s->title);
	lup_tidy(&s->location);
	lup_tidy(&s->facilitators);
	lup_tidy(&s->host_name);
	lup_tidy(&s->notes);
	lup_trim(s->starts_at);
	lup_trim(s->ends_at);

	if ((r = lup_p_lookup(db, prog_sql, s->cohort_id, NULL, programme_id, LUP_ID_SIZE, err)) <= 0)
		return r < 0 ? -1 : lup_err_field(err, "cohort", _("no such cohort"));
	if (s->block_id[0]) {
		if ((r = lup_p_lookup(db, block_sql, s->block_id, programme_id, block_name,
		                 sizeof block_name, err)) <= 0)
			return r < 0 ? -1 : lup_err_field(err, "block_id",
				_("that block is not one of this cohort's programme"));
	}
	if (!s->kind[0])
		snprintf(s->kind, sizeof s->kind, "course_day");
	if (!lup_p_keyword(lup_session_kinds, s->kind))
		return lup_err_field(err, "kind",
			_("'%s' is not a session kind (course_day, follow_up, study_visit, other)"), s->kind);
	if (!s->starts_at[0])
		return lup_err_field(err, "starts_at", _("a start is required (YYYY-MM-DD HH:MM)"));
	if (norm_time(s->starts_at, sizeof s->starts_at, NULL) < 0)
		return lup_err_field(err, "starts_at",
			_("'%s' is not a date and time (YYYY-MM-DD HH:MM)"), s->starts_at);
	if (!s->ends_at[0])
		return lup_err_field(err, "ends_at", _("an end is required (HH:MM or YYYY-MM-DD HH:MM)"));
	if (norm_time(s->ends_at, sizeof s->ends_at, s->starts_at) < 0)
		return lup_err_field(err, "ends_at",
			_("'%s' is not a time or a date and time (YYYY-MM-DD HH:MM)"), s->ends_at);
	lup_datetime_parse(s->starts_at, &a);
	lup_datetime_parse(s->ends_at, &b);
	if (lup_datetime_cmp(b, a) <= 0)
		return lup_err_field(err, "ends_at", _("the end must come after the start"));
	if (lup_date_diff(b.date, a.date) > LUP_SESSION_MAX_DAYS)
		return lup_err_field(err, "ends_at",
			_("a session lasts at most %d days; enter a longer one as several sessions"),
			LUP_SESSION_MAX_DAYS);
	if (!s->title) {
		const char *kl = lup_session_kind_label(s->kind);
		lup_buf t = { 0 };
		if (block_name[0])
			lup_buf_printf(&t, "%s: %s", block_name, kl);
		else
			lup_buf_printf(&t, "%s", kl);
		if (!t.s)
			return lup_err_oom(err);
		s->title = t.s;
	}
	if (strlen(s->title) > 200)
		return lup_err_field(err, "title", _("the title is longer than 200 characters"));
	if (s->location && strlen(s->location) > 200)
		return lup_err_field(err, "location", _("the location is longer than 200 characters"));
	if (s->facilitators && strlen(s->facilitators) > 500)
		return lup_err_field(err, "facilitators", _("the facilitators are longer than 500 characters"));
	if (s->host_id[0]) {
		if ((r = lup_p_lookup(db, host_sql, s->host_id, NULL, tmp, sizeof tmp, err)) <= 0)
			return r < 0 ? -1 : lup_err_field(err, "host_id", _("no such host organisation"));
		if (s->host_name)
			return lup_err_field(err, "host_name",
				_("give either a host from the register or a host's name, not both"));
	}
	if (s->host_name && strlen(s->host_name) > 200)
		return lup_err_field(err, "host_name", _("the host's name is longer than 200 characters"));
	if (s->notes && strlen(s->notes) > 10000)
		return lup_err_field(err, "notes", _("the notes are longer than 10000 characters"));
	return 0;
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int changed(const struct lup_session *o, const struct lup_session *s)
{
	return !same(o->cohort_id, s->cohort_id) || !same(o->block_id, s->block_id) ||
	       !same(o->title, s->title) || !same(o->kind, s->kind) ||
	       !same(o->starts_at, s->starts_at) || !same(o->ends_at, s->ends_at) ||
	       !same(o->location, s->location) || !same(o->facilitators, s->facilitators) ||
	       !same(o->host_id, s->host_id) || !same(o->host_name, s->host_name) ||
	       !same(o->notes, s->notes);
}

static void add_warnings(lup_db *db, const lup_config *cfg, const struct lup_session *s,
                         struct lup_warnings *warn)
{
	lup_err ignored;
	if (!warn)
		return;
	lup_session_conflicts(db, s->id, warn, &ignored);
	if (cfg)
		lup_cohort_warnings(db, cfg, s->cohort_id, warn, &ignored);
}

int lup_session_save(lup_db *db, const lup_config *cfg, struct lup_session *s,
                     struct lup_warnings *warn, lup_err *err)
{
	static const char ins[] =
		"INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at, location, "
		"facilitators, host_id, host_name, notes, sequence, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
	static const char upd[] =
		"UPDATE session SET cohort_id = ?2, block_id = ?3, title = ?4, kind = ?5, starts_at = ?6, "
		"ends_at = ?7, location = ?8, facilitators = ?9, host_id = ?10, host_name = ?11, "
		"notes = ?12, sequence = ?13, updated_at = ?14 WHERE id = ?1";
	int insert = s->id[0] == '\0';
	char programme_id[LUP_ID_SIZE], now[21];
	long sequence = 0;
	sqlite3_stmt *st;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (validate(db, s, programme_id, err) < 0)
		goto fail;
	if (!insert) {
		struct lup_session old;
		int ch;
		if (lup_session_get(db, s->id, &old, err) < 0)
			goto fail;
		ch = changed(&old, s);
		sequence = old.sequence + 1;
		if (!ch) {
			s->sequence = old.sequence;
			memcpy(s->updated_at, old.updated_at, sizeof old.updated_at);
			memcpy(s->created_at, old.created_at, sizeof old.created_at);
			lup_session_clear(&old);
			lup_db_rollback(db);
			add_warnings(db, cfg, s, warn);
			return 0;
		}
		memcpy(s->created_at, old.created_at, sizeof old.created_at);
		lup_session_clear(&old);
	} else {
		lup_uuid(s->id);
	}
	lup_now_utc(now);
	if (!(st = lup_stmt(db, insert ? ins : upd, err)))
		goto fail;
	sqlite3_bind_text(st, 1, s->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, s->cohort_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 3, s->block_id);
	lup_bind_text(st, 4, s->title);
	sqlite3_bind_text(st, 5, s->kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, s->starts_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, s->ends_at, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 8, s->location);
	lup_bind_text(st, 9, s->facilitators);
	lup_bind_text(st, 10, s->host_id);
	lup_bind_text(st, 11, s->host_name);
	lup_bind_text(st, 12, s->notes);
	sqlite3_bind_int64(st, 13, sequence);
	sqlite3_bind_text(st, 14, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving a session"), err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto fail;
	s->sequence = sequence;
	if (insert)
		memcpy(s->created_at, now, sizeof now);
	memcpy(s->updated_at, now, sizeof now);
	add_warnings(db, cfg, s, warn);
	return 0;
fail:
	lup_db_rollback(db);
	if (insert)
		s->id[0] = '\0';
	return -1;
}

static void session_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_session *s = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The session %s was deleted in another window since you opened the form"),
	            s->title ? s->title : s->starts_at);
}

static const struct lup_col session_cols[] = {
	{ LUP_COL(struct lup_session, block_id, BUF, "block_id", N_("Block")),
	  .ref_sql = "SELECT name FROM block WHERE id = ?1" },
	{ LUP_COL(struct lup_session, kind, BUF, "kind", N_("Kind")), .label_of = lup_session_kind_label },
	{ LUP_COL(struct lup_session, title, STR, "title", N_("Title")) },
	{ LUP_COL(struct lup_session, starts_at, BUF, "starts_at", N_("Starts")) },
	{ LUP_COL(struct lup_session, ends_at, BUF, "ends_at", N_("Ends")) },
	{ LUP_COL(struct lup_session, location, STR, "location", N_("Location")) },
	{ LUP_COL(struct lup_session, facilitators, STR, "facilitators", N_("Facilitators")) },
	{ LUP_COL(struct lup_session, host_id, BUF, "host_id", N_("Host")),
	  .ref_sql = "SELECT name FROM host_org WHERE id = ?1" },
	{ LUP_COL(struct lup_session, host_name, STR, "host_name", N_("Other host")) },
	{ LUP_COL(struct lup_session, notes, STR, "notes", N_("Notes")) },
};

LUP_TABLE(session_table, struct lup_session, session_cols,
          lup_session_get, lup_session_clear, session_gone);

int lup_session_update(lup_db *db, const lup_config *cfg, const struct lup_session *seen,
                       struct lup_session *s, struct lup_warnings *warn,
                       struct lup_merge_report *mr, lup_err *err)
{
	if (LUP_MERGE_SAVE(db, &session_table, s->id, seen, s, mr, err,
	                   lup_session_save(db, cfg, s, NULL, err)) < 0)
		return -1;
	add_warnings(db, cfg, s, warn);
	return 0;
}

int lup_p_delete_sessions(lup_db *db, const char *note_sql, const char *del_sql, const char *id,
                          const char *what, const char *missing, lup_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	if (lup_db_begin(db, err) < 0)
		return -1;
	lup_now_utc(now);
	if (!(st = lup_stmt(db, note_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, what, err) < 0 ||
	    lup_delete_by_id(db, del_sql, id, what, missing, err) < 0)
		goto fail;
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_session_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char note[] = LUP_P_NOTE_REMOVED "WHERE s.id = ?1";
	static const char sql[] = "DELETE FROM session WHERE id = ?1";
	return lup_p_delete_sessions(db, note, sql, id, _("deleting a session"), _("no such session"), err);
}

static void shift(char *t, size_t n, int days)
{
	lup_datetime dt;
	char buf[17];
	if (lup_datetime_parse(t, &dt) < 0)
		return;
	dt.date = lup_date_add(dt.date, days);
	lup_datetime_format(dt, buf);
	snprintf(t, n, "%s", buf);
}

static char *dup_or_null(const char *s, int *oom)
{
	char *d;
	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		*oom = 1;
	return d;
}

int lup_session_copy(lup_db *db, const lup_config *cfg, const char *id, const char *cohort_id,
                     int days, struct lup_session *out, struct lup_warnings *warn,
                     lup_err *err)
{
	static const char prog_sql[] = "SELECT programme_id FROM cohort WHERE id = ?1";
	static const char kind_sql[] =
		"SELECT b2.id FROM block b1 JOIN block b2 ON b2.kind = b1.kind "
		"WHERE b1.id = ?1 AND b2.programme_id = ?2 ORDER BY b2.seq LIMIT 1";
	struct lup_session src, c;
	char from_prog[LUP_ID_SIZE], to_prog[LUP_ID_SIZE];
	int oom = 0, r;

	if (days < -3660 || days > 3660)
		return lup_err_field(err, "days", _("copy at most ten years away"));
	if (lup_session_get(db, id, &src, err) < 0)
		return -1;
	memset(&c, 0, sizeof c);
	snprintf(c.cohort_id, sizeof c.cohort_id, "%s",
	         cohort_id && *cohort_id ? cohort_id : src.cohort_id);
	snprintf(c.block_id, sizeof c.block_id, "%s", src.block_id);
	snprintf(c.kind, sizeof c.kind, "%s", src.kind);
	snprintf(c.starts_at, sizeof c.starts_at, "%s", src.starts_at);
	snprintf(c.ends_at, sizeof c.ends_at, "%s", src.ends_at);
	snprintf(c.host_id, sizeof c.host_id, "%s", src.host_id);
	c.title = dup_or_null(src.title, &oom);
	c.location = dup_or_null(src.location, &oom);
	c.facilitators = dup_or_null(src.facilitators, &oom);
	c.host_name = dup_or_null(src.host_name, &oom);
	c.notes = dup_or_null(src.notes, &oom);
	shift(c.starts_at, sizeof c.starts_at, days);
	shift(c.ends_at, sizeof c.ends_at, days);
	if (oom) {
		lup_err_oom(err);
		goto fail;
	}
	if (strcmp(c.cohort_id, src.cohort_id) != 0 && c.block_id[0]) {
		/* Into another programme: its block of the same kind. */
		if ((r = lup_p_lookup(db, prog_sql, src.cohort_id, NULL, from_prog, sizeof from_prog, err)) < 0)
			goto fail;
		if ((r = lup_p_lookup(db, prog_sql, c.cohort_id, NULL, to_prog, sizeof to_prog, err)) <= 0) {
			if (r == 0)
				lup_err_field(err, "cohort", _("no such cohort"));
			goto fail;
		}
		if (strcmp(from_prog, to_prog) != 0 &&
		    lup_p_lookup(db, kind_sql, src.block_id, to_prog, c.block_id, sizeof c.block_id, err) < 0)
			goto fail;
	}
	if (lup_session_save(db, cfg, &c, warn, err) < 0)
		goto fail;
	lup_session_clear(&src);
	if (out)
		*out = c;
	else
		lup_session_clear(&c);
	return 0;
fail:
	lup_session_clear(&src);
	lup_session_clear(&c);
	return -1;
}

/* ---- What a new session most likely is ---- */

/* The first working day from d on. */
static lup_date workday_from(lup_date d)
{
	for (int i = 0; i < 30 && !lup_is_workday(d); i++)
		d = lup_date_add(d, 1);
	return d;
}

int lup_session_suggest(lup_db *db, const lup_config *cfg, const char *cohort_id,
                        struct lup_session *out, lup_err *err)
{
	/* The programme's UL block (else its first), the cohort's start. */
	static const char first_sql[] =
		"SELECT c.start_date, (SELECT b.id FROM block b WHERE b.programme_id = c.programme_id "
		"ORDER BY b.kind <> 'ul', b.seq LIMIT 1) FROM cohort c WHERE c.id = ?1";
	/* The last session, its block's kind. */
	static const char last_sql[] =
		"SELECT s.block_id, coalesce(b.kind, ''), s.kind, s.starts_at, s.ends_at, s.location "
		"FROM session s LEFT JOIN block b ON b.id = s.block_id WHERE s.cohort_id = ?1 "
		"ORDER BY s.starts_at DESC, s.id DESC LIMIT 1";
	/* UL part 1 so far: the course days of UL blocks before the first
	 * follow-up, and the last of them. */
	static const char part1_sql[] =
		"SELECT count(*), max(s.starts_at) FROM session s JOIN block b ON b.id = s.block_id "
		"WHERE s.cohort_id = ?1 AND b.kind = 'ul' AND s.kind = 'course_day' AND s.starts_at < "
		"coalesce((SELECT min(f.starts_at) FROM session f JOIN block fb ON fb.id = f.block_id "
		"  WHERE f.cohort_id = ?1 AND fb.kind = 'ul' AND f.kind = 'follow_up'), '9999')";
	long need = cfg ? lup_config_int(cfg, "programme:ul_part1_days") : 3;
	long weeks = cfg ? lup_config_int(cfg, "programme:ul_part2_min_weeks") : 8;
	char bkind[8] = "", last_start[17] = "", last_end[17] = "", p1_last[17] = "";
	lup_datetime a, b;
	lup_date day;
	sqlite3_stmt *st;
	long p1 = 0;
	int rc, have_last;

	memset(out, 0, sizeof *out);
	snprintf(out->cohort_id, sizeof out->cohort_id, "%s", cohort_id);
	if (!(st = lup_stmt(db, last_sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("reading a session"), err)) < 0)
		return -1;
	if ((have_last = rc == SQLITE_ROW)) {
		lup_col_copy(st, 0, out->block_id, sizeof out->block_id);
		lup_col_copy(st, 1, bkind, sizeof bkind);
		lup_col_copy(st, 3, last_start, sizeof last_start);
		lup_col_copy(st, 4, last_end, sizeof last_end);
		out->location = lup_col_dup(st, 5);
	}
	lup_done(st);
	if (!have_last) {
		char start[11] = "";
		if (!(st = lup_row_by_id(db, first_sql, cohort_id, _("reading a cohort"), _("no such cohort"), err)))
			return -1;
		lup_col_copy(st, 0, start, sizeof start);
		lup_col_copy(st, 1, out->block_id, sizeof out->block_id);
		lup_done(st);
		if (!start[0] || lup_date_parse(start, lup_date_today(), &day) < 0)
			day = lup_date_add(lup_date_today(), 7);
		snprintf(out->kind, sizeof out->kind, "course_day");
		lup_date_format(workday_from(day), start);
		snprintf(out->starts_at, sizeof out->starts_at, "%s 09:00", start);
		snprintf(out->ends_at, sizeof out->ends_at, "%s 16:00", start);
		return 0;
	}
	if (!(st = lup_stmt(db, part1_sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("reading a session"), err)) < 0)
		return -1;
	p1 = sqlite3_column_int64(st, 0);
	lup_col_copy(st, 1, p1_last, sizeof p1_last);
	lup_done(st);
	lup_datetime_parse(last_start, &a);
	lup_datetime_parse(last_end, &b);
	if (p1 > 0 && p1 < need && strcmp(p1_last, last_start) == 0) {
		/* Part 1 goes on: the next working day, the same block. */
		day = workday_from(lup_date_add(a.date, 1));
		snprintf(out->kind, sizeof out->kind, "course_day");
	} else if (strcmp(bkind, "ul") == 0) {
		/* After part 1, UL comes back as part 2: a follow-up, no sooner
		 * than the weeks between the parts allow. */
		lup_datetime p;
		day = lup_date_add(a.date, 7);
		if (p1 > 0 && lup_datetime_parse(p1_last, &p) == 0 &&
		    lup_date_cmp(lup_date_add(p.date, weeks * 7), day) > 0)
			day = lup_date_add(p.date, weeks * 7);
		day = workday_from(day);
		snprintf(out->kind, sizeof out->kind, p1 > 0 ? "follow_up" : "course_day");
	} else {
		day = workday_from(lup_date_add(a.date, 7));
		snprintf(out->kind, sizeof out->kind, "%s",
		         strcmp(bkind, "abw") == 0 ? "study_visit"
		         : strcmp(bkind, "other") == 0 ? "other" : "course_day");
	}
	/* The same times of day (a session over several days: its first). */
	a.date = day;
	b.date = day;
	if (b.hh * 60 + b.mm <= a.hh * 60 + a.mm) {
		b.hh = a.hh < 16 ? 16 : 23;
		b.mm = a.hh < 16 ? 0 : 59;
	}
	lup_datetime_format(a, out->starts_at);
	lup_datetime_format(b, out->ends_at);
	return 0;
}

/* ---- The list of a cohort's sessions ---- */

static const char *const page_sql[2] = {
	"SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM
	"WHERE s.cohort_id = ?1 AND (s.starts_at, s.id) > (?2, ?3) ORDER BY s.starts_at, s.id LIMIT ?4",
	"SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM
	"WHERE s.cohort_id = ?1 AND (s.starts_at, s.id) < (?2, ?3) "
	"ORDER BY s.starts_at DESC, s.id DESC LIMIT ?4",
};

void lup_p_count_conflicts(lup_db *db, struct lup_session_row *rows, int n)
{
	for (int i = 0; i < n; i++) {
		struct lup_warnings w = { 0 };
		lup_err ignored;
		if (lup_session_conflicts(db, rows[i].id, &w, &ignored) >= 0)
			rows[i].conflicts = (int)w.n;
		lup_warnings_clear(&w);
	}
}

int lup_session_page(lup_db *db, const struct lup_session_query *q,
                     const struct lup_session_row *from, int dir, int limit,
                     struct lup_session_row *rows, lup_err *err)
{
	int back = dir < 0, n;
	sqlite3_stmt *st;
	if (!q || !q->cohort_id)
		return lup_err_set(err, LUP_EINVAL, _("no cohort given"));
	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, page_sql[back], err)))
		return -1;
	sqlite3_bind_text(st, 1, q->cohort_id, -1, SQLITE_TRANSIENT);
	lup_bind_key(st, 2, from ? from->starts_at : NULL, back);
	lup_bind_key(st, 3, from ? from->id : NULL, back);
	sqlite3_bind_int(st, 4, limit);
	n = lup_page_rows(db, st, back, limit, rows, sizeof *rows, lup_p_session_row,
	                  _("listing sessions"), err);
	if (n > 0 && q->with_conflicts)
		lup_p_count_conflicts(db, rows, n);
	return n;
}

int lup_session_count(lup_db *db, const struct lup_session_query *q, long *n, lup_err *err)
{
	static const char sql[] = "SELECT count(*) FROM session WHERE cohort_id = ?1";
	sqlite3_stmt *st;
	if (!q || !q->cohort_id)
		return lup_err_set(err, LUP_EINVAL, _("no cohort given"));
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, q->cohort_id, -1, SQLITE_TRANSIENT);
	return lup_count_row(db, st, n, 1, _("counting sessions"), err);
}

int lup_session_row_get(lup_db *db, const struct lup_session_query *q, const char *id,
                        struct lup_session_row *row, lup_err *err)
{
	static const char sql[] = "SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM "WHERE s.id = ?1";
	if (lup_get_row(db, lup_stmt(db, sql, err), id, row, sizeof *row, lup_p_session_row,
	                _("reading a session"), _("no such session"), err) < 0)
		return -1;
	if (q && q->with_conflicts)
		lup_p_count_conflicts(db, row, 1);
	return 0;
}
