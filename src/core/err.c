/* err.c — error values. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lup/err.h"
#include "lup/i18n.h"

void lup_err_clear(lup_err *e)
{
	if (e) {
		e->code = LUP_OK;
		e->field[0] = '\0';
		e->msg[0] = '\0';
	}
}

static void vset(lup_err *e, enum lup_errcode code, const char *field,
                 const char *fmt, va_list ap)
{
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

int lup_err_set(lup_err *e, enum lup_errcode code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vset(e, code, NULL, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int lup_err_field(lup_err *e, const char *field, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vset(e, LUP_EINVAL, field, fmt, ap);
		va_end(ap);
	}
	return -1;
}

const char *lup_err_oom_text(void)
{
	return _("out of memory");
}

int lup_err_oom(lup_err *e)
{
	return lup_err_set(e, LUP_EFAIL, "%s", lup_err_oom_text());
}
