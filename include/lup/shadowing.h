/* shadowing.h — job shadowing in the transnational network: host
 * organisations, Erasmus+ distance bands, placements and their lifecycle,
 * warnings, and the data behind the Shadowing screens.
 *
 * Screens hold no SQL: every list here pages by key (like lup_person_page),
 * so a screen asks for the rows that fit its window. */
#ifndef LUP_SHADOWING_H
#define LUP_SHADOWING_H

#include "lup/cal.h"
#include "lup/config.h"
#include "lup/db.h"
#include "lup/merge.h"
#include "lup/util.h"

/* ======================================================================
 * Host organisations
 * ====================================================================== */

/* Host types, stored as English keywords. */
enum lup_host_type {
	LUP_HT_MUNICIPALITY, LUP_HT_REGION, LUP_HT_AGENCY, LUP_HT_COMPANY,
	LUP_HT_NGO, LUP_HT_OTHER, LUP_HT_COUNT
};
const char *lup_host_type_key(enum lup_host_type t);    /* "municipality" */
const char *lup_host_type_label(enum lup_host_type t);  /* translated: "kommun" */
/* A keyword (any case), or -1. */
int lup_host_type_parse(const char *key);

struct lup_host {
	char id[LUP_UUID_LEN + 1];      /* "" for a new host */
	char *name;
	char type[16];                  /* a keyword; "" means other */
	/* A code or a name in English or Swedish ("PL", "Poland", "Polen");
	 * lup_host_save makes it the code. */
	char *country;
	char *city;
	char *networks;                 /* JSON [{"network":…,"role":…}]; NULL means [] */
	char *forum;                    /* forum or working group */
	char *contact_name, *contact_email, *contact_phone;
	char *languages, *themes;
	int capacity;                   /* placements a year; -1 not set */
	char *agreement_type;
	char *agreement_start, *agreement_end;   /* dates (YYYY-MM-DD, today, +N) or NULL */
	int has_coords;
	double lat, lon;
	char *notes;
	char created_at[21], updated_at[21];
};

/* A new host with nothing set (capacity -1); free with lup_host_clear. */
void lup_host_init(struct lup_host *h);
/* Free the strings of h (not h itself) and zero it. */
void lup_host_clear(struct lup_host *h);
int lup_host_get(lup_db *db, const char *id, struct lup_host *out, lup_err *err);
/* A REF: a unique id prefix (6+ characters) or the exact name (any case). */
int lup_host_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err);
/* Validate and insert (id "") or update.  The name is required; the
 * country must be known (typed by code or name; stored as the code); the
 * networks must be valid; e-mail syntax; capacity 0–10000 or -1;
 * agreement dates valid and in order; coordinates in range.  A failing
 * field is named in err->field (name, type, country, city, networks,
 * forum, contact_name, contact_email, contact_phone, languages, themes,
 * capacity, agreement_type, agreement_start, agreement_end, coords). */
int lup_host_save(lup_db *db, struct lup_host *h, lup_err *err);
/* Save an edit of a stored host over what is stored now: seen is the host
 * as the screen loaded it.  Merged column by column as lup_person_update
 * does (lup/merge.h); LUP_EGONE, LUP_ECHANGED. */
int lup_host_update(lup_db *db, const struct lup_host *seen, struct lup_host *h,
                    struct lup_merge_report *mr, lup_err *err);
/* A host with placements cannot be deleted (LUP_ECONFLICT, saying how
 * many); its study visits keep its name as text (host_name). */
int lup_host_delete(lup_db *db, const char *id, lup_err *err);

/* Recompute every host's search text and sort key (after rows were
 * written without lup_host_save: the demonstration, an import, a merge).
 * Returns the number of hosts, or -1. */
int lup_host_reindex(lup_db *db, lup_err *err);

/* "57.4872, 12.0761", "57.4872 12.0761" or "57.4872N 12.0761E" (S and W
 * negative); an empty text clears them (*has = 0). */
int lup_coords_parse(const char *text, int *has, double *lat, double *lon, lup_err *err);
/* "57.4872, 12.0761": up to six decimals, a point whatever the locale. */
void lup_coords_format(double lat, double lon, char *buf, size_t n);

