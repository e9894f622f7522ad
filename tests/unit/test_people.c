/* test_people.c — validation, storage, keyset paging, folding and order. */
#include "helpers.h"
#include <locale.h>
#include "lup/people.h"

static int add(lup_db *db, const char *name, const char *email, const char *unit,
               const char *role, const char *manager, char *id_out)
{
	struct lup_person p;
	lup_err err;
	int rc;
	memset(&p, 0, sizeof p);
	p.name = lup_strdup(name);
	p.email = lup_strdup(email);
	p.org_unit = lup_strdup(unit);
	p.role = lup_strdup(role);
	p.manager_id = lup_strdup(manager);
	rc = lup_person_save(db, &p, &err);
	if (rc == 0 && id_out)
		strcpy(id_out, p.id);
	lup_person_clear(&p);
	return rc;
}

static void test_validation(void **state)
{
	struct tdb t;
	struct lup_person p;
	lup_err err;
	char a[37], b[37];
	(void)state;
	tdb_open(&t);
	memset(&p, 0, sizeof p);
	p.name = strdup("   ");
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "name");
	assert_string_equal(p.id, "");
	lup_person_clear(&p);

	assert_int_equal(add(t.db, "Åsa Öberg", "asa@example.org", "IT", "enhetschef", NULL, a), 0);
	p.name = strdup("X");
	p.email = strdup("not-an-address");
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "email");
	free(p.email);
	p.email = strdup("ASA@example.org");   /* unique regardless of case */
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "email");
	assert_non_null(strstr(err.msg, "someone else"));
	assert_string_equal(p.id, "");
	lup_person_clear(&p);

	/* Employee numbers are unique too; the clash is found when the
	 * write meets the index, and named like the e-mail's. */
	assert_int_equal(lup_person_get(t.db, a, &p, &err), 0);
	p.employee_no = strdup("E17");
	assert_int_equal(lup_person_save(t.db, &p, &err), 0);   /* own values: no clash */
	lup_person_clear(&p);
	memset(&p, 0, sizeof p);
	p.name = strdup("Y");
	p.email = strdup("y@example.org");
	p.employee_no = strdup("E17");
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "employee_no");
	assert_non_null(strstr(err.msg, "E17"));
	free(p.employee_no);
	p.employee_no = strdup("E18");
	assert_int_equal(lup_person_save(t.db, &p, &err), 0);
	free(p.email);                                          /* an update that takes a's address */
	p.email = strdup("Asa@Example.org");
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "email");
	lup_person_clear(&p);

	/* Manager must exist and must not make a loop. */
	assert_int_equal(add(t.db, "B", NULL, NULL, NULL, "00000000-0000-4000-8000-000000000000", NULL), -1);
	assert_int_equal(add(t.db, "B", NULL, NULL, NULL, a, b), 0);
	assert_int_equal(lup_person_get(t.db, a, &p, &err), 0);
	p.manager_id = strdup(b);
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "manager");
	free(p.manager_id);
	p.manager_id = strdup(a);
	assert_int_equal(lup_person_save(t.db, &p, &err), -1);
	assert_string_equal(err.field, "manager");
	lup_person_clear(&p);
	tdb_close(&t);
}

