/*
 * util/report: what both faces (cli/, tui/) tell the user on stderr, and
 * the exit codes of the program (DESIGN §4): 0 success, 1 the operation
 * failed, 2 usage error.  Below both faces, so that neither needs the
 * other.  Thread-safe as stdio is.
 */
#ifndef PICDAY_UTIL_REPORT_H
#define PICDAY_UTIL_REPORT_H

#include <stdarg.h>

#define PICDAY_EXIT_OK		0
#define PICDAY_EXIT_FAILED	1
#define PICDAY_EXIT_USAGE	2

/* "picday: ..." and a newline on stderr. */
void	report_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
void	report_verror(const char *fmt, va_list)
	    __attribute__((format(printf, 1, 0)));

#endif
