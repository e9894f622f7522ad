/* test_actions.c — the action table: complete rows, no key bound twice
 * where it would be ambiguous, rebinding and [keys] from lup.ini. */
#include "helpers.h"
#include <ctype.h>
#include <locale.h>
#include <unistd.h>
#include "lup/config.h"
#include "lup/i18n.h"
#include "tui/actions.h"

static void test_every_action_has_a_row(void **state)
{
	(void)state;
	tui_keys_defaults();
	for (int a = 0; a < TUI_A_COUNT; a++) {
		const struct tui_action_info *ai = tui_action_info((enum tui_action)a);
		tui_key k[TUI_MAX_KEYS];
		assert_non_null(ai);
		if (!ai->name || !ai->help || !*ai->help)
			fail_msg("action %d has no name or no help", a);
		assert_true(ai->ctx >= 0 && ai->ctx < TUI_CTX_COUNT);
		for (const char *p = ai->name; *p; p++)
			if (!islower((unsigned char)*p) && *p != '-' && !isdigit((unsigned char)*p))
				fail_msg("action name '%s' is not lower-case words joined by '-'", ai->name);
		/* the default keys all parse */
		if (tui_action_keys((enum tui_action)a, k) == 0)
			fail_msg("action %s has no default key that parses", ai->name);
		assert_int_equal(tui_action_by_name(ai->name), a);
	}
	assert_int_equal(tui_action_by_name("no-such-action"), TUI_A_NONE);
	for (int c = 0; c < TUI_CTX_COUNT; c++)
		assert_true(*tui_ctx_title((enum tui_ctx)c));
}

static void test_names_unique(void **state)
{
	(void)state;
	for (int a = 0; a < TUI_A_COUNT; a++)
		for (int b = a + 1; b < TUI_A_COUNT; b++)
			if (strcmp(tui_action_info((enum tui_action)a)->name,
			           tui_action_info((enum tui_action)b)->name) == 0)
				fail_msg("two actions are called %s", tui_action_info((enum tui_action)a)->name);
}

/* No key may mean two things among contexts active together. */
static void check_no_clash(tui_ctxmask mask)
{
	for (int a = 0; a < TUI_A_COUNT; a++) {
		tui_key ka[TUI_MAX_KEYS];
		int na;
		if (!(mask & TUI_CTXBIT(tui_action_info((enum tui_action)a)->ctx)))
			continue;
		na = tui_action_keys((enum tui_action)a, ka);
		for (int b = a + 1; b < TUI_A_COUNT; b++) {
			tui_key kb[TUI_MAX_KEYS];
			int nb;
			if (!(mask & TUI_CTXBIT(tui_action_info((enum tui_action)b)->ctx)))
				continue;
			nb = tui_action_keys((enum tui_action)b, kb);
			for (int i = 0; i < na; i++)
				for (int j = 0; j < nb; j++)
					if (ka[i] == kb[j]) {
						char buf[16];
						fail_msg("key %s is bound to both %s and %s", tui_key_name(ka[i], buf),
						         tui_action_info((enum tui_action)a)->name,
						         tui_action_info((enum tui_action)b)->name);
					}
		}
	}
}

static void test_no_duplicate_keys(void **state)
{
	(void)state;
	tui_keys_defaults();
	/* within each context */
	for (int c = 0; c < TUI_CTX_COUNT; c++)
		check_no_clash(TUI_CTXBIT(c));
	/* and among the contexts screens use together */
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
	               TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD));
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_FORM) | TUI_CTXBIT(TUI_CTX_CHOICE));
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_DIALOG));
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_DIALOG) | TUI_CTXBIT(TUI_CTX_CHANGED));
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_HELP));
	/* the Shadowing section: the network, the pipeline, a placement, a pick list */
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
	               TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_VIEWS) |
	               TUI_CTXBIT(TUI_CTX_HOSTS) | TUI_CTXBIT(TUI_CTX_PLACEMENTS));
	check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_PICKER));
	/* the Competence section's views, a person's check-ins */
	{
		tui_ctxmask base = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
		                TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_VIEWS);
		check_no_clash(base | TUI_CTXBIT(TUI_CTX_DUE));
		check_no_clash(base | TUI_CTXBIT(TUI_CTX_HEATMAP));
		check_no_clash(base | TUI_CTXBIT(TUI_CTX_FRAMEWORKS));
		check_no_clash(base | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_ROUNDS));
		check_no_clash(TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
		               TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_CHECKINS));
	}
}

