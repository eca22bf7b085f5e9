/*
 * cardgen-draw: the pictures of the simulated camera card (cardgen.c's
 * private half): studio portraits, a printed QR sheet held up before the
 * camera, and test shots, drawn with cairo.  Deterministic for a seed.
 * Threads: reentrant; each call draws on the caller's own cairo context.
 */
#ifndef PICDAY_MEDIA_CARDGEN_DRAW_H
#define PICDAY_MEDIA_CARDGEN_DRAW_H

#include <stdint.h>

#include <cairo.h>

struct cardgen_subject;

/* The small PRNG of the card (splitmix64): same seed, same card. */
static inline uint64_t
cardgen_rand(uint64_t *s)
{
	uint64_t	z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
static inline int
cardgen_range(uint64_t *s, int lo, int hi)
{
	return lo + (int)(cardgen_rand(s) % (uint64_t)(hi - lo + 1));
}

/* A uniform double in [lo, hi). */
static inline double
cardgen_uniform(uint64_t *s, double lo, double hi)
{
	return lo + (hi - lo) * (double)(cardgen_rand(s) >> 11) /
	    9007199254740992.0;
}

/* How one student looks in every frame (chosen once per student). */
struct cardgen_look {
	double	back[2][3];	/* backdrop gradient, top and bottom */
	double	skin[3];
	double	hair[3];
	double	shirt[3];
	double	size;		/* head radius as a share of the height */
	int	long_hair;
};

void	cardgen_look_make(struct cardgen_look *, uint64_t seed);
/* A portrait of look on its backdrop, posed a little differently per seed. */
void	cardgen_draw_portrait(cairo_t *, int w, int h,
	    const struct cardgen_look *, uint64_t seed);
/*
 * The student holding up the printed QR sheet of its session (the code and
 * the name in text) before a darker backdrop; the code fills 20-35% of the
 * short edge.  0, or -1 when libqrencode fails.
 */
int	cardgen_draw_qr(cairo_t *, int w, int h, const struct cardgen_look *,
	    const struct cardgen_subject *, uint64_t seed);
/* A test shot: the backdrop and a colour chart, nobody in it. */
void	cardgen_draw_test(cairo_t *, int w, int h,
	    const struct cardgen_look *, uint64_t seed);

#endif
