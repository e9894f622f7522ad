/* sync.c — figures of merging laptops, on the database that
 * tests/bench/programme.sh builds (50,000 people): what recording a change
 * costs a save and a bulk import, applying 1,000 and 10,000 changes, a file's size per
 * 1,000 attendance marks, and five laptops with 1,000 offline edits each
 * merged through a folder until all five are identical.  Prints figures
 * only.
 *
 *   bench-sync DB SCRATCH-FOLDER */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/sync_int.h"
#include "lup/enrol.h"
#include "lup/import.h"
#include "lup/people.h"
#include "lup/sync.h"

static const char *dir;
static lup_sync_key key;

static double wall(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const lup_err *err)
{
	fprintf(stderr, "bench sync: %s: %s\n", what, err ? err->msg : strerror(errno));
	exit(1);
}

static void copy(const char *from, const char *to)
{
	char buf[1 << 16];
	ssize_t n;
	int a = open(from, O_RDONLY), b = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (a < 0 || b < 0)
		die(from, NULL);
	while ((n = read(a, buf, sizeof buf)) > 0)
		if (write(b, buf, (size_t)n) != n)
			die(to, NULL);
	close(a);
	close(b);
}

static void rm_db(const char *p)
{
	char w[600];
	unlink(p);
	snprintf(w, sizeof w, "%s-wal", p);
	unlink(w);
	snprintf(w, sizeof w, "%s-shm", p);
	unlink(w);
}

static lup_db *open_copy(const char *base, const char *name, char *path, size_t n)
{
	lup_db *db;
	lup_err err;
	snprintf(path, n, "%s/%s.db", dir, name);
	rm_db(path);
	copy(base, path);
	if (lup_db_open(path, LUP_DB_NOCHECK, &db, &err) < 0)
		die(path, &err);
	return db;
}

