/* tui/steps: a wizard of field pages and custom panes (steps.h). */
#include "config.h"

#include <stdlib.h>

#include "tui/steps.h"
#include "tui/tui.h"
#include "util/xalloc.h"

struct steps {
	struct tui_layer	 layer;
	char			*title;
	const char		*finish_label;
	const struct steps_page	*pages;
	/* One per page; a custom page has one with no fields, which keeps
	 * the focus of the buttons. */
	struct form_page	**fp;
	char			*error;		/* of a custom page */
	int			 npages, cur;
	int			 maxw, fill;	/* steps_set_box() */
	unsigned		 panes;		/* steps_pane_focus(), by page */
	unsigned		 no_back;	/* steps_no_back(), by page */
	int			 want_next;	/* steps_focus_next() */
	const char *const	*names;		/* steps_set_names() */
	void			(*poll)(struct steps *, void *);
	steps_finish_fn		 finish;
	void			(*free_arg)(void *);
	void			*arg;
};

enum { SB_BACK, SB_NEXT, SB_CANCEL };

static int
steps_custom(struct steps *s, int i)
{
	return s->pages[i].fields == NULL;
}

struct form_page *
steps_form(struct steps *s, int i)
{
	return steps_custom(s, i) ? NULL : s->fp[i];
}

int
steps_current(struct steps *s)
{
	return s->cur;
}

void
steps_set_box(struct steps *s, int maxw, int fill)
{
	s->maxw = maxw;
	s->fill = fill;
	tui_dirty(TUI_DIRTY_ALL);
}

static int
steps_has_pane(struct steps *s, int i)
{
	return steps_custom(s, i) && i < 32 && (s->panes & (1u << i)) != 0;
}

void
steps_pane_focus(struct steps *s, int i)
{
	if (i < 0 || i >= 32 || i >= s->npages)
		return;
	s->panes |= 1u << i;
	if (i == s->cur)
		steps_focus_pane(s);
}

/* The pane of such a page has the focus when no button has it. */
int
steps_pane_focused(struct steps *s)
{
	return steps_has_pane(s, s->cur) &&
	    form_page_focused(s->fp[s->cur]) < 0;
}

void
steps_focus_pane(struct steps *s)
{
	if (steps_has_pane(s, s->cur))
		form_page_focus(s->fp[s->cur], -1);
}

void
steps_focus_next(struct steps *s)
{
	s->want_next = 1;
}

void
steps_set_error(struct steps *s, const char *e)
{
	free(s->error);
	s->error = e != NULL ? xstrdup(e) : NULL;
	form_page_set_error(s->fp[s->cur], e);
	tui_dirty(TUI_DIRTY_ALL);
}

/* Shows page i after its enter() agreed; 0, or -1 (the error shown). */
static int
steps_show(struct steps *s, int i)
{
	char *cause = NULL;

	s->want_next = 0;
	if (s->pages[i].enter != NULL &&
	    s->pages[i].enter(s, i, s->arg, &cause) != 0) {
		steps_set_error(s, cause != NULL ? cause :
		    _("cannot go on"));
		free(cause);
		return -1;
	}
	s->cur = i;
	steps_set_error(s, NULL);
	if (steps_custom(s, i))
		form_page_focus(s->fp[i], steps_has_pane(s, i) &&
		    !s->want_next ? -1 : SB_NEXT);
	s->want_next = 0;
	return 0;
}

int
steps_go(struct steps *s, int i)
{
	if (i < 0 || i >= s->npages)
		return -1;
	tui_dirty(TUI_DIRTY_ALL);
	return steps_show(s, i);
}

void
steps_set_poll(struct steps *s, void (*poll)(struct steps *, void *))
{
	s->poll = poll;
}

void
steps_no_back(struct steps *s, int i)
{
	if (i >= 0 && i < 32)
		s->no_back |= 1u << i;
}

void
steps_set_names(struct steps *s, const char *const *names)
{
	s->names = names;
}

/* Where Back goes from the current page: the page before, passing over
 * the ones Back must not land on; -1 if none. */
static int
steps_back(struct steps *s)
{
	int i = s->cur - 1;

	while (i >= 0 && i < 32 && (s->no_back & (1u << i)) != 0)
		i--;
	return i;
}

