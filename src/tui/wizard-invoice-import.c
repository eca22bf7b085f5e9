/*
 * tui/wizard-invoice-import: the Invoice Import wizard (key i in the
 * Invoices hub), a small face over core/invoice like `picday invoices
 * import`: the file, the shape (guessed, or one row per invoice / per
 * line) and a mapping template; then the dry run — the shape, each
 * column's field, new / already imported / rejected with every problem by
 * file line — and Import, which reconciles again and writes the new
 * invoices in one transaction (saving the mapping under the template's
 * name).  Esc at any step writes nothing.  Mapping columns by hand is the
 * command's --map for now (a saved template applies here).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/invoice.h"
#include "tui/hub.h"
#include "tui/invoices.h"
#include "tui/money.h"
#include "tui/sessions-act.h"
#include "tui/steps.h"
#include "util/xalloc.h"

#define IW_ROWS	14

struct iw {
	struct inv_import	*imp;
	char			*file, *tmpl;
	struct textpane		 tp;
};

static const struct form_field iw_fields[] = {
	{ N_("CSV file"), FORM_TEXT, 1, 400, NULL },
	{ N_("Rows are"), FORM_CHOICE, 0, 0, NULL },
	{ N_("Mapping template"), FORM_TEXT, 0, 80, NULL },
};

static int
iw_enter_file(struct steps *s, int page, void *arg, char **cause)
{
	static const struct form_choice shapes[] = {
		{ N_("guessed from the columns"), 0 },
		{ N_("one row per invoice"), 1 },
		{ N_("one row per line item"), 2 },
	};
	struct form_choice c[3];
	struct form_page *fp = steps_form(s, page);
	int i;

	(void)arg;
	(void)cause;
	if (*form_value(fp, 1) != '\0')
		return 0;	/* coming back: keep what was chosen */
	for (i = 0; i < 3; i++) {
		c[i].label = _(shapes[i].label);
		c[i].id = shapes[i].id;
	}
	form_page_set_choices(fp, 1, c, 3);
	return 0;
}

static int
iw_enter_dry(struct steps *s, int page, void *arg, char **cause)
{
	struct iw *iw = arg;
	struct form_page *fp = steps_form(s, 0);
	char money[48];
	size_t col, i, n;
	long long shape = form_choice_id(fp, 1);

	(void)page;
	inv_import_free(iw->imp);
	iw->imp = NULL;
	free(iw->file);
	free(iw->tmpl);
	iw->file = xstrdup(form_value(fp, 0));
	iw->tmpl = *form_value(fp, 2) != '\0' ? xstrdup(form_value(fp, 2)) :
	    NULL;
	if (inv_import_open(iw->file, NULL, 0, &iw->imp, cause) != 0)
		return -1;
	if (iw->tmpl != NULL && invoice_template_apply(tui_store(), iw->imp,
	    iw->tmpl, cause) < 0)
		return -1;
	if (shape != 0)
		inv_import_set_shape(iw->imp, shape == 2 ? INV_SHAPE_LINE :
		    INV_SHAPE_INVOICE);
	if (invoice_import_run(iw->imp, tui_store(), 0, iw->file, NULL,
	    cause) != 0)
		return -1;
	textpane_clear(&iw->tp);
	textpane_add(&iw->tp, _("%zu rows, one row per %s."),
	    inv_import_nrows(iw->imp),
	    inv_shape_name(inv_import_shape(iw->imp)));
	tui_money(inv_import_new_cents(iw->imp), money, sizeof money);
	textpane_add(&iw->tp, _("%zu new invoices (%zu lines, %s), %zu "
	    "already imported, %zu rejected."),
	    inv_import_count(iw->imp, INV_NEW), inv_import_new_lines(iw->imp),
	    money, inv_import_count(iw->imp, INV_SKIPPED),
	    inv_import_count(iw->imp, INV_REJECTED));
	n = inv_import_nproblems(iw->imp);
	for (i = 0; i < n; i++) {
		const struct inv_problem *p = inv_import_problem(iw->imp, i);

		textpane_add(&iw->tp, _("line %ld: %s"), p->line, p->reason);
	}
	textpane_add(&iw->tp, "%s", _("Columns:"));
	for (col = 0; col < inv_import_ncols(iw->imp); col++)
		textpane_add(&iw->tp, "  %s -> %s",
		    inv_import_header(iw->imp, col),
		    inv_field_name(inv_import_get_map(iw->imp, col)));
	return 0;
}

static void
iw_draw(struct steps *s, int y, int x, int h, int w, void *arg)
{
	struct iw *iw = arg;

	(void)s;
	textpane_draw(&iw->tp, y, x, h, w);
}

static int
iw_key(struct steps *s, int key, void *arg)
{
	struct iw *iw = arg;

	(void)s;
	return textpane_key(&iw->tp, key, IW_ROWS);
}

static int
iw_finish(struct steps *s, void *arg, char **cause)
{
	struct iw *iw = arg;
	char money[48];
	size_t moved = 0;

	(void)s;
	if (invoice_import_run(iw->imp, tui_store(), 1, iw->file, &moved,
	    cause) != 0)
		return -1;
	if (iw->tmpl != NULL && invoice_template_save(tui_store(), iw->imp,
	    iw->tmpl, cause) != 0)
		return -1;
	tui_money(inv_import_new_cents(iw->imp), money, sizeof money);
	tui_message(_("%zu invoices imported (%s), %zu already there, %zu "
	    "rejected; %zu sessions moved to Ordered"),
	    inv_import_count(iw->imp, INV_NEW), money,
	    inv_import_count(iw->imp, INV_SKIPPED),
	    inv_import_count(iw->imp, INV_REJECTED), moved);
	tui_reload_all();
	return 0;
}

static void
iw_free(void *arg)
{
	struct iw *iw = arg;

	inv_import_free(iw->imp);
	free(iw->file);
	free(iw->tmpl);
	textpane_clear(&iw->tp);
	free(iw);
}

static const struct steps_page iw_pages[] = {
	{ N_("The file"), N_("A CSV from the studio suite or the online shop."),
	  iw_fields, 3, 0, NULL, NULL, iw_enter_file },
	{ N_("Dry run: nothing is written until Import"),
	  N_("↑/↓ PgUp/PgDn scroll; Import writes the new invoices, Esc "
	  "cancels."), NULL, 0, IW_ROWS, iw_draw, iw_key, iw_enter_dry },
};

void
wizard_invoice_import_open(void)
{
	steps_open(_("Invoice Import"), iw_pages, 2, N_("Import"), iw_finish,
	    iw_free, xcalloc(1, sizeof(struct iw)));
}
