/* networks.c — a host's networks as a JSON array of {"network", "role"}:
 * a small strict parser, the canonical form, add and remove, and the
 * names a picker offers.  Also the helpers the shadowing modules share. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/shadow_int.h"
#include "lup/shadowing.h"

/* ---- Shared helpers ---- */

size_t lup_sh_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int lup_sh_date(char **s, lup_date today)
{
	lup_date d;
	char buf[11], *t;
	if (!*s)
		return 0;
	if (lup_date_parse(*s, today, &d) < 0)
		return -1;
	lup_date_format(d, buf);
	if (!(t = strdup(buf)))
		return -1;
	free(*s);
	*s = t;
	return 0;
}

int lup_sh_conflict(lup_err *err, const char *field, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = LUP_ECONFLICT;
		snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	}
	return -1;
}

void lup_sh_year_bounds(int year, char lo[11], char hi[11])
{
	if (year <= 0 || year > 9999) {
		lo[0] = hi[0] = '\0';
		return;
	}
	snprintf(lo, 11, "%04d-01-01", year);
	snprintf(hi, 11, "%04d-12-31", year);
}

/* ---- The parser ---- */

struct jp {
	const char *s;
	size_t i, len;
	lup_err *err;
};

static int jp_fail(struct jp *p, const char *what)
{
	/* Positions count from 1, in bytes. */
	return lup_err_field(p->err, "networks",
		_("the networks list is not valid: %s at position %zu"), what, p->i + 1);
}

