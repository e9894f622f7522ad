/* form.c — the form widget and the form screen. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/util.h"
#include "tui/changed.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"

#define MAX_MATCHES 8
#define MAX_LINES 200

static const struct tui_choice yesno[2] = { { "1", N_("Yes") }, { "0", N_("No") } };

struct field {
	const struct tui_field_def *def;
	lup_lineedit le;              /* TEXT, DATE, TIME; REF: what is typed to search */
	lup_lineedit *lines;          /* LINES */
	int nlines, line, ltop;
	int choice;                   /* CHOICE, YESNO (0 is Yes) */
	char *ref_id, *ref_label;     /* REF */
	int searching, nmatches, mfocus;
	struct tui_ref matches[MAX_MATCHES];
	char *clean;                  /* the value when last marked clean */
	char *value;                  /* what tui_form_get last returned */
	char msg[320];
	int y, h;                     /* where it is, in form rows */
	int selected;                 /* the value is selected: typing replaces it */
};

struct tui_form {
	struct field *f;
	int n, focus, top, labw;
	void *ud;
	tui_rect r;
	struct lup_merge_report report;   /* what the last save found changed elsewhere */
	int as_new;                       /* deleted elsewhere: save it as a new one */
	int no_new;                       /* … which it cannot be */
	tui_form_changed_fn on_change;    /* a choice or reference changed */
};

void tui_form_on_change(struct tui_form *f, tui_form_changed_fn fn)
{
	f->on_change = fn;
}

static void notify(struct tui_form *f, const struct field *fl)
{
	if (f->on_change)
		f->on_change(f, fl->def->name, f->ud);
}

static void enter_field(struct tui_form *f);

static size_t maxlen_of(const struct tui_field_def *d)
{
	return d->maxlen > 0 ? (size_t)d->maxlen : 1000;
}

static const struct tui_choice *choices_of(const struct field *fl, int *n)
{
	if (fl->def->type == TUI_FIELD_YESNO) {
		*n = 2;
		return yesno;
	}
	*n = fl->def->nchoices;
	return fl->def->choices;
}

static int add_line(struct field *fl, int at, const char *text)
{
	lup_lineedit *nl;
	if (fl->nlines >= MAX_LINES)
		return -1;
	if (!(nl = realloc(fl->lines, (size_t)(fl->nlines + 1) * sizeof *nl)))
		return -1;
	fl->lines = nl;
	memmove(&nl[at + 1], &nl[at], (size_t)(fl->nlines - at) * sizeof *nl);
	lup_le_init(&nl[at], maxlen_of(fl->def));
	lup_le_set(&nl[at], text);
	fl->nlines++;
	return 0;
}

static void drop_line(struct field *fl, int at)
{
	lup_le_clear(&fl->lines[at]);
	memmove(&fl->lines[at], &fl->lines[at + 1], (size_t)(fl->nlines - at - 1) * sizeof *fl->lines);
	fl->nlines--;
}

struct tui_form *tui_form_new(const struct tui_field_def *defs, int n, void *ud)
{
	struct tui_form *f = calloc(1, sizeof *f);
	if (!f || !(f->f = calloc((size_t)(n > 0 ? n : 1), sizeof *f->f))) {
		free(f);
		return NULL;
	}
	f->n = n;
	f->ud = ud;
	for (int i = 0; i < n; i++) {
		struct field *fl = &f->f[i];
		fl->def = &defs[i];
		lup_le_init(&fl->le, maxlen_of(&defs[i]));
		if (defs[i].type == TUI_FIELD_LINES && add_line(fl, 0, "") < 0) {
			tui_form_free(f);
			return NULL;
		}
		if (defs[i].type == TUI_FIELD_YESNO)
			fl->choice = 1;   /* No */
	}
	while (f->focus < n - 1 && (f->f[f->focus].def->flags & TUI_FIELD_READONLY))
		f->focus++;
	tui_form_mark_clean(f);
	return f;
}

void tui_form_free(struct tui_form *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->f[i];
		lup_le_clear(&fl->le);
		for (int j = 0; j < fl->nlines; j++)
			lup_le_clear(&fl->lines[j]);
		free(fl->lines);
		free(fl->ref_id);
		free(fl->ref_label);
		free(fl->clean);
		free(fl->value);
	}
	lup_merge_report_clear(&f->report);
	free(f->f);
	free(f);
}

struct lup_merge_report *tui_form_report(struct tui_form *f)
{
	return &f->report;
}

int tui_form_as_new(struct tui_form *f)
{
	return f->as_new;
}

void tui_form_no_new(struct tui_form *f)
{
	f->no_new = 1;
}

static struct field *find(struct tui_form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (name && strcmp(f->f[i].def->name, name) == 0)
			return &f->f[i];
	return NULL;
}

