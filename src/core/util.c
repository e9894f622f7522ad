/* util.c — ids, time, text folding, buffers, safe file writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lup/i18n.h"
#include "lup/safeio.h"
#include "lup/util.h"

/* Kernel randomness, fetched a page at a time: one system call per id
 * would cost a tenth of a bulk import. */
static int random_bytes(unsigned char *r, size_t n)
{
	static unsigned char pool[4096];
	static size_t avail;
	while (n > 0) {
		size_t take;
		if (avail == 0) {
			ssize_t got = getrandom(pool, sizeof pool, 0);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				return -1;
			avail = (size_t)got;
		}
		take = n < avail ? n : avail;
		memcpy(r, pool + sizeof pool - avail, take);
		memset(pool + sizeof pool - avail, 0, take);
		avail -= take;
		r += take;
		n -= take;
	}
	return 0;
}

void lup_uuid(char out[LUP_UUID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char r[16];

	if (random_bytes(r, sizeof r) < 0) {
		/* No kernel randomness: fall back to time and address bits,
		 * still unique enough not to collide on one laptop. */
		static uint64_t x;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		x ^= (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uintptr_t)out;
		for (size_t i = 0; i < sizeof r; i++) {
			x ^= x << 13; x ^= x >> 7; x ^= x << 17;
			r[i] = (unsigned char)x;
		}
	}
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);  /* version 4 */
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);  /* RFC 4122 variant */
	for (int i = 0, o = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[r[i] >> 4];
		out[o++] = hex[r[i] & 15];
	}
	out[LUP_UUID_LEN] = '\0';
}

