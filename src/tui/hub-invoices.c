/*
 * tui/hub-invoices: the Invoices hub — every invoice (number, session,
 * client, date, total, paid, balance) by number or date, paged by keyset
 * like the other hubs (store/lists), money shown as money (tui/money);
 * the totals of the filter on the bottom line; Enter shows the invoice's
 * lines with the ordered images (tui/invoice-lines); i opens the Invoice Import wizard.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/invoice.h"
#include "store/lists.h"
#include "tui/hub.h"
#include "tui/invoices.h"
#include "tui/money.h"
#include "util/xalloc.h"

static const struct list_column invoices_cols[] = {
	{ N_("Invoice"), 1, 10, 1, 0 },
	{ N_("Session"), 2, 7, 0, 1 },
	{ N_("Client"), 3, 14, 2, 0 },
	{ N_("Date"), 4, 10, 0, 0 },
	{ N_("Total"), 5, 10, 0, LIST_MONEY },
	{ N_("Paid"), 6, 10, 0, LIST_MONEY },
	{ N_("Balance"), 7, 10, 0, LIST_MONEY },
};

/*
 * The totals of the filter are summed a chunk at a time (store/invoice),
 * about a millisecond in each pass of the loop's idle step (which asks the
 * hub for its list, invoices_list), so that no key waits for 100,000
 * rows; a draw only shows them.  While a sum is unfinished and the list has
 * nothing left to scan, the hub wakes the loop (tui_wake) to come round
 * again at once instead of in two seconds.
 */
#define TOTALS_CHUNK	500		/* rows a chunk */
#define TOTALS_USEC	1000		/* at most, in an idle pass */

struct invoices_hub {
	struct hub_list	*hl;
	char		*totals_for;	/* the filter text being summed */
	int		 totals_state;	/* 0 summing, 1 done, -1 failed */
	long long	 after_id;
	long long	 n, total, paid;
};

static void
invoices_init(struct hub *h)
{
	struct invoices_hub *ih = xcalloc(1, sizeof *ih);

	ih->hl = hub_list_new(LISTS_INVOICES, invoices_cols,
	    sizeof invoices_cols / sizeof invoices_cols[0], 4, NULL);
	h->data = ih;
}

static void
invoices_free(struct hub *h)
{
	struct invoices_hub *ih = h->data;

	if (ih == NULL)
		return;
	hub_list_free(ih->hl);
	free(ih->totals_for);
	free(ih);
	h->data = NULL;
}

/* Sums more of the totals, for about usec.  Returns 1 when they became
 * ready now. */
static int
invoices_totals(struct invoices_hub *ih, long long usec)
{
	const char *text = list_filter_text(ih->hl->list);
	long long end = tui_usec() + usec;
	int r;

	if (text == NULL)
		text = "";
	if (ih->totals_for == NULL || strcmp(ih->totals_for, text) != 0) {
		free(ih->totals_for);
		ih->totals_for = xstrdup(text);
		ih->totals_state = 0;
		ih->after_id = ih->n = ih->total = ih->paid = 0;
	}
	if (ih->totals_state != 0)
		return 0;
	while (tui_usec() < end) {
		r = store_invoice_totals(tui_store(), text, &ih->after_id,
		    TOTALS_CHUNK, &ih->n, &ih->total, &ih->paid);
		if (r != 0) {
			ih->totals_state = r;
			return r == 1;
		}
	}
	return 0;
}

static void
invoices_draw(struct hub *h, int y, int hgt, int w)
{
	struct invoices_hub *ih = h->data;
	char total[48], paid[48], bal[48], *line;

	hub_list_draw(ih->hl, y, hgt - 1, w);
	(void)invoices_totals(ih, 0);	/* a new filter starts a new sum */
	tui_fill(y + hgt - 1, 0, w, ROLE_HEADER);
	if (ih->totals_state < 0)
		return;
	if (ih->totals_state == 0) {
		tui_put(y + hgt - 1, 0, w, ROLE_HEADER,
		    _(" totals: counting..."));
		return;
	}
	tui_money(ih->total, total, sizeof total);
	tui_money(ih->paid, paid, sizeof paid);
	tui_money(ih->total - ih->paid, bal, sizeof bal);
	/* L10N: the totals line of the Invoices hub (of the filter). */
	line = xasprintf(_(" %lld invoices  total %s  paid %s  balance %s"),
	    ih->n, total, paid, bal);
	tui_put(y + hgt - 1, 0, w, ROLE_HEADER, line);
	free(line);
}

struct invoices_pick {
	long long	 id;
	char		*number;
	long long	 total, paid;
};

static int
invoices_pick_row(long long id, const char *const *cols, void *arg)
{
	struct invoices_pick *p = arg;

	p->id = id;
	p->number = xstrdup(cols[1] != NULL ? cols[1] : "");
	p->total = cols[5] != NULL ? strtoll(cols[5], NULL, 10) : 0;
	p->paid = cols[6] != NULL ? strtoll(cols[6], NULL, 10) : 0;
	return 1;
}

static void
invoices_show_lines(struct invoices_hub *ih)
{
	struct invoices_pick p = { 0, NULL, 0, 0 };
	long long id = list_current(ih->hl->list);

	if (id <= 0 || lists_rows(tui_store(), LISTS_INVOICES, &id, 1,
	    invoices_pick_row, &p) != 1)
		tui_error("%s", _("No invoice here."));
	else if (invoice_lines_open(id, p.number, p.total, p.paid) != 0)
		tui_error("%s", _("Cannot read the invoice."));
	free(p.number);
}

static int
invoices_key(struct hub *h, int key, enum tui_action act)
{
	struct invoices_hub *ih = h->data;

	(void)key;
	switch (act) {
	case ACT_IMPORT_INVOICES:
		wizard_invoice_import_open();
		return TUI_HANDLED;
	case ACT_INVOICE_LINES:
		invoices_show_lines(ih);
		return TUI_HANDLED;
	case ACT_SORT_INVOICES:
	case ACT_SORT_INVOICES_REVERSE:
		list_sort_cycle(ih->hl->list, act == ACT_SORT_INVOICES_REVERSE);
		tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
		return TUI_HANDLED;
	default:
		return TUI_NOT_MINE;
	}
}

static void
invoices_reload(struct hub *h)
{
	struct invoices_hub *ih = h->data;

	free(ih->totals_for);
	ih->totals_for = NULL;	/* the data changed: sum again */
	tui_money_reload();
	list_reload(ih->hl->list);
}

/* Also called by the idle loop on each pass: the totals go on there. */
static struct list *
invoices_list(struct hub *h)
{
	struct invoices_hub *ih = h->data;
	int exact;

	if (ih == NULL)
		return NULL;
	if (ih->totals_for != NULL && ih->totals_state == 0) {
		if (invoices_totals(ih, TOTALS_USEC)) {
			/* Maybe called while drawing: come round to show
			 * them. */
			tui_dirty(TUI_DIRTY_HUB);
			tui_wake();
		} else if (ih->totals_state == 0) {
			(void)list_total(ih->hl->list, &exact);
			if (exact)	/* no idle scanning will call again */
				tui_wake();
		}
	}
	return ih->hl->list;
}

struct hub hub_invoices = {
	N_("Invoices"), SCOPE_INVOICES,
	N_("orders that came back as invoices"),
	invoices_init, invoices_free, invoices_draw, invoices_key,
	invoices_reload, invoices_list, NULL
};
