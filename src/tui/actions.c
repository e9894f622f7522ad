/* actions.c — the action table, key names and the bindings in force. */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "tui/actions.h"

/* The one action table.  Keys are the defaults of DESIGN §5. */
static const struct tui_action_info actions[TUI_A_COUNT] = {
	[TUI_A_HELP]         = { "help", TUI_CTX_ANY, "? F1", N_("Help"), N_("Show the keys of this screen") },
	[TUI_A_REDRAW]       = { "redraw", TUI_CTX_ANY, "^L", NULL, N_("Redraw the screen") },

	[TUI_A_SECTION1]     = { "people", TUI_CTX_MAIN, "1", NULL, N_("Go to People") },
	[TUI_A_SECTION2]     = { "programme", TUI_CTX_MAIN, "2", NULL, N_("Go to Programme") },
	[TUI_A_SECTION3]     = { "shadowing", TUI_CTX_MAIN, "3", NULL, N_("Go to Shadowing") },
	[TUI_A_SECTION4]     = { "competence", TUI_CTX_MAIN, "4", NULL, N_("Go to Competence") },
	[TUI_A_SECTION5]     = { "reports", TUI_CTX_MAIN, "5", NULL, N_("Go to Reports") },
	[TUI_A_NEXT_SECTION] = { "next-section", TUI_CTX_MAIN, "Tab", NULL, N_("Go to the next section") },
	[TUI_A_PREV_SECTION] = { "prev-section", TUI_CTX_MAIN, "S-Tab", NULL, N_("Go to the previous section") },
	[TUI_A_QUIT]         = { "quit", TUI_CTX_MAIN, "q", N_("Quit"),
	                         N_("Go back; on a top screen, quit (everything is already saved)") },
	[TUI_A_BACK]         = { "back", TUI_CTX_MAIN, "Esc", NULL, N_("Go back, or clear the filter") },

	[TUI_A_UP]           = { "up", TUI_CTX_MOVE, "Up k", NULL, N_("Move up") },
	[TUI_A_DOWN]         = { "down", TUI_CTX_MOVE, "Down j", NULL, N_("Move down") },
	[TUI_A_PAGE_UP]      = { "page-up", TUI_CTX_MOVE, "PgUp", NULL, N_("Move up a page") },
	[TUI_A_PAGE_DOWN]    = { "page-down", TUI_CTX_MOVE, "PgDn", NULL, N_("Move down a page") },
	[TUI_A_TOP]          = { "top", TUI_CTX_MOVE, "Home g", NULL, N_("Go to the first row") },
	[TUI_A_BOTTOM]       = { "bottom", TUI_CTX_MOVE, "End G", NULL, N_("Go to the last row") },

	[TUI_A_OPEN]         = { "open", TUI_CTX_LIST, "Enter", N_("Open"), N_("Open the focused row") },
	[TUI_A_FILTER]       = { "filter", TUI_CTX_LIST, "/", N_("Filter"),
	                         N_("Filter as you type; Enter keeps the filter, Esc clears it") },
	[TUI_A_SORT]         = { "sort", TUI_CTX_LIST, "s", N_("Sort"), N_("Change the sort order") },

	[TUI_A_ADD]          = { "add", TUI_CTX_RECORD, "a", N_("Add"), N_("Add a new one") },
	[TUI_A_EDIT]         = { "edit", TUI_CTX_RECORD, "e", N_("Edit"), N_("Edit the focused one") },
	[TUI_A_DELETE]       = { "delete", TUI_CTX_RECORD, "d", N_("Delete"),
	                         N_("Delete the focused one (asks first; No is the default)") },

	[TUI_A_VIEW_NEXT]    = { "view-next", TUI_CTX_VIEWS, "v ]", N_("View"),
	                         N_("Show the next view of the section (Shadowing: network, pipeline, summary; "
	                            "Competence: Due list, heat map, frameworks, rounds)") },
	[TUI_A_VIEW_PREV]    = { "view-prev", TUI_CTX_VIEWS, "V [", NULL, N_("Show the previous view of the section") },

	[TUI_A_FILTER_COUNTRY] = { "filter-country", TUI_CTX_HOSTS, "c", N_("Country"),
	                         N_("Show the hosts of one country (type a code or a name; Enter on All shows every country)") },
	[TUI_A_FILTER_NETWORK] = { "filter-network", TUI_CTX_HOSTS, "N", N_("Network"),
	                         N_("Show the hosts of one network (Enter on All shows every network)") },

	[TUI_A_ADVANCE]      = { "advance", TUI_CTX_PLACEMENTS, "> m", N_("Move on"),
	                         N_("Move the placement on to its next status, or say what is missing") },
	[TUI_A_CANCEL_PLACEMENT] = { "cancel-placement", TUI_CTX_PLACEMENTS, "x", N_("Cancel it"),
	                         N_("Cancel the placement, giving a reason (it is kept)") },
	[TUI_A_LOG_ADD]      = { "log-add", TUI_CTX_PLACEMENTS, "l", N_("Log"),
	                         N_("Add an entry to the placement's learning log") },
	[TUI_A_FILTER_STATUS] = { "filter-status", TUI_CTX_PLACEMENTS, "S", N_("Status"),
	                         N_("Pipeline: show the placements of one status (Enter on All, or Esc, shows every status)") },

	[TUI_A_PICK_CLOSE]   = { "pick-close", TUI_CTX_PICKER, "Esc", N_("Close"),
	                         N_("Close the list without picking") },

	[TUI_A_NEXT_FIELD]   = { "next-field", TUI_CTX_FORM, "Tab Down Enter", N_("Next"), N_("Go to the next field") },
	[TUI_A_PREV_FIELD]   = { "prev-field", TUI_CTX_FORM, "S-Tab Up", N_("Previous"),
	                         N_("Go to the previous field") },
	[TUI_A_SAVE]         = { "save", TUI_CTX_FORM, "^S F2", N_("Save"), N_("Save the form") },
	[TUI_A_CANCEL]       = { "cancel", TUI_CTX_FORM, "Esc", N_("Cancel"),
	                         N_("Close the form without saving (asks first if anything changed)") },

	[TUI_A_CHOICE_NEXT]  = { "choice-next", TUI_CTX_CHOICE, "Space Right", N_("Change"), N_("Next choice") },
	[TUI_A_CHOICE_PREV]  = { "choice-prev", TUI_CTX_CHOICE, "Left", NULL, N_("Previous choice") },

	[TUI_A_YES]          = { "yes", TUI_CTX_DIALOG, "y Y j J", N_("Yes"), N_("Answer yes") },
	[TUI_A_NO]           = { "no", TUI_CTX_DIALOG, "n N Esc q", N_("No"), N_("Answer no") },
	[TUI_A_PRESS]        = { "press", TUI_CTX_DIALOG, "Enter", NULL, N_("Press the focused button (No at first)") },
	[TUI_A_SWITCH]       = { "switch", TUI_CTX_DIALOG, "Right Tab", NULL,
	                         N_("Move to the next button") },
	[TUI_A_SWITCH_BACK]  = { "switch-back", TUI_CTX_DIALOG, "Left S-Tab", NULL,
	                         N_("Move to the previous button") },

	[TUI_A_KEEP_MINE]    = { "keep-mine", TUI_CTX_CHANGED, "k", N_("Keep yours"),
	                         N_("Changed elsewhere: save your value over the one stored since you opened it") },
	[TUI_A_TAKE_THEIRS]  = { "take-theirs", TUI_CTX_CHANGED, "t", N_("Take theirs"),
	                         N_("Changed elsewhere: keep the stored value and drop yours for that field") },
	[TUI_A_LOOK_AGAIN]   = { "look-again", TUI_CTX_CHANGED, "l", N_("Look again"),
	                         N_("Save nothing yet and go back to look (also Esc; the default)") },
	[TUI_A_SAVE_AS_NEW]  = { "save-as-new", TUI_CTX_CHANGED, "s", N_("Save as new"),
	                         N_("Deleted elsewhere: save your edit as a new record") },
	[TUI_A_DROP_EDIT]    = { "drop-edit", TUI_CTX_CHANGED, "d", N_("Drop the edit"),
	                         N_("Deleted elsewhere: close the form and let your edit go") },

	[TUI_A_CLOSE]        = { "close", TUI_CTX_HELP, "q Esc", N_("Close"), N_("Close the help") },

	[TUI_A_BLOCKS]       = { "blocks", TUI_CTX_PROGRAMME, "b", NULL,
	                         N_("Edit the programme's blocks: kind, order and name") },

	[TUI_A_SWITCH_PART]  = { "switch-part", TUI_CTX_COHORT, "Tab S-Tab", NULL,
	                         N_("Switch between the cohort's sessions and its participants") },
	[TUI_A_COPY_NEXT_WEEK] = { "copy-next-week", TUI_CTX_COHORT, "n", N_("+1 week"),
	                         N_("Copy the focused session to the same weekday next week (asks first)") },
	[TUI_A_COPY_TO_COHORT] = { "copy-to-cohort", TUI_CTX_COHORT, "o", NULL,
	                         N_("Copy the focused session to another cohort (same day and time)") },
	[TUI_A_ATTENDANCE]   = { "attendance", TUI_CTX_COHORT, "r", N_("Register"),
	                         N_("Take attendance for the focused session (Enter does the same)") },
	[TUI_A_WITHDRAW]     = { "withdraw", TUI_CTX_COHORT, "w", N_("Withdraw"),
	                         N_("Withdraw the focused participant (asks first); the first person "
	                            "waiting moves up") },
	[TUI_A_COMPLETE]     = { "mark-completions", TUI_CTX_COHORT, "m", N_("Completions"),
	                         N_("Mark as completed everyone who met every block (a cohort that "
	                            "is done)") },
	[TUI_A_WARNINGS]     = { "warnings", TUI_CTX_COHORT, "!", NULL,
	                         N_("Show all the cohort's warnings and its sessions' conflicts") },
	[TUI_A_EDIT_COHORT]  = { "edit-cohort", TUI_CTX_COHORT, "E", NULL,
	                         N_("Edit the cohort: name, capacity, dates, status, facilitators") },

	[TUI_A_MARK]         = { "mark", TUI_CTX_PICKER, "Space Ins", N_("Mark"),
	                         N_("Mark or unmark the focused row (to pick several)") },
	[TUI_A_PICK]         = { "pick", TUI_CTX_PICKER, "Enter", N_("Pick"),
	                         N_("Pick the marked rows, or the focused one when none is marked") },

	[TUI_A_PRESENT]      = { "present", TUI_CTX_REGISTER, "1 p", N_("Present"),
	                         N_("Mark the focused person present and move to the next") },
	[TUI_A_LATE]         = { "late", TUI_CTX_REGISTER, "2 l", N_("Late"),
	                         N_("Mark the focused person late and move to the next") },
	[TUI_A_EXCUSED]      = { "excused", TUI_CTX_REGISTER, "3", N_("Excused"),
	                         N_("Mark the focused person excused and move to the next") },
	[TUI_A_ABSENT]       = { "absent", TUI_CTX_REGISTER, "4", N_("Absent"),
	                         N_("Mark the focused person absent and move to the next") },
	[TUI_A_UNMARK]       = { "unmark", TUI_CTX_REGISTER, "BS Del", NULL,
	                         N_("Clear the focused person's mark") },

	[TUI_A_MOVE_UP]      = { "move-up", TUI_CTX_BLOCKS, "- K", N_("Up"),
	                         N_("Move the focused block one place up") },
	[TUI_A_MOVE_DOWN]    = { "move-down", TUI_CTX_BLOCKS, "+ J", N_("Down"),
	                         N_("Move the focused block one place down") },

	[TUI_A_OK]           = { "ok", TUI_CTX_NOTICE, "Enter Esc q", N_("Close"),
	                         N_("Close the message") },
	/* the programme calendar */
	[TUI_A_CALENDAR]     = { "calendar", TUI_CTX_MAIN, "C", N_("Calendar"),
	                         N_("Open the programme calendar: a cohort's from a cohort, "
	                            "else every cohort's") },
	[TUI_A_CAL_OPEN]     = { "calendar-open", TUI_CTX_CALENDAR, "Enter", N_("Open"),
	                         N_("Agenda: show the session with its conflicts; month: show the day in the agenda") },
	[TUI_A_CAL_TODAY]    = { "today", TUI_CTX_CALENDAR, "t", N_("Today"), N_("Go to today") },
	[TUI_A_CAL_GOTO]     = { "go-to-date", TUI_CTX_CALENDAR, ":", N_("Date"),
	                         N_("Go to a date: YYYY-MM-DD, YYYY-MM, today, +7, -1, +2w, or a week: v. 37, 2015-W37") },
	[TUI_A_CAL_MONTH]    = { "month", TUI_CTX_CALENDAR, "m", N_("Month"),
	                         N_("Switch between the agenda and the month grid") },
	[TUI_A_CAL_AGENDA]   = { "agenda", TUI_CTX_CALENDAR, "A", N_("Agenda"), N_("Show the agenda") },
	[TUI_A_CAL_COHORT]   = { "calendar-cohort", TUI_CTX_CALENDAR, "c", N_("Cohort"),
	                         N_("Show one cohort's calendar, or every cohort's") },
	[TUI_A_CAL_EXPORT]   = { "calendar-export", TUI_CTX_CALENDAR, "x", N_("Export"),
	                         N_("Write the calendar shown to an iCalendar file") },
	[TUI_A_CAL_PREV]     = { "previous-day", TUI_CTX_CALENDAR, "Left h", NULL,
	                         N_("Month: the day before; agenda: the week before") },
	[TUI_A_CAL_NEXT]     = { "next-day", TUI_CTX_CALENDAR, "Right l", NULL,
	                         N_("Month: the day after; agenda: the week after") },
	[TUI_A_GAPS]         = { "gaps", TUI_CTX_CHECKINS, "t", N_("Gaps"),
	                         N_("Show the person's levels against their targets, with the change since the previous check-in") },
	[TUI_A_HEAT_ROWS]    = { "heat-rows", TUI_CTX_HEATMAP, "b", N_("Rows"),
	                         N_("Rows of the heat map: org units, or cohorts") },
	[TUI_A_HEAT_COHORT]  = { "heat-cohort", TUI_CTX_HEATMAP, "c", N_("Cohort"),
	                         N_("Show only one cohort's people, or everyone") },
	[TUI_A_HEAT_SOURCE]  = { "heat-source", TUI_CTX_HEATMAP, "o", N_("Levels"),
	                         N_("Which levels count: manager or validation (else self), self-assessments only, "
	                            "manager and validation only") },
	[TUI_A_TARGETS]      = { "targets", TUI_CTX_FRAMEWORKS, "t", N_("Targets"),
	                         N_("View and edit the focused framework's target levels per role") },
	[TUI_A_LEVEL0]       = { "level-0", TUI_CTX_SHEET, "0", NULL, N_("Level 0 for the focused competence, then the next") },
	[TUI_A_LEVEL1]       = { "level-1", TUI_CTX_SHEET, "1", NULL, N_("Level 1 for the focused competence, then the next") },
	[TUI_A_LEVEL2]       = { "level-2", TUI_CTX_SHEET, "2", NULL, N_("Level 2 for the focused competence, then the next") },
	[TUI_A_LEVEL3]       = { "level-3", TUI_CTX_SHEET, "3", NULL, N_("Level 3 for the focused competence, then the next") },
	[TUI_A_LEVEL4]       = { "level-4", TUI_CTX_SHEET, "4", NULL, N_("Level 4 for the focused competence, then the next") },
	[TUI_A_LEVEL5]       = { "level-5", TUI_CTX_SHEET, "5", NULL, N_("Level 5 for the focused competence, then the next") },
	[TUI_A_LEVEL6]       = { "level-6", TUI_CTX_SHEET, "6", NULL, N_("Level 6 for the focused competence, then the next") },
	[TUI_A_LEVEL7]       = { "level-7", TUI_CTX_SHEET, "7", NULL, N_("Level 7 for the focused competence, then the next") },
	[TUI_A_LEVEL8]       = { "level-8", TUI_CTX_SHEET, "8", NULL, N_("Level 8 for the focused competence, then the next") },
	[TUI_A_LEVEL9]       = { "level-9", TUI_CTX_SHEET, "9", NULL,
	                         N_("Level 9 for the focused competence, then the next (levels from 10 up: type the digits)") },
	[TUI_A_NOT_ASSESSED] = { "not-assessed", TUI_CTX_SHEET, "n", N_("Not assessed"),
	                         N_("Mark the focused competence as not assessed, then the next") },
	[TUI_A_CLEAR_LEVEL]  = { "clear-level", TUI_CTX_SHEET, "BS Del", NULL,
	                         N_("Clear the focused competence's level (and its comment)") },
	[TUI_A_COMMENT]      = { "comment", TUI_CTX_SHEET, "c", N_("Comment"),
	                         N_("Write a comment on the focused rating") },
	[TUI_A_FINALIZE]     = { "finalize", TUI_CTX_SHEET, "^S F2", N_("Finalise"),
	                         N_("Make the check-in final (asks first; No is the default); leaving keeps the draft") },
	[TUI_A_PERSON_COMPETENCE] = { "person-competence", TUI_CTX_PERSON, "c", N_("Competence"),
	                         N_("Open the person's check-ins, rating sheets and gap analysis") },
	[TUI_A_CORRECT]      = { "correct", TUI_CTX_SHEET, "e", N_("Correct"),
	                         N_("A final check-in: start its correction, a draft with its ratings that takes its "
	                            "place once made final") },
	[TUI_A_PROFILE]      = { "profile", TUI_CTX_CHECKINS, "p", N_("Profile"),
	                         N_("Write the person's competence profile for their development talk (HTML)") },
	[TUI_A_PERSON_TARGETS] = { "person-targets", TUI_CTX_CHECKINS, "T", N_("Targets"),
	                         N_("Show the person's targets, their role's and their own, and set their own") },
	[TUI_A_HEAT_FRAMEWORK] = { "heat-framework", TUI_CTX_HEATMAP, "f", N_("Framework"),
	                         N_("Show the heat map of the next imported framework") },
	[TUI_A_FW_IMPORT]    = { "framework-import", TUI_CTX_FRAMEWORKS, "i", N_("Import"),
	                         N_("Import a framework file: shows what the new revision changes, or every problem, "
	                            "before anything is stored") },
	[TUI_A_ROUND]        = { "round", TUI_CTX_DUE, "R", N_("Round"),
	                         N_("Start a check-in round for the focused person's unit or role, a cohort or "
	                            "everyone: a draft for each, and the list of whom to invite") },
	[TUI_A_ROUND_INVITE] = { "round-invite", TUI_CTX_ROUNDS, "x", N_("Invite list"),
	                         N_("Write the round's list of whom to invite (or remind) as CSV: name, e-mail, "
	                            "unit, role") },
	/* people list, reports, import */
	[TUI_A_IMPORT]       = { "import", TUI_CTX_PEOPLE, "i", N_("Import"),
	                         N_("Import people from a CSV file: shows what would change before anything is stored") },
	[TUI_A_REPORT_EXPORT] = { "report-export", TUI_CTX_REPORT, "x", N_("Save as"),
	                         N_("Write the report to a file: HTML with charts, Markdown or text") },
	[TUI_A_REPORT_REFRESH] = { "report-refresh", TUI_CTX_REPORT, "r F5", N_("Recount"),
	                         N_("Gather the report's figures again") },
	[TUI_A_IMPORT_RUN]   = { "import-run", TUI_CTX_IMPORT, "^S F2", N_("Import"),
	                         N_("In the file form, read the file and show what would change; in the preview, "
	                            "import it (asks first; No is the default)") },
	[TUI_A_IMPORT_CANCEL] = { "import-cancel", TUI_CTX_IMPORT, "Esc", N_("Cancel"),
	                         N_("Go back without importing anything") },
	[TUI_A_CONFLICTS]    = { "conflicts", TUI_CTX_MAIN, "M", NULL,
	                         N_("Show the conflicts merging laptops set aside (the header counts them)") },
	[TUI_A_CONFLICT_KEEP] = { "conflict-keep", TUI_CTX_CONFLICTS, "1", N_("Keep"),
	                          N_("Answer the conflict: keep what the rule kept") },
	[TUI_A_CONFLICT_TAKE] = { "conflict-take", TUI_CTX_CONFLICTS, "2", N_("Take back"),
	                          N_("Answer the conflict: take back the value (or the record) it set aside") },
	[TUI_A_CONFLICT_TYPE] = { "conflict-type", TUI_CTX_CONFLICTS, "3", N_("Type"),
	                          N_("Answer the conflict with a value typed in") },
	/* documents */
	[TUI_A_PRINT]        = { "print", TUI_CTX_DOCUMENTS, "P", N_("Print"),
	                         N_("Write the focused one's document as PDF to the documents folder: a session's "
	                            "sign-in sheet, a cohort's participant list, a participant's certificate, a "
	                            "placement's agreement (its certificate of attendance once confirmed)") },
	[TUI_A_UNSEAT]       = { "to-waitlist", TUI_CTX_COHORT, "W", N_("To waitlist"),
	                         N_("Move the focused participant back to the waitlist, first in line (only "
	                            "before they attended anything); the first person waiting takes the seat "
	                            "when the capacity has room for it") },
	[TUI_A_ENROL_AS_OF]  = { "enrol-as-of", TUI_CTX_ENROL, ":", N_("As of"),
	                         N_("The day the seats count from, to take attendance for sessions before "
	                            "today (a paper cohort, a back-filled study visit); empty: today") },
	[TUI_A_REG_LOG]      = { "log-entry", TUI_CTX_REGISTER, "r", N_("Log"),
	                         N_("Write a learning-log entry for the focused person about this session "
	                            "(what a study visit gave them)") },
	[TUI_A_HOST_VISITS]  = { "study-visits", TUI_CTX_HOST, "b", N_("Visits"),
	                         N_("Show the organisation's study visits by cohort, who was there and what "
	                            "the visits gave") },
	[TUI_A_EDIT_PROGRAMME] = { "edit-programme", TUI_CTX_PROGRAMME, "p", NULL,
	                         N_("Edit the programme: its name, description, target and dates") },
	[TUI_A_WELCOME_DEMO] = { "welcome-demo", TUI_CTX_WELCOME, "D", N_("Demo"),
	                         N_("Fill the new file with a made-up programme of 300 people, to try lup on") },
	[TUI_A_WELCOME_PEOPLE] = { "welcome-people", TUI_CTX_WELCOME, "i", N_("Import staff"),
	                         N_("Import the staff from a CSV file (a preview first)") },
	[TUI_A_WELCOME_FRAMEWORK] = { "welcome-framework", TUI_CTX_WELCOME, "f", N_("Framework"),
	                         N_("Import a competence framework: the ones lup ships (DigComp 2.2) and your own") },
	[TUI_A_WELCOME_EMPTY] = { "welcome-empty", TUI_CTX_WELCOME, "s Esc", N_("Start empty"),
	                         N_("Start with nothing in the file") },
	[TUI_A_WELCOME_CHOOSE] = { "welcome-choose", TUI_CTX_WELCOME, "Enter", N_("Choose"),
	                         N_("Begin the way the focused line says") },
	/* forms, undo, messages and the terminal */
	[TUI_A_CLEAR_FIELD]  = { "clear-field", TUI_CTX_FORM, "^U", N_("Clear"),
	                         N_("Clear the field (in a field of several lines, the line)") },
	[TUI_A_UNDO]         = { "undo", TUI_CTX_MAIN, "u", NULL,
	                         N_("Undo the last change made in this window, step by step; a change "
	                            "someone else has changed since is left alone") },
	[TUI_A_REDO]         = { "redo", TUI_CTX_MAIN, "^R", NULL, N_("Redo what the last undo took back") },
	[TUI_A_MESSAGES]     = { "messages", TUI_CTX_MAIN, "L", NULL,
	                         N_("Show every message of this run in full, the newest first "
	                            "(with the warnings of a save)") },
	[TUI_A_INTERRUPT]    = { "interrupt", TUI_CTX_ANY, "^C", NULL,
	                         N_("Ask whether to quit lup (text typed in a form and not saved is lost)") },
	[TUI_A_SUSPEND]      = { "suspend", TUI_CTX_ANY, "^Z", NULL,
	                         N_("Suspend lup and go back to the shell; fg brings it back") },
};