static void jp_ws(struct jp *p)
{
	while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	                          p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static int jp_eat(struct jp *p, char c)
{
	jp_ws(p);
	if (p->i < p->len && p->s[p->i] == c) {
		p->i++;
		return 1;
	}
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static int jp_hex4(struct jp *p, unsigned *out)
{
	unsigned v = 0;
	if (p->len - p->i < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		int h = hexval(p->s[p->i + (size_t)k]);
		if (h < 0)
			return -1;
		v = v << 4 | (unsigned)h;
	}
	p->i += 4;
	*out = v;
	return 0;
}

/* Length of a valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned cp;
	size_t len;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) { len = 2; cp = s[0] & 0x1fu; }
	else if ((s[0] & 0xf0) == 0xe0) { len = 3; cp = s[0] & 0x0fu; }
	else if ((s[0] & 0xf8) == 0xf0) { len = 4; cp = s[0] & 0x07u; }
	else return 0;
	if (len > n)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3fu);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static size_t put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) { o[0] = (char)cp; return 1; }
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | cp >> 18);
	o[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	o[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* A JSON string into out (size n, at most n - 1 bytes of text). */
static int jp_string(struct jp *p, char *out, size_t n)
{
	size_t o = 0;
	jp_ws(p);
	if (p->i >= p->len || p->s[p->i] != '"')
		return jp_fail(p, _("a text in double quotes was expected"));
	p->i++;
	for (;;) {
		unsigned char c;
		char enc[4];
		size_t k;
		if (p->i >= p->len)
			return jp_fail(p, _("a text is not closed"));
		c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20)
			return jp_fail(p, _("a control character inside a text"));
		if (c == '\\') {
			unsigned cp;
			p->i++;
			if (p->i >= p->len)
				return jp_fail(p, _("a text is not closed"));
			c = (unsigned char)p->s[p->i++];
			switch (c) {
			case '"': case '\\': case '/': cp = c; break;
			case 'b': cp = '\b'; break;
			case 'f': cp = '\f'; break;
			case 'n': cp = '\n'; break;
			case 'r': cp = '\r'; break;
			case 't': cp = '\t'; break;
			case 'u':
				if (jp_hex4(p, &cp) < 0)
					return jp_fail(p, _("a bad \\u escape"));
				if (cp >= 0xd800 && cp <= 0xdbff) {
					unsigned lo;
					if (p->len - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
						return jp_fail(p, _("a bad \\u escape"));
					p->i += 2;
					if (jp_hex4(p, &lo) < 0 || lo < 0xdc00 || lo > 0xdfff)
						return jp_fail(p, _("a bad \\u escape"));
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				} else if (cp >= 0xdc00 && cp <= 0xdfff) {
					return jp_fail(p, _("a bad \\u escape"));
				}
				break;
			default:
				p->i--;
				return jp_fail(p, _("an unknown escape"));
			}
			if (cp < 0x20)
				return jp_fail(p, _("a control character inside a text"));
			k = put_utf8(enc, cp);
		} else {
			k = utf8_seq((const unsigned char *)p->s + p->i, p->len - p->i);
			if (!k)
				return jp_fail(p, _("text that is not UTF-8"));
			memcpy(enc, p->s + p->i, k);
			p->i += k;
		}
		if (o + k >= n)
			return jp_fail(p, _("a name or role longer than 127 bytes"));
		memcpy(out + o, enc, k);
		o += k;
	}
	out[o] = '\0';
	return 0;
}

static int jp_null(struct jp *p)
{
	jp_ws(p);
	if (p->len - p->i >= 4 && memcmp(p->s + p->i, "null", 4) == 0) {
		p->i += 4;
		return 1;
	}
	return 0;
}

static int same_network(const char *a, const char *b)
{
	char *fa = lup_fold(a), *fb = lup_fold(b);
	int same = fa && fb && strcmp(lup_trim(fa), lup_trim(fb)) == 0;
	free(fa);
	free(fb);
	return same;
}

static int jp_object(struct jp *p, struct lup_network *net)
{
	int have_net = 0, have_role = 0;
	char key[128];

	net->network[0] = net->role[0] = '\0';
	if (!jp_eat(p, '{'))
		return jp_fail(p, _("'{' was expected"));
	if (jp_eat(p, '}'))
		return jp_fail(p, _("an entry without a network"));
	do {
		size_t at;
		jp_ws(p);
		at = p->i;
		if (jp_string(p, key, sizeof key) < 0)
			return -1;
		if (!jp_eat(p, ':'))
			return jp_fail(p, _("':' was expected"));
		if (strcmp(key, "network") == 0) {
			if (have_net) {
				p->i = at;
				return jp_fail(p, _("a key given twice"));
			}
			have_net = 1;
			if (jp_string(p, net->network, sizeof net->network) < 0)
				return -1;
		} else if (strcmp(key, "role") == 0) {
			if (have_role) {
				p->i = at;
				return jp_fail(p, _("a key given twice"));
			}
			have_role = 1;
			if (!jp_null(p) && jp_string(p, net->role, sizeof net->role) < 0)
				return -1;
		} else {
			p->i = at;
			return jp_fail(p, _("an unknown key"));
		}
	} while (jp_eat(p, ','));
	if (!jp_eat(p, '}'))
		return jp_fail(p, _("',' or '}' was expected"));
	lup_trim(net->network);
	lup_trim(net->role);
	if (!have_net || !net->network[0])
		return jp_fail(p, _("an entry without a network"));
	return 0;
}

int lup_networks_parse(const char *json, struct lup_network *out, int max, lup_err *err)
{
	struct jp p = { json, 0, json ? strlen(json) : 0, err };
	int n = 0;

	jp_ws(&p);
	if (p.i == p.len)
		return 0;  /* NULL or blank: the empty list */
	if (!jp_eat(&p, '['))
		return jp_fail(&p, _("'[' was expected"));
	if (!jp_eat(&p, ']')) {
		do {
			struct lup_network one;
			if (jp_object(&p, &one) < 0)
				return -1;
			for (int k = 0; k < n && k < max; k++)
				if (same_network(out[k].network, one.network))
					return lup_err_field(err, "networks",
						_("the network %s is listed twice"), one.network);
			if (n >= max || n >= LUP_NETWORKS_MAX)
				return lup_err_field(err, "networks",
					_("more than %d networks"), max < LUP_NETWORKS_MAX ? max : LUP_NETWORKS_MAX);
			out[n++] = one;
		} while (jp_eat(&p, ','));
		if (!jp_eat(&p, ']'))
			return jp_fail(&p, _("',' or ']' was expected"));
	}
	jp_ws(&p);
	if (p.i != p.len)
		return jp_fail(&p, _("text after the list"));
	return n;
}

int lup_networks_validate(const char *json, lup_err *err)
{
	struct lup_network nets[LUP_NETWORKS_MAX];
	return lup_networks_parse(json, nets, LUP_NETWORKS_MAX, err) < 0 ? -1 : 0;
}

static void put_json_string(lup_buf *b, const char *s)
{
	lup_buf_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			lup_buf_add(b, e, 2);
		} else if (c == '\n') {
			lup_buf_puts(b, "\\n");
		} else if (c == '\t') {
			lup_buf_puts(b, "\\t");
		} else if (c == '\r') {
			lup_buf_puts(b, "\\r");
		} else if (c < 0x20) {
			lup_buf_printf(b, "\\u%04x", c);
		} else {
			lup_buf_add(b, s, 1);
		}
	}
	lup_buf_add(b, "\"", 1);
}

