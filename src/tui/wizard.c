/* tui/wizard: pages of fields with Back / Next / Finish (wizard.h). */
#include "config.h"

#include <stdlib.h>

#include "tui/tui.h"
#include "tui/wizard.h"
#include "util/xalloc.h"

struct wizard {
	struct tui_layer	 layer;
	char			*title;
	const struct wizard_page *pages;
	struct form_page	**fp;
	int			 npages, cur;
	wizard_finish_fn	 finish;
	void			(*free_arg)(void *);
	void			*arg;
};

enum { WB_BACK, WB_NEXT, WB_CANCEL };

struct form_page *
wizard_page(struct wizard *wz, int i)
{
	return wz->fp[i];
}

static void
wizard_show(struct wizard *wz, int i)
{
	wz->cur = i;
	form_page_set_error(wz->fp[i], NULL);
	if (wz->pages[i].enter != NULL)
		wz->pages[i].enter(wz, i, wz->arg);
	tui_dirty(TUI_DIRTY_ALL);
}

static void
wizard_draw(struct tui_layer *tl)
{
	struct wizard *wz = (struct wizard *)tl;
	const struct wizard_page *pg = &wz->pages[wz->cur];
	struct form_page *fp = wz->fp[wz->cur];
	const char *buttons[3];
	char *title;
	int w = COLS - 8 < 70 ? COLS - 8 : 70;
	int h = form_page_rows(fp) + 6;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;

	buttons[WB_BACK] = _("< Back");
	buttons[WB_NEXT] = wz->cur == wz->npages - 1 ? _("Finish") :
	    _("Next >");
	buttons[WB_CANCEL] = _("Cancel");
	/* L10N: wizard title, e.g. "Filter sessions — step 1 of 2: ..." */
	title = xasprintf(_("%s — step %d of %d"), wz->title, wz->cur + 1,
	    wz->npages);
	tui_box(y, x, h, w, title);
	free(title);
	tui_put(y + 1, x + 2, w - 4, ROLE_HEADER, _(pg->title));
	if (pg->intro != NULL)
		tui_put(y + 2, x + 2, w - 4, ROLE_DIM, _(pg->intro));
	form_page_draw(fp, y + 3, x + 2, w - 4);
	form_page_draw_buttons(fp, y + h - 2, x, w, buttons, 3);
	form_page_cursor(fp);
}

static void
wizard_free(struct tui_layer *tl)
{
	struct wizard *wz = (struct wizard *)tl;
	int i;

	for (i = 0; i < wz->npages; i++)
		form_page_free(wz->fp[i]);
	free(wz->fp);
	if (wz->free_arg != NULL)
		wz->free_arg(wz->arg);
	free(wz->title);
	free(wz);
}

static void
wizard_next(struct wizard *wz)
{
	struct form_page *fp = wz->fp[wz->cur];
	char *cause = NULL;

	if (form_page_check(fp, &cause) != 0) {
		form_page_set_error(fp, cause);
		free(cause);
		return;
	}
	if (wz->cur < wz->npages - 1) {
		wizard_show(wz, wz->cur + 1);
		return;
	}
	if (wz->finish(wz, wz->arg, &cause) != 0) {
		form_page_set_error(fp, cause != NULL ? cause :
		    _("cannot finish"));
		free(cause);
		return;
	}
	tui_pop();
}

static int
wizard_key(struct tui_layer *tl, int key)
{
	struct wizard *wz = (struct wizard *)tl;
	int button = 0;

	switch (form_page_key(wz->fp[wz->cur], key, 3, &button)) {
	case FORM_KEY_DEFAULT:
		wizard_next(wz);
		break;
	case FORM_KEY_BUTTON:
		if (button == WB_NEXT)
			wizard_next(wz);
		else if (button == WB_BACK && wz->cur > 0)
			wizard_show(wz, wz->cur - 1);
		else if (button == WB_CANCEL)
			tui_pop();
		break;
	case FORM_KEY_CANCEL:
		tui_pop();
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

struct wizard *
wizard_open(const char *title, const struct wizard_page *pages, int npages,
    wizard_finish_fn finish, void (*free_arg)(void *), void *arg)
{
	struct wizard *wz = xcalloc(1, sizeof *wz);
	int i;

	wz->layer.draw = wizard_draw;
	wz->layer.key = wizard_key;
	wz->layer.free = wizard_free;
	wz->title = xstrdup(title);
	wz->pages = pages;
	wz->npages = npages;
	wz->fp = xcalloc(npages, sizeof *wz->fp);
	for (i = 0; i < npages; i++)
		wz->fp[i] = form_page_new(pages[i].fields, pages[i].nfields,
		    arg);
	wz->finish = finish;
	wz->free_arg = free_arg;
	wz->arg = arg;
	tui_push(&wz->layer);
	wizard_show(wz, 0);
	return wz;
}
