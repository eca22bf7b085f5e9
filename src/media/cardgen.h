/*
 * cardgen: the simulated camera card of picday demo.
 *
 * cardgen_make() writes a folder that looks like a memory card after a
 * school picture day: DIR/DCIM/100CANON/IMG_nnnn.JPG, DIR/DCIM/100NIKON/
 * DSC_nnnn.JPG, ... real JPEG frames with EXIF (make, model, body serial,
 * DateTimeOriginal + SubSecTimeOriginal, orientation, copyright), and
 * DIR/expected.json, the result `picday images import DIR --by qr --dry-run
 * --format json` must print for it (issue 4, item 4).
 *
 * Per present subject, in the order given (the schedule order): one frame
 * of a printed QR sheet carrying the session number, then 2-4 portrait
 * frames.  Absent subjects get no frames.  Each body starts with 1-2 test
 * shots (unassigned).  Subjects are split across the bodies in alternating
 * blocks and the bodies shoot at the same time of day, so only per-body
 * ordering sorts the card right.  Output is deterministic for a seed.
 *
 * Threads: cardgen_make() initialises libvips if needed and encodes frames on
 * its own small pool of threads; it returns when all are written.  Call it
 * from one thread at a time.
 * Errors: 0 on success; -1 with *cause set (caller frees) when a file cannot
 * be written or an image cannot be made.  Files already written stay.
 */
#ifndef PICDAY_MEDIA_CARDGEN_H
#define PICDAY_MEDIA_CARDGEN_H

#include <stddef.h>

#include "media/cardgen-subject.h"

struct cardgen_opts {
	int		 width;		/* frame size; 0 = 1732 x 1155 (2 MP) */
	int		 height;
	unsigned	 seed;		/* same seed, same card */
	int		 bodies;	/* camera bodies, 1-4; 0 = 2 */
	/* Capture time of the first frame, "YYYY-MM-DD HH:MM:SS" (written to
	 * EXIF as is, no time zone); NULL = "2024-09-12 08:30:00". */
	const char	*start_time;
	int		 threads;	/* encoder threads; 0 = one per core */
};

/* Fills *o with the defaults above, seed 1 (then change what you need). */
void	cardgen_opts_default(struct cardgen_opts *o);

/*
 * Makes the card in dir (created if missing; should be empty).  subjects[0..n)
 * in schedule order; o may be NULL for the defaults.  Writes frames under
 * dir/DCIM/ and dir/expected.json.  If nframes is not NULL it receives the
 * number of frames written.
 */
int	cardgen_make(const char *dir, const struct cardgen_subject *subjects,
	    size_t n, const struct cardgen_opts *o, size_t *nframes,
	    char **cause);

#endif