void lup_now_utc(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Base letters of U+00C0…U+017F; '\0' keeps the character. */
static const char fold_latin[] =
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"   /* U+00C0 */
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyty"   /* U+00E0 */
	"aaaaaaccccccccdd"                    /* U+0100 */
	"ddeeeeeeeeeegggg"                    /* U+0110 */
	"gggghhhhiiiiiiii"                    /* U+0120 */
	"iiiijjkkklllllll"                    /* U+0130 */
	"lllnnnnnnnnnoooo"                    /* U+0140 */
	"oooorrrrrrssssss"                    /* U+0150 */
	"ssttttttuuuuuuuu"                    /* U+0160 */
	"uuuuwwyyyzzzzzzs";                   /* U+0170 */

static char *fold_with(const char *utf8, int swedish);

char *lup_fold(const char *utf8)
{
	return fold_with(utf8, 0);
}

/* Numbers in a sort key compare by value ("Omgång 2" before "Omgång
 * 14"): each run of digits, leading zeros dropped, is written after its
 * length, '1'–'9' for up to nine digits, ':' and two digits for more (up
 * to 99).  Both are below every letter, as digits are. */
static char *natural(char *key)
{
	size_t n = strlen(key), o = 0;
	char *out = malloc(2 * n + 4);
	if (!out) {
		free(key);
		return NULL;
	}
	for (size_t i = 0; i < n;) {
		size_t a, b;
		if (key[i] < '0' || key[i] > '9') {
			out[o++] = key[i++];
			continue;
		}
		for (b = i; b < n && key[b] >= '0' && key[b] <= '9'; b++)
			;
		for (a = i; a + 1 < b && key[a] == '0'; a++)
			;
		if (b - a > 99)
			a = b - 99;
		if (b - a <= 9) {
			out[o++] = (char)('0' + (b - a));
		} else {
			out[o++] = ':';
			out[o++] = (char)('0' + (b - a) / 10);
			out[o++] = (char)('0' + (b - a) % 10);
		}
		memcpy(out + o, key + a, b - a);
		o += b - a;
		i = b;
	}
	out[o] = '\0';
	free(key);
	return out;
}

char *lup_sortkey(const char *utf8)
{
	char *k = fold_with(utf8, 1);
	return k ? natural(k) : NULL;
}

/* Swedish alphabet order for the letters that differ from their base. */
static char swedish_letter(unsigned cp)
{
	switch (cp) {
	case 0xc5: case 0xe5: return '{';            /* å */
	case 0xc4: case 0xe4: case 0xc6: case 0xe6: return '|';  /* ä æ */
	case 0xd6: case 0xf6: case 0xd8: case 0xf8: return '}';  /* ö ø */
	case 0xdc: case 0xfc: return 'y';            /* ü */
	default: return 0;
	}
}

static char *fold_with(const char *utf8, int swedish)
{
	size_t n = utf8 ? strlen(utf8) : 0;
	char *out = malloc(n + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)utf8[i];
		if (c < 0x80) {
			out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
		} else if ((c & 0xe0) == 0xc0 && i + 1 < n &&
		           ((unsigned char)utf8[i + 1] & 0xc0) == 0x80) {
			unsigned cp = ((c & 0x1fu) << 6) | ((unsigned char)utf8[i + 1] & 0x3fu);
			char sv = swedish ? swedish_letter(cp) : 0;
			if (sv) {
				out[o++] = sv;
				i++;
			} else if (cp >= 0xc0 && cp <= 0x17f && fold_latin[cp - 0xc0]) {
				out[o++] = fold_latin[cp - 0xc0];
				i++;
			} else {
				out[o++] = (char)c;
			}
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

void lup_html_put_n(FILE *fp, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		case '\r': case '\n': case '\t': putc(' ', fp); break;
		default: putc(s[i], fp);
		}
}

void lup_html_put(FILE *fp, const char *s)
{
	lup_html_put_n(fp, s, s ? strlen(s) : 0);
}

char *lup_trim(char *s)
{
	char *p = s, *e;
	if (!s)
		return s;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	memmove(s, p, (size_t)(e - p));
	s[e - p] = '\0';
	return s;
}

int lup_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

int lup_copy_cut(char *dst, size_t n, const char *src)
{
	size_t len;
	if (n == 0)
		return 0;
	if (!src)
		src = "";
	len = strlen(src);
	if (len > n - 1) {
		len = n - 1;
		/* back over continuation bytes to the start of the character
		 * that did not fit */
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
	return src[len] != '\0';
}

char *lup_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

int lup_parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", "ja" };
	static const char *const no[] = { "no", "false", "off", "0", "nej" };
	for (size_t i = 0; i < 5; i++) {
		if (strcasecmp(s, yes[i]) == 0) { *out = 1; return 0; }
		if (strcasecmp(s, no[i]) == 0) { *out = 0; return 0; }
	}
	return -1;
}

int lup_email_valid(const char *s)
{
	const char *at, *dot;
	if (!s || !*s || strlen(s) > 254)
		return 0;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == ',' || *p == ';' ||
		    *p == '<' || *p == '>' || *p == '"')
			return 0;
	at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return 0;
	dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0' || strstr(at, ".."))
		return 0;
	return 1;
}

void lup_tidy(char **s)
{
	if (*s) {
		lup_trim(*s);
		if (!**s) {
			free(*s);
			*s = NULL;
		}
	}
}

int lup_grow(void *arrp, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 16;
	void *old, *p;
	if (need <= *cap)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return -1;
		c *= 2;
	}
	if (size && c > SIZE_MAX / size)
		return -1;
	memcpy(&old, arrp, sizeof old);
	if (!(p = realloc(old, c * size)))
		return -1;
	memcpy(arrp, &p, sizeof p);
	*cap = c;
	return 0;
}

void lup_reverse(void *arr, size_t n, size_t size)
{
	unsigned char tmp[512], *a = arr;
	if (n < 2)
		return;
	for (size_t i = 0, j = n - 1; i < j; i++, j--)
		/* Swapped in pieces: rows may be larger than tmp. */
		for (size_t o = 0; o < size; o += sizeof tmp) {
			size_t k = size - o < sizeof tmp ? size - o : sizeof tmp;
			memcpy(tmp, a + i * size + o, k);
			memcpy(a + i * size + o, a + j * size + o, k);
			memcpy(a + j * size + o, tmp, k);
		}
}

void lup_buf_clear(lup_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int lup_buf_add(lup_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(p = realloc(b->s, cap)))
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int lup_buf_puts(lup_buf *b, const char *s)
{
	return lup_buf_add(b, s, strlen(s));
}

int lup_buf_printf(lup_buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof small)
		return lup_buf_add(b, small, (size_t)n);
	{
		char *big = malloc((size_t)n + 1);
		if (!big)
			return -1;
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		n = lup_buf_add(b, big, (size_t)n);
		free(big);
		return n;
	}
}

