/*
 * jobs/job-mail: the "mail" job kind — schedule e-mails (core/schedmail).
 *
 * Payload: {"numbers": "1001,1002"} or {"org": "NAME"}, plus optional
 * "resend": 1, "template": "delivery" (each family's download link) and "smtp": "smtp://host:port" (an override of the
 * preference mail.smtp_url, never with a password).  Idempotent: each
 * sent message is in mail_log, and a run skips what was sent, so a run
 * after a crash or a failure sends only what is left.  When some sends
 * fail for now (a 4xx reply, no connection), the attempt fails with one
 * line per failed client in the cause, and the queue tries again with its
 * back-off.  A message the server refused for good (a 5xx reply) is
 * recorded as the job step "fail:refused:NUMBER" and not sent again by a
 * later attempt (`jobs retry` forgets those steps); when such refusals are
 * all that failed, the job is done and its last_error names them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/schedmail.h"
#include "jobs/job.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* At most this many failure lines go into the job's error. */
#define MAIL_MAX_LINES	50

struct mail_job {
	struct job_ctx	*ctx;
	struct strbuf	 lines;
	size_t		 nlines;
};

static void
mail_note(void *arg, int failed, const char *line)
{
	struct mail_job *mj = arg;

	if (!failed)
		return;
	if (mj->nlines++ < MAIL_MAX_LINES) {
		strbuf_addc(&mj->lines, '\n');
		strbuf_adds(&mj->lines, line);
	}
}

static void
mail_refused(void *arg, long long number)
{
	struct mail_job *mj = arg;
	char step[48];

	snprintf(step, sizeof step, "fail:refused:%lld", number);
	(void)job_step_mark(mj->ctx, step);
}

static int
mail_was_refused(void *arg, long long number)
{
	struct mail_job *mj = arg;
	char step[48];

	snprintf(step, sizeof step, "fail:refused:%lld", number);
	return job_step_done(mj->ctx, step) == 1;
}

static void
mail_progress(void *arg, size_t done, size_t total)
{
	struct mail_job *mj = arg;

	job_progress(mj->ctx, (long long)done, (long long)total);
}

static int
mail_cancelled(void *arg)
{
	struct mail_job *mj = arg;

	return job_cancelled(mj->ctx);
}

static int
job_mail_run(struct job_ctx *ctx, char **cause)
{
	struct schedmail_request rq;
	struct schedmail_report rep;
	struct mail_job mj;
	char *org, *smtp, *tmpl;
	long long *v = NULL;
	size_t n = 0;
	int rc;

	memset(&rq, 0, sizeof rq);
	memset(&mj, 0, sizeof mj);
	mj.ctx = ctx;
	v = job_payload_numbers(ctx, "numbers", &n);
	org = job_payload_str(ctx, "org");
	smtp = job_payload_str(ctx, "smtp");
	if (v != NULL) {
		if (n == 0) {
			free(v);
			free(org);
			free(smtp);
			return 0;	/* nothing to mail */
		}
		rq.numbers = v;
		rq.nnumbers = n;
	} else if (org != NULL)
		rq.org = org;
	else {
		*cause = xstrdup(_("mail job without sessions or "
		    "organization"));
		free(smtp);
		return -1;
	}
	rq.resend = job_payload_int(ctx, "resend", 0) != 0;
	tmpl = job_payload_str(ctx, "template");
	rq.delivery = tmpl != NULL && strcmp(tmpl, "delivery") == 0;
	free(tmpl);
	rq.smtp_url = smtp;
	rq.arg = &mj;
	rq.note = mail_note;
	rq.refused = mail_refused;
	rq.was_refused = mail_was_refused;
	rq.progress = mail_progress;
	rq.cancelled = mail_cancelled;
	rc = schedmail_run(job_store(ctx), &rq, &rep, cause);
	if (rc == 0 && rep.failed > rep.refused) {
		*cause = xasprintf(_("%zu of %zu messages failed%s%s"),
		    rep.failed, rep.failed + rep.sent,
		    strbuf_str(&mj.lines), mj.nlines > MAIL_MAX_LINES ?
		    "\n..." : "");
		rc = -1;
	} else if (rc == 0 && rep.refused > 0)
		job_warn(ctx, ngettext("%zu message refused by the server "
		    "(not sent again)%s%s", "%zu messages refused by the "
		    "server (not sent again)%s%s", rep.refused), rep.refused,
		    strbuf_str(&mj.lines),
		    mj.nlines > MAIL_MAX_LINES ? "\n..." : "");
	strbuf_free(&mj.lines);
	free(v);
	free(org);
	free(smtp);
	return rc;
}

const struct job_kind job_kind_mail = { "mail", job_mail_run };
