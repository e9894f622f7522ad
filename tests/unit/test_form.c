/* test_form.c — the form widget's editing and values, without a terminal:
 * every field type, the clean/changed state, errors at their field. */
#include "helpers.h"
#include <locale.h>
#include "lup/cal.h"
#include "lup/lineedit.h"
#include "lup/util.h"
#include "tui/form.h"

static const struct tui_choice statuses[] = {
	{ "proposed", "Proposed" }, { "agreed", "Agreed" }, { "confirmed", "Confirmed" },
};

static int searches;
static int fake_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                       lup_err *err)
{
	static const char *const names[] = { "Östberg, Anna", "Ostman, Per", "Lind, Eva" };
	int n = 0;
	(void)app; (void)err;
	assert_ptr_equal(ud, &searches);
	searches++;
	for (int i = 0; i < 3 && n < max; i++) {
		char *a = lup_fold(names[i]), *b = lup_fold(text);
		if (strstr(a, b)) {
			snprintf(out[n].id, sizeof out[n].id, "id-%d", i);
			snprintf(out[n].label, sizeof out[n].label, "%s", names[i]);
			n++;
		}
		free(a);
		free(b);
	}
	return n;
}

static const struct tui_field_def defs[] = {
	{ "name", "Name", TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 20, 0, 0, NULL, 0, NULL, NULL },
	{ "notes", "Notes", TUI_FIELD_LINES, 0, 0, 0, 3, NULL, 0, NULL, NULL },
	{ "start", "Start", TUI_FIELD_DATE, 0, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "at", "At", TUI_FIELD_TIME, 0, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "status", "Status", TUI_FIELD_CHOICE, 0, 0, 0, 0, statuses, 3, NULL, NULL },
	{ "host", "Host", TUI_FIELD_REF, 0, 0, 0, 0, NULL, 0, fake_search, NULL },
	{ "paid", "Paid", TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "id", "Id", TUI_FIELD_TEXT, TUI_FIELD_READONLY, 0, 0, 0, NULL, 0, NULL, NULL },
};
#define N ((int)(sizeof defs / sizeof defs[0]))

static void typestr(struct tui_form *f, const char *s)
{
	while (*s) {
		uint32_t cp;
		size_t k = lup_utf8_decode(s, strlen(s), &cp);
		assert_true(k > 0);
		assert_false(tui_form_key(f, NULL, (tui_key)cp) & TUI_UNHANDLED);
		s += k;
	}
}

static void go(struct tui_form *f, const char *name)
{
	for (int i = 0; i < N && strcmp(tui_form_focused(f), name) != 0; i++)
		tui_form_action(f, NULL, TUI_A_NEXT_FIELD);
	assert_string_equal(tui_form_focused(f), name);
}

static void test_text(void **state)
{
	struct tui_form *f = tui_form_new(defs, N, &searches);
	(void)state;
	assert_string_equal(tui_form_focused(f), "name");
	assert_false(tui_form_changed(f));
	typestr(f, "Åsa Öberg");
	assert_string_equal(tui_form_get(f, "name"), "Åsa Öberg");
	assert_true(tui_form_changed(f));
	tui_form_key(f, NULL, TUI_KEY_CTRL('W'));
	assert_string_equal(tui_form_get(f, "name"), "Åsa ");
	tui_form_key(f, NULL, TUI_KEY_BS);
	tui_form_key(f, NULL, TUI_KEY_HOME);
	typestr(f, ">");
	assert_string_equal(tui_form_get(f, "name"), ">Åsa");
	/* maxlen 20 bytes */
	typestr(f, "0123456789012345");
	assert_true(strlen(tui_form_get(f, "name")) <= 20);
	/* keys a text field does not take go on to the action table */
	assert_true(tui_form_key(f, NULL, TUI_KEY_TAB) & TUI_UNHANDLED);
	assert_true(tui_form_key(f, NULL, TUI_KEY_CTRL('S')) & TUI_UNHANDLED);
	assert_true(tui_form_key(f, NULL, TUI_KEY_ESC) & TUI_UNHANDLED);
	tui_form_mark_clean(f);
	assert_false(tui_form_changed(f));
	tui_form_free(f);
}

static void test_lines(void **state)
{
	struct tui_form *f = tui_form_new(defs, N, &searches);
	(void)state;
	go(f, "notes");
	typestr(f, "one");
	tui_form_key(f, NULL, TUI_KEY_ENTER);
	typestr(f, "two");
	tui_form_key(f, NULL, TUI_KEY_ENTER);
	typestr(f, "three");
	assert_string_equal(tui_form_get(f, "notes"), "one\ntwo\nthree");
	/* BS at the start of a line joins it to the one above */
	tui_form_key(f, NULL, TUI_KEY_HOME);
	tui_form_key(f, NULL, TUI_KEY_BS);
	assert_string_equal(tui_form_get(f, "notes"), "one\ntwothree");
	/* up and down move between lines, and off the edge to the next field */
	assert_false(tui_form_key(f, NULL, TUI_KEY_UP) & TUI_UNHANDLED);
	assert_true(tui_form_key(f, NULL, TUI_KEY_UP) & TUI_UNHANDLED);
	tui_form_key(f, NULL, TUI_KEY_END);
	tui_form_key(f, NULL, TUI_KEY_DEL);   /* joins the next line */
	assert_string_equal(tui_form_get(f, "notes"), "onetwothree");
	tui_form_set(f, "notes", "a\nb\n\nc");
	assert_string_equal(tui_form_get(f, "notes"), "a\nb\n\nc");
	tui_form_free(f);
}

