/* test_import.c — CSV decoding, header matching, line numbers, the
 * all-or-nothing upsert and its equivalence with lup_person_save. */
#include "helpers.h"
#include "core/internal.h"
#include "lup/import.h"
#include "lup/people.h"

static lup_import *parse(const char *csv, const struct lup_import_opts *o)
{
	lup_import *im = NULL;
	lup_err err;
	if (lup_import_parse(csv, strlen(csv), o, &im, &err) != 0)
		fail_msg("parse: %s", err.msg);
	return im;
}

static const char *val(const lup_import *im, size_t row, enum lup_import_field f)
{
	const struct lup_import_row *r = lup_import_row(im, row);
	assert_non_null(r);
	return r->value[f] ? r->value[f] : "";
}

static long count_people(lup_db *db)
{
	sqlite3_stmt *st;
	long n = -1;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT count(*) FROM person", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int import_text(lup_db *db, const char *csv, int dry, struct lup_import_counts *c,
                       lup_import **keep)
{
	lup_import *im = parse(csv, NULL);
	lup_err err;
	int rc = lup_import_run(db, im, dry, c, &err);
	if (keep)
		*keep = im;
	else
		lup_import_free(im);
	return rc;
}

static void test_headers(void **state)
{
	(void)state;
	assert_int_equal(lup_import_match_header("Namn"), LUP_IMP_NAME);
	assert_int_equal(lup_import_match_header("  NAME "), LUP_IMP_NAME);
	assert_int_equal(lup_import_match_header("Förnamn"), LUP_IMP_FIRST);
	assert_int_equal(lup_import_match_header("efternamn"), LUP_IMP_LAST);
	assert_int_equal(lup_import_match_header("E-post"), LUP_IMP_EMAIL);
	assert_int_equal(lup_import_match_header("e-mail"), LUP_IMP_EMAIL);
	assert_int_equal(lup_import_match_header("Email"), LUP_IMP_EMAIL);
	assert_int_equal(lup_import_match_header("Enhet"), LUP_IMP_UNIT);
	assert_int_equal(lup_import_match_header("org_unit"), LUP_IMP_UNIT);
	assert_int_equal(lup_import_match_header("Roll"), LUP_IMP_ROLE);
	assert_int_equal(lup_import_match_header("Titel"), LUP_IMP_ROLE);
	assert_int_equal(lup_import_match_header("CHEF"), LUP_IMP_MANAGER);
	assert_int_equal(lup_import_match_header("Anställningsnummer"), LUP_IMP_EMPNO);
	assert_int_equal(lup_import_match_header("ANSTÄLLNINGSNUMMER"), LUP_IMP_EMPNO);
	assert_int_equal(lup_import_match_header("Employee number"), LUP_IMP_EMPNO);
	assert_int_equal(lup_import_match_header("employee_no"), LUP_IMP_EMPNO);
	assert_int_equal(lup_import_match_header("Telefon"), LUP_IMP_PHONE);
	assert_int_equal(lup_import_match_header("Phone"), LUP_IMP_PHONE);
	assert_int_equal(lup_import_match_header("created_at"), LUP_IMP_IGNORE);
	assert_int_equal(lup_import_match_header(""), LUP_IMP_IGNORE);
	assert_int_equal(lup_import_field_parse("employee_no"), LUP_IMP_EMPNO);
	assert_int_equal(lup_import_field_parse("e-post"), LUP_IMP_EMAIL);
	assert_int_equal(lup_import_field_parse("ignore"), LUP_IMP_IGNORE);
	assert_int_equal(lup_import_field_parse("shoe size"), -1);
}

