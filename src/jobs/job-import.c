/*
 * jobs/job-import: the "import" job kind (issue 4, item 5).
 *
 * Payload (core/imgscan.h, imgscan_payload): {"dir", "mode", "advance",
 * "items": [{"p": path on the card, "n": session number, "m": marker}]}.
 * For each item, in order: hash the source (opened read-only); skip it when
 * the session already holds those bytes; else copy it into
 * library/ORG/NUMBER/NAME (a suffix on a name clash) through a temporary
 * file that is fsync'd, verified by SHA-256 and renamed; then record the
 * images row.  A library file with no row but the same bytes (a job killed
 * between rename and insert) is adopted, not copied again.  So a job
 * killed at any moment and run again imports every frame exactly once.
 * Each (re)start first removes the temporaries killed imports left in the
 * folders of its sessions (.picday-import-ID.tmp of this job, or of a job
 * no live process runs).
 * Then the sessions move to "Images Imported" (with "advance"), and every
 * image lacking a preview gets one.
 *
 * SHA-256 comes from GLib's GChecksum (GLib is already linked through
 * libvips): no second crypto library for one hash.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "core/autogroup.h"
#include "core/status.h"
#include "jobs/job.h"
#include "media/exif.h"
#include "media/preview.h"
#include "store/db.h"
#include "store/image.h"
#include "store/job.h"
#include "store/preview.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define IMPORT_BUF	(256 * 1024)

struct import {
	struct job_ctx	*ctx;
	struct store	*st;
	char		*dir;
	unsigned char	*buf;
	long long	 number;	/* session of the cache below */
	long long	 session_id;	/* 0: no such session */
	char		*org;
	char		*tmpname;	/* ".picday-import-JOB.tmp" */
	char		**folders;	/* visited, for the clean-up */
	size_t		 nfolders;
};

/* SHA-256 of what fd reads from its start (hex into out[65]); bytes read. */
static int
sha_fd(struct import *im, int fd, char out[65], long long *bytes)
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	ssize_t n;
	long long total = 0;

	if (lseek(fd, 0, SEEK_SET) == -1) {
		g_checksum_free(ck);
		return -1;
	}
	while ((n = read(fd, im->buf, IMPORT_BUF)) > 0) {
		g_checksum_update(ck, im->buf, n);
		total += n;
	}
	if (n == 0)
		snprintf(out, 65, "%s", g_checksum_get_string(ck));
	g_checksum_free(ck);
	if (bytes != NULL)
		*bytes = total;
	return n == 0 ? 0 : -1;
}

static int
sha_path(struct import *im, const char *path, char out[65])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), rc;

	if (fd == -1)
		return -1;
	rc = sha_fd(im, fd, out, NULL);
	close(fd);
	return rc;
}

/* Copies src (fd) to dst through tmp in folder: write, fsync, verify,
 * rename, fsync the folder.  0, or -1 with *cause. */
