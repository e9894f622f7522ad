/* fuzz_keys.c — libFuzzer harness for key names and the [keys] section:
 * any bytes as a key name, as a key list and as a whole [keys] section
 * must give keys or clean warnings, never a crash.  The action table has
 * no curses in it, so it is compiled in directly. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lup/config.h"
#include "tui/actions.c"

static void ignore(void *ud, const char *msg)
{
	(void)ud;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), path[64], buf[16];
	lup_config *cfg;
	lup_err err;
	int fd;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	/* one key name, and its name back */
	{
		tui_key k = tui_key_parse(s);
		if (k != TUI_KEY_NONE && tui_key_parse(tui_key_name(k, buf)) != k)
			abort();
	}
	/* a key list for an action */
	{
		const char *bad = NULL;
		size_t badlen = 0;
		tui_keys_defaults();
		if (tui_keys_bind(TUI_A_SAVE, s, &bad, &badlen) < 0 && (!bad || bad < s || bad + badlen > s + size))
			abort();
	}
	/* a whole [keys] section */
	fd = memfd_create("lup-keys", 0);
	if (fd >= 0) {
		static const char head[] = "[keys]\n";
		if (write(fd, head, sizeof head - 1) == (ssize_t)(sizeof head - 1) &&
		    write(fd, data, size) == (ssize_t)size) {
			snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
			if (lup_config_load(path, &cfg, ignore, NULL, &err) == 0) {
				tui_keys_load(cfg, ignore, NULL);
				for (int a = 0; a < TUI_A_COUNT; a++) {
					char text[256];
					tui_action_keys_text((enum tui_action)a, text, sizeof text);
				}
				lup_config_free(cfg);
			}
		}
		close(fd);
	}
	free(s);
	return 0;
}
