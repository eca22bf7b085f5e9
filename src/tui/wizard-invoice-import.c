/*
 * tui/wizard-invoice-import: the Invoice Import wizard (key i in the
 * Invoices hub), a small face over core/invoice like `picday invoices
 * import`: 1. the file, the shape (guessed, or one row per invoice / per
 * line) and a mapping template (applied when it exists); 2. the mapping,
 * field by field: each field the import knows (invoice number, session or
 * client number, item code, quantity, prices, date...) with the file
 * column it reads, Enter opens the list of the file's columns to pick one
 * (↑/↓ j/k, Enter; "(none)" unmaps), beside a preview of the first rows of
 * that column; s saves the mapping as a named template now (it is also
 * saved under the step 1 name on Import); 3. the dry run — the shape, new
 * / already imported / rejected with every problem by file line — and
 * Import, which reconciles again and writes the new invoices in one
 * transaction.  Esc at any step writes nothing but a template saved with
 * s (templates are not invoices).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/invoice.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/invoices.h"
#include "tui/money.h"
#include "tui/sessions-act.h"
#include "tui/steps.h"
#include "util/xalloc.h"

#define IW_ROWS	14

enum { STEP_FILE, STEP_MAP, STEP_DRY, STEP_N };

struct iw {
	struct inv_import	*imp;
	char			*file, *tmpl;
	long long		 shape;		/* of step 1: 0 guessed */
	struct textpane		 tp;
	int			 cur, top;	/* field cursor, first shown */
	int			 picking;	/* the column list is open */
	long			 pick, ptop;	/* its cursor (-1: none) */
};

/* The fields in the order the mapping step lists them. */
static const struct {
	enum inv_field	 f;
	const char	*label;
} iw_map_fields[] = {
	{ INV_INVOICE, N_("Invoice number") },
	{ INV_SESSION, N_("Session number") },
	{ INV_CLIENT, N_("Client number") },
	{ INV_STUDENT_ID, N_("Student ID") },
	{ INV_DATE, N_("Invoice date") },
	{ INV_ITEM, N_("Item code") },
	{ INV_DESCRIPTION, N_("Description") },
	{ INV_QUANTITY, N_("Quantity") },
	{ INV_UNIT_PRICE, N_("Unit price") },
	{ INV_AMOUNT, N_("Line total") },
	{ INV_TOTAL, N_("Invoice total") },
	{ INV_PAID, N_("Paid") },
	{ INV_IMAGE, N_("Image") },
};
#define IW_NMAP	((int)(sizeof iw_map_fields / sizeof iw_map_fields[0]))

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

/* Step 1 -> 2: the file opened (again only when the file or the template
 * changed: going back keeps what was mapped by hand), the template
 * applied, the shape set. */
static int
iw_enter_map(struct steps *s, int page, void *arg, char **cause)
{
	struct iw *iw = arg;
	struct form_page *fp = steps_form(s, STEP_FILE);
	const char *file = form_value(fp, 0), *tmpl = form_value(fp, 2);
	struct inv_import *imp = NULL;
	char *why = NULL;

	(void)page;
	iw->picking = 0;
	if (steps_current(s) != STEP_FILE)
		return 0;	/* back from the dry run */
	/* Back to "guessed" needs the file read afresh (a shape once set
	 * stays set). */
	if (iw->imp == NULL || strcmp(file, iw->file) != 0 ||
	    strcmp(tmpl, iw->tmpl != NULL ? iw->tmpl : "") != 0 ||
	    (form_choice_id(fp, 1) == 0 && iw->shape != 0)) {
		if (inv_import_open(file, NULL, 0, &imp, cause) != 0)
			return -1;
		if (*tmpl != '\0' && invoice_template_apply(tui_store(), imp,
		    tmpl, cause) < 0) {
			inv_import_free(imp);
			return -1;
		}
		inv_import_free(iw->imp);
		iw->imp = imp;
		free(iw->file);
		free(iw->tmpl);
		iw->file = xstrdup(file);
		iw->tmpl = *tmpl != '\0' ? xstrdup(tmpl) : NULL;
		iw->cur = iw->top = 0;
	}
	iw->shape = form_choice_id(fp, 1);
	if (iw->shape != 0)
		inv_import_set_shape(iw->imp, iw->shape == 2 ?
		    INV_SHAPE_LINE : INV_SHAPE_INVOICE);
	/* Headers recognised by themselves: Enter goes on to the dry run
	 * (↑/↓ come to the fields); else the fields have the focus. */
	if (inv_import_check(iw->imp, &why) == 0)
		steps_focus_next(s);
	free(why);
	return 0;
}