static void test_delimiters_and_encodings(void **state)
{
	lup_import *im;
	struct lup_import_opts o = { 0 };
	(void)state;

	im = parse("Namn;E-post;Enhet\nÅsa Öberg;asa@x.se;IT, drift\n", NULL);
	assert_int_equal(lup_import_delimiter(im), ';');
	assert_string_equal(lup_import_encoding(im), "UTF-8");
	assert_false(lup_import_had_bom(im));
	assert_string_equal(val(im, 0, LUP_IMP_UNIT), "IT, drift");
	lup_import_free(im);

	im = parse("\xef\xbb\xbfName,Email\nA B,a@x.se\n", NULL);
	assert_int_equal(lup_import_delimiter(im), ',');
	assert_true(lup_import_had_bom(im));
	assert_int_equal(lup_import_column_field(im, 0), LUP_IMP_NAME);  /* the mark is not in the name */
	lup_import_free(im);

	im = parse("Namn\tEnhet\nA\tB\n", NULL);
	assert_int_equal(lup_import_delimiter(im), '\t');
	assert_string_equal(val(im, 0, LUP_IMP_UNIT), "B");
	lup_import_free(im);

	/* Windows-1252: å = E5, Ö = D6, € = 80 */
	im = parse("Namn;Enhet\r\n\xc5sa \xd6" "berg;Ekonomi \x80\r\n", NULL);
	assert_string_equal(lup_import_encoding(im), "Windows-1252");
	assert_string_equal(val(im, 0, LUP_IMP_NAME), "Åsa Öberg");
	assert_string_equal(val(im, 0, LUP_IMP_UNIT), "Ekonomi €");
	lup_import_free(im);

	/* Given encoding and delimiter win. */
	o.encoding = "ISO-8859-1";
	o.delimiter = ',';
	im = parse("Namn,Enhet\n\xc5sa;x,\xe4\n", &o);
	assert_string_equal(val(im, 0, LUP_IMP_NAME), "Åsa;x");
	assert_string_equal(val(im, 0, LUP_IMP_UNIT), "ä");
	lup_import_free(im);

	/* UTF-16 with a mark. */
	{
		static const char u16[] = "\xff\xfeN\0a\0m\0n\0\n\0\xc5\0s\0a\0\n\0";
		lup_err err;
		assert_int_equal(lup_import_parse(u16, sizeof u16 - 1, NULL, &im, &err), 0);
		assert_string_equal(val(im, 0, LUP_IMP_NAME), "Åsa");
		lup_import_free(im);
	}
}

/* The delimiter names the command line and the import form share. */
static void test_delimiter_names(void **state)
{
	static const struct { const char *name; char c; } ok[] = {
		{ "tab", '\t' }, { "\\t", '\t' }, { "semicolon", ';' }, { "semikolon", ';' },
		{ "comma", ',' }, { "komma", ',' }, { "|", '|' }, { ";", ';' }, { "\t", '\t' },
	};
	static const char *const bad[] = { "", "\"", "\n", "\r", "auto", "Tab", "pipe", ";;", NULL };
	char c;
	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		c = 0;
		assert_int_equal(lup_import_delimiter_parse(ok[i].name, &c), 0);
		assert_int_equal(c, ok[i].c);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		c = 'x';
		assert_int_equal(lup_import_delimiter_parse(bad[i], &c), -1);
		assert_int_equal(c, 'x');   /* untouched */
	}
	assert_string_equal(lup_import_action_label(LUP_IMPORT_ADD), "add");
	assert_string_equal(lup_import_action_label(LUP_IMPORT_UPDATE), "update");
	assert_string_equal(lup_import_action_label(LUP_IMPORT_UNCHANGED), "unchanged");
	assert_string_equal(lup_import_action_label(LUP_IMPORT_REFUSE), "refuse");
}

