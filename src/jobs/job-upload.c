/*
 * jobs/job-upload: the "upload" job kind — Image Upload (DESIGN §1.6, §4).
 *
 * Payload: {"numbers": "1001,1002"}, or {} for every session in the status
 * "Image Upload" when the job runs.  For each session it sends, under the
 * target, SESSION/hires/NAME (the library file, unchanged, after checking
 * its SHA-256 against the one recorded at import), SESSION/preview/NAME (a
 * watermarked preview made on the way into STUDIO/uploads/previews/) and,
 * once all of those are there, SESSION/manifest.json.  The manifest's step
 * also moves the session to Online (with history).
 *
 * Every finished file is recorded (store/upload) in its own transaction
 * before the next file is asked for; a rerun skips what is recorded, and a
 * file that was in flight when a run died is looked for on the target
 * first (same size: recorded, not sent again).  A file that cannot go
 * (changed or missing in the library, refused by the server) is named and
 * the rest goes on; the attempt then fails with one line per file.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "core/uploadcfg.h"
#include "jobs/filesha.h"
#include "jobs/job.h"
#include "jobs/pvmaker.h"
#include "media/preview.h"
#include "net/upload.h"
#include "store/db.h"
#include "store/image.h"
#include "store/preview.h"
#include "store/session.h"
#include "store/status.h"
#include "store/upload.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define UP_MAX_LINES	50
#define UP_BUF		(256 * 1024)

enum ukind { UK_HIRES, UK_PREVIEW, UK_MANIFEST };
enum ustate { US_TODO, US_SENDING, US_DONE, US_FAILED };

struct ufile {
	size_t		 sess;		/* index into sessions */
	long long	 image_id;
	enum ukind	 kind;
	enum ustate	 state;
	char		*name;		/* NAME */
	char		*rel;		/* local, relative to the studio */
	char		*remote;
	long long	 bytes;		/* -1 until known (previews) */
	char		 sha[65];
	char		*src_rel;	/* preview: its library file */
	long		 pj;		/* its pvmaker job (preview, hash), or -1 */
	int		 fresh;		/* not sent before this run */
};

struct usession {
	long long	 id, number;
	char		*client, *student_id, *org;
	size_t		 left;		/* hires + previews not done */
	int		 failed;
	char		*why;		/* its last file not sent, in words */
	size_t		 manifest;	/* index of its manifest file */
};

struct ujob {
	struct job_ctx		*ctx;
	struct store		*st;
	struct uploadcfg	 cfg;
	struct upload		*up;
	struct usession		*sess;
	size_t			 nsess;
	struct ufile		*files;
	size_t			 nfiles;
	size_t			 cursor;
	size_t			*ready;		/* manifests ready to go */
	size_t			 nready;
	long long		 done, total;
	struct strbuf		 lines;
	size_t			 nlines;
	int			 long_side;
	char			*watermark;
	long long		 online_id;
	int			 online_pos;
	struct status		*sv;
	size_t			 nsv;
	unsigned char		*buf;
	char			*abs;		/* the item's local path */
	struct pvmaker		*pv;		/* previews made ahead */
	double			 started, shown;	/* unix seconds */
	long long		 hires_todo;	/* bytes, at the start */
	long long		 sent;		/* bytes, as last told */
	char			*problem;	/* the transient one, as last told */
	char			*last_fail;	/* up_fail()'s last line */
};

