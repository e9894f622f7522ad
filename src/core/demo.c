/* demo.c — the demonstration programme.
 *
 * A realistic, deterministic data set drawn from the originating project
 * (Kungsbacka kommun): the programme and its three blocks, two pilot
 * cohorts and the roll-out, sessions and study visits to the organisations
 * the project visited, attendance, the transnational network of host
 * organisations, job-shadowing placements, the DigComp 2.2 framework with
 * role targets, and competence check-ins over time.
 *
 * It lives on the day it is made ("today", the real date unless one is
 * given): some cohorts are done, some running with sessions this week and
 * next, some open for enrolment with their schedule, some planned; check-ins
 * are due soon or overdue by days or weeks.  The number of cohorts of each
 * status follows from the number of people alone, so any day gives the same
 * shape: each cohort is laid out around an anchor week relative to today
 * and moved a week at a time until the status lup derives from its dates
 * (lup_cohort_status_on) is the one planned for it.
 *
 * Everything is drawn from a seeded splitmix64 generator, one stream per
 * part, so the same number of people and the same day give the same names,
 * dates and statuses (only the random ids and row timestamps differ).  The
 * whole fill is one transaction of prepared inserts, fast enough for
 * 50,000 people.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"
#include "core/internal.h"
#include "core/sync_int.h"
#include "lup/cal.h"
#include "lup/competence.h"
#include "lup/demo.h"
#include "lup/framework.h"
#include "lup/paths.h"
#include "lup/programme.h"
#include "lup/shadowing.h"

#define DEMO_DEFAULT_PEOPLE 300
#define DEMO_MIN_PEOPLE 20
#define DEMO_MAX_PEOPLE 1000000
#define SEATS 16                /* a UL group with two facilitators */
#define NCOMP 21                /* DigComp 2.2 competences */
/* Attendance and check-ins (21 ratings each) are most of the rows.  Past
 * this many seats they are written for an even sample of cohorts only, so
 * 50,000 people still take seconds, not minutes. */
#define DETAIL_SEATS 1600

/* ---- Deterministic random numbers ---- */

typedef struct { uint64_t s; } rng;

static void rng_seed(rng *r, long people, unsigned stream)
{
	r->s = (uint64_t)people * 0x9e3779b97f4a7c15ULL ^ (uint64_t)(stream + 1) * 0xd1b54a32d192ed03ULL;
}

