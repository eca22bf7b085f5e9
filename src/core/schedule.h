/*
 * core/schedule: Bulk Scheduling (DESIGN §1.2) and rescheduling.
 *
 * Three separate steps so that a wizard can show a preview before it books:
 *
 *   struct schedule_request rq;
 *   schedule_request_init(&rq);          defaults: "Picture Day", 1 per slot
 *   rq.org = "Lincoln Elementary"; ...   fill in (times via schedule_parse_*)
 *   schedule_plan_make(st, &rq, &plan, &cause);     preview, writes nothing
 *   plan->nbook / plan->nskipped / plan->misfits    show it
 *   schedule_plan_commit(st, plan, &res, &cause);   one transaction
 *   schedule_plan_free(plan);
 *
 * Candidates are the clients of the organization (optionally one grade and/or
 * teacher, compared without case) ordered by last name, first name, student
 * ID.  A client that already has a session of the requested session type is
 * skipped.  Slots run day by day (weekdays only with skip_weekends) from
 * day_from while a slot still ends by day_to (00:00-24:00 is a whole day),
 * stepping slot_minutes + gap_minutes and jumping over the daily break; each
 * slot takes per_slot sessions.  Clients left over "do not fit".
 *
 * Commit hands out session numbers from counters('session_number') (never
 * reused, never MAX+1), status = the first status, one session_history row
 * 'created' per session; clients booked meanwhile by someone else are
 * skipped.  All or nothing.
 *
 * Threads: the caller's store only.  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_CORE_SCHEDULE_H
#define PICDAY_CORE_SCHEDULE_H

#include <stddef.h>

struct store;

#define SCHEDULE_DEFAULT_TYPE	"Picture Day"

struct schedule_request {
	const char	*org;		/* organization name (required) */
	const char	*grade;		/* NULL or "": every grade */
	const char	*teacher;	/* NULL or "": every teacher */
	const char	*type;		/* session type; NULL: Picture Day */
	const char	*date_from;	/* YYYY-MM-DD (required) */
	const char	*date_to;	/* YYYY-MM-DD; NULL: date_from only */
	int		 skip_weekends;
	int		 day_from;	/* minutes after midnight, 0..1439 */
	int		 day_to;	/* 1..1440 (1440 = 24:00) */
	int		 break_from;	/* -1: no break */
	int		 break_to;
	int		 slot_minutes;	/* >= 1 */
	int		 gap_minutes;	/* >= 0 between slots */
	int		 per_slot;	/* >= 1 sessions per slot */
};

struct schedule_booking {
	long long	 client_id;
	char		 starts_at[17];	/* "YYYY-MM-DD HH:MM" */
};

struct schedule_misfit {
	long long	 client_id;
	char		*name;		/* "Last, First (student ID)" */
};

struct schedule_plan {
	long long		 org_id;
	long long		 type_id;
	char			*org_name;
	char			*type_name;
	int			 minutes;	/* slot length booked */
	size_t			 ncandidates;	/* clients matching the filter */
	size_t			 nskipped;	/* already had a session */
	size_t			 nslots;	/* slots in the window */
	size_t			 capacity;	/* nslots * per_slot */
	struct schedule_booking	*book;		/* in booking order */
	size_t			 nbook;
	struct schedule_misfit	*misfits;	/* did not fit */
	size_t			 nmisfits;
};

struct schedule_result {
	size_t		 booked;
	size_t		 skipped;	/* booked meanwhile by someone else */
	long long	 first_number;	/* 0 when nothing was booked */
	long long	 last_number;
};

void	schedule_request_init(struct schedule_request *);
/* "HH:MM" (00:00..24:00) to minutes after midnight; -1 if malformed. */
int	schedule_parse_time(const char *);
/* "HH:MM-HH:MM" to two minute counts; 0 or -1. */
int	schedule_parse_range(const char *, int *from, int *to);
/* 1 when s is a real calendar date written YYYY-MM-DD. */
int	schedule_valid_date(const char *s);

/* Preview: reads only.  0, or -1 with *cause (bad request, unknown org). */
int	schedule_plan_make(struct store *, const struct schedule_request *,
	    struct schedule_plan **, char **cause);
/* Books the plan in one transaction.  0, or -1 with *cause. */
int	schedule_plan_commit(struct store *, const struct schedule_plan *,
	    struct schedule_result *, char **cause);
void	schedule_plan_free(struct schedule_plan *);

/* Moves session `number` to date "YYYY-MM-DD" time "HH:MM" and records
 * history 'schedule' old -> new.  0, or -1 with *cause. */
int	schedule_reschedule(struct store *, long long number, const char *date,
	    const char *time, char **cause);

#endif
