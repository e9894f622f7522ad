/* args.c — reading a command's options and words (cli_args, cli.h). */
#include <string.h>
#include "cli/cli.h"
#include "lup/i18n.h"

/* Does arg spell the option o?  The value given with it, after "=" (or
 * right after a short spelling), in *inline_value; NULL when none. */
static int spells(const struct cli_opt *o, const char *arg, const char **inline_value)
{
	const char *names[2] = { o->name, o->alias };
	*inline_value = NULL;
	for (int k = 0; k < 2; k++) {
		size_t n;
		if (!names[k])
			continue;
		n = strlen(names[k]);
		if (strncmp(arg, names[k], n) != 0)
			continue;
		if (arg[n] == '\0')
			return 1;
		if (o->value && arg[n] == '=') {
			*inline_value = arg + n + 1;
			return 1;
		}
		if (o->value && n == 2 && names[k][1] != '-') {   /* -oFILE */
			*inline_value = arg + n;
			return 1;
		}
	}
	return 0;
}

int cli_args(const char *cmd, int argc, char **argv, int from, const struct cli_opt *opts,
             const char **words, int max)
{
	int n = 0;
	for (int i = from; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		const struct cli_opt *o = opts;
		while (o && o->name && !spells(o, a, &v))
			o++;
		if (!o || !o->name) {
			if ((a[0] == '-' && a[1]) || !words) {
				cli_usage(cmd, _("unexpected argument %s"), a);
				return -1;
			}
			if (n < max)
				words[n] = a;
			n++;
			continue;
		}
		if (o->flag) {
			*o->flag = 1;
			continue;
		}
		if (!v) {
			if (i + 1 >= argc) {
				cli_usage(cmd, _("%s needs a value"), a);
				return -1;
			}
			v = argv[++i];
		}
		if (o->count)
			o->value[(*o->count)++] = v;
		else
			*o->value = v;
	}
	return n;
}