/* One key, one meaning.  These keys mean the same on every screen, and
 * only the actions listed beside them may have them: a coordinator who
 * presses e to edit never marks someone excused.  A unit test checks
 * every action's default keys against this table. */
#define M_END TUI_A_NONE
static const struct tui_key_meaning meanings[] = {
	{ "a", "add", { TUI_A_ADD, M_END } },
	{ "e", "edit", { TUI_A_EDIT, TUI_A_CORRECT, M_END } },
	{ "d", "delete", { TUI_A_DELETE, TUI_A_DROP_EDIT, M_END } },
	/* a new copy (asking first); no in a question; no level on a sheet */
	{ "n", "new, or no", { TUI_A_COPY_NEXT_WEEK, TUI_A_NO, TUI_A_NOT_ASSESSED, M_END } },
	{ "x", "export, or cancel", { TUI_A_CAL_EXPORT, TUI_A_REPORT_EXPORT, TUI_A_ROUND_INVITE,
	                                  TUI_A_CANCEL_PLACEMENT, M_END } },
	{ "q", "back, close or quit", { TUI_A_QUIT, TUI_A_CLOSE, TUI_A_OK, TUI_A_NO, M_END } },
	{ "Esc", "back, close or cancel", { TUI_A_BACK, TUI_A_PICK_CLOSE, TUI_A_CANCEL, TUI_A_NO,
	                                        TUI_A_CLOSE, TUI_A_OK, TUI_A_IMPORT_CANCEL,
	                                        TUI_A_WELCOME_EMPTY, M_END } },
	{ "Enter", "open, pick or go on", { TUI_A_OPEN, TUI_A_CAL_OPEN, TUI_A_PICK, TUI_A_PRESS,
	                                        TUI_A_NEXT_FIELD, TUI_A_OK, TUI_A_WELCOME_CHOOSE, M_END } },
	{ "/", "filter", { TUI_A_FILTER, M_END } },
	{ "?", "help", { TUI_A_HELP, M_END } },
	{ "i", "import", { TUI_A_IMPORT, TUI_A_FW_IMPORT, TUI_A_WELCOME_PEOPLE, M_END } },
	{ "P", "print", { TUI_A_PRINT, M_END } },
};
#undef M_END

