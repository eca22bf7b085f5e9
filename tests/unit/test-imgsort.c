/* The sorting rules of the Bulk Image Importer (core/imgsort, issue 4). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/imgsort.h"
#include "util/strbuf.h"

/* Sessions of the test studio: 1000-1999. */
static int
is_session(void *arg, const char *code)
{
	long v = strtol(code, NULL, 10);

	return strspn(code, "0123456789") == strlen(code) && v >= 1000 &&
	    v < 2000;
}

#define MIN(m, s)	((((m) * 60LL) + (s)) * 1000)

static const char *c1001[] = { "1001" };
static const char *c1002[] = { "1002" };
static const char *c1003[] = { "1003" };
static const char *csib[] = { "1004", "1005" };
static const char *cunk[] = { "4242" };
static const char *cpad[] = { " 01002\n" };

static struct imgsort_frame *
F(struct imgsort_frame *f, const char *rel, const char *body, long long t,
    const char **codes, size_t n)
{
	memset(f, 0, sizeof *f);
	f->rel = rel;
	f->body = body;
	f->time_ms = t;
	f->codes = codes;
	f->ncodes = n;
	return f;
}

/* "code: a b c; code: ..." for a list of lists. */
static char *
lists(const struct imgsort_list *l, size_t n, const struct imgsort_frame *fr)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, j;

	for (i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s%s:", i > 0 ? "; " : "", l[i].code);
		for (j = 0; j < l[i].n; j++)
			strbuf_addf(&sb, " %s", fr[l[i].frames[j]].rel);
	}
	return strbuf_take(&sb);
}

static char *
paths(const size_t *v, size_t n, const struct imgsort_frame *fr)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? " " : "", fr[v[i]].rel);
	return strbuf_take(&sb);
}

#define ASSERT_LISTS(l, n, fr, want) do {				\
	char *got_ = lists((l), (n), (fr));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)
#define ASSERT_PATHS(v, n, fr, want) do {				\
	char *got_ = paths((v), (n), (fr));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

static struct imgsort_opts
qr_opts(void)
{
	struct imgsort_opts o;

	memset(&o, 0, sizeof o);
	o.mode = IMGSORT_QR;
	o.is_session = is_session;
	return o;
}

static void
test_bodies_sorted_apart(void **state)
{
	/* Two bodies shooting at the same time: one global time order
	 * would mix them; per body, each run is right. */
	struct imgsort_frame f[8];
	struct imgsort_opts o = qr_opts();
	struct imgsort_result r;

	F(&f[0], "a/test", "A", MIN(0, 0), NULL, 0);
	F(&f[1], "b/test", "B", MIN(0, 5), NULL, 0);
	F(&f[2], "a/qr1001", "A", MIN(1, 0), c1001, 1);
	F(&f[3], "b/qr1002", "B", MIN(1, 5), c1002, 1);
	F(&f[4], "a/x1", "A", MIN(1, 10), NULL, 0);
	F(&f[5], "b/y1", "B", MIN(1, 15), NULL, 0);
	F(&f[6], "a/x2", "A", MIN(1, 20), NULL, 0);
	F(&f[7], "b/y2", "B", MIN(1, 25), NULL, 0);
	imgsort_run(f, 8, &o, &r);
	ASSERT_LISTS(r.sessions, r.nsessions, f, "1001: a/x1 a/x2; 1002: b/y1 b/y2");
	ASSERT_LISTS(r.markers, r.nmarkers, f, "1001: a/qr1001; 1002: b/qr1002");
	ASSERT_PATHS(r.unassigned, r.nunassigned, f, "a/test b/test");
	assert_int_equal(r.nunknown, 0);
	assert_int_equal(r.nflags, 0);
	imgsort_result_free(&r);
}

