/* test_theme.c — every style of every palette is legible.
 *
 * The contrast ratio (WCAG 2) of each style's text to its background is
 * computed under xterm's default colours: its 16-colour palette, the
 * 6x6x6 cube and the grey ramp, with the terminal's own colours black on
 * white (a light terminal) or white on black (a dark one).  A palette is
 * checked on the backgrounds it is chosen for: the one for an unknown
 * background and mono on both, dark on black, light on white.  Each style
 * is checked as the table gives it and in bold, since screens embolden
 * styles; bold draws colours 0-7 as 8-15 in xterm and as themselves in
 * other terminals, so both count.  Text needs 4.5:1, bold headers and
 * titles 3:1.  Also: the answers of the terminal (OSC 11, COLORFGBG) that
 * choose a palette, and the keys typed while lup waits for them. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "helpers.h"
#include "tui/draw.h"

struct rgb { double r, g, b; };

static struct rgb xterm_colour(int c)
{
	static const unsigned base[16] = {
		0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
		0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
	};
	unsigned v;
	if (c < 16) {
		v = base[c];
	} else if (c < 232) {
		static const unsigned lv[6] = { 0, 95, 135, 175, 215, 255 };
		c -= 16;
		v = lv[c / 36] << 16 | lv[c / 6 % 6] << 8 | lv[c % 6];
	} else {
		unsigned g = 8 + 10 * (unsigned)(c - 232);
		v = g << 16 | g << 8 | g;
	}
	return (struct rgb){ (v >> 16) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0 };
}

static double channel(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

static double ratio(struct rgb a, struct rgb b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static const char *const style_names[TUI_S_COUNT] = {
	"normal", "tabs", "tab-active", "title", "header", "focus", "label", "field",
	"field-focus", "dim", "good", "warn", "bad", "status", "error", "hint", "hint-key",
	"dialog", "dialog-dim", "field-none",
};

enum { TERM_DARK, TERM_LIGHT };

/* The contrast of one style on one terminal; bright: bold brightens
 * colours 0-7 (xterm's boldColors).  Faint text is drawn half way
 * between its colour and the background, as xterm does. */
static double style_ratio(struct tui_style_spec s, int term, int bright)
{
	struct rgb black = { 0, 0, 0 }, white = { 1, 1, 1 };
	struct rgb tfg = term == TERM_DARK ? white : black, tbg = term == TERM_DARK ? black : white;
	struct rgb fg, bg;
	int fgc = s.fg;
	if (s.attr & A_REVERSE) {
		/* Reverse swaps the colours; bold still brightens the text's. */
		fgc = s.bg;
		fg = s.bg < 0 ? tbg : xterm_colour(s.bg);
		bg = s.fg < 0 ? tfg : xterm_colour(s.fg);
	} else {
		fg = s.fg < 0 ? tfg : xterm_colour(s.fg);
		bg = s.bg < 0 ? tbg : xterm_colour(s.bg);
	}
	if (bright && (s.attr & A_BOLD) && fgc >= 0 && fgc < 8)
		fg = xterm_colour(fgc + 8);
	if (s.attr & A_DIM)
		fg = (struct rgb){ (fg.r + bg.r) / 2, (fg.g + bg.g) / 2, (fg.b + bg.b) / 2 };
	return ratio(fg, bg);
}

struct worst {
	double ratio;
	char what[160];
};

/* Checks palette p (256 colours or 8) on terminal term; returns the
 * number of styles below their minimum, printing each. */
static int check_palette(enum tui_palette p, int colors256, int term, struct worst *w)
{
	const struct tui_style_spec *spec = tui_palette_styles(p, colors256);
	int bad = 0;
	for (int i = 0; i < TUI_S_COUNT; i++) {
		for (int bold = 0; bold < 2; bold++) {
			struct tui_style_spec s = spec[i];
			double need = 4.5, r;
			if (bold)
				s.attr |= A_BOLD;
			if ((i == TUI_S_HEADER || i == TUI_S_TITLE) && (s.attr & A_BOLD))
				need = 3.0;
			r = style_ratio(s, term, 0);
			if (s.attr & A_BOLD) {
				double rb = style_ratio(s, term, 1);
				r = rb < r ? rb : r;
			}
			if (r < w->ratio) {
				w->ratio = r;
				snprintf(w->what, sizeof w->what, "%s/%d %s%s on %s", tui_palette_name(p),
				         colors256 ? 256 : 8, style_names[i], bold ? " (bold)" : "",
				         term == TERM_DARK ? "black" : "white");
			}
			if (r < need) {
				print_message("  %s, %d colours, %s%s on a %s terminal: %.2f:1 (needs %.1f:1)\n",
				              tui_palette_name(p), colors256 ? 256 : 8, style_names[i],
				              bold ? " in bold" : "", term == TERM_DARK ? "black" : "white",
				              r, need);
				bad++;
			}
		}
	}
	return bad;
}