const struct tui_key_meaning *tui_key_meanings(size_t *n)
{
	*n = sizeof meanings / sizeof meanings[0];
	return meanings;
}

static const char *const contexts[TUI_CTX_COUNT] = {
	[TUI_CTX_ANY] = N_("Everywhere"),
	[TUI_CTX_MAIN] = N_("Sections"),
	[TUI_CTX_DOCUMENTS] = N_("Documents"),
	[TUI_CTX_MOVE] = N_("Moving"),
	[TUI_CTX_LIST] = N_("Lists"),
	[TUI_CTX_RECORD] = N_("Records"),
	[TUI_CTX_VIEWS] = N_("Views"),
	[TUI_CTX_HOSTS] = N_("Host organisations"),
	[TUI_CTX_PLACEMENTS] = N_("Placements"),
	[TUI_CTX_PICKER] = N_("Pick lists"),
	[TUI_CTX_FORM] = N_("Forms"),
	[TUI_CTX_CHOICE] = N_("Choice fields"),
	[TUI_CTX_DIALOG] = N_("Questions"),
	[TUI_CTX_CHANGED] = N_("Changed elsewhere"),
	[TUI_CTX_HELP] = N_("Help"),
	[TUI_CTX_PROGRAMME] = N_("Programme"),
	[TUI_CTX_COHORT] = N_("A cohort"),
	[TUI_CTX_REGISTER] = N_("Attendance register"),
	[TUI_CTX_BLOCKS] = N_("Blocks"),
	[TUI_CTX_NOTICE] = N_("Messages"),
	[TUI_CTX_CALENDAR] = N_("Calendar"),
	[TUI_CTX_CHECKINS] = N_("Check-ins"),
	[TUI_CTX_HEATMAP] = N_("Heat map"),
	[TUI_CTX_FRAMEWORKS] = N_("Frameworks"),
	[TUI_CTX_SHEET] = N_("Rating sheets and targets"),
	[TUI_CTX_PERSON] = N_("A person"),
	[TUI_CTX_PEOPLE] = N_("People list"),
	[TUI_CTX_REPORT] = N_("Reports"),
	[TUI_CTX_IMPORT] = N_("Importing people"),
	[TUI_CTX_DUE] = N_("Due list"),
	[TUI_CTX_ROUNDS] = N_("Check-in rounds"),
	[TUI_CTX_CONFLICTS] = N_("Conflicts of merging laptops"),
	[TUI_CTX_ENROL] = N_("Enrolling people"),
	[TUI_CTX_HOST] = N_("A host organisation"),
	[TUI_CTX_WELCOME] = N_("Welcome"),
};