static void test_date_time(void **state)
{
	struct tui_form *f = tui_form_new(defs, N, &searches);
	char want[11];
	(void)state;
	lup_date_format(lup_date_add(lup_date_today(), 7), want);
	go(f, "start");
	typestr(f, "+7");
	assert_string_equal(tui_form_get(f, "start"), want);
	tui_form_action(f, NULL, TUI_A_NEXT_FIELD);   /* leaving writes the date out */
	tui_form_action(f, NULL, TUI_A_PREV_FIELD);
	assert_string_equal(tui_form_get(f, "start"), want);
	tui_form_key(f, NULL, TUI_KEY_CTRL('U'));
	typestr(f, "2014-02-30");
	assert_int_equal(tui_form_check(f), -1);
	assert_string_equal(tui_form_focused(f), "start");
	tui_form_key(f, NULL, TUI_KEY_CTRL('U'));
	typestr(f, "idag");
	assert_int_equal(tui_form_check(f), 0);
	go(f, "at");
	typestr(f, "9.30");
	assert_string_equal(tui_form_get(f, "at"), "09:30");
	tui_form_key(f, NULL, TUI_KEY_BS);
	typestr(f, "x");
	assert_int_equal(tui_form_check(f), -1);
	assert_string_equal(tui_form_focused(f), "at");
	tui_form_free(f);
}

static void test_choices(void **state)
{
	struct tui_form *f = tui_form_new(defs, N, &searches);
	(void)state;
	assert_string_equal(tui_form_get(f, "status"), "proposed");
	assert_string_equal(tui_form_get(f, "paid"), "0");   /* yes/no starts at No */
	go(f, "status");
	assert_true(tui_form_contexts(f) & TUI_CTXBIT(TUI_CTX_CHOICE));
	tui_form_action(f, NULL, TUI_A_CHOICE_NEXT);
	assert_string_equal(tui_form_get(f, "status"), "agreed");
	tui_form_action(f, NULL, TUI_A_CHOICE_PREV);
	tui_form_action(f, NULL, TUI_A_CHOICE_PREV);
	assert_string_equal(tui_form_get(f, "status"), "confirmed");
	typestr(f, "a");   /* a letter picks the choice it starts */
	assert_string_equal(tui_form_get(f, "status"), "agreed");
	assert_true(tui_form_key(f, NULL, 'z') & TUI_UNHANDLED);
	tui_form_set(f, "status", "proposed");
	assert_string_equal(tui_form_get(f, "status"), "proposed");
	go(f, "paid");
	typestr(f, "j");   /* ja */
	assert_true(tui_form_bool(f, "paid"));
	typestr(f, "n");
	assert_false(tui_form_bool(f, "paid"));
	tui_form_action(f, NULL, TUI_A_CHOICE_NEXT);
	assert_true(tui_form_bool(f, "paid"));
	/* the read-only field is skipped */
	tui_form_action(f, NULL, TUI_A_NEXT_FIELD);
	assert_string_equal(tui_form_focused(f), "name");
	tui_form_free(f);
}

static void test_reference(void **state)
{
	struct tui_form *f = tui_form_new(defs, N, &searches);
	(void)state;
	tui_form_set_ref(f, "host", "id-2", "Lind, Eva");
	tui_form_mark_clean(f);
	go(f, "host");
	searches = 0;
	typestr(f, "ost");
	assert_int_equal(searches, 3);
	tui_form_key(f, NULL, TUI_KEY_DOWN);
	tui_form_key(f, NULL, TUI_KEY_ENTER);
	assert_string_equal(tui_form_get(f, "host"), "id-1");
	assert_true(tui_form_changed(f));
	/* Esc while searching keeps the value */
	typestr(f, "lind");
	assert_false(tui_form_key(f, NULL, TUI_KEY_ESC) & TUI_UNHANDLED);
	assert_string_equal(tui_form_get(f, "host"), "id-1");
	/* BS clears it */
	tui_form_key(f, NULL, TUI_KEY_BS);
	assert_string_equal(tui_form_get(f, "host"), "");
	tui_form_free(f);
}

static void test_errors(void **state)
{
	struct tui_form *f = tui_form_new(defs, N, &searches);
	lup_err err;
	(void)state;
	lup_err_clear(&err);
	lup_err_field(&err, "host", "no such host");
	assert_int_equal(tui_form_show_error(f, &err), 1);
	assert_string_equal(tui_form_focused(f), "host");
	lup_err_field(&err, "elsewhere", "not here");
	assert_int_equal(tui_form_show_error(f, &err), 0);
	lup_err_set(&err, LUP_EFAIL, "disk full");
	assert_int_equal(tui_form_show_error(f, &err), 0);
	tui_form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_date_time),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_errors),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
