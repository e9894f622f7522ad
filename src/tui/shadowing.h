/* shadowing.h — the screens of the Shadowing section.
 *
 * The section's first screen (shadowing.c) holds three views and shows
 * one at a time, switched with v / V: the network of host organisations
 * (network_list.c), the pipeline of placements by status (pipeline.c) and
 * a summary by country and year (shadow_summary.c).  From them open the
 * host view and form (host_view.c, host_form.c) and the placement view and
 * forms (placement_view.c, placement_form.c).  placement_list.c is the
 * list of placements the pipeline and the host view share. */
#ifndef LUP_TUI_SHADOWING_H
#define LUP_TUI_SHADOWING_H

#include "lup/shadowing.h"
#include "tui/form.h"
#include "tui/list.h"
#include "tui/screen.h"
#include "tui/view.h"

/* The section's first screen. */
tui_screen *tui_shadowing_screen(tui_app *app);

/* ---- the views inside it ----
 * A view is a screen drawn below the section's view bar; note() writes
 * what the bar shows on its right (the view's own filters), may be NULL. */
struct tui_shadow_view {
	tui_screen base;
	void (*note)(struct tui_shadow_view *v, char *buf, size_t n);
};
tui_screen *tui_network_view(tui_app *app);
tui_screen *tui_pipeline_view(tui_app *app);
tui_screen *tui_summary_view(tui_app *app);
/* The area of a view: tui_area() below the view bar. */
tui_rect tui_shadow_area(tui_app *app);

/* ---- hosts ---- */
tui_screen *tui_host_view(tui_app *app, const char *id);
/* A host's study visits by cohort and what they gave (host_visits.c). */
tui_screen *tui_host_visits(tui_app *app, const char *host_id);
/* The add (id NULL) or edit form; after TUI_SAVED, tui_host_form_id()
 * of the child is the saved host's id. */
tui_screen *tui_host_form(tui_app *app, const char *id);
const char *tui_host_form_id(tui_screen *form_screen);
/* Ask before deleting a host (TUI_PUSH; the answer comes with tag), or
 * TUI_REDRAW with the core's refusal on the status line. */
int tui_host_confirm_delete(tui_app *app, int tag, const char *id);
int tui_host_delete(tui_app *app, const char *id);
/* Reference searches: host organisations by name, city, country …; and
 * countries by code or name (the id is the code). */
int tui_hosts_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                     lup_err *err);
int tui_countries_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                         lup_err *err);
/* The translated label of a host type keyword. */
const char *tui_host_type_word(const char *key);

/* ---- placements ---- */
tui_screen *tui_placement_view(tui_app *app, const char *id);
/* The add (id NULL; host_id or person_id may preset the fields) or edit
 * form.  After TUI_SAVED, tui_placement_form_id() is the saved
 * placement's id, and tui_placement_form_warnings() its warnings. */
tui_screen *tui_placement_form(tui_app *app, const char *id, const char *host_id,
                               const char *person_id);
const char *tui_placement_form_id(tui_screen *form_screen);
const struct lup_pwarnings *tui_placement_form_warnings(tui_screen *form_screen);
/* Say on the status line what a placement's warnings are, once saved (the
 * form has said "Saved." already). */
void tui_placement_saved_status(tui_app *app, const struct lup_pwarnings *w);
/* The small form asking why a placement is cancelled; pops TUI_SAVED once
 * it is. */
tui_screen *tui_cancel_form(tui_app *app, const char *id);
/* The form adding a learning-log entry to a placement, and the same form
 * editing one of its entries (its date and text).  After TUI_SAVED,
 * tui_log_form_entry() is the entry's id (the new one's, after adding). */
tui_screen *tui_log_form(tui_app *app, const char *placement_id);
tui_screen *tui_log_edit_form(tui_app *app, const char *placement_id, const char *entry_id);
const char *tui_log_form_entry(tui_screen *form_screen);
/* Ask before deleting a learning-log entry (its date and beginning shown;
 * No is the default); and delete it after Yes. */
int tui_log_confirm_delete(tui_app *app, int tag, const char *entry_id);
int tui_log_delete(tui_app *app, const char *entry_id);
/* Move a placement on one status from seen, the status the screen shows:
 * 0 with the new status on the status line, -1 with what is missing, or
 * TUI_PUSH when it was moved elsewhere meanwhile and a question asks what
 * to do: pass the answer (on_result with tag) to
 * tui_placement_advance_answer, which returns the same way. */
int tui_placement_advance(tui_app *app, const char *id, enum lup_pstatus seen, int tag);
int tui_placement_advance_answer(tui_app *app, int result, int tag);
/* Ask before deleting a placement; and delete it after Yes. */
int tui_placement_confirm_delete(tui_app *app, int tag, const char *id);
int tui_placement_delete(tui_app *app, const char *id);
/* A style for a status (never the only signal: the word is shown). */
enum tui_style tui_pstatus_style(enum lup_pstatus s);

/* A list of placements (the pipeline, a host's): a tui_list whose rows are
 * struct lup_placement_row, drawn in columns that fit the width. */
struct tui_plist {
	struct tui_list list;
	tui_app *app;
	char host_id[LUP_UUID_LEN + 1];   /* "" for all hosts */
	int wide;
	int colw[8];
	int last_status;                   /* while drawing: the row above's */
	int status;                        /* LUP_PS_ANY, or the one status shown */
	long counts[LUP_PS_COUNT];        /* per status, for the pipeline's line */
	int counts_ok;
	char *counted_filter;              /* the text filter the counts are of */
	int counted_status;                /* and the status */
	int count_failed;                  /* counting that query failed */
};
void tui_plist_init(struct tui_plist *pl, tui_app *app, const char *host_id);
void tui_plist_free(struct tui_plist *pl);
void tui_plist_layout(struct tui_plist *pl, tui_rect r);
void tui_plist_draw(struct tui_plist *pl);
/* Focus a placement by id (after saving or moving it), else reload. */
void tui_plist_focus(struct tui_plist *pl, const char *id);
/* The per-status counts of the list's query (counts_ok set). */
void tui_plist_count(struct tui_plist *pl);
/* The list's idle work, then the per-status counts again when the text
 * filter or the status changed since they were made (or counts_ok is 0). */
int tui_plist_idle(struct tui_plist *pl);
/* Show one status (LUP_PS_ANY: all) from the first row, counted anew. */
void tui_plist_set_status(struct tui_plist *pl, int status);
/* Advance, cancel, open, add, edit, delete on the focused placement;
 * TUI_UNHANDLED for other actions.  tag_base: the caller's tags for the
 * children it pushes (tag_base … tag_base + 4); pass on_result's tags in
 * that range to tui_plist_result. */
int tui_plist_action(struct tui_plist *pl, enum tui_action a, int tag_base);
int tui_plist_result(struct tui_plist *pl, tui_screen *child, int tag, int result, int tag_base);

/* ---- the person view's part ---- */
int tui_shadow_person_lines(tui_app *app, const char *person_id, struct tui_view *v, lup_err *err);

#endif
