/* framework.c — competence framework files (lup-framework(5)): a small INI
 * reader of its own, the framework model, extends, and versioned import.
 *
 * Why not iniparser here: it lower-cases section names (so e-CF's "A.1"
 * would become "a.1"), merges a repeated section or key silently (so a
 * duplicate competence could not be refused), reports no line for a bad
 * value, truncates unquoted values at ';', and its dictionary is searched
 * linearly, so a 1 MiB file of short keys takes seconds.  The syntax below
 * is the INI that lup.ini uses, read in one linear pass from memory. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/fw_int.h"
#include "core/internal.h"
#include "lup/framework.h"
#include "lup/map.h"
#include "lup/sha256.h"

/* ---- Small helpers ---- */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static void set_str(char **dst, char *src)
{
	free(*dst);
	*dst = src;
}

/* A code: the letters A-Z (either case), digits, '.', '_' and '-'. */
static int valid_code(const char *s, size_t n)
{
	if (n == 0 || n > LUP_FW_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

static size_t utf8_len(const unsigned char *p, size_t n);

/* Why s (n bytes) is not a code: its first character that may not be in
 * one, or its length. */
static void why_not_code(const char *s, size_t n, char *buf, size_t bn)
{
	size_t i = 0;
	if (n == 0) {
		snprintf(buf, bn, "%s", _("the code is missing"));
		return;
	}
	if (n > LUP_FW_CODE_MAX) {
		snprintf(buf, bn, _("a code is at most %d characters"), LUP_FW_CODE_MAX);
		return;
	}
	while (i < n && valid_code(s + i, 1))
		i++;
	{
		size_t l = i < n ? utf8_len((const unsigned char *)s + i, n - i) : 0;
		if (s[i] == ' ' || s[i] == '\t')
			snprintf(buf, bn, "%s", _("a code has no spaces"));
		else
			snprintf(buf, bn, _("'%.*s' may not be part of a code"), (int)(l ? l : 1), s + i);
	}
}

/* An ident: lower-case letters, digits, '.', '_', '-', starting with a
 * letter or digit. */
static int valid_ident(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > LUP_FW_IDENT_MAX || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* A whole decimal number in [lo, hi]. */
static int parse_int(const char *s, long lo, long hi, long *out)
{
	long v = 0;
	int neg = 0, digits = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > 100000000)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
	}
	if (!digits || *s)
		return -1;
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* "4-5", "4 - 5" or "4". */
static int parse_range(const char *s, int *lo, int *hi)
{
	char a[16], b[16];
	const char *dash = strchr(s, '-');
	long x, y;
	size_t n;
	if (!dash) {
		if (parse_int(s, 0, LUP_FW_LEVEL_LIMIT, &x) < 0)
			return -1;
		*lo = *hi = (int)x;
		return 0;
	}
	n = (size_t)(dash - s);
	if (n >= sizeof a || strlen(dash + 1) >= sizeof b)
		return -1;
	memcpy(a, s, n);
	a[n] = '\0';
	strcpy(b, dash + 1);
	lup_trim(a);
	lup_trim(b);
	if (parse_int(a, 0, LUP_FW_LEVEL_LIMIT, &x) < 0 || parse_int(b, 0, LUP_FW_LEVEL_LIMIT, &y) < 0)
		return -1;
	if (x > y)
		return -2;
	*lo = (int)x;
	*hi = (int)y;
	return 0;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; }
	else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; }
	else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; }
	else return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* ---- Code look-up: codes to their index, case ignored ---- */

struct lup_fw_index {
	lup_map areas, comps;
};

int lup_fw_index_build(struct lup_framework *fw)
{
	struct lup_fw_index *ix = fw->index;
	if (!ix && !(ix = fw->index = calloc(1, sizeof *ix)))
		return -1;
	lup_map_clear(&ix->areas);
	lup_map_clear(&ix->comps);
	ix->areas.nocase = ix->comps.nocase = 1;
	for (size_t i = 0; i < fw->nareas; i++)
		if (lup_map_put(&ix->areas, fw->areas[i].code, i) < 0)
			return -1;
	for (size_t i = 0; i < fw->ncomps; i++)
		if (lup_map_put(&ix->comps, fw->comps[i].code, i) < 0)
			return -1;
	return 0;
}

/* ---- The model ---- */

static void level_clear(struct lup_fw_level *l)
{
	free(l->name); free(l->name_sv); free(l->band); free(l->band_sv);
}

static void area_clear(struct lup_fw_area *a)
{
	free(a->code); free(a->name); free(a->name_sv);
}

static void comp_clear(struct lup_fw_competence *c)
{
	free(c->code); free(c->area); free(c->name); free(c->name_sv);
	free(c->description); free(c->description_sv);
	free(c->renamed_from); free(c->replaces);
}

void lup_framework_free(struct lup_framework *fw)
{
	if (!fw)
		return;
	free(fw->ident); free(fw->name); free(fw->name_sv); free(fw->version);
	free(fw->description); free(fw->extends); free(fw->file);
	for (size_t i = 0; i < fw->nlevels; i++)
		level_clear(&fw->levels[i]);
	for (size_t i = 0; i < fw->nareas; i++)
		area_clear(&fw->areas[i]);
	for (size_t i = 0; i < fw->ncomps; i++)
		comp_clear(&fw->comps[i]);
	for (size_t i = 0; i < fw->ntargets; i++)
		free(fw->targets[i].code);
	for (size_t i = 0; i < fw->nroles; i++)
		free(fw->roles[i]);
	free(fw->levels); free(fw->areas); free(fw->comps); free(fw->targets); free(fw->roles);
	if (fw->index) {
		lup_map_clear(&fw->index->areas);
		lup_map_clear(&fw->index->comps);
		free(fw->index);
	}
	free(fw);
}

const struct lup_fw_competence *lup_fw_competence_get(const struct lup_framework *fw, const char *code)
{
	long i;
	if (fw->index) {
		i = lup_map_get(&fw->index->comps, code);
		return i < 0 ? NULL : &fw->comps[i];
	}
	for (size_t k = 0; k < fw->ncomps; k++)
		if (strcasecmp(fw->comps[k].code, code) == 0)
			return &fw->comps[k];
	return NULL;
}

const struct lup_fw_area *lup_fw_area_get(const struct lup_framework *fw, const char *code)
{
	long i;
	if (fw->index) {
		i = lup_map_get(&fw->index->areas, code);
		return i < 0 ? NULL : &fw->areas[i];
	}
	for (size_t k = 0; k < fw->nareas; k++)
		if (strcasecmp(fw->areas[k].code, code) == 0)
			return &fw->areas[k];
	return NULL;
}

const struct lup_fw_level *lup_fw_level_get(const struct lup_framework *fw, int value)
{
	for (size_t i = 0; i < fw->nlevels; i++)
		if (fw->levels[i].value == value)
			return &fw->levels[i];
	return NULL;
}

const char *lup_fw_text(const char *en, const char *sv)
{
	if (sv && *sv && lup_i18n_is_swedish())
		return sv;
	return en ? en : "";
}

/* ---- Problems: file:line: [section] key: why ---- */

void lup_fw_where(char *buf, size_t n, const char *file, int line, const char *section,
                  const char *key, const char *why)
{
	int k = line > 0 ? snprintf(buf, n, "%s:%d:", file, line) : snprintf(buf, n, "%s:", file);
	if (k < 0 || (size_t)k >= n)
		return;
	if (section) {
		int m = key ? snprintf(buf + k, n - (size_t)k, " [%s] %s:", section, key)
		            : snprintf(buf + k, n - (size_t)k, " [%s]:", section);
		if (m < 0 || (size_t)m >= n - (size_t)k)
			return;
		k += m;
	}
	snprintf(buf + k, n - (size_t)k, " %s", why);
}

