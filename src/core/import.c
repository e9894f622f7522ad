/* import.c — people from CSV: decode, split with libcsv, match the header,
 * then check and store every row in one transaction.
 *
 * Line numbers are physical lines: the text is fed to libcsv one line at a
 * time, so the line where each record starts is known even when quoted
 * fields hold line breaks.  Strict RFC 4180 parsing: a stray quote is an
 * error on its line (the parser then starts afresh on the next line, so
 * every bad line is reported, not just the first).
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <csv.h>
#include "core/internal.h"
#include "core/sync_int.h"
#include "lup/import.h"
#include "lup/safeio.h"
#include "lup/map.h"
#include "lup/people.h"

/* ---- Fields and header names ---- */

static const char *const field_keys[LUP_IMP_NFIELDS] = {
	[LUP_IMP_IGNORE] = "ignore", [LUP_IMP_ID] = "id", [LUP_IMP_NAME] = "name",
	[LUP_IMP_FIRST] = "first_name", [LUP_IMP_LAST] = "last_name",
	[LUP_IMP_EMAIL] = "email", [LUP_IMP_PHONE] = "phone", [LUP_IMP_UNIT] = "unit",
	[LUP_IMP_ROLE] = "role", [LUP_IMP_MANAGER] = "manager",
	[LUP_IMP_EMPNO] = "employee_no", [LUP_IMP_ACTIVE] = "active",
};

const char *lup_import_field_key(enum lup_import_field f)
{
	return f < LUP_IMP_NFIELDS ? field_keys[f] : "";
}

const char *lup_import_field_label(enum lup_import_field f)
{
	switch (f) {
	case LUP_IMP_ID: return C_("import field", "id");
	case LUP_IMP_NAME: return C_("import field", "name");
	case LUP_IMP_FIRST: return C_("import field", "first name");
	case LUP_IMP_LAST: return C_("import field", "last name");
	case LUP_IMP_EMAIL: return C_("import field", "e-mail");
	case LUP_IMP_PHONE: return C_("import field", "phone");
	case LUP_IMP_UNIT: return C_("import field", "unit");
	case LUP_IMP_ROLE: return C_("import field", "role");
	case LUP_IMP_MANAGER: return C_("import field", "manager");
	case LUP_IMP_EMPNO: return C_("import field", "employee number");
	case LUP_IMP_ACTIVE: return C_("import field", "active");
	default: return C_("import field", "ignored");
	}
}

/* Header names, folded: lower case, no diacritics, letters and digits only. */
static const struct { const char *name; enum lup_import_field f; } synonyms[] = {
	{ "id", LUP_IMP_ID }, { "lupid", LUP_IMP_ID },
	{ "namn", LUP_IMP_NAME }, { "name", LUP_IMP_NAME }, { "fullname", LUP_IMP_NAME },
	{ "fullstandigtnamn", LUP_IMP_NAME }, { "helanamnet", LUP_IMP_NAME },
	{ "fornamn", LUP_IMP_FIRST }, { "firstname", LUP_IMP_FIRST }, { "givenname", LUP_IMP_FIRST },
	{ "tilltalsnamn", LUP_IMP_FIRST },
	{ "efternamn", LUP_IMP_LAST }, { "lastname", LUP_IMP_LAST }, { "surname", LUP_IMP_LAST },
	{ "familyname", LUP_IMP_LAST },
	{ "epost", LUP_IMP_EMAIL }, { "email", LUP_IMP_EMAIL }, { "mail", LUP_IMP_EMAIL },
	{ "epostadress", LUP_IMP_EMAIL }, { "emailaddress", LUP_IMP_EMAIL }, { "mejl", LUP_IMP_EMAIL },
	{ "mejladress", LUP_IMP_EMAIL },
	{ "telefon", LUP_IMP_PHONE }, { "phone", LUP_IMP_PHONE }, { "telefonnummer", LUP_IMP_PHONE },
	{ "phonenumber", LUP_IMP_PHONE }, { "tel", LUP_IMP_PHONE }, { "telnr", LUP_IMP_PHONE },
	{ "enhet", LUP_IMP_UNIT }, { "unit", LUP_IMP_UNIT }, { "orgunit", LUP_IMP_UNIT },
	{ "organisationsenhet", LUP_IMP_UNIT }, { "avdelning", LUP_IMP_UNIT },
	{ "department", LUP_IMP_UNIT },
	{ "roll", LUP_IMP_ROLE }, { "role", LUP_IMP_ROLE }, { "titel", LUP_IMP_ROLE },
	{ "title", LUP_IMP_ROLE }, { "befattning", LUP_IMP_ROLE }, { "jobtitle", LUP_IMP_ROLE },
	{ "chef", LUP_IMP_MANAGER }, { "manager", LUP_IMP_MANAGER },
	{ "narmastechef", LUP_IMP_MANAGER }, { "chefensepost", LUP_IMP_MANAGER },
	{ "anstallningsnummer", LUP_IMP_EMPNO }, { "anstnr", LUP_IMP_EMPNO },
	{ "employeenumber", LUP_IMP_EMPNO }, { "employeeno", LUP_IMP_EMPNO },
	{ "employeeid", LUP_IMP_EMPNO },
	{ "aktiv", LUP_IMP_ACTIVE }, { "active", LUP_IMP_ACTIVE },
};

/* Fold a header into buf: lup_fold, then keep only [a-z0-9]. */
static void header_key(const char *s, char *buf, size_t n)
{
	char *f = lup_fold(s ? s : "");
	size_t o = 0;
	if (f)
		for (const char *p = f; *p && o + 1 < n; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
				buf[o++] = *p;
	buf[o] = '\0';
	free(f);
}

enum lup_import_field lup_import_match_header(const char *header)
{
	char k[64];
	if (!header || strlen(header) > 200)
		return LUP_IMP_IGNORE;
	header_key(header, k, sizeof k);
	for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
		if (strcmp(synonyms[i].name, k) == 0)
			return synonyms[i].f;
	return LUP_IMP_IGNORE;
}

int lup_import_delimiter_parse(const char *name, char *out)
{
	static const struct { const char *name; char c; } names[] = {
		{ "tab", '\t' }, { "\\t", '\t' }, { "semicolon", ';' }, { "semikolon", ';' },
		{ "comma", ',' }, { "komma", ',' },
	};
	for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].c;
			return 0;
		}
	if (name && strlen(name) == 1 && name[0] != '"' && name[0] != '\n' && name[0] != '\r') {
		*out = name[0];
		return 0;
	}
	return -1;
}

