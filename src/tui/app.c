/* app.c — the shell: curses, the main loop, sections and their screen
 * stacks, the tab, status and key-hint lines, signals, and the scripted
 * headless mode used by the benchmark (LUP_KEYS=FILE). */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/sync.h"
#include "lup/undo.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"

#define MAX_DEPTH 16
/* While no key comes, look this often whether another program changed the
 * database (and how the background check goes). */
#define POLL_MS 250
/* Keys typed this soon after a save are not taken (tui_saved_guard). */
#define GUARD_MS 600
/* Messages kept for the log, and undo steps. */
#define MAX_MESSAGES 200
#define MAX_STEPS 50
#define STEP_CHANGES 64   /* as many as a connection notes (lup_db) */
/* The tag of the question Ctrl-C asks: the shell's own. */
#define TAG_QUIT_ASK 0x51554954

/* One step of undo or redo: the changes one key made. */
struct undo_step {
	long long seq[STEP_CHANGES];
	int n;
	char what[300];
};

struct tui_app {
	lup_db *db;
	const lup_config *cfg;
	int section;
	tui_screen *stack[TUI_NSECTIONS][MAX_DEPTH];
	int depth[TUI_NSECTIONS];
	/* what the last handler asked for */
	tui_screen *push;
	int push_tag, pop, pop_result;
	/* where tui_goto() leads once the pushes and pops are done */
	int go;
	char go_section[64], go_view[64], go_id[LUP_UUID_LEN + 1];
	char status[512];
	int status_err;
	int cur_y, cur_x, cur_set;
	int too_small, quit, gone;
	int verifying;          /* the database's background check runs */
	/* open conflicts of merging laptops, counted again when the database
	 * changed (the tab line shows them) */
	long conflicts;
	struct lup_db_stamp conflicts_stamp;
	int conflicts_counted;
	long long data_version; /* of the database when last looked at */
	/* headless */
	tui_key *script;
	size_t nscript, iscript;
	double *times, *cpu, *idle;  /* idle: the work put off after each key */
	size_t ntimes;
	double max_time, max_cpu, max_idle;
	tui_key max_key;
	tui_key next;   /* a key read while checking for one */
	/* the message log, oldest first */
	char *messages[MAX_MESSAGES];
	int nmessages;
	double guard_until;     /* keys before this (clock_ms) are not taken */
	struct undo_step undo[MAX_STEPS], redo[MAX_STEPS];
	int nundo, nredo;
};

static double clock_ms(void);

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* ---- services for screens ---- */

lup_db *tui_db(tui_app *app) { return app->db; }
const lup_config *tui_config(tui_app *app) { return app->cfg; }

tui_rect tui_area(tui_app *app)
{
	tui_rect r = { 1, 0, LINES - 3, COLS };
	(void)app;
	if (r.h < 1)
		r.h = 1;
	return r;
}

tui_rect tui_screen_area(tui_app *app, const tui_screen *s)
{
	tui_rect r = tui_area(app);
	int in = s ? s->inset : 0;
	r.y += in;
	r.h -= in;
	if (r.h < 1)
		r.h = 1;
	return r;
}

void tui_cursor(tui_app *app, int y, int x)
{
	app->cur_y = y;
	app->cur_x = x;
	app->cur_set = 1;
}

static void log_message(tui_app *app, const char *text)
{
	char *c;
	if (!text[0])
		return;
	if (app->nmessages && strcmp(app->messages[app->nmessages - 1], text) == 0)
		return;
	if (!(c = strdup(text)))
		return;
	if (app->nmessages == MAX_MESSAGES) {
		free(app->messages[0]);
		memmove(app->messages, app->messages + 1, (MAX_MESSAGES - 1) * sizeof app->messages[0]);
		app->nmessages--;
	}
	app->messages[app->nmessages++] = c;
}

static void vstatus(tui_app *app, int err, const char *fmt, va_list ap)
{
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	app->status_err = err;
	if (err) {
		char line[sizeof app->status + 64];
		snprintf(line, sizeof line, "%s%s", _("Error: "), app->status);
		log_message(app, line);
	} else {
		log_message(app, app->status);
	}
}

void tui_log(tui_app *app, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	log_message(app, line);
}

const char *tui_message(tui_app *app, int i)
{
	return i >= 0 && i < app->nmessages ? app->messages[app->nmessages - 1 - i] : NULL;
}

void tui_saved_guard(tui_app *app)
{
	const char *e = getenv("LUP_SAVE_GUARD_MS");
	long ms = GUARD_MS;
	if (e && *e) {
		char *end;
		long v = strtol(e, &end, 10);
		if (!*end && v >= 0 && v <= 10000)
			ms = v;
	}
	if (!app->script)
		app->guard_until = clock_ms() + (double)ms;
}

void tui_status(tui_app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vstatus(app, 0, fmt, ap);
	va_end(ap);
}

