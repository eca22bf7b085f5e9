/*
 * core/pose: the pose of each student of an organization (DESIGN §4,
 * "Rules the later stages share"), for the yearbook, SIS and composite
 * exports.
 *
 * A session's pose is its selected (✓) image, the earliest captured when
 * several are; with none, its first non-marker frame.  A student with
 * several sessions (a retake) gets a selected image of any of them first,
 * else the first frame of its latest session that has frames.  Students
 * come by last name, first name.  pose_list() also names the export files:
 * each student's `file` is ASCII [A-Za-z0-9_-] made from the student ID
 * (else "S" and the session number, else "C" and the client id), unique in
 * the list.  Teachers and staff are in the list too (role set), each
 * with its title and priority (pose_staff_cmp() orders them).
 *
 * Ownership: pose_list() fills a struct pose_list that pose_list_free()
 * releases; every string in it is owned by it.  Threads: the caller's store.
 */
#ifndef PICDAY_CORE_POSE_H
#define PICDAY_CORE_POSE_H

#include <stddef.h>

struct store;

struct pose {
	long long	 client_id;
	char		*first_name, *last_name, *student_id;
	char		*grade, *teacher, *homeroom;
	long long	 session;	/* the pose's session, else the latest */
	long long	 image_id;	/* 0: no pose */
	char		*path;		/* relative to the studio; NULL: none */
	char		*sha256;
	char		*file;		/* unique safe base name, no extension */
	long long	 dup_of;	/* index + 1 of an earlier student with
					 * the same image bytes, or 0 */
	char		*role;		/* NULL: a student; "teacher", "staff" */
	char		*title;		/* never NULL */
	int		 priority;	/* 1 first; 0: none (after all) */
};

struct pose_list {
	struct pose	*v;
	size_t		 n;
	size_t		 nposed;	/* students with a pose */
};

/* 0, or -1 with *cause set (caller frees). */
int	pose_list(struct store *, long long org_id, struct pose_list *,
	    char **cause);
void	pose_list_free(struct pose_list *);

/* qsort order of teachers and staff (struct pose *const *): priority
 * (none last), then as listed (by name). */
int	pose_staff_cmp(const void *, const void *);

/* "Last, First (student ID X, session N)" for messages (caller frees). */
char	*pose_who(const struct pose *);

/* The school year of an organization for titles: the setup key
 * school.year when set, else from its first session date ("2026-2027"
 * for a date from August on, "2025-2026" before), else NULL.  Caller
 * frees. */
char	*pose_school_year(struct store *, long long org_id);

/*
 * The validation report an export prints before it writes: calls fn with
 * one line for each student without a pose ("no portrait: WHO"), each
 * image that stands for two students ("same image for WHO and WHO"), two
 * students of one name ("two students of one name: WHO and WHO"), and
 * each name that changed since export `kind` last ran ("name changed
 * since the last export: OLD -> NEW").  Returns the number of lines.
 */
size_t	pose_check(struct store *, const struct pose_list *, const char *kind,
	    void (*fn)(const char *line, void *arg), void *arg);
/* Records the names export `kind` wrote (students with a pose), in one
 * transaction.  0, or -1 with *cause. */
int	pose_record_names(struct store *, const struct pose_list *,
	    const char *kind, char **cause);
#endif
