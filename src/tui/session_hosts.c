/* session_hosts.c — the host register as a reference search for the
 * session form (see session_hosts.h). */
#include <stdio.h>
#include <string.h>
#include "lup/country.h"
#include "lup/shadowing.h"
#include "tui/session_hosts.h"

int tui_session_host_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                            lup_err *err)
{
	struct lup_host_query q;
	struct lup_host_row rows[16];
	int n;
	(void)ud;
	memset(&q, 0, sizeof q);
	q.filter = text;
	q.sort = LUP_HSORT_NAME;
	if (max > 16)
		max = 16;
	if ((n = lup_host_page(tui_db(app), &q, NULL, 1, max, rows, err)) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		snprintf(out[i].id, sizeof out[i].id, "%s", rows[i].id);
		if (rows[i].city[0])
			snprintf(out[i].label, sizeof out[i].label, "%s (%s, %s)", rows[i].name, rows[i].city,
			         lup_country_name(rows[i].country));
		else
			snprintf(out[i].label, sizeof out[i].label, "%s (%s)", rows[i].name,
			         lup_country_name(rows[i].country));
	}
	return n;
}

void tui_session_host_name(tui_app *app, const char *id, char *buf, size_t n)
{
	struct lup_host h;
	lup_err err;
	memset(&h, 0, sizeof h);
	if (n)
		buf[0] = '\0';
	if (lup_host_get(tui_db(app), id, &h, &err) == 0)
		snprintf(buf, n, "%s", h.name ? h.name : "");
	lup_host_clear(&h);
}
