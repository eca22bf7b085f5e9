/* tui/dialog: message and yes/no dialogs (dialog.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/dialog.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define DIALOG_MAXLINES	12

struct dialog {
	struct tui_layer	 layer;
	char			*title;
	char			*lines[DIALOG_MAXLINES];
	int			 nlines;
	int			 confirm, yes_focused;
	void			(*yes)(void *);
	void			*arg;
};

/* Word-wraps text into at most DIALOG_MAXLINES lines of w columns. */
static void
dialog_wrap(struct dialog *d, const char *text, int w)
{
	struct strbuf line = STRBUF_INIT;
	const char *p = text, *e;
	char *word;
	int lw = 0, ww;

	while (*p != '\0' && d->nlines < DIALOG_MAXLINES) {
		if (*p == '\n') {
			d->lines[d->nlines++] = strbuf_take(&line);
			lw = 0;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		for (e = p; *e != '\0' && *e != ' ' && *e != '\n'; e++)
			;
		word = xstrndup(p, e - p);
		ww = utf8_width(word);
		if (lw > 0 && lw + 1 + ww > w) {
			d->lines[d->nlines++] = strbuf_take(&line);
			lw = 0;
			if (d->nlines == DIALOG_MAXLINES) {
				free(word);
				break;
			}
		}
		if (lw > 0) {
			strbuf_addc(&line, ' ');
			lw++;
		}
		strbuf_adds(&line, word);
		lw += ww;
		free(word);
		p = e;
	}
	if (line.len > 0 && d->nlines < DIALOG_MAXLINES)
		d->lines[d->nlines++] = strbuf_take(&line);
	strbuf_free(&line);
}

static void
dialog_draw(struct tui_layer *tl)
{
	struct dialog *d = (struct dialog *)tl;
	int w = 60, h = d->nlines + 4, y = (LINES - h) / 2, x = (COLS - w) / 2;
	int i;
	char buf[64];

	tui_box(y, x, h, w, d->title);
	for (i = 0; i < d->nlines; i++)
		tui_put(y + 1 + i, x + 2, w - 4, ROLE_NORMAL, d->lines[i]);
	if (d->confirm) {
		snprintf(buf, sizeof buf, "[ %s ]", _("Yes"));
		tui_put(y + h - 2, x + w / 2 - 12, 10, d->yes_focused ?
		    ROLE_FIELD_FOCUS : ROLE_NORMAL, buf);
		snprintf(buf, sizeof buf, "[ %s ]", _("No"));
		tui_put(y + h - 2, x + w / 2 + 2, 10, d->yes_focused ?
		    ROLE_NORMAL : ROLE_FIELD_FOCUS, buf);
	} else {
		snprintf(buf, sizeof buf, "[ %s ]", _("OK"));
		tui_put(y + h - 2, x + (w - 6) / 2, 8, ROLE_FIELD_FOCUS, buf);
	}
	curs_set(0);
}

static void
dialog_free(struct tui_layer *tl)
{
	struct dialog *d = (struct dialog *)tl;
	int i;

	for (i = 0; i < d->nlines; i++)
		free(d->lines[i]);
	free(d->title);
	free(d);
}

static int
dialog_key(struct tui_layer *tl, int key)
{
	struct dialog *d = (struct dialog *)tl;
	void (*yes)(void *) = d->yes;
	void *arg = d->arg;
	int accept = key == '\n' || key == '\r' || key == KEY_ENTER;

	if (!d->confirm) {
		if (accept || key == TUI_ESC || key == ' ' || key == 'q')
			tui_pop();
		return TUI_HANDLED;
	}
	if (key == 'y' || key == 'Y' || (accept && d->yes_focused)) {
		tui_pop();
		if (yes != NULL)
			yes(arg);
	} else if (key == 'n' || key == 'N' || key == TUI_ESC || accept)
		tui_pop();
	else if (key == KEY_LEFT || key == KEY_RIGHT || key == '\t' ||
	    key == KEY_BTAB) {
		d->yes_focused = !d->yes_focused;
		tui_dirty(TUI_DIRTY_LAYERS);
	}
	return TUI_HANDLED;
}

static void
dialog_open(const char *title, const char *text, int confirm,
    void (*yes)(void *), void *arg)
{
	struct dialog *d = xcalloc(1, sizeof *d);

	d->layer.draw = dialog_draw;
	d->layer.key = dialog_key;
	d->layer.free = dialog_free;
	d->title = xstrdup(title);
	dialog_wrap(d, text, 56);
	d->confirm = confirm;
	d->yes = yes;
	d->arg = arg;
	tui_push(&d->layer);
}

void
dialog_message(const char *title, const char *text)
{
	dialog_open(title, text, 0, NULL, NULL);
}

void
dialog_confirm(const char *title, const char *text, void (*yes)(void *),
    void *arg)
{
	dialog_open(title, text, 1, yes, arg);
}