/* The bindings in force. */
static tui_key bound[TUI_A_COUNT][TUI_MAX_KEYS];
static int nbound[TUI_A_COUNT];
static int bindings_ready;

const struct tui_action_info *tui_action_info(enum tui_action a)
{
	return a >= 0 && a < TUI_A_COUNT ? &actions[a] : NULL;
}

/* Names an action had before: a [keys] section written then still works
 * (lup(1), KEYS, says so). */
static const struct { const char *name; enum tui_action a; } old_names[] = {
	{ "competence-view", TUI_A_VIEW_NEXT },
};

enum tui_action tui_action_by_name(const char *name)
{
	for (int a = 0; a < TUI_A_COUNT; a++)
		if (actions[a].name && strcasecmp(actions[a].name, name) == 0)
			return (enum tui_action)a;
	for (size_t i = 0; i < sizeof old_names / sizeof old_names[0]; i++)
		if (strcasecmp(old_names[i].name, name) == 0)
			return old_names[i].a;
	return TUI_A_NONE;
}

const char *tui_ctx_title(enum tui_ctx c)
{
	return c >= 0 && c < TUI_CTX_COUNT && contexts[c] ? contexts[c] : "";
}

/* ---- key names ---- */

static const struct { const char *name; tui_key key; } names[] = {
	{ "Enter", TUI_KEY_ENTER }, { "Return", TUI_KEY_ENTER }, { "Esc", TUI_KEY_ESC },
	{ "Escape", TUI_KEY_ESC }, { "Tab", TUI_KEY_TAB }, { "S-Tab", TUI_KEY_BTAB },
	{ "BTab", TUI_KEY_BTAB }, { "Up", TUI_KEY_UP }, { "Down", TUI_KEY_DOWN },
	{ "Left", TUI_KEY_LEFT }, { "Right", TUI_KEY_RIGHT }, { "PgUp", TUI_KEY_PGUP },
	{ "PageUp", TUI_KEY_PGUP }, { "PgDn", TUI_KEY_PGDN }, { "PageDown", TUI_KEY_PGDN },
	{ "Home", TUI_KEY_HOME }, { "End", TUI_KEY_END }, { "Ins", TUI_KEY_INS },
	{ "Insert", TUI_KEY_INS }, { "Del", TUI_KEY_DEL }, { "Delete", TUI_KEY_DEL },
	{ "BS", TUI_KEY_BS }, { "Backspace", TUI_KEY_BS }, { "Space", TUI_KEY_SPACE },
};

