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
 */
#include "config.h"

#include <stdlib.h>

#include "core/invoice.h"
#include "jobs/job.h"
#include "store/db.h"
#include "util/i18n.h"
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
