/*
 * tui/hub-production: the Production hub.  Rendering comes with the
 * production feature; until then it lists the production orders.
 */
#include "config.h"

#include "store/lists.h"
#include "tui/hub.h"

static const struct list_column production_cols[] = {
	{ N_("Order"), 1, 6, 0, 1 },
	{ N_("State"), 2, 10, 0, 0 },
	{ N_("Invoice"), 3, 12, 1, 0 },
	{ N_("Items"), 4, 6, 0, 1 },
	{ N_("Created"), 5, 20, 0, 0 },
	{ N_("Rendered"), 6, 20, 0, 0 },
};

static void
production_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_PRODUCTION, production_cols,
	    sizeof production_cols / sizeof production_cols[0], 5,
	    N_("Coming: rendering for the lab. Here now: production orders."));
}

struct hub hub_production = {
	N_("Production"), SCOPE_PRODUCTION,
	N_("production orders and their renders"),
	production_init, hub_list_hub_free, hub_list_hub_draw, NULL,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
