/*
 * jobs/job-delivery: the "delivery" job (see jobs/delivery.h).
 *
 * The grants of the session are resolved (core/grant) and each granted
 * image written to DIR/NUMBER/FILE (media/delivery) at its most generous
 * terms, with a thumbnail in thumbs/; then manifest.json, the copyright
 * release PDF when a grant gives it, index.html and, with zip, NUMBER.zip
 * (libzip).  Every file is written through a temporary renamed into
 * place, so a rerun after a kill rewrites the same files; what an earlier
 * build of the folder left and this one does not deliver is removed last.
 * Nothing is written when nothing is granted.
 */
#include "config.h"

#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include <glib.h>

#include "core/autogroup.h"
#include "core/grant.h"
#include "core/uploadcfg.h"
#include "jobs/delivery.h"
#include "jobs/job.h"
#include "media/delivery.h"
#include "net/s3presign.h"
#include "store/db.h"
#include "store/grant.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define THUMB_SIDE	320

struct plan {
	struct grant_terms	*g;
	char			**gsrc;		/* "item 810", ... */
	size_t			 ng;
	struct grant_image	*im;
	char			**paths;
	size_t			 ni;
	struct grant_result	*r;
	size_t			 granted;
};

static char *
dup0(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
plan_grant(const struct grant_row *row, void *arg)
{
	static const char *const srcs[] = { "session", "type", "item" };
	struct plan *p = arg;
	struct grant_terms *g;

	p->g = xreallocarray(p->g, p->ng + 1, sizeof *p->g);
	p->gsrc = xreallocarray(p->gsrc, p->ng + 1, sizeof *p->gsrc);
	g = &p->g[p->ng];
	g->style = xstrdup(row->style);
	g->long_side = row->long_side;
	g->watermark = row->watermark;
	g->release = row->release;
	g->image_id = row->image_id;
	p->gsrc[p->ng++] = xasprintf("%s %s", srcs[row->source],
	    row->target != NULL ? row->target : "");
	return 0;
}

static int
plan_image(const struct grant_image_row *row, void *arg)
{
	struct plan *p = arg;
	struct grant_image *im;

	p->im = xreallocarray(p->im, p->ni + 1, sizeof *p->im);
	p->paths = xreallocarray(p->paths, p->ni + 1, sizeof *p->paths);
	im = &p->im[p->ni];
	im->id = row->id;
	im->selected = row->selected;
	im->composite = row->composite;
	im->ordered = row->ordered;
	im->groups = dup0(row->groups);
	p->paths[p->ni++] = xstrdup(row->path);
	return 0;
}

static void
plan_free(struct plan *p)
{
	size_t i;

	for (i = 0; i < p->ng; i++) {
		free((char *)p->g[i].style);
		free(p->gsrc[i]);
	}
	for (i = 0; i < p->ni; i++) {
		free((char *)p->im[i].groups);
		free(p->paths[i]);
	}
	free(p->g);
	free(p->gsrc);
	free(p->im);
	free(p->paths);
	free(p->r);
	memset(p, 0, sizeof *p);
}

static int
plan_load(struct store *st, long long session, struct plan *p,
    char **cause)
{
	memset(p, 0, sizeof *p);
	if (store_grant_of_session(st, session, plan_grant, p) != 0 ||
	    store_grant_images(st, session, plan_image, p) != 0) {
		*cause = xstrdup(store_errmsg(st));
		plan_free(p);
		return -1;
	}
	p->r = xcalloc(p->ni + 1, sizeof *p->r);
	p->granted = grant_resolve(p->g, p->ng, p->im, p->ni, p->r);
	return 0;
}

long
delivery_count(struct store *st, long long session,
    void (*note)(const char *, void *), void *arg, char **cause)
{
	struct plan p;
	size_t i, j;
	char *m;
	long n;

	if (plan_load(st, session, &p, cause) != 0)
		return -1;
	for (i = 0; i < p.ng && note != NULL; i++) {
		m = NULL;
		if (strncmp(p.g[i].style, "group:", 6) == 0) {
			for (j = 0; j < p.ni; j++)
				if (grant_covers(&p.g[i], &p.im[j]))
					break;
			if (j == p.ni)
				m = xasprintf(_("%s: session %lld has no "
				    "image group '%s'"), p.gsrc[i], session,
				    p.g[i].style + 6);
		} else if (strcmp(p.g[i].style, "single") == 0 &&
		    p.g[i].image_id == 0)
			m = xasprintf(_("%s: a single-image grant, but its "
			    "invoice line names no image"), p.gsrc[i]);
		if (m != NULL) {
			note(m, arg);
			free(m);
		}
	}
	n = (long)p.granted;
	plan_free(&p);
	return n;
}

/* The delivered name of the image at rel: its last path part, made safe,
 * ".jpg"; "-ID" added when an earlier file has that name. */
static char *
file_name(const char *rel, long long id, char **names, size_t n)
{
	const char *base = strrchr(rel, '/');
	char *stem, *dot, *safe, *name;
	size_t i;

	stem = xstrdup(base != NULL ? base + 1 : rel);
	if ((dot = strrchr(stem, '.')) != NULL && dot != stem)
		*dot = '\0';
	safe = path_safe_component(stem);
	free(stem);
	name = xasprintf("%s.jpg", safe);
	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(names[i], name) == 0) {
			free(name);
			name = xasprintf("%s-%lld.jpg", safe, id);
			break;
		}
	free(safe);
	return name;
}

