/*
 * cardgen-draw: draws the frames of the simulated camera card with cairo
 * (see cardgen-draw.h).  Shapes only, no photographs: a backdrop gradient,
 * a head-and-shoulders figure, a white printed card with a QR code and text.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <qrencode.h>

#include "media/cardgen-draw.h"
#include "media/cardgen-subject.h"

/* Text is drawn by one card-generator thread at a time: cairo's toy font
 * faces go through fontconfig and FreeType, and three runs under load died
 * of heap corruption in a multi-threaded demo or render (never reproduced,
 * cause not proven).  Text is a small part of a frame's time. */
static pthread_mutex_t cardgen_text_lock = PTHREAD_MUTEX_INITIALIZER;

static const double cardgen_skins[][3] = {
	{ 0.96, 0.80, 0.69 }, { 0.89, 0.69, 0.55 }, { 0.78, 0.57, 0.42 },
	{ 0.62, 0.43, 0.30 }, { 0.45, 0.30, 0.20 }, { 0.33, 0.22, 0.15 },
};
static const double cardgen_hairs[][3] = {
	{ 0.08, 0.06, 0.05 }, { 0.25, 0.16, 0.09 }, { 0.45, 0.30, 0.16 },
	{ 0.78, 0.62, 0.35 }, { 0.55, 0.22, 0.10 }, { 0.15, 0.12, 0.10 },
};
static const double cardgen_shirts[][3] = {
	{ 0.10, 0.20, 0.55 }, { 0.70, 0.10, 0.12 }, { 0.12, 0.45, 0.25 },
	{ 0.85, 0.85, 0.82 }, { 0.20, 0.20, 0.22 }, { 0.55, 0.35, 0.60 },
	{ 0.90, 0.60, 0.15 }, { 0.30, 0.55, 0.70 },
};
static const double cardgen_backs[][2][3] = {
	{ { 0.35, 0.50, 0.70 }, { 0.10, 0.18, 0.35 } },	/* blue */
	{ { 0.60, 0.60, 0.62 }, { 0.25, 0.25, 0.27 } },	/* grey */
	{ { 0.55, 0.45, 0.35 }, { 0.22, 0.15, 0.10 } },	/* brown */
	{ { 0.40, 0.55, 0.45 }, { 0.12, 0.22, 0.16 } },	/* green */
};

#define CARDGEN_NELEM(a) (sizeof (a) / sizeof (a)[0])

static void
cardgen_copy3(double *to, const double *from, uint64_t *s, double jitter)
{
	int	i;

	for (i = 0; i < 3; i++) {
		to[i] = from[i] + cardgen_uniform(s, -jitter, jitter);
		to[i] = to[i] < 0 ? 0 : to[i] > 1 ? 1 : to[i];
	}
}

void
cardgen_look_make(struct cardgen_look *l, uint64_t seed)
{
	uint64_t	s = seed;
	int		b;

	b = cardgen_range(&s, 0, CARDGEN_NELEM(cardgen_backs) - 1);
	cardgen_copy3(l->back[0], cardgen_backs[b][0], &s, 0.05);
	cardgen_copy3(l->back[1], cardgen_backs[b][1], &s, 0.03);
	cardgen_copy3(l->skin, cardgen_skins[cardgen_range(&s, 0,
	    CARDGEN_NELEM(cardgen_skins) - 1)], &s, 0.03);
	cardgen_copy3(l->hair, cardgen_hairs[cardgen_range(&s, 0,
	    CARDGEN_NELEM(cardgen_hairs) - 1)], &s, 0.03);
	cardgen_copy3(l->shirt, cardgen_shirts[cardgen_range(&s, 0,
	    CARDGEN_NELEM(cardgen_shirts) - 1)], &s, 0.05);
	l->size = cardgen_uniform(&s, 0.11, 0.14);
	l->long_hair = cardgen_range(&s, 0, 1);
}

static void
cardgen_rgb(cairo_t *cr, const double *c, double k)
{
	cairo_set_source_rgb(cr, c[0] * k, c[1] * k, c[2] * k);
}

