/* doc_template.c — document templates: reading them (outside input: every
 * mistake is a message with its line), the placeholders each kind of
 * document offers, and putting the values in.
 *
 * A template is a text file of lines "directive argument" (see
 * lup-documents(5)): title, subtitle, heading, text, small, field,
 * table … column … end, signature, space, page, and once each header,
 * footer, pagenumber and filename.  A line starting with white space
 * continues the one before; # starts a comment line.  Parts of an
 * argument are separated by '|' (written \| inside a part); {key} is a
 * placeholder, {{ and }} are braces. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "core/doc_int.h"
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/paths.h"

#define MAX_TEMPLATE (256 * 1024)
#define MAX_LINE 8192
#define MAX_ITEMS 500

static const char *const key_names[LUP_DK_COUNT] = {
#define KEY_NAME(k) #k,
	LUP_DOC_KEYS(KEY_NAME)
#undef KEY_NAME
};

const char *lup_doc_key_name(enum lup_doc_key k)
{
	return k >= 0 && k < LUP_DK_COUNT ? key_names[k] : "";
}

static const char *const kind_names[LUP_DOC_KINDS] = {
	"sheet", "certificate", "agreement", "attendance-certificate", "participants"
};

const char *lup_doc_kind_name(enum lup_doc_kind k)
{
	return k >= 0 && k < LUP_DOC_KINDS ? kind_names[k] : "";
}

int lup_doc_kind_parse(const char *name)
{
	for (int k = 0; k < LUP_DOC_KINDS; k++)
		if (name && strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

const char *lup_doc_kind_label(enum lup_doc_kind k)
{
	switch (k) {
	case LUP_DOC_SHEET: return _("sign-in sheet");
	case LUP_DOC_CERTIFICATE: return _("certificate");
	case LUP_DOC_AGREEMENT: return _("mobility agreement");
	case LUP_DOC_ATTENDANCE: return _("certificate of attendance");
	case LUP_DOC_PARTICIPANTS: return _("participant list");
	default: return "";
	}
}

/* ---- Which placeholders each kind offers ---- */

#define ALL (-1)
struct key_use {
	int kind;                  /* a lup_doc_kind, or ALL */
	enum lup_doc_key key;
	enum tp_src src;
	const char *help;          /* English, for lup-documents(5) */
};

static const struct key_use uses[] = {
	{ ALL, LUP_DK_organisation, TP_DOC, "[documents] organisation, else [shadowing] home_name" },
	{ ALL, LUP_DK_signatory, TP_DOC, "[documents] signatory" },
	{ ALL, LUP_DK_signatory_title, TP_DOC, "[documents] signatory_title" },
	{ ALL, LUP_DK_today, TP_DOC, "today, YYYY-MM-DD" },
	{ ALL, LUP_DK_page, TP_PAGE, "the page number (header, footer and pagenumber only)" },
	{ ALL, LUP_DK_pages, TP_PAGE, "the number of pages (of one certificate, in a file of several)" },

	{ LUP_DOC_SHEET, LUP_DK_programme, TP_DOC, "the programme" },
	{ LUP_DOC_SHEET, LUP_DK_cohort, TP_DOC, "the cohort" },
	{ LUP_DOC_SHEET, LUP_DK_session, TP_DOC, "the session's title" },
	{ LUP_DOC_SHEET, LUP_DK_block, TP_DOC, "the session's block" },
	{ LUP_DOC_SHEET, LUP_DK_date, TP_DOC, "the session's day, YYYY-MM-DD" },
	{ LUP_DOC_SHEET, LUP_DK_time, TP_DOC, "its time: 09:00\\(en16:00, or to another day and time" },
	{ LUP_DOC_SHEET, LUP_DK_start, TP_DOC, "its start, HH:MM" },
	{ LUP_DOC_SHEET, LUP_DK_end, TP_DOC, "its end, HH:MM" },
	{ LUP_DOC_SHEET, LUP_DK_place, TP_DOC, "its location, else its host and the host's city" },
	{ LUP_DOC_SHEET, LUP_DK_host, TP_DOC, "its host organisation (a study visit)" },
	{ LUP_DOC_SHEET, LUP_DK_facilitators, TP_DOC, "its facilitators, else the cohort's" },
	{ LUP_DOC_SHEET, LUP_DK_count, TP_DOC, "how many people are listed" },
	{ LUP_DOC_SHEET, LUP_DK_n, TP_ROW, "the row's number" },
	{ LUP_DOC_SHEET, LUP_DK_name, TP_ROW, "the participant's name" },
	{ LUP_DOC_SHEET, LUP_DK_unit, TP_ROW, "their organisational unit" },
	{ LUP_DOC_SHEET, LUP_DK_role, TP_ROW, "their role or title" },
	{ LUP_DOC_SHEET, LUP_DK_email, TP_ROW, "their e-mail address" },
	{ LUP_DOC_SHEET, LUP_DK_phone, TP_ROW, "their phone number" },

	{ LUP_DOC_PARTICIPANTS, LUP_DK_programme, TP_DOC, "the programme" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_cohort, TP_DOC, "the cohort" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_start, TP_DOC, "the day of its first session, else its start date" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_end, TP_DOC, "the day of its last session, else its end date" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_sessions, TP_DOC, "how many sessions it has" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_facilitators, TP_DOC, "its facilitators" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_count, TP_DOC, "how many participants (enrolled or completed)" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_n, TP_ROW, "the row's number" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_name, TP_ROW, "the participant's name" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_unit, TP_ROW, "their organisational unit" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_role, TP_ROW, "their role or title" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_email, TP_ROW, "their e-mail address" },
	{ LUP_DOC_PARTICIPANTS, LUP_DK_phone, TP_ROW, "their phone number" },

	{ LUP_DOC_CERTIFICATE, LUP_DK_programme, TP_DOC, "the programme" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_cohort, TP_DOC, "the cohort" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_start, TP_DOC, "the day of its first session, else its start date" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_end, TP_DOC, "the day of its last session, else its end date" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_sessions, TP_DOC, "how many sessions it had" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_hours, TP_DOC, "their hours, all together" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_facilitators, TP_DOC, "its facilitators" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_person, TP_COPY, "the participant's name" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_unit, TP_COPY, "their organisational unit" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_role, TP_COPY, "their role or title" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_email, TP_COPY, "their e-mail address" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_completed, TP_COPY, "the day their completion was recorded" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_n, TP_ROW, "the block's number" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_block, TP_ROW, "the block's name" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_dates, TP_ROW, "the days of its sessions: a day, or first \\(en last" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_start, TP_ROW, "the day of its first session" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_end, TP_ROW, "the day of its last session" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_sessions, TP_ROW, "how many sessions it had" },
	{ LUP_DOC_CERTIFICATE, LUP_DK_hours, TP_ROW, "their hours" },
};