static void test_contrast(void **state)
{
	struct worst w = { 99, "" };
	int bad = 0;
	(void)state;
	static const struct { enum tui_palette p; int term; } runs[] = {
		{ TUI_PAL_BOTH, TERM_DARK }, { TUI_PAL_BOTH, TERM_LIGHT },
		{ TUI_PAL_DARK, TERM_DARK }, { TUI_PAL_LIGHT, TERM_LIGHT },
		{ TUI_PAL_MONO, TERM_DARK }, { TUI_PAL_MONO, TERM_LIGHT },
	};
	for (int c = 0; c < 2; c++)
		for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
			struct worst one = { 99, "" };
			bad += check_palette(runs[k].p, c, runs[k].term, &one);
			print_message("  lowest: %5.2f:1  %s\n", one.ratio, one.what);
			if (one.ratio < w.ratio)
				w = one;
		}
	print_message("  lowest of all: %.2f:1, %s\n", w.ratio, w.what);
	assert_int_equal(bad, 0);
}

/* The model itself: known figures, so a wrong formula cannot pass. */
static void test_ratio_figures(void **state)
{
	struct tui_style_spec s;
	(void)state;
	assert_true(fabs(ratio(xterm_colour(0), xterm_colour(15)) - 21.0) < 0.01);
	/* Bright cyan on white, the old headers on a light terminal. */
	assert_true(fabs(ratio(xterm_colour(14), xterm_colour(15)) - 1.25) < 0.01);
	/* Bold black on cyan, drawn grey by xterm: the old active tab. */
	s = (struct tui_style_spec){ COLOR_BLACK, COLOR_CYAN, A_BOLD };
	assert_true(style_ratio(s, TERM_DARK, 1) < 2.1);
	assert_true(style_ratio(s, TERM_DARK, 0) > 10);
	/* The cube and the grey ramp. */
	assert_true(fabs(xterm_colour(16 + 36 * 5).r - 1.0) < 1e-9);
	assert_true(fabs(xterm_colour(232).g - 8 / 255.0) < 1e-9);
	/* Reverse video of the terminal's colours is its own contrast. */
	s = (struct tui_style_spec){ -1, -1, A_REVERSE | A_BOLD };
	assert_true(style_ratio(s, TERM_LIGHT, 1) > 20);
}

/* No bold on black: bold black is grey in most terminals. */
static void test_no_bold_black(void **state)
{
	(void)state;
	for (int p = 0; p < TUI_PAL_COUNT; p++)
		for (int c = 0; c < 2; c++) {
			const struct tui_style_spec *spec = tui_palette_styles(p, c);
			for (int i = 0; i < TUI_S_COUNT; i++) {
				int fg = spec[i].attr & A_REVERSE ? spec[i].bg : spec[i].fg;
				if ((spec[i].attr & A_BOLD) && fg == COLOR_BLACK)
					fail_msg("%s/%d: %s is bold black", tui_palette_name(p), c ? 256 : 8,
					         style_names[i]);
			}
		}
}

/* Focus is never by colour alone: reverse video in every palette. */
static void test_focus_reversed(void **state)
{
	(void)state;
	for (int p = 0; p < TUI_PAL_COUNT; p++)
		for (int c = 0; c < 2; c++) {
			const struct tui_style_spec *spec = tui_palette_styles(p, c);
			assert_true(spec[TUI_S_FOCUS].attr & A_REVERSE);
			assert_true(spec[TUI_S_FIELD_FOCUS].attr & A_REVERSE);
			assert_true((spec[TUI_S_TAB_ACTIVE].attr & A_REVERSE) ||
			            spec[TUI_S_TAB_ACTIVE].bg != spec[TUI_S_TABS].bg);
		}
}

