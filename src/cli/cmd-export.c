/*
 * cli/cmd-export: `picday export pspa|sis` (DESIGN §4, issue 12), the
 * school's yearbook volume and SIS photo files, and what they share with
 * `picday composite` (cli/school.h).
 *
 * The command checks the organization and prints the validation report
 * before anything is written, then queues the export's job (jobs/job-pspa,
 * jobs/job-sis) and runs it in the foreground with progress on stderr.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/school.h"
#include "core/pose.h"
#include "core/pspa.h"
#include "jobs/job.h"
#include "jobs/school.h"
#include "store/db.h"
#include "store/org.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define PSPA_USAGE "export pspa --org NAME -o DIR [--size 640x800|320x400] " \
	"[--queue]"
#define SIS_USAGE "export sis --org NAME --system powerschool|" \
	"infinite-campus -o FILE.zip [--split SIZE] [--queue]"

static void
school_line(const char *line, void *arg)
{
	(void)arg;
	cli_error("%s", line);
}

int
school_prepare(struct cli *cli, const char *org, const char *kind,
    long long *org_id)
{
	struct store *st = cli_store(cli);
	struct pose_list l;
	char *cause = NULL;
	size_t i;
	int rc;

	if ((rc = store_org_find(st, org, org_id)) != 1) {
		if (rc == 0)
			cli_error(_("no organization '%s'"), org);
		else
			cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	if (pose_list(st, *org_id, &l, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (l.nposed == 0) {
		/* L10N: nothing was written */
		cli_error(_("nothing to export: no student of '%s' has a "
		    "portrait yet"), org);
		pose_list_free(&l);
		return CLI_FAILED;
	}
	if (kind != NULL)
		(void)pose_check(st, &l, kind, school_line, NULL);
	else
		for (i = 0; i < l.n; i++)
			if (l.v[i].image_id == 0) {
				char *who = pose_who(&l.v[i]);

				cli_error(_("no portrait: %s"), who);
				free(who);
			}
	pose_list_free(&l);
	return CLI_OK;
}

int
school_run(struct cli *cli, const char *kind, const char *title,
    const char *payload, int queue)
{
	char *cause = NULL;
	long long id;
	int found = 0;

	/* The same export again (after a kill -9, say) takes over its job. */
	if ((id = jobs_queue_once(cli_store(cli), kind, title, payload,
	    &found, &cause)) < 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (queue) {
		if (found)
			fprintf(stderr, _("job %lld is already queued\n"), id);
		else
			fprintf(stderr, _("queued job %lld\n"), id);
		return CLI_OK;
	}
	if (found)
		/* L10N: an interrupted export of the same kind and target is
		 * taken over */
		fprintf(stderr, _("resuming job %lld\n"), id);
	if (jobs_run_foreground(cli->studio_dir, id, 1, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* An absolute path for out, whose folder exists (the job may run later,
 * from another folder); NULL after a message. */
static char *
export_abs(const char *out, int is_dir)
{
	char *copy = xstrdup(out), *slash, *dir, *abs, *res;
	const char *base;

	if (is_dir) {
		if (path_mkdirs(out) != 0 || (abs = realpath(out, NULL)) ==
		    NULL) {
			cli_error("%s: %s", out, strerror(errno));
			free(copy);
			return NULL;
		}
		free(copy);
		return abs;
	}
	slash = strrchr(copy, '/');
	if (slash == NULL) {
		dir = xstrdup(".");
		base = out;
	} else {
		*slash = '\0';
		dir = xstrdup(*copy != '\0' ? copy : "/");
		base = slash + 1;
	}
	if ((abs = realpath(dir, NULL)) == NULL) {
		cli_error("%s: %s", dir, strerror(errno));
		res = NULL;
	} else
		res = path_join(abs, base);
	free(abs);
	free(dir);
	free(copy);
	return res;
}

static int
export_pspa(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "size", required_argument, NULL, 's' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *out = NULL, *slash;
	long long org_id;
	char *abs, *title, *payload;
	int c, w = 640, h = 800, queue = 0, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r': org = optarg; break;
		case 'o': out = optarg; break;
		case 'q': queue = 1; break;
		case 's':
			if (sscanf(optarg, "%dx%d", &w, &h) != 2 ||
			    pspa_size_label(w, h) == NULL)
				return cli_usage("%s", _("--size 640x800 "
				    "(LARGE) or 320x400 (SMALL)"));
			break;
		default: return cli_usage("%s", _(PSPA_USAGE));
		}
	}
	if (org == NULL || out == NULL || *out == '\0' || optind != argc)
		return cli_usage("%s", _(PSPA_USAGE));
	if ((rc = school_prepare(cli, org, "pspa", &org_id)) != CLI_OK)
		return rc;
	if ((abs = export_abs(out, 1)) == NULL)
		return CLI_FAILED;
	slash = strrchr(abs, '/');
	if (slash == NULL || slash[1] == '\0') {
		cli_error(_("%s: the volume needs a folder of its own"), out);
		free(abs);
		return CLI_FAILED;
	}
	payload = job_pspa_payload(org_id, abs, w, h);
	/* L10N: job title: "yearbook volume /exports/PSPA2027" */
	title = xasprintf(_("yearbook volume %s"), abs);
	rc = school_run(cli, "pspa", title, payload, queue);
	free(title);
	free(abs);
	free(payload);
	return rc;
}

/* "100M", "20k", "5000000": bytes, or 0 when not a size. */
static long long
export_size(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || v <= 0 || end == s)
		return 0;
	if (*end == 'k' || *end == 'K')
		v *= 1000, end++;
	else if (*end == 'M')
		v *= 1000000, end++;
	return *end == '\0' ? v : 0;
}

static int
export_sis(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "system", required_argument, NULL, 'y' },
		{ "split", required_argument, NULL, 'p' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *out = NULL, *sys = NULL;
	long long org_id, split = 100000000;
	size_t n;
	char *abs, *title, *payload;
	int c, queue = 0, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r': org = optarg; break;
		case 'o': out = optarg; break;
		case 'y': sys = optarg; break;
		case 'q': queue = 1; break;
		case 'p':
			if ((split = export_size(optarg)) < 10000)
				return cli_usage("%s", _("--split SIZE: bytes, "
				    "or 20k, 100M (at least 10k)"));
			break;
		default: return cli_usage("%s", _(SIS_USAGE));
		}
	}
	if (org == NULL || out == NULL || sys == NULL || optind != argc ||
	    (strcmp(sys, "powerschool") != 0 &&
	    strcmp(sys, "infinite-campus") != 0))
		return cli_usage("%s", _(SIS_USAGE));
	n = strlen(out);
	if (n < 5 || strcmp(out + n - 4, ".zip") != 0)
		return cli_usage("%s", _("-o FILE.zip"));
	if ((rc = school_prepare(cli, org, "sis", &org_id)) != CLI_OK)
		return rc;
	if ((abs = export_abs(out, 0)) == NULL)
		return CLI_FAILED;
	payload = job_sis_payload(org_id, sys, abs, split);
	/* L10N: job title: "SIS photos (powerschool) /tmp/photos.zip" */
	title = xasprintf(_("SIS photos (%s) %s"), sys, abs);
	rc = school_run(cli, "sis", title, payload, queue);
	free(title);
	free(abs);
	free(payload);
	return rc;
}

int
cmd_export(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "pspa") == 0)
		return export_pspa(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "sis") == 0)
		return export_sis(cli, argc - 1, argv + 1);
	return cli_usage("%s", _("export pspa|sis ..."));
}