int lup_mkdir_p(const char *dir, mode_t mode, lup_err *err)
{
	char *p = strdup(dir);
	if (!p)
		return lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
	for (char *s = p + 1;; s++) {
		char c = *s;
		if (c == '/' || c == '\0') {
			*s = '\0';
			if (mkdir(p, mode) < 0 && errno != EEXIST) {
				int e = errno;
				lup_err_set(err, LUP_EFAIL, _("cannot create folder %s: %s"), p, strerror(e));
				free(p);
				return -1;
			}
			*s = c;
		}
		if (c == '\0')
			break;
	}
	free(p);
	return 0;
}

int lup_afile_open(lup_afile *af, const char *path, mode_t mode, lup_err *err)
{
	struct stat sb;
	int fd;
	memset(af, 0, sizeof *af);
	if (strcmp(path, "-") == 0) {
		af->fp = stdout;
		return 0;
	}
	/* A symbolic link planted at the target is replaced like a file,
	 * never followed: lup writes no file but the one it was named. */
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode)) {
		/* A device or a pipe (/dev/null, /dev/stdout, a FIFO): renaming
		 * over it would put a file in its place, so write to it as it
		 * is.  (A folder fails here with its own message.) */
		af->fp = fopen(path, "w");
		if (!af->fp)
			return lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), path, strerror(errno));
		af->path = strdup(path);   /* for messages; tmp stays NULL */
		return 0;
	}
	af->path = strdup(path);
	af->tmp = af->path ? malloc(strlen(af->path) + 40) : NULL;
	if (!af->path || !af->tmp) {
		lup_afile_abort(af);
		return lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
	}
	/* The temporary file names its writer, so what a killed lup left
	 * beside the target is found and removed by the next one. */
	lup_tmp_sweep(af->path);
	sprintf(af->tmp, "%s" LUP_TMP_MARK "%ld-XXXXXX", af->path, (long)getpid());
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		int e = errno;
		free(af->tmp);
		af->tmp = NULL;
		lup_afile_abort(af);
		return lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), path, strerror(e));
	}
	fchmod(fd, mode);
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		close(fd);
		lup_afile_abort(af);
		return lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), path, strerror(errno));
	}
	return 0;
}

static void fsync_dir(const char *path)
{
	char *d = strdup(path), *slash;
	int fd;
	if (!d)
		return;
	slash = strrchr(d, '/');
	if (slash == d)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		strcpy(d, ".");
	fd = open(d, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(d);
}

int lup_afile_commit(lup_afile *af, lup_err *err)
{
	int bad;
	if (af->fp && af->fp != stdout && !af->tmp) {   /* written in place */
		bad = fflush(af->fp) != 0 || ferror(af->fp);
		if (fclose(af->fp) != 0)
			bad = 1;
		af->fp = NULL;
		if (bad)
			lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), af->path ? af->path : "",
			            strerror(errno));
		free(af->path);
		af->path = NULL;
		return bad ? -1 : 0;
	}
	if (af->fp == stdout) {
		bad = fflush(stdout) != 0 || ferror(stdout);
		af->fp = NULL;
		return bad ? lup_err_set(err, LUP_EFAIL, _("cannot write standard output: %s"),
		                         strerror(errno)) : 0;
	}
	bad = fflush(af->fp) != 0 || ferror(af->fp) || fsync(fileno(af->fp)) != 0;
	if (fclose(af->fp) != 0)
		bad = 1;
	af->fp = NULL;
	if (bad || rename(af->tmp, af->path) != 0) {
		int e = errno;
		unlink(af->tmp);
		lup_err_set(err, LUP_EFAIL, _("cannot write %s: %s"), af->path, strerror(e));
		lup_afile_abort(af);
		return -1;
	}
	fsync_dir(af->path);
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	return 0;
}

void lup_afile_abort(lup_afile *af)
{
	if (af->fp && af->fp != stdout)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
}
