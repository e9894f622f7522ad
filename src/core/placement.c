/* placement.c — job-shadowing placements: storage, the lifecycle the core
 * enforces, warnings, the learning log, and the lists the screens page
 * through. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/shadow_int.h"
#include "lup/country.h"
#include "lup/shadowing.h"

static const char *const status_keys[LUP_PS_COUNT] = {
	"proposed", "agreed", "confirmed", "completed", "cancelled"
};

const char *lup_pstatus_key(enum lup_pstatus s)
{
	return (unsigned)s < LUP_PS_COUNT ? status_keys[s] : "";
}

const char *lup_pstatus_label(enum lup_pstatus s)
{
	switch (s) {
	case LUP_PS_PROPOSED: return C_("placement status", "proposed");
	case LUP_PS_AGREED: return C_("placement status", "agreed");
	case LUP_PS_CONFIRMED: return C_("placement status", "confirmed");
	case LUP_PS_COMPLETED: return C_("placement status", "completed");
	case LUP_PS_CANCELLED: return C_("placement status", "cancelled");
	default: return "";
	}
}

int lup_pstatus_parse(const char *key)
{
	for (int i = 0; key && i < LUP_PS_COUNT; i++)
		if (strcmp(key, status_keys[i]) == 0)
			return i;
	return -1;
}

int lup_pstatus_next(enum lup_pstatus s)
{
	return s < LUP_PS_COMPLETED ? (int)s + 1 : -1;
}

void lup_placement_clear(struct lup_placement *p)
{
	free(p->mentor); free(p->start_date); free(p->end_date);
	free(p->objectives); free(p->reflection); free(p->cancel_reason);
	memset(p, 0, sizeof *p);
}

static const char sql_get[] =
	"SELECT id, person_id, host_id, mentor, start_date, end_date, travel_days, green_travel, "
	"status, objectives, agreement_signed, travel_booked, insurance, report_received, "
	"reflection, cancel_reason, coalesce(status_changed_at, ''), created_at, updated_at "
	"FROM placement WHERE id = ?1";

static void read_placement(sqlite3_stmt *st, void *row)
{
	struct lup_placement *p = row;
	int s;
	lup_col_copy(st, 0, p->id, sizeof p->id);
	lup_col_copy(st, 1, p->person_id, sizeof p->person_id);
	lup_col_copy(st, 2, p->host_id, sizeof p->host_id);
	p->mentor = lup_col_dup(st, 3);
	p->start_date = lup_col_dup(st, 4);
	p->end_date = lup_col_dup(st, 5);
	p->travel_days = sqlite3_column_int(st, 6);
	p->green_travel = sqlite3_column_int(st, 7);
	s = lup_pstatus_parse((const char *)sqlite3_column_text(st, 8));
	p->status = s < 0 ? LUP_PS_PROPOSED : (enum lup_pstatus)s;
	p->objectives = lup_col_dup(st, 9);
	p->agreement_signed = sqlite3_column_int(st, 10);
	p->travel_booked = sqlite3_column_int(st, 11);
	p->insurance = sqlite3_column_int(st, 12);
	p->report_received = sqlite3_column_int(st, 13);
	p->reflection = lup_col_dup(st, 14);
	p->cancel_reason = lup_col_dup(st, 15);
	lup_col_copy(st, 16, p->status_changed_at, sizeof p->status_changed_at);
	lup_col_copy(st, 17, p->created_at, sizeof p->created_at);
	lup_col_copy(st, 18, p->updated_at, sizeof p->updated_at);
}

int lup_placement_get(lup_db *db, const char *id, struct lup_placement *p, lup_err *err)
{
	return lup_get_row(db, lup_stmt(db, sql_get, err), id, p, sizeof *p, read_placement,
	                   _("reading a placement"), _("no such placement"), err);
}

static int row_exists(lup_db *db, const char *sql, const char *id, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("checking"));
	}
	n = sqlite3_column_int(st, 0);
	lup_done(st);
	return n > 0;
}

/* A text field of at most max characters; msg says so. */
static int check_len(const char *s, size_t max, const char *field, const char *msg, lup_err *err)
{
	if (s && lup_sh_chars(s) > max)
		return lup_err_field(err, field, "%s", msg);
	return 0;
}

/* Validate p; old is the stored status (LUP_PS_PROPOSED for a new one). */
static int validate(lup_db *db, struct lup_placement *p, enum lup_pstatus old, lup_err *err)
{
	lup_date today = lup_date_today();
	const char *label = lup_pstatus_label(old);
	int r;

	lup_tidy(&p->mentor); lup_tidy(&p->start_date); lup_tidy(&p->end_date);
	lup_tidy(&p->objectives); lup_tidy(&p->reflection);
	if (!p->person_id[0])
		return lup_err_field(err, "person", _("choose the participant"));
	if ((r = row_exists(db, "SELECT count(*) FROM person WHERE id = ?1", p->person_id, err)) < 0)
		return -1;
	if (!r)
		return lup_err_field(err, "person", _("the participant does not exist"));
	if (!p->host_id[0])
		return lup_err_field(err, "host", _("choose the host organisation"));
	if ((r = row_exists(db, "SELECT count(*) FROM host_org WHERE id = ?1", p->host_id, err)) < 0)
		return -1;
	if (!r)
		return lup_err_field(err, "host", _("the host organisation does not exist"));
	if (check_len(p->mentor, 200, "mentor",
	              _("the mentor's name is longer than 200 characters"), err) < 0)
		return -1;
	if (!p->start_date)
		return lup_err_field(err, "start_date", _("a start date is required"));
	if (lup_sh_date(&p->start_date, today) < 0)
		return lup_err_field(err, "start_date", _("'%s' is not a date (YYYY-MM-DD)"), p->start_date);
	if (!p->end_date)
		return lup_err_field(err, "end_date", _("an end date is required"));
	if (lup_sh_date(&p->end_date, today) < 0)
		return lup_err_field(err, "end_date", _("'%s' is not a date (YYYY-MM-DD)"), p->end_date);
	if (strcmp(p->end_date, p->start_date) < 0)
		return lup_err_field(err, "end_date", _("the placement ends (%s) before it starts (%s)"),
		                     p->end_date, p->start_date);
	if (p->travel_days < 0 || p->travel_days > 14)
		return lup_err_field(err, "travel_days", _("travel days must be between 0 and 14"));
	if (check_len(p->objectives, 10000, "objectives",
	              _("the objectives are longer than 10000 characters"), err) < 0 ||
	    check_len(p->reflection, 20000, "reflection",
	              _("the reflection is longer than 20000 characters"), err) < 0)
		return -1;
	/* What the status needed stays true. */
	if (old == LUP_PS_CANCELLED)
		return 0;
	if (old >= LUP_PS_AGREED && !p->objectives)
		return lup_sh_conflict(err, "objectives",
			_("the placement is %s: its objectives cannot be removed"), label);
	if (old >= LUP_PS_CONFIRMED && !p->agreement_signed)
		return lup_sh_conflict(err, "agreement_signed",
			_("the placement is %s: the signed agreement cannot be unticked"), label);
	if (old >= LUP_PS_CONFIRMED && !p->travel_booked)
		return lup_sh_conflict(err, "travel_booked",
			_("the placement is %s: the booked travel cannot be unticked"), label);
	if (old >= LUP_PS_COMPLETED && !p->report_received)
		return lup_sh_conflict(err, "report_received",
			_("the placement is %s: the received report cannot be unticked"), label);
	return 0;
}