static void
html_add(struct strbuf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': strbuf_adds(b, "&amp;"); break;
		case '<': strbuf_adds(b, "&lt;"); break;
		case '>': strbuf_adds(b, "&gt;"); break;
		case '"': strbuf_adds(b, "&quot;"); break;
		case '\'': strbuf_adds(b, "&#39;"); break;
		default: strbuf_addc(b, *s);
		}
}

static int
write_text(const char *dir, const char *name, char *text, char **cause)
{
	char *path = path_join(dir, name);
	int rc = path_write_atomic(path, text, strlen(text), 0644);

	if (rc != 0)
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
	free(path);
	free(text);
	return rc;
}

struct out {
	long long	 session;
	char		**names;	/* per image, NULL: not delivered */
	int		*w, *h;
	int		 zip, release;
	const char	*zipname, *client;
};

/* How the page links a file of the folder: by its relative name, or (a
 * presigned S3 publish) by the URL fn makes of it. */
struct href {
	char	*(*fn)(void *arg, const char *rel);
	void	*arg;
};

static void
href_add(struct strbuf *b, const struct href *h, const char *prefix,
    const char *rel)
{
	char *r = xasprintf("%s%s", prefix, rel), *u;

	if (h == NULL)
		html_add(b, r);
	else {
		u = h->fn(h->arg, r);
		html_add(b, u);
		free(u);
	}
	free(r);
}

