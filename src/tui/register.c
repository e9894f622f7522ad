/* register.c — the attendance register of one session: the people who
 * held a seat in its cohort on its day, one row each.  One key per status
 * marks the focused person and moves to the next, so a group of 16 takes
 * 16 keystrokes (the digits 1-4, which mean the same in every language;
 * p and l too): a and e, which add and edit elsewhere, mark nothing here
 * and the register says which keys do.  The counts at the top follow every mark.  Each mark is
 * saved at once.  A session still to come shows who will be there, but
 * takes no marks until its day; r writes a learning-log entry for the
 * focused person about the session. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "lup/shadowing.h"
#include "tui/changed.h"
#include "tui/draw.h"
#include "tui/programme.h"

enum { TAG_CHANGED = 1, TAG_LOG };

struct reg {
	tui_screen base;
	char sid[LUP_ID_SIZE];
	char title[200], when[64], cohort[128];
	char day[11];                 /* the session's day */
	int gone, future;             /* future: its day has not come: no marks yet */
	struct lup_register_row *rows;
	int n, focus, top, body;
	/* the mark being saved: whose, what the register showed, the new one */
	struct tui_edit edit;
	char person[LUP_ID_SIZE], seen[8];
	const char *status;
	char person_name[128];        /* whose learning log an entry went to */
};

static void load(struct reg *s, tui_app *app)
{
	struct lup_session ses;
	struct lup_register_row *rows = NULL;
	char focused[LUP_ID_SIZE] = "";
	lup_err err;
	int n;

	lup_err_clear(&err);
	if (lup_session_get(tui_db(app), s->sid, &ses, &err) < 0) {
		s->gone = 1;
		if (err.code != LUP_ENOTFOUND)   /* gone: the screen says so */
			tui_error(app, "%s", err.msg);
		return;
	}
	{
		struct lup_session_query q = { ses.cohort_id, 0 };
		struct lup_session_row row;
		lup_datetime dt;
		char weeks[32] = "";
		if (lup_session_row_get(tui_db(app), &q, s->sid, &row, &err) == 0) {
			snprintf(s->title, sizeof s->title, "%s", row.title);
			snprintf(s->cohort, sizeof s->cohort, "%s", row.cohort);
		}
		if (lup_datetime_parse(ses.starts_at, &dt) == 0) {
			snprintf(weeks, sizeof weeks, _("w. %d"), lup_date_isoweek(dt.date, NULL));
			lup_date_format(dt.date, s->day);
			s->future = lup_date_cmp(dt.date, lup_date_today()) > 0;
		}
		snprintf(s->when, sizeof s->when, "%.16s–%.5s (%s)", ses.starts_at, ses.ends_at + 11, weeks);
	}
	lup_session_clear(&ses);
	if ((n = lup_register(tui_db(app), s->sid, &rows, &err)) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	/* the focus stays on its person when rows come or go */
	if (s->focus < s->n)
		memcpy(focused, s->rows[s->focus].person_id, sizeof focused);
	for (int i = 0; focused[0] && i < n; i++)
		if (strcmp(rows[i].person_id, focused) == 0)
			s->focus = i;
	free(s->rows);
	s->rows = rows;
	s->n = n;
	if (s->focus >= n)
		s->focus = n > 0 ? n - 1 : 0;
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_REGISTER);
}

static int enter(tui_screen *scr, tui_app *app)
{
	load((struct reg *)scr, app);
	return TUI_REDRAW;
}

static enum tui_style style_of(const char *status)
{
	if (strcmp(status, "present") == 0) return TUI_S_GOOD;
	if (strcmp(status, "late") == 0) return TUI_S_WARN;
	if (strcmp(status, "absent") == 0) return TUI_S_BAD;
	if (!*status) return TUI_S_DIM;
	return TUI_S_NORMAL;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct reg *s = (struct reg *)scr;
	tui_rect r = tui_area(app);
	int c[5] = { 0 }, unmarked = 0, x, namew, statw = 20, y;
	char line[400];