static uint64_t rng_next(rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* 0 … n-1 */
static long below(rng *r, long n)
{
	return n <= 1 ? 0 : (long)(rng_next(r) % (uint64_t)n);
}

/* lo … hi, both included */
static long between(rng *r, long lo, long hi)
{
	return lo + below(r, hi - lo + 1);
}

static int chance(rng *r, int percent)
{
	return below(r, 100) < percent;
}

/* ---- Static content ---- */

static const char *const first_names[] = {
	"Anna", "Maria", "Karin", "Eva", "Kristina", "Lena", "Sara", "Emma",
	"Malin", "Helena", "Ingrid", "Åsa", "Linnéa", "Elin", "Johanna", "Camilla",
	"Annika", "Ulrika", "Sofia", "Maja", "Birgitta", "Agneta", "Ylva", "Therese",
	"Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Peter",
	"Fredrik", "Magnus", "Jonas", "Henrik", "Mats", "Stefan", "Daniel", "Björn",
	"Örjan", "Göran", "Jörgen", "Ove", "Håkan", "Åke", "Mattias", "Niklas",
	"Ahmed", "Fatima", "Mohammed", "Leyla", "Aleksandra", "Dragana", "Mehmet",
	"Amira", "Tomasz", "Nadia", "Carlos", "Mirela",
};
#define NFIRST ((int)(sizeof first_names / sizeof first_names[0]))

static const char *const last_names[] = {
	"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
	"Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson",
	"Jansson", "Hansson", "Bengtsson", "Lindberg", "Lindqvist", "Lindgren",
	"Berg", "Axelsson", "Sandberg", "Holm", "Forsberg", "Sjöberg", "Wallin",
	"Engström", "Lundgren", "Ängström", "Öberg", "Björk", "Åberg", "Ström",
	"Hedlund", "Söderberg", "Nyström", "Löfgren", "Fransson", "Ekström",
	"Åkesson", "Blom", "Hussein", "Ali", "Kowalski", "Nguyen", "Yilmaz",
	"Rodríguez", "Popović", "Müller", "Haddad", "Novak", "Ibrahim", "Mahmoud",
};
#define NLAST ((int)(sizeof last_names / sizeof last_names[0]))

/* The municipality's departments (förvaltningar). */
static const char *const departments[] = {
	"Förvaltningen för Förskola & Grundskola",
	"Förvaltningen för Gymnasium & Arbetsmarknad",
	"Förvaltningen för Individ & Familjeomsorg",
	"Förvaltningen för Vård & Omsorg",
	"Förvaltningen för Kultur & Fritid",
	"Förvaltningen för Teknik",
	"Förvaltningen för Service",
	"Förvaltningen för Bygg & Miljö",
	"Kommunledningskontoret",
};
#define NDEPT ((int)(sizeof departments / sizeof departments[0]))

enum staff_kind { ST_CHEF, ST_PRESCHOOL, ST_SCHOOL };

static const struct unit_def {
	const char *name;
	int dept;
	enum staff_kind staff;
} base_units[] = {
	{ "Förskola Norr", 0, ST_PRESCHOOL },
	{ "Förskola Söder", 0, ST_PRESCHOOL },
	{ "Förskola Centrum", 0, ST_PRESCHOOL },
	{ "Grundskola Norr", 0, ST_SCHOOL },
	{ "Grundskola Söder", 0, ST_SCHOOL },
	{ "Grundskola Centrum", 0, ST_SCHOOL },
	{ "Elevhälsan", 0, ST_CHEF },
	{ "Gymnasieskolan", 1, ST_SCHOOL },
	{ "Vuxenutbildningen", 1, ST_SCHOOL },
	{ "Arbetsmarknad och integration", 1, ST_CHEF },
	{ "Individ- och familjeomsorg", 2, ST_CHEF },
	{ "Barn och unga", 2, ST_CHEF },
	{ "Försörjningsstöd", 2, ST_CHEF },
	{ "Hemtjänst", 3, ST_CHEF },
	{ "Särskilt boende", 3, ST_CHEF },
	{ "Hemsjukvård", 3, ST_CHEF },
	{ "Funktionsstöd", 3, ST_CHEF },
	{ "Kultur och fritid", 4, ST_CHEF },
	{ "Bibliotek", 4, ST_CHEF },
	{ "Fritidsgårdar", 4, ST_CHEF },
	{ "Vatten och avlopp", 5, ST_CHEF },
	{ "Gata och trafik", 5, ST_CHEF },
	{ "Måltidsservice", 6, ST_CHEF },
	{ "Lokalförsörjning", 6, ST_CHEF },
	{ "Samhällsbyggnad", 7, ST_CHEF },
	{ "Plan och bygg", 7, ST_CHEF },
	{ "Miljö och hälsoskydd", 7, ST_CHEF },
	{ "IT-avdelningen", 8, ST_CHEF },
	{ "Ekonomiavdelningen", 8, ST_CHEF },
	{ "HR-avdelningen", 8, ST_CHEF },
	{ "Kommunikation", 8, ST_CHEF },
	{ "Medborgarservice", 8, ST_CHEF },
};
#define NBASE ((int)(sizeof base_units / sizeof base_units[0]))
#define UNIT_IT 27
#define UNIT_HR 29

/* Localities, for the units of a larger municipality. */
static const char *const localities[] = {
	"Onsala", "Kullavik", "Särö", "Vallda", "Fjärås", "Frillesås",
	"Åsa", "Anneberg", "Tölö", "Hede", "Gällinge", "Älvsåker",
};
#define NLOC ((int)(sizeof localities / sizeof localities[0]))

/* Units of the Halland pilot: the region and the other municipalities. */
static const char *const halland_units[] = {
	"Region Halland, Regionkontoret",
	"Region Halland, Hallands sjukhus Varberg",
	"Halmstads kommun, Socialförvaltningen",
	"Halmstads kommun, Barn- och ungdomsförvaltningen",
	"Varbergs kommun, Barn- och utbildningsförvaltningen",
	"Varbergs kommun, Kommunledningsförvaltningen",
	"Falkenbergs kommun, Kultur- och fritidsförvaltningen",
	"Laholms kommun, Samhällsbyggnadsförvaltningen",
	"Hylte kommun, Kommunledningskontoret",
	"Region Halland, Regional utveckling",
};
#define NHALLAND ((int)(sizeof halland_units / sizeof halland_units[0]))

static const char *const halland_roles[] = {
	"enhetschef", "avdelningschef", "verksamhetschef", "enhetschef", "rektor",
};

static const char *const venues[] = {
	"Kungsbacka stadshus, sal Tjolöholm",
	"Konferensgården Åsa",
	"Aranäs, Kungsbacka",
};
#define NVENUE ((int)(sizeof venues / sizeof venues[0]))

/* Study visits of the activity-based workplace block, to the organisations
 * the project visited; each is in the register of organisations (no
 * network: a Swedish study-visit host), its contact made up. */
static const struct visit {
	const char *host, *title, *location;
	const char *type, *city, *contact, *email, *phone, *themes, *notes;
	double lat, lon;
} visits[] = {
	{ "Swedbank", "Studiebesök: Swedbank", "Swedbank, huvudkontoret, Sundbyberg",
	  "company", "Sundbyberg", "Karin Lindahl", "karin.lindahl@example.org", "08-555 010 00",
	  "aktivitetsbaserat kontor, digitala tjänster, ledarskap på distans",
	  "Huvudkontoret arbetar aktivitetsbaserat: visning av kontoret och samtal med chefer om "
	  "att leda medarbetare man inte ser varje dag.", 59.3614, 17.9716 },
	{ "Försäkringskassan", "Studiebesök: Försäkringskassan, huvudkontoret",
	  "Försäkringskassan, huvudkontoret, Stockholm",
	  "agency", "Stockholm", "Per Hedin", "per.hedin@example.org", "08-555 020 00",
	  "aktivitetsbaserad arbetsplats, e-tjänster, digital ärendehandläggning",
	  "Huvudkontoret: aktivitetsbaserad arbetsplats och hur myndigheten digitaliserat "
	  "handläggningen.", 59.3378, 18.0590 },
	{ "Nacka kommun", "Studiebesök: Nacka kommun", "Nacka stadshus, Nacka",
	  "municipality", "Nacka", "Lena Sjögren", "lena.sjogren@example.org", "08-555 030 00",
	  "aktivitetsbaserat stadshus, medborgarservice, e-tjänster",
	  "Stadshuset byggt om för aktivitetsbaserat arbete; kontaktcenter för medborgarna.",
	  59.3105, 18.1637 },
	{ "Kungälvs kommun", "Studiebesök: Kungälvs kommun, utvecklingskontoret",
	  "Kungälvs kommun, utvecklingskontoret, Kungälv",
	  "municipality", "Kungälv", "Jonas Ek", "jonas.ek@example.org", "0303-55 50 00",
	  "verksamhetsutveckling, processkartläggning, utvecklingskontor",
	  "Utvecklingskontoret stöttar förvaltningarna med processer och digitalisering.",
	  57.8710, 11.9805 },
};
#define NVISIT 4

static const char *const excuse_notes[] = {
	"Sjuk", "Vård av barn", "Krock med nämndsammanträde", "Semester sedan tidigare",
	"Rekryteringsintervjuer", "Akut ärende i verksamheten",
};
#define NEXCUSE ((int)(sizeof excuse_notes / sizeof excuse_notes[0]))

/* The transnational network. */
static const struct host_def {
	const char *name, *type, *country, *city, *networks, *forum;
	const char *contact, *email, *phone, *languages, *themes, *theme;
	int capacity;
	const char *agreement, *from, *to;
	double lat, lon;
	const char *notes;
	int green;  /* reachable by train or ferry */
} hosts[] = {
	{ "City of Gdańsk", "municipality", "PL", "Gdańsk",
	  "[{\"network\":\"UBC\",\"role\":\"member\"},{\"network\":\"Eurocities\",\"role\":\"member\"}]",
	  "UBC Commission on Local Democracy", "Agnieszka Nowak", "agnieszka.nowak@example.org",
	  "+48 58 555 01 10", "polska, engelska", "medborgardialog, e-tjänster, stadsutveckling",
	  "medborgardialog och e-tjänster", 4, "UBC-samarbete", "2014-01-01", "2017-12-31",
	  54.3520, 18.6466, NULL, 1 },
	{ "Union of the Baltic Cities, Secretariat", "ngo", "PL", "Gdańsk",
	  "[{\"network\":\"UBC\",\"role\":\"secretariat\"}]", NULL,
	  "Tomasz Wiśniewski", "tomasz.wisniewski@example.org", "+48 58 555 01 20",
	  "engelska, polska", "nätverksarbete, EU-projekt", "internationellt nätverksarbete", 2,
	  "Avsiktsförklaring", "2015-01-01", "2016-12-31", 54.3505, 18.6530, NULL, 1 },
	{ "City of Tartu", "municipality", "EE", "Tartu",
	  "[{\"network\":\"UBC\",\"role\":\"member\"},{\"network\":\"Eurocities\",\"role\":\"member\"}]",
	  "Eurocities Knowledge Society Forum", "Mari Tamm", "mari.tamm@example.org",
	  "+372 7 555 010", "estniska, engelska", "e-förvaltning, digital identitet, smarta städer",
	  "e-förvaltning och digital identitet", 6, "Erasmus+ mobilitetsavtal", "2014-09-01", "2017-08-31",
	  58.3780, 26.7290, "Stark på digitala medborgartjänster och e-legitimation.", 0 },
	{ "City of Pärnu", "municipality", "EE", "Pärnu",
	  "[{\"network\":\"UBC\",\"role\":\"member\"}]", "UBC Commission on Education",
	  "Kadri Kask", "kadri.kask@example.org", "+372 44 555 020", "estniska, engelska, ryska",
	  "skola, digitala lärverktyg", "digitala lärverktyg i skolan", 2, "UBC-samarbete",
	  "2015-01-01", "2016-12-31", 58.3859, 24.4971, NULL, 0 },
	{ "City of Turku", "municipality", "FI", "Turku",
	  "[{\"network\":\"UBC\",\"role\":\"member\"},{\"network\":\"Eurocities\",\"role\":\"member\"}]",
	  "UBC Commission on Environment", "Jukka Virtanen", "jukka.virtanen@example.org",
	  "+358 2 555 0100", "finska, svenska, engelska", "klimat, hållbar stadsutveckling, ledarskap",
	  "hållbar stadsutveckling", 4, "UBC-samarbete", "2014-01-01", "2017-12-31",
	  60.4518, 22.2666, "Svenskspråkig kontaktperson finns.", 1 },
	{ "City of Tampere", "municipality", "FI", "Tampere",
	  "[{\"network\":\"Eurocities\",\"role\":\"member\"}]", "Eurocities Knowledge Society Forum",
	  "Aino Mäkinen", "aino.makinen@example.org", "+358 3 555 0200", "finska, engelska",
	  "tjänstedesign, öppna data, aktivitetsbaserade kontor", "tjänstedesign och öppna data", 3,
	  "Eurocities-nätverk", "2015-03-01", "2017-02-28", 61.4978, 23.7610, NULL, 1 },
	{ "City of Lohja", "municipality", "FI", "Lohja",
	  "[{\"network\":\"Twin town\",\"role\":\"twin town\"}]", NULL,
	  "Mikko Laine", "mikko.laine@example.org", "+358 19 555 0300", "finska, svenska",
	  "äldreomsorg, välfärdsteknik", "välfärdsteknik i äldreomsorgen", 2, "Vänortsavtal",
	  "2010-05-01", NULL, 60.2486, 24.0653, NULL, 1 },
	{ "Aarhus Municipality", "municipality", "DK", "Aarhus",
	  "[{\"network\":\"Eurocities\",\"role\":\"member\"},{\"network\":\"UBC\",\"role\":\"member\"}]",
	  "Eurocities Social Affairs Forum", "Mette Jensen", "mette.jensen@example.org",
	  "+45 8 555 0100", "danska, engelska", "digital välfärd, ledarskap, medborgarservice",
	  "digital välfärd och medborgarservice", 4, "Eurocities-nätverk", "2014-06-01", "2017-05-31",
	  56.1629, 10.2039, NULL, 1 },
	{ "Danish Agency for Digitisation", "agency", "DK", "København",
	  "[{\"network\":\"bilateral\",\"role\":\"partner\"}]", NULL,
	  "Søren Madsen", "soren.madsen@example.org", "+45 33 555 0200", "danska, engelska",
	  "digital post, e-förvaltningsstrategi", "nationell e-förvaltningsstrategi", 2,
	  "Studiebesöksavtal", "2015-01-01", "2016-12-31", 55.6761, 12.5683, NULL, 1 },
	{ "City of Kiel", "municipality", "DE", "Kiel",
	  "[{\"network\":\"UBC\",\"role\":\"member\"}]", "UBC Commission on Urban Planning",
	  "Katrin Schulz", "katrin.schulz@example.org", "+49 431 555 0100", "tyska, engelska",
	  "stadsplanering, klimatanpassning", "stadsplanering och klimatanpassning", 3,
	  "UBC-samarbete", "2014-01-01", "2017-12-31", 54.3233, 10.1228, NULL, 1 },
	{ "Hanseatic City of Rostock", "municipality", "DE", "Rostock",
	  "[{\"network\":\"UBC\",\"role\":\"member\"}]", "UBC Commission on Health and Social Affairs",
	  "Jan Becker", "jan.becker@example.org", "+49 381 555 0200", "tyska, engelska",
	  "socialtjänst, integration", "socialtjänst och integration", 2, "UBC-samarbete",
	  "2015-01-01", "2017-12-31", 54.0924, 12.0991, NULL, 1 },
	{ "Riga City Council", "municipality", "LV", "Riga",
	  "[{\"network\":\"Eurocities\",\"role\":\"member\"},{\"network\":\"UBC\",\"role\":\"member\"}]",
	  "Eurocities Knowledge Society Forum", "Ilze Kalniņa", "ilze.kalnina@example.org",
	  "+371 67 555 010", "lettiska, engelska, ryska", "e-tjänster, kundtjänst, förvaltningsutveckling",
	  "e-tjänster och kundtjänst", 3, "Eurocities-nätverk", "2014-09-01", "2017-08-31",
	  56.9496, 24.1052, NULL, 0 },
	{ "Klaipėda City Municipality", "municipality", "LT", "Klaipėda",
	  "[{\"network\":\"UBC\",\"role\":\"member\"}]", "UBC Commission on Youth Issues",
	  "Rūta Petrauskienė", "ruta.petrauskiene@example.org", "+370 46 555 010",
	  "litauiska, engelska", "ungdomsfrågor, fritid", "ungdomsverksamhet och fritid", 2,
	  "UBC-samarbete", "2015-01-01", "2016-12-31", 55.7033, 21.1443, NULL, 1 },
	{ "Bergen Municipality", "municipality", "NO", "Bergen",
	  "[{\"network\":\"Eurocities\",\"role\":\"member\"}]", "Eurocities Culture Forum",
	  "Ingrid Haugen", "ingrid.haugen@example.org", "+47 55 55 01 00", "norska, engelska",
	  "kultur, bibliotek, aktivitetsbaserade arbetsplatser", "aktivitetsbaserade arbetsplatser", 3,
	  "Eurocities-nätverk", "2015-01-01", "2017-12-31", 60.3913, 5.3221, NULL, 1 },
	{ "Stavanger Municipality", "municipality", "NO", "Stavanger",
	  "[{\"network\":\"Eurocities\",\"role\":\"member\"}]", "Eurocities Environment Forum",
	  "Kari Nilsen", "kari.nilsen@example.org", "+47 51 55 02 00", "norska, engelska",
	  "smart stad, energi, innovation", "smart stad och innovation", 2, "Eurocities-nätverk",
	  "2015-06-01", "2017-05-31", 58.9700, 5.7331, NULL, 1 },
	{ "Drakenstein Municipality", "municipality", "ZA", "Paarl",
	  "[{\"network\":\"ICLD partnership\",\"role\":\"partner\"}]", "ICLD kommunalt partnerskap",
	  "Thandiwe Mokoena", "thandiwe.mokoena@example.org", "+27 21 555 0100", "engelska, afrikaans",
	  "lokal demokrati, medborgardialog, ungdomsinflytande", "lokal demokrati och medborgardialog", 4,
	  "ICLD kommunalt partnerskap", "2014-01-01", "2016-12-31", -33.7342, 18.9621,
	  "Partnerskap sedan många år; ungefär två resor om året.", 0 },
	{ "Eurocities, Secretariat", "ngo", "BE", "Bruxelles",
	  "[{\"network\":\"Eurocities\",\"role\":\"secretariat\"}]", NULL,
	  "Sophie Dubois", "sophie.dubois@example.org", "+32 2 555 01 00", "franska, engelska",
	  "EU-påverkan, nätverksarbete", "europeiskt nätverksarbete", 1,
	  "Associerad partner", "2016-01-01", NULL, 50.8503, 4.3517,
	  "Kommunen är associerad partner i Eurocities.", 1 },
};
#define NHOST ((int)(sizeof hosts / sizeof hosts[0]))

static const char *const mentors[] = {
	"Anneli Korhonen", "Piotr Zieliński", "Lars Mikkelsen", "Eva Lepp", "Thomas Krüger",
	"Inese Ozola", "Sipho Dlamini", "Hilde Berge", "Marius Jankauskas", "Pauline Martin",
};
#define NMENTOR ((int)(sizeof mentors / sizeof mentors[0]))

static const char *const cancel_reasons[] = {
	"Värdorganisationen kunde inte ta emot under perioden",
	"Deltagaren har bytt tjänst",
	"Resan ställdes in på grund av sjukdom",
	"Budgeten för året räckte inte",
};

static const char *const session_reflections[] = {
	"Återkopplingen från medarbetarna i ULL gav mig mycket att tänka på.",
	"Övningen om grupputveckling var tydlig; jag provar den på nästa APT.",
	"Studiebesöket visade hur ett aktivitetsbaserat kontor fungerar i vardagen.",
	"Jag vill pröva tydligare mål och återkoppling i min ledningsgrupp.",
	"Bra diskussion om hur vi kan digitalisera ansökningar och minska pappershanteringen.",
	"Insikt: mitt eget exempel betyder mer än jag trott för medarbetarnas engagemang.",
};
#define NSREFL ((int)(sizeof session_reflections / sizeof session_reflections[0]))

/* ---- DigComp 2.2: imported from the shipped framework file ---- */

/* The competences the check-ins rate, in the order of dc_targets. */
static const char *const dc_codes[NCOMP] = {
	"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
	"3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4",
	"5.1", "5.2", "5.3", "5.4",
};

/* Target levels per role, in the order of dc_codes. */
static const struct { const char *role; unsigned char level[NCOMP]; } dc_targets[] = {
	{ "enhetschef",       { 4,4,4, 4,4,3,4,4,3, 3,3,3,2, 4,4,4,3, 3,3,3,4 } },
	{ "avdelningschef",   { 4,5,4, 4,4,4,5,4,4, 3,3,4,2, 4,5,4,4, 3,4,4,5 } },
	{ "verksamhetschef",  { 5,5,5, 4,4,4,5,4,4, 3,3,4,2, 4,5,4,4, 3,5,4,5 } },
};
#define NTARGET ((int)(sizeof dc_targets / sizeof dc_targets[0]))

/* ---- The fill ---- */

enum role { R_DIRECTOR, R_DEPT_HEAD, R_UNIT_HEAD, R_STAFF, R_FACILITATOR, R_HALLAND };
enum cstatus { C_PLANNED, C_OPEN, C_RUNNING, C_DONE };
enum estatus { E_NONE, E_ENROLLED, E_WAITLISTED, E_WITHDRAWN, E_COMPLETED };

struct dperson {
	char id[LUP_UUID_LEN + 1];
	unsigned char first, last, kind;
	signed char estatus;
	unsigned char base, it;   /* competence: starting level, works in IT */
	int unit;                 /* index into units, or halland unit */
	long manager;             /* index, or -1 */
	long cohort;              /* index, or -1 */
};

struct dunit {
	char name[96];
	int dept, base;
	long head;
};

struct dcohort {
	char id[LUP_UUID_LEN + 1];
	char name[48];
	lup_date nominal;     /* the start week chosen */
	lup_date start, end;
	enum cstatus status;
	int scheduled;        /* has sessions (a planned cohort has none yet) */
	int fac[2];           /* facilitator indices */
	int visit[4], nvisit;
	int part2_days;
	long *members;        /* people, in order of request */
	int nmembers, nwait;
	long withdrawn;       /* member index that withdrew, -1 */
	int detail;           /* has attendance, check-ins and a learning log */
};

struct dsession {
	char id[LUP_UUID_LEN + 1];
	int block;            /* 0 ul, 1 abw, 2 egov, -1 none */
	lup_date day;
	int part1, part2;     /* UL part flags */
};

struct demo {
	lup_db *db;
	lup_err *err;
	long n;
	char now[21];
	lup_date today;
	int interval;             /* days between check-ins ([competence] interval_days) */
	double min_att;
	int part1_days, part2_gap, min_days, max_days;

	char programme[LUP_UUID_LEN + 1];
	char block[3][LUP_UUID_LEN + 1];
	char framework[LUP_UUID_LEN + 1];
	char comp[NCOMP][LUP_UUID_LEN + 1];
	int have_comp[NCOMP];
	char host[NHOST][LUP_UUID_LEN + 1];
	char vhost[NVISIT][LUP_UUID_LEN + 1];   /* the study-visit hosts */
	lup_date first_day, last_day;            /* of the whole programme */

	struct dperson *p;
	long np;
	struct dunit *u;
	int nu, ndept;
	long fac_first;
	int nfac;
	long it_head;

	struct dcohort *c;
	long nc;
};

#define WHAT _("writing the demonstration data")

static void bt(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Step an insert; on failure fill the error. */
static int run(struct demo *d, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_sqlerr(d->db, d->err, WHAT);
		lup_done(st);
		return -1;
	}
	lup_done(st);
	return 0;
}

static sqlite3_stmt *prep(struct demo *d, const char *sql)
{
	return lup_stmt(d->db, sql, d->err);
}

static lup_date mkdate(int y, int m, int dd)
{
	lup_date r = { y, m, dd };
	return r;
}

static void fmt_date(lup_date x, char out[11])
{
	lup_date_format(x, out);
}

static void fmt_time(lup_date x, int hh, int mm, char out[17])
{
	lup_datetime dt = { x, hh, mm };
	lup_datetime_format(dt, out);
}

/* The host agreements of the data set were written for DEMO_YEAR: the
 * same date `years` on ("" for none); 29 February falls back a day. */
#define DEMO_YEAR 2016
static void shift_years(const char *date, int years, char out[11])
{
	lup_date x;
	out[0] = '\0';
	if (!date || lup_date_parse(date, mkdate(2000, 1, 1), &x) < 0)
		return;
	x.y += years;
	if (x.m == 2 && x.d == 29 && !lup_is_leap(x.y))
		x.d = 28;
	fmt_date(x, out);
}

/* A day a course can be held on: a working day outside the summer and the
 * Christmas breaks. */
static int course_day(lup_date x)
{
	int md = x.m * 100 + x.d;
	if (!lup_is_workday(x))
		return 0;
	return !(md >= 622 && md <= 810) && !(md >= 1221 || md <= 106);
}

/* The first day from x on that begins `days` consecutive course days. */
static lup_date next_course_days(lup_date x, int days)
{
	for (int guard = 0; guard < 400; guard++, x = lup_date_add(x, 1)) {
		int ok = 1;
		for (int k = 0; k < days && ok; k++)
			ok = course_day(lup_date_add(x, k));
		if (ok)
			return x;
	}
	return x;
}

static void person_name(const struct dperson *p, char *out, size_t n)
{
	snprintf(out, n, "%s %s", first_names[p->first], last_names[p->last]);
}

/* Lower-case ASCII for an e-mail local part; -1 without memory. */
static int ascii_part(const char *name, char *out, size_t n)
{
	char *f = lup_fold(name);
	size_t o = 0;
	out[0] = '\0';
	if (!f)
		return -1;
	for (const char *s = f; *s && o + 1 < n; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-')
			out[o++] = *s;
	out[o] = '\0';
	free(f);
	return 0;
}

/* ---- Programme, blocks ---- */

static int fill_programme(struct demo *d)
{
	static const char sql_prog[] =
		"INSERT INTO programme (id, name, description, target, start_date, end_date, "
		"created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
	static const char sql_block[] =
		"INSERT INTO block (id, programme_id, seq, kind, name, description, min_attendance, "
		"created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
	static const struct { const char *kind, *name, *desc; } blocks[3] = {
		{ "ul", "Utvecklande ledarskap (UL)",
		  "Försvarshögskolans kurs: del 1 tre dagar i följd, del 2 minst åtta veckor senare. "
		  "Två handledare, 6–16 deltagare." },
		{ "abw", "Aktivitetsbaserad arbetsplats",
		  "Studiebesök hos organisationer som arbetar aktivitetsbaserat: Swedbank, "
		  "Försäkringskassan, Nacka kommun, Kungälvs kommun." },
		{ "egov", "Verktyg och metoder för e-förvaltning",
		  "Processkartläggning, tjänstedesign, e-tjänster och öppna data i kommunal verksamhet." },
	};
	sqlite3_stmt *st;

	if (!(st = prep(d, sql_prog)))
		return -1;
	lup_uuid(d->programme);
	bt(st, 1, d->programme);
	bt(st, 2, "Ledarutveckling för en sammanhållen e-förvaltning");
	bt(st, 3, "Ledarutvecklingsprogram för kommunens chefer i tre block, med "
	          "kompetenssäkring och jobbskuggning i det transnationella nätverket. "
	          "Vinnova-projekt 2013-03999: två pilotomgångar, sedan bred utrullning.");
	sqlite3_bind_int64(st, 4, d->n);
	/* its dates, once the cohorts are laid out: programme_dates() */
	bt(st, 7, d->now);
	if (run(d, st) < 0)
		return -1;
	for (int i = 0; i < 3; i++) {
		if (!(st = prep(d, sql_block)))
			return -1;
		lup_uuid(d->block[i]);
		bt(st, 1, d->block[i]);
		bt(st, 2, d->programme);
		sqlite3_bind_int(st, 3, i + 1);
		bt(st, 4, blocks[i].kind);
		bt(st, 5, blocks[i].name);
		bt(st, 6, blocks[i].desc);
		sqlite3_bind_double(st, 7, d->min_att);
		bt(st, 8, d->now);
		if (run(d, st) < 0)
			return -1;
	}
	return 0;
}

/* ---- People ---- */

static const char sql_person[] =
	"INSERT INTO person (id, name, email, phone, org_unit, role, manager_id, employee_no, "
	"active, search, sort_name, sort_unit, sort_role, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?11, ?12, ?13, ?13)";

static const char *const mobile[5] = { "070", "072", "073", "076", "079" };

static int insert_person(struct demo *d, long i, const char *unit, const char *role,
                         int *combo_count, rng *r)
{
	struct dperson *p = &d->p[i];
	char name[96], email[128], a[48], b[48], phone[24], empno[16];
	char *search = NULL, *k1 = NULL, *k2 = NULL, *k3 = NULL;
	int *cnt = &combo_count[p->first * NLAST + p->last];
	lup_buf all = { 0 };
	sqlite3_stmt *st;
	int rc = -1;

	person_name(p, name, sizeof name);
	if (ascii_part(first_names[p->first], a, sizeof a) < 0 ||
	    ascii_part(last_names[p->last], b, sizeof b) < 0)
		return lup_err_oom(d->err);
	if ((*cnt)++ == 0)
		snprintf(email, sizeof email, "%s.%s@example.org", a, b);
	else
		snprintf(email, sizeof email, "%s.%s.%d@example.org", a, b, *cnt);
	if (chance(r, 60))
		snprintf(phone, sizeof phone, "0300-%02ld %02ld %02ld", between(r, 83, 86),
		         below(r, 100), below(r, 100));
	else
		snprintf(phone, sizeof phone, "%s-%03ld %02ld %02ld", mobile[below(r, 5)],
		         below(r, 1000), below(r, 100), below(r, 100));
	/* A bijection on 0 … 999999, so numbers look scattered yet never repeat. */
	snprintf(empno, sizeof empno, "K%06ld", (i * 7919L + 104729L) % 1000000L);
	if (p->kind == R_HALLAND)
		empno[0] = '\0';
	lup_buf_printf(&all, "%s %s %s %s %s", name, email, unit, role, empno);
	search = lup_fold(all.s ? all.s : "");
	k1 = lup_sortkey(name);
	k2 = lup_sortkey(unit);
	k3 = lup_sortkey(role);
	if (!search || !k1 || !k2 || !k3) {
		lup_err_oom(d->err);
		goto out;
	}
	if (!(st = prep(d, sql_person)))
		goto out;
	lup_uuid(p->id);
	bt(st, 1, p->id);
	bt(st, 2, name);
	bt(st, 3, email);
	bt(st, 4, phone);
	bt(st, 5, unit);
	bt(st, 6, role);
	bt(st, 7, p->manager >= 0 ? d->p[p->manager].id : NULL);
	bt(st, 8, empno);
	bt(st, 9, search);
	bt(st, 10, k1);
	bt(st, 11, k2);
	bt(st, 12, k3);
	bt(st, 13, d->now);
	/* one person stands on their own: the change log may take them */
	rc = run(d, st) < 0 ? -1 : lup_sync_capture_flush(d->db, d->err);
out:
	lup_buf_clear(&all);
	free(search); free(k1); free(k2); free(k3);
	return rc;
}

static const char *staff_role(const struct dunit *u, rng *r)
{
	switch (base_units[u->base].staff) {
	case ST_PRESCHOOL: return chance(r, 85) ? "förskolechef" : "biträdande förskolechef";
	case ST_SCHOOL:    return chance(r, 65) ? "rektor" : "biträdande rektor";
	default:
		if (base_units[u->base].dept == 8)
			return chance(r, 70) ? "enhetschef" : "avdelningschef";
		return chance(r, 88) ? "enhetschef" : "sektionschef";
	}
}

/* The people: a kommundirektör, the department heads, a head for each unit,
 * the facilitators, the other managers, and the Halland pilot's
 * participants from the region and its other municipalities. */
static int fill_people(struct demo *d, long *halland_first, long *halland_n)
{
	rng r;
	int *combos;
	long i = 0, nhal, staff, rest;
	int rc = -1;

	rng_seed(&r, d->n, 1);
	d->np = d->n;
	d->nfac = d->n < 100 ? 4 : d->n < 10000 ? 5 : 6;
	nhal = (d->n - d->nfac - 1) / 3;
	if (nhal > SEATS)
		nhal = SEATS;
	rest = d->n - 1 - d->nfac - nhal;
	/* Departments and units: the whole list, about ten managers to a
	 * unit, and fewer of both in a very small demonstration. */
	d->ndept = (int)(rest / 5 < NDEPT ? rest / 5 : NDEPT);
	if (d->ndept < 1)
		d->ndept = 1;
	d->nu = (int)((rest - d->ndept) / 10 > NBASE ? (rest - d->ndept) / 10 : NBASE);
	if (d->nu > (rest - d->ndept) / 2)
		d->nu = (int)((rest - d->ndept) / 2);
	staff = rest - d->ndept - d->nu;
	if (d->nu < 1 || staff < 0)
		return lup_err_set(d->err, LUP_EINVAL, _("too few people for the demonstration"));

	d->p = calloc((size_t)d->np, sizeof *d->p);
	d->u = calloc((size_t)d->nu, sizeof *d->u);
	combos = calloc((size_t)NFIRST * NLAST, sizeof *combos);
	if (!d->p || !d->u || !combos) {
		free(combos);
		return lup_err_oom(d->err);
	}
	for (long k = 0; k < d->np; k++) {
		struct dperson *p = &d->p[k];
		p->first = (unsigned char)below(&r, NFIRST);
		p->last = (unsigned char)below(&r, NLAST);
		p->manager = -1;
		p->cohort = -1;
		p->base = (unsigned char)between(&r, 2, 4);
	}
	for (int k = 0; k < d->nu; k++) {
		struct dunit *u = &d->u[k];
		int round = k / NBASE;
		u->base = k % NBASE;
		u->dept = base_units[u->base].dept;
		if (round == 0)
			snprintf(u->name, sizeof u->name, "%s", base_units[u->base].name);
		else if (round <= NLOC)
			snprintf(u->name, sizeof u->name, "%s %s", base_units[u->base].name,
			         localities[round - 1]);
		else
			snprintf(u->name, sizeof u->name, "%s %s %d", base_units[u->base].name,
			         localities[(round - 1) % NLOC], (round - 1) / NLOC + 1);
	}

	/* The kommundirektör leads the department heads. */
	d->p[i].kind = R_DIRECTOR;
	if (insert_person(d, i, "Kommunledningskontoret", "kommundirektör", combos, &r) < 0)
		goto out;
	i++;
	for (int k = 0; k < d->ndept; k++, i++) {
		d->p[i].kind = R_DEPT_HEAD;
		d->p[i].manager = 0;
		d->p[i].unit = -1 - k;
		if (insert_person(d, i, departments[k], "förvaltningschef", combos, &r) < 0)
			goto out;
	}
	for (int k = 0; k < d->nu; k++, i++) {
		struct dunit *u = &d->u[k];
		d->p[i].kind = R_UNIT_HEAD;
		d->p[i].manager = 1 + u->dept % d->ndept;
		d->p[i].unit = k;
		d->p[i].it = u->base == UNIT_IT;
		u->head = i;
		if (insert_person(d, i, u->name, u->dept == 8 ? "avdelningschef" : "verksamhetschef",
		                  combos, &r) < 0)
			goto out;
	}
	d->it_head = d->nu > UNIT_IT ? d->u[UNIT_IT].head : d->u[0].head;
	d->fac_first = i;
	for (int k = 0; k < d->nfac; k++, i++) {
		int hr = d->nu > UNIT_HR ? UNIT_HR : 0;
		d->p[i].kind = R_FACILITATOR;
		d->p[i].manager = d->u[hr].head;
		d->p[i].unit = hr;
		if (insert_person(d, i, d->u[hr].name, "handledare, Utvecklande ledarskap", combos, &r) < 0)
			goto out;
	}
	for (long k = 0; k < staff; k++, i++) {
		int unit = (int)below(&r, d->nu);
		struct dunit *u = &d->u[unit];
		d->p[i].kind = R_STAFF;
		d->p[i].manager = u->head;
		d->p[i].unit = unit;
		d->p[i].it = u->base == UNIT_IT;
		if (insert_person(d, i, u->name, staff_role(u, &r), combos, &r) < 0)
			goto out;
	}
	*halland_first = i;
	*halland_n = nhal;
	for (long k = 0; k < nhal; k++, i++) {
		int unit = (int)(k % NHALLAND);
		d->p[i].kind = R_HALLAND;
		d->p[i].unit = unit;
		if (insert_person(d, i, halland_units[unit],
		                  halland_roles[k % (sizeof halland_roles / sizeof halland_roles[0])],
		                  combos, &r) < 0)
			goto out;
	}
	rc = 0;
out:
	free(combos);
	return rc;
}

/* ---- Host organisations ---- */

/* The networks and roles of a demonstration made in Swedish are written
 * as a Swedish coordinator writes them (the networks' own names stay). */
static const struct { const char *en, *sv; } network_words[] = {
	{ "member", "medlem" }, { "Twin town", "Vänort" }, { "twin town", "vänort" },
	{ "ICLD partnership", "ICLD-partnerskap" },
};

static const char *network_word(const char *en, int swedish)
{
	for (size_t i = 0; swedish && i < sizeof network_words / sizeof network_words[0]; i++)
		if (strcmp(network_words[i].en, en) == 0)
			return network_words[i].sv;
	return en;
}

/* The host's networks in the demonstration's language (malloc'd), or NULL
 * when out of memory. */
static char *host_networks(const char *json, int swedish, lup_err *err)
{
	struct lup_network nets[8];
	int n = lup_networks_parse(json, nets, 8, err);
	char *out = NULL;
	if (n < 0)
		return NULL;
	if (!swedish || n == 0)
		return lup_strdup(json);
	for (int i = 0; i < n; i++)
		if (lup_networks_add(&out, network_word(nets[i].network, 1), network_word(nets[i].role, 1), err) < 0) {
			free(out);
			return NULL;
		}
	return out;
}

static int fill_hosts(struct demo *d)
{
	static const char sql[] =
		"INSERT INTO host_org (id, name, type, country, city, networks, forum, contact_name, "
		"contact_email, contact_phone, languages, themes, capacity, agreement_type, "
		"agreement_start, agreement_end, lat, lon, notes, search, sort_name, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		"?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22)";

	for (int i = 0; i < NHOST; i++) {
		const struct host_def *h = &hosts[i];
		lup_buf all = { 0 };
		char *search, *key, *networks, from[11], to[11];
		sqlite3_stmt *st;
		int rc;

		lup_buf_printf(&all, "%s %s %s %s", h->name, h->city, h->country, h->themes);
		search = lup_fold(all.s ? all.s : "");
		key = lup_sortkey(h->name);
		lup_buf_clear(&all);
		networks = host_networks(h->networks, lup_i18n_is_swedish(), d->err);
		if (!search || !key || !networks || !(st = prep(d, sql))) {
			if (!search || !key)
				lup_err_oom(d->err);
			else if (!networks && !d->err->code)
				lup_err_oom(d->err);
			free(search); free(key); free(networks);
			return -1;
		}
		lup_uuid(d->host[i]);
		bt(st, 1, d->host[i]);
		bt(st, 2, h->name);
		bt(st, 3, h->type);
		bt(st, 4, h->country);
		bt(st, 5, h->city);
		bt(st, 6, networks);
		bt(st, 7, h->forum);
		bt(st, 8, h->contact);
		bt(st, 9, h->email);
		bt(st, 10, h->phone);
		bt(st, 11, h->languages);
		bt(st, 12, h->themes);
		sqlite3_bind_int(st, 13, h->capacity);
		bt(st, 14, h->agreement);
		shift_years(h->from, d->today.y - DEMO_YEAR, from);
		shift_years(h->to, d->today.y - DEMO_YEAR, to);
		bt(st, 15, from);
		bt(st, 16, to);
		sqlite3_bind_double(st, 17, h->lat);
		sqlite3_bind_double(st, 18, h->lon);
		bt(st, 19, h->notes);
		bt(st, 20, search);
		bt(st, 21, key);
		bt(st, 22, d->now);
		rc = run(d, st);
		free(search); free(key); free(networks);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The study-visit hosts: Swedish organisations, no network (search text
 * and sort key come from lup_host_reindex, after the fill of hosts). */
static int fill_visit_hosts(struct demo *d)
{
	static const char sql[] =
		"INSERT INTO host_org (id, name, type, country, city, contact_name, contact_email, "
		"contact_phone, themes, lat, lon, notes, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, 'SE', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)";
	for (int i = 0; i < NVISIT; i++) {
		const struct visit *v = &visits[i];
		sqlite3_stmt *st = prep(d, sql);
		if (!st)
			return -1;
		lup_uuid(d->vhost[i]);
		bt(st, 1, d->vhost[i]);
		bt(st, 2, v->host);
		bt(st, 3, v->type);
		bt(st, 4, v->city);
		bt(st, 5, v->contact);
		bt(st, 6, v->email);
		bt(st, 7, v->phone);
		bt(st, 8, v->themes);
		sqlite3_bind_double(st, 9, v->lat);
		sqlite3_bind_double(st, 10, v->lon);
		bt(st, 11, v->notes);
		bt(st, 12, d->now);
		if (run(d, st) < 0)
			return -1;
	}
	return 0;
}

/* ---- Competence framework ----
 * The shipped share/lup/frameworks/digcomp-2.2.ini, through the same
 * importer as `lup framework import`; the rest of the fill only needs
 * d->framework and d->comp[] (the ids of competences 1.1 … 5.4). */

static int fill_framework_digcomp(struct demo *d)
{
	static const char sql_fw[] =
		"SELECT id FROM framework WHERE ident = 'digcomp' ORDER BY revision DESC LIMIT 1";
	static const char sql_comp[] =
		"SELECT id FROM competence WHERE framework_id = ?1 AND code = ?2";
	char path[4200], id[LUP_UUID_LEN + 1];
	int unchanged, rc;
	sqlite3_stmt *st;

	snprintf(path, sizeof path, "%s/frameworks/digcomp-2.2.ini", lup_path_datadir());
	if (lup_framework_import_file(d->db, path, id, &unchanged, d->err) < 0)
		return -1;
	if (!(st = lup_stmt(d->db, sql_fw, d->err)))
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, d->framework, sizeof d->framework);
	lup_done(st);
	if (rc != SQLITE_ROW)
		return lup_sqlerr(d->db, d->err, WHAT);
	for (int i = 0; i < NCOMP; i++) {
		if (!(st = lup_stmt(d->db, sql_comp, d->err)))
			return -1;
		bt(st, 1, d->framework);
		bt(st, 2, dc_codes[i]);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			lup_col_copy(st, 0, d->comp[i], sizeof d->comp[i]);
			d->have_comp[i] = 1;
		}
		lup_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return lup_sqlerr(d->db, d->err, WHAT);
	}
	return 0;
}

static int fill_targets(struct demo *d)
{
	for (int t = 0; t < NTARGET; t++)
		for (int i = 0; i < NCOMP; i++)
			if (d->have_comp[i] &&
			    lup_target_insert(d->db, d->framework, d->comp[i], d->comp[i], dc_targets[t].role, NULL,
			                      dc_targets[t].level[i], "user", d->now, d->err) < 0)
				return -1;
	return 0;
}

/* ---- Cohorts: the plan ---- */

/* The status lup gives the cohort on the demo's today, from the dates it
 * is written with (lup_cohort_status_on). */
static enum cstatus status_on(const struct dcohort *c, lup_date today)
{
	static const char *const names[] = { "planned", "open", "running", "done" };
	char a[11], b[11], t[11];
	const char *st;
	fmt_date(c->start, a);
	fmt_date(c->end, b);
	fmt_date(today, t);
	st = lup_cohort_status_on(NULL, a, b, c->scheduled, t);
	for (int i = 0; i < 4; i++)
		if (strcmp(st, names[i]) == 0)
			return (enum cstatus)i;
	return C_PLANNED;
}

/* Lay out a cohort's sessions (days only) to learn its dates. */
static int plan_sessions(struct demo *d, struct dcohort *c, struct dsession *s)
{
	int n = 0;
	lup_date p1 = next_course_days(c->nominal, d->part1_days), x, p2;

	for (int k = 0; k < d->part1_days; k++, n++) {
		s[n].block = 0; s[n].part1 = 1; s[n].part2 = 0;
		s[n].day = lup_date_add(p1, k);
	}
	x = lup_date_add(p1, 16);
	for (int v = 0; v < c->nvisit; v++, n++) {
		x = next_course_days(x, 1);
		s[n].block = 1; s[n].part1 = s[n].part2 = 0;
		s[n].day = x;
		x = lup_date_add(x, v % 2 ? 6 : 8);
	}
	x = next_course_days(lup_date_add(x, 5), 2);
	for (int k = 0; k < 2; k++, n++) {
		s[n].block = 2; s[n].part1 = s[n].part2 = 0;
		s[n].day = lup_date_add(x, k);
	}
	/* Part 2: at least the configured weeks after part 1, after the other
	 * blocks, so the sessions stay in date order. */
	p2 = lup_date_add(p1, d->part2_gap);
	if (lup_date_cmp(p2, lup_date_add(x, 8)) < 0)
		p2 = lup_date_add(x, 8);
	p2 = next_course_days(p2, c->part2_days);
	for (int k = 0; k < c->part2_days; k++, n++) {
		s[n].block = 0; s[n].part1 = 0; s[n].part2 = 1;
		s[n].day = lup_date_add(p2, k);
	}
	x = next_course_days(lup_date_add(p2, 14), 1);
	s[n].block = -1; s[n].part1 = s[n].part2 = 0;
	s[n].day = x;
	n++;
	c->start = p1;
	c->end = x;
	return n;
}

/* How many roll-out cohorts of each status: from their number alone, so
 * that every day gives the same shape.  The pilots are done. */
static void status_counts(long rollout, long count[4])
{
	long rest;
	count[C_RUNNING] = rollout * 15 / 100;
	count[C_OPEN] = rollout * 12 / 100;
	count[C_PLANNED] = rollout * 10 / 100;
	for (int s = C_PLANNED; s <= C_RUNNING; s++) {
		long least = rollout >= 12 ? 2 : rollout >= 4 ? 1 : 0;
		if (count[s] < least)
			count[s] = least;
	}
	if (rollout < 4) {   /* the smallest demonstrations: one running, one open */
		count[C_PLANNED] = 0;
		count[C_RUNNING] = rollout > 0;
		count[C_OPEN] = rollout > 1;
	}
	rest = rollout - count[C_RUNNING] - count[C_OPEN] - count[C_PLANNED];
	count[C_DONE] = rest > 0 ? rest : 0;
}

/* Lay a cohort out around its anchor so that it has the status wanted on
 * today: the anchor moves a week at a time (course days skip holidays and
 * the summer and Christmas breaks, which can push a schedule weeks on). */
static void place(struct demo *d, struct dcohort *c, enum cstatus want, struct dsession *s)
{
	c->scheduled = want != C_PLANNED;
	for (int tries = 0; tries < 120; tries++) {
		int step = 0;
		plan_sessions(d, c, s);
		c->status = status_on(c, d->today);
		if (c->status == want)
			return;
		switch (want) {
		case C_DONE: step = -7; break;                      /* end before today */
		case C_RUNNING: step = lup_date_cmp(c->start, d->today) > 0 ? -7 : 7; break;
		default: step = 7; break;                           /* start after today */
		}
		c->nominal = lup_date_add(c->nominal, step);
	}
}

/* The Monday of today's week, and week w from it. */
static lup_date week_from(lup_date today, long w)
{
	lup_date monday = lup_date_add(today, 1 - lup_date_weekday(today));
	return lup_date_add(monday, 7 * w);
}

/* Decide every cohort, its dates, status and members.  The pilots came
 * first, about two and a half and two years ago; the roll-out's cohorts
 * that are done started in the two years before the running ones, which
 * started in the last eleven weeks; open ones start in three to fourteen
 * weeks, planned ones (no sessions yet) in twenty to forty. */
static int plan_cohorts(struct demo *d, long halland_first, long halland_n)
{
	struct dsession s[16];
	long *pool, npool = 0, next = 0, rollout, total, count[4];
	rng r;
	int open_seen = 0, planned_seen = 0;
	long step;

	rng_seed(&r, d->n, 2);
	/* Everyone who may take part: all but the kommundirektör, the
	 * facilitators and the Halland pilot, in a shuffled order. */
	if (!(pool = malloc((size_t)d->np * sizeof *pool)))
		return lup_err_oom(d->err);
	for (long i = 0; i < d->np; i++)
		if (d->p[i].kind != R_DIRECTOR && d->p[i].kind != R_FACILITATOR && d->p[i].kind != R_HALLAND)
			pool[npool++] = i;
	for (long i = npool - 1; i > 0; i--) {
		long j = below(&r, i + 1), t = pool[i];
		pool[i] = pool[j];
		pool[j] = t;
	}
	/* Two pilots, then roll-out cohorts whose seats reach the target. */
	total = d->n - 2 * SEATS;
	rollout = (total + SEATS - 1) / SEATS;
	if (rollout < 2)
		rollout = 2;
	status_counts(rollout, count);
	d->nc = 2 + rollout;
	step = (d->nc * SEATS + DETAIL_SEATS - 1) / DETAIL_SEATS;
	if (!(d->c = calloc((size_t)d->nc, sizeof *d->c))) {
		free(pool);
		return lup_err_oom(d->err);
	}
	for (long k = 0; k < d->nc; k++) {
		struct dcohort *c = &d->c[k];
		enum cstatus want = C_DONE;
		long want_people, wait = 0;

		c->withdrawn = -1;
		c->fac[0] = (int)(k % d->nfac);
		c->fac[1] = (int)((k + 1 + k / d->nfac) % d->nfac);
		if (c->fac[1] == c->fac[0])
			c->fac[1] = (c->fac[0] + 1) % d->nfac;
		c->part2_days = chance(&r, 70) ? 2 : 1;
		if (k == 0) {
			snprintf(c->name, sizeof c->name, "Pilot Halland");
			c->nominal = week_from(d->today, -130);
			c->nvisit = NVISIT;
			for (int v = 0; v < NVISIT; v++)
				c->visit[v] = v;
		} else {
			if (k == 1) {
				snprintf(c->name, sizeof c->name, "Pilot 2");
				c->nominal = week_from(d->today, -104);
			} else {
				/* In order: done, running, open, planned; spread
				 * over each group's weeks, up to three a week. */
				long idx = k - 2, i, n, lo, hi;
				if (idx < count[C_DONE]) {
					want = C_DONE;
					i = idx, n = count[C_DONE], lo = -96, hi = -22;
				} else if (idx < count[C_DONE] + count[C_RUNNING]) {
					want = C_RUNNING;
					i = idx - count[C_DONE], n = count[C_RUNNING], lo = -11, hi = -1;
				} else if (idx < count[C_DONE] + count[C_RUNNING] + count[C_OPEN]) {
					want = C_OPEN;
					i = idx - count[C_DONE] - count[C_RUNNING], n = count[C_OPEN], lo = 3, hi = 14;
				} else {
					want = C_PLANNED;
					i = idx - count[C_DONE] - count[C_RUNNING] - count[C_OPEN];
					n = count[C_PLANNED], lo = 20, hi = 40;
				}
				snprintf(c->name, sizeof c->name, "Omgång %ld", idx + 1);
				c->nominal = lup_date_add(week_from(d->today, n > 1 ? lo + i * (hi - lo) / (n - 1) : lo),
				                          idx % 3);
			}
			c->nvisit = 2;
			c->visit[0] = (int)(k % NVISIT);
			c->visit[1] = (int)((k + 1 + (k / NVISIT) % 3) % NVISIT);
		}
		place(d, c, want, s);
		if (lup_date_cmp(c->start, d->first_day) < 0 || !d->first_day.y)
			d->first_day = c->start;
		if (lup_date_cmp(c->end, d->last_day) > 0)
			d->last_day = c->end;

		/* Members: full groups in cohorts that are done, running or
		 * open; planned ones have only their first requests. */
		if (k == 0) {
			want_people = halland_n;
		} else if (c->status == C_PLANNED) {
			want_people = planned_seen++ == 0 ? SEATS / 2 : (planned_seen == 2 ? 3 : 0);
		} else {
			want_people = SEATS;
		}
		if (k != 0 && want_people > npool - next)
			want_people = npool - next;
		/* A waitlist only where the group is full: the first two open
		 * cohorts have more requests than seats. */
		if (k != 0 && c->status == C_OPEN && want_people == SEATS && open_seen < 2) {
			wait = open_seen++ == 0 ? 3 : 2;
			if (wait > npool - next - want_people)
				wait = npool - next - want_people;
		}
		if (!(c->members = malloc((size_t)(want_people + wait + 1) * sizeof *c->members)))
			goto oom;
		for (long m = 0; m < want_people + wait; m++) {
			long who = k == 0 ? halland_first + m : pool[next++];
			c->members[c->nmembers++] = who;
			d->p[who].cohort = k;
			d->p[who].estatus = (signed char)(m >= want_people ? E_WAITLISTED
				: c->status == C_DONE ? E_COMPLETED : E_ENROLLED);
		}
		c->nwait = (int)wait;
		c->detail = step <= 1 || k < 4 || k % step == 0 || wait > 0;
		/* One withdrawal, in the second roll-out cohort. */
		if (k == 3 && c->nmembers > 6 && c->status == C_DONE) {
			c->withdrawn = 5;
			d->p[c->members[5]].estatus = E_WITHDRAWN;
		}
	}
	free(pool);
	return 0;
oom:
	free(pool);
	return lup_err_oom(d->err);
}

/* The programme's dates: the years its cohorts span. */
static int programme_dates(struct demo *d)
{
	static const char sql[] = "UPDATE programme SET start_date = ?2, end_date = ?3 WHERE id = ?1";
	char a[11], b[11];
	sqlite3_stmt *st = prep(d, sql);
	if (!st)
		return -1;
	fmt_date(mkdate(d->first_day.y, 1, 1), a);
	fmt_date(mkdate(d->last_day.y, 12, 31), b);
	bt(st, 1, d->programme);
	bt(st, 2, a);
	bt(st, 3, b);
	return run(d, st);
}

/* ---- Cohorts: writing ---- */

static const char sql_session[] =
	"INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at, location, "
	"facilitators, host_id, notes, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)";
static const char sql_enrol[] =
	"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, "
	"waitlist_pos, enrolled_on, ended_on, note, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
static const char sql_attend[] =
	"INSERT INTO attendance (id, session_id, person_id, status, note, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char sql_log[] =
	"INSERT INTO log_entry (id, person_id, date, session_id, placement_id, text, created_at, "
	"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";

static int write_cohort_row(struct demo *d, struct dcohort *c, long k)
{
	static const char sql[] =
		"INSERT INTO cohort (id, programme_id, name, capacity, start_date, end_date, "
		"facilitators, notes, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?9, ?10, ?10)";
	char a[11], b[11], fac[200], f1[96], f2[96];
	sqlite3_stmt *st = prep(d, sql);

	if (!st)
		return -1;
	person_name(&d->p[d->fac_first + c->fac[0]], f1, sizeof f1);
	person_name(&d->p[d->fac_first + c->fac[1]], f2, sizeof f2);
	snprintf(fac, sizeof fac, "%s, %s", f1, f2);
	fmt_date(c->start, a);
	fmt_date(c->end, b);
	lup_uuid(c->id);
	bt(st, 1, c->id);
	bt(st, 2, d->programme);
	bt(st, 3, c->name);
	sqlite3_bind_int(st, 4, SEATS);
	bt(st, 5, a);
	bt(st, 6, b);
	bt(st, 8, fac);
	bt(st, 9, k == 0 ? "Pilotomgång med chefer från Region Halland och länets kommuner. "
	                   "Metoden utvärderades och rapporterades till SKL."
	        : k == 1 ? "Andra pilotomgången; därefter beslutades den breda utrullningen."
	        : c->nwait ? "Fullsatt; väntelista enligt anmälningsordning." : NULL);
	bt(st, 10, d->now);
	return run(d, st);
}

static int write_sessions(struct demo *d, struct dcohort *c, long k, struct dsession *s, int n)
{
	char fac[200], f1[96], f2[96], egov[96], t1[17], t2[17], title[96];
	int ul1 = 0, ul2 = 0, eg = 0, vi = 0;

	person_name(&d->p[d->fac_first + c->fac[0]], f1, sizeof f1);
	person_name(&d->p[d->fac_first + c->fac[1]], f2, sizeof f2);
	snprintf(fac, sizeof fac, "%s, %s", f1, f2);
	person_name(&d->p[d->it_head], egov, sizeof egov);
	for (int i = 0; i < n; i++) {
		const char *kind = "course_day", *loc = venues[k % NVENUE], *facs = fac;
		const char *host = NULL, *notes = NULL;
		int v_i;
		int h1 = 8, m1 = 30, h2 = 17, m2 = 0;
		sqlite3_stmt *st = prep(d, sql_session);

		if (!st)
			return -1;
		if (s[i].part1) {
			snprintf(title, sizeof title, "Utvecklande ledarskap del 1, dag %d", ++ul1);
			if (ul1 == 1)
				notes = "Välkomstbrev skickat fyra veckor före. ULL-återkoppling lämnas ut i enskilda samtal.";
		} else if (s[i].part2) {
			snprintf(title, sizeof title, "Utvecklande ledarskap del 2, dag %d", ++ul2);
		} else if (s[i].block == 1) {
			const struct visit *v = &visits[v_i = c->visit[vi++]];
			snprintf(title, sizeof title, "%s", v->title);
			kind = "study_visit";
			loc = v->location;
			host = d->vhost[v_i];
			facs = f1;
			h1 = 9; m1 = 0; h2 = 15; m2 = 30;
		} else if (s[i].block == 2) {
			snprintf(title, sizeof title, "%s",
			         ++eg == 1 ? "E-förvaltning: processkartläggning och tjänstedesign"
			                   : "E-förvaltning: e-tjänster och öppna data");
			facs = egov;
			h1 = 9; m1 = 0; h2 = 16; m2 = 0;
		} else {
			snprintf(title, sizeof title, "Uppföljning och avslutning");
			kind = "follow_up";
			h1 = 13; m1 = 0; h2 = 16; m2 = 0;
		}
		fmt_time(s[i].day, h1, m1, t1);
		fmt_time(s[i].day, h2, m2, t2);
		lup_uuid(s[i].id);
		bt(st, 1, s[i].id);
		bt(st, 2, c->id);
		bt(st, 3, s[i].block >= 0 ? d->block[s[i].block] : NULL);
		bt(st, 4, title);
		bt(st, 5, kind);
		bt(st, 6, t1);
		bt(st, 7, t2);
		bt(st, 8, loc);
		bt(st, 9, facs);
		bt(st, 10, host);
		bt(st, 11, notes);
		bt(st, 12, d->now);
		if (run(d, st) < 0)
			return -1;
	}
	return 0;
}

/* ---- Check-ins ---- */

static const char sql_checkin[] =
	"INSERT INTO checkin (id, person_id, framework_id, date, kind, assessor_id, assessor_name, "
	"note, status, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
static const char sql_rating[] =
	"INSERT INTO rating (id, checkin_id, competence_id, level, comment, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";

static int write_checkin(struct demo *d, long who, lup_date date, const char *kind,
                         long assessor, const char *note, int draft,
                         const signed char level[NCOMP], rng *r)
{
	char id[LUP_UUID_LEN + 1], rid[LUP_UUID_LEN + 1], day[11], aname[96];
	sqlite3_stmt *st = prep(d, sql_checkin);

	if (!st)
		return -1;
	fmt_date(date, day);
	lup_uuid(id);
	bt(st, 1, id);
	bt(st, 2, d->p[who].id);
	bt(st, 3, d->framework);
	bt(st, 4, day);
	bt(st, 5, kind);
	if (assessor >= 0) {
		person_name(&d->p[assessor], aname, sizeof aname);
		bt(st, 6, d->p[assessor].id);
		bt(st, 7, aname);
	}
	bt(st, 8, note);
	bt(st, 9, draft ? "draft" : "final");
	bt(st, 10, d->now);
	if (run(d, st) < 0)
		return -1;
	for (int i = 0; i < NCOMP; i++) {
		if (!d->have_comp[i])
			continue;
		if (!(st = prep(d, sql_rating)))
			return -1;
		lup_id_rating(rid, id, d->comp[i]);
		bt(st, 1, rid);
		bt(st, 2, id);
		bt(st, 3, d->comp[i]);
		if (level[i] > 0 && !(draft && chance(r, 40)))
			sqlite3_bind_int(st, 4, level[i]);
		if (level[i] > 0 && chance(r, 2))
			bt(st, 5, i == 12 ? "Vill gärna lära mig mer." : "Tydligt utvecklingsområde för mig.");
		bt(st, 6, d->now);
		if (run(d, st) < 0)
			return -1;
	}
	return 0;
}

static int clamp_level(int v)
{
	return v < 1 ? 1 : v > 8 ? 8 : v;
}

/* A participant's check-ins: a self-assessment before the programme, one
 * after it, sometimes a manager's review, then re-assessments about every
 * six months while they keep it up (those who stop fall overdue). */
static int person_checkins(struct demo *d, long who, const struct dcohort *c, rng *r)
{
	struct dperson *p = &d->p[who];
	signed char lv[NCOMP], mgr[NCOMP];
	lup_date pre, last;
	int base = p->base + (p->it ? 2 : 0);

	for (int i = 0; i < NCOMP; i++) {
		int off = (int)between(r, -1, 1) - (i == 12 ? 1 : 0);  /* programming lower */
		lv[i] = (signed char)clamp_level(base + off);
		if ((i == 12 && chance(r, 30)) || chance(r, 3))
			lv[i] = 0;  /* not assessed */
	}
	if (!chance(r, 88) || p->estatus == E_WITHDRAWN)
		return 0;   /* never assessed (who left is no longer asked) */
	pre = lup_date_add(c->start, -between(r, 3, 20));
	/* Those waiting for a later start assessed themselves on enrolling. */
	if (lup_date_cmp(pre, d->today) > 0 && (c->status == C_OPEN || c->status == C_PLANNED))
		pre = lup_date_add(d->today, -between(r, 1, 20));
	if (lup_date_cmp(pre, d->today) > 0)
		return 0;
	/* Not yet started: the self-assessment may still be a draft. */
	if (c->status == C_OPEN || c->status == C_PLANNED)
		return write_checkin(d, who, pre, "self", -1, "Inför programmet", chance(r, 40), lv, r);
	if (write_checkin(d, who, pre, "self", -1, "Inför programmet",
	                  c->status == C_RUNNING && chance(r, 8), lv, r) < 0)
		return -1;
	if (c->status != C_DONE)
		return 0;
	last = lup_date_add(c->end, between(r, 7, 30));
	if (lup_date_cmp(last, d->today) > 0)
		return 0;
	for (int i = 0; i < NCOMP; i++)
		if (lv[i] > 0 && chance(r, 45))
			lv[i] = (signed char)clamp_level(lv[i] + 1);
	if (write_checkin(d, who, last, "self", -1, "Efter programmet", 0, lv, r) < 0)
		return -1;
	if (p->manager >= 0 && chance(r, 30)) {
		lup_date md = lup_date_add(last, between(r, 5, 25));
		if (lup_date_cmp(md, d->today) <= 0) {
			for (int i = 0; i < NCOMP; i++)
				mgr[i] = lv[i] > 0 ? (signed char)clamp_level(lv[i] - (chance(r, 35) ? 1 : 0)) : 0;
			if (write_checkin(d, who, md, "manager", p->manager, "Utvecklingssamtal", 0, mgr, r) < 0)
				return -1;
		}
	}
	for (;;) {
		lup_date next = lup_date_add(last, between(r, 165, 215));
		if (lup_date_cmp(next, d->today) > 0)
			break;
		/* Now and then the latest re-assessment has not been done yet:
		 * overdue by days or weeks, never years. */
		if (lup_date_cmp(lup_date_add(next, 165), d->today) > 0 && chance(r, 30)) {
			long over = lup_date_diff(d->today, last) - d->interval;
			if (over >= 1 && over <= 70)
				break;
		}
		for (int i = 0; i < NCOMP; i++)
			if (lv[i] > 0 && chance(r, 20))
				lv[i] = (signed char)clamp_level(lv[i] + 1);
		if (write_checkin(d, who, next, "self", -1, "Halvårsavstämning", 0, lv, r) < 0)
			return -1;
		last = next;
	}
	return 0;
}

/* ---- Cohort contents ---- */

static int write_members(struct demo *d, struct dcohort *c, struct dsession *s, int ns, rng *r)
{
	static const char *const estatus[] = { "", "enrolled", "waitlisted", "withdrawn", "completed" };
	static const char *const astatus[] = { "present", "late", "excused", "absent" };
	lup_date opened = lup_date_add(c->start, -between(r, 80, 100));
	/* a cohort far ahead opened its list a month ago: nobody asks in the future */
	if (lup_date_cmp(opened, lup_date_add(d->today, -30)) > 0)
		opened = lup_date_add(d->today, -30);
	int waitpos = 0, past = 0;
	char day[11], end[11], req[24];
	unsigned char att[16];

	for (int i = 0; i < ns; i++)
		if (lup_date_cmp(s[i].day, d->today) < 0)
			past++;
	for (int m = 0; m < c->nmembers; m++) {
		long who = c->members[m];
		struct dperson *p = &d->p[who];
		char id[LUP_UUID_LEN + 1];
		lup_date asked = lup_date_add(opened, m * 2 / 3 + (p->estatus == E_WAITLISTED ? 10 : 0));
		int upto = past, attended[3], held[3], makes_it;
		sqlite3_stmt *st;
		const char *note = NULL;

		/* What they attended, decided first: completion depends on it.
		 * Most of those in a finished cohort made it (catching up on
		 * what they missed); a few still lack sessions. */
		if (p->estatus == E_WAITLISTED || !c->detail)
			upto = 0;
		if (m == c->withdrawn)
			upto = past < 2 ? past : 2;
		makes_it = p->estatus == E_COMPLETED && chance(r, 94);
		for (int tries = 0; tries < 20; tries++) {
			int ok = 1;
			memset(held, 0, sizeof held);
			memset(attended, 0, sizeof attended);
			for (int i = 0; i < upto; i++) {
				long x = below(r, 100);
				att[i] = (unsigned char)(tries == 19 ? 0 : x < 88 ? 0 : x < 93 ? 1 : x < 98 ? 2 : 3);
				if (s[i].block >= 0) {
					held[s[i].block]++;
					attended[s[i].block] += att[i] <= 1;
				}
			}
			for (int b = 0; b < 3; b++)
				if (held[b] && attended[b] < d->min_att * held[b] - 1e-9)
					ok = 0;
			if (ok || !makes_it)
				break;
		}
		if (p->estatus == E_COMPLETED && !makes_it) {
			int ok = 1;
			for (int b = 0; b < 3; b++)
				if (held[b] && attended[b] < d->min_att * held[b] - 1e-9)
					ok = 0;
			if (!ok) {
				p->estatus = E_ENROLLED;
				note = "Behöver ta igen missade tillfällen";
			}
		}
		if (m == c->withdrawn)
			note = "Ny tjänst i annan kommun";

		if (!(st = prep(d, sql_enrol)))
			return -1;
		lup_id_enrolment(id, c->id, p->id);
		snprintf(req, sizeof req, "%04d-%02d-%02dT%02ld:%02ld:00Z", asked.y, asked.m, asked.d,
		         between(r, 7, 15), below(r, 60));
		bt(st, 1, id);
		bt(st, 2, c->id);
		bt(st, 3, p->id);
		bt(st, 4, d->programme);
		bt(st, 5, estatus[p->estatus]);
		bt(st, 6, req);
		if (p->estatus == E_WAITLISTED) {
			sqlite3_bind_int(st, 7, ++waitpos);
		} else {
			fmt_date(lup_date_add(asked, between(r, 0, 5)), day);
			bt(st, 8, day);
		}
		if (p->estatus == E_COMPLETED) {
			fmt_date(c->end, end);
			bt(st, 9, end);
		} else if (p->estatus == E_WITHDRAWN) {
			fmt_date(lup_date_add(s[upto > 0 ? upto - 1 : 0].day, 3), end);
			bt(st, 9, end);
		}
		bt(st, 10, note);
		bt(st, 11, d->now);
		if (run(d, st) < 0)
			return -1;

		for (int i = 0; i < upto; i++) {
			char aid[LUP_UUID_LEN + 1];
			if (!(st = prep(d, sql_attend)))
				return -1;
			lup_id_attendance(aid, s[i].id, p->id);
			bt(st, 1, aid);
			bt(st, 2, s[i].id);
			bt(st, 3, p->id);
			bt(st, 4, astatus[att[i]]);
			if (att[i] == 2)
				bt(st, 5, excuse_notes[below(r, NEXCUSE)]);
			else if (att[i] == 1)
				bt(st, 5, "Kom en halvtimme sent");
			bt(st, 6, d->now);
			if (run(d, st) < 0)
				return -1;
		}
		/* Now and then a reflection in the learning log. */
		if (upto > 0 && p->estatus != E_WITHDRAWN && chance(r, 7)) {
			int i = (int)below(r, upto);
			char lid[LUP_UUID_LEN + 1];
			if (!(st = prep(d, sql_log)))
				return -1;
			lup_uuid(lid);
			fmt_date(lup_date_add(s[i].day, between(r, 0, 3)), day);
			bt(st, 1, lid);
			bt(st, 2, p->id);
			bt(st, 3, day);
			bt(st, 4, s[i].id);
			bt(st, 6, session_reflections[s[i].block == 1 ? 2 : below(r, NSREFL)]);
			bt(st, 7, d->now);
			if (run(d, st) < 0)
				return -1;
		}
		if (c->detail && p->estatus != E_WAITLISTED && person_checkins(d, who, c, r) < 0)
			return -1;
	}
	return 0;
}

static int fill_cohorts(struct demo *d)
{
	struct dsession s[16];
	rng r;

	rng_seed(&r, d->n, 3);
	for (long k = 0; k < d->nc; k++) {
		struct dcohort *c = &d->c[k];
		int n = plan_sessions(d, c, s);
		if (!c->scheduled)
			n = 0;   /* planned: dates, no sessions yet */
		/* a whole cohort at a time into the change log */
		if (write_cohort_row(d, c, k) < 0 || write_sessions(d, c, k, s, n) < 0 ||
		    write_members(d, c, s, n, &r) < 0 || lup_sync_capture_flush(d->db, d->err) < 0)
			return -1;
	}
	return 0;
}

/* ---- Placements ---- */

/* Draw from list without putting back (a partial shuffle), so nobody has
 * two placements until everyone has one. */
static long pick(long *list, long n, long *taken, rng *r)
{
	long k = *taken % n, j = k + below(r, n - k), t = list[j];
	list[j] = list[k];
	list[k] = t;
	(*taken)++;
	return t;
}

static int fill_placements(struct demo *d)
{
	static const char sql[] =
		"INSERT INTO placement (id, person_id, host_id, mentor, start_date, end_date, "
		"travel_days, green_travel, status, objectives, agreement_signed, travel_booked, "
		"insurance, report_received, reflection, cancel_reason, status_changed_at, "
		"created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		"?13, ?14, ?15, ?16, ?17, ?18, ?18)";
	static const char *const pattern[10] = {
		"completed", "confirmed", "agreed", "proposed", "completed",
		"cancelled", "completed", "agreed", "proposed", "completed",
	};
	long count = d->n / 10 < 10 ? 10 : d->n / 10, ndone = 0, nother = 0, nd = 0, no = 0;
	long *done, *other;
	rng r;
	int rc = -1;

	rng_seed(&r, d->n, 4);
	done = malloc((size_t)d->np * sizeof *done);
	other = malloc((size_t)d->np * sizeof *other);
	if (!done || !other) {
		lup_err_oom(d->err);
		goto out;
	}
	/* Managers who finished the programme go first; others may plan. */
	for (long i = 0; i < d->np; i++) {
		if (d->p[i].kind == R_HALLAND || d->p[i].kind == R_FACILITATOR)
			continue;
		if (d->p[i].estatus == E_COMPLETED)
			done[ndone++] = i;
		else if (d->p[i].estatus == E_ENROLLED)
			other[nother++] = i;
	}
	if (ndone + nother == 0) {
		rc = 0;
		goto out;
	}
	for (long k = 0; k < count; k++) {
		const char *status = pattern[k % 10];
		int past = strcmp(status, "completed") == 0 ||
		           (strcmp(status, "cancelled") == 0 && k % 20 == 5);
		int hi = (int)((k * 5 + below(&r, 3)) % NHOST);
		const struct host_def *h = &hosts[hi];
		long who, len, travel;
		lup_date start, end;
		char id[LUP_UUID_LEN + 1], a[11], b[11], obj[300], refl[300], changed[21];
		int green, agreed, confirmed;
		sqlite3_stmt *st;

		if ((past && ndone) || !nother)
			who = pick(done, ndone, &nd, &r);
		else
			who = pick(other, nother, &no, &r);
		/* Mostly a working week or two; the ICLD partnership longer. */
		len = chance(&r, 70) ? between(&r, 3, 10) : between(&r, 11, 30);
		if (strcmp(h->country, "ZA") == 0)
			len = between(&r, 14, 21);
		if (len < d->min_days)
			len = d->min_days;
		if (len > d->max_days)
			len = d->max_days;
		if (past) {
			/* Between the end of their own cohort and a few weeks ago. */
			const struct dcohort *c = &d->c[d->p[who].cohort];
			lup_date lo = lup_date_add(c->end, 21), last = lup_date_add(d->today, -len - 14);
			if (lup_date_cmp(last, lo) < 0)
				lo = lup_date_add(last, -60);
			start = lup_date_add(lo, below(&r, lup_date_diff(last, lo) + 1));
			/* Back to a Monday. */
			start = lup_date_add(start, 1 - lup_date_weekday(start));
		} else {
			if (strcmp(status, "confirmed") == 0)
				start = lup_date_add(d->today, between(&r, 14, 75));
			else if (strcmp(status, "agreed") == 0)
				start = lup_date_add(d->today, between(&r, 45, 150));
			else
				start = lup_date_add(d->today, between(&r, 60, 220));
			/* On to a Monday. */
			start = lup_date_add(start, (8 - lup_date_weekday(start)) % 7);
		}
		end = lup_date_add(start, len - 1);
		green = h->green && chance(&r, 60);
		travel = strcmp(h->country, "ZA") == 0 ? 2 : green ? between(&r, 1, 2) : between(&r, 0, 1);
		agreed = strcmp(status, "proposed") != 0 && strcmp(status, "cancelled") != 0;
		confirmed = strcmp(status, "confirmed") == 0 || strcmp(status, "completed") == 0;
		snprintf(obj, sizeof obj, "Följa en chefskollega i %s och lära av arbetet med %s; "
		         "ta hem minst två arbetssätt att pröva i den egna verksamheten.", h->city, h->theme);
		snprintf(refl, sizeof refl, "Lärorikt att se %s på nära håll. Vi prövar nu ett av "
		         "arbetssätten i min verksamhet och delar erfarenheterna i ledningsgruppen.", h->theme);
		fmt_date(start, a);
		fmt_date(end, b);
		{
			lup_date ch = past ? lup_date_add(end, between(&r, 5, 30))
			                   : lup_date_add(d->today, -between(&r, 1, 60));
			if (lup_date_cmp(ch, d->today) > 0)
				ch = d->today;
			snprintf(changed, sizeof changed, "%04d-%02d-%02dT10:00:00Z", ch.y, ch.m, ch.d);
		}
		if (!(st = prep(d, sql)))
			goto out;
		lup_uuid(id);
		bt(st, 1, id);
		bt(st, 2, d->p[who].id);
		bt(st, 3, d->host[hi]);
		bt(st, 4, mentors[(k + hi) % NMENTOR]);
		bt(st, 5, a);
		bt(st, 6, b);
		sqlite3_bind_int64(st, 7, travel);
		sqlite3_bind_int(st, 8, green);
		bt(st, 9, status);
		bt(st, 10, agreed || (strcmp(status, "cancelled") == 0 && chance(&r, 50)) ? obj : NULL);
		sqlite3_bind_int(st, 11, confirmed || (agreed && chance(&r, 40)));
		sqlite3_bind_int(st, 12, confirmed);
		sqlite3_bind_int(st, 13, confirmed);
		sqlite3_bind_int(st, 14, strcmp(status, "completed") == 0);
		bt(st, 15, strcmp(status, "completed") == 0 ? refl : NULL);
		bt(st, 16, strcmp(status, "cancelled") == 0 ? cancel_reasons[k / 10 % 4] : NULL);
		bt(st, 17, changed);
		bt(st, 18, d->now);
		if (run(d, st) < 0)
			goto out;
		/* A completed stay leaves a note in the learning log. */
		if (strcmp(status, "completed") == 0 && k % 3 == 0) {
			char lid[LUP_UUID_LEN + 1], day[11];
			if (!(st = prep(d, sql_log)))
				goto out;
			lup_uuid(lid);
			fmt_date(lup_date_add(end, 2), day);
			bt(st, 1, lid);
			bt(st, 2, d->p[who].id);
			bt(st, 3, day);
			bt(st, 5, id);
			bt(st, 6, refl);
			bt(st, 7, d->now);
			if (run(d, st) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	free(done);
	free(other);
	return rc;
}

/* ---- The whole ---- */

static int count_people(struct demo *d, long *n)
{
	static const char sql[] = "SELECT count(*) FROM person";
	sqlite3_stmt *st = lup_stmt(d->db, sql, d->err);
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_sqlerr(d->db, d->err, WHAT);
		lup_done(st);
		return -1;
	}
	*n = sqlite3_column_int64(st, 0);
	lup_done(st);
	return 0;
}

static long pragma_long(lup_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int lup_demo_fill(lup_db *db, const lup_config *cfg, long people, const char *today,
                  lup_err *err)
{
	struct demo d;
	long have, hal_first = 0, hal_n = 0;
	int rc = -1, weeks;
	long cache, temp;

	memset(&d, 0, sizeof d);
	d.db = db;
	d.err = err;
	d.n = people ? people : DEMO_DEFAULT_PEOPLE;
	if (d.n < DEMO_MIN_PEOPLE || d.n > DEMO_MAX_PEOPLE)
		return lup_err_set(err, LUP_EINVAL, _("the demonstration takes %d to %d people, not %ld"),
		                   DEMO_MIN_PEOPLE, DEMO_MAX_PEOPLE, d.n);
	if (today && *today) {
		if (lup_date_parse(today, lup_date_today(), &d.today) < 0 || strlen(today) != 10 ||
		    d.today.y < 1900 || d.today.y > 9000)
			return lup_err_field(err, "today", _("'%s' is not a date (YYYY-MM-DD)"), today);
	} else {
		d.today = lup_date_today();
	}
	d.interval = lup_competence_interval(cfg, NULL);
	d.min_att = cfg ? lup_config_real(cfg, "programme:min_attendance") : 0.8;
	d.part1_days = cfg ? (int)lup_config_int(cfg, "programme:ul_part1_days") : 3;
	weeks = cfg ? (int)lup_config_int(cfg, "programme:ul_part2_min_weeks") : 8;
	d.min_days = cfg ? (int)lup_config_int(cfg, "shadowing:min_days") : 2;
	d.max_days = cfg ? (int)lup_config_int(cfg, "shadowing:max_days") : 60;
	if (d.part1_days < 1 || d.part1_days > 5)
		d.part1_days = 3;
	if (d.max_days < d.min_days)
		d.max_days = d.min_days;
	/* A week more than the least, so part 2 never lands on the limit. */
	d.part2_gap = (weeks < 8 ? 8 : weeks) * 7 + 7;
	lup_now_utc(d.now);

	/* The fill keeps to a small page cache (2 MiB: SQLite spills what
	 * grows to the log, which at 50,000 people costs a tenth more time
	 * than 64 MiB and keeps the process under 32 MB), and statement
	 * journals go to temporary files.  The connection's own settings
	 * come back after. */
	cache = pragma_long(db, "PRAGMA cache_size");
	temp = pragma_long(db, "PRAGMA temp_store");
	sqlite3_exec(db->h, "PRAGMA cache_size = -2048; PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	if (lup_db_begin(db, err) < 0)
		goto restore;
	if (count_people(&d, &have) < 0)
		goto out;
	if (have > 0) {
		lup_err_set(err, LUP_ECONFLICT,
		            ngettext("%s already holds %ld person; the demonstration fills only an empty "
		                     "database (use a new file: lup --db FILE demo)",
		                     "%s already holds %ld people; the demonstration fills only an empty "
		                     "database (use a new file: lup --db FILE demo)", (unsigned long)have),
		            lup_db_path(db), have);
		goto out;
	}
	if (fill_programme(&d) < 0 || fill_people(&d, &hal_first, &hal_n) < 0 ||
	    fill_hosts(&d) < 0 || fill_visit_hosts(&d) < 0 || lup_host_reindex(db, err) < 0 ||
	    fill_framework_digcomp(&d) < 0 || fill_targets(&d) < 0 ||
	    plan_cohorts(&d, hal_first, hal_n) < 0 || programme_dates(&d) < 0 || fill_cohorts(&d) < 0 ||
	    fill_placements(&d) < 0)
		goto out;
	rc = lup_db_commit(db, err);
out:
	if (rc < 0)
		lup_db_rollback(db);
	for (long k = 0; d.c && k < d.nc; k++)
		free(d.c[k].members);
	free(d.c);
	free(d.p);
	free(d.u);
restore:
	{
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %ld; PRAGMA temp_store = %ld", cache, temp);
		sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	}
	return rc;
}