static char *
index_html(const struct plan *p, const struct out *o, const struct href *h)
{
	struct strbuf b = STRBUF_INIT;
	size_t i, k = 0;

	strbuf_adds(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\""
	    "width=device-width, initial-scale=1\">\n<title>");
	html_add(&b, _("Your photos"));
	strbuf_addf(&b, " \u2014 %lld</title>\n<style>\nbody{font-family:"
	    "sans-serif;margin:1em auto;max-width:60em;padding:0 1em}\n"
	    "ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;"
	    "gap:1em}\nimg{display:block;max-width:100%%;height:auto}\n"
	    "a{color:#0645ad}\n</style>\n</head>\n<body>\n<main>\n<h1>",
	    o->session);
	html_add(&b, _("Your photos"));
	if (o->client != NULL) {
		strbuf_adds(&b, " \u2014 ");
		html_add(&b, o->client);
	}
	strbuf_adds(&b, "</h1>\n");
	if (o->zip) {
		strbuf_adds(&b, "<p><a href=\"");
		href_add(&b, h, "", o->zipname);
		strbuf_adds(&b, "\" download>");
		html_add(&b, _("Download all (zip)"));
		strbuf_adds(&b, "</a></p>\n");
	}
	if (o->release) {
		strbuf_adds(&b, "<p><a href=\"");
		href_add(&b, h, "", "copyright-release.pdf");
		strbuf_adds(&b, "\">");
		html_add(&b, _("Copyright release (PDF)"));
		strbuf_adds(&b, "</a></p>\n");
	}
	strbuf_adds(&b, "<ul>\n");
	for (i = 0; i < p->ni; i++) {
		char *alt;

		if (o->names[i] == NULL)
			continue;
		k++;
		strbuf_adds(&b, "<li><a href=\"");
		href_add(&b, h, "", o->names[i]);
		strbuf_adds(&b, "\" download><img src=\"");
		href_add(&b, h, "thumbs/", o->names[i]);
		/* L10N: alt text of a thumbnail: "Photo 2 of 5" */
		alt = xasprintf(_("Photo %zu of %zu"), k, p->granted);
		strbuf_adds(&b, "\" alt=\"");
		html_add(&b, alt);
		free(alt);
		strbuf_adds(&b, "\" loading=\"lazy\">");
		/* L10N: a download link: "Download IMG_1.jpg (1600 × 1067)" */
		alt = xasprintf(_("Download %s (%d \u00d7 %d)"), o->names[i],
		    o->w[i], o->h[i]);
		html_add(&b, alt);
		free(alt);
		strbuf_adds(&b, "</a></li>\n");
	}
	strbuf_adds(&b, "</ul>\n</main>\n</body>\n</html>\n");
	return strbuf_take(&b);
}

static char *
manifest_json(const struct plan *p, const struct out *o)
{
	struct strbuf b = STRBUF_INIT;
	const char *base;
	size_t i;
	int first = 1;

	strbuf_adds(&b, "{\"files\":[");
	for (i = 0; i < p->ni; i++) {
		if (o->names[i] == NULL)
			continue;
		strbuf_adds(&b, first ? "\n" : ",\n");
		first = 0;
		strbuf_adds(&b, "{\"file\":");
		strbuf_add_json(&b, o->names[i]);
		base = strrchr(p->paths[i], '/');
		strbuf_adds(&b, ",\"source\":");
		strbuf_add_json(&b, base != NULL ? base + 1 : p->paths[i]);
		strbuf_addf(&b, ",\"width\":%d,\"height\":%d,\"watermark\":%s}",
		    o->w[i], o->h[i], p->r[i].watermark ? "true" : "false");
	}
	strbuf_adds(&b, "\n]}\n");
	return strbuf_take(&b);
}

