/*
 * Money, dates and the invoice import's reconciliation (core/money,
 * core/invoice-import), against a fake studio: awkward amounts parse to
 * cents, both shapes are guessed, and every reason to reject an invoice
 * names its file line.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/invoice-import.h"
#include "core/money.h"
#include "util/xalloc.h"

static void
test_money_parse(void **state)
{
	static const struct {
		const char	*in;
		long long	 cents;
	} good[] = {
		{ "$1,234.50", 123450 }, { "1234.5", 123450 }, { "18", 1800 },
		{ " 18 ", 1800 }, { "0.05", 5 }, { ".5", 50 }, { "-3.00", -300 },
		{ "$-3", -300 }, { "($3.25)", -325 }, { "1,000,000", 100000000 },
		{ "12.500", 1250 }, { "\xe2\x82\xac" "7.10", 710 }, { "0", 0 },
	};
	static const char *const bad[] = {
		"", "$", "abc", "1.234", "12,34", "1,2345", "1..2", "1.2.3",
		"18 USD", "--1", "(-1)", "12.345", ",100", "1e5",
		"99999999999999999999",
	};
	size_t i;
	long long c;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		c = -1;
		assert_int_equal(money_parse(good[i].in, &c), 0);
		assert_int_equal(c, good[i].cents);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		c = 42;
		if (money_parse(bad[i], &c) == 0)
			fail_msg("'%s' parsed as %lld", bad[i], c);
		assert_int_equal(c, 42);
	}
}

static void
test_money_format(void **state)
{
	char buf[64];

	(void)state;
	money_format(123450, NULL, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "$1,234.50");
	money_format(-5, NULL, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "-$0.05");
	money_format(100000000, "\xe2\x82\xac", ".", ",", buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x82\xac" "1.000.000,00");
	money_plain(-123456, buf, sizeof buf);
	assert_string_equal(buf, "-1234.56");
}

static void
test_money_style(void **state)
{
	struct money_style ms = { "\xe2\x82\xac", "after", ".", "," };
	char buf[64], *cause = NULL;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	money_format_style(123456789, &ms, buf, sizeof buf);
	assert_string_equal(buf, "1.234.567,89 \xe2\x82\xac");
	money_format_style(-5, &ms, buf, sizeof buf);
	assert_string_equal(buf, "-0,05 \xe2\x82\xac");
	ms.symbol = "";
	money_format_style(100, &ms, buf, sizeof buf);
	assert_string_equal(buf, "1,00");
	ms.symbol = "CHF";
	ms.position = "before";
	ms.thousands = "'";
	ms.decimal = ".";
	money_format_style(123450, &ms, buf, sizeof buf);
	assert_string_equal(buf, "CHF1'234.50");
	assert_int_equal(money_style_check(&ms, &cause), 0);
	ms.thousands = ".";
	assert_int_equal(money_style_check(&ms, &cause), -1);
	free(cause);
	ms.thousands = "";
	ms.symbol = "E1";
	assert_int_equal(money_style_check(&ms, &cause), -1);
	free(cause);
	ms.symbol = "EURO$";
	assert_int_equal(money_style_check(&ms, &cause), -1);
	free(cause);
	ms.symbol = "\xff";
	assert_int_equal(money_style_check(&ms, &cause), -1);
	free(cause);
	ms.symbol = "$";
	ms.decimal = ";";
	assert_int_equal(money_style_check(&ms, &cause), -1);
	free(cause);
	ms.decimal = ",";
	ms.position = "left";
	assert_int_equal(money_style_check(&ms, &cause), -1);
	free(cause);
}

static void
test_dates(void **state)
{
	char d[11];

	(void)state;
	assert_int_equal(date_parse("2026-05-04", d), 0);
	assert_string_equal(d, "2026-05-04");
	assert_int_equal(date_parse("5/4/2026", d), 0);
	assert_string_equal(d, "2026-05-04");
	assert_int_equal(date_parse("12/31/2025 10:15", d), 0);
	assert_string_equal(d, "2025-12-31");
	assert_int_equal(date_parse("2024-02-29T08:00:00Z", d), 0);
	assert_string_equal(d, "2024-02-29");
	assert_int_equal(date_parse("2025-02-29", d), -1);
	assert_int_equal(date_parse("13/01/2025", d), -1);
	assert_int_equal(date_parse("31/12/2025", d), -1);
	assert_int_equal(date_parse("2025-1-5", d), -1);
	assert_int_equal(date_parse("yesterday", d), -1);
	assert_int_equal(date_parse("", d), -1);
}

/* A fake studio: sessions 1001 (client 7) and 1002 (client 8), client 9
 * without a session, student S1 (client 7) and S2 in two organizations,
 * items 810 ($18) and W8 ($12), invoice "OLD" already imported, image
 * "IMG_1.jpg" (id 5) in session 1001. */