static void test_design_defaults(void **state)
{
	tui_ctxmask list = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
	                TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD);
	tui_ctxmask form = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_FORM) | TUI_CTXBIT(TUI_CTX_CHOICE);
	(void)state;
	tui_keys_defaults();
	assert_int_equal(tui_action_for('j', list), TUI_A_DOWN);
	assert_int_equal(tui_action_for(TUI_KEY_DOWN, list), TUI_A_DOWN);
	assert_int_equal(tui_action_for('k', list), TUI_A_UP);
	assert_int_equal(tui_action_for('g', list), TUI_A_TOP);
	assert_int_equal(tui_action_for('G', list), TUI_A_BOTTOM);
	assert_int_equal(tui_action_for(TUI_KEY_PGDN, list), TUI_A_PAGE_DOWN);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, list), TUI_A_OPEN);
	assert_int_equal(tui_action_for('a', list), TUI_A_ADD);
	assert_int_equal(tui_action_for('e', list), TUI_A_EDIT);
	assert_int_equal(tui_action_for('d', list), TUI_A_DELETE);
	assert_int_equal(tui_action_for('/', list), TUI_A_FILTER);
	assert_int_equal(tui_action_for('s', list), TUI_A_SORT);
	assert_int_equal(tui_action_for('?', list), TUI_A_HELP);
	assert_int_equal(tui_action_for(TUI_KEY_F(1), list), TUI_A_HELP);
	assert_int_equal(tui_action_for('q', list), TUI_A_QUIT);
	assert_int_equal(tui_action_for(TUI_KEY_ESC, list), TUI_A_BACK);
	assert_int_equal(tui_action_for(TUI_KEY_CTRL('L'), list), TUI_A_REDRAW);
	for (int i = 0; i < 5; i++)
		assert_int_equal(tui_action_for('1' + i, list), TUI_A_SECTION1 + i);
	assert_int_equal(tui_action_for(TUI_KEY_TAB, list), TUI_A_NEXT_SECTION);
	assert_int_equal(tui_action_for(TUI_KEY_BTAB, list), TUI_A_PREV_SECTION);
	/* forms: the same keys mean other things */
	assert_int_equal(tui_action_for(TUI_KEY_TAB, form), TUI_A_NEXT_FIELD);
	assert_int_equal(tui_action_for(TUI_KEY_DOWN, form), TUI_A_NEXT_FIELD);
	assert_int_equal(tui_action_for(TUI_KEY_BTAB, form), TUI_A_PREV_FIELD);
	assert_int_equal(tui_action_for(TUI_KEY_UP, form), TUI_A_PREV_FIELD);
	assert_int_equal(tui_action_for(TUI_KEY_CTRL('S'), form), TUI_A_SAVE);
	assert_int_equal(tui_action_for(TUI_KEY_F(2), form), TUI_A_SAVE);
	assert_int_equal(tui_action_for(TUI_KEY_ESC, form), TUI_A_CANCEL);
	assert_int_equal(tui_action_for(TUI_KEY_SPACE, form), TUI_A_CHOICE_NEXT);
	assert_int_equal(tui_action_for(TUI_KEY_LEFT, form), TUI_A_CHOICE_PREV);
	assert_int_equal(tui_action_for('q', form), TUI_A_NONE);
	/* questions: y, and j for "ja" */
	assert_int_equal(tui_action_for('y', TUI_CTXBIT(TUI_CTX_DIALOG)), TUI_A_YES);
	assert_int_equal(tui_action_for('j', TUI_CTXBIT(TUI_CTX_DIALOG)), TUI_A_YES);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, TUI_CTXBIT(TUI_CTX_DIALOG)), TUI_A_PRESS);
	/* changed elsewhere: Esc is the safe answer, never a letter alone */
	{
		tui_ctxmask ch = TUI_CTXBIT(TUI_CTX_DIALOG) | TUI_CTXBIT(TUI_CTX_CHANGED);
		assert_int_equal(tui_action_for('k', ch), TUI_A_KEEP_MINE);
		assert_int_equal(tui_action_for('t', ch), TUI_A_TAKE_THEIRS);
		assert_int_equal(tui_action_for('l', ch), TUI_A_LOOK_AGAIN);
		assert_int_equal(tui_action_for('s', ch), TUI_A_SAVE_AS_NEW);
		assert_int_equal(tui_action_for('d', ch), TUI_A_DROP_EDIT);
		assert_int_equal(tui_action_for(TUI_KEY_ESC, ch), TUI_A_NO);
	}
	/* the Shadowing section */
	{
		tui_ctxmask sh = list | TUI_CTXBIT(TUI_CTX_VIEWS) | TUI_CTXBIT(TUI_CTX_HOSTS) |
		              TUI_CTXBIT(TUI_CTX_PLACEMENTS);
		tui_ctxmask pick = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_PICKER);
		assert_int_equal(tui_action_for('v', sh), TUI_A_VIEW_NEXT);
		assert_int_equal(tui_action_for('V', sh), TUI_A_VIEW_PREV);
		assert_int_equal(tui_action_for('c', sh), TUI_A_FILTER_COUNTRY);
		assert_int_equal(tui_action_for('N', sh), TUI_A_FILTER_NETWORK);
		assert_int_equal(tui_action_for('n', sh), TUI_A_NONE);
		assert_int_equal(tui_action_for('>', sh), TUI_A_ADVANCE);
		assert_int_equal(tui_action_for('x', sh), TUI_A_CANCEL_PLACEMENT);
		assert_int_equal(tui_action_for('l', sh), TUI_A_LOG_ADD);
		assert_int_equal(tui_action_for(TUI_KEY_ENTER, sh), TUI_A_OPEN);
		assert_int_equal(tui_action_for(TUI_KEY_ENTER, pick), TUI_A_PICK);
		assert_int_equal(tui_action_for(TUI_KEY_ESC, pick), TUI_A_PICK_CLOSE);
		assert_int_equal(tui_action_for(TUI_KEY_DOWN, pick), TUI_A_DOWN);
	}
	/* a more specific context wins */
	assert_int_equal(tui_action_for(TUI_KEY_ESC, TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_FORM)),
	                 TUI_A_CANCEL);
}

