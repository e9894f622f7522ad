/* doc_data.c — what each document prints, read from the database into
 * the values its template's placeholders take (doc.h, doc_int.h). */
#include <stdlib.h>
#include <string.h>
#include "core/doc_int.h"
#include "core/prog.h"
#include "lup/country.h"
#include "lup/enrol.h"

void lup_doc_job_clear(struct doc_job *job)
{
	for (size_t i = 0; i < job->nstrs; i++)
		free(job->strs[i]);
	free(job->strs);
	free(job->rows);
	free(job->copies);
	memset(job, 0, sizeof *job);
}

/* Keep a copy of s (NULL: "") for as long as the job lives. */
static const char *keep(struct doc_job *job, const char *s)
{
	char *c;
	if (lup_grow(&job->strs, &job->capstrs, job->nstrs + 1, sizeof *job->strs) < 0 ||
	    !(c = strdup(s ? s : "")))
		return NULL;
	job->strs[job->nstrs++] = c;
	return c;
}

static int set(struct doc_job *job, struct lup_doc_values *v, enum lup_doc_key k, const char *s)
{
	return (v->v[k] = keep(job, s)) ? 0 : -1;
}

static int setcol(struct doc_job *job, struct lup_doc_values *v, enum lup_doc_key k,
                  sqlite3_stmt *st, int i)
{
	return set(job, v, k, (const char *)sqlite3_column_text(st, i));
}

static int setnum(struct doc_job *job, struct lup_doc_values *v, enum lup_doc_key k, long n)
{
	char b[24];
	snprintf(b, sizeof b, "%ld", n);
	return set(job, v, k, b);
}

static struct lup_doc_values *new_row(struct doc_job *job)
{
	struct lup_doc_values *r = LUP_PUSH(job->rows, job->data.nrows, job->caprows);
	job->data.rows = job->rows;
	return r;
}

static struct lup_doc_values *new_copy(struct doc_job *job)
{
	struct lup_doc_values *c = LUP_PUSH(job->copies, job->data.ncopies, job->capcopies);
	job->data.copies = job->copies;
	return c;
}

/* Hours as "21" or "22.5" (a decimal comma in Swedish), to a tenth. */
static void hours_text(long minutes, const char *lang, char *buf, size_t n)
{
	long tenths = (minutes * 10 + 30) / 60;
	if (tenths % 10 == 0)
		snprintf(buf, n, "%ld", tenths / 10);
	else
		snprintf(buf, n, "%ld%s%ld", tenths / 10, strcmp(lang, "sv") == 0 ? "," : ".", tenths % 10);
}

/* The hours a session counts: its length on one day; over several days,
 * the daily span times the days (a three-day course 09:00–16:00 is 21
 * hours), or the time between start and end when the end's time of day is
 * not after the start's (an overnight visit). */
static long session_minutes(const char *starts, const char *ends)
{
	lup_datetime a, b;
	long days, span;
	if (lup_datetime_parse(starts, &a) < 0 || lup_datetime_parse(ends, &b) < 0)
		return 0;
	days = lup_date_diff(b.date, a.date);
	span = (b.hh * 60 + b.mm) - (a.hh * 60 + a.mm);
	if (days <= 0)
		return span > 0 ? span : 0;
	if (span > 0)
		return span * (days + 1);
	return days * 1440 + span;
}

/* "2014-03-10" or "2014-03-10 – 2014-03-12". */
static void dates_text(const char *first, const char *last, char *buf, size_t n)
{
	if (!*first)
		snprintf(buf, n, "%s", last);
	else if (!*last || strcmp(first, last) == 0)
		snprintf(buf, n, "%s", first);
	else
		snprintf(buf, n, "%s – %s", first, last);
}

static int common(struct doc_job *job, const lup_config *cfg)
{
	struct lup_doc_values *d = &job->data.doc;
	const char *org = cfg ? lup_config_str(cfg, "documents:organisation") : "";
	char today[11];
	if (!*org && cfg)
		org = lup_config_str(cfg, "shadowing:home_name");
	lup_p_today(today);
	if (set(job, d, LUP_DK_organisation, org) < 0 ||
	    set(job, d, LUP_DK_signatory, cfg ? lup_config_str(cfg, "documents:signatory") : "") < 0 ||
	    set(job, d, LUP_DK_signatory_title, cfg ? lup_config_str(cfg, "documents:signatory_title") : "") < 0 ||
	    set(job, d, LUP_DK_today, today) < 0)
		return -1;
	return 0;
}

/* ---- A session's sign-in sheet ---- */