static int
fk_session(void *arg, long long n, long long *sid, long long *cid)
{
	(void)arg;
	if (n != 1001 && n != 1002)
		return 0;
	*sid = n - 1000;
	*cid = n == 1001 ? 7 : 8;
	return 1;
}

static int
fk_client(void *arg, long long n, long long *sid)
{
	(void)arg;
	if (n < 7 || n > 9)
		return 0;
	*sid = n == 9 ? 0 : n - 6;
	return 1;
}

static int
fk_student(void *arg, const char *s, long long *cid, long long *sid)
{
	(void)arg;
	if (strcmp(s, "S2") == 0)
		return 2;
	if (strcmp(s, "S1") != 0)
		return 0;
	*cid = 7;
	*sid = 1;
	return 1;
}

static int
fk_item(void *arg, const char *code, long long *id, long long *price)
{
	(void)arg;
	if (strcmp(code, "810") == 0) {
		*id = 1;
		*price = 1800;
		return 1;
	}
	if (strcmp(code, "W8") == 0) {
		*id = 2;
		*price = 1200;
		return 1;
	}
	return 0;
}

static int
fk_image(void *arg, long long sid, const char *name, long long *id)
{
	(void)arg;
	if (sid != 1 || strcmp(name, "IMG_1.jpg") != 0)
		return 0;
	*id = 5;
	return 1;
}

static int
fk_exists(void *arg, const char *number)
{
	(void)arg;
	return strcmp(number, "OLD") == 0;
}

static const struct inv_lookup fake = {
	NULL, fk_session, fk_client, fk_student, fk_item, fk_image, fk_exists
};

static struct inv_import *
reconcile(const char *csv)
{
	struct inv_import *imp;
	char *cause = NULL;

	if (inv_import_open("t.csv", csv, strlen(csv), &imp, &cause) != 0)
		fail_msg("open: %s", cause);
	if (inv_import_reconcile(imp, &fake, &cause) != 0)
		fail_msg("reconcile: %s", cause);
	return imp;
}

/* The problem on that line, or fails. */
static const char *
problem_at(const struct inv_import *imp, long line)
{
	size_t i;

	for (i = 0; i < inv_import_nproblems(imp); i++)
		if (inv_import_problem(imp, i)->line == line)
			return inv_import_problem(imp, i)->reason;
	fail_msg("no problem on line %ld", line);
	return NULL;
}

static void
test_line_shape(void **state)
{
	struct inv_import *imp;
	const struct inv_invoice *in;

	(void)state;
	imp = reconcile(
	    "Invoice Number,Session Number,Invoice Date,Item Code,Qty,"
	    "Unit Price,Line Total,Total,Image\n"
	    "A1,1001,05/04/2026,810,2,$18.00,$36.00,\"$48.00\",IMG_1.jpg\n"
	    "A2,1002,2026-05-05,810,1,18,18,18,\n"
	    "A1,1001,05/04/2026,W8,1,12,12,48.0,\n"
	    "A3,1003,2026-05-05,810,1,18,18,18,\n"
	    "A4,1001,2026-05-05,XX,1,18,18,18,\n"
	    "A5,1001,2026-05-05,810,2,18,35,35,\n"
	    "A6,1001,2026-05-05,810,1,18,18,20,\n"
	    "OLD,1001,2026-05-05,810,1,18,18,18,\n"
	    "A7,1001,2026-05-05,810,1,18,18,18,\n"
	    "A7,1001,2026-05-05,W8,1,12,12,18,\n"
	    "A8,1001,2026-02-30,810,1,18,18,18,\n"
	    "A9,1001,2026-05-05,810,1,18,18,18,nope.jpg\n");
	assert_int_equal(inv_import_shape(imp), INV_SHAPE_LINE);
	assert_int_equal(inv_import_count(imp, INV_NEW), 2);
	assert_int_equal(inv_import_count(imp, INV_SKIPPED), 1);
	assert_int_equal(inv_import_count(imp, INV_REJECTED), 7);
	assert_int_equal(inv_import_new_lines(imp), 3);
	assert_int_equal(inv_import_new_cents(imp), 4800 + 1800);

	in = inv_import_invoice(imp, 0);
	assert_string_equal(in->number, "A1");
	assert_int_equal(in->action, INV_NEW);
	assert_int_equal(in->nlines, 2);
	assert_int_equal(in->total_cents, 4800);
	assert_string_equal(in->date, "2026-05-04");
	assert_int_equal(in->session_id, 1);
	assert_int_equal(in->client_id, 7);
	assert_int_equal(inv_import_line(imp, in->first)->image_id, 5);
	assert_int_equal(inv_import_line(imp, in->first)->amount_cents, 3600);

	assert_non_null(strstr(problem_at(imp, 5), "unknown session 1003"));
	assert_non_null(strstr(problem_at(imp, 6), "unknown item code XX"));
	assert_non_null(strstr(problem_at(imp, 7),
	    "line total 35.00 is not 2 x 18.00 = 36.00"));
	assert_non_null(strstr(problem_at(imp, 8),
	    "total 20.00 is not the sum of its lines 18.00"));
	/* The bad total of A7 rejects both its lines. */
	assert_non_null(strstr(problem_at(imp, 10), "invoice A7: total"));
	assert_int_equal(inv_import_invoice(imp, 7)->action, INV_REJECTED);
	assert_non_null(strstr(problem_at(imp, 12), "date '2026-02-30'"));
	assert_non_null(strstr(problem_at(imp, 13), "no image nope.jpg"));
	inv_import_free(imp);
}

