/*
 * net/fetch: one file fetched over HTTP(S) into memory with libcurl (the
 * online shop's orders.csv, DESIGN §1.7).
 *
 * TLS certificates and host names are always verified, against the
 * system's CAs or the cacert file given.  Redirects are followed (at most
 * 5, http(s) only).  A reply other than 2xx, or one larger than 256 MB,
 * is an error.  The password is handed to libcurl only, never put in a
 * cause or a log.
 *
 * Threads: any (a handle per call).  Errors: -1 with *cause (caller
 * frees).  *data is the caller's (free), NUL-terminated, *len bytes.
 */
#ifndef PICDAY_NET_FETCH_H
#define PICDAY_NET_FETCH_H

#include <stddef.h>

/* 1 when s starts with http:// or https:// (any case). */
int	fetch_is_url(const char *s);

/* user and password may be NULL; cacert may be NULL (system CAs). */
int	fetch_url(const char *url, const char *cacert, const char *user,
	    const char *password, char **data, size_t *len, char **cause);

#endif
