/*
 * tui/wizard-mail: Schedule e-mails (key m in the Sessions hub).  A dry
 * run through core/schedmail shows how many would go, who has no address,
 * who was already mailed for that time, and the first message in full;
 * Send queues one "mail" job for the tagged sessions (else the current
 * one), which the TUI's worker pool runs with progress in the status line
 * and the Control Center.  Nothing is sent before Send.  Key M is the
 * same with the delivery template: each family's published download link;
 * the sessions with nothing published are named and skipped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/schedmail.h"
#include "jobs/job.h"
#include "store/db.h"
#include "tui/hub.h"
#include "tui/sessions-act.h"
#include "tui/steps.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define MAIL_ROWS	14

struct mail_wz {
	int			 delivery;	/* the delivery template */
	long long		*numbers;
	size_t			 n;
	struct schedmail_report	 rep;
	struct textpane		 notes;		/* one line per skip */
	char			*first;		/* first message */
	struct textpane		 tp;
};

static void
mail_note(void *arg, int failed, const char *line)
{
	struct mail_wz *mw = arg;

	(void)failed;
	textpane_add(&mw->notes, "  %s", line);
}

static void
mail_message(void *arg, long long number, const char *to, const char *text)
{
	struct mail_wz *mw = arg;

	(void)number;
	(void)to;
	if (mw->first == NULL)
		mw->first = xstrdup(text);
}

static int
mail_enter(struct steps *s, int page, void *arg, char **cause)
{
	struct mail_wz *mw = arg;
	struct schedmail_request rq;
	char *url;
	int i;

	(void)s;
	(void)page;
	memset(&rq, 0, sizeof rq);
	rq.numbers = mw->numbers;
	rq.nnumbers = mw->n;
	rq.dry_run = 1;
	rq.delivery = mw->delivery;
	rq.arg = mw;
	rq.note = mail_note;
	rq.message = mail_message;
	textpane_clear(&mw->notes);
	free(mw->first);
	mw->first = NULL;
	if (schedmail_run(tui_store(), &rq, &mw->rep, cause) != 0)
		return -1;
	textpane_clear(&mw->tp);
	textpane_add(&mw->tp, _("Would mail %zu of %zu sessions."),
	    mw->rep.sent, mw->rep.total);
	if (mw->delivery)
		textpane_add(&mw->tp, _("Already mailed that link: %zu; without "
		    "an address: %zu; nothing published: %zu."),
		    mw->rep.already, mw->rep.no_email, mw->rep.no_delivery);
	else
		textpane_add(&mw->tp, _("Already mailed for that time: %zu; "
		    "without an address: %zu."), mw->rep.already,
		    mw->rep.no_email);
	url = store_pref_get(tui_store(), "mail.smtp_url");
	if (url == NULL || *url == '\0')
		textpane_add(&mw->tp, "%s", _("No mail server is set "
		    "(preference mail.smtp_url): the job will fail until "
		    "one is."));
	free(url);
	if (mw->rep.already > 0)
		textpane_add(&mw->tp, "%s", _("Those already mailed are not "
		    "mailed again."));
	for (i = 0; i < mw->notes.n; i++)
		textpane_add(&mw->tp, "%s", mw->notes.lines[i]);
	if (mw->first != NULL) {
		textpane_add(&mw->tp, "%s", "");
		textpane_add(&mw->tp, "%s", _("The first message:"));
		textpane_add_text(&mw->tp, mw->first);
	}
	return 0;
}

static void
mail_draw(struct steps *s, int y, int x, int h, int w, void *arg)
{
	struct mail_wz *mw = arg;

	(void)s;
	textpane_draw(&mw->tp, y, x, h, w);
}

static int
mail_key(struct steps *s, int key, void *arg)
{
	struct mail_wz *mw = arg;

	(void)s;
	return textpane_key(&mw->tp, key, MAIL_ROWS);
}

static int
mail_finish(struct steps *s, void *arg, char **cause)
{
	struct mail_wz *mw = arg;
	char *numbers, *payload, *title;
	long long id;

	(void)s;
	if (mw->rep.sent == 0) {
		*cause = xstrdup(_("nothing to send"));
		return -1;
	}
	numbers = sess_numbers_text(mw->numbers, mw->n);
	payload = xasprintf("{\"numbers\":\"%s\"%s}", numbers,
	    mw->delivery ? ",\"template\":\"delivery\"" : "");
	title = mw->delivery ? xasprintf(_("Delivery e-mails: %zu sessions"),
	    mw->rep.sent) : xasprintf(_("Schedule e-mails: %zu sessions"),
	    mw->rep.sent);
	id = jobs_queue(tui_store(), "mail", title, payload, cause);
	free(numbers);
	free(payload);
	free(title);
	if (id < 0)
		return -1;
	tui_message(_("queued job #%lld: mail %zu sessions (Control Center "
	    "shows it)"), id, mw->rep.sent);
	tui_reload_all();
	return 0;
}

static void
mail_free(void *arg)
{
	struct mail_wz *mw = arg;

	free(mw->numbers);
	free(mw->first);
	textpane_clear(&mw->notes);
	textpane_clear(&mw->tp);
	free(mw);
}

static const struct steps_page mail_pages[] = {
	{ N_("Dry run: nothing is sent until Send"),
	  N_("↑/↓ PgUp/PgDn scroll; Send queues the mail job, Esc cancels."),
	  NULL, 0, MAIL_ROWS, mail_draw, mail_key, mail_enter },
};

static void
mail_open(struct hub_list *hl, int delivery)
{
	struct mail_wz *mw = xcalloc(1, sizeof *mw);
	char *title;

	mw->delivery = delivery;
	mw->numbers = sess_targets(hl->list, &mw->n);
	if (mw->n == 0) {
		mail_free(mw);
		tui_error("%s", _("no session to mail"));
		return;
	}
	title = delivery ? xasprintf(_("Delivery e-mails: %zu sessions"),
	    mw->n) : xasprintf(_("Schedule e-mails: %zu sessions"), mw->n);
	steps_open(title, mail_pages, 1, N_("Send"), mail_finish, mail_free,
	    mw);
	free(title);
}

void
sessions_mail_open(struct hub_list *hl)
{
	mail_open(hl, 0);
}

void
sessions_delivery_mail_open(struct hub_list *hl)
{
	mail_open(hl, 1);
}
