/*
 * core/status: Advance Status (DESIGN §1.5).
 *
 * Moves many sessions at once, each one step forward along the statuses
 * table (by position) or to a named status, in one transaction; every change
 * writes a session_history row ('status', old, new, at, user).  Moving
 * backwards needs a named target and allow_back.  Sessions that do not move
 * are reported with the reason, the others still move.
 *
 * Entering a status whose on_enter names a job kind: the sessions are
 * listed in the result (enter_kind/enter_numbers) so that the caller — a
 * higher layer that knows the job kinds — can queue that job after the
 * commit; core cannot include jobs/.
 *
 *   struct status_result r;
 *   status_advance(st, numbers, n, "Photographed" or NULL, 0, &r, &cause);
 *   ... r.moved, r.targets, r.skips[i].number / .why ...
 *   status_result_free(&r);
 *
 * Threads: the caller's store only.  Errors: -1 with *cause (database
 * trouble or an unknown target status); nothing moved then.
 */
#ifndef PICDAY_CORE_STATUS_H
#define PICDAY_CORE_STATUS_H

#include <stddef.h>

struct store;

enum status_skip_why {
	STATUS_SKIP_UNKNOWN,		/* no session with that number */
	STATUS_SKIP_LAST,		/* already at the last status */
	STATUS_SKIP_AT_TARGET,		/* already at the named status */
	STATUS_SKIP_BACKWARD,		/* target is behind, no allow_back */
};

struct status_skip {
	long long		 number;
	enum status_skip_why	 why;
	char			*status;	/* its status now, or NULL */
};

struct status_enter {
	char		*kind;		/* job kind of on_enter */
	char		*status;	/* the status entered */
	long long	*numbers;
	size_t		 n;
};

struct status_result {
	size_t			 moved;
	char			*targets;	/* "Photographed, Online" */
	struct status_skip	*skips;
	size_t			 nskips;
	struct status_enter	*enters;
	size_t			 nenters;
};

int	status_advance(struct store *, const long long *numbers, size_t n,
	    const char *to, int allow_back, struct status_result *,
	    char **cause);
void	status_result_free(struct status_result *);
/* "session 1042: already at the last status (Complete)" (caller frees). */
char	*status_skip_text(const struct status_skip *);

#endif
