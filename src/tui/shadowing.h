/* shadowing.h — the screens of the Shadowing section.
 *
 * The section's first screen (shadowing.c) holds three views under a tab
 * bar (tabs.h): the network of host organisations (network_list.c), the
 * pipeline of placements by status (pipeline.c) and a summary by country
 * and year (shadow_summary.c).  From them open the host view and form
 * (host_view.c, host_form.c) and the placement view and forms
 * (placement_view.c, placement_form.c).  placement_list.c holds what the
 * pipeline and the host view share: a list of placements. */
#ifndef LUP_TUI_SHADOWING_H
#define LUP_TUI_SHADOWING_H

#include "lup/shadowing.h"
#include "tui/form.h"
#include "tui/list_screen.h"
#include "tui/screen.h"
#include "tui/view.h"

/* The section's first screen. */
tui_screen *tui_shadowing_screen(tui_app *app);

/* ---- its views (tabs.h) ---- */
tui_screen *tui_network_view(tui_app *app);
tui_screen *tui_pipeline_view(tui_app *app);
tui_screen *tui_summary_view(tui_app *app);

/* ---- hosts ---- */
tui_screen *tui_host_view(tui_app *app, const char *id);
/* A host's study visits by cohort and what they gave (host_visits.c). */
tui_screen *tui_host_visits(tui_app *app, const char *host_id);
/* The add (id NULL) or edit form; after TUI_SAVED, tui_host_form_id()
 * of the child is the saved host's id. */
tui_screen *tui_host_form(tui_app *app, const char *id);
const char *tui_host_form_id(tui_screen *form_screen);
/* Deleting a host (tui_ask_delete): one with placements is refused with
 * the core's words instead of a question. */
extern const struct tui_deleter tui_host_deleter;
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
/* Deleting a learning-log entry (its date and beginning shown), by its
 * id (tui_ask_delete). */
extern const struct tui_deleter tui_log_deleter;
/* Move a placement on one status from seen, the status the screen shows:
 * 0 with the new status on the status line, -1 with what is missing, or
 * TUI_PUSH when it was moved elsewhere meanwhile and a question asks what
 * to do: pass the answer (on_result with tag) to
 * tui_placement_advance_answer, which returns the same way. */
int tui_placement_advance(tui_app *app, const char *id, enum lup_pstatus seen, int tag);
int tui_placement_advance_answer(tui_app *app, int result, int tag);
/* Deleting a placement (tui_ask_delete). */
extern const struct tui_deleter tui_placement_deleter;
/* A style for a status (never the only signal: the word is shown). */
enum tui_style tui_pstatus_style(enum lup_pstatus s);

/* A list of placements (the pipeline's, a host's): a list screen
 * (list_screen.h) whose rows are struct lup_placement_row, in columns that
 * fit the width; it opens, proposes (a), edits, deletes, moves on (>) and
 * cancels (x) the focused placement, and prints its agreement (P).  A
 * screen made of it starts with a struct tui_plist and fills its
 * tui_lscreen_def with TUI_PLIST_DEF, then its own name, contexts, draw
 * and actions; its action and result hooks end in tui_plist_action and
 * tui_plist_result, its idle in tui_plist_idle. */
struct tui_plist {
	struct tui_lscreen ls;
	char host_id[LUP_UUID_LEN + 1];   /* "" for all hosts */
	int status;                        /* LUP_PS_ANY, or the one status shown */
	long counts[LUP_PS_COUNT];        /* per status, for the pipeline's line */
	int counts_ok;
	char *counted_filter;              /* the text filter the counts are of */
	int counted_status;                /* and the status */
	int count_failed;                  /* counting that query failed */
};
/* The tags of what the list opens besides the base's. */
enum { TUI_PLIST_TAG_CANCEL = 0x6000, TUI_PLIST_TAG_ADVANCE };
int tui_plist_page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err);
int tui_plist_count_rows(struct tui_lscreen *ls, long *total, long *matching, lup_err *err);
long tui_plist_position(struct tui_lscreen *ls, const void *row, lup_err *err);
int tui_plist_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err);
void tui_plist_cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c);
void tui_plist_layout(struct tui_lscreen *ls, int width, int *colw);
const char *tui_plist_sort_name(int sort);
const char *tui_plist_empty_text(struct tui_lscreen *ls);
tui_screen *tui_plist_open(struct tui_lscreen *ls, const void *row);
tui_screen *tui_plist_form(struct tui_lscreen *ls, const void *row);
extern const struct tui_col tui_plist_cols[];
#define TUI_PLIST_NCOLS 8
#define TUI_PLIST_DEF \
	.row_size = sizeof(struct lup_placement_row), \
	.id_offset = offsetof(struct lup_placement_row, id), \
	.nsorts = LUP_PLSORT_COUNT, .cols = tui_plist_cols, .ncols = TUI_PLIST_NCOLS, \
	.page = tui_plist_page, .count = tui_plist_count_rows, .position = tui_plist_position, \
	.fetch_one = tui_plist_fetch_one, .cells = tui_plist_cells, .layout = tui_plist_layout, \
	.sort_name = tui_plist_sort_name, .empty_text = tui_plist_empty_text, \
	.open = tui_plist_open, .form = tui_plist_form, .form_id = tui_placement_form_id, \
	.deleter = &tui_placement_deleter
/* Set a new list's host ("" or NULL: every host) and show every status. */
void tui_plist_init(struct tui_plist *pl, const char *host_id);
void tui_plist_free(struct tui_plist *pl);
/* The per-status counts of the list's query (counts_ok set). */
void tui_plist_count(struct tui_plist *pl);
/* The per-status counts again when the text filter or the status changed
 * since they were made (or counts_ok is 0). */
int tui_plist_idle(struct tui_lscreen *ls, tui_app *app);
/* Show one status (LUP_PS_ANY: all) from the first row, counted anew. */
void tui_plist_set_status(struct tui_plist *pl, int status);
/* Move on, cancel, print the focused placement; TUI_UNHANDLED for the rest. */
int tui_plist_action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row);
/* What its children answered: TUI_UNHANDLED for the base's tags. */
int tui_plist_result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result);

/* ---- the person view's part ---- */
int tui_shadow_person_lines(tui_app *app, const char *person_id, struct tui_view *v, lup_err *err);

#endif
