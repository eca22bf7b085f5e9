/*
 * tui/hub-setup: the Setup hub — organizations (o) and the statuses of the
 * workflow in order (t), the price lists' items (p; l switches between
 * the three), the mail settings form (m), the upload target (u) and the
 * money format ($).  n adds, Enter or e edits, d deletes what nothing uses, K and J
 * move a status up and down.  The forms are in form-setup.c (setup.h).
 */
#include "config.h"

#include "store/lists.h"
#include "tui/hub.h"
#include "tui/setup.h"

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

static const struct list_column prices_cols[] = {
	{ N_("Code"), 2, 8, 0, 0 },
	{ N_("Name"), 3, 16, 2, 0 },
	{ N_("Kind"), 4, 7, 0, 0 },
	{ N_("Price"), 5, 10, 0, LIST_MONEY },
	{ N_("Size"), 6, 12, 0, 0 },
	{ N_("Sheet"), 7, 12, 0, 0 },
	{ N_("List"), 1, 10, 1, 0 },
};

enum { SETUP_ORGS, SETUP_STATUSES, SETUP_PRICES, SETUP_NLISTS };

struct setup {
	struct hub_list	*lists[SETUP_NLISTS];
	int		 cur;
};

static struct setup setup;

static void
setup_init(struct hub *h)
{
	static const char *note = N_("Organizations — n add, e edit, "
	    "d delete; t statuses, m mail, u upload target, $ money format");
	static const char *note2 = N_("Statuses in workflow order — n add "
	    "after, e rename, K/J move, d delete; o organizations");
	static const char *note3 = N_("Price lists — n add, e edit, "
	    "d delete; o organizations, t statuses");

	setup.lists[SETUP_ORGS] = hub_list_new(LISTS_ORGS, orgs_cols,
	    sizeof orgs_cols / sizeof orgs_cols[0], 4, note);
	setup.lists[SETUP_STATUSES] = hub_list_new(LISTS_STATUSES,
	    statuses_cols, sizeof statuses_cols / sizeof statuses_cols[0], 4,
	    note2);
	setup.lists[SETUP_PRICES] = hub_list_new(LISTS_PRICE_ITEMS,
	    prices_cols, sizeof prices_cols / sizeof prices_cols[0], 3, note3);
	h->data = setup.lists[setup.cur];
}

static void
setup_free(struct hub *h)
{
	int i;

	for (i = 0; i < SETUP_NLISTS; i++)
		hub_list_free(setup.lists[i]);
	h->data = NULL;
}

static void
setup_reload(struct hub *h)
{
	int i;

	(void)h;
	for (i = 0; i < SETUP_NLISTS; i++)
		list_reload(setup.lists[i]->list);
}

static void
setup_show(struct hub *h, int which)
{
	setup.cur = which;
	h->data = setup.lists[setup.cur];
	tui_dirty(TUI_DIRTY_ALL);
}

static int
setup_key(struct hub *h, int key, enum tui_action act)
{
	struct list *l = setup.lists[setup.cur]->list;
	long long id = list_current(l);
	int orgs = setup.cur == SETUP_ORGS;

	(void)key;
	switch (act) {
	case ACT_SETUP_NEXT_LIST:
		setup_show(h, (setup.cur + 1) % SETUP_NLISTS);
		break;
	case ACT_SETUP_PRICES:
		setup_show(h, SETUP_PRICES);
		break;
	case ACT_SETUP_ORGS:
		setup_show(h, SETUP_ORGS);
		break;
	case ACT_SETUP_STATUSES:
		setup_show(h, SETUP_STATUSES);
		break;
	case ACT_SETUP_MAIL:
		form_setup_mail();
		break;
	case ACT_SETUP_UPLOAD:
		form_setup_upload();
		break;
	case ACT_SETUP_MONEY:
		form_setup_money();
		break;
	case ACT_SETUP_DELIVERY:
		form_setup_delivery();
		break;
	case ACT_SETUP_NEW:
		if (setup.cur == SETUP_PRICES)
			form_pricelist_item(0);
		else if (orgs)
			form_setup_org(0);
		else
			form_setup_status(1, id);
		break;
	case ACT_SETUP_EDIT:
		if (id == 0)
			break;
		if (setup.cur == SETUP_PRICES)
			form_pricelist_item(id);
		else if (orgs)
			form_setup_org(id);
		else
			form_setup_status(0, id);
		break;
	case ACT_SETUP_DELETE:
		if (setup.cur == SETUP_PRICES)
			form_pricelist_delete(id);
		else if (orgs)
			form_setup_org_delete(id);
		else
			form_setup_status_delete(id);
		break;
	case ACT_SETUP_MOVE_UP:
	case ACT_SETUP_MOVE_DOWN:
		if (setup.cur != SETUP_STATUSES) {
			tui_error(_("Organizations are listed by name; "
			    "statuses (t) can be moved."));
			break;
		}
		form_setup_status_move(id, act == ACT_SETUP_MOVE_UP ? -1 : 1);
		/* The cursor follows the status it moved. */
		list_key(l, act == ACT_SETUP_MOVE_UP ? KEY_UP : KEY_DOWN);
		break;
	default:
		return TUI_NOT_MINE;
	}
	return TUI_HANDLED;
}

struct hub hub_setup = {
	N_("Setup"), SCOPE_SETUP,
	N_("organizations, the status workflow and the mail settings"),
	setup_init, setup_free, hub_list_hub_draw, setup_key,
	setup_reload, hub_list_hub_list, NULL
};