static int
copy_verified(struct import *im, int src, const char *folder,
    const char *dst, const char *sha, char **cause)
{
	char *tmp = path_join(folder, im->tmpname), got[65];
	ssize_t n;
	int out, dfd, rc = -1;

	if (lseek(src, 0, SEEK_SET) == -1 ||
	    (out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	while ((n = read(src, im->buf, IMPORT_BUF)) > 0) {
		ssize_t off = 0, w;

		while (off < n) {
			if ((w = write(out, im->buf + off, n - off)) < 0) {
				if (errno == EINTR)
					continue;
				n = -1;
				break;
			}
			off += w;
		}
		if (n < 0)
			break;
	}
	if (n < 0 || fsync(out) != 0) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		close(out);
		goto out;
	}
	close(out);
	if (sha_path(im, tmp, got) != 0 || strcmp(got, sha) != 0) {
		*cause = xasprintf(_("%s: the copy does not match the card"),
		    dst);
		goto out;
	}
	if (rename(tmp, dst) != 0) {
		*cause = xasprintf("%s: %s", dst, strerror(errno));
		goto out;
	}
	if ((dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	if (rc != 0)
		(void)unlink(tmp);
	free(tmp);
	return rc;
}

static void
folder_seen(struct import *im, const char *folder)
{
	size_t i;

	for (i = 0; i < im->nfolders; i++)
		if (strcmp(im->folders[i], folder) == 0)
			return;
	im->folders = xreallocarray(im->folders, im->nfolders + 1,
	    sizeof *im->folders);
	im->folders[im->nfolders++] = xstrdup(folder);
}

/* "IMG_0001.JPG", 2 -> "IMG_0001_2.JPG" */
static char *
name_variant(const char *name, int k)
{
	const char *dot = strrchr(name, '.');

	if (k == 1)
		return xstrdup(name);
	if (dot == NULL || dot == name)
		return xasprintf("%s_%d", name, k);
	return xasprintf("%.*s_%d%s", (int)(dot - name), name, k, dot);
}

static void
row_meta(const char *src, struct image_row *row, char *when, size_t whenlen,
    char **camera)
{
	struct exifmeta m;
	char *cause = NULL;

	*camera = NULL;
	when[0] = '\0';
	row->orientation = 1;
	if (exifmeta_read(src, &m, &cause) != 0) {
		free(cause);
		return;
	}
	exifmeta_iso_time(&m, when, (unsigned)whenlen);
	if (m.make != NULL || m.model != NULL || m.serial != NULL)
		*camera = xasprintf("%s%s%s%s%s", m.make != NULL ? m.make : "",
		    m.make != NULL && m.model != NULL ? " " : "",
		    m.model != NULL ? m.model : "",
		    m.serial != NULL ? " #" : "", m.serial != NULL ? m.serial : "");
	row->width = m.width;
	row->height = m.height;
	row->orientation = m.orientation;
	exifmeta_free(&m);
}

/* The job of a ".picday-import-ID.tmp" name, else 0. */
static long long
tmp_job(const char *name)
{
	long long id;
	int len = 0;

	if (sscanf(name, ".picday-import-%lld.tmp%n", &id, &len) != 1 ||
	    len == 0 || name[len] != '\0')
		return 0;
	return id > 0 ? id : 0;
}

/* May the temporary of import job `id` go?  Its own (left by an earlier
 * attempt of this job), and those of jobs that are not running in a live
 * process; never another live job's. */
static int
tmp_is_stale(struct import *im, long long id)
{
	struct store_job j;
	int rc, stale;

	if (id == job_id(im->ctx))
		return 1;
	if ((rc = store_job_get(im->st, id, &j)) != 1)
		return rc == 0;	/* no such job; unsure on an error */
	stale = strcmp(j.state, "running") != 0 || !jobs_lease_live(&j);
	store_job_clear(&j);
	return stale;
}

/* Removes the ".picday-import-ID.tmp" files that killed imports left in
 * the library folders of this job's sessions: only that name, only there. */
static void
sweep_stale_tmps(struct import *im, const struct image_job_item *v,
    size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		struct dirent *e;
		DIR *d;
		char *org = NULL, *safe, *rel, *folder;
		long long sid, id;

		for (j = 0; j < i && v[j].number != v[i].number; j++)
			;
		if (j < i || store_image_session(im->st, v[i].number, &sid,
		    &org) != 1) {
			free(org);
			continue;	/* seen, or no such session */
		}
		safe = path_safe_component(org);
		rel = xasprintf("library/%s/%lld", safe, v[i].number);
		folder = store_path(im->st, rel);
		if ((d = opendir(folder)) != NULL) {
			while ((e = readdir(d)) != NULL)
				if ((id = tmp_job(e->d_name)) > 0 &&
				    tmp_is_stale(im, id))
					(void)unlinkat(dirfd(d), e->d_name, 0);
			closedir(d);
		}
		free(folder);
		free(rel);
		free(safe);
		free(org);
	}
}

/* One frame into one session.  0 done (or skipped), -1 the job stops. */
static int
import_one(struct import *im, const struct image_job_item *it, char **cause)
{
	struct image_row row;
	struct stat sb;
	char *src, *safe_org = NULL, *folder_rel = NULL, *folder = NULL;
	char *name = NULL, *cand = NULL, *dst_rel = NULL, *dst = NULL;
	char *camera = NULL, sha[65], other[65], when[32];
	const char *base;
	long long bytes, id;
	int fd, k, adopt = 0, rc = -1;

	src = path_join(im->dir, it->rel);
	if (im->number != it->number) {
		free(im->org);
		im->org = NULL;
		im->number = it->number;
		if (store_image_session(im->st, it->number, &im->session_id,
		    &im->org) != 1)
			im->session_id = 0;
	}
	if (im->session_id == 0) {
		job_warn(im->ctx, _("no session %lld: %s not imported"),
		    it->number, it->rel);
		free(src);
		return 0;
	}
	fd = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
	if (fd == -1 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sha_fd(im, fd, sha, &bytes) != 0) {
		job_warn(im->ctx, _("cannot read %s: %s"), it->rel,
		    strerror(errno));
		if (fd != -1)
			close(fd);
		free(src);
		return 0;
	}
	if ((k = store_image_has_sha(im->st, im->session_id, sha)) != 0) {
		close(fd);
		free(src);
		if (k < 0)
			*cause = xasprintf(_("cannot read the images: %s"),
			    store_errmsg(im->st));
		return k < 0 ? -1 : 0;	/* already there */
	}

	safe_org = path_safe_component(im->org);
	folder_rel = xasprintf("library/%s/%lld", safe_org, it->number);
	folder = store_path(im->st, folder_rel);
	if (path_mkdirs(folder) != 0) {
		*cause = xasprintf("%s: %s", folder, strerror(errno));
		goto out;
	}
	folder_seen(im, folder);
	base = strrchr(it->rel, '/');
	name = path_safe_component(base != NULL ? base + 1 : it->rel);
	for (k = 1;; k++) {
		free(cand);
		free(dst_rel);
		free(dst);
		cand = name_variant(name, k);
		dst_rel = xasprintf("%s/%s", folder_rel, cand);
		dst = path_join(folder, cand);
		if ((id = store_image_at(im->st, dst_rel)) != 0) {
			if (id < 0) {
				*cause = xasprintf(_("cannot read the images: "
				    "%s"), store_errmsg(im->st));
				goto out;
			}
			continue;		/* another image's name */
		}
		if (lstat(dst, &sb) != 0)
			break;			/* free */
		if (S_ISREG(sb.st_mode) && sha_path(im, dst, other) == 0 &&
		    strcmp(other, sha) == 0) {
			adopt = 1;		/* copied before a crash */
			break;
		}
	}
	if (!adopt && copy_verified(im, fd, folder, dst, sha, cause) != 0)
		goto out;

	memset(&row, 0, sizeof row);
	row.session_id = im->session_id;
	row.path = dst_rel;
	row.source_path = src;
	row.sha256 = sha;
	row.bytes = bytes;
	row.is_marker = it->marker;
	row_meta(src, &row, when, sizeof when, &camera);
	row.captured_at = when;
	row.camera = camera;
	if (store_begin(im->st) != 0 || store_image_insert(im->st, &row) < 0 ||
	    store_commit(im->st) != 0) {
		*cause = xasprintf(_("cannot record %s: %s"), dst_rel,
		    store_errmsg(im->st));
		store_rollback(im->st);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	free(camera);
	free(cand);
	free(dst_rel);
	free(dst);
	free(name);
	free(folder);
	free(folder_rel);
	free(safe_org);
	free(src);
	return rc;
}

/* The image group auto-created for every session (setup groups.auto),
 * filled by its rule in each session the job imported into (again after
 * a crash: filling twice adds nothing). */
static int
fill_groups(struct import *im, const struct image_job_item *v, size_t n,
    char **cause)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i && v[j].number != v[i].number; j++)
			;
		if (j == i && v[i].number > 0 &&
		    autogroup_fill(im->st, v[i].number, cause) != 0)
			return -1;
	}
	return 0;
}

