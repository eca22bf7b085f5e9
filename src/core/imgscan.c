/*
 * core/imgscan: reads every frame of a card on all cores (EXIF, QR codes),
 * sorts them, and makes the import job's payload.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cardscan.h"
#include "core/imgscan.h"
#include "media/exif.h"
#include "media/qrscan.h"
#include "store/image.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct pool {
	struct imgscan			*sc;
	const struct imgscan_opts	*o;
	pthread_mutex_t			 lock;
	size_t				 next, done;
};

static int
all_digits(const char *s)
{
	const char *p = s;

	while (isspace((unsigned char)*p))
		p++;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	while (isspace((unsigned char)*p))
		p++;
	return *p == '\0';
}

static void
add_code(struct imgscan_frame *f, const char *code)
{
	f->codes = xreallocarray(f->codes, f->ncodes + 1, sizeof *f->codes);
	f->codes[f->ncodes++] = xstrdup(code);
}

/* The session number written at capture, from the chosen field. */
static void
metadata_code(struct imgscan_frame *f, const struct exifmeta *m, int field)
{
	int i;

	if (field >= 0) {
		if (m->field[field] != NULL)
			add_code(f, m->field[field]);
		return;
	}
	for (i = 0; i < EXIFMETA_NFIELDS; i++)
		if (m->field[i] != NULL && all_digits(m->field[i])) {
			add_code(f, m->field[i]);
			return;
		}
}

static void
scan_one(struct imgscan *sc, struct qrscan *qs, const struct imgscan_opts *o,
    struct imgscan_frame *f)
{
	struct exifmeta m;
	struct qrscan_result r;
	struct stat sb;
	char *path, *cause = NULL;
	size_t i;

	path = path_join(sc->dir, f->rel);
	f->time_ms = -1;
	f->orientation = 1;
	if (exifmeta_read(path, &m, &cause) != 0) {
		f->unreadable = 1;
		f->why = cause;
		free(path);
		return;
	}
	f->body = xasprintf("%s|%s|%s", m.make != NULL ? m.make : "",
	    m.model != NULL ? m.model : "", m.serial != NULL ? m.serial : "");
	if (m.make != NULL || m.model != NULL || m.serial != NULL)
		f->camera = xasprintf("%s%s%s%s%s", m.make != NULL ? m.make : "",
		    m.make != NULL && m.model != NULL ? " " : "",
		    m.model != NULL ? m.model : "",
		    m.serial != NULL ? " #" : "", m.serial != NULL ? m.serial : "");
	f->time_ms = m.time_ms;
	exifmeta_iso_time(&m, f->captured_at, sizeof f->captured_at);
	if (f->time_ms < 0 && stat(path, &sb) == 0)	/* no EXIF time */
		f->time_ms = (long long)sb.st_mtime * 1000;
	f->width = m.width;
	f->height = m.height;
	f->orientation = m.orientation;

	if (o->by == IMGSCAN_QR) {
		if (qrscan_file(qs, path, m.width, m.height, 0, &r, &cause) != 0) {
			f->unreadable = 1;
			f->why = cause;
		} else {
			for (i = 0; i < r.ncodes; i++)
				add_code(f, r.codes[i]);
			f->qr_like = r.qr_like;
			qrscan_result_free(&r);
		}
	} else {
		if (qrscan_check(path, &cause) != 0) {
			f->unreadable = 1;
			f->why = cause;
		} else if (o->by == IMGSCAN_METADATA)
			metadata_code(f, &m, o->field);
		else
			add_code(f, o->session);
	}
	exifmeta_free(&m);
	free(path);
}

static void *
worker(void *arg)
{
	struct pool *p = arg;
	struct qrscan *qs = qrscan_new();

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->sc->n)
			break;
		scan_one(p->sc, qs, p->o, &p->sc->f[i]);
		pthread_mutex_lock(&p->lock);
		p->done++;
		if (p->o->progress != NULL)
			p->o->progress(p->o->arg, p->done, p->sc->n);
		pthread_mutex_unlock(&p->lock);
	}
	qrscan_free(qs);
	return NULL;
}

int
imgscan_card(const char *dir, const struct imgscan_opts *o,
    struct imgscan *sc, char **cause)
{
	struct cardscan cs;
	struct pool p;
	pthread_t *tid;
	char *why = NULL;
	long ncpu;
	int nt, i, started = 0;
	size_t k;

	memset(sc, 0, sizeof *sc);
	if (cardscan_walk(dir, &cs, &why) != 0) {
		*cause = why;
		return -1;
	}
	if (o->by != IMGSCAN_QR && qrscan_vips_init(cause) != 0) {
		cardscan_free(&cs);
		free(why);
		return -1;
	}
	sc->dir = xstrdup(dir);
	sc->by = o->by;
	sc->walk_problem = why;
	sc->n = cs.n;
	sc->f = xcalloc(cs.n > 0 ? cs.n : 1, sizeof *sc->f);
	for (k = 0; k < cs.n; k++)
		sc->f[k].rel = cs.rel[k];	/* taken over */
	free(cs.rel);

	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	nt = o->threads > 0 ? o->threads : ncpu > 0 ? (int)ncpu : 1;
	if ((size_t)nt > sc->n)
		nt = sc->n > 0 ? (int)sc->n : 1;
	memset(&p, 0, sizeof p);
	p.sc = sc;
	p.o = o;
	pthread_mutex_init(&p.lock, NULL);
	tid = xcalloc(nt, sizeof *tid);
	for (i = 1; i < nt; i++)
		if (pthread_create(&tid[started], NULL, worker, &p) == 0)
			started++;
	worker(&p);		/* this thread works too */
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	free(tid);
	pthread_mutex_destroy(&p.lock);