static const char *value_of(struct field *fl)
{
	lup_buf b = { 0 };
	int nc;
	const struct tui_choice *ch;
	free(fl->value);
	fl->value = NULL;
	switch (fl->def->type) {
	case TUI_FIELD_LINES:
		for (int i = 0; i < fl->nlines; i++) {
			if (i)
				lup_buf_puts(&b, "\n");
			lup_buf_puts(&b, lup_le_text(&fl->lines[i]));
		}
		/* trailing empty lines are not content */
		while (b.s && b.len && b.s[b.len - 1] == '\n')
			b.s[--b.len] = 0;
		fl->value = b.s ? b.s : strdup("");
		break;
	case TUI_FIELD_DATE: {
		lup_date d;
		const char *t = lup_le_text(&fl->le);
		if (*t && lup_date_parse(t, lup_date_today(), &d) == 0) {
			char buf[11];
			lup_date_format(d, buf);
			fl->value = strdup(buf);
		} else {
			fl->value = strdup(t);
		}
		break;
	}
	case TUI_FIELD_TIME: {
		int hh, mm;
		const char *t = lup_le_text(&fl->le);
		if (*t && lup_time_parse(t, &hh, &mm) == 0) {
			char buf[8];
			snprintf(buf, sizeof buf, "%02d:%02d", hh, mm);
			fl->value = strdup(buf);
		} else {
			fl->value = strdup(t);
		}
		break;
	}
	case TUI_FIELD_CHOICE: case TUI_FIELD_YESNO:
		ch = choices_of(fl, &nc);
		fl->value = strdup(nc > 0 && fl->choice < nc ? ch[fl->choice].value : "");
		break;
	case TUI_FIELD_REF:
		fl->value = strdup(fl->ref_id ? fl->ref_id : "");
		break;
	default:
		fl->value = strdup(lup_le_text(&fl->le));
	}
	return fl->value ? fl->value : "";
}

const char *tui_form_get(struct tui_form *f, const char *name)
{
	struct field *fl = find(f, name);
	return fl ? value_of(fl) : "";
}

int tui_form_bool(struct tui_form *f, const char *name)
{
	struct field *fl = find(f, name);
	return fl && fl->def->type == TUI_FIELD_YESNO ? fl->choice == 0 : 0;
}

void tui_form_set(struct tui_form *f, const char *name, const char *value)
{
	struct field *fl = find(f, name);
	int nc;
	const struct tui_choice *ch;
	if (!fl)
		return;
	if (!value)
		value = "";
	switch (fl->def->type) {
	case TUI_FIELD_LINES: {
		const char *p = value;
		while (fl->nlines > 0)
			drop_line(fl, fl->nlines - 1);
		do {
			size_t n = strcspn(p, "\n");
			char *one = strndup(p, n);
			if (!one || add_line(fl, fl->nlines, one) < 0) {
				free(one);
				break;
			}
			free(one);
			p += n;
		} while (*p && *p++ == '\n');
		if (fl->nlines == 0)
			add_line(fl, 0, "");
		fl->line = fl->ltop = 0;
		break;
	}
	case TUI_FIELD_CHOICE: case TUI_FIELD_YESNO:
		ch = choices_of(fl, &nc);
		for (int i = 0; i < nc; i++)
			if (strcmp(ch[i].value, value) == 0)
				fl->choice = i;
		break;
	case TUI_FIELD_REF:
		tui_form_set_ref(f, name, value, NULL);
		break;
	default:
		lup_le_set(&fl->le, value);
	}
}

void tui_form_set_bool(struct tui_form *f, const char *name, int yes)
{
	tui_form_set(f, name, yes ? "1" : "0");
}

void tui_form_set_ref(struct tui_form *f, const char *name, const char *id, const char *label)
{
	struct field *fl = find(f, name);
	if (!fl || fl->def->type != TUI_FIELD_REF)
		return;
	free(fl->ref_id);
	free(fl->ref_label);
	fl->ref_id = id && *id ? strdup(id) : NULL;
	fl->ref_label = fl->ref_id && label ? strdup(label) : NULL;
	fl->searching = 0;
}

void tui_form_mark_clean(struct tui_form *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->f[i].clean);
		f->f[i].clean = strdup(value_of(&f->f[i]));
	}
	enter_field(f);
}

int tui_form_changed(struct tui_form *f)
{
	for (int i = 0; i < f->n; i++) {
		const char *v = value_of(&f->f[i]);
		if (!f->f[i].clean || strcmp(v, f->f[i].clean) != 0)
			return 1;
	}
	return 0;
}

void tui_form_focus(struct tui_form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].def->name, name) == 0) {
			if (f->focus != i)
				f->f[f->focus].selected = 0;
			f->focus = i;
			enter_field(f);
		}
}

const char *tui_form_focused(struct tui_form *f)
{
	return f->n ? f->f[f->focus].def->name : "";
}

void tui_form_error(struct tui_form *f, const char *name, const char *msg)
{
	struct field *fl = find(f, name);
	if (!fl)
		return;
	snprintf(fl->msg, sizeof fl->msg, "%s", msg ? msg : "");
	if (msg && *msg)
		f->focus = (int)(fl - f->f);
}

int tui_form_show_error(struct tui_form *f, const lup_err *err)
{
	if (!err || !err->field[0] || !find(f, err->field))
		return 0;
	tui_form_error(f, err->field, err->msg);
	return 1;
}