static void
steps_draw(struct tui_layer *tl)
{
	struct steps *s = (struct steps *)tl;
	const struct steps_page *pg;
	struct form_page *fp;
	const char *buttons[3];
	char *title;
	int maxw = s->maxw > 0 ? s->maxw : 76;
	int w = COLS - 4 < maxw ? COLS - 4 : maxw;
	int body, h, y, x;

	/* Work on other threads may have moved the wizard on (a scan). */
	if (s->poll != NULL)
		s->poll(s, s->arg);
	pg = &s->pages[s->cur];
	fp = s->fp[s->cur];
	body = steps_custom(s, s->cur) ? pg->rows + 2 : form_page_rows(fp);
	h = body + 6;
	if (s->fill || h > LINES - 2) {
		h = LINES - 2;
		body = h - 6;
	}
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	buttons[SB_BACK] = _("< Back");
	buttons[SB_NEXT] = s->cur < s->npages - 1 ? _("Next >") :
	    _(s->finish_label != NULL ? s->finish_label : N_("Finish"));
	buttons[SB_CANCEL] = _("Cancel");
	if (s->names != NULL)
		/* L10N: wizard title with the step's short name, e.g.
		 * "Bulk Image Import — step 3 of 3: preview" */
		title = xasprintf(_("%s — step %d of %d: %s"), s->title,
		    s->cur + 1, s->npages, _(s->names[s->cur]));
	else
		/* L10N: wizard title, e.g. "Bulk Scheduling — step 1 of 3" */
		title = xasprintf(_("%s — step %d of %d"), s->title,
		    s->cur + 1, s->npages);
	tui_box(y, x, h, w, title);
	free(title);
	tui_put(y + 1, x + 2, w - 4, ROLE_HEADER, _(pg->title));
	if (pg->intro != NULL)
		tui_put(y + 2, x + 2, w - 4, ROLE_DIM, _(pg->intro));
	if (steps_custom(s, s->cur)) {
		pg->draw(s, y + 3, x + 2, body - 2, w - 4, s->arg);
		if (s->error != NULL)
			tui_put(y + 3 + body - 1, x + 2, w - 4, ROLE_ERROR,
			    s->error);
		curs_set(0);
	} else
		form_page_draw(fp, y + 3, x + 2, w - 4);
	form_page_draw_buttons(fp, y + h - 2, x, w, buttons, 3);
	if (!steps_custom(s, s->cur))
		form_page_cursor(fp);
}

static void
steps_free(struct tui_layer *tl)
{
	struct steps *s = (struct steps *)tl;
	int i;

	for (i = 0; i < s->npages; i++)
		form_page_free(s->fp[i]);
	free(s->fp);
	if (s->free_arg != NULL)
		s->free_arg(s->arg);
	free(s->error);
	free(s->title);
	free(s);
}

static void
steps_next(struct steps *s)
{
	char *cause = NULL;

	if (!steps_custom(s, s->cur) &&
	    form_page_check(s->fp[s->cur], &cause) != 0) {
		steps_set_error(s, cause);
		free(cause);
		return;
	}
	if (s->cur < s->npages - 1) {
		steps_show(s, s->cur + 1);
		return;
	}
	if (s->finish(s, s->arg, &cause) != 0) {
		steps_set_error(s, cause != NULL ? cause :
		    _("cannot finish"));
		free(cause);
		return;
	}
	tui_pop();
}

/* Tab and S-Tab go round the pane and the buttons of a steps_pane_focus()
 * page; the pane, while it has the focus, takes no button keys.  1 if
 * used. */
static int
steps_pane_key(struct steps *s, int key)
{
	struct form_page *fp = s->fp[s->cur];
	int f = form_page_focused(fp);

	if (key == '\t' || key == KEY_BTAB) {
		if (key == '\t')
			f = f < 0 ? 0 : f == SB_CANCEL ? -1 : f + 1;
		else
			f = f < 0 ? SB_CANCEL : f - 1;
		form_page_focus(fp, f);
		tui_dirty(TUI_DIRTY_LAYERS);
		return 1;
	}
	return f < 0 && keys_action(key, SCOPE_FORM) != ACT_CANCEL;
}

static int
steps_key(struct tui_layer *tl, int key)
{
	struct steps *s = (struct steps *)tl;
	const struct steps_page *pg = &s->pages[s->cur];
	int button = 0;

	if (steps_custom(s, s->cur) && pg->key != NULL &&
	    pg->key(s, key, s->arg)) {
		tui_dirty(TUI_DIRTY_LAYERS);
		return TUI_HANDLED;
	}
	if (steps_has_pane(s, s->cur) && steps_pane_key(s, key))
		return TUI_HANDLED;
	switch (form_page_key(s->fp[s->cur], key, 3, &button)) {
	case FORM_KEY_DEFAULT:
		steps_next(s);
		break;
	case FORM_KEY_BUTTON:
		if (button == SB_NEXT)
			steps_next(s);
		else if (button == SB_BACK && steps_back(s) >= 0)
			steps_show(s, steps_back(s));
		else if (button == SB_CANCEL)
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

struct steps *
steps_open(const char *title, const struct steps_page *pages, int npages,
    const char *finish_label, steps_finish_fn finish,
    void (*free_arg)(void *), void *arg)
{
	struct steps *s = xcalloc(1, sizeof *s);
	int i;

	s->layer.draw = steps_draw;
	s->layer.key = steps_key;
	s->layer.free = steps_free;
	s->title = xstrdup(title);
	s->finish_label = finish_label;
	s->pages = pages;
	s->npages = npages;
	s->fp = xcalloc(npages, sizeof *s->fp);
	for (i = 0; i < npages; i++)
		s->fp[i] = form_page_new(pages[i].fields, pages[i].nfields,
		    arg);
	s->finish = finish;
	s->free_arg = free_arg;
	s->arg = arg;
	tui_push(&s->layer);
	if (steps_show(s, 0) != 0) {
		/* The first page could not be made: say why and close. */
		tui_error("%s", s->error != NULL ? s->error : "");
		tui_pop();
		return NULL;
	}
	return s;
}
