/* Unit tests for the documents (doc*.c): templates and their mistakes,
 * placeholders, what each document reads from the database, where it is
 * written, and the layout fed names of 200 characters, right-to-left
 * text, emoji and empty values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <glib.h>
#include "fixture.h"
#include "core/doc_int.h"
#include "lup/doc.h"

static int contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle)) {
		print_error("'%s' does not hold '%s'\n", hay, needle);
		return 0;
	}
	return 1;
}

/* ---- templates ---- */

static void test_shipped_templates(void **state)
{
	static const char *const langs[] = { "sv", "en" };
	(void)state;
	for (int k = 0; k < LUP_DOC_KINDS; k++)
		for (int l = 0; l < 2; l++) {
			lup_doc_template *t = NULL;
			char path[4096];
			lup_err err;
			if (lup_doc_template_load(NULL, (enum lup_doc_kind)k, langs[l], &t, path, sizeof path, &err) < 0)
				fail_msg("%s.%s: %s", lup_doc_kind_name((enum lup_doc_kind)k), langs[l], err.msg);
			assert_true(t->nitems > 3);
			assert_true(t->has_filename);
			assert_true(contains(path, "share/lup/documents/"));
			lup_doc_template_free(t);
		}
}

static void test_kinds(void **state)
{
	(void)state;
	for (int k = 0; k < LUP_DOC_KINDS; k++)
		assert_int_equal(lup_doc_kind_parse(lup_doc_kind_name((enum lup_doc_kind)k)), k);
	assert_int_equal(lup_doc_kind_parse("attendance-certificate"), LUP_DOC_ATTENDANCE);
	assert_int_equal(lup_doc_kind_parse("intyg"), -1);
	assert_int_equal(lup_doc_kind_parse(NULL), -1);
}

