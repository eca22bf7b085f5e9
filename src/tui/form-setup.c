/*
 * tui/form-setup: the forms and confirmations of the Setup hub (setup.h):
 * organizations, statuses, the mail preferences, the upload target and
 * the money format.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/uploadcfg.h"
#include "net/upload.h"
#include "store/db.h"
#include "store/org.h"
#include "store/setup.h"
#include "tui/dialog.h"
#include "tui/form.h"
#include "tui/money.h"
#include "tui/setup.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- organizations ---- */

enum { O_NAME, O_CODE, O_NFIELDS };

static const struct form_field setup_org_fields[O_NFIELDS] = {
	[O_NAME] = { N_("Name"), FORM_TEXT, 1, 100, NULL },
	[O_CODE] = { N_("Code"), FORM_TEXT, 0, 20, NULL },
};

static int
setup_org_submit(struct form_page *p, void *arg, char **cause)
{
	long long id = (long long)(intptr_t)arg;
	const char *name = form_value(p, O_NAME);

	if (id == 0) {
		if (store_org_add(tui_store(), name, form_value(p, O_CODE),
		    NULL, cause) != 0)
			return -1;
	} else if (store_org_update(tui_store(), id, name,
	    form_value(p, O_CODE), cause) != 0)
		return -1;
	tui_reload_all();
	tui_message(_("Organization %s saved."), name);
	return 0;
}

void
form_setup_org(long long id)
{
	struct form_page *p;
	char *name = NULL, *code = NULL;

	if (id != 0 && store_org_get(tui_store(), id, &name, &code) != 1) {
		tui_error(_("No organization here."));
		return;
	}
	p = form_page_new(setup_org_fields, O_NFIELDS, NULL);
	if (name != NULL)
		form_set_value(p, O_NAME, name);
	if (code != NULL)
		form_set_value(p, O_CODE, code);
	form_open(id == 0 ? _("New organization") : _("Edit organization"), p,
	    setup_org_submit, (void *)(intptr_t)id);
	free(name);
	free(code);
}

static void
setup_org_delete_yes(void *arg)
{
	char *cause = NULL;

	if (store_org_delete(tui_store(), (long long)(intptr_t)arg,
	    &cause) != 0) {
		dialog_message(_("Organization not deleted"), cause);
		free(cause);
		return;
	}
	tui_reload_all();
	tui_message(_("Organization deleted."));
}

void
form_setup_org_delete(long long id)
{
	char *name = NULL, *code = NULL, *text;

	if (id == 0 || store_org_get(tui_store(), id, &name, &code) != 1) {
		tui_error(_("No organization here."));
		return;
	}
	text = xasprintf(_("Delete organization %s?"), name);
	dialog_confirm(_("Delete organization"), text, setup_org_delete_yes,
	    (void *)(intptr_t)id);
	free(text);
	free(name);
	free(code);
}

/* ---- statuses ---- */

static const struct form_field setup_status_fields[] = {
	{ N_("Status"), FORM_TEXT, 1, 40, NULL },
};

/* One form at a time: what OK does. */
static struct {
	int		 add;
	long long	 id;
} setup_status_form;

static int
setup_status_submit(struct form_page *p, void *arg, char **cause)
{
	const char *name = form_value(p, 0);

	(void)arg;
	if (setup_status_form.add) {
		if (store_setup_status_add(tui_store(), name,
		    setup_status_form.id, NULL, cause) != 0)
			return -1;
	} else if (store_setup_status_rename(tui_store(), setup_status_form.id,
	    name, cause) != 0)
		return -1;
	tui_reload_all();
	tui_message(_("Status %s saved."), name);
	return 0;
}