static const char sql_insert[] =
	"INSERT INTO placement (id, person_id, host_id, mentor, start_date, end_date, travel_days, "
	"green_travel, objectives, agreement_signed, travel_booked, insurance, report_received, "
	"reflection, status, status_changed_at, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'proposed', ?15, ?15, ?15)";
static const char sql_update[] =
	"UPDATE placement SET person_id = ?2, host_id = ?3, mentor = ?4, start_date = ?5, "
	"end_date = ?6, travel_days = ?7, green_travel = ?8, objectives = ?9, "
	"agreement_signed = ?10, travel_booked = ?11, insurance = ?12, report_received = ?13, "
	"reflection = ?14, updated_at = ?15 WHERE id = ?1";

int lup_placement_save(lup_db *db, struct lup_placement *p, lup_err *err)
{
	int insert = p->id[0] == '\0';
	enum lup_pstatus old = LUP_PS_PROPOSED;
	char now[21];
	sqlite3_stmt *st;
	int rc = -1;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!insert) {
		struct lup_placement was;
		if (lup_placement_get(db, p->id, &was, err) < 0)
			goto out;
		old = was.status;
		lup_placement_clear(&was);
	}
	if (validate(db, p, old, err) < 0)
		goto out;
	if (insert)
		lup_uuid(p->id);
	lup_now_utc(now);
	if (!(st = lup_stmt(db, insert ? sql_insert : sql_update, err)))
		goto out;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, p->person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, p->host_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, p->mentor);
	lup_bind_text(st, 5, p->start_date);
	lup_bind_text(st, 6, p->end_date);
	sqlite3_bind_int(st, 7, p->travel_days);
	sqlite3_bind_int(st, 8, p->green_travel ? 1 : 0);
	lup_bind_text(st, 9, p->objectives);
	sqlite3_bind_int(st, 10, p->agreement_signed ? 1 : 0);
	sqlite3_bind_int(st, 11, p->travel_booked ? 1 : 0);
	sqlite3_bind_int(st, 12, p->insurance ? 1 : 0);
	sqlite3_bind_int(st, 13, p->report_received ? 1 : 0);
	lup_bind_text(st, 14, p->reflection);
	sqlite3_bind_text(st, 15, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving a placement"), err) < 0)
		goto out;
	p->status = old;
	if (insert) {
		memcpy(p->created_at, now, sizeof now);
		memcpy(p->status_changed_at, now, sizeof now);
	}
	memcpy(p->updated_at, now, sizeof now);
	rc = lup_db_commit(db, err);
out:
	if (rc < 0) {
		lup_db_rollback(db);
		if (insert)
			p->id[0] = '\0';
	}
	return rc;
}

/* ---- Saving an edit over what is stored now ---- */

/* A name by id for a message ("" when there is none). */
static void name_of(lup_db *db, const char *sql, const char *id, char *buf, size_t n)
{
	sqlite3_stmt *st = lup_stmt(db, sql, NULL);
	buf[0] = '\0';
	if (!st)
		return;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		lup_col_cut(st, 0, buf, n);
	lup_done(st);
}

static const char person_name_sql[] = "SELECT name FROM person WHERE id = ?1";
static const char host_name_sql[] = "SELECT name FROM host_org WHERE id = ?1";

static void placement_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_placement *p = seen;
	char who[128], where[128];
	name_of(db, person_name_sql, p->person_id, who, sizeof who);
	name_of(db, host_name_sql, p->host_id, where, sizeof where);
	if (who[0] && where[0])
		lup_err_set(err, LUP_EGONE,
		            _("The placement of %s at %s was deleted in another window since you opened it"),
		            who, where);
	else
		lup_err_set(err, LUP_EGONE,
		            _("The placement was deleted in another window since you opened it"));
}

static const struct lup_col placement_cols[] = {
	{ LUP_COL(struct lup_placement, person_id, BUF, "person", N_("Participant")),
	  .ref_sql = person_name_sql },
	{ LUP_COL(struct lup_placement, host_id, BUF, "host", N_("Host organisation")),
	  .ref_sql = host_name_sql },
	{ LUP_COL(struct lup_placement, mentor, STR, "mentor", N_("Host mentor")) },
	{ LUP_COL(struct lup_placement, start_date, STR, "start_date", N_("Start")) },
	{ LUP_COL(struct lup_placement, end_date, STR, "end_date", N_("End")) },
	{ LUP_COL(struct lup_placement, travel_days, INT, "travel_days", N_("Travel days")) },
	{ LUP_COL(struct lup_placement, green_travel, BOOL, "green_travel", N_("Green travel")) },
	{ LUP_COL(struct lup_placement, objectives, STR, "objectives", N_("Objectives")) },
	{ LUP_COL(struct lup_placement, agreement_signed, BOOL, "agreement_signed",
	          N_("Agreement signed")) },
	{ LUP_COL(struct lup_placement, travel_booked, BOOL, "travel_booked", N_("Travel booked")) },
	{ LUP_COL(struct lup_placement, insurance, BOOL, "insurance", N_("Insurance")) },
	{ LUP_COL(struct lup_placement, report_received, BOOL, "report_received",
	          N_("Report received")) },
	{ LUP_COL(struct lup_placement, reflection, STR, "reflection", N_("Reflection")) },
};