	if (s->gone) {
		tui_put(r.y + 1, r.x + 2, r.w - 4, _("This session is gone: press q to go back."),
		        tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 1, r.x + 2);
		return;
	}
	for (int i = 0; i < s->n; i++) {
		const char *st = s->rows[i].status;
		if (strcmp(st, "present") == 0) c[0]++;
		else if (strcmp(st, "late") == 0) c[1]++;
		else if (strcmp(st, "excused") == 0) c[2]++;
		else if (strcmp(st, "absent") == 0) c[3]++;
		else unmarked++;
	}
	/* The cohort and the day are what tell one register from another:
	 * they keep their place, and the session's title gives way. */
	{
		char tail[300];
		int tw, room;
		snprintf(tail, sizeof tail, "  %s · %s", s->when, s->cohort);
		tw = tui_width(tail);
		snprintf(line, sizeof line, _("Attendance: %s"), s->title);
		room = r.w - 2 - tw;
		if (room < r.w / 3)
			room = r.w / 3;
		x = r.x + 1 + tui_put(r.y, r.x + 1, room, line, tui_attr(TUI_S_TITLE), 0);
		tui_put(r.y, x, r.x + r.w - 1 - x, tail, tui_attr(TUI_S_NORMAL), 0);
	}
	{
		size_t u;
		/* TRANSLATORS: the register's counts, one part each: "12 present, 1 late, 1 excused, 2 absent". */
		u = (size_t)snprintf(line, sizeof line, ngettext("%d present", "%d present", (unsigned long)c[0]),
		                     c[0]);
		u += (size_t)snprintf(line + u, sizeof line - u, ngettext(", %d late", ", %d late", (unsigned long)c[1]),
		                      c[1]);
		u += (size_t)snprintf(line + u, sizeof line - u,
		                      ngettext(", %d excused", ", %d excused", (unsigned long)c[2]), c[2]);
		snprintf(line + u, sizeof line - u, ngettext(", %d absent", ", %d absent", (unsigned long)c[3]), c[3]);
	}
	if (s->future) {
		/* nothing to count yet: say when there will be */
		snprintf(line, sizeof line, _("Not held yet: attendance can be taken from %s."), s->day);
		tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_WARN) | A_BOLD, 0);
	} else {
		x = r.x + 1 + tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_NORMAL) | A_BOLD, 0);
	}
	if (!s->future && unmarked > 0) {
		snprintf(line, sizeof line, ngettext(", %d not marked", ", %d not marked", (unsigned long)unmarked),
		         unmarked);
		tui_put(r.y + 1, x, r.x + r.w - 1 - x, line, tui_attr(TUI_S_NORMAL), 0);
	}
	namew = r.w - 3 - statw - 1 - 24;
	if (namew < 20) {
		namew = r.w - 3 - statw - 1;
	}
	tui_fill(r.y + 2, r.x, r.w, tui_attr(TUI_S_HEADER));
	tui_put(r.y + 2, r.x + 2, namew, _("Name"), tui_attr(TUI_S_HEADER), 0);
	tui_put(r.y + 2, r.x + 2 + namew + 1, statw, _("Attendance"), tui_attr(TUI_S_HEADER), 0);
	s->body = r.h - 3;
	if (s->body < 1)
		s->body = 1;
	if (s->focus < s->top)
		s->top = s->focus;
	if (s->focus >= s->top + s->body)
		s->top = s->focus - s->body + 1;
	if (s->n == 0) {
		tui_put(r.y + 4, r.x + 2, r.w - 4, _("Nobody held a seat in the cohort on this day."),
		        tui_attr(TUI_S_DIM), 0);
		tui_put(r.y + 5, r.x + 2, r.w - 4,
		        _("Someone who took part before they were enrolled in lup: set the day their seat "
		          "counts from (e on the participant), then take attendance here."),
		        tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 4, r.x + 2);
		return;
	}
	for (int i = 0; i < s->body && s->top + i < s->n; i++) {
		const struct lup_register_row *p = &s->rows[s->top + i];
		int focused = s->top + i == s->focus;
		attr_t a = focused ? tui_attr(TUI_S_FOCUS) : tui_attr(TUI_S_NORMAL);
		const char *word = p->status[0] ? lup_attendance_label(p->status) : _("not marked");
		y = r.y + 3 + i;
		tui_fill(y, r.x, r.w, a);
		if (focused) {
			tui_put(y, r.x, 1, tui_glyph_marker(), a | A_BOLD, 0);
			tui_cursor(app, y, r.x);
		}
		tui_put(y, r.x + 2, namew, p->name, a, 0);
		tui_put(y, r.x + 2 + namew + 1, statw, word, focused ? a : tui_attr(style_of(p->status)), 0);
		if (strcmp(p->enrolment_status, "enrolled") != 0 && r.w - 3 - namew - statw - 2 > 8)
			tui_put(y, r.x + 2 + namew + 1 + statw + 1, r.w - 4 - namew - statw - 1,
			        lup_enrol_status_label(p->enrolment_status), focused ? a : tui_attr(TUI_S_DIM), 0);
	}
}

