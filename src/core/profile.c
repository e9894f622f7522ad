/* profile.c — a person's competence profile (lup/profile.h): gathered
 * from their check-ins, gaps and targets, written as one HTML page. */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"
#include "core/fw_int.h"
#include "lup/people.h"
#include "lup/profile.h"

void lup_profile_clear(struct lup_profile *p)
{
	for (size_t f = 0; f < p->nfws; f++) {
		struct lup_profile_fw *fw = &p->fws[f];
		for (size_t i = 0; i < fw->nitems; i++)
			free(fw->items[i].comment);
		for (size_t k = 0; k < fw->ncheckins; k++) {
			struct lup_profile_checkin *c = &fw->checkins[k];
			for (size_t r = 0; r < c->nratings; r++)
				free(c->ratings[r].comment);
			free(c->ratings);
			free(c->note);
		}
		free(fw->items);
		free(fw->checkins);
	}
	free(p->fws);
	memset(p, 0, sizeof *p);
}

/* The name of level value in revision rev of ident ("" without one). */
static int meaning(lup_db *db, const char *ident, int rev, int value, char *buf, size_t n, lup_err *err)
{
	static const char sql[] =
		"SELECT l.name, coalesce(l.name_sv, '') FROM level l JOIN framework f ON f.id = l.framework_id "
		"WHERE f.ident = ?1 AND f.revision = ?2 AND l.value = ?3";
	sqlite3_stmt *st;
	int rc;
	buf[0] = '\0';
	if (value < 0 || rev <= 0)
		return 0;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, rev);
	sqlite3_bind_int(st, 3, value);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(buf, n, "%s", lup_fw_text((const char *)sqlite3_column_text(st, 0),
		                                   (const char *)sqlite3_column_text(st, 1)));
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading a framework"));
	/* a level named only by its number says nothing more */
	{
		char num[16];
		snprintf(num, sizeof num, "%d", value);
		if (strcmp(buf, num) == 0)
			buf[0] = '\0';
	}
	return 0;
}

static int latest_comment(lup_db *db, const char *person_id, const char *competence_id,
                          struct lup_profile_item *it, lup_err *err)
{
	static const char sql[] =
		"SELECT r.comment, k.date FROM competence cur JOIN competence c ON c.identity = cur.identity "
		"JOIN rating r ON r.competence_id = c.id JOIN checkin k ON k.id = r.checkin_id "
		"WHERE cur.id = ?2 AND k.person_id = ?1 AND " EFFECTIVE("k") " AND r.comment IS NOT NULL "
		"ORDER BY k.date DESC, k.created_at DESC, k.id DESC LIMIT 1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, competence_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		it->comment = lup_col_dup(st, 0);
		lup_col_copy(st, 1, it->comment_date, sizeof it->comment_date);
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading comments"));
	return 0;
}

/* The competences of the latest revision, now. */
static int items(lup_db *db, const char *person_id, const char *fwid, struct lup_profile_fw *f, lup_err *err)
{
	struct lup_gap_row rows[64], last;
	const struct lup_gap_row *from = NULL;
	struct lup_framework *fw;
	size_t cap = 0;
	int got;

	if (lup_framework_load(db, fwid, &fw, err) < 0)
		return -1;
	do {
		if ((got = lup_gap_page(db, person_id, fwid, from, 1, 64, rows, err)) < 0) {
			lup_framework_free(fw);
			return -1;
		}
		for (int i = 0; i < got; i++) {
			const struct lup_gap_row *g = &rows[i];
			const struct lup_fw_area *a = lup_fw_area_get(fw, g->area);
			struct lup_profile_item *it = LUP_PUSH(f->items, f->nitems, cap);
			if (!it) {
				lup_framework_free(fw);
				return lup_err_oom(err);
			}
			snprintf(it->code, sizeof it->code, "%s", g->code);
			snprintf(it->area, sizeof it->area, "%s", g->area);
			snprintf(it->name, sizeof it->name, "%s", lup_fw_text(g->name, g->name_sv));
			snprintf(it->area_name, sizeof it->area_name, "%s", a ? lup_fw_text(a->name, a->name_sv) : "");
			it->level_min = g->level_min;
			it->level_max = g->level_max;
			it->target = g->target;
			it->target_personal = g->target_personal;
			it->self = g->self;
			it->assessed = g->assessed;
			it->self_rev = g->self_rev;
			it->assessed_rev = g->assessed_rev;
			memcpy(it->self_date, g->self_date, sizeof it->self_date);
			memcpy(it->assessed_date, g->assessed_date, sizeof it->assessed_date);
			memcpy(it->assessed_kind, g->assessed_kind, sizeof it->assessed_kind);
			if (g->target != LUP_LEVEL_NONE) {
				f->with_target++;
				f->below += g->has_gap && g->gap > 0;
			}
			if (meaning(db, fw->ident, g->self_rev, g->self, it->self_meaning, sizeof it->self_meaning, err) < 0 ||
			    meaning(db, fw->ident, g->assessed_rev, g->assessed, it->assessed_meaning,
			            sizeof it->assessed_meaning, err) < 0 ||
			    meaning(db, fw->ident, fw->revision, g->target, it->target_meaning, sizeof it->target_meaning,
			            err) < 0 ||
			    latest_comment(db, person_id, g->competence_id, it, err) < 0) {
				lup_framework_free(fw);
				return -1;
			}
		}
		if (got > 0) {
			last = rows[got - 1];
			from = &last;
		}
	} while (got == 64);
	lup_framework_free(fw);
	return 0;
}