/* The Programme screens: one key per attendance status (letters and
 * digits, so that they work whatever the language), Tab between a
 * cohort's parts, Space marking in pickers; no clash among the contexts
 * each screen uses (the overrides of section keys are meant). */
static void test_programme_keys(void **state)
{
	tui_ctxmask any = TUI_CTXBIT(TUI_CTX_ANY), main_ = TUI_CTXBIT(TUI_CTX_MAIN),
	         move = TUI_CTXBIT(TUI_CTX_MOVE), list = TUI_CTXBIT(TUI_CTX_LIST),
	         rec = TUI_CTXBIT(TUI_CTX_RECORD);
	tui_ctxmask reg = any | main_ | move | TUI_CTXBIT(TUI_CTX_REGISTER);
	tui_ctxmask cohort = any | main_ | move | list | rec | TUI_CTXBIT(TUI_CTX_PROGRAMME) |
	                  TUI_CTXBIT(TUI_CTX_COHORT);
	tui_ctxmask picker = any | main_ | move | list | TUI_CTXBIT(TUI_CTX_PICKER);
	tui_ctxmask blocks = any | main_ | move | rec | TUI_CTXBIT(TUI_CTX_BLOCKS);
	(void)state;
	tui_keys_defaults();
	assert_int_equal(tui_action_for('p', reg), TUI_A_PRESENT);
	assert_int_equal(tui_action_for('1', reg), TUI_A_PRESENT);
	assert_int_equal(tui_action_for('l', reg), TUI_A_LATE);
	assert_int_equal(tui_action_for('2', reg), TUI_A_LATE);
	assert_int_equal(tui_action_for('3', reg), TUI_A_EXCUSED);
	assert_int_equal(tui_action_for('4', reg), TUI_A_ABSENT);
	/* a and e add and edit elsewhere: in the register they mark nobody */
	assert_int_equal(tui_action_for('e', reg), TUI_A_NONE);
	assert_int_equal(tui_action_for('a', reg), TUI_A_NONE);
	assert_int_equal(tui_action_for(TUI_KEY_BS, reg), TUI_A_UNMARK);
	assert_int_equal(tui_action_for('j', reg), TUI_A_DOWN);
	assert_int_equal(tui_action_for('q', reg), TUI_A_QUIT);
	assert_int_equal(tui_action_for('5', reg), TUI_A_SECTION5);
	assert_int_equal(tui_action_for(TUI_KEY_TAB, cohort), TUI_A_SWITCH_PART);
	assert_int_equal(tui_action_for(TUI_KEY_BTAB, cohort), TUI_A_SWITCH_PART);
	assert_int_equal(tui_action_for('n', cohort), TUI_A_COPY_NEXT_WEEK);
	assert_int_equal(tui_action_for('o', cohort), TUI_A_COPY_TO_COHORT);
	assert_int_equal(tui_action_for('C', cohort), TUI_A_CALENDAR);
	assert_int_equal(tui_action_for('r', cohort), TUI_A_ATTENDANCE);
	assert_int_equal(tui_action_for('w', cohort), TUI_A_WITHDRAW);
	assert_int_equal(tui_action_for('a', cohort), TUI_A_ADD);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, cohort), TUI_A_OPEN);
	assert_int_equal(tui_action_for(TUI_KEY_SPACE, picker), TUI_A_MARK);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, picker), TUI_A_PICK);
	assert_int_equal(tui_action_for('/', picker), TUI_A_FILTER);
	assert_int_equal(tui_action_for('-', blocks), TUI_A_MOVE_UP);
	assert_int_equal(tui_action_for('+', blocks), TUI_A_MOVE_DOWN);
	assert_int_equal(tui_action_for('k', blocks), TUI_A_UP);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, any | move | TUI_CTXBIT(TUI_CTX_NOTICE)), TUI_A_OK);
	check_no_clash(any | move | list | rec | TUI_CTXBIT(TUI_CTX_PROGRAMME) | TUI_CTXBIT(TUI_CTX_COHORT));
	check_no_clash(any | move | TUI_CTXBIT(TUI_CTX_REGISTER));
	check_no_clash(blocks);
	check_no_clash(any | move | TUI_CTXBIT(TUI_CTX_PICKER));
	/* in a picker Esc closes it, over the section's "back" */
	assert_int_equal(tui_action_for(TUI_KEY_ESC, picker), TUI_A_PICK_CLOSE);
	check_no_clash(any | move | TUI_CTXBIT(TUI_CTX_NOTICE));
}

