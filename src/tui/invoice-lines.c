/*
 * tui/invoice-lines: an invoice's lines (Enter in the Invoices hub) as a
 * modal layer: item, description, quantity, unit price and amount as
 * money, the ordered image's name; ↑/↓ pick a line and the picture of its
 * image shows beside the list (chafa, tui/picture); the total and what was
 * paid at the bottom.  Esc, Enter or q closes.  UI thread only.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/invoice.h"
#include "tui/invoices.h"
#include "tui/keys.h"
#include "tui/money.h"
#include "tui/picture.h"
#include "tui/tui.h"
#include "util/xalloc.h"

struct il_line {
	char		*text;		/* the line as shown */
	long long	 image_id;
	char		*image_path;	/* or NULL */
};

struct il {
	struct tui_layer	 layer;
	char			*title, *foot;
	struct il_line		*lines;
	int			 n, cur;
	struct tui_picture	*pic;
};

static int
il_add(const struct invoice_line_row *r, void *arg)
{
	struct il *il = arg;
	char unit[48], amount[48];
	struct il_line *ln;

	il->lines = xreallocarray(il->lines, il->n + 1, sizeof *il->lines);
	ln = &il->lines[il->n++];
	tui_money(r->unit_cents, unit, sizeof unit);
	tui_money(r->amount_cents, amount, sizeof amount);
	ln->text = xasprintf("%-6.6s %-16.16s %4lld x %10s %11s  %s",
	    r->item != NULL ? r->item : "", r->description != NULL ?
	    r->description : "", r->quantity, unit, amount, r->image != NULL ?
	    r->image : "");
	ln->image_id = r->image_id;
	ln->image_path = r->image_path != NULL ? xstrdup(r->image_path) :
	    NULL;
	return 0;
}

static void
il_draw(struct tui_layer *l)
{
	struct il *il = (struct il *)l;
	int h = LINES - 2, w = COLS, listw = w > 110 ? 70 : w - 4, i, rows;
	int top;

	erase();
	tui_box(0, 0, h, w, il->title);
	rows = h - 4;
	if (il->n == 0)
		tui_put(2, 2, listw, ROLE_DIM, _("(totals only: no lines)"));
	top = il->cur >= rows ? il->cur - rows + 1 : 0;
	for (i = top; i < il->n && i - top < rows; i++)
		tui_put(1 + i - top, 2, listw, i == il->cur ? ROLE_CURSOR :
		    ROLE_NORMAL, il->lines[i].text);
	tui_put(h - 2, 2, w - 4, ROLE_HEADER, il->foot);
	if (il->n > 0 && il->lines[il->cur].image_path != NULL) {
		if (w > 110)
			tui_picture_draw(il->pic, il->lines[il->cur].image_id,
			    il->lines[il->cur].image_path, 1, listw + 3, h - 4,
			    w - listw - 5);
		else if (il->n + 2 < rows)
			tui_picture_draw(il->pic, il->lines[il->cur].image_id,
			    il->lines[il->cur].image_path, il->n + 2, 2,
			    rows - il->n - 1, w - 4);
	}
	tui_put(h, 0, w, ROLE_STATUS, _("↑/↓ a line and its picture  Esc "
	    "close"));
}

static int
il_key(struct tui_layer *l, int key)
{
	struct il *il = (struct il *)l;

	if ((key == KEY_DOWN || key == 'j') && il->cur + 1 < il->n)
		il->cur++;
	else if ((key == KEY_UP || key == 'k') && il->cur > 0)
		il->cur--;
	else if (key == TUI_ESC || key == 'q' || key == '\n' || key == '\r' ||
	    key == KEY_ENTER) {
		tui_pop();
		return TUI_HANDLED;
	}
	tui_dirty(TUI_DIRTY_ALL);
	return TUI_HANDLED;
}

static void
il_free(struct tui_layer *l)
{
	struct il *il = (struct il *)l;
	int i;

	for (i = 0; i < il->n; i++) {
		free(il->lines[i].text);
		free(il->lines[i].image_path);
	}
	free(il->lines);
	free(il->title);
	free(il->foot);
	tui_picture_free(il->pic);
	free(il);
}

int
invoice_lines_open(long long invoice_id, const char *number,
    long long total_cents, long long paid_cents)
{
	struct il *il = xcalloc(1, sizeof *il);
	char total[48], paid[48], bal[48];

	if (store_invoice_lines(tui_store(), invoice_id, il_add, il) != 0) {
		il_free(&il->layer);
		return -1;
	}
	/* L10N: the title of an invoice's lines. */
	il->title = xasprintf(_("Invoice %s"), number);
	tui_money(total_cents, total, sizeof total);
	tui_money(paid_cents, paid, sizeof paid);
	tui_money(total_cents - paid_cents, bal, sizeof bal);
	il->foot = xasprintf(_("Total %s, paid %s, balance %s"), total, paid,
	    bal);
	il->pic = tui_picture_new();
	il->layer.draw = il_draw;
	il->layer.key = il_key;
	il->layer.free = il_free;
	tui_push(&il->layer);
	return 0;
}