static void
test_runs_markers_siblings_unknown(void **state)
{
	struct imgsort_frame f[10];
	struct imgsort_opts o = qr_opts();
	struct imgsort_result r;

	/* Given out of order: the sort is by time, then path. */
	F(&f[0], "p05", "A", MIN(2, 0), c1001, 1);	/* repeated marker */
	F(&f[1], "p01", "A", MIN(1, 0), c1001, 1);
	F(&f[2], "p02", "A", MIN(1, 10), NULL, 0);
	F(&f[3], "p06", "A", MIN(2, 10), NULL, 0);
	F(&f[4], "p07", "A", MIN(3, 0), csib, 2);
	F(&f[5], "p08", "A", MIN(3, 10), NULL, 0);
	F(&f[6], "p09", "A", MIN(4, 0), cunk, 1);
	F(&f[7], "p10b", "A", MIN(4, 10), NULL, 0);
	F(&f[8], "p10a", "A", MIN(4, 10), NULL, 0);	/* same time: path */
	F(&f[9], "p11", "A", MIN(5, 0), cpad, 1);	/* " 01002" is 1002 */
	imgsort_run(f, 10, &o, &r);
	ASSERT_LISTS(r.sessions, r.nsessions, f,
	    "1001: p02 p06; 1004: p08; 1005: p08");
	ASSERT_LISTS(r.markers, r.nmarkers, f,
	    "1001: p01 p05; 1002: p11; 1004: p07; 1005: p07; 4242: p09");
	ASSERT_LISTS(r.unknown, r.nunknown, f, "4242: p10a p10b");
	assert_int_equal(r.nunassigned, 0);
	imgsort_result_free(&r);
}

static void
test_unreadable_kept_apart_and_flagged(void **state)
{
	struct imgsort_frame f[5];
	struct imgsort_opts o = qr_opts();
	struct imgsort_result r;

	F(&f[0], "bad0", "A", MIN(0, 0), NULL, 0)->unreadable = 1;
	F(&f[1], "qr", "A", MIN(1, 0), c1003, 1);
	F(&f[2], "x1", "A", MIN(1, 10), NULL, 0);
	F(&f[3], "bad1", "A", MIN(1, 20), NULL, 0)->unreadable = 1;
	F(&f[4], "x2", "A", MIN(1, 30), NULL, 0);
	imgsort_run(f, 5, &o, &r);
	/* The run goes on past an unreadable frame, which is flagged: it
	 * may have been the next QR. */
	ASSERT_LISTS(r.sessions, r.nsessions, f, "1003: x1 x2");
	ASSERT_PATHS(r.unreadable, r.nunreadable, f, "bad0 bad1");
	assert_int_equal(r.nflags, 1);
	assert_int_equal(r.flags[0].kind, IMGSORT_FLAG_UNREADABLE);
	assert_string_equal(f[r.flags[0].frame].rel, "bad1");
	assert_string_equal(r.flags[0].code, "1003");
	imgsort_result_free(&r);
}

static void
test_flags_gap_qrlike_long_run(void **state)
{
	struct imgsort_frame f[32];
	struct imgsort_opts o = qr_opts();
	struct imgsort_result r;
	static char names[32][8];
	size_t n = 0, i, k;
	int kinds[4] = { 0, 0, 0, 0 };
	char *t;

	/* Runs of 2 frames for 1001..1003, then 1004 with 14 frames, one
	 * after a 12-minute gap and one that looked like a QR. */
	for (k = 0; k < 4; k++) {
		static const char *codes[4][1] = { { "1001" }, { "1002" },
		    { "1003" }, { "1004" } };
		size_t len = k < 3 ? 2 : 14;

		snprintf(names[n], sizeof names[n], "q%zu", k);
		F(&f[n], names[n], "A", MIN(10 * k, 0), codes[k], 1);
		n++;
		for (i = 0; i < len; i++) {
			long long when = MIN(10 * k, 10 * (i + 1));

			if (k == 3 && i >= 5)
				when += MIN(12, 0);
			snprintf(names[n], sizeof names[n], "f%zu", n);
			F(&f[n], names[n], "A", when, NULL, 0);
			if (k == 3 && i == 8)
				f[n].qr_like = 1;
			n++;
		}
	}
	imgsort_run(f, n, &o, &r);
	for (i = 0; i < r.nflags; i++)
		kinds[r.flags[i].kind]++;
	assert_int_equal(kinds[IMGSORT_FLAG_GAP], 1);
	assert_int_equal(kinds[IMGSORT_FLAG_QR_LIKE], 1);
	assert_int_equal(kinds[IMGSORT_FLAG_LONG_RUN], 1);
	assert_int_equal(kinds[IMGSORT_FLAG_UNREADABLE], 0);
	for (i = 0; i < r.nflags; i++) {
		assert_string_equal(r.flags[i].code, "1004");
		t = imgsort_flag_text(&r.flags[i], f);
		assert_non_null(strstr(t, f[r.flags[i].frame].rel));
		free(t);
		if (r.flags[i].kind == IMGSORT_FLAG_GAP)
			assert_int_equal(r.flags[i].value, 12);
		if (r.flags[i].kind == IMGSORT_FLAG_LONG_RUN) {
			assert_string_equal(f[r.flags[i].frame].rel, "q3");
			assert_int_equal(r.flags[i].value, 8);
		}
	}
	/* The frame that looked like a QR and the five after it are held
	 * as "unreadable code?", not filed with 1004 (issue 14). */
	assert_int_equal(imgsort_find(r.sessions, r.nsessions, "1004")->n, 8);
	assert_int_equal(r.nsuspect, 6);
	assert_int_equal(r.suspect[0], 3 * 3 + 1 + 8);
	for (i = 0; i < r.nflags; i++)
		if (r.flags[i].kind == IMGSORT_FLAG_QR_LIKE)
			assert_int_equal(r.flags[i].frame, r.suspect[0]);
	imgsort_result_free(&r);
}

