/*
 * jobs/job-contact: the "contact" job kind, the contact sheet of an
 * organization: every frame of its sessions (not QR markers), 30 to a US
 * Letter page, each cut to 4:5 from its centre with "Last, First (SESSION)
 * FILE" under it (media/composite).  Payload: {"org": ID, "file":
 * "/abs/FILE.pdf"}.  Written to a temporary beside FILE, renamed when
 * whole.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobs/job.h"
#include "jobs/production.h"
#include "media/composite.h"
#include "store/db.h"
#include "store/org.h"
#include "store/production.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define CONTACT_PER_PAGE	30

struct contact_list {
	struct store			*st;
	struct composite_student	*v;
	size_t				 n;
};

static int
contact_frame(const char *caption, const char *path, void *arg)
{
	struct contact_list *l = arg;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	/* No title, not a lead: the contact sheet is frames, not a class. */
	memset(&l->v[l->n], 0, sizeof l->v[l->n]);
	l->v[l->n].name = xstrdup(caption);
	l->v[l->n].path = store_path(l->st, path);
	l->n++;
	return 0;
}

static void
contact_tick(void *arg)
{
	(void)arg;
}

static int
job_contact_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct contact_list l = { st, NULL, 0 };
	struct composite *c = NULL;
	long long org = job_payload_int(ctx, "org", 0);
	char *file = job_payload_str(ctx, "file"), *school = NULL, *tmp = NULL;
	char *warn = NULL, *title;
	const char *slash;
	size_t i, n;
	int rc = -1, page = 0;

	if (file == NULL || org <= 0) {
		*cause = xstrdup(_("bad contact job payload"));
		free(file);
		return JOB_FAIL_FINAL;
	}
	if (store_production_frames(st, org, contact_frame, &l) != 0) {
		*cause = xstrdup(store_errmsg(st));
		goto out;
	}
	school = store_org_name(st, org);
	slash = strrchr(file, '/');
	tmp = xasprintf("%.*s/.%s.picday-%lld.tmp", slash != NULL ?
	    (int)(slash - file) : 1, slash != NULL ? file : ".", slash != NULL ?
	    slash + 1 : file, job_id(ctx));
	if ((c = composite_open(file, tmp, 8.5, 11, cause)) == NULL)
		goto out;
	job_progress(ctx, 0, (long long)l.n);
	for (i = 0; i < l.n || (l.n == 0 && page == 0);) {
		n = l.n - i < CONTACT_PER_PAGE ? l.n - i : CONTACT_PER_PAGE;
		/* L10N: contact sheet page title */
		title = xasprintf(_("Contact sheet, page %d"), ++page);
		rc = composite_page(c, school != NULL ? school : "", title,
		    NULL, l.v + i, n, contact_tick, NULL, &warn, cause);
		free(title);
		if (warn != NULL) {
			job_warn(ctx, _("frame unreadable, grey box: %s"),
			    warn);
			free(warn);
			warn = NULL;
		}
		if (rc != 0)
			goto out;
		i += n;
		job_progress(ctx, (long long)i, (long long)l.n);
		if (l.n == 0)
			break;
	}
	rc = composite_close(c, 1, cause);
	c = NULL;
out:
	if (c != NULL)
		(void)composite_close(c, 0, cause);
	for (i = 0; i < l.n; i++) {
		free((char *)l.v[i].name);
		free((char *)l.v[i].path);
	}
	free(l.v);
	free(tmp);
	free(school);
	free(file);
	return rc;
}

char *
job_contact_payload(long long org_id, const char *file)
{
	struct strbuf p = STRBUF_INIT;

	strbuf_addf(&p, "{\"org\":%lld,\"file\":", org_id);
	strbuf_add_json(&p, file);
	strbuf_addc(&p, '}');
	return strbuf_take(&p);
}

const struct job_kind job_kind_contact = { "contact", job_contact_run };
