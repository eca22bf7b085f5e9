/*
 * cli/cmd-sessions: `picday sessions schedule|reschedule|list|advance|
 * history|export|mail` (DESIGN §4).  Arguments in, core calls, messages
 * out; the work itself is in core/schedule, core/status, core/export and
 * core/schedmail.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/export.h"
#include "core/schedmail.h"
#include "core/schedule.h"
#include "core/status.h"
#include "jobs/job.h"
#include "jobs/sessfile.h"
#include "store/db.h"
#include "store/job.h"
#include "store/session.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static int
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

#define SCHEDULE_USAGE "sessions schedule --org NAME --date YYYY-MM-DD " \
	"[--to-date YYYY-MM-DD] [--skip-weekends] --from HH:MM --to HH:MM " \
	"--minutes N [--gap N] [--break HH:MM-HH:MM] [--per-slot K] " \
	"[--type NAME] [--grade G] [--teacher T] [--dry-run]"

static void
schedule_print(struct cli *cli, const struct schedule_plan *p,
    const struct schedule_result *res, int dry)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, n = dry ? p->nbook : res->booked;

	for (i = 0; i < p->nmisfits; i++)
		cli_error(_("warning: did not fit: %s"), p->misfits[i].name);
	if (cli->format == OUT_JSON) {
		strbuf_addf(&sb, "{\"dry_run\":%s,\"booked\":%zu,"
		    "\"skipped\":%zu,\"did_not_fit\":%zu,\"capacity\":%zu,"
		    "\"first_number\":%lld,\"last_number\":%lld,"
		    "\"first_at\":", dry ? "true" : "false", n,
		    p->nskipped + (dry ? 0 : res->skipped), p->nmisfits,
		    p->capacity, dry ? 0 : res->first_number,
		    dry ? 0 : res->last_number);
		strbuf_add_json(&sb, p->nbook > 0 ? p->book[0].starts_at : "");
		strbuf_adds(&sb, ",\"last_at\":");
		strbuf_add_json(&sb, p->nbook > 0 ?
		    p->book[p->nbook - 1].starts_at : "");
		strbuf_adds(&sb, ",\"not_fitting\":[");
		for (i = 0; i < p->nmisfits; i++) {
			if (i > 0)
				strbuf_addc(&sb, ',');
			strbuf_add_json(&sb, p->misfits[i].name);
		}
		strbuf_adds(&sb, "]}\n");
		fputs(strbuf_str(&sb), stdout);
		strbuf_free(&sb);
		return;
	}
	if (dry)
		printf(_("would book %zu sessions at %s (%s)"), n,
		    p->org_name, p->type_name);
	else if (n > 0)
		printf(_("booked %zu sessions %lld-%lld at %s (%s)"), n,
		    res->first_number, res->last_number, p->org_name,
		    p->type_name);
	else
		printf(_("booked 0 sessions at %s (%s)"), p->org_name,
		    p->type_name);
	if (p->nbook > 0)
		printf(_(", %s to %s"), p->book[0].starts_at,
		    p->book[p->nbook - 1].starts_at);
	printf("\n");
	printf(_("skipped %zu already booked; %zu did not fit "
	    "(%zu places in %zu slots)\n"), p->nskipped +
	    (dry ? 0 : res->skipped), p->nmisfits, p->capacity, p->nslots);
}

static int
sessions_schedule(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ "to-date", required_argument, NULL, 'D' },
		{ "skip-weekends", no_argument, NULL, 'w' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "gap", required_argument, NULL, 'g' },
		{ "break", required_argument, NULL, 'b' },
		{ "per-slot", required_argument, NULL, 'k' },
		{ "type", required_argument, NULL, 'y' },
		{ "grade", required_argument, NULL, 'G' },
		{ "teacher", required_argument, NULL, 'T' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct schedule_request rq;
	struct schedule_plan *p;
	struct schedule_result res;
	char *cause;
	int c, dry = 0;

	schedule_request_init(&rq);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': rq.org = optarg; break;
		case 'd': rq.date_from = optarg; break;
		case 'D': rq.date_to = optarg; break;
		case 'w': rq.skip_weekends = 1; break;
		case 'f':
			if ((rq.day_from = schedule_parse_time(optarg)) < 0)
				return cli_usage(_("--from HH:MM"));
			break;
		case 't':
			if ((rq.day_to = schedule_parse_time(optarg)) < 0)
				return cli_usage(_("--to HH:MM (24:00 for "
				    "midnight)"));
			break;
		case 'm':
			if (parse_int(optarg, 1, 1440, &rq.slot_minutes) != 0)
				return cli_usage(_("--minutes 1..1440"));
			break;
		case 'g':
			if (parse_int(optarg, 0, 1440, &rq.gap_minutes) != 0)
				return cli_usage(_("--gap 0..1440"));
			break;
		case 'b':
			if (schedule_parse_range(optarg, &rq.break_from,
			    &rq.break_to) != 0)
				return cli_usage(_("--break HH:MM-HH:MM"));
			break;
		case 'k':
			if (parse_int(optarg, 1, 1000, &rq.per_slot) != 0)
				return cli_usage(_("--per-slot 1..1000"));
			break;
		case 'y': rq.type = optarg; break;
		case 'G': rq.grade = optarg; break;
		case 'T': rq.teacher = optarg; break;
		case 'n': dry = 1; break;
		default:
			return cli_usage("%s", _(SCHEDULE_USAGE));
		}
	}
	if (optind != argc || rq.org == NULL || rq.date_from == NULL ||
	    rq.day_from < 0 || rq.day_to < 0 || rq.slot_minutes == 0)
		return cli_usage("%s", _(SCHEDULE_USAGE));
	if (schedule_plan_make(cli_store(cli), &rq, &p, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	memset(&res, 0, sizeof res);
	if (!dry && p->nbook > 0 &&
	    schedule_plan_commit(cli->st, p, &res, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		schedule_plan_free(p);
		return CLI_FAILED;
	}
	schedule_print(cli, p, &res, dry);
	schedule_plan_free(p);
	return CLI_OK;
}

static int
sessions_reschedule(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "time", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *date = NULL, *time = NULL;
	long long number;
	char *cause;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': date = optarg; break;
		case 't': time = optarg; break;
		default: goto usage;
		}
	}
	if (optind + 1 != argc || date == NULL || time == NULL ||
	    (number = cli_parse_number(argv[optind])) == 0)
		goto usage;
	if (schedule_reschedule(cli_store(cli), number, date, time,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	printf(_("session %lld now at %s %s\n"), number, date, time);
	return CLI_OK;
usage:
	return cli_usage("%s", _("sessions reschedule NUMBER --date "
	    "YYYY-MM-DD --time HH:MM"));
}

struct list_ctx {
	struct table	*t;
	const int	*cols;
	size_t		 ncols;
};

static int
list_row(const struct session_row *r, void *arg)
{
	struct list_ctx *x = arg;
	const char *vals[EXPORT_NCOLS];
	char bufs[EXPORT_NCOLS][32];
	size_t i;

	for (i = 0; i < x->ncols; i++)
		vals[i] = export_column_value(r, x->cols[i], bufs[i],
		    sizeof bufs[i]);
	table_row(x->t, vals);
	return 0;
}

static int
sessions_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "status", required_argument, NULL, 's' },
		{ "columns", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_filter f;
	struct list_ctx x;
	struct out_col names[EXPORT_NCOLS];
	const char *spec = NULL;
	int cols[EXPORT_NCOLS], c, rc;
	size_t n, i;
	char *cause;

	memset(&f, 0, sizeof f);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': f.org = optarg; break;
		case 's': f.status = optarg; break;
		case 'c': spec = optarg; break;
		default: goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	if (spec == NULL)
		export_preset("list", cols, &n);
	else if (export_columns_parse(spec, cols, &n, &cause) != 0) {
		cli_usage("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	for (i = 0; i < n; i++) {
		names[i].name = export_column_key(cols[i]);
		names[i].type = export_column_is_number(cols[i]) ? OUT_INT :
		    OUT_STR;
	}
	x.t = table_new(stdout, cli->format, names, (int)n);
	x.cols = cols;
	x.ncols = n;
	rc = store_session_each(cli_store(cli), &f, list_row, &x);
	table_end(x.t);
	if (rc != 0) {
		cli_error(_("cannot list the sessions: %s"),
		    store_errmsg(cli->st));
		return CLI_FAILED;
	}
	return CLI_OK;
usage:
	return cli_usage("%s", _("sessions list [--org NAME] [--status S] "
	    "[--columns C,...] [--format F]"));
}

static int
history_row(const char *at, const char *user, const char *what,
    const char *old_value, const char *new_value, void *arg)
{
	const char *vals[5] = { at, user, what, old_value, new_value };

	table_row(arg, vals);
	return 0;
}

static int
sessions_history(struct cli *cli, int argc, char **argv)
{
	static const struct out_col names[] = { { "at", OUT_STR },
	    { "user", OUT_STR }, { "what", OUT_STR }, { "old", OUT_STR },
	    { "new", OUT_STR } };
	struct table *t;
	long long number, id;
	int found;

	if (argc != 2 || (number = cli_parse_number(argv[1])) == 0)
		return cli_usage("%s", _("sessions history NUMBER"));
	found = store_session_find(cli_store(cli), number, &id, NULL);
	if (found != 1) {
		cli_error(found == 0 ? _("no session number %lld") :
		    _("cannot read session %lld"), number);
		return CLI_FAILED;
	}
	t = table_new(stdout, cli->format, names, 5);
	found = store_history_each(cli->st, id, history_row, t);
	table_end(t);
	return found == 0 ? CLI_OK : CLI_FAILED;
}

static int
sessions_export(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "preset", required_argument, NULL, 'p' },
		{ "columns", required_argument, NULL, 'c' },
		{ "org", required_argument, NULL, 'r' },
		{ "status", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	struct sessfile_request rq;
	const char *preset = NULL, *spec = NULL;
	int cols[EXPORT_NCOLS], c, queue = 0, rc;
	size_t n;
	long long id;
	char *cause;

	memset(&rq, 0, sizeof rq);
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'p': preset = optarg; break;
		case 'c': spec = optarg; break;
		case 'r': rq.org = optarg; break;
		case 's': rq.status = optarg; break;
		case 'o': rq.output = optarg; break;
		case 'q': queue = 1; break;
		default: goto usage;
		}
	}
	if (optind != argc || rq.output == NULL ||
	    (preset != NULL && spec != NULL))
		goto usage;
	if (spec != NULL) {
		if (export_columns_parse(spec, cols, &n, &cause) != 0) {
			cli_usage("%s", cause);
			free(cause);
			return CLI_USAGE;
		}
	} else if (export_preset(preset != NULL ? preset : "entagged", cols,
	    &n) != 0)
		goto usage;
	rq.cols = cols;
	rq.ncols = n;
	if ((id = sessfile_queue_export(cli_store(cli), &rq, &cause)) < 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (queue) {
		/* L10N: the job was queued for the worker */
		fprintf(stderr, _("queued job %lld\n"), id);
		return CLI_OK;
	}
	rc = sessfile_run(cli->studio_dir, cli->st, id, &cause);
	if (rc != 0)
		cli_error("%s", cause);
	else
		fprintf(stderr, "%s\n", cause);
	free(cause);
	return rc != 0 ? CLI_FAILED : CLI_OK;
