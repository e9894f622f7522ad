/* fuzz_networks.c — libFuzzer harness for the shadowing parsers of outside
 * input: a host's networks JSON, typed coordinates, and country names.
 * Any bytes must give a result or a clean error; a list that parses must
 * come back the same from its canonical JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/shadowing.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lup_network a[LUP_NETWORKS_MAX], b[LUP_NETWORKS_MAX];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *json, text[256];
	const char *codes[8];
	lup_err err;
	int n, has;
	double lat, lon;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	n = lup_networks_parse(s, a, LUP_NETWORKS_MAX, &err);
	if (n >= 0) {
		json = lup_networks_json(a, n);
		if (!json || lup_networks_parse(json, b, LUP_NETWORKS_MAX, &err) != n)
			abort();
		for (int i = 0; i < n; i++)
			if (strcmp(a[i].network, b[i].network) != 0 || strcmp(a[i].role, b[i].role) != 0)
				abort();
		/* Add and remove on a valid list keep it valid. */
		if (lup_networks_add(&json, "UBC", "commission", &err) == 0 &&
		    lup_networks_validate(json, &err) != 0)
			abort();
		free(json);
	}
	lup_networks_text(s, 1, text, sizeof text);

	if (lup_coords_parse(s, &has, &lat, &lon, &err) == 0 && has &&
	    (lat < -90 || lat > 90 || lon < -180 || lon > 180))
		abort();

	(void)lup_country_lookup(s);
	(void)lup_country_search(s, codes, 8);
	free(s);
	return 0;
}
