/* distance.c — great-circle distance, Erasmus+ distance bands, and
 * coordinates as people type them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/shadow_int.h"
#include "lup/shadowing.h"

#define PI 3.14159265358979323846

static double rad(double deg)
{
	return deg * PI / 180.0;
}

double lup_distance_km(double lat1, double lon1, double lat2, double lon2)
{
	double dlat = rad(lat2 - lat1), dlon = rad(lon2 - lon1);
	double s1 = sin(dlat / 2), s2 = sin(dlon / 2);
	double a = s1 * s1 + cos(rad(lat1)) * cos(rad(lat2)) * s2 * s2;
	if (a > 1)
		a = 1;
	if (a < 0)
		a = 0;
	return 2 * LUP_EARTH_RADIUS_KM * atan2(sqrt(a), sqrt(1 - a));
}

double lup_home_distance_km(const lup_config *cfg, double lat, double lon)
{
	return lup_distance_km(lup_config_real(cfg, "shadowing:home_lat"),
	                       lup_config_real(cfg, "shadowing:home_lon"), lat, lon);
}

/* Erasmus+ travel support per participant by distance band (EUR); the
 * amounts change between call years, the bands do not. */
static const struct lup_band_info bands[LUP_BAND_COUNT] = {
	[LUP_BAND_NONE] = { 0, 9, 0, 0 },
	[LUP_BAND_10]   = { 10, 99, 23, 0 },
	[LUP_BAND_100]  = { 100, 499, 180, 210 },
	[LUP_BAND_500]  = { 500, 1999, 275, 320 },
	[LUP_BAND_2000] = { 2000, 2999, 360, 410 },
	[LUP_BAND_3000] = { 3000, 3999, 530, 610 },
	[LUP_BAND_4000] = { 4000, 7999, 820, 0 },
	[LUP_BAND_8000] = { 8000, -1, 1500, 0 },
};

enum lup_band lup_distance_band(double km)
{
	/* Each band runs from its lower bound up to (not including) the next
	 * band's: 99.9 km is still 10–99. */
	int b;
	if (!(km >= 10))   /* also NaN */
		return LUP_BAND_NONE;
	for (b = LUP_BAND_8000; b > LUP_BAND_NONE; b--)
		if (km >= bands[b].min_km)
			break;
	return (enum lup_band)b;
}

const struct lup_band_info *lup_band_info(enum lup_band b)
{
	return (unsigned)b < LUP_BAND_COUNT ? &bands[b] : &bands[LUP_BAND_NONE];
}

void lup_band_label(enum lup_band b, char *buf, size_t n)
{
	const struct lup_band_info *i = lup_band_info(b);
	if (b == LUP_BAND_NONE || (unsigned)b >= LUP_BAND_COUNT)
		snprintf(buf, n, _("under %d km"), 10);
	else if (i->max_km < 0)
		snprintf(buf, n, _("%d km or more"), i->min_km);
	else
		snprintf(buf, n, _("%d–%d km"), i->min_km, i->max_km);
}

int lup_band_grant(enum lup_band b, int green)
{
	const struct lup_band_info *i = lup_band_info(b);
	return green && i->green_eur ? i->green_eur : i->standard_eur;
}

/* ---- Coordinates ---- */

/* A decimal number with '.' (never the locale's point): [+-]digits[.digits].
 * Returns the bytes used, or 0. */
static size_t parse_decimal(const char *s, double *out)
{
	size_t i = 0, digits = 0;
	double v = 0, scale = 1;
	int neg = 0;

	if (s[i] == '+' || s[i] == '-')
		neg = s[i++] == '-';
	while (s[i] >= '0' && s[i] <= '9' && digits < 20) {
		v = v * 10 + (s[i++] - '0');
		digits++;
	}
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9') {
			if (scale > 1e-15) {
				scale /= 10;
				v += (s[i] - '0') * scale;
			}
			i++;
			digits++;
		}
	}
	if (!digits)
		return 0;
	*out = neg ? -v : v;
	return i;
}

/* One coordinate: a number, an optional degree sign, an optional
 * hemisphere letter (N S for latitude; E W, or Swedish Ö V, for
 * longitude). */
