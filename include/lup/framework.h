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
	unsigned given;                          /* the keys the file set */
	int key_line[8];                         /* and their lines, for messages */
};

struct lup_fw_area {
	char id[LUP_UUID_LEN + 1];   /* in the database; "" when read from a file */
	char *code, *name, *name_sv;
	long order;                  /* resolved: the position, 1, 2, … */
	int line;
	unsigned given;
	int key_line[8];
};

struct lup_fw_competence {
	char id[LUP_UUID_LEN + 1];   /* in the database; "" when read from a file */
	char *code, *area, *name, *name_sv, *description, *description_sv;
	int level_min, level_max;
	int retired;
	long order;                  /* resolved: the position in the framework */
	int line;
	unsigned given;              /* the keys the file set */
	int key_line[8];
};

struct lup_fw_target {
	const char *role;            /* one of the framework's roles[] */
	char *code;
	int level;
	int line;
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
	unsigned given;
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

/* Parse one framework file held in memory (len bytes; need not end with a
 * NUL).  file names it in messages.  Checks syntax, sizes and every value;
 * what depends on the whole framework (areas named by competences, targets,
 * level ranges against the scale) is checked by lup_framework_resolve. */
int lup_framework_parse(const char *buf, size_t len, const char *file,
                        struct lup_framework **out, lup_err *err);
/* Read (at most LUP_FW_MAX_BYTES) and parse a file. */
int lup_framework_read(const char *path, struct lup_framework **out, lup_err *err);

/* Complete a parsed framework: when it extends another, base is that
 * framework (resolved), whose levels, areas and competences it inherits and
 * then changes; otherwise base must be NULL.  Checks the whole, puts areas
 * and competences in display order and computes the content hash.
 * Targets are not inherited: they belong to the framework that sets them. */
int lup_framework_resolve(struct lup_framework *fw, const struct lup_framework *base,
                          lup_err *err);

void lup_framework_free(struct lup_framework *fw);

/* Look-ups in a resolved framework (codes match case-insensitively). */
const struct lup_fw_competence *lup_fw_competence_get(const struct lup_framework *fw,
                                                      const char *code);
const struct lup_fw_area *lup_fw_area_get(const struct lup_framework *fw, const char *code);
const struct lup_fw_level *lup_fw_level_get(const struct lup_framework *fw, int value);

/* The name to show: the Swedish one when lup speaks Swedish and there is
 * one, else the English. */
const char *lup_fw_text(const char *en, const char *sv);

/* ---- In the database ---- */

/* Import a framework file: parse, resolve what it extends (a framework in
 * the database, else a file with that id in $XDG_DATA_HOME/lup/frameworks
 * or lup_path_datadir()/frameworks), and store it as a new revision of its
 * id with its [targets] (targets set in lup itself are kept and win).  A
 * file whose resolved content equals the latest revision's is not stored
 * again: *unchanged is set and id_out is that revision.  On any error
 * nothing is stored. */
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
/* A stored revision with its levels, areas, competences (with their ids)
 * and the role targets of its ident. */
int lup_framework_load(lup_db *db, const char *id, struct lup_framework **out, lup_err *err);

struct lup_framework_row {
	char id[LUP_UUID_LEN + 1];
	char ident[LUP_FW_IDENT_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1], name_sv[LUP_FW_NAME_MAX + 1];
	char version[64], extends[LUP_FW_IDENT_MAX + 1];
	int revision;
	long competences;    /* not retired */
	char imported_at[21];
};
/* The frameworks, by ident; all revisions (newest first within an ident)
 * or only the latest of each.  *rows is malloc'd; free() it. */
int lup_framework_list(lup_db *db, int all_revisions, struct lup_framework_row **rows,
                       size_t *n, lup_err *err);

#endif