LUP_TABLE(placement_table, struct lup_placement, placement_cols,
          lup_placement_get, lup_placement_clear, placement_gone);

int lup_placement_update(lup_db *db, const struct lup_placement *seen, struct lup_placement *p,
                         struct lup_merge_report *mr, lup_err *err)
{
	return LUP_MERGE_SAVE(db, &placement_table, p->id, seen, p, mr, err,
	                      lup_placement_save(db, p, err));
}

int lup_placement_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char sql[] = "DELETE FROM placement WHERE id = ?1";
	return lup_delete_by_id(db, sql, id, _("deleting a placement"), _("no such placement"), err);
}

/* ---- The lifecycle ---- */

int lup_pstatus_step(enum lup_pstatus from, enum lup_pstatus to, lup_err *err)
{
	if ((unsigned)from >= LUP_PS_COUNT || (unsigned)to >= LUP_PS_COUNT)
		return lup_err_set(err, LUP_EINVAL, _("unknown placement status"));
	if (from == LUP_PS_COMPLETED || from == LUP_PS_CANCELLED)
		return lup_sh_conflict(err, "status",
			_("the placement is %s: its status cannot change any more"),
			lup_pstatus_label(from));
	if (from == to)
		return lup_sh_conflict(err, "status", _("the placement is already %s"),
		                       lup_pstatus_label(to));
	if (to == LUP_PS_CANCELLED)
		return 0;
	if (to < from)
		return lup_sh_conflict(err, "status", _("a placement cannot go back from %s to %s"),
		                       lup_pstatus_label(from), lup_pstatus_label(to));
	if (to > from + 1)
		return lup_sh_conflict(err, "status",
			_("a placement moves one step at a time: from %s it goes on to %s, not to %s"),
			lup_pstatus_label(from), lup_pstatus_label(from + 1), lup_pstatus_label(to));
	return 0;
}

/* Adds one missing thing to the list; remembers the first field. */
static void missing(lup_buf *b, const char **first, const char *field, const char *what)
{
	if (b->len)
		lup_buf_puts(b, "; ");
	lup_buf_puts(b, what);
	if (!*first)
		*first = field;
}

int lup_placement_can_move(const struct lup_placement *p, enum lup_pstatus to,
                           lup_date today, const char *reason, lup_err *err)
{
	lup_buf b = { 0 };
	const char *first = NULL;
	const char *fmt = NULL;
	lup_date end;
	char what[128];
	int rc = 0;

	if (lup_pstatus_step(p->status, to, err) < 0)
		return -1;
	switch (to) {
	case LUP_PS_AGREED:
		if (lup_blank(p->objectives))
			missing(&b, &first, "objectives",
			        _("the objectives (the learning agreement) are missing"));
		fmt = _("the placement cannot be agreed yet: %s");
		break;
	case LUP_PS_CONFIRMED:
		if (!p->agreement_signed)
			missing(&b, &first, "agreement_signed",
			        _("the agreement is not signed by all three parties"));
		if (!p->travel_booked)
			missing(&b, &first, "travel_booked", _("the travel is not booked"));
		fmt = _("the placement cannot be confirmed yet: %s");
		break;
	case LUP_PS_COMPLETED:
		if (!p->end_date || lup_date_parse(p->end_date, today, &end) < 0) {
			missing(&b, &first, "end_date", _("the end date is missing or not a date"));
		} else if (lup_date_cmp(end, today) >= 0) {
			snprintf(what, sizeof what, _("the end date %s has not passed"), p->end_date);
			missing(&b, &first, "end_date", what);
		}
		if (!p->report_received)
			missing(&b, &first, "report_received",
			        _("the participant's report has not been received"));
		fmt = _("the placement cannot be marked completed yet: %s");
		break;
	case LUP_PS_CANCELLED:
		if (lup_blank(reason))
			return lup_sh_conflict(err, "cancel_reason", _("a cancellation needs a reason"));
		if (lup_sh_chars(reason) > 1000)
			return lup_err_field(err, "cancel_reason",
				_("the reason is longer than 1000 characters"));
		break;
	default:
		break;
	}
	if (b.len)
		rc = lup_sh_conflict(err, first, fmt, b.s);
	lup_buf_clear(&b);
	return rc;
}

static const char sql_move[] =
	"UPDATE placement SET status = ?2, status_changed_at = ?3, updated_at = ?3, "
	"cancel_reason = CASE WHEN ?2 = 'cancelled' THEN ?4 ELSE cancel_reason END WHERE id = ?1";

/* Inside a transaction: p is the stored placement. */
static int move_locked(lup_db *db, struct lup_placement *p, enum lup_pstatus to,
                       lup_date today, const char *reason, lup_err *err)
{
	char now[21];
	char *why = NULL;
	sqlite3_stmt *st;
	int rc;

	if (lup_placement_can_move(p, to, today, reason, err) < 0)
		return -1;
	if (to == LUP_PS_CANCELLED && !(why = lup_strdup(reason)))
		return lup_err_oom(err);
	lup_trim(why);
	lup_now_utc(now);
	if (!(st = lup_stmt(db, sql_move, err))) {
		free(why);
		return -1;
	}
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, lup_pstatus_key(to), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, why);
	rc = lup_run(db, st, _("changing a placement's status"), err);
	free(why);
	return rc;
}

int lup_placement_move(lup_db *db, const char *id, enum lup_pstatus to,
                       lup_date today, const char *reason, lup_err *err)
{
	struct lup_placement p;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_placement_get(db, id, &p, err) < 0 || move_locked(db, &p, to, today, reason, err) < 0) {
		lup_placement_clear(&p);
		lup_db_rollback(db);
		return -1;
	}
	lup_placement_clear(&p);
	return lup_db_commit(db, err);
}

int lup_placement_advance(lup_db *db, const char *id, lup_date today,
                          enum lup_pstatus *now, lup_err *err)
{
	struct lup_placement p;
	int next;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_placement_get(db, id, &p, err) < 0)
		goto fail;
	next = lup_pstatus_next(p.status);
	if (next < 0) {
		lup_pstatus_step(p.status, p.status, err);
		goto fail;
	}
	if (move_locked(db, &p, (enum lup_pstatus)next, today, NULL, err) < 0)
		goto fail;
	lup_placement_clear(&p);
	if (lup_db_commit(db, err) < 0)
		return -1;
	if (now)
		*now = (enum lup_pstatus)next;
	return 0;
