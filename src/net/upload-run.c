/* net/upload-run: upload_run(), the transfers on one curl multi handle, with
 * retries.  See net/upload.h; shared parts in net/upload-int.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <glib.h>

#include "net/upload-int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
upload_seek(void *arg, curl_off_t off, int origin)
{
	FILE *f = arg;

	return fseeko(f, (off_t)off, origin) == 0 ? CURL_SEEKFUNC_OK :
	    CURL_SEEKFUNC_FAIL;
}

static int
upload_xferinfo(void *arg, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct xfer *x = arg;

	(void)dltotal;
	(void)dlnow;
	(void)ultotal;
	x->sent = ulnow;
	return 0;
}

/* Sets up x->e for its transfer: 0, or -1 with *cause (this file only). */
static int
xfer_setup(struct upload *u, struct xfer *x, char **cause)
{
	char *url;

	if (u->scheme == S_FILE) {
		char *dst = xasprintf("%s/%s", u->root, x->remote);
		int rc = file_parents(dst, cause);

		free(dst);
		if (rc != 0)
			return -1;
	}
	if ((x->f = fopen(x->local, "rbe")) == NULL) {
		*cause = xasprintf(_("cannot read %s: %s"), x->local,
		    strerror(errno));
		return -1;
	}
	if ((x->e = curl_easy_init()) == NULL)
		fatal("curl_easy_init");
	url = remote_url(u, x->remote);
	easy_common(u, x->e, url, x->errbuf);
	free(url);
	curl_easy_setopt(x->e, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(x->e, CURLOPT_READDATA, x->f);
	curl_easy_setopt(x->e, CURLOPT_SEEKFUNCTION, upload_seek);
	curl_easy_setopt(x->e, CURLOPT_SEEKDATA, x->f);
	curl_easy_setopt(x->e, CURLOPT_INFILESIZE_LARGE, (curl_off_t)x->bytes);
	curl_easy_setopt(x->e, CURLOPT_WRITEFUNCTION, keep_reply);
	curl_easy_setopt(x->e, CURLOPT_WRITEDATA, x);
	x->nreply = 0;
	x->reply[0] = '\0';
	curl_easy_setopt(x->e, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(x->e, CURLOPT_XFERINFOFUNCTION, upload_xferinfo);
	curl_easy_setopt(x->e, CURLOPT_XFERINFODATA, x);
	curl_easy_setopt(x->e, CURLOPT_PRIVATE, x);
	x->hdr = http_headers(u);
	if (x->hdr != NULL)
		curl_easy_setopt(x->e, CURLOPT_HTTPHEADER, x->hdr);
	x->sent = 0;
	return 0;
}

static void
xfer_end(struct xfer *x)
{
	if (x->e != NULL)
		curl_easy_cleanup(x->e);
	if (x->f != NULL)
		fclose(x->f);
	curl_slist_free_all(x->hdr);
	x->e = NULL;
	x->f = NULL;
	x->hdr = NULL;
}

static void
xfer_free(struct xfer *x)
{
	xfer_end(x);
	free(x->local);
	free(x->remote);
	free(x);
}

static long long
backoff(struct upload *u, int tries)
{
	long long d = u->c.backoff_ms;
	int i;

	for (i = 1; i < tries && d < UPLOAD_BACKOFF_MAX_MS; i++)
		d *= 2;
	if (d > UPLOAD_BACKOFF_MAX_MS)
		d = UPLOAD_BACKOFF_MAX_MS;
	/* Half fixed, half random, so that parallel retries spread out. */
	return d / 2 + (long long)g_random_int_range(0, (gint32)(d / 2 + 1));
}

struct run {
	struct upload		*u;
	const struct upload_hooks *h;
	struct xfer		**active;
	size_t			 nactive;
	struct xfer		**wait;
	size_t			 nwait;
	long long		 sent_done;	/* bytes of finished files */
	char			*problem;
	char			*stop;		/* the run's fatal cause */
	int			 refused;	/* stop came from the target */
};

static void
run_progress(struct run *r)
{
	long long sent = r->sent_done;
	size_t i;

	for (i = 0; i < r->nactive; i++)
		sent += (long long)r->active[i]->sent;
	if (r->h->progress != NULL)
		r->h->progress(r->h->arg, sent, r->problem);
}

static void
item_of(const struct xfer *x, struct upload_item *it)
{
	it->local = x->local;
	it->remote = x->remote;
	it->bytes = x->bytes;
	it->tag = x->tag;
}

static void
run_done(struct run *r, struct xfer *x, int ok, const char *why)
{
	struct upload_item it;
	char *stop = NULL;

	item_of(x, &it);
	if (ok)
		r->sent_done += x->bytes;
	if (r->h->done(r->h->arg, &it, ok, why, &stop) != 0 &&
	    r->stop == NULL)
		r->stop = stop != NULL ? stop : xstrdup(_("stopped"));
	else
		free(stop);
}

/* --limit-rate is for all the transfers together: each one going gets an
 * equal share, set again whenever one starts or ends, so that the last
 * ones of a run get the whole rate. */
static void
run_rebalance(struct run *r)
{
	long long share;
	size_t i;

	if (r->u->c.limit_rate <= 0 || r->nactive == 0)
		return;
	share = r->u->c.limit_rate / (long long)r->nactive;
	if (share < 1)
		share = 1;
	for (i = 0; i < r->nactive; i++)
		curl_easy_setopt(r->active[i]->e, CURLOPT_MAX_SEND_SPEED_LARGE,
		    (curl_off_t)share);
}

/* Starts x on a free slot: 0 started (or failed for good and reported). */
static void
run_start(struct run *r, struct xfer *x)
{
	struct upload_item it;
	char *why = NULL;

	item_of(x, &it);
	if (r->h->start != NULL && r->h->start(r->h->arg, &it, &why) != 0) {
		r->stop = why;
		xfer_free(x);
		return;
	}
	if ((r->u->scheme == S_HTTP && http_mkcols(r->u, x->remote,
	    &why) != 0)) {
		r->stop = why;
		r->refused = 1;	/* only a refused login stops there */
		xfer_free(x);
		return;
	}
	if (r->u->scheme == S_S3 && x->bytes > UPLOAD_S3_PART) {
		/* Sent here, part by part, with its own retries. */
		switch (s3_multipart(r->u, x->local, x->remote, x->bytes,
		    &why)) {
		case V_OK:
			run_done(r, x, 1, NULL);
			break;
		case V_FATAL:
			r->stop = why;
			r->refused = 1;
			why = NULL;
			break;
		default:
			run_done(r, x, 0, why);
			break;
		}
		free(why);
		xfer_free(x);
		return;
	}
	if (xfer_setup(r->u, x, &why) != 0) {
		xfer_end(x);
		run_done(r, x, 0, why);
		free(why);
		xfer_free(x);
		return;
	}
	x->tries++;
	r->active[r->nactive++] = x;
	run_rebalance(r);
	curl_multi_add_handle(r->u->multi, x->e);
}

static void
run_finished(struct run *r, CURL *e, CURLcode res)
{
	struct xfer *x = NULL;
	enum verdict v;
	long long delay;
	char *why = NULL;
	size_t i;

	for (i = 0; i < r->nactive; i++)
		if (r->active[i]->e == e) {
			x = r->active[i];
			r->active[i] = r->active[--r->nactive];
			break;
		}
	if (x == NULL)
		return;
	curl_multi_remove_handle(r->u->multi, e);
	run_rebalance(r);
	v = classify(r->u, x, res, &why, &delay);
	xfer_end(x);
	if (v == V_RETRY && x->tries >= r->u->c.max_tries) {
		char *w = xasprintf(_("%s (gave up after %d tries)"), why,
		    x->tries);

		free(why);
		why = w;
		v = V_PERM;
	}
	switch (v) {
	case V_OK:
		run_done(r, x, 1, NULL);
		xfer_free(x);
		break;
	case V_RETRY:
		free(r->problem);
		r->problem = why;
		why = NULL;
		if (delay < 0)
			delay = backoff(r->u, x->tries);
		x->due_ms = now_ms() + delay;
		r->wait = xreallocarray(r->wait, r->nwait + 1,
		    sizeof *r->wait);
		r->wait[r->nwait++] = x;
		break;
	case V_PERM:
		run_done(r, x, 0, why);
		xfer_free(x);
		break;
	case V_FATAL:
		if (r->stop == NULL) {
			r->stop = why;
			r->refused = 1;
			why = NULL;
		}
		xfer_free(x);
		break;
	}
	free(why);
}

int
upload_run(struct upload *u, const struct upload_hooks *h, char **cause)
{
	struct run r;
	struct upload_item it;
	int more = 1, still, n, rc;
	long long now, next_due;
	size_t i, best;
	CURLMsg *m;

	memset(&r, 0, sizeof r);
	r.u = u;
	r.h = h;
	r.active = xcalloc((size_t)u->c.parallel, sizeof *r.active);
	for (;;) {
		if (r.stop == NULL && h->cancelled != NULL &&
		    h->cancelled(h->arg))
			r.stop = xstrdup(_("cancelled"));
		if (r.stop != NULL)
			break;
		/* Fill free slots: due retries first, then new files. */
		now = now_ms();
		next_due = -1;
		while (r.stop == NULL &&
		    r.nactive < (size_t)u->c.parallel) {
			best = r.nwait;
			for (i = 0; i < r.nwait; i++)
				if (r.wait[i]->due_ms <= now && (best ==
				    r.nwait || r.wait[i]->due_ms <
				    r.wait[best]->due_ms))
					best = i;
			if (best < r.nwait) {
				struct xfer *x = r.wait[best];

				r.wait[best] = r.wait[--r.nwait];
				run_start(&r, x);
				continue;
			}
			if (!more)
				break;
			memset(&it, 0, sizeof it);
			n = h->next(h->arg, &it, &r.stop);
			if (n < 0) {
				if (r.stop == NULL)
					r.stop = xstrdup(_("stopped"));
				break;
			}
			if (n == 0) {
				more = 0;
				break;
			}
			{
				struct xfer *x = xcalloc(1, sizeof *x);

				x->local = xstrdup(it.local);
				x->remote = xstrdup(it.remote);
				x->bytes = it.bytes;
				x->tag = it.tag;
				run_start(&r, x);
			}
		}
		if (r.stop != NULL)
			break;
		for (i = 0; i < r.nwait; i++)
			if (next_due < 0 || r.wait[i]->due_ms < next_due)
				next_due = r.wait[i]->due_ms;
		if (r.nactive == 0 && r.nwait == 0 && !more)
			break;
		curl_multi_perform(u->multi, &still);
		while ((m = curl_multi_info_read(u->multi, &n)) != NULL)
			if (m->msg == CURLMSG_DONE) {
				run_finished(&r, m->easy_handle,
				    m->data.result);
				more = 1;
			}
		run_progress(&r);
		if (r.stop != NULL)
			break;
		if (r.nactive > 0 || r.nwait > 0) {
			int wait = 200;

			if (next_due >= 0 && r.nactive <
			    (size_t)u->c.parallel) {
				long long d = next_due - now_ms();

				wait = d < 0 ? 0 : d < 200 ? (int)d : 200;
			}
			if (r.nactive > 0)
				curl_multi_poll(u->multi, NULL, 0, wait, NULL);
			else if (wait > 0)
				usleep((useconds_t)wait * 1000);
		}
	}
	for (i = 0; i < r.nactive; i++) {
		curl_multi_remove_handle(u->multi, r.active[i]->e);
		xfer_free(r.active[i]);
	}
	for (i = 0; i < r.nwait; i++)
		xfer_free(r.wait[i]);
	free(r.active);
	free(r.wait);
	free(r.problem);
	rc = 0;
	if (r.stop != NULL) {
		*cause = r.stop;
		rc = r.refused ? UPLOAD_REFUSED : -1;
	}
	return rc;
}

