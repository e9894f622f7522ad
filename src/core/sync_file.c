/* sync_file.c — the team key, change files (writing, reading, checking),
 * export, apply and the shared folder.
 *
 * A change file (format 1; integers big-endian; lup-sync(1) describes it):
 *
 *   "LUPCS\0"  u16 format  u16 flags (0)  u32 schema
 *   8 team id  16 base  16 writer's device  u64 writer's clock
 *   u16 length, the writer's name (UTF-8)
 *   u32 n, n × (16 device, u64 seq): what the writer has applied
 *   u32 n, n × (16 device, u64 first, u64 last): the changes inside
 *   u32 n, n × entry:
 *       16 device  u64 seq  u64 hlc  u32 schema  u32 flags
 *       u32 n, n × (16 device, u64 seq): what it was made on
 *       u32 length, the changeset (or, for an erase, the patchset)
 *   32 HMAC-SHA256 with the team key over everything before it
 *
 * A status file (.lupst) is the same with no entries.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/sync_int.h"
#include "lup/sha256.h"

#define MAGIC "LUPCS\0"
#define MAX_FILE ((size_t)1 << 30)       /* 1 GiB */
#define MAX_NAME 200   /* bytes of a laptop's name in a file (< sizeof info.name) */
#define MAX_DEVICES 100000

/* ---- The key ---- */

void lup_sync_key_path(const char *opt, char *buf, size_t n)
{
	const char *env = getenv("LUP_SYNC_KEY"), *cfg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (opt && *opt)
		snprintf(buf, n, "%s", opt);
	else if (env && *env)
		snprintf(buf, n, "%s", env);
	else if (cfg && *cfg)
		snprintf(buf, n, "%s/lup/team.key", cfg);
	else
		snprintf(buf, n, "%s/.config/lup/team.key", home && *home ? home : ".");
}

static void key_id(lup_sync_key *key)
{
	lup_sha256 s;
	unsigned char d[32];
	lup_sha256_init(&s);
	lup_sha256_add(&s, "lup team key", 13);
	lup_sha256_add(&s, key->k, sizeof key->k);
	lup_sha256_final(&s, d);
	lup_hex(d, 8, key->id);
}

int lup_sync_key_load(const char *path, lup_sync_key *key, lup_err *err)
{
	char buf[4096], *line, *save = NULL;
	struct stat sb;
	ssize_t n;
	int fd, found = 0;

	memset(key, 0, sizeof *key);
	snprintf(key->path, sizeof key->path, "%s", path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return lup_err_set(err, LUP_ENOTFOUND,
				_("no team key at %s: run lup sync init to make one, or copy a colleague's "
				  "(lup sync init --key FILE)"), path);
		return lup_err_set(err, LUP_EFAIL, _("cannot read the team key %s: %s"), path, strerror(errno));
	}
	if (fstat(fd, &sb) == 0 && (sb.st_mode & 077)) {
		close(fd);
		return lup_err_set(err, LUP_EINVAL,
			_("the team key %s can be read by others: make it private (chmod 600 %s)"), path, path);
	}
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n < 0)
		return lup_err_set(err, LUP_EFAIL, _("cannot read the team key %s: %s"), path, strerror(errno));
	buf[n] = '\0';
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		lup_trim(line);
		if (!*line || *line == '#')
			continue;
		if (strlen(line) == 64 && lup_unhex(line, key->k, sizeof key->k) == 0)
			found = 1;
		break;
	}
	if (!found)
		return lup_err_set(err, LUP_EINVAL, _("%s is not a lup team key (64 hex digits)"), path);
	key_id(key);
	return 0;
}

static int key_write(const char *path, const lup_sync_key *key, lup_err *err)
{
	char dir[4096], hex[65];
	const char *slash = strrchr(path, '/');
	lup_afile af;

	if (slash && slash > path) {
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
		if (lup_mkdir_p(dir, 0700, err) < 0)
			return -1;
	}
	lup_hex(key->k, sizeof key->k, hex);
	if (lup_afile_open(&af, path, 0600, err) < 0)
		return -1;
	fprintf(af.fp, "# %s\n# %s\n%s\n", _("lup team key: keep it secret."),
	        _("Copy it once to each colleague's laptop (lup sync init --key FILE)."), hex);
	return lup_afile_commit(&af, err);
}

int lup_sync_key_create(const char *path, lup_sync_key *key, lup_err *err)
{
	struct stat sb;
	memset(key, 0, sizeof *key);
	snprintf(key->path, sizeof key->path, "%s", path);
	if (stat(path, &sb) == 0)
		return lup_err_set(err, LUP_ECONFLICT,
			_("there is a team key at %s already; it is kept (remove it first to make a new team)"), path);
	if (lup_random(key->k, sizeof key->k) < 0)
		return lup_err_set(err, LUP_EFAIL, _("no randomness to make a key with"));
	key_id(key);
	return key_write(path, key, err);
}

int lup_sync_key_install(const char *from, const char *path, lup_sync_key *key, lup_err *err)
{
	lup_sync_key old;
	lup_err ignored;
	if (lup_sync_key_load(from, key, err) < 0)
		return -1;
	if (strcmp(from, path) == 0)
		return 0;
	if (lup_sync_key_load(path, &old, &ignored) == 0) {
		if (strcmp(old.id, key->id) == 0) {
			snprintf(key->path, sizeof key->path, "%s", path);
			return 0;
		}
		return lup_err_set(err, LUP_ECONFLICT,
			_("there is a key of another team (%s) at %s; it is kept"), old.id, path);
	}
	if (key_write(path, key, err) < 0)
		return -1;
	snprintf(key->path, sizeof key->path, "%s", path);
	return 0;
}

/* ---- Writing ---- */

static int put(lup_buf *b, const void *p, size_t n)
{
	return lup_buf_add(b, n ? p : "", n);   /* an empty part may have no pointer */
}