void tui_error(tui_app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vstatus(app, 1, fmt, ap);
	va_end(ap);
}

int tui_push(tui_app *app, tui_screen *child, int tag)
{
	if (!child) {   /* its constructor failed, and may have said why */
		if (!app->status[0])
			tui_error(app, "%s", lup_err_oom_text());
		return TUI_REDRAW;
	}
	if (app->push && app->push->ops->destroy)  /* only one push per handler */
		app->push->ops->destroy(app->push);
	app->push = child;
	app->push_tag = tag;
	return TUI_PUSH;
}

int tui_pop(tui_app *app, int result)
{
	app->pop = 1;
	app->pop_result = result;
	return TUI_POP;
}

tui_screen *tui_top(tui_app *app)
{
	int s = app->section;
	return app->depth[s] ? app->stack[s][app->depth[s] - 1] : NULL;
}

int tui_is_root(tui_app *app, const tui_screen *scr)
{
	return app->depth[app->section] > 0 && app->stack[app->section][0] == scr;
}

/* ---- the stack ---- */

static tui_ctxmask contexts_of(tui_app *app, tui_screen *s)
{
	tui_ctxmask m = TUI_CTXBIT(TUI_CTX_ANY);
	if (s && s->ops->contexts)
		m |= s->ops->contexts(s, app);
	return m;
}

static int enter(tui_app *app, tui_screen *s)
{
	return s && s->ops->enter ? s->ops->enter(s, app) : 0;
}

static void leave(tui_app *app, tui_screen *s)
{
	if (s && s->ops->leave)
		s->ops->leave(s, app);
}

static void destroy(tui_screen *s)
{
	if (s && s->ops->destroy)
		s->ops->destroy(s);
}

/* Make sure the section has its first screen. */
static int open_section(tui_app *app, int sec)
{
	tui_screen *s;
	if (app->depth[sec])
		return 0;
	s = tui_sections[sec].make(app);
	if (!s)
		return -1;
	s->below = NULL;
	app->stack[sec][0] = s;
	app->depth[sec] = 1;
	/* a section opened after the start needs its layout too */
	if (s->ops->on_resize)
		s->ops->on_resize(s, app);
	return 0;
}

static int switch_section(tui_app *app, int sec)
{
	if (sec == app->section && app->depth[sec])
		return 0;
	if (open_section(app, sec) < 0) {
		tui_error(app, "%s", lup_err_oom_text());
		return TUI_REDRAW;
	}
	leave(app, tui_top(app));
	app->section = sec;
	return enter(app, tui_top(app)) | TUI_REDRAW;
}

int tui_goto(tui_app *app, const char *section, const char *view, const char *id)
{
	app->go = 1;
	snprintf(app->go_section, sizeof app->go_section, "%s", section ? section : "");
	snprintf(app->go_view, sizeof app->go_view, "%s", view ? view : "");
	snprintf(app->go_id, sizeof app->go_id, "%s", id ? id : "");
	return TUI_REDRAW;
}

/* Carry out a tui_goto(): the section, then its first screen's view and
 * focus when that screen is on top (a form open there is left alone). */
static int go(tui_app *app)
{
	int sec = -1, r;
	tui_screen *root;
	app->go = 0;
	for (int i = 0; i < TUI_NSECTIONS; i++)
		if (strcmp(tui_sections[i].name, app->go_section) == 0)
			sec = i;
	if (sec < 0)
		return 0;
	r = switch_section(app, sec) | TUI_REDRAW;
	root = app->stack[sec][0];
	if (app->depth[sec] == 1 && root->ops->show)
		root->ops->show(root, app, app->go_view[0] ? app->go_view : NULL,
		                app->go_id[0] ? app->go_id : NULL);
	return r;
}

/* Carry out the pushes and pops the handlers asked for. */
static int settle(tui_app *app, int r)
{
	int changed = 0;
	for (int guard = 0; guard < 64 && (app->pop || app->push); guard++) {
		int sec = app->section;
		if (app->pop) {
			tui_screen *child = tui_top(app), *parent;
			int result = app->pop_result;
			app->pop = 0;
			if (app->depth[sec] <= 1) {  /* the root never pops: quit instead */
				r |= TUI_QUIT;
				continue;
			}
			app->depth[sec]--;
			parent = tui_top(app);
			leave(app, child);
			if (child->tag == TAG_QUIT_ASK) {   /* the shell's own question */
				if (result == TUI_YES)
					r |= TUI_QUIT;
			} else if (parent->ops->on_result)
				r |= parent->ops->on_result(parent, app, child, child->tag, result);
			destroy(child);
			changed = 1;
		} else {
			tui_screen *child = app->push;
			app->push = NULL;
			if (app->depth[sec] >= MAX_DEPTH) {
				destroy(child);
				tui_error(app, "%s", _("too many screens open: close some with q"));
				continue;
			}
			leave(app, tui_top(app));
			child->below = tui_top(app);
			child->tag = app->push_tag;
			app->stack[sec][app->depth[sec]++] = child;
			if (child->ops->on_resize)
				child->ops->on_resize(child, app);
			changed = 1;
		}
	}
	if (changed)
		r |= enter(app, tui_top(app)) | TUI_REDRAW;
	r &= ~(TUI_PUSH | TUI_POP);
	/* an enter() that pushed or popped */
	if (app->pop || app->push)
		r |= settle(app, 0);
	if (app->go && !app->pop && !app->push)
		r |= settle(app, go(app));
	return r;
}

