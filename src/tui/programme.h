/* programme.h — the screens of the Programme section, and what they share.
 *
 *   tui_programme_screen   the section's first screen: progress and cohorts
 *   tui_cohort_form        add or edit a cohort
 *   tui_cohort_view        one cohort: warnings, sessions, participants
 *   tui_session_form       add or edit a session
 *   tui_register_screen    the attendance register of a session
 *   tui_enrolment_form     one participant's "since" day and note
 *   tui_enrol_picker       pick people (several) to enrol in a cohort
 *   tui_cohort_picker      pick one cohort (copying a session to it)
 *   tui_blocks_screen      the programme's blocks, and tui_block_form
 *   tui_notice             a message to read (warnings after a save)
 * The calendar is calendar.h's. */
#ifndef LUP_TUI_PROGRAMME_H
#define LUP_TUI_PROGRAMME_H

#include <stddef.h>
#include "lup/conflict.h"
#include "lup/programme.h"
#include "tui/form.h"
#include "tui/list_screen.h"
#include "tui/screen.h"

tui_screen *tui_programme_screen(tui_app *app);

/* The add (id NULL, in programme_id) or edit form of a cohort.  After
 * TUI_SAVED: tui_cohort_form_id() is the cohort saved, and
 * tui_cohort_form_report() puts what the coordinator must hear (the rule
 * warnings, who moved up from the waitlist) on the status line and, when
 * there are warnings, returns a notice to push (else NULL). */
tui_screen *tui_cohort_form(tui_app *app, const char *programme_id, const char *id);
const char *tui_cohort_form_id(tui_screen *form_screen);
tui_screen *tui_cohort_form_report(tui_app *app, tui_screen *form_screen);


tui_screen *tui_cohort_view(tui_app *app, const char *id);

/* The add (id NULL, in cohort_id) or edit form of a session; after
 * TUI_SAVED, as for the cohort form. */
tui_screen *tui_session_form(tui_app *app, const char *cohort_id, const char *id);
const char *tui_session_form_id(tui_screen *form_screen);
tui_screen *tui_session_form_report(tui_app *app, tui_screen *form_screen);

tui_screen *tui_register_screen(tui_app *app, const char *session_id);

/* The edit form of one enrolment: the day the seat counts from, a note. */
tui_screen *tui_enrolment_form(tui_app *app, const char *enrolment_id);

/* Pops TUI_SAVED once it enrolled someone; it has said on the status
 * line how many got a seat and how many wait. */
tui_screen *tui_enrol_picker(tui_app *app, const char *cohort_id);

/* Pops TUI_SAVED with the cohort picked (tui_cohort_picked); not_id (may
 * be NULL) is left out of the choice. */
tui_screen *tui_cohort_picker(tui_app *app, const char *title, const char *not_id);
const char *tui_cohort_picked(tui_screen *picker);

tui_screen *tui_blocks_screen(tui_app *app, const char *programme_id);
/* The add (id NULL) or edit form of a block. */
tui_screen *tui_block_form(tui_app *app, const char *programme_id, const char *id);
/* The programme's own form (name, description, target, dates); pops with
 * TUI_SAVED or TUI_CANCELLED. */
tui_screen *tui_programme_form(tui_app *app, const char *id);
const char *tui_block_form_id(tui_screen *form_screen);

/* A message over the current screen: a title and lines (copied); Enter,
 * Esc or q closes it.  NULL when out of memory. */
tui_screen *tui_notice(const char *title, const char *const *lines, int n);
/* The message log of this run, newest first, as a notice (the overlay of
 * TUI_A_MESSAGES); tui_is_messages tells it. */
tui_screen *tui_messages_screen(tui_app *app);
int tui_is_messages(const tui_screen *s);
/* The messages of a warning list as a notice titled `title`. */
tui_screen *tui_notice_warnings(const char *title, const struct lup_warnings *w);

/* ---- lists of cohorts (list_screen.h) ----
 * A list screen of cohorts by start date (the cohort list, the pick lists
 * of a cohort) starts with a struct tui_cohorts and uses these queries
 * (programme_common.c); its rows are struct lup_cohort_row. */
struct tui_cohorts {
	struct tui_lscreen ls;
	char prog[LUP_ID_SIZE];   /* the programme's; "" for every programme */
	int warnings;             /* rows count their warnings */
	int all_row;              /* a first row (empty id) for every cohort */
	/* what tui_cohorts_pick picked: "" for every cohort */
	char picked_id[LUP_ID_SIZE], picked_name[128];
};
int tui_cohorts_page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err);
int tui_cohorts_count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err);
long tui_cohorts_position(struct tui_lscreen *ls, const void *row, lup_err *err);
int tui_cohorts_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err);
/* A pick list's pick (list_screen.h): notes the cohort (or every cohort)
 * in picked_id and picked_name, and pops with TUI_SAVED. */
int tui_cohorts_pick(struct tui_lscreen *ls, const void *row);
#define TUI_COHORTS_LIST_DEF \
	.row_size = sizeof(struct lup_cohort_row), .id_offset = offsetof(struct lup_cohort_row, id), \
	.page = tui_cohorts_page, .count = tui_cohorts_count, \
	.position = tui_cohorts_position, .fetch_one = tui_cohorts_fetch_one
/* A pick list of cohorts: short, no "/" filter (letters are its keys). */
#define TUI_COHORTS_DEF TUI_COHORTS_LIST_DEF, .flags = TUI_LS_NO_FILTER

/* ---- shared formatting ---- */

/* "2014-03-10 – 2014-05-26", or one date, or "" (undated). */
void tui_prog_dates(const char *start, const char *end, char *buf, size_t n);
/* The ISO weeks of a date span: "w. 11–22", "w. 11", or "". */
void tui_prog_weeks(const char *start, const char *end, char *buf, size_t n);
/* Seats: "16/16 +2 waiting" (or "12/16"). */
void tui_prog_seats(long seated, int capacity, long waiting, char *buf, size_t n);
/* "! 2 warnings", or "" for none. */
void tui_prog_warn_count(int n, char *buf, size_t len);
/* The status line after saving with warnings: "Saved, with 2 warnings:
 * first one" or "Saved."; and who moved up from the waitlist, if anyone. */
void tui_prog_saved_status(tui_app *app, const struct lup_warnings *w,
                           const struct lup_promotions *moved);
/* The names of people who moved up: "Eva Ek, Olle Berg". */
void tui_prog_names(const struct lup_promotions *p, char *buf, size_t n);

#endif
