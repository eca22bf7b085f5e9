/*
 * jobs/job-preview: the "preview" job kind.  Makes previews/<image id>.jpg
 * for every image that lacks a preview, in id order, and records it in
 * images.preview_path.  Each step is idempotent: a job killed between
 * writing a file and recording it makes the same file again.  An image that
 * cannot be read is noted (job_warn, and a "fail:<id>" step so a resumed job
 * does not try it again) and the rest goes on.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "jobs/job.h"
#include "jobs/runner.h"
#include "media/preview.h"
#include "store/db.h"
#include "store/preview.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define PREVIEW_LONG_SIDE	1024

static int
preview_long_side(struct store *st)
{
	char *v = store_pref_get(st, "preview.long_side");
	long n = v != NULL ? strtol(v, NULL, 10) : 0;

	free(v);
	return n >= 16 && n <= 16384 ? (int)n : PREVIEW_LONG_SIDE;
}

/* One image: 0 made, 1 it cannot be read (noted, and said in *last),
 * -1 the job must stop. */
static int
preview_one(struct job_ctx *ctx, struct store_preview_image *img,
    int long_side, char **last, char **cause)
{
	struct store *st = job_store(ctx);
	char *rel, *src, *dst, *why = NULL, step[32];
	int rc = 0;

	rel = xasprintf("previews/%lld.jpg", img->id);
	src = store_path(st, img->path);
	dst = store_path(st, rel);
	if (media_preview_make(src, dst, long_side, &why) == 0) {
		if (store_preview_set(st, img->id, rel) != 0) {
			*cause = xasprintf(_("cannot record the preview of "
			    "%s: %s"), img->path, store_errmsg(st));
			rc = -1;
		}
	} else {
		snprintf(step, sizeof step, "fail:%lld", img->id);
		(void)job_step_mark(ctx, step);
		free(*last);
		*last = xasprintf("%s: %s", img->path, why);
		job_warn(ctx, _("no preview for %s"), *last);
		rc = 1;
	}
	free(why);
	free(dst);
	free(src);
	free(rel);
	return rc;
}

static int
job_preview_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct store_preview_image img;
	long long done, total, remaining, after = 0;
	int long_side, nfailed = 0, rc = 0;
	char *dir, *last = NULL;

	long_side = preview_long_side(st);
	dir = store_path(st, "previews");
	media_preview_sweep(dir);
	free(dir);

	/* A resumed job goes on counting from what it had done: what the
	 * database last heard, or more when fewer images are left than the
	 * last total said (the progress record lags the work a little). */
	if (store_preview_count_pending(st, job_id(ctx), &remaining) != 0) {
		*cause = xasprintf(_("cannot read the images: %s"),
		    store_errmsg(st));
		return -1;
	}
	done = job_done_before(ctx);
	if (job_total_before(ctx) - remaining > done)
		done = job_total_before(ctx) - remaining;
	total = done + remaining;
	job_progress(ctx, done, total);
	while (!job_cancelled(ctx)) {
		if ((rc = store_preview_next(st, job_id(ctx), after,
		    &img)) <= 0) {
			if (rc < 0)
				*cause = xasprintf(_("cannot read the images: "
				    "%s"), store_errmsg(st));
			break;
		}
		after = img.id;
		rc = preview_one(ctx, &img, long_side, &last, cause);
		free(img.path);
		if (rc < 0)
			break;
		nfailed += rc;
		if (++done > total)
			total = done;	/* images that arrived meanwhile */
		job_progress(ctx, done, total);
	}
	if (rc >= 0 && !job_cancelled(ctx)) {
		job_progress(ctx, done, done);
		if (nfailed > 1)
			/* L10N: "3 images have no preview; the last: PATH:
			 * REASON" */
			job_warn(ctx, _("%d images have no preview; the last: "
			    "%s"), nfailed, last);
	}
	free(last);
	return rc < 0 ? -1 : 0;
}

const struct job_kind job_kind_preview = { "preview", job_preview_run };
