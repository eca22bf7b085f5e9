/*
 * tui/hub-production: the Production hub: the production orders with their
 * state; `r` queues the render of the order under the cursor to the
 * studio's renders/ folder (the worker runs it; the message line says
 * when it ends), `R` renders every print of it again (a crop changed), `S`
 * marks it shipped (core/production), `c` opens the crop editor on its
 * prints (tui/crop-editor).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/production.h"
#include "jobs/job.h"
#include "jobs/production.h"
#include "store/db.h"
#include "store/lists.h"
#include "store/production.h"
#include "tui/crop.h"
#include "tui/hub.h"
#include "tui/jobwatch.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

static const struct list_column production_cols[] = {
	{ N_("Order"), 1, 6, 0, 1 },
	{ N_("State"), 2, 10, 0, 0 },
	{ N_("Invoice"), 3, 12, 1, 0 },
	{ N_("Items"), 4, 6, 0, 1 },
	{ N_("Created"), 5, 20, 0, 0 },
	{ N_("Rendered"), 6, 20, 0, 0 },
};

static void
production_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_PRODUCTION, production_cols,
	    sizeof production_cols / sizeof production_cols[0], 5,
	    N_("r render the order to the studio's renders/ folder, "
	    "R render it all again, c crop its prints, S mark it shipped."));
}

static void
production_render(long long order)
{
	struct store *st = tui_store();
	char *dir = path_join(store_dir(st), "renders"), *abs, *payload;
	char *title, *cause = NULL;
	long long id;
	int found;

	if (path_mkdirs(dir) != 0 || (abs = realpath(dir, NULL)) == NULL) {
		tui_error("%s: %s", dir, strerror(errno));
		free(dir);
		return;
	}
	payload = job_render_payload(order, abs);
	title = xasprintf(_("render order %lld to %s"), order, abs);
	id = jobs_queue_once(st, "render", title, payload, &found, &cause);
	if (id < 0) {
		tui_error("%s", cause);
		free(cause);
	} else {
		tui_job_watch(id);
		/* L10N: "job #12 queued: order 3 to /studio/renders/3" */
		tui_message(_("job #%lld queued: order %lld to %s/%lld"), id,
		    order, abs, order);
	}
	free(title);
	free(payload);
	free(abs);
	free(dir);
}

static int
production_key(struct hub *h, int key, enum tui_action act)
{
	struct hub_list *hl = h->data;
	long long order = list_current(hl->list);
	char *cause = NULL;
	int complete, r;

	(void)key;
	if (act != ACT_RENDER_ORDER && act != ACT_RERENDER_ORDER &&
	    act != ACT_SHIP_ORDER && act != ACT_CROP_ORDER)
		return TUI_NOT_MINE;
	if (order <= 0) {
		tui_error("%s", _("No production order here."));
		return TUI_HANDLED;
	}
	if (act == ACT_CROP_ORDER) {
		crop_editor_open(order);
		return TUI_HANDLED;
	}
	if (act == ACT_RERENDER_ORDER &&
	    store_production_order_reset(tui_store(), order) < 0) {
		tui_error("%s", store_errmsg(tui_store()));
		return TUI_HANDLED;
	}
	if (act != ACT_SHIP_ORDER) {
		production_render(order);
		return TUI_HANDLED;
	}
	if ((r = production_ship(tui_store(), order, &complete, &cause)) < 0) {
		tui_error("%s", cause);
		free(cause);
	} else if (r == 0)
		tui_error("%s", _("No production order here."));
	else if (complete)
		tui_message(_("order %lld shipped; its session is complete"),
		    order);
	else
		tui_message(_("order %lld shipped"), order);
	list_reload(hl->list);
	tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
	return TUI_HANDLED;
}

struct hub hub_production = {
	N_("Production"), SCOPE_PRODUCTION,
	N_("production orders and their renders"),
	production_init, hub_list_hub_free, hub_list_hub_draw, production_key,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
