/*
 * strbuf: a growable NUL-terminated byte string.
 *
 * The struct owns s; strbuf_free() releases it, strbuf_take() hands it to the
 * caller.  A zeroed struct strbuf (STRBUF_INIT) is an empty buffer.
 */
#ifndef PICDAY_UTIL_STRBUF_H
#define PICDAY_UTIL_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
#define STRBUF_INIT { NULL, 0, 0 }

void	 strbuf_add(struct strbuf *, const char *, size_t);
void	 strbuf_adds(struct strbuf *, const char *);
void	 strbuf_addc(struct strbuf *, char);
void	 strbuf_addf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal, quotes included. */
void	 strbuf_add_json(struct strbuf *, const char *);
void	 strbuf_reset(struct strbuf *);
const char *strbuf_str(struct strbuf *);	/* never NULL */
char	*strbuf_take(struct strbuf *);		/* caller frees; buffer reset */
void	 strbuf_free(struct strbuf *);

#endif
