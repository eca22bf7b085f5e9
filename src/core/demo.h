/*
 * core/demo: the demo studio of `picday demo` (issue 2, item 6).
 *
 * demo_make() fills an empty studio so that a newcomer has something to
 * play with: a roster CSV of made-up students (accents, hyphens,
 * apostrophes; grades K-5 with two teachers each) written to
 * STUDIO/demo-roster.csv, the organization "Maple Grove Elementary", the
 * roster imported through core/roster, everyone booked through
 * core/schedule, and a simulated camera card in STUDIO/demo-card/ made by
 * media/cardgen (with expected.json, how the card must sort).  The same
 * seed gives the same studio, apart from the booking date.
 *
 * Threads: the caller's store; cardgen uses its own pool.  Errors: -1 with
 * *cause (caller frees); a studio that already has clients, or a non-empty
 * demo-card folder, is refused before anything is written.
 */
#ifndef PICDAY_CORE_DEMO_H
#define PICDAY_CORE_DEMO_H

#include <stddef.h>

struct store;

#define DEMO_ORG		"Maple Grove Elementary"
#define DEMO_DEFAULT_STUDENTS	60
#define DEMO_MAX_STUDENTS	5000

struct demo_opts {
	int		 students;	/* 0: DEMO_DEFAULT_STUDENTS */
	unsigned	 seed;		/* 0: a fixed default */
	const char	*date;		/* YYYY-MM-DD; NULL: a weekday a week
					   from today */
	int		 no_card;	/* nonzero: skip the camera card */
};

struct demo_result {
	char		*roster_path;	/* all strings owned; demo_result_free */
	char		*card_dir;	/* NULL when no card was made */
	char		*date;		/* first picture day */
	size_t		 students;	/* imported */
	size_t		 booked;
	long long	 first_number, last_number;
	size_t		 absent;	/* students with no frames on the card */
	size_t		 frames;
};

int	demo_make(struct store *, const struct demo_opts *,
	    struct demo_result *, char **cause);
void	demo_result_free(struct demo_result *);

#endif