static int save_mark(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err)
{
	struct reg *s = ud;
	return lup_attendance_edit(tui_db(app), s->sid, s->person, s->seen, s->status, mr, err);
}

/* After a mark was saved (rc 0), not saved (-1), or looked at again (1). */
static int marked(struct reg *s, tui_app *app, int rc)
{
	if (rc == TUI_PUSH)
		return rc;
	if (rc != 0 || tui_edit_kept(&s->edit)) {
		/* show what is stored now, the focus on the same person */
		load(s, app);
		if (s->gone)
			tui_error(app, _("The session %s was deleted in another window since you opened the register"),
			          s->title);
		if (rc != 0)
			return TUI_REDRAW;
	} else {
		snprintf(s->rows[s->focus].status, sizeof s->rows[s->focus].status, "%s",
		         s->status ? s->status : "");
	}
	if (!s->status)
		return TUI_REDRAW;
	if (s->focus < s->n - 1) {
		s->focus++;
	} else {
		int left = 0;
		for (int i = 0; i < s->n; i++)
			left += !s->rows[i].status[0];
		if (left == 0)
			tui_status(app, "%s", _("Everyone is marked."));
	}
	return TUI_REDRAW;
}

static int mark(struct reg *s, tui_app *app, const char *status)
{
	struct lup_register_row *p;
	if (s->n == 0 || s->gone)
		return 0;
	if (s->future && status) {
		/* the core refuses it too; say when it can be done */
		tui_error(app, _("%s has not taken place yet: attendance can be taken from %s."), s->title,
		          s->day);
		return TUI_REDRAW;
	}
	p = &s->rows[s->focus];
	memcpy(s->person, p->person_id, sizeof s->person);
	snprintf(s->seen, sizeof s->seen, "%s", p->status);
	s->status = status;
	return marked(s, app, tui_edit_run(&s->edit, app, TAG_CHANGED));
}

/* ---- a learning-log entry about the session ---- */

static const struct tui_field_def log_fields[] = {
	{ "date", N_("Date"), TUI_FIELD_DATE, TUI_FIELD_REQUIRED, 40, 0, 0, NULL, 0, NULL, NULL },
	{ "text", N_("Entry"), TUI_FIELD_LINES, TUI_FIELD_REQUIRED, 20000, 0, 6, NULL, 0, NULL,
	  N_("What the session gave: a reflection, something to try at work") },
};

struct log_form {
	tui_app *app;
	char sid[LUP_ID_SIZE], person[LUP_ID_SIZE];
};

static int save_log(void *ud, struct tui_form *f, lup_err *err)
{
	struct log_form *lf = ud;
	return lup_session_log_add(tui_db(lf->app), lf->sid, lf->person, tui_form_get(f, "date"),
	                           tui_form_get(f, "text"), NULL, err);
}