static void
up_fail(struct ujob *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
up_fail(struct ujob *j, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		fatal("vasprintf");
	va_end(ap);
	if (j->nlines++ < UP_MAX_LINES) {
		strbuf_addc(&j->lines, '\n');
		strbuf_adds(&j->lines, s);
	}
	job_warn(j->ctx, "%s", s);
	free(j->last_fail);
	j->last_fail = s;
}

/* SHA-256 (hex) and size of a file; -1 with errno. */
static int
sha_file(struct ujob *j, const char *path, char out[65], long long *bytes)
{
	return filesha(path, j->buf, UP_BUF, out, bytes);
}

static void
file_add(struct ujob *j, size_t sess, long long image_id, enum ukind kind,
    const char *name, char *rel, long long bytes, const char *sha)
{
	struct ufile *f;
	const char *dir = kind == UK_HIRES ? "hires/" : kind == UK_PREVIEW ?
	    "preview/" : "";

	j->files = xreallocarray(j->files, j->nfiles + 1, sizeof *j->files);
	f = &j->files[j->nfiles++];
	memset(f, 0, sizeof *f);
	f->sess = sess;
	f->image_id = image_id;
	f->kind = kind;
	f->name = xstrdup(name);
	f->rel = rel;
	f->remote = xasprintf("%lld/%s%s", j->sess[sess].number, dir, name);
	f->bytes = bytes;
	f->pj = -1;
	if (sha != NULL)
		snprintf(f->sha, sizeof f->sha, "%s", sha);
	/* Already there from an earlier run? */
	if (store_upload_done(j->st, j->cfg.target, f->remote, &f->bytes,
	    f->sha) == 1) {
		f->state = US_DONE;
		j->done++;
	} else
		f->fresh = 1;
	j->total++;
}

struct scan {
	struct ujob	*j;
	size_t		 sess;
	size_t		 n;
};

static int
scan_image(const struct image_row *r, void *arg)
{
	struct scan *sc = arg;
	struct ujob *j = sc->j;
	const char *base;
	char *name;
	size_t pv;

	if (r->is_marker)
		return 0;
	base = strrchr(r->path, '/');
	base = base != NULL ? base + 1 : r->path;
	name = path_safe_component(base);
	file_add(j, sc->sess, r->id, UK_HIRES, name, xstrdup(r->path),
	    r->bytes, r->sha256);
	file_add(j, sc->sess, r->id, UK_PREVIEW, name,
	    xasprintf("uploads/previews/%lld/%s", j->sess[sc->sess].number,
	    name), -1, NULL);
	pv = j->nfiles - 1;
	j->files[pv].src_rel = xstrdup(r->path);
	sc->n++;
	free(name);
	return 0;
}

static int
scan_session(const struct session_row *r, void *arg)
{
	struct ujob *j = arg;
	struct usession *s;

	j->sess = xreallocarray(j->sess, j->nsess + 1, sizeof *j->sess);
	s = &j->sess[j->nsess++];
	memset(s, 0, sizeof *s);
	s->id = r->id;
	s->number = r->number;
	s->client = xasprintf("%s%s%s", r->first_name != NULL ?
	    r->first_name : "", r->first_name != NULL &&
	    *r->first_name != '\0' ? " " : "", r->last_name != NULL ?
	    r->last_name : "");
	s->student_id = xstrdup(r->student_id != NULL ? r->student_id : "");
	s->org = xstrdup(r->organization != NULL ? r->organization : "");
	return 0;
}

static void
scan_missing(long long number, void *arg)
{
	up_fail(arg, _("session %lld: no such session"), number);
}

static int
up_scan(struct ujob *j, char **cause)
{
	struct session_filter flt;
	long long *v = NULL;
	size_t n = 0, i, k, first;
	int rc;

	memset(&flt, 0, sizeof flt);
	if ((v = job_payload_numbers(j->ctx, "numbers", &n)) != NULL) {
		if (n == 0) {
			free(v);
			return 0;
		}
		flt.numbers = v;
		flt.nnumbers = n;
		flt.missing = scan_missing;
	} else
		flt.status = "Image Upload";
	rc = store_session_each(j->st, &flt, scan_session, j);
	free(v);
	if (rc != 0) {
		*cause = xasprintf(_("cannot read sessions: %s"),
		    store_errmsg(j->st));
		return -1;
	}
	for (i = 0; i < j->nsess; i++) {
		struct scan sc = { j, i, 0 };
		struct usession *s = &j->sess[i];

		first = j->nfiles;
		if (store_image_each(j->st, s->id, scan_image, &sc) != 0) {
			*cause = xasprintf(_("cannot read images: %s"),
			    store_errmsg(j->st));
			return -1;
		}
		if (sc.n == 0) {
			up_fail(j, _("session %lld: no images to upload"),
			    s->number);
			s->failed = 1;
			continue;
		}
		for (k = first; k < j->nfiles; k++)
			if (j->files[k].state != US_DONE)
				s->left++;
		file_add(j, i, 0, UK_MANIFEST, "manifest.json",
		    xasprintf("uploads/manifests/%lld.json", s->number), -1,
		    NULL);
		s->manifest = j->nfiles - 1;
		if (s->left == 0 && j->files[s->manifest].state != US_DONE) {
			j->ready = xreallocarray(j->ready, j->nready + 1,
			    sizeof *j->ready);
			j->ready[j->nready++] = s->manifest;
		}
	}
	return 0;
}

/* Inside the step's transaction: the session moves to Online unless it is
 * there or further on already. */
static int
up_online(struct ujob *j, struct usession *s)
{
	long long sid, stid;
	size_t i;
	const char *old = NULL;
	int pos = -1;

	if (j->online_id == 0)
		return 0;
	if (store_status_of(j->st, s->number, &sid, &stid) != 1)
		return -1;
	for (i = 0; i < j->nsv; i++)
		if (j->sv[i].id == stid) {
			pos = j->sv[i].position;
			old = j->sv[i].name;
		}
	if (pos >= j->online_pos)
		return 0;
	if (store_status_set(j->st, sid, j->online_id) != 0 ||
	    store_history_add(j->st, sid, "status", old, "Online") != 0)
		return -1;
	return 0;
}

/* Records f as there (and the session Online with its manifest). */
static int
up_record(struct ujob *j, struct ufile *f, char **cause)
{
	static const char *const kinds[] = { "hires", "preview", "manifest" };
	struct usession *s = &j->sess[f->sess];
	struct upload_row r;

	memset(&r, 0, sizeof r);
	r.session_id = s->id;
	r.image_id = f->image_id;
	r.kind = kinds[f->kind];
	r.path = f->rel;
	r.target = j->cfg.target;
	r.remote = f->remote;
	r.bytes = f->bytes;
	r.sha256 = f->sha;
	if (store_begin(j->st) != 0)
		goto fail;
	if (store_upload_record(j->st, &r) != 0 ||
	    (f->kind == UK_MANIFEST && up_online(j, s) != 0)) {
		store_rollback(j->st);
		goto fail;
	}
	if (store_commit(j->st) != 0) {
		store_rollback(j->st);
		goto fail;
	}
	f->state = US_DONE;
	j->done++;
	job_progress(j->ctx, j->done, j->total);
	if (f->kind != UK_MANIFEST && s->left > 0 && --s->left == 0 &&
	    !s->failed) {
		j->ready = xreallocarray(j->ready, j->nready + 1,
		    sizeof *j->ready);
		j->ready[j->nready++] = s->manifest;
	}
	return 0;
fail:
	*cause = xasprintf(_("cannot record the upload of %s: %s"), f->remote,
	    store_errmsg(j->st));
	return -1;
}

static void
file_failed(struct ujob *j, struct ufile *f)
{
	struct usession *s = &j->sess[f->sess];
	const char *m = j->last_fail, *at;

	f->state = US_FAILED;
	s->failed = 1;
	if (m == NULL)
		return;
	free(s->why);
	/* "library/ORG/1001/IMG_0004.JPG: missing..." or "URL/1001/hires/
	 * IMG_0004.JPG: HTTP 500..." as "IMG_0004.JPG: ...". */
	if ((at = strstr(m, f->name)) != NULL && (at == m || at[-1] == '/'))
		s->why = xstrdup(at);
	else
		s->why = xstrdup(m);
}

static int
up_manifest(struct ujob *j, struct ufile *mf, char **cause)
{
	struct usession *s = &j->sess[mf->sess];
	struct strbuf sb = STRBUF_INIT;
	char *abs, *dir;
	size_t i;
	int first = 1, rc;

	strbuf_addf(&sb, "{\"session\":%lld,\"client\":", s->number);
	strbuf_add_json(&sb, s->client);
	strbuf_adds(&sb, ",\"student_id\":");
	strbuf_add_json(&sb, s->student_id);
	strbuf_adds(&sb, ",\"organization\":");
	strbuf_add_json(&sb, s->org);
	strbuf_adds(&sb, ",\"files\":[");
	for (i = 0; i < j->nfiles; i++) {
		struct ufile *f = &j->files[i];

		if (f->sess != mf->sess || f->kind == UK_MANIFEST)
			continue;
		strbuf_adds(&sb, first ? "\n" : ",\n");
		first = 0;
		strbuf_adds(&sb, "{\"path\":");
		strbuf_add_json(&sb, strchr(f->remote, '/') + 1);
		strbuf_addf(&sb, ",\"kind\":\"%s\",\"bytes\":%lld,"
		    "\"sha256\":\"%s\"}", f->kind == UK_HIRES ? "hires" :
		    "preview", f->bytes, f->sha);
	}
	strbuf_adds(&sb, "\n]}\n");
	abs = store_path(j->st, mf->rel);
	dir = xstrdup(abs);
	*strrchr(dir, '/') = '\0';
	rc = path_mkdirs(dir) != 0 ? -1 :
	    path_write_atomic(abs, strbuf_str(&sb), sb.len, 0644);
	if (rc != 0)
		*cause = xasprintf(_("cannot write %s: %s"), abs,
		    strerror(errno));
	if (rc == 0) {
		GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);

		g_checksum_update(ck, (const guchar *)strbuf_str(&sb),
		    (gssize)sb.len);
		snprintf(mf->sha, sizeof mf->sha, "%s",
		    g_checksum_get_string(ck));
		g_checksum_free(ck);
		mf->bytes = (long long)sb.len;
	}
	free(dir);
	free(abs);
	strbuf_free(&sb);
	return rc;
}

