/*
 * qr-hard: makes camera-like frames of QR codes that are hard to read, for
 * bench-qr-robust.sh and tests/cli/qr-hard.sh.  Real QR renders
 * (libqrencode, level M as picday's cards) are drawn into a photograph
 * through a camera model (rotation, tilt in perspective), then spoilt with
 * libvips: motion blur, defocus, low contrast, small size, JPEG Q60, glare,
 * a hand over part of the code; and (only when named) "damaged": a code
 * whose data modules are scribbled over beyond any decoding, its three
 * finder patterns intact.
 *
 * usage: qr-hard BACKGROUND.jpg OUTDIR PER-CASE [CASE...]
 * Writes OUTDIR/CASE-NN.jpg (1280x960) and prints "CASE-NN.jpg TEXT" per
 * frame on stdout.  The same arguments always give the same frames.
 * Build: cc -O2 qr-hard.c $(pkg-config --cflags --libs vips libqrencode) -lm
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>
#include <vips/vips.h>

#define W	1280
#define H	960

static const char *cases[] = { "blur", "defocus", "perspective", "rotation",
	"contrast", "small", "q60", "glare", "hand" };
#define NCASES	(int)(sizeof cases / sizeof cases[0])

static unsigned long long rng = 88172645463325252ULL;

static double
rnd(double lo, double hi)	/* xorshift: same frames on every machine */
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return lo + (hi - lo) * (double)(rng >> 11) / 9007199254740992.0;
}

struct shot {
	double	cx, cy, size;	/* centre, symbol side in pixels */
	double	rot, tilt, axis;	/* radians */
	double	paper, ink;	/* grey levels 0..255 */
	double	glare_r;	/* in symbol sides; 0 none */
	double	glare_x, glare_y;
	double	hand_r;		/* in symbol sides; 0 none */
	double	blur_len, blur_ang, defocus;
	int	q;
	int	damaged;
};

/* Code coordinates (modules, symbol from 0 to w) seen at pixel (X, Y). */
static void
unproject(const struct shot *s, int w, double X, double Y, double *u, double *v)
{
	double d = 2.5 * s->size, x, y, a, b;

	X -= s->cx;
	Y -= s->cy;
	/* into the tilt's frame */
	a = X * cos(s->axis) + Y * sin(s->axis);
	b = -X * sin(s->axis) + Y * cos(s->axis);
	/* undo the tilt about the frame's vertical axis (camera at d) */
	x = a * d / (d * cos(s->tilt) - a * sin(s->tilt));
	y = b * (d + x * sin(s->tilt)) / d;
	/* back, then undo the code's own rotation */
	a = x * cos(s->axis) - y * sin(s->axis);
	b = x * sin(s->axis) + y * cos(s->axis);
	x = a * cos(-s->rot) - b * sin(-s->rot);
	y = a * sin(-s->rot) + b * cos(-s->rot);
	*u = (x / s->size + 0.5) * w;
	*v = (y / s->size + 0.5) * w;
}