static int log_entry(struct reg *s, tui_app *app)
{
	struct log_form *lf;
	tui_screen *form;
	char title[300], today[11];
	if (s->n == 0 || s->gone)
		return 0;
	if (!(lf = calloc(1, sizeof *lf)))
		return tui_push(app, NULL, TAG_LOG);
	lf->app = app;
	memcpy(lf->sid, s->sid, sizeof lf->sid);
	memcpy(lf->person, s->rows[s->focus].person_id, sizeof lf->person);
	snprintf(s->person_name, sizeof s->person_name, "%s", s->rows[s->focus].name);
	snprintf(title, sizeof title, _("Learning log of %s: %s"), s->rows[s->focus].name, s->title);
	if (!(form = tui_form_screen(title, log_fields, 2, save_log, free, lf)))
		return tui_push(app, NULL, TAG_LOG);
	lup_date_format(lup_date_today(), today);
	tui_form_set(tui_form_of(form), "date", today);
	tui_form_mark_clean(tui_form_of(form));
	return tui_push(app, form, TAG_LOG);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct reg *s = (struct reg *)scr;
	(void)child;
	if (tag == TAG_CHANGED)
		return marked(s, app, tui_edit_answer(&s->edit, app, result, TAG_CHANGED));
	if (tag == TAG_LOG && result == TUI_SAVED)
		tui_status(app, _("Added to %s's learning log."), s->person_name);
	return TUI_REDRAW;
}

/* A letter that marks nothing here (a, e: add and edit elsewhere) marks
 * nobody: the register says which keys mark. */
static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	enum tui_action marks[4] = { TUI_A_PRESENT, TUI_A_LATE, TUI_A_EXCUSED, TUI_A_ABSENT };
	char kb[4][16];
	if (!tui_key_is_text(k) || tui_action_for(k, contexts(scr, app) | TUI_CTXBIT(TUI_CTX_ANY)) != TUI_A_NONE)
		return TUI_UNHANDLED;
	for (int i = 0; i < 4; i++) {
		tui_key key = tui_action_shown_key(marks[i], contexts(scr, app));
		if (key == TUI_KEY_NONE)
			snprintf(kb[i], sizeof kb[i], "-");
		else
			tui_key_label(key, kb[i]);
	}
	tui_status(app, _("Nothing marked: %s is present, %s late, %s excused, %s absent (? lists every key)."),
	           kb[0], kb[1], kb[2], kb[3]);
	return TUI_REDRAW;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct reg *s = (struct reg *)scr;
	int page = s->body > 1 ? s->body - 1 : 1;
	switch (a) {
	case TUI_A_PRESENT: return mark(s, app, "present");
	case TUI_A_LATE: return mark(s, app, "late");
	case TUI_A_EXCUSED: return mark(s, app, "excused");
	case TUI_A_ABSENT: return mark(s, app, "absent");
	case TUI_A_UNMARK: return mark(s, app, NULL);
	case TUI_A_REG_LOG: return log_entry(s, app);
	case TUI_A_UP: s->focus--; break;
	case TUI_A_DOWN: s->focus++; break;
	case TUI_A_PAGE_UP: s->focus -= page; break;
	case TUI_A_PAGE_DOWN: s->focus += page; break;
	case TUI_A_TOP: s->focus = 0; break;
	case TUI_A_BOTTOM: s->focus = s->n - 1; break;
	default: return TUI_UNHANDLED;
	}
	if (s->focus >= s->n)
		s->focus = s->n - 1;
	if (s->focus < 0)
		s->focus = 0;
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct reg *s = (struct reg *)scr;
	tui_edit_free(&s->edit);
	free(s->rows);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Attendance register"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_result = on_result,
	.changed = enter,
	.destroy = destroy,
};

tui_screen *tui_register_screen(tui_app *app, const char *session_id)
{
	struct reg *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	snprintf(s->sid, sizeof s->sid, "%s", session_id);
	s->edit.save = save_mark;
	s->edit.ud = s;
	return &s->base;
}
