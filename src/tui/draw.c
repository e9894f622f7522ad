/* draw.c — the theme, and text drawn by display width. */
#include <langinfo.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include "lup/lineedit.h"
#include "tui/draw.h"

static attr_t styles[TUI_S_COUNT];
static int mono = 1;
static enum tui_palette palette = TUI_PAL_MONO;
static int use_default = 1;
static int utf8 = -1;

int tui_utf8(void)
{
	if (utf8 < 0) {
		const char *cs = nl_langinfo(CODESET);
		utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
	}
	return utf8;
}

const char *tui_glyph_ellipsis(void) { return tui_utf8() ? "\u2026" : "..."; }
const char *tui_glyph_marker(void) { return tui_utf8() ? "\u25b8" : ">"; }

int tui_theme_is_mono(void) { return mono; }
enum tui_palette tui_theme_palette(void) { return palette; }

attr_t tui_attr(enum tui_style st)
{
	return st >= 0 && st < TUI_S_COUNT ? styles[st] : A_NORMAL;
}

#define D (-1)   /* the terminal's own colour */
#define S(f, b, a) { (f), (b), (a) }

/* Monochrome: attributes on the terminal's own colours. */
static const struct tui_style_spec pal_mono[TUI_S_COUNT] = {
	[TUI_S_NORMAL] = S(D, D, A_NORMAL),
	[TUI_S_TABS] = S(D, D, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(D, D, A_REVERSE | A_BOLD),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(D, D, A_BOLD | A_UNDERLINE),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_LABEL] = S(D, D, A_NORMAL),
	[TUI_S_FIELD] = S(D, D, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_DIM] = S(D, D, A_NORMAL),
	[TUI_S_GOOD] = S(D, D, A_NORMAL),
	[TUI_S_WARN] = S(D, D, A_BOLD),
	[TUI_S_BAD] = S(D, D, A_BOLD),
	[TUI_S_STATUS] = S(D, D, A_NORMAL),
	[TUI_S_ERROR] = S(D, D, A_BOLD),
	[TUI_S_HINT] = S(D, D, A_NORMAL),
	[TUI_S_HINT_KEY] = S(D, D, A_BOLD),
	[TUI_S_DIALOG] = S(D, D, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(D, D, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(D, D, A_UNDERLINE),
};

/* The styles every colour palette draws in the terminal's own colours
 * (a table leaves no style out: a missing one would be black on black). */
#define PLAIN \
	[TUI_S_NORMAL] = S(D, D, A_NORMAL), [TUI_S_LABEL] = S(D, D, A_NORMAL), \
	[TUI_S_STATUS] = S(D, D, A_NORMAL), [TUI_S_HINT] = S(D, D, A_NORMAL)

/* For a background not known: colour only as a background under text
 * of a fixed colour; text on the terminal's own background keeps the
 * terminal's own colour and differs by attributes. */
static const struct tui_style_spec pal_both8[TUI_S_COUNT] = {
	PLAIN,
	[TUI_S_DIM] = S(D, D, A_NORMAL),
	[TUI_S_GOOD] = S(D, D, A_NORMAL),
	[TUI_S_TABS] = S(COLOR_WHITE, COLOR_BLUE, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(D, D, A_REVERSE),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(D, D, A_BOLD | A_UNDERLINE),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_FIELD] = S(COLOR_WHITE, COLOR_BLACK, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_WARN] = S(D, D, A_BOLD),
	[TUI_S_BAD] = S(COLOR_WHITE, COLOR_RED, A_NORMAL),
	[TUI_S_ERROR] = S(COLOR_WHITE, COLOR_RED, A_BOLD),
	[TUI_S_HINT_KEY] = S(D, D, A_BOLD),
	[TUI_S_DIALOG] = S(COLOR_WHITE, COLOR_BLUE, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(COLOR_CYAN, COLOR_BLUE, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(COLOR_WHITE, COLOR_BLACK, A_UNDERLINE),
};

/* 256 colours: 16 is black and 231 white that bold leaves alone. */
static const struct tui_style_spec pal_both256[TUI_S_COUNT] = {
	PLAIN,
	[TUI_S_DIM] = S(D, D, A_NORMAL),
	[TUI_S_GOOD] = S(D, D, A_NORMAL),
	[TUI_S_TABS] = S(231, 24, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(16, 80, A_NORMAL),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(D, D, A_BOLD | A_UNDERLINE),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_FIELD] = S(255, 236, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_WARN] = S(D, D, A_BOLD),
	[TUI_S_BAD] = S(231, 124, A_NORMAL),
	[TUI_S_ERROR] = S(231, 124, A_BOLD),
	[TUI_S_HINT_KEY] = S(D, D, A_BOLD),
	[TUI_S_DIALOG] = S(231, 24, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(252, 24, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(248, 236, A_UNDERLINE),
};

/* A dark background. */
static const struct tui_style_spec pal_dark8[TUI_S_COUNT] = {
	PLAIN,
	[TUI_S_DIM] = S(D, D, A_NORMAL),
	[TUI_S_TABS] = S(COLOR_WHITE, COLOR_BLUE, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(D, D, A_REVERSE),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(COLOR_CYAN, D, A_BOLD),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_FIELD] = S(COLOR_WHITE, COLOR_BLACK, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_GOOD] = S(COLOR_GREEN, D, A_NORMAL),
	[TUI_S_WARN] = S(COLOR_YELLOW, D, A_BOLD),
	[TUI_S_BAD] = S(COLOR_WHITE, COLOR_RED, A_NORMAL),
	[TUI_S_ERROR] = S(COLOR_WHITE, COLOR_RED, A_BOLD),
	[TUI_S_HINT_KEY] = S(COLOR_CYAN, D, A_BOLD),
	[TUI_S_DIALOG] = S(COLOR_WHITE, COLOR_BLUE, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(COLOR_CYAN, COLOR_BLUE, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(COLOR_WHITE, COLOR_BLACK, A_UNDERLINE),
};

static const struct tui_style_spec pal_dark256[TUI_S_COUNT] = {
	PLAIN,
	[TUI_S_TABS] = S(231, 24, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(16, 80, A_NORMAL),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(80, D, A_BOLD),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_FIELD] = S(255, 236, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_DIM] = S(246, D, A_NORMAL),
	[TUI_S_GOOD] = S(114, D, A_NORMAL),
	[TUI_S_WARN] = S(221, D, A_BOLD),
	[TUI_S_BAD] = S(203, D, A_BOLD),
	[TUI_S_ERROR] = S(231, 124, A_BOLD),
	[TUI_S_HINT_KEY] = S(80, D, A_BOLD),
	[TUI_S_DIALOG] = S(231, 24, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(252, 24, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(248, 236, A_UNDERLINE),
};

/* A light background: of colours 0-7 only blue stays legible on white
 * in bold (xterm draws it as colour 12). */
static const struct tui_style_spec pal_light8[TUI_S_COUNT] = {
	PLAIN,
	[TUI_S_DIM] = S(D, D, A_NORMAL),
	[TUI_S_GOOD] = S(D, D, A_NORMAL),
	[TUI_S_TABS] = S(COLOR_WHITE, COLOR_BLUE, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(D, D, A_REVERSE),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(COLOR_BLUE, D, A_BOLD),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_FIELD] = S(D, D, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_WARN] = S(D, D, A_BOLD),
	[TUI_S_BAD] = S(COLOR_WHITE, COLOR_RED, A_NORMAL),
	[TUI_S_ERROR] = S(COLOR_WHITE, COLOR_RED, A_BOLD),
	[TUI_S_HINT_KEY] = S(COLOR_BLUE, D, A_BOLD),
	[TUI_S_DIALOG] = S(COLOR_WHITE, COLOR_BLUE, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(COLOR_CYAN, COLOR_BLUE, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(D, D, A_UNDERLINE),
};

static const struct tui_style_spec pal_light256[TUI_S_COUNT] = {
	PLAIN,
	[TUI_S_TABS] = S(231, 24, A_NORMAL),
	[TUI_S_TAB_ACTIVE] = S(16, 117, A_NORMAL),
	[TUI_S_TITLE] = S(D, D, A_BOLD),
	[TUI_S_HEADER] = S(24, D, A_BOLD),
	[TUI_S_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_FIELD] = S(16, 254, A_UNDERLINE),
	[TUI_S_FIELD_FOCUS] = S(D, D, A_REVERSE),
	[TUI_S_DIM] = S(241, D, A_NORMAL),
	[TUI_S_GOOD] = S(28, D, A_NORMAL),
	[TUI_S_WARN] = S(130, D, A_BOLD),
	[TUI_S_BAD] = S(124, D, A_BOLD),
	[TUI_S_ERROR] = S(231, 124, A_BOLD),
	[TUI_S_HINT_KEY] = S(24, D, A_BOLD),
	[TUI_S_DIALOG] = S(231, 24, A_NORMAL),
	[TUI_S_DIALOG_DIM] = S(252, 24, A_NORMAL),
	[TUI_S_FIELD_NONE] = S(241, 254, A_UNDERLINE),
};

#undef PLAIN
#undef S
#undef D

const struct tui_style_spec *tui_palette_styles(enum tui_palette p, int colors256)
{
	switch (p) {
	case TUI_PAL_BOTH: return colors256 ? pal_both256 : pal_both8;
	case TUI_PAL_DARK: return colors256 ? pal_dark256 : pal_dark8;
	case TUI_PAL_LIGHT: return colors256 ? pal_light256 : pal_light8;
	default: return pal_mono;
	}
}

const char *tui_palette_name(enum tui_palette p)
{
	static const char *const names[TUI_PAL_COUNT] = { "both", "dark", "light", "mono" };
	return p >= 0 && p < TUI_PAL_COUNT ? names[p] : "?";
}

/* Dark when light text stands out more on it than dark text: relative
 * luminance (0..1) below the point where contrast with white and with
 * black is equal. */
static int palette_for_luminance(double lum)
{
	return lum < 0.1791 ? TUI_PAL_DARK : TUI_PAL_LIGHT;
}

static double linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

int tui_palette_from_osc11(const char *reply, size_t n)
{
	static const char tag[] = "]11;";
	double rgb[3];
	size_t i;

	for (i = 0; i + sizeof tag - 1 <= n; i++)
		if (memcmp(reply + i, tag, sizeof tag - 1) == 0)
			break;
	if (i + sizeof tag - 1 > n)
		return -1;
	i += sizeof tag - 1;
	if (i + 4 <= n && memcmp(reply + i, "rgb:", 4) == 0)
		i += 4;
	else if (i + 5 <= n && memcmp(reply + i, "rgba:", 5) == 0)
		i += 5;
	else
		return -1;
	for (int k = 0; k < 3; k++) {
		unsigned long v = 0, max = 0;
		int digits = 0;
		if (k > 0) {
			if (i >= n || reply[i] != '/')
				return -1;
			i++;
		}
		while (i < n && digits < 5) {
			char c = reply[i];
			int d = c >= '0' && c <= '9' ? c - '0'
			      : c >= 'a' && c <= 'f' ? c - 'a' + 10
			      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (d < 0)
				break;
			v = v * 16 + (unsigned long)d;
			max = max * 16 + 15;
			digits++;
			i++;
		}
		if (digits < 1 || digits > 4)
			return -1;
		rgb[k] = (double)v / (double)max;
	}
	return palette_for_luminance(0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) +
	                             0.0722 * linear(rgb[2]));
}

int tui_palette_from_colorfgbg(const char *value)
{
	const char *bg;
	char *end;
	long c;

	if (!value || !*value || !(bg = strrchr(value, ';')))
		return -1;
	bg++;
	c = strtol(bg, &end, 10);
	if (end == bg || *end || c < 0 || c > 15)
		return -1;
	/* rxvt's convention: 7 and 9-15 are light backgrounds. */
	return c == 7 || c >= 9 ? TUI_PAL_LIGHT : TUI_PAL_DARK;
}

/* The end of the terminal's answer that starts at in[i] (an ESC): after
 * BEL or ST for an OSC string, after the final byte for a CSI sequence;
 * n when it is cut short; i when in[i] starts no answer (Esc pressed). */
static size_t answer_end(const char *in, size_t n, size_t i)
{
	size_t j = i + 2;
	if (i + 1 >= n)
		return i;
	if (in[i + 1] == ']') {
		for (; j < n; j++) {
			if (in[j] == '\a')
				return j + 1;
			if (in[j] == '\033' && j + 1 < n && in[j + 1] == '\\')
				return j + 2;
		}
		return n;
	}
	if (in[i + 1] == '[') {
		while (j < n && (unsigned char)in[j] >= 0x20 && (unsigned char)in[j] <= 0x3f)
			j++;
		return j < n ? j + 1 : n;
	}
	return i;
}

size_t tui_term_keys(const char *in, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t end = in[i] == '\033' ? answer_end(in, n, i) : i;
		if (end > i) {
			i = end;
			continue;
		}
		out[k++] = in[i++];
	}
	return k;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Ask the terminal for its background (OSC 11) and, right after, for its
 * device attributes (DA1), which every terminal answers: the second answer
 * ends the wait, so a terminal that keeps quiet about its background costs
 * a round trip, and one that answers nothing at all ASK_MS.  Keys typed
 * meanwhile are given back to curses. */
enum { ASK_MS = 150 };

static int ask_background(void)
{
	static const char q[] = "\033]11;?\033\\\033[c";
	char buf[512];
	size_t n = 0;
	long end;
	int pal = -1, done = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return -1;
	fflush(stdout);
	if (write(STDOUT_FILENO, q, sizeof q - 1) != (ssize_t)(sizeof q - 1))
		return -1;
	end = now_ms() + ASK_MS;
	while (!done && n < sizeof buf) {
		struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
		long left = end - now_ms();
		ssize_t got;
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			break;
		got = read(STDIN_FILENO, buf + n, sizeof buf - n);
		if (got <= 0)
			break;
		n += (size_t)got;
		/* The DA1 answer: ESC [ ? digits and semicolons c. */
		for (size_t i = 0; i + 2 < n && !done; i++) {
			if (buf[i] != '\033' || buf[i + 1] != '[' || buf[i + 2] != '?')
				continue;
			size_t j = i + 3;
			while (j < n && ((buf[j] >= '0' && buf[j] <= '9') || buf[j] == ';'))
				j++;
			done = j < n && buf[j] == 'c';
		}
	}
	pal = tui_palette_from_osc11(buf, n);
	/* Give back what is not an answer: keys typed while waiting. */
	{
		char keep[sizeof buf];
		size_t k = tui_term_keys(buf, n, keep);
		while (k > 0)
			ungetch((unsigned char)keep[--k]);
	}
	return pal;
}

void tui_theme_init(const lup_config *cfg, int ask_terminal)
{
	const char *theme = cfg ? lup_config_str(cfg, "ui:theme") : "auto";
	const char *nc = getenv("NO_COLOR");
	int chosen = -1, colors256;
	const struct tui_style_spec *spec;

	palette = TUI_PAL_MONO;
	mono = 1;
	if (strcasecmp(theme, "dark") == 0)
		chosen = TUI_PAL_DARK;
	else if (strcasecmp(theme, "light") == 0)
		chosen = TUI_PAL_LIGHT;
	else if (strcasecmp(theme, "mono") == 0)
		chosen = TUI_PAL_MONO;
	else if (strcasecmp(theme, "color") != 0 && nc && *nc)
		chosen = TUI_PAL_MONO;
	if (chosen != TUI_PAL_MONO && has_colors() && start_color() != ERR) {
		int defaults = use_default_colors() != ERR;
		use_default = defaults;
		if (chosen < 0 && ask_terminal)
			chosen = ask_background();
		if (chosen < 0)
			chosen = tui_palette_from_colorfgbg(getenv("COLORFGBG"));
		if (chosen < 0)
			chosen = TUI_PAL_BOTH;
		/* Without the terminal's own colours curses draws white on black. */
		if (!defaults)
			chosen = TUI_PAL_DARK;
		palette = (enum tui_palette)chosen;
	}
	mono = palette == TUI_PAL_MONO;
	colors256 = !mono && COLORS >= 256 && COLOR_PAIRS > TUI_S_COUNT;
	spec = tui_palette_styles(palette, colors256);
	for (int i = 0; i < TUI_S_COUNT; i++) {
		short fg = spec[i].fg, bg = spec[i].bg;
		styles[i] = spec[i].attr;
		if (mono || (fg < 0 && bg < 0))
			continue;
		if (!use_default) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (init_pair((short)(i + 1), fg, bg) != ERR)
			styles[i] |= COLOR_PAIR(i + 1);
	}
}

/* Copy text into buf (size n) as valid UTF-8 with control characters as
 * spaces and bidirectional controls as U+FFFD; stops at a character
 * boundary when buf is full.  The zero-width joiner and the emoji
 * presentation selector are left out: curses counts the cells of a
 * joined emoji sequence (👩‍💼) one code point at a time, while some
 * terminals draw the sequence as one picture two cells wide, leaving
 * cells curses believes drawn; without them the parts show side by side,
 * as wide on every terminal as curses counts. */
static size_t clean(const char *s, char *buf, size_t n)
{
	size_t len = s ? strlen(s) : 0, i = 0, o = 0;
	while (i < len) {
		uint32_t cp;
		char enc[4];
		size_t k = lup_utf8_decode(s + i, len - i, &cp), e;
		if (k == 0)
			k = 1;  /* cp is U+FFFD */
		if (cp == 0x200d || cp == 0xfe0f) {
			i += k;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = ' ';
		/* bidirectional overrides and isolates would reorder what
		 * follows them on the screen: shown as a replacement mark */
		if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
		    cp == 0x200e || cp == 0x200f || cp == 0x61c)
			cp = 0xfffd;
		if (!tui_utf8() && cp >= 0x80)
			cp = '?';
		e = lup_utf8_encode(cp, enc);
		if (o + e + 1 > n)
			break;
		memcpy(buf + o, enc, e);
		o += e;
		i += k;
	}
	buf[o] = 0;
	return o;
}

int tui_width(const char *text)
{
	char buf[4096];
	size_t n = clean(text, buf, sizeof buf);
	return lup_utf8_width(buf, n);
}

void tui_fill(int y, int x, int width, attr_t attr)
{
	if (y < 0 || y >= LINES || x >= COLS || width <= 0)
		return;
	if (x < 0) {
		width += x;
		x = 0;
	}
	if (x + width > COLS)
		width = COLS - x;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

int tui_put(int y, int x, int width, const char *text, attr_t attr, unsigned flags)
{
	char buf[4096], first[4096];
	const char *ell = "", *nl = text ? strchr(text, '\n') : NULL;
	size_t len, n;
	int w, used, ew = 0, start, more = 0;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || width <= 0)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	if (nl) {   /* one line: the first, marked when more follows */
		snprintf(first, sizeof first, "%.*s", (int)(nl - text), text);
		more = nl[strspn(nl, " \t\r\n")] != 0;
		text = first;
	}
	len = clean(text, buf, sizeof buf);
	w = lup_utf8_width(buf, len);
	if (w <= width && !more) {
		n = len;
		used = w;
	} else if (flags & TUI_CLIP || width < 4) {
		n = lup_utf8_fit(buf, width, &used);
	} else {
		ell = tui_glyph_ellipsis();
		ew = tui_utf8() ? 1 : 3;
		n = lup_utf8_fit(buf, width - ew, &used);
	}
	start = flags & TUI_RIGHT ? x + width - used - ew : x;
	if ((flags & TUI_PAD) && start > x)
		tui_fill(y, x, start - x, attr);
	attrset(attr);
	mvaddnstr(y, start, buf, (int)n);
	if (*ell)
		addstr(ell);
	attrset(A_NORMAL);
	if ((flags & TUI_PAD) && start + used + ew < x + width)
		tui_fill(y, start + used + ew, x + width - (start + used + ew), attr);
	return used + ew;
}

int tui_columns(int width, int n, const int *min, const int *weight, int *out)
{
	int need = 0, wsum = 0, visible = n, left;
	for (int i = 0; i < n; i++)
		need += min[i] + (i ? 1 : 0);
	while (visible > 0 && need > width) {
		visible--;
		need -= min[visible] + (visible ? 1 : 0);
	}
	for (int i = 0; i < n; i++) {
		out[i] = i < visible ? min[i] : 0;
		if (i < visible)
			wsum += weight[i];
	}
	left = width - need;
	if (visible > 0 && left > 0) {
		int given = 0;
		for (int i = 0; i < visible; i++) {
			int extra = wsum ? left * weight[i] / wsum : 0;
			out[i] += extra;
			given += extra;
		}
		out[visible - 1] += left - given;
	}
	return visible;
}

int tui_columns_fit(int width, int n, const int *min, const int *weight, const int *want, int *out)
{
	int visible, need = 0, left, given = 0, zero[64] = { 0 }, w2[64];
	if (!want || n > 64)
		return tui_columns(width, n, min, weight, out);
	visible = tui_columns(width, n, min, weight, out);
	for (int i = 0; i < visible; i++) {
		need += min[i] + (i ? 1 : 0);
		out[i] = min[i];
	}
	left = width - need;
	if (left <= 0)
		return visible;
	/* Fill the columns whose text is wider, by weight, each up to what
	 * it needs: the level rises until the spare width is used up or
	 * every value shows whole. */
	for (int level = 1; given < left; level++) {
		int moved = 0;
		for (int i = 0; i < visible && given < left; i++) {
			int target = min[i] + level * (weight[i] > 0 ? weight[i] : 1);
			if (target > want[i])
				target = want[i];
			if (target > out[i]) {
				int g = target - out[i];
				if (g > left - given)
					g = left - given;
				out[i] += g;
				given += g;
				moved = 1;
			}
		}
		if (!moved)
			break;
	}
	left -= given;
	if (left > 0) {
		/* the rest by weight, as tui_columns shares it */
		tui_columns(left + (visible - 1), visible, zero, weight, w2);
		for (int i = 0; i < visible; i++)
			out[i] += w2[i];
	}
	return visible;
}

void tui_box(int y, int x, int h, int w, const char *title, attr_t attr)
{
	if (h < 2 || w < 2)
		return;
	for (int i = 0; i < h; i++)
		tui_fill(y + i, x, w, attr);
	attrset(attr);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title && *title && w > 6) {
		tui_put(y, x + 2, 1, " ", attr, 0);
		int used = tui_put(y, x + 3, w - 6, title, attr | A_BOLD, 0);
		tui_put(y, x + 3 + used, 1, " ", attr, 0);
	}
}

int tui_put_wrapped(int y, int x, int width, int max_lines, const char *text, attr_t attr,
                    int draw)
{
	char buf[4096];
	const char *p;
	int n = 0;
	if (width < 1 || max_lines < 1)
		return 0;
	clean(text, buf, sizeof buf);
	p = buf;
	while (*p && n < max_lines) {
		int used;
		size_t fit = lup_utf8_fit(p, width, &used), cut = fit;
		if (p[fit] && n < max_lines - 1) {
			size_t sp = fit;
			while (sp > 0 && p[sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		} else if (p[fit]) {
			cut = strlen(p);   /* the last line: tui_put adds the ellipsis */
		}
		if (draw) {
			char line[4096];
			snprintf(line, sizeof line, "%.*s", (int)cut, p);
			tui_put(y + n, x, width, line, attr, 0);
		}
		n++;
		p += cut;
		while (*p == ' ')
			p++;
	}
	return n;
}
