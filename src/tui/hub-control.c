/*
 * tui/hub-control: the Control Center — every job, newest first, with its
 * state, progress and attempts; the detail pane shows the last error.
 * `r` retries and `c` cancels the tagged jobs, else the current one
 * (jobs_retry / jobs_cancel of jobs/job.h).  It reloads whenever a worker
 * wakes the UI.
 */
#include "config.h"

#include <stdlib.h>

#include "jobs/job.h"
#include "store/lists.h"
#include "tui/hub.h"
#include "util/xalloc.h"

static const struct list_column control_cols[] = {
	{ N_("Job"), 1, 5, 0, 1 },
	{ N_("Kind"), 2, 8, 0, 0 },
	{ N_("State"), 3, 9, 0, 0 },
	{ N_("Done"), 4, 7, 0, 1 },
	{ N_("Total"), 5, 7, 0, 1 },
	{ N_("Tries"), 6, 5, 0, 1 },
	{ N_("Title"), 7, 20, 1, 0 },
};

struct control_act {
	int		 retry;
	long long	 ok, failed;
	char		*cause;
};

static int
control_one(long long id, void *arg)
{
	struct control_act *ca = arg;
	char *cause = NULL;
	int rc;

	rc = ca->retry ? jobs_retry(tui_store(), id, &cause) :
	    jobs_cancel(tui_store(), id, &cause);
	if (rc == 0)
		ca->ok++;
	else {
		ca->failed++;
		if (ca->cause == NULL)
			ca->cause = cause;
		else
			free(cause);
	}
	return 0;
}

static int
control_key(struct hub *h, int key, enum tui_action act)
{
	struct hub_list *hl = h->data;
	struct control_act ca = { 0, 0, 0, NULL };

	if (act != ACT_RETRY_JOB && act != ACT_CANCEL_JOB)
		return TUI_NOT_MINE;
	ca.retry = act == ACT_RETRY_JOB;
	if (list_foreach_target(hl->list, control_one, &ca) == 0) {
		tui_error("%s", _("No job to act on."));
		return TUI_HANDLED;
	}
	if (ca.failed > 0)
		tui_error("%s", ca.cause != NULL ? ca.cause : _("failed"));
	else if (ca.retry)
		tui_message(_("%lld job(s) queued again."), ca.ok);
	else
		tui_message(_("%lld job(s) cancelled."), ca.ok);
	free(ca.cause);
	list_untag_all(hl->list);
	list_reload(hl->list);
	tui_dirty(TUI_DIRTY_HUB | TUI_DIRTY_STATUS);
	return TUI_HANDLED;
}

static void
control_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_JOBS, control_cols,
	    sizeof control_cols / sizeof control_cols[0], 9, NULL);
}

struct hub hub_control = {
	N_("Control Center"), SCOPE_CONTROL,
	N_("background jobs: progress, retry and cancel"),
	control_init, hub_list_hub_free, hub_list_hub_draw, control_key,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