static int fw_fail(lup_err *err, const char *file, int line, const char *section,
                   const char *key, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int fw_fail(lup_err *err, const char *file, int line, const char *section,
                   const char *key, const char *fmt, ...)
{
	char why[400], msg[1000];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	lup_fw_where(msg, sizeof msg, file, line, section, key, why);
	return lup_err_set(err, LUP_EINVAL, "%s", msg);
}

void lup_fw_problems_clear(struct lup_fw_problems *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->msg[i]);
	free(p->msg);
	memset(p, 0, sizeof *p);
}

void lup_fw_problem(struct lup_fw_problems *p, const char *msg)
{
	char **m;
	p->total++;
	if (p->n >= LUP_FW_MAX_PROBLEMS)
		return;
	if (!(m = realloc(p->msg, (p->n + 1) * sizeof *m)))
		return;
	p->msg = m;
	if ((m[p->n] = strdup(msg)))
		p->n++;
}

int lup_fw_problems_err(const struct lup_fw_problems *p, lup_err *err)
{
	const char *first = p->n ? p->msg[0] : _("the framework has problems");
	size_t more = p->total ? p->total - 1 : 0;
	if (!more)
		return lup_err_set(err, LUP_EINVAL, "%s", first);
	return lup_err_set(err, LUP_EINVAL, ngettext("%s (and %zu more problem)", "%s (and %zu more problems)",
	                                             (unsigned long)more), first, more);
}

/* ---- Keys of each kind of section ---- */

enum sect { S_NONE, S_SKIP, S_FRAMEWORK, S_LEVEL, S_AREA, S_COMP, S_TARGETS };

static const char *const fw_keys[] = {
	"id", "name", "name_sv", "version", "description", "extends", "level_min", "level_max", NULL
};
static const char *const level_keys[] = { "name", "name_sv", "band", "band_sv", NULL };
static const char *const area_keys[] = { "name", "name_sv", "order", NULL };
static const char *const comp_keys[] = {
	"area", "name", "name_sv", "description", "description_sv", "levels", "retired", "order",
	"renamed_from", "replaces", NULL
};


/* ---- The parser ----
 * It goes on past a problem so that one run lists every one: a line it
 * cannot read is skipped, a section it cannot start has its keys skipped
 * (S_SKIP), a value it refuses is marked bad so that the resolver does
 * not report it again as missing.  Only what makes the rest unreadable
 * (the file too large, not UTF-8, a limit passed, no memory) stops it. */

struct parser {
	struct lup_framework *fw;
	const char *file;
	lup_err *err;
	struct lup_fw_problems *probs;
	int fatal;                         /* stop reading */
	enum sect sect;
	char label[LUP_FW_NAME_MAX + 32];  /* the current section, as written */
	int sect_line;
	size_t cur;                        /* the current level, area or competence */
	size_t role;                       /* the current [targets] role */
	unsigned seen;                     /* keys given in this section */
	int fw_line;
	int level_line[LUP_FW_LEVEL_LIMIT + 1];
	int role_line[LUP_FW_MAX_ROLES];
	lup_map areas, comps, roles;
	size_t cap_levels, cap_areas, cap_comps, cap_targets, cap_roles;
};