const char *lup_import_action_label(enum lup_import_action a)
{
	switch (a) {
	case LUP_IMPORT_ADD: return C_("import action", "add");
	case LUP_IMPORT_UPDATE: return C_("import action", "update");
	case LUP_IMPORT_UNCHANGED: return C_("import action", "unchanged");
	default: return C_("import action", "refuse");
	}
}

int lup_import_field_parse(const char *s)
{
	char k[64], fk[64];
	enum lup_import_field f;
	if (!s || !*s)
		return -1;
	header_key(s, k, sizeof k);
	if (strcmp(k, "ignore") == 0 || strcmp(k, "skip") == 0 || strcmp(k, "ignorera") == 0 ||
	    strcmp(s, "-") == 0)
		return LUP_IMP_IGNORE;
	for (int i = 1; i < LUP_IMP_NFIELDS; i++) {
		header_key(field_keys[i], fk, sizeof fk);
		if (strcmp(fk, k) == 0)
			return i;
	}
	f = lup_import_match_header(s);
	return f == LUP_IMP_IGNORE ? -1 : (int)f;
}

/* ---- The parsed file ---- */

struct arena {
	struct arena *next;
	size_t used, cap;
	char data[];
};

struct lup_import {
	struct arena *arena;
	char encoding[48];
	int bom;
	char delim;
	int ncol;
	char **col;
	enum lup_import_field *colf;
	int fcol[LUP_IMP_NFIELDS];
	char *name_column;                 /* the column(s) that give the name */

	struct lup_import_row *rows;
	unsigned char *parse_bad;          /* rows refused while reading */
	size_t nrows, caprows, capbad;
	struct lup_import_problem *probs;
	size_t nprobs, capprobs, nparse_probs;
	int maxprobs;

	/* while reading */
	const struct lup_import_opts *opts;
	char **rec;
	size_t nrec, caprec;
	long line, rec_line;
	int row_open, header_done, fatal;
	lup_err *err;
};

static void *arena_alloc(lup_import *im, size_t n)
{
	struct arena *a = im->arena;
	n = (n + 7) & ~(size_t)7;
	if (!a || a->cap - a->used < n) {
		size_t cap = n > 60000 ? n : 65536 - sizeof *a;
		if (!(a = malloc(sizeof *a + cap)))
			return NULL;
		a->cap = cap;
		a->used = 0;
		a->next = im->arena;
		im->arena = a;
	}
	a->used += n;
	return a->data + a->used - n;
}

static char *arena_strndup(lup_import *im, const char *s, size_t n)
{
	char *d = arena_alloc(im, n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static char *arena_printf(lup_import *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static char *arena_printf(lup_import *im, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	return arena_strndup(im, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static int oom(lup_import *im)
{
	im->fatal = 1;
	return lup_err_oom(im->err);
}

static int add_problem(lup_import *im, long line, const char *column, const char *why)
{
	struct lup_import_problem *p = LUP_PUSH(im->probs, im->nprobs, im->capprobs);
	if (!p)
		return oom(im);
	p->line = line;
	p->column = column;
	p->why = why;
	return 0;
}

/* Refuse a row (once: the first reason is the one reported). */
static int refuse(lup_import *im, size_t i, const char *column, const char *why)
{
	struct lup_import_row *r = &im->rows[i];
	if (r->action == LUP_IMPORT_REFUSE)
		return 0;
	r->action = LUP_IMPORT_REFUSE;
	r->column = column;
	r->why = why ? why : "";
	return add_problem(im, r->line, column, r->why);
}

/* ---- Decoding ---- */

/* Length of the valid UTF-8 prefix of s. */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		uint32_t cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) { k = 1; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { k = 2; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { k = 3; cp = c & 0x07; }
		else return i;
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + j] & 0x3fu);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += k + 1;
	}
	return n;
}

static long line_at(const char *s, size_t upto)
{
	long line = 1;
	for (size_t i = 0; i < upto; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= upto || s[i + 1] != '\n')))
			line++;
	return line;
}

/* Convert n bytes from `enc` to UTF-8 with iconv; *out is malloc'd. */
static int convert(const char *enc, const char *in, size_t n, char **out, size_t *outlen,
                   lup_err *err)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	size_t cap = n * 3 + 16, left_in = n, left_out;
	char *buf, *ip = (char *)in, *op;

	if (cd == (iconv_t)-1)
		return lup_err_set(err, LUP_EINVAL, _("unknown encoding '%s'"), enc);
	if (!(buf = malloc(cap))) {
		iconv_close(cd);
		return lup_err_oom(err);
	}
	op = buf;
	left_out = cap - 1;
	while (left_in > 0) {
		if (iconv(cd, &ip, &left_in, &op, &left_out) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(op - buf);
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				iconv_close(cd);
				return lup_err_oom(err);
			}
			buf = nb;
			cap *= 2;
			op = buf + used;
			left_out = cap - used - 1;
			continue;
		}
		{
			long line = line_at(buf, (size_t)(op - buf));
			unsigned char bad = (unsigned char)*ip;
			int e = errno;
			free(buf);
			iconv_close(cd);
			if (e == EINVAL)
				return lup_err_set(err, LUP_EINVAL,
					_("line %ld: the file ends in the middle of a character (is it %s?)"),
					line, enc);
			return lup_err_set(err, LUP_EINVAL,
				_("line %ld: byte 0x%02X is not %s; give the file's encoding with --encoding"),
				line, bad, enc);
		}
	}
	iconv_close(cd);
	*op = '\0';
	*outlen = (size_t)(op - buf);
	*out = buf;
	return 0;
}