int tui_key_is_text(tui_key k)
{
	return k >= 0x20 && k != 0x7f && k < TUI_KEY_SPECIAL && !(k >= 0x80 && k < 0xa0) &&
	       !(k >= 0xd800 && k < 0xe000);
}

tui_key tui_key_parse(const char *s)
{
	size_t n;
	uint32_t cp;

	if (!s || !*s)
		return TUI_KEY_NONE;
	n = strlen(s);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].name) == 0)
			return names[i].key;
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 && s[1] >= '1' && s[1] <= '9') {
		int f = s[1] - '0';
		if (n == 3) {
			if (s[2] < '0' || s[2] > '9')
				return TUI_KEY_NONE;
			f = f * 10 + (s[2] - '0');
		}
		return f >= 1 && f <= 12 ? TUI_KEY_F(f) : TUI_KEY_NONE;
	}
	if (n == 2 && s[0] == '^' && s[1] != ' ') {
		int c = s[1];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c >= '@' && c <= '_' && c != 'M' && c != 'I' && c != '[' && c != 'H')
			return TUI_KEY_CTRL(c) ? TUI_KEY_CTRL(c) : TUI_KEY_NONE;
		if (c == '?' || c == 'H') return TUI_KEY_BS;   /* terminals send either */
		if (c == 'M') return TUI_KEY_ENTER;
		if (c == 'I') return TUI_KEY_TAB;
		if (c == '[') return TUI_KEY_ESC;
		return TUI_KEY_NONE;
	}
	if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		char t[3] = { '^', s[2], 0 };
		return tui_key_parse(t);
	}
	if (lup_utf8_decode(s, n, &cp) == n && tui_key_is_text((tui_key)cp) && lup_cp_width(cp) > 0)
		return (tui_key)cp;
	return TUI_KEY_NONE;
}

