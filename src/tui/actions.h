/* actions.h — keys, contexts and the one action table.
 *
 * Everything a key can do is an action: a row of the table in actions.c
 * (name, context, default keys, hint, help).  From that table come the key
 * dispatch, the [keys] section of lup.ini, the help overlay (? and F1), the
 * key-hint line and the KEYS section of lup(1) (`lup --dump-keys mdoc`).
 *
 * To add an action: add TUI_A_X to enum tui_action below and its row to
 * actions[] in actions.c (a unit test checks that every action has a row,
 * a name and help, and that no key is bound twice in one context).  To add a
 * context: add it to enum tui_ctx and its title to contexts[] in actions.c.
 *
 * This file knows no curses: keys are plain ints (see tui_key). */
#ifndef LUP_TUI_ACTIONS_H
#define LUP_TUI_ACTIONS_H

#include <stdint.h>
#include <stdio.h>
#include "lup/config.h"

/* A key: a Unicode code point (printable characters, and control
 * characters 1..31 for ^A.. ^_ — Tab is 9, Enter 13, Esc 27), Backspace
 * (127), or one of the special keys from TUI_KEY_SPECIAL on. */
typedef int tui_key;

enum {
	TUI_KEY_TAB = 9,
	TUI_KEY_ENTER = 13,
	TUI_KEY_ESC = 27,
	TUI_KEY_SPACE = 32,
	TUI_KEY_BS = 127,
	TUI_KEY_SPECIAL = 0x110000,  /* beyond Unicode */
	TUI_KEY_UP = TUI_KEY_SPECIAL,
	TUI_KEY_DOWN, TUI_KEY_LEFT, TUI_KEY_RIGHT,
	TUI_KEY_PGUP, TUI_KEY_PGDN, TUI_KEY_HOME, TUI_KEY_END,
	TUI_KEY_INS, TUI_KEY_DEL, TUI_KEY_BTAB,
	TUI_KEY_RESIZE,              /* the terminal changed size (not bindable) */
	TUI_KEY_F0 = TUI_KEY_SPECIAL + 0x40,  /* F1 is TUI_KEY_F0 + 1 … F12 */
	TUI_KEY_NONE = -1
};
#define TUI_KEY_F(n) (TUI_KEY_F0 + (n))
#define TUI_KEY_CTRL(c) ((c) & 0x1f)   /* TUI_KEY_CTRL('S') is ^S */

/* Parse a key name as written in [keys] and in key scripts: a single
 * character ("q", "/", "å"), "^S" or "C-s", "F1".."F12", or one of Enter,
 * Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Ins, Del,
 * BS, Space (names in any case).  Returns the key, or TUI_KEY_NONE. */
tui_key tui_key_parse(const char *name);
/* The name of a key, as tui_key_parse reads it back ("^S", "PgDn", "å"). */
const char *tui_key_name(tui_key k, char buf[16]);
/* The name of a key for people to read, in the language of the messages
 * ("Space", "S-Tab", "^S" in English; "Mellanslag", "Skift-Tab", "Ctrl-S"
 * in Swedish).  Hint lines, help and messages use it; [keys] and key
 * scripts keep tui_key_name. */
const char *tui_key_label(tui_key k, char buf[16]);
/* 1 if k is a printable character (text for an input field). */
int tui_key_is_text(tui_key k);

/* Where an action applies.  A screen says which contexts are active on it
 * (tui_screen_ops.contexts); when a key is bound in several active
 * contexts, the one listed later here wins. */
