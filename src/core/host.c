/* host.c — host organisations in the transnational network: validation,
 * storage, the keyset-paged network list and a host's figures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/shadow_int.h"
#include "lup/country.h"
#include "lup/ref.h"
#include "lup/shadowing.h"

static const char *const type_keys[LUP_HT_COUNT] = {
	"municipality", "region", "agency", "company", "ngo", "other"
};

const char *lup_host_type_key(enum lup_host_type t)
{
	return (unsigned)t < LUP_HT_COUNT ? type_keys[t] : "other";
}

const char *lup_host_type_label(enum lup_host_type t)
{
	/* In context: "other" is "annan" for an organisation, not "annat". */
	switch (t) {
	case LUP_HT_MUNICIPALITY: return C_("host type", "municipality");
	case LUP_HT_REGION: return C_("host type", "region");
	case LUP_HT_AGENCY: return C_("host type", "government agency");
	case LUP_HT_COMPANY: return C_("host type", "company");
	case LUP_HT_NGO: return C_("host type", "NGO");
	default: return C_("host type", "other");
	}
}

int lup_host_type_parse(const char *key)
{
	for (int i = 0; key && i < LUP_HT_COUNT; i++)
		if (strcasecmp(key, type_keys[i]) == 0)
			return i;
	return -1;
}

void lup_host_init(struct lup_host *h)
{
	memset(h, 0, sizeof *h);
	h->capacity = -1;
}

void lup_host_clear(struct lup_host *h)
{
	free(h->name); free(h->country); free(h->city); free(h->networks); free(h->forum);
	free(h->contact_name); free(h->contact_email); free(h->contact_phone);
	free(h->languages); free(h->themes); free(h->agreement_type);
	free(h->agreement_start); free(h->agreement_end); free(h->notes);
	lup_host_init(h);
}

static const char sql_get[] =
	"SELECT id, name, type, country, city, networks, forum, contact_name, contact_email, "
	"contact_phone, languages, themes, capacity, agreement_type, agreement_start, "
	"agreement_end, lat, lon, notes, created_at, updated_at FROM host_org WHERE id = ?1";

static void read_host(sqlite3_stmt *st, void *row)
{
	struct lup_host *h = row;
	lup_col_copy(st, 0, h->id, sizeof h->id);
	h->name = lup_col_dup(st, 1);
	lup_col_copy(st, 2, h->type, sizeof h->type);
	h->country = lup_col_dup(st, 3);
	h->city = lup_col_dup(st, 4);
	h->networks = lup_col_dup(st, 5);
	h->forum = lup_col_dup(st, 6);
	h->contact_name = lup_col_dup(st, 7);
	h->contact_email = lup_col_dup(st, 8);
	h->contact_phone = lup_col_dup(st, 9);
	h->languages = lup_col_dup(st, 10);
	h->themes = lup_col_dup(st, 11);
	h->capacity = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 12);
	h->agreement_type = lup_col_dup(st, 13);
	h->agreement_start = lup_col_dup(st, 14);
	h->agreement_end = lup_col_dup(st, 15);
	h->has_coords = sqlite3_column_type(st, 16) != SQLITE_NULL;
	h->lat = sqlite3_column_double(st, 16);
	h->lon = sqlite3_column_double(st, 17);
	h->notes = lup_col_dup(st, 18);
	lup_col_copy(st, 19, h->created_at, sizeof h->created_at);
	lup_col_copy(st, 20, h->updated_at, sizeof h->updated_at);
}

int lup_host_get(lup_db *db, const char *id, struct lup_host *h, lup_err *err)
{
	if (lup_get_row(db, lup_stmt(db, sql_get, err), id, h, sizeof *h, read_host,
	                _("reading a host organisation"), _("no such host organisation"), err) < 0) {
		lup_host_init(h);   /* as a new one: capacity -1 */
		return -1;
	}
	return 0;
}

int lup_host_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	if (lup_blank(ref))
		return lup_err_set(err, LUP_EINVAL, _("no host organisation given"));
	return lup_ref_find(db, LUP_REF_HOST, ref, id, err);
}

/* A text field of at most max characters; msg says so. */
static int check_len(const char *s, size_t max, const char *field, const char *msg, lup_err *err)
{
	if (s && lup_sh_chars(s) > max)
		return lup_err_field(err, field, "%s", msg);
	return 0;
}

