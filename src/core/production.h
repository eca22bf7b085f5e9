/*
 * core/production: production orders from invoices (DESIGN §4, stage 8).
 *
 * One order per invoice not yet in production; a print line becomes one
 * print, a package line the prints its price list item contains
 * ("810x1;57x2", quantities multiplied), on the line's image or else the
 * session's pose.  Digital and other lines make no print.  The invoice's
 * session moves to In Production.  Each invoice is one transaction.
 *
 * Threads: the caller's store.
 */
#ifndef PICDAY_CORE_PRODUCTION_H
#define PICDAY_CORE_PRODUCTION_H

#include <stddef.h>

struct store;

/* Called per invoice skipped (already in production, unknown, nothing to
 * print) with a message. */
typedef void (*production_note_fn)(const char *msg, void *arg);

/*
 * Orders for the invoices numbered numbers[0..n) (all invoices without an
 * order when n is 0).  *orders the number made.  0, or -1 with *cause
 * (caller frees) on a store error.
 */
int	production_create(struct store *, const char *const *numbers, size_t n,
	    production_note_fn, void *arg, size_t *orders, char **cause);

/*
 * A lab-safe file name for a print: ASCII [A-Za-z0-9._-], at most 31
 * characters with ".jpg", unique by order and position
 * ("ORDER-SEQ-CODE-Last.jpg", the name cut to fit).  Caller frees.
 */
char	*production_file_name(long long order, int seq, const char *code,
	    const char *last_name);

/*
 * Shipping: marks the order shipped and, when every order of its session
 * is, moves the session to Complete.  1 done (*complete 1 when the session
 * moved), 0 no such order, -1 with *cause.
 */
int	production_ship(struct store *, long long order, int *complete,
	    char **cause);

#endif