static int put16(lup_buf *b, unsigned v)
{
	unsigned char x[2] = { (unsigned char)(v >> 8), (unsigned char)v };
	return put(b, x, 2);
}

static int put32(lup_buf *b, uint32_t v)
{
	unsigned char x[4];
	lup_put_u32(x, v);
	return put(b, x, 4);
}

static int put64(lup_buf *b, uint64_t v)
{
	unsigned char x[8];
	lup_put_u64(x, v);
	return put(b, x, 8);
}

static int put_uuid(lup_buf *b, const char *s)
{
	unsigned char u[16];
	if (lup_uuid_parse(s, u) < 0)
		memset(u, 0, sizeof u);
	return put(b, u, 16);
}

static int put_vv(lup_buf *b, const struct sync_vv *vv)
{
	int n = 0;
	for (int i = 0; i < vv->n; i++)
		n += vv->v[i].seq > 0;
	put32(b, (uint32_t)n);
	for (int i = 0; i < vv->n; i++)
		if (vv->v[i].seq > 0) {
			put_uuid(b, vv->v[i].device);
			put64(b, (uint64_t)vv->v[i].seq);
		}
	return 0;
}

struct range { char device[37]; long long first, last; };

/* Which changes an export takes: those past want's vector (NULL: all). */
static int want_entry(const struct sync_vv *want, const char *device, long long seq)
{
	return !want || seq > lup_vv_get(want, device);
}

/* Build a file in b: the header, the entries past want (NULL: none; with
 * all set, every one), the signature.  *count receives the entries. */
static int build(lup_db *db, const lup_sync_key *key, const struct sync_vv *want, int all,
                 int entries, lup_buf *b, long *count, struct range **ranges, int *nranges,
                 lup_err *err)
{
	static const char self_sql[] = "SELECT device, name, base, hlc FROM sync_self";
	static const char log_sql[] =
		"SELECT device, seq, hlc, schema, flags, deps, cs FROM sync_log ORDER BY device, seq";
	struct sync_vv have = { 0 };
	struct range *r = NULL;
	int nr = 0, rc;
	size_t capr = 0;
	lup_buf body = { 0 };
	char dev[37], name[MAX_NAME + 1], base[37];
	long long hlc;
	sqlite3_stmt *st;
	unsigned char mac[LUP_MAC_BYTES], team[8];
	lup_hmac h;
	long n = 0;

	*count = 0;
	if (!(st = lup_stmt(db, self_sql, err)))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("reading the change log"));
	}
	lup_col_copy(st, 0, dev, sizeof dev);
	lup_col_copy(st, 1, name, sizeof name);
	lup_col_copy(st, 2, base, sizeof base);
	hlc = sqlite3_column_int64(st, 3);
	lup_done(st);
	if (lup_vv_applied(db, &have, err) < 0)
		return -1;
	if (entries) {
		if (sqlite3_prepare_v2(db->h, log_sql, -1, &st, NULL) != SQLITE_OK) {
			lup_vv_clear(&have);
			return lup_sqlerr(db, err, _("reading the change log"));
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 0);
			long long seq = sqlite3_column_int64(st, 1);
			int nd = sqlite3_column_bytes(st, 5);
			if (!all && !want_entry(want, d, seq))
				continue;
			put_uuid(&body, d);
			put64(&body, (uint64_t)seq);
			put64(&body, (uint64_t)sqlite3_column_int64(st, 2));
			put32(&body, (uint32_t)sqlite3_column_int(st, 3));
			put32(&body, (uint32_t)(sqlite3_column_int(st, 4) & SYNC_F_ERASE));
			put32(&body, (uint32_t)(nd / 24));
			put(&body, sqlite3_column_blob(st, 5), (size_t)nd);
			put32(&body, (uint32_t)sqlite3_column_bytes(st, 6));
			put(&body, sqlite3_column_blob(st, 6), (size_t)sqlite3_column_bytes(st, 6));
			n++;
			if (nr && strcmp(r[nr - 1].device, d) == 0 && r[nr - 1].last + 1 == seq) {
				r[nr - 1].last = seq;
			} else {
				struct range *g = LUP_PUSH(r, nr, capr);
				if (!g) {
					sqlite3_finalize(st);
					goto oom;
				}
				snprintf(g->device, sizeof g->device, "%s", d);
				g->first = g->last = seq;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			lup_sqlerr(db, err, _("reading the change log"));
			goto fail;
		}
	}
	put(b, MAGIC, 6);
	put16(b, LUP_SYNC_FORMAT);
	put16(b, 0);
	put32(b, (uint32_t)lup_db_schema_version());
	lup_unhex(key->id, team, sizeof team);
	put(b, team, sizeof team);
	put_uuid(b, base);
	put_uuid(b, dev);
	put64(b, (uint64_t)hlc);
	put16(b, (unsigned)strlen(name));
	put(b, name, strlen(name));
	put_vv(b, &have);
	put32(b, (uint32_t)nr);
	for (int i = 0; i < nr; i++) {
		put_uuid(b, r[i].device);
		put64(b, (uint64_t)r[i].first);
		put64(b, (uint64_t)r[i].last);
	}
	put32(b, (uint32_t)n);
	if (body.len)
		put(b, body.s, body.len);
	if (!b->s)
		goto oom;
	lup_hmac_init(&h, key->k);
	lup_hmac_add(&h, b->s, b->len);
	lup_hmac_final(&h, mac);
	if (put(b, mac, sizeof mac) < 0)
		goto oom;
	lup_buf_clear(&body);
	lup_vv_clear(&have);
	*count = n;
	if (ranges) {
		*ranges = r;
		*nranges = nr;
	} else {
		free(r);
	}
	return 0;
oom:
	lup_err_oom(err);
fail:
	lup_buf_clear(&body);
	lup_vv_clear(&have);
	free(r);
	return -1;
}

