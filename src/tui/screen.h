/* screen.h — screens, and what the application offers them.
 *
 * HOW TO WRITE A SCREEN
 *
 * A list of records (people, cohorts, hosts …) or a pick list is a list
 * screen: write a struct tui_lscreen_def as list_screen.h says (people.c
 * is the example) and the base does the rest.  A form is tui_form_screen
 * (form.h).  Other screens are written out as follows.
 *
 * A screen is a struct that starts with a `tui_screen` and a table of
 * functions (struct tui_screen_ops), one file per screen (see
 * person_view.c, calendar.c):
 *
 *     struct person_view { tui_screen base; struct tui_view view; … };
 *     static const struct tui_screen_ops ops = {
 *         .name = N_("Person"),
 *         .contexts = contexts, .enter = enter, .draw = draw,
 *         .on_action = on_action, .on_key = on_key, .on_resize = on_resize,
 *         .on_result = on_result, .destroy = destroy,
 *     };
 *     tui_screen *tui_person_view(tui_app *app, const char *id)
 *     {
 *         struct person_view *s = calloc(1, sizeof *s);
 *         s->base.ops = &ops; …; return &s->base;
 *     }
 *
 * - Keys reach a screen in two ways.  on_key (optional) sees every key
 *   first, for text input: it returns TUI_UNHANDLED for keys it does not
 *   want.  Every other key is looked up in the action table (actions.h) in
 *   the contexts the screen reports through contexts(), and on_action gets
 *   the action.  Never compare with key codes for commands: add an action.
 * - Handlers never draw.  They change state and return what must happen:
 *   TUI_REDRAW, TUI_RELAYOUT, TUI_QUIT, or the value of tui_push() /
 *   tui_pop(), or TUI_UNHANDLED to let the application act (q and Esc go
 *   back, then quit; section keys switch sections).  0 means nothing.
 * - draw() paints the rectangle tui_screen_area() with the helpers of
 *   draw.h and puts the terminal cursor on the focused row or field with
 *   tui_cursor(), so that screen readers follow the focus.  Text is cut by
 *   display width (tui_put), never by bytes.
 * - on_resize() runs when the screen is pushed and whenever the terminal
 *   changes size: lay widgets out there (tui_list_layout, tui_form_layout).
 *   Keep state in the struct, never in the drawing, so a resize loses
 *   nothing.
 * - idle() runs once no key is waiting: a list counts its rows there, so
 *   forward it (return tui_list_idle(&s->list, app)).
 * - changed() runs when another program (a second lup window) changed the
 *   database while the screen is on top, within a second: list and view
 *   screens set it to enter, so what they show follows, focus kept.
 * - offers() leaves actions a screen does not offer now off the hint line.
 * - A detail view or a form is pushed on the section's stack with
 *   `return tui_push(app, child, TAG);`; when the child finishes with
 *   `return tui_pop(app, RESULT);` the parent's on_result gets TAG, RESULT
 *   and the child (destroyed right after), then enter() runs again.
 * - Ask before anything destructive with tui_confirm() (dialog.h): the
 *   answer comes to on_result as TUI_YES or TUI_NO; No is the default.
 *   Deleting goes through tui_ask_delete() and tui_delete() with the
 *   record kind's struct tui_deleter, so it is asked and said in the same
 *   words everywhere.
 * - Errors from the core go to the status line: tui_error(app, "%s", err.msg).
 * - Every user-facing string goes through _() (N_() in static tables);
 *   add the Swedish to share/lup/po/sv.po.
 * - Widgets: list_screen.h (list screens and pick lists, over list.h's
 *   keyset-paged list), tabs.h (a section's several views), form.h (forms,
 *   with a ready-made form screen), view.h (scrolled detail text),
 *   dialog.h (questions, deleting, help).
 * - A screen file needs another screen's constructor, never the other way
 *   round as well: what two screens share (queries, deleters, formatting)
 *   goes into a *_common.c file (tests/layers.sh checks).
 * - A section's first screen is src/tui/SECTION.c, made by
 *   tui_SECTION_screen() and listed in tui_sections[] in sections.c; a
 *   screen any screen opens by a key (the help, the calendar) is listed in
 *   tui_overlays[] there.  app.c names none of them. */
#ifndef LUP_TUI_SCREEN_H
#define LUP_TUI_SCREEN_H

#include <stddef.h>
#include "lup/config.h"
#include "lup/db.h"
#include "lup/err.h"
#include "tui/actions.h"

typedef struct tui_app tui_app;
typedef struct tui_screen tui_screen;

typedef struct tui_rect {
	int y, x, h, w;
} tui_rect;

/* What a handler asks for (bits; 0 is "nothing to do"). */
enum {
	TUI_REDRAW   = 1 << 0,   /* draw the frame again */
	TUI_RELAYOUT = 1 << 1,   /* call on_resize, then draw */
	TUI_QUIT     = 1 << 2,   /* leave lup */
	TUI_PUSH     = 1 << 3,   /* returned by tui_push */
	TUI_POP      = 1 << 4,   /* returned by tui_pop */
	TUI_MORE     = 1 << 5,   /* from idle(): more to do, nothing new to draw */
	TUI_UNHANDLED = 1 << 8   /* not mine: let the application decide */
};

/* Results a child hands to its parent's on_result (screens may use their
 * own values from TUI_RESULT_USER on). */