const char *tui_key_name(tui_key k, char buf[16])
{
	static const char *const special[] = {
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End", "Ins", "Del", "S-Tab"
	};
	switch (k) {
	case TUI_KEY_ENTER: return "Enter";
	case TUI_KEY_ESC: return "Esc";
	case TUI_KEY_TAB: return "Tab";
	case TUI_KEY_SPACE: return "Space";
	case TUI_KEY_BS: return "BS";
	default: break;
	}
	if (k > 0 && k < 0x20) {
		buf[0] = '^';
		buf[1] = (char)(k + '@');
		buf[2] = 0;
	} else if (k >= TUI_KEY_UP && k <= TUI_KEY_BTAB) {
		return special[k - TUI_KEY_UP];
	} else if (k > TUI_KEY_F0 && k <= TUI_KEY_F(12)) {
		snprintf(buf, 16, "F%d", k - TUI_KEY_F0);
	} else if (tui_key_is_text(k)) {
		size_t n = lup_utf8_encode((uint32_t)k, buf);
		buf[n] = 0;
	} else {
		snprintf(buf, 16, "?");
	}
	return buf;
}

/* The names people read.  Enter, Esc and Tab keep their names: they are
 * printed on the keys of Swedish keyboards too. */
const char *tui_key_label(tui_key k, char buf[16])
{
	const char *s = NULL;
	switch (k) {
	case TUI_KEY_SPACE: s = C_("key", "Space"); break;
	case TUI_KEY_BS: s = C_("key", "BS"); break;
	case TUI_KEY_BTAB: s = C_("key", "S-Tab"); break;
	case TUI_KEY_UP: s = C_("key", "Up"); break;
	case TUI_KEY_DOWN: s = C_("key", "Down"); break;
	case TUI_KEY_LEFT: s = C_("key", "Left"); break;
	case TUI_KEY_RIGHT: s = C_("key", "Right"); break;
	case TUI_KEY_PGUP: s = C_("key", "PgUp"); break;
	case TUI_KEY_PGDN: s = C_("key", "PgDn"); break;
	case TUI_KEY_DEL: s = C_("key", "Del"); break;
	default: break;
	}
	if (s) {
		snprintf(buf, 16, "%s", s);
		return buf;
	}
	if (k > 0 && k < 0x20 && k != TUI_KEY_TAB && k != TUI_KEY_ENTER && k != TUI_KEY_ESC) {
		/* TRANSLATORS: a Control key, %c its letter: "^S" (Ctrl-S). */
		snprintf(buf, 16, C_("key", "^%c"), (char)(k + '@'));
		return buf;
	}
	return tui_key_name(k, buf);
}

