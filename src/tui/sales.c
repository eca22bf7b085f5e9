/*
 * tui/sales: the sales presentation (Workflow hub, o): a session's frames
 * one at a time, large (chafa symbols, media/termpic), ← → to browse; a
 * number key adds that price-list item for the frame shown (again: one
 * more), - takes the last one back; the order and its running total
 * beside the picture.  Enter finishes: core/invoice makes the manual
 * invoice (as `picday invoices add`).  Esc leaves with nothing written.
 * UI thread only.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/invoice.h"
#include "store/db.h"
#include "store/pricelist.h"
#include "store/workflow.h"
#include "tui/invoices.h"
#include "tui/keys.h"
#include "tui/money.h"
#include "tui/picture.h"
#include "tui/tui.h"
#include "util/xalloc.h"

#define SALES_ITEMS	9		/* items on the number keys */

struct sales_line {
	int		 item;		/* index into items */
	long long	 image_id;
	char		 image[24];	/* its id, for invoice_add */
	long long	 quantity;
};

struct sales {
	struct tui_layer	 layer;
	long long		 number;	/* session number */
	char			*title;
	long long		*frames;	/* image ids, markers left out */
	char			**paths;	/* previews, else the files */
	int			 nframes, cur;
	struct pricelist_item	 items[SALES_ITEMS];
	int			 nitems;
	struct sales_line	*lines;
	int			 nlines;
	struct tui_picture	*pic;
};

static int
sales_frame(const struct wf_frame *f, void *arg)
{
	struct sales *sa = arg;

	if (f->is_marker)
		return 0;
	sa->frames = xreallocarray(sa->frames, sa->nframes + 1,
	    sizeof *sa->frames);
	sa->paths = xreallocarray(sa->paths, sa->nframes + 1,
	    sizeof *sa->paths);
	sa->frames[sa->nframes] = f->id;
	sa->paths[sa->nframes] = xstrdup(f->preview_path != NULL ?
	    f->preview_path : f->path);
	sa->nframes++;
	return 0;
}

static int
sales_item(const struct pricelist_item *it, void *arg)
{
	struct sales *sa = arg;
	int i;

	for (i = 0; i < sa->nitems; i++)
		if (strcmp(sa->items[i].code, it->code) == 0)
			return 0;	/* the same code in another list */
	if (sa->nitems == SALES_ITEMS)
		return 1;
	sa->items[sa->nitems].code = xstrdup(it->code);
	sa->items[sa->nitems].name = xstrdup(it->name);
	sa->items[sa->nitems].kind = xstrdup(it->kind);
	sa->items[sa->nitems].price_cents = it->price_cents;
	sa->nitems++;
	return 0;
}

static long long
sales_total(const struct sales *sa)
{
	long long t = 0;
	int i;

	for (i = 0; i < sa->nlines; i++)
		t += sa->items[sa->lines[i].item].price_cents *
		    sa->lines[i].quantity;
	return t;
}

static void
sales_picture(struct sales *sa, int y, int x, int h, int w)
{
	if (sa->nframes == 0) {
		tui_put(y, x, w, ROLE_DIM, _("This session has no frames."));
		return;
	}
	tui_picture_draw(sa->pic, sa->frames[sa->cur], sa->paths[sa->cur], y,
	    x, h, w);
}

static void
sales_draw(struct tui_layer *l)
{
	struct sales *sa = (struct sales *)l;
	int h = LINES - 2, w = COLS, side = w >= 100 ? 40 : 30, pw = w - side
	    - 3, i, y;
	char buf[256], money[48];

	erase();
	tui_box(0, 0, h, w, sa->title);
	if (sa->nframes > 0) {
		snprintf(buf, sizeof buf, _("frame %d of %d (image %lld)"),
		    sa->cur + 1, sa->nframes, sa->frames[sa->cur]);
		tui_put(1, 2, pw, ROLE_LABEL, buf);
	}
	sales_picture(sa, 2, 1, h - 3, pw);
	y = 1;
	tui_put(y++, pw + 2, side, ROLE_LABEL, _("Keys: item to add"));
	for (i = 0; i < sa->nitems; i++) {
		tui_money(sa->items[i].price_cents, money, sizeof money);
		snprintf(buf, sizeof buf, "%d %-6.6s %-12.12s %s", i + 1,
		    sa->items[i].code, sa->items[i].name, money);
		tui_put(y++, pw + 2, side, ROLE_NORMAL, buf);
	}
	y++;
	tui_put(y++, pw + 2, side, ROLE_LABEL, _("Order"));
	for (i = 0; i < sa->nlines && y < h - 3; i++) {
		const struct sales_line *ln = &sa->lines[i];

		tui_money(sa->items[ln->item].price_cents * ln->quantity, money,
		    sizeof money);
		snprintf(buf, sizeof buf, "%-6.6s x%lld  #%lld  %s",
		    sa->items[ln->item].code, ln->quantity, ln->image_id, money);
		tui_put(y++, pw + 2, side, ROLE_NORMAL, buf);
	}
	tui_money(sales_total(sa), money, sizeof money);
	snprintf(buf, sizeof buf, _("Total %s"), money);
	tui_put(h - 2, pw + 2, side, ROLE_HEADER, buf);
	tui_put(h, 0, w, ROLE_STATUS, _("←/→ frames  1-9 add the item for "
	    "this frame  - take back  Enter finish: make the invoice  Esc "
	    "cancel"));
}