enum {
	TUI_CANCELLED = 0,
	TUI_SAVED = 1,
	TUI_DELETED = 2,
	TUI_YES = 3,
	TUI_NO = 4,
	/* answers to "changed elsewhere since you opened it" (changed.h) */
	TUI_KEEP_MINE = 5,
	TUI_TAKE_THEIRS = 6,
	TUI_LOOK_AGAIN = 7,
	TUI_SAVE_AS_NEW = 8,
	TUI_DROP_EDIT = 9,
	TUI_RESULT_USER = 100
};

/* Screen flags. */
enum {
	TUI_SCREEN_OVERLAY = 1 << 0   /* drawn over the screen beneath (dialogs, help) */
};

struct tui_screen_ops {
	const char *name;   /* N_(): for the help overlay's title */
	/* The active contexts: TUI_CTXBIT(TUI_CTX_…) | …  (may depend on the
	 * focused field). */
	tui_ctxmask (*contexts)(tui_screen *s, tui_app *app);
	/* Became the top screen: first shown, back from a child, or the
	 * section was switched to.  Reload data here. */
	int (*enter)(tui_screen *s, tui_app *app);
	void (*draw)(tui_screen *s, tui_app *app);
	int (*on_action)(tui_screen *s, tui_app *app, enum tui_action a);
	int (*on_key)(tui_screen *s, tui_app *app, tui_key k);          /* optional */
	void (*on_resize)(tui_screen *s, tui_app *app);                 /* optional */
	int (*on_result)(tui_screen *s, tui_app *app, tui_screen *child,
	                 int tag, int result);                          /* optional */
	void (*leave)(tui_screen *s, tui_app *app);                     /* optional */
	/* Optional: work put off until no key is waiting (e.g. counting the
	 * matches of a filter); returns what must happen, 0 when there was
	 * nothing to do. */
	int (*idle)(tui_screen *s, tui_app *app);
	/* Optional: another program (another lup window, a sync) changed the
	 * database: show what is stored now, keeping the focus, as enter()
	 * does for a list or a view (it is usually enter).  Screens holding
	 * an edit (forms) leave it out: their save merges (changed.h). */
	int (*changed)(tui_screen *s, tui_app *app);
	/* Optional: 0 for an action of its contexts that it does not offer
	 * now (left off the key-hint line), e.g. add on a detail view. */
	int (*offers)(tui_screen *s, tui_app *app, enum tui_action a);
	/* Optional: for a screen shown as a tab (tabs.h), what the tab bar
	 * shows on its right, e.g. the screen's own filters; "" for nothing. */
	void (*note)(tui_screen *s, char *buf, size_t n);
	/* Optional: show the view named `view` (a tab's N_() name; NULL for
	 * the one shown) with the record `id` focused (NULL: none), as
	 * tui_goto() asks of a section's first screen; 0, or -1 when it has
	 * no such view. */
	int (*show)(tui_screen *s, tui_app *app, const char *view, const char *id);
	void (*destroy)(tui_screen *s);
};

struct tui_screen {
	const struct tui_screen_ops *ops;
	unsigned flags;       /* TUI_SCREEN_… */
	/* set by the application */
	tui_screen *below;
	int tag;              /* the tag it was pushed with */
	/* set by a host that draws above the screen (a tab bar, tabs.h) */
	int inset;            /* lines of tui_area() the host keeps */
};

/* ---- what the application offers ---- */
lup_db *tui_db(tui_app *app);
const lup_config *tui_config(tui_app *app);
/* The rectangle a screen draws in (between the tab line and the status
 * line). */
tui_rect tui_area(tui_app *app);
/* The rectangle screen s draws in: tui_area() less what a host keeps
 * above it (s->inset lines, e.g. a tab bar).  Screens use this one. */
tui_rect tui_screen_area(tui_app *app, const tui_screen *s);
/* Where the terminal cursor goes once the frame is drawn. */
void tui_cursor(tui_app *app, int y, int x);
/* A message on the status line until the next key; tui_error marks it as
 * an error (with a word, not only a colour). */
void tui_status(tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Put a message in this run's message log without showing it (each
 * warning of a save: the status line says how many). */
void tui_log(tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The message log, newest first (i from 0); NULL past the end. */
const char *tui_message(tui_app *app, int i);
/* A form was saved and closed: keys typed within a moment after it are
 * not taken (a reflex Enter would act on a screen not yet seen). */
void tui_saved_guard(tui_app *app);
/* Push child on top of the current section's stack once the handler
 * returns; returns TUI_PUSH for the handler to return. */
int tui_push(tui_app *app, tui_screen *child, int tag);
/* Close the top screen with a result for its parent; returns TUI_POP. */
int tui_pop(tui_app *app, int result);
/* Once the handler returns (after its pushes and pops): switch to the
 * section named `section` (its N_() name, as tui_sections has it) and ask
 * its first screen to show `view` with `id` focused (the show op; either
 * may be NULL).  A screen thus leads elsewhere without knowing the screens
 * there.  Returns TUI_REDRAW. */
int tui_goto(tui_app *app, const char *section, const char *view, const char *id);
/* 1 when the screen is the bottom one of its section (q quits there). */
int tui_is_root(tui_app *app, const tui_screen *s);
/* The screen at the top of the current section. */
tui_screen *tui_top(tui_app *app);

#endif
