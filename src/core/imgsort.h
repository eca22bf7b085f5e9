/*
 * core/imgsort: which frames of a card go to which session (issue 4).  Pure:
 * no files, no database; the caller says what each frame carries and which
 * codes are sessions.
 *
 * By QR (IMGSORT_QR): frames are ordered per camera body (the body key:
 * make, model, serial) by capture time, then path; never one order across
 * bodies.  A frame carrying codes (a marker) starts a run belonging to each
 * of those codes; the frames after it, up to the body's next marker with a
 * different set of codes, belong to the run.  A repeated marker of the same
 * codes is just another marker.  Frames before a body's first marker are
 * unassigned.  A run's code that is no session puts its frames under
 * unknown_codes.  Unreadable frames are listed apart and do not end a run.
 * A frame that looked like a QR (finder patterns) but decoded to nothing
 * may be a student's marker that was missed: it and the frames after it,
 * up to the body's next marker, are held under "unreadable code?"
 * (suspect), never filed with the run before it, for the operator to
 * settle.
 *
 * By metadata or by hand (IMGSORT_EACH): each frame carries its own code
 * (or none: unassigned); there are no markers and no runs.
 *
 * Every list is in capture order (time, then path).  Codes are trimmed,
 * and a code of digits loses its leading zeros ("01234" is session 1234).
 *
 * Flags are the runs that look wrong, for the operator: a time gap of more
 * than gap_ms inside a run, a run far longer than the others (more than
 * three times the median run and at least five frames more), a frame that
 * looked like a QR but decoded to nothing (the one held frame flagged),
 * and an unreadable frame inside a run (it may be a missed QR).  Flags
 * never change the assignment.
 *
 * Threads: reentrant.  Memory: a result owns its lists and codes; frame
 * fields are borrowed and only read during imgsort_run().
 */
#ifndef PICDAY_CORE_IMGSORT_H
#define PICDAY_CORE_IMGSORT_H

#include <stddef.h>

enum imgsort_mode { IMGSORT_QR, IMGSORT_EACH };

struct imgsort_frame {
	const char	 *rel;		/* path relative to the card */
	const char	 *body;		/* body key; NULL = one unknown body */
	long long	  time_ms;	/* capture time; -1 unknown */
	int		  unreadable;
	int		  qr_like;	/* looked like a QR, nothing decoded */
	const char	**codes;	/* QR texts / the metadata value */
	size_t		  ncodes;
};

struct imgsort_opts {
	enum imgsort_mode mode;
	long long	  gap_ms;	/* 0 = 5 minutes */
	/* Is the (normalised) code a session of the studio? */
	int		(*is_session)(void *arg, const char *code);
	void		 *arg;
};

struct imgsort_list {
	char		 *code;
	size_t		 *frames;	/* indices into the frames given */
	size_t		  n;
};

enum imgsort_flag_kind {
	IMGSORT_FLAG_GAP,		/* frame comes long after the one before */
	IMGSORT_FLAG_LONG_RUN,		/* frame is the marker of a long run */
	IMGSORT_FLAG_QR_LIKE,		/* frame looked like an undecoded QR
					   (held, with the frames after it) */
	IMGSORT_FLAG_UNREADABLE		/* unreadable frame inside a run */
};

struct imgsort_flag {
	enum imgsort_flag_kind kind;
	size_t		  frame;	/* the frame concerned */
	char		 *code;		/* the run's codes ("1001,1002"), or NULL
					   before the first marker */
	long long	  value;	/* GAP: minutes; LONG_RUN: run frames */
};

struct imgsort_result {
	struct imgsort_list	*sessions;	/* sorted by code */
	size_t			 nsessions;
	struct imgsort_list	*markers;
	size_t			 nmarkers;
	struct imgsort_list	*unknown;
	size_t			 nunknown;
	size_t			*unassigned;
	size_t			 nunassigned;
	size_t			*unreadable;
	size_t			 nunreadable;
	struct imgsort_flag	*flags;		/* in the order found */
	size_t			 nflags;
	size_t			*suspect;	/* "unreadable code?" (QR mode) */
	size_t			 nsuspect;
};

void	 imgsort_run(const struct imgsort_frame *, size_t n,
	    const struct imgsort_opts *, struct imgsort_result *);
void	 imgsort_result_free(struct imgsort_result *);

/* A code trimmed, and without leading zeros when it is all digits; NULL
 * when nothing is left.  Caller frees. */
char	*imgsort_code_normalise(const char *);
/* The list for code in lists[0..n), or NULL. */
const struct imgsort_list *imgsort_find(const struct imgsort_list *, size_t n,
	    const char *code);
/* The contract JSON of DESIGN §4 / issue 4 (no flags), a new string. */
char	*imgsort_json(const struct imgsort_result *,
	    const struct imgsort_frame *);
/* One line describing a flag (no newline), a new string. */
char	*imgsort_flag_text(const struct imgsort_flag *,
	    const struct imgsort_frame *);

#endif
