/*
 * store/client: client records (students, and the school's teachers and
 * staff; DESIGN §1.1).
 *
 * A client belongs to at most one organization; (organization, student ID)
 * is its key for roster imports.  Text fields are indexed by enum
 * client_field so that importers can walk them; NULL means empty.
 *
 * Threads: the caller's struct store, on its thread.  Errors: -1 means a
 * database error; store_errmsg() says which.  Writes are not wrapped in a
 * transaction here: bulk callers (core/roster) open one around them.
 */
#ifndef PICDAY_STORE_CLIENT_H
#define PICDAY_STORE_CLIENT_H

struct store;

enum client_field {
	CLIENT_FIRST_NAME,
	CLIENT_LAST_NAME,
	CLIENT_STUDENT_ID,
	CLIENT_GRADE,
	CLIENT_TEACHER,
	CLIENT_HOMEROOM,
	CLIENT_EMAIL,
	CLIENT_PHONE,
	CLIENT_GUARDIAN,
	CLIENT_ROLE,		/* NULL: a student; "teacher" or "staff" */
	CLIENT_TITLE,		/* "Principal", "Grade 3 Teacher" */
	CLIENT_PRIORITY,	/* decimal 1..999, 1 first; NULL: none */
	CLIENT_NFIELDS
};

struct client {
	long long	 id;
	long long	 org_id;	/* 0: none */
	char		*f[CLIENT_NFIELDS];
};

/* Column names of the fields ("first_name", ...). */
const char	*client_field_name(enum client_field);
/* Frees the strings of c (not c itself) and zeroes it. */
void		 client_clear(struct client *c);

/* Looks a client up by its key.  1 and *c filled (strings owned by c),
 * 0 when there is none, -1 on error. */
int	store_client_find(struct store *, long long org_id,
	    const char *student_id, struct client *c);
/* A teacher or staff member of org_id without a student ID, by exact
 * last and first name (the key of a staff row a roster gives no ID):
 * 1 and *c filled, 0 none, -1 error. */
int	store_client_find_staff(struct store *, long long org_id,
	    const char *last, const char *first, struct client *c);
/* Inserts c (c->id ignored); *id gets the new row id.  0 or -1. */
int	store_client_insert(struct store *, const struct client *c,
	    long long *id);
/* Overwrites every field of client c->id with c's.  0 or -1. */
int	store_client_update(struct store *, const struct client *c);
/* Number of clients in the studio, or -1. */
long long store_client_count(struct store *);

/*
 * A large import inside the caller's transaction: inserting many rows into
 * the clients' five sorted indexes one at a time costs more than the rest
 * of the import together, while building an index afresh sorts once.
 * store_client_indexes_drop() drops the indexes of the clients table other
 * than its key (organization, student ID), returning the statements that
 * make them again in *out (NULL-terminated, owned by the caller);
 * store_client_indexes_make() runs them and frees them.  Both 0 or -1; on
 * -1 the caller rolls back, which brings the indexes back too, and a
 * rollback wants only store_client_indexes_free().
 */
int	store_client_indexes_drop(struct store *, char ***out);
int	store_client_indexes_make(struct store *, char **made);
void	store_client_indexes_free(char **made);

/* One row of store_client_list(); strings live until fn returns. */
struct client_row {
	long long	 id;
	const char	*f[CLIENT_NFIELDS];
	const char	*organization;
};
/* Calls fn for each client (of org_id, or all when org_id is 0) by last
 * name, first name.  fn returning nonzero stops.  0 or -1. */
int	store_client_list(struct store *, long long org_id,
	    int (*fn)(const struct client_row *, void *), void *arg);

/* --- one client by hand (the Clients hub's form and delete) --- */

/* Client id: 1 and *c filled (strings owned by c), 0 none, -1 error. */
int	store_client_get(struct store *, long long id, struct client *c);
/*
 * Saves c: inserted when c->id is 0 (*id gets the new row id), else every
 * field and the organization of c->id overwritten.  One transaction.  -1
 * with *cause (caller frees) when the last name is empty, the student ID
 * is already taken in that organization, or the database fails.
 */
int	store_client_save(struct store *, const struct client *c,
	    long long *id, char **cause);

/* What refers to a client. */
struct client_usage {
	long long	 sessions;
	long long	 images;	/* of its sessions */
	long long	 invoices;	/* of it or of its sessions */
};
int	store_client_usage(struct store *, long long id, struct client_usage *);
/*
 * Deletes client id with its sessions (their history, groups and mail log
 * go with them) in one transaction.  Refused (-1, *cause says why,
 * nothing written) while it has images or invoices.
 */
int	store_client_delete(struct store *, long long id, char **cause);

#endif
