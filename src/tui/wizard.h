/*
 * tui/wizard: a multi-step wizard as a modal layer (neomutt dlg_*, mc
 * quick.h pages).  Each page is a declarative field table (tui/form.h).
 *
 * Back / Next / Finish / Cancel; Enter on a page's last field is Next (or
 * Finish on the last page).  Next checks the page's fields first.  Esc or
 * Cancel leaves with NOTHING written: only finish() writes, once, after
 * every page checked; it returns 0 to close, or -1 with *cause (the wizard
 * frees it) to stay on the last page and show why.  enter(), if set, runs
 * each time a page is shown (to fill its choices from earlier pages).
 *
 * Ownership: the wizard owns its pages; free_arg (may be NULL) releases arg
 * when the wizard closes, finished or not.  UI thread only.
 */
#ifndef PICDAY_TUI_WIZARD_H
#define PICDAY_TUI_WIZARD_H

#include "tui/form.h"

struct wizard;

struct wizard_page {
	const char		*title;		/* N_() */
	const char		*intro;		/* N_() one line, or NULL */
	const struct form_field	*fields;
	int			 nfields;
	void			(*enter)(struct wizard *, int page, void *arg);
};

typedef int	(*wizard_finish_fn)(struct wizard *, void *arg, char **cause);

struct wizard	*wizard_open(const char *title, const struct wizard_page *,
		    int npages, wizard_finish_fn, void (*free_arg)(void *),
		    void *arg);
/* The field page of step i (values of earlier steps stay readable). */
struct form_page *wizard_page(struct wizard *, int i);

#endif