static void test_template_errors(void **state)
{
	static const struct { enum lup_doc_kind kind; const char *text, *want; } cases[] = {
		{ LUP_DOC_SHEET, "title Närvarolista\nsubtitel {session}\n", "t:2: 'subtitel' is not a directive" },
		{ LUP_DOC_SHEET, "title {nmae}\n", "t:1: a sign-in sheet has no {nmae}; it has " },
		{ LUP_DOC_SHEET, "title {nmae}\n", "cohort, session" },
		{ LUP_DOC_SHEET, "title x\ntext {name}\n", "t:2: {name} is a value of a table row: use it in a column of the participants table" },
		{ LUP_DOC_SHEET, "title x\n\ntable participants\ncolumn A | {n}\n", "t:3: the table is not closed" },
		{ LUP_DOC_SHEET, "table participants\nend\n", "t:2: the table has no column lines" },
		{ LUP_DOC_SHEET, "table participants\ncolumn A | {x}\nend\n", "a row of its table has n, name, unit" },
		{ LUP_DOC_SHEET, "table blocks\n", "a sign-in sheet's table lists participants, not 'blocks'" },
		{ LUP_DOC_SHEET, "table participants\ntitle x\nend\n", "t:2: 'title' inside a table" },
		{ LUP_DOC_SHEET, "column A | B\n", "t:1: 'column' outside a table" },
		{ LUP_DOC_SHEET, "table participants\ncolumn A | {n} | wide\nend\n", "column width 'wide'" },
		{ LUP_DOC_SHEET, "table participants\ncolumn A | {n} | 1 | middle\nend\n", "'middle': a column is aligned left, right or center" },
		{ LUP_DOC_SHEET, "title {\n", "t:1: a '{' without its '}'" },
		{ LUP_DOC_SHEET, "title }\n", "t:1: a '}' without its '{'" },
		{ LUP_DOC_SHEET, "title {}\n", "t:1: '{}' is not a placeholder" },
		{ LUP_DOC_SHEET, "  continued\n", "t:1: an indented line continues the line before it, but there is none" },
		{ LUP_DOC_SHEET, "# comment\n\ntitle x\nfooter {page}\nfooter {pages}\n", "t:5: a second footer line" },
		{ LUP_DOC_SHEET, "title Sida {page}\n", "t:1: {page} can only be used in header, footer and pagenumber lines" },
		{ LUP_DOC_SHEET, "title \xff\xfe\n", "t:1: the line is not valid UTF-8" },
		{ LUP_DOC_SHEET, "# only comments\n\n", "t: the template prints nothing" },
		{ LUP_DOC_SHEET, "space lots\n", "t:1: space 'lots'" },
		{ LUP_DOC_SHEET, "page now\n", "t:1: page takes nothing after it" },
		{ LUP_DOC_SHEET, "field A | B | C\n", "t:1: a field has two parts" },
		{ LUP_DOC_AGREEMENT, "table participants\n", "a mobility agreement has no table" },
		{ LUP_DOC_AGREEMENT, "title {count}\n", "a mobility agreement has no {count}" },
		{ LUP_DOC_CERTIFICATE, "title {person}\ntable blocks\ncolumn B | {block}\nblank x\nend\n", "t:4: blank rows 'x'" },
		{ LUP_DOC_PARTICIPANTS, "title x\n\n\ntext a\n  {nope}\n", "t:4: a participant list has no {nope}" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lup_doc_template *t = (lup_doc_template *)1;
		lup_err err;
		lup_err_clear(&err);
		if (lup_doc_template_parse(cases[i].kind, cases[i].text, strlen(cases[i].text), "t", &t, &err) == 0)
			fail_msg("case %zu parsed: %s", i, cases[i].text);
		assert_null(t);
		assert_int_equal(err.code, LUP_EINVAL);
		if (!contains(err.msg, cases[i].want))
			fail_msg("case %zu", i);
	}
}

static lup_doc_template *parse(enum lup_doc_kind kind, const char *text)
{
	lup_doc_template *t;
	lup_err err;
	if (lup_doc_template_parse(kind, text, strlen(text), "t", &t, &err) < 0)
		fail_msg("%s", err.msg);
	return t;
}

static char *expanded(const struct tp_text *x, const struct lup_doc_values *doc,
                      const struct lup_doc_values *copy, const struct lup_doc_values *row)
{
	lup_buf b = { 0 };
	assert_int_equal(lup_doc_expand(&b, x, doc, copy, row, 2, 5), 0);
	return b.s;
}

static void test_expand(void **state)
{
	static const char text[] =
		"\xef\xbb\xbf# a byte-order mark, then a comment\r\n"
		"title Intyg för {person} {{rum}} a\\|b\r\n"
		"text {cohort}: {start} – {end},\n"
		"\tfortsatt på raden\n"
		"footer Sida {page} av {pages}\n"
		"table blocks\n"
		"column Block | {block} ({start}) | 2 | right\n"
		"end\n";
	lup_doc_template *t = parse(LUP_DOC_CERTIFICATE, text);
	struct lup_doc_values doc = { 0 }, copy = { 0 }, row = { 0 };
	char *s;
	(void)state;
	doc.v[LUP_DK_cohort] = "Pilot Halland";
	doc.v[LUP_DK_start] = "2014-03-10";
	doc.v[LUP_DK_end] = "2014-05-26";
	copy.v[LUP_DK_person] = "Åsa\x01Öberg\xc3";   /* a control character, a cut character */
	row.v[LUP_DK_block] = "UL";
	row.v[LUP_DK_start] = "2014-03-10";
	assert_int_equal(t->nitems, 3);
	assert_int_equal(t->items[0].line, 2);
	assert_true(t->items[0].text[0].uses_copy);
	assert_false(t->items[1].text[0].uses_copy);
	s = expanded(&t->items[0].text[0], &doc, &copy, NULL);
	assert_string_equal(s, "Intyg för Åsa Öberg\xef\xbf\xbd {rum} a|b");
	free(s);
	s = expanded(&t->items[1].text[0], &doc, &copy, NULL);
	assert_string_equal(s, "Pilot Halland: 2014-03-10 – 2014-05-26, fortsatt på raden");
	free(s);
	s = expanded(&t->footer, &doc, &copy, NULL);
	assert_string_equal(s, "Sida 2 av 5");
	free(s);
	assert_int_equal(t->items[2].table->ncol, 1);
	assert_int_equal(t->items[2].table->col[0].align, TP_RIGHT);
	assert_true(t->items[2].table->col[0].weight == 2);
	s = expanded(&t->items[2].table->col[0].value, &doc, &copy, &row);
	assert_string_equal(s, "UL (2014-03-10)");
	free(s);

	/* A line whose placeholders are all empty is left out; one without
	 * placeholders never is. */
	assert_false(lup_doc_all_empty(&t->items[1].text[0], &doc, NULL, NULL));
	doc.v[LUP_DK_cohort] = "";
	doc.v[LUP_DK_start] = NULL;
	doc.v[LUP_DK_end] = "";
	assert_true(lup_doc_all_empty(&t->items[1].text[0], &doc, NULL, NULL));
	lup_doc_template_free(t);
	t = parse(LUP_DOC_SHEET, "field Faktisk tid |\n");
	assert_false(lup_doc_all_empty(&t->items[0].text[1], &doc, NULL, NULL));
	lup_doc_template_free(t);
}

static void test_filename(void **state)
{
	lup_doc_template *t = parse(LUP_DOC_CERTIFICATE,
		"title x\nfilename Intyg {cohort} – {person}: 2014/03\n");
	struct lup_doc_values copies[2] = { { { 0 } }, { { 0 } } };
	struct lup_doc_data d = { { { 0 } }, NULL, 0, copies, 1 };
	char name[160];
	(void)state;
	d.doc.v[LUP_DK_cohort] = "Pilot Halland";
	copies[0].v[LUP_DK_person] = "Åsa Öberg-Ekström";
	lup_doc_template_filename(t, &d, name, sizeof name);
	assert_string_equal(name, "intyg-pilot-halland-asa-oberg-ekstrom-2014-03.pdf");
	/* Several people in one file: theirs is left out of its name. */
	d.ncopies = 2;
	lup_doc_template_filename(t, &d, name, sizeof name);
	assert_string_equal(name, "intyg-pilot-halland-2014-03.pdf");
	lup_doc_template_free(t);
	/* Nothing left of the name: the kind's. */
	t = parse(LUP_DOC_CERTIFICATE, "title x\nfilename ../../\n");
	lup_doc_template_filename(t, &d, name, sizeof name);
	assert_string_equal(name, "certificate.pdf");
	lup_doc_template_free(t);
}

/* ---- the layout under hostile values ---- */

static uint32_t seed = 12345;
static uint32_t rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) & 0xffffff;
}

