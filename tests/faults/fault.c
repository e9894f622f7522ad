/* fault.c — a shim (LD_PRELOAD) that fails one I/O call of a lup command,
 * the way SQLite's own tests fail the Nth write.
 *
 * Two kinds of call are counted, one kind at a time:
 *   LUP_FAULT_KIND=io     (or unset) write, pwrite, pwrite64, fsync,
 *                         fdatasync and ftruncate on regular files (what
 *                         puts data on disk); a failed write says EIO, or
 *                         ENOSPC when N is even
 *   LUP_FAULT_KIND=alloc  SQLite's memory allocations (xMalloc, xRealloc of
 *                         its allocator, replaced through sqlite3_config
 *                         before lup initialises SQLite); one returns NULL
 *   LUP_FAULT_KIND=lupalloc  lup's own allocations: malloc, calloc,
 *                         realloc, strdup and strndup called from lup's
 *                         program itself (not from the libraries it
 *                         uses); one returns NULL with ENOMEM.  Only in
 *                         the shim built with LUP_FAULT_LUPALLOC
 *                         (libfaultlup.so), and not with a sanitizer,
 *                         whose allocator must stay the only one.
 *   LUP_FAULT_AT=N     the Nth counted call fails; 0 or unset: none fails
 *   LUP_FAULT_COUNT=F  at exit, the number of counted calls is written to F
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <link.h>
#include <stdint.h>
#include <sqlite3.h>

static long calls, at = -1;
static int alloc_kind;	/* 1: SQLite's allocations are counted, 2: lup's own */

static int regular(int fd)
{
	struct stat sb;
	return fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* 1 when this call is the one to fail (LUP_FAULT_TRACE set: its stack
 * goes to standard error, to find who ignored the failure). */
static int hit(void)
{
	if (at < 0) {
		const char *s = getenv("LUP_FAULT_AT");
		at = s ? atol(s) : 0;
	}
	if (++calls != at)
		return 0;
	if (getenv("LUP_FAULT_TRACE")) {
		void *bt[32];
		backtrace_symbols_fd(bt, backtrace(bt, 32), 2);
	}
	return 1;
}

static int io_hit(void)
{
	return !alloc_kind && hit();
}

#define REAL(name) static __typeof__(name) *real_##name; \
	if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fd > 2 && regular(fd) && io_hit()) {
		errno = calls % 2 ? EIO : ENOSPC;
		return -1;
	}
	return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	if (regular(fd) && io_hit()) {
		errno = calls % 2 ? EIO : ENOSPC;
		return -1;
	}
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	REAL(pwrite64);
	if (regular(fd) && io_hit()) {
		errno = calls % 2 ? EIO : ENOSPC;
		return -1;
	}
	return real_pwrite64(fd, buf, n, off);
}

int fsync(int fd)
{
	REAL(fsync);
	if (io_hit()) {
		errno = EIO;
		return -1;
	}
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	if (io_hit()) {
		errno = EIO;
		return -1;
	}
	return real_fdatasync(fd);
}

int ftruncate(int fd, off_t len)
{
	REAL(ftruncate);
	if (io_hit()) {
		errno = EIO;
		return -1;
	}
	return real_ftruncate(fd, len);
}

int ftruncate64(int fd, off64_t len)
{
	REAL(ftruncate64);
	if (io_hit()) {
		errno = EIO;
		return -1;
	}
	return real_ftruncate64(fd, len);
}

/* SQLite's own allocator, wrapped: the Nth allocation fails. */
static sqlite3_mem_methods def;

static void *fail_malloc(int n)
{
	return hit() ? NULL : def.xMalloc(n);
}

static void *fail_realloc(void *p, int n)
{
	return hit() ? NULL : def.xRealloc(p, n);
}

#ifdef LUP_FAULT_LUPALLOC
/* lup's own allocations: those called from the program's code (its
 * executable segments, found at start), through glibc's allocator. */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
static uintptr_t prog_lo, prog_hi;

static int prog_range(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size; (void)data;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
			uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
			if (!prog_lo || lo < prog_lo)
				prog_lo = lo;
			if (lo + ph->p_memsz > prog_hi)
				prog_hi = lo + ph->p_memsz;
		}
	}
	return 1;	/* the first one is the program */
}

static int lup_hit(void *caller)
{
	return alloc_kind == 2 && (uintptr_t)caller >= prog_lo && (uintptr_t)caller < prog_hi && hit();
}

void *malloc(size_t n)
{
	if (lup_hit(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *calloc(size_t k, size_t n)
{
	if (lup_hit(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(k, n);
}

void *realloc(void *p, size_t n)
{
	if (lup_hit(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}

static char *dupn(const char *s, size_t n, void *caller)
{
	char *d;
	if (lup_hit(caller)) {
		errno = ENOMEM;
		return NULL;
	}
	if ((d = __libc_malloc(n + 1))) {
		memcpy(d, s, n);
		d[n] = 0;
	}
	return d;
}

char *strdup(const char *s)
{
	return dupn(s, strlen(s), __builtin_return_address(0));
}

char *strndup(const char *s, size_t n)
{
	return dupn(s, strnlen(s, n), __builtin_return_address(0));
}

#endif

__attribute__((constructor)) static void setup(void)
{
	const char *k = getenv("LUP_FAULT_KIND");
	sqlite3_mem_methods m;

#ifdef LUP_FAULT_LUPALLOC
	if (k && strcmp(k, "lupalloc") == 0) {
		dl_iterate_phdr(prog_range, NULL);
		alloc_kind = 2;
		return;
	}
#endif
	if (!k || strcmp(k, "alloc"))
		return;
	alloc_kind = 1;
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &def) != SQLITE_OK || !def.xMalloc) {
		fputs("fault: cannot read SQLite's allocator\n", stderr);
		_exit(125);
	}
	m = def;
	m.xMalloc = fail_malloc;
	m.xRealloc = fail_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK) {
		fputs("fault: cannot replace SQLite's allocator\n", stderr);
		_exit(125);
	}
}

__attribute__((destructor)) static void report(void)
{
	const char *f = getenv("LUP_FAULT_COUNT");
	FILE *fp;
	if (f && (fp = fopen(f, "w"))) {
		fprintf(fp, "%ld\n", calls);
		fclose(fp);
	}
}