void
form_setup_status(int add, long long id)
{
	struct form_page *p;

	setup_status_form.add = add;
	setup_status_form.id = id;
	p = form_page_new(setup_status_fields, 1, NULL);
	if (!add) {
		char *name = store_setup_status_name(tui_store(), id);

		if (name == NULL) {
			form_page_free(p);
			tui_error(_("No status here."));
			return;
		}
		form_set_value(p, 0, name);
		free(name);
	}
	form_open(add ? _("New status (after this one)") : _("Rename status"),
	    p, setup_status_submit, NULL);
}

static void
setup_status_delete_yes(void *arg)
{
	char *cause = NULL;

	if (store_setup_status_delete(tui_store(), (long long)(intptr_t)arg,
	    &cause) != 0) {
		dialog_message(_("Status not deleted"), cause);
		free(cause);
		return;
	}
	tui_reload_all();
	tui_message(_("Status deleted."));
}

void
form_setup_status_delete(long long id)
{
	char *name, *text;

	if (id == 0 || (name = store_setup_status_name(tui_store(),
	    id)) == NULL) {
		tui_error(_("No status here."));
		return;
	}
	text = xasprintf(_("Delete status %s?"), name);
	dialog_confirm(_("Delete status"), text, setup_status_delete_yes,
	    (void *)(intptr_t)id);
	free(text);
	free(name);
}

void
form_setup_status_move(long long id, int delta)
{
	char *cause = NULL;

	if (id == 0)
		return;
	if (store_setup_status_move(tui_store(), id, delta, &cause) != 0) {
		tui_error("%s", cause);
		free(cause);
		return;
	}
	tui_reload_all();
}

/* ---- mail settings ---- */

enum { M_FROM, M_URL, M_USER, M_SUBJECT, M_BODY, M_NFIELDS };

static const char *const setup_mail_keys[M_NFIELDS] = {
	"mail.from", "mail.smtp_url", "mail.smtp_user",
	"mail.schedule.subject", "mail.schedule.body",
};

static int
setup_check_from(const char *v, void *arg, char **cause)
{
	const char *at = strchr(v, '@');

	(void)arg;
	if (at == NULL || at == v || at[1] == '\0' || strchr(v, ' ') != NULL) {
		*cause = xasprintf(_("%s does not look like an e-mail "
		    "address"), v);
		return -1;
	}
	return 0;
}

static int
setup_check_url(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (strncmp(v, "smtp://", 7) != 0 && strncmp(v, "smtps://", 8) != 0) {
		*cause = xasprintf(_("give it as smtp://host:port or "
		    "smtps://host"));
		return -1;
	}
	return 0;
}

static const struct form_field setup_mail_fields[M_NFIELDS] = {
	[M_FROM] = { N_("Sender"), FORM_TEXT, 1, 100, setup_check_from },
	[M_URL] = { N_("SMTP server"), FORM_TEXT, 0, 200, setup_check_url },
	[M_USER] = { N_("SMTP user"), FORM_TEXT, 0, 100, NULL },
	[M_SUBJECT] = { N_("Subject"), FORM_TEXT, 1, 200, NULL },
	/* L10N: the body is one line in the form; \n is a new line. */
	[M_BODY] = { N_("Body (\\n)"), FORM_TEXT, 1, 4000, NULL },
};

/* The body on one line: a new line as \n, a backslash as \\. */
static char *
setup_escape(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s != '\0'; s++) {
		if (*s == '\n')
			strbuf_adds(&sb, "\\n");
		else if (*s == '\\')
			strbuf_adds(&sb, "\\\\");
		else if (*s != '\r')
			strbuf_addc(&sb, *s);
	}
	return strbuf_take(&sb);
}

static char *
setup_unescape(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			strbuf_addc(&sb, '\n');
			s++;
		} else if (s[0] == '\\' && s[1] == '\\') {
			strbuf_addc(&sb, '\\');
			s++;
		} else
			strbuf_addc(&sb, *s);
	}
	return strbuf_take(&sb);
}

