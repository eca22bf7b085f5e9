/*
 * cli/cmd-demo: `picday demo [--students N] [--date YYYY-MM-DD] [--seed N]
 * [--no-card]`: a demo studio to play with (core/demo).  Exit 1, with the
 * reason, when the studio already has clients.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/demo.h"
#include "core/schedule.h"
#include "store/db.h"
#include "util/i18n.h"

#define DEMO_USAGE "demo [--students N] [--date YYYY-MM-DD] [--seed N] " \
	"[--no-card]"

static int
demo_number(const char *s, long max, long *out)
{
	char *end;

	*out = strtol(s, &end, 10);
	return *s == '\0' || *end != '\0' || *out < 1 || *out > max ? -1 : 0;
}

int
cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct demo_opts o;
	struct demo_result res;
	struct timespec t0, t1;
	const char *dir;
	char *cause = NULL;
	long v;
	int i;

	memset(&o, 0, sizeof o);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] :
		    NULL;

		if (strcmp(a, "--no-card") == 0) {
			o.no_card = 1;
			continue;
		}
		if (strcmp(a, "--students") != 0 && strcmp(a, "--seed") != 0 &&
		    strcmp(a, "--date") != 0)
			return cli_usage(_("unexpected %s; %s"), a, DEMO_USAGE);
		if (val == NULL)
			return cli_usage(_("%s needs a value"), a);
		i++;
		if (strcmp(a, "--date") == 0) {
			if (!schedule_valid_date(val))
				return cli_usage(_("--date takes YYYY-MM-DD, "
				    "not '%s'"), val);
			o.date = val;
		} else if (strcmp(a, "--seed") == 0) {
			if (demo_number(val, 0x7fffffffL, &v) != 0)
				return cli_usage(_("--seed takes a positive "
				    "number"));
			o.seed = (unsigned)v;
		} else {
			if (demo_number(val, DEMO_MAX_STUDENTS, &v) != 0)
				return cli_usage(_("--students takes a number "
				    "from 1 to %d"), DEMO_MAX_STUDENTS);
			o.students = (int)v;
		}
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (demo_make(cli_store(cli), &o, &res, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	dir = store_dir(cli_store(cli));

	fprintf(stderr, _("Demo studio made in %s (%.1f s):\n"), dir,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	fprintf(stderr, _("  roster    %s: %zu students of %s, imported\n"),
	    res.roster_path, res.students, DEMO_ORG);
	fprintf(stderr, _("  sessions  %zu booked from %s 08:30, numbers "
	    "%lld-%lld\n"), res.booked, res.date, res.first_number,
	    res.last_number);
	if (res.card_dir != NULL)
		fprintf(stderr, _("  card      %s: %zu frames (%zu students "
		    "absent); how it must sort: %s/expected.json\n"),
		    res.card_dir, res.frames, res.absent, res.card_dir);
	else
		fprintf(stderr, _("  card      skipped (--no-card)\n"));
	fprintf(stderr, _("Try next:\n"
	    "  picday --studio %s\n"
	    "  picday --studio %s sessions list\n"), dir, dir);
	if (res.card_dir != NULL)
		fprintf(stderr, "  picday --studio %s images import %s --by qr "
		    "--dry-run\n", dir, res.card_dir);
	demo_result_free(&res);
	return CLI_OK;
}
