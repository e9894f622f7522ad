/* save_as.h — writing something to a file from a screen: a file name (in
 * the current folder unless a path is given; ~ is the home folder), asked
 * before a file of that name is replaced, then written by the caller's
 * writer. */
#ifndef LUP_TUI_SAVE_AS_H
#define LUP_TUI_SAVE_AS_H

#include <stddef.h>
#include "lup/err.h"
#include "tui/form.h"
#include "tui/screen.h"

/* Write to path (already expanded): 0, or -1 with err set.  ud is the
 * caller's. */
typedef int (*tui_save_fn)(void *ud, const char *path, lup_err *err);

/* A screen asking for a file name (name: the default), titled title, with
 * a hint below the field; on success the status line says done_fmt with
 * the file's full path for %s, and it pops with TUI_SAVED.  It owns ud
 * and calls free_ud(ud) (may be NULL) when it goes. */
tui_screen *tui_save_as(const char *title, const char *name, const char *hint, const char *done_fmt,
                        tui_save_fn write, void (*free_ud)(void *), void *ud);

/* The same with more fields before the file name (at most
 * TUI_SAVE_AS_FIELDS; more may be NULL for none): write gets the form
 * too, to read them, and changed (may be NULL) is told when a choice of
 * them changes (tui_form_on_change), both with the caller's ud.  Their
 * first values are set through tui_save_as_form_of(). */
#define TUI_SAVE_AS_FIELDS 4
typedef int (*tui_save_form_fn)(void *ud, struct tui_form *f, const char *path, lup_err *err);
tui_screen *tui_save_as_form(const char *title, const struct tui_field_def *more, int nmore, const char *name,
                             const char *hint, const char *done_fmt, tui_save_form_fn write,
                             tui_form_changed_fn changed, void (*free_ud)(void *), void *ud);
/* The form of a tui_save_as_form screen (to set its fields' values). */
struct tui_form *tui_save_as_form_of(tui_screen *s);

/* The same for a file to read: no question about replacing it. */
tui_screen *tui_open_file(const char *title, const char *hint, const char *done_fmt, tui_save_fn read,
                          void (*free_ud)(void *), void *ud);
/* The ud a tui_save_as or tui_open_file screen was made with. */
void *tui_save_as_ud(tui_screen *s);

/* A typed file name as a path: trimmed, ~ for $HOME, "-" as a file
 * here.  -1 when too long. */
int tui_expand_path(const char *typed, char *out, size_t n);

/* The file named in a form's field, as a path into out: blank or too
 * long, an error under the field and TUI_REDRAW; with replace_tag >= 0 and
 * a file of that name there, the question whether to replace it (why
 * below it; the answer comes to on_result with replace_tag) and what
 * asking returns; else 0, to go on. */
int tui_file_field(struct tui_form *f, const char *field, tui_app *app, int replace_tag, const char *why,
                   char *out, size_t n);
/* "Current folder: …" on the last line of r, under a file field. */
void tui_draw_cwd(tui_rect r);

#endif
