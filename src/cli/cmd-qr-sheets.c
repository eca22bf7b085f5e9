/*
 * cli/cmd-qr-sheets: `picday qr-sheets [--org NAME] [--status S]
 * [--per-page N] [NUMBER...] -o FILE.pdf` — the sessions streamed from the
 * store into media/qrsheet.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "media/qrsheet.h"
#include "core/qrprint.h"
#include "store/db.h"
#include "store/session.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static void
qr_missing(long long number, void *arg)
{
	struct qrprint *x = arg;

	cli_error(_("no session number %lld"), number);
	x->missing++;
}

int
cmd_qr_sheets(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'r' },
		{ "status", required_argument, NULL, 's' },
		{ "per-page", required_argument, NULL, 'n' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_filter f;
	struct qrprint x;
	long long *numbers = NULL, v;
	const char *out = NULL;
	char *end;
	int c, per_page = 1, rc, pages;
	size_t i;

	memset(&f, 0, sizeof f);
	memset(&x, 0, sizeof x);
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r': f.org = optarg; break;
		case 's': f.status = optarg; break;
		case 'o': out = optarg; break;
		case 'n':
			per_page = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || !qrsheet_per_page_ok(per_page))
				return cli_usage("%s", _("--per-page 1, 2, 4, "
				    "6 or 8"));
			break;
		default:
			goto usage;
		}
	}
	if (out == NULL)
		goto usage;
	if (optind < argc) {
		numbers = xreallocarray(NULL, (size_t)(argc - optind),
		    sizeof *numbers);
		for (i = 0; optind + (int)i < argc; i++) {
			v = strtoll(argv[optind + i], &end, 10);
			if (*end != '\0' || v <= 0) {
				free(numbers);
				goto usage;
			}
			numbers[i] = v;
		}
		f.numbers = numbers;
		f.nnumbers = i;
		f.missing = qr_missing;
	}
	if (qrsheet_open(out, per_page, &x.q, &x.cause) != 0) {
		cli_error("%s", x.cause);
		free(x.cause);
		free(numbers);
		return CLI_FAILED;
	}
	rc = store_session_each(cli_store(cli), &f, qrprint_row, &x);
	free(numbers);
	if (rc != 0) {
		if (x.cause == NULL)
			x.cause = xasprintf(_("cannot read the sessions: %s"),
			    store_errmsg(cli->st));
		cli_error("%s", x.cause);
		free(x.cause);
		qrsheet_close(x.q, 1, NULL, &x.cause);
		return CLI_FAILED;
	}
	if (x.cards == 0) {
		cli_error(_("no sessions to print"));
		qrsheet_close(x.q, 1, NULL, &x.cause);
		return CLI_FAILED;
	}
	if (qrsheet_close(x.q, 0, &pages, &x.cause) != 0) {
		cli_error("%s", x.cause);
		free(x.cause);
		return CLI_FAILED;
	}
	fprintf(stderr, _("wrote %zu QR cards on %d pages to %s\n"), x.cards,
	    pages, out);
	return x.missing > 0 ? CLI_FAILED : CLI_OK;
usage:
	return cli_usage("%s", _("qr-sheets [--org NAME] [--status S] "
	    "[--per-page 1|2|4|6|8] [NUMBER...] -o FILE.pdf"));
}