/* Keeps *cur within [lo, n) and on screen in a window of h rows. */
static void
iw_scroll(long *cur, long *top, long lo, long n, int h)
{
	if (*cur >= n)
		*cur = n - 1;
	if (*cur < lo)
		*cur = lo;
	if (*cur < *top)
		*top = *cur;
	if (h > 0 && *cur >= *top + h)
		*top = *cur - h + 1;
	if (*top < lo)
		*top = lo;
}

/*
 * Row 0: the shape and whether the mapping can import (else why not); then
 * the fields with their columns (or, while picking, "(none)" and the
 * file's columns), and on the right the first rows of the column under
 * the cursor.
 */
static void
iw_draw_map(struct steps *s, int y, int x, int h, int w, void *arg)
{
	struct iw *iw = arg;
	struct inv_import *imp = iw->imp;
	enum inv_field f = iw_map_fields[iw->cur].f;
	long ncols = (long)inv_import_ncols(imp), col, i, cur, top;
	int lw = w * 11 / 20, pw = w - lw - 2, lab = 16, rows = h - 1;
	int focus = steps_pane_focused(s);
	enum tui_role role;
	size_t r, nrows = inv_import_nrows(imp);
	char *t, *why = NULL;

	if (iw->picking) {
		t = xasprintf(_("Column for %s (Enter picks, Esc keeps):"),
		    _(iw_map_fields[iw->cur].label));
		tui_put(y, x, w, ROLE_HEADER, t);
		free(t);
		iw_scroll(&iw->pick, &iw->ptop, -1, ncols, rows);
		for (i = iw->ptop; i < ncols && i < iw->ptop + rows; i++) {
			int yy = y + 1 + (int)(i - iw->ptop);

			role = i == iw->pick ? ROLE_CURSOR : ROLE_NORMAL;
			tui_fill(yy, x, lw, role);
			t = xasprintf("%s %s", inv_import_col_of(imp, f) == i ?
			    "*" : " ", i < 0 ? _("(none)") :
			    inv_import_header(imp, (size_t)i));
			tui_put(yy, x, lw, role, t);
			free(t);
		}
		col = iw->pick;
	} else {
		if (inv_import_check(imp, &why) != 0) {
			/* "/path/to/orders.csv: no ...": the file's own
			 * name is enough here. */
			const char *name = inv_import_name(imp);
			const char *base = strrchr(name, '/');
			size_t n = strlen(name);

			t = base != NULL && strncmp(why, name, n) == 0 ?
			    xasprintf("%s%s", base + 1, why + n) :
			    xstrdup(why);
			tui_put(y, x, w, ROLE_ERROR, t);
			free(t);
			free(why);
		} else {
			t = xasprintf(_("%zu rows, one row per %s%s: ready for "
			    "the dry run (Next)."), nrows,
			    inv_shape_name(inv_import_shape(imp)),
			    iw->shape == 0 ? _(" (guessed)") : "");
			tui_put(y, x, w, ROLE_DIM, t);
			free(t);
		}
		cur = iw->cur;
		top = iw->top;
		iw_scroll(&cur, &top, 0, IW_NMAP, rows);
		iw->cur = (int)cur;
		iw->top = (int)top;
		for (i = iw->top; i < IW_NMAP && i < iw->top + rows; i++) {
			int yy = y + 1 + (int)(i - iw->top);

			col = inv_import_col_of(imp, iw_map_fields[i].f);
			role = i == iw->cur && focus ? ROLE_CURSOR :
			    ROLE_NORMAL;
			tui_fill(yy, x, lw, role);
			tui_put(yy, x, lab, role == ROLE_CURSOR ? role :
			    ROLE_LABEL, _(iw_map_fields[i].label));
			tui_put(yy, x + lab + 1, lw - lab - 1, role ==
			    ROLE_CURSOR ? role : col < 0 ? ROLE_DIM :
			    ROLE_NORMAL, col < 0 ? _("(none)") :
			    inv_import_header(imp, (size_t)col));
		}
		col = inv_import_col_of(imp, f);
	}
	/* The preview: the first rows of the column under the cursor. */
	x += lw + 2;
	if (col < 0) {
		tui_put(y + 1, x, pw, ROLE_HEADER, _("First rows"));
		tui_put(y + 2, x, pw, ROLE_DIM, _("(no column)"));
		return;
	}
	t = xasprintf(_("First rows of %s"), inv_import_header(imp,
	    (size_t)col));
	tui_put(y + 1, x, pw, ROLE_HEADER, t);
	free(t);
	for (r = 0; r < nrows && (int)r < rows - 1; r++)
		tui_put(y + 2 + (int)r, x, pw, ROLE_NORMAL,
		    inv_import_cell(imp, r, (size_t)col));
}

/* s: the mapping saved as a template under the name typed. */
static const struct form_field iw_tmpl_fields[] = {
	{ N_("Template name"), FORM_TEXT, 1, 80, NULL },
};

