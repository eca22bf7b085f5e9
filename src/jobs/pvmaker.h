/*
 * jobs/pvmaker: makes the watermarked previews of an upload, and the
 * SHA-256 checks of its HiRes files, ahead of the transfers, on a few
 * threads of its own (at most 2: the first checks the HiRes files first,
 * one preview is made at a time, with one libvips thread), so that
 * decoding and hashing (CPU) and sending (network) overlap and memory
 * stays bounded.  Internal to jobs/ (job-upload.c).
 *
 *   pv = pvmaker_new(long_side, watermark);
 *   i = pvmaker_add(pv, src, near, dst);  ... pvmaker_go(pv, nthreads);
 *   k = pvmaker_add_hash(pv, path);
 *   pvmaker_ready(pv, i) / pvmaker_wait(pv, i, &why);
 *   pvmaker_hash(pv, k, sha, &bytes);
 *   pvmaker_free(pv);               stops and joins the threads
 *
 * The threads touch no database and no ncurses: only the two paths they
 * are given (media_preview_make_from(), atomic).  Jobs are made in the
 * order they were added.  pvmaker_add() only before pvmaker_go().
 */
#ifndef PICDAY_JOBS_PVMAKER_H
#define PICDAY_JOBS_PVMAKER_H

#include <stddef.h>

struct pvmaker;

struct pvmaker	*pvmaker_new(int long_side, const char *watermark);
/* near: the import's preview of src, or NULL (media_preview_make_from). */
size_t		 pvmaker_add(struct pvmaker *, const char *src,
		    const char *near, const char *dst);
/* A SHA-256 of path to compute (pvmaker_hash()). */
size_t		 pvmaker_add_hash(struct pvmaker *, const char *path);
/* Starts the threads; sets libvips to one thread per pipeline and
 * malloc to few arenas (process-wide) when there are previews to make. */
void		 pvmaker_go(struct pvmaker *, int nthreads);
/* 1 when preview i is made (or failed), 0 not yet. */
int		 pvmaker_ready(struct pvmaker *, size_t i);
/* Waits for preview i: 0 made, -1 failed with *why (caller frees). */
int		 pvmaker_wait(struct pvmaker *, size_t i, char **why);
/* Waits for hash i: 0 with sha (hex) and *bytes, -1 with errno. */
int		 pvmaker_hash(struct pvmaker *, size_t i, char sha[65],
		    long long *bytes);
void		 pvmaker_free(struct pvmaker *);

#endif