usage:
	return cli_usage("%s", _("sessions export [--preset entagged|all | "
	    "--columns C,...] [--org NAME] [--status S] [--queue] "
	    "-o FILE.csv|FILE.xlsx"));
}

struct numbers {
	long long	*v;
	size_t		 n;
};

static void
numbers_add(struct numbers *nb, long long number)
{
	if ((nb->n & (nb->n - 1)) == 0)
		nb->v = xreallocarray(nb->v, nb->n == 0 ? 1 : nb->n * 2,
		    sizeof *nb->v);
	nb->v[nb->n++] = number;
}

static int
numbers_row(const struct session_row *r, void *arg)
{
	numbers_add(arg, r->number);
	return 0;
}

/* Queues the job that entering a status asks for, when picday knows that
 * kind of job (Image Upload queues "upload"). */
static void
advance_queue(struct cli *cli, const struct status_enter *e)
{
	struct strbuf sb = STRBUF_INIT;
	char *title, *cause;
	size_t i;

	if (job_kind_find(e->kind) == NULL)
		return;
	strbuf_adds(&sb, "{\"numbers\":\"");
	for (i = 0; i < e->n; i++)
		strbuf_addf(&sb, i > 0 ? ",%lld" : "%lld", e->numbers[i]);
	strbuf_adds(&sb, "\"}");
	title = xasprintf(_("%s: %zu sessions"), e->status, e->n);
	if (jobs_queue(cli->st, e->kind, title, strbuf_str(&sb), &cause) < 0) {
		cli_error(_("cannot queue the %s job: %s"), e->kind, cause);
		free(cause);
	} else
		fprintf(stderr, _("queued the %s job for %zu sessions\n"),
		    e->kind, e->n);
	free(title);
	strbuf_free(&sb);
}