/* Text of up to max characters from pieces people's names and units are
 * made of: Swedish, Arabic and Hebrew (right to left), emoji, combining
 * marks, a long word without spaces, spaces, or nothing at all. */
static const char *hostile(char *buf, size_t n, int max)
{
	static const char *const pieces[] = {
		"Åsa", "Öberg", "ÄÖÜ", "Łukasz", "محمد", "עברית", "🙂", "👩‍👩‍👧", "e\xcc\x81", " ",
		"Verylongwordwithoutanyspacesatallthatmustbreaksomewhere", "-", "日本語", "\t",
	};
	size_t o = 0;
	int chars = 0, want = (int)(rnd() % (unsigned)(max + 1));
	if (rnd() % 8 == 0)
		want = 0;
	buf[0] = '\0';
	while (chars < want) {
		const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
		size_t len = strlen(p);
		if (o + len + 1 >= n)
			break;
		memcpy(buf + o, p, len);
		o += len;
		buf[o] = '\0';
		chars += (int)len;   /* bytes: at most max characters */
	}
	return buf;
}

/* A value as people type it (hostile), or as lup makes it: numbers,
 * dates and times are lup's own. */
static const char *value(int key, char *buf, size_t n)
{
	switch (key) {
	case LUP_DK_n: case LUP_DK_count: case LUP_DK_sessions: case LUP_DK_days:
	case LUP_DK_travel_days: case LUP_DK_page: case LUP_DK_pages:
		snprintf(buf, n, "%u", rnd() % 1000);
		return buf;
	case LUP_DK_hours:
		snprintf(buf, n, "%u,5", rnd() % 1000);
		return buf;
	case LUP_DK_date: case LUP_DK_start: case LUP_DK_end: case LUP_DK_today: case LUP_DK_completed:
		return rnd() % 4 ? "2014-03-10" : "";
	case LUP_DK_time:
		return "09:00–16:30";
	case LUP_DK_dates:
		return "2014-03-10 – 2014-05-26";
	default:
		return hostile(buf, n, 200);
	}
}

