/*
 * cardgen: the simulated camera card of picday demo (see cardgen.h).
 *
 * Two passes.  The plan, on the calling thread, decides every frame: body,
 * file name, capture time, kind, orientation and a seed for its picture, and
 * writes expected.json from it.  Then a small pool of threads draws each
 * frame with cairo, encodes it with libvips, adds the EXIF block (jpegexif)
 * and writes the file atomically.  Pictures depend only on their seeds, so
 * the card is the same whatever the thread count.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>
#include <vips/vips.h>
#include "media/vipsdl.h"

#include "media/cardgen.h"
#include "media/cardgen-draw.h"
#include "media/jpegexif.h"
#include "media/vips.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define CARDGEN_WIDTH		1732
#define CARDGEN_HEIGHT		1155
#define CARDGEN_START		"2024-09-12 08:30:00"
#define CARDGEN_BLOCK		4	/* students in a row on one body */
#define CARDGEN_COPYRIGHT	"Maple Grove Demo Studio"
#define CARDGEN_COMMENT		"Maple Grove Demo Studio - picture day"
#define CARDGEN_QUALITY		85
#define CARDGEN_THUMB		160

/* The camera bodies, each with its own folder and file names. */
static const struct cardgen_body {
	const char	*make;
	const char	*model;
	const char	*serial;
	const char	*folder;
	const char	*prefix;
	int		 motorola;
	int		 first;		/* number of its first file */
	int		 offset;	/* seconds after body 0 it starts */
} cardgen_bodies[] = {
	{ "Canon", "Canon EOS 5D Mark IV", "012345678901", "100CANON",
	  "IMG_", 0, 1, 0 },
	{ "NIKON CORPORATION", "NIKON D750", "3012345", "100NIKON",
	  "DSC_", 1, 231, 23 },
	{ "SONY", "ILCE-7M3", "4521873", "100MSDCF", "DSC0", 0, 1188, 41 },
	{ "FUJIFILM", "X-T4", "0A1B2C3D", "100_FUJI", "DSCF", 0, 502, 12 },
};
#define CARDGEN_MAXBODIES \
	((int)(sizeof cardgen_bodies / sizeof cardgen_bodies[0]))

enum cardgen_kind {
	CARDGEN_TEST,
	CARDGEN_QR,
	CARDGEN_PORTRAIT,
};

struct cardgen_frame {
	enum cardgen_kind	 kind;
	int			 body;
	size_t			 subject;	/* index; SIZE_MAX: none */
	long long		 number;	/* its session number */
	long long		 t;		/* capture time, UTC seconds */
	int			 subsec;	/* hundredths */
	int			 orientation;
	uint64_t		 seed;
	char			*rel;		/* path inside the card */
};

struct cardgen_run {
	const char			*dir;
	const struct cardgen_subject	*subjects;
	struct cardgen_look		*looks;	/* per subject */
	struct cardgen_look		 test_look[CARDGEN_MAXBODIES];
	struct cardgen_frame		*frames;
	size_t				 nframes;
	int				 width;
	int				 height;

	pthread_mutex_t			 lock;
	size_t				 next;
	char				*cause;	/* first error */
};

void
cardgen_opts_default(struct cardgen_opts *o)
{
	memset(o, 0, sizeof *o);
	o->width = CARDGEN_WIDTH;
	o->height = CARDGEN_HEIGHT;
	o->seed = 1;
	o->bodies = 2;
	o->start_time = CARDGEN_START;
}

static int
cardgen_parse_time(const char *s, long long *t)
{
	struct tm	tm;
	char		end;

	memset(&tm, 0, sizeof tm);
	if (sscanf(s, "%d-%d-%d %d:%d:%d%c", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &end) != 6)
		return -1;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60 || tm.tm_year < 1970 || tm.tm_year > 9999)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	*t = (long long)timegm(&tm);
	return 0;
}