static int is_utf8_name(const char *e)
{
	return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

/* Decode data into UTF-8 text: *text points into data or into *owned. */
static int decode(lup_import *im, const char *data, size_t len, const char **text,
                  size_t *tlen, char **owned, lup_err *err)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *enc = im->opts ? im->opts->encoding : NULL;
	size_t ok;

	*owned = NULL;
	if (enc && !*enc)
		enc = NULL;
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf &&
	    (!enc || is_utf8_name(enc))) {
		im->bom = 1;
		data += 3;
		len -= 3;
		u += 3;
		enc = "UTF-8";
	} else if (!enc && len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		im->bom = 1;
		enc = "UTF-16";
	}
	if (!enc || is_utf8_name(enc)) {
		ok = utf8_valid_prefix(u, len);
		if (ok == len) {
			snprintf(im->encoding, sizeof im->encoding, "UTF-8");
			*text = data;
			*tlen = len;
			return 0;
		}
		if (enc)
			return lup_err_set(err, LUP_EINVAL,
				_("line %ld: the file is not valid UTF-8 (byte 0x%02X); give its encoding with --encoding"),
				line_at(data, ok), u[ok]);
		enc = "WINDOWS-1252";
		snprintf(im->encoding, sizeof im->encoding, "Windows-1252");
	} else {
		snprintf(im->encoding, sizeof im->encoding, "%s", enc);
	}
	if (convert(enc, data, len, owned, tlen, err) < 0)
		return -1;
	*text = *owned;
	/* A byte-order mark that survived the conversion (UTF-16LE named
	 * explicitly, say) is not part of the first column's name. */
	if (*tlen >= 3 && memcmp(*text, "\xef\xbb\xbf", 3) == 0) {
		*text += 3;
		*tlen -= 3;
		im->bom = 1;
	}
	return 0;
}

/* ---- Delimiter ---- */

/* Count , ; and tab outside quotes in the first record; the most frequent
 * wins (semicolon, then comma, then tab on a tie). */
static char find_delimiter(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;
	size_t i = 0;
	while (i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == ' '))
		i++;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ',')
			comma++;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == '\t')
			tab++;
	}
	if (semi && semi >= comma && semi >= tab)
		return ';';
	if (comma && comma >= tab)
		return ',';
	if (tab)
		return '\t';
	return ',';
}

/* ---- Header ---- */

