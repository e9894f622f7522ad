/* i18n.h — gettext shorthands.  Every user-facing string goes through _();
 * where a number meets a noun, through ngettext(singular, plural, n) (the
 * catalogue's plural forms: "1 day", "2 days"; xgettext knows ngettext
 * without being told), never "%d day(s)". */
#ifndef LUP_I18N_H
#define LUP_I18N_H

#include <libintl.h>

#define _(s)       gettext(s)
#define N_(s)      (s)
/* A string whose translation depends on a context: C_("verb", "Open"). */
#define C_(c, s)   lup_pgettext(c "\004" s, s)

const char *lup_pgettext(const char *ctx_msgid, const char *msgid);
/* Bind the "lup" text domain; localedir NULL picks the built-in one. */
void lup_i18n_init(const char *localedir);
/* 1 when the messages in use are Swedish (for dates and sorting hints). */
int lup_i18n_is_swedish(void);

#endif