tui_key tui_action_shown_key(enum tui_action a, tui_ctxmask ctxmask)
{
	tui_key k[TUI_MAX_KEYS];
	int n = tui_action_live_keys(a, ctxmask, k);
	if (n == 0)
		return TUI_KEY_NONE;
	if (a == TUI_A_YES) {
		/* TRANSLATORS: the key shown for Yes in questions: a key Yes is
		 * bound to ("y", "j"); "j" works in every language. */
		tui_key own = tui_key_parse(C_("key", "y"));
		for (int i = 0; i < n; i++)
			if (k[i] == own)
				return own;
	}
	return k[0];
}

/* ---- bindings ---- */

/* Split a key list into at most TUI_MAX_KEYS keys; -1 with *bad and *badlen at
 * the first unparsable name. */
static int parse_keys(const char *s, tui_key out[TUI_MAX_KEYS], int *n,
                      const char **bad, size_t *badlen)
{
	*n = 0;
	while (*s) {
		char tok[32];
		size_t len;
		tui_key k;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		len = strcspn(s, " \t");
		k = len < sizeof tok ? (memcpy(tok, s, len), tok[len] = 0, tui_key_parse(tok)) : TUI_KEY_NONE;
		if (k == TUI_KEY_NONE) {
			if (bad) *bad = s;
			if (badlen) *badlen = len;
			return -1;
		}
		if (*n < TUI_MAX_KEYS)
			out[(*n)++] = k;
		s += len;
	}
	return 0;
}

void tui_keys_defaults(void)
{
	for (int a = 0; a < TUI_A_COUNT; a++)
		if (parse_keys(actions[a].keys ? actions[a].keys : "", bound[a], &nbound[a], NULL, NULL) < 0)
			nbound[a] = 0;
	bindings_ready = 1;
}

static void ready(void)
{
	if (!bindings_ready)
		tui_keys_defaults();
}

int tui_keys_bind(enum tui_action a, const char *keys, const char **bad, size_t *badlen)
{
	tui_key k[TUI_MAX_KEYS];
	int n;
	ready();
	if (a < 0 || a >= TUI_A_COUNT || parse_keys(keys, k, &n, bad, badlen) < 0)
		return -1;
	/* A key given to this action leaves the other actions of its context. */
	for (int b = 0; b < TUI_A_COUNT; b++) {
		if (b == (int)a || actions[b].ctx != actions[a].ctx)
			continue;
		for (int i = 0; i < nbound[b];) {
			int hit = 0;
			for (int j = 0; j < n; j++)
				hit |= bound[b][i] == k[j];
			if (hit) {
				memmove(&bound[b][i], &bound[b][i + 1], (size_t)(nbound[b] - i - 1) * sizeof(tui_key));
				nbound[b]--;
			} else {
				i++;
			}
		}
	}
	memcpy(bound[a], k, sizeof k);
	nbound[a] = n;
	return 0;
}