static int header_fatal(lup_import *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int header_fatal(lup_import *im, const char *fmt, ...)
{
	char msg[480];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->fatal = 1;
	return lup_err_set(im->err, LUP_EINVAL, "%s", msg);
}

static int column_of(lup_import *im, const char *name)
{
	char k[256], ck[256];
	char *end;
	long n = strtol(name, &end, 10);
	if (*name && !*end)
		return n >= 1 && n <= im->ncol ? (int)n - 1 : -1;
	header_key(name, k, sizeof k);
	for (int i = 0; i < im->ncol; i++) {
		if (strcmp(im->col[i], name) == 0)
			return i;
	}
	for (int i = 0; i < im->ncol; i++) {
		header_key(im->col[i], ck, sizeof ck);
		if (*k && strcmp(ck, k) == 0)
			return i;
	}
	return -1;
}

static char *column_list(lup_import *im)
{
	lup_buf b = { 0 };
	char *s;
	for (int i = 0; i < im->ncol; i++)
		lup_buf_printf(&b, "%s%s", i ? ", " : "", im->col[i]);
	s = arena_strndup(im, b.s ? b.s : "", b.len);
	lup_buf_clear(&b);
	return s ? s : "";
}

static int take_header(lup_import *im)
{
	const struct lup_import_opts *o = im->opts;
	unsigned char *explicit_;

	im->ncol = (int)im->nrec;
	im->col = arena_alloc(im, im->nrec * sizeof *im->col + 1);
	im->colf = arena_alloc(im, im->nrec * sizeof *im->colf + 1);
	explicit_ = arena_alloc(im, im->nrec + 1);
	if (!im->col || !im->colf || !explicit_)
		return oom(im);
	for (int i = 0; i < im->ncol; i++) {
		char *c = im->rec[i];
		lup_trim(c);
		if (!*c && !(c = arena_printf(im, _("column %d"), i + 1)))
			return oom(im);
		im->col[i] = c;
		im->colf[i] = lup_import_match_header(c);
		explicit_[i] = 0;
	}
	for (int m = 0; o && m < o->nmap; m++) {
		const char *spec = o->map[m], *eq = spec ? strrchr(spec, '=') : NULL;
		char *colname;
		int c, f;
		if (!eq || eq == spec)
			return header_fatal(im, _("--map %s: write COLUMN=FIELD"), spec ? spec : "");
		f = lup_import_field_parse(eq + 1);
		if (f < 0)
			return header_fatal(im, _("--map %s: '%s' is not a field (name, first_name, last_name, "
			                          "email, phone, unit, role, manager, employee_no, active, id, ignore)"),
			                    spec, eq + 1);
		if (!(colname = arena_strndup(im, spec, (size_t)(eq - spec))))
			return oom(im);
		if ((c = column_of(im, colname)) < 0)
			return header_fatal(im, _("--map: the file has no column '%s' (its columns: %s)"),
			                    colname, column_list(im));
		if (explicit_[c] && im->colf[c] != (enum lup_import_field)f)
			return header_fatal(im, _("--map gives the column '%s' twice"), im->col[c]);
		im->colf[c] = (enum lup_import_field)f;
		explicit_[c] = 1;
	}
	for (int f = 0; f < LUP_IMP_NFIELDS; f++)
		im->fcol[f] = -1;
	for (int f = 1; f < LUP_IMP_NFIELDS; f++) {
		int first = -1, nexp = 0;
		for (int i = 0; i < im->ncol; i++)
			if (im->colf[i] == (enum lup_import_field)f && explicit_[i])
				nexp++;
		if (nexp > 1)
			return header_fatal(im, _("--map gives the %s to more than one column"),
			                    lup_import_field_label((enum lup_import_field)f));
		for (int i = 0; i < im->ncol; i++) {
			if (im->colf[i] != (enum lup_import_field)f)
				continue;
			if (nexp && !explicit_[i]) {
				im->colf[i] = LUP_IMP_IGNORE;  /* the --map wins */
				continue;
			}
			if (first >= 0) {
				char both[600];
				snprintf(both, sizeof both, "%s, %s", im->col[first], im->col[i]);
				return header_fatal(im, _("the columns %s both give the %s; "
				                          "choose one with --map COLUMN=ignore"),
				                    both, lup_import_field_label((enum lup_import_field)f));
			}
			first = i;
		}
		im->fcol[f] = first;
	}
	if (im->fcol[LUP_IMP_NAME] >= 0) {
		im->name_column = im->col[im->fcol[LUP_IMP_NAME]];
	} else if (im->fcol[LUP_IMP_FIRST] >= 0 || im->fcol[LUP_IMP_LAST] >= 0) {
		if (im->fcol[LUP_IMP_FIRST] >= 0 && im->fcol[LUP_IMP_LAST] >= 0)
			im->name_column = arena_printf(im, "%s + %s", im->col[im->fcol[LUP_IMP_FIRST]],
			                               im->col[im->fcol[LUP_IMP_LAST]]);
		else
			im->name_column = im->col[im->fcol[im->fcol[LUP_IMP_FIRST] >= 0 ? LUP_IMP_FIRST : LUP_IMP_LAST]];
		if (!im->name_column)
			return oom(im);
	} else {
		return header_fatal(im, _("no column gives the name (Namn or Name, or Förnamn and Efternamn); "
		                          "the file's columns are %s; name one with --map COLUMN=name"),
		                    column_list(im));
	}
	im->header_done = 1;
	return 0;
}

/* ---- Records ---- */

static int take_row(lup_import *im)
{
	struct lup_import_row *r;
	size_t i = im->nrows;

	if (lup_grow(&im->parse_bad, &im->capbad, i + 1, 1) < 0 ||
	    !(r = LUP_PUSH(im->rows, im->nrows, im->caprows)))
		return oom(im);
	im->parse_bad[i] = 0;
	r->line = im->rec_line;
	r->action = LUP_IMPORT_ADD;
	for (int c = 0; c < im->ncol && (size_t)c < im->nrec; c++) {
		enum lup_import_field f = im->colf[c];
		if (f == LUP_IMP_IGNORE)
			continue;
		lup_trim(im->rec[c]);
		r->value[f] = *im->rec[c] ? im->rec[c] : NULL;
	}
	if (im->fcol[LUP_IMP_NAME] < 0) {
		const char *a = r->value[LUP_IMP_FIRST], *b = r->value[LUP_IMP_LAST];
		if (a && b)
			r->value[LUP_IMP_NAME] = arena_printf(im, "%s %s", a, b);
		else
			r->value[LUP_IMP_NAME] = a ? a : b;
	}
	if (im->nrec != (size_t)im->ncol) {
		const char *why = arena_printf(im, ngettext("the row has %zu field where the header has %d",
		                                                "the row has %zu fields where the header has %d", im->nrec),
		                               im->nrec, im->ncol);
		if (!why || refuse(im, i, NULL, why) < 0)
			return oom(im);
		im->parse_bad[i] = 1;
	}
	return 0;
}

static void on_field(void *s, size_t len, void *ud)
{
	lup_import *im = ud;
	char *v;
	if (im->fatal)
		return;
	if (lup_grow(&im->rec, &im->caprec, im->nrec + 1, sizeof *im->rec) < 0 ||
	    !(v = arena_strndup(im, s ? s : "", s ? len : 0))) {
		oom(im);
		return;
	}
	im->rec[im->nrec++] = v;
}

static void on_record(int c, void *ud)
{
	lup_import *im = ud;
	(void)c;
	im->row_open = 0;
	if (!im->fatal) {
		if (!im->header_done)
			take_header(im);
		else
			take_row(im);
	}
	im->nrec = 0;
}

/* A line libcsv skips between records: only spaces (and tabs, unless tab
 * is the delimiter) before the line break. */
static int blank_line(const char *p, const char *q, char delim)
{
	for (; p < q; p++)
		if (!(*p == ' ' || (*p == '\t' && delim != '\t') || *p == '\r' || *p == '\n'))
			return 0;
	return 1;
}

static int space_not_tab(unsigned char c)
{
	return c == ' ';
}

static int space_or_tab(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int parser_init(lup_import *im, struct csv_parser *p)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return oom(im);
	csv_set_delim(p, (unsigned char)im->delim);
	csv_set_space_func(p, im->delim == '\t' ? space_not_tab : space_or_tab);
	return 0;
}

static int parse_text(lup_import *im, const char *text, size_t len)
{
	struct csv_parser p;
	const char *s = text, *end = text + len;

	if (parser_init(im, &p) < 0)
		return -1;
	while (s < end && !im->fatal) {
		const char *q = s;
		size_t n;
		while (q < end && *q != '\n' && *q != '\r')
			q++;
		if (q < end)
			q += (*q == '\r' && q + 1 < end && q[1] == '\n') ? 2 : 1;
		im->line++;
		if (!im->row_open && !blank_line(s, q, im->delim)) {
			im->row_open = 1;
			im->rec_line = im->line;
		}
		n = csv_parse(&p, s, (size_t)(q - s), on_field, on_record, im);
		if (n != (size_t)(q - s) && !im->fatal) {
			if (csv_error(&p) != CSV_EPARSE) {
				csv_free(&p);
				return oom(im);
			}
			/* Report the line, drop the broken record, start afresh on
			 * the next line. */
			if (add_problem(im, im->line, NULL,
			        _("a quote in the wrong place (a field with quotes must be "
			          "quoted whole, its quotes doubled: \"a \"\"b\"\" c\")")) < 0) {
				csv_free(&p);
				return -1;
			}
			if (!im->header_done) {
				csv_free(&p);
				im->fatal = 1;
				return lup_err_set(im->err, LUP_EINVAL,
					_("line %ld: the header cannot be read: a quote in the wrong place"), im->line);
			}
			csv_free(&p);
			im->nrec = 0;
			im->row_open = 0;
			if (parser_init(im, &p) < 0)
				return -1;
		}
		s = q;
	}
	if (!im->fatal && csv_fini(&p, on_field, on_record, im) != 0 && !im->fatal) {
		if (csv_error(&p) != CSV_EPARSE) {
			csv_free(&p);
			return oom(im);
		}
		if (!im->header_done) {
			csv_free(&p);
			im->fatal = 1;
			return lup_err_set(im->err, LUP_EINVAL,
				_("line %ld: the header cannot be read: a quoted field is never closed"),
				im->rec_line);
		}
		if (add_problem(im, im->rec_line, NULL,
		        _("a quoted field is never closed (a quote is missing)")) < 0) {
			csv_free(&p);
			return -1;
		}
	}
	csv_free(&p);
	return im->fatal ? -1 : 0;
}

int lup_import_parse(const char *data, size_t len, const struct lup_import_opts *o,
                     lup_import **out, lup_err *err)
{
	lup_import *im = calloc(1, sizeof *im);
	const char *text = NULL;
	size_t tlen = 0;
	char *owned = NULL;

	*out = NULL;
	if (!im)
		return lup_err_oom(err);
	im->opts = o;
	im->err = err;
	im->maxprobs = o && o->max_problems > 0 ? o->max_problems : 100;
	for (int f = 0; f < LUP_IMP_NFIELDS; f++)
		im->fcol[f] = -1;
	if (decode(im, data ? data : "", data ? len : 0, &text, &tlen, &owned, err) < 0)
		goto fail;
	if (memchr(text, '\0', tlen)) {
		lup_err_set(err, LUP_EINVAL,
			_("line %ld: the file holds a NUL byte: it is not a text file "
			  "(save a spreadsheet as CSV first)"),
			line_at(text, (size_t)((const char *)memchr(text, '\0', tlen) - text)));
		goto fail;
	}
	if (blank_line(text, text + tlen, 0)) {
		lup_err_set(err, LUP_EINVAL, _("the file is empty"));
		goto fail;
	}
	im->delim = o && o->delimiter ? o->delimiter : find_delimiter(text, tlen);
	if (parse_text(im, text, tlen) < 0)
		goto fail;
	if (!im->header_done) {
		lup_err_set(err, LUP_EINVAL, _("the file is empty"));
		goto fail;
	}
	free(owned);
	free(im->rec);
	im->rec = NULL;
	im->nparse_probs = im->nprobs;
	im->err = NULL;
	im->opts = NULL;
	*out = im;
	return 0;
fail:
	free(owned);
	lup_import_free(im);
	return -1;
}

int lup_import_read_file(const char *path, const struct lup_import_opts *o,
                         lup_import **out, lup_err *err)
{
	FILE *fp;
	lup_buf b = { 0 };
	char chunk[65536];
	size_t n;
	int rc;

	*out = NULL;
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if (!(fp = fopen(path, "rb")))
		return lup_err_set(err, LUP_EINVAL, _("cannot read %s: %s"), path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		/* a staff list is never this large; /dev/zero is */
		if (b.len + n > (size_t)LUP_MAX_CSV) {
			if (fp != stdin)
				fclose(fp);
			lup_buf_clear(&b);
			return lup_err_set(err, LUP_EINVAL, _("the file is larger than lup reads (%ld MB at most)"),
			                   LUP_MAX_CSV >> 20);
		}
		if (lup_buf_add(&b, chunk, n) < 0) {
			if (fp != stdin)
				fclose(fp);
			lup_buf_clear(&b);
			return lup_err_oom(err);
		}
	}
	if (ferror(fp)) {
		int e = errno;
		if (fp != stdin)
			fclose(fp);
		lup_buf_clear(&b);
		return lup_err_set(err, LUP_EINVAL, _("cannot read %s: %s"), path, strerror(e));
	}
	if (fp != stdin)
		fclose(fp);
	rc = lup_import_parse(b.s, b.len, o, out, err);
	lup_buf_clear(&b);
	return rc;
}

void lup_import_free(lup_import *im)
{
	if (!im)
		return;
	while (im->arena) {
		struct arena *a = im->arena;
		im->arena = a->next;
		free(a);
	}
	free(im->rows);
	free(im->parse_bad);
	free(im->probs);
	free(im->rec);
	free(im);
}

const char *lup_import_encoding(const lup_import *im) { return im->encoding; }
int lup_import_had_bom(const lup_import *im) { return im->bom; }
char lup_import_delimiter(const lup_import *im) { return im->delim; }
int lup_import_ncolumns(const lup_import *im) { return im->ncol; }

const char *lup_import_column(const lup_import *im, int i)
{
	return i >= 0 && i < im->ncol ? im->col[i] : NULL;
}

enum lup_import_field lup_import_column_field(const lup_import *im, int i)
{
	return i >= 0 && i < im->ncol ? im->colf[i] : LUP_IMP_IGNORE;
}

size_t lup_import_nrows(const lup_import *im) { return im->nrows; }

const struct lup_import_row *lup_import_row(const lup_import *im, size_t i)
{
	return i < im->nrows ? &im->rows[i] : NULL;
}

size_t lup_import_nproblems(const lup_import *im, size_t *total)
{
	if (total)
		*total = im->nprobs;
	return im->nprobs < (size_t)im->maxprobs ? im->nprobs : (size_t)im->maxprobs;
}

const struct lup_import_problem *lup_import_problem(const lup_import *im, size_t i)
{
	return i < im->nprobs ? &im->probs[i] : NULL;
}

/* ---- Checking and storing ---- */

static const char sql_by_id[] = "SELECT id, employee_no FROM person WHERE id = ?1";
static const char sql_by_empno[] = "SELECT id, employee_no FROM person WHERE employee_no = ?1";
static const char sql_by_email[] =
	"SELECT id, employee_no FROM person WHERE email = ?1 COLLATE NOCASE";

/* 1 and the person's id (and employee number) when one matches, 0 when
 * none does, -1 on a database error. */
static int find_person(lup_db *db, const char *sql, const char *v, char id[LUP_UUID_LEN + 1],
                       char *empno, size_t empno_n, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
		if (empno)
			lup_col_copy(st, 1, empno, empno_n);
	}
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return lup_sqlerr(db, err, _("looking up a person"));
}

