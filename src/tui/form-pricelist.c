/*
 * tui/form-pricelist: the price-list editor of the Setup hub (p): an item
 * new or edited — its list, code, name, kind, price, print size, DPI,
 * sheet size (n-up), a package's contents and a digital item's grant —
 * and the delete of an item no invoice names.  The form's values go
 * through the same reading and checks as `picday pricelist import`
 * (core/pricelist), as a one-row file: the reasons are the same.  Nothing
 * is written before OK.  UI thread only.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/pricelist.h"
#include "store/db.h"
#include "store/pricelist.h"
#include "tui/dialog.h"
#include "tui/form.h"
#include "tui/setup.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum {
	F_LIST, F_CODE, F_NAME, F_KIND, F_PRICE, F_WIDTH, F_HEIGHT, F_DPI,
	F_SHEET_W, F_SHEET_H, F_CONTAINS, F_GRANT, F_LONG_SIDE, F_WATERMARK,
	F_RELEASE, F_N
};

/* The CSV header of the form's row, in field order from F_CODE. */
static const char *const pl_header = "code,name,kind,price,width_in,"
    "height_in,dpi,sheet_width_in,sheet_height_in,contains,grant,long_side,"
    "watermark,release";

static int
pl_valid_price(const char *v, void *arg, char **cause)
{
	long long c;

	(void)arg;
	if (money_parse(v, &c) != 0 || c < 0) {
		*cause = xstrdup(_("an amount like 18, 12.50 or $1,234.50"));
		return -1;
	}
	return 0;
}

static const struct form_field pl_fields[F_N] = {
	{ N_("Price list"), FORM_TEXT, 1, 60, NULL },
	{ N_("Code"), FORM_TEXT, 1, 30, NULL },
	{ N_("Name"), FORM_TEXT, 1, 60, NULL },
	{ N_("Kind"), FORM_CHOICE, 0, 0, NULL },
	{ N_("Price"), FORM_TEXT, 1, 20, pl_valid_price },
	{ N_("Width (in)"), FORM_TEXT, 0, 10, NULL },
	{ N_("Height (in)"), FORM_TEXT, 0, 10, NULL },
	{ N_("DPI"), FORM_INT, 0, 5, NULL },
	{ N_("Sheet W (in)"), FORM_TEXT, 0, 10, NULL },
	{ N_("Sheet H (in)"), FORM_TEXT, 0, 10, NULL },
	{ N_("Contains"), FORM_TEXT, 0, 200, NULL },
	{ N_("Grant"), FORM_TEXT, 0, 60, NULL },
	{ N_("Long side (px)"), FORM_INT, 0, 6, NULL },
	{ N_("Watermark"), FORM_CHOICE, 0, 0, NULL },
	{ N_("Release"), FORM_CHOICE, 0, 0, NULL },
};

/* A CSV field, quoted. */
static void
pl_csv(struct strbuf *sb, const char *v, int first)
{
	if (!first)
		strbuf_addc(sb, ',');
	strbuf_addc(sb, '"');
	for (; *v != '\0'; v++) {
		if (*v == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, *v);
	}
	strbuf_addc(sb, '"');
}

static int
pl_submit(struct form_page *p, void *arg, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	struct pricelist_file *pf = NULL;
	int f, rc = -1;

	(void)arg;
	strbuf_adds(&sb, pl_header);
	strbuf_addc(&sb, '\n');
	for (f = F_CODE; f < F_N; f++) {
		const char *v = form_value(p, f);

		if (f == F_WATERMARK || f == F_RELEASE)
			v = form_choice_id(p, f) ? "yes" : "no";
		else if (f == F_KIND)
			v = form_choice_id(p, f) == 1 ? "print" :
			    form_choice_id(p, f) == 2 ? "digital" :
			    form_choice_id(p, f) == 3 ? "package" : "other";
		pl_csv(&sb, v, f == F_CODE);
	}
	strbuf_addc(&sb, '\n');
	if (pricelist_read(_("the form"), strbuf_str(&sb), sb.len, &pf,
	    cause) != 0)
		goto out;
	if (pf->nrows != 1) {
		*cause = xstrdup(_("the item cannot be read"));
		goto out;
	}
	if (pf->rows[0].action == PRICELIST_REJECTED) {
		*cause = xstrdup(pf->rows[0].reason);
		goto out;
	}
	if (pricelist_run(pf, tui_store(), form_value(p, F_LIST), 1,
	    cause) != 0)
		goto out;
	tui_message(_("%s %s saved in price list %s"),
	    pf->rows[0].item.code, pf->rows[0].item.name,
	    form_value(p, F_LIST));
	tui_reload_all();
	rc = 0;
out:
	pricelist_file_free(pf);
	strbuf_free(&sb);
	return rc;
}

