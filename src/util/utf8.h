/*
 * util/utf8: display width of UTF-8 text, and cropping/padding by width.
 *
 * Widths are terminal columns (wcwidth): a CJK character counts 2, a
 * combining mark 0, an invalid byte or a control character 1 (it is drawn
 * as '?').  Nothing here ever splits a character, and cropping never leaves
 * half of a double-width character on screen: the column is padded instead.
 * Needs a UTF-8 LC_CTYPE (main() calls setlocale).  Thread-safe; no
 * allocation except utf8_fit_dup().
 */
#ifndef PICDAY_UTIL_UTF8_H
#define PICDAY_UTIL_UTF8_H

#include <stddef.h>

/* Columns s takes on screen. */
int	 utf8_width(const char *s);

/*
 * Writes into dst (size dstsz) the longest prefix of s that fits in `width`
 * columns; with pad, spaces follow up to exactly `width` columns.  Control
 * characters and invalid bytes become '?'.  Returns the columns written.
 * dst is always NUL-terminated; a dst too small in bytes crops earlier.
 */
int	 utf8_fit(char *dst, size_t dstsz, const char *s, int width, int pad);
/* The same, into a new string (caller frees). */
char	*utf8_fit_dup(const char *s, int width, int pad);

/* Byte length of the last character of s[0..len), for backspace (0 if
 * len is 0). */
size_t	 utf8_last_len(const char *s, size_t len);

#endif
