/*
 * core/grant: which images of a session a family may download, on what
 * terms (DESIGN §4 "Rules the later stages share").  Pure: no I/O.
 *
 * Every grant that applies (the session's, its type's, one per invoice
 * line of an item that has one) is matched against the images; an image
 * granted several times gets the most generous terms: the largest long
 * side (0, full size, beats any), no watermark over a watermark, the
 * release when any grant gives it.
 */
#ifndef PICDAY_CORE_GRANT_H
#define PICDAY_CORE_GRANT_H

#include <stddef.h>

struct grant_terms {
	const char	*style;		/* all|ordered|selected|non-composite|
					 * group:NAME|single */
	int		 long_side;	/* 0: full size */
	int		 watermark, release;
	long long	 image_id;	/* single: the invoice line's image */
};

struct grant_image {
	long long	 id;
	int		 selected, composite, ordered;
	const char	*groups;	/* names joined by '\n', or NULL */
};

struct grant_result {
	int		 granted;
	int		 long_side;	/* 0: full size */
	int		 watermark, release;
};

/* Does grant g cover image im?  1 or 0. */
int	grant_covers(const struct grant_terms *g, const struct grant_image *im);
/* Fills out[i] for every image; returns how many are granted. */
size_t	grant_resolve(const struct grant_terms *g, size_t ng,
	    const struct grant_image *im, size_t ni, struct grant_result *out);

#endif
