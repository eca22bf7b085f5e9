/*
 * cli/cmd-composite: `picday composite --org NAME [--by teacher|grade|staff]
 * [--page 8x10|10x13] -o FILE.pdf` (DESIGN §4, issue 12): class composites,
 * one page per class (each with its teacher first), or with --by staff one
 * page of all teachers and staff, made by the "composite" job in the
 * foreground.  The page size is --page, else the setup key composite.page,
 * else 8x10.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/school.h"
#include "core/pose.h"
#include "jobs/school.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define COMPOSITE_USAGE "composite --org NAME [--by teacher|grade|staff] " \
	"[--page 8x10|10x13] -o FILE.pdf [--queue]"

/* 8x10 or 10x13 (portrait), 0; else -1. */
static int
composite_page_size(const char *s, int *w, int *h)
{
	if (strcmp(s, "8x10") == 0) {
		*w = 8;
		*h = 10;
		return 0;
	}
	if (strcmp(s, "10x13") == 0) {
		*w = 10;
		*h = 13;
		return 0;
	}
	return -1;
}

/* Teachers and staff of org_id with a portrait, or -1. */
static long
composite_staff_posed(struct cli *cli, long long org_id)
{
	struct pose_list l;
	char *cause = NULL;
	size_t i;
	long n = 0;

	if (pose_list(cli_store(cli), org_id, &l, &cause) != 0) {
		free(cause);
		return -1;
	}
	for (i = 0; i < l.n; i++)
		if (l.v[i].role != NULL && l.v[i].image_id != 0)
			n++;
	pose_list_free(&l);
	return n;
}

int
cmd_composite(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "by", required_argument, NULL, 'b' },
		{ "page", required_argument, NULL, 'p' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *out = NULL, *by = "teacher", *page = NULL;
	long long org_id;
	char *pref = NULL, *abs, *title, *payload, *copy, *slash, *dir;
	int c, w, h, queue = 0, rc;
	size_t n;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r': org = optarg; break;
		case 'o': out = optarg; break;
		case 'b': by = optarg; break;
		case 'p': page = optarg; break;
		case 'q': queue = 1; break;
		default: return cli_usage("%s", _(COMPOSITE_USAGE));
		}
	}
	if (org == NULL || out == NULL || optind != argc ||
	    (strcmp(by, "teacher") != 0 && strcmp(by, "grade") != 0 &&
	    strcmp(by, "staff") != 0))
		return cli_usage("%s", _(COMPOSITE_USAGE));
	n = strlen(out);
	if (n < 5 || strcmp(out + n - 4, ".pdf") != 0)
		return cli_usage("%s", _("-o FILE.pdf"));
	if (page != NULL && composite_page_size(page, &w, &h) != 0)
		return cli_usage("%s", _("--page 8x10 or 10x13"));
	if (page == NULL) {
		pref = store_pref_get(cli_store(cli), "composite.page");
		if (pref == NULL || composite_page_size(pref, &w, &h) != 0) {
			w = 8;
			h = 10;
		}
		free(pref);
	}
	if ((rc = school_prepare(cli, org, NULL, &org_id)) != CLI_OK)
		return rc;
	if (strcmp(by, "staff") == 0 && composite_staff_posed(cli, org_id) <= 0) {
		/* L10N: nothing was written */
		cli_error(_("nothing to export: no teacher or staff member of "
		    "'%s' has a portrait yet"), org);
		return CLI_FAILED;
	}
	/* An absolute path: the job may run later, from another folder. */
	copy = xstrdup(out);
	slash = strrchr(copy, '/');
	if (slash != NULL)
		*slash = '\0';
	dir = realpath(slash == NULL ? "." : *copy == '\0' ? "/" : copy,
	    NULL);
	if (dir == NULL) {
		cli_error("%s: %s", out, strerror(errno));
		free(copy);
		return CLI_FAILED;
	}
	abs = path_join(dir, slash == NULL ? out : slash + 1);
	free(dir);
	free(copy);
	payload = job_composite_payload(org_id, by, abs, w, h);
	/* L10N: job title: "class composites /tmp/composites.pdf" */
	title = xasprintf(_("class composites %s"), abs);
	rc = school_run(cli, "composite", title, payload, queue);
	free(title);
	free(abs);
	free(payload);
	return rc;
}
