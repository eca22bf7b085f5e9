/*
 * media/qrscan: QR codes in camera frames: libvips shrink-on-load, a cheap
 * finder-pattern test, ZBar on the small grey copy.
 */
#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <vips/vips.h>
#include "media/vipsdl.h"
#include <zbar.h>

#include "media/qrscan.h"
#include "media/qrzxing.h"
#include "media/vips.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Short edge (pixels) the first look aims at: a QR filling 15% of it has
 * about three pixels per module, enough for ZBar. */
#define QRSCAN_MIN_SHORT	480
/* Larger looks stop once the short edge passes this. */
#define QRSCAN_MAX_SHORT	2400
/* A frame of at most this many pixels (VGA to SXGA: a webcam's or an old
 * phone's photo, a scan) is looked at in full when the first look finds
 * nothing: a 40-60 px code in it is lost at half size.  That look costs
 * some 50 ms of ZBar on a 1.3 MP frame (larger frames would pay more). */
#define QRSCAN_SMALL_FRAME	(1280 * 1024)

struct qrscan {
	zbar_image_scanner_t	*zs;
};

/*
 * libzbar is dlopen()ed by the first qrscan_new(), not linked: with its
 * fifteen libraries (X11, v4l, systemd, gcrypt...) linking it cost every
 * start of picday some 10-20 ms of dynamic loading.  Each zbar_* call
 * below goes through a pointer of the function's own type.
 */
#define QRSCAN_ZBAR_FUNCS(X) \
	X(zbar_image_create) X(zbar_image_destroy) \
	X(zbar_image_first_symbol) X(zbar_image_scanner_create) \
	X(zbar_image_scanner_destroy) X(zbar_image_scanner_enable_cache) \
	X(zbar_image_scanner_set_config) X(zbar_image_set_data) \
	X(zbar_image_set_format) X(zbar_image_set_size) X(zbar_scan_image) \
	X(zbar_symbol_get_data) X(zbar_symbol_get_data_length) \
	X(zbar_symbol_get_type) X(zbar_symbol_next)
#define QRSCAN_ZBAR_DEFINE(f) static __typeof__(f) *qrscan_##f;
QRSCAN_ZBAR_FUNCS(QRSCAN_ZBAR_DEFINE)
#undef QRSCAN_ZBAR_DEFINE
#define zbar_image_create	(*qrscan_zbar_image_create)
#define zbar_image_destroy	(*qrscan_zbar_image_destroy)
#define zbar_image_first_symbol	(*qrscan_zbar_image_first_symbol)
#define zbar_image_scanner_create (*qrscan_zbar_image_scanner_create)
#define zbar_image_scanner_destroy (*qrscan_zbar_image_scanner_destroy)
#define zbar_image_scanner_enable_cache \
	(*qrscan_zbar_image_scanner_enable_cache)
#define zbar_image_scanner_set_config (*qrscan_zbar_image_scanner_set_config)
#define zbar_image_set_data	(*qrscan_zbar_image_set_data)
#define zbar_image_set_format	(*qrscan_zbar_image_set_format)
#define zbar_image_set_size	(*qrscan_zbar_image_set_size)
#define zbar_scan_image		(*qrscan_zbar_scan_image)
#define zbar_symbol_get_data	(*qrscan_zbar_symbol_get_data)
#define zbar_symbol_get_data_length (*qrscan_zbar_symbol_get_data_length)
#define zbar_symbol_get_type	(*qrscan_zbar_symbol_get_type)
#define zbar_symbol_next	(*qrscan_zbar_symbol_next)

static pthread_once_t	 zbar_once = PTHREAD_ONCE_INIT;