static void test_bad_files(void **state)
{
	lup_import *im = NULL;
	lup_err err;
	struct lup_import_opts o = { 0 };
	const char *bad_map[] = { "Nonesuch=name" };
	(void)state;

	assert_int_equal(lup_import_parse("", 0, NULL, &im, &err), -1);
	assert_non_null(strstr(err.msg, "empty"));
	assert_int_equal(lup_import_parse(" \r\n \n", 5, NULL, &im, &err), -1);
	assert_int_equal(lup_import_parse("Namn\0x\n", 7, NULL, &im, &err), -1);
	assert_non_null(strstr(err.msg, "NUL"));
	assert_int_equal(lup_import_parse("Enhet,Roll\nIT,chef\n", 19, NULL, &im, &err), -1);
	assert_non_null(strstr(err.msg, "name"));
	assert_int_equal(lup_import_parse("Namn,Telefon,Tel\nA,1,2\n", 23, NULL, &im, &err), -1);
	assert_non_null(strstr(err.msg, "Telefon"));
	o.map = bad_map;
	o.nmap = 1;
	assert_int_equal(lup_import_parse("Namn\nA\n", 7, &o, &im, &err), -1);
	assert_non_null(strstr(err.msg, "Nonesuch"));
	o.encoding = "NO-SUCH-ENCODING";
	o.nmap = 0;
	assert_int_equal(lup_import_parse("Namn\nA\n", 7, &o, &im, &err), -1);
	o.encoding = "UTF-8";
	assert_int_equal(lup_import_parse("Namn\n\xc5sa\n", 9, &o, &im, &err), -1);
	assert_non_null(strstr(err.msg, "line 2"));
	assert_null(im);
}

static void test_header_only_and_map(void **state)
{
	lup_import *im;
	struct lup_import_opts o = { 0 };
	const char *maps[] = { "Mobil=phone", "Work mail=email", "Kod=employee_no" };
	(void)state;

	im = parse("Namn;E-post\r\n", NULL);
	assert_int_equal(lup_import_nrows(im), 0);
	assert_int_equal(lup_import_ncolumns(im), 2);
	lup_import_free(im);

	o.map = maps;
	o.nmap = 3;
	im = parse("Förnamn,Efternamn,Mail,Work mail,Mobil,Kod\nÅsa,Öberg,private@x.se,asa@x.se,070,A1\n", &o);
	assert_string_equal(val(im, 0, LUP_IMP_NAME), "Åsa Öberg");
	assert_string_equal(val(im, 0, LUP_IMP_EMAIL), "asa@x.se");   /* the --map wins */
	assert_string_equal(val(im, 0, LUP_IMP_PHONE), "070");
	assert_string_equal(val(im, 0, LUP_IMP_EMPNO), "A1");
	assert_int_equal(lup_import_column_field(im, 2), LUP_IMP_IGNORE);
	lup_import_free(im);

	/* A column by number. */
	{
		const char *bynum[] = { "2=name", "1=ignore" };
		o.map = bynum;
		o.nmap = 2;
		im = parse("Namn,Vem\nfel,Rätt Namn\n", &o);
		assert_string_equal(val(im, 0, LUP_IMP_NAME), "Rätt Namn");
		lup_import_free(im);
	}
}