/* ---- Networks: a JSON array of {"network": …, "role": …} ---- */

#define LUP_NETWORKS_MAX 64
struct lup_network {
	char network[128];
	char role[128];
};

/* Parse networks JSON (NULL or "" is the empty list) into up to max
 * entries.  Returns the count, or -1 with a message for text that is not
 * such an array (err->field "networks"). */
int lup_networks_parse(const char *json, struct lup_network *out, int max, lup_err *err);
/* 0 if json is a valid networks list. */
int lup_networks_validate(const char *json, lup_err *err);
/* The canonical JSON of a list (malloc'd; NULL on ENOMEM). */
char *lup_networks_json(const struct lup_network *nets, int n);
/* Add a network with its role, or change the role of one already in the
 * list (names compared ignoring case).  *json is replaced (malloc'd). */
int lup_networks_add(char **json, const char *network, const char *role, lup_err *err);
/* Remove a network (ignoring case); LUP_ENOTFOUND if it is not there. */
int lup_networks_remove(char **json, const char *network, lup_err *err);
/* "Eurocities (associate partner), UBC (commission)" into buf. */
void lup_networks_text(const char *json, int with_roles, char *buf, size_t n);

/* Networks and roles to offer in a picker: well-known ones, then those the
 * database already uses.  cb gets each name once with a '|'-separated list
 * of suggested roles (may be ""). */
typedef void (*lup_network_cb)(void *ud, const char *network, const char *roles);
int lup_network_names(lup_db *db, lup_network_cb cb, void *ud, lup_err *err);

/* ======================================================================
 * Distance and Erasmus+ distance bands
 * ====================================================================== */

#define LUP_EARTH_RADIUS_KM 6371.0

/* Great-circle distance by the haversine formula, in km. */
double lup_distance_km(double lat1, double lon1, double lat2, double lon2);
/* From the home coordinates in config (shadowing:home_lat, home_lon). */
double lup_home_distance_km(const lup_config *cfg, double lat, double lon);

enum lup_band {
	LUP_BAND_NONE,        /* under 10 km: no travel grant */
	LUP_BAND_10, LUP_BAND_100, LUP_BAND_500, LUP_BAND_2000,
	LUP_BAND_3000, LUP_BAND_4000, LUP_BAND_8000,
	LUP_BAND_COUNT
};
struct lup_band_info {
	int min_km, max_km;   /* max_km -1: no upper bound; the band holds
	                         min_km <= d < max_km + 1 */
	int standard_eur;     /* travel grant, standard travel */
	int green_eur;        /* with green travel; 0: no green rate */
};
/* The band of a one-way straight-line distance: 99.9 km is in 10–99,
 * 100 km in 100–499.  Negative or NaN distances give LUP_BAND_NONE. */
enum lup_band lup_distance_band(double km);
const struct lup_band_info *lup_band_info(enum lup_band b);
/* "500–1999 km" (or "under 10 km"). */
void lup_band_label(enum lup_band b, char *buf, size_t n);
/* The grant for the band: green_eur when green travel has its own rate,
 * else standard_eur; 0 under 10 km. */
int lup_band_grant(enum lup_band b, int green);

/* ======================================================================
 * Placements
 * ====================================================================== */

enum lup_pstatus {
	LUP_PS_PROPOSED, LUP_PS_AGREED, LUP_PS_CONFIRMED, LUP_PS_COMPLETED,
	LUP_PS_CANCELLED, LUP_PS_COUNT
};
#define LUP_PS_ANY (-1)
const char *lup_pstatus_key(enum lup_pstatus s);     /* "proposed" */
const char *lup_pstatus_label(enum lup_pstatus s);   /* translated: "föreslagen" */
int lup_pstatus_parse(const char *key);              /* or -1 */
/* The next status forward (proposed → agreed → confirmed → completed),
 * or -1 after completed and cancelled. */
int lup_pstatus_next(enum lup_pstatus s);

