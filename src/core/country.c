/* country.c — the ISO 3166-1 alpha-2 table, lookup by code or name, and a
 * prefix search for pickers. */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "lup/util.h"

/* Ordered by code (lup_country_get searches it by halves). */
static const struct lup_country countries[] = {
	{ "AD", "Andorra", "Andorra", NULL },
	{ "AE", "United Arab Emirates", "Förenade Arabemiraten", "UAE|Emirates|Arabemiraten" },
	{ "AF", "Afghanistan", "Afghanistan", NULL },
	{ "AG", "Antigua and Barbuda", "Antigua och Barbuda", NULL },
	{ "AI", "Anguilla", "Anguilla", NULL },
	{ "AL", "Albania", "Albanien", NULL },
	{ "AM", "Armenia", "Armenien", NULL },
	{ "AO", "Angola", "Angola", NULL },
	{ "AQ", "Antarctica", "Antarktis", NULL },
	{ "AR", "Argentina", "Argentina", NULL },
	{ "AS", "American Samoa", "Amerikanska Samoa", NULL },
	{ "AT", "Austria", "Österrike", NULL },
	{ "AU", "Australia", "Australien", NULL },
	{ "AW", "Aruba", "Aruba", NULL },
	{ "AX", "Åland Islands", "Åland", "Ålandsöarna" },
	{ "AZ", "Azerbaijan", "Azerbajdzjan", NULL },
	{ "BA", "Bosnia and Herzegovina", "Bosnien och Hercegovina", "Bosnia|Bosnien" },
	{ "BB", "Barbados", "Barbados", NULL },
	{ "BD", "Bangladesh", "Bangladesh", NULL },
	{ "BE", "Belgium", "Belgien", NULL },
	{ "BF", "Burkina Faso", "Burkina Faso", NULL },
	{ "BG", "Bulgaria", "Bulgarien", NULL },
	{ "BH", "Bahrain", "Bahrain", NULL },
	{ "BI", "Burundi", "Burundi", NULL },
	{ "BJ", "Benin", "Benin", NULL },
	{ "BL", "Saint Barthélemy", "Saint-Barthélemy", NULL },
	{ "BM", "Bermuda", "Bermuda", NULL },
	{ "BN", "Brunei Darussalam", "Brunei", "Brunei" },
	{ "BO", "Bolivia", "Bolivia", NULL },
	{ "BQ", "Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius och Saba", "Caribbean Netherlands|Karibiska Nederländerna" },
	{ "BR", "Brazil", "Brasilien", NULL },
	{ "BS", "Bahamas", "Bahamas", NULL },
	{ "BT", "Bhutan", "Bhutan", NULL },
	{ "BV", "Bouvet Island", "Bouvetön", NULL },
	{ "BW", "Botswana", "Botswana", NULL },
	{ "BY", "Belarus", "Belarus", "Vitryssland" },
	{ "BZ", "Belize", "Belize", NULL },
	{ "CA", "Canada", "Kanada", NULL },
	{ "CC", "Cocos (Keeling) Islands", "Kokosöarna", NULL },
	{ "CD", "Democratic Republic of the Congo", "Demokratiska republiken Kongo", "DR Congo|Congo-Kinshasa|Kongo-Kinshasa|DRC" },
	{ "CF", "Central African Republic", "Centralafrikanska republiken", NULL },
	{ "CG", "Congo", "Kongo", "Republic of the Congo|Congo-Brazzaville|Kongo-Brazzaville|Republiken Kongo" },
	{ "CH", "Switzerland", "Schweiz", NULL },
	{ "CI", "Côte d'Ivoire", "Elfenbenskusten", "Ivory Coast" },
	{ "CK", "Cook Islands", "Cooköarna", NULL },
	{ "CL", "Chile", "Chile", NULL },
	{ "CM", "Cameroon", "Kamerun", NULL },
	{ "CN", "China", "Kina", NULL },
	{ "CO", "Colombia", "Colombia", NULL },
	{ "CR", "Costa Rica", "Costa Rica", NULL },
	{ "CU", "Cuba", "Kuba", NULL },
	{ "CV", "Cabo Verde", "Kap Verde", "Cape Verde" },
	{ "CW", "Curaçao", "Curaçao", NULL },
	{ "CX", "Christmas Island", "Julön", NULL },
	{ "CY", "Cyprus", "Cypern", NULL },
	{ "CZ", "Czechia", "Tjeckien", "Czech Republic|Tjeckiska republiken" },
	{ "DE", "Germany", "Tyskland", "Deutschland" },
	{ "DJ", "Djibouti", "Djibouti", NULL },
	{ "DK", "Denmark", "Danmark", NULL },
	{ "DM", "Dominica", "Dominica", NULL },
	{ "DO", "Dominican Republic", "Dominikanska republiken", NULL },
	{ "DZ", "Algeria", "Algeriet", NULL },
	{ "EC", "Ecuador", "Ecuador", NULL },
	{ "EE", "Estonia", "Estland", "Eesti" },
	{ "EG", "Egypt", "Egypten", NULL },
	{ "EH", "Western Sahara", "Västsahara", NULL },
	{ "ER", "Eritrea", "Eritrea", NULL },
	{ "ES", "Spain", "Spanien", "España" },
	{ "ET", "Ethiopia", "Etiopien", NULL },
	{ "FI", "Finland", "Finland", "Suomi" },
	{ "FJ", "Fiji", "Fiji", NULL },
	{ "FK", "Falkland Islands", "Falklandsöarna", NULL },
	{ "FM", "Micronesia", "Mikronesiska federationen", "Mikronesien" },
	{ "FO", "Faroe Islands", "Färöarna", NULL },
	{ "FR", "France", "Frankrike", NULL },
	{ "GA", "Gabon", "Gabon", NULL },
	{ "GB", "United Kingdom", "Storbritannien", "Förenade kungariket|Great Britain|UK|England|Scotland|Skottland|Wales|Northern Ireland|Nordirland" },
	{ "GD", "Grenada", "Grenada", NULL },
	{ "GE", "Georgia", "Georgien", NULL },
	{ "GF", "French Guiana", "Franska Guyana", NULL },
	{ "GG", "Guernsey", "Guernsey", NULL },
	{ "GH", "Ghana", "Ghana", NULL },
	{ "GI", "Gibraltar", "Gibraltar", NULL },
	{ "GL", "Greenland", "Grönland", NULL },
	{ "GM", "Gambia", "Gambia", NULL },
	{ "GN", "Guinea", "Guinea", NULL },
	{ "GP", "Guadeloupe", "Guadeloupe", NULL },
	{ "GQ", "Equatorial Guinea", "Ekvatorialguinea", NULL },
	{ "GR", "Greece", "Grekland", NULL },
	{ "GS", "South Georgia and the South Sandwich Islands", "Sydgeorgien och Sydsandwichöarna", NULL },
	{ "GT", "Guatemala", "Guatemala", NULL },
	{ "GU", "Guam", "Guam", NULL },
	{ "GW", "Guinea-Bissau", "Guinea-Bissau", NULL },
	{ "GY", "Guyana", "Guyana", NULL },
	{ "HK", "Hong Kong", "Hongkong", NULL },
	{ "HM", "Heard Island and McDonald Islands", "Heard- och McDonaldöarna", NULL },
	{ "HN", "Honduras", "Honduras", NULL },
	{ "HR", "Croatia", "Kroatien", "Hrvatska" },
	{ "HT", "Haiti", "Haiti", NULL },
	{ "HU", "Hungary", "Ungern", NULL },
	{ "ID", "Indonesia", "Indonesien", NULL },
	{ "IE", "Ireland", "Irland", NULL },
	{ "IL", "Israel", "Israel", NULL },
	{ "IM", "Isle of Man", "Isle of Man", NULL },
	{ "IN", "India", "Indien", NULL },
	{ "IO", "British Indian Ocean Territory", "Brittiska territoriet i Indiska oceanen", NULL },
	{ "IQ", "Iraq", "Irak", NULL },
	{ "IR", "Iran", "Iran", NULL },
	{ "IS", "Iceland", "Island", NULL },
	{ "IT", "Italy", "Italien", "Italia" },
	{ "JE", "Jersey", "Jersey", NULL },
	{ "JM", "Jamaica", "Jamaica", NULL },
	{ "JO", "Jordan", "Jordanien", NULL },
	{ "JP", "Japan", "Japan", NULL },
	{ "KE", "Kenya", "Kenya", NULL },
	{ "KG", "Kyrgyzstan", "Kirgizistan", NULL },
	{ "KH", "Cambodia", "Kambodja", NULL },
	{ "KI", "Kiribati", "Kiribati", NULL },
	{ "KM", "Comoros", "Komorerna", NULL },
	{ "KN", "Saint Kitts and Nevis", "Saint Kitts och Nevis", NULL },
	{ "KP", "North Korea", "Nordkorea", NULL },
	{ "KR", "South Korea", "Sydkorea", "Korea|Republic of Korea" },
	{ "KW", "Kuwait", "Kuwait", NULL },
	{ "KY", "Cayman Islands", "Caymanöarna", NULL },
	{ "KZ", "Kazakhstan", "Kazakstan", NULL },
	{ "LA", "Laos", "Laos", NULL },
	{ "LB", "Lebanon", "Libanon", NULL },
	{ "LC", "Saint Lucia", "Saint Lucia", NULL },
	{ "LI", "Liechtenstein", "Liechtenstein", NULL },
	{ "LK", "Sri Lanka", "Sri Lanka", NULL },
	{ "LR", "Liberia", "Liberia", NULL },
	{ "LS", "Lesotho", "Lesotho", NULL },
	{ "LT", "Lithuania", "Litauen", "Lietuva" },
	{ "LU", "Luxembourg", "Luxemburg", NULL },
	{ "LV", "Latvia", "Lettland", "Latvija" },
	{ "LY", "Libya", "Libyen", NULL },
	{ "MA", "Morocco", "Marocko", NULL },
	{ "MC", "Monaco", "Monaco", NULL },
	{ "MD", "Moldova", "Moldavien", "Republic of Moldova|Moldova" },
	{ "ME", "Montenegro", "Montenegro", NULL },
	{ "MF", "Saint Martin", "Saint-Martin", NULL },
	{ "MG", "Madagascar", "Madagaskar", NULL },
	{ "MH", "Marshall Islands", "Marshallöarna", NULL },
	{ "MK", "North Macedonia", "Nordmakedonien", "Macedonia|Makedonien" },
	{ "ML", "Mali", "Mali", NULL },
	{ "MM", "Myanmar", "Myanmar", "Burma" },
	{ "MN", "Mongolia", "Mongoliet", NULL },
	{ "MO", "Macao", "Macao", "Macau" },
	{ "MP", "Northern Mariana Islands", "Nordmarianerna", NULL },
	{ "MQ", "Martinique", "Martinique", NULL },
	{ "MR", "Mauritania", "Mauretanien", NULL },
	{ "MS", "Montserrat", "Montserrat", NULL },
	{ "MT", "Malta", "Malta", NULL },
	{ "MU", "Mauritius", "Mauritius", NULL },
	{ "MV", "Maldives", "Maldiverna", NULL },
	{ "MW", "Malawi", "Malawi", NULL },
	{ "MX", "Mexico", "Mexiko", NULL },
	{ "MY", "Malaysia", "Malaysia", NULL },
	{ "MZ", "Mozambique", "Moçambique", NULL },
	{ "NA", "Namibia", "Namibia", NULL },
	{ "NC", "New Caledonia", "Nya Kaledonien", NULL },
	{ "NE", "Niger", "Niger", NULL },
	{ "NF", "Norfolk Island", "Norfolkön", NULL },
	{ "NG", "Nigeria", "Nigeria", NULL },
	{ "NI", "Nicaragua", "Nicaragua", NULL },
	{ "NL", "Netherlands", "Nederländerna", "Holland|The Netherlands|Nederland" },
	{ "NO", "Norway", "Norge", "Noreg" },
	{ "NP", "Nepal", "Nepal", NULL },
	{ "NR", "Nauru", "Nauru", NULL },
	{ "NU", "Niue", "Niue", NULL },
	{ "NZ", "New Zealand", "Nya Zeeland", NULL },
	{ "OM", "Oman", "Oman", NULL },
	{ "PA", "Panama", "Panama", NULL },
	{ "PE", "Peru", "Peru", NULL },
	{ "PF", "French Polynesia", "Franska Polynesien", NULL },
	{ "PG", "Papua New Guinea", "Papua Nya Guinea", NULL },
	{ "PH", "Philippines", "Filippinerna", NULL },
	{ "PK", "Pakistan", "Pakistan", NULL },
	{ "PL", "Poland", "Polen", "Polska" },
	{ "PM", "Saint Pierre and Miquelon", "Saint-Pierre och Miquelon", NULL },
	{ "PN", "Pitcairn", "Pitcairnöarna", "Pitcairn Islands" },
	{ "PR", "Puerto Rico", "Puerto Rico", NULL },
	{ "PS", "Palestine", "Palestina", "State of Palestine" },
	{ "PT", "Portugal", "Portugal", NULL },
	{ "PW", "Palau", "Palau", NULL },
	{ "PY", "Paraguay", "Paraguay", NULL },
	{ "QA", "Qatar", "Qatar", NULL },
	{ "RE", "Réunion", "Réunion", NULL },
	{ "RO", "Romania", "Rumänien", NULL },
	{ "RS", "Serbia", "Serbien", NULL },
	{ "RU", "Russia", "Ryssland", "Russian Federation" },
	{ "RW", "Rwanda", "Rwanda", NULL },
	{ "SA", "Saudi Arabia", "Saudiarabien", NULL },
	{ "SB", "Solomon Islands", "Salomonöarna", NULL },
	{ "SC", "Seychelles", "Seychellerna", NULL },
	{ "SD", "Sudan", "Sudan", NULL },
	{ "SE", "Sweden", "Sverige", NULL },
	{ "SG", "Singapore", "Singapore", NULL },
	{ "SH", "Saint Helena, Ascension and Tristan da Cunha", "Sankta Helena, Ascension och Tristan da Cunha", "Saint Helena|Sankta Helena" },
	{ "SI", "Slovenia", "Slovenien", NULL },
	{ "SJ", "Svalbard and Jan Mayen", "Svalbard och Jan Mayen", NULL },
	{ "SK", "Slovakia", "Slovakien", NULL },
	{ "SL", "Sierra Leone", "Sierra Leone", NULL },
	{ "SM", "San Marino", "San Marino", NULL },
	{ "SN", "Senegal", "Senegal", NULL },
	{ "SO", "Somalia", "Somalia", NULL },
	{ "SR", "Suriname", "Surinam", NULL },
	{ "SS", "South Sudan", "Sydsudan", NULL },
	{ "ST", "Sao Tome and Principe", "São Tomé och Príncipe", NULL },
	{ "SV", "El Salvador", "El Salvador", NULL },
	{ "SX", "Sint Maarten", "Sint Maarten", NULL },
	{ "SY", "Syria", "Syrien", NULL },
	{ "SZ", "Eswatini", "Eswatini", "Swaziland" },
	{ "TC", "Turks and Caicos Islands", "Turks- och Caicosöarna", NULL },
	{ "TD", "Chad", "Tchad", NULL },
	{ "TF", "French Southern Territories", "Franska sydterritorierna", NULL },
	{ "TG", "Togo", "Togo", NULL },
	{ "TH", "Thailand", "Thailand", NULL },
	{ "TJ", "Tajikistan", "Tadzjikistan", NULL },
	{ "TK", "Tokelau", "Tokelauöarna", NULL },
	{ "TL", "Timor-Leste", "Östtimor", "East Timor" },
	{ "TM", "Turkmenistan", "Turkmenistan", NULL },
	{ "TN", "Tunisia", "Tunisien", NULL },
	{ "TO", "Tonga", "Tonga", NULL },
	{ "TR", "Türkiye", "Turkiet", "Turkey" },
	{ "TT", "Trinidad and Tobago", "Trinidad och Tobago", NULL },
	{ "TV", "Tuvalu", "Tuvalu", NULL },
	{ "TW", "Taiwan", "Taiwan", NULL },
	{ "TZ", "Tanzania", "Tanzania", NULL },
	{ "UA", "Ukraine", "Ukraina", NULL },
	{ "UG", "Uganda", "Uganda", NULL },
	{ "UM", "United States Minor Outlying Islands", "USA:s yttre småöar", NULL },
	{ "US", "United States", "USA", "United States of America|Förenta staterna|America|Amerika" },
	{ "UY", "Uruguay", "Uruguay", NULL },
	{ "UZ", "Uzbekistan", "Uzbekistan", NULL },
	{ "VA", "Holy See", "Vatikanstaten", "Vatican City|Vatican|Vatikanen|Heliga stolen" },
	{ "VC", "Saint Vincent and the Grenadines", "Saint Vincent och Grenadinerna", NULL },
	{ "VE", "Venezuela", "Venezuela", NULL },
	{ "VG", "British Virgin Islands", "Brittiska Jungfruöarna", NULL },
	{ "VI", "United States Virgin Islands", "Amerikanska Jungfruöarna", NULL },
	{ "VN", "Viet Nam", "Vietnam", "Vietnam" },
	{ "VU", "Vanuatu", "Vanuatu", NULL },
	{ "WF", "Wallis and Futuna", "Wallis- och Futunaöarna", NULL },
	{ "WS", "Samoa", "Samoa", NULL },
	{ "YE", "Yemen", "Jemen", NULL },
	{ "YT", "Mayotte", "Mayotte", NULL },
	{ "ZA", "South Africa", "Sydafrika", NULL },
	{ "ZM", "Zambia", "Zambia", NULL },
	{ "ZW", "Zimbabwe", "Zimbabwe", NULL },
};

