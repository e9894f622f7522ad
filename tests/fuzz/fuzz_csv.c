/* fuzz_csv.c — libFuzzer harness for the CSV reader: decoding (UTF-8,
 * byte-order marks, Windows-1252, a given encoding), delimiter finding,
 * RFC 4180 splitting with line numbers, and header matching.  Any bytes
 * must give rows or a clean error, never a crash, a hang or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lup/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = { 0, ',', ';', '\t', '|' };
	static const char *const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "UTF-16LE" };
	static const char *const maps[] = { "1=name", "Namn=email", "2=ignore", "E-post=manager" };
	struct lup_import_opts o;
	lup_import *im;
	lup_err err;
	unsigned ctl;

	/* The first byte picks the options; the rest is the file. */
	if (size < 1)
		return 0;
	ctl = data[0];
	data++;
	size--;
	memset(&o, 0, sizeof o);
	o.delimiter = delims[ctl % 5];
	o.encoding = encodings[(ctl / 5) % 4];
	if (ctl & 0x80) {
		o.map = maps;
		o.nmap = (int)((ctl >> 5) & 3) + 1;
	}
	o.max_problems = 5;
	if (lup_import_parse((const char *)data, size, &o, &im, &err) != 0)
		return 0;
	for (int i = 0; i < lup_import_ncolumns(im); i++) {
		const char *c = lup_import_column(im, i);
		if (!c || lup_import_match_header(c) > LUP_IMP_NFIELDS)
			abort();
		(void)lup_import_field_parse(c);
	}
	for (size_t i = 0; i < lup_import_nrows(im); i++) {
		const struct lup_import_row *r = lup_import_row(im, i);
		if (r->line < 1)
			abort();
		for (int f = 0; f < LUP_IMP_NFIELDS; f++)
			if (r->value[f])
				(void)strlen(r->value[f]);
	}
	{
		size_t total, n = lup_import_nproblems(im, &total);
		for (size_t i = 0; i < n; i++)
			if (!lup_import_problem(im, i)->why)
				abort();
	}
	lup_import_free(im);
	return 0;
}
