/*
 * Grant resolution (core/grant.c; DESIGN §4 "Rules the later stages
 * share"): each style, and an image granted twice gets the most generous
 * terms.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/grant.h"

static const struct grant_image imgs[] = {
	{ 1, 1, 0, 0, NULL },		/* selected */
	{ 2, 0, 1, 0, "Best\nClass" },	/* composite, in two groups */
	{ 3, 0, 0, 1, "Best" },		/* ordered */
	{ 4, 0, 0, 0, "Bestx" },
};
#define NI (sizeof imgs / sizeof imgs[0])

static void
covers(const char *style, long long image, const int want[NI])
{
	struct grant_terms g = { style, 0, 0, 0, image };
	size_t i;

	for (i = 0; i < NI; i++)
		assert_int_equal(grant_covers(&g, &imgs[i]), want[i]);
}

static void
test_styles(void **state)
{
	static const int all[] = { 1, 1, 1, 1 }, ord[] = { 0, 0, 1, 0 },
	    sel[] = { 1, 0, 0, 0 }, noncomp[] = { 1, 0, 1, 1 },
	    best[] = { 0, 1, 1, 0 }, cls[] = { 0, 1, 0, 0 },
	    none[] = { 0, 0, 0, 0 }, single[] = { 0, 0, 0, 1 };

	(void)state;
	covers("all", 0, all);
	covers("ordered", 0, ord);
	covers("selected", 0, sel);
	covers("non-composite", 0, noncomp);
	covers("group:Best", 0, best);
	covers("group:Class", 0, cls);
	covers("group:Nope", 0, none);
	covers("single", 0, none);	/* a line naming no image */
	covers("single", 4, single);
}

static void
test_combine(void **state)
{
	const struct grant_terms g[] = {
		{ "all", 800, 1, 0, 0 },
		{ "selected", 1600, 1, 1, 0 },
		{ "ordered", 1200, 0, 0, 0 },
		{ "single", 0, 1, 0, 2 },
	};
	struct grant_result r[NI];

	(void)state;
	assert_int_equal(grant_resolve(g, 0, imgs, NI, r), 0);
	assert_int_equal(r[0].granted, 0);
	assert_int_equal(grant_resolve(g, 4, imgs, NI, r), 4);
	/* 1: all + selected: larger side, watermark both, release one */
	assert_int_equal(r[0].long_side, 1600);
	assert_int_equal(r[0].watermark, 1);
	assert_int_equal(r[0].release, 1);
	/* 2: all + single full size: full size wins */
	assert_int_equal(r[1].long_side, 0);
	assert_int_equal(r[1].watermark, 1);
	assert_int_equal(r[1].release, 0);
	/* 3: all + ordered: no watermark beats a watermark */
	assert_int_equal(r[2].long_side, 1200);
	assert_int_equal(r[2].watermark, 0);
	/* 4: only all */
	assert_int_equal(r[3].long_side, 800);
	assert_int_equal(r[3].watermark, 1);
	assert_int_equal(r[3].release, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_combine),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