/* Record a problem at line (section: the current one unless section_off). */
static int problem(struct parser *p, int line, int section_off, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int problem(struct parser *p, int line, int section_off, const char *key, const char *fmt, ...)
{
	char why[400], msg[1000];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	lup_fw_where(msg, sizeof msg, p->file, line,
	             section_off || p->sect == S_NONE ? NULL : p->label, key, why);
	lup_fw_problem(p->probs, msg);
	return -1;
}

#define pfail(p, line, key, ...) problem((p), (line), 0, (key), __VA_ARGS__)

/* Something that makes the rest of the file unreadable. */
#define pfatal(p, ...) ((p)->fatal = 1, problem((p), __VA_ARGS__))

static int poom(struct parser *p)
{
	p->fatal = 1;
	return lup_err_oom(p->err);
}

static int key_index(const char *const *keys, const char *key)
{
	for (int i = 0; keys[i]; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return -1;
}

static const char *const *keys_of(enum sect s)
{
	switch (s) {
	case S_FRAMEWORK: return fw_keys;
	case S_LEVEL: return level_keys;
	case S_AREA: return area_keys;
	case S_COMP: return comp_keys;
	default: return NULL;
	}
}

static int start_section(struct parser *p, int line, const char *text, size_t n)
{
	struct lup_framework *fw = p->fw;
	char word[16], why[160];
	size_t w = 0, i = 0;
	const char *arg;
	size_t argn;

	while (i < n && (text[i] == ' ' || text[i] == '\t'))
		i++;
	while (i < n && text[i] != ' ' && text[i] != '\t') {
		if (w + 1 < sizeof word)
			word[w++] = (char)lower((unsigned char)text[i]);
		else
			w = sizeof word;  /* too long to be a keyword */
		i++;
	}
	if (w >= sizeof word)
		w = 0;
	word[w < sizeof word ? w : 0] = '\0';
	while (i < n && (text[i] == ' ' || text[i] == '\t'))
		i++;
	arg = text + i;
	argn = n - i;
	while (argn && (arg[argn - 1] == ' ' || arg[argn - 1] == '\t'))
		argn--;

	p->sect = S_NONE;
	p->seen = 0;
	p->sect_line = line;
	snprintf(p->label, sizeof p->label, "%s%s%.*s", word, argn ? " " : "",
	         (int)(argn > LUP_FW_NAME_MAX ? LUP_FW_NAME_MAX : argn), arg);

	if (strcmp(word, "framework") == 0) {
		p->sect = S_FRAMEWORK;
		if (argn)
			return pfail(p, line, NULL, _("takes no name after 'framework'"));
		if (p->fw_line)
			return pfail(p, line, NULL, _("appears twice (first on line %d)"), p->fw_line);
		p->fw_line = line;
		return 0;
	}
	if (strcmp(word, "level") == 0) {
		char num[16];
		long v;
		struct lup_fw_level *l;
		p->sect = S_LEVEL;
		if (argn == 0 || argn >= sizeof num)
			return pfail(p, line, NULL, _("expected [level N] with N a whole number from 0 to %d"),
			             LUP_FW_LEVEL_LIMIT);
		memcpy(num, arg, argn);
		num[argn] = '\0';
		if (parse_int(num, 0, LUP_FW_LEVEL_LIMIT, &v) < 0)
			return pfail(p, line, NULL, _("expected [level N] with N a whole number from 0 to %d"),
			             LUP_FW_LEVEL_LIMIT);
		if (p->level_line[v])
			return pfail(p, line, NULL, _("appears twice (first on line %d)"), p->level_line[v]);
		p->level_line[v] = line;
		if (!(l = LUP_PUSH(fw->levels, fw->nlevels, p->cap_levels)))
			return poom(p);
		l->value = (int)v;
		l->line = line;
		p->cur = fw->nlevels - 1;
		return 0;
	}
	if (strcmp(word, "area") == 0 || strcmp(word, "competence") == 0) {
		int area = word[0] == 'a';
		lup_map *m = area ? &p->areas : &p->comps;
		char *code;
		long prev;
		p->sect = area ? S_AREA : S_COMP;
		if (!valid_code(arg, argn)) {
			why_not_code(arg, argn, why, sizeof why);
			return pfail(p, line, NULL,
				area ? _("expected [area CODE]: %s (1 to %d of A-Z, a-z, 0-9, '.', '_' and '-')")
				     : _("expected [competence CODE]: %s (1 to %d of A-Z, a-z, 0-9, '.', '_' and '-')"),
				why, LUP_FW_CODE_MAX);
		}
		if (!(code = dupn(arg, argn)))
			return poom(p);
		if ((prev = lup_map_get(m, code)) >= 0) {
			int first = area ? fw->areas[prev].line : fw->comps[prev].line;
			free(code);
			return pfail(p, line, NULL, _("appears twice (first on line %d)"), first);
		}
		if (area) {
			struct lup_fw_area *a;
			if (fw->nareas >= LUP_FW_MAX_AREAS) {
				free(code);
				return pfatal(p, line, 0, NULL, _("more than %d areas"), LUP_FW_MAX_AREAS);
			}
			if (!(a = LUP_PUSH(fw->areas, fw->nareas, p->cap_areas))) {
				free(code);
				return poom(p);
			}
			a->code = code;
			a->line = line;
			p->cur = fw->nareas - 1;
		} else {
			struct lup_fw_competence *c;
			if (fw->ncomps >= LUP_FW_MAX_COMPETENCES) {
				free(code);
				return pfatal(p, line, 0, NULL, _("more than %d competences"), LUP_FW_MAX_COMPETENCES);
			}
			if (!(c = LUP_PUSH(fw->comps, fw->ncomps, p->cap_comps))) {
				free(code);
				return poom(p);
			}
			c->code = code;
			c->line = line;
			c->level_min = c->level_max = -1;
			p->cur = fw->ncomps - 1;
		}
		if (lup_map_put(m, code, p->cur) < 0)
			return poom(p);
		return 0;
	}
	if (strcmp(word, "targets") == 0) {
		char *role, **slot;
		long prev;
		p->sect = S_TARGETS;
		if (argn == 0 || argn > LUP_FW_NAME_MAX || memchr(arg, ']', argn))
			return pfail(p, line, NULL, _("expected [targets ROLE] with a role of 1 to %d bytes"),
			             LUP_FW_NAME_MAX);
		if (!(role = dupn(arg, argn)))
			return poom(p);
		if ((prev = lup_map_get(&p->roles, role)) >= 0) {
			free(role);
			return pfail(p, line, NULL, _("appears twice (first on line %d)"), p->role_line[prev]);
		}
		if (fw->nroles >= LUP_FW_MAX_ROLES) {
			free(role);
			return pfatal(p, line, 0, NULL, _("more than %d roles"), LUP_FW_MAX_ROLES);
		}
		if (!(slot = LUP_PUSH(fw->roles, fw->nroles, p->cap_roles))) {
			free(role);
			return poom(p);
		}
		*slot = role;
		p->role = fw->nroles - 1;
		p->role_line[p->role] = line;
		if (lup_map_put(&p->roles, role, p->role) < 0)
			return poom(p);
		return 0;
	}
	p->sect = S_NONE;
	return problem(p, line, 1, NULL, "[%s]: %s", p->label,
		_("unknown kind of section (expected framework, level N, area CODE, "
		  "competence CODE or targets ROLE)"));
}

/* Check a text value's length; "" (or NULL) for none. */
static int text_value(struct parser *p, int line, const char *key, const char *v, size_t max,
                      int required, char **out)
{
	size_t n = strlen(v);
	*out = NULL;
	if (required && n == 0)
		return pfail(p, line, key, _("must not be empty"));
	if (n > max)
		return pfail(p, line, key, _("longer than %zu bytes"), max);
	if (n && !(*out = dupn(v, n)))
		return poom(p);
	return 0;
}

/* A code as the value of key (area, renamed_from, replaces). */
static int code_value(struct parser *p, int line, const char *key, const char *v, char **out)
{
	char why[160];
	*out = NULL;
	if (!valid_code(v, strlen(v))) {
		why_not_code(v, strlen(v), why, sizeof why);
		return pfail(p, line, key, _("'%s' is not a code: %s"), v, why);
	}
	if (!(*out = strdup(v)))
		return poom(p);
	return 0;
}

/* The value of a key of a [targets] section. */
static int target_value(struct parser *p, int line, const char *key, const char *v)
{
	struct lup_framework *fw = p->fw;
	struct lup_fw_target *t;
	char why[160];
	long x;
	if (!valid_code(key, strlen(key))) {
		why_not_code(key, strlen(key), why, sizeof why);
		return pfail(p, line, key, _("expected a competence code = a target level (%s)"), why);
	}
	if (parse_int(v, 0, LUP_FW_LEVEL_LIMIT, &x) < 0)
		return pfail(p, line, key, _("'%s' is not a level (a whole number from 0 to %d)"),
		             v, LUP_FW_LEVEL_LIMIT);
	if (fw->ntargets >= LUP_FW_MAX_TARGETS)
		return pfatal(p, line, 0, key, _("more than %d targets"), LUP_FW_MAX_TARGETS);
	if (!(t = LUP_PUSH(fw->targets, fw->ntargets, p->cap_targets)))
		return poom(p);
	t->role = fw->roles[p->role];
	t->level = (int)x;
	t->line = line;
	if (!(t->code = strdup(key)))
		return poom(p);
	return 0;
}

/* The value of key number k of the current section; -1 when refused. */
static int set_value(struct parser *p, int line, int k, const char *key, const char *v)
{
	struct lup_framework *fw = p->fw;
	char *s = NULL;
	long x;
	int r;

	switch (p->sect) {
	case S_FRAMEWORK:
		switch (k) {
		case F_ID:
		case F_EXTENDS:
			if (!valid_ident(v))
				return pfail(p, line, key,
					_("'%s' is not an id: 1 to %d lower-case letters, digits, '.', '_' or '-'"),
					v, LUP_FW_IDENT_MAX);
			if (!(s = strdup(v)))
				return poom(p);
			set_str(k == F_ID ? &fw->ident : &fw->extends, s);
			return 0;
		case F_NAME:
		case F_NAME_SV:
		case F_VERSION:
		case F_DESC:
			if (text_value(p, line, key, v, k == F_VERSION ? 32 : k == F_DESC ? LUP_FW_TEXT_MAX : LUP_FW_NAME_MAX,
			               k == F_NAME || k == F_VERSION, &s) < 0)
				return -1;
			set_str(k == F_NAME ? &fw->name : k == F_NAME_SV ? &fw->name_sv
			        : k == F_VERSION ? &fw->version : &fw->description, s);
			return 0;
		default:  /* level_min, level_max */
			if (parse_int(v, 0, LUP_FW_LEVEL_LIMIT, &x) < 0)
				return pfail(p, line, key, _("'%s' is not a whole number from 0 to %d"),
				             v, LUP_FW_LEVEL_LIMIT);
			if (k == F_LMIN)
				fw->level_min = (int)x;
			else
				fw->level_max = (int)x;
			return 0;
		}
	case S_LEVEL: {
		struct lup_fw_level *l = &fw->levels[p->cur];
		char **dst = k == L_NAME ? &l->name : k == L_NAME_SV ? &l->name_sv
		           : k == L_BAND ? &l->band : &l->band_sv;
		if (text_value(p, line, key, v, LUP_FW_NAME_MAX, k == L_NAME, &s) < 0)
			return -1;
		set_str(dst, s);
		return 0;
	}
	case S_AREA: {
		struct lup_fw_area *a = &fw->areas[p->cur];
		if (k == A_ORDER) {
			if (parse_int(v, -1000000, 1000000, &x) < 0)
				return pfail(p, line, key, _("'%s' is not a whole number"), v);
			a->order = x;
			return 0;
		}
		if (text_value(p, line, key, v, LUP_FW_NAME_MAX, k == A_NAME, &s) < 0)
			return -1;
		set_str(k == A_NAME ? &a->name : &a->name_sv, s);
		return 0;
	}
	case S_COMP: {
		struct lup_fw_competence *c = &fw->comps[p->cur];
		switch (k) {
		case C_AREA:
		case C_RENAMED:
		case C_REPLACES:
			if (code_value(p, line, key, v, &s) < 0)
				return -1;
			set_str(k == C_AREA ? &c->area : k == C_RENAMED ? &c->renamed_from : &c->replaces, s);
			return 0;
		case C_NAME:
		case C_NAME_SV:
			if (text_value(p, line, key, v, LUP_FW_NAME_MAX, k == C_NAME, &s) < 0)
				return -1;
			set_str(k == C_NAME ? &c->name : &c->name_sv, s);
			return 0;
		case C_DESC:
		case C_DESC_SV:
			if (text_value(p, line, key, v, LUP_FW_TEXT_MAX, 0, &s) < 0)
				return -1;
			set_str(k == C_DESC ? &c->description : &c->description_sv, s);
			return 0;
		case C_LEVELS:
			r = parse_range(v, &c->level_min, &c->level_max);
			if (r == -2)
				return pfail(p, line, key, _("'%s': the lowest level comes first, as in 4-5"), v);
			if (r < 0)
				return pfail(p, line, key,
					_("'%s' is not a level range: expected LOW-HIGH (as 1-8) or one level"), v);
			return 0;
		case C_RETIRED:
			if (lup_parse_bool(v, &c->retired) < 0)
				return pfail(p, line, key, _("'%s': expected yes or no"), v);
			return 0;
		default:  /* order */
			if (parse_int(v, -1000000, 1000000, &x) < 0)
				return pfail(p, line, key, _("'%s' is not a whole number"), v);
			c->order = x;
			return 0;
		}
	}
	default:
		return 0;
	}
}

static int set_key(struct parser *p, int line, const char *key, const char *v)
{
	struct lup_framework *fw = p->fw;
	const char *const *keys = keys_of(p->sect);
	unsigned *given = NULL, *bad = NULL;
	int *key_line = NULL, k, rc;

	if (p->sect == S_SKIP)
		return 0;   /* the section's own problem has been reported */
	if (p->sect == S_NONE)
		return problem(p, line, 1, NULL, _("'%s' comes before any [section]"), key);
	if (p->sect == S_TARGETS)
		return target_value(p, line, key, v);
	/* Key names are matched in lower case. */
	{
		char low[32];
		size_t n = strlen(key);
		if (n >= sizeof low)
			return pfail(p, line, key, _("unknown key"));
		for (size_t i = 0; i <= n; i++)
			low[i] = (char)lower((unsigned char)key[i]);
		if ((k = key_index(keys, low)) < 0)
			return pfail(p, line, key, _("unknown key"));
		key = keys[k];
	}
	if (p->seen & BIT(k))
		return pfail(p, line, key, _("given twice in this section"));
	p->seen |= BIT(k);
	switch (p->sect) {
	case S_FRAMEWORK:
		given = &fw->given, bad = &fw->bad, key_line = fw->key_line;
		break;
	case S_LEVEL:
		given = &fw->levels[p->cur].given, bad = &fw->levels[p->cur].bad;
		key_line = fw->levels[p->cur].key_line;
		break;
	case S_AREA:
		given = &fw->areas[p->cur].given, bad = &fw->areas[p->cur].bad;
		key_line = fw->areas[p->cur].key_line;
		break;
	default:
		given = &fw->comps[p->cur].given, bad = &fw->comps[p->cur].bad;
		key_line = fw->comps[p->cur].key_line;
		break;
	}
	*given |= BIT(k);
	key_line[k] = line;
	if ((rc = set_value(p, line, k, key, v)) < 0)
		*bad |= BIT(k);
	return rc;
}

/* One line, without its end of line.  Syntax: blank, "; comment",
 * "# comment", "[section]" or "key = value" (value optionally in double
 * quotes, kept verbatim inside them). */
static int parse_line(struct parser *p, int line, const char *s, size_t n)
{
	size_t i = 0, eq, ks, ke, vs, ve;
	char key[LUP_FW_CODE_MAX + 32], *val;
	int rc;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n || s[i] == ';' || s[i] == '#')
		return 0;
	if (s[i] == '[') {
		const char *close = memchr(s + i, ']', n - i);
		size_t j;
		if (!close) {
			p->sect = S_SKIP;
			return problem(p, line, 1, NULL, _("a section name lacks its ']'"));
		}
		for (j = (size_t)(close - s) + 1; j < n; j++)
			if (s[j] != ' ' && s[j] != '\t') {
				p->sect = S_SKIP;
				return problem(p, line, 1, NULL, _("text after the section name's ']'"));
			}
		rc = start_section(p, line, s + i + 1, (size_t)(close - s) - i - 1);
		if (rc < 0)
			p->sect = S_SKIP;   /* its keys would only repeat the problem */
		return rc;
	}
	if (p->sect == S_SKIP)
		return 0;
	{
		const char *e = memchr(s + i, '=', n - i);
		if (!e)
			return pfail(p, line, NULL, _("expected 'key = value', a [section] or a comment"));
		eq = (size_t)(e - s);
	}
	ks = i;
	ke = eq;
	while (ke > ks && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
		ke--;
	if (ke == ks)
		return pfail(p, line, NULL, _("a key is missing before '='"));
	if (ke - ks >= sizeof key)
		return pfail(p, line, NULL, _("a key longer than %zu bytes"), sizeof key - 1);
	memcpy(key, s + ks, ke - ks);
	key[ke - ks] = '\0';
	vs = eq + 1;
	ve = n;
	while (vs < ve && (s[vs] == ' ' || s[vs] == '\t'))
		vs++;
	while (ve > vs && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
		ve--;
	if (ve - vs >= 2 && s[vs] == '"' && s[ve - 1] == '"') {
		vs++;
		ve--;
	} else if (ve > vs && s[vs] == '"') {
		return pfail(p, line, key, _("a quoted value lacks its closing '\"'"));
	}
	if (!(val = dupn(s + vs, ve - vs)))
		return poom(p);
	rc = set_key(p, line, key, val);
	free(val);
	return rc;
}

/* The text of a file that is not UTF-8: UTF-16, by its byte-order mark or
 * its zero bytes; 1 when it was named (a problem recorded). */
static int not_utf8_file(struct parser *p, const unsigned char *b, size_t len)
{
	size_t zeros_even = 0, zeros_odd = 0, n = len < 4096 ? len : 4096;
	if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))) {
		pfatal(p, 0, 1, NULL, b[0] == 0xff
		       ? _("the file is UTF-16 (little-endian), not UTF-8: save it as UTF-8")
		       : _("the file is UTF-16 (big-endian), not UTF-8: save it as UTF-8"));
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		if (!b[i])
			*(i % 2 ? &zeros_odd : &zeros_even) += 1;
	if (n >= 4 && (zeros_odd > n / 4 || zeros_even > n / 4)) {
		pfatal(p, 0, 1, NULL, zeros_odd > zeros_even
		       ? _("the file is UTF-16 (little-endian), not UTF-8: save it as UTF-8")
		       : _("the file is UTF-16 (big-endian), not UTF-8: save it as UTF-8"));
		return 1;
	}
	return 0;
}

/* A byte that is not UTF-8 at line: when the file holds no UTF-8 beyond
 * ASCII anywhere, it is Latin-1 (or Windows-1252), and says so once. */
static void not_utf8_byte(struct parser *p, int line, const unsigned char *buf, size_t len,
                          unsigned char byte)
{
	int multi = 0;
	for (size_t i = 0; i < len && !multi;) {
		size_t l = buf[i] < 0x80 ? 1 : utf8_len(buf + i, len - i);
		if (l > 1)
			multi = 1;
		i += l ? l : 1;
	}
	if (multi) {
		pfatal(p, line, 1, NULL, _("not valid UTF-8 (byte 0x%02X)"), byte);
	} else if (byte >= 0xa0) {
		char ch[3] = { (char)(0xc0 | byte >> 6), (char)(0x80 | (byte & 0x3f)), 0 };
		pfatal(p, line, 1, NULL,
		       _("the file is Latin-1 (ISO 8859-1 or Windows-1252), not UTF-8: byte 0x%02X is '%s' "
		         "there; save the file as UTF-8"), byte, ch);
	} else {
		pfatal(p, line, 1, NULL,
		       _("the file is Windows-1252, not UTF-8 (byte 0x%02X); save the file as UTF-8"), byte);
	}
}

int lup_fw_parse_collect(const char *buf, size_t len, const char *file,
                         struct lup_framework **out, struct lup_fw_problems *probs, lup_err *err)
{
	struct parser *p;
	struct lup_framework *fw;
	size_t pos = 0, before = probs->total;
	int line = 0;

	*out = NULL;
	if (!file)
		file = "-";
	if (len > LUP_FW_MAX_BYTES) {
		char msg[600], why[100];
		snprintf(why, sizeof why, _("larger than %d KiB"), LUP_FW_MAX_BYTES / 1024);
		lup_fw_where(msg, sizeof msg, file, 0, NULL, NULL, why);
		lup_fw_problem(probs, msg);
		return -1;
	}
	if (!(p = calloc(1, sizeof *p)) || !(fw = calloc(1, sizeof *fw))) {
		free(p);
		return lup_err_oom(err);
	}
	p->fw = fw;
	p->file = file;
	p->err = err;
	p->areas.nocase = p->comps.nocase = p->roles.nocase = 1;
	p->probs = probs;
	fw->level_min = 1;
	if (!(fw->file = strdup(file)))
		goto nomem;
	if (not_utf8_file(p, (const unsigned char *)buf, len))
		goto fatal;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		pos = 3;  /* a byte-order mark */
	while (pos < len && !p->fatal) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		int ok = 1;
		pos += n + (nl != NULL);
		line++;
		if (n && s[n - 1] == '\r')
			n--;
		if (n > LUP_FW_MAX_LINE) {
			pfatal(p, line, 1, NULL, _("a line longer than %d bytes"), LUP_FW_MAX_LINE);
			break;
		}
		for (size_t i = 0; i < n && ok;) {
			unsigned char c = (unsigned char)s[i];
			size_t l;
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				problem(p, line, 1, NULL, _("a control character (byte %u)"), c);
				ok = 0;
			} else if (!(l = utf8_len((const unsigned char *)s + i, n - i))) {
				not_utf8_byte(p, line, (const unsigned char *)buf, len, c);
				ok = 0;
			} else {
				i += l;
			}
		}
		if (ok)
			parse_line(p, line, s, n);
	}
	if (p->fatal)
		goto fatal;
	p->sect = S_NONE;
	if (!p->fw_line) {
		problem(p, 0, 1, NULL, _("no [framework] section"));
		goto fatal;
	}
	fw->line = p->fw_line;
	{
		static const int required[] = { F_ID, F_NAME, F_VERSION };
		for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
			if (!(fw->given & BIT(required[i]))) {
				char msg[600];
				lup_fw_where(msg, sizeof msg, file, p->fw_line, "framework", fw_keys[required[i]],
				             _("missing: every framework needs an id, a name and a version"));
				lup_fw_problem(probs, msg);
			}
	}
	if (!fw->ident || !fw->name || !fw->version)
		goto fatal;   /* nothing further can be checked */
	if (fw->extends && strcmp(fw->extends, fw->ident) == 0) {
		char msg[600];
		lup_fw_where(msg, sizeof msg, file, fw->key_line[F_EXTENDS], "framework", "extends",
		             _("a framework cannot extend itself"));
		lup_fw_problem(probs, msg);
		free(fw->extends);
		fw->extends = NULL;
	}
	lup_map_clear(&p->areas);
	lup_map_clear(&p->comps);
	lup_map_clear(&p->roles);
	free(p);
	*out = fw;
	return (int)(probs->total - before);
