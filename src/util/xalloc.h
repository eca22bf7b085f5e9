/*
 * xalloc: allocation that never returns NULL, and the one fatal path.
 *
 * Every x* function aborts the program through fatal() when memory runs out;
 * callers own what they get back and release it with free().  fatal() first
 * runs the hook set by fatal_set_hook() (the TUI uses it to call endwin()),
 * so the message lands on a sane terminal.  Thread-safe.
 */
#ifndef PICDAY_UTIL_XALLOC_H
#define PICDAY_UTIL_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Returns a newly allocated formatted string (caller frees). */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

void	 fatal_set_hook(void (*)(void));
void	 fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
