/* core/csvsniff: BOM, encoding and delimiter of a CSV file in memory. */
#include "config.h"

#include <string.h>

#include "core/csvsniff.h"

#define SNIFF_RECORDS	20	/* records looked at to choose a delimiter */

static const char sniff_delims[] = { ',', ';', '\t' };
#define NDELIMS (sizeof sniff_delims / sizeof sniff_delims[0])

size_t
csvsniff_bom(const char *buf, size_t len)
{
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		return 3;
	return 0;
}

size_t
csvsniff_utf8_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	size_t n, i;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else
		return 0;
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

enum csvsniff_enc
csvsniff_encoding(const char *buf, size_t len, long *bad_line)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0, n;
	long line = 1;

	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) ||
	    (s[0] == 0xfe && s[1] == 0xff))) {
		if (bad_line != NULL)
			*bad_line = 1;
		return CSVSNIFF_UTF16;
	}
	while (i < len) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n'))) {
			line++;	/* LF, CRLF or a lone CR (old Mac files) */
			i++;
			continue;
		}
		if (s[i] == '\0') {
			if (bad_line != NULL)
				*bad_line = line;
			return CSVSNIFF_UTF16;
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = csvsniff_utf8_len(s + i, len - i)) == 0) {
			if (bad_line != NULL)
				*bad_line = line;
			return CSVSNIFF_INVALID;
		}
		i += n;
	}
	return CSVSNIFF_UTF8;
}

char
csvsniff_delimiter(const char *buf, size_t len)
{
	long counts[SNIFF_RECORDS][NDELIMS];
	size_t i, d, nrec = 0;
	int quoted = 0, any = 0;
	long best_score = -1, best_header = 0;
	char best = ',';

	memset(counts, 0, sizeof counts);
	for (i = 0; i < len && nrec < SNIFF_RECORDS; i++) {
		char c = buf[i];

		if (c == '"') {
			quoted = !quoted;	/* "" inside quotes toggles twice */
			any = 1;
			continue;
		}
		if (quoted)
			continue;
		if (c == '\n' || c == '\r') {
			if (any)
				nrec++;
			any = 0;
			continue;
		}
		any = 1;
		for (d = 0; d < NDELIMS; d++)
			if (c == sniff_delims[d])
				counts[nrec][d]++;
	}
	if (any && nrec < SNIFF_RECORDS)
		nrec++;

	/*
	 * The delimiter appears in the header and the same number of times
	 * in the records after it; a delimiter-like character inside a value
	 * is not that regular.
	 */
	for (d = 0; d < NDELIMS; d++) {
		long h = nrec > 0 ? counts[0][d] : 0, score = 0;
		size_t r;

		if (h == 0)
			continue;
		for (r = 1; r < nrec; r++)
			if (counts[r][d] == h)
				score++;
		if (score > best_score ||
		    (score == best_score && h > best_header)) {
			best_score = score;
			best_header = h;
			best = sniff_delims[d];
		}
	}
	return best;
}
