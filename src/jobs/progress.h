/*
 * jobs/progress: the "kind #id: done/total" line and the messages of the
 * job runner on stderr (jobs/progress.c).  A leaf: it knows nothing of the
 * queue that calls it.  Thread-safe.
 */
#ifndef PICDAY_JOBS_PROGRESS_H
#define PICDAY_JOBS_PROGRESS_H

/* One line of progress on stderr (thread-safe): on a terminal a line that
 * updates in place, else plain lines at most once a second per job. */
void	 jobs_progress_show(const char *kind, long long id, long long done,
	    long long total, int last);
/* A message on stderr that does not mix with the progress line. */
void	 jobs_progress_message(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