fail:
	lup_placement_clear(&p);
	lup_db_rollback(db);
	return -1;
}

int lup_placement_cancel(lup_db *db, const char *id, const char *reason, lup_err *err)
{
	return lup_placement_move(db, id, LUP_PS_CANCELLED, lup_date_today(), reason, err);
}

static const char *status_word(const char *key)
{
	int s = lup_pstatus_parse(key);
	return s < 0 ? key : lup_pstatus_label((enum lup_pstatus)s);
}

static const struct lup_col status_col = {
	.field = "status", .label = N_("Status"), .kind = LUP_COL_BUF, .label_of = status_word
};

int lup_placement_step(lup_db *db, const char *id, enum lup_pstatus seen, enum lup_pstatus to,
                       lup_date today, const char *reason, struct lup_merge_report *mr,
                       lup_err *err)
{
	struct lup_placement p;
	int stored_wins;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_placement_get(db, id, &p, err) < 0) {
		if (err && err->code == LUP_ENOTFOUND) {
			lup_merge_gone(mr, err, "%s",
			               _("The placement was deleted in another window since you opened it"));
		}
		goto fail;
	}
	if (lup_merge_value(db, &status_col, lup_pstatus_key(seen), lup_pstatus_key(to),
	                    lup_pstatus_key(p.status), &stored_wins, mr, err) < 0)
		goto fail;
	/* Taken there already, or kept as it was moved elsewhere: nothing to do. */
	if (!stored_wins && move_locked(db, &p, to, today, reason, err) < 0)
		goto fail;
	lup_placement_clear(&p);
	return lup_db_commit(db, err);
fail:
	lup_placement_clear(&p);
	lup_db_rollback(db);
	return -1;
}

/* ---- Warnings ---- */

static void warn(struct lup_pwarnings *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void warn(struct lup_pwarnings *w, const char *fmt, ...)
{
	va_list ap;
	if (w->n >= LUP_WARN_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(w->msg[w->n], sizeof w->msg[w->n], fmt, ap);
	va_end(ap);
	w->n++;
}

/* A config value, or the option table's default when there is no config. */
static long cfg_int(const lup_config *cfg, const char *section, const char *key)
{
	size_t n;
	const struct lup_option *o;
	char name[64];

	if (cfg) {
		snprintf(name, sizeof name, "%s:%s", section, key);
		return lup_config_int(cfg, name);
	}
	o = lup_config_options(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(o[i].section, section) == 0 && strcmp(o[i].key, key) == 0)
			return atol(o[i].def);
	return 0;
}

long lup_placement_days(const char *start, const char *end)
{
	lup_date today = lup_date_today(), a, b;
	if (!start || !end || lup_date_parse(start, today, &a) < 0 || lup_date_parse(end, today, &b) < 0)
		return -1;
	return lup_date_diff(b, a) + 1;
}

static const char sql_capacity[] =
	"SELECT h.name, coalesce(h.capacity, -1), (SELECT count(*) FROM placement p "
	"WHERE p.host_id = h.id AND p.status <> 'cancelled' AND p.id <> ?2 "
	"AND p.start_date BETWEEN ?3 AND ?4) FROM host_org h WHERE h.id = ?1";
static const char sql_sessions[] =
	"SELECT s.title, substr(s.starts_at, 1, 10), c.name, count(*) OVER () "
	"FROM enrolment e JOIN session s ON s.cohort_id = e.cohort_id "
	"JOIN cohort c ON c.id = e.cohort_id "
	"WHERE e.person_id = ?1 AND e.status <> 'withdrawn' "
	"AND substr(s.starts_at, 1, 10) <= ?3 AND substr(s.ends_at, 1, 10) >= ?2 "
	"ORDER BY s.starts_at, s.id LIMIT 3";
static const char sql_others[] =
	"SELECT h.name, p.start_date, p.end_date, count(*) OVER () "
	"FROM placement p JOIN host_org h ON h.id = p.host_id "
	"WHERE p.person_id = ?1 AND p.id <> ?4 AND p.status <> 'cancelled' "
	"AND p.start_date <= ?3 AND p.end_date >= ?2 ORDER BY p.start_date, p.id LIMIT 3";

int lup_placement_warnings(lup_db *db, const lup_config *cfg, const struct lup_placement *p,
                           struct lup_pwarnings *w, lup_err *err)
{
	long days = lup_placement_days(p->start_date, p->end_date);
	long min = cfg_int(cfg, "shadowing", "min_days"), max = cfg_int(cfg, "shadowing", "max_days");
	lup_date today = lup_date_today(), a, b;
	char start[11], end[11], lo[11], hi[11];
	sqlite3_stmt *st;
	int rc;

	memset(w, 0, sizeof *w);
	if (p->status == LUP_PS_CANCELLED)
		return 0;
	if (days > 0 && days < min)
		warn(w, ngettext("the stay is %ld day: job shadowing lasts at least %ld days (travel excluded)",
		                 "the stay is %ld days: job shadowing lasts at least %ld days (travel excluded)",
		                 (unsigned long)days), days, min);
	if (days > max)
		warn(w, ngettext("the stay is %ld day: job shadowing lasts at most %ld days (travel excluded)",
		                 "the stay is %ld days: job shadowing lasts at most %ld days (travel excluded)",
		                 (unsigned long)days), days, max);
	if (p->travel_days > (p->green_travel ? 6 : 2))
		warn(w, p->green_travel
		     ? ngettext("%d travel day: Erasmus+ funds at most 6 with green travel",
		                "%d travel days: Erasmus+ funds at most 6 with green travel",
		                (unsigned long)p->travel_days)
		     : ngettext("%d travel day: Erasmus+ funds at most 2 (6 with green travel)",
		                "%d travel days: Erasmus+ funds at most 2 (6 with green travel)",
		                (unsigned long)p->travel_days),
		     p->travel_days);
	if (days <= 0)
		return w->n;
	lup_date_parse(p->start_date, today, &a);
	lup_date_parse(p->end_date, today, &b);
	lup_date_format(a, start);
	lup_date_format(b, end);

	/* The host's yearly capacity, by start year. */
	if (p->host_id[0]) {
		if (!(st = lup_stmt(db, sql_capacity, err)))
			return -1;
		lup_sh_year_bounds(a.y, lo, hi);
		sqlite3_bind_text(st, 1, p->host_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, p->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, hi, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			int cap = sqlite3_column_int(st, 1);
			int count = sqlite3_column_int(st, 2) + 1;
			if (cap >= 0 && count > cap)
				warn(w, ngettext("%s takes %d placement a year; with this one it has %d in %d",
				                 "%s takes %d placements a year; with this one it has %d in %d",
				                 (unsigned long)cap),
				     (const char *)sqlite3_column_text(st, 0), cap, count, a.y);
		}
		lup_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("checking the host's capacity"));
	}
	if (!p->person_id[0])
		return w->n;

	/* The participant's programme sessions. */
	if (!(st = lup_stmt(db, sql_sessions, err)))
		return -1;
	sqlite3_bind_text(st, 1, p->person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_TRANSIENT);
	{
		long total = 0, shown = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			total = sqlite3_column_int64(st, 3);
			shown++;
			warn(w, _("it overlaps the session \"%s\" of %s on %s"),
			     (const char *)sqlite3_column_text(st, 0),
			     (const char *)sqlite3_column_text(st, 2),
			     (const char *)sqlite3_column_text(st, 1));
		}
		lup_done(st);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("checking the participant's sessions"));
		if (total > shown)
			warn(w, ngettext("it overlaps %ld more session", "it overlaps %ld more sessions",
			                 (unsigned long)(total - shown)), total - shown);
	}

	/* Their other placements. */
	if (!(st = lup_stmt(db, sql_others, err)))
		return -1;
	sqlite3_bind_text(st, 1, p->person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, p->id, -1, SQLITE_TRANSIENT);
	{
		long total = 0, shown = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			total = sqlite3_column_int64(st, 3);
			shown++;
			warn(w, _("it overlaps another placement at %s (%s to %s)"),
			     (const char *)sqlite3_column_text(st, 0),
			     (const char *)sqlite3_column_text(st, 1),
			     (const char *)sqlite3_column_text(st, 2));
		}
		lup_done(st);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("checking the participant's placements"));
		if (total > shown)
			warn(w, ngettext("it overlaps %ld more placement", "it overlaps %ld more placements",
			                 (unsigned long)(total - shown)), total - shown);
	}
	return w->n;
}