static void
qrscan_zbar_load(void)
{
	void *h, *sym;
	const char *name;

	if ((h = dlopen(ZBAR_SONAME, RTLD_NOW | RTLD_GLOBAL)) == NULL)
		fatal(_("cannot load libzbar (%s): %s"), ZBAR_SONAME,
		    dlerror());
#define QRSCAN_ZBAR_LOAD(f)						\
	name = #f;							\
	if ((sym = dlsym(h, name)) == NULL)				\
		fatal(_("cannot load libzbar (%s): no %s"), ZBAR_SONAME,	\
		    name);						\
	memcpy(&qrscan_##f, &sym, sizeof sym);
	QRSCAN_ZBAR_FUNCS(QRSCAN_ZBAR_LOAD)
#undef QRSCAN_ZBAR_LOAD
	/* The library stays loaded. */
}

/*
 * zxing-cpp, the second decoder, is the module picday-zxing.so
 * (media/qrzxing.h), loaded by the first scan that needs it: beside the
 * running picday (the build tree), else in PKGLIBDIR.  PICDAY_ZXING=0
 * turns it off; PICDAY_ZXING=PATH names the module.
 */
static pthread_once_t	 zxing_once = PTHREAD_ONCE_INIT;
static qrzxing_grey_fn	*zxing_grey;

static void *
zxing_open_beside_exe(void)
{
	char exe[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *path;
	void *h;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	path = xasprintf("%s/picday-zxing.so", exe);
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	free(path);
	return h;
}

static void
qrscan_zxing_load(void)
{
	const char *env = getenv("PICDAY_ZXING");
	void *h = NULL, *sym;

	if (env != NULL && strcmp(env, "0") == 0)
		return;
	if (env != NULL && *env != '\0')
		h = dlopen(env, RTLD_NOW | RTLD_LOCAL);
	else if ((h = zxing_open_beside_exe()) == NULL)
		h = dlopen(PKGLIBDIR "/picday-zxing.so", RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		return;		/* ZBar alone */
	if ((sym = dlsym(h, QRZXING_SYMBOL)) == NULL) {
		dlclose(h);
		return;
	}
	memcpy(&zxing_grey, &sym, sizeof sym);
	/* The module stays loaded. */
}

int
qrscan_has_zxing(void)
{
	pthread_once(&zxing_once, qrscan_zxing_load);
	return zxing_grey != NULL;
}

static pthread_once_t	quiet_once = PTHREAD_ONCE_INIT;

static void
log_quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer arg)
{
	/* libvips warns about every damaged tile; the importer reports a
	 * damaged frame once, as unreadable. */
}

static void
quiet_vips(void)
{
	g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, log_quiet, NULL);
}

int
qrscan_vips_init(char **cause)
{
	if (media_vips_init(cause) != 0)
		return -1;
	pthread_once(&quiet_once, quiet_vips);
	return 0;
}

struct qrscan *
qrscan_new(void)
{
	struct qrscan *qs = xcalloc(1, sizeof *qs);

	pthread_once(&zbar_once, qrscan_zbar_load);
	qs->zs = zbar_image_scanner_create();
	if (qs->zs == NULL)
		fatal("zbar_image_scanner_create failed");
	zbar_image_scanner_set_config(qs->zs, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(qs->zs, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zbar_image_scanner_enable_cache(qs->zs, 0);
	return qs;
}

void
qrscan_free(struct qrscan *qs)
{
	if (qs == NULL)
		return;
	zbar_image_scanner_destroy(qs->zs);
	free(qs);
}

void
qrscan_result_free(struct qrscan_result *r)
{
	size_t i;

	for (i = 0; i < r->ncodes; i++)
		free(r->codes[i]);
	free(r->codes);
	memset(r, 0, sizeof *r);
}

static void
result_add(struct qrscan_result *r, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < r->ncodes; i++)
		if (strlen(r->codes[i]) == len && memcmp(r->codes[i], s, len) == 0)
			return;
	r->codes = xreallocarray(r->codes, r->ncodes + 1, sizeof *r->codes);
	r->codes[r->ncodes++] = xstrndup(s, len);
}

int
qrscan_grey(struct qrscan *qs, const unsigned char *buf, int w, int h,
    struct qrscan_result *r)
{
	zbar_image_t *zi;
	const zbar_symbol_t *sym;
	int n = 0;

	zi = zbar_image_create();
	zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(zi, (unsigned)w, (unsigned)h);
	zbar_image_set_data(zi, buf, (unsigned long)w * h, NULL);
	if (zbar_scan_image(qs->zs, zi) > 0) {
		for (sym = zbar_image_first_symbol(zi); sym != NULL;
		    sym = zbar_symbol_next(sym)) {
			if (zbar_symbol_get_type(sym) != ZBAR_QRCODE)
				continue;
			result_add(r, zbar_symbol_get_data(sym),
			    zbar_symbol_get_data_length(sym));
			n++;
		}
	}
	zbar_image_destroy(zi);
	return n;
}

static void
zxing_found(void *arg, const char *text, size_t len)
{
	result_add(arg, text, len);
}

static int
any_non_ascii(const struct qrscan_result *r)
{
	size_t i;
	const unsigned char *p;

	for (i = 0; i < r->ncodes; i++)
		for (p = (const unsigned char *)r->codes[i]; *p != '\0'; p++)
			if (*p >= 0x80)
				return 1;
	return 0;
}

/*
 * ZBar, then zxing-cpp when ZBar reads nothing.  A text that is not plain
 * ASCII is read by zxing-cpp too, and its reading kept: ZBar guesses the
 * character set of a code without ECI (Shift_JIS, Big5...) worse.  r holds
 * no code on entry; returns the number of codes found.
 */
static int
decode_grey(struct qrscan *qs, const unsigned char *buf, int w, int h,
    struct qrscan_result *r)
{
	struct qrscan_result z;
	int n;

	if ((n = qrscan_grey(qs, buf, w, h, r)) > 0 && !any_non_ascii(r))
		return n;
	if (!qrscan_has_zxing())
		return n;
	memset(&z, 0, sizeof z);
	if (zxing_grey(buf, w, h, zxing_found, &z) > 0 && z.ncodes > 0) {
		size_t i;

		for (i = 0; i < r->ncodes; i++)
			free(r->codes[i]);
		free(r->codes);
		r->codes = z.codes;
		r->ncodes = z.ncodes;
		return (int)z.ncodes;
	}
	qrscan_result_free(&z);
	return n;
}

/*
 * The cheap test.  Binarise with a threshold per 16x16 tile taken from the
 * 3x3 tiles around it (flat areas are white), find rows with black/white
 * runs in the ratio 1:1:3:1:1, and keep those whose column through the
 * centre shows the same ratio: a QR finder pattern.  Returns the number of
 * distinct centres when three of them sit like a QR's, else 0.
 */
#define TILE 16
/* Tiles whose 3x3 neighbourhood spans fewer grey levels are flat (white).
 * A code printed or lit at 15% contrast spans some 25-40 after JPEG; below
 * 24 the demo card's portraits showed false finders (48 before issue 14). */
#define QRSCAN_FLAT	32

static unsigned char *
binarise(const unsigned char *g, int w, int h)
{
	int tw = (w + TILE - 1) / TILE, th = (h + TILE - 1) / TILE;
	unsigned char *mn = xmalloc((size_t)tw * th), *mx = xmalloc((size_t)tw * th);
	unsigned char *b = xmalloc((size_t)w * h);
	int tx, ty, x, y;

	for (ty = 0; ty < th; ty++)
		for (tx = 0; tx < tw; tx++) {
			unsigned char lo = 255, hi = 0;

			for (y = ty * TILE; y < h && y < (ty + 1) * TILE; y++)
				for (x = tx * TILE; x < w && x < (tx + 1) * TILE;
				    x++) {
					unsigned char v = g[(size_t)y * w + x];

					if (v < lo)
						lo = v;
					if (v > hi)
						hi = v;
				}
			mn[ty * tw + tx] = lo;
			mx[ty * tw + tx] = hi;
		}
	for (ty = 0; ty < th; ty++)
		for (tx = 0; tx < tw; tx++) {
			int lo = 255, hi = 0, dx, dy, thr;

			for (dy = -1; dy <= 1; dy++)
				for (dx = -1; dx <= 1; dx++) {
					int i = ty + dy, j = tx + dx;

					if (i < 0 || j < 0 || i >= th || j >= tw)
						continue;
					if (mn[i * tw + j] < lo)
						lo = mn[i * tw + j];
					if (mx[i * tw + j] > hi)
						hi = mx[i * tw + j];
				}
			thr = hi - lo < QRSCAN_FLAT ? -1 : (lo + hi) / 2;
			for (y = ty * TILE; y < h && y < (ty + 1) * TILE; y++)
				for (x = tx * TILE; x < w && x < (tx + 1) * TILE;
				    x++)
					b[(size_t)y * w + x] =
					    g[(size_t)y * w + x] < thr;
		}
	free(mn);
	free(mx);
	return b;
}

/* Do the five runs c[0..5) look like 1:1:3:1:1? Module size in *mod. */
static int
finder_ratio(const int *c, double *mod)
{
	int i, total = 0;
	double m;

	for (i = 0; i < 5; i++) {
		if (c[i] == 0)
			return 0;
		total += c[i];
	}
	if (total < 7)
		return 0;
	m = total / 7.0;
	for (i = 0; i < 5; i++) {
		double want = i == 2 ? 3 * m : m, tol = i == 2 ? 1.5 * m : 0.75 * m;

		if (c[i] < want - tol || c[i] > want + tol + 1)
			return 0;
	}
	*mod = m;
	return 1;
}

/* Runs around (x, y) down column x: centre black run, then out. */
static int
column_check(const unsigned char *b, int w, int h, int x, int y, double hmod)
{
	int c[5] = { 0, 0, 0, 0, 0 }, yy;
	double m;

	if (!b[(size_t)y * w + x])
		return 0;
	for (yy = y; yy >= 0 && b[(size_t)yy * w + x]; yy--)
		c[2]++;
	for (; yy >= 0 && !b[(size_t)yy * w + x]; yy--)
		c[1]++;
	for (; yy >= 0 && b[(size_t)yy * w + x]; yy--)
		c[0]++;
	for (yy = y + 1; yy < h && b[(size_t)yy * w + x]; yy++)
		c[2]++;
	for (; yy < h && !b[(size_t)yy * w + x]; yy++)
		c[3]++;
	for (; yy < h && b[(size_t)yy * w + x]; yy++)
		c[4]++;
	if (!finder_ratio(c, &m))
		return 0;
	return m < 2.5 * hmod && hmod < 2.5 * m;
}

struct cluster {
	int	x, y, mod, hits;
};

static double
dist2(const struct cluster *a, const struct cluster *b)
{
	double dx = a->x - b->x, dy = a->y - b->y;

	return dx * dx + dy * dy;
}

/* Runs around (x, y) along the diagonal down-right: a finder shows 1:1:3:1:1
 * that way too, which most textures that pass across and down do not. */
static int
diagonal_check(const unsigned char *b, int w, int h, int x, int y, double hmod)
{
	int c[5] = { 0, 0, 0, 0, 0 }, i;
	double m;

#define AT(k)	(x + (k) >= 0 && y + (k) >= 0 && x + (k) < w && y + (k) < h)
#define PX(k)	(b[(size_t)(y + (k)) * w + x + (k)])
	if (!PX(0))
		return 0;
	for (i = 0; AT(i) && PX(i); i--)
		c[2]++;
	for (; AT(i) && !PX(i); i--)
		c[1]++;
	for (; AT(i) && PX(i); i--)
		c[0]++;
	for (i = 1; AT(i) && PX(i); i++)
		c[2]++;
	for (; AT(i) && !PX(i); i++)
		c[3]++;
	for (; AT(i) && PX(i); i++)
		c[4]++;
#undef AT
#undef PX
	if (!finder_ratio(c, &m))
		return 0;
	/* Along the diagonal a module is sqrt(2) times longer. */
	return m < 2.5 * 1.42 * hmod && 1.42 * hmod < 2.5 * m;
}

int
qrscan_finders(const unsigned char *g, int w, int h)
{
	unsigned char *b;
	int (*cen)[3] = NULL;	/* x, y, module */
	struct cluster clu[64];
	int ncen = 0, nclu = 0, x, y, i, found = 0, qr, *rs, *st;

	if (w < 16 || h < 16)
		return 0;
	b = binarise(g, w, h);
	rs = xmalloc(((size_t)w + 1) * sizeof *rs);
	st = xmalloc(((size_t)w + 1) * sizeof *st);
	for (y = 0; y < h; y++) {
		const unsigned char *row = b + (size_t)y * w;
		int n = 0;

		/* The row as runs; rs[i] black when i has the parity of
		 * the first black run. */
		for (x = 0; x < w; x++) {
			if (x == 0 || row[x] != row[x - 1]) {
				st[n] = x;
				rs[n++] = 0;
			}
			rs[n - 1]++;
		}
		for (i = row[0] ? 0 : 1; i + 4 < n; i += 2) {
			double mod;
			int cx;

			if (!finder_ratio(rs + i, &mod))
				continue;
			cx = st[i + 2] + rs[i + 2] / 2;
			if (!column_check(b, w, h, cx, y, mod) ||
			    !diagonal_check(b, w, h, cx, y, mod))
				continue;
			cen = xreallocarray(cen, ncen + 1, sizeof *cen);
			cen[ncen][0] = cx;
			cen[ncen][1] = y;
			cen[ncen][2] = (int)(mod + 1);
			ncen++;
		}
	}
	free(rs);
	free(st);
	/* Distinct centres: hits within three modules are one pattern;
	 * a pattern must show on at least two rows. */
	for (i = 0; i < ncen; i++) {
		int j, d;

		for (j = 0; j < nclu; j++) {
			d = 3 * (cen[i][2] > clu[j].mod ? cen[i][2] : clu[j].mod);
			if (abs(cen[i][0] - clu[j].x) <= d &&
			    abs(cen[i][1] - clu[j].y) <= d)
				break;
		}
		if (j == nclu) {
			if (nclu == (int)(sizeof clu / sizeof clu[0]))
				continue;
			clu[nclu].x = cen[i][0];
			clu[nclu].y = cen[i][1];
			clu[nclu].mod = cen[i][2];
			clu[nclu].hits = 0;
			nclu++;
		}
		clu[j].hits++;
	}
	/* Every row through a finder's 3-module core hits. */
	for (i = 0; i < nclu; i++)
		if (clu[i].hits >= 3 && 2 * clu[i].hits >= 3 * clu[i].mod - 2)
			clu[found++] = clu[i];
	/* A QR shows three finders at the corners of a right isosceles
	 * triangle, 14 to 180 modules apart. */
	qr = 0;
	for (i = 0; i < found && !qr; i++) {
		int j, k;

		for (j = 0; j < found && !qr; j++)
			for (k = j + 1; k < found && !qr; k++) {
				double a2, b2, c2, m;

				if (j == i || k == i)
					continue;
				m = (clu[i].mod + clu[j].mod + clu[k].mod) / 3.0;
				if (2 * clu[j].mod > 3 * clu[k].mod ||
				    2 * clu[k].mod > 3 * clu[j].mod ||
				    2 * clu[i].mod > 3 * clu[k].mod ||
				    2 * clu[k].mod > 3 * clu[i].mod)
					continue;
				a2 = dist2(&clu[i], &clu[j]);
				b2 = dist2(&clu[i], &clu[k]);
				c2 = dist2(&clu[j], &clu[k]);
				if (a2 < 100 * m * m || a2 > 40000 * m * m)
					continue;
				if (a2 > 1.4 * b2 || b2 > 1.4 * a2)
					continue;
				if (c2 < 1.6 * (a2 + b2) / 2 ||
				    c2 > 2.4 * (a2 + b2) / 2)
					continue;
				qr = 1;
			}
	}
	free(cen);
	free(b);
	return qr ? found : 0;
}

/* The second try on a frame with finder patterns: the finder test's own
 * black and white (a threshold per tile), which low contrast, glare and
 * uneven light spoil less than the decoders' own binarising. */
static int
decode_binarised(struct qrscan *qs, const unsigned char *g, int w, int h,
    struct qrscan_result *r)
{
	unsigned char *b = binarise(g, w, h);
	size_t i, n = (size_t)w * h;
	int k;

	for (i = 0; i < n; i++)
		b[i] = b[i] ? 0 : 255;
	k = decode_grey(qs, b, w, h, r);
	free(b);
	return k;
}

static int
is_jpeg_name(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot != NULL && (strcasecmp(dot, ".jpg") == 0 ||
	    strcasecmp(dot, ".jpeg") == 0);
}

/* The image at 1/shrink as 8-bit grey, in a g_malloc'd buffer. */
static unsigned char *
load_grey(const char *path, int shrink, int *w, int *h, char **cause)
{
	VipsImage *in = NULL, *t = NULL;
	unsigned char *buf = NULL;
	size_t size;

	if (is_jpeg_name(path))
		(void)vips_jpegload(path, &in, "shrink", shrink, "fail_on",
		    VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
	else {
		in = vips_image_new_from_file(path, "access",
		    VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
		if (in != NULL && shrink > 1) {
			if (vips_resize(in, &t, 1.0 / shrink, NULL) != 0)
				goto fail;
			g_object_unref(in);
			in = t;
			t = NULL;
		}
	}
	if (in == NULL)
		goto fail;
	if (in->Bands > 2 || in->BandFmt != VIPS_FORMAT_UCHAR) {
		if (vips_colourspace(in, &t, VIPS_INTERPRETATION_B_W, NULL) != 0)
			goto fail;
		g_object_unref(in);
		in = t;
		t = NULL;
	}
	if (in->Bands > 1) {	/* grey + alpha */
		if (vips_extract_band(in, &t, 0, NULL) != 0)
			goto fail;
		g_object_unref(in);
		in = t;
		t = NULL;
	}
	if (in->BandFmt != VIPS_FORMAT_UCHAR) {
		if (vips_cast_uchar(in, &t, NULL) != 0)
			goto fail;
		g_object_unref(in);
		in = t;
		t = NULL;
	}
	buf = vips_image_write_to_memory(in, &size);
	if (buf == NULL)
		goto fail;
	*w = in->Xsize;
	*h = in->Ysize;
	g_object_unref(in);
	return buf;
fail:
	{
		const char *e = vips_error_buffer();
		const char *nl = strchr(e, '\n');
		int len = nl != NULL ? (int)(nl - e) : (int)strlen(e);

		*cause = xasprintf(_("cannot decode image: %.*s"), len, e);
		vips_error_clear();
	}
	if (in != NULL)
		g_object_unref(in);
	if (t != NULL)
		g_object_unref(t);
	return NULL;
}

int
qrscan_file(struct qrscan *qs, const char *path, int width, int height,
    int full, struct qrscan_result *r, char **cause)
{
	unsigned char *g;
	int shrink = 8, w, h, shortest, finders, looks = 0, small = 0;

	memset(r, 0, sizeof *r);
	if (qrscan_vips_init(cause) != 0)
		return -1;
	if (width <= 0 || height <= 0) {
		VipsImage *hd = vips_image_new_from_file(path, NULL);

		if (hd == NULL) {
			*cause = xasprintf(_("cannot read image: %s"),
			    vips_error_buffer());
			vips_error_clear();
			return -1;
		}
		width = hd->Xsize;
		height = hd->Ysize;
		g_object_unref(hd);
	}
	shortest = width < height ? width : height;
	if (full)
		shrink = 1;
	while (shrink > 1 && shortest / shrink < QRSCAN_MIN_SHORT)
		shrink /= 2;

	for (;;) {
		g = load_grey(path, shrink, &w, &h, cause);
		if (g == NULL)
			return -1;
		r->shrink = shrink;
		if (decode_grey(qs, g, w, h, r) > 0) {
			r->qr_like = 0;
			g_free(g);
			return 0;
		}
		/* The small frame's full look: finders of a code so small
		 * are too few pixels for the test. */
		finders = small ? 0 : qrscan_finders(g, w, h);
		if (finders > 0 && decode_binarised(qs, g, w, h, r) > 0) {
			r->qr_like = 0;
			g_free(g);
			return 0;
		}
		g_free(g);
		if (finders == 0) {
			/* A small frame gets one look in full: its small
			 * codes have no finders to see at half size. */
			if (shrink == 1 || looks > 0 || r->qr_like ||
			    (long long)width * height > QRSCAN_SMALL_FRAME)
				return 0;
			looks++;
			shrink = 1;
			small = 1;
			continue;
		}
		r->qr_like = 1;
		/* One closer look; a code neither decoder reads at twice
		 * the scale is left to the operator. */
		if (shrink == 1 || shortest / shrink > QRSCAN_MAX_SHORT ||
		    ++looks > 1)
			return 0;
		shrink /= 2;
	}
}

int
qrscan_check(const char *path, char **cause)
{
	unsigned char *g;
	int w, h;

	if (qrscan_vips_init(cause) != 0)
		return -1;
	if ((g = load_grey(path, 8, &w, &h, cause)) == NULL)
		return -1;
	g_free(g);
	return 0;
}