static void relayout_all(tui_app *app)
{
	for (int sec = 0; sec < TUI_NSECTIONS; sec++)
		for (int i = 0; i < app->depth[sec]; i++) {
			tui_screen *s = app->stack[sec][i];
			if (s->ops->on_resize)
				s->ops->on_resize(s, app);
		}
}

/* ---- drawing ---- */

/* "! 3 conflicts" on the tab line, left of "lup", while any are open. */
static void draw_conflict_count(tui_app *app, int after)
{
	struct lup_db_stamp now;
	char text[64];
	int w;
	lup_db_stamp(app->db, &now);
	if (!app->conflicts_counted || !lup_db_stamp_equal(&now, &app->conflicts_stamp)) {
		long n = lup_conflict_count(app->db, NULL);
		app->conflicts = n > 0 ? n : 0;
		app->conflicts_stamp = now;
		app->conflicts_counted = 1;
	}
	if (!app->conflicts)
		return;
	snprintf(text, sizeof text, ngettext("! %ld conflict ", "! %ld conflicts ", (unsigned long)app->conflicts),
	         app->conflicts);
	w = tui_width(text);
	if (COLS - 4 - w > after)
		tui_put(0, COLS - 4 - w, w, text, tui_attr(TUI_S_TAB_ACTIVE), TUI_CLIP);
}

static void draw_tabs(tui_app *app)
{
	int x = 0;
	tui_fill(0, 0, COLS, tui_attr(TUI_S_TABS));
	for (int i = 0; i < TUI_NSECTIONS && x < COLS; i++) {
		char label[96];
		int active = i == app->section;
		snprintf(label, sizeof label, active ? "[%d %s]" : " %d %s ", i + 1, _(tui_sections[i].name));
		x += tui_put(0, x, COLS - x, label, tui_attr(active ? TUI_S_TAB_ACTIVE : TUI_S_TABS), TUI_CLIP);
		if (x < COLS)
			x += tui_put(0, x, 1, " ", tui_attr(TUI_S_TABS), 0);
	}
	if (COLS - x > 5)
		tui_put(0, COLS - 4, 4, "lup ", tui_attr(TUI_S_TABS), TUI_CLIP);
	draw_conflict_count(app, x);
}

/* The status line: one line; a message too long for it ends in "…" (the
 * message log, TUI_A_MESSAGES, has it whole). */
static int draw_status(tui_app *app)
{
	int y = LINES - 2, x = 0;
	attr_t a = tui_attr(app->status_err ? TUI_S_ERROR : TUI_S_STATUS);
	tui_fill(y, 0, COLS, tui_attr(TUI_S_STATUS));
	if (!app->status[0])
		return 0;
	if (app->status_err)
		x = tui_put(y, 0, COLS, _("Error: "), a, 0);
	tui_put(y, x, COLS - x, app->status, a, 0);
	return 0;
}

