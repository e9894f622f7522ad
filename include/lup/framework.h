/* framework.h — competence frameworks: the INI file format of
 * lup-framework(5), parsed into a struct, resolved against the framework
 * it extends, and imported into the database as a versioned snapshot.
 *
 * The parser works on a memory buffer and needs no database, so it can be
 * fuzzed on its own.  Its input is outside input: every size is capped, and
 * a malformed file fails with a message naming the file, the line, the
 * section and the key, and why. */
#ifndef LUP_FRAMEWORK_H
#define LUP_FRAMEWORK_H

#include <stddef.h>
#include <stdio.h>
#include "lup/db.h"
#include "lup/util.h"

/* Limits on one file, so hostile input cannot exhaust memory or time. */
#define LUP_FW_MAX_BYTES       (1024 * 1024)  /* file size */
#define LUP_FW_MAX_LINE        8192           /* bytes in one line */
#define LUP_FW_MAX_AREAS       1000
#define LUP_FW_MAX_COMPETENCES 10000
#define LUP_FW_MAX_TARGETS     100000         /* role = level pairs */
#define LUP_FW_MAX_ROLES       1000           /* [targets ROLE] sections */
#define LUP_FW_LEVEL_LIMIT     100            /* levels lie in 0..100 */
#define LUP_FW_MAX_DEPTH       8              /* extends chain */
#define LUP_FW_IDENT_MAX       64
#define LUP_FW_CODE_MAX        32             /* area and competence codes */
#define LUP_FW_NAME_MAX        200
#define LUP_FW_TEXT_MAX        4000           /* descriptions */

struct lup_fw_level {
	int value;
	char *name, *name_sv, *band, *band_sv;   /* name never NULL once resolved */
	int line;                                /* 0 when not from this file */
	unsigned given, bad;                     /* the keys the file set; refused */
	int key_line[8];                         /* and their lines, for messages */
};

struct lup_fw_area {
	char id[LUP_UUID_LEN + 1];   /* in the database; "" when read from a file */
	char *code, *name, *name_sv;
	long order;                  /* resolved: the position, 1, 2, … */
	int line;
	unsigned given, bad;
	int key_line[8];
};

struct lup_fw_competence {
	char id[LUP_UUID_LEN + 1];   /* in the database; "" when read from a file */
	/* The same in every revision of the framework for as long as the
	 * competence means the same: ratings are compared by it.  From the
	 * database, or given by lup_framework_plan; "" until then. */
	char identity[LUP_UUID_LEN + 1];
	char *code, *area, *name, *name_sv, *description, *description_sv;
	/* The code of an earlier revision's competence that this one is
	 * (renamed_from: ratings carry over) or takes the place of
	 * (replaces: they do not); NULL when the file says neither. */
	char *renamed_from, *replaces;
	int level_min, level_max;
	int retired;
	long order;                  /* resolved: the position in the framework */
	int line;
	unsigned given;              /* the keys the file set */
	unsigned bad;                /* … with a value that was refused */
	int key_line[12];
};

struct lup_fw_target {
	const char *role;            /* one of the framework's roles[] */
	char *code;
	int level;
	int line;
	int user;                    /* loaded: set in lup, not from the file */
};

struct lup_framework {
	char id[LUP_UUID_LEN + 1];   /* in the database; "" when read from a file */
	char *ident, *name, *name_sv, *version, *description, *extends;
	char *file;                  /* where it was read from, for messages */
	int revision;                /* in the database; 0 when read from a file */
	char imported_at[21];
	char hash[65];               /* SHA-256 of the resolved content */
	int level_min, level_max;
	int line;                    /* of [framework] */
	unsigned given, bad;
	int key_line[8];
	int resolved;

	struct lup_fw_level *levels;          /* level_min … level_max once resolved */
	size_t nlevels;
	struct lup_fw_area *areas;            /* in display order once resolved */
	size_t nareas;
	struct lup_fw_competence *comps;      /* in display order: by area, then order */
	size_t ncomps;
	struct lup_fw_target *targets;        /* by role, then competence order */
	size_t ntargets;
	char **roles;                         /* of [targets ROLE], as written */
	size_t nroles;

	struct lup_fw_index *index;           /* private: code look-ups */
};

/* Every problem found in a file, in the order found: the parser and the
 * resolver go on past a problem, so one run lists them all. */
#define LUP_FW_MAX_PROBLEMS 200   /* kept; the rest are only counted */
struct lup_fw_problems {
	char **msg;      /* each "file:line: [section] key: why" */
	size_t n;        /* kept */
	size_t total;    /* found */
};
void lup_fw_problems_clear(struct lup_fw_problems *p);
/* Add a message (copied); the first one also goes to err when given. */
void lup_fw_problem(struct lup_fw_problems *p, const char *msg);