static int
iw_tmpl_submit(struct form_page *p, void *arg, char **cause)
{
	struct iw *iw = arg;
	const char *name = form_value(p, 0);

	if (invoice_template_save(tui_store(), iw->imp, name, cause) != 0)
		return -1;
	free(iw->tmpl);
	iw->tmpl = xstrdup(name);
	tui_message(_("Mapping saved as template %s."), name);
	return 0;
}

static void
iw_tmpl_open(struct iw *iw)
{
	struct form_page *p = form_page_new(iw_tmpl_fields, 1, iw);

	if (iw->tmpl != NULL)
		form_set_value(p, 0, iw->tmpl);
	form_open(_("Save the mapping as a template"), p, iw_tmpl_submit,
	    iw);
}

static int
iw_key_map(struct steps *s, int key, void *arg)
{
	struct iw *iw = arg;
	enum tui_action list = keys_action(key, SCOPE_LIST);
	enum tui_action form = keys_action(key, SCOPE_FORM);
	enum inv_field f = iw_map_fields[iw->cur].f;
	long ncols = (long)inv_import_ncols(iw->imp), col;
	long page = LINES - 12 > 1 ? LINES - 12 : 1;
	long *p = iw->picking ? &iw->pick : NULL;
	long c = iw->cur;

	if (iw->picking) {
		if (form == ACT_CANCEL) {
			iw->picking = 0;
			return 1;
		}
		if (form == ACT_ACCEPT) {
			col = inv_import_col_of(iw->imp, f);
			if (iw->pick < 0) {
				if (col >= 0)
					inv_import_set_map(iw->imp,
					    (size_t)col, INV_IGNORE);
			} else
				inv_import_set_map(iw->imp, (size_t)iw->pick,
				    f);
			iw->picking = 0;
			steps_set_error(s, NULL);
			return 1;
		}
	} else
		p = &c;
	if (list == ACT_UP || list == ACT_DOWN || list == ACT_PAGE_UP ||
	    list == ACT_PAGE_DOWN || list == ACT_FIRST || list == ACT_LAST) {
		*p += list == ACT_UP ? -1 : list == ACT_DOWN ? 1 :
		    list == ACT_PAGE_UP ? -page : list == ACT_PAGE_DOWN ?
		    page : list == ACT_FIRST ? -ncols - IW_NMAP :
		    ncols + IW_NMAP;
		if (iw->picking) {
			if (*p >= ncols)
				*p = ncols - 1;
			if (*p < -1)
				*p = -1;
		} else {
			iw->cur = c < 0 ? 0 : c >= IW_NMAP ? IW_NMAP - 1 :
			    (int)c;
			steps_focus_pane(s);
		}
		return 1;
	}
	if (iw->picking)
		return 1;	/* the list is modal */
	if (tui_key_char(key) == 's') {
		iw_tmpl_open(iw);
		return 1;
	}
	if (!steps_pane_focused(s))
		return 0;
	if (form == ACT_ACCEPT) {
		iw->picking = 1;
		iw->pick = inv_import_col_of(iw->imp, f);
		iw->ptop = -1;
		return 1;
	}
	return 0;
}

/* Step 2 -> 3: the dry run (nothing written). */
static int
iw_enter_dry(struct steps *s, int page, void *arg, char **cause)
{
	struct iw *iw = arg;
	char money[48];
	size_t col, i, n;

	(void)s;
	(void)page;
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

static const struct steps_page iw_pages[STEP_N] = {
	[STEP_FILE] = { N_("The file"), N_("A CSV from the studio suite or "
	  "the online shop."), iw_fields, 3, 0, NULL, NULL, iw_enter_file },
	[STEP_MAP] = { N_("Which column each field reads"),
	  N_("j/k a field; Enter picks its column; s saves a template; "
	  "Tab: buttons"), NULL, 0, IW_NMAP + 1, iw_draw_map,
	  iw_key_map, iw_enter_map },
	[STEP_DRY] = { N_("Dry run: nothing is written until Import"),
	  N_("↑/↓ PgUp/PgDn scroll; Import writes the new invoices, Esc "
	  "cancels."), NULL, 0, IW_ROWS, iw_draw, iw_key, iw_enter_dry },
};

static const char *const iw_names[STEP_N] = {
	N_("file"), N_("mapping"), N_("dry run"),
};

void
wizard_invoice_import_open(void)
{
	struct steps *s;

	s = steps_open(_("Invoice Import"), iw_pages, STEP_N, N_("Import"),
	    iw_finish, iw_free, xcalloc(1, sizeof(struct iw)));
	if (s == NULL)
		return;
	steps_set_names(s, iw_names);
	steps_pane_focus(s, STEP_MAP);
}
