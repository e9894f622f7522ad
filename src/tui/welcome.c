/* welcome.c — the first run.  lup has just made the database file; this
 * screen says where it lives and offers four ways to begin: a demo to try
 * lup on, the staff from a CSV file, a competence framework (those lup
 * ships and the user's own, fw_files.h), or nothing at all. */
#include <stdlib.h>
#include <string.h>
#include "lup/demo.h"
#include "lup/fw_files.h"
#include "lup/i18n.h"
#include "lup/match.h"
#include "lup/util.h"
#include "tui/competence.h"
#include "tui/draw.h"
#include "tui/import.h"
#include "tui/picker.h"
#include "tui/tui.h"
#include "tui/welcome.h"

enum { TAG_PEOPLE = 1, TAG_FW_PICK, TAG_FW_PREVIEW };
enum { W_DEMO, W_PEOPLE, W_FRAMEWORK, W_EMPTY, W_COUNT };

#define MAX_FILES 64

struct welcome {
	tui_screen base;
	int focus;
	struct lup_fw_file *files;
	int nfiles;
};

static const enum tui_action choice_action[W_COUNT] = {
	TUI_A_WELCOME_DEMO, TUI_A_WELCOME_PEOPLE, TUI_A_WELCOME_FRAMEWORK, TUI_A_WELCOME_EMPTY,
};

static const char *choice_text(int i)
{
	switch (i) {
	case W_DEMO: return _("Open a demo: a made-up programme of 300 people, to try lup on");
	case W_PEOPLE: return _("Import staff from a CSV file");
	case W_FRAMEWORK: return _("Import a competence framework (DigComp 2.2 ships with lup)");
	default: return _("Start empty");
	}
}

static tui_ctxmask contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_WELCOME);
}

static int enter(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_REDRAW;
}

static void draw(tui_screen *s, tui_app *app)
{
	struct welcome *w = (struct welcome *)s;
	tui_rect r = tui_screen_area(app, s);
	attr_t n = tui_attr(TUI_S_NORMAL);
	int y = r.y + 1, x = r.x + 2, width = r.w - 4, cy = y, kw = 0;
	char keys[32], line[600];

	for (int i = 0; i < W_COUNT; i++) {
		int k = tui_width(tui_action_keys_text(choice_action[i], keys, sizeof keys));
		kw = k > kw ? k : kw;
	}
	kw += 4;
	for (int i = 0; i < r.h; i++)
		tui_fill(r.y + i, r.x, r.w, n);
	tui_put(y++, x, width, _("Welcome to lup"), tui_attr(TUI_S_TITLE), 0);
	y++;
	y += tui_put_wrapped(y, x, width, 3, _("lup keeps the whole programme in one file. Yours is new "
	                                       "and empty, and lives at:"), n, 1);
	tui_put(y++, x + 2, width - 2, lup_db_path(tui_db(app)), n | A_BOLD, 0);
	y++;
	tui_put(y++, x, width, _("How would you like to begin?"), n, 0);
	y++;
	for (int i = 0; i < W_COUNT && y < r.y + r.h - 2; i++, y++) {
		int f = i == w->focus;
		attr_t a = f ? tui_attr(TUI_S_FOCUS) : n;
		tui_fill(y, x, width, a);
		if (f) {
			tui_put(y, x, 1, tui_glyph_marker(), a | A_BOLD, 0);
			cy = y;
		}
		tui_action_keys_text(choice_action[i], keys, sizeof keys);
		tui_put(y, x + 2, kw - 3, keys, a | A_BOLD, 0);
		tui_put(y, x + kw, width - kw, choice_text(i), a, 0);
	}
	y++;
	snprintf(line, sizeof line, "%s",
	         _("Everything is saved as you go. Later: lup demo, lup import people and "
	           "lup framework import do the same from the command line (lup(1))."));
	if (y < r.y + r.h - 1)
		tui_put_wrapped(y, x, width, r.y + r.h - 1 - y, line, tui_attr(TUI_S_DIM), 1);
	tui_cursor(app, cy, x);
}

/* ---- the frameworks at hand ---- */