static int
advance_sessions(struct import *im, const struct image_job_item *v, size_t n,
    char **cause)
{
	struct status_result res;
	long long *numbers = xcalloc(n + 1, sizeof *numbers);
	size_t i, j, k = 0;
	int rc;

	if (job_step_done(im->ctx, "advance"))
		return 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < k && numbers[j] != v[i].number; j++)
			;
		if (j == k)
			numbers[k++] = v[i].number;
	}
	rc = status_advance(im->st, numbers, k, "Images Imported", 0, &res,
	    cause);
	free(numbers);
	if (rc != 0)
		return -1;
	status_result_free(&res);
	(void)job_step_mark(im->ctx, "advance");
	return 0;
}

static int
preview_long_side(struct store *st)
{
	char *v = store_pref_get(st, "preview.long_side");
	long n = v != NULL ? strtol(v, NULL, 10) : 0;

	free(v);
	return n >= 16 && n <= 16384 ? (int)n : 1024;
}

/* Previews for every image lacking one (this import's, and any left by an
 * earlier one). */
static int
make_previews(struct import *im, long long done, long long total,
    char **cause)
{
	struct store_preview_image img;
	long long after = 0;
	int long_side = preview_long_side(im->st), rc;
	char *dir = store_path(im->st, "previews");

	(void)path_mkdirs(dir);
	media_preview_sweep(dir);
	free(dir);
	while (!job_cancelled(im->ctx)) {
		char *rel, *src, *dst, *why = NULL, step[40];

		if ((rc = store_preview_next(im->st, job_id(im->ctx), after,
		    &img)) <= 0) {
			if (rc < 0)
				*cause = xasprintf(_("cannot read the images: "
				    "%s"), store_errmsg(im->st));
			return rc;
		}
		after = img.id;
		rel = xasprintf("previews/%lld.jpg", img.id);
		src = store_path(im->st, img.path);
		dst = store_path(im->st, rel);
		if (media_preview_make(src, dst, long_side, &why) == 0)
			(void)store_preview_set(im->st, img.id, rel);
		else {
			snprintf(step, sizeof step, "fail:%lld", img.id);
			(void)job_step_mark(im->ctx, step);
			job_warn(im->ctx, _("no preview for %s: %s"), img.path,
			    why);
		}
		free(why);
		free(dst);
		free(src);
		free(rel);
		free(img.path);
		if (++done > total)
			total = done;
		job_progress(im->ctx, done, total);
	}
	return 0;
}

