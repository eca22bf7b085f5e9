/*
 * core/money: amounts of money and calendar dates as spreadsheets write
 * them.  Money is integer cents everywhere in picday (DESIGN §4).
 *
 * Pure functions, no allocation, safe from any thread.
 */
#ifndef PICDAY_CORE_MONEY_H
#define PICDAY_CORE_MONEY_H

#include <stddef.h>

/*
 * Parses "$1,234.50", "1234.5", "18", "-3.00", "($3.00)", " 12 " into
 * cents.  Accepted: white space around, one currency sign ($ € £) before
 * the digits, thousands commas between groups of three digits, at most two
 * decimals (a third and more only if they are zeros), a leading '-' or
 * accounting parentheses for a negative amount.  0, or -1 if s is not an
 * amount (then *cents is unchanged).  Amounts past ±10^13 cents are refused.
 */
int	money_parse(const char *s, long long *cents);

/* "1234.50" / "-0.05": cents as a plain decimal (machine formats). */
void	money_plain(long long cents, char *buf, size_t size);

/*
 * For people: "$1,234.50", "-$0.05".  symbol is the currency sign put
 * before the amount ("$" when NULL or empty is not wanted: pass ""),
 * sep the thousands separator ("," when NULL), dec the decimal mark
 * ("." when NULL).
 */
void	money_format(long long cents, const char *symbol, const char *sep,
	    const char *dec, char *buf, size_t size);

/*
 * The studio's format (settings money.symbol, money.position, money.thousands,
 * money.decimal).  NULL members take the defaults "$", before, ",", ".".
 * money_format_style: "$1,234.50" / "-$0.05", or with after "1.234,50 €" /
 * "-0,05 €" (the symbol after the amount, one space between).
 */
struct money_style {
	const char	*symbol;
	const char	*position;	/* "before" or "after" */
	const char	*thousands;
	const char	*decimal;
};
void	money_format_style(long long cents, const struct money_style *,
	    char *buf, size_t size);
/*
 * Whether a style reads back without doubt: a symbol of at most 4
 * characters with no digit, sign, separator or control character (may be
 * empty); position before or after; a decimal mark "." or ","; a thousands
 * separator "", ",", ".", "'" or " " that is not the decimal mark.  Checks
 * the members given (NULL: not checked, but still compared).  0, or -1
 * with *cause (a sentence to show; caller frees).
 */
int	money_style_check(const struct money_style *, char **cause);

/*
 * Parses a date "YYYY-MM-DD" (time after it ignored: "2026-05-04T10:00",
 * "2026-05-04 10:00"), or US "MM/DD/YYYY" / "M/D/YYYY", into out
 * "YYYY-MM-DD" (11 bytes).  Checks the day exists (leap years too).  0, or
 * -1 when s is not such a date.
 */
int	date_parse(const char *s, char out[11]);

#endif
