/* err.h — how the core reports failure: a code and a translated message. */
#ifndef LUP_ERR_H
#define LUP_ERR_H

enum lup_errcode {
	LUP_OK = 0,
	LUP_EFAIL,      /* the operation failed (I/O, database, …) */
	LUP_EINVAL,     /* bad input: a field, a file, a value */
	LUP_ENOTFOUND,  /* no such row */
	LUP_EAMBIG,     /* a reference matches more than one row */
	LUP_ECONFLICT,  /* a rule or constraint forbids it (duplicate, lifecycle) */
	LUP_EBUSY,      /* the database is locked by another program */
	LUP_EVERSION,   /* the database was written by a newer lup */
	LUP_ECORRUPT,   /* the database file is damaged or not a database */
	LUP_EREADONLY,  /* the database cannot be written */
	LUP_ECHANGED,   /* changed elsewhere since it was loaded: a person must
	                   decide (see lup_merge_report in merge.h) */
	LUP_EGONE       /* deleted elsewhere since it was loaded */
};

typedef struct lup_err {
	enum lup_errcode code;
	char field[32];   /* the form field at fault, when there is one */
	char msg[512];
} lup_err;

void lup_err_clear(lup_err *e);
/* Set the error (printf-style message); returns -1 so callers can
 * `return lup_err_set(...)`.  A NULL e is allowed. */
int lup_err_set(lup_err *e, enum lup_errcode code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* As lup_err_set, naming the field at fault. */
int lup_err_field(lup_err *e, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Memory ran out: LUP_EFAIL and the one message lup has for it; returns
 * -1 (e may be NULL).  The text, translated, is lup_err_oom_text(). */
int lup_err_oom(lup_err *e);
const char *lup_err_oom_text(void);

#endif
