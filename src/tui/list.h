/*
 * tui/list: the generic list widget (tmux mode-tree style).
 *
 * A list shows one kind of store/lists in one of its orders, keyed by
 * SQLite row id.  It holds the ids of its rows in order (4 bytes a row)
 * and the cells of the rows on screen only.  The ids are read by a keyset
 * scan of the store a chunk at a time, as far as the screen needs at once
 * and the rest between keystrokes (list_idle), so a keystroke costs the
 * same on 100 rows as on 100,000.  Tags are a set of row ids: they survive
 * reloads, filter changes and re-sorts; through a re-sort the cursor stays
 * on its row.
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
	int		 right;		/* right-aligned (numbers); LIST_MONEY:
					 * cents shown as money, right */
};
#define LIST_MONEY	2

struct list	*list_new(enum lists_kind, const struct list_column *,
		    int ncolumns);
void		 list_free(struct list *);

/* Structured filter on top of the text filter (0: any). */
void		 list_set_where(struct list *, long long org_id,
		    long long status_id);
const struct lists_filter *list_filter(struct list *);
/* Re-reads the list; tags and the cursor position stay. */
void		 list_reload(struct list *);
/* Sorts by the kind's order `sort` (lists_nsorts), reversed or not, and
 * from then on shows the sorted column with an arrow (↑ or ↓) in the
 * header.  Tags stay, the cursor stays on its row. */
void		 list_set_sort(struct list *, int sort, int reverse);
int		 list_sort(struct list *, int *reverse);
/* The keys s and S: the next order ascending, or this one reversed; says
 * which in the message line. */
void		 list_sort_cycle(struct list *, int reverse);
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
