/* reports.h — the Reports section: the programme's figures on screen, and
 * the form that writes them to a file. */
#ifndef LUP_TUI_REPORTS_H
#define LUP_TUI_REPORTS_H

#include "lup/report.h"
#include "tui/screen.h"

/* The first screen of the section. */
tui_screen *tui_reports_screen(tui_app *app);

/* The form asking for a format and a file name, then writing r there
 * (r belongs to the caller and must outlive the form).  Pops with
 * TUI_SAVED after writing, the status line saying where. */
tui_screen *tui_report_export_form(tui_app *app, const struct lup_report *r);

/* "73.7 %" ("73,7 %" in Swedish), or "–" for a share below 0. */
const char *tui_report_pct(char *buf, size_t n, double share);
/* v with `decimals` decimals, a decimal comma in Swedish, and a sign
 * when plus ("+0,54"; a minus is "−"). */
const char *tui_report_dec(char *buf, size_t n, double v, int decimals, int plus);

#endif
