/* fuzz_theme.c — libFuzzer harness for what a terminal says about its
 * background: any bytes as the answer to OSC 11 (read by length, not to a
 * terminating zero) and as the COLORFGBG variable must choose the dark or
 * the light palette or none, and the keys among answers must be found,
 * never a crash or a read past the end.  The
 * theme's parsers live beside curses code that is never called here, so
 * the file is compiled in directly. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tui/draw.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size ? size : 1), *s = malloc(size + 1);
	int p;

	if (!copy || !s) {
		free(copy);
		free(s);
		return 0;
	}
	/* An exact-size copy, so that ASan sees any read past its end. */
	memcpy(copy, data, size);
	p = tui_palette_from_osc11(copy, size);
	if (p != -1 && p != TUI_PAL_DARK && p != TUI_PAL_LIGHT)
		abort();
	/* Keys apart from answers: never more than went in. */
	if (tui_term_keys(copy, size, s) > size)
		abort();
	memcpy(s, data, size);
	s[size] = 0;
	p = tui_palette_from_colorfgbg(s);
	if (p != -1 && p != TUI_PAL_DARK && p != TUI_PAL_LIGHT)
		abort();
	free(copy);
	free(s);
	return 0;
}
