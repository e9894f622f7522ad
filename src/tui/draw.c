/* draw.c — the theme, and text drawn by display width. */
#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lup/lineedit.h"
#include "tui/draw.h"

static attr_t styles[TUI_S_COUNT];
static int mono = 1;
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

attr_t tui_attr(enum tui_style st)
{
	return st >= 0 && st < TUI_S_COUNT ? styles[st] : A_NORMAL;
}

static void set_mono(void)
{
	mono = 1;
	styles[TUI_S_NORMAL] = A_NORMAL;
	styles[TUI_S_TABS] = A_NORMAL;
	styles[TUI_S_TAB_ACTIVE] = A_REVERSE | A_BOLD;
	styles[TUI_S_TITLE] = A_BOLD;
	styles[TUI_S_HEADER] = A_BOLD | A_UNDERLINE;
	styles[TUI_S_FOCUS] = A_REVERSE;
	styles[TUI_S_LABEL] = A_NORMAL;
	styles[TUI_S_FIELD] = A_UNDERLINE;
	styles[TUI_S_FIELD_FOCUS] = A_REVERSE;
	styles[TUI_S_DIM] = A_NORMAL;
	styles[TUI_S_GOOD] = A_NORMAL;
	styles[TUI_S_WARN] = A_BOLD;
	styles[TUI_S_BAD] = A_BOLD;
	styles[TUI_S_STATUS] = A_NORMAL;
	styles[TUI_S_ERROR] = A_BOLD;
	styles[TUI_S_HINT] = A_NORMAL;
	styles[TUI_S_HINT_KEY] = A_BOLD;
	styles[TUI_S_DIALOG] = A_NORMAL;
}

void tui_theme_init(const lup_config *cfg)
{
	const char *theme = cfg ? lup_config_str(cfg, "ui:theme") : "auto";
	const char *nc = getenv("NO_COLOR");
	enum { P_TABS = 1, P_ACTIVE, P_HEADER, P_GOOD, P_WARN, P_BAD, P_ERROR, P_KEY, P_DIALOG, P_FIELD };

	set_mono();
	if (strcmp(theme, "mono") == 0 || !has_colors())
		return;
	if (strcmp(theme, "color") != 0 && nc && *nc)
		return;
	if (start_color() == ERR)
		return;
	mono = 0;
	use_default_colors();
	init_pair(P_TABS, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_ACTIVE, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_HEADER, COLOR_CYAN, -1);
	init_pair(P_GOOD, COLOR_GREEN, -1);
	init_pair(P_WARN, COLOR_YELLOW, -1);
	init_pair(P_BAD, COLOR_RED, -1);
	init_pair(P_ERROR, COLOR_WHITE, COLOR_RED);
	init_pair(P_KEY, COLOR_CYAN, -1);
	init_pair(P_DIALOG, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_FIELD, COLOR_WHITE, COLOR_BLACK);
	styles[TUI_S_TABS] = COLOR_PAIR(P_TABS);
	styles[TUI_S_TAB_ACTIVE] = COLOR_PAIR(P_ACTIVE) | A_BOLD;
	styles[TUI_S_HEADER] = COLOR_PAIR(P_HEADER) | A_BOLD;
	styles[TUI_S_FIELD] = COLOR_PAIR(P_FIELD) | A_UNDERLINE;
	styles[TUI_S_GOOD] = COLOR_PAIR(P_GOOD);
	styles[TUI_S_WARN] = COLOR_PAIR(P_WARN) | A_BOLD;
	styles[TUI_S_BAD] = COLOR_PAIR(P_BAD) | A_BOLD;
	styles[TUI_S_ERROR] = COLOR_PAIR(P_ERROR) | A_BOLD;
	styles[TUI_S_HINT_KEY] = COLOR_PAIR(P_KEY) | A_BOLD;
	styles[TUI_S_DIALOG] = COLOR_PAIR(P_DIALOG);
	styles[TUI_S_DIM] = A_DIM;
}

/* Copy text into buf (size n) as valid UTF-8 with control characters as
 * spaces; stops at a character boundary when buf is full. */
static size_t clean(const char *s, char *buf, size_t n)
{
	size_t len = s ? strlen(s) : 0, i = 0, o = 0;
	while (i < len) {
		uint32_t cp;
		char enc[4];
		size_t k = lup_utf8_decode(s + i, len - i, &cp), e;
		if (k == 0)
			k = 1;  /* cp is U+FFFD */
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = ' ';
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
	char buf[4096];
	const char *ell = "";
	size_t len, n;
	int w, used, ew = 0, start;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || width <= 0)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	len = clean(text, buf, sizeof buf);
	w = lup_utf8_width(buf, len);
	if (w <= width) {
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
