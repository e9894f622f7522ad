/* test_config.c — defaults, values, warnings and refusals of lup.ini. */
#include "helpers.h"
#include <math.h>
#include "lup/config.h"

static char dir[64];

static const char *write_ini(const char *name, const char *text)
{
	static char path[128];
	FILE *fp;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static int warnings;
static char last_warning[512];
static void on_warn(void *ud, const char *msg)
{
	(void)ud;
	warnings++;
	snprintf(last_warning, sizeof last_warning, "%s", msg);
}

static void test_defaults(void **state)
{
	lup_config *cfg;
	lup_err err;
	size_t n;
	const struct lup_option *o = lup_config_options(&n);
	(void)state;
	assert_int_equal(lup_config_load(NULL, &cfg, on_warn, NULL, &err), 0);
	assert_int_equal(lup_config_int(cfg, "programme:target"), 300);
	assert_int_equal(lup_config_int(cfg, "shadowing:max_days"), 60);
	assert_int_equal(lup_config_int(cfg, "competence:interval_days"), 180);
	assert_true(fabs(lup_config_real(cfg, "programme:min_attendance") - 0.8) < 1e-9);
	assert_string_equal(lup_config_str(cfg, "ui:theme"), "auto");
	assert_int_equal(lup_config_bool(cfg, "ui:week_numbers"), 1);
	/* Every option documents itself. */
	for (size_t i = 0; i < n; i++) {
		assert_non_null(o[i].help);
		assert_true(strlen(o[i].help) > 10);
	}
	lup_config_free(cfg);
}

static void test_values_and_warnings(void **state)
{
	lup_config *cfg;
	lup_err err;
	const char *p = write_ini("a.ini",
		"; a comment\n[UI]\ntheme = MONO\nweek_numbers = nej\n"
		"[competence]\ninterval_days = 120\nbogus = 1\n"
		"[nosuch]\nx = 1\n"
		"[interval]\nEnhetschef = 90\n"
		"[keys]\nquit = Q ^X\n");
	(void)state;
	warnings = 0;
	assert_int_equal(lup_config_load(p, &cfg, on_warn, NULL, &err), 0);
	assert_string_equal(lup_config_str(cfg, "ui:theme"), "MONO");
	assert_int_equal(lup_config_bool(cfg, "ui:week_numbers"), 0);
	assert_int_equal(lup_config_int(cfg, "competence:interval_days"), 120);
	assert_int_equal(warnings, 2);
	assert_non_null(strstr(last_warning, "nosuch") ? last_warning : NULL);
	assert_string_equal(lup_config_get(cfg, "interval", "enhetschef"), "90");
	assert_string_equal(lup_config_get(cfg, "keys", "quit"), "Q ^X");
	assert_null(lup_config_get(cfg, "keys", "nothing"));
	lup_config_free(cfg);
}

static void test_bad_values(void **state)
{
	static const struct { const char *text, *want; } bad[] = {
		{ "[competence]\ninterval_days = 0\n", "interval_days" },
		{ "[competence]\ninterval_days = 12x\n", "whole number" },
		{ "[programme]\nmin_attendance = 1.5\n", "min_attendance" },
		{ "[ui]\ntheme = rainbow\n", "auto|dark|light|mono|color" },
		{ "[ui]\nweek_numbers = maybe\n", "yes or no" },
		{ "[shadowing]\nhome_lat = 91\n", "home_lat" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		lup_config *cfg = NULL;
		lup_err err;
		const char *p = write_ini("bad.ini", bad[i].text);
		assert_int_equal(lup_config_load(p, &cfg, on_warn, NULL, &err), -1);
		assert_null(cfg);
		assert_int_equal(err.code, LUP_EINVAL);
		assert_non_null(strstr(err.msg, bad[i].want));
		assert_non_null(strstr(err.msg, "bad.ini"));
	}
	{
		lup_config *cfg = NULL;
		lup_err err;
		assert_int_equal(lup_config_load("/nonexistent/lup.ini", &cfg, on_warn, NULL, &err), -1);
		assert_non_null(strstr(err.msg, "/nonexistent/lup.ini"));
	}
}

/* Found by fuzzing: a section named like an option key makes an entry
 * without a value. */
static void test_section_named_like_key(void **state)
{
	lup_config *cfg;
	lup_err err;
	const char *p = write_ini("odd.ini", "[ui]\ntheme = mono\n[ui:theme]\nx = 1\n");
	(void)state;
	if (lup_config_load(p, &cfg, on_warn, NULL, &err) == 0)
		lup_config_free(cfg);
	else
		assert_int_equal(err.code, LUP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_values_and_warnings),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_section_named_like_key),
	};
	int rc;
	char cmd[100];
	snprintf(dir, sizeof dir, "/tmp/lup-unit-XXXXXX");
	assert_non_null(mkdtemp(dir));
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