static void test_quotes_and_lines(void **state)
{
	lup_import *im;
	size_t total;
	(void)state;

	im = parse("Name,Email,Unit\r\n"
	           "\"Berg, Anna\",anna@x.se,\"Service; \"\"kundtjänst\"\"\"\r\n"
	           "\r\n"
	           "\"Lindgren\r\nJohan\",johan@x.se,\"Teknik\r\noch\r\nfastighet\"\r\n"
	           "Eva Ek,eva@x.se,IT\r\n"
	           "   \r\n"
	           "Kalle,kalle@x.se\r\n"
	           "Bo \"Bosse\" Ek,bo@x.se,IT\r\n"
	           "Lisa,lisa@x.se,IT,extra\r\n"
	           "Sista,\"aldrig stängd\r\n", NULL);
	assert_int_equal(lup_import_nrows(im), 5);
	assert_string_equal(val(im, 0, LUP_IMP_NAME), "Berg, Anna");
	assert_string_equal(val(im, 0, LUP_IMP_UNIT), "Service; \"kundtjänst\"");
	assert_int_equal(lup_import_row(im, 0)->line, 2);
	assert_string_equal(val(im, 1, LUP_IMP_NAME), "Lindgren\r\nJohan");
	assert_int_equal(lup_import_row(im, 1)->line, 4);   /* a blank line before it */
	assert_int_equal(lup_import_row(im, 2)->line, 8);   /* after two lines inside quotes */
	assert_int_equal(lup_import_row(im, 2)->action, LUP_IMPORT_ADD);
	assert_int_equal(lup_import_row(im, 3)->line, 10);  /* ragged: too few */
	assert_int_equal(lup_import_row(im, 3)->action, LUP_IMPORT_REFUSE);
	assert_int_equal(lup_import_row(im, 4)->line, 12);  /* ragged: too many */
	assert_int_equal(lup_import_row(im, 4)->action, LUP_IMPORT_REFUSE);
	/* Problems in line order: ragged 10, the stray quote 11, ragged 12,
	 * the quote never closed 13. */
	assert_int_equal(lup_import_nproblems(im, &total), 4);
	assert_int_equal(total, 4);
	assert_int_equal(lup_import_problem(im, 0)->line, 10);
	assert_int_equal(lup_import_problem(im, 1)->line, 11);
	assert_non_null(strstr(lup_import_problem(im, 1)->why, "quote"));
	assert_int_equal(lup_import_problem(im, 2)->line, 12);
	assert_int_equal(lup_import_problem(im, 3)->line, 13);
	lup_import_free(im);

	/* Old Mac line ends (CR only) count as lines too. */
	im = parse("Namn\rA\rB\r", NULL);
	assert_int_equal(lup_import_nrows(im), 2);
	assert_int_equal(lup_import_row(im, 1)->line, 3);
	lup_import_free(im);
}

static void test_all_or_nothing(void **state)
{
	struct tdb t;
	struct lup_import_counts c;
	lup_import *im;
	size_t total;
	(void)state;
	tdb_open(&t);

	assert_int_equal(import_text(t.db, "Namn,E-post,Anställningsnummer\nA,a@x.se,1\nB,b@x.se,2\n", 0, &c, NULL), 0);
	assert_int_equal(c.added, 2);
	assert_int_equal(count_people(t.db), 2);

	/* One bad row among good ones: nothing stored, every problem listed. */
	assert_int_equal(import_text(t.db,
		"Namn,E-post,Anställningsnummer,Chef\n"
		"C,c@x.se,3,\n"
		",nobody@x.se,4,\n"
		"D,d(at)x.se,5,\n"
		"E,C@X.SE,6,\n"
		"F,f@x.se,3,\n"
		"G,g@x.se,7,nosuch@x.se\n"
		"H,h@x.se,12345678901234567890123456789012345678901,\n"
		"I,i@x.se,8,8\n"
		"J,b@x.se,9,\n", 0, &c, &im), -1);
	assert_int_equal(count_people(t.db), 2);
	assert_int_equal(c.refused, 8);
	assert_int_equal(lup_import_nproblems(im, &total), 8);
	{
		static const struct { long line; const char *col, *why; } want[] = {
			{ 3, "Namn", "name" }, { 4, "E-post", "not an e-mail" },
			{ 5, "E-post", "line 2" }, { 6, "Anställningsnummer", "line 2" },
			{ 7, "Chef", "nosuch@x.se" }, { 8, "Anställningsnummer", "40" },
			{ 9, "Chef", "own manager" }, { 10, "E-post", "b@x.se" },
		};
		for (size_t i = 0; i < 8; i++) {
			const struct lup_import_problem *p = lup_import_problem(im, i);
			assert_int_equal(p->line, want[i].line);
			assert_non_null(p->column);
			assert_string_equal(p->column, want[i].col);
			if (!strstr(p->why, want[i].why))
				fail_msg("line %ld: '%s' lacks '%s'", p->line, p->why, want[i].why);
		}
	}
	/* The good row's would-be id is forgotten. */
	assert_string_equal(lup_import_row(im, 0)->person_id, "");
	lup_import_free(im);
	tdb_close(&t);
}

