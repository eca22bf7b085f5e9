/*
 * net/curldl: libcurl reached through dlopen() (net/curldl.c).
 *
 * libcurl and its three dozen libraries (TLS, Kerberos, LDAP, SSH...) cost
 * every start of picday some 30 ms of dynamic loading when linked, mail or
 * no mail, so the program is not linked with it: net_curl_load() loads it
 * once, and the net/ files include this header after <curl/curl.h>, which
 * turns each curl_* call they make into a call through a pointer of the
 * same type.  Nothing may call a curl_* function before net_curl_load()
 * succeeded.  A curl function new to net/ goes in PICDAY_CURL_FUNCS and
 * gets its #define below (the link fails otherwise: -lcurl is not on it).
 */
#ifndef PICDAY_NET_CURLDL_H
#define PICDAY_NET_CURLDL_H

#include <curl/curl.h>

#define PICDAY_CURL_FUNCS(X) \
	X(curl_easy_cleanup) \
	X(curl_easy_escape) \
	X(curl_easy_getinfo) \
	X(curl_easy_init) \
	X(curl_easy_perform) \
	X(curl_easy_setopt) \
	X(curl_easy_strerror) \
	X(curl_free) \
	X(curl_global_init) \
	X(curl_multi_add_handle) \
	X(curl_multi_cleanup) \
	X(curl_multi_info_read) \
	X(curl_multi_init) \
	X(curl_multi_perform) \
	X(curl_multi_poll) \
	X(curl_multi_remove_handle) \
	X(curl_multi_setopt) \
	X(curl_multi_strerror) \
	X(curl_slist_append) \
	X(curl_slist_free_all) \
	X(curl_url) \
	X(curl_url_cleanup) \
	X(curl_url_get) \
	X(curl_url_set) \

#define PICDAY_CURL_DECLARE(f) extern __typeof__(f) *picday_##f;
PICDAY_CURL_FUNCS(PICDAY_CURL_DECLARE)
#undef PICDAY_CURL_DECLARE

/* curl's type-checking wrappers (typecheck-gcc.h) give way to the pointers. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#undef curl_multi_setopt
#define curl_easy_cleanup	(*picday_curl_easy_cleanup)
#define curl_easy_escape	(*picday_curl_easy_escape)
#define curl_easy_getinfo	(*picday_curl_easy_getinfo)
#define curl_easy_init		(*picday_curl_easy_init)
#define curl_easy_perform	(*picday_curl_easy_perform)
#define curl_easy_setopt	(*picday_curl_easy_setopt)
#define curl_easy_strerror	(*picday_curl_easy_strerror)
#define curl_free		(*picday_curl_free)
#define curl_global_init	(*picday_curl_global_init)
#define curl_multi_add_handle	(*picday_curl_multi_add_handle)
#define curl_multi_cleanup	(*picday_curl_multi_cleanup)
#define curl_multi_info_read	(*picday_curl_multi_info_read)
#define curl_multi_init		(*picday_curl_multi_init)
#define curl_multi_perform	(*picday_curl_multi_perform)
#define curl_multi_poll		(*picday_curl_multi_poll)
#define curl_multi_remove_handle (*picday_curl_multi_remove_handle)
#define curl_multi_setopt	(*picday_curl_multi_setopt)
#define curl_multi_strerror	(*picday_curl_multi_strerror)
#define curl_slist_append	(*picday_curl_slist_append)
#define curl_slist_free_all	(*picday_curl_slist_free_all)
#define curl_url		(*picday_curl_url)
#define curl_url_cleanup	(*picday_curl_url_cleanup)
#define curl_url_get		(*picday_curl_url_get)
#define curl_url_set		(*picday_curl_url_set)

/*
 * Loads libcurl and calls curl_global_init(), once for the process (any
 * thread may call it, every time before using curl).  0, or -1 with *cause
 * (the caller frees) naming the library and why.
 */
int	net_curl_load(char **cause);

#endif