nomem:
	lup_err_oom(err);
	p->fatal = 1;
fatal:
	lup_map_clear(&p->areas);
	lup_map_clear(&p->comps);
	lup_map_clear(&p->roles);
	free(p);
	lup_framework_free(fw);
	if (probs->total == before)
		lup_fw_problem(probs, err && err->msg[0] ? err->msg : lup_err_oom_text());
	return -1;
}

int lup_framework_parse_all(const char *buf, size_t len, const char *file,
                            struct lup_framework **out, struct lup_fw_problems *all, lup_err *err)
{
	struct lup_fw_problems mine = { 0 }, *pr = all ? all : &mine;
	size_t before = pr->total;
	int rc;
	lup_err_clear(err);
	rc = lup_fw_parse_collect(buf, len, file, out, pr, err);
	if (rc != 0) {
		struct lup_fw_problems just = *pr;
		/* err names the first of this file's problems */
		if (before) {
			just.msg = pr->msg + (before < pr->n ? before : pr->n);
			just.n = before < pr->n ? pr->n - before : 0;
			just.total = pr->total - before;
		}
		if (!err || err->code != LUP_EFAIL)   /* out of memory says so */
			lup_fw_problems_err(&just, err);
		lup_framework_free(*out);
		*out = NULL;
		lup_fw_problems_clear(&mine);
		return -1;
	}
	lup_fw_problems_clear(&mine);
	return 0;
}