static struct cardgen_frame *
cardgen_add(struct cardgen_run *r, size_t *cap, int body, int *fileno,
    enum cardgen_kind kind, size_t subject, long long t, int subsec,
    uint64_t seed)
{
	const struct cardgen_body	*b = &cardgen_bodies[body];
	struct cardgen_frame		*f;

	if (r->nframes == *cap) {
		*cap = *cap != 0 ? *cap * 2 : 256;
		r->frames = xreallocarray(r->frames, *cap, sizeof *r->frames);
	}
	f = &r->frames[r->nframes++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->body = body;
	f->subject = subject;
	f->number = subject == SIZE_MAX ? 0 : r->subjects[subject].number;
	f->t = t;
	f->subsec = subsec;
	f->orientation = 1;
	f->seed = seed;
	f->rel = xasprintf("DCIM/%s/%s%04d.JPG", b->folder, b->prefix,
	    (*fileno)++);
	return f;
}

/*
 * Decides every frame.  Students go to the bodies in alternating blocks;
 * each body keeps its own clock from the same start, so the bodies' times
 * interleave: a frame every 5-20 s (now and then a burst in the same
 * second), a minute or three between students.
 */
static void
cardgen_plan(struct cardgen_run *r, size_t n, int bodies, uint64_t seed,
    long long start)
{
	uint64_t	 s = seed;
	size_t		 cap = 0, i;
	long long	 t[CARDGEN_MAXBODIES];
	int		 fileno[CARDGEN_MAXBODIES];
	int		 b, k, nport, present = 0, portraits = 0, sub;
	struct cardgen_frame *f;

	for (b = 0; b < bodies; b++) {
		t[b] = start + cardgen_bodies[b].offset;
		fileno[b] = cardgen_bodies[b].first;
		cardgen_look_make(&r->test_look[b], cardgen_rand(&s));
		k = cardgen_range(&s, 1, 2);
		while (k-- > 0) {
			sub = cardgen_range(&s, 0, 99);
			cardgen_add(r, &cap, b, &fileno[b], CARDGEN_TEST,
			    SIZE_MAX, t[b], sub, cardgen_rand(&s));
			t[b] += cardgen_range(&s, 5, 20);
		}
	}
	for (i = 0; i < n; i++) {
		cardgen_look_make(&r->looks[i], cardgen_rand(&s));
		b = (int)((i / CARDGEN_BLOCK) % (size_t)bodies);
		t[b] += cardgen_range(&s, 60, 180);
		if (r->subjects[i].absent)
			continue;
		sub = cardgen_range(&s, 0, 99);
		f = cardgen_add(r, &cap, b, &fileno[b], CARDGEN_QR, i, t[b],
		    sub, cardgen_rand(&s));
		/* One QR sheet on its side: the sorter must cope. */
		if (present++ == 3)
			f->orientation = 6;
		nport = cardgen_range(&s, 2, 4);
		for (k = 0; k < nport; k++) {
			if (cardgen_range(&s, 0, 11) == 0 && sub < 90) {
				/* A burst: same second, later sub-second. */
				sub = cardgen_range(&s, sub + 1, 99);
			} else {
				t[b] += cardgen_range(&s, 5, 20);
				sub = cardgen_range(&s, 0, 99);
			}
			f = cardgen_add(r, &cap, b, &fileno[b],
			    CARDGEN_PORTRAIT, i, t[b], sub,
			    cardgen_rand(&s));
			if (portraits++ % 7 == 6)
				f->orientation = 6;
		}
	}
}

/* Orders frames by session number, then capture time, then path. */
static int
cardgen_cmp(const void *a, const void *b)
{
	const struct cardgen_frame	*x = *(const struct cardgen_frame **)a;
	const struct cardgen_frame	*y = *(const struct cardgen_frame **)b;

	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->subsec != y->subsec)
		return x->subsec < y->subsec ? -1 : 1;
	return strcmp(x->rel, y->rel);
}

static int
cardgen_cmp_path(const void *a, const void *b)
{
	return strcmp((*(const struct cardgen_frame **)a)->rel,
	    (*(const struct cardgen_frame **)b)->rel);
}

/* Appends "NUMBER": [paths...] groups for the frames of kind. */
static void
cardgen_json_map(struct strbuf *sb, struct cardgen_frame **order, size_t n,
    enum cardgen_kind kind)
{
	const struct cardgen_frame	*f;
	long long			 cur = 0;
	size_t				 i;
	int				 open = 0;

	strbuf_adds(sb, "{");
	for (i = 0; i < n; i++) {
		f = order[i];
		if (f->kind != kind)
			continue;
		if (!open || f->number != cur) {
			cur = f->number;
			strbuf_addf(sb, "%s\n    \"%lld\": [", open ? "]," : "",
			    cur);
			open = 1;
		} else
			strbuf_adds(sb, ", ");
		strbuf_add_json(sb, f->rel);
	}
	strbuf_adds(sb, open ? "]\n  }" : "}");
}

