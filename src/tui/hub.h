/*
 * tui/hub: the common shape of a hub — a list over one kind of store/lists
 * with a detail pane under it, and an optional one-line note above.  A hub
 * file (hub-*.c) keeps a struct hub_list in its hub's data and forwards
 * draw/reload/list to the helpers here; its key() handles its own actions.
 *
 * Adding a hub: write hub-NAME.c exporting `struct hub hub_NAME` (declare
 * it in tui.h), put it in tui_hubs[] in tui.c and give it a scope and its
 * key rows in keys.h.
 */
#ifndef PICDAY_TUI_HUB_H
#define PICDAY_TUI_HUB_H

#include "tui/detail.h"
#include "tui/list.h"
#include "tui/tui.h"

/* The hubs, one per tui/hub-*.c; the main loop (tui/loop.c) shows them. */
extern struct hub hub_clients, hub_sessions, hub_workflow, hub_invoices,
    hub_production, hub_control, hub_setup;

struct hub_list {
	struct list	*list;
	enum lists_kind	 kind;		/* for the detail pane */
	int		 detail_rows;	/* 0: no detail pane */
	const char	*note;		/* N_() text above the list, or NULL */
	char		*note_text;	/* translated, owned; wins over note */
};

struct hub_list	*hub_list_new(enum lists_kind, const struct list_column *,
		    int ncolumns, int detail_rows, const char *note);
void		 hub_list_free(struct hub_list *);
void		 hub_list_draw(struct hub_list *, int y, int h, int w);

/* Ready-made hub callbacks for a hub whose data is a struct hub_list. */
void		 hub_list_hub_draw(struct hub *, int y, int h, int w);
void		 hub_list_hub_reload(struct hub *);
struct list	*hub_list_hub_list(struct hub *);
void		 hub_list_hub_free(struct hub *);

/* The rows of a small kind (organizations, statuses) as form choices:
 * `first` with id 0, then each row's column label_col (at most 1000).
 * Free with hub_choices_free(). */
struct form_choice;
void		 hub_choices(enum lists_kind, int label_col, const char *first,
		    struct form_choice **out, int *n);
void		 hub_choices_free(struct form_choice *, int n);

#endif
