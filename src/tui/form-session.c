/*
 * tui/form-session: the session form (Enter or e in the Sessions hub) —
 * the session's fields, its history (at, user, what: old -> new, newest
 * last, PgUp/PgDn scroll) and the date and time fields; OK with a changed
 * date or time reschedules through core/schedule, which writes a history
 * row.  The Online button opens the session's Online view
 * (view-online.c).  Esc closes and writes nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/schedule.h"
#include "store/lists.h"
#include "store/session.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/sessions-act.h"
#include "util/xalloc.h"

#define SF_INFO_ROWS	4
#define SF_HIST_ROWS	7

enum { F_DATE, F_TIME };

static const struct form_field session_fields[] = {
	{ N_("Date"), FORM_DATE, 1, 10, NULL },
	{ N_("Time"), FORM_TIME, 1, 5, NULL },
};

struct session_form {
	struct tui_layer	 layer;
	long long		 id, number;
	char			*title;
	char			*info[SF_INFO_ROWS];
	char			*starts_at;
	struct textpane		 hist;
	struct form_page	*page;
};

struct sf_detail {
	char	*client, *org, *type, *status, *time, *student;
};

static void
sf_detail_row(const char *label, const char *value, void *arg)
{
	struct sf_detail *d = arg;
	char **slot = NULL;

	if (strcmp(label, "client") == 0)
		slot = &d->client;
	else if (strcmp(label, "organization") == 0)
		slot = &d->org;
	else if (strcmp(label, "type") == 0)
		slot = &d->type;
	else if (strcmp(label, "status") == 0)
		slot = &d->status;
	else if (strcmp(label, "time") == 0)
		slot = &d->time;
	else if (strcmp(label, "student_id") == 0)
		slot = &d->student;
	if (slot != NULL && *slot == NULL)
		*slot = xstrdup(value != NULL ? value : "");
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static int
sf_history_row(const char *at, const char *user, const char *what,
    const char *old_value, const char *new_value, void *arg)
{
	struct textpane *tp = arg;
	char when[32];

	sess_at(at, when, sizeof when);
	if (old_value != NULL && *old_value != '\0')
		textpane_add(tp, "%s  %-8s %-8s %s -> %s", when, nz(user),
		    nz(what), old_value, nz(new_value));
	else
		textpane_add(tp, "%s  %-8s %-8s %s", when, nz(user),
		    nz(what), nz(new_value));
	return 0;
}

/* (Re)reads the session: fields, history, date and time. */
static void
sf_load(struct session_form *sf)
{
	struct sf_detail d;
	int i;

	memset(&d, 0, sizeof d);
	lists_detail(tui_store(), LISTS_SESSIONS, sf->id, sf_detail_row, &d);
	for (i = 0; i < SF_INFO_ROWS; i++)
		free(sf->info[i]);
	sf->info[0] = xasprintf("%s: %s   %s: %s", _("Client"), nz(d.client),
	    _("Student ID"), nz(d.student));
	sf->info[1] = xasprintf("%s: %s", _("Organization"), nz(d.org));
	sf->info[2] = xasprintf("%s: %s   %s: %s", _("Type"), nz(d.type),
	    _("Status"), nz(d.status));
	sf->info[3] = xasprintf("%s: %s", _("Time"), d.time != NULL &&
	    *d.time != '\0' ? d.time : _("not booked"));
	free(sf->starts_at);
	sf->starts_at = d.time;
	textpane_clear(&sf->hist);
	store_history_each(tui_store(), sf->id, sf_history_row, &sf->hist);
	if (sf->hist.n == 0)
		textpane_add(&sf->hist, "%s", _("(no history)"));
	sf->hist.top = sf->hist.n;	/* the newest at the bottom */
	free(d.client);
	free(d.org);
	free(d.type);
	free(d.status);
	free(d.student);
}

