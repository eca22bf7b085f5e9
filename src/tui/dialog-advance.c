/*
 * tui/dialog-advance: Advance Status (keys A and > in the Sessions hub).
 * The tagged sessions, else the current one, move one step forward or to
 * a chosen status through core/status; the message line says how many
 * moved and why the others did not ("advanced 12 sessions to
 * Photographed; 2 not moved (already at Complete)").  Entering a status
 * whose on_enter names a job kind queues that job.  Tags are cleared and
 * every list reloads.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/status.h"
#include "jobs/job.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "tui/sessions-act.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum { F_TO, F_BACK };

static const struct form_field advance_fields[] = {
	{ N_("Move to"), FORM_CHOICE, 0, 0, NULL },
	{ N_("Allow back"), FORM_CHOICE, 0, 0, NULL },
};

struct advance {
	struct hub_list	*hl;
	long long	*numbers;
	size_t		 n;
};

/* "(already at Complete, no such session)": the distinct reasons. */
static void
advance_reasons(struct strbuf *sb, const struct status_result *r)
{
	const char *seen[4] = { NULL, NULL, NULL, NULL };
	char *why;
	size_t i, j, nseen = 0;
	const char *st;

	strbuf_adds(sb, " (");
	for (i = 0; i < r->nskips && nseen < 4; i++) {
		st = r->skips[i].status != NULL ? r->skips[i].status : "?";
		for (j = 0; j < nseen; j++)
			if (strcmp(seen[j], st) == 0)
				break;
		if (j < nseen)
			continue;
		seen[nseen++] = st;
		switch (r->skips[i].why) {
		case STATUS_SKIP_UNKNOWN:
			why = xstrdup(_("no such session"));
			break;
		case STATUS_SKIP_BACKWARD:
			why = xasprintf(_("at %s, past the target"), st);
			break;
		default:
			why = xasprintf(_("already at %s"), st);
			break;
		}
		strbuf_addf(sb, "%s%s", nseen > 1 ? ", " : "", why);
		free(why);
	}
	strbuf_adds(sb, ")");
}

/* Queues what entering a status asks for, when picday knows the kind. */
static void
advance_queue(const struct status_enter *e)
{
	char *numbers, *payload, *title, *cause = NULL;

	if (job_kind_find(e->kind) == NULL)
		return;
	numbers = sess_numbers_text(e->numbers, e->n);
	payload = xasprintf("{\"numbers\":\"%s\"}", numbers);
	title = xasprintf(_("%s: %zu sessions"), e->status, e->n);
	if (jobs_queue(tui_store(), e->kind, title, payload, &cause) < 0) {
		tui_error(_("cannot queue the %s job: %s"), e->kind, cause);
		free(cause);
	}
	free(title);
	free(payload);
	free(numbers);
}

static int
advance_submit(struct form_page *p, void *arg, char **cause)
{
	struct advance *a = arg;
	struct status_result r;
	struct strbuf sb = STRBUF_INIT;
	const char *to = form_choice_id(p, F_TO) != 0 ? form_value(p, F_TO) :
	    NULL;
	size_t i;

	if (status_advance(tui_store(), a->numbers, a->n, to,
	    form_choice_id(p, F_BACK) == 1, &r, cause) != 0)
		return -1;
	strbuf_addf(&sb, _("advanced %zu sessions to %s"), r.moved,
	    r.moved > 0 ? r.targets : to != NULL ? to : _("the next status"));
	if (r.nskips > 0) {
		strbuf_addf(&sb, _("; %zu not moved"), r.nskips);
		advance_reasons(&sb, &r);
	}
	tui_message("%s", strbuf_str(&sb));
	strbuf_free(&sb);
	for (i = 0; i < r.nenters; i++)
		advance_queue(&r.enters[i]);
	status_result_free(&r);
	list_untag_all(a->hl->list);
	tui_reload_all();
	return 0;
}

void
sessions_advance_open(struct hub_list *hl)
{
	static struct advance a;
	struct form_page *p;
	struct form_choice *c;
	const struct form_choice noyes[] = { { _("no"), 2 }, { _("yes"), 1 } };
	char *title;
	int n;

	free(a.numbers);
	a.hl = hl;
	a.numbers = sess_targets(hl->list, &a.n);
	if (a.n == 0) {
		tui_error("%s", _("no session to advance"));
		return;
	}
	p = form_page_new(advance_fields, 2, &a);
	hub_choices(LISTS_STATUSES, 2, _("one step forward"), &c, &n);
	form_page_set_choices(p, F_TO, c, n);
	hub_choices_free(c, n);
	form_page_set_choices(p, F_BACK, noyes, 2);
	title = a.n == 1 ? xasprintf(_("Advance session %lld"), a.numbers[0]) :
	    xasprintf(_("Advance %zu sessions"), a.n);
	form_open(title, p, advance_submit, &a);
	free(title);
}
