/*
 * core/csvsniff: what kind of text file a spreadsheet export is.
 *
 * Pure functions over a buffer already in memory: the byte-order mark, the
 * encoding check (UTF-8 only; UTF-16 and invalid UTF-8 such as Latin-1 are
 * named so the operator can re-save the file), and the delimiter among
 * comma, semicolon and tab, counted outside quotes on the first records.
 * No allocation, no I/O; safe from any thread.
 */
#ifndef PICDAY_CORE_CSVSNIFF_H
#define PICDAY_CORE_CSVSNIFF_H

#include <stddef.h>

enum csvsniff_enc {
	CSVSNIFF_UTF8,		/* valid UTF-8 (plain ASCII included) */
	CSVSNIFF_UTF16,		/* UTF-16 BOM or NUL bytes: not text we read */
	CSVSNIFF_INVALID	/* bytes that are not UTF-8 (e.g. Latin-1) */
};

/* Length of a UTF-8 byte-order mark at the start of buf (3), else 0. */
size_t		 csvsniff_bom(const char *buf, size_t len);

/*
 * Checks that buf is UTF-8 without NUL bytes.  On anything else returns the
 * problem and, when bad_line is not NULL, the 1-based physical line of the
 * first bad byte.
 */
enum csvsniff_enc csvsniff_encoding(const char *buf, size_t len,
		    long *bad_line);

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if it is not one. */
size_t		 csvsniff_utf8_len(const unsigned char *s, size_t avail);

/* The most likely delimiter: ',', ';' or '\t' (',' when nothing tells). */
char		 csvsniff_delimiter(const char *buf, size_t len);

#endif
