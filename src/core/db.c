/* db.c — opening the database safely, migrations, transactions, checks. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/prog.h"
#include "lup/privacy.h"
#include "lup/safeio.h"
#include "core/sync_int.h"

int lup_db_schema_version(void)
{
	int v = 0;
	for (const struct lup_migration *m = lup_migrations; m->steps; m++)
		v = m->version;
	return v;
}

int lup_sqlerr(lup_db *db, lup_err *err, const char *what)
{
	/* a database whose handle could not even be made: SQLite found no
	 * memory for it (sqlite3_open_v2 leaves the handle NULL then) */
	int rc = lup_sq_failed_bind() ? SQLITE_NOMEM
	       : db && db->h ? sqlite3_extended_errcode(db->h) : db ? SQLITE_NOMEM : SQLITE_ERROR;
	const char *m = db && db->h ? sqlite3_errmsg(db->h) : "";
	switch (rc & 0xff) {
	case SQLITE_NOMEM:
		return lup_err_set(err, LUP_EFAIL, _("%s: out of memory"), what);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return lup_err_set(err, LUP_EBUSY,
			_("%s: the database is locked by another program; try again"), what);
	case SQLITE_READONLY:
		return lup_err_set(err, LUP_EREADONLY,
			_("%s: the database is read-only"), what);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return lup_err_set(err, LUP_ECORRUPT,
			_("%s: the database file is damaged or not a database"), what);
	case SQLITE_FULL:
		return lup_err_set(err, LUP_EFAIL, _("%s: the disk is full"), what);
	case SQLITE_CONSTRAINT:
		return lup_err_set(err, LUP_ECONFLICT, "%s: %s", what, m);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN: {
		/* the system's reason says more than "disk I/O error" */
		int e = db && db->h ? sqlite3_system_errno(db->h) : 0;
		if (e == ENOSPC || e == EDQUOT)
			return lup_err_set(err, LUP_EFAIL, _("%s: the disk is full"), what);
		if (e == EROFS)
			return lup_err_set(err, LUP_EREADONLY, _("%s: the file system is read-only"), what);
		if (e)
			return lup_err_set(err, LUP_EFAIL, "%s: %s (%s)", what, m, strerror(e));
		return lup_err_set(err, LUP_EFAIL, "%s: %s", what, m);
	}
	default:
		return lup_err_set(err, LUP_EFAIL, "%s: %s", what, m);
	}
}

int lup_exec(lup_db *db, const char *sql, lup_err *err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("database"));
	return 0;
}

int lup_commit_found(lup_db *db, const char *missing, lup_err *err)
{
	if (sqlite3_changes(db->h) == 0) {
		lup_err_set(err, LUP_ENOTFOUND, "%s", missing);
		lup_db_rollback(db);
		return -1;
	}
	return lup_db_commit(db, err);
}

int lup_delete_by_id(lup_db *db, const char *sql, const char *id, const char *what,
                     const char *missing, lup_err *err)
{
	sqlite3_stmt *st;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, what, err) < 0)
		goto fail;
	return lup_commit_found(db, missing, err);
fail:
	lup_db_rollback(db);
	return -1;
}

sqlite3_stmt *lup_stmt(lup_db *db, const char *sql, lup_err *err)
{
	unsigned slot = (unsigned)(((uintptr_t)sql >> 3) % LUP_STMT_CACHE);
	sqlite3_stmt *st = NULL;

	for (unsigned i = 0; i < LUP_STMT_CACHE; i++) {
		unsigned s = (slot + i) % LUP_STMT_CACHE;
		if (db->cache[s].sql == sql) {
			sqlite3_reset(db->cache[s].st);
			sqlite3_clear_bindings(db->cache[s].st);
			lup_sq_forget(db->cache[s].st);
			return db->cache[s].st;
		}
		if (!db->cache[s].sql) {
			slot = s;
			goto prepare;
		}
	}
	/* Full: evict the home slot. */
	sqlite3_finalize(db->cache[slot].st);
	db->cache[slot].sql = NULL;
prepare:
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, _("database"));
		return NULL;
	}
	db->cache[slot].sql = sql;
	db->cache[slot].st = st;
	lup_sq_forget(st);
	return st;
}

void lup_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		lup_sq_forget(st);
	}
}

int lup_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

char *lup_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char *d = t ? strdup((const char *)t) : NULL;
	/* a copy that failed is not a NULL value: the transaction must not
	 * store it back as one */
	if (t && !d)
		lup_sq_oom_note();
	return d;
}

void lup_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(buf, n, "%s", t ? (const char *)t : "");
}

