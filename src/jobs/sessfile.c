/*
 * jobs/sessfile: queueing the "export" and "qr-sheets" jobs, their payload
 * read back, and what they say when they end.  See jobs/sessfile.h.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PICDAY_JOBS_SESSFILE_INTERNAL
#include "core/export.h"
#include "jobs/job.h"
#include "jobs/sessfile.h"
#include "store/db.h"
#include "store/job.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The output path, absolute: the job may run in another process, from
 * another folder. */
static char *
absolute(const char *path, char **cause)
{
	char *cwd, *abs;

	if (path[0] == '/')
		return xstrdup(path);
	if ((cwd = getcwd(NULL, 0)) == NULL) {
		*cause = xasprintf(_("cannot tell the current folder: %s"),
		    strerror(errno));
		return NULL;
	}
	abs = path_join(cwd, path);
	free(cwd);
	return abs;
}

/* The output's folder must be there and writable now, not fail later on
 * a worker. */
static int
folder_ok(const char *abs, char **cause)
{
	const char *slash = strrchr(abs, '/');
	char *dir = slash == abs ? xstrdup("/") :
	    xasprintf("%.*s", (int)(slash - abs), abs);
	int rc = 0;

	if (access(dir, W_OK | X_OK) != 0) {
		*cause = xasprintf(_("cannot write to the folder %s: %s"), dir,
		    strerror(errno));
		rc = -1;
	}
	free(dir);
	return rc;
}

/* The payload's common part, into sb (an open object); the number of
 * sessions into *n, or -1 with *cause. */
static int
request_json(struct store *st, const struct sessfile_request *rq,
    struct strbuf *sb, long long *n, char **cause)
{
	struct session_filter f;
	char *abs;
	size_t i;

	if ((abs = absolute(rq->output, cause)) == NULL)
		return -1;
	if (folder_ok(abs, cause) != 0) {
		free(abs);
		return -1;
	}
	strbuf_adds(sb, "{\"output\":");
	strbuf_add_json(sb, abs);
	free(abs);
	if (rq->numbers != NULL) {
		strbuf_adds(sb, ",\"numbers\":[");
		for (i = 0; i < rq->nnumbers; i++)
			strbuf_addf(sb, i > 0 ? ",%lld" : "%lld",
			    rq->numbers[i]);
		strbuf_addc(sb, ']');
		*n = (long long)rq->nnumbers;
		return 0;
	}
	if (rq->org != NULL) {
		strbuf_adds(sb, ",\"org\":");
		strbuf_add_json(sb, rq->org);
	}
	if (rq->status != NULL) {
		strbuf_adds(sb, ",\"status\":");
		strbuf_add_json(sb, rq->status);
	}
	memset(&f, 0, sizeof f);
	f.org = rq->org;
	f.status = rq->status;
	if ((*n = store_session_count(st, &f)) < 0) {
		*cause = xasprintf(_("cannot read the sessions: %s"),
		    store_errmsg(st));
		return -1;
	}
	return 0;
}

long long
sessfile_queue_export(struct store *st, const struct sessfile_request *rq,
    char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char *title;
	long long n, id;
	size_t i;

	if (!export_path_ok(rq->output)) {
		*cause = xasprintf(_("%s: the file name must end in .csv or "
		    ".xlsx"), rq->output);
		return -1;
	}
	if (request_json(st, rq, &sb, &n, cause) != 0) {
		strbuf_free(&sb);
		return -1;
	}
	strbuf_adds(&sb, ",\"columns\":\"");
	for (i = 0; i < rq->ncols; i++)
		strbuf_addf(&sb, i > 0 ? ",%s" : "%s",
		    export_column_key(rq->cols[i]));
	strbuf_adds(&sb, "\"}");
	/* L10N: job title: "export 120 sessions to /home/x/sessions.csv" */
	title = xasprintf(_("export %lld sessions to %s"), n, rq->output);
	id = jobs_queue(st, "export", title, strbuf_str(&sb), cause);
	free(title);
	strbuf_free(&sb);
	return id;
}

long long
sessfile_queue_qrsheet(struct store *st, const struct sessfile_request *rq,
    char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char *title;
	long long n, id;

	if (request_json(st, rq, &sb, &n, cause) != 0) {
		strbuf_free(&sb);
		return -1;
	}
	strbuf_addf(&sb, ",\"per_page\":%d}", rq->per_page);
	/* L10N: job title: "QR cards of 120 sessions to /home/x/qr.pdf" */
	title = xasprintf(_("QR cards of %lld sessions to %s"), n,
	    rq->output);
	id = jobs_queue(st, "qr-sheets", title, strbuf_str(&sb), cause);
	free(title);
	strbuf_free(&sb);
	return id;
}

