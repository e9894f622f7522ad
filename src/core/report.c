/* report.c — the steering group's figures, then text, Markdown or HTML.
 *
 * The figures come from a fixed list of plain reads, each table read once
 * from end to end (or through an index, in its order), summed here row by
 * row: attendance once for every rate and for who completed each block,
 * the ratings of only each person's first and latest self-assessment.
 * They can be gathered a few milliseconds at a time (see Gathering).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/prog.h"
#include "lup/cal.h"
#include "lup/country.h"
#include "lup/lineedit.h"
#include "lup/map.h"
#include "lup/report.h"

double lup_report_att_rate(const struct lup_report_att *a)
{
	long held = a->present + a->late + a->absent;
	return held > 0 ? (double)(a->present + a->late) / (double)held : -1.0;
}

static void att_add(struct lup_report_att *to, const struct lup_report_att *a)
{
	to->present += a->present;
	to->late += a->late;
	to->excused += a->excused;
	to->absent += a->absent;
}

/* ---- Gathering ----
 *
 * The figures come from a fixed list of reads (phases), each a statement
 * whose rows are summed here as they come.  They can be taken a few
 * milliseconds at a time (lup_report_gather_step): the statement under
 * way stays open between two steps, so a screen stays live while the
 * figures of 50,000 people and a million ratings come in.  Nothing is
 * sorted in SQLite that is not read in an index's order, so no step
 * waits for a sort of a whole table, and nothing of that size is held in
 * memory. */

static const char sql_programmes[] =
	"SELECT id, name, target, coalesce(start_date, ''), coalesce(end_date, '') FROM programme "
	"ORDER BY start_date, name, id";
/* The status set by hand, if any: the one the dates give comes once the
 * sessions are read (end_sessions).  Only the cohort's own columns are
 * sorted; their enrolments are counted from the index after. */
static const char sql_cohorts[] =
	"SELECT c.id, c.programme_id, c.name, coalesce(c.status_override, ''), coalesce(c.start_date, ''), "
	"coalesce(c.end_date, ''), c.capacity "
	"FROM cohort c JOIN programme pr ON pr.id = c.programme_id "
	"ORDER BY pr.start_date, pr.name, pr.id, c.start_date, lup_sortkey(c.name), c.id";
/* in the index's order: nothing to sort */
static const char sql_enrolments[] =
	"SELECT cohort_id, status, count(*) FROM enrolment INDEXED BY enrolment_cohort "
	"GROUP BY cohort_id, status";
static const char sql_blocks[] =
	"SELECT b.id, b.programme_id, b.name, b.kind, b.seq, b.min_attendance "
	"FROM block b JOIN programme pr ON pr.id = b.programme_id "
	"ORDER BY pr.start_date, pr.name, pr.id, b.seq";
/* ?1: the report's day: a session is held once its day has come. */
/* …with its host (a study visit): from the register, or typed. */
static const char sql_sessions[] =
	"SELECT id, cohort_id, block_id, substr(starts_at, 1, 10) <= ?1, substr(starts_at, 1, 10), "
	"substr(ends_at, 1, 10), host_id, trim(host_name) FROM session";
static const char sql_host_name[] = "SELECT name FROM host_org WHERE id = ?1";
/* The largest table of the programme, read once from end to end (no
 * look-ups): the sessions are matched to their cohort and block here. */
static const char sql_attendance[] =
	"SELECT session_id, person_id, status FROM attendance";
/* People in a cohort without a place: their attendance counts in the
 * rates, not towards completing a block. */
static const char sql_no_place[] =
	"SELECT cohort_id, person_id FROM enrolment WHERE status IN ('withdrawn', 'waitlisted')";
/* each placement, summed here by country and status */
static const char sql_placements[] =
	"SELECT h.country, p.status, julianday(p.end_date) - julianday(p.start_date) + 1 "
	"FROM placement p JOIN host_org h ON h.id = p.host_id";
/* Areas by framework ident and code; names from the newest revision. */
static const char sql_areas[] =
	"SELECT c.id, f.ident, ar.code, ar.name, coalesce(ar.name_sv, '') FROM competence c "
	"JOIN area ar ON ar.id = c.area_id JOIN framework f ON f.id = c.framework_id "
	"ORDER BY f.ident, ar.code, f.revision";
/* Final self-assessments in order by person, then date (the final
 * check-ins' index holds that order): the first and the last of each
 * person's run are the ones that count. */
static const char sql_ends[] =
	"SELECT k.id, k.person_id, (SELECT f.revision FROM framework f WHERE f.id = k.framework_id) "
	"FROM checkin k INDEXED BY checkin_final WHERE k.status = 'final' AND k.kind = 'self' "
	"ORDER BY k.person_id, k.date, k.id";
/* The ratings of one of those check-ins (?1), through the rating's
 * unique (check-in, competence) index: only theirs are read. */
static const char sql_end_ratings[] =
	"SELECT competence_id, level FROM rating WHERE checkin_id = ?1 AND level IS NOT NULL";
/* Overdue check-ins come from three plain reads, joined here through
 * arrays sorted by id (a join in SQL looked every participant up in the
 * person table one by one, and maps of everyone took twice the memory).
 * Everyone, counted, with the active ones' roles: */
static const char sql_people[] =
	"SELECT id, role, active FROM person";
/* ?1 the report's day; the index gives each person's check-ins together,
 * in the order of their ids */
static const char sql_od_last[] =
	"SELECT person_id, julianday(?1) - julianday(max(date)) FROM checkin INDEXED BY checkin_final "
	"WHERE status = 'final' GROUP BY person_id ORDER BY person_id";
static const char sql_od_enrolled[] =
	"SELECT cohort_id, person_id FROM enrolment WHERE status IN ('enrolled', 'completed')";

/* [interval]: days per role, as the user wrote them. */
struct intervals {
	struct interval { const char *role; long days; } *v;
	size_t n, cap;
};

struct acc {
	double sum[2];   /* [0] latest, [1] first */
	long n[2];
	int rev_lo[2], rev_hi[2];   /* the framework revisions they were given in */
};

struct lup_report_gather {
	lup_db *db;
	const lup_config *cfg;
	struct lup_report *r, rep;
	lup_err *err;
	/* the phase under way, its statement, and for a phase run once per
	 * item (a host, a check-in) the item */
	size_t phase;
	sqlite3_stmt *st;
	long item;
	size_t capprog, capcohorts, capblocks, capcountries, capareas;

	lup_map cohort_ix;
	/* per cohort × (blocks + 1): sessions and sessions held; the last
	 * column is sessions without a block */
	long *nsess, *nheld;
	char (*first)[11], (*last)[11];   /* each cohort's first and last day of sessions */
	lup_map pairs;                    /* visit host × cohort, made: counted once */
	/* sessions: id → index in sess */
	lup_map sess_ix;
	struct sess {
		long cohort, block;   /* block: nblocks for none */
		long visit;           /* its study-visit host in r->visits, or -1 */
		unsigned char held;
	} *sess;
	size_t capsess;
	lup_map visit_ix;             /* host id (or \t and the typed name's key) → visit */
	size_t capvisits;

	/* attendance: people without a place; sessions attended, per person
	 * × cohort × block (okmap's keys) */
	lup_map np, okmap;
	struct ok { long n, cohort, block; } *ok;
	size_t capok;

	/* competence: each competence's area; each first and latest
	 * check-in (its id, its person's slot, its revision); the sums */
	lup_map comp, ends;
	long *comp_area;
	size_t capc, cape, nslots;
	struct end { char id[LUP_UUID_LEN + 1]; long slot; int rev; unsigned char first; } *end;
	struct acc *acc;
	char run_person[LUP_UUID_LEN + 1], run_first[LUP_UUID_LEN + 1], run_latest[LUP_UUID_LEN + 1];
	long run;
	int run_first_rev, run_latest_rev;

	/* overdue check-ins: [interval] as written, and the interval of each
	 * role met so far (a role's text → index in role_days); each active
	 * person's interval and each person's days since their latest final
	 * check-in, sorted by id */
	struct intervals iv;
	lup_map roles;
	long *role_days;
	size_t caproles;
	struct by_id { char id[LUP_UUID_LEN + 1]; double v; } *active, *since;
	size_t nactive, capactive, nsince, capsince;
};

static int oom(struct lup_report_gather *g)
{
	return lup_err_oom(g->err);
}