struct lup_placement {
	char id[LUP_UUID_LEN + 1];          /* "" for a new placement */
	char person_id[LUP_UUID_LEN + 1];
	char host_id[LUP_UUID_LEN + 1];
	char *mentor;                       /* the host mentor */
	char *start_date, *end_date;        /* YYYY-MM-DD (or today, +N: saved as dates) */
	int travel_days;                    /* 0–14 */
	int green_travel;
	enum lup_pstatus status;            /* read only: see lup_placement_move */
	char *objectives;                   /* the learning agreement */
	int agreement_signed, travel_booked, insurance, report_received;
	char *reflection;
	char *cancel_reason;                /* read only: set by cancelling */
	char status_changed_at[21];
	char created_at[21], updated_at[21];
};

void lup_placement_clear(struct lup_placement *p);
int lup_placement_get(lup_db *db, const char *id, struct lup_placement *out, lup_err *err);
/* Validate and insert (id "", as proposed) or update.  The status, the
 * cancel reason and status_changed_at are not changed here.  Fields:
 * person, host, mentor, start_date, end_date, travel_days, objectives,
 * agreement_signed, travel_booked, report_received, reflection.  What a
 * status needed stays true: an agreed (or later) placement keeps its
 * objectives, a confirmed or completed one its signed agreement and
 * booked travel, a completed one its report. */
int lup_placement_save(lup_db *db, struct lup_placement *p, lup_err *err);
/* An edit of a stored placement, merged over what is stored now (as
 * lup_host_update): the status moved elsewhere in the meantime counts
 * for what must stay true. */
int lup_placement_update(lup_db *db, const struct lup_placement *seen, struct lup_placement *p,
                         struct lup_merge_report *mr, lup_err *err);
int lup_placement_delete(lup_db *db, const char *id, lup_err *err);

/* Is the step from → to in the lifecycle at all?  0, or -1 with the
 * reason (LUP_ECONFLICT): going back, skipping a step, anything after
 * completed or cancelled, staying where it is. */
int lup_pstatus_step(enum lup_pstatus from, enum lup_pstatus to, lup_err *err);
/* Could p move to `to` now?  The step must be allowed, and its
 * preconditions hold: agreed needs objectives; confirmed needs the
 * agreement signed and the travel booked; completed needs the end date
 * passed (before today) and the report received; cancelled needs a
 * non-empty reason.  The message names everything missing; err->field the
 * first missing field. */
int lup_placement_can_move(const struct lup_placement *p, enum lup_pstatus to,
                           lup_date today, const char *reason, lup_err *err);
/* Move a placement to `to` (reason: for cancelled, else ignored), setting
 * status_changed_at. */
int lup_placement_move(lup_db *db, const char *id, enum lup_pstatus to,
                       lup_date today, const char *reason, lup_err *err);
/* One step forward; the new status goes to *now (may be NULL). */
int lup_placement_advance(lup_db *db, const char *id, lup_date today,
                          enum lup_pstatus *now, lup_err *err);
int lup_placement_cancel(lup_db *db, const char *id, const char *reason, lup_err *err);
/* A status step from a screen: from `seen` (the status it showed) to
 * `to`, the status merged with the stored one (lup/merge.h).  Moved
 * elsewhere to the same status: nothing to do, 0 (mr says so); moved
 * elsewhere to another: LUP_ECHANGED until decided in mr; deleted:
 * LUP_EGONE.  `reason` as for lup_placement_move. */
int lup_placement_step(lup_db *db, const char *id, enum lup_pstatus seen, enum lup_pstatus to,
                       lup_date today, const char *reason, struct lup_merge_report *mr,
                       lup_err *err);

/* ---- Warnings: things worth knowing that do not stop a save ---- */

#define LUP_WARN_MAX 8
struct lup_pwarnings {  /* a placement's warnings */
	int n;
	char msg[LUP_WARN_MAX][256];
};
/* Warnings about p as it stands (saved or not; p->id excludes itself):
 * a stay outside shadowing:min_days–max_days (start to end inclusive,
 * travel excluded), the host over its yearly capacity (placements not
 * cancelled, by start year), overlap with the participant's programme
 * sessions (cohorts where their enrolment is not withdrawn) or with their
 * other placements (not cancelled).  A cancelled placement has none.
 * Returns the number of warnings, or -1. */