struct load_ctx {
	lup_warn_cb warn;
	void *ud;
	int warnings;
};

static void load_one(void *ud, const char *key, const char *value)
{
	struct load_ctx *lc = ud;
	enum tui_action a = tui_action_by_name(key);
	char msg[256];
	const char *bad = NULL;
	size_t badlen = 0;

	if (a == TUI_A_NONE) {
		snprintf(msg, sizeof msg, _("[keys] %s: there is no such action (see lup(1), KEYS)"), key);
	} else if (tui_keys_bind(a, value, &bad, &badlen) < 0) {
		snprintf(msg, sizeof msg, _("[keys] %s: '%.*s' is not a key name (see lup(1), KEYS)"),
		         key, (int)(badlen > 40 ? 40 : badlen), bad ? bad : "");
	} else {
		return;
	}
	lc->warnings++;
	if (lc->warn)
		lc->warn(lc->ud, msg);
}

int tui_keys_load(const lup_config *cfg, lup_warn_cb warn, void *ud)
{
	struct load_ctx lc = { warn, ud, 0 };
	tui_keys_defaults();
	if (cfg)
		lup_config_each(cfg, "keys", load_one, &lc);
	/* An action that had keys and has none now (its key given to another
	 * action, or "quit =") could not be reached: say so. */
	for (int a = 0; cfg && a < TUI_A_COUNT; a++) {
		char msg[256];
		if (nbound[a] > 0 || !actions[a].keys || !*actions[a].keys)
			continue;
		snprintf(msg, sizeof msg, _("[keys] %s has no key left: its keys were given to "
		                            "another action or left empty"), actions[a].name);
		lc.warnings++;
		if (lc.warn)
			lc.warn(lc.ud, msg);
	}
	return lc.warnings;
}

int tui_action_keys(enum tui_action a, tui_key out[TUI_MAX_KEYS])
{
	ready();
	if (a < 0 || a >= TUI_A_COUNT)
		return 0;
	memcpy(out, bound[a], sizeof bound[a]);
	return nbound[a];
}

enum tui_action tui_action_for(tui_key k, tui_ctxmask ctxmask)
{
	enum tui_action best = TUI_A_NONE;
	int best_ctx = -1;
	ready();
	for (int a = 0; a < TUI_A_COUNT; a++) {
		int c = (int)actions[a].ctx;
		if (!(ctxmask & TUI_CTXBIT(c)) || c <= best_ctx)
			continue;
		for (int i = 0; i < nbound[a]; i++)
			if (bound[a][i] == k) {
				best = (enum tui_action)a;
				best_ctx = c;
				break;
			}
	}
	return best;
}

int tui_action_live_keys(enum tui_action a, tui_ctxmask ctxmask, tui_key out[TUI_MAX_KEYS])
{
	int n = 0;
	ready();
	if (a < 0 || a >= TUI_A_COUNT)
		return 0;
	for (int i = 0; i < nbound[a]; i++)
		if (tui_action_for(bound[a][i], ctxmask) == a)
			out[n++] = bound[a][i];
	return n;
}

const char *tui_action_keys_text(enum tui_action a, char *buf, size_t n)
{
	size_t used = 0;
	char kb[16];
	ready();
	if (n)
		buf[0] = 0;
	if (a < 0 || a >= TUI_A_COUNT)
		return buf;
	for (int i = 0; i < nbound[a] && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", tui_key_label(bound[a][i], kb));
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* ---- lup(1) ---- */

static void mdoc_key(FILE *fp, tui_key k)
{
	char kb[16];
	const char *s = tui_key_name(k, kb);
	fputs("Cm ", fp);
	/* \& keeps mdoc from reading punctuation as a delimiter. */
	fputs("\\&", fp);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", fp);
		else if (*s == '"')
			fputs("\\(dq", fp);
		else
			fputc(*s, fp);
	}
}

void tui_keys_dump_mdoc(FILE *fp)
{
	ready();
	fputs("Every key can be bound differently in the\n.Cm [keys]\nsection of\n"
	      ".Xr lup.ini 5 :\n.Dl action = key key ...\nKey names are single characters,\n"
	      ".Cm ^X\nfor Control-X,\n.Cm F1\nto\n.Cm F12 ,\nand\n"
	      ".Cm Enter , Esc , Tab , S-Tab , Up , Down , Left , Right , PgUp , PgDn ,\n"
	      ".Cm Home , End , Ins , Del , BS\nand\n.Cm Space .\n"
	      "An empty list unbinds the action.\n"
	      "The name\n.Li competence-view\nof earlier versions still binds\n.Li view-next .\n"
	      "In text fields, characters and the editing keys\n"
	      ".Cm ^A , ^E , ^K , ^U , ^W , Left , Right , Home , End , BS\nand\n.Cm Del\n"
	      "edit the text.\n", fp);
	for (int c = 0; c < TUI_CTX_COUNT; c++) {
		int any = 0;
		for (int a = 0; a < TUI_A_COUNT; a++) {
			if ((int)actions[a].ctx != c)
				continue;
			if (!any) {
				fprintf(fp, ".Ss %s\n.Bl -tag -width \"Left, Right\" -compact\n", contexts[c]);
				any = 1;
			}
			fputs(".It ", fp);
			if (nbound[a] == 0)
				fputs("Pq unbound", fp);
			for (int i = 0; i < nbound[a]; i++) {
				if (i)
					fputs(" , ", fp);
				mdoc_key(fp, bound[a][i]);
			}
			fprintf(fp, "\n.Pq Li %s\n%s.\n", actions[a].name, actions[a].help);
		}
		if (any)
			fputs(".El\n", fp);
	}
}