/*
 * expected.json: what `picday images import DIR --by qr --dry-run --format
 * json` must print for this card (issue 4).  Session keys in numeric order,
 * frames in capture order, unassigned test shots in path order.
 */
static int
cardgen_expected(const struct cardgen_run *r, char **cause)
{
	struct strbuf		 sb = STRBUF_INIT;
	struct cardgen_frame	**order;
	size_t			 i;
	char			*path;
	int			 rc, first = 1;

	order = xreallocarray(NULL, r->nframes + 1, sizeof *order);
	for (i = 0; i < r->nframes; i++)
		order[i] = &r->frames[i];
	qsort(order, r->nframes, sizeof *order, cardgen_cmp);

	strbuf_adds(&sb, "{\n  \"sessions\": ");
	cardgen_json_map(&sb, order, r->nframes, CARDGEN_PORTRAIT);
	strbuf_adds(&sb, ",\n  \"markers\": ");
	cardgen_json_map(&sb, order, r->nframes, CARDGEN_QR);
	strbuf_adds(&sb, ",\n  \"unknown_codes\": {},\n  \"unassigned\": [");
	qsort(order, r->nframes, sizeof *order, cardgen_cmp_path);
	for (i = 0; i < r->nframes; i++) {
		if (order[i]->kind != CARDGEN_TEST)
			continue;
		if (!first)
			strbuf_adds(&sb, ", ");
		strbuf_add_json(&sb, order[i]->rel);
		first = 0;
	}
	strbuf_adds(&sb, "],\n  \"unreadable\": [],\n  \"unreadable_code\": []\n}\n");
	free(order);

	path = path_join(r->dir, "expected.json");
	rc = path_write_atomic(path, sb.s, sb.len, 0644);
	if (rc != 0)
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
	free(path);
	strbuf_free(&sb);
	return rc;
}

static char *
cardgen_vips_error(const char *what)
{
	char	*cause;

	cause = xasprintf(_("%s: %s"), what, vips_error_buffer());
	vips_error_clear();
	return cause;
}

/*
 * A little sensor noise, so the frames compress like photographs and not
 * like drawings: a small tile of random grey, faint, repeated over the frame.
 */
static void
cardgen_noise(cairo_t *cr, uint64_t seed)
{
	cairo_surface_t	*tile;
	unsigned char	*row;
	uint64_t	 s = seed;
	uint32_t	 px, v;
	int		 stride, x, y, size = 128;

	tile = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size);
	row = cairo_image_surface_get_data(tile);
	stride = cairo_image_surface_get_stride(tile);
	for (y = 0; y < size; y++, row += stride)
		for (x = 0; x < size; x++) {
			/* Premultiplied: alpha 12, grey 0..12. */
			v = (uint32_t)(cardgen_rand(&s) % 13);
			px = 12u << 24 | v << 16 | v << 8 | v;
			memcpy(row + x * 4, &px, 4);
		}
	cairo_surface_mark_dirty(tile);
	cairo_set_source_surface(cr, tile, 0, 0);
	cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_REPEAT);
	cairo_paint(cr);
	cairo_surface_destroy(tile);
}

/*
 * Cairo's RGB24 pixels as an sRGB libvips image, without a copy: the words
 * are 0x00RRGGBB in host byte order, so the bands to pick depend on it.
 * The surface must outlive the image.
 */
static VipsImage *
cardgen_vips(cairo_surface_t *cs, int w, int h)
{
	const uint32_t	 one = 1;
	VipsImage	*x, *c[3], *rgb = NULL, *out = NULL;
	int		 little = *(const unsigned char *)&one, i, ok = 1;

	cairo_surface_flush(cs);
	if (cairo_image_surface_get_stride(cs) != w * 4)
		return NULL;
	x = vips_image_new_from_memory(cairo_image_surface_get_data(cs),
	    (size_t)w * (size_t)h * 4, w, h, 4, VIPS_FORMAT_UCHAR);
	if (x == NULL)
		return NULL;
	for (i = 0; i < 3; i++) {
		c[i] = NULL;
		if (vips_extract_band(x, &c[i], little ? 2 - i : 1 + i,
		    NULL) != 0)
			ok = 0;
	}
	if (ok && vips_bandjoin(c, &rgb, 3, NULL) == 0)
		vips_copy(rgb, &out, "interpretation",
		    VIPS_INTERPRETATION_sRGB, NULL);
	for (i = 0; i < 3; i++)
		if (c[i] != NULL)
			g_object_unref(c[i]);
	if (rgb != NULL)
		g_object_unref(rgb);
	g_object_unref(x);
	return out;
}