static int write_file(const char *path, const lup_buf *b, lup_err *err)
{
	lup_afile af;
	if (lup_afile_open(&af, path, 0600, err) < 0)
		return -1;
	if (fwrite(b->s, 1, b->len, af.fp) != b->len) {
		lup_afile_abort(&af);
		return lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), path, strerror(errno));
	}
	return lup_afile_commit(&af, err);
}

/* The database must be set up for this key. */
static int check_team(lup_db *db, const lup_sync_key *key, lup_err *err)
{
	struct lup_sync_self self;
	if (lup_sync_self_get(db, &self, err) < 0)
		return -1;
	if (!self.team[0])
		return lup_err_set(err, LUP_EINVAL,
			_("this database is not set up for merging: run lup sync init first"));
	if (strcmp(self.team, key->id) != 0)
		return lup_err_set(err, LUP_EINVAL,
			_("the key %s is of team %s, but this database belongs to team %s"),
			key->path, key->id, self.team);
	return 0;
}

int lup_sync_export(lup_db *db, const lup_sync_key *key, enum lup_sync_export_what what,
                    const lup_sync_file *peer, const char *path, long *entries, lup_err *err)
{
	struct sync_vv want = { 0 };
	lup_buf b = { 0 };
	long n = 0;
	int rc = -1;

	if (check_team(db, key, err) < 0)
		return -1;
	if (what == LUP_SYNC_FOR) {
		for (int i = 0; i < peer->acks.n; i++)
			lup_vv_set(&want, peer->acks.v[i].device, peer->acks.v[i].seq);
	} else if (what == LUP_SYNC_NEW) {
		/* The least any known laptop said it has: what all of them do. */
		static const char sql[] =
			"SELECT acks FROM sync_peer WHERE device <> (SELECT device FROM sync_self) AND acks IS NOT NULL";
		sqlite3_stmt *st = lup_stmt(db, sql, err);
		int first = 1;
		if (!st)
			return -1;
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct sync_vv a = { 0 };
			lup_vv_decode(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &a);
			if (first) {
				for (int i = 0; i < a.n; i++)
					lup_vv_set(&want, a.v[i].device, a.v[i].seq);
			} else {
				for (int i = 0; i < want.n; i++)
					if (lup_vv_get(&a, want.v[i].device) < want.v[i].seq)
						want.v[i].seq = lup_vv_get(&a, want.v[i].device);
			}
			first = 0;
			lup_vv_clear(&a);
		}
		lup_done(st);
	}
	if (build(db, key, what == LUP_SYNC_ALL ? NULL : &want, what == LUP_SYNC_ALL, 1, &b, &n,
	          NULL, NULL, err) < 0)
		goto out;
	if (write_file(path, &b, err) < 0)
		goto out;
	if (entries)
		*entries = n;
	rc = 0;
out:
	lup_buf_clear(&b);
	lup_vv_clear(&want);
	return rc;
}

/* ---- Reading ---- */

struct rd {
	const unsigned char *p;
	size_t left;
};

static int take(struct rd *r, size_t n, const unsigned char **out)
{
	if (r->left < n)
		return -1;
	*out = r->p;
	r->p += n;
	r->left -= n;
	return 0;
}

/* n bytes, big-endian. */
static int get_be(struct rd *r, size_t n, uint64_t *v)
{
	const unsigned char *p;
	if (take(r, n, &p) < 0)
		return -1;
	*v = 0;
	for (size_t i = 0; i < n; i++)
		*v = *v << 8 | p[i];
	return 0;
}

static int get16(struct rd *r, unsigned *v)
{
	uint64_t x;
	return get_be(r, 2, &x) < 0 ? -1 : (*v = (unsigned)x, 0);
}

static int get32(struct rd *r, uint32_t *v)
{
	uint64_t x;
	return get_be(r, 4, &x) < 0 ? -1 : (*v = (uint32_t)x, 0);
}

static int get64(struct rd *r, uint64_t *v)
{
	return get_be(r, 8, v);
}

static int get_uuid(struct rd *r, char out[37])
{
	const unsigned char *p;
	if (take(r, 16, &p) < 0)
		return -1;
	lup_uuid_format(p, out);
	return 0;
}

static int zero_uuid(const char *s)
{
	return strcmp(s, "00000000-0000-0000-0000-000000000000") == 0;
}

/* An SQLite varint (1 to 9 bytes), for lengths and counts: -1 when it
 * runs past the end or is larger than max. */
static long long varint(const unsigned char *b, size_t n, size_t *pos, long long max)
{
	unsigned long long v = 0;
	for (int i = 0; i < 9; i++) {
		unsigned char c;
		if (*pos >= n)
			return -1;
		c = b[(*pos)++];
		if (i == 8) {
			v = v << 8 | c;
			break;
		}
		v = v << 7 | (c & 0x7f);
		if (!(c & 0x80))
			break;
	}
	return v > (unsigned long long)max ? -1 : (long long)v;
}

/* One record of nfield values (SQLite's changeset record format); undef:
 * whether a value may be undefined. */
