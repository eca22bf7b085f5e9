/*
 * jobs/delivery: the digital delivery of one session (jobs/job-delivery,
 * the "delivery" job; DESIGN §4 stage 9).  Payload: {"session": NUMBER,
 * "dir": "/abs/DIR", "zip": 0|1}; it writes DIR/NUMBER/.
 */
#ifndef PICDAY_JOBS_DELIVERY_H
#define PICDAY_JOBS_DELIVERY_H

struct store;

/* How many images the grants of the session give (0: none), or -1 with
 * *cause.  Messages for grants that cannot give anything (a group that
 * does not exist, a single-image grant whose line names no image) go to
 * note.  */
long	delivery_count(struct store *, long long session,
	    void (*note)(const char *, void *), void *arg, char **cause);
char	*job_delivery_payload(long long session, const char *dir, int zip);

#endif