/*
 * Draws, encodes and writes one frame on cs, the worker's own surface of
 * the frame size (kept from frame to frame: no 8 MB allocation each time).
 * 0, or -1 with *cause set.
 */
static int
cardgen_render(struct cardgen_run *r, const struct cardgen_frame *f,
    cairo_surface_t *cs, char **cause)
{
	const struct cardgen_body	*b = &cardgen_bodies[f->body];
	const struct cardgen_look	*look;
	cairo_t				*cr;
	VipsImage			*img = NULL, *t = NULL;
	unsigned char			*out = NULL;
	void				*jpeg = NULL, *thumb = NULL;
	size_t				 jlen = 0, tlen = 0, olen;
	struct jpegexif			 x;
	struct tm			 tm;
	time_t				 when;
	char				 date[32], subsec[8], *path;
	int				 rc = -1, w = r->width, h = r->height;

	cr = cairo_create(cs);
	look = f->subject == SIZE_MAX ? &r->test_look[f->body] :
	    &r->looks[f->subject];
	switch (f->kind) {
	case CARDGEN_TEST:
		cardgen_draw_test(cr, w, h, look, f->seed);
		break;
	case CARDGEN_QR:
		if (cardgen_draw_qr(cr, w, h, look, &r->subjects[f->subject],
		    f->seed) != 0) {
			cairo_destroy(cr);
			*cause = xasprintf(_("%s: cannot make the QR code of "
			    "session %lld"), f->rel, f->number);
			return -1;
		}
		break;
	case CARDGEN_PORTRAIT:
		cardgen_draw_portrait(cr, w, h, look, f->seed);
		break;
	}
	cardgen_noise(cr, f->seed ^ 0x6e6f697365ULL);
	cairo_destroy(cr);

	img = cardgen_vips(cs, w, h);
	if (img == NULL)
		goto verr;
	if (f->orientation == 6) {
		/* Stored turned 90° anticlockwise: upright once rotated
		 * the way Orientation 6 tells a viewer to. */
		if (vips_rot(img, &t, VIPS_ANGLE_D270, NULL) != 0)
			goto verr;
		g_object_unref(img);
		img = t;
	}
	t = NULL;
	/* The thumbnail from the JPEG: shrink-on-load makes it cheap. */
	if (vips_jpegsave_buffer(img, &jpeg, &jlen, "Q", CARDGEN_QUALITY,
	    "strip", TRUE, NULL) != 0 ||
	    vips_thumbnail_buffer(jpeg, jlen, &t, CARDGEN_THUMB, NULL) != 0 ||
	    vips_jpegsave_buffer(t, &thumb, &tlen, "Q", 75, "strip", TRUE,
	    NULL) != 0)
		goto verr;

	when = (time_t)f->t;
	gmtime_r(&when, &tm);
	strftime(date, sizeof date, "%Y:%m:%d %H:%M:%S", &tm);
	snprintf(subsec, sizeof subsec, "%02d", f->subsec);
	memset(&x, 0, sizeof x);
	x.motorola = b->motorola;
	x.make = b->make;
	x.model = b->model;
	x.serial = b->serial;
	x.datetime = date;
	x.subsec = subsec;
	x.orientation = f->orientation;
	x.width = vips_image_get_width(img);
	x.height = vips_image_get_height(img);
	x.copyright = CARDGEN_COPYRIGHT;
	x.comment = CARDGEN_COMMENT;
	x.thumb = thumb;
	x.thumblen = tlen;
	if (jpegexif_splice(jpeg, jlen, &x, &out, &olen, cause) != 0)
		goto out;

	path = path_join(r->dir, f->rel);
	if (path_write_atomic(path, out, olen, 0644) != 0)
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
	else
		rc = 0;
	free(path);
	goto out;

verr:
	*cause = cardgen_vips_error(f->rel);
out:
	if (t != NULL)
		g_object_unref(t);
	if (img != NULL)
		g_object_unref(img);
	g_free(jpeg);
	g_free(thumb);
	free(out);
	return rc;
}