static int pick_framework(tui_app *app, void *ud, const char *text, struct tui_pick *out, int max,
                          lup_err *err)
{
	struct welcome *w = ud;
	int n = 0;
	(void)app; (void)err;
	/* the best matches first, each rank in file order */
	for (int rank = LUP_MATCH_EXACT; rank < LUP_MATCH_NONE; rank++)
		for (int i = 0; i < w->nfiles && n < max; i++) {
			const struct lup_fw_file *f = &w->files[i];
			int a = lup_match_rank(f->stem, text), b = lup_match_rank(f->name, text);
			if ((a < b ? a : b) != rank)
				continue;
			char label[400];
			lup_copy_cut(out[n].value, sizeof out[n].value, f->path);
			snprintf(label, sizeof label, "%s · %s", f->stem, f->name);
			lup_copy_cut(out[n].label, sizeof out[n].label, label);
			n++;
		}
	return n;
}

static int choose(struct welcome *w, tui_app *app, int which)
{
	lup_err err;
	w->focus = which;
	switch (which) {
	case W_DEMO:
		lup_err_clear(&err);
		if (lup_demo_fill(tui_db(app), tui_config(app), 0, NULL, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		tui_status(app, _("A demo programme is in %s: delete the file to start afresh."),
		           lup_db_path(tui_db(app)));
		return tui_pop(app, TUI_SAVED);
	case W_PEOPLE:
		return tui_push(app, tui_import_form(app), TAG_PEOPLE);
	case W_FRAMEWORK:
		if (!w->files && !(w->files = calloc(MAX_FILES, sizeof *w->files))) {
			tui_error(app, "%s", lup_err_oom_text());
			return TUI_REDRAW;
		}
		w->nfiles = lup_fw_files(w->files, MAX_FILES);
		if (!w->nfiles) {
			tui_error(app, "%s", _("No framework file at hand: see lup-framework(5) to write one."));
			return TUI_REDRAW;
		}
		return tui_push(app, tui_picker(app, _("Import a competence framework"),
		                                _("Type part of a name; Enter reads the file"),
		                                pick_framework, w), TAG_FW_PICK);
	default:
		return tui_pop(app, TUI_CANCELLED);
	}
}

static int on_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct welcome *w = (struct welcome *)s;
	switch (a) {
	case TUI_A_UP:
		w->focus = (w->focus + W_COUNT - 1) % W_COUNT;
		return TUI_REDRAW;
	case TUI_A_DOWN:
		w->focus = (w->focus + 1) % W_COUNT;
		return TUI_REDRAW;
	case TUI_A_TOP: case TUI_A_PAGE_UP:
		w->focus = 0;
		return TUI_REDRAW;
	case TUI_A_BOTTOM: case TUI_A_PAGE_DOWN:
		w->focus = W_COUNT - 1;
		return TUI_REDRAW;
	case TUI_A_WELCOME_CHOOSE:
		return choose(w, app, w->focus);
	case TUI_A_WELCOME_DEMO:
		return choose(w, app, W_DEMO);
	case TUI_A_WELCOME_PEOPLE:
		return choose(w, app, W_PEOPLE);
	case TUI_A_WELCOME_FRAMEWORK:
		return choose(w, app, W_FRAMEWORK);
	case TUI_A_WELCOME_EMPTY:
		return choose(w, app, W_EMPTY);
	case TUI_A_HELP: case TUI_A_REDRAW:
		return TUI_UNHANDLED;
	default:
		return 0;
	}
}

static int on_result(tui_screen *s, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)s;
	if (tag == TAG_PEOPLE && result == TUI_IMPORTED)
		return tui_pop(app, TUI_SAVED);
	if (tag == TAG_FW_PICK && result == TUI_SAVED) {
		tui_screen *preview = tui_comp_fw_import_file(app, tui_picker_value(child));
		return preview ? tui_push(app, preview, TAG_FW_PREVIEW) : TUI_REDRAW;
	}
	if (tag == TAG_FW_PREVIEW && result == TUI_SAVED)
		return tui_pop(app, TUI_SAVED);
	return TUI_REDRAW;
}

static void destroy(tui_screen *s)
{
	struct welcome *w = (struct welcome *)s;
	free(w->files);
	free(w);
}

static const struct tui_screen_ops ops = {
	.name = N_("Welcome"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_result = on_result,
	.destroy = destroy,
};

tui_screen *tui_welcome(tui_app *app)
{
	struct welcome *w = calloc(1, sizeof *w);
	(void)app;
	if (!w)
		return NULL;
	w->base.ops = &ops;
	return &w->base;
}

static int wanted;

void lup_tui_first_run(int on)
{
	wanted = on;
}

int tui_welcome_wanted(void)
{
	return wanted;
}
