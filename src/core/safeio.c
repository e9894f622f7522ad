/* safeio.c — leftovers of killed writers, bounded reads, terminal-safe text. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lup/i18n.h"
#include "lup/safeio.h"

/* The folder of path, whose last slash is slash (NULL: none): "/", what
 * stands before the slash, or ".". */
static void dir_of(const char *path, const char *slash, char *dir, size_t n)
{
	if (slash == path)
		snprintf(dir, n, "/");
	else if (slash)
		snprintf(dir, n, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, n, ".");
}

void lup_tmp_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base), mlen = strlen(LUP_TMP_MARK);
	char dir[4096];
	DIR *d;
	struct dirent *e;

	dir_of(path, slash, dir, sizeof dir);
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d))) {
		char *end, full[8192];
		long pid;
		if (strncmp(e->d_name, base, blen) != 0 ||
		    strncmp(e->d_name + blen, LUP_TMP_MARK, mlen) != 0)
			continue;
		pid = strtol(e->d_name + blen + mlen, &end, 10);
		if (pid <= 0 || *end != '-' || strlen(end) < 7)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;  /* its writer may still be at work */
		snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
		unlink(full);
	}
	closedir(d);
}

void lup_fsync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];
	int fd;
	dir_of(path, slash, dir, sizeof dir);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int too_big(const char *path, long max, lup_err *err)
{
	return lup_err_set(err, LUP_EINVAL, _("%s is larger than lup reads (%ld MB at most)"),
	                   path, max >> 20);
}

int lup_check_size(FILE *fp, const char *path, long max, lup_err *err)
{
	struct stat sb;
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > max)
		return too_big(path, max, err);
	return 0;
}

char *lup_read_bounded(const char *path, long max, size_t *len, lup_err *err)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!fp) {
		lup_err_set(err, errno == ENOENT ? LUP_ENOTFOUND : LUP_EFAIL,
		            _("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	if (lup_check_size(fp, path, max, err) < 0)
		goto fail;
	for (;;) {
		size_t got;
		if (cap - n < 4096) {
			char *p;
			cap = cap ? cap * 2 : 65536;
			if (!(p = realloc(buf, cap + 1))) {
				lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
				goto fail;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if ((long)n > max) {
			too_big(path, max, err);
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		lup_err_set(err, LUP_EFAIL, _("cannot read %s: %s"), path, strerror(errno));
		goto fail;
	}
	fclose(fp);
	if (!buf && !(buf = malloc(1))) {
		lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
fail:
	free(buf);
	fclose(fp);
	return NULL;
}

/* The length of an unsafe character at s (1 to 3 bytes), or 0. */
static size_t unsafe_at(const unsigned char *s, size_t n, unsigned *cp)
{
	if (s[0] < 0x20 || s[0] == 0x7f) {
		*cp = s[0];
		return s[0] == '\n' || s[0] == '\t' ? 0 : 1;
	}
	if (s[0] == 0xc2 && n >= 2 && s[1] >= 0x80 && s[1] <= 0x9f) {
		*cp = s[1];
		return 2;
	}
	if (s[0] == 0xd8 && n >= 2 && s[1] == 0x9c) {   /* U+061C arabic letter mark */
		*cp = 0x61c;
		return 2;
	}
	if (s[0] == 0xe2 && n >= 3 && s[1] == 0x80 && (s[2] == 0x8e || s[2] == 0x8f ||
	                                             (s[2] >= 0xaa && s[2] <= 0xae))) {
		*cp = 0x2000u | (s[2] & 0x3fu);
		return 3;
	}
	if (s[0] == 0xe2 && n >= 3 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9) {
		*cp = 0x2040u | (s[2] & 0x3fu);
		return 3;
	}
	return 0;
}

size_t lup_safe_put(FILE *fp, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0, esc = 0;
	while (i < n) {
		unsigned cp;
		size_t k = unsafe_at(s + i, n - i, &cp);
		if (!k) {
			i++;
			continue;
		}
		fwrite(s + start, 1, i - start, fp);
		if (cp < 0x100)
			fprintf(fp, "\\x%02x", cp);
		else
			fprintf(fp, "\\u{%04x}", cp);
		esc++;
		i += k;
		start = i;
	}
	fwrite(s + start, 1, n - start, fp);
	return esc;
}

int lup_text_unsafe(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = str ? strlen(str) : 0;
	for (size_t i = 0; i < n; i++) {
		unsigned cp;
		if (unsafe_at(s + i, n - i, &cp))
			return 1;
	}
	return 0;
}

/* A stream that escapes what it is given; a character split between two
 * writes waits in carry for its end. */
struct safe_cookie {
	FILE *to;
	unsigned char carry[4];
	size_t ncarry;
};

static ssize_t safe_write(void *c_, const char *buf, size_t size)
{
	struct safe_cookie *c = c_;
	size_t done = 0;
	/* complete a character left over from the last write */
	while (c->ncarry && done < size) {
		c->carry[c->ncarry++] = (unsigned char)buf[done++];
		if (c->ncarry == 3 || (c->carry[0] < 0xe0 && c->ncarry == 2)) {
			lup_safe_put(c->to, (const char *)c->carry, c->ncarry);
			c->ncarry = 0;
		}
	}
	if (done < size) {
		size_t n = size - done, keep = 0;
		const unsigned char *t = (const unsigned char *)buf + done;
		/* a lead byte of 0xc2, 0xd8 or 0xe2 at the very end may start an
		 * unsafe character: hold it (and its second byte) back */
		if (n >= 1 && (t[n - 1] == 0xc2 || t[n - 1] == 0xd8 || t[n - 1] == 0xe2))
			keep = 1;
		else if (n >= 2 && t[n - 2] == 0xe2)
			keep = 2;
		lup_safe_put(c->to, (const char *)t, n - keep);
		memcpy(c->carry, t + n - keep, keep);
		c->ncarry = keep;
	}
	return ferror(c->to) ? -1 : (ssize_t)size;
}

/* The streams of a process (its stdout and stderr) live as long as it
 * and may never be closed: their cookies come from here, not the heap. */
static struct safe_cookie pool[4];
static _Atomic int pooled;

static int safe_close(void *c_)
{
	struct safe_cookie *c = c_;
	int rc;
	if (c->ncarry)
		lup_safe_put(c->to, (const char *)c->carry, c->ncarry);
	rc = fflush(c->to);
	if (c < pool || c >= pool + 4)
		free(c);
	return rc;
}

FILE *lup_safe_stream(FILE *fp)
{
	int slot = pooled++;
	struct safe_cookie *c = slot < 4 ? &pool[slot] : calloc(1, sizeof *c);
	cookie_io_functions_t io = { .read = NULL, .write = safe_write, .seek = NULL, .close = safe_close };
	FILE *s;
	if (!c)
		return NULL;
	c->to = fp;
	if (!(s = fopencookie(c, "w", io))) {
		if (c < pool || c >= pool + 4)
			free(c);
		return NULL;
	}
	return s;
}
