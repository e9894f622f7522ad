/* sections.c — the sections behind the tabs, and the notice shown by a
 * section that is not built yet. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/app.h"
#include "tui/competence.h"
#include "tui/draw.h"
#include "tui/people.h"
#include "tui/shadowing.h"
#include "tui/programme.h"
#include "tui/reports.h"

/* A section's first screen: replace NULL with its constructor. */
const struct tui_section tui_sections[TUI_NSECTIONS] = {
	{ N_("People"), tui_people_screen },
	{ N_("Programme"), tui_programme_screen },
	{ N_("Shadowing"), tui_shadowing_screen },
	{ N_("Competence"), tui_competence_screen },
	{ N_("Reports"), tui_reports_screen },
};

struct placeholder {
	tui_screen base;
	char name[96];
};

static unsigned ph_contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN);
}

static void ph_draw(tui_screen *scr, tui_app *app)
{
	struct placeholder *s = (struct placeholder *)scr;
	tui_rect r = tui_area(app);
	char line[256];
	snprintf(line, sizeof line, _("%s is not built yet."), s->name);
	tui_put(r.y + 2, r.x + 2, r.w - 4, line, tui_attr(TUI_S_TITLE), 0);
	tui_put(r.y + 4, r.x + 2, r.w - 4, _("Use 1–5 or Tab to go to another section, q to quit."),
	        tui_attr(TUI_S_NORMAL), 0);
	tui_cursor(app, r.y + 2, r.x + 2);
}

static int ph_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	(void)s; (void)app; (void)a;
	return TUI_UNHANDLED;
}

static void ph_destroy(tui_screen *s)
{
	free(s);
}

static const struct tui_screen_ops placeholder_ops = {
	.name = N_("Not built yet"),
	.contexts = ph_contexts,
	.draw = ph_draw,
	.on_action = ph_action,
	.destroy = ph_destroy,
};

tui_screen *tui_placeholder_screen(const char *name)
{
	struct placeholder *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &placeholder_ops;
	snprintf(s->name, sizeof s->name, "%s", name);
	return &s->base;
}