enum tui_ctx {
	TUI_CTX_ANY,      /* every screen, forms and dialogs too: help, redraw */
	TUI_CTX_MAIN,     /* section screens: switch section, back, quit */
	TUI_CTX_DOCUMENTS, /* a session, cohort, participant or placement: print its
	                      paper (early: its hint comes after the screen's own) */
	TUI_CTX_MOVE,     /* lists and scrolled views: move the focus */
	TUI_CTX_LIST,     /* lists: open, filter, sort */
	TUI_CTX_RECORD,   /* add, edit, delete the focused record */
	TUI_CTX_VIEWS,    /* a section with several views (tabs.h): switch between them */
	TUI_CTX_HOSTS,    /* the network of host organisations: filter by country, network */
	TUI_CTX_PLACEMENTS, /* placements: move on, cancel, learning log, status filter */
	TUI_CTX_PICKER,   /* a pick list: type to narrow, Space marks several, Enter picks */
	TUI_CTX_FORM,     /* forms: next/previous field, save, cancel */
	TUI_CTX_CHOICE,   /* a focused choice or yes/no field */
	TUI_CTX_DIALOG,   /* a yes/no question */
	TUI_CTX_CHANGED,  /* a question about an edit that met a change made elsewhere */
	TUI_CTX_HELP,     /* the help overlay */
	/* the Programme section */
	TUI_CTX_PROGRAMME, /* the cohort list and a cohort: calendar, blocks */
	TUI_CTX_COHORT,   /* a cohort: its sessions and participants */
	TUI_CTX_REGISTER, /* the attendance register */
	TUI_CTX_BLOCKS,   /* the blocks editor */
	TUI_CTX_NOTICE,   /* a message to read and close */
	TUI_CTX_CALENDAR, /* the programme calendar: agenda and month grid */
	/* the Competence section (later contexts win: the sheet's digits
	 * over the section keys; its views switch as the Shadowing's do) */
	TUI_CTX_CHECKINS, /* a person's check-ins */
	TUI_CTX_HEATMAP,  /* the heat map */
	TUI_CTX_FRAMEWORKS, /* the frameworks list */
	TUI_CTX_SHEET,    /* a rating sheet or a role's targets: digits set levels */
	TUI_CTX_PERSON,   /* a person's detail view */
	/* people list, reports, import (after FORM: their keys win in a form) */
	TUI_CTX_PEOPLE,   /* the list of people: import */
	TUI_CTX_REPORT,   /* the Reports section: write to a file, refresh */
	TUI_CTX_IMPORT,   /* importing people: the file form and the preview */
	TUI_CTX_CONFLICTS, /* the conflicts merging laptops listed: answering them */
	TUI_CTX_DUE,      /* the Due list */
	TUI_CTX_ROUNDS,   /* check-in rounds and a round's people */
	TUI_CTX_ENROL,    /* the enrol picker: the day the seats count from */
	TUI_CTX_HOST,     /* one host organisation: its study visits */
	TUI_CTX_WELCOME,  /* the welcome of a first run: how to begin */
	TUI_CTX_COUNT
};
/* A set of contexts: one bit each (more than 32 of them). */
typedef uint64_t tui_ctxmask;
#define TUI_CTXBIT(c) ((tui_ctxmask)1 << (c))

