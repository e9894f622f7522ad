/* paths.h — where lup's files live (DESIGN §5). */
#ifndef LUP_PATHS_H
#define LUP_PATHS_H

#include <stddef.h>

/* The database: opt (--db), else $LUP_DB, else
 * $XDG_DATA_HOME/lup/lup.db (~/.local/share/lup/lup.db). */
int lup_path_db(const char *opt, char *out, size_t n);
/* The config: opt (--config), else $LUP_CONFIG, else
 * $XDG_CONFIG_HOME/lup/lup.ini if it exists.  Sets *out to "" when there is
 * none (built-in defaults); *explicit to 1 when the user named a file, which
 * must then exist. */
int lup_path_config(const char *opt, char *out, size_t n, int *explicit_);
/* lup's shared data (frameworks, default lup.ini): the source tree's
 * share/lup when lup runs from its build folder, else the installed one. */
const char *lup_path_datadir(void);
/* Compiled translations: the build folder's, else the installed ones. */
const char *lup_path_localedir(void);
/* The user's framework folder: $XDG_DATA_HOME/lup/frameworks. */
int lup_path_user_frameworks(char *out, size_t n);
/* The user's document templates: $XDG_DATA_HOME/lup/documents. */
int lup_path_user_documents(char *out, size_t n);

#endif
