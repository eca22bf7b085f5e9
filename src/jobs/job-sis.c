/*
 * jobs/job-sis: the "sis" job kind, the photo files a school information
 * system imports.  Payload: {"org": ID, "system": "powerschool" |
 * "infinite-campus", "file": "/abs/FILE.zip", "split": BYTES}.
 *
 * PowerSchool: one flat zip of STUDENT_NUMBER.jpg, 200x300, plus
 * student_photos.txt, TAB-delimited with the header Student_Number<TAB>file
 * (CRLF).  Infinite Campus: STUDENT_NUMBER.jpg, 175x263, each at most
 * 3 MB, in zips of at most `split` bytes (100 MB): FILE.zip, FILE-2.zip,
 * FILE-3.zip...  Student numbers keep their leading zeros; a student
 * without one is named in a warning and left out; teachers and staff
 * (core/role.h) are not in the SIS files.  Each zip is written to
 * ".NAME.picday-JOB.tmp" beside it (libzip itself writes through one more
 * temporary), then synced and renamed, so a killed job leaves the old zip
 * or the new one; a resumed job sweeps its temporaries and writes them all
 * again.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "core/pose.h"
#include "jobs/job.h"
#include "jobs/school.h"
#include "media/portrait.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define SIS_MAX_IMAGE	(3 * 1000 * 1000)
#define SIS_MAPPING	"student_photos.txt"

struct sis_zip {
	zip_t		*za;
	char		*path;		/* the part's final name */
	char		*tmp;		/* where libzip writes it */
	long long	 job;
	long long	 bytes;		/* estimated size so far */
	int		 part;
	int		 entries;
};

/* Removes the files of this folder whose names start with prefix: this
 * job's temporary of a part, and libzip's own ("TMP.XXXXXX") that a kill
 * left behind. */
static void
sis_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash != NULL ? xstrndup(path, (size_t)(slash - path)) :
	    xstrdup(".");
	const char *prefix = slash != NULL ? slash + 1 : path;
	struct dirent *de;
	DIR *d;

	if ((d = opendir(*dir != '\0' ? dir : "/")) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
				(void)unlinkat(dirfd(d), de->d_name, 0);
		closedir(d);
	}
	free(dir);
}

/* ".NAME.picday-JOB.tmp" beside path (caller frees). */
static char *
sis_tmp_path(const char *path, long long job)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xasprintf(".%s.picday-%lld.tmp", path, job);
	return xasprintf("%.*s/.%s.picday-%lld.tmp", (int)(slash - path),
	    path, slash + 1, job);
}

/* FILE.zip for part 1, FILE-N.zip after. */
static char *
sis_part_path(const char *file, int part)
{
	size_t n = strlen(file) - 4;

	if (part == 1)
		return xstrdup(file);
	return xasprintf("%.*s-%d.zip", (int)n, file, part);
}

static int
sis_open(struct sis_zip *z, const char *file, int part, char **cause)
{
	int err = 0;

	z->path = sis_part_path(file, part);
	z->tmp = sis_tmp_path(z->path, z->job);
	sis_sweep(z->tmp);
	z->part = part;
	z->bytes = 22;		/* end of central directory */
	z->entries = 0;
	if ((z->za = zip_open(z->tmp, ZIP_CREATE | ZIP_TRUNCATE,
	    &err)) == NULL) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, err);
		*cause = xasprintf(_("cannot create %s: %s"), z->path,
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		free(z->path);
		free(z->tmp);
		z->path = z->tmp = NULL;
		return -1;
	}
	return 0;
}

static int
sis_close(struct sis_zip *z, char **cause)
{
	int rc = 0;

	if (z->za == NULL)
		return 0;
	if (zip_close(z->za) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), z->path,
		    zip_strerror(z->za));
		zip_discard(z->za);
		rc = -1;
	} else if (path_commit(z->tmp, z->path) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), z->path,
		    strerror(errno));
		(void)unlink(z->tmp);
		rc = -1;
	}
	z->za = NULL;
	free(z->path);
	free(z->tmp);
	z->path = z->tmp = NULL;
	return rc;
}

