/*
 * store/status: the statuses of the workflow (table statuses, DESIGN §1.5)
 * and a session's current status.
 *
 * Threads: the caller's store only.  Errors: -1 (store_errmsg() says why).
 */
#ifndef PICDAY_STORE_STATUS_H
#define PICDAY_STORE_STATUS_H

#include <stddef.h>

struct store;

struct status {
	long long	 id;
	int		 position;
	char		*name;
	char		*on_enter;	/* job kind queued on entering, or NULL */
};

/* Every status in workflow order (caller frees with store_status_free). */
int	store_status_list(struct store *, struct status **, size_t *n);
void	store_status_free(struct status *, size_t n);

/* The session with that number: its id and status id.  1 found, 0 not,
 * -1 error. */
int	store_status_of(struct store *, long long number, long long *session_id,
	    long long *status_id);
/* Sets the status (history is the caller's: store_history_add). */
int	store_status_set(struct store *, long long session_id,
	    long long status_id);

#endif