/* The column to blame for a field lup_person_save named. */
static const char *column_for(const lup_import *im, const char *field)
{
	static const struct { const char *field; enum lup_import_field f; } map[] = {
		{ "email", LUP_IMP_EMAIL }, { "phone", LUP_IMP_PHONE }, { "org_unit", LUP_IMP_UNIT },
		{ "role", LUP_IMP_ROLE }, { "manager", LUP_IMP_MANAGER },
		{ "employee_no", LUP_IMP_EMPNO }, { "active", LUP_IMP_ACTIVE },
	};
	if (!field || !*field)
		return NULL;
	if (strcmp(field, "name") == 0)
		return im->name_column;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].field, field) == 0)
			return im->fcol[map[i].f] >= 0 ? im->col[im->fcol[map[i].f]] : NULL;
	return NULL;
}

static const char *fcolumn(const lup_import *im, enum lup_import_field f)
{
	return im->fcol[f] >= 0 ? im->col[im->fcol[f]] : NULL;
}

static int parse_active(const char *v)
{
	static const char *const yes[] = { "1", "ja", "j", "yes", "y", "true", "sant", "aktiv", "active", "x" };
	static const char *const no[] = { "0", "nej", "n", "no", "false", "falskt", "inaktiv", "inactive" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	return -1;
}

static int same(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

/* Set *dst to a copy of v when the file has the field's column. */
static int set_from(const lup_import *im, const struct lup_import_row *r,
                    enum lup_import_field f, char **dst, int *changed)
{
	const char *v = r->value[f];
	int has = im->fcol[f] >= 0 || (f == LUP_IMP_NAME && im->name_column);
	if (!has)
		return 0;
	if (same(*dst, v))
		return 0;
	free(*dst);
	*dst = NULL;
	if (v && !(*dst = strdup(v)))
		return -1;
	*changed = 1;
	return 0;
}

/* A row lup_person_save refused: record why, blaming the right column.
 * Returns 0 for a refusal, -1 when the database itself failed. */
static int save_failed(lup_import *im, size_t i, const lup_err *e, lup_err *err)
{
	const char *why;
	if (e->code != LUP_EINVAL && e->code != LUP_ECONFLICT && e->code != LUP_ENOTFOUND) {
		*err = *e;
		return -1;
	}
	if (!(why = arena_strndup(im, e->msg, strlen(e->msg))) ||
	    refuse(im, i, column_for(im, e->field), why) < 0)
		return lup_err_oom(err);
	return 0;
}

/* Stable sort of the problems by line (merge sort). */
static int sort_problems(lup_import *im)
{
	size_t n = im->nprobs;
	struct lup_import_problem *a = im->probs, *tmp;
	if (n < 2)
		return 0;
	if (!(tmp = malloc(n * sizeof *tmp)))
		return -1;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = a[j].line < a[i].line ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
		}
		memcpy(a, tmp, n * sizeof *a);
	}
	free(tmp);
	return 0;
}