/* Parse one framework file held in memory (len bytes; need not end with a
 * NUL).  file names it in messages.  Checks syntax, sizes and every value;
 * what depends on the whole framework (areas named by competences, targets,
 * level ranges against the scale) is checked by lup_framework_resolve.
 * A file that is not UTF-8 but UTF-16 or Latin-1 (Windows-1252) is named
 * as such.  On failure err holds the first problem (and says how many
 * more there are); *all (may be NULL) receives every one. */
int lup_framework_parse(const char *buf, size_t len, const char *file,
                        struct lup_framework **out, lup_err *err);
int lup_framework_parse_all(const char *buf, size_t len, const char *file,
                            struct lup_framework **out, struct lup_fw_problems *all, lup_err *err);
/* Read (at most LUP_FW_MAX_BYTES) and parse a file. */
int lup_framework_read(const char *path, struct lup_framework **out, lup_err *err);
int lup_framework_read_all(const char *path, struct lup_framework **out,
                           struct lup_fw_problems *all, lup_err *err);

/* Complete a parsed framework: when it extends another, base is that
 * framework (resolved), whose levels, areas and competences it inherits and
 * then changes; otherwise base must be NULL.  Checks the whole, puts areas
 * and competences in display order and computes the content hash.
 * Targets are not inherited: they belong to the framework that sets them.
 * Problems are collected as lup_framework_parse_all does. */
int lup_framework_resolve(struct lup_framework *fw, const struct lup_framework *base,
                          lup_err *err);
int lup_framework_resolve_all(struct lup_framework *fw, const struct lup_framework *base,
                              struct lup_fw_problems *all, lup_err *err);

void lup_framework_free(struct lup_framework *fw);

/* Look-ups in a resolved framework (codes match case-insensitively). */
const struct lup_fw_competence *lup_fw_competence_get(const struct lup_framework *fw,
                                                      const char *code);
const struct lup_fw_area *lup_fw_area_get(const struct lup_framework *fw, const char *code);
const struct lup_fw_level *lup_fw_level_get(const struct lup_framework *fw, int value);

/* The name to show: the Swedish one when lup speaks Swedish and there is
 * one, else the English. */
const char *lup_fw_text(const char *en, const char *sv);

/* ---- Comparing two frameworks ---- */

enum lup_fw_change_kind {
	LUP_FW_META,         /* [framework]: name, version, description, extends */
	LUP_FW_LEVEL,        /* a level's name or band */
	LUP_FW_AREA,         /* an area added, removed or renamed */
	LUP_FW_ADDED,        /* a competence new in b */
	LUP_FW_REMOVED,      /* a competence of a that b no longer has */
	LUP_FW_RETIRED,      /* active in a, retired in b */
	LUP_FW_RESTORED,     /* retired in a, active again in b */
	LUP_FW_RENAMED,      /* the same competence under another code or name:
	                        its ratings carry over */
	LUP_FW_REPLACED,     /* b's competence takes the place of a's, a
	                        different one: ratings do not carry over */
	LUP_FW_CHANGED,      /* the same competence: area, levels, description */
	LUP_FW_TARGET,       /* a role's target added, changed or removed */
	LUP_FW_TARGET_GONE,  /* a target (a role's or a person's) of a competence
	                        retired or removed: it ends with a */
	LUP_FW_ROLE_NOBODY   /* [targets ROLE] that matches no person's role */
};

struct lup_fw_change {
	enum lup_fw_change_kind kind;
	char code[LUP_FW_CODE_MAX + 1];      /* b's competence, area or level */
	char old_code[LUP_FW_CODE_MAX + 1];  /* a's, when it differs */
	char role[LUP_FW_NAME_MAX + 1];      /* targets: the role, or a person's name */
	char field[24];                      /* the key that changed */
	char *before, *after;                /* as text; NULL for none */
};

struct lup_fw_diff {
	struct lup_fw_change *c;
	size_t n, cap;
};
void lup_fw_diff_clear(struct lup_fw_diff *d);
/* The changes from a to b, two resolved frameworks whose competences have
 * identities (revisions loaded from the database, or a file planned with
 * lup_framework_plan); a NULL: everything in b is new.  Targets compared
 * are the role targets of fw->targets. */
int lup_framework_diff(const struct lup_framework *a, const struct lup_framework *b,
                       struct lup_fw_diff *out, lup_err *err);
/* One change as a line for people: "renamed  SJ.2 → SJ.5 Resilience". */
void lup_fw_change_text(const struct lup_fw_change *c, char *buf, size_t n);

/* ---- Writing a framework out ---- */

