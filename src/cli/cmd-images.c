/*
 * cli/cmd-images: `picday images import|list` (DESIGN §4, issue 4).
 *
 * import reads the card (core/imgscan, all cores), sorts it, and either
 * prints the assignment (--dry-run; the JSON of the contract with
 * --format json) or queues an "import" job with it and runs that job in
 * the foreground (--queue: only queue it).  An unfinished job with the same
 * payload (card, mode, assignment, --advance) is that job: run again after
 * a kill, the command takes it over instead of queueing another.
 * Problems go to stderr, one line each: unreadable frames with the reason,
 * and the runs that look wrong.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/imgscan.h"
#include "core/imgsort.h"
#include "jobs/job.h"
#include "media/exif.h"
#include "store/db.h"
#include "store/image.h"
#include "store/production.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define IMPORT_USAGE "images import DIR --by qr|metadata|session=NUMBER " \
	"[--field copyright|usercomment|imagedescription|xpcomment|comment] " \
	"[--dry-run] [--advance] [--queue]"

static void
scan_progress(void *arg, size_t done, size_t total)
{
	/* Only for a person watching (stderr is a terminal). */
	if (done % 16 == 0 || done == total) {
		/* L10N: progress while reading a card: "reading 120/3000" */
		fputc('\r', stderr);
		fprintf(stderr, _("reading %zu/%zu"), done, total);
		if (done == total)
			fputc('\n', stderr);
		fflush(stderr);
	}
}

static void
print_text(const struct imgsort_result *r, const struct imgscan *sc)
{
	size_t i;

	for (i = 0; i < r->nsessions; i++)
		printf(_("session %s: %zu frames\n"), r->sessions[i].code,
		    r->sessions[i].n);
	for (i = 0; i < r->nmarkers; i++)
		printf(_("marker %s: %zu frames\n"), r->markers[i].code,
		    r->markers[i].n);
	for (i = 0; i < r->nunknown; i++)
		printf(_("unknown code %s: %zu frames\n"), r->unknown[i].code,
		    r->unknown[i].n);
	printf(_("unassigned: %zu frames\n"), r->nunassigned);
	printf(_("unreadable: %zu frames\n"), r->nunreadable);
	/* L10N: frames held after one that looked like a QR code but did
	 * not decode (the import preview's "unreadable code?") */
	printf(_("unreadable code?: %zu frames\n"), r->nsuspect);
	(void)sc;
}

/* The problems, one line each on stderr. */
static void
report_problems(const struct imgscan *sc, const struct imgsort_result *r)
{
	size_t i;

	if (sc->walk_problem != NULL)
		cli_error(_("cannot read folder %s"), sc->walk_problem);
	for (i = 0; i < r->nunreadable; i++) {
		const struct imgscan_frame *f = &sc->f[r->unreadable[i]];

		cli_error(_("unreadable: %s: %s"), f->rel,
		    f->why != NULL ? f->why : "?");
	}
	for (i = 0; i < r->nflags; i++) {
		char *t = imgsort_flag_text(&r->flags[i], sc->sf);

		cli_error("%s", t);
		free(t);
	}
}

