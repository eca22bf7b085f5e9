/* Placeholder until this job kind is built. */
#include "config.h"

#include "jobs/job.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static int
job_preview_run(struct job_ctx *ctx, char **cause)
{
	*cause = xstrdup(_("this job kind is not built yet"));
	return -1;
}

const struct job_kind job_kind_preview = { "preview", job_preview_run };
