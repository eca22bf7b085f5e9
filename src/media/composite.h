/*
 * media/composite: class composites as a PDF (cairo), one page per class.
 *
 * Each page: the school, the class and the school year as a title; the
 * class's teachers (lead set) centred in a row of their own, portraits 1.6
 * times as wide as the students', name in bold and title under it; the
 * pictured students in rows, in the order given (by last name), each
 * portrait cut to 4:5 from its centre with "First Last" (and a title, if
 * it has one) under it, the grid as large as the page allows; "Not
 * pictured:" and the other names below.
 * Text uses the DejaVu Sans face (accents, Greek, Cyrillic).  The file is
 * written to the temporary `tmp` (in the same folder; the caller names it,
 * so that a rerun truncates the same file) and renamed when whole.  A portrait
 * that cannot be read leaves a grey box (and *warn gets why).
 *
 * Ownership: composite_open() returns a struct composite that
 * composite_close() finishes and frees.  Thread-safe per object.
 */
#ifndef PICDAY_MEDIA_COMPOSITE_H
#define PICDAY_MEDIA_COMPOSITE_H

#include <stddef.h>

struct composite;

struct composite_student {
	const char	*name;		/* "First Last" */
	const char	*path;		/* the portrait; NULL: not pictured */
	const char	*title;		/* under the name ("Principal"), or
					 * NULL */
	int		 lead;		/* the class's teacher: in a row of its
					 * own above the students, larger */
};

/* A page of width_in x height_in inches; NULL with *cause. */
struct composite *composite_open(const char *pdf, const char *tmp,
		    double width_in, double height_in, char **cause);
/* One class.  progress(arg) is called after each portrait.  0, or -1
 * with *cause; *warn (caller frees, may be NULL) names an unreadable
 * portrait, the last one. */
int	composite_page(struct composite *, const char *school,
	    const char *klass, const char *year,
	    const struct composite_student *, size_t n,
	    void (*progress)(void *), void *arg, char **warn, char **cause);
/* Finishes the PDF (commit set) or throws it away; 0 or -1 with *cause. */
int	composite_close(struct composite *, int commit, char **cause);

/* Paints the portrait at path, cut to w x h pixels (media/portrait), into
 * the box at (x, y), pw x ph points, the JPEG embedded as it is; a grey
 * box and -1 with *why (caller frees) when it cannot be read.  (Also the
 * production sheets' thumbnails, media/prodsheet.) */
typedef struct _cairo cairo_t;
int	composite_draw_portrait(cairo_t *, const char *path, int w, int h,
	    double x, double y, double pw, double ph, char **why);

#endif