static int
setup_mail_submit(struct form_page *p, void *arg, char **cause)
{
	struct store *st = tui_store();
	char *body;
	int i, rc = 0;

	(void)arg;
	if (store_begin(st) != 0)
		goto fail;
	body = setup_unescape(form_value(p, M_BODY));
	for (i = 0; i < M_NFIELDS && rc == 0; i++)
		rc = store_pref_set(st, setup_mail_keys[i], i == M_BODY ?
		    body : form_value(p, i));
	free(body);
	if (rc != 0) {
		*cause = xasprintf(_("cannot save the mail settings: %s"),
		    store_errmsg(st));
		store_rollback(st);
		return -1;
	}
	if (store_commit(st) != 0)
		goto fail;
	tui_message(_("Mail settings saved."));
	return 0;
fail:
	*cause = xasprintf(_("cannot save the mail settings: %s"),
	    store_errmsg(st));
	return -1;
}

void
form_setup_mail(void)
{
	struct form_page *p;
	char *v, *e;
	int i;

	p = form_page_new(setup_mail_fields, M_NFIELDS, NULL);
	for (i = 0; i < M_NFIELDS; i++) {
		if ((v = store_pref_get(tui_store(), setup_mail_keys[i])) ==
		    NULL)
			continue;
		e = i == M_BODY ? setup_escape(v) : xstrdup(v);
		form_set_value(p, i, e);
		free(e);
		free(v);
	}
	form_open(_("Mail settings"), p, setup_mail_submit, NULL);
}

/* ---- the upload target ---- */

enum { U_URL, U_USER, U_IDENTITY, U_KNOWN, U_CACERT, U_PARALLEL, U_RATE,
	U_ENDPOINT, U_REGION, U_NFIELDS };

static int
setup_check_upload_url(const char *v, void *arg, char **cause)
{
	char *why = NULL;

	(void)arg;
	if (upload_url_ok(v, &why))
		return 0;
	*cause = xasprintf(_("give %s"), why);
	free(why);
	return -1;
}

static int
setup_check_rate(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (uploadcfg_parse_rate(v) > 0)
		return 0;
	*cause = xstrdup(_("bytes a second, e.g. 500k or 2M"));
	return -1;
}

static int
setup_check_parallel(const char *v, void *arg, char **cause)
{
	long n = strtol(v, NULL, 10);

	(void)arg;
	if (n >= 1 && n <= 64)
		return 0;
	*cause = xstrdup(_("from 1 to 64 transfers"));
	return -1;
}

static const struct form_field setup_upload_fields[U_NFIELDS] = {
	[U_URL] = { N_("URL"), FORM_TEXT, 1, 300, setup_check_upload_url },
	[U_USER] = { N_("User"), FORM_TEXT, 0, 100, NULL },
	[U_IDENTITY] = { N_("SFTP key file"), FORM_TEXT, 0, 300, NULL },
	[U_KNOWN] = { N_("Known hosts"), FORM_TEXT, 0, 300, NULL },
	[U_CACERT] = { N_("CA file"), FORM_TEXT, 0, 300, NULL },
	[U_PARALLEL] = { N_("Parallel"), FORM_TEXT, 0, 2,
	    setup_check_parallel },
	[U_RATE] = { N_("Rate limit"), FORM_TEXT, 0, 20, setup_check_rate },
	[U_ENDPOINT] = { N_("S3 endpoint"), FORM_TEXT, 0, 300, NULL },
	[U_REGION] = { N_("S3 region"), FORM_TEXT, 0, 40, NULL },
};

