/* paths.c — resolving lup's files. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lup/paths.h"

static int xdg(const char *var, const char *fallback, const char *rest, char *out, size_t n)
{
	const char *base = getenv(var);
	int r;
	if (base && *base == '/')
		r = snprintf(out, n, "%s/%s", base, rest);
	else {
		const char *home = getenv("HOME");
		if (!home || !*home)
			home = ".";
		r = snprintf(out, n, "%s/%s/%s", home, fallback, rest);
	}
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

int lup_path_db(const char *opt, char *out, size_t n)
{
	const char *env = getenv("LUP_DB");
	int r;
	if (opt && *opt)
		r = snprintf(out, n, "%s", opt);
	else if (env && *env)
		r = snprintf(out, n, "%s", env);
	else
		return xdg("XDG_DATA_HOME", ".local/share", "lup/lup.db", out, n);
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

int lup_path_config(const char *opt, char *out, size_t n, int *explicit_)
{
	const char *env = getenv("LUP_CONFIG");
	struct stat sb;
	int r;
	*explicit_ = 1;
	if (opt && *opt)
		r = snprintf(out, n, "%s", opt);
	else if (env && *env)
		r = snprintf(out, n, "%s", env);
	else {
		*explicit_ = 0;
		if (xdg("XDG_CONFIG_HOME", ".config", "lup/lup.ini", out, n) < 0 || stat(out, &sb) != 0)
			out[0] = '\0';
		return 0;
	}
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

/* The folder holding the running executable, when it is a source tree's
 * (it has share/lup beside it), so an uninstalled ./lup, build-asan/lup or
 * build/tests/test_x finds its data. */
static const char *source_tree(void)
{
	static char dir[PATH_MAX];
	static int done;
	if (!done) {
		char exe[PATH_MAX], probe[PATH_MAX + 32];
		ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
		struct stat sb;
		done = 1;
		if (len > 0) {
			char *slash;
			exe[len] = '\0';
			for (int up = 0; up < 3 && (slash = strrchr(exe, '/')); up++) {
				*slash = '\0';
				snprintf(probe, sizeof probe, "%s/share/lup/lup.ini", exe);
				if (stat(probe, &sb) == 0) {
					snprintf(dir, sizeof dir, "%s", exe);
					break;
				}
			}
		}
	}
	return dir[0] ? dir : NULL;
}

const char *lup_path_datadir(void)
{
	static char buf[PATH_MAX + 16];
	const char *env = getenv("LUP_DATADIR"), *src;
	if (env && *env)
		return env;
	if ((src = source_tree())) {
		snprintf(buf, sizeof buf, "%s/share/lup", src);
		return buf;
	}
	return LUP_DATADIR;
}

const char *lup_path_localedir(void)
{
	static char buf[PATH_MAX + 16];
	const char *env = getenv("LUP_LOCALEDIR"), *src;
	struct stat sb;
	if (env && *env)
		return env;
	if ((src = source_tree())) {
		/* ./lup uses build/locale; build-asan/lup its own folder's. */
		char exe[PATH_MAX];
		ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
		char *slash;
		if (len > 0) {
			exe[len] = '\0';
			if ((slash = strrchr(exe, '/')))
				*slash = '\0';
			snprintf(buf, sizeof buf, "%s/locale", exe);
			if (stat(buf, &sb) == 0)
				return buf;
		}
		snprintf(buf, sizeof buf, "%s/build/locale", src);
		if (stat(buf, &sb) == 0)
			return buf;
	}
	return LUP_LOCALEDIR;
}

int lup_path_user_frameworks(char *out, size_t n)
{
	return xdg("XDG_DATA_HOME", ".local/share", "lup/frameworks", out, n);
}

int lup_path_user_documents(char *out, size_t n)
{
	return xdg("XDG_DATA_HOME", ".local/share", "lup/documents", out, n);
}