static int validate(struct lup_host *h, lup_err *err)
{
	char **texts[] = { &h->name, &h->country, &h->city, &h->networks, &h->forum,
	                   &h->contact_name, &h->contact_email, &h->contact_phone,
	                   &h->languages, &h->themes, &h->agreement_type,
	                   &h->agreement_start, &h->agreement_end, &h->notes };
	lup_date today = lup_date_today();
	const char *code;
	int t;

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		lup_tidy(texts[i]);
	if (!h->name)
		return lup_err_field(err, "name", _("a name is required"));
	if (check_len(h->name, 200, "name", _("the name is longer than 200 characters"), err) < 0)
		return -1;
	if (!h->type[0])
		snprintf(h->type, sizeof h->type, "other");
	if ((t = lup_host_type_parse(h->type)) < 0)
		return lup_err_field(err, "type",
			_("'%s' is not a type: municipality, region, agency, company, ngo or other"), h->type);
	snprintf(h->type, sizeof h->type, "%s", type_keys[t]);
	if (!h->country)
		return lup_err_field(err, "country", _("a country is required"));
	if (!(code = lup_country_lookup(h->country)))
		return lup_err_field(err, "country",
			_("'%s' is not a country: give its two-letter code or its name"), h->country);
	free(h->country);
	if (!(h->country = strdup(code)))
		return lup_err_oom(err);
	if (check_len(h->city, 100, "city", _("the city is longer than 100 characters"), err) < 0)
		return -1;
	if (h->networks && lup_networks_validate(h->networks, err) < 0)
		return -1;
	if (check_len(h->forum, 200, "forum",
	              _("the forum or working group is longer than 200 characters"), err) < 0 ||
	    check_len(h->contact_name, 200, "contact_name",
	              _("the contact's name is longer than 200 characters"), err) < 0)
		return -1;
	if (h->contact_email && !lup_email_valid(h->contact_email))
		return lup_err_field(err, "contact_email", _("'%s' is not an e-mail address"),
		                     h->contact_email);
	if (check_len(h->contact_email, 254, "contact_email",
	              _("the e-mail address is longer than 254 characters"), err) < 0 ||
	    check_len(h->contact_phone, 40, "contact_phone",
	              _("the phone number is longer than 40 characters"), err) < 0 ||
	    check_len(h->languages, 200, "languages",
	              _("the languages are longer than 200 characters"), err) < 0 ||
	    check_len(h->themes, 1000, "themes",
	              _("the themes are longer than 1000 characters"), err) < 0)
		return -1;
	if (h->capacity < -1 || h->capacity > 10000)
		return lup_err_field(err, "capacity",
			_("the yearly capacity must be between 0 and 10000 placements, or empty"));
	if (check_len(h->agreement_type, 200, "agreement_type",
	              _("the agreement type is longer than 200 characters"), err) < 0)
		return -1;
	if (h->agreement_start && lup_sh_date(&h->agreement_start, today) < 0)
		return lup_err_field(err, "agreement_start", _("'%s' is not a date (YYYY-MM-DD)"),
		                     h->agreement_start);
	if (h->agreement_end && lup_sh_date(&h->agreement_end, today) < 0)
		return lup_err_field(err, "agreement_end", _("'%s' is not a date (YYYY-MM-DD)"),
		                     h->agreement_end);
	if (h->agreement_start && h->agreement_end && strcmp(h->agreement_end, h->agreement_start) < 0)
		return lup_err_field(err, "agreement_end",
			_("the agreement ends (%s) before it starts (%s)"), h->agreement_end, h->agreement_start);
	if (h->has_coords && (!(h->lat >= -90 && h->lat <= 90) || !(h->lon >= -180 && h->lon <= 180)))
		return lup_err_field(err, "coords",
			_("coordinates must be a latitude from -90 to 90 and a longitude from -180 to 180"));
	return check_len(h->notes, 10000, "notes", _("the notes are longer than 10000 characters"), err);
}

/* The folded text the list's filter searches. */
static char *search_text(const struct lup_host *h)
{
	lup_buf all = { 0 };
	char nets[1024];
	char *out;

	lup_networks_text(h->networks, 1, nets, sizeof nets);
	lup_buf_printf(&all, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", h->name ? h->name : "",
	               h->city ? h->city : "", h->country ? h->country : "",
	               lup_country_name_in(h->country, 0),
	               lup_country_name_in(h->country, 1), nets, h->forum ? h->forum : "",
	               h->themes ? h->themes : "");
	out = lup_fold(all.s ? all.s : "");
	lup_buf_clear(&all);
	return out;
}

static const char sql_insert[] =
	"INSERT INTO host_org (id, name, type, country, city, networks, forum, contact_name, "
	"contact_email, contact_phone, languages, themes, capacity, agreement_type, "
	"agreement_start, agreement_end, lat, lon, notes, search, sort_name, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	"?19, ?20, ?21, ?22, ?22)";
