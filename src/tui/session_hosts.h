/* session_hosts.h — the host register as a reference search, for the
 * session form's host field. */
#ifndef LUP_TUI_SESSION_HOSTS_H
#define LUP_TUI_SESSION_HOSTS_H

#include "tui/form.h"

/* Host organisations whose name, city, country, networks or themes match
 * text: "Name (City, Country)". */
int tui_session_host_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                            lup_err *err);
/* The name of a registered host into buf ("" when it is gone). */
void tui_session_host_name(tui_app *app, const char *id, char *buf, size_t n);

#endif
