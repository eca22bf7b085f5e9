/*
 * jobs/job-invoices: the "invoices" job kind — the orders of the online
 * shop fetched and imported (core/invoice), as `picday invoices import
 * URL` does.  Payload: {"url": "https://..."}; settings invoices.cacert
 * (a CA file, else the system's), invoices.template (a mapping template),
 * invoices.user and the secret invoices.password.  Idempotent: an invoice
 * already in the studio is skipped (key: its number), and the import is
 * one transaction, so a run after a crash adds only what is missing.
 * Rejected invoices do not fail the job: the first reasons go to its
 * last_error as a warning.
 *
 * jobs_shop_poll() queues such a job when the shop is due (invoices.url,
 * invoices.every); the worker pool's poller calls it (jobs/pool.c).
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "core/invoice.h"
#include "jobs/job.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static int
job_invoices_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct inv_import *imp = NULL;
	char *url = job_payload_str(ctx, "url");
	char *cacert = store_pref_get(st, "invoices.cacert");
	char *tmpl = store_pref_get(st, "invoices.template");
	size_t moved = 0, i, n;
	int rc = -1;

	if (url == NULL || *url == '\0') {
		*cause = xstrdup(_("no URL in the job (setting invoices.url)"));
		goto out;
	}
	job_progress(ctx, 0, 2);
	if (invoice_fetch_open(st, url, cacert != NULL && *cacert != '\0' ?
	    cacert : NULL, tmpl != NULL && *tmpl != '\0' ? tmpl : NULL, &imp,
	    cause) != 0)
		goto out;
	job_progress(ctx, 1, 2);
	if (invoice_import_run(imp, st, 1, url, &moved, cause) != 0)
		goto out;
	n = inv_import_nproblems(imp);
	for (i = 0; i < n && i < 10; i++) {
		const struct inv_problem *p = inv_import_problem(imp, i);

		job_warn(ctx, "%s:%ld: %s", url, p->line, p->reason);
	}
	job_progress(ctx, 2, 2);
	rc = 0;
out:
	inv_import_free(imp);
	free(url);
	free(cacert);
	free(tmpl);
	return rc;
}

const struct job_kind job_kind_invoices = { "invoices", job_invoices_run };

int
jobs_shop_poll(struct store *st, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char *url = NULL, *payload;
	long long id;
	int r;

	/* Most studios have no shop: a plain read before the write
	 * transaction of invoice_poll_due(). */
	if ((url = store_pref_get(st, "invoices.url")) == NULL ||
	    *url == '\0') {
		free(url);
		return 0;
	}
	free(url);
	url = NULL;
	if ((r = invoice_poll_due(st, (long long)time(NULL), &url)) != 1) {
		if (r < 0)
			*cause = xasprintf(_("cannot poll the online shop: %s"),
			    store_errmsg(st));
		return r;
	}
	strbuf_adds(&sb, "{\"url\":");
	strbuf_add_json(&sb, url);
	strbuf_addc(&sb, '}');
	payload = strbuf_take(&sb);
	id = jobs_queue(st, "invoices", _("Orders from the online shop"),
	    payload, cause);
	free(payload);
	free(url);
	return id < 0 ? -1 : 1;
}
