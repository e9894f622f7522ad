/* person_placements.c — a person's placements, for the "Job shadowing"
 * part of the person view: a line each, most recent last. */
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "tui/shadowing.h"

#define SHOWN 6

int tui_shadow_person_lines(tui_app *app, const char *person_id, struct tui_view *v, lup_err *err)
{
	struct lup_placement_query q;
	struct lup_placement_row rows[SHOWN];
	long counts[LUP_PS_COUNT], total = 0;
	int n;

	memset(&q, 0, sizeof q);
	q.status = LUP_PS_ANY;
	q.person_id = person_id;
	q.sort = LUP_PLSORT_START;
	if (lup_placement_counts(tui_db(app), &q, counts, err) < 0)
		return -1;
	for (int s = 0; s < LUP_PS_COUNT; s++)
		total += counts[s];
	tui_view_field(v, _("Placements"), "%ld", total);
	if (total == 0)
		return 0;
	/* the latest few, shown oldest first */
	if ((n = lup_placement_page(tui_db(app), &q, NULL, -1, SHOWN, rows, err)) < 0)
		return -1;
	if (total > n)
		tui_view_line(v, TUI_S_DIM, ngettext("(%ld earlier placement not shown)",
		              "(%ld earlier placements not shown)", (unsigned long)(total - n)), total - n);
	for (int i = 0; i < n; i++) {
		const struct lup_placement_row *r = &rows[i];
		tui_view_line(v, tui_pstatus_style(r->status), "%s – %s  %-12s  %s, %s (%s)%s%s",
		              r->start, r->end, lup_pstatus_label(r->status), r->host,
		              r->city[0] ? r->city : "–", lup_country_name(r->country),
		              r->status == LUP_PS_CANCELLED && r->cancel_reason[0] ? ": " : "",
		              r->status == LUP_PS_CANCELLED ? r->cancel_reason : "");
	}
	return 0;
}