static void render_ok(enum lup_doc_kind kind, const char *lang, const struct lup_doc_data *d,
                      struct lup_doc_stats *st)
{
	lup_doc_template *t;
	struct lup_doc_style style = { NULL, NULL, lang };
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);
	lup_err err;
	assert_non_null(fp);
	if (lup_doc_template_load(NULL, kind, lang, &t, NULL, 0, &err) < 0)
		fail_msg("%s", err.msg);
	if (lup_doc_render(t, &style, d, fp, st, &err) < 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	assert_true(len > 1000);
	assert_memory_equal(mem, "%PDF-", 5);
	assert_true(strstr(mem + len - 40, "%%EOF") != NULL);
	free(mem);
	lup_doc_template_free(t);
}

static void test_render_hostile(void **state)
{
	enum { ROWS = 60, COPIES = 8, ROUNDS = 8 };
	static struct lup_doc_values rows[ROWS], copies[COPIES];
	static char text[ROWS + COPIES + 1][LUP_DK_COUNT][900];
	(void)state;
	for (int round = 0; round < ROUNDS; round++)
		for (int k = 0; k < LUP_DOC_KINDS; k++) {
			struct lup_doc_data d = { { { 0 } }, rows, ROWS, NULL, 0 };
			struct lup_doc_stats st;
			memset(rows, 0, sizeof rows);
			memset(copies, 0, sizeof copies);
			for (int v = 0; v < LUP_DK_COUNT; v++)
				d.doc.v[v] = value(v, text[ROWS + COPIES][v], sizeof text[0][0]);
			for (int i = 0; i < ROWS; i++)
				for (int v = 0; v < LUP_DK_COUNT; v++)
					rows[i].v[v] = value(v, text[i][v], sizeof text[0][0]);
			if (k == LUP_DOC_CERTIFICATE) {
				for (int i = 0; i < COPIES; i++)
					for (int v = 0; v < LUP_DK_COUNT; v++)
						copies[i].v[v] = value(v, text[ROWS + i][v], sizeof text[0][0]);
				d.copies = copies;
				d.ncopies = COPIES;
				d.nrows = 4;
			}
			render_ok((enum lup_doc_kind)k, round % 2 ? "sv" : "en", &d, &st);
			/* 200 characters fit their columns in fewer than 40 lines:
			 * nothing cut, nothing wider than its column. */
			assert_int_equal(st.cut, 0);
			assert_true(st.pages >= 1);
			if (k == LUP_DOC_CERTIFICATE)
				assert_int_equal(st.copies, COPIES);
			if (k == LUP_DOC_PARTICIPANTS)
				assert_true(st.pages >= 2);   /* 60 rows do not fit one page */
		}
}

/* More texts than the layout cache keeps (it holds about 2,000): it is
 * emptied between documents and copies, never under a page being laid
 * out (the header repeated on page 30 is one of the first texts). */
static void test_render_many(void **state)
{
	enum { N = 1500 };
	static struct lup_doc_values rows[N];
	static char names[N][3][40];
	struct lup_doc_data d = { { { 0 } }, rows, N, NULL, 0 };
	struct lup_doc_stats st;
	(void)state;
	for (int i = 0; i < N; i++) {
		snprintf(names[i][0], sizeof names[i][0], "%d", i + 1);
		snprintf(names[i][1], sizeof names[i][1], "Person %d Öberg", i);
		snprintf(names[i][2], sizeof names[i][2], "p%d@example.se", i);
		rows[i].v[LUP_DK_n] = names[i][0];
		rows[i].v[LUP_DK_name] = names[i][1];
		rows[i].v[LUP_DK_email] = names[i][2];
	}
	render_ok(LUP_DOC_PARTICIPANTS, "sv", &d, &st);
	assert_true(st.pages >= 30);
	render_ok(LUP_DOC_SHEET, "en", &d, &st);
	assert_true(st.pages >= 30);
	assert_int_equal(st.cut, 0);
}