/* The placement documents share theirs. */
static const struct key_use placement_uses[] = {
	{ 0, LUP_DK_person, TP_DOC, "the participant's name" },
	{ 0, LUP_DK_unit, TP_DOC, "their organisational unit" },
	{ 0, LUP_DK_role, TP_DOC, "their role or title" },
	{ 0, LUP_DK_email, TP_DOC, "their e-mail address" },
	{ 0, LUP_DK_phone, TP_DOC, "their phone number" },
	{ 0, LUP_DK_sending, TP_DOC, "the sending organisation: [documents] organisation, else [shadowing] home_name" },
	{ 0, LUP_DK_home, TP_DOC, "[shadowing] home_name" },
	{ 0, LUP_DK_host, TP_DOC, "the host organisation" },
	{ 0, LUP_DK_city, TP_DOC, "its city" },
	{ 0, LUP_DK_country, TP_DOC, "its country, named in the document's language" },
	{ 0, LUP_DK_contact, TP_DOC, "its contact person" },
	{ 0, LUP_DK_contact_email, TP_DOC, "the contact's e-mail address" },
	{ 0, LUP_DK_contact_phone, TP_DOC, "the contact's phone number" },
	{ 0, LUP_DK_mentor, TP_DOC, "the host mentor" },
	{ 0, LUP_DK_start, TP_DOC, "the first day of the stay" },
	{ 0, LUP_DK_end, TP_DOC, "the last day of the stay" },
	{ 0, LUP_DK_days, TP_DOC, "the days of the stay, travel excluded" },
	{ 0, LUP_DK_travel_days, TP_DOC, "travel days" },
	{ 0, LUP_DK_objectives, TP_DOC, "the objectives (the learning agreement)" },
};

#define NUSES (sizeof uses / sizeof uses[0])
#define NPUSES (sizeof placement_uses / sizeof placement_uses[0])

static int is_placement(enum lup_doc_kind k)
{
	return k == LUP_DOC_AGREEMENT || k == LUP_DOC_ATTENDANCE;
}

/* The list a kind's table shows, or NULL. */
static const char *list_name(enum lup_doc_kind k)
{
	switch (k) {
	case LUP_DOC_SHEET: case LUP_DOC_PARTICIPANTS: return "participants";
	case LUP_DOC_CERTIFICATE: return "blocks";
	default: return NULL;
	}
}

/* Where key comes from in kind: TP_ROW inside a table's column when the
 * row has it, else the document's (or copy's, or page's); -1 when the kind
 * has no such key. */