static void
test_each_mode_and_json(void **state)
{
	struct imgsort_frame f[5];
	struct imgsort_opts o = qr_opts();
	struct imgsort_result r;
	char *j;

	o.mode = IMGSORT_EACH;
	F(&f[0], "d/\"q\".jpg", "A", MIN(0, 3), c1002, 1);
	F(&f[1], "d/b.jpg", "B", MIN(0, 1), c1002, 1);
	F(&f[2], "d/c.jpg", "A", MIN(0, 2), cunk, 1);
	F(&f[3], "d/e.jpg", "A", MIN(0, 4), NULL, 0);
	F(&f[4], "d/z.jpg", "A", -1, NULL, 0)->unreadable = 1;
	imgsort_run(f, 5, &o, &r);
	j = imgsort_json(&r, f);
	assert_string_equal(j, "{\"sessions\": {\"1002\": [\"d/b.jpg\", "
	    "\"d/\\\"q\\\".jpg\"]}, \"markers\": {}, \"unknown_codes\": "
	    "{\"4242\": [\"d/c.jpg\"]}, \"unassigned\": [\"d/e.jpg\"], "
	    "\"unreadable\": [\"d/z.jpg\"], \"unreadable_code\": []}");
	free(j);
	imgsort_result_free(&r);
}

static void
test_code_normalise(void **state)
{
	char *s;

	s = imgsort_code_normalise("  007 ");
	assert_string_equal(s, "7");
	free(s);
	s = imgsort_code_normalise("000");
	assert_string_equal(s, "0");
	free(s);
	s = imgsort_code_normalise(" Studio A ");
	assert_string_equal(s, "Studio A");
	free(s);
	assert_null(imgsort_code_normalise(" \t\n"));
}

static void
test_empty_card(void **state)
{
	struct imgsort_opts o = qr_opts();
	struct imgsort_result r;
	char *j;

	imgsort_run(NULL, 0, &o, &r);
	j = imgsort_json(&r, NULL);
	assert_string_equal(j, "{\"sessions\": {}, \"markers\": {}, "
	    "\"unknown_codes\": {}, \"unassigned\": [], \"unreadable\": [],"
	    " \"unreadable_code\": []}");
	free(j);
	imgsort_result_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bodies_sorted_apart),
		cmocka_unit_test(test_runs_markers_siblings_unknown),
		cmocka_unit_test(test_unreadable_kept_apart_and_flagged),
		cmocka_unit_test(test_flags_gap_qrlike_long_run),
		cmocka_unit_test(test_each_mode_and_json),
		cmocka_unit_test(test_code_normalise),
		cmocka_unit_test(test_empty_card),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
