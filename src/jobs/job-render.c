/*
 * jobs/job-render: the "render" job kind, the prints of one production
 * order for the lab (DESIGN §4 stage 8).  Payload: {"order": ID, "dir":
 * "/abs/DIR"}.
 *
 * Each print is rendered (media/render) and written atomically to
 * DIR/ORDER/FILE (its lab-safe name, fixed when the order was made), and
 * its item marked rendered.  Prints are rendered several at once
 * (production.threads, default one per core) by threads that only write
 * files; this job's thread alone touches the store and records each print
 * as it finishes.  Settings: production.imprint (none, name, name+org: a
 * back_print column in the manifest, the line the lab's back printer puts
 * on the back of each print; the pictures are the same bytes either way).
 * A print already rendered whose file is
 * there is left alone, so a rerun replaces nothing and adds nothing, and a job
 * killed mid-file leaves only a temporary, swept at the next start.  A
 * source missing or unreadable, or an item without a size, is named and
 * the rest of the order renders; a source smaller than the print needs is
 * rendered with a warning giving its effective DPI.  manifest.csv (RFC
 * 4180, CRLF) and production-sheet.pdf (media/prodsheet) come last and list
 * the prints written.  The order is
 * "rendered" when all its prints are.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobs/job.h"
#include "jobs/production.h"
#include "media/prodsheet.h"
#include "media/render.h"
#include "store/db.h"
#include "store/production.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define RENDER_DPI	300
/* Characters at most of a back-print line (labs' back printers take short
 * lines). */
#define BACK_PRINT_MAX	80

struct ritem {
	long long	 id, order_id, quantity, session;
	char		*invoice, *last, *first, *code, *file, *src, *state;
	char		*org, *back;	/* back: the back-print line,
					 * or NULL */
	double		 w_in, h_in, sw_in, sh_in;
	int		 dpi, has_crop, rot;
	double		 crop[4];
	int		 width_px, height_px, ok;
	/* Filled by the render threads. */
	char		*dst, *tmp, *path, *why;
	int		 rc;		/* 0 written, 1 not rendered, -1
					 * cannot write (why) */
	double		 eff_dpi;
};

/* The render threads' work: todo[] indexes of l->v; next taken under
 * lock, done[] finished in order of finishing, read by the job's thread.
 */
struct rpool {
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	struct ritem	*v;
	size_t		*todo, ntodo, next;
	size_t		*done, ndone;
	int		 stop;
};

struct rlist {
	struct ritem	*v;
	size_t		 n;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
render_collect(const struct production_item_row *r, void *arg)
{
	struct rlist *l = arg;
	struct ritem *it;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->id = r->id;
	it->order_id = r->order_id;
	it->quantity = r->quantity;
	it->session = r->session;
	it->invoice = dup_or_null(r->invoice);
	it->last = dup_or_null(r->last_name);
	it->first = dup_or_null(r->first_name);
	it->code = dup_or_null(r->code);
	it->file = dup_or_null(r->file);
	it->src = dup_or_null(r->image_path);
	it->state = dup_or_null(r->state);
	it->w_in = r->width_in;
	it->h_in = r->height_in;
	it->sw_in = r->sheet_width_in;
	it->sh_in = r->sheet_height_in;
	it->dpi = r->dpi > 0 ? r->dpi : RENDER_DPI;
	it->has_crop = r->has_crop;
	it->rot = r->crop_rot;
	it->org = dup_or_null(r->org);
	memcpy(it->crop, r->crop, sizeof it->crop);
	return 0;
}

static void
rlist_free(struct rlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].invoice);
		free(l->v[i].last);
		free(l->v[i].first);
		free(l->v[i].code);
		free(l->v[i].file);
		free(l->v[i].src);
		free(l->v[i].state);
		free(l->v[i].org);
		free(l->v[i].dst);
		free(l->v[i].tmp);
		free(l->v[i].path);
		free(l->v[i].back);
		free(l->v[i].why);
	}
	free(l->v);
}

/* Removes the temporaries ("NAME.tmp.PID") of processes that died while
 * writing. */