static int key_source(enum lup_doc_kind kind, enum lup_doc_key key, int in_row)
{
	int found = -1;
	for (size_t i = 0; i < NUSES; i++) {
		if (uses[i].key != key || (uses[i].kind != ALL && uses[i].kind != (int)kind))
			continue;
		if (uses[i].src == TP_ROW) {
			if (in_row)
				return TP_ROW;
			if (found < 0)
				found = -2;     /* a row's key, outside a row */
			continue;
		}
		if (found < 0)
			found = uses[i].src;
	}
	if (is_placement(kind))
		for (size_t i = 0; i < NPUSES; i++)
			if (placement_uses[i].key == key)
				return TP_DOC;
	return found;
}

/* The keys of a kind, as "a, b, c" in the order lup-documents(5) gives
 * them (rows: only the row's). */
static void key_list(enum lup_doc_kind kind, int rows, lup_buf *b)
{
	int seen[LUP_DK_COUNT] = { 0 };
	for (size_t i = 0; i < NUSES + NPUSES; i++) {
		const struct key_use *u = i < NUSES ? &uses[i] : &placement_uses[i - NUSES];
		int mine = i < NUSES ? (u->kind == ALL || u->kind == (int)kind) : is_placement(kind);
		if (!mine || seen[u->key] || u->src == TP_PAGE || (u->src == TP_ROW) != rows)
			continue;
		seen[u->key] = 1;
		lup_buf_printf(b, "%s%s", b->len ? ", " : "", key_names[u->key]);
	}
}

/* ---- Parsing ---- */

struct parser {
	lup_doc_template *t;
	const char *where;
	int line;
	lup_err *err;
	lup_buf store;          /* literal text; offsets until the end */
	int in_table;           /* the table item being filled, or -1 */
	int table_line;
	char *args;             /* the pending directive's argument (with continuations) */
};

static int perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int perr(struct parser *p, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return lup_err_set(p->err, LUP_EINVAL, "%s:%d: %s", p->where, p->line, msg);
}

/* Split off the next part of an argument at an unescaped '|': returns the
 * part (trimmed, escapes kept) and moves *s past it; NULL at the end. */
static char *next_part(char **s)
{
	char *start = *s, *q;
	if (!start)
		return NULL;
	for (q = start; *q; q++) {
		if (*q == '\\' && (q[1] == '|' || q[1] == '\\')) {
			q++;
			continue;
		}
		if (*q == '|')
			break;
	}
	if (*q == '|') {
		*q = '\0';
		*s = q + 1;
	} else {
		*s = NULL;
	}
	return lup_trim(start);
}

static int add_seg(struct parser *p, struct tp_text *t, struct tp_seg seg)
{
	struct tp_seg *v = LUP_PUSH(t->seg, t->nseg, t->capseg);
	if (!v)
		return lup_err_oom(p->err);
	*v = seg;
	return 0;
}

/* Compile one part into a text: literal runs (unescaped into the store)
 * and placeholders, checked against the kind.  in_row: inside a table's
 * column value; page: a header, footer or pagenumber line. */
static int compile(struct parser *p, const char *s, struct tp_text *t, int in_row, int page)
{
	size_t start = p->store.len;
	memset(t, 0, sizeof *t);
	while (*s) {
		if (*s == '{' && s[1] == '{') {
			lup_buf_add(&p->store, "{", 1);
			s += 2;
		} else if (*s == '}' && s[1] == '}') {
			lup_buf_add(&p->store, "}", 1);
			s += 2;
		} else if (*s == '}') {
			return perr(p, _("a '}' without its '{' (write }} for a brace)"));
		} else if (*s == '\\' && (s[1] == '|' || s[1] == '\\')) {
			lup_buf_add(&p->store, s + 1, 1);
			s += 2;
		} else if (*s == '{') {
			const char *e = strchr(s + 1, '}');
			char name[40];
			size_t n;
			int k, src;
			lup_buf list = { 0 };
			if (!e)
				return perr(p, _("a '{' without its '}' (write {{ for a brace)"));
			n = (size_t)(e - s - 1);
			if (n == 0 || n >= sizeof name) {
				return perr(p, _("'%.*s' is not a placeholder (write {{ for a brace)"),
				            (int)(n + 2 > 60 ? 60 : n + 2), s);
			}
			memcpy(name, s + 1, n);
			name[n] = '\0';
			for (k = 0; k < LUP_DK_COUNT; k++)
				if (strcmp(key_names[k], name) == 0)
					break;
			src = k < LUP_DK_COUNT ? key_source(p->t->kind, (enum lup_doc_key)k, in_row) : -1;
			if (src == -2) {
				return perr(p, _("{%s} is a value of a table row: use it in a column of the %s table"),
				            name, list_name(p->t->kind));
			}
			if (src == TP_PAGE && !page)
				return perr(p, _("{%s} can only be used in header, footer and pagenumber lines"), name);
			if (src < 0) {
				int r;
				key_list(p->t->kind, 0, &list);
				if (in_row) {
					lup_buf rl = { 0 };
					key_list(p->t->kind, 1, &rl);
					r = perr(p, _("a %s has no {%s}; a row of its table has %s, the document %s"),
					         lup_doc_kind_label(p->t->kind), name, rl.s ? rl.s : "",
					         list.s ? list.s : "");
					lup_buf_clear(&rl);
				} else {
					r = perr(p, _("a %s has no {%s}; it has %s"), lup_doc_kind_label(p->t->kind),
					         name, list.s ? list.s : "");
				}
				lup_buf_clear(&list);
				return r;
			}
			if (p->store.len > start &&
			    add_seg(p, t, (struct tp_seg){ TP_LIT, 0, (const char *)(uintptr_t)start,
			                                   p->store.len - start }) < 0)
				return -1;
			if (add_seg(p, t, (struct tp_seg){ (enum tp_src)src, (enum lup_doc_key)k, NULL, 0 }) < 0)
				return -1;
			if (src == TP_COPY)
				t->uses_copy = 1;
			if (src == TP_PAGE)
				t->uses_page = 1;
			start = p->store.len;
			s = e + 1;
		} else {
			lup_buf_add(&p->store, s, 1);
			s++;
		}
	}
	if (p->store.len > start &&
	    add_seg(p, t, (struct tp_seg){ TP_LIT, 0, (const char *)(uintptr_t)start, p->store.len - start }) < 0)
		return -1;
	return 0;
}

