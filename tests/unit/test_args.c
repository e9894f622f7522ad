/* Unit tests for the command line's option reader (src/cli/args.c):
 * values in all their spellings, flags, repeated options, words, "-",
 * and each way a command line can be wrong, with the message it gets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "cli/args.c"

/* cli_usage as main.c has it, keeping the message for the tests. */
static char usage_msg[256], usage_cmd[32];
int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	snprintf(usage_cmd, sizeof usage_cmd, "%s", cmd ? cmd : "");
	va_start(ap, fmt);
	vsnprintf(usage_msg, sizeof usage_msg, fmt, ap);
	va_end(ap);
	return LUP_EXIT_USAGE;
}

struct got {
	const char *format, *out, *maps[8], *words[3];
	int excel, dry, nmap;
};

static int run(struct got *g, int argc, char **argv)
{
	const struct cli_opt opts[] = {
		{ "--format", NULL, &g->format, NULL, NULL },
		{ "--output", "-o", &g->out, NULL, NULL },
		{ "--excel", NULL, NULL, &g->excel, NULL },
		{ "--dry-run", "-n", NULL, &g->dry, NULL },
		{ "--map", NULL, g->maps, NULL, &g->nmap },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	memset(g, 0, sizeof *g);
	usage_msg[0] = '\0';
	return cli_args("export", argc, argv, 1, opts, g->words, 3);
}

#define ARGV(...) (sizeof (char *[]){ __VA_ARGS__ } / sizeof (char *)), (char *[]){ __VA_ARGS__ }

static void test_values(void **state)
{
	struct got g;
	(void)state;
	assert_int_equal(run(&g, ARGV("export", "--format", "json", "-o", "a.csv")), 0);
	assert_string_equal(g.format, "json");
	assert_string_equal(g.out, "a.csv");
	assert_int_equal(run(&g, ARGV("export", "--format=csv", "--output=b.csv")), 0);
	assert_string_equal(g.format, "csv");
	assert_string_equal(g.out, "b.csv");
	assert_int_equal(run(&g, ARGV("export", "-oc.csv")), 0);     /* short, joined */
	assert_string_equal(g.out, "c.csv");
	assert_int_equal(run(&g, ARGV("export", "-o", "-")), 0);     /* "-" as a value */
	assert_string_equal(g.out, "-");
	assert_int_equal(run(&g, ARGV("export", "--output=")), 0);   /* empty: the command judges */
	assert_string_equal(g.out, "");
	/* the last one given wins */
	assert_int_equal(run(&g, ARGV("export", "--format", "csv", "--format", "json")), 0);
	assert_string_equal(g.format, "json");
	assert_string_equal(usage_msg, "");
}

static void test_flags_and_lists(void **state)
{
	struct got g;
	(void)state;
	assert_int_equal(run(&g, ARGV("export", "--excel", "-n")), 0);
	assert_int_equal(g.excel, 1);
	assert_int_equal(g.dry, 1);
	assert_int_equal(run(&g, ARGV("export", "--map", "A=name", "--map=B=email")), 0);
	assert_int_equal(g.nmap, 2);
	assert_string_equal(g.maps[0], "A=name");
	assert_string_equal(g.maps[1], "B=email");
	assert_int_equal(g.excel, 0);
}

static void test_words(void **state)
{
	struct got g;
	(void)state;
	assert_int_equal(run(&g, ARGV("export", "one", "--excel", "-", "two")), 3);
	assert_string_equal(g.words[0], "one");
	assert_string_equal(g.words[1], "-");
	assert_string_equal(g.words[2], "two");
	/* more than there is room for: counted, the first kept */
	assert_int_equal(run(&g, ARGV("export", "a", "b", "c", "d", "e")), 5);
	assert_string_equal(g.words[2], "c");
	/* an option's value is not a word */
	assert_int_equal(run(&g, ARGV("export", "-o", "x", "y")), 1);
	assert_string_equal(g.words[0], "y");
}

static void test_wrong(void **state)
{
	struct got g;
	const struct cli_opt none[] = { { NULL, NULL, NULL, NULL, NULL } };
	(void)state;
	assert_int_equal(run(&g, ARGV("export", "--format")), -1);
	assert_string_equal(usage_msg, "--format needs a value");
	assert_string_equal(usage_cmd, "export");
	assert_int_equal(run(&g, ARGV("export", "--bogus")), -1);
	assert_string_equal(usage_msg, "unexpected argument --bogus");
	/* near misses of an option's name are not it */
	assert_int_equal(run(&g, ARGV("export", "--formats", "x")), -1);
	assert_string_equal(usage_msg, "unexpected argument --formats");
	assert_int_equal(run(&g, ARGV("export", "--excel=1")), -1);    /* a flag takes no value */
	assert_string_equal(usage_msg, "unexpected argument --excel=1");
	assert_int_equal(run(&g, ARGV("export", "-nx")), -1);          /* nor joined */
	assert_string_equal(usage_msg, "unexpected argument -nx");
	/* no words wanted */
	usage_msg[0] = '\0';
	assert_int_equal(cli_args("report", ARGV("report", "extra"), 1, none, NULL, 0), -1);
	assert_string_equal(usage_msg, "unexpected argument extra");
	assert_string_equal(usage_cmd, "report");
	assert_int_equal(cli_args("report", ARGV("report"), 1, none, NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_flags_and_lists),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_wrong),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
