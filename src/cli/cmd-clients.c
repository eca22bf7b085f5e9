/*
 * cli/cmd-clients: `picday clients import`, `clients list` and `clients
 * set` (a client's role, title and priority: teachers and staff).
 *
 * import FILE [--org NAME] [--map COLUMN=FIELD]... [--dry-run]: the roster
 * import of core/roster.  stderr gets one "FILE:LINE: reason" line per
 * rejected or repeated row and then the summary ("42 new, 3 updated,
 * 10 unchanged, 2 rejected"); with --format the report rows (line, action,
 * student_id, last_name, first_name, reason) go to stdout.
 * Exit status: 0 when the import committed (or the dry run ran), even if
 * some rows were rejected: those are reported and the good rows are in;
 * 1 when nothing was written (file refused, mapping unusable, database
 * failure: the one transaction rolled back); 2 usage error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/role.h"
#include "core/roster.h"
#include "store/client.h"
#include "store/org.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define CLIENTS_USAGE "clients import FILE [--org NAME] " \
	"[--map COLUMN=FIELD]... [--dry-run] | clients list [--org NAME] " \
	"[--format F] | clients set ID [--role student|teacher|staff] " \
	"[--title TEXT] [--priority N|none]"

static void
clients_print_mapping(const struct roster *r)
{
	struct strbuf sb = STRBUF_INIT;
	size_t col;

	for (col = 0; col < roster_ncols(r); col++) {
		strbuf_addf(&sb, "%s\"%s\" -> %s", col > 0 ? ", " : "",
		    roster_header(r, col),
		    roster_field_name(roster_get_map(r, col)));
	}
	fprintf(stderr, _("%s: %zu rows; columns: %s\n"), roster_name(r),
	    roster_nrows(r), strbuf_str(&sb));
	strbuf_free(&sb);
}

static void
clients_report(struct cli *cli, const struct roster *r,
    const struct roster_report *rep)
{
	static const struct out_col cols[] = {
		{ "line", OUT_INT }, { "action", OUT_STR },
		{ "student_id", OUT_STR }, { "last_name", OUT_STR },
		{ "first_name", OUT_STR }, { "reason", OUT_STR }
	};
	size_t i;

	for (i = 0; i < rep->nrows; i++) {
		const struct roster_result *res = &rep->rows[i];

		if (res->action == ROSTER_REJECTED)
			fprintf(stderr, "%s:%ld: %s\n", roster_name(r),
			    res->line, res->reason);
		else if (res->action == ROSTER_DUPLICATE)
			fprintf(stderr, _("%s:%ld: warning: %s\n"),
			    roster_name(r), res->line, res->reason);
	}
	for (i = 0; i < rep->nnew_orgs; i++)
		fprintf(stderr, rep->committed ?
		    _("organization '%s' created\n") :
		    _("organization '%s' will be created\n"), rep->new_orgs[i]);

	if (cli->format_given) {
		struct table *t = table_new(stdout, cli->format, cols, 6);
		char line[32];
		const char *vals[6];

		for (i = 0; i < rep->nrows; i++) {
			const struct roster_result *res = &rep->rows[i];

			snprintf(line, sizeof line, "%ld", res->line);
			vals[0] = line;
			vals[1] = roster_action_name(res->action);
			vals[2] = res->student_id;
			vals[3] = res->last_name;
			vals[4] = res->first_name;
			vals[5] = res->reason;
			table_row(t, vals);
		}
		table_end(t);
	}

	/* L10N: the summary of a roster import; keep the numbers first. */
	fprintf(stderr, _("%zu new, %zu updated, %zu unchanged, %zu rejected"),
	    rep->count[ROSTER_NEW], rep->count[ROSTER_UPDATED],
	    rep->count[ROSTER_UNCHANGED], rep->count[ROSTER_REJECTED]);
	if (rep->count[ROSTER_DUPLICATE] > 0)
		fprintf(stderr, _(", %zu repeated (later row kept)"),
		    rep->count[ROSTER_DUPLICATE]);
	if (!rep->committed)
		fputs(_(" (dry run: nothing written)"), stderr);
	fputc('\n', stderr);
}

