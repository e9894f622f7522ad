/* i18n.c — gettext set-up. */
#include <locale.h>
#include <string.h>
#include "lup/i18n.h"

const char *lup_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = gettext(ctx_msgid);
	return t == ctx_msgid ? msgid : t;
}

void lup_i18n_init(const char *localedir)
{
	bindtextdomain("lup", localedir ? localedir : LUP_LOCALEDIR);
	bind_textdomain_codeset("lup", "UTF-8");
	textdomain("lup");
}

int lup_i18n_is_swedish(void)
{
	/* The translation's header names its language; asking for a string
	 * every catalogue has is the simplest portable probe. */
	const char *lang = gettext("LANGUAGE-CODE");
	return strcmp(lang, "sv") == 0;
}
