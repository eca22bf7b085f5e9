/*
 * tui/hub-clients: the Clients hub — every client by name (teachers and
 * staff say so in the Role column) with the detail of the current one.  Ctrl+N the new client form, Enter or e edits, d
 * deletes (asks first), i the Client Import wizard, s/S sort; the forms
 * and the wizard live in form-client.c and wizard-client-import.c
 * (clients.h).
 */
#include "config.h"

#include "store/lists.h"
#include "tui/clients.h"
#include "tui/hub.h"

static const struct list_column clients_cols[] = {
	{ N_("Last name"), 1, 14, 2, 0 },
	{ N_("First name"), 2, 12, 1, 0 },
	{ N_("Student ID"), 3, 10, 0, 0 },
	{ N_("Grade"), 4, 5, 0, 0 },
	{ N_("Teacher"), 5, 12, 1, 0 },
	{ N_("Organization"), 6, 12, 1, 0 },
	{ N_("Role"), 7, 7, 0, 0 },
};

static void
clients_init(struct hub *h)
{
	struct hub_list *hl;

	hl = hub_list_new(LISTS_CLIENTS, clients_cols,
	    sizeof clients_cols / sizeof clients_cols[0], 6, NULL);
	list_set_sort(hl->list, 0, 0);
	h->data = hl;
}

static int
clients_key(struct hub *h, int key, enum tui_action act)
{
	long long id = list_current(hub_list_hub_list(h));

	(void)key;
	switch (act) {
	case ACT_NEW_CLIENT:
		form_client_open(0);
		return TUI_HANDLED;
	case ACT_IMPORT_CLIENTS:
		wizard_client_import_open();
		return TUI_HANDLED;
	case ACT_EDIT_CLIENT:
		if (id != 0)
			form_client_open(id);
		return TUI_HANDLED;
	case ACT_DELETE_CLIENT:
		form_client_delete(id);
		return TUI_HANDLED;
	case ACT_SORT_CLIENTS:
	case ACT_SORT_CLIENTS_REVERSE:
		list_sort_cycle(hub_list_hub_list(h),
		    act == ACT_SORT_CLIENTS_REVERSE);
		return TUI_HANDLED;
	default:
		return TUI_NOT_MINE;
	}
}

struct hub hub_clients = {
	N_("Clients"), SCOPE_CLIENTS,
	N_("students and other clients, by name"),
	clients_init, hub_list_hub_free, hub_list_hub_draw, clients_key,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