static void
cardgen_backdrop_paint(cairo_t *cr, int w, int h,
    const struct cardgen_look *l, double k, double cx)
{
	cairo_pattern_t	*p;

	p = cairo_pattern_create_linear(0, 0, 0, h);
	cairo_pattern_add_color_stop_rgb(p, 0, l->back[0][0] * k,
	    l->back[0][1] * k, l->back[0][2] * k);
	cairo_pattern_add_color_stop_rgb(p, 1, l->back[1][0] * k,
	    l->back[1][1] * k, l->back[1][2] * k);
	cairo_set_source(cr, p);
	cairo_paint(cr);
	cairo_pattern_destroy(p);

	/* The background light: a soft glow behind the subject. */
	p = cairo_pattern_create_radial(cx, h * 0.45, 0, cx, h * 0.45, h * 0.6);
	cairo_pattern_add_color_stop_rgba(p, 0, 1, 1, 1, 0.25 * k);
	cairo_pattern_add_color_stop_rgba(p, 1, 1, 1, 1, 0);
	cairo_set_source(cr, p);
	cairo_paint(cr);
	cairo_pattern_destroy(p);
}

/*
 * The backdrop is smooth: drawn at 1/8 size and scaled up, since pixman's
 * gradients at full size cost more than all the rest of a frame.
 */
static void
cardgen_backdrop(cairo_t *cr, int w, int h, const struct cardgen_look *l,
    double k, double cx)
{
	cairo_surface_t	*small;
	cairo_t		*sc;
	int		 sw = w / 8 + 2, sh = h / 8 + 2;

	small = cairo_image_surface_create(CAIRO_FORMAT_RGB24, sw, sh);
	sc = cairo_create(small);
	cairo_scale(sc, (double)sw / w, (double)sh / h);
	cardgen_backdrop_paint(sc, w, h, l, k, cx);
	cairo_destroy(sc);

	cairo_save(cr);
	cairo_scale(cr, (double)w / sw, (double)h / sh);
	cairo_set_source_surface(cr, small, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
	cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(small);
}

static void
cardgen_ellipse(cairo_t *cr, double x, double y, double rx, double ry)
{
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, rx, ry);
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
	cairo_restore(cr);
}

/* A head-and-shoulders figure, head centred at (cx, cy), radius r. */
static void
cardgen_figure(cairo_t *cr, int h, const struct cardgen_look *l, double cx,
    double cy, double r, double tilt)
{
	cairo_pattern_t	*p;
	double		 sy = cy + r * 2.6;

	/* Shoulders and body, down past the bottom edge. */
	cairo_new_path(cr);
	cairo_move_to(cr, cx - r * 2.8, h + 10);
	cairo_curve_to(cr, cx - r * 2.8, sy - r * 0.2, cx - r * 1.8,
	    sy - r * 0.9, cx, sy - r * 0.9);
	cairo_curve_to(cr, cx + r * 1.8, sy - r * 0.9, cx + r * 2.8,
	    sy - r * 0.2, cx + r * 2.8, h + 10);
	cairo_close_path(cr);
	cardgen_rgb(cr, l->shirt, 1);
	cairo_fill(cr);

	cairo_save(cr);
	cairo_translate(cr, cx, cy);
	cairo_rotate(cr, tilt);
	if (l->long_hair) {
		cairo_rectangle(cr, -r * 1.05, -r * 0.2, r * 2.1, r * 2.1);
		cardgen_rgb(cr, l->hair, 1);
		cairo_fill(cr);
	}
	/* Neck. */
	cairo_rectangle(cr, -r * 0.38, r * 0.5, r * 0.76, r * 1.3);
	cardgen_rgb(cr, l->skin, 0.85);
	cairo_fill(cr);
	/* Hair, then the face over it. */
	cardgen_ellipse(cr, 0, -r * 0.12, r * 1.06, r * 1.2);
	cardgen_rgb(cr, l->hair, 1);
	cairo_fill(cr);
	cardgen_ellipse(cr, 0, r * 0.12, r * 0.86, r * 1.04);
	p = cairo_pattern_create_radial(-r * 0.3, -r * 0.1, r * 0.1, 0, 0,
	    r * 1.1);
	cairo_pattern_add_color_stop_rgb(p, 0, l->skin[0], l->skin[1],
	    l->skin[2]);
	cairo_pattern_add_color_stop_rgb(p, 1, l->skin[0] * 0.8,
	    l->skin[1] * 0.8, l->skin[2] * 0.8);
	cairo_set_source(cr, p);
	cairo_fill(cr);
	cairo_pattern_destroy(p);
	/* Eyes and a smile. */
	cairo_set_source_rgb(cr, 0.1, 0.08, 0.07);
	cardgen_ellipse(cr, -r * 0.32, r * 0.02, r * 0.08, r * 0.06);
	cardgen_ellipse(cr, r * 0.32, r * 0.02, r * 0.08, r * 0.06);
	cairo_fill(cr);
	cairo_set_line_width(cr, r * 0.05);
	cairo_arc(cr, 0, r * 0.35, r * 0.3, 0.2 * M_PI, 0.8 * M_PI);
	cairo_set_source_rgb(cr, 0.5, 0.2, 0.2);
	cairo_stroke(cr);
	cairo_restore(cr);
}