enum tui_action {
	TUI_A_NONE = -1,
	/* any */
	TUI_A_HELP, TUI_A_REDRAW,
	/* main */
	TUI_A_SECTION1, TUI_A_SECTION2, TUI_A_SECTION3, TUI_A_SECTION4, TUI_A_SECTION5,
	TUI_A_NEXT_SECTION, TUI_A_PREV_SECTION, TUI_A_QUIT, TUI_A_BACK,
	/* move */
	TUI_A_UP, TUI_A_DOWN, TUI_A_PAGE_UP, TUI_A_PAGE_DOWN, TUI_A_TOP, TUI_A_BOTTOM,
	/* list */
	TUI_A_OPEN, TUI_A_FILTER, TUI_A_SORT,
	/* record */
	TUI_A_ADD, TUI_A_EDIT, TUI_A_DELETE,
	/* views */
	TUI_A_VIEW_NEXT, TUI_A_VIEW_PREV,
	/* hosts */
	TUI_A_FILTER_COUNTRY, TUI_A_FILTER_NETWORK,
	/* placements */
	TUI_A_ADVANCE, TUI_A_CANCEL_PLACEMENT, TUI_A_LOG_ADD, TUI_A_FILTER_STATUS,
	/* picker */
	TUI_A_PICK, TUI_A_PICK_CLOSE,
	/* form */
	TUI_A_NEXT_FIELD, TUI_A_PREV_FIELD, TUI_A_SAVE, TUI_A_CANCEL,
	/* choice */
	TUI_A_CHOICE_NEXT, TUI_A_CHOICE_PREV,
	/* dialog */
	TUI_A_YES, TUI_A_NO, TUI_A_PRESS, TUI_A_SWITCH, TUI_A_SWITCH_BACK,
	/* changed elsewhere */
	TUI_A_KEEP_MINE, TUI_A_TAKE_THEIRS, TUI_A_LOOK_AGAIN, TUI_A_SAVE_AS_NEW, TUI_A_DROP_EDIT,
	/* help */
	TUI_A_CLOSE,
	/* programme */
	TUI_A_BLOCKS,
	/* cohort */
	TUI_A_SWITCH_PART, TUI_A_COPY_NEXT_WEEK, TUI_A_COPY_TO_COHORT, TUI_A_ATTENDANCE,
	TUI_A_WITHDRAW, TUI_A_COMPLETE, TUI_A_WARNINGS, TUI_A_EDIT_COHORT,
	/* picker: marking several */
	TUI_A_MARK,
	/* register */
	TUI_A_PRESENT, TUI_A_LATE, TUI_A_EXCUSED, TUI_A_ABSENT, TUI_A_UNMARK,
	/* blocks */
	TUI_A_MOVE_UP, TUI_A_MOVE_DOWN,
	/* notice */
	TUI_A_OK,
	/* calendar: open it from any section (main), and its own keys */
	TUI_A_CALENDAR,
	TUI_A_CAL_OPEN, TUI_A_CAL_TODAY, TUI_A_CAL_GOTO, TUI_A_CAL_MONTH, TUI_A_CAL_AGENDA,
	TUI_A_CAL_COHORT, TUI_A_CAL_EXPORT, TUI_A_CAL_PREV, TUI_A_CAL_NEXT,
	/* competence */
	TUI_A_GAPS,
	TUI_A_HEAT_ROWS, TUI_A_HEAT_COHORT, TUI_A_HEAT_SOURCE,
	TUI_A_TARGETS,
	TUI_A_LEVEL0, TUI_A_LEVEL1, TUI_A_LEVEL2, TUI_A_LEVEL3, TUI_A_LEVEL4,
	TUI_A_LEVEL5, TUI_A_LEVEL6, TUI_A_LEVEL7, TUI_A_LEVEL8, TUI_A_LEVEL9,
	TUI_A_NOT_ASSESSED, TUI_A_CLEAR_LEVEL, TUI_A_COMMENT, TUI_A_FINALIZE,
	TUI_A_PERSON_COMPETENCE,
	TUI_A_CORRECT, TUI_A_PROFILE, TUI_A_PERSON_TARGETS, TUI_A_HEAT_FRAMEWORK, TUI_A_FW_IMPORT,
	TUI_A_ROUND, TUI_A_ROUND_INVITE,
	/* people list, reports, import */
	TUI_A_IMPORT, TUI_A_REPORT_EXPORT, TUI_A_REPORT_REFRESH, TUI_A_IMPORT_RUN, TUI_A_IMPORT_CANCEL,
	/* conflicts of merging laptops: open them from any section (main),
	 * and answer one */
	TUI_A_CONFLICTS, TUI_A_CONFLICT_KEEP, TUI_A_CONFLICT_TAKE, TUI_A_CONFLICT_TYPE,
	/* documents */
	TUI_A_PRINT,
	/* enrolment: back to the waitlist, enrol as of a day; a session's
	 * learning log; a host's study visits */
	TUI_A_UNSEAT, TUI_A_ENROL_AS_OF, TUI_A_REG_LOG, TUI_A_HOST_VISITS,
	/* the programme itself; the welcome of a first run */
	TUI_A_EDIT_PROGRAMME,
	TUI_A_WELCOME_DEMO, TUI_A_WELCOME_PEOPLE, TUI_A_WELCOME_FRAMEWORK, TUI_A_WELCOME_EMPTY,
	TUI_A_WELCOME_CHOOSE,
	/* forms, undo, messages and the terminal */
	TUI_A_CLEAR_FIELD, TUI_A_UNDO, TUI_A_REDO, TUI_A_MESSAGES, TUI_A_INTERRUPT, TUI_A_SUSPEND,
	TUI_A_COUNT
};

