/* test_sync.c — the change log and merging laptops (sync.c, sync_apply.c,
 * sync_file.c, sync_conflict.c, crypto.c): capture, identity of copies,
 * the clock, name-based ids, the file format and its refusals, the
 * conflict rules one by one, held-back changes, conflicts answered, and an
 * erase that leaves no copy in the log. */
#include "helpers.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "core/sync_int.h"
#include "lup/competence.h"
#include "lup/enrol.h"
#include "lup/people.h"
#include "lup/privacy.h"
#include "lup/sync.h"

#define P(i) "00000000-0000-4000-8000-0000000001" #i   /* people 00..15 */
#define COHORT "00000000-0000-4000-8000-000000000200"
#define SESSION "00000000-0000-4000-8000-000000000300"
#define PLACEMENT "00000000-0000-4000-8000-000000000500"
#define CHECKIN "00000000-0000-4000-8000-000000000700"
#define COMP "00000000-0000-4000-8000-000000000620"

/* Two laptops: copies of one base, joined to one team. */
struct two {
	char dir[64], a_path[128], b_path[128], key_path[128];
	lup_db *a, *b;
	lup_sync_key key;
};

static void sql(lup_db *db, const char *s)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, s, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", s, msg);
}

static const char *text(lup_db *db, const char *q)
{
	static char buf[8][256];
	static int k;
	char *out = buf[k++ % 8];
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", q, sqlite3_errmsg(db->h));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, 256, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void copy_file(const char *from, const char *to)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
	assert_int_equal(system(cmd), 0);
}

static void two_open(struct two *t)
{
	lup_err err;
	lup_db *base;
	snprintf(t->dir, sizeof t->dir, "/tmp/lup-unit-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->a_path, sizeof t->a_path, "%s/a.db", t->dir);
	snprintf(t->b_path, sizeof t->b_path, "%s/b.db", t->dir);
	snprintf(t->key_path, sizeof t->key_path, "%s/team.key", t->dir);
	if (lup_db_open(t->a_path, LUP_DB_CREATE, &base, &err) < 0)
		fail_msg("%s", err.msg);
	sql(base, "BEGIN;"
	    "INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'P');"
	    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 15) "
	    "INSERT INTO person (id, name, email, org_unit) SELECT printf('00000000-0000-4000-8000-0000000001%02d', i), "
	    " 'Person ' || i, 'p' || i || '@x.se', 'IT' FROM n;"
	    "INSERT INTO cohort (id, programme_id, name, capacity) VALUES "
	    " ('" COHORT "', '00000000-0000-4000-8000-000000000001', 'Omgång 1', 2), "
	    " ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000001', 'Omgång 2', 9);"
	    "INSERT INTO session (id, cohort_id, title, starts_at, ends_at) VALUES "
	    " ('" SESSION "', '" COHORT "', 'Dag 1', '2016-03-10 09:00', '2016-03-10 16:00');"
	    "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on) VALUES "
	    " (lup_uuid_name('enrolment', '" COHORT "', '" P(00) "'), '" COHORT "', '" P(00) "', "
	    "  '00000000-0000-4000-8000-000000000001', 'enrolled', '2016-01-01T08:00:00Z', '2016-01-02');"
	    "INSERT INTO host_org (id, name, country) VALUES ('00000000-0000-4000-8000-000000000401', 'Wien', 'AT');"
	    "INSERT INTO placement (id, person_id, host_id, start_date, end_date, objectives) VALUES "
	    " ('" PLACEMENT "', '" P(04) "', '00000000-0000-4000-8000-000000000401', '2016-05-02', '2016-05-06', 'Lära');"
	    "INSERT INTO framework (id, ident, name, version, content_hash, level_min, level_max, imported_at) VALUES "
	    " ('00000000-0000-4000-8000-000000000601', 'mini', 'Mini', '1', 'x', 1, 4, '2016-01-01T00:00:00Z');"
	    "INSERT INTO area (id, framework_id, code, seq, name) VALUES ('00000000-0000-4000-8000-000000000611', "
	    " '00000000-0000-4000-8000-000000000601', '1', 1, 'Data');"
	    "INSERT INTO competence (id, framework_id, area_id, code, seq, name, level_min, level_max) VALUES "
	    " ('" COMP "', '00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000611', '1.1', 1, "
	    " 'K', 1, 4);"
	    "INSERT INTO checkin (id, person_id, framework_id, date) VALUES ('" CHECKIN "', '" P(01) "', "
	    " '00000000-0000-4000-8000-000000000601', '2016-02-01');"
	    /* the sort keys lup keeps (lup check looks at them) */
	    "UPDATE person SET sort_name = lup_sortkey(name), sort_unit = lup_sortkey(coalesce(org_unit, '')), "
	    " sort_role = lup_sortkey(coalesce(role, ''));"
	    "UPDATE host_org SET sort_name = lup_sortkey(name);"
	    "COMMIT;");
	if (lup_sync_key_create(t->key_path, &t->key, &err) < 0 || lup_sync_init(base, &t->key, "a", 0, 0, &err) < 0)
		fail_msg("%s", err.msg);
	lup_db_close(base);
	copy_file(t->a_path, t->b_path);
	if (lup_db_open(t->a_path, 0, &t->a, &err) < 0 || lup_db_open(t->b_path, 0, &t->b, &err) < 0)
		fail_msg("%s", err.msg);
}

static void two_close(struct two *t)
{
	char cmd[200];
	lup_db_close(t->a);
	lup_db_close(t->b);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	assert_int_equal(system(cmd), 0);
}

/* Everything of one laptop's log to the other, through a file. */
static void send(struct two *t, lup_db *from, lup_db *to, struct lup_sync_result *r)
{
	char path[160];
	lup_sync_file *f;
	lup_err err;
	struct lup_sync_result local;
	long n;
	snprintf(path, sizeof path, "%s/x.lupcs", t->dir);
	if (!r)
		r = &local;
	memset(r, 0, sizeof *r);
	if (lup_sync_export(from, &t->key, LUP_SYNC_ALL, NULL, path, &n, &err) < 0 ||
	    lup_sync_file_read(path, &t->key, &f, &err) < 0 || lup_sync_apply(to, &t->key, &f, 1, r, &err) < 0)
		fail_msg("send: %s", err.msg);
	lup_sync_file_free(f);
}

static void exchange(struct two *t)
{
	send(t, t->a, t->b, NULL);
	send(t, t->b, t->a, NULL);
}

