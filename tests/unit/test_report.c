/* test_report.c — every figure of the report on the programme fixture,
 * and the three renderings. */
#include <locale.h>
#include <unistd.h>
#include "data_fixture.h"
#include "lup/config.h"
#include "lup/report.h"

static char *render(const struct lup_report *r, enum lup_report_format f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	lup_err err;
	assert_non_null(fp);
	if (lup_report_write(r, f, fp, &err) != 0)
		fail_msg("render: %s", err.msg);
	fclose(fp);
	return buf;
}

static void has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("the report lacks: %s", want);
}

static void test_figures(void **state)
{
	struct tdb t;
	struct lup_report r;
	lup_err err;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	assert_int_equal(lup_report_build(t.db, NULL, "2016-06-01", &r, &err), 0);
	assert_string_equal(r.as_of, "2016-06-01");
	assert_int_equal(r.people, 8);

	assert_int_equal(r.nprogrammes, 1);
	assert_int_equal(r.programmes[0].target, 10);
	assert_int_equal(r.programmes[0].cohorts, 2);
	assert_int_equal(r.programmes[0].enrol.enrolled, 2);
	assert_int_equal(r.programmes[0].enrol.completed, 3);
	assert_int_equal(r.programmes[0].enrol.waitlisted, 1);
	assert_int_equal(r.programmes[0].enrol.withdrawn, 1);

	assert_int_equal(r.ncohorts, 2);
	assert_string_equal(r.cohorts[0].name, "Pilot Halland");
	assert_int_equal(r.cohorts[0].sessions, 5);
	assert_int_equal(r.cohorts[0].sessions_held, 5);
	assert_int_equal(r.cohorts[0].att.present, 10);
	assert_int_equal(r.cohorts[0].att.late, 2);
	assert_int_equal(r.cohorts[0].att.absent, 3);
	assert_int_equal(r.cohorts[0].att.excused, 2);
	assert_float_equal(lup_report_att_rate(&r.cohorts[0].att), 0.8, 1e-9);
	assert_string_equal(r.cohorts[0].status, "done");
	assert_int_equal(r.cohorts[0].runs, 0x3);      /* blocks 1 and 2, not 3 */
	/* Five sessions, two held by the report's day: the rate is over
	 * those two (3 of 4 marks); the marks already made on a session still
	 * to come (present, absent) count nowhere. */
	assert_string_equal(r.cohorts[1].name, "Omgång 1");
	assert_string_equal(r.cohorts[1].status, "running");
	assert_int_equal(r.cohorts[1].sessions, 5);
	assert_int_equal(r.cohorts[1].sessions_held, 2);
	assert_int_equal(r.cohorts[1].att.present, 3);
	assert_int_equal(r.cohorts[1].att.absent, 1);
	assert_float_equal(lup_report_att_rate(&r.cohorts[1].att), 0.75, 1e-9);
	assert_int_equal(r.cohorts[1].runs, 0x3);

	assert_int_equal(r.nblocks, 3);
	assert_string_equal(r.blocks[0].kind, "ul");
	assert_int_equal(r.blocks[0].cohorts, 2);
	assert_int_equal(r.blocks[0].runs, 2);
	assert_int_equal(r.blocks[0].sessions, 8);
	assert_int_equal(r.blocks[0].sessions_held, 6);
	assert_int_equal(r.blocks[0].participants, 5);
	assert_int_equal(r.blocks[0].finished, 3);
	assert_int_equal(r.blocks[0].completed, 2);   /* Anna and Cecilia; Björn attended 2 of 4 */
	assert_int_equal(r.blocks[0].att.present, 11);
	assert_int_equal(r.blocks[0].att.late, 2);
	assert_int_equal(r.blocks[0].att.absent, 4);
	assert_int_equal(r.blocks[1].finished, 3);
	assert_int_equal(r.blocks[1].completed, 2);   /* Cecilia was excused: not attended */
	assert_float_equal(lup_report_att_rate(&r.blocks[1].att), 1.0, 1e-9);
	/* The block no cohort runs: counted for nobody. */
	assert_string_equal(r.blocks[2].kind, "egov");
	assert_int_equal(r.blocks[2].runs, 0);
	assert_int_equal(r.blocks[2].cohorts, 2);
	assert_int_equal(r.blocks[2].participants, 0);
	assert_int_equal(r.blocks[2].finished, 0);
	assert_int_equal(r.blocks[2].completed, 0);

	/* Study visits: Nacka from the register, made; Swedbank typed, to come. */
	assert_int_equal(r.nvisits, 2);
	assert_string_equal(r.visits[0].host, "Nacka kommun");
	assert_int_equal(r.visits[0].registered, 1);
	assert_int_equal(r.visits[0].held, 1);
	assert_int_equal(r.visits[0].cohorts, 1);
	assert_int_equal(r.visits[0].present, 2);     /* Anna, Björn; Cecilia excused */
	assert_int_equal(r.visits[0].planned, 0);
	assert_string_equal(r.visits[1].host, "Swedbank");
	assert_int_equal(r.visits[1].registered, 0);
	assert_int_equal(r.visits[1].held, 0);
	assert_int_equal(r.visits[1].planned, 1);

	assert_int_equal(r.att.present, 13);
	assert_int_equal(r.att.late, 2);
	assert_int_equal(r.att.absent, 4);
	assert_int_equal(r.att.excused, 2);

	assert_int_equal(r.placements_total, 4);
	assert_int_equal(r.placements[0], 1);
	assert_int_equal(r.placements[1], 0);
	assert_int_equal(r.placements[2], 1);
	assert_int_equal(r.placements[3], 1);
	assert_int_equal(r.placements[4], 1);
	assert_int_equal(r.ncountries, 2);
	assert_string_equal(r.countries[0].country, "AT");  /* 2 each: by code */
	assert_string_equal(r.countries[1].country, "DK");
	assert_int_equal(r.countries[1].by_status[3], 1);
	assert_int_equal(r.countries[1].days, 5);

	assert_int_equal(r.nareas, 2);
	assert_string_equal(r.areas[0].code, "1");
	assert_int_equal(r.areas[0].people, 2);
	assert_float_equal(r.areas[0].before, 2.75, 1e-9);
	assert_float_equal(r.areas[0].after, 4.0, 1e-9);
	/* the fixture has one revision: the numbers say it */
	assert_int_equal(r.areas[0].first_rev_min, 1);
	assert_int_equal(r.areas[0].latest_rev_max, 1);
	assert_string_equal(r.areas[1].code, "2");
	assert_int_equal(r.areas[1].people, 1);   /* Björn's latest has no rating there */
	assert_float_equal(r.areas[1].before, 1.0, 1e-9);
	assert_float_equal(r.areas[1].after, 3.0, 1e-9);
	assert_int_equal(r.competence_people, 2);

	assert_int_equal(r.interval_days, 180);
	assert_int_equal(r.checkins_due, 5);
	assert_int_equal(r.checkins_overdue, 2);      /* Anna (2014-09-05), Cecilia (2014-02-22) */
	assert_int_equal(r.checkins_never, 2);        /* Eva, Filip */
	assert_int_equal(r.cohorts[0].checkins_overdue, 2);
	assert_int_equal(r.cohorts[1].checkins_never, 2);
	lup_report_clear(&r);

	/* Earlier, fewer sessions had taken place; the cohorts had another status. */
	assert_int_equal(lup_report_build(t.db, NULL, "2014-03-03", &r, &err), 0);
	assert_int_equal(r.cohorts[0].sessions_held, 1);
	assert_string_equal(r.cohorts[0].status, "running");
	assert_string_equal(r.cohorts[1].status, "open");
	assert_int_equal(r.blocks[0].finished, 0);
	assert_int_equal(r.visits[0].held, 0);
	assert_int_equal(r.visits[0].planned, 1);
	lup_report_clear(&r);
	/* Later, every session was held: the marks made early count now. */
	assert_int_equal(lup_report_build(t.db, NULL, "2016-12-01", &r, &err), 0);
	assert_string_equal(r.cohorts[1].status, "done");
	assert_int_equal(r.cohorts[1].sessions_held, 5);
	assert_int_equal(r.cohorts[1].att.present, 4);
	assert_int_equal(r.cohorts[1].att.absent, 2);
	lup_report_clear(&r);
	assert_int_equal(lup_report_build(t.db, NULL, "2016-13-01", &r, &err), -1);
	tdb_close(&t);
}