static int
sessions_advance(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "org", required_argument, NULL, 'o' },
		{ "status", required_argument, NULL, 's' },
		{ "allow-back", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_filter f;
	struct status_result r;
	struct numbers nb = { NULL, 0 };
	const char *to = NULL;
	long long number;
	char *cause, *line;
	int c, back = 0, rc = CLI_OK;
	size_t i;

	memset(&f, 0, sizeof f);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 't': to = optarg; break;
		case 'o': f.org = optarg; break;
		case 's': f.status = optarg; break;
		case 'b': back = 1; break;
		default: goto usage;
		}
	}
	if ((optind == argc) == (f.org == NULL) ||
	    (f.status != NULL && f.org == NULL) || (back && to == NULL))
		goto usage;
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if ((number = cli_parse_number(argv[i])) == 0) {
			free(nb.v);
			goto usage;
		}
		numbers_add(&nb, number);
	}
	if (f.org != NULL && store_session_each(cli_store(cli), &f,
	    numbers_row, &nb) != 0) {
		cli_error(_("cannot read the sessions: %s"),
		    store_errmsg(cli->st));
		free(nb.v);
		return CLI_FAILED;
	}
	if (status_advance(cli_store(cli), nb.v, nb.n, to, back, &r,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		free(nb.v);
		return CLI_FAILED;
	}
	for (i = 0; i < r.nskips; i++) {
		line = status_skip_text(&r.skips[i]);
		cli_error("%s", line);
		free(line);
		if (r.skips[i].why == STATUS_SKIP_UNKNOWN)
			rc = CLI_FAILED;
	}
	printf(_("advanced %zu sessions to %s; %zu not moved\n"), r.moved,
	    r.moved > 0 ? r.targets : (to != NULL ? to : _("the next status")),
	    r.nskips);
	for (i = 0; i < r.nenters; i++)
		advance_queue(cli, &r.enters[i]);
	status_result_free(&r);
	free(nb.v);
	return rc;
usage:
	return cli_usage("%s", _("sessions advance [--to STATUS "
	    "[--allow-back]] NUMBER...|--org NAME [--status S]"));
}

