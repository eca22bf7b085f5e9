/*
 * store/pose: the rows the school's exports read (yearbook, SIS photos,
 * composites): every client of an organization with its portrait
 * candidates, and the names each export last wrote.
 *
 * store_pose_each() calls fn once per (client, candidate image) in the
 * order core/pose.c needs: clients by last name, first name (as a person
 * expects: store/collate.h), id; within a
 * client its selected (✓) images first, earliest captured first, then the
 * other frames of its latest session first, in capture order.  Markers and
 * composite images are never candidates.  A client without any candidate
 * comes once with image_id 0.
 *
 * Threads: the caller's store only.  Errors: -1 (store_errmsg() says why).
 * Strings in rows live only during the callback.
 */
#ifndef PICDAY_STORE_POSE_H
#define PICDAY_STORE_POSE_H

struct store;

struct pose_row {
	long long	 client_id;
	const char	*first_name, *last_name, *student_id;	/* never NULL */
	const char	*grade, *teacher, *homeroom;		/* never NULL */
	long long	 session;	/* its latest session's number, or 0 */
	long long	 image_id;	/* 0: no candidate */
	long long	 image_session;	/* the number of the image's session */
	const char	*path;		/* relative to the studio, or NULL */
	const char	*sha256;
	int		 selected;
	const char	*role;		/* NULL: a student; "teacher", "staff" */
	const char	*title;		/* never NULL */
	int		 priority;	/* 0: none */
};

typedef int (*pose_row_fn)(const struct pose_row *, void *arg);
int	store_pose_each(struct store *, long long org_id, pose_row_fn,
	    void *arg);

/* The earliest session date of the organization ("YYYY-MM-DD", caller
 * frees), or NULL when none is scheduled. */
char	*store_pose_first_date(struct store *, long long org_id);

/* The name export `kind` last wrote for client_id: 1 (caller frees
 * *first and *last), 0 never exported, -1 error. */
int	store_pose_name_get(struct store *, const char *kind,
	    long long client_id, char **first, char **last);
/* Records the names an export wrote (one transaction per call is the
 * caller's: this is one statement). 0 or -1. */
int	store_pose_name_set(struct store *, const char *kind,
	    long long client_id, const char *first, const char *last);

#endif