static void
pl_num(struct form_page *p, int f, double v)
{
	char buf[32];

	if (v > 0) {
		snprintf(buf, sizeof buf, "%g", v);
		form_set_value(p, f, buf);
	}
}

void
form_pricelist_item(long long id)
{
	static const char *const kinds[] = { "print", "digital", "package",
	    "other" };
	struct pricelist_item it;
	struct form_choice kc[4], yn[2], ny[2];
	struct form_page *p;
	char buf[48];
	int i, k = 0;

	memset(&it, 0, sizeof it);
	if (id != 0 && store_pricelist_item_by_id(tui_store(), id, &it) != 1) {
		tui_error("%s", _("No item here."));
		return;
	}
	p = form_page_new(pl_fields, F_N, NULL);
	/* The item's kind first: a choice starts on its first entry. */
	for (i = 0; i < 4; i++)
		if (it.kind != NULL && strcmp(it.kind, kinds[i]) == 0)
			k = i;
	for (i = 0; i < 4; i++) {
		kc[i].label = kinds[(k + i) % 4];
		kc[i].id = (k + i) % 4 + 1;
	}
	form_page_set_choices(p, F_KIND, kc, 4);
	ny[0].label = _("no");
	ny[0].id = 0;
	ny[1].label = _("yes");
	ny[1].id = 1;
	yn[0] = ny[1];
	yn[1] = ny[0];
	form_page_set_choices(p, F_WATERMARK, it.grant_watermark ? yn : ny, 2);
	form_page_set_choices(p, F_RELEASE, it.grant_release ? yn : ny, 2);
	form_set_value(p, F_LIST, it.list != NULL ? it.list : "Default");
	if (id != 0) {
		form_set_value(p, F_CODE, it.code);
		form_set_value(p, F_NAME, it.name);
		money_plain(it.price_cents, buf, sizeof buf);
		form_set_value(p, F_PRICE, buf);
		pl_num(p, F_WIDTH, it.width_in);
		pl_num(p, F_HEIGHT, it.height_in);
		pl_num(p, F_SHEET_W, it.sheet_width_in);
		pl_num(p, F_SHEET_H, it.sheet_height_in);
		if (it.dpi > 0) {
			snprintf(buf, sizeof buf, "%d", it.dpi);
			form_set_value(p, F_DPI, buf);
		}
		if (it.contains != NULL)
			form_set_value(p, F_CONTAINS, it.contains);
		if (it.grant_style != NULL)
			form_set_value(p, F_GRANT, it.grant_style);
		if (it.grant_long_side > 0) {
			snprintf(buf, sizeof buf, "%d", it.grant_long_side);
			form_set_value(p, F_LONG_SIDE, buf);
		}
	}
	pricelist_item_clear(&it);
	/* L10N: a new code on an edited item adds an item. */
	form_open(id == 0 ? _("New price-list item") :
	    _("Edit price-list item"), p, pl_submit, NULL);
}

static void
pl_delete_yes(void *arg)
{
	long long id = (long long)(intptr_t)arg;
	int r = store_pricelist_item_delete(tui_store(), id);

	if (r == 1)
		tui_message("%s", _("Item deleted."));
	else if (r == 0)
		tui_error("%s", _("The item is on invoices: it stays."));
	else
		tui_error(_("Cannot delete: %s"), store_errmsg(tui_store()));
	tui_reload_all();
}

void
form_pricelist_delete(long long id)
{
	struct pricelist_item it;
	char *text;

	if (id == 0 || store_pricelist_item_by_id(tui_store(), id, &it) != 1) {
		tui_error("%s", _("No item here."));
		return;
	}
	text = xasprintf(_("Delete %s (%s) from price list %s?"), it.code,
	    it.name, it.list);
	dialog_confirm(_("Delete item"), text, pl_delete_yes,
	    (void *)(intptr_t)id);
	free(text);
	pricelist_item_clear(&it);
}