	sc->sf = xcalloc(sc->n > 0 ? sc->n : 1, sizeof *sc->sf);
	for (k = 0; k < sc->n; k++) {
		struct imgsort_frame *s = &sc->sf[k];
		struct imgscan_frame *f = &sc->f[k];

		s->rel = f->rel;
		s->body = f->body;
		s->time_ms = f->time_ms;
		s->unreadable = f->unreadable;
		s->qr_like = f->qr_like;
		s->codes = (const char **)f->codes;
		s->ncodes = f->ncodes;
	}
	return 0;
}

void
imgscan_free(struct imgscan *sc)
{
	size_t i, j;

	for (i = 0; i < sc->n; i++) {
		struct imgscan_frame *f = &sc->f[i];

		free(f->rel);
		free(f->body);
		free(f->camera);
		free(f->why);
		for (j = 0; j < f->ncodes; j++)
			free(f->codes[j]);
		free(f->codes);
	}
	free(sc->f);
	free(sc->sf);
	free(sc->dir);
	free(sc->walk_problem);
	memset(sc, 0, sizeof *sc);
}

static int
is_session(void *arg, const char *code)
{
	struct store *st = arg;
	long long id, number;
	char *end;

	if (!all_digits(code) || strlen(code) > 18)
		return 0;
	number = strtoll(code, &end, 10);
	return number > 0 && store_image_session(st, number, &id, NULL) == 1;
}

void
imgscan_sort(const struct imgscan *sc, struct store *st,
    struct imgsort_result *r)
{
	struct imgsort_opts o;

	memset(&o, 0, sizeof o);
	o.mode = sc->by == IMGSCAN_QR ? IMGSORT_QR : IMGSORT_EACH;
	o.is_session = is_session;
	o.arg = st;
	imgsort_run(sc->sf, sc->n, &o, r);
}

/* Appends the frames of one session: markers and frames merged in capture
 * order. */
static size_t
items_add(struct import_item **v, size_t k, const struct imgscan *sc,
    const char *code, const struct imgsort_list *s,
    const struct imgsort_list *m)
{
	size_t ns = s != NULL ? s->n : 0, nm = m != NULL ? m->n : 0;
	size_t a = 0, b = 0, j;
	long long number = strtoll(code, NULL, 10);

	*v = xreallocarray(*v, k + ns + nm + 1, sizeof **v);
	for (j = 0; j < ns + nm; j++) {
		int take_m;

		if (b >= nm)
			take_m = 0;
		else if (a >= ns)
			take_m = 1;
		else {
			const struct imgsort_frame *fa = &sc->sf[s->frames[a]];
			const struct imgsort_frame *fb = &sc->sf[m->frames[b]];

			take_m = fb->time_ms < fa->time_ms ||
			    (fb->time_ms == fa->time_ms &&
			    strcmp(fb->rel, fa->rel) < 0);
		}
		(*v)[k].number = number;
		(*v)[k].marker = take_m;
		(*v)[k].rel = sc->sf[take_m ? m->frames[b++] : s->frames[a++]].rel;
		k++;
	}
	return k;
}

struct import_item *
imgscan_items(const struct imgscan *sc, const struct imgsort_result *r,
    struct store *st, size_t *n)
{
	struct import_item *v = NULL;
	size_t i, k = 0;

	for (i = 0; i < r->nsessions; i++)
		k = items_add(&v, k, sc, r->sessions[i].code, &r->sessions[i],
		    imgsort_find(r->markers, r->nmarkers, r->sessions[i].code));
	/* A session's marker with no frame after it is still kept. */
	for (i = 0; i < r->nmarkers; i++) {
		const char *code = r->markers[i].code;

		if (imgsort_find(r->sessions, r->nsessions, code) == NULL &&
		    is_session(st, code))
			k = items_add(&v, k, sc, code, NULL, &r->markers[i]);
	}
	*n = k;
	return v;
}

char *
imgscan_payload(const char *dir, const char *mode,
    const struct import_item *v, size_t n, int advance)
{
	struct strbuf sb = STRBUF_INIT;
	char *abs = realpath(dir, NULL);	/* the job may run elsewhere */
	size_t i;

	strbuf_adds(&sb, "{\"dir\": ");
	strbuf_add_json(&sb, abs != NULL ? abs : dir);
	free(abs);
	strbuf_adds(&sb, ", \"mode\": ");
	strbuf_add_json(&sb, mode);
	strbuf_addf(&sb, ", \"advance\": %d, \"items\": [", advance != 0);
	for (i = 0; i < n; i++) {
		strbuf_adds(&sb, i > 0 ? ", {\"p\": " : "{\"p\": ");
		strbuf_add_json(&sb, v[i].rel);
		strbuf_addf(&sb, ", \"n\": %lld, \"m\": %d}", v[i].number,
		    v[i].marker != 0);
	}
	strbuf_adds(&sb, "]}");
	return strbuf_take(&sb);
}
