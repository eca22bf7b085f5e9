/*
 * tui/hub-sessions: the Sessions hub — every session by number with its
 * client, organization, status and time; the detail of the current one
 * with its latest history beside it; `w`, the Filter wizard (step 1
 * organization, step 2 status; Finish applies the filter, Esc leaves
 * everything as it was); `c` clears it.  The actions on the tagged
 * sessions (else the current one) live in their own files, see
 * tui/sessions-act.h: b schedule, A/> advance, Enter/e form, o Online,
 * p QR codes, x export, m e-mails, M delivery e-mails.  s/S sort by number or time.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/lists.h"
#include "store/session.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/sessions-act.h"
#include "tui/steps.h"
#include "util/xalloc.h"

static const struct list_column sessions_cols[] = {
	{ N_("Number"), 1, 7, 0, 1 },
	{ N_("Last name"), 2, 11, 2, 0 },
	{ N_("First name"), 3, 9, 1, 0 },
	{ N_("Student ID"), 4, 8, 0, 0 },
	{ N_("Organization"), 5, 10, 1, 0 },
	{ N_("Status"), 6, 11, 0, 0 },
	{ N_("Starts"), 7, 16, 0, 0 },
};

static const struct form_field wz_org_fields[] = {
	{ N_("Organization"), FORM_CHOICE, 0, 0, NULL },
};
static const struct form_field wz_status_fields[] = {
	{ N_("Status"), FORM_CHOICE, 0, 0, NULL },
};

struct sessions_wz {
	int	filled[2];
};

static int
sessions_wz_enter(struct steps *wz, int page, void *arg, char **cause)
{
	struct sessions_wz *sw = arg;
	struct form_choice *c;
	int n;

	if (sw->filled[page])
		return 0;
	sw->filled[page] = 1;
	if (page == 0)
		hub_choices(LISTS_ORGS, 1, _("(any organization)"), &c, &n);
	else
		hub_choices(LISTS_STATUSES, 2, _("(any status)"), &c, &n);
	form_page_set_choices(steps_form(wz, page), 0, c, n);
	hub_choices_free(c, n);
	return 0;
}

static const struct steps_page sessions_wz_pages[] = {
	{ .title = N_("Which organization?"),
	  .intro = N_("←/→ or a letter chooses; Enter goes on, Esc cancels."),
	  .fields = wz_org_fields, .nfields = 1,
	  .enter = sessions_wz_enter },
	{ .title = N_("Which status?"),
	  .intro = N_("Finish shows only the sessions that match both."),
	  .fields = wz_status_fields, .nfields = 1,
	  .enter = sessions_wz_enter },
};

static void
sessions_note(struct hub_list *hl, const char *org, const char *status)
{
	free(hl->note_text);
	hl->note_text = NULL;
	if (org == NULL && status == NULL)
		return;
	hl->note_text = xasprintf(_("Only: %s%s%s   (c clears)"),
	    org != NULL ? org : "", org != NULL && status != NULL ? ", " : "",
	    status != NULL ? status : "");
}

static int
sessions_wz_finish(struct steps *wz, void *arg, char **cause)
{
	struct hub_list *hl = hub_sessions.data;
	long long org = form_choice_id(steps_form(wz, 0), 0);
	long long status = form_choice_id(steps_form(wz, 1), 0);

	sessions_note(hl, org ? form_value(steps_form(wz, 0), 0) : NULL,
	    status ? form_value(steps_form(wz, 1), 0) : NULL);
	list_set_where(hl->list, org, status);
	tui_dirty(TUI_DIRTY_ALL);
	return 0;
}

/* The detail pane: the fields on the left, the latest history on the
 * right. */
#define SESSIONS_DETAIL	8

static int
sessions_hist_row(const char *at, const char *user, const char *what,
    const char *old_value, const char *new_value, void *arg)
{
	struct textpane *tp = arg;
	char when[32];

	(void)what;
	textpane_add(tp, "%s %s %s%s%s", sess_at(at, when, sizeof when),
	    user != NULL ? user : "", old_value != NULL ? old_value : "",
	    old_value != NULL ? " -> " : "", new_value != NULL ?
	    new_value : "");
	return 0;
}