int lup_placement_warnings(lup_db *db, const lup_config *cfg, const struct lup_placement *p,
                           struct lup_pwarnings *w, lup_err *err);
/* Days of the stay, start to end inclusive; -1 if a date is invalid. */
long lup_placement_days(const char *start, const char *end);

/* ---- The learning log of a placement (log_entry rows) ---- */

struct lup_log_row {
	char id[LUP_UUID_LEN + 1];
	char date[11];
	char text[512];      /* cut at a character boundary if longer */
	int cut;             /* 1 when text was cut: lup_placement_log_get has it all */
};
/* Add an entry for the placement's participant; date NULL or "" is today.
 * The new id goes to id_out (may be NULL). */
int lup_placement_log_add(lup_db *db, const char *placement_id, const char *date,
                          const char *text, char id_out[LUP_UUID_LEN + 1], lup_err *err);
/* An entry of a participant about a session (a study visit, a course
 * day): the person must be (or have been) in its cohort.  date as for
 * lup_placement_log_add. */
int lup_session_log_add(lup_db *db, const char *session_id, const char *person_id,
                        const char *date, const char *text, char id_out[LUP_UUID_LEN + 1],
                        lup_err *err);
int lup_placement_log_update(lup_db *db, const char *id, const char *date,
                             const char *text, lup_err *err);
/* An edit of a stored entry: seen_date and seen_text as the screen loaded
 * them, merged with what is stored now (lup/merge.h). */
int lup_placement_log_edit(lup_db *db, const char *id, const char *seen_date,
                           const char *seen_text, const char *date, const char *text,
                           struct lup_merge_report *mr, lup_err *err);
int lup_placement_log_delete(lup_db *db, const char *id, lup_err *err);
/* The whole text (malloc'd) and date of one entry. */
int lup_placement_log_get(lup_db *db, const char *id, char date[11], char **text, lup_err *err);
/* Entries by date, then id; paging as lup_person_page. */
int lup_placement_log_page(lup_db *db, const char *placement_id,
                           const struct lup_log_row *from, int dir, int limit,
                           struct lup_log_row *rows, lup_err *err);

/* ======================================================================
 * The screens' data
 * ====================================================================== */

/* ---- The network: hosts with their placements ---- */

enum lup_host_sort { LUP_HSORT_NAME, LUP_HSORT_COUNTRY, LUP_HSORT_COUNT };

struct lup_host_query {
	const char *filter;     /* name, city, country names, networks, themes */
	const char *country;    /* a code, or NULL/"" for all */
	const char *network;    /* a network name (any case), or NULL/"" */
	int year;               /* for capacity left; 0: this year */
	enum lup_host_sort sort;
};

struct lup_host_row {
	char id[LUP_UUID_LEN + 1];
	char name[128], city[64];
	char type[16];                   /* keyword */
	char country[3];                 /* code: lup_country_name() shows it */
	char networks[128];              /* "Eurocities, UBC" */
	int capacity;                    /* -1 not set */
	int by_status[LUP_PS_COUNT];     /* all placements at this host */
	int year_count;                  /* not cancelled, starting in the year */
	int left;                        /* capacity - year_count; 0 if no capacity */
	int has_coords;
	double lat, lon;
	char key1[128], key2[128];       /* sort key, for paging on */
};

/* Pages as lup_person_page does; with a text filter, "by name" puts the
 * best matches of the name first (lup_match_rank), each rank by name. */
int lup_host_page(lup_db *db, const struct lup_host_query *q,
                  const struct lup_host_row *from, int dir, int limit,
                  struct lup_host_row *rows, lup_err *err);
int lup_host_count(lup_db *db, const struct lup_host_query *q,
                   long *total, long *matching, lup_err *err);
long lup_host_position(lup_db *db, const struct lup_host_query *q,
                       const struct lup_host_row *row, lup_err *err);
const char *lup_host_sort_name(enum lup_host_sort s);
/* One host's row as lup_host_page fills it for q (its sort keys and the
 * counts of q's year), by id, whether or not it matches q's filters: to
 * focus a host just saved.  LUP_ENOTFOUND if there is no such host. */