/* The final check-ins of ident (corrections in place of what they
 * correct), oldest first, with their ratings and the targets of their
 * time. */
static int checkins(lup_db *db, const char *person_id, const char *ident, struct lup_profile_fw *f,
                    lup_err *err)
{
	static const char sql_k[] =
		"SELECT k.id, k.date, k.kind, coalesce(a.name, k.assessor_name, ''), f.revision, k.note "
		"FROM checkin k JOIN framework f ON f.id = k.framework_id LEFT JOIN person a ON a.id = k.assessor_id "
		"WHERE k.person_id = ?1 AND f.ident = ?2 AND " EFFECTIVE("k") " "
		"ORDER BY k.date, k.created_at, k.id";
	static const char sql_r[] =
		"SELECT c.code, c.name, c.name_sv, r.level, l.name, l.name_sv, "
		TARGET_AT("c.identity", "k.person_id", TARGET_TIME("k", "f")) ", r.comment "
		"FROM rating r JOIN checkin k ON k.id = r.checkin_id JOIN framework f ON f.id = k.framework_id "
		"JOIN competence c ON c.id = r.competence_id "
		"LEFT JOIN level l ON l.framework_id = k.framework_id AND l.value = r.level "
		"WHERE r.checkin_id = ?1 ORDER BY c.seq";
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if (!(st = lup_stmt(db, sql_k, err)))
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ident, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_profile_checkin *c = LUP_PUSH(f->checkins, f->ncheckins, cap);
		if (!c) {
			rc = SQLITE_NOMEM;
			break;
		}
		lup_col_copy(st, 0, c->id, sizeof c->id);
		lup_col_copy(st, 1, c->date, sizeof c->date);
		lup_col_copy(st, 2, c->kind, sizeof c->kind);
		lup_col_copy(st, 3, c->assessor, sizeof c->assessor);
		c->revision = sqlite3_column_int(st, 4);
		c->note = lup_col_dup(st, 5);
	}
	lup_done(st);
	if (rc == SQLITE_NOMEM)
		return lup_err_oom(err);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading check-ins"));
	for (size_t k = 0; k < f->ncheckins; k++) {
		struct lup_profile_checkin *c = &f->checkins[k];
		size_t rcap = 0;
		if (!(st = lup_stmt(db, sql_r, err)))
			return -1;
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct lup_profile_rating *r = LUP_PUSH(c->ratings, c->nratings, rcap);
			char num[16];
			if (!r) {
				rc = SQLITE_NOMEM;
				break;
			}
			lup_col_copy(st, 0, r->code, sizeof r->code);
			snprintf(r->name, sizeof r->name, "%s", lup_fw_text((const char *)sqlite3_column_text(st, 1),
			                                                   (const char *)sqlite3_column_text(st, 2)));
			r->level = sqlite3_column_type(st, 3) == SQLITE_NULL ? LUP_LEVEL_NA : sqlite3_column_int(st, 3);
			snprintf(r->meaning, sizeof r->meaning, "%s", lup_fw_text((const char *)sqlite3_column_text(st, 4),
			                                                         (const char *)sqlite3_column_text(st, 5)));
			snprintf(num, sizeof num, "%d", r->level);
			if (strcmp(r->meaning, num) == 0)
				r->meaning[0] = '\0';
			lup_comp_level(st, 6, &r->target);
			r->comment = lup_col_dup(st, 7);
		}
		lup_done(st);
		if (rc == SQLITE_NOMEM)
			return lup_err_oom(err);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("reading ratings"));
	}
	return 0;
}

