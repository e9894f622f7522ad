/* draw.h — the theme and text drawing by display width.
 *
 * Screens never pick colours: they name a style, and the theme gives it a
 * colour pair (or, in monochrome, bold/reverse/underline).  Colour is never
 * the only signal: the focused row also has a marker and reverse video,
 * errors also say "Error", statuses are words. */
#ifndef LUP_TUI_DRAW_H
#define LUP_TUI_DRAW_H

#include <curses.h>
#include "lup/config.h"

enum tui_style {
	TUI_S_NORMAL,
	TUI_S_TABS,        /* the tab line */
	TUI_S_TAB_ACTIVE,  /* the current section's tab */
	TUI_S_TITLE,       /* a screen's title line */
	TUI_S_HEADER,      /* column titles */
	TUI_S_FOCUS,       /* the focused row or button */
	TUI_S_LABEL,       /* form labels */
	TUI_S_FIELD,       /* an input field */
	TUI_S_FIELD_FOCUS, /* the focused input field */
	TUI_S_DIM,         /* secondary text */
	TUI_S_GOOD,        /* e.g. completed, present */
	TUI_S_WARN,        /* e.g. waitlisted, due soon */
	TUI_S_BAD,         /* e.g. withdrawn, overdue */
	TUI_S_STATUS,      /* the status line */
	TUI_S_ERROR,       /* an error on the status line or under a field */
	TUI_S_HINT,        /* the key-hint line */
	TUI_S_HINT_KEY,    /* a key on the hint line */
	TUI_S_DIALOG,      /* a dialog box */
	TUI_S_DIALOG_DIM,  /* secondary text in a dialog box (a hint, "No match") */
	TUI_S_FIELD_NONE,  /* an input field that holds nothing yet ("(none)") */
	TUI_S_COUNT
};

/* Styles as data.  A style is a foreground and a background by terminal
 * colour number (-1: the terminal's own, kept by use_default_colors) and
 * attributes.  Each palette has a form for terminals with 8 colours (only
 * colours 0-7, which many terminals draw brighter in bold) and one for 256
 * colours.  The contrast test (tests/unit/test_theme.c) checks every style
 * of every palette, as drawn and in bold, against the terminal backgrounds
 * the palette is chosen for. */
struct tui_style_spec {
	short fg, bg;
	attr_t attr;
};

enum tui_palette {
	TUI_PAL_BOTH,   /* the background is unknown: legible on dark and light */
	TUI_PAL_DARK,
	TUI_PAL_LIGHT,
	TUI_PAL_MONO,
	TUI_PAL_COUNT
};

/* The styles of palette p, TUI_S_COUNT of them, for 256 colours or 8. */
const struct tui_style_spec *tui_palette_styles(enum tui_palette p, int colors256);
/* "both", "dark", "light", "mono" */
const char *tui_palette_name(enum tui_palette p);
/* The palette a terminal's answer to OSC 11 (its background colour, as
 * "ESC ] 11 ; rgb:RRRR/GGGG/BBBB" and BEL or ST) calls for: TUI_PAL_DARK
 * or TUI_PAL_LIGHT, or -1 when reply holds no such answer. */
int tui_palette_from_osc11(const char *reply, size_t n);
/* The same from the COLORFGBG variable ("fg;bg", bg a colour number); -1
 * when it is unset or says nothing usable. */
int tui_palette_from_colorfgbg(const char *value);
/* The bytes of in (n of them) that are not answers of the terminal (OSC
 * strings, CSI sequences), into out (room for n): keys typed while lup
 * waited for an answer.  Returns how many. */
size_t tui_term_keys(const char *in, size_t n, char *out);

/* After curses starts (raw, noecho): [ui] theme = dark, light or mono
 * chooses; auto (and the old spelling color) asks the terminal for its
 * background by OSC 11 when ask_terminal is set (a short wait, cut short
 * by the answer to a device-attributes query sent after it), then reads
 * COLORFGBG, and else takes the palette legible on both.  auto is mono
 * when NO_COLOR is set and not empty; so is any theme when the terminal
 * has no colours. */
void tui_theme_init(const lup_config *cfg, int ask_terminal);
int tui_theme_is_mono(void);
enum tui_palette tui_theme_palette(void);
attr_t tui_attr(enum tui_style st);

/* 1 when the locale's character set is UTF-8 (else ASCII stand-ins are
 * used for …, ▸ and the like). */
int tui_utf8(void);
/* "…" or "..." */
const char *tui_glyph_ellipsis(void);
/* The focus marker, one column wide: "▸" or ">". */
const char *tui_glyph_marker(void);

enum {
	TUI_PAD = 1 << 0,      /* fill the rest of the width with spaces */
	TUI_RIGHT = 1 << 1,    /* align right within the width */
	TUI_CLIP = 1 << 2      /* cut without an ellipsis */
};

/* Draw UTF-8 text at (y, x) in at most `width` columns (display width,
 * never splitting a character; control characters show as spaces), with an
 * ellipsis when it does not fit unless TUI_CLIP.  Text of several lines
 * shows its first line, with the ellipsis when more follows.  Returns the
 * columns used. */
int tui_put(int y, int x, int width, const char *text, attr_t attr, unsigned flags);
/* Text wrapped at spaces into at most max_lines lines of width columns
 * from (y, x), the last one cut with an ellipsis if it still does not fit;
 * with draw 0 it only counts.  Returns the number of lines. */
int tui_put_wrapped(int y, int x, int width, int max_lines, const char *text, attr_t attr,
                    int draw);
/* Fill width columns at (y, x) with spaces in attr. */
void tui_fill(int y, int x, int width, attr_t attr);
/* Display width of text (as tui_put would draw it). */
int tui_width(const char *text);

/* Column layout: widths for n columns in `width` columns with a one-space
 * gap between them.  Each column gets at least min[i]; what is left is
 * shared by weight[i].  Columns that do not fit even at their minimum get
 * width 0, from the last one back.  Returns the number of visible columns. */
int tui_columns(int width, int n, const int *min, const int *weight, int *out);
/* As tui_columns, but what is left goes first to the columns whose text
 * (want[i] columns, the widest seen) is wider than their minimum, so that
 * spare width shows whole values before it widens anything; then by
 * weight.  want may be NULL. */
int tui_columns_fit(int width, int n, const int *min, const int *weight, const int *want, int *out);

/* A box with a border (ACS lines) and a title, filled with attr. */
void tui_box(int y, int x, int h, int w, const char *title, attr_t attr);

#endif