static void
test_invoice_shape(void **state)
{
	struct inv_import *imp;
	const struct inv_invoice *in;

	(void)state;
	imp = reconcile(
	    "Invoice #;Client Number;Student ID;Date;Total;Paid\r\n"
	    "B1;7;;2026-05-04;\"$1,234.50\";1000\r\n"
	    "B2;9;;2026-05-04;18;\r\n"
	    "B3;;S1;2026-05-04;18;18\r\n"
	    "B4;;S2;2026-05-04;18;\r\n"
	    "B5;42;;2026-05-04;18;\r\n"
	    "B6;7;;2026-05-04;;\r\n"
	    "B1;7;;2026-05-04;5;\r\n"
	    "\r\n"
	    ";7;;2026-05-04;5;\r\n");
	assert_int_equal(inv_import_shape(imp), INV_SHAPE_INVOICE);
	assert_int_equal(inv_import_count(imp, INV_NEW), 2);
	in = inv_import_invoice(imp, 1);
	assert_string_equal(in->number, "B2");
	assert_int_equal(in->client_id, 9);
	assert_int_equal(in->session_id, 0);	/* a client without one */
	in = inv_import_invoice(imp, 2);
	assert_int_equal(in->session_id, 1);
	assert_int_equal(in->paid_cents, 1800);
	assert_int_equal(inv_import_invoice(imp, 0)->action, INV_REJECTED);
	assert_non_null(strstr(problem_at(imp, 5), "more than one"));
	assert_non_null(strstr(problem_at(imp, 6), "unknown client 42"));
	assert_non_null(strstr(problem_at(imp, 7), "no total"));
	assert_non_null(strstr(problem_at(imp, 8), "already on line 2"));
	assert_non_null(strstr(problem_at(imp, 10), "no invoice number"));
	inv_import_free(imp);
}

static void
test_mapping(void **state)
{
	struct inv_import *imp;
	char *cause = NULL;
	const char *csv = "Ref,Kid,Amount Due\nC1,1001,18\n";

	(void)state;
	assert_int_equal(inv_import_open("m.csv", csv, strlen(csv), &imp,
	    &cause), 0);
	assert_int_equal(inv_import_check(imp, &cause), -1);
	assert_non_null(strstr(cause, "no invoice number column"));
	free(cause);
	assert_int_equal(inv_import_map_column(imp, "ref", INV_INVOICE,
	    &cause), 0);
	assert_int_equal(inv_import_map_column(imp, "Kid", INV_SESSION,
	    &cause), 0);
	assert_int_equal(inv_import_map_column(imp, "Amount Due", INV_TOTAL,
	    &cause), 0);
	assert_int_equal(inv_import_map_column(imp, "Nope", INV_PAID,
	    &cause), -1);
	free(cause);
	assert_int_equal(inv_import_reconcile(imp, &fake, &cause), 0);
	assert_int_equal(inv_import_count(imp, INV_NEW), 1);
	assert_int_equal(inv_import_invoice(imp, 0)->total_cents, 1800);
	inv_import_free(imp);
}

static void
test_bad_files(void **state)
{
	struct inv_import *imp;
	char *cause = NULL;
	static const char latin1[] = "Invoice,Session,Total\nA,1001,"
	    "18\nCaf\xe9,1001,18\n";
	static const char junk[] = "\x7f" "ELF\x02\x01\x01\0\0\0";

	(void)state;
	assert_int_equal(inv_import_open("e.csv", "", 0, &imp, &cause), -1);
	assert_non_null(strstr(cause, "empty"));
	free(cause);
	assert_int_equal(inv_import_open("l.csv", latin1, sizeof latin1 - 1,
	    &imp, &cause), -1);
	assert_non_null(strstr(cause, "line 3"));
	free(cause);
	assert_int_equal(inv_import_open("j.bin", junk, sizeof junk - 1, &imp,
	    &cause), -1);
	assert_non_null(strstr(cause, "not UTF-8"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_parse),
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_money_style),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_line_shape),
		cmocka_unit_test(test_invoice_shape),
		cmocka_unit_test(test_mapping),
		cmocka_unit_test(test_bad_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