/* The Competence screens: no key means two things on a screen, except
 * the rating sheet's digits, which take 1–5 from the section keys there. */
static void test_competence_keys(void **state)
{
	tui_ctxmask base = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE);
	tui_ctxmask sheet = base | TUI_CTXBIT(TUI_CTX_SHEET);
	(void)state;
	tui_keys_defaults();
	check_no_clash(base | TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_VIEWS));
	check_no_clash(base | TUI_CTXBIT(TUI_CTX_VIEWS) | TUI_CTXBIT(TUI_CTX_HEATMAP));
	check_no_clash(base | TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_VIEWS) |
	               TUI_CTXBIT(TUI_CTX_FRAMEWORKS));
	check_no_clash(base | TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD) |
	               TUI_CTXBIT(TUI_CTX_CHECKINS));
	check_no_clash(base | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PERSON));
	check_no_clash(TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_SHEET));
	for (int d = 0; d <= 9; d++)
		assert_int_equal(tui_action_for('0' + d, sheet), TUI_A_LEVEL0 + d);
	assert_int_equal(tui_action_for('1', base), TUI_A_SECTION1);   /* elsewhere: sections */
	assert_int_equal(tui_action_for('n', sheet), TUI_A_NOT_ASSESSED);
	assert_int_equal(tui_action_for(TUI_KEY_BS, sheet), TUI_A_CLEAR_LEVEL);
	assert_int_equal(tui_action_for('c', sheet), TUI_A_COMMENT);
	assert_int_equal(tui_action_for(TUI_KEY_CTRL('S'), sheet), TUI_A_FINALIZE);
	assert_int_equal(tui_action_for('q', sheet), TUI_A_QUIT);      /* still goes back */
	assert_int_equal(tui_action_for(TUI_KEY_ESC, sheet), TUI_A_BACK);
	assert_int_equal(tui_action_for('j', sheet), TUI_A_DOWN);
	/* the views of Competence switch as Shadowing's do: one key set */
	assert_int_equal(tui_action_for('v', base | TUI_CTXBIT(TUI_CTX_VIEWS)), TUI_A_VIEW_NEXT);
	assert_int_equal(tui_action_for('V', base | TUI_CTXBIT(TUI_CTX_VIEWS) | TUI_CTXBIT(TUI_CTX_HEATMAP)),
	                 TUI_A_VIEW_PREV);
	assert_int_equal(tui_action_by_name("competence-view"), TUI_A_VIEW_NEXT);   /* the old name */
	assert_int_equal(tui_action_for('c', base | TUI_CTXBIT(TUI_CTX_PERSON)), TUI_A_PERSON_COMPETENCE);
}