static int
setup_upload_submit(struct form_page *p, void *arg, char **cause)
{
	struct store *st = tui_store();
	char *why = NULL;
	int i, rc = 0;

	(void)arg;
	if (store_begin(st) != 0)
		goto fail;
	for (i = 0; i < U_NFIELDS && rc == 0; i++)
		rc = store_pref_set(st, uploadcfg_keys[i], form_value(p, i));
	if (rc != 0) {
		store_rollback(st);
		goto fail;
	}
	if (store_commit(st) != 0)
		goto fail;
	/* Saved; then the test connection (a small file written and
	 * deleted), so the operator sees at once whether it works. */
	if (uploadcfg_test(st, &why) != 0) {
		tui_error("%s", why);
		free(why);
	} else
		tui_message(_("Upload target saved; test file written and "
		    "deleted."));
	return 0;
fail:
	*cause = xasprintf(_("cannot save the upload target: %s"),
	    store_errmsg(st));
	return -1;
}

void
form_setup_upload(void)
{
	struct form_page *p;
	char *v;
	int i;

	p = form_page_new(setup_upload_fields, U_NFIELDS, NULL);
	for (i = 0; i < U_NFIELDS; i++) {
		if ((v = store_pref_get(tui_store(), uploadcfg_keys[i])) ==
		    NULL)
			continue;
		form_set_value(p, i, v);
		free(v);
	}
	/* L10N: the password is set with `picday setup secret
	 * upload.password`, never typed into a form on screen. */
	form_open(_("Upload target (save tests it)"), p, setup_upload_submit,
	    NULL);
}

/* ---- the money format ---- */

enum { MF_SYMBOL, MF_POSITION, MF_THOUSANDS, MF_DECIMAL, MF_NFIELDS };

static const char *const money_keys[MF_NFIELDS] = {
	"money.symbol", "money.position", "money.thousands", "money.decimal",
};

/* The choices of each field, by id (1...): the labels shown, the values
 * stored. */
static const struct {
	const char	*label;
	const char	*value;
} money_positions[] = {
	{ N_("before the amount"), "before" },
	{ N_("after the amount"), "after" },
}, money_thousands[] = {
	{ N_(", (comma)"), "," }, { N_(". (point)"), "." },
	{ N_("' (apostrophe)"), "'" }, { N_("a space"), " " },
	{ N_("none"), "" },
}, money_decimals[] = {
	{ N_(". (point)"), "." }, { N_(", (comma)"), "," },
};
#define MONEY_N(a)	((int)(sizeof a / sizeof a[0]))

static int
setup_check_symbol(const char *v, void *arg, char **cause)
{
	struct money_style ms = { v, NULL, NULL, NULL };

	(void)arg;
	return money_style_check(&ms, cause);
}

static const struct form_field setup_money_fields[MF_NFIELDS] = {
	[MF_SYMBOL] = { N_("Symbol"), FORM_TEXT, 0, 4, setup_check_symbol },
	[MF_POSITION] = { N_("Symbol goes"), FORM_CHOICE, 1, 0, NULL },
	[MF_THOUSANDS] = { N_("Thousands"), FORM_CHOICE, 1, 0, NULL },
	[MF_DECIMAL] = { N_("Decimal mark"), FORM_CHOICE, 1, 0, NULL },
};

/* The style the fields give now (pointers into the page and the tables). */
static void
setup_money_style(struct form_page *p, struct money_style *ms)
{
	long long pos = form_choice_id(p, MF_POSITION);
	long long th = form_choice_id(p, MF_THOUSANDS);
	long long dec = form_choice_id(p, MF_DECIMAL);

	ms->symbol = form_value(p, MF_SYMBOL);
	ms->position = pos >= 1 && pos <= MONEY_N(money_positions) ?
	    money_positions[pos - 1].value : NULL;
	ms->thousands = th >= 1 && th <= MONEY_N(money_thousands) ?
	    money_thousands[th - 1].value : NULL;
	ms->decimal = dec >= 1 && dec <= MONEY_N(money_decimals) ?
	    money_decimals[dec - 1].value : NULL;
}

