/* documents.c — the time to write a certificate for every participant who
 * completed a cohort, one PDF a cohort as `lup print certificate` writes
 * it, on the database tests/bench/documents.sh makes.  Prints figures
 * only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lup/config.h"
#include "lup/doc.h"
#include "lup/programme.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct lup_cohort_query q = { NULL, NULL, NULL, NULL };
	struct lup_cohort_row rows[64], last;
	lup_db *db;
	lup_config *cfg;
	lup_err err;
	long files = 0, certificates = 0, pages = 0, cohorts = 0;
	double t0, t_list, t1, slowest = 0;
	char **ids = NULL;
	int got, have = 0;

	if (argc != 3 || lup_db_open(argv[1], LUP_DB_NOCHECK, &db, &err) < 0 ||
	    lup_config_load(NULL, &cfg, NULL, NULL, &err) < 0) {
		fprintf(stderr, "usage: documents DB OUTDIR (%s)\n", argc == 3 ? err.msg : "");
		return 1;
	}
	t0 = now_s();
	/* The cohorts with someone completed, through the screens' paging. */
	while ((got = lup_cohort_page(db, &q, have ? &last : NULL, 1, 64, rows, &err)) > 0) {
		for (int i = 0; i < got; i++) {
			cohorts++;
			if (rows[i].completed > 0) {
				ids = realloc(ids, (size_t)(files + 1) * sizeof *ids);
				ids[files++] = strdup(rows[i].id);
			}
		}
		last = rows[got - 1];
		have = 1;
	}
	t_list = now_s();
	for (long i = 0; i < files; i++) {
		struct lup_doc_opts o = { "sv", NULL, NULL };
		struct lup_doc_result res;
		char path[4200];
		double a = now_s(), d;
		snprintf(path, sizeof path, "%s/intyg-%ld.pdf", argv[2], i % 16);
		o.output = path;
		if (lup_doc_print(db, cfg, LUP_DOC_CERTIFICATE, ids[i], &o, &res, &err) < 0) {
			fprintf(stderr, "certificate: %s\n", err.msg);
			return 1;
		}
		d = now_s() - a;
		if (d > slowest)
			slowest = d;
		certificates += res.stats.copies;
		pages += res.stats.pages;
		free(ids[i]);
	}
	t1 = now_s();
	free(ids);
	printf("certificates for every completed participant: %ld certificates (%ld pages) in %ld PDFs, "
	       "one a cohort (of %ld cohorts)\n", certificates, pages, files, cohorts);
	printf("  total %.2f s (finding the cohorts %.3f s, writing %.2f s): %.2f ms a certificate, "
	       "%.1f ms a cohort's file, slowest file %.1f ms\n",
	       t1 - t0, t_list - t0, t1 - t_list, certificates ? (t1 - t_list) * 1e3 / certificates : 0,
	       files ? (t1 - t_list) * 1e3 / files : 0, slowest * 1e3);
	lup_config_free(cfg);
	lup_db_close(db);
	return 0;
}