static const char sql_update[] =
	"UPDATE host_org SET name = ?2, type = ?3, country = ?4, city = ?5, networks = ?6, "
	"forum = ?7, contact_name = ?8, contact_email = ?9, contact_phone = ?10, languages = ?11, "
	"themes = ?12, capacity = ?13, agreement_type = ?14, agreement_start = ?15, "
	"agreement_end = ?16, lat = ?17, lon = ?18, notes = ?19, search = ?20, sort_name = ?21, "
	"updated_at = ?22 WHERE id = ?1";

int lup_host_save(lup_db *db, struct lup_host *h, lup_err *err)
{
	int insert = h->id[0] == '\0';
	char now[21];
	char *search = NULL, *key = NULL, *nets = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!insert) {
		struct lup_host old;
		if (lup_host_get(db, h->id, &old, err) < 0)
			goto out;
		lup_host_clear(&old);
	}
	if (validate(h, err) < 0)
		goto out;
	/* The canonical form of the networks. */
	{
		struct lup_network list[LUP_NETWORKS_MAX];
		int n = lup_networks_parse(h->networks, list, LUP_NETWORKS_MAX, err);
		if (n < 0)
			goto out;
		if (!(nets = lup_networks_json(list, n))) {
			lup_err_oom(err);
			goto out;
		}
		free(h->networks);
		h->networks = nets;
	}
	if (insert)
		lup_uuid(h->id);
	lup_now_utc(now);
	search = search_text(h);
	key = lup_sortkey(h->name);
	if (!search || !key) {
		lup_err_oom(err);
		goto out;
	}
	if (!(st = lup_stmt(db, insert ? sql_insert : sql_update, err)))
		goto out;
	sqlite3_bind_text(st, 1, h->id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, h->name);
	sqlite3_bind_text(st, 3, h->type, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, h->country);
	lup_bind_text(st, 5, h->city);
	sqlite3_bind_text(st, 6, h->networks, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 7, h->forum);
	lup_bind_text(st, 8, h->contact_name);
	lup_bind_text(st, 9, h->contact_email);
	lup_bind_text(st, 10, h->contact_phone);
	lup_bind_text(st, 11, h->languages);
	lup_bind_text(st, 12, h->themes);
	if (h->capacity >= 0)
		sqlite3_bind_int(st, 13, h->capacity);
	lup_bind_text(st, 14, h->agreement_type);
	lup_bind_text(st, 15, h->agreement_start);
	lup_bind_text(st, 16, h->agreement_end);
	if (h->has_coords) {
		sqlite3_bind_double(st, 17, h->lat);
		sqlite3_bind_double(st, 18, h->lon);
	}
	lup_bind_text(st, 19, h->notes);
	sqlite3_bind_text(st, 20, search, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 21, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 22, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving a host organisation"), err) < 0)
		goto out;
	if (insert)
		memcpy(h->created_at, now, sizeof now);
	memcpy(h->updated_at, now, sizeof now);
	rc = lup_db_commit(db, err);
out:
	if (rc < 0) {
		lup_db_rollback(db);
		if (insert)
			h->id[0] = '\0';
	}
	free(search);
	free(key);
	return rc;
}

/* A host's search text and sort key, worked out again from its row and
 * written when they differ: 1 written, 0 already right, -1 failed. */
int lup_p_host_derive(lup_db *db, const char *id, lup_err *err)
{
	static const char sql_have[] = "SELECT search, sort_name FROM host_org WHERE id = ?1";
	static const char sql_set[] = "UPDATE host_org SET search = ?2, sort_name = ?3 WHERE id = ?1";
	struct lup_host h;
	char *search, *key;
	sqlite3_stmt *st;
	int rc, same = 0;

	if (lup_host_get(db, id, &h, err) < 0)
		return err && err->code == LUP_ENOTFOUND ? 0 : -1;
	search = search_text(&h);
	key = lup_sortkey(h.name ? h.name : "");
	lup_host_clear(&h);
	if (!search || !key) {
		free(search);
		free(key);
		return lup_err_oom(err);
	}
	if ((st = lup_stmt(db, sql_have, err))) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			same = strcmp((const char *)sqlite3_column_text(st, 0), search) == 0 &&
			       strcmp((const char *)sqlite3_column_text(st, 1), key) == 0;
		lup_done(st);
	}
	if (same || !st || !(st = lup_stmt(db, sql_set, err))) {
		free(search);
		free(key);
		return st ? 0 : -1;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, search, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	lup_done(st);
	free(search);
	free(key);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("saving a host organisation"));
	return 1;
}