/* The keys that reach an action on a screen (what the help lists): in a
 * cohort Tab and S-Tab switch its parts and reach no section key; on the
 * rating sheet the digits take 1-5; and on every screen no key reaches two
 * actions, each live key is the one the dispatch gives. */
static void test_live_keys(void **state)
{
	tui_ctxmask any = TUI_CTXBIT(TUI_CTX_ANY), main_ = TUI_CTXBIT(TUI_CTX_MAIN),
	         move = TUI_CTXBIT(TUI_CTX_MOVE), list = TUI_CTXBIT(TUI_CTX_LIST),
	         rec = TUI_CTXBIT(TUI_CTX_RECORD);
	tui_ctxmask cohort = any | main_ | move | list | rec | TUI_CTXBIT(TUI_CTX_PROGRAMME) |
	                  TUI_CTXBIT(TUI_CTX_COHORT);
	tui_ctxmask sheet = any | main_ | move | TUI_CTXBIT(TUI_CTX_SHEET);
	tui_ctxmask people = any | main_ | move | list | rec | TUI_CTXBIT(TUI_CTX_PEOPLE);
	tui_ctxmask masks[] = { cohort, sheet, people, any | main_ | move | TUI_CTXBIT(TUI_CTX_REGISTER),
	                     any | move | TUI_CTXBIT(TUI_CTX_FORM) | TUI_CTXBIT(TUI_CTX_CHOICE),
	                     any | TUI_CTXBIT(TUI_CTX_DIALOG), ~0u };
	tui_key k[TUI_MAX_KEYS];
	(void)state;
	tui_keys_defaults();

	assert_int_equal(tui_action_live_keys(TUI_A_NEXT_SECTION, cohort, k), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_PREV_SECTION, cohort, k), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_SWITCH_PART, cohort, k), 2);
	assert_int_equal(k[0], TUI_KEY_TAB);
	assert_int_equal(k[1], TUI_KEY_BTAB);
	/* elsewhere Tab goes to the next section */
	assert_int_equal(tui_action_live_keys(TUI_A_NEXT_SECTION, people, k), 1);
	assert_int_equal(k[0], TUI_KEY_TAB);
	assert_int_equal(tui_action_live_keys(TUI_A_SWITCH_PART, people, k), 0);   /* not its context */
	/* some keys of an action taken, others not */
	assert_int_equal(tui_action_live_keys(TUI_A_SECTION1, sheet, k), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_SECTION1, people, k), 1);
	assert_int_equal(tui_keys_bind(TUI_A_SECTION1, "1 F5", NULL, NULL), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_SECTION1, sheet, k), 1);
	assert_int_equal(k[0], TUI_KEY_F(5));
	/* unbound: nothing reaches it, anywhere */
	assert_int_equal(tui_keys_bind(TUI_A_FILTER, "", NULL, NULL), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_FILTER, people, k), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_COUNT, people, k), 0);
	assert_int_equal(tui_action_live_keys(TUI_A_NONE, people, k), 0);
	tui_keys_defaults();

	/* Every bound key of the screen's contexts is listed under exactly the
	 * action the dispatch gives it (so under one), and under no other. */
	for (size_t m = 0; m < sizeof masks / sizeof masks[0]; m++)
		for (int a = 0; a < TUI_A_COUNT; a++) {
			tui_key all[TUI_MAX_KEYS];
			int na = tui_action_keys((enum tui_action)a, all);
			for (int i = 0; i < na; i++) {
				enum tui_action to = tui_action_for(all[i], masks[m]);
				int live = 0, n = tui_action_live_keys((enum tui_action)a, masks[m], k);
				char kb[16];
				for (int j = 0; j < n; j++)
					live |= k[j] == all[i];
				if (live != (to == (enum tui_action)a))
					fail_msg("key %s of %s: %s listed, but it does %s", tui_key_name(all[i], kb),
					         tui_action_info((enum tui_action)a)->name, live ? "" : "not",
					         to == TUI_A_NONE ? "nothing" : tui_action_info(to)->name);
			}
		}
}

