/*
 * jobs/pvmaker: makes the watermarked previews of an upload ahead of the
 * transfers, on a few threads of its own, so that decoding (CPU) and
 * sending (network) overlap.  Internal to jobs/ (job-upload.c).
 *
 *   pv = pvmaker_new(long_side, watermark);
 *   i = pvmaker_add(pv, src, dst);  ... pvmaker_go(pv, nthreads);
 *   pvmaker_ready(pv, i) / pvmaker_wait(pv, i, &why);
 *   pvmaker_free(pv);               stops and joins the threads
 *
 * The threads touch no database and no ncurses: only the two paths they
 * are given (media_preview_make_marked(), atomic).  Jobs are made in the
 * order they were added.  pvmaker_add() only before pvmaker_go().
 */
#ifndef PICDAY_JOBS_PVMAKER_H
#define PICDAY_JOBS_PVMAKER_H

#include <stddef.h>

struct pvmaker;

struct pvmaker	*pvmaker_new(int long_side, const char *watermark);
size_t		 pvmaker_add(struct pvmaker *, const char *src, const char *dst);
void		 pvmaker_go(struct pvmaker *, int nthreads);
/* 1 when preview i is made (or failed), 0 not yet. */
int		 pvmaker_ready(struct pvmaker *, size_t i);
/* Waits for preview i: 0 made, -1 failed with *why (caller frees). */
int		 pvmaker_wait(struct pvmaker *, size_t i, char **why);
void		 pvmaker_free(struct pvmaker *);

#endif