int lup_step(lup_db *db, sqlite3_stmt *st, const char *what, lup_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	lup_sqlerr(db, err, what);
	lup_done(st);
	return -1;
}

int lup_run(lup_db *db, sqlite3_stmt *st, const char *what, lup_err *err)
{
	int rc = lup_step(db, st, what, err);
	if (rc < 0)
		return -1;
	lup_done(st);
	return 0;
}

int lup_col_cut(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	return lup_copy_cut(buf, n, (const char *)sqlite3_column_text(st, i));
}

/* Reading the header first lets lup refuse a file it must not touch
 * without SQLite writing a byte to it. */
static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* application_id and user_version as SQLite reads them through the log,
 * on a read-only connection (it writes nothing to the file). */
static int probe(const char *path, unsigned long *uv, unsigned long *app, lup_err *err)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(h, 3000);
		if (sqlite3_prepare_v2(h, "SELECT * FROM pragma_user_version, pragma_application_id",
		                       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
			*uv = (unsigned long)sqlite3_column_int64(st, 0) & 0xffffffffUL;
			*app = (unsigned long)sqlite3_column_int64(st, 1) & 0xffffffffUL;
			rc = 0;
		}
	}
	if (rc < 0)
		lup_err_set(err, LUP_ECORRUPT, _("%s cannot be read: %s"), path,
		            h ? sqlite3_errmsg(h) : strerror(ENOMEM));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc;
}

static int check_header(const char *path, int create, int wal, lup_err *err)
{
	unsigned char h[100];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;
	unsigned long uv, app;

	if (fd < 0)
		return lup_err_set(err, errno == EACCES ? LUP_EREADONLY : LUP_EFAIL,
		                   _("cannot open %s: %s"), path, strerror(errno));
	n = read(fd, h, sizeof h);
	close(fd);
	if (n == 0) {
		/* an empty file becomes a database only when asked to (init,
		 * demo, the terminal interface); for anything else it is a
		 * mistake, and lup check would call it sound */
		if (create)
			return 0;
		return lup_err_set(err, LUP_ENOTFOUND,
			_("%s is an empty file, not a lup database (lup init makes one)"), path);
	}
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return lup_err_set(err, LUP_ECORRUPT,
			_("%s is not a lup database (damaged, or another kind of file)"), path);
	uv = be32(h + 60);
	app = be32(h + 68);
	if (wal) {
		/* the header may be older than what the log beside it holds:
		 * ask SQLite, reading only */
		if (probe(path, &uv, &app, err) < 0)
			return -1;
	}
	/* lup's application_id decides.  A file without one is lup's only
	 * while nothing was ever stored in it: no schema (its cookie is 0)
	 * and no user_version. */
	if (app != LUP_APPLICATION_ID && (app != 0 || uv != 0 || be32(h + 40) != 0))
		return lup_err_set(err, LUP_ECORRUPT,
			_("%s is an SQLite database of another program, not lup's; it has not been touched"), path);
	if (app == 0 && !create)
		return lup_err_set(err, LUP_ENOTFOUND,
			_("%s is an empty database, not yet lup's (lup init makes it one)"), path);
	if (uv > (unsigned long)lup_db_schema_version())
		return lup_err_set(err, LUP_EVERSION,
			_("%s was written by a newer lup (schema %lu; this lup knows %d); "
			  "it has not been touched"), path, uv, lup_db_schema_version());
	return 0;
}