struct run {
	lup_db *db;
	lup_import *im;
	/* keys seen in the file (e-mail: case ignored, as SQLite's NOCASE) → the row */
	lup_map ids, empnos, emails;
	unsigned char *defer;   /* rows whose manager is resolved in the second pass */
	int empty;              /* lup held nobody: every row is a new person */
	lup_err *err;
};

/* Duplicates within the file: the later row is refused. */
static int check_duplicates(struct run *ru, size_t i)
{
	lup_import *im = ru->im;
	const struct lup_import_row *r = &im->rows[i];
	static const enum lup_import_field keyf[3] = { LUP_IMP_ID, LUP_IMP_EMPNO, LUP_IMP_EMAIL };
	lup_map *sets[3] = { &ru->ids, &ru->empnos, &ru->emails };

	for (int k = 0; k < 3; k++) {
		const char *v = r->value[keyf[k]];
		long other;
		if (!v)
			continue;
		if ((other = lup_map_get(sets[k], v)) >= 0) {
			const char *why = arena_printf(im,
				keyf[k] == LUP_IMP_ID ? _("the same id as line %ld") :
				keyf[k] == LUP_IMP_EMPNO ? _("the same employee number as line %ld") :
				                            _("the same e-mail as line %ld"),
				im->rows[other].line);
			if (!why || refuse(im, i, fcolumn(im, keyf[k]), why) < 0)
				return lup_err_oom(ru->err);
			return 1;
		}
	}
	for (int k = 0; k < 3; k++)
		if (r->value[keyf[k]] && lup_map_put(sets[k], r->value[keyf[k]], i) < 0)
			return lup_err_oom(ru->err);
	return 0;
}

/* The existing person a row updates: by id, else employee number, else
 * e-mail.  Returns 1 (id set), 0 (a new person), 2 (refused), -1. */
static int match_row(struct run *ru, size_t i, char id[LUP_UUID_LEN + 1])
{
	lup_import *im = ru->im;
	const struct lup_import_row *r = &im->rows[i];
	char empno[64];
	int f;

	if (ru->empty)
		return 0;
	if (r->value[LUP_IMP_ID] &&
	    (f = find_person(ru->db, sql_by_id, r->value[LUP_IMP_ID], id, NULL, 0, ru->err)) != 0)
		return f;
	if (r->value[LUP_IMP_EMPNO] &&
	    (f = find_person(ru->db, sql_by_empno, r->value[LUP_IMP_EMPNO], id, NULL, 0, ru->err)) != 0)
		return f;
	if (r->value[LUP_IMP_EMAIL]) {
		f = find_person(ru->db, sql_by_email, r->value[LUP_IMP_EMAIL], id, empno, sizeof empno, ru->err);
		if (f <= 0)
			return f;
		if (r->value[LUP_IMP_EMPNO] && *empno && strcmp(empno, r->value[LUP_IMP_EMPNO]) != 0) {
			const char *why = arena_printf(im, _("%s belongs to the person with employee number %s"),
			                               r->value[LUP_IMP_EMAIL], empno);
			if (!why || refuse(im, i, fcolumn(im, LUP_IMP_EMAIL), why) < 0)
				return lup_err_oom(ru->err);
			return 2;
		}
		return 1;
	}
	return 0;
}