/* The live example under the fields, or why the format cannot be. */
static char *
setup_money_note(struct form_page *p, void *arg)
{
	struct money_style ms;
	char big[64], small[64], *cause = NULL, *s;

	(void)arg;
	setup_money_style(p, &ms);
	if (money_style_check(&ms, &cause) != 0) {
		/* L10N: the money form's live check, e.g. "Not possible: the
		 * decimal mark: . or ," */
		s = xasprintf(_("Not possible: %s"), cause);
		free(cause);
		return s;
	}
	money_format_style(123456789, &ms, big, sizeof big);
	money_format_style(-5, &ms, small, sizeof small);
	/* L10N: the money form's live example, e.g. "Example: $1,234,567.89
	 * and -$0.05" */
	return xasprintf(_("Example: %s and %s"), big, small);
}

static int
setup_money_submit(struct form_page *p, void *arg, char **cause)
{
	struct store *st = tui_store();
	struct money_style ms;
	const char *v[MF_NFIELDS];
	char shown[64];
	int i, rc = 0;

	(void)arg;
	setup_money_style(p, &ms);
	if (money_style_check(&ms, cause) != 0)
		return -1;
	v[MF_SYMBOL] = ms.symbol;
	v[MF_POSITION] = ms.position;
	v[MF_THOUSANDS] = ms.thousands;
	v[MF_DECIMAL] = ms.decimal;
	if (store_begin(st) != 0)
		goto fail;
	for (i = 0; i < MF_NFIELDS && rc == 0; i++)
		rc = store_pref_set(st, money_keys[i], v[i]);
	if (rc != 0) {
		store_rollback(st);
		goto fail;
	}
	if (store_commit(st) != 0)
		goto fail;
	tui_money_reload();
	tui_reload_all();
	money_format_style(123450, &ms, shown, sizeof shown);
	tui_message(_("Money format saved: amounts read %s."), shown);
	return 0;
fail:
	*cause = xasprintf(_("cannot save the money format: %s"),
	    store_errmsg(st));
	return -1;
}

void
form_setup_money(void)
{
	struct form_choice c[8];
	struct form_page *p;
	char *v;
	int i;

	p = form_page_new(setup_money_fields, MF_NFIELDS, NULL);
	for (i = 0; i < MONEY_N(money_positions); i++) {
		c[i].label = _(money_positions[i].label);
		c[i].id = i + 1;
	}
	form_page_set_choices(p, MF_POSITION, c, i);
	for (i = 0; i < MONEY_N(money_thousands); i++) {
		c[i].label = _(money_thousands[i].label);
		c[i].id = i + 1;
	}
	form_page_set_choices(p, MF_THOUSANDS, c, i);
	for (i = 0; i < MONEY_N(money_decimals); i++) {
		c[i].label = _(money_decimals[i].label);
		c[i].id = i + 1;
	}
	form_page_set_choices(p, MF_DECIMAL, c, i);
	/* What is set now (a value no choice has keeps the first). */
	if ((v = store_pref_get(tui_store(), "money.symbol")) != NULL)
		form_set_value(p, MF_SYMBOL, v);
	else
		form_set_value(p, MF_SYMBOL, "$");
	free(v);
	v = store_pref_get(tui_store(), "money.position");
	for (i = 0; v != NULL && i < MONEY_N(money_positions); i++)
		if (strcmp(v, money_positions[i].value) == 0)
			form_set_choice(p, MF_POSITION, i + 1);
	free(v);
	v = store_pref_get(tui_store(), "money.thousands");
	for (i = 0; v != NULL && i < MONEY_N(money_thousands); i++)
		if (strcmp(v, money_thousands[i].value) == 0)
			form_set_choice(p, MF_THOUSANDS, i + 1);
	free(v);
	v = store_pref_get(tui_store(), "money.decimal");
	for (i = 0; v != NULL && i < MONEY_N(money_decimals); i++)
		if (strcmp(v, money_decimals[i].value) == 0)
			form_set_choice(p, MF_DECIMAL, i + 1);
	free(v);
	form_page_set_note(p, setup_money_note);
	form_open(_("Money format"), p, setup_money_submit, NULL);
}