/* Adds buf (malloc()ed, taken) as name, stored: JPEGs do not deflate. */
static int
sis_add(struct sis_zip *z, const char *name, void *buf, size_t len,
    int store, char **cause)
{
	zip_source_t *src;
	zip_int64_t i;

	if ((src = zip_source_buffer(z->za, buf, len, 1)) == NULL) {
		free(buf);
		goto fail;
	}
	if ((i = zip_file_add(z->za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		goto fail;
	}
	if (store && zip_set_file_compression(z->za, (zip_uint64_t)i,
	    ZIP_CM_STORE, 0) != 0)
		goto fail;
	/* Local header, data descriptor, central entry. */
	z->bytes += (long long)len + 30 + 16 + 46 + 2 * (long long)strlen(name);
	z->entries++;
	return 0;
fail:
	*cause = xasprintf(_("cannot add %s to %s: %s"), name, z->path,
	    zip_strerror(z->za));
	return -1;
}

static int
job_sis_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct pose_list l;
	struct sis_zip z;
	struct strbuf map = STRBUF_INIT;
	long long org = job_payload_int(ctx, "org", 0), done = 0;
	long long split = job_payload_int(ctx, "split", 100000000);
	char *file = job_payload_str(ctx, "file");
	char *sys = job_payload_str(ctx, "system");
	int ps, w, h, rc = -1;
	size_t i;

	memset(&z, 0, sizeof z);
	z.job = job_id(ctx);
	if (file == NULL || sys == NULL || org <= 0 || strlen(file) < 5) {
		*cause = xstrdup(_("bad sis job payload"));
		rc = JOB_FAIL_FINAL;
		goto out0;
	}
	ps = strcmp(sys, "powerschool") == 0;
	w = ps ? 200 : 175;
	h = ps ? 300 : 263;
	if (pose_list(st, org, &l, cause) != 0)
		goto out0;
	if (sis_open(&z, file, 1, cause) != 0)
		goto out;
	strbuf_adds(&map, "Student_Number\tfile\r\n");
	for (i = 0; i < l.n; i++)	/* teachers and staff: not students */
		if (l.v[i].role != NULL && l.v[i].image_id != 0)
			l.nposed--;
	job_progress(ctx, 0, (long long)l.nposed);
	for (i = 0; i < l.n && !job_cancelled(ctx); i++) {
		const struct pose *p = &l.v[i];
		char *src, *name, *why = NULL, *who;
		void *buf;
		size_t len;
		int q;

		if (p->image_id == 0 || p->role != NULL)
			continue;
		job_progress(ctx, ++done, (long long)l.nposed);
		if (*p->student_id == '\0' || strcmp(p->file,
		    p->student_id) != 0) {
			who = pose_who(p);
			job_warn(ctx, *p->student_id == '\0' ?
			    _("no student number, left out: %s") :
			    _("student number not usable as a file name, "
			    "left out: %s"), who);
			free(who);
			continue;
		}
		src = store_path(st, p->path);
		name = xasprintf("%s.jpg", p->file);
		for (q = 90; ; q -= 15) {
			if (media_portrait_jpeg(src, w, h, q, &buf, &len,
			    &why) != 0)
				break;
			if (ps || len <= SIS_MAX_IMAGE || q <= 30)
				break;
			free(buf);
		}
		free(src);
		if (why != NULL) {
			who = pose_who(p);
			job_warn(ctx, _("left out: %s: %s: %s"), who, p->path,
			    why);
			free(who);
			free(why);
			free(name);
			continue;
		}
		if (!ps && z.entries > 0 && z.bytes + (long long)len + 200 >
		    split) {
			if (sis_close(&z, cause) != 0 ||
			    sis_open(&z, file, z.part + 1, cause) != 0) {
				free(buf);
				free(name);
				goto out;
			}
		}
		if (sis_add(&z, name, buf, len, 1, cause) != 0) {
			free(name);
			goto out;
		}
		strbuf_addf(&map, "%s\t%s\r\n", p->student_id, name);
		free(name);
	}
	if (job_cancelled(ctx)) {
		zip_discard(z.za);
		z.za = NULL;
		free(z.path);
		free(z.tmp);
		z.path = z.tmp = NULL;
		rc = 0;
		goto out;
	}
	if (ps) {
		size_t n = map.len;

		if (sis_add(&z, SIS_MAPPING, strbuf_take(&map), n, 0,
		    cause) != 0)
			goto out;
	}
	rc = sis_close(&z, cause);
	if (rc == 0)
		rc = pose_record_names(st, &l, "sis", cause);
out:
	if (z.za != NULL) {
		zip_discard(z.za);
		free(z.path);
		free(z.tmp);
	}
	strbuf_free(&map);
	pose_list_free(&l);
out0:
	free(sys);
	free(file);
	return rc;
}

char *
job_sis_payload(long long org_id, const char *system, const char *file,
    long long split)
{
	struct strbuf p = STRBUF_INIT;

	strbuf_addf(&p, "{\"org\":%lld,\"split\":%lld,\"system\":", org_id,
	    split);
	strbuf_add_json(&p, system);
	strbuf_adds(&p, ",\"file\":");
	strbuf_add_json(&p, file);
	strbuf_addc(&p, '}');
	return strbuf_take(&p);
}

const struct job_kind job_kind_sis = { "sis", job_sis_run };
