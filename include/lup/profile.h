/* profile.h — a person's competence profile, for their development talk:
 * for each framework they are or were assessed on, their levels now with
 * what each level means, against the targets that apply now, with their
 * comments; and every final check-in with the targets in force at its
 * time and the revision it was made with.
 *
 * lup_profile_build fills a struct that any writer can use (HTML here, a
 * PDF document later); lup_profile_write_html writes one self-contained
 * page that prints well. */
#ifndef LUP_PROFILE_H
#define LUP_PROFILE_H

#include <stdio.h>
#include "lup/competence.h"

/* One competence of the framework's latest revision, now. */
struct lup_profile_item {
	char code[LUP_FW_CODE_MAX + 1], area[LUP_FW_CODE_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1], area_name[LUP_FW_NAME_MAX + 1];
	int level_min, level_max;
	int target, target_personal;        /* in force now; LUP_LEVEL_NONE */
	int self, assessed;                 /* the latest levels; LUP_LEVEL_NONE */
	int self_rev, assessed_rev;         /* the revisions they were given in */
	char self_date[11], assessed_date[11], assessed_kind[12];
	/* what the levels mean (the level's name; "" without one) */
	char self_meaning[LUP_FW_NAME_MAX + 1], assessed_meaning[LUP_FW_NAME_MAX + 1];
	char target_meaning[LUP_FW_NAME_MAX + 1];
	char *comment;                      /* the latest comment on it, or NULL */
	char comment_date[11];
};

/* One rating of a check-in. */
struct lup_profile_rating {
	char code[LUP_FW_CODE_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1];
	int level;                          /* a level or LUP_LEVEL_NA */
	char meaning[LUP_FW_NAME_MAX + 1];
	int target;                         /* in force at the check-in's time */
	char *comment;
};

struct lup_profile_checkin {
	char id[LUP_UUID_LEN + 1];
	char date[11], kind[12], assessor[201];
	int revision;
	char *note;
	struct lup_profile_rating *ratings;
	size_t nratings;
};

struct lup_profile_fw {
	char ident[LUP_FW_IDENT_MAX + 1], name[LUP_FW_NAME_MAX + 1];
	int revision;                       /* its latest */
	int theirs;                         /* the one their role is assessed on now */
	long below, with_target;            /* now: below target, of those with one */
	struct lup_profile_item *items;
	size_t nitems;
	struct lup_profile_checkin *checkins;   /* final, corrections in place; oldest first */
	size_t ncheckins;
};

struct lup_profile {
	char person_id[LUP_UUID_LEN + 1];
	char name[201], unit[201], role[201], manager[201];
	char as_of[11];
	struct lup_due_info due;
	struct lup_profile_fw *fws;
	size_t nfws;
};

int lup_profile_build(lup_db *db, const lup_config *cfg, const char *person_id, struct lup_profile *out,
                      lup_err *err);
void lup_profile_clear(struct lup_profile *p);
int lup_profile_write_html(const struct lup_profile *p, FILE *out, lup_err *err);
/* Written safely (temporary file, fsync, rename); "-" is standard output. */
int lup_profile_file(const struct lup_profile *p, const char *path, lup_err *err);

#endif