static int parse_coord(const char *tok, int is_lat, double *out)
{
	double v;
	size_t k = parse_decimal(tok, &v);
	const char *p = tok + k;

	if (!k)
		return -1;
	if (strncmp(p, "\xc2\xb0", 2) == 0)  /* ° */
		p += 2;
	if (*p) {
		char h[4] = { 0 };
		int neg;
		snprintf(h, sizeof h, "%s", p);
		if (is_lat && (strcmp(h, "N") == 0 || strcmp(h, "n") == 0))
			neg = 0;
		else if (is_lat && (strcmp(h, "S") == 0 || strcmp(h, "s") == 0))
			neg = 1;
		else if (!is_lat && (strcmp(h, "E") == 0 || strcmp(h, "e") == 0 ||
		                     strcmp(h, "O") == 0 || strcmp(h, "o") == 0 ||
		                     strcmp(h, "\xc3\x96") == 0 || strcmp(h, "\xc3\xb6") == 0))
			neg = 0;
		else if (!is_lat && (strcmp(h, "W") == 0 || strcmp(h, "w") == 0 ||
		                     strcmp(h, "V") == 0 || strcmp(h, "v") == 0))
			neg = 1;
		else
			return -1;
		if (strlen(p) > 2 || v < 0)
			return -1;
		if (neg)
			v = -v;
	}
	*out = v;
	return 0;
}

int lup_coords_parse(const char *text, int *has, double *lat, double *lon, lup_err *err)
{
	char buf[128], *tok[3];
	int n = 0;
	double a, b;

	if (lup_blank(text)) {
		*has = 0;
		*lat = *lon = 0;
		return 0;
	}
	if (strlen(text) >= sizeof buf)
		return lup_err_field(err, "coords", _("'%.40s…' is not a pair of coordinates"), text);
	snprintf(buf, sizeof buf, "%s", text);
	for (char *c = buf; *c; c++)
		if (*c == ';' || *c == '\t')
			*c = ' ';
	for (char *save = NULL, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		size_t len = strlen(t);
		if (len && t[len - 1] == ',')
			t[--len] = '\0';
		if (!len)
			continue;
		if (n == 2)
			goto bad;
		tok[n++] = t;
	}
	if (n == 1) {
		/* "57.4872,12.0761" */
		char *comma = strchr(tok[0], ',');
		if (!comma || strchr(comma + 1, ','))
			goto bad;
		*comma = '\0';
		tok[1] = comma + 1;
		n = 2;
	} else if (n == 2) {
		/* A Swedish decimal comma: "57,4872 12,0761". */
		for (int i = 0; i < 2; i++)
			for (char *c = tok[i]; *c; c++)
				if (*c == ',')
					*c = '.';
	}
	if (n != 2 || parse_coord(tok[0], 1, &a) < 0 || parse_coord(tok[1], 0, &b) < 0)
		goto bad;
	if (a < -90 || a > 90)
		return lup_err_field(err, "coords", _("the latitude must be between -90 and 90"));
	if (b < -180 || b > 180)
		return lup_err_field(err, "coords", _("the longitude must be between -180 and 180"));
	*has = 1;
	*lat = a;
	*lon = b;
	return 0;
bad:
	return lup_err_field(err, "coords",
		_("'%s' is not a pair of coordinates (latitude, longitude: 54.35, 18.65)"), text);
}

void lup_coords_format(double lat, double lon, char *buf, size_t n)
{
	/* Six decimals, with a point whatever the locale says. */
	char part[2][32];
	double v[2] = { lat, lon };
	for (int i = 0; i < 2; i++) {
		double x = fabs(v[i]);
		long long u = llround(x * 1e6);
		char *e;
		snprintf(part[i], sizeof part[i], "%s%lld.%06lld", v[i] < 0 && u ? "-" : "",
		         u / 1000000, u % 1000000);
		e = part[i] + strlen(part[i]);
		while (e[-1] == '0' && e[-2] != '.')
			*--e = '\0';
	}
	snprintf(buf, n, "%s, %s", part[0], part[1]);
}