int lup_host_row(lup_db *db, const struct lup_host_query *q, const char *id,
                 struct lup_host_row *out, lup_err *err);

/* A host's placements per status and its capacity this year. */
struct lup_host_stats {
	int by_status[LUP_PS_COUNT];
	int year, year_count, capacity, left;
	long sessions;                   /* study visits that name it */
};
int lup_host_stats(lup_db *db, const char *id, int year, struct lup_host_stats *out, lup_err *err);

/* ---- A host's study visits ----
 * The register holds every organisation lup deals with: the network's
 * hosts of job shadowing and the organisations the programme visits
 * (Swedbank, Nacka kommun; no network needed).  A study visit is a session
 * whose host is one of them. */

struct lup_host_visit {
	char session_id[LUP_UUID_LEN + 1], cohort_id[LUP_UUID_LEN + 1];
	char cohort[128], title[128];
	char day[11];
	int held;                        /* its day has come */
	long present;                    /* marked present or late */
	long marked;                     /* marked at all */
	long entries;                    /* learning-log entries about it */
};
/* A host's study visits by cohort (start date, name), then date; up to
 * max.  Returns how many. */
int lup_host_visits(lup_db *db, const char *host_id, struct lup_host_visit *out, int max,
                    lup_err *err);

/* What the visits gave: learning-log entries about a host's study visits,
 * newest first; up to max. */
struct lup_visit_note {
	char date[11];
	char person[128], cohort[128];
	char text[512];
	int cut;                         /* the text was longer */
};
int lup_host_visit_notes(lup_db *db, const char *host_id, struct lup_visit_note *out, int max,
                         lup_err *err);

/* ---- Placements: the pipeline, a host's, a person's ---- */

enum lup_placement_sort {
	LUP_PLSORT_STATUS,   /* by status (lifecycle order), then start date */
	LUP_PLSORT_START,    /* by start date */
	LUP_PLSORT_COUNT
};

struct lup_placement_query {
	const char *filter;     /* person or host (name, city, country, …) */
	int status;             /* LUP_PS_ANY or one status */
	const char *person_id;  /* NULL/"" for all */
	const char *host_id;
	const char *country;    /* the host's country code */
	int year;               /* start year; 0 for all */
	enum lup_placement_sort sort;
};

struct lup_placement_row {
	char id[LUP_UUID_LEN + 1];
	enum lup_pstatus status;
	char person_id[LUP_UUID_LEN + 1], host_id[LUP_UUID_LEN + 1];
	char person[128], host[128], city[64];
	char country[3];
	char start[11], end[11];
	int days, travel_days, green_travel;
	int has_objectives, agreement_signed, travel_booked, insurance, report_received;
	char cancel_reason[128];
	int key_rank;                     /* sort key, for paging on */
	char key_date[11];
};

int lup_placement_page(lup_db *db, const struct lup_placement_query *q,
                       const struct lup_placement_row *from, int dir, int limit,
                       struct lup_placement_row *rows, lup_err *err);
/* Matching placements per status (for the pipeline's group headings);
 * q->status is left aside: every status gets its count. */
int lup_placement_counts(lup_db *db, const struct lup_placement_query *q,
                         long by_status[LUP_PS_COUNT], lup_err *err);
long lup_placement_position(lup_db *db, const struct lup_placement_query *q,
                            const struct lup_placement_row *row, lup_err *err);
const char *lup_placement_sort_name(enum lup_placement_sort s);
/* One placement's list row by id, as lup_placement_page fills it (its
 * sort keys too), whatever the query: to focus it again after a save.
 * -1 with LUP_ENOTFOUND when it is gone. */
int lup_placement_row(lup_db *db, const char *id, struct lup_placement_row *out, lup_err *err);

/* ---- Summary by country and year ---- */

struct lup_shadow_summary_row {
	char country[3];
	int year;
	int by_status[LUP_PS_COUNT];
	int total;
};
/* Rows by country code, then year; from NULL starts at the beginning.
 * year 0 for all years. */
int lup_shadow_summary_page(lup_db *db, int year,
                            const struct lup_shadow_summary_row *from, int dir, int limit,
                            struct lup_shadow_summary_row *rows, lup_err *err);

#endif
