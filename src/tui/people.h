/* people.h — the screens of the People section. */
#ifndef LUP_TUI_PEOPLE_H
#define LUP_TUI_PEOPLE_H

#include "lup/err.h"
#include "tui/form.h"
#include "tui/list_screen.h"
#include "tui/screen.h"
#include "tui/view.h"

/* The list of people: the first screen of the section (people.c). */
tui_screen *tui_people_screen(tui_app *app);

/* A person's detail view. */
tui_screen *tui_person_view(tui_app *app, const char *id);

/* The add (id NULL) or edit form.  After TUI_SAVED, tui_person_form_id()
 * of the child gives the saved person's id. */
tui_screen *tui_person_form(tui_app *app, const char *id);
const char *tui_person_form_id(tui_screen *form_screen);

/* Deleting a person, saying what goes with them (tui_ask_delete). */
extern const struct tui_deleter tui_person_deleter;

/* The list queries over people (list_screen.h), by the list's filter and
 * sort: the People list's and the enrol picker's (people_common.c). */
int tui_people_page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err);
int tui_people_count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err);
long tui_people_position(struct tui_lscreen *ls, const void *row, lup_err *err);
int tui_people_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err);
const char *tui_people_sort_name(int sort);

/* A search over people for reference fields (manager, facilitators,
 * assessors …): name, e-mail, unit or role, folded ("ost" finds
 * "Östberg"). */
int tui_people_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                      lup_err *err);

/* The programme status of a person as a translated word. */
const char *tui_enrolment_status_word(const char *status);

/* The parts of the person view, in order.  Each adds its lines for the
 * person to v; to add a part (e.g. the next check-in due), write the
 * function in your own file, declare it here and list it in parts[] in
 * person_view.c.  Return 0, or -1 with err set (shown on the status line;
 * the other parts still show). */
typedef int (*tui_person_part)(tui_app *app, const char *person_id, struct tui_view *v, lup_err *err);
int tui_person_part_details(tui_app *app, const char *id, struct tui_view *v, lup_err *err);
int tui_person_part_programme(tui_app *app, const char *id, struct tui_view *v, lup_err *err);
int tui_person_part_shadowing(tui_app *app, const char *id, struct tui_view *v, lup_err *err);
int tui_person_part_competence(tui_app *app, const char *id, struct tui_view *v, lup_err *err);

#endif