static int
job_import_run(struct job_ctx *ctx, char **cause)
{
	struct import im;
	struct image_job_item *v = NULL;
	long long pending = 0;
	size_t n = 0, i;
	int rc = 0;

	memset(&im, 0, sizeof im);
	im.ctx = ctx;
	im.st = job_store(ctx);
	im.dir = job_payload_str(ctx, "dir");
	if (im.dir == NULL) {
		*cause = xstrdup(_("import job without a folder"));
		return -1;
	}
	if (store_image_job_items(im.st, job_id(ctx), &v, &n) != 0) {
		*cause = xasprintf(_("cannot read the job: %s"),
		    store_errmsg(im.st));
		free(im.dir);
		return -1;
	}
	im.buf = xmalloc(IMPORT_BUF);
	im.number = -1;
	im.tmpname = xasprintf(".picday-import-%lld.tmp", job_id(ctx));
	sweep_stale_tmps(&im, v, n);
	job_progress(ctx, 0, (long long)n);
	for (i = 0; i < n && rc == 0; i++) {
		if (job_cancelled(ctx))
			goto out;
		rc = import_one(&im, &v[i], cause);
		job_progress(ctx, (long long)i + 1, (long long)n);
	}
	for (i = 0; i < im.nfolders; i++) {	/* a killed run's temporary */
		char *tmp = path_join(im.folders[i], im.tmpname);

		(void)unlink(tmp);
		free(tmp);
	}
	if (rc == 0)
		rc = fill_groups(&im, v, n, cause);
	if (rc == 0 && job_payload_int(ctx, "advance", 0))
		rc = advance_sessions(&im, v, n, cause);
	if (rc == 0 && store_preview_count_pending(im.st, job_id(ctx),
	    &pending) == 0)
		rc = make_previews(&im, (long long)n, (long long)n + pending,
		    cause);
out:
	for (i = 0; i < im.nfolders; i++)
		free(im.folders[i]);
	free(im.folders);
	store_image_job_items_free(v, n);
	free(im.tmpname);
	free(im.org);
	free(im.buf);
	free(im.dir);
	return rc == 0 ? 0 : -1;
}

const struct job_kind job_kind_import = { "import", job_import_run };
