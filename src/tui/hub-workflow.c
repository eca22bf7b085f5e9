/*
 * tui/hub-workflow: the Workflow hub.  Advance Status and the status moves
 * come with the status-workflow feature; until then it shows the statuses
 * in order with how many sessions stand at each.
 */
#include "config.h"

#include "store/lists.h"
#include "tui/hub.h"

static const struct list_column workflow_cols[] = {
	{ N_("Step"), 1, 4, 0, 1 },
	{ N_("Status"), 2, 20, 1, 0 },
	{ N_("Sessions"), 4, 9, 0, 1 },
	{ N_("On entering, queues"), 3, 20, 1, 0 },
};

static void
workflow_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_STATUSES, workflow_cols,
	    sizeof workflow_cols / sizeof workflow_cols[0], 0,
	    N_("Coming: Advance Status. Here now: sessions at each status."));
}

struct hub hub_workflow = {
	N_("Workflow"), SCOPE_WORKFLOW,
	N_("the status workflow: sessions at each status"),
	workflow_init, hub_list_hub_free, hub_list_hub_draw, NULL,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
