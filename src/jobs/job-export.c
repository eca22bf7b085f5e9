/*
 * jobs/job-export: the "export" job kind — the session list to CSV or XLSX
 * through core/export (payload and file handling: jobs/sessfile.h).
 * Progress is one step per session; a cancelled job leaves no file.
 */
#include "config.h"

#include <stdlib.h>

#define PICDAY_JOBS_SESSFILE_INTERNAL
#include "core/export.h"
#include "jobs/job.h"
#include "jobs/sessfile.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct export_job {
	struct job_ctx	*ctx;
	long long	 total;
};

static int
export_job_row(size_t rows, void *arg)
{
	struct export_job *ej = arg;

	job_progress(ej->ctx, (long long)rows, ej->total > (long long)rows ?
	    ej->total : (long long)rows);
	return job_cancelled(ej->ctx);
}

static int
job_export_run(struct job_ctx *ctx, char **cause)
{
	struct sessfile_job j;
	struct export_opts o;
	struct export_job ej;
	int cols[EXPORT_NCOLS], rc;
	size_t ncols, rows = 0;

	if (sessfile_job_read(ctx, &j, cause) != 0) {
		sessfile_job_free(&j);
		return -1;
	}
	if (j.columns == NULL ||
	    export_columns_parse(j.columns, cols, &ncols, cause) != 0) {
		if (j.columns == NULL)
			*cause = xstrdup(_("the job names no columns"));
		sessfile_job_free(&j);
		return -1;
	}
	ej.ctx = ctx;
	ej.total = j.total;
	o.tmp = j.tmp;
	o.row = export_job_row;
	o.arg = &ej;
	job_progress(ctx, 0, j.total);
	rc = export_sessions(job_store(ctx), j.output, cols, ncols, &j.filter,
	    &o, &rows, cause);
	if (rc == 0) {
		job_progress(ctx, (long long)rows, (long long)rows);
		if ((long long)rows < j.total)
			job_warn(ctx, _("%lld of the sessions no longer exist"),
			    j.total - (long long)rows);
	}
	sessfile_job_free(&j);
	return rc < 0 ? -1 : 0;	/* 1: cancelled, nothing written */
}

const struct job_kind job_kind_export = { "export", job_export_run };
