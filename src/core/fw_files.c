/* fw_files.c — the framework files at hand (fw_files.h). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lup/fw_files.h"
#include "lup/i18n.h"
#include "lup/paths.h"
#include "lup/util.h"

/* The [framework] name of a file (name_sv under Swedish when it has one). */
static void read_name(const char *path, char *out, size_t n)
{
	FILE *fp = fopen(path, "r");
	char line[512], en[256] = "", sv[256] = "";
	int in_fw = 0;
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		char *s = lup_trim(line), *eq;
		if (*s == '[') {
			if (in_fw)
				break;
			in_fw = strncmp(s, "[framework]", 11) == 0;
			continue;
		}
		if (!in_fw || !(eq = strchr(s, '=')))
			continue;
		*eq = '\0';
		lup_trim(s);
		if (strcmp(s, "name") == 0)
			lup_copy_cut(en, sizeof en, lup_trim(eq + 1));
		else if (strcmp(s, "name_sv") == 0)
			lup_copy_cut(sv, sizeof sv, lup_trim(eq + 1));
	}
	fclose(fp);
	if (lup_i18n_is_swedish() && sv[0])
		lup_copy_cut(out, n, sv);
	else if (en[0])
		lup_copy_cut(out, n, en);
}

static int by_stem(const void *a, const void *b)
{
	return strcmp(((const struct lup_fw_file *)a)->stem, ((const struct lup_fw_file *)b)->stem);
}

/* The .ini files of dir not in out[0..have), appended; the new count. */
static int scan(const char *dir, struct lup_fw_file *out, int have, int max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int first = have;
	if (!d)
		return have;
	while (have < max && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		int dup = 0;
		struct stat sb;
		struct lup_fw_file *f = &out[have];
		if (len <= 4 || len - 4 >= sizeof f->stem || strcmp(e->d_name + len - 4, ".ini") != 0 ||
		    e->d_name[0] == '.')
			continue;
		for (int i = 0; i < have && !dup; i++)
			dup = strncmp(out[i].stem, e->d_name, len - 4) == 0 && out[i].stem[len - 4] == '\0';
		if (dup)
			continue;
		memset(f, 0, sizeof *f);
		if ((size_t)snprintf(f->path, sizeof f->path, "%s/%s", dir, e->d_name) >= sizeof f->path ||
		    stat(f->path, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		memcpy(f->stem, e->d_name, len - 4);
		f->stem[len - 4] = '\0';
		snprintf(f->name, sizeof f->name, "%s", f->stem);
		read_name(f->path, f->name, sizeof f->name);
		have++;
	}
	closedir(d);
	qsort(out + first, (size_t)(have - first), sizeof *out, by_stem);
	return have;
}

int lup_fw_files(struct lup_fw_file *out, int max)
{
	char user[4096], shipped[4200];
	int n = 0;
	if (max <= 0)
		return 0;
	if (lup_path_user_frameworks(user, sizeof user) == 0)
		n = scan(user, out, n, max);
	snprintf(shipped, sizeof shipped, "%s/frameworks", lup_path_datadir());
	n = scan(shipped, out, n, max);
	/* an uninstalled lup also offers what an installed one left */
	if (strcmp(lup_path_datadir(), LUP_DATADIR) != 0) {
		snprintf(shipped, sizeof shipped, "%s/frameworks", LUP_DATADIR);
		n = scan(shipped, out, n, max);
	}
	return n;
}

int lup_fw_file_find(const char *typed, char *out, size_t n, lup_err *err)
{
	struct lup_fw_file *files;
	struct stat sb;
	lup_buf names = { 0 };
	size_t len;
	int k;

	if (!typed || !*typed)
		return lup_err_set(err, LUP_EINVAL, _("no framework file given"));
	/* a file as typed; a path is left to the reader to say what is wrong */
	if (stat(typed, &sb) == 0 || strchr(typed, '/')) {
		lup_copy_cut(out, n, typed);
		return 0;
	}
	len = strlen(typed);
	if (len > 4 && strcmp(typed + len - 4, ".ini") == 0)
		len -= 4;
	if (!(files = calloc(64, sizeof *files)))
		return lup_err_oom(err);
	k = lup_fw_files(files, 64);
	for (int i = 0; i < k; i++)
		if (strlen(files[i].stem) == len && strncmp(files[i].stem, typed, len) == 0) {
			if (lup_copy_cut(out, n, files[i].path))
				break;
			free(files);
			return 0;
		}
	for (int i = 0; i < k; i++)
		lup_buf_printf(&names, "%s%s", i ? ", " : "", files[i].stem);
	free(files);
	if (names.s)
		lup_err_set(err, LUP_ENOTFOUND, _("%s: no such file, and no framework of that name (at hand: %s)"),
		            typed, names.s);
	else
		lup_err_set(err, LUP_ENOTFOUND, _("%s: no such file"), typed);
	lup_buf_clear(&names);
	return -1;
}
