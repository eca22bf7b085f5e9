/*
 * core/invoice: invoices into the studio (DESIGN §4 stage 7): the import's
 * commit and the manual invoice.
 *
 * invoice_import_run() answers core/invoice-import's questions from the
 * store (each session, client and item looked up once per import) and
 * reconciles and writes every invoice found
 * new, with its lines, in ONE transaction (nothing on failure), and moves each invoice's session to Ordered unless it is further along
 * (history: 'invoice' N).  invoice_add() makes a manual invoice.  Both
 * queue, in the same transaction, the delivery job of the session of a new
 * invoice that has an item granting a delivery (setting
 * delivery.on_invoice: build, the default, publish, or off), unless the
 * same job is already waiting: a re-import adds no invoice and so queues
 * nothing.
 *
 * Threads: the caller's store.  Errors: -1 with *cause (caller frees);
 * nothing was written then.
 */
#ifndef PICDAY_CORE_INVOICE_H
#define PICDAY_CORE_INVOICE_H

#include <stddef.h>

#include "core/invoice-import.h"

struct store;

/*
 * Reconciles (core/invoice-import) against the store and, with commit,
 * writes the new invoices — all in ONE transaction, so that what the
 * reconciliation decided is what is written.  source: the file name or
 * URL, kept on each invoice.  *moved: sessions moved to Ordered (may be
 * NULL).  0, or -1 with *cause and nothing written.
 */
int	invoice_import_run(struct inv_import *, struct store *, int commit,
	    const char *source, size_t *moved, char **cause);

/*
 * The orders of the online shop: fetches url (net/fetch: TLS verified
 * against cacert, or the system's CAs when NULL; the user invoices.user
 * and the secret invoices.password), opens it and applies the template
 * (may be NULL).  0 with *out, or -1 with *cause.
 */
int	invoice_fetch_open(struct store *, const char *url, const char *cacert,
	    const char *tmpl, struct inv_import **out, char **cause);

/*
 * Polling the shop (settings invoices.url, invoices.every): 1 when a poll
 * is due now — no poll in the last `every` — and claims it (the time is
 * written, so that another worker does not poll too); 0 when not due or
 * not configured; -1 on database trouble.  *url is then the URL (caller
 * frees).  every: "15m", "1h", "30s", or minutes.
 */
int	invoice_poll_due(struct store *, long long now, char **url);
/* Seconds of an every value, or -1 when it is not one. */
long long invoice_every_seconds(const char *every);

/*
 * Mapping templates: the mapping of a file saved under a name (one
 * "Header=field" line per mapped column) and applied to the next file
 * from the same shop, column by header text.  apply: 1 applied, 0 no such
 * template, -1 with *cause (a header of the template is not in this file:
 * it is skipped, not an error; only database trouble is).
 */
int	invoice_template_apply(struct store *, struct inv_import *,
	    const char *name, char **cause);
int	invoice_template_save(struct store *, const struct inv_import *,
	    const char *name, char **cause);

/* One item of a manual invoice, parsed from ITEM[xQTY][@IMAGE]. */
struct invoice_spec {
	char		*item;
	long long	 quantity;
	char		*image;		/* NULL: the pose, for a print */
};
/* Parses specs; 0, or -1 with *cause.  Free with invoice_specs_free. */
int	invoice_spec_parse(struct store *, const char *text,
	    struct invoice_spec *, char **cause);
void	invoice_spec_clear(struct invoice_spec *);

/* Makes invoice *number (caller frees) for the session: today's date,
 * each item at its price-list price; a print gets its image or the
 * session's pose.  0, or -1 with *cause. */
int	invoice_add(struct store *, long long session_number,
	    const struct invoice_spec *, size_t n, char **number,
	    long long *total_cents, char **cause);

#endif
