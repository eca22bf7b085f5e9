/*
 * tui/detail: the detail pane under a hub's list — every field of the
 * current row as label: value, in one column or two when they do not fit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/lists.h"
#include "tui/detail.h"
#include "tui/tui.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define DETAIL_MAX	16

static const struct {
	const char	*col;
	const char	*label;
} detail_labels[] = {
	{ "first_name", N_("First name") }, { "last_name", N_("Last name") },
	{ "student_id", N_("Student ID") }, { "organization", N_("Organization") },
	{ "grade", N_("Grade") }, { "teacher", N_("Teacher") },
	{ "homeroom", N_("Homeroom") }, { "email", N_("Email") },
	{ "phone", N_("Phone") }, { "guardian", N_("Guardian") },
	{ "sessions", N_("Sessions") }, { "number", N_("Number") },
	{ "client", N_("Client") }, { "type", N_("Type") },
	{ "time", N_("Time") }, { "status", N_("Status") },
	{ "kind", N_("Kind") }, { "title", N_("Title") },
	{ "state", N_("State") }, { "progress", N_("Progress") },
	{ "attempts", N_("Attempts") }, { "last_error", N_("Last error") },
	{ "name", N_("Name") }, { "code", N_("Code") },
	{ "created_at", N_("Created") }, { "position", N_("Position") },
	{ "on_enter", N_("On entering") }, { "invoice_date", N_("Date") },
	{ "transfer", N_("Transfer") }, { "role", N_("Role") },
	{ "priority", N_("Priority") },
	{ "total", N_("Total") }, { "source", N_("Source") },
	{ "invoice", N_("Invoice") }, { "rendered_at", N_("Rendered") },
	{ "folder", N_("Folder") },
};

struct detail {
	const char	*label[DETAIL_MAX];
	char		*value[DETAIL_MAX];
	int		 n;
};

static void
detail_add(const char *col, const char *value, void *arg)
{
	struct detail *d = arg;
	size_t i;

	if (d->n == DETAIL_MAX)
		return;
	d->label[d->n] = col;
	for (i = 0; i < sizeof detail_labels / sizeof detail_labels[0]; i++)
		if (strcmp(detail_labels[i].col, col) == 0)
			d->label[d->n] = _(detail_labels[i].label);
	d->value[d->n] = xstrdup(value != NULL ? value : "");
	d->n++;
}

void
tui_detail(enum lists_kind kind, long long id, int y, int h, int w)
{
	struct detail d;
	int i, ncol, rows, colw, lw = 13, r, c;

	memset(&d, 0, sizeof d);
	for (i = 0; i < h; i++)
		tui_fill(y + i, 0, w, ROLE_NORMAL);
	attrset(tui_attr(ROLE_FRAME));
	mvhline(y, 0, ACS_HLINE, w);
	attrset(A_NORMAL);
	if (id <= 0 || h < 2)
		return;
	lists_detail(tui_store(), kind, id, detail_add, &d);
	rows = h - 1;
	ncol = d.n > rows ? 2 : 1;
	colw = w / ncol;
	for (i = 0; i < d.n; i++) {
		char *lab;

		r = i % rows;
		c = i / rows;
		if (c >= ncol)
			break;
		lab = xasprintf("%s:", d.label[i]);
		tui_put(y + 1 + r, c * colw + 1, lw, ROLE_LABEL, lab);
		free(lab);
		tui_put(y + 1 + r, c * colw + 1 + lw + 1, colw - lw - 3,
		    ROLE_NORMAL, d.value[i]);
	}
	for (i = 0; i < d.n; i++)
		free(d.value[i]);
}
