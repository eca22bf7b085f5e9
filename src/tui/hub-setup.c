/*
 * tui/hub-setup: the Setup hub.  Editing comes later; for now it lists the
 * organizations (with their clients and sessions) or, after `l`, the
 * statuses of the workflow.
 */
#include "config.h"

#include "store/lists.h"
#include "tui/hub.h"

static const struct list_column orgs_cols[] = {
	{ N_("Organization"), 1, 24, 2, 0 },
	{ N_("Code"), 2, 8, 0, 0 },
	{ N_("Clients"), 3, 8, 0, 1 },
	{ N_("Sessions"), 4, 9, 0, 1 },
};

static const struct list_column statuses_cols[] = {
	{ N_("Step"), 1, 4, 0, 1 },
	{ N_("Status"), 2, 20, 1, 0 },
	{ N_("On entering, queues"), 3, 20, 1, 0 },
	{ N_("Sessions"), 4, 9, 0, 1 },
};

struct setup {
	struct hub_list	*lists[2];
	int		 cur;
};

static struct setup setup;

static void
setup_init(struct hub *h)
{
	static const char *note = N_("Coming: editing. Organizations "
	    "(l: statuses).");
	static const char *note2 = N_("Coming: editing. Statuses "
	    "(l: organizations).");

	setup.lists[0] = hub_list_new(LISTS_ORGS, orgs_cols,
	    sizeof orgs_cols / sizeof orgs_cols[0], 4, note);
	setup.lists[1] = hub_list_new(LISTS_STATUSES, statuses_cols,
	    sizeof statuses_cols / sizeof statuses_cols[0], 4, note2);
	h->data = setup.lists[0];
}

static void
setup_free(struct hub *h)
{
	hub_list_free(setup.lists[0]);
	hub_list_free(setup.lists[1]);
	h->data = NULL;
}

static void
setup_reload(struct hub *h)
{
	list_reload(setup.lists[0]->list);
	list_reload(setup.lists[1]->list);
}

static int
setup_key(struct hub *h, int key, enum tui_action act)
{
	if (act != ACT_SETUP_NEXT_LIST)
		return TUI_NOT_MINE;
	setup.cur = !setup.cur;
	h->data = setup.lists[setup.cur];
	tui_dirty(TUI_DIRTY_ALL);
	return TUI_HANDLED;
}

struct hub hub_setup = {
	N_("Setup"), SCOPE_SETUP,
	N_("organizations and the status workflow"),
	setup_init, setup_free, hub_list_hub_draw, setup_key,
	setup_reload, hub_list_hub_list, NULL
};
