/*
 * cmd-setup: `picday setup list|get|set|secret`: the studio's preferences
 * for scripts (the Setup hub edits the same).  Secrets (passwords) go to the
 * 0600 secrets file through `setup secret KEY`, which reads the value from
 * standard input so that it never stands in argv or shell history.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/autogroup.h"
#include "core/invoice.h"
#include "core/money.h"
#include "core/uploadcfg.h"
#include "jobs/delivery.h"
#include "net/fetch.h"
#include "net/upload.h"
#include "store/db.h"
#include "store/secrets.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct setting {
	const char	*key;
	const char	*what;
	int		(*check)(const char *, char **);
};

static int
check_long_side(const char *v, char **cause)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 64 || n > 8192) {
		*cause = xstrdup(_("a number of pixels from 64 to 8192"));
		return -1;
	}
	return 0;
}

static int
check_smtp_url(const char *v, char **cause)
{
	const char *host;

	if (strncmp(v, "smtp://", 7) != 0 && strncmp(v, "smtps://", 8) != 0) {
		*cause = xstrdup(_("a URL starting smtp:// or smtps://"));
		return -1;
	}
	host = strstr(v, "://") + 3;
	if (strchr(host, '@') != NULL) {
		*cause = xstrdup(_("no user or password in the URL: set "
		    "mail.smtp_user, and the password with `picday setup "
		    "secret mail.smtp_password`"));
		return -1;
	}
	return 0;
}

static int
check_address(const char *v, char **cause)
{
	if (strchr(v, '@') == NULL || strpbrk(v, " \t\r\n<>") != NULL) {
		*cause = xstrdup(_("an e-mail address like studio@example.org"));
		return -1;
	}
	return 0;
}

static int
check_invoices_url(const char *v, char **cause)
{
	if (!fetch_is_url(v) || strchr(strstr(v, "://") + 3, '@') != NULL) {
		*cause = xstrdup(_("a URL starting https:// or http://, without "
		    "a user or password (invoices.user, and `picday setup "
		    "secret invoices.password`)"));
		return -1;
	}
	return 0;
}

static int
check_upload_url(const char *v, char **cause)
{
	return *v == '\0' || upload_url_ok(v, cause) ? 0 : -1;
}

static int
check_parallel(const char *v, char **cause)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v != '\0' && (*end != '\0' || n < 1 || n > 64)) {
		*cause = xstrdup(_("a number from 1 to 64"));
		return -1;
	}
	return 0;
}

static int
check_every(const char *v, char **cause)
{
	if (invoice_every_seconds(v) < 0) {
		*cause = xstrdup(_("30s, 15m, 1h, or a number of minutes"));
		return -1;
	}
	return 0;
}

static int
check_composite_page(const char *v, char **cause)
{
	if (strcmp(v, "8x10") != 0 && strcmp(v, "10x13") != 0) {
		*cause = xstrdup(_("8x10 or 10x13"));
		return -1;
	}
	return 0;
}

static int
check_rate(const char *v, char **cause)
{
	if (*v != '\0' && uploadcfg_parse_rate(v) <= 0) {
		*cause = xstrdup(_("a rate in bytes a second, e.g. 500k or "
		    "2M"));
		return -1;
	}
	return 0;
}

static int
check_imprint(const char *v, char **cause)
{
	if (strcmp(v, "none") != 0 && strcmp(v, "name") != 0 &&
	    strcmp(v, "name+org") != 0) {
		*cause = xstrdup(_("none, name or name+org"));
		return -1;
	}
	return 0;
}

static int
check_auto_rule(const char *v, char **cause)
{
	if (autogroup_rule_parse(v) < 0) {
		*cause = xstrdup(_("first:N or selected"));
		return -1;
	}
	return 0;
}

static int
check_threads(const char *v, char **cause)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 0 || n > 64) {
		*cause = xstrdup(_("a number of prints at once, 1-64 (0: one "
		    "per core)"));
		return -1;
	}
	return 0;
}

static int
check_presign(const char *v, char **cause)
{
	if (*v != '\0' && delivery_expires_parse(v) < 0) {
		*cause = xstrdup(_("a duration of at most 7 days, e.g. 7d or "
		    "24h"));
		return -1;
	}
	return 0;
}

static int
check_on_invoice(const char *v, char **cause)
{
	if (*v != '\0' && strcmp(v, "build") != 0 &&
	    strcmp(v, "publish") != 0 && strcmp(v, "off") != 0) {
		*cause = xstrdup(_("build, publish or off"));
		return -1;
	}
	return 0;
}

/* L10N: what each preference is, shown by `picday setup list`. */
static const struct setting settings[] = {
	{ "preview.long_side", N_("long side of previews, in pixels"),
	    check_long_side },
	{ "preview.watermark", N_("watermark text on online previews"), NULL },
	{ "delivery.watermark", N_("watermark on delivered images whose "
	    "grant wants one: a text, or the path of a PNG with alpha "
	    "(default: preview.watermark)"), NULL },
	{ "delivery.on_invoice", N_("what an invoice with an item granting "
	    "downloads queues: build (default), publish, or off"),
	    check_on_invoice },
	{ "groups.auto", N_("an image group made for every session (for "
	    "grants of style group:NAME), filled at import and at each "
	    "delivery build"), NULL },
	{ "groups.auto_rule", N_("what fills groups.auto: first:N (the "
	    "first N frames) or selected (the ✓ ones; the default)"),
	    check_auto_rule },
	{ "delivery.release", N_("the copyright release sent with a "
	    "delivery whose grant wants it: the path of the studio's own PDF "
	    "(/.../release.pdf), or its wording, laid out by picday under the "
	    "studio, client, date and number of images"), NULL },
	{ "delivery.presign", N_("with an s3:// upload target, `delivery "
	    "publish` keeps a presigned URL valid this long (e.g. 7d, 24h; "
	    "at most 7d; empty: the plain URL)"), check_presign },
	{ "delivery.url", N_("public address of the upload target, for the "
	    "URLs `delivery publish` prints (default: the target's URL)"),
	    NULL },
	{ "mail.from", N_("sender of the studio's e-mails"), check_address },
	{ "mail.smtp_url", N_("mail server, e.g. smtp://mail.example.org:587"),
	    check_smtp_url },
	{ "mail.smtp_user", N_("user name on the mail server"), NULL },
	{ "mail.schedule.subject", N_("subject of the schedule e-mail "
	    "({first_name} {last_name} {guardian} {organization} {date} "
	    "{time} {number})"), NULL },
	{ "mail.schedule.body", N_("body of the schedule e-mail (same "
	    "fields)"), NULL },
	{ "mail.delivery.subject", N_("subject of the delivery e-mail "
	    "(the same fields and {url}, the published delivery)"), NULL },
	{ "mail.delivery.body", N_("body of the delivery e-mail (same "
	    "fields)"), NULL },
	{ "invoices.url", N_("the online shop's orders (https://...), "
	    "polled by `picday worker` and the open TUI"), check_invoices_url },
	{ "invoices.every", N_("how often the worker polls invoices.url "
	    "(30s, 15m, 1h; a number is minutes)"), check_every },
	{ "invoices.cacert", N_("CA file for invoices.url (else the "
	    "system's)"), NULL },
	{ "invoices.template", N_("mapping template for the shop's orders"),
	    NULL },
	{ "invoices.user", N_("user name at the online shop whose orders "
	    "`invoices import URL` fetches"), NULL },
	{ "money.symbol", N_("currency symbol of amounts, at most 4 "
	    "characters ($)"), NULL },
	{ "money.position", N_("where the symbol goes: before or after the "
	    "amount (before)"), NULL },
	{ "money.thousands", N_("thousands separator of amounts: , . ' a "
	    "space, or none (,)"), NULL },
	{ "money.decimal", N_("decimal mark of amounts: . or , (.)"), NULL },
	{ "studio.name", N_("the studio's name (yearbook README, copyright)"),
	    NULL },
	{ "studio.copyright", N_("copyright text of the yearbook volume "
	    "(COPYRIGHT.TXT)"), NULL },
	{ "school.year", N_("school year on composites, e.g. 2026-2027 "
	    "(default: from the first session date)"), NULL },
	{ "composite.page", N_("page size of class composites: 8x10 or "
	    "10x13"), check_composite_page },
	{ "production.imprint", N_("the back-print text in manifest.csv "
	    "(a back_print column: the student's name, with name+org the "
	    "organization too), never on the picture: none, name or "
	    "name+org (default none)"), check_imprint },
	{ "production.threads", N_("prints rendered at once (default 0: "
	    "one per core)"), check_threads },
	{ "upload.url", N_("upload target (set with `picday upload target`)"),
	    check_upload_url },
	{ "upload.user", N_("user name, or S3 access key, on the upload "
	    "target"), NULL },
	{ "upload.identity", N_("SFTP private key file"), NULL },
	{ "upload.known_hosts", N_("SFTP known_hosts file (default "
	    "~/.ssh/known_hosts)"), NULL },
	{ "upload.cacert", N_("CA bundle for a private TLS CA"), NULL },
	{ "upload.parallel", N_("transfers at once (default 4)"),
	    check_parallel },
	{ "upload.limit_rate", N_("bandwidth limit, e.g. 2M (bytes a "
	    "second)"), check_rate },
	{ "upload.endpoint", N_("S3 endpoint URL"), NULL },
	{ "upload.region", N_("S3 region (default us-east-1)"), NULL },
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static const char *const secret_keys[] = { "mail.smtp_password",
    "invoices.password", "upload.password" };
#define NSECRETS (sizeof secret_keys / sizeof secret_keys[0])

static const struct setting *
setting_find(const char *key)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

static int
setup_list(struct cli *cli)
{
	static const struct out_col cols[] = { { "key", OUT_STR },
	    { "value", OUT_STR }, { "about", OUT_STR } };
	struct store *st = cli_store(cli);
	struct table *t = table_new(stdout, cli->format, cols, 3);
	char *cause = NULL;
	size_t i;

	for (i = 0; i < NSETTINGS; i++) {
		char *v = store_pref_get(st, settings[i].key);
		const char *row[3] = { settings[i].key, v ? v : "",
		    _(settings[i].what) };

		table_row(t, row);
		free(v);
	}
	for (i = 0; i < NSECRETS; i++) {
		char *v = NULL, *mask;
		const char *row[3];

		if (secrets_get(st, secret_keys[i], &v, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			cause = NULL;
		}
		mask = secrets_mask(v);
		row[0] = secret_keys[i];
		row[1] = mask;
		row[2] = _("secret (set with `picday setup secret KEY`)");
		table_row(t, row);
		free(mask);
		secrets_free(v);
	}
	table_end(t);
	return CLI_OK;
}

/* The money format with value for key and the other money.* settings as
 * they are: it must read back without doubt (core/money). */
static int
setup_check_money(struct cli *cli, const char *key, const char *value)
{
	static const char *const keys[] = { "money.symbol", "money.position",
	    "money.thousands", "money.decimal" };
	char *v[4], *cause = NULL;
	struct money_style ms;
	int i, rc;

	for (i = 0; i < 4; i++)
		v[i] = strcmp(key, keys[i]) == 0 ? xstrdup(value) :
		    store_pref_get(cli_store(cli), keys[i]);
	ms.symbol = v[0];
	ms.position = v[1];
	ms.thousands = v[2];
	ms.decimal = v[3];
	if ((rc = money_style_check(&ms, &cause)) != 0) {
		cli_error(_("%s: '%s' refused: %s"), key, value, cause);
		free(cause);
	}
	for (i = 0; i < 4; i++)
		free(v[i]);
	return rc;
}

static int
setup_set(struct cli *cli, const char *key, const char *value)
{
	const struct setting *s = setting_find(key);
	char *cause = NULL;
	size_t i;

	for (i = 0; i < NSECRETS; i++)
		if (strcmp(key, secret_keys[i]) == 0)
			return cli_usage(_("%s is a secret: use `picday setup "
			    "secret %s` (reads it from standard input)"), key,
			    key);
	if (s == NULL)
		return cli_usage(_("unknown setting '%s' (see `picday setup "
		    "list`)"), key);
	if (s->check != NULL && s->check(value, &cause) != 0) {
		cli_error(_("%s: '%s' is not %s"), key, value, cause);
		free(cause);
		return CLI_FAILED;
	}
	if (strncmp(key, "money.", 6) == 0 && setup_check_money(cli, key,
	    value) != 0)
		return CLI_FAILED;
	if (store_pref_set(cli_store(cli), key, value) != 0) {
		cli_error(_("cannot save %s: %s"), key,
		    store_errmsg(cli_store(cli)));
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
setup_secret(struct cli *cli, const char *key, int unset)
{
	char line[1024], *cause = NULL;
	size_t i;
	int rc;

	for (i = 0; i < NSECRETS; i++)
		if (strcmp(key, secret_keys[i]) == 0)
			break;
	if (i == NSECRETS)
		return cli_usage(_("unknown secret '%s' (known: "
		    "mail.smtp_password, invoices.password, upload.password)"), key);
	if (unset)
		rc = secrets_set(cli_store(cli), key, NULL, &cause);
	else {
		if (isatty(STDIN_FILENO))
			fprintf(stderr, _("%s (one line, ends with Enter): "),
			    key);
		if (fgets(line, sizeof line, stdin) == NULL) {
			cli_error(_("no value on standard input"));
			return CLI_FAILED;
		}
		line[strcspn(line, "\r\n")] = '\0';
		rc = secrets_set(cli_store(cli), key, line, &cause);
		memset(line, 0, sizeof line);
	}
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

int
cmd_setup(struct cli *cli, int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "list";

	if (strcmp(what, "list") == 0 && argc <= 2)
		return setup_list(cli);
	if (strcmp(what, "get") == 0 && argc == 3) {
		char *v;

		if (setting_find(argv[2]) == NULL)
			return cli_usage(_("unknown setting '%s' (see `picday "
			    "setup list`)"), argv[2]);
		v = store_pref_get(cli_store(cli), argv[2]);
		printf("%s\n", v ? v : "");
		free(v);
		return CLI_OK;
	}
	if (strcmp(what, "set") == 0 && argc == 4)
		return setup_set(cli, argv[2], argv[3]);
	if (strcmp(what, "secret") == 0 && (argc == 3 || (argc == 4 &&
	    strcmp(argv[3], "--unset") == 0)))
		return setup_secret(cli, argv[2], argc == 4);
	return cli_usage(_("setup list | get KEY | set KEY VALUE | "
	    "secret KEY [--unset]"));
}
