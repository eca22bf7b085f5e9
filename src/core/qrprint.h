/*
 * core/qrprint: QR cards from session rows — the one place that turns a
 * session (store/session.h) into a card of a QR sheet (media/qrsheet.h),
 * for `picday qr-sheets` and the Sessions hub's Print QR codes alike.
 *
 * Use qrprint_row as the store_session_each() callback with a struct
 * qrprint whose q is an open sheet.  On a failure it stops the walk (1) and
 * leaves the reason in cause (the caller frees); when x->row asks to stop,
 * it stops the walk (1) with stopped set and no cause.  Caller's thread.
 */
#ifndef PICDAY_CORE_QRPRINT_H
#define PICDAY_CORE_QRPRINT_H

#include <stddef.h>

struct qrsheet;
struct session_row;

struct qrprint {
	struct qrsheet	*q;		/* open sheet (borrowed) */
	size_t		 cards;		/* cards added so far */
	int		 missing;	/* for the caller: numbers not found */
	char		*cause;		/* set when qrprint_row fails */
	/* Optional: after every card, with the cards so far; non-zero stops
	 * the walk (cancelled), and stopped is set. */
	int		(*row)(size_t cards, void *arg);
	void		*arg;
	int		 stopped;
};

int	qrprint_row(const struct session_row *, void *arg);

#endif