static void
cardgen_fail(struct cardgen_run *r, char *cause)
{
	pthread_mutex_lock(&r->lock);
	if (r->cause == NULL)
		r->cause = cause;
	else
		free(cause);
	pthread_mutex_unlock(&r->lock);
}

static void *
cardgen_worker(void *arg)
{
	struct cardgen_run	*r = arg;
	cairo_surface_t		*cs;
	size_t			 i;
	char			*cause;

	cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24, r->width,
	    r->height);
	if (cairo_surface_status(cs) != CAIRO_STATUS_SUCCESS) {
		cardgen_fail(r, xasprintf(_("cannot draw a %dx%d frame: %s"),
		    r->width, r->height,
		    cairo_status_to_string(cairo_surface_status(cs))));
		cairo_surface_destroy(cs);
		return NULL;
	}
	for (;;) {
		pthread_mutex_lock(&r->lock);
		i = r->next++;
		if (r->cause != NULL)
			i = r->nframes;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->nframes)
			break;
		cause = NULL;
		if (cardgen_render(r, &r->frames[i], cs, &cause) != 0)
			cardgen_fail(r, cause);
	}
	cairo_surface_destroy(cs);
	vips_thread_shutdown();
	return NULL;
}

static int
cardgen_folders(const char *dir, int bodies, char **cause)
{
	char	*path;
	int	 b, rc = 0;

	for (b = 0; b < bodies && rc == 0; b++) {
		path = xasprintf("%s/DCIM/%s", dir, cardgen_bodies[b].folder);
		if ((rc = path_mkdirs(path)) != 0)
			*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		free(path);
	}
	return rc;
}

int
cardgen_make(const char *dir, const struct cardgen_subject *subjects,
    size_t n, const struct cardgen_opts *o, size_t *nframes, char **cause)
{
	struct cardgen_opts	 def;
	struct cardgen_run	 r;
	pthread_t		*tids;
	long long		 start;
	long			 cpus;
	int			 bodies, threads, i, started = 0, rc = -1;

	cardgen_opts_default(&def);
	if (o == NULL)
		o = &def;
	bodies = o->bodies > 0 ? o->bodies : def.bodies;
	if (bodies > CARDGEN_MAXBODIES)
		bodies = CARDGEN_MAXBODIES;
	if (cardgen_parse_time(o->start_time != NULL ? o->start_time :
	    def.start_time, &start) != 0) {
		*cause = xasprintf(_("bad start time \"%s\" (want YYYY-MM-DD "
		    "HH:MM:SS)"), o->start_time);
		return -1;
	}
	if (media_vips_init(cause) != 0)
		return -1;
	if (cardgen_folders(dir, bodies, cause) != 0)
		return -1;

	memset(&r, 0, sizeof r);
	r.dir = dir;
	r.subjects = subjects;
	r.width = o->width > 0 ? o->width : def.width;
	r.height = o->height > 0 ? o->height : def.height;
	r.looks = xreallocarray(NULL, n + 1, sizeof *r.looks);
	pthread_mutex_init(&r.lock, NULL);
	cardgen_plan(&r, n, bodies, o->seed * 0x2545f4914f6cdd1dULL + 1,
	    start);

	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	threads = o->threads > 0 ? o->threads : cpus > 0 ? (int)cpus : 1;
	if (threads > 16)
		threads = 16;
	tids = xreallocarray(NULL, (size_t)threads, sizeof *tids);
	for (i = 0; i < threads; i++) {
		if (pthread_create(&tids[i], NULL, cardgen_worker, &r) != 0)
			break;
		started++;
	}
	if (started == 0)
		cardgen_worker(&r);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);

	if (r.cause != NULL) {
		*cause = r.cause;
		r.cause = NULL;
	} else if (cardgen_expected(&r, cause) == 0) {
		if (nframes != NULL)
			*nframes = r.nframes;
		rc = 0;
	}

	for (i = 0; i < (int)r.nframes; i++)
		free(r.frames[i].rel);
	free(r.frames);
	free(r.looks);
	pthread_mutex_destroy(&r.lock);
	return rc;
}
