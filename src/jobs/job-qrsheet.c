/*
 * jobs/job-qrsheet: the "qr-sheets" job kind — the PDF of QR cards through
 * core/qrprint and media/qrsheet (payload and file handling:
 * jobs/sessfile.h).  Progress is one step per card; a cancelled job, or
 * one with nothing to print, leaves no file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define PICDAY_JOBS_SESSFILE_INTERNAL
#include "core/qrprint.h"
#include "jobs/job.h"
#include "jobs/sessfile.h"
#include "media/qrsheet.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct qr_job {
	struct job_ctx	*ctx;
	long long	 total;
};

static int
qr_job_row(size_t cards, void *arg)
{
	struct qr_job *qj = arg;

	job_progress(qj->ctx, (long long)cards, qj->total > (long long)cards ?
	    qj->total : (long long)cards);
	return job_cancelled(qj->ctx);
}

static int
job_qrsheet_run(struct job_ctx *ctx, char **cause)
{
	struct sessfile_job j;
	struct qrprint x;
	struct qr_job qj;
	char *ignore = NULL;
	int rc;

	if (sessfile_job_read(ctx, &j, cause) != 0) {
		sessfile_job_free(&j);
		return -1;
	}
	memset(&x, 0, sizeof x);
	if (qrsheet_open(j.output, j.tmp, j.per_page, &x.q, cause) != 0) {
		sessfile_job_free(&j);
		return -1;
	}
	qj.ctx = ctx;
	qj.total = j.total;
	x.row = qr_job_row;
	x.arg = &qj;
	job_progress(ctx, 0, j.total);
	rc = store_session_each(job_store(ctx), &j.filter, qrprint_row, &x);
	if (rc != 0 && !x.stopped) {
		*cause = x.cause != NULL ? x.cause :
		    xasprintf(_("cannot read the sessions: %s"),
		    store_errmsg(job_store(ctx)));
		x.cause = NULL;
		rc = -1;
	} else if (x.stopped)
		rc = 1;
	else if (x.cards == 0) {
		*cause = xstrdup(_("no sessions to print"));
		rc = -1;
	}
	if (rc != 0) {
		qrsheet_close(x.q, 1, NULL, &ignore);
		free(ignore);
		sessfile_job_free(&j);
		return rc < 0 ? -1 : 0;	/* 1: cancelled */
	}
	if (qrsheet_close(x.q, 0, NULL, cause) != 0) {
		sessfile_job_free(&j);
		return -1;
	}
	job_progress(ctx, (long long)x.cards, (long long)x.cards);
	if ((long long)x.cards < j.total)
		job_warn(ctx, _("%lld of the sessions no longer exist"),
		    j.total - (long long)x.cards);
	sessfile_job_free(&j);
	return 0;
}

const struct job_kind job_kind_qrsheet = { "qr-sheets", job_qrsheet_run };