/* ---- The learning log ---- */

static int log_text(char **text, lup_err *err)
{
	lup_tidy(text);
	if (!*text)
		return lup_err_field(err, "text", _("the entry is empty"));
	return check_len(*text, 20000, "text", _("the entry is longer than 20000 characters"), err);
}

/* Write a log entry with sql, whose ?1..?4 are its id, date, text and the
 * time now (?5 the placement or session, ?6 the person, for a new one):
 * one transaction; missing is the message when no row was written. */
static int log_write(lup_db *db, const char *sql, const char *id, const char *date,
                     const char *text, const char *placement_id, const char *person_id,
                     const char *missing, lup_err *err)
{
	char now[21];
	sqlite3_stmt *st;

	if (lup_db_begin(db, err) < 0)
		return -1;
	lup_now_utc(now);
	if (!(st = lup_stmt(db, sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	if (placement_id)
		sqlite3_bind_text(st, 5, placement_id, -1, SQLITE_TRANSIENT);
	if (person_id)
		sqlite3_bind_text(st, 6, person_id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving a log entry"), err) < 0)
		goto fail;
	return lup_commit_found(db, missing, err);
fail:
	lup_db_rollback(db);
	return -1;
}

/* A new entry with sql (as log_write), about parent_id, of person_id
 * when the sql takes one. */
static int log_add(lup_db *db, const char *sql, const char *parent_id, const char *person_id,
                   const char *date, const char *text, const char *missing,
                   char id_out[LUP_UUID_LEN + 1], lup_err *err)
{
	char id[LUP_UUID_LEN + 1];
	char *t = lup_strdup(text), *d = lup_strdup(date);
	int rc = -1;

	if ((text && !t) || (date && !d)) {
		lup_err_oom(err);
		goto out;
	}
	if (log_text(&t, err) < 0)
		goto out;
	lup_tidy(&d);
	if (!d) {
		char buf[11];
		lup_date_format(lup_date_today(), buf);
		d = lup_strdup(buf);
	} else if (lup_sh_date(&d, lup_date_today()) < 0) {
		lup_err_field(err, "date", _("'%s' is not a date (YYYY-MM-DD)"), d);
		goto out;
	}
	lup_uuid(id);
	if (log_write(db, sql, id, d, t, parent_id, person_id, missing, err) < 0)
		goto out;
	if (id_out)
		memcpy(id_out, id, sizeof id);
	rc = 0;
out:
	free(t);
	free(d);
	return rc;
}

int lup_placement_log_add(lup_db *db, const char *placement_id, const char *date,
                          const char *text, char id_out[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql[] =
		"INSERT INTO log_entry (id, person_id, date, placement_id, text, created_at, updated_at) "
		"SELECT ?1, person_id, ?2, id, ?3, ?4, ?4 FROM placement WHERE id = ?5";
	return log_add(db, sql, placement_id, NULL, date, text, _("no such placement"), id_out, err);
}

int lup_session_log_add(lup_db *db, const char *session_id, const char *person_id,
                        const char *date, const char *text, char id_out[LUP_UUID_LEN + 1],
                        lup_err *err)
{
	static const char sql[] =
		"INSERT INTO log_entry (id, person_id, date, session_id, text, created_at, updated_at) "
		"SELECT ?1, ?6, ?2, s.id, ?3, ?4, ?4 FROM session s WHERE s.id = ?5 AND EXISTS "
		"(SELECT 1 FROM enrolment e WHERE e.cohort_id = s.cohort_id AND e.person_id = ?6 "
		"AND e.status <> 'waitlisted')";
	return log_add(db, sql, session_id, person_id, date, text,
	               _("no such session, or that person is not in its cohort"), id_out, err);
}

int lup_placement_log_update(lup_db *db, const char *id, const char *date,
                             const char *text, lup_err *err)
{
	static const char sql[] =
		"UPDATE log_entry SET date = ?2, text = ?3, updated_at = ?4 "
		"WHERE id = ?1 AND placement_id IS NOT NULL";
	char *t = lup_strdup(text), *d = lup_strdup(date);
	int rc = -1;

	if (log_text(&t, err) < 0)
		goto out;
	lup_tidy(&d);
	if (!d) {
		lup_err_field(err, "date", _("a date is required"));
		goto out;
	}
	if (lup_sh_date(&d, lup_date_today()) < 0) {
		lup_err_field(err, "date", _("'%s' is not a date (YYYY-MM-DD)"), d);
		goto out;
	}
	rc = log_write(db, sql, id, d, t, NULL, NULL, _("no such log entry"), err);
out:
	free(t);
	free(d);
	return rc;
}

/* One entry, for the merge. */
struct log_row {
	char date[32];   /* as typed: checked when saved */
	char *text;
};

static int log_get(lup_db *db, const char *id, void *out, lup_err *err)
{
	struct log_row *r = out;
	return lup_placement_log_get(db, id, r->date, &r->text, err);
}

static void log_clear(void *row)
{
	struct log_row *r = row;
	free(r->text);
	memset(r, 0, sizeof *r);
}

static void log_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct log_row *r = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The learning-log entry of %s was deleted in another window since you opened it"),
	            r->date);
}

static const struct lup_col log_cols[] = {
	{ LUP_COL(struct log_row, date, BUF, "date", N_("Date")) },
	{ LUP_COL(struct log_row, text, STR, "text", N_("Entry")) },
};

static const struct lup_table log_table = {
	log_cols, sizeof log_cols / sizeof log_cols[0], sizeof(struct log_row),
	log_get, log_clear, log_gone
};

int lup_placement_log_edit(lup_db *db, const char *id, const char *seen_date,
                           const char *seen_text, const char *date, const char *text,
                           struct lup_merge_report *mr, lup_err *err)
{
	struct log_row seen = { "", NULL }, mine = { "", NULL };
	int rc = -1;

	snprintf(seen.date, sizeof seen.date, "%s", seen_date ? seen_date : "");
	snprintf(mine.date, sizeof mine.date, "%s", date ? date : "");
	seen.text = (char *)seen_text;   /* only read */
	if (text && !(mine.text = strdup(text)))
		return lup_err_oom(err);
	if (lup_db_begin(db, err) < 0)
		goto out;
	if (lup_merge_stored(db, &log_table, id, &seen, &mine, mr, err) < 0 ||
	    lup_placement_log_update(db, id, mine.date, mine.text, err) < 0 ||
	    lup_db_commit(db, err) < 0) {
		lup_db_rollback(db);
		goto out;
	}
	rc = 0;
out:
	free(mine.text);
	return rc;
}

int lup_placement_log_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char sql[] = "DELETE FROM log_entry WHERE id = ?1 AND placement_id IS NOT NULL";
	return lup_delete_by_id(db, sql, id, _("deleting a log entry"), _("no such log entry"), err);
}

int lup_placement_log_get(lup_db *db, const char *id, char date[11], char **text, lup_err *err)
{
	static const char sql[] = "SELECT date, text FROM log_entry WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	*text = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, date, 11);
		*text = lup_col_dup(st, 1);
	}
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such log entry"));
	return lup_sqlerr(db, err, _("reading a log entry"));
}

static const char *const log_page_sql[2][2] = {
	{ "SELECT id, date, text FROM log_entry WHERE placement_id = ?3 "
	  "ORDER BY date, id LIMIT ?4",
	  "SELECT id, date, text FROM log_entry WHERE placement_id = ?3 "
	  "AND (date, id) > (?1, ?2) ORDER BY date, id LIMIT ?4" },
	{ "SELECT id, date, text FROM log_entry WHERE placement_id = ?3 "
	  "ORDER BY date DESC, id DESC LIMIT ?4",
	  "SELECT id, date, text FROM log_entry WHERE placement_id = ?3 "
	  "AND (date, id) < (?1, ?2) ORDER BY date DESC, id DESC LIMIT ?4" },
};

static void read_log_row(sqlite3_stmt *st, void *row)
{
	struct lup_log_row *r = row;
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->date, sizeof r->date);
	r->cut = lup_col_cut(st, 2, r->text, sizeof r->text);
}

