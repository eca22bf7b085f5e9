/*
 * media/termpic: a picture for a character terminal — an image file shrunk
 * on load with libvips and turned by chafa into a grid of symbols (half
 * blocks and quadrants) with palette colours.  Drawing the grid is the
 * caller's (tui/view-frames draws it with ncurses); nothing here writes to
 * the terminal, so it works the same over plain SSH.  Symbols only: no
 * sixel or kitty graphics (they cannot live inside an ncurses screen).
 *
 * libvips starts (media/vips.h) at the first termpic_make(), not before.
 * Threads: reentrant.  Errors: -1 with *cause (caller frees, one line).
 */
#ifndef PICDAY_MEDIA_TERMPIC_H
#define PICDAY_MEDIA_TERMPIC_H

#include <stdint.h>

enum termpic_colours {
	TERMPIC_MONO,		/* symbols only, default colours */
	TERMPIC_8,
	TERMPIC_16,
	TERMPIC_256
};

struct termpic_cell {
	uint32_t	 ch;		/* a Unicode character, 0: none */
	short		 fg, bg;	/* palette index, -1: default */
};

struct termpic {
	int			 w, h;	/* cells */
	struct termpic_cell	*cells;	/* h rows of w */
};

/* Fits the picture at path in max_w x max_h cells (a cell is about twice
 * as high as wide), upright by its EXIF orientation. */
int	termpic_make(const char *path, int max_w, int max_h,
	    enum termpic_colours, struct termpic *, char **cause);
/* The same, turned rot degrees clockwise (0 90 180 270) after EXIF. */
int	termpic_make_turned(const char *path, int rot, int max_w, int max_h,
	    enum termpic_colours, struct termpic *, char **cause);
void	termpic_free(struct termpic *);

#endif