static void test_role_interval(void **state)
{
	struct tdb t;
	struct lup_report r;
	lup_config *cfg;
	lup_err err;
	char path[160];
	FILE *fp;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	snprintf(path, sizeof path, "%s/lup.ini", t.dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("[competence]\ninterval_days = 100\n[interval]\nFÖRSKOLECHEF = 1000\n", fp);
	fclose(fp);
	if (lup_config_load(path, &cfg, NULL, NULL, &err) != 0)
		fail_msg("config: %s", err.msg);
	assert_int_equal(lup_report_build(t.db, cfg, "2016-06-01", &r, &err), 0);
	/* Cecilia is a förskolechef: 830 days is within her 1000; Anna
	 * (635 days) and now Björn too (143 days) are past 100. */
	assert_int_equal(r.interval_days, 100);
	assert_int_equal(r.checkins_overdue, 2);
	assert_int_equal(r.cohorts[0].checkins_overdue, 2);
	lup_report_clear(&r);
	lup_config_free(cfg);
	tdb_close(&t);
}

static void test_renderings(void **state)
{
	struct tdb t;
	struct lup_report r;
	lup_err err;
	char *txt, *md, *html;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	assert_int_equal(sqlite3_exec(t.db->h,
		"INSERT INTO cohort (id, programme_id, name, capacity) VALUES "
		"('c0000000-0000-4000-8000-0000000000ff', 'b0000000-0000-4000-8000-000000000001', "
		"'<b>R&D</b> | \"x\"', 5)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(lup_report_build(t.db, NULL, "2016-06-01", &r, &err), 0);

	txt = render(&r, LUP_REPORT_TEXT);
	has(txt, "Reached (enrolled or completed)       5     50.0 %");
	has(txt, "Completed                             3     30.0 %");
	has(txt, "Pilot Halland");
	has(txt, "80.0 %");
	has(txt, "78.9 %");   /* 15 of 19 */
	has(txt, "1 Information and data literacy         2   2.75    4.00   +1.25");
	has(txt, "Of 5 participants, 2 are overdue");
	/* Countries by name, in the report's language. */
	has(txt, "Denmark    2         0       0          1          1          0               5");
	has(txt, "running  2016-05-01  2016-09-30  2 of 3: 1, 2      2         2          0        1          0            2/5      75.0 %");
	has(txt, "<b>R&D</b> | \"x\"  planned                          none              5");
	has(txt, "3 E-förvaltning                                0/3            0/0           –             0               0                    0       –");
	has(txt, "Nacka kommun                              1        1                2              0");
	has(txt, "Swedbank (not in the register)            0        0                0              1");

	md = render(&r, LUP_REPORT_MD);
	has(md, "# Programme progress");
	has(md, "| Pilot Halland | done | 2014-03-01 | 2014-06-30 | 2 of 3: 1, 2 | 4 | 0 | 3 | 0 | 1 | 5/5 | 80.0 % |");
	has(md, "## Study visits made");
	has(md, "| Nacka kommun | 1 | 1 | 2 | 0 |");
	has(md, "| --- | --- | --- | --- | ---: |");
	has(md, "\\<b\\>R&D\\</b\\> \\| \"x\"");

	html = render(&r, LUP_REPORT_HTML);
	has(html, "<!DOCTYPE html>");
	has(html, "<meta charset=\"utf-8\">");
	has(html, "@media print");
	has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	/* A4 when printed; a date never broken at its hyphens, a percent
	 * sign never parted from its number. */
	has(html, "@page{size:A4");
	has(html, "<td><span class=\"nw\">2014-03-01</span></td>");
	has(html, "<td class=\"n\">78.9&nbsp;%</td>");
	has(html, "<td>Denmark</td>");
	has(html, "<td>Omgång 1</td><td>running</td><td><span class=\"nw\">2016-05-01</span></td><td><span class=\"nw\">2016-09-30</span></td><td>2 of 3: 1, 2</td>");
	has(html, "<td>Swedbank (not in the register)</td><td class=\"n\">0</td>");
	has(html, "&lt;b&gt;R&amp;D&lt;/b&gt; | &quot;x&quot;");
	assert_null(strstr(html, "<b>R&D"));
	/* Self-contained: no scripts, nothing fetched from elsewhere. */
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	{
		/* the only URL is the SVG namespace */
		const char *p = html;
		while ((p = strstr(p, "http")))
			assert_int_equal(strncmp(p++, "http://www.w3.org/2000/svg", 26), 0);
	}
	free(txt);
	free(md);
	free(html);
	lup_report_clear(&r);
	tdb_close(&t);
}

/* The figures taken a row at a time are the figures made at once; a
 * gathering stopped halfway frees what it holds. */
static void test_steps(void **state)
{
	struct tdb t;
	struct lup_report r, whole;
	lup_report_gather *g;
	lup_err err;
	char *a, *b;
	double progress = -1, before = 0;
	int rc, steps = 0;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	assert_int_equal(lup_report_build(t.db, NULL, "2016-06-01", &whole, &err), 0);
	assert_int_equal(lup_report_gather_begin(t.db, NULL, "2016-06-01", &g, &err), 0);
	while ((rc = lup_report_gather_step(g, 0, &progress, &err)) == 0) {
		assert_true(progress >= before && progress < 1.0);
		before = progress;
		steps++;
	}
	assert_int_equal(rc, 1);
	assert_true(steps > 30);
	assert_true(progress == 1.0);
	lup_report_gather_take(g, &r);
	lup_report_gather_free(g);
	a = render(&whole, LUP_REPORT_TEXT);
	b = render(&r, LUP_REPORT_TEXT);
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = render(&whole, LUP_REPORT_HTML);
	b = render(&r, LUP_REPORT_HTML);
	assert_string_equal(a, b);
	free(a);
	free(b);
	lup_report_clear(&r);
	lup_report_clear(&whole);
	/* stopped in the middle */
	for (int stop = 1; stop < steps; stop += 7) {
		assert_int_equal(lup_report_gather_begin(t.db, NULL, "2016-06-01", &g, &err), 0);
		for (int i = 0; i < stop; i++)
			assert_int_equal(lup_report_gather_step(g, 0, NULL, &err), 0);
		lup_report_gather_free(g);
	}
	assert_int_equal(lup_report_gather_begin(t.db, NULL, "2016-13-01", &g, &err), -1);
	assert_null(g);
	tdb_close(&t);
}

static void test_empty(void **state)
{
	struct tdb t;
	struct lup_report r;
	lup_err err;
	char *txt;
	(void)state;
	tdb_open(&t);
	assert_int_equal(lup_report_build(t.db, NULL, NULL, &r, &err), 0);
	assert_int_equal(r.nprogrammes, 0);
	assert_int_equal(r.default_target, 300);
	txt = render(&r, LUP_REPORT_TEXT);
	has(txt, "No programme yet (the target is 300).");
	has(txt, "No placements yet.");
	free(txt);
	free(render(&r, LUP_REPORT_HTML));
	lup_report_clear(&r);
	tdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_role_interval),
		cmocka_unit_test(test_renderings),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_empty),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
