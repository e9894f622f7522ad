/* documents.h — P on a session, a cohort, a participant or a placement:
 * write its document (doc.h) to the documents folder and say where. */
#ifndef LUP_TUI_DOCUMENTS_H
#define LUP_TUI_DOCUMENTS_H

#include "lup/doc.h"
#include "tui/screen.h"

/* Write a document about id (person_id: a certificate's person, or NULL)
 * and put where it went, or why not, on the status line; returns
 * TUI_REDRAW. */
int tui_print(tui_app *app, enum lup_doc_kind kind, const char *id, const char *person_id);
/* A placement's paper: the agreement until it is confirmed, then the
 * certificate of attendance for the host to sign at the end. */
int tui_print_placement(tui_app *app, const char *placement_id);

#endif