static int
clients_import(struct cli *cli, int argc, char **argv)
{
	const char *file = NULL, *org = NULL, *v;
	char **maps = NULL, *cause = NULL;
	struct roster *r = NULL;
	struct roster_report *rep = NULL;
	int i, nmaps = 0, dry = 0, missing = 0, rc = CLI_FAILED;

	maps = xcalloc((size_t)argc, sizeof *maps);
	for (i = 1; i < argc; i++) {
		if ((v = cli_optval(argc, argv, &i, "--org",
		    &missing)) != NULL)
			org = v;
		else if ((v = cli_optval(argc, argv, &i, "--map",
		    &missing)) != NULL)
			maps[nmaps++] = (char *)v;
		else if (missing) {
			rc = cli_usage(_("%s needs a value"), argv[i]);
			goto out;
		} else if (strcmp(argv[i], "--dry-run") == 0 ||
		    strcmp(argv[i], "-n") == 0)
			dry = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage(_("unknown option %s; %s"), argv[i],
			    CLIENTS_USAGE);
			goto out;
		} else if (file == NULL)
			file = argv[i];
		else {
			rc = cli_usage(_("one FILE only; %s"), CLIENTS_USAGE);
			goto out;
		}
	}
	if (file == NULL) {
		rc = cli_usage("%s", CLIENTS_USAGE);
		goto out;
	}
	/* Check the --map words before reading anything. */
	for (i = 0; i < nmaps; i++) {
		char *eq = strrchr(maps[i], '=');
		enum roster_field f;

		if (eq == NULL || eq == maps[i] ||
		    roster_field_parse(eq + 1, &f) != 0) {
			rc = cli_usage(_("--map takes COLUMN=FIELD, FIELD one "
			    "of first_name, last_name, student_id, grade, "
			    "teacher, homeroom, email, phone, guardian, role, "
			    "title, priority, organization, ignore (not '%s')"),
			    maps[i]);
			goto out;
		}
	}

	if (roster_open(file, &r, &cause) != 0)
		goto fail;
	for (i = 0; i < nmaps; i++) {
		char *eq = strrchr(maps[i], '='), *col;
		enum roster_field f;
		int bad;

		(void)roster_field_parse(eq + 1, &f);
		col = xstrndup(maps[i], (size_t)(eq - maps[i]));
		bad = roster_map_column(r, col, f, &cause);
		free(col);
		if (bad)
			goto fail;
	}
	if (dry)
		clients_print_mapping(r);
	if (roster_run(r, cli_store(cli), org, !dry, &rep, &cause) != 0) {
		if (!dry)
			clients_print_mapping(r);
		goto fail;
	}
	clients_report(cli, r, rep);
	rc = CLI_OK;
	goto out;
fail:
	cli_error(_("%s; nothing was imported"), cause);
	free(cause);
out:
	roster_report_free(rep);
	roster_free(r);
	free(maps);
	return rc;
}

static int
clients_list_row(const struct client_row *c, void *arg)
{
	char id[32];
	const char *vals[12];

	snprintf(id, sizeof id, "%lld", c->id);
	vals[0] = id;
	vals[1] = c->f[CLIENT_LAST_NAME];
	vals[2] = c->f[CLIENT_FIRST_NAME];
	vals[3] = c->f[CLIENT_STUDENT_ID];
	vals[4] = c->f[CLIENT_GRADE];
	vals[5] = c->f[CLIENT_TEACHER];
	vals[6] = c->f[CLIENT_HOMEROOM];
	vals[7] = c->f[CLIENT_EMAIL];
	vals[8] = c->organization;
	vals[9] = c->f[CLIENT_ROLE] != NULL ? c->f[CLIENT_ROLE] : "student";
	vals[10] = c->f[CLIENT_TITLE];
	vals[11] = c->f[CLIENT_PRIORITY];
	table_row(arg, vals);
	return 0;
}