static int pragma_int(lup_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int lup_db_user_version(lup_db *db)
{
	int v = -1;
	pragma_int(db, "PRAGMA user_version", &v);
	return v;
}

void lup_db_stamp(lup_db *db, struct lup_db_stamp *out)
{
	int dv = -1;
	pragma_int(db, "PRAGMA data_version", &dv);
	out->data_version = dv;
	out->changes = (long long)sqlite3_total_changes64(db->h);
}

int lup_db_stamp_equal(const struct lup_db_stamp *a, const struct lup_db_stamp *b)
{
	return a->data_version == b->data_version && a->changes == b->changes;
}

static int migrate(lup_db *db, lup_err *err)
{
	int have, app = 0, tables = 0;

	/* Readers need no lock: only an upgrade takes one. */
	if (pragma_int(db, "PRAGMA user_version", &have) == 0 && have == lup_db_schema_version())
		return 0;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (pragma_int(db, "PRAGMA user_version", &have) < 0 ||
	    pragma_int(db, "PRAGMA application_id", &app) < 0 ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables) < 0) {
		lup_sqlerr(db, err, db->path);
		goto fail;
	}
	if (have > lup_db_schema_version()) {
		lup_err_set(err, LUP_EVERSION,
			_("%s was written by a newer lup (schema %d; this lup knows %d); "
			  "it has not been touched"), db->path, have, lup_db_schema_version());
		goto fail;
	}
	if (have == 0 && tables > 0 && app != LUP_APPLICATION_ID) {
		lup_err_set(err, LUP_ECORRUPT,
			_("%s is an SQLite database of another program, not lup's"), db->path);
		goto fail;
	}
	if (have == lup_db_schema_version()) {
		lup_db_rollback(db);
		return 0;
	}
	for (const struct lup_migration *m = lup_migrations; m->steps; m++) {
		char sql[64];
		if (m->version <= have)
			continue;
		for (const char *const *s = m->steps; *s; s++) {
			if (sqlite3_exec(db->h, *s, NULL, NULL, NULL) != SQLITE_OK) {
				lup_err_set(err, LUP_EFAIL, _("upgrading %s to schema %d: %s"),
				            db->path, m->version, sqlite3_errmsg(db->h));
				goto fail;
			}
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", m->version);
		if (lup_exec(db, sql, err) < 0)
			goto fail;
	}
	{
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", LUP_APPLICATION_ID);
		if (lup_exec(db, sql, err) < 0)
			goto fail;
	}
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

/* SQLite tells through its log when opening a file had to recover
 * transactions the last program left half-done (it ended without closing
 * the file: killed, crashed, the power went).  That, and a schema upgrade,
 * is when a writing command checks the whole file before writing to it
 * (see lup_db_open); the log is set up once, before SQLite is first used. */
static atomic_uint recoveries;
static atomic_int log_set;  /* 1 installed, -1 could not be */
static pthread_once_t log_once = PTHREAD_ONCE_INIT;

static void sqlite_log(void *ud, int code, const char *msg)
{
	(void)ud; (void)msg;
	if (code == SQLITE_NOTICE_RECOVER_WAL || code == SQLITE_NOTICE_RECOVER_ROLLBACK)
		atomic_fetch_add(&recoveries, 1);
}

static void install_log(void)
{
	atomic_store(&log_set, sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL) == SQLITE_OK ? 1 : -1);
}

/* 1 when SQLite's quick_check finds the whole file sound. */
static int sound(sqlite3 *h)
{
	sqlite3_stmt *st;
	int ok = 0;
	if (sqlite3_prepare_v2(h, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(st, 0);
			ok = t && strcmp((const char *)t, "ok") == 0;
		}
		sqlite3_finalize(st);
	}
	return ok;
}

static int quick_check(lup_db *db, lup_err *err)
{
	if (sound(db->h))
		return 0;
	if (sqlite3_errcode(db->h) == SQLITE_BUSY)
		return lup_sqlerr(db, err, db->path);
	return lup_err_set(err, LUP_ECORRUPT,
		_("%s is damaged (quick_check failed); restore a backup, "
		  "or see what lup check says"), db->path);
}

static int folder_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return snprintf(dir, n, ".") < 0 ? -1 : 0;
	if (slash == path)
		return snprintf(dir, n, "/") < 0 ? -1 : 0;
	return snprintf(dir, n, "%.*s", (int)(slash - path), path) < 0 ? -1 : 0;
}

/* 1 when the file's schema is older than this lup's. */
static int upgrade_due(const char *path)
{
	unsigned long uv = 0, app = 0;
	lup_err e;
	if (probe(path, &uv, &app, &e) < 0)
		return 0;
	return uv < (unsigned long)lup_db_schema_version();
}

