/*
 * tui/list: the generic list widget (tmux mode-tree style).
 *
 * A list shows one kind of store/lists over its order, keyed by SQLite row
 * id.  It holds only the rows on screen: it asks the store for a window of
 * positions, and for a filtered list it counts the matches a chunk of the
 * order at a time, between keystrokes (list_idle), so a keystroke costs the
 * same on 100 rows as on 100,000.  Tags are a set of row ids: they survive
 * reloads and filter changes.
 *
 * Keys (tui/keys.h, scope LIST): arrows and j/k, PgUp/PgDn, Home/End, g/G,
 * Space tags, Shift+Up/Down extend the tagged range, `a` tags every row of
 * the filter, `/` filters as you type (live; Enter keeps, Esc clears).
 *
 * Bulk actions use list_foreach_target(): the tagged rows, else the
 * current one.  UI thread only.
 */
#ifndef PICDAY_TUI_LIST_H
#define PICDAY_TUI_LIST_H

#include "store/lists.h"

struct list;

struct list_column {
	const char	*title;		/* N_() text, translated at draw */
	int		 col;		/* index into the lists row, >= 1 */
	int		 width;		/* columns at least */
	int		 grow;		/* share of the spare width */
	int		 right;		/* right-aligned (numbers) */
};

struct list	*list_new(enum lists_kind, const struct list_column *,
		    int ncolumns);
void		 list_free(struct list *);

/* Structured filter on top of the text filter (0: any). */
void		 list_set_where(struct list *, long long org_id,
		    long long status_id);
const struct lists_filter *list_filter(struct list *);
/* Re-reads counts and the window; tags and the cursor position stay. */
void		 list_reload(struct list *);
/* Draws the list in rows [y, y + h) of stdscr, w columns wide. */
void		 list_draw(struct list *, int y, int h, int w);
/* TUI_HANDLED or TUI_NOT_MINE. */
int		 list_key(struct list *, int key);
/* Counts more of a filtered list; nonzero while work is left. */
int		 list_idle(struct list *);

/* The current row's id, 0 when the list is empty. */
long long	 list_current(struct list *);
/* Rows that pass the filter; *exact is 0 while still counting. */
long long	 list_total(struct list *, int *exact);
long long	 list_ntagged(struct list *);
int		 list_is_tagged(struct list *, long long id);
void		 list_untag_all(struct list *);
/* The filter prompt is open (it takes printable keys). */
int		 list_editing(struct list *);
const char	*list_filter_text(struct list *);
/* Calls fn for every tagged id, else for the current row; fn returning
 * nonzero stops.  Returns how many ids fn was called for. */
long long	 list_foreach_target(struct list *,
		    int (*fn)(long long id, void *), void *arg);

#endif