static int gather_sheet(lup_db *db, const char *id, struct doc_job *job, lup_err *err)
{
	static const char sql[] =
		"SELECT s.title, s.starts_at, s.ends_at, coalesce(s.location, ''), "
		"coalesce(s.facilitators, c.facilitators, ''), coalesce(h.name, s.host_name, ''), "
		"coalesce(h.city, ''), c.name, p.name, coalesce(b.name, '') "
		"FROM session s JOIN cohort c ON c.id = s.cohort_id JOIN programme p ON p.id = c.programme_id "
		"LEFT JOIN block b ON b.id = s.block_id LEFT JOIN host_org h ON h.id = s.host_id WHERE s.id = ?1";
	static const char people[] = LUP_P_REGISTER_SQL(
		", coalesce(p.org_unit, ''), coalesce(p.role, ''), coalesce(p.email, ''), coalesce(p.phone, '')");
	struct lup_doc_values *d = &job->data.doc;
	sqlite3_stmt *st;
	char starts[17], ends[17], buf[80];
	int rc, n = 0;

	if (!(st = lup_row_by_id(db, sql, id, _("reading a session"), _("no such session"), err)))
		return -1;
	lup_col_cut(st, 1, starts, sizeof starts);
	lup_col_cut(st, 2, ends, sizeof ends);
	if (setcol(job, d, LUP_DK_session, st, 0) < 0 || setcol(job, d, LUP_DK_facilitators, st, 4) < 0 ||
	    setcol(job, d, LUP_DK_host, st, 5) < 0 || setcol(job, d, LUP_DK_cohort, st, 7) < 0 ||
	    setcol(job, d, LUP_DK_programme, st, 8) < 0 || setcol(job, d, LUP_DK_block, st, 9) < 0)
		goto nomem;
	{
		const char *loc = (const char *)sqlite3_column_text(st, 3);
		const char *host = (const char *)sqlite3_column_text(st, 5);
		const char *city = (const char *)sqlite3_column_text(st, 6);
		lup_buf place = { 0 };
		if (loc && *loc)
			lup_buf_puts(&place, loc);
		else if (host && *host)
			lup_buf_printf(&place, city && *city ? "%s, %s" : "%s", host, city);
		rc = set(job, d, LUP_DK_place, place.s);
		lup_buf_clear(&place);
		if (rc < 0)
			goto nomem;
	}
	snprintf(job->title_hint, sizeof job->title_hint, "%s", d->v[LUP_DK_session]);
	lup_done(st);
	snprintf(buf, sizeof buf, "%.10s", starts);
	if (set(job, d, LUP_DK_date, buf) < 0)
		return lup_err_oom(err);
	snprintf(buf, sizeof buf, "%.5s", starts + 11);
	if (set(job, d, LUP_DK_start, buf) < 0)
		return lup_err_oom(err);
	snprintf(buf, sizeof buf, "%.5s", ends + 11);
	if (set(job, d, LUP_DK_end, buf) < 0)
		return lup_err_oom(err);
	if (strncmp(starts, ends, 10) == 0)
		snprintf(buf, sizeof buf, "%.5s–%.5s", starts + 11, ends + 11);
	else
		snprintf(buf, sizeof buf, "%.5s – %s", starts + 11, ends);
	if (set(job, d, LUP_DK_time, buf) < 0)
		return lup_err_oom(err);

	if (!(st = lup_stmt(db, people, err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("reading the register"), err)) == SQLITE_ROW) {
		struct lup_doc_values *r = new_row(job);
		if (!r || setnum(job, r, LUP_DK_n, ++n) < 0 || setcol(job, r, LUP_DK_name, st, 1) < 0 ||
		    setcol(job, r, LUP_DK_unit, st, 4) < 0 || setcol(job, r, LUP_DK_role, st, 5) < 0 ||
		    setcol(job, r, LUP_DK_email, st, 6) < 0 || setcol(job, r, LUP_DK_phone, st, 7) < 0)
			goto nomem;
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	return setnum(job, d, LUP_DK_count, n) < 0 ? lup_err_oom(err) : 0;
nomem:
	lup_done(st);
	return lup_err_oom(err);
}

/* ---- A cohort: participant list and certificates ---- */

static int gather_cohort(lup_db *db, const char *id, const char *lang, int blocks,
                         struct doc_job *job, lup_err *err)
{
	static const char sql[] =
		"SELECT c.name, p.name, coalesce(c.facilitators, ''), coalesce(c.start_date, ''), "
		"coalesce(c.end_date, ''), c.programme_id FROM cohort c JOIN programme p ON p.id = c.programme_id "
		"WHERE c.id = ?1";
	static const char block_sql[] = "SELECT id, name FROM block WHERE programme_id = ?1 ORDER BY seq";
	static const char session_sql[] =
		"SELECT coalesce(block_id, ''), starts_at, ends_at FROM session WHERE cohort_id = ?1 "
		"ORDER BY starts_at, id";
	struct lup_doc_values *d = &job->data.doc;
	struct blk { char id[LUP_ID_SIZE]; char first[11], last[11]; long minutes, sessions; } *bl = NULL;
	int nb = 0, rc;
	size_t capb = 0;
	char first[11] = "", last[11] = "", prog[LUP_ID_SIZE], buf[64];
	long minutes = 0, sessions = 0;
	sqlite3_stmt *st;

	if (!(st = lup_row_by_id(db, sql, id, _("reading a cohort"), _("no such cohort"), err)))
		return -1;
	if (setcol(job, d, LUP_DK_cohort, st, 0) < 0 || setcol(job, d, LUP_DK_programme, st, 1) < 0 ||
	    setcol(job, d, LUP_DK_facilitators, st, 2) < 0) {
		lup_done(st);
		return lup_err_oom(err);
	}
	lup_col_cut(st, 3, first, sizeof first);
	lup_col_cut(st, 4, last, sizeof last);
	lup_col_cut(st, 5, prog, sizeof prog);
	snprintf(job->title_hint, sizeof job->title_hint, "%s", d->v[LUP_DK_cohort]);
	lup_done(st);

	/* The blocks in their order, then each session into its block. */
	if (blocks) {
		if (!(st = lup_stmt(db, block_sql, err)))
			return -1;
		sqlite3_bind_text(st, 1, prog, -1, SQLITE_TRANSIENT);
		while ((rc = lup_step(db, st, _("reading the blocks"), err)) == SQLITE_ROW) {
			struct lup_doc_values *r;
			if (lup_grow(&bl, &capb, (size_t)nb + 1, sizeof *bl) < 0)
				break;
			memset(&bl[nb], 0, sizeof *bl);
			lup_col_cut(st, 0, bl[nb].id, sizeof bl[nb].id);
			/* a row per block, dropped again below if it had no session */
			if (!(r = new_row(job)) || setcol(job, r, LUP_DK_block, st, 1) < 0)
				break;
			nb++;
		}
		if (rc == SQLITE_ROW) {
			lup_done(st);
			free(bl);
			return lup_err_oom(err);
		}
		if (rc < 0) {
			free(bl);
			return -1;
		}
		lup_done(st);
	}
	if (!(st = lup_stmt(db, session_sql, err))) {
		free(bl);
		return -1;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	{
		char sfirst[11] = "", slast[11] = "";
		while ((rc = lup_step(db, st, _("reading the sessions"), err)) == SQLITE_ROW) {
			const char *b = (const char *)sqlite3_column_text(st, 0);
			const char *s = (const char *)sqlite3_column_text(st, 1);
			const char *e = (const char *)sqlite3_column_text(st, 2);
			long m = session_minutes(s ? s : "", e ? e : "");
			char sd[11], ed[11];
			snprintf(sd, sizeof sd, "%.10s", s ? s : "");
			snprintf(ed, sizeof ed, "%.10s", e ? e : "");
			if (!*sfirst)
				memcpy(sfirst, sd, sizeof sd);
			if (strcmp(ed, slast) > 0)
				memcpy(slast, ed, sizeof ed);
			minutes += m;
			sessions++;
			for (int i = 0; i < nb; i++)
				if (b && strcmp(bl[i].id, b) == 0) {
					if (!bl[i].sessions)
						memcpy(bl[i].first, sd, sizeof sd);
					if (strcmp(ed, bl[i].last) > 0)
						memcpy(bl[i].last, ed, sizeof ed);
					bl[i].minutes += m;
					bl[i].sessions++;
				}
		}
		if (rc < 0) {
			free(bl);
			return -1;
		}
		lup_done(st);
		if (*sfirst) {
			memcpy(first, sfirst, sizeof first);
			memcpy(last, slast, sizeof last);
		}
	}
	if (set(job, d, LUP_DK_start, first) < 0 || set(job, d, LUP_DK_end, last) < 0 ||
	    setnum(job, d, LUP_DK_sessions, sessions) < 0)
		goto nomem;
	hours_text(minutes, lang, buf, sizeof buf);
	if (set(job, d, LUP_DK_hours, buf) < 0)
		goto nomem;
	/* Keep the rows of the blocks the cohort met in. */
	{
		int out = 0;
		for (int i = 0; i < nb; i++) {
			struct lup_doc_values *r = &job->rows[out];
			if (!bl[i].sessions)
				continue;
			job->rows[out] = job->rows[i];
			if (setnum(job, r, LUP_DK_n, out + 1) < 0 || set(job, r, LUP_DK_start, bl[i].first) < 0 ||
			    set(job, r, LUP_DK_end, bl[i].last) < 0 || setnum(job, r, LUP_DK_sessions, bl[i].sessions) < 0)
				goto nomem;
			dates_text(bl[i].first, bl[i].last, buf, sizeof buf);
			if (set(job, r, LUP_DK_dates, buf) < 0)
				goto nomem;
			hours_text(bl[i].minutes, lang, buf, sizeof buf);
			if (set(job, r, LUP_DK_hours, buf) < 0)
				goto nomem;
			out++;
		}
		if (blocks)
			job->data.nrows = out;
	}
	free(bl);
	return 0;
nomem:
	free(bl);
	return lup_err_oom(err);
}

static int gather_participants(lup_db *db, const char *id, const char *lang, struct doc_job *job,
                               lup_err *err)
{
	static const char sql[] =
		"SELECT p.name, coalesce(p.org_unit, ''), coalesce(p.role, ''), coalesce(p.email, ''), "
		"coalesce(p.phone, '') FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?1 AND e.status IN ('enrolled', 'completed') ORDER BY p.sort_name, p.id";
	sqlite3_stmt *st;
	int rc, n = 0;
	if (gather_cohort(db, id, lang, 0, job, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("reading the participants"), err)) == SQLITE_ROW) {
		struct lup_doc_values *r = new_row(job);
		if (!r || setnum(job, r, LUP_DK_n, ++n) < 0 || setcol(job, r, LUP_DK_name, st, 0) < 0 ||
		    setcol(job, r, LUP_DK_unit, st, 1) < 0 || setcol(job, r, LUP_DK_role, st, 2) < 0 ||
		    setcol(job, r, LUP_DK_email, st, 3) < 0 || setcol(job, r, LUP_DK_phone, st, 4) < 0) {
			lup_done(st);
			return lup_err_oom(err);
		}
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	return setnum(job, &job->data.doc, LUP_DK_count, n) < 0 ? lup_err_oom(err) : 0;
}

static int gather_certificates(lup_db *db, const char *id, const char *person_id, const char *lang,
                               struct doc_job *job, lup_err *err)
{
	static const char sql[] =
		"SELECT p.name, coalesce(p.org_unit, ''), coalesce(p.role, ''), coalesce(p.email, ''), "
		"coalesce(e.ended_on, '') FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?1 AND e.status = 'completed' AND (?2 IS NULL OR e.person_id = ?2) "
		"ORDER BY p.sort_name, p.id";
	static const char why_sql[] =
		"SELECT p.name, (SELECT e.status FROM enrolment e WHERE e.cohort_id = ?1 AND e.person_id = p.id "
		"ORDER BY e.status = 'withdrawn' LIMIT 1) FROM person p WHERE p.id = ?2";
	sqlite3_stmt *st;
	int rc;
	if (gather_cohort(db, id, lang, 1, job, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, person_id);
	while ((rc = lup_step(db, st, _("reading the participants"), err)) == SQLITE_ROW) {
		struct lup_doc_values *c = new_copy(job);
		if (!c || setcol(job, c, LUP_DK_person, st, 0) < 0 || setcol(job, c, LUP_DK_unit, st, 1) < 0 ||
		    setcol(job, c, LUP_DK_role, st, 2) < 0 || setcol(job, c, LUP_DK_email, st, 3) < 0 ||
		    setcol(job, c, LUP_DK_completed, st, 4) < 0) {
			lup_done(st);
			return lup_err_oom(err);
		}
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	if (job->data.ncopies > 0)
		return 0;
	if (!person_id || !*person_id)
		return lup_err_set(err, LUP_ECONFLICT,
			_("nobody has completed %s yet: mark the completions first (m on the cohort)"),
			job->data.doc.v[LUP_DK_cohort]);
	/* Say why this person has none. */
	if (!(st = lup_stmt(db, why_sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, person_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("reading the participants"), err)) < 0)
		return -1;
	if (rc != SQLITE_ROW) {
		lup_done(st);
		return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
	}
	{
		char name[200], status[16];
		lup_col_cut(st, 0, name, sizeof name);
		lup_col_cut(st, 1, status, sizeof status);
		lup_done(st);
		if (!*status)
			return lup_err_set(err, LUP_ECONFLICT, _("%s is not in %s"), name,
			                   job->data.doc.v[LUP_DK_cohort]);
		return lup_err_set(err, LUP_ECONFLICT, _("%s has not completed %s (%s): no certificate"),
		                   name, job->data.doc.v[LUP_DK_cohort], lup_enrol_status_label(status));
	}
}

/* ---- A placement: the mobility agreement, the certificate of attendance ---- */

static int gather_placement(lup_db *db, const lup_config *cfg, const char *id, const char *lang,
                            struct doc_job *job, lup_err *err)
{
	static const char sql[] =
		"SELECT pe.name, coalesce(pe.org_unit, ''), coalesce(pe.role, ''), coalesce(pe.email, ''), "
		"coalesce(pe.phone, ''), h.name, coalesce(h.city, ''), h.country, coalesce(h.contact_name, ''), "
		"coalesce(h.contact_email, ''), coalesce(h.contact_phone, ''), coalesce(pl.mentor, ''), "
		"pl.start_date, pl.end_date, pl.travel_days, coalesce(pl.objectives, ''), pl.status "
		"FROM placement pl JOIN person pe ON pe.id = pl.person_id JOIN host_org h ON h.id = pl.host_id "
		"WHERE pl.id = ?1";
	static const enum lup_doc_key cols[] = {
		LUP_DK_person, LUP_DK_unit, LUP_DK_role, LUP_DK_email, LUP_DK_phone, LUP_DK_host,
		LUP_DK_city, LUP_DK_COUNT, LUP_DK_contact, LUP_DK_contact_email, LUP_DK_contact_phone,
		LUP_DK_mentor, LUP_DK_start, LUP_DK_end, LUP_DK_travel_days, LUP_DK_objectives
	};
	struct lup_doc_values *d = &job->data.doc;
	const char *sending = cfg ? lup_config_str(cfg, "documents:organisation") : "";
	const char *home = cfg ? lup_config_str(cfg, "shadowing:home_name") : "";
	sqlite3_stmt *st;
	lup_date a, b, today = lup_date_today();
	char start[11], end[11];

	if (!(st = lup_row_by_id(db, sql, id, _("reading a placement"), _("no such placement"), err)))
		return -1;
	if (strcmp((const char *)sqlite3_column_text(st, 16), "cancelled") == 0) {
		lup_done(st);
		return lup_err_set(err, LUP_ECONFLICT, _("the placement is cancelled: there is nothing to sign"));
	}
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (cols[i] != LUP_DK_COUNT && setcol(job, d, cols[i], st, (int)i) < 0) {
			lup_done(st);
			return lup_err_oom(err);
		}
	{
		const char *code = (const char *)sqlite3_column_text(st, 7);
		if (set(job, d, LUP_DK_country, lup_country_name_in(code, strcmp(lang, "sv") == 0)) < 0) {
			lup_done(st);
			return lup_err_oom(err);
		}
	}
	lup_col_cut(st, 12, start, sizeof start);
	lup_col_cut(st, 13, end, sizeof end);
	snprintf(job->title_hint, sizeof job->title_hint, "%s, %s", d->v[LUP_DK_person], d->v[LUP_DK_host]);
	lup_done(st);
	if (lup_date_parse(start, today, &a) == 0 && lup_date_parse(end, today, &b) == 0 &&
	    setnum(job, d, LUP_DK_days, lup_date_diff(b, a) + 1) < 0)
		return lup_err_oom(err);
	if (set(job, d, LUP_DK_sending, *sending ? sending : home) < 0 || set(job, d, LUP_DK_home, home) < 0)
		return lup_err_oom(err);
	return 0;
}

int lup_doc_gather(lup_db *db, const lup_config *cfg, enum lup_doc_kind kind, const char *id,
                   const char *person_id, const char *lang, struct doc_job *job, lup_err *err)
{
	int r;
	memset(job, 0, sizeof *job);
	if (common(job, cfg) < 0)
		return lup_err_oom(err);
	switch (kind) {
	case LUP_DOC_SHEET: r = gather_sheet(db, id, job, err); break;
	case LUP_DOC_CERTIFICATE: r = gather_certificates(db, id, person_id, lang, job, err); break;
	case LUP_DOC_PARTICIPANTS: r = gather_participants(db, id, lang, job, err); break;
	case LUP_DOC_AGREEMENT: case LUP_DOC_ATTENDANCE:
		r = gather_placement(db, cfg, id, lang, job, err);
		break;
	default:
		r = lup_err_set(err, LUP_EINVAL, _("no such kind of document"));
	}
	if (r < 0)
		lup_doc_job_clear(job);
	return r;
}