static void test_upsert(void **state)
{
	struct tdb t;
	struct lup_import_counts c;
	struct lup_person p;
	char id[LUP_UUID_LEN + 1];
	lup_err err;
	lup_import *im;
	(void)state;
	tdb_open(&t);

	assert_int_equal(import_text(t.db,
		"Namn,E-post,Anställningsnummer,Enhet,Telefon\n"
		"Anna,anna@x.se,100,IT,070\n"
		"Bo,bo@x.se,,HR,071\n", 0, &c, NULL), 0);
	/* By employee number (a new e-mail), by e-mail (no number yet: gets
	 * one), a new person; the file has no phone column: phones stay. */
	assert_int_equal(import_text(t.db,
		"Namn,E-post,Anställningsnummer,Enhet\n"
		"Anna Berg,anna.berg@x.se,100,IT\n"
		"Bo,BO@x.se,200,\n"
		"Cid,cid@x.se,300,IT\n", 0, &c, &im), 0);
	assert_int_equal(c.added, 1);
	assert_int_equal(c.updated, 2);
	assert_int_equal(lup_import_row(im, 0)->action, LUP_IMPORT_UPDATE);
	assert_int_equal(lup_import_row(im, 2)->action, LUP_IMPORT_ADD);
	assert_string_not_equal(lup_import_row(im, 2)->person_id, "");
	lup_import_free(im);
	assert_int_equal(count_people(t.db), 3);
	assert_int_equal(lup_person_find(t.db, "100", id, &err), 0);
	assert_int_equal(lup_person_get(t.db, id, &p, &err), 0);
	assert_string_equal(p.name, "Anna Berg");
	assert_string_equal(p.email, "anna.berg@x.se");
	assert_string_equal(p.phone, "070");
	lup_person_clear(&p);
	assert_int_equal(lup_person_find(t.db, "200", id, &err), 0);
	assert_int_equal(lup_person_get(t.db, id, &p, &err), 0);
	assert_string_equal(p.email, "BO@x.se");
	assert_null(p.org_unit);   /* an empty cell clears */
	assert_string_equal(p.phone, "071");
	lup_person_clear(&p);

	/* The same file again changes nothing. */
	assert_int_equal(import_text(t.db,
		"Namn,E-post,Anställningsnummer,Enhet\n"
		"Anna Berg,anna.berg@x.se,100,IT\n", 0, &c, NULL), 0);
	assert_int_equal(c.unchanged, 1);
	assert_int_equal(c.updated, 0);

	/* An e-mail that belongs to someone with another employee number. */
	assert_int_equal(import_text(t.db, "Namn,E-post,Anställningsnummer\nX,cid@x.se,999\n", 0, &c, &im), -1);
	assert_non_null(strstr(lup_import_row(im, 0)->why, "300"));
	lup_import_free(im);

	/* Dry run: the preview says what would happen; nothing stored. */
	assert_int_equal(import_text(t.db, "Namn,E-post\nNy,ny@x.se\nAnna Berg,anna.berg@x.se\n", 1, &c, &im), 0);
	assert_int_equal(c.added, 1);
	assert_int_equal(c.unchanged, 1);
	assert_int_equal(lup_import_row(im, 0)->action, LUP_IMPORT_ADD);
	assert_string_equal(lup_import_row(im, 0)->person_id, "");
	assert_int_equal(count_people(t.db), 3);
	/* And the same parsed file can then be stored. */
	assert_int_equal(lup_import_run(t.db, im, 0, &c, &err), 0);
	assert_int_equal(count_people(t.db), 4);
	lup_import_free(im);

	/* Active: no, for a new person and an existing one. */
	assert_int_equal(import_text(t.db, "Namn,E-post,Aktiv\nAnna Berg,anna.berg@x.se,nej\nOla,ola@x.se,0\nPer,per@x.se,kanske\n",
	                             0, &c, &im), -1);
	assert_int_equal(lup_import_row(im, 2)->action, LUP_IMPORT_REFUSE);
	lup_import_free(im);
	assert_int_equal(import_text(t.db, "Namn,E-post,Aktiv\nAnna Berg,anna.berg@x.se,nej\nOla,ola@x.se,0\n", 0, &c, NULL), 0);
	assert_int_equal(lup_person_find(t.db, "ola@x.se", id, &err), 0);
	assert_int_equal(lup_person_get(t.db, id, &p, &err), 0);
	assert_int_equal(p.active, 0);
	lup_person_clear(&p);
	tdb_close(&t);
}

