/* form.h — keyboard-only forms, and a ready-made screen around one.
 *
 * A form is a table of field definitions (static, with N_() labels) and
 * the values being edited.  Values go in and out as text:
 *   TEXT, LINES   the text (LINES joins its lines with '\n')
 *   DATE          "YYYY-MM-DD" (typing today/idag, +7, -1, +2w is accepted
 *                 and turned into a date when the field is left)
 *   TIME          "HH:MM"
 *   CHOICE        the value of the chosen tui_choice (an English keyword)
 *   REF           the id picked ("" for none); its label is shown
 *   YESNO         "1" or "0" (tui_form_bool)
 * Field names are the ones the core puts in err->field, so that
 * tui_form_show_error() can focus the field at fault and show the message
 * under it.
 *
 * The simplest use is the form screen:
 *     static const struct tui_field_def fields[] = {
 *         { "name", N_("Name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 200 },
 *         { "start", N_("Starts"), TUI_FIELD_DATE },
 *         { "status", N_("Status"), TUI_FIELD_CHOICE, .choices = st, .nchoices = 4 },
 *         { "host", N_("Host"), TUI_FIELD_REF, .search = search_hosts },
 *     };
 *     static int save(void *ud, struct tui_form *f, lup_err *err) {
 *         … read tui_form_get(f, "name") …, call the core, return 0 or -1 …
 *     }
 *     tui_screen *s = tui_form_screen(_("New cohort"), fields, 4, save, NULL, ud);
 *     tui_form_set(tui_form_of(s), "name", …);  tui_form_mark_clean(tui_form_of(s));
 *     return tui_push(app, s, TAG);     (parent's on_result gets TUI_SAVED
 *                                        or TUI_CANCELLED)
 * ^S/F2 save; Esc cancels and asks first when anything changed.
 *
 * Editing a stored record, the save function passes the row as the form
 * loaded it and tui_form_report() to the core's update function (e.g.
 * lup_person_update): what another window changed meanwhile is kept, and
 * when both changed a field the form screen asks (changed.h) and saves
 * again with the answers.  When the record was deleted meanwhile and the
 * person chooses to save it as new, tui_form_as_new() is 1: the save
 * function then inserts it. */
#ifndef LUP_TUI_FORM_H
#define LUP_TUI_FORM_H

#include "lup/err.h"
#include "lup/merge.h"
#include "tui/screen.h"

enum tui_field_type {
	TUI_FIELD_TEXT, TUI_FIELD_LINES, TUI_FIELD_DATE, TUI_FIELD_TIME,
	TUI_FIELD_CHOICE, TUI_FIELD_REF, TUI_FIELD_YESNO
};

enum {
	TUI_FIELD_REQUIRED = 1 << 0,   /* marks the label with * (the core still checks) */
	TUI_FIELD_READONLY = 1 << 1    /* shown, not editable, skipped by Tab */
};

struct tui_choice {
	const char *value;   /* stored: an English keyword */
	const char *label;   /* N_(): shown translated */
};

/* One match of a reference search. */
struct tui_ref {
	char id[64];
	char label[192];
};
/* Search for text (may be empty); up to max matches into out.  ud is the
 * form's (tui_form_new / tui_form_screen).  Returns the count or -1 with
 * err set. */
typedef int (*tui_ref_search)(tui_app *app, void *ud, const char *text, struct tui_ref *out,
                              int max, lup_err *err);

struct tui_field_def {
	const char *name;     /* the core's field name */
	const char *label;    /* N_() */
	enum tui_field_type type;
	unsigned flags;
	int maxlen;           /* bytes; 0: 1000 */
	int width;            /* columns of the input; 0: as wide as there is room */
	int lines;            /* TUI_FIELD_LINES: lines shown (0: 4) */
	const struct tui_choice *choices;
	int nchoices;
	tui_ref_search search;
	const char *help;     /* N_(): a hint shown while the field has focus, or NULL */
};

struct tui_form;

/* ud is passed to the search callbacks. */
struct tui_form *tui_form_new(const struct tui_field_def *defs, int n, void *ud);
void tui_form_free(struct tui_form *f);

const char *tui_form_get(struct tui_form *f, const char *name);   /* never NULL */
int tui_form_bool(struct tui_form *f, const char *name);
/* Set a value (for REF, the id; see tui_form_set_ref for its label). */
void tui_form_set(struct tui_form *f, const char *name, const char *value);
void tui_form_set_bool(struct tui_form *f, const char *name, int yes);
void tui_form_set_ref(struct tui_form *f, const char *name, const char *id, const char *label);
/* The current values become the "unchanged" state. */
void tui_form_mark_clean(struct tui_form *f);
int tui_form_changed(struct tui_form *f);
/* Show msg under the named field and focus it; NULL or "" clears. */
void tui_form_error(struct tui_form *f, const char *name, const char *msg);
/* A core error: at its field when it names one of ours (returns 1), else
 * 0 and the caller shows it on the status line. */
int tui_form_show_error(struct tui_form *f, const lup_err *err);
/* Check what the form checks itself (dates, times); on a problem, focus
 * the field, show it and return -1. */
int tui_form_check(struct tui_form *f);
void tui_form_focus(struct tui_form *f, const char *name);
const char *tui_form_focused(struct tui_form *f);   /* the focused field's name */

/* For the core's update functions: what a save found changed elsewhere,
 * with the answers given so far (lup/merge.h). */
struct lup_merge_report *tui_form_report(struct tui_form *f);
/* 1 once the person chose to save a record deleted elsewhere as new. */
int tui_form_as_new(struct tui_form *f);
/* A form whose record cannot be made again (a comment on a rating of a
 * deleted check-in): deleted elsewhere, it says so and stays open. */
void tui_form_no_new(struct tui_form *f);

/* Told when the person changes a choice or a reference (not when a value
 * is set with tui_form_set): field is its name; ud the form's. */
typedef void (*tui_form_changed_fn)(struct tui_form *f, const char *field, void *ud);
void tui_form_on_change(struct tui_form *f, tui_form_changed_fn fn);

/* Widget interface, for screens that embed a form themselves. */
void tui_form_layout(struct tui_form *f, tui_rect r);
void tui_form_draw(struct tui_form *f, tui_app *app);
int tui_form_key(struct tui_form *f, tui_app *app, tui_key k);
/* NEXT_FIELD, PREV_FIELD, CHOICE_NEXT, CHOICE_PREV; TUI_UNHANDLED else. */
int tui_form_action(struct tui_form *f, tui_app *app, enum tui_action a);
/* TUI_CTX_FORM, plus TUI_CTX_CHOICE on a choice or yes/no field. */
tui_ctxmask tui_form_contexts(struct tui_form *f);

/* ---- the form screen ---- */

/* Save the form: read the values, call the core; 0 on success, or -1 with
 * err set (a field error is shown at its field). */
typedef int (*tui_form_save_fn)(void *ud, struct tui_form *f, lup_err *err);

/* A screen showing `title` and the form; it owns ud and calls
 * destroy_ud(ud) when it goes.  Pops with TUI_SAVED after a successful
 * save, TUI_CANCELLED otherwise.  NULL when out of memory (tui_push
 * reports it). */
tui_screen *tui_form_screen(const char *title, const struct tui_field_def *defs, int n,
                            tui_form_save_fn save, void (*destroy_ud)(void *ud), void *ud);
struct tui_form *tui_form_of(tui_screen *form_screen);
void *tui_form_ud(tui_screen *form_screen);

#endif
