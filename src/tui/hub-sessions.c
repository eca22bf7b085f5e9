/*
 * tui/hub-sessions: the Sessions hub — every session by number with its
 * client, organization, status and time; the detail of the current one;
 * `w`, the Filter wizard (step 1 organization, step 2 status; Finish
 * applies the filter, Esc leaves everything as it was); `x` clears it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/lists.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/wizard.h"
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

static void
sessions_wz_enter(struct wizard *wz, int page, void *arg)
{
	struct sessions_wz *sw = arg;
	struct form_choice *c;
	int n;

	if (sw->filled[page])
		return;
	sw->filled[page] = 1;
	if (page == 0)
		hub_choices(LISTS_ORGS, 1, _("(any organization)"), &c, &n);
	else
		hub_choices(LISTS_STATUSES, 2, _("(any status)"), &c, &n);
	form_page_set_choices(wizard_page(wz, page), 0, c, n);
	hub_choices_free(c, n);
}

static const struct wizard_page sessions_wz_pages[] = {
	{ N_("Which organization?"),
	  N_("←/→ or a letter chooses; Enter goes on, Esc cancels."),
	  wz_org_fields, 1, sessions_wz_enter },
	{ N_("Which status?"),
	  N_("Finish shows only the sessions that match both."),
	  wz_status_fields, 1, sessions_wz_enter },
};

static void
sessions_note(struct hub_list *hl, const char *org, const char *status)
{
	free(hl->note_text);
	hl->note_text = NULL;
	if (org == NULL && status == NULL)
		return;
	hl->note_text = xasprintf(_("Only: %s%s%s   (x clears)"),
	    org != NULL ? org : "", org != NULL && status != NULL ? ", " : "",
	    status != NULL ? status : "");
}

static int
sessions_wz_finish(struct wizard *wz, void *arg, char **cause)
{
	struct hub_list *hl = hub_sessions.data;
	long long org = form_choice_id(wizard_page(wz, 0), 0);
	long long status = form_choice_id(wizard_page(wz, 1), 0);

	sessions_note(hl, org ? form_value(wizard_page(wz, 0), 0) : NULL,
	    status ? form_value(wizard_page(wz, 1), 0) : NULL);
	list_set_where(hl->list, org, status);
	tui_dirty(TUI_DIRTY_ALL);
	return 0;
}

static void
sessions_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_SESSIONS, sessions_cols,
	    sizeof sessions_cols / sizeof sessions_cols[0], 6, NULL);
}

static int
sessions_key(struct hub *h, int key, enum tui_action act)
{
	struct hub_list *hl = h->data;

	switch (act) {
	case ACT_FILTER_WIZARD:
		wizard_open(_("Filter sessions"), sessions_wz_pages,
		    2, sessions_wz_finish, free,
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
	default:
		return TUI_NOT_MINE;
	}
}

struct hub hub_sessions = {
	N_("Sessions"), SCOPE_SESSIONS,
	N_("every session by number: client, organization, status, time"),
	sessions_init, hub_list_hub_free, hub_list_hub_draw, sessions_key,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