void
cardgen_draw_portrait(cairo_t *cr, int w, int h,
    const struct cardgen_look *l, uint64_t seed)
{
	uint64_t	s = seed;
	double		r, cx, cy;

	r = h * l->size * cardgen_uniform(&s, 0.93, 1.07);
	cx = w * 0.5 + w * cardgen_uniform(&s, -0.06, 0.06);
	cy = h * 0.40 + h * cardgen_uniform(&s, -0.04, 0.04);
	cardgen_backdrop(cr, w, h, l, 1, cx);
	cardgen_figure(cr, h, l, cx, cy, r, cardgen_uniform(&s, -0.12, 0.12));
}

/* Sets the font size so that text fits in width, at most size. */
static void
cardgen_fit(cairo_t *cr, const char *text, double width, double size)
{
	cairo_text_extents_t	e;

	cairo_set_font_size(cr, size);
	cairo_text_extents(cr, text, &e);
	if (e.x_advance > width)
		cairo_set_font_size(cr, size * width / e.x_advance);
}

static const char *
cardgen_str(const char *s)
{
	return s != NULL ? s : "";
}

int
cardgen_draw_qr(cairo_t *cr, int w, int h, const struct cardgen_look *l,
    const struct cardgen_subject *sub, uint64_t seed)
{
	uint64_t	 s = seed;
	QRcode		*qr;
	char		 text[5][256];
	double		 q, m, cw, ch, fs, a, bw, bh, x, y, r, lo, hi;
	int		 i, j, lines = 0;

	snprintf(text[0], sizeof text[0], "%lld", sub->number);
	qr = QRcode_encodeString(text[0], 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL)
		return -1;

	r = h * l->size;
	cardgen_backdrop(cr, w, h, l, 0.45, w * 0.5);
	cardgen_figure(cr, h, l, w * 0.5, h * 0.30, r, 0);

	/* The printed sheet: quiet zone, code, then the name in text. */
	q = (w < h ? w : h) * cardgen_uniform(&s, 0.20, 0.35);
	m = q / qr->width;
	fs = q * 0.085;
	snprintf(text[lines++], sizeof text[0], "%s %s",
	    cardgen_str(sub->first_name), cardgen_str(sub->last_name));
	snprintf(text[lines++], sizeof text[0], "ID %s  Grade %s",
	    cardgen_str(sub->student_id), cardgen_str(sub->grade));
	snprintf(text[lines++], sizeof text[0], "%s",
	    cardgen_str(sub->teacher));
	snprintf(text[lines++], sizeof text[0], "%s",
	    cardgen_str(sub->organization));
	snprintf(text[lines++], sizeof text[0], "Session %lld", sub->number);
	cw = q + 8 * m;
	ch = 4 * m + q + 2 * m + lines * fs * 1.35 + 2 * m;

	/* Held at a slight angle, somewhere in the lower middle. */
	a = cardgen_uniform(&s, -0.12, 0.12);
	bw = cw * fabs(cos(a)) + ch * fabs(sin(a));
	bh = cw * fabs(sin(a)) + ch * fabs(cos(a));
	x = cardgen_uniform(&s, bw / 2 + w * 0.03, w - bw / 2 - w * 0.03);
	lo = bh / 2 + h * 0.03;
	hi = h - bh / 2 - h * 0.03;
	if (lo < h * 0.5 && hi > h * 0.5)
		lo = h * 0.5;
	y = hi > lo ? cardgen_uniform(&s, lo, hi) : h * 0.5;

	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_rotate(cr, a);
	cairo_translate(cr, -cw / 2, -ch / 2);

	/* A shadow, the sheet, the hands holding it. */
	cairo_rectangle(cr, m * 0.6, m * 0.8, cw, ch);
	cairo_set_source_rgba(cr, 0, 0, 0, 0.35);
	cairo_fill(cr);
	cairo_rectangle(cr, 0, 0, cw, ch);
	cairo_set_source_rgb(cr, 0.96, 0.96, 0.94);
	cairo_fill(cr);
	cardgen_ellipse(cr, 0, ch * 0.85, m * 2.2, m * 3.2);
	cardgen_ellipse(cr, cw, ch * 0.85, m * 2.2, m * 3.2);
	cardgen_rgb(cr, l->skin, 0.95);
	cairo_fill(cr);

	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	for (i = 0; i < qr->width; i++)
		for (j = 0; j < qr->width; j++)
			if (qr->data[i * qr->width + j] & 1)
				cairo_rectangle(cr, 4 * m + j * m,
				    4 * m + i * m, m, m);
	cairo_fill(cr);

	pthread_mutex_lock(&cardgen_text_lock);
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_BOLD);
	for (i = 0; i < lines; i++) {
		if (i == 1)
			cairo_select_font_face(cr, "sans-serif",
			    CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
		cardgen_fit(cr, text[i], cw - 4 * m, i == 0 ? fs * 1.15 : fs);
		cairo_move_to(cr, 2 * m, 4 * m + q + 2 * m + (i + 1) * fs *
		    1.35 - fs * 0.3);
		cairo_show_text(cr, text[i]);
	}
	pthread_mutex_unlock(&cardgen_text_lock);
	cairo_restore(cr);
	QRcode_free(qr);
	return 0;
}