int lup_profile_build(lup_db *db, const lup_config *cfg, const char *person_id, struct lup_profile *out,
                      lup_err *err)
{
	static const char sql_idents[] =
		"SELECT DISTINCT f.ident FROM checkin k JOIN framework f ON f.id = k.framework_id "
		"WHERE k.person_id = ?1 AND k.status = 'final' ORDER BY f.ident";
	struct lup_person p;
	char theirs[LUP_FW_IDENT_MAX + 1], (*idents)[LUP_FW_IDENT_MAX + 1] = NULL;
	size_t nid = 0, cap = 0;
	sqlite3_stmt *st;
	lup_date today = lup_date_today();
	int rc;

	memset(out, 0, sizeof *out);
	if (lup_person_get(db, person_id, &p, err) < 0)
		return -1;
	snprintf(out->person_id, sizeof out->person_id, "%s", p.id);
	snprintf(out->name, sizeof out->name, "%s", p.name);
	snprintf(out->unit, sizeof out->unit, "%s", p.org_unit ? p.org_unit : "");
	snprintf(out->role, sizeof out->role, "%s", p.role ? p.role : "");
	snprintf(theirs, sizeof theirs, "%s", lup_competence_framework_for(cfg, p.role));
	if (p.manager_id && *p.manager_id) {
		struct lup_person m;
		if (lup_person_get(db, p.manager_id, &m, err) == 0) {
			snprintf(out->manager, sizeof out->manager, "%s", m.name);
			lup_person_clear(&m);
		}
	}
	lup_person_clear(&p);
	lup_date_format(today, out->as_of);
	if (lup_due_person(db, cfg, person_id, today, &out->due, err) < 0)
		return -1;

	/* their framework first, then the others they were assessed on */
	{
		char id[LUP_UUID_LEN + 1];
		lup_err e2;
		if (lup_framework_current(db, theirs, id, &e2) == 0) {
			if (!LUP_PUSH(idents, nid, cap))
				return lup_err_oom(err);
			snprintf(idents[nid - 1], sizeof idents[nid - 1], "%s", theirs);
		}
	}
	if (!(st = lup_stmt(db, sql_idents, err)))
		goto fail;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ident = (const char *)sqlite3_column_text(st, 0);
		if (!ident || strcmp(ident, theirs) == 0)
			continue;
		if (!LUP_PUSH(idents, nid, cap)) {
			rc = SQLITE_NOMEM;
			break;
		}
		snprintf(idents[nid - 1], sizeof idents[nid - 1], "%s", ident);
	}
	lup_done(st);
	if (rc == SQLITE_NOMEM) {
		lup_err_oom(err);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("reading check-ins"));
		goto fail;
	}
	if (nid && !(out->fws = calloc(nid, sizeof *out->fws))) {
		lup_err_oom(err);
		goto fail;
	}
	for (size_t i = 0; i < nid; i++) {
		struct lup_profile_fw *f = &out->fws[out->nfws++];
		struct lup_framework_row *rows;
		char id[LUP_UUID_LEN + 1];
		size_t n;
		snprintf(f->ident, sizeof f->ident, "%s", idents[i]);
		f->theirs = strcmp(idents[i], theirs) == 0;
		if (lup_framework_current(db, idents[i], id, err) < 0 || lup_framework_list(db, 0, &rows, &n, err) < 0)
			goto fail;
		for (size_t k = 0; k < n; k++)
			if (strcmp(rows[k].id, id) == 0) {
				snprintf(f->name, sizeof f->name, "%s", lup_fw_text(rows[k].name, rows[k].name_sv));
				f->revision = rows[k].revision;
			}
		free(rows);
		if (items(db, person_id, id, f, err) < 0 || checkins(db, person_id, idents[i], f, err) < 0)
			goto fail;
	}
	free(idents);
	return 0;
fail:
	free(idents);
	lup_profile_clear(out);
	return -1;
}

/* ---- HTML ---- */