#define NCOUNTRY (sizeof countries / sizeof countries[0])

size_t lup_country_count(void)
{
	return NCOUNTRY;
}

const struct lup_country *lup_country_at(size_t i)
{
	return i < NCOUNTRY ? &countries[i] : NULL;
}

static int upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 32 : c;
}

const struct lup_country *lup_country_get(const char *code)
{
	char k[3];
	size_t lo = 0, hi = NCOUNTRY;

	if (!code || !code[0] || !code[1] || code[2])
		return NULL;
	k[0] = (char)upper((unsigned char)code[0]);
	k[1] = (char)upper((unsigned char)code[1]);
	k[2] = '\0';
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(countries[mid].code, k);
		if (c == 0)
			return &countries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- Matching ----
 *
 * Names compare folded (lower case, no diacritics) and with only letters
 * and digits counted, so "Guinea Bissau", "guinea-bissau" and "GUINÉA
 * BISSAU" agree.  The folded names are made once, on first use. */

static int word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Every name of a country, folded, '|'-separated: English|Swedish|others. */
static char *folded[NCOUNTRY];

static int fold_table(void)
{
	static int done;
	if (done)
		return 0;
	for (size_t i = 0; i < NCOUNTRY; i++) {
		lup_buf b = { 0 };
		const struct lup_country *c = &countries[i];
		lup_buf_printf(&b, "%s|%s%s%s", c->en, c->sv, c->alt ? "|" : "", c->alt ? c->alt : "");
		folded[i] = b.s ? lup_fold(b.s) : NULL;
		lup_buf_clear(&b);
		if (!folded[i]) {
			while (i > 0)
				free(folded[--i]);
			return -1;
		}
	}
	done = 1;
	return 0;
}

/* The squeezed text of s (letters and digits of its folded form), at most
 * n - 1 bytes. */
static size_t squeeze(const char *s, char *out, size_t n)
{
	char *f = lup_fold(s ? s : "");
	size_t o = 0;
	if (n == 0)
		return 0;
	if (f) {
		for (const unsigned char *p = (const unsigned char *)f; *p && o + 1 < n; p++)
			if (word_char(*p))
				out[o++] = (char)*p;
		free(f);
	}
	out[o] = '\0';
	return o;
}

/* Does the folded name s[0..len) begin with the squeezed want (whole:
 * and end with it)? */
static int match_from(const char *s, size_t len, const char *want, int whole)
{
	size_t i = 0;
	for (; *want; want++) {
		while (i < len && !word_char((unsigned char)s[i]))
			i++;
		if (i == len || s[i] != *want)
			return 0;
		i++;
	}
	if (whole)
		for (; i < len; i++)
			if (word_char((unsigned char)s[i]))
				return 0;
	return 1;
}

/* How a country's names match want: 0 not at all, 1 a name equals it
 * (whole) or starts with it, 2 a later word of a name starts with it. */
static int match_country(size_t ci, const char *want, int whole)
{
	const char *p = folded[ci];
	int best = 0;
	while (*p) {
		size_t len = strcspn(p, "|");
		if (match_from(p, len, want, whole))
			return 1;
		if (!whole)
			for (size_t i = 1; i < len && best != 2; i++)
				if (word_char((unsigned char)p[i]) && !word_char((unsigned char)p[i - 1])
				    && match_from(p + i, len - i, want, 0))
					best = 2;
		p += len;
		if (*p == '|')
			p++;
	}
	return best;
}

const char *lup_country_lookup(const char *text)
{
	const struct lup_country *c;
	char want[128];
	char *t;

	if (!text)
		return NULL;
	if (!(t = lup_strdup(text)))
		return NULL;
	lup_trim(t);
	c = lup_country_get(t);
	free(t);
	if (c)
		return c->code;
	if (strlen(text) >= sizeof want || squeeze(text, want, sizeof want) == 0 || fold_table() < 0)
		return NULL;
	for (size_t i = 0; i < NCOUNTRY; i++)
		if (match_country(i, want, 1))
			return countries[i].code;
	return NULL;
}

const char *lup_country_name_in(const char *code, int swedish)
{
	const struct lup_country *c = lup_country_get(code);
	if (!c)
		return code ? code : "";
	return swedish ? c->sv : c->en;
}

const char *lup_country_name(const char *code)
{
	return lup_country_name_in(code, lup_i18n_is_swedish());
}

/* ---- Prefix search ---- */

struct hit {
	const struct lup_country *c;
	int rank;        /* 0 the code, 1 a name starts with it, 2 a later word */
	char *key;       /* display name's sort key */
};

static int hit_cmp(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	int c;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	c = strcmp(x->key ? x->key : "", y->key ? y->key : "");
	return c ? c : strcmp(x->c->code, y->c->code);
}

int lup_country_search(const char *prefix, const char **codes, int max)
{
	struct hit hits[NCOUNTRY];
	char want[128];
	size_t nh = 0;
	int swedish, n = 0;
	const struct lup_country *code_hit;
	char *t;

	if (!prefix || max <= 0 || strlen(prefix) >= sizeof want || fold_table() < 0)
		return 0;
	if (!(t = lup_strdup(prefix)))
		return 0;
	lup_trim(t);
	code_hit = lup_country_get(t);
	free(t);
	if (squeeze(prefix, want, sizeof want) == 0)
		return 0;
	swedish = lup_i18n_is_swedish();
	for (size_t i = 0; i < NCOUNTRY; i++) {
		int rank = code_hit == &countries[i] ? 0 : match_country(i, want, 0);
		if (code_hit != &countries[i] && !rank)
			continue;
		hits[nh].c = &countries[i];
		hits[nh].rank = rank;
		hits[nh].key = lup_sortkey(swedish ? countries[i].sv : countries[i].en);
		nh++;
	}
	qsort(hits, nh, sizeof hits[0], hit_cmp);
	for (size_t i = 0; i < nh; i++) {
		if (n < max)
			codes[n++] = hits[i].c->code;
		free(hits[i].key);
	}
	return n;
}