void
cardgen_draw_test(cairo_t *cr, int w, int h, const struct cardgen_look *l,
    uint64_t seed)
{
	uint64_t	s = seed;
	double		cell, x0, y0;
	int		i, j;

	cardgen_backdrop(cr, w, h, l, 1, w * 0.5);
	cell = h * cardgen_uniform(&s, 0.06, 0.09);
	x0 = w * 0.5 - 3 * cell + w * cardgen_uniform(&s, -0.1, 0.1);
	y0 = h * 0.5 - 2 * cell + h * cardgen_uniform(&s, -0.1, 0.1);
	cairo_rectangle(cr, x0 - cell * 0.3, y0 - cell * 0.3, cell * 6.6,
	    cell * 4.6);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_fill(cr);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 6; j++) {
			uint64_t	c = (uint64_t)(i * 6 + j) * 2654435761u;

			if (i == 3)
				cairo_set_source_rgb(cr, 1 - j / 5.0,
				    1 - j / 5.0, 1 - j / 5.0);
			else
				cairo_set_source_rgb(cr,
				    0.15 + (c & 0xff) / 340.0,
				    0.15 + (c >> 8 & 0xff) / 340.0,
				    0.15 + (c >> 16 & 0xff) / 340.0);
			cairo_rectangle(cr, x0 + j * cell + cell * 0.05,
			    y0 + i * cell + cell * 0.05, cell * 0.9,
			    cell * 0.9);
			cairo_fill(cr);
		}
}