static const char css[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#111;"
	"background:#fff;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.4}\n"
	"h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;"
	"border-bottom:2px solid #234;padding-bottom:.1em}h3{font-size:1.05em;margin-top:1.4em}\n"
	"table{border-collapse:collapse;margin:.4em 0 1.2em;font-size:.92em;width:100%}\n"
	"th,td{padding:.15em .5em;border-bottom:1px solid #ccc;text-align:left;vertical-align:top}\n"
	"th{border-bottom:2px solid #666}.n{text-align:right;white-space:nowrap}.m{color:#444}\n"
	".below{font-weight:bold}.small{font-size:.85em;color:#555}\n"
	"@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3{break-after:avoid}"
	"tr{break-inside:avoid}}\n";

static void esc(FILE *fp, const char *s)
{
	lup_html_put(fp, s);
}

/* "3 Routine tasks" with its date and revision below it. */
/* A table and its row of column titles (NULL after the last). */
static void table_head(FILE *fp, const char *const *titles)
{
	fputs("<table>\n<tr>", fp);
	for (; *titles; titles++) {
		fputs("<th>", fp);
		esc(fp, *titles);
		fputs("</th>", fp);
	}
	fputs("</tr>\n", fp);
}

static void level_cell(FILE *fp, int level, const char *meaning, const char *date, int rev, int latest_rev)
{
	fputs("<td>", fp);
	if (level == LUP_LEVEL_NONE) {
		fputs("–</td>", fp);
		return;
	}
	if (level == LUP_LEVEL_NA)
		esc(fp, _("not assessed"));
	else
		fprintf(fp, "%d", level);
	if (meaning && *meaning) {
		fputs(" <span class=\"m\">", fp);
		esc(fp, meaning);
		fputs("</span>", fp);
	}
	if (date && *date) {
		fputs("<br><span class=\"small\">", fp);
		esc(fp, date);
		if (rev && rev != latest_rev)
			fprintf(fp, _(" · revision %d"), rev);
		fputs("</span>", fp);
	}
	fputs("</td>", fp);
}

static void target_cell(FILE *fp, int target, int personal, const char *meaning)
{
	fputs("<td>", fp);
	if (target == LUP_LEVEL_NONE) {
		fputs("–</td>", fp);
		return;
	}
	fprintf(fp, "%d", target);
	if (meaning && *meaning) {
		fputs(" <span class=\"m\">", fp);
		esc(fp, meaning);
		fputs("</span>", fp);
	}
	if (personal) {
		fputs("<br><span class=\"small\">", fp);
		esc(fp, _("their own"));
		fputs("</span>", fp);
	}
	fputs("</td>", fp);
}

static void write_fw(FILE *fp, const struct lup_profile_fw *f)
{
	const char *prev_area = NULL;
	fputs("<h2>", fp);
	esc(fp, f->name);
	fprintf(fp, " <span class=\"small\">(%s, ", f->ident);
	fprintf(fp, _("revision %d"), f->revision);
	fputs(")</span></h2>\n<p>", fp);
	if (f->theirs)
		esc(fp, _("The framework their role is assessed on."));
	else
		esc(fp, _("A framework they were assessed on before."));
	fputs(" ", fp);
	if (f->with_target) {
		char b[200];
		snprintf(b, sizeof b, ngettext("%ld of %ld competence with a target is below it.",
		                               "%ld of %ld competences with a target are below it.",
		                               (unsigned long)f->with_target), f->below,
		         f->with_target);
		esc(fp, b);
	} else {
		esc(fp, _("No targets apply to them in it."));
	}
	fputs("</p>\n", fp);
	table_head(fp, (const char *const[]){ _("Competence"), _("Self-assessed"), _("Assessed"), _("Target"),
	                                      _("Comment"), NULL });
	for (size_t i = 0; i < f->nitems; i++) {
		const struct lup_profile_item *it = &f->items[i];
		int level = it->assessed != LUP_LEVEL_NONE ? it->assessed : it->self;
		int below = level != LUP_LEVEL_NONE && it->target != LUP_LEVEL_NONE && level < it->target;
		if (!prev_area || strcmp(prev_area, it->area) != 0) {
			fputs("<tr><th colspan=\"5\">", fp);
			esc(fp, it->area);
			fputs(" ", fp);
			esc(fp, it->area_name);
			fputs("</th></tr>\n", fp);
			prev_area = it->area;
		}
		fprintf(fp, "<tr%s><td>", below ? " class=\"below\"" : "");
		esc(fp, it->code);
		fputs(" ", fp);
		esc(fp, it->name);
		fputs("</td>", fp);
		level_cell(fp, it->self, it->self_meaning, it->self_date, it->self_rev, f->revision);
		level_cell(fp, it->assessed, it->assessed_meaning, it->assessed_date, it->assessed_rev, f->revision);
		target_cell(fp, it->target, it->target_personal, it->target_meaning);
		fputs("<td>", fp);
		if (it->comment) {
			esc(fp, it->comment);
			fputs(" <span class=\"small\">", fp);
			esc(fp, it->comment_date);
			fputs("</span>", fp);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</table>\n", fp);
	if (!f->ncheckins)
		return;
	fputs("<h3>", fp);
	esc(fp, _("Check-ins, with the targets of their time"));
	fputs("</h3>\n", fp);
	for (size_t k = 0; k < f->ncheckins; k++) {
		const struct lup_profile_checkin *c = &f->checkins[k];
		fputs("<p><b>", fp);
		esc(fp, c->date);
		fputs("</b> · ", fp);
		esc(fp, lup_checkin_kind_label(c->kind));
		fputs(" · ", fp);
		fprintf(fp, _("revision %d"), c->revision);
		if (c->assessor[0]) {
			fputs(" · ", fp);
			esc(fp, c->assessor);
		}
		if (c->note) {
			fputs("<br>", fp);
			esc(fp, c->note);
		}
		fputs("</p>\n", fp);
		table_head(fp, (const char *const[]){ _("Competence"), _("Level"), _("Target then"), _("Comment"), NULL });
		for (size_t r = 0; r < c->nratings; r++) {
			const struct lup_profile_rating *x = &c->ratings[r];
			fputs("<tr><td>", fp);
			esc(fp, x->code);
			fputs(" ", fp);
			esc(fp, x->name);
			fputs("</td>", fp);
			level_cell(fp, x->level, x->meaning, NULL, 0, 0);
			target_cell(fp, x->target, 0, NULL);
			fputs("<td>", fp);
			esc(fp, x->comment);
			fputs("</td></tr>\n", fp);
		}
		fputs("</table>\n", fp);
	}
}

int lup_profile_write_html(const struct lup_profile *p, FILE *fp, lup_err *err)
{
	char due[200];
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
	        lup_i18n_is_swedish() ? "sv" : "en");
	esc(fp, _("Competence profile"));
	fputs(": ", fp);
	esc(fp, p->name);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", css);
	esc(fp, _("Competence profile"));
	fputs(": ", fp);
	esc(fp, p->name);
	fputs("</h1>\n<p>", fp);
	if (p->unit[0]) {
		esc(fp, p->unit);
		fputs(" · ", fp);
	}
	if (p->role[0]) {
		esc(fp, p->role);
		fputs(" · ", fp);
	}
	if (p->manager[0]) {
		esc(fp, _("manager"));
		fputs(" ", fp);
		esc(fp, p->manager);
		fputs(" · ", fp);
	}
	esc(fp, _("as of"));
	fputs(" ", fp);
	esc(fp, p->as_of);
	fputs("<br>", fp);
	if (p->due.state == LUP_DUE_NEVER)
		snprintf(due, sizeof due, "%s", _("No final check-in yet."));
	else
		snprintf(due, sizeof due, _("Latest final check-in %s; the next is due %s."), p->due.last, p->due.due);
	esc(fp, due);
	fputs("</p>\n", fp);
	if (!p->nfws) {
		fputs("<p>", fp);
		esc(fp, _("No framework is imported for them, and they have no check-ins."));
		fputs("</p>\n", fp);
	}
	for (size_t f = 0; f < p->nfws; f++)
		write_fw(fp, &p->fws[f]);
	fputs("<p class=\"small\">", fp);
	esc(fp, _("Levels are the latest final ones; a level given in an earlier revision of the framework "
	          "says which. Targets are those in force now; each check-in shows the targets of its time."));
	fputs("</p>\n</body>\n</html>\n", fp);
	if (ferror(fp))
		return lup_err_set(err, LUP_EFAIL, _("cannot write the profile"));
	return 0;
}

int lup_profile_file(const struct lup_profile *p, const char *path, lup_err *err)
{
	lup_afile af;
	if (lup_afile_open(&af, path, 0600, err) < 0)
		return -1;
	if (lup_profile_write_html(p, af.fp, err) < 0) {
		lup_afile_abort(&af);
		return -1;
	}
	return lup_afile_commit(&af, err);
}
