/* util/utf8: display width, crop and pad by columns (see utf8.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/utf8.h"
#include "util/xalloc.h"

/*
 * Decodes one character at s (n bytes left).  Sets *len to its byte length
 * and returns its width; *bad is set for an invalid sequence or a control
 * character, which is drawn as one '?'.
 */
static int
utf8_char(const char *s, size_t n, size_t *len, int *bad)
{
	mbstate_t ps;
	wchar_t wc;
	size_t r;
	int w;

	memset(&ps, 0, sizeof ps);
	*bad = 0;
	r = mbrtowc(&wc, s, n, &ps);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*len = 1;
		*bad = 1;
		return 1;
	}
	*len = r;
	w = wcwidth(wc);
	if (w < 0) {
		*bad = 1;
		return 1;
	}
	return w;
}

int
utf8_width(const char *s)
{
	size_t n = strlen(s), len;
	int w = 0, bad;

	while (n > 0) {
		w += utf8_char(s, n, &len, &bad);
		s += len;
		n -= len;
	}
	return w;
}

int
utf8_fit(char *dst, size_t dstsz, const char *s, int width, int pad)
{
	size_t n = s != NULL ? strlen(s) : 0, len, out = 0;
	int w = 0, cw, bad;

	if (dstsz == 0)
		return 0;
	while (n > 0) {
		cw = utf8_char(s, n, &len, &bad);
		if (w + cw > width)
			break;
		if (bad) {
			if (out + 2 > dstsz)
				break;
			dst[out++] = '?';
		} else {
			if (out + len + 1 > dstsz)
				break;
			memcpy(dst + out, s, len);
			out += len;
		}
		w += cw;
		s += len;
		n -= len;
	}
	while (pad && w < width && out + 2 <= dstsz) {
		dst[out++] = ' ';
		w++;
	}
	dst[out] = '\0';
	return w;
}

char *
utf8_fit_dup(const char *s, int width, int pad)
{
	size_t sz = (s != NULL ? strlen(s) : 0) + (width > 0 ? width : 0) + 1;
	char *dst = xmalloc(sz);

	utf8_fit(dst, sz, s, width, pad);
	return dst;
}

size_t
utf8_last_len(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	/* Step back over continuation bytes (10xxxxxx), at most 3. */
	for (i = 1; i < 4 && i < len; i++)
		if (((unsigned char)s[len - i] & 0xc0) != 0x80)
			break;
	return ((unsigned char)s[len - i] & 0xc0) == 0x80 ? 1 : i;
}