static void
mail_note(void *arg, int failed, const char *line)
{
	cli_error("%s", line);
}

static void
mail_message(void *arg, long long number, const char *to, const char *text)
{
	const char *p;

	printf(_("--- session %lld, to %s\n"), number, to);
	for (p = text; *p != '\0'; p++)
		if (*p != '\r')
			putchar(*p);
	printf("\n");
}

/* A mail job that finished with messages refused for good names them in
 * its last_error: show them. */
static void
mail_show_refused(struct cli *cli, long long id)
{
	struct store_job j;

	if (store_job_get(cli_store(cli), id, &j) != 1)
		return;
	if (j.last_error != NULL)
		cli_error("%s", j.last_error);
	store_job_clear(&j);
}

/* The delivery template skips, and has named, the sessions with nothing
 * published: count them after the summary. */
static void
mail_no_delivery(const struct schedmail_request *rq,
    const struct schedmail_report *rep)
{
	if (rq->delivery && rep->no_delivery > 0)
		fprintf(stderr, ngettext("%zu session skipped: no published "
		    "delivery\n", "%zu sessions skipped: no published "
		    "delivery\n", rep->no_delivery), rep->no_delivery);
}

/* What is left to send: a dry pass over the same choice (database only). */
static int
mail_pending(struct cli *cli, const struct schedmail_request *rq0,
    int show, struct schedmail_report *rep)
{
	struct schedmail_request rq = *rq0;
	char *cause;

	rq.dry_run = 1;
	rq.note = show ? mail_note : NULL;
	rq.message = NULL;
	if (schedmail_run(cli_store(cli), &rq, rep, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static int
sessions_mail(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "resend", no_argument, NULL, 'r' },
		{ "queue", no_argument, NULL, 'q' },
		{ "smtp", required_argument, NULL, 's' },
		{ "template", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct schedmail_request rq;
	struct schedmail_report before, after;
	struct numbers nb = { NULL, 0 };
	struct strbuf payload = STRBUF_INIT;
	long long number, id;
	char *cause, *title;
	int c, dry = 0, queue = 0, rc;
	size_t i, sent;

	memset(&rq, 0, sizeof rq);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': rq.org = optarg; break;
		case 'n': dry = 1; break;
		case 'r': rq.resend = 1; break;
		case 'q': queue = 1; break;
		case 's': rq.smtp_url = optarg; break;
		case 't':
			if (strcmp(optarg, "delivery") == 0)
				rq.delivery = 1;
			else if (strcmp(optarg, "schedule") != 0)
				goto usage;
			break;
		default: goto usage;
		}
	}
	if ((optind == argc) == (rq.org == NULL) || (dry && queue))
		goto usage;
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if ((number = cli_parse_number(argv[i])) == 0) {
			free(nb.v);
			goto usage;
		}
		numbers_add(&nb, number);
	}
	rq.numbers = nb.v;
	rq.nnumbers = nb.n;

	if (dry) {
		rq.dry_run = 1;
		rq.note = mail_note;
		rq.message = mail_message;
		if (schedmail_run(cli_store(cli), &rq, &before, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			free(nb.v);
			return CLI_FAILED;
		}
		fprintf(stderr, _("would mail %zu sessions; %zu already "
		    "mailed, %zu without an address\n"), before.sent,
		    before.already, before.no_email);
		mail_no_delivery(&rq, &before);
		free(nb.v);
		return before.unknown > 0 ? CLI_FAILED : CLI_OK;
	}

	if (mail_pending(cli, &rq, 1, &before) != 0) {
		free(nb.v);
		return CLI_FAILED;
	}
	if (before.sent == 0) {
		printf(_("mailed 0 sessions; %zu already mailed, %zu without "
		    "an address\n"), before.already, before.no_email);
		mail_no_delivery(&rq, &before);
		free(nb.v);
		return before.unknown > 0 ? CLI_FAILED : CLI_OK;
	}
	if (rq.smtp_url != NULL && strncmp(rq.smtp_url, "smtp", 4) != 0) {
		cli_usage("%s", _("--smtp smtp://HOST[:PORT] or smtps://..."));
		free(nb.v);
		return CLI_USAGE;
	}
	strbuf_addc(&payload, '{');
	if (nb.n > 0) {
		strbuf_adds(&payload, "\"numbers\":\"");
		for (i = 0; i < nb.n; i++)
			strbuf_addf(&payload, i > 0 ? ",%lld" : "%lld",
			    nb.v[i]);
		strbuf_addc(&payload, '"');
	} else {
		strbuf_adds(&payload, "\"org\":");
		strbuf_add_json(&payload, rq.org);
	}
	if (rq.resend)
		strbuf_adds(&payload, ",\"resend\":1");
	if (rq.delivery)
		strbuf_adds(&payload, ",\"template\":\"delivery\"");
	if (rq.smtp_url != NULL) {
		strbuf_adds(&payload, ",\"smtp\":");
		strbuf_add_json(&payload, rq.smtp_url);
	}
	strbuf_addc(&payload, '}');
	title = rq.delivery ? xasprintf(_("Delivery e-mails: %zu sessions"),
	    before.sent) : xasprintf(_("Schedule e-mails: %zu sessions"),
	    before.sent);
	id = jobs_queue(cli->st, "mail", title, strbuf_str(&payload), &cause);
	free(title);
	strbuf_free(&payload);
	if (id < 0) {
		cli_error("%s", cause);
		free(cause);
		free(nb.v);
		return CLI_FAILED;
	}
	if (queue) {
		printf(_("queued job #%lld: mail %zu sessions\n"), id,
		    before.sent);
		free(nb.v);
		return CLI_OK;
	}
	/* Quietly: the cause holds one line per failed client. */
	rc = jobs_run_foreground(cli->studio_dir, id, 0, &cause);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
	} else
		mail_show_refused(cli, id);
	/* Sent = what was pending before and is not any more. */
	rq.resend = 0;
	if (mail_pending(cli, &rq, 0, &after) != 0) {
		free(nb.v);
		return CLI_FAILED;
	}
	sent = before.sent > after.sent ? before.sent - after.sent : 0;
	printf(_("mailed %zu sessions; %zu not sent; %zu without an "
	    "address\n"), sent, after.sent, before.no_email);
	mail_no_delivery(&rq, &before);
	free(nb.v);
	return rc != 0 || after.sent > 0 || before.unknown > 0 ?
	    CLI_FAILED : CLI_OK;
usage:
	return cli_usage("%s", _("sessions mail [--org NAME] [NUMBER...] "
	    "[--template schedule|delivery] [--dry-run] [--resend] [--queue] "
	    "[--smtp URL]"));
}

int
cmd_sessions(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli *, int, char **);
	} subs[] = {
		{ "schedule", sessions_schedule },
		{ "reschedule", sessions_reschedule },
		{ "list", sessions_list },
		{ "advance", sessions_advance },
		{ "history", sessions_history },
		{ "export", sessions_export },
		{ "mail", sessions_mail },
	};
	size_t i;

	if (argc >= 2) {
		for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
			if (strcmp(argv[1], subs[i].name) == 0)
				return subs[i].fn(cli, argc - 1, argv + 1);
	}
	return cli_usage("%s", _("sessions schedule|reschedule|list|advance|"
	    "history|export|mail ..."));
}
