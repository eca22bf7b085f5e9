/*
 * store/workflow: the SQL of the Workflow hub and of Group Capture — one
 * session's frames, the studio's ✓ mark (images.selected), and the
 * sessions made on the spot (an unknown code on a card, a student who
 * walks in during Group Capture).
 *
 * Threads: the caller's store only.  Errors: -1 (store_errmsg() says why,
 * or *cause where the function takes one); look-ups 1 found, 0 not, -1.
 * Strings passed to callbacks live only during the callback.
 */
#ifndef PICDAY_STORE_WORKFLOW_H
#define PICDAY_STORE_WORKFLOW_H

struct store;

struct wf_frame {
	long long	 id;
	const char	*path;		/* relative to the studio */
	const char	*preview_path;	/* relative, or NULL */
	const char	*captured_at;	/* or NULL */
	long long	 bytes;
	int		 width, height;
	int		 is_marker;
	int		 selected;
	int		 composite;	/* images.is_composite */
};
typedef int	(*wf_frame_fn)(const struct wf_frame *, void *arg);
/* The frames of a session in capture order (then path); fn returning
 * nonzero stops. */
int		 store_wf_frames(struct store *, long long session_id,
		    wf_frame_fn, void *arg);

/* Flips images.selected of one image; *now gets the new value. */
int		 store_wf_toggle_selected(struct store *, long long image_id,
		    int *now);

/* One session for a header line: number, "Last, First", organization,
 * frames and how many are selected.  Caller frees name and org. */
struct wf_session {
	long long	 id, number, org_id;
	char		*name, *org;
	long long	 frames, selected;
};
int		 store_wf_session(struct store *, long long session_id,
		    struct wf_session *);
/* The same by session number. */
int		 store_wf_session_by_number(struct store *, long long number,
		    struct wf_session *);
void		 store_wf_session_clear(struct wf_session *);

/* The session after `number` in schedule order (start time, then
 * number; unscheduled ones last); 1 and *next, 0 at the end. */
int		 store_wf_session_next(struct store *, long long number,
		    long long *next);

/*
 * A new client (first, last; student ID and the rest empty) in org_id (0:
 * none) with a new session of the studio's first session type and first
 * status, in one transaction.  number 0 takes the next number from the
 * counter; a given number (an unknown code from a card) must be free, and
 * the counter is moved past it so it is never handed out again.  An
 * existing client_id (> 0) is used instead of making one.  *out_number
 * gets the number.  0, or -1 with *cause (caller frees).
 */
int		 store_wf_session_new(struct store *, long long number,
		    long long client_id, long long org_id, const char *first,
		    const char *last, long long *out_number, char **cause);

#endif