/* What the field itself can check; sets its message. */
static int check_field(struct field *fl)
{
	const char *t = lup_le_text(&fl->le);
	lup_date d;
	int hh, mm;
	if (fl->def->type == TUI_FIELD_DATE && *t) {
		if (lup_date_parse(t, lup_date_today(), &d) < 0) {
			snprintf(fl->msg, sizeof fl->msg, _("'%s' is not a date: write YYYY-MM-DD, today, +7 or -1"), t);
			return -1;
		}
		lup_le_set(&fl->le, value_of(fl));
	}
	if (fl->def->type == TUI_FIELD_TIME && *t) {
		if (lup_time_parse(t, &hh, &mm) < 0) {
			snprintf(fl->msg, sizeof fl->msg, _("'%s' is not a time: write HH:MM"), t);
			return -1;
		}
		lup_le_set(&fl->le, value_of(fl));
	}
	return 0;
}

int tui_form_check(struct tui_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (check_field(&f->f[i]) < 0) {
			f->focus = i;
			return -1;
		}
	return 0;
}

tui_ctxmask tui_form_contexts(struct tui_form *f)
{
	tui_ctxmask m = TUI_CTXBIT(TUI_CTX_FORM);
	if (f->n) {
		enum tui_field_type t = f->f[f->focus].def->type;
		if (t == TUI_FIELD_CHOICE || t == TUI_FIELD_YESNO)
			m |= TUI_CTXBIT(TUI_CTX_CHOICE);
	}
	return m;
}

/* ---- moving between fields ---- */

static void leave_field(struct tui_form *f)
{
	struct field *fl = &f->f[f->focus];
	fl->searching = 0;
	fl->selected = 0;
	check_field(fl);
}

/* Entering a field that holds text selects it: the first character typed
 * replaces it, an arrow, Home or End keeps it for editing. */
static void enter_field(struct tui_form *f)
{
	struct field *fl;
	if (!f->n)
		return;
	fl = &f->f[f->focus];
	switch (fl->def->type) {
	case TUI_FIELD_TEXT: case TUI_FIELD_DATE: case TUI_FIELD_TIME:
		fl->selected = fl->le.len > 0 && !(fl->def->flags & TUI_FIELD_READONLY);
		lup_le_op(&fl->le, LUP_LE_END);
		break;
	default:
		break;
	}
}

static void move_to(struct tui_form *f, int dir)
{
	int i = f->focus;
	leave_field(f);
	for (int tries = 0; tries < f->n; tries++) {
		i = (i + dir + f->n) % f->n;
		if (!(f->f[i].def->flags & TUI_FIELD_READONLY))
			break;
	}
	f->focus = i;
	enter_field(f);
}

static void search(struct tui_form *f, struct field *fl, tui_app *app)
{
	lup_err err;
	int n;
	lup_err_clear(&err);
	fl->mfocus = 0;
	n = fl->def->search ? fl->def->search(app, f->ud, lup_le_text(&fl->le), fl->matches, MAX_MATCHES, &err) : 0;
	if (n < 0) {
		tui_error(app, "%s", err.msg);
		n = 0;
	}
	fl->nmatches = n;
}