/* Pairs of a session and a person enrolled in its cohort, not yet marked. */
struct mark { char session[37], person[37]; };
static struct mark *marks(lup_db *db, int n, int skip)
{
	static const char sql[] =
		"SELECT s.id, e.person_id FROM session s JOIN enrolment e ON e.cohort_id = s.cohort_id "
		"WHERE s.cohort_id >= 'c00003e8' AND e.status = 'enrolled' ORDER BY s.id, e.person_id LIMIT ?1 OFFSET ?2";
	struct mark *v = calloc((size_t)n, sizeof *v);
	sqlite3_stmt *st;
	int k = 0;
	if (!v || sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		die("marks", NULL);
	sqlite3_bind_int(st, 1, n);
	sqlite3_bind_int(st, 2, skip);
	while (k < n && sqlite3_step(st) == SQLITE_ROW) {
		snprintf(v[k].session, 37, "%s", sqlite3_column_text(st, 0));
		snprintf(v[k].person, 37, "%s", sqlite3_column_text(st, 1));
		k++;
	}
	sqlite3_finalize(st);
	if (k < n)
		die("not enough sessions to mark", NULL);
	return v;
}

static const char *statuses[] = { "present", "late", "excused", "absent" };

/* A person save as the form makes it: every tenth person's role. */
static double person_saves(lup_db *db, int n)
{
	double t0 = cpu();
	for (int i = 0; i < n; i++) {
		struct lup_person p;
		char id[37], role[32];
		lup_err err;
		snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", i * 10, i * 10);
		if (lup_person_get(db, id, &p, &err) < 0)
			die("person", &err);
		snprintf(role, sizeof role, "Roll %d", (int)(wall() * 1000) % 97);
		free(p.role);
		p.role = strdup(role);
		if (lup_person_save(db, &p, &err) < 0)
			die("person save", &err);
		lup_person_clear(&p);
	}
	return (cpu() - t0) * 1000 / n;
}

/* 50,000 people imported into a new database in one transaction (one
 * entry of the log): CPU seconds, with the log or without; *bytes gets
 * the size of the entry. */
static double import_people(int log, long long *bytes)
{
	char path[512];
	lup_buf csv = { 0 };
	struct lup_import_opts opts = { 0 };
	lup_import *im;
	lup_db *db;
	lup_err err;
	double t0;
	snprintf(path, sizeof path, "%s/import.db", dir);
	rm_db(path);
	lup_buf_puts(&csv, "Namn,E-post,Enhet,Roll\n");
	for (int i = 0; i < 50000; i++)
		lup_buf_printf(&csv, "Person %d,p%d@kungsbacka.se,Enhet %d,Roll %d\n", i, i, i % 300, i % 7);
	if (!csv.s || lup_db_open(path, LUP_DB_CREATE, &db, &err) < 0 ||
	    lup_import_parse(csv.s, csv.len, &opts, &im, &err) < 0)
		die("import", &err);
	db->nocapture += !log;
	t0 = cpu();
	if (lup_import_run(db, im, 0, NULL, &err) < 0)
		die("import", &err);
	t0 = cpu() - t0;
	db->nocapture -= !log;
	if (bytes) {
		sqlite3_stmt *st;
		*bytes = 0;
		if (sqlite3_prepare_v2(db->h, "SELECT coalesce(sum(length(cs)), 0) FROM sync_log", -1, &st, NULL) ==
		    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			*bytes = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	lup_import_free(im);
	lup_buf_clear(&csv);
	lup_db_close(db);
	rm_db(path);
	return t0;
}

static long long file_size(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 ? (long long)sb.st_size : -1;
}

static double apply_file(const char *base, const char *file, long *n)
{
	char path[600];
	lup_db *db = open_copy(base, "receiver", path, sizeof path);
	lup_sync_file *f;
	struct lup_sync_result r;
	lup_err err;
	double t0;
	memset(&r, 0, sizeof r);
	if (lup_sync_file_read(file, &key, &f, &err) < 0)
		die(file, &err);
	t0 = wall();
	if (lup_sync_apply(db, &key, &f, 1, &r, &err) < 0)
		die("apply", &err);
	t0 = wall() - t0;
	*n = r.applied;
	lup_sync_file_free(f);
	lup_db_close(db);
	rm_db(path);
	return t0;
}

static void hash_of(lup_db *db, char out[65])
{
	lup_err err;
	if (lup_sync_hash(db, out, &err) < 0)
		die("hash", &err);
}

int main(int argc, char **argv)
{
	char base[600], path[600], keypath[600], f1[600], f10[600];
	lup_db *db;
	lup_err err;
	struct mark *mk;
	long n;

	if (argc != 3) {
		fprintf(stderr, "usage: bench-sync DB FOLDER\n");
		return 2;
	}
	dir = argv[2];
	/* The base: a team's database, joined to a team. */
	snprintf(base, sizeof base, "%s/base.db", dir);
	snprintf(keypath, sizeof keypath, "%s/team.key", dir);
	unlink(keypath);
	rm_db(base);
	copy(argv[1], base);
	if (lup_db_open(base, LUP_DB_NOCHECK, &db, &err) < 0 || lup_sync_key_create(keypath, &key, &err) < 0 ||
	    lup_sync_init(db, &key, "base", 0, 0, &err) < 0)
		die("base", &err);
	lup_db_close(db);

	/* Recording a change: a person save with the log and without it. */
	if (!getenv("BENCH_ONLY_LAPTOPS")) {
		double with, without;
		db = open_copy(base, "capture", path, sizeof path);
		person_saves(db, 20);   /* warm the cache */
		with = person_saves(db, 300);
		db->nocapture++;
		without = person_saves(db, 300);
		db->nocapture--;
		printf("%-60s %8.3f ms CPU\n", "a person save at 50,000 people, recorded in the log", with);
		printf("%-60s %8.3f ms CPU\n", "the same save without the log", without);
		printf("%-60s %8.3f ms CPU\n", "  recording costs a save", with - without);
		lup_db_close(db);
		rm_db(path);
	}

	/* A bulk import: one entry of the log. */
	if (!getenv("BENCH_ONLY_LAPTOPS")) {
		long long bytes;
		double with = import_people(1, &bytes), without = import_people(0, NULL);
		printf("%-60s %8.3f s CPU\n", "import 50,000 people into a new database, recorded", with);
		printf("%-60s %8.3f s CPU\n", "the same import without the log", without);
		printf("%-60s %8.1f MiB\n", "  its entry in the log", bytes / 1048576.0);
	}

	/* 10,000 attendance marks on one laptop, as files of 1,000 and 10,000. */
	if (!getenv("BENCH_ONLY_LAPTOPS")) {
	db = open_copy(base, "sender", path, sizeof path);
	mk = marks(db, 10000, 0);
	{
		double t0 = wall();
		for (int i = 0; i < 10000; i++) {
			if (lup_attendance_set(db, mk[i].session, mk[i].person, statuses[i % 4], &err) < 0)
				die("mark", &err);
			if (i == 999) {
				snprintf(f1, sizeof f1, "%s/marks-1000.lupcs", dir);
				if (lup_sync_export(db, &key, LUP_SYNC_ALL, NULL, f1, &n, &err) < 0)
					die("export", &err);
			}
		}
		printf("%-60s %8.3f ms\n", "an attendance mark, recorded (wall clock, fsync included)",
		       (wall() - t0) * 1000 / 10000);
	}
	snprintf(f10, sizeof f10, "%s/marks-10000.lupcs", dir);
	if (lup_sync_export(db, &key, LUP_SYNC_ALL, NULL, f10, &n, &err) < 0)
		die("export", &err);
	lup_db_close(db);
	rm_db(path);
	free(mk);
	printf("%-60s %8.1f KiB\n", "a change file of 1,000 attendance marks", file_size(f1) / 1024.0);
	printf("%-60s %8.1f KiB\n", "a change file of 10,000 attendance marks", file_size(f10) / 1024.0);
	{
		double t = apply_file(base, f1, &n);
		printf("%-60s %8.3f s (%ld changes)\n", "apply 1,000 changes at 50,000 people", t, n);
		t = apply_file(base, f10, &n);
		printf("%-60s %8.3f s (%ld changes)\n", "apply 10,000 changes at 50,000 people", t, n);
	}
	}

	/* Five laptops, 1,000 offline edits each, merged through a folder. */
	{
		enum { L = 5, EDITS = 1000 };
		lup_db *lap[L];
		char p[L][600], share[600], h0[65], h[65];
		double t0, t;
		int rounds = 0, same = 0;
		long applied = 0, replayed = 0;

		snprintf(share, sizeof share, "%s/share", dir);
		mkdir(share, 0700);
		{
			char cmd[700];
			snprintf(cmd, sizeof cmd, "rm -f '%s'/*", share);
			if (system(cmd) != 0)
				die("share", NULL);
		}
		for (int i = 0; i < L; i++) {
			char name[16];
			snprintf(name, sizeof name, "laptop%d", i);
			lap[i] = open_copy(base, name, p[i], sizeof p[i]);
			mk = marks(lap[i], EDITS, i * 200);   /* overlapping: the same marks meet */
			for (int k = 0; k < EDITS; k++) {
				if (k % 10 == 0) {
					/* every tenth: a person's role, as the form saves it */
					struct lup_person pe;
					char id[37];
					snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", 40000 + k, 40000 + k);
					if (lup_person_get(lap[i], id, &pe, &err) == 0) {
						free(pe.role);
						pe.role = strdup(i % 2 ? "Rektor" : "Enhetschef");
						lup_person_save(lap[i], &pe, &err);
						lup_person_clear(&pe);
					}
					continue;
				}
				lup_attendance_set(lap[i], mk[k].session, mk[k].person, statuses[(i + k) % 4], &err);
			}
			free(mk);
		}
		t = 0;
		while (!same && rounds < 4) {
			double th;
			rounds++;
			t0 = wall();
			for (int i = 0; i < L; i++) {
				struct lup_sync_result r;
				double ts = wall();
				if (lup_sync_dir(lap[i], &key, share, &r, NULL, NULL, &err) < 0)
					die("sync", &err);
				applied += r.applied;
				replayed += r.replayed;
				printf("  round %d, laptop %d: %6.3f s, %ld applied, %ld again in order, %ld written\n",
				       rounds, i + 1, wall() - ts, r.applied, r.replayed, r.written);
			}
			t += wall() - t0;
			/* Whether they are identical (not counted: a test's check). */
			th = wall();
			if (getenv("BENCH_NO_HASH")) {
				same = rounds == 2;
				continue;
			}
			hash_of(lap[0], h0);
			same = 1;
			for (int i = 1; i < L; i++) {
				hash_of(lap[i], h);
				same &= strcmp(h, h0) == 0;
			}
			printf("  round %d: hashing the five took %.3f s\n", rounds, wall() - th);
		}
		printf("%-60s %8.3f s (%d rounds; %ld changes applied, %ld again in order)%s\n",
		       "5 laptops x 1,000 offline edits, merged through a folder", t, rounds, applied, replayed,
		       same ? "" : " NOT IDENTICAL");
		{
			long c = lup_conflict_count(lap[0], &err);
			printf("%-60s %8ld\n", "  conflicts listed (the same marks set differently)", c);
		}
		for (int i = 0; i < L; i++) {
			lup_db_close(lap[i]);
			rm_db(p[i]);
		}
	}
	rm_db(base);
	return 0;
}
