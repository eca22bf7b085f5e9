/*
 * jobs/job-pspa: the "pspa" job kind, the yearbook volume of an
 * organization (core/pspa.h).  Payload: {"org": ID, "dir": "/abs/VOLUME",
 * "w": 640, "h": 800}.
 *
 * Each portrait is written atomically to DIR/IMAGES/FILE.jpg and recorded
 * as a step ("img:CLIENT", or "fail:CLIENT" when its image cannot be
 * read), so a resumed job goes on where it stopped; INDEX.TXT, README.TXT
 * and COPYRIGHT.TXT come last, then the names written are recorded for the
 * next export's report.  Re-running the whole job writes the same files;
 * temporaries of a process killed mid-file are swept at the start.
 */
#include "config.h"

#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/pose.h"
#include "core/pspa.h"
#include "jobs/job.h"
#include "jobs/school.h"
#include "media/portrait.h"
#include "store/db.h"
#include "store/org.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define PSPA_QUALITY	92

static int
pspa_write(const char *dir, const char *name, const char *text,
    char **cause)
{
	char *path = path_join(dir, name);
	int rc = 0;

	if (path_write_atomic(path, text, strlen(text), 0644) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	free(path);
	return rc;
}

/* Removes "NAME.jpg.tmp.PID" and "NAME.TXT.tmp.PID" files (path_write_atomic's temporaries) of
 * processes that died while writing: a job killed mid-file leaves one. */
static void
pspa_sweep(const char *dir)
{
	struct dirent *de;
	const char *t;
	DIR *d;
	long pid;
	char *end;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if ((t = strstr(de->d_name, ".jpg.tmp.")) == NULL &&
		    (t = strstr(de->d_name, ".TXT.tmp.")) == NULL)
			continue;
		pid = strtol(t + 9, &end, 10);
		if (*end != '\0' || pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == -1 && errno == ESRCH)
			(void)unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

/* One portrait: 0 written (or already), 1 unreadable (noted), -1 stop. */
static int
pspa_image(struct job_ctx *ctx, const struct pose *p, const char *imgdir,
    int w, int h, char **cause)
{
	struct store *st = job_store(ctx);
	char step[48], fstep[48], *src, *name, *dst, *why = NULL;
	void *buf;
	size_t len;
	int rc = 0;

	snprintf(step, sizeof step, "img:%lld", p->client_id);
	snprintf(fstep, sizeof fstep, "fail:%lld", p->client_id);
	if (job_step_done(ctx, step) == 1)
		return 0;
	if (job_step_done(ctx, fstep) == 1)
		return 1;
	src = store_path(st, p->path);
	name = xasprintf("%s.jpg", p->file);
	dst = path_join(imgdir, name);
	if (media_portrait_jpeg(src, w, h, PSPA_QUALITY, &buf, &len,
	    &why) != 0) {
		char *who = pose_who(p);

		job_warn(ctx, _("not in the index: %s: %s: %s"), who, p->path,
		    why);
		free(who);
		free(why);
		(void)job_step_mark(ctx, fstep);
		rc = 1;
	} else {
		if (path_write_atomic(dst, buf, len, 0644) != 0) {
			*cause = xasprintf(_("cannot write %s: %s"), dst,
			    strerror(errno));
			rc = -1;
		} else
			(void)job_step_mark(ctx, step);
		free(buf);
	}
	free(dst);
	free(name);
	free(src);
	return rc;
}

static int
job_pspa_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct pose_list l;
	unsigned char *ok = NULL;
	long long org = job_payload_int(ctx, "org", 0), done = 0;
	int w = (int)job_payload_int(ctx, "w", 640);
	int h = (int)job_payload_int(ctx, "h", 800);
	char *dir = job_payload_str(ctx, "dir"), *imgdir = NULL, *text;
	char *orgname = NULL, *studio = NULL, *copy = NULL;
	const char *volume, *label;
	size_t i, nok = 0;
	int rc = -1, r;

	if (dir == NULL || org <= 0 || w <= 0 || h <= 0) {
		*cause = xstrdup(_("bad pspa job payload"));
		free(dir);
		return JOB_FAIL_FINAL;
	}
	if (pose_list(st, org, &l, cause) != 0) {
		free(dir);
		return -1;
	}
	imgdir = path_join(dir, PSPA_FOLDER);
	if (path_mkdirs(imgdir) != 0) {
		*cause = xasprintf(_("cannot make %s: %s"), imgdir,
		    strerror(errno));
		goto out;
	}
	pspa_sweep(dir);
	pspa_sweep(imgdir);
	ok = xcalloc(l.n > 0 ? l.n : 1, 1);
	job_progress(ctx, 0, (long long)l.nposed);
	for (i = 0; i < l.n && !job_cancelled(ctx); i++) {
		if (l.v[i].image_id == 0)
			continue;
		if ((r = pspa_image(ctx, &l.v[i], imgdir, w, h, cause)) < 0)
			goto out;
		if (r == 0) {
			ok[i] = 1;
			nok++;
		}
		job_progress(ctx, ++done, (long long)l.nposed);
	}
	if (job_cancelled(ctx)) {
		rc = 0;
		goto out;
	}
	volume = strrchr(dir, '/') != NULL ? strrchr(dir, '/') + 1 : dir;
	label = pspa_size_label(w, h);
	if (label == NULL)
		label = "";
	orgname = store_org_name(st, org);
	studio = store_pref_get(st, "studio.name");
	copy = store_pref_get(st, "studio.copyright");
	text = pspa_index(&l, ok, volume, label);
	r = pspa_write(dir, "INDEX.TXT", text, cause);
	free(text);
	if (r != 0)
		goto out;
	text = pspa_readme(volume, orgname != NULL ? orgname : "", studio, nok,
	    w, h);
	r = pspa_write(dir, "README.TXT", text, cause);
	free(text);
	if (r != 0)
		goto out;
	text = pspa_copyright(studio, copy);
	r = pspa_write(dir, "COPYRIGHT.TXT", text, cause);
	free(text);
	if (r != 0)
		goto out;
	rc = pose_record_names(st, &l, "pspa", cause);
out:
	free(copy);
	free(studio);
	free(orgname);
	free(ok);
	free(imgdir);
	free(dir);
	pose_list_free(&l);
	return rc;
}

char *
job_pspa_payload(long long org_id, const char *dir, int width, int height)
{
	struct strbuf p = STRBUF_INIT;

	strbuf_addf(&p, "{\"org\":%lld,\"w\":%d,\"h\":%d,\"dir\":", org_id,
	    width, height);
	strbuf_add_json(&p, dir);
	strbuf_addc(&p, '}');
	return strbuf_take(&p);
}

const struct job_kind job_kind_pspa = { "pspa", job_pspa_run };