static void
sf_draw(struct tui_layer *tl)
{
	struct session_form *sf = (struct session_form *)tl;
	static const char *buttons[3];
	int w = COLS - 4 < 76 ? COLS - 4 : 76;
	int h = SF_INFO_ROWS + SF_HIST_ROWS + form_page_rows(sf->page) + 5;
	int y = (LINES - h) / 2, x = (COLS - w) / 2, i, hy;

	buttons[0] = _("Reschedule");
	buttons[1] = _("Online");
	buttons[2] = _("Close");
	tui_box(y, x, h, w, sf->title);
	for (i = 0; i < SF_INFO_ROWS; i++)
		tui_put(y + 1 + i, x + 2, w - 4, ROLE_NORMAL, sf->info[i]);
	hy = y + 1 + SF_INFO_ROWS;
	tui_put(hy, x + 2, w - 4, ROLE_HEADER,
	    _("History (at, user, what: old -> new)"));
	textpane_draw(&sf->hist, hy + 1, x + 2, SF_HIST_ROWS, w - 4);
	form_page_draw(sf->page, hy + 1 + SF_HIST_ROWS, x + 2, w - 4);
	form_page_draw_buttons(sf->page, y + h - 2, x, w, buttons, 3);
	form_page_cursor(sf->page);
}

static void
sf_free(struct tui_layer *tl)
{
	struct session_form *sf = (struct session_form *)tl;
	int i;

	for (i = 0; i < SF_INFO_ROWS; i++)
		free(sf->info[i]);
	textpane_clear(&sf->hist);
	form_page_free(sf->page);
	free(sf->starts_at);
	free(sf->title);
	free(sf);
}

static void
sf_ok(struct session_form *sf)
{
	const char *date = form_value(sf->page, F_DATE);
	const char *time = form_value(sf->page, F_TIME);
	char *cause = NULL, *want;
	int same;

	if (form_page_check(sf->page, &cause) != 0) {
		form_page_set_error(sf->page, cause);
		free(cause);
		return;
	}
	want = xasprintf("%s %s", date, time);
	same = sf->starts_at != NULL && strcmp(sf->starts_at, want) == 0;
	free(want);
	if (same) {
		tui_pop();
		return;
	}
	if (schedule_reschedule(tui_store(), sf->number, date, time,
	    &cause) != 0) {
		form_page_set_error(sf->page, cause);
		free(cause);
		return;
	}
	tui_message(_("session %lld moved to %s %s"), sf->number, date, time);
	tui_reload_all();
	tui_pop();
}

static int
sf_key(struct tui_layer *tl, int key)
{
	struct session_form *sf = (struct session_form *)tl;
	int button = 0;

	if (key == KEY_PPAGE || key == KEY_NPAGE) {
		textpane_key(&sf->hist, key, SF_HIST_ROWS);
		tui_dirty(TUI_DIRTY_LAYERS);
		return TUI_HANDLED;
	}
	switch (form_page_key(sf->page, key, 3, &button)) {
	case FORM_KEY_DEFAULT:
		sf_ok(sf);
		break;
	case FORM_KEY_BUTTON:
		if (button == 0)
			sf_ok(sf);
		else if (button == 1)
			sessions_online_open(sf->number);
		else
			tui_pop();
		break;
	case FORM_KEY_CANCEL:
		tui_pop();
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

void
sessions_form_open(struct hub_list *hl)
{
	struct session_form *sf;
	long long id = list_current(hl->list), number = sess_number(id);

	if (number == 0) {
		tui_error("%s", _("no session here"));
		return;
	}
	sf = xcalloc(1, sizeof *sf);
	sf->layer.draw = sf_draw;
	sf->layer.key = sf_key;
	sf->layer.free = sf_free;
	sf->id = id;
	sf->number = number;
	sf->title = xasprintf(_("Session %lld"), number);
	sf->page = form_page_new(session_fields, 2, sf);
	sf_load(sf);
	if (sf->starts_at != NULL && strlen(sf->starts_at) >= 16) {
		char day[11], hm[6];

		memcpy(day, sf->starts_at, 10);
		day[10] = '\0';
		memcpy(hm, sf->starts_at + 11, 5);
		hm[5] = '\0';
		form_set_value(sf->page, F_DATE, day);
		form_set_value(sf->page, F_TIME, hm);
	}
	tui_push(&sf->layer);
}