/* Gets f ready to send: checks a hires file, makes a preview or the
 * manifest.  0 ready, 1 failed (named), -1 stop. */
static int
up_prepare(struct ujob *j, struct ufile *f, char **cause)
{
	char sha[65], *why = NULL;
	long long bytes;

	free(j->abs);
	j->abs = store_path(j->st, f->rel);
	switch (f->kind) {
	case UK_HIRES:
		if ((f->pj >= 0 ? pvmaker_hash(j->pv, (size_t)f->pj, sha,
		    &bytes) : sha_file(j, j->abs, sha, &bytes)) != 0) {
			up_fail(j, _("%s: missing from the library (%s): not "
			    "sent"), f->rel, strerror(errno));
			return 1;
		}
		if (strcmp(sha, f->sha) != 0) {
			up_fail(j, _("%s: changed since import (sha256 "
			    "differs): not sent"), f->rel);
			return 1;
		}
		f->bytes = bytes;
		return 0;
	case UK_PREVIEW:
		if (f->pj >= 0 && pvmaker_wait(j->pv, (size_t)f->pj,
		    &why) != 0) {
			up_fail(j, _("%s: no preview: %s"), f->src_rel, why);
			free(why);
			return 1;
		}
		if (sha_file(j, j->abs, f->sha, &f->bytes) != 0) {
			up_fail(j, _("%s: cannot read: %s"), f->rel,
			    strerror(errno));
			return 1;
		}
		return 0;
	case UK_MANIFEST:
		return up_manifest(j, f, cause) == 0 ? 0 : -1;
	}
	return 1;
}