int lup_db_open(const char *path, int flags, lup_db **out, lup_err *err)
{
	lup_db *db;
	struct stat sb;
	char dir[4096];
	int exists, oflags, ro = (flags & LUP_DB_READONLY) != 0, left_wal = 0;
	unsigned recovered;

	*out = NULL;
	if (!path || !*path)
		return lup_err_set(err, LUP_EINVAL, _("no database file given"));
	folder_of(path, dir, sizeof dir);
	exists = lstat(path, &sb) == 0;
	if (exists && S_ISLNK(sb.st_mode))
		return lup_err_set(err, LUP_EINVAL,
			_("%s is a symbolic link: give lup the database file itself"), path);
	if (exists && S_ISDIR(sb.st_mode))
		return lup_err_set(err, LUP_EINVAL, _("%s is a folder, not a database file"), path);
	if (exists && !S_ISREG(sb.st_mode))
		return lup_err_set(err, LUP_EINVAL, _("%s is not a regular file"), path);
	if (!exists) {
		if (!(flags & LUP_DB_CREATE) || ro) {
			if (stat(dir, &sb) != 0)
				return lup_err_set(err, LUP_ENOTFOUND,
					_("cannot open %s: the folder %s does not exist"), path, dir);
			return lup_err_set(err, LUP_ENOTFOUND,
				_("no database at %s (lup init creates one)"), path);
		}
		if (stat(dir, &sb) != 0 && lup_mkdir_p(dir, 0700, err) < 0)
			return -1;
		/* Create the file ourselves so it is private from the start;
		 * SQLite gives its -wal and -shm files the same mode. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return lup_err_set(err, errno == EACCES || errno == EROFS ? LUP_EREADONLY : LUP_EFAIL,
			                   _("cannot create %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else {
		char wal[4096];
		struct stat wb;
		snprintf(wal, sizeof wal, "%s-wal", path);
		if (check_header(path, flags & LUP_DB_CREATE, stat(wal, &wb) == 0 && wb.st_size > 0, err) < 0)
			return -1;
	}
	if (ro && exists && sb.st_size > 0 && upgrade_due(path) && access(path, W_OK) == 0)
		ro = 0;  /* a reading command upgrades a file first, once */
	if (!ro && access(path, W_OK) != 0)
		return lup_err_set(err, LUP_EREADONLY, _("%s is read-only: lup needs to write to it"), path);
	if (!ro && access(dir, W_OK) != 0)
		return lup_err_set(err, LUP_EREADONLY,
			_("the folder %s is read-only: lup keeps its journal beside %s"), dir, path);

	pthread_once(&log_once, install_log);
	recovered = atomic_load(&recoveries);
	if (atomic_load(&log_set) < 0) {
		/* no word from SQLite: a write-ahead log left beside the file is
		 * taken for an unclean end (or another program using it) */
		char wal[4096];
		snprintf(wal, sizeof wal, "%s-wal", path);
		left_wal = stat(wal, &sb) == 0 && sb.st_size > 0;
	}
	if (!(db = calloc(1, sizeof *db)) || !(db->path = strdup(path))) {
		free(db);
		return lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
	}
	oflags = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW;
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, path);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);
	sqlite3_busy_timeout(db->h, 3000);
	if (lup_sql_functions(db->h) != SQLITE_OK) {
		lup_sqlerr(db, err, path);
		goto fail;
	}
	if (sqlite3_exec(db->h,
	        "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;"
	        "PRAGMA secure_delete = ON; PRAGMA synchronous = FULL;",
	        NULL, NULL, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, path);
		goto fail;
	}
	if (!ro && sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, path);
		goto fail;
	}
	/* The whole file is checked before a command writes to it when the
	 * last program using it ended without closing it (SQLite recovered
	 * its log just now, on this first read) or when it is about to be
	 * upgraded; otherwise SQLite's own checks of each page read stand,
	 * and lup check (or the terminal interface, beside its first frame)
	 * looks at everything. */
	if (!(flags & LUP_DB_NOCHECK)) {
		int v = lup_db_user_version(db);
		int unclean = left_wal || atomic_load(&recoveries) != recovered;
		int upgrade = exists && v >= 0 && v < lup_db_schema_version();
		if ((unclean || upgrade) && quick_check(db, err) < 0)
			goto fail;
	}
	if (ro) {
		int v = lup_db_user_version(db);
		if (v != lup_db_schema_version()) {
			lup_err_set(err, v > lup_db_schema_version() ? LUP_EVERSION : LUP_EREADONLY,
				_("%s has schema %d, this lup needs %d and cannot upgrade a read-only file"),
				path, v, lup_db_schema_version());
			goto fail;
		}
	} else if (migrate(db, err) < 0 || lup_sync_ready(db, err) < 0 ||
	           lup_db_scrub_pending(db, err) < 0) {
		goto fail;
	}
	*out = db;
	return 0;
fail:
	lup_db_close(db);
	return -1;
}