static void test_rebinding(void **state)
{
	tui_ctxmask rec = TUI_CTXBIT(TUI_CTX_RECORD);
	const char *bad = NULL;
	size_t badlen = 0;
	tui_key k[TUI_MAX_KEYS];
	char buf[64];
	(void)state;
	tui_keys_defaults();
	assert_int_equal(tui_keys_bind(TUI_A_ADD, "n Ins", &bad, &badlen), 0);
	assert_int_equal(tui_action_for('n', rec), TUI_A_ADD);
	assert_int_equal(tui_action_for(TUI_KEY_INS, rec), TUI_A_ADD);
	assert_int_equal(tui_action_for('a', rec), TUI_A_NONE);
	assert_string_equal(tui_action_keys_text(TUI_A_ADD, buf, sizeof buf), "n, Ins");
	/* taking a key from another action of the same context */
	assert_int_equal(tui_keys_bind(TUI_A_DELETE, "x e", NULL, NULL), 0);
	assert_int_equal(tui_action_for('e', rec), TUI_A_DELETE);
	assert_int_equal(tui_action_keys(TUI_A_EDIT, k), 0);
	/* …but not from another context */
	assert_int_equal(tui_keys_bind(TUI_A_SORT, "q", NULL, NULL), 0);
	assert_int_equal(tui_action_for('q', TUI_CTXBIT(TUI_CTX_MAIN)), TUI_A_QUIT);
	assert_int_equal(tui_action_for('q', TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_LIST)), TUI_A_SORT);
	/* a bad key name changes nothing and is pointed at */
	assert_int_equal(tui_keys_bind(TUI_A_OPEN, "Enter Fnord o", &bad, &badlen), -1);
	assert_int_equal((int)badlen, 5);
	assert_memory_equal(bad, "Fnord", 5);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, TUI_CTXBIT(TUI_CTX_LIST)), TUI_A_OPEN);
	assert_int_equal(tui_action_for('o', TUI_CTXBIT(TUI_CTX_LIST)), TUI_A_NONE);
	/* an empty list unbinds */
	assert_int_equal(tui_keys_bind(TUI_A_FILTER, "", NULL, NULL), 0);
	assert_int_equal(tui_action_for('/', TUI_CTXBIT(TUI_CTX_LIST)), TUI_A_NONE);
	/* defaults come back */
	tui_keys_defaults();
	assert_int_equal(tui_action_for('a', rec), TUI_A_ADD);
	assert_int_equal(tui_action_for('e', rec), TUI_A_EDIT);
}

static int nwarn;
static char warned[8][256];
static void on_warn(void *ud, const char *msg)
{
	(void)ud;
	if (nwarn < 8)
		snprintf(warned[nwarn], sizeof warned[0], "%s", msg);
	nwarn++;
}

static void test_keys_section(void **state)
{
	char dir[] = "/tmp/lup-unit-XXXXXX", path[128];
	lup_config *cfg;
	lup_err err;
	FILE *fp;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/lup.ini", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("[keys]\nadd = n\nfrobnicate = x\nsort = S-Fnord\nSave = ^W F3\nquit = Q\n", fp);
	fclose(fp);
	assert_int_equal(lup_config_load(path, &cfg, NULL, NULL, &err), 0);
	nwarn = 0;
	assert_int_equal(tui_keys_load(cfg, on_warn, NULL), 2);
	assert_int_equal(nwarn, 2);
	assert_non_null(strstr(warned[0], "frobnicate"));
	assert_non_null(strstr(warned[1], "sort"));
	assert_non_null(strstr(warned[1], "S-Fnord"));
	assert_int_equal(tui_action_for('n', TUI_CTXBIT(TUI_CTX_RECORD)), TUI_A_ADD);
	assert_int_equal(tui_action_for(TUI_KEY_F(3), TUI_CTXBIT(TUI_CTX_FORM)), TUI_A_SAVE);
	assert_int_equal(tui_action_for(TUI_KEY_CTRL('S'), TUI_CTXBIT(TUI_CTX_FORM)), TUI_A_NONE);
	assert_int_equal(tui_action_for('Q', TUI_CTXBIT(TUI_CTX_MAIN)), TUI_A_QUIT);
	assert_int_equal(tui_action_for('q', TUI_CTXBIT(TUI_CTX_MAIN)), TUI_A_NONE);
	assert_int_equal(tui_action_for('s', TUI_CTXBIT(TUI_CTX_LIST)), TUI_A_SORT);  /* left as it was */
	/* loading again starts from the defaults */
	assert_int_equal(tui_keys_load(NULL, on_warn, NULL), 0);
	assert_int_equal(tui_action_for('q', TUI_CTXBIT(TUI_CTX_MAIN)), TUI_A_QUIT);
	lup_config_free(cfg);
	remove(path);
	rmdir(dir);
}