static void text_col(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	lup_col_copy(st, i, buf, n);
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static long block_index(const struct lup_report *r, const char *id)
{
	if (!id)
		return -1;
	for (size_t i = 0; i < r->nblocks; i++)
		if (strcmp(r->blocks[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* ?1: the report's day */
static int bind_day(struct lup_report_gather *g, sqlite3_stmt *st, long item)
{
	(void)item;
	sqlite3_bind_text(st, 1, g->r->as_of, -1, SQLITE_TRANSIENT);
	return 0;
}

/* -- people, programmes, cohorts, blocks -- */

static int row_programme(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	struct lup_report_programme *p = LUP_PUSH(r->programmes, r->nprogrammes, g->capprog);
	if (!p)
		return oom(g);
	text_col(st, 0, p->id, sizeof p->id);
	text_col(st, 1, p->name, sizeof p->name);
	p->target = sqlite3_column_int64(st, 2);
	if (p->target <= 0)
		p->target = r->default_target;
	text_col(st, 3, p->start_date, sizeof p->start_date);
	text_col(st, 4, p->end_date, sizeof p->end_date);
	return 0;
}

static int row_cohort(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	struct lup_report_cohort *c = LUP_PUSH(r->cohorts, r->ncohorts, g->capcohorts);
	if (!c)
		return oom(g);
	text_col(st, 0, c->id, sizeof c->id);
	text_col(st, 1, c->programme_id, sizeof c->programme_id);
	text_col(st, 2, c->name, sizeof c->name);
	text_col(st, 3, c->status, sizeof c->status);
	text_col(st, 4, c->start_date, sizeof c->start_date);
	text_col(st, 5, c->end_date, sizeof c->end_date);
	c->capacity = sqlite3_column_int64(st, 6);
	return 0;
}

static int row_block(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	struct lup_report_block *b = LUP_PUSH(r->blocks, r->nblocks, g->capblocks);
	if (!b)
		return oom(g);
	text_col(st, 0, b->id, sizeof b->id);
	text_col(st, 1, b->programme_id, sizeof b->programme_id);
	text_col(st, 2, b->name, sizeof b->name);
	text_col(st, 3, b->kind, sizeof b->kind);
	b->seq = sqlite3_column_int(st, 4);
	b->min_attendance = sqlite3_column_double(st, 5);
	return 0;
}

/* The cohorts by id; room for the sessions' sums. */
static int end_lists(struct lup_report_gather *g)
{
	struct lup_report *r = g->r;
	size_t w = r->nblocks + 1;
	for (size_t i = 0; i < r->ncohorts; i++)
		if (lup_map_put(&g->cohort_ix, r->cohorts[i].id, i) < 0)
			return oom(g);
	g->first = calloc(r->ncohorts + 1, sizeof *g->first);
	g->last = calloc(r->ncohorts + 1, sizeof *g->last);
	g->nsess = calloc(r->ncohorts * w + 1, sizeof *g->nsess);
	g->nheld = calloc(r->ncohorts * w + 1, sizeof *g->nheld);
	return g->first && g->last && g->nsess && g->nheld ? 0 : oom(g);
}

static int row_enrolments(struct lup_report_gather *g, sqlite3_stmt *st)
{
	long c = lup_map_get(&g->cohort_ix, col(st, 0)), n = sqlite3_column_int64(st, 2);
	const char *status = col(st, 1);
	struct lup_report_enrol *e;
	if (c < 0 || !status)
		return 0;
	e = &g->r->cohorts[c].enrol;
	if (strcmp(status, "enrolled") == 0)
		e->enrolled += n;
	else if (strcmp(status, "completed") == 0)
		e->completed += n;
	else if (strcmp(status, "waitlisted") == 0)
		e->waitlisted += n;
	else if (strcmp(status, "withdrawn") == 0)
		e->withdrawn += n;
	return 0;
}

/* Programme totals from their cohorts. */
static int end_enrolments(struct lup_report_gather *g)
{
	struct lup_report *r = g->r;
	for (size_t i = 0; i < r->ncohorts; i++) {
		const struct lup_report_cohort *c = &r->cohorts[i];
		for (size_t j = 0; j < r->nprogrammes; j++) {
			struct lup_report_programme *p = &r->programmes[j];
			if (strcmp(p->id, c->programme_id) != 0)
				continue;
			p->cohorts++;
			p->enrol.enrolled += c->enrol.enrolled;
			p->enrol.completed += c->enrol.completed;
			p->enrol.waitlisted += c->enrol.waitlisted;
			p->enrol.withdrawn += c->enrol.withdrawn;
		}
	}
	return 0;
}

/* -- sessions and study visits -- */

/* The study-visit host of a session (columns 6–7: host id, a host typed
 * as text): its index in r->visits, added when new (a registered host's
 * name is read once, in its own phase); -1 for a session without a host,
 * -2 when memory ran out. */
static long visit_of(struct lup_report_gather *g, sqlite3_stmt *st)
{
	const char *id = col(st, 6);
	const char *typed = col(st, 7);
	size_t before = lup_map_count(&g->visit_ix);
	char key[300];
	long v;
	if (id) {
		snprintf(key, sizeof key, "%s", id);
	} else if (typed && *typed) {
		char *k = lup_sortkey(typed);
		if (!k)
			return -2;
		snprintf(key, sizeof key, "\t%.280s", k);   /* a tab: never an id */
		free(k);
	} else {
		return -1;
	}
	if ((v = lup_map_intern(&g->visit_ix, key)) < 0)
		return -2;
	if (lup_map_count(&g->visit_ix) > before) {
		struct lup_report_visits *x = LUP_PUSH(g->r->visits, g->r->nvisits, g->capvisits);
		if (!x)
			return -2;
		snprintf(x->host, sizeof x->host, "%s", id ? id : typed);
		x->registered = id != NULL;
	}
	return v;
}

static int row_session(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	size_t w = r->nblocks + 1;
	long c = lup_map_get(&g->cohort_ix, col(st, 1));
	long b = block_index(r, col(st, 2));
	int held = sqlite3_column_int(st, 3);
	size_t bcol = b < 0 ? r->nblocks : (size_t)b;
	const char *id = col(st, 0);
	long ix, v;
	if (!id)
		return 0;
	if ((ix = lup_map_intern(&g->sess_ix, id)) < 0 ||
	    lup_grow(&g->sess, &g->capsess, lup_map_count(&g->sess_ix), sizeof *g->sess) < 0 ||
	    (v = visit_of(g, st)) < -1)
		return oom(g);
	g->sess[ix] = (struct sess){ c, (long)bcol, v, (unsigned char)held };
	if (v >= 0) {
		struct lup_report_visits *x = &r->visits[v];
		if (held) {
			char key[2 * LUP_UUID_LEN + 24];
			size_t before = lup_map_count(&g->pairs);
			x->held++;
			snprintf(key, sizeof key, "%ld/%.36s", v, col(st, 1));
			if (lup_map_intern(&g->pairs, key) < 0)
				return oom(g);
			x->cohorts += lup_map_count(&g->pairs) > before;
		} else {
			x->planned++;
		}
	}
	if (c < 0)
		return 0;
	{
		/* the cohort's first and last day of sessions, for its status */
		const char *a = col(st, 4), *z = col(st, 5);
		if (a && strlen(a) == 10 && (!g->first[c][0] || memcmp(a, g->first[c], 10) < 0))
			memcpy(g->first[c], a, 11);
		if (z && strlen(z) == 10 && (!g->last[c][0] || memcmp(z, g->last[c], 10) > 0))
			memcpy(g->last[c], z, 11);
	}
	g->nsess[(size_t)c * w + bcol]++;
	g->nheld[(size_t)c * w + bcol] += held;
	r->cohorts[c].sessions++;
	r->cohorts[c].sessions_held += held;
	if (b >= 0) {
		r->blocks[b].sessions++;
		r->blocks[b].sessions_held += held;
		if (r->blocks[b].seq >= 1 && r->blocks[b].seq <= 32)
			r->cohorts[c].runs |= 1u << (r->blocks[b].seq - 1);
	}
	return 0;
}

/* The names of the registered hosts among the visits (their ids until
 * now), one look-up each: item is the visit; 1 when there are no more,
 * 2 to pass one by. */
static int bind_visit(struct lup_report_gather *g, sqlite3_stmt *st, long item)
{
	const struct lup_report_visits *x;
	if ((size_t)item >= g->r->nvisits)
		return 1;
	x = &g->r->visits[item];
	if (!x->registered)
		return 2;
	sqlite3_bind_text(st, 1, x->host, -1, SQLITE_TRANSIENT);
	return 0;
}

static int row_visit_name(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report_visits *x = &g->r->visits[g->item];
	text_col(st, 0, x->host, sizeof x->host);
	return 0;
}

static int end_sessions(struct lup_report_gather *g)
{
	struct lup_report *r = g->r;
	size_t w = r->nblocks + 1;
	/* Each cohort's status on the report's day (lup_cohort_status_on):
	 * its first day the earlier of its start and first session, its last
	 * the later of its end and last session; a status set by hand wins. */
	for (size_t c = 0; c < r->ncohorts; c++) {
		struct lup_report_cohort *k = &r->cohorts[c];
		const char *a = k->start_date, *z = k->end_date;
		char override[16];
		if (g->first[c][0] && (!*a || strcmp(g->first[c], a) < 0))
			a = g->first[c];
		if (g->last[c][0] && strcmp(g->last[c], z) > 0)
			z = g->last[c];
		snprintf(override, sizeof override, "%s", k->status);
		snprintf(k->status, sizeof k->status, "%s",
		         lup_cohort_status_on(override, a, z, k->sessions > 0, r->as_of));
	}
	for (size_t c = 0; c < r->ncohorts; c++) {
		long places = r->cohorts[c].enrol.enrolled + r->cohorts[c].enrol.completed;
		for (size_t b = 0; b < r->nblocks; b++) {
			long n = g->nsess[c * w + b];
			if (strcmp(r->blocks[b].programme_id, r->cohorts[c].programme_id) == 0)
				r->blocks[b].cohorts++;
			if (n == 0)
				continue;
			r->blocks[b].runs++;
			r->blocks[b].participants += places;
			if (g->nheld[c * w + b] == n)
				r->blocks[b].finished += places;
		}
	}
	return 0;
}

/* -- attendance -- */

/* n in hex at buf, then `end` (and a NUL when end is not NUL). */
static void hex(char *buf, unsigned long n, char end)
{
	char tmp[24];
	int k = 0;
	do {
		tmp[k++] = "0123456789abcdef"[n & 15];
		n >>= 4;
	} while (n);
	while (k)
		*buf++ = tmp[--k];
	*buf++ = end;
	*buf = '\0';
}

static int row_no_place(struct lup_report_gather *g, sqlite3_stmt *st)
{
	/* "cohort id" + "person id" as one key */
	char key[2 * LUP_UUID_LEN + 2];
	const char *a = col(st, 0), *b = col(st, 1);
	snprintf(key, sizeof key, "%.36s%.36s", a ? a : "", b ? b : "");
	return lup_map_intern(&g->np, key) < 0 ? oom(g) : 0;
}

static int row_attendance(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	long s = lup_map_get(&g->sess_ix, col(st, 0));
	const char *person = col(st, 1);
	const char *status = col(st, 2);
	struct lup_report_att a = { 0, 0, 0, 0 };
	const struct sess *se;
	long c, b;
	if (s < 0 || !status || !person || !g->sess[s].held)
		return 0;   /* a mark on a session still to come counts nowhere */
	se = &g->sess[s];
	if (se->visit >= 0 && (status[0] == 'p' || status[0] == 'l'))
		r->visits[se->visit].present++;
	c = se->cohort;
	b = se->block;
	switch (status[0]) {
	case 'p': a.present = 1; break;
	case 'l': a.late = 1; break;
	case 'e': a.excused = 1; break;
	default: a.absent = 1; break;
	}
	att_add(&r->att, &a);
	if (c < 0)
		return 0;
	att_add(&r->cohorts[c].att, &a);
	if ((size_t)b >= r->nblocks)
		return 0;
	att_add(&r->blocks[b].att, &a);
	if (a.present || a.late) {
		char key[LUP_UUID_LEN + 48];
		size_t pl = strnlen(person, LUP_UUID_LEN), before = lup_map_count(&g->okmap);
		long ix;
		memcpy(key, person, pl);
		key[pl] = '/';
		hex(key + pl + 1, (unsigned long)c, '/');
		hex(key + strlen(key), (unsigned long)b, '\0');
		if ((ix = lup_map_intern(&g->okmap, key)) < 0 ||
		    lup_grow(&g->ok, &g->capok, lup_map_count(&g->okmap), sizeof *g->ok) < 0)
			return oom(g);
		if (lup_map_count(&g->okmap) > before)  /* new */
			g->ok[ix] = (struct ok){ 0, c, b };
		g->ok[ix].n++;
	}
	return 0;
}

/* Who completed each block: attended enough of a finished block, in a
 * cohort where they have a place. */
static int end_attendance(struct lup_report_gather *g)
{
	struct lup_report *r = g->r;
	size_t w = r->nblocks + 1;
	for (lup_map_iter it = { 0 }; lup_map_next(&g->okmap, &it); ) {
		const struct ok *o = &g->ok[it.value];   /* the key starts with the person's id */
		long n = g->nsess[(size_t)o->cohort * w + (size_t)o->block];
		char key[2 * LUP_UUID_LEN + 2];
		if (n == 0 || g->nheld[(size_t)o->cohort * w + (size_t)o->block] != n)
			continue;
		if ((double)o->n + 1e-9 < r->blocks[o->block].min_attendance * (double)n)
			continue;
		snprintf(key, sizeof key, "%.36s%.36s", r->cohorts[o->cohort].id, it.key);
		if (lup_map_get(&g->np, key) >= 0)
			continue;
		r->blocks[o->block].completed++;
	}
	/* A block that asks for no attendance is completed by being finished. */
	for (size_t b = 0; b < r->nblocks; b++)
		if (r->blocks[b].min_attendance <= 0)
			r->blocks[b].completed = r->blocks[b].finished;
	return 0;
}

/* -- placements -- */

static int row_placement(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	const char *country = col(st, 0);
	long n = 1, days = (long)sqlite3_column_double(st, 2);
	struct lup_report_country *c = NULL;
	int s = lup_pstatus_parse(col(st, 1));
	for (size_t i = 0; i < r->ncountries; i++)
		if (strcmp(r->countries[i].country, country ? country : "") == 0)
			c = &r->countries[i];
	if (!c) {
		if (!(c = LUP_PUSH(r->countries, r->ncountries, g->capcountries)))
			return oom(g);
		snprintf(c->country, sizeof c->country, "%s", country ? country : "");
	}
	c->total += n;
	r->placements_total += n;
	if (s >= 0) {
		c->by_status[s] += n;
		r->placements[s] += n;
		if (s == 3)
			c->days += days;
	}
	return 0;
}

/* Most placements first, then by country code. */
static int end_placements(struct lup_report_gather *g)
{
	struct lup_report *r = g->r;
	for (size_t i = 1; i < r->ncountries; i++)
		for (size_t j = i; j > 0; j--) {
			struct lup_report_country *a = &r->countries[j - 1], *b = &r->countries[j], t;
			if (a->total > b->total || (a->total == b->total && strcmp(a->country, b->country) <= 0))
				break;
			t = *a;
			*a = *b;
			*b = t;
		}
	return 0;
}

/* -- competence change -- */

/* Areas, and the area of every competence. */
static int row_area(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	const char *ident = col(st, 1);
	const char *code = col(st, 2);
	struct lup_report_area *a = r->nareas ? &r->areas[r->nareas - 1] : NULL;
	long ix;
	if (!a || strcmp(a->framework, ident ? ident : "") != 0 || strcmp(a->code, code ? code : "") != 0) {
		if (!(a = LUP_PUSH(r->areas, r->nareas, g->capareas)))
			return oom(g);
		snprintf(a->framework, sizeof a->framework, "%s", ident ? ident : "");
		snprintf(a->code, sizeof a->code, "%s", code ? code : "");
	}
	/* ordered by revision: the newest names win */
	text_col(st, 3, a->name, sizeof a->name);
	text_col(st, 4, a->name_sv, sizeof a->name_sv);
	if ((ix = lup_map_intern(&g->comp, col(st, 0))) < 0 ||
	    lup_grow(&g->comp_area, &g->capc, lup_map_count(&g->comp), sizeof *g->comp_area) < 0)
		return oom(g);
	g->comp_area[ix] = (long)r->nareas - 1;
	return 0;
}

/* The previous person's run of final self-assessments ends: with two or
 * more, their first and latest count, in a slot of their own. */
static int run_ends(struct lup_report_gather *g)
{
	long i1, i2;
	if (g->run < 2)
		return 0;
	if ((i1 = lup_map_intern(&g->ends, g->run_first)) < 0 ||
	    (i2 = lup_map_intern(&g->ends, g->run_latest)) < 0 ||
	    lup_grow(&g->end, &g->cape, lup_map_count(&g->ends), sizeof *g->end) < 0)
		return oom(g);
	g->end[i1] = (struct end){ "", (long)g->nslots, g->run_first_rev, 1 };
	g->end[i2] = (struct end){ "", (long)g->nslots, g->run_latest_rev, 0 };
	memcpy(g->end[i1].id, g->run_first, sizeof g->end[i1].id);
	memcpy(g->end[i2].id, g->run_latest, sizeof g->end[i2].id);
	g->nslots++;
	return 0;
}

static int row_end(struct lup_report_gather *g, sqlite3_stmt *st)
{
	const char *person = col(st, 1);
	if (!person || strcmp(person, g->run_person) != 0) {
		if (run_ends(g) < 0)
			return -1;
		g->run = 0;
		snprintf(g->run_person, sizeof g->run_person, "%s", person ? person : "");
	}
	lup_col_copy(st, 0, g->run == 0 ? g->run_first : g->run_latest, LUP_UUID_LEN + 1);
	*(g->run == 0 ? &g->run_first_rev : &g->run_latest_rev) = sqlite3_column_int(st, 2);
	g->run++;
	return 0;
}

static int end_ends(struct lup_report_gather *g)
{
	if (run_ends(g) < 0)
		return -1;
	if (g->nslots && g->r->nareas && !(g->acc = calloc(g->nslots * g->r->nareas, sizeof *g->acc)))
		return oom(g);
	return 0;
}

/* Their ratings, one check-in at a time (item: the check-in in end). */
static int bind_end(struct lup_report_gather *g, sqlite3_stmt *st, long item)
{
	if (!g->acc || (size_t)item >= lup_map_count(&g->ends))
		return 1;
	sqlite3_bind_text(st, 1, g->end[item].id, -1, SQLITE_TRANSIENT);
	return 0;
}

/* summed per person, area, first or latest */
static int row_rating(struct lup_report_gather *g, sqlite3_stmt *st)
{
	const struct end *e = &g->end[g->item];
	long a = lup_map_get(&g->comp, col(st, 0));
	struct acc *x;
	if (a < 0)
		return 0;
	x = &g->acc[(size_t)e->slot * g->r->nareas + (size_t)g->comp_area[a]];
	x->sum[e->first] += sqlite3_column_double(st, 1);
	x->n[e->first]++;
	x->rev_lo[e->first] = e->rev;   /* one check-in: one revision */
	x->rev_hi[e->first] = e->rev;
	return 0;
}

/* Each person's mean per area before and after; the mean over people. */
static int end_competence(struct lup_report_gather *g)
{
	struct lup_report *r = g->r;
	size_t o = 0;
	for (size_t a = 0; g->acc && a < r->nareas; a++) {
		struct lup_report_area *ar = &r->areas[a];
		double before = 0, after = 0;
		for (size_t p = 0; p < g->nslots; p++) {
			const struct acc *x = &g->acc[p * r->nareas + a];
			if (!x->n[0] || !x->n[1])
				continue;
			ar->people++;
			before += x->sum[1] / (double)x->n[1];
			after += x->sum[0] / (double)x->n[0];
			/* which revisions the numbers come from */
			if (!ar->first_rev_min || x->rev_lo[1] < ar->first_rev_min)
				ar->first_rev_min = x->rev_lo[1];
			if (x->rev_hi[1] > ar->first_rev_max)
				ar->first_rev_max = x->rev_hi[1];
			if (!ar->latest_rev_min || x->rev_lo[0] < ar->latest_rev_min)
				ar->latest_rev_min = x->rev_lo[0];
			if (x->rev_hi[0] > ar->latest_rev_max)
				ar->latest_rev_max = x->rev_hi[0];
		}
		if (ar->people) {
			ar->before = before / (double)ar->people;
			ar->after = after / (double)ar->people;
		}
		if (ar->people > r->competence_people)
			r->competence_people = ar->people;
	}
	/* Only areas someone moved in are reported. */
	for (size_t a = 0; a < r->nareas; a++)
		if (r->areas[a].people)
			r->areas[o++] = r->areas[a];
	r->nareas = o;
	if (r->nareas == 0) {
		free(r->areas);
		r->areas = NULL;
	}
	return 0;
}

/* -- overdue check-ins -- */

static void add_interval(void *ud, const char *key, const char *value)
{
	struct intervals *iv = ud;
	struct interval *i;
	char *end;
	long days = strtol(value ? value : "", &end, 10);
	if (!key || !*key || !value || end == value || *end || days < 1)
		return;
	if ((i = LUP_PUSH(iv->v, iv->n, iv->cap))) {
		i->role = key;
		i->days = days;
	}
}

/* Role names match regardless of case and diacritics: lup.ini keys are
 * lower-cased byte by byte, which leaves Ö an Ö. */
static int same_role(const char *folded_role, const char *key)
{
	char *k = lup_fold(key);
	int same = k && strcmp(folded_role, k) == 0;
	free(k);
	return same;
}

static int bind_people(struct lup_report_gather *g, sqlite3_stmt *st, long item)
{
	(void)st; (void)item;
	if (g->cfg && !g->iv.v)
		lup_config_each(g->cfg, "interval", add_interval, &g->iv);
	return 0;
}

static long role_interval(struct lup_report_gather *g, const char *role);

static int row_people(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct by_id *a;
	long days;
	g->r->people++;
	if (sqlite3_column_int(st, 2) != 1)
		return 0;
	g->r->active_people++;
	if ((days = role_interval(g, col(st, 1))) < 0 ||
	    !(a = LUP_PUSH(g->active, g->nactive, g->capactive)))
		return oom(g);
	lup_col_copy(st, 0, a->id, sizeof a->id);
	a->v = (double)days;
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct by_id *)a)->id, ((const struct by_id *)b)->id);
}

static int end_people(struct lup_report_gather *g)
{
	if (g->nactive > 1)
		qsort(g->active, g->nactive, sizeof *g->active, by_id);
	return 0;
}

/* in the order of their ids already (sql_od_last) */
static int row_od_last(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct by_id *l = LUP_PUSH(g->since, g->nsince, g->capsince);
	if (!l)
		return oom(g);
	lup_col_copy(st, 0, l->id, sizeof l->id);
	l->v = sqlite3_column_double(st, 1);
	return 0;
}

static const struct by_id *find_id(const struct by_id *v, size_t n, const char *id)
{
	struct by_id key;
	if (!id || !n)
		return NULL;
	snprintf(key.id, sizeof key.id, "%s", id);
	return bsearch(&key, v, n, sizeof *v, by_id);
}

/* A role's interval: its own in [interval], else the default; worked out
 * once a role. */
static long role_interval(struct lup_report_gather *g, const char *role)
{
	size_t before = lup_map_count(&g->roles);
	long ix, days = g->r->interval_days;
	if (!role || !g->iv.n)
		return days;
	if ((ix = lup_map_intern(&g->roles, role)) < 0 ||
	    lup_grow(&g->role_days, &g->caproles, lup_map_count(&g->roles), sizeof *g->role_days) < 0)
		return -1;
	if (lup_map_count(&g->roles) == before)
		return g->role_days[ix];
	{
		char *f = lup_fold(role);
		if (!f)
			return -1;
		for (size_t i = 0; i < g->iv.n; i++)
			if (same_role(f, g->iv.v[i].role)) {
				days = g->iv.v[i].days;
				break;
			}
		free(f);
	}
	return g->role_days[ix] = days;
}

static int row_od_enrolled(struct lup_report_gather *g, sqlite3_stmt *st)
{
	struct lup_report *r = g->r;
	long c = lup_map_get(&g->cohort_ix, col(st, 0));
	const struct by_id *p = find_id(g->active, g->nactive, col(st, 1)), *l;
	int never, over;
	if (!p)
		return 0;   /* not active */
	l = find_id(g->since, g->nsince, p->id);
	never = !l;
	over = !never && l->v > p->v;
	r->checkins_due++;
	r->checkins_never += never;
	r->checkins_overdue += over;
	if (c >= 0) {
		r->cohorts[c].checkins_due++;
		r->cohorts[c].checkins_never += never;
		r->cohorts[c].checkins_overdue += over;
	}
	return 0;
}

/* Most visits made first, then by name. */
static int by_visits(const void *a, const void *b)
{
	const struct lup_report_visits *x = a, *y = b;
	char *kx, *ky;
	int c;
	if (x->held != y->held)
		return x->held > y->held ? -1 : 1;
	kx = lup_sortkey(x->host);
	ky = lup_sortkey(y->host);
	c = kx && ky ? strcmp(kx, ky) : 0;
	free(kx);
	free(ky);
	return c ? c : strcmp(x->host, y->host);
}

static int end_overdue(struct lup_report_gather *g)
{
	if (g->r->nvisits > 1)
		qsort(g->r->visits, g->r->nvisits, sizeof *g->r->visits, by_visits);
	return 0;
}

/* -- the phases, in order -- */

static const struct phase {
	const char *sql;
	/* binds the statement (for item, in a phase run per item): 0, or 1
	 * when there are no more items, 2 to pass this one by */
	int (*bind)(struct lup_report_gather *g, sqlite3_stmt *st, long item);
	int (*row)(struct lup_report_gather *g, sqlite3_stmt *st);
	int (*end)(struct lup_report_gather *g);
	int per_item;
	int weight;    /* a rough share of the work, for the progress shown */
} phases[] = {
	{ sql_programmes, NULL, row_programme, NULL, 0, 1 },
	{ sql_cohorts, NULL, row_cohort, NULL, 0, 2 },
	{ sql_blocks, NULL, row_block, end_lists, 0, 1 },
	{ sql_enrolments, NULL, row_enrolments, end_enrolments, 0, 2 },
	{ sql_sessions, bind_day, row_session, NULL, 0, 6 },
	{ sql_host_name, bind_visit, row_visit_name, end_sessions, 1, 1 },
	{ sql_no_place, NULL, row_no_place, NULL, 0, 2 },
	{ sql_attendance, NULL, row_attendance, end_attendance, 0, 3 },
	{ sql_placements, NULL, row_placement, end_placements, 0, 2 },
	{ sql_areas, NULL, row_area, NULL, 0, 1 },
	{ sql_ends, NULL, row_end, end_ends, 0, 14 },
	{ sql_end_ratings, bind_end, row_rating, end_competence, 1, 12 },
	{ sql_people, bind_people, row_people, end_people, 0, 12 },
	{ sql_od_last, bind_day, row_od_last, NULL, 0, 12 },
	{ sql_od_enrolled, NULL, row_od_enrolled, end_overdue, 0, 12 },
};
#define NPHASES (sizeof phases / sizeof *phases)

static void gather_free_parts(struct lup_report_gather *g)
{
	if (g->st)
		sqlite3_finalize(g->st);
	g->st = NULL;
	lup_map_clear(&g->cohort_ix);
	free(g->nsess);
	free(g->nheld);
	free(g->first);
	free(g->last);
	lup_map_clear(&g->pairs);
	lup_map_clear(&g->sess_ix);
	free(g->sess);
	lup_map_clear(&g->visit_ix);
	lup_map_clear(&g->np);
	lup_map_clear(&g->okmap);
	free(g->ok);
	lup_map_clear(&g->comp);
	lup_map_clear(&g->ends);
	free(g->comp_area);
	free(g->end);
	free(g->acc);
	free(g->iv.v);
	lup_map_clear(&g->roles);
	free(g->role_days);
	free(g->active);
	free(g->since);
}

int lup_report_gather_begin(lup_db *db, const lup_config *cfg, const char *as_of,
                            lup_report_gather **out, lup_err *err)
{
	lup_report_gather *g;
	struct lup_report *r;

	*out = NULL;
	if (!(g = calloc(1, sizeof *g)))
		return lup_err_oom(err);
	r = g->r = &g->rep;
	if (as_of && *as_of) {
		lup_date d;
		if (lup_date_parse(as_of, lup_date_today(), &d) < 0) {
			free(g);
			return lup_err_set(err, LUP_EINVAL, _("'%s' is not a date (YYYY-MM-DD)"), as_of);
		}
		lup_date_format(d, r->as_of);
	} else {
		lup_date_format(lup_date_today(), r->as_of);
	}
	r->default_target = cfg ? lup_config_int(cfg, "programme:target") : 300;
	r->interval_days = cfg ? lup_config_int(cfg, "competence:interval_days") : 180;
	g->db = db;
	g->cfg = cfg;
	*out = g;
	return 0;
}

int lup_report_gather_step(lup_report_gather *g, int ms, double *progress, lup_err *err)
{
	struct timespec t0, t;
	int total = 0, done = 0;
	unsigned rows = 0;

	g->err = err;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (g->phase < NPHASES) {
		const struct phase *p = &phases[g->phase];
		int rc;
		if (!g->st) {
			if (sqlite3_prepare_v2(g->db->h, p->sql, -1, &g->st, NULL) != SQLITE_OK) {
				g->st = NULL;
				return lup_sqlerr(g->db, err, _("making the report"));
			}
			g->item = 0;
			if (p->bind) {
				while ((rc = p->bind(g, g->st, g->item)) == 2)
					g->item++;
				if (rc == 1)
					goto next_phase;
			}
		}
		rc = sqlite3_step(g->st);
		if (rc == SQLITE_ROW) {
			if (p->row(g, g->st) < 0)
				return -1;
		} else if (rc != SQLITE_DONE) {
			lup_sqlerr(g->db, err, _("making the report"));
			sqlite3_finalize(g->st);
			g->st = NULL;
			return -1;
		} else if (p->per_item) {
			sqlite3_reset(g->st);
			sqlite3_clear_bindings(g->st);
			do
				rc = p->bind(g, g->st, ++g->item);
			while (rc == 2);
			if (rc == 1)
				goto next_phase;
		} else {
next_phase:
			sqlite3_finalize(g->st);
			g->st = NULL;
			if (p->end && p->end(g) < 0)
				return -1;
			g->phase++;
		}
		if (ms == 0)   /* a row at a time */
			break;
		/* the clock every few rows: reading it costs a system call on
		 * some machines, and a row may wait for the disk */
		if (ms > 0 && ++rows % 16 == 0) {
			clock_gettime(CLOCK_MONOTONIC, &t);
			if ((t.tv_sec - t0.tv_sec) * 1000.0 + (t.tv_nsec - t0.tv_nsec) / 1e6 >= ms)
				break;
		}
	}
	if (progress) {
		for (size_t i = 0; i < NPHASES; i++) {
			total += phases[i].weight;
			if (i < g->phase)
				done += phases[i].weight;
		}
		*progress = (double)done / (double)total;
	}
	return g->phase >= NPHASES;
}

void lup_report_gather_take(lup_report_gather *g, struct lup_report *r)
{
	*r = g->rep;
	memset(&g->rep, 0, sizeof g->rep);
}

void lup_report_gather_free(lup_report_gather *g)
{
	if (!g)
		return;
	gather_free_parts(g);
	lup_report_clear(&g->rep);
	free(g);
}

int lup_report_build(lup_db *db, const lup_config *cfg, const char *as_of,
                     struct lup_report *r, lup_err *err)
{
	lup_report_gather *g;
	int rc, own;

	memset(r, 0, sizeof *r);
	if (lup_report_gather_begin(db, cfg, as_of, &g, err) < 0)
		return -1;
	/* One read transaction: every figure describes the same moment. */
	own = sqlite3_get_autocommit(db->h);
	if (own && lup_exec(db, "BEGIN", err) < 0) {
		lup_report_gather_free(g);
		return -1;
	}
	rc = lup_report_gather_step(g, -1, NULL, err);
	if (own)
		lup_exec(db, "COMMIT", NULL);
	if (rc > 0)
		lup_report_gather_take(g, r);
	lup_report_gather_free(g);
	return rc > 0 ? 0 : -1;
}

void lup_report_clear(struct lup_report *r)
{
	free(r->programmes);
	free(r->cohorts);
	free(r->blocks);
	free(r->visits);
	free(r->countries);
	free(r->areas);
	memset(r, 0, sizeof *r);
}

/* ---- Writing ---- */

struct out {
	FILE *fp;
	enum lup_report_format f;
	int svg_id;
	int width;      /* text: the columns it fits in; 0 for no limit */
};

#define put_html lup_html_put
#define put_html_n lup_html_put_n

static void put_md(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		if (strchr("\\`*_[]<>|#", *s))
			putc('\\', fp);
		putc(*s == '\r' || *s == '\n' || *s == '\t' ? ' ' : *s, fp);
	}
}

static void put_text(FILE *fp, const char *s)
{
	for (; s && *s; s++)
		putc(*s == '\r' || *s == '\n' || *s == '\t' ? ' ' : *s, fp);
}

/* A date such as 2014-03-10 at s (not inside a longer number)? */
static int is_date(const char *s, const char *start)
{
	static const char shape[] = "dddd-dd-dd";
	if (s > start && isdigit((unsigned char)s[-1]))
		return 0;
	for (int i = 0; i < 10; i++)
		if (!s[i] || (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-'))
			return 0;
	return !isdigit((unsigned char)s[10]);
}

/* HTML text in which a date is never broken over two lines (a browser
 * breaks after a hyphen) nor a percent sign parted from its number. */
static void put_html_whole(FILE *fp, const char *s)
{
	const char *run = s;
	for (const char *p = s; p && *p; p++) {
		if (is_date(p, s)) {
			put_html_n(fp, run, (size_t)(p - run));
			fputs("<span class=\"nw\">", fp);
			put_html_n(fp, p, 10);
			fputs("</span>", fp);
			run = p + 10;
			p += 9;
		} else if (p[0] == ' ' && p[1] == '%') {
			put_html_n(fp, run, (size_t)(p - run));
			fputs("&nbsp;", fp);
			run = p + 1;
		}
	}
	put_html(fp, run);
}

static void put(struct out *o, const char *s)
{
	if (o->f == LUP_REPORT_HTML)
		put_html_whole(o->fp, s);
	else if (o->f == LUP_REPORT_MD)
		put_md(o->fp, s);
	else
		put_text(o->fp, s);
}

static int width_of(const char *s)
{
	return s ? lup_utf8_width(s, strlen(s)) : 0;
}

/* The next line of s that fits in cols columns: its byte length, breaking
 * at the last space that fits (or inside a word longer than the line);
 * *next is where the following line starts.  A line holds at least one
 * character, so a column narrower than a wide character still moves on. */
static size_t wrap_next(const char *s, int cols, const char **next)
{
	size_t fit = lup_utf8_fit(s, cols > 0 ? cols : 1, NULL);
	if (s[fit] == '\0' || s[fit] == ' ') {
		*next = s + fit + (s[fit] == ' ');
		return fit;
	}
	for (size_t i = fit; i > 0; i--)
		if (s[i - 1] == ' ') {
			*next = s + i;
			return i - 1;
		}
	if (fit == 0)   /* one character wider than the column */
		fit = lup_utf8_fit(s, 2, NULL) ? lup_utf8_fit(s, 2, NULL) : 1;
	*next = s + fit;
	return fit;
}

/* The widest word of s, in columns: the narrowest a wrapped column can be
 * without breaking a word. */
static int widest_word(const char *s)
{
	int best = 0;
	while (s && *s) {
		size_t n = strcspn(s, " ");
		int w = lup_utf8_width(s, n);
		best = w > best ? w : best;
		s += n + (s[n] == ' ');
	}
	return best;
}

static void put_text_n(FILE *fp, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putc(s[i] == '\r' || s[i] == '\n' || s[i] == '\t' ? ' ' : s[i], fp);
}

/* Text wrapped to o->width, one line after another. */
static void put_wrapped(struct out *o, const char *s)
{
	const char *next;
	while (*s) {
		size_t n = wrap_next(s, o->width, &next);
		put_text_n(o->fp, s, n);
		s = next;
		if (*s)
			putc('\n', o->fp);
	}
}

static void heading(struct out *o, int level, const char *text)
{
	switch (o->f) {
	case LUP_REPORT_HTML:
		fprintf(o->fp, "<h%d>", level);
		put(o, text);
		fprintf(o->fp, "</h%d>\n", level);
		break;
	case LUP_REPORT_MD:
		fprintf(o->fp, "%.*s ", level, "####");
		put(o, text);
		fputs("\n\n", o->fp);
		break;
	default: {
		int w = width_of(text);
		put(o, text);
		putc('\n', o->fp);
		for (int i = 0; i < w; i++)
			fputs(level == 1 ? "=" : "-", o->fp);
		fputs("\n\n", o->fp);
	}
	}
}

static void para(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void para(struct out *o, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (o->f == LUP_REPORT_HTML)
		fputs("<p>", o->fp);
	if (o->f == LUP_REPORT_TEXT && o->width > 0) {
		for (char *p = buf; *p; p++)
			if (*p == '\r' || *p == '\n' || *p == '\t')
				*p = ' ';
		put_wrapped(o, buf);
	} else {
		put(o, buf);
	}
	fputs(o->f == LUP_REPORT_HTML ? "</p>\n" : "\n\n", o->fp);
}

/* A table built row by row, then written in the output's format. */
struct tab {
	int ncol;
	const char *const *head;
	const char *align;      /* 'l' or 'r' per column */
	char **cell;            /* row by row, ncol a row */
	size_t nrows, cap;      /* cap: cells */
	int failed;
};

static void tab_row(struct tab *t, ...)
{
	va_list ap;
	if (lup_grow(&t->cell, &t->cap, (t->nrows + 1) * (size_t)t->ncol, sizeof *t->cell) < 0) {
		t->failed = 1;
		return;
	}
	va_start(ap, t);
	for (int i = 0; i < t->ncol; i++) {
		const char *v = va_arg(ap, const char *);
		char *c = strdup(v ? v : "");
		if (!c)
			t->failed = 1;
		t->cell[t->nrows * (size_t)t->ncol + (size_t)i] = c;
	}
	va_end(ap);
	t->nrows++;
}

static void tab_free(struct tab *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncol; i++)
		free(t->cell[i]);
	free(t->cell);
	t->cell = NULL;
	t->nrows = t->cap = 0;
}

static void pad(FILE *fp, int n)
{
	for (; n > 0; n--)
		putc(' ', fp);
}

/* Shrink the columns, widest first, until the table fits in width or no
 * column is above its floor. */
static int shrink(int *w, const int *floor, int nc, int total, int width)
{
	while (total > width) {
		int c = -1;
		for (int i = 0; i < nc; i++)
			if (w[i] > floor[i] && (c < 0 || w[i] > w[c]))
				c = i;
		if (c < 0)
			break;
		w[c]--;
		total--;
	}
	return total;
}

/* Some columns of a plain-text table (col[0..nc), two spaces between
 * them), fitted to o->width: when it is wider, the widest columns wrap
 * their headings and text over several lines, between words first and, if
 * it still does not fit, inside them.  Numbers never wrap. */
static void tab_write_cols(struct out *o, const struct tab *t, const int *col, int nc)
{
	FILE *fp = o->fp;
	int w[32] = { 0 }, floor[32] = { 0 }, total = 2 * (nc - 1);
	int cellw[32] = { 0 }, wordw[32] = { 0 };
	for (int k = 0; k < nc; k++) {
		int c = col[k], hw = widest_word(t->head[c]);
		w[k] = width_of(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *cell = t->cell[r * (size_t)t->ncol + (size_t)c];
			int x = width_of(cell), y = t->align[c] == 'r' ? x : widest_word(cell);
			cellw[k] = x > cellw[k] ? x : cellw[k];
			wordw[k] = y > wordw[k] ? y : wordw[k];
		}
		w[k] = cellw[k] > w[k] ? cellw[k] : w[k];
		/* first only the headings wrap */
		floor[k] = cellw[k] > hw ? cellw[k] : hw;
		wordw[k] = wordw[k] > hw ? wordw[k] : hw;
		total += w[k];
	}
	if (o->width > 0 && total > o->width)
		total = shrink(w, floor, nc, total, o->width);
	if (o->width > 0 && total > o->width)   /* then the text, between words */
		total = shrink(w, wordw, nc, total, o->width);
	if (o->width > 0 && total > o->width) { /* then inside words */
		for (int k = 0; k < nc; k++)
			floor[k] = wordw[k] < 4 ? wordw[k] : 4;
		shrink(w, floor, nc, total, o->width);
	}
	for (size_t r = 0; r <= t->nrows + 1; r++) {
		const char *cur[32];
		int more = 1;
		if (r == 1) {   /* the rule under the headings */
			for (int k = 0; k < nc; k++) {
				if (k)
					fputs("  ", fp);
				for (int i = 0; i < w[k]; i++)
					putc('-', fp);
			}
			putc('\n', fp);
			continue;
		}
		for (int k = 0; k < nc; k++)
			cur[k] = r == 0 ? t->head[col[k]] : t->cell[(r - 2) * (size_t)t->ncol + (size_t)col[k]];
		while (more) {
			int gap = 0;   /* spaces owed before the next text on this line */
			more = 0;
			for (int k = 0; k < nc; k++) {
				const char *next;
				size_t n = wrap_next(cur[k], w[k], &next);
				int x = lup_utf8_width(cur[k], n);
				if (k)
					gap += 2;
				if (t->align[col[k]] == 'r')
					gap += w[k] - x;
				if (n) {
					pad(fp, gap);
					gap = 0;
					put_text_n(fp, cur[k], n);
				}
				if (t->align[col[k]] != 'r')
					gap += w[k] - x;
				cur[k] = next;
				more |= *next != '\0';
			}
			putc('\n', fp);
		}
	}
	putc('\n', fp);
}

/* A plain-text table.  One too wide for o->width even with its headings
 * wrapped is written in parts, each beginning with the first column (the
 * row's name) and taking as many of the next columns as fit. */
static void tab_write_text(struct out *o, struct tab *t)
{
	int nc = t->ncol < 32 ? t->ncol : 32, need[32], col[32], n = 0, used = 0;
	for (int c = 0; c < nc; c++) {
		need[c] = widest_word(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *cell = t->cell[r * (size_t)t->ncol + (size_t)c];
			int x = width_of(cell);
			need[c] = x > need[c] ? x : need[c];
		}
	}
	for (int c = 0; c < nc; c++) {
		int add = need[c] + (n ? 2 : 0);
		if (o->width > 0 && n > 1 && used + add > o->width) {
			tab_write_cols(o, t, col, n);
			n = 1;   /* the next part starts again with the first column */
			used = need[0];
			add = need[c] + 2;
		}
		col[n++] = c;
		used += add;
	}
	tab_write_cols(o, t, col, n);
}

static void tab_write(struct out *o, struct tab *t)
{
	FILE *fp = o->fp;
	if (o->f == LUP_REPORT_HTML) {
		fputs("<table>\n<thead><tr>", fp);
		for (int c = 0; c < t->ncol; c++) {
			fputs(t->align[c] == 'r' ? "<th class=\"n\">" : "<th>", fp);
			put(o, t->head[c]);
			fputs("</th>", fp);
		}
		fputs("</tr></thead>\n<tbody>\n", fp);
		for (size_t r = 0; r < t->nrows; r++) {
			fputs("<tr>", fp);
			for (int c = 0; c < t->ncol; c++) {
				fputs(t->align[c] == 'r' ? "<td class=\"n\">" : "<td>", fp);
				put(o, t->cell[r * (size_t)t->ncol + (size_t)c]);
				fputs("</td>", fp);
			}
			fputs("</tr>\n", fp);
		}
		fputs("</tbody>\n</table>\n", fp);
	} else if (o->f == LUP_REPORT_MD) {
		fputs("|", fp);
		for (int c = 0; c < t->ncol; c++) {
			putc(' ', fp);
			put(o, t->head[c]);
			fputs(" |", fp);
		}
		fputs("\n|", fp);
		for (int c = 0; c < t->ncol; c++)
			fputs(t->align[c] == 'r' ? " ---: |" : " --- |", fp);
		putc('\n', fp);
		for (size_t r = 0; r < t->nrows; r++) {
			fputs("|", fp);
			for (int c = 0; c < t->ncol; c++) {
				putc(' ', fp);
				put(o, t->cell[r * (size_t)t->ncol + (size_t)c]);
				fputs(" |", fp);
			}
			putc('\n', fp);
		}
		putc('\n', fp);
	} else {
		tab_write_text(o, t);
	}
	tab_free(t);
}

/* Numbers are printed in the C locale (lup keeps LC_NUMERIC there for
 * its files); Swedish writes a decimal comma. */
static char *decimal(char *buf)
{
	if (lup_i18n_is_swedish())
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	return buf;
}

static char *num(char *buf, long n)
{
	snprintf(buf, 24, "%ld", n);
	return buf;
}

static char *pct(char *buf, double share)
{
	if (share < 0 || !isfinite(share))
		snprintf(buf, 24, "–");
	else
		snprintf(buf, 24, "%.1f %%", share * 100.0);
	return decimal(buf);
}

static double share(long part, long whole)
{
	return whole > 0 ? (double)part / (double)whole : -1.0;
}

static const char *block_kind_label(const char *k)
{
	if (strcmp(k, "ul") == 0) return C_("block kind", "Developmental Leadership (UL)");
	if (strcmp(k, "abw") == 0) return C_("block kind", "activity-based workplace");
	if (strcmp(k, "egov") == 0) return C_("block kind", "e-government tools and methods");
	return C_("block kind", "other");
}

void lup_report_checkins_said(const struct lup_report *r, char *buf, size_t n)
{
	char s1[80], s2[300], s3[80];
	/* TRANSLATORS: the three parts make one sentence: "Of 10 participants," "3 are
	 * overdue for a check-in (…)" "and 2 have none yet." */
	snprintf(s1, sizeof s1, ngettext("Of %ld participant,", "Of %ld participants,",
	                                 (unsigned long)r->checkins_due), r->checkins_due);
	snprintf(s2, sizeof s2,
	         ngettext("%ld is overdue for a check-in (the latest is older than %ld days, or their "
	                  "role's interval)",
	                  "%ld are overdue for a check-in (the latest is older than %ld days, or their "
	                  "role's interval)", (unsigned long)r->checkins_overdue),
	         r->checkins_overdue, r->interval_days);
	snprintf(s3, sizeof s3, ngettext("and %ld has none yet.", "and %ld have none yet.",
	                                 (unsigned long)r->checkins_never), r->checkins_never);
	snprintf(buf, n, "%s %s %s", s1, s2, s3);
}

void lup_report_blocks_run(const struct lup_report *r, const struct lup_report_cohort *c,
                           char *buf, size_t n)
{
	int of = 0, run = 0;
	size_t o;
	for (size_t b = 0; b < r->nblocks; b++)
		if (strcmp(r->blocks[b].programme_id, c->programme_id) == 0) {
			of++;
			if (r->blocks[b].seq >= 1 && r->blocks[b].seq <= 32 &&
			    (c->runs & (1u << (r->blocks[b].seq - 1))))
				run++;
		}
	if (run == 0) {
		snprintf(buf, n, "%s", C_("blocks run", "none"));
		return;
	}
	/* TRANSLATORS: blocks a cohort runs, e.g. "2 of 3". */
	snprintf(buf, n, _("%d of %d"), run, of);
	if (run == of)
		return;
	o = strlen(buf);
	for (size_t b = 0, first = 1; b < r->nblocks && o + 8 < n; b++)
		if (strcmp(r->blocks[b].programme_id, c->programme_id) == 0 && r->blocks[b].seq >= 1 &&
		    r->blocks[b].seq <= 32 && (c->runs & (1u << (r->blocks[b].seq - 1)))) {
			o += (size_t)snprintf(buf + o, n - o, "%s%d", first ? ": " : ", ", r->blocks[b].seq);
			first = 0;
		}
}

/* ---- Inline SVG bar charts (HTML only) ---- */

struct bar {
	const char *label;
	double v, v2;   /* v2 < 0: one bar */
	const char *text;
};

#define SVG_W 640
#define SVG_LABEL 230
#define SVG_BARS 320

static void svg_bars(struct out *o, const char *title, const struct bar *b, size_t n,
                     double max, double mark, const char *mark_label, const char *legend1,
                     const char *legend2)
{
	FILE *fp = o->fp;
	int paired = 0, row = 22, top = legend1 ? 22 : 6;
	int h, markx = -1;
	if (n == 0 || o->f != LUP_REPORT_HTML)
		return;
	for (size_t i = 0; i < n; i++)
		if (b[i].v2 >= 0)
			paired = 1;
	if (max <= 0)
		max = 1;
	/* The mark's label has a band of its own above the bars, so it never
	 * lies over a bar or a bar's figure. */
	if (mark >= 0 && mark <= max) {
		markx = SVG_LABEL + (int)lround(SVG_BARS * mark / max);
		if (mark_label)
			top += 16;
	}
	h = top + (int)n * row + 6;
	o->svg_id++;
	fprintf(fp, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	            "width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"chart%d\">"
	            "<title id=\"chart%d\">", SVG_W, h, SVG_W, h, o->svg_id, o->svg_id);
	put_html(fp, title);
	fputs("</title>\n", fp);
	if (legend1) {
		fprintf(fp, "<rect class=\"%s\" x=\"%d\" y=\"4\" width=\"12\" height=\"10\"/>"
		            "<text x=\"%d\" y=\"13\">", paired ? "b1" : "b2", SVG_LABEL, SVG_LABEL + 16);
		put_html(fp, legend1);
		fputs("</text>", fp);
		if (legend2) {
			fprintf(fp, "<rect class=\"b2\" x=\"%d\" y=\"4\" width=\"12\" height=\"10\"/>"
			            "<text x=\"%d\" y=\"13\">", SVG_LABEL + 150, SVG_LABEL + 166);
			put_html(fp, legend2);
			fputs("</text>", fp);
		}
		putc('\n', fp);
	}
	for (size_t i = 0; i < n; i++) {
		int y = top + (int)i * row;
		double v1 = b[i].v < 0 ? 0 : b[i].v, v2 = b[i].v2;
		int w1 = (int)lround(SVG_BARS * (v1 > max ? 1.0 : v1 / max));
		char label[128];
		size_t cut = lup_utf8_fit(b[i].label ? b[i].label : "", 30, NULL);
		snprintf(label, sizeof label, "%.*s%s", (int)cut, b[i].label ? b[i].label : "",
		         b[i].label && b[i].label[cut] ? "…" : "");
		fprintf(fp, "<text class=\"l\" x=\"%d\" y=\"%d\">", SVG_LABEL - 8, y + 15);
		put_html(fp, label);
		fputs("</text>", fp);
		if (paired) {
			int w2 = (int)lround(SVG_BARS * (v2 < 0 ? 0 : v2 > max ? 1.0 : v2 / max));
			fprintf(fp, "<rect class=\"b1\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"9\"/>"
			            "<rect class=\"b2\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"9\"/>",
			        SVG_LABEL, y + 2, w1, SVG_LABEL, y + 11, w2);
			w1 = w1 > w2 ? w1 : w2;
		} else {
			fprintf(fp, "<rect class=\"b2\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\"/>",
			        SVG_LABEL, y + 2, w1);
		}
		{
			/* a figure that would cross the mark's line goes after it
			 * (12px text: about 7px a character) */
			int tx = SVG_LABEL + w1 + 6;
			int tw = 7 * (int)(b[i].text ? strlen(b[i].text) : 0);
			if (markx >= 0 && tx < markx + 3 && tx + tw > markx - 3)
				tx = markx + 5;
			fprintf(fp, "<text x=\"%d\" y=\"%d\">", tx, y + 15);
		}
		put_html(fp, b[i].text ? b[i].text : "");
		fputs("</text>\n", fp);
	}
	if (markx >= 0) {
		int x = markx;
		fprintf(fp, "<line class=\"mark\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", x, top - 2, x, h - 2);
		if (mark_label) {
			fprintf(fp, "<text class=\"l\" x=\"%d\" y=\"%d\">", x - 3, top - 5);
			put_html(fp, mark_label);
			fputs("</text>", fp);
		}
	}
	fputs("</svg></figure>\n", fp);
}

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
static const char html_style[] =
	"</title>\n<style>\n"
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#111;"
	"background:#fff;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.4}\n"
	"h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;"
	"border-bottom:2px solid #234;padding-bottom:.1em}h3{font-size:1.05em}\n"
	"table{border-collapse:collapse;margin:.4em 0 1.2em;font-size:.92em}\n"
	"th,td{padding:.15em .6em;border-bottom:1px solid #ccc;text-align:left;vertical-align:top}\n"
	"th{border-bottom:2px solid #666}.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"figure{margin:.4em 0 1em}svg{max-width:100%;height:auto;font-size:12px;font-family:inherit}\n"
	"svg text{fill:#111}svg text.l{text-anchor:end}svg .b1{fill:#a9c4e0}svg .b2{fill:#1f5c99}\n"
	"svg .mark{stroke:#b00;stroke-width:2;stroke-dasharray:4 2}\n"
	".nw{white-space:nowrap}\n"
	"@page{size:A4;margin:16mm 14mm}\n"
	"@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}"
	"table,figure{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
	"</style>\n</head>\n<body>\n";

/* "1 → 2", "1–2 → 3": the revisions of the first and the latest. */
static void revisions(const struct lup_report_area *a, char *buf, size_t n)
{
	char f[24], l[24];
	if (a->first_rev_min == a->first_rev_max)
		snprintf(f, sizeof f, "%d", a->first_rev_min);
	else
		snprintf(f, sizeof f, "%d–%d", a->first_rev_min, a->first_rev_max);
	if (a->latest_rev_min == a->latest_rev_max)
		snprintf(l, sizeof l, "%d", a->latest_rev_min);
	else
		snprintf(l, sizeof l, "%d–%d", a->latest_rev_min, a->latest_rev_max);
	snprintf(buf, n, "%s → %s", f, l);
}

static const char *area_label(const struct lup_report_area *a, char *buf, size_t n)
{
	const char *name = lup_i18n_is_swedish() && a->name_sv[0] ? a->name_sv : a->name;
	snprintf(buf, n, "%s %s", a->code, name);
	return buf;
}

int lup_report_write(const struct lup_report *r, enum lup_report_format f, FILE *fp,
                     lup_err *err)
{
	return lup_report_write_width(r, f, fp, 0, err);
}

int lup_report_write_width(const struct lup_report *r, enum lup_report_format f, FILE *fp,
                           int width, lup_err *err)
{
	struct out o = { fp, f, 0, width };
	char b1[24], b2[24], b3[24], b4[24], b5[24], b6[24], b7[24], b8[24], b9[24];
	struct bar *bars = NULL;
	size_t nbars = r->nblocks + r->ncountries + r->nareas + 8;

	if (!(bars = calloc(nbars, sizeof *bars)))
		return lup_err_oom(err);
	if (f == LUP_REPORT_HTML) {
		fprintf(fp, html_head, lup_i18n_is_swedish() ? "sv" : "en");
		put_html(fp, _("Programme progress"));
		fputs(html_style, fp);
	}
	heading(&o, 1, _("Programme progress"));
	para(&o, ngettext("As of %s. lup holds %ld person, %ld of them active.",
	                  "As of %s. lup holds %ld people, %ld of them active.", (unsigned long)r->people), r->as_of,
	     r->people, r->active_people);

	/* The programmes against their targets. */
	heading(&o, 2, _("Participants against the target"));
	if (r->nprogrammes == 0)
		para(&o, _("No programme yet (the target is %ld)."), r->default_target);
	for (size_t i = 0; i < r->nprogrammes; i++) {
		const struct lup_report_programme *p = &r->programmes[i];
		long reached = p->enrol.enrolled + p->enrol.completed;
		struct tab t = { 3, (const char *const[]){ C_("report", "Measure"), C_("report", "People"), _("Of target") }, "lrr", 0, 0, 0, 0 };
		struct bar pb[2];
		if (r->nprogrammes > 1 || p->name[0])
			heading(&o, 3, p->name);
		if (p->start_date[0] || p->end_date[0])
			para(&o, ngettext("%s to %s, %ld cohort.", "%s to %s, %ld cohorts.", (unsigned long)p->cohorts),
			     p->start_date[0] ? p->start_date : "…",
			     p->end_date[0] ? p->end_date : "…", p->cohorts);
		tab_row(&t, C_("report", "Target"), num(b1, p->target), "");
		tab_row(&t, _("Reached (enrolled or completed)"), num(b2, reached), pct(b3, share(reached, p->target)));
		tab_row(&t, C_("report", "Completed"), num(b4, p->enrol.completed), pct(b5, share(p->enrol.completed, p->target)));
		tab_row(&t, _("Enrolled, not yet completed"), num(b6, p->enrol.enrolled), "");
		tab_row(&t, _("On the waiting list"), num(b7, p->enrol.waitlisted), "");
		tab_row(&t, C_("report", "Withdrawn"), num(b8, p->enrol.withdrawn), "");
		tab_write(&o, &t);
		pb[0] = (struct bar){ C_("report", "Reached"), (double)reached, -1, b2 };
		pb[1] = (struct bar){ C_("report", "Completed"), (double)p->enrol.completed, -1, b4 };
		{
			double max = (double)(reached > p->target ? reached : p->target);
			snprintf(b9, sizeof b9, "%s %ld", C_("report", "target"), p->target);
			svg_bars(&o, _("Participants against the target"), pb, 2, max, (double)p->target, b9,
			         NULL, NULL);
		}
	}

	/* Cohorts. */
	heading(&o, 2, _("By cohort"));
	if (r->ncohorts == 0) {
		para(&o, _("No cohorts yet."));
	} else {
		struct tab t = { 12, (const char *const[]){ C_("report", "Cohort"), C_("report", "Status"), C_("report", "Start"), C_("report", "End"),
			_("Blocks run"), C_("report", "Seats"), C_("report", "Enrolled"), C_("report", "Completed"), C_("report", "Waiting"),
			C_("report", "Withdrawn"), _("Sessions held"), C_("report", "Attendance") }, "lllllrrrrrrr", 0, 0, 0, 0 };
		for (size_t i = 0; i < r->ncohorts; i++) {
			const struct lup_report_cohort *c = &r->cohorts[i];
			char held[48], runs[160];
			snprintf(held, sizeof held, "%ld/%ld", c->sessions_held, c->sessions);
			lup_report_blocks_run(r, c, runs, sizeof runs);
			tab_row(&t, c->name, lup_cohort_status_label(c->status), c->start_date, c->end_date, runs,
			        num(b1, c->capacity), num(b2, c->enrol.enrolled), num(b3, c->enrol.completed),
			        num(b4, c->enrol.waitlisted), num(b5, c->enrol.withdrawn), held,
			        pct(b6, lup_report_att_rate(&c->att)));
		}
		tab_write(&o, &t);
		para(&o, _("Blocks run: the blocks (by number, as in the table by block) a cohort has "
		           "sessions in. A session is held once its day has come; attendance counts held "
		           "sessions only."));
	}

	/* Blocks. */
	heading(&o, 2, _("By block"));
	if (r->nblocks == 0) {
		para(&o, _("No blocks yet."));
	} else {
		struct tab t = { 8, (const char *const[]){ C_("report", "Block"), _("Cohorts running it"), _("Sessions held"),
			C_("report", "Attendance"), C_("report", "Participants"), _("Block finished"), _("Completed the block"),
			C_("report", "Share") }, "lrrrrrrr", 0, 0, 0, 0 };
		char held[48], name[240], runs[48];
		for (size_t i = 0; i < r->nblocks; i++) {
			const struct lup_report_block *b = &r->blocks[i];
			snprintf(name, sizeof name, "%d %s", b->seq, b->name);
			snprintf(runs, sizeof runs, "%ld/%ld", b->runs, b->cohorts);
			snprintf(held, sizeof held, "%ld/%ld", b->sessions_held, b->sessions);
			tab_row(&t, name, runs, held, pct(b1, lup_report_att_rate(&b->att)), num(b2, b->participants),
			        num(b3, b->finished), num(b4, b->completed), pct(b5, share(b->completed, b->finished)));
		}
		tab_write(&o, &t);
		para(&o, _("Only the cohorts that run a block count for it: a block a cohort has no sessions "
		           "in is neither met nor missed there, and a participant completes the programme by "
		           "meeting every block their cohort runs. A block is finished in a cohort when all "
		           "its sessions there have been held; a participant completed it by attending "
		           "(present or late) at least the block's minimum share of them."));
		for (size_t i = 0; i < r->nblocks; i++) {
			bars[i].label = r->blocks[i].name[0] ? r->blocks[i].name : block_kind_label(r->blocks[i].kind);
			bars[i].v = lup_report_att_rate(&r->blocks[i].att) * 100.0;
			bars[i].v2 = -1;
			bars[i].text = NULL;
		}
		{
			/* the value labels need their own storage */
			char (*txt)[24] = calloc(r->nblocks, sizeof *txt);
			if (txt) {
				for (size_t i = 0; i < r->nblocks; i++) {
					pct(txt[i], lup_report_att_rate(&r->blocks[i].att));
					bars[i].text = txt[i];
				}
				svg_bars(&o, _("Attendance by block"), bars, r->nblocks, 100, -1, NULL, NULL, NULL);
				free(txt);
			}
		}
	}

	/* Attendance overall. */
	heading(&o, 2, C_("report", "Attendance"));
	{
		long held = r->att.present + r->att.late + r->att.absent;
		struct tab t = { 2, (const char *const[]){ C_("report", "Recorded"), _("Sessions × people") }, "lr", 0, 0, 0, 0 };
		tab_row(&t, C_("report", "Present"), num(b1, r->att.present));
		tab_row(&t, C_("report", "Late"), num(b2, r->att.late));
		tab_row(&t, C_("report", "Absent"), num(b3, r->att.absent));
		tab_row(&t, _("Excused (not in the rate)"), num(b4, r->att.excused));
		tab_row(&t, _("Attendance rate"), pct(b5, share(r->att.present + r->att.late, held)));
		tab_write(&o, &t);
	}

	/* Study visits. */
	heading(&o, 2, _("Study visits made"));
	if (r->nvisits == 0) {
		para(&o, _("No study visits yet."));
	} else {
		struct tab t = { 5, (const char *const[]){ _("Host organisation"), _("Visits made"), C_("report", "Cohorts"),
			_("Present at them"), _("Still to come") }, "lrrrr", 0, 0, 0, 0 };
		char host[240];
		for (size_t i = 0; i < r->nvisits; i++) {
			const struct lup_report_visits *v = &r->visits[i];
			if (v->registered)
				snprintf(host, sizeof host, "%s", v->host);
			else
				/* TRANSLATORS: a study-visit host typed as text, not in the register. */
				snprintf(host, sizeof host, _("%s (not in the register)"), v->host);
			tab_row(&t, host, num(b1, v->held), num(b2, v->cohorts), num(b3, v->present),
			        num(b4, v->planned));
		}
		tab_write(&o, &t);
	}

	/* Placements. */
	heading(&o, 2, _("Job shadowing"));
	if (r->placements_total == 0) {
		para(&o, _("No placements yet."));
	} else {
		struct tab t = { 2, (const char *const[]){ C_("report", "Status"), C_("report", "Placements") }, "lr", 0, 0, 0, 0 };
		char (*txt)[24] = calloc(LUP_PS_COUNT + r->ncountries, sizeof *txt);
		double max = 0;
		for (int s = 0; s < LUP_PS_COUNT; s++) {
			tab_row(&t, lup_pstatus_label((enum lup_pstatus)s), num(b1, r->placements[s]));
			if (txt) {
				bars[s] = (struct bar){ lup_pstatus_label((enum lup_pstatus)s), (double)r->placements[s], -1,
				                        num(txt[s], r->placements[s]) };
				if (r->placements[s] > max)
					max = (double)r->placements[s];
			}
		}
		tab_row(&t, C_("report", "All"), num(b1, r->placements_total));
		tab_write(&o, &t);
		if (txt)
			svg_bars(&o, _("Placements by status"), bars, LUP_PS_COUNT, max, -1, NULL, NULL, NULL);

		heading(&o, 3, _("By country"));
		{
			struct tab tc = { 8, (const char *const[]){ C_("report", "Country"), C_("report", "All"), C_("placement status", "proposed"),
				C_("placement status", "agreed"), C_("placement status", "confirmed"), C_("placement status", "completed"), C_("placement status", "cancelled"), _("Days completed") },
				"lrrrrrrr", 0, 0, 0, 0 };
			size_t nb = r->ncountries < 20 ? r->ncountries : 20;
			for (size_t i = 0; i < r->ncountries; i++) {
				const struct lup_report_country *c = &r->countries[i];
				tab_row(&tc, lup_country_name(c->country), num(b1, c->total), num(b2, c->by_status[0]), num(b3, c->by_status[1]),
				        num(b4, c->by_status[2]), num(b5, c->by_status[3]), num(b6, c->by_status[4]),
				        num(b7, c->days));
			}
			tab_write(&o, &tc);
			if (txt) {
				for (size_t i = 0; i < nb; i++)
					bars[i] = (struct bar){ lup_country_name(r->countries[i].country),
					                        (double)r->countries[i].total, -1,
					                        num(txt[LUP_PS_COUNT + i], r->countries[i].total) };
				svg_bars(&o, _("Placements by country"), bars, nb,
				         nb ? (double)r->countries[0].total : 1, -1, NULL, NULL, NULL);
			}
		}
		free(txt);
	}

	/* Competence. */
	heading(&o, 2, _("Competence before and after"));
	if (r->nareas == 0) {
		para(&o, _("No one has two final self-assessments yet."));
	} else {
		struct tab t = { 6, (const char *const[]){ C_("report", "Area"), C_("report", "People"), C_("report", "First"), C_("report", "Latest"),
			C_("report", "Change"), C_("report", "Revisions") }, "lrrrrl", 0, 0, 0, 0 };
		char (*lab)[256] = calloc(r->nareas, sizeof *lab);
		char (*txt)[48] = calloc(r->nareas, sizeof *txt);
		double max = 0;
		para(&o, ngettext("Mean self-assessed level per area: each person's first and latest final "
		                  "self-assessment (%ld person with both). Revisions: of the framework the first and "
		                  "the latest were made with; levels are compared by competence, not by code.",
		                  "Mean self-assessed level per area: each person's first and latest final "
		                  "self-assessment (%ld people with both). Revisions: of the framework the first and "
		                  "the latest were made with; levels are compared by competence, not by code.",
		                  (unsigned long)r->competence_people),
		     r->competence_people);
		for (size_t i = 0; i < r->nareas; i++) {
			const struct lup_report_area *a = &r->areas[i];
			char name[256];
			area_label(a, name, sizeof name);
			snprintf(b2, sizeof b2, "%.2f", a->before);
			snprintf(b3, sizeof b3, "%.2f", a->after);
			snprintf(b4, sizeof b4, "%+.2f", a->after - a->before);
			decimal(b2);
			decimal(b3);
			decimal(b4);
			char rv[64];
			revisions(a, rv, sizeof rv);
			tab_row(&t, name, num(b1, a->people), b2, b3, b4, rv);
			if (lab && txt) {
				snprintf(lab[i], sizeof lab[i], "%s", name);
				snprintf(txt[i], sizeof txt[i], "%.1f → %.1f", a->before, a->after);
				decimal(txt[i]);
				bars[i] = (struct bar){ lab[i], a->before, a->after, txt[i] };
			}
			if (a->before > max)
				max = a->before;
			if (a->after > max)
				max = a->after;
		}
		tab_write(&o, &t);
		if (lab && txt)
			svg_bars(&o, _("Competence before and after"), bars, r->nareas, ceil(max), -1, NULL,
			         C_("report", "first"), C_("report", "latest"));
		free(lab);
		free(txt);
	}

	/* Check-ins. */
	heading(&o, 2, C_("report", "Check-ins"));
	{
		char line[480];
		lup_report_checkins_said(r, line, sizeof line);
		para(&o, "%s", line);
	}
	if (r->checkins_overdue + r->checkins_never > 0) {
		struct tab t = { 4, (const char *const[]){ C_("report", "Cohort"), C_("report", "Participants"), C_("report", "Overdue"),
			_("None yet") }, "lrrr", 0, 0, 0, 0 };
		for (size_t i = 0; i < r->ncohorts; i++) {
			const struct lup_report_cohort *c = &r->cohorts[i];
			if (c->checkins_overdue + c->checkins_never == 0)
				continue;
			tab_row(&t, c->name, num(b1, c->checkins_due), num(b2, c->checkins_overdue),
			        num(b3, c->checkins_never));
		}
		tab_write(&o, &t);
	}
	if (f == LUP_REPORT_HTML)
		fputs("</body>\n</html>\n", fp);
	free(bars);
	if (ferror(fp))
		return lup_err_set(err, LUP_EFAIL, _("cannot write the report"));
	return 0;
}

int lup_report_file(const struct lup_report *r, enum lup_report_format f,
                    const char *path, lup_err *err)
{
	return lup_report_file_width(r, f, path, 0, err);
}

int lup_report_file_width(const struct lup_report *r, enum lup_report_format f,
                          const char *path, int width, lup_err *err)
{
	lup_afile af;
	if (lup_afile_open(&af, path, 0600, err) < 0)
		return -1;
	if (lup_report_write_width(r, f, af.fp, width, err) < 0) {
		lup_afile_abort(&af);
		return -1;
	}
	return lup_afile_commit(&af, err);
}