char *lup_networks_json(const struct lup_network *nets, int n)
{
	lup_buf b = { 0 };
	lup_buf_puts(&b, "[");
	for (int i = 0; i < n; i++) {
		if (i)
			lup_buf_puts(&b, ",");
		lup_buf_puts(&b, "{\"network\":");
		put_json_string(&b, nets[i].network);
		lup_buf_puts(&b, ",\"role\":");
		put_json_string(&b, nets[i].role);
		lup_buf_puts(&b, "}");
	}
	if (lup_buf_puts(&b, "]") < 0) {
		lup_buf_clear(&b);
		return NULL;
	}
	return b.s;
}

static int replace_json(char **json, const struct lup_network *nets, int n, lup_err *err)
{
	char *j = lup_networks_json(nets, n);
	if (!j)
		return lup_err_oom(err);
	free(*json);
	*json = j;
	return 0;
}

/* A name or role from outside: trimmed, at most 127 bytes, no control
 * characters. */
static int clean_part(const char *in, char *out, size_t n, int is_role, lup_err *err)
{
	size_t len;
	snprintf(out, n, "%s", "");
	if (!in)
		return 0;
	while (*in == ' ' || *in == '\t')
		in++;
	len = strlen(in);
	while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t'))
		len--;
	if (len >= n)
		return lup_err_field(err, "networks", "%s", is_role
			? _("the role is longer than 127 bytes")
			: _("the network's name is longer than 127 bytes"));
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)in[i] < 0x20)
			return lup_err_field(err, "networks", "%s", is_role
				? _("the role holds a control character")
				: _("the network's name holds a control character"));
	memcpy(out, in, len);
	out[len] = '\0';
	return 0;
}

int lup_networks_add(char **json, const char *network, const char *role, lup_err *err)
{
	struct lup_network nets[LUP_NETWORKS_MAX];
	char name[128], r[128];
	int n, k;

	if (clean_part(network, name, sizeof name, 0, err) < 0 ||
	    clean_part(role, r, sizeof r, 1, err) < 0)
		return -1;
	if (!name[0])
		return lup_err_field(err, "networks", _("a network needs a name"));
	if ((n = lup_networks_parse(*json, nets, LUP_NETWORKS_MAX, err)) < 0)
		return -1;
	for (k = 0; k < n; k++)
		if (same_network(nets[k].network, name))
			break;
	if (k == n) {
		if (n >= LUP_NETWORKS_MAX)
			return lup_err_field(err, "networks", _("more than %d networks"), LUP_NETWORKS_MAX);
		snprintf(nets[k].network, sizeof nets[k].network, "%s", name);
		n++;
	}
	snprintf(nets[k].role, sizeof nets[k].role, "%s", r);
	return replace_json(json, nets, n, err);
}

int lup_networks_remove(char **json, const char *network, lup_err *err)
{
	struct lup_network nets[LUP_NETWORKS_MAX];
	int n, k;

	if ((n = lup_networks_parse(*json, nets, LUP_NETWORKS_MAX, err)) < 0)
		return -1;
	for (k = 0; k < n; k++)
		if (same_network(nets[k].network, network ? network : ""))
			break;
	if (k == n)
		return lup_err_set(err, LUP_ENOTFOUND, _("the host is not in the network %s"),
		                   network ? network : "");
	memmove(&nets[k], &nets[k + 1], (size_t)(n - k - 1) * sizeof nets[0]);
	return replace_json(json, nets, n - 1, err);
}

void lup_networks_text(const char *json, int with_roles, char *buf, size_t n)
{
	struct lup_network nets[LUP_NETWORKS_MAX];
	int count = lup_networks_parse(json, nets, LUP_NETWORKS_MAX, NULL);
	lup_buf b = { 0 };

	for (int i = 0; i < count; i++) {
		if (i)
			lup_buf_puts(&b, ", ");
		lup_buf_puts(&b, nets[i].network);
		if (with_roles && nets[i].role[0])
			lup_buf_printf(&b, " (%s)", nets[i].role);
	}
	lup_copy_cut(buf, n, b.s ? b.s : "");
	lup_buf_clear(&b);
}