static int
sendable(const struct ufile *f)
{
	return f->state == US_TODO && f->kind != UK_MANIFEST;
}

/* The next file to send: the first one waiting, except that a preview
 * still being made (or a HiRes file still being checked) lets the files
 * after it go first (the transfers go on meanwhile); NULL when nothing is
 * left. */
static struct ufile *
up_pick(struct ujob *j)
{
	struct ufile *f;
	size_t i;

	while (j->cursor < j->nfiles && !sendable(&j->files[j->cursor]))
		j->cursor++;
	if (j->cursor == j->nfiles)
		return NULL;
	for (i = j->cursor; i < j->nfiles; i++) {
		f = &j->files[i];
		if (!sendable(f))
			continue;
		if (f->pj >= 0 && !pvmaker_ready(j->pv, (size_t)f->pj))
			continue;
		return f;
	}
	return &j->files[j->cursor];	/* waits for its preview */
}

/* Hands the previews not made yet, and the checks of the HiRes files, to
 * the pvmaker's threads, in the order the files go. */
static void
up_previews(struct ujob *j)
{
	struct ufile *f;
	char *dst, *src, *dir, *rel, *near;
	long n;
	size_t i;

	j->pv = pvmaker_new(j->long_side, j->watermark);
	for (i = 0; i < j->nfiles; i++) {
		f = &j->files[i];
		if (f->kind == UK_HIRES && f->state == US_TODO) {
			src = store_path(j->st, f->rel);
			f->pj = (long)pvmaker_add_hash(j->pv, src);
			free(src);
			continue;
		}
		if (f->kind != UK_PREVIEW || f->state != US_TODO)
			continue;
		dst = store_path(j->st, f->rel);
		if (access(dst, F_OK) != 0) {
			dir = xstrdup(dst);
			*strrchr(dir, '/') = '\0';
			(void)path_mkdirs(dir);
			media_preview_sweep(dir);	/* a dead run's */
			free(dir);
			src = store_path(j->st, f->src_rel);
			/* The import's preview, when there is one, spares
			 * decoding the whole frame again. */
			near = store_preview_get(j->st, f->image_id,
			    &rel) == 1 ? store_path(j->st, rel) : NULL;
			f->pj = (long)pvmaker_add(j->pv, src, near, dst);
			free(near);
			free(rel);
			free(src);
		}
		free(dst);
	}
	n = sysconf(_SC_NPROCESSORS_ONLN);
	pvmaker_go(j->pv, n > 0 ? (int)n : 1);
}