static void
render_sweep(const char *dir)
{
	struct dirent *de;
	const char *t;
	DIR *d;
	long pid;
	char *end;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if ((t = strstr(de->d_name, ".tmp.")) == NULL)
			continue;
		pid = strtol(t + 5, &end, 10);
		if (*end != '\0' || pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == -1 && errno == ESRCH)
			(void)unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

static const char *
who(const struct ritem *it, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", it->last != NULL ? it->last : "",
	    it->first != NULL && *it->first != '\0' ? ", " : "",
	    it->first != NULL ? it->first : "");
	return buf;
}

/* The back-print line of a print per production.imprint (none, name,
 * name+org): "First Last" or "First Last · Organization", one line (control
 * characters become spaces) of BACK_PRINT_MAX characters at most, cut
 * between UTF-8 characters and without a trailing separator; NULL when
 * none. */
static char *
render_back_print(const struct ritem *it, const char *mode)
{
	struct strbuf b = STRBUF_INIT;
	char *s;
	size_t i, n, cut;
	int trunc;

	if (mode == NULL || (strcmp(mode, "name") != 0 &&
	    strcmp(mode, "name+org") != 0))
		return NULL;
	if (it->first != NULL && *it->first != '\0')
		strbuf_addf(&b, "%s", it->first);
	if (it->last != NULL && *it->last != '\0')
		strbuf_addf(&b, "%s%s", b.len > 0 ? " " : "",
		    it->last);
	if (strcmp(mode, "name+org") == 0 && it->org != NULL &&
	    *it->org != '\0')
		strbuf_addf(&b, "%s%s", b.len > 0 ?
		    " \u00b7 " : "", it->org);
	s = strbuf_take(&b);
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = ' ';
	/* Cut before the character past the last one kept (a byte
	 * 10xxxxxx continues a character), then drop the spaces and a
	 * separator left at the end. */
	for (i = 0, n = 0, cut = strlen(s); s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 &&
		    n++ == BACK_PRINT_MAX) {
			cut = i;
			break;
		}
	}
	for (trunc = s[cut] != '\0'; cut > 0; s[cut] = '\0') {
		if (s[cut - 1] == ' ')
			cut--;
		else if (trunc && cut >= 2 &&
		    memcmp(s + cut - 2, "\u00b7", 2) == 0)
			cut -= 2;
		else
			break;
	}
	s[cut] = '\0';
	if (cut == 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* Before the threads: 0 the print is there already (a rerun), 1 it has no
 * image (named, failed), 2 to render (paths set). */
static int
render_prepare(struct job_ctx *ctx, struct ritem *it, const char *odir)
{
	struct stat sb;
	char *why = NULL, name[256];

	it->dst = path_join(odir, it->file);
	if (strcmp(it->state, "rendered") == 0 && stat(it->dst, &sb) == 0 &&
	    media_render_size(it->dst, &it->width_px, &it->height_px,
	    &why) == 0) {
		it->ok = 1;
		return 0;
	}
	free(why);
	if (it->src == NULL) {
		job_warn(ctx, _("order %lld: %s (%s): no image"),
		    it->order_id, it->code, who(it, name, sizeof name));
		(void)store_production_item_state(job_store(ctx), it->id,
		    "failed");
		return 1;
	}
	it->path = store_path(job_store(ctx), it->src);
	/* Written by libvips under a temporary name, renamed when whole. */
	it->tmp = xasprintf("%s.tmp.%ld", it->dst, (long)getpid());
	return 2;
}

/* One print in a render thread: no store here, only files. */
static void
render_work(struct ritem *it)
{
	struct render_spec rs;
	struct render_out ro;

	memset(&rs, 0, sizeof rs);
	rs.src = it->path;
	rs.width_in = it->w_in;
	rs.height_in = it->h_in;
	rs.dpi = it->dpi;
	rs.sheet_width_in = it->sw_in;
	rs.sheet_height_in = it->sh_in;
	rs.has_crop = it->has_crop;
	rs.rot = it->rot;
	memcpy(rs.crop, it->crop, sizeof rs.crop);
	rs.dst = it->tmp;
	if (media_render_print(&rs, &ro, &it->why) != 0) {
		(void)unlink(it->tmp);
		it->rc = 1;
		return;
	}
	if (path_commit(it->tmp, it->dst) != 0) {
		it->why = xasprintf(_("cannot write %s: %s"), it->dst,
		    strerror(errno));
		(void)unlink(it->tmp);
		it->rc = -1;
		return;
	}
	it->width_px = ro.width_px;
	it->height_px = ro.height_px;
	it->eff_dpi = ro.effective_dpi;
	it->rc = 0;
}

static void
render_loop(struct rpool *p)
{
	size_t k;

	pthread_mutex_lock(&p->lock);
	while (!p->stop && p->next < p->ntodo) {
		k = p->todo[p->next++];
		pthread_mutex_unlock(&p->lock);
		render_work(&p->v[k]);
		pthread_mutex_lock(&p->lock);
		p->done[p->ndone++] = k;
		pthread_cond_signal(&p->cond);
	}
	pthread_mutex_unlock(&p->lock);
}

static void *
render_thread(void *arg)
{
	sigset_t all;

	/* Signals are the job's thread's. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	render_loop(arg);
	media_render_thread_done();
	return NULL;
}

/* After a thread: records the print (its state, a warning).  0, 1 not
 * rendered, -1 stop (*cause). */
static int
render_record(struct job_ctx *ctx, struct ritem *it, char **cause)
{
	struct store *st = job_store(ctx);
	char name[256];

	if (it->rc < 0) {
		*cause = it->why;
		it->why = NULL;
		return -1;
	}
	if (it->rc > 0) {
		job_warn(ctx, _("order %lld: %s (%s): %s: %s"), it->order_id,
		    it->code, who(it, name, sizeof name), it->src, it->why);
		(void)store_production_item_state(st, it->id, "failed");
		return 1;
	}
	if (it->eff_dpi + 0.5 < it->dpi)
		job_warn(ctx, _("order %lld: %s (%s): %s is smaller than the "
		    "print needs: %.0f dpi instead of %d"), it->order_id,
		    it->code, who(it, name, sizeof name), it->src,
		    it->eff_dpi, it->dpi);
	it->ok = 1;
	if (store_production_item_state(st, it->id, "rendered") != 0) {
		*cause = xstrdup(store_errmsg(st));
		return -1;
	}
	return 0;
}

/* How many prints at once: production.threads, else every core. */
static int
render_threads(struct store *st)
{
	char *v = store_pref_get(st, "production.threads");
	long n = v != NULL ? strtol(v, NULL, 10) : 0;

	free(v);
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n <= 0)
		n = 1;
	return n > 64 ? 64 : (int)n;
}

/*
 * The prints to render, nt at a time on threads that only write files;
 * this thread records each as it finishes (so a kill -9 leaves, at worst,
 * a print renamed into place but not yet recorded: the rerun renders it
 * again to the same bytes).  *nok counts the prints there.  0, or -1 with
 * *cause.
 */
static int
render_run_pool(struct job_ctx *ctx, struct rlist *l, size_t *todo,
    size_t ntodo, size_t base, size_t *nok, char **cause)
{
	struct rpool p;
	pthread_t *tid;
	struct timespec ts;
	char *more = NULL;
	size_t seen = 0, k, started = 0, i;
	int nt = render_threads(job_store(ctx)), rc = 0, r;

	if (ntodo == 0)
		return 0;
	if ((size_t)nt > ntodo)
		nt = (int)ntodo;
	memset(&p, 0, sizeof p);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	p.v = l->v;
	p.todo = todo;
	p.ntodo = ntodo;
	p.done = xcalloc(ntodo, sizeof *p.done);
	tid = xcalloc(nt, sizeof *tid);
	if (nt > 1 && media_render_at_once(nt, cause) != 0) {
		free(tid);
		free(p.done);
		pthread_cond_destroy(&p.cond);
		pthread_mutex_destroy(&p.lock);
		return -1;
	}
	for (i = 0; i < (size_t)nt; i++)
		if (pthread_create(&tid[started], NULL, render_thread, &p) == 0)
			started++;
	if (started == 0)
		render_loop(&p);	/* no thread: this one works */
	pthread_mutex_lock(&p.lock);
	while (seen < p.next || (!p.stop && seen < ntodo)) {
		if (seen == p.ndone) {
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += 1;
			(void)pthread_cond_timedwait(&p.cond, &p.lock, &ts);
			if (seen == p.ndone) {
				if (job_cancelled(ctx))
					p.stop = 1;
				continue;
			}
		}
		k = p.done[seen++];
		pthread_mutex_unlock(&p.lock);
		/* After a first stop, the prints still finishing are
		 * recorded and their problems dropped. */
		r = render_record(ctx, &l->v[k], rc == 0 ? cause : &more);
		free(more);
		more = NULL;
		if (r < 0 && rc == 0)
			rc = -1;
		if (r == 0)
			(*nok)++;
		job_progress(ctx, (long long)(base + seen), (long long)l->n);
		pthread_mutex_lock(&p.lock);
		if (rc != 0 || job_cancelled(ctx))
			p.stop = 1;
	}
	pthread_mutex_unlock(&p.lock);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	if (nt > 1)
		(void)media_render_at_once(0, &more);
	free(more);
	more = NULL;
	free(tid);
	free(p.done);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	return rc;
}

static void
csv_field(struct strbuf *b, const char *v, int last)
{
	if (v != NULL && strpbrk(v, ",\"\r\n") != NULL) {
		strbuf_addc(b, '"');
		for (; *v != '\0'; v++) {
			if (*v == '"')
				strbuf_addc(b, '"');
			strbuf_addc(b, *v);
		}
		strbuf_addc(b, '"');
	} else if (v != NULL)
		strbuf_add(b, v, strlen(v));
	strbuf_add(b, last ? "\r\n" : ",", last ? 2 : 1);
}

/* manifest.csv: DESIGN §4's columns, and back_print last when the
 * back-print lines are on (back). */
static char *
render_manifest(const struct rlist *l, long long order, int back)
{
	struct strbuf b = STRBUF_INIT;
	char n[13][32];
	size_t i;

	strbuf_addf(&b, "file,order,invoice,session,last_name,first_name,"
	    "item,quantity,width_in,height_in,dpi,width_px,height_px,"
	    "source%s\r\n", back ? ",back_print" : "");
	for (i = 0; i < l->n; i++) {
		const struct ritem *it = &l->v[i];

		if (!it->ok)
			continue;
		snprintf(n[0], sizeof n[0], "%lld", order);
		snprintf(n[1], sizeof n[1], "%lld", it->session);
		snprintf(n[2], sizeof n[2], "%lld", it->quantity);
		snprintf(n[3], sizeof n[3], "%g", (double)it->width_px /
		    it->dpi);
		snprintf(n[4], sizeof n[4], "%g", (double)it->height_px /
		    it->dpi);
		snprintf(n[5], sizeof n[5], "%d", it->dpi);
		snprintf(n[6], sizeof n[6], "%d", it->width_px);
		snprintf(n[7], sizeof n[7], "%d", it->height_px);
		csv_field(&b, it->file, 0);
		csv_field(&b, n[0], 0);
		csv_field(&b, it->invoice, 0);
		csv_field(&b, it->session > 0 ? n[1] : "", 0);
		csv_field(&b, it->last, 0);
		csv_field(&b, it->first, 0);
		csv_field(&b, it->code, 0);
		csv_field(&b, n[2], 0);
		csv_field(&b, n[3], 0);
		csv_field(&b, n[4], 0);
		csv_field(&b, n[5], 0);
		csv_field(&b, n[6], 0);
		csv_field(&b, n[7], 0);
		csv_field(&b, it->src, !back);
		if (back)
			csv_field(&b, it->back, 1);
	}
	return strbuf_take(&b);
}

static int
created_of(const struct production_order_row *r, void *arg)
{
	*(char **)arg = r->created_at != NULL ? xstrdup(r->created_at) : NULL;
	return 1;
}

/* production-sheet.pdf: the prints written, with thumbnails. */
static int
render_sheet(struct store *st, const struct rlist *l, long long order,
    const char *odir, char **cause)
{
	struct prodsheet_row *rows = xcalloc(l->n + 1, sizeof *rows);
	char **paths = xcalloc(l->n + 1, sizeof *paths);
	char **items = xcalloc(l->n + 1, sizeof *items);
	char *title, *sub = NULL, *pdf, *tmp, *date = NULL, name[256];
	size_t i, n = 0;
	int rc;

	for (i = 0; i < l->n; i++) {
		const struct ritem *it = &l->v[i];

		if (!it->ok)
			continue;
		if (sub == NULL)
			/* L10N: production sheet: "Invoice P-1 · García,
			 * Ravi · session 1001" */
			sub = xasprintf(_("Invoice %s \u00b7 %s \u00b7 session "
			    "%lld"), it->invoice != NULL ? it->invoice : "",
			    who(it, name, sizeof name), it->session);
		paths[n] = path_join(odir, it->file);
		items[n] = xstrdup(it->code != NULL ? it->code : "");
		rows[n].path = paths[n];
		rows[n].file = it->file;
		rows[n].item = items[n];
		rows[n].width_in = (double)it->width_px / it->dpi;
		rows[n].height_in = (double)it->height_px / it->dpi;
		rows[n].width_px = it->width_px;
		rows[n].height_px = it->height_px;
		rows[n].quantity = it->quantity;
		n++;
	}
	(void)store_production_get(st, order, created_of, &date);
	/* L10N: production sheet title */
	title = xasprintf(_("Production order %lld"), order);
	pdf = path_join(odir, "production-sheet.pdf");
	tmp = xasprintf("%s.tmp.%ld", pdf, (long)getpid());
	rc = prodsheet_write(pdf, tmp, title, sub, date, rows, n, cause);
	for (i = 0; i < n; i++) {
		free(paths[i]);
		free(items[i]);
	}
	free(paths);
	free(items);
	free(rows);
	free(tmp);
	free(pdf);
	free(title);
	free(sub);
	free(date);
	return rc;
}

static int
job_render_run(struct job_ctx *ctx, char **cause)
{
	struct store *st = job_store(ctx);
	struct rlist l = { NULL, 0 };
	long long order = job_payload_int(ctx, "order", 0);
	char *dir = job_payload_str(ctx, "dir"), *odir = NULL, *text, *path;
	char oname[32], *imprint;
	size_t i, nok = 0, *todo, ntodo = 0;
	int rc = -1, r, back;

	if (dir == NULL || order <= 0) {
		*cause = xstrdup(_("bad render job payload"));
		free(dir);
		return JOB_FAIL_FINAL;
	}
	if (store_production_items(st, order, render_collect, &l) != 0) {
		*cause = xstrdup(store_errmsg(st));
		goto out;
	}
	snprintf(oname, sizeof oname, "%lld", order);
	odir = path_join(dir, oname);
	if (path_mkdirs(odir) != 0) {
		*cause = xasprintf(_("cannot make %s: %s"), odir,
		    strerror(errno));
		goto out;
	}
	render_sweep(odir);
	job_progress(ctx, 0, (long long)l.n);
	imprint = store_pref_get(st, "production.imprint");
	back = imprint != NULL && (strcmp(imprint, "name") == 0 ||
	    strcmp(imprint, "name+org") == 0);
	todo = xcalloc(l.n + 1, sizeof *todo);
	for (i = 0; i < l.n; i++) {
		l.v[i].back = render_back_print(&l.v[i], imprint);
		r = render_prepare(ctx, &l.v[i], odir);
		if (r == 2)
			todo[ntodo++] = i;
		else if (r == 0)
			nok++;
	}
	job_progress(ctx, (long long)(l.n - ntodo), (long long)l.n);
	r = render_run_pool(ctx, &l, todo, ntodo, l.n - ntodo, &nok, cause);
	free(todo);
	free(imprint);
	if (r != 0)
		goto out;
	if (job_cancelled(ctx)) {
		rc = 0;
		goto out;
	}
	text = render_manifest(&l, order, back);
	path = path_join(odir, "manifest.csv");
	r = path_write_atomic(path, text, strlen(text), 0644);
	if (r != 0)
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
	free(path);
	free(text);
	if (r != 0 || render_sheet(st, &l, order, odir, cause) != 0)
		goto out;
	if (nok == l.n) {
		char *abs = realpath(odir, NULL);

		r = store_production_order_rendered(st, order,
		    abs != NULL ? abs : odir);
		free(abs);
		if (r != 0) {
			*cause = xstrdup(store_errmsg(st));
			goto out;
		}
	}
	rc = 0;
out:
	rlist_free(&l);
	free(odir);
	free(dir);
	return rc;
}

char *
job_render_payload(long long order, const char *dir)
{
	struct strbuf p = STRBUF_INIT;

	strbuf_addf(&p, "{\"order\":%lld,\"dir\":", order);
	strbuf_add_json(&p, dir);
	strbuf_addc(&p, '}');
	return strbuf_take(&p);
}

const struct job_kind job_kind_render = { "render", job_render_run };