static void same(struct two *t)
{
	char ha[65], hb[65];
	lup_err err;
	assert_int_equal(lup_sync_hash(t->a, ha, &err), 0);
	assert_int_equal(lup_sync_hash(t->b, hb, &err), 0);
	assert_string_equal(ha, hb);
	assert_string_equal(text(t->a, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
}

static void exec_w(lup_db *db, const char *q)
{
	lup_err err;
	assert_int_equal(lup_db_begin(db, &err), 0);
	sql(db, q);
	assert_int_equal(lup_db_commit(db, &err), 0);
}

/* ---- What is synced ---- */

/* Every table of the schema is synced or this copy's own bookkeeping: a
 * table a migration adds without saying which would silently stay on one
 * laptop. */
static void test_every_table_placed(void **state)
{
	struct two t;
	sqlite3_stmt *st;
	int n = 0;
	(void)state;
	two_open(&t);
	assert_int_equal(sqlite3_prepare_v2(t.a->h, "SELECT name FROM sqlite_master WHERE type = 'table' "
	                                    "AND name NOT LIKE 'sqlite%' ORDER BY name", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int local = 0;
		for (const char *const *l = lup_sync_local_tables; *l; l++)
			local |= strcmp(*l, name) == 0;
		if (!local && lup_sync_table_index(name) < 0)
			fail_msg("table %s is neither synced (lup_sync_tables) nor local (lup_sync_local_tables)", name);
		if (local && lup_sync_table_index(name) >= 0)
			fail_msg("table %s is both synced and local", name);
		n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(n, SYNC_NTABLES + 7);
	two_close(&t);
}

/* ---- Capture ---- */

static void test_capture(void **state)
{
	struct two t;
	lup_err err;
	(void)state;
	two_open(&t);
	assert_string_equal(text(t.a, "SELECT count(*) FROM sync_log"), "0");
	/* One entry per outermost transaction; nested ones join it. */
	assert_int_equal(lup_db_begin(t.a, &err), 0);
	sql(t.a, "UPDATE person SET role = 'chef' WHERE id = '" P(02) "'");
	assert_int_equal(lup_db_begin(t.a, &err), 0);
	sql(t.a, "UPDATE person SET role = 'rektor' WHERE id = '" P(03) "'");
	assert_int_equal(lup_db_commit(t.a, &err), 0);
	assert_int_equal(lup_db_commit(t.a, &err), 0);
	assert_string_equal(text(t.a, "SELECT count(*) || ' ' || max(seq) FROM sync_log"), "1 1");
	/* A rolled-back transaction leaves nothing; one that changes nothing neither. */
	assert_int_equal(lup_db_begin(t.a, &err), 0);
	sql(t.a, "UPDATE person SET role = 'x' WHERE id = '" P(02) "'");
	lup_db_rollback(t.a);
	exec_w(t.a, "UPDATE person SET role = role WHERE id = '" P(02) "'");
	assert_string_equal(text(t.a, "SELECT count(*) FROM sync_log"), "1");
	/* The next has the next number and a later clock; the derived text is
	 * worked out at commit (a raw write left it stale). */
	exec_w(t.a, "UPDATE person SET org_unit = 'Skola' WHERE id = '" P(02) "'");
	assert_string_equal(text(t.a, "SELECT (SELECT hlc FROM sync_log WHERE seq = 2) > "
	                              "(SELECT hlc FROM sync_log WHERE seq = 1)"), "1");
	assert_string_equal(text(t.a, "SELECT search FROM person WHERE id = '" P(02) "'"),
	                    "person 2 p2@x.se skola chef ");
	/* Applying others' changes is not recorded again as this laptop's. */
	send(&t, t.a, t.b, NULL);
	assert_string_equal(text(t.b, "SELECT count(*) FROM sync_log WHERE device = (SELECT device FROM sync_self)"), "0");
	two_close(&t);
}

/* ---- Identity ---- */

static void test_copy_gets_own_id(void **state)
{
	struct two t;
	struct lup_sync_self sa, sb, sc;
	char c_path[160];
	lup_db *c;
	lup_err err;
	(void)state;
	two_open(&t);
	assert_int_equal(lup_sync_self_get(t.a, &sa, &err), 0);
	assert_int_equal(lup_sync_self_get(t.b, &sb, &err), 0);
	assert_string_not_equal(sa.device, sb.device);
	assert_int_equal(sa.renewed, 0);   /* the original keeps its id */
	assert_int_equal(sb.renewed, 1);   /* the copy got its own */
	assert_string_equal(sa.base, sb.base);
	/* Opening the same file again keeps its id; a copy made now of a file
	 * with changes numbers its own from 1. */
	exec_w(t.b, "UPDATE person SET role = 'a' WHERE id = '" P(02) "'");
	lup_db_close(t.b);
	assert_int_equal(lup_db_open(t.b_path, 0, &t.b, &err), 0);
	assert_int_equal(lup_sync_self_get(t.b, &sc, &err), 0);
	assert_string_equal(sc.device, sb.device);
	assert_int_equal(sc.renewed, 0);
	snprintf(c_path, sizeof c_path, "%s/c.db", t.dir);
	copy_file(t.b_path, c_path);
	assert_int_equal(lup_db_open(c_path, 0, &c, &err), 0);
	assert_int_equal(lup_sync_self_get(c, &sc, &err), 0);
	assert_string_not_equal(sc.device, sb.device);
	assert_int_equal(sc.seq, 0);
	exec_w(c, "UPDATE person SET role = 'c' WHERE id = '" P(03) "'");
	assert_string_equal(text(c, "SELECT seq FROM sync_log WHERE device = (SELECT device FROM sync_self)"), "1");
	lup_db_close(c);
	two_close(&t);
}

/* ---- The clock and ids ---- */

static void test_clock_never_goes_back(void **state)
{
	struct two t;
	lup_err err;
	long long a, b, far = (long long)4102444800000LL << 16;   /* the year 2100 */
	(void)state;
	two_open(&t);
	assert_int_equal(lup_db_begin(t.a, &err), 0);
	a = lup_sync_tick(t.a, &err);
	b = lup_sync_tick(t.a, &err);
	assert_true(b > a);
	assert_int_equal(lup_sync_seen(t.a, far, &err), 0);
	assert_true(lup_sync_tick(t.a, &err) > far);
	lup_db_rollback(t.a);
	two_close(&t);
}

static void test_natural_ids(void **state)
{
	char a[37], b[37], c[37];
	struct tdb t;
	(void)state;
	lup_id_attendance(a, SESSION, P(01));
	lup_id_attendance(b, SESSION, P(01));
	lup_id_attendance(c, SESSION, P(02));
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(a[14], '8');   /* version 8 (RFC 9562) */
	assert_true(strchr("89ab", a[19]) != NULL);
	/* A target: its revision, competence, role's key or person, and when
	 * it came into force. */
	lup_id_target(a, "fw", COMP, "rektor", NULL, "2016-01-01T00:00:00Z");
	lup_id_target(b, "fw", COMP, "rektor", NULL, "2016-01-01T00:00:00Z");
	assert_string_equal(a, b);
	lup_id_target(c, "fw", COMP, NULL, "rektor", "2016-01-01T00:00:00Z");
	assert_string_not_equal(a, c);
	lup_id_target(c, "fw", COMP, "rektor", NULL, "2016-01-01T00:00:01Z");
	assert_string_not_equal(a, c);
	/* The migration's SQL function gives the same ids. */
	tdb_open(&t);
	lup_id_enrolment(a, COHORT, P(03));
	assert_string_equal(text(t.db, "SELECT lup_uuid_name('enrolment', '" COHORT "', '" P(03) "')"), a);
	lup_id_target(a, "fw", COMP, "rektor", NULL, "2016-01-01T00:00:00Z");
	assert_string_equal(text(t.db, "SELECT lup_uuid_name('target', 'fw', '" COMP "', 'role', 'rektor', "
	                               "'2016-01-01T00:00:00Z')"), a);
	tdb_close(&t);
}

static void test_version_vector(void **state)
{
	struct sync_vv vv = { 0 }, back = { 0 };
	unsigned char *b;
	size_t n;
	(void)state;
	assert_int_equal(lup_vv_set(&vv, "11111111-1111-4111-8111-111111111111", 5), 0);
	assert_int_equal(lup_vv_set(&vv, "22222222-2222-4222-8222-222222222222", 9), 0);
	assert_int_equal(lup_vv_set(&vv, "11111111-1111-4111-8111-111111111111", 7), 0);
	assert_int_equal(lup_vv_encode(&vv, "22222222-2222-4222-8222-222222222222", &b, &n), 0);
	assert_int_equal(n, 24);
	assert_int_equal(lup_vv_decode(b, n, &back), 0);
	assert_int_equal(lup_vv_get(&back, "11111111-1111-4111-8111-111111111111"), 7);
	assert_int_equal(lup_vv_get(&back, "22222222-2222-4222-8222-222222222222"), 0);
	assert_int_equal(lup_vv_decode(b, n - 1, &back), -1);
	free(b);
	lup_vv_clear(&vv);
	lup_vv_clear(&back);
}

/* ---- The key and the file format ---- */

static void test_key(void **state)
{
	struct two t;
	lup_sync_key k;
	lup_err err;
	char path[160];
	struct stat sb;
	(void)state;
	two_open(&t);
	assert_int_equal(stat(t.key_path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(lup_sync_key_load(t.key_path, &k, &err), 0);
	assert_memory_equal(k.k, t.key.k, 32);
	assert_string_equal(k.id, t.key.id);
	assert_int_equal(lup_sync_key_create(t.key_path, &k, &err), -1);   /* never overwritten */
	chmod(t.key_path, 0644);
	assert_int_equal(lup_sync_key_load(t.key_path, &k, &err), -1);
	assert_non_null(strstr(err.msg, "can be read by others"));
	chmod(t.key_path, 0600);
	snprintf(path, sizeof path, "%s/copy/team.key", t.dir);
	assert_int_equal(lup_sync_key_install(t.key_path, path, &k, &err), 0);
	assert_string_equal(k.id, t.key.id);
	assert_string_equal(k.path, path);
	snprintf(path, sizeof path, "%s/no.key", t.dir);
	assert_int_equal(lup_sync_key_load(path, &k, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	/* A database of one team refuses another team's key. */
	snprintf(path, sizeof path, "%s/other.key", t.dir);
	assert_int_equal(lup_sync_key_create(path, &k, &err), 0);
	assert_int_equal(lup_sync_init(t.a, &k, NULL, 0, 0, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	two_close(&t);
}

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b = malloc(1 << 20);
	assert_non_null(f);
	assert_non_null(b);
	*n = fread(b, 1, 1 << 20, f);
	fclose(f);
	return b;
}

static void test_file_refusals(void **state)
{
	struct two t;
	char path[160];
	unsigned char *b;
	size_t n;
	long k;
	lup_sync_file *f;
	lup_sync_key other;
	lup_err err;
	lup_hmac h;
	(void)state;
	two_open(&t);
	exec_w(t.a, "UPDATE person SET role = 'chef' WHERE id = '" P(02) "'");
	snprintf(path, sizeof path, "%s/a.lupcs", t.dir);
	assert_int_equal(lup_sync_export(t.a, &t.key, LUP_SYNC_ALL, NULL, path, &k, &err), 0);
	assert_int_equal(k, 1);
	b = slurp(path, &n);
	assert_int_equal(lup_sync_file_parse(b, n, &t.key, &f, &err), 0);
	assert_int_equal(f->info.entries, 1);
	assert_string_equal(f->info.name, "a");
	lup_sync_file_free(f);
	/* A flipped byte, a cut, a stranger's key, a newer schema. */
	b[n / 2] ^= 1;
	assert_int_equal(lup_sync_file_parse(b, n, &t.key, &f, &err), -1);
	assert_non_null(strstr(err.msg, "signature does not match"));
	b[n / 2] ^= 1;
	assert_int_equal(lup_sync_file_parse(b, n - 1, &t.key, &f, &err), -1);
	assert_int_equal(lup_sync_file_parse(b, 20, &t.key, &f, &err), -1);
	assert_non_null(strstr(err.msg, "cut short"));
	snprintf(path, sizeof path, "%s/other.key", t.dir);
	assert_int_equal(lup_sync_key_create(path, &other, &err), 0);
	assert_int_equal(lup_sync_file_parse(b, n, &other, &f, &err), -1);
	assert_non_null(strstr(err.msg, "from another team"));
	lup_put_u32(b + 10, 99);
	lup_hmac_init(&h, t.key.k);
	lup_hmac_add(&h, b, n - 32);
	lup_hmac_final(&h, b + n - 32);
	assert_int_equal(lup_sync_file_parse(b, n, &t.key, &f, &err), -1);
	assert_int_equal(err.code, LUP_EVERSION);
	assert_non_null(strstr(err.msg, "newer lup"));
	/* …and one older than the change log: changesets name columns by
	 * position, so an older table's would land in the wrong ones. */
	lup_put_u32(b + 10, LUP_SYNC_SCHEMA_MIN - 1);
	lup_hmac_init(&h, t.key.k);
	lup_hmac_add(&h, b, n - 32);
	lup_hmac_final(&h, b + n - 32);
	assert_int_equal(lup_sync_file_parse(b, n, &t.key, &f, &err), -1);
	assert_int_equal(err.code, LUP_EVERSION);
	assert_non_null(strstr(err.msg, "too old"));
	free(b);
	assert_int_equal(lup_sync_file_parse("LUPCS", 5, &t.key, &f, &err), -1);
	two_close(&t);
}

/* Killed in the middle of an apply (kill -9 after it has written rows,
 * before it commits): the database is as before, sound, and the same
 * file applied again gives what the sender has. */
static int kill_when_written(void *ud)
{
	lup_db *db = ud;
	if (!sqlite3_get_autocommit(db->h) && sqlite3_total_changes(db->h) > 300)
		raise(SIGKILL);
	return 0;
}

static void test_killed_apply(void **state)
{
	struct two t;
	char path[160], before[65], after[65], want[65];
	lup_sync_file *f;
	struct lup_sync_result r;
	lup_err err;
	long n;
	pid_t pid;
	int st;
	(void)state;
	two_open(&t);
	for (int i = 0; i < 16; i++)
		for (int k = 0; k < 20; k++) {
			char q[200];
			snprintf(q, sizeof q, "UPDATE person SET org_unit = 'Enhet %d', role = 'Roll %d' "
			         "WHERE id = '00000000-0000-4000-8000-0000000001%02d'", k, i, i);
			exec_w(t.a, q);
		}
	snprintf(path, sizeof path, "%s/a.lupcs", t.dir);
	assert_int_equal(lup_sync_export(t.a, &t.key, LUP_SYNC_ALL, NULL, path, &n, &err), 0);
	assert_int_equal(n, 320);
	assert_int_equal(lup_sync_hash(t.b, before, &err), 0);
	assert_int_equal(lup_sync_hash(t.a, want, &err), 0);
	lup_db_close(t.b);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		lup_db *db;
		if (lup_db_open(t.b_path, 0, &db, &err) < 0 || lup_sync_file_read(path, &t.key, &f, &err) < 0)
			_exit(3);
		sqlite3_progress_handler(db->h, 100, kill_when_written, db);
		memset(&r, 0, sizeof r);
		lup_sync_apply(db, &t.key, &f, 1, &r, &err);
		_exit(4);   /* it finished: the kill never came */
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGKILL);
	if (lup_db_open(t.b_path, 0, &t.b, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(lup_sync_hash(t.b, after, &err), 0);
	assert_string_equal(after, before);
	assert_string_equal(text(t.b, "SELECT count(*) FROM sync_log"), "0");
	assert_int_equal(lup_db_check(t.b, NULL, NULL, &err), 0);
	assert_int_equal(lup_sync_file_read(path, &t.key, &f, &err), 0);
	memset(&r, 0, sizeof r);
	assert_int_equal(lup_sync_apply(t.b, &t.key, &f, 1, &r, &err), 0);
	lup_sync_file_free(f);
	assert_int_equal(r.applied, 320);
	assert_int_equal(lup_sync_hash(t.b, after, &err), 0);
	assert_string_equal(after, want);
	two_close(&t);
}

/* ---- The rules ---- */

static void test_columns_merge(void **state)
{
	struct two t;
	lup_err err;
	(void)state;
	two_open(&t);
	/* Each changed another column: both kept, nothing listed. */
	exec_w(t.a, "UPDATE person SET org_unit = 'Skola' WHERE id = '" P(02) "'");
	exec_w(t.b, "UPDATE person SET role = 'rektor' WHERE id = '" P(02) "'");
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT org_unit || '/' || role || '/' || search FROM person WHERE id = '" P(02) "'"),
	                    "Skola/rektor/person 2 p2@x.se skola rektor ");
	assert_int_equal(lup_conflict_count(t.a, &err), 0);
	/* Both changed one: the later wins, the other is listed alike on both. */
	exec_w(t.a, "UPDATE person SET org_unit = 'HR' WHERE id = '" P(03) "'");
	exec_w(t.b, "UPDATE person SET org_unit = 'Ekonomi' WHERE id = '" P(03) "'");
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT org_unit FROM person WHERE id = '" P(03) "'"), "Ekonomi");
	assert_string_equal(text(t.a, "SELECT rule || ' ' || kept || ' ' || lost FROM sync_conflict"), "later Ekonomi HR");
	two_close(&t);
}

static void test_same_fact_twice(void **state)
{
	struct two t;
	lup_err err;
	(void)state;
	two_open(&t);
	sql(t.a, "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on, "
	    "created_at, updated_at) "
	    "VALUES (lup_uuid_name('enrolment', '" COHORT "', '" P(01) "'), '" COHORT "', '" P(01) "', "
	    "'00000000-0000-4000-8000-000000000001', 'enrolled', '2016-01-01T08:00:00Z', '2016-01-02', "
	    "'2016-01-01T08:00:00Z', '2016-01-01T08:00:00Z')");
	sql(t.b, "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on, "
	    "created_at, updated_at) "
	    "VALUES (lup_uuid_name('enrolment', '" COHORT "', '" P(01) "'), '" COHORT "', '" P(01) "', "
	    "'00000000-0000-4000-8000-000000000001', 'enrolled', '2016-01-01T08:00:00Z', '2016-01-02', "
	    "'2016-01-01T08:00:00Z', '2016-01-01T08:00:00Z')");
	/* The same mark alike on both: one row, nothing listed. */
	assert_int_equal(lup_attendance_set(t.a, SESSION, P(01), "present", &err), 0);
	assert_int_equal(lup_attendance_set(t.b, SESSION, P(01), "present", &err), 0);
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT count(*) FROM attendance"), "1");
	assert_int_equal(lup_conflict_count(t.a, &err), 0);
	/* Set differently: the later mark wins, the other is listed. */
	assert_int_equal(lup_attendance_set(t.a, SESSION, P(00), "late", &err), 0);
	assert_int_equal(lup_attendance_set(t.b, SESSION, P(00), "absent", &err), 0);
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT status FROM attendance WHERE person_id = '" P(00) "'"), "absent");
	assert_string_equal(text(t.a, "SELECT lost FROM sync_conflict WHERE tbl = 'attendance'"), "late");
	/* A rating is never overwritten: the first stays. */
	assert_int_equal(lup_rating_set(t.a, CHECKIN, COMP, 2, &err), 0);
	assert_int_equal(lup_rating_set(t.b, CHECKIN, COMP, 4, &err), 0);
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT level FROM rating"), "2");
	assert_string_equal(text(t.a, "SELECT rule || ' ' || kept || ' ' || lost FROM sync_conflict WHERE tbl = 'rating'"),
	                    "first 2 4");
	two_close(&t);
}

static void test_status_moves_forward(void **state)
{
	struct two t;
	(void)state;
	two_open(&t);
	exec_w(t.a, "UPDATE placement SET status = 'confirmed', status_changed_at = '2016-04-02T00:00:00Z' WHERE id = '"
	      PLACEMENT "'");
	exec_w(t.b, "UPDATE placement SET status = 'agreed', status_changed_at = '2016-04-01T00:00:00Z' WHERE id = '"
	      PLACEMENT "'");
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT status || ' ' || status_changed_at FROM placement"),
	                    "confirmed 2016-04-02T00:00:00Z");
	assert_string_equal(text(t.a, "SELECT rule || ' ' || lost FROM sync_conflict"), "forward agreed");
	two_close(&t);
}

static void test_target_set_twice(void **state)
{
	struct two t;
	char a[37], b[37];
	(void)state;
	two_open(&t);
	/* One role's target set on both laptops, a second apart: the later in
	 * force, the other ended where it began, kept and listed. */
	lup_id_target(a, "00000000-0000-4000-8000-000000000601", COMP, "rektor", NULL, "2016-03-01T10:00:00Z");
	lup_id_target(b, "00000000-0000-4000-8000-000000000601", COMP, "rektor", NULL, "2016-03-01T10:00:01Z");
	exec_w(t.a, "INSERT INTO target (id, framework_id, competence_id, role, role_key, level, valid_from) VALUES "
	       "(lup_uuid_name('target', '00000000-0000-4000-8000-000000000601', '" COMP "', 'role', 'rektor', "
	       "'2016-03-01T10:00:00Z'), '00000000-0000-4000-8000-000000000601', '" COMP "', 'Rektor', 'rektor', 2, "
	       "'2016-03-01T10:00:00Z')");
	exec_w(t.b, "INSERT INTO target (id, framework_id, competence_id, role, role_key, level, valid_from) VALUES "
	       "(lup_uuid_name('target', '00000000-0000-4000-8000-000000000601', '" COMP "', 'role', 'rektor', "
	       "'2016-03-01T10:00:01Z'), '00000000-0000-4000-8000-000000000601', '" COMP "', 'rektor', 'rektor', 3, "
	       "'2016-03-01T10:00:01Z')");
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT count(*) || ' ' || max(level) FROM target WHERE valid_to IS NULL"), "1 3");
	assert_string_equal(text(t.a, "SELECT group_concat(level || ' ' || coalesce(valid_to, '-'), ', ') FROM "
	                              "(SELECT * FROM target ORDER BY valid_from)"),
	                    "2 2016-03-01T10:00:01Z, 3 -");
	assert_string_equal(text(t.a, "SELECT kind || ' ' || rule || ' ' || kept || ' ' || lost || ' ' || "
	                              "(row_id = (SELECT id FROM target WHERE level = 2)) FROM sync_conflict"),
	                    "note replaced 3 2 1");
	assert_string_not_equal(a, b);
	two_close(&t);
}

static void test_delete_wins(void **state)
{
	struct two t;
	lup_err err;
	(void)state;
	two_open(&t);
	/* Edited here, deleted there: gone on both, the edit listed. */
	exec_w(t.a, "UPDATE person SET phone = '0300-1' WHERE id = '" P(09) "'");
	exec_w(t.b, "DELETE FROM person WHERE id = '" P(09) "'");
	/* Marked here, its session deleted there: the mark goes with it, listed. */
	sql(t.a, "INSERT INTO session (id, cohort_id, title, starts_at, ends_at, created_at, updated_at) VALUES "
	    "('00000000-0000-4000-8000-000000000301', '" COHORT "', 'Dag 2', '2016-03-11 09:00', '2016-03-11 16:00', "
	    "'2016-01-01T08:00:00Z', '2016-01-01T08:00:00Z')");
	sql(t.b, "INSERT INTO session (id, cohort_id, title, starts_at, ends_at, created_at, updated_at) VALUES "
	    "('00000000-0000-4000-8000-000000000301', '" COHORT "', 'Dag 2', '2016-03-11 09:00', '2016-03-11 16:00', "
	    "'2016-01-01T08:00:00Z', '2016-01-01T08:00:00Z')");
	assert_int_equal(lup_attendance_set(t.a, "00000000-0000-4000-8000-000000000301", P(00), "present", &err), 0);
	exec_w(t.b, "DELETE FROM session WHERE id = '00000000-0000-4000-8000-000000000301'");
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT count(*) FROM person WHERE id = '" P(09) "'"), "0");
	assert_string_equal(text(t.a, "SELECT count(*) FROM attendance WHERE session_id LIKE '%301'"), "0");
	assert_string_equal(text(t.a, "SELECT group_concat(tbl || ':' || kind || ':' || rule, ' ') FROM "
	                              "(SELECT * FROM sync_conflict ORDER BY tbl)"),
	                    "attendance:row:delete person:row:delete");
	assert_non_null(strstr(text(t.a, "SELECT lost FROM sync_conflict WHERE tbl = 'person'"), "0300-1"));
	two_close(&t);
}

/* A person deleted on a laptop that did not know of their seat: the
 * delete takes the seat with it everywhere, and the first waiting gets it
 * as they would where the seat was given. */
static void print_problem(void *ud, const char *p) { (void)ud; fprintf(stderr, "P: %s\n", p); }
static void test_delete_frees_seat(void **state)
{
	struct two t;
	struct lup_enrol_outcome out;
	lup_err err;
	(void)state;
	two_open(&t);
	assert_int_equal(lup_enrol(t.a, COHORT, P(05), "2016-02-01", &out, &err), 0);
	assert_int_equal(out.result, LUP_ENROL_SEATED);
	assert_int_equal(lup_enrol(t.a, COHORT, P(06), "2016-02-01", &out, &err), 0);
	assert_int_equal(out.result, LUP_ENROL_WAITLISTED);
	assert_int_equal(lup_person_delete(t.b, P(05), &err), 0);
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT group_concat(p.name || ' ' || e.status, ', ') FROM enrolment e "
	                              "JOIN person p ON p.id = e.person_id ORDER BY p.name"),
	                    "Person 0 enrolled, Person 6 enrolled");
	if (lup_db_check(t.a, print_problem, NULL, &err) != 0)
		fail_msg("check");
	assert_int_equal(lup_db_check(t.b, NULL, NULL, &err), 0);
	two_close(&t);
}

static void test_last_seat(void **state)
{
	struct two t;
	struct lup_enrol_outcome out;
	lup_err err;
	(void)state;
	two_open(&t);
	/* One seat of two left: both laptops give it away. */
	assert_int_equal(lup_enrol(t.a, COHORT, P(05), "2016-02-01", &out, &err), 0);
	assert_int_equal(out.result, LUP_ENROL_SEATED);
	assert_int_equal(lup_enrol(t.b, COHORT, P(06), "2016-02-01", &out, &err), 0);
	assert_int_equal(out.result, LUP_ENROL_SEATED);
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT count(*) FROM enrolment WHERE cohort_id = '" COHORT "' AND status = 'enrolled'"), "2");
	assert_string_equal(text(t.a, "SELECT p.name || ' ' || e.waitlist_pos FROM enrolment e JOIN person p ON p.id = e.person_id "
	                              "WHERE e.status = 'waitlisted'"), "Person 6 1");
	assert_string_equal(text(t.a, "SELECT kind || ' ' || rule FROM sync_conflict"), "note seat");
	assert_int_equal(lup_db_check(t.a, NULL, NULL, &err), 0);
	two_close(&t);
}

static void test_unique_moved_aside(void **state)
{
	struct two t;
	(void)state;
	two_open(&t);
	/* Two new people with one e-mail address: both kept, one without it. */
	exec_w(t.a, "INSERT INTO person (id, name, email) VALUES ('00000000-0000-4000-9000-00000000000a', 'Ny A', 'ny@x.se')");
	exec_w(t.b, "INSERT INTO person (id, name, email) VALUES ('00000000-0000-4000-9000-00000000000b', 'Ny B', 'ny@x.se')");
	/* Two cohorts named alike: the later is numbered. */
	exec_w(t.a, "UPDATE cohort SET name = 'Omgång 3' WHERE id = '" COHORT "'");
	exec_w(t.b, "UPDATE cohort SET name = 'Omgång 3' WHERE id = '00000000-0000-4000-8000-000000000201'");
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.a, "SELECT count(*) || ' ' || count(email) FROM person WHERE name LIKE 'Ny %'"), "2 1");
	assert_string_equal(text(t.a, "SELECT count(*) FROM sync_conflict WHERE col = 'email' AND rule = 'unique' "
	                              "AND lost = 'ny@x.se'"), "1");
	assert_string_equal(text(t.a, "SELECT count(*) FROM sync_conflict WHERE col = 'name' AND rule = 'unique'"), "1");
	two_close(&t);
}

static void test_held_back(void **state)
{
	struct two t;
	char c_path[160], path[160];
	struct lup_sync_result r;
	lup_sync_file *fa, *fb;
	lup_db *c;
	lup_err err;
	long n;
	(void)state;
	two_open(&t);
	snprintf(c_path, sizeof c_path, "%s/c.db", t.dir);
	copy_file(t.b_path, c_path);
	assert_int_equal(lup_db_open(c_path, 0, &c, &err), 0);
	/* A adds a session; B, having it, marks attendance in it. */
	exec_w(t.a, "INSERT INTO session (id, cohort_id, title, starts_at, ends_at) VALUES ('00000000-0000-4000-8000-000000000302', '"
	      COHORT "', 'Dag 3', '2016-03-12 09:00', '2016-03-12 16:00')");
	send(&t, t.a, t.b, NULL);
	assert_int_equal(lup_attendance_set(t.b, "00000000-0000-4000-8000-000000000302", P(00), "present", &err), 0);
	/* C gets B's mark first: it waits for A's session. */
	snprintf(path, sizeof path, "%s/b.lupcs", t.dir);
	assert_int_equal(lup_sync_export(t.b, &t.key, LUP_SYNC_ALL, NULL, path, &n, &err), 0);
	assert_int_equal(lup_sync_file_read(path, &t.key, &fb, &err), 0);
	{
		/* only B's own change */
		lup_sync_file only = *fb;
		struct sync_entry e[1];
		size_t k = 0;
		struct lup_sync_self sb;
		lup_sync_self_get(t.b, &sb, &err);
		for (size_t i = 0; i < fb->n; i++)
			if (strcmp(fb->e[i].device, sb.device) == 0)
				e[k++] = fb->e[i];
		assert_int_equal(k, 1);
		only.e = e;
		only.n = 1;
		lup_sync_file *p = &only;
		memset(&r, 0, sizeof r);
		assert_int_equal(lup_sync_apply(c, &t.key, &p, 1, &r, &err), 0);
		assert_int_equal(r.held, 1);
		assert_int_equal(r.applied, 0);
	}
	assert_string_equal(text(c, "SELECT count(*) FROM attendance WHERE session_id LIKE '%302'"), "0");
	snprintf(path, sizeof path, "%s/a.lupcs", t.dir);
	assert_int_equal(lup_sync_export(t.a, &t.key, LUP_SYNC_ALL, NULL, path, &n, &err), 0);
	assert_int_equal(lup_sync_file_read(path, &t.key, &fa, &err), 0);
	memset(&r, 0, sizeof r);
	assert_int_equal(lup_sync_apply(c, &t.key, &fa, 1, &r, &err), 0);
	assert_int_equal(r.applied, 2);
	assert_int_equal(r.held, 0);
	assert_string_equal(text(c, "SELECT count(*) FROM attendance WHERE session_id LIKE '%302'"), "1");
	assert_int_equal(lup_conflict_count(c, &err), 0);
	/* Applying again changes nothing. */
	memset(&r, 0, sizeof r);
	assert_int_equal(lup_sync_apply(c, &t.key, &fb, 1, &r, &err), 0);
	assert_int_equal(r.added, 0);
	lup_sync_file_free(fa);
	lup_sync_file_free(fb);
	lup_db_close(c);
	two_close(&t);
}

/* An earlier change arriving after later ones: everything after it is
 * undone and applied again, and both laptops end alike. */
static void test_late_change_replays(void **state)
{
	struct two t;
	struct lup_sync_result r;
	(void)state;
	two_open(&t);
	exec_w(t.b, "UPDATE person SET org_unit = 'B1' WHERE id = '" P(07) "'");
	exec_w(t.a, "UPDATE person SET org_unit = 'A1' WHERE id = '" P(07) "'");
	exec_w(t.a, "UPDATE person SET role = 'A2' WHERE id = '" P(07) "'");
	send(&t, t.a, t.b, NULL);
	send(&t, t.b, t.a, &r);
	assert_int_equal(r.applied, 1);
	assert_true(r.replayed >= 2);
	same(&t);
	assert_string_equal(text(t.a, "SELECT org_unit || ' ' || role FROM person WHERE id = '" P(07) "'"), "A1 A2");
	two_close(&t);
}

/* ---- Conflicts answered ---- */

static void test_conflicts_answered(void **state)
{
	struct two t;
	struct lup_conflict *v, c;
	struct lup_conflict_row rows[4];
	lup_err err;
	int n;
	(void)state;
	two_open(&t);
	exec_w(t.a, "UPDATE person SET org_unit = 'HR' WHERE id = '" P(03) "'");
	exec_w(t.b, "UPDATE person SET org_unit = 'Ekonomi' WHERE id = '" P(03) "'");
	exec_w(t.a, "UPDATE person SET role = 'chef' WHERE id = '" P(04) "'");
	exec_w(t.b, "UPDATE person SET role = 'rektor' WHERE id = '" P(04) "'");
	exchange(&t);
	assert_int_equal(lup_conflict_count(t.a, &err), 2);
	assert_int_equal(n = lup_conflict_list(t.a, 0, &v, &err), 2);
	assert_int_equal(lup_conflict_page(t.a, 0, NULL, 1, 4, rows, &err), 2);
	assert_int_equal(lup_conflict_total(t.a, 0, &err), 2);
	assert_int_equal(lup_conflict_position(t.a, 0, &rows[1], &err), 1);
	assert_int_equal(lup_conflict_get(t.a, v[0].id, &c, &err), 0);
	assert_string_equal(c.what, strcmp(c.row_id, P(03)) == 0 ? "Person 3" : "Person 4");
	assert_int_equal(c.can_take, 1);
	assert_non_null(strstr(lup_conflict_rule_text(&c), "later change"));
	/* Take back the one set aside; type the other.  Both travel. */
	assert_int_equal(lup_conflict_resolve(t.a, c.id, LUP_CONFLICT_TAKE, NULL, &err), 0);
	assert_string_equal(text(t.a, "SELECT CASE WHEN org_unit = 'HR' OR role = 'chef' THEN 'taken' END FROM person "
	                              "WHERE id = (SELECT row_id FROM sync_conflict WHERE id = (SELECT id FROM sync_resolution))"),
	                    "taken");
	assert_int_equal(lup_conflict_resolve(t.a, v[1].id, LUP_CONFLICT_TYPE, "Skola", &err), 0);
	assert_int_equal(lup_conflict_count(t.a, &err), 0);
	lup_conflict_clear(&c);
	lup_conflict_list_free(v, n);
	exchange(&t);
	same(&t);
	assert_int_equal(lup_conflict_count(t.b, &err), 0);
	assert_int_equal(lup_conflict_list(t.b, 1, &v, &err), 2);
	lup_conflict_list_free(v, 2);
	two_close(&t);
}

static void test_erase_leaves_no_copy_in_the_log(void **state)
{
	struct two t;
	struct lup_erase_counts n = { 0 };
	lup_err err;
	char *hit;
	char c_path[160];
	lup_db *c;
	struct two tc;
	(void)state;
	two_open(&t);
	exec_w(t.a, "UPDATE person SET phone = '0300-77777' WHERE id = '" P(12) "'");
	exec_w(t.a, "UPDATE checkin SET assessor_name = 'Person 12' WHERE id = '" CHECKIN "'");
	exchange(&t);
	/* A third laptop, copied before the erase, has not heard of it. */
	snprintf(c_path, sizeof c_path, "%s/c.db", t.dir);
	copy_file(t.b_path, c_path);
	assert_int_equal(lup_db_open(c_path, 0, &c, &err), 0);
	assert_int_equal(lup_person_erase(t.a, P(12), &n, &err), 0);
	exchange(&t);
	same(&t);
	assert_string_equal(text(t.b, "SELECT count(*) FROM person WHERE id = '" P(12) "'"), "0");
	assert_string_equal(text(t.b, "SELECT coalesce(assessor_name, '') FROM checkin"), "");
	/* Neither laptop's log holds the phone number or the name typed. */
	hit = (char *)text(t.a, "SELECT count(*) FROM sync_log WHERE instr(cs, '0300-77777') OR instr(effect, '0300-77777') "
	                        "OR instr(cs, 'Person 12') OR instr(effect, 'Person 12')");
	assert_string_equal(hit, "0");
	hit = (char *)text(t.b, "SELECT count(*) FROM sync_log WHERE instr(cs, '0300-77777') OR instr(effect, '0300-77777') "
	                        "OR instr(cs, 'Person 12') OR instr(effect, 'Person 12')");
	assert_string_equal(hit, "0");
	/* A later change about the erased person from a laptop that had not
	 * heard of the erase does not bring them back, nor its number. */
	exec_w(c, "UPDATE person SET phone = '0300-88888', role = 'chef' WHERE id = '" P(12) "'");
	tc = t;
	tc.b = c;
	send(&tc, c, t.a, NULL);
	send(&tc, t.a, c, NULL);
	send(&tc, c, t.b, NULL);
	same(&t);
	same(&tc);
	assert_string_equal(text(t.a, "SELECT count(*) FROM person WHERE id = '" P(12) "'"), "0");
	assert_string_equal(text(c, "SELECT count(*) FROM person WHERE id = '" P(12) "'"), "0");
	assert_string_equal(text(t.a, "SELECT count(*) FROM sync_conflict WHERE instr(lost, '0300-88888')"), "0");
	assert_string_equal(text(t.a, "SELECT count(*) FROM sync_log WHERE instr(cs, '0300-88888') "
	                              "OR instr(effect, '0300-88888')"), "0");
	lup_db_close(c);
	two_close(&t);
}

/* ---- The migration of an older database ---- */

static void test_migration_gives_name_ids(void **state)
{
	char dir[64], path[128], id[37];
	sqlite3 *h;
	lup_db *db;
	lup_err err;
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/lup-unit-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* A database of schema 4 (before the cohorts' statuses came from their
	 * dates, and before the change log), with random ids, a person
	 * enrolled twice in one cohort (withdrawn, then back, with a mark
	 * from the first time), a cohort's stored status and a role key of
	 * the older sort keys: schema 5 and then 6 run on it. */
	snprintf(path, sizeof path, "%s/old.db", dir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(lup_sql_functions(h), SQLITE_OK);
	for (const struct lup_migration *m = lup_migrations; m->steps && m->version <= 4; m++)
		for (const char *const *q = m->steps; *q; q++)
			if (sqlite3_exec(h, *q, NULL, NULL, NULL) != SQLITE_OK)
				fail_msg("v%d: %s", m->version, sqlite3_errmsg(h));
	{
		char q[80];
		snprintf(q, sizeof q, "PRAGMA user_version = 4; PRAGMA application_id = %d", LUP_APPLICATION_ID);
		assert_int_equal(sqlite3_exec(h, q, NULL, NULL, NULL), SQLITE_OK);
	}
	assert_int_equal(sqlite3_exec(h,
	    "INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'P');"
	    "INSERT INTO person (id, name) VALUES ('" P(01) "', 'Ett'), ('" P(02) "', 'Två');"
	    "INSERT INTO cohort (id, programme_id, name, capacity, status) VALUES ('" COHORT "', "
	    " '00000000-0000-4000-8000-000000000001', 'Omgång 1', 9, 'running');"
	    "INSERT INTO session (id, cohort_id, title, starts_at, ends_at) VALUES ('" SESSION "', '" COHORT "', "
	    " 'Dag 1', '2016-03-10 09:00', '2016-03-10 16:00');"
	    "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on, ended_on) "
	    " VALUES ('11111111-1111-4111-8111-111111111111', '" COHORT "', '" P(01) "', "
	    " '00000000-0000-4000-8000-000000000001', 'withdrawn', '2016-01-01T08:00:00Z', '2016-01-02', '2016-03-15'),"
	    " ('22222222-2222-4222-8222-222222222222', '" COHORT "', '" P(01) "', "
	    " '00000000-0000-4000-8000-000000000001', 'enrolled', '2016-04-01T08:00:00Z', '2016-04-02', NULL),"
	    " ('33333333-3333-4333-8333-333333333333', '" COHORT "', '" P(02) "', "
	    " '00000000-0000-4000-8000-000000000001', 'enrolled', '2016-01-09T08:00:00Z', '2016-01-10', NULL);"
	    "INSERT INTO attendance (id, session_id, person_id, status) VALUES "
	    " ('44444444-4444-4444-8444-444444444444', '" SESSION "', '" P(02) "', 'late'),"
	    " ('66666666-6666-4666-8666-666666666666', '" SESSION "', '" P(01) "', 'present');"
	    "INSERT INTO framework (id, ident, name, version, content_hash, level_min, level_max, imported_at) VALUES "
	    " ('00000000-0000-4000-8000-000000000601', 'mini', 'Mini', '1', 'x', 1, 4, '2016-01-01T00:00:00Z');"
	    "INSERT INTO area (id, framework_id, code, seq, name) VALUES ('00000000-0000-4000-8000-000000000611', "
	    " '00000000-0000-4000-8000-000000000601', '1', 1, 'Data');"
	    "INSERT INTO competence (id, framework_id, area_id, code, seq, name, level_min, level_max, identity) VALUES "
	    " ('" COMP "', '00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000611', '1.1', 1, "
	    " 'K', 1, 4, '" COMP "');"
	    "INSERT INTO target (id, framework_id, competence_id, role, role_key, level, valid_from) VALUES "
	    " ('55555555-5555-4555-8555-555555555555', '00000000-0000-4000-8000-000000000601', '" COMP "', "
	    " 'Rektor 2', 'rektor 2 (older key)', 3, '2016-02-01T00:00:00Z');",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	if (lup_db_open(path, 0, &db, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(lup_db_user_version(db), lup_db_schema_version());
	/* The live enrolment under the cohort's and person's id; the seat
	 * before it, with its days, under an id from the day it began. */
	assert_string_equal(text(db, "SELECT count(*) FROM enrolment"), "3");
	lup_id_enrolment(id, COHORT, P(01));
	assert_string_equal(text(db, "SELECT id || ' ' || requested_at FROM enrolment WHERE person_id = '" P(01) "' "
	                             "AND status = 'enrolled'"),
	                    (snprintf(path, sizeof path, "%s 2016-04-01T08:00:00Z", id), path));
	{
		const char *parts[] = { COHORT, P(01), "2016-01-02" };
		lup_uuid_name(id, "enrolment", 3, parts);
		assert_string_equal(text(db, "SELECT id || ' ' || enrolled_on || ' ' || ended_on FROM enrolment "
		                             "WHERE person_id = '" P(01) "' AND status = 'withdrawn'"),
		                    (snprintf(path, sizeof path, "%s 2016-01-02 2016-03-15", id), path));
	}
	lup_id_attendance(id, SESSION, P(02));
	assert_string_equal(text(db, "SELECT id || ' ' || status FROM attendance WHERE person_id = '" P(02) "'"),
	                    (snprintf(path, sizeof path, "%s late", id), path));
	/* The target's id from its role key as schema 5 made it again. */
	{
		char *key = lup_sortkey("Rektor 2");
		assert_non_null(key);
		assert_string_equal(text(db, "SELECT role_key FROM target"), key);
		lup_id_target(id, "00000000-0000-4000-8000-000000000601", COMP, key, NULL, "2016-02-01T00:00:00Z");
		free(key);
	}
	assert_string_equal(text(db, "SELECT id FROM target"), id);
	/* The cohort's stored status is gone: it follows from the dates. */
	assert_string_equal(text(db, "SELECT count(*) FROM pragma_table_info('cohort') WHERE name = 'status'"), "0");
	assert_string_equal(text(db, "SELECT coalesce(status_override, '-') FROM cohort"), "-");
	/* The new tables are there and nothing was recorded as a change. */
	assert_string_equal(text(db, "SELECT count(*) FROM sync_log"), "0");
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
	lup_db_close(db);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

/* The laptops' clock: a millisecond on at every look, so that what the
 * tests do later is later whatever the machine's load (two laptops within
 * one millisecond would be ordered by their device ids). */
static long long test_ms = 1700000000000LL;

static long long test_clock(void)
{
	return ++test_ms;
}

int main(void)
{
	lup_sync_clock = test_clock;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_table_placed),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_copy_gets_own_id),
		cmocka_unit_test(test_clock_never_goes_back),
		cmocka_unit_test(test_natural_ids),
		cmocka_unit_test(test_version_vector),
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_file_refusals),
		cmocka_unit_test(test_killed_apply),
		cmocka_unit_test(test_columns_merge),
		cmocka_unit_test(test_same_fact_twice),
		cmocka_unit_test(test_status_moves_forward),
		cmocka_unit_test(test_target_set_twice),
		cmocka_unit_test(test_delete_wins),
		cmocka_unit_test(test_delete_frees_seat),
		cmocka_unit_test(test_last_seat),
		cmocka_unit_test(test_unique_moved_aside),
		cmocka_unit_test(test_held_back),
		cmocka_unit_test(test_late_change_replays),
		cmocka_unit_test(test_conflicts_answered),
		cmocka_unit_test(test_erase_leaves_no_copy_in_the_log),
		cmocka_unit_test(test_migration_gives_name_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