static int
clients_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "id", OUT_INT }, { "last_name", OUT_STR },
		{ "first_name", OUT_STR }, { "student_id", OUT_STR },
		{ "grade", OUT_STR }, { "teacher", OUT_STR },
		{ "homeroom", OUT_STR }, { "email", OUT_STR },
		{ "organization", OUT_STR }, { "role", OUT_STR },
		{ "title", OUT_STR }, { "priority", OUT_INT }
	};
	const char *org = NULL, *v;
	struct store *st;
	struct table *t;
	long long org_id = 0;
	int i, missing = 0, rc;

	for (i = 1; i < argc; i++) {
		if ((v = cli_optval(argc, argv, &i, "--org",
		    &missing)) != NULL)
			org = v;
		else if (missing)
			return cli_usage(_("%s needs a value"), argv[i]);
		else
			return cli_usage(_("unexpected %s; %s"), argv[i],
			    CLIENTS_USAGE);
	}
	st = cli_store(cli);
	if (org != NULL && store_org_find(st, org, &org_id) != 1) {
		cli_error(_("no organization '%s' (see picday org list)"), org);
		return CLI_FAILED;
	}
	t = table_new(stdout, cli->format, cols, 12);
	rc = store_client_list(st, org_id, clients_list_row, t);
	table_end(t);
	if (rc != 0) {
		cli_error(_("cannot list clients"));
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* clients set ID [--role R] [--title T] [--priority N|none]: the other
 * fields stay as they are. */
static int
clients_set(struct cli *cli, int argc, char **argv)
{
	const char *role = NULL, *title = NULL, *prio = NULL, *v;
	char buf[8], *end, *cause = NULL;
	struct client c;
	long long id = 0;
	int i, missing = 0, got;

	for (i = 1; i < argc; i++) {
		if ((v = cli_optval(argc, argv, &i, "--role",
		    &missing)) != NULL)
			role = v;
		else if ((v = cli_optval(argc, argv, &i, "--title",
		    &missing)) != NULL)
			title = v;
		else if ((v = cli_optval(argc, argv, &i, "--priority",
		    &missing)) != NULL)
			prio = v;
		else if (missing)
			return cli_usage(_("%s needs a value"), argv[i]);
		else if (id == 0 && (id = strtoll(argv[i], &end, 10)) > 0 &&
		    *end == '\0')
			continue;
		else
			return cli_usage(_("unexpected %s; %s"), argv[i],
			    CLIENTS_USAGE);
	}
	if (id <= 0 || (role == NULL && title == NULL && prio == NULL))
		return cli_usage("%s", CLIENTS_USAGE);
	if (prio != NULL && strcmp(prio, "none") == 0)
		prio = "";
	if (role_cells(&role, &prio, buf, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	if ((got = store_client_get(cli_store(cli), id, &c)) != 1) {
		cli_error(got == 0 ? _("no client %lld (see picday clients "
		    "list)") : _("cannot read client %lld"), id);
		return CLI_FAILED;
	}
	if (role != NULL) {
		free(c.f[CLIENT_ROLE]);
		c.f[CLIENT_ROLE] = *role != '\0' ? xstrdup(role) : NULL;
	}
	if (title != NULL) {
		free(c.f[CLIENT_TITLE]);
		c.f[CLIENT_TITLE] = *title != '\0' ? xstrdup(title) : NULL;
	}
	if (prio != NULL) {
		free(c.f[CLIENT_PRIORITY]);
		c.f[CLIENT_PRIORITY] = *prio != '\0' ? xstrdup(prio) : NULL;
	}
	if (store_client_save(cli_store(cli), &c, NULL, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		client_clear(&c);
		return CLI_FAILED;
	}
	client_clear(&c);
	return CLI_OK;
}

int
cmd_clients(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("%s", CLIENTS_USAGE);
	if (strcmp(argv[1], "import") == 0)
		return clients_import(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return clients_list(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "set") == 0)
		return clients_set(cli, argc - 1, argv + 1);
	return cli_usage(_("unknown clients command '%s'; %s"), argv[1],
	    CLIENTS_USAGE);
}
