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
#include "core/internal.h"
#include "lup/framework.h"
#include "lup/paths.h"
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

/* A code: letters, digits, '.', '_' and '-'. */
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

static int parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", "ja" };
	static const char *const no[] = { "no", "false", "off", "0", "nej" };
	for (size_t i = 0; i < 5; i++) {
		if (strcasecmp(s, yes[i]) == 0) { *out = 1; return 0; }
		if (strcasecmp(s, no[i]) == 0) { *out = 0; return 0; }
	}
	return -1;
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

/* ---- Code look-up: open addressing over (key, index) ---- */

struct map_ent {
	const char *key;   /* points at the item's own code */
	size_t idx;
};

struct fw_map {
	struct map_ent *e;
	size_t cap, n;
};

struct lup_fw_index {
	struct fw_map areas, comps;
};

static uint64_t hash_ci(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++) {
		h ^= (unsigned char)lower((unsigned char)*s);
		h *= 1099511628211u;
	}
	return h;
}

static void map_free(struct fw_map *m)
{
	free(m->e);
	memset(m, 0, sizeof *m);
}

static long map_get(const struct fw_map *m, const char *key)
{
	if (!m->cap)
		return -1;
	for (size_t i = (size_t)hash_ci(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->e[i].key)
			return -1;
		if (strcasecmp(m->e[i].key, key) == 0)
			return (long)m->e[i].idx;
	}
}

static int map_put(struct fw_map *m, const char *key, size_t idx)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct map_ent *e = calloc(cap, sizeof *e);
		if (!e)
			return -1;
		for (size_t i = 0; i < m->cap; i++)
			if (m->e[i].key) {
				size_t j = (size_t)hash_ci(m->e[i].key) & (cap - 1);
				while (e[j].key)
					j = (j + 1) & (cap - 1);
				e[j] = m->e[i];
			}
		free(m->e);
		m->e = e;
		m->cap = cap;
	}
	for (size_t i = (size_t)hash_ci(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
		if (!m->e[i].key) {
			m->e[i].key = key;
			m->e[i].idx = idx;
			m->n++;
			return 0;
		}
}

static int index_build(struct lup_framework *fw)
{
	struct lup_fw_index *ix = fw->index;
	if (!ix && !(ix = fw->index = calloc(1, sizeof *ix)))
		return -1;
	map_free(&ix->areas);
	map_free(&ix->comps);
	for (size_t i = 0; i < fw->nareas; i++)
		if (map_put(&ix->areas, fw->areas[i].code, i) < 0)
			return -1;
	for (size_t i = 0; i < fw->ncomps; i++)
		if (map_put(&ix->comps, fw->comps[i].code, i) < 0)
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
		map_free(&fw->index->areas);
		map_free(&fw->index->comps);
		free(fw->index);
	}
	free(fw);
}

/* Grow an array to hold one more item; returns the new item, zeroed. */
static void *grow(void **arr, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		void *p = realloc(*arr, c * size);
		if (!p)
			return NULL;
		*arr = p;
		*cap = c;
	}
	memset((char *)*arr + *n * size, 0, size);
	return (char *)*arr + (*n)++ * size;
}

