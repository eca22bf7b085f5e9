/*
 * tui/form-delivery: the digital delivery settings of the Setup hub (D):
 * the watermark (a text, or the path of a PNG with alpha), the copyright
 * release (the path of the studio's PDF, or its wording, one line with \n
 * for a new line), the image group made for every session and its rule,
 * what an invoice with a granted item queues, the expiry of presigned S3
 * URLs, the public address of the target, and the delivery e-mail.
 * Each field is the setup key of the same meaning (picday setup list);
 * nothing is written before OK, and then in one transaction.  UI thread.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/autogroup.h"
#include "jobs/delivery.h"
#include "store/db.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/setup.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum { D_WATERMARK, D_RELEASE, D_GROUP, D_RULE, D_ON_INVOICE, D_PRESIGN,
	D_URL, D_SUBJECT, D_BODY, D_NFIELDS };

static const char *const delivery_keys[D_NFIELDS] = {
	"delivery.watermark", "delivery.release", "groups.auto",
	"groups.auto_rule", "delivery.on_invoice", "delivery.presign",
	"delivery.url", "mail.delivery.subject", "mail.delivery.body",
};

static int
check_rule(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (autogroup_rule_parse(v) < 0) {
		*cause = xstrdup(_("the rule is first:N or selected"));
		return -1;
	}
	return 0;
}

static int
check_presign(const char *v, void *arg, char **cause)
{
	(void)arg;
	if (delivery_expires_parse(v) < 0) {
		*cause = xstrdup(_("a duration of at most 7 days, e.g. 7d or "
		    "24h"));
		return -1;
	}
	return 0;
}

static const struct form_field delivery_fields[D_NFIELDS] = {
	/* L10N: a text, or the path of a PNG with alpha */
	[D_WATERMARK] = { N_("Watermark"), FORM_TEXT, 0, 400, NULL },
	/* L10N: the path of a PDF, or the wording (\n: new line) */
	[D_RELEASE] = { N_("Release"), FORM_TEXT, 0, 4000, NULL },
	[D_GROUP] = { N_("Auto group"), FORM_TEXT, 0, 60, NULL },
	/* L10N: first:N or selected */
	[D_RULE] = { N_("Group rule"), FORM_TEXT, 0, 20, check_rule },
	[D_ON_INVOICE] = { N_("On invoice"), FORM_CHOICE, 1, 0, NULL },
	/* L10N: expiry of presigned S3 URLs, e.g. 7d; empty: none */
	[D_PRESIGN] = { N_("Presign"), FORM_TEXT, 0, 10, check_presign },
	[D_URL] = { N_("Public URL"), FORM_TEXT, 0, 400, NULL },
	[D_SUBJECT] = { N_("Mail subject"), FORM_TEXT, 0, 200, NULL },
	/* L10N: the body is one line in the form; \n is a new line. */
	[D_BODY] = { N_("Mail body (\\n)"), FORM_TEXT, 0, 4000, NULL },
};

static const char *const on_invoice[] = { "build", "publish", "off" };

/* One line in the form: a new line as \n, a backslash as \\. */
static char *
one_line(const char *s, int back)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s != '\0'; s++) {
		if (!back && *s == '\n')
			strbuf_adds(&sb, "\\n");
		else if (!back && *s == '\\')
			strbuf_adds(&sb, "\\\\");
		else if (back && s[0] == '\\' && (s[1] == 'n' || s[1] == '\\'))
			strbuf_addc(&sb, *++s == 'n' ? '\n' : '\\');
		else if (*s != '\r')
			strbuf_addc(&sb, *s);
	}
	return strbuf_take(&sb);
}

static int
delivery_submit(struct form_page *p, void *arg, char **cause)
{
	struct store *st = tui_store();
	char *v;
	int i, rc = 0;
	long long how = form_choice_id(p, D_ON_INVOICE);

	(void)arg;
	if (store_begin(st) != 0)
		goto fail;
	for (i = 0; i < D_NFIELDS && rc == 0; i++) {
		if (i == D_ON_INVOICE)
			v = xstrdup(how >= 1 && how <= 3 ?
			    on_invoice[how - 1] : "build");
		else if (i == D_RELEASE || i == D_BODY)
			v = one_line(form_value(p, i), 1);
		else
			v = xstrdup(form_value(p, i));
		rc = store_pref_set(st, delivery_keys[i], v);
		free(v);
	}
	if (rc != 0) {
		store_rollback(st);
		goto fail;
	}
	if (store_commit(st) != 0)
		goto fail;
	tui_message(_("Delivery settings saved."));
	return 0;
fail:
	*cause = xasprintf(_("cannot save the delivery settings: %s"),
	    store_errmsg(st));
	return -1;
}

void
form_setup_delivery(void)
{
	struct form_choice c[3];
	struct form_page *p;
	char *v, *e;
	int i, k, first = 0;

	p = form_page_new(delivery_fields, D_NFIELDS, NULL);
	for (i = 0; i < D_NFIELDS; i++) {
		if ((v = store_pref_get(tui_store(), delivery_keys[i])) ==
		    NULL)
			continue;
		if (i == D_ON_INVOICE) {
			for (k = 0; k < 3; k++)
				if (strcmp(v, on_invoice[k]) == 0)
					first = k;
		} else {
			e = i == D_RELEASE || i == D_BODY ? one_line(v, 0) :
			    xstrdup(v);
			form_set_value(p, i, e);
			free(e);
		}
		free(v);
	}
	/* The current choice first: a choice field starts on its first. */
	for (k = 0; k < 3; k++) {
		c[k].label = on_invoice[(first + k) % 3];
		c[k].id = (first + k) % 3 + 1;
	}
	form_page_set_choices(p, D_ON_INVOICE, c, 3);
	form_open(_("Delivery settings"), p, delivery_submit, NULL);
}