static int
zip_put(zip_t *za, const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	zip_source_t *s = zip_source_file(za, path, 0, -1);
	zip_int64_t idx;

	free(path);
	if (s == NULL)
		return -1;
	if ((idx = zip_file_add(za, name, s, ZIP_FL_OVERWRITE |
	    ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		return -1;
	}
	/* JPEGs do not shrink: stored. */
	if (strstr(name, ".jpg") != NULL)
		(void)zip_set_file_compression(za, (zip_uint64_t)idx,
		    ZIP_CM_STORE, 0);
	return 0;
}

static int
write_zip(const struct plan *p, const struct out *o, const char *odir,
    char **cause)
{
	char *path = path_join(odir, o->zipname);
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	zip_t *za;
	size_t i;
	int err, rc = -1;

	if ((za = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL) {
		*cause = xasprintf(_("cannot write %s"), path);
		goto out;
	}
	for (i = 0; i < p->ni; i++)
		if (o->names[i] != NULL && zip_put(za, odir, o->names[i]) != 0)
			break;
	if (i < p->ni || zip_put(za, odir, "manifest.json") != 0 ||
	    (o->release && zip_put(za, odir, "copyright-release.pdf") != 0)) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    zip_strerror(za));
		zip_discard(za);
		(void)unlink(tmp);
		goto out;
	}
	if (zip_close(za) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    zip_strerror(za));
		zip_discard(za);
		(void)unlink(tmp);
		goto out;
	}
	if (rename(tmp, path) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(path);
	return rc;
}

static char *
pref_or(struct store *st, const char *key, const char *key2,
    const char *dflt)
{
	char *v = store_pref_get(st, key);

	if ((v == NULL || *v == '\0') && key2 != NULL) {
		free(v);
		v = store_pref_get(st, key2);
	}
	if (v == NULL || *v == '\0') {
		free(v);
		v = dflt != NULL ? xstrdup(dflt) : NULL;
	}
	return v;
}

/* Removes what an earlier build of this folder left that this one does
 * not deliver (files no grant gives any more, a zip or release not made
 * this time) and temporaries of dead runs. */
static void
sweep(const char *odir, const char *tdir, const struct plan *p,
    const struct out *o)
{
	const char *dirs[2] = { odir, tdir };
	struct dirent *de;
	size_t d, i;
	DIR *dh;
	int keep;

	for (d = 0; d < 2; d++) {
		if ((dh = opendir(dirs[d])) == NULL)
			continue;
		while ((de = readdir(dh)) != NULL) {
			const char *n = de->d_name;
			size_t len = strlen(n);

			if (strstr(n, ".tmp.") != NULL) {
				long pid = strtol(strstr(n, ".tmp.") + 5,
				    NULL, 10);

				if (pid > 0 && kill((pid_t)pid, 0) == -1 &&
				    errno == ESRCH)
					(void)unlinkat(dirfd(dh), n, 0);
				continue;
			}
			if (d == 0 && strcmp(n, "copyright-release.pdf") == 0)
				keep = o->release;
			else if (d == 0 && strcmp(n, o->zipname) == 0)
				keep = o->zip;
			else if (len > 4 && strcmp(n + len - 4, ".jpg") == 0) {
				keep = 0;
				for (i = 0; i < p->ni && !keep; i++)
					keep = o->names[i] != NULL &&
					    strcmp(o->names[i], n) == 0;
			} else
				continue;
			if (!keep)
				(void)unlinkat(dirfd(dh), n, 0);
		}
		closedir(dh);
	}
}

/* Publishing: every file of the built folder goes to d/TOKEN/ under the
 * upload target. */
struct pub {
	char		**files;	/* relative to odir */
	size_t		 n, next;
	const char	*odir, *token;
	char		*local, *remote;
	char		*index_local;	/* presigned: the page to send */
	long long	 failed;
	char		*first_cause;
	struct job_ctx	*ctx;
};

static int
pub_next(void *arg, struct upload_item *it, char **cause)
{
	struct pub *p = arg;
	struct stat sb;

	(void)cause;
	if (p->next >= p->n)
		return 0;
	free(p->local);
	free(p->remote);
	p->local = p->index_local != NULL &&
	    strcmp(p->files[p->next], "index.html") == 0 ?
	    xstrdup(p->index_local) : path_join(p->odir, p->files[p->next]);
	p->remote = xasprintf("d/%s/%s", p->token, p->files[p->next]);
	it->local = p->local;
	it->remote = p->remote;
	it->bytes = stat(p->local, &sb) == 0 ? (long long)sb.st_size : 0;
	it->tag = (long long)p->next++;
	return 1;
}

static int
pub_done(void *arg, const struct upload_item *it, int ok, const char *cause,
    char **stop)
{
	struct pub *p = arg;

	(void)stop;
	if (!ok) {
		p->failed++;
		if (p->first_cause == NULL)
			p->first_cause = xasprintf("%s: %s", it->remote,
			    cause != NULL ? cause : "");
	}
	job_progress(p->ctx, (long long)it->tag + 1, (long long)p->n);
	return 0;
}

static int
pub_cancelled(void *arg)
{
	return job_cancelled(((struct pub *)arg)->ctx);
}

static void
pub_add(struct pub *p, const char *rel)
{
	p->files = xreallocarray(p->files, p->n + 1, sizeof *p->files);
	p->files[p->n++] = xstrdup(rel);
}

/* Presigned publishing: the page's links and the URL printed are S3
 * presigned GETs of d/TOKEN/FILE under the target. */
struct presign {
	const struct uploadcfg	*cfg;
	char			*endpoint, *prefix;
	const char		*token;
	time_t			 now;
	long			 expires;
};

static char *
presign_href(void *arg, const char *rel)
{
	struct presign *ps = arg;
	char *path = xasprintf("%s/d/%s/%s", ps->prefix, ps->token, rel);
	char *url = s3_presign(ps->endpoint, ps->cfg->c.region != NULL ?
	    ps->cfg->c.region : "us-east-1", ps->cfg->c.user,
	    ps->cfg->c.password, path, ps->now, ps->expires);

	free(path);
	return url != NULL ? url : xstrdup(rel);
}

long
delivery_expires_parse(const char *s)
{
	char *end;
	long n;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	n = strtol(s, &end, 10);
	if (n <= 0 || n > S3_PRESIGN_MAX)
		return -1;
	if (strcmp(end, "m") == 0)
		n *= 60;
	else if (strcmp(end, "h") == 0)
		n *= 3600;
	else if (strcmp(end, "d") == 0)
		n *= 86400;
	else if (*end != '\0' && strcmp(end, "s") != 0)
		return -1;
	return n <= S3_PRESIGN_MAX ? n : -1;
}

/* expires: seconds of a presigned URL asked for by the command (0: the
 * setting delivery.presign, for an S3 target).  0; -1 with *cause; or
 * JOB_FAIL_FINAL when the target refused (login, host key, full). */
static int
publish(struct store *st, struct job_ctx *ctx, long long session,
    const char *odir, const char *token, long expires,
    const struct plan *pl, const struct out *o, char **cause)
{
	struct upload_hooks h;
	struct uploadcfg cfg;
	struct upload *up = NULL;
	struct presign ps;
	struct href href;
	struct pub p;
	char *t, *base, *url, *v;
	size_t i, n;
	int rc = -1, s3;

	memset(&p, 0, sizeof p);
	memset(&ps, 0, sizeof ps);
	p.odir = odir;
	p.token = token;
	p.ctx = ctx;
	if (uploadcfg_load(st, &cfg, cause) != 0)
		return -1;
	s3 = strncmp(cfg.c.url, "s3://", 5) == 0;
	if (expires == 0 && s3 && (v = store_pref_get(st,
	    "delivery.presign")) != NULL) {
		if (*v != '\0' && (expires = delivery_expires_parse(v)) < 0) {
			*cause = xasprintf(_("delivery.presign '%s' is not a "
			    "duration of at most 7 days (e.g. 7d, 24h)"), v);
			free(v);
			goto out;
		}
		free(v);
	}
	if (expires > 0 && !s3) {
		*cause = xstrdup(_("a presigned URL needs an s3:// upload "
		    "target"));
		goto out;
	}
	if (expires > 0) {
		if (cfg.c.user == NULL || cfg.c.password == NULL) {
			*cause = xstrdup(_("a presigned URL needs the S3 "
			    "access key (upload.user) and secret "
			    "(upload.password)"));
			goto out;
		}
		ps.cfg = &cfg;
		ps.endpoint = cfg.c.endpoint != NULL ?
		    xstrdup(cfg.c.endpoint) :
		    xasprintf("https://s3.%s.amazonaws.com", cfg.c.region !=
		    NULL ? cfg.c.region : "us-east-1");
		n = strlen(ps.endpoint);
		while (n > 0 && ps.endpoint[n - 1] == '/')
			ps.endpoint[--n] = '\0';
		ps.prefix = xstrdup(cfg.c.url + 5);
		n = strlen(ps.prefix);
		while (n > 0 && ps.prefix[n - 1] == '/')
			ps.prefix[--n] = '\0';
		ps.token = token;
		ps.now = time(NULL);
		ps.expires = expires;
		href.fn = presign_href;
		href.arg = &ps;
		/* The page sent links each file by its own presigned URL: a
		 * private bucket answers nothing else. */
		if (write_text(odir, ".index-presigned.html", index_html(pl, o,
		    &href), cause) != 0)
			goto out;
		p.index_local = path_join(odir, ".index-presigned.html");
	}
	/* The page last, so that it never links what is not there yet. */
	for (i = 0; i < pl->ni; i++)
		if (o->names[i] != NULL) {
			pub_add(&p, o->names[i]);
			t = xasprintf("thumbs/%s", o->names[i]);
			pub_add(&p, t);
			free(t);
		}
	pub_add(&p, "manifest.json");
	if (o->release)
		pub_add(&p, "copyright-release.pdf");
	if (o->zip)
		pub_add(&p, o->zipname);
	pub_add(&p, "index.html");
	if (upload_open(&cfg.c, &up, cause) != 0)
		goto out;
	memset(&h, 0, sizeof h);
	h.arg = &p;
	h.next = pub_next;
	h.done = pub_done;
	h.cancelled = pub_cancelled;
	job_progress(ctx, 0, (long long)p.n);
	rc = upload_run(up, &h, cause);
	upload_close(up);
	if (rc == UPLOAD_REFUSED)
		rc = JOB_FAIL_FINAL;	/* a wrong password stays wrong */
	if (rc == 0 && p.failed > 0) {
		*cause = xasprintf(_("%lld files not sent; %s"), p.failed,
		    p.first_cause);
		rc = -1;
	}
	if (rc == 0 && !job_cancelled(ctx)) {
		if (expires > 0)
			url = presign_href(&ps, "index.html");
		else {
			base = store_pref_get(st, "delivery.url");
			if (base == NULL || *base == '\0') {
				free(base);
				base = upload_redact(cfg.c.url);
			}
			url = xasprintf("%s%sd/%s/index.html", base, *base !=
			    '\0' && base[strlen(base) - 1] == '/' ? "" : "/",
			    token);
			free(base);
		}
		if (store_delivery_url_set(st, session, url) != 1) {
			*cause = xstrdup(store_errmsg(st));
			rc = -1;
		}
		free(url);
	}
out:
	uploadcfg_free(&cfg);
	if (p.index_local != NULL) {
		(void)unlink(p.index_local);
		free(p.index_local);
	}
	free(ps.endpoint);
	free(ps.prefix);
	for (i = 0; i < p.n; i++)
		free(p.files[i]);
	free(p.files);
	free(p.local);
	free(p.remote);
	free(p.first_cause);
	return rc;
}

/* Setting delivery.release: the path of the studio's own release PDF, or
 * the wording picday lays out. */
static int
release_is_file(const char *v)
{
	size_t n = strlen(v);

	return v[0] == '/' && n > 4 && strcasecmp(v + n - 4, ".pdf") == 0;
}

static int
release_copy(const char *src, const char *dst, char **cause)
{
	gchar *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	int rc;

	if (!g_file_get_contents(src, &data, &len, &err)) {
		*cause = xasprintf(_("delivery.release: %s"), err->message);
		g_error_free(err);
		return -1;
	}
	if (len < 5 || memcmp(data, "%PDF-", 5) != 0) {
		*cause = xasprintf(_("delivery.release: %s is not a PDF"), src);
		g_free(data);
		return -1;
	}
	if ((rc = path_write_atomic(dst, data, (unsigned long)len,
	    0644)) != 0)
		*cause = xasprintf(_("cannot write %s: %s"), dst,
		    strerror(errno));
	g_free(data);
	return rc;
}

/* The session's publishing token, made and kept on first use. */
static char *
session_token(struct store *st, long long session, char **cause)
{
	char *token;

	if ((token = store_delivery_token(st, session)) != NULL)
		return token;
	if ((token = delivery_token_new(cause)) == NULL)
		return NULL;
	if (store_delivery_token_set(st, session, token) != 1) {
		*cause = xasprintf(_("cannot keep the token of session %lld: "
		    "%s"), session, store_errmsg(st));
		free(token);
		return NULL;
	}
	return token;
}

static int
job_delivery_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	long long session = job_payload_int(ctx, "session", 0);
	char *dir = job_payload_str(ctx, "dir"), *odir = NULL, *tdir = NULL;
	char *token = job_payload_str(ctx, "token");
	char *wm = NULL, *studio = NULL, *copyright = NULL, *client = NULL;
	char *src, *dst, *th, *zipname = NULL, date[16], sname[32];
	struct out o;
	struct plan p;
	size_t i, done = 0;
	int rc = -1, r, srclong;
	time_t now = time(NULL);
	struct tm tm;

	memset(&o, 0, sizeof o);
	if (session <= 0) {
		*cause = xstrdup(_("bad delivery job payload"));
		free(dir);
		free(token);
		return JOB_FAIL_FINAL;
	}
	if (dir == NULL)
		dir = store_path(st, "deliveries");
	if (token == NULL && job_payload_int(ctx, "publish", 0) != 0 &&
	    (token = session_token(st, session, cause)) == NULL) {
		free(dir);
		return -1;
	}
	if (autogroup_fill(st, session, cause) != 0 ||
	    plan_load(st, session, &p, cause) != 0) {
		free(dir);
		free(token);
		return -1;
	}
	if (p.granted == 0) {
		/* Trying again finds the same until someone grants or selects
		 * a picture (and queues the delivery again). */
		*cause = p.ng == 0 ? xstrdup(_("no grant")) :
		    xstrdup(_("its grants match none of its pictures (a "
		    "grant of the selected picture needs one selected)"));
		rc = JOB_FAIL_FINAL;
		goto out;
	}
	snprintf(sname, sizeof sname, "%lld", session);
	odir = path_join(dir, sname);
	tdir = path_join(odir, "thumbs");
	if (path_mkdirs(tdir) != 0) {
		*cause = xasprintf(_("cannot make %s: %s"), tdir,
		    strerror(errno));
		goto out;
	}
	wm = pref_or(st, "delivery.watermark", "preview.watermark", "PROOF");
	studio = pref_or(st, "studio.name", NULL, "");
	copyright = *studio != '\0' ? xasprintf("Copyright %s", studio) :
	    NULL;
	client = store_grant_client(st, session);
	o.session = session;
	o.client = client;
	o.zip = job_payload_int(ctx, "zip", 0) != 0;
	o.zipname = zipname = xasprintf("photos-%lld.zip", session);
	o.names = xcalloc(p.ni + 1, sizeof *o.names);
	o.w = xcalloc(p.ni + 1, sizeof *o.w);
	o.h = xcalloc(p.ni + 1, sizeof *o.h);
	job_progress(ctx, 0, (long long)p.granted);
	for (i = 0; i < p.ni && !job_cancelled(ctx); i++) {
		if (!p.r[i].granted)
			continue;
		o.names[i] = file_name(p.paths[i], p.im[i].id, o.names, i);
		src = store_path(st, p.paths[i]);
		dst = path_join(odir, o.names[i]);
		th = path_join(tdir, o.names[i]);
		r = media_delivery_image(src, dst, p.r[i].long_side,
		    p.r[i].watermark ? wm : NULL, copyright, th, THUMB_SIDE,
		    &o.w[i], &o.h[i], &srclong, cause);
		free(dst);
		free(th);
		if (r != 0) {
			char *c = xasprintf("%s: %s", src, *cause);

			free(*cause);
			*cause = c;
			free(src);
			goto out;
		}
		free(src);
		if (p.r[i].long_side > srclong)
			job_warn(ctx, _("%s: the long side %d is above the "
			    "source's %d pixels; delivered at the source "
			    "size"), p.paths[i], p.r[i].long_side, srclong);
		o.release |= p.r[i].release;
		job_progress(ctx, (long long)++done, (long long)p.granted);
	}
	if (job_cancelled(ctx)) {
		rc = 0;
		goto out;
	}
	if (write_text(odir, "manifest.json", manifest_json(&p, &o),
	    cause) != 0)
		goto out;
	if (o.release) {
		char *pdf = path_join(odir, "copyright-release.pdf");
		char *text = store_pref_get(st, "delivery.release");

		localtime_r(&now, &tm);
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
		if (text != NULL && release_is_file(text))
			rc = release_copy(text, pdf, cause);
		else
			rc = media_release_pdf(pdf, *studio != '\0' ? studio :
			    _("the studio"), client != NULL ? client :
			    _("the client"), date, (int)p.granted, text,
			    cause);
		free(text);
		free(pdf);
		if (rc != 0)
			goto out;
		rc = -1;
	}
	if (write_text(odir, "index.html", index_html(&p, &o, NULL),
	    cause) != 0)
		goto out;
	if (o.zip && write_zip(&p, &o, odir, cause) != 0)
		goto out;
	sweep(odir, tdir, &p, &o);
	if (token != NULL && (r = publish(st, ctx, session, odir, token,
	    (long)job_payload_int(ctx, "expires", 0), &p, &o, cause)) != 0) {
		if (r == JOB_FAIL_FINAL)
			rc = r;
		goto out;
	}
	rc = 0;
out:
	if (o.names != NULL)
		for (i = 0; i < p.ni; i++)
			free(o.names[i]);
	free(o.names);
	free(o.w);
	free(o.h);
	free(zipname);
	free(client);
	free(copyright);
	free(studio);
	free(wm);
	free(tdir);
	free(odir);
	free(dir);
	free(token);
	plan_free(&p);
	return rc;
}