static int
hook_next(void *arg, struct upload_item *it, char **cause)
{
	struct ujob *j = arg;
	struct ufile *f;
	long long was, there;
	int rc;

	for (;;) {
		if (j->nready > 0)
			f = &j->files[j->ready[--j->nready]];
		else if ((f = up_pick(j)) == NULL)
			return 0;
		if (f->state != US_TODO)
			continue;
		rc = up_prepare(j, f, cause);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			file_failed(j, f);
			continue;
		}
		/* In flight when a run died: there already, whole? */
		if (store_upload_inflight(j->st, j->cfg.target, f->remote,
		    &was) == 1) {
			char *why = NULL;

			if (upload_stat(j->up, f->remote, &there, &why) == 1 &&
			    there == f->bytes) {
				if (up_record(j, f, cause) != 0)
					return -1;
				continue;
			}
			free(why);
		}
		f->state = US_SENDING;
		it->local = j->abs;
		it->remote = f->remote;
		it->bytes = f->bytes;
		it->tag = (long long)(f - j->files);
		return 1;
	}
}

static int
hook_start(void *arg, const struct upload_item *it, char **cause)
{
	struct ujob *j = arg;

	if (store_upload_start(j->st, j->cfg.target, it->remote,
	    it->bytes) != 0) {
		*cause = xasprintf(_("cannot record the upload of %s: %s"),
		    it->remote, store_errmsg(j->st));
		return -1;
	}
	return 0;
}

static int
hook_done(void *arg, const struct upload_item *it, int ok, const char *why,
    char **stop)
{
	struct ujob *j = arg;
	struct ufile *f = &j->files[it->tag];

	if (ok)
		return up_record(j, f, stop);
	up_fail(j, "%s", why);
	file_failed(j, f);
	return 0;
}

