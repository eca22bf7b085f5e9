/*
 * store/setup: editing the workflow's statuses from the Setup hub (the
 * table statuses, DESIGN §1.5; reading them is store/status.h).
 *
 * Positions stay unique and keep the order the operator sees; moves go
 * through negative positions so the UNIQUE constraint never sees two rows
 * at one position.  Each call is one transaction.
 *
 * Threads: the caller's store, on its thread.  Errors: -1 with *cause set
 * (caller frees).
 */
#ifndef PICDAY_STORE_SETUP_H
#define PICDAY_STORE_SETUP_H

struct store;

/* The name of status id (caller frees), or NULL. */
char	*store_setup_status_name(struct store *, long long id);
/* Adds a status right after status `after` (0: at the end); *id gets it. */
int	store_setup_status_add(struct store *, const char *name,
	    long long after, long long *id, char **cause);
/* Renames status id. */
int	store_setup_status_rename(struct store *, long long id,
	    const char *name, char **cause);
/* Swaps status id with its neighbour before (delta -1) or after (+1).
 * Returns 0 also when it is already first or last (nothing moves). */
int	store_setup_status_move(struct store *, long long id, int delta,
	    char **cause);
/* Deletes status id; refused while a session has it. */
int	store_setup_status_delete(struct store *, long long id, char **cause);

#endif