static void *verify_main(void *arg)
{
	lup_db *db = arg;
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int ok = 0;

	if (sqlite3_open_v2(db->path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		pthread_mutex_lock(&db->verify_lock);
		db->verify_h = h;
		pthread_mutex_unlock(&db->verify_lock);
		sqlite3_busy_timeout(h, 3000);
		if (sqlite3_prepare_v2(h, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(st, 0);
			ok = t && strcmp((const char *)t, "ok") == 0;
		}
		sqlite3_finalize(st);
		pthread_mutex_lock(&db->verify_lock);
		db->verify_h = NULL;
		pthread_mutex_unlock(&db->verify_lock);
	}
	sqlite3_close(h);
	if (!ok && atomic_load(&db->verify) == 4)
		ok = 1;  /* interrupted on closing: no verdict, no complaint */
	if (!ok)
		snprintf(db->verify_msg, sizeof db->verify_msg,
		         _("%s is damaged (quick_check failed); restore a backup, "
		           "or see what lup check says"), db->path);
	{
		int running = 1;
		atomic_compare_exchange_strong(&db->verify, &running, ok ? 2 : 3);
	}
	return NULL;
}

int lup_db_verify_start(lup_db *db, lup_err *err)
{
	if (atomic_load(&db->verify) != 0)
		return 0;
	atomic_store(&db->verify, 1);
	pthread_mutex_init(&db->verify_lock, NULL);
	if (pthread_create(&db->verify_thread, NULL, verify_main, db) != 0) {
		atomic_store(&db->verify, 0);
		return lup_err_set(err, LUP_EFAIL, "%s", strerror(errno));
	}
	return 0;
}

int lup_db_verify_poll(lup_db *db, lup_err *err)
{
	switch (atomic_load(&db->verify)) {
	case 2:
		return 1;
	case 3:
		return lup_err_set(err, LUP_ECORRUPT, "%s", db->verify_msg);
	default:
		return 0;
	}
}

void lup_db_close(lup_db *db)
{
	if (!db)
		return;
	if (atomic_load(&db->verify) != 0) {
		/* Quitting need not wait for the check of a large file. */
		int running = 1;
		atomic_compare_exchange_strong(&db->verify, &running, 4);
		pthread_mutex_lock(&db->verify_lock);
		if (db->verify_h)
			sqlite3_interrupt(db->verify_h);
		pthread_mutex_unlock(&db->verify_lock);
		pthread_join(db->verify_thread, NULL);
		pthread_mutex_destroy(&db->verify_lock);
	}
	lup_sync_capture_abort(db);
	lup_sync_meta_free(db);
	for (int i = 0; i < LUP_STMT_CACHE; i++)
		if (db->cache[i].st)
			sqlite3_finalize(db->cache[i].st);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

const char *lup_db_path(const lup_db *db)
{
	return db->path;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so core functions compose into one atomic write. */
int lup_db_begin(lup_db *db, lup_err *err)
{
	const char *sql = db->txdepth ? "SAVEPOINT lup_nested" : "BEGIN IMMEDIATE";
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("starting a change"));
	if (db->txdepth++ == 0) {
		lup_sq_oom_reset();
		lup_sync_capture_begin(db);
	}
	return 0;
}

int lup_db_commit(lup_db *db, lup_err *err)
{
	const char *sql = db->txdepth > 1 ? "RELEASE lup_nested" : "COMMIT";
	int logged = db->nlogged;
	if (db->txdepth <= 0)
		return 0;
	/* The outermost commit records the change in the log, in the same
	 * transaction. */
	if (db->txdepth == 1 && lup_sync_capture_commit(db, err) < 0) {
		db->nlogged = logged;
		lup_db_rollback(db);
		return -1;
	}
	/* a value SQLite found no memory to bind or read: what was written
	 * may lack it */
	if (db->txdepth == 1 && lup_sq_oom_seen()) {
		lup_err_set(err, LUP_EFAIL, _("%s: out of memory"), _("saving"));
		db->nlogged = logged;
		lup_db_rollback(db);
		return -1;
	}
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, _("saving"));
		if (db->txdepth == 1 && db->nlogged > logged)
			db->nlogged = logged;   /* the change it noted is gone */
		lup_db_rollback(db);
		return -1;
	}
	db->txdepth--;
	return 0;
}

void lup_db_rollback(lup_db *db)
{
	if (db->txdepth > 1) {
		sqlite3_exec(db->h, "ROLLBACK TO lup_nested; RELEASE lup_nested", NULL, NULL, NULL);
		db->txdepth--;
		return;
	}
	db->txdepth = 0;
	lup_sync_capture_abort(db);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* lup's own invariants: each query returns one text column per problem. */
static const char *const invariants[] = {
	/* Waitlist positions run 1, 2, 3 … in each cohort. */
	"SELECT 'cohort ' || substr(cohort_id, 1, 8) || ': waitlist positions are not 1.."
	"' || count(*) FROM enrolment WHERE status = 'waitlisted' GROUP BY cohort_id "
	"HAVING max(waitlist_pos) <> count(*) OR count(DISTINCT waitlist_pos) <> count(*)",
	/* Nobody waits while a seat is free. */
	"SELECT 'cohort ' || substr(c.id, 1, 8) || ' (' || c.name || '): people wait although seats are free' "
	"FROM cohort c WHERE EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'waitlisted') "
	"AND (SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status IN ('enrolled', 'completed')) < c.capacity",
	/* Attendance only for people enrolled in the session's cohort. */
	"SELECT 'attendance ' || substr(a.id, 1, 8) || ': the person is not in the session''s cohort' "
	"FROM attendance a JOIN session s ON s.id = a.session_id WHERE NOT EXISTS (SELECT 1 FROM enrolment e "
	"WHERE e.cohort_id = s.cohort_id AND e.person_id = a.person_id AND e.status <> 'waitlisted')",
	/* A mark records what happened: never for a session still to come. */
	"SELECT 'attendance ' || substr(a.id, 1, 8) || ': ' || p.name || ' is marked ' || a.status "
	"|| ' for ''' || s.title || ''' on ' || substr(s.starts_at, 1, 10) || ', which has not taken place yet' "
	"FROM attendance a JOIN session s ON s.id = a.session_id JOIN person p ON p.id = a.person_id "
	"WHERE substr(s.starts_at, 1, 10) > date('now', 'localtime')",
	/* Nor for someone whose seat counts from a later day (an enrolment
	 * after its marks): their "since" date wants moving back. */
	"SELECT 'attendance ' || substr(a.id, 1, 8) || ': ' || p.name || ' is marked for ''' || s.title "
	"|| ''' on ' || substr(s.starts_at, 1, 10) || ' but their seat counts from ' "
	"|| coalesce(min(e.enrolled_on), 'no day') FROM attendance a JOIN session s ON s.id = a.session_id "
	"JOIN person p ON p.id = a.person_id JOIN enrolment e ON e.cohort_id = s.cohort_id "
	"AND e.person_id = a.person_id AND e.status <> 'waitlisted' "
	"GROUP BY a.id HAVING NOT max(" LUP_P_SEAT_ON("e", "substr(s.starts_at, 1, 10)") ")",
	/* Sort keys follow lup_sortkey (a migration makes them again when it
	 * changes; a write from outside lup could not). */
	"SELECT 'person ' || substr(id, 1, 8) || ': its sort keys are out of date' FROM person "
	"WHERE sort_name IS NOT lup_sortkey(name) OR sort_unit IS NOT lup_sortkey(coalesce(org_unit, '')) "
	"OR sort_role IS NOT lup_sortkey(coalesce(role, ''))",
	"SELECT 'host organisation ' || substr(id, 1, 8) || ': its sort key is out of date' FROM host_org "
	"WHERE sort_name IS NOT lup_sortkey(name)",
	/* The Due list's own copy of each person (schema 7: triggers keep
	 * it; it is worked out from person and checkin alone). */
	"SELECT 'person ' || substr(p.id, 1, 8) || ': its entry in the Due list is out of date' "
	"FROM person p LEFT JOIN person_due d ON d.person_id = p.id WHERE d.person_id IS NULL "
	"OR d.active IS NOT p.active OR d.sort_role IS NOT p.sort_role OR d.sort_name IS NOT p.sort_name "
	"OR d.search IS NOT p.search OR d.last IS NOT " LUP_DUE_LAST("p.id"),
	"SELECT 'the Due list has an entry for a person who is gone (' || substr(d.person_id, 1, 8) || ')' "
	"FROM person_due d WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = d.person_id)",
	/* A session's block belongs to its cohort's programme. */
	"SELECT 'session ' || substr(s.id, 1, 8) || ': its block is of another programme' "
	"FROM session s JOIN cohort c ON c.id = s.cohort_id JOIN block b ON b.id = s.block_id "
	"WHERE b.programme_id <> c.programme_id",
	/* Placements: a completed one has its report, an agreed one its objectives. */
	"SELECT 'placement ' || substr(id, 1, 8) || ': completed without a report' "
	"FROM placement WHERE status = 'completed' AND report_received = 0",
	"SELECT 'placement ' || substr(id, 1, 8) || ': ' || status || ' without objectives' "
	"FROM placement WHERE status IN ('agreed', 'confirmed', 'completed') AND length(trim(coalesce(objectives, ''))) = 0",
	/* Ratings lie in their competence's level range. */
	"SELECT 'rating ' || substr(r.id, 1, 8) || ': level ' || r.level || ' outside ' "
	"|| c.level_min || '..' || c.level_max || ' of ' || c.code FROM rating r JOIN competence c "
	"ON c.id = r.competence_id WHERE r.level IS NOT NULL AND (r.level < c.level_min OR r.level > c.level_max)",
	/* A rating's competence is of its check-in's framework version. */
	"SELECT 'rating ' || substr(r.id, 1, 8) || ': competence of another framework version' "
	"FROM rating r JOIN checkin k ON k.id = r.checkin_id JOIN competence c ON c.id = r.competence_id "
	"WHERE c.framework_id <> k.framework_id",
	/* A placement's copy of its person's and host's search text is
	 * current (triggers keep it; a write from outside lup could not). */
	"SELECT 'placement ' || substr(p.id, 1, 8) || ': its search text is out of date' "
	"FROM placement p WHERE p.search IS NOT (" LUP_PLACEMENT_SEARCH("p.person_id", "p.host_id") ")",
	/* Nobody is their own manager, however far up. */
	"WITH RECURSIVE up(start, id, depth) AS (SELECT id, manager_id, 1 FROM person WHERE manager_id IS NOT NULL "
	"UNION ALL SELECT up.start, p.manager_id, depth + 1 FROM up JOIN person p ON p.id = up.id "
	"WHERE p.manager_id IS NOT NULL AND depth < 64) "
	"SELECT DISTINCT 'person ' || substr(start, 1, 8) || ': manager chain loops back to them' "
	"FROM up WHERE id = start",
	NULL
};

int lup_db_check(lup_db *db, lup_problem_cb cb, void *ud, lup_err *err)
{
	static const char *const builtin[] = {
		"PRAGMA integrity_check",
		"SELECT 'foreign key: ' || \"table\" || ' row ' || rowid || ' points to a missing ' || parent "
		"FROM pragma_foreign_key_check",
		NULL
	};
	int problems = 0;

	for (int pass = 0; pass < 2; pass++) {
		const char *const *q = pass == 0 ? builtin : invariants;
		for (; *q; q++) {
			sqlite3_stmt *st;
			int rc;
			if (sqlite3_prepare_v2(db->h, *q, -1, &st, NULL) != SQLITE_OK)
				return lup_sqlerr(db, err, _("checking"));
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				const char *t = (const char *)sqlite3_column_text(st, 0);
				if (q == builtin && t && strcmp(t, "ok") == 0)
					continue;
				if (!t || !strchr(t, '\n')) {
					problems++;
					if (cb)
						cb(ud, t ? t : "?");
					continue;
				}
				/* integrity_check may put several problems in one row:
				 * each (a page, a cell) gets its own line */
				for (const char *l = t; *l;) {
					const char *e = strchr(l, '\n');
					size_t len = e ? (size_t)(e - l) : strlen(l);
					char line[512];
					snprintf(line, sizeof line, "%.*s", (int)len, l);
					if (*line && strncmp(line, "*** in database", 15) != 0) {
						problems++;
						if (cb)
							cb(ud, line);
					}
					l += len + (e != NULL);
				}
			}
			sqlite3_finalize(st);
			/* damage found and named: the checks after it cannot read
			 * the same pages, and their failure says nothing more */
			if (rc != SQLITE_DONE && problems > 0 &&
			    (sqlite3_errcode(db->h) & 0xff) == SQLITE_CORRUPT)
				return problems;
			if (rc != SQLITE_DONE)
				return lup_sqlerr(db, err, _("checking"));
		}
	}
	return problems;
}

/* A temporary copy and whatever SQLite kept beside it. */
static void unlink_tmp(const char *tmp)
{
	char side[4200];
	static const char *const ext[] = { "-journal", "-wal", "-shm" };
	unlink(tmp);
	for (size_t i = 0; i < 3; i++) {
		snprintf(side, sizeof side, "%s%s", tmp, ext[i]);
		unlink(side);
	}
}

int lup_db_backup(lup_db *db, const char *dest, lup_err *err)
{
	char *tmp = malloc(strlen(dest) + 48);
	sqlite3 *out = NULL;
	sqlite3_backup *bk;
	int fd, rc;

	if (!tmp)
		return lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
	lup_tmp_sweep(dest);
	sprintf(tmp, "%s" LUP_TMP_MARK "%ld-XXXXXX", dest, (long)getpid());
	if ((fd = mkstemp(tmp)) < 0) {
		lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), dest, strerror(errno));
		free(tmp);
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		goto fail_db;
	bk = sqlite3_backup_init(out, "main", db->h, "main");
	if (!bk)
		goto fail_db;
	while ((rc = sqlite3_backup_step(bk, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(rc == SQLITE_OK ? 0 : 20);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE)
		goto fail_db;
	/* A backup should stand alone: one file, no -wal beside it. */
	if (sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		goto fail_db;
	/* A copy of damage is no backup: checked whole before it replaces
	 * anything (the pages were copied, never read as a database). */
	if (!sound(out)) {
		lup_err_set(err, LUP_ECORRUPT, _("%s is damaged (quick_check failed); restore a backup, "
		                                 "or see what lup check says"), db->path);
		sqlite3_close(out);
		unlink_tmp(tmp);
		free(tmp);
		return -1;
	}
	if (sqlite3_close(out) != SQLITE_OK)
		goto fail_db;
	out = NULL;
	if ((fd = open(tmp, O_RDWR | O_CLOEXEC)) < 0 || fsync(fd) != 0) {
		if (fd >= 0)
			close(fd);
		goto fail_io;
	}
	close(fd);
	if (rename(tmp, dest) != 0)
		goto fail_io;
	{
		char dir[4096];
		folder_of(dest, dir, sizeof dir);
		if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	free(tmp);
	return 0;
fail_db:
	lup_err_set(err, LUP_EFAIL, _("backup to %s failed: %s"), dest,
	            out ? sqlite3_errmsg(out) : sqlite3_errmsg(db->h));
	sqlite3_close(out);
	unlink_tmp(tmp);
	free(tmp);
	return -1;
fail_io:
	lup_err_set(err, LUP_EFAIL, _("backup to %s failed: %s"), dest, strerror(errno));
	unlink_tmp(tmp);
	free(tmp);
	return -1;
}

int lup_db_counts(lup_db *db, struct lup_db_counts *c, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM programme), "
		"(SELECT count(*) FROM cohort), (SELECT count(*) FROM session), "
		"(SELECT count(*) FROM enrolment WHERE status <> 'withdrawn'), "
		"(SELECT count(*) FROM host_org), (SELECT count(*) FROM placement), "
		"(SELECT count(DISTINCT ident) FROM framework), (SELECT count(*) FROM checkin)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_sqlerr(db, err, _("counting"));
		lup_done(st);
		return -1;
	}
	c->people = sqlite3_column_int64(st, 0);
	c->programmes = sqlite3_column_int64(st, 1);
	c->cohorts = sqlite3_column_int64(st, 2);
	c->sessions = sqlite3_column_int64(st, 3);
	c->enrolments = sqlite3_column_int64(st, 4);
	c->hosts = sqlite3_column_int64(st, 5);
	c->placements = sqlite3_column_int64(st, 6);
	c->frameworks = sqlite3_column_int64(st, 7);
	c->checkins = sqlite3_column_int64(st, 8);
	lup_done(st);
	return 0;
}

/* References: a unique id prefix of at least 6 characters. */
static const struct { const char *table, *sql; } ref_sql[] = {
#define REF(t) { #t, "SELECT id FROM " #t " WHERE id >= ?1 AND id < ?1 || '~' LIMIT 2" }
	REF(person), REF(programme), REF(block), REF(cohort), REF(session),
	REF(enrolment), REF(attendance), REF(host_org), REF(placement),
	REF(framework), REF(competence), REF(checkin), REF(rating), REF(log_entry), REF(round),
#undef REF
};

int lup_resolve_id(lup_db *db, const char *table, const char *ref,
                   char out[LUP_UUID_LEN + 1], lup_err *err)
{
	const char *sql = NULL;
	sqlite3_stmt *st;
	int n = 0, rc;
	char low[LUP_UUID_LEN + 1];
	size_t len = ref ? strlen(ref) : 0;

	for (size_t i = 0; i < sizeof ref_sql / sizeof ref_sql[0]; i++)
		if (strcmp(ref_sql[i].table, table) == 0)
			sql = ref_sql[i].sql;
	if (!sql)
		return lup_err_set(err, LUP_EINVAL, "unknown table %s", table);
	if (len < 6 || len > LUP_UUID_LEN)
		return lup_err_set(err, LUP_EINVAL,
			_("'%s' is not a reference: give 6 or more characters of an id"), ref ? ref : "");
	for (size_t i = 0; i <= len; i++)
		low[i] = (ref[i] >= 'A' && ref[i] <= 'Z') ? (char)(ref[i] + 32) : ref[i];
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, low, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			lup_col_copy(st, 0, out, LUP_UUID_LEN + 1);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up"));
	if (n == 0)
		return lup_err_set(err, LUP_ENOTFOUND, _("nothing matches '%s'"), ref);
	if (n > 1)
		return lup_err_set(err, LUP_EAMBIG, _("'%s' matches more than one; give more characters"), ref);
	return 0;
}