int
sessfile_run(const char *studio_dir, struct store *st, long long id,
    char **msg)
{
	struct store_job job;
	int failed;

	if (jobs_run_foreground(studio_dir, id, 1, msg) != 0)
		return -1;
	if (store_job_get(st, id, &job) != 1) {
		*msg = xasprintf(_("cannot read job #%lld: %s"), id,
		    store_errmsg(st));
		return -1;
	}
	*msg = sessfile_outcome(st, &job, &failed);
	store_job_clear(&job);
	return failed ? -1 : 0;
}

int
sessfile_job_read(struct job_ctx *ctx, struct sessfile_job *j, char **cause)
{
	struct store *st = job_store(ctx);
	char *slash;
	size_t n = 0;

	memset(j, 0, sizeof *j);
	if ((j->output = job_payload_str(ctx, "output")) == NULL ||
	    j->output[0] != '/') {
		*cause = xstrdup(_("the job names no output file"));
		return -1;
	}
	slash = strrchr(j->output, '/');
	j->tmp = xasprintf("%.*s/.%s.picday-%lld.tmp",
	    (int)(slash - j->output), j->output, slash + 1, job_id(ctx));
	j->org = job_payload_str(ctx, "org");
	j->status = job_payload_str(ctx, "status");
	j->columns = job_payload_str(ctx, "columns");
	j->per_page = (int)job_payload_int(ctx, "per_page", 1);
	/* An empty list still means "these": none. */
	if ((j->numbers = job_payload_numbers(ctx, "numbers", &n)) != NULL) {
		j->filter.numbers = j->numbers;
		j->filter.nnumbers = n;
		j->total = (long long)n;
		return 0;
	}
	j->filter.org = j->org;
	j->filter.status = j->status;
	if ((j->total = store_session_count(st, &j->filter)) < 0) {
		*cause = xasprintf(_("cannot read the sessions: %s"),
		    store_errmsg(st));
		return -1;
	}
	return 0;
}

void
sessfile_job_free(struct sessfile_job *j)
{
	free(j->output);
	free(j->tmp);
	free(j->org);
	free(j->status);
	free(j->columns);
	free(j->numbers);
	memset(j, 0, sizeof *j);
}

char *
sessfile_outcome(struct store *st, const struct store_job *job, int *failed)
{
	char *out, *cols, *msg;
	long long per, pages;
	size_t ncols = 0;
	const char *p;

	*failed = strcmp(job->state, "done") != 0;
	if (*failed) {
		if (strcmp(job->state, "cancelled") == 0)
			/* L10N: "#12 QR cards of 120 sessions to FILE:
			 * cancelled" */
			return xasprintf(_("#%lld %s: cancelled"), job->id,
			    job->title);
		return xasprintf(_("#%lld %s: failed: %s"), job->id,
		    job->title, job->last_error != NULL ? job->last_error :
		    _("no reason given"));
	}
	out = store_json_str(st, job->payload, "output");
	if (strcmp(job->kind, "qr-sheets") == 0) {
		per = store_json_int(st, job->payload, "per_page", 1);
		pages = per > 0 ? (job->done + per - 1) / per : 0;
		msg = xasprintf(_("wrote %lld QR cards on %lld pages to %s"),
		    job->done, pages, out != NULL ? out : "?");
	} else if (strcmp(job->kind, "export") == 0) {
		cols = store_json_str(st, job->payload, "columns");
		for (p = cols; p != NULL && *p != '\0'; p++)
			if (p == cols || *p == ',')
				ncols++;
		msg = xasprintf(_("exported %lld sessions (%zu columns) to %s"),
		    job->done, ncols, out != NULL ? out : "?");
		free(cols);
	} else
		/* L10N: "#12 mail 3 sessions: done" */
		msg = xasprintf(_("#%lld %s: done"), job->id, job->title);
	free(out);
	if (job->last_error != NULL) {
		/* A warning the job recorded on the way. */
		char *w = xasprintf("%s (%s)", msg, job->last_error);

		free(msg);
		msg = w;
	}
	return msg;
}
