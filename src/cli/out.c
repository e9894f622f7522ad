/* out.c — helpers for what the commands print: counts and columns. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/lineedit.h"

void cli_count(lup_buf *b, const char *fmt, long n)
{
	if (b->len)
		lup_buf_puts(b, ", ");
	lup_buf_printf(b, fmt, n);
}

int cli_width(const char *s)
{
	return lup_utf8_width(s, strlen(s));
}

void cli_pad(FILE *fp, const char *s, int width)
{
	fputs(s, fp);
	for (int w = cli_width(s); w < width; w++)
		putc(' ', fp);
}

void cli_pad_right(FILE *fp, const char *s, int width)
{
	for (int w = cli_width(s); w < width; w++)
		putc(' ', fp);
	fputs(s, fp);
}

void cli_field(FILE *fp, int width, const char *label, const char *fmt, ...)
{
	va_list ap;
	cli_pad(fp, label, width);
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
}