/* ---- Saving an edit over what is stored now ---- */

static void host_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_host *h = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The host organisation %s was deleted in another window since you opened the form"),
	            h->name ? h->name : "");
}

static const char *type_word(const char *key)
{
	int t = lup_host_type_parse(key);
	return t < 0 ? key : lup_host_type_label((enum lup_host_type)t);
}

static void show_networks(const char *json, char *buf, size_t n)
{
	lup_networks_text(json, 1, buf, n);
}

/* The networks in their canonical form, so that the same list written
 * two ways compares equal. */
static char *networks_text(const void *row, int *oom)
{
	const struct lup_host *h = row;
	struct lup_network list[LUP_NETWORKS_MAX];
	int n = lup_networks_parse(h->networks, list, LUP_NETWORKS_MAX, NULL);
	char *json;
	if (n < 0)
		return (*oom = !(json = strdup(h->networks))) ? NULL : json;
	if (n == 0)
		return NULL;
	*oom = !(json = lup_networks_json(list, n));
	return json;
}

static int networks_copy(void *dst, const void *src)
{
	struct lup_host *d = dst;
	const struct lup_host *s = src;
	char *v = lup_strdup(s->networks);
	if (s->networks && !v)
		return -1;
	free(d->networks);
	d->networks = v;
	return 0;
}

static char *capacity_text(const void *row, int *oom)
{
	const struct lup_host *h = row;
	char buf[16], *v;
	if (h->capacity < 0)
		return NULL;
	snprintf(buf, sizeof buf, "%d", h->capacity);
	*oom = !(v = strdup(buf));
	return v;
}

static int capacity_copy(void *dst, const void *src)
{
	((struct lup_host *)dst)->capacity = ((const struct lup_host *)src)->capacity;
	return 0;
}

/* Coordinates compare as the form shows them. */
static char *coords_text(const void *row, int *oom)
{
	const struct lup_host *h = row;
	char buf[64], *v;
	if (!h->has_coords)
		return NULL;
	lup_coords_format(h->lat, h->lon, buf, sizeof buf);
	*oom = !(v = strdup(buf));
	return v;
}

static int coords_copy(void *dst, const void *src)
{
	struct lup_host *d = dst;
	const struct lup_host *s = src;
	d->has_coords = s->has_coords;
	d->lat = s->lat;
	d->lon = s->lon;
	return 0;
}

static const struct lup_col host_cols[] = {
	{ LUP_COL(struct lup_host, name, STR, "name", N_("Name")) },
	{ LUP_COL(struct lup_host, type, BUF, "type", N_("Type")), .label_of = type_word },
	{ LUP_COL(struct lup_host, country, STR, "country", N_("Country")), .label_of = lup_country_name },
	{ LUP_COL(struct lup_host, city, STR, "city", N_("City")) },
	{ LUP_COL(struct lup_host, networks, FN, "networks", N_("Networks")), .show = show_networks,
	  .text = networks_text, .copy = networks_copy },
	{ LUP_COL(struct lup_host, forum, STR, "forum", N_("Forum or working group")) },
	{ LUP_COL(struct lup_host, contact_name, STR, "contact_name", N_("Contact person")) },
	{ LUP_COL(struct lup_host, contact_email, STR, "contact_email", N_("E-mail")) },
	{ LUP_COL(struct lup_host, contact_phone, STR, "contact_phone", N_("Phone")) },
	{ LUP_COL(struct lup_host, languages, STR, "languages", N_("Languages")) },
	{ LUP_COL(struct lup_host, themes, STR, "themes", N_("Themes")) },
	{ LUP_COL(struct lup_host, capacity, FN, "capacity", N_("Placements a year")),
	  .text = capacity_text, .copy = capacity_copy },
	{ LUP_COL(struct lup_host, agreement_type, STR, "agreement_type", N_("Agreement")) },
	{ LUP_COL(struct lup_host, agreement_start, STR, "agreement_start", N_("Agreement from")) },
	{ LUP_COL(struct lup_host, agreement_end, STR, "agreement_end", N_("Agreement until")) },
	{ LUP_COL(struct lup_host, lat, FN, "coords", N_("Coordinates")),
	  .text = coords_text, .copy = coords_copy },
	{ LUP_COL(struct lup_host, notes, STR, "notes", N_("Notes")) },
};

LUP_TABLE(host_table, struct lup_host, host_cols, lup_host_get, lup_host_clear, host_gone);