static struct tp_item *new_item(struct parser *p, enum tp_op op)
{
	lup_doc_template *t = p->t;
	struct tp_item *v;
	if (t->nitems >= MAX_ITEMS) {
		perr(p, _("more than %d lines to print"), MAX_ITEMS);
		return NULL;
	}
	if (!(v = LUP_PUSH(t->items, t->nitems, t->capitems))) {
		lup_err_oom(p->err);
		return NULL;
	}
	v->op = op;
	v->line = p->line;
	return v;
}

/* A number from min to max (a width, millimetres, a count). */
static int number(struct parser *p, const char *s, double min, double max, const char *what,
                  double *out)
{
	char *end;
	double x;
	errno = 0;
	x = strtod(s, &end);
	if (!*s || errno || *end || !(x >= min && x <= max))
		return perr(p, _("%s '%s': expected a number from %g to %g"), what, s, min, max);
	*out = x;
	return 0;
}

static const struct { const char *name; enum tp_op op; } simple[] = {
	{ "title", TP_TITLE }, { "subtitle", TP_SUBTITLE }, { "heading", TP_HEADING },
	{ "text", TP_PARA }, { "small", TP_SMALL },
};

/* One directive with its whole argument (continuations joined). */
static int directive(struct parser *p, const char *word, char *arg)
{
	lup_doc_template *t = p->t;
	struct tp_item *it;
	struct tp_table *tab = p->in_table >= 0 ? t->items[p->in_table].table : NULL;
	char *rest = arg, *part;

	if (tab) {
		if (strcmp(word, "column") == 0) {
			struct tp_column *c;
			if (tab->ncol >= TP_MAX_COLUMNS)
				return perr(p, _("a table has at most %d columns"), TP_MAX_COLUMNS);
			c = &tab->col[tab->ncol++];
			c->weight = 1;
			part = next_part(&rest);
			if (compile(p, part ? part : "", &c->head, 0, 0) < 0)
				return -1;
			part = next_part(&rest);
			if (compile(p, part ? part : "", &c->value, 1, 0) < 0)
				return -1;
			if ((part = next_part(&rest)) && *part &&
			    number(p, part, 0.1, 100, _("column width"), &c->weight) < 0)
				return -1;
			if ((part = next_part(&rest)) && *part) {
				if (strcmp(part, "left") == 0)
					c->align = TP_LEFT;
				else if (strcmp(part, "right") == 0)
					c->align = TP_RIGHT;
				else if (strcmp(part, "center") == 0 || strcmp(part, "centre") == 0)
					c->align = TP_CENTER;
				else
					return perr(p, _("'%s': a column is aligned left, right or center"), part);
			}
			if (next_part(&rest))
				return perr(p, _("a column has at most four parts: heading | value | width | alignment"));
			return 0;
		}
		if (strcmp(word, "rowheight") == 0)
			return number(p, arg, 0, 100, _("row height"), &tab->rowheight);
		if (strcmp(word, "blank") == 0) {
			double n;
			if (number(p, arg, 0, 200, _("blank rows"), &n) < 0)
				return -1;
			if (n != (int)n)
				return perr(p, _("blank rows '%s': expected a whole number"), arg);
			tab->blank = (int)n;
			return 0;
		}
		if (strcmp(word, "empty") == 0) {
			tab->has_empty = 1;
			free(tab->empty.seg);
			return compile(p, arg, &tab->empty, 0, 0);
		}
		if (strcmp(word, "end") == 0) {
			if (*arg)
				return perr(p, _("end takes nothing after it"));
			if (tab->ncol == 0)
				return perr(p, _("the table has no column lines"));
			p->in_table = -1;
			return 0;
		}
		return perr(p, _("'%s' inside a table: a table holds column, rowheight, blank and empty lines "
		                 "and ends with end"), word);
	}

	for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
		if (strcmp(word, simple[i].name) == 0) {
			if (!(it = new_item(p, simple[i].op)))
				return -1;
			it->ntext = 1;
			return compile(p, arg, &it->text[0], 0, 0);
		}
	if (strcmp(word, "field") == 0) {
		if (!(it = new_item(p, TP_FIELD)))
			return -1;
		it->ntext = 2;
		part = next_part(&rest);
		if (compile(p, part ? part : "", &it->text[0], 0, 0) < 0)
			return -1;
		part = next_part(&rest);
		if (compile(p, part ? part : "", &it->text[1], 0, 0) < 0)
			return -1;
		if (next_part(&rest))
			return perr(p, _("a field has two parts: label | value"));
		return 0;
	}
	if (strcmp(word, "signature") == 0) {
		if (!(it = new_item(p, TP_SIGNATURE)))
			return -1;
		while ((part = next_part(&rest))) {
			if (it->ntext >= TP_MAX_PARTS)
				return perr(p, _("a signature has at most %d parts"), TP_MAX_PARTS);
			if (compile(p, part, &it->text[it->ntext++], 0, 0) < 0)
				return -1;
		}
		return 0;
	}
	if (strcmp(word, "table") == 0) {
		const char *want = list_name(t->kind);
		if (!want)
			return perr(p, _("a %s has no table"), lup_doc_kind_label(t->kind));
		if (strcmp(arg, want) != 0)
			return perr(p, _("a %s's table lists %s, not '%s'"), lup_doc_kind_label(t->kind), want, arg);
		if (!(it = new_item(p, TP_TABLE)))
			return -1;
		if (!(it->table = calloc(1, sizeof *it->table)))
			return lup_err_oom(p->err);
		p->in_table = t->nitems - 1;
		p->table_line = p->line;
		return 0;
	}
	if (strcmp(word, "space") == 0) {
		if (!(it = new_item(p, TP_SPACE)))
			return -1;
		it->mm = 5;
		return *arg ? number(p, arg, 0, 200, _("space"), &it->mm) : 0;
	}
	if (strcmp(word, "page") == 0) {
		if (*arg)
			return perr(p, _("page takes nothing after it"));
		return new_item(p, TP_PAGEBREAK) ? 0 : -1;
	}
	{
		static const char *const once[] = { "header", "footer", "pagenumber", "filename" };
		struct tp_text *dst[] = { &t->header, &t->footer, &t->pagenumber, &t->filename };
		int *has[] = { &t->has_header, &t->has_footer, &t->has_pagenumber, &t->has_filename };
		for (int i = 0; i < 4; i++)
			if (strcmp(word, once[i]) == 0) {
				if (*has[i])
					return perr(p, _("a second %s line (a template has one)"), word);
				*has[i] = 1;
				return compile(p, arg, dst[i], 0, i < 3);
			}
	}
	if (strcmp(word, "column") == 0 || strcmp(word, "end") == 0 || strcmp(word, "rowheight") == 0 ||
	    strcmp(word, "blank") == 0 || strcmp(word, "empty") == 0)
		return perr(p, _("'%s' outside a table (tables start with a table line)"), word);
	return perr(p, _("'%s' is not a directive (title, subtitle, heading, text, small, field, table, "
	                 "signature, space, page, header, footer, pagenumber, filename)"), word);
}