static void test_save_get_delete(void **state)
{
	struct tdb t;
	struct lup_person p;
	struct lup_person_impact im;
	lup_err err;
	char a[37];
	(void)state;
	tdb_open(&t);
	assert_int_equal(add(t.db, "  Åsa Öberg-Ängström ", "asa@example.org", "Förskola Norr", "rektor", NULL, a), 0);
	assert_int_equal(lup_person_get(t.db, a, &p, &err), 0);
	assert_string_equal(p.name, "Åsa Öberg-Ängström");   /* trimmed */
	assert_string_equal(p.org_unit, "Förskola Norr");
	assert_int_equal(p.active, 1);
	assert_non_null(strchr(p.created_at, 'T'));
	free(p.org_unit);
	p.org_unit = strdup("Kultur och fritid");
	assert_int_equal(lup_person_save(t.db, &p, &err), 0);
	lup_person_clear(&p);
	assert_int_equal(lup_person_get(t.db, a, &p, &err), 0);
	assert_string_equal(p.org_unit, "Kultur och fritid");
	lup_person_clear(&p);
	{
		char id[37];
		assert_int_equal(lup_person_find(t.db, "ASA@example.org", id, &err), 0);
		assert_string_equal(id, a);
		assert_int_equal(lup_person_find(t.db, "nobody@example.org", id, &err), -1);
	}
	assert_int_equal(lup_person_impact(t.db, a, &im, &err), 0);
	assert_int_equal(im.enrolments + im.placements + im.checkins, 0);
	assert_int_equal(lup_person_delete(t.db, a, &err), 0);
	assert_int_equal(lup_person_get(t.db, a, &p, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_person_delete(t.db, a, &err), -1);
	tdb_close(&t);
}

static void test_fold_and_sortkey(void **state)
{
	char *f = lup_fold("Östberg ÅSA Ängström Müller José");
	char *k1 = lup_sortkey("Åsa"), *k2 = lup_sortkey("Ärla"), *k3 = lup_sortkey("Östen"),
	     *k4 = lup_sortkey("Zäta"), *k5 = lup_sortkey("zeta");
	(void)state;
	assert_string_equal(f, "ostberg asa angstrom muller jose");
	/* Swedish order: z < å < ä < ö. */
	assert_true(strcmp(k5, k1) < 0);
	assert_true(strcmp(k1, k2) < 0);
	assert_true(strcmp(k2, k3) < 0);
	assert_true(strcmp(k5, k4) < 0);
	free(f); free(k1); free(k2); free(k3); free(k4); free(k5);
}

/* Numbers sort by value: "Omgång 2" before "Omgång 14", in any place of
 * the name; leading zeros do not count; digits still come before letters. */
static void test_natural_sortkey(void **state)
{
	static const char *const in_order[] = {
		"Förskola 2", "Förskola 9", "Förskola 10", "Förskola 10b", "Förskola 100",
		"Förskola Norr", "Omgång 1", "Omgång 002 b", "Omgång 2 c", "Omgång 14",
		"Omgång 123456789", "Omgång 1234567890", "Omgång 99999999999", "Åsa 3",
	};
	char *a = lup_sortkey("Omgång 02"), *b = lup_sortkey("Omgång 2");
	(void)state;
	for (size_t i = 0; i + 1 < sizeof in_order / sizeof in_order[0]; i++) {
		char *x = lup_sortkey(in_order[i]), *y = lup_sortkey(in_order[i + 1]);
		if (strcmp(x, y) >= 0)
			fail_msg("'%s' does not sort before '%s'", in_order[i], in_order[i + 1]);
		free(x);
		free(y);
	}
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = lup_sortkey("");
	assert_string_equal(a, "");
	free(a);
	a = lup_sortkey(NULL);
	assert_string_equal(a, "");
	free(a);
}

/* Page through everything forwards and backwards, with and without a
 * filter, and check order, completeness and positions. */
static void test_paging(void **state)
{
	struct tdb t;
	lup_err err;
	struct lup_person_row rows[7], all[200];
	struct lup_person_query q = { NULL, LUP_PSORT_NAME };
	long total, matching;
	int n, got = 0;
	char name[64], mail[64];
	static const char *const units[] = { "Öst", "Väst", "Norr" };
	(void)state;
	tdb_open(&t);
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof name, "%s %03d", i % 2 ? "Östberg" : "Andersson", i);
		snprintf(mail, sizeof mail, "p%d@example.org", i);
		assert_int_equal(add(t.db, name, mail, units[i % 3], i % 5 ? "enhetschef" : "rektor", NULL, NULL), 0);
	}
	assert_int_equal(lup_db_commit(t.db, &err), 0);

	for (int sort = 0; sort < LUP_PSORT_COUNT; sort++) {
		q.sort = (enum lup_person_sort)sort;
		got = 0;
		n = lup_person_page(t.db, &q, NULL, 1, 7, rows, &err);
		while (n > 0) {
			memcpy(all + got, rows, (size_t)n * sizeof rows[0]);
			got += n;
			n = lup_person_page(t.db, &q, &all[got - 1], 1, 7, rows, &err);
		}
		assert_int_equal(n, 0);
		assert_int_equal(got, 100);
		for (int i = 1; i < got; i++) {
			int c = strcmp(all[i - 1].key1, all[i].key1);
			if (c == 0)
				c = strcmp(all[i - 1].key2, all[i].key2);
			if (c == 0)
				c = strcmp(all[i - 1].id, all[i].id);
			assert_true(c < 0);
			assert_int_equal(lup_person_position(t.db, &q, &all[i], &err), i);
		}
		/* Backwards from the end gives the last rows in display order. */
		n = lup_person_page(t.db, &q, NULL, -1, 7, rows, &err);
		assert_int_equal(n, 7);
		assert_string_equal(rows[6].id, all[99].id);
		assert_string_equal(rows[0].id, all[93].id);
		n = lup_person_page(t.db, &q, &all[50], -1, 7, rows, &err);
		assert_int_equal(n, 7);
		assert_string_equal(rows[6].id, all[49].id);
	}
	/* Name sort puts Andersson before Östberg. */
	q.sort = LUP_PSORT_NAME;
	n = lup_person_page(t.db, &q, NULL, 1, 1, rows, &err);
	assert_non_null(strstr(rows[0].name, "Andersson"));

	/* Filters: "Öst" and folded "ost" find the Östbergs (and the unit Öst). */
	q.filter = "ostberg";
	assert_int_equal(lup_person_count(t.db, &q, &total, &matching, &err), 0);
	assert_int_equal(total, 100);
	assert_int_equal(matching, 50);
	q.filter = "ÖSTBERG 01";
	assert_int_equal(lup_person_count(t.db, &q, &total, &matching, &err), 0);
	assert_int_equal(matching, 5);   /* 011 013 015 017 019 */
	n = lup_person_page(t.db, &q, NULL, 1, 7, rows, &err);
	assert_int_equal(n, 5);
	q.filter = "Öst";
	assert_int_equal(lup_person_count(t.db, &q, &total, &matching, &err), 0);
	assert_true(matching >= 50);
	q.filter = "nobody-like-this";
	assert_int_equal(lup_person_page(t.db, &q, NULL, 1, 7, rows, &err), 0);
	tdb_close(&t);
}

