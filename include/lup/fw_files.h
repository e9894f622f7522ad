/* fw_files.h — the framework files at hand: the user's own
 * ($XDG_DATA_HOME/lup/frameworks) and the ones lup ships (share/lup/
 * frameworks, beside an uninstalled binary, else the installed data
 * folder), so a framework can be named instead of found on disk:
 * `lup framework import digcomp-2.2`. */
#ifndef LUP_FW_FILES_H
#define LUP_FW_FILES_H

#include <stddef.h>
#include "lup/err.h"

struct lup_fw_file {
	char path[4096];
	char stem[128];   /* the file name without .ini: "digcomp-2.2" */
	char name[256];   /* its [framework] name (name_sv under Swedish), or the stem */
};

/* The framework files of both folders, the user's first; a stem in both
 * is the user's.  Each group in stem order; up to max into out; returns
 * how many (0 when there are none or the folders cannot be read). */
int lup_fw_files(struct lup_fw_file *out, int max);

/* The file for what was typed: a file that exists as typed (or any path
 * with a slash, for its reader to say what is wrong), else the stem (with
 * or without .ini) in the folders above.  0 with its path in
 * out, or -1 with LUP_ENOTFOUND and a message naming the stems at hand. */
int lup_fw_file_find(const char *typed, char *out, size_t n, lup_err *err);

#endif