/* Valid UTF-8 of n bytes? */
static int utf8_ok(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = lup_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* Turn the literal offsets into pointers once the store no longer moves. */
static void fix_text(lup_doc_template *t, struct tp_text *x)
{
	for (int i = 0; i < x->nseg; i++)
		if (x->seg[i].src == TP_LIT)
			x->seg[i].lit = t->store + (uintptr_t)x->seg[i].lit;
}

static void free_text(struct tp_text *x)
{
	free(x->seg);
	x->seg = NULL;
	x->nseg = 0;
	x->capseg = 0;
}

void lup_doc_template_free(lup_doc_template *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nitems; i++) {
		struct tp_item *it = &t->items[i];
		for (int j = 0; j < TP_MAX_PARTS; j++)
			free_text(&it->text[j]);
		if (it->table) {
			for (int c = 0; c < it->table->ncol; c++) {
				free_text(&it->table->col[c].head);
				free_text(&it->table->col[c].value);
			}
			free_text(&it->table->empty);
			free(it->table);
		}
	}
	free_text(&t->header);
	free_text(&t->footer);
	free_text(&t->pagenumber);
	free_text(&t->filename);
	free(t->items);
	free(t->store);
	free(t->where);
	free(t);
}

/* Finish the pending directive, if any. */
static int flush(struct parser *p, char *word)
{
	int r;
	if (!p->args)
		return 0;
	r = directive(p, word, lup_trim(p->args));
	free(p->args);
	p->args = NULL;
	return r;
}