static void test_render_empty_and_cut(void **state)
{
	static struct lup_doc_values row;
	static char huge[20001];
	struct lup_doc_data d = { { { 0 } }, NULL, 0, NULL, 0 };
	struct lup_doc_stats st;
	(void)state;
	/* Every value empty, no rows. */
	for (int k = 0; k < LUP_DOC_KINDS; k++) {
		render_ok((enum lup_doc_kind)k, "sv", &d, &st);
		assert_int_equal(st.cut, 0);
		assert_int_equal(st.copies, 1);
	}
	/* A value that cannot fit a cell in 40 lines is cut, and counted. */
	memset(huge, 'W', sizeof huge - 1);
	row.v[LUP_DK_name] = huge;
	d.rows = &row;
	d.nrows = 1;
	render_ok(LUP_DOC_SHEET, "sv", &d, &st);
	assert_int_equal(st.cut, 1);
	/* A paragraph longer than a page goes on over the next ones. */
	d.nrows = 0;
	d.doc.v[LUP_DK_objectives] = huge;
	render_ok(LUP_DOC_AGREEMENT, "en", &d, &st);
	assert_true(st.pages >= 3);
	assert_int_equal(st.cut, 0);
}

/* ---- what the documents read ---- */

static const char *person(struct fx *f, const char *name, const char *unit, const char *email)
{
	struct lup_person p = { 0 };
	lup_err err;
	char *id = fx_id_slot();
	p.name = strdup(name);
	p.org_unit = unit ? strdup(unit) : NULL;
	p.email = email ? strdup(email) : NULL;
	p.phone = strdup("0300-83 40 00");
	if (lup_person_save(f->db, &p, &err) < 0)
		fx_fail("person", &err);
	memcpy(id, p.id, LUP_ID_SIZE);
	lup_person_clear(&p);
	return id;
}

static void enrol(struct fx *f, const char *cohort, const char *who)
{
	lup_err err;
	if (lup_enrol(f->db, cohort, who, "2015-01-02", NULL, &err) < 0)
		fx_fail("enrol", &err);
}

static void test_sheet(void **state)
{
	struct fx *f = *state;
	static const char *const names[] = { "Örjan Ek", "Anna Berg", "Åsa Lind", "Bo Ström", "Ärla Nyman" };
	static const char *const sorted[] = { "Anna Berg", "Bo Ström", "Åsa Lind", "Ärla Nyman", "Örjan Ek" };
	char session[LUP_ID_SIZE], other[LUP_ID_SIZE];
	struct doc_job job;
	lup_err err;
	for (int i = 0; i < 5; i++) {
		char unit[40];
		snprintf(unit, sizeof unit, "Enhet %s", names[i]);
		enrol(f, f->cohort, person(f, names[i], unit, NULL));
	}
	snprintf(session, sizeof session, "%s", fx_session(f, f->cohort, "ul", "course_day",
	         "2015-03-10 09:00", "2015-03-10 16:30", "Tjolöholm", NULL));
	snprintf(other, sizeof other, "%s", fx_session(f, f->cohort, "", "study_visit",
	         "2015-03-12 09:00", "2015-03-13 12:00", NULL, NULL));
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_SHEET, session, NULL, "sv", &job, &err), 0);
	assert_int_equal(job.data.nrows, 5);
	for (int i = 0; i < 5; i++) {
		char unit[40];
		snprintf(unit, sizeof unit, "Enhet %s", sorted[i]);
		assert_string_equal(job.data.rows[i].v[LUP_DK_name], sorted[i]);
		assert_string_equal(job.data.rows[i].v[LUP_DK_unit], unit);
		assert_int_equal(atoi(job.data.rows[i].v[LUP_DK_n]), i + 1);
	}
	assert_string_equal(job.data.doc.v[LUP_DK_count], "5");
	assert_string_equal(job.data.doc.v[LUP_DK_date], "2015-03-10");
	assert_string_equal(job.data.doc.v[LUP_DK_time], "09:00–16:30");
	assert_string_equal(job.data.doc.v[LUP_DK_place], "Tjolöholm");
	assert_string_equal(job.data.doc.v[LUP_DK_cohort], "Pilot Halland");
	assert_string_equal(job.data.doc.v[LUP_DK_facilitators], "Eva Ek, Olle Berg");
	assert_string_equal(job.data.doc.v[LUP_DK_organisation], "Kungsbacka");   /* home_name */
	lup_doc_job_clear(&job);
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_SHEET, other, NULL, "sv", &job, &err), 0);
	assert_string_equal(job.data.doc.v[LUP_DK_time], "09:00 – 2015-03-13 12:00");
	lup_doc_job_clear(&job);
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_SHEET, "00000000-0000-4000-8000-000000000000",
	                                NULL, "sv", &job, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