/* A filter ranks by how the name matches: exact, start, a word's start,
 * inside a word; paging on in both directions keeps that order, and the
 * position counts in it. */
static void test_ranked_filter(void **state)
{
	struct tdb t;
	struct lup_person_query q = { "oberg", LUP_PSORT_NAME };
	struct lup_person_row rows[8], one;
	lup_err err;
	int n;
	(void)state;
	tdb_open(&t);
	assert_int_equal(add(t.db, "Anna Sjöberg", NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(add(t.db, "Bo Sjöberg", NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(add(t.db, "Carl Sjöberg", NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(add(t.db, "Kjell Öberg", NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(add(t.db, "Öberga Ann", NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(add(t.db, "Dag Lund", "dag.oberg@example.org", NULL, NULL, NULL, NULL), 0);
	n = lup_person_page(t.db, &q, NULL, 1, 8, rows, &err);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].name, "Öberga Ann");     /* the name starts so */
	assert_string_equal(rows[1].name, "Kjell Öberg");    /* a word does */
	assert_string_equal(rows[2].name, "Anna Sjöberg");   /* inside a word, by name */
	assert_string_equal(rows[4].name, "Carl Sjöberg");
	assert_string_equal(rows[5].name, "Dag Lund");       /* only the e-mail */
	/* on from the second, and back from the fifth */
	assert_int_equal(lup_person_page(t.db, &q, &rows[1], 1, 2, rows + 6, &err), 2);
	assert_string_equal(rows[6].name, "Anna Sjöberg");
	assert_string_equal(rows[7].name, "Bo Sjöberg");
	assert_int_equal(lup_person_page(t.db, &q, &rows[4], -1, 2, rows + 6, &err), 2);
	assert_string_equal(rows[6].name, "Anna Sjöberg");
	assert_string_equal(rows[7].name, "Bo Sjöberg");
	assert_int_equal(lup_person_position(t.db, &q, &rows[4], &err), 4);
	/* a row fetched by id carries the same keys */
	assert_int_equal(lup_person_row(t.db, &q, rows[1].id, &one, &err), 0);
	assert_int_equal(lup_person_position(t.db, &q, &one, &err), 1);
	/* an exact name first of all */
	q.filter = "kjell oberg";
	assert_int_equal(lup_person_page(t.db, &q, NULL, 1, 8, rows, &err), 1);
	assert_string_equal(rows[0].name, "Kjell Öberg");
	tdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_save_get_delete),
		cmocka_unit_test(test_fold_and_sortkey),
		cmocka_unit_test(test_natural_sortkey),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_ranked_filter),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