int lup_doc_template_parse(enum lup_doc_kind kind, const char *text, size_t len,
                           const char *where, lup_doc_template **out, lup_err *err)
{
	struct parser p = { 0 };
	char word[32] = "";
	int pending_line = 0;
	size_t i = 0;

	*out = NULL;
	if (kind < 0 || kind >= LUP_DOC_KINDS)
		return lup_err_set(err, LUP_EINVAL, _("no such kind of document"));
	p.where = where && *where ? where : "template";
	p.err = err;
	p.in_table = -1;
	p.line = 0;
	if (len > MAX_TEMPLATE)
		return lup_err_set(err, LUP_EINVAL, _("%s: larger than %d KiB"), p.where, MAX_TEMPLATE / 1024);
	if (!(p.t = calloc(1, sizeof *p.t)) || !(p.t->where = strdup(p.where))) {
		free(p.t);
		return lup_err_oom(err);
	}
	p.t->kind = kind;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;   /* a byte-order mark */
	while (i < len) {
		size_t e = i, n;
		char *line, *s;
		int cont;
		while (e < len && text[e] != '\n')
			e++;
		n = e - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		p.line++;
		if (n > MAX_LINE) {
			perr(&p, _("the line is longer than %d bytes"), MAX_LINE);
			goto fail;
		}
		if (memchr(text + i, '\0', n)) {
			perr(&p, _("the line holds a NUL byte: is this a text file?"));
			goto fail;
		}
		if (!utf8_ok(text + i, n)) {
			perr(&p, _("the line is not valid UTF-8 (save the file as UTF-8)"));
			goto fail;
		}
		if (!(line = malloc(n + 1))) {
			lup_err_oom(err);
			goto fail;
		}
		memcpy(line, text + i, n);
		line[n] = '\0';
		i = e + 1;
		cont = n > 0 && (line[0] == ' ' || line[0] == '\t');
		s = lup_trim(line);
		if (!*s || *s == '#') {
			free(line);
			continue;
		}
		if (cont) {
			lup_buf b = { 0 };
			if (!p.args) {
				free(line);
				perr(&p, _("an indented line continues the line before it, but there is none"));
				goto fail;
			}
			lup_buf_printf(&b, "%s %s", p.args, s);
			free(p.args);
			p.args = b.s;
			free(line);
			if (!p.args) {
				lup_err_oom(err);
				goto fail;
			}
			continue;
		}
		/* A new directive: finish the one before, on its own line. */
		{
			int here = p.line;
			p.line = pending_line;
			if (flush(&p, word) < 0) {
				free(line);
				goto fail;
			}
			p.line = here;
		}
		{
			size_t w = 0;
			while (s[w] && !isspace((unsigned char)s[w]))
				w++;
			if (w >= sizeof word) {
				perr(&p, _("'%.*s' is not a directive"), (int)(w > 40 ? 40 : w), s);
				free(line);
				goto fail;
			}
			memcpy(word, s, w);
			word[w] = '\0';
			for (size_t k = 0; k < w; k++)
				word[k] = (char)tolower((unsigned char)word[k]);
			p.args = strdup(s + w);
			pending_line = p.line;
		}
		free(line);
		if (!p.args) {
			lup_err_oom(err);
			goto fail;
		}
	}
	{
		int here = p.line;
		p.line = pending_line;
		if (flush(&p, word) < 0)
			goto fail;
		p.line = here;
	}
	if (p.in_table >= 0) {
		p.line = p.table_line;
		perr(&p, _("the table is not closed with an end line"));
		goto fail;
	}
	if (p.t->nitems == 0) {
		lup_err_set(err, LUP_EINVAL, _("%s: the template prints nothing"), p.where);
		goto fail;
	}
	/* The literal text is complete: point into it. */
	if (!p.store.s && lup_buf_add(&p.store, "", 0) < 0) {
		lup_err_oom(err);
		goto fail;
	}
	p.t->store = p.store.s;
	p.store.s = NULL;
	for (int k = 0; k < p.t->nitems; k++) {
		struct tp_item *it = &p.t->items[k];
		for (int j = 0; j < it->ntext; j++)
			fix_text(p.t, &it->text[j]);
		if (it->table) {
			for (int c = 0; c < it->table->ncol; c++) {
				fix_text(p.t, &it->table->col[c].head);
				fix_text(p.t, &it->table->col[c].value);
			}
			fix_text(p.t, &it->table->empty);
		}
	}
	fix_text(p.t, &p.t->header);
	fix_text(p.t, &p.t->footer);
	fix_text(p.t, &p.t->pagenumber);
	fix_text(p.t, &p.t->filename);
	*out = p.t;
	return 0;
fail:
	free(p.args);
	lup_buf_clear(&p.store);
	lup_doc_template_free(p.t);
	return -1;
}