static void test_managers(void **state)
{
	struct tdb t;
	struct lup_import_counts c;
	struct lup_person p;
	char id[LUP_UUID_LEN + 1], boss[LUP_UUID_LEN + 1];
	lup_err err;
	lup_import *im;
	(void)state;
	tdb_open(&t);

	/* Reports before their manager, by number and by e-mail. */
	assert_int_equal(import_text(t.db,
		"Namn,E-post,Anställningsnummer,Chef\n"
		"Rapport Ett,r1@x.se,11,1\n"
		"Rapport Två,r2@x.se,12,chef@x.se\n"
		"Chefen,chef@x.se,1,\n", 0, &c, NULL), 0);
	assert_int_equal(lup_person_find(t.db, "1", boss, &err), 0);
	assert_int_equal(lup_person_find(t.db, "11", id, &err), 0);
	assert_int_equal(lup_person_get(t.db, id, &p, &err), 0);
	assert_string_equal(p.manager_id, boss);
	lup_person_clear(&p);
	assert_int_equal(lup_person_find(t.db, "12", id, &err), 0);
	assert_int_equal(lup_person_get(t.db, id, &p, &err), 0);
	assert_string_equal(p.manager_id, boss);
	lup_person_clear(&p);

	/* A manager already in lup; and a loop made by the file is refused. */
	assert_int_equal(import_text(t.db, "Namn,Anställningsnummer,Chef\nNy,20,chef@x.se\n", 0, &c, NULL), 0);
	assert_int_equal(import_text(t.db, "Namn,Anställningsnummer,Chef\nChefen,1,11\n", 0, &c, &im), -1);
	assert_non_null(strstr(lup_import_row(im, 0)->why, "loop"));
	lup_import_free(im);
	/* An empty manager cell clears the manager. */
	assert_int_equal(import_text(t.db, "Namn,Anställningsnummer,Chef\nRapport Ett,11,\n", 0, &c, NULL), 0);
	assert_int_equal(c.updated, 1);
	assert_int_equal(lup_person_find(t.db, "11", id, &err), 0);
	assert_int_equal(lup_person_get(t.db, id, &p, &err), 0);
	assert_null(p.manager_id);
	lup_person_clear(&p);
	tdb_close(&t);
}

/* lup_person_save_in is lup_person_save without the savepoint: the same
 * inputs give the same outcome, the same field blamed, the same rows. */