const struct lup_fw_competence *lup_fw_competence_get(const struct lup_framework *fw, const char *code)
{
	long i;
	if (fw->index) {
		i = map_get(&fw->index->comps, code);
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
		i = map_get(&fw->index->areas, code);
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

/* ---- Errors: file:line: [section] key: why ---- */

static int fw_fail(lup_err *err, const char *file, int line, const char *section,
                   const char *key, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int fw_fail(lup_err *err, const char *file, int line, const char *section,
                   const char *key, const char *fmt, ...)
{
	char why[400], where[600];
	va_list ap;
	int n;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	n = line > 0 ? snprintf(where, sizeof where, "%s:%d:", file, line)
	             : snprintf(where, sizeof where, "%s:", file);
	if (n > 0 && (size_t)n < sizeof where && section) {
		if (key)
			snprintf(where + n, sizeof where - (size_t)n, " [%s] %s:", section, key);
		else
			snprintf(where + n, sizeof where - (size_t)n, " [%s]:", section);
	}
	return lup_err_set(err, LUP_EINVAL, "%s %s", where, why);
}

static int oom(lup_err *err)
{
	return lup_err_set(err, LUP_EFAIL, _("out of memory"));
}

/* ---- Keys of each kind of section ---- */

enum sect { S_NONE, S_FRAMEWORK, S_LEVEL, S_AREA, S_COMP, S_TARGETS };

enum { F_ID, F_NAME, F_NAME_SV, F_VERSION, F_DESC, F_EXTENDS, F_LMIN, F_LMAX };
enum { L_NAME, L_NAME_SV, L_BAND, L_BAND_SV };
enum { A_NAME, A_NAME_SV, A_ORDER };
enum { C_AREA, C_NAME, C_NAME_SV, C_DESC, C_DESC_SV, C_LEVELS, C_RETIRED, C_ORDER };

static const char *const fw_keys[] = {
	"id", "name", "name_sv", "version", "description", "extends", "level_min", "level_max", NULL
};
static const char *const level_keys[] = { "name", "name_sv", "band", "band_sv", NULL };
static const char *const area_keys[] = { "name", "name_sv", "order", NULL };
static const char *const comp_keys[] = {
	"area", "name", "name_sv", "description", "description_sv", "levels", "retired", "order", NULL
};

#define BIT(k) (1u << (k))

/* ---- The parser ---- */

struct parser {
	struct lup_framework *fw;
	const char *file;
	lup_err *err;
	enum sect sect;
	char label[LUP_FW_NAME_MAX + 32];  /* the current section, as written */
	int sect_line;
	size_t cur;                        /* the current level, area or competence */
	size_t role;                       /* the current [targets] role */
	unsigned seen;                     /* keys given in this section */
	int key_line[8];                   /* and where */
	int fw_line;
	int level_line[LUP_FW_LEVEL_LIMIT + 1];
	int role_line[LUP_FW_MAX_ROLES];
	struct fw_map areas, comps, roles;
	size_t cap_levels, cap_areas, cap_comps, cap_targets, cap_roles;
};

static int pfail(struct parser *p, int line, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int pfail(struct parser *p, int line, const char *key, const char *fmt, ...)
{
	char why[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return fw_fail(p->err, p->file, line, p->sect == S_NONE ? NULL : p->label, key, "%s", why);
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
	char word[16];
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
	memset(p->key_line, 0, sizeof p->key_line);
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
		if (!(l = grow((void **)&fw->levels, &fw->nlevels, &p->cap_levels, sizeof *l)))
			return oom(p->err);
		l->value = (int)v;
		l->line = line;
		p->cur = fw->nlevels - 1;
		return 0;
	}
	if (strcmp(word, "area") == 0 || strcmp(word, "competence") == 0) {
		int area = word[0] == 'a';
		struct fw_map *m = area ? &p->areas : &p->comps;
		char *code;
		long prev;
		p->sect = area ? S_AREA : S_COMP;
		if (!valid_code(arg, argn))
			return pfail(p, line, NULL,
				area ? _("expected [area CODE]: a code of 1 to %d letters, digits, '.', '_' or '-'")
				     : _("expected [competence CODE]: a code of 1 to %d letters, digits, '.', '_' or '-'"),
				LUP_FW_CODE_MAX);
		if (!(code = dupn(arg, argn)))
			return oom(p->err);
		if ((prev = map_get(m, code)) >= 0) {
			int first = area ? fw->areas[prev].line : fw->comps[prev].line;
			free(code);
			return pfail(p, line, NULL, _("appears twice (first on line %d)"), first);
		}
		if (area) {
			struct lup_fw_area *a;
			if (fw->nareas >= LUP_FW_MAX_AREAS) {
				free(code);
				return pfail(p, line, NULL, _("more than %d areas"), LUP_FW_MAX_AREAS);
			}
			if (!(a = grow((void **)&fw->areas, &fw->nareas, &p->cap_areas, sizeof *a))) {
				free(code);
				return oom(p->err);
			}
			a->code = code;
			a->line = line;
			p->cur = fw->nareas - 1;
		} else {
			struct lup_fw_competence *c;
			if (fw->ncomps >= LUP_FW_MAX_COMPETENCES) {
				free(code);
				return pfail(p, line, NULL, _("more than %d competences"), LUP_FW_MAX_COMPETENCES);
			}
			if (!(c = grow((void **)&fw->comps, &fw->ncomps, &p->cap_comps, sizeof *c))) {
				free(code);
				return oom(p->err);
			}
			c->code = code;
			c->line = line;
			c->level_min = c->level_max = -1;
			p->cur = fw->ncomps - 1;
		}
		if (map_put(m, code, p->cur) < 0)
			return oom(p->err);
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
			return oom(p->err);
		if ((prev = map_get(&p->roles, role)) >= 0) {
			free(role);
			return pfail(p, line, NULL, _("appears twice (first on line %d)"), p->role_line[prev]);
		}
		if (fw->nroles >= LUP_FW_MAX_ROLES) {
			free(role);
			return pfail(p, line, NULL, _("more than %d roles"), LUP_FW_MAX_ROLES);
		}
		if (!(slot = grow((void **)&fw->roles, &fw->nroles, &p->cap_roles, sizeof *slot))) {
			free(role);
			return oom(p->err);
		}
		*slot = role;
		p->role = fw->nroles - 1;
		p->role_line[p->role] = line;
		if (map_put(&p->roles, role, p->role) < 0)
			return oom(p->err);
		return 0;
	}
	p->sect = S_NONE;
	return fw_fail(p->err, p->file, line, p->label, NULL,
		_("unknown kind of section (expected framework, level N, area CODE, "
		  "competence CODE or targets ROLE)"));
}

/* Check a text value's length; "" (or NULL) for none. */
static int text_value(struct parser *p, int line, const char *key, const char *v, size_t max,
                      int required, char **out)
{
	size_t n = strlen(v);
	if (required && n == 0)
		return pfail(p, line, key, _("must not be empty"));
	if (n > max)
		return pfail(p, line, key, _("longer than %zu bytes"), max);
	*out = NULL;
	if (n && !(*out = dupn(v, n)))
		return oom(p->err);
	return 0;
}

static int set_key(struct parser *p, int line, const char *key, const char *v)
{
	struct lup_framework *fw = p->fw;
	const char *const *keys = keys_of(p->sect);
	char *s = NULL;
	long x;
	int k;

	if (p->sect == S_NONE)
		return fw_fail(p->err, p->file, line, NULL, NULL,
		               _("'%s' comes before any [section]"), key);
	if (p->sect == S_TARGETS) {
		struct lup_fw_target *t;
		if (!valid_code(key, strlen(key)))
			return pfail(p, line, key, _("expected a competence code = a target level"));
		if (parse_int(v, 0, LUP_FW_LEVEL_LIMIT, &x) < 0)
			return pfail(p, line, key, _("'%s' is not a level (a whole number from 0 to %d)"),
			             v, LUP_FW_LEVEL_LIMIT);
		if (fw->ntargets >= LUP_FW_MAX_TARGETS)
			return pfail(p, line, key, _("more than %d targets"), LUP_FW_MAX_TARGETS);
		if (!(t = grow((void **)&fw->targets, &fw->ntargets, &p->cap_targets, sizeof *t)))
			return oom(p->err);
		t->role = fw->roles[p->role];
		t->level = (int)x;
		t->line = line;
		if (!(t->code = strdup(key)))
			return oom(p->err);
		return 0;
	}
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
		fw->given |= BIT(k);
		fw->key_line[k] = line;
		switch (k) {
		case F_ID:
		case F_EXTENDS:
			if (!valid_ident(v))
				return pfail(p, line, key,
					_("'%s' is not an id: 1 to %d lower-case letters, digits, '.', '_' or '-'"),
					v, LUP_FW_IDENT_MAX);
			if (!(s = strdup(v)))
				return oom(p->err);
			set_str(k == F_ID ? &fw->ident : &fw->extends, s);
			return 0;
		case F_NAME:
			if (text_value(p, line, key, v, LUP_FW_NAME_MAX, 1, &s) < 0)
				return -1;
			set_str(&fw->name, s);
			return 0;
		case F_NAME_SV:
			if (text_value(p, line, key, v, LUP_FW_NAME_MAX, 0, &s) < 0)
				return -1;
			set_str(&fw->name_sv, s);
			return 0;
		case F_VERSION:
			if (text_value(p, line, key, v, 32, 1, &s) < 0)
				return -1;
			set_str(&fw->version, s);
			return 0;
		case F_DESC:
			if (text_value(p, line, key, v, LUP_FW_TEXT_MAX, 0, &s) < 0)
				return -1;
			set_str(&fw->description, s);
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
		l->given |= BIT(k);
		l->key_line[k] = line;
		if (text_value(p, line, key, v, LUP_FW_NAME_MAX, k == L_NAME, &s) < 0)
			return -1;
		set_str(dst, s);
		return 0;
	}
	case S_AREA: {
		struct lup_fw_area *a = &fw->areas[p->cur];
		a->given |= BIT(k);
		a->key_line[k] = line;
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
		int r;
		c->given |= BIT(k);
		c->key_line[k] = line;
		switch (k) {
		case C_AREA:
			if (!valid_code(v, strlen(v)))
				return pfail(p, line, key, _("'%s' is not an area code"), v);
			if (!(s = strdup(v)))
				return oom(p->err);
			set_str(&c->area, s);
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
			if (parse_bool(v, &c->retired) < 0)
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
		if (!close)
			return fw_fail(p->err, p->file, line, NULL, NULL, _("a section name lacks its ']'"));
		for (j = (size_t)(close - s) + 1; j < n; j++)
			if (s[j] != ' ' && s[j] != '\t')
				return fw_fail(p->err, p->file, line, NULL, NULL,
				               _("text after the section name's ']'"));
		return start_section(p, line, s + i + 1, (size_t)(close - s) - i - 1);
	}
	{
		const char *e = memchr(s + i, '=', n - i);
		if (!e)
			return fw_fail(p->err, p->file, line, p->sect == S_NONE ? NULL : p->label, NULL,
			               _("expected 'key = value', a [section] or a comment"));
		eq = (size_t)(e - s);
	}
	ks = i;
	ke = eq;
	while (ke > ks && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
		ke--;
	if (ke == ks)
		return fw_fail(p->err, p->file, line, p->sect == S_NONE ? NULL : p->label, NULL,
		               _("a key is missing before '='"));
	if (ke - ks >= sizeof key)
		return fw_fail(p->err, p->file, line, p->sect == S_NONE ? NULL : p->label, NULL,
		               _("a key longer than %zu bytes"), sizeof key - 1);
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
		return fw_fail(p->err, p->file, line, p->sect == S_NONE ? NULL : p->label, key,
		               _("a quoted value lacks its closing '\"'"));
	}
	if (!(val = dupn(s + vs, ve - vs)))
		return oom(p->err);
	rc = set_key(p, line, key, val);
	free(val);
	return rc;
}

int lup_framework_parse(const char *buf, size_t len, const char *file,
                        struct lup_framework **out, lup_err *err)
{
	struct parser *p;
	struct lup_framework *fw;
	size_t pos = 0;
	int line = 0, rc = -1;

	*out = NULL;
	if (!file)
		file = "-";
	if (len > LUP_FW_MAX_BYTES)
		return fw_fail(err, file, 0, NULL, NULL, _("larger than %d KiB"), LUP_FW_MAX_BYTES / 1024);
	if (!(p = calloc(1, sizeof *p)) || !(fw = calloc(1, sizeof *fw))) {
		free(p);
		return oom(err);
	}
	p->fw = fw;
	p->file = file;
	p->err = err;
	fw->level_min = 1;
	if (!(fw->file = strdup(file)))
		goto nomem;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		pos = 3;  /* a byte-order mark */
	while (pos < len) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl != NULL);
		line++;
		if (n && s[n - 1] == '\r')
			n--;
		if (n > LUP_FW_MAX_LINE) {
			fw_fail(err, file, line, NULL, NULL, _("a line longer than %d bytes"), LUP_FW_MAX_LINE);
			goto out;
		}
		for (size_t i = 0; i < n;) {
			unsigned char c = (unsigned char)s[i];
			size_t l;
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				fw_fail(err, file, line, NULL, NULL, _("a control character (byte %u)"), c);
				goto out;
			}
			if (!(l = utf8_len((const unsigned char *)s + i, n - i))) {
				fw_fail(err, file, line, NULL, NULL, _("not valid UTF-8"));
				goto out;
			}
			i += l;
		}
		if (parse_line(p, line, s, n) < 0)
			goto out;
	}
	p->sect = S_NONE;
	if (!p->fw_line) {
		fw_fail(err, file, 0, NULL, NULL, _("no [framework] section"));
		goto out;
	}
	fw->line = p->fw_line;
	{
		static const int required[] = { F_ID, F_NAME, F_VERSION };
		for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
			if (!(fw->given & BIT(required[i]))) {
				fw_fail(err, file, p->fw_line, "framework", fw_keys[required[i]],
				        _("missing: every framework needs an id, a name and a version"));
				goto out;
			}
	}
	if (fw->extends && strcmp(fw->extends, fw->ident) == 0) {
		fw_fail(err, file, fw->key_line[F_EXTENDS], "framework", "extends",
		        _("a framework cannot extend itself"));
		goto out;
	}
	*out = fw;
	fw = NULL;
	rc = 0;
	goto out;
nomem:
	oom(err);
out:
	map_free(&p->areas);
	map_free(&p->comps);
	map_free(&p->roles);
	free(p);
	lup_framework_free(fw);
	return rc;
}

int lup_framework_read(const char *path, struct lup_framework **out, lup_err *err)
{
	struct stat sb;
	char *buf;
	ssize_t got;
	size_t len = 0;
	int fd, rc;

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
		return oom(err);
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
	rc = lup_framework_parse(buf, len, path, out, err);
	free(buf);
	return rc;
}

/* ---- Resolving: inheritance, whole-framework checks, order, hash ---- */

static int rfail(const struct lup_framework *fw, lup_err *err, int line, const char *kind,
                 const char *name, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static int rfail(const struct lup_framework *fw, lup_err *err, int line, const char *kind,
                 const char *name, const char *key, const char *fmt, ...)
{
	char why[400], label[LUP_FW_NAME_MAX + 32];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(label, sizeof label, "%s%s%s", kind, name ? " " : "", name ? name : "");
	return fw_fail(err, fw->file ? fw->file : "-", line, label, key, "%s", why);
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

static int resolve_levels(struct lup_framework *fw, const struct lup_framework *base, lup_err *err)
{
	size_t n = (size_t)(fw->level_max - fw->level_min + 1);
	struct lup_fw_level *lv = calloc(n, sizeof *lv);
	int ok = 1;

	if (!lv)
		return oom(err);
	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		if (l->value < fw->level_min || l->value > fw->level_max) {
			char num[16];
			snprintf(num, sizeof num, "%d", l->value);
			free(lv);
			return rfail(fw, err, l->line, "level", num, NULL,
			             _("level %d lies outside the scale %d-%d"),
			             l->value, fw->level_min, fw->level_max);
		}
	}
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
		struct lup_fw_level *l = &fw->levels[i], *d = &lv[l->value - fw->level_min];
		if (l->given & BIT(L_NAME)) TAKE(d->name, l->name);
		if (l->given & BIT(L_NAME_SV)) TAKE(d->name_sv, l->name_sv);
		if (l->given & BIT(L_BAND)) TAKE(d->band, l->band);
		if (l->given & BIT(L_BAND_SV)) TAKE(d->band_sv, l->band_sv);
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
	return ok ? 0 : oom(err);
}

static int resolve_areas(struct lup_framework *fw, const struct lup_framework *base,
                         struct fw_map *m, lup_err *err)
{
	size_t nb = base ? base->nareas : 0, n = 0;
	struct lup_fw_area *all = calloc(nb + fw->nareas + 1, sizeof *all);
	struct sortkey *keys = NULL;
	int ok = 1;

	if (!all)
		return oom(err);
	for (size_t i = 0; i < nb; i++, n++) {
		all[n].code = sdup(base->areas[i].code, &ok);
		all[n].name = sdup(base->areas[i].name, &ok);
		all[n].name_sv = sdup(base->areas[i].name_sv, &ok);
		all[n].order = (long)n + 1;
		if (!ok || map_put(m, all[n].code, n) < 0)
			goto nomem;
	}
	for (size_t i = 0; i < fw->nareas; i++) {
		struct lup_fw_area *a = &fw->areas[i], *d;
		long at = map_get(m, a->code);
		if (at < 0) {
			if (!(a->given & BIT(A_NAME))) {
				rfail(fw, err, a->line, "area", a->code, "name",
				      base ? _("missing: a new area needs a name")
				           : _("missing: every area needs a name"));
				goto fail;
			}
			d = &all[n];
			TAKE(d->code, a->code);
			d->order = (long)n + 1;
			if (map_put(m, d->code, n) < 0)
				goto nomem;
			n++;
		} else {
			d = &all[at];
		}
		if (a->given & BIT(A_NAME)) TAKE(d->name, a->name);
		if (a->given & BIT(A_NAME_SV)) TAKE(d->name_sv, a->name_sv);
		if (a->given & BIT(A_ORDER)) d->order = a->order;
		d->line = a->line;
		d->given = a->given;
		memcpy(d->key_line, a->key_line, sizeof d->key_line);
	}
	if (n == 0) {
		rfail(fw, err, fw->line, "framework", NULL, NULL,
		      _("no areas: a framework needs at least one [area CODE]"));
		goto fail;
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
	map_free(m);
	for (size_t i = 0; i < n; i++)
		if (map_put(m, fw->areas[i].code, i) < 0)
			return oom(err);
	return 0;
nomem:
	oom(err);
fail:
	for (size_t i = 0; i < n; i++)
		area_clear(&all[i]);
	free(all);
	free(keys);
	return -1;
}

static int resolve_comps(struct lup_framework *fw, const struct lup_framework *base,
                         const struct fw_map *areas, lup_err *err)
{
	size_t nb = base ? base->ncomps : 0, n = 0;
	struct lup_fw_competence *all = calloc(nb + fw->ncomps + 1, sizeof *all);
	struct sortkey *keys = NULL;
	struct fw_map m = { 0 };
	int ok = 1, active = 0;

	if (!all)
		return oom(err);
	for (size_t i = 0; i < nb; i++, n++) {
		const struct lup_fw_competence *b = &base->comps[i];
		all[n].code = sdup(b->code, &ok);
		all[n].area = sdup(b->area, &ok);
		all[n].name = sdup(b->name, &ok);
		all[n].name_sv = sdup(b->name_sv, &ok);
		all[n].description = sdup(b->description, &ok);
		all[n].description_sv = sdup(b->description_sv, &ok);
		all[n].level_min = b->level_min;
		all[n].level_max = b->level_max;
		all[n].retired = b->retired;
		all[n].order = (long)n + 1;
		if (!ok || map_put(&m, all[n].code, n) < 0)
			goto nomem;
	}
	for (size_t i = 0; i < fw->ncomps; i++) {
		struct lup_fw_competence *c = &fw->comps[i], *d;
		long at = map_get(&m, c->code);
		if (at < 0) {
			if (!(c->given & BIT(C_NAME))) {
				rfail(fw, err, c->line, "competence", c->code, "name",
				      base ? _("missing: a new competence needs a name")
				           : _("missing: every competence needs a name"));
				goto fail;
			}
			if (!(c->given & BIT(C_AREA))) {
				rfail(fw, err, c->line, "competence", c->code, "area",
				      base ? _("missing: a new competence needs an area")
				           : _("missing: every competence needs an area"));
				goto fail;
			}
			d = &all[n];
			TAKE(d->code, c->code);
			d->order = (long)n + 1;
			d->level_min = fw->level_min;
			d->level_max = fw->level_max;
			if (map_put(&m, d->code, n) < 0)
				goto nomem;
			n++;
		} else {
			d = &all[at];
		}
		if (c->given & BIT(C_AREA)) {
			long a = map_get(areas, c->area);
			if (a < 0) {
				rfail(fw, err, c->key_line[C_AREA], "competence", d->code, "area",
				      _("no [area %s] in this framework"), c->area);
				goto fail;
			}
			free(d->area);
			if (!(d->area = strdup(fw->areas[a].code)))
				goto nomem;
		}
		if (c->given & BIT(C_NAME)) TAKE(d->name, c->name);
		if (c->given & BIT(C_NAME_SV)) TAKE(d->name_sv, c->name_sv);
		if (c->given & BIT(C_DESC)) TAKE(d->description, c->description);
		if (c->given & BIT(C_DESC_SV)) TAKE(d->description_sv, c->description_sv);
		if (c->given & BIT(C_LEVELS)) {
			if (c->level_min < fw->level_min || c->level_max > fw->level_max) {
				rfail(fw, err, c->key_line[C_LEVELS], "competence", d->code, "levels",
				      _("%d-%d lies outside the scale %d-%d"), c->level_min, c->level_max,
				      fw->level_min, fw->level_max);
				goto fail;
			}
			d->level_min = c->level_min;
			d->level_max = c->level_max;
		}
		if (c->given & BIT(C_RETIRED)) d->retired = c->retired;
		if (c->given & BIT(C_ORDER)) d->order = c->order;
		d->line = c->line;
		d->given = c->given;
		memcpy(d->key_line, c->key_line, sizeof d->key_line);
	}
	for (size_t i = 0; i < n; i++)
		active += !all[i].retired;
	if (!active) {
		rfail(fw, err, fw->line, "framework", NULL, NULL,
		      _("no competences: a framework needs at least one [competence CODE] that is not retired"));
		goto fail;
	}
	/* Display order: by area, then order, then as written. */
	if (!(keys = calloc(n, sizeof *keys)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		keys[i].a = map_get(areas, all[i].area);
		keys[i].b = all[i].order;
		keys[i].c = (long)i;
		keys[i].idx = i;
	}
	qsort(keys, n, sizeof *keys, cmp_sortkey);
	for (size_t i = 0; i < fw->ncomps; i++)
		comp_clear(&fw->comps[i]);
	free(fw->comps);
	if (!(fw->comps = calloc(n, sizeof *fw->comps))) {
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
	map_free(&m);
	return 0;
nomem:
	oom(err);
fail:
	for (size_t i = 0; i < n; i++)
		comp_clear(&all[i]);
	free(all);
	free(keys);
	map_free(&m);
	return -1;
}

static int resolve_targets(struct lup_framework *fw, lup_err *err)
{
	struct sortkey *keys;
	struct lup_fw_target *sorted;
	size_t role = 0;

	if (!fw->ntargets)
		return 0;
	if (!(keys = calloc(fw->ntargets, sizeof *keys)))
		return oom(err);
	for (size_t i = 0; i < fw->ntargets; i++) {
		struct lup_fw_target *t = &fw->targets[i];
		const struct lup_fw_competence *c = lup_fw_competence_get(fw, t->code);
		if (!c) {
			free(keys);
			return rfail(fw, err, t->line, "targets", t->role, t->code,
			             _("no competence %s in this framework"), t->code);
		}
		if (c->retired) {
			free(keys);
			return rfail(fw, err, t->line, "targets", t->role, t->code,
			             _("competence %s is retired"), c->code);
		}
		if (t->level < c->level_min || t->level > c->level_max) {
			free(keys);
			return rfail(fw, err, t->line, "targets", t->role, t->code,
			             _("level %d lies outside the levels %d-%d of %s"),
			             t->level, c->level_min, c->level_max, c->code);
		}
		if (strcmp(t->code, c->code) != 0) {
			char *code = strdup(c->code);
			if (!code) {
				free(keys);
				return oom(err);
			}
			free(t->code);
			t->code = code;
		}
		/* The targets of one role were written together. */
		if (i > 0 && t->role != fw->targets[i - 1].role)
			role++;
		keys[i].a = (long)role;
		keys[i].b = c->order;
		keys[i].c = (long)i;
		keys[i].idx = i;
	}
	qsort(keys, fw->ntargets, sizeof *keys, cmp_sortkey);
	for (size_t i = 1; i < fw->ntargets; i++)
		if (keys[i].a == keys[i - 1].a && keys[i].b == keys[i - 1].b) {
			const struct lup_fw_target *t = &fw->targets[keys[i].idx];
			int first = fw->targets[keys[i - 1].idx].line;
			free(keys);
			return rfail(fw, err, t->line, "targets", t->role, t->code,
			             _("given twice for this role (first on line %d)"), first);
		}
	if (!(sorted = malloc(fw->ntargets * sizeof *sorted))) {
		free(keys);
		return oom(err);
	}
	for (size_t i = 0; i < fw->ntargets; i++)
		sorted[i] = fw->targets[keys[i].idx];
	free(fw->targets);
	fw->targets = sorted;
	free(keys);
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
	}
	h_int(&s, (long)fw->ntargets);
	for (size_t i = 0; i < fw->ntargets; i++) {
		const struct lup_fw_target *t = &fw->targets[i];
		h_str(&s, t->role); h_str(&s, t->code); h_int(&s, t->level);
	}
	lup_sha256_hex(&s, fw->hash);
}

int lup_framework_resolve(struct lup_framework *fw, const struct lup_framework *base, lup_err *err)
{
	struct fw_map areas = { 0 };

	if (fw->resolved)
		return 0;
	if (fw->extends) {
		if (!base || !base->resolved || !base->ident || strcmp(base->ident, fw->extends) != 0)
			return rfail(fw, err, fw->key_line[F_EXTENDS], "framework", NULL, "extends",
			             _("the framework '%s' it extends is not available"), fw->extends);
		if (((fw->given & BIT(F_LMIN)) && fw->level_min != base->level_min) ||
		    ((fw->given & BIT(F_LMAX)) && fw->level_max != base->level_max)) {
			int k = (fw->given & BIT(F_LMIN)) && fw->level_min != base->level_min ? F_LMIN : F_LMAX;
			return rfail(fw, err, fw->key_line[k], "framework", NULL, fw_keys[k],
			             _("the scale comes from %s (%d-%d); leave level_min and level_max out"),
			             base->ident, base->level_min, base->level_max);
		}
		fw->level_min = base->level_min;
		fw->level_max = base->level_max;
	} else {
		base = NULL;
		if (!(fw->given & BIT(F_LMAX)))
			return rfail(fw, err, fw->line, "framework", NULL, "level_max",
			             _("missing: give the highest level of the scale (and level_min when it is not 1)"));
		if (fw->level_min > fw->level_max)
			return rfail(fw, err, fw->key_line[F_LMAX], "framework", NULL, "level_max",
			             _("%d is below level_min %d"), fw->level_max, fw->level_min);
	}
	if (resolve_levels(fw, base, err) < 0 ||
	    resolve_areas(fw, base, &areas, err) < 0 ||
	    resolve_comps(fw, base, &areas, err) < 0 ||
	    (index_build(fw) < 0 && oom(err) < 0) ||
	    resolve_targets(fw, err) < 0) {
		map_free(&areas);
		return -1;
	}
	map_free(&areas);
	content_hash(fw);
	fw->resolved = 1;
	return 0;
}

/* ---- In the database ---- */

int lup_framework_current(lup_db *db, const char *ident, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql[] =
		"SELECT id FROM framework WHERE ident = ?1 ORDER BY revision DESC LIMIT 1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, ident ? ident : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up a framework"));
	return lup_err_set(err, LUP_ENOTFOUND, _("the framework '%s' has not been imported"),
	                   ident ? ident : "");
}

int lup_framework_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql_rev[] = "SELECT id FROM framework WHERE ident = ?1 AND revision = ?2";
	const char *at;
	lup_err e2;

	if (!ref || !*ref)
		return lup_err_set(err, LUP_EINVAL, _("no framework given"));
	if ((at = strchr(ref, '@'))) {
		char ident[LUP_FW_IDENT_MAX + 1];
		long rev;
		sqlite3_stmt *st;
		int rc;
		if ((size_t)(at - ref) > LUP_FW_IDENT_MAX || parse_int(at + 1, 1, INT_MAX, &rev) < 0)
			return lup_err_set(err, LUP_EINVAL,
				_("'%s' is not a framework reference: expected ID, ID@REVISION or an id prefix"), ref);
		memcpy(ident, ref, (size_t)(at - ref));
		ident[at - ref] = '\0';
		if (!(st = lup_stmt(db, sql_rev, err)))
			return -1;
		sqlite3_bind_text(st, 1, ident, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, rev);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
		lup_done(st);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("looking up a framework"));
		return lup_err_set(err, LUP_ENOTFOUND, _("the framework '%s' has no revision %ld"), ident, rev);
	}
	if (lup_framework_current(db, ref, id, &e2) == 0)
		return 0;
	if (e2.code != LUP_ENOTFOUND) {
		if (err)
			*err = e2;
		return -1;
	}
	if (lup_resolve_id(db, "framework", ref, id, &e2) == 0)
		return 0;
	if (e2.code == LUP_EAMBIG || e2.code == LUP_EBUSY || e2.code == LUP_EFAIL) {
		if (err)
			*err = e2;
		return -1;
	}
	return lup_err_set(err, LUP_ENOTFOUND, _("no framework matches '%s'"), ref);
}

int lup_framework_load(lup_db *db, const char *id, struct lup_framework **out, lup_err *err)
{
	static const char sql_fw[] =
		"SELECT id, ident, name, name_sv, version, revision, extends, description, source, "
		"content_hash, level_min, level_max, imported_at FROM framework WHERE id = ?1";
	static const char sql_lv[] =
		"SELECT value, name, name_sv, band, band_sv FROM level WHERE framework_id = ?1 ORDER BY value";
	static const char sql_ar[] =
		"SELECT id, code, name, name_sv FROM area WHERE framework_id = ?1 ORDER BY seq, code";
	static const char sql_co[] =
		"SELECT c.id, c.code, a.code, c.name, c.name_sv, c.description, c.description_sv, "
		"c.level_min, c.level_max, c.retired FROM competence c JOIN area a ON a.id = c.area_id "
		"WHERE c.framework_id = ?1 ORDER BY c.seq, c.code";
	static const char sql_tg[] =
		"SELECT t.role, t.competence_code, t.level FROM target t "
		"LEFT JOIN competence c ON c.framework_id = ?2 AND c.code = t.competence_code "
		"WHERE t.framework_ident = ?1 AND t.role IS NOT NULL "
		"ORDER BY t.role COLLATE NOCASE, t.role, coalesce(c.seq, 1e9), t.competence_code";
	struct lup_framework *fw;
	sqlite3_stmt *st;
	size_t cap = 0, cap_roles = 0;
	int rc, ok = 1;

	*out = NULL;
	if (!(fw = calloc(1, sizeof *fw)))
		return oom(err);
	if (!(st = lup_stmt(db, sql_fw, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, fw->id, sizeof fw->id);
		fw->ident = lup_col_dup(st, 1);
		fw->name = lup_col_dup(st, 2);
		fw->name_sv = lup_col_dup(st, 3);
		fw->version = lup_col_dup(st, 4);
		fw->revision = sqlite3_column_int(st, 5);
		fw->extends = lup_col_dup(st, 6);
		fw->description = lup_col_dup(st, 7);
		fw->file = lup_col_dup(st, 8);
		lup_col_copy(st, 9, fw->hash, sizeof fw->hash);
		fw->level_min = sqlite3_column_int(st, 10);
		fw->level_max = sqlite3_column_int(st, 11);
		lup_col_copy(st, 12, fw->imported_at, sizeof fw->imported_at);
		if (!fw->ident || !fw->name || !fw->version)
			ok = 0;
	}
	lup_done(st);
	if (rc == SQLITE_DONE) {
		lup_err_set(err, LUP_ENOTFOUND, _("no such framework"));
		goto fail;
	}
	if (rc != SQLITE_ROW) {
		lup_sqlerr(db, err, _("reading a framework"));
		goto fail;
	}
	if (!fw->file && !(fw->file = strdup(fw->ident)))
		ok = 0;

	if (!(st = lup_stmt(db, sql_lv, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_fw_level *l = grow((void **)&fw->levels, &fw->nlevels, &cap, sizeof *l);
		if (!l) {
			ok = 0;
			break;
		}
		l->value = sqlite3_column_int(st, 0);
		l->name = lup_col_dup(st, 1);
		l->name_sv = lup_col_dup(st, 2);
		l->band = lup_col_dup(st, 3);
		l->band_sv = lup_col_dup(st, 4);
	}
	lup_done(st);
	if (ok && rc != SQLITE_DONE)
		goto sqlfail;

	cap = 0;
	if (!(st = lup_stmt(db, sql_ar, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_fw_area *a = grow((void **)&fw->areas, &fw->nareas, &cap, sizeof *a);
		if (!a) {
			ok = 0;
			break;
		}
		lup_col_copy(st, 0, a->id, sizeof a->id);
		a->code = lup_col_dup(st, 1);
		a->name = lup_col_dup(st, 2);
		a->name_sv = lup_col_dup(st, 3);
		a->order = (long)fw->nareas;
		if (!a->code || !a->name)
			ok = 0;
	}
	lup_done(st);
	if (ok && rc != SQLITE_DONE)
		goto sqlfail;

	cap = 0;
	if (!(st = lup_stmt(db, sql_co, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_fw_competence *c = grow((void **)&fw->comps, &fw->ncomps, &cap, sizeof *c);
		if (!c) {
			ok = 0;
			break;
		}
		lup_col_copy(st, 0, c->id, sizeof c->id);
		c->code = lup_col_dup(st, 1);
		c->area = lup_col_dup(st, 2);
		c->name = lup_col_dup(st, 3);
		c->name_sv = lup_col_dup(st, 4);
		c->description = lup_col_dup(st, 5);
		c->description_sv = lup_col_dup(st, 6);
		c->level_min = sqlite3_column_int(st, 7);
		c->level_max = sqlite3_column_int(st, 8);
		c->retired = sqlite3_column_int(st, 9);
		c->order = (long)fw->ncomps;
		if (!c->code || !c->area || !c->name)
			ok = 0;
	}
	lup_done(st);
	if (ok && rc != SQLITE_DONE)
		goto sqlfail;

	cap = 0;
	if (!(st = lup_stmt(db, sql_tg, err)))
		goto fail;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		struct lup_fw_target *t;
		if (!role)
			continue;
		if (!fw->nroles || strcmp(fw->roles[fw->nroles - 1], role) != 0) {
			char **slot = grow((void **)&fw->roles, &fw->nroles, &cap_roles, sizeof *slot);
			if (!slot || !(*slot = strdup(role))) {
				if (slot)
					fw->nroles--;
				ok = 0;
				break;
			}
		}
		if (!(t = grow((void **)&fw->targets, &fw->ntargets, &cap, sizeof *t))) {
			ok = 0;
			break;
		}
		t->role = fw->roles[fw->nroles - 1];
		t->code = lup_col_dup(st, 1);
		t->level = sqlite3_column_int(st, 2);
		if (!t->code)
			ok = 0;
	}
	lup_done(st);
	if (ok && rc != SQLITE_DONE)
		goto sqlfail;
	if (!ok || index_build(fw) < 0) {
		oom(err);
		goto fail;
	}
	fw->resolved = 1;
	*out = fw;
	return 0;
sqlfail:
	lup_sqlerr(db, err, _("reading a framework"));
fail:
	lup_framework_free(fw);
	return -1;
}

int lup_framework_list(lup_db *db, int all, struct lup_framework_row **rows, size_t *n, lup_err *err)
{
	static const char sql[] =
		"SELECT f.id, f.ident, f.name, coalesce(f.name_sv, ''), f.version, coalesce(f.extends, ''), "
		"f.revision, f.imported_at, "
		"(SELECT count(*) FROM competence c WHERE c.framework_id = f.id AND c.retired = 0) "
		"FROM framework f WHERE ?1 OR f.revision = "
		"(SELECT max(g.revision) FROM framework g WHERE g.ident = f.ident) "
		"ORDER BY f.ident, f.revision DESC";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	size_t cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, all ? 1 : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_framework_row *r = grow((void **)rows, n, &cap, sizeof *r);
		if (!r) {
			lup_done(st);
			free(*rows);
			*rows = NULL;
			*n = 0;
			return oom(err);
		}
		lup_col_copy(st, 0, r->id, sizeof r->id);
		lup_col_copy(st, 1, r->ident, sizeof r->ident);
		lup_col_copy(st, 2, r->name, sizeof r->name);
		lup_col_copy(st, 3, r->name_sv, sizeof r->name_sv);
		lup_col_copy(st, 4, r->version, sizeof r->version);
		lup_col_copy(st, 5, r->extends, sizeof r->extends);
		r->revision = sqlite3_column_int(st, 6);
		lup_col_copy(st, 7, r->imported_at, sizeof r->imported_at);
		r->competences = (long)sqlite3_column_int64(st, 8);
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return lup_sqlerr(db, err, _("listing frameworks"));
	}
	return 0;
}

/* ---- Finding the framework a file extends ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#define MAX_DIR_FILES 256

/* Look in dir for a framework file with [framework] id = ident.  Returns 1
 * and *out when found, 0 when not, -1 on an error worth reporting (a file
 * named after ident that cannot be used). */
static int scan_dir(const char *dir, const char *ident, struct lup_framework **out,
                    char *bad, size_t badn)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char *names[MAX_DIR_FILES];
	size_t n = 0;
	int found = 0;

	*out = NULL;
	if (!d)
		return 0;
	while ((de = readdir(d)) && n < MAX_DIR_FILES) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		size_t size = strlen(dir) + len + 2;
		if ((names[n] = malloc(size))) {
			snprintf(names[n], size, "%s/%s", dir, de->d_name);
			n++;
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n && !found; i++) {
		struct lup_framework *fw;
		lup_err e;
		const char *base = strrchr(names[i], '/') + 1;
		if (lup_framework_read(names[i], &fw, &e) < 0) {
			if (!bad[0] && strncmp(base, ident, strlen(ident)) == 0)
				snprintf(bad, badn, "%s", e.msg);
			continue;
		}
		if (strcmp(fw->ident, ident) == 0) {
			*out = fw;
			found = 1;
		} else {
			lup_framework_free(fw);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return found;
}

static int find_base(lup_db *db, const struct lup_framework *child, const char **chain, int depth,
                     struct lup_framework **out, lup_err *err)
{
	const char *ident = child->extends;
	char id[LUP_UUID_LEN + 1], dirs[2][PATH_MAX], bad[512] = "";
	struct lup_framework *cand = NULL, *up = NULL;
	int line = child->key_line[F_EXTENDS];
	lup_err e2;

	*out = NULL;
	for (int i = 0; i < depth; i++)
		if (strcmp(chain[i], ident) == 0)
			return rfail(child, err, line, "framework", NULL, "extends",
			             _("'%s' leads back to itself through extends"), ident);
	if (depth >= LUP_FW_MAX_DEPTH)
		return rfail(child, err, line, "framework", NULL, "extends",
		             _("frameworks extend each other more than %d deep"), LUP_FW_MAX_DEPTH);
	if (db) {
		if (lup_framework_current(db, ident, id, &e2) == 0)
			return lup_framework_load(db, id, out, err);
		if (e2.code != LUP_ENOTFOUND) {
			if (err)
				*err = e2;
			return -1;
		}
	}
	if (lup_path_user_frameworks(dirs[0], sizeof dirs[0]) < 0)
		dirs[0][0] = '\0';
	snprintf(dirs[1], sizeof dirs[1], "%s/frameworks", lup_path_datadir());
	for (int i = 0; i < 2 && !cand; i++)
		if (dirs[i][0])
			scan_dir(dirs[i], ident, &cand, bad, sizeof bad);
	if (!cand) {
		if (bad[0])
			return rfail(child, err, line, "framework", NULL, "extends",
			             _("the framework '%s' cannot be read: %s"), ident, bad);
		return rfail(child, err, line, "framework", NULL, "extends",
		             _("no framework '%s' has been imported, nor is there a file for it in %s or %s"),
		             ident, dirs[0], dirs[1]);
	}
	if (cand->extends) {
		chain[depth] = cand->ident;
		if (find_base(db, cand, chain, depth + 1, &up, err) < 0) {
			lup_framework_free(cand);
			return -1;
		}
	}
	if (lup_framework_resolve(cand, up, err) < 0) {
		lup_framework_free(up);
		lup_framework_free(cand);
		return -1;
	}
	lup_framework_free(up);
	*out = cand;
	return 0;
}

/* ---- Import ---- */

static int step_done(lup_db *db, sqlite3_stmt *st, lup_err *err)
{
	int rc = sqlite3_step(st);
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("storing a framework"));
	return 0;
}

static int store(lup_db *db, struct lup_framework *fw, const char *source, int revision, lup_err *err)
{
	static const char sql_fw[] =
		"INSERT INTO framework (id, ident, name, name_sv, version, revision, extends, description, "
		"source, content_hash, level_min, level_max, imported_at, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?13)";
	static const char sql_lv[] =
		"INSERT INTO level (id, framework_id, value, name, name_sv, band, band_sv, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
	static const char sql_ar[] =
		"INSERT INTO area (id, framework_id, code, seq, name, name_sv, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
	static const char sql_co[] =
		"INSERT INTO competence (id, framework_id, area_id, code, seq, name, name_sv, description, "
		"description_sv, level_min, level_max, retired, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)";
	static const char sql_untarget[] =
		"DELETE FROM target WHERE framework_ident = ?1 AND role IS NOT NULL AND source = 'file'";
	static const char sql_tg[] =
		"INSERT INTO target (id, framework_ident, competence_code, role, level, source, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, 'file', ?6, ?6) ON CONFLICT DO NOTHING";
	char now[21], uuid[LUP_UUID_LEN + 1];
	sqlite3_stmt *st;

	lup_now_utc(now);
	lup_uuid(fw->id);
	fw->revision = revision;
	memcpy(fw->imported_at, now, sizeof now);
	if (!(st = lup_stmt(db, sql_fw, err)))
		return -1;
	sqlite3_bind_text(st, 1, fw->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, fw->ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, fw->name, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, fw->name_sv);
	sqlite3_bind_text(st, 5, fw->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, revision);
	lup_bind_text(st, 7, fw->extends);
	lup_bind_text(st, 8, fw->description);
	lup_bind_text(st, 9, source);
	sqlite3_bind_text(st, 10, fw->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 11, fw->level_min);
	sqlite3_bind_int(st, 12, fw->level_max);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
	if (step_done(db, st, err) < 0)
		return -1;

	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		if (!(st = lup_stmt(db, sql_lv, err)))
			return -1;
		lup_uuid(uuid);
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, l->value);
		sqlite3_bind_text(st, 4, l->name, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 5, l->name_sv);
		lup_bind_text(st, 6, l->band);
		lup_bind_text(st, 7, l->band_sv);
		sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < fw->nareas; i++) {
		struct lup_fw_area *a = &fw->areas[i];
		if (!(st = lup_stmt(db, sql_ar, err)))
			return -1;
		lup_uuid(a->id);
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, a->order);
		sqlite3_bind_text(st, 5, a->name, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 6, a->name_sv);
		sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < fw->ncomps; i++) {
		struct lup_fw_competence *c = &fw->comps[i];
		const struct lup_fw_area *a = lup_fw_area_get(fw, c->area);
		if (!a)
			return lup_err_set(err, LUP_EFAIL, _("storing a framework: competence %s has no area"), c->code);
		if (!(st = lup_stmt(db, sql_co, err)))
			return -1;
		lup_uuid(c->id);
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, c->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, c->order);
		sqlite3_bind_text(st, 6, c->name, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 7, c->name_sv);
		lup_bind_text(st, 8, c->description);
		lup_bind_text(st, 9, c->description_sv);
		sqlite3_bind_int(st, 10, c->level_min);
		sqlite3_bind_int(st, 11, c->level_max);
		sqlite3_bind_int(st, 12, c->retired ? 1 : 0);
		sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	if (!(st = lup_stmt(db, sql_untarget, err)))
		return -1;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	if (step_done(db, st, err) < 0)
		return -1;
	for (size_t i = 0; i < fw->ntargets; i++) {
		const struct lup_fw_target *t = &fw->targets[i];
		if (!(st = lup_stmt(db, sql_tg, err)))
			return -1;
		lup_id_target(uuid, fw->ident, t->role, NULL, t->code);
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->ident, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, t->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, t->role, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 5, t->level);
		sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	return 0;
}

static int import(lup_db *db, struct lup_framework *fw, const char *source,
                  char id_out[LUP_UUID_LEN + 1], int *unchanged, lup_err *err)
{
	static const char sql_latest[] =
		"SELECT id, revision, content_hash FROM framework WHERE ident = ?1 "
		"ORDER BY revision DESC LIMIT 1";
	struct lup_framework *base = NULL;
	const char *chain[LUP_FW_MAX_DEPTH + 1];
	sqlite3_stmt *st;
	int rc, revision = 1, same = 0;
	char latest[LUP_UUID_LEN + 1] = "";

	*unchanged = 0;
	id_out[0] = '\0';
	if (!fw->resolved) {
		if (fw->extends) {
			chain[0] = fw->ident;
			if (find_base(db, fw, chain, 1, &base, err) < 0)
				return -1;
		}
		rc = lup_framework_resolve(fw, base, err);
		lup_framework_free(base);
		if (rc < 0)
			return -1;
	}
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql_latest, err)))
		goto fail;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 2);
		lup_col_copy(st, 0, latest, sizeof latest);
		revision = sqlite3_column_int(st, 1) + 1;
		same = h && strcmp(h, fw->hash) == 0;
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("looking up a framework"));
		goto fail;
	}
	if (same) {
		lup_db_rollback(db);
		memcpy(id_out, latest, sizeof latest);
		memcpy(fw->id, latest, sizeof latest);
		fw->revision = revision - 1;
		*unchanged = 1;
		return 0;
	}
	if (store(db, fw, source, revision, err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0) {
		fw->id[0] = '\0';
		return -1;
	}
	memcpy(id_out, fw->id, LUP_UUID_LEN + 1);
	return 0;
fail:
	lup_db_rollback(db);
	fw->id[0] = '\0';
	return -1;
}

int lup_framework_import(lup_db *db, struct lup_framework *fw, char id_out[LUP_UUID_LEN + 1],
                         int *unchanged, lup_err *err)
{
	/* The source is recorded as a full path when the file exists. */
	char *real = fw->file ? realpath(fw->file, NULL) : NULL;
	int rc = import(db, fw, real ? real : fw->file, id_out, unchanged, err);
	free(real);
	return rc;
}

int lup_framework_import_file(lup_db *db, const char *path, char id_out[LUP_UUID_LEN + 1],
                              int *unchanged, lup_err *err)
{
	struct lup_framework *fw;
	int rc;

	*unchanged = 0;
	id_out[0] = '\0';
	if (lup_framework_read(path, &fw, err) < 0)
		return -1;
	rc = lup_framework_import(db, fw, id_out, unchanged, err);
	lup_framework_free(fw);
	return rc;
}
