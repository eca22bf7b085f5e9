/* util/report: messages on stderr and the exit codes (report.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "util/report.h"

void
report_verror(const char *fmt, va_list ap)
{
	fputs("picday: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
report_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_verror(fmt, ap);
	va_end(ap);
}