static void test_save_in_equivalence(void **state)
{
	static const struct { const char *name, *email, *empno, *phone, *mgr; } in[] = {
		{ "Åsa", "asa@x.se", "1", "070", NULL }, { "", "x@x.se", NULL, NULL, NULL },
		{ "Dup", "ASA@x.se", NULL, NULL, NULL }, { "Dup2", NULL, "1", NULL, NULL },
		{ "Bad", "bad", NULL, NULL, NULL }, { "Long", NULL, NULL, "0123456789012345678901234567890123456789X", NULL },
		{ "NoMgr", NULL, NULL, NULL, "00000000-0000-4000-8000-000000000000" },
		{ "Bo", "bo@x.se", "2", NULL, "FIRST" }, { "  Trim  ", " t@x.se ", NULL, NULL, NULL },
	};
	struct tdb a, b;
	char first_a[LUP_UUID_LEN + 1] = "", first_b[LUP_UUID_LEN + 1] = "";
	(void)state;
	tdb_open(&a);
	tdb_open(&b);
	assert_int_equal(lup_db_begin(b.db, NULL), 0);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		struct lup_person pa, pb;
		lup_err ea, eb;
		int ra, rb;
		memset(&pa, 0, sizeof pa);
		memset(&pb, 0, sizeof pb);
		pa.name = lup_strdup(in[i].name); pb.name = lup_strdup(in[i].name);
		pa.email = lup_strdup(in[i].email); pb.email = lup_strdup(in[i].email);
		pa.employee_no = lup_strdup(in[i].empno); pb.employee_no = lup_strdup(in[i].empno);
		pa.phone = lup_strdup(in[i].phone); pb.phone = lup_strdup(in[i].phone);
		if (in[i].mgr) {
			pa.manager_id = strdup(strcmp(in[i].mgr, "FIRST") == 0 ? first_a : in[i].mgr);
			pb.manager_id = strdup(strcmp(in[i].mgr, "FIRST") == 0 ? first_b : in[i].mgr);
		}
		lup_err_clear(&ea);
		lup_err_clear(&eb);
		ra = lup_person_save(a.db, &pa, &ea);
		rb = lup_person_save_in(b.db, &pb, &eb);
		assert_int_equal(ra, rb);
		assert_int_equal(ea.code, eb.code);
		assert_string_equal(ea.field, eb.field);
		assert_string_equal(ea.msg, eb.msg);
		assert_int_equal(pa.id[0] == '\0', pb.id[0] == '\0');
		if (i == 0) {
			strcpy(first_a, pa.id);
			strcpy(first_b, pb.id);
		}
		lup_person_clear(&pa);
		lup_person_clear(&pb);
	}
	assert_int_equal(lup_db_commit(b.db, NULL), 0);
	assert_int_equal(count_people(a.db), count_people(b.db));
	{
		/* The rows themselves (ids, times and the manager's id apart). */
		static const char q[] = "SELECT group_concat(name || '|' || coalesce(email, '') || '|' || "
			"coalesce(employee_no, '') || '|' || coalesce(phone, '') || '|' || (manager_id IS NULL) "
			"|| '|' || search || '|' || sort_name, ';') FROM (SELECT * FROM person ORDER BY name)";
		sqlite3_stmt *sa, *sb;
		assert_int_equal(sqlite3_prepare_v2(a.db->h, q, -1, &sa, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(b.db->h, q, -1, &sb, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(sa), SQLITE_ROW);
		assert_int_equal(sqlite3_step(sb), SQLITE_ROW);
		assert_string_equal(sqlite3_column_text(sa, 0), sqlite3_column_text(sb, 0));
		sqlite3_finalize(sa);
		sqlite3_finalize(sb);
	}
	/* Outside a transaction it refuses. */
	{
		struct lup_person p;
		lup_err e;
		memset(&p, 0, sizeof p);
		p.name = strdup("X");
		assert_int_equal(lup_person_save_in(b.db, &p, &e), -1);
		lup_person_clear(&p);
	}
	tdb_close(&a);
	tdb_close(&b);
}

static void test_problem_limit(void **state)
{
	lup_buf b = { 0 };
	lup_import *im;
	struct lup_import_opts o = { 0 };
	size_t total;
	(void)state;
	lup_buf_puts(&b, "Namn,E-post\n");
	for (int i = 0; i < 250; i++)
		lup_buf_printf(&b, "P%d,x%d@x.se,extra\n", i, i);
	o.max_problems = 20;
	im = parse(b.s, &o);
	assert_int_equal(lup_import_nproblems(im, &total), 20);
	assert_int_equal(total, 250);
	lup_import_free(im);
	lup_buf_clear(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_delimiters_and_encodings),
		cmocka_unit_test(test_delimiter_names),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_header_only_and_map),
		cmocka_unit_test(test_quotes_and_lines),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_upsert),
		cmocka_unit_test(test_managers),
		cmocka_unit_test(test_save_in_equivalence),
		cmocka_unit_test(test_problem_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