/* A manager named in the file: the row that has the reference as its
 * employee number, e-mail or id (rows up to `upto` only), or -1. */
static long manager_row(struct run *ru, const char *ref)
{
	long m = lup_map_get(&ru->empnos, ref);
	if (m < 0)
		m = lup_map_get(&ru->emails, ref);
	if (m < 0)
		m = lup_map_get(&ru->ids, ref);
	return m;
}

static int first_pass(struct run *ru, size_t i)
{
	lup_import *im = ru->im;
	struct lup_import_row *r = &im->rows[i];
	struct lup_person p;
	char id[LUP_UUID_LEN + 1];
	int m, changed = 0, active = -1;
	lup_err e;

	if ((m = check_duplicates(ru, i)) != 0)
		return m < 0 ? -1 : 0;
	if (r->value[LUP_IMP_ACTIVE] && (active = parse_active(r->value[LUP_IMP_ACTIVE])) < 0) {
		const char *why = arena_printf(im, _("'%s' is neither yes nor no"), r->value[LUP_IMP_ACTIVE]);
		if (!why || refuse(im, i, fcolumn(im, LUP_IMP_ACTIVE), why) < 0)
			return lup_err_oom(ru->err);
		return 0;
	}
	if ((m = match_row(ru, i, id)) < 0)
		return -1;
	if (m == 2)
		return 0;
	memset(&p, 0, sizeof p);
	if (m == 1) {
		if (lup_person_get(ru->db, id, &p, ru->err) < 0)
			return -1;
		memcpy(r->person_id, id, sizeof id);
	}
	if (set_from(im, r, LUP_IMP_NAME, &p.name, &changed) < 0 ||
	    set_from(im, r, LUP_IMP_EMAIL, &p.email, &changed) < 0 ||
	    set_from(im, r, LUP_IMP_PHONE, &p.phone, &changed) < 0 ||
	    set_from(im, r, LUP_IMP_UNIT, &p.org_unit, &changed) < 0 ||
	    set_from(im, r, LUP_IMP_ROLE, &p.role, &changed) < 0 ||
	    set_from(im, r, LUP_IMP_EMPNO, &p.employee_no, &changed) < 0) {
		lup_person_clear(&p);
		return lup_err_oom(ru->err);
	}
	if (im->fcol[LUP_IMP_MANAGER] >= 0) {
		const char *ref = r->value[LUP_IMP_MANAGER];
		long mr = ref ? manager_row(ru, ref) : -1;
		if (!ref) {
			if (p.manager_id) {
				free(p.manager_id);
				p.manager_id = NULL;
				changed = 1;
			}
		} else if (mr >= 0 && (size_t)mr < i && im->rows[mr].person_id[0] &&
		           im->rows[mr].action != LUP_IMPORT_REFUSE) {
			/* An earlier row: its person exists already. */
			if (!same(p.manager_id, im->rows[mr].person_id)) {
				free(p.manager_id);
				if (!(p.manager_id = strdup(im->rows[mr].person_id))) {
					lup_person_clear(&p);
					return lup_err_oom(ru->err);
				}
				changed = 1;
			}
		} else {
			ru->defer[i] = 1;
		}
	}
	if (m == 1 && active >= 0 && active != p.active) {
		p.active = active;
		changed = 1;
	}
	if (m == 1 && !changed) {
		r->action = LUP_IMPORT_UNCHANGED;
		lup_person_clear(&p);
		return 0;
	}
	lup_err_clear(&e);
	if (lup_person_save_in(ru->db, &p, &e) < 0) {
		lup_person_clear(&p);
		return save_failed(im, i, &e, ru->err);
	}
	if (m == 0 && active == 0) {
		p.active = 0;
		if (lup_person_save_in(ru->db, &p, &e) < 0) {
			lup_person_clear(&p);
			return save_failed(im, i, &e, ru->err);
		}
	}
	memcpy(r->person_id, p.id, sizeof r->person_id);
	r->action = m == 1 ? LUP_IMPORT_UPDATE : LUP_IMPORT_ADD;
	lup_person_clear(&p);
	return 0;
}

/* Managers named by rows further down, or only in the database. */
static int second_pass(struct run *ru, size_t i)
{
	lup_import *im = ru->im;
	struct lup_import_row *r = &im->rows[i];
	const char *ref = r->value[LUP_IMP_MANAGER];
	char mid[LUP_UUID_LEN + 1];
	struct lup_person p;
	long mr;
	lup_err e;

	if (r->action == LUP_IMPORT_REFUSE)
		return 0;
	mr = manager_row(ru, ref);
	if (mr >= 0) {
		if (im->rows[mr].action == LUP_IMPORT_REFUSE || !im->rows[mr].person_id[0])
			return 0;  /* that row's own problem is reported */
		memcpy(mid, im->rows[mr].person_id, sizeof mid);
	} else {
		lup_err_clear(&e);
		if (lup_person_find_strict(ru->db, ref, mid, &e) < 0) {
			const char *why;
			if (e.code != LUP_ENOTFOUND && e.code != LUP_EINVAL && e.code != LUP_EAMBIG) {
				*ru->err = e;
				return -1;
			}
			why = arena_printf(im, _("unknown manager '%s': no one in the file or in lup has "
			                         "that e-mail, employee number or id"), ref);
			if (!why || refuse(im, i, fcolumn(im, LUP_IMP_MANAGER), why) < 0)
				return lup_err_oom(ru->err);
			return 0;
		}
	}
	if (lup_person_get(ru->db, r->person_id, &p, ru->err) < 0)
		return -1;
	if (same(p.manager_id, mid)) {
		lup_person_clear(&p);
		return 0;
	}
	free(p.manager_id);
	if (!(p.manager_id = strdup(mid))) {
		lup_person_clear(&p);
		return lup_err_oom(ru->err);
	}
	lup_err_clear(&e);
	if (lup_person_save_in(ru->db, &p, &e) < 0) {
		lup_person_clear(&p);
		return save_failed(im, i, &e, ru->err);
	}
	lup_person_clear(&p);
	if (r->action == LUP_IMPORT_UNCHANGED)
		r->action = LUP_IMPORT_UPDATE;
	return 0;
}