int lup_host_update(lup_db *db, const struct lup_host *seen, struct lup_host *h,
                    struct lup_merge_report *mr, lup_err *err)
{
	return LUP_MERGE_SAVE(db, &host_table, h->id, seen, h, mr, err,
	                      lup_host_save(db, h, err));
}

int lup_host_reindex(lup_db *db, lup_err *err)
{
	static const char sql_next[] = "SELECT id FROM host_org WHERE id > ?1 ORDER BY id LIMIT 1";
	char id[LUP_UUID_LEN + 1] = "";
	int n = 0;

	if (lup_db_begin(db, err) < 0)
		return -1;
	for (;;) {
		sqlite3_stmt *st = lup_stmt(db, sql_next, err);
		int rc;

		if (!st)
			goto fail;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			lup_col_copy(st, 0, id, sizeof id);
		lup_done(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			lup_sqlerr(db, err, _("saving a host organisation"));
			goto fail;
		}
		if (lup_p_host_derive(db, id, err) < 0)
			goto fail;
		n++;
	}
	if (lup_db_commit(db, err) < 0)
		return -1;
	return n;
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_host_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char sql_count[] = "SELECT count(*) FROM placement WHERE host_id = ?1";
	static const char sql[] = "DELETE FROM host_org WHERE id = ?1";
	static const char sql_keep[] =
		"UPDATE session SET host_name = (SELECT name FROM host_org WHERE id = ?1), host_id = NULL, "
		"sequence = sequence + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE host_id = ?1";
	sqlite3_stmt *st;
	long n;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql_count, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		lup_sqlerr(db, err, _("deleting a host organisation"));
		goto fail;
	}
	n = sqlite3_column_int64(st, 0);
	lup_done(st);
	if (n > 0) {
		lup_sh_conflict(err, NULL,
			_("the host organisation has placements (%ld): delete them first, or keep the host"), n);
		goto fail;
	}
	/* Its study visits keep its name as text (they still happened
	 * there), then it goes. */
	for (int i = 0; i < 2; i++) {
		if (!(st = lup_stmt(db, i == 0 ? sql_keep : sql, err)))
			goto fail;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("deleting a host organisation"), err) < 0)
			goto fail;
	}
	return lup_commit_found(db, _("no such host organisation"), err);
fail:
	lup_db_rollback(db);
	return -1;
}

/* ---- The network list ---- */

/* A host's placements per status, and those of the year (?6–?7) not
 * cancelled, in one pass over its placements: "p,a,c,d,x,y". */
#define PCOUNTS "(SELECT printf('%d,%d,%d,%d,%d,%d', sum(p.status = 'proposed'), " \
	"sum(p.status = 'agreed'), sum(p.status = 'confirmed'), sum(p.status = 'completed'), " \
	"sum(p.status = 'cancelled'), sum(p.status <> 'cancelled' AND p.start_date BETWEEN ?6 AND ?7)) " \
	"FROM placement p WHERE p.host_id = h.id)"
#define HCOLS "h.id, h.name, coalesce(h.city, ''), h.type, h.country, h.networks, " \
	"coalesce(h.capacity, -1), h.lat, h.lon, " PCOUNTS ", "
/* ?3 folded filter, ?8 country code, ?9 network name */
#define HFILT "(?3 = '' OR instr(h.search, ?3) > 0) AND (?8 = '' OR h.country = ?8) " \
	"AND (?9 = '' OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(h.networks) " \
	"THEN h.networks ELSE '[]' END) j WHERE lower(json_extract(j.value, '$.network')) = lower(?9)))"

static const char *const host_page_sql[LUP_HSORT_COUNT][2][2] = {
	[LUP_HSORT_NAME] = {
		{ "SELECT " HCOLS "h.sort_name, '' FROM host_org h WHERE " HFILT
		  " ORDER BY h.sort_name, h.id LIMIT ?4",
		  "SELECT " HCOLS "h.sort_name, '' FROM host_org h WHERE " HFILT
		  " AND (h.sort_name, h.id) > (?1, ?5) ORDER BY h.sort_name, h.id LIMIT ?4" },
		{ "SELECT " HCOLS "h.sort_name, '' FROM host_org h WHERE " HFILT
		  " ORDER BY h.sort_name DESC, h.id DESC LIMIT ?4",
		  "SELECT " HCOLS "h.sort_name, '' FROM host_org h WHERE " HFILT
		  " AND (h.sort_name, h.id) < (?1, ?5) ORDER BY h.sort_name DESC, h.id DESC LIMIT ?4" } },
	[LUP_HSORT_COUNTRY] = {
		{ "SELECT " HCOLS "h.country, h.sort_name FROM host_org h WHERE " HFILT
		  " ORDER BY h.country, h.sort_name, h.id LIMIT ?4",
		  "SELECT " HCOLS "h.country, h.sort_name FROM host_org h WHERE " HFILT
		  " AND (h.country, h.sort_name, h.id) > (?1, ?2, ?5) "
		  "ORDER BY h.country, h.sort_name, h.id LIMIT ?4" },
		{ "SELECT " HCOLS "h.country, h.sort_name FROM host_org h WHERE " HFILT
		  " ORDER BY h.country DESC, h.sort_name DESC, h.id DESC LIMIT ?4",
		  "SELECT " HCOLS "h.country, h.sort_name FROM host_org h WHERE " HFILT
		  " AND (h.country, h.sort_name, h.id) < (?1, ?2, ?5) "
		  "ORDER BY h.country DESC, h.sort_name DESC, h.id DESC LIMIT ?4" } },
};

