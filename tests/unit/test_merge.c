/* Unit tests for merge.c and merge_row.c: the three-way column merge, and
 * the core's update functions that save an edit through it, with a second
 * connection to the same file as the other window. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lup/merge.h"
#include "fixture.h"
#include "lup/competence.h"
#include "lup/framework.h"
#include "lup/shadowing.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* name, unit, role of one person, three times. */
static void only_theirs_changed(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *mine[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *theirs[] = { "Kjell Öberg", "Digitalisering", "enhetschef" };
	const char *out[3];
	enum lup_merge_how how[3];
	(void)state;
	assert_int_equal(lup_merge3_text(3, base, mine, theirs, out, how), 0);
	assert_string_equal(out[1], "Digitalisering");
	assert_int_equal(how[0], LUP_MERGE_SAME);
	assert_int_equal(how[1], LUP_MERGE_THEIRS);
	assert_int_equal(how[2], LUP_MERGE_SAME);
}

static void only_mine_changed(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *mine[] = { "Kjell Öberg", "IT", "verksamhetschef" };
	const char *theirs[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *out[3];
	enum lup_merge_how how[3];
	(void)state;
	assert_int_equal(lup_merge3_text(3, base, mine, theirs, out, how), 0);
	assert_string_equal(out[2], "verksamhetschef");
	assert_int_equal(how[2], LUP_MERGE_MINE);
	assert_int_equal(how[1], LUP_MERGE_SAME);
}

/* The two-windows case: one changed the unit, the other the role; both
 * edits survive. */
static void each_changed_another_column(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *mine[] = { "Kjell Öberg", "IT", "verksamhetschef" };
	const char *theirs[] = { "Kjell Öberg", "Digitalisering", "enhetschef" };
	const char *out[3];
	enum lup_merge_how how[3];
	(void)state;
	assert_int_equal(lup_merge3_text(3, base, mine, theirs, out, how), 0);
	assert_string_equal(out[0], "Kjell Öberg");
	assert_string_equal(out[1], "Digitalisering");
	assert_string_equal(out[2], "verksamhetschef");
	assert_int_equal(how[1], LUP_MERGE_THEIRS);
	assert_int_equal(how[2], LUP_MERGE_MINE);
}

static void both_changed_differently(void **state)
{
	const char *base[] = { "IT", "enhetschef" };
	const char *mine[] = { "Ekonomi", "enhetschef" };
	const char *theirs[] = { "Digitalisering", "enhetschef" };
	const char *out[2];
	enum lup_merge_how how[2];
	(void)state;
	assert_int_equal(lup_merge3_text(2, base, mine, theirs, out, how), 1);
	assert_int_equal(how[0], LUP_MERGE_CONFLICT);
	/* Nothing is overwritten until someone decides: the stored value. */
	assert_string_equal(out[0], "Digitalisering");
	assert_int_equal(how[1], LUP_MERGE_SAME);
}

static void both_changed_to_the_same(void **state)
{
	const char *base[] = { "IT" };
	const char *mine[] = { "Digitalisering" };
	const char *theirs[] = { "Digitalisering" };
	const char *out[1];
	enum lup_merge_how how[1];
	(void)state;
	assert_int_equal(lup_merge3_text(1, base, mine, theirs, out, how), 0);
	assert_int_equal(how[0], LUP_MERGE_BOTH);
	assert_string_equal(out[0], "Digitalisering");
}

static void deleted_since_loaded(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT" };
	const char *mine[] = { "Kjell Öberg", "Ekonomi" };
	const char *out[2];
	enum lup_merge_how how[2];
	(void)state;
	assert_int_equal(lup_merge3_text(2, base, mine, NULL, out, how), -1);
	/* Saved as new, the row would carry this edit. */
	assert_string_equal(out[1], "Ekonomi");
	assert_int_equal(how[1], LUP_MERGE_MINE);
	assert_int_equal(how[0], LUP_MERGE_SAME);
}

/* NULL is a value of its own: clearing a field is a change. */
static void null_is_a_value(void **state)
{
	const char *base[] = { "070-123", NULL };
	const char *mine[] = { NULL, NULL };
	const char *theirs[] = { "070-123", "x@kungsbacka.se" };
	const char *out[2];
	enum lup_merge_how how[2];
	(void)state;
	assert_int_equal(lup_merge3_text(2, base, mine, theirs, out, how), 0);
	assert_null(out[0]);
	assert_int_equal(how[0], LUP_MERGE_MINE);
	assert_string_equal(out[1], "x@kungsbacka.se");
	assert_int_equal(how[1], LUP_MERGE_THEIRS);

	/* Both cleared it: the same value. */
	{
		const char *b[] = { "a" }, *m[] = { NULL }, *t[] = { NULL };
		assert_int_equal(lup_merge3_text(1, b, m, t, out, how), 0);
		assert_int_equal(how[0], LUP_MERGE_BOTH);
		assert_null(out[0]);
	}
	/* One cleared it, the other changed it: a conflict. */
	{
		const char *b[] = { "a" }, *m[] = { NULL }, *t[] = { "b" };
		assert_int_equal(lup_merge3_text(1, b, m, t, out, how), 1);
		assert_string_equal(out[0], "b");
	}
}

/* Typed values, as a changeset carries them: an undefined column of mine
 * (a partial UPDATE) is no change; numbers compare by value. */
static void typed_and_undefined(void **state)
{
	lup_val base[4], mine[4], theirs[4], out[4];
	enum lup_merge_how how[4];
	(void)state;
	base[0] = lup_val_int(16);  mine[0] = (lup_val){ 0 };   theirs[0] = lup_val_int(20);
	base[1] = lup_val_text("Omgång 3"); mine[1] = lup_val_text("Omgång 4"); theirs[1] = lup_val_text("Omgång 3");
	base[2] = lup_val_int(1);   mine[2] = (lup_val){ .type = LUP_VAL_REAL, .r = 1.0 }; theirs[2] = lup_val_int(1);
	base[3] = lup_val_null();   mine[3] = lup_val_int(2);   theirs[3] = lup_val_int(3);
	assert_int_equal(lup_merge3(4, base, mine, theirs, out, how), 1);
	assert_int_equal(how[0], LUP_MERGE_THEIRS);
	assert_int_equal(out[0].type, LUP_VAL_INT);
	assert_int_equal(out[0].i, 20);
	assert_int_equal(how[1], LUP_MERGE_MINE);
	assert_int_equal(out[1].n, strlen("Omgång 4"));
	assert_memory_equal(out[1].p, "Omgång 4", out[1].n);
	assert_int_equal(how[2], LUP_MERGE_SAME);
	assert_int_equal(how[3], LUP_MERGE_CONFLICT);
	assert_int_equal(out[3].i, 3);
}

static void equality(void **state)
{
	lup_val a = lup_val_text("abc"), b = lup_val_text("abd"), n = lup_val_null();
	lup_val blob = { .type = LUP_VAL_BLOB, .p = "abc", .n = 3 };
	lup_val undef = { 0 };
	(void)state;
	assert_true(lup_val_equal(&a, &a));
	assert_false(lup_val_equal(&a, &b));
	assert_false(lup_val_equal(&a, &n));
	assert_true(lup_val_equal(&n, &n));
	assert_false(lup_val_equal(&a, &blob));   /* text is not a blob */
	assert_false(lup_val_equal(&n, &undef));
	assert_true(lup_val_equal(&undef, &undef));
}

static void changed(void **state)
{
	lup_val base[2] = { lup_val_text("a"), lup_val_int(1) };
	lup_val same[2] = { lup_val_text("a"), { 0 } };
	lup_val diff[2] = { lup_val_text("a"), lup_val_int(2) };
	(void)state;
	assert_false(lup_merge_changed(2, base, same));
	assert_true(lup_merge_changed(2, base, diff));
}

/* More columns than the text wrapper's chunk: the tally and the pointers
 * come out right across chunk borders. */
static void many_columns(void **state)
{
	const char *base[70], *mine[70], *theirs[70], *out[70];
	enum lup_merge_how how[70];
	(void)state;
	for (int i = 0; i < 70; i++) {
		base[i] = "b";
		mine[i] = i % 3 == 0 ? "m" : "b";
		theirs[i] = i % 5 == 0 ? "t" : "b";
	}
	/* Both changed where i % 15 == 0: 0, 15, 30, 45, 60. */
	assert_int_equal(lup_merge3_text(70, base, mine, theirs, out, how), 5);
	assert_int_equal(how[33], LUP_MERGE_MINE);
	assert_ptr_equal(out[33], mine[33]);
	assert_int_equal(how[35], LUP_MERGE_THEIRS);
	assert_ptr_equal(out[35], theirs[35]);
	assert_int_equal(how[45], LUP_MERGE_CONFLICT);
	assert_string_equal(out[45], "t");
	assert_int_equal(lup_merge3_text(70, base, mine, NULL, out, NULL), -1);
}

/* No common ancestor: the same attendance mark made on two laptops.  The
 * columns they agree on are BOTH, the others conflicts keeping theirs; an
 * undefined mine (not part of the change) stays theirs. */
static void both_made_the_row(void **state)
{
	lup_val mine[4] = { lup_val_text("a1"), lup_val_text("present"), lup_val_text("hej"), { 0 } };
	lup_val theirs[4] = { lup_val_text("a1"), lup_val_text("absent"), lup_val_text("hej"), lup_val_int(7) };
	lup_val out[4];
	enum lup_merge_how how[4];
	(void)state;
	assert_int_equal(lup_merge3(4, NULL, mine, theirs, out, how), 1);
	assert_int_equal(how[0], LUP_MERGE_BOTH);
	assert_int_equal(how[1], LUP_MERGE_CONFLICT);
	assert_memory_equal(out[1].p, "absent", 6);
	assert_int_equal(how[2], LUP_MERGE_BOTH);
	assert_int_equal(how[3], LUP_MERGE_THEIRS);
	assert_int_equal(out[3].i, 7);
	/* The same row made twice alike: nothing to decide. */
	assert_int_equal(lup_merge3(3, NULL, theirs, theirs, out, how), 0);
}

/* ====================================================================
 * Saving an edit: the update functions, two connections on one file
 * ==================================================================== */

/* The other window: a second connection to the same file. */
static lup_db *other_window(struct fx *f)
{
	lup_db *b;
	lup_err err;
	if (lup_db_open(f->path, 0, &b, &err) < 0)
		fx_fail("the second connection", &err);
	return b;
}

static void set(char **field, const char *value)
{
	free(*field);
	*field = value ? strdup(value) : NULL;
}

static const char *kjell(struct fx *f)
{
	struct lup_person p = { 0 };
	lup_err err;
	char *id = fx_id_slot();
	p.name = strdup("Kjell Öberg");
	p.email = strdup("kjell.oberg@kungsbacka.se");
	p.org_unit = strdup("IT");
	p.role = strdup("enhetschef");
	if (lup_person_save(f->db, &p, &err) < 0)
		fx_fail("Kjell", &err);
	memcpy(id, p.id, LUP_ID_SIZE);
	lup_person_clear(&p);
	return id;
}

/* What a form would hold: a copy of the person as loaded. */
static void person_copy(struct lup_person *d, const struct lup_person *s)
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

/* Load Kjell in a window, edit one field and save it there. */
static int person_edit(lup_db *db, const struct lup_person *seen, int field, const char *value,
                       struct lup_merge_report *mr, lup_err *err)
{
	struct lup_person e;
	int rc;
	person_copy(&e, seen);
	set(field == 0 ? &e.org_unit : field == 1 ? &e.role : &e.phone, value);
	rc = lup_person_update(db, seen, &e, mr, err);
	lup_person_clear(&e);
	return rc;
}

static void person_now(struct fx *f, const char *id, struct lup_person *p)
{
	lup_err err;
	if (lup_person_get(f->db, id, p, &err) < 0)
		fx_fail("reading Kjell", &err);
}

enum { UNIT, ROLE, PHONE };

/* Kjell Öberg open in two windows, A (the fixture's connection) and B,
 * each holding him as it loaded him. */
struct two {
	lup_db *b;
	const char *id;
	struct lup_person seen_a, seen_b;
};

static void open_both(struct fx *f, struct two *t)
{
	lup_err err;
	t->b = other_window(f);
	t->id = kjell(f);
	person_now(f, t->id, &t->seen_a);
	if (lup_person_get(t->b, t->id, &t->seen_b, &err) < 0)
		fx_fail("Kjell in B", &err);
}

static void close_both(struct two *t)
{
	lup_person_clear(&t->seen_a);
	lup_person_clear(&t->seen_b);
	lup_db_close(t->b);
}

/* The case: A changes the unit, B the role; both are kept and B
 * is told which column came from elsewhere. */
static void save_only_theirs_changed(void **state)
{
	struct fx *f = *state;
	struct two t;
	struct lup_person now;
	struct lup_merge_report mr;
	char kept[128];
	lup_err err;

	open_both(f, &t);
	assert_int_equal(person_edit(f->db, &t.seen_a, UNIT, "Digitalisering", NULL, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(person_edit(t.b, &t.seen_b, ROLE, "verksamhetschef", &mr, &err), 0);
	person_now(f, t.id, &now);
	assert_string_equal(now.org_unit, "Digitalisering");
	assert_string_equal(now.role, "verksamhetschef");
	assert_int_equal(mr.deleted, 0);
	assert_int_equal(mr.conflicts, 0);
	assert_int_equal(lup_merge_fields(&mr, LUP_MERGE_THEIRS, kept, sizeof kept), 1);
	assert_string_equal(kept, "Unit");
	lup_person_clear(&now);
	lup_merge_report_clear(&mr);
	close_both(&t);
}

static void save_only_mine_changed(void **state)
{
	struct fx *f = *state;
	const char *id = kjell(f);
	struct lup_person seen, now;
	struct lup_merge_report mr;
	lup_err err;

	person_now(f, id, &seen);
	lup_merge_report_init(&mr);
	assert_int_equal(person_edit(f->db, &seen, PHONE, "0300-83 40 00", &mr, &err), 0);
	assert_int_equal(mr.n, 0);
	person_now(f, id, &now);
	assert_string_equal(now.phone, "0300-83 40 00");
	assert_string_equal(now.org_unit, "IT");
	lup_person_clear(&now);
	lup_person_clear(&seen);
}

/* Both changed the unit: nothing is written until a person decides, and
 * the stored value is the one the question shows. */
static void save_both_changed(void **state)
{
	struct fx *f = *state;
	struct two t;
	struct lup_person now;
	struct lup_merge_report mr;
	const struct lup_merge_col *c;
	char q[512];
	lup_err err;

	open_both(f, &t);
	assert_int_equal(person_edit(f->db, &t.seen_a, UNIT, "Digitalisering", NULL, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(person_edit(t.b, &t.seen_b, UNIT, "Ekonomi", &mr, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_string_equal(err.field, "org_unit");
	assert_string_equal(err.msg,
		"Changed elsewhere since you opened it: Unit is now Digitalisering (yours: Ekonomi)");
	assert_int_equal(mr.conflicts, 1);
	c = lup_merge_next_conflict(&mr);
	assert_non_null(c);
	assert_string_equal(c->field, "org_unit");
	assert_string_equal(c->theirs_shown, "Digitalisering");
	assert_string_equal(c->mine_shown, "Ekonomi");
	lup_merge_question(c, q, sizeof q);
	assert_string_equal(q, err.msg);
	person_now(f, t.id, &now);
	assert_string_equal(now.org_unit, "Digitalisering");
	lup_person_clear(&now);

	/* "Take theirs": the stored unit stays, and the rest of the edit is
	 * saved. */
	{
		struct lup_person e;
		person_copy(&e, &t.seen_b);
		set(&e.org_unit, "Ekonomi");
		set(&e.phone, "0300-1");
		assert_int_equal(lup_person_update(t.b, &t.seen_b, &e, &mr, &err), -1);
		assert_int_equal(lup_merge_resolve(&mr, "org_unit", LUP_TAKE_THEIRS), 0);
		assert_int_equal(mr.conflicts, 0);
		assert_null(lup_merge_next_conflict(&mr));
		assert_int_equal(lup_person_update(t.b, &t.seen_b, &e, &mr, &err), 0);
		lup_person_clear(&e);
	}
	person_now(f, t.id, &now);
	assert_string_equal(now.org_unit, "Digitalisering");
	assert_string_equal(now.phone, "0300-1");
	lup_person_clear(&now);
	assert_int_equal(lup_merge_resolve(&mr, "nothing", LUP_KEEP_MINE), -1);
	lup_merge_report_clear(&mr);
	close_both(&t);
}

/* "Keep yours" holds only while the stored value is the one shown: a
 * value changed again is asked about again. */
static void save_keep_mine(void **state)
{
	struct fx *f = *state;
	struct two t;
	struct lup_person now;
	struct lup_merge_report mr;
	lup_err err;

	open_both(f, &t);
	assert_int_equal(person_edit(f->db, &t.seen_a, UNIT, "Digitalisering", NULL, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(person_edit(t.b, &t.seen_b, UNIT, "Ekonomi", &mr, &err), -1);
	assert_int_equal(lup_merge_resolve(&mr, "org_unit", LUP_KEEP_MINE), 0);
	/* Meanwhile A changes it again. */
	{
		struct lup_person s2;
		person_now(f, t.id, &s2);
		assert_int_equal(person_edit(f->db, &s2, UNIT, "HR", NULL, &err), 0);
		lup_person_clear(&s2);
	}
	assert_int_equal(person_edit(t.b, &t.seen_b, UNIT, "Ekonomi", &mr, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_string_equal(lup_merge_next_conflict(&mr)->theirs_shown, "HR");
	assert_int_equal(lup_merge_resolve(&mr, "org_unit", LUP_KEEP_MINE), 0);
	assert_int_equal(person_edit(t.b, &t.seen_b, UNIT, "Ekonomi", &mr, &err), 0);
	person_now(f, t.id, &now);
	assert_string_equal(now.org_unit, "Ekonomi");
	lup_person_clear(&now);
	lup_merge_report_clear(&mr);
	close_both(&t);
}

static void save_both_to_the_same(void **state)
{
	struct fx *f = *state;
	struct two t;
	struct lup_person now;
	struct lup_merge_report mr;
	lup_err err;

	open_both(f, &t);
	assert_int_equal(person_edit(f->db, &t.seen_a, ROLE, "verksamhetschef", NULL, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(person_edit(t.b, &t.seen_b, ROLE, "verksamhetschef", &mr, &err), 0);
	assert_int_equal(mr.n, 1);
	assert_int_equal(mr.col[0].how, LUP_MERGE_BOTH);
	assert_int_equal(mr.conflicts, 0);
	person_now(f, t.id, &now);
	assert_string_equal(now.role, "verksamhetschef");
	lup_person_clear(&now);
	lup_merge_report_clear(&mr);
	close_both(&t);
}

/* Deleted in one window, saved in the other: said in words, nothing
 * written; saving it as new brings the edit back. */
static void save_deleted(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	const char *id = kjell(f);
	struct lup_person seen, e;
	struct lup_merge_report mr;
	struct lup_db_counts n;
	lup_err err;

	person_now(f, id, &seen);
	assert_int_equal(lup_person_delete(b, id, &err), 0);
	lup_merge_report_init(&mr);
	person_copy(&e, &seen);
	set(&e.role, "verksamhetschef");
	assert_int_equal(lup_person_update(f->db, &seen, &e, &mr, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	assert_string_equal(err.msg, "Kjell Öberg was deleted in another window since you opened the form");
	assert_int_equal(mr.deleted, 1);
	assert_int_equal(lup_db_counts(f->db, &n, &err), 0);
	assert_int_equal(n.people, 0);
	e.id[0] = '\0';
	assert_int_equal(lup_person_save(f->db, &e, &err), 0);
	assert_int_equal(lup_db_counts(f->db, &n, &err), 0);
	assert_int_equal(n.people, 1);
	lup_person_clear(&e);
	lup_person_clear(&seen);
	lup_db_close(b);
}

/* ---- The other entities' update functions ---- */

static void save_cohort(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	struct lup_cohort seen, e, now;
	struct lup_merge_report mr;
	lup_err err;

	assert_int_equal(lup_cohort_get(f->db, f->cohort, &seen, &err), 0);
	/* B: 20 seats, and set running by hand. */
	assert_int_equal(lup_cohort_get(b, f->cohort, &e, &err), 0);
	e.capacity = 20;
	strcpy(e.status_override, "running");
	assert_int_equal(lup_cohort_update(b, f->cfg, &seen, &e, NULL, NULL, NULL, &err), 0);
	lup_cohort_clear(&e);
	/* A: a new name, and set done by hand. */
	assert_int_equal(lup_cohort_get(f->db, f->cohort, &e, &err), 0);
	lup_cohort_clear(&e);
	e = seen;
	e.name = strdup("Pilot Halland 1");
	e.facilitators = lup_strdup(seen.facilitators);
	e.notes = NULL;
	strcpy(e.status_override, "done");
	lup_merge_report_init(&mr);
	assert_int_equal(lup_cohort_update(f->db, f->cfg, &seen, &e, NULL, NULL, &mr, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_string_equal(err.msg, "Changed elsewhere since you opened it: Status is now running (yours: done)");
	assert_int_equal(lup_merge_resolve(&mr, "status_override", LUP_KEEP_MINE), 0);
	assert_int_equal(lup_cohort_update(f->db, f->cfg, &seen, &e, NULL, NULL, &mr, &err), 0);
	assert_int_equal(lup_cohort_get(f->db, f->cohort, &now, &err), 0);
	assert_string_equal(now.name, "Pilot Halland 1");
	assert_int_equal(now.capacity, 20);
	assert_string_equal(now.status_override, "done");
	assert_string_equal(now.status, "done");
	lup_cohort_clear(&now);
	lup_cohort_clear(&e);
	lup_merge_report_clear(&mr);
	/* Deleted meanwhile. */
	lup_cohort_clear(&seen);
	assert_int_equal(lup_cohort_get(f->db, f->cohort, &seen, &err), 0);
	assert_int_equal(lup_cohort_delete(b, f->cohort, &err), 0);
	e = seen;
	e.name = strdup("Pilot");
	e.facilitators = e.notes = NULL;
	assert_int_equal(lup_cohort_update(f->db, f->cfg, &seen, &e, NULL, NULL, NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	assert_string_equal(err.msg,
		"The cohort Pilot Halland 1 was deleted in another window since you opened the form");
	free(e.name);
	lup_cohort_clear(&seen);
	lup_db_close(b);
}

static void session_copy(struct lup_session *d, const struct lup_session *s)
{
	*d = *s;
	d->title = lup_strdup(s->title);
	d->location = lup_strdup(s->location);
	d->facilitators = lup_strdup(s->facilitators);
	d->host_name = lup_strdup(s->host_name);
	d->notes = lup_strdup(s->notes);
}

static void save_session(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	const char *id = fx_session(f, f->cohort, "ul", "course_day", "2015-02-02 09:00",
	                            "2015-02-02 16:00", "Tingberget", NULL);
	struct lup_session seen, e, now;
	struct lup_merge_report mr;
	char kept[128];
	lup_err err;

	assert_int_equal(lup_session_get(f->db, id, &seen, &err), 0);
	session_copy(&e, &seen);
	set(&e.location, "Stadshuset");
	assert_int_equal(lup_session_update(b, f->cfg, &seen, &e, NULL, NULL, &err), 0);
	lup_session_clear(&e);
	session_copy(&e, &seen);
	strcpy(e.ends_at, "2015-02-02 15:00");
	lup_merge_report_init(&mr);
	assert_int_equal(lup_session_update(f->db, f->cfg, &seen, &e, NULL, &mr, &err), 0);
	assert_int_equal(lup_merge_fields(&mr, LUP_MERGE_THEIRS, kept, sizeof kept), 1);
	assert_string_equal(kept, "Location");
	assert_int_equal(lup_session_get(f->db, id, &now, &err), 0);
	assert_string_equal(now.location, "Stadshuset");
	assert_string_equal(now.ends_at, "2015-02-02 15:00");
	/* two changes, two new sequence numbers for the calendars */
	assert_int_equal(now.sequence, seen.sequence + 2);
	lup_session_clear(&now);
	lup_session_clear(&e);
	lup_merge_report_clear(&mr);
	lup_session_clear(&seen);
	lup_db_close(b);
}

static void save_programme_and_block(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	struct lup_programme seen, e, now;
	struct lup_block bseen, be, bnow;
	const char *blk = fx_block(f, f->prog, "ul");
	lup_err err;

	assert_int_equal(lup_programme_get(f->db, f->prog, &seen, &err), 0);
	e = seen;
	e.name = strdup(seen.name);
	e.description = NULL;
	e.target = 250;
	assert_int_equal(lup_programme_update(b, f->cfg, &seen, &e, NULL, &err), 0);
	free(e.name);
	e = seen;
	e.name = strdup(seen.name);
	e.description = strdup("Ledarutveckling för 300 chefer");
	assert_int_equal(lup_programme_update(f->db, f->cfg, &seen, &e, NULL, &err), 0);
	free(e.name);
	free(e.description);
	assert_int_equal(lup_programme_get(f->db, f->prog, &now, &err), 0);
	assert_int_equal(now.target, 250);
	assert_string_equal(now.description, "Ledarutveckling för 300 chefer");
	lup_programme_clear(&now);
	lup_programme_clear(&seen);

	assert_int_equal(lup_block_get(f->db, blk, &bseen, &err), 0);
	be = bseen;
	be.name = strdup(bseen.name);
	be.description = NULL;
	be.min_attendance = 0.75;
	assert_int_equal(lup_block_update(b, f->cfg, &bseen, &be, NULL, &err), 0);
	free(be.name);
	be = bseen;
	be.name = strdup("UL del 1 och 2");
	be.description = NULL;
	assert_int_equal(lup_block_update(f->db, f->cfg, &bseen, &be, NULL, &err), 0);
	free(be.name);
	assert_int_equal(lup_block_get(f->db, blk, &bnow, &err), 0);
	assert_string_equal(bnow.name, "UL del 1 och 2");
	assert_true(bnow.min_attendance == 0.75);
	lup_block_clear(&bnow);
	/* The share both changed: shown as per cent. */
	{
		struct lup_merge_report mr;
		assert_int_equal(lup_block_get(f->db, blk, &bnow, &err), 0);
		be = bnow;
		be.name = strdup(bnow.name);
		be.description = NULL;
		be.min_attendance = 0.5;
		assert_int_equal(lup_block_update(b, f->cfg, &bnow, &be, NULL, &err), 0);
		be.min_attendance = 0.9;
		lup_merge_report_init(&mr);
		assert_int_equal(lup_block_update(f->db, f->cfg, &bnow, &be, &mr, &err), -1);
		assert_string_equal(err.msg, "Changed elsewhere since you opened it: Attendance needed is now "
		                             "50 % (yours: 90 %)");
		free(be.name);
		lup_merge_report_clear(&mr);
		lup_block_clear(&bnow);
	}
	lup_block_clear(&bseen);
	lup_db_close(b);
}

static void host_copy(struct lup_host *d, const struct lup_host *s)
{
	*d = *s;
	d->name = lup_strdup(s->name);
	d->country = lup_strdup(s->country);
	d->city = lup_strdup(s->city);
	d->networks = lup_strdup(s->networks);
	d->forum = lup_strdup(s->forum);
	d->contact_name = lup_strdup(s->contact_name);
	d->contact_email = lup_strdup(s->contact_email);
	d->contact_phone = lup_strdup(s->contact_phone);
	d->languages = lup_strdup(s->languages);
	d->themes = lup_strdup(s->themes);
	d->agreement_type = lup_strdup(s->agreement_type);
	d->agreement_start = lup_strdup(s->agreement_start);
	d->agreement_end = lup_strdup(s->agreement_end);
	d->notes = lup_strdup(s->notes);
}

static void save_host(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	const char *id = fx_host(f, "Gdańsk", "Gdańsk");
	struct lup_host seen, e, now;
	struct lup_merge_report mr;
	lup_err err;

	assert_int_equal(lup_host_get(f->db, id, &seen, &err), 0);
	host_copy(&e, &seen);
	e.has_coords = 1;
	e.lat = 54.352;
	e.lon = 18.6466;
	set(&e.networks, "[{\"network\":\"Eurocities\",\"role\":\"\"}]");
	assert_int_equal(lup_host_update(b, &seen, &e, NULL, &err), 0);
	lup_host_clear(&e);
	/* A: the same network written its own way, and a capacity. */
	host_copy(&e, &seen);
	set(&e.networks, "[{\"network\": \"Eurocities\", \"role\": \"\"}]");
	e.capacity = 4;
	lup_merge_report_init(&mr);
	assert_int_equal(lup_host_update(f->db, &seen, &e, &mr, &err), 0);
	assert_int_equal(lup_host_get(f->db, id, &now, &err), 0);
	assert_int_equal(now.has_coords, 1);
	assert_true(now.lat == 54.352);
	assert_int_equal(now.capacity, 4);
	lup_host_clear(&now);
	lup_host_clear(&e);
	lup_merge_report_clear(&mr);
	/* Both set the country, differently: its name in the question. */
	host_copy(&e, &seen);
	set(&e.country, "DE");
	assert_int_equal(lup_host_update(b, &seen, &e, NULL, &err), 0);
	set(&e.country, "DK");
	assert_int_equal(lup_host_update(f->db, &seen, &e, NULL, &err), -1);
	assert_string_equal(err.msg, "Changed elsewhere since you opened it: Country is now Germany (yours: Denmark)");
	lup_host_clear(&e);
	lup_host_clear(&seen);
	lup_db_close(b);
}

static void placement_copy(struct lup_placement *d, const struct lup_placement *s)
{
	*d = *s;
	d->mentor = lup_strdup(s->mentor);
	d->start_date = lup_strdup(s->start_date);
	d->end_date = lup_strdup(s->end_date);
	d->objectives = lup_strdup(s->objectives);
	d->reflection = lup_strdup(s->reflection);
	d->cancel_reason = lup_strdup(s->cancel_reason);
}

static void save_placement(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	const char *who = kjell(f);
	const char *host = fx_host(f, "Gdańsk", "Gdańsk");
	const char *id = fx_placement(f, who, host, "2026-05-04", "2026-05-08", "proposed");
	struct lup_placement seen, e, now;
	struct lup_merge_report mr;
	lup_err err;

	assert_int_equal(lup_placement_get(f->db, id, &seen, &err), 0);
	/* B signs the agreement; A names the mentor. */
	placement_copy(&e, &seen);
	e.agreement_signed = 1;
	assert_int_equal(lup_placement_update(b, &seen, &e, NULL, &err), 0);
	lup_placement_clear(&e);
	placement_copy(&e, &seen);
	set(&e.mentor, "Anna Nowak");
	assert_int_equal(lup_placement_update(f->db, &seen, &e, NULL, &err), 0);
	lup_placement_clear(&e);
	assert_int_equal(lup_placement_get(f->db, id, &now, &err), 0);
	assert_int_equal(now.agreement_signed, 1);
	assert_string_equal(now.mentor, "Anna Nowak");
	lup_placement_clear(&now);

	/* A step from a stale screen: B moved it on already. */
	lup_merge_report_init(&mr);
	assert_int_equal(lup_placement_step(b, id, LUP_PS_PROPOSED, LUP_PS_AGREED, lup_date_today(),
	                                    NULL, NULL, &err), 0);
	assert_int_equal(lup_placement_step(f->db, id, LUP_PS_PROPOSED, LUP_PS_AGREED, lup_date_today(),
	                                    NULL, &mr, &err), 0);
	assert_int_equal(mr.n, 1);
	assert_int_equal(mr.col[0].how, LUP_MERGE_BOTH);
	assert_int_equal(lup_placement_get(f->db, id, &now, &err), 0);
	assert_int_equal(now.status, LUP_PS_AGREED);
	lup_placement_clear(&now);
	/* B cancelled it while A, seeing it agreed, moves it on. */
	assert_int_equal(lup_placement_step(b, id, LUP_PS_AGREED, LUP_PS_CANCELLED, lup_date_today(),
	                                    "Sjuk", NULL, &err), 0);
	assert_int_equal(lup_placement_step(f->db, id, LUP_PS_AGREED, LUP_PS_CONFIRMED, lup_date_today(),
	                                    NULL, &mr, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_string_equal(err.msg, "Changed elsewhere since you opened it: Status is now cancelled (yours: confirmed)");
	lup_merge_report_clear(&mr);

	/* Deleted meanwhile: its participant and host are named. */
	assert_int_equal(lup_placement_get(f->db, id, &now, &err), 0);
	assert_int_equal(lup_placement_delete(b, id, &err), 0);
	placement_copy(&e, &now);
	set(&e.reflection, "Lärorikt");
	assert_int_equal(lup_placement_update(f->db, &now, &e, NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	assert_string_equal(err.msg, "The placement of Kjell Öberg at Gdańsk was deleted in another window "
	                             "since you opened it");
	assert_int_equal(lup_placement_step(f->db, id, LUP_PS_CANCELLED, LUP_PS_CANCELLED,
	                                    lup_date_today(), NULL, NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	lup_placement_clear(&e);
	lup_placement_clear(&now);
	lup_placement_clear(&seen);
	lup_db_close(b);
}

static void save_log_entry(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	const char *host = fx_host(f, "Gdańsk", "Gdańsk");
	const char *id = fx_placement(f, kjell(f), host, "2026-05-04", "2026-05-08", "proposed");
	char entry[LUP_UUID_LEN + 1], date[11], *text;
	lup_err err;

	assert_int_equal(lup_placement_log_add(f->db, id, "2026-05-04", "Dag 1", entry, &err), 0);
	assert_int_equal(lup_placement_log_edit(b, entry, "2026-05-04", "Dag 1", "2026-05-05", "Dag 1",
	                                        NULL, &err), 0);
	assert_int_equal(lup_placement_log_edit(f->db, entry, "2026-05-04", "Dag 1", "2026-05-04",
	                                        "Dag 1: stadshuset", NULL, &err), 0);
	assert_int_equal(lup_placement_log_get(f->db, entry, date, &text, &err), 0);
	assert_string_equal(date, "2026-05-05");
	assert_string_equal(text, "Dag 1: stadshuset");
	free(text);
	assert_int_equal(lup_placement_log_edit(b, entry, "2026-05-05", "Dag 1: stadshuset", "2026-05-05",
	                                        "Dag ett", NULL, &err), 0);
	assert_int_equal(lup_placement_log_edit(f->db, entry, "2026-05-05", "Dag 1: stadshuset",
	                                        "2026-05-05", "Dag 1, Gdańsk", NULL, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_string_equal(err.field, "text");
	assert_int_equal(lup_placement_log_delete(b, entry, &err), 0);
	assert_int_equal(lup_placement_log_edit(f->db, entry, "2026-05-05", "Dag ett", "2026-05-05",
	                                        "Dag 1", NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	assert_string_equal(err.msg, "The learning-log entry of 2026-05-05 was deleted in another window "
	                             "since you opened it");
	lup_db_close(b);
}

/* The register: a mark set in two windows. */
static void save_attendance(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	const char *who = kjell(f);
	const char *sid = fx_session(f, f->cohort, "ul", "course_day", "2015-02-02 09:00",
	                             "2015-02-02 16:00", NULL, NULL);
	struct lup_merge_report mr;
	lup_err err;

	assert_int_equal(lup_enrol(f->db, f->cohort, who, "2015-01-01", NULL, &err), 0);
	/* the same mark in both: nothing to decide */
	assert_int_equal(lup_attendance_edit(b, sid, who, "", "present", NULL, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(lup_attendance_edit(f->db, sid, who, "", "present", &mr, &err), 0);
	assert_int_equal(mr.col[0].how, LUP_MERGE_BOTH);
	/* another mark: asked, and kept as it is until decided */
	assert_int_equal(lup_attendance_edit(b, sid, who, "present", "late", NULL, &err), 0);
	assert_int_equal(lup_attendance_edit(f->db, sid, who, "present", "absent", &mr, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_string_equal(err.msg, "Changed elsewhere since you opened it: Attendance is now late (yours: absent)");
	assert_int_equal(lup_merge_resolve(&mr, "status", LUP_KEEP_MINE), 0);
	assert_int_equal(lup_attendance_edit(f->db, sid, who, "present", "absent", &mr, &err), 0);
	{
		struct lup_register_row *rows;
		assert_int_equal(lup_register(f->db, sid, &rows, &err), 1);
		assert_string_equal(rows[0].status, "absent");
		free(rows);
	}
	/* the session deleted */
	assert_int_equal(lup_session_delete(b, sid, &err), 0);
	assert_int_equal(lup_attendance_edit(f->db, sid, who, "absent", "present", &mr, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	assert_int_equal(mr.deleted, 1);
	lup_merge_report_clear(&mr);
	lup_db_close(b);
}

static void save_withdrawal(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	struct lup_enrol_outcome out;
	struct lup_merge_report mr;
	lup_err err;

	assert_int_equal(lup_enrol(f->db, f->cohort, kjell(f), NULL, &out, &err), 0);
	assert_int_equal(lup_enrol_withdraw_edit(b, out.enrolment_id, "enrolled", NULL, NULL, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(lup_enrol_withdraw_edit(f->db, out.enrolment_id, "enrolled", NULL, &mr, &err), 0);
	assert_int_equal(mr.col[0].how, LUP_MERGE_BOTH);
	lup_merge_report_clear(&mr);
	assert_int_equal(lup_cohort_delete(b, f->cohort, &err), 0);
	assert_int_equal(lup_enrol_withdraw_edit(f->db, out.enrolment_id, "withdrawn", NULL, NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	lup_db_close(b);
}

static const char *competence_id(struct fx *f, const char *fwid, const char *code)
{
	sqlite3_stmt *st;
	char *id = fx_id_slot();
	assert_int_equal(sqlite3_prepare_v2(f->db->h, "SELECT id FROM competence WHERE framework_id = ?1 "
	                                    "AND code = ?2", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(id, LUP_ID_SIZE, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return id;
}

static void save_competence(void **state)
{
	struct fx *f = *state;
	lup_db *b = other_window(f);
	char fw[LUP_UUID_LEN + 1], text[512];
	const char *comp;
	struct lup_checkin c = { 0 }, seen, e, now;
	struct lup_merge_report mr;
	char *comment;
	int unchanged, level;
	lup_err err;

	assert_int_equal(lup_framework_import_file(f->db, "share/lup/frameworks/digcomp-2.2.ini", fw,
	                                           &unchanged, &err), 0);
	comp = competence_id(f, fw, "1.1");
	strcpy(c.person_id, kjell(f));
	strcpy(c.framework_id, fw);
	strcpy(c.kind, "self");
	strcpy(c.date, "2026-03-02");
	assert_int_equal(lup_checkin_save(f->db, &c, &err), 0);

	/* the details of the draft */
	assert_int_equal(lup_checkin_get(f->db, c.id, &seen, &err), 0);
	e = seen;
	e.assessor_name = NULL;
	e.note = strdup("Inför samtalet");
	assert_int_equal(lup_checkin_update(b, &seen, &e, NULL, &err), 0);
	free(e.note);
	e = seen;
	e.assessor_name = NULL;
	e.note = NULL;
	strcpy(e.kind, "manager");
	assert_int_equal(lup_checkin_update(f->db, &seen, &e, NULL, &err), 0);
	free(e.note);   /* the note kept from the other window */
	assert_int_equal(lup_checkin_get(f->db, c.id, &now, &err), 0);
	assert_string_equal(now.kind, "manager");
	assert_string_equal(now.note, "Inför samtalet");
	lup_checkin_clear(&now);

	/* a level set in both */
	lup_merge_report_init(&mr);
	assert_int_equal(lup_rating_edit(b, c.id, comp, LUP_LEVEL_NONE, 3, NULL, &err), 0);
	assert_int_equal(lup_rating_edit(f->db, c.id, comp, LUP_LEVEL_NONE, LUP_LEVEL_NA, &mr, &err), -1);
	assert_string_equal(err.msg, "Changed elsewhere since you opened it: Level is now 3 (yours: not assessed)");
	assert_int_equal(lup_merge_resolve(&mr, "level", LUP_TAKE_THEIRS), 0);
	assert_int_equal(lup_rating_edit(f->db, c.id, comp, LUP_LEVEL_NONE, LUP_LEVEL_NA, &mr, &err), 0);
	lup_merge_report_clear(&mr);
	/* its comment, written in both */
	assert_int_equal(lup_rating_comment_edit(b, c.id, comp, NULL, "Säker", NULL, &err), 0);
	assert_int_equal(lup_rating_comment_edit(f->db, c.id, comp, NULL, "Säker", NULL, &err), 0);
	assert_int_equal(lup_rating_comment_edit(f->db, c.id, comp, NULL, "Osäker", NULL, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_int_equal(lup_rating_get_comment(f->db, c.id, comp, &comment, &err), 0);
	assert_string_equal(comment, "Säker");
	free(comment);

	/* a role's target */
	assert_int_equal(lup_target_edit(b, "digcomp", "1.1", "enhetschef", NULL, LUP_LEVEL_NONE, 4,
	                                 NULL, &err), 0);
	assert_int_equal(lup_target_edit(f->db, "digcomp", "1.1", "Enhetschef", NULL, LUP_LEVEL_NONE, 5,
	                                 NULL, &err), -1);
	assert_string_equal(err.msg, "Changed elsewhere since you opened it: Target level is now 4 (yours: 5)");
	assert_int_equal(lup_target_edit(f->db, "digcomp", "1.1", "enhetschef", NULL, 4, 5, NULL, &err), 0);
	assert_int_equal(lup_target_get(f->db, "digcomp", "1.1", c.person_id, &level, NULL, &err), 0);
	assert_int_equal(level, 5);

	/* deleted meanwhile */
	assert_int_equal(lup_checkin_delete(b, c.id, &err), 0);
	assert_int_equal(lup_rating_edit(f->db, c.id, comp, 3, 4, NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	e = seen;
	e.assessor_name = NULL;
	e.note = strdup("x");
	assert_int_equal(lup_checkin_update(f->db, &seen, &e, NULL, &err), -1);
	assert_int_equal(err.code, LUP_EGONE);
	snprintf(text, sizeof text, "%s", err.msg);
	assert_string_equal(text, "The check-in of 2026-03-02 was deleted in another window since you "
	                          "opened it");
	free(e.note);
	lup_checkin_clear(&seen);
	lup_db_close(b);
}

/* Long values are shortened in the question, on one line. */
static void question_shortens(void **state)
{
	struct lup_merge_col c;
	char long_text[400], q[512];
	(void)state;
	memset(&c, 0, sizeof c);
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	long_text[3] = '\n';
	c.label = "Notes";
	c.theirs_shown = long_text;
	c.mine_shown = (char *)"";
	lup_merge_question(&c, q, sizeof q);
	assert_null(strchr(q, '\n'));
	assert_non_null(strstr(q, "xxx xxxx"));
	assert_non_null(strstr(q, "…"));
	assert_non_null(strstr(q, "(yours: (empty))"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_theirs_changed),
		cmocka_unit_test(only_mine_changed),
		cmocka_unit_test(each_changed_another_column),
		cmocka_unit_test(both_changed_differently),
		cmocka_unit_test(both_changed_to_the_same),
		cmocka_unit_test(deleted_since_loaded),
		cmocka_unit_test(null_is_a_value),
		cmocka_unit_test(typed_and_undefined),
		cmocka_unit_test(equality),
		cmocka_unit_test(changed),
		cmocka_unit_test(many_columns),
		cmocka_unit_test(both_made_the_row),
		cmocka_unit_test(question_shortens),
#define DB_TEST(t) cmocka_unit_test_setup_teardown(t, fx_setup, fx_teardown)
		DB_TEST(save_only_theirs_changed),
		DB_TEST(save_only_mine_changed),
		DB_TEST(save_both_changed),
		DB_TEST(save_keep_mine),
		DB_TEST(save_both_to_the_same),
		DB_TEST(save_deleted),
		DB_TEST(save_cohort),
		DB_TEST(save_session),
		DB_TEST(save_programme_and_block),
		DB_TEST(save_host),
		DB_TEST(save_placement),
		DB_TEST(save_log_entry),
		DB_TEST(save_attendance),
		DB_TEST(save_withdrawal),
		DB_TEST(save_competence),
#undef DB_TEST
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
