/* two_windows.c — what two windows on one database cost at 50,000 people:
 * the change check a window makes four times a second and after every
 * key, a save that merges with the stored row against one that does not,
 * and the People list shown again after another window's change.  On a
 * database of tests/bench/tui.sh.  Prints figures only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lup/merge.h"
#include "lup/people.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define TIME(label, reps, ...) do { \
		double t0_ = now_ms(), c0_ = cpu_ms(); \
		for (int r_ = 0; r_ < (reps); r_++) { __VA_ARGS__; } \
		printf("%-58s %9.4f ms  (CPU %.4f)\n", label, (now_ms() - t0_) / (reps), \
		       (cpu_ms() - c0_) / (reps)); \
	} while (0)

static void copy(struct lup_person *d, const struct lup_person *s)
{
	*d = *s;
	d->name = lup_strdup(s->name);
	d->email = lup_strdup(s->email);
	d->phone = lup_strdup(s->phone);
	d->org_unit = lup_strdup(s->org_unit);
	d->role = lup_strdup(s->role);
	d->manager_id = lup_strdup(s->manager_id);
	d->employee_no = lup_strdup(s->employee_no);
}

int main(int argc, char **argv)
{
	lup_db *a, *b;
	lup_err err;
	struct lup_person_row rows[24], row;
	struct lup_person_query q = { NULL, LUP_PSORT_NAME };
	struct lup_person seen;
	struct lup_db_stamp st;
	char id[LUP_UUID_LEN + 1];
	int n;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DB\n", argv[0]);
		return 2;
	}
	if (lup_db_open(argv[1], 0, &a, &err) < 0 || lup_db_open(argv[1], 0, &b, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	if ((n = lup_person_page(a, &q, NULL, 1, 24, rows, &err)) < 12) {
		fprintf(stderr, "too few people\n");
		return 1;
	}
	memcpy(id, rows[11].id, sizeof id);
	TIME("change check (PRAGMA data_version)", 10000, lup_db_stamp(a, &st));
	if (lup_person_get(a, id, &seen, &err) < 0)
		return 1;
	/* warm the caches and statements of both ways first */
	for (int i = 0; i < 20; i++) {
		struct lup_person e;
		copy(&e, &seen);
		lup_person_save(a, &e, &err);
		lup_person_update(a, &seen, &e, NULL, &err);
		lup_person_clear(&e);
	}
	/* A's saves: one field, the stored row unchanged (the usual case) */
	TIME("save one field, blind (lup_person_save)", 200, {
		struct lup_person e;
		copy(&e, &seen);
		free(e.phone);
		e.phone = strdup(r_ % 2 ? "0300-1" : "0300-2");
		lup_person_save(a, &e, &err);
		lup_person_clear(&e);
	});
	lup_person_clear(&seen);
	lup_person_get(a, id, &seen, &err);
	TIME("save one field, merged (lup_person_update)", 200, {
		struct lup_person e, s2;
		lup_person_get(a, id, &s2, &err);
		copy(&e, &s2);
		free(e.phone);
		e.phone = strdup(r_ % 2 ? "0300-3" : "0300-4");
		lup_person_update(a, &s2, &e, NULL, &err);
		lup_person_clear(&e);
		lup_person_clear(&s2);
	});
	/* B changed the unit meanwhile; A saves the role over it */
	TIME("save over another window's change (both kept)", 200, {
		struct lup_person e, s2, eb;
		struct lup_merge_report mr;
		lup_person_get(a, id, &s2, &err);
		copy(&eb, &s2);
		free(eb.org_unit);
		eb.org_unit = strdup(r_ % 2 ? "IT" : "Digitalisering");
		lup_person_update(b, &s2, &eb, NULL, &err);
		copy(&e, &s2);
		free(e.role);
		e.role = strdup(r_ % 2 ? "Enhetschef" : "Verksamhetschef");
		lup_merge_report_init(&mr);
		lup_person_update(a, &s2, &e, &mr, &err);
		lup_merge_report_clear(&mr);
		lup_person_clear(&e);
		lup_person_clear(&eb);
		lup_person_clear(&s2);
	});
	/* What the People list does when told of a change: the focused row
	 * by id, then a window of rows around it. */
	TIME("People list shown again (row by id, 24 rows around it)", 500, {
		lup_person_row(a, &q, id, &row, &err);
		lup_person_page(a, &q, &row, -1, 12, rows, &err);
		lup_person_page(a, &q, &rows[0], 1, 24, rows, &err);
	});
	lup_person_clear(&seen);
	lup_db_close(b);
	lup_db_close(a);
	return 0;
}