static void draw_hints(tui_app *app)
{
	tui_screen *top = tui_top(app);
	tui_ctxmask mask = contexts_of(app, top);
	int y = LINES - 1, x = 0, reserve = 0;
	tui_fill(y, 0, COLS, tui_attr(TUI_S_HINT));
	/* The help key always keeps its place at the end: every other key
	 * can be found through it. */
	{
		const struct tui_action_info *hi = tui_action_info(TUI_A_HELP);
		tui_key hk[TUI_MAX_KEYS];
		char kb[16];
		if (hi->hint && tui_action_keys(TUI_A_HELP, hk) > 0 &&
		    tui_action_for(hk[0], mask) == TUI_A_HELP)
			reserve = tui_width(tui_key_label(hk[0], kb)) + 1 + tui_width(_(hi->hint)) + 2;
	}
	for (int c = TUI_CTX_COUNT - 1; c >= 0; c--) {
		if (!(mask & TUI_CTXBIT(c)))
			continue;
		for (int a = 0; a < TUI_A_COUNT; a++) {
			const struct tui_action_info *ai = tui_action_info((enum tui_action)a);
			tui_key keys[TUI_MAX_KEYS];
			char kb[16];
			const char *hint, *kn;
			int w;
			if ((int)ai->ctx != c || !ai->hint || tui_action_keys((enum tui_action)a, keys) == 0)
				continue;
			if (top->ops->offers && !top->ops->offers(top, app, (enum tui_action)a))
				continue;
			{
				/* In forms, characters are text: show a key that is not. */
				int i = 0, nk = tui_action_keys((enum tui_action)a, keys);
				if (mask & TUI_CTXBIT(TUI_CTX_FORM))
					while (i < nk - 1 && tui_key_is_text(keys[i]))
						i++;
				keys[0] = keys[i];
				if (a == TUI_A_YES && tui_action_shown_key(TUI_A_YES, mask) != TUI_KEY_NONE)
					keys[0] = tui_action_shown_key(TUI_A_YES, mask);   /* "j Ja" */
			}
			if (tui_action_for(keys[0], mask) != (enum tui_action)a)
				continue;  /* shadowed by a more specific context */
			hint = a == TUI_A_QUIT && !tui_is_root(app, top) ? _("Back") : _(ai->hint);
			kn = tui_key_label(keys[0], kb);
			w = tui_width(kn) + 1 + tui_width(hint) + 2;
			if (x + w > COLS - (a == TUI_A_HELP ? 0 : reserve))
				continue;
			x += tui_put(y, x, COLS - x, kn, tui_attr(TUI_S_HINT_KEY), 0);
			x += tui_put(y, x, COLS - x, " ", tui_attr(TUI_S_HINT), 0);
			x += tui_put(y, x, COLS - x, hint, tui_attr(TUI_S_HINT), 0);
			x += 2;
		}
	}
}

static void draw_too_small(tui_app *app)
{
	char line[256];
	int y = LINES / 2 - 2;
	tui_screen *top = tui_top(app);
	int canquit = tui_is_root(app, top) && (contexts_of(app, top) & TUI_CTXBIT(TUI_CTX_MAIN));
	if (y < 0)
		y = 0;
	snprintf(line, sizeof line, _("The terminal is too small: %d×%d."), COLS, LINES);
	tui_put(y++, 1, COLS - 2, line, A_BOLD, 0);
	snprintf(line, sizeof line, _("lup needs at least %d×%d. Make the window larger to go on."),
	         TUI_MIN_COLS, TUI_MIN_LINES);
	tui_put(y++, 1, COLS - 2, line, A_NORMAL, 0);
	if (canquit)
		tui_put(y++, 1, COLS - 2, _("Nothing is lost: press q to quit."), A_NORMAL, 0);
	move(y < LINES ? y : 0, 1);
}