int lup_placement_log_page(lup_db *db, const char *placement_id,
                           const struct lup_log_row *from, int dir, int limit,
                           struct lup_log_row *rows, lup_err *err)
{
	int back = dir < 0;
	sqlite3_stmt *st;

	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, log_page_sql[back][from != NULL], err)))
		return -1;
	sqlite3_bind_text(st, 3, placement_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, limit);
	if (from) {
		sqlite3_bind_text(st, 1, from->date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, from->id, -1, SQLITE_TRANSIENT);
	}
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, read_log_row,
	                     _("listing log entries"), err);
}

/* ---- The lists ----
 *
 * The pipeline pages through one status at a time, in the index
 * placement_status (status, start_date, id), so a page reads about as many
 * rows as it shows however many placements there are.  A person's or a
 * host's placements go through their own index.  Names come from
 * subqueries, not joins, so the planner always starts from placement. */

#define PLCOLS "p.id, p.status, p.person_id, p.host_id, " \
	"(SELECT name FROM person WHERE id = p.person_id), " \
	"(SELECT name FROM host_org WHERE id = p.host_id), " \
	"(SELECT coalesce(city, '') FROM host_org WHERE id = p.host_id), " \
	"(SELECT country FROM host_org WHERE id = p.host_id), " \
	"p.start_date, p.end_date, p.travel_days, p.green_travel, " \
	"coalesce(length(trim(p.objectives)), 0) > 0, p.agreement_signed, p.travel_booked, " \
	"p.insurance, p.report_received, coalesce(p.cancel_reason, '') "
/* ?3 folded filter, ?6 status, ?7 person, ?8 host, ?9 country, ?10/?11 year */
/* The text filter reads the placement's own search column (its person's
 * and host's folded text, kept by triggers); the country filter is a set
 * made once per query (IN with an uncorrelated subquery), not a lookup
 * per placement. */
#define PLFILT "(?3 = '' OR instr(p.search, ?3) > 0) " \
	"AND (?6 = '' OR p.status = ?6) AND (?7 = '' OR p.person_id = ?7) " \
	"AND (?8 = '' OR p.host_id = ?8) " \
	"AND (?9 = '' OR p.host_id IN (SELECT id FROM host_org WHERE country = ?9)) " \
	"AND (?10 = '' OR p.start_date BETWEEN ?10 AND ?11)"
