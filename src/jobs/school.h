/*
 * jobs/school: the payloads of the school's export jobs ("pspa", "sis",
 * "composite"), made in one place for the CLI and the TUI.  Paths must be
 * absolute (the job may run later, in another process).  Each returns a
 * new JSON text (caller frees).
 */
#ifndef PICDAY_JOBS_SCHOOL_H
#define PICDAY_JOBS_SCHOOL_H

char	*job_pspa_payload(long long org_id, const char *dir, int width,
	    int height);
char	*job_sis_payload(long long org_id, const char *system,
	    const char *file, long long split);
char	*job_composite_payload(long long org_id, const char *by,
	    const char *file, int width_in, int height_in);

#endif