static int
images_import(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "field", required_argument, NULL, 'f' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "advance", no_argument, NULL, 'a' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	struct imgscan_opts o;
	struct imgscan sc;
	struct imgsort_result r;
	struct import_item *items;
	struct store *st;
	const char *by = NULL, *dir, *mode;
	char *cause = NULL, *payload, *title, *abs, number[32];
	size_t nitems;
	long long id;
	int c, dry = 0, advance = 0, queue = 0, found, rc = CLI_OK;

	memset(&o, 0, sizeof o);
	o.field = -1;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'b': by = optarg; break;
		case 'f':
			if ((o.field = exifmeta_field_parse(optarg)) < 0)
				return cli_usage("%s", _(IMPORT_USAGE));
			break;
		case 'n': dry = 1; break;
		case 'a': advance = 1; break;
		case 'q': queue = 1; break;
		default: return cli_usage("%s", _(IMPORT_USAGE));
		}
	}
	if (optind + 1 != argc || by == NULL)
		return cli_usage("%s", _(IMPORT_USAGE));
	dir = argv[optind];
	if (strcmp(by, "qr") == 0) {
		o.by = IMGSCAN_QR;
		mode = "qr";
	} else if (strcmp(by, "metadata") == 0) {
		o.by = IMGSCAN_METADATA;
		mode = "metadata";
	} else if (strncmp(by, "session=", 8) == 0 &&
	    cli_parse_number(by + 8) > 0) {
		o.by = IMGSCAN_SESSION;
		snprintf(number, sizeof number, "%lld", cli_parse_number(by + 8));
		o.session = number;
		mode = "session";
	} else
		return cli_usage("%s", _(IMPORT_USAGE));
	if (o.field >= 0 && o.by != IMGSCAN_METADATA)
		return cli_usage("%s", _("--field goes with --by metadata"));

	st = cli_store(cli);
	if (o.by == IMGSCAN_SESSION) {
		long long sid;

		if (store_image_session(st, cli_parse_number(number), &sid,
		    NULL) != 1) {
			cli_error(_("no session %s"), number);
			return CLI_FAILED;
		}
	}
	if (isatty(STDERR_FILENO))
		o.progress = scan_progress;
	if (imgscan_card(dir, &o, &sc, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	imgscan_sort(&sc, st, &r);
	report_problems(&sc, &r);

	if (dry) {
		if (cli->format == OUT_JSON) {
			char *j = imgsort_json(&r, sc.sf);

			printf("%s\n", j);
			free(j);
		} else
			print_text(&r, &sc);
		goto out;
	}

	/* The job may run later, from another folder: an absolute path. */
	if ((abs = realpath(dir, NULL)) == NULL) {
		cli_error("%s: %s", dir, strerror(errno));
		rc = CLI_FAILED;
		goto out;
	}
	items = imgscan_items(&sc, &r, st, &nitems);
	payload = imgscan_payload(abs, mode, items, nitems, advance);
	free(abs);
	/* L10N: job title: "import 120 frames from /media/card" */
	title = xasprintf(_("import %zu frames from %s"), nitems, dir);
	/* The same card, mode and assignment is the same job: a run after a
	 * kill takes over the interrupted one. */
	id = jobs_queue_once(st, "import", title, payload, &found, &cause);
	free(title);
	free(payload);
	free(items);
	if (id < 0) {
		cli_error("%s", cause);
		free(cause);
		rc = CLI_FAILED;
		goto out;
	}
	if (queue) {
		if (found)
			/* L10N: the same import is already in the queue */
			fprintf(stderr, _("job %lld is already queued\n"), id);
		else
			/* L10N: the import job was queued for the worker */
			fprintf(stderr, _("queued job %lld\n"), id);
		goto out;
	}
	if (found)
		/* L10N: an interrupted (or queued) import of the same card
		 * is taken over */
		fprintf(stderr, _("resuming job %lld\n"), id);
	if (jobs_run_foreground(cli->studio_dir, id, 1, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		rc = CLI_FAILED;
	}
	if (r.nunassigned + r.nunknown + r.nunreadable + r.nsuspect > 0)
		cli_error(_("not imported: %zu unassigned, %zu unknown codes, "
		    "%zu unreadable, %zu unreadable code? (see --dry-run)"),
		    r.nunassigned, r.nunknown, r.nunreadable, r.nsuspect);
out:
	imgsort_result_free(&r);
	imgscan_free(&sc);
	return rc;
}

struct list_ctx {
	struct table	*t;
};

static int
list_row(const struct image_row *r, void *arg)
{
	struct list_ctx *lc = arg;
	char id[32], bytes[32];
	const char *v[7];

	snprintf(id, sizeof id, "%lld", r->id);
	snprintf(bytes, sizeof bytes, "%lld", r->bytes);
	v[0] = id;
	v[1] = r->path;
	v[2] = r->captured_at;
	v[3] = r->camera;
	v[4] = r->is_marker ? "1" : "0";
	v[5] = r->selected ? "1" : "0";
	v[6] = bytes;
	table_row(lc->t, v);
	return 0;
}

static int
images_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "session", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct out_col cols[] = { { "id", OUT_INT },
	    { "file", OUT_STR }, { "captured_at", OUT_STR },
	    { "camera", OUT_STR }, { "marker", OUT_BOOL },
	    { "selected", OUT_BOOL }, { "bytes", OUT_INT } };
	struct list_ctx lc;
	struct store *st;
	long long number = 0, sid;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if ((number = cli_parse_number(optarg)) == 0)
				return cli_usage("%s", _("images list "
				    "--session NUMBER"));
			break;
		default:
			return cli_usage("%s", _("images list --session NUMBER"));
		}
	}
	if (number == 0 || optind != argc)
		return cli_usage("%s", _("images list --session NUMBER"));
	st = cli_store(cli);
	if ((rc = store_image_session(st, number, &sid, NULL)) != 1) {
		if (rc == 0)
			cli_error(_("no session %lld"), number);
		else
			cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	lc.t = table_new(stdout, cli->format, cols, 7);
	rc = store_image_each(st, sid, list_row, &lc);
	table_end(lc.t);
	if (rc != 0) {
		cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* `images crop ID [X,Y,W,H] [--rotate DEG] | --unset | --show`: the
 * rectangle a print keeps, normalised (0-1) in the upright picture turned
 * DEG clockwise (0 90 180 270); --unset centres it again, unturned;
 * --show prints x,y,w,h,rotate,cropped. */
static int
images_crop(struct cli *cli, int argc, char **argv)
{
	const char *usage = _("images crop ID [X,Y,W,H] [--rotate 0|90|180|"
	    "270] | --unset | --show");
	static const struct out_col cols[] = { { "id", OUT_INT },
	    { "x", OUT_NUM }, { "y", OUT_NUM }, { "w", OUT_NUM },
	    { "h", OUT_NUM }, { "rotate", OUT_INT }, { "cropped", OUT_BOOL } };
	struct image_crop ic;
	struct store *st;
	double x = 0, y = 0, w = 1, h = 1;
	long long id;
	char tail, v[7][32];
	const char *vals[7];
	int unset = 0, show = 0, rect = 0, rot = -1, i, rc;

	if (argc < 3 || (id = cli_parse_number(argv[1])) == 0)
		return cli_usage("%s", usage);
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--unset") == 0)
			unset = 1;
		else if (strcmp(argv[i], "--show") == 0)
			show = 1;
		else if (strcmp(argv[i], "--rotate") == 0 && i + 1 < argc) {
			if (sscanf(argv[++i], "%d%c", &rot, &tail) != 1 ||
			    rot < 0 || rot > 270 || rot % 90 != 0) {
				cli_error(_("the rotation '%s' is not 0, 90, "
				    "180 or 270"), argv[i]);
				return CLI_USAGE;
			}
		} else if (!rect && sscanf(argv[i], "%lf,%lf,%lf,%lf%c", &x,
		    &y, &w, &h, &tail) == 4) {
			rect = 1;
			if (!(x >= 0 && y >= 0 && w > 0 && h > 0 &&
			    x + w <= 1.000001 && y + h <= 1.000001)) {
				cli_error(_("the crop '%s' is not X,Y,W,H "
				    "within the picture (each 0-1, W and H "
				    "above 0)"), argv[i]);
				return CLI_USAGE;
			}
		} else if (argv[i][0] != '-' && !rect) {
			cli_error(_("the crop '%s' is not X,Y,W,H within the "
			    "picture (each 0-1, W and H above 0)"), argv[i]);
			return CLI_USAGE;
		} else
			return cli_usage("%s", usage);
	}
	if (unset + show + (rect || rot >= 0 ? 1 : 0) != 1)
		return cli_usage("%s", usage);
	st = cli_store(cli);
	if ((rc = store_image_crop_get(st, id, &ic)) != 1) {
		if (rc == 0)
			cli_error(_("no image %s (nothing changed)"), argv[1]);
		else
			cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	if (show) {
		struct table *t = table_new(stdout, cli->format, cols, 7);

		snprintf(v[0], sizeof v[0], "%lld", id);
		for (i = 0; i < 4; i++)
			snprintf(v[i + 1], sizeof v[i + 1], "%.6g", ic.crop[i]);
		snprintf(v[5], sizeof v[5], "%d", ic.rot);
		snprintf(v[6], sizeof v[6], "%d", ic.has_crop);
		for (i = 0; i < 7; i++)
			vals[i] = v[i];
		table_row(t, vals);
		table_end(t);
		return CLI_OK;
	}
	if (unset)
		rc = store_image_crop_set(st, id, 0, 0, 0, 0, 0, 0);
	else {
		/* --rotate alone keeps the rectangle (centred when none);
		 * a rectangle alone keeps the turn. */
		if (!rect && ic.has_crop) {
			x = ic.crop[0];
			y = ic.crop[1];
			w = ic.crop[2];
			h = ic.crop[3];
		}
		rc = store_image_crop_set(st, id, rect || ic.has_crop, x, y, w,
		    h, rot >= 0 ? rot : ic.rot);
	}
	if (rc != 1) {
		if (rc == 0)
			cli_error(_("no image %s (nothing changed)"), argv[1]);
		else
			cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	return CLI_OK;
}

int
cmd_images(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "crop") == 0)
		return images_crop(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return images_import(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return images_list(cli, argc - 1, argv + 1);
	if (argc >= 2 && (strcmp(argv[1], "select") == 0 ||
	    strcmp(argv[1], "composite") == 0 ||
	    strcmp(argv[1], "group") == 0))
		return cli_images_mark(cli, argc - 1, argv + 1);
	return cli_usage("%s", _("images import|list|select|composite|group"
	    "|crop ..."));
}