static void exec(struct fx *f, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(f->db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static void test_certificates(void **state)
{
	struct fx *f = *state;
	char a[LUP_ID_SIZE], b[LUP_ID_SIZE], c[LUP_ID_SIZE];
	struct doc_job job;
	lup_err err;
	snprintf(a, sizeof a, "%s", person(f, "Cecilia Holm", "HR", "cecilia@example.se"));
	snprintf(b, sizeof b, "%s", person(f, "Adam Ek", NULL, NULL));
	snprintf(c, sizeof c, "%s", person(f, "Bertil Al", NULL, NULL));
	enrol(f, f->cohort, a);
	enrol(f, f->cohort, b);
	enrol(f, f->cohort, c);
	/* UL part 1, three days of 7 hours in one session; a study visit of
	 * 3.5 hours; a follow-up without a block. */
	fx_session(f, f->cohort, "ul", "course_day", "2015-03-10 09:00", "2015-03-12 16:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "follow_up", "2015-05-20 13:00", "2015-05-20 16:00", NULL, NULL);
	fx_session(f, f->cohort, "abw", "study_visit", "2015-04-02 09:00", "2015-04-02 12:30", NULL, NULL);
	fx_session(f, f->cohort, "", "other", "2015-06-01 09:00", "2015-06-01 10:00", NULL, NULL);

	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_CERTIFICATE, f->cohort, NULL, "sv", &job, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_true(contains(err.msg, "nobody has completed Pilot Halland yet"));

	exec(f, "UPDATE enrolment SET status = 'completed', ended_on = '2015-06-10' "
	        "WHERE person_id IN (SELECT id FROM person WHERE name IN ('Cecilia Holm', 'Adam Ek'))");
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_CERTIFICATE, f->cohort, NULL, "sv", &job, &err), 0);
	assert_int_equal(job.data.ncopies, 2);
	assert_string_equal(job.data.copies[0].v[LUP_DK_person], "Adam Ek");
	assert_string_equal(job.data.copies[1].v[LUP_DK_person], "Cecilia Holm");
	assert_string_equal(job.data.copies[1].v[LUP_DK_unit], "HR");
	assert_string_equal(job.data.copies[1].v[LUP_DK_completed], "2015-06-10");
	/* Blocks in the programme's order, those with sessions. */
	assert_int_equal(job.data.nrows, 2);
	assert_string_equal(job.data.rows[0].v[LUP_DK_dates], "2015-03-10 – 2015-05-20");
	assert_string_equal(job.data.rows[0].v[LUP_DK_hours], "24");     /* 3 × 7 + 3 */
	assert_string_equal(job.data.rows[0].v[LUP_DK_sessions], "2");
	assert_string_equal(job.data.rows[1].v[LUP_DK_dates], "2015-04-02");
	assert_string_equal(job.data.rows[1].v[LUP_DK_hours], "3,5");
	assert_string_equal(job.data.rows[1].v[LUP_DK_n], "2");
	assert_string_equal(job.data.doc.v[LUP_DK_hours], "28,5");
	assert_string_equal(job.data.doc.v[LUP_DK_sessions], "4");
	assert_string_equal(job.data.doc.v[LUP_DK_start], "2015-03-10");
	assert_string_equal(job.data.doc.v[LUP_DK_end], "2015-06-01");
	lup_doc_job_clear(&job);
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_CERTIFICATE, f->cohort, NULL, "en", &job, &err), 0);
	assert_string_equal(job.data.doc.v[LUP_DK_hours], "28.5");
	lup_doc_job_clear(&job);

	/* One person: theirs, or why there is none. */
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_CERTIFICATE, f->cohort, a, "sv", &job, &err), 0);
	assert_int_equal(job.data.ncopies, 1);
	lup_doc_job_clear(&job);
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_CERTIFICATE, f->cohort, c, "en", &job, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_true(contains(err.msg, "Bertil Al has not completed Pilot Halland"));
	snprintf(c, sizeof c, "%s", person(f, "Dora Ute", NULL, NULL));
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_CERTIFICATE, f->cohort, c, "en", &job, &err), -1);
	assert_true(contains(err.msg, "Dora Ute is not in Pilot Halland"));
}