/* ---- Names for a picker ---- */

static const struct { const char *network, *roles; } known_networks[] = {
	{ "Eurocities", "member|associate partner|forum member|working group member" },
	{ "UBC", "member city|commission|commission lead" },
	{ "Twin town", "twin town|friendship town" },
	{ "ICLD partnership", "municipal partnership|partner" },
};
/* The same in Swedish, as a Swedish coordinator writes them (and the
 * demonstration made in Swedish does). */
static const struct { const char *network, *roles; } known_networks_sv[] = {
	{ "Eurocities", "medlem|associerad partner|forummedlem|medlem i arbetsgrupp" },
	{ "UBC", "medlemsstad|kommission|kommissionsledare" },
	{ "Vänort", "vänort|vänskapsort" },
	{ "ICLD-partnerskap", "kommunalt partnerskap|partner" },
};

struct name_list {
	struct { char network[128]; lup_buf roles; } *v;
	size_t n, cap;
};

static int has_role(const char *roles, const char *role)
{
	const char *p = roles;
	size_t len = strlen(role);
	while (p && *p) {
		size_t k = strcspn(p, "|");
		if (k == len && strncmp(p, role, len) == 0)
			return 1;
		p += k;
		if (*p == '|')
			p++;
	}
	return 0;
}

static int list_add(struct name_list *l, const char *network, const char *roles)
{
	size_t k;
	for (k = 0; k < l->n; k++)
		if (same_network(l->v[k].network, network))
			break;
	if (k == l->n) {
		if (!LUP_PUSH(l->v, l->n, l->cap))
			return -1;
		lup_copy_cut(l->v[k].network, sizeof l->v[k].network, network);
	}
	/* Add each role not there yet. */
	for (const char *p = roles; p && *p; ) {
		char one[128];
		size_t len = strcspn(p, "|");
		snprintf(one, sizeof one, "%.*s", (int)(len < sizeof one ? len : sizeof one - 1), p);
		if (one[0] && !has_role(l->v[k].roles.s, one)) {
			if (l->v[k].roles.len)
				lup_buf_puts(&l->v[k].roles, "|");
			lup_buf_puts(&l->v[k].roles, one);
		}
		p += len;
		if (*p == '|')
			p++;
	}
	return 0;
}

int lup_network_names(lup_db *db, lup_network_cb cb, void *ud, lup_err *err)
{
	static const char sql[] =
		"SELECT DISTINCT json_extract(j.value, '$.network'), "
		"coalesce(json_extract(j.value, '$.role'), '') "
		"FROM host_org h, json_each(CASE WHEN json_valid(h.networks) THEN h.networks "
		"ELSE '[]' END) j "
		"WHERE json_type(j.value, '$.network') = 'text' "
		"ORDER BY 1 COLLATE NOCASE, 2 COLLATE NOCASE";
	struct name_list l = { 0 };
	sqlite3_stmt *st;
	int rc = -1, step;

	if (lup_i18n_is_swedish()) {
		for (size_t i = 0; i < sizeof known_networks_sv / sizeof known_networks_sv[0]; i++)
			if (list_add(&l, known_networks_sv[i].network, known_networks_sv[i].roles) < 0)
				goto oom;
	} else {
		for (size_t i = 0; i < sizeof known_networks / sizeof known_networks[0]; i++)
			if (list_add(&l, known_networks[i].network, known_networks[i].roles) < 0)
				goto oom;
	}
	if (!(st = lup_stmt(db, sql, err)))
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *role = (const char *)sqlite3_column_text(st, 1);
		char r[128];
		lup_copy_cut(r, sizeof r, role);
		for (char *c = r; *c; c++)
			if (*c == '|')
				*c = '/';
		if (name && *name && list_add(&l, name, r) < 0) {
			lup_done(st);
			goto oom;
		}
	}
	lup_done(st);
	if (step != SQLITE_DONE) {
		lup_sqlerr(db, err, _("listing networks"));
		goto out;
	}
	for (size_t k = 0; k < l.n; k++)
		cb(ud, l.v[k].network, l.v[k].roles.s ? l.v[k].roles.s : "");
	rc = 0;
	goto out;
oom:
	lup_err_oom(err);
out:
	for (size_t k = 0; k < l.n; k++)
		lup_buf_clear(&l.v[k].roles);
	free(l.v);
	return rc;
}
