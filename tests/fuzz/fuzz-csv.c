/*
 * libFuzzer harness for the parsers of outside CSV: core/csvtable (UTF-8
 * check, delimiter sniffing, libcsv), core/invoice-import (header guessing,
 * grouping, money, dates, the reconciliation against a fake studio) and
 * core/pricelist's reading and core/roster's (columns guessed, a --map, the
 * check of the mapping).  Built only when asked: `make fuzz` (clang),
 * run with `make fuzz-run FUZZ_SECONDS=N` (doc/architecture.md).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/invoice-import.h"
#include "core/money.h"
#include "core/pricelist.h"
#include "core/roster.h"

/* A studio where odd numbers exist and even ones do not. */
static int
fz_session(void *arg, long long n, long long *sid, long long *cid)
{
	(void)arg;
	*sid = n;
	*cid = n / 2;
	return (int)(n & 1);
}

static int
fz_client(void *arg, long long n, long long *sid)
{
	(void)arg;
	/* Bounded, as rowids are: the harness must not overflow itself. */
	*sid = n & 3 ? (n % 1000003) * 2 + 1 : 0;
	return (int)(n % 3 != 0);
}

static int
fz_student(void *arg, const char *s, long long *cid, long long *sid)
{
	(void)arg;
	*cid = (long long)strlen(s) * 2;
	*sid = *cid + 1;
	return (int)(strlen(s) % 3);
}

static int
fz_item(void *arg, const char *code, long long *id, long long *price)
{
	(void)arg;
	*id = (long long)strlen(code);
	*price = *id * 100;
	return code[0] != 'X';
}

static int
fz_image(void *arg, long long sid, const char *name, long long *id)
{
	(void)arg;
	*id = sid;
	return name[0] != 'n';
}

static int
fz_exists(void *arg, const char *number)
{
	(void)arg;
	return number[0] == 'O';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct inv_lookup lk = { NULL, fz_session, fz_client,
	    fz_student, fz_item, fz_image, fz_exists };
	struct inv_import *imp;
	struct pricelist_file *pf;
	struct roster *r;
	char *cause = NULL, *s, d[11];
	long long c;
	size_t i, j;

	if (inv_import_open("fuzz.csv", (const char *)data, size, &imp,
	    &cause) == 0) {
		for (i = 0; i < 2; i++) {
			if (i == 1)
				inv_import_set_shape(imp, INV_SHAPE_LINE);
			if (inv_import_reconcile(imp, &lk, &cause) != 0) {
				free(cause);
				cause = NULL;
			}
		}
		inv_import_free(imp);
	} else
		free(cause);
	cause = NULL;
	if (pricelist_read("fuzz.csv", (const char *)data, size, &pf,
	    &cause) == 0)
		pricelist_file_free(pf);
	else
		free(cause);
	if (roster_open_buffer("fuzz.csv", (const char *)data, size, &r,
	    &cause) == 0) {
		for (j = 0; j < roster_nrows(r); j++)
			for (i = 0; i <= roster_ncols(r); i++)
				(void)roster_cell(r, j, i);
		if (roster_map_column(r, "Student #", ROSTER_STUDENT_ID,
		    &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		if (roster_check(r, NULL, &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		roster_free(r);
	} else {
		free(cause);
		cause = NULL;
	}
	/* The cell parsers alone, on the input as one string. */
	s = malloc(size + 1);
	if (s != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
		(void)money_parse(s, &c);
		(void)date_parse(s, d);
		free(s);
	}
	return 0;
}