#define PLSEL "SELECT " PLCOLS "FROM placement p WHERE "
#define PLFWD " ORDER BY p.start_date, p.id LIMIT ?4"
#define PLBACK " ORDER BY p.start_date DESC, p.id DESC LIMIT ?4"
/* [backward][from a row] for one driving condition */
#define PLSET(cond) { \
	{ PLSEL cond " AND " PLFILT PLFWD, \
	  PLSEL cond " AND " PLFILT " AND (p.start_date, p.id) > (?2, ?5)" PLFWD }, \
	{ PLSEL cond " AND " PLFILT PLBACK, \
	  PLSEL cond " AND " PLFILT " AND (p.start_date, p.id) < (?2, ?5)" PLBACK } }

enum { PL_ALL, PL_PERSON, PL_HOST, PL_TEXT, PL_MODES };
/* With a text filter (and no person or host): the placements in the
 * page's order, each matched on its own search column, until the page is
 * full. */
#define PLTEXT "instr(p.search, ?3) > 0"

/* [one status (?12)][mode][backward][from a row] */
static const char *const pl_page_sql[2][PL_MODES][2][2] = {
	{ PLSET("1"), PLSET("p.person_id = ?7"), PLSET("p.host_id = ?8"), PLSET(PLTEXT) },
	{ PLSET("p.status = ?12"), PLSET("p.person_id = ?7 AND p.status = ?12"),
	  PLSET("p.host_id = ?8 AND p.status = ?12"), PLSET(PLTEXT " AND p.status = ?12") },
};

#define RANK "(CASE p.status WHEN 'proposed' THEN 0 WHEN 'agreed' THEN 1 " \
	"WHEN 'confirmed' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END)"
static const char *const pl_counts_sql[PL_MODES] = {
	"SELECT p.status, count(*) FROM placement p WHERE " PLFILT " GROUP BY p.status",
	"SELECT p.status, count(*) FROM placement p WHERE p.person_id = ?7 AND " PLFILT
	" GROUP BY p.status",
	"SELECT p.status, count(*) FROM placement p WHERE p.host_id = ?8 AND " PLFILT
	" GROUP BY p.status",
	"SELECT p.status, count(*) FROM placement p WHERE " PLTEXT " AND " PLFILT
	" GROUP BY p.status",
};

static const char *const pl_position_sql[LUP_PLSORT_COUNT] = {
	[LUP_PLSORT_STATUS] = "SELECT count(*) FROM placement p WHERE " PLFILT
	                      " AND (" RANK ", p.start_date, p.id) < (?1, ?2, ?5)",
	[LUP_PLSORT_START] = "SELECT count(*) FROM placement p WHERE " PLFILT
	                     " AND (p.start_date, p.id) < (?2, ?5)",
};

static int pl_mode(const struct lup_placement_query *q)
{
	if (q && q->person_id && q->person_id[0])
		return PL_PERSON;
	if (q && q->host_id && q->host_id[0])
		return PL_HOST;
	if (q && !lup_blank(q->filter))
		return PL_TEXT;
	return PL_ALL;
}

static int bind_pl_query(sqlite3_stmt *st, const struct lup_placement_query *q, int with_status,
                         lup_err *err)
{
	char lo[11], hi[11];
	char *filter = lup_fold(q && q->filter ? q->filter : "");
	const char *code = "";

	if (!filter)
		return lup_err_oom(err);
	lup_trim(filter);
	sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
	free(filter);
	sqlite3_bind_text(st, 6, with_status && q && q->status >= 0 && q->status < LUP_PS_COUNT
	                  ? status_keys[q->status] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, q && q->person_id ? q->person_id : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, q && q->host_id ? q->host_id : "", -1, SQLITE_TRANSIENT);
	if (q && !lup_blank(q->country) && !(code = lup_country_lookup(q->country)))
		code = "?";  /* an unknown country matches nothing */
	sqlite3_bind_text(st, 9, code, -1, SQLITE_STATIC);
	lup_sh_year_bounds(q ? q->year : 0, lo, hi);
	sqlite3_bind_text(st, 10, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, hi, -1, SQLITE_TRANSIENT);
	return 0;
}

static void read_pl_row(sqlite3_stmt *st, void *row)
{
	struct lup_placement_row *r = row;
	int s;
	lup_col_copy(st, 0, r->id, sizeof r->id);
	s = lup_pstatus_parse((const char *)sqlite3_column_text(st, 1));
	r->status = s < 0 ? LUP_PS_PROPOSED : (enum lup_pstatus)s;
	lup_col_copy(st, 2, r->person_id, sizeof r->person_id);
	lup_col_copy(st, 3, r->host_id, sizeof r->host_id);
	lup_col_cut(st, 4, r->person, sizeof r->person);
	lup_col_cut(st, 5, r->host, sizeof r->host);
	lup_col_cut(st, 6, r->city, sizeof r->city);
	lup_col_copy(st, 7, r->country, sizeof r->country);
	lup_col_copy(st, 8, r->start, sizeof r->start);
	lup_col_copy(st, 9, r->end, sizeof r->end);
	r->days = (int)lup_placement_days(r->start, r->end);
	r->travel_days = sqlite3_column_int(st, 10);
	r->green_travel = sqlite3_column_int(st, 11);
	r->has_objectives = sqlite3_column_int(st, 12);
	r->agreement_signed = sqlite3_column_int(st, 13);
	r->travel_booked = sqlite3_column_int(st, 14);
	r->insurance = sqlite3_column_int(st, 15);
	r->report_received = sqlite3_column_int(st, 16);
	lup_col_cut(st, 17, r->cancel_reason, sizeof r->cancel_reason);
	r->key_rank = (int)r->status;
	memcpy(r->key_date, r->start, sizeof r->key_date);
}

/* Up to limit rows of one query (status -1: all statuses; else that
 * one), by start date, in the query's direction.  Returns the count or
 * -1. */
