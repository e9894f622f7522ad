/* cli_ref.h — saying why a REF found nothing, or too much. */
#ifndef LUP_CLI_REF_H
#define LUP_CLI_REF_H

#include "lup/err.h"
#include "lup/ref.h"

/* Print err as "lup: what: why", each further line of it (the candidates)
 * under it; when the reference matched nothing or more than one, also
 * what a REF of kind may be.  Returns the exit status: LUP_EXIT_USAGE for
 * a reference that did not settle, LUP_EXIT_FAIL otherwise. */
int cli_ref_error(const char *what, enum lup_ref_kind kind, const lup_err *err);

#endif