static void draw_frame(tui_app *app)
{
	erase();
	app->too_small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
	if (app->too_small) {
		draw_too_small(app);
	} else {
		int sec = app->section, base = app->depth[sec] - 1;
		draw_tabs(app);
		while (base > 0 && (app->stack[sec][base]->flags & TUI_SCREEN_OVERLAY))
			base--;
		app->cur_set = 0;
		for (int i = base < 0 ? 0 : base; i < app->depth[sec]; i++)
			app->stack[sec][i]->ops->draw(app->stack[sec][i], app);
		if (!draw_status(app))
			draw_hints(app);
		if (app->cur_set)
			move(app->cur_y, app->cur_x);
		else
			move(LINES - 2, 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- keys ---- */

static tui_key from_curses(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return TUI_KEY_UP;
		case KEY_DOWN: return TUI_KEY_DOWN;
		case KEY_LEFT: return TUI_KEY_LEFT;
		case KEY_RIGHT: return TUI_KEY_RIGHT;
		case KEY_PPAGE: return TUI_KEY_PGUP;
		case KEY_NPAGE: return TUI_KEY_PGDN;
		case KEY_HOME: case KEY_A1: return TUI_KEY_HOME;
		case KEY_END: case KEY_C1: case KEY_LL: return TUI_KEY_END;
		case KEY_IC: return TUI_KEY_INS;
		case KEY_DC: return TUI_KEY_DEL;
		case KEY_BTAB: return TUI_KEY_BTAB;
		case KEY_ENTER: return TUI_KEY_ENTER;
		case KEY_BACKSPACE: return TUI_KEY_BS;
		case KEY_RESIZE: return TUI_KEY_RESIZE;
		default:
			if (ch >= (wint_t)KEY_F(1) && ch <= (wint_t)KEY_F(12))
				return TUI_KEY_F((int)ch - KEY_F0);
			return TUI_KEY_NONE;
		}
	}
	if (ch == '\n' || ch == '\r')
		return TUI_KEY_ENTER;
	if (ch == 8 || ch == 127)
		return TUI_KEY_BS;
	if (ch > 0x10ffff)
		return TUI_KEY_NONE;
	return (tui_key)ch;
}

/* Is a key waiting?  (It is kept for read_key.) */
static int key_waiting(tui_app *app)
{
	wint_t ch = 0;
	int r;
	if (app->next != TUI_KEY_NONE)
		return 1;
	nodelay(stdscr, TRUE);
	r = get_wch(&ch);
	timeout(POLL_MS);  /* back to waiting, as before */
	if (r == ERR)
		return 0;
	app->next = from_curses(r, ch);
	return app->next != TUI_KEY_NONE;
}

/* The next key from the terminal; TUI_KEY_NONE when it is time to stop. */
/* The database's background check: once it has an answer, stop waking up
 * for it and say so if the file is damaged. */
static void poll_verify(tui_app *app)
{
	lup_err err;
	int v;
	if (!app->verifying)
		return;
	v = lup_db_verify_poll(app->db, &err);
	if (v == 0)
		return;
	app->verifying = 0;
	if (v < 0) {
		tui_error(app, "%s", err.msg);
		draw_frame(app);
	}
}

/* Another program (a second lup window, a sync) committed a change since
 * we last looked: the screen on top shows it (changed()), keeping its focus.
 * Our own writes leave data_version alone.  A form or a question is left
 * as it is: a form's save merges, and the screen under a question is
 * shown anew once it is back on top (enter). */
static int watch_changes(tui_app *app)
{
	struct lup_db_stamp st;
	tui_screen *top;
	int r;
	lup_db_stamp(app->db, &st);
	if (st.data_version == app->data_version)
		return 0;
	app->data_version = st.data_version;
	top = tui_top(app);
	if (app->too_small || !top || !top->ops->changed)
		return 0;
	r = settle(app, top->ops->changed(top, app));
	if (r & TUI_QUIT)
		app->quit = 1;
	return r | TUI_REDRAW;
}

static double clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static tui_key read_key(tui_app *app)
{
	int errors = 0;
	if (app->next != TUI_KEY_NONE) {
		tui_key k = app->next;
		app->next = TUI_KEY_NONE;
		return k;
	}
	for (;;) {
		wint_t ch = 0;
		int r;
		tui_key k;
		if (got_signal)
			return TUI_KEY_NONE;
		double t0 = clock_ms();
		r = get_wch(&ch);
		if (r == ERR && clock_ms() - t0 >= 100) {
			/* The wake-up while no key comes, not an error. */
			poll_verify(app);
			if (watch_changes(app) & (TUI_REDRAW | TUI_RELAYOUT))
				draw_frame(app);
			if (app->quit)
				return TUI_KEY_NONE;
			continue;
		}
		if (r == ERR) {
			/* A signal, or a terminal that went away: get_wch fails at
			 * once from then on, so stop instead of spinning. */
			if (got_signal)
				return TUI_KEY_NONE;
			if (++errors >= 3 || !isatty(STDIN_FILENO)) {
				app->gone = 1;
				return TUI_KEY_NONE;
			}
			continue;
		}
		errors = 0;
		if ((k = from_curses(r, ch)) != TUI_KEY_NONE)
			return k;
	}
}

/* ---- undo and redo ---- */

/* The changes the last key made: a step to undo (and nothing to redo). */
static void note_changes(tui_app *app)
{
	struct undo_step st;
	memset(&st, 0, sizeof st);
	st.n = lup_undo_take_logged(app->db, st.seq, STEP_CHANGES);
	if (st.n == 0)
		return;
	if (app->nundo == MAX_STEPS) {
		memmove(app->undo, app->undo + 1, (MAX_STEPS - 1) * sizeof app->undo[0]);
		app->nundo--;
	}
	app->undo[app->nundo++] = st;
	app->nredo = 0;
}

/* Undo the newest step of from and put its undo on to (undo: redo, and
 * back). */
static int undo_step(tui_app *app, struct undo_step *from, int *nfrom, struct undo_step *to, int *nto,
                     int redo)
{
	struct undo_step *st, made;
	tui_screen *top = tui_top(app);
	lup_err err;
	long long seq;
	char what[300];
	if (*nfrom == 0) {
		tui_status(app, "%s", redo ? _("Nothing to redo.") : _("Nothing to undo in this window."));
		return TUI_REDRAW;
	}
	st = &from[*nfrom - 1];
	lup_err_clear(&err);
	if (lup_undo(app->db, st->seq, st->n, &seq, what, sizeof what, &err) < 0) {
		tui_error(app, "%s", err.msg);
		if (err.code != LUP_ECHANGED)
			(*nfrom)--;   /* it never will: let the step before it be reached */
		return TUI_REDRAW;
	}
	memset(&made, 0, sizeof made);
	if (seq > 0) {
		made.seq[0] = seq;
		made.n = 1;
	}
	/* a redo says what it does again: the words of the first change */
	snprintf(made.what, sizeof made.what, "%s", redo ? st->what : (what[0] ? what : st->what));
	if (!redo)
		snprintf(st->what, sizeof st->what, "%s", made.what);
	if (redo)
		tui_status(app, _("Redid: %s"), st->what);
	else
		tui_status(app, _("Undid: %s"), made.what);
	(*nfrom)--;
	if (made.n && *nto < MAX_STEPS)
		to[(*nto)++] = made;
	/* what the screens show comes from the database anew */
	return (top && top->ops->changed ? top->ops->changed(top, app) : 0) | TUI_REDRAW;
}

/* ---- Ctrl-Z ---- */

static void suspend(tui_app *app)
{
	struct sigaction dfl, old;
	(void)app;
	endwin();
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	raise(SIGTSTP);
	/* back (fg): curses takes the terminal again, everything redrawn */
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/* ---- dispatch ---- */

static int default_action(tui_app *app, enum tui_action a)
{
	tui_screen *top = tui_top(app);
	for (int i = 0; i < TUI_NOVERLAYS; i++) {
		const struct tui_overlay *o = &tui_overlays[i];
		if (a != o->action)
			continue;
		if (top && o->is(top))   /* already open: its key again closes it, or does nothing */
			return o->toggles ? tui_pop(app, TUI_CANCELLED) : 0;
		return tui_push(app, o->make(app, top, contexts_of(app, top)), 0);
	}
	switch (a) {
	case TUI_A_REDRAW:
		/* everything drawn anew, from what is stored now */
		clearok(curscr, TRUE);
		return (top && top->ops->changed ? top->ops->changed(top, app) : 0) | TUI_REDRAW;
	case TUI_A_SECTION1: case TUI_A_SECTION2: case TUI_A_SECTION3:
	case TUI_A_SECTION4: case TUI_A_SECTION5:
		return switch_section(app, a - TUI_A_SECTION1);
	case TUI_A_NEXT_SECTION:
		return switch_section(app, (app->section + 1) % TUI_NSECTIONS);
	case TUI_A_PREV_SECTION:
		return switch_section(app, (app->section + TUI_NSECTIONS - 1) % TUI_NSECTIONS);
	case TUI_A_QUIT:
		return tui_is_root(app, top) ? TUI_QUIT : tui_pop(app, TUI_CANCELLED);
	case TUI_A_BACK:
		return tui_is_root(app, top) ? 0 : tui_pop(app, TUI_CANCELLED);
	case TUI_A_UNDO:
		return undo_step(app, app->undo, &app->nundo, app->redo, &app->nredo, 0);
	case TUI_A_REDO: {
		/* a redo is an undo of the undo; what it makes can be undone */
		int r = undo_step(app, app->redo, &app->nredo, app->undo, &app->nundo, 1);
		return r;
	}
	case TUI_A_INTERRUPT:
		if (top && top->tag == TAG_QUIT_ASK)   /* asked already: a second Ctrl-C quits */
			return TUI_QUIT;
		return tui_confirm(app, TAG_QUIT_ASK, _("Quit lup?"),
		                   _("Text typed in a form and not saved is lost; everything else is saved."));
	case TUI_A_SUSPEND:
		suspend(app);
		return TUI_REDRAW;
	default:
		return 0;
	}
}

static int handle_key(tui_app *app, tui_key k)
{
	tui_screen *top = tui_top(app);
	tui_ctxmask mask = contexts_of(app, top);
	enum tui_action a;
	int r = TUI_UNHANDLED;

	if (app->too_small) {
		/* Nothing can be seen: only quitting from a top screen. */
		if (tui_action_for(k, mask) == TUI_A_QUIT && tui_is_root(app, top) &&
		    (mask & TUI_CTXBIT(TUI_CTX_MAIN)))
			return TUI_QUIT;
		return 0;
	}
	if (app->status[0]) {
		app->status[0] = 0;
		r |= TUI_REDRAW;
	}
	if (top->ops->on_key) {
		int kr = top->ops->on_key(top, app, k);
		if (!(kr & TUI_UNHANDLED))
			return settle(app, kr | (r & TUI_REDRAW));
	}
	a = tui_action_for(k, mask);
	if (a == TUI_A_NONE)
		return r & TUI_REDRAW;
	r &= TUI_REDRAW;
	{
		int ar = top->ops->on_action ? top->ops->on_action(top, app, a) : TUI_UNHANDLED;
		if (ar & TUI_UNHANDLED)
			ar = default_action(app, a);
		r |= ar;
	}
	return settle(app, r);
}

/* ---- headless mode ---- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of the process: on a busy machine, what the work itself costs. */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Read a key script: key names as in [keys], "quoted text" typed
 * character by character, # comments to the end of the line. */
static int load_script(tui_app *app, const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[4096];
	size_t cap = 0;
	if (!fp) {
		fprintf(stderr, _("lup: %s: %s\n"), path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, fp)) {
		char *p = line;
		for (;;) {
			char *tok;
			size_t n;
			while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
				p++;
			if (!*p || *p == '#')
				break;
			if (*p == '"') {
				char *end = strchr(p + 1, '"');
				tok = p + 1;
				n = end ? (size_t)(end - tok) : strlen(tok);
				p = end ? end + 1 : tok + n;
				for (size_t i = 0; i < n;) {
					uint32_t cp;
					size_t k = lup_utf8_decode(tok + i, n - i, &cp);
					if (!k)
						k = 1;
					if (app->nscript == cap) {
						tui_key *nk = realloc(app->script, (cap = cap ? cap * 2 : 256) * sizeof *nk);
						if (!nk) { fclose(fp); return -1; }
						app->script = nk;
					}
					app->script[app->nscript++] = (tui_key)cp;
					i += k;
				}
				continue;
			}
			tok = p;
			n = strcspn(p, " \t\r\n");
			p += n;
			if (*p)
				*p++ = 0;
			{
				tui_key k = tui_key_parse(tok);
				if (k == TUI_KEY_NONE) {
					fprintf(stderr, _("lup: %s: '%s' is not a key name\n"), path, tok);
					fclose(fp);
					return -1;
				}
				if (app->nscript == cap) {
					tui_key *nk = realloc(app->script, (cap = cap ? cap * 2 : 256) * sizeof *nk);
					if (!nk) { fclose(fp); return -1; }
					app->script = nk;
				}
				app->script[app->nscript++] = k;
			}
		}
	}
	fclose(fp);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report_times(tui_app *app, double first, double first_cpu)
{
	double sum = 0, csum = 0;
	char kb[16];
	const char *log = getenv("LUP_KEYS_TIMES");
	FILE *fp = log && *log ? fopen(log, "w") : NULL;
	if (fp) {  /* every key, its time and the idle work after it, in the order pressed */
		for (size_t i = 0; i < app->ntimes; i++)
			fprintf(fp, "%s %.3f %.3f %.3f\n", tui_key_name(app->script[i], kb), app->times[i],
			        app->cpu[i], app->idle[i]);
		fclose(fp);
	}
	for (size_t i = 0; i < app->ntimes; i++) {
		sum += app->times[i];
		csum += app->cpu[i];
	}
	qsort(app->times, app->ntimes, sizeof *app->times, cmp_double);
	qsort(app->cpu, app->ntimes, sizeof *app->cpu, cmp_double);
	{
		size_t n = app->ntimes, p95 = n ? (n * 95) / 100 : 0;
		if (n && p95 >= n)
			p95 = n - 1;
		fprintf(stderr, "tui-bench: first_frame_ms=%.3f first_frame_cpu_ms=%.3f keys=%zu "
		        "mean_ms=%.3f median_ms=%.3f p95_ms=%.3f max_ms=%.3f max_key=%s "
		        "cpu_mean_ms=%.3f cpu_p95_ms=%.3f cpu_max_ms=%.3f idle_max_ms=%.3f\n",
		        first, first_cpu, n, n ? sum / (double)n : 0.0, n ? app->times[n / 2] : 0.0,
		        n ? app->times[p95] : 0.0, app->max_time, n ? tui_key_name(app->max_key, kb) : "-",
		        n ? csum / (double)n : 0.0, n ? app->cpu[p95] : 0.0, app->max_cpu, app->max_idle);
	}
}

/* ---- the loop ---- */

/* Work put off while keys come in, once none is waiting, a slice at a
 * time for as long as the screen has some (a heat map being worked out)
 * and no key comes; in the headless mode after every key, timed on its
 * own, the whole of it (with a bound, should a screen never be done). */
static void run_idle(tui_app *app)
{
	double t0 = now_ms();
	if ((app->script || !key_waiting(app)) && (watch_changes(app) & (TUI_REDRAW | TUI_RELAYOUT)) &&
	    !app->quit)
		draw_frame(app);
	for (long i = 0; i < 100000 && !app->quit; i++) {
		tui_screen *top = tui_top(app);
		double ti = now_ms();
		int r;
		if (!top || !top->ops->idle || (!app->script && key_waiting(app)))
			break;
		r = settle(app, top->ops->idle(top, app));
		if (!r)
			break;
		if (r & TUI_QUIT)
			app->quit = 1;
		else if (r & (TUI_REDRAW | TUI_RELAYOUT))
			draw_frame(app);
		if (now_ms() - ti > app->max_idle)
			app->max_idle = now_ms() - ti;
	}
	if (app->idle && app->ntimes)
		app->idle[app->ntimes - 1] += now_ms() - t0;
}

static void warn_stderr(void *ud, const char *msg)
{
	(void)ud;
	fprintf(stderr, _("lup: warning: %s\n"), msg);
}

int tui_app_run(lup_db *db, const lup_config *cfg)
{
	tui_app app;
	const char *script = getenv("LUP_KEYS");
	SCREEN *term = NULL;
	FILE *nout = NULL, *nin = NULL;
	struct sigaction sa;
	double t0 = now_ms(), c0 = cpu_ms(), first = 0, first_cpu = 0;
	int rc = 0;

	memset(&app, 0, sizeof app);
	app.db = db;
	app.cfg = cfg;
	app.max_key = TUI_KEY_NONE;
	app.next = TUI_KEY_NONE;
	if (script && *script) {
		if (load_script(&app, script) < 0)
			return 1;
		if (!(app.times = calloc(app.nscript + 1, sizeof *app.times)) ||
		    !(app.cpu = calloc(app.nscript + 1, sizeof *app.cpu)) ||
		    !(app.idle = calloc(app.nscript + 1, sizeof *app.idle))) {
			free(app.times);
			free(app.cpu);
			free(app.script);
			return 1;
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s", _("lup: the terminal interface needs a terminal on standard input "
		                        "and output; for scripts, use a command (see lup --help)\n"));
		return 1;
	}
	tui_keys_load(cfg, warn_stderr, NULL);

	/* Signal handlers only set a flag; installed before curses so that
	 * curses leaves them alone.  No SA_RESTART: a signal wakes get_wch. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	if (app.script) {
		nout = fopen("/dev/null", "w");
		nin = fopen("/dev/null", "r");
		if (!nout || !nin || !(term = newterm("xterm-256color", nout, nin))) {
			fprintf(stderr, "%s", _("lup: cannot start the terminal interface\n"));
			rc = 1;
			goto out;
		}
		set_term(term);
	} else if (!initscr()) {
		fprintf(stderr, "%s", _("lup: cannot start the terminal interface\n"));
		return 1;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(1);
	tui_theme_init(cfg, !app.script);

	{
		struct lup_db_stamp st;
		lup_db_stamp(db, &st);
		app.data_version = st.data_version;
	}
	if (open_section(&app, 0) < 0) {
		endwin();
		fprintf(stderr, "%s", _("lup: out of memory\n"));
		rc = 1;
		goto out;
	}
	{
		tui_screen *opening = tui_opening_screen(&app);   /* e.g. the first run's welcome */
		if (opening)
			tui_push(&app, opening, 0);
	}
	relayout_all(&app);
	settle(&app, enter(&app, tui_top(&app)));
	{
		long long none[1];
		while (lup_undo_take_logged(db, none, 1) > 0)
			;   /* what opening wrote is no step of this window's */
	}
	draw_frame(&app);
	first = now_ms() - t0;
	first_cpu = cpu_ms() - c0;
	/* lup opened the database without quick_check so this frame did not
	 * wait for it; the check runs now beside the interface. */
	if (!app.script && lup_db_verify_start(db, NULL) == 0)
		app.verifying = 1;
	if (!app.script)
		timeout(POLL_MS);

	while (!app.quit) {
		tui_key k;
		int r;
		double t, c;
		run_idle(&app);
		if (app.quit)
			break;
		if (app.script) {
			if (app.iscript >= app.nscript)
				break;
			k = app.script[app.iscript++];
		} else {
			k = read_key(&app);
		}
		if (k == TUI_KEY_NONE)
			break;
		if (!app.script && k != TUI_KEY_RESIZE && clock_ms() < app.guard_until)
			continue;   /* typed on a screen not seen yet, after a save */
		t = now_ms();
		c = cpu_ms();
		if (k == TUI_KEY_RESIZE) {
			relayout_all(&app);
			r = TUI_REDRAW;
		} else {
			r = handle_key(&app, k);
			note_changes(&app);
		}
		if (r & TUI_RELAYOUT)
			relayout_all(&app);
		if (r & TUI_QUIT)
			app.quit = 1;
		if (!app.quit && (r & (TUI_REDRAW | TUI_RELAYOUT)))
			draw_frame(&app);
		else if (!app.quit)
			doupdate();
		if (app.times) {
			double d = now_ms() - t, dc = cpu_ms() - c;
			app.cpu[app.ntimes] = dc;
			app.times[app.ntimes++] = d;
			if (d > app.max_time) {
				app.max_time = d;
				app.max_key = k;
			}
			if (dc > app.max_cpu)
				app.max_cpu = dc;
		}
	}
	endwin();
	if (app.times)
		report_times(&app, first, first_cpu);
	if (app.gone) {
		fprintf(stderr, "%s", _("lup: the terminal went away; everything was already saved\n"));
		rc = 1;
	}
out:
	for (int sec = 0; sec < TUI_NSECTIONS; sec++)
		while (app.depth[sec] > 0)
			destroy(app.stack[sec][--app.depth[sec]]);
	if (app.push)
		destroy(app.push);
	if (term)
		delscreen(term);
	if (nout)
		fclose(nout);
	if (nin)
		fclose(nin);
	for (int i = 0; i < app.nmessages; i++)
		free(app.messages[i]);
	free(app.script);
	free(app.times);
	free(app.cpu);
	free(app.idle);
	return rc;
}
