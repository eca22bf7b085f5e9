/*
 * store/org: organizations (a school, a league: DESIGN §1.1).
 *
 * Names are unique without regard to ASCII case; codes are unique when
 * given.  Threads: the caller's struct store, on its thread.  Errors: -1
 * with *cause set (caller frees) where a cause is taken.
 */
#ifndef PICDAY_STORE_ORG_H
#define PICDAY_STORE_ORG_H

struct store;

struct org {
	long long	 id;
	const char	*name;
	const char	*code;		/* NULL when none */
	long long	 nclients;
	const char	*created_at;
};

/* Adds an organization; -1 with *cause when the name or code is taken. */
int	store_org_add(struct store *, const char *name, const char *code,
	    long long *id, char **cause);
/* 1 and *id when an organization of that name exists, 0 when not, -1 on a
 * database error. */
int	store_org_find(struct store *, const char *name, long long *id);
/* The name of organization id (caller frees), or NULL. */
char	*store_org_name(struct store *, long long id);
/* Calls fn for each organization by name; the struct's strings live until
 * fn returns.  fn returning nonzero stops the walk.  0 or -1. */
int	store_org_list(struct store *, int (*fn)(const struct org *, void *),
	    void *arg);

/* Name and code of organization id (caller frees both; *code NULL when
 * none): 1, 0 when there is none, -1 on error. */
int	store_org_get(struct store *, long long id, char **name, char **code);
/* Renames id and sets its code (empty: none); -1 with *cause when the
 * name or code is taken or the database fails. */
int	store_org_update(struct store *, long long id, const char *name,
	    const char *code, char **cause);
/* Deletes id; refused (-1, *cause) while clients or sessions belong to it. */
int	store_org_delete(struct store *, long long id, char **cause);

#endif