static void test_placement(void **state)
{
	struct fx *f = *state;
	const char *who = person(f, "Sara Löfgren", "Fritidsgårdar", "sara@example.se");
	char host[LUP_ID_SIZE], p[LUP_ID_SIZE], cancelled[LUP_ID_SIZE];
	struct doc_job job;
	lup_err err;
	snprintf(host, sizeof host, "%s", fx_host(f, "Tallinna Linnavalitsus", "Tallinn"));
	exec(f, "UPDATE host_org SET country = 'EE', contact_name = 'Kadri Tamm'");
	snprintf(p, sizeof p, "%s", fx_placement(f, who, host, "2016-06-06", "2016-06-10", "agreed"));
	snprintf(cancelled, sizeof cancelled, "%s", fx_placement(f, who, host, "2017-06-06", "2017-06-10", "cancelled"));
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_AGREEMENT, p, NULL, "sv", &job, &err), 0);
	assert_string_equal(job.data.doc.v[LUP_DK_country], "Estland");
	assert_string_equal(job.data.doc.v[LUP_DK_days], "5");
	assert_string_equal(job.data.doc.v[LUP_DK_person], "Sara Löfgren");
	assert_string_equal(job.data.doc.v[LUP_DK_contact], "Kadri Tamm");
	assert_string_equal(job.data.doc.v[LUP_DK_objectives], "Lära");
	assert_string_equal(job.data.doc.v[LUP_DK_sending], "Kungsbacka");
	lup_doc_job_clear(&job);
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_ATTENDANCE, p, NULL, "en", &job, &err), 0);
	assert_string_equal(job.data.doc.v[LUP_DK_country], "Estonia");
	lup_doc_job_clear(&job);
	assert_int_equal(lup_doc_gather(f->db, f->cfg, LUP_DOC_AGREEMENT, cancelled, NULL, "en", &job, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_true(contains(err.msg, "cancelled"));

	/* A person's one live placement stands for it; an id prefix too. */
	{
		char id[LUP_ID_SIZE], prefix[9];
		assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_AGREEMENT, "sara@example.se", id, &err), 0);
		assert_string_equal(id, p);
		snprintf(prefix, sizeof prefix, "%.8s", p);
		assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_ATTENDANCE, prefix, id, &err), 0);
		assert_string_equal(id, p);
		fx_placement(f, who, host, "2018-06-06", "2018-06-10", "proposed");
		assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_AGREEMENT, "sara@example.se", id, &err), -1);
		assert_int_equal(err.code, LUP_EAMBIG);
		assert_true(contains(err.msg, "several placements"));
	}
}

static void test_resolve_session(void **state)
{
	struct fx *f = *state;
	char id[LUP_ID_SIZE], s1[LUP_ID_SIZE];
	lup_err err;
	snprintf(s1, sizeof s1, "%s", fx_session(f, f->cohort, "ul", "course_day", "2015-03-10 09:00",
	         "2015-03-10 12:00", NULL, NULL));
	fx_session(f, f->cohort, "ul", "course_day", "2015-03-11 09:00", "2015-03-11 12:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2015-03-11 13:00", "2015-03-11 16:00", NULL, NULL);
	assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_SHEET, "Pilot Halland@2015-03-10", id, &err), 0);
	assert_string_equal(id, s1);
	assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_SHEET, "Pilot Halland@2015-03-11", id, &err), -1);
	assert_int_equal(err.code, LUP_EAMBIG);
	assert_true(contains(err.msg, "several sessions on 2015-03-11"));
	assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_SHEET, "Pilot Halland@2015-03-11 13:00", id, &err), 0);
	assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_SHEET, "Pilot Halland@2015-03-12", id, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_SHEET, "Pilot Halland@igår", id, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(lup_doc_resolve(f->db, LUP_DOC_PARTICIPANTS, "Pilot Halland", id, &err), 0);
	assert_string_equal(id, f->cohort);
}