int lup_framework_parse(const char *buf, size_t len, const char *file,
                        struct lup_framework **out, lup_err *err)
{
	return lup_framework_parse_all(buf, len, file, out, NULL, err);
}

/* The bytes of a file (at most LUP_FW_MAX_BYTES + 1), malloc'd. */
static int read_bytes(const char *path, char **out, size_t *len_out, lup_err *err)
{
	struct stat sb;
	char *buf;
	ssize_t got;
	size_t len = 0;
	int fd;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) < 0)
		return lup_err_set(err, errno == ENOENT ? LUP_ENOTFOUND : LUP_EFAIL,
		                   _("cannot read %s: %s"), path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return lup_err_set(err, LUP_EINVAL, _("%s is not a regular file"), path);
	}
	if (sb.st_size > LUP_FW_MAX_BYTES) {
		close(fd);
		return fw_fail(err, path, 0, NULL, NULL, _("larger than %d KiB"), LUP_FW_MAX_BYTES / 1024);
	}
	if (!(buf = malloc(LUP_FW_MAX_BYTES + 1))) {
		close(fd);
		return lup_err_oom(err);
	}
	/* Read one byte past the limit, in case the file grew since fstat. */
	while (len <= LUP_FW_MAX_BYTES &&
	       (got = read(fd, buf + len, LUP_FW_MAX_BYTES + 1 - len)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			lup_err_set(err, LUP_EFAIL, _("cannot read %s: %s"), path, strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		len += (size_t)got;
	}
	close(fd);
	*out = buf;
	*len_out = len;
	return 0;
}

int lup_fw_read_collect(const char *path, struct lup_framework **out,
                        struct lup_fw_problems *probs, lup_err *err)
{
	char *buf;
	size_t len;
	int rc;
	*out = NULL;
	if (read_bytes(path, &buf, &len, err) < 0) {
		lup_fw_problem(probs, err->msg);
		return -1;
	}
	rc = lup_fw_parse_collect(buf, len, path, out, probs, err);
	free(buf);
	return rc;
}

int lup_framework_read_all(const char *path, struct lup_framework **out,
                           struct lup_fw_problems *all, lup_err *err)
{
	char *buf;
	size_t len;
	int rc;
	*out = NULL;
	if (read_bytes(path, &buf, &len, err) < 0) {
		if (all)
			lup_fw_problem(all, err->msg);
		return -1;
	}
	rc = lup_framework_parse_all(buf, len, path, out, all, err);
	free(buf);
	return rc;
}

int lup_framework_read(const char *path, struct lup_framework **out, lup_err *err)
{
	return lup_framework_read_all(path, out, NULL, err);
}

/* ---- Resolving: inheritance, whole-framework checks, order, hash ----
 * Like the parser, the resolver reports every problem it finds: an area
 * or competence it cannot place is left out (and remembered, so that what
 * names it is not reported again), a value out of range keeps the
 * inherited one. */

struct rctx {
	struct lup_framework *fw;
	struct lup_fw_problems *pr;
	lup_err *err;
	lup_map gone_areas, gone_comps;   /* left out for a problem reported */
	char **gone;                            /* their codes (the maps' keys) */
	size_t ngone, capgone;
};

/* Remember that code was left out (a copy: the item itself goes). */
static int forget(struct rctx *r, lup_map *m, const char *code)
{
	char **slot, *dup = strdup(code);
	if (!dup || !(slot = LUP_PUSH(r->gone, r->ngone, r->capgone))) {
		free(dup);
		return -1;
	}
	*slot = dup;
	return lup_map_put(m, dup, r->ngone - 1);
}

static int rfail(struct rctx *r, int line, const char *kind, const char *name, const char *key,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int rfail(struct rctx *r, int line, const char *kind, const char *name, const char *key,
                 const char *fmt, ...)
{
	char why[400], label[LUP_FW_NAME_MAX + 32], msg[1000];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(label, sizeof label, "%s%s%s", kind, name ? " " : "", name ? name : "");
	lup_fw_where(msg, sizeof msg, r->fw->file ? r->fw->file : "-", line, label, key, why);
	lup_fw_problem(r->pr, msg);
	return -1;
}

/* strdup of a maybe-NULL string that records running out of memory. */
static char *sdup(const char *s, int *ok)
{
	char *d;
	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		*ok = 0;
	return d;
}

/* Move the given fields of a parsed item onto the inherited one. */
#define TAKE(dst, src) do { free(dst); (dst) = (src); (src) = NULL; } while (0)
/* A key the file gave with a value the parser accepted. */
#define GOOD(item, k) (((item)->given & BIT(k)) && !((item)->bad & BIT(k)))

struct sortkey {
	long a, b, c;
	size_t idx;
};

static int cmp_sortkey(const void *x, const void *y)
{
	const struct sortkey *p = x, *q = y;
	if (p->a != q->a) return p->a < q->a ? -1 : 1;
	if (p->b != q->b) return p->b < q->b ? -1 : 1;
	if (p->c != q->c) return p->c < q->c ? -1 : 1;
	return 0;
}

static int resolve_levels(struct rctx *r, const struct lup_framework *base)
{
	struct lup_framework *fw = r->fw;
	size_t n = (size_t)(fw->level_max - fw->level_min + 1);
	struct lup_fw_level *lv = calloc(n, sizeof *lv);
	int ok = 1;

	if (!lv)
		return lup_err_oom(r->err);
	for (size_t i = 0; i < n; i++) {
		const struct lup_fw_level *b = base ? lup_fw_level_get(base, fw->level_min + (int)i) : NULL;
		lv[i].value = fw->level_min + (int)i;
		if (b) {
			lv[i].name = sdup(b->name, &ok);
			lv[i].name_sv = sdup(b->name_sv, &ok);
			lv[i].band = sdup(b->band, &ok);
			lv[i].band_sv = sdup(b->band_sv, &ok);
		}
	}
	for (size_t i = 0; i < fw->nlevels; i++) {
		struct lup_fw_level *l = &fw->levels[i], *d;
		if (l->value < fw->level_min || l->value > fw->level_max) {
			char num[16];
			snprintf(num, sizeof num, "%d", l->value);
			rfail(r, l->line, "level", num, NULL, _("level %d lies outside the scale %d-%d"),
			      l->value, fw->level_min, fw->level_max);
			continue;
		}
		d = &lv[l->value - fw->level_min];
		if (GOOD(l, L_NAME)) TAKE(d->name, l->name);
		if (GOOD(l, L_NAME_SV)) TAKE(d->name_sv, l->name_sv);
		if (GOOD(l, L_BAND)) TAKE(d->band, l->band);
		if (GOOD(l, L_BAND_SV)) TAKE(d->band_sv, l->band_sv);
		d->line = l->line;
		d->given = l->given;
		memcpy(d->key_line, l->key_line, sizeof d->key_line);
	}
	for (size_t i = 0; i < n; i++)
		if (!lv[i].name) {
			char num[16];
			snprintf(num, sizeof num, "%d", lv[i].value);
			lv[i].name = sdup(num, &ok);
		}
	for (size_t i = 0; i < fw->nlevels; i++)
		level_clear(&fw->levels[i]);
	free(fw->levels);
	fw->levels = lv;
	fw->nlevels = n;
	return ok ? 0 : lup_err_oom(r->err);
}

/* 0, -1 out of memory, 1 nothing to go on with (no areas). */
static int resolve_areas(struct rctx *r, const struct lup_framework *base, lup_map *m)
{
	struct lup_framework *fw = r->fw;
	size_t nb = base ? base->nareas : 0, n = 0;
	struct lup_fw_area *all = calloc(nb + fw->nareas + 1, sizeof *all);
	struct sortkey *keys = NULL;
	int ok = 1;

	if (!all)
		return lup_err_oom(r->err);
	for (size_t i = 0; i < nb; i++, n++) {
		all[n].code = sdup(base->areas[i].code, &ok);
		all[n].name = sdup(base->areas[i].name, &ok);
		all[n].name_sv = sdup(base->areas[i].name_sv, &ok);
		all[n].order = (long)n + 1;
		if (!ok || lup_map_put(m, all[n].code, n) < 0)
			goto nomem;
	}
	for (size_t i = 0; i < fw->nareas; i++) {
		struct lup_fw_area *a = &fw->areas[i], *d;
		long at = lup_map_get(m, a->code);
		if (at < 0) {
			if (!GOOD(a, A_NAME)) {
				if (!(a->bad & BIT(A_NAME)))
					rfail(r, a->line, "area", a->code, "name",
					      base ? _("missing: a new area needs a name")
					           : _("missing: every area needs a name"));
				if (forget(r, &r->gone_areas, a->code) < 0)
					goto nomem;
				continue;
			}
			d = &all[n];
			TAKE(d->code, a->code);
			d->order = (long)n + 1;
			if (lup_map_put(m, d->code, n) < 0)
				goto nomem;
			n++;
		} else {
			d = &all[at];
		}
		if (GOOD(a, A_NAME)) TAKE(d->name, a->name);
		if (GOOD(a, A_NAME_SV)) TAKE(d->name_sv, a->name_sv);
		if (GOOD(a, A_ORDER)) d->order = a->order;
		d->line = a->line;
		d->given = a->given;
		memcpy(d->key_line, a->key_line, sizeof d->key_line);
	}
	if (n == 0) {
		if (!fw->nareas)
			rfail(r, fw->line, "framework", NULL, NULL,
			      _("no areas: a framework needs at least one [area CODE]"));
		free(all);
		return 1;
	}
	/* Display order: by order, then as written. */
	if (!(keys = calloc(n, sizeof *keys)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		keys[i].a = all[i].order;
		keys[i].b = (long)i;
		keys[i].idx = i;
	}
	qsort(keys, n, sizeof *keys, cmp_sortkey);
	for (size_t i = 0; i < fw->nareas; i++)
		area_clear(&fw->areas[i]);
	free(fw->areas);
	fw->areas = calloc(n, sizeof *fw->areas);
	if (!fw->areas) {
		fw->nareas = 0;
		goto nomem;
	}
	for (size_t i = 0; i < n; i++) {
		fw->areas[i] = all[keys[i].idx];
		fw->areas[i].order = (long)i + 1;
	}
	fw->nareas = n;
	free(all);
	free(keys);
	lup_map_clear(m);
	for (size_t i = 0; i < n; i++)
		if (lup_map_put(m, fw->areas[i].code, i) < 0)
			return lup_err_oom(r->err);
	return 0;
nomem:
	for (size_t i = 0; i < n; i++)
		area_clear(&all[i]);
	free(all);
	free(keys);
	return lup_err_oom(r->err);
}

static int resolve_comps(struct rctx *r, const struct lup_framework *base, const lup_map *areas)
{
	struct lup_framework *fw = r->fw;
	size_t nb = base ? base->ncomps : 0, n = 0;
	struct lup_fw_competence *all = calloc(nb + fw->ncomps + 1, sizeof *all);
	struct sortkey *keys = NULL;
	lup_map m = LUP_MAP_NOCASE;
	int ok = 1, active = 0, left_out = 0;

	if (!all)
		return lup_err_oom(r->err);
	for (size_t i = 0; i < nb; i++, n++) {
		const struct lup_fw_competence *b = &base->comps[i];
		all[n].code = sdup(b->code, &ok);
		all[n].area = sdup(b->area, &ok);
		all[n].name = sdup(b->name, &ok);
		all[n].name_sv = sdup(b->name_sv, &ok);
		all[n].description = sdup(b->description, &ok);
		all[n].description_sv = sdup(b->description_sv, &ok);
		all[n].renamed_from = sdup(b->renamed_from, &ok);
		all[n].replaces = sdup(b->replaces, &ok);
		all[n].level_min = b->level_min;
		all[n].level_max = b->level_max;
		all[n].retired = b->retired;
		all[n].order = (long)n + 1;
		if (!ok || lup_map_put(&m, all[n].code, n) < 0)
			goto nomem;
	}
	for (size_t i = 0; i < fw->ncomps; i++) {
		struct lup_fw_competence *c = &fw->comps[i], *d;
		long at = lup_map_get(&m, c->code), a = -1;
		int area_ok = GOOD(c, C_AREA);
		if (area_ok && (a = lup_map_get(areas, c->area)) < 0) {
			area_ok = 0;
			if (lup_map_get(&r->gone_areas, c->area) < 0)
				rfail(r, c->key_line[C_AREA], "competence", c->code, "area",
				      _("no [area %s] in this framework"), c->area);
		}
		if (at < 0) {
			const char *missing = NULL;
			if (!GOOD(c, C_NAME) && !(c->bad & BIT(C_NAME)))
				missing = "name";
			else if (!(c->given & BIT(C_AREA)))
				missing = "area";
			if (missing)
				rfail(r, c->line, "competence", c->code, missing,
				      strcmp(missing, "name") == 0
				      ? (base ? _("missing: a new competence needs a name")
				              : _("missing: every competence needs a name"))
				      : (base ? _("missing: a new competence needs an area")
				              : _("missing: every competence needs an area")));
			if (!GOOD(c, C_NAME) || !area_ok) {
				left_out++;
				if (forget(r, &r->gone_comps, c->code) < 0)
					goto nomem;
				continue;
			}
			d = &all[n];
			TAKE(d->code, c->code);
			d->order = (long)n + 1;
			d->level_min = fw->level_min;
			d->level_max = fw->level_max;
			if (lup_map_put(&m, d->code, n) < 0)
				goto nomem;
			n++;
		} else {
			d = &all[at];
		}
		if (area_ok) {
			free(d->area);
			if (!(d->area = strdup(fw->areas[a].code)))
				goto nomem;
		}
		if (GOOD(c, C_NAME)) TAKE(d->name, c->name);
		if (GOOD(c, C_NAME_SV)) TAKE(d->name_sv, c->name_sv);
		if (GOOD(c, C_DESC)) TAKE(d->description, c->description);
		if (GOOD(c, C_DESC_SV)) TAKE(d->description_sv, c->description_sv);
		if (GOOD(c, C_RENAMED)) TAKE(d->renamed_from, c->renamed_from);
		if (GOOD(c, C_REPLACES)) TAKE(d->replaces, c->replaces);
		if (GOOD(c, C_LEVELS)) {
			if (c->level_min < fw->level_min || c->level_max > fw->level_max) {
				rfail(r, c->key_line[C_LEVELS], "competence", d->code, "levels",
				      _("%d-%d lies outside the scale %d-%d"), c->level_min, c->level_max,
				      fw->level_min, fw->level_max);
			} else {
				d->level_min = c->level_min;
				d->level_max = c->level_max;
			}
		}
		if (GOOD(c, C_RETIRED)) d->retired = c->retired;
		if (GOOD(c, C_ORDER)) d->order = c->order;
		d->line = c->line;
		d->given = c->given;
		memcpy(d->key_line, c->key_line, sizeof d->key_line);
	}
	/* An area left out of the base's competences cannot happen: the
	 * base is whole. */
	for (size_t i = 0; i < n; i++)
		active += !all[i].retired;
	if (!active && !left_out)
		rfail(r, fw->line, "framework", NULL, NULL,
		      _("no competences: a framework needs at least one [competence CODE] that is not retired"));
	/* Display order: by area, then order, then as written. */
	if (n && !(keys = calloc(n, sizeof *keys)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		keys[i].a = lup_map_get(areas, all[i].area);
		keys[i].b = all[i].order;
		keys[i].c = (long)i;
		keys[i].idx = i;
	}
	if (n)
		qsort(keys, n, sizeof *keys, cmp_sortkey);
	for (size_t i = 0; i < fw->ncomps; i++)
		comp_clear(&fw->comps[i]);
	free(fw->comps);
	if (!(fw->comps = calloc(n + 1, sizeof *fw->comps))) {
		fw->ncomps = 0;
		goto nomem;
	}
	for (size_t i = 0; i < n; i++) {
		fw->comps[i] = all[keys[i].idx];
		fw->comps[i].order = (long)i + 1;
	}
	fw->ncomps = n;
	free(all);
	free(keys);
	lup_map_clear(&m);
	return 0;
nomem:
	for (size_t i = 0; i < n; i++)
		comp_clear(&all[i]);
	free(all);
	free(keys);
	lup_map_clear(&m);
	return lup_err_oom(r->err);
}

static int resolve_targets(struct rctx *r)
{
	struct lup_framework *fw = r->fw;
	struct sortkey *keys;
	struct lup_fw_target *sorted;
	unsigned char *drop;
	size_t role = 0, kept = 0;

	if (!fw->ntargets)
		return 0;
	if (!(keys = calloc(fw->ntargets, sizeof *keys)) || !(drop = calloc(fw->ntargets, 1))) {
		free(keys);
		return lup_err_oom(r->err);
	}
	for (size_t i = 0; i < fw->ntargets; i++) {
		struct lup_fw_target *t = &fw->targets[i];
		const struct lup_fw_competence *c = lup_fw_competence_get(fw, t->code);
		/* The targets of one role were written together. */
		if (i > 0 && t->role != fw->targets[i - 1].role)
			role++;
		keys[i].a = (long)role;
		keys[i].c = (long)i;
		keys[i].idx = i;
		if (!c) {
			if (lup_map_get(&r->gone_comps, t->code) < 0)
				rfail(r, t->line, "targets", t->role, t->code, _("no competence %s in this framework"),
				      t->code);
			drop[i] = 1;
			continue;
		}
		keys[i].b = c->order;
		if (c->retired) {
			rfail(r, t->line, "targets", t->role, t->code, _("competence %s is retired"), c->code);
			drop[i] = 1;
		} else if (t->level < c->level_min || t->level > c->level_max) {
			rfail(r, t->line, "targets", t->role, t->code, _("level %d lies outside the levels %d-%d of %s"),
			      t->level, c->level_min, c->level_max, c->code);
			drop[i] = 1;
		}
		if (strcmp(t->code, c->code) != 0) {
			char *code = strdup(c->code);
			if (!code) {
				free(keys);
				free(drop);
				return lup_err_oom(r->err);
			}
			free(t->code);
			t->code = code;
		}
	}
	qsort(keys, fw->ntargets, sizeof *keys, cmp_sortkey);
	for (size_t i = 0, last = (size_t)-1; i < fw->ntargets; i++) {
		const struct lup_fw_target *t = &fw->targets[keys[i].idx];
		if (drop[keys[i].idx])
			continue;
		if (last != (size_t)-1 && keys[last].a == keys[i].a && keys[last].b == keys[i].b) {
			rfail(r, t->line, "targets", t->role, t->code, _("given twice for this role (first on line %d)"),
			      fw->targets[keys[last].idx].line);
			drop[keys[i].idx] = 1;
		} else {
			last = i;
		}
	}
	if (!(sorted = malloc(fw->ntargets * sizeof *sorted))) {
		free(keys);
		free(drop);
		return lup_err_oom(r->err);
	}
	for (size_t i = 0; i < fw->ntargets; i++) {
		if (drop[keys[i].idx])
			free(fw->targets[keys[i].idx].code);
		else
			sorted[kept++] = fw->targets[keys[i].idx];
	}
	free(fw->targets);
	fw->targets = sorted;
	fw->ntargets = kept;
	free(keys);
	free(drop);
	return 0;
}

static void h_str(lup_sha256 *s, const char *v)
{
	char n[24];
	if (!v) {
		lup_sha256_add(s, "-;", 2);
		return;
	}
	snprintf(n, sizeof n, "%zu:", strlen(v));
	lup_sha256_add(s, n, strlen(n));
	lup_sha256_add(s, v, strlen(v));
	lup_sha256_add(s, ";", 1);
}

static void h_int(lup_sha256 *s, long v)
{
	char n[24];
	snprintf(n, sizeof n, "%ld;", v);
	lup_sha256_add(s, n, strlen(n));
}

/* The content hash: everything that is stored, in a fixed order. */
static void content_hash(struct lup_framework *fw)
{
	lup_sha256 s;
	lup_sha256_init(&s);
	h_str(&s, "lup-framework-1");
	h_str(&s, fw->ident); h_str(&s, fw->name); h_str(&s, fw->name_sv);
	h_str(&s, fw->version); h_str(&s, fw->description); h_str(&s, fw->extends);
	h_int(&s, fw->level_min); h_int(&s, fw->level_max);
	h_int(&s, (long)fw->nlevels);
	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		h_int(&s, l->value);
		h_str(&s, l->name); h_str(&s, l->name_sv); h_str(&s, l->band); h_str(&s, l->band_sv);
	}
	h_int(&s, (long)fw->nareas);
	for (size_t i = 0; i < fw->nareas; i++) {
		const struct lup_fw_area *a = &fw->areas[i];
		h_str(&s, a->code); h_str(&s, a->name); h_str(&s, a->name_sv);
	}
	h_int(&s, (long)fw->ncomps);
	for (size_t i = 0; i < fw->ncomps; i++) {
		const struct lup_fw_competence *c = &fw->comps[i];
		h_str(&s, c->code); h_str(&s, c->area); h_str(&s, c->name); h_str(&s, c->name_sv);
		h_str(&s, c->description); h_str(&s, c->description_sv);
		h_int(&s, c->level_min); h_int(&s, c->level_max); h_int(&s, c->retired);
		/* only when given, so revisions stored before these keys keep
		 * their hash */
		if (c->renamed_from) {
			h_str(&s, "renamed_from");
			h_str(&s, c->renamed_from);
		}
		if (c->replaces) {
			h_str(&s, "replaces");
			h_str(&s, c->replaces);
		}
	}
	h_int(&s, (long)fw->ntargets);
	for (size_t i = 0; i < fw->ntargets; i++) {
		const struct lup_fw_target *t = &fw->targets[i];
		h_str(&s, t->role); h_str(&s, t->code); h_int(&s, t->level);
	}
	lup_sha256_hex(&s, fw->hash);
}

int lup_fw_resolve_collect(struct lup_framework *fw, const struct lup_framework *base,
                           struct lup_fw_problems *probs, lup_err *err)
{
	lup_map areas = LUP_MAP_NOCASE;
	struct rctx r = { fw, probs, err, LUP_MAP_NOCASE, LUP_MAP_NOCASE, NULL, 0, 0 };
	size_t before = probs->total;
	int rc = -1;

	if (fw->resolved)
		return 0;
	if (fw->extends) {
		if (!base || !base->resolved || !base->ident || strcmp(base->ident, fw->extends) != 0)
			return rfail(&r, fw->key_line[F_EXTENDS], "framework", NULL, "extends",
			             _("the framework '%s' it extends is not available"), fw->extends);
		if ((GOOD(fw, F_LMIN) && fw->level_min != base->level_min) ||
		    (GOOD(fw, F_LMAX) && fw->level_max != base->level_max)) {
			int k = GOOD(fw, F_LMIN) && fw->level_min != base->level_min ? F_LMIN : F_LMAX;
			rfail(&r, fw->key_line[k], "framework", NULL, fw_keys[k],
			      _("the scale comes from %s (%d-%d); leave level_min and level_max out"),
			      base->ident, base->level_min, base->level_max);
		}
		fw->level_min = base->level_min;
		fw->level_max = base->level_max;
	} else {
		base = NULL;
		if (fw->bad & (BIT(F_LMIN) | BIT(F_LMAX)))
			return -1;   /* reported: there is no scale to check against */
		if (!(fw->given & BIT(F_LMAX)))
			return rfail(&r, fw->line, "framework", NULL, "level_max",
			             _("missing: give the highest level of the scale (and level_min when it is not 1)"));
		if (fw->level_min > fw->level_max)
			return rfail(&r, fw->key_line[F_LMAX], "framework", NULL, "level_max",
			             _("%d is below level_min %d"), fw->level_max, fw->level_min);
	}
	if (resolve_levels(&r, base) < 0)
		goto out;
	switch (resolve_areas(&r, base, &areas)) {
	case 0:
		break;
	case 1:
		rc = -1;   /* reported */
		goto out;
	default:
		goto out;
	}
	if (resolve_comps(&r, base, &areas) < 0)
		goto out;
	if (lup_fw_index_build(fw) < 0) {
		lup_err_oom(err);
		goto out;
	}
	if (resolve_targets(&r) < 0)
		goto out;
	if (probs->total > before)
		goto out;
	content_hash(fw);
	fw->resolved = 1;
	rc = 0;
out:
	lup_map_clear(&areas);
	lup_map_clear(&r.gone_areas);
	lup_map_clear(&r.gone_comps);
	for (size_t i = 0; i < r.ngone; i++)
		free(r.gone[i]);
	free(r.gone);
	return rc;
}

int lup_framework_resolve_all(struct lup_framework *fw, const struct lup_framework *base,
                              struct lup_fw_problems *all, lup_err *err)
{
	struct lup_fw_problems mine = { 0 }, *pr = all ? all : &mine;
	size_t before = pr->total;
	int rc;
	lup_err_clear(err);
	rc = lup_fw_resolve_collect(fw, base, pr, err);
	if (rc < 0 && pr->total > before && (!err || err->code != LUP_EFAIL)) {
		struct lup_fw_problems just = *pr;
		just.msg = pr->msg + (before < pr->n ? before : pr->n);
		just.n = before < pr->n ? pr->n - before : 0;
		just.total = pr->total - before;
		lup_fw_problems_err(&just, err);
	}
	lup_fw_problems_clear(&mine);
	return rc;
}

int lup_framework_resolve(struct lup_framework *fw, const struct lup_framework *base, lup_err *err)
{
	return lup_framework_resolve_all(fw, base, NULL, err);
}

int lup_fw_same_text(const char *a, const char *b)
{
	char *x, *y;
	int same;
	if (!a || !b)
		return a == b;
	x = lup_sortkey(a);
	y = lup_sortkey(b);
	same = x && y && strcmp(lup_trim(x), lup_trim(y)) == 0;
	free(x);
	free(y);
	return same;
}