/* With a text filter, "by name" ranks how well the name matches it first
 * (lup_match), as the people list does: the rank is the second key. */
#define HRANK "lup_match(h.name, ?3)"
static const char *const ranked_page_sql[2][2] = {
	{ "SELECT " HCOLS "h.sort_name, " HRANK " FROM host_org h WHERE " HFILT
	  " ORDER BY " HRANK ", h.sort_name, h.id LIMIT ?4",
	  "SELECT " HCOLS "h.sort_name, " HRANK " FROM host_org h WHERE " HFILT
	  " AND (" HRANK ", h.sort_name, h.id) > (CAST(?2 AS INTEGER), ?1, ?5) "
	  "ORDER BY " HRANK ", h.sort_name, h.id LIMIT ?4" },
	{ "SELECT " HCOLS "h.sort_name, " HRANK " FROM host_org h WHERE " HFILT
	  " ORDER BY " HRANK " DESC, h.sort_name DESC, h.id DESC LIMIT ?4",
	  "SELECT " HCOLS "h.sort_name, " HRANK " FROM host_org h WHERE " HFILT
	  " AND (" HRANK ", h.sort_name, h.id) < (CAST(?2 AS INTEGER), ?1, ?5) "
	  "ORDER BY " HRANK " DESC, h.sort_name DESC, h.id DESC LIMIT ?4" },
};
static const char ranked_position_sql[] =
	"SELECT count(*) FROM host_org h WHERE " HFILT
	" AND (" HRANK ", h.sort_name, h.id) < (CAST(?2 AS INTEGER), ?1, ?5)";
static const char ranked_row_sql[] =
	"SELECT " HCOLS "h.sort_name, " HRANK " FROM host_org h WHERE h.id = ?1";

/* Is the list ranked by the match (by name, with a text filter)? */
static int ranked(const struct lup_host_query *q, enum lup_host_sort sort)
{
	return sort == LUP_HSORT_NAME && q && !lup_blank(q->filter);
}

static const char *const host_position_sql[LUP_HSORT_COUNT] = {
	[LUP_HSORT_NAME] = "SELECT count(*) FROM host_org h WHERE " HFILT
	                   " AND (h.sort_name, h.id) < (?1, ?5)",
	[LUP_HSORT_COUNTRY] = "SELECT count(*) FROM host_org h WHERE " HFILT
	                      " AND (h.country, h.sort_name, h.id) < (?1, ?2, ?5)",
};

static void read_counts(const char *text, int by_status[LUP_PS_COUNT], int *year_count)
{
	int v[LUP_PS_COUNT + 1] = { 0 };
	const char *p = text ? text : "";
	for (int i = 0; i <= LUP_PS_COUNT && *p; i++) {
		v[i] = atoi(p);
		p += strcspn(p, ",");
		if (*p == ',')
			p++;
	}
	for (int i = 0; i < LUP_PS_COUNT; i++)
		by_status[i] = v[i];
	*year_count = v[LUP_PS_COUNT];
}

static int query_year(int year)
{
	return year > 0 ? year : lup_date_today().y;
}

/* Bind the filters every host query shares: ?3, ?6, ?7, ?8, ?9. */
static int bind_host_query(sqlite3_stmt *st, const struct lup_host_query *q, lup_err *err)
{
	char lo[11], hi[11];
	char *filter = lup_fold(q && q->filter ? q->filter : "");
	const char *code = "";

	if (!filter)
		return lup_err_oom(err);
	lup_trim(filter);
	sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
	free(filter);
	lup_sh_year_bounds(query_year(q ? q->year : 0), lo, hi);
	sqlite3_bind_text(st, 6, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, hi, -1, SQLITE_TRANSIENT);
	if (q && !lup_blank(q->country)) {
		code = lup_country_lookup(q->country);
		if (!code)
			code = "?";  /* an unknown country matches nothing */
	}
	sqlite3_bind_text(st, 8, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, q && q->network ? q->network : "", -1, SQLITE_TRANSIENT);
	return 0;
}