static void test_osc11(void **state)
{
	static const char dark[] = "\033]11;rgb:0000/0000/0000\033\\";
	static const char light[] = "\033]11;rgb:ffff/ffff/ffff\a";
	static const char solar[] = "\033]11;rgb:00/2b/36\033\\";      /* two digits */
	static const char grey[] = "x\033]11;rgba:c0c0/c0c0/c0c0/ffff\a\033[?62;22c";
	static const char mid[] = "\033]11;rgb:5/5/5\a";                /* one digit */
	(void)state;
	assert_int_equal(tui_palette_from_osc11(dark, sizeof dark - 1), TUI_PAL_DARK);
	assert_int_equal(tui_palette_from_osc11(light, sizeof light - 1), TUI_PAL_LIGHT);
	assert_int_equal(tui_palette_from_osc11(solar, sizeof solar - 1), TUI_PAL_DARK);
	assert_int_equal(tui_palette_from_osc11(grey, sizeof grey - 1), TUI_PAL_LIGHT);
	assert_int_equal(tui_palette_from_osc11(mid, sizeof mid - 1), TUI_PAL_DARK);
	/* No answer, or a broken one. */
	assert_int_equal(tui_palette_from_osc11("\033[?62;22c", 9), -1);
	assert_int_equal(tui_palette_from_osc11("", 0), -1);
	assert_int_equal(tui_palette_from_osc11("\033]11;rgb:ffff/ffff", 18), -1);
	assert_int_equal(tui_palette_from_osc11("\033]11;rgb:fffff/0/0\a", 20), -1);
	assert_int_equal(tui_palette_from_osc11("\033]11;hsl:0/0/0\a", 16), -1);
	assert_int_equal(tui_palette_from_osc11("\033]11;rgb:/0/0\a", 15), -1);
	/* Cut short: the length counts, not a terminating zero. */
	assert_int_equal(tui_palette_from_osc11(light, 12), -1);
}

static void test_colorfgbg(void **state)
{
	(void)state;
	assert_int_equal(tui_palette_from_colorfgbg("15;0"), TUI_PAL_DARK);
	assert_int_equal(tui_palette_from_colorfgbg("0;15"), TUI_PAL_LIGHT);
	assert_int_equal(tui_palette_from_colorfgbg("0;default;15"), TUI_PAL_LIGHT);
	assert_int_equal(tui_palette_from_colorfgbg("0;7"), TUI_PAL_LIGHT);
	assert_int_equal(tui_palette_from_colorfgbg("7;8"), TUI_PAL_DARK);
	assert_int_equal(tui_palette_from_colorfgbg("15;default"), -1);
	assert_int_equal(tui_palette_from_colorfgbg("15;16"), -1);
	assert_int_equal(tui_palette_from_colorfgbg("15"), -1);
	assert_int_equal(tui_palette_from_colorfgbg(""), -1);
	assert_int_equal(tui_palette_from_colorfgbg(NULL), -1);
}

/* Keys typed while lup waits for the terminal are kept; its answers are
 * not, whatever their hex digits hold (a 'c' ends DA1, not OSC 11). */
static void test_term_keys(void **state)
{
	static const char both[] = "j\033]11;rgb:c0c0/cccc/c0c0\033\\k\033[?62;22cq";
	static const char bel[] = "\033]11;rgb:0/0/0\aab";
	static const char esc[] = "\033x";               /* Esc, then x: keys */
	static const char cut[] = "a\033]11;rgb:ff";    /* an answer cut short */
	char out[64];
	size_t n;
	(void)state;
	n = tui_term_keys(both, sizeof both - 1, out);
	assert_int_equal(n, 3);
	assert_memory_equal(out, "jkq", 3);
	n = tui_term_keys(bel, sizeof bel - 1, out);
	assert_int_equal(n, 2);
	assert_memory_equal(out, "ab", 2);
	n = tui_term_keys(esc, sizeof esc - 1, out);
	assert_int_equal(n, 2);
	assert_memory_equal(out, "\033x", 2);
	n = tui_term_keys(cut, sizeof cut - 1, out);
	assert_int_equal(n, 1);
	assert_int_equal(tui_term_keys("\033", 1, out), 1);
	assert_int_equal(tui_term_keys("", 0, out), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratio_figures),
		cmocka_unit_test(test_contrast),
		cmocka_unit_test(test_no_bold_black),
		cmocka_unit_test(test_focus_reversed),
		cmocka_unit_test(test_osc11),
		cmocka_unit_test(test_colorfgbg),
		cmocka_unit_test(test_term_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
