/*
 * store/session: the SQL of sessions, their history and the session-number
 * counter (DESIGN §1.2).
 *
 * Rows reach callers through store_session_each(), which streams them
 * ordered by session number: a list of 100,000 sessions never sits in
 * memory.  It reads a few hundred rows at a time, each chunk its own short
 * read, so a slow caller (a job writing a PDF and its progress) holds no
 * snapshot open.  The strings of a struct session_row belong to the statement and
 * are valid only during the callback.
 *
 * Threads: the caller's store only.  Errors: -1, with *cause (caller frees)
 * where the function takes one; a callback returning non-zero stops the
 * walk and that value is returned.
 */
#ifndef PICDAY_STORE_SESSION_H
#define PICDAY_STORE_SESSION_H

#include <stddef.h>

struct store;

struct session_row {
	long long	 id;
	long long	 number;
	long long	 client_id;	/* 0: none */
	long long	 org_id;
	int		 minutes;	/* 0: unknown */
	const char	*first_name, *last_name, *student_id;
	const char	*grade, *teacher, *homeroom;
	const char	*email, *phone, *guardian;
	const char	*organization, *status, *type;
	const char	*starts_at;	/* "YYYY-MM-DD HH:MM" or NULL */
};

/* Which sessions: all when every field is NULL/0.  numbers, when given,
 * win over org/status and keep their order; unknown ones are reported to
 * `missing` (if not NULL). */
struct session_filter {
	const char	*org;		/* organization name, no case */
	const char	*status;	/* status name, no case */
	const long long	*numbers;
	size_t		 nnumbers;
	void		(*missing)(long long number, void *arg);
};

typedef int (*session_row_fn)(const struct session_row *, void *arg);

int	store_session_each(struct store *, const struct session_filter *,
	    session_row_fn, void *arg);
/* How many sessions store_session_each() would walk (with numbers: how
 * many were given), or -1. */
long long store_session_count(struct store *, const struct session_filter *);

/* Look-ups for scheduling; 1 found, 0 not found, -1 error.  *name gets the
 * stored spelling (caller frees) when name is not NULL. */
int	store_session_org_find(struct store *, const char *org, long long *id,
	    char **name);
int	store_session_type_find(struct store *, const char *type,
	    long long *id, int *minutes, char **name);

/* Clients of an organization in booking order (last, first name, student
 * ID), filtered by grade/teacher when not NULL; `booked` says whether the
 * client already has a session of type_id. */
typedef int (*session_candidate_fn)(long long client_id, const char *first,
	    const char *last, const char *student_id, int booked, void *arg);
int	store_session_candidates(struct store *, long long org_id,
	    const char *grade, const char *teacher, long long type_id,
	    session_candidate_fn, void *arg);

/* Inside a transaction: takes n numbers from counters('session_number');
 * *first is the first of them.  0 or -1. */
int	store_session_numbers_take(struct store *, long long n,
	    long long *first);
/* 1 when the client has a session of that type, 0 not, -1 error. */
int	store_session_client_booked(struct store *, long long client_id,
	    long long type_id);
/* Inserts a session and its 'created' history row; returns the new id or
 * -1. */
long long store_session_insert(struct store *, long long number,
	    long long client_id, long long org_id, long long type_id,
	    const char *starts_at, int minutes, long long status_id);

/* The session with that number: id and starts_at (caller frees; may be
 * NULL).  1 found, 0 not, -1 error. */
int	store_session_find(struct store *, long long number, long long *id,
	    char **starts_at);
int	store_session_set_start(struct store *, long long id,
	    const char *starts_at);

/* One history row (what: 'created', 'status', 'schedule', ...). */
int	store_history_add(struct store *, long long session_id,
	    const char *what, const char *old_value, const char *new_value);
typedef int (*history_fn)(const char *at, const char *user, const char *what,
	    const char *old_value, const char *new_value, void *arg);
/* History of the session with that number, oldest first.  0, or -1. */
int	store_history_each(struct store *, long long session_id, history_fn,
	    void *arg);

#endif