#define TUI_MAX_KEYS 8

struct tui_action_info {
	const char *name;       /* for [keys]: lower case, words joined by '-' */
	enum tui_ctx ctx;
	const char *keys;       /* default keys, space-separated key names */
	const char *hint;       /* N_(): a word for the key-hint line, or NULL */
	const char *help;       /* N_(): one line for the help overlay and lup(1) */
};

const struct tui_action_info *tui_action_info(enum tui_action a);

/* One key, one meaning: a key that means the same on every screen (a add,
 * e edit, d delete, n new or no, x export or cancel, …), with the actions
 * that may have it, ended by TUI_A_NONE.  No other action has that key by
 * default (a unit test checks the table against the action table). */
struct tui_key_meaning {
	const char *key;               /* a key name, as in [keys] */
	const char *meaning;           /* the meaning, in a word or three (English) */
	enum tui_action actions[12];
};
const struct tui_key_meaning *tui_key_meanings(size_t *n);
/* The action of a name in [keys] (an old name still names its action). */
enum tui_action tui_action_by_name(const char *name);
const char *tui_ctx_title(enum tui_ctx c);   /* N_() text, untranslated */

/* The bindings in force: the defaults, then [keys] from the config. */
void tui_keys_defaults(void);
/* Apply [keys]: "action = key key …" replaces that action's keys (an
 * empty value unbinds it); a key given to an action is taken from any other
 * action of the same context.  An unknown action or key name is reported
 * through warn (the rest still applies).  Returns the number of warnings. */
int tui_keys_load(const lup_config *cfg, lup_warn_cb warn, void *ud);
/* Bind one action as [keys] would; 0, or -1 with *bad naming the first
 * unparsable key (the binding is then left as it was). */
int tui_keys_bind(enum tui_action a, const char *keys, const char **bad, size_t *badlen);
/* The keys of an action (up to TUI_MAX_KEYS); returns how many. */
int tui_action_keys(enum tui_action a, tui_key out[TUI_MAX_KEYS]);
/* The action bound to key in the contexts of ctxmask (later contexts win),
 * or TUI_A_NONE. */
enum tui_action tui_action_for(tui_key k, tui_ctxmask ctxmask);
/* The keys of action a that reach it in the contexts of ctxmask (up to
 * TUI_MAX_KEYS): those tui_action_for gives to a, not those a later
 * context takes (a cohort's Tab, not the next section's).  0 when a's
 * context is not in ctxmask, when a is unbound, or when every key of a is
 * taken.  Returns how many. */
int tui_action_live_keys(enum tui_action a, tui_ctxmask ctxmask, tui_key out[TUI_MAX_KEYS]);
/* The key the hint line shows for action a in the contexts of ctxmask: the
 * language's own key when the translation names one that is bound to it
 * ("j" for Yes in Swedish), else its first live key; TUI_KEY_NONE when no
 * key of a reaches it there. */
tui_key tui_action_shown_key(enum tui_action a, tui_ctxmask ctxmask);
/* "Up, k" — the keys of an action for display; "" when unbound. */
const char *tui_action_keys_text(enum tui_action a, char *buf, size_t n);

/* The key table as mdoc, for the KEYS section of lup(1) (English). */
void tui_keys_dump_mdoc(FILE *fp);

#endif
