/* fuzz_documents.c — libFuzzer harness for document templates: any bytes
 * must give a template or a clean error naming the file and its line,
 * never a crash, a leak or a hang; a template that parses must fill in,
 * name its file safely and lay out into a PDF.  The first byte picks the
 * kind of document. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/doc_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lup_doc_values rows[3], copies[2];
	struct lup_doc_data d = { { { 0 } }, rows, 3, copies, 2 };
	struct lup_doc_style style = { NULL, NULL, "sv" };
	struct lup_doc_stats st;
	enum lup_doc_kind kind;
	lup_doc_template *t;
	char name[160], *mem = NULL;
	size_t len = 0;
	lup_err err;
	FILE *fp;

	if (size < 1)
		return 0;
	kind = (enum lup_doc_kind)(data[0] % LUP_DOC_KINDS);
	if (lup_doc_template_parse(kind, (const char *)data + 1, size - 1, "fuzz.txt", &t, &err) < 0) {
		if (strncmp(err.msg, "fuzz.txt", 8) != 0)
			abort();
		return 0;
	}
	for (int k = 0; k < LUP_DK_COUNT; k++) {
		d.doc.v[k] = "Åsa Öberg محمد 🙂";
		rows[0].v[k] = "1";
		rows[1].v[k] = "";
		rows[2].v[k] = "Verylongwordwithoutanyspacesatall-and-more";
		copies[0].v[k] = "Bo";
		copies[1].v[k] = NULL;
	}
	if (kind != LUP_DOC_CERTIFICATE)
		d.ncopies = 0;
	lup_doc_template_filename(t, &d, name, sizeof name);
	if (!strstr(name, ".pdf") || strchr(name, '/'))
		abort();
	if (!(fp = open_memstream(&mem, &len)))
		abort();
	if (lup_doc_render(t, &style, &d, fp, &st, &err) < 0)
		abort();
	fclose(fp);
	if (len < 5 || memcmp(mem, "%PDF-", 5) != 0 || st.pages < 1)
		abort();
	free(mem);
	lup_doc_template_free(t);
	return 0;
}
