/*
 * tui/keys: the one table of keys.  Each row binds up to three key codes in
 * one scope to an action, with the label and the line the help screen
 * shows (tig's REQ_INFO, mutt's OPS).  A feature that adds a hub or a key
 * adds its rows here, and the help screen follows.
 *
 * Columns: action, scope, key codes (0: none), key label, help text.
 */
#ifndef PICDAY_TUI_KEYS_H
#define PICDAY_TUI_KEYS_H

#include <curses.h>

#include "util/i18n.h"

#define TUI_CTRL(c)	((c) & 0x1f)
#define TUI_ESC		27

/*
 * A key is an int: a curses KEY_* code for a function key, else the
 * character; characters past 255 are offset by TUI_KEY_WIDE so they never
 * meet a KEY_* code.  tui_key_char() gives the character back, or -1.
 */
#define TUI_KEY_WIDE	0x1000000
#define TUI_KEY_FROM_CHAR(wc) ((wc) < 256 ? (int)(wc) : (int)(wc) + TUI_KEY_WIDE)
static inline int
tui_key_char(int key)
{
	if (key >= TUI_KEY_WIDE)
		return key - TUI_KEY_WIDE;
	if (key >= 32 && key < 256 && key != 127)
		return key;
	return -1;
}

enum tui_scope {
	SCOPE_GLOBAL,
	SCOPE_LIST,
	SCOPE_FORM,
	SCOPE_CLIENTS,
	SCOPE_SESSIONS,
	SCOPE_WORKFLOW,
	SCOPE_INVOICES,
	SCOPE_PRODUCTION,
	SCOPE_CONTROL,
	SCOPE_SETUP,
	SCOPE_NSCOPES
};