static void
draw(unsigned char *rgb, const QRcode *qr, const struct shot *s)
{
	int w = qr->width, X, Y, k, sx, sy;

	for (Y = 0; Y < H; Y++)
		for (X = 0; X < W; X++) {
			double acc = 0, cover = 0;
			unsigned char *p = rgb + 3 * ((size_t)Y * W + X);

			/* the code with its quiet zone lies within this */
			if (fabs(X - s->cx) > 1.3 * s->size ||
			    fabs(Y - s->cy) > 1.3 * s->size)
				continue;

			for (sy = 0; sy < 3; sy++)
				for (sx = 0; sx < 3; sx++) {
					double u, v;
					int iu, iv;

					unproject(s, w, X + (sx + 0.5) / 3,
					    Y + (sy + 0.5) / 3, &u, &v);
					/* quiet zone of four modules */
					if (u < -4 || v < -4 || u >= w + 4 ||
					    v >= w + 4)
						continue;
					cover += 1;
					iu = (int)floor(u);
					iv = (int)floor(v);
					if (iu >= 0 && iv >= 0 && iu < w && iv < w &&
					    (qr->data[iv * w + iu] & 1))
						acc += s->ink;
					else
						acc += s->paper;
				}
			if (cover == 0)
				continue;
			for (k = 0; k < 3; k++)
				p[k] = (unsigned char)((p[k] * (9 - cover) + acc) /
				    9 + 0.5);
		}
	if (s->glare_r > 0) {
		double gx = s->cx + s->glare_x * s->size;
		double gy = s->cy + s->glare_y * s->size;
		double r = s->glare_r * s->size;

		for (Y = 0; Y < H; Y++)
			for (X = 0; X < W; X++) {
				double d2 = ((X - gx) * (X - gx) + (Y - gy) *
				    (Y - gy)) / (r * r);
				double g = 1.6 * exp(-d2);
				unsigned char *p = rgb + 3 * ((size_t)Y * W + X);

				if (g < 0.01)
					continue;
				for (k = 0; k < 3; k++) {
					double c = p[k] + g * 255;

					p[k] = c > 255 ? 255 : (unsigned char)c;
				}
			}
	}
	if (s->hand_r > 0) {
		/* A thumb over the lower right corner (no finder there). */
		double hx = s->cx + 0.5 * s->size, hy = s->cy + 0.5 * s->size;
		double r = s->hand_r * s->size;
		static const double skin[3] = { 205, 150, 120 };

		for (Y = 0; Y < H; Y++)
			for (X = 0; X < W; X++) {
				double dx = (X - hx) / (1.6 * r), dy = (Y - hy) / r;
				double d = sqrt(dx * dx + dy * dy);
				unsigned char *p = rgb + 3 * ((size_t)Y * W + X);

				if (d > 1)
					continue;
				for (k = 0; k < 3; k++)
					p[k] = (unsigned char)(skin[k] *
					    (1 - 0.35 * d * d));
			}
	}
}

static void
shot_make(struct shot *s, const char *c)
{
	memset(s, 0, sizeof *s);
	s->size = rnd(250, 420);
	s->cx = rnd(0.8 * s->size, W - 0.8 * s->size);
	s->cy = rnd(0.8 * s->size, H - 0.8 * s->size);
	s->rot = rnd(-0.15, 0.15);
	s->tilt = rnd(-0.15, 0.15);
	s->axis = rnd(0, M_PI);
	s->paper = rnd(200, 245);
	s->ink = rnd(20, 50);
	s->q = 95;
	if (strcmp(c, "blur") == 0) {
		s->blur_len = rnd(6, 13);
		s->blur_ang = rnd(0, M_PI);
	} else if (strcmp(c, "defocus") == 0)
		s->defocus = rnd(1.5, 3.5);
	else if (strcmp(c, "perspective") == 0)
		s->tilt = (rnd(0, 1) < 0.5 ? -1 : 1) * rnd(25, 40) * M_PI / 180;
	else if (strcmp(c, "rotation") == 0)
		s->rot = rnd(15, 345) * M_PI / 180;
	else if (strcmp(c, "contrast") == 0) {
		s->paper = rnd(150, 230);
		s->ink = s->paper * 0.85;
	} else if (strcmp(c, "small") == 0) {
		s->size = rnd(40, 60);
		s->cx = rnd(100, W - 100);
		s->cy = rnd(100, H - 100);
	} else if (strcmp(c, "q60") == 0) {
		s->size = rnd(90, 140);
		s->cx = rnd(100, W - 100);
		s->cy = rnd(100, H - 100);
		s->q = 60;
	} else if (strcmp(c, "glare") == 0) {
		s->glare_r = rnd(0.12, 0.22);
		s->glare_x = rnd(-0.25, 0.25);
		s->glare_y = rnd(-0.25, 0.25);
	} else if (strcmp(c, "hand") == 0)
		s->hand_r = rnd(0.25, 0.38);
	else if (strcmp(c, "damaged") == 0) {
		s->damaged = 1;
		s->rot = 0;
		s->tilt = 0;
	}
}

/* Flips about half the modules outside the finder patterns. */
static void
damage(QRcode *qr)
{
	int w = qr->width, x, y;

	for (y = 0; y < w; y++)
		for (x = 0; x < w; x++) {
			if ((x < 8 && y < 8) || (x >= w - 8 && y < 8) ||
			    (x < 8 && y >= w - 8))
				continue;
			if (rnd(0, 1) < 0.5)
				qr->data[y * w + x] ^= 1;
		}
}