static void
sales_add(struct sales *sa, int item)
{
	long long img = sa->nframes > 0 ? sa->frames[sa->cur] : 0;
	int i;

	for (i = 0; i < sa->nlines; i++)
		if (sa->lines[i].item == item && sa->lines[i].image_id == img) {
			sa->lines[i].quantity++;
			return;
		}
	sa->lines = xreallocarray(sa->lines, sa->nlines + 1,
	    sizeof *sa->lines);
	sa->lines[sa->nlines].item = item;
	sa->lines[sa->nlines].image_id = img;
	snprintf(sa->lines[sa->nlines].image,
	    sizeof sa->lines[sa->nlines].image, "%lld", img);
	sa->lines[sa->nlines].quantity = 1;
	sa->nlines++;
}

static void
sales_finish(struct sales *sa)
{
	struct invoice_spec *sp;
	char *cause = NULL, *number = NULL, money[48];
	long long total = 0;
	int i;

	if (sa->nlines == 0) {
		tui_error("%s", _("Nothing ordered yet: a number key adds an "
		    "item."));
		return;
	}
	sp = xcalloc((size_t)sa->nlines, sizeof *sp);
	for (i = 0; i < sa->nlines; i++) {
		sp[i].item = sa->items[sa->lines[i].item].code;
		sp[i].quantity = sa->lines[i].quantity;
		sp[i].image = sa->lines[i].image_id > 0 ? sa->lines[i].image :
		    NULL;
	}
	if (invoice_add(tui_store(), sa->number, sp, (size_t)sa->nlines,
	    &number, &total, &cause) != 0) {
		tui_error("%s", cause);
		free(cause);
		free(sp);
		return;
	}
	free(sp);
	tui_money(total, money, sizeof money);
	tui_message(_("invoice %s for session %lld: %s"), number, sa->number,
	    money);
	free(number);
	tui_pop();
	tui_reload_all();
}

static int
sales_key(struct tui_layer *l, int key)
{
	struct sales *sa = (struct sales *)l;

	if (key >= '1' && key <= '9' && key - '1' < sa->nitems)
		sales_add(sa, key - '1');
	else if (key == KEY_RIGHT || key == 'l' || key == ' ') {
		if (sa->cur + 1 < sa->nframes)
			sa->cur++;
	} else if (key == KEY_LEFT || key == 'h') {
		if (sa->cur > 0)
			sa->cur--;
	} else if (key == '-' && sa->nlines > 0) {
		if (--sa->lines[sa->nlines - 1].quantity == 0)
			sa->nlines--;
	} else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
		sales_finish(sa);
		return TUI_HANDLED;
	} else if (key == TUI_ESC) {
		tui_pop();
		return TUI_HANDLED;
	}
	tui_dirty(TUI_DIRTY_ALL);
	return TUI_HANDLED;
}

static void
sales_free(struct tui_layer *l)
{
	struct sales *sa = (struct sales *)l;
	int i;

	for (i = 0; i < sa->nframes; i++)
		free(sa->paths[i]);
	free(sa->paths);
	free(sa->frames);
	for (i = 0; i < sa->nitems; i++)
		pricelist_item_clear(&sa->items[i]);
	free(sa->lines);
	tui_picture_free(sa->pic);
	free(sa->title);
	free(sa);
}

void
sales_open(long long number)
{
	struct sales *sa;
	struct wf_session ws;

	if (number <= 0 || store_wf_session_by_number(tui_store(), number,
	    &ws) != 1) {
		tui_message("%s", _("Pick a session first."));
		return;
	}
	sa = xcalloc(1, sizeof *sa);
	sa->number = number;
	sa->pic = tui_picture_new();
	/* L10N: the sales presentation's title: session, name. */
	sa->title = xasprintf(_("Sales: session %lld, %s"), number,
	    ws.name != NULL ? ws.name : "");
	store_wf_frames(tui_store(), ws.id, sales_frame, sa);
	store_wf_session_clear(&ws);
	store_pricelist_each(tui_store(), sales_item, sa);
	if (sa->nitems == 0) {
		tui_error("%s", _("No price list: `picday pricelist import` "
		    "one first."));
		sales_free(&sa->layer);
		return;
	}
	sa->layer.draw = sales_draw;
	sa->layer.key = sales_key;
	sa->layer.free = sales_free;
	tui_push(&sa->layer);
}