/* ---- where documents go ---- */

static void test_folder_and_print(void **state)
{
	struct fx *f = *state;
	char dir[400], cfgdir[400], path[600], want[700], session[LUP_ID_SIZE];
	struct lup_doc_result res;
	struct lup_doc_opts o = { "sv", NULL, NULL };
	struct stat sb;
	FILE *fp;
	lup_err err;

	enrol(f, f->cohort, person(f, "Åsa Öberg", "Ekonomi", NULL));
	snprintf(session, sizeof session, "%s", fx_session(f, f->cohort, "ul", "course_day",
	         "2015-03-10 09:00", "2015-03-10 16:00", NULL, NULL));
	snprintf(dir, sizeof dir, "%s/Dokument", f->dir);
	snprintf(cfgdir, sizeof cfgdir, "%s/config", f->dir);
	assert_int_equal(mkdir(cfgdir, 0700), 0);
	snprintf(path, sizeof path, "%s/user-dirs.dirs", cfgdir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivbord\"\n"
	            "XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n");
	fclose(fp);
	setenv("HOME", f->dir, 1);
	setenv("XDG_CONFIG_HOME", cfgdir, 1);
	unsetenv("XDG_DOCUMENTS_DIR");
	lup_doc_folder(f->cfg, path, sizeof path);
	assert_string_equal(path, dir);

	/* The folder is made; the file is named by the template. */
	assert_int_equal(lup_doc_print(f->db, f->cfg, LUP_DOC_SHEET, session, &o, &res, &err), 0);
	snprintf(want, sizeof want, "%s/narvarolista-2015-03-10-pilot-halland.pdf", dir);
	assert_string_equal(res.path, want);
	assert_int_equal(stat(want, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(res.stats.pages, 1);
	assert_true(contains(res.template_path, "sheet.sv.txt"));
	unlink(want);

	/* The environment's folder comes before user-dirs.dirs. */
	setenv("XDG_DOCUMENTS_DIR", cfgdir, 1);
	lup_doc_folder(f->cfg, path, sizeof path);
	assert_string_equal(path, cfgdir);
	unsetenv("XDG_DOCUMENTS_DIR");
	unlink(path);
	snprintf(path, sizeof path, "%s/user-dirs.dirs", cfgdir);
	unlink(path);
	lup_doc_folder(f->cfg, path, sizeof path);
	snprintf(want, sizeof want, "%s/Documents", f->dir);
	assert_string_equal(path, want);

	/* An explicit language without a template is refused; a locale's
	 * falls back to English. */
	o.lang = "de";
	assert_int_equal(lup_doc_print(f->db, f->cfg, LUP_DOC_SHEET, session, &o, &res, &err), -1);
	assert_true(contains(err.msg, "no sign-in sheet template in 'de'"));
	o.lang = "../x";
	assert_int_equal(lup_doc_print(f->db, f->cfg, LUP_DOC_SHEET, session, &o, &res, &err), -1);
	assert_true(contains(err.msg, "is not a language code"));
	rmdir(dir);
	rmdir(cfgdir);
	unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_shipped_templates),
		cmocka_unit_test(test_template_errors),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_filename),
		cmocka_unit_test(test_render_hostile),
		cmocka_unit_test(test_render_empty_and_cut),
		cmocka_unit_test(test_render_many),
		cmocka_unit_test_setup_teardown(test_sheet, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_certificates, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_placement, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_session, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_folder_and_print, fx_setup, fx_teardown),
	};
	/* A warning from glib, pango or cairo is a failure here. */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