static int record_ok(const unsigned char *b, size_t n, size_t *pos, long long nfield, int undef)
{
	for (long long i = 0; i < nfield; i++) {
		long long len;
		if (*pos >= n)
			return -1;
		switch (b[(*pos)++]) {
		case 0:
			if (!undef)
				return -1;
			break;
		case 1:
		case 2:
			if (n - *pos < 8)
				return -1;
			*pos += 8;
			break;
		case 3:
		case 4:
			if ((len = varint(b, n, pos, INT32_MAX)) < 0 || (size_t)len > n - *pos)
				return -1;
			*pos += (size_t)len;
			break;
		case 5:
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* The bytes follow the changeset (or patchset) format SQLite documents in
 * sqlite3session.c, all the way through, before SQLite's own reader sees
 * them: some malformed inputs send that reader into a loop. */
static int changeset_shape_ok(const unsigned char *b, size_t n)
{
	size_t pos = 0;
	int kind = 0;
	while (pos < n) {
		long long ncol, npk = 0;
		size_t name;
		if ((b[pos] != 'T' && b[pos] != 'P') || (kind && b[pos] != kind))
			return -1;
		kind = b[pos++];
		if ((ncol = varint(b, n, &pos, 1000)) < 1 || (size_t)ncol > n - pos)
			return -1;
		for (long long i = 0; i < ncol; i++) {
			if (b[pos + (size_t)i] > 1)
				return -1;
			npk += b[pos + (size_t)i];
		}
		pos += (size_t)ncol;
		if (npk == 0)
			return -1;
		for (name = pos; name < n && b[name]; name++)
			;
		if (name >= n || name == pos || name - pos > 64)
			return -1;
		pos = name + 1;
		if (pos >= n || (b[pos] != 0x12 && b[pos] != 0x17 && b[pos] != 0x09))
			return -1;   /* a table without changes */
		while (pos < n && b[pos] != 'T' && b[pos] != 'P') {
			int op = b[pos++], patch = kind == 'P';
			if (pos >= n || b[pos++] > 1)
				return -1;
			if (op == 0x12) {
				if (record_ok(b, n, &pos, ncol, 0) < 0)
					return -1;
			} else if (op == 0x09) {
				if (record_ok(b, n, &pos, patch ? npk : ncol, 0) < 0)
					return -1;
			} else if (op == 0x17) {
				if ((!patch && record_ok(b, n, &pos, ncol, 1) < 0) || record_ok(b, n, &pos, ncol, 1) < 0)
					return -1;
			} else {
				return -1;
			}
		}
	}
	return 0;
}

/* Walk a changeset through: well formed, of synced tables only, keyed on
 * their first column. */
static int changeset_ok(const unsigned char *cs, size_t n, const char **why)
{
	sqlite3_changeset_iter *it;
	int rc, bad = 0;
	if (n == 0)
		return 0;   /* a change cleared of erased rows may be empty */
	if (n > INT32_MAX) {
		*why = "size";
		return -1;
	}
	if (changeset_shape_ok(cs, n) < 0) {
		*why = "changeset";
		return -1;
	}
	if (sqlite3changeset_start(&it, (int)n, (void *)cs) != SQLITE_OK) {
		*why = "unreadable";
		return -1;
	}
	while (!bad && (rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, ti;
		unsigned char *pk;
		if (sqlite3changeset_op(it, &tab, &ncol, &op, &ind) != SQLITE_OK ||
		    (ti = lup_sync_table_index(tab)) < 0 || ti == SYNC_CONFLICT_TABLE) {
			*why = "table";
			bad = 1;
			break;
		}
		if (sqlite3changeset_pk(it, &pk, &ncol) != SQLITE_OK || ncol < 1 || !pk[0]) {
			*why = "key";
			bad = 1;
			break;
		}
		for (int c = 1; c < ncol; c++)
			if (pk[c]) {
				*why = "key";
				bad = 1;
			}
		/* Every value must be readable. */
		for (int c = 0; c < ncol && !bad; c++) {
			sqlite3_value *v;
			if (op != SQLITE_INSERT && sqlite3changeset_old(it, c, &v) != SQLITE_OK)
				bad = 1;
			if (op != SQLITE_DELETE && sqlite3changeset_new(it, c, &v) != SQLITE_OK)
				bad = 1;
		}
		if (bad)
			*why = "value";
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK || (!bad && rc != SQLITE_DONE)) {
		if (!bad)
			*why = "unreadable";
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int damaged(lup_err *err, const char *what)
{
	return lup_err_set(err, LUP_EINVAL, _("the file is damaged (%s); nothing of it was used"), what);
}

int lup_sync_file_parse(const void *buf, size_t n, const lup_sync_key *key, lup_sync_file **out,
                        lup_err *err)
{
	lup_sync_file *f;
	struct rd r;
	const unsigned char *p, *team;
	unsigned fmt, flags, namelen;
	uint32_t schema, cnt;
	uint64_t v64;
	size_t min = 6 + 2 + 2 + 4 + 8 + 16 + 16 + 8 + 2 + 4 + 4 + 4 + LUP_MAC_BYTES;
	char teamhex[17];

	*out = NULL;
	if (n < 8 || memcmp(buf, MAGIC, 6) != 0)
		return lup_err_set(err, LUP_EINVAL, _("not a lup change file"));
	if (n < min)
		return lup_err_set(err, LUP_EINVAL, _("the file is cut short; nothing of it was used"));
	if (n > MAX_FILE)
		return lup_err_set(err, LUP_EINVAL, _("the file is larger than lup reads (1 GiB)"));
	r.p = buf;
	r.left = n - LUP_MAC_BYTES;
	if (take(&r, 6, &p) < 0 || get16(&r, &fmt) < 0 || get16(&r, &flags) < 0 || get32(&r, &schema) < 0 ||
	    take(&r, 8, &team) < 0)   /* not with n >= min */
		return lup_err_set(err, LUP_EINVAL, _("the file is cut short; nothing of it was used"));
	lup_hex(team, 8, teamhex);
	/* What the header says picks the message; the signature decides. */
	if (lup_hmac_verify(key->k, buf, n - LUP_MAC_BYTES, (const unsigned char *)buf + n - LUP_MAC_BYTES) < 0) {
		if (strcmp(teamhex, key->id) != 0)
			return lup_err_set(err, LUP_EINVAL,
				_("the file is from another team (%s; this laptop's key is of team %s); nothing "
				  "of it was used"), teamhex, key->id);
		return lup_err_set(err, LUP_EINVAL,
			_("the file's signature does not match: it was altered or cut short; nothing of it was used"));
	}
	if (fmt > LUP_SYNC_FORMAT)
		return lup_err_set(err, LUP_EVERSION,
			_("the file has format %u, newer than this lup reads (%d): upgrade lup"), fmt, LUP_SYNC_FORMAT);
	if (fmt < 1 || flags != 0)
		return damaged(err, "format");
	if (schema > (uint32_t)lup_db_schema_version())
		return lup_err_set(err, LUP_EVERSION,
			_("the file comes from a newer lup (schema %u; this lup knows %d): upgrade lup first; "
			  "nothing of it was used"), schema, lup_db_schema_version());
	if (schema < LUP_SYNC_SCHEMA_MIN)
		return lup_err_set(err, LUP_EVERSION,
			_("the file comes from a lup too old to merge with this one (schema %u; this lup reads "
			  "%d and later): upgrade lup on the laptop that wrote it; nothing of it was used"),
			schema, LUP_SYNC_SCHEMA_MIN);
	if (strcmp(teamhex, key->id) != 0)
		return damaged(err, "team");
	if (!(f = calloc(1, sizeof *f)))
		return lup_err_oom(err);
	if (!(f->buf = malloc(n))) {
		free(f);
		return lup_err_oom(err);
	}
	memcpy(f->buf, buf, n);
	f->len = n;
	r.p = f->buf + (r.p - (const unsigned char *)buf);
	f->info.format = (int)fmt;
	f->info.schema = (int)schema;
	memcpy(f->info.team, teamhex, sizeof teamhex);
	if (get_uuid(&r, f->info.base) < 0 || get_uuid(&r, f->info.device) < 0 || zero_uuid(f->info.device) ||
	    get64(&r, &v64) < 0 || v64 > INT64_MAX || get16(&r, &namelen) < 0 || namelen > MAX_NAME ||
	    take(&r, namelen, &p) < 0) {
		damaged(err, "header");
		goto fail;
	}
	f->info.hlc = (long long)v64;
	_Static_assert(MAX_NAME < sizeof f->info.name, "a name must fit");
	memcpy(f->info.name, p, namelen);
	f->info.name[namelen] = '\0';
	if (memchr(f->info.name, '\0', namelen)) {
		damaged(err, "name");
		goto fail;
	}
	/* What the writer has. */
	if (get32(&r, &cnt) < 0 || cnt > MAX_DEVICES || take(&r, (size_t)cnt * 24, &p) < 0 ||
	    lup_vv_decode(p, (size_t)cnt * 24, &f->acks) < 0) {
		damaged(err, "acknowledgements");
		goto fail;
	}
	/* The ranges inside, checked against the entries below. */
	{
		uint32_t nr;
		const unsigned char *rp;
		long long total = 0;
		if (get32(&r, &nr) < 0 || nr > MAX_DEVICES || take(&r, (size_t)nr * 32, &rp) < 0) {
			damaged(err, "ranges");
			goto fail;
		}
		for (uint32_t i = 0; i < nr; i++) {
			uint64_t a = lup_get_u64(rp + i * 32 + 16), b = lup_get_u64(rp + i * 32 + 24);
			if (a < 1 || b < a || b > INT64_MAX) {
				damaged(err, "ranges");
				goto fail;
			}
			total += (long long)(b - a + 1);
		}
		if (get32(&r, &cnt) < 0 || (long long)cnt != total) {
			damaged(err, "ranges");
			goto fail;
		}
		f->info.origins = (int)nr;
		if (cnt > r.left / 48 || (cnt && !(f->e = calloc(cnt, sizeof *f->e)))) {
			damaged(err, "count");
			goto fail;
		}
		for (uint32_t i = 0; i < cnt; i++) {
			struct sync_entry *e = &f->e[i];
			uint64_t seq, hlc;
			uint32_t sch, fl, nd, ncs;
			const char *why = NULL;
			if (get_uuid(&r, e->device) < 0 || zero_uuid(e->device) || get64(&r, &seq) < 0 ||
			    get64(&r, &hlc) < 0 || get32(&r, &sch) < 0 || get32(&r, &fl) < 0 ||
			    get32(&r, &nd) < 0 || nd > MAX_DEVICES || take(&r, (size_t)nd * 24, &e->deps) < 0 ||
			    get32(&r, &ncs) < 0 || take(&r, ncs, &e->cs) < 0) {
				damaged(err, "entry");
				goto fail;
			}
			if (seq < 1 || seq > INT64_MAX || hlc > INT64_MAX || sch > schema || sch < LUP_SYNC_SCHEMA_MIN ||
			    (fl & ~(uint32_t)SYNC_F_ERASE)) {
				damaged(err, "entry");
				goto fail;
			}
			e->seq = (long long)seq;
			e->hlc = (long long)hlc;
			e->schema = (int)sch;
			e->flags = (int)fl;
			e->ndeps = (size_t)nd * 24;
			e->ncs = ncs;
			if (changeset_ok(e->cs, e->ncs, &why) < 0) {
				damaged(err, why);
				goto fail;
			}
			/* Each entry lies in one of the announced ranges. */
			{
				int in = 0;
				for (uint32_t k = 0; k < nr && !in; k++) {
					char d[37];
					lup_uuid_format(rp + k * 32, d);
					in = strcmp(d, e->device) == 0 && seq >= lup_get_u64(rp + k * 32 + 16) &&
					     seq <= lup_get_u64(rp + k * 32 + 24);
				}
				if (!in) {
					damaged(err, "ranges");
					goto fail;
				}
			}
			/* Sorted by device and number, each once. */
			if (i > 0) {
				int c = strcmp(f->e[i - 1].device, e->device);
				if (c > 0 || (c == 0 && f->e[i - 1].seq >= e->seq)) {
					damaged(err, "order");
					goto fail;
				}
			}
			f->n++;
		}
	}
	if (r.left != 0) {
		damaged(err, "trailing bytes");
		goto fail;
	}
	f->info.entries = (long)f->n;
	*out = f;
	return 0;
fail:
	lup_sync_file_free(f);
	return -1;
}

int lup_sync_file_read(const char *path, const lup_sync_key *key, lup_sync_file **out, lup_err *err)
{
	struct stat sb;
	unsigned char *buf;
	size_t got = 0;
	int fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return lup_err_set(err, LUP_EFAIL, _("cannot read %s: %s"), path, strerror(errno));
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return lup_err_set(err, LUP_EINVAL, _("%s is not a file"), path);
	}
	if ((size_t)sb.st_size > MAX_FILE) {
		close(fd);
		return lup_err_set(err, LUP_EINVAL, _("the file is larger than lup reads (1 GiB)"));
	}
	if (!(buf = malloc((size_t)sb.st_size + 1))) {
		close(fd);
		return lup_err_oom(err);
	}
	while (got < (size_t)sb.st_size) {
		ssize_t k = read(fd, buf + got, (size_t)sb.st_size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	rc = lup_sync_file_parse(buf, got, key, out, err);
	free(buf);
	return rc;
}

void lup_sync_file_info(const lup_sync_file *f, struct lup_sync_file_info *out)
{
	*out = f->info;
}

void lup_sync_file_free(lup_sync_file *f)
{
	if (!f)
		return;
	lup_vv_clear(&f->acks);
	free(f->e);
	free(f->buf);
	free(f);
}

/* ---- Applying ---- */

/* What the file says its writer has, and its name, for lup sync status. */
static int note_peer(lup_db *db, const lup_sync_file *f, lup_err *err)
{
	static const char sql[] =
		"INSERT INTO sync_peer (device, name, acks, heard_hlc) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT (device) DO UPDATE SET name = excluded.name, acks = excluded.acks, "
		"heard_hlc = excluded.heard_hlc WHERE excluded.heard_hlc >= sync_peer.heard_hlc";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	unsigned char *acks = NULL;
	size_t n = 0;
	int rc;
	if (!st)
		return -1;
	if (lup_vv_encode(&f->acks, NULL, &acks, &n) < 0) {
		lup_done(st);
		return lup_err_oom(err);
	}
	sqlite3_bind_text(st, 1, f->info.device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->info.name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 3, acks, (int)n, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, f->info.hlc);
	rc = sqlite3_step(st);
	lup_done(st);
	free(acks);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("writing the change log"));
}

/* A file must be of this database's lineage, and its changes fit the
 * tables here. */
static int fits(lup_db *db, const lup_sync_file *f, const char *self_device, const char *base,
                lup_err *err)
{
	const struct sync_meta *m = lup_sync_meta(db, err);
	if (!m)
		return -1;
	if (strcmp(f->info.base, base) != 0)
		return lup_err_set(err, LUP_EINVAL,
			_("the file comes from another database, not a copy of this one (lup merges only "
			  "copies of one database); nothing of it was used"));
	for (size_t i = 0; i < f->n; i++) {
		sqlite3_changeset_iter *it;
		if (strcmp(f->e[i].device, self_device) == 0)
			continue;   /* our own, known already (or a copy's past) */
		if (sqlite3changeset_start(&it, (int)f->e[i].ncs, (void *)f->e[i].cs) != SQLITE_OK)
			return damaged(err, "unreadable");
		while (sqlite3changeset_next(it) == SQLITE_ROW) {
			const char *tab;
			int ncol, op, ind, ti;
			sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
			ti = lup_sync_table_index(tab);
			if (ti < 0 || ncol > m->t[ti].ncol || (ncol < m->t[ti].ncol && f->e[i].schema >= lup_db_schema_version())) {
				sqlite3changeset_finalize(it);
				return lup_err_set(err, LUP_EINVAL,
					_("the file's changes do not fit this database's tables (%s); nothing of it "
					  "was used"), tab);
			}
		}
		{
			int frc = sqlite3changeset_finalize(it);
			if (frc != SQLITE_OK)
				return lup_cs_err(frc, err);
		}
	}
	return 0;
}

int lup_sync_apply(lup_db *db, const lup_sync_key *key, lup_sync_file *const *files, size_t n,
                   struct lup_sync_result *r, lup_err *err)
{
	struct lup_sync_self self;
	size_t total = 0;
	struct sync_entry *all = NULL;
	int rc = -1;

	if (check_team(db, key, err) < 0 || lup_sync_self_get(db, &self, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (fits(db, files[i], self.device, self.base, err) < 0)
			return -1;
		total += files[i]->n;
	}
	if (total && !(all = malloc(total * sizeof *all)))
		return lup_err_oom(err);
	total = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < files[i]->n; k++)
			all[total++] = files[i]->e[k];
	db->nocapture++;
	if (lup_db_begin(db, err) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (strcmp(files[i]->info.device, self.device) != 0 && note_peer(db, files[i], err) < 0)
			goto fail;
	if (lup_sync_take(db, all, total, r, err) < 0)
		goto fail;
	r->files += (long)n;
	if (lup_db_commit(db, err) < 0)
		goto out;
	if ((r->conflicts = lup_conflict_count(db, err)) < 0)
		goto out;
	rc = 0;
	goto out;
fail:
	lup_db_rollback(db);
out:
	db->nocapture--;
	free(all);
	return rc;
}

/* ---- The shared folder ---- */

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a > b && strcmp(s + a - b, suf) == 0;
}

/* The ranges a file in the folder holds, from its header (a hint: the
 * changes themselves are checked when read). */
static int header_ranges(const char *path, struct range **out, int *nout)
{
	unsigned char head[4096];
	struct rd r;
	const unsigned char *p;
	unsigned namelen, u;
	uint32_t x, nr;
	ssize_t got;
	int fd;

	*out = NULL;
	*nout = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	got = read(fd, head, sizeof head);
	if (got < 70) {
		close(fd);
		return -1;
	}
	r.p = head;
	r.left = (size_t)got;
	if (take(&r, 6, &p) < 0 || memcmp(p, MAGIC, 6) || get16(&r, &u) < 0 || get16(&r, &u) < 0 ||
	    get32(&r, &x) < 0 || take(&r, 8 + 16 + 16 + 8, &p) < 0 || get16(&r, &namelen) < 0 ||
	    take(&r, namelen, &p) < 0 || get32(&r, &x) < 0 || x > MAX_DEVICES) {
		close(fd);
		return -1;
	}
	/* The acknowledgements may run past the first block: skip them. */
	{
		off_t at = (off_t)(got - (ssize_t)r.left) + (off_t)x * 24;
		unsigned char cnt[4];
		if (pread(fd, cnt, 4, at) != 4 || (nr = lup_get_u32(cnt)) > MAX_DEVICES) {
			close(fd);
			return -1;
		}
		if (nr) {
			unsigned char *rb = malloc((size_t)nr * 32);
			struct range *v = calloc(nr, sizeof *v);
			if (!rb || !v || pread(fd, rb, (size_t)nr * 32, at + 4) != (ssize_t)nr * 32) {
				free(rb);
				free(v);
				close(fd);
				return -1;
			}
			for (uint32_t i = 0; i < nr; i++) {
				lup_uuid_format(rb + i * 32, v[i].device);
				v[i].first = (long long)lup_get_u64(rb + i * 32 + 16);
				v[i].last = (long long)lup_get_u64(rb + i * 32 + 24);
			}
			free(rb);
			*out = v;
			*nout = (int)nr;
		}
	}
	close(fd);
	return 0;
}

static int join(char *out, size_t n, const char *dir, const char *name)
{
	return snprintf(out, n, "%s/%s", dir, name) >= (int)n ? -1 : 0;
}

/* Has the folder got every change of ours past what it covers? */
struct cover {
	struct range *v;
	int n;
	size_t cap;
};

static int cover_add(struct cover *c, const struct range *r, int n)
{
	for (int i = 0; i < n; i++) {
		struct range *g = LUP_PUSH(c->v, c->n, c->cap);
		if (!g)
			return -1;
		*g = r[i];
	}
	return 0;
}

static int covered(const struct cover *c, const char *device, long long seq)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->v[i].device, device) == 0 && seq >= c->v[i].first && seq <= c->v[i].last)
			return 1;
	return 0;
}

static const char note_sql[] =
	"INSERT OR REPLACE INTO sync_file (name, size, mtime, ranges) VALUES (?1, ?2, ?3, NULL)";

/* A file of the folder this laptop wrote: noted as read, outside the log
 * (at worst it is read once more). */
static void note_read(lup_db *db, const char *path, const char *name)
{
	struct stat sb;
	sqlite3_stmt *st;
	db->nocapture++;
	if (stat(path, &sb) == 0 && lup_db_begin(db, NULL) == 0) {
		if ((st = lup_stmt(db, note_sql, NULL))) {
			sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 2, (long long)sb.st_size);
			sqlite3_bind_int64(st, 3, (long long)sb.st_mtime);
			sqlite3_step(st);
			lup_done(st);
		}
		lup_db_commit(db, NULL);
	}
	db->nocapture--;
}

int lup_sync_dir(lup_db *db, const lup_sync_key *key, const char *dir, struct lup_sync_result *r,
                 lup_sync_bad_cb bad, void *ud, lup_err *err)
{
	static const char seen_sql[] = "SELECT size, mtime FROM sync_file WHERE name = ?1";
	struct lup_sync_self self;
	lup_sync_file **files = NULL;
	struct cover cov = { 0 };
	char (*names)[256] = NULL;
	struct stat *stats = NULL;
	int nf = 0, capf = 0, rc = -1;
	DIR *d;
	struct dirent *de;
	char path[4096];

	memset(r, 0, sizeof *r);
	if (check_team(db, key, err) < 0 || lup_sync_self_get(db, &self, err) < 0)
		return -1;
	{
		/* Never the live database itself in a shared folder. */
		struct stat ds;
		char *real_dir, *real_db;
		if (stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode))
			return lup_err_set(err, LUP_ENOTFOUND, _("no folder %s"), dir);
		real_dir = realpath(dir, NULL);
		real_db = realpath(lup_db_path(db), NULL);
		size_t k = real_dir ? strlen(real_dir) : 0;
		int inside = real_dir && real_db && strncmp(real_db, real_dir, k) == 0 && real_db[k] == '/';
		free(real_dir);
		free(real_db);
		if (inside)
			return lup_err_set(err, LUP_EINVAL,
				_("the database itself is in %s: keep it out of the shared folder (lup shares "
				  "only change files, never the live database)"), dir);
	}
	if (!(d = opendir(dir)))
		return lup_err_set(err, LUP_EFAIL, _("cannot read the folder %s: %s"), dir, strerror(errno));
	while ((de = readdir(d))) {
		struct range *rg = NULL;
		int nrg = 0;
		struct stat sb;
		sqlite3_stmt *st;
		int known = 0;
		if (de->d_name[0] == '.' || strlen(de->d_name) >= 256 ||
		    (!has_suffix(de->d_name, LUP_SYNC_EXT) && !has_suffix(de->d_name, LUP_SYNC_STATUS_EXT)))
			continue;
		if (join(path, sizeof path, dir, de->d_name) < 0 || stat(path, &sb) < 0 || !S_ISREG(sb.st_mode))
			continue;
		if (has_suffix(de->d_name, LUP_SYNC_EXT) && header_ranges(path, &rg, &nrg) == 0) {
			if (cover_add(&cov, rg, nrg) < 0) {
				free(rg);
				closedir(d);
				goto oom;
			}
			free(rg);
		}
		/* Read each file once, and again only when it changed. */
		if ((st = lup_stmt(db, seen_sql, err))) {
			sqlite3_bind_text(st, 1, de->d_name, -1, SQLITE_TRANSIENT);
			known = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == (long long)sb.st_size &&
			        sqlite3_column_int64(st, 1) == (long long)sb.st_mtime;
			lup_done(st);
		}
		if (known)
			continue;
		if (nf == capf) {
			void *a = realloc(names, (size_t)(capf ? capf * 2 : 16) * sizeof *names);
			void *b = a ? realloc(stats, (size_t)(capf ? capf * 2 : 16) * sizeof *stats) : NULL;
			if (a)
				names = a;
			if (b)
				stats = b;
			if (!a || !b) {
				closedir(d);
				goto oom;
			}
			capf = capf ? capf * 2 : 16;
		}
		snprintf(names[nf], sizeof names[nf], "%s", de->d_name);
		stats[nf++] = sb;
	}
	closedir(d);
	if (nf && !(files = calloc((size_t)nf, sizeof *files)))
		goto oom;
	for (int i = 0; i < nf; i++) {
		lup_err e;
		lup_err_clear(&e);
		join(path, sizeof path, dir, names[i]);
		if (lup_sync_file_read(path, key, &files[i], &e) < 0 ||
		    fits(db, files[i], self.device, self.base, &e) < 0) {
			lup_sync_file_free(files[i]);
			files[i] = NULL;
			r->refused++;
			if (bad)
				bad(ud, path, e.msg);
		}
	}
	/* Apply what came (one transaction), note the files read. */
	{
		lup_sync_file **ok = calloc((size_t)nf + 1, sizeof *ok);
		size_t nok = 0;
		struct lup_sync_result ar;
		memset(&ar, 0, sizeof ar);
		if (!ok)
			goto oom;
		for (int i = 0; i < nf; i++)
			if (files[i])
				ok[nok++] = files[i];
		if (lup_sync_apply(db, key, ok, nok, &ar, err) < 0) {
			free(ok);
			goto out;
		}
		free(ok);
		r->files = ar.files;
		r->entries = ar.entries;
		r->added = ar.added;
		r->applied = ar.applied;
		r->replayed = ar.replayed;
		r->held = ar.held;
		db->nocapture++;
		if (lup_db_begin(db, err) < 0) {
			db->nocapture--;
			goto out;
		}
		for (int i = 0; i < nf; i++) {
			sqlite3_stmt *st;
			if (!files[i] || !(st = lup_stmt(db, note_sql, err)))
				continue;
			sqlite3_bind_text(st, 1, names[i], -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 2, (long long)stats[i].st_size);
			sqlite3_bind_int64(st, 3, (long long)stats[i].st_mtime);
			sqlite3_step(st);
			lup_done(st);
		}
		rc = lup_db_commit(db, err);
		db->nocapture--;
		if (rc < 0)
			goto out;
		rc = -1;
	}
	/* Leave what the folder lacks of this laptop's log, then its status. */
	{
		static const char log_sql[] = "SELECT device, seq FROM sync_log ORDER BY device, seq";
		struct sync_vv want = { 0 };
		sqlite3_stmt *st;
		lup_buf b = { 0 };
		long n = 0;
		int need = 0;
		char name[128];

		/* want: per device, the number before the first change the
		 * folder lacks (or its last, when it lacks none): everything
		 * past it goes into the file, since a change twice in a folder
		 * does no harm. */
		if (sqlite3_prepare_v2(db->h, log_sql, -1, &st, NULL) != SQLITE_OK) {
			lup_sqlerr(db, err, _("reading the change log"));
			goto out;
		}
		{
			char cur[37] = "";
			long long first = 0, last = 0;
			int more = 1;
			while (more) {
				const char *dv = NULL;
				long long seq = 0;
				if (sqlite3_step(st) == SQLITE_ROW) {
					dv = (const char *)sqlite3_column_text(st, 0);
					seq = sqlite3_column_int64(st, 1);
				} else {
					more = 0;
				}
				if (cur[0] && (!dv || strcmp(dv, cur) != 0)) {
					if (lup_vv_set(&want, cur, first ? first - 1 : last) < 0) {
						sqlite3_finalize(st);
						goto oom;
					}
					need |= first != 0;
					first = 0;
				}
				if (!dv)
					break;
				snprintf(cur, sizeof cur, "%s", dv);
				last = seq;
				if (!first && !covered(&cov, dv, seq))
					first = seq;
			}
		}
		sqlite3_finalize(st);
		if (need) {
			struct lup_sync_self now;
			if (lup_sync_self_get(db, &now, err) < 0 ||
			    build(db, key, &want, 0, 1, &b, &n, NULL, NULL, err) < 0) {
				lup_vv_clear(&want);
				lup_buf_clear(&b);
				goto out;
			}
			unsigned char rnd[4];
			char rhex[9];
			/* Names never meet: the device, its clock, and chance. */
			if (lup_random(rnd, sizeof rnd) < 0)
				memset(rnd, 0, sizeof rnd);
			lup_hex(rnd, sizeof rnd, rhex);
			snprintf(name, sizeof name, "lup-%.8s-%016llx-%s%s", now.device,
			         (unsigned long long)now.hlc, rhex, LUP_SYNC_EXT);
			if (n > 0) {
				join(path, sizeof path, dir, name);
				if (write_file(path, &b, err) < 0) {
					lup_vv_clear(&want);
					lup_buf_clear(&b);
					goto out;
				}
				r->written = n;
				snprintf(r->wrote, sizeof r->wrote, "%s", path);
			}
		}
		lup_vv_clear(&want);
		lup_buf_clear(&b);
		/* The status: what this laptop has now. */
		if (build(db, key, NULL, 0, 0, &b, &n, NULL, NULL, err) < 0)
			goto out;
		snprintf(name, sizeof name, "%s%s", self.device, LUP_SYNC_STATUS_EXT);
		join(path, sizeof path, dir, name);
		if (write_file(path, &b, err) < 0) {
			lup_buf_clear(&b);
			goto out;
		}
		lup_buf_clear(&b);
		/* Our own files need not be read back. */
		if (r->wrote[0])
			note_read(db, r->wrote, strrchr(r->wrote, '/') + 1);
		note_read(db, path, name);
	}
	r->conflicts = lup_conflict_count(db, err);
	rc = r->conflicts < 0 ? -1 : 0;
	goto out;
oom:
	lup_err_oom(err);
out:
	for (int i = 0; i < nf && files; i++)
		lup_sync_file_free(files[i]);
	free(files);
	free(names);
	free(stats);
	free(cov.v);
	return rc;
}