static void
sessions_draw(struct hub *h, int y, int hgt, int w)
{
	struct hub_list *hl = h->data;
	struct textpane tp = { NULL, 0, 0 };
	long long id;
	int d = hgt > SESSIONS_DETAIL + 4 ? SESSIONS_DETAIL : 0;
	int wl = w / 2, hy = y + hgt - d;

	hub_list_draw(hl, y, hgt - d, w);
	if (d == 0)
		return;
	id = list_current(hl->list);
	tui_detail(LISTS_SESSIONS, id, hy, d, wl);
	attrset(tui_attr(ROLE_FRAME));
	mvhline(hy, wl, ACS_HLINE, w - wl);
	attrset(A_NORMAL);
	tui_fill(hy + 1, wl, w - wl, ROLE_NORMAL);
	if (id <= 0)
		return;
	tui_put(hy + 1, wl + 1, w - wl - 1, ROLE_LABEL, _("History:"));
	store_history_each(tui_store(), id, sessions_hist_row, &tp);
	tp.top = tp.n;		/* the newest ones */
	textpane_draw(&tp, hy + 2, wl + 1, d - 2, w - wl - 1);
	textpane_clear(&tp);
}

static void
sessions_init(struct hub *h)
{
	/* (The header shows the sort's arrow once s or S sorts.) */
	h->data = hub_list_new(LISTS_SESSIONS, sessions_cols,
	    sizeof sessions_cols / sizeof sessions_cols[0], 0, NULL);
}

static int
sessions_key(struct hub *h, int key, enum tui_action act)
{
	struct hub_list *hl = h->data;

	switch (act) {
	case ACT_FILTER_WIZARD:
		steps_open(_("Filter sessions"), sessions_wz_pages,
		    2, NULL, sessions_wz_finish, free,
		    xcalloc(1, sizeof(struct sessions_wz)));
		return TUI_HANDLED;
	case ACT_CLEAR_WHERE:
		if (list_filter(hl->list)->org_id == 0 &&
		    list_filter(hl->list)->status_id == 0)
			return TUI_NOT_MINE;
		sessions_note(hl, NULL, NULL);
		list_set_where(hl->list, 0, 0);
		tui_dirty(TUI_DIRTY_ALL);
		return TUI_HANDLED;
	case ACT_SCHEDULE:
		sessions_schedule_open(hl);
		return TUI_HANDLED;
	case ACT_ADVANCE:
		sessions_advance_open(hl);
		return TUI_HANDLED;
	case ACT_SESSION_FORM:
		sessions_form_open(hl);
		return TUI_HANDLED;
	case ACT_ONLINE:
		sessions_online_open(sess_number(list_current(hl->list)));
		return TUI_HANDLED;
	case ACT_PRINT_QR:
		sessions_qr_open(hl);
		return TUI_HANDLED;
	case ACT_EXPORT:
		sessions_export_open(hl);
		return TUI_HANDLED;
	case ACT_MAIL:
		sessions_mail_open(hl);
		return TUI_HANDLED;
	case ACT_MAIL_DELIVERY:
		sessions_delivery_mail_open(hl);
		return TUI_HANDLED;
	case ACT_YEARBOOK:
		sessions_pspa_open(hl);
		return TUI_HANDLED;
	case ACT_COMPOSITE:
		sessions_composite_open(hl);
		return TUI_HANDLED;
	case ACT_SORT_SESSIONS:
	case ACT_SORT_SESSIONS_REVERSE:
		list_sort_cycle(hl->list, act == ACT_SORT_SESSIONS_REVERSE);
		return TUI_HANDLED;
	default:
		return TUI_NOT_MINE;
	}
}

struct hub hub_sessions = {
	N_("Sessions"), SCOPE_SESSIONS,
	N_("every session by number: client, organization, status, time"),
	sessions_init, hub_list_hub_free, sessions_draw, sessions_key,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