static void test_man_table(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	(void)state;
	assert_non_null(fp);
	tui_keys_defaults();
	tui_keys_dump_mdoc(fp);
	fclose(fp);
	for (int a = 0; a < TUI_A_COUNT; a++) {
		char want[64];
		snprintf(want, sizeof want, ".Pq Li %s\n", tui_action_info((enum tui_action)a)->name);
		if (!strstr(buf, want))
			fail_msg("the man page table lacks %s", want);
	}
	assert_non_null(strstr(buf, ".It Cm \\&^S , Cm \\&F2\n"));
	free(buf);
}

/* The People list's import, the Reports section and the import screens. */
static void test_reports_import_keys(void **state)
{
	tui_ctxmask any = TUI_CTXBIT(TUI_CTX_ANY);
	tui_ctxmask people = any | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
	                  TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PEOPLE);
	tui_ctxmask report = any | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_REPORT);
	tui_ctxmask file = any | TUI_CTXBIT(TUI_CTX_FORM) | TUI_CTXBIT(TUI_CTX_CHOICE) | TUI_CTXBIT(TUI_CTX_IMPORT);
	tui_ctxmask preview = any | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_IMPORT);
	(void)state;
	tui_keys_defaults();
	check_no_clash(people);
	check_no_clash(report);
	assert_int_equal(tui_action_for('i', people), TUI_A_IMPORT);
	assert_int_equal(tui_action_for('a', people), TUI_A_ADD);
	assert_int_equal(tui_action_for('x', report), TUI_A_REPORT_EXPORT);
	assert_int_equal(tui_action_for('r', report), TUI_A_REPORT_REFRESH);
	assert_int_equal(tui_action_for(TUI_KEY_F(5), report), TUI_A_REPORT_REFRESH);
	assert_int_equal(tui_action_for('j', report), TUI_A_DOWN);
	assert_int_equal(tui_action_for('5', report), TUI_A_SECTION5);
	/* importing: ^S and Esc mean the import's own actions, over the form's and the sections' */
	assert_int_equal(tui_action_for(TUI_KEY_CTRL('S'), file), TUI_A_IMPORT_RUN);
	assert_int_equal(tui_action_for(TUI_KEY_F(2), file), TUI_A_IMPORT_RUN);
	assert_int_equal(tui_action_for(TUI_KEY_ESC, file), TUI_A_IMPORT_CANCEL);
	assert_int_equal(tui_action_for(TUI_KEY_TAB, file), TUI_A_NEXT_FIELD);
	assert_int_equal(tui_action_for(TUI_KEY_SPACE, file), TUI_A_CHOICE_NEXT);
	assert_int_equal(tui_action_for(TUI_KEY_CTRL('S'), preview), TUI_A_IMPORT_RUN);
	assert_int_equal(tui_action_for(TUI_KEY_ESC, preview), TUI_A_IMPORT_CANCEL);
	assert_int_equal(tui_action_for(TUI_KEY_DOWN, preview), TUI_A_DOWN);
	assert_int_equal(tui_action_for('q', preview), TUI_A_QUIT);
}

/* One key, one meaning: every action's default keys agree with the table
 * of keys that mean the same everywhere (a add, e edit, d delete, n new or
 * no, x export or cancel, …), in every context they appear in. */