/* A stored revision as a framework file that lup framework import reads
 * back to the same content: every key written out, in a fixed order, so
 * that exporting what was imported gives the same bytes.  Its targets are
 * the role targets in force (set in lup or from the file). */
int lup_framework_write_ini(const struct lup_framework *fw, FILE *out, lup_err *err);
/* The same as a Moodle competency framework CSV (admin tool "Import
 * competency framework"): areas as competencies with the competences
 * under them, the level names as the scale. */
int lup_framework_write_moodle(const struct lup_framework *fw, FILE *out, lup_err *err);

/* ---- In the database ---- */

/* What importing a framework would do, worked out without storing
 * anything: its base found (a framework in the database, else a file with
 * that id in $XDG_DATA_HOME/lup/frameworks or lup_path_datadir()/
 * frameworks), the whole checked, each competence given its identity, and
 * its changes against the latest revision listed.  A reused code whose
 * name has changed is a problem unless the file says renamed_from or
 * replaces. */
struct lup_fw_plan {
	struct lup_framework *fw;    /* not owned */
	int revision;                /* the revision it becomes */
	int unchanged;               /* its content equals the latest revision's */
	int same_as;                 /* … or an older one's (its number; 0: none) */
	char latest[LUP_UUID_LEN + 1];   /* the revision it follows, or "" */
	struct lup_fw_diff diff;     /* against the latest revision */
	struct lup_fw_problems problems;
	void *priv;                  /* what storing needs */
	int own_fw;                  /* fw is freed with the plan */
};
void lup_fw_plan_clear(struct lup_fw_plan *p);
/* Plan fw (parsed, resolved or not).  -1 when planning failed (the
 * database, memory); 0 otherwise, with plan->problems listing what is
 * wrong with the framework, if anything. */
int lup_framework_plan(lup_db *db, struct lup_framework *fw, struct lup_fw_plan *plan,
                       lup_err *err);
/* Read a file and plan it, finding every problem in one run: those of
 * its syntax and values, of the whole, and of identities.  plan->fw
 * belongs to the plan; it is NULL when the file could not be read at all. */
int lup_framework_plan_file(lup_db *db, const char *path, struct lup_fw_plan *plan, lup_err *err);
/* Store a plan without problems as the next revision, with its targets:
 * the file's, and those set in lup (for a role or a person), which are
 * carried over to the new revision and win over the file's; the targets
 * of competences the new revision retired or dropped end.  Nothing is
 * stored when the plan is unchanged (id_out is then the latest). */
int lup_framework_store(lup_db *db, struct lup_fw_plan *plan, char id_out[LUP_UUID_LEN + 1],
                        lup_err *err);

/* Plan and store in one: parse (path), resolve and store a framework as
 * a new revision of its id.  A file whose resolved content equals the
 * latest revision's is not stored again: *unchanged is set and id_out is
 * that revision.  On any error nothing is stored. */
int lup_framework_import_file(lup_db *db, const char *path, char id_out[LUP_UUID_LEN + 1],
                              int *unchanged, lup_err *err);
/* The same for a framework already parsed (fw is resolved on the way). */
int lup_framework_import(lup_db *db, struct lup_framework *fw, char id_out[LUP_UUID_LEN + 1],
                         int *unchanged, lup_err *err);

/* A REF: an ident (its latest revision), ident@revision, or a unique id
 * prefix of 6+ characters. */
int lup_framework_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err);
/* The latest revision of an ident; LUP_ENOTFOUND when it was never imported. */
int lup_framework_current(lup_db *db, const char *ident, char id[LUP_UUID_LEN + 1], lup_err *err);
/* A stored revision with its levels, areas, competences (with their ids
 * and identities) and its role targets: for the latest revision those in
 * force now, for an older one those in force when the next replaced it. */
int lup_framework_load(lup_db *db, const char *id, struct lup_framework **out, lup_err *err);
/* The revision before id (same ident), or LUP_ENOTFOUND for a first. */
int lup_framework_previous(lup_db *db, const char *id, char prev[LUP_UUID_LEN + 1], lup_err *err);

struct lup_framework_row {
	char id[LUP_UUID_LEN + 1];
	char ident[LUP_FW_IDENT_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1], name_sv[LUP_FW_NAME_MAX + 1];
	char version[64], extends[LUP_FW_IDENT_MAX + 1];
	int revision;
	long competences;    /* not retired */
	long checkins;       /* made with this revision */
	char imported_at[21];
};
/* The frameworks, by ident; all revisions (newest first within an ident)
 * or only the latest of each.  *rows is malloc'd; free() it. */
int lup_framework_list(lup_db *db, int all_revisions, struct lup_framework_row **rows,
                       size_t *n, lup_err *err);

#endif
