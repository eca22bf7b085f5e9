/*
 * media/prodsheet: the production sheet of an order as a PDF (cairo, US
 * Letter): a title (order, invoice, client, session) and one row per print
 * with a thumbnail of the rendered file, its name, the item, the size in
 * inches and pixels, and the quantity.  The same rows give the same bytes
 * (the creation date is the one given), so a re-render leaves the sheet as
 * it is.  Written to tmp (the caller's temporary name) and renamed to pdf
 * when whole.  Text in DejaVu Sans.  Threads: any.
 */
#ifndef PICDAY_MEDIA_PRODSHEET_H
#define PICDAY_MEDIA_PRODSHEET_H

#include <stddef.h>

struct prodsheet_row {
	const char	*path;		/* the rendered print */
	const char	*file;		/* its name in the folder */
	const char	*item;		/* "810 8x10 print" */
	double		 width_in, height_in;
	int		 width_px, height_px;
	long long	 quantity;
};

/* date: ISO 8601 ("2026-12-01T10:00:00Z") or NULL.  0 or -1 (*cause). */
int	prodsheet_write(const char *pdf, const char *tmp, const char *title,
	    const char *subtitle, const char *date,
	    const struct prodsheet_row *, size_t n, char **cause);

#endif