static double
now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#define UP_SHOW_SESSIONS	20

/* Each session's progress in words: how many are whole, then each
 * unfinished one (at most UP_SHOW_SESSIONS of them) with the last file
 * not sent and why (caller frees). */
static char *
up_sessions_text(struct ujob *j)
{
	struct strbuf sb = STRBUF_INIT;
	long long *nd, *nt, *bd, *bt;
	size_t i, shown = 0, whole = 0, more = 0;

	nd = xcalloc(j->nsess + 1, sizeof *nd);
	nt = xcalloc(j->nsess + 1, sizeof *nt);
	bd = xcalloc(j->nsess + 1, sizeof *bd);
	bt = xcalloc(j->nsess + 1, sizeof *bt);
	for (i = 0; i < j->nfiles; i++) {
		struct ufile *f = &j->files[i];
		long long b = f->bytes > 0 ? f->bytes : 0;

		nt[f->sess]++;
		bt[f->sess] += b;
		if (f->state == US_DONE) {
			nd[f->sess]++;
			bd[f->sess] += b;
		}
	}
	for (i = 0; i < j->nsess; i++)
		if (nt[i] > 0 && nd[i] == nt[i])
			whole++;
	if (whole > 0)
		strbuf_addf(&sb, _("%zu whole"), whole);
	for (i = 0; i < j->nsess; i++) {
		struct usession *s = &j->sess[i];

		if (nt[i] > 0 && nd[i] == nt[i])
			continue;
		if (shown == UP_SHOW_SESSIONS) {
			more++;
			continue;
		}
		if (shown++ > 0 || whole > 0)
			strbuf_adds(&sb, "; ");
		strbuf_addf(&sb, _("%lld: %lld of %lld files, %.1f of %.1f MB"),
		    s->number, nd[i], nt[i], bd[i] / 1e6, bt[i] / 1e6);
		if (s->why != NULL)
			strbuf_addf(&sb, _(", not sent: %s"), s->why);
	}
	if (more > 0)
		strbuf_addf(&sb, _("%s%zu more to go"), sb.len > 0 ? "; " : "",
		    more);
	free(nd);
	free(nt);
	free(bd);
	free(bt);
	return strbuf_take(&sb);
}

/* The transfer line of the Control Center and each session's progress,
 * at most once a second unless forced. */
static void
up_show(struct ujob *j, int force)
{
	long long total = j->hires_todo;
	double now = now_secs();
	char *sessions;
	size_t i;

	if (!force && now - j->shown < 1.0)
		return;
	j->shown = now;
	for (i = 0; i < j->nfiles; i++)
		if (j->files[i].kind != UK_HIRES && j->files[i].bytes > 0 &&
		    j->files[i].fresh)
			total += j->files[i].bytes;
	sessions = up_sessions_text(j);
	(void)store_upload_run_set(j->st, job_id(j->ctx), j->sent,
	    total > j->sent ? total : j->sent, j->started, now, j->problem,
	    sessions);
	free(sessions);
}

static void
hook_progress(void *arg, long long sent, const char *problem)
{
	struct ujob *j = arg;

	j->sent = sent;
	if (problem != j->problem && (problem == NULL || j->problem == NULL ||
	    strcmp(problem, j->problem) != 0)) {
		free(j->problem);
		j->problem = problem != NULL ? xstrdup(problem) : NULL;
	}
	up_show(j, 0);
}

static int
hook_cancelled(void *arg)
{
	struct ujob *j = arg;

	return job_cancelled(j->ctx);
}