int tui_form_action(struct tui_form *f, tui_app *app, enum tui_action a)
{
	struct field *fl;
	int nc;
	(void)app;
	if (!f->n)
		return TUI_UNHANDLED;
	fl = &f->f[f->focus];
	switch (a) {
	case TUI_A_NEXT_FIELD:
		move_to(f, 1);
		return TUI_REDRAW;
	case TUI_A_PREV_FIELD:
		move_to(f, -1);
		return TUI_REDRAW;
	case TUI_A_CLEAR_FIELD:
		/* text fields clear in their editor (^U); here a reference */
		if (fl->def->type == TUI_FIELD_REF && !(fl->def->flags & TUI_FIELD_READONLY) && fl->ref_id) {
			tui_form_set_ref(f, fl->def->name, NULL, NULL);
			fl->msg[0] = 0;
			notify(f, fl);
		}
		return TUI_REDRAW;
	case TUI_A_CHOICE_NEXT: case TUI_A_CHOICE_PREV:
		choices_of(fl, &nc);
		if (nc > 0) {
			fl->choice = (fl->choice + (a == TUI_A_CHOICE_NEXT ? 1 : nc - 1)) % nc;
			fl->msg[0] = 0;
			notify(f, fl);
		}
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

/* Say that a field is full, in characters (the limit is in bytes: for
 * text of ASCII letters the two agree). */
static void limit_msg(struct field *fl)
{
	size_t n = maxlen_of(fl->def);
	snprintf(fl->msg, sizeof fl->msg,
	         ngettext("The field is full: at most %zu character.", "The field is full: at most %zu characters.",
	                  (unsigned long)n), n);
}

/* Editing keys of a line editor; 1 if the key was one. */
static int edit_key(lup_lineedit *le, tui_key k, int *changed)
{
	enum lup_le_op op;
	*changed = 0;
	if (tui_key_is_text(k)) {
		*changed = lup_le_insert(le, (uint32_t)k) == 0;
		return 1;
	}
	switch (k) {
	case TUI_KEY_LEFT: op = LUP_LE_LEFT; break;
	case TUI_KEY_RIGHT: op = LUP_LE_RIGHT; break;
	case TUI_KEY_HOME: op = LUP_LE_HOME; break;
	case TUI_KEY_END: op = LUP_LE_END; break;
	case TUI_KEY_BS: op = LUP_LE_BACKSPACE; break;
	case TUI_KEY_DEL: op = LUP_LE_DELETE; break;
	default:
		if (k <= 0 || k >= 0x20 || k == TUI_KEY_TAB || k == TUI_KEY_ENTER || k == TUI_KEY_ESC ||
		    !lup_le_key_op(k, &op))
			return 0;
	}
	{
		size_t len = le->len;
		lup_le_op(le, op);
		*changed = le->len != len;
	}
	return 1;
}

static int lines_key(struct field *fl, tui_key k)
{
	lup_lineedit *cur = &fl->lines[fl->line];
	int changed;
	if (k == TUI_KEY_ENTER) {
		char *rest = strdup(lup_le_text(cur) + cur->cur);
		if (!rest || fl->nlines >= MAX_LINES) {
			free(rest);
			return TUI_REDRAW;
		}
		lup_le_op(cur, LUP_LE_KILL_EOL);
		add_line(fl, fl->line + 1, rest);
		free(rest);
		fl->line++;
		lup_le_op(&fl->lines[fl->line], LUP_LE_HOME);
		return TUI_REDRAW;
	}
	if (k == TUI_KEY_UP || k == TUI_KEY_DOWN) {
		int to = fl->line + (k == TUI_KEY_UP ? -1 : 1), col;
		if (to < 0 || to >= fl->nlines)
			return TUI_UNHANDLED;   /* off the edge: the previous/next field */
		col = lup_utf8_width(lup_le_text(cur), cur->cur);
		fl->line = to;
		cur = &fl->lines[to];
		lup_le_op(cur, LUP_LE_HOME);
		while (cur->cur < cur->len && lup_utf8_width(lup_le_text(cur), cur->cur) < col)
			lup_le_op(cur, LUP_LE_RIGHT);
		return TUI_REDRAW;
	}
	if (k == TUI_KEY_BS && cur->cur == 0 && fl->line > 0) {
		lup_lineedit *prev = &fl->lines[fl->line - 1];
		size_t at = prev->len;
		lup_le_op(prev, LUP_LE_END);
		lup_le_insert_str(prev, lup_le_text(cur));
		prev->cur = at <= prev->len ? at : prev->len;
		drop_line(fl, fl->line);
		fl->line--;
		return TUI_REDRAW;
	}
	if (k == TUI_KEY_DEL && cur->cur == cur->len && fl->line < fl->nlines - 1) {
		size_t at = cur->cur;
		lup_le_insert_str(cur, lup_le_text(&fl->lines[fl->line + 1]));
		cur->cur = at;
		drop_line(fl, fl->line + 1);
		return TUI_REDRAW;
	}
	{
		size_t was = cur->len;
		if (k == TUI_KEY_CTRL('U')) {   /* ^U clears the line */
			lup_le_set(cur, "");
			return TUI_REDRAW;
		}
		if (!edit_key(cur, k, &changed))
			return TUI_UNHANDLED;
		if (!changed && tui_key_is_text(k) && cur->len == was && was + 4 > maxlen_of(fl->def))
			limit_msg(fl);
		return TUI_REDRAW;
	}
}

int tui_form_key(struct tui_form *f, tui_app *app, tui_key k)
{
	struct field *fl;
	int changed = 0, nc;
	const struct tui_choice *ch;
	if (!f->n)
		return TUI_UNHANDLED;
	fl = &f->f[f->focus];
	if (fl->def->flags & TUI_FIELD_READONLY)
		return TUI_UNHANDLED;
	switch (fl->def->type) {
	case TUI_FIELD_TEXT: case TUI_FIELD_DATE: case TUI_FIELD_TIME: {
		size_t was = fl->le.len;
		int sel = fl->selected;
		if ((sel && (tui_key_is_text(k) || k == TUI_KEY_BS || k == TUI_KEY_DEL)) || k == TUI_KEY_CTRL('U')) {
			/* typing over a selected value replaces it */
			lup_le_set(&fl->le, "");
			fl->selected = 0;
			fl->msg[0] = 0;
			if (!tui_key_is_text(k))
				return TUI_REDRAW;
		}
		if (!edit_key(&fl->le, k, &changed)) {
			if (sel && !fl->selected)
				fl->selected = 0;
			return TUI_UNHANDLED;
		}
		fl->selected = 0;
		if (changed)
			fl->msg[0] = 0;
		else if (tui_key_is_text(k) && fl->le.len == was && was + 4 > maxlen_of(fl->def))
			limit_msg(fl);
		return TUI_REDRAW;
	}
	case TUI_FIELD_LINES: {
		char had[sizeof fl->msg];
		int r;
		memcpy(had, fl->msg, sizeof had);
		fl->msg[0] = 0;
		r = lines_key(fl, k);
		if (r & TUI_UNHANDLED)
			memcpy(fl->msg, had, sizeof had);
		return r;
	}
	case TUI_FIELD_REF:
		if (fl->searching) {
			if (k == TUI_KEY_ESC) {
				fl->searching = 0;
				return TUI_REDRAW;
			}
			if (k == TUI_KEY_UP || k == TUI_KEY_DOWN) {
				if (fl->nmatches)
					fl->mfocus = (fl->mfocus + (k == TUI_KEY_UP ? fl->nmatches - 1 : 1)) % fl->nmatches;
				return TUI_REDRAW;
			}
			if (k == TUI_KEY_ENTER) {
				if (fl->nmatches) {
					struct tui_ref *m = &fl->matches[fl->mfocus];
					char id[sizeof m->id], label[sizeof m->label];
					memcpy(id, m->id, sizeof id);
					memcpy(label, m->label, sizeof label);
					tui_form_set_ref(f, fl->def->name, id, label);
					fl->msg[0] = 0;
					notify(f, fl);
				}
				fl->searching = 0;
				return TUI_REDRAW;
			}
			if (!edit_key(&fl->le, k, &changed))
				return TUI_UNHANDLED;
			if (changed)
				search(f, fl, app);
			return TUI_REDRAW;
		}
		if (tui_key_is_text(k)) {
			fl->searching = 1;
			lup_le_set(&fl->le, "");
			lup_le_insert(&fl->le, (uint32_t)k);
			search(f, fl, app);
			return TUI_REDRAW;
		}
		if ((k == TUI_KEY_BS || k == TUI_KEY_DEL) && fl->ref_id) {
			tui_form_set_ref(f, fl->def->name, NULL, NULL);
			fl->msg[0] = 0;
			notify(f, fl);
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	case TUI_FIELD_CHOICE: case TUI_FIELD_YESNO:
		if (!tui_key_is_text(k) || k == TUI_KEY_SPACE)
			return TUI_UNHANDLED;
		ch = choices_of(fl, &nc);
		if (fl->def->type == TUI_FIELD_YESNO) {
			if (k == 'y' || k == 'Y' || k == 'j' || k == 'J')
				fl->choice = 0;
			else if (k == 'n' || k == 'N')
				fl->choice = 1;
			else
				return TUI_UNHANDLED;
			return TUI_REDRAW;
		}
		/* a letter picks the next choice that starts with it */
		for (int i = 1; i <= nc; i++) {
			int j = (fl->choice + i) % nc;
			char *a = lup_fold(_(ch[j].label));
			char kb[16], *b = lup_fold(tui_key_name(k, kb));
			int hit = a && b && *b && strncmp(a, b, strlen(b)) == 0;
			free(a);
			free(b);
			if (hit) {
				fl->choice = j;
				notify(f, fl);
				return TUI_REDRAW;
			}
		}
		return TUI_UNHANDLED;
	}
	return TUI_UNHANDLED;
}

/* ---- drawing ---- */

#define MSG_LINES 3

/* Columns left for the input and its message. */
static int input_avail(const struct tui_form *f)
{
	return f->r.w - (f->labw + 3) - 1;
}

static int msg_lines(const struct tui_form *f, const struct field *fl)
{
	char m[400];
	if (!fl->msg[0])
		return 0;
	snprintf(m, sizeof m, "! %s", fl->msg);
	return tui_put_wrapped(0, 0, input_avail(f), MSG_LINES, m, 0, 0);
}

static int field_lines(const struct tui_form *f, const struct field *fl)
{
	int h = fl->def->type == TUI_FIELD_LINES ? (fl->def->lines > 0 ? fl->def->lines : 4) : 1;
	return h + msg_lines(f, fl);
}

void tui_form_layout(struct tui_form *f, tui_rect r)
{
	f->r = r;
	f->labw = 0;
	for (int i = 0; i < f->n; i++) {
		int w = tui_width(_(f->f[i].def->label)) + 2;
		if (w > f->labw)
			f->labw = w;
	}
	if (f->labw > r.w / 3)
		f->labw = r.w / 3;
}

/* A line of input; text wider than the box shows ‹ where the start is
 * hidden and › where the end is.  A selected value is drawn as the
 * focused row is. */
static void draw_text_input(int y, int x, int w, lup_lineedit *le, int focused, int selected,
                            tui_app *app)
{
	size_t from, to;
	int col, in = 0;
	char buf[4096];
	attr_t a = tui_attr(focused ? TUI_S_FIELD_FOCUS : TUI_S_FIELD);
	if (w >= 4 && lup_utf8_width(lup_le_text(le), le->len) > w - 1) {
		in = 1;
		lup_le_view(le, w - 2, &from, &to, &col);
	} else {
		lup_le_view(le, w - 1, &from, &to, &col);
	}
	if (!focused && from > 0) {
		/* a field not being edited reads from its start */
		int used;
		from = 0;
		to = lup_utf8_fit(lup_le_text(le), w - 2, &used);
	}
	snprintf(buf, sizeof buf, "%.*s", (int)(to - from), lup_le_text(le) + from);
	tui_fill(y, x, w, a);
	tui_put(y, x + in, w - in, buf, selected && focused ? tui_attr(TUI_S_FOCUS) : a, TUI_CLIP);
	if (in && from > 0)
		tui_put(y, x, 1, "‹", a | A_BOLD, 0);
	if (in && to < le->len)
		tui_put(y, x + w - 1, 1, "›", a | A_BOLD, 0);
	if (focused)
		tui_cursor(app, y, x + in + col);
}

static void draw_choices(int y, int x, int w, const struct field *fl, int focused, tui_app *app)
{
	int nc, total = 0, cx = x;
	const struct tui_choice *ch = choices_of(fl, &nc);
	for (int i = 0; i < nc; i++)
		total += tui_width(_(ch[i].label)) + 3;
	if (nc == 0)
		return;
	if (total <= w) {
		for (int i = 0; i < nc; i++) {
			char b[160];
			int cur = i == fl->choice;
			snprintf(b, sizeof b, cur ? "[%s]" : " %s ", _(ch[i].label));
			if (cur && focused)
				tui_cursor(app, y, cx);
			cx += tui_put(y, cx, x + w - cx, b,
			              cur ? tui_attr(focused ? TUI_S_FIELD_FOCUS : TUI_S_FIELD) | A_BOLD
			                  : tui_attr(TUI_S_DIM), 0) + 1;
		}
	} else {
		char b[200];
		snprintf(b, sizeof b, "< %s >", _(ch[fl->choice].label));
		tui_put(y, x, w, b, tui_attr(focused ? TUI_S_FIELD_FOCUS : TUI_S_FIELD), 0);
		if (focused)
			tui_cursor(app, y, x);
	}
}

static void draw_field(struct tui_form *f, struct field *fl, int y, int focused, tui_app *app,
                       int *drop_y, int *drop_x, int *drop_w)
{
	tui_rect r = f->r;
	int ix = r.x + f->labw + 3, avail = input_avail(f);
	int iw = fl->def->width > 0 && fl->def->width < avail ? fl->def->width : avail;
	char label[160];
	int h = fl->def->type == TUI_FIELD_LINES ? (fl->def->lines > 0 ? fl->def->lines : 4) : 1;

	snprintf(label, sizeof label, "%s%s", _(fl->def->label),
	         fl->def->flags & TUI_FIELD_REQUIRED ? " *" : "");
	if (focused)
		tui_put(y, r.x, 1, tui_glyph_marker(), tui_attr(TUI_S_LABEL) | A_BOLD, 0);
	tui_put(y, r.x + 2, f->labw, label, tui_attr(TUI_S_LABEL) | (focused ? A_BOLD : 0), 0);
	if (fl->def->flags & TUI_FIELD_READONLY) {
		tui_put(y, ix, iw, value_of(fl), tui_attr(TUI_S_DIM), 0);
		focused = 0;
	}
	switch (fl->def->type) {
	case TUI_FIELD_TEXT:
		if (!(fl->def->flags & TUI_FIELD_READONLY))
			draw_text_input(y, ix, iw, &fl->le, focused, fl->selected, app);
		break;
	case TUI_FIELD_DATE: case TUI_FIELD_TIME: {
		int w = fl->def->type == TUI_FIELD_DATE ? 12 : 7;
		lup_date d;
		draw_text_input(y, ix, w, &fl->le, focused, fl->selected, app);
		if (fl->def->type == TUI_FIELD_DATE && fl->le.len &&
		    lup_date_parse(lup_le_text(&fl->le), lup_date_today(), &d) == 0) {
			char b[64], ds[11];
			lup_date_format(d, ds);
			if (strcmp(ds, lup_le_text(&fl->le)) == 0)
				snprintf(b, sizeof b, _("week %d"), lup_date_isoweek(d, NULL));
			else
				snprintf(b, sizeof b, _("%s, week %d"), ds, lup_date_isoweek(d, NULL));
			tui_put(y, ix + w + 2, avail - w - 2, b, tui_attr(TUI_S_DIM), 0);
		}
		break;
	}
	case TUI_FIELD_LINES:
		if (!focused) {
			/* Not being edited: each line wrapped at spaces over the
			 * rows the field has, a … where more is hidden. */
			int row = 0, li = 0;
			for (; li < fl->nlines && row < h; li++) {
				const char *t = lup_le_text(&fl->lines[li]);
				int n = *t ? tui_put_wrapped(0, 0, iw, h - row, t, 0, 0) : 1;
				for (int k = 0; k < n; k++)
					tui_fill(y + row + k, ix, iw, tui_attr(TUI_S_FIELD));
				if (*t)
					tui_put_wrapped(y + row, ix, iw, h - row, t, tui_attr(TUI_S_FIELD), 1);
				row += n;
			}
			for (; row < h; row++)
				tui_fill(y + row, ix, iw, tui_attr(TUI_S_FIELD));
			while (li < fl->nlines && !*lup_le_text(&fl->lines[li]))
				li++;
			if (li < fl->nlines && iw > 1)
				tui_put(y + h - 1, ix + iw - 1, 1, "…", tui_attr(TUI_S_FIELD) | A_BOLD, 0);
			break;
		}
		if (fl->line < fl->ltop)
			fl->ltop = fl->line;
		if (fl->line >= fl->ltop + h)
			fl->ltop = fl->line - h + 1;
		for (int i = 0; i < h; i++) {
			int li = fl->ltop + i;
			if (li < fl->nlines)
				draw_text_input(y + i, ix, iw, &fl->lines[li], focused && li == fl->line, 0, app);
			else
				tui_fill(y + i, ix, iw, tui_attr(TUI_S_FIELD));
		}
		break;
	case TUI_FIELD_CHOICE: case TUI_FIELD_YESNO:
		draw_choices(y, ix, iw, fl, focused, app);
		break;
	case TUI_FIELD_REF:
		if (fl->searching) {
			draw_text_input(y, ix, iw, &fl->le, focused, fl->selected, app);
			*drop_y = y + 1;
			*drop_x = ix;
			*drop_w = iw;
		} else {
			const char *l = fl->ref_label ? fl->ref_label : fl->ref_id ? fl->ref_id : _("(none)");
			tui_put(y, ix, iw, l, tui_attr(focused ? TUI_S_FIELD_FOCUS : fl->ref_id ? TUI_S_FIELD :
			        TUI_S_FIELD_NONE), TUI_PAD);
			if (focused)
				tui_cursor(app, y, ix);
		}
		break;
	}
	if (fl->msg[0]) {
		char m[400];
		snprintf(m, sizeof m, "! %s", fl->msg);
		tui_put_wrapped(y + h, ix, avail, MSG_LINES, m, tui_attr(TUI_S_ERROR), 1);
	}
}

static const char *field_help(const struct field *fl)
{
	if (fl->def->help)
		return _(fl->def->help);
	switch (fl->def->type) {
	case TUI_FIELD_DATE: return _("A date: YYYY-MM-DD, or today, +7, -1, +2w");
	case TUI_FIELD_TIME: return _("A time: HH:MM");
	case TUI_FIELD_LINES: return _("Enter starts a new line");
	case TUI_FIELD_CHOICE: case TUI_FIELD_YESNO: return _("Space, ← or → changes the choice");
	case TUI_FIELD_REF:
		return fl->searching ? _("↑/↓ choose, Enter picks, Esc keeps the old value")
		                     : _("Type to search; BS clears");
	default: return "";
	}
}

void tui_form_draw(struct tui_form *f, tui_app *app)
{
	tui_rect r = f->r;
	int rows, y = 0, fy = 0, fh = 1, hl;
	int drop_y = -1, drop_x = 0, drop_w = 0;
	struct field *foc;

	if (!f->n)
		return;
	foc = &f->f[f->focus];
	/* the field's help wraps (up to three lines) instead of being cut */
	hl = *field_help(foc) ? tui_put_wrapped(0, 0, r.w - 4, 3, field_help(foc), 0, 0) : 1;
	if (hl < 1)
		hl = 1;
	rows = r.h - hl;
	for (int i = 0; i < f->n; i++) {
		f->f[i].y = y;
		f->f[i].h = field_lines(f, &f->f[i]);
		if (i == f->focus) {
			fy = y;
			fh = f->f[i].h;
		}
		y += f->f[i].h;
	}
	/* scroll so that the focused field shows whole */
	if (fy < f->top)
		f->top = fy;
	if (fy + fh > f->top + rows)
		f->top = fy + fh - rows;
	if (f->top < 0)
		f->top = 0;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->f[i];
		if (fl->y < f->top || fl->y + fl->h > f->top + rows)
			continue;
		draw_field(f, fl, r.y + fl->y - f->top, i == f->focus, app, &drop_y, &drop_x, &drop_w);
	}
	tui_put_wrapped(r.y + r.h - hl, r.x + 2, r.w - 4, hl, field_help(foc), tui_attr(TUI_S_DIM), 1);
	/* the matches of a reference search, over the fields below */
	if (drop_y >= 0) {
		int n = foc->nmatches ? foc->nmatches : 1;
		if (drop_y + n + 2 > r.y + r.h)
			drop_y = drop_y - n - 3;
		tui_box(drop_y, drop_x, n + 2, drop_w, NULL, tui_attr(TUI_S_DIALOG));
		if (!foc->nmatches)
			tui_put(drop_y + 1, drop_x + 1, drop_w - 2, _("No match"), tui_attr(TUI_S_DIALOG_DIM), 0);
		for (int i = 0; i < foc->nmatches; i++) {
			attr_t a = i == foc->mfocus ? tui_attr(TUI_S_FOCUS) : tui_attr(TUI_S_DIALOG);
			tui_put(drop_y + 1 + i, drop_x + 1, drop_w - 2, foc->matches[i].label, a, TUI_PAD);
		}
	}
}

/* ---- the form screen ---- */

enum { TAG_DISCARD = 1, TAG_CHANGED, TAG_GONE };

struct form_screen {
	tui_screen base;
	char *title;
	struct tui_form *form;
	tui_form_save_fn save;
	void (*destroy_ud)(void *);
	void *ud;
};

static tui_ctxmask fs_contexts(tui_screen *s, tui_app *app)
{
	(void)app;
	return tui_form_contexts(((struct form_screen *)s)->form);
}

static void fs_resize(tui_screen *s, tui_app *app)
{
	struct form_screen *fs = (struct form_screen *)s;
	tui_rect r = tui_area(app);
	r.y += 2;
	r.h -= 2;
	r.x += 1;
	r.w -= 2;
	tui_form_layout(fs->form, r);
}

static void fs_draw(tui_screen *s, tui_app *app)
{
	struct form_screen *fs = (struct form_screen *)s;
	tui_rect r = tui_area(app);
	tui_put(r.y, r.x + 1, r.w - 2, fs->title, tui_attr(TUI_S_TITLE), 0);
	tui_form_draw(fs->form, app);
}

static int fs_key(tui_screen *s, tui_app *app, tui_key k)
{
	return tui_form_key(((struct form_screen *)s)->form, app, k);
}

/* Look again: nothing saved; under each field changed elsewhere, what it
 * is now.  The fields keep what was typed: saving again asks again about
 * a field both changed, unless it now holds the stored value. */
static void look_again(struct tui_form *f, tui_app *app)
{
	const struct lup_merge_report *mr = &f->report;
	int first = -1;
	for (int i = 0; i < mr->n; i++) {
		const struct lup_merge_col *c = &mr->col[i];
		struct field *fl = find(f, c->field);
		const char *now = c->theirs_shown[0] ? c->theirs_shown : _("(empty)");
		if (!fl || c->how == LUP_MERGE_BOTH)
			continue;
		if (c->how == LUP_MERGE_CONFLICT) {
			snprintf(fl->msg, sizeof fl->msg, _("Changed elsewhere: now %s"), now);
			if (first < 0)
				first = (int)(fl - f->f);
		} else {
			snprintf(fl->msg, sizeof fl->msg, _("Changed elsewhere to %s: kept unless you change it"), now);
		}
	}
	if (first >= 0)
		f->focus = first;
	tui_status(app, "%s", _("Nothing was saved: the marked fields were changed in another window. "
	                        "Save again when you have looked."));
}

static int fs_save(struct form_screen *fs, tui_app *app)
{
	lup_err err;
	lup_err_clear(&err);
	if (fs->save(fs->ud, fs->form, &err) < 0) {
		if (err.code == LUP_ECHANGED && lup_merge_next_conflict(&fs->form->report))
			return tui_ask_changed(app, TAG_CHANGED, &fs->form->report);
		if (err.code == LUP_EGONE && !fs->form->no_new)
			return tui_ask_gone(app, TAG_GONE, err.msg);
		if (!tui_form_show_error(fs->form, &err))
			tui_error(app, "%s", err.msg);
		else
			tui_error(app, "%s", _("Please correct the marked field."));
		return TUI_REDRAW;
	}
	tui_saved_status(app, &fs->form->report);
	tui_saved_guard(app);
	return tui_pop(app, TUI_SAVED);
}

static int fs_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct form_screen *fs = (struct form_screen *)s;
	switch (a) {
	case TUI_A_SAVE:
		/* what the last save said is said again if it still holds */
		for (int i = 0; i < fs->form->n; i++)
			fs->form->f[i].msg[0] = 0;
		leave_field(fs->form);
		if (tui_form_check(fs->form) < 0) {
			tui_error(app, "%s", _("Please correct the marked field."));
			return TUI_REDRAW;
		}
		return fs_save(fs, app);
	case TUI_A_CANCEL:
		if (tui_form_changed(fs->form))
			return tui_confirm(app, TAG_DISCARD, _("Discard your changes?"),
			                   _("What you typed in this form will be lost. "
			                     "Answer No to go on editing."));
		return tui_pop(app, TUI_CANCELLED);
	default:
		return tui_form_action(fs->form, app, a);
	}
}

static int fs_result(tui_screen *s, tui_app *app, tui_screen *child, int tag, int result)
{
	struct form_screen *fs = (struct form_screen *)s;
	(void)child;
	switch (tag) {
	case TAG_DISCARD:
		if (result == TUI_YES)
			return tui_pop(app, TUI_CANCELLED);
		break;
	case TAG_CHANGED:
		if (!tui_changed_answer(&fs->form->report, result)) {
			look_again(fs->form, app);
			break;
		}
		if (lup_merge_next_conflict(&fs->form->report))
			return tui_ask_changed(app, TAG_CHANGED, &fs->form->report);
		return fs_save(fs, app);
	case TAG_GONE:
		if (result == TUI_SAVE_AS_NEW) {
			fs->form->as_new = 1;
			lup_merge_report_clear(&fs->form->report);
			return fs_save(fs, app);
		}
		if (result == TUI_DROP_EDIT) {
			tui_status(app, "%s", _("Your edit was dropped."));
			return tui_pop(app, TUI_CANCELLED);
		}
		tui_status(app, "%s", _("Nothing was saved."));
		break;
	}
	return TUI_REDRAW;
}

static void fs_destroy(tui_screen *s)
{
	struct form_screen *fs = (struct form_screen *)s;
	tui_form_free(fs->form);
	if (fs->destroy_ud)
		fs->destroy_ud(fs->ud);
	free(fs->title);
	free(fs);
}

static const struct tui_screen_ops form_screen_ops = {
	.name = N_("Form"),
	.contexts = fs_contexts,
	.draw = fs_draw,
	.on_action = fs_action,
	.on_key = fs_key,
	.on_resize = fs_resize,
	.on_result = fs_result,
	.destroy = fs_destroy,
};

tui_screen *tui_form_screen(const char *title, const struct tui_field_def *defs, int n,
                            tui_form_save_fn save, void (*destroy_ud)(void *ud), void *ud)
{
	struct form_screen *fs = calloc(1, sizeof *fs);
	if (!fs || !(fs->form = tui_form_new(defs, n, ud)) || !(fs->title = strdup(title))) {
		if (fs)
			tui_form_free(fs->form);
		free(fs);
		if (destroy_ud)
			destroy_ud(ud);
		return NULL;
	}
	fs->base.ops = &form_screen_ops;
	fs->save = save;
	fs->destroy_ud = destroy_ud;
	fs->ud = ud;
	return &fs->base;
}

struct tui_form *tui_form_of(tui_screen *s)
{
	return s && s->ops == &form_screen_ops ? ((struct form_screen *)s)->form : NULL;
}

void *tui_form_ud(tui_screen *s)
{
	return s && s->ops == &form_screen_ops ? ((struct form_screen *)s)->ud : NULL;
}