static void bind_host_from(sqlite3_stmt *st, const struct lup_host_row *from)
{
	sqlite3_bind_text(st, 1, from->key1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, from->key2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, from->id, -1, SQLITE_TRANSIENT);
}

static void read_host_row(sqlite3_stmt *st, void *row)
{
	struct lup_host_row *r = row;
	memset(r, 0, sizeof *r);
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_cut(st, 1, r->name, sizeof r->name);
	lup_col_cut(st, 2, r->city, sizeof r->city);
	lup_col_copy(st, 3, r->type, sizeof r->type);
	lup_col_copy(st, 4, r->country, sizeof r->country);
	lup_networks_text((const char *)sqlite3_column_text(st, 5), 0,
	                  r->networks, sizeof r->networks);
	r->capacity = sqlite3_column_int(st, 6);
	r->has_coords = sqlite3_column_type(st, 7) != SQLITE_NULL;
	r->lat = sqlite3_column_double(st, 7);
	r->lon = sqlite3_column_double(st, 8);
	read_counts((const char *)sqlite3_column_text(st, 9), r->by_status, &r->year_count);
	r->left = r->capacity >= 0 ? r->capacity - r->year_count : 0;
	lup_col_copy(st, 10, r->key1, sizeof r->key1);
	lup_col_copy(st, 11, r->key2, sizeof r->key2);
}

int lup_host_page(lup_db *db, const struct lup_host_query *q,
                  const struct lup_host_row *from, int dir, int limit,
                  struct lup_host_row *rows, lup_err *err)
{
	enum lup_host_sort sort = q && (unsigned)q->sort < LUP_HSORT_COUNT ? q->sort : LUP_HSORT_NAME;
	int back = dir < 0;
	sqlite3_stmt *st;

	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, ranked(q, sort) ? ranked_page_sql[back][from != NULL]
	                                        : host_page_sql[sort][back][from != NULL], err)))
		return -1;
	if (bind_host_query(st, q, err) < 0) {
		lup_done(st);
		return -1;
	}
	sqlite3_bind_int(st, 4, limit);
	if (from)
		bind_host_from(st, from);
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, read_host_row,
	                     _("listing host organisations"), err);
}

int lup_host_count(lup_db *db, const struct lup_host_query *q,
                   long *total, long *matching, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM host_org), "
		"(SELECT count(*) FROM host_org h WHERE " HFILT ")";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	if (bind_host_query(st, q, err) < 0) {
		lup_done(st);
		return -1;
	}
	long c[2];
	if (lup_count_row(db, st, c, 2, _("counting host organisations"), err) < 0)
		return -1;
	*total = c[0];
	*matching = c[1];
	return 0;
}

long lup_host_position(lup_db *db, const struct lup_host_query *q,
                       const struct lup_host_row *row, lup_err *err)
{
	enum lup_host_sort sort = q && (unsigned)q->sort < LUP_HSORT_COUNT ? q->sort : LUP_HSORT_NAME;
	sqlite3_stmt *st = lup_stmt(db, ranked(q, sort) ? ranked_position_sql : host_position_sql[sort], err);
	long pos = -1;
	if (!st)
		return -1;
	if (bind_host_query(st, q, err) < 0) {
		lup_done(st);
		return -1;
	}
	bind_host_from(st, row);
	return lup_count_row(db, st, &pos, 1, _("listing host organisations"), err) < 0 ? -1 : pos;
}

/* One host as the list shows it in q's sort order (its keys for paging),
 * whether or not it matches q's filters. */
static const char *const host_row_sql[LUP_HSORT_COUNT] = {
	[LUP_HSORT_NAME] = "SELECT " HCOLS "h.sort_name, '' FROM host_org h WHERE h.id = ?1",
	[LUP_HSORT_COUNTRY] = "SELECT " HCOLS "h.country, h.sort_name FROM host_org h WHERE h.id = ?1",
};

int lup_host_row(lup_db *db, const struct lup_host_query *q, const char *id,
                 struct lup_host_row *out, lup_err *err)
{
	enum lup_host_sort sort = q && (unsigned)q->sort < LUP_HSORT_COUNT ? q->sort : LUP_HSORT_NAME;
	sqlite3_stmt *st = lup_stmt(db, ranked(q, sort) ? ranked_row_sql : host_row_sql[sort], err);
	char lo[11], hi[11];