/* A large import touches every page of the person table and its indexes
 * many times over, and dirty pages spill to the WAL mid-transaction.  A
 * cache of 8 MiB kept most of that at 50,000 people but took 13 MB more
 * at the peak, for no time saved once the list's indexes are made after
 * the rows (lup_bulk_begin): 2 MiB, whatever the connection had, keeps
 * the process small.  Returns the previous size to restore. */
static int big_cache(lup_db *db, size_t rows)
{
	sqlite3_stmt *st;
	int old = -2000;
	if (sqlite3_prepare_v2(db->h, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			old = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (rows > 1000)
		sqlite3_exec(db->h, "PRAGMA cache_size = -2048", NULL, NULL, NULL);
	return old;
}

static void restore_cache(lup_db *db, int old)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", old);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

/* How many people lup holds, counted up to max (all that matters here:
 * whether there are none, and whether there are more than twice the rows
 * of the file), so that a small import into a large file costs little. */
static long count_people(lup_db *db, long max, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, "SELECT count(*) FROM (SELECT 1 FROM person LIMIT ?1)", err);
	long n;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, max);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_sqlerr(db, err, _("counting people"));
		lup_done(st);
		return -1;
	}
	n = (long)sqlite3_column_int64(st, 0);
	lup_done(st);
	return n;
}

int lup_import_run(lup_db *db, lup_import *im, int dry_run,
                   struct lup_import_counts *counts, lup_err *err)
{
	struct run ru;
	struct lup_import_counts c = { 0 };
	struct lup_bulk bulk = { 0 };
	long people;
	int rc = -1, old_cache;

	memset(&ru, 0, sizeof ru);
	ru.db = db;
	ru.im = im;
	ru.err = err;
	ru.emails.nocase = 1;
	if (im->nrows && !(ru.defer = calloc(im->nrows, 1)))
		return lup_err_oom(err);
	/* A second run starts from what reading found. */
	im->nprobs = im->nparse_probs;
	for (size_t i = 0; i < im->nrows; i++)
		if (!im->parse_bad[i]) {
			im->rows[i].action = LUP_IMPORT_ADD;
			im->rows[i].column = im->rows[i].why = NULL;
			im->rows[i].person_id[0] = '\0';
		}

	old_cache = big_cache(db, im->nrows);
	if (lup_db_begin(db, err) < 0)
		goto out;
	if ((people = count_people(db, (long)im->nrows * 2 + 1, err)) < 0)
		goto fail;
	ru.empty = people == 0;
	/* A large import into a table not much larger than it: the person
	 * table's list orders (each carrying the search text) are cheaper to
	 * build once, sorted, after the rows are in than to grow a row at a
	 * time (a quarter of the work of 10,000 new people); so is the Due
	 * list's copy of each person (person_due), made again in one pass.
	 * A refused row or a dry run rolls them back untouched with the rest. */
	if (im->nrows >= 1000 && (long)im->nrows * 2 >= people &&
	    lup_bulk_begin(db, "person", &bulk, err) < 0)
		goto fail;
	/* each row stands on its own: the change log may take what came so
	 * far between two (lup_sync_capture_flush) */
	for (size_t i = 0; i < im->nrows; i++)
		if (!im->parse_bad[i] && (first_pass(&ru, i) < 0 || lup_sync_capture_flush(db, err) < 0))
			goto fail;
	for (size_t i = 0; i < im->nrows; i++)
		if (ru.defer[i] && (second_pass(&ru, i) < 0 || lup_sync_capture_flush(db, err) < 0))
			goto fail;
	if (sort_problems(im) < 0) {
		lup_err_oom(err);
		goto fail;
	}
	for (size_t i = 0; i < im->nrows; i++)
		switch (im->rows[i].action) {
		case LUP_IMPORT_ADD: c.added++; break;
		case LUP_IMPORT_UPDATE: c.updated++; break;
		case LUP_IMPORT_UNCHANGED: c.unchanged++; break;
		case LUP_IMPORT_REFUSE: c.refused++; break;
		}
	c.rows = (long)im->nrows;
	if (im->nprobs > 0) {
		lup_db_rollback(db);
		if (c.refused)
			lup_err_set(err, LUP_EINVAL, ngettext("%ld of %ld row refused; nothing was stored",
			                                      "%ld of %ld rows refused; nothing was stored",
			                                      (unsigned long)c.rows),
			            c.refused, c.rows);
		else
			lup_err_set(err, LUP_EINVAL, _("the file has lines that cannot be read; nothing was stored"));
		goto forget_ids;
	}
	if (dry_run) {
		lup_db_rollback(db);
		rc = 0;
		goto forget_ids;
	}
	if (lup_bulk_end(db, &bulk, err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto forget_ids;
	rc = 0;
	goto out;
fail:
	lup_db_rollback(db);
forget_ids:
	/* Nothing was stored: the new people's ids mean nothing. */
	for (size_t i = 0; i < im->nrows; i++)
		if (im->rows[i].action == LUP_IMPORT_ADD)
			im->rows[i].person_id[0] = '\0';
out:
	restore_cache(db, old_cache);
	lup_bulk_clear(&bulk);
	if (counts)
		*counts = c;
	lup_map_clear(&ru.ids);
	lup_map_clear(&ru.empnos);
	lup_map_clear(&ru.emails);
	free(ru.defer);
	return rc;
}
