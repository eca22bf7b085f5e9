/*
 * tui/steps: a wizard whose pages are either field tables (tui/form.h) or
 * custom panes — a scrollable preview, a checklist — that draw and take
 * keys themselves.  Used by the Sessions hub's wizards (scheduling with
 * its preview, export with its column chooser, the mail preview).
 *
 * Back / Next (or the finish label on the last page) / Cancel.  Next checks
 * a field page, then runs the next page's enter(); enter() returning -1
 * keeps the current page and shows its *cause.  Esc or Cancel closes with
 * NOTHING written: only finish() writes, once; it returns 0 to close, or
 * -1 with *cause to stay on the last page and show why.
 *
 * On a custom page its key() sees every key first (arrows, PgUp/PgDn,
 * Space...) and returns nonzero when it used it; Tab/←/→ move between the
 * buttons, Enter presses the focused one (Next/Finish unless moved), Esc
 * cancels.  A custom page marked with steps_pane_focus() takes the focus
 * itself, like a field before the buttons: it has it when shown, Tab goes round pane,
 * Back, Next, Cancel, and its key() asks steps_pane_focused() before it
 * takes ←/→ or Enter.  Ownership: the wizard owns its field pages;
 * free_arg (may be NULL) releases arg when the wizard closes.  UI thread
 * only.
 *
 * This is the one wizard engine of the TUI: every wizard (Filter sessions,
 * Bulk Scheduling, Export, schedule e-mails, Client Import...) is a table
 * of steps_page.
 */
#ifndef PICDAY_TUI_STEPS_H
#define PICDAY_TUI_STEPS_H

#include "tui/form.h"

struct steps;

struct steps_page {
	const char		*title;		/* N_() */
	const char		*intro;		/* N_() one line, or NULL */
	const struct form_field	*fields;	/* a field page, or NULL */
	int			 nfields;
	/* A custom page: rows of its pane, and its draw/key. */
	int			 rows;
	void			(*draw)(struct steps *, int y, int x, int h,
				    int w, void *arg);
	int			(*key)(struct steps *, int key, void *arg);
	/* Before the page shows (going forward or back). */
	int			(*enter)(struct steps *, int page, void *arg,
				    char **cause);
};

typedef int	(*steps_finish_fn)(struct steps *, void *arg, char **cause);

/* finish_label: N_() text of the last page's button; NULL: "Finish". */
struct steps	*steps_open(const char *title, const struct steps_page *,
		    int npages, const char *finish_label, steps_finish_fn,
		    void (*free_arg)(void *), void *arg);
/* The field page of step i, NULL for a custom page. */
struct form_page *steps_form(struct steps *, int i);
/* The step shown now (inside enter(), still the one being left). */
int		 steps_current(struct steps *);
/* The box: at most maxw columns wide (0: 76); fill: as tall as the
 * screen, for wizards whose panes list rows of a file. */
void		 steps_set_box(struct steps *, int maxw, int fill);
/* Custom page i's pane takes the focus (its rows are chosen from: a
 * mapping, a checklist).  Call after steps_open(). */
void		 steps_pane_focus(struct steps *, int i);
/* On such a page: whether its pane has the focus now; give it the focus
 * (↑/↓ on its rows while a button had it). */
int		 steps_pane_focused(struct steps *);
void		 steps_focus_pane(struct steps *);
/* Called from enter(): the page shows with its Next (or finish) button
 * focused rather than its pane (Enter goes on at once). */
void		 steps_focus_next(struct steps *);
/* The error line of the step shown (NULL clears); copied. */
void		 steps_set_error(struct steps *, const char *);
/* Shows step i now, after its enter() agreed (work done on another
 * thread moved the wizard on); 0, or -1 with the error shown. */
int		 steps_go(struct steps *, int i);
/* Runs before each repaint (the loop repaints when tui_wake() is called):
 * it may look at work of other threads and steps_go(). */
void		 steps_set_poll(struct steps *,
		    void (*)(struct steps *, void *arg));
/* Back never lands on step i (a step that runs by itself: a scan). */
void		 steps_no_back(struct steps *, int i);
/* N_() short names of the steps, shown in the title after the step
 * number ("Bulk Image Import — step 3 of 3: preview"); kept, not copied. */
void		 steps_set_names(struct steps *, const char *const *names);

#endif
