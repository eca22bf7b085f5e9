/* core/money: money in cents and dates, parsed and formatted. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define MONEY_MAX	10000000000000LL	/* 10^13 cents */

static const char *
money_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Skips a currency sign at s: $, €, £ (UTF-8). */
static const char *
money_skip_sign(const char *s)
{
	if (*s == '$')
		return s + 1;
	if (strncmp(s, "\xe2\x82\xac", 3) == 0)	/* € */
		return s + 3;
	if (strncmp(s, "\xc2\xa3", 2) == 0)	/* £ */
		return s + 2;
	return s;
}

int
money_parse(const char *s, long long *cents)
{
	long long whole = 0, frac = 0;
	int neg = 0, paren = 0, ndig = 0, group = -1, nfrac = 0;

	s = money_skip_space(s);
	if (*s == '(') {
		paren = 1;
		s = money_skip_space(s + 1);
	}
	if (*s == '-') {
		neg = 1;
		s++;
	}
	s = money_skip_sign(s);
	if (*s == '-' && !neg) {		/* "$-3.00" */
		neg = 1;
		s++;
	}
	s = money_skip_space(s);
	for (; (*s >= '0' && *s <= '9') || *s == ','; s++) {
		if (*s == ',') {
			/* A comma only after 1-3 digits, then every 3. */
			if (ndig == 0 || (group < 0 && ndig > 3) ||
			    (group >= 0 && group != 3))
				return -1;
			group = 0;
			continue;
		}
		if (whole > MONEY_MAX / 10)
			return -1;
		whole = whole * 10 + (*s - '0');
		ndig++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return -1;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			if (nfrac < 2)
				frac = frac * 10 + (*s - '0');
			else if (*s != '0')
				return -1;	/* fractions of a cent */
			nfrac++;
		}
		if (ndig == 0 && nfrac == 0)
			return -1;
	} else if (ndig == 0)
		return -1;
	if (nfrac == 1)
		frac *= 10;
	s = money_skip_space(s);
	if (paren) {
		if (*s != ')' || neg)
			return -1;
		neg = 1;
		s = money_skip_space(s + 1);
	}
	if (*s != '\0')
		return -1;
	if (whole > MONEY_MAX / 100)
		return -1;
	*cents = (whole * 100 + frac) * (neg ? -1 : 1);
	return 0;
}

void
money_plain(long long cents, char *buf, size_t size)
{
	unsigned long long a = cents < 0 ? -(unsigned long long)cents :
	    (unsigned long long)cents;

	snprintf(buf, size, "%s%llu.%02llu", cents < 0 ? "-" : "", a / 100,
	    a % 100);
}

void
money_format(long long cents, const char *symbol, const char *sep,
    const char *dec, char *buf, size_t size)
{
	struct money_style ms = { symbol, NULL, sep, dec };

	money_format_style(cents, &ms, buf, size);
}

void
money_format_style(long long cents, const struct money_style *ms, char *buf,
    size_t size)
{
	unsigned long long a = cents < 0 ? -(unsigned long long)cents :
	    (unsigned long long)cents;
	const char *symbol = ms->symbol, *sep = ms->thousands,
	    *dec = ms->decimal;
	char digits[32], grouped[96];
	size_t n, i, o = 0, seplen;

	if (symbol == NULL)
		symbol = "$";
	if (sep == NULL)
		sep = ",";
	if (dec == NULL || *dec == '\0')
		dec = ".";
	seplen = strlen(sep);
	n = (size_t)snprintf(digits, sizeof digits, "%llu", a / 100);
	for (i = 0; i < n && o + seplen + 2 < sizeof grouped; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			memcpy(grouped + o, sep, seplen);
			o += seplen;
		}
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	if (ms->position != NULL && strcmp(ms->position, "after") == 0)
		snprintf(buf, size, "%s%s%s%02llu%s%s", cents < 0 ? "-" : "",
		    grouped, dec, a % 100, *symbol != '\0' ? " " : "", symbol);
	else
		snprintf(buf, size, "%s%s%s%s%02llu", cents < 0 ? "-" : "",
		    symbol, grouped, dec, a % 100);
}

int
money_style_check(const struct money_style *ms, char **cause)
{
	static const char *const seps[] = { "", ",", ".", "'", " " };
	char fit[64];
	const char *p;
	size_t i;
	int ok;

	if ((p = ms->symbol) != NULL) {
		for (; *p != '\0'; p++)
			if ((*p >= '0' && *p <= '9') || strchr("-+.,'()", *p) !=
			    NULL || (unsigned char)*p < 0x20 || *p == 0x7f)
				break;
		/* Cropped to 4 columns, bad bytes made '?': it must stay
		 * itself. */
		(void)utf8_fit(fit, sizeof fit, ms->symbol, 4, 0);
		if (*p != '\0' || strcmp(fit, ms->symbol) != 0) {
			*cause = xstrdup(_("the currency symbol: at most 4 "
			    "characters, no digits, signs or separators "
			    "(e.g. $, €, £, CHF)"));
			return -1;
		}
	}
	if (ms->position != NULL && strcmp(ms->position, "before") != 0 &&
	    strcmp(ms->position, "after") != 0) {
		*cause = xstrdup(_("the symbol's position: before or after the "
		    "amount"));
		return -1;
	}
	if (ms->decimal != NULL && strcmp(ms->decimal, ".") != 0 &&
	    strcmp(ms->decimal, ",") != 0) {
		*cause = xstrdup(_("the decimal mark: . or ,"));
		return -1;
	}
	if (ms->thousands != NULL) {
		for (ok = 0, i = 0; i < sizeof seps / sizeof seps[0]; i++)
			ok |= strcmp(ms->thousands, seps[i]) == 0;
		if (!ok) {
			*cause = xstrdup(_("the thousands separator: , . ' a "
			    "space, or none"));
			return -1;
		}
	}
	if (ms->thousands != NULL && ms->decimal != NULL &&
	    *ms->thousands != '\0' && strcmp(ms->thousands, ms->decimal) ==
	    0) {
		*cause = xasprintf(_("thousands and decimal marks are both "
		    "'%s'"), ms->decimal);
		return -1;
	}
	return 0;
}

static int
date_days_in(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Reads 1..max digits at *sp into *v; the count read, 0 if none. */
static int
date_digits(const char **sp, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **sp >= '0' && **sp <= '9') {
		*v = *v * 10 + (**sp - '0');
		(*sp)++;
		n++;
	}
	return n;
}

int
date_parse(const char *s, char out[11])
{
	const char *start;
	int y, m, d;

	s = start = money_skip_space(s);
	if (date_digits(&s, 4, &y) == 4 && *s == '-') {
		s++;
		if (date_digits(&s, 2, &m) != 2 || *s++ != '-' ||
		    date_digits(&s, 2, &d) != 2)
			return -1;
		if (*s == 'T' || *s == ' ')
			s = "";		/* the time of day is not kept */
	} else {
		s = start;	/* US: month first */
		if (date_digits(&s, 2, &m) == 0 || *s++ != '/' ||
		    date_digits(&s, 2, &d) == 0 || *s++ != '/' ||
		    date_digits(&s, 4, &y) != 4)
			return -1;
		if (*s == ' ')
			s = "";
	}
	s = money_skip_space(s);
	if (*s != '\0' || y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in(y, m))
		return -1;
	/* Checked above: 4, 2 and 2 digits.  By hand: an import parses a
	 * date per row, and snprintf() cost more than the rest of it. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}