static void test_one_key_one_meaning(void **state)
{
	size_t nm;
	const struct tui_key_meaning *m = tui_key_meanings(&nm);
	(void)state;
	tui_keys_defaults();
	assert_true(nm >= 5);
	for (size_t i = 0; i < nm; i++) {
		tui_key k = tui_key_parse(m[i].key);
		int users = 0;
		if (k == TUI_KEY_NONE)
			fail_msg("the meanings table names '%s', which is not a key", m[i].key);
		for (int a = 0; a < TUI_A_COUNT; a++) {
			const struct tui_action_info *ai = tui_action_info((enum tui_action)a);
			tui_key ks[TUI_MAX_KEYS];
			int n = tui_action_keys((enum tui_action)a, ks), has = 0, allowed = 0;
			for (int j = 0; j < n; j++)
				has |= ks[j] == k;
			if (!has)
				continue;
			users++;
			for (size_t j = 0; j < sizeof m[i].actions / sizeof m[i].actions[0] && m[i].actions[j] != TUI_A_NONE; j++)
				allowed |= m[i].actions[j] == (enum tui_action)a;
			if (!allowed)
				fail_msg("key %s means %s everywhere, but %s (%s) has it", m[i].key, m[i].meaning, ai->name,
				         tui_ctx_title(ai->ctx));
		}
		if (users == 0)
			fail_msg("no action has key %s (%s)", m[i].key, m[i].meaning);
	}
	/* the keys the review found with two meanings */
	for (int a = 0; a < TUI_A_COUNT; a++) {
		tui_key ks[TUI_MAX_KEYS];
		int n = tui_action_keys((enum tui_action)a, ks);
		for (int j = 0; j < n; j++) {
			if (ks[j] == 'e' && a != TUI_A_EDIT && a != TUI_A_CORRECT)
				fail_msg("e is not edit in %s", tui_action_info((enum tui_action)a)->name);
			if (ks[j] == 'a' && a != TUI_A_ADD)
				fail_msg("a is not add in %s", tui_action_info((enum tui_action)a)->name);
		}
	}
}

/* Key names people read follow the language; the names [keys] reads do not. */
static char localedir[512] = "build/locale";   /* beside the test program: ../locale */

static void test_key_labels(void **state)
{
	char b[16], mo[600];
	(void)state;
	assert_string_equal(tui_key_label(TUI_KEY_SPACE, b), "Space");
	assert_string_equal(tui_key_label(TUI_KEY_BTAB, b), "S-Tab");
	assert_string_equal(tui_key_label(TUI_KEY_CTRL('S'), b), "^S");
	assert_string_equal(tui_key_label(TUI_KEY_ENTER, b), "Enter");
	assert_string_equal(tui_key_label('j', b), "j");
	assert_string_equal(tui_key_label(TUI_KEY_F(2), b), "F2");
	assert_int_equal(tui_action_shown_key(TUI_A_YES, TUI_CTXBIT(TUI_CTX_DIALOG)), 'y');
	snprintf(mo, sizeof mo, "%s/sv/LC_MESSAGES/lup.mo", localedir);
	if (setlocale(LC_ALL, "sv_SE.UTF-8") && access(mo, R_OK) == 0) {
		lup_i18n_init(localedir);
		assert_string_equal(tui_key_label(TUI_KEY_SPACE, b), "Mellanslag");
		assert_string_equal(tui_key_label(TUI_KEY_BTAB, b), "Skift-Tab");
		assert_string_equal(tui_key_label(TUI_KEY_BS, b), "Backsteg");
		assert_string_equal(tui_key_label(TUI_KEY_RIGHT, b), "Höger");
		assert_string_equal(tui_key_label(TUI_KEY_CTRL('S'), b), "Ctrl-S");
		assert_string_equal(tui_key_label(TUI_KEY_ENTER, b), "Enter");
		/* "j Ja" in a question, though y works too */
		assert_int_equal(tui_action_shown_key(TUI_A_YES, TUI_CTXBIT(TUI_CTX_DIALOG)), 'j');
		/* [keys] still reads and writes the English names */
		assert_string_equal(tui_key_name(TUI_KEY_SPACE, b), "Space");
		setlocale(LC_ALL, "C.UTF-8");
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_action_has_a_row),
		cmocka_unit_test(test_names_unique),
		cmocka_unit_test(test_no_duplicate_keys),
		cmocka_unit_test(test_design_defaults),
		cmocka_unit_test(test_programme_keys),
		cmocka_unit_test(test_competence_keys),
		cmocka_unit_test(test_live_keys),
		cmocka_unit_test(test_rebinding),
		cmocka_unit_test(test_keys_section),
		cmocka_unit_test(test_man_table),
		cmocka_unit_test(test_reports_import_keys),
		cmocka_unit_test(test_one_key_one_meaning),
		cmocka_unit_test(test_key_labels),
	};
	(void)argc;
	{
		const char *slash = strrchr(argv[0], '/');
		if (slash)
			snprintf(localedir, sizeof localedir, "%.*s/../locale", (int)(slash - argv[0]), argv[0]);
	}
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