char *
job_delivery_payload(long long session, const char *dir, int zip,
    const char *token, long expires)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_addf(&b, "{\"session\":%lld,\"dir\":", session);
	strbuf_add_json(&b, dir);
	strbuf_addf(&b, ",\"zip\":%d", zip != 0);
	if (token != NULL) {
		strbuf_adds(&b, ",\"token\":");
		strbuf_add_json(&b, token);
	}
	if (expires > 0)
		strbuf_addf(&b, ",\"expires\":%ld", expires);
	strbuf_addc(&b, '}');
	return strbuf_take(&b);
}

char *
delivery_token_new(char **cause)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char r[18];
	char *t = xcalloc(25, 1);
	size_t i, k = 0;
	ssize_t n;

	/* 144 bits from the kernel's CSPRNG, base64url: 24 characters. */
	if ((n = getrandom(r, sizeof r, 0)) != (ssize_t)sizeof r) {
		*cause = xasprintf(_("cannot read random bytes: %s"),
		    strerror(errno));
		free(t);
		return NULL;
	}
	for (i = 0; i < sizeof r; i += 3) {
		unsigned v = (unsigned)r[i] << 16 | (unsigned)r[i + 1] << 8 |
		    r[i + 2];

		t[k++] = b64[v >> 18 & 63];
		t[k++] = b64[v >> 12 & 63];
		t[k++] = b64[v >> 6 & 63];
		t[k++] = b64[v & 63];
	}
	return t;
}

const struct job_kind job_kind_delivery = { "delivery", job_delivery_run };
