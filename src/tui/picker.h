/* picker.h — a pick list over the current screen: type to narrow it, move
 * with ↑/↓, Enter picks, Esc closes without picking.
 *
 *     return tui_push(app, tui_picker(app, _("Country"), hint, search, ud), TAG);
 * and in on_result, for TAG with TUI_SAVED: tui_picker_value(child). */
#ifndef LUP_TUI_PICKER_H
#define LUP_TUI_PICKER_H

#include "lup/err.h"
#include "tui/screen.h"

#define TUI_PICK_MAX 12

struct tui_pick {
	char value[160];   /* what is picked ("" may mean "all") */
	char label[200];   /* what is shown */
};
/* The entries for text (may be empty): up to max into out; the count, or
 * -1 with err set. */
typedef int (*tui_pick_search)(tui_app *app, void *ud, const char *text, struct tui_pick *out,
                               int max, lup_err *err);

/* hint: a line under the input (may be NULL).  ud stays the caller's. */
tui_screen *tui_picker(tui_app *app, const char *title, const char *hint,
                       tui_pick_search search, void *ud);
/* After TUI_SAVED: the picked entry. */
const char *tui_picker_value(tui_screen *picker);
const char *tui_picker_label(tui_screen *picker);

#endif
