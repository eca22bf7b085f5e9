/* tui/hub-list: a hub's list, note and detail pane (hub.h). */
#include "config.h"

#include <stdlib.h>

#include "tui/form.h"
#include "tui/hub.h"
#include "util/xalloc.h"

struct hub_list *
hub_list_new(enum lists_kind kind, const struct list_column *cols,
    int ncolumns, int detail_rows, const char *note)
{
	struct hub_list *hl = xcalloc(1, sizeof *hl);

	hl->list = list_new(kind, cols, ncolumns);
	hl->kind = kind;
	hl->detail_rows = detail_rows;
	hl->note = note;
	return hl;
}

void
hub_list_free(struct hub_list *hl)
{
	if (hl == NULL)
		return;
	list_free(hl->list);
	free(hl->note_text);
	free(hl);
}

void
hub_list_draw(struct hub_list *hl, int y, int h, int w)
{
	int lh;

	if (hl->note_text != NULL || hl->note != NULL) {
		tui_fill(y, 0, w, ROLE_NORMAL);
		tui_put(y, 0, w, ROLE_DIM, hl->note_text != NULL ?
		    hl->note_text : _(hl->note));
		y++;
		h--;
	}
	lh = h - hl->detail_rows;
	list_draw(hl->list, y, lh, w);
	if (hl->detail_rows > 0)
		tui_detail(hl->kind, list_current(hl->list), y + lh,
		    hl->detail_rows, w);
}

void
hub_list_hub_draw(struct hub *h, int y, int hgt, int w)
{
	hub_list_draw(h->data, y, hgt, w);
}

void
hub_list_hub_reload(struct hub *h)
{
	struct hub_list *hl = h->data;

	list_reload(hl->list);
}

struct list *
hub_list_hub_list(struct hub *h)
{
	struct hub_list *hl = h->data;

	return hl != NULL ? hl->list : NULL;
}

void
hub_list_hub_free(struct hub *h)
{
	hub_list_free(h->data);
	h->data = NULL;
}

struct hub_choices {
	struct form_choice	*c;
	int			 n, col;
};

static void
hub_choice_add(struct hub_choices *hc, long long id, const char *label)
{
	hc->c = xreallocarray(hc->c, hc->n + 1, sizeof *hc->c);
	hc->c[hc->n].label = xstrdup(label != NULL ? label : "?");
	hc->c[hc->n].id = id;
	hc->n++;
}

static int
hub_choice_row(long long id, const char *const *cols, void *arg)
{
	struct hub_choices *hc = arg;

	hub_choice_add(hc, id, cols[hc->col]);
	return 0;
}

void
hub_choices(enum lists_kind kind, int label_col, const char *first,
    struct form_choice **out, int *n)
{
	struct hub_choices hc = { NULL, 0, label_col };

	hub_choice_add(&hc, 0, first);
	lists_range(tui_store(), kind, NULL, 0, 1000, 0, 1000,
	    hub_choice_row, &hc);
	*out = hc.c;
	*n = hc.n;
}

void
hub_choices_free(struct form_choice *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free((char *)c[i].label);
	free(c);
}