static void
up_free(struct ujob *j)
{
	size_t i;

	for (i = 0; i < j->nfiles; i++) {
		free(j->files[i].name);
		free(j->files[i].rel);
		free(j->files[i].remote);
		free(j->files[i].src_rel);
	}
	for (i = 0; i < j->nsess; i++) {
		free(j->sess[i].why);
		free(j->sess[i].client);
		free(j->sess[i].student_id);
		free(j->sess[i].org);
	}
	pvmaker_free(j->pv);
	free(j->files);
	free(j->sess);
	free(j->ready);
	free(j->watermark);
	free(j->buf);
	free(j->abs);
	free(j->problem);
	free(j->last_fail);
	store_status_free(j->sv, j->nsv);
	upload_close(j->up);
	uploadcfg_free(&j->cfg);
	strbuf_free(&j->lines);
}

static int
job_upload_run(struct job_ctx *ctx, char **cause)
{
	struct upload_hooks h;
	struct ujob j;
	char *v, *stop = NULL, *lockpath = NULL;
	size_t i;
	int r, rc = -1, lockfd = -1;

	memset(&j, 0, sizeof j);
	j.ctx = ctx;
	j.st = job_store(ctx);
	j.buf = xmalloc(UP_BUF);
	if (uploadcfg_load(j.st, &j.cfg, cause) != 0)
		goto out;
	v = store_pref_get(j.st, "preview.long_side");
	j.long_side = v != NULL ? atoi(v) : 0;
	free(v);
	if (j.long_side < 16 || j.long_side > 16384)
		j.long_side = 1024;
	j.watermark = store_pref_get(j.st, "preview.watermark");
	if (store_status_list(j.st, &j.sv, &j.nsv) != 0) {
		*cause = xasprintf(_("cannot read statuses: %s"),
		    store_errmsg(j.st));
		goto out;
	}
	for (i = 0; i < j.nsv; i++)
		if (strcmp(j.sv[i].name, "Online") == 0) {
			j.online_id = j.sv[i].id;
			j.online_pos = j.sv[i].position;
		}
	/* One upload at a time per studio: two would send the same files.
	 * The lock goes with the process, even on kill -9. */
	lockpath = store_path(j.st, "uploads/.lock");
	v = xstrdup(lockpath);
	*strrchr(v, '/') = '\0';
	(void)path_mkdirs(v);
	free(v);
	if ((lockfd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0 ||
	    flock(lockfd, LOCK_EX | LOCK_NB) != 0) {
		*cause = xasprintf(_("another upload of this studio is "
		    "running: try again when it is done"));
		goto out;
	}
	if (up_scan(&j, cause) != 0)
		goto out;
	job_progress(ctx, j.done, j.total);
	if (upload_open(&j.cfg.c, &j.up, cause) != 0)
		goto out;
	up_previews(&j);
	memset(&h, 0, sizeof h);
	h.arg = &j;
	h.next = hook_next;
	h.start = hook_start;
	h.done = hook_done;
	h.cancelled = hook_cancelled;
	h.progress = hook_progress;
	j.started = now_secs();
	for (i = 0; i < j.nfiles; i++)
		if (j.files[i].kind == UK_HIRES && j.files[i].state == US_TODO)
			j.hires_todo += j.files[i].bytes;
	if ((r = upload_run(j.up, &h, &stop)) != 0) {
		up_show(&j, 1);
		if (job_cancelled(ctx)) {
			free(stop);
			rc = 0;
			goto out;
		}
		*cause = xasprintf(_("upload to %s stopped: %s%s"),
		    j.cfg.target, stop, strbuf_str(&j.lines));
		free(stop);
		/* A wrong password or host key is not tried again by the
		 * workers: the job fails at once, r queues it again. */
		if (r == UPLOAD_REFUSED)
			rc = JOB_FAIL_FINAL;
		goto out;
	}
	up_show(&j, 1);
	if (j.nlines > 0) {
		*cause = xasprintf(_("not everything was sent (%zu problems):%s%s"),
		    j.nlines,
		    strbuf_str(&j.lines), j.nlines > UP_MAX_LINES ? "\n..." :
		    "");
		goto out;
	}
	rc = 0;
out:
	if (lockfd >= 0)
		close(lockfd);
	free(lockpath);
	up_free(&j);
	return rc;
}

const struct job_kind job_kind_upload = { "upload", job_upload_run };
