/*
 * tui/hub-invoices: the Invoices hub.  The Invoice Import wizard comes with
 * the invoices feature; until then it lists the invoices there are.
 */
#include "config.h"

#include "store/lists.h"
#include "tui/hub.h"

static const struct list_column invoices_cols[] = {
	{ N_("Invoice"), 1, 10, 1, 0 },
	{ N_("Date"), 2, 10, 0, 0 },
	{ N_("Last name"), 3, 14, 1, 0 },
	{ N_("First name"), 4, 12, 1, 0 },
	{ N_("Session"), 5, 8, 0, 1 },
	{ N_("Cents"), 6, 9, 0, 1 },
};

static void
invoices_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_INVOICES, invoices_cols,
	    sizeof invoices_cols / sizeof invoices_cols[0], 6,
	    N_("Coming: Invoice Import. Here now: the invoices on file."));
}

struct hub hub_invoices = {
	N_("Invoices"), SCOPE_INVOICES,
	N_("orders that came back as invoices"),
	invoices_init, hub_list_hub_free, hub_list_hub_draw, NULL,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