/* ---- Values into text ---- */

int lup_doc_clean(lup_buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = lup_utf8_decode(s + i, n - i, &cp);
		if (k == 0 || (cp < 0x20 && cp != '\n') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0)) {
			if (lup_buf_add(b, s + run, i - run) < 0 ||
			    lup_buf_puts(b, k == 0 ? "\xef\xbf\xbd" : " ") < 0)
				return -1;
			i += k ? k : 1;
			run = i;
			continue;
		}
		i += k;
	}
	return lup_buf_add(b, s + run, i - run);
}

int lup_doc_expand(lup_buf *b, const struct tp_text *t, const struct lup_doc_values *doc,
                   const struct lup_doc_values *copy, const struct lup_doc_values *row,
                   int page, int pages)
{
	if (!b->s && lup_buf_add(b, "", 0) < 0)
		return -1;
	for (int i = 0; i < t->nseg; i++) {
		const struct tp_seg *g = &t->seg[i];
		const char *v = NULL;
		char num[16];
		switch (g->src) {
		case TP_LIT:
			if (lup_buf_add(b, g->lit, g->len) < 0)
				return -1;
			continue;
		case TP_DOC: v = doc ? doc->v[g->key] : NULL; break;
		case TP_COPY: v = copy ? copy->v[g->key] : NULL; break;
		case TP_ROW: v = row ? row->v[g->key] : NULL; break;
		case TP_PAGE: {
			int x = g->key == LUP_DK_page ? page : pages;
			if (x >= 1) {
				snprintf(num, sizeof num, "%d", x);
				v = num;
			}
			break;
		}
		}
		if (v && lup_doc_clean(b, v, strlen(v)) < 0)
			return -1;
	}
	return 0;
}

int lup_doc_all_empty(const struct tp_text *t, const struct lup_doc_values *doc,
                      const struct lup_doc_values *copy, const struct lup_doc_values *row)
{
	int any = 0;
	for (int i = 0; i < t->nseg; i++) {
		const struct lup_doc_values *v;
		const char *x;
		switch (t->seg[i].src) {
		case TP_DOC: v = doc; break;
		case TP_COPY: v = copy; break;
		case TP_ROW: v = row; break;
		default: continue;
		}
		any = 1;
		x = v ? v->v[t->seg[i].key] : NULL;
		if (x && *x)
			return 0;
	}
	return any;
}

void lup_doc_template_filename(const lup_doc_template *t, const struct lup_doc_data *d,
                               char *out, size_t n)
{
	lup_buf b = { 0 };
	char *folded = NULL;
	size_t o = 0;
	int dash = 0;

	if (n == 0)
		return;
	if (t->has_filename)
		lup_doc_expand(&b, &t->filename, &d->doc, d->ncopies == 1 ? &d->copies[0] : NULL, NULL, 0, 0);
	folded = lup_fold(b.s ? b.s : "");
	for (const char *s = folded ? folded : ""; *s && o + 5 < n && o < 120; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && o > 0)
				out[o++] = '-';
			dash = 0;
			out[o++] = (char)c;
		} else {
			dash = 1;
		}
	}
	if (o == 0)
		o = (size_t)snprintf(out, n, "%s", lup_doc_kind_name(t->kind)) % n;
	snprintf(out + o, n - o, ".pdf");
	free(folded);
	lup_buf_clear(&b);
}

/* ---- Finding a template ---- */

/* A language code that can be part of a file name: letters, then
 * optionally '_' or '-' and letters ("sv", "en", "pt_BR"). */
static int lang_ok(const char *s)
{
	size_t n = strlen(s), i = 0;
	if (n < 2 || n > 8)
		return 0;
	while (i < n && isalpha((unsigned char)s[i]))
		i++;
	if (i < 2)
		return 0;
	if (i == n)
		return 1;
	if (s[i] != '_' && s[i] != '-')
		return 0;
	for (i++; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	return 1;
}

static int read_file(const char *path, char **data, size_t *len, lup_err *err)
{
	FILE *fp = fopen(path, "rb");
	lup_buf b = { 0 };
	char chunk[8192];
	size_t got;
	if (!fp)
		return lup_err_set(err, LUP_EINVAL, _("cannot read %s: %s"), path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b.len + got > MAX_TEMPLATE + 1)
			break;
		if (lup_buf_add(&b, chunk, got) < 0) {
			fclose(fp);
			lup_buf_clear(&b);
			return lup_err_oom(err);
		}
	}
	if (ferror(fp)) {
		fclose(fp);
		lup_buf_clear(&b);
		return lup_err_set(err, LUP_EINVAL, _("cannot read %s: %s"), path, strerror(EIO));
	}
	fclose(fp);
	if (!b.s)
		lup_buf_add(&b, "", 0);
	*data = b.s;
	*len = b.len;
	return 0;
}

