/* view_screen.h — the base of every detail view: one record (a person, a
 * placement, a framework …) as scrolled text (view.h).
 *
 * A view screen declares in a struct tui_vscreen_def how it reads its
 * record into the view (load), and what it does besides scrolling; the
 * base does the screen functions (screen.h): reading the record again on
 * every enter and change made elsewhere, drawing, moving, e (the form the
 * def names) and d (asking first, as tui_ask_delete does; back to the list
 * after a Yes), and, once the record is gone, only going back.
 *
 *     struct thing_view { struct tui_vscreen vs; … };
 *     static void load(struct tui_vscreen *vs, tui_app *app)
 *     {
 *         struct lup_thing t;
 *         lup_err err;
 *         if (lup_thing_get(tui_db(app), vs->id, &t, &err) < 0) {
 *             tui_vscreen_gone(vs, err.msg);
 *             return;
 *         }
 *         tui_view_field(&vs->view, _("Name"), "%s", t.name);   …
 *     }
 *     static const struct tui_vscreen_def def = {
 *         .name = N_("Thing"), .contexts = TUI_VS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD),
 *         .load = load, .form = form, .deleter = &tui_thing_deleter,
 *     };
 *     tui_screen *tui_thing_view(tui_app *app, const char *id)
 *     {
 *         struct thing_view *s = tui_vscreen_new(app, &def, sizeof *s, id);
 *         return s ? &s->vs.base : NULL;
 *     } */
#ifndef LUP_TUI_VIEW_SCREEN_H
#define LUP_TUI_VIEW_SCREEN_H

#include <stddef.h>
#include "lup/util.h"
#include "tui/dialog.h"
#include "tui/view.h"

/* The contexts every view has: sections and moving. */
#define TUI_VS_CONTEXTS (TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE))

enum {
	TUI_VS_FOLLOWS_WIDTH = 1 << 0   /* its lines are made for the width: load again on a resize */
};

/* The base's tags for the children it opens (a view's own stay below). */
enum { TUI_VS_TAG_FORM = 0x7100, TUI_VS_TAG_DELETE };

struct tui_vscreen;

struct tui_vscreen_def {
	const char *name;            /* N_(): the help overlay's title */
	tui_ctxmask contexts;        /* TUI_VS_CONTEXTS | the view's own */
	unsigned flags;              /* TUI_VS_… */
	int head;                    /* lines draw() fills above the view */
	/* Read the record vs->id into vs->view (emptied already); when it is
	 * gone, tui_vscreen_gone(). */
	void (*load)(struct tui_vscreen *vs, tui_app *app);
	/* Optional: the head lines; r is the whole area. */
	void (*draw)(struct tui_vscreen *vs, tui_app *app, tui_rect r);
	/* Optional: e opens this form on the record; d deletes it. */
	tui_screen *(*form)(struct tui_vscreen *vs);
	const struct tui_deleter *deleter;
	/* Optional: actions after scrolling and before the base's (edit,
	 * delete): TUI_UNHANDLED for the rest. */
	int (*action)(struct tui_vscreen *vs, tui_app *app, enum tui_action a);
	/* Optional: what a child answered; TUI_UNHANDLED lets the base see its
	 * own tags. */
	int (*result)(struct tui_vscreen *vs, tui_app *app, tui_screen *child, int tag, int result);
	int (*offers)(struct tui_vscreen *vs, enum tui_action a);   /* optional */
	void (*destroy)(struct tui_vscreen *vs);                    /* optional: its own memory */
};

struct tui_vscreen {
	tui_screen base;
	struct tui_screen_ops ops;           /* the base's, named as def says */
	const struct tui_vscreen_def *def;
	tui_app *app;
	char id[LUP_UUID_LEN + 1];           /* the record shown */
	int gone;                            /* it is not there (any more) */
	struct tui_view view;
	int width;                           /* the view's width when last loaded */
};

/* A new view of the record id, of size bytes (the view's struct, which
 * starts with a struct tui_vscreen), zeroed but for the base. */
void *tui_vscreen_new(tui_app *app, const struct tui_vscreen_def *def, size_t size, const char *id);
/* In load(): the record is not there; the view says why. */
void tui_vscreen_gone(struct tui_vscreen *vs, const char *why);
/* Read the record again now (after a change the view made itself). */
void tui_vscreen_load(struct tui_vscreen *vs);

#endif
