/* Unit tests for safeio: terminal-safe text (also split between writes),
 * bounded reading, and the sweep of what killed writers left. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lup/err.h"
#include "lup/safeio.h"

static char *put(const char *s)
{
	static char buf[256];
	FILE *fp = fmemopen(buf, sizeof buf, "w");
	lup_safe_put(fp, s, strlen(s));
	fclose(fp);
	return buf;
}

static void test_escapes(void **state)
{
	(void)state;
	assert_string_equal(put("Anna Berg"), "Anna Berg");
	assert_string_equal(put("a\tb\nc"), "a\tb\nc");
	assert_string_equal(put("\033]0;x\a"), "\\x1b]0;x\\x07");
	assert_string_equal(put("\r\x7f"), "\\x0d\\x7f");
	assert_string_equal(put("\xc2\x9b" "2J"), "\\x9b2J");            /* C1 CSI */
	assert_string_equal(put("x\xe2\x80\xaey"), "x\\u{202e}y");      /* RLO */
	assert_string_equal(put("\xe2\x81\xa6z"), "\\u{2066}z");         /* LRI */
	assert_string_equal(put("Åsa Öberg – ok"), "Åsa Öberg – ok");
	assert_int_equal(lup_text_unsafe("Åsa"), 0);
	assert_int_equal(lup_text_unsafe("a\033b"), 1);
	assert_int_equal(lup_text_unsafe("\xe2\x80\xad"), 1);
	assert_int_equal(lup_text_unsafe(NULL), 0);
}

/* A character split between two writes of the stream is still seen. */
static void test_stream_split(void **state)
{
	char buf[256];
	FILE *to = fmemopen(buf, sizeof buf, "w"), *s;
	(void)state;
	s = lup_safe_stream(to);
	assert_non_null(s);
	setvbuf(s, NULL, _IONBF, 0);
	fputs("a\xe2", s);
	fputs("\x80", s);
	fputs("\xae" "b\xc2", s);
	fputs("\xa0" "c\xe2\x82\xac", s);
	fclose(s);
	fclose(to);
	assert_string_equal(buf, "a\\u{202e}b\xc2\xa0" "c\xe2\x82\xac");
}

static void test_bounded(void **state)
{
	char path[] = "/tmp/lup-safeio-XXXXXX";
	int fd = mkstemp(path);
	size_t len;
	lup_err err;
	char *b;
	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	b = lup_read_bounded(path, 10, &len, &err);
	assert_non_null(b);
	assert_int_equal(len, 10);
	assert_string_equal(b, "0123456789");
	free(b);
	assert_null(lup_read_bounded(path, 9, &len, &err));
	assert_non_null(strstr(err.msg, "larger than"));
	assert_null(lup_read_bounded("/dev/zero", 1 << 20, &len, &err));
	assert_non_null(strstr(err.msg, "larger than"));
	unlink(path);
}

static void test_sweep(void **state)
{
	char dir[] = "/tmp/lup-sweep-XXXXXX", target[128], dead[160], alive[160], other[160];
	int fd;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(target, sizeof target, "%s/out.csv", dir);
	snprintf(dead, sizeof dead, "%s" LUP_TMP_MARK "999999999-abcdef", target);
	snprintf(alive, sizeof alive, "%s" LUP_TMP_MARK "%ld-abcdef", target, (long)getpid());
	snprintf(other, sizeof other, "%s/else.csv" LUP_TMP_MARK "999999999-abcdef", dir);
	assert_true((fd = open(dead, O_CREAT | O_WRONLY, 0600)) >= 0); close(fd);
	assert_true((fd = open(alive, O_CREAT | O_WRONLY, 0600)) >= 0); close(fd);
	assert_true((fd = open(other, O_CREAT | O_WRONLY, 0600)) >= 0); close(fd);
	lup_tmp_sweep(target);
	assert_int_not_equal(access(dead, F_OK), 0);   /* its writer is gone */
	assert_int_equal(access(alive, F_OK), 0);      /* this one still runs */
	assert_int_equal(access(other, F_OK), 0);      /* another target's */
	unlink(alive);
	unlink(other);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_stream_split),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
