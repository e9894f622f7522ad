/* Unit tests for framework.c (and sha256.c): the file format, extends,
 * every kind of bad file, and versioned import. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/internal.h"
#include "lup/framework.h"
#include "lup/sha256.h"

/* ---- Helpers ---- */

static char tmpdir[256];

static void rm_rf(const char *path)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return;
	if (S_ISDIR(sb.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;
		char sub[1024];
		while (d && (de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
				snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
				rm_rf(sub);
			}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int setup_tmp(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/lup-fw-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	/* Search paths point into the temporary folder only. */
	{
		char p[512];
		snprintf(p, sizeof p, "%s/data", tmpdir);
		setenv("XDG_DATA_HOME", p, 1);
		snprintf(p, sizeof p, "%s/share", tmpdir);
		setenv("LUP_DATADIR", p, 1);
	}
	return 0;
}

static int teardown_tmp(void **state)
{
	(void)state;
	rm_rf(tmpdir);
	return 0;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static char *tmp_path(const char *name)
{
	static char buf[4][512];
	static int i;
	char *p = buf[i++ % 4];
	snprintf(p, 512, "%s/%s", tmpdir, name);
	return p;
}

static lup_db *open_db(void)
{
	lup_db *db;
	lup_err err;
	if (lup_db_open(tmp_path("t.db"), LUP_DB_CREATE, &db, &err) < 0)
		fail_msg("open: %s", err.msg);
	return db;
}

static long count(lup_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Parse and resolve (against base, may be NULL) a framework in memory. */
static int load(const char *text, const struct lup_framework *base, struct lup_framework **out,
                lup_err *err)
{
	if (lup_framework_parse(text, strlen(text), "bad.ini", out, err) < 0)
		return -1;
	if (lup_framework_resolve(*out, base, err) < 0) {
		lup_framework_free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

static const char BASE[] =
	"; a small framework\n"          /* 1 */
	"[framework]\n"                   /* 2 */
	"id = base\n"                     /* 3 */
	"name = Base\n"                   /* 4 */
	"version = 1\n"                   /* 5 */
	"level_max = 8\n"                 /* 6 */
	"[level 1]\n"                     /* 7 */
	"name = One\n"                    /* 8 */
	"band = Low\n"                    /* 9 */
	"[area b]\n"                      /* 10 */
	"name = Area B\n"                 /* 11 */
	"order = 2\n"                     /* 12 */
	"[area a]\n"                      /* 13 */
	"name = Area A\n"                 /* 14 */
	"order = 1\n"                     /* 15 */
	"[competence b.1]\n"              /* 16 */
	"area = b\n"                      /* 17 */
	"name = Third\n"                  /* 18 */
	"levels = 3\n"                    /* 19 */
	"[competence a.2]\n"              /* 20 */
	"area = A\n"                      /* 21 */
	"name = Second\n"                 /* 22 */
	"levels = 4 - 5\n"                /* 23 */
	"order = 2\n"                     /* 24 */
	"[competence a.1]\n"              /* 25 */
	"area = a\n"                      /* 26 */
	"name = \"  First  \"\n"          /* 27 */
	"order = 1\n";                    /* 28 */

/* ---- SHA-256 ---- */

static void test_sha256(void **state)
{
	static const struct { const char *in, *hex; } v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	char out[65];
	lup_sha256 s;
	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		lup_sha256_init(&s);
		lup_sha256_add(&s, v[i].in, strlen(v[i].in));
		lup_sha256_hex(&s, out);
		assert_string_equal(out, v[i].hex);
	}
	/* A million 'a', fed in odd pieces. */
	{
		char chunk[997];
		size_t left = 1000000;
		memset(chunk, 'a', sizeof chunk);
		lup_sha256_init(&s);
		while (left) {
			size_t n = left < sizeof chunk ? left : sizeof chunk;
			lup_sha256_add(&s, chunk, n);
			left -= n;
		}
		lup_sha256_hex(&s, out);
		assert_string_equal(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	}
}

/* ---- Parsing ---- */

static void test_parse_base(void **state)
{
	struct lup_framework *fw;
	lup_err err;
	(void)state;
	if (load(BASE, NULL, &fw, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(fw->ident, "base");
	assert_int_equal(fw->level_min, 1);
	assert_int_equal(fw->level_max, 8);
	assert_int_equal(fw->nlevels, 8);
	assert_string_equal(fw->levels[0].name, "One");
	assert_string_equal(fw->levels[0].band, "Low");
	assert_string_equal(fw->levels[7].name, "8");   /* unnamed levels get their number */
	assert_null(fw->levels[7].band);
	/* Areas and competences in display order: by order, then as written. */
	assert_int_equal(fw->nareas, 2);
	assert_string_equal(fw->areas[0].code, "a");
	assert_string_equal(fw->areas[1].code, "b");
	assert_int_equal(fw->ncomps, 3);
	assert_string_equal(fw->comps[0].code, "a.1");
	assert_string_equal(fw->comps[1].code, "a.2");
	assert_string_equal(fw->comps[2].code, "b.1");
	assert_int_equal(fw->comps[0].order, 1);
	assert_int_equal(fw->comps[2].order, 3);
	/* A quoted value keeps its spaces; an area code is matched ignoring case. */
	assert_string_equal(fw->comps[0].name, "  First  ");
	assert_string_equal(fw->comps[1].area, "a");
	/* Level ranges: default the scale, "4 - 5", one level. */
	assert_int_equal(fw->comps[0].level_min, 1);
	assert_int_equal(fw->comps[0].level_max, 8);
	assert_int_equal(fw->comps[1].level_min, 4);
	assert_int_equal(fw->comps[1].level_max, 5);
	assert_int_equal(fw->comps[2].level_min, 3);
	assert_int_equal(fw->comps[2].level_max, 3);
	assert_non_null(lup_fw_competence_get(fw, "A.2"));
	assert_null(lup_fw_competence_get(fw, "a.3"));
	assert_int_equal(strlen(fw->hash), 64);
	lup_framework_free(fw);
}

static void test_parse_syntax_variants(void **state)
{
	/* A byte-order mark, CRLF line ends, comments both ways, spaces,
	 * upper-case section words and keys. */
	static const char text[] =
		"\xef\xbb\xbf# comment\r\n"
		"  [ Framework ]  \r\n"
		"ID=x\r\n"
		"Name   =   Ex\t\r\n"
		"version = 1.0\r\n"
		"level_min = 0\r\n"
		"level_max = 2\r\n"
		"\r\n"
		"[AREA Q]\r\n"
		"name = Qå\r\n"
		"  ; indented comment\r\n"
		"[Competence Q.1]\r\n"
		"area = q\r\n"
		"name = Ö = ö\r\n"
		"retired = no\r\n";
	struct lup_framework *fw;
	lup_err err;
	(void)state;
	if (load(text, NULL, &fw, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(fw->ident, "x");
	assert_string_equal(fw->name, "Ex");
	assert_int_equal(fw->level_min, 0);
	assert_int_equal(fw->nlevels, 3);
	assert_string_equal(fw->areas[0].code, "Q");          /* case kept */
	assert_string_equal(fw->areas[0].name, "Qå");
	assert_string_equal(fw->comps[0].code, "Q.1");
	assert_string_equal(fw->comps[0].name, "Ö = ö");     /* the first '=' splits */
	assert_int_equal(fw->comps[0].level_min, 0);
	lup_framework_free(fw);
}

static void test_hash_ignores_comments_and_layout(void **state)
{
	struct lup_framework *a, *b, *c;
	lup_err err;
	char other[sizeof BASE + 64];
	(void)state;
	if (load(BASE, NULL, &a, &err) < 0)
		fail_msg("%s", err.msg);
	snprintf(other, sizeof other, "; another comment\n\n%s", BASE);
	if (load(other, NULL, &b, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(a->hash, b->hash);
	snprintf(other, sizeof other, "%s", BASE);
	*strstr(other, "Second") = 's';
	if (load(other, NULL, &c, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_not_equal(a->hash, c->hash);
	lup_framework_free(a);
	lup_framework_free(b);
	lup_framework_free(c);
}

static void test_extends(void **state)
{
	static const char child[] =
		"[framework]\n"                 /* 1 */
		"id = child\n"
		"extends = base\n"
		"name = Child\n"
		"version = 2\n"
		"[level 2]\n"                   /* 6 */
		"name = Two\n"
		"[competence a.1]\n"            /* 8: rename */
		"name = First, renamed\n"
		"name_sv = Första\n"
		"[competence b.1]\n"            /* 11: retire */
		"retired = yes\n"
		"[area c]\n"                    /* 13: add an area */
		"name = Area C\n"
		"[competence c.1]\n"            /* 15: add */
		"area = c\n"
		"name = New\n"
		"levels = 2-6\n"
		"[competence a.3]\n"            /* 19: add to an inherited area */
		"area = a\n"
		"name = Also new\n"
		"[targets Enhetschef]\n"        /* 22 */
		"c.1 = 5\n"
		"A.1 = 3\n"
		"[targets avdelningschef]\n"
		"a.2 = 5\n";
	struct lup_framework *base, *fw;
	const struct lup_fw_competence *c;
	lup_err err;
	(void)state;
	if (load(BASE, NULL, &base, &err) < 0)
		fail_msg("%s", err.msg);
	if (load(child, base, &fw, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(fw->ident, "child");
	assert_string_equal(fw->extends, "base");
	/* The scale and level names come from the base, changed where given. */
	assert_int_equal(fw->level_max, 8);
	assert_string_equal(lup_fw_level_get(fw, 1)->name, "One");
	assert_string_equal(lup_fw_level_get(fw, 2)->name, "Two");
	/* Areas: inherited ones first, then the new. */
	assert_int_equal(fw->nareas, 3);
	assert_string_equal(fw->areas[2].code, "c");
	/* Competences: a.1, a.2, a.3 (new, after a's), b.1, c.1. */
	assert_int_equal(fw->ncomps, 5);
	assert_string_equal(fw->comps[0].code, "a.1");
	assert_string_equal(fw->comps[1].code, "a.2");
	assert_string_equal(fw->comps[2].code, "a.3");
	assert_string_equal(fw->comps[3].code, "b.1");
	assert_string_equal(fw->comps[4].code, "c.1");
	c = lup_fw_competence_get(fw, "a.1");
	assert_string_equal(c->name, "First, renamed");
	assert_string_equal(c->name_sv, "Första");
	c = lup_fw_competence_get(fw, "a.2");
	assert_string_equal(c->name, "Second");               /* untouched */
	assert_int_equal(c->level_min, 4);
	assert_int_equal(lup_fw_competence_get(fw, "b.1")->retired, 1);
	c = lup_fw_competence_get(fw, "c.1");
	assert_int_equal(c->level_min, 2);
	assert_int_equal(c->level_max, 6);
	assert_int_equal(lup_fw_competence_get(fw, "a.3")->level_max, 8);
	/* Targets: the file's own, by role, codes in their canonical case. */
	assert_int_equal(fw->ntargets, 3);
	assert_int_equal(fw->nroles, 2);
	assert_string_equal(fw->targets[0].role, "Enhetschef");
	assert_string_equal(fw->targets[0].code, "a.1");
	assert_int_equal(fw->targets[0].level, 3);
	assert_string_equal(fw->targets[1].code, "c.1");
	assert_string_equal(fw->targets[2].role, "avdelningschef");
	/* Base not changed by it. */
	assert_string_equal(lup_fw_competence_get(base, "a.1")->name, "  First  ");
	assert_int_equal(base->ntargets, 0);
	lup_framework_free(fw);
	lup_framework_free(base);
}

/* Every kind of bad file: the message names the file, line, section and key. */
struct bad {
	const char *what, *text, *expect[3];
	int extends;   /* resolve against BASE */
};

#define HEAD "[framework]\nid = t\nname = T\nversion = 1\nlevel_max = 8\n[area a]\nname = A\n"  /* 7 lines */
#define COMP "[competence c]\narea = a\nname = C\n"                                             /* 8-10 */

static const struct bad bad_files[] = {
	{ "missing id", "[framework]\nname = T\nversion = 1\nlevel_max = 8\n",
	  { "bad.ini:1: [framework] id: missing" }, 0 },
	{ "missing version", "[framework]\nid = t\nname = T\nlevel_max = 8\n",
	  { "bad.ini:1: [framework] version: missing" }, 0 },
	{ "bad id", "[framework]\nid = Big Id\n", { "bad.ini:2: [framework] id: 'Big Id' is not an id" }, 0 },
	{ "missing level_max", "[framework]\nid = t\nname = T\nversion = 1\n" "[area a]\nname = A\n" COMP,
	  { "bad.ini:1: [framework] level_max: missing" }, 0 },
	{ "scale upside down", "[framework]\nid = t\nname = T\nversion = 1\nlevel_min = 5\nlevel_max = 2\n",
	  { "bad.ini:6: [framework] level_max: 2 is below level_min 5" }, 0 },
	{ "level_max not a number", "[framework]\nlevel_max = eight\n",
	  { "bad.ini:2: [framework] level_max: 'eight' is not a whole number" }, 0 },
	{ "range upside down", HEAD COMP "levels = 5-3\n",
	  { "bad.ini:11: [competence c] levels: '5-3'", "lowest level comes first" }, 0 },
	{ "range not a range", HEAD COMP "levels = one to eight\n",
	  { "bad.ini:11: [competence c] levels: 'one to eight' is not a level range" }, 0 },
	{ "range outside the scale", HEAD COMP "levels = 1-9\n",
	  { "bad.ini:11: [competence c] levels: 1-9 lies outside the scale 1-8" }, 0 },
	{ "unknown area", HEAD "[competence c]\narea = z\nname = C\n",
	  { "bad.ini:9: [competence c] area: no [area z]" }, 0 },
	{ "competence without area", HEAD "[competence c]\nname = C\n",
	  { "bad.ini:8: [competence c] area: missing" }, 0 },
	{ "competence without name", HEAD "[competence c]\narea = a\n",
	  { "bad.ini:8: [competence c] name: missing" }, 0 },
	{ "area without name", HEAD "[area b]\n" COMP, { "bad.ini:8: [area b] name: missing" }, 0 },
	{ "duplicate competence", HEAD COMP COMP,
	  { "bad.ini:11: [competence c]: appears twice (first on line 8)" }, 0 },
	{ "duplicate competence, other case", HEAD COMP "[competence C]\n",
	  { "bad.ini:11: [competence C]: appears twice (first on line 8)" }, 0 },
	{ "duplicate area", HEAD "[area A]\nname = again\n",
	  { "bad.ini:8: [area A]: appears twice (first on line 6)" }, 0 },
	{ "duplicate framework", HEAD "[framework]\n", { "bad.ini:8: [framework]: appears twice" }, 0 },
	{ "duplicate level", HEAD "[level 2]\n[level 2]\n", { "bad.ini:9: [level 2]: appears twice" }, 0 },
	{ "level outside the scale", HEAD "[level 9]\nname = Nine\n" COMP,
	  { "bad.ini:8: [level 9]: level 9 lies outside the scale 1-8" }, 0 },
	{ "level not a number", HEAD "[level x]\n", { "bad.ini:8: [level x]: expected [level N]" }, 0 },
	{ "level without name", HEAD "[level 2]\nname =\n", { "bad.ini:9: [level 2] name: must not be empty" }, 0 },
	{ "bad competence code", HEAD "[competence c d]\n", { "bad.ini:8: [competence c d]: expected [competence CODE]" }, 0 },
	{ "syntax error", HEAD "this is not ini\n",
	  { "bad.ini:8: [area a]: expected 'key = value', a [section] or a comment" }, 0 },
	{ "section without ]", HEAD "[competence c\n", { "bad.ini:8: a section name lacks its ']'" }, 0 },
	{ "text after ]", HEAD "[competence c] x\n", { "bad.ini:8: text after the section name's ']'" }, 0 },
	{ "key without name", HEAD " = 3\n", { "bad.ini:8: [area a]: a key is missing before '='" }, 0 },
	{ "unclosed quote", HEAD "name_sv = \"abc\n", { "bad.ini:8: [area a] name_sv: a quoted value lacks" }, 0 },
	{ "unknown key", HEAD COMP "nmae = C\n", { "bad.ini:11: [competence c] nmae: unknown key" }, 0 },
	{ "duplicate key", HEAD COMP "Name = D\n", { "bad.ini:11: [competence c] name: given twice" }, 0 },
	{ "unknown section", HEAD "[competency c]\n",
	  { "bad.ini:8: [competency c]: unknown kind of section" }, 0 },
	{ "no framework section", "[area a]\nname = A\n", { "bad.ini: no [framework] section" }, 0 },
	{ "key before any section", "id = t\n", { "bad.ini:1: 'id' comes before any [section]" }, 0 },
	{ "not UTF-8", HEAD "[area b]\nname = \xff\n", { "bad.ini:9: the file is Latin-1", "not UTF-8" }, 0 },
	{ "control character", HEAD "[area b]\nname = a\x01" "b\n", { "bad.ini:9: a control character" }, 0 },
	{ "retired not a boolean", HEAD COMP "retired = maybe\n",
	  { "bad.ini:11: [competence c] retired: 'maybe': expected yes or no" }, 0 },
	{ "no areas", "[framework]\nid = t\nname = T\nversion = 1\nlevel_max = 8\n",
	  { "bad.ini:1: [framework]: no areas" }, 0 },
	{ "no competences", HEAD, { "bad.ini:1: [framework]: no competences" }, 0 },
	{ "only retired competences", HEAD COMP "retired = yes\n", { "[framework]: no competences" }, 0 },
	{ "extends itself", "[framework]\nid = t\nname = T\nversion = 1\nextends = t\n",
	  { "bad.ini:5: [framework] extends: a framework cannot extend itself" }, 0 },
	{ "target for an unknown competence", HEAD COMP "[targets Chef]\nzz = 3\n",
	  { "bad.ini:12: [targets Chef] zz: no competence zz" }, 0 },
	{ "target outside the competence's levels", HEAD COMP "levels = 2-4\n[targets chef]\nC = 5\n",
	  { "bad.ini:13: [targets chef] C: level 5 lies outside the levels 2-4 of c" }, 0 },
	{ "target not a number", HEAD COMP "[targets chef]\nc = high\n",
	  { "bad.ini:12: [targets chef] c: 'high' is not a level" }, 0 },
	{ "duplicate target", HEAD COMP "[targets chef]\nc = 3\nC = 4\n",
	  { "bad.ini:13: [targets chef] c: given twice for this role (first on line 12)" }, 0 },
	{ "duplicate role", HEAD COMP "[targets Chef]\n[targets chef]\n",
	  { "bad.ini:12: [targets chef]: appears twice (first on line 11)" }, 0 },
	{ "target for a retired competence", HEAD COMP "retired = yes\n[competence d]\narea = a\nname = D\n"
	  "[targets chef]\nc = 3\n", { "bad.ini:16: [targets chef] c: competence c is retired" }, 0 },
	{ "extension changes the scale", "[framework]\nid = t\nname = T\nversion = 1\nextends = base\n"
	  "level_max = 5\n", { "bad.ini:6: [framework] level_max: the scale comes from base (1-8)" }, 1 },
	{ "extension adds a competence without area", "[framework]\nid = t\nname = T\nversion = 1\n"
	  "extends = base\n[competence n]\nname = N\n",
	  { "bad.ini:6: [competence n] area: missing: a new competence needs an area" }, 1 },
	{ "extension moves to an unknown area", "[framework]\nid = t\nname = T\nversion = 1\n"
	  "extends = base\n[competence a.1]\narea = q\n",
	  { "bad.ini:7: [competence a.1] area: no [area q]" }, 1 },
	{ "extension names a level outside the scale", "[framework]\nid = t\nname = T\nversion = 1\n"
	  "extends = base\n[level 0]\nname = Zero\n", { "bad.ini:6: [level 0]: level 0 lies outside" }, 1 },
	{ "extension of something else", "[framework]\nid = t\nname = T\nversion = 1\nextends = other\n",
	  { "bad.ini:5: [framework] extends: the framework 'other' it extends is not available" }, 1 },
};

static void test_bad_files(void **state)
{
	struct lup_framework *base;
	lup_err err;
	(void)state;
	if (load(BASE, NULL, &base, &err) < 0)
		fail_msg("%s", err.msg);
	for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
		const struct bad *b = &bad_files[i];
		struct lup_framework *fw = NULL;
		lup_err_clear(&err);
		if (load(b->text, b->extends ? base : NULL, &fw, &err) == 0) {
			lup_framework_free(fw);
			fail_msg("%s: accepted", b->what);
		}
		assert_null(fw);
		if (err.code != LUP_EINVAL)
			fail_msg("%s: code %d (%s)", b->what, err.code, err.msg);
		for (int k = 0; k < 3 && b->expect[k]; k++)
			if (!strstr(err.msg, b->expect[k]))
				fail_msg("%s: message \"%s\" lacks \"%s\"", b->what, err.msg, b->expect[k]);
	}
	lup_framework_free(base);
}

static void test_size_limits(void **state)
{
	struct lup_framework *fw = NULL;
	lup_err err;
	size_t cap = LUP_FW_MAX_BYTES + 2, n;
	char *buf = malloc(cap);
	(void)state;
	assert_non_null(buf);

	/* Larger than the cap. */
	memset(buf, ';', cap);
	assert_int_equal(lup_framework_parse(buf, LUP_FW_MAX_BYTES + 1, "big.ini", &fw, &err), -1);
	assert_non_null(strstr(err.msg, "big.ini: larger than 1024 KiB"));

	/* A line longer than the line cap. */
	n = (size_t)snprintf(buf, cap, "[framework]\nname = ");
	memset(buf + n, 'x', LUP_FW_MAX_LINE + 1);
	n += LUP_FW_MAX_LINE + 1;
	assert_int_equal(lup_framework_parse(buf, n, "long.ini", &fw, &err), -1);
	assert_non_null(strstr(err.msg, "long.ini:2: a line longer than 8192 bytes"));

	/* A name longer than its cap. */
	n = (size_t)snprintf(buf, cap, "[framework]\nname = ");
	memset(buf + n, 'x', LUP_FW_NAME_MAX + 1);
	n += LUP_FW_NAME_MAX + 1;
	assert_int_equal(lup_framework_parse(buf, n, "name.ini", &fw, &err), -1);
	assert_non_null(strstr(err.msg, "name.ini:2: [framework] name: longer than 200 bytes"));

	/* More competences than the cap: refused as soon as the cap is passed. */
	n = (size_t)snprintf(buf, cap, HEAD);
	for (int i = 0; i <= LUP_FW_MAX_COMPETENCES && n + 64 < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "[competence c%d]\narea=a\nname=x\n", i);
	assert_int_equal(lup_framework_parse(buf, n, "many.ini", &fw, &err), -1);
	assert_non_null(strstr(err.msg, "[competence c10000]: more than 10000 competences"));

	/* Exactly the cap parses, resolves, and is quick (linear). */
	n = (size_t)snprintf(buf, cap, HEAD);
	for (int i = 0; i < LUP_FW_MAX_COMPETENCES; i++)
		n += (size_t)snprintf(buf + n, cap - n, "[competence c%d]\narea=a\nname=x\n", i);
	if (lup_framework_parse(buf, n, "max.ini", &fw, &err) < 0 || lup_framework_resolve(fw, NULL, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(fw->ncomps, LUP_FW_MAX_COMPETENCES);
	assert_non_null(lup_fw_competence_get(fw, "C9999"));
	lup_framework_free(fw);
	free(buf);
}

static void test_shipped_files_parse(void **state)
{
	struct lup_framework *dc, *ex, *tpl;
	lup_err err;
	(void)state;
	if (lup_framework_read("share/lup/frameworks/digcomp-2.2.ini", &dc, &err) < 0 ||
	    lup_framework_resolve(dc, NULL, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(dc->ident, "digcomp");
	assert_string_equal(dc->version, "2.2");
	assert_int_equal(dc->nareas, 5);
	assert_int_equal(dc->ncomps, 21);
	assert_int_equal(dc->nlevels, 8);
	assert_string_equal(dc->comps[0].code, "1.1");
	assert_string_equal(dc->comps[20].code, "5.4");
	assert_string_equal(lup_fw_level_get(dc, 1)->band, "Foundation");
	assert_string_equal(lup_fw_level_get(dc, 4)->band, "Intermediate");
	assert_string_equal(lup_fw_level_get(dc, 6)->band_sv, "Avancerad");
	assert_string_equal(lup_fw_level_get(dc, 8)->band, "Highly specialised");
	assert_string_equal(lup_fw_area_get(dc, "4")->name_sv, "Säkerhet");
	for (size_t i = 0; i < dc->ncomps; i++) {
		assert_non_null(dc->comps[i].name_sv);
		assert_non_null(dc->comps[i].description);
		assert_non_null(dc->comps[i].description_sv);
	}

	if (lup_framework_read("share/lup/frameworks/kommun-chefer.ini", &ex, &err) < 0 ||
	    lup_framework_resolve(ex, dc, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(ex->extends, "digcomp");
	assert_int_equal(ex->nroles, 3);
	assert_int_equal(lup_fw_competence_get(ex, "3.4")->retired, 1);

	if (lup_framework_read("share/lup/frameworks/e-medarbetare-template.ini", &tpl, &err) < 0 ||
	    lup_framework_resolve(tpl, NULL, &err) < 0)
		fail_msg("%s", err.msg);
	/* A template: every name is marked as a placeholder. */
	for (size_t i = 0; i < tpl->ncomps; i++)
		assert_non_null(strstr(tpl->comps[i].name_sv, "(fyll i)"));
	for (size_t i = 0; i < tpl->nareas; i++)
		assert_non_null(strstr(tpl->areas[i].name_sv, "(fyll i)"));
	lup_framework_free(tpl);
	lup_framework_free(ex);
	lup_framework_free(dc);
}

/* ---- Import and versions ---- */

static void test_import_versions(void **state)
{
	lup_db *db = open_db();
	char id1[LUP_UUID_LEN + 1], id2[LUP_UUID_LEN + 1], again[LUP_UUID_LEN + 1], found[LUP_UUID_LEN + 1];
	char text[sizeof BASE + 64], comp_a1_rev1[LUP_UUID_LEN + 1];
	const char *path = tmp_path("base.ini");
	struct lup_framework *fw;
	int unchanged;
	lup_err err;
	(void)state;

	write_file(path, BASE);
	if (lup_framework_import_file(db, path, id1, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 1);
	assert_int_equal(count(db, "SELECT revision FROM framework"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM level"), 8);
	assert_int_equal(count(db, "SELECT count(*) FROM area"), 2);
	assert_int_equal(count(db, "SELECT count(*) FROM competence"), 3);

	/* The same file again, and one differing only in comments: unchanged. */
	if (lup_framework_import_file(db, path, again, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 1);
	assert_string_equal(again, id1);
	snprintf(text, sizeof text, "# edited\n%s\n; more\n", BASE);
	write_file(path, text);
	if (lup_framework_import_file(db, path, again, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 1);
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 1);

	/* A check-in on revision 1. */
	assert_int_equal(lup_exec(db, "INSERT INTO person (id, name, sort_name) VALUES "
	                              "('00000000-0000-4000-8000-000000000001', 'Anna', 'anna')", &err), 0);
	assert_int_equal(lup_framework_load(db, id1, &fw, &err), 0);
	strcpy(comp_a1_rev1, lup_fw_competence_get(fw, "a.1")->id);
	lup_framework_free(fw);
	{
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db->h,
			"INSERT INTO checkin (id, person_id, framework_id, date, kind, status) VALUES "
			"('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001', ?1, "
			"'2014-03-01', 'self', 'final')", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, id1, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_prepare_v2(db->h,
			"INSERT INTO rating (id, checkin_id, competence_id, level) VALUES "
			"('00000000-0000-4000-8000-0000000000r1', '00000000-0000-4000-8000-0000000000c1', ?1, 3)",
			-1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, comp_a1_rev1, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
	}

	/* A changed file: revision 2 with new rows; revision 1 stays. */
	snprintf(text, sizeof text, "%s", BASE);
	memcpy(strstr(text, "Third"), "THIRD", 5);
	write_file(path, text);
	if (lup_framework_import_file(db, path, id2, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 0);
	assert_string_not_equal(id1, id2);
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 2);
	assert_int_equal(count(db, "SELECT max(revision) FROM framework WHERE ident = 'base'"), 2);
	assert_int_equal(count(db, "SELECT count(*) FROM competence"), 6);
	/* The old check-in keeps revision 1 and revision 1's competence. */
	assert_int_equal(count(db, "SELECT count(*) FROM checkin k JOIN framework f ON f.id = k.framework_id "
	                           "WHERE f.revision = 1"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM rating r JOIN competence c ON c.id = r.competence_id "
	                           "JOIN framework f ON f.id = c.framework_id WHERE f.revision = 1 "
	                           "AND c.name = '  First  '"), 1);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);

	/* References: ident (latest), ident@revision, id prefix. */
	assert_int_equal(lup_framework_find(db, "base", found, &err), 0);
	assert_string_equal(found, id2);
	assert_int_equal(lup_framework_find(db, "base@1", found, &err), 0);
	assert_string_equal(found, id1);
	{
		char prefix[9];
		snprintf(prefix, sizeof prefix, "%.8s", id1);
		assert_int_equal(lup_framework_find(db, prefix, found, &err), 0);
		assert_string_equal(found, id1);
	}
	assert_int_equal(lup_framework_find(db, "base@3", found, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_framework_find(db, "nosuch", found, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);

	/* Loading a stored revision gives back what was imported. */
	assert_int_equal(lup_framework_load(db, id2, &fw, &err), 0);
	assert_int_equal(fw->revision, 2);
	assert_int_equal(fw->ncomps, 3);
	assert_string_equal(fw->comps[2].name, "THIRD");
	assert_string_equal(fw->comps[1].area, "a");
	assert_int_equal(fw->comps[1].level_min, 4);
	assert_string_equal(lup_fw_level_get(fw, 1)->band, "Low");
	assert_int_equal(strlen(fw->hash), 64);
	lup_framework_free(fw);

	/* The list: latest revision only, or all. */
	{
		struct lup_framework_row *rows;
		size_t n;
		assert_int_equal(lup_framework_list(db, 0, &rows, &n, &err), 0);
		assert_int_equal(n, 1);
		assert_int_equal(rows[0].revision, 2);
		assert_int_equal(rows[0].competences, 3);
		free(rows);
		assert_int_equal(lup_framework_list(db, 1, &rows, &n, &err), 0);
		assert_int_equal(n, 2);
		assert_int_equal(rows[1].revision, 1);
		free(rows);
	}
	lup_db_close(db);
}

static void test_bad_import_stores_nothing(void **state)
{
	lup_db *db = open_db();
	char id[LUP_UUID_LEN + 1];
	int unchanged;
	lup_err err;
	const char *path = tmp_path("bad.ini");
	(void)state;

	write_file(path, HEAD COMP "[targets chef]\nc = 3\nzz = 4\n");
	assert_int_equal(lup_framework_import_file(db, path, id, &unchanged, &err), -1);
	assert_non_null(strstr(err.msg, "bad.ini:13: [targets chef] zz: no competence zz"));
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM target"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM competence"), 0);

	assert_int_equal(lup_framework_import_file(db, tmp_path("missing.ini"), id, &unchanged, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_framework_import_file(db, tmpdir, id, &unchanged, &err), -1);
	assert_non_null(strstr(err.msg, "not a regular file"));
	lup_db_close(db);
}

static void test_extends_from_db_and_files(void **state)
{
	static const char child[] =
		"[framework]\nid = child\nextends = base\nname = Child\nversion = 1\n"
		"[competence a.1]\nname = Renamed\n[targets chef]\na.1 = 4\n";
	lup_db *db = open_db();
	char id[LUP_UUID_LEN + 1], id2[LUP_UUID_LEN + 1], dir[512];
	struct lup_framework *fw;
	int unchanged;
	lup_err err;
	(void)state;

	/* Not imported, no file: refused, naming the key. */
	write_file(tmp_path("child.ini"), child);
	assert_int_equal(lup_framework_import_file(db, tmp_path("child.ini"), id, &unchanged, &err), -1);
	assert_non_null(strstr(err.msg, "child.ini:3: [framework] extends: no framework 'base' has been imported"));

	/* A file in the shared folder resolves it (and is not imported itself). */
	snprintf(dir, sizeof dir, "%s/share", tmpdir);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/share/frameworks", tmpdir);
	mkdir(dir, 0700);
	write_file(tmp_path("share/frameworks/base-1.ini"), BASE);
	write_file(tmp_path("share/frameworks/other.ini"), "not a framework at all\n");
	if (lup_framework_import_file(db, tmp_path("child.ini"), id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM competence"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM target t JOIN framework f ON f.id = t.framework_id "
	                           "JOIN competence c ON c.id = t.competence_id WHERE f.ident = 'child' "
	                           "AND t.role = 'chef' AND t.role_key = 'chef' AND c.code = 'a.1' AND t.level = 4 "
	                           "AND t.source = 'file' AND t.valid_to IS NULL"), 1);
	assert_int_equal(lup_framework_load(db, id, &fw, &err), 0);
	assert_string_equal(lup_fw_competence_get(fw, "a.1")->name, "Renamed");
	assert_int_equal(fw->ntargets, 1);
	lup_framework_free(fw);

	/* The user's folder comes first. */
	snprintf(dir, sizeof dir, "%s/data", tmpdir);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/data/lup", tmpdir);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/data/lup/frameworks", tmpdir);
	mkdir(dir, 0700);
	{
		char text[sizeof BASE + 16];
		snprintf(text, sizeof text, "%s", BASE);
		memcpy(strstr(text, "Second"), "SECOND", 6);
		write_file(tmp_path("data/lup/frameworks/base.ini"), text);
	}
	if (lup_framework_import_file(db, tmp_path("child.ini"), id2, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 0);   /* the base changed, so the result did */
	assert_int_equal(count(db, "SELECT count(*) FROM competence WHERE name = 'SECOND'"), 1);

	/* Once the base is in the database, that is used. */
	if (lup_framework_import_file(db, tmp_path("share/frameworks/base-1.ini"), id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	if (lup_framework_import_file(db, tmp_path("child.ini"), id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 0);
	assert_int_equal(count(db, "SELECT revision FROM framework WHERE id = (SELECT id FROM framework "
	                           "WHERE ident = 'child' ORDER BY revision DESC LIMIT 1)"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM competence c JOIN framework f ON f.id = c.framework_id "
	                           "WHERE f.ident = 'child' AND f.revision = 3 AND c.name = 'Second'"), 1);
	if (lup_framework_import_file(db, tmp_path("child.ini"), id2, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(unchanged, 1);
	assert_string_equal(id, id2);

	/* A user's target survives a new revision of the file; file targets are replaced. */
	assert_int_equal(lup_exec(db, "UPDATE target SET level = 2, source = 'user' WHERE valid_to IS NULL "
	                          "AND framework_id IN (SELECT id FROM framework WHERE ident = 'child')", &err), 0);
	write_file(tmp_path("child.ini"),
	           "[framework]\nid = child\nextends = base\nname = Child\nversion = 2\n"
	           "[competence a.1]\nname = Renamed\n[targets chef]\na.1 = 5\na.2 = 4\n");
	if (lup_framework_import_file(db, tmp_path("child.ini"), id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(count(db, "SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id "
	                           "WHERE c.code = 'a.1' AND t.valid_to IS NULL"), 2);
	assert_int_equal(count(db, "SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id "
	                           "WHERE c.code = 'a.2' AND t.valid_to IS NULL"), 4);
	/* the earlier revisions' targets are history now */
	assert_int_equal(count(db, "SELECT count(*) FROM target WHERE valid_to IS NULL"), 2);
	assert_true(count(db, "SELECT count(*) FROM target WHERE valid_to IS NOT NULL") >= 1);
	lup_db_close(db);
}

static void test_extends_loop_and_broken_base(void **state)
{
	lup_db *db = open_db();
	char id[LUP_UUID_LEN + 1], dir[512];
	int unchanged;
	lup_err err;
	(void)state;

	snprintf(dir, sizeof dir, "%s/share", tmpdir);
	mkdir(dir, 0700);
	snprintf(dir, sizeof dir, "%s/share/frameworks", tmpdir);
	mkdir(dir, 0700);
	write_file(tmp_path("share/frameworks/p.ini"),
	           "[framework]\nid = p\nextends = q\nname = P\nversion = 1\n");
	write_file(tmp_path("share/frameworks/q.ini"),
	           "[framework]\nid = q\nextends = p\nname = Q\nversion = 1\n");
	write_file(tmp_path("r.ini"), "[framework]\nid = r\nextends = p\nname = R\nversion = 1\n");
	assert_int_equal(lup_framework_import_file(db, tmp_path("r.ini"), id, &unchanged, &err), -1);
	assert_non_null(strstr(err.msg, "[framework] extends: 'p' leads back to itself"));

	write_file(tmp_path("share/frameworks/broken.ini"), "[framework]\nid = broken\nname = B\n");
	write_file(tmp_path("s.ini"), "[framework]\nid = s\nextends = broken\nname = S\nversion = 1\n");
	assert_int_equal(lup_framework_import_file(db, tmp_path("s.ini"), id, &unchanged, &err), -1);
	assert_non_null(strstr(err.msg, "s.ini:3: [framework] extends: the framework 'broken' cannot be read"));
	assert_non_null(strstr(err.msg, "broken.ini:1: [framework] version: missing"));
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 0);
	lup_db_close(db);
}

static void test_import_shipped(void **state)
{
	lup_db *db = open_db();
	char id[LUP_UUID_LEN + 1];
	int unchanged;
	lup_err err;
	(void)state;
	setenv("LUP_DATADIR", "share/lup", 1);
	/* The profile first: its base is found among the shipped files. */
	if (lup_framework_import_file(db, "share/lup/frameworks/kommun-chefer.ini", id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	if (lup_framework_import_file(db, "share/lup/frameworks/digcomp-2.2.ini", id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	if (lup_framework_import_file(db, "share/lup/frameworks/e-medarbetare-template.ini", id, &unchanged, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(count(db, "SELECT count(*) FROM framework"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM competence c JOIN framework f ON f.id = c.framework_id "
	                           "WHERE f.ident = 'digcomp'"), 21);
	assert_int_equal(count(db, "SELECT count(*) FROM competence c JOIN framework f ON f.id = c.framework_id "
	                           "WHERE f.ident = 'kommun-chefer' AND c.retired = 0"), 22);
	assert_int_equal(count(db, "SELECT count(DISTINCT t.role) FROM target t JOIN framework f "
	                           "ON f.id = t.framework_id WHERE f.ident = 'kommun-chefer'"), 3);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
	lup_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_parse_base),
		cmocka_unit_test(test_parse_syntax_variants),
		cmocka_unit_test(test_hash_ignores_comments_and_layout),
		cmocka_unit_test(test_extends),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_size_limits),
		cmocka_unit_test(test_shipped_files_parse),
		cmocka_unit_test_setup_teardown(test_import_versions, setup_tmp, teardown_tmp),
		cmocka_unit_test_setup_teardown(test_bad_import_stores_nothing, setup_tmp, teardown_tmp),
		cmocka_unit_test_setup_teardown(test_extends_from_db_and_files, setup_tmp, teardown_tmp),
		cmocka_unit_test_setup_teardown(test_extends_loop_and_broken_base, setup_tmp, teardown_tmp),
		cmocka_unit_test_setup_teardown(test_import_shipped, setup_tmp, teardown_tmp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