	if (st && ranked(q, sort)) {
		char *filter = lup_fold(q->filter);
		if (!filter) {
			lup_done(st);
			return lup_err_oom(err);
		}
		lup_trim(filter);
		sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
		free(filter);
	}
	if (st) {
		lup_sh_year_bounds(query_year(q ? q->year : 0), lo, hi);
		sqlite3_bind_text(st, 6, lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, hi, -1, SQLITE_TRANSIENT);
	}
	return lup_get_row(db, st, id, out, sizeof *out, read_host_row,
	                   _("listing host organisations"), _("no such host organisation"), err);
}

const char *lup_host_sort_name(enum lup_host_sort s)
{
	return s == LUP_HSORT_COUNTRY ? _("by country") : _("by name");
}

int lup_host_stats(lup_db *db, const char *id, int year, struct lup_host_stats *o, lup_err *err)
{
	static const char sql[] =
		"SELECT coalesce(h.capacity, -1), "
		PCOUNTS ", "
		"(SELECT count(*) FROM session s WHERE s.host_id = h.id) "
		"FROM host_org h WHERE h.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char lo[11], hi[11];
	int rc;

	memset(o, 0, sizeof *o);
	if (!st)
		return -1;
	o->year = query_year(year);
	lup_sh_year_bounds(o->year, lo, hi);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, hi, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o->capacity = sqlite3_column_int(st, 0);
		read_counts((const char *)sqlite3_column_text(st, 1), o->by_status, &o->year_count);
		o->sessions = sqlite3_column_int64(st, 2);
		o->left = o->capacity >= 0 ? o->capacity - o->year_count : 0;
	}
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such host organisation"));
	return lup_sqlerr(db, err, _("reading a host organisation"));
}

/* ---- Study visits ---- */

int lup_host_visits(lup_db *db, const char *host_id, struct lup_host_visit *out, int max,
                    lup_err *err)
{
	static const char sql[] =
		"SELECT s.id, s.cohort_id, c.name, s.title, substr(s.starts_at, 1, 10), "
		"substr(s.starts_at, 1, 10) <= ?2, "
		"(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status IN ('present', 'late')), "
		"(SELECT count(*) FROM attendance a WHERE a.session_id = s.id), "
		"(SELECT count(*) FROM log_entry l WHERE l.session_id = s.id) "
		"FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE s.host_id = ?1 "
		"ORDER BY c.start_date, c.name, c.id, s.starts_at, s.id LIMIT ?3";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char today[11];
	int n = 0, rc = SQLITE_DONE;
	if (!st)
		return -1;
	lup_date_format(lup_date_today(), today);
	sqlite3_bind_text(st, 1, host_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, max);
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_host_visit *v = &out[n++];
		memset(v, 0, sizeof *v);
		lup_col_copy(st, 0, v->session_id, sizeof v->session_id);
		lup_col_copy(st, 1, v->cohort_id, sizeof v->cohort_id);
		lup_col_cut(st, 2, v->cohort, sizeof v->cohort);
		lup_col_cut(st, 3, v->title, sizeof v->title);
		lup_col_copy(st, 4, v->day, sizeof v->day);
		v->held = sqlite3_column_int(st, 5);
		v->present = sqlite3_column_int64(st, 6);
		v->marked = sqlite3_column_int64(st, 7);
		v->entries = sqlite3_column_int64(st, 8);
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("listing study visits"));
	return n;
}

int lup_host_visit_notes(lup_db *db, const char *host_id, struct lup_visit_note *out, int max,
                         lup_err *err)
{
	static const char sql[] =
		"SELECT l.date, p.name, c.name, l.text FROM log_entry l JOIN session s ON s.id = l.session_id "
		"JOIN cohort c ON c.id = s.cohort_id JOIN person p ON p.id = l.person_id "
		"WHERE s.host_id = ?1 ORDER BY l.date DESC, l.id LIMIT ?2";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n = 0, rc = SQLITE_DONE;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, host_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, max);
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_visit_note *v = &out[n++];
		memset(v, 0, sizeof *v);
		lup_col_copy(st, 0, v->date, sizeof v->date);
		lup_col_cut(st, 1, v->person, sizeof v->person);
		lup_col_cut(st, 2, v->cohort, sizeof v->cohort);
		v->cut = lup_col_cut(st, 3, v->text, sizeof v->text);
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("listing study visits"));
	return n;
}