static int pl_fetch(lup_db *db, const struct lup_placement_query *q, int status,
                    const struct lup_placement_row *from, int back, int limit,
                    struct lup_placement_row *rows, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, pl_page_sql[status >= 0][pl_mode(q)][back][from != NULL], err);

	if (!st)
		return -1;
	if (bind_pl_query(st, q, 1, err) < 0) {
		lup_done(st);
		return -1;
	}
	sqlite3_bind_int(st, 4, limit);
	if (from) {
		sqlite3_bind_int(st, 1, from->key_rank);
		sqlite3_bind_text(st, 2, from->key_date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, from->id, -1, SQLITE_TRANSIENT);
	}
	if (status >= 0)
		sqlite3_bind_text(st, 12, status_keys[status], -1, SQLITE_STATIC);
	/* in the order read: lup_placement_page turns the whole page */
	return lup_page_rows(db, st, 0, limit, rows, sizeof *rows, read_pl_row,
	                     _("listing placements"), err);
}

int lup_placement_page(lup_db *db, const struct lup_placement_query *q,
                       const struct lup_placement_row *from, int dir, int limit,
                       struct lup_placement_row *rows, lup_err *err)
{
	enum lup_placement_sort sort = q && (unsigned)q->sort < LUP_PLSORT_COUNT
	                               ? q->sort : LUP_PLSORT_STATUS;
	int back = dir < 0, n = 0;
	int only = q && q->status >= 0 && q->status < LUP_PS_COUNT ? q->status : -1;

	if (limit <= 0)
		return 0;
	if (sort == LUP_PLSORT_START && only < 0) {
		n = pl_fetch(db, q, -1, from, back, limit, rows, err);
	} else {
		/* Status by status, from the row's own status on. */
		int s = only >= 0 ? only : from ? from->key_rank : back ? LUP_PS_COUNT - 1 : 0;
		const struct lup_placement_row *key = from;
		if (from && only >= 0 && sort == LUP_PLSORT_STATUS && from->key_rank != only)
			key = NULL;  /* a row from another status: start the status afresh */
		for (; n < limit && s >= 0 && s < LUP_PS_COUNT; s += back ? -1 : 1) {
			int got = pl_fetch(db, q, s, key, back, limit - n, rows + n, err);
			if (got < 0)
				return -1;
			n += got;
			key = NULL;
			if (only >= 0)
				break;
		}
	}
	if (n < 0)
		return -1;
	if (back)  /* fetched in reverse: put them in display order */
		lup_reverse(rows, (size_t)n, sizeof *rows);
	return n;
}

int lup_placement_counts(lup_db *db, const struct lup_placement_query *q,
                         long by_status[LUP_PS_COUNT], lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, pl_counts_sql[pl_mode(q)], err);
	int rc;

	for (int s = 0; s < LUP_PS_COUNT; s++)
		by_status[s] = 0;
	if (!st)
		return -1;
	if (bind_pl_query(st, q, 0, err) < 0) {
		lup_done(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = lup_pstatus_parse((const char *)sqlite3_column_text(st, 0));
		if (s >= 0)
			by_status[s] = sqlite3_column_int64(st, 1);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("counting placements"));
	return 0;
}

long lup_placement_position(lup_db *db, const struct lup_placement_query *q,
                            const struct lup_placement_row *row, lup_err *err)
{
	enum lup_placement_sort sort = q && (unsigned)q->sort < LUP_PLSORT_COUNT
	                               ? q->sort : LUP_PLSORT_STATUS;
	sqlite3_stmt *st = lup_stmt(db, pl_position_sql[sort], err);
	long pos = -1;
	if (!st)
		return -1;
	if (bind_pl_query(st, q, 1, err) < 0) {
		lup_done(st);
		return -1;
	}
	sqlite3_bind_int(st, 1, row->key_rank);
	sqlite3_bind_text(st, 2, row->key_date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, row->id, -1, SQLITE_TRANSIENT);
	return lup_count_row(db, st, &pos, 1, _("listing placements"), err) < 0 ? -1 : pos;
}

int lup_placement_row(lup_db *db, const char *id, struct lup_placement_row *out, lup_err *err)
{
	return lup_get_row(db, lup_stmt(db, "SELECT " PLCOLS "FROM placement p WHERE p.id = ?1", err), id,
	                   out, sizeof *out, read_pl_row, _("listing placements"), _("no such placement"), err);
}

const char *lup_placement_sort_name(enum lup_placement_sort s)
{
	return s == LUP_PLSORT_START ? _("by start date") : _("by status");
}

/* ---- Summary by country and year ---- */

#define SUMSEL "SELECT h.country, CAST(substr(p.start_date, 1, 4) AS INTEGER) AS y, " \
	"sum(p.status = 'proposed'), sum(p.status = 'agreed'), sum(p.status = 'confirmed'), " \
	"sum(p.status = 'completed'), sum(p.status = 'cancelled'), count(*) " \
	"FROM placement p JOIN host_org h ON h.id = p.host_id " \
	"WHERE (?3 = 0 OR substr(p.start_date, 1, 4) = printf('%04d', ?3)) GROUP BY h.country, y "

static const char *const sum_page_sql[2][2] = {
	{ SUMSEL "ORDER BY h.country, y LIMIT ?4",
	  SUMSEL "HAVING (h.country, y) > (?1, ?2) ORDER BY h.country, y LIMIT ?4" },
	{ SUMSEL "ORDER BY h.country DESC, y DESC LIMIT ?4",
	  SUMSEL "HAVING (h.country, y) < (?1, ?2) ORDER BY h.country DESC, y DESC LIMIT ?4" },
};

static void read_summary_row(sqlite3_stmt *st, void *row)
{
	struct lup_shadow_summary_row *r = row;
	lup_col_copy(st, 0, r->country, sizeof r->country);
	r->year = sqlite3_column_int(st, 1);
	for (int s = 0; s < LUP_PS_COUNT; s++)
		r->by_status[s] = sqlite3_column_int(st, 2 + s);
	r->total = sqlite3_column_int(st, 2 + LUP_PS_COUNT);
}

int lup_shadow_summary_page(lup_db *db, int year,
                            const struct lup_shadow_summary_row *from, int dir, int limit,
                            struct lup_shadow_summary_row *rows, lup_err *err)
{
	int back = dir < 0;
	sqlite3_stmt *st;

	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, sum_page_sql[back][from != NULL], err)))
		return -1;
	sqlite3_bind_int(st, 3, year > 0 ? year : 0);
	sqlite3_bind_int(st, 4, limit);
	if (from) {
		sqlite3_bind_text(st, 1, from->country, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, from->year);
	}
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, read_summary_row,
	                     _("summing placements"), err);
}
