/* test_keys.c — key names as written in [keys] and key scripts. */
#include "helpers.h"
#include <locale.h>
#include "tui/actions.h"

static void test_good_names(void **state)
{
	static const struct { const char *name; tui_key key; } good[] = {
		{ "q", 'q' }, { "Q", 'Q' }, { "/", '/' }, { "^", '^' }, { "?", '?' }, { "1", '1' },
		{ "å", 0xe5 }, { "Ö", 0xd6 }, { "€", 0x20ac },
		{ "^S", 0x13 }, { "^s", 0x13 }, { "C-s", 0x13 }, { "^L", 0x0c }, { "^A", 1 },
		{ "^H", TUI_KEY_BS }, { "^M", TUI_KEY_ENTER }, { "^I", TUI_KEY_TAB }, { "^[", TUI_KEY_ESC },
		{ "F1", TUI_KEY_F(1) }, { "f2", TUI_KEY_F(2) }, { "F12", TUI_KEY_F(12) },
		{ "Enter", TUI_KEY_ENTER }, { "enter", TUI_KEY_ENTER }, { "Return", TUI_KEY_ENTER },
		{ "Esc", TUI_KEY_ESC }, { "ESCAPE", TUI_KEY_ESC }, { "Tab", TUI_KEY_TAB },
		{ "S-Tab", TUI_KEY_BTAB }, { "s-tab", TUI_KEY_BTAB }, { "Up", TUI_KEY_UP },
		{ "Down", TUI_KEY_DOWN }, { "Left", TUI_KEY_LEFT }, { "Right", TUI_KEY_RIGHT },
		{ "PgUp", TUI_KEY_PGUP }, { "PgDn", TUI_KEY_PGDN }, { "PageDown", TUI_KEY_PGDN },
		{ "Home", TUI_KEY_HOME }, { "End", TUI_KEY_END }, { "Ins", TUI_KEY_INS },
		{ "Del", TUI_KEY_DEL }, { "BS", TUI_KEY_BS }, { "Backspace", TUI_KEY_BS },
		{ "Space", TUI_KEY_SPACE },
	};
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (tui_key_parse(good[i].name) != good[i].key)
			fail_msg("'%s' parsed as %d, not %d", good[i].name, tui_key_parse(good[i].name), good[i].key);
}

static void test_bad_names(void **state)
{
	static const char *const bad[] = {
		"", "qq", "F0", "F13", "F1x", "F99", "^1", "^ ", "C-", "Ctrl-S", "Fnord", "S-",
		"\xff", "\xc3", "e\xcc\x81", "\t", "\x01", "\xe2\x80\x8b" /* zero width */,
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (tui_key_parse(bad[i]) != TUI_KEY_NONE)
			fail_msg("'%s' was taken as a key", bad[i]);
	assert_int_equal(tui_key_parse(NULL), TUI_KEY_NONE);
}

static void test_round_trip(void **state)
{
	static const tui_key keys[] = {
		'q', 'G', '/', 0xe5, 0x13, 0x0c, TUI_KEY_ENTER, TUI_KEY_ESC, TUI_KEY_TAB, TUI_KEY_BTAB,
		TUI_KEY_UP, TUI_KEY_DOWN, TUI_KEY_LEFT, TUI_KEY_RIGHT, TUI_KEY_PGUP, TUI_KEY_PGDN,
		TUI_KEY_HOME, TUI_KEY_END, TUI_KEY_INS, TUI_KEY_DEL, TUI_KEY_BS, TUI_KEY_SPACE,
		TUI_KEY_F(1), TUI_KEY_F(10), TUI_KEY_F(12),
	};
	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char buf[16];
		const char *name = tui_key_name(keys[i], buf);
		if (tui_key_parse(name) != keys[i])
			fail_msg("%d is named '%s', which parses as %d", keys[i], name, tui_key_parse(name));
	}
	{
		char buf[16];
		assert_string_equal(tui_key_name(TUI_KEY_CTRL('S'), buf), "^S");
		assert_string_equal(tui_key_name(TUI_KEY_PGDN, buf), "PgDn");
		assert_string_equal(tui_key_name(0xf6, buf), "ö");
	}
}

static void test_text_keys(void **state)
{
	(void)state;
	assert_true(tui_key_is_text('a'));
	assert_true(tui_key_is_text(' '));
	assert_true(tui_key_is_text(0xc5));
	assert_false(tui_key_is_text(TUI_KEY_ENTER));
	assert_false(tui_key_is_text(TUI_KEY_BS));
	assert_false(tui_key_is_text(0x9b));     /* C1 control */
	assert_false(tui_key_is_text(0xd800));   /* surrogate */
	assert_false(tui_key_is_text(TUI_KEY_UP));
	assert_false(tui_key_is_text(TUI_KEY_NONE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_names),
		cmocka_unit_test(test_bad_names),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_text_keys),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