#define TUI_KEYS(X) \
	X(QUIT, GLOBAL, 'q', 0, 0, "q", N_("Quit (asks first while a job runs)")) \
	X(HELP, GLOBAL, '?', KEY_F(1), 0, "? F1", N_("This help")) \
	X(NEXT_HUB, GLOBAL, '\t', KEY_RIGHT, 0, "Tab →", N_("Next hub")) \
	X(PREV_HUB, GLOBAL, KEY_BTAB, KEY_LEFT, 0, "S-Tab ←", N_("Previous hub")) \
	X(HUB_1, GLOBAL, '1', 0, 0, "1", N_("Clients hub")) \
	X(HUB_2, GLOBAL, '2', 0, 0, "2", N_("Sessions hub")) \
	X(HUB_3, GLOBAL, '3', 0, 0, "3", N_("Workflow hub")) \
	X(HUB_4, GLOBAL, '4', 0, 0, "4", N_("Invoices hub")) \
	X(HUB_5, GLOBAL, '5', 0, 0, "5", N_("Production hub")) \
	X(HUB_6, GLOBAL, '6', 0, 0, "6", N_("Control Center")) \
	X(HUB_7, GLOBAL, '7', 0, 0, "7", N_("Setup hub")) \
	X(REDRAW, GLOBAL, TUI_CTRL('L'), 0, 0, "C-l", N_("Redraw the screen")) \
	X(UP, LIST, KEY_UP, 'k', 0, "↑ k", N_("Previous row")) \
	X(DOWN, LIST, KEY_DOWN, 'j', 0, "↓ j", N_("Next row")) \
	X(PAGE_UP, LIST, KEY_PPAGE, TUI_CTRL('B'), 0, "PgUp C-b", N_("Previous page")) \
	X(PAGE_DOWN, LIST, KEY_NPAGE, TUI_CTRL('F'), 0, "PgDn C-f", N_("Next page")) \
	X(FIRST, LIST, KEY_HOME, 'g', 0, "Home g", N_("First row")) \
	X(LAST, LIST, KEY_END, 'G', 0, "End G", N_("Last row")) \
	X(TAG, LIST, ' ', 0, 0, "Space", N_("Tag or untag the row")) \
	X(TAG_UP, LIST, KEY_SR, 0, 0, "S-↑", N_("Extend the tagged range up")) \
	X(TAG_DOWN, LIST, KEY_SF, 0, 0, "S-↓", N_("Extend the tagged range down")) \
	X(TAG_ALL, LIST, 'a', 0, 0, "a", N_("Tag every row of the filter (again: untag all)")) \
	X(FILTER, LIST, '/', 0, 0, "/", N_("Filter as you type (Enter keeps, Esc clears)")) \
	X(CLEAR_FILTER, LIST, TUI_ESC, 0, 0, "Esc", N_("Clear the filter")) \
	X(FIELD_NEXT, FORM, '\t', KEY_DOWN, 0, "Tab ↓", N_("Next field or button")) \
	X(FIELD_PREV, FORM, KEY_BTAB, KEY_UP, 0, "S-Tab ↑", N_("Previous field or button")) \
	X(CHOICE_NEXT, FORM, KEY_RIGHT, 0, 0, "→", N_("Next choice")) \
	X(CHOICE_PREV, FORM, KEY_LEFT, 0, 0, "←", N_("Previous choice")) \
	X(ACCEPT, FORM, '\n', '\r', KEY_ENTER, "Enter", N_("Next field; on a button, press it")) \
	X(CANCEL, FORM, TUI_ESC, 0, 0, "Esc", N_("Cancel: nothing is written")) \
	X(NEW_CLIENT, CLIENTS, TUI_CTRL('N'), 0, 0, "C-n", N_("New client")) \
	X(IMPORT_CLIENTS, CLIENTS, 'i', 0, 0, "i", N_("Import clients from a roster file (CSV)")) \
	X(EDIT_CLIENT, CLIENTS, 'e', '\n', '\r', "Enter e", N_("Edit the client")) \
	X(DELETE_CLIENT, CLIENTS, 'd', KEY_DC, 0, "d Del", N_("Delete the client (asks first)")) \
	X(SORT_CLIENTS, CLIENTS, 's', 0, 0, "s", N_("Sort by the next column: last name, first name, student ID, grade, teacher")) \
	X(SORT_CLIENTS_REVERSE, CLIENTS, 'S', 0, 0, "S", N_("Reverse the sort (the arrow in the header shows it)")) \
	X(FILTER_WIZARD, SESSIONS, 'w', 0, 0, "w", N_("Filter wizard: organization, then status")) \
	X(CLEAR_WHERE, SESSIONS, 'c', 0, 0, "c", N_("Clear the organization/status filter")) \
	X(SCHEDULE, SESSIONS, 'b', 0, 0, "b", N_("Bulk Scheduling wizard: book an organization's clients into slots")) \
	X(ADVANCE, SESSIONS, 'A', '>', 0, "A >", N_("Advance Status of the tagged sessions, else this one")) \
	X(SESSION_FORM, SESSIONS, 'e', '\n', '\r', "Enter e", N_("The session with its history; reschedule it")) \
	X(ONLINE, SESSIONS, 'o', 0, 0, "o", N_("Online: the session's grants and digital delivery; build, publish")) \
	X(PRINT_QR, SESSIONS, 'p', 0, 0, "p", N_("Print QR codes (PDF) of the tagged sessions, else the list")) \
	X(EXPORT, SESSIONS, 'x', 0, 0, "x", N_("Export the tagged sessions, else the list, with a column chooser")) \
	X(MAIL, SESSIONS, 'm', 0, 0, "m", N_("Schedule e-mails to the tagged sessions, else this one")) \
	X(MAIL_DELIVERY, SESSIONS, 'M', 0, 0, "M", N_("Delivery e-mails: each family its published download link")) \
	X(YEARBOOK, SESSIONS, 'y', 0, 0, "y", N_("Yearbook (PSPA) volume of an organization")) \
	X(COMPOSITE, SESSIONS, 'C', 0, 0, "C", N_("Class composites (PDF) of an organization")) \
	X(SORT_SESSIONS, SESSIONS, 's', 0, 0, "s", N_("Sort by number or by time (the arrow in the header shows it)")) \
	X(SORT_SESSIONS_REVERSE, SESSIONS, 'S', 0, 0, "S", N_("Reverse the sort")) \
	X(WF_FRAMES, WORKFLOW, '\n', '\r', KEY_ENTER, "Enter", N_("Go to the session's frames, and back")) \
	X(WF_BACK, WORKFLOW, TUI_ESC, KEY_BACKSPACE, 0, "Esc", N_("Back from the frames to the sessions")) \
	X(WF_SELECT, WORKFLOW, 's', '*', 0, "s *", N_("Select the frame (the ✓ mark), or unselect it")) \
	X(WF_IMPORT, WORKFLOW, 'i', 0, 0, "i", N_("Bulk Image Import: sort a card by QR code or metadata")) \
	X(WF_MANUAL, WORKFLOW, 'm', 0, 0, "m", N_("Import a folder into this session (reshoot, absentee)")) \
	X(WF_ORDER, WORKFLOW, 'o', 0, 0, "o", N_("Sales presentation: the frames large, items added, Finish makes the invoice")) \
	X(WF_CAPTURE, WORKFLOW, 'c', 0, 0, "c", N_("Group Capture: import a hot folder's new frames as they arrive")) \
	X(WF_COMPOSITE, WORKFLOW, 'C', 0, 0, "C", N_("Flag the frame as a composite (C), or not")) \
	X(WF_GROUP_ADD, WORKFLOW, '+', 0, 0, "+", N_("Put the frame into an image group of its session (asks the name)")) \
	X(WF_GROUP_REMOVE, WORKFLOW, '-', 0, 0, "-", N_("Take the frame out of an image group (asks the name)")) \
	X(IMPORT_INVOICES, INVOICES, 'i', 0, 0, "i", N_("Invoice Import: a CSV of invoices, dry run, then import")) \
	X(INVOICE_LINES, INVOICES, '\n', '\r', KEY_ENTER, "Enter", N_("The invoice's lines")) \
	X(SORT_INVOICES, INVOICES, 's', 0, 0, "s", N_("Sort by number or by date (the arrow in the header shows it)")) \
	X(SORT_INVOICES_REVERSE, INVOICES, 'S', 0, 0, "S", N_("Reverse the sort")) \
	X(RENDER_ORDER, PRODUCTION, 'r', 0, 0, "r", N_("Render the order for the lab (prints, manifest, production sheet)")) \
	X(RERENDER_ORDER, PRODUCTION, 'R', 0, 0, "R", N_("Render every print of the order again (after a crop changed)")) \
	X(CROP_ORDER, PRODUCTION, 'c', 0, 0, "c", N_("Crop editor: the picture of each print of the order with the rectangle it keeps (move, zoom, turn)")) \
	X(SHIP_ORDER, PRODUCTION, 'S', 0, 0, "S", N_("Mark the order shipped (its session is Complete when all its orders are)")) \
	X(RETRY_JOB, CONTROL, 'r', 0, 0, "r", N_("Retry the tagged jobs, else this one")) \
	X(CANCEL_JOB, CONTROL, 'c', 0, 0, "c", N_("Cancel the tagged jobs, else this one")) \
	X(SETUP_NEXT_LIST, SETUP, 'l', 0, 0, "l", N_("Switch between organizations, statuses and price lists")) \
	X(SETUP_ORGS, SETUP, 'o', 0, 0, "o", N_("Organizations")) \
	X(SETUP_STATUSES, SETUP, 't', 0, 0, "t", N_("Statuses of the workflow, in order")) \
	X(SETUP_PRICES, SETUP, 'p', 0, 0, "p", N_("Price lists: items, prices, print and sheet sizes, grants")) \
	X(SETUP_MAIL, SETUP, 'm', 0, 0, "m", N_("Mail settings: sender, SMTP server, schedule e-mail")) \
	X(SETUP_UPLOAD, SETUP, 'u', 0, 0, "u", N_("Upload target: URL, user, keys, parallel, rate limit; saving tests it")) \
	X(SETUP_MONEY, SETUP, '$', 0, 0, "$", N_("Money format: currency symbol and where it goes, thousands and decimal marks, with an example")) \
	X(SETUP_DELIVERY, SETUP, 'D', 0, 0, "D", N_("Digital delivery: watermark, release, auto group, on invoice, presigned URLs, e-mail")) \
	X(SETUP_NEW, SETUP, 'n', TUI_CTRL('N'), 0, "n C-n", N_("Add an organization, or a status after this one")) \
	X(SETUP_EDIT, SETUP, 'e', '\n', '\r', "Enter e", N_("Edit the organization or rename the status")) \
	X(SETUP_DELETE, SETUP, 'd', KEY_DC, 0, "d Del", N_("Delete an organization without clients, or an unused status")) \
	X(SETUP_MOVE_UP, SETUP, 'K', 0, 0, "K", N_("Move the status up")) \
	X(SETUP_MOVE_DOWN, SETUP, 'J', 0, 0, "J", N_("Move the status down"))

enum tui_action {
	ACT_NONE,
#define TUI_KEY_ENUM(a, s, k1, k2, k3, label, help) ACT_##a,
	TUI_KEYS(TUI_KEY_ENUM)
#undef TUI_KEY_ENUM
	ACT_NACTIONS
};

/* The action of key in scope, or ACT_NONE. */
enum tui_action	 keys_action(int key, enum tui_scope);
/* Calls fn for every row of a scope, in table order (the help screen). */
void		 keys_foreach(enum tui_scope, void (*fn)(const char *label,
		    const char *help, void *), void *arg);

#endif