static int
frame(VipsImage *bg, const char *dir, const char *c, int n)
{
	struct shot s;
	QRcode *qr;
	VipsImage *crop, *im, *t;
	unsigned char *rgb;
	size_t len;
	char text[32], path[4096];
	int ok;

	shot_make(&s, c);
	snprintf(text, sizeof text, "%d", (int)rnd(1000, 999999));
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return -1;
	if (s.damaged)
		damage(qr);
	if (vips_crop(bg, &crop, (int)rnd(0, bg->Xsize - W),
	    (int)rnd(0, bg->Ysize - H), W, H, NULL) != 0)
		return -1;
	rgb = vips_image_write_to_memory(crop, &len);
	g_object_unref(crop);
	if (rgb == NULL)
		return -1;
	draw(rgb, qr, &s);
	QRcode_free(qr);
	im = vips_image_new_from_memory(rgb, len, W, H, 3, VIPS_FORMAT_UCHAR);
	if (s.blur_len > 0) {
		/* a line of blur_len pixels at blur_ang, as a convolution */
		int m = (int)ceil(s.blur_len) | 1, i;
		VipsImage *mask = vips_image_new_matrix(m, m);

		for (i = 0; i < 8 * m; i++) {
			double f = (double)i / (8 * m - 1) - 0.5;
			int x = (int)lround(m / 2 + f * s.blur_len *
			    cos(s.blur_ang)), y = (int)lround(m / 2 + f *
			    s.blur_len * sin(s.blur_ang));

			if (x >= 0 && y >= 0 && x < m && y < m)
				*VIPS_MATRIX(mask, x, y) += 1;
		}
		vips_image_set_double(mask, "scale", 8 * m);
		ok = vips_conv(im, &t, mask, "precision", VIPS_PRECISION_FLOAT,
		    NULL);
		g_object_unref(mask);
		g_object_unref(im);
		if (ok != 0)
			return -1;
		im = t;
	}
	if (s.defocus > 0) {
		ok = vips_gaussblur(im, &t, s.defocus, NULL);
		g_object_unref(im);
		if (ok != 0)
			return -1;
		im = t;
	}
	if (im->BandFmt != VIPS_FORMAT_UCHAR) {
		ok = vips_cast_uchar(im, &t, NULL);
		g_object_unref(im);
		if (ok != 0)
			return -1;
		im = t;
	}
	snprintf(path, sizeof path, "%s/%s-%02d.jpg", dir, c, n);
	ok = vips_jpegsave(im, path, "Q", s.q, NULL);
	g_object_unref(im);
	g_free(rgb);
	if (ok != 0)
		return -1;
	printf("%s-%02d.jpg %s\n", c, n, text);
	return 0;
}

int
main(int argc, char **argv)
{
	VipsImage *bg, *t;
	int per, i, j, k;

	if (argc < 4) {
		fprintf(stderr, "usage: qr-hard BACKGROUND OUTDIR PER-CASE "
		    "[CASE...]\n");
		return 2;
	}
	if (VIPS_INIT(argv[0]))
		return 1;
	per = atoi(argv[3]);
	if ((bg = vips_image_new_from_file(argv[1], NULL)) == NULL)
		goto fail;
	/* colour, 8-bit, at least a frame large */
	if (vips_colourspace(bg, &t, VIPS_INTERPRETATION_sRGB, NULL) != 0)
		goto fail;
	g_object_unref(bg);
	bg = t;
	if (bg->Bands > 3) {
		if (vips_extract_band(bg, &t, 0, "n", 3, NULL) != 0)
			goto fail;
		g_object_unref(bg);
		bg = t;
	}
	if (bg->Xsize < W + 64 || bg->Ysize < H + 64) {
		double sc = fmax((W + 64.0) / bg->Xsize, (H + 64.0) / bg->Ysize);

		if (vips_resize(bg, &t, sc, NULL) != 0)
			goto fail;
		g_object_unref(bg);
		bg = t;
	}
	if ((t = vips_image_copy_memory(bg)) == NULL)
		goto fail;
	g_object_unref(bg);
	bg = t;
	if (argc == 4)
		for (i = 0; i < NCASES; i++)
			for (j = 0; j < per; j++)
				if (frame(bg, argv[2], cases[i], j + 1) != 0)
					goto fail;
	for (k = 4; k < argc; k++)
		for (j = 0; j < per; j++)
			if (frame(bg, argv[2], argv[k], j + 1) != 0)
				goto fail;
	g_object_unref(bg);
	return 0;
fail:
	fprintf(stderr, "qr-hard: %s", vips_error_buffer());
	return 1;
}
