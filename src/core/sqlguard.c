/* sqlguard.c — binds that cannot be lost.  A bind that finds no memory
 * for its copy of a value leaves NULL in the parameter's place, and a
 * statement stepped after it would store a row with a value missing as if
 * it were whole.  lup's binds of values SQLite copies (text, blobs,
 * values) and its steps go through these (internal.h renames them): after
 * a failed bind, the statement's next step fails instead of running. */
#define LUP_SQLGUARD_IMPL
#include "core/internal.h"

/* the statement whose bind failed, not yet stepped; whether a step
 * failed for it, for lup_sqlerr to say why; and whether SQLite ran out of
 * memory for a bind or a value read since the outermost transaction
 * began (one thread, one of each) */
static _Thread_local sqlite3_stmt *failed;
static _Thread_local int failed_step, oom_seen;

static int note(sqlite3_stmt *st, int rc)
{
	if (rc != SQLITE_OK) {
		failed = st;
		oom_seen = 1;
	}
	return rc;
}

/* A value read: NULL for a value that is not NULL (text), or NULL with
 * SQLite saying it ran out of memory (a blob: an empty one is NULL too),
 * is a read that failed.  The type is taken before the read: a value
 * SQLite could not convert for want of memory reads as NULL after. */
const unsigned char *lup_sq_column_text(sqlite3_stmt *st, int i)
{
	int ty = sqlite3_column_type(st, i);
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t && ty != SQLITE_NULL)
		oom_seen = 1;
	return t;
}

const void *lup_sq_column_blob(sqlite3_stmt *st, int i)
{
	const void *b = sqlite3_column_blob(st, i);
	if (!b && sqlite3_column_type(st, i) != SQLITE_NULL &&
	    (sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM || sqlite3_column_bytes(st, i) > 0))
		oom_seen = 1;
	return b;
}

const unsigned char *lup_sq_value_text(sqlite3_value *v)
{
	int ty = sqlite3_value_type(v);
	const unsigned char *t = sqlite3_value_text(v);
	if (!t && ty != SQLITE_NULL)
		oom_seen = 1;
	return t;
}

const void *lup_sq_value_blob(sqlite3_value *v)
{
	const void *b = sqlite3_value_blob(v);
	if (!b && sqlite3_value_type(v) != SQLITE_NULL && sqlite3_value_bytes(v) > 0)
		oom_seen = 1;
	return b;
}

void lup_sq_oom_note(void)
{
	oom_seen = 1;
}

void lup_sq_oom_reset(void)
{
	oom_seen = 0;
}

int lup_sq_oom_seen(void)
{
	return oom_seen;
}

int lup_sq_bind_text(sqlite3_stmt *st, int i, const char *s, int n, void (*d)(void *))
{
	return note(st, sqlite3_bind_text(st, i, s, n, d));
}

int lup_sq_bind_blob(sqlite3_stmt *st, int i, const void *p, int n, void (*d)(void *))
{
	return note(st, sqlite3_bind_blob(st, i, p, n, d));
}

int lup_sq_bind_value(sqlite3_stmt *st, int i, const sqlite3_value *v)
{
	return note(st, sqlite3_bind_value(st, i, v));
}

int lup_sq_bind_zeroblob(sqlite3_stmt *st, int i, int n)
{
	return note(st, sqlite3_bind_zeroblob(st, i, n));
}

int lup_sq_step(sqlite3_stmt *st)
{
	if (st && st == failed) {
		failed = NULL;
		failed_step = 1;
		return SQLITE_NOMEM;
	}
	return sqlite3_step(st);
}

void lup_sq_forget(sqlite3_stmt *st)
{
	if (st && st == failed)
		failed = NULL;
}

int lup_sq_failed_bind(void)
{
	int f = failed_step;
	failed_step = 0;
	return f;
}

int lup_cs_err(int rc, lup_err *err)
{
	if ((rc & 0xff) == SQLITE_NOMEM)
		return lup_err_oom(err);
	return lup_err_set(err, LUP_EFAIL, _("a change cannot be read"));
}