int lup_doc_template_load(const lup_config *cfg, enum lup_doc_kind kind, const char *lang,
                          lup_doc_template **out, char *path, size_t n, lup_err *err)
{
	char dirs[3][PATH_MAX], file[PATH_MAX + 64], user[PATH_MAX];
	const char *own = cfg ? lup_config_str(cfg, "documents:templates") : "";
	int nd = 0, r;
	struct stat sb;

	*out = NULL;
	if (kind < 0 || kind >= LUP_DOC_KINDS)
		return lup_err_set(err, LUP_EINVAL, _("no such kind of document"));
	if (!lang || !lang_ok(lang))
		return lup_err_set(err, LUP_EINVAL, _("'%s' is not a language code (sv, en, …)"), lang ? lang : "");
	if (own && *own)
		snprintf(dirs[nd++], sizeof dirs[0], "%s", own);
	if (lup_path_user_documents(user, sizeof user) == 0)
		snprintf(dirs[nd++], sizeof dirs[0], "%s", user);
	snprintf(dirs[nd++], sizeof dirs[0], "%s/documents", lup_path_datadir());
	for (int i = 0; i < nd; i++) {
		char *data = NULL;
		size_t len = 0;
		int w = snprintf(file, sizeof file, "%s/%s.%s.txt", dirs[i], kind_names[kind], lang);
		if (w < 0 || (size_t)w >= sizeof file || stat(file, &sb) != 0)
			continue;
		if (read_file(file, &data, &len, err) < 0)
			return -1;
		r = lup_doc_template_parse(kind, data, len, file, out, err);
		free(data);
		if (r == 0 && path)
			snprintf(path, n, "%s", file);
		return r;
	}
	return lup_err_set(err, LUP_EINVAL, _("no %s template in '%s': looked for %s.%s.txt in %s%s%s%s%s"),
	                   lup_doc_kind_label(kind), lang, kind_names[kind], lang, dirs[0],
	                   nd > 1 ? ", " : "", nd > 1 ? dirs[1] : "", nd > 2 ? ", " : "", nd > 2 ? dirs[2] : "");
}

/* ---- lup-documents(5) ---- */

static void dump_uses(FILE *fp, int kind, const struct key_use *u, size_t n, enum tp_src src)
{
	for (size_t i = 0; i < n; i++)
		if ((u[i].kind == kind || (kind == -2)) && u[i].src == src)
			fprintf(fp, ".It Cm {%s}\n%s.\n", key_names[u[i].key], u[i].help);
}

void lup_doc_dump_mdoc(FILE *fp)
{
	static const char *const what[LUP_DOC_KINDS] = {
		"A session's sign-in sheet.",
		"A certificate for each participant who completed a cohort, each from a new page.",
		"A placement's mobility agreement.",
		"A placement's certificate of attendance.",
		"A cohort's participant list: the people holding a seat (enrolled or completed).",
	};
	fputs(".Ss Every document\n.Bl -tag -width Ds -compact\n", fp);
	for (size_t i = 0; i < NUSES; i++)
		if (uses[i].kind == ALL)
			fprintf(fp, ".It Cm {%s}\n%s.\n", key_names[uses[i].key], uses[i].help);
	fputs(".El\n", fp);
	for (int k = 0; k < LUP_DOC_KINDS; k++) {
		const char *list = list_name((enum lup_doc_kind)k);
		fprintf(fp, ".Ss %s\n%s\nFiles\n.Pa %s.sv.txt\nand\n.Pa %s.en.txt .\n.Bl -tag -width Ds -compact\n",
		        kind_names[k], what[k], kind_names[k], kind_names[k]);
		if (is_placement((enum lup_doc_kind)k)) {
			for (size_t i = 0; i < NPUSES; i++)
				fprintf(fp, ".It Cm {%s}\n%s.\n", key_names[placement_uses[i].key], placement_uses[i].help);
		} else {
			dump_uses(fp, k, uses, NUSES, TP_DOC);
			dump_uses(fp, k, uses, NUSES, TP_COPY);
		}
		fputs(".El\n", fp);
		if (list) {
			fprintf(fp, "Its table lists\n.Cm %s ;\na row has:\n.Bl -tag -width Ds -compact\n", list);
			dump_uses(fp, k, uses, NUSES, TP_ROW);
			fputs(".El\n", fp);
		}
	}
}
