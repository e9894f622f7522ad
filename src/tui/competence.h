/* competence.h — the screens of the Competence section, and what they
 * share.
 *
 * The section's first screen (competence.c) holds four views under a tab
 * bar (tabs.h): the Due list (comp_due.c), the heat map (comp_heatmap.c),
 * the frameworks (comp_frameworks.c) and the check-in rounds
 * (comp_rounds.c).  From the Due list, or from a person's detail view
 * in People, a person's check-ins open (comp_person.c), and from there
 * the rating sheet (comp_sheet.c) and the gap analysis (comp_gaps.c). */
#ifndef LUP_TUI_COMPETENCE_H
#define LUP_TUI_COMPETENCE_H

#include "lup/competence.h"
#include "tui/form.h"
#include "tui/screen.h"

/* The section's first screen. */
tui_screen *tui_competence_screen(tui_app *app);

/* Its views (only the section screen makes them). */
tui_screen *tui_comp_due_view(tui_app *app);
tui_screen *tui_comp_heatmap_view(tui_app *app);
tui_screen *tui_comp_frameworks_view(tui_app *app);

/* A person's check-ins: history, new check-in, resume, supersede, gaps. */
tui_screen *tui_comp_person(tui_app *app, const char *person_id);
/* The form for a new check-in (checkin_id NULL) or a draft's details.
 * After TUI_SAVED, tui_comp_checkin_form_id() gives the check-in's id,
 * and *resumed is 1 when an open draft of the kind was taken up instead
 * of starting a new one. */
tui_screen *tui_comp_checkin_form(tui_app *app, const char *person_id, const char *checkin_id);
const char *tui_comp_checkin_form_id(tui_screen *form_screen, int *resumed);
/* The rating sheet of a check-in; pops with TUI_SAVED once finalised. */
tui_screen *tui_comp_sheet(tui_app *app, const char *checkin_id);
/* The comment on one rating of a draft. */
tui_screen *tui_comp_comment_form(tui_app *app, const char *checkin_id, const char *competence_id,
                                  const char *title);
/* A person's levels against their targets. */
tui_screen *tui_comp_gaps(tui_app *app, const char *person_id);

/* Pick a cohort (or everyone); after TUI_SAVED, tui_comp_cohort_picked()
 * gives its id and name ("" for everyone). */
tui_screen *tui_comp_cohort_picker(tui_app *app);
const char *tui_comp_cohort_picked(tui_screen *picker, const char **name);

/* Check-in rounds: the form that starts one (the focused person's unit
 * and role offered; after TUI_SAVED, tui_comp_round_done() says what it
 * did), the Rounds view, and one round's people. */
tui_screen *tui_comp_round_form(tui_app *app, const char *unit, const char *role);
const char *tui_comp_round_done(tui_screen *form_screen);
tui_screen *tui_comp_rounds_view(tui_app *app);
tui_screen *tui_comp_round(tui_app *app, const char *round_id);

/* Importing a framework file: its name, then what it would change (or its
 * problems) before anything is stored. */
tui_screen *tui_comp_fw_import(tui_app *app);
/* After the file name screen popped with TUI_SAVED: the preview, to push. */
tui_screen *tui_comp_fw_import_preview(tui_screen *name_screen);
/* The preview of one framework file (a path, or the name of one lup has
 * at hand), as after the file name; NULL after saying why. */
tui_screen *tui_comp_fw_import_file(tui_app *app, const char *path);

/* A framework revision's levels, areas and competences. */
tui_screen *tui_comp_framework_view(tui_app *app, const char *framework_id);
/* The roles with target levels in a framework (by ident), and one role's
 * targets. */
tui_screen *tui_comp_roles(tui_app *app, const char *ident);
tui_screen *tui_comp_targets(tui_app *app, const char *ident, const char *role);
/* A person's targets in the framework their role is assessed on: their
 * role's and their own, which they set. */
tui_screen *tui_comp_targets_person(tui_app *app, const char *person_id);

/* ---- shared ---- */

/* The current revision of the framework named by competence:framework;
 * -1 with err set (e.g. none imported). */
int tui_comp_framework(tui_app *app, char id[LUP_UUID_LEN + 1], lup_err *err);
/* A level as text: the number, "–" when none, "n/a" when not assessed. */
const char *tui_comp_level(int level, char buf[16]);
/* ↑ ↓ = (or ^ v = without UTF-8), "" when there is nothing to compare. */
const char *tui_comp_change(enum lup_change c);
/* A bar of `cells` characters for the scale lmin..lmax (levels from 1):
 * full up to level, light shade from there up to target, dots beyond.
 * Into buf (size n). */
void tui_comp_bar(char *buf, size_t n, int level, int target, int lmin, int lmax, int cells);
/* "overdue by 12 days", "due 2026-12-01 (in 5 days)", "never assessed",
 * "next 2027-05-01". */
void tui_comp_due_text(enum lup_due_state st, const char *due, long days, char *buf, size_t n);
/* The shade character of a mean gap for the heat map (" " without
 * levels, ░ ▒ ▓ █ as it grows; ASCII stand-ins without UTF-8). */
const char *tui_comp_shade(double mean_gap, long pairs);
/* The first key of an action, for a hint ("^S"). */
const char *tui_comp_key(enum tui_action a, char buf[16]);
/* One decimal, with a decimal comma in Swedish: "1.5", "1,5". */
const char *tui_comp_decimal(double v, char buf[32]);
/* The empty text of a list of a framework's competences (a glist's
 * empty_text). */
struct tui_glist;
const char *tui_comp_no_competences(struct tui_glist *g);

#endif
